/* csv.c: tidy CSV (RFC 4180): one row per value, with the columns
 * source,year,section,table,row,column,kind,value,unit,page. Values use a
 * dot as the decimal sign so that every tool reads them. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "compare.h"
#include "report.h"
#include "util.h"

static const char header_line[] = "source,year,section,table,row,column,kind,value,unit,page\r\n";
static const char *const column_kinds[] = {"other", "budget", "actual", "deviation", "forecast"};
static const char *const statuses[] = {"", "met", "partly_met", "not_met", "not_evaluated"};

static void add_field(strbuf *sb, const char *s, bool last)
{
    s = s ? s : "";
    if (strpbrk(s, ",\"\r\n")) {
        strbuf_addc(sb, '"');
        for (; *s; s++) {
            if (*s == '"')
                strbuf_addc(sb, '"');
            strbuf_addc(sb, *s);
        }
        strbuf_addc(sb, '"');
    } else {
        strbuf_adds(sb, s);
    }
    strbuf_adds(sb, last ? "\r\n" : ",");
}

static void add_number(strbuf *sb, double v)
{
    char buf[64];
    double r = round(v * 1e9) / 1e9;
    if (r == trunc(r) && fabs(r) < 1e15)
        snprintf(buf, sizeof buf, "%.0f", r);
    else
        snprintf(buf, sizeof buf, "%.10g", r);
    strbuf_adds(sb, buf);
    strbuf_addc(sb, ',');
}

static void add_int(strbuf *sb, int v, bool last)
{
    char buf[24];
    if (v)
        snprintf(buf, sizeof buf, "%d", v);
    else
        buf[0] = '\0';
    add_field(sb, buf, last);
}

typedef struct csv_row {
    const char *source;
    int year;
    const char *section, *table, *row, *column, *kind;
    bool numeric;
    double value;
    const char *text_value;
    const char *unit;
    int page;
} csv_row;

static void add_row(strbuf *sb, const csv_row *r)
{
    add_field(sb, r->source, false);
    add_int(sb, r->year, false);
    add_field(sb, r->section, false);
    add_field(sb, r->table, false);
    add_field(sb, r->row, false);
    add_field(sb, r->column, false);
    add_field(sb, r->kind, false);
    if (r->numeric)
        add_number(sb, r->value);
    else
        add_field(sb, r->text_value, false);
    add_field(sb, r->unit, false);
    add_int(sb, r->page, true);
}

static void document_rows(strbuf *sb, const arsred_document *doc)
{
    for (size_t i = 0; i < doc->n_tables; i++) {
        const table *t = &doc->tables[i];
        for (size_t r = 0; r < t->n_rows; r++)
            for (size_t k = 0; k < t->n_columns; k++) {
                const table_cell *c = &t->rows[r].cells[k];
                if (!c->has_value)
                    continue;
                column_kind kind = t->rows[r].measure != COLUMN_OTHER ? t->rows[r].measure
                                                                        : t->columns[k].kind;
                /* no year where the page gives none (a warning says so),
                 * never the report's own on last year's figures */
                csv_row row = {doc->path, t->columns[k].year,
                               t->section, t->title ? t->title : t->id, t->rows[r].label,
                               table_column_label(t, k), column_kinds[kind], true, c->value, NULL,
                               table_cell_unit(t, r, k),
                               c->page ? c->page : t->page};
                add_row(sb, &row);
            }
    }
    for (size_t i = 0; i < doc->n_goals; i++) {
        const goal *g = &doc->goals[i];
        csv_row row = {doc->path, doc->year, "goals", NULL, g->text, g->id, "goal-status", false,
                       0, statuses[g->status], NULL, g->page};
        add_row(sb, &row);
        for (size_t t = 0; t < g->n_targets; t++) { /* what the goal aims at, by year */
            const goal_target *gt = &g->targets[t];
            csv_row target = {doc->path, gt->year, "goals", NULL, g->text, g->id, "goal-target",
                              gt->has_value, gt->value, gt->has_value ? NULL : gt->text, gt->unit,
                              g->page};
            add_row(sb, &target);
        }
        for (size_t a = 0; a < g->n_assignments; a++) {
            const assignment *as = &g->assignments[a];
            csv_row status = {doc->path, doc->year, "assignments", NULL, as->text, g->id,
                              "assignment-status", false, 0, statuses[as->status], NULL, g->page};
            add_row(sb, &status);
        }
    }
    for (size_t a = 0; a < doc->n_assignments; a++) {
        const assignment *as = &doc->assignments[a];
        csv_row status = {doc->path, doc->year, "assignments", NULL, as->text, NULL,
                          "assignment-status", false, 0, statuses[as->status], NULL, 0};
        add_row(sb, &status);
    }
    for (size_t i = 0; i < doc->n_kpis; i++) {
        const kpi *k = &doc->kpis[i];
        csv_row row = {doc->path, k->year, "kpis", NULL, k->name, k->qualifier,
                       k->goal ? "target" : "kpi", true, k->value, NULL, k->unit, k->page};
        add_row(sb, &row);
        if (k->has_target) {
            csv_row target = row;
            target.value = k->target;
            target.kind = "kpi-target";
            add_row(sb, &target);
        }
        if (k->has_previous) {
            row.year = k->year - 1;
            row.value = k->previous;
            row.kind = "kpi-previous";
            add_row(sb, &row);
        }
    }
}

char *arsred_document_to_csv(const arsred_document *doc, int header)
{
    strbuf sb;
    strbuf_init(&sb);
    if (header)
        strbuf_adds(&sb, header_line);
    document_rows(&sb, doc);
    return strbuf_take(&sb);
}

