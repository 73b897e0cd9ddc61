/* kpi.c: key figures (nyckeltal) from prose, from series of places and
 * from key-figure tables. The prose grammar is data (patterns/kpi.pat):
 * its forms (kind kpi.prose) find a figure with its name, the lists after
 * a form's match (kpi.more) give further figures, a clause ending in ":"
 * heads a series (kpi.series-*). A key-figure table is one by its title or
 * its shape, never a statement or a note. The same figure stated in prose
 * and in a table is one KPI with two sources. A goal's targets are the
 * goal's (goals.c), not KPIs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "number.h"
#include "pattern.h"
#include "report.h"
#include "table.h"
#include "text.h"
#include "util.h"

enum { MAX_KIND_PATTERNS = 32 };

/* The patterns of one kind, looked up once. */
typedef struct pattern_list {
    const pattern *items[MAX_KIND_PATTERNS];
    size_t n;
} pattern_list;

/* A series whose only evidence of being one could be that an entry names
 * the report's own place, which is known once the cover is read: its KPIs
 * doc->kpis[first, first + n) are decided in kpi_finish. */
typedef struct pending_series {
    size_t first, n;
} pending_series;

typedef struct kpi_state {
    const arsred_patterns *patterns;
    pattern_list forms, more, heads, groups, entries, places, not_names, table_titles, key_figures,
        statements, targets, kolada, label_kolada, label_units, percent_rows, name_units, notes_headings,
        unit_words;
    pending_series *pending;
    size_t n_pending, cap_pending;
    struct {
        strbuf text;
        int page;
        box bbox;
        bool open;
    } paragraph;                /* the body text read so far, until it ends */
    char *carried_head;         /* a series head that ended the last text */
} kpi_state;

static void list_of(const arsred_patterns *set, const char *kind, pattern_list *out)
{
    out->n = patterns_of_kind(set, kind, out->items, MAX_KIND_PATTERNS);
    if (out->n > MAX_KIND_PATTERNS)
        out->n = MAX_KIND_PATTERNS;
}

static void *kpi_start(arsred_document *doc, const arsred_patterns *patterns)
{
    (void)doc;
    kpi_state *st = xcalloc(1, sizeof *st);
    st->patterns = patterns;
    list_of(patterns, "kpi.prose", &st->forms);
    list_of(patterns, "kpi.more", &st->more);
    list_of(patterns, "kpi.series-head", &st->heads);
    list_of(patterns, "kpi.series-group", &st->groups);
    list_of(patterns, "kpi.series-entry", &st->entries);
    list_of(patterns, "kpi.place", &st->places);
    list_of(patterns, "kpi.not-a-name", &st->not_names);
    list_of(patterns, "kpi.table-title", &st->table_titles);
    list_of(patterns, "table.key-figures", &st->key_figures);
    list_of(patterns, "table.statement", &st->statements);
    list_of(patterns, "kpi.table-target", &st->targets);
    list_of(patterns, "kpi.table-kolada", &st->kolada);
    list_of(patterns, "kpi.label-kolada", &st->label_kolada);
    list_of(patterns, "table.label-unit", &st->label_units);
    list_of(patterns, "kpi.percent-measure", &st->percent_rows);
    list_of(patterns, "kpi.name-unit", &st->name_units);
    list_of(patterns, "kpi.notes-heading", &st->notes_headings);
    list_of(patterns, "kpi.unit-word", &st->unit_words);
    return st;
}

/* The first pattern of list that matches text, or NULL; m is its match. */
static const pattern *first_match(const pattern_list *list, const char *text, pattern_match *m)
{
    if (!text)
        return NULL;
    for (size_t i = 0; i < list->n; i++)
        if (pattern_exec(list->items[i], text, strlen(text), 0, m) == PATTERN_MATCHED)
            return list->items[i];
    return NULL;
}

static bool any_match(const pattern_list *list, const char *text)
{
    pattern_match m;
    return first_match(list, text, &m) != NULL;
}

static char *group_text(const char *text, const pattern_match *m, const char *name)
{
    const pattern_group *g = pattern_match_group(m, name);
    if (!g || !g->set || g->end <= g->start)
        return NULL;
    char *s = xstrndup(text + g->start, g->end - g->start);
    text_fold_space(s);
    return s;
}

/* A figure as the parser reads it; false where it is no amount. In
 * Swedish prose the decimal sign is a comma, so a dot before three digits
 * groups thousands ("48.300 kvm"), which a table cell leaves undecided. */
