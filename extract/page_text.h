/* page_text.h: what of a page's text could not be read, said as warnings.
 *
 * Poppler gives the characters it could map; what it could not is lost
 * without a word unless looked for: glyphs mapped to control characters or
 * to nothing at all (a font whose Unicode map lacks its ligatures), a
 * page past poppler's limit of small characters, a damaged content stream,
 * a page without text (a scan) or with an OCR layer. */
#ifndef ARSRED_PAGE_TEXT_H
#define ARSRED_PAGE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "page_feed.h"
#include "report.h"

/* What one document's pages have shown so far: whether an OCR program
 * made it, and the gaps of glyphs that map to nothing found so far, by
 * font and width (such a glyph leaves a gap of its own width wherever it
 * is, so it is rendered once). */
typedef struct page_text_state page_text_state;

page_text_state *page_text_state_new(bool ocr_producer);
void page_text_state_free(page_text_state *st);

/* Adds the warnings page deserves to doc: page-damaged, text-cut,
 * garbled-text, no-text-layer, ocr-text-layer, sideways-text. Pages come in order; may
 * render small regions of the page. */
void page_text_check(page_text_state *st, arsred_document *doc, fed_page *page);

/* The glyphs drawn inside words that map to no character: gaps between two
 * letters of one font on one line, wider than that font's space on the
 * page, where the rendered page shows ink and no character's box lies.
 * Writes the first such word, its gaps shown as U+FFFD, into example. */
size_t page_text_hidden_glyphs(page_text_state *st, layout_page *lp, char *example,
                               size_t example_size);

#endif