static const char check_header_line[] =
    "source,page,page_label,table,table_title,row,column,rule,result,expected,found,difference,"
    "tolerance,tolerance_kind,suspect_table,suspect_row,suspect_column,suspect_found,suggested,"
    "decided,reason,expr\r\n";
static const char *const check_results[] = {"ok", "rounding", "mismatch"};

static const char *row_label(const table *t, long r)
{
    return r >= 0 && (size_t)r < t->n_rows ? t->rows[r].label : "";
}

static const char *column_label(const table *t, long k)
{
    return k >= 0 ? table_column_label(t, (size_t)k) : "";
}

static void add_figure_field(strbuf *sb, bool present, double v)
{
    if (present)
        add_number(sb, v);
    else
        add_field(sb, "", false);
}

static void check_row(strbuf *sb, const arsred_document *doc, const check *c)
{
    const table *t = &doc->tables[c->table];
    const char *label = report_page_label(doc, c->page);
    bool figures = c->rule != RULE_UNIT;
    add_field(sb, doc->path, false);
    add_int(sb, c->page, false);
    add_field(sb, label, false);
    add_field(sb, t->id, false);
    add_field(sb, t->title, false);
    add_field(sb, row_label(t, c->row), false);
    add_field(sb, column_label(t, c->column), false);
    add_field(sb, check_rule_names[c->rule], false);
    add_field(sb, check_results[c->result], false);
    add_figure_field(sb, figures, c->expected);
    add_figure_field(sb, figures, c->found);
    add_figure_field(sb, figures, c->difference);
    add_figure_field(sb, figures, c->tolerance);
    add_field(sb, figures ? check_tolerance_kind(c) : "", false);
    if (c->has_suspect) {
        const table *st = &doc->tables[c->suspect.table];
        add_field(sb, st->id, false);
        add_field(sb, row_label(st, (long)c->suspect.row), false);
        add_field(sb, column_label(st, (long)c->suspect.column), false);
        add_number(sb, c->suspect_found);
        add_number(sb, c->suggested);
        add_field(sb, c->decided ? "true" : "false", false);
    } else {
        for (int i = 0; i < 6; i++)
            add_field(sb, "", false);
    }
    add_field(sb, "", false);
    add_field(sb, c->expr, true);
}

static void unchecked_row(strbuf *sb, const arsred_document *doc, const unchecked *u)
{
    const table *t = u->table < doc->n_tables ? &doc->tables[u->table] : NULL;
    add_field(sb, doc->path, false);
    add_int(sb, u->page, false);
    add_field(sb, report_page_label(doc, u->page), false);
    add_field(sb, t ? t->id : "", false);
    add_field(sb, t ? t->title : "", false);
    add_field(sb, t ? row_label(t, u->row) : "", false);
    add_field(sb, t ? column_label(t, u->column) : "", false);
    add_field(sb, check_rule_names[u->rule], false);
    add_field(sb, "not_checked", false);
    for (int i = 0; i < 11; i++)
        add_field(sb, "", false);
    add_field(sb, unchecked_reason_names[u->reason], false);
    add_field(sb, u->what, true);
}

char *arsred_document_checks_csv(const arsred_document *doc, int header)
{
    strbuf sb;
    strbuf_init(&sb);
    if (header)
        strbuf_adds(&sb, check_header_line);
    for (size_t i = 0; i < doc->n_checks; i++)
        check_row(&sb, doc, &doc->checks[i]);
    for (size_t i = 0; i < doc->n_unchecked; i++)
        unchecked_row(&sb, doc, &doc->unchecked[i]);
    return strbuf_take(&sb);
}

char *arsred_comparison_to_csv(const arsred_comparison *c)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_adds(&sb, header_line);
    for (size_t i = 0; i < c->n_series; i++) {
        const series *s = &c->series[i];
        for (size_t p = 0; p < s->n_points; p++) {
            const point *pt = &s->points[p];
            csv_row row = {c->reports[pt->report].source, pt->year,
                           s->is_kpi ? "kpis" : s->section, s->table, s->row,
                           s->is_kpi ? s->qualifier : NULL, s->kind, true, pt->value, NULL,
                           s->unit, pt->page};
            add_row(&sb, &row);
        }
    }
    /* The values a later report replaced: kind "restated", the series' own
     * kind in the column field (the series rows above hold the latest). */
    for (size_t i = 0; i < c->n_restatements; i++) {
        const restatement *rs = &c->restatements[i];
        const series *s = &c->series[rs->series];
        for (size_t v = 0; v + 1 < rs->n_values; v++) {
            const point *pt = &rs->values[v];
            if (pt->value == rs->values[rs->n_values - 1].value)
                continue; /* a repeat of the value that stands */
            csv_row row = {c->reports[pt->report].source, pt->year,
                           s->is_kpi ? "kpis" : s->section, s->table, s->row, s->kind,
                           "restated", true, pt->value, NULL, s->unit, pt->page};
            add_row(&sb, &row);
        }
    }
    for (size_t i = 0; i < c->n_goals; i++)
        for (size_t r = 0; r < c->n_reports; r++) {
            if (!c->goals[i].present[r])
                continue;
            csv_row row = {c->reports[r].source, c->reports[r].year, "goals", NULL,
                           c->goals[i].texts[r], NULL, "goal-status", false, 0,
                           statuses[c->goals[i].status[r]], NULL, 0};
            add_row(&sb, &row);
        }
    return strbuf_take(&sb);
}
