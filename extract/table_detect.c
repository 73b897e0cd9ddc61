/* table_detect.c: tables from the geometry of words. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "pattern.h"
#include "table.h"
#include "text.h"
#include "util.h"

#define CELL_GAP_EM 0.6       /* a wider gap between words ends a cell */
#define NUMBER_GAP_EM 0.45    /* widest space inside a number ("4 557") */
#define GROUP_GAP_SLACK_EM 0.1 /* a number's group spaces differ by less (rounding, kerning) */
#define ROW_GAP_ROWS 2.6      /* widest gap between rows of a table, in row heights */
#define WRAP_GAP_ROWS 0.6     /* widest gap between the lines of a wrapped label */
#define JUSTIFIED_SPACE_EM 0.4  /* a space stretched past a word space */
#define JUSTIFIED_SPREAD_EM 0.1 /* ... and all alike */
#define CELL_LEADING_ROWS 0.2 /* rows set apart by more than this (in row heights) are not
                                 set solid, and a cell's lines are that much tighter */
#define PROSE_WORDS 12        /* a cell this long is running text */
#define HEADER_WORDS 8        /* longest header cell */
#define LABEL_RUN_ROWS 2      /* label lines between two rows of figures that a table
                                 takes in (more: a note's text between two tables) */
#define ROW_CANDIDATES 64     /* rows a word is tried against: a bound for hostile pages */
#define SUPERSCRIPT_SHARE 0.8 /* a word this much smaller than its row is raised or lowered */
#define GROUP_CENTRE_SHARE 0.25 /* a group label's centre lies this near the middle of its heads */
#define ALIGN_EM 0.25         /* edges this close are set to one tab: side bearings, rounding */
#define TABLE_MAX_HEADER_CELLS 64 /* cells of one header row that are looked at */

/* ------------------------------------------------------- cells and rows */

/* While a page's rows are built: which of its words are running text. */
static _Thread_local const bool *prose_words;
static _Thread_local const size_t *word_blocks;  /* the layout block of each word */
static _Thread_local const word *page_words;
static _Thread_local const arsred_patterns *cell_patterns; /* for approximate figures */

typedef struct tcell {
    char *text;
    const word **words;  /* the words it is made of */
    box box;
    number num;
    bool numeric;   /* an amount, percentage or dash */
    bool year;      /* four bare digits 1900..2099 */
    size_t n_words;
    size_t block;   /* the layout block of its first word */
    float size;
} tcell;

typedef enum row_class { ROW_PROSE, ROW_LABEL, ROW_DATA, ROW_OTHER } row_class;

typedef struct trow {
    tcell *cells;
    size_t n, cap;
    box box;
    float size;
    row_class cls;
    size_t n_numeric, n_years;
} trow;

static bool parses_as_number(const char *text, number *n)
{
    number_kind k = number_parse(text, strlen(text), n);
    return k == NUMBER_AMOUNT || k == NUMBER_PERCENT || k == NUMBER_DASH;
}

/* An approximate figure ("ca 1 200", "~40"): a figure of the grid, its
 * value read later by table_read_approx. */
static bool is_approx_figure(const char *text)
{
    pattern_match m;
    const pattern *pats[8];
    size_t n = cell_patterns ? patterns_of_kind(cell_patterns, "table.approx", pats, 8) : 0;
    for (size_t i = 0; i < n && i < 8; i++) {
        if (pattern_exec(pats[i], text, strlen(text), 0, &m) != PATTERN_MATCHED)
            continue;
        const pattern_group *g = pattern_match_group(&m, "number");
        number num;
        number_kind k = g && g->set ? number_parse(text + g->start, g->end - g->start, &num)
                                    : NUMBER_NONE;
        if (k == NUMBER_AMOUNT || k == NUMBER_PERCENT || k == NUMBER_YEAR)
            return true;
    }
    return false;
}

static void classify_cell(tcell *c)
{
    number_kind k = number_parse(c->text, strlen(c->text), &c->num);
    /* the other readings want a digit; most cells that are no number are words */
    bool english = false, digits = k == NUMBER_NONE && strpbrk(c->text, "0123456789");
    if (digits) /* "3,983,166.42": the column decides its style (read_english_columns) */
        number_parse_english(c->text, strlen(c->text), NULL, &english);
    c->numeric = k == NUMBER_AMOUNT || k == NUMBER_PERCENT || k == NUMBER_DASH || english ||
                 (digits && is_approx_figure(c->text));
    c->year = k == NUMBER_YEAR;
}

static void append_word(strbuf *sb, const word *prev, const word *w)
{
    if (prev) {
        size_t plen = strlen(prev->text);
        bool digits = plen && is_digit_cp((unsigned char)prev->text[plen - 1]) &&
                      is_digit_cp((unsigned char)w->text[0]);
        if (digits && is_number_space_cp(w->space_before))
            strbuf_add_utf8(sb, w->space_before);
        else
            strbuf_addc(sb, ' ');
    }
    strbuf_adds(sb, w->text);
}

/* Whether word w continues the cell whose text so far is cell_text;
 * group_gap is the space between the groups of the number it holds so
 * far (NAN before its second group). */
static bool continues_cell(const char *cell_text, const word *last, const word *w,
                           double group_gap)
{
    float em = fmaxf(last->size, w->size);
    double gap = w->box.x0 - last->box.x1;
    if (gap > CELL_GAP_EM * em)
        return false;
    number a, b;
    bool cell_num = parses_as_number(cell_text, &a);
    number_kind wk = number_parse(w->text, strlen(w->text), &b);
    bool word_num = wk == NUMBER_AMOUNT || wk == NUMBER_PERCENT || wk == NUMBER_YEAR ||
                    wk == NUMBER_DASH;
    if (cell_num && word_num) {
        /* "4" + "557" is one number only where the grouping says so, and
         * a number's groups are set one space apart: a wider space is
         * where the figure of the next column begins ("12 345" | "678") */
        if (gap > NUMBER_GAP_EM * em ||
            (isfinite(group_gap) && gap > group_gap + GROUP_GAP_SLACK_EM * em))
            return false;
        strbuf sb;
        strbuf_init(&sb);
        strbuf_adds(&sb, cell_text);
        strbuf_addc(&sb, ' ');
        strbuf_adds(&sb, w->text);
        number joined;
        bool one = parses_as_number(sb.data, &joined);
        strbuf_release(&sb);
        return one;
    }
    return true;
}

static void add_cell(trow *row, strbuf *sb, const word *const *words, box b, size_t n_words,
                     float size, bool prose)
{
    tcell c = {.text = strbuf_take(sb), .box = b, .n_words = n_words, .size = size};
    c.block = word_blocks ? word_blocks[words[0] - page_words] : SIZE_MAX;
    c.words = xmalloc(n_words * sizeof *c.words);
    memcpy(c.words, words, n_words * sizeof *c.words);
    classify_cell(&c);
    if (prose)
        c.numeric = c.year = false;
    ARRAY_PUSH(row->cells, row->n, row->cap, c);
}

/* Splits the x-sorted words of one visual row into cells. */
static void split_cells(trow *row, const word *const *words, size_t n)
{
    strbuf sb;
    strbuf_init(&sb);
    box b = words[0]->box;
    size_t n_words = 0;
    float size = 0;
    bool prose = false;
    double group_gap = NAN;
    for (size_t i = 0; i < n; i++) {
        const word *w = words[i];
        if (i > 0 && !continues_cell(sb.data, words[i - 1], w, group_gap)) {
            add_cell(row, &sb, words + i - n_words, b, n_words, size, prose);
            n_words = 0;
            size = 0;
            prose = false;
            group_gap = NAN;
        } else if (i > 0 && !isfinite(group_gap) && parses_as_number(sb.data, &(number){0}) &&
                   is_digit_cp((unsigned char)w->text[0])) {
            group_gap = w->box.x0 - words[i - 1]->box.x1;
        }
        prose = prose || (prose_words && prose_words[w - page_words]);
        if (n_words == 0)
            b = w->box;
        append_word(&sb, n_words ? words[i - 1] : NULL, w);
        b = box_union(b, w->box);
        size = fmaxf(size, w->size);
        n_words++;
    }
    if (n_words)
        add_cell(row, &sb, words + n - n_words, b, n_words, size, prose);
    strbuf_release(&sb);
}

/* A number that opens a row before its text numbers the row (a chapter,
 * an account: "3 | Analys av årets utfall", "3800 | Medlemsavgifter"); it
 * is no figure of the table. */
static bool numbers_the_row(const trow *row, size_t i)
{
    return i == 0 && row->n > 1 && row->cells[0].numeric && !row->cells[1].numeric;
}

static void classify_row(trow *row)
{
    bool prose = false;
    size_t figures = 0;
    for (size_t i = 0; i < row->n; i++) {
        row->n_numeric += row->cells[i].numeric;
        row->n_years += row->cells[i].year;
        figures += row->cells[i].numeric && !numbers_the_row(row, i);
        prose = prose || row->cells[i].n_words >= PROSE_WORDS;
    }
    if (prose)
        row->cls = ROW_PROSE;
    else if (figures >= 1 && row->n >= 2)
        row->cls = ROW_DATA;
    else if (row->n == 1) /* a label, or a label's second line: "(6014)" */
        row->cls = ROW_LABEL;
    else
        row->cls = ROW_OTHER;
}

/* A block of running text: several lines, most of them long. A number
 * inside it is prose, however wide the gaps of a justified line around it. */
static bool is_prose_block(const layout_page *lp, const block *b)
{
    if (b->n_lines < 2)
        return false;
    size_t words = 0;
    for (size_t l = b->first_line; l < b->first_line + b->n_lines; l++)
        words += lp->lines[l].n_words;
    return words >= 4 * b->n_lines;
}

static int compare_word_ptr_x(const void *a, const void *b)
{
    const word *x = *(const word *const *)a, *y = *(const word *const *)b;
    return x->box.x0 < y->box.x0 ? -1 : x->box.x0 > y->box.x0;
}

/* One visual row while it is gathered: its words left to right, and the
 * centre its next word is measured against. */
typedef struct word_row {
    const word **words;
    size_t n, cap;
    double key;       /* centre of its last full-size word */
    double key_height;
    double tallest;
    double cy_sum;    /* for the order of the rows */
} word_row;

static int compare_word_row_cy(const void *a, const void *b)
{
    const word_row *x = a, *y = b;
    double ya = x->cy_sum / (double)x->n, yb = y->cy_sum / (double)y->n;
    return ya < yb ? -1 : ya > yb;
}

/* The first entry of order[0, n) whose row key is >= y. */
static size_t first_key_at_least(const word_row *rows, const size_t *order, size_t n, double y)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rows[order[mid]].key < y)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Groups words into visual rows, reading left to right: a word joins the
 * row whose last full-size word its centre lies nearest, within 0.4 of
 * the smaller height. Measured against the word before it rather than a
 * fixed centre, a row may drift as a scanned line slopes; a superscript
 * moves no row's centre. Rows come out top to bottom. */
