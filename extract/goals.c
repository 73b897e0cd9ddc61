/* goals.c: goals (mål), their status and their assignments (uppdrag).
 *
 * Goals come from numbered headings ("Mål 1. …"), from goal lists (the
 * lines under a heading such as "Förändringsmål", each with its icon) and
 * from goal tables (a status word in a "Bedömning" column). A listed goal
 * and its detailed section are one goal: the list's status, the section's
 * assignments. Statuses come from icons (through the page's legend where
 * there is one, else by hue) or from words; what cannot be read stays
 * null with a warning. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "icons.h"
#include "pattern.h"
#include "report.h"
#include "text.h"
#include "util.h"

enum { MAX_LEGEND = 12, SIZE_BINS = 200, MAX_GOAL_PATTERNS = 16 };
#define LEGEND_MATCH 70.0   /* farthest colour distance a legend entry covers */

typedef struct legend_entry {
    uint32_t rgb;
    goal_status status;
    int page;
} legend_entry;

typedef struct goal_state {
    const arsred_patterns *patterns;
    legend_entry legend[MAX_LEGEND];
    size_t n_legend;
    double size_chars[SIZE_BINS];
    bool in_list;
    size_t n_listed;
    size_t current;          /* goal whose section we are in, or SIZE_MAX */
    size_t assignment;       /* its assignment taking comments, or SIZE_MAX */
    uint32_t *icon_rgb;      /* per goal: the icon read for it (0 none) */
    bool *has_icon;
    size_t cap_icons;
} goal_state;

static void *goal_start(arsred_document *doc, const arsred_patterns *patterns)
{
    (void)doc;
    goal_state *st = xcalloc(1, sizeof *st);
    st->patterns = patterns;
    st->current = st->assignment = SIZE_MAX;
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
    ARRAY_PUSH(doc->goals, doc->n_goals, doc->cap_goals, g);
    grow_array((void **)&st->icon_rgb, &st->cap_icons, doc->n_goals, sizeof *st->icon_rgb);
    size_t cap = st->cap_icons;
    st->has_icon = xrealloc(st->has_icon, cap * sizeof *st->has_icon);
    st->has_icon[doc->n_goals - 1] = false;
    st->icon_rgb[doc->n_goals - 1] = 0;
    return doc->n_goals - 1;
}

static void set_icon(goal_state *st, arsred_document *doc, size_t g, const icon *ic, int page)
{
    st->has_icon[g] = true;
    st->icon_rgb[g] = ic->rgb;
    doc->goals[g].evidence = (status_evidence){.kind = EVIDENCE_ICON, .rgb = ic->rgb,
                                               .page = page, .bbox = ic->box};
}

static void set_text_status(goal_state *st, goal *g, const char *words, int page, box bbox)
{
    goal_status s = status_of_words(st, words);
    if (s == STATUS_NONE || g->evidence.kind == EVIDENCE_ICON)
        return;
    g->status = s;
    free(g->evidence.text);
    g->evidence = (status_evidence){.kind = EVIDENCE_TEXT, .text = xstrdup(words),
                                    .page = page, .bbox = bbox};
}

/* Whether a goal of a goal table on this page already holds area. */
static bool in_table_goal(const arsred_document *doc, int page, box area)
{
    for (size_t i = 0; i < doc->n_goals; i++) {
        const goal *g = &doc->goals[i];
        if (g->listed && g->page == page &&
            span_overlap(g->bbox.y0, g->bbox.y1, area.y0, area.y1) > 0.5 * box_height(area) &&
            span_overlap(g->bbox.x0, g->bbox.x1, area.x0, area.x1) > 0)
            return true;
    }
    return false;
}

/* The listed goal a "Mål N." section describes: same id, else the most
 * similar text, else the N-th listed goal if its text is close enough. */
