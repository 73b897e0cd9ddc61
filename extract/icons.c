/* icons.c: status marks and their colours. */
#include "icons.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"
#include "util.h"

enum { ICON_SCALE = 4 };          /* pixels per point where a region is rendered on its own */
#define BAND_MARGIN 0.2           /* a line's band reaches this share of its height above and below */
#define MARK_MIN_HEIGHT 0.25      /* a mark is at least this share of the text height … */
#define MARK_MAX_HEIGHT 1.6       /* … and at most this */
#define MARK_MAX_WIDTH 2.5        /* a mark is no wider than this many text heights */
#define MARK_MIN_ASPECT 0.35      /* nor narrower than this share of its height (a rule) */
#define GLYPH_COLOR_APART 60.0    /* a glyph this far from the text's colour is set apart */
#define CELL_FILL_SHARE 0.5       /* a cell whose area is this much one colour is filled with it */

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

static uint32_t rgb_of(const uint8_t *p)
{
    return ((uint32_t)p[0] << 16) | ((uint32_t)p[1] << 8) | p[2];
}

double color_distance(uint32_t a, uint32_t b)
{
    double dr = (double)((a >> 16) & 255) - ((b >> 16) & 255);
    double dg = (double)((a >> 8) & 255) - ((b >> 8) & 255);
    double db = (double)(a & 255) - (b & 255);
    return sqrt(dr * dr + dg * dg + db * db);
}

/* ------------------------------------------------------------ shapes */

enum { MAX_PAPERS = 3 };
#define PAPER_BORDER_SHARE 0.2    /* a colour on this share of a region's border is paper */

/* A region's pixels and what paper they are printed on. */
typedef struct region_pixels {
    uint8_t *pixels;
    int width, height;
    double scale;
    box got;               /* the part of the page they cover */
    uint32_t paper_rgb[MAX_PAPERS];
    size_t n_papers;
} region_pixels;

/* The colours much of a region's border shows: the paper the region is
 * printed on (a coloured table cell, a banner), where it crosses from one
 * to another (a cell's fill, then the page beside the table). */
static void find_paper(region_pixels *rp)
{
    size_t *counts = xcalloc(BUCKETS, sizeof *counts);
    size_t border = 0;
    for (int y = 0; y < rp->height; y++)
        for (int x = 0; x < rp->width; x++) {
            if (y != 0 && y != rp->height - 1 && x != 0 && x != rp->width - 1)
                continue;
            counts[bucket_of(rp->pixels + 3 * ((size_t)y * (size_t)rp->width + (size_t)x))]++;
            border++;
        }
    rp->n_papers = 0;
    for (size_t k = 0; k < MAX_PAPERS; k++) {
        size_t best = 0;
        for (size_t b = 1; b < BUCKETS; b++)
            if (counts[b] > counts[best])
                best = b;
        if (border == 0 || counts[best] < PAPER_BORDER_SHARE * (double)border)
            break;
        rp->paper_rgb[rp->n_papers++] = bucket_center(best);
        counts[best] = 0;
    }
    free(counts);
}

static bool is_paper(const region_pixels *rp, const uint8_t *p)
{
    if (is_background(p))
        return true;
    for (size_t i = 0; i < rp->n_papers; i++)
        if (color_distance(rgb_of(p), rp->paper_rgb[i]) < 40)
            return true;
    return false;
}

/* The pixels of region: from the page's overview, or, where fine is asked
 * (a bar's thin outline and edges are lost at the overview's point per
 * pixel) or there is no overview, rendered on their own at ICON_SCALE. */
static bool load_region(layout_page *lp, box region, bool fine, region_pixels *rp)
{
    memset(rp, 0, sizeof *rp);
    if (!lp->source || box_width(region) < 1 || box_height(region) < 1 ||
        layout_page_blank(lp, region))
        return false;
    rp->scale = ICON_SCALE;
    rp->got = region;
    if ((fine || !layout_page_overview(lp, region, &rp->pixels, &rp->width, &rp->height,
                                       &rp->scale, &rp->got)) &&
        layout_render_region(lp, region, ICON_SCALE, &rp->pixels, &rp->width, &rp->height) !=
            ARSRED_OK)
        return false;
    find_paper(rp);
    return true;
}