static word_row *group_into_rows(const word **words, size_t n, size_t *n_out)
{
    sort_array(words, n, sizeof *words, compare_word_ptr_x);
    word_row *rows = NULL;
    size_t n_rows = 0, cap = 0;
    size_t *order = xmalloc((n ? n : 1) * sizeof *order); /* rows by key */
    for (size_t i = 0; i < n; i++) {
        const word *w = words[i];
        double cy = box_cy(w->box), h = box_height(w->box);
        size_t best = SIZE_MAX, best_at = 0;
        double best_d = INFINITY;
        size_t from = first_key_at_least(rows, order, n_rows, cy - 0.4 * h);
        for (size_t o = from; o < n_rows && o < from + ROW_CANDIDATES &&
                              rows[order[o]].key <= cy + 0.4 * h; o++) {
            const word_row *r = &rows[order[o]];
            double d = fabs(cy - r->key);
            if (d <= 0.4 * fmin(h, r->key_height) && d < best_d) {
                best_d = d;
                best = order[o];
                best_at = o;
            }
        }
        if (best == SIZE_MAX) {
            word_row fresh = {.key = cy, .key_height = h};
            ARRAY_PUSH(rows, n_rows, cap, fresh);
            best = n_rows - 1;
            best_at = first_key_at_least(rows, order, n_rows - 1, cy);
            memmove(order + best_at + 1, order + best_at, (n_rows - 1 - best_at) * sizeof *order);
            order[best_at] = best;
        }
        word_row *r = &rows[best];
        ARRAY_PUSH(r->words, r->n, r->cap, w);
        r->cy_sum += cy;
        r->tallest = fmax(r->tallest, h);
        if (h < SUPERSCRIPT_SHARE * r->tallest)
            continue;
        /* the key moved: keep order[] sorted */
        r->key = cy;
        r->key_height = h;
        while (best_at > 0 && rows[order[best_at - 1]].key > r->key) {
            order[best_at] = order[best_at - 1];
            order[--best_at] = best;
        }
        while (best_at + 1 < n_rows && rows[order[best_at + 1]].key < r->key) {
            order[best_at] = order[best_at + 1];
            order[++best_at] = best;
        }
    }
    free(order);
    sort_array(rows, n_rows, sizeof *rows, compare_word_row_cy);
    *n_out = n_rows;
    return rows;
}

/* The visual rows of the page's body words, top to bottom. */
static size_t build_rows(const layout_page *lp, trow **out)
{
    const word **words = xmalloc((lp->n_words ? lp->n_words : 1) * sizeof *words);
    bool *prose = xcalloc(lp->n_words ? lp->n_words : 1, sizeof *prose);
    size_t *blocks = xcalloc(lp->n_words ? lp->n_words : 1, sizeof *blocks);
    size_t n = 0;
    for (size_t b = 0; b < lp->n_blocks; b++) {
        const block *bl = &lp->blocks[b];
        if (bl->furniture)
            continue;
        bool in_prose = is_prose_block(lp, bl);
        for (size_t l = bl->first_line; l < bl->first_line + bl->n_lines; l++)
            for (size_t w = 0; w < lp->lines[l].n_words; w++) {
                size_t index = lp->lines[l].first_word + w;
                if (lp->words[index].vertical) /* not in any table row */
                    continue;
                prose[index] = in_prose;
                blocks[index] = b;
                words[n++] = &lp->words[index];
            }
    }
    prose_words = prose;
    word_blocks = blocks;
    page_words = lp->words;
    size_t n_rows = 0;
    word_row *grouped = group_into_rows(words, n, &n_rows);
    trow *rows = xcalloc(n_rows ? n_rows : 1, sizeof *rows);
    for (size_t r = 0; r < n_rows; r++) {
        trow *row = &rows[r];
        split_cells(row, grouped[r].words, grouped[r].n);
        row->box = row->cells[0].box;
        for (size_t i = 0; i < row->n; i++) {
            row->box = box_union(row->box, row->cells[i].box);
            row->size = fmaxf(row->size, row->cells[i].size);
        }
        classify_row(row);
        free(grouped[r].words);
    }
    free(grouped);
    free(words);
    free(prose);
    free(blocks);
    prose_words = NULL;
    word_blocks = NULL;
    *out = rows;
    return n_rows;
}

static void free_rows(trow *rows, size_t n)
{
    for (size_t r = 0; r < n; r++) {
        for (size_t c = 0; c < rows[r].n; c++) {
            free(rows[r].cells[c].text);
            free(rows[r].cells[c].words);
        }
        free(rows[r].cells);
    }
    free(rows);
}

static double row_height(const trow *r)
{
    return fmax(box_height(r->box), r->size);
}

static double gap_between(const trow *upper, const trow *lower)
{
    return lower->box.y0 - upper->box.y1;
}

/* -------------------------------------------------------------- charts */

/* A chart's value axis beside a table: numbers in one column (one right
 * edge) that rise by one step at one pitch up the page (0, 5 000, 10 000,
 * 15 000). Some share rows with the table, but they are no cells of it;
 * a column of a table does not climb by a constant step at a constant
 * pitch. */
enum { AXIS_TICKS = 3 };   /* the fewest ticks that show a step and a pitch */
#define AXIS_PITCH_SLACK 0.1   /* the pitch may vary by this share (rounded positions) */

typedef struct cell_at {
    size_t row, cell;
} cell_at;

static const tcell *cell_of(const trow *rows, cell_at a)
{
    return &rows[a.row].cells[a.cell];
}

static bool close_share(double a, double b)
{
    return fabs(a - b) <= AXIS_PITCH_SLACK * fmax(fabs(a), fabs(b));
}

/* An axis steps by a round amount: 1, 2, 2.5 or 5 times a power of ten. */
static bool round_step(double step)
{
    double magnitude = pow(10, floor(log10(fabs(step))));
    double mantissa = fabs(step) / magnitude;
    return fabs(mantissa - 1) < 1e-9 || fabs(mantissa - 2) < 1e-9 || fabs(mantissa - 2.5) < 1e-9 ||
           fabs(mantissa - 5) < 1e-9;
}

/* Marks in tick[] the runs of at least AXIS_TICKS cells of the column
 * (in row order) that step evenly: by one round step exactly, each a
 * multiple of it, at one pitch (give or take the rounding of positions). */
static void mark_even_runs(const trow *rows, const cell_at *column, size_t n, bool *tick)
{
    for (size_t start = 0; start + AXIS_TICKS <= n;) {
        const tcell *a = cell_of(rows, column[start]), *b = cell_of(rows, column[start + 1]);
        double pitch = box_cy(b->box) - box_cy(a->box), step = b->num.value - a->num.value;
        size_t end = start + 2;
        while (end < n) {
            const tcell *p = cell_of(rows, column[end - 1]), *q = cell_of(rows, column[end]);
            if (!close_share(box_cy(q->box) - box_cy(p->box), pitch) ||
                q->num.value - p->num.value != step)
                break;
            end++;
        }
        /* values fall down the page: the axis rises upwards */
        bool multiples = step < 0 && round_step(step);
        for (size_t k = start; k < end && multiples; k++)
            multiples = fmod(cell_of(rows, column[k])->num.value, step) == 0;
        if (end - start >= AXIS_TICKS && multiples && pitch > 0) {
            for (size_t k = start; k < end; k++)
                tick[k] = true;
            start = end;
        } else {
            start++;
        }
    }
}

static void remove_cell(trow *row, size_t c)
{
    free(row->cells[c].text);
    free(row->cells[c].words);
    memmove(row->cells + c, row->cells + c + 1, (row->n - c - 1) * sizeof *row->cells);
    row->n--;
}

static void classify_row(trow *row);

/* Takes the ticks of every value axis on the page out of its rows. */
static size_t drop_axis_ticks(trow *rows, size_t n_rows)
{
    cell_at *numeric = NULL, *column = NULL;
    size_t n = 0, cap = 0;
    for (size_t r = 0; r < n_rows; r++)
        for (size_t c = 0; c < rows[r].n; c++)
            if (rows[r].cells[c].numeric)
                ARRAY_PUSH(numeric, n, cap, ((cell_at){r, c}));
    bool *seen = xcalloc(n + 1, sizeof *seen), *tick = xcalloc(n + 1, sizeof *tick);
    column = xmalloc((n + 1) * sizeof *column);
    size_t *member = xmalloc((n + 1) * sizeof *member);
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (seen[i])
            continue;
        const tcell *ci = cell_of(rows, numeric[i]);
        size_t m = 0;
        for (size_t j = i; j < n; j++) {
            const tcell *cj = cell_of(rows, numeric[j]);
            bool same_edge = fabs(cj->box.x1 - ci->box.x1) <= 0.5 * ci->size;
            if (same_edge && (m == 0 || numeric[j].row != column[m - 1].row)) {
                seen[j] = true;
                member[m] = j;
                column[m++] = numeric[j];
            }
        }
        bool *run = xcalloc(m + 1, sizeof *run);
        mark_even_runs(rows, column, m, run);
        for (size_t k = 0; k < m; k++)
            if (run[k])
                tick[member[k]] = any = true;
        free(run);
    }
    /* from the last, so that the indices before stay right */
    for (size_t i = n; any && i-- > 0;)
        if (tick[i])
            remove_cell(&rows[numeric[i].row], numeric[i].cell);
    size_t kept = 0;
    for (size_t r = 0; r < n_rows; r++) {
        if (rows[r].n == 0) {
            free(rows[r].cells);
            continue;
        }
        if (any) {
            trow *row = &rows[r];
            row->box = row->cells[0].box;
            row->size = 0;
            row->n_numeric = row->n_years = 0;
            for (size_t c = 0; c < row->n; c++) {
                row->box = box_union(row->box, row->cells[c].box);
                row->size = fmaxf(row->size, row->cells[c].size);
            }
            classify_row(row);
        }
        rows[kept++] = rows[r];
    }
    free(numeric);
    free(column);
    free(member);
    free(seen);
    free(tick);
    return kept;
}

