/* checks.c: every arithmetic relation the tables and the prose show,
 * checked within the error that printed rounding explains (each operand
 * printed with d decimals may be off by half a unit in its last place; the
 * tolerances add up, scaled by units: XBRL Calculations 1.1), and the
 * cells that would make several failing relations whole. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "sums.h"
#include "pattern.h"
#include "report.h"
#include "table.h"
#include "text.h"
#include "util.h"

#define EPSILON 1e-9

static double half_unit(int decimals)
{
    return 0.5 * pow(10, -decimals);
}

static cell_ref ref(size_t t, size_t r, size_t c)
{
    return (cell_ref){t, r, c};
}

/* A new check: found_cell compared with the sum of terms added next. */
check *check_new(arsred_document *doc, check_rule rule, size_t table_index, long row,
                        long column, cell_ref found_cell)
{
    check c = {.rule = rule, .table = table_index, .row = row, .column = column,
               .has_found_cell = true, .found_cell = found_cell,
               .page = doc->tables[table_index].page};
    ARRAY_PUSH(doc->checks, doc->n_checks, doc->cap_checks, c);
    return &doc->checks[doc->n_checks - 1];
}

void check_add_term(check *c, cell_ref cell, double coef)
{
    c->terms = xrealloc(c->terms, (c->n_terms + 1) * sizeof *c->terms);
    c->terms[c->n_terms++] = (check_term){cell, coef};
}

/* The value of cell with the changes applied. */
static double value_with(const arsred_document *doc, cell_ref cell, const repair_cell *changes,
                         size_t n_changes)
{
    for (size_t i = 0; i < n_changes; i++)
        if (cell_ref_equal(changes[i].cell, cell))
            return changes[i].suggested;
    return report_cell(doc, cell)->value;
}

/* x cut (towards zero) to decimals. */
static double cut_to(double x, int decimals)
{
    double scale = pow(10, decimals);
    return trunc(x * scale + (x < 0 ? -1e-9 : 1e-9)) / scale;
}

check_result check_evaluate(const arsred_document *doc, check *c, const repair_cell *changes,
                            size_t n_changes)
{
    double expected = 0, tolerance = 0;
    for (size_t i = 0; i < c->n_terms; i++) {
        const table_cell *t = report_cell(doc, c->terms[i].cell);
        expected += c->terms[i].coef * value_with(doc, c->terms[i].cell, changes, n_changes);
        tolerance += fabs(c->terms[i].coef) * half_unit(t->decimals);
    }
    const table_cell *f = report_cell(doc, c->found_cell);
    double found = value_with(doc, c->found_cell, changes, n_changes);
    tolerance += half_unit(f->decimals);
    if (c->exact)
        tolerance = 0;
    double difference = found - expected;
    if (c->truncation && fabs(difference) > tolerance && cut_to(expected, f->decimals) == found)
        tolerance = fabs(difference); /* the finer figure was cut, not rounded */
    if (n_changes == 0) {
        c->expected = expected;
        c->found = found;
        c->difference = difference;
        c->tolerance = tolerance;
    }
    if (fabs(difference) <= EPSILON * fmax(1, fabs(found)))
        return CHECK_OK;
    return fabs(difference) <= tolerance + EPSILON * fmax(1, fabs(found)) ? CHECK_ROUNDING
                                                                         : CHECK_MISMATCH;
}

bool check_involves(const check *c, cell_ref cell)
{
    if (c->has_found_cell && cell_ref_equal(c->found_cell, cell))
        return true;
    for (size_t i = 0; i < c->n_terms; i++)
        if (cell_ref_equal(c->terms[i].cell, cell))
            return true;
    return false;
}

static bool is_whole_count(const arsred_document *doc, cell_ref r)
{
    return table_cell_is_count(&doc->tables[r.table], r.row, r.column) &&
           report_cell(doc, r)->decimals == 0;
}

/* Counts of whole things add up exactly: a relation of nothing else has
 * no rounding tolerance. */
static bool counts_only(const arsred_document *doc, const check *c)
{
    if (!c->has_found_cell || !is_whole_count(doc, c->found_cell))
        return false;
    for (size_t i = 0; i < c->n_terms; i++)
        if (fabs(c->terms[i].coef) != 1 || !is_whole_count(doc, c->terms[i].cell))
            return false;
    return true;
}

void check_settle(arsred_document *doc, check *c)
{
    c->exact = counts_only(doc, c);
    c->result = check_evaluate(doc, c, NULL, 0);
}

/* A figure the checks can use: printed, and not as approximate. */
bool check_cell_usable(const table *t, size_t r, size_t k)
{
    return t->rows[r].cells[k].has_value && !t->rows[r].cells[k].approx;
}


/* ------------------------------------------------------------- row.net */

static bool label_is(const arsred_document *doc, const char *label, const char *needle)
{
    (void)doc;
    char *folded = utf8_casefold(label);
    bool found = strstr(folded, needle) != NULL;
    free(folded);
    return found;
}

/* The first row with values of kind, or a total row whose label names the
 * same thing ("Summa intäkter"). */
static size_t find_row(const arsred_document *doc, const table *t, row_kind kind,
                       const char *name, size_t from)
{
    for (size_t r = from; r < t->n_rows; r++) {
        bool named = t->rows[r].kind == ROW_TOTAL && label_is(doc, t->rows[r].label, name);
        if (t->rows[r].kind != kind && !named)
            continue;
        for (size_t k = 0; k < t->n_columns; k++)
            if (check_cell_usable(t, r, k))
                return r;
    }
    return SIZE_MAX;
}

/* Net from revenue and cost, in whichever of the four sign conventions the
 * table follows: the one that holds in most columns. */
static const struct net_form {
    double revenue, cost;
    const char *expr;
} net_forms[] = {
    {1, 1, "%s + %s = %s"},
    {1, -1, "%s − %s = %s"},
    {-1, 1, "%s − %s = %s (net cost as a positive number)"},
    {-1, -1, "−(%s + %s) = %s"},
};

static size_t count_holding(const table *t, size_t rev, size_t cost, size_t net,
                            const struct net_form *f, bool deviations)
{
    size_t holds = 0;
    for (size_t k = 0; k < t->n_columns; k++) {
        if ((t->columns[k].kind == COLUMN_DEVIATION) != deviations || !check_cell_usable(t, rev, k) ||
            !check_cell_usable(t, cost, k) || !check_cell_usable(t, net, k))
            continue;
        const table_cell *a = &t->rows[rev].cells[k], *b = &t->rows[cost].cells[k],
                         *n = &t->rows[net].cells[k];
        double tol = half_unit(a->decimals) + half_unit(b->decimals) + half_unit(n->decimals);
        holds += fabs(f->revenue * a->value + f->cost * b->value - n->value) <= tol + EPSILON;
    }
    return holds;
}

