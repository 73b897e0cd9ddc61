/* check_text.c: the checks for people (arsred check). Grouped by table,
 * the table with the most serious problem first; in a table, one entry
 * per printed error (the suspect cell, with every check it breaks), then
 * the mismatches no cell explains; figures as the table prints them; the
 * page as the PDF counts it and as the page prints it. At the end the
 * count of checks and, per kind of relation, what was checked and what
 * was not and why. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "util.h"

/* the relation kinds as the coverage lines name them */
static const char *const rule_plurals[] = {"results (row.net)", "deviations", "roll-ups",
                                           "totals", "same figures", "units", "prose figures"};

/* A figure the Swedish way ("-40 529", "15,130"), with at least `decimals`
 * decimals and up to three where the arithmetic has more. */
/* Beyond these a figure is printed as the C library prints it: no
 * report has them, an edited JSON may. */
enum { MAX_SHOWN_DECIMALS = 6 };
#define MAX_GROUPED_FIGURE 1e15

static void add_figure(strbuf *sb, double v, int decimals)
{
    char digits[64];
    if (!isfinite(v) || fabs(v) >= MAX_GROUPED_FIGURE) {
        strbuf_addf(sb, "%g", v);
        return;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > MAX_SHOWN_DECIMALS)
        decimals = MAX_SHOWN_DECIMALS;
    int shown = decimals > 3 ? decimals : 3;
    /* a nudge so that 0,0525 from arithmetic and from JSON print alike */
    snprintf(digits, sizeof digits, "%.*f", shown, fabs(v) + 1e-9);
    char *dot = strchr(digits, '.');
    char *end = digits + strlen(digits);
    while (end > dot + 1 + decimals && end[-1] == '0')
        end--;
    if (end == dot + 1)
        end = dot;
    *end = '\0';
    bool zero = strspn(digits, "0.") == strlen(digits);
    if (v < 0 && !zero)
        strbuf_addc(sb, '-');
    size_t int_len = (size_t)(dot - digits);
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            strbuf_addc(sb, ' ');
        strbuf_addc(sb, digits[i]);
    }
    if (end > dot) {
        strbuf_addc(sb, ',');
        strbuf_adds(sb, dot + 1);
    }
}

static int decimals_of(const arsred_document *doc, const check *c)
{
    return c->has_found_cell ? report_cell(doc, c->found_cell)->decimals : 0;
}

static void add_page(strbuf *sb, const arsred_document *doc, int page)
{
    const char *label = report_page_label(doc, page);
    strbuf_addf(sb, "page %d", page);
    char number[16];
    snprintf(number, sizeof number, "%d", page);
    if (label && strcmp(label, number) != 0)
        strbuf_addf(sb, " (printed %s)", label);
}

static void add_cell_name(strbuf *sb, const arsred_document *doc, cell_ref r, size_t in_table)
{
    const table *t = &doc->tables[r.table];
    if (r.table != in_table)
        strbuf_addf(sb, "%s (%s), ", t->title ? t->title : "untitled table", t->id);
    strbuf_addf(sb, "%s, %s", t->rows[r.row].label[0] ? t->rows[r.row].label : "(sum)",
                table_column_label(t, r.column));
}

static void add_change(strbuf *sb, const arsred_document *doc, const repair_cell *rc,
                       size_t in_table)
{
    int d = report_cell(doc, rc->cell)->decimals;
    add_cell_name(sb, doc, rc->cell, in_table);
    strbuf_adds(sb, ": ");
    add_figure(sb, rc->found, d);
    strbuf_adds(sb, " → ");
    add_figure(sb, rc->suggested, d);
}

/* "expected 15,127 from the parts, found 15,130, difference 0,003,
 * tolerance 0,001 (rounding)" */
static void add_arithmetic(strbuf *sb, const arsred_document *doc, const check *c)
{
    int d = decimals_of(doc, c);
    strbuf_adds(sb, "; expected ");
    add_figure(sb, c->expected, d);
    strbuf_adds(sb, c->rule == RULE_TEXT ? " as the text says, found " : " from the parts, found ");
    add_figure(sb, c->found, d);
    strbuf_adds(sb, ", difference ");
    add_figure(sb, c->difference, d);
    strbuf_adds(sb, ", tolerance ");
    add_figure(sb, c->tolerance, d);
    strbuf_adds(sb, c->exact ? " (counts: exact)" : c->truncation ? " (rounding or cut)" : "");
}

