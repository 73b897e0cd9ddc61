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

#endif
