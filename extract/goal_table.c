/* goal_table.c: goal and assignment tables read by their column heads. */
#include "goal_table.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "text.h"
#include "util.h"

#define HEAD_SLACK 0.5       /* a cell may start this many ems left of its head */
#define SECTION_GAP 1.5      /* a gap of this many line heights between bands ends a table */
#define SIZE_APART 0.2       /* type this much larger or smaller than the heads is no cell */
#define ROWS_APART 1.0       /* a cell's paragraphs follow tight; rows stand a line's height apart */
#define MARK_PART_GAP 1.0    /* two parts of a mark this close (pt) across bands are one mark */
#define BAR_REACH 0.5        /* a progress bar reaches this share of a line above and below it */
#define OTHER_COLUMN_EM 2.0  /* a line starting this far beyond the last head is another column's */
enum { MAX_HEAD_WORDS = 3,    /* the longest head ("Kommentar / analys") in words */
       MAX_STATUS_PATTERNS = 16 };

static const char *const role_groups[N_ROLES] = {"id", "goal", "item", "indicator", "target",
                                                 "outcome", "status", "progress", "comment",
                                                 "other"};

typedef struct head {
    box box;
    goal_role role;
    size_t line;
    float size;
} head;

typedef goal_table_frame table_frame;

/* ---------------------------------------------------------------- heads */

static goal_role role_of(const pattern *p, const char *text, size_t len)
{
    pattern_match m;
    if (!p || pattern_exec(p, text, len, 0, &m) != PATTERN_MATCHED || m.start != 0 ||
        m.end != len)
        return N_ROLES;
    for (size_t r = 0; r < N_ROLES; r++) {
        const pattern_group *g = pattern_match_group(&m, role_groups[r]);
        if (g && g->set)
            return (goal_role)r;
    }
    return N_ROLES;
}

/* The heads a line holds: the whole line, or runs of its words that are
 * heads each (heads set closer than the gap that parts lines). */
static void heads_of_line(const pattern *p, const layout_page *lp, size_t li, head **out,
                          size_t *n, size_t *cap)
{
    const line *l = &lp->lines[li];
    goal_role whole = role_of(p, l->text, strlen(l->text));
    if (whole != N_ROLES) {
        head h = {l->box, whole, li, l->size};
        ARRAY_PUSH(*out, *n, *cap, h);
        return;
    }
    if (l->n_words < 2 || l->n_words > N_ROLES * MAX_HEAD_WORDS)
        return; /* one word, or more than a row of heads can hold: running text */
    head found[N_ROLES * MAX_HEAD_WORDS];
    size_t n_found = 0;
    for (size_t w = l->first_word; w < l->first_word + l->n_words;) {
        size_t take = 0;
        goal_role role = N_ROLES;
        for (size_t k = MAX_HEAD_WORDS; k >= 1 && role == N_ROLES; k--) {
            if (w + k > l->first_word + l->n_words)
                continue;
            strbuf sb;
            strbuf_init(&sb);
            for (size_t j = w; j < w + k; j++) {
                if (j > w)
                    strbuf_addc(&sb, ' ');
                strbuf_adds(&sb, lp->words[j].text);
            }
            role = role_of(p, sb.data, sb.len);
            strbuf_release(&sb);
            take = k;
        }
        if (role == N_ROLES)
            return; /* a word that is no head: running text */
        box b = lp->words[w].box;
        for (size_t j = w + 1; j < w + take; j++)
            b = box_union(b, lp->words[j].box);
        found[n_found++] = (head){b, role, li, l->size};
        w += take;
    }
    for (size_t i = 0; i < n_found; i++)
        ARRAY_PUSH(*out, *n, *cap, found[i]);
}

static bool same_band(box a, box b)
{
    double h = fmin(box_height(a), box_height(b));
    return span_overlap(a.y0, a.y1, b.y0, b.y1) > 0.5 * h;
}

static int by_x0(const void *a, const void *b)
{
    double d = ((const head *)a)->box.x0 - ((const head *)b)->box.x0;
    return (d > 0) - (d < 0);
}

/* A header row: heads side by side, a goal or item column among them and
 * one more role, no role twice. */
