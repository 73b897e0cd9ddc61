/* page_text.c: warnings about text that could not be read from a page. */
#include "page_text.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Share of a page's words that must be garbled before the page is
 * reported; and the share of the page an image must cover to be a scan. */
#define GARBLED_SHARE 0.05
#define FULL_PAGE_IMAGE 0.8
/* poppler drops the characters narrower than 3 pt beyond its 50 000th of
 * a page; the spaces it counts are not quite those it gives, so a page
 * near the limit may already have lost some */
enum { POPPLER_NARROW_NEAR_LIMIT = 48000 };

/* A word that a font without a Unicode map produced: mostly unmapped
 * glyphs, or letters with symbols in place of national letters ("f!r",
 * "R kenskaps!ret"). Leader dots made of one repeated glyph do not count. */
static bool word_is_garbled(const char *text)
{
    const char *end = text + strlen(text);
    size_t n = 0, bad = 0;
    uint32_t first = 0, prev = 0;
    bool repeated = true, symbol_inside = false;
    for (const char *p = text; p < end;) {
        uint32_t cp = utf8_next(&p, end);
        if (n == 0)
            first = cp;
        repeated = repeated && cp == first;
        if (cp == prev && text_is_garbled_cp(cp))
            continue; /* a run of leader dots counts once */
        n++;
        if (text_is_garbled_cp(cp))
            bad++;
        if (is_alpha_cp(prev) && strchr("!#$%*;<=>?@[\\]^_`{|}~", (int)cp) && cp < 0x80 && p < end) {
            const char *q = p;
            symbol_inside = symbol_inside || is_alpha_cp(utf8_next(&q, end));
        }
        prev = cp;
    }
    if (repeated || n == 1) /* leaders; a lone symbol-font bullet or icon */
        return false;
    return symbol_inside || (n > 0 && 2 * bad >= n);
}

/* ------------------------------------------------------ hidden glyphs */

/* A glyph that maps to nothing is drawn, and advances the pen, but poppler
 * gives no character for it: its word comes out in pieces, "Kor ris ga"
 * for "Kortfristiga", the pieces apart by the glyph's width. The font's
 * own space on the page tells such a gap from a word space (a low
 * quantile of its gaps, as justified lines only ever widen them); the
 * rendered page tells a glyph from white space. A gap this much wider
 * than the space, in ems, is looked at; a space is never wider than
 * SPACE_EM_MAX unstretched, and no glyph is wider than GLYPH_EM_MAX. */
#define GAP_OVER_SPACE_EM 0.12
#define SPACE_EM_MAX 0.4
#define GLYPH_EM_MAX 1.1
#define SPACE_QUANTILE 0.25

typedef struct font_gaps {
    uint16_t font;
    float size;
    double *ems;
    size_t n, cap;
} font_gaps;


/* Two words of one run of type on one line: the same font and size, and
 * (bottoms level) the same baseline. */
static bool same_run(const word *a, const word *b)
{
    return a->font == b->font && fabsf(a->size - b->size) < 0.01f && a->size > 0 &&
           !a->vertical && !b->vertical &&
           fabs(a->box.y1 - b->box.y1) < 0.1 * a->size && b->box.x0 > a->box.x1;
}

static font_gaps *gaps_of(font_gaps **all, size_t *n, size_t *cap, const word *w)
{
    for (size_t i = 0; i < *n; i++)
        if ((*all)[i].font == w->font && (*all)[i].size == w->size)
            return &(*all)[i];
    font_gaps g = {.font = w->font, .size = w->size};
    ARRAY_PUSH(*all, *n, *cap, g);
    return &(*all)[*n - 1];
}

/* The widest gap, in ems, still taken for a space in this font. */
static double space_limit_em(font_gaps *g)
{
    if (g->n < 3)
        return SPACE_EM_MAX;
    sort_array(g->ems, g->n, sizeof *g->ems, compare_doubles);
    double space = g->ems[(size_t)(SPACE_QUANTILE * (double)(g->n - 1))];
    return fmin(SPACE_EM_MAX, space + GAP_OVER_SPACE_EM);
}

