/* pipeline.c: PDF -> pages -> layout -> furniture -> recognisers ->
 * report model. Only a small window of pages is held at any time. */
#include "pipeline.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "furniture.h"
#include "page_feed.h"
#include "page_text.h"
#include "table.h"
#include "pattern.h"
#include "pdf.h"
#include "text.h"
#include "util.h"

static const recogniser *const recognisers[] = {&table_recogniser, &cover_recogniser,
                                                  &statement_recogniser, &goal_recogniser,
                                                  &kpi_recogniser};
enum { N_RECOGNISERS = sizeof recognisers / sizeof *recognisers };

/* One number of a page list; false where there is none. */
static bool parse_page_number(const char **p, long *value)
{
    char *end;
    errno = 0;
    *value = strtol(*p, &end, 10);
    if (end == *p || errno == ERANGE || *value > INT_MAX)
        return false;
    *p = end;
    return true;
}

int pipeline_parse_pages(const char *name, const char *ranges, int n_pages, bool clip,
                         bool **selected, arsred_error *err)
{
    bool *sel = xcalloc((size_t)n_pages + 1, sizeof *sel);
    if (!ranges) {
        for (int i = 1; i <= n_pages; i++)
            sel[i] = true;
        *selected = sel;
        return ARSRED_OK;
    }
    long beyond = 0; /* the first page asked for past the last */
    for (const char *p = ranges; *p;) {
        long a, b;
        if (!parse_page_number(&p, &a))
            goto bad;
        b = a;
        if (*p == '-') {
            p++;
            if (*p == ',' || *p == '\0')
                b = n_pages > a ? n_pages : a; /* "7-": to the last page */
            else if (!parse_page_number(&p, &b))
                goto bad;
        }
        if (a < 1 || b < a)
            goto bad;
        if (b > n_pages && !beyond)
            beyond = a > n_pages ? a : n_pages + 1;
        for (long i = a; i <= b && i <= n_pages; i++)
            sel[i] = true;
        if (*p == ',')
            p++;
        else if (*p)
            goto bad;
    }
    if (beyond && !clip) {
        free(sel);
        if (n_pages == 0)
            return error_set(err, ARSRED_ERR_USAGE, "%s: --pages %s: the document has no pages",
                             name, ranges);
        return error_set(err, ARSRED_ERR_USAGE,
                         "%s: --pages %s: the document has %d page%s, so there is no page %ld; "
                         "give pages from 1 to %d",
                         name, ranges, n_pages, n_pages == 1 ? "" : "s", beyond, n_pages);
    }
    *selected = sel;
    return ARSRED_OK;
bad:
    free(sel);
    return error_set(err, ARSRED_ERR_USAGE,
                     "--pages '%s' is not a page list; write it like 3-7,12 (or 3- for page 3 "
                     "to the end)", ranges);
}

typedef struct run {
    arsred_document *doc;
    const arsred_patterns *patterns;
    furniture *furniture;
    paragraph_state paragraphs;
    void *states[N_RECOGNISERS];
    page_observer observe;
    void *ctx;
    page_text_state *page_text;
    fed_page window[FURNITURE_LOOKAHEAD + 1];
    size_t n_window;
} run;

/* Whether the PDF says it was made by an OCR program. */
static bool made_by_ocr(const pdf_doc *pdf, const arsred_patterns *patterns)
{
    const pattern *pats[16];
    size_t n = patterns_of_kind(patterns, "pdf.ocr-producer", pats, 16);
    const char *fields[] = {pdf_creator(pdf), pdf_producer(pdf)};
    for (size_t f = 0; f < 2; f++)
        for (size_t i = 0; i < n && i < 16 && fields[f]; i++) {
            pattern_match m;
            if (pattern_exec(pats[i], fields[f], strlen(fields[f]), 0, &m) == PATTERN_MATCHED)
                return true;
        }
    return false;
}