static void add_check_line(strbuf *sb, const arsred_document *doc, const check *c,
                           const char *lead)
{
    static const char *const results[] = {"ok", "rounding", "MISMATCH"};
    strbuf_addf(sb, "  %-11s %s: ", lead ? lead : results[c->result], check_rule_names[c->rule]);
    const table *t = &doc->tables[c->table];
    if (c->row >= 0 && (size_t)c->row < t->n_rows)
        strbuf_addf(sb, "%s", t->rows[c->row].label[0] ? t->rows[c->row].label : "(sum)");
    if (c->column >= 0 && (size_t)c->column < t->n_columns)
        strbuf_addf(sb, ", %s", table_column_label(t, c->column));
    strbuf_addf(sb, "%s%s", c->row >= 0 || c->column >= 0 ? ": " : "", c->expr ? c->expr : "");
    if (c->rule == RULE_UNIT) {
        if (c->message)
            strbuf_addf(sb, " (%s)", c->message);
    } else {
        add_arithmetic(sb, doc, c);
        if (c->message && c->rule == RULE_TEXT)
            strbuf_addf(sb, " (%s)", c->message);
    }
    strbuf_addc(sb, '\n');
}

/* ------------------------------------------------------------ entries */

/* How far past its tolerance a check fails; a unit problem first. */
static double seriousness(const check *c)
{
    if (c->rule == RULE_UNIT)
        return INFINITY;
    return fabs(c->difference) / (c->tolerance > 0 ? c->tolerance : 1);
}

/* One printed error: the suspect cell and the checks that name it, or one
 * mismatch that no cell explains (has_suspect false). */
typedef struct entry {
    size_t table;          /* the table it is listed under */
    size_t first;          /* the check that names it first */
    bool has_suspect;
    cell_ref suspect;
    double seriousness;
    double table_seriousness; /* of the most serious entry of its table */
} entry;

static size_t collect_entries(const arsred_document *doc, entry **out)
{
    entry *entries = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (c->result != CHECK_MISMATCH)
            continue;
        size_t found = SIZE_MAX;
        for (size_t e = 0; e < n && found == SIZE_MAX && c->has_suspect; e++)
            if (entries[e].has_suspect && cell_ref_equal(entries[e].suspect, c->suspect))
                found = e;
        if (found != SIZE_MAX) {
            if (seriousness(c) > entries[found].seriousness)
                entries[found].seriousness = seriousness(c);
            continue;
        }
        entry e = {.table = c->has_suspect ? c->suspect.table : c->table, .first = i,
                   .has_suspect = c->has_suspect, .suspect = c->suspect,
                   .seriousness = seriousness(c)};
        ARRAY_PUSH(entries, n, cap, e);
    }
    *out = entries;
    return n;
}

/* Tables by their most serious entry; in a table, errors before the
 * mismatches no cell explains, then by seriousness. */
static int compare_entries(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->table != y->table) {
        if (x->table_seriousness != y->table_seriousness)
            return x->table_seriousness > y->table_seriousness ? -1 : 1;
        return x->table < y->table ? -1 : 1;
    }
    if (x->has_suspect != y->has_suspect)
        return x->has_suspect ? -1 : 1;
    if (x->seriousness != y->seriousness)
        return x->seriousness > y->seriousness ? -1 : 1;
    return x->first < y->first ? -1 : (x->first > y->first);
}

static void add_table_heading(strbuf *sb, const arsred_document *doc, size_t ti)
{
    const table *t = &doc->tables[ti];
    strbuf_addf(sb, "%s (%s), ", t->title ? t->title : "untitled table", t->id);
    add_page(sb, doc, t->page);
    if (t->unit_effective)
        strbuf_addf(sb, ", %s", t->unit_effective);
    strbuf_addc(sb, '\n');
}

static void add_error_entry(strbuf *sb, const arsred_document *doc, const entry *e)
{
    const check *first = &doc->checks[e->first];
    int d = report_cell(doc, e->suspect)->decimals;
    strbuf_adds(sb, "  ERROR       ");
    add_cell_name(sb, doc, e->suspect, e->table);
    strbuf_adds(sb, ": printed ");
    add_figure(sb, first->suspect_found, d);
    strbuf_adds(sb, "; ");
    add_figure(sb, first->suggested, d);
    strbuf_addf(sb, " would make %d failing check%s hold", first->explains,
                first->explains == 1 ? "" : "s");
    for (size_t i = 0; i < first->n_also; i++) {
        strbuf_adds(sb, i ? ", and " : ", together with ");
        add_change(sb, doc, &first->also[i], e->table);
    }
    if (!first->decided && first->n_alternatives > 0) {
        strbuf_adds(sb, "; not decided: as small a change would be ");
        for (size_t i = 0; i < first->n_alternatives; i++) {
            const repair *r = &first->alternatives[i];
            strbuf_adds(sb, i ? " or " : "");
            for (size_t j = 0; j < r->n; j++) {
                strbuf_adds(sb, j ? " with " : "");
                add_change(sb, doc, &r->cells[j], e->table);
            }
        }
    }
    strbuf_addc(sb, '\n');
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (c->result == CHECK_MISMATCH && c->has_suspect && cell_ref_equal(c->suspect, e->suspect))
            add_check_line(sb, doc, c, "  breaks");
    }
}

