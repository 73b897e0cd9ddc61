/* json.c: the document as JSON (spec/output-format.md). The only stage
 * that includes jansson. */
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "report.h"
#include "util.h"

static json_t *string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *source_json(const arsred_document *doc)
{
    json_t *o = json_object();
    json_object_set_new(o, "path", json_string(doc->path));
    json_object_set_new(o, "sha256", json_string(doc->sha256));
    json_object_set_new(o, "pages", json_integer(doc->pages));
    json_object_set_new(o, "revisions", json_integer(doc->revisions));
    json_object_set_new(o, "producer", string_or_null(doc->producer));
    json_object_set_new(o, "title", string_or_null(doc->title));
    json_object_set_new(o, "subject", string_or_null(doc->subject));
    return o;
}

static json_t *report_json(const arsred_document *doc)
{
    json_t *o = json_object();
    json_object_set_new(o, "organisation", string_or_null(doc->organisation));
    json_object_set_new(o, "body", string_or_null(doc->body));
    json_object_set_new(o, "year", doc->year ? json_integer(doc->year) : json_null());
    json_object_set_new(o, "type", string_or_null(doc->type));
    const char *fields[] = {"organisation", "body", "year", "type"};
    const char *evidence_of[] = {doc->organisation_evidence, doc->body_evidence,
                                 doc->year_evidence, doc->type_evidence};
    json_t *evidence = json_object();
    for (size_t i = 0; i < 4; i++)
        if (evidence_of[i])
            json_object_set_new(evidence, fields[i], json_string(evidence_of[i]));
    if (json_object_size(evidence))
        json_object_set_new(o, "evidence", evidence);
    else
        json_decref(evidence);
    return o;
}

/* A real that reads back: printed with 15 digits (json_dumps), a figure
 * past 1.79769313486231e308 would round past the largest double, which
 * jansson refuses to read (an edited JSON may say 1.7976931348623157e308). */
#define LARGEST_PRINTED 1.79769313486231e308

static json_t *real_json(double v)
{
    if (isnan(v))
        return json_null(); /* json_real would give NULL: the member lost */
    return json_real(fabs(v) > LARGEST_PRINTED ? copysign(LARGEST_PRINTED, v) : v);
}

static json_t *box_json(box b)
{
    json_t *a = json_array();
    double v[4] = {b.x0, b.y0, b.x1, b.y1};
    for (int i = 0; i < 4; i++)
        json_array_append_new(a, real_json(round(v[i] * 10) / 10));
    return a;
}

/* A box found on page, on the page as it is (report_page_box). */
static json_t *page_box_json(const arsred_document *doc, int page, box b)
{
    return box_json(report_page_box(doc, page, b));
}

static const char *const column_kinds[] = {"other", "budget", "actual", "deviation", "forecast"};
static const char *const row_kinds[] = {"item", "revenue", "cost", "net", "total"};

/* Integral values print as integers: 4557, not 4557.0. */
static json_t *number_json(double v, int decimals)
{
    if (decimals == 0 && fabs(v) < 9e15)
        return json_integer((json_int_t)llround(v));
    return real_json(v);
}

static json_t *cell_json(const table_cell *c)
{
    if (!c->text)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "text", json_string(c->text));
    if (c->has_value) {
        json_object_set_new(o, "value", number_json(c->value, c->decimals));
        json_object_set_new(o, "decimals", json_integer(c->decimals));
    }
    if (c->note[0])
        json_object_set_new(o, "note", json_string(c->note));
    if (c->approx)
        json_object_set_new(o, "approx", json_true());
    return o;
}

static json_t *column_json(const table *t, const table_column *c)
{
    json_t *o = json_object();
    json_object_set_new(o, "label", json_string(c->label ? c->label : ""));
    json_object_set_new(o, "kind", json_string(column_kinds[c->kind]));
    /* why: headed by its period alone, in a report of outcomes */
    if (c->period_only)
        json_object_set_new(o, "kind_evidence", json_string("period"));
    json_object_set_new(o, "year", c->year ? json_integer(c->year) : json_null());
    if (c->group)
        json_object_set_new(o, "group", json_string(c->group));
    /* a column's own unit only where it differs from the table's */
    if (c->unit && (!t->unit_effective || strcmp(c->unit, t->unit_effective) != 0))
        json_object_set_new(o, "unit", json_string(c->unit));
    return o;
}

static json_t *row_json(const table *t, const table_row *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "label", json_string(r->label));
    json_object_set_new(o, "kind", json_string(row_kinds[r->kind]));
    if (r->measure != COLUMN_OTHER)
        json_object_set_new(o, "measure", json_string(column_kinds[r->measure]));
    if (r->unit)
        json_object_set_new(o, "unit", json_string(r->unit));
    if (r->note_ref)
        json_object_set_new(o, "note_ref", json_string(r->note_ref));
    if (r->page != t->page)
        json_object_set_new(o, "page", json_integer(r->page));
    json_t *cells = json_array();
    for (size_t k = 0; k < t->n_columns; k++)
        json_array_append_new(cells, cell_json(&r->cells[k]));
    json_object_set_new(o, "cells", cells);
    return o;
}

/* The number the page prints on itself, where it prints one. */
static void put_page_label(json_t *o, const arsred_document *doc, int page)
{
    const char *label = report_page_label(doc, page);
    if (label)
        json_object_set_new(o, "page_label", json_string(label));
}

