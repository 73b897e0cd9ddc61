/* check_same.c: one quantity shown in two tables must agree.
 *
 * Two cells are one quantity where their row labels say the same (folded:
 * case, punctuation, a unit after the label, a "Summa" before it, and
 * abbreviations: "Resultat efter fin. poster" is "Resultat efter
 * finansiella poster") for the same year and measure, or where both are
 * the bottom line of a table about one quantity (patterns of kind
 * check.quantity: a board's Nettoinvesteringar and the total of its
 * investment table), or where a summary's row is named as another table
 * is titled (the row Socialnämnden and the bottom line of "Socialnämnden,
 * ekonomiskt utfall"). Tables of one shape (one per activity) hold different
 * things of one name and are not compared. Two tables are compared only
 * where a figure of theirs other than zero agrees: that shows they speak of
 * one thing, and the unit factor under which most agree is how their units
 * relate (kr against tkr). A figure cut rather than rounded to the larger
 * unit (−15 160 615 kr shown as −15 160 tkr) agrees. Either sign agrees:
 * notes and overviews print costs positive. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "pattern.h"
#include "table.h"
#include "text.h"
#include "util.h"

typedef struct quantity_cell {
    cell_ref cell;
    char *key;             /* the folded label; NULL for a bare "Summa" */
    const char *quantity;  /* the check.quantity pattern that names its bottom line */
    column_kind measure;
    int year;
    size_t n_tokens;
} quantity_cell;

/* ---------------------------------------------------------- the key */

static size_t match_end(const arsred_patterns *patterns, const char *kind, const char *text,
                        const char *group)
{
    const pattern *pats[16];
    size_t n = patterns_of_kind(patterns, kind, pats, 16);
    for (size_t i = 0; i < n && i < 16; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], text, strlen(text), 0, &m) != PATTERN_MATCHED)
            continue;
        const pattern_group *g = group ? pattern_match_group(&m, group) : NULL;
        return group ? (g && g->set ? g->end : 0) : m.end;
    }
    return 0;
}

/* The label folded: lower case, letters and digits only, one space
 * between words; without a leading total word or a trailing unit. NULL
 * where nothing is left. */
char *check_label_key(const char *label, const arsred_patterns *patterns)
{
    if (!label || !*label)
        return NULL;
    size_t name_end = match_end(patterns, "table.label-unit", label, "name");
    char *name = name_end ? xstrndup(label, name_end) : xstrdup(label);
    size_t total_end = match_end(patterns, "table.row.total", name, NULL);
    char *folded = utf8_casefold(name + total_end);
    free(name);
    char *out = folded;
    for (const char *p = folded; *p;) {
        const char *start = p;
        uint32_t cp = utf8_next(&p, p + strlen(p));
        bool letter = is_alpha_cp(cp) || is_digit_cp(cp);
        if (letter) {
            memmove(out, start, (size_t)(p - start));
            out += p - start;
        } else if (out > folded && out[-1] != ' ') {
            *out++ = ' ';
        }
    }
    while (out > folded && out[-1] == ' ')
        out--;
    *out = '\0';
    if (!*folded) {
        free(folded);
        return NULL;
    }
    return folded;
}

static size_t count_tokens(const char *key)
{
    size_t n = key && *key ? 1 : 0;
    for (const char *p = key; p && *p; p++)
        n += *p == ' ';
    return n;
}

/* Word by word equal, or one word the other's abbreviation (a prefix of
 * at least three letters). */
bool check_keys_agree(const char *a, const char *b)
{
    while (*a && *b) {
        size_t la = strcspn(a, " "), lb = strcspn(b, " ");
        size_t shorter = la < lb ? la : lb;
        if (strncmp(a, b, shorter) != 0 || (la != lb && shorter < 3))
            return false;
        a += la + (a[la] == ' ');
        b += lb + (b[lb] == ' ');
    }
    return !*a && !*b;
}

