/* report.h: the report model, filled by the recognisers and written by
 * json.c. Owns every string it holds. */
#ifndef ARSRED_REPORT_H
#define ARSRED_REPORT_H

#include <stddef.h>

#include "arsred.h"
#include "layout.h"

typedef struct report_warning {
    char *code;     /* short kebab-case word */
    int page;       /* 0 where it is about the whole document */
    char *message;  /* names the page or the item */
} report_warning;

struct arsred_document {
    /* source */
    char *path;
    char sha256[65];
    char *producer;
    char *title;
    int pages;
    /* report (NULL / 0 where the cover does not give it) */
    char *organisation;
    char *body;
    char *type;
    int year;
    report_warning *warnings;
    size_t n_warnings, cap_warnings;
};

arsred_document *report_new(const char *path);
void report_warn(arsred_document *doc, const char *code, int page,
                 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* A recogniser reads pages in reading order and adds what it finds to the
 * document. Adding one means one new file and one entry in pipeline.c. */
typedef struct recogniser {
    const char *name;
    void *(*start)(arsred_document *doc, const arsred_patterns *patterns);
    void (*page)(void *state, layout_page *lp, arsred_document *doc);
    void (*finish)(void *state, arsred_document *doc);
} recogniser;

extern const recogniser cover_recogniser;

#endif
