/* goals.c: goals (mål), their status and their assignments (uppdrag).
 *
 * Goals come from numbered headings ("Mål 1. …", "3. …"), from goal lists
 * (the blocks under a heading such as "Nämndens mål" that carry a mark or
 * are set like its first goal) and from goal and assignment tables
 * (goal_table.c). A listed goal and its detailed section are one goal: the
 * list's status, the section's comment and assignments. Statuses come from
 * marks beside a goal's lines (icons.c; what they mean: legend.c) or from
 * words; what cannot be read stays null with a warning. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "goal_table.h"
#include "icons.h"
#include "legend.h"
#include "number.h"
#include "pattern.h"
#include "report.h"
#include "text.h"
#include "util.h"

enum { SIZE_BINS = 200, MAX_GOAL_PATTERNS = 16 };
#define SAME_GOAL_BY_NUMBER 0.3 /* word overlap a numbered section needs with its listed goal */
enum { GOAL_MIN_WORDS = 3 };    /* a goal out of any list says at least this much */

typedef struct goal_state {
    const arsred_patterns *patterns;
    const arsred_document *doc;
    legend_book legends;     /* every legend of the report, and the marks they explain */
    double size_chars[SIZE_BINS];
    bool in_list;
    long numbered_id;         /* the last goal read from a numbered heading ("3."), */
    int numbered_page;        /* its page */
    uint16_t numbered_font;   /* and its type */
    const block *list_style;  /* on this page: the first goal of the open list, whose
                                 type the list's goals share */
    int list_style_page;
    size_t n_listed;
    size_t current;          /* goal whose section we are in, or SIZE_MAX */
    size_t assignment;       /* its assignment taking comments, or SIZE_MAX */
    size_t item_parent;      /* goal of the last table of assignments (SIZE_MAX: none) */
    size_t scope_first;      /* first goal of the open list (after its heading, table
                                or legend): a "Mål N." section describes a goal of
                                it, not of an earlier list (another body's or year's) */
    int scope_legend_page;   /* the page whose legend opened it */
    icon_glyphs glyphs;
    const pattern *label_pattern;  /* goal.assignment-label */
    goal_table_reader tables;
    bool *claimed;           /* of the page's lines: those a goal table holds, and
                                status words read beside a goal's */
} goal_state;

static void *goal_start(arsred_document *doc, const arsred_patterns *patterns)
{
    goal_state *st = xcalloc(1, sizeof *st);
    st->patterns = patterns;
    st->doc = doc;
    st->current = st->assignment = st->item_parent = SIZE_MAX;
    st->glyphs.glyph = patterns_find(patterns, "goal.mark-glyph");
    st->label_pattern = patterns_find(patterns, "goal.assignment-label");
    st->tables.patterns = patterns;
    st->tables.glyphs = st->glyphs;
    return st;
}

/* ------------------------------------------------------------ patterns */

static const pattern *match_kind(const goal_state *st, const char *kind, const char *text,
                                 pattern_match *m)
{
    const pattern *pats[MAX_GOAL_PATTERNS];
    size_t n = patterns_of_kind(st->patterns, kind, pats, MAX_GOAL_PATTERNS);
    for (size_t i = 0; i < n && i < MAX_GOAL_PATTERNS; i++)
        if (pattern_exec(pats[i], text, strlen(text), 0, m) == PATTERN_MATCHED)
            return pats[i];
    return NULL;
}

static char *group_text(const char *text, const pattern_match *m, const char *name)
{
    const pattern_group *g = pattern_match_group(m, name);
    return g && g->set ? xstrndup(text + g->start, g->end - g->start) : NULL;
}

/* The status a match names by its group (met, partly_met, …). */
static goal_status status_of_match(const pattern_match *m)
{
    static const char *const names[] = {"met", "partly_met", "not_met", "not_evaluated"};
    for (size_t i = 0; i < 4; i++) {
        const pattern_group *g = pattern_match_group(m, names[i]);
        if (g && g->set)
            return (goal_status)(i + 1);
    }
    return STATUS_NONE;
}

static goal_status status_of_words(const goal_state *st, const char *words)
{
    pattern_match m;
    return match_kind(st, "goal.status-word", words, &m) ? status_of_match(&m) : STATUS_NONE;
}

/* Whether words say a status or how far work has come ("Pågår": no
 * verdict, but what the report says in the status's place). */
static bool says_status(const goal_state *st, const char *words)
{
    return goal_words_say_status(st->patterns, words);
}

static const line *status_words_beside(const goal_state *st, const layout_page *lp,
                                       const line *l);
static bool words_beside_blocks(goal_state *st, const layout_page *lp, const block *b, size_t n,
                                goal *g);

/* --------------------------------------------------------------- sizes */

static float body_size(const goal_state *st)
{
    size_t best = 0;
    for (size_t i = 1; i < SIZE_BINS; i++)
        if (st->size_chars[i] > st->size_chars[best])
            best = i;
    return best ? (float)best / 2 : 10;
}

static void count_sizes(goal_state *st, const layout_page *lp)
{
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        size_t bin = (size_t)lrintf(b->size * 2);
        if (!b->furniture && !b->in_table && bin < SIZE_BINS)
            st->size_chars[bin] += (double)strlen(b->text);
    }
}

static bool is_heading_block(const goal_state *st, const block *b)
{
    return b->bold || b->size >= 1.15f * body_size(st);
}

/* ---------------------------------------------------------------- goals */

static size_t add_goal(arsred_document *doc, goal_state *st, const char *id, const char *text,
                       int page, box bbox)
{
    goal g = {.id = xstrdup(id), .text = xstrdup(text), .page = page, .bbox = bbox};
    size_t len = strlen(g.text);
    if (len > 1 && g.text[len - 1] == '.') /* a goal is a statement, not a sentence */
        g.text[len - 1] = '\0';
    (void)st;
    ARRAY_PUSH(doc->goals, doc->n_goals, doc->cap_goals, g);
    return doc->n_goals - 1;
}

static status_evidence icon_evidence(const icon *ic, int page)
{
    return (status_evidence){.kind = EVIDENCE_ICON, .rgb = ic->rgb, .page = page, .bbox = ic->box};
}

/* Notes the mark of goal g (assignment a, or SIZE_MAX for the goal). */


static void set_icon(goal_state *st, arsred_document *doc, size_t g, const icon *ic, int page)
{
    legend_note(&st->legends, legend_mark(ic, g, SIZE_MAX, page));
    doc->goals[g].evidence = icon_evidence(ic, page);
}

static void set_text_status(goal_state *st, goal *g, const char *words, int page, box bbox)
{
    goal_status s = status_of_words(st, words);
    if (!says_status(st, words) || g->evidence.kind == EVIDENCE_ICON)
        return;
    g->status = s;
    free(g->evidence.text);
    g->evidence = (status_evidence){.kind = EVIDENCE_TEXT, .text = xstrdup(words),
                                    .page = page, .bbox = bbox};
}