/* The check.quantity pattern that names text, or NULL. */
static const char *quantity_in(const arsred_patterns *patterns, const char *text)
{
    if (!text)
        return NULL;
    const pattern *pats[16];
    size_t n = patterns_of_kind(patterns, "check.quantity", pats, 16);
    for (size_t i = 0; i < n && i < 16; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], text, strlen(text), 0, &m) == PATTERN_MATCHED)
            return pattern_name(pats[i]);
    }
    return NULL;
}

static size_t item_rows_above(const table *t, size_t r)
{
    size_t n = 0;
    while (r-- > 0 && t->rows[r].kind == ROW_ITEM && t->rows[r].measure == COLUMN_OTHER)
        n++;
    return n;
}

/* The row a measure row ("Budget" under "Nettoinvesteringar") is about. */
static size_t subject_row(const table *t, size_t r)
{
    while (t->rows[r].measure != COLUMN_OTHER && r > 0)
        r--;
    return r;
}

static bool is_last_total(const table *t, size_t r)
{
    for (size_t o = r + 1; o < t->n_rows; o++)
        if (t->rows[o].kind == ROW_TOTAL)
            return false;
    return true;
}

/* The quantity a bottom line is about: a net row by its label, the total
 * of a list (or the table's last total) by its label, else by its
 * table's title or section. A list is LIST_ROWS item rows or more: a
 * total of two is a subtotal. */
enum { LIST_ROWS = 3 };
static const char *bottom_line_quantity(const table *t, size_t r,
                                        const arsred_patterns *patterns)
{
    const table_row *row = &t->rows[r];
    if (row->kind == ROW_NET)
        return quantity_in(patterns, row->label);
    if (row->kind != ROW_TOTAL || (item_rows_above(t, r) < LIST_ROWS && !is_last_total(t, r)))
        return NULL;
    const char *q = quantity_in(patterns, row->label);
    if (!q)
        q = quantity_in(patterns, t->title);
    return q ? q : quantity_in(patterns, t->section);
}

static size_t collect(const arsred_document *doc, const arsred_patterns *patterns,
                      quantity_cell **out)
{
    quantity_cell *cells = NULL;
    size_t n = 0, cap = 0;
    for (size_t ti = 0; ti < doc->n_tables; ti++) {
        const table *t = &doc->tables[ti];
        for (size_t r = 0; r < t->n_rows; r++) {
            const table_row *row = &t->rows[r];
            if (row->part_of_above)
                continue;
            size_t subject = subject_row(t, r);
            char *key = check_label_key(t->rows[subject].label, patterns);
            const char *quantity = bottom_line_quantity(t, subject, patterns);
            for (size_t k = 0; k < t->n_columns && (key || quantity); k++) {
                if (!check_cell_usable(t, r, k) || !t->columns[k].year)
                    continue;
                column_kind m = row->measure != COLUMN_OTHER ? row->measure : t->columns[k].kind;
                quantity_cell q = {{ti, r, k}, key ? xstrdup(key) : NULL, quantity, m,
                                   t->columns[k].year, count_tokens(key)};
                ARRAY_PUSH(cells, n, cap, q);
            }
            free(key);
        }
    }
    *out = cells;
    return n;
}

/* By year and measure, then by how the key starts, so that cells that
 * may agree stand together. */
static int compare_quantity_cells(const void *a, const void *b)
{
    const quantity_cell *x = a, *y = b;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    if (x->measure != y->measure)
        return x->measure < y->measure ? -1 : 1;
    if (x->n_tokens != y->n_tokens)
        return x->n_tokens < y->n_tokens ? -1 : 1;
    char fx = x->key ? x->key[0] : 0, fy = y->key ? y->key[0] : 0;
    if (fx != fy)
        return fx < fy ? -1 : 1;
    return x->cell.table < y->cell.table ? -1 : x->cell.table > y->cell.table;
}

