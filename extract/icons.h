/* icons.h: status icons beside a line of text, and what their colours
 * mean. Raster images, vector shapes and coloured glyphs are all read the
 * same way: the small region is rendered and its dominant colour that is
 * not the background taken. */
#ifndef ARSRED_ICONS_H
#define ARSRED_ICONS_H

#include <stdbool.h>
#include <stdint.h>

#include "layout.h"
#include "report.h"

typedef struct icon {
    box box;
    uint32_t rgb;
    bool glyph;            /* a coloured glyph that starts the line ("●") */
} icon;

/* A coloured glyph that stands for a status ("●" in red). */
bool icon_is_glyph_word(const word *w);

/* Looks for an icon just left of the line (or, where nothing is there,
 * just right of it). */
bool icon_beside_line(layout_page *lp, const line *l, icon *out);
/* An icon inside area, a band about 1.4 times as tall as the text beside
 * it (a goal table's status column on one row). */
bool icon_in_area(layout_page *lp, box area, icon *out);

/* The status a colour stands for by its hue alone: red not met,
 * yellow/orange partly met, green met, grey or blue not evaluated;
 * STATUS_NONE for colours that say nothing (black, purple, …). */
goal_status status_of_hue(uint32_t rgb);

/* Distance between two colours (0 .. 442). */
double color_distance(uint32_t a, uint32_t b);

/* The dominant colour of an RGB buffer that is not the background:
 * returns false where too few pixels have colour. */
bool dominant_color(const uint8_t *pixels, int width, int height, uint32_t *rgb,
                    int *x0, int *y0, int *x1, int *y1);

#endif
