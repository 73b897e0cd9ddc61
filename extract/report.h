/* report.h: the report model, filled by the recognisers and written by
 * json.c. Owns every string it holds. */
#ifndef ARSRED_REPORT_H
#define ARSRED_REPORT_H

#include <stddef.h>

#include "arsred.h"
#include "layout.h"

typedef struct report_warning {
    char *code;     /* short kebab-case word */
    int page;       /* 0 where it is about the whole document */
    char *message;  /* names the page or the item */
    size_t count;   /* of what it counts (lost glyphs, poppler's errors);
                       0: it counts nothing */
} report_warning;

/* ------------------------------------------------------------- tables */

typedef enum column_kind {
    COLUMN_OTHER = 0, COLUMN_BUDGET, COLUMN_ACTUAL, COLUMN_DEVIATION, COLUMN_FORECAST
} column_kind;

typedef enum row_kind {
    ROW_ITEM = 0, ROW_REVENUE, ROW_COST, ROW_NET, ROW_TOTAL
} row_kind;

typedef struct table_cell {
    char *text;        /* as printed (NFC); NULL for an empty cell */
    bool has_value;    /* false for a text cell ("Ej aktuellt") */
    double value;
    int decimals;
    char note[8];      /* footnote mark glued to the number */
    bool approx;       /* printed as approximate ("ca 1 200"): the value is not exact */
    bool blank;        /* a text that says there is no figure ("Ej aktuellt") */
    box box;
    int page;
} table_cell;

/* Whether figures are counts of whole things (exact) or rounded. */
typedef enum count_kind { COUNT_UNKNOWN = 0, COUNT_WHOLE, COUNT_ROUNDED } count_kind;

typedef struct table_column {
    char *label;
    char *group;       /* a header spanning this and neighbouring columns */
    column_kind kind;
    bool utfall;       /* labelled "Utfall": outcome or deviation, by arithmetic */
    bool period_only;  /* headed only by a period ("2023", "fg år"): its kind from the report */
    int year;          /* 0 where none */
    char *unit;        /* the column's own unit, or NULL */
    count_kind counts; /* headed as counts ("Antal") or full-time equivalents */
    double x0, x1;
} table_column;

typedef struct table_row {
    char *label;
    row_kind kind;
    column_kind measure; /* a row that is a relation turned ("Budget") */
    char *unit;          /* the label's own unit: "Kostnad per invånare (kr)" */
    bool part_of_above;  /* "varav …": part of the row above, not added in */
    count_kind counts;   /* "Totalt antal anställda", "Antal årsarbetare" */
    char *note_ref;      /* the notes it refers to, as printed ("3", "3, 4"), or NULL */
    table_cell *cells;   /* n_columns of them */
    box box;
    int page;
} table_row;

/* Where on its first page the table reader found the table's parts, for
 * inspect --png; a zero box where there is none. */
typedef struct table_layout {
    box caption;       /* the line that names it, right over it */
    box header;        /* the header rows */
    box labels;        /* the row labels' column */
    box notes;         /* the note column, taken out of the columns */
} table_layout;

typedef struct table {
    char id[24];
    char *title;
    char *section;
    int page, last_page;
    box bbox;
    char *unit_declared;
    char *unit_effective;
    char *unit_evidence;  /* why unit_effective is what it is, or NULL */
    const char *sign_convention; /* "costs-negative", "costs-positive" or NULL */
    bool counts;         /* headed or titled as counts ("Antal anställda") */
    table_column *columns;
    size_t n_columns;
    table_row *rows;
    size_t n_rows, cap_rows;
    table_layout layout;
} table;

void table_free_contents(table *t);

/* A column's head as printed, "" where it has none (or k is no column). */
const char *table_column_label(const table *t, size_t k);

/* Whether two tables have the same row labels, case folded, in order. */
bool table_row_labels_equal(const table *a, const table *b);

/* A table's name in messages: its title, else its id. */
const char *table_name(const table *t);

/* The unit of one cell: the row label's own, else the column's, else the
 * table's effective unit; NULL where none is known. */
const char *table_cell_unit(const table *t, size_t row, size_t column);

