/* compare.c: several years of one organisation lined up. */
#include "compare.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "table.h"
#include "text.h"
#include "util.h"

#define GOAL_SURE 0.5     /* word overlap above which two wordings are one goal */
#define GOAL_UNSURE 0.3   /* … and above which they may be, said so */

static const char *const kind_names[] = {"other", "budget", "actual", "deviation", "forecast"};

static void warn(arsred_comparison *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(arsred_comparison *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *copy = xstrdup(buf);
    ARRAY_PUSH(c->warnings, c->n_warnings, c->cap_warnings, copy);
}

static bool same_text(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    char *x = utf8_casefold(a), *y = utf8_casefold(b);
    text_fold_space(x);
    text_fold_space(y);
    bool same = strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

/* ------------------------------------------------------------- series */

/* A KPI's name folded, without a unit it ends in ("Sjukfrånvaro, %"). */
static char *kpi_name_key(const arsred_patterns *patterns, const char *name)
{
    const pattern *pats[4];
    size_t n = patterns ? patterns_of_kind(patterns, "table.label-unit", pats, 4) : 0;
    char *base = NULL;
    for (size_t i = 0; i < n && i < 4 && !base; i++) {
        pattern_match m;
        const pattern_group *g;
        if (pattern_exec(pats[i], name, strlen(name), 0, &m) == PATTERN_MATCHED &&
            (g = pattern_match_group(&m, "name")) != NULL && g->set && g->end > g->start)
            base = xstrndup(name + g->start, g->end - g->start);
    }
    char *key = utf8_casefold(base ? base : name);
    free(base);
    text_fold_space(key);
    size_t len = strlen(key);
    while (len > 0 && strchr(" .,:;", key[len - 1]))
        key[--len] = '\0';
    return key;
}

/* Whether two folded names are one but for the definite ending of their
 * first word ("sjukfrånvaron", "sjukfrånvaro"; kpi.definite-ending). */
static bool same_but_ending(const arsred_patterns *patterns, const char *a, const char *b)
{
    size_t wa = strcspn(a, " "), wb = strcspn(b, " ");
    if (wa == wb || strcmp(a + wa, b + wb) != 0)
        return false;
    const char *longer = wa > wb ? a : b;
    size_t shorter = wa > wb ? wb : wa, longer_len = wa > wb ? wa : wb;
    if (strncmp(a, b, shorter) != 0)
        return false;
    char *ending = xstrndup(longer + shorter, longer_len - shorter);
    const pattern *pats[4];
    size_t n = patterns ? patterns_of_kind(patterns, "kpi.definite-ending", pats, 4) : 0;
    bool same = false;
    for (size_t i = 0; i < n && i < 4 && !same; i++) {
        pattern_match m;
        same = pattern_exec(pats[i], ending, strlen(ending), 0, &m) == PATTERN_MATCHED;
    }
    free(ending);
    return same;
}

/* Two reports' names of one KPI: equal once folded and without the unit
 * they end in, or but for a definite ending. */
static bool same_kpi_name(const arsred_patterns *patterns, const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    char *x = kpi_name_key(patterns, a), *y = kpi_name_key(patterns, b);
    bool same = strcmp(x, y) == 0 || same_but_ending(patterns, x, y);
    free(x);
    free(y);
    return same;
}

/* A unit in the tool's one spelling ("procent" is %), for JSON written
 * before units were. */
static bool same_unit(const arsred_patterns *patterns, const char *a, const char *b)
{
    const char *x = a && patterns ? table_unit_in(a, patterns) : NULL;
    const char *y = b && patterns ? table_unit_in(b, patterns) : NULL;
    return same_text(x ? x : a, y ? y : b);
}

static size_t find_series(arsred_comparison *c, bool is_kpi, const char *table_name, const char *row,
                          const char *kind, const char *qualifier, const char *unit)
{
    for (size_t i = 0; i < c->n_series; i++) {
        series *s = &c->series[i];
        bool same_row = is_kpi ? same_kpi_name(c->patterns, s->row, row) : same_text(s->row, row);
        if (s->is_kpi == is_kpi && same_text(s->table, table_name) && same_row &&
            same_text(s->kind, kind) && same_text(s->qualifier, qualifier) &&
            (!is_kpi || same_unit(c->patterns, s->unit, unit)))
            return i;
    }
    series s = {.is_kpi = is_kpi,
                .table = table_name ? xstrdup(table_name) : NULL,
                .row = row ? xstrdup(row) : NULL,
                .kind = kind ? xstrdup(kind) : NULL,
                .qualifier = qualifier ? xstrdup(qualifier) : NULL,
                .unit = unit ? xstrdup(unit) : NULL};
    ARRAY_PUSH(c->series, c->n_series, c->cap_series, s);
    return c->n_series - 1;
}

static double half_unit(int decimals)
{
    return 0.5 * pow(10, -decimals);
}

/* Adds a point; a year a report already gave is taken from the later
 * report. Every report's value is kept for find_restatements. */
static void add_point(arsred_comparison *c, size_t si, point p)
{
    series *s = &c->series[si];
    for (size_t i = 0; i < s->n_seen; i++)
        if (s->seen[i].year == p.year && s->seen[i].report == p.report)
            return; /* the same report shows it twice: keep the first */
    ARRAY_PUSH(s->seen, s->n_seen, s->cap_seen, p);
    for (size_t i = 0; i < s->n_points; i++) {
        if (s->points[i].year == p.year) {
            s->points[i] = p;
            return;
        }
    }
    ARRAY_PUSH(s->points, s->n_points, s->cap_points, p);
    for (size_t i = s->n_points - 1; i > 0 && s->points[i - 1].year > s->points[i].year; i--) {
        point t = s->points[i];
        s->points[i] = s->points[i - 1];
        s->points[i - 1] = t;
    }
}

static bool same_figure(const point *a, const point *b)
{
    return fabs(a->value - b->value) <= half_unit(a->decimals) + half_unit(b->decimals) + 1e-9;
}

/* A year whose reports disagree (beyond what their printed decimals allow)
 * is a restatement, listed with every report's value. */
static void find_restatements(arsred_comparison *c)
{
    for (size_t si = 0; si < c->n_series; si++) {
        const series *s = &c->series[si];
        for (size_t p = 0; p < s->n_points; p++) {
            int year = s->points[p].year;
            point *values = NULL;
            size_t n = 0, cap = 0;
            bool differ = false;
            for (size_t i = 0; i < s->n_seen; i++) {
                if (s->seen[i].year != year)
                    continue;
                ARRAY_PUSH(values, n, cap, s->seen[i]);
                differ |= !same_figure(&values[0], &s->seen[i]);
            }
            if (!differ) {
                free(values);
                continue;
            }
            restatement r = {si, year, values, n};
            ARRAY_PUSH(c->restatements, c->n_restatements, c->cap_restatements, r);
        }
    }
}

/* What a cell measures: the row's measure where the relation is turned,
 * else the column's kind; years alone over money lines are outcomes, over
 * key figures just years. */
static column_kind cell_kind(const table *t, size_t r, size_t k)
{
    if (t->rows[r].measure != COLUMN_OTHER)
        return t->rows[r].measure;
    if (table_is_by_year(t))
        return COLUMN_OTHER;
    return t->columns[k].kind != COLUMN_OTHER ? t->columns[k].kind : COLUMN_ACTUAL;
}

/* Values that no series can take, said once a table and cause: a column
 * with no year, a row with no label. */
static void warn_left_out(arsred_comparison *c, const arsred_document *doc, const table *t,
                          size_t no_year, const char *first_column, size_t n_columns,
                          size_t no_label)
{
    if (no_year)
        warn(c, "%s: table %s (page %d): %zu value%s left out of every series: no year for "
                "column '%s'%s",
             doc->path, t->id, t->page, no_year, no_year == 1 ? "" : "s", first_column,
             n_columns > 1 ? " and others" : "");
    if (no_label)
        warn(c, "%s: table %s (page %d): %zu value%s left out of every series: %s no row label",
             doc->path, t->id, t->page, no_label, no_label == 1 ? "" : "s",
             no_label == 1 ? "its row has" : "their rows have");
}

static void add_tables(arsred_comparison *c, const arsred_document *doc, size_t report)
{
    for (size_t i = 0; i < doc->n_tables; i++) {
        const table *t = &doc->tables[i];
        size_t no_year = 0, no_label = 0, n_columns = 0; /* columns without a year that hold values */
        const char *first_column = NULL;
        for (size_t k = 0; k < t->n_columns; k++)
            for (size_t r = 0; r < t->n_rows && !t->columns[k].year; r++)
                if (t->rows[r].cells[k].has_value) {
                    n_columns++;
                    break;
                }
        for (size_t r = 0; r < t->n_rows; r++)
            for (size_t k = 0; k < t->n_columns; k++) {
                const table_cell *cell = &t->rows[r].cells[k];
                int year = t->columns[k].year;
                if (!cell->has_value)
                    continue;
                if (!year) {
                    if (!no_year++)
                        first_column = t->columns[k].label ? t->columns[k].label : "";
                    continue;
                }
                if (!t->rows[r].label[0]) {
                    no_label++;
                    continue;
                }
                const char *unit = table_cell_unit(t, r, k);
                size_t si = find_series(c, false, t->title ? t->title : t->id, t->rows[r].label,
                                        kind_names[cell_kind(t, r, k)], NULL, unit);
                if (!c->series[si].section && t->section)
                    c->series[si].section = xstrdup(t->section);
                add_point(c, si, (point){year, cell->value, cell->decimals, report,
                                         cell->page ? cell->page : t->page});
            }
        warn_left_out(c, doc, t, no_year, first_column, n_columns, no_label);
    }
}

static int decimals_of(double v)
{
    for (int d = 0; d < 6; d++)
        if (fabs(v * pow(10, d) - round(v * pow(10, d))) < 1e-6)
            return d;
    return 6;
}

static void add_kpis(arsred_comparison *c, const arsred_document *doc, size_t report)
{
    for (size_t i = 0; i < doc->n_kpis; i++) {
        const kpi *k = &doc->kpis[i];
        if (!k->year || k->goal) /* targets belong to their goals */
            continue;
        size_t si = find_series(c, true, NULL, k->name, "kpi", k->qualifier, k->unit);
        add_point(c, si, (point){k->year, k->value, k->decimals ? k->decimals : decimals_of(k->value),
                                 report, k->page});
        if (k->has_previous)
            add_point(c, si, (point){k->year - 1, k->previous, decimals_of(k->previous), report,
                                     k->page});
    }
}

/* -------------------------------------------------------------- goals */

static void add_goals(arsred_comparison *c, const arsred_document *doc, size_t report)
{
    bool *taken = xcalloc(c->n_goals + doc->n_goals + 1, sizeof *taken);
    for (size_t i = 0; i < doc->n_goals; i++) {
        const goal *g = &doc->goals[i];
        size_t best = SIZE_MAX;
        double best_overlap = GOAL_UNSURE;
        for (size_t j = 0; j < c->n_goals; j++) {
            if (taken[j] || c->goals[j].present[report])
                continue;
            double o = text_similarity(c->goals[j].text, g->text);
            if (o > best_overlap) {
                best_overlap = o;
                best = j;
            }
        }
        if (best == SIZE_MAX) {
            goal_line fresh = {.texts = xcalloc(c->n_reports, sizeof(char *)),
                               .status = xcalloc(c->n_reports, sizeof(goal_status)),
                               .present = xcalloc(c->n_reports, sizeof(bool))};
            ARRAY_PUSH(c->goals, c->n_goals, c->cap_goals, fresh);
            best = c->n_goals - 1;
            taken = xrealloc(taken, (c->n_goals + doc->n_goals + 1) * sizeof *taken);
            taken[best] = false;
        } else if (best_overlap < GOAL_SURE) {
            c->goals[best].unsure = true;
        }
        goal_line *gl = &c->goals[best];
        taken[best] = true;
        gl->texts[report] = xstrdup(g->text);
        gl->status[report] = g->status;
        gl->present[report] = true;
        free(gl->text);
        gl->text = xstrdup(g->text); /* reports come in year order: the latest wording */
    }
    free(taken);
}

/* ----------------------------------------------------------- compare */

static int compare_year(const void *a, const void *b)
{
    const arsred_document *x = *(arsred_document *const *)a, *y = *(arsred_document *const *)b;
    return (x->year > y->year) - (x->year < y->year);
}

int arsred_compare(arsred_document *const *docs, size_t n, const arsred_patterns *patterns,
                   arsred_comparison **out, arsred_error *err)
{
    *out = NULL;
    if (n == 0)
        return error_set(err, ARSRED_ERR_USAGE, "give the reports to compare");
    for (size_t i = 1; i < n; i++) {
        if (!same_text(docs[i]->organisation, docs[0]->organisation) ||
            !same_text(docs[i]->body, docs[0]->body))
            return error_set(err, ARSRED_ERR_USAGE,
                             "%s and %s are reports of different organisations (%s, %s / %s, "
                             "%s); compare one organisation's reports",
                             docs[0]->path, docs[i]->path,
                             docs[0]->organisation ? docs[0]->organisation : "unknown",
                             docs[0]->body ? docs[0]->body : "unknown",
                             docs[i]->organisation ? docs[i]->organisation : "unknown",
                             docs[i]->body ? docs[i]->body : "unknown");
        if (!docs[i]->year)
            return error_set(err, ARSRED_ERR_USAGE, "%s: its year was not found; it cannot be "
                                                    "placed in a series", docs[i]->path);
    }
    if (!docs[0]->year)
        return error_set(err, ARSRED_ERR_USAGE, "%s: its year was not found; it cannot be "
                                                "placed in a series", docs[0]->path);
    arsred_comparison *c = xcalloc(1, sizeof *c);
    c->patterns = patterns;
    /* year order; of two reports of one year, the later given wins */
    arsred_document **sorted = xmalloc(n * sizeof *sorted);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        size_t same = SIZE_MAX;
        for (size_t j = 0; j < m; j++)
            if (sorted[j]->year == docs[i]->year)
                same = j;
        if (same != SIZE_MAX) {
            warn(c, "%s and %s are both of %d; %s is used", sorted[same]->path, docs[i]->path,
                 docs[i]->year, docs[i]->path);
            sorted[same] = docs[i];
        } else {
            sorted[m++] = docs[i];
        }
    }
    sort_array(sorted, m, sizeof *sorted, compare_year);
    c->organisation = docs[0]->organisation ? xstrdup(docs[0]->organisation) : NULL;
    c->body = docs[0]->body ? xstrdup(docs[0]->body) : NULL;
    c->n_reports = m;
    c->reports = xcalloc(m, sizeof *c->reports);
    for (size_t i = 0; i < m; i++)
        c->reports[i] = (report_ref){sorted[i]->year, xstrdup(sorted[i]->path)};
    for (size_t i = 0; i < m; i++) {
        add_tables(c, sorted[i], i);
        add_kpis(c, sorted[i], i);
        add_goals(c, sorted[i], i);
    }
    find_restatements(c);
    for (size_t i = 0; i < c->n_goals; i++)
        if (c->goals[i].unsure)
            warn(c, "goal \"%s\" is matched across years by wordings that differ much; check it",
                 c->goals[i].text);
    free(sorted);
    c->patterns = NULL;
    *out = c;
    return ARSRED_OK;
}

void arsred_comparison_free(arsred_comparison *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_series; i++) {
        series *s = &c->series[i];
        free(s->table);
        free(s->section);
        free(s->row);
        free(s->kind);
        free(s->unit);
        free(s->qualifier);
        free(s->points);
        free(s->seen);
    }
    free(c->series);
    for (size_t i = 0; i < c->n_goals; i++) {
        for (size_t r = 0; r < c->n_reports; r++)
            free(c->goals[i].texts[r]);
        free(c->goals[i].texts);
        free(c->goals[i].status);
        free(c->goals[i].present);
        free(c->goals[i].text);
    }
    free(c->goals);
    for (size_t i = 0; i < c->n_reports; i++)
        free(c->reports[i].source);
    free(c->reports);
    for (size_t i = 0; i < c->n_restatements; i++)
        free(c->restatements[i].values);
    free(c->restatements);
    for (size_t i = 0; i < c->n_warnings; i++)
        free(c->warnings[i]);
    free(c->warnings);
    free(c->organisation);
    free(c->body);
    free(c);
}

size_t arsred_comparison_warning_count(const arsred_comparison *c)
{
    return c->n_warnings;
}

const char *arsred_comparison_warning(const arsred_comparison *c, size_t i)
{
    return i < c->n_warnings ? c->warnings[i] : NULL;
}