/* One connected shape of ink in a region: its extent in pixels, its size
 * and its colour (the mean of the pixels near its commonest colour, which
 * leaves out the anti-aliased edge). */
typedef struct shape {
    int x0, y0, x1, y1;     /* inclusive */
    size_t pixels;
    uint32_t rgb;
} shape;

/* The commonest colour of the pixels of rp that label gives id (every
 * pixel that is not white where label is NULL): the mean of those near its
 * bucket, which leaves out the anti-aliased edge; *count gets how many
 * pixels the bucket holds. */
static uint32_t commonest_color(const region_pixels *rp, const int *label, int id, size_t *count)
{
    size_t total = (size_t)rp->width * (size_t)rp->height;
    size_t *counts = xcalloc(BUCKETS, sizeof *counts);
    for (size_t i = 0; i < total; i++)
        if (label ? label[i] == id : !is_background(rp->pixels + 3 * i))
            counts[bucket_of(rp->pixels + 3 * i)]++;
    size_t best = 0;
    for (size_t b = 1; b < BUCKETS; b++)
        if (counts[b] > counts[best])
            best = b;
    *count = counts[best];
    free(counts);
    uint32_t center = bucket_center(best);
    double sum[3] = {0};
    size_t n = 0;
    for (size_t i = 0; i < total; i++) {
        const uint8_t *p = rp->pixels + 3 * i;
        if (!(label ? label[i] == id : !is_background(p)) || color_distance(rgb_of(p), center) > 40)
            continue;
        sum[0] += p[0], sum[1] += p[1], sum[2] += p[2];
        n++;
    }
    if (n == 0)
        n = 1;
    return ((uint32_t)lround(sum[0] / (double)n) << 16) |
           ((uint32_t)lround(sum[1] / (double)n) << 8) | (uint32_t)lround(sum[2] / (double)n);
}

/* The connected shapes of ink in the region (8-neighbours), in no order,
 * without their colours (shape_color tells one, from *labels: each pixel's
 * shape, 1-based; freed by the caller). */
static size_t find_shapes(const region_pixels *rp, shape **out, int **labels)
{
    size_t n_px = (size_t)rp->width * (size_t)rp->height;
    int *label = xcalloc(n_px, sizeof *label);
    int *stack = xmalloc(n_px * sizeof *stack);
    shape *shapes = NULL;
    size_t n = 0, cap = 0;
    for (size_t start = 0; start < n_px; start++) {
        if (label[start] || is_paper(rp, rp->pixels + 3 * start))
            continue;
        int id = (int)n + 1;
        shape s = {rp->width, rp->height, -1, -1, 0, 0};
        size_t top = 0;
        stack[top++] = (int)start;
        label[start] = id;
        while (top) {
            int i = stack[--top], x = i % rp->width, y = i / rp->width;
            s.pixels++;
            if (x < s.x0) s.x0 = x;
            if (y < s.y0) s.y0 = y;
            if (x > s.x1) s.x1 = x;
            if (y > s.y1) s.y1 = y;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= rp->width || ny >= rp->height)
                        continue;
                    int j = ny * rp->width + nx;
                    if (!label[j] && !is_paper(rp, rp->pixels + 3 * (size_t)j)) {
                        label[j] = id;
                        stack[top++] = j;
                    }
                }
        }
        ARRAY_PUSH(shapes, n, cap, s);
    }
    free(stack);
    *labels = label;
    *out = shapes;
    return n;
}

static box shape_box(const region_pixels *rp, const shape *s)
{
    return (box){rp->got.x0 + s->x0 / rp->scale, rp->got.y0 + s->y0 / rp->scale,
                 rp->got.x0 + (s->x1 + 1) / rp->scale, rp->got.y0 + (s->y1 + 1) / rp->scale};
}

/* A mark is about as tall as the text, not a rule or a picture; not a bar
 * (a cell's coloured edge), nor a fill from the top of the band to its
 * bottom (a banner or a coloured row behind the text). */