static int compare_bottom_lines(const void *a, const void *b)
{
    const quantity_cell *x = a, *y = b;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    if (x->measure != y->measure)
        return x->measure < y->measure ? -1 : 1;
    int q = strcmp(x->quantity ? x->quantity : "", y->quantity ? y->quantity : "");
    if (q)
        return q;
    return x->cell.table < y->cell.table ? -1 : x->cell.table > y->cell.table;
}

/* ------------------------------------------------------------ pairs */

typedef struct same_pair {
    size_t a, b;           /* indexes into the cells; a's table before b's */
} same_pair;

typedef struct pair_list {
    same_pair *pairs;
    size_t n, cap;
} pair_list;

static void add_pair(pair_list *pl, const quantity_cell *cells, size_t i, size_t j)
{
    if (cells[i].cell.table == cells[j].cell.table)
        return;
    same_pair p = cells[i].cell.table < cells[j].cell.table ? (same_pair){i, j}
                                                            : (same_pair){j, i};
    ARRAY_PUSH(pl->pairs, pl->n, pl->cap, p);
}

/* Pairs of cells whose keys agree, within runs of one year, measure,
 * length and first letter. */
static void pair_by_label(const quantity_cell *cells, size_t n, pair_list *pl)
{
    for (size_t i = 0; i < n;) {
        size_t end = i + 1;
        while (end < n && compare_quantity_cells(&cells[i], &cells[end]) <= 0 &&
               cells[end].year == cells[i].year && cells[end].measure == cells[i].measure &&
               cells[end].n_tokens == cells[i].n_tokens &&
               (cells[end].key ? cells[end].key[0] : 0) == (cells[i].key ? cells[i].key[0] : 0))
            end++;
        for (size_t x = i; x < end; x++)
            for (size_t y = x + 1; y < end; y++)
                if (cells[x].key && cells[y].key && check_keys_agree(cells[x].key, cells[y].key))
                    add_pair(pl, cells, x, y);
        i = end;
    }
}

/* Pairs of bottom lines about one quantity. */
static void pair_by_quantity(const quantity_cell *cells, size_t n, pair_list *pl)
{
    for (size_t i = 0; i < n;) {
        size_t end = i + 1;
        while (end < n && cells[end].year == cells[i].year &&
               cells[end].measure == cells[i].measure && cells[i].quantity &&
               cells[end].quantity && strcmp(cells[end].quantity, cells[i].quantity) == 0)
            end++;
        for (size_t x = i; x < end; x++)
            for (size_t y = x + 1; y < end; y++)
                if (cells[x].quantity && cells[y].quantity &&
                    (!cells[x].key || !cells[y].key || !check_keys_agree(cells[x].key, cells[y].key)))
                    add_pair(pl, cells, x, y);
        i = end;
    }
}

static int compare_pairs(const void *a, const void *b, void *context)
{
    const same_pair *x = a, *y = b;
    const quantity_cell *cells = context;
    size_t xa = cells[x->a].cell.table, ya = cells[y->a].cell.table;
    size_t xb = cells[x->b].cell.table, yb = cells[y->b].cell.table;
    if (xa != ya)
        return xa < ya ? -1 : 1;
    if (xb != yb)
        return xb < yb ? -1 : 1;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return (x->b > y->b) - (x->b < y->b);
}

/* ------------------------------------------------------------ agree */


/* Whether b's value is a's × factor (in b's unit) with either sign, within
 * rounding, or as the finer figure cut to the coarser's decimals; *sign
 * is the sign that comes nearer. */
static bool values_agree(const table_cell *a, const table_cell *b, double factor, int *sign)
{
    double va = a->value * factor, vb = b->value;
    *sign = fabs(vb + va) < fabs(vb - va) ? -1 : 1;
    double diff = fabs(vb - *sign * va);
    double tol = factor * 0.5 * pow(10, -a->decimals) + 0.5 * pow(10, -b->decimals);
    if (diff <= tol + 1e-9 * fmax(1, fabs(vb)))
        return true;
    if (factor == 1)
        return false;
    const table_cell *coarse = factor > 1 ? a : b;
    double fine = factor > 1 ? vb / factor : va; /* in the coarse unit */
    double scale = pow(10, coarse->decimals);
    double cut = trunc(fabs(fine) * scale + 1e-9) / scale;
    return fabs(fabs(coarse->value) - cut) <= 1e-9 * fmax(1, cut);
}