/* ------------------------------------------------------------- regions */

typedef struct region {
    size_t first, last;      /* rows, inclusive */
    double x0, x1;           /* horizontal extent considered */
} region;

/* A cell that names a period: a year or a date among its words ("Utfall
 * 2019", "2023-12-31", "Budget 2020/2021"). */
static bool names_period(const tcell *c)
{
    for (size_t i = 0; i < c->n_words; i++) {
        number num;
        const char *t = c->words[i]->text;
        number_kind k = number_parse(t, strlen(t), &num);
        if (k == NUMBER_YEAR || k == NUMBER_DATE)
            return true;
    }
    return false;
}

static bool cell_bold(const tcell *c)
{
    for (size_t i = 0; i < c->n_words; i++)
        if (!c->words[i]->bold)
            return false;
    return c->n_words > 0;
}

/* How many figures of data a cell stands over. */
static size_t figures_under(const tcell *c, const trow *data)
{
    size_t n = 0;
    for (size_t i = 0; i < data->n; i++)
        n += data->cells[i].numeric &&
             span_overlap(c->box.x0, c->box.x1, data->cells[i].box.x0, data->cells[i].box.x1) > 0;
    return n;
}

/* Where the row labels of data end: its first cell, where that is text. */
static double labels_end(const trow *data)
{
    return data->n > 0 && !data->cells[0].numeric ? data->cells[0].box.x1 : -INFINITY;
}

static bool heads_columns(const trow *row, const trow *data_above, const trow *data_below)
{
    if ((row->cls != ROW_OTHER && row->cls != ROW_LABEL) || row->n_numeric > 0)
        return false;
    size_t over = 0, periods = 0, bold = 0, heads = 0;
    double labels = fmax(labels_end(data_above), labels_end(data_below));
    for (size_t i = 0; i < row->n; i++) {
        const tcell *c = &row->cells[i];
        /* over the figures above, or over those below it: the head of a
         * table on its own grid set right under this one; heads of tight
         * columns run together stand over several figures in one cell */
        size_t n = fmax(figures_under(c, data_above), figures_under(c, data_below));
        if (n == 0 || c->box.x0 < labels)
            continue;
        over += n;
        heads++;
        periods += names_period(c) ? n : 0;
        bold += cell_bold(c);
    }
    if (over < 2)
        return false;
    bool body_bold = true;
    for (size_t i = 0; i < data_below->n && body_bold; i++)
        body_bold = cell_bold(&data_below->cells[i]);
    return periods >= 2 || (bold == heads && !body_bold);
}

/* Consecutive data rows, with short label rows between them (wrapped or
 * section labels), close enough to belong together; a row that heads the
 * columns again ends them (the next region's header, found above its
 * first data row, starts the table after). */
static bool any_cell_bold(const trow *row)
{
    for (size_t c = 0; c < row->n; c++)
        if (cell_bold(&row->cells[c]))
            return true;
    return false;
}

/* A heading between two tables is no row of the first: a text row set in
 * a type no row of the table so far shows (bold where nothing in it is,
 * or larger), its section rows over its first figures counted in. */
static bool set_apart_as_heading(const trow *rows, const region *g, const trow *row)
{
    size_t from = g->first;
    while (from > 0 && g->first - from < 2 && rows[from - 1].cls == ROW_LABEL)
        from--;
    bool any_bold = false;
    float largest = 0;
    for (size_t r = from; r <= g->last; r++) {
        any_bold = any_bold || any_cell_bold(&rows[r]);
        largest = fmaxf(largest, rows[r].size);
    }
    return (any_cell_bold(row) && !any_bold) || row->size > largest + 0.5f;
}

/* Whether text begins with a lower-case letter, its very first character. */
static bool begins_lower(const char *text)
{
    const char *end = text + strlen(text);
    return text < end && is_lower_cp(utf8_next(&text, end));
}

/* The right edge of a data row's label (-INFINITY where it has none). */
static double label_right(const trow *row)
{
    return row->cls == ROW_DATA && row->n > 0 && !row->cells[0].numeric ? row->cells[0].box.x1
                                                                          : -INFINITY;
}

/* Whether a line's text ends within labels_right, the right edge of the
 * labels of the region's rows of figures so far (half an em of slack): a
 * line of a wrapped label does, a line of running text under the table
 * runs wider. */
static bool within_labels(const trow *text_line, double labels_right)
{
    const tcell *first = text_line->n > 0 ? &text_line->cells[0] : NULL;
    return first && !first->numeric && first->box.x1 <= labels_right + 0.5 * first->size;
}

static size_t find_regions(const trow *rows, size_t n, region **out)
{
    region *regions = NULL;
    size_t n_regions = 0, cap = 0;
    size_t r = 0;
    while (r < n) {
        if (rows[r].cls != ROW_DATA) {
            r++;
            continue;
        }
        region g = {r, r, -INFINITY, INFINITY};
        double labels_right = label_right(&rows[r]);
        size_t k = r + 1;
        size_t data_rows = 1;
        while (k < n) {
            const trow *prev = &rows[g.last];
            /* label rows, and rows of text cells ("Ej aktuellt" over two
             * lines), are taken only where a data row follows */
            size_t next = k, counted = 0;
            while (next < n &&
                   (rows[next].cls == ROW_LABEL ||
                    (rows[next].cls == ROW_OTHER && rows[next].n_years < 2 &&
                     gap_between(&rows[next - 1], &rows[next]) <= 0.8 * row_height(&rows[next])))) {
                /* a line that reads on from the one above, tight under it,
                 * is more of the same label ("Upprustning av" / "badplatser och") */
                bool reads_on_above = rows[next].cls == ROW_LABEL &&
                                      begins_lower(rows[next].cells[0].text) &&
                                      gap_between(&rows[next - 1], &rows[next]) <=
                                          WRAP_GAP_ROWS * row_height(&rows[next]) &&
                                      within_labels(&rows[next - 1], labels_right) &&
                                      within_labels(&rows[next], labels_right);
                if (!reads_on_above && counted == LABEL_RUN_ROWS)
                    break;
                counted += !reads_on_above;
                next++;
            }
            if (next >= n || rows[next].cls != ROW_DATA)
                break;
            bool new_header = false;
            for (size_t j = g.last + 1; j < next && !new_header; j++)
                new_header = heads_columns(&rows[j], &rows[g.last], &rows[next]) ||
                             (rows[j].cls == ROW_LABEL && set_apart_as_heading(rows, &g, &rows[j]));
            if (new_header)
                break;
            bool close = true;
            for (size_t j = g.last; j < next && close; j++)
                close = gap_between(&rows[j], &rows[j + 1]) <= ROW_GAP_ROWS * row_height(prev);
            if (!close)
                break;
            g.last = next;
            labels_right = fmax(labels_right, label_right(&rows[next]));
            data_rows++;
            k = next + 1;
        }
        /* the last row's label may go on under it, in lower case from its
         * first letter ("Summa transaktioner på konton som ej ligger
         * fördefinierade" / "i K1-rapporten"), within the labels' width; a
         * note under the table begins with its mark or a bracket
         * ("*utbildning", "(Nyckeltal i tkr"), running text runs wider */
        while (g.last + 1 < n && rows[g.last + 1].cls == ROW_LABEL &&
               gap_between(&rows[g.last], &rows[g.last + 1]) <= WRAP_GAP_ROWS * row_height(&rows[g.last + 1]) &&
               begins_lower(rows[g.last + 1].cells[0].text) &&
               within_labels(&rows[g.last + 1], labels_right))
            g.last++;
        ARRAY_PUSH(regions, n_regions, cap, g);
        r = g.last + 1;
        (void)data_rows;
    }
    *out = regions;
    return n_regions;
}

/* ------------------------------------------------------------- columns */

typedef struct tcolumn {
    double x0, x1;
    size_t n_numeric, n_text;   /* figures; cells of words (not dates) */
} tcolumn;

/* Cells right of the numbers' left edge are column cells, cells left of
 * it are row labels. */
static bool is_label_cell(const tcell *c, double numbers_left)
{
    /* a figure of the leftmost column, however narrow ("1" in a note
     * column), starts at the numbers' edge: no label */
    return c->box.x1 <= numbers_left + 0.5 * c->size && c->box.x0 < numbers_left;
}

static bool same_column(const tcolumn *col, const tcell *c)
{
    double overlap = span_overlap(col->x0, col->x1, c->box.x0, c->box.x1);
    double narrow = fmin(col->x1 - col->x0, box_width(c->box));
    return overlap >= 0.3 * narrow || fabs(col->x1 - c->box.x1) <= 0.5 * c->size;
}

static int compare_column_x(const void *a, const void *b)
{
    const tcolumn *x = a, *y = b;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static size_t find_columns(const trow *rows, const region *g, double numbers_left,
                           tcolumn *cols)
{
    size_t n = 0;
    for (size_t r = g->first; r <= g->last; r++) {
        if (rows[r].cls != ROW_DATA)
            continue;
        for (size_t c = 0; c < rows[r].n; c++) {
            const tcell *cell = &rows[r].cells[c];
            if (is_label_cell(cell, numbers_left) || cell->box.x1 < g->x0 || cell->box.x0 > g->x1)
                continue;
            size_t k = 0;
            while (k < n && !same_column(&cols[k], cell))
                k++;
            if (k == n) {
                if (n >= TABLE_MAX_COLUMNS)
                    continue;
                cols[n++] = (tcolumn){cell->box.x0, cell->box.x1, 0, 0};
            }
            cols[k].x0 = fmin(cols[k].x0, cell->box.x0);
            cols[k].x1 = fmax(cols[k].x1, cell->box.x1);
            if (cell->numeric)
                cols[k].n_numeric++;
            else if (utf8_letter_count(cell->text) > 0) /* words, not dates */
                cols[k].n_text++;
        }
    }
    sort_array(cols, n, sizeof *cols, compare_column_x);
    /* columns that grew into each other are one */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept && span_overlap(cols[kept - 1].x0, cols[kept - 1].x1, cols[i].x0, cols[i].x1) > 0) {
            cols[kept - 1].x1 = fmax(cols[kept - 1].x1, cols[i].x1);
            cols[kept - 1].n_numeric += cols[i].n_numeric;
            cols[kept - 1].n_text += cols[i].n_text;
            continue;
        }
        cols[kept++] = cols[i];
    }
    return kept;
}