/* Two gaps this close, in ems, are the same space (a justified line
 * widens all its spaces alike, to the hundredth of an em). */
#define SAME_SPACE_EM 0.03

/* Words i and i + 1 of the page are neighbours in a row: on one baseline,
 * the second right of the first. (Words in rows are sorted by x: the
 * layout's lines may part at a gap a lost glyph left, its rows do not.) */
static bool row_neighbours(const layout_page *lp, size_t i)
{
    if (i + 1 >= lp->n_row_words)
        return false;
    const word *a = &lp->words[i], *b = a + 1;
    double size = fmax(a->size, b->size);
    return size > 0 && fabs(a->box.y1 - b->box.y1) < 0.1 * size && b->box.x0 > a->box.x1;
}

/* The space of the row of words [first, end): the gap most of its gaps in
 * one run of type share, where two or more share one; else 0 (a row of
 * a few words says nothing). A justified row widens its spaces beyond a
 * lost glyph's width, so the narrowest gap is not always a space. Where
 * two widths are as common (a lost glyph may repeat), the narrower is the
 * space. */
static double row_space_em(const layout_page *lp, size_t first, size_t end, double **scratch,
                           size_t *cap)
{
    size_t n = 0;
    for (size_t i = first; i + 1 < end; i++) {
        const word *a = &lp->words[i];
        if (!same_run(a, a + 1))
            continue;
        if (n == *cap) {
            *cap = *cap ? 2 * *cap : 64;
            *scratch = xrealloc(*scratch, *cap * sizeof **scratch);
        }
        (*scratch)[n++] = (a[1].box.x0 - a->box.x1) / a->size;
    }
    double *gaps = *scratch, best = 0;
    sort_array(gaps, n, sizeof *gaps, compare_doubles);
    size_t best_count = 1;
    /* the most gaps within SAME_SPACE_EM of one of them: a window over the
     * sorted gaps, centred on each in turn */
    for (size_t i = 0, lo = 0, hi = 0; i < n; i++) {
        while (gaps[i] - gaps[lo] > SAME_SPACE_EM)
            lo++;
        if (hi < i)
            hi = i;
        while (hi + 1 < n && gaps[hi + 1] - gaps[i] <= SAME_SPACE_EM)
            hi++;
        size_t count = hi - lo + 1;
        if (count > best_count)
            best = gaps[i], best_count = count;
    }
    return best;
}

/* No other word reaches into the gap between a and b. */
static bool gap_is_empty(const layout_page *lp, const word *a, const word *b, box gap)
{
    size_t lo, hi;
    layout_words_near(lp, gap.y0, gap.y1, &lo, &hi);
    for (size_t k = lo; k < lp->n_words; k++) {
        if (k == hi)
            k = lp->n_row_words;
        if (k >= lp->n_words)
            break;
        const word *o = &lp->words[k];
        if (o != a && o != b && span_overlap(o->box.x0, o->box.x1, gap.x0, gap.x1) > 0 &&
            span_overlap(o->box.y0, o->box.y1, gap.y0, gap.y1) > 0)
            return false;
    }
    return true;
}

/* A gap between letters that may hold a glyph, with its verdict. */
typedef struct gap_candidate {
    size_t word;          /* the gap after this word of the page */
    double size;
    box gap;              /* where its ink would be */
    box tall;             /* and half an em above and below, for rules */
    uint16_t font;
    uint32_t rgb;         /* of the words */
    int width;            /* in GAP_WIDTH_STEP */
    int verdict;          /* -1 not known yet, 0 white space, 1 a glyph */
} gap_candidate;

/* A gap's width in steps of GAP_WIDTH_STEP em: the same glyph leaves the
 * same gap in the same font, give or take kerning. */
#define GAP_WIDTH_STEP 0.02

/* A glyph's gap found before: its font and width. Only glyphs are
 * remembered: a gap that showed white may be a stretched space of any
 * width, and the same width elsewhere may hold a glyph. */