/* The listed goal a "Mål N." section describes, among goals [first, …):
 * same id, else the most similar text, else the N-th listed goal if its
 * text is close enough. */
static size_t listed_goal_for(const arsred_document *doc, size_t first, const char *id,
                              const char *text)
{
    size_t best = SIZE_MAX, nth = SIZE_MAX, ordinal = 0;
    double best_sim = 0.45;
    long n = strtol(id, NULL, 10);
    for (size_t i = first; i < doc->n_goals; i++) {
        const goal *g = &doc->goals[i];
        if (!g->listed || g->detailed)
            continue;
        /* the same number with other words is another body's goal (a
         * report of several nämnder, each numbering from 1) */
        if (strcmp(g->id, id) == 0 && strchr(id, '.') == NULL && g->id[0] != '#' &&
            text_similarity(g->text, text) >= SAME_GOAL_BY_NUMBER)
            return i;
        double sim = text_similarity(g->text, text);
        if (sim > best_sim) {
            best_sim = sim;
            best = i;
        }
    }
    if (best != SIZE_MAX)
        return best;
    for (size_t i = first; i < doc->n_goals; i++)
        if (doc->goals[i].listed && ++ordinal == (size_t)n)
            nth = i;
    if (nth != SIZE_MAX && !doc->goals[nth].detailed && text_similarity(doc->goals[nth].text, text) >= 0.2)
        return nth;
    return SIZE_MAX;
}

/* ---------------------------------------------------------- assignments */

static void add_assignment(goal *g, char *text, goal_status status, const char *status_words,
                           int page, box bbox, char *comment)
{
    assignment a = {.text = text, .status = status, .comment = comment};
    if (status != STATUS_NONE)
        a.evidence = (status_evidence){.kind = EVIDENCE_TEXT, .text = xstrdup(status_words),
                                       .page = page, .bbox = bbox};
    ARRAY_PUSH(g->assignments, g->n_assignments, g->cap_assignments, a);
}

static void append_text(char **to, const char *text)
{
    strbuf sb;
    strbuf_init(&sb);
    if (*to)
        strbuf_adds(&sb, *to);
    if (sb.len && text[0])
        strbuf_addc(&sb, ' ');
    strbuf_adds(&sb, text);
    free(*to);
    *to = strbuf_take(&sb);
}

static void append_comment(assignment *a, const char *text)
{
    append_text(&a->comment, text);
}

/* A word that opens an assignment ("Uppdrag:"). */
static bool is_assignment_label(const goal_state *st, const char *w)
{
    pattern_match m;
    return st->label_pattern &&
           pattern_exec(st->label_pattern, w, strlen(w), 0, &m) == PATTERN_MATCHED;
}

/* Where an assignment label stands among a block's words. */
typedef struct label_at {
    size_t line, word_after;   /* its line, and the word after it */
} label_at;

/* The assignment labels among the words of b, in order, and one past the
 * last (line SIZE_MAX). */
static size_t block_labels(const goal_state *st, const layout_page *lp, const block *b,
                           label_at **out)
{
    label_at *labels = NULL;
    size_t n = 0, cap = 0;
    for (size_t l = b->first_line; l < b->first_line + b->n_lines; l++)
        for (size_t w = lp->lines[l].first_word; w < lp->lines[l].first_word + lp->lines[l].n_words; w++)
            if (is_assignment_label(st, lp->words[w].text)) {
                label_at at = {l, w + 1};
                ARRAY_PUSH(labels, n, cap, at);
            }
    label_at end = {SIZE_MAX, SIZE_MAX}; /* after the last: no next label */
    ARRAY_PUSH(labels, n, cap, end);
    *out = labels;
    return n - 1;
}

static bool same_style(const word *a, const word *b)
{
    return a->bold == b->bold && a->italic == b->italic && a->font == b->font;
}

/* The assignment's own words: the run after its "Uppdrag:" (label) in the
 * block, set in the type of its first word, where the words after that run
 * are set otherwise (a bold or italic assignment, its comment upright;
 * lines joined, hyphenation undone), else its first sentence. *rest
 * points after them in after_colon. */
static char *assignment_text(const layout_page *lp, const block *b, const label_at *label,
                             const word *next_label, const char *after_colon, const char **rest)
{
    size_t start_line = label ? label->line : SIZE_MAX, start_word = label ? label->word_after : 0;
    const word *style = NULL;
    if (start_line != SIZE_MAX &&
        start_word < lp->lines[start_line].first_word + lp->lines[start_line].n_words)
        style = &lp->words[start_word];
    strbuf bold;
    strbuf_init(&bold);
    bool done = false;
    size_t n_bold = 0;
    bool stop = false;
    for (size_t l = start_line; style && l < b->first_line + b->n_lines && !stop; l++) {
        strbuf part;
        strbuf_init(&part);
        size_t w0 = l == start_line ? start_word : lp->lines[l].first_word;
        for (size_t w = w0; w < lp->lines[l].first_word + lp->lines[l].n_words; w++) {
            if (!same_style(&lp->words[w], style) || (next_label && &lp->words[w] == next_label)) {
                done = !same_style(&lp->words[w], style);
                stop = true;
                break;
            }
            if (part.len)
                strbuf_addc(&part, ' ');
            strbuf_adds(&part, lp->words[w].text);
            n_bold++;
        }
        if (part.len)
            text_join_line(&bold, part.data);
        strbuf_release(&part);
    }
    if (n_bold >= 2 && done) {
        char *text = strbuf_take(&bold);
        text_fold_space(text);
        const char *at = strstr(after_colon, text);
        *rest = at ? at + strlen(text) : after_colon + strlen(after_colon);
        return text;
    }
    strbuf_release(&bold);
    /* first sentence: up to ". " before a capital letter, or all */
    const char *end = after_colon;
    while ((end = strstr(end, ". ")) != NULL) {
        const char *next = end + 2;
        uint32_t cp = utf8_next(&next, next + strnlen(next, 4));
        if (is_upper_cp(cp))
            break;
        end += 2;
    }
    if (!end) {
        *rest = after_colon + strlen(after_colon);
        return xstrdup(after_colon);
    }
    *rest = end + 2;
    return xstrndup(after_colon, (size_t)(end + 1 - after_colon));
}

static char *trimmed(const char *s)
{
    char *t = xstrdup(s);
    text_fold_space(t);
    return t;
}

/* Parts of an assignment with their status in words ("Genomföra
 * ledarutvecklingsprogrammet: GRÖNT. Pågår …") become assignments of
 * their own, each with the text that follows it as comment. Returns the
 * text before the first such part. */