/* Whether a cell is a count of whole things: its row or column says so,
 * or the table does and the row names no unit of its own; full-time
 * equivalents are rounded. */
bool table_cell_is_count(const table *t, size_t row, size_t column);

/* Every column a year (headed by nothing but its period) and every row
 * a plain item, no budget or outcome: the shape of a table of key figures. */
bool table_is_by_year(const table *t);

/* Whether row r of t holds a figure in any column. */
bool table_row_has_value(const table *t, size_t r);

/* ------------------------------------------------------------- checks */

typedef enum check_rule {
    RULE_ROW_NET, RULE_COLUMN_DEVIATION, RULE_ROLLUP, RULE_TOTAL, RULE_SAME,
    RULE_UNIT, RULE_TEXT
} check_rule;

typedef enum check_result { CHECK_OK, CHECK_ROUNDING, CHECK_MISMATCH } check_result;

/* The rules' names in the output, by check_rule. */
enum { N_CHECK_RULES = RULE_TEXT + 1 };
extern const char *const check_rule_names[N_CHECK_RULES];

typedef struct cell_ref {
    size_t table, row, column;
} cell_ref;

/* The cell r names, and whether two refs name one cell. */
const table_cell *report_cell(const arsred_document *doc, cell_ref r);
bool cell_ref_equal(cell_ref a, cell_ref b);

/* One operand of a relation: coef * the cell's value. */
typedef struct check_term {
    cell_ref cell;
    double coef;
} check_term;

/* One cell of a repair: as printed, and the value that mends. */
typedef struct repair_cell {
    cell_ref cell;
    double found, suggested;
} repair_cell;

/* A repair: the cells (one, else two) whose change mends failing checks. */
enum { REPAIR_MAX_CELLS = 2 };
typedef struct repair {
    repair_cell cells[REPAIR_MAX_CELLS];
    size_t n;
} repair;

/* A relation the report shows, checked: the found cell against the sum of
 * the terms (or, for text and unit checks, a figure and a message). */
typedef struct check {
    check_rule rule;
    size_t table;          /* the table it is about */
    long row, column;      /* -1 where it is about a whole row or column */
    char *expr;            /* spelled out with the labels used */
    check_result result;
    double expected, found, difference, tolerance;
    bool has_found_cell;
    cell_ref found_cell;
    check_term *terms;
    size_t n_terms;
    bool exact;            /* counts of whole things: no rounding tolerance */
    bool truncation;       /* the finer of two units may have been cut, not rounded */
    bool has_suspect;      /* the cell of the smallest repair this check involves */
    cell_ref suspect;
    double suspect_found, suggested;
    int explains;          /* the failing checks that repair mends */
    repair_cell also[REPAIR_MAX_CELLS - 1]; /* the repair's other cells */
    size_t n_also;
    bool decided;          /* no other repair is as small */
    repair *alternatives;  /* the other repairs as small, this check's cell first */
    size_t n_alternatives;
    char *message;         /* unit and text checks: what was compared */
    int page;
} check;

/* Frees what a check owns. */
void check_release(check *c);

/* Which tolerance a check allowed: "exact" (counts), "rounding", or
 * "rounding-or-truncation" (a figure in the larger unit may be cut). */
const char *check_tolerance_kind(const check *c);

/* A relation the report shows that was not checked, and why. */
typedef enum unchecked_reason {
    UNCHECKED_UNREADABLE,  /* a cell it needs is text that is no figure */
    UNCHECKED_STRUCTURE,   /* which rows it joins is unclear, or it fails everywhere */
    UNCHECKED_APPROXIMATE, /* a figure is printed as approximate ("ca") */
    UNCHECKED_UNCONFIRMED, /* two tables share a label, but no figure of theirs agrees */
    UNCHECKED_NO_FIGURE    /* prose that names no table figure */
} unchecked_reason;
enum { N_UNCHECKED_REASONS = UNCHECKED_NO_FIGURE + 1 };
extern const char *const unchecked_reason_names[N_UNCHECKED_REASONS];