static bool is_mark_shape(const region_pixels *rp, const shape *s, double text_height)
{
    box b = shape_box(rp, s);
    double height = box_height(b), width = box_width(b);
    bool fills_band = s->y0 == 0 && s->y1 == rp->height - 1; /* cut by the band at both edges */
    size_t min_pixels = (size_t)fmax(4, 0.1 * (s->x1 - s->x0 + 1) * (s->y1 - s->y0 + 1));
    return height >= MARK_MIN_HEIGHT * text_height && height <= MARK_MAX_HEIGHT * text_height &&
           width <= MARK_MAX_WIDTH * text_height && width >= MARK_MIN_ASPECT * height &&
           !fills_band && s->pixels >= min_pixels;
}

/* The mark in region nearest to the line it is looked for beside (side <
 * 0, left of it: the rightmost; side > 0: the leftmost). */
static bool mark_in_region(layout_page *lp, box region, double text_height, int side, icon *out)
{
    region_pixels rp;
    if (!load_region(lp, region, false, &rp))
        return false;
    shape *shapes;
    int *labels;
    size_t n = find_shapes(&rp, &shapes, &labels);
    shape *best = NULL;
    for (size_t i = 0; i < n; i++) {
        shape *s = &shapes[i];
        if (!is_mark_shape(&rp, s, text_height))
            continue;
        if (!best || (side < 0 ? s->x1 > best->x1 : s->x0 < best->x0))
            best = s;
    }
    if (best) {
        size_t count;
        best->rgb = commonest_color(&rp, labels, (int)(best - shapes) + 1, &count);
        memset(out, 0, sizeof *out);
        out->box = shape_box(&rp, best);
        out->rgb = best->rgb;
    }
    free(labels);
    free(shapes);
    free(rp.pixels);
    return best != NULL;
}

/* How many pixels from x, stepping by dir, keep the colour of the first. */
static int run_of_color(const uint8_t *row, int x, int dir, int limit)
{
    uint32_t c = rgb_of(row + 3 * x);
    int n = 0;
    while (n < limit && color_distance(rgb_of(row + 3 * (x + dir * n)), c) < 60)
        n++;
    return n;
}

/* How much of a bar is filled, along its middle row: an outline (a run of
 * one colour at both ends, a point wide at most) is no part of it; the fill
 * is the run of the colour it starts with, paper or a track of another
 * colour the rest. An anti-aliased pixel or hairline of half a point at
 * either end is the bar's edge. */
static double filled_share(const region_pixels *rp, const shape *bar)
{
    int y = (bar->y0 + bar->y1) / 2, x0 = bar->x0, x1 = bar->x1, width = x1 - x0 + 1;
    const uint8_t *row = rp->pixels + 3 * (size_t)y * (size_t)rp->width;
    int edge = (int)ceil(0.5 * rp->scale), outline_max = (int)ceil(rp->scale);
    int left = run_of_color(row, x0, 1, width), right = run_of_color(row, x1, -1, width);
    bool outlined = left <= outline_max && right <= outline_max && left + right < width &&
                    color_distance(rgb_of(row + 3 * x0), rgb_of(row + 3 * x1)) < 60;
    int start = outlined ? x0 + left : x0, end = outlined ? x1 - right : x1;
    int length = end - start + 1;
    if (length <= 0)
        return 0;
    /* the first run longer than an edge: the fill, or paper where there is none */
    int x = start;
    while (x <= end) {
        int run = run_of_color(row, x, 1, end - x + 1);
        if (run > edge) {
            if (is_paper(rp, row + 3 * x))
                return 0;
            int filled = x + run - start;
            return length - filled <= edge ? 1 : (double)filled / length;
        }
        x += run;
    }
    return 0;
}

/* A bar: three times as long as tall or more, about as tall as the text
 * (not a rule), and within the cell (a rule across it touches both ends). */
static bool is_bar_shape(const region_pixels *rp, const shape *s, double text_height)
{
    int w = s->x1 - s->x0 + 1, h = s->y1 - s->y0 + 1;
    double height = h / rp->scale;
    return w >= 3 * h && height >= MARK_MIN_HEIGHT * text_height &&
           height <= MARK_MAX_HEIGHT * text_height && !(s->x0 == 0 && s->x1 == rp->width - 1);
}