/* The sign convention that holds in most columns of the group (deviation
 * columns follow their own: a shortfall is negative on both lines). */
static const struct net_form *best_net_form(const arsred_document *doc, const table *t,
                                            size_t rev, size_t cost, size_t net,
                                            bool deviations)
{
    const struct net_form *best = &net_forms[0];
    bool costs_positive = t->sign_convention && strcmp(t->sign_convention, "costs-positive") == 0;
    if (costs_positive && !deviations)
        best = label_is(doc, t->rows[net].label, "kostnad") ? &net_forms[2] : &net_forms[1];
    size_t best_holds = 0;
    for (size_t i = 0; i < sizeof net_forms / sizeof *net_forms; i++) {
        size_t holds = count_holding(t, rev, cost, net, &net_forms[i], deviations);
        if (holds > best_holds) {
            best_holds = holds;
            best = &net_forms[i];
        }
    }
    return best;
}

static bool row_has_any_value(const table *t, size_t r)
{
    for (size_t k = 0; k < t->n_columns; k++)
        if (check_cell_usable(t, r, k))
            return true;
    return false;
}

/* Revenue and cost, then right after them the net. */
static void check_row_net(arsred_document *doc, size_t ti)
{
    const table *t = &doc->tables[ti];
    size_t cost = find_row(doc, t, ROW_COST, "kostnad", 0);
    size_t rev = find_row(doc, t, ROW_REVENUE, "intäkt", 0);
    if (rev == SIZE_MAX || cost == SIZE_MAX)
        return;
    /* the revenue line nearest above the costs ("Summa rörelseintäkter",
     * not "Nettoomsättning" above it) */
    for (size_t r = rev + 1; r < cost; r++) {
        size_t next = find_row(doc, t, ROW_REVENUE, "intäkt", r);
        if (next < cost)
            rev = next;
    }
    size_t net = (rev > cost ? rev : cost) + 1;
    while (net < t->n_rows && !row_has_any_value(t, net))
        net++;
    if (net >= t->n_rows || t->rows[net].kind != ROW_NET)
        return;
    const struct net_form *forms[2] = {best_net_form(doc, t, rev, cost, net, false),
                                       best_net_form(doc, t, rev, cost, net, true)};
    for (size_t k = 0; k < t->n_columns; k++) {
        if (!check_cell_usable(t, rev, k) || !check_cell_usable(t, cost, k) || !check_cell_usable(t, net, k))
            continue;
        const struct net_form *form = forms[t->columns[k].kind == COLUMN_DEVIATION];
        check *c = check_new(doc, RULE_ROW_NET, ti, (long)net, (long)k, ref(ti, net, k));
        check_add_term(c, ref(ti, rev, k), form->revenue);
        check_add_term(c, ref(ti, cost, k), form->cost);
        strbuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, form->expr, t->rows[rev].label, t->rows[cost].label, t->rows[net].label);
        c->expr = strbuf_take(&sb);
        check_settle(doc, c);
    }
}

/* ---------------------------------------------------- column.deviation */

/* The column of kind and year nearest to column `near` (ties to the left):
 * a deviation relates the budget and outcome beside it. */
static size_t column_of_kind(const table *t, column_kind kind, int year, size_t near)
{
    size_t best = SIZE_MAX, best_distance = SIZE_MAX;
    for (size_t k = 0; k < t->n_columns; k++) {
        if (t->columns[k].kind != kind || t->columns[k].year != year)
            continue;
        size_t distance = k < near ? 2 * (near - k) : 2 * (k - near) + 1;
        if (distance < best_distance) {
            best_distance = distance;
            best = k;
        }
    }
    return best;
}

/* The column of kind and year that deviation column d is about: in its
 * period group (the columns since the deviation column before it, as in
 * "Total budget | Ack. utfall | Avvikelse | Budget 2025 | Utfall 2025 |
 * Avvikelse"), else the nearest. */
static size_t column_in_group(const table *t, column_kind kind, int year, size_t d)
{
    size_t start = 0;
    for (size_t k = d; k-- > 0;)
        if (t->columns[k].kind == COLUMN_DEVIATION) {
            start = k + 1;
            break;
        }
    for (size_t k = d; k-- > start;)
        if (t->columns[k].kind == kind && t->columns[k].year == year)
            return k;
    return column_of_kind(t, kind, year, d);
}

/* What a column's head says its figures measure (table.column.measure):
 * 0 nothing, else 1 + the group that matched. */
static int column_measure(const table_column *c, const arsred_patterns *patterns)
{
    static const char *const groups[] = {"revenue", "cost", "net"};
    const pattern *pats[4];
    size_t n = patterns_of_kind(patterns, "table.column.measure", pats, 4);
    for (size_t i = 0; i < n && i < 4 && c->label; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], c->label, strlen(c->label), 0, &m) != PATTERN_MATCHED)
            continue;
        for (int g = 0; g < 3; g++) {
            const pattern_group *pg = pattern_match_group(&m, groups[g]);
            if (pg && pg->set)
                return g + 1;
        }
    }
    return 0;
}

/* Rows in which deviation d = actual a − budget b, or its mirror, holds. */
static size_t deviation_rows_holding(const table *t, size_t d, size_t b, size_t a)
{
    size_t holds = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (!check_cell_usable(t, r, a) || !check_cell_usable(t, r, b) || !check_cell_usable(t, r, d))
            continue;
        const table_cell *ca = &t->rows[r].cells[a], *cb = &t->rows[r].cells[b],
                         *cd = &t->rows[r].cells[d];
        double tol = half_unit(ca->decimals) + half_unit(cb->decimals) + half_unit(cd->decimals);
        holds += fabs(fabs(ca->value - cb->value) - fabs(cd->value)) <= tol + EPSILON;
    }
    return holds;
}

/* The budget and outcome columns deviation column d is about: in its
 * period group; where the group holds several of each ("Budget intäkter |
 * Utfall intäkter | Budget kostnader | Utfall kostnader | Avvikelse"),
 * the two of one measure (the deviation's own where its head names one)
 * that the most rows hold with. */