typedef struct glyph_gap {
    uint16_t font;
    int width;       /* in GAP_WIDTH_STEP */
} glyph_gap;

struct page_text_state {
    bool ocr_producer;
    glyph_gap *glyphs;
    size_t n_glyphs, cap_glyphs;
};

page_text_state *page_text_state_new(bool ocr_producer)
{
    page_text_state *st = xcalloc(1, sizeof *st);
    st->ocr_producer = ocr_producer;
    return st;
}

void page_text_state_free(page_text_state *st)
{
    if (!st)
        return;
    free(st->glyphs);
    free(st);
}

/* A gap of this font and width held a glyph earlier in the document. */
static bool known_glyph(const page_text_state *st, uint16_t font, int width)
{
    for (size_t i = 0; i < st->n_glyphs; i++)
        if (st->glyphs[i].font == font && abs(st->glyphs[i].width - width) <= 1)
            return true;
    return false;
}

/* Gaps are looked at in one rendering of the region around those not
 * known yet, at GAP_RENDER_SCALE pixels per point (less where that region
 * is large): rendering costs as much as the page's images, whatever the
 * region, so a page is rendered at most once. */
#define GAP_RENDER_SCALE 2.0
#define GAP_RENDER_MAX_PIXELS 4.0e6

typedef struct rendering {
    uint8_t *px;
    int w, h;
    double scale;
    box origin;
} rendering;

static bool inked(const rendering *r, int x, int y)
{
    const uint8_t *p = r->px + ((size_t)y * (size_t)r->w + (size_t)x) * 3;
    return p[0] < 160 || p[1] < 160 || p[2] < 160;
}

/* A rule crosses the lines: ink in some column of the gap through (nearly)
 * every row from half an em above the line to half an em below, where
 * between the letters of the lines there is white. */
#define RULE_INKED_SHARE 0.9

/* A gutter between two columns of text is a white channel: on the rows
 * above and below, text ends left of it and starts right of it, and none
 * crosses it (a space of one row above may line up with a gap by chance;
 * of the rows on both sides, hardly). A lost glyph's gap is crossed by
 * the text of its paragraph or table, or has none around it. Rows are
 * looked at this far up and down, and text this far to either side, in
 * ems of the row's type. */
#define GUTTER_REACH_EM 2.5
#define GUTTER_SIDE_EM 3.0

typedef enum { BAND_EMPTY, BAND_CROSSES, BAND_CHANNEL } band_shape;

static band_shape band_over_gap(const layout_page *lp, double y0, double y1, box gap, double em)
{
    size_t lo, hi;
    layout_words_near(lp, y0, y1, &lo, &hi);
    bool left = false, right = false;
    for (size_t k = lo; k < hi; k++) {
        const word *o = &lp->words[k];
        if (span_overlap(o->box.y0, o->box.y1, y0, y1) <= 0)
            continue;
        if (span_overlap(o->box.x0, o->box.x1, gap.x0, gap.x1) > 0)
            return BAND_CROSSES;
        left = left || (o->box.x1 <= gap.x0 && o->box.x1 > gap.x0 - GUTTER_SIDE_EM * em);
        right = right || (o->box.x0 >= gap.x1 && o->box.x0 < gap.x1 + GUTTER_SIDE_EM * em);
    }
    return left && right ? BAND_CHANNEL : BAND_EMPTY;
}

static bool in_gutter(const layout_page *lp, const word *a, box gap)
{
    double em = a->size, reach = GUTTER_REACH_EM * em;
    /* the bands stop short of the row itself */
    band_shape above = band_over_gap(lp, a->box.y0 - reach, a->box.y0 - 0.2 * em, gap, em);
    band_shape below = band_over_gap(lp, a->box.y1 + 0.2 * em, a->box.y1 + reach, gap, em);
    return above == BAND_CHANNEL && below == BAND_CHANNEL;
}