/* Whether two figures' agreeing would tell anything: neither is zero,
 * and a's read in b's unit is more than b's last printed digit (a small
 * figure divided by 1 000 agrees with anything near zero). */
static bool telling(const table_cell *a, const table_cell *b, double factor)
{
    return a->value != 0 && b->value != 0 && fabs(a->value * factor) >= pow(10, -b->decimals) &&
           fabs(b->value / factor) >= pow(10, -a->decimals);
}

/* The factor (a's figures × factor = b's) under which most pairs of the
 * run agree, and how many do (figures other than zero). */
static double best_factor(const arsred_document *doc, const quantity_cell *cells,
                          const same_pair *run, size_t n, bool any_factor, size_t *agreeing)
{
    const table *ta = &doc->tables[cells[run[0].a].cell.table];
    const table *tb = &doc->tables[cells[run[0].b].cell.table];
    double ua = check_unit_factor(ta->unit_effective), ub = check_unit_factor(tb->unit_effective);
    double best = 1;
    *agreeing = 0;
    for (size_t f = 0; f < N_UNIT_FACTORS; f++) {
        if (!any_factor && ua && ub && fabs(check_unit_factors[f] - ua / ub) > 1e-12 * check_unit_factors[f])
            continue; /* both units known: only their factor */
        size_t agree = 0;
        for (size_t i = 0; i < n; i++) {
            const table_cell *a = report_cell(doc, cells[run[i].a].cell);
            const table_cell *b = report_cell(doc, cells[run[i].b].cell);
            int sign;
            agree += telling(a, b, check_unit_factors[f]) && values_agree(a, b, check_unit_factors[f], &sign);
        }
        if (agree > *agreeing) {
            *agreeing = agree;
            best = check_unit_factors[f];
        }
    }
    return best;
}


static void add_same_check(arsred_document *doc, cell_ref a, cell_ref b, double factor,
                           int sign)
{
    /* the coarser figure is the one found: a finer one cut to it agrees */
    cell_ref found = factor > 1 ? a : b, other = factor > 1 ? b : a;
    double coef = sign * (factor > 1 ? 1 / factor : factor);
    const table *tf = &doc->tables[found.table], *to = &doc->tables[other.table];
    check *c = check_new(doc, RULE_SAME, found.table, (long)found.row, (long)found.column, found);
    check_add_term(c, other, coef);
    c->truncation = factor != 1;
    strbuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s%s, %s, %s = %s, %s, %s", sign < 0 ? "−" : "", table_name(to),
                to->rows[other.row].label, table_column_label(to, other.column), table_name(tf),
                tf->rows[found.row].label, table_column_label(tf, found.column));
    if (factor != 1)
        strbuf_addf(&sb, " (× %g)", fabs(coef));
    c->expr = strbuf_take(&sb);
    check_settle(doc, c);
}

/* Where two tables' figures agree only under another factor than their
 * units say (at least UNIT_EVIDENCE of them), one unit is wrong: a table
 * whose unit was not declared takes the one the other's implies (it was
 * the convention's or a guess); where both were declared, a unit check
 * says that one of them is wrong. The factor to compare under, with
 * *agreeing; 0 agreeing where the figures show nothing. */
