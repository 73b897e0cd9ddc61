/* legend.h: what a report's status marks mean. Legends ("Betyder att
 * målet …" beside a mark) are learnt page by page; the marks read for
 * goals and assignments are noted and settled at the end, when every
 * legend of the report is known: through the legend nearest to the mark's
 * page, else by hue for a traffic light's colours, else none (with a
 * warning). */
#ifndef ARSRED_LEGEND_H
#define ARSRED_LEGEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "icons.h"
#include "report.h"

typedef struct legend_entry {
    uint32_t rgb;
    char glyph[8];           /* the symbol it shows, where a glyph ("✔"), else "" */
    goal_status status;
    int page;
} legend_entry;

/* A mark read for goal (assignment SIZE_MAX) or for one of its
 * assignments (goal SIZE_MAX: one under no goal). */
typedef struct mark_ref {
    size_t goal, assignment;
    uint32_t rgb;
    char glyph[8];
    int page;
    bool legend_only;        /* an activity's mark in a table of activities: how far
                                the work has come, which only a legend tells, not a
                                verdict its hue would give */
} mark_ref;

typedef struct legend_book {
    legend_entry *entries;
    size_t n, cap;
    mark_ref *marks;         /* waiting to be settled */
    size_t n_marks, cap_marks;
} legend_book;

mark_ref legend_mark(const icon *ic, size_t goal_index, size_t assignment_index, int page);
/* Learns what the mark ic on page means. */
void legend_learn(legend_book *book, const icon *ic, goal_status status, int page);
/* Whether a legend stands on page or later. */
bool legend_since(const legend_book *book, int page);
/* The status mark m stands for (*legend: through a legend), by what is
 * known so far. */
goal_status legend_status(const legend_book *book, const mark_ref *m, bool *legend);
/* Notes mark m for its goal or assignment (a later one replaces it). */
void legend_note(legend_book *book, mark_ref m);
/* Gives every noted mark's goal or assignment its status. */
void legend_settle(const legend_book *book, arsred_document *doc);
void legend_book_release(legend_book *book);

#endif