static bool make_frame(head *heads, size_t n, table_frame *f)
{
    if (n < 2 || n > N_ROLES)
        return false;
    qsort(heads, n, sizeof *heads, by_x0);
    bool seen[N_ROLES] = {false};
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < n; i++) {
        if ((seen[heads[i].role] && heads[i].role != ROLE_OTHER) ||
            (i > 0 && heads[i].box.x0 < heads[i - 1].box.x1))
            return false;
        seen[heads[i].role] = true;
        f->columns[f->n_columns++] = (goal_column){heads[i].role, heads[i].box.x0};
        f->size = fmaxf(f->size, heads[i].size);
    }
    if (seen[ROLE_GOAL] == seen[ROLE_ITEM])
        return false; /* neither, or both: not one kind of row */
    f->items = seen[ROLE_ITEM];
    f->em = f->size > 0 ? f->size : 10;
    f->last_head_x1 = heads[n - 1].box.x1;
    f->left = heads[0].box.x0 - HEAD_SLACK * f->em;
    f->right = INFINITY;
    return true;
}

/* -------------------------------------------------------------- columns */

static size_t column_of(const table_frame *f, box b)
{
    double cx = (b.x0 + b.x1) / 2;
    size_t c = 0;
    for (size_t i = 1; i < f->n_columns; i++)
        if (cx >= f->columns[i].start - HEAD_SLACK * f->em)
            c = i;
    return c;
}

/* A line that reaches across the start of the column after its own. */
static bool spans(const table_frame *f, box b, size_t c)
{
    return c + 1 < f->n_columns && b.x1 > f->columns[c + 1].start + HEAD_SLACK * f->em;
}

static size_t column_with(const table_frame *f, goal_role role)
{
    for (size_t i = 0; i < f->n_columns; i++)
        if (f->columns[i].role == role)
            return i;
    return SIZE_MAX;
}

static box column_zone(const table_frame *f, size_t c, const layout_page *lp, box band)
{
    double x0 = f->columns[c].start - HEAD_SLACK * f->em;
    double x1 = c + 1 < f->n_columns ? f->columns[c + 1].start - HEAD_SLACK * f->em
                                     : fmin(lp->width, f->right);
    return (box){fmax(0, x0), band.y0, x1, band.y1};
}

/* ---------------------------------------------------------------- bands */

typedef struct band {
    size_t first, n;         /* into the sorted line indexes */
    box box;
} band;

typedef struct placed_line {
    double y0, x0;
    size_t index;
} placed_line;

static int by_top(const void *a, const void *b)
{
    const placed_line *pa = a, *pb = b;
    double d = fabs(pa->y0 - pb->y0) < 0.01 ? pa->x0 - pb->x0 : pa->y0 - pb->y0;
    return (d > 0) - (d < 0);
}

/* Whether l stands where the table's lines may: not in the text of a
 * column beside it. */
static bool inside_frame(const table_frame *f, const line *l)
{
    return l->box.x1 > f->left && l->box.x0 < f->right;
}

/* The lines of [y_from, y_to) inside the frame that are no furniture, top
 * to bottom, in bands of lines that share a row. */
static size_t bands_below(const layout_page *lp, const table_frame *f, const bool *furniture,
                          double y_from, double y_to, size_t **order, band **out)
{
    placed_line *placed = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < lp->n_lines; i++) {
        const line *l = &lp->lines[i];
        if (!furniture[i] && l->box.y0 >= y_from && l->box.y0 < y_to && inside_frame(f, l)) {
            placed_line pl = {l->box.y0, l->box.x0, i};
            ARRAY_PUSH(placed, n, cap, pl);
        }
    }
    if (n)
        qsort(placed, n, sizeof *placed, by_top);
    size_t *idx = xcalloc(n ? n : 1, sizeof *idx);
    for (size_t i = 0; i < n; i++)
        idx[i] = placed[i].index;
    free(placed);
    band *bands = NULL;
    size_t nb = 0, capb = 0;
    for (size_t i = 0; i < n; i++) {
        box b = lp->lines[idx[i]].box;
        if (nb && same_band(bands[nb - 1].box, b)) {
            bands[nb - 1].n++;
            bands[nb - 1].box = box_union(bands[nb - 1].box, b);
            continue;
        }
        band nbnd = {i, 1, b};
        ARRAY_PUSH(bands, nb, capb, nbnd);
    }
    *order = idx;
    *out = bands;
    return nb;
}