static bool figure(const char *text, double *value, int *decimals)
{
    number n;
    if (!text)
        return false;
    char *spaced = xstrdup(text);
    for (char *d = strchr(spaced, '.'); d; d = strchr(d + 1, '.'))
        if (d > spaced && d[-1] >= '0' && d[-1] <= '9' && strspn(d + 1, "0123456789") == 3)
            *d = ' ';
    number_kind k = number_parse(spaced, strlen(spaced), &n);
    free(spaced);
    if (k != NUMBER_AMOUNT && k != NUMBER_PERCENT && k != NUMBER_YEAR)
        return false;
    *value = n.value;
    *decimals = n.decimals;
    return true;
}

/* A unit as written, in the tool's one spelling where it is money or a
 * share ("tusen kronor" is tkr, "procent" is %: table.unit), else as
 * written ("dagar", "kr/kvm", "/10"). Takes unit. */
static char *normal_unit(const kpi_state *st, char *unit)
{
    if (!unit)
        return NULL;
    const char *canonical = table_unit_in(unit, st->patterns);
    if (canonical) {
        free(unit);
        return xstrdup(canonical);
    }
    return unit;
}

/* A name without the blanks and punctuation a match may end in. */
static char *clean_name(char *name)
{
    if (!name)
        return NULL;
    size_t n = strlen(name);
    while (n > 0 && strchr(" ,.:;", name[n - 1]))
        name[--n] = '\0';
    if (n == 0) {
        free(name);
        return NULL;
    }
    return name;
}

static bool is_no_name(const kpi_state *st, const char *name)
{
    return !name || any_match(&st->not_names, name);
}

/* The value offsets of one block already read, so that two forms that
 * find the same figure give one KPI (the first form's). */
typedef struct block_reader {
    kpi_state *st;
    arsred_document *doc;
    const char *text;
    size_t length;
    int page;
    box bbox;
    size_t *taken;
    size_t n_taken, cap_taken;
} block_reader;

static size_t value_offset(const pattern_match *m)
{
    const pattern_group *g = pattern_match_group(m, "value");
    return g && g->set ? g->start : m->start;
}

static bool is_taken(const block_reader *br, size_t at)
{
    for (size_t i = 0; i < br->n_taken; i++)
        if (br->taken[i] == at)
            return true;
    return false;
}

static void take(block_reader *br, size_t at)
{
    ARRAY_PUSH(br->taken, br->n_taken, br->cap_taken, at);
}

static void warn_limit(block_reader *br, const pattern *p)
{
    report_warn_once(br->doc, "pattern-limit", br->page,
                     "page %d: pattern %s stopped at its match limit; some paragraphs were not "
                     "searched with it",
                     br->page, pattern_name(p));
}

/* "Nämndens verksamhet 3 (18)" ending a header line: a page of so many (at
 * most the document's), not a figure with last year's. */
static bool is_page_of_pages(const block_reader *br, const kpi *k, const pattern_match *m)
{
    size_t rest = m->end;
    while (rest < br->length && strchr(" .", br->text[rest]))
        rest++;
    return k->has_previous && !k->unit && k->decimals == 0 && k->value >= 1 &&
           k->previous >= k->value && k->previous <= br->doc->pages && rest >= br->length;
}

/* "redovisade 1 240 timmar": where what a count verb counts is a unit, the
 * verb and the unit name the figure ("redovisade timmar"), in that unit.
 * Returns the unit (the name changed), or NULL (nothing changed). */
static char *named_by_verb(const kpi_state *st, const char *text, const pattern_match *m, char **name)
{
    if (!*name || !any_match(&st->unit_words, *name))
        return NULL;
    char *verb = group_text(text, m, "verb");
    if (!verb)
        return NULL;
    char *unit = *name;
    strbuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s %s", verb, unit);
    *name = strbuf_take(&sb);
    free(verb);
    return normal_unit(st, unit);
}

/* A KPI from a match: its groups name, value, previous, unit, qualifier,
 * year, kolada_id; a missing name or unit is the inherited one (a list's
 * head). False (and nothing kept) where the match gives no figure or no
 * name. */