static char *split_status_parts(goal_state *st, goal *g, const char *text, int page, box bbox)
{
    const pattern *pats[MAX_GOAL_PATTERNS];
    size_t n = patterns_of_kind(st->patterns, "goal.assignment-status", pats, MAX_GOAL_PATTERNS);
    if (n == 0)
        return xstrdup(text);
    size_t len = strlen(text), offset = 0;
    pattern_match m, next;
    char *before = NULL;
    bool have = pattern_exec(pats[0], text, len, 0, &m) == PATTERN_MATCHED;
    if (!have)
        return xstrdup(text);
    before = xstrndup(text, m.start);
    while (have) {
        char *part = group_text(text, &m, "text"), *words = group_text(text, &m, "status");
        offset = m.end;
        have = pattern_exec(pats[0], text, len, offset, &next) == PATTERN_MATCHED;
        size_t end = have ? next.start : len;
        char *raw = xstrndup(text + m.end, end - m.end);
        add_assignment(g, part, status_of_words(st, words), words, page, bbox, trimmed(raw));
        free(raw);
        free(words);
        m = next;
    }
    return before;
}

/* Starts the assignment of the k-th "Uppdrag:" of block b, whose words
 * (up to the next label) are after_colon; parts of it with statuses
 * follow it as assignments of their own. A mark beside the label's line
 * is its status. */
static void start_assignment(goal_state *st, arsred_document *doc, layout_page *lp,
                             const block *b, const label_at *label, const char *after_colon)
{
    goal *g = &doc->goals[st->current];
    const char *rest;
    const word *next = label && label[1].line != SIZE_MAX ? &lp->words[label[1].word_after - 1] : NULL;
    char *text = assignment_text(lp, b, label, next, after_colon, &rest);
    assignment a = {.text = trimmed(text)};
    free(text);
    ARRAY_PUSH(g->assignments, g->n_assignments, g->cap_assignments, a);
    size_t index = g->n_assignments - 1;
    size_t label_line = label ? label->line : SIZE_MAX;
    icon ic;
    const line *words = NULL;
    if (label && icon_beside_line(lp, &st->glyphs, &lp->lines[label_line], &ic)) {
        g->assignments[index].evidence = icon_evidence(&ic, lp->number);
        legend_note(&st->legends, legend_mark(&ic, st->current, index, lp->number));
    } else if (label_line < lp->n_lines &&
               (words = status_words_beside(st, lp, &lp->lines[label_line])) != NULL) {
        assignment *as = &g->assignments[index];
        as->status = status_of_words(st, words->text);
        as->evidence = (status_evidence){.kind = EVIDENCE_TEXT, .text = xstrdup(words->text),
                                         .page = lp->number, .bbox = words->box};
        if (st->claimed)
            st->claimed[words - lp->lines] = true;
    }
    char *before = split_status_parts(st, g, rest, lp->number, b->box);
    char *comment = trimmed(before);
    free(before);
    if (comment[0])
        g->assignments[index].comment = comment;
    else
        free(comment);
    st->assignment = g->n_assignments - 1; /* the last part takes what follows */
}

/* Where in text a label word ("Uppdrag:") opens an assignment: at its
 * start or after a sentence, at or after from; NULL where none. */
static const char *next_label(const goal_state *st, const char *text, const char *from,
                              size_t *label_len)
{
    for (const char *p = from; *p; p++) {
        if (p != text && !(p >= text + 2 && p[-1] == ' ' && strchr(".!?", p[-2])))
            continue;
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char label[32];
        if (len == 0 || len >= sizeof label)
            continue;
        memcpy(label, p, len);
        label[len] = '\0';
        if (is_assignment_label(st, label)) {
            *label_len = len;
            return p;
        }
    }
    return NULL;
}

/* The comment before the first assignment a block opens: to the open
 * assignment, else to the goal itself. */
static void add_comment_text(goal_state *st, goal *g, const char *text)
{
    if (!text[0])
        return;
    if (st->assignment != SIZE_MAX && st->assignment < g->n_assignments)
        append_comment(&g->assignments[st->assignment], text);
    else if (g->n_assignments == 0)
        append_text(&g->comment, text); /* what the report says of the goal itself */
}

/* Opens the assignments of block b whose labels stand in b->text from
 * first on ("… år. Uppdrag: Göra … Uppdrag: Utbilda …"), each with the
 * words up to the next. */
static void start_assignments(goal_state *st, arsred_document *doc, layout_page *lp,
                              const block *b, const char *first, size_t label_len)
{
    label_at *labels;
    size_t n_labels = block_labels(st, lp, b, &labels);
    size_t k = 0; /* labels of b before first: those inside its earlier words */
    for (const char *p = b->text; (p = next_label(st, b->text, p, &(size_t){0})) && p < first; p++)
        k++;
    while (first) {
        size_t next_len = 0;
        const char *next = next_label(st, b->text, first + label_len, &next_len);
        const char *after = first + label_len;
        while (*after == ' ')
            after++;
        char *part = next ? xstrndup(after, (size_t)(next - after)) : xstrdup(after);
        start_assignment(st, doc, lp, b, k < n_labels ? &labels[k] : NULL, part);
        k++;
        free(part);
        first = next;
        label_len = next_len;
    }
    free(labels);
}

/* The line of status words ("Delvis uppfyllt") that stands right of l
 * in its row band, nothing between them; NULL where none. */
static const line *status_words_beside(const goal_state *st, const layout_page *lp, const line *l)
{
    double h = box_height(l->box);
    const word *next = NULL;
    size_t lo, hi;
    layout_words_near(lp, l->box.y0, l->box.y1, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        const word *w = &lp->words[i];
        if (w->box.x0 >= l->box.x1 && span_overlap(w->box.y0, w->box.y1, l->box.y0, l->box.y1) > 0.5 * h &&
            (!next || w->box.x0 < next->box.x0))
            next = w;
    }
    if (!next || !lp->word_line)
        return NULL;
    const line *o = &lp->lines[lp->word_line[next - lp->words]];
    return &lp->words[o->first_word] == next && says_status(st, o->text) ? o : NULL;
}

/* The status words beside any line of blocks [b, b + n); the line they
 * stand on is taken (no comment of the goal's). */
static bool words_beside_blocks(goal_state *st, const layout_page *lp, const block *b, size_t n,
                                goal *g)
{
    for (size_t k = 0; k < n; k++)
        for (size_t l = b[k].first_line; l < b[k].first_line + b[k].n_lines; l++) {
            const line *w = status_words_beside(st, lp, &lp->lines[l]);
            if (!w)
                continue;
            if (g)
                set_text_status(st, g, w->text, lp->number, w->box);
            if (st->claimed)
                st->claimed[w - lp->lines] = true;
            return true;
        }
    return false;
}

static bool line_of_marks(const goal_state *st, const layout_page *lp, const line *l)
{
    for (size_t w = l->first_word; w < l->first_word + l->n_words; w++)
        if (!icon_is_mark_glyph(&st->glyphs, &lp->words[w]))
            return false;
    return l->n_words > 0;
}