/* Where the text of another column starts right of the table: the
 * nearest line in its height that starts well beyond its last head (a
 * cell of the last column starts at or under its head). */
static double right_of_table(const layout_page *lp, const table_frame *f, const bool *furniture,
                             double y_from, double y_to)
{
    double right = INFINITY;
    for (size_t i = 0; i < lp->n_lines; i++) {
        const line *l = &lp->lines[i];
        if (!furniture[i] && l->box.y0 >= y_from && l->box.y0 < y_to &&
            l->box.x0 > f->last_head_x1 + OTHER_COLUMN_EM * f->em)
            right = fmin(right, l->box.x0 - 0.5);
    }
    return right;
}

/* ------------------------------------------------------------------ rows */

typedef struct reading {
    goal_table_reader *reader;
    layout_page *lp;
    const table_frame *f;
    const size_t *order;
    const bool *line_bold;
    const size_t *line_block;
    const band *bands;
    bool *mark_starts;       /* per band, where marks key the rows: a row starts here */
    icon *marks;             /* and its mark */
    bool text_in_row;        /* the open row has its goal or item words, */
    double text_y1;          /* down to here */
} reading;

static bool is_number_key(const char *t)
{
    size_t digits = 0;
    for (const char *p = t; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!((*p == '.' || *p == ')') && digits > 0))
            return false;
    }
    return digits > 0 && digits <= 4;
}

bool goal_words_say_status(const arsred_patterns *patterns, const char *text)
{
    const pattern *pats[MAX_STATUS_PATTERNS];
    size_t n = patterns_of_kind(patterns, "goal.status-word", pats, MAX_STATUS_PATTERNS);
    for (size_t i = 0; i < n && i < MAX_STATUS_PATTERNS; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], text, strlen(text), 0, &m) == PATTERN_MATCHED)
            return true;
    }
    return false;
}

static bool says_status(const reading *rd, const char *text)
{
    return goal_words_say_status(rd->reader->patterns, text);
}

static box row_band(box b)
{
    return icon_row_band(b);
}

/* A comment label ("Kommentar:") with the words after it, or NULL. */
static const char *after_comment_label(const reading *rd, const char *text)
{
    const pattern *p = patterns_find(rd->reader->patterns, "goal.comment-label");
    pattern_match m;
    if (!p || pattern_exec(p, text, strlen(text), 0, &m) != PATTERN_MATCHED)
        return NULL;
    const pattern_group *g = pattern_match_group(&m, "text");
    return g && g->set ? text + g->start : text + strlen(text);
}

/* Whether band's goal cell opens an assignment ("Uppdrag: …"): a row of
 * its own under the goal row above it. */
static bool opens_assignment(const reading *rd, const band *bd, size_t text_col)
{
    const pattern *p = patterns_find(rd->reader->patterns, "goal.assignment");
    for (size_t k = bd->first; p && k < bd->first + bd->n; k++) {
        const line *l = &rd->lp->lines[rd->order[k]];
        pattern_match m;
        if (column_of(rd->f, l->box) == text_col &&
            pattern_exec(p, l->text, strlen(l->text), 0, &m) == PATTERN_MATCHED)
            return true;
    }
    return false;
}

static bool mark_in_status_cell(const reading *rd, const band *bd, size_t status_col, icon *mark)
{
    box zone = column_zone(rd->f, status_col, rd->lp, row_band(bd->box));
    return icon_in_area(rd->lp, &rd->reader->glyphs, zone, box_height(bd->box), mark);
}

/* Whether band starts a row: its key column has a cell on it (a number, a
 * status word or a mark; or, where the table has neither column, a goal
 * or item that starts a paragraph), or its goal cell opens an assignment
 * (*opens). *mark gets a mark found. */
