/* compare.h: several years of one organisation lined up: series of table
 * figures, KPIs and goal statuses by year, and restatements (one figure for
 * one year printed differently in two reports). */
#ifndef ARSRED_COMPARE_H
#define ARSRED_COMPARE_H

#include "arsred.h"
#include "report.h"

typedef struct point {
    int year;
    double value;
    int decimals;
    size_t report;       /* index into comparison.reports */
    int page;
} point;

typedef struct series {
    char *table, *section, *row, *kind, *unit;
    char *qualifier;     /* KPIs: the place or kind */
    bool is_kpi;
    point *points;       /* sorted by year, the latest report's value */
    size_t n_points, cap_points;
    point *seen;         /* every report's value, in report order */
    size_t n_seen, cap_seen;
} series;

typedef struct goal_line {
    char *text;          /* the latest wording */
    char **texts;        /* per report, NULL where the goal is absent */
    goal_status *status; /* per report */
    bool *present;
    bool unsure;         /* matched across years by words that differ much */
} goal_line;

typedef struct restatement {
    size_t series;       /* index into series */
    int year;
    point *values;       /* every report that shows the year, in report order */
    size_t n_values;
} restatement;

typedef struct report_ref {
    int year;
    char *source;
} report_ref;

struct arsred_comparison {
    char *organisation, *body;
    report_ref *reports;
    size_t n_reports;
    series *series;
    size_t n_series, cap_series;
    goal_line *goals;
    size_t n_goals, cap_goals;
    restatement *restatements;
    size_t n_restatements, cap_restatements;
    char **warnings;
    size_t n_warnings, cap_warnings;
    const struct arsred_patterns *patterns; /* the caller's, while comparing: KPI names */
};

#endif