static bool kpi_from_match(block_reader *br, const pattern *p, const pattern_match *m,
                           const char *inherited_name, const char *inherited_unit, kpi *out)
{
    const char *text = br->text;
    kpi k = {.page = br->page, .bbox = br->bbox};
    char *value = group_text(text, m, "value");
    bool ok = figure(value, &k.value, &k.decimals);
    free(value);
    k.name = clean_name(group_text(text, m, "name"));
    if (!k.name && inherited_name)
        k.name = xstrdup(inherited_name);
    char *unit_named = named_by_verb(br->st, text, m, &k.name);
    if (!ok || is_no_name(br->st, k.name)) {
        free(k.name);
        free(unit_named);
        return false;
    }
    char *previous = group_text(text, m, "previous");
    int prev_decimals;
    k.has_previous = figure(previous, &k.previous, &prev_decimals);
    free(previous);

    k.unit = normal_unit(br->st, group_text(text, m, "unit"));
    if (!k.unit)
        k.unit = unit_named;
    else
        free(unit_named);
    if (!k.unit && inherited_unit)
        k.unit = xstrdup(inherited_unit);
    if (is_page_of_pages(br, &k, m)) {
        free(k.name);
        free(k.unit);
        return false;
    }
    k.qualifier = clean_name(group_text(text, m, "qualifier"));
    k.kolada_id = group_text(text, m, "kolada_id");
    char *year = group_text(text, m, "year");
    k.year = year ? atoi(year) : 0;
    free(year);
    k.text = xstrndup(text + m->start, m->end - m->start);
    text_fold_space(k.text);
    k.pattern = xstrdup(pattern_name(p));
    *out = k;
    return true;
}

static void push_kpi(arsred_document *doc, kpi k)
{
    ARRAY_PUSH(doc->kpis, doc->n_kpis, doc->cap_kpis, k);
}

/* The list after a form's match: further figures of the same name (or of
 * their own), each from where the last one ended. */
static void read_list_after(block_reader *br, size_t end, const kpi *head)
{
    for (;;) {
        pattern_match m;
        const pattern *hit = NULL;
        for (size_t i = 0; i < br->st->more.n && !hit; i++) {
            const pattern *p = br->st->more.items[i];
            int rc = pattern_exec(p, br->text, br->length, end, &m);
            if (rc == PATTERN_LIMIT)
                warn_limit(br, p);
            if (rc == PATTERN_MATCHED && m.start == end && !is_taken(br, value_offset(&m)))
                hit = p;
        }
        if (!hit)
            return;
        kpi k;
        if (!kpi_from_match(br, hit, &m, head->name, NULL, &k))
            return;
        take(br, value_offset(&m));
        if (!k.year)
            k.year = head->year;
        push_kpi(br->doc, k);
        end = m.end;
    }
}

/* Every match of one form in the block, with the list after it. */
static void read_form(block_reader *br, const pattern *p)
{
    size_t offset = 0;
    pattern_match m;
    int rc;
    while (offset < br->length &&
           (rc = pattern_exec(p, br->text, br->length, offset, &m)) == PATTERN_MATCHED) {
        size_t at = value_offset(&m);
        kpi k;
        if (!is_taken(br, at) && kpi_from_match(br, p, &m, NULL, NULL, &k)) {
            take(br, at);
            push_kpi(br->doc, k);
            kpi head = {.name = k.name, .year = k.year};
            read_list_after(br, m.end, &head);
        }
        offset = m.end > offset ? m.end : offset + 1;
    }
    if (rc == PATTERN_LIMIT)
        warn_limit(br, p);
}

/* ---- series: a head ending in ":", groups, entries */

typedef struct series_entry {
    pattern_match m;
    const pattern *p;
    char *group;    /* the group it stands in ("Hushåll"), or NULL */
} series_entry;

static bool entry_is_bare(const series_entry *e)
{
    const pattern_group *u = pattern_match_group(&e->m, "unit");
    const pattern_group *p = pattern_match_group(&e->m, "previous");
    return !(u && u->set) && !(p && p->set);
}

/* Reads one run of entries from at, into out; returns how many. */
static size_t entry_run(block_reader *br, size_t *at, const char *group, series_entry **out, size_t *n,
                        size_t *cap)
{
    const kpi_state *st = br->st;
    size_t got = 0;
    for (bool more = true; more;) {
        more = false;
        for (size_t i = 0; i < st->entries.n && !more; i++) {
            const pattern *p = st->entries.items[i];
            pattern_match m;
            if (pattern_exec(p, br->text, br->length, *at, &m) != PATTERN_MATCHED || m.start != *at)
                continue;
            series_entry e = {.m = m, .p = p, .group = group ? xstrdup(group) : NULL};
            ARRAY_PUSH(*out, *n, *cap, e);
            *at = m.end;
            more = true;
            got++;
        }
    }
    return got;
}

/* Reads the groups and entries after a head from at; returns where they
 * end. Without groups it is one run of entries; each group has its own. */
