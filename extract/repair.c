/* repair.c: the wrong cell, found by minimal repair. The failing checks
 * that share cells form a cluster; its repair is the smallest set of cells
 * (one, else two) whose change makes every check of the cluster hold and
 * breaks none that holds, preferring the repair that leaves more relations
 * exact. Where two clusters can only be mended together (a compensating
 * pair: two errors of one row that cancel there), they are one cluster.
 * Repairs as good as the best are all named: the first by a stated order
 * (a total before its items, the later table before the earlier) is the
 * suspect, the others alternatives, and the suspect is not "decided". */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "util.h"

/* Beyond these a cluster is a table read wrong, not a misprint: pairs are
 * looked for among at most PAIR_CELLS cells, singles among SINGLE_CELLS. */
enum { PAIR_CELLS = 48, SINGLE_CELLS = 400, MAX_ALTERNATIVES = 16 };
/* Pairs of clusters looked at for joining, at most: a bound on a document
 * of many unmendable failures (a table read wrong throughout). */
enum { JOIN_TRIES = 4096 };

typedef struct cell_use {
    cell_ref cell;
    size_t check;
} cell_use;

/* Every (cell, check) the checks with a found cell take part in, sorted
 * by cell, to find the checks a change touches. */
typedef struct use_index {
    cell_use *uses;
    size_t n, cap;
} use_index;

static int compare_cells(cell_ref a, cell_ref b)
{
    if (a.table != b.table)
        return a.table < b.table ? -1 : 1;
    if (a.row != b.row)
        return a.row < b.row ? -1 : 1;
    if (a.column != b.column)
        return a.column < b.column ? -1 : 1;
    return 0;
}

static int compare_uses(const void *a, const void *b)
{
    const cell_use *x = a, *y = b;
    int c = compare_cells(x->cell, y->cell);
    return c ? c : (x->check > y->check) - (x->check < y->check);
}

static void index_add(use_index *ix, cell_ref cell, size_t check_index)
{
    cell_use u = {cell, check_index};
    ARRAY_PUSH(ix->uses, ix->n, ix->cap, u);
}

static void index_build(use_index *ix, const arsred_document *doc)
{
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (!c->has_found_cell)
            continue;
        index_add(ix, c->found_cell, i);
        for (size_t t = 0; t < c->n_terms; t++)
            index_add(ix, c->terms[t].cell, i);
    }
    if (ix->n)
        qsort(ix->uses, ix->n, sizeof *ix->uses, compare_uses);
}