static json_t *table_json(const arsred_document *doc, const table *t)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(t->id));
    json_object_set_new(o, "title", string_or_null(t->title));
    json_object_set_new(o, "section", string_or_null(t->section));
    json_object_set_new(o, "page", json_integer(t->page));
    put_page_label(o, doc, t->page);
    if (t->last_page != t->page)
        json_object_set_new(o, "last_page", json_integer(t->last_page));
    json_object_set_new(o, "bbox", page_box_json(doc, t->page, t->bbox));
    json_t *unit = json_object();
    json_object_set_new(unit, "declared", string_or_null(t->unit_declared));
    json_object_set_new(unit, "effective", string_or_null(t->unit_effective));
    if (t->unit_evidence)
        json_object_set_new(unit, "evidence", json_string(t->unit_evidence));
    json_object_set_new(o, "unit", unit);
    json_object_set_new(o, "sign_convention", string_or_null(t->sign_convention));
    if (t->counts)
        json_object_set_new(o, "counts", json_true());
    json_t *cols = json_array();
    for (size_t k = 0; k < t->n_columns; k++)
        json_array_append_new(cols, column_json(t, &t->columns[k]));
    json_object_set_new(o, "columns", cols);
    json_t *rows = json_array();
    for (size_t r = 0; r < t->n_rows; r++)
        json_array_append_new(rows, row_json(t, &t->rows[r]));
    json_object_set_new(o, "rows", rows);
    return o;
}

static const char *const result_names[] = {"ok", "rounding", "mismatch"};

/* A computed figure, without the float noise of its arithmetic. */
static json_t *figure_json(double v)
{
    /* beyond 1e299 the scaling overflows (an edited JSON may say 1e308),
     * and there is no float noise to take off */
    double r = fabs(v) < 1e290 ? round(v * 1e9) / 1e9 : v;
    if (r == trunc(r) && fabs(r) < 9e15)
        return json_integer((json_int_t)r);
    return real_json(r);
}

static json_t *repair_cell_json(const arsred_document *doc, const repair_cell *r)
{
    json_t *s = json_object();
    json_object_set_new(s, "table", json_string(doc->tables[r->cell.table].id));
    json_object_set_new(s, "row", json_integer((json_int_t)r->cell.row));
    json_object_set_new(s, "column", json_integer((json_int_t)r->cell.column));
    json_object_set_new(s, "found", figure_json(r->found));
    json_object_set_new(s, "suggested", figure_json(r->suggested));
    return s;
}

static json_t *repair_cells_json(const arsred_document *doc, const repair_cell *cells, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, repair_cell_json(doc, &cells[i]));
    return a;
}

static json_t *check_json(const arsred_document *doc, const check *c)
{
    json_t *o = json_object();
    json_object_set_new(o, "rule", json_string(check_rule_names[c->rule]));
    json_object_set_new(o, "table", json_string(doc->tables[c->table].id));
    json_object_set_new(o, "page", json_integer(c->page));
    put_page_label(o, doc, c->page);
    json_object_set_new(o, "row", c->row >= 0 ? json_integer(c->row) : json_null());
    json_object_set_new(o, "column", c->column >= 0 ? json_integer(c->column) : json_null());
    json_object_set_new(o, "expr", json_string(c->expr ? c->expr : ""));
    json_object_set_new(o, "result", json_string(result_names[c->result]));
    if (c->rule != RULE_UNIT) {
        json_object_set_new(o, "expected", figure_json(c->expected));
        json_object_set_new(o, "found", figure_json(c->found));
        json_object_set_new(o, "difference", figure_json(c->difference));
        json_object_set_new(o, "tolerance", figure_json(c->tolerance));
        json_object_set_new(o, "tolerance_kind", json_string(check_tolerance_kind(c)));
    } else {
        const table *t = &doc->tables[c->table];
        json_object_set_new(o, "declared", string_or_null(t->unit_declared));
        json_object_set_new(o, "effective", string_or_null(t->unit_effective));
    }
    if (c->message)
        json_object_set_new(o, "message", json_string(c->message));
    if (c->has_suspect) {
        json_t *s = repair_cell_json(doc, &(repair_cell){c->suspect, c->suspect_found, c->suggested});
        json_object_set_new(s, "explains", json_integer(c->explains));
        json_object_set_new(s, "decided", json_boolean(c->decided));
        json_object_set_new(s, "also", repair_cells_json(doc, c->also, c->n_also));
        json_t *alternatives = json_array();
        for (size_t i = 0; i < c->n_alternatives; i++) {
            const repair *r = &c->alternatives[i];
            json_t *a = repair_cell_json(doc, &r->cells[0]);
            json_object_set_new(a, "also", repair_cells_json(doc, r->cells + 1, r->n - 1));
            json_array_append_new(alternatives, a);
        }
        json_object_set_new(s, "alternatives", alternatives);
        json_object_set_new(o, "suspect", s);
    }
    return o;
}

static const char *const status_names[] = {NULL, "met", "partly_met", "not_met", "not_evaluated"};

static json_t *status_json(goal_status s)
{
    return s == STATUS_NONE ? json_null() : json_string(status_names[s]);
}

static json_t *evidence_json(const arsred_document *doc, const status_evidence *e)
{
    if (e->kind == EVIDENCE_NONE)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "kind", json_string(e->kind == EVIDENCE_ICON ? "icon" : "text"));
    if (e->kind == EVIDENCE_ICON) {
        char hex[8];
        snprintf(hex, sizeof hex, "#%06x", e->rgb & 0xFFFFFF);
        json_object_set_new(o, "color", json_string(hex));
    } else {
        json_object_set_new(o, "text", json_string(e->text ? e->text : ""));
    }
    json_object_set_new(o, "legend", json_boolean(e->legend));
    json_object_set_new(o, "page", json_integer(e->page));
    json_object_set_new(o, "bbox", page_box_json(doc, e->page, e->bbox));
    return o;
}