static size_t series_entries(block_reader *br, size_t at, series_entry **out, size_t *n, size_t *cap)
{
    const kpi_state *st = br->st;
    char *group = NULL;
    for (;;) {
        bool grouped = false;
        pattern_match m;
        for (size_t i = 0; i < st->groups.n && !grouped; i++)
            if (pattern_exec(st->groups.items[i], br->text, br->length, at, &m) == PATTERN_MATCHED &&
                m.start == at) {
                free(group);
                group = group_text(br->text, &m, "group");
                at = m.end;
                grouped = true;
            }
        size_t got = entry_run(br, &at, group, out, n, cap);
        if (!grouped || got == 0)
            break;
    }
    free(group);
    return at;
}

/* The unit a head names ("Genomsnittlig handläggningstid i dagar"), or NULL. */
static char *unit_in_name(const kpi_state *st, const char *name)
{
    pattern_match m;
    if (!first_match(&st->name_units, name, &m))
        return NULL;
    return normal_unit(st, group_text(name, &m, "unit"));
}

/* The series a head names, from at: its KPIs, where it has entries.
 * Returns whether it had any; *end is where they end. */
static bool read_series_from(block_reader *br, const char *name, size_t at, size_t *end)
{
    kpi_state *st = br->st;
    series_entry *entries = NULL;
    size_t n = 0, cap = 0;
    *end = series_entries(br, at, &entries, &n, &cap);
    bool evident = false;
    for (size_t i = 0; i < n && !evident; i++) {
        char *q = group_text(br->text, &entries[i].m, "qualifier");
        evident = entry_is_bare(&entries[i]) || any_match(&st->places, q);
        free(q);
    }
    char *unit = n > 0 ? unit_in_name(st, name) : NULL;
    size_t first = br->doc->n_kpis;
    for (size_t i = 0; i < n; i++) {
        strbuf full;
        strbuf_init(&full);
        strbuf_adds(&full, name);
        if (entries[i].group)
            strbuf_addf(&full, ", %s", entries[i].group);
        kpi k;
        if (kpi_from_match(br, entries[i].p, &entries[i].m, full.data, unit, &k)) {
            take(br, value_offset(&entries[i].m));
            push_kpi(br->doc, k);
        }
        strbuf_release(&full);
    }
    if (!evident && br->doc->n_kpis > first) {
        pending_series ps = {first, br->doc->n_kpis - first};
        ARRAY_PUSH(st->pending, st->n_pending, st->cap_pending, ps);
    }
    free(unit);
    for (size_t i = 0; i < n; i++)
        free(entries[i].group);
    free(entries);
    return n > 0;
}

/* Whether only blanks and a full stop follow offset. */
static bool at_end(const block_reader *br, size_t offset)
{
    while (offset < br->length && strchr(" .;", br->text[offset]))
        offset++;
    return offset >= br->length;
}

/* The series of a block: its heads, and a head that ends the block before
 * it (its entries on the lines after it, set as a block of their own).
 * Returns the name of a head that ends this block, for the next one. */
static char *read_series(block_reader *br, const char *carried_head)
{
    size_t end;
    char *ending_head = NULL;
    if (carried_head && read_series_from(br, carried_head, 0, &end) && at_end(br, end))
        ending_head = xstrdup(carried_head); /* one entry per line: the next line goes on */
    for (size_t h = 0; h < br->st->heads.n; h++) {
        const pattern *p = br->st->heads.items[h];
        size_t offset = 0;
        pattern_match m;
        while (offset < br->length &&
               pattern_exec(p, br->text, br->length, offset, &m) == PATTERN_MATCHED) {
            char *name = clean_name(group_text(br->text, &m, "name"));
            size_t resume = m.end > offset ? m.end : offset + 1;
            if (name && !is_no_name(br->st, name)) {
                if (read_series_from(br, name, m.end, &end))
                    resume = end > resume ? end : resume;
                else if (m.end >= br->length) {
                    free(ending_head);
                    ending_head = xstrdup(name);
                }
            }
            free(name);
            offset = resume;
        }
    }
    return ending_head;
}

static bool is_body(const block *b)
{
    return !b->furniture && !b->in_table;
}

/* A label and its figure set apart on one line ("Medlemmar vid årets
 * slut      48 st"), each a block of its own: the nearest one-line block
 * to the label's right whose middle lies within the label's line and
 * that starts with a figure. Returns its index, or n_blocks. */
static size_t figure_beside(const layout_page *lp, size_t label)
{
    const block *a = &lp->blocks[label];
    size_t best = lp->n_blocks;
    double best_gap = 0;
    if (a->n_lines != 1 || !a->text[0] || strpbrk(a->text, "0123456789"))
        return best;
    for (size_t j = 0; j < lp->n_blocks; j++) {
        const block *b = &lp->blocks[j];
        if (j == label || !is_body(b) || b->n_lines != 1 || b->box.x0 < a->box.x1)
            continue;
        double cy = box_cy(b->box);
        if (cy < a->box.y0 || cy > a->box.y1)
            continue;
        const char *t = b->text;
        if (*t == '-' || strncmp(t, "\xe2\x88\x92", 3) == 0)
            t += *t == '-' ? 1 : 3;
        if (*t < '0' || *t > '9')
            continue;
        double gap = b->box.x0 - a->box.x1;
        if (best == lp->n_blocks || gap < best_gap) {
            best = j;
            best_gap = gap;
        }
    }
    return best;
}

