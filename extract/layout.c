/* layout.c: characters -> words -> lines -> blocks -> reading order.
 *
 * Every threshold is a multiple of the font size of the text involved, so
 * the same rules read 8 pt tables and 24 pt covers. */
#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Thresholds, in multiples of the font size (em). */
#define WORD_GAP_EM 0.22        /* a gap wider than this ends a word */
#define FRAGMENT_GAP_EM 0.8     /* a gap wider than this splits a line */
#define JUSTIFIED_GAP_EM 3.0    /* widest gap that justification can make */
#define LINE_GAP_EM 0.75        /* widest gap between lines of one paragraph */
#define INDENT_EM 0.8           /* a first-line indent starts a paragraph */
#define CUT_GAP_EM 0.8          /* narrowest gutter between columns */
#define COLUMN_MIN_EM 7.0       /* narrowest column of prose */
#define EVEN_SPACE_EM 0.1       /* spaces of one justified line differ by no more */
#define SUPERSCRIPT_SIZE_SHARE 0.8 /* a superscript is set this much smaller, or more */
#define SUPERSCRIPT_RISE_EM 0.1    /* ... and its centre raised by this much, or more */

/* ---------------------------------------------------------------- words */

/* Characters of text set vertically (rotated a quarter turn) stand in a
 * column, touching from one to the next. */
static bool stacked(const pdf_char *prev, const pdf_char *c, double size)
{
    return fabs(c->box.x0 - prev->box.x0) < 0.2 * size &&
           fabs(c->box.x1 - prev->box.x1) < 0.2 * size &&
           (fabs(c->box.y0 - prev->box.y1) < 0.3 * size ||
            fabs(prev->box.y0 - c->box.y1) < 0.3 * size);
}

/* ... and c follows prev down or up that column, a character at a time:
 * the two stand on end (text set a quarter turn). */
static bool on_end(const pdf_char *prev, const pdf_char *c, double size)
{
    return stacked(prev, c, size) &&
           fabs(box_cy(c->box) - box_cy(prev->box)) >= 0.5 * box_height(prev->box);
}

static bool starts_new_word(const pdf_char *prev, const pdf_char *c, bool vertical)
{
    double size = prev->size > c->size ? prev->size : c->size;
    if (size <= 0)
        size = box_height(c->box);
    if (vertical)
        return !stacked(prev, c, size);
    double gap = c->box.x0 - prev->box.x1;
    double dy = fabs(box_cy(c->box) - box_cy(prev->box));
    bool new_word = gap > WORD_GAP_EM * size || gap < -0.5 * size ||
                    dy > 0.5 * box_height(prev->box);
    return new_word && !stacked(prev, c, size);
}

/* A digit set smaller and raised after a digit is a footnote mark glued
 * to a figure ("471,5" and a superscript "1"), not a digit of it. */
static bool footnote_digit(const pdf_char *prev, const pdf_char *c)
{
    if (!prev || c->cp < '0' || c->cp > '9' || prev->cp < '0' || prev->cp > '9' || prev->size <= 0)
        return false;
    return c->size < SUPERSCRIPT_SIZE_SHARE * prev->size &&
           box_cy(c->box) < box_cy(prev->box) - SUPERSCRIPT_RISE_EM * prev->size;
}

/* The superscript form of an ASCII digit. */
static uint32_t superscript_of(uint32_t digit)
{
    static const uint32_t forms[10] = {0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074,
                                       0x2075, 0x2076, 0x2077, 0x2078, 0x2079};
    return forms[digit - '0'];
}

static void finish_word(word *w, strbuf *sb, bool soft_hyphen_end)
{
    if (soft_hyphen_end)
        strbuf_add_utf8(sb, 0x00AD); /* kept only at the end: hyphenation */
    char *raw = strbuf_take(sb);
    w->text = utf8_nfc(raw);
    free(raw);
}

size_t layout_words_from_chars(const pdf_char *chars, size_t n, word **out)
{
    word *words = NULL;
    size_t count = 0, cap = 0;
    strbuf sb;
    strbuf_init(&sb);
    uint32_t pending_space = 0;
    const pdf_char *prev = NULL;
    bool in_word = false, soft_hyphen_end = false, prev_mark = false;
    size_t chars_in_word = 0;
    for (size_t i = 0; i < n && count < LAYOUT_MAX_WORDS; i++) {
        const pdf_char *c = &chars[i];
        if (is_space_cp(c->cp) || c->cp == 0x200B) {
            if (in_word) {
                finish_word(&words[count - 1], &sb, soft_hyphen_end);
                in_word = false;
            }
            pending_space = c->cp == '\n' || c->cp == '\r' ? ' ' : c->cp;
            continue;
        }
        if (c->cp < 0x20 || box_width(c->box) < 0 || box_height(c->box) <= 0)
            continue;
        if (in_word && starts_new_word(prev, c, words[count - 1].vertical)) {
            finish_word(&words[count - 1], &sb, soft_hyphen_end);
            in_word = false;
        }
        if (!in_word) {
            word w = {.box = c->box, .size = c->size, .rgb = c->rgb,
                      .font = c->font, .bold = c->bold, .italic = c->italic,
                      .space_before = pending_space};
            ARRAY_PUSH(words, count, cap, w);
            in_word = true;
            chars_in_word = 0;
            soft_hyphen_end = false;
            pending_space = 0;
        }
        word *w = &words[count - 1];
        if (chars_in_word > 0 && on_end(prev, c, fmax(prev->size, c->size)))
            w->vertical = true;
        chars_in_word++;
        w->box = box_union(w->box, c->box);
        if (c->size > w->size)
            w->size = c->size;
        w->bold = w->bold && c->bold;
        soft_hyphen_end = c->cp == 0x00AD;
        /* the digits of a mark after its first ("471,5" + superscript "12") */
        bool mark_goes_on = prev_mark && c->cp >= '0' && c->cp <= '9' &&
                            fabs(c->size - prev->size) <= 0.1 * prev->size &&
                            fabs(box_cy(c->box) - box_cy(prev->box)) <= 0.2 * prev->size;
        bool mark = chars_in_word > 1 && (footnote_digit(prev, c) || mark_goes_on);
        prev_mark = mark;
        text_add_word_char(&sb, mark ? superscript_of(c->cp) : c->cp);
        prev = c;
    }
    if (in_word)
        finish_word(&words[count - 1], &sb, soft_hyphen_end);
    strbuf_release(&sb);
    /* Words made only of dropped characters (soft hyphens alone) go. */
    size_t kept = 0;
    for (size_t i = 0; i < count; i++) {
        if (words[i].text[0] == '\0' || strcmp(words[i].text, "\xC2\xAD") == 0) {
            free(words[i].text);
            continue;
        }
        words[kept++] = words[i];
    }
    *out = words;
    return kept;
}

/* ---------------------------------------------------------------- lines */

static int compare_word_cy(const void *a, const void *b)
{
    double ya = box_cy(((const word *)a)->box), yb = box_cy(((const word *)b)->box);
    return ya < yb ? -1 : ya > yb;
}

static int compare_word_x(const void *a, const void *b)
{
    double xa = ((const word *)a)->box.x0, xb = ((const word *)b)->box.x0;
    return xa < xb ? -1 : xa > xb;
}

static float word_size(const word *w)
{
    return w->size > 0 ? w->size : (float)box_height(w->box);
}

/* Words whose vertical centres lie within half a line of the row's first
 * word form a row; sorting by centre first makes this one pass. */
