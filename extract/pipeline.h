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

/* Parses "3-7,12" into a page filter over n_pages pages (a new array of
 * n_pages + 1 flags, index = page number). */
int pipeline_parse_pages(const char *ranges, int n_pages, bool **selected,
                         arsred_error *err);

#endif