static void read_text(kpi_state *st, arsred_document *doc, const char *text, int page, box bbox)
{
    block_reader br = {.st = st, .doc = doc, .text = text, .length = strlen(text), .page = page,
                       .bbox = bbox};
    char *ending_head = read_series(&br, st->carried_head);
    free(st->carried_head);
    st->carried_head = ending_head;
    for (size_t f = 0; f < st->forms.n; f++)
        read_form(&br, st->forms.items[f]);
    free(br.taken);
}

/* Reads the paragraph gathered so far. */
static void flush_paragraph(kpi_state *st, arsred_document *doc)
{
    if (!st->paragraph.open)
        return;
    read_text(st, doc, st->paragraph.text.data, st->paragraph.page, st->paragraph.bbox);
    strbuf_release(&st->paragraph.text);
    st->paragraph.open = false;
}

/* A block that continues the paragraph before it (over a column or a page
 * break, the running footer between) is read with it: a sentence is not
 * cut where the page is. */
static void add_block(kpi_state *st, arsred_document *doc, const block *b, int page)
{
    if (b->continues && st->paragraph.open) {
        text_join_line(&st->paragraph.text, b->text);
        return;
    }
    flush_paragraph(st, doc);
    strbuf_init(&st->paragraph.text);
    strbuf_adds(&st->paragraph.text, b->text);
    st->paragraph.page = page;
    st->paragraph.bbox = b->box;
    st->paragraph.open = true;
}

/* A page of notes (a block starts "Not 3", "Noter"): its figures are the
 * statements' details, not key figures. */
static bool is_notes_page(const kpi_state *st, const layout_page *lp)
{
    for (size_t i = 0; i < lp->n_blocks; i++)
        if (is_body(&lp->blocks[i]) && any_match(&st->notes_headings, lp->blocks[i].text))
            return true;
    return false;
}

static void kpi_page(void *state, layout_page *lp, arsred_document *doc)
{
    kpi_state *st = state;
    if (is_notes_page(st, lp)) {
        flush_paragraph(st, doc);
        return;
    }
    bool *paired = xcalloc(lp->n_blocks ? lp->n_blocks : 1, sizeof *paired);
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        if (!is_body(b) || paired[i])
            continue;
        size_t beside = figure_beside(lp, i);
        if (beside == lp->n_blocks) {
            add_block(st, doc, b, lp->number);
            continue;
        }
        /* the pair read as "label figure" (a tab between: no colon, so a
         * figure alone, such as a contents page's page number, is none) */
        flush_paragraph(st, doc);
        paired[beside] = true;
        const block *f = &lp->blocks[beside];
        strbuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "%s\t%s", b->text, f->text);
        box both = {b->box.x0, b->box.y0 < f->box.y0 ? b->box.y0 : f->box.y0, f->box.x1,
                    b->box.y1 > f->box.y1 ? b->box.y1 : f->box.y1};
        read_text(st, doc, sb.data, lp->number, both);
        strbuf_release(&sb);
    }
    free(paired);
}

/* Whether a word of the organisation's name is q, also in the genitive
 * ("Tornvik" in "Tornviks kommun"). */
static bool is_own_place(const char *organisation, const char *q)
{
    if (!organisation || !q || !q[0])
        return false;
    size_t qn = strlen(q);
    for (const char *w = organisation; *w;) {
        while (*w == ' ')
            w++;
        size_t wn = strcspn(w, " ");
        if (wn > 0 && (wn == qn || (wn == qn + 1 && w[qn] == 's')) && strncmp(w, q, qn) == 0)
            return true;
        w += wn;
    }
    return false;
}

/* A pending series is one where an entry is the report's own place; else
 * its entries are KPIs of their own, named by their labels. */
static void settle_pending_series(kpi_state *st, arsred_document *doc)
{
    for (size_t s = 0; s < st->n_pending; s++) {
        const pending_series *ps = &st->pending[s];
        bool own = false;
        for (size_t i = ps->first; i < ps->first + ps->n && !own; i++)
            own = is_own_place(doc->organisation, doc->kpis[i].qualifier);
        if (own)
            continue;
        for (size_t i = ps->first; i < ps->first + ps->n; i++) {
            kpi *k = &doc->kpis[i];
            if (!k->qualifier)
                continue;
            free(k->name);
            k->name = k->qualifier;
            k->qualifier = NULL;
        }
    }
    free(st->pending);
    st->pending = NULL;
    st->n_pending = 0;
}