bool icon_progress_bar(layout_page *lp, box area, double text_height, double *share)
{
    region_pixels rp;
    if (!load_region(lp, area, true, &rp))
        return false;
    shape *shapes;
    int *labels;
    size_t n = find_shapes(&rp, &shapes, &labels);
    free(labels);
    const shape *bar = NULL;
    for (size_t i = 0; i < n; i++) {
        int w = shapes[i].x1 - shapes[i].x0 + 1;
        if (is_bar_shape(&rp, &shapes[i], text_height) && (!bar || w > bar->x1 - bar->x0 + 1))
            bar = &shapes[i];
    }
    bool found = bar != NULL;
    if (found)
        *share = filled_share(&rp, bar);
    free(shapes);
    free(rp.pixels);
    return found;
}

bool icon_cell_fill(layout_page *lp, box area, uint32_t *rgb)
{
    region_pixels rp;
    if (!load_region(lp, area, false, &rp))
        return false;
    size_t count;
    *rgb = commonest_color(&rp, NULL, 0, &count);
    bool filled = count >= CELL_FILL_SHARE * (double)rp.width * (double)rp.height;
    free(rp.pixels);
    return filled;
}

/* ------------------------------------------------------------- hues */

goal_status status_of_hue(uint32_t rgb)
{
    double r = ((rgb >> 16) & 255) / 255.0, g = ((rgb >> 8) & 255) / 255.0, b = (rgb & 255) / 255.0;
    double max = fmax(r, fmax(g, b)), min = fmin(r, fmin(g, b));
    double s = max > 0 ? (max - min) / max : 0;
    if (s < 0.25 || max < 0.2)
        return STATUS_NONE; /* grey, black or white: only a legend tells */
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
    return STATUS_NONE; /* blue, purple: a play icon, a link, not a verdict */
}

/* ------------------------------------------------------------ glyphs */

bool icon_is_mark_glyph(const icon_glyphs *g, const word *w)
{
    pattern_match m;
    return g && g->glyph &&
           pattern_exec(g->glyph, w->text, strlen(w->text), 0, &m) == PATTERN_MATCHED;
}

bool icon_is_glyph_word(const icon_glyphs *g, const word *w, uint32_t text_rgb)
{
    return icon_is_mark_glyph(g, w) && color_distance(w->rgb, text_rgb) > GLYPH_COLOR_APART;
}

static icon glyph_icon(const word *w)
{
    return (icon){.box = w->box, .rgb = w->rgb, .glyph = true, .word = w};
}

/* Steps *i through the words that may reach into a band: those of rows
 * [lo, hi) (layout_words_near), then the vertical ones. Start with *i at
 * SIZE_MAX; false past the last. */
static bool next_near(const layout_page *lp, size_t lo, size_t hi, size_t *i)
{
    size_t next = *i == SIZE_MAX ? lo : *i + 1;
    if (next >= hi && next < lp->n_row_words)
        next = lp->n_row_words;
    if (next >= lp->n_words)
        return false;
    *i = next;
    return true;
}

/* ----------------------------------------------------------- beside */

static bool on_row(const box *w, box band, double h)
{
    return span_overlap(w->y0, w->y1, band.y0, band.y1) > 0.3 * h;
}

/* The words on l's row nearest to its left and right (NULL where none). */
static void row_neighbours(const layout_page *lp, const line *l, box band, const word **left,
                           const word **right)
{
    double h = box_height(l->box);
    *left = *right = NULL;
    size_t lo, hi;
    layout_words_near(lp, band.y0, band.y1, &lo, &hi);
    for (size_t i = SIZE_MAX; next_near(lp, lo, hi, &i);) {
        const word *w = &lp->words[i];
        if (!on_row(&w->box, band, h))
            continue;
        if (w->box.x1 <= l->box.x0 + 0.1 && (!*left || w->box.x1 > (*left)->box.x1))
            *left = w;
        if (w->box.x0 >= l->box.x1 - 0.1 && (!*right || w->box.x0 < (*right)->box.x0))
            *right = w;
    }
}

/* The nearest word beyond the mark on its far side, on the row. */
static const word *word_beyond(const layout_page *lp, box band, double h, box mark, int side)
{
    const word *best = NULL;
    size_t lo, hi;
    layout_words_near(lp, band.y0, band.y1, &lo, &hi);
    for (size_t i = SIZE_MAX; next_near(lp, lo, hi, &i);) {
        const word *w = &lp->words[i];
        if (!on_row(&w->box, band, h))
            continue;
        if (side > 0 && w->box.x0 >= mark.x1 && (!best || w->box.x0 < best->box.x0))
            best = w;
        if (side < 0 && w->box.x1 <= mark.x0 && (!best || w->box.x1 > best->box.x1))
            best = w;
    }
    return best;
}

