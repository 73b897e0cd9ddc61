/* furniture.h: running headers, footers and page numbers. A block in the
 * top or bottom margin band is furniture where its text (digits masked)
 * recurs at the same height on most nearby pages, or where it is a page
 * number (patterns of kind layout.page-number), or where, as the page's
 * first or last row, it stands beside a page number in a type smaller than
 * the body's, set off from the body by more than its line spacing (what a
 * report of one or two pages shows without repetition). Pages are compared
 * within a window, so the whole document never has to be held. */
#ifndef ARSRED_FURNITURE_H
#define ARSRED_FURNITURE_H

#include "arsred.h"
#include "layout.h"

enum { FURNITURE_LOOKAHEAD = 4, FURNITURE_LOOKBEHIND = 8 };

typedef struct furniture furniture;

furniture *furniture_new(const arsred_patterns *patterns);
void furniture_free(furniture *f);

/* Records the margin blocks of lp; call for every page, in order, before
 * furniture_mark for the pages FURNITURE_LOOKAHEAD before it. */
void furniture_add_page(furniture *f, const layout_page *lp);

/* Sets block.furniture on lp's running headers, footers and page numbers. */
void furniture_mark(furniture *f, layout_page *lp);

/* True where b lies in the bottom margin band, where footers stand. */
bool furniture_in_bottom_margin(const layout_page *lp, const block *b);

/* True where text is a page number ("12", "Sida 3 av 14", "SID 3 (36)"). */
bool furniture_is_page_number(const furniture *f, const char *text);

#endif