static bool deviation_operands(const table *t, size_t d, const arsred_patterns *patterns,
                               size_t *b, size_t *a)
{
    int year = t->columns[d].year;
    size_t start = 0, budgets = 0, actuals = 0;
    for (size_t k = d; k-- > 0;)
        if (t->columns[k].kind == COLUMN_DEVIATION) {
            start = k + 1;
            break;
        }
    for (size_t k = start; k < d; k++) {
        budgets += t->columns[k].kind == COLUMN_BUDGET && t->columns[k].year == year;
        actuals += t->columns[k].kind == COLUMN_ACTUAL && t->columns[k].year == year;
    }
    *b = column_in_group(t, COLUMN_BUDGET, year, d);
    *a = column_in_group(t, COLUMN_ACTUAL, year, d);
    if (budgets > 1 || actuals > 1) {
        int own = column_measure(&t->columns[d], patterns);
        size_t best = 0;
        for (size_t x = start; x < d; x++)
            for (size_t y = start; y < d; y++) {
                if (t->columns[x].kind != COLUMN_BUDGET || t->columns[y].kind != COLUMN_ACTUAL ||
                    t->columns[x].year != year || t->columns[y].year != year)
                    continue;
                int mx = column_measure(&t->columns[x], patterns);
                if (mx != column_measure(&t->columns[y], patterns) || (own && mx != own))
                    continue;
                size_t holds = deviation_rows_holding(t, d, x, y);
                if (holds > best) {
                    best = holds;
                    *b = x;
                    *a = y;
                }
            }
    }
    return *b != SIZE_MAX && *a != SIZE_MAX;
}

/* Rows on the cost side (by their label or the section they stand in):
 * reports that print costs positive often turn the deviation's sign for
 * them, so that a negative deviation always means worse than budget. */
static int row_side(const arsred_document *doc, const table *t, size_t r)
{
    for (size_t i = r + 1; i-- > 0;) {
        const table_row *row = &t->rows[i];
        if (i != r && !sums_is_section_row(t, i))
            continue;
        if (row->kind == ROW_COST || label_is(doc, row->label, "kostnad") ||
            label_is(doc, row->label, "utgift"))
            return 1;
        if (row->kind == ROW_REVENUE || label_is(doc, row->label, "intäkt"))
            return 0;
        if (i != r)
            break;
    }
    return 2;
}

/* Deviation = actual − budget, or its mirror budget − actual ("Återstår"):
 * the one that holds in more rows, on each side (revenue, cost, other). */
static void check_deviation_columns(arsred_document *doc, size_t ti,
                                    const arsred_patterns *patterns)
{
    const table *t = &doc->tables[ti];
    for (size_t d = 0; d < t->n_columns; d++) {
        if (t->columns[d].kind != COLUMN_DEVIATION || !t->columns[d].year)
            continue;
        size_t b, a;
        if (!deviation_operands(t, d, patterns, &b, &a))
            continue;
        size_t forward[3] = {0}, mirror[3] = {0};
        for (size_t r = 0; r < t->n_rows; r++) {
            if (!check_cell_usable(t, r, a) || !check_cell_usable(t, r, b) || !check_cell_usable(t, r, d))
                continue;
            const table_cell *ca = &t->rows[r].cells[a], *cb = &t->rows[r].cells[b],
                             *cd = &t->rows[r].cells[d];
            double tol = half_unit(ca->decimals) + half_unit(cb->decimals) + half_unit(cd->decimals);
            int side = row_side(doc, t, r);
            forward[side] += fabs(ca->value - cb->value - cd->value) <= tol + EPSILON;
            mirror[side] += fabs(cb->value - ca->value - cd->value) <= tol + EPSILON;
        }
        size_t all_forward = forward[0] + forward[1] + forward[2];
        size_t all_mirror = mirror[0] + mirror[1] + mirror[2];
        for (size_t r = 0; r < t->n_rows; r++) {
            if (!check_cell_usable(t, r, a) || !check_cell_usable(t, r, b) || !check_cell_usable(t, r, d))
                continue;
            int side = row_side(doc, t, r);
            bool side_known = forward[side] + mirror[side] > 0 && forward[side] != mirror[side];
            double sign = side_known ? (mirror[side] > forward[side] ? -1 : 1)
                                     : (all_mirror > all_forward ? -1 : 1);
            check *c = check_new(doc, RULE_COLUMN_DEVIATION, ti, (long)r, (long)d, ref(ti, r, d));
            check_add_term(c, ref(ti, r, a), sign);
            check_add_term(c, ref(ti, r, b), -sign);
            strbuf sb;
            strbuf_init(&sb);
            if (sign > 0)
                strbuf_addf(&sb, "%s − %s = %s", table_column_label(t, a), table_column_label(t, b),
                            table_column_label(t, d));
            else
                strbuf_addf(&sb, "%s − %s = %s", table_column_label(t, b), table_column_label(t, a),
                            table_column_label(t, d));
            c->expr = strbuf_take(&sb);
            check_settle(doc, c);
        }
    }
}

/* The same relation turned: rows Nettokostnader, Budget, Budgetavvikelse. */
static void check_deviation_rows(arsred_document *doc, size_t ti)
{
    const table *t = &doc->tables[ti];
    for (size_t d = 0; d < t->n_rows; d++) {
        if (t->rows[d].measure != COLUMN_DEVIATION || d < 2)
            continue;
        size_t b = d - 1, a = d - 2;
        if (t->rows[b].measure != COLUMN_BUDGET ||
            (t->rows[a].kind != ROW_NET && t->rows[a].kind != ROW_TOTAL &&
             t->rows[a].measure != COLUMN_ACTUAL))
            continue;
        size_t forward = 0, mirror = 0;
        for (size_t k = 0; k < t->n_columns; k++) {
            if (!check_cell_usable(t, a, k) || !check_cell_usable(t, b, k) || !check_cell_usable(t, d, k))
                continue;
            const table_cell *ca = &t->rows[a].cells[k], *cb = &t->rows[b].cells[k],
                             *cd = &t->rows[d].cells[k];
            double tol = half_unit(ca->decimals) + half_unit(cb->decimals) + half_unit(cd->decimals);
            forward += fabs(ca->value - cb->value - cd->value) <= tol + EPSILON;
            mirror += fabs(cb->value - ca->value - cd->value) <= tol + EPSILON;
        }
        double sign = mirror > forward ? -1 : 1;
        for (size_t k = 0; k < t->n_columns; k++) {
            if (!check_cell_usable(t, a, k) || !check_cell_usable(t, b, k) || !check_cell_usable(t, d, k))
                continue;
            check *c = check_new(doc, RULE_COLUMN_DEVIATION, ti, (long)d, (long)k, ref(ti, d, k));
            check_add_term(c, ref(ti, a, k), sign);
            check_add_term(c, ref(ti, b, k), -sign);
            strbuf sb;
            strbuf_init(&sb);
            strbuf_addf(&sb, "%s − %s = %s", t->rows[sign > 0 ? a : b].label,
                        t->rows[sign > 0 ? b : a].label, t->rows[d].label);
            c->expr = strbuf_take(&sb);
            check_settle(doc, c);
        }
    }
}

/* --------------------------------------------------------------- total */