/* A glyph of a word stands close to the letters of its word (its side
 * bearings, a few hundredths of an em), on both sides inside a word, on
 * one where it begins or ends one ("skulder [ti]ll"); a mark drawn between
 * two words stands a space away from both. Ink farther than this from
 * both of the gap's edges, in ems, is not a glyph of a word. */
#define GLYPH_MARGIN_EM 0.12
/* And a glyph of a word has the word's colour: some pixel of its ink
 * comes this close to it on every channel (an icon drawn in green beside
 * black words does not). */
#define GLYPH_COLOUR_DISTANCE 80

static bool near_colour(const uint8_t *p, uint32_t rgb)
{
    int want[3] = {(int)(rgb >> 16) & 0xFF, (int)(rgb >> 8) & 0xFF, (int)rgb & 0xFF};
    for (int k = 0; k < 3; k++)
        if (abs((int)p[k] - want[k]) > GLYPH_COLOUR_DISTANCE)
            return false;
    return true;
}

/* A letter's ink is this tall at least, in ems (an underline or a
 * strike-through is a tenth or two). */
#define GLYPH_HEIGHT_EM 0.3

/* v, a pixel coordinate, within 0..limit, before it becomes an int (a
 * box of a damaged PDF may be anywhere; NaN is 0). */
static int pixel_in(double v, int limit)
{
    return v > 0 ? (v < limit ? (int)v : limit) : 0;
}

/* A glyph's ink in the gap: dark pixels on the rows of a letter's height,
 * near a letter of its word, in the word's colour, and not a rule
 * through the lines. */
static bool ink_of_glyph(const rendering *r, const gap_candidate *c)
{
    double size = c->size;
    int x0 = pixel_in(floor((c->tall.x0 - r->origin.x0) * r->scale), r->w);
    int x1 = pixel_in(ceil((c->tall.x1 - r->origin.x0) * r->scale), r->w);
    int y0 = pixel_in(floor((c->tall.y0 - r->origin.y0) * r->scale), r->h);
    int y1 = pixel_in(ceil((c->tall.y1 - r->origin.y0) * r->scale), r->h);
    int inner0 = pixel_in(floor((c->gap.y0 - r->origin.y0) * r->scale), r->h);
    int inner1 = pixel_in(ceil((c->gap.y1 - r->origin.y0) * r->scale), r->h);
    inner0 = inner0 < y0 ? y0 : inner0, inner1 = inner1 > y1 ? y1 : inner1;
    int inked_rows = 0;
    int rows_needed = pixel_in(fmax(2, ceil(GLYPH_HEIGHT_EM * size * r->scale)), r->h + 1);
    int first_x = x1, last_x = -1;
    bool in_colour = false;
    for (int y = inner0; y < inner1; y++) {
        bool ink = false;
        for (int x = x0; x < x1; x++) {
            if (!inked(r, x, y))
                continue;
            ink = true;
            first_x = x < first_x ? x : first_x;
            last_x = x > last_x ? x : last_x;
            in_colour = in_colour ||
                        near_colour(r->px + ((size_t)y * (size_t)r->w + (size_t)x) * 3, c->rgb);
        }
        inked_rows += ink;
    }
    double margin = GLYPH_MARGIN_EM * size * r->scale;
    if (inked_rows < rows_needed || !in_colour ||
        (first_x - x0 > margin && x1 - 1 - last_x > margin))
        return false;
    for (int x = x0; x < x1; x++) {
        int column = 0;
        for (int y = y0; y < y1; y++)
            column += inked(r, x, y);
        if (column >= RULE_INKED_SHARE * (y1 - y0))
            return false;
    }
    return true;
}

/* The ink of an image (a scan under an OCR layer, a photo behind text)
 * is no glyph: a gap that lies on one is not looked at. */
static bool over_image(const pdf_image *images, size_t n, box gap)
{
    for (size_t i = 0; i < n; i++)
        if (span_overlap(images[i].box.x0, images[i].box.x1, gap.x0, gap.x1) > 0 &&
            span_overlap(images[i].box.y0, images[i].box.y1, gap.y0, gap.y1) > 0)
            return true;
    return false;
}