static bool starts_row(const reading *rd, const band *bd, bool *has_mark, icon *mark,
                       bool *opens)
{
    const table_frame *f = rd->f;
    const layout_page *lp = rd->lp;
    size_t id_col = column_with(f, ROLE_ID), status_col = column_with(f, ROLE_STATUS);
    size_t text_col = column_with(f, f->items ? ROLE_ITEM : ROLE_GOAL);
    *has_mark = *opens = false;
    bool text_starts = false, text_here = false, set_apart = false;
    if (!f->items && opens_assignment(rd, bd, text_col)) {
        *opens = true;
        size_t at = (size_t)(bd - rd->bands);
        if (rd->mark_starts) { /* marks key the rows: the one beside this cell */
            *has_mark = rd->mark_starts[at];
            if (*has_mark)
                *mark = rd->marks[at];
        } else if (status_col != SIZE_MAX) {
            *has_mark = mark_in_status_cell(rd, bd, status_col, mark);
        }
        return true;
    }
    for (size_t k = bd->first; k < bd->first + bd->n; k++) {
        size_t li = rd->order[k];
        const line *l = &lp->lines[li];
        size_t c = column_of(f, l->box);
        if (c == id_col && is_number_key(l->text))
            return true;
        if (c == status_col && id_col == SIZE_MAX && says_status(rd, l->text))
            return true;
        if (c == text_col) {
            text_here = true;
            const block *b = &lp->blocks[rd->line_block[li]];
            bool starts = b->first_line == li && !b->continues && !after_comment_label(rd, l->text);
            text_starts = text_starts || starts;
            set_apart = set_apart || (starts && l->box.y0 - rd->text_y1 > ROWS_APART * box_height(l->box));
        }
    }
    if (id_col != SIZE_MAX)
        return false;
    if (status_col != SIZE_MAX) {
        size_t at = (size_t)(bd - rd->bands);
        *has_mark = text_here && rd->mark_starts && rd->mark_starts[at];
        if (*has_mark)
            *mark = rd->marks[at];
        /* a new paragraph of goal words set apart from the row's own: a
         * goal without a mark among goals with */
        return *has_mark || (set_apart && rd->text_in_row);
    }
    if (!text_starts)
        return false;
    for (size_t k = bd->first; k < bd->first + bd->n; k++) {
        const line *l = &lp->lines[rd->order[k]];
        if (column_of(f, l->box) == text_col &&
            icon_beside_line(rd->lp, &rd->reader->glyphs, l, mark) && mark->box.x1 <= l->box.x0 &&
            mark->box.x0 >= f->columns[text_col].start - 2 * f->em)
            *has_mark = true;
    }
    return true;
}

static void add_to_cell(char **cell, const char *text)
{
    strbuf sb;
    strbuf_init(&sb);
    if (*cell) {
        strbuf_adds(&sb, *cell);
        free(*cell);
    }
    if (sb.len)
        text_join_line(&sb, text);
    else
        strbuf_adds(&sb, text);
    *cell = strbuf_take(&sb);
    text_fold_space(*cell);
}


typedef enum band_kind { BAND_CELLS, BAND_HEADING, BAND_END } band_kind;

/* What band is to the table: cells; a heading (bold where the cells are
 * not, or across the columns before the first row), which may head a
 * group of rows; or past its end: type of another size, a gap wider than
 * a section's, a line across the columns that no comment opened. */
static band_kind kind_of_band(const reading *rd, const band *bd, const band *prev,
                              bool in_comment, bool text_bold, bool have_row)
{
    const layout_page *lp = rd->lp;
    const table_frame *f = rd->f;
    double h = box_height(bd->box);
    if (prev && bd->box.y0 - prev->box.y1 > SECTION_GAP * fmin(h, box_height(prev->box)))
        return BAND_END;
    bool all_bold = true, across = false;
    for (size_t k = bd->first; k < bd->first + bd->n; k++) {
        size_t li = rd->order[k];
        const line *l = &lp->lines[li];
        if (fabsf(l->size - f->size) > SIZE_APART * f->size)
            return BAND_END;
        if (after_comment_label(rd, l->text))
            return BAND_CELLS;
        all_bold = all_bold && rd->line_bold[li];
        across = across || (!in_comment && spans(f, l->box, column_of(f, l->box)));
    }
    if (!have_row)
        return across || all_bold ? BAND_HEADING : BAND_CELLS;
    if (all_bold && !text_bold)
        return BAND_HEADING;
    return across ? BAND_END : BAND_CELLS;
}