static void add_entries(strbuf *sb, const arsred_document *doc, size_t *n_suspects)
{
    entry *entries;
    size_t n = collect_entries(doc, &entries);
    double *worst = xcalloc(doc->n_tables + 1, sizeof *worst); /* per table */
    for (size_t i = 0; i < n; i++)
        if (entries[i].seriousness > worst[entries[i].table])
            worst[entries[i].table] = entries[i].seriousness;
    for (size_t i = 0; i < n; i++)
        entries[i].table_seriousness = worst[entries[i].table];
    free(worst);
    sort_array(entries, n, sizeof *entries, compare_entries);
    for (size_t i = 0; i < n; i++) {
        const entry *e = &entries[i];
        if (i == 0 || entries[i - 1].table != e->table)
            add_table_heading(sb, doc, e->table);
        if (e->has_suspect) {
            add_error_entry(sb, doc, e);
            (*n_suspects)++;
        } else {
            const check *c = &doc->checks[e->first];
            add_check_line(sb, doc, c, c->rule == RULE_UNIT ? "UNIT" : NULL);
        }
    }
    free(entries);
}

/* --------------------------------------------------------------- --all */

static void add_holding(strbuf *sb, const arsred_document *doc)
{
    for (size_t ti = 0; ti < doc->n_tables; ti++) {
        bool heading = false;
        for (size_t i = 0; i < doc->n_checks; i++) {
            const check *c = &doc->checks[i];
            if (c->table != ti || c->result == CHECK_MISMATCH)
                continue;
            if (!heading)
                add_table_heading(sb, doc, ti);
            heading = true;
            add_check_line(sb, doc, c, NULL);
        }
        for (size_t i = 0; i < doc->n_unchecked; i++) {
            const unchecked *u = &doc->unchecked[i];
            if (u->table != ti)
                continue;
            if (!heading)
                add_table_heading(sb, doc, ti);
            heading = true;
            strbuf_addf(sb, "  %-11s %s: %s (%s)\n", "not checked", check_rule_names[u->rule], u->what,
                        unchecked_reason_names[u->reason]);
        }
    }
    for (size_t i = 0; i < doc->n_unchecked; i++) {
        const unchecked *u = &doc->unchecked[i];
        if (u->table < doc->n_tables)
            continue;
        strbuf_addf(sb, "prose, ");
        add_page(sb, doc, u->page);
        strbuf_addf(sb, "\n  %-11s %s: \"%s\" (%s)\n", "not checked", check_rule_names[u->rule], u->what,
                    unchecked_reason_names[u->reason]);
    }
}

/* ------------------------------------------------------------ summary */

static void add_coverage(strbuf *sb, const arsred_document *doc)
{
    for (size_t r = 0; r < N_CHECK_RULES; r++) {
        if (r == RULE_UNIT)
            continue;
        size_t checked, by_reason[N_UNCHECKED_REASONS];
        size_t not_checked = report_coverage(doc, (check_rule)r, &checked, by_reason);
        if (!checked && !not_checked)
            continue;
        strbuf_addf(sb, "coverage: %zu %s: %zu checked", checked + not_checked, rule_plurals[r],
                    checked);
        if (not_checked) {
            strbuf_addf(sb, ", %zu not:", not_checked);
            const char *sep = " ";
            for (size_t k = 0; k < N_UNCHECKED_REASONS; k++)
                if (by_reason[k]) {
                    strbuf_addf(sb, "%s%zu %s", sep, by_reason[k], unchecked_reason_names[k]);
                    sep = ", ";
                }
        }
        strbuf_addc(sb, '\n');
    }
}

char *arsred_document_checks_text(const arsred_document *doc, int all, size_t *mismatches)
{
    strbuf sb;
    strbuf_init(&sb);
    size_t counts[3] = {0}, n_suspects = 0;
    for (size_t i = 0; i < doc->n_checks; i++)
        counts[doc->checks[i].result]++;
    add_entries(&sb, doc, &n_suspects);
    if (all)
        add_holding(&sb, doc);
    for (size_t i = 0; i < doc->n_warnings; i++)
        if (strcmp(doc->warnings[i].code, "check-undecided") == 0 ||
            strcmp(doc->warnings[i].code, "text-unmatched") == 0)
            strbuf_addf(&sb, "%-13s %s %s\n", "NOTE", doc->warnings[i].code,
                        doc->warnings[i].message);
    strbuf_addf(&sb, "checks: %zu made: %zu ok, %zu within rounding, %zu mismatch%s; %zu suspect cell%s\n",
                doc->n_checks, counts[CHECK_OK], counts[CHECK_ROUNDING], counts[CHECK_MISMATCH],
                counts[CHECK_MISMATCH] == 1 ? "" : "es", n_suspects, n_suspects == 1 ? "" : "s");
    add_coverage(&sb, doc);
    *mismatches = counts[CHECK_MISMATCH];
    return strbuf_take(&sb);
}