/* The column a cell belongs to: the one it overlaps most, or the nearest
 * right edge within an em; SIZE_MAX where none fits. */
static size_t column_of(const tcolumn *cols, size_t n, box b, float size)
{
    size_t best = SIZE_MAX;
    double best_overlap = 0;
    for (size_t k = 0; k < n; k++) {
        double o = span_overlap(cols[k].x0, cols[k].x1, b.x0, b.x1);
        if (o > best_overlap) {
            best_overlap = o;
            best = k;
        }
    }
    if (best != SIZE_MAX)
        return best;
    double best_d = 1.0 * size;
    for (size_t k = 0; k < n; k++) {
        double d = fabs(cols[k].x1 - b.x1);
        if (d < best_d) {
            best_d = d;
            best = k;
        }
    }
    return best;
}

/* The column whose zone holds x: zones meet halfway between columns. */
static size_t column_zone(const tcolumn *cols, size_t n_cols, double x)
{
    size_t k = 0;
    while (k + 1 < n_cols && x > (cols[k].x1 + cols[k + 1].x0) / 2)
        k++;
    return k;
}

/* The column a header cell stands over: the one it overlaps or ends at,
 * else the one whose zone holds its centre (a year centred over
 * right-aligned figures: "2022" left of "33"). Enough to tell a header
 * row (the labels themselves go only where a cell overlaps or ends at its
 * column: several heads may share a zone). */
static size_t header_column_of(const tcolumn *cols, size_t n, box b, float size)
{
    size_t k = column_of(cols, n, b, size);
    return k != SIZE_MAX || n == 0 ? k : column_zone(cols, n, (b.x0 + b.x1) / 2);
}

/* A text column between numeric columns is the label column of a second
 * table beside the first: split the region there. Returns the x where the
 * right-hand table starts, or INFINITY. */
static double side_by_side_split(const tcolumn *cols, size_t n)
{
    for (size_t k = 1; k + 1 < n; k++) {
        bool text = cols[k].n_text > 2 * cols[k].n_numeric;
        bool numbers_left = false, numbers_right = false;
        for (size_t j = 0; j < k; j++)
            numbers_left = numbers_left || cols[j].n_numeric > cols[j].n_text;
        for (size_t j = k + 1; j < n; j++)
            numbers_right = numbers_right || cols[j].n_numeric > cols[j].n_text;
        if (text && numbers_left && numbers_right)
            return cols[k].x0 - 0.1;
    }
    return INFINITY;
}

/* ------------------------------------------------------------- headers */

/* The right edge of the row labels of the region's data rows, or the
 * figures' left edge where there are none. */
static double labels_right_in(const trow *rows, const region *g, double numbers_left)
{
    double right = -INFINITY;
    for (size_t r = g->first; r <= g->last; r++)
        for (size_t c = 0; c < rows[r].n && rows[r].cls == ROW_DATA; c++)
            if (is_label_cell(&rows[r].cells[c], numbers_left))
                right = fmax(right, rows[r].cells[c].box.x1);
    return isfinite(right) ? fmin(right, numbers_left) : numbers_left;
}

/* The usual gap between two rows of the region's body: the leading the
 * table is set in. */
static double body_row_gap(const trow *rows, const region *g)
{
    double gaps[64];
    size_t n = 0;
    for (size_t r = g->first; r < g->last && n < sizeof gaps / sizeof *gaps; r++) {
        double gap = gap_between(&rows[r], &rows[r + 1]);
        if (gap >= 0)
            gaps[n++] = gap;
    }
    if (n == 0)
        return 0;
    sort_array(gaps, n, sizeof *gaps, compare_doubles);
    return gaps[n / 2];
}

/* Rows above the first data row that name the columns: close to it, not
 * running text, not a bigger heading. Between them and the data, rows with
 * text over the row labels only are section rows of the table ("Intäkter"
 * over its items), which g->first is moved up to take in, unless they hang
 * tight under the header and carry on its corner text ("Näringsliv,
 * kultur" / "och fritid"). Returns the first header row (== g->first
 * where there is none). */
static size_t find_header_rows(const trow *rows, region *g, const tcolumn *cols,
                               size_t n_cols, double numbers_left, float table_size)
{
    size_t candidate = g->first, header_top = SIZE_MAX, header_bottom = SIZE_MAX;
    size_t taken = 0;
    double body_gap = body_row_gap(rows, g);
    double labels_right = labels_right_in(rows, g, numbers_left);
    while (candidate > 0 && taken < TABLE_MAX_HEADER_ROWS) {
        const trow *row = &rows[candidate - 1];
        const trow *below = &rows[candidate];
        /* the size of the cells over the columns: a statement's name may
         * stand over the row labels in larger type than the column heads
         * beside it ("Balansräkning | 2003-12-31") */
        float over_size = 0;
        for (size_t c = 0; c < row->n; c++)
            if (!is_label_cell(&row->cells[c], numbers_left) &&
                row->cells[c].size > over_size)
                over_size = row->cells[c].size;
        float head_size = over_size > 0 && row->n > 1 ? over_size : row->size;
        /* the row right over the data may stand apart from it; the
         * header's own lines are set no looser than the table's rows
         * (half a row more where a rule parts them), so a wider gap
         * parts the header from what is set above the table */
        double widest_gap = header_top == SIZE_MAX ? ROW_GAP_ROWS * row_height(row)
                                       : body_gap + 0.5 * row_height(row);
        if (row->cls == ROW_PROSE || row->cls == ROW_DATA || head_size > 1.3f * table_size ||
            gap_between(row, below) > widest_gap)
            break;
        bool over_columns = false;
        bool short_cells = true;
        for (size_t c = 0; c < row->n; c++) {
            const tcell *cell = &row->cells[c];
            short_cells = short_cells && cell->n_words <= HEADER_WORDS;
            over_columns = over_columns ||
                           (!is_label_cell(cell, numbers_left) &&
                            cell->box.x0 < g->x1 &&
                            header_column_of(cols, n_cols, cell->box, cell->size) != SIZE_MAX);
        }
        /* one text that starts over the row labels, or lies mostly
         * outside the columns' span (centred on the page), is a caption
         * or subheading, not a column header; a header word wider than
         * its figures, or a group label over the gap between columns,
         * lies mostly within it */
        if (row->n == 1) {
            box cb = row->cells[0].box;
            double within = span_overlap(cols[0].x0, cols[n_cols - 1].x1, cb.x0, cb.x1);
            if (cb.x0 < labels_right || within < 0.5 * box_width(cb))
                over_columns = false;
        }
        /* a row over the labels only is a section row of the table
         * ("Eget kapital  Not 15": a note reference sits with its label) */
        bool labels_only = true;
        for (size_t c = 0; c < row->n; c++)
            labels_only = labels_only && is_label_cell(&row->cells[c], numbers_left);
        if (!short_cells || (!over_columns && ((row->n != 1 && !labels_only) ||
                                               row->size > 1.1f * table_size)))
            break;
        candidate--;
        taken++;
        if (over_columns) {
            header_top = candidate;
            if (header_bottom == SIZE_MAX)
                header_bottom = candidate;
        }
    }
    if (header_top == SIZE_MAX)
        return g->first;
    /* rows between the header and the data: corner text or section rows */
    size_t last_header = header_bottom;
    while (last_header + 1 < g->first) {
        const trow *row = &rows[last_header + 1];
        /* the next line of a corner cell: set tight under it and going on
         * in lower case, or set by the layout in one block with it */
        bool wraps_corner = gap_between(&rows[last_header], row) <= 0.35 * row_height(row) &&
                            row->n == 1 && text_starts_lower(row->cells[0].text);
        for (size_t c = 0; c < rows[last_header].n && row->n == 1; c++)
            wraps_corner = wraps_corner || (row->cells[0].block != SIZE_MAX &&
                                            rows[last_header].cells[c].block == row->cells[0].block &&
                                            is_label_cell(&rows[last_header].cells[c], numbers_left));
        if (!wraps_corner)
            break;
        last_header++;
    }
    g->first = last_header + 1;
    return header_top;
}

typedef struct header_text {
    strbuf label, group;
} header_text;

/* The columns a header cell covers by half or more of their width. */
static size_t covered_columns(const tcolumn *cols, size_t n_cols, const tcell *cell,
                              size_t spanned[TABLE_MAX_COLUMNS])
{
    size_t n = 0;
    for (size_t k = 0; k < n_cols; k++) {
        double o = span_overlap(cols[k].x0, cols[k].x1, cell->box.x0, cell->box.x1);
        if (o >= 0.5 * (cols[k].x1 - cols[k].x0) && o > 0)
            spanned[n++] = k;
    }
    return n;
}

/* The column a header cell heads by its place: the one it covers, or
 * overlaps, or ends at; SIZE_MAX where it stands over none of them. */
static size_t direct_column(const tcolumn *cols, size_t n_cols, const tcell *cell)
{
    size_t spanned[TABLE_MAX_COLUMNS];
    size_t n = covered_columns(cols, n_cols, cell, spanned);
    return n == 1 ? spanned[0] : n >= 2 ? SIZE_MAX : column_of(cols, n_cols, cell->box, cell->size);
}

/* Whether a piece of header text is set to the edge or the centre of ref:
 * how a head lines up with its column. */
static bool aligned_with(box ref, box piece, float size)
{
    double tol = ALIGN_EM * size;
    return fabs(piece.x1 - ref.x1) <= tol || fabs(piece.x0 - ref.x0) <= tol ||
           fabs((piece.x0 + piece.x1) / 2 - (ref.x0 + ref.x1) / 2) <= tol;
}