static void read_progress(const reading *rd, goal_table_row *row, box first_band)
{
    size_t c = column_with(rd->f, ROLE_PROGRESS);
    if (c == SIZE_MAX)
        return;
    const char *t = row->cell[ROLE_PROGRESS];
    if (t) { /* "75 %", "37,5 %" */
        number v;
        if (number_parse(t, strlen(t), &v) == NUMBER_PERCENT && v.value >= 0 && v.value <= 100) {
            row->has_progress = true;
            row->progress = v.value / 100;
        }
        return;
    }
    /* the bar stands on the row's first line, and may be taller than it */
    double h = box_height(first_band);
    box reach = {first_band.x0, first_band.y0 - BAR_REACH * h, first_band.x1,
                 first_band.y1 + BAR_REACH * h};
    box zone = column_zone(rd->f, c, rd->lp, reach);
    row->has_progress = icon_progress_bar(rd->lp, zone, h, &row->progress);
}

/* A row's status cell that shows no words: its mark on the row's first
 * line, else the colour it is filled with over the row's height (a
 * status given as the cell's background). */
static void read_cell_fill(const reading *rd, goal_table_row *row, box first_band)
{
    size_t c = column_with(rd->f, ROLE_STATUS);
    if (c == SIZE_MAX || row->has_mark || row->cell[ROLE_STATUS] || row->group)
        return;
    band first = {0, 0, first_band};
    if (mark_in_status_cell(rd, &first, c, &row->mark)) { /* a mark on its first line */
        row->has_mark = true;
        return;
    }
    box zone = column_zone(rd->f, c, rd->lp, row_band(row->box));
    /* the cell's inside: clear of the rules and the neighbour cells' edges */
    double inset = 0.25 * rd->f->em;
    zone = (box){zone.x0 + inset, zone.y0 + inset, zone.x1 - inset, zone.y1 - inset};
    uint32_t rgb;
    if (box_width(zone) > 1 && box_height(zone) > 1 && icon_cell_fill(rd->lp, zone, &rgb)) {
        row->has_mark = true;
        row->mark = (icon){.box = zone, .rgb = rgb};
    }
}

/* What a row shows once all its lines are in: its progress, its cell's
 * fill. */
static void close_row(const reading *rd, goal_table_row *row, box first_band)
{
    if (!row || row->group)
        return;
    read_progress(rd, row, first_band);
    read_cell_fill(rd, row, first_band);
}

/* Reads the rows under a frame from band b on; returns the band after the
 * table (n_bands where it runs to the page's foot). */