static size_t row_end(const word *words, size_t start, size_t n)
{
    double cy = box_cy(words[start].box);
    double h = box_height(words[start].box);
    size_t i = start + 1;
    while (i < n) {
        double hi = box_height(words[i].box);
        double tol = 0.4 * (hi < h ? hi : h);
        if (box_cy(words[i].box) - cy > tol)
            break;
        i++;
    }
    return i;
}

static bool is_hyphen_word(const char *t)
{
    return strcmp(t, "-") == 0 || strcmp(t, "\xE2\x80\x90") == 0 ||
           strcmp(t, "\xC2\xAD") == 0;
}

static char *join_line_words(const word *words, size_t n)
{
    strbuf sb;
    strbuf_init(&sb);
    for (size_t i = 0; i < n; i++) {
        /* A hyphenation hyphen set apart from its word by justification
         * ("bud -" at the line end) belongs to the word. */
        bool glued_hyphen = i > 0 && i == n - 1 && is_hyphen_word(words[i].text) &&
                            words[i].box.x0 - words[i - 1].box.x1 < 0.3 * words[i].size;
        if (i > 0 && !glued_hyphen) {
            uint32_t sp = words[i].space_before;
            const char *prev = words[i - 1].text;
            size_t plen = strlen(prev);
            bool between_digits = plen && is_digit_cp((unsigned char)prev[plen - 1]) &&
                                  is_digit_cp((unsigned char)words[i].text[0]);
            if (between_digits && is_number_space_cp(sp))
                strbuf_add_utf8(&sb, sp);
            else
                strbuf_addc(&sb, ' ');
        }
        strbuf_adds(&sb, words[i].text);
    }
    return strbuf_take(&sb);
}

/* The size most of a line's characters are set in: a big initial or a
 * large status glyph does not make the line big. The sizes of the first
 * words are the candidates, which keeps a line of thousands of words linear. */
static float line_size(const word *words, size_t n)
{
    enum { CANDIDATES = 64 };
    float best = 0;
    size_t best_chars = 0;
    for (size_t i = 0; i < n && i < CANDIDATES; i++) {
        size_t chars = 0;
        for (size_t j = 0; j < n; j++)
            if (fabsf(word_size(&words[j]) - word_size(&words[i])) < 0.25f)
                chars += strlen(words[j].text);
        if (chars > best_chars || (chars == best_chars && word_size(&words[i]) > best)) {
            best_chars = chars;
            best = word_size(&words[i]);
        }
    }
    return best;
}

static void add_line(layout_page *lp, size_t *cap, size_t first, size_t n)
{
    line l = {.first_word = first, .n_words = n, .box = lp->words[first].box};
    for (size_t i = first; i < first + n; i++)
        l.box = box_union(l.box, lp->words[i].box);
    l.size = line_size(lp->words + first, n);
    l.text = join_line_words(lp->words + first, n);
    ARRAY_PUSH(lp->lines, lp->n_lines, *cap, l);
}

static int compare_vertical_last(const void *a, const void *b)
{
    const word *x = a, *y = b;
    if (x->vertical != y->vertical)
        return x->vertical ? 1 : -1;
    return compare_word_cy(a, b);
}

/* Horizontal words form rows and lines; a vertical word (a photo credit
 * up the margin, a signing stamp) is a line of its own. */
void layout_lines_from_words(layout_page *lp)
{
    sort_array(lp->words, lp->n_words, sizeof *lp->words, compare_vertical_last);
    size_t n_horizontal = 0;
    while (n_horizontal < lp->n_words && !lp->words[n_horizontal].vertical)
        n_horizontal++;
    lp->n_row_words = n_horizontal;
    size_t cap = 0;
    for (size_t i = n_horizontal; i < lp->n_words; i++)
        add_line(lp, &cap, i, 1);
    for (size_t start = 0; start < n_horizontal;) {
        size_t end = row_end(lp->words, start, n_horizontal);
        sort_array(lp->words + start, end - start, sizeof *lp->words, compare_word_x);
        size_t frag = start;
        for (size_t i = start + 1; i <= end; i++) {
            bool split = i == end;
            if (!split) {
                const word *a = &lp->words[i - 1], *b = &lp->words[i];
                float size = word_size(a) > word_size(b) ? word_size(a) : word_size(b);
                split = b->box.x0 - a->box.x1 > FRAGMENT_GAP_EM * size;
            }
            if (split) {
                add_line(lp, &cap, frag, i - frag);
                frag = i;
            }
        }
        start = end;
    }
}

/* ------------------------------------------------------------- rows */

/* boxes: the box of item 0, the others stride bytes apart. */
static void row_index_build(row_index *ri, const box *boxes, size_t stride, size_t n)
{
    ri->n = n;
    ri->tallest = 0;
    ri->cy_max_up_to = xmalloc((n ? n : 1) * sizeof *ri->cy_max_up_to);
    ri->cy_min_from = xmalloc((n ? n : 1) * sizeof *ri->cy_min_from);
    for (size_t i = 0; i < n; i++) {
        const box *b = (const box *)((const char *)boxes + i * stride);
        float cy = (float)box_cy(*b);
        ri->tallest = fmax(ri->tallest, box_height(*b));
        ri->cy_max_up_to[i] = i > 0 && ri->cy_max_up_to[i - 1] > cy ? ri->cy_max_up_to[i - 1] : cy;
    }
    for (size_t i = n; i-- > 0;) {
        float cy = (float)box_cy(*(const box *)((const char *)boxes + i * stride));
        ri->cy_min_from[i] = i + 1 < n && ri->cy_min_from[i + 1] < cy ? ri->cy_min_from[i + 1] : cy;
    }
}

static void row_index_release(row_index *ri)
{
    free(ri->cy_max_up_to);
    free(ri->cy_min_from);
    memset(ri, 0, sizeof *ri);
}

/* The first index of [0, n) where values (non-decreasing) exceed limit, or
 * reach it where or_equal. */
static size_t first_beyond(const float *values, size_t n, double limit, bool or_equal)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (values[mid] > limit || (or_equal && values[mid] == limit))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* The items [*lo, *hi) whose boxes may reach into the band y0..y1, where
 * each may have grown by up to grown since it was indexed. */
static void row_index_range(const row_index *ri, double y0, double y1, double grown,
                            size_t *lo, size_t *hi)
{
    /* an item reaches half its height from its centre; a little more for
     * the centres kept as floats */
    double reach = ri->tallest / 2 + grown + 0.01;
    *lo = first_beyond(ri->cy_max_up_to, ri->n, y0 - reach, true);
    *hi = first_beyond(ri->cy_min_from, ri->n, y1 + reach, false);
    if (*hi < *lo)
        *hi = *lo;
}

/* -------------------------------------------------- rejoining fragments */

/* Whether o is nearer above (dir < 0) or below area than *best_d, and
 * beside it; if so it is the new best. */
static bool is_nearer(const line *o, box area, int dir, double *best_d)
{
    double h = box_height(area);
    double d = dir < 0 ? area.y0 - o->box.y1 : o->box.y0 - area.y1;
    if (o->text == NULL || d < -0.3 * h || d > *best_d ||
        span_overlap(o->box.x0, o->box.x1, area.x0, area.x1) <= 0)
        return false;
    *best_d = d;
    return true;
}

/* A wide gap inside justified prose is not a column gutter: the lines just
 * above and below run across it. Gutters and table columns stay empty.
 * The nearest line above (dir < 0) or below area, among the vertical lines
 * (the first first_row) and the rows that rows indexes; in a tie the first
 * in line order. */