/* What a piece of head over column k lines up with: the head under it in
 * the header row below (the words of that row in k's zone), else the
 * column's figures. */
static box alignment_reference(const tcolumn *cols, size_t n_cols, size_t k, const trow *below,
                               double numbers_left)
{
    box ref = {cols[k].x0, 0, cols[k].x1, 0};
    bool found = false;
    for (size_t c = 0; below && c < below->n; c++) {
        const tcell *cell = &below->cells[c];
        if (is_label_cell(cell, numbers_left))
            continue;
        for (size_t w = 0; w < cell->n_words; w++) {
            box wb = cell->words[w]->box;
            if (column_zone(cols, n_cols, (wb.x0 + wb.x1) / 2) != k)
                continue;
            ref = found ? box_union(ref, wb) : wb;
            found = true;
        }
    }
    return ref;
}

/* Heads of tight columns run together into one cell ("Ack. Avvikelse",
 * "Budget 2025 Utfall"): where the cell's words fall in the zones of
 * several columns and each run of them is aligned with its own column
 * (with the head under it, where the header has a line under it), the
 * cell is one head per column. A group label centred over its columns
 * lines up with neither head under it. Fills pieces[] (texts owned by
 * the caller) and returns their number, or 0 where the cell is one head
 * or a group label. */
static size_t split_at_grid(const tcell *cell, const tcolumn *cols, size_t n_cols,
                            const trow *below, double numbers_left,
                            tcell pieces[TABLE_MAX_COLUMNS])
{
    if (cell->n_words < 2 || n_cols < 2)
        return 0;
    size_t n = 0, zone = SIZE_MAX;
    strbuf sb;
    strbuf_init(&sb);
    for (size_t w = 0; w < cell->n_words; w++) {
        const word *wd = cell->words[w];
        size_t k = column_zone(cols, n_cols, (wd->box.x0 + wd->box.x1) / 2);
        if (k != zone) {
            if (n == TABLE_MAX_COLUMNS || (zone != SIZE_MAX && k < zone))
                break;
            if (n)
                pieces[n - 1].text = strbuf_take(&sb);
            pieces[n++] = (tcell){.box = wd->box, .size = wd->size, .block = cell->block,
                                  .words = cell->words + w};
            zone = k;
            append_word(&sb, NULL, wd);
        } else {
            append_word(&sb, cell->words[w - 1], wd);
            pieces[n - 1].box = box_union(pieces[n - 1].box, wd->box);
            pieces[n - 1].size = fmaxf(pieces[n - 1].size, wd->size);
        }
        pieces[n - 1].n_words++;
    }
    if (n)
        pieces[n - 1].text = strbuf_take(&sb);
    strbuf_release(&sb);
    bool split = n >= 2;
    for (size_t i = 0; i < n && split; i++) {
        size_t k = column_zone(cols, n_cols, (pieces[i].box.x0 + pieces[i].box.x1) / 2);
        box ref = alignment_reference(cols, n_cols, k, below, numbers_left);
        split = aligned_with(ref, pieces[i].box, pieces[i].size);
    }
    size_t words_taken = 0;
    for (size_t i = 0; i < n; i++)
        words_taken += pieces[i].n_words;
    if (!split || words_taken != cell->n_words) {
        for (size_t i = 0; i < n; i++)
            free(pieces[i].text);
        return 0;
    }
    return n;
}

/* Whether text, broken at byte `at`, names a column kind by a word that
 * spans the break ("Avvik" | "else", "Budgetav" | "vikelse"). */
static bool kind_word_spans(const char *text, size_t at)
{
    static const char *const kinds[] = {"table.column.deviation", "table.column.forecast",
                                        "table.column.budget", "table.column.actual",
                                        "table.column.utfall"};
    for (size_t i = 0; cell_patterns && i < sizeof kinds / sizeof *kinds; i++) {
        const pattern *pats[8];
        size_t n = patterns_of_kind(cell_patterns, kinds[i], pats, 8);
        for (size_t j = 0; j < n && j < 8; j++) {
            pattern_match m;
            if (pattern_exec(pats[j], text, strlen(text), 0, &m) != PATTERN_MATCHED)
                continue;
            const pattern_group *g = pattern_match_group(&m, "word");
            if (g && g->set && g->start < at && g->end > at)
                return true;
        }
    }
    return false;
}

/* Joins the next line of a column head to it. A word broken across the
 * lines without a hyphen ("Avvik" / "else") is joined whole where only
 * the joined form is a column word. */
static void join_head_line(strbuf *label, const char *next)
{
    size_t start = 0;
    uint32_t last = text_last_cp(label->data ? label->data : "", label->len, &start);
    if (is_alpha_cp(last) && is_lower_cp(text_first_cp(next))) {
        strbuf joined;
        strbuf_init(&joined);
        strbuf_adds(&joined, label->data);
        size_t at = joined.len;
        strbuf_adds(&joined, next);
        bool whole = kind_word_spans(joined.data, at);
        strbuf_release(&joined);
        if (whole) {
            strbuf_adds(label, next);
            return;
        }
    }
    text_join_line(label, next);
}

/* The header cells of one row put over their columns: a cell over
 * several columns is their group label; a cell over none (a year
 * centred over right-aligned figures) heads the column whose zone holds
 * it, where no other cell of the row claims that column and no cell of
 * any header row stands over it (headed[]: then the cell belongs to a
 * column this table does not have). */
static void add_header_row(header_text *heads, const tcolumn *cols, size_t n_cols,
                           const tcell *const *cells, size_t n, const bool *headed)
{
    size_t claims[TABLE_MAX_COLUMNS] = {0};
    size_t zone_of[TABLE_MAX_HEADER_CELLS];
    for (size_t i = 0; i < n && i < TABLE_MAX_HEADER_CELLS; i++) {
        size_t spanned[TABLE_MAX_COLUMNS];
        size_t k = direct_column(cols, n_cols, cells[i]);
        zone_of[i] = SIZE_MAX;
        if (k != SIZE_MAX)
            claims[k]++;
        else if (covered_columns(cols, n_cols, cells[i], spanned) < 2 && n_cols > 0) {
            /* near its column: no farther from it than its own width */
            size_t z = column_zone(cols, n_cols, (cells[i]->box.x0 + cells[i]->box.x1) / 2);
            double gap = fmax(cols[z].x0 - cells[i]->box.x1, cells[i]->box.x0 - cols[z].x1);
            if (gap <= box_width(cells[i]->box))
                claims[zone_of[i] = z]++;
        }
    }
    for (size_t i = 0; i < n && i < TABLE_MAX_HEADER_CELLS; i++) {
        size_t spanned[TABLE_MAX_COLUMNS];
        size_t n_spanned = covered_columns(cols, n_cols, cells[i], spanned);
        if (n_spanned >= 2) {
            for (size_t j = 0; j < n_spanned; j++)
                text_join_line(&heads[spanned[j]].group, cells[i]->text);
            continue;
        }
        size_t k = direct_column(cols, n_cols, cells[i]);
        if (k == SIZE_MAX && zone_of[i] != SIZE_MAX && claims[zone_of[i]] == 1 && !headed[zone_of[i]])
            k = zone_of[i];
        if (k != SIZE_MAX)
            join_head_line(&heads[k].label, cells[i]->text);
    }
}

/* The cells of one header row that stand over the columns, run-together
 * heads split at the column grid; each text its own copy. */
typedef struct header_cells {
    tcell cells[TABLE_MAX_HEADER_CELLS];
    size_t n;
} header_cells;

static void add_header_cell(header_cells *hc, const tcell *cell, const tcolumn *cols,
                            size_t n_cols, const trow *below, double numbers_left)
{
    tcell pieces[TABLE_MAX_COLUMNS];
    size_t n = split_at_grid(cell, cols, n_cols, below, numbers_left, pieces);
    if (n == 0) {
        pieces[0] = *cell;
        pieces[0].text = xstrdup(cell->text);
        n = 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (hc->n < TABLE_MAX_HEADER_CELLS)
            hc->cells[hc->n++] = pieces[i];
        else
            free(pieces[i].text);
    }
}

/* The column a head of the row under a group label heads: the one it
 * stands over, else the one whose zone holds its centre. */
static size_t column_under(const tcolumn *cols, size_t n_cols, const tcell *head)
{
    size_t k = direct_column(cols, n_cols, head);
    return k != SIZE_MAX ? k : column_zone(cols, n_cols, (head->box.x0 + head->box.x1) / 2);
}

/* A header cell set over two or more heads of the header row under it,
 * centred on them ("Budget 2024" over "Intäkter | Kostnader"), is their
 * group label, whatever share of the figures' width it covers; it is taken
 * out of its row. */
static void take_group_labels(header_cells *over, size_t n_rows, const tcolumn *cols,
                              size_t n_cols, header_text *heads)
{
    for (size_t r = 0; n_cols > 0 && r + 1 < n_rows; r++) {
        const header_cells *under = &over[r + 1];
        size_t kept = 0;
        for (size_t c = 0; c < over[r].n; c++) {
            tcell *cell = &over[r].cells[c];
            size_t first = SIZE_MAX, last = SIZE_MAX, n_under = 0;
            for (size_t d = 0; d < under->n; d++)
                if (span_overlap(cell->box.x0, cell->box.x1, under->cells[d].box.x0,
                                 under->cells[d].box.x1) > 0) {
                    if (first == SIZE_MAX)
                        first = d;
                    last = d;
                    n_under++;
                }
            double mid = n_under >= 2 ? (under->cells[first].box.x0 + under->cells[last].box.x1) / 2 : 0;
            double span = n_under >= 2 ? under->cells[last].box.x1 - under->cells[first].box.x0 : 0;
            bool centred = n_under >= 2 &&
                           fabs((cell->box.x0 + cell->box.x1) / 2 - mid) <= GROUP_CENTRE_SHARE * span;
            size_t k0 = centred ? column_under(cols, n_cols, &under->cells[first]) : 0;
            size_t k1 = centred ? column_under(cols, n_cols, &under->cells[last]) : 0;
            if (!centred || k0 == k1) {
                over[r].cells[kept++] = *cell;
                continue;
            }
            if (k0 > k1) {
                size_t swap = k0;
                k0 = k1;
                k1 = swap;
            }
            for (size_t k = k0; k <= k1 && k < n_cols; k++)
                text_join_line(&heads[k].group, cell->text);
            free(cell->text);
        }
        over[r].n = kept;
    }
}