static json_t *assignment_json(const arsred_document *doc, const assignment *x)
{
    json_t *ao = json_object();
    json_object_set_new(ao, "text", json_string(x->text ? x->text : ""));
    json_object_set_new(ao, "status", status_json(x->status));
    if (x->evidence.kind != EVIDENCE_NONE)
        json_object_set_new(ao, "status_evidence", evidence_json(doc, &x->evidence));
    json_object_set_new(ao, "comment", string_or_null(x->comment));
    json_object_set_new(ao, "progress",
                        x->has_progress ? real_json(round(x->progress * 100) / 100) : json_null());
    return ao;
}

static json_t *assignments_json(const arsred_document *doc, const assignment *list, size_t n)
{
    json_t *as = json_array();
    for (size_t k = 0; k < n; k++)
        json_array_append_new(as, assignment_json(doc, &list[k]));
    return as;
}

static json_t *target_json(const goal_target *t)
{
    json_t *o = json_object();
    json_object_set_new(o, "text", string_or_null(t->text));
    if (t->indicator)
        json_object_set_new(o, "indicator", json_string(t->indicator));
    json_object_set_new(o, "value", t->has_value ? number_json(t->value, t->decimals) : json_null());
    json_object_set_new(o, "unit", string_or_null(t->unit));
    json_object_set_new(o, "year", t->year ? json_integer(t->year) : json_null());
    if (t->outcome)
        json_object_set_new(o, "outcome", json_string(t->outcome));
    return o;
}

static json_t *goal_json(const arsred_document *doc, const goal *g)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(g->id));
    json_object_set_new(o, "text", json_string(g->text));
    json_object_set_new(o, "status", status_json(g->status));
    /* evidence of a status that could not be read says why it is null */
    json_object_set_new(o, "status_evidence", evidence_json(doc, &g->evidence));
    json_object_set_new(o, "page", json_integer(g->page));
    json_object_set_new(o, "bbox", page_box_json(doc, g->page, g->bbox));
    json_object_set_new(o, "comment", string_or_null(g->comment));
    json_t *ts = json_array();
    for (size_t k = 0; k < g->n_targets; k++)
        json_array_append_new(ts, target_json(&g->targets[k]));
    json_object_set_new(o, "targets", ts);
    json_object_set_new(o, "assignments", assignments_json(doc, g->assignments, g->n_assignments));
    return o;
}

static json_t *kpi_json(const arsred_document *doc, const kpi *k)
{
    json_t *o = json_object();
    json_object_set_new(o, "name", json_string(k->name));
    json_object_set_new(o, "value", number_json(k->value, k->decimals));
    if (k->has_previous)
        json_object_set_new(o, "previous", figure_json(k->previous));
    json_object_set_new(o, "unit", string_or_null(k->unit));
    json_object_set_new(o, "year", k->year ? json_integer(k->year) : json_null());
    if (k->qualifier)
        json_object_set_new(o, "qualifier", json_string(k->qualifier));
    if (k->has_target)
        json_object_set_new(o, "target", figure_json(k->target));
    if (k->kolada_id)
        json_object_set_new(o, "kolada_id", json_string(k->kolada_id));
    if (k->goal) {
        json_object_set_new(o, "goal", json_string(k->goal));
        json_object_set_new(o, "kind", json_string("target"));
    }
    json_object_set_new(o, "page", json_integer(k->page));
    json_object_set_new(o, "bbox", page_box_json(doc, k->page, k->bbox));
    json_object_set_new(o, "text", json_string(k->text));
    json_object_set_new(o, "pattern", json_string(k->pattern));
    if (k->n_sources) {
        json_t *sources = json_array();
        for (size_t i = 0; i < k->n_sources; i++) {
            const kpi_source *s = &k->sources[i];
            json_t *so = json_object();
            json_object_set_new(so, "page", json_integer(s->page));
            json_object_set_new(so, "bbox", page_box_json(doc, s->page, s->bbox));
            json_object_set_new(so, "text", json_string(s->text));
            json_object_set_new(so, "pattern", json_string(s->pattern));
            json_array_append_new(sources, so);
        }
        json_object_set_new(o, "sources", sources);
    }
    return o;
}

static json_t *warning_json(const report_warning *w)
{
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(w->code));
    json_object_set_new(o, "page", w->page ? json_integer(w->page) : json_null());
    json_object_set_new(o, "message", json_string(w->message));
    if (w->count > 0)
        json_object_set_new(o, "count", json_integer((json_int_t)w->count));
    return o;
}

/* ------------------------------------------------------------ writing */

/* The document is written member by member and its lists item by item,
 * each item's tree made, written and freed before the next: memory does
 * not grow with the output. The text is what json_dumps would make of the
 * whole tree (2 spaces a level when pretty, else compact). */
typedef struct json_out {
    FILE *file;
    int pretty;
    size_t members;     /* top-level members written so far */
    bool failed;
} json_out;

static void put(json_out *w, const char *text)
{
    if (fputs(text, w->file) < 0)
        w->failed = true;
}

/* A new line at depth levels, when pretty. */
static void new_line(json_out *w, int depth)
{
    if (w->pretty)
        fprintf(w->file, "\n%*s", 2 * depth, "");
}

