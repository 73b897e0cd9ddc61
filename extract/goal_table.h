/* goal_table.h: tables of goals and of assignments, read by their column
 * heads ("Nr | Mål | Bedömning | Kommentar", "Aktivitet | Status |
 * Färdiggrad"): each head names its column's role, the rows start where
 * the key column (the number, else the status, else the goal or item)
 * starts a cell, and every line under the heads goes to the column its
 * middle stands in. A table that runs on over a page break without its
 * heads is read on with the columns it had. */
#ifndef ARSRED_GOAL_TABLE_H
#define ARSRED_GOAL_TABLE_H

#include <stdbool.h>

#include "icons.h"
#include "layout.h"
#include "pattern.h"

typedef enum goal_role {
    ROLE_ID, ROLE_GOAL, ROLE_ITEM, ROLE_INDICATOR, ROLE_TARGET, ROLE_OUTCOME, ROLE_STATUS,
    ROLE_PROGRESS, ROLE_COMMENT, ROLE_OTHER, N_ROLES
} goal_role;

typedef struct goal_table_row {
    char *cell[N_ROLES];     /* each role's words, NULL where its cell is empty */
    box box;
    bool has_mark;           /* a mark in the status cell (or leading the item) */
    icon mark;
    bool has_progress;       /* a completion share read from a bar or a percentage */
    double progress;
    bool assignment;         /* an assignment of the goal row above ("Uppdrag: …") */
    bool group;              /* a heading row over the rows that follow (the goal of
                                the activities under it, in cell[ROLE_GOAL]) */
} goal_table_row;

typedef struct goal_table {
    int page;
    box box;
    bool items;              /* rows are assignments (an item column), not goals */
    bool continued;          /* runs on from the page before, without heads */
    char *head_text;         /* words between the heads and the first row (the
                                goal a table of activities belongs to), or NULL */
    goal_table_row *rows;
    size_t n_rows, cap_rows;
} goal_table;

typedef struct goal_column {
    goal_role role;
    double start;            /* where its cells start: its head's left edge */
} goal_column;

/* A table's columns and where its lines may stand. */
typedef struct goal_table_frame {
    goal_column columns[N_ROLES];
    size_t n_columns;
    float size;              /* of the heads: cells are set about as large */
    double em;
    bool items;              /* an item column: rows are assignments */
    double last_head_x1;     /* right edge of its last head */
    double left, right;      /* its lines stand between: beyond is another column's text */
} goal_table_frame;

/* What a page leaves open: the frame of a table that ran to its foot. */
typedef struct goal_table_reader {
    const arsred_patterns *patterns;
    icon_glyphs glyphs;
    goal_table_frame open;
    bool has_open;
    int open_page;
} goal_table_reader;

/* Whether text says a status, or how far work has come ("Pågår"). */
bool goal_words_say_status(const arsred_patterns *patterns, const char *text);

/* The goal tables of lp; claimed[i] is set for each line a table holds. */
size_t goal_tables_read(goal_table_reader *reader, layout_page *lp, bool *claimed,
                        goal_table **out);
void goal_tables_free(goal_table *tables, size_t n);

#endif
