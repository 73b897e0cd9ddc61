/* page_feed.h: a document's pages in order, each read (poppler's text
 * pass) and laid out.
 *
 * Reading a page's text is about half the work of a page and needs
 * nothing from the pages before it. With load_ahead, a second thread reads
 * and lays out the next few pages while the caller works on this one; it
 * reads through a poppler document of its own (pdf_open_text_reader), so
 * the caller can still render pages. The pages come out the same either
 * way, in the same order. */
#ifndef ARSRED_PAGE_FEED_H
#define ARSRED_PAGE_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "pdf.h"

/* How far the loading thread may be ahead of the caller: pages enough to
 * even out runs of pages that cost the caller much (goal pages, which it
 * renders), but not more words than a few crowded pages hold. */
enum { PAGE_FEED_AHEAD = 32, PAGE_FEED_AHEAD_WORDS = 100000 };

#define PAGE_FEED_NARROW_PT 3.0

typedef struct fed_page {
    int number;
    bool unreadable;        /* the page tree is damaged there: no layout */
    layout_page layout;
    /* glyphs before normalisation (which drops the control characters a
     * font without a Unicode map gives); a run of one glyph (leaders)
     * counts once */
    size_t glyphs, unmapped_glyphs;
    /* characters (spaces too, line ends not) narrower than
     * PAGE_FEED_NARROW_PT: poppler keeps no more than 50 000 of those on
     * a page and drops the rest without a word */
    size_t narrow_glyphs;
    /* errors poppler met reading the page, and the first of them */
    size_t errors;
    char first_error[PDF_ERROR_EXAMPLE_MAX];
} fed_page;

typedef struct page_feed page_feed;

/* Feeds the pages selected[number] of pdf's n_pages. load_ahead asks for
 * the loading thread; without a second reader (or a thread) the pages are
 * read in the caller's thread as it asks for them. */
page_feed *page_feed_start(pdf_doc *pdf, const bool *selected, int n_pages,
                           bool load_ahead);
/* The next page into *out (the caller releases its layout); false at the
 * end. */
bool page_feed_next(page_feed *feed, fed_page *out);
/* Stops the loading thread, frees the pages not taken and the feed. */
void page_feed_stop(page_feed *feed);

#endif