/* b's text after the lines of nothing but marks, or of status words
 * already read, that open it (a mark at a tab that the layout set over the
 * paragraph under it). */
static const char *after_mark_lines(const goal_state *st, const layout_page *lp, const block *b)
{
    const char *text = b->text;
    for (size_t l = b->first_line; l < b->first_line + b->n_lines; l++) {
        const line *ln = &lp->lines[l];
        size_t len = strlen(ln->text);
        bool taken = st->claimed && st->claimed[l];
        if (!(line_of_marks(st, lp, ln) || taken) || strncmp(text, ln->text, len) != 0)
            break;
        text += len;
        while (*text == ' ')
            text++;
    }
    return text;
}

/* Body text in a goal's section: the goal's comment, or the follow-up of
 * its assignment, where parts with statuses and new assignments may
 * start. */
static void add_follow_up(goal_state *st, arsred_document *doc, layout_page *lp, const block *b)
{
    goal *g = &doc->goals[st->current];
    const char *body = after_mark_lines(st, lp, b);
    size_t label_len;
    const char *inner = next_label(st, b->text, body, &label_len);
    if (inner) {
        char *head = xstrndup(body, (size_t)(inner - body));
        text_fold_space(head);
        add_comment_text(st, g, head);
        free(head);
        start_assignments(st, doc, lp, b, inner, label_len);
        return;
    }
    char *before = split_status_parts(st, g, body, lp->number, b->box);
    add_comment_text(st, g, before);
    /* the last part with a status takes what follows */
    if (g->n_assignments && g->assignments[g->n_assignments - 1].status != STATUS_NONE &&
        strcmp(before, body) != 0)
        st->assignment = g->n_assignments - 1;
    free(before);
}

/* ------------------------------------------------------------- legends */


/* Text without a status glyph that starts it ("● Målet är uppfyllt"). */
static const char *after_glyph(const goal_state *st, const layout_page *lp, const line *l)
{
    const word *first = &lp->words[l->first_word];
    if (l->n_words > 1 && icon_is_mark_glyph(&st->glyphs, first)) {
        const char *space = strchr(l->text, ' ');
        return space ? space + 1 : l->text;
    }
    return l->text;
}

/* A line that explains a mark: its words say a status, a mark stands
 * beside it. Returns true where the line is a legend line. */
static bool read_legend_line(goal_state *st, layout_page *lp, const line *l)
{
    pattern_match m;
    if (!match_kind(st, "goal.legend", after_glyph(st, lp, l), &m))
        return false;
    icon ic;
    const word *first = &lp->words[l->first_word];
    if (l->n_words > 1 && icon_is_mark_glyph(&st->glyphs, first))
        ic = (icon){.box = first->box, .rgb = first->rgb, .glyph = true, .word = first};
    else if (!icon_beside_line(lp, &st->glyphs, l, &ic))
        return false;
    legend_learn(&st->legends, &ic, status_of_match(&m), lp->number);
    if (st->scope_legend_page != lp->number) { /* a legend opens the goals it explains */
        st->scope_legend_page = lp->number;
        st->scope_first = st->doc->n_goals;
    }
    return true;
}

/* ---------------------------------------------------------- goal lists */

/* The words of lines [first, end), without the mark among them. */
static char *lines_text(const layout_page *lp, size_t first, size_t end, const icon *mark,
                        box *bb)
{
    strbuf sb;
    strbuf_init(&sb);
    *bb = lp->lines[first].box;
    for (size_t l = first; l < end; l++) {
        const line *ln = &lp->lines[l];
        strbuf part;
        strbuf_init(&part);
        for (size_t w = ln->first_word; w < ln->first_word + ln->n_words; w++) {
            if (mark && mark->word == &lp->words[w])
                continue;
            if (part.len)
                strbuf_addc(&part, ' ');
            strbuf_adds(&part, lp->words[w].text);
        }
        if (part.len)
            text_join_line(&sb, part.data);
        strbuf_release(&part);
        *bb = box_union(*bb, ln->box);
    }
    char *text = strbuf_take(&sb);
    text_fold_space(text);
    return text;
}

/* A listed goal from lines [first, end) of a block, with its mark. */
static void add_listed_goal(goal_state *st, arsred_document *doc, layout_page *lp,
                            size_t first, size_t end, const icon *mark)
{
    box bb;
    char *text = lines_text(lp, first, end, mark, &bb);
    if (text[0]) {
        char id[24];
        snprintf(id, sizeof id, "#%zu", ++st->n_listed);
        size_t g = add_goal(doc, st, id, text, lp->number, bb);
        doc->goals[g].listed = true;
        if (mark)
            set_icon(st, doc, g, mark, lp->number);
    }
    free(text);
}

/* The lines of a list block: each goal carries one mark, on its first
 * line where the marks lead (left of the text, or at a tab on the first
 * line), on its last where they trail (a tab after the paragraph's end);
 * without marks the block is one goal. */
static void read_list_block(goal_state *st, arsred_document *doc, layout_page *lp, const block *b)
{
    size_t first = b->first_line, end = b->first_line + b->n_lines, n = b->n_lines ? b->n_lines : 1;
    icon *marks = xcalloc(n, sizeof *marks);
    bool *has = xcalloc(n, sizeof *has), *legend = xcalloc(n, sizeof *legend);
    for (size_t l = first; l < end; l++) {
        legend[l - first] = read_legend_line(st, lp, &lp->lines[l]);
        has[l - first] = !legend[l - first] &&
                         icon_beside_line(lp, &st->glyphs, &lp->lines[l], &marks[l - first]);
    }
    size_t start = first;
    bool trailing = b->n_lines > 0 && !has[0] && has[b->n_lines - 1];
    for (size_t l = first; l < end; l++) {
        size_t i = l - first;
        if (legend[i]) {
            if (l > start)
                add_listed_goal(st, doc, lp, start, l, NULL);
            start = l + 1;
        } else if (trailing && has[i]) {
            add_listed_goal(st, doc, lp, start, l + 1, &marks[i]);
            start = l + 1;
        } else if (!trailing && has[i] && l > start) {
            add_listed_goal(st, doc, lp, start, l, has[start - first] ? &marks[start - first] : NULL);
            start = l;
        }
    }
    if (start < end)
        add_listed_goal(st, doc, lp, start, end, has[start - first] ? &marks[start - first] : NULL);
    free(marks);
    free(has);
    free(legend);
}

/* ------------------------------------------------------ numbered goals */

/* The mark on any line of blocks [b, b + n) (a goal's mark stands on its
 * first line or at the end of its last). */