/* Writes value (and frees it) as if it stood depth levels deep. */
static void put_value(json_out *w, json_t *value, int depth)
{
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY |
                   (w->pretty ? JSON_INDENT(2) : JSON_COMPACT);
    char *text = json_dumps(value, flags);
    json_decref(value);
    if (!text) {
        w->failed = true;
        return;
    }
    for (const char *rest = text; *rest;) { /* strings hold no raw new line */
        const char *end = strchr(rest, '\n');
        size_t len = end ? (size_t)(end - rest) : strlen(rest);
        if (fwrite(rest, 1, len, w->file) != len)
            w->failed = true;
        if (!end)
            break;
        new_line(w, depth);
        rest = end + 1;
    }
    free(text);
}

static void put_key(json_out *w, const char *key)
{
    put(w, w->members++ ? "," : "");
    new_line(w, 1);
    fprintf(w->file, w->pretty ? "\"%s\": " : "\"%s\":", key);
}

static void put_member(json_out *w, const char *key, json_t *value)
{
    put_key(w, key);
    put_value(w, value, 1);
}

typedef json_t *(*item_json)(const arsred_document *doc, size_t i);

static void put_list(json_out *w, const char *key, const arsred_document *doc, size_t n,
                     item_json item)
{
    put_key(w, key);
    put(w, "[");
    for (size_t i = 0; i < n && !w->failed; i++) {
        put(w, i ? "," : "");
        new_line(w, 2);
        put_value(w, item(doc, i), 2);
    }
    if (n > 0)
        new_line(w, 1);
    put(w, "]");
}

static json_t *goal_item(const arsred_document *doc, size_t i) { return goal_json(doc, &doc->goals[i]); }
static json_t *assignment_item(const arsred_document *doc, size_t i)
{
    return assignment_json(doc, &doc->assignments[i]);
}
static json_t *unchecked_json(const arsred_document *doc, const unchecked *u)
{
    json_t *o = json_object();
    json_object_set_new(o, "rule", json_string(check_rule_names[u->rule]));
    json_object_set_new(o, "table", u->table < doc->n_tables
                                        ? json_string(doc->tables[u->table].id)
                                        : json_null());
    json_object_set_new(o, "row", u->row >= 0 ? json_integer(u->row) : json_null());
    json_object_set_new(o, "column", u->column >= 0 ? json_integer(u->column) : json_null());
    json_object_set_new(o, "page", u->page > 0 ? json_integer(u->page) : json_null());
    put_page_label(o, doc, u->page);
    json_object_set_new(o, "reason", json_string(unchecked_reason_names[u->reason]));
    json_object_set_new(o, "what", json_string(u->what));
    return o;
}

/* Per relation kind: how many were checked, how many not and why; and
 * every relation not checked. */
static json_t *coverage_json(const arsred_document *doc)
{
    json_t *rules = json_array();
    for (size_t r = 0; r < N_CHECK_RULES; r++) {
        size_t checked, by_reason[N_UNCHECKED_REASONS];
        size_t not_checked = report_coverage(doc, (check_rule)r, &checked, by_reason);
        if (!checked && !not_checked)
            continue;
        json_t *o = json_object(), *reasons = json_object();
        json_object_set_new(o, "rule", json_string(check_rule_names[r]));
        json_object_set_new(o, "checked", json_integer((json_int_t)checked));
        json_object_set_new(o, "not_checked", json_integer((json_int_t)not_checked));
        for (size_t k = 0; k < N_UNCHECKED_REASONS; k++)
            if (by_reason[k])
                json_object_set_new(reasons, unchecked_reason_names[k],
                                    json_integer((json_int_t)by_reason[k]));
        json_object_set_new(o, "reasons", reasons);
        json_array_append_new(rules, o);
    }
    json_t *list = json_array();
    for (size_t i = 0; i < doc->n_unchecked; i++)
        json_array_append_new(list, unchecked_json(doc, &doc->unchecked[i]));
    json_t *o = json_object();
    json_object_set_new(o, "rules", rules);
    json_object_set_new(o, "not_checked", list);
    return o;
}

static json_t *table_item(const arsred_document *doc, size_t i) { return table_json(doc, &doc->tables[i]); }
static json_t *kpi_item(const arsred_document *doc, size_t i) { return kpi_json(doc, &doc->kpis[i]); }
static json_t *check_item(const arsred_document *doc, size_t i) { return check_json(doc, &doc->checks[i]); }
static json_t *warning_item(const arsred_document *doc, size_t i) { return warning_json(&doc->warnings[i]); }

int arsred_document_write_json(const arsred_document *doc, FILE *file, int pretty)
{
    json_out w = {.file = file, .pretty = pretty};
    put(&w, "{");
    put_member(&w, "arsred", json_integer(ARSRED_FORMAT_VERSION));
    put_member(&w, "source", source_json(doc));
    put_member(&w, "report", report_json(doc));
    put_list(&w, "goals", doc, doc->n_goals, goal_item);
    put_list(&w, "assignments", doc, doc->n_assignments, assignment_item);
    put_list(&w, "tables", doc, doc->n_tables, table_item);
    put_list(&w, "kpis", doc, doc->n_kpis, kpi_item);
    put_list(&w, "checks", doc, doc->n_checks, check_item);
    put_member(&w, "check_coverage", coverage_json(doc));
    put_list(&w, "warnings", doc, doc->n_warnings, warning_item);
    new_line(&w, 0);
    put(&w, "}");
    return w.failed || ferror(file) ? -1 : 0;
}