static size_t listed_goal_for(const arsred_document *doc, const char *id, const char *text)
{
    size_t best = SIZE_MAX, nth = SIZE_MAX, ordinal = 0;
    double best_sim = 0.45;
    long n = strtol(id, NULL, 10);
    for (size_t i = 0; i < doc->n_goals; i++) {
        const goal *g = &doc->goals[i];
        if (!g->listed || g->detailed)
            continue;
        if (strcmp(g->id, id) == 0 && strchr(id, '.') == NULL && g->id[0] != '#')
            return i;
        double sim = text_similarity(g->text, text);
        if (sim > best_sim) {
            best_sim = sim;
            best = i;
        }
    }
    if (best != SIZE_MAX)
        return best;
    for (size_t i = 0; i < doc->n_goals; i++)
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

static void append_comment(assignment *a, const char *text)
{
    strbuf sb;
    strbuf_init(&sb);
    if (a->comment)
        strbuf_adds(&sb, a->comment);
    if (sb.len && text[0])
        strbuf_addc(&sb, ' ');
    strbuf_adds(&sb, text);
    free(a->comment);
    a->comment = strbuf_take(&sb);
}

static bool is_assignment_word(const char *w)
{
    return strcmp(w, "Uppdrag:") == 0 || strcmp(w, "Åtagande:") == 0 ||
           strcmp(w, "Aktivitet:") == 0;
}

/* The assignment's own words: the bold run after the last "Uppdrag:" of
 * the block where the report sets it in bold (lines joined, hyphenation
 * undone), else its first sentence. *rest points after them. */
static char *assignment_text(const layout_page *lp, const block *b, const char *after_colon,
                             const char **rest)
{
    size_t start_line = SIZE_MAX, start_word = 0;
    for (size_t l = b->first_line; l < b->first_line + b->n_lines; l++)
        for (size_t w = lp->lines[l].first_word; w < lp->lines[l].first_word + lp->lines[l].n_words; w++)
            if (is_assignment_word(lp->words[w].text)) {
                start_line = l;
                start_word = w + 1;
            }
    strbuf bold;
    strbuf_init(&bold);
    bool done = false;
    size_t n_bold = 0;
    for (size_t l = start_line; start_line != SIZE_MAX && l < b->first_line + b->n_lines && !done; l++) {
        strbuf part;
        strbuf_init(&part);
        size_t w0 = l == start_line ? start_word : lp->lines[l].first_word;
        for (size_t w = w0; w < lp->lines[l].first_word + lp->lines[l].n_words; w++) {
            if (!lp->words[w].bold) {
                done = true;
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
    if (n_bold >= 2) {
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
        uint32_t cp = utf8_next(&next, next + strlen(next));
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

/* Starts an assignment from a block that begins "Uppdrag: …"; parts of it
 * with statuses follow it as assignments of their own. */
static void start_assignment(goal_state *st, arsred_document *doc, const layout_page *lp,
                             const block *b, const char *after_colon)
{
    goal *g = &doc->goals[st->current];
    const char *rest;
    char *text = assignment_text(lp, b, after_colon, &rest);
    assignment a = {.text = trimmed(text)};
    free(text);
    ARRAY_PUSH(g->assignments, g->n_assignments, g->cap_assignments, a);
    size_t index = g->n_assignments - 1;
    char *before = split_status_parts(st, g, rest, lp->number, b->box);
    char *comment = trimmed(before);
    free(before);
    if (comment[0])
        g->assignments[index].comment = comment;
    else
        free(comment);
    st->assignment = g->n_assignments - 1; /* the last part takes what follows */
}

/* Body text in a goal's section: the follow-up of its assignment, where
 * parts with statuses may start. */
static void add_follow_up(goal_state *st, arsred_document *doc, const layout_page *lp,
                          const block *b)
{
    goal *g = &doc->goals[st->current];
    /* "… i planerad omfattning. Uppdrag: Kostnadsmedvetenheten …": a new
     * assignment inside a paragraph */
    const char *inner = strstr(b->text, ". Uppdrag: ");
    if (inner) {
        char *head = xstrndup(b->text, (size_t)(inner + 1 - b->text));
        if (st->assignment != SIZE_MAX && st->assignment < g->n_assignments)
            append_comment(&g->assignments[st->assignment], head);
        free(head);
        start_assignment(st, doc, lp, b, inner + strlen(". Uppdrag: "));
        return;
    }
    char *before = split_status_parts(st, g, b->text, lp->number, b->box);
    size_t n_before = g->n_assignments;
    (void)n_before;
    if (before[0] && st->assignment != SIZE_MAX && st->assignment < g->n_assignments)
        append_comment(&g->assignments[st->assignment], before);
    /* the last part with a status takes what follows */
    if (g->n_assignments && g->assignments[g->n_assignments - 1].status != STATUS_NONE &&
        strcmp(before, b->text) != 0)
        st->assignment = g->n_assignments - 1;
    free(before);
}

/* ------------------------------------------------------------- legends */

static void learn_legend(goal_state *st, uint32_t rgb, goal_status status, int page)
{
    for (size_t i = 0; i < st->n_legend; i++)
        if (color_distance(st->legend[i].rgb, rgb) < 20 && st->legend[i].page == page)
            return;
    if (st->n_legend < MAX_LEGEND)
        st->legend[st->n_legend++] = (legend_entry){rgb, status, page};
}

/* A line that explains an icon: its words say a status, an icon stands
 * beside it. Returns true where the line is a legend line. */
/* Text without a status glyph that starts it ("● Målet är uppfyllt"). */
static const char *after_glyph(const layout_page *lp, const line *l)
{
    const word *first = &lp->words[l->first_word];
    if (l->n_words > 1 && icon_is_glyph_word(first)) {
        const char *space = strchr(l->text, ' ');
        return space ? space + 1 : l->text;
    }
    return l->text;
}

static bool read_legend_line(goal_state *st, layout_page *lp, const line *l)
{
    pattern_match m;
    if (!match_kind(st, "goal.legend", after_glyph(lp, l), &m))
        return false;
    icon ic;
    if (!icon_beside_line(lp, l, &ic))
        return false;
    learn_legend(st, ic.rgb, status_of_match(&m), lp->number);
    return true;
}

/* ---------------------------------------------------------- goal lists */

/* A listed goal from lines [first, end) of a block. */
static void add_listed_goal(goal_state *st, arsred_document *doc, layout_page *lp,
                            size_t first, size_t end)
{
    strbuf sb;
    strbuf_init(&sb);
    box bb = lp->lines[first].box;
    for (size_t l = first; l < end; l++) {
        text_join_line(&sb, lp->lines[l].text);
        bb = box_union(bb, lp->lines[l].box);
    }
    icon ic;
    bool has_icon = icon_beside_line(lp, &lp->lines[first], &ic);
    char *text = strbuf_take(&sb);
    if (has_icon && ic.glyph) { /* the coloured glyph is not part of the words */
        const char *space = strchr(text, ' ');
        memmove(text, space ? space + 1 : text + strlen(text), strlen(space ? space + 1 : "") + 1);
    }
    text_fold_space(text);
    char id[24];
    snprintf(id, sizeof id, "#%zu", ++st->n_listed);
    size_t g = add_goal(doc, st, id, text, lp->number, bb);
    doc->goals[g].listed = true;
    if (has_icon)
        set_icon(st, doc, g, &ic, lp->number);
    free(text);
}

/* The lines of a list block: each line with its own icon starts a goal
 * (a goal that wraps carries one icon); without icons the block is one. */
static void read_list_block(goal_state *st, arsred_document *doc, layout_page *lp, const block *b)
{
    size_t first = b->first_line, end = b->first_line + b->n_lines;
    size_t start = first;
    for (size_t l = first; l < end; l++) {
        if (read_legend_line(st, lp, &lp->lines[l])) {
            if (l > start)
                add_listed_goal(st, doc, lp, start, l);
            start = l + 1;
            continue;
        }
        icon ic;
        if (l > start && icon_beside_line(lp, &lp->lines[l], &ic)) {
            add_listed_goal(st, doc, lp, start, l);
            start = l;
        }
    }
    if (start < end)
        add_listed_goal(st, doc, lp, start, end);
}

/* ------------------------------------------------------ numbered goals */

/* "Mål 1. …": a goal section; the goal itself where it was not listed. */
static void read_goal_heading(goal_state *st, arsred_document *doc, layout_page *lp,
                              const block *b, const pattern_match *m)
{
    char *id = group_text(b->text, m, "id"), *text = group_text(b->text, m, "text");
    const char *assign = strstr(text, " Uppdrag:");
    char *own = assign ? xstrndup(text, (size_t)(assign - text)) : xstrdup(text);
    text_fold_space(own);
    size_t g = listed_goal_for(doc, id, own);
    for (size_t i = 0; i < doc->n_goals && g == SIZE_MAX; i++) /* "Mål 1." listed, then described */
        if (strcmp(doc->goals[i].id, id) == 0 && text_similarity(doc->goals[i].text, own) >= 0.5)
            g = i;
    if (g == SIZE_MAX) {
        g = add_goal(doc, st, id, own, lp->number, b->box);
        icon ic;
        if (icon_beside_line(lp, &lp->lines[b->first_line], &ic))
            set_icon(st, doc, g, &ic, lp->number);
    } else {
        free(doc->goals[g].id);
        doc->goals[g].id = xstrdup(id);
    }
    doc->goals[g].detailed = true;
    st->current = g;
    st->assignment = SIZE_MAX;
    st->in_list = false;
    if (assign)
        start_assignment(st, doc, lp, b, assign + strlen(" Uppdrag:"));
    free(id);
    free(text);
    free(own);
}

/* ----------------------------------------------------------- the page */

/* Running text rather than a goal: several sentences, or long. */
static bool is_prose(const block *b)
{
    size_t words = 1, sentences = 0;
    for (const char *p = b->text; *p; p++) {
        words += *p == ' ';
        if ((p[0] == '.' || p[0] == '!' || p[0] == '?') && p[1] == ' ' &&
            (unsigned char)p[2] >= 'A' && (unsigned char)p[2] <= 'Z')
            sentences++;
    }
    return sentences >= 1 || words > 45;
}

/* A block whose first line starts with a status icon whose colour means
 * a status (through the legend, or by hue where there is none). */
static bool starts_with_status_icon(goal_state *st, layout_page *lp, const block *b)
{
    icon ic;
    if (!icon_beside_line(lp, &lp->lines[b->first_line], &ic))
        return false;
    if (st->n_legend > 0) {
        for (size_t i = 0; i < st->n_legend; i++)
            if (color_distance(st->legend[i].rgb, ic.rgb) < LEGEND_MATCH)
                return true;
        return false;
    }
    return status_of_hue(ic.rgb) != STATUS_NONE;
}

/* A goal numbered without the word Mål ("1. …"), where an icon stands
 * beside it or a goal list is open. */
static bool read_numbered_goal(goal_state *st, arsred_document *doc, layout_page *lp,
                               const block *b, bool goal_page)
{
    pattern_match m;
    if (!match_kind(st, "goal.numbered", b->text, &m))
        return false;
    if (!st->in_list && !(goal_page && starts_with_status_icon(st, lp, b)))
        return false;
    read_goal_heading(st, doc, lp, b, &m);
    return true;
}

static void read_block(goal_state *st, arsred_document *doc, layout_page *lp, const block *b,
                       bool goal_page)
{
    pattern_match m;
    if (match_kind(st, "goal.heading", b->text, &m)) {
        read_goal_heading(st, doc, lp, b, &m);
        return;
    }
    if (match_kind(st, "goal.list-heading", b->text, &m)) {
        st->in_list = true;
        st->current = st->assignment = SIZE_MAX;
        return;
    }
    /* legend lines anywhere teach the colours */
    bool all_legend = b->n_lines > 0;
    for (size_t l = b->first_line; l < b->first_line + b->n_lines; l++)
        all_legend = read_legend_line(st, lp, &lp->lines[l]) && all_legend;
    if (all_legend)
        return;
    if (st->current != SIZE_MAX && match_kind(st, "goal.status-line", b->text, &m)) {
        char *status = group_text(b->text, &m, "status");
        set_text_status(st, &doc->goals[st->current], status, lp->number, b->box);
        free(status);
        return;
    }
    if (read_numbered_goal(st, doc, lp, b, goal_page))
        return;
    const char *text = after_glyph(lp, &lp->lines[b->first_line]) == lp->lines[b->first_line].text
                           ? b->text
                           : strchr(b->text, ' ') + 1;
    if (st->current != SIZE_MAX && match_kind(st, "goal.assignment", text, &m)) {
        const pattern_group *t = pattern_match_group(&m, "text");
        start_assignment(st, doc, lp, b, text + t->start);
        icon ic; /* "● Uppdrag: …": the assignment's own status */
        goal *g = &doc->goals[st->current];
        if (text != b->text && icon_beside_line(lp, &lp->lines[b->first_line], &ic)) {
            assignment *a = &g->assignments[g->n_assignments - 1];
            a->status = status_of_hue(ic.rgb);
            a->evidence = (status_evidence){.kind = EVIDENCE_ICON, .rgb = ic.rgb,
                                            .page = lp->number, .bbox = ic.box};
        }
        return;
    }
    if (!st->in_list && goal_page && !is_prose(b) && !in_table_goal(doc, lp->number, b->box) &&
        starts_with_status_icon(st, lp, b)) {
        read_list_block(st, doc, lp, b);
        st->current = doc->n_goals - 1; /* what follows describes it */
        st->assignment = SIZE_MAX;
        return;
    }
    if (is_heading_block(st, b)) {
        st->in_list = false;
        st->current = st->assignment = SIZE_MAX;
        return;
    }
    if (st->in_list) {
        if (!is_prose(b))
            read_list_block(st, doc, lp, b);
        return;
    }
    if (st->current == SIZE_MAX)
        return;
    /* captions and notes in smaller type are not the follow-up */
    if (b->size >= 0.95f * body_size(st))
        add_follow_up(st, doc, lp, b);
}

/* A table cell's words: its first line and the lines under it that
 * start where it starts, above y_limit (where the next row begins). */
static char *cell_text_below(const layout_page *lp, const line *first, double y_limit, box *bb)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_adds(&sb, first->text);
    *bb = first->box;
    const line *last = first;
    for (;;) {
        const line *next = NULL;
        for (size_t i = 0; i < lp->n_lines; i++) {
            const line *o = &lp->lines[i];
            if (o->box.y0 <= last->box.y0 || o->box.y0 >= y_limit - 0.5 ||
                fabs(o->box.x0 - first->box.x0) > first->size ||
                o->box.y0 - last->box.y1 > 0.6 * box_height(last->box))
                continue;
            if (!next || o->box.y0 < next->box.y0)
                next = o;
        }
        if (!next)
            break;
        text_join_line(&sb, next->text);
        *bb = box_union(*bb, next->box);
        last = next;
    }
    char *text = strbuf_take(&sb);
    text_fold_space(text);
    return text;
}

/* A column header has the header of another column beside it, set in
 * the same type: a heading over the right column of running text has body
 * lines beside it, which are not a header row. */
static bool has_cell_to_left(const layout_page *lp, const line *header)
{
    bool header_bold = lp->words[header->first_word].bold;
    for (size_t i = 0; i < lp->n_lines; i++) {
        const line *o = &lp->lines[i];
        if (o != header && o->box.x1 < header->box.x0 &&
            span_overlap(o->box.y0, o->box.y1, header->box.y0, header->box.y1) >
                0.5 * box_height(header->box) &&
            fabsf(o->size - header->size) <= 0.1f * header->size &&
            lp->words[o->first_word].bold == header_bold)
            return true;
    }
    return false;
}

static bool word_in(const box *w, box area)
{
    return span_overlap(w->x0, w->x1, area.x0, area.x1) > 0 &&
           span_overlap(w->y0, w->y1, area.y0, area.y1) > 0.3 * box_height(*w);
}

static bool holds_words(const layout_page *lp, box area)
{
    size_t lo, hi;
    layout_words_near(lp, area.y0, area.y1, &lo, &hi);
    for (size_t i = lo; i < hi; i++)
        if (word_in(&lp->words[i].box, area))
            return true;
    for (size_t i = lp->n_row_words; i < lp->n_words; i++)
        if (word_in(&lp->words[i].box, area))
            return true;
    return false;
}

/* A goal table whose status column shows icons: each row with an icon
 * under the header starts a goal, its words the lines left of the column
 * down to the next such row. */
static void read_icon_rows(goal_state *st, arsred_document *doc, layout_page *lp,
                           const line *header)
{
    typedef struct icon_row {
        const line *first;
        icon ic;
    } icon_row;
    if (!has_cell_to_left(lp, header))
        return; /* a "Bedömning" heading in prose, not a column */
    icon_row *rows = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < lp->n_lines; i++) { /* lines come top to bottom */
        const line *o = &lp->lines[i];
        if (o->box.y0 <= header->box.y1 || o->box.x1 > header->box.x0 - 0.5 * header->size ||
            in_table_goal(doc, lp->number, o->box))
            continue;
        if (n > 0 && span_overlap(rows[n - 1].first->box.y0, rows[n - 1].first->box.y1,
                                  o->box.y0, o->box.y1) > 0)
            continue; /* one look per row */
        double h = box_height(o->box);
        box band = {fmax(header->box.x0 - header->size, o->box.x1 + 0.3), o->box.y0 - 0.2 * h,
                    fmin(lp->width, header->box.x1 + 2 * header->size), o->box.y1 + 0.2 * h};
        icon_row row = {.first = o};
        if (!holds_words(lp, band) && icon_in_area(lp, band, &row.ic))
            ARRAY_PUSH(rows, n, cap, row);
    }
    for (size_t r = 0; r < n; r++) {
        double y_limit = r + 1 < n ? rows[r + 1].first->box.y0 : INFINITY;
        box bb;
        char *text = cell_text_below(lp, rows[r].first, y_limit, &bb);
        char id[24];
        snprintf(id, sizeof id, "#%zu", ++st->n_listed);
        size_t g = add_goal(doc, st, id, text, lp->number, bb);
        free(text);
        doc->goals[g].listed = true;
        set_icon(st, doc, g, &rows[r].ic, lp->number);
    }
    free(rows);
}

/* A table of goals: a "Bedömning" (or "Status") header, and under it
 * status words, with the goal's words to their left on the same row. */
static void read_goal_table(goal_state *st, arsred_document *doc, layout_page *lp)
{
    for (size_t h = 0; h < lp->n_lines; h++) {
        pattern_match m;
        if (!match_kind(st, "goal.table-status-column", lp->lines[h].text, &m))
            continue;
        const line *header = &lp->lines[h];
        for (size_t i = 0; i < lp->n_lines; i++) {
            const line *cell = &lp->lines[i];
            if (cell->box.y0 <= header->box.y1 ||
                span_overlap(cell->box.x0, cell->box.x1, header->box.x0, header->box.x1) <= 0)
                continue;
            goal_status s = status_of_words(st, cell->text);
            if (s == STATUS_NONE)
                continue;
            /* the row's first cell: its goal (and an id where it is one) */
            const line *first = NULL;
            for (size_t k = 0; k < lp->n_lines; k++) {
                const line *o = &lp->lines[k];
                if (o->box.x1 <= cell->box.x0 &&
                    span_overlap(o->box.y0, o->box.y1, cell->box.y0, cell->box.y1) >
                        0.5 * box_height(cell->box) &&
                    (!first || o->box.x0 < first->box.x0))
                    first = o;
            }
            if (!first)
                continue;
            /* the row ends where the next status below it begins */
            double y_limit = INFINITY;
            for (size_t k = 0; k < lp->n_lines; k++) {
                const line *o = &lp->lines[k];
                if (o->box.y0 > cell->box.y1 &&
                    span_overlap(o->box.x0, o->box.x1, header->box.x0, header->box.x1) > 0 &&
                    status_of_words(st, o->text) != STATUS_NONE)
                    y_limit = fmin(y_limit, o->box.y0);
            }
            box bb;
            char *text = cell_text_below(lp, first, y_limit, &bb);
            char id[24];
            snprintf(id, sizeof id, "#%zu", ++st->n_listed);
            pattern_match nm; /* "1. Alla elever …": the goal's own number */
            char *own = NULL;
            if (match_kind(st, "goal.numbered", text, &nm)) {
                char *number = group_text(text, &nm, "id");
                snprintf(id, sizeof id, "%s", number);
                free(number);
                own = group_text(text, &nm, "text");
            }
            size_t g = add_goal(doc, st, id, own ? own : text, lp->number, bb);
            free(own);
            free(text);
            doc->goals[g].listed = true;
            set_text_status(st, &doc->goals[g], cell->text, lp->number, cell->box);
        }
        read_icon_rows(st, doc, lp, header);
    }
}

/* A page that speaks of goals: a goal heading, a goal list, a legend or a
 * coloured status glyph. Icons are looked for (rendered) only there. */
/* A page with goal cues of its own, or one right after a page where a
 * goal was found (a list of goals runs on). Only there are the sides of
 * lines looked at for icons: that costs a render of the page. */
static bool is_goal_page(goal_state *st, const layout_page *lp, const arsred_document *doc)
{
    if (st->in_list)
        return true;
    if (st->current != SIZE_MAX && doc->n_goals > 0 &&
        doc->goals[doc->n_goals - 1].page >= lp->number - 1)
        return true;
    for (size_t i = 0; i < lp->n_lines; i++) {
        const line *l = &lp->lines[i];
        pattern_match m;
        if (icon_is_glyph_word(&lp->words[l->first_word]) ||
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
    read_goal_table(st, doc, lp);
    bool goal_page = is_goal_page(st, lp, doc);
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        if (!b->furniture && !b->in_table)
            read_block(st, doc, lp, b, goal_page);
    }
}

/* ------------------------------------------------------------- finish */

/* The legend entry nearest to rgb among those of page (or of any page
 * where page is 0), or SIZE_MAX. */
static size_t legend_for(const goal_state *st, uint32_t rgb, int page)
{
    size_t best = SIZE_MAX;
    double best_d = LEGEND_MATCH;
    for (size_t i = 0; i < st->n_legend; i++) {
        double d = color_distance(st->legend[i].rgb, rgb);
        if ((page == 0 || st->legend[i].page == page) && d < best_d) {
            best_d = d;
            best = i;
        }
    }
    return best;
}

/* A legend explains the icons of its page; elsewhere the hue tells, and
 * where the hue tells nothing an earlier legend that knows the colour. */
static goal_status status_of_icon(const goal_state *st, uint32_t rgb, int page, bool *legend)
{
    size_t entry = legend_for(st, rgb, page);
    *legend = entry != SIZE_MAX;
    if (entry != SIZE_MAX)
        return st->legend[entry].status;
    bool page_has_legend = false;
    for (size_t i = 0; i < st->n_legend; i++)
        page_has_legend = page_has_legend || st->legend[i].page == page;
    if (page_has_legend)
        return STATUS_NONE; /* the page's own legend does not know this colour */
    goal_status by_hue = status_of_hue(rgb);
    if (by_hue != STATUS_NONE)
        return by_hue;
    entry = legend_for(st, rgb, 0);
    *legend = entry != SIZE_MAX;
    return entry != SIZE_MAX ? st->legend[entry].status : STATUS_NONE;
}

static void goal_finish(void *state, arsred_document *doc)
{
    goal_state *st = state;
    for (size_t i = 0; i < doc->n_goals; i++) {
        goal *g = &doc->goals[i];
        if (g->id[0] == '#') /* numbered by us: its place among the goals */
            memmove(g->id, g->id + 1, strlen(g->id));
        if (!st->has_icon[i])
            continue;
        bool legend;
        g->status = status_of_icon(st, st->icon_rgb[i], g->evidence.page, &legend);
        g->evidence.legend = legend;
        if (g->status == STATUS_NONE)
            report_warn(doc, "icon-unclassified", g->page,
                        "page %d: goal %s: the icon's colour #%06X %s; its status is left "
                        "empty",
                        g->page, g->id, st->icon_rgb[i],
                        st->n_legend ? "is not one the legend explains"
                                     : "tells no status by itself and the page has no legend");
    }
    free(st->icon_rgb);
    free(st->has_icon);
    free(st);
}

const recogniser goal_recogniser = {"goals", goal_start, goal_page, goal_finish};