static bool mark_of_blocks(goal_state *st, layout_page *lp, const block *b, size_t n, icon *ic)
{
    for (size_t k = 0; k < n; k++)
        for (size_t l = b[k].first_line; l < b[k].first_line + b[k].n_lines; l++)
            if (icon_beside_line(lp, &st->glyphs, &lp->lines[l], ic))
                return true;
    return false;
}

/* "Mål 1. …": a goal section; the goal itself where it was not listed.
 * text is the heading's words (with the blocks that carry it on, n_blocks
 * in all), m its match. */
static void read_goal_heading(goal_state *st, arsred_document *doc, layout_page *lp,
                              const block *b, size_t n_blocks, const char *heading,
                              const pattern_match *m)
{
    char *id = group_text(heading, m, "id"), *text = group_text(heading, m, "text");
    size_t label_len = 0;
    const char *assign = next_label(st, text, text, &label_len);
    char *own = assign ? xstrndup(text, (size_t)(assign - text)) : xstrdup(text);
    text_fold_space(own);
    size_t g = listed_goal_for(doc, st->scope_first, id, own);
    for (size_t i = st->scope_first; i < doc->n_goals && g == SIZE_MAX; i++) /* "Mål 1." listed, then described */
        if (!doc->goals[i].assessed && strcmp(doc->goals[i].id, id) == 0 &&
            text_similarity(doc->goals[i].text, own) >= 0.5)
            g = i;
    if (g == SIZE_MAX) {
        box bb = b->box;
        for (size_t k = 1; k < n_blocks; k++)
            bb = box_union(bb, b[k].box);
        g = add_goal(doc, st, id, own, lp->number, bb);
        icon ic;
        if (mark_of_blocks(st, lp, b, n_blocks, &ic))
            set_icon(st, doc, g, &ic, lp->number);
        else
            words_beside_blocks(st, lp, b, n_blocks, &doc->goals[g]);
    } else {
        free(doc->goals[g].id);
        doc->goals[g].id = xstrdup(id);
    }
    doc->goals[g].detailed = true;
    st->current = g;
    st->assignment = SIZE_MAX;
    st->in_list = false;
    if (assign) { /* the heading's block goes on with its first assignment */
        const char *in_block = next_label(st, b->text, b->text, &label_len);
        if (in_block)
            start_assignments(st, doc, lp, b, in_block, label_len);
    }
    free(id);
    free(text);
    free(own);
}

/* ----------------------------------------------------------- the page */

/* Whether b's words can state a goal: a chart's legend beside a mark
 * names a series in a word or two ("Utfall", "Budget"). */
static bool says_enough(const block *b)
{
    size_t words = 1;
    for (const char *p = b->text; *p; p++)
        words += *p == ' ';
    return words >= GOAL_MIN_WORDS;
}

/* Running text rather than a goal: several sentences, or long. */
static bool is_prose(const block *b)
{
    size_t words = 1, sentences = 0;
    for (const char *p = b->text; *p; p++) {
        words += *p == ' ';
        if ((p[0] == '.' || p[0] == '!' || p[0] == '?') && p[1] == ' ') {
            const char *next = p + 2; /* a capital starts the next sentence ("Å", "Ö" too) */
            if (*next && is_upper_cp(utf8_next(&next, next + strnlen(next, 4))))
                sentences++;
        }
    }
    return sentences >= 1 || words > 45;
}

/* A block with a status mark whose colour means a status (through a
 * legend, or by hue where there is none). */
static bool starts_with_status_icon(goal_state *st, layout_page *lp, const block *b, size_t n)
{
    icon ic;
    if (!mark_of_blocks(st, lp, b, n, &ic))
        return false;
    mark_ref ref = legend_mark(&ic, SIZE_MAX, SIZE_MAX, lp->number);
    bool legend;
    return legend_status(&st->legends, &ref, &legend) != STATUS_NONE;
}


/* A block of nothing but marks ("●" at a tab, alone on its line): the
 * mark of the text beside it, never a goal. */
static bool only_marks(const goal_state *st, const layout_page *lp, const block *b)
{
    for (size_t l = b->first_line; l < b->first_line + b->n_lines; l++)
        for (size_t w = lp->lines[l].first_word;
             w < lp->lines[l].first_word + lp->lines[l].n_words; w++)
            if (!icon_is_mark_glyph(&st->glyphs, &lp->words[w]))
                return false;
    return b->n_lines > 0;
}

/* How many blocks after b (in reading order) carry its words on: set in
 * the same type, from the same left edge, right under it (a heading that
 * the layout parted at a mark beside it). */
static size_t heading_run(const goal_state *st, const layout_page *lp, size_t bi)
{
    size_t n = 1;
    const block *last = &lp->blocks[bi];
    for (size_t k = bi + 1; k < lp->n_blocks; k++) {
        const block *next = &lp->blocks[k];
        if (only_marks(st, lp, next) && n == 1)
            continue;
        double h = box_height(lp->lines[last->first_line + last->n_lines - 1].box);
        if (next->furniture || next->bold != last->bold || next->font != last->font ||
            fabsf(next->size - last->size) > 0.05f * last->size ||
            fabs(next->box.x0 - last->box.x0) > 0.5 * last->size ||
            next->box.y0 < last->box.y1 - 0.5 || next->box.y0 - last->box.y1 > 0.6 * h)
            break;
        last = next;
        n = k - bi + 1;
    }
    return n;
}

/* Whether "N. …" takes up the numbering of the goals just read ("3." after
 * the goal "2.", in its type): a goal without status among goals with. */
static bool continues_numbering(const goal_state *st, const layout_page *lp, const block *b,
                                const pattern_match *m)
{
    char *id = group_text(b->text, m, "id");
    bool next = id && st->numbered_id > 0 && strtol(id, NULL, 10) == st->numbered_id + 1 &&
                strchr(id, '.') == NULL && st->numbered_page >= lp->number - 1 &&
                st->numbered_font == b->font;
    free(id);
    return next;
}

/* Reads a goal heading starting at block bi, with the blocks that carry
 * it on: "Mål N. …", or "N. …" where a goal list is open or a mark
 * stands beside it. Returns the number of blocks it takes (0 where there
 * is none). */
static size_t read_heading_run(goal_state *st, arsred_document *doc, layout_page *lp, size_t bi,
                               bool goal_page)
{
    const block *b = &lp->blocks[bi];
    pattern_match m;
    bool titled = match_kind(st, "goal.heading", b->text, &m) != NULL;
    if (!titled && !match_kind(st, "goal.numbered", b->text, &m))
        return 0;
    size_t n = b->bold ? heading_run(st, lp, bi) : 1;
    if (!titled && !st->in_list && !(goal_page && starts_with_status_icon(st, lp, b, n)) &&
        !words_beside_blocks(st, lp, b, n, NULL) && !continues_numbering(st, lp, b, &m))
        return 0;
    strbuf sb;
    strbuf_init(&sb);
    for (size_t k = bi; k < bi + n; k++)
        if (!only_marks(st, lp, &lp->blocks[k]))
            text_join_line(&sb, lp->blocks[k].text);
    char *heading = strbuf_take(&sb);
    if (!match_kind(st, titled ? "goal.heading" : "goal.numbered", heading, &m)) {
        free(heading);
        return 0;
    }
    read_goal_heading(st, doc, lp, b, n, heading, &m);
    char *id = group_text(heading, &m, "id");
    st->numbered_id = titled || !id ? 0 : strtol(id, NULL, 10);
    st->numbered_page = lp->number;
    st->numbered_font = b->font;
    free(id);
    free(heading);
    return n;
}

