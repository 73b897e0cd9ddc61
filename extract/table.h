/* table.h: budget and outcome tables, found from the geometry of words.
 *
 * table_detect.c finds tables on one page: rows on shared baselines, cells
 * split at gaps, columns of aligned numbers, header rows above them, row
 * labels (also wrapped ones) to their left. table_meaning.c gives the
 * columns and rows their meaning (kinds, years, units) through the
 * table.* patterns. table.c is the recogniser: titles and sections from
 * the headings around a table, tables that run onto the next page. */
#ifndef ARSRED_TABLE_H
#define ARSRED_TABLE_H

#include "arsred.h"
#include "layout.h"
#include "report.h"

/* Limits that keep hostile pages bounded. A header's depth is its
 * geometry (lines set no looser than the table's rows, up to a caption
 * or a wider gap); the limit only bounds the search. */
enum { TABLE_MAX_COLUMNS = 40, TABLE_MAX_ROWS = 2000, TABLE_MAX_HEADER_ROWS = 16 };

/* A table as found on a page, before its title and section are known. */
typedef struct found_table {
    table t;                    /* columns, rows, bbox, page */
    char *corner;               /* the header text above the row labels */
    float corner_size;          /* its type size */
    float header_size;          /* the type size of the column heads */
    char **header_lines;        /* every header row's text, to spot repeats */
    size_t n_header_lines;
    char *caption_above;        /* a short line right over the table */
    bool caption_is_heading;    /* and set as a heading (bold or larger) */
    float caption_size;         /* its type size, to place it among headings */
    char *caption_below;        /* a short line right under the table */
    box bbox;                   /* kept when t is handed to the document */
} found_table;

/* Finds the tables of lp (furniture left out) and marks the blocks they
 * cover (block.in_table). Returns how many; *out (caller frees with
 * found_tables_free) holds them, top to bottom. patterns (may be NULL)
 * tell approximate figures ("ca 1 200", table.approx), which are figures
 * of the table's grid. */
size_t tables_detect(layout_page *lp, const arsred_patterns *patterns, found_table **out);
void found_tables_free(found_table *tables, size_t n);

/* Column and row kinds, years, units and the sign convention of t, from
 * its labels and the table.* patterns; "Utfall" columns are decided by the
 * arithmetic where it can. */
void table_assign_meaning(table *t, const char *corner, const char *caption_above,
                          const char *caption_below, const arsred_patterns *patterns,
                          arsred_document *doc);

/* Whether a pattern of kind (table.*) matches text. */
bool table_text_matches(const arsred_patterns *patterns, const char *kind, const char *text);

/* A column of note numbers between the row labels and the figures: its
 * numbers go to rows[].note_ref and the column leaves the table. */
void table_take_note_column(table *t, const arsred_patterns *patterns);

/* Once the document is read (its type is known from the cover): a
 * column headed only by a period ("2023", "2023-01-01 - 2023-12-31",
 * "Period", "Ackumulerat", "fg år": table.period) holds that period's
 * outcome, actual, in a report of outcomes. A budget document, which
 * would make it budget, is not told apart yet: the kind stays other. */
void table_assign_period_kinds(arsred_document *doc, const arsred_patterns *patterns);

/* A note reference set after a row label ("Byggnader Not 8,12") goes to
 * rows[].note_ref, and the label is left without it (table.label-note). */
void table_take_label_notes(table *t, const arsred_patterns *patterns);

/* Reads approximate figures ("ca 1 200", "~40") in t's text cells: their
 * value, marked approx (pattern table.approx). */
void table_read_approx(table *t, const arsred_patterns *patterns);

/* The unit a text declares ("(tkr)", "Belopp i mnkr", "miljoner kronor"):
 * "kr", "tkr", "mnkr", "%", or NULL. */
const char *table_unit_in(const char *text, const arsred_patterns *patterns);

#endif