static size_t read_rows(reading *rd, const band *bands, size_t b, size_t n_bands,
                        bool *claimed, goal_table *t)
{
    const layout_page *lp = rd->lp;
    const table_frame *f = rd->f;
    goal_table_row *row = NULL;
    size_t text_col = column_with(f, f->items ? ROLE_ITEM : ROLE_GOAL);
    bool in_comment = false, text_bold = false;
    box first_band = {0};
    const band *prev = NULL;
    for (; b < n_bands; b++) {
        const band *bd = &bands[b];
        band_kind kind = kind_of_band(rd, bd, prev, in_comment, text_bold, t->n_rows > 0);
        if (kind == BAND_END)
            break;
        bool has_mark;
        icon mark;
        if (kind == BAND_HEADING && t->n_rows > 0) {
            /* a heading with rows under it heads a group of them (the goal
             * whose activities follow); else the table has ended */
            size_t e = b;
            while (e < n_bands &&
                   kind_of_band(rd, &bands[e], e > b ? &bands[e - 1] : prev, false, text_bold,
                                true) == BAND_HEADING)
                e++;
            bool opens;
            if (e == n_bands || !starts_row(rd, &bands[e], &has_mark, &mark, &opens))
                break;
            close_row(rd, row, first_band);
            goal_table_row group = {.box = bd->box, .group = true};
            for (size_t g = b; g < e; g++)
                for (size_t k = bands[g].first; k < bands[g].first + bands[g].n; k++) {
                    claimed[rd->order[k]] = true;
                    add_to_cell(&group.cell[ROLE_GOAL], lp->lines[rd->order[k]].text);
                    group.box = box_union(group.box, lp->lines[rd->order[k]].box);
                }
            ARRAY_PUSH(t->rows, t->n_rows, t->cap_rows, group);
            row = NULL;
            prev = &bands[e - 1];
            b = e - 1;
            continue;
        }
        bool opens = false;
        bool st_row = (kind == BAND_CELLS || t->n_rows == 0) &&
                      starts_row(rd, bd, &has_mark, &mark, &opens);
        if (st_row) {
            rd->text_in_row = false;
            close_row(rd, row, first_band);
            goal_table_row fresh = {.box = bd->box, .has_mark = has_mark, .mark = mark,
                                    .assignment = opens};
            ARRAY_PUSH(t->rows, t->n_rows, t->cap_rows, fresh);
            row = &t->rows[t->n_rows - 1];
            first_band = bd->box;
            in_comment = false;
        }
        for (size_t k = bd->first; k < bd->first + bd->n; k++) {
            size_t li = rd->order[k];
            const line *l = &lp->lines[li];
            claimed[li] = true;
            size_t c = column_of(f, l->box);
            if (!row) { /* under the heads, before the first row */
                add_to_cell(&t->head_text, l->text);
                continue;
            }
            row->box = box_union(row->box, l->box);
            const char *after = after_comment_label(rd, l->text);
            if (after && f->columns[c].role != ROLE_COMMENT) {
                in_comment = true;
                if (*after)
                    add_to_cell(&row->cell[ROLE_COMMENT], after);
                continue;
            }
            goal_role role = in_comment ? ROLE_COMMENT : f->columns[c].role;
            if (c == text_col && row->box.y0 >= first_band.y0 - 0.5 && !in_comment)
                text_bold = rd->line_bold[li];
            if (c == text_col && !in_comment)
                rd->text_y1 = l->box.y1;
            add_to_cell(&row->cell[role], l->text);
        }
        rd->text_in_row = row && !in_comment && row->cell[f->items ? ROLE_ITEM : ROLE_GOAL];
        prev = bd;
    }
    close_row(rd, row, first_band);
    return b;
}

/* ----------------------------------------------------------------- page */

typedef struct header_row {
    table_frame frame;
    box box;
} header_row;

static size_t find_header_rows(const goal_table_reader *reader, const layout_page *lp,
                               const bool *furniture, header_row **out)
{
    const pattern *p = patterns_find(reader->patterns, "goal.table-column");
    head *heads = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < lp->n_lines; i++)
        if (!furniture[i])
            heads_of_line(p, lp, i, &heads, &n, &cap);
    header_row *rows = NULL;
    size_t n_rows = 0, cap_rows = 0;
    bool *used = xcalloc(n ? n : 1, sizeof *used);
    for (size_t i = 0; i < n; i++) {
        if (used[i])
            continue;
        head group[N_ROLES + 1];
        size_t n_group = 0;
        box bb = heads[i].box;
        for (size_t j = i; j < n; j++)
            if (!used[j] && same_band(heads[i].box, heads[j].box) && n_group <= N_ROLES) {
                group[n_group++] = heads[j];
                used[j] = true;
                bb = box_union(bb, heads[j].box);
            }
        header_row hr = {.box = bb};
        if (make_frame(group, n_group, &hr.frame))
            ARRAY_PUSH(rows, n_rows, cap_rows, hr);
    }
    free(used);
    free(heads);
    *out = rows;
    return n_rows;
}

