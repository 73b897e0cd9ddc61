/* layout.h: the layout engine. Characters -> words -> lines -> blocks
 * (paragraphs) -> reading order, with every gap judged relative to the
 * font size. Works on one page at a time. */
#ifndef ARSRED_LAYOUT_H
#define ARSRED_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "geom.h"
#include "pdf.h"

typedef struct word {
    char *text;             /* NFC, soft hyphens and ligatures resolved */
    box box;
    float size;
    uint32_t rgb;
    uint16_t font;
    bool bold, italic;
    bool vertical;          /* set a quarter turn: characters stacked */
    uint32_t space_before;  /* the white space that preceded it, 0 if none */
} word;

/* Items (words or lines) in rows, top to bottom: an item's centre may lie
 * a little above that of one before it in its row, but the running
 * extremes of the centres are monotone, so a binary search finds the items
 * that may reach into a band (layout_words_near). */
typedef struct row_index {
    size_t n;
    float *cy_max_up_to;         /* of items [0, i]: the lowest centre */
    float *cy_min_from;          /* of items [i, n): the highest */
    double tallest;
} row_index;

typedef struct line {
    size_t first_word, n_words;  /* contiguous in page->words */
    box box;
    float size;                  /* largest font size on the line */
    char *text;                  /* words joined; number spaces kept */
} line;

typedef struct block {
    size_t first_line, n_lines;  /* contiguous in page->lines */
    box box;
    float size;
    bool bold;                   /* every word bold */
    uint16_t font;               /* font of its first word */
    bool furniture;              /* running header/footer or page number */
    bool in_table;               /* inside a table the table finder found */
    bool continues;              /* continues the previous body block's
                                    paragraph (column or page break) */
    int order;                   /* position in reading order */
    char *text;                  /* lines joined, hyphenation removed */
} block;

struct found_table; /* table.h */

typedef struct layout_page {
    int number;
    char page_label[16];         /* the number the page prints on itself, or "" */
    double width, height;        /* as read: turned where turn says */
    quarter_turn turn;           /* text set sideways is read turned upright */
    double page_width, page_height; /* the page's own (poppler's) */
    word *words;                 /* in rows, top to bottom; vertical ones last */
    size_t n_words;
    size_t n_row_words;          /* words [0, n_row_words) are in rows */
    row_index word_rows;         /* of those */
    line *lines;
    size_t n_lines;
    size_t *word_line;           /* per word: the index of its line */
    block *blocks;               /* in reading order */
    size_t n_blocks;
    size_t n_chars;              /* characters poppler gave */
    pdf_doc *source;             /* for what is read on demand */
    pdf_image *images;           /* on demand: layout_page_images */
    size_t n_images;
    bool images_loaded;
    uint8_t *overview;           /* on demand: layout_page_blank */
    int overview_width, overview_height;
    double overview_scale;
    bool overview_loaded;
    struct found_table *tables;  /* the table finder's, freed by the pipeline */
    size_t n_tables;
} layout_page;

/* Named limits: a page with more words than this is cut, with a warning. */
enum { LAYOUT_MAX_WORDS = 200000 };

/* Builds the layout of page from its characters; source (may be NULL)
 * gives the images on demand. A page whose text is set sideways is laid
 * out turned upright (lp->turn; its characters' boxes are turned in
 * place); every box of the layout, and those of the images and renderings
 * below, are then on the page as read (box_unturned gives the page's). */
void layout_page_build(layout_page *lp, pdf_page *page, pdf_doc *source);
/* Which quarter turn makes most of these characters read upright. */
quarter_turn layout_text_turn(const pdf_char *chars, size_t n);
/* pdf_render_region of an area of the page as read, turned likewise. */
int layout_render_region(const layout_page *lp, box area, double scale, uint8_t **pixels,
                         int *width, int *height);
/* The page's images (loaded on first use); *n gets their count. */
const pdf_image *layout_page_images(layout_page *lp, size_t *n);
/* The page rendered once, whole, at screen resolution (on first use):
 * whether nothing at all is drawn in area (false where it cannot tell), and
 * the pixels (RGB, freed by the caller) of area, with the pixels per point
 * and the part of area they cover. False where the page cannot be rendered. */
bool layout_page_blank(layout_page *lp, box area);
bool layout_page_overview(layout_page *lp, box area, uint8_t **pixels, int *width, int *height,
                          double *scale, box *got);
void layout_page_release(layout_page *lp);

/* The words that may reach into the band y0..y1: those of [*lo, *hi) and
 * the vertical ones, [n_row_words, n_words). Found by binary search, so
 * a look along one line does not visit every word of the page. */
void layout_words_near(const layout_page *lp, double y0, double y1, size_t *lo, size_t *hi);

/* The stages, reachable for unit tests. */
size_t layout_words_from_chars(const pdf_char *chars, size_t n, word **out);
void layout_lines_from_words(layout_page *lp);
void layout_blocks_from_lines(layout_page *lp);
void layout_reading_order(layout_page *lp);

/* What the previous page left open: its last body block, for paragraphs
 * that run across a column or page break. */
typedef struct paragraph_state {
    bool open;      /* the last body block did not end a sentence */
    bool wide;      /* it was a wide block of running text */
    double room;    /* room left at the end of its last line, in points */
    float size;
    uint16_t font;
    int page;
    double y0;
} paragraph_state;

/* Sets block.continues on body blocks that carry on the paragraph of the
 * body block before them (call after furniture has been marked). */
void layout_mark_continuations(layout_page *lp, paragraph_state *st);

#endif
