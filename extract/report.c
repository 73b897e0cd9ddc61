/* report.c: the report model. */
#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

arsred_document *report_new(const char *path)
{
    arsred_document *doc = xcalloc(1, sizeof *doc);
    doc->path = utf8_sanitize(path); /* JSON holds only UTF-8 */
    doc->revisions = 1;
    return doc;
}

static void add_warning(arsred_document *doc, const char *code, int page, size_t count,
                        const char *fmt, va_list ap)
{
    strbuf sb;
    strbuf_init(&sb);
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n > 0) {
        char *msg = xmalloc((size_t)n + 1);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        strbuf_adds(&sb, msg);
        free(msg);
    }
    report_warning w = {xstrdup(code), page, strbuf_take(&sb), count};
    ARRAY_PUSH(doc->warnings, doc->n_warnings, doc->cap_warnings, w);
}

void report_warn(arsred_document *doc, const char *code, int page, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_warning(doc, code, page, 0, fmt, ap);
    va_end(ap);
}

void report_warn_count(arsred_document *doc, const char *code, int page, size_t count,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_warning(doc, code, page, count, fmt, ap);
    va_end(ap);
}

const char *const check_rule_names[N_CHECK_RULES] = {
    "row.net", "column.deviation", "rollup", "total", "same", "unit", "text"};

const table_cell *report_cell(const arsred_document *doc, cell_ref r)
{
    return &doc->tables[r.table].rows[r.row].cells[r.column];
}

bool cell_ref_equal(cell_ref a, cell_ref b)
{
    return a.table == b.table && a.row == b.row && a.column == b.column;
}

const char *table_column_label(const table *t, size_t k)
{
    return k < t->n_columns && t->columns[k].label ? t->columns[k].label : "";
}

bool table_row_labels_equal(const table *a, const table *b)
{
    if (a->n_rows != b->n_rows || a->n_rows == 0)
        return false;
    for (size_t r = 0; r < a->n_rows; r++) {
        char *x = utf8_casefold(a->rows[r].label), *y = utf8_casefold(b->rows[r].label);
        bool same = strcmp(x, y) == 0;
        free(x);
        free(y);
        if (!same)
            return false;
    }
    return true;
}

size_t report_coverage(const arsred_document *doc, check_rule rule, size_t *checked,
                       size_t *by_reason)
{
    size_t not_checked = 0;
    *checked = 0;
    memset(by_reason, 0, N_UNCHECKED_REASONS * sizeof *by_reason);
    for (size_t i = 0; i < doc->n_checks; i++)
        *checked += doc->checks[i].rule == rule;
    for (size_t i = 0; i < doc->n_unchecked; i++)
        if (doc->unchecked[i].rule == rule) {
            not_checked++;
            by_reason[doc->unchecked[i].reason]++;
        }
    return not_checked;
}

const char *table_name(const table *t)
{
    return t->title ? t->title : t->id;
}

const char *table_cell_unit(const table *t, size_t row, size_t column)
{
    if (t->rows[row].unit)
        return t->rows[row].unit;
    return t->columns[column].unit ? t->columns[column].unit : t->unit_effective;
}

static bool is_money(const char *unit)
{
    return unit && (strcmp(unit, "kr") == 0 || strcmp(unit, "tkr") == 0 ||
                    strcmp(unit, "mnkr") == 0 || strcmp(unit, "%") == 0);
}

bool table_cell_is_count(const table *t, size_t row, size_t column)
{
    const table_row *r = &t->rows[row];
    const table_column *c = &t->columns[column];
    if (r->counts == COUNT_ROUNDED || c->counts == COUNT_ROUNDED || is_money(r->unit))
        return false;
    if (r->counts == COUNT_WHOLE || c->counts == COUNT_WHOLE)
        return true;
    return t->counts && !r->unit && !is_money(c->unit) && !is_money(t->unit_declared);
}