/* A check with the labels of what it names, for readers without the
 * tables: table_title, row_label, column_label (and the suspect's). */
static void add_labels(json_t *o, const arsred_document *doc, size_t ti, long row, long column)
{
    const table *t = &doc->tables[ti];
    json_object_set_new(o, "table_title", string_or_null(t->title));
    json_object_set_new(o, "row_label", row >= 0 && (size_t)row < t->n_rows
                                            ? json_string(t->rows[row].label)
                                            : json_null());
    json_object_set_new(o, "column_label", column >= 0 && (size_t)column < t->n_columns
                                               ? string_or_null(t->columns[column].label)
                                               : json_null());
}

char *arsred_document_checks_json(const arsred_document *doc, int pretty)
{
    json_t *root = json_object();
    json_object_set_new(root, "arsred_check", json_integer(ARSRED_FORMAT_VERSION));
    json_object_set_new(root, "source", source_json(doc));
    json_object_set_new(root, "report", report_json(doc));
    size_t counts[3] = {0};
    json_t *checks = json_array();
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        counts[c->result]++;
        json_t *o = check_json(doc, c);
        add_labels(o, doc, c->table, c->row, c->column);
        json_t *s = json_object_get(o, "suspect");
        if (s)
            add_labels(s, doc, c->suspect.table, (long)c->suspect.row, (long)c->suspect.column);
        json_array_append_new(checks, o);
    }
    json_t *summary = json_object();
    json_object_set_new(summary, "checks", json_integer((json_int_t)doc->n_checks));
    json_object_set_new(summary, "ok", json_integer((json_int_t)counts[CHECK_OK]));
    json_object_set_new(summary, "rounding", json_integer((json_int_t)counts[CHECK_ROUNDING]));
    json_object_set_new(summary, "mismatches", json_integer((json_int_t)counts[CHECK_MISMATCH]));
    json_object_set_new(root, "summary", summary);
    json_object_set_new(root, "checks", checks);
    json_object_set_new(root, "check_coverage", coverage_json(doc));
    char *text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) |
                                      (pretty ? JSON_INDENT(2) : JSON_COMPACT));
    json_decref(root);
    char *copy = xstrdup(text ? text : "{}");
    free(text);
    return copy;
}

char *arsred_document_to_json(const arsred_document *doc, int pretty)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) { /* only without memory */
        fprintf(stderr, "arsred: out of memory\n");
        abort();
    }
    arsred_document_write_json(doc, f, pretty);
    fclose(f);
    return text;
}

/* ------------------------------------------------------------- reading */

static char *dup_string(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? xstrdup(s) : NULL;
}

/* An integer member that an int holds, or 0 (missing, another type, out
 * of range: an edited JSON may say anything). */
static int int_member(json_t *o, const char *key)
{
    json_int_t v = json_integer_value(json_object_get(o, key));
    return v >= INT_MIN && v <= INT_MAX ? (int)v : 0;
}

static int find_enum(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; name && i < n; i++)
        if (strcmp(names[i], name) == 0)
            return (int)i;
    return 0;
}

static void read_table(arsred_document *doc, json_t *o, table *t)
{
    snprintf(t->id, sizeof t->id, "%s", json_string_value(json_object_get(o, "id")) ?: "");
    t->title = dup_string(o, "title");
    t->section = dup_string(o, "section");
    t->page = int_member(o, "page");
    t->last_page = t->page;
    report_set_page_label(doc, t->page, json_string_value(json_object_get(o, "page_label")));
    json_t *unit = json_object_get(o, "unit");
    t->unit_declared = dup_string(unit, "declared");
    t->unit_effective = dup_string(unit, "effective");
    json_t *cols = json_object_get(o, "columns");
    t->n_columns = json_array_size(cols);
    t->columns = xcalloc(t->n_columns + 1, sizeof *t->columns);
    for (size_t k = 0; k < t->n_columns; k++) {
        json_t *c = json_array_get(cols, k);
        t->columns[k].label = dup_string(c, "label");
        t->columns[k].kind = (column_kind)find_enum(column_kinds, 5,
                                                    json_string_value(json_object_get(c, "kind")));
        t->columns[k].year = int_member(c, "year");
        t->columns[k].unit = dup_string(c, "unit");
        const char *evidence = json_string_value(json_object_get(c, "kind_evidence"));
        t->columns[k].period_only = evidence && strcmp(evidence, "period") == 0;
    }
    json_t *rows = json_object_get(o, "rows");
    for (size_t r = 0; r < json_array_size(rows); r++) {
        json_t *row = json_array_get(rows, r);
        table_row tr = {.label = dup_string(row, "label"), .page = t->page};
        if (!tr.label)
            tr.label = xstrdup("");
        tr.kind = (row_kind)find_enum(row_kinds, 5, json_string_value(json_object_get(row, "kind")));
        tr.measure = (column_kind)find_enum(column_kinds, 5,
                                            json_string_value(json_object_get(row, "measure")));
        tr.unit = dup_string(row, "unit");
        tr.cells = xcalloc(t->n_columns + 1, sizeof *tr.cells);
        json_t *cells = json_object_get(row, "cells");
        for (size_t k = 0; k < t->n_columns && k < json_array_size(cells); k++) {
            json_t *c = json_array_get(cells, k);
            if (!json_is_object(c))
                continue;
            tr.cells[k].text = dup_string(c, "text");
            json_t *v = json_object_get(c, "value");
            tr.cells[k].has_value = json_is_number(v);
            tr.cells[k].value = json_number_value(v);
            tr.cells[k].decimals = int_member(c, "decimals");
            tr.cells[k].approx = json_is_true(json_object_get(c, "approx"));
            tr.cells[k].page = t->page;
        }
        ARRAY_PUSH(t->rows, t->n_rows, t->cap_rows, tr);
    }
}