/* A total of table ti not checked, and why. */
static void not_checked(arsred_document *doc, size_t ti, size_t r, size_t k,
                        unchecked_reason reason)
{
    const table *t = &doc->tables[ti];
    strbuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s, %s", t->rows[r].label[0] ? t->rows[r].label : "(sum)",
                table_column_label(t, k));
    report_unchecked(doc, RULE_TOTAL, reason, ti, (long)r, (long)k, t->rows[r].page, sb.data);
    strbuf_release(&sb);
}

static void check_totals(arsred_document *doc, size_t ti)
{
    const table *t = &doc->tables[ti];
    size_t *items = xmalloc((t->n_rows ? t->n_rows : 1) * sizeof *items);
    sum_structure *sums = sums_new(t);
    for (size_t r = 0; r < t->n_rows; r++) {
        if (t->rows[r].kind != ROW_TOTAL)
            continue;
        size_t found_items;
        const size_t *found = sums_items(sums, r, &found_items);
        if (found_items)
            memcpy(items, found, found_items * sizeof *items);
        size_t n = sums_drop_parts(t, items, found_items);
        if (found_items == 0 && r > 0) { /* a total whose parts are not clear */
            for (size_t k = 0; k < t->n_columns; k++)
                if (check_cell_usable(t, r, k))
                    not_checked(doc, ti, r, k, UNCHECKED_STRUCTURE);
            continue;
        }
        if (n < 2)
            continue;
        for (size_t k = 0; k < t->n_columns; k++) {
            if (!check_cell_usable(t, r, k)) {
                const table_cell *total = &t->rows[r].cells[k];
                if (total->approx || (total->text && !total->has_value && !total->blank))
                    not_checked(doc, ti, r, k,
                                total->approx ? UNCHECKED_APPROXIMATE : UNCHECKED_UNREADABLE);
                continue;
            }
            size_t with_values = 0, unreadable = 0, approximate = 0;
            for (size_t i = 0; i < n; i++) {
                const table_cell *item = &t->rows[items[i]].cells[k];
                with_values += check_cell_usable(t, items[i], k);
                approximate += item->approx;
                unreadable += !item->has_value && item->text && !item->blank;
            }
            /* an empty cell adds nothing; an unreadable one leaves the sum open */
            if (with_values == 0)
                continue;
            if (unreadable || approximate) {
                not_checked(doc, ti, r, k, unreadable ? UNCHECKED_UNREADABLE : UNCHECKED_APPROXIMATE);
                continue;
            }
            check *c = check_new(doc, RULE_TOTAL, ti, (long)r, (long)k, ref(ti, r, k));
            strbuf sb;
            strbuf_init(&sb);
            for (size_t i = n; i-- > 0;) {
                if (!check_cell_usable(t, items[i], k))
                    continue;
                check_add_term(c, ref(ti, items[i], k), 1);
                if (with_values <= 4)
                    strbuf_addf(&sb, "%s%s", c->n_terms > 1 ? " + " : "",
                                t->rows[items[i]].label[0] ? t->rows[items[i]].label : "(sum)");
            }
            if (with_values > 4)
                strbuf_addf(&sb, "the %zu rows above", with_values);
            strbuf_addf(&sb, " = %s", t->rows[r].label[0] ? t->rows[r].label : "(sum)");
            c->expr = strbuf_take(&sb);
            check_settle(doc, c);
        }
    }
    sums_free(sums);
    free(items);
}

/* A result line of an income statement ("Rörelseresultat", "Resultat
 * efter finansiella poster") is the result above it (the previous result
 * line) plus every part since that no total of the range already holds:
 * result = revenue + costs + financial items, at each level. In other
 * tables, a result line under sums of revenue and of costs is their sum. */
static void mark_covered(const table *t, sum_structure *sums, size_t total, bool *covered)
{
    size_t n;
    const size_t *items = sums_items(sums, total, &n);
    for (size_t i = 0; i < n; i++)
        if (!t->rows[items[i]].part_of_above)
            covered[items[i]] = true;
}

static void check_result_lines(arsred_document *doc, const arsred_patterns *patterns, size_t ti)
{
    const table *t = &doc->tables[ti];
    /* outside an income statement, only sums of revenue and of costs */
    bool income_statement = table_text_matches(patterns, "table.income-statement", t->title);
    bool *covered = xcalloc(t->n_rows + 1, sizeof *covered);
    sum_structure *sums = sums_new(t);
    /* the cells other checks of this table already sum to (row.net) */
    bool *found_here = xcalloc(t->n_rows * t->n_columns + 1, sizeof *found_here);
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (c->has_found_cell && c->found_cell.table == ti)
            found_here[c->found_cell.row * t->n_columns + c->found_cell.column] = true;
    }
    size_t *parts = xmalloc((t->n_rows + 1) * sizeof *parts);
    size_t previous = SIZE_MAX;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (t->rows[r].kind != ROW_NET || !table_row_has_value(t, r))
            continue;
        size_t from = previous == SIZE_MAX ? 0 : previous + 1, n = 0;
        memset(covered, 0, (t->n_rows + 1) * sizeof *covered);
        for (size_t q = from; q < r; q++)
            if (t->rows[q].kind == ROW_TOTAL)
                mark_covered(t, sums, q, covered);
        if (previous != SIZE_MAX)
            parts[n++] = previous;
        for (size_t q = from; q < r; q++)
            if (!covered[q] && table_row_has_value(t, q) && !t->rows[q].part_of_above &&
                t->rows[q].measure == COLUMN_OTHER)
                parts[n++] = q;
        previous = r;
        bool all_sums = true;
        for (size_t i = 0; i < n && !income_statement; i++)
            all_sums = all_sums && (t->rows[parts[i]].kind == ROW_TOTAL ||
                                    t->rows[parts[i]].kind == ROW_REVENUE ||
                                    t->rows[parts[i]].kind == ROW_COST);
        if (n < 2 || !all_sums)
            continue;
        for (size_t k = 0; k < t->n_columns; k++) {
            bool all = check_cell_usable(t, r, k), taken = false;
            for (size_t i = 0; i < n && all; i++)
                all = check_cell_usable(t, parts[i], k) || !t->rows[parts[i]].cells[k].text ||
                      t->rows[parts[i]].cells[k].blank;
            taken = found_here[r * t->n_columns + k];
            if (!all || taken)
                continue;
            check *c = check_new(doc, RULE_TOTAL, ti, (long)r, (long)k, ref(ti, r, k));
            strbuf sb;
            strbuf_init(&sb);
            for (size_t i = 0; i < n; i++) {
                if (!check_cell_usable(t, parts[i], k))
                    continue;
                check_add_term(c, ref(ti, parts[i], k), 1);
                strbuf_addf(&sb, "%s%s", c->n_terms > 1 ? " + " : "", t->rows[parts[i]].label);
            }
            strbuf_addf(&sb, " = %s", t->rows[r].label);
            c->expr = strbuf_take(&sb);
            if (c->n_terms >= 2)
                check_settle(doc, c);
            else
                check_release(&doc->checks[--doc->n_checks]);
        }
    }
    free(covered);
    free(found_here);
    sums_free(sums);
    free(parts);
}