enum { UNIT_EVIDENCE = 2 };
static double units_contradicted(arsred_document *doc, const quantity_cell *cells,
                                 const same_pair *run, size_t n, size_t *agreeing)
{
    size_t ia = cells[run[0].a].cell.table, ib = cells[run[0].b].cell.table;
    table *ta = &doc->tables[ia], *tb = &doc->tables[ib];
    double ua = check_unit_factor(ta->unit_effective), ub = check_unit_factor(tb->unit_effective);
    double factor = ua && ub ? best_factor(doc, cells, run, n, true, agreeing) : 1;
    if (!ua || !ub || *agreeing < UNIT_EVIDENCE) {
        *agreeing = 0;
        return 1;
    }
    /* a's figures × factor are b's: u_b = u_a / factor */
    const char *for_b = check_unit_named(ua / factor), *for_a = check_unit_named(ub * factor);
    strbuf sb;
    strbuf_init(&sb);
    if (!tb->unit_declared && ta->unit_declared && for_b) {
        strbuf_addf(&sb, "agrees with %s (%s) in %s", table_name(ta), ta->unit_effective, for_b);
        units_set(tb, for_b, strbuf_take(&sb));
    } else if (!ta->unit_declared && tb->unit_declared && for_a) {
        strbuf_addf(&sb, "agrees with %s (%s) in %s", table_name(tb), tb->unit_effective, for_a);
        units_set(ta, for_a, strbuf_take(&sb));
    } else if (!ta->unit_declared || !tb->unit_declared) {
        strbuf_release(&sb); /* two units of convention: which is wrong is not shown */
        *agreeing = 0;
    } else {
        check c = {.rule = RULE_UNIT, .table = ib, .row = -1, .column = -1, .page = tb->page,
                   .result = CHECK_MISMATCH};
        strbuf_addf(&sb, "units of %s (%s) and %s (%s)", table_name(ta), ta->unit_effective, table_name(tb),
                    tb->unit_effective);
        c.expr = strbuf_take(&sb);
        strbuf_init(&sb);
        strbuf_addf(&sb, "%zu figures of the two agree only with %s's × %g: one of the two "
                         "declared units is wrong, and which cannot be told",
                    *agreeing, table_name(ta), factor);
        c.message = strbuf_take(&sb);
        ARRAY_PUSH(doc->checks, doc->n_checks, doc->cap_checks, c);
        *agreeing = 0; /* not compared under units that are in doubt */
    }
    return factor;
}

/* One run of pairs between two tables: the checks, where a figure agrees. */
static void check_run(arsred_document *doc, const quantity_cell *cells, const same_pair *run,
                      size_t n, const check_rollups *rollups)
{
    size_t ta = cells[run[0].a].cell.table, tb = cells[run[0].b].cell.table;
    if (table_row_labels_equal(&doc->tables[ta], &doc->tables[tb]) || check_in_same_rollup(rollups, ta, tb))
        return;
    size_t agreeing;
    double factor = best_factor(doc, cells, run, n, false, &agreeing);
    if (agreeing == 0)
        factor = units_contradicted(doc, cells, run, n, &agreeing);
    if (agreeing == 0)
        return; /* nothing shows the two speak of one thing */
    bool *used = xcalloc(n + 1, sizeof *used);
    for (size_t i = 0; i < n; i++) {
        if (used[i])
            continue;
        /* of the pairs of one cell of a, the one that agrees, else the nearest */
        size_t pick = i;
        double pick_diff = INFINITY;
        for (size_t j = i; j < n && run[j].a == run[i].a; j++) {
            const table_cell *a = report_cell(doc, cells[run[j].a].cell);
            const table_cell *b = report_cell(doc, cells[run[j].b].cell);
            int sign;
            double diff = values_agree(a, b, factor, &sign)
                              ? -1
                              : fabs(b->value - sign * a->value * factor);
            if (diff < pick_diff) {
                pick_diff = diff;
                pick = j;
            }
            used[j] = true;
        }
        const table_cell *a = report_cell(doc, cells[run[pick].a].cell);
        const table_cell *b = report_cell(doc, cells[run[pick].b].cell);
        int sign;
        values_agree(a, b, factor, &sign);
        add_same_check(doc, cells[run[pick].a].cell, cells[run[pick].b].cell, factor, sign);
    }
    free(used);
}

