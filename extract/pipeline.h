/* pipeline.h: one document through every stage, page by page. */
#ifndef ARSRED_PIPELINE_H
#define ARSRED_PIPELINE_H

#include "arsred.h"
#include "layout.h"
#include "report.h"

/* Called for each page once its layout, furniture and continuations are
 * known, before the page is freed. */
typedef void (*page_observer)(void *ctx, layout_page *lp, const arsred_document *doc);

int pipeline_run(const char *path, const arsred_options *options,
                 page_observer observe, void *ctx, arsred_document **out,
                 arsred_error *err);
/* As pipeline_run, but the pages of options->page_ranges past the last are
 * left out without a word: a window around one page (inspect). */
int pipeline_run_window(const char *path, const arsred_options *options,
                        page_observer observe, void *ctx, arsred_document **out,
                        arsred_error *err);

/* Bounds on the work of one document, for the fuzz targets (one input
 * must be quick). */
typedef struct pipeline_limits {
    int max_pages;            /* the first pages only; the others are left
                                 out without a word. 0: all */
    double max_render_pixels; /* drawn for icons, marks and hidden text, in
                                 all (pdf_set_render_budget); 0: no bound,
                                 negative: nothing is drawn */
} pipeline_limits;

/* As pipeline_run, within limits. */
int pipeline_run_limited(const char *path, const arsred_options *options,
                         const pipeline_limits *limits, arsred_document **out,
                         arsred_error *err);

/* Parses "3-7,12" (or "3-": to the last page) into a page filter over
 * n_pages pages (a new array of n_pages + 1 flags, index = page number).
 * A page past the last is a usage error naming the page count (the
 * document is name), or with clip left out. */
int pipeline_parse_pages(const char *name, const char *ranges, int n_pages, bool clip,
                         bool **selected, arsred_error *err);

#endif