/* -------------------------------------------------------------- rollup */

double check_unit_factor(const char *unit)
{
    if (!unit)
        return 0;
    if (strcmp(unit, "kr") == 0)
        return 1;
    if (strcmp(unit, "tkr") == 0)
        return 1e3;
    if (strcmp(unit, "mnkr") == 0)
        return 1e6;
    return 0;
}

static const char *unit_scaled(const char *unit, double by)
{
    return check_unit_named(check_unit_factor(unit) * by);
}

const char *check_unit_named(double kronor)
{
    return fabs(kronor - 1) < 1e-9     ? "kr"
           : fabs(kronor - 1e3) < 1e-6 ? "tkr"
           : fabs(kronor - 1e6) < 1e-3 ? "mnkr"
                                       : NULL;
}

const double check_unit_factors[N_UNIT_FACTORS] = {1, 1e3, 1e-3, 1e6, 1e-6};

/* The same columns (kind and year) and the same row labels. */
static bool same_shape(const table *a, const table *b)
{
    if (a->n_columns != b->n_columns)
        return false;
    for (size_t k = 0; k < a->n_columns; k++)
        if (a->columns[k].kind != b->columns[k].kind || a->columns[k].year != b->columns[k].year)
            return false;
    return table_row_labels_equal(a, b);
}

bool check_in_same_rollup(const check_rollups *rollups, size_t a, size_t b)
{
    for (size_t i = 0; i < rollups->n; i++) {
        const rollup *ru = &rollups->list[i];
        bool has_a = ru->summary == a, has_b = ru->summary == b;
        for (size_t d = 0; d < ru->n_details; d++) {
            has_a = has_a || ru->details[d] == a;
            has_b = has_b || ru->details[d] == b;
        }
        if (has_a && has_b)
            return true;
    }
    return false;
}


/* Cells of s that the details add up to when s is read × factor. */
static size_t rollup_holds(const arsred_document *doc, size_t s, const size_t *details,
                           size_t n, double factor, size_t *cells)
{
    const table *t = &doc->tables[s];
    size_t holds = 0;
    *cells = 0;
    for (size_t r = 0; r < t->n_rows; r++)
        for (size_t k = 0; k < t->n_columns; k++) {
            if (!check_cell_usable(t, r, k))
                continue;
            double sum = 0, tol = factor * half_unit(t->rows[r].cells[k].decimals);
            bool all = true;
            for (size_t i = 0; i < n; i++) {
                const table_cell *c = &doc->tables[details[i]].rows[r].cells[k];
                all = all && c->has_value && !c->approx;
                sum += c->value;
                tol += half_unit(c->decimals);
            }
            if (!all)
                continue;
            (*cells)++;
            holds += fabs(sum - factor * t->rows[r].cells[k].value) <= tol + EPSILON;
        }
    return holds;
}

/* Tables of one shape (same columns, same row labels), one of which the
 * others add up to: detail tables and their summary. */
static size_t find_rollups(const arsred_document *doc, rollup **out)
{
    rollup *rollups = NULL;
    size_t n_rollups = 0, cap = 0;
    bool *seen = xcalloc(doc->n_tables + 1, sizeof *seen);
    size_t *group = xmalloc((doc->n_tables + 1) * sizeof *group);
    for (size_t a = 0; a < doc->n_tables; a++) {
        if (seen[a])
            continue;
        size_t n = 0;
        for (size_t b = a; b < doc->n_tables; b++)
            if (!seen[b] && (b == a || same_shape(&doc->tables[a], &doc->tables[b]))) {
                group[n++] = b;
                seen[b] = true;
            }
        if (n < 3)
            continue;
        rollup best = {0};
        size_t best_holds = 0, best_cells = 0;
        size_t *details = xmalloc(n * sizeof *details);
        for (size_t i = 0; i < n; i++) {
            size_t m = 0;
            for (size_t j = 0; j < n; j++)
                if (j != i)
                    details[m++] = group[j];
            for (size_t f = 0; f < N_UNIT_FACTORS; f++) {
                size_t cells, holds = rollup_holds(doc, group[i], details, m, check_unit_factors[f], &cells);
                if (holds > best_holds) {
                    best_holds = holds;
                    best_cells = cells;
                    best.summary = group[i];
                    best.factor = check_unit_factors[f];
                }
            }
        }
        free(details);
        /* most cells must hold, or these tables are not a roll-up */
        if (best_cells == 0 || 2 * best_holds < best_cells)
            continue;
        best.details = xmalloc(n * sizeof *best.details);
        for (size_t j = 0; j < n; j++)
            if (group[j] != best.summary)
                best.details[best.n_details++] = group[j];
        ARRAY_PUSH(rollups, n_rollups, cap, best);
    }
    free(seen);
    free(group);
    *out = rollups;
    return n_rollups;
}

static void check_rollup(arsred_document *doc, const rollup *ru)
{
    const table *s = &doc->tables[ru->summary];
    for (size_t r = 0; r < s->n_rows; r++)
        for (size_t k = 0; k < s->n_columns; k++) {
            if (!check_cell_usable(s, r, k))
                continue;
            bool all = true;
            for (size_t i = 0; i < ru->n_details; i++)
                all = all && check_cell_usable(&doc->tables[ru->details[i]], r, k);
            if (!all)
                continue;
            check *c = check_new(doc, RULE_ROLLUP, ru->summary, (long)r, (long)k,
                                 ref(ru->summary, r, k));
            strbuf sb;
            strbuf_init(&sb);
            for (size_t i = 0; i < ru->n_details; i++) {
                check_add_term(c, ref(ru->details[i], r, k), 1 / ru->factor);
                const char *title = doc->tables[ru->details[i]].title;
                strbuf_addf(&sb, "%s%s", i ? " + " : "", title ? title : doc->tables[ru->details[i]].id);
            }
            strbuf_addf(&sb, " = %s", table_name(s));
            if (ru->factor != 1)
                strbuf_addf(&sb, " (its figures × %g)", ru->factor);
            strbuf_addf(&sb, ", %s, %s", s->rows[r].label, table_column_label(s, k));
            c->expr = strbuf_take(&sb);
            check_settle(doc, c);
        }
}

/* ---------------------------------------------------------------- text */

/* Whether value x (in the statement's unit) is what statement st says,
 * given how exactly it says it ("dryga 7" is 7 or a little more). */