static size_t table_index(const arsred_document *doc, const char *id)
{
    for (size_t i = 0; id && i < doc->n_tables; i++)
        if (strcmp(doc->tables[i].id, id) == 0)
            return i;
    return SIZE_MAX;
}

static long index_or_minus(json_t *v)
{
    return json_is_integer(v) ? (long)json_integer_value(v) : -1;
}

/* Cells of a repair that name a table of the document and a cell in it. */
static size_t read_repair_cells(const arsred_document *doc, json_t *list, repair_cell *out,
                                size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < json_array_size(list) && n < max; i++) {
        json_t *o = json_array_get(list, i);
        size_t t = table_index(doc, json_string_value(json_object_get(o, "table")));
        json_t *row = json_object_get(o, "row"), *column = json_object_get(o, "column");
        if (t == SIZE_MAX || !json_is_integer(row) || !json_is_integer(column) ||
            json_integer_value(row) < 0 || json_integer_value(column) < 0 ||
            (size_t)json_integer_value(row) >= doc->tables[t].n_rows ||
            (size_t)json_integer_value(column) >= doc->tables[t].n_columns)
            continue;
        out[n++] = (repair_cell){{t, (size_t)json_integer_value(row),
                                  (size_t)json_integer_value(column)},
                                 json_number_value(json_object_get(o, "found")),
                                 json_number_value(json_object_get(o, "suggested"))};
    }
    return n;
}

static void read_alternatives(const arsred_document *doc, json_t *list, check *c)
{
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *o = json_array_get(list, i);
        repair r = {0};
        json_t *one = json_array();
        json_array_append(one, o);
        r.n = read_repair_cells(doc, one, r.cells, 1);
        json_decref(one);
        if (r.n == 0)
            continue;
        r.n += read_repair_cells(doc, json_object_get(o, "also"), r.cells + 1,
                                 REPAIR_MAX_CELLS - 1);
        c->alternatives = xrealloc(c->alternatives, (c->n_alternatives + 1) * sizeof *c->alternatives);
        c->alternatives[c->n_alternatives++] = r;
    }
}

static void read_unchecked(arsred_document *doc, json_t *list)
{
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *o = json_array_get(list, i);
        int rule = find_enum(check_rule_names, sizeof check_rule_names / sizeof *check_rule_names,
                             json_string_value(json_object_get(o, "rule")));
        int reason = find_enum(unchecked_reason_names, N_UNCHECKED_REASONS,
                               json_string_value(json_object_get(o, "reason")));
        size_t t = table_index(doc, json_string_value(json_object_get(o, "table")));
        long row = index_or_minus(json_object_get(o, "row"));
        long column = index_or_minus(json_object_get(o, "column"));
        if (t != SIZE_MAX && (row >= (long)doc->tables[t].n_rows ||
                              column >= (long)doc->tables[t].n_columns))
            continue;
        report_unchecked(doc, (check_rule)rule, (unchecked_reason)reason, t,
                         t == SIZE_MAX ? -1 : row, t == SIZE_MAX ? -1 : column,
                         int_member(o, "page"),
                         json_string_value(json_object_get(o, "what")));
    }
}

static bool read_check(arsred_document *doc, json_t *o, check *c)
{
    size_t t = table_index(doc, json_string_value(json_object_get(o, "table")));
    if (t == SIZE_MAX)
        return false;
    c->rule = (check_rule)find_enum(check_rule_names, sizeof check_rule_names / sizeof *check_rule_names,
                                    json_string_value(json_object_get(o, "rule")));
    c->result = (check_result)find_enum(result_names, sizeof result_names / sizeof *result_names,
                                        json_string_value(json_object_get(o, "result")));
    c->table = t;
    c->page = int_member(o, "page");
    c->row = index_or_minus(json_object_get(o, "row"));
    c->column = index_or_minus(json_object_get(o, "column"));
    c->expr = dup_string(o, "expr");
    c->message = dup_string(o, "message");
    c->expected = json_number_value(json_object_get(o, "expected"));
    c->found = json_number_value(json_object_get(o, "found"));
    c->difference = json_number_value(json_object_get(o, "difference"));
    c->tolerance = json_number_value(json_object_get(o, "tolerance"));
    json_t *s = json_object_get(o, "suspect");
    if (json_is_object(s)) {
        size_t st = table_index(doc, json_string_value(json_object_get(s, "table")));
        json_t *srow = json_object_get(s, "row"), *scol = json_object_get(s, "column");
        /* a suspect outside its table is dropped, not the check */
        if (st != SIZE_MAX && json_is_integer(srow) && json_is_integer(scol) &&
            json_integer_value(srow) >= 0 && json_integer_value(scol) >= 0 &&
            (size_t)json_integer_value(srow) < doc->tables[st].n_rows &&
            (size_t)json_integer_value(scol) < doc->tables[st].n_columns) {
            c->has_suspect = true;
            c->suspect = (cell_ref){st, (size_t)json_integer_value(srow),
                                    (size_t)json_integer_value(scol)};
            c->suspect_found = json_number_value(json_object_get(s, "found"));
            c->suggested = json_number_value(json_object_get(s, "suggested"));
            c->explains = int_member(s, "explains");
            c->decided = json_is_true(json_object_get(s, "decided"));
            c->n_also = read_repair_cells(doc, json_object_get(s, "also"), c->also,
                                          REPAIR_MAX_CELLS - 1);
            read_alternatives(doc, json_object_get(s, "alternatives"), c);
        }
    }
    const char *kind = json_string_value(json_object_get(o, "tolerance_kind"));
    c->exact = kind && strcmp(kind, "exact") == 0;
    c->truncation = kind && strcmp(kind, "rounding-or-truncation") == 0;
    return true;
}

