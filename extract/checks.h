/* checks.h: what the parts of the checks stage share: evaluating a
 * relation (with some cells changed) and finding the wrong cells. */
#ifndef CHECKS_H
#define CHECKS_H

#include "report.h"

/* Evaluates c with the cells of changes taking their suggested values.
 * Without changes it also sets c's expected, found, difference and
 * tolerance. */
check_result check_evaluate(const arsred_document *doc, check *c, const repair_cell *changes,
                            size_t n_changes);

/* Whether cell is c's found cell or one of its terms. */
bool check_involves(const check *c, cell_ref cell);

/* A new check of rule on a table: found_cell compared with the sum of
 * the terms added next (check_add_term), then evaluated (check_settle). */
check *check_new(arsred_document *doc, check_rule rule, size_t table_index, long row,
                 long column, cell_ref found_cell);
void check_add_term(check *c, cell_ref cell, double coef);
void check_settle(arsred_document *doc, check *c);

/* A figure the checks can use: printed, and not as approximate. */
bool check_cell_usable(const table *t, size_t r, size_t k);

/* kr per unit: 1, 1e3, 1e6; 0 for another unit or none. The unit of so
 * many kronor (kr, tkr, mnkr), or NULL. */
double check_unit_factor(const char *unit);
const char *check_unit_named(double kronor);

/* The factors between two tables' figures that units allow (kr, tkr,
 * mnkr either way), the likeliest first. */
enum { N_UNIT_FACTORS = 5 };
extern const double check_unit_factors[N_UNIT_FACTORS];

/* Sets t's effective unit, and why (evidence is t's now). */
void units_set(table *t, const char *unit, char *evidence);

/* Tables of one shape, one of which the others add up to: detail tables
 * and their summary. */
typedef struct rollup {
    size_t summary;
    double factor;        /* summary figures × factor = sum of details */
    size_t *details;
    size_t n_details;
} rollup;

typedef struct check_rollups {
    const rollup *list;
    size_t n;
} check_rollups;

/* Whether tables a and b are parts of one roll-up. */
bool check_in_same_rollup(const check_rollups *rollups, size_t a, size_t b);

/* The relations of the financial statements across rows and tables:
 * the balance identity, opening + change = closing, notes against their
 * lines (check_statements.c). */
void check_statements(arsred_document *doc, const arsred_patterns *patterns);

/* A row label folded for comparing: lower case, letters and digits, one
 * space between words, without a leading total word or a trailing unit;
 * NULL where nothing is left. Two keys agree word by word, a word of
 * three letters or more agreeing with one it abbreviates. */
char *check_label_key(const char *label, const arsred_patterns *patterns);
bool check_keys_agree(const char *a, const char *b);

/* One quantity shown in two tables must agree (check_same.c). */
void check_same_quantities(arsred_document *doc, const arsred_patterns *patterns,
                           const check_rollups *rollups);

/* The unit of tables that declare none: from the report's word on its
 * figures and the convention for statements (before the checks), and
 * from the relations that hold with another table's unit (after). */
void units_from_report(arsred_document *doc, const arsred_patterns *patterns);
void units_from_relations(arsred_document *doc);

/* Names the suspect of every mismatch by minimal repair (repair.c);
 * clearing forgets them, for a second look after checks were dropped. */
void checks_find_repairs(arsred_document *doc);
void checks_clear_repairs(arsred_document *doc);

#endif