bool table_is_by_year(const table *t)
{
    if (t->n_columns == 0)
        return false;
    for (size_t k = 0; k < t->n_columns; k++)
        if ((t->columns[k].kind != COLUMN_OTHER && !t->columns[k].period_only) || !t->columns[k].year)
            return false;
    for (size_t r = 0; r < t->n_rows; r++)
        if (t->rows[r].kind != ROW_ITEM || t->rows[r].measure != COLUMN_OTHER)
            return false;
    return true;
}

bool table_row_has_value(const table *t, size_t r)
{
    for (size_t k = 0; k < t->n_columns; k++)
        if (t->rows[r].cells[k].has_value)
            return true;
    return false;
}

void table_free_contents(table *t)
{
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t c = 0; c < t->n_columns; c++)
            free(t->rows[r].cells[c].text);
        free(t->rows[r].cells);
        free(t->rows[r].label);
        free(t->rows[r].unit);
        free(t->rows[r].note_ref);
    }
    for (size_t c = 0; c < t->n_columns; c++) {
        free(t->columns[c].label);
        free(t->columns[c].group);
        free(t->columns[c].unit);
    }
    free(t->rows);
    free(t->columns);
    free(t->title);
    free(t->section);
    free(t->unit_declared);
    free(t->unit_effective);
    free(t->unit_evidence);
    memset(t, 0, sizeof *t);
}

void report_warn_once(arsred_document *doc, const char *code, int page, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *msg = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    for (size_t i = 0; i < doc->n_warnings; i++)
        if (doc->warnings[i].page == page && strcmp(doc->warnings[i].code, code) == 0 &&
            strcmp(doc->warnings[i].message, msg) == 0) {
            free(msg);
            return;
        }
    report_warn(doc, code, page, "%s", msg);
    free(msg);
}

void goal_target_release(goal_target *t)
{
    free(t->text);
    free(t->indicator);
    free(t->outcome);
    free(t->unit);
}

void assignments_free(assignment *list, size_t n)
{
    for (size_t a = 0; a < n; a++) {
        free(list[a].text);
        free(list[a].comment);
        free(list[a].evidence.text);
    }
    free(list);
}

void report_set_page_label(arsred_document *doc, int page, const char *label)
{
    /* a page the document has (an edited JSON may say any number) */
    if (page < 1 || !label || !*label || (doc->pages > 0 && page > doc->pages) ||
        page > REPORT_MAX_PAGES)
        return;
    if ((size_t)page >= doc->n_page_labels) {
        size_t n = (size_t)page + 1;
        doc->page_labels = xrealloc(doc->page_labels, n * sizeof *doc->page_labels);
        memset(doc->page_labels + doc->n_page_labels, 0,
               (n - doc->n_page_labels) * sizeof *doc->page_labels);
        doc->n_page_labels = n;
    }
    free(doc->page_labels[page]);
    doc->page_labels[page] = xstrdup(label);
}

const char *report_page_label(const arsred_document *doc, int page)
{
    return page >= 1 && (size_t)page < doc->n_page_labels ? doc->page_labels[page] : NULL;
}

void report_note_turn(arsred_document *doc, const layout_page *lp)
{
    if (lp->turn == TURN_NONE)
        return;
    page_turn t = {lp->number, lp->turn, lp->page_width, lp->page_height};
    ARRAY_PUSH(doc->turns, doc->n_turns, doc->cap_turns, t);
}

box report_page_box(const arsred_document *doc, int page, box b)
{
    for (size_t i = 0; i < doc->n_turns; i++)
        if (doc->turns[i].page == page)
            return box_unturned(b, doc->turns[i].turn, doc->turns[i].width,
                                doc->turns[i].height);
    return b;
}

const char *const unchecked_reason_names[N_UNCHECKED_REASONS] = {
    "cells unreadable", "structure unclear", "figures approximate",
    "not shown to be one quantity", "no table figure"};

void report_unchecked(arsred_document *doc, check_rule rule, unchecked_reason reason,
                      size_t table_index, long row, long column, int page, const char *what)
{
    unchecked u = {rule, reason, table_index, row, column, page, xstrdup(what ? what : "")};
    ARRAY_PUSH(doc->unchecked, doc->n_unchecked, doc->cap_unchecked, u);
}

