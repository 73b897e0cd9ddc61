/* geom.h: boxes in PDF points, origin top-left, y growing downwards. */
#ifndef ARSRED_GEOM_H
#define ARSRED_GEOM_H

typedef struct box {
    double x0, y0, x1, y1;
} box;

static inline double box_width(box b) { return b.x1 - b.x0; }
static inline double box_height(box b) { return b.y1 - b.y0; }
static inline double box_cy(box b) { return (b.y0 + b.y1) / 2; }

static inline box box_union(box a, box b)
{
    box u = a;
    if (b.x0 < u.x0) u.x0 = b.x0;
    if (b.y0 < u.y0) u.y0 = b.y0;
    if (b.x1 > u.x1) u.x1 = b.x1;
    if (b.y1 > u.y1) u.y1 = b.y1;
    return u;
}

/* Overlap of two intervals; negative where they are apart (the gap). */
static inline double span_overlap(double a0, double a1, double b0, double b1)
{
    double lo = a0 > b0 ? a0 : b0;
    double hi = a1 < b1 ? a1 : b1;
    return hi - lo;
}

/* A page whose text is set a quarter turn from upright is read turned
 * upright. A page of w x h points turned clockwise (text that read upwards
 * now reads left to right) is h x w; anticlockwise, for text that read
 * downwards, the same. Boxes move between the page as poppler gives it
 * and the page as read with these two; w and h are the page's own. */
typedef enum quarter_turn { TURN_NONE, TURN_CLOCKWISE, TURN_ANTICLOCKWISE } quarter_turn;

static inline box box_turned(box b, quarter_turn t, double w, double h)
{
    if (t == TURN_CLOCKWISE)
        return (box){h - b.y1, b.x0, h - b.y0, b.x1};
    if (t == TURN_ANTICLOCKWISE)
        return (box){b.y0, w - b.x1, b.y1, w - b.x0};
    return b;
}

static inline box box_unturned(box b, quarter_turn t, double w, double h)
{
    if (t == TURN_CLOCKWISE)
        return (box){b.y0, h - b.x1, b.y1, h - b.x0};
    if (t == TURN_ANTICLOCKWISE)
        return (box){w - b.y1, b.x0, w - b.y0, b.x1};
    return b;
}

#endif
