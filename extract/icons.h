/* icons.h: status marks beside a line of text, and what their colours
 * mean. Raster images, vector shapes and coloured glyphs are all read the
 * same way: the band of the line is rendered, the shapes in it that are
 * no text found, and the one nearest the line taken with its colour. */
#ifndef ARSRED_ICONS_H
#define ARSRED_ICONS_H

#include <stdbool.h>
#include <stdint.h>

#include "layout.h"
#include "pattern.h"
#include "report.h"

typedef struct icon {
    box box;
    uint32_t rgb;
    bool glyph;            /* a glyph of the text ("●"), not a drawing */
    const word *word;      /* that glyph's word */
} icon;

/* What marks a status among the page's words: the pattern of the glyphs
 * reports use ("●", "✔", …); NULL where there is none. */
typedef struct icon_glyphs {
    const pattern *glyph;
} icon_glyphs;

/* A glyph that stands for a status: one of the mark glyphs, set in
 * another colour than the text it marks (text_rgb). */
bool icon_is_glyph_word(const icon_glyphs *g, const word *w, uint32_t text_rgb);
/* Whether w is one of the mark glyphs, whatever its colour. */
bool icon_is_mark_glyph(const icon_glyphs *g, const word *w);

/* The row band of a line's box: a little above and below it, where the
 * marks that stand beside it are. */
box icon_row_band(box b);

/* The mark whose row band l shares, left or right of its words, as far as
 * the next text on the row: a mark between two lines is the nearer one's.
 * A mark glyph that starts l counts too. */
bool icon_beside_line(layout_page *lp, const icon_glyphs *g, const line *l, icon *out);
/* The mark inside area (a goal table's status cell on one row), the
 * leftmost of those about as tall as text_height; none where words fill
 * it. */
bool icon_in_area(layout_page *lp, const icon_glyphs *g, box area, double text_height,
                  icon *out);

/* The colour area is filled with (a status given as a cell's
 * background): one colour, not white, over half of it. */
bool icon_cell_fill(layout_page *lp, box area, uint32_t *rgb);

/* A progress bar in area: a bar at least three times as long as tall and
 * about as tall as text_height, filled from its left end; *share gets the
 * filled part of its length (0..1). */
bool icon_progress_bar(layout_page *lp, box area, double text_height, double *share);

/* The status a colour stands for by its hue alone, where no legend says:
 * red not met, amber/yellow partly met, green met; STATUS_NONE for any
 * other colour (grey, blue, black, purple …), which only a legend can
 * explain. */
goal_status status_of_hue(uint32_t rgb);

/* Distance between two colours (0 .. 442). */
double color_distance(uint32_t a, uint32_t b);

#endif