/* Decides the candidates not known yet from one rendering, and
 * remembers each verdict for the rest of the document. Without a
 * rendering they stay white space: nothing is claimed that was not seen. */
static void look_at_gaps(page_text_state *st, layout_page *lp, gap_candidate *cands, size_t n)
{
    box region = {0};
    bool any = false;
    for (size_t i = 0; i < n; i++)
        if (cands[i].verdict < 0) {
            region = any ? box_union(region, cands[i].tall) : cands[i].tall;
            any = true;
        }
    if (!any)
        return;
    rendering r = {.scale = GAP_RENDER_SCALE, .origin = region};
    double area = box_width(region) * box_height(region);
    if (area * r.scale * r.scale > GAP_RENDER_MAX_PIXELS)
        r.scale = sqrt(GAP_RENDER_MAX_PIXELS / area);
    bool rendered = lp->source &&
                    layout_render_region(lp, region, r.scale, &r.px, &r.w, &r.h) == ARSRED_OK;
    size_t n_images = 0;
    const pdf_image *images = NULL;
    bool images_known = false;
    for (size_t i = 0; i < n; i++) {
        gap_candidate *c = &cands[i];
        if (c->verdict >= 0)
            continue;
        c->verdict = rendered && ink_of_glyph(&r, c);
        if (c->verdict == 1 && !images_known) { /* only now: it costs a pass of the page */
            images = layout_page_images(lp, &n_images);
            images_known = true;
        }
        if (c->verdict == 1 && over_image(images, n_images, c->gap))
            c->verdict = 0;
        if (c->verdict == 1 && !known_glyph(st, c->font, c->width)) {
            glyph_gap g = {.font = c->font, .width = c->width};
            ARRAY_PUSH(st->glyphs, st->n_glyphs, st->cap_glyphs, g);
        }
    }
    free(r.px);
}

/* The word around candidate i, a glyph, with every glyph in it marked. */
static void write_example(const layout_page *lp, const gap_candidate *cands, size_t n, size_t i,
                          char *example, size_t size)
{
    size_t first = i, last = i; /* candidates of the word: gaps after words w, w + 1, ... */
    while (first > 0 && cands[first - 1].verdict == 1 && cands[first - 1].word + 1 == cands[first].word)
        first--;
    while (last + 1 < n && cands[last + 1].verdict == 1 && cands[last + 1].word == cands[last].word + 1)
        last++;
    strbuf sb;
    strbuf_init(&sb);
    for (size_t w = cands[first].word; w <= cands[last].word + 1; w++) {
        strbuf_adds(&sb, lp->words[w].text);
        if (w <= cands[last].word)
            strbuf_add_utf8(&sb, 0xFFFD);
    }
    size_t len = sb.len < size - 1 ? sb.len : size - 1;
    while (len > 0 && len < sb.len && ((unsigned char)sb.data[len] & 0xC0) == 0x80)
        len--; /* not inside a character */
    memcpy(example, sb.data, len);
    example[len] = '\0';
    strbuf_release(&sb);
}

/* The gaps between letters of one run of type on the page that are wider
 * than a space of that font and are not the space of their row. */