/* A listed goal whose words run over blocks [b, b + n) (its lines parted
 * by the mark beside them), with the mark of any of them. */
static void add_run_goal(goal_state *st, arsred_document *doc, layout_page *lp, const block *b,
                         size_t n)
{
    strbuf sb;
    strbuf_init(&sb);
    box bb = b->box;
    for (size_t k = 0; k < n; k++)
        if (!only_marks(st, lp, &b[k])) {
            text_join_line(&sb, b[k].text);
            bb = box_union(bb, b[k].box);
        }
    char *text = strbuf_take(&sb);
    text_fold_space(text);
    char id[24];
    snprintf(id, sizeof id, "#%zu", ++st->n_listed);
    size_t g = add_goal(doc, st, id, text, lp->number, bb);
    doc->goals[g].listed = true;
    icon ic;
    if (mark_of_blocks(st, lp, b, n, &ic))
        set_icon(st, doc, g, &ic, lp->number);
    else
        words_beside_blocks(st, lp, b, n, &doc->goals[g]);
    free(text);
}

/* Whether b is set like the open list's goals (bold or not, font, size). */
static bool in_list_style(const goal_state *st, const layout_page *lp, const block *b)
{
    const block *s = st->list_style;
    return s && st->list_style_page == lp->number && s->bold == b->bold && s->font == b->font &&
           fabsf(s->size - b->size) <= 0.05f * s->size;
}

/* A block under a goal list's heading: a goal where it carries a mark or
 * is set like the list's goals (a goal without status among them); what
 * follows a goal in other type is the goal's comment and assignments. */
static size_t read_in_list(goal_state *st, arsred_document *doc, layout_page *lp, const block *b)
{
    icon ic;
    bool marked = !is_prose(b) && mark_of_blocks(st, lp, b, 1, &ic);
    bool heading = !marked && !in_list_style(st, lp, b) && is_heading_block(st, b);
    if (heading) {
        st->in_list = false;
        st->current = st->assignment = SIZE_MAX;
        return 1;
    }
    size_t n = 1;
    if (marked || in_list_style(st, lp, b) || (st->current == SIZE_MAX && !is_prose(b))) {
        if (!st->list_style || st->list_style_page != lp->number) {
            st->list_style = b;
            st->list_style_page = lp->number;
        }
        n = b->bold ? heading_run(st, lp, (size_t)(b - lp->blocks)) : 1;
        if (n > 1)
            add_run_goal(st, doc, lp, b, n);
        else
            read_list_block(st, doc, lp, b);
        st->current = doc->n_goals ? doc->n_goals - 1 : SIZE_MAX;
        st->assignment = SIZE_MAX;
        return n;
    }
    if (st->current != SIZE_MAX && b->size >= 0.95f * body_size(st))
        add_follow_up(st, doc, lp, b);
    return 1;
}

/* Whether no other line shares b's row: a heading, not a column head
 * beside others ("Mål" over a column, "Status" beside it). */
static bool alone_in_row(const layout_page *lp, const block *b)
{
    const line *first = &lp->lines[b->first_line];
    for (size_t i = 0; i < lp->n_lines; i++) {
        const line *o = &lp->lines[i];
        if (o != first && span_overlap(o->box.y0, o->box.y1, first->box.y0, first->box.y1) >
                              0.5 * box_height(first->box))
            return false;
    }
    return true;
}

/* Reads block b; returns the number of blocks it takes (a goal whose
 * lines the layout parted takes those after it). */
static size_t read_block(goal_state *st, arsred_document *doc, layout_page *lp, const block *b,
                         bool goal_page)
{
    pattern_match m;
    if (only_marks(st, lp, b))
        return 1;
    if (match_kind(st, "goal.list-heading", b->text, &m) && alone_in_row(lp, b)) {
        st->in_list = true;
        st->scope_first = doc->n_goals;
        st->list_style = NULL;
        st->current = st->assignment = SIZE_MAX;
        return 1;
    }
    /* legend lines anywhere teach the colours; lines above the first are
     * the legend's title ("Teckenförklaring:") */
    bool legend_block = b->n_lines > 0, seen_legend = false;
    for (size_t l = b->first_line; l < b->first_line + b->n_lines; l++) {
        bool is_legend = read_legend_line(st, lp, &lp->lines[l]);
        seen_legend = seen_legend || is_legend;
        legend_block = legend_block && (is_legend || !seen_legend);
    }
    if (legend_block && seen_legend)
        return 1;
    if (st->current != SIZE_MAX && match_kind(st, "goal.status-line", b->text, &m)) {
        char *status = group_text(b->text, &m, "status");
        goal *g = &doc->goals[st->current];
        if (st->assignment != SIZE_MAX && st->assignment < g->n_assignments) {
            /* under an assignment: its status, not the goal's */
            assignment *a = &g->assignments[st->assignment];
            if (a->evidence.kind == EVIDENCE_NONE && says_status(st, status)) {
                a->status = status_of_words(st, status);
                a->evidence = (status_evidence){.kind = EVIDENCE_TEXT, .text = xstrdup(status),
                                                .page = lp->number, .bbox = b->box};
            }
        } else {
            set_text_status(st, g, status, lp->number, b->box);
            g->assessed = g->detailed;
        }
        free(status);
        return 1;
    }
    const char *text = after_glyph(st, lp, &lp->lines[b->first_line]) == lp->lines[b->first_line].text
                           ? b->text
                           : strchr(b->text, ' ') + 1;
    size_t label_len;
    if (st->current != SIZE_MAX && next_label(st, text, text, &label_len) == text) {
        const char *in_block = next_label(st, b->text, b->text, &label_len);
        start_assignments(st, doc, lp, b, in_block ? in_block : text, label_len);
        return 1;
    }
    if (!st->in_list && goal_page && !is_prose(b) && says_enough(b) &&
        starts_with_status_icon(st, lp, b, 1)) {
        read_list_block(st, doc, lp, b);
        st->current = doc->n_goals - 1; /* what follows describes it */
        st->assignment = SIZE_MAX;
        return 1;
    }
    if (st->in_list) {
        return read_in_list(st, doc, lp, b);
    }
    if (is_heading_block(st, b)) {
        st->in_list = false;
        st->current = st->assignment = SIZE_MAX;
        return 1;
    }
    if (st->current == SIZE_MAX)
        return 1;
    /* captions and notes in smaller type are not the follow-up */
    if (b->size >= 0.95f * body_size(st))
        add_follow_up(st, doc, lp, b);
    return 1;
}