static bool statement_holds(const statement *st, double x, double cell_tolerance,
                            double *tolerance)
{
    double unit = pow(10, -st->decimals);
    double v = fabs(x);
    *tolerance = half_unit(st->decimals) + cell_tolerance;
    switch (st->approx) {
    case '>':
        *tolerance = unit + cell_tolerance;
        return v >= st->value - cell_tolerance - EPSILON && v < st->value + unit + cell_tolerance;
    case '<':
        *tolerance = unit + cell_tolerance;
        return v <= st->value + cell_tolerance + EPSILON && v > st->value - unit - cell_tolerance;
    case '~':
        *tolerance = fmax(half_unit(st->decimals), 0.05 * st->value) + cell_tolerance;
        return fabs(v - st->value) <= *tolerance + EPSILON;
    default:
        return fabs(v - st->value) <= *tolerance + EPSILON;
    }
}

typedef struct text_match {
    cell_ref cell;
    bool as_printed;   /* holds only when the table is read in the statement's unit */
    double value, tolerance;
} text_match;

static bool text_candidate_row(const table *t, size_t r, const statement *st, size_t k)
{
    const table_row *row = &t->rows[r];
    column_kind column = t->columns[k].kind;
    if (st->sign != 0) /* a surplus or deficit: a deviation */
        return (row->kind == ROW_NET || row->kind == ROW_TOTAL) ? column == COLUMN_DEVIATION
                                                                 : row->measure == COLUMN_DEVIATION;
    return (row->kind == ROW_NET || row->kind == ROW_TOTAL) &&
           (column == COLUMN_ACTUAL || column == COLUMN_OTHER) && row->measure == COLUMN_OTHER;
}

static bool find_text_match(const arsred_document *doc, const statement *st, text_match *out)
{
    bool found = false;
    for (size_t ti = 0; ti < doc->n_tables; ti++) {
        const table *t = &doc->tables[ti];
        for (size_t r = 0; r < t->n_rows; r++)
            for (size_t k = 0; k < t->n_columns; k++) {
                if (!check_cell_usable(t, r, k) || !text_candidate_row(t, r, st, k))
                    continue;
                if (doc->year && t->columns[k].year && t->columns[k].year != doc->year)
                    continue;
                const table_cell *c = &t->rows[r].cells[k];
                if (st->sign != 0 && c->value != 0 && (c->value > 0) != (st->sign > 0))
                    continue;
                double tu = check_unit_factor(t->unit_effective), su = check_unit_factor(st->unit);
                for (int printed = 0; printed < 2; printed++) {
                    /* first in the table's own unit, then as printed */
                    double scale = printed ? 1 : (tu && su ? tu / su : 0);
                    if (scale == 0 || (printed && tu && tu == su))
                        continue;
                    double tol;
                    if (!statement_holds(st, c->value * scale, scale * half_unit(c->decimals), &tol))
                        continue;
                    if (!found || (out->as_printed && !printed)) {
                        *out = (text_match){ref(ti, r, k), printed, c->value * scale, tol};
                        found = true;
                    }
                }
            }
    }
    return found;
}

/* A figure of a result line the sentence names: the outcome or budget
 * cell, or the deviation (its column, else outcome − budget). */
typedef struct measure_figure {
    cell_ref cell;         /* the cell the check is about */
    double value, tolerance; /* in the statement's unit */
} measure_figure;

static bool measure_figure_of(const arsred_document *doc, const statement *st, size_t ti,
                              size_t r, size_t k, measure_figure *out)
{
    const table *t = &doc->tables[ti];
    const table_column *col = &t->columns[k];
    if (!col->year || (doc->year && col->year != doc->year))
        return false;
    double tu = check_unit_factor(t->unit_effective), su = check_unit_factor(st->unit);
    double scale = tu && su ? tu / su : 1;
    if (col->kind == st->measure && check_cell_usable(t, r, k)) {
        const table_cell *c = &t->rows[r].cells[k];
        *out = (measure_figure){ref(ti, r, k), c->value * scale, scale * half_unit(c->decimals)};
        return true;
    }
    if (st->measure != COLUMN_DEVIATION || col->kind != COLUMN_ACTUAL ||
        !check_cell_usable(t, r, k))
        return false;
    for (size_t j = 0; j < t->n_columns; j++) /* no deviation column: outcome − budget */
        if (t->columns[j].kind == COLUMN_DEVIATION && t->columns[j].year == col->year)
            return false;
    size_t b = column_of_kind(t, COLUMN_BUDGET, col->year, k);
    if (b == SIZE_MAX || !check_cell_usable(t, r, b))
        return false;
    const table_cell *a = &t->rows[r].cells[k], *bc = &t->rows[r].cells[b];
    *out = (measure_figure){ref(ti, r, k), (a->value - bc->value) * scale,
                            scale * (half_unit(a->decimals) + half_unit(bc->decimals))};
    return true;
}

/* A sentence about the result (its outcome, budget or deviation) against
 * the result lines of the tables: the one that agrees, or the only one
 * there is (then a mismatch is a mismatch); false where several disagree. */
static bool check_measure_statement(arsred_document *doc, const statement *st)
{
    measure_figure pick = {0}, only = {0};
    size_t candidates = 0;
    bool agrees = false;
    double expected = st->sign < 0 ? -st->value : st->value;
    for (size_t ti = 0; ti < doc->n_tables && !agrees; ti++) {
        const table *t = &doc->tables[ti];
        for (size_t r = 0; r < t->n_rows && !agrees; r++) {
            if (t->rows[r].kind != ROW_NET || t->rows[r].measure != COLUMN_OTHER)
                continue;
            for (size_t k = 0; k < t->n_columns && !agrees; k++) {
                measure_figure f;
                if (!measure_figure_of(doc, st, ti, r, k, &f))
                    continue;
                if (candidates++ == 0)
                    only = f;
                double tol = f.tolerance + half_unit(st->decimals);
                if (fabs(f.value - expected) <= tol + EPSILON) {
                    pick = f;
                    agrees = true;
                }
            }
        }
    }
    if (!agrees && candidates != 1)
        return false;
    if (!agrees)
        pick = only;
    const table *t = &doc->tables[pick.cell.table];
    check c = {.rule = RULE_TEXT, .table = pick.cell.table, .row = (long)pick.cell.row,
               .column = (long)pick.cell.column, .page = st->page, .expected = expected,
               .found = pick.value, .tolerance = pick.tolerance + half_unit(st->decimals)};
    c.difference = c.found - c.expected;
    c.result = fabs(c.difference) <= EPSILON                 ? CHECK_OK
               : fabs(c.difference) <= c.tolerance + EPSILON ? CHECK_ROUNDING
                                                             : CHECK_MISMATCH;
    static const char *const measures[] = {"", "budget", "outcome", "deviation", ""};
    strbuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "\"%s\" (page %d), the %s = %s, %s, %s%s", st->text, st->page,
                measures[st->measure], table_name(t), t->rows[pick.cell.row].label,
                table_column_label(t, pick.cell.column),
                st->measure == COLUMN_DEVIATION && t->columns[pick.cell.column].kind != COLUMN_DEVIATION
                    ? " − budget"
                    : "");
    c.expr = strbuf_take(&sb);
    strbuf_init(&sb);
    strbuf_addf(&sb, "the text's %s in %s against the table's result line", measures[st->measure],
                st->unit);
    c.message = strbuf_take(&sb);
    ARRAY_PUSH(doc->checks, doc->n_checks, doc->cap_checks, c);
    return true;
}