/* The oldest page of the window has seen enough pages after it. */
static void finish_oldest_page(run *r)
{
    layout_page *lp = &r->window[0].layout;
    furniture_mark(r->furniture, lp);
    report_set_page_label(r->doc, lp->number, lp->page_label);
    report_note_turn(r->doc, lp);
    lp->n_tables = tables_detect(lp, r->patterns, &lp->tables);
    layout_mark_continuations(lp, &r->paragraphs);
    page_text_check(r->page_text, r->doc, &r->window[0]);
    for (size_t k = 0; k < N_RECOGNISERS; k++)
        recognisers[k]->page(r->states[k], lp, r->doc);
    if (r->observe)
        r->observe(r->ctx, lp, r->doc);
    found_tables_free(lp->tables, lp->n_tables);
    layout_page_release(lp);
    memmove(&r->window[0], &r->window[1], (r->n_window - 1) * sizeof *r->window);
    r->n_window--;
}

/* Where --pages leaves out cover pages, the cover recogniser reads them
 * anyway (and nothing else does): the report's organisation, body, year
 * and type are on the cover whatever pages the user wants the figures of.
 * Said with a warning, as they come from pages that were not asked for. */
static void read_cover_outside_selection(run *r, pdf_doc *pdf, const bool *selected, int n_pages)
{
    int last = n_pages < COVER_PAGES ? n_pages : COVER_PAGES, read = 0;
    for (int number = 1; number <= last; number++) {
        if (selected[number])
            continue;
        pdf_page page;
        arsred_error ignored = {0};
        if (pdf_page_load(pdf, number, &page, &ignored) != ARSRED_OK)
            continue;
        layout_page lp;
        layout_page_build(&lp, &page, pdf);
        pdf_page_release(&page);
        for (size_t k = 0; k < N_RECOGNISERS; k++)
            if (recognisers[k] == &cover_recogniser)
                cover_recogniser.page(r->states[k], &lp, r->doc);
        layout_page_release(&lp);
        read++;
    }
    if (read > 0)
        report_warn(r->doc, "cover-outside-pages", 0,
                    "--pages leaves out the cover: the report's organisation, body, year "
                    "and type were read from the first %d page%s and the PDF's metadata "
                    "(Title, Subject), which --pages did not ask for",
                    last, last == 1 ? "" : "s");
}

static int run_pages(run *r, page_feed *feed, const arsred_options *options,
                     const char *path, arsred_error *err)
{
    double start = now_seconds();
    fed_page page;
    while (page_feed_next(feed, &page)) {
        if (options->timeout_seconds > 0 &&
            now_seconds() - start > options->timeout_seconds) {
            layout_page_release(&page.layout);
            return error_set(err, ARSRED_ERR_TIMEOUT,
                             "%s: page %d: stopped after %g s (--timeout); the "
                             "file may be pathological",
                             path, page.number, options->timeout_seconds);
        }
        if (page.unreadable) {
            /* a page tree with a loop or a dangling reference: the other
             * pages are still there */
            report_warn(r->doc, "page-unreadable", page.number,
                        "page %d cannot be read; the PDF's page tree is damaged there",
                        page.number);
            continue;
        }
        r->window[r->n_window++] = page;
        furniture_add_page(r->furniture, &r->window[r->n_window - 1].layout);
        if (r->n_window > FURNITURE_LOOKAHEAD)
            finish_oldest_page(r);
    }
    while (r->n_window > 0)
        finish_oldest_page(r);
    return ARSRED_OK;
}