/* ---- key-figure tables */

static bool column_is(const pattern_list *list, const table *t, size_t c)
{
    return any_match(list, t->columns[c].label);
}

/* A column of Kolada ids: by its head, or every text in it an id. */
static bool is_kolada_column(const kpi_state *st, const table *t, size_t c)
{
    if (column_is(&st->kolada, t, c))
        return true;
    size_t ids = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *text = t->rows[r].cells[c].text;
        if (!text || !text[0])
            continue;
        if (!any_match(&st->kolada, text))
            return false;
        ids++;
    }
    return ids > 0;
}

/* The columns that hold a measure's outcome per year: not its target, not
 * its Kolada id. */
static bool is_year_column(const kpi_state *st, const table *t, size_t c)
{
    return t->columns[c].year && !column_is(&st->targets, t, c) && !is_kolada_column(st, t, c);
}

/* A key-figure table by its shape: every figure column a year, and rows
 * that are measures of their own (a unit or a count in their labels, or a
 * share), not lines of one amount. */
static bool has_key_figure_shape(const kpi_state *st, const table *t)
{
    size_t years = 0;
    for (size_t c = 0; c < t->n_columns; c++) {
        if (is_year_column(st, t, c))
            years++;
        else if (!column_is(&st->targets, t, c) && !is_kolada_column(st, t, c))
            return false;
    }
    if (years == 0)
        return false;
    for (size_t r = 0; r < t->n_rows; r++)
        if (t->rows[r].unit || t->rows[r].counts != COUNT_UNKNOWN ||
            any_match(&st->percent_rows, t->rows[r].label))
            return true;
    return false;
}

static bool is_key_figure_table(const kpi_state *st, const table *t)
{
    if (any_match(&st->key_figures, t->title) || any_match(&st->table_titles, t->title))
        return true;
    if (any_match(&st->statements, t->title) || any_match(&st->statements, t->section))
        return false;
    return has_key_figure_shape(st, t);
}

/* A row's KPI name, unit and Kolada id from its label: "Invånare totalt,
 * antal N01951" is Invånare totalt, counted, N01951. */
typedef struct row_measure {
    char *name, *unit, *kolada_id;
} row_measure;

static row_measure measure_of_row(const kpi_state *st, const table *t, size_t r)
{
    row_measure rm = {0};
    char *label = xstrdup(t->rows[r].label);
    pattern_match m;
    if (first_match(&st->label_kolada, label, &m)) {
        rm.kolada_id = group_text(label, &m, "kolada_id");
        char *rest = group_text(label, &m, "name");
        free(label);
        label = rest ? rest : xstrdup("");
    }
    if (first_match(&st->label_units, label, &m)) {
        char *name = group_text(label, &m, "name");
        char *unit = group_text(label, &m, "unit");
        if (name) {
            free(label);
            label = name;
        }
        rm.unit = normal_unit(st, unit);
    }
    rm.name = label;
    return rm;
}

/* Whether a row's label carries unit: then a table that declares the
 * same unit took it from that row ("Soliditet, %"), and the rows without
 * one of their own are not in it. */
static bool unit_is_a_rows(const table *t, const char *unit)
{
    for (size_t r = 0; r < t->n_rows; r++)
        if (t->rows[r].unit && strcmp(t->rows[r].unit, unit) == 0)
            return true;
    return false;
}

/* The row's unit: its label's, a share's %, the column's or the table's. */
static char *unit_of_row(const kpi_state *st, const table *t, size_t r, size_t c, char *label_unit)
{
    if (label_unit && strcmp(label_unit, "antal") == 0) {
        free(label_unit);
        return NULL;
    }
    if (label_unit)
        return label_unit;
    if (any_match(&st->percent_rows, t->rows[r].label))
        return xstrdup("%");
    if (t->rows[r].counts != COUNT_UNKNOWN)
        return NULL;
    const char *unit = table_cell_unit(t, r, c);
    if (unit && !t->columns[c].unit && unit_is_a_rows(t, unit))
        return NULL;
    return unit ? xstrdup(unit) : NULL;
}

static char *kolada_in_row(const kpi_state *st, const table *t, size_t r)
{
    for (size_t c = 0; c < t->n_columns; c++) {
        const char *text = t->rows[r].cells[c].text;
        if (!is_kolada_column(st, t, c) || !text)
            continue;
        pattern_match m;
        if (first_match(&st->kolada, text, &m))
            return group_text(text, &m, "kolada_id");
    }
    return NULL;
}

