/* arsred.h: the public interface of the arsred library.
 *
 * arsred turns Swedish municipal annual reports (årsredovisningar) in PDF
 * into data: report metadata, goals and their statuses, budget tables, KPIs
 * and arithmetic checks, as the JSON document of spec/output-format.md.
 *
 * The library never prints, never exits and never reads the environment.
 * Problems inside a document become warnings in the document; failures to
 * read a document return an error code with a message the caller can show.
 */
#ifndef ARSRED_H
#define ARSRED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define ARSRED_VERSION "0.1.0"
#define ARSRED_FORMAT_VERSION 1

/* Error codes. Their numbers never change. */
typedef enum arsred_code {
    ARSRED_OK = 0,
    ARSRED_ERR_USAGE = 1,     /* the caller asked for something impossible */
    ARSRED_ERR_INPUT = 2,     /* an input could not be read */
    ARSRED_ERR_OUTPUT = 3,    /* an output could not be written */
    ARSRED_ERR_PATTERN = 4,   /* a pattern file is broken */
    ARSRED_ERR_TIMEOUT = 5    /* a per-file time limit was reached */
} arsred_code;

/* An error: a code and a message in plain words, lower case, that names the
 * file (and page) it is about, without the "arsred: " prefix. */
typedef struct arsred_error {
    int code;
    char message[1024];
} arsred_error;

/* Pattern files (patterns/). */
typedef struct arsred_patterns arsred_patterns;

/* Loads every *.pat file of builtin_dir, then of user_dir (which adds and
 * overrides patterns by name); either may be NULL. Returns NULL and sets
 * err (ARSRED_ERR_PATTERN, naming file, line and PCRE2 message) on failure.
 * Free with arsred_patterns_free. */
arsred_patterns *arsred_patterns_load(const char *builtin_dir,
                                      const char *user_dir, arsred_error *err);
void arsred_patterns_free(arsred_patterns *patterns);
size_t arsred_patterns_count(const arsred_patterns *patterns);

/* Runs the examples that the pattern files carry. Returns the number of
 * failing examples; *report (caller frees) lists each failure and ends with
 * a summary line. */
int arsred_patterns_test(const arsred_patterns *patterns, char **report);

/* Options of one extraction. Zero-initialise, then set what you need. */
typedef struct arsred_options {
    const char *password;              /* for encrypted PDFs, or NULL */
    const arsred_patterns *patterns;   /* required */
    const char *page_ranges;           /* "3-7,12" or NULL for all pages */
    double timeout_seconds;            /* 0: no limit */
    bool load_ahead;                   /* read the next pages in a second
                                          thread (the same result, sooner) */
    const char *source_name;           /* the input's name in the document
                                          (source.path) and in messages, where
                                          path is a copy (of standard input,
                                          say); NULL: path */
} arsred_options;

/* The result of reading one report. Opaque. */
typedef struct arsred_document arsred_document;

/* Reads the PDF at path. On success returns ARSRED_OK and *out (free with
 * arsred_document_free); otherwise an error code, err set, *out NULL. */
int arsred_extract(const char *path, const arsred_options *options,
                   arsred_document **out, arsred_error *err);
void arsred_document_free(arsred_document *doc);

/* The document as JSON text (spec/output-format.md), newly allocated; pretty
 * prints with indentation, otherwise one line. */
char *arsred_document_to_json(const arsred_document *doc, int pretty);
/* The same text written to file as it is made, item by item, so memory
 * does not grow with the output. Returns 0, or -1 where a write failed. */
int arsred_document_write_json(const arsred_document *doc, FILE *file, int pretty);

/* A few human lines about the document (fields found, counts, warnings),
 * newly allocated. */
char *arsred_document_summary(const arsred_document *doc);
size_t arsred_document_warning_count(const arsred_document *doc);
/* The document's source.path and source.sha256 (hex): which input it was
 * read from. */
const char *arsred_document_source_path(const arsred_document *doc);
const char *arsred_document_source_sha256(const arsred_document *doc);

/* Reads a document that arsred_document_to_json wrote (the tables, checks,
 * warnings and report fields; enough to print its checks again). Returns
 * ARSRED_ERR_INPUT with err set where text is not such a document. */
int arsred_document_from_json(const char *text, const char *path, arsred_document **out,
                              arsred_error *err);

/* The checks of doc for people: by table, the table with the most serious
 * problem first; one entry per printed error (the suspect cell and the
 * checks it breaks), then the mismatches no cell explains; with all != 0
 * also the checks that hold and the relations not checked; then a line
 * that counts them and, per kind of relation, what was checked and what
 * was not and why. Newly allocated; *mismatches gets the number of
 * mismatches. */
char *arsred_document_checks_text(const arsred_document *doc, int all, size_t *mismatches);

/* The checks of doc for programs and spreadsheets: as JSON ({"arsred_check",
 * "source", "report", "summary", "checks", "check_coverage"}, each check
 * with the labels of the cells it names) and as CSV (one row per check and
 * per relation not checked). Newly allocated; with header != 0 the CSV's
 * first line names its columns. */
char *arsred_document_checks_json(const arsred_document *doc, int pretty);
size_t arsred_document_mismatch_count(const arsred_document *doc);
char *arsred_document_checks_csv(const arsred_document *doc, int header);

/* The document as tidy CSV: one row per value (table cells, goal statuses,
 * KPIs) with the columns source,year,section,table,row,column,kind,value,
 * unit,page; RFC 4180 quoting, a dot as the decimal sign. Newly allocated;
 * with header != 0 the first line names the columns. */
char *arsred_document_to_csv(const arsred_document *doc, int header);

/* Several reports of one organisation lined up by year. */
typedef struct arsred_comparison arsred_comparison;

/* Lines docs up (any order); patterns tell two spellings of one KPI's
 * name ("Sjukfrånvaron", "Sjukfrånvaro, %"). Fails with ARSRED_ERR_USAGE where they are of
 * different organisations or bodies. Two reports of the same year: the
 * later one in docs wins, with a warning. Free with
 * arsred_comparison_free; docs stay the caller's. */
int arsred_compare(arsred_document *const *docs, size_t n, const arsred_patterns *patterns,
                   arsred_comparison **out, arsred_error *err);
void arsred_comparison_free(arsred_comparison *cmp);
char *arsred_comparison_to_json(const arsred_comparison *cmp, int pretty);
char *arsred_comparison_to_csv(const arsred_comparison *cmp);
size_t arsred_comparison_warning_count(const arsred_comparison *cmp);
const char *arsred_comparison_warning(const arsred_comparison *cmp, size_t i);

/* What the layout engine sees on page (1-based): words, lines and blocks
 * with their boxes, as text in *text (caller frees). Where png_path is not
 * NULL, also draws them over a rendering of the page into that PNG file. */
int arsred_inspect_page(const char *path, const arsred_options *options,
                        int page, char **text, const char *png_path,
                        arsred_error *err);

/* The body text of the document in reading order, one paragraph per line
 * (running headers, footers, page numbers and tables left out), in *text
 * (caller frees). */
int arsred_paragraphs(const char *path, const arsred_options *options,
                      char **text, arsred_error *err);

#endif