size_t arsred_document_mismatch_count(const arsred_document *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->n_checks; i++)
        n += doc->checks[i].result == CHECK_MISMATCH;
    return n;
}

const char *check_tolerance_kind(const check *c)
{
    return c->exact ? "exact" : c->truncation ? "rounding-or-truncation" : "rounding";
}

void check_release(check *c)
{
    free(c->expr);
    free(c->terms);
    free(c->message);
    free(c->alternatives);
}


void kpi_release(kpi *k)
{
    free(k->name);
    free(k->unit);
    free(k->qualifier);
    free(k->goal);
    free(k->kolada_id);
    free(k->text);
    free(k->pattern);
    for (size_t i = 0; i < k->n_sources; i++) {
        free(k->sources[i].text);
        free(k->sources[i].pattern);
    }
    free(k->sources);
}

void arsred_document_free(arsred_document *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->n_tables; i++)
        table_free_contents(&doc->tables[i]);
    free(doc->tables);
    for (size_t i = 0; i < doc->n_checks; i++)
        check_release(&doc->checks[i]);
    free(doc->checks);
    for (size_t i = 0; i < doc->n_unchecked; i++)
        free(doc->unchecked[i].what);
    free(doc->unchecked);
    for (size_t i = 0; i < doc->n_statements; i++) {
        free(doc->statements[i].text);
        free(doc->statements[i].topic);
        free(doc->statements[i].pattern);
    }
    free(doc->statements);
    free(doc->default_unit);
    free(doc->organisation_evidence);
    free(doc->body_evidence);
    free(doc->type_evidence);
    free(doc->year_evidence);
    for (size_t i = 0; i < doc->n_page_labels; i++)
        free(doc->page_labels[i]);
    free(doc->page_labels);
    free(doc->turns);
    for (size_t i = 0; i < doc->n_goals; i++) {
        goal *g = &doc->goals[i];
        free(g->id);
        free(g->text);
        free(g->evidence.text);
        free(g->comment);
        for (size_t t = 0; t < g->n_targets; t++)
            goal_target_release(&g->targets[t]);
        free(g->targets);
        assignments_free(g->assignments, g->n_assignments);
    }
    free(doc->goals);
    assignments_free(doc->assignments, doc->n_assignments);
    for (size_t i = 0; i < doc->n_kpis; i++)
        kpi_release(&doc->kpis[i]);
    free(doc->kpis);
    for (size_t i = 0; i < doc->n_warnings; i++) {
        free(doc->warnings[i].code);
        free(doc->warnings[i].message);
    }
    free(doc->warnings);
    free(doc->path);
    free(doc->producer);
    free(doc->title);
    free(doc->subject);
    free(doc->organisation);
    free(doc->body);
    free(doc->type);
    free(doc);
}

size_t arsred_document_warning_count(const arsred_document *doc)
{
    return doc->n_warnings;
}

const char *arsred_document_source_path(const arsred_document *doc)
{
    return doc->path;
}

const char *arsred_document_source_sha256(const arsred_document *doc)
{
    return doc->sha256;
}

char *arsred_document_summary(const arsred_document *doc)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s: %d pages\n", doc->path, doc->pages);
    strbuf_addf(&sb, "  organisation: %s\n", doc->organisation ? doc->organisation : "(not found)");
    strbuf_addf(&sb, "  body:         %s\n", doc->body ? doc->body : "(not found)");
    if (doc->year)
        strbuf_addf(&sb, "  year:         %d\n", doc->year);
    else
        strbuf_adds(&sb, "  year:         (not found)\n");
    strbuf_addf(&sb, "  type:         %s\n", doc->type ? doc->type : "(not found)");
    strbuf_addf(&sb, "  warnings:     %zu\n", doc->n_warnings);
    for (size_t i = 0; i < doc->n_warnings && i < 10; i++)
        strbuf_addf(&sb, "    %s: %s\n", doc->warnings[i].code, doc->warnings[i].message);
    if (doc->n_warnings > 10)
        strbuf_addf(&sb, "    … and %zu more\n", doc->n_warnings - 10);
    return strbuf_take(&sb);
}
