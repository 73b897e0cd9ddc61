/* cover.c: the report's organisation, body, year and type, read from the
 * cover and the first headings with the report.* patterns.
 *
 * Candidates are the body blocks of the first pages and their lines; a
 * field comes from the earliest page that gives it, and there from the
 * largest type (covers print what they are about in big letters). */
#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "report.h"
#include "text.h"
#include "util.h"

enum { TITLE_MAX_WORDS = 10 };

typedef struct candidate {
    char *text;
    int rank;     /* page * 2, + 1 for running headers: lower is better */
    float size;
    bool short_text;
} candidate;

/* An organisation the text names after the cover ("Simrishamns kommuns
 * kulturpris"), and how often. */
typedef struct mention {
    char *name, *folded;
    size_t count;
    int first_page;
} mention;

/* Distinct names counted at most: a report names itself among a few. */
enum { MAX_MENTIONED = 64 };

typedef struct cover_state {
    const arsred_patterns *patterns;
    candidate *items;
    size_t n, cap;
    mention *mentions;
    size_t n_mentions, cap_mentions;
} cover_state;

static void add_candidate(cover_state *st, const char *text, int rank, float size);

/* The PDF's Title and Subject are candidates after every cover page: a
 * report names itself there too, but producers also leave a file name or
 * a template's words in them. */
enum { METADATA_RANK = 2 * (COVER_PAGES + 1) };

static void *cover_start(arsred_document *doc, const arsred_patterns *patterns)
{
    cover_state *st = xcalloc(1, sizeof *st);
    st->patterns = patterns;
    if (doc->title)
        add_candidate(st, doc->title, METADATA_RANK, 0);
    if (doc->subject)
        add_candidate(st, doc->subject, METADATA_RANK, 0);
    return st;
}

static size_t word_count(const char *s)
{
    size_t n = 0;
    bool in = false;
    for (; *s; s++) {
        bool sp = *s == ' ';
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

static void add_candidate(cover_state *st, const char *text, int rank, float size)
{
    candidate c = {xstrdup(text), rank, size, word_count(text) <= TITLE_MAX_WORDS};
    ARRAY_PUSH(st->items, st->n, st->cap, c);
}

/* Blocks and their lines are candidates, and so are two neighbouring
 * blocks joined ("För räkenskapsåret" over "2003"). Running headers count
 * too, after the body: a short report may name itself only there. */
static void count_mention(cover_state *st, const char *text, size_t start, size_t end, int page)
{
    char *name = xstrndup(text + start, end - start);
    char *folded = utf8_casefold(name);
    for (size_t i = 0; i < st->n_mentions; i++)
        if (strcmp(st->mentions[i].folded, folded) == 0) {
            st->mentions[i].count++;
            free(name);
            free(folded);
            return;
        }
    if (st->n_mentions >= MAX_MENTIONED) {
        free(name);
        free(folded);
        return;
    }
    mention m = {name, folded, 1, page};
    ARRAY_PUSH(st->mentions, st->n_mentions, st->cap_mentions, m);
}

/* Every organisation the patterns find in the page's text. */
static void count_mentions(cover_state *st, const layout_page *lp)
{
    const pattern *pats[64];
    size_t n = patterns_of_kind(st->patterns, "report.organisation", pats, 64);
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const char *text = lp->blocks[i].text;
        size_t len = strlen(text);
        for (size_t k = 0; k < n && k < 64; k++) {
            pattern_match m;
            for (size_t offset = 0; offset < len &&
                 pattern_exec(pats[k], text, len, offset, &m) == PATTERN_MATCHED;) {
                const pattern_group *g = pattern_match_group(&m, "organisation");
                if (g && g->set && g->end > g->start)
                    count_mention(st, text, g->start, g->end, lp->number);
                offset = m.end > offset ? m.end : offset + 1;
            }
        }
    }
}

static void cover_page(void *state, layout_page *lp, arsred_document *doc)
{
    (void)doc;
    cover_state *st = state;
    if (lp->number > COVER_PAGES) {
        count_mentions(st, lp);
        return;
    }
    const block *prev = NULL;
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        int rank = lp->number * 2 + (b->furniture ? 1 : 0);
        add_candidate(st, b->text, rank, b->size);
        if (b->n_lines > 1)
            for (size_t k = b->first_line; k < b->first_line + b->n_lines; k++)
                add_candidate(st, lp->lines[k].text, rank, lp->lines[k].size);
        if (prev && prev->furniture == b->furniture) {
            char *pair = xmalloc(strlen(prev->text) + strlen(b->text) + 2);
            sprintf(pair, "%s %s", prev->text, b->text);
            add_candidate(st, pair, rank, prev->size < b->size ? prev->size : b->size);
            free(pair);
        }
        prev = b;
    }
}