/* ---------------------------------------------------------------- rows */

static bool in_range(const region *g, const tcell *c)
{
    double cx = (c->box.x0 + c->box.x1) / 2;
    return cx >= g->x0 && cx < g->x1;
}

static char *label_of(const trow *row, const region *g, double numbers_left)
{
    strbuf sb;
    strbuf_init(&sb);
    for (size_t c = 0; c < row->n; c++) {
        const tcell *cell = &row->cells[c];
        if (!in_range(g, cell) || !is_label_cell(cell, numbers_left))
            continue;
        if (sb.len)
            strbuf_addc(&sb, ' ');
        strbuf_adds(&sb, cell->text);
    }
    return strbuf_take(&sb);
}

static size_t count_column_cells(const trow *row, const region *g, double numbers_left)
{
    size_t n = 0;
    for (size_t c = 0; c < row->n; c++)
        n += in_range(g, &row->cells[c]) && !is_label_cell(&row->cells[c], numbers_left);
    return n;
}

static void set_cell(table_cell *tc, const tcell *c, int page)
{
    /* two pieces in one column: one cell, parsed again (a scan's figure
     * in pieces); two figures more than an em apart are two values the
     * grid did not part, so no value */
    bool two_figures = tc->text && tc->has_value && c->numeric &&
                       fmax(c->box.x0 - tc->box.x1, tc->box.x0 - c->box.x1) > c->size;
    if (tc->text) {
        strbuf sb;
        strbuf_init(&sb);
        strbuf_adds(&sb, tc->text);
        strbuf_addc(&sb, ' ');
        strbuf_adds(&sb, c->text);
        free(tc->text);
        tc->text = strbuf_take(&sb);
        tc->box = box_union(tc->box, c->box);
    } else {
        tc->text = xstrdup(c->text);
        tc->box = c->box;
    }
    tc->page = page;
    number n;
    number_kind k = number_parse(tc->text, strlen(tc->text), &n);
    if (two_figures) /* "50 400" and "655" far apart are no "50 400 655" */
        k = NUMBER_NONE;
    /* a year-like figure in a column of amounts is an amount */
    tc->has_value = k == NUMBER_AMOUNT || k == NUMBER_PERCENT || k == NUMBER_DASH ||
                    k == NUMBER_YEAR;
    tc->value = tc->has_value ? n.value : 0;
    tc->decimals = tc->has_value ? n.decimals : 0;
    snprintf(tc->note, sizeof tc->note, "%s", tc->has_value ? n.note : "");
}

/* Text set tight in neighbouring columns ("Ej aktuellt" thrice) reads
 * as one cell; it covers more than one column. */
static bool spans_columns(const tcolumn *cols, size_t n_cols, const tcell *cell)
{
    size_t covered = 0;
    for (size_t k = 0; k < n_cols; k++) {
        double o = span_overlap(cols[k].x0, cols[k].x1, cell->box.x0, cell->box.x1);
        covered += o > 0 && o >= 0.3 * (cols[k].x1 - cols[k].x0);
    }
    return covered >= 2 && cell->n_words >= 2;
}


/* Splits a text cell that covers several columns into one piece per
 * column it covers, at its widest word gaps ("Ej aktuellt" thrice), and
 * sets the pieces left to right. */
static void set_cells_by_word(table_row *tr, const tcell *cell, const tcolumn *cols,
                              size_t n_cols, int page)
{
    bool covered[TABLE_MAX_COLUMNS] = {false};
    size_t first = SIZE_MAX, n_covered = 0;
    for (size_t w = 0; w < cell->n_words; w++) {
        const word *wd = cell->words[w];
        size_t k = column_zone(cols, n_cols, (wd->box.x0 + wd->box.x1) / 2);
        if (!covered[k])
            n_covered++;
        covered[k] = true;
        if (first == SIZE_MAX || k < first)
            first = k;
    }
    /* the n_covered - 1 widest gaps end pieces */
    bool *cut = xcalloc(cell->n_words, sizeof *cut);
    for (size_t c = 1; c < n_covered; c++) {
        size_t best = 0;
        double best_gap = -INFINITY;
        for (size_t w = 1; w < cell->n_words; w++) {
            double gap = cell->words[w]->box.x0 - cell->words[w - 1]->box.x1;
            if (!cut[w] && gap > best_gap) {
                best_gap = gap;
                best = w;
            }
        }
        cut[best] = true;
    }
    size_t k = first;
    for (size_t w = 0; w < cell->n_words; w++) {
        if (w > 0 && cut[w])
            while (++k < n_cols && !covered[k]) {}
        if (k >= n_cols)
            break;
        const word *wd = cell->words[w];
        table_cell *tc = &tr->cells[k];
        if (tc->text) {
            strbuf sb = {tc->text, strlen(tc->text), strlen(tc->text) + 1};
            strbuf_addc(&sb, ' ');
            strbuf_adds(&sb, wd->text);
            tc->text = sb.data;
            tc->box = box_union(tc->box, wd->box);
        } else {
            tc->text = xstrdup(wd->text);
            tc->box = wd->box;
        }
        tc->page = page;
    }
    free(cut);
}

/* Whether a label line reads on from the one before: it begins in lower
 * case or with a bracket, or the line before breaks off at a comma, a
 * hyphen or "och". */
static bool reads_on(const char *label, const char *prev_label)
{
    size_t pl = strlen(prev_label);
    bool prev_open = pl > 0 && (prev_label[pl - 1] == ',' || prev_label[pl - 1] == '-' ||
                                (pl >= 4 && strcmp(prev_label + pl - 4, " och") == 0));
    return text_starts_lower(label) || label[0] == '(' || prev_open;
}

/* Whether a label ends in a colon: a lead-in to the rows under it
 * ("Ackumulerade anskaffningsvärden:" over "-Vid årets början"), no line
 * of theirs. */
static bool leads_in(const char *label)
{
    size_t n = strlen(label);
    while (n > 0 && label[n - 1] == ' ')
        n--;
    return n > 0 && label[n - 1] == ':';
}

/* Whether two lines `gap` apart are set tighter than the table sets its
 * rows apart: the lines of one cell, whatever their first letter
 * ("Ny teknik bowlinghall" / "Korsavad (6154)"). Says nothing where the
 * rows are set solid, with no more space between them than in a cell. */
static bool tighter_than_rows(double gap, double body_gap, const trow *row)
{
    double slack = CELL_LEADING_ROWS * row_height(row);
    return body_gap >= slack && gap < body_gap - slack;
}

/* Whether every letter of text is a capital ("FINANSIELLA POSTER"). */
static bool all_capitals(const char *text)
{
    const char *end = text + strlen(text);
    size_t letters = 0;
    while (text < end) {
        uint32_t cp = utf8_next(&text, end);
        if (!is_alpha_cp(cp))
            continue;
        if (!is_upper_cp(cp))
            return false;
        letters++;
    }
    return letters > 1;
}

/* The label cell of a row (its first cell over the labels), or NULL. */
static const tcell *label_cell(const trow *row, const region *g, double numbers_left)
{
    for (size_t c = 0; c < row->n; c++)
        if (in_range(g, &row->cells[c]) && is_label_cell(&row->cells[c], numbers_left))
            return &row->cells[c];
    return NULL;
}

/* Whether two label lines are set alike: a cell's lines share weight and
 * case; a heading in bold or capitals over plain items is no line of
 * theirs. */
static bool set_alike(const tcell *a, const tcell *b)
{
    return a && b && cell_bold(a) == cell_bold(b) && all_capitals(a->text) == all_capitals(b->text) &&
           fabsf(a->size - b->size) <= 0.1f * fmaxf(a->size, b->size);
}

/* Whether the label words of a row are spread to fill their cell: every
 * space between them stretched alike past a word space. A justified line
 * is no paragraph's last: the label goes on in the next line. */
static bool justified_line(const trow *row, const region *g, double numbers_left)
{
    double widest = -INFINITY, narrowest = INFINITY;
    size_t gaps = 0;
    const word *last = NULL;
    for (size_t c = 0; c < row->n; c++) {
        const tcell *cell = &row->cells[c];
        if (!in_range(g, cell) || !is_label_cell(cell, numbers_left))
            continue;
        for (size_t w = 0; w < cell->n_words; w++, last = cell->words[w - 1]) {
            if (!last)
                continue;
            double gap = (cell->words[w]->box.x0 - last->box.x1) / cell->words[w]->size;
            widest = fmax(widest, gap);
            narrowest = fmin(narrowest, gap);
            gaps++;
        }
    }
    return gaps >= 2 && narrowest >= JUSTIFIED_SPACE_EM && widest - narrowest <= JUSTIFIED_SPREAD_EM;
}

/* Whether a label line continues the row before it (prev_box, its
 * label prev_label, its last label line prev_line and the visual row
 * that holds it). */
static bool continues_label(const trow *row, const char *label, box prev_box,
                            const char *prev_label, const tcell *prev_line,
                            const trow *prev_line_row, const region *g, double numbers_left,
                            double body_gap)
{
    double gap = row->box.y0 - prev_box.y1;
    if (!prev_label[0] || leads_in(prev_label) || gap > WRAP_GAP_ROWS * row_height(row))
        return false;
    bool wraps = tighter_than_rows(gap, body_gap, row) ||
                 (prev_line_row && justified_line(prev_line_row, g, numbers_left));
    return reads_on(label, prev_label) ||
           (wraps && set_alike(prev_line, label_cell(row, g, numbers_left)));
}

/* The second line of a row whose cells wrap ("Kultur- och" / "arrangörs-
 * bidrag" beside "Ej" / "aktuellt"): tight under it, a lower-case label,
 * and text, not numbers, in both. */
static bool continues_text_row(const table *t, const table_row *prev, const trow *row,
                               const char *label)
{
    if (table_row_has_value(t, (size_t)(prev - t->rows)) || row->n_numeric > 0 || !text_starts_lower(label))
        return false;
    return row->box.y0 - prev->box.y1 <= WRAP_GAP_ROWS * row_height(row);
}