static const line *nearest_line(const layout_page *lp, size_t first_row, const row_index *rows,
                                box area, int dir)
{
    const line *best = NULL;
    double best_d = 1.6 * box_height(area);
    /* a fragment joined to its neighbour has grown by up to a line height
     * since the lines were indexed */
    size_t lo, hi;
    row_index_range(rows, area.y0 - best_d, area.y1 + best_d, rows->tallest, &lo, &hi);
    for (size_t k = 0; k < first_row; k++)
        if (is_nearer(&lp->lines[k], area, dir, &best_d))
            best = &lp->lines[k];
    for (size_t k = first_row + lo; k < first_row + hi; k++)
        if (is_nearer(&lp->lines[k], area, dir, &best_d))
            best = &lp->lines[k];
    return best;
}

static bool crosses(const line *o, double gx0, double gx1)
{
    return o->box.x0 < gx0 && o->box.x1 > gx1;
}

static bool same_row(const line *a, const line *b)
{
    return fabs(box_cy(a->box) - box_cy(b->box)) <
           0.3 * fmin(box_height(a->box), box_height(b->box));
}

/* The lines [*first, *last] of the row of lines[k]: a row's lines are
 * contiguous and in x order (those merged away, text NULL, among them). */
static void row_of(const layout_page *lp, size_t k, size_t *first, size_t *last)
{
    const line *o = &lp->lines[k];
    *first = *last = k;
    while (*first > 0 && (!lp->lines[*first - 1].text || same_row(&lp->lines[*first - 1], o)))
        (*first)--;
    while (*last + 1 < lp->n_lines &&
           (!lp->lines[*last + 1].text || same_row(&lp->lines[*last + 1], o)))
        (*last)++;
}

/* Whether the row of o (all its fragments, not o alone) leaves a white
 * channel through the gap gx0..gx1, wider than a word space and with text
 * on either side, as a gutter or a table column does. A row that ends
 * before the gap or starts after it leaves none. */
static bool row_opens_gap(const layout_page *lp, const line *o, double gx0, double gx1,
                          double size)
{
    size_t first, last;
    row_of(lp, (size_t)(o - lp->lines), &first, &last);
    double covered_to = gx0, widest_white = 0;
    bool left = false, right = false;
    for (size_t k = first; k <= last; k++) {
        const line *l = &lp->lines[k];
        if (!l->text)
            continue;
        left = left || l->box.x0 < gx0;
        right = right || l->box.x1 > gx1;
        if (l->box.x1 <= covered_to || l->box.x0 >= gx1)
            continue;
        widest_white = fmax(widest_white, l->box.x0 - covered_to);
        covered_to = l->box.x1;
    }
    widest_white = fmax(widest_white, gx1 - covered_to);
    return widest_white > FRAGMENT_GAP_EM * size && left && right;
}

/* Whether the gap between a and b is a space of a justified line: three
 * words or more in a row, a and b's among them, stand that same width
 * apart (justification stretches every space of a line alike), and *end
 * gets where the last of them ends. The cells of a table row have word
 * spaces inside them and wider gaps between. */
static bool evenly_spaced(const layout_page *lp, const line *a, const line *b, double *end)
{
    double gap = b->box.x0 - a->box.x1, tolerance = EVEN_SPACE_EM * a->size;
    size_t first = a->first_word + a->n_words - 1, last = b->first_word;
    while (first > 0 &&
           fabs(box_cy(lp->words[first - 1].box) - box_cy(lp->words[first].box)) <
               0.3 * box_height(lp->words[first].box) &&
           fabs(lp->words[first].box.x0 - lp->words[first - 1].box.x1 - gap) <= tolerance)
        first--;
    while (last + 1 < lp->n_row_words &&
           fabs(box_cy(lp->words[last + 1].box) - box_cy(lp->words[last].box)) <
               0.3 * box_height(lp->words[last].box) &&
           fabs(lp->words[last + 1].box.x0 - lp->words[last].box.x1 - gap) <= tolerance)
        last++;
    *end = lp->words[last].box.x1;
    return last >= first + 2;
}

/* Whether a line of the row of o ends at x, to within tolerance. */
static bool row_ends_at(const layout_page *lp, const line *o, double x, double tolerance)
{
    size_t first, last;
    row_of(lp, (size_t)(o - lp->lines), &first, &last);
    for (size_t k = first; k <= last; k++)
        if (lp->lines[k].text && fabs(lp->lines[k].box.x1 - x) <= tolerance)
            return true;
    return false;
}

static void merge_into(layout_page *lp, line *a, line *b)
{
    /* Words of a and b are neighbours in the words array (same row, x order). */
    a->n_words += b->n_words;
    a->box = box_union(a->box, b->box);
    a->size = line_size(lp->words + a->first_word, a->n_words);
    free(a->text);
    a->text = join_line_words(lp->words + a->first_word, a->n_words);
    free(b->text);
    b->text = NULL;
}

static void rejoin_justified_fragments(layout_page *lp)
{
    size_t first_row = 0; /* vertical lines come first, then the rows */
    while (first_row < lp->n_lines && lp->words[lp->lines[first_row].first_word].vertical)
        first_row++;
    row_index rows;
    row_index_build(&rows, lp->n_lines > first_row ? &lp->lines[first_row].box : NULL,
                    sizeof *lp->lines, lp->n_lines - first_row);
    for (size_t i = 0; i + 1 < lp->n_lines; i++) {
        line *a = &lp->lines[i];
        if (!a->text)
            continue;
        size_t j = i + 1;
        while (j < lp->n_lines && !lp->lines[j].text)
            j++;
        if (j >= lp->n_lines)
            break;
        line *b = &lp->lines[j];
        double gap = b->box.x0 - a->box.x1;
        if (b->first_word != a->first_word + a->n_words || !same_row(a, b) || gap <= 0 ||
            gap > JUSTIFIED_GAP_EM * a->size)
            continue;
        box joined = box_union(a->box, b->box);
        const line *up = nearest_line(lp, first_row, &rows, joined, -1);
        const line *down = nearest_line(lp, first_row, &rows, joined, +1);
        /* a justified line is stretched to the measure, where the lines
         * of its paragraph above or below it end too */
        double end, tolerance = EVEN_SPACE_EM * a->size;
        bool even = evenly_spaced(lp, a, b, &end) &&
                    ((up && row_ends_at(lp, up, end, tolerance)) ||
                     (down && row_ends_at(lp, down, end, tolerance)));
        int cross = 0, open = 0;
        for (int k = 0; k < 2; k++) {
            const line *o = k ? down : up;
            if (!o)
                continue;
            if (!even) {
                /* a line above or below runs across the gap */
                cross += crosses(o, a->box.x1, b->box.x0);
                open += !crosses(o, a->box.x1, b->box.x0);
                continue;
            }
            /* In an evenly spaced row a channel that the row beyond the
             * neighbour closes is two stretched spaces that met by chance
             * (justified lines stretch theirs each to its own width); a
             * gutter or a table column runs on. */
            if (row_opens_gap(lp, o, a->box.x1, b->box.x0, fmin(a->size, o->size))) {
                box next = {joined.x0, o->box.y0, joined.x1, o->box.y1};
                const line *beyond = nearest_line(lp, first_row, &rows, next, k ? +1 : -1);
                open += !beyond || row_opens_gap(lp, beyond, a->box.x1, b->box.x0,
                                                 fmin(a->size, beyond->size));
            }
        }
        /* an evenly spaced row is one line unless a gutter runs through it;
         * another only where a line above or below runs across the gap */
        if ((even || cross > 0) && open == 0) {
            merge_into(lp, a, b);
            i--; /* a may take the next fragment too */
        }
    }
    row_index_release(&rows);
    size_t kept = 0;
    for (size_t i = 0; i < lp->n_lines; i++)
        if (lp->lines[i].text)
            lp->lines[kept++] = lp->lines[i];
    lp->n_lines = kept;
}