/* A prose figure no table figure could be matched to: said twice, in
 * the coverage and as a warning. */
static void text_not_checked(arsred_document *doc, const statement *st, const char *what)
{
    report_unchecked(doc, RULE_TEXT, UNCHECKED_NO_FIGURE, SIZE_MAX, -1, -1, st->page, st->text);
    report_warn(doc, "text-unmatched", st->page,
                "page %d: \"%s\": %s that this speaks of; it is not checked", st->page,
                st->text, what);
}

static void check_text(arsred_document *doc, const char **evidence)
{
    for (size_t i = 0; i < doc->n_statements; i++) {
        const statement *st = &doc->statements[i];
        if (st->measure != COLUMN_OTHER) {
            if (!check_measure_statement(doc, st))
                text_not_checked(doc, st, "no one result line of a table was found");
            continue;
        }
        text_match m;
        if (!find_text_match(doc, st, &m)) {
            text_not_checked(doc, st, "no table figure was found");
            continue;
        }
        const table *t = &doc->tables[m.cell.table];
        check c = {.rule = RULE_TEXT, .table = m.cell.table, .row = (long)m.cell.row,
                   .column = (long)m.cell.column, .page = st->page,
                   .expected = st->sign < 0 ? -st->value : st->value,
                   .found = m.value, .tolerance = m.tolerance};
        if (st->sign == 0)
            c.found = fabs(m.value);
        c.difference = c.found - c.expected;
        c.result = fabs(c.difference) <= EPSILON ? CHECK_OK : CHECK_ROUNDING;
        if (st->approx != '=' && c.result == CHECK_ROUNDING)
            c.result = CHECK_OK; /* "dryga 7" is all it says */
        strbuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "\"%s\" (page %d) = %s, %s, %s", st->text, st->page,
                    table_name(t), t->rows[m.cell.row].label,
                    table_column_label(t, m.cell.column));
        c.expr = strbuf_take(&sb);
        strbuf_init(&sb);
        if (m.as_printed)
            strbuf_addf(&sb, "holds when %s is read in %s, as the text states it", t->id, st->unit);
        else
            strbuf_addf(&sb, "holds in %s", t->unit_effective ? t->unit_effective : st->unit);
        c.message = strbuf_take(&sb);
        if (m.as_printed)
            evidence[m.cell.table] = st->unit;
        ARRAY_PUSH(doc->checks, doc->n_checks, doc->cap_checks, c);
    }
}

/* ---------------------------------------------------------------- unit */

static void set_effective(table *t, const char *unit, const char *why)
{
    units_set(t, unit, xstrdup(why));
}

/* A roll-up read with a factor tells how the summary's unit and the
 * details' relate; the details' declared unit, or the prose's figures
 * read against the summary, tell which is which. */
static void check_units(arsred_document *doc, const rollup *rollups, size_t n,
                        const char **evidence)
{
    for (size_t i = 0; i < n; i++) {
        const rollup *ru = &rollups[i];
        table *s = &doc->tables[ru->summary];
        const char *details_unit = doc->tables[ru->details[0]].unit_declared;
        for (size_t d = 1; d < ru->n_details && details_unit; d++) {
            const char *u = doc->tables[ru->details[d]].unit_declared;
            if (!u || strcmp(u, details_unit) != 0)
                details_unit = NULL;
        }
        const char *summary_unit = NULL, *why = NULL;
        if (details_unit) {
            summary_unit = unit_scaled(details_unit, ru->factor);
            why = "the detail tables' own unit";
        } else if (evidence[ru->summary] && ru->factor != 1) {
            summary_unit = evidence[ru->summary];
            why = "the figures the text states";
        } else {
            summary_unit = s->unit_declared;
        }
        if (!summary_unit)
            continue;
        const char *detail_unit = unit_scaled(summary_unit, 1 / ru->factor);
        for (size_t d = 0; d < ru->n_details; d++)
            if (!doc->tables[ru->details[d]].unit_effective && detail_unit)
                set_effective(&doc->tables[ru->details[d]], detail_unit,
                              "the summary table it adds up to");
        if (s->unit_declared && strcmp(s->unit_declared, summary_unit) != 0) {
            check c = {.rule = RULE_UNIT, .table = ru->summary, .row = -1, .column = -1,
                       .page = s->page, .result = CHECK_MISMATCH};
            strbuf sb;
            strbuf_init(&sb);
            strbuf_addf(&sb, "unit of %s: declared %s, effective %s", table_name(s),
                        s->unit_declared, summary_unit);
            c.expr = strbuf_take(&sb);
            strbuf_init(&sb);
            strbuf_addf(&sb, "the table says %s, but its figures are %s: the detail tables "
                             "(in %s) add up to it only with its figures × %g, and %s agree",
                        s->unit_declared, summary_unit, detail_unit ? detail_unit : "?",
                        ru->factor, why);
            c.message = strbuf_take(&sb);
            ARRAY_PUSH(doc->checks, doc->n_checks, doc->cap_checks, c);
            set_effective(s, summary_unit, c.message);
        }
    }
}

/* --------------------------------------------------------------- run */

/* Figures without a label under a list are its sum, printed under a rule
 * (balance sheets do this); such a row is taken for a total where it is
 * the sum of the list in at least one column. */
static void find_unlabelled_totals(arsred_document *doc, table *t)
{
    size_t *items = xmalloc((t->n_rows ? t->n_rows : 1) * sizeof *items);
    for (size_t r = 1; r < t->n_rows; r++) {
        if (t->rows[r].label[0] || !row_has_any_value(t, r))
            continue;
        size_t n = 0;
        for (size_t i = r; i-- > 0;) {
            if (t->rows[i].kind == ROW_TOTAL || sums_is_section_row(t, i) || !sums_is_plain_item(t, i))
                break;
            items[n++] = i;
        }
        n = sums_drop_parts(t, items, n);
        for (size_t k = 0; k < t->n_columns && n >= 1; k++) {
            if (!check_cell_usable(t, r, k))
                continue;
            double sum = 0, tol = half_unit(t->rows[r].cells[k].decimals);
            for (size_t i = 0; i < n; i++) {
                sum += t->rows[items[i]].cells[k].value;
                tol += half_unit(t->rows[items[i]].cells[k].decimals);
            }
            if (fabs(sum - t->rows[r].cells[k].value) <= tol + EPSILON) {
                t->rows[r].kind = ROW_TOTAL;
                break;
            }
        }
    }
    free(items);
    (void)doc;
}