static void merge_into_row(table *t, table_row *prev, const trow *row, const region *g,
                           const tcolumn *cols, size_t n_cols, double numbers_left,
                           char *label, int page)
{
    strbuf sb = {prev->label, strlen(prev->label), strlen(prev->label) + 1};
    text_join_line(&sb, label);
    prev->label = sb.data;
    free(label);
    prev->box = box_union(prev->box, row->box);
    for (size_t c = 0; c < row->n; c++) {
        const tcell *cell = &row->cells[c];
        if (!in_range(g, cell) || is_label_cell(cell, numbers_left))
            continue;
        size_t k = column_of(cols, n_cols, cell->box, cell->size);
        if (k == SIZE_MAX)
            continue;
        table_cell *tc = &prev->cells[k];
        if (!tc->text) {
            set_cell(tc, cell, page);
            continue;
        }
        strbuf text = {tc->text, strlen(tc->text), strlen(tc->text) + 1};
        text_join_line(&text, cell->text);
        tc->text = text.data;
        tc->box = box_union(tc->box, cell->box);
    }
    (void)t;
}

static void add_table_row(table *t, char *label, const trow *row, int page)
{
    table_row r = {.label = label, .box = row->box, .page = page};
    r.cells = xcalloc(t->n_columns ? t->n_columns : 1, sizeof *r.cells);
    ARRAY_PUSH(t->rows, t->n_rows, t->cap_rows, r);
}

/* Sets the figures and text cells of visual row `row` into tr. */
static void set_row_cells(table_row *tr, const trow *row, const region *g, const tcolumn *cols,
                          size_t n_cols, double numbers_left, int page)
{
    for (size_t c = 0; c < row->n; c++) {
        const tcell *cell = &row->cells[c];
        if (!in_range(g, cell) || is_label_cell(cell, numbers_left))
            continue;
        if (!cell->numeric && spans_columns(cols, n_cols, cell)) {
            set_cells_by_word(tr, cell, cols, n_cols, page);
            continue;
        }
        size_t k = column_of(cols, n_cols, cell->box, cell->size);
        if (k != SIZE_MAX)
            set_cell(&tr->cells[k], cell, page);
    }
}

/* Where every row wraps, no two lines of figures follow each other; the
 * gaps between the region's lines then fall in two groups, the lines of a
 * cell and the rows, parted by the widest jump between them (of more than
 * a fifth of a line). Returns the smallest gap of the rows' group, or 0
 * where the gaps form one group. Label lines only: figures set between
 * two of them overlap both. */
static double split_line_gaps(const trow *rows, const region *g, double numbers_left)
{
    double gaps[128];
    size_t n = 0;
    const trow *last = NULL; /* the last line with a label: figures set between lines skipped */
    for (size_t r = g->first; r <= g->last && n < sizeof gaps / sizeof *gaps; r++) {
        if (!label_cell(&rows[r], g, numbers_left))
            continue;
        if (last)
            gaps[n++] = gap_between(last, &rows[r]);
        last = &rows[r];
    }
    if (n < 3)
        return 0;
    sort_array(gaps, n, sizeof *gaps, compare_doubles);
    size_t jump = 0;
    double widest = 0;
    for (size_t i = 1; i < n; i++)
        if (gaps[i] - gaps[i - 1] > widest) {
            widest = gaps[i] - gaps[i - 1];
            jump = i;
        }
    return widest > CELL_LEADING_ROWS * row_height(&rows[g->first]) ? gaps[jump] : 0;
}

/* How far apart the table sets its rows: the gap between two lines that
 * both carry figures (two rows, surely), the lower quartile of them, as
 * blank lines part groups of rows. 0 where fewer than two show it. */
static double figure_row_gap(const trow *rows, const region *g, double numbers_left)
{
    double gaps[128];
    size_t n = 0;
    for (size_t r = g->first; r < g->last && n < sizeof gaps / sizeof *gaps; r++)
        if (count_column_cells(&rows[r], g, numbers_left) > 0 &&
            count_column_cells(&rows[r + 1], g, numbers_left) > 0)
            gaps[n++] = gap_between(&rows[r], &rows[r + 1]);
    sort_array(gaps, n, sizeof *gaps, compare_doubles);
    return n >= 2 ? gaps[n / 4] : split_line_gaps(rows, g, numbers_left);
}

/* Fills t's rows from the region: data rows become rows, label rows join
 * the row they wrap from or onto, or stand as section rows. */
static void fill_rows(table *t, const trow *rows, const region *g, const tcolumn *cols,
                      size_t n_cols, double numbers_left, int page)
{
    char *pending_prefix = NULL;
    double body_gap = figure_row_gap(rows, g, numbers_left);
    const tcell *prev_line = NULL; /* the last label line of the last row */
    const trow *prev_line_row = NULL;
    for (size_t r = g->first; r <= g->last && t->n_rows < TABLE_MAX_ROWS; r++) {
        const trow *row = &rows[r];
        const tcell *line_before = prev_line, *this_line = label_cell(row, g, numbers_left);
        const trow *line_row_before = prev_line_row;
        if (this_line) {
            prev_line = this_line;
            prev_line_row = row;
        }
        char *label = label_of(row, g, numbers_left);
        if (!label[0] && count_column_cells(row, g, numbers_left) == 0) {
            free(label); /* the row belongs to a table beside this one */
            continue;
        }
        if (count_column_cells(row, g, numbers_left) == 0) {
            table_row *prev = t->n_rows ? &t->rows[t->n_rows - 1] : NULL;
            const trow *next = r < g->last ? &rows[r + 1] : NULL;
            char *next_label = next ? label_of(next, g, numbers_left) : NULL;
            if (prev && continues_label(row, label, prev->box, prev->label, line_before,
                                        line_row_before, g, numbers_left, body_gap)) {
                strbuf sb = {prev->label, strlen(prev->label), strlen(prev->label) + 1};
                text_join_line(&sb, label);
                prev->label = sb.data;
                prev->box = box_union(prev->box, row->box);
                free(label);
            } else if (next && next_label && count_column_cells(next, g, numbers_left) > 0 &&
                       !leads_in(label) &&
                       (text_starts_lower(next_label) ||
                        (tighter_than_rows(next->box.y0 - row->box.y1, body_gap, next) &&
                         set_alike(label_cell(row, g, numbers_left),
                                   label_cell(next, g, numbers_left))))) {
                free(pending_prefix);
                pending_prefix = label;
            } else {
                add_table_row(t, label, row, page); /* a section row: no cells */
            }
            free(next_label);
            continue;
        }
        table_row *prev = t->n_rows ? &t->rows[t->n_rows - 1] : NULL;
        if (prev && continues_text_row(t, prev, row, label)) {
            merge_into_row(t, prev, row, g, cols, n_cols, numbers_left, label, page);
            continue;
        }
        if (pending_prefix) {
            strbuf sb;
            strbuf_init(&sb);
            strbuf_adds(&sb, pending_prefix);
            text_join_line(&sb, label);
            free(label);
            free(pending_prefix);
            pending_prefix = NULL;
            label = strbuf_take(&sb);
        }
        if (!label[0] && prev && !table_row_has_value(t, (size_t)(prev - t->rows)) && prev->label[0] &&
            row->box.y0 - prev->box.y1 <= WRAP_GAP_ROWS * row_height(row)) {
            /* figures set between the lines of the label above ("Laddinfrastruktur
             * vid kommunens" / "parkeringar"): that label's row */
            free(label);
            prev->box = box_union(prev->box, row->box);
            set_row_cells(prev, row, g, cols, n_cols, numbers_left, page);
            continue;
        }
        add_table_row(t, label, row, page);
        set_row_cells(&t->rows[t->n_rows - 1], row, g, cols, n_cols, numbers_left, page);
    }
    free(pending_prefix);
}

/* A column with a figure that can only be English ("3,983,166.42") is
 * in English style: every figure of it is read so ("1,234" is 1234 there,
 * 1.234 in a Swedish column). */
static void read_english_columns(table *t)
{
    for (size_t k = 0; k < t->n_columns; k++) {
        bool english = false;
        for (size_t r = 0; r < t->n_rows && !english; r++) {
            const table_cell *c = &t->rows[r].cells[k];
            bool unambiguous = false;
            english = c->text && number_parse_english(c->text, strlen(c->text), NULL, &unambiguous) &&
                      unambiguous;
        }
        for (size_t r = 0; r < t->n_rows && english; r++) {
            table_cell *c = &t->rows[r].cells[k];
            number n;
            bool unambiguous;
            number_kind kind = c->text ? number_parse_english(c->text, strlen(c->text), &n, &unambiguous)
                                       : NUMBER_NONE;
            if (kind != NUMBER_AMOUNT && kind != NUMBER_PERCENT)
                continue;
            c->has_value = true;
            c->value = n.value;
            c->decimals = n.decimals;
            snprintf(c->note, sizeof c->note, "%s", n.note);
        }
    }
}

/* --------------------------------------------------------------- tables */