/* The row's target ("Mål 2023" column) and the year it is for: the
 * column's year, else the last year column's. */
static bool target_of_row(const kpi_state *st, const table *t, size_t r, double *target, int *year)
{
    int last_year = 0;
    for (size_t c = 0; c < t->n_columns; c++)
        if (is_year_column(st, t, c) && t->columns[c].year > last_year)
            last_year = t->columns[c].year;
    for (size_t c = 0; c < t->n_columns; c++) {
        const table_cell *cell = &t->rows[r].cells[c];
        if (!column_is(&st->targets, t, c) || !cell->has_value)
            continue;
        *target = cell->value;
        *year = last_year;
        pattern_match m;
        if (first_match(&st->targets, t->columns[c].label, &m)) {
            char *y = group_text(t->columns[c].label, &m, "year");
            if (y)
                *year = atoi(y);
            free(y);
        }
        return true;
    }
    return false;
}

static void read_table_row(kpi_state *st, arsred_document *doc, const table *t, size_t r)
{
    row_measure rm = measure_of_row(st, t, r);
    if (!rm.kolada_id)
        rm.kolada_id = kolada_in_row(st, t, r);
    double target = 0;
    int target_year = 0;
    bool has_target = target_of_row(st, t, r, &target, &target_year);
    for (size_t c = 0; c < t->n_columns; c++) {
        const table_cell *cell = &t->rows[r].cells[c];
        if (!cell->has_value || !is_year_column(st, t, c) || !rm.name[0])
            continue;
        kpi k = {.name = xstrdup(rm.name), .value = cell->value, .decimals = cell->decimals,
                 .unit = unit_of_row(st, t, r, c, rm.unit ? xstrdup(rm.unit) : NULL),
                 .year = t->columns[c].year, .page = cell->page ? cell->page : t->page,
                 .bbox = cell->box, .pattern = xstrdup("kpi.table"),
                 .kolada_id = rm.kolada_id ? xstrdup(rm.kolada_id) : NULL};
        if (has_target && t->columns[c].year == target_year) {
            k.has_target = true;
            k.target = target;
        }
        strbuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "%s: %s (%s)", t->rows[r].label, cell->text, t->columns[c].label);
        k.text = strbuf_take(&sb);
        push_kpi(doc, k);
    }
    free(rm.name);
    free(rm.unit);
    free(rm.kolada_id);
}

static void read_kpi_tables(kpi_state *st, arsred_document *doc, const bool *key_figures)
{
    for (size_t i = 0; i < doc->n_tables; i++) {
        const table *t = &doc->tables[i];
        if (!key_figures[i])
            continue;
        for (size_t r = 0; r < t->n_rows; r++)
            if (t->rows[r].label && t->rows[r].label[0])
                read_table_row(st, doc, t, r);
    }
}

/* ---- the same figure once */

static bool same_figure(const kpi *a, const kpi *b)
{
    double scale = fabs(a->value) > 1.0 ? fabs(a->value) : 1.0;
    if (a->year != b->year || fabs(a->value - b->value) > 1e-9 * scale)
        return false;
    if (a->qualifier || b->qualifier || a->goal || b->goal)
        return false;
    return a->unit && b->unit && strcmp(a->unit, b->unit) == 0;
}

static void add_source(kpi *k, const kpi *from)
{
    if (k->n_sources == 0) {
        kpi_source own = {k->page, k->bbox, xstrdup(k->text ? k->text : ""),
                          xstrdup(k->pattern ? k->pattern : "")};
        size_t cap = 0;
        ARRAY_PUSH(k->sources, k->n_sources, cap, own);
    }
    size_t cap = k->n_sources;
    kpi_source other = {from->page, from->bbox, xstrdup(from->text ? from->text : ""),
                        xstrdup(from->pattern ? from->pattern : "")};
    ARRAY_PUSH(k->sources, k->n_sources, cap, other);
}

static bool is_table_kpi(const kpi *k)
{
    return strcmp(k->pattern, "kpi.table") == 0;
}