static size_t find_candidates(layout_page *lp, gap_candidate **out)
{
    font_gaps *fonts = NULL;
    size_t n_fonts = 0, cap_fonts = 0, n = 0, cap = 0;
    for (size_t i = 0; i + 1 < lp->n_row_words; i++) {
        const word *a = &lp->words[i], *b = a + 1;
        if (!row_neighbours(lp, i) || !same_run(a, b))
            continue;
        font_gaps *g = gaps_of(&fonts, &n_fonts, &cap_fonts, a);
        ARRAY_PUSH(g->ems, g->n, g->cap, (b->box.x0 - a->box.x1) / a->size);
    }
    double *limits = xcalloc(n_fonts ? n_fonts : 1, sizeof *limits);
    for (size_t f = 0; f < n_fonts; f++)
        limits[f] = space_limit_em(&fonts[f]);
    gap_candidate *cands = NULL;
    double *scratch = NULL;
    size_t scratch_cap = 0;
    for (size_t first = 0, end; first < lp->n_row_words; first = end) {
        end = first + 1;
        while (row_neighbours(lp, end - 1))
            end++;
        double row_space = row_space_em(lp, first, end, &scratch, &scratch_cap);
        for (size_t i = first; i + 1 < end; i++) {
            const word *a = &lp->words[i], *b = a + 1;
            if (!same_run(a, b) ||
                !is_alpha_cp(text_last_cp(a->text, strlen(a->text), &(size_t){0})) ||
                !is_alpha_cp(text_first_cp(b->text)))
                continue;
            double em = (b->box.x0 - a->box.x1) / a->size;
            size_t f = (size_t)(gaps_of(&fonts, &n_fonts, &cap_fonts, a) - fonts);
            /* a glyph that begins or ends a word comes with the row's space */
            double widest = GLYPH_EM_MAX + (row_space > 0 ? row_space : SPACE_EM_MAX);
            if (em <= limits[f] || em > widest ||
                (row_space > 0 && fabs(em - row_space) <= SAME_SPACE_EM))
                continue;
            /* a word's box ends at the pen's advance, not at its ink: a
             * tenth of an em in from each side stays clear of the letters,
             * and the top and bottom of the line (accents, underlines) are
             * left out */
            double inset = 0.1 * a->size;
            double top = fmax(a->box.y0, b->box.y0), bottom = fmin(a->box.y1, b->box.y1);
            double h = bottom - top;
            box gap = {a->box.x1 + inset, top + 0.15 * h, b->box.x0 - inset, bottom - 0.15 * h};
            if (box_width(gap) <= 0 || !gap_is_empty(lp, a, b, gap) || in_gutter(lp, a, gap))
                continue;
            gap_candidate c = {.word = i, .gap = gap, .size = a->size,
                               .tall = {gap.x0, gap.y0 - 0.5 * a->size, gap.x1, gap.y1 + 0.5 * a->size},
                               .font = a->font, .rgb = a->rgb,
                               .width = (int)lround(em / GAP_WIDTH_STEP),
                               .verdict = -1};
            ARRAY_PUSH(cands, n, cap, c);
        }
    }
    for (size_t f = 0; f < n_fonts; f++)
        free(fonts[f].ems);
    free(fonts);
    free(limits);
    free(scratch);
    *out = cands;
    return n;
}

size_t page_text_hidden_glyphs(page_text_state *st, layout_page *lp, char *example,
                               size_t example_size)
{
    gap_candidate *cands;
    size_t n = find_candidates(lp, &cands), found = 0;
    for (size_t i = 0; i < n; i++)
        cands[i].verdict = known_glyph(st, cands[i].font, cands[i].width) ? 1 : -1;
    look_at_gaps(st, lp, cands, n);
    for (size_t i = 0; i < n; i++) {
        if (cands[i].verdict != 1)
            continue;
        if (found++ == 0)
            write_example(lp, cands, n, i, example, example_size);
    }
    free(cands);
    return found;
}

/* -------------------------------------------------------------- checks */

/* An OCR layer holds what the engine read, and its gaps lie over the
 * scan's ink: not looked at. */
static void check_hidden_glyphs(page_text_state *st, arsred_document *doc, layout_page *lp)
{
    if (st->ocr_producer)
        return;
    char example[160] = "";
    size_t hidden = page_text_hidden_glyphs(st, lp, example, sizeof example);
    if (hidden == 0)
        return;
    report_warn_count(doc, "garbled-text", lp->number, hidden,
                "page %d: %zu glyph%s in words map to no character (such as \"%s\"); "
                "a font there has no Unicode mapping for them (often ligatures), so "
                "words on this page may be cut in pieces",
                lp->number, hidden, hidden == 1 ? "" : "s", example);
}