static void build_table(found_table *ft, const trow *rows, const region *g,
                        size_t header_first, const tcolumn *cols, size_t n_cols,
                        double numbers_left, int page)
{
    table *t = &ft->t;
    t->page = t->last_page = page;
    t->n_columns = n_cols;
    t->columns = xcalloc(n_cols ? n_cols : 1, sizeof *t->columns);
    header_text *heads = xcalloc(n_cols ? n_cols : 1, sizeof *heads);
    strbuf corner;
    strbuf_init(&corner);
    ft->header_lines = xcalloc(TABLE_MAX_HEADER_ROWS + 1, sizeof *ft->header_lines);
    double labels_right = labels_right_in(rows, g, numbers_left);
    size_t n_rows = g->first - header_first;
    header_cells *over = xcalloc(n_rows ? n_rows : 1, sizeof *over);
    for (size_t r = header_first; r < g->first; r++) {
        const trow *row = &rows[r];
        strbuf text;
        strbuf_init(&text);
        for (size_t c = 0; c < row->n; c++) {
            const tcell *cell = &row->cells[c];
            if (!in_range(g, cell))
                continue;
            if (text.len)
                strbuf_addc(&text, ' ');
            strbuf_adds(&text, cell->text);
            /* over the labels: the corner; a head that starts right of
             * every label ("2022" centred over narrow figures) heads a column */
            if (is_label_cell(cell, numbers_left) && cell->box.x0 < labels_right) {
                text_join_line(&corner, cell->text);
                ft->corner_size = fmaxf(ft->corner_size, cell->size);
            } else {
                add_header_cell(&over[r - header_first], cell, cols, n_cols,
                                r + 1 < g->first ? &rows[r + 1] : NULL, numbers_left);
                ft->header_size = fmaxf(ft->header_size, cell->size);
            }
        }
        ft->header_lines[ft->n_header_lines++] = strbuf_take(&text);
    }
    take_group_labels(over, n_rows, cols, n_cols, heads);
    bool headed[TABLE_MAX_COLUMNS] = {false}; /* a header cell stands over it */
    for (size_t r = 0; r < n_rows; r++)
        for (size_t c = 0; c < over[r].n; c++) {
            size_t k = direct_column(cols, n_cols, &over[r].cells[c]);
            if (k != SIZE_MAX)
                headed[k] = true;
        }
    for (size_t r = 0; r < n_rows; r++) {
        const tcell *cells[TABLE_MAX_HEADER_CELLS];
        for (size_t c = 0; c < over[r].n; c++)
            cells[c] = &over[r].cells[c];
        add_header_row(heads, cols, n_cols, cells, over[r].n, headed);
        for (size_t c = 0; c < over[r].n; c++)
            free(over[r].cells[c].text);
    }
    free(over);
    for (size_t k = 0; k < n_cols; k++) {
        t->columns[k].label = strbuf_take(&heads[k].label);
        t->columns[k].group = heads[k].group.len ? strbuf_take(&heads[k].group) : NULL;
        strbuf_release(&heads[k].group);
        t->columns[k].x0 = cols[k].x0;
        t->columns[k].x1 = cols[k].x1;
    }
    free(heads);
    ft->corner = strbuf_take(&corner);
    fill_rows(t, rows, g, cols, n_cols, numbers_left, page);
    read_english_columns(t);
    for (size_t r = header_first; r < g->first; r++)
        t->layout.header = r == header_first ? rows[r].box : box_union(t->layout.header, rows[r].box);
    for (size_t r = g->first; r <= g->last; r++)
        for (size_t c = 0; c < rows[r].n; c++)
            if (in_range(g, &rows[r].cells[c]) && is_label_cell(&rows[r].cells[c], numbers_left))
                t->layout.labels = box_width(t->layout.labels) > 0
                                       ? box_union(t->layout.labels, rows[r].cells[c].box)
                                       : rows[r].cells[c].box;
    box bb = rows[header_first].box;
    for (size_t r = header_first; r <= g->last; r++)
        bb = box_union(bb, rows[r].box);
    if (isfinite(g->x0) && g->x0 > bb.x0)
        bb.x0 = g->x0;
    if (isfinite(g->x1) && g->x1 < bb.x1)
        bb.x1 = g->x1;
    t->bbox = bb;
    ft->bbox = bb;
}

/* Where the figures begin. A number with text to its right on the same
 * row is part of the row's label (an account number "1220 Inventarier",
 * a note "Not 3"), not a figure. */
static double numbers_left_in(const trow *rows, const region *g)
{
    double left = INFINITY;
    for (size_t r = g->first; r <= g->last; r++) {
        if (rows[r].cls != ROW_DATA)
            continue;
        for (size_t c = 0; c < rows[r].n; c++) {
            const tcell *cell = &rows[r].cells[c];
            bool text_follows = c + 1 < rows[r].n && !rows[r].cells[c + 1].numeric &&
                                in_range(g, &rows[r].cells[c + 1]);
            if (cell->numeric && in_range(g, cell) && !text_follows)
                left = fmin(left, cell->box.x0);
        }
    }
    return left;
}

static float region_size(const trow *rows, const region *g)
{
    float size = 0;
    for (size_t r = g->first; r <= g->last; r++)
        size = fmaxf(size, rows[r].size);
    return size;
}

/* A contents list (entries and their page numbers) is not a table: one
 * column of whole numbers that only grow. */
static bool is_contents_list(const table *t)
{
    if (t->n_columns != 1 || t->n_rows < 2)
        return false;
    double last = -1;
    for (size_t r = 0; r < t->n_rows; r++) {
        const table_cell *c = &t->rows[r].cells[0];
        if (!c->text)
            continue;
        if (!c->has_value || c->decimals != 0 || c->value <= last || c->value > 9999)
            return false;
        last = c->value;
    }
    return true;
}

/* Labels scattered around a chart ("Hyror 28%" beside a pie slice) are no
 * table: in a table of two rows or more, some column holds a figure in two
 * of them; among scattered labels no figure stands under another. */
static bool columns_repeat(const table *t)
{
    size_t rows_with_figures = 0;
    for (size_t r = 0; r < t->n_rows; r++)
        for (size_t k = 0; k < t->n_columns; k++)
            if (t->rows[r].cells[k].has_value) {
                rows_with_figures++;
                break;
            }
    if (rows_with_figures < 2)
        return true;
    for (size_t k = 0; k < t->n_columns; k++) {
        size_t figures = 0;
        for (size_t r = 0; r < t->n_rows; r++)
            figures += t->rows[r].cells[k].has_value;
        if (figures >= 2)
            return true;
    }
    return false;
}

/* Detects the table of region g (or the tables of its two halves where a
 * second table stands beside the first). */
static void detect_in_region(const trow *rows, size_t n_rows, region g, int page,
                             found_table **out, size_t *n_out, size_t *cap, int depth)
{
    double numbers_left = numbers_left_in(rows, &g);
    if (!isfinite(numbers_left))
        return;
    tcolumn cols[TABLE_MAX_COLUMNS];
    size_t n_cols = find_columns(rows, &g, numbers_left, cols);
    if (n_cols == 0)
        return;
    double split = depth == 0 ? side_by_side_split(cols, n_cols) : INFINITY;
    if (isfinite(split)) {
        region left = g, right = g;
        left.x1 = split;
        right.x0 = split;
        detect_in_region(rows, n_rows, left, page, out, n_out, cap, depth + 1);
        detect_in_region(rows, n_rows, right, page, out, n_out, cap, depth + 1);
        return;
    }
    size_t data_rows = 0;
    for (size_t r = g.first; r <= g.last; r++)
        data_rows += rows[r].cls == ROW_DATA;
    size_t header_first = find_header_rows(rows, &g, cols, n_cols, numbers_left,
                                           region_size(rows, &g));
    data_rows = 0;
    for (size_t r = g.first; r <= g.last; r++)
        data_rows += rows[r].cls == ROW_DATA;
    /* one data row makes a table only under a header that names columns */
    if (data_rows < 2 && header_first == g.first)
        return;
    found_table ft = {0};
    build_table(&ft, rows, &g, header_first, cols, n_cols, numbers_left, page);
    if (is_contents_list(&ft.t) || !columns_repeat(&ft.t)) {
        found_tables_free(memcpy(xmalloc(sizeof ft), &ft, sizeof ft), 1);
        return;
    }
    if (header_first > 0) {
        const trow *above = &rows[header_first - 1];
        if (above->n == 1 && above->cells[0].n_words <= HEADER_WORDS &&
            gap_between(above, &rows[header_first]) <= 1.5 * row_height(above)) {
            ft.caption_above = xstrdup(above->cells[0].text);
            /* set as a heading: bold, or larger than the table's type */
            ft.caption_is_heading = cell_bold(&above->cells[0]) ||
                                    above->size > 1.05f * region_size(rows, &g);
            ft.caption_size = above->size;
            ft.t.layout.caption = above->box;
        }
    }
    if (g.last + 1 < n_rows) {
        const trow *below = &rows[g.last + 1];
        if (below->cls != ROW_DATA && below->cls != ROW_PROSE && below->n == 1 &&
            gap_between(&rows[g.last], below) <= 1.5 * row_height(below))
            ft.caption_below = xstrdup(below->cells[0].text);
    }
    ARRAY_PUSH(*out, *n_out, *cap, ft);
}

/* A block with any line inside a table belongs to it (stacked header
 * cells can make one block that reaches from one table into the next). */
static void mark_table_blocks(layout_page *lp, const found_table *tables, size_t n)
{
    for (size_t b = 0; b < lp->n_blocks; b++) {
        block *bl = &lp->blocks[b];
        for (size_t l = bl->first_line; l < bl->first_line + bl->n_lines; l++) {
            const box *lb = &lp->lines[l].box;
            double cx = (lb->x0 + lb->x1) / 2, cy = box_cy(*lb);
            for (size_t i = 0; i < n; i++) {
                box t = tables[i].t.bbox;
                if (cx >= t.x0 - 1 && cx <= t.x1 + 1 && cy >= t.y0 - 1 && cy <= t.y1 + 1)
                    bl->in_table = true;
            }
        }
    }
}

size_t tables_detect(layout_page *lp, const arsred_patterns *patterns, found_table **out)
{
    *out = NULL;
    cell_patterns = patterns;
    trow *rows = NULL;
    size_t n_rows = build_rows(lp, &rows);
    n_rows = drop_axis_ticks(rows, n_rows);
    region *regions = NULL;
    size_t n_regions = find_regions(rows, n_rows, &regions);
    found_table *tables = NULL;
    size_t n_tables = 0, cap = 0;
    for (size_t i = 0; i < n_regions; i++)
        detect_in_region(rows, n_rows, regions[i], lp->number, &tables, &n_tables, &cap, 0);
    mark_table_blocks(lp, tables, n_tables);
    free(regions);
    free_rows(rows, n_rows);
    cell_patterns = NULL;
    *out = tables;
    return n_tables;
}

void found_tables_free(found_table *tables, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        table_free_contents(&tables[i].t);
        free(tables[i].corner);
        free(tables[i].caption_above);
        free(tables[i].caption_below);
        for (size_t k = 0; k < tables[i].n_header_lines; k++)
            free(tables[i].header_lines[k]);
        free(tables[i].header_lines);
    }
    free(tables);
}
