/* icons.c: status icons and their colours. */
#include "icons.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"
#include "util.h"

enum { ICON_SCALE = 4 };          /* pixels per point when rendering a region */
#define ICON_REACH 3.5            /* how far beside a line to look, in line heights */
#define MIN_COLORED_SHARE 0.02    /* share of the region an icon must cover */

static bool is_background(const uint8_t *p)
{
    return p[0] >= 228 && p[1] >= 228 && p[2] >= 228;
}

enum { BUCKET_BITS = 4, BUCKETS = 1 << (3 * BUCKET_BITS) };

static size_t bucket_of(const uint8_t *p)
{
    return ((size_t)(p[0] >> (8 - BUCKET_BITS)) << (2 * BUCKET_BITS)) |
           ((size_t)(p[1] >> (8 - BUCKET_BITS)) << BUCKET_BITS) |
           (size_t)(p[2] >> (8 - BUCKET_BITS));
}

static uint32_t bucket_center(size_t b)
{
    uint32_t r = (uint32_t)((b >> (2 * BUCKET_BITS)) & 15) * 16 + 8;
    uint32_t g = (uint32_t)((b >> BUCKET_BITS) & 15) * 16 + 8;
    uint32_t bl = (uint32_t)(b & 15) * 16 + 8;
    return (r << 16) | (g << 8) | bl;
}

/* The colour most of a region's border shows, where most of it shows one:
 * the paper the region is printed on (a coloured table cell, a banner). */
static bool paper_of(const uint8_t *pixels, int width, int height, size_t *paper)
{
    size_t *counts = xcalloc(BUCKETS, sizeof *counts);
    size_t border = 0;
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++) {
            if (y != 0 && y != height - 1 && x != 0 && x != width - 1)
                continue;
            counts[bucket_of(pixels + 3 * ((size_t)y * (size_t)width + (size_t)x))]++;
            border++;
        }
    size_t best = 0;
    for (size_t b = 1; b < BUCKETS; b++)
        if (counts[b] > counts[best])
            best = b;
    bool found = border > 0 && counts[best] * 10 >= border * 6;
    free(counts);
    *paper = best;
    return found;
}

/* White paper, or the paper colour the region's border shows. */
static bool is_paper(const uint8_t *p, bool has_paper, uint32_t paper_rgb)
{
    uint32_t c = ((uint32_t)p[0] << 16) | ((uint32_t)p[1] << 8) | p[2];
    return is_background(p) || (has_paper && color_distance(c, paper_rgb) < 40);
}

bool dominant_color(const uint8_t *pixels, int width, int height, uint32_t *rgb,
                    int *x0, int *y0, int *x1, int *y1)
{
    size_t paper;
    bool has_paper = paper_of(pixels, width, height, &paper);
    uint32_t paper_rgb = bucket_center(paper);
    size_t *counts = xcalloc(BUCKETS, sizeof *counts);
    size_t colored = 0;
    for (int i = 0; i < width * height; i++) {
        const uint8_t *p = pixels + 3 * (size_t)i;
        if (!is_paper(p, has_paper, paper_rgb)) {
            counts[bucket_of(p)]++;
            colored++;
        }
    }
    size_t best = 0;
    for (size_t b = 1; b < BUCKETS; b++)
        if (counts[b] > counts[best])
            best = b;
    free(counts);
    size_t need = (size_t)fmax(12, MIN_COLORED_SHARE * width * height);
    if (colored < need)
        return false;
    /* the colour: the mean of the pixels near the fullest bucket, which
     * leaves out the anti-aliased edge */
    uint32_t center = bucket_center(best);
    double sum[3] = {0};
    size_t n = 0;
    *x0 = width, *y0 = height, *x1 = -1, *y1 = -1;
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++) {
            const uint8_t *p = pixels + 3 * ((size_t)y * (size_t)width + (size_t)x);
            uint32_t c = ((uint32_t)p[0] << 16) | ((uint32_t)p[1] << 8) | p[2];
            if (is_paper(p, has_paper, paper_rgb) || color_distance(c, center) > 40)
                continue;
            sum[0] += p[0], sum[1] += p[1], sum[2] += p[2];
            n++;
            if (x < *x0) *x0 = x;
            if (y < *y0) *y0 = y;
            if (x > *x1) *x1 = x;
            if (y > *y1) *y1 = y;
        }
    if (n < need / 2)
        return false;
    *rgb = ((uint32_t)lround(sum[0] / (double)n) << 16) |
           ((uint32_t)lround(sum[1] / (double)n) << 8) | (uint32_t)lround(sum[2] / (double)n);
    return true;
}

double color_distance(uint32_t a, uint32_t b)
{
    double dr = (double)((a >> 16) & 255) - ((b >> 16) & 255);
    double dg = (double)((a >> 8) & 255) - ((b >> 8) & 255);
    double db = (double)(a & 255) - (b & 255);
    return sqrt(dr * dr + dg * dg + db * db);
}