/* ---------------------------------------------------------- goal tables */

static void add_target(goal *g, goal_target t)
{
    ARRAY_PUSH(g->targets, g->n_targets, g->cap_targets, t);
}

/* The indicator, target and outcome cells of a goal table's row. */
static void table_targets(goal *g, const goal_table_row *row)
{
    if (!row->cell[ROLE_INDICATOR] && !row->cell[ROLE_TARGET] && !row->cell[ROLE_OUTCOME])
        return;
    goal_target t = {0};
    if (row->cell[ROLE_TARGET]) {
        t.text = xstrdup(row->cell[ROLE_TARGET]);
        number v;
        number_kind kind = number_parse(t.text, strlen(t.text), &v);
        if (kind == NUMBER_AMOUNT || kind == NUMBER_PERCENT) {
            t.has_value = true;
            t.value = v.value;
            t.decimals = v.decimals;
        }
    }
    if (row->cell[ROLE_INDICATOR])
        t.indicator = xstrdup(row->cell[ROLE_INDICATOR]);
    if (row->cell[ROLE_OUTCOME])
        t.outcome = xstrdup(row->cell[ROLE_OUTCOME]);
    add_target(g, t);
}

/* The goal that the words over a table of activities name, or SIZE_MAX. */
static size_t goal_named(const arsred_document *doc, const char *words)
{
    size_t best = SIZE_MAX;
    double best_sim = 0.6;
    for (size_t i = 0; words && i < doc->n_goals; i++) {
        double sim = text_similarity(doc->goals[i].text, words);
        if (sim > best_sim) {
            best_sim = sim;
            best = i;
        }
    }
    return best;
}

/* text after the mark glyphs that lead it ("● Uppfyllt" → "Uppfyllt"). */
static const char *after_mark_glyphs(const goal_state *st, const char *text)
{
    for (;;) {
        const char *space = strchr(text, ' ');
        size_t len = space ? (size_t)(space - text) : strlen(text);
        pattern_match m;
        if (!space || !st->glyphs.glyph ||
            pattern_exec(st->glyphs.glyph, text, len, 0, &m) != PATTERN_MATCHED)
            return text;
        text = space + 1;
    }
}

/* A goal table's row: a goal with its number, status, comment, targets. */
static void take_goal_row(goal_state *st, arsred_document *doc, const goal_table *t,
                          const goal_table_row *row)
{
    const char *text = row->cell[ROLE_GOAL];
    if (!text)
        return;
    char id[24];
    snprintf(id, sizeof id, "#%zu", ++st->n_listed);
    if (row->cell[ROLE_ID]) {
        snprintf(id, sizeof id, "%s", row->cell[ROLE_ID]);
        size_t len = strlen(id);
        while (len > 0 && (id[len - 1] == '.' || id[len - 1] == ')'))
            id[--len] = '\0';
    }
    pattern_match nm; /* "1. Alla elever …": the goal's own number */
    char *own = NULL;
    if (match_kind(st, "goal.numbered", text, &nm)) {
        char *own_id = group_text(text, &nm, "id");
        snprintf(id, sizeof id, "%s", own_id);
        free(own_id);
        own = group_text(text, &nm, "text");
    }
    size_t g = add_goal(doc, st, id, own ? own : text, t->page, row->box);
    free(own);
    goal *go = &doc->goals[g];
    go->listed = true;
    const char *words = row->cell[ROLE_STATUS] ? after_mark_glyphs(st, row->cell[ROLE_STATUS]) : NULL;
    if (words && says_status(st, words)) /* "● Uppfyllt": the words say it */
        set_text_status(st, go, words, t->page, row->box);
    else if (row->has_mark)
        set_icon(st, doc, g, &row->mark, t->page);
    if (row->cell[ROLE_COMMENT])
        go->comment = xstrdup(row->cell[ROLE_COMMENT]);
    table_targets(go, row);
    st->current = g;
    st->assignment = SIZE_MAX;
}

/* Adds an assignment row's item to the goal list (*list, *n, *cap) of
 * goal parent (SIZE_MAX: under none): its words, status and comment. */
static void add_row_assignment(goal_state *st, arsred_document *doc, size_t parent,
                               const goal_table *t, const goal_table_row *row, const char *text)
{
    assignment a = {.text = xstrdup(text),
                    .comment = row->cell[ROLE_COMMENT] ? xstrdup(row->cell[ROLE_COMMENT]) : NULL,
                    .has_progress = row->has_progress, .progress = row->progress};
    const char *words = row->cell[ROLE_STATUS] ? after_mark_glyphs(st, row->cell[ROLE_STATUS]) : NULL;
    if (words && says_status(st, words)) {
        a.status = status_of_words(st, words);
        a.evidence = (status_evidence){.kind = EVIDENCE_TEXT, .text = xstrdup(words),
                                       .page = t->page, .bbox = row->box};
    } else if (row->has_mark) {
        a.evidence = icon_evidence(&row->mark, t->page);
    }
    assignment **list = parent == SIZE_MAX ? &doc->assignments : &doc->goals[parent].assignments;
    size_t *n = parent == SIZE_MAX ? &doc->n_assignments : &doc->goals[parent].n_assignments;
    size_t *cap = parent == SIZE_MAX ? &doc->cap_assignments : &doc->goals[parent].cap_assignments;
    ARRAY_PUSH(*list, *n, *cap, a);
    if (row->has_mark && a.evidence.kind == EVIDENCE_ICON) {
        mark_ref ref = legend_mark(&row->mark, parent, *n - 1, t->page);
        ref.legend_only = t->items; /* an activity's state, not a verdict */
        legend_note(&st->legends, ref);
    }
}

/* "Uppdrag: …" in a goal table's goal cell: an assignment of the goal
 * row above. */
static void take_assignment_row(goal_state *st, arsred_document *doc, const goal_table *t,
                                const goal_table_row *row)
{
    pattern_match m;
    const char *text = row->cell[ROLE_GOAL];
    if (!text || !match_kind(st, "goal.assignment", text, &m))
        return;
    char *own = group_text(text, &m, "text");
    if (own && st->current != SIZE_MAX)
        add_row_assignment(st, doc, st->current, t, row, own);
    free(own);
}

/* A table of assignments: under the goal its heads name, else the goal
 * whose section it stands in, else the one its page before ran on with;
 * under no goal where there is none. */
