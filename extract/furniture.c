/* furniture.c: running headers, footers and page numbers. */
#include "furniture.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "number.h"
#include "pattern.h"
#include "util.h"

#define MARGIN_BAND 0.13      /* share of the page height at top and bottom */
#define SAME_HEIGHT 0.02      /* share of the page height */

typedef struct signature {
    uint64_t hash;   /* of the text, case folded, digits masked, no spaces */
    double y;        /* centre, as a share of the page height */
    bool top;
} signature;

typedef struct page_signatures {
    int number;
    signature *items;
    size_t n, cap;
} page_signatures;

struct furniture {
    const arsred_patterns *patterns;
    page_signatures *pages;
    size_t n_pages, cap_pages;
};

furniture *furniture_new(const arsred_patterns *patterns)
{
    furniture *f = xcalloc(1, sizeof *f);
    f->patterns = patterns;
    return f;
}

void furniture_free(furniture *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_pages; i++)
        free(f->pages[i].items);
    free(f->pages);
    free(f);
}

static uint64_t masked_hash(const char *text)
{
    char *folded = utf8_casefold(text);
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)folded; *p; p++) {
        unsigned char c = *p;
        if (c == ' ')
            continue;
        if (c >= '0' && c <= '9')
            c = '#';
        h = (h ^ c) * 1099511628211ULL;
    }
    free(folded);
    return h;
}

static bool in_margin(const layout_page *lp, const block *b, bool *top)
{
    if (b->box.y1 <= MARGIN_BAND * lp->height) {
        *top = true;
        return true;
    }
    if (b->box.y0 >= (1 - MARGIN_BAND) * lp->height) {
        *top = false;
        return true;
    }
    return false;
}

bool furniture_in_bottom_margin(const layout_page *lp, const block *b)
{
    bool top;
    return in_margin(lp, b, &top) && !top;
}

static signature signature_of(const layout_page *lp, const block *b, bool top)
{
    return (signature){masked_hash(b->text), box_cy(b->box) / lp->height, top};
}

void furniture_add_page(furniture *f, const layout_page *lp)
{
    page_signatures ps = {.number = lp->number};
    for (size_t i = 0; i < lp->n_blocks; i++) {
        bool top;
        if (in_margin(lp, &lp->blocks[i], &top)) {
            signature s = signature_of(lp, &lp->blocks[i], top);
            ARRAY_PUSH(ps.items, ps.n, ps.cap, s);
        }
    }
    ARRAY_PUSH(f->pages, f->n_pages, f->cap_pages, ps);
}

/* Whether text is a page number, and the number it prints (the page
 * group) in label. */
static bool page_number_in(const furniture *f, const char *text, char *label, size_t size)
{
    const pattern *pats[32];
    size_t n = patterns_of_kind(f->patterns, "layout.page-number", pats, 32);
    size_t len = strlen(text);
    for (size_t i = 0; i < n && i < 32; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], text, len, 0, &m) != PATTERN_MATCHED || m.start != 0 ||
            m.end != len)
            continue;
        const pattern_group *g = pattern_match_group(&m, "page");
        if (label && g && g->set)
            snprintf(label, size, "%.*s", (int)(g->end - g->start), text + g->start);
        return true;
    }
    return false;
}

bool furniture_is_page_number(const furniture *f, const char *text)
{
    return page_number_in(f, text, NULL, 0);
}

static bool page_has(const page_signatures *ps, const signature *s)
{
    for (size_t i = 0; i < ps->n; i++)
        if (ps->items[i].hash == s->hash && ps->items[i].top == s->top &&
            fabs(ps->items[i].y - s->y) <= SAME_HEIGHT)
            return true;
    return false;
}

/* A page number stands alone on its line; a number beside others on the
 * same baseline is a table cell near the bottom of the page. */