/* --------------------------------------------------------------- blocks */

/* Whether a word has letters or digits (a bullet or a status glyph has
 * none, and does not count when a line's weight is judged). */
static bool has_letters(const char *t)
{
    const char *end = t + strlen(t);
    while (t < end) {
        uint32_t cp = utf8_next(&t, end);
        if (is_alpha_cp(cp) || is_digit_cp(cp))
            return true;
    }
    return false;
}

static bool line_all_bold(const layout_page *lp, const line *l)
{
    size_t counted = 0;
    for (size_t i = l->first_word; i < l->first_word + l->n_words; i++) {
        if (!has_letters(lp->words[i].text))
            continue;
        if (!lp->words[i].bold)
            return false;
        counted++;
    }
    return counted > 0;
}

/* A line that shares its row with another line: a table cell, or a line of
 * one column of a two-column page. */
static bool has_row_sibling(const layout_page *lp, size_t index)
{
    const line *l = &lp->lines[index];
    for (size_t k = index; k-- > 0;) {
        const line *o = &lp->lines[k];
        if (o->box.y1 < l->box.y0 - 2 * l->size)
            break;
        if (span_overlap(o->box.y0, o->box.y1, l->box.y0, l->box.y1) > 0.5 * box_height(l->box))
            return true;
    }
    for (size_t k = index + 1; k < lp->n_lines; k++) {
        const line *o = &lp->lines[k];
        if (o->box.y0 > l->box.y1)
            break;
        if (span_overlap(o->box.y0, o->box.y1, l->box.y0, l->box.y1) > 0.5 * box_height(l->box))
            return true;
    }
    return false;
}

static bool starts_with_bullet(const char *s)
{
    static const char *const bullets[] = {"\xE2\x80\xA2 ", "- ", "\xE2\x80\x93 ",
                                          "\xE2\x96\xAA ", "* ", "\xE2\x97\x8F "};
    for (size_t i = 0; i < sizeof bullets / sizeof *bullets; i++)
        if (strncmp(s, bullets[i], strlen(bullets[i])) == 0)
            return true;
    return false;
}

typedef struct block_draft {
    size_t last_line;  /* index of its lowest line so far */
    box box;
    float size;
    size_t n_lines;
    bool bold;         /* every line so far all bold */
    bool short_cells;  /* made of short lines that share rows (table cells) */
} block_draft;

static bool ends_full_stop(const char *s)
{
    size_t len = strlen(s);
    return len > 0 && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?');
}

static bool continues_block(const layout_page *lp, const block_draft *b,
                            const line *l, bool l_bold, bool l_short_cell)
{
    const line *p = &lp->lines[b->last_line];
    float size = p->size > l->size ? p->size : l->size;
    double gap = l->box.y0 - p->box.y1;
    if (gap < -0.3 * size || gap > LINE_GAP_EM * size)
        return false;
    if (l->size > 1.15f * p->size || p->size > 1.15f * l->size)
        return false;
    double overlap = span_overlap(p->box.x0, p->box.x1, l->box.x0, l->box.x1);
    if (overlap <= 0)
        return false;
    double narrow = fmin(box_width(p->box), box_width(l->box));
    bool aligned = fabs(l->box.x0 - b->box.x0) <= 1.0 * size;
    if (overlap < 0.5 * narrow && !aligned)
        return false;
    if (b->short_cells && l_short_cell)
        return false;
    /* a heading (all bold) ends where body text starts; bold text after
     * body text starts a new block where the body ended a sentence */
    if (b->bold && !l_bold)
        return false;
    if (l_bold && (b->bold || !ends_full_stop(p->text)) && fabsf(l->size - p->size) > 0.05f * size)
        return false; /* bold in another size: a heading over a list item, or a list item */
    if (!b->bold && l_bold && ends_full_stop(p->text))
        return false;
    if (starts_with_bullet(l->text))
        return false;
    /* An indented first line starts a paragraph (text without spacing). */
    if (l->box.x0 > b->box.x0 + INDENT_EM * size &&
        fabs(p->box.x0 - b->box.x0) < 0.3 * size && b->n_lines > 1)
        return false;
    /* A short line ending a sentence ended its paragraph. */
    if (b->n_lines > 1 && text_ends_sentence(p->text) &&
        p->box.x1 < b->box.x1 - 0.3 * box_width(b->box))
        return false;
    return true;
}

static char *join_block_text(const layout_page *lp, const line *lines, size_t n);

/* Lines [start, end) of block b as a block of their own. */
static block block_part(const layout_page *lp, const block *b, size_t start, size_t end)
{
    block part = *b;
    part.first_line = start;
    part.n_lines = end - start;
    part.box = lp->lines[start].box;
    for (size_t j = start; j < end; j++)
        part.box = box_union(part.box, lp->lines[j].box);
    part.text = join_block_text(lp, lp->lines + start, end - start);
    return part;
}

/* Where the text of a line stands: the bottom of its words of the line's
 * own size (a bigger glyph or initial does not move it). */
static double text_bottom(const layout_page *lp, const line *l)
{
    double bottom = -INFINITY;
    for (size_t i = l->first_word; i < l->first_word + l->n_words; i++)
        if (fabsf(word_size(&lp->words[i]) - l->size) < 0.25f)
            bottom = fmax(bottom, lp->words[i].box.y1);
    return isfinite(bottom) ? bottom : l->box.y1;
}

/* Whether the line break after line a was not forced by wrapping: the
 * first word of the next line would have fitted in the room left at the
 * end of a (the room measured to the block's right edge). Only for
 * left-aligned lines, and never after a hyphen. */
static bool hard_line_break(const layout_page *lp, const line *a, const line *b,
                            const box *block_box)
{
    float em = a->size;
    if (fabs(a->box.x0 - block_box->x0) > em || fabs(b->box.x0 - block_box->x0) > em)
        return false;
    size_t len = strlen(a->text);
    if (len && (a->text[len - 1] == '-' || strstr(a->text + (len > 3 ? len - 3 : 0), "\xE2\x80\x90") ||
                strstr(a->text + (len > 2 ? len - 2 : 0), "\xC2\xAD")))
        return false;
    const word *next_word = &lp->words[b->first_word];
    double room = block_box->x1 - a->box.x1;
    if (room > box_width(next_word->box) + 0.5 * em)
        return true;
    /* A column a few words wide is a list of labels, not wrapped prose:
     * a line there starting with a capital starts an item. */
    const char *t = next_word->text;
    return box_width(*block_box) < 12 * em && is_upper_cp(utf8_next(&t, t + strlen(t)));
}

/* Paragraphs set with a little space between them can fall within the
 * line gap allowed above; a line pitch clearly wider than the block's usual
 * one is a paragraph break. So is a line break that wrapping does not
 * explain (short lines each with an icon, legends, lists). */