static void take_item_rows(goal_state *st, arsred_document *doc, const goal_table *t)
{
    size_t parent = goal_named(doc, t->head_text);
    if (parent == SIZE_MAX)
        parent = t->continued ? st->item_parent : st->current;
    st->item_parent = parent;
    for (size_t r = 0; r < t->n_rows; r++) {
        const goal_table_row *row = &t->rows[r];
        if (row->group) { /* the goal the next rows belong to */
            size_t named = goal_named(doc, row->cell[ROLE_GOAL]);
            if (named != SIZE_MAX)
                parent = st->item_parent = named;
            continue;
        }
        if (row->cell[ROLE_ITEM])
            add_row_assignment(st, doc, parent, t, row, row->cell[ROLE_ITEM]);
    }
}

/* The goal and assignment tables of the page, read as tables; the lines
 * they hold are read by no other reader. Goal tables give their goals at
 * once; tables of assignments wait (taken) until the page's reading comes
 * to them, so that the goal whose section they stand in is known. */
static size_t read_goal_tables(goal_state *st, arsred_document *doc, layout_page *lp,
                               bool *claimed, goal_table **out)
{
    goal_table *tables;
    size_t n = goal_tables_read(&st->tables, lp, claimed, &tables);
    for (size_t i = 0; i < n; i++) {
        if (tables[i].items)
            continue;
        if (!tables[i].continued)
            st->scope_first = doc->n_goals;
        for (size_t r = 0; r < tables[i].n_rows; r++)
            if (tables[i].rows[r].assignment)
                take_assignment_row(st, doc, &tables[i], &tables[i].rows[r]);
            else
                take_goal_row(st, doc, &tables[i], &tables[i].rows[r]);
    }
    if (n)
        st->in_list = false;
    *out = tables;
    return n;
}

/* Takes the tables of assignments not taken yet that hold block b (all
 * of them where b is NULL: the page's end). */
static void take_item_tables(goal_state *st, arsred_document *doc, goal_table *tables, size_t n,
                             bool *taken, const block *b)
{
    for (size_t i = 0; i < n; i++)
        if (tables[i].items && !taken[i] &&
            (!b || (span_overlap(b->box.y0, b->box.y1, tables[i].box.y0, tables[i].box.y1) > 0 &&
                    span_overlap(b->box.x0, b->box.x1, tables[i].box.x0, tables[i].box.x1) > 0))) {
            take_item_rows(st, doc, &tables[i]);
            taken[i] = true;
        }
}

static bool all_claimed(const bool *claimed, const block *b)
{
    for (size_t l = b->first_line; l < b->first_line + b->n_lines; l++)
        if (!claimed[l])
            return false;
    return b->n_lines > 0;
}

/* A page with goal cues of its own, or one right after a page where a
 * goal was found (a list of goals runs on) or a legend stood. Only there are the sides of
 * lines looked at for marks: that costs a render of the page. */
static bool is_goal_page(goal_state *st, const layout_page *lp, const arsred_document *doc)
{
    if (st->in_list)
        return true;
    if (st->current != SIZE_MAX && doc->n_goals > 0 &&
        doc->goals[doc->n_goals - 1].page >= lp->number - 1)
        return true;
    if (legend_since(&st->legends, lp->number - 1)) /* the goals a legend explains follow it */
        return true;
    for (size_t i = 0; i < lp->n_lines; i++) {
        const line *l = &lp->lines[i];
        pattern_match m;
        if (icon_is_mark_glyph(&st->glyphs, &lp->words[l->first_word]) ||
            status_words_beside(st, lp, l) ||
            match_kind(st, "goal.heading", l->text, &m) ||
            match_kind(st, "goal.list-heading", l->text, &m) ||
            match_kind(st, "goal.legend", l->text, &m))
            return true;
    }
    return false;
}

static void goal_page(void *state, layout_page *lp, arsred_document *doc)
{
    goal_state *st = state;
    count_sizes(st, lp);
    bool *claimed = xcalloc(lp->n_lines ? lp->n_lines : 1, sizeof *claimed);
    st->claimed = claimed;
    goal_table *tables;
    size_t n_tables = read_goal_tables(st, doc, lp, claimed, &tables);
    bool *taken = xcalloc(n_tables ? n_tables : 1, sizeof *taken);
    bool goal_page = is_goal_page(st, lp, doc);
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        if (b->furniture || b->in_table)
            continue;
        if (all_claimed(claimed, b)) {
            take_item_tables(st, doc, tables, n_tables, taken, b);
            st->in_list = false; /* the list a heading opened is this table */
            continue;
        }
        size_t n = read_heading_run(st, doc, lp, i, goal_page);
        if (n > 0)
            i += n - 1;
        else
            i += read_block(st, doc, lp, b, goal_page) - 1;
    }
    take_item_tables(st, doc, tables, n_tables, taken, NULL);
    free(taken);
    goal_tables_free(tables, n_tables);
    st->claimed = NULL;
    free(claimed);
}

/* ------------------------------------------------------------- finish */





/* The targets a goal's words set ("minst 15225 st år 2020, 15300 st år
 * 2021"): each value with its unit and year. */
static void read_text_targets(const goal_state *st, goal *g)
{
    const pattern *pats[4];
    size_t n = patterns_of_kind(st->patterns, "goal.target", pats, 4);
    size_t len = strlen(g->text);
    for (size_t i = 0; i < n && i < 4; i++) {
        size_t offset = 0;
        pattern_match m;
        char *unit = NULL; /* "15300 st år 2021, 15600 år 2022": the unit carries on */
        while (offset < len && pattern_exec(pats[i], g->text, len, offset, &m) == PATTERN_MATCHED) {
            const pattern_group *v = pattern_match_group(&m, "value");
            number num;
            goal_target t = {.text = xstrndup(g->text + m.start, m.end - m.start)};
            text_fold_space(t.text);
            if (v && v->set && number_parse(g->text + v->start, v->end - v->start, &num) != NUMBER_NONE) {
                t.has_value = true;
                t.value = num.value;
                t.decimals = num.decimals;
            }
            char *u = group_text(g->text, &m, "unit"), *year = group_text(g->text, &m, "year");
            if (u) {
                free(unit);
                unit = u;
            }
            t.unit = unit ? xstrdup(unit) : NULL;
            t.year = year ? atoi(year) : 0;
            free(year);
            add_target(g, t);
            offset = m.end > offset ? m.end : offset + 1;
        }
        free(unit);
    }
}

static void goal_finish(void *state, arsred_document *doc)
{
    goal_state *st = state;
    for (size_t i = 0; i < doc->n_goals; i++) {
        goal *g = &doc->goals[i];
        if (g->id[0] == '#') /* numbered by us: its place among the goals */
            memmove(g->id, g->id + 1, strlen(g->id));
        if (g->n_targets == 0)
            read_text_targets(st, g);
    }
    legend_settle(&st->legends, doc);
    legend_book_release(&st->legends);
    free(st);
}

const recogniser goal_recogniser = {"goals", goal_start, goal_page, goal_finish};
