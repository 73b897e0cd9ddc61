/* sums.h: which rows a table's sums add up, read from the table's own
 * structure: headings and the totals named after them, sums of sums, a
 * running subtotal carried into the next sum where the arithmetic says so.
 * Every answer is worked out once per table (the questions call each
 * other), so a table of any shape costs polynomial time. */
#ifndef SUMS_H
#define SUMS_H

#include "report.h"

typedef struct sum_structure sum_structure;

/* The structure of t, which must not change while it is in use. */
sum_structure *sums_new(const table *t);
void sums_free(sum_structure *s);

/* The rows total row r adds up, bottom-up ("varav" rows included: see
 * sums_drop_parts); *n is 0 where which rows is unclear. The array is
 * s's. */
const size_t *sums_items(sum_structure *s, size_t r, size_t *n);

/* A row without text in any cell: a heading. */
bool sums_is_section_row(const table *t, size_t r);

/* A row a sum may add: not a result line, not a measure row ("Budget"). */
bool sums_is_plain_item(const table *t, size_t r);

/* items without the "varav …" rows (part of the row above, not added);
 * returns how many are left. */
size_t sums_drop_parts(const table *t, size_t *items, size_t n);

#endif