typedef struct unchecked {
    check_rule rule;
    unchecked_reason reason;
    size_t table;          /* SIZE_MAX for prose */
    long row, column;      /* -1 where it is about a whole row or column */
    int page;
    char *what;            /* the relation in words */
} unchecked;

/* Of the relations of rule: how many were checked (*checked) and how
 * many not, by reason (by_reason, N_UNCHECKED_REASONS); returns those not
 * checked. */
size_t report_coverage(const arsred_document *doc, check_rule rule, size_t *checked,
                       size_t *by_reason);

/* Records a relation not checked; what is copied. */
void report_unchecked(arsred_document *doc, check_rule rule, unchecked_reason reason,
                      size_t table_index, long row, long column, int page, const char *what);

/* A figure the prose states about the accounts ("ett överskott om 7,3
 * miljoner kronor"), for the text checks. */
typedef struct statement {
    char *text;            /* the matched words */
    char *topic;           /* överskott, underskott, nettokostnad, resultat … */
    int sign;              /* +1 surplus, -1 deficit, 0 neither */
    double value;          /* as printed, in unit */
    int decimals;
    char unit[8];          /* kr, tkr, mnkr */
    char approx;           /* '=' exact, '>' "drygt", '<' "knappt", '~' "cirka" */
    column_kind measure;   /* the result's outcome, budget or deviation the sentence
                              names, checked against the result line; OTHER: a figure
                              looked for by its value */
    int page;
    box bbox;
    char *pattern;
} statement;

/* -------------------------------------------------------------- goals */

typedef enum goal_status {
    STATUS_NONE = 0, STATUS_MET, STATUS_PARTLY_MET, STATUS_NOT_MET, STATUS_NOT_EVALUATED
} goal_status;

typedef enum evidence_kind { EVIDENCE_NONE = 0, EVIDENCE_ICON, EVIDENCE_TEXT } evidence_kind;

typedef struct status_evidence {
    evidence_kind kind;
    uint32_t rgb;          /* icon: its dominant colour */
    char *text;            /* text: the words */
    bool legend;           /* mapped through a legend on the page */
    int page;
    box bbox;
} status_evidence;

typedef struct assignment {
    char *text;
    goal_status status;
    status_evidence evidence;
    char *comment;
    bool has_progress;     /* a completion share the report shows (a bar, "75 %") */
    double progress;       /* 0..1 */
} assignment;

/* What a goal aims at: in its own words ("minst 15225 st år 2020") or in
 * the indicator, target and outcome cells of a goal table. */
typedef struct goal_target {
    char *text;            /* the words of the target */
    char *indicator;       /* what is measured, where a table says */
    char *outcome;         /* what was reached, where a table says */
    bool has_value;
    double value;
    int decimals;
    char *unit;
    int year;
} goal_target;

typedef struct goal {
    char *id;
    char *text;
    goal_status status;
    status_evidence evidence;
    int page;
    box bbox;
    char *comment;         /* the report's comment on the goal, or NULL */
    goal_target *targets;
    size_t n_targets, cap_targets;
    assignment *assignments;
    size_t n_assignments, cap_assignments;
    bool listed;           /* found in a goal list (or table) */
    bool detailed;         /* found as a "Mål N." section */
    bool assessed;         /* its section gave its status ("Bedömning: …"): a later
                              "Mål N." of the same words is another report's */
} goal;

/* --------------------------------------------------------------- KPIs */

typedef struct kpi {
    char *name;
    double value;
    int decimals;
    bool has_previous;
    double previous;
    char *unit;            /* as stated: %, /10, st, arbetsdagar …; NULL where none */
    int year;
    char *qualifier;       /* the place or kind it is for ("Krokoms"), or NULL */
    char *goal;            /* the goal whose target it is, or NULL */
    bool has_target;       /* a key-figure table's target column ("Mål 2023") */
    double target;
    char *kolada_id;       /* the Kolada id printed beside it ("N00097"), or NULL */
    int page;
    box bbox;
    char *text;            /* the words it came from */
    char *pattern;         /* the pattern that found it */
    struct kpi_source *sources; /* every place that states it, where more than one */
    size_t n_sources;
} kpi;