static bool same_name(const kpi *a, const kpi *b)
{
    char *x = utf8_casefold(a->name), *y = utf8_casefold(b->name);
    bool same = strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

/* The KPI a prose KPI (doc->kpis[i]) states again, or NULL: a key-figure
 * table row's of the same figure (year, value, unit), whatever its name;
 * else an earlier prose KPI of the same figure under the same name, or in
 * money under any (a summary's "Årets resultat" and the finance section's
 * "Nämndens resultat"). */
static kpi *stated_before(arsred_document *doc, size_t i, const bool *joined)
{
    const kpi *k = &doc->kpis[i];
    for (size_t j = 0; j < doc->n_kpis; j++)
        if (is_table_kpi(&doc->kpis[j]) && same_figure(k, &doc->kpis[j]))
            return &doc->kpis[j];
    for (size_t j = 0; j < i; j++) {
        kpi *o = &doc->kpis[j];
        if (!joined[j] && !is_table_kpi(o) && same_figure(k, o) &&
            (same_name(k, o) || check_unit_factor(k->unit) > 0))
            return o;
    }
    return NULL;
}

/* The same figure once: a prose KPI that states one already found joins
 * it (the table row's name lines up across years): its previous value
 * (where that has none) and its source go there. */
static void merge_same_figures(arsred_document *doc)
{
    bool *joined = xcalloc(doc->n_kpis ? doc->n_kpis : 1, sizeof *joined);
    for (size_t i = 0; i < doc->n_kpis; i++) {
        kpi *k = &doc->kpis[i];
        if (is_table_kpi(k))
            continue;
        kpi *holder = stated_before(doc, i, joined);
        if (!holder)
            continue;
        if (!holder->has_previous && k->has_previous) {
            holder->has_previous = true;
            holder->previous = k->previous;
        }
        add_source(holder, k);
        joined[i] = true;
    }
    size_t kept = 0;
    for (size_t i = 0; i < doc->n_kpis; i++) {
        if (joined[i])
            kpi_release(&doc->kpis[i]);
        else
            doc->kpis[kept++] = doc->kpis[i];
    }
    doc->n_kpis = kept;
    free(joined);
}

/* Whether a table other than a key-figure one holds, for the KPI's year,
 * a figure in money that the KPI's amount rounds ("31,2 mnkr" for the
 * table's -31 184 tkr): the prose then sums the table up, and the text
 * check proves it against the table; the figure is the table's, stated
 * there in full. An amount the prose states to the table's own precision
 * is the prose's own statement and stays a KPI. */
static bool rounds_a_table_figure(const arsred_document *doc, const bool *key_figures, const kpi *k)
{
    double kpi_factor = check_unit_factor(k->unit);
    if (kpi_factor <= 0 || k->qualifier)
        return false;
    double step = pow(10.0, -k->decimals);
    for (size_t i = 0; i < doc->n_tables; i++) {
        const table *t = &doc->tables[i];
        if (key_figures[i])
            continue;
        for (size_t r = 0; r < t->n_rows; r++)
            for (size_t c = 0; c < t->n_columns; c++) {
                const table_cell *cell = &t->rows[r].cells[c];
                const char *unit = table_cell_unit(t, r, c);
                double factor = check_unit_factor(unit);
                if (!cell->has_value || factor <= 0 || t->columns[c].year != k->year)
                    continue;
                double in_kpi_unit = fabs(cell->value) * factor / kpi_factor;
                bool rounds = fabs(round(in_kpi_unit / step) * step - fabs(k->value)) < step / 100;
                bool exact = fabs(in_kpi_unit - fabs(k->value)) < step / 100;
                if (rounds && !exact)
                    return true;
            }
    }
    return false;
}

static void drop_table_summaries(arsred_document *doc, const bool *key_figures)
{
    size_t kept = 0;
    for (size_t i = 0; i < doc->n_kpis; i++) {
        kpi *k = &doc->kpis[i];
        bool prose = !is_table_kpi(k) && !k->goal;
        if (prose && k->unit && rounds_a_table_figure(doc, key_figures, k))
            kpi_release(k);
        else
            doc->kpis[kept++] = *k;
    }
    doc->n_kpis = kept;
}

static void kpi_finish(void *state, arsred_document *doc)
{
    kpi_state *st = state;
    flush_paragraph(st, doc);
    free(st->carried_head);
    settle_pending_series(st, doc);
    /* each table's kind decided once: its patterns run over every cell */
    bool *key_figures = xcalloc(doc->n_tables ? doc->n_tables : 1, sizeof *key_figures);
    for (size_t i = 0; i < doc->n_tables; i++)
        key_figures[i] = is_key_figure_table(st, &doc->tables[i]);
    read_kpi_tables(st, doc, key_figures);
    for (size_t i = 0; i < doc->n_kpis; i++)
        if (!doc->kpis[i].year)
            doc->kpis[i].year = doc->year;
    drop_table_summaries(doc, key_figures);
    merge_same_figures(doc);
    free(key_figures);
    free(st);
}

const recogniser kpi_recogniser = {"kpis", kpi_start, kpi_page, kpi_finish};