static void split_blocks_at_paragraph_breaks(layout_page *lp)
{
    block *out = NULL;
    size_t n_out = 0, cap = 0;
    for (size_t k = 0; k < lp->n_blocks; k++) {
        block *b = &lp->blocks[k];
        size_t n_pitch = b->n_lines > 1 ? b->n_lines - 1 : 0;
        double median = 0;
        if (n_pitch >= 2) {
            double *pitch = xmalloc(n_pitch * sizeof *pitch);
            for (size_t i = 0; i < n_pitch; i++)
                pitch[i] = text_bottom(lp, &lp->lines[b->first_line + i + 1]) -
                           text_bottom(lp, &lp->lines[b->first_line + i]);
            sort_array(pitch, n_pitch, sizeof *pitch, compare_doubles);
            median = pitch[n_pitch / 2 - (n_pitch % 2 == 0)];
            free(pitch);
        }
        size_t start = b->first_line, end = b->first_line + b->n_lines;
        for (size_t i = start + 1; i <= end; i++) {
            bool cut = i == end;
            if (!cut && median > 0) {
                double pitch = text_bottom(lp, &lp->lines[i]) - text_bottom(lp, &lp->lines[i - 1]);
                cut = pitch > 1.2 * median;
            }
            if (!cut)
                cut = hard_line_break(lp, &lp->lines[i - 1], &lp->lines[i], &b->box);
            if (!cut)
                continue;
            ARRAY_PUSH(out, n_out, cap, block_part(lp, b, start, i));
            start = i;
        }
        free(b->text);
    }
    free(lp->blocks);
    lp->blocks = out;
    lp->n_blocks = n_out;
}

static int compare_line_pos(const void *a, const void *b)
{
    const line *la = a, *lb = b;
    double ya = box_cy(la->box), yb = box_cy(lb->box);
    double tol = 0.3 * fmin(box_height(la->box), box_height(lb->box));
    if (fabs(ya - yb) > tol)
        return ya < yb ? -1 : 1;
    return la->box.x0 < lb->box.x0 ? -1 : la->box.x0 > lb->box.x0;
}

static char *join_block_text(const layout_page *lp, const line *lines, size_t n)
{
    (void)lp;
    strbuf sb;
    strbuf_init(&sb);
    for (size_t i = 0; i < n; i++)
        text_join_line(&sb, lines[i].text);
    /* A soft hyphen may be left at the very end: the paragraph continues in
     * the next column or page, where text_join_line joins it. */
    return strbuf_take(&sb);
}

void layout_blocks_from_lines(layout_page *lp)
{
    sort_array(lp->lines, lp->n_lines, sizeof *lp->lines, compare_line_pos);
    size_t *owner = xcalloc(lp->n_lines ? lp->n_lines : 1, sizeof *owner);
    block_draft *drafts = NULL;
    size_t n_drafts = 0, cap_drafts = 0;
    /* The drafts a line may still join: lines come top to bottom (within
     * a line height), so a draft that ends far above one line ends far
     * above all that follow and is dropped from the list for good. */
    size_t *open = xcalloc(lp->n_lines ? lp->n_lines : 1, sizeof *open);
    size_t n_open = 0;
    double reach = 0;
    for (size_t i = 0; i < lp->n_lines; i++)
        reach = fmax(reach, 3 * lp->lines[i].size + 1.5 * box_height(lp->lines[i].box));
    for (size_t i = 0; i < lp->n_lines; i++) {
        const line *l = &lp->lines[i];
        bool l_bold = line_all_bold(lp, l);
        bool l_short = box_width(l->box) < COLUMN_MIN_EM * l->size && has_row_sibling(lp, i);
        size_t still_open = 0;
        for (size_t k = 0; k < n_open; k++)
            if (lp->lines[drafts[open[k]].last_line].box.y1 >= l->box.y0 - reach)
                open[still_open++] = open[k];
        n_open = still_open;
        size_t best = SIZE_MAX;
        double best_gap = INFINITY;
        for (size_t o = n_open; o-- > 0;) {
            size_t k = open[o];
            const block_draft *b = &drafts[k];
            if (lp->lines[b->last_line].box.y1 < l->box.y0 - 3 * l->size)
                continue;
            if (!continues_block(lp, b, l, l_bold, l_short))
                continue;
            double gap = l->box.y0 - lp->lines[b->last_line].box.y1;
            if (gap < best_gap) {
                best_gap = gap;
                best = k;
            }
        }
        if (best == SIZE_MAX) {
            block_draft d = {.last_line = i, .box = l->box, .size = l->size,
                             .n_lines = 1, .bold = l_bold, .short_cells = l_short};
            ARRAY_PUSH(drafts, n_drafts, cap_drafts, d);
            owner[i] = n_drafts - 1;
            open[n_open++] = n_drafts - 1;
            continue;
        }
        block_draft *b = &drafts[best];
        b->last_line = i;
        b->box = box_union(b->box, l->box);
        b->n_lines++;
        b->bold = b->bold && l_bold;
        b->short_cells = b->short_cells && l_short;
        owner[i] = best;
    }
    /* Regroup lines so that each block's lines are contiguous. */
    line *sorted = xcalloc(lp->n_lines ? lp->n_lines : 1, sizeof *sorted);
    lp->blocks = xcalloc(n_drafts ? n_drafts : 1, sizeof *lp->blocks);
    size_t pos = 0;
    for (size_t k = 0; k < n_drafts; k++) {
        lp->blocks[k].first_line = pos;
        pos += drafts[k].n_lines;
    }
    for (size_t i = 0; i < lp->n_lines; i++) {
        block *bl = &lp->blocks[owner[i]];
        sorted[bl->first_line + bl->n_lines++] = lp->lines[i];
    }
    for (size_t k = 0; k < n_drafts; k++) {
        block *bl = &lp->blocks[k];
        bl->box = drafts[k].box;
        bl->size = drafts[k].size;
        bl->bold = drafts[k].bold;
        bl->font = lp->words[sorted[bl->first_line].first_word].font;
        bl->text = join_block_text(lp, sorted + bl->first_line, bl->n_lines);
    }
    free(lp->lines);
    lp->lines = sorted;
    lp->n_blocks = n_drafts;
    free(drafts);
    free(open);
    free(owner);
    split_blocks_at_paragraph_breaks(lp);
}

/* -------------------------------------------------------- reading order */

typedef struct region {
    const layout_page *lp;
    size_t *idx;   /* block indices */
    size_t n;
} region;

static double region_em(const region *r)
{
    double sum = 0;
    for (size_t i = 0; i < r->n; i++)
        sum += r->lp->blocks[r->idx[i]].size;
    return r->n ? sum / (double)r->n : 10;
}

static const box *block_box(const region *r, size_t i)
{
    return &r->lp->blocks[r->idx[i]].box;
}

typedef struct x_span {
    double x0, x1;
} x_span;