static void mark_lines(const layout_page *lp, bool *furniture, bool *bold, size_t *line_block)
{
    for (size_t b = 0; b < lp->n_blocks; b++) {
        const block *bl = &lp->blocks[b];
        for (size_t l = bl->first_line; l < bl->first_line + bl->n_lines && l < lp->n_lines; l++) {
            furniture[l] = bl->furniture || bl->in_table; /* a table of figures is no goal's */
            line_block[l] = b;
        }
    }
    for (size_t l = 0; l < lp->n_lines; l++) {
        const line *ln = &lp->lines[l];
        bold[l] = ln->n_words > 0;
        for (size_t w = ln->first_word; w < ln->first_word + ln->n_words; w++)
            bold[l] = bold[l] && lp->words[w].bold;
    }
}

static void release_table(goal_table *t)
{
    for (size_t r = 0; r < t->n_rows; r++)
        for (size_t c = 0; c < N_ROLES; c++)
            free(t->rows[r].cell[c]);
    free(t->rows);
    free(t->head_text);
}

static bool band_holds(const reading *rd, const band *bd, size_t line_index)
{
    for (size_t k = bd->first; k < bd->first + bd->n; k++)
        if (rd->order[k] == line_index)
            return true;
    return false;
}

/* Where marks key the rows of a table without numbers: each mark starts
 * the row of the goal or item cell beside it, at that cell's first line (a
 * mark set at the middle of a cell of three lines is its row's). */
static void find_mark_starts(reading *rd, size_t n_bands)
{
    const table_frame *f = rd->f;
    size_t status_col = column_with(f, ROLE_STATUS), id_col = column_with(f, ROLE_ID);
    size_t text_col = column_with(f, f->items ? ROLE_ITEM : ROLE_GOAL);
    if (status_col == SIZE_MAX || id_col != SIZE_MAX || n_bands == 0)
        return;
    rd->mark_starts = xcalloc(n_bands, sizeof *rd->mark_starts);
    rd->marks = xcalloc(n_bands, sizeof *rd->marks);
    for (size_t b = 0; b < n_bands; b++) {
        const band *bd = &rd->bands[b];
        size_t text_line = SIZE_MAX;
        for (size_t k = bd->first; k < bd->first + bd->n && text_line == SIZE_MAX; k++)
            if (column_of(f, rd->lp->lines[rd->order[k]].box) == text_col)
                text_line = rd->order[k];
        icon mark;
        if (text_line == SIZE_MAX || !mark_in_status_cell(rd, bd, status_col, &mark))
            continue;
        /* back to the first line of the cell's paragraph, where no row
         * starts on the way */
        size_t first = rd->lp->blocks[rd->line_block[text_line]].first_line, k = b;
        while (k > 0 && !band_holds(rd, &rd->bands[k], first) && !rd->mark_starts[k])
            k--;
        size_t start = band_holds(rd, &rd->bands[k], first) ? k : b;
        if (rd->mark_starts[start]) {
            const icon *taken = &rd->marks[start];
            if (mark.box.y0 <= taken->box.y1 + MARK_PART_GAP &&
                taken->box.y0 <= mark.box.y1 + MARK_PART_GAP &&
                span_overlap(taken->box.x0, taken->box.x1, mark.box.x0, mark.box.x1) > 0)
                continue; /* the same mark, cut in two by two lines' bands */
            start = b;    /* a second mark in one paragraph: a row of its own */
        }
        rd->mark_starts[start] = true;
        rd->marks[start] = mark;
    }
}

/* Whether band starts a row by a key cell of its own: a number, a status
 * word or a mark (a table run on over a page break starts so; a heading
 * or a paragraph there is the page's own text). */
static bool starts_keyed_row(const reading *rd, const band *bd)
{
    bool has_mark, opens;
    icon mark;
    if (!starts_row(rd, bd, &has_mark, &mark, &opens))
        return false;
    return has_mark || opens || column_with(rd->f, ROLE_ID) != SIZE_MAX ||
           column_with(rd->f, ROLE_STATUS) != SIZE_MAX;
}

/* Reads one table under frame f in [y_from, y_to) into t; false (t empty)
 * where no row comes. run_on: the table of the page before, read on
 * where its first band here is a keyed row. */