static bool alone_on_row(const layout_page *lp, const block *b)
{
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *o = &lp->blocks[i];
        /* beside the running header ("Org.nr 712400-1467   Sida 7 av 13")
         * it is alone among the page's own text */
        if (o != b && !o->furniture &&
            span_overlap(o->box.y0, o->box.y1, b->box.y0, b->box.y1) >
                0.5 * fmin(box_height(o->box), box_height(b->box)))
            return false;
    }
    return true;
}

/* The size most of the page's text is set in, to half a point. */
static float page_body_size(const layout_page *lp)
{
    enum { BINS = 400 }; /* half points up to 200 pt */
    size_t chars[BINS] = {0};
    for (size_t i = 0; i < lp->n_blocks; i++) {
        long bin = lroundf(2 * lp->blocks[i].size);
        if (bin >= 0 && bin < BINS)
            chars[bin] += strlen(lp->blocks[i].text);
    }
    size_t best = 0;
    for (size_t b = 1; b < BINS; b++)
        if (chars[b] > chars[best])
            best = b;
    return (float)best / 2;
}

/* The distance from one line's top to the next's in the page's body text
 * (blocks set in body_size): the most common, to half a point; 0 where no
 * body block has two lines. */
static double page_line_pitch(const layout_page *lp, float body_size)
{
    enum { BINS = 400 }; /* half points up to 200 pt */
    size_t count[BINS] = {0};
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        if (fabsf(b->size - body_size) > 0.5f)
            continue;
        for (size_t k = b->first_line + 1; k < b->first_line + b->n_lines; k++) {
            long bin = lround(2 * (lp->lines[k].box.y0 - lp->lines[k - 1].box.y0));
            if (bin > 0 && bin < BINS)
                count[bin]++;
        }
    }
    size_t best = 0;
    for (size_t b = 1; b < BINS; b++)
        if (count[b] > count[best])
            best = b;
    return (double)best / 2;
}

static bool same_row(const block *a, const block *b)
{
    return span_overlap(a->box.y0, a->box.y1, b->box.y0, b->box.y1) >
           0.5 * fmin(box_height(a->box), box_height(b->box));
}

/* Whether b is a running header or footer that the page shows as one
 * without other pages to compare: it stands in the margin band on the row
 * of a page number, set smaller than the body, and set off from the body
 * by more than a line of it (a footnote or a table's last row keeps to the
 * body's line spacing, and has no page number beside it), with no text
 * between it and the edge of the page. What a short document (a cover and
 * a page) cannot show by repetition. */
static bool beside_page_number(const furniture *f, const layout_page *lp, const block *b,
                               bool top, float body_size, double pitch)
{
    if (pitch <= 0 || b->size >= body_size - 0.5f || furniture_is_page_number(f, b->text))
        return false;
    bool beside = false;
    double body_edge = top ? lp->height : 0; /* the body's nearest line */
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *o = &lp->blocks[i];
        bool o_top;
        if (o == b)
            continue;
        if (same_row(o, b)) {
            beside = beside || (in_margin(lp, o, &o_top) && o_top == top &&
                                furniture_is_page_number(f, o->text));
            continue;
        }
        /* a footer is the page's last row, a header its first: a
         * footnote's mark is no page number, nor its lines a footer */
        if (top ? o->box.y1 <= b->box.y0 : o->box.y0 >= b->box.y1)
            return false;
        if (o->furniture)
            continue;
        if (top && o->box.y0 >= b->box.y1)
            body_edge = fmin(body_edge, o->box.y0);
        if (!top && o->box.y1 <= b->box.y0)
            body_edge = fmax(body_edge, o->box.y1);
    }
    double gap = top ? body_edge - b->box.y1 : b->box.y0 - body_edge;
    return beside && gap > pitch;
}

/* A word of a figure: an amount or a percentage, or the group of three
 * digits a thousands space split off one ("091,68" of "556 091,68"). A
 * date or a year is not one. */