/* The checks of every run of pairs between two tables. */
static void run_pairs(arsred_document *doc, const quantity_cell *cells, pair_list *pl,
                      const check_rollups *rollups)
{
    sort_array_r(pl->pairs, pl->n, sizeof *pl->pairs, compare_pairs, (void *)cells);
    for (size_t i = 0; i < pl->n;) {
        size_t end = i + 1;
        while (end < pl->n &&
               cells[pl->pairs[end].a].cell.table == cells[pl->pairs[i].a].cell.table &&
               cells[pl->pairs[end].b].cell.table == cells[pl->pairs[i].b].cell.table)
            end++;
        check_run(doc, cells, pl->pairs + i, end - i, rollups);
        i = end;
    }
}

/* A table's bottom line: its last result row, else its last total. */
static size_t bottom_line_row(const table *t)
{
    size_t net = SIZE_MAX, total = SIZE_MAX;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (!table_row_has_value(t, r))
            continue;
        if (t->rows[r].kind == ROW_NET)
            net = r;
        else if (t->rows[r].kind == ROW_TOTAL)
            total = r;
    }
    return net != SIZE_MAX ? net : total;
}

/* Whether key is the first words of title ("socialnämnden" of
 * "socialnämnden ekonomiskt utfall"). */
static bool names_start(const char *key, const char *title)
{
    size_t n = strlen(key);
    return strncmp(key, title, n) == 0 && (title[n] == ' ' || title[n] == '\0');
}

/* A summary's item named as another table is titled ("Socialnämnden" and
 * "Socialnämnden, ekonomiskt utfall") against that table's bottom line
 * (an item: a result or a sum is no entity a table is about). */
static void pair_by_title(const arsred_document *doc, const arsred_patterns *patterns,
                          const quantity_cell *cells, size_t n, pair_list *pl)
{
    for (size_t tb = 0; tb < doc->n_tables; tb++) {
        const table *t = &doc->tables[tb];
        size_t bottom = bottom_line_row(t);
        char *title = bottom == SIZE_MAX ? NULL : check_label_key(t->title, patterns);
        for (size_t y = 0; title && y < n; y++) {
            if (cells[y].cell.table != tb || cells[y].cell.row != bottom)
                continue;
            for (size_t x = 0; x < n; x++) {
                const table *tx = &doc->tables[cells[x].cell.table];
                if (cells[x].cell.table == tb || !cells[x].key || cells[x].year != cells[y].year ||
                    cells[x].measure != cells[y].measure ||
                    tx->rows[cells[x].cell.row].kind != ROW_ITEM ||
                    !names_start(cells[x].key, title))
                    continue;
                add_pair(pl, cells, x, y);
            }
        }
        free(title);
    }
}

void check_same_quantities(arsred_document *doc, const arsred_patterns *patterns,
                           const check_rollups *rollups)
{
    quantity_cell *cells = NULL;
    size_t n = collect(doc, patterns, &cells);
    if (n)
        qsort(cells, n, sizeof *cells, compare_quantity_cells);
    pair_list by_label = {0}, by_title = {0}, by_quantity = {0};
    pair_by_label(cells, n, &by_label);
    pair_by_title(doc, patterns, cells, n, &by_title);
    quantity_cell *bottom_lines = xmalloc((n + 1) * sizeof *bottom_lines);
    if (n) {
        memcpy(bottom_lines, cells, n * sizeof *cells);
        qsort(bottom_lines, n, sizeof *bottom_lines, compare_bottom_lines);
    }
    pair_by_quantity(bottom_lines, n, &by_quantity);
    run_pairs(doc, cells, &by_label, rollups);
    run_pairs(doc, cells, &by_title, rollups);
    run_pairs(doc, bottom_lines, &by_quantity, rollups);
    for (size_t i = 0; i < n; i++)
        free(cells[i].key);
    free(cells);
    free(bottom_lines);
    free(by_label.pairs);
    free(by_title.pairs);
    free(by_quantity.pairs);
}