/* Whether every term of c stands in its found cell's column (a sum down
 * the table) rather than in its row (a sum across). */
static bool runs_down(const check *c)
{
    for (size_t i = 0; i < c->n_terms; i++)
        if (c->terms[i].cell.column != c->found_cell.column ||
            c->terms[i].cell.table != c->found_cell.table)
            return false;
    return true;
}

static bool same_relation(const check *a, const check *b)
{
    if (a->rule != b->rule || a->table != b->table)
        return false;
    if (a->rule == RULE_TOTAL && runs_down(a) != runs_down(b))
        return false;
    if (a->rule == RULE_TOTAL && !runs_down(a)) /* across: the same columns, row by row */
        return a->column == b->column && strcmp(a->expr, b->expr) == 0;
    /* a deviation is one relation down a column; the others along a row */
    /* a total's spelled-out sum varies with the cells that are empty */
    if (a->rule != RULE_TOTAL && strcmp(a->expr, b->expr) != 0)
        return false;
    return a->rule == RULE_COLUMN_DEVIATION ? a->column == b->column : a->row == b->row;
}

/* The checks of each table, in order: those of table t are
 * order[first[t]] ... order[first[t + 1] - 1]. A relation is looked for
 * among its table's checks only, not the whole document's. */
static size_t *checks_by_table(const arsred_document *doc, size_t **first_out)
{
    size_t *first = xcalloc(doc->n_tables + 2, sizeof *first);
    size_t *order = xcalloc(doc->n_checks + 1, sizeof *order);
    for (size_t i = 0; i < doc->n_checks; i++)
        first[doc->checks[i].table + 2]++;
    for (size_t t = 2; t < doc->n_tables + 2; t++)
        first[t] += first[t - 1];
    for (size_t i = 0; i < doc->n_checks; i++)
        order[first[doc->checks[i].table + 1]++] = i;
    *first_out = first;
    return order;
}

/* A relation that fails in every column it was checked in (two or more),
 * or fails grossly in its only one, is more likely a table we read wrong
 * than a report that is wrong: it is not reported, and a warning says so;
 * unless every failure is mended by a repair that mends another relation
 * as well (a compensating pair fails a Summa in two columns of three). */
static void drop_undecided(arsred_document *doc)
{
    bool *drop = xcalloc(doc->n_checks + 1, sizeof *drop);
    size_t *first, *order = checks_by_table(doc, &first);
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (drop[i] || !c->has_found_cell || c->rule == RULE_ROLLUP)
            continue;
        size_t total = 0, failed = 0, mended = 0;
        size_t from = first[c->table], to = first[c->table + 1];
        for (size_t k = from; k < to; k++) {
            size_t j = order[k];
            const check *other = &doc->checks[j];
            if (other->has_found_cell && same_relation(c, other)) {
                total++;
                failed += other->result == CHECK_MISMATCH;
                /* a repair that mends another relation too shows a misprint */
                mended += other->result == CHECK_MISMATCH && other->has_suspect &&
                          other->explains >= 2;
            }
        }
        if (failed && mended == failed)
            continue;
        bool gross = total == 1 && c->result == CHECK_MISMATCH &&
                     fabs(c->difference) > 0.5 * fabs(c->found) &&
                     fabs(c->difference) > 10 * c->tolerance;
        /* one misprint fails one place; a relation failing in most of the
         * places it applies is one we read wrong */
        bool mostly = total >= 2 && failed == total;
        bool majority = total >= 3 && failed >= 2 && 2 * failed > total;
        if (!(mostly || majority || gross))
            continue;
        for (size_t k = from; k < to; k++)
            if (doc->checks[order[k]].has_found_cell && same_relation(c, &doc->checks[order[k]]))
                drop[order[k]] = true;
        const table *t = &doc->tables[c->table];
        report_warn(doc, "check-undecided", t->page,
                    "page %d: table %s: \"%s\" fails in every place it applies; the "
                    "table is probably read wrong there, so it is not reported",
                    t->page, t->id, c->expr);
    }
    size_t kept = 0;
    for (size_t i = 0; i < doc->n_checks; i++) {
        if (drop[i]) {
            const check *c = &doc->checks[i];
            report_unchecked(doc, c->rule, UNCHECKED_STRUCTURE, c->table, c->row, c->column,
                             c->page, c->expr);
            check_release(&doc->checks[i]);
            continue;
        }
        doc->checks[kept++] = doc->checks[i];
    }
    doc->n_checks = kept;
    free(order);
    free(first);
    free(drop);
}

/* Text cells that say there is no figure ("Ej aktuellt") are empty to a sum. */
static void mark_blank_cells(arsred_document *doc, const arsred_patterns *patterns)
{
    for (size_t i = 0; i < doc->n_tables; i++) {
        table *t = &doc->tables[i];
        for (size_t r = 0; r < t->n_rows; r++)
            for (size_t k = 0; k < t->n_columns; k++) {
                table_cell *c = &t->rows[r].cells[k];
                c->blank = !c->has_value && c->text &&
                           table_text_matches(patterns, "table.empty-text", c->text);
            }
    }
}

void checks_run(arsred_document *doc, const arsred_patterns *patterns)
{
    mark_blank_cells(doc, patterns);
    units_from_report(doc, patterns);
    for (size_t t = 0; t < doc->n_tables; t++)
        find_unlabelled_totals(doc, &doc->tables[t]);
    for (size_t t = 0; t < doc->n_tables; t++) {
        check_row_net(doc, t);
        check_deviation_columns(doc, t, patterns);
        check_deviation_rows(doc, t);
        check_totals(doc, t);
        check_result_lines(doc, patterns, t);
    }
    check_statements(doc, patterns);
    rollup *rollups = NULL;
    size_t n_rollups = find_rollups(doc, &rollups);
    for (size_t i = 0; i < n_rollups; i++)
        check_rollup(doc, &rollups[i]);
    const char **evidence = xcalloc(doc->n_tables + 1, sizeof *evidence);
    check_text(doc, evidence);
    check_units(doc, rollups, n_rollups, evidence);
    check_same_quantities(doc, patterns, &(check_rollups){rollups, n_rollups});
    units_from_relations(doc);
    checks_find_repairs(doc); /* for drop_undecided: which failures a repair explains */
    drop_undecided(doc);
    checks_clear_repairs(doc);
    checks_find_repairs(doc);
    free(evidence);
    for (size_t i = 0; i < n_rollups; i++)
        free(rollups[i].details);
    free(rollups);
}