static bool suspect_in_range(const arsred_document *doc, const check *c)
{
    if (!c->has_suspect)
        return true;
    const table *t = &doc->tables[c->suspect.table];
    return c->suspect.row < t->n_rows && c->suspect.column < t->n_columns;
}

static goal_status read_status(json_t *v)
{
    const char *name = json_string_value(v);
    for (int i = 1; name && i <= 4; i++)
        if (strcmp(status_names[i], name) == 0)
            return (goal_status)i;
    return STATUS_NONE;
}

static void read_goals(arsred_document *doc, json_t *goals)
{
    for (size_t i = 0; i < json_array_size(goals); i++) {
        json_t *o = json_array_get(goals, i);
        goal g = {.id = dup_string(o, "id"), .text = dup_string(o, "text"),
                  .page = int_member(o, "page")};
        if (!g.id)
            g.id = xstrdup("");
        if (!g.text)
            g.text = xstrdup("");
        g.status = read_status(json_object_get(o, "status"));
        json_t *as = json_object_get(o, "assignments");
        for (size_t k = 0; k < json_array_size(as); k++) {
            json_t *a = json_array_get(as, k);
            assignment x = {.text = dup_string(a, "text"), .comment = dup_string(a, "comment"),
                            .status = read_status(json_object_get(a, "status"))};
            ARRAY_PUSH(g.assignments, g.n_assignments, g.cap_assignments, x);
        }
        ARRAY_PUSH(doc->goals, doc->n_goals, doc->cap_goals, g);
    }
}

static void read_kpis(arsred_document *doc, json_t *kpis)
{
    for (size_t i = 0; i < json_array_size(kpis); i++) {
        json_t *o = json_array_get(kpis, i);
        json_t *prev = json_object_get(o, "previous");
        json_t *target = json_object_get(o, "target");
        kpi k = {.name = dup_string(o, "name"),
                 .has_target = json_is_number(target),
                 .target = json_number_value(target),
                 .kolada_id = dup_string(o, "kolada_id"),
                 .value = json_number_value(json_object_get(o, "value")),
                 .has_previous = json_is_number(prev),
                 .previous = json_number_value(prev),
                 .unit = dup_string(o, "unit"),
                 .year = int_member(o, "year"),
                 .qualifier = dup_string(o, "qualifier"),
                 .goal = dup_string(o, "goal"),
                 .page = int_member(o, "page"),
                 .text = dup_string(o, "text"),
                 .pattern = dup_string(o, "pattern")};
        if (!k.name)
            k.name = xstrdup("");
        json_t *sources = json_object_get(o, "sources");
        size_t cap = 0;
        for (size_t j = 0; j < json_array_size(sources); j++) {
            json_t *so = json_array_get(sources, j);
            kpi_source src = {.page = int_member(so, "page"),
                              .text = dup_string(so, "text"),
                              .pattern = dup_string(so, "pattern")};
            ARRAY_PUSH(k.sources, k.n_sources, cap, src);
        }
        ARRAY_PUSH(doc->kpis, doc->n_kpis, doc->cap_kpis, k);
    }
}

int arsred_document_from_json(const char *text, const char *path, arsred_document **out,
                              arsred_error *err)
{
    *out = NULL;
    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr);
    if (!root || json_integer_value(json_object_get(root, "arsred")) != ARSRED_FORMAT_VERSION ||
        !json_is_array(json_object_get(root, "tables"))) {
        int rc = error_set(err, ARSRED_ERR_INPUT,
                           "%s: not an arsred document (%s); give a PDF or the JSON that "
                           "'arsred extract' wrote",
                           path, root ? "no \"arsred\": 1 with tables" : jerr.text);
        json_decref(root);
        return rc;
    }
    json_t *source = json_object_get(root, "source");
    arsred_document *doc = report_new(json_string_value(json_object_get(source, "path")) ?: path);
    doc->pages = int_member(source, "pages");
    if (json_is_integer(json_object_get(source, "revisions")) && int_member(source, "revisions") >= 1)
        doc->revisions = int_member(source, "revisions");
    json_t *report = json_object_get(root, "report");
    doc->organisation = dup_string(report, "organisation");
    doc->body = dup_string(report, "body");
    doc->type = dup_string(report, "type");
    doc->year = int_member(report, "year");
    json_t *tables = json_object_get(root, "tables");
    for (size_t i = 0; i < json_array_size(tables); i++) {
        table t = {0};
        read_table(doc, json_array_get(tables, i), &t);
        ARRAY_PUSH(doc->tables, doc->n_tables, doc->cap_tables, t);
    }
    json_t *checks = json_object_get(root, "checks");
    for (size_t i = 0; i < json_array_size(checks); i++) {
        check c = {0};
        if (read_check(doc, json_array_get(checks, i), &c) && suspect_in_range(doc, &c)) {
            ARRAY_PUSH(doc->checks, doc->n_checks, doc->cap_checks, c);
        } else {
            check_release(&c);
        }
    }
    read_unchecked(doc, json_object_get(json_object_get(root, "check_coverage"), "not_checked"));
    read_goals(doc, json_object_get(root, "goals"));
    read_kpis(doc, json_object_get(root, "kpis"));
    json_t *warnings = json_object_get(root, "warnings");
    for (size_t i = 0; i < json_array_size(warnings); i++) {
        json_t *w = json_array_get(warnings, i);
        json_int_t count = json_integer_value(json_object_get(w, "count"));
        report_warn_count(doc, json_string_value(json_object_get(w, "code")) ?: "warning",
                          int_member(w, "page"),
                          count > 0 ? (size_t)count : 0, "%s",
                          json_string_value(json_object_get(w, "message")) ?: "");
    }
    json_decref(root);
    *out = doc;
    return ARSRED_OK;
}