static int compare_x_span(const void *a, const void *b)
{
    const x_span *p = a, *q = b;
    return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* The widest vertical gap between blocks of r (by x projection): returns
 * its width, and its edges in *gx0, *gx1; 0 where there is none. */
static double widest_vertical_gap(const region *r, double *gx0, double *gx1)
{
    x_span *spans = xmalloc(r->n * sizeof *spans);
    for (size_t i = 0; i < r->n; i++)
        spans[i] = (x_span){block_box(r, i)->x0, block_box(r, i)->x1};
    sort_array(spans, r->n, sizeof *spans, compare_x_span);
    double best = 0, reach = spans[0].x1;
    for (size_t i = 1; i < r->n; i++) {
        if (spans[i].x0 - reach > best) {
            best = spans[i].x0 - reach;
            *gx0 = reach;
            *gx1 = spans[i].x0;
        }
        if (spans[i].x1 > reach)
            reach = spans[i].x1;
    }
    free(spans);
    return best;
}

/* A side of a cut that holds running prose: wide enough, and its lines
 * mostly fill its width (table columns of numbers do not). */
static bool side_is_prose_column(const region *r, double x_lo, double x_hi,
                                 double em)
{
    double x0 = INFINITY, x1 = -INFINITY, filled = 0;
    size_t lines = 0;
    for (size_t i = 0; i < r->n; i++) {
        const block *b = &r->lp->blocks[r->idx[i]];
        if (b->box.x1 <= x_lo || b->box.x0 >= x_hi)
            continue;
        x0 = fmin(x0, b->box.x0);
        x1 = fmax(x1, b->box.x1);
        for (size_t k = b->first_line; k < b->first_line + b->n_lines; k++) {
            filled += box_width(r->lp->lines[k].box);
            lines++;
        }
    }
    if (lines < 2 || x1 - x0 < COLUMN_MIN_EM * em)
        return false;
    return filled / ((double)lines * (x1 - x0)) >= 0.55;
}

static bool strong_vertical_cut(const region *r, double *gx0, double *gx1)
{
    if (r->n < 2)
        return false;
    double em = region_em(r);
    if (widest_vertical_gap(r, gx0, gx1) < CUT_GAP_EM * em)
        return false;
    return side_is_prose_column(r, -INFINITY, *gx0 + 0.01, em) &&
           side_is_prose_column(r, *gx1 - 0.01, INFINITY, em);
}

static void emit_ordered(region *r, size_t *out, size_t *n_out, int depth);

/* Splits r at x (between gx0 and gx1) and orders left, then right. */
static void split_vertical(region *r, double gx0, double gx1, size_t *out,
                           size_t *n_out, int depth)
{
    double mid = (gx0 + gx1) / 2;
    size_t *left = xmalloc(r->n * sizeof *left), *right = xmalloc(r->n * sizeof *right);
    size_t nl = 0, nr = 0;
    for (size_t i = 0; i < r->n; i++) {
        if ((block_box(r, i)->x0 + block_box(r, i)->x1) / 2 < mid)
            left[nl++] = r->idx[i];
        else
            right[nr++] = r->idx[i];
    }
    region a = {r->lp, left, nl}, b = {r->lp, right, nr};
    emit_ordered(&a, out, n_out, depth + 1);
    emit_ordered(&b, out, n_out, depth + 1);
    free(left);
    free(right);
}

static int compare_block_y(const void *a, const void *b, const layout_page *lp)
{
    const box *x = &lp->blocks[*(const size_t *)a].box;
    const box *y = &lp->blocks[*(const size_t *)b].box;
    if (x->y0 != y->y0)
        return x->y0 < y->y0 ? -1 : 1;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static void sort_by_y(const layout_page *lp, size_t *idx, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        size_t v = idx[i], j = i;
        while (j > 0 && compare_block_y(&idx[j - 1], &v, lp) > 0) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = v;
    }
}

/* A heading between two-column stretches starts a new section, even
 * where it sits on one side of the gutter. */
static bool has_heading(const region *r, double em)
{
    for (size_t i = 0; i < r->n; i++) {
        const block *b = &r->lp->blocks[r->idx[i]];
        if (b->bold || b->size > 1.15 * em)
            return true;
    }
    return false;
}

static bool crosses_gutter(const region *r, double g0, double g1)
{
    for (size_t i = 0; i < r->n; i++) {
        const box *b = block_box(r, i);
        if (b->x1 > g0 + 0.01 && b->x0 < g1 - 0.01)
            return true;
    }
    return false;
}

typedef struct band_info {
    region band;
    bool strong;
    double g0, g1;
} band_info;

/* Whether a band that has no gutter of its own belongs to columns with
 * gutter [g0, g1]: nothing crosses the gutter, and it either has blocks on
 * both sides or no heading. */
static bool joins_columns(const band_info *b, double g0, double g1, double em)
{
    if (crosses_gutter(&b->band, g0, g1))
        return false;
    bool left = false, right = false;
    for (size_t i = 0; i < b->band.n; i++) {
        const box *bx = block_box(&b->band, i);
        left = left || bx->x1 <= g0 + 0.01;
        right = right || bx->x0 >= g1 - 0.01;
    }
    return (left && right) || !has_heading(&b->band, em);
}

/* Cuts r into horizontal bands separated by white space; bands that share
 * a prose gutter are kept together (paragraph gaps that happen to line up
 * in both columns are not section breaks). Returns the number of groups,
 * with group starts in starts[] over the y-sorted r->idx. */
static size_t horizontal_groups(region *r, size_t *starts)
{
    sort_by_y(r->lp, r->idx, r->n);
    size_t n_bands = 0;
    double reach = -INFINITY;
    for (size_t i = 0; i < r->n; i++) {
        const box *b = block_box(r, i);
        if (i == 0 || b->y0 > reach)
            starts[n_bands++] = i;
        reach = i == 0 ? b->y1 : fmax(reach, b->y1);
    }
    if (n_bands < 2)
        return n_bands;
    /* Merge neighbouring bands with a common strong gutter. A band that
     * does not cross the gutter continues the columns too: a paragraph's
     * end beside a column heading, or a block beside a picture. Alone on
     * one side of the gutter, a heading starts a new section instead. */
    band_info *info = xcalloc(n_bands, sizeof *info);
    for (size_t k = 0; k < n_bands; k++) {
        size_t end = k + 1 < n_bands ? starts[k + 1] : r->n;
        info[k].band = (region){r->lp, r->idx + starts[k], end - starts[k]};
        info[k].strong = strong_vertical_cut(&info[k].band, &info[k].g0, &info[k].g1);
    }
    double em = region_em(r);
    size_t n_groups = 0;
    double gutter0 = 0, gutter1 = 0;
    bool in_columns = false;
    for (size_t k = 0; k < n_bands; k++) {
        band_info *b = &info[k];
        bool merge = false;
        if (in_columns && b->strong && span_overlap(b->g0, b->g1, gutter0, gutter1) > 0) {
            merge = true;
            gutter0 = fmax(b->g0, gutter0);
            gutter1 = fmin(b->g1, gutter1);
        } else if (in_columns && !b->strong && joins_columns(b, gutter0, gutter1, em)) {
            merge = true;
        }
        if (merge)
            continue;
        starts[n_groups++] = starts[k];
        in_columns = b->strong;
        gutter0 = b->g0;
        gutter1 = b->g1;
        if (!b->strong && k + 1 < n_bands && info[k + 1].strong &&
            joins_columns(b, info[k + 1].g0, info[k + 1].g1, em)) {
            in_columns = true;
            gutter0 = info[k + 1].g0;
            gutter1 = info[k + 1].g1;
        }
    }
    free(info);
    return n_groups;
}

enum { MAX_CUT_DEPTH = 64 };

static void emit_ordered(region *r, size_t *out, size_t *n_out, int depth)
{
    if (r->n == 0)
        return;
    if (r->n == 1 || depth > MAX_CUT_DEPTH) {
        sort_by_y(r->lp, r->idx, r->n);
        for (size_t i = 0; i < r->n; i++)
            out[(*n_out)++] = r->idx[i];
        return;
    }
    double gx0, gx1;
    if (strong_vertical_cut(r, &gx0, &gx1)) {
        split_vertical(r, gx0, gx1, out, n_out, depth);
        return;
    }
    size_t *starts = xmalloc(r->n * sizeof *starts);
    size_t groups = horizontal_groups(r, starts);
    if (groups > 1) {
        for (size_t k = 0; k < groups; k++) {
            size_t end = k + 1 < groups ? starts[k + 1] : r->n;
            region g = {r->lp, r->idx + starts[k], end - starts[k]};
            emit_ordered(&g, out, n_out, depth + 1);
        }
        free(starts);
        return;
    }
    free(starts);
    double em = region_em(r);
    if (widest_vertical_gap(r, &gx0, &gx1) >= 0.3 * em) {
        split_vertical(r, gx0, gx1, out, n_out, depth);
        return;
    }
    sort_by_y(r->lp, r->idx, r->n);
    for (size_t i = 0; i < r->n; i++)
        out[(*n_out)++] = r->idx[i];
}

void layout_reading_order(layout_page *lp)
{
    if (lp->n_blocks == 0)
        return;
    size_t *idx = xmalloc(lp->n_blocks * sizeof *idx);
    size_t *out = xmalloc(lp->n_blocks * sizeof *out);
    for (size_t i = 0; i < lp->n_blocks; i++)
        idx[i] = i;
    region all = {lp, idx, lp->n_blocks};
    size_t n_out = 0;
    emit_ordered(&all, out, &n_out, 0);
    block *ordered = xmalloc(lp->n_blocks * sizeof *ordered);
    for (size_t i = 0; i < n_out; i++) {
        ordered[i] = lp->blocks[out[i]];
        ordered[i].order = (int)i;
    }
    free(lp->blocks);
    lp->blocks = ordered;
    free(idx);
    free(out);
}

/* The right edge a block's lines wrap at, where the block alone cannot
 * show it (two lines, the first the longest): the edge of the nearest
 * paragraphs before and after it (a few blocks away at most, past
 * headings and short notes) that start where it starts. */
static double wrap_edge(const layout_page *lp, size_t k)
{
    const block *b = &lp->blocks[k];
    double edge = b->box.x1;
    for (int dir = -1; dir <= 1; dir += 2) {
        int looked_at = 0;
        for (size_t j = k; looked_at < 4 && (dir < 0 ? j-- > 0 : ++j < lp->n_blocks);) {
            const block *o = &lp->blocks[j];
            if (o->furniture)
                continue;
            looked_at++;
            if (fabs(o->box.x0 - b->box.x0) < b->size && o->n_lines >= 2 &&
                fabsf(o->size - b->size) < 0.1f * b->size)
                edge = fmax(edge, o->box.x1);
        }
    }
    return edge;
}

/* Line breaks that wrapping does not explain, judged against the edge the
 * neighbouring paragraphs wrap at: "Uppdrag: … omsorgskontakt." over
 * "Fast omsorgskontakt infördes …". */
static void split_at_neighbour_edges(layout_page *lp)
{
    block *out = NULL;
    size_t n_out = 0, cap = 0;
    for (size_t k = 0; k < lp->n_blocks; k++) {
        block *b = &lp->blocks[k];
        box edge = b->box;
        edge.x1 = wrap_edge(lp, k);
        size_t start = b->first_line, end = b->first_line + b->n_lines;
        bool split = false;
        for (size_t i = start + 1; i <= end; i++) {
            if (i < end && !hard_line_break(lp, &lp->lines[i - 1], &lp->lines[i], &edge))
                continue;
            if (i == end && !split) {
                ARRAY_PUSH(out, n_out, cap, *b);
                break;
            }
            split = true;
            ARRAY_PUSH(out, n_out, cap, block_part(lp, b, start, i));
            start = i;
        }
        if (split)
            free(b->text);
    }
    for (size_t i = 0; i < n_out; i++)
        out[i].order = (int)i;
    free(lp->blocks);
    lp->blocks = out;
    lp->n_blocks = n_out;
}

/* ----------------------------------------------------------------- page */

void layout_words_near(const layout_page *lp, double y0, double y1, size_t *lo, size_t *hi)
{
    row_index_range(&lp->word_rows, y0, y1, 0, lo, hi);
}

/* Which way the page's text reads, from its characters: two neighbours in
 * content order stacked one over the other read upwards or downwards, two
 * side by side on a row read upright, each pair weighed by its type size
 * (the extent of text it stands for). A page is turned where the stacked
 * weigh SIDEWAYS_MAJORITY times the upright: a page set sideways keeps
 * next to nothing upright (a page number, a running head), while a chart
 * whose axis labels stand on end, a cover with its title up the side or a
 * credit up the margin keep a heading and a line or two upright. */
#define SIDEWAYS_MAJORITY 8.0

quarter_turn layout_text_turn(const pdf_char *chars, size_t n)
{
    double upwards = 0, downwards = 0, upright = 0;
    for (size_t i = 1; i < n; i++) {
        const pdf_char *prev = &chars[i - 1], *c = &chars[i];
        if (is_space_cp(prev->cp) || is_space_cp(c->cp) || prev->cp < 0x20 || c->cp < 0x20)
            continue;
        double size = fmax(prev->size, c->size);
        if (size <= 0)
            continue;
        double dy = box_cy(c->box) - box_cy(prev->box);
        if (on_end(prev, c, size)) {
            if (dy < 0)
                upwards += size;
            else
                downwards += size;
        } else if (fabs(dy) < 0.3 * size && c->box.x0 >= prev->box.x0 &&
                   c->box.x0 - prev->box.x1 < WORD_GAP_EM * size) {
            upright += size;
        }
    }
    double sideways = upwards + downwards;
    if (sideways == 0 || sideways <= SIDEWAYS_MAJORITY * upright || upwards == downwards)
        return TURN_NONE;
    return upwards > downwards ? TURN_CLOCKWISE : TURN_ANTICLOCKWISE;
}

void layout_page_build(layout_page *lp, pdf_page *page, pdf_doc *source)
{
    memset(lp, 0, sizeof *lp);
    lp->number = page->number;
    lp->page_width = page->width;
    lp->page_height = page->height;
    lp->turn = layout_text_turn(page->chars, page->n_chars);
    for (size_t i = 0; lp->turn != TURN_NONE && i < page->n_chars; i++)
        page->chars[i].box = box_turned(page->chars[i].box, lp->turn, page->width, page->height);
    box read = box_turned((box){0, 0, page->width, page->height}, lp->turn, page->width,
                          page->height);
    lp->width = box_width(read);
    lp->height = box_height(read);
    lp->n_chars = page->n_chars;
    lp->n_words = layout_words_from_chars(page->chars, page->n_chars, &lp->words);
    lp->source = source;
    layout_lines_from_words(lp);
    row_index_build(&lp->word_rows, lp->n_row_words ? &lp->words[0].box : NULL,
                    sizeof *lp->words, lp->n_row_words);
    rejoin_justified_fragments(lp);
    layout_blocks_from_lines(lp);
    layout_reading_order(lp);
    split_at_neighbour_edges(lp);
    lp->word_line = xcalloc(lp->n_words ? lp->n_words : 1, sizeof *lp->word_line);
    for (size_t l = 0; l < lp->n_lines; l++)
        for (size_t w = lp->lines[l].first_word; w < lp->lines[l].first_word + lp->lines[l].n_words; w++)
            lp->word_line[w] = l;
}

const pdf_image *layout_page_images(layout_page *lp, size_t *n)
{
    if (!lp->images_loaded && lp->source) {
        lp->n_images = pdf_page_images(lp->source, lp->number, &lp->images);
        for (size_t i = 0; i < lp->n_images; i++)
            lp->images[i].box = box_turned(lp->images[i].box, lp->turn, lp->page_width,
                                           lp->page_height);
    }
    lp->images_loaded = true;
    *n = lp->n_images;
    return lp->images;
}

/* --------------------------------------------------------- rendering */

/* Less than a pixel, so that n pixels' worth of region stays n pixels
 * when the renderer rounds it up again. */
#define PIXEL_GRID_SLACK 1e-6

/* Pixels (RGB rows of w) of a page area, turned as the page is read: the
 * new image is h pixels wide and w high. */
static uint8_t *turn_pixels(const uint8_t *px, int w, int h, quarter_turn turn)
{
    uint8_t *out = xmalloc((size_t)w * (size_t)h * 3);
    for (int r = 0; r < w; r++)       /* rows of the turned image */
        for (int c = 0; c < h; c++) { /* its columns */
            int from_r = turn == TURN_CLOCKWISE ? h - 1 - c : c;
            int from_c = turn == TURN_CLOCKWISE ? r : w - 1 - r;
            memcpy(out + ((size_t)r * (size_t)h + (size_t)c) * 3,
                   px + ((size_t)from_r * (size_t)w + (size_t)from_c) * 3, 3);
        }
    return out;
}

int layout_render_region(const layout_page *lp, box area, double scale, uint8_t **pixels,
                         int *width, int *height)
{
    box on_page = box_unturned(area, lp->turn, lp->page_width, lp->page_height);
    /* The rendering is whole pixels from the region's top left, the part
     * of a pixel left over at its bottom and right; turned, those edges
     * lead. So the region starts there instead, a whole number of pixels
     * before its bottom (clockwise) or right edge: the pixel grid then
     * starts at the area's top left, as on an upright page. */
    if (lp->turn == TURN_CLOCKWISE) {
        double n = fmax(1, ceil(box_height(on_page) * scale));
        on_page.y0 = on_page.y1 - (n - PIXEL_GRID_SLACK) / scale;
    } else if (lp->turn == TURN_ANTICLOCKWISE) {
        double n = fmax(1, ceil(box_width(on_page) * scale));
        on_page.x0 = on_page.x1 - (n - PIXEL_GRID_SLACK) / scale;
    }
    int rc = pdf_render_region(lp->source, lp->number, on_page, scale, pixels, width, height);
    if (rc != ARSRED_OK || lp->turn == TURN_NONE)
        return rc;
    uint8_t *turned = turn_pixels(*pixels, *width, *height, lp->turn);
    free(*pixels);
    *pixels = turned;
    int w = *width;
    *width = *height;
    *height = w;
    return rc;
}

/* The overview: the whole page once at screen resolution (1 px/pt, and no
 * more than OVERVIEW_MAX_PIXELS for big pages). Status icons are read from
 * it, so a page costs one render however many lines are looked at. */
#define OVERVIEW_SCALE 1.0
#define OVERVIEW_MAX_PIXELS 4.0e6

static bool load_overview(layout_page *lp)
{
    if (!lp->overview_loaded && lp->source && lp->width > 0 && lp->height > 0) {
        double scale = fmin(OVERVIEW_SCALE, sqrt(OVERVIEW_MAX_PIXELS / (lp->width * lp->height)));
        box page = {0, 0, lp->width, lp->height};
        if (layout_render_region(lp, page, scale, &lp->overview,
                              &lp->overview_width, &lp->overview_height) == ARSRED_OK)
            lp->overview_scale = scale;
    }
    lp->overview_loaded = true;
    return lp->overview != NULL;
}

/* The whole overview pixels inside area (the text beside an area may touch
 * its edge); false where none are. */
static bool overview_span(const layout_page *lp, box area, int *x0, int *y0, int *x1, int *y1)
{
    double s = lp->overview_scale;
    *x0 = (int)fmax(0, ceil(area.x0 * s));
    *y0 = (int)fmax(0, ceil(area.y0 * s));
    *x1 = (int)fmin(lp->overview_width, floor(area.x1 * s));
    *y1 = (int)fmin(lp->overview_height, floor(area.y1 * s));
    return *x1 > *x0 && *y1 > *y0;
}

bool layout_page_blank(layout_page *lp, box area)
{
    int x0, y0, x1, y1;
    if (!load_overview(lp))
        return false; /* not known: the caller looks closer */
    if (!overview_span(lp, area, &x0, &y0, &x1, &y1))
        return true;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            const uint8_t *p = lp->overview + ((size_t)y * (size_t)lp->overview_width + (size_t)x) * 3;
            /* a small mark drawn at a fraction of a pixel still greys it */
            if (p[0] < 250 || p[1] < 250 || p[2] < 250)
                return false;
        }
    return true;
}