static bool read_table(goal_table_reader *reader, layout_page *lp, const table_frame *f,
                       const bool *furniture, const bool *bold, const size_t *line_block,
                       double y_from, double y_to, bool run_on, bool *claimed, goal_table *t)
{
    size_t *order;
    band *bands;
    size_t n_bands = bands_below(lp, f, furniture, y_from, y_to, &order, &bands);
    reading rd = {reader, lp, f, order, bold, line_block, bands, NULL, NULL, false, 0};
    find_mark_starts(&rd, n_bands);
    memset(t, 0, sizeof *t);
    t->page = lp->number;
    t->items = f->items;
    t->continued = run_on;
    bool ok = n_bands > 0 && (!run_on || starts_keyed_row(&rd, &bands[0]));
    bool *mine = xcalloc(lp->n_lines ? lp->n_lines : 1, sizeof *mine);
    size_t end = ok ? read_rows(&rd, bands, 0, n_bands, mine, t) : 0;
    ok = ok && t->n_rows > 0;
    if (ok) {
        for (size_t i = 0; i < lp->n_lines; i++)
            if (mine[i]) {
                claimed[i] = true;
                t->box = t->box.x1 > t->box.x0 ? box_union(t->box, lp->lines[i].box)
                                               : lp->lines[i].box;
            }
        /* it ran to the page's foot: the next page may read it on */
        reader->has_open = end == n_bands && y_to >= lp->height;
        reader->open = *f;
        reader->open_page = lp->number;
    } else {
        release_table(t);
        memset(t, 0, sizeof *t);
    }
    free(rd.mark_starts);
    free(rd.marks);
    free(mine);
    free(order);
    free(bands);
    return ok;
}

static int by_head_top(const void *a, const void *b)
{
    double d = ((const header_row *)a)->box.y0 - ((const header_row *)b)->box.y0;
    return (d > 0) - (d < 0);
}

size_t goal_tables_read(goal_table_reader *reader, layout_page *lp, bool *claimed,
                        goal_table **out)
{
    size_t nl = lp->n_lines ? lp->n_lines : 1;
    bool *furniture = xcalloc(nl, sizeof *furniture), *bold = xcalloc(nl, sizeof *bold);
    size_t *line_block = xcalloc(nl, sizeof *line_block);
    mark_lines(lp, furniture, bold, line_block);
    header_row *heads;
    size_t n_heads = find_header_rows(reader, lp, furniture, &heads);
    if (n_heads > 1)
        qsort(heads, n_heads, sizeof *heads, by_head_top); /* each table ends at the next */
    goal_table *tables = NULL;
    size_t n = 0, cap = 0;
    goal_table t;
    bool open = reader->has_open && reader->open_page == lp->number - 1;
    reader->has_open = false;
    if (open) {
        table_frame f = reader->open;
        double y_to = n_heads ? heads[0].box.y0 : lp->height;
        if (read_table(reader, lp, &f, furniture, bold, line_block, 0, y_to, true, claimed, &t))
            ARRAY_PUSH(tables, n, cap, t);
    }
    for (size_t h = 0; h < n_heads; h++) {
        table_frame *f = &heads[h].frame;
        double y_from = heads[h].box.y1 - 0.5;
        double y_to = h + 1 < n_heads ? heads[h + 1].box.y0 : lp->height;
        f->right = right_of_table(lp, f, furniture, heads[h].box.y0, y_to);
        if (read_table(reader, lp, f, furniture, bold, line_block, y_from, y_to, false, claimed,
                       &t)) {
            for (size_t i = 0; i < lp->n_lines; i++)
                if (same_band(lp->lines[i].box, heads[h].box) &&
                    span_overlap(lp->lines[i].box.x0, lp->lines[i].box.x1, heads[h].box.x0,
                                 heads[h].box.x1) > 0)
                    claimed[i] = true;
            t.box = box_union(t.box, heads[h].box);
            ARRAY_PUSH(tables, n, cap, t);
        }
    }
    free(heads);
    free(furniture);
    free(bold);
    free(line_block);
    *out = tables;
    return n;
}

void goal_tables_free(goal_table *tables, size_t n)
{
    for (size_t i = 0; i < n; i++)
        release_table(&tables[i]);
    free(tables);
}
