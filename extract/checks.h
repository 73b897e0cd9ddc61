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

/* Names the suspect of every mismatch by minimal repair (repair.c). */
void checks_find_repairs(arsred_document *doc);

#endif