static bool better(const candidate *c, const candidate *best)
{
    if (!best)
        return true;
    if (c->rank != best->rank)
        return c->rank < best->rank;
    return c->size > best->size + 0.5f;
}

/* Where a candidate stands, for the evidence of a field. */
static char *evidence_of(const candidate *c, const pattern *p)
{
    strbuf sb;
    strbuf_init(&sb);
    if (c->rank >= METADATA_RANK)
        strbuf_adds(&sb, "the PDF's metadata");
    else
        strbuf_addf(&sb, c->rank % 2 ? "a running header on page %d" : "page %d", c->rank / 2);
    strbuf_addf(&sb, " (pattern %s): '%s'", pattern_name(p), c->text);
    char *s = strbuf_take(&sb);
    text_fold_space(s);
    return s;
}

/* The best capture of group over the candidates, by the patterns of kind;
 * *evidence says where it stands. */
static char *find_field(const cover_state *st, const char *kind, const char *group,
                        bool titles_only, char **evidence)
{
    const pattern *pats[64];
    size_t n_pats = patterns_of_kind(st->patterns, kind, pats, 64);
    if (n_pats > 64)
        n_pats = 64;
    const candidate *best = NULL;
    char *value = NULL;
    for (size_t i = 0; i < st->n; i++) {
        const candidate *c = &st->items[i];
        if ((titles_only && !c->short_text) || !better(c, best))
            continue;
        for (size_t k = 0; k < n_pats; k++) {
            pattern_match m;
            if (pattern_exec(pats[k], c->text, strlen(c->text), 0, &m) != PATTERN_MATCHED)
                continue;
            const pattern_group *g = pattern_match_group(&m, group);
            if (!g || g->end <= g->start)
                continue;
            free(value);
            value = xstrndup(c->text + g->start, g->end - g->start);
            free(*evidence);
            *evidence = evidence_of(c, pats[k]);
            best = c;
            break;
        }
    }
    return value;
}

static char *lower_first(char *s)
{
    if (!s)
        return s;
    char *folded = utf8_casefold(s);
    free(s);
    return folded;
}

/* Where the cover names no organisation (a logo, a cover image), the one
 * the text names most often after it, if it names it more than once
 * (repetition is what tells the report's own from one it mentions). */
enum { MIN_MENTIONS = 2 };
static void organisation_from_text(const cover_state *st, arsred_document *doc)
{
    const mention *best = NULL;
    for (size_t i = 0; i < st->n_mentions; i++)
        if (st->mentions[i].count >= MIN_MENTIONS &&
            (!best || st->mentions[i].count > best->count))
            best = &st->mentions[i];
    if (!best)
        return;
    doc->organisation = xstrdup(best->name);
    strbuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "the text names it %zu times, first on page %d (not the cover)",
                best->count, best->first_page);
    free(doc->organisation_evidence);
    doc->organisation_evidence = strbuf_take(&sb);
}

static void cover_finish(void *state, arsred_document *doc)
{
    cover_state *st = state;
    /* Names are titles; the type and year may sit in a sentence
     * ("Styrelsen får härmed avge årsredovisning för räkenskapsåret 2021"). */
    doc->organisation =
        find_field(st, "report.organisation", "organisation", true, &doc->organisation_evidence);
    if (!doc->organisation)
        organisation_from_text(st, doc);
    doc->body = find_field(st, "report.body", "body", true, &doc->body_evidence);
    doc->type = lower_first(find_field(st, "report.type", "type", false, &doc->type_evidence));
    char *year = find_field(st, "report.year", "year", false, &doc->year_evidence);
    doc->year = year ? atoi(year) : 0;
    free(year);
    static const char *const names[] = {"organisation", "body", "year", "type"};
    bool missing[] = {!doc->organisation, !doc->body, !doc->year, !doc->type};
    for (size_t i = 0; i < 4; i++)
        if (missing[i])
            report_warn(doc, "report-field-missing", 0,
                        "the report's %s was not found on its first %d pages "
                        "nor in its metadata",
                        names[i], COVER_PAGES);
    for (size_t i = 0; i < st->n; i++)
        free(st->items[i].text);
    free(st->items);
    for (size_t i = 0; i < st->n_mentions; i++) {
        free(st->mentions[i].name);
        free(st->mentions[i].folded);
    }
    free(st->mentions);
    free(st);
}

const recogniser cover_recogniser = {"cover", cover_start, cover_page, cover_finish};