bool layout_page_overview(layout_page *lp, box area, uint8_t **pixels, int *width, int *height,
                          double *scale, box *got)
{
    int x0, y0, x1, y1;
    if (!load_overview(lp) || !overview_span(lp, area, &x0, &y0, &x1, &y1))
        return false;
    int w = x1 - x0, h = y1 - y0;
    uint8_t *out = xmalloc((size_t)w * (size_t)h * 3);
    for (int y = 0; y < h; y++)
        memcpy(out + (size_t)y * (size_t)w * 3,
               lp->overview + ((size_t)(y0 + y) * (size_t)lp->overview_width + (size_t)x0) * 3,
               (size_t)w * 3);
    *pixels = out;
    *width = w;
    *height = h;
    *scale = lp->overview_scale;
    *got = (box){x0 / lp->overview_scale, y0 / lp->overview_scale, x1 / lp->overview_scale,
                 y1 / lp->overview_scale};
    return true;
}

void layout_page_release(layout_page *lp)
{
    free(lp->overview);
    for (size_t i = 0; i < lp->n_words; i++)
        free(lp->words[i].text);
    for (size_t i = 0; i < lp->n_lines; i++)
        free(lp->lines[i].text);
    for (size_t i = 0; i < lp->n_blocks; i++)
        free(lp->blocks[i].text);
    free(lp->words);
    free(lp->word_line);
    row_index_release(&lp->word_rows);
    free(lp->lines);
    free(lp->blocks);
    free(lp->images);
    memset(lp, 0, sizeof *lp);
}

