/* pdf.h: PDF access. The only stage that includes poppler-glib.
 *
 * Opens a document (from its bytes, so they are read once and hashed),
 * gives its metadata, and per page every character with its box, font,
 * size, weight and colour, the images with their boxes, and renderings of
 * the page or of a small region of it. Pages are loaded one at a time; the
 * caller releases each before the next, so memory does not grow with the
 * page count. */
#ifndef ARSRED_PDF_H
#define ARSRED_PDF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arsred.h"
#include "geom.h"

typedef struct pdf_doc pdf_doc;

typedef struct pdf_char {
    uint32_t cp;      /* Unicode code point as poppler maps it */
    box box;
    float size;       /* font size in points */
    uint32_t rgb;     /* 0xRRGGBB */
    uint16_t font;    /* index into the document's font names */
    uint8_t bold;
    uint8_t italic;
} pdf_char;

typedef struct pdf_image {
    box box;
    int id;
} pdf_image;

/* The longest poppler message kept as the example of a page's errors. */
enum { PDF_ERROR_EXAMPLE_MAX = 160 };

typedef struct pdf_page {
    int number;          /* 1-based */
    double width, height;
    pdf_char *chars;     /* in poppler's content order, with its line breaks */
    size_t n_chars;
    /* errors poppler met while reading the page (a damaged content
     * stream, a missing object): it goes on past them, with what it
     * could read, and says nothing else */
    size_t errors;
    char first_error[PDF_ERROR_EXAMPLE_MAX];
} pdf_page;

/* Opens path. Errors (ARSRED_ERR_INPUT) name the input by name (NULL:
 * path) and say what is wrong in plain words: missing, a folder, empty,
 * not a PDF, truncated, damaged, encrypted. */
int pdf_open(const char *path, const char *name, const char *password, pdf_doc **out,
             arsred_error *err);
void pdf_close(pdf_doc *doc);

int pdf_page_count(const pdf_doc *doc);
const char *pdf_sha256(const pdf_doc *doc);   /* hex */
/* The revisions the file is made of: 1, and one more for each incremental
 * update appended to it (counted along its cross-reference sections). */
int pdf_revisions(const pdf_doc *doc);
const char *pdf_producer(const pdf_doc *doc); /* or NULL */
const char *pdf_title(const pdf_doc *doc);    /* or NULL */
const char *pdf_creator(const pdf_doc *doc);  /* or NULL */
const char *pdf_subject(const pdf_doc *doc);  /* or NULL */

/* Gives pdf_page_load a poppler document of its own (poppler's objects
 * are not shared between threads): after it, pdf_page_load may run in one
 * other thread than the rest of pdf_*. False where it cannot be opened. */
bool pdf_open_text_reader(pdf_doc *doc);

/* Loads page number (1-based) into *page. Release with pdf_page_release.
 * Font ids (pdf_char.font) are the same for the same font name across
 * the document's pages. */
int pdf_page_load(pdf_doc *doc, int number, pdf_page *page, arsred_error *err);
void pdf_page_release(pdf_page *page);

/* The images of page number with their boxes, in *out (caller frees);
 * returns how many. Costs a pass of the page through cairo. */
size_t pdf_page_images(pdf_doc *doc, int number, pdf_image **out);

/* Renders region of page at scale (pixels per point) into a new RGB buffer
 * (3 bytes per pixel, rows of *width pixels); caller frees *pixels. */
int pdf_render_region(pdf_doc *doc, int number, box region, double scale,
                      uint8_t **pixels, int *width, int *height);

/* At most pixels more are drawn for doc, by pdf_render_region (which
 * then fails with ARSRED_ERR_USAGE, as for a region too big; callers read
 * the page without the pixels) and for finding hidden text (which then
 * stays); negative, as opened: no limit. The fuzz targets keep one input
 * quick with it. */
void pdf_set_render_budget(pdf_doc *doc, double pixels);

/* A rectangle to draw over a page rendering, with an optional label. */
typedef struct pdf_overlay {
    box box;
    uint32_t rgb;
    double line_width;
    const char *label;
} pdf_overlay;

/* Renders the page at scale, draws the overlays, writes a PNG. */
int pdf_render_page_png(pdf_doc *doc, int number, double scale,
                        const pdf_overlay *overlays, size_t n_overlays,
                        const char *png_path, arsred_error *err);

#endif