/* The first use of cell, or ix->n. */
static size_t index_find(const use_index *ix, cell_ref cell)
{
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_cells(ix->uses[mid].cell, cell) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ------------------------------------------------------------ clusters */

static size_t find_root(size_t *parent, size_t i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

static bool is_failing(const check *c)
{
    return c->has_found_cell && c->result == CHECK_MISMATCH;
}

/* Joins failing checks that share a cell. */
static void join_by_cells(const arsred_document *doc, const use_index *ix, size_t *parent)
{
    for (size_t i = 0; i < ix->n;) {
        size_t j = i, first = SIZE_MAX;
        for (; j < ix->n && compare_cells(ix->uses[j].cell, ix->uses[i].cell) == 0; j++) {
            size_t k = ix->uses[j].check;
            if (!is_failing(&doc->checks[k]))
                continue;
            if (first == SIZE_MAX)
                first = k;
            else
                parent[find_root(parent, k)] = find_root(parent, first);
        }
        i = j;
    }
}

typedef struct cluster {
    size_t *checks;        /* failing checks */
    size_t n_checks;
    cell_ref *cells;       /* every cell they involve */
    size_t n_cells;
    repair *best;          /* the smallest repairs, as good as each other */
    size_t n_best;
    int score;
    bool done;
} cluster;

static bool has_cell(const cell_ref *cells, size_t n, cell_ref c)
{
    for (size_t i = 0; i < n; i++)
        if (compare_cells(cells[i], c) == 0)
            return true;
    return false;
}

static void cluster_add_cell(cluster *k, cell_ref c, size_t *cap)
{
    if (!has_cell(k->cells, k->n_cells, c))
        ARRAY_PUSH(k->cells, k->n_cells, *cap, c);
}

static cluster *make_clusters(const arsred_document *doc, const use_index *ix, size_t *n_out)
{
    size_t *parent = xmalloc((doc->n_checks + 1) * sizeof *parent);
    for (size_t i = 0; i < doc->n_checks; i++)
        parent[i] = i;
    join_by_cells(doc, ix, parent);
    size_t *slot = xmalloc((doc->n_checks + 1) * sizeof *slot);
    for (size_t i = 0; i < doc->n_checks; i++)
        slot[i] = SIZE_MAX; /* a root may be a later check than its members */
    cluster *ks = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < doc->n_checks; i++) {
        if (!is_failing(&doc->checks[i]))
            continue;
        size_t root = find_root(parent, i);
        if (slot[root] == SIZE_MAX) {
            cluster k = {0};
            ARRAY_PUSH(ks, n, cap, k);
            slot[root] = n - 1;
        }
        cluster *k = &ks[slot[root]];
        k->checks = xrealloc(k->checks, (k->n_checks + 1) * sizeof *k->checks);
        k->checks[k->n_checks++] = i;
    }
    for (size_t i = 0; i < n; i++) {
        size_t cap_cells = 0;
        for (size_t j = 0; j < ks[i].n_checks; j++) {
            const check *c = &doc->checks[ks[i].checks[j]];
            cluster_add_cell(&ks[i], c->found_cell, &cap_cells);
            for (size_t t = 0; t < c->n_terms; t++)
                cluster_add_cell(&ks[i], c->terms[t].cell, &cap_cells);
        }
    }
    free(slot);
    free(parent);
    *n_out = n;
    return ks;
}

static void cluster_release(cluster *k)
{
    free(k->checks);
    free(k->cells);
    free(k->best);
}

/* ------------------------------------------------------------- repairs */

/* The value of cell that makes c hold exactly with the changes made,
 * rounded as the cell is printed. */
static bool value_making_hold(const arsred_document *doc, check *c, cell_ref cell,
                              const repair_cell *changes, size_t n_changes, double *value)
{
    double expected = 0, found = 0, coef = 0, printed = report_cell(doc, cell)->value;
    for (size_t i = 0; i < c->n_terms; i++) {
        double v = printed;
        bool mine = compare_cells(c->terms[i].cell, cell) == 0;
        if (!mine) {
            v = report_cell(doc, c->terms[i].cell)->value;
            for (size_t j = 0; j < n_changes; j++)
                if (compare_cells(changes[j].cell, c->terms[i].cell) == 0)
                    v = changes[j].suggested;
        }
        if (mine)
            coef += c->terms[i].coef;
        else
            expected += c->terms[i].coef * v;
    }
    bool is_found = compare_cells(c->found_cell, cell) == 0;
    found = report_cell(doc, c->found_cell)->value;
    for (size_t j = 0; j < n_changes && !is_found; j++)
        if (compare_cells(changes[j].cell, c->found_cell) == 0)
            found = changes[j].suggested;
    double v;
    if (is_found && coef == 0)
        v = expected;
    else if (!is_found && coef != 0)
        v = (found - expected) / coef;
    else
        return false; /* on both sides, or on neither */
    double scale = pow(10, report_cell(doc, cell)->decimals);
    *value = round(v * scale) / scale;
    return fabs(*value - printed) > 0;
}

/* How good the repair is, or INT_MIN where it is none: every check of the
 * cluster must hold after it, and no holding check may fail; of the checks
 * that held, each it turns exact counts one, each it takes from exact to
 * rounding minus one. (Whether the mended checks come out exact says
 * nothing: a figure in the larger unit mends one only to rounding.) */
static int repair_score(arsred_document *doc, const use_index *ix, const size_t *failing,
                        size_t n_failing, const repair_cell *changes, size_t n_changes)
{
    int score = 0;
    for (size_t i = 0; i < n_failing; i++)
        if (check_evaluate(doc, &doc->checks[failing[i]], changes, n_changes) == CHECK_MISMATCH)
            return INT_MIN;
    for (size_t j = 0; j < n_changes; j++)
        for (size_t u = index_find(ix, changes[j].cell);
             u < ix->n && compare_cells(ix->uses[u].cell, changes[j].cell) == 0; u++) {
            check *c = &doc->checks[ix->uses[u].check];
            if (c->result == CHECK_MISMATCH)
                continue; /* a failing check of another cluster, or of this one */
            bool seen = false; /* a check both changed cells are in counts once */
            for (size_t e = 0; e < j && !seen; e++)
                seen = check_involves(c, changes[e].cell);
            if (seen)
                continue;
            check_result then = check_evaluate(doc, c, changes, n_changes);
            if (then == CHECK_MISMATCH)
                return INT_MIN;
            score += (then == CHECK_OK) - (c->result == CHECK_OK);
        }
    return score;
}

/* The order repairs are named in: a cell some failing check sums to (a
 * total) before the cells it sums, the later table before the earlier,
 * then down and across the table. */
static int cell_rank_compare(const arsred_document *doc, const size_t *failing, size_t n_failing,
                             cell_ref a, cell_ref b)
{
    bool ta = false, tb = false;
    for (size_t i = 0; i < n_failing; i++) {
        const check *c = &doc->checks[failing[i]];
        ta = ta || compare_cells(c->found_cell, a) == 0;
        tb = tb || compare_cells(c->found_cell, b) == 0;
    }
    if (ta != tb)
        return ta ? -1 : 1;
    if (a.table != b.table)
        return a.table > b.table ? -1 : 1;
    return compare_cells(a, b);
}

/* Keeps r among the cluster's best repairs. The same cells with another
 * value (from another of the cluster's checks) are one repair: the first
 * value found stands, as every value found mends every check. */
static void offer(cluster *k, const repair *r, int score)
{
    if (k->n_best && score < k->score)
        return;
    if (!k->n_best || score > k->score) {
        k->n_best = 0;
        k->score = score;
    }
    for (size_t i = 0; i < k->n_best; i++) { /* the same cells found twice */
        bool same = k->best[i].n == r->n;
        for (size_t c = 0; c < r->n && same; c++)
            same = compare_cells(k->best[i].cells[c].cell, r->cells[c].cell) == 0;
        if (same)
            return;
    }
    k->best = xrealloc(k->best, (k->n_best + 1) * sizeof *k->best);
    k->best[k->n_best++] = *r;
}

/* A count of whole things is never negative: no repair makes it so. */
static bool possible(const arsred_document *doc, cell_ref cell, double value)
{
    return value >= 0 || !table_cell_is_count(&doc->tables[cell.table], cell.row, cell.column);
}

static repair_cell change_of(const arsred_document *doc, cell_ref cell, double value)
{
    return (repair_cell){cell, report_cell(doc, cell)->value, value};
}

/* Single cells: each value that makes one of the cluster's checks hold. */
static void try_singles(arsred_document *doc, const use_index *ix, cluster *k)
{
    for (size_t a = 0; a < k->n_cells; a++)
        for (size_t i = 0; i < k->n_checks; i++) {
            check *c = &doc->checks[k->checks[i]];
            double v;
            if (!check_involves(c, k->cells[a]) ||
                !value_making_hold(doc, c, k->cells[a], NULL, 0, &v) ||
                !possible(doc, k->cells[a], v))
                continue;
            repair r = {.cells = {change_of(doc, k->cells[a], v)}, .n = 1};
            int score = repair_score(doc, ix, k->checks, k->n_checks, r.cells, 1);
            if (score != INT_MIN)
                offer(k, &r, score);
        }
}

/* Two cells: the first mends one check, the second one more with the
 * first changed. */
static void try_pairs(arsred_document *doc, const use_index *ix, cluster *k,
                      const cell_ref *cells, size_t n_cells)
{
    for (size_t a = 0; a < n_cells; a++)
        for (size_t b = 0; b < n_cells; b++) {
            if (a == b)
                continue;
            for (size_t i = 0; i < k->n_checks; i++) {
                check *ci = &doc->checks[k->checks[i]];
                double va;
                if (!check_involves(ci, cells[a]) || check_involves(ci, cells[b]) ||
                    !value_making_hold(doc, ci, cells[a], NULL, 0, &va) ||
                    !possible(doc, cells[a], va))
                    continue;
                repair_cell first = change_of(doc, cells[a], va);
                for (size_t j = 0; j < k->n_checks; j++) {
                    check *cj = &doc->checks[k->checks[j]];
                    double vb;
                    if (!check_involves(cj, cells[b]) ||
                        !value_making_hold(doc, cj, cells[b], &first, 1, &vb) ||
                        !possible(doc, cells[b], vb))
                        continue;
                    repair r = {.cells = {first, change_of(doc, cells[b], vb)}, .n = 2};
                    if (compare_cells(r.cells[0].cell, r.cells[1].cell) > 0) {
                        repair_cell t = r.cells[0];
                        r.cells[0] = r.cells[1];
                        r.cells[1] = t;
                    }
                    int score = repair_score(doc, ix, k->checks, k->n_checks, r.cells, 2);
                    if (score != INT_MIN)
                        offer(k, &r, score);
                }
            }
        }
}

/* Whether two clusters have cells in one table: only such can be one
 * misprint's (two errors of one row, or of one figure shown twice). */
static bool share_a_table(const cluster *x, const cluster *y)
{
    for (size_t i = 0; i < x->n_cells; i++)
        for (size_t j = 0; j < y->n_cells; j++)
            if (x->cells[i].table == y->cells[j].table)
                return true;
    return false;
}

/* Two clusters that no repair of their own mends, mended together. */
static void try_joined(arsred_document *doc, const use_index *ix, cluster *x, cluster *y)
{
    cluster both = {0};
    size_t cap = 0;
    both.n_checks = x->n_checks + y->n_checks;
    both.checks = xmalloc(both.n_checks * sizeof *both.checks);
    memcpy(both.checks, x->checks, x->n_checks * sizeof *x->checks);
    memcpy(both.checks + x->n_checks, y->checks, y->n_checks * sizeof *y->checks);
    for (size_t i = 0; i < x->n_cells; i++)
        cluster_add_cell(&both, x->cells[i], &cap);
    for (size_t i = 0; i < y->n_cells; i++)
        cluster_add_cell(&both, y->cells[i], &cap);
    try_pairs(doc, ix, &both, both.cells, both.n_cells);
    if (both.n_best) {
        cluster_release(x);
        *x = both;
        x->done = true;
        cluster_release(y);
        *y = (cluster){.done = true};
    } else {
        cluster_release(&both);
    }
}

/* ------------------------------------------------------------- naming */

/* The repair's cells with the first one c involves (by the stated
 * order) first, or false where c involves none. */
static bool repair_for_check(const arsred_document *doc, const cluster *k, const check *c,
                             const repair *r, repair *out)
{
    *out = *r;
    size_t first = SIZE_MAX;
    for (size_t i = 0; i < r->n; i++)
        if (check_involves(c, r->cells[i].cell) &&
            (first == SIZE_MAX || cell_rank_compare(doc, k->checks, k->n_checks, r->cells[i].cell,
                                                    r->cells[first].cell) < 0))
            first = i;
    if (first == SIZE_MAX)
        return false;
    out->cells[0] = r->cells[first];
    for (size_t i = 0, n = 1; i < r->n; i++)
        if (i != first)
            out->cells[n++] = r->cells[i];
    return true;
}

/* The best repair's index by the stated order of its first cell (each
 * repair's cells are in that order already: the first decides). */
static size_t first_repair(const arsred_document *doc, const cluster *k)
{
    size_t best = 0;
    for (size_t i = 1; i < k->n_best; i++)
        if (cell_rank_compare(doc, k->checks, k->n_checks, k->best[i].cells[0].cell,
                              k->best[best].cells[0].cell) < 0)
            best = i;
    return best;
}

static void name_suspects(arsred_document *doc, cluster *k)
{
    if (!k->n_best)
        return;
    /* each repair's cells by the stated order */
    for (size_t i = 0; i < k->n_best; i++)
        if (k->best[i].n == 2 && cell_rank_compare(doc, k->checks, k->n_checks,
                                                   k->best[i].cells[1].cell,
                                                   k->best[i].cells[0].cell) < 0) {
            repair_cell t = k->best[i].cells[0];
            k->best[i].cells[0] = k->best[i].cells[1];
            k->best[i].cells[1] = t;
        }
    size_t chosen = first_repair(doc, k);
    for (size_t i = 0; i < k->n_checks; i++) {
        check *c = &doc->checks[k->checks[i]];
        repair mine;
        if (!repair_for_check(doc, k, c, &k->best[chosen], &mine))
            continue;
        c->has_suspect = true;
        c->suspect = mine.cells[0].cell;
        c->suspect_found = mine.cells[0].found;
        c->suggested = mine.cells[0].suggested;
        c->explains = (int)k->n_checks;
        c->n_also = 0;
        for (size_t j = 1; j < mine.n; j++)
            c->also[c->n_also++] = mine.cells[j];
        c->decided = k->n_best == 1;
        for (size_t a = 0; a < k->n_best && c->n_alternatives < MAX_ALTERNATIVES; a++) {
            repair other;
            if (a == chosen || !repair_for_check(doc, k, c, &k->best[a], &other))
                continue;
            c->alternatives = xrealloc(c->alternatives,
                                       (c->n_alternatives + 1) * sizeof *c->alternatives);
            c->alternatives[c->n_alternatives++] = other;
        }
    }
}

void checks_find_repairs(arsred_document *doc)
{
    use_index ix = {0};
    index_build(&ix, doc);
    size_t n;
    cluster *ks = make_clusters(doc, &ix, &n);
    for (size_t i = 0; i < n; i++) {
        if (ks[i].n_cells <= SINGLE_CELLS)
            try_singles(doc, &ix, &ks[i]);
        if (!ks[i].n_best && ks[i].n_cells <= PAIR_CELLS)
            try_pairs(doc, &ix, &ks[i], ks[i].cells, ks[i].n_cells);
        ks[i].done = ks[i].n_best > 0;
    }
    size_t tries = 0;
    for (size_t i = 0; i < n && tries < JOIN_TRIES; i++)
        for (size_t j = i + 1; j < n && !ks[i].done && tries < JOIN_TRIES; j++) {
            if (ks[j].done || ks[i].n_cells + ks[j].n_cells > PAIR_CELLS)
                continue;
            tries++; /* each pair looked at counts: the scan is bounded too */
            if (share_a_table(&ks[i], &ks[j]))
                try_joined(doc, &ix, &ks[i], &ks[j]);
        }
    for (size_t i = 0; i < n; i++) {
        name_suspects(doc, &ks[i]);
        cluster_release(&ks[i]);
    }
    free(ks);
    free(ix.uses);
}

void checks_clear_repairs(arsred_document *doc)
{
    for (size_t i = 0; i < doc->n_checks; i++) {
        check *c = &doc->checks[i];
        c->has_suspect = false;
        c->n_also = 0;
        c->decided = false;
        c->explains = 0;
        free(c->alternatives);
        c->alternatives = NULL;
        c->n_alternatives = 0;
    }
}