/* Whether the mark found on side of l is l's: nearer to it than to the
 * text beyond it on the row (which is another line's). */
static bool nearer_to_line(const layout_page *lp, const icon_glyphs *g, const line *l, box band,
                           const icon *mark, int side)
{
    double h = box_height(l->box);
    const word *beyond = word_beyond(lp, band, h, mark->box, side);
    if (beyond && icon_is_mark_glyph(g, beyond) && beyond != mark->word)
        beyond = NULL; /* another mark beyond: a mark column, not text */
    if (!beyond || beyond == mark->word)
        return true;
    double to_line = side > 0 ? mark->box.x0 - l->box.x1 : l->box.x0 - mark->box.x1;
    double to_beyond = side > 0 ? beyond->box.x0 - mark->box.x1 : mark->box.x0 - beyond->box.x1;
    /* a mark leads the text it marks: on the left it is the next line's
     * only when clearly nearer to it */
    return side < 0 ? to_line <= to_beyond : to_line < to_beyond;
}

/* Whether w is the only word of its line: a glyph set apart by place,
 * whatever its colour (a black "✔" at a tab). */
static bool alone_on_line(const layout_page *lp, const word *w)
{
    size_t index = (size_t)(w - lp->words);
    return lp->word_line && lp->lines[lp->word_line[index]].n_words == 1;
}

static bool side_mark(layout_page *lp, const icon_glyphs *g, const line *l, box band,
                      const word *neighbour, int side, icon *out)
{
    uint32_t text_rgb = lp->words[l->first_word].rgb;
    if (neighbour && (icon_is_glyph_word(g, neighbour, text_rgb) ||
                      (icon_is_mark_glyph(g, neighbour) && alone_on_line(lp, neighbour)))) {
        *out = glyph_icon(neighbour);
        return nearer_to_line(lp, g, l, band, out, side);
    }
    box r = band;
    if (side < 0) {
        r.x0 = neighbour ? neighbour->box.x1 + 0.3 : 0;
        r.x1 = l->box.x0 - 0.3;
    } else {
        r.x0 = l->box.x1 + 0.3;
        r.x1 = neighbour ? neighbour->box.x0 - 0.3 : lp->width;
    }
    if (box_width(r) < 2)
        return false;
    return mark_in_region(lp, r, box_height(l->box), side, out) &&
           nearer_to_line(lp, g, l, band, out, side);
}

box icon_row_band(box b)
{
    double h = box_height(b);
    return (box){b.x0, b.y0 - BAND_MARGIN * h, b.x1, b.y1 + BAND_MARGIN * h};
}

bool icon_beside_line(layout_page *lp, const icon_glyphs *g, const line *l, icon *out)
{
    memset(out, 0, sizeof *out);
    const word *first = &lp->words[l->first_word];
    if (l->n_words > 1 && icon_is_glyph_word(g, first, lp->words[l->first_word + 1].rgb)) {
        *out = glyph_icon(first);
        return true;
    }
    box band = icon_row_band(l->box);
    const word *left, *right;
    row_neighbours(lp, l, band, &left, &right);
    return side_mark(lp, g, l, band, left, -1, out) || side_mark(lp, g, l, band, right, 1, out);
}

bool icon_in_area(layout_page *lp, const icon_glyphs *g, box area, double text_height, icon *out)
{
    memset(out, 0, sizeof *out);
    size_t lo, hi;
    layout_words_near(lp, area.y0, area.y1, &lo, &hi);
    for (size_t i = SIZE_MAX; next_near(lp, lo, hi, &i);) {
        const word *w = &lp->words[i];
        if (span_overlap(w->box.x0, w->box.x1, area.x0, area.x1) <= 0 ||
            span_overlap(w->box.y0, w->box.y1, area.y0, area.y1) <= 0.3 * box_height(w->box))
            continue;
        if (!icon_is_mark_glyph(g, w))
            return false; /* words in the cell: it says its status in them */
        *out = glyph_icon(w);
        return true;
    }
    return mark_in_region(lp, area, text_height, 1, out);
}