static int run_document(const char *path, const arsred_options *options, bool clip_pages,
                        const pipeline_limits *limits, page_observer observe, void *ctx,
                        arsred_document **out, arsred_error *err)
{
    *out = NULL;
    if (!options || !options->patterns)
        return error_set(err, ARSRED_ERR_USAGE, "no patterns were loaded");
    pdf_doc *pdf = NULL;
    const char *name = options->source_name ? options->source_name : path;
    int rc = pdf_open(path, name, options->password, &pdf, err);
    if (rc != ARSRED_OK)
        return rc;
    int n_pages = pdf_page_count(pdf);
    bool *selected = NULL;
    rc = pipeline_parse_pages(name, options->page_ranges, n_pages, clip_pages, &selected, err);
    if (rc != ARSRED_OK) {
        pdf_close(pdf);
        return rc;
    }
    int last_page = n_pages; /* the pages that may be read at all */
    if (limits && limits->max_pages > 0 && limits->max_pages < n_pages) {
        last_page = limits->max_pages;
        for (int i = last_page + 1; i <= n_pages; i++)
            selected[i] = false;
    }
    if (limits && limits->max_render_pixels != 0)
        pdf_set_render_budget(pdf, limits->max_render_pixels > 0 ? limits->max_render_pixels : 0);
    run r = {.doc = report_new(name), .observe = observe, .ctx = ctx};
    r.doc->pages = n_pages;
    r.doc->revisions = pdf_revisions(pdf);
    memcpy(r.doc->sha256, pdf_sha256(pdf), sizeof r.doc->sha256);
    r.doc->producer = pdf_producer(pdf) ? xstrdup(pdf_producer(pdf)) : NULL;
    r.doc->title = pdf_title(pdf) ? xstrdup(pdf_title(pdf)) : NULL;
    r.doc->subject = pdf_subject(pdf) ? xstrdup(pdf_subject(pdf)) : NULL;
    r.patterns = options->patterns;
    r.furniture = furniture_new(options->patterns);
    r.page_text = page_text_state_new(made_by_ocr(pdf, options->patterns));
    for (size_t k = 0; k < N_RECOGNISERS; k++)
        r.states[k] = recognisers[k]->start(r.doc, options->patterns);
    if (n_pages == 0)
        report_warn(r.doc, "no-pages", 0, "the document has no pages");
    read_cover_outside_selection(&r, pdf, selected, last_page);
    page_feed *feed = page_feed_start(pdf, selected, n_pages, options->load_ahead);
    rc = run_pages(&r, feed, options, name, err);
    page_feed_stop(feed);
    while (r.n_window > 0) { /* after an error: free what is held */
        layout_page *lp = &r.window[0].layout;
        found_tables_free(lp->tables, lp->n_tables);
        layout_page_release(lp);
        memmove(&r.window[0], &r.window[1], (r.n_window - 1) * sizeof *r.window);
        r.n_window--;
    }
    for (size_t k = 0; k < N_RECOGNISERS; k++)
        recognisers[k]->finish(r.states[k], r.doc);
    if (rc == ARSRED_OK) {
        table_assign_period_kinds(r.doc, options->patterns);
        checks_run(r.doc, r.patterns);
    }
    furniture_free(r.furniture);
    page_text_state_free(r.page_text);
    free(selected);
    pdf_close(pdf);
    if (rc != ARSRED_OK) {
        arsred_document_free(r.doc);
        return rc;
    }
    *out = r.doc;
    return ARSRED_OK;
}

int pipeline_run(const char *path, const arsred_options *options,
                 page_observer observe, void *ctx, arsred_document **out,
                 arsred_error *err)
{
    return run_document(path, options, false, NULL, observe, ctx, out, err);
}

int pipeline_run_window(const char *path, const arsred_options *options,
                        page_observer observe, void *ctx, arsred_document **out,
                        arsred_error *err)
{
    return run_document(path, options, true, NULL, observe, ctx, out, err);
}

int pipeline_run_limited(const char *path, const arsred_options *options,
                         const pipeline_limits *limits, arsred_document **out,
                         arsred_error *err)
{
    return run_document(path, options, false, limits, NULL, NULL, out, err);
}

int arsred_extract(const char *path, const arsred_options *options,
                   arsred_document **out, arsred_error *err)
{
    return pipeline_run(path, options, NULL, NULL, out, err);
}