/* A page whose text is mostly set a quarter turn (a landscape page turned
 * on a portrait sheet, a /Rotate the content does not make up for) is
 * read turned upright by the layout; the user hears of it, as the page
 * reads otherwise than it shows. */
static void check_sideways_text(arsred_document *doc, const layout_page *lp)
{
    if (lp->turn != TURN_NONE)
        report_warn(doc, "sideways-text", lp->number,
                    "page %d: its text is set sideways, a quarter turn from upright "
                    "(reading %s); it is read turned upright, and what is found on "
                    "it is placed (bbox) on the page as it is",
                    lp->number, lp->turn == TURN_CLOCKWISE ? "upwards" : "downwards");
}

void page_text_check(page_text_state *st, arsred_document *doc, fed_page *page)
{
    layout_page *lp = &page->layout;
    check_sideways_text(doc, lp);
    if (page->errors > 0)
        report_warn_count(doc, "page-damaged", lp->number, page->errors,
                    "page %d is damaged: poppler met %zu error%s reading it (%s), so "
                    "text and figures from this page may be missing",
                    lp->number, page->errors, page->errors == 1 ? "" : "s",
                    page->first_error);
    if (page->narrow_glyphs >= POPPLER_NARROW_NEAR_LIMIT)
        report_warn_count(doc, "text-cut", lp->number, page->narrow_glyphs,
                    "page %d: %zu characters in type under 3 points wide; poppler "
                    "keeps no more than 50 000 of those on a page, so text beyond "
                    "them may be missing",
                    lp->number, page->narrow_glyphs);
    size_t unmapped = page->unmapped_glyphs;
    if (unmapped >= 2 && (double)unmapped >= GARBLED_SHARE * (double)page->glyphs) {
        report_warn_count(doc, "garbled-text", lp->number, unmapped,
                    "page %d: %zu of %zu characters are glyphs without a Unicode "
                    "mapping; a font there has no proper Unicode map, so text and "
                    "figures from this page may be missing or wrong",
                    lp->number, unmapped, page->glyphs);
        return;
    }
    if (lp->n_words == 0) {
        /* Only a page that shows a picture may be a scan; one that shows
         * nothing is blank, or draws outside its own box (a MediaBox that
         * is negative or misplaced), where poppler sees no text either. */
        size_t n_images = 0;
        layout_page_images(lp, &n_images);
        if (n_images > 0)
            report_warn(doc, "no-text-layer", lp->number,
                        "page %d has no text; it may be a scan", lp->number);
        else
            report_warn(doc, "no-text-layer", lp->number,
                        "page %d has no text and no image: it is blank, or what it "
                        "draws lies outside its page box (MediaBox); check it in a viewer",
                        lp->number);
        return;
    }
    size_t garbled = 0;
    const char *example = NULL;
    for (size_t i = 0; i < lp->n_words; i++)
        if (word_is_garbled(lp->words[i].text)) {
            garbled++;
            if (!example)
                example = lp->words[i].text;
        }
    if (garbled >= 2 && (double)garbled >= GARBLED_SHARE * (double)lp->n_words)
        report_warn_count(doc, "garbled-text", lp->number, garbled,
                    "page %d: %zu of %zu words come out as symbols or unmapped "
                    "glyphs (such as \"%s\"); a font there has no proper Unicode "
                    "map, so text from this page may be wrong",
                    lp->number, garbled, lp->n_words, example);
    else
        check_hidden_glyphs(st, doc, lp);
    if (!st->ocr_producer)
        return;
    size_t n_images;
    const pdf_image *images = layout_page_images(lp, &n_images);
    for (size_t i = 0; i < n_images; i++) {
        box b = images[i].box;
        if (box_width(b) * box_height(b) >= FULL_PAGE_IMAGE * lp->width * lp->height) {
            report_warn(doc, "ocr-text-layer", lp->number,
                        "page %d: the text is an OCR layer over a scanned image; "
                        "it may contain reading errors",
                        lp->number);
            break;
        }
    }
}