/* One place a KPI is stated: prose and a table row that give the same
 * figure for the same year are one KPI with two sources. */
typedef struct kpi_source {
    int page;
    box bbox;
    char *text;
    char *pattern;
} kpi_source;

/* Frees what k owns (not k itself). */
void kpi_release(kpi *k);

/* A page read turned upright: the boxes found on it are on the page as
 * read until written, where they go back onto the page as it is. */
typedef struct page_turn {
    int page;
    quarter_turn turn;
    double width, height; /* the page's own */
} page_turn;

struct arsred_document {
    /* source */
    char *path;
    char sha256[65];
    char *producer;
    char *title;
    char *subject;
    int pages;
    int revisions;       /* 1, and 1 for each incremental update */
    /* report (NULL / 0 where the cover does not give it) */
    char *organisation;
    char *body;
    char *type;
    int year;
    /* where each of them came from ("page 1, pattern …: 'text'"), or NULL */
    char *organisation_evidence, *body_evidence, *type_evidence, *year_evidence;
    table *tables;
    size_t n_tables, cap_tables;
    check *checks;
    size_t n_checks, cap_checks;
    unchecked *unchecked;      /* relations seen and not checked */
    size_t n_unchecked, cap_unchecked;
    goal *goals;
    size_t n_goals, cap_goals;
    assignment *assignments;   /* those under no goal (a table of assignments alone) */
    size_t n_assignments, cap_assignments;
    kpi *kpis;
    size_t n_kpis, cap_kpis;
    statement *statements;
    size_t n_statements, cap_statements;
    char **page_labels;        /* per PDF page (1-based): the number it prints, or NULL */
    size_t n_page_labels;
    char *default_unit;        /* the report's word on its figures' unit: kr, tkr, mnkr */
    int default_unit_page;
    report_warning *warnings;
    size_t n_warnings, cap_warnings;
    page_turn *turns;          /* pages read turned upright (layout_page.turn) */
    size_t n_turns, cap_turns;
};

arsred_document *report_new(const char *path);

/* The number PDF page `page` prints on itself; label "" for none. Pages
 * past the document's last, or past REPORT_MAX_PAGES where the count is
 * unknown, have none. */
enum { REPORT_MAX_PAGES = 100000 };
void report_set_page_label(arsred_document *doc, int page, const char *label);
const char *report_page_label(const arsred_document *doc, int page);
/* Notes that page was read turned (lp->turn), and gives a box found on
 * page back on the page as it is (where nothing was turned, b). */
void report_note_turn(arsred_document *doc, const layout_page *lp);
box report_page_box(const arsred_document *doc, int page, box b);
void report_warn(arsred_document *doc, const char *code, int page,
                 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* As report_warn, with the number of things the warning is about (the
 * glyphs lost on the page, say), for programs that read the JSON. */
void report_warn_count(arsred_document *doc, const char *code, int page, size_t count,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* As report_warn, but once: the same code, page and message again add
 * nothing. */
void report_warn_once(arsred_document *doc, const char *code, int page, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A recogniser reads pages in reading order and adds what it finds to the
 * document. Adding one means one new file and one entry in pipeline.c. */
typedef struct recogniser {
    const char *name;
    void *(*start)(arsred_document *doc, const arsred_patterns *patterns);
    void (*page)(void *state, layout_page *lp, arsred_document *doc);
    void (*finish)(void *state, arsred_document *doc);
} recogniser;

extern const recogniser cover_recogniser;
/* The cover recogniser reads the first COVER_PAGES pages. */
enum { COVER_PAGES = 3 };
extern const recogniser table_recogniser;
extern const recogniser statement_recogniser;
/* Frees a target's strings, and a list of assignments with theirs. */
void goal_target_release(goal_target *t);
void assignments_free(assignment *list, size_t n);

extern const recogniser goal_recogniser;
extern const recogniser kpi_recogniser;

/* Runs every arithmetic check the document's tables and statements allow,
 * filling doc->checks (and correcting unit.effective where the arithmetic
 * shows another unit). */
void checks_run(arsred_document *doc, const arsred_patterns *patterns);

#endif