static bool is_figure_word(const char *text)
{
    number n;
    number_kind k = number_parse(text, strlen(text), &n);
    /* a year-like figure under a head is a figure too ("Värdeår 1970") */
    if (k == NUMBER_AMOUNT || k == NUMBER_PERCENT || k == NUMBER_YEAR)
        return true;
    size_t digits = strspn(text, "0123456789");
    return digits == 3 && (text[3] == '\0' || ((text[3] == ',' || text[3] == '.') &&
                                               strspn(text + 4, "0123456789") == strlen(text + 4) &&
                                               text[4] != '\0'));
}

static bool under_block(const block *b, const word *w)
{
    return w->box.y0 >= b->box.y1 && span_overlap(w->box.x0, w->box.x1, b->box.x0, b->box.x1) > 0;
}

/* Whether b heads a column of figures: the first row of words under it,
 * across its width, is figures only, and more figures follow. A line
 * repeated at the top of the pages that does is the header of a table
 * that runs over them, not furniture. */
static bool heads_figures(const layout_page *lp, const block *b)
{
    enum { COLUMN_FIGURES = 3 }; /* a column, not a stray number */
    const word *first = NULL;
    size_t figures = 0;
    for (size_t i = 0; i < lp->n_words; i++) {
        const word *w = &lp->words[i];
        if (!under_block(b, w))
            continue;
        if (!first || w->box.y0 < first->box.y0)
            first = w;
        figures += is_figure_word(w->text);
    }
    if (!first || figures < COLUMN_FIGURES)
        return false;
    for (size_t i = 0; i < lp->n_words; i++) {
        const word *w = &lp->words[i];
        bool first_row = fabs(box_cy(w->box) - box_cy(first->box)) < 0.5 * box_height(first->box);
        if (under_block(b, w) && first_row && !is_figure_word(w->text))
            return false;
    }
    return true;
}

void furniture_mark(furniture *f, layout_page *lp)
{
    size_t self = SIZE_MAX;
    for (size_t i = 0; i < f->n_pages; i++)
        if (f->pages[i].number == lp->number)
            self = i;
    size_t lo = self != SIZE_MAX && self > FURNITURE_LOOKBEHIND ? self - FURNITURE_LOOKBEHIND : 0;
    size_t hi = self != SIZE_MAX ? self + FURNITURE_LOOKAHEAD + 1 : 0;
    if (hi > f->n_pages)
        hi = f->n_pages;
    size_t others = hi > lo ? hi - lo - 1 : 0;
    float body_size = page_body_size(lp);
    double pitch = page_line_pitch(lp, body_size);
    for (size_t i = 0; i < lp->n_blocks; i++) {
        block *b = &lp->blocks[i];
        bool top;
        if (!in_margin(lp, b, &top) || furniture_is_page_number(f, b->text))
            continue;
        if (beside_page_number(f, lp, b, top, body_size, pitch)) {
            b->furniture = true;
            continue;
        }
        if (others < 1)
            continue;
        signature s = signature_of(lp, b, top);
        size_t seen = 0;
        for (size_t k = lo; k < hi; k++)
            if (k != self && page_has(&f->pages[k], &s))
                seen++;
        /* most pages repeat it; in a short document (a cover and two pages)
         * one other page is enough for a line set smaller than the body */
        bool short_doc = others <= 2 && seen >= 1 && b->size < body_size - 0.5f;
        if (((seen >= 2 && (double)seen >= 0.4 * (double)others) || short_doc) &&
            !(top && heads_figures(lp, b)))
            b->furniture = true;
    }
    /* page numbers once the repeated lines are known */
    for (size_t i = 0; i < lp->n_blocks; i++) {
        block *b = &lp->blocks[i];
        bool top;
        if (!in_margin(lp, b, &top))
            continue;
        char label[sizeof lp->page_label] = "";
        bool is_number = page_number_in(f, b->text, label, sizeof label);
        if (is_number && alone_on_row(lp, b))
            b->furniture = true;
        if (is_number && b->furniture && !lp->page_label[0])
            memcpy(lp->page_label, label, sizeof label);
    }
}