/* ----------------------------------------------------------- comparison */

static json_t *by_year_json(const point *points, size_t n)
{
    json_t *o = json_object();
    for (size_t i = 0; i < n; i++) {
        char year[16];
        snprintf(year, sizeof year, "%d", points[i].year);
        json_object_set_new(o, year, figure_json(points[i].value));
    }
    return o;
}

char *arsred_comparison_to_json(const arsred_comparison *c, int pretty)
{
    json_t *root = json_object();
    json_object_set_new(root, "arsred_compare", json_integer(1));
    json_object_set_new(root, "organisation", string_or_null(c->organisation));
    json_object_set_new(root, "body", string_or_null(c->body));
    json_t *reports = json_array();
    for (size_t i = 0; i < c->n_reports; i++) {
        json_t *r = json_object();
        json_object_set_new(r, "year", json_integer(c->reports[i].year));
        json_object_set_new(r, "source", json_string(c->reports[i].source));
        json_array_append_new(reports, r);
    }
    json_object_set_new(root, "reports", reports);
    json_t *goals = json_array();
    for (size_t i = 0; i < c->n_goals; i++) {
        const goal_line *g = &c->goals[i];
        json_t *o = json_object(), *by = json_object(), *texts = json_object();
        json_object_set_new(o, "text", json_string(g->text ? g->text : ""));
        for (size_t r = 0; r < c->n_reports; r++) {
            if (!g->present[r])
                continue;
            char year[16];
            snprintf(year, sizeof year, "%d", c->reports[r].year);
            json_object_set_new(by, year, status_json(g->status[r]));
            json_object_set_new(texts, year, json_string(g->texts[r]));
        }
        json_object_set_new(o, "by_year", by);
        json_object_set_new(o, "texts", texts);
        json_object_set_new(o, "match", json_string(g->unsure ? "unsure" : "sure"));
        json_array_append_new(goals, o);
    }
    json_object_set_new(root, "goals", goals);
    json_t *series_a = json_array(), *kpis = json_array();
    for (size_t i = 0; i < c->n_series; i++) {
        const series *s = &c->series[i];
        json_t *o = json_object();
        if (s->is_kpi) {
            json_object_set_new(o, "name", json_string(s->row));
            if (s->qualifier)
                json_object_set_new(o, "qualifier", json_string(s->qualifier));
        } else {
            json_object_set_new(o, "table", string_or_null(s->table));
            json_object_set_new(o, "section", string_or_null(s->section));
            json_object_set_new(o, "row", json_string(s->row));
            json_object_set_new(o, "kind", json_string(s->kind));
        }
        json_object_set_new(o, "unit", string_or_null(s->unit));
        json_object_set_new(o, "by_year", by_year_json(s->points, s->n_points));
        json_array_append_new(s->is_kpi ? kpis : series_a, o);
    }
    json_object_set_new(root, "series", series_a);
    json_object_set_new(root, "kpis", kpis);
    json_t *rest = json_array();
    for (size_t i = 0; i < c->n_restatements; i++) {
        const restatement *r = &c->restatements[i];
        const series *s = &c->series[r->series];
        json_t *o = json_object();
        if (s->is_kpi) {
            json_object_set_new(o, "kpi", json_string(s->row));
            if (s->qualifier)
                json_object_set_new(o, "qualifier", json_string(s->qualifier));
        } else {
            json_object_set_new(o, "table", string_or_null(s->table));
            json_object_set_new(o, "row", json_string(s->row));
            json_object_set_new(o, "kind", json_string(s->kind));
        }
        json_object_set_new(o, "unit", string_or_null(s->unit));
        json_object_set_new(o, "year", json_integer(r->year));
        json_t *values = json_array();
        for (size_t k = 0; k < r->n_values; k++) {
            const point *pt = &r->values[k];
            json_t *v = json_object();
            json_object_set_new(v, "report", json_integer(c->reports[pt->report].year));
            json_object_set_new(v, "source", json_string(c->reports[pt->report].source));
            json_object_set_new(v, "value", figure_json(pt->value));
            json_object_set_new(v, "page", json_integer(pt->page));
            json_array_append_new(values, v);
        }
        json_object_set_new(o, "values", values);
        json_array_append_new(rest, o);
    }
    json_object_set_new(root, "restatements", rest);
    json_t *warnings = json_array();
    for (size_t i = 0; i < c->n_warnings; i++)
        json_array_append_new(warnings, json_string(c->warnings[i]));
    json_object_set_new(root, "warnings", warnings);
    char *text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) |
                                      (pretty ? JSON_INDENT(2) : JSON_COMPACT));
    json_decref(root);
    char *copy = xstrdup(text ? text : "{}");
    free(text);
    return copy;
}