goal_status status_of_hue(uint32_t rgb)
{
    double r = ((rgb >> 16) & 255) / 255.0, g = ((rgb >> 8) & 255) / 255.0, b = (rgb & 255) / 255.0;
    double max = fmax(r, fmax(g, b)), min = fmin(r, fmin(g, b));
    double v = max, s = max > 0 ? (max - min) / max : 0;
    if (s < 0.25)
        return v > 0.35 && v < 0.92 ? STATUS_NOT_EVALUATED : STATUS_NONE; /* grey; not black */
    double h;
    if (max == r)
        h = 60 * fmod((g - b) / (max - min), 6);
    else if (max == g)
        h = 60 * ((b - r) / (max - min) + 2);
    else
        h = 60 * ((r - g) / (max - min) + 4);
    if (h < 0)
        h += 360;
    if (h < 18 || h >= 335)
        return STATUS_NOT_MET;
    if (h < 70)
        return STATUS_PARTLY_MET;
    if (h < 170)
        return STATUS_MET;
    if (h < 255)
        return STATUS_NOT_EVALUATED;
    return STATUS_NONE;
}

/* Glyphs that reports colour to show a status. */
static bool is_status_glyph(const char *t)
{
    static const char *const glyphs[] = {"\xE2\x97\x8F", "\xE2\xAC\xA4", "\xE2\x96\xA0",
                                         "\xE2\x96\xB2", "\xE2\x97\x86", "\xE2\x80\xA2",
                                         "\xE2\x97\x89", "\xE2\x96\xAA"};
    for (size_t i = 0; i < sizeof glyphs / sizeof *glyphs; i++)
        if (strcmp(t, glyphs[i]) == 0)
            return true;
    return false;
}

static bool colorful(uint32_t rgb)
{
    double r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
    return fmax(r, fmax(g, b)) - fmin(r, fmin(g, b)) > 40;
}

/* Takes the dominant colour of region from the page's overview (or a render
 * of its own where there is none); box gets the colour's extent. */
static bool region_icon(layout_page *lp, box region, icon *out)
{
    if (!lp->source || box_width(region) < 1 || box_height(region) < 1 ||
        layout_page_blank(lp, region))
        return false;
    uint8_t *pixels = NULL;
    int w, h;
    double scale = ICON_SCALE;
    box got = region;
    if (!layout_page_overview(lp, region, &pixels, &w, &h, &scale, &got) &&
        pdf_render_region(lp->source, lp->number, region, ICON_SCALE, &pixels, &w, &h) != ARSRED_OK)
        return false;
    int x0, y0, x1, y1;
    bool found = dominant_color(pixels, w, h, &out->rgb, &x0, &y0, &x1, &y1);
    free(pixels);
    if (!found)
        return false;
    out->box = (box){got.x0 + x0 / scale, got.y0 + y0 / scale, got.x0 + (x1 + 1) / scale,
                     got.y0 + (y1 + 1) / scale};
    /* an icon is about as tall as the text, not a rule or a picture; not a
     * bar (a cell's coloured edge), nor a fill from the top of the region to
     * its bottom (a banner or a coloured row behind the text) */
    double height = box_height(out->box), text_height = box_height(region) / 1.4;
    double slack = 1.0 / scale;
    bool fills_band = out->box.y0 <= got.y0 + slack && out->box.y1 >= got.y1 - slack;
    return height >= 0.25 * text_height && height <= 1.6 * text_height &&
           box_width(out->box) <= 2.5 * text_height && box_width(out->box) >= 0.35 * height &&
           !fills_band;
}

/* Narrows r, the region on side of l, to end before w where w stands in
 * it on l's row. */
static void stop_at_word(box *r, const line *l, int side, const box *w)
{
    double h = box_height(l->box);
    if (span_overlap(w->y0, w->y1, r->y0, r->y1) <= 0.3 * h)
        return;
    if (side < 0 && w->x1 <= l->box.x0 && w->x1 > r->x0)
        r->x0 = w->x1 + 0.3;
    if (side > 0 && w->x0 >= l->box.x1 && w->x0 < r->x1)
        r->x1 = w->x0 - 0.3;
}

/* The region beside l that holds no text. */
static box side_region(const layout_page *lp, const line *l, int side)
{
    double h = box_height(l->box);
    box r = {0, l->box.y0 - 0.2 * h, 0, l->box.y1 + 0.2 * h};
    if (side < 0) {
        r.x1 = l->box.x0 - 0.3;
        r.x0 = fmax(0, l->box.x0 - ICON_REACH * h);
    } else {
        r.x0 = l->box.x1 + 0.3;
        r.x1 = fmin(lp->width, l->box.x1 + ICON_REACH * h);
    }
    /* stop at the nearest word on that side */
    size_t lo, hi;
    layout_words_near(lp, r.y0, r.y1, &lo, &hi);
    for (size_t i = lo; i < hi; i++)
        stop_at_word(&r, l, side, &lp->words[i].box);
    for (size_t i = lp->n_row_words; i < lp->n_words; i++)
        stop_at_word(&r, l, side, &lp->words[i].box);
    return r;
}

bool icon_in_area(layout_page *lp, box area, icon *out)
{
    memset(out, 0, sizeof *out);
    return region_icon(lp, area, out);
}

bool icon_is_glyph_word(const word *w)
{
    return is_status_glyph(w->text) && colorful(w->rgb);
}

bool icon_beside_line(layout_page *lp, const line *l, icon *out)
{
    memset(out, 0, sizeof *out);
    const word *first = &lp->words[l->first_word];
    if (icon_is_glyph_word(first)) {
        out->box = first->box;
        out->rgb = first->rgb;
        out->glyph = true;
        return true;
    }
    for (int side = -1; side <= 1; side += 2) {
        box r = side_region(lp, l, side);
        if (box_width(r) < 2)
            continue;
        if (region_icon(lp, r, out))
            return true;
    }
    return false;
}