/* ------------------------------------------------------ continuations */

void layout_mark_continuations(layout_page *lp, paragraph_state *st)
{
    for (size_t i = 0; i < lp->n_blocks; i++) {
        block *b = &lp->blocks[i];
        if (b->furniture || b->in_table) /* a table can stand inside a paragraph */
            continue;
        bool same_size = st->size > 0 && b->size <= 1.1f * st->size &&
                         st->size <= 1.1f * b->size;
        bool new_column = st->page != lp->number || b->box.y0 < st->y0;
        const line *first = &lp->lines[b->first_line];
        double next_word = box_width(lp->words[first->first_word].box) + 0.3 * b->size;
        /* a paragraph goes on in the next column or page where its block
         * did not end a sentence, or where its last line is too full to
         * tell that it ended (the next word would not have fitted) */
        bool full = st->room < next_word && st->room < 1.0 * b->size;
        bool carries_on = (st->open && text_starts_lower(b->text)) ||
                          (new_column && st->wide && (st->open || full));
        b->continues = same_size && b->font == st->font && !b->bold && carries_on;
        const line *last = &lp->lines[b->first_line + b->n_lines - 1];
        st->open = !text_ends_sentence(b->text) && !b->bold;
        st->wide = b->n_lines >= 2 && box_width(b->box) >= 15 * b->size && !b->bold;
        st->room = b->box.x1 - last->box.x1;
        st->size = b->size;
        st->font = b->font;
        st->page = lp->number;
        st->y0 = b->box.y0;
    }
}
