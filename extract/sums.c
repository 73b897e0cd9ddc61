/* sums.c: which rows a table's sums add up. A total named after a heading
 * ("Summa kortfristiga fordringar" under "Kortfristiga fordringar") sums
 * that section's items and its subsections' totals; a total right under
 * totals sums the outermost of them since the previous sum of sums, inside
 * the section still open; any other total sums the plain items above it,
 * and a running subtotal right above them where the arithmetic says so.
 * The questions call each other, so each answer is kept per row. */
#include "sums.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "text.h"
#include "util.h"

/* Deeper than this, sums within sums are a table read wrong: unclear. */
enum { MAX_SUM_DEPTH = 256 };

#define NONE SIZE_MAX
#define UNKNOWN (SIZE_MAX - 1)

typedef struct row_list {
    size_t *rows;
    size_t n, cap;
} row_list;

/* An answer kept per row: not asked yet, being worked out (asked again
 * meanwhile: a cycle, answered empty), known. */
typedef enum { MEMO_UNASKED = 0, MEMO_WORKING, MEMO_KNOWN } memo_state;

struct sum_structure {
    const table *t;
    char **folded;          /* per row: the label, case and spaces folded */
    char **name;            /* per total row: what it sums up; NULL for a bare "Summa" */
    size_t *section_of;     /* per total: the heading it closes, or NONE */
    size_t *closing;        /* per heading: the total that closes it, or NONE */
    size_t *running;        /* per total: the running subtotal it carries, or NONE */
    size_t *container;      /* per total: the first later total that holds it, or NONE */
    row_list *items, *top;  /* per total: what it sums; the outermost sums above it */
    memo_state *items_state, *top_state;
    int depth;
};

bool sums_is_section_row(const table *t, size_t r)
{
    for (size_t k = 0; k < t->n_columns; k++)
        if (t->rows[r].cells[k].text)
            return false;
    return true;
}

bool sums_is_plain_item(const table *t, size_t r)
{
    return t->rows[r].kind != ROW_NET && t->rows[r].measure == COLUMN_OTHER;
}

size_t sums_drop_parts(const table *t, size_t *items, size_t n)
{
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!t->rows[items[i]].part_of_above)
            items[kept++] = items[i];
    return kept;
}

static void push(row_list *l, size_t r)
{
    ARRAY_PUSH(l->rows, l->n, l->cap, r);
}

/* The name a total sums up: "Summa kortfristiga fordringar" ->
 * "kortfristiga fordringar"; NULL for a bare "Summa" or "Totalt". */
static char *total_name(const char *folded)
{
    static const char *const prefixes[] = {"summa ", "s:a ", "totalt ", "total "};
    const char *f = folded;
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (strncmp(f, prefixes[i], strlen(prefixes[i])) == 0) {
            f += strlen(prefixes[i]);
            break;
        }
    if (!*f || strcmp(f, "summa") == 0 || strcmp(f, "totalt") == 0 || strcmp(f, "total") == 0)
        return NULL;
    return xstrdup(f);
}

sum_structure *sums_new(const table *t)
{
    sum_structure *s = xcalloc(1, sizeof *s);
    size_t n = t->n_rows + 1;
    s->t = t;
    s->folded = xcalloc(n, sizeof *s->folded);
    s->name = xcalloc(n, sizeof *s->name);
    s->section_of = xmalloc(n * sizeof *s->section_of);
    s->closing = xmalloc(n * sizeof *s->closing);
    s->running = xmalloc(n * sizeof *s->running);
    s->container = xmalloc(n * sizeof *s->container);
    s->items = xcalloc(n, sizeof *s->items);
    s->top = xcalloc(n, sizeof *s->top);
    s->items_state = xcalloc(n, sizeof *s->items_state);
    s->top_state = xcalloc(n, sizeof *s->top_state);
    for (size_t r = 0; r < t->n_rows; r++) {
        s->folded[r] = utf8_casefold(t->rows[r].label);
        text_fold_space(s->folded[r]);
        s->name[r] = t->rows[r].kind == ROW_TOTAL ? total_name(s->folded[r]) : NULL;
        s->section_of[r] = s->closing[r] = s->running[r] = s->container[r] = UNKNOWN;
    }
    return s;
}

void sums_free(sum_structure *s)
{
    if (!s)
        return;
    for (size_t r = 0; r < s->t->n_rows; r++) {
        free(s->folded[r]);
        free(s->name[r]);
        free(s->items[r].rows);
        free(s->top[r].rows);
    }
    free(s->folded);
    free(s->name);
    free(s->section_of);
    free(s->closing);
    free(s->running);
    free(s->container);
    free(s->items);
    free(s->top);
    free(s->items_state);
    free(s->top_state);
    free(s);
}

static bool is_total(const sum_structure *s, size_t r)
{
    return s->t->rows[r].kind == ROW_TOTAL;
}

/* The heading a total closes ("Kortfristiga fordringar" for "Summa
 * kortfristiga fordringar"), or NONE. */
static size_t section_of(sum_structure *s, size_t total)
{
    if (s->section_of[total] != UNKNOWN)
        return s->section_of[total];
    size_t found = NONE;
    for (size_t r = total; s->name[total] && r-- > 0 && found == NONE;)
        if (sums_is_section_row(s->t, r) && strcmp(s->folded[r], s->name[total]) == 0)
            found = r;
    return s->section_of[total] = found;
}

/* The total that closes heading h: one named after it, or an unlabelled
 * sum right under its items; NONE. */
static size_t closing(sum_structure *s, size_t h)
{
    if (s->closing[h] != UNKNOWN)
        return s->closing[h];
    const table *t = s->t;
    size_t found = NONE;
    bool items_only = true;
    for (size_t r = h + 1; r < t->n_rows && found == NONE; r++) {
        if (!is_total(s, r)) {
            items_only = items_only && !sums_is_section_row(t, r);
            continue;
        }
        if ((s->name[r] && strcmp(s->name[r], s->folded[h]) == 0) ||
            (!t->rows[r].label[0] && items_only))
            found = r;
        items_only = false;
    }
    return s->closing[h] = found;
}

static size_t closing_before(sum_structure *s, size_t h, size_t limit)
{
    size_t c = closing(s, h);
    return c < limit ? c : NONE;
}

/* How many columns total r holds in as the sum of items (and of q, where
 * q is not NONE). */
static size_t columns_holding(const table *t, size_t r, const size_t *items, size_t n, size_t q)
{
    size_t holds = 0;
    for (size_t k = 0; k < t->n_columns; k++) {
        if (!check_cell_usable(t, r, k))
            continue;
        double sum = 0, tol = 0.5 * pow(10, -t->rows[r].cells[k].decimals);
        for (size_t i = 0; i <= n; i++) {
            size_t row = i < n ? items[i] : q;
            if (row == NONE || !check_cell_usable(t, row, k))
                continue;
            sum += t->rows[row].cells[k].value;
            tol += 0.5 * pow(10, -t->rows[row].cells[k].decimals);
        }
        holds += fabs(sum - t->rows[r].cells[k].value) <= tol + 1e-9 * fmax(1, fabs(sum));
    }
    return holds;
}

/* The plain items right above total r, bottom-up, back to a total or a
 * heading; *stop is the total the walk ends at (or the total right above
 * the heading it ends at: a sum may run on past a heading); false where a
 * row between is a relation, not an item. */
static bool plain_items_above(const sum_structure *s, size_t r, row_list *out, size_t *stop)
{
    const table *t = s->t;
    *stop = NONE;
    for (size_t q = r; q-- > 0;) {
        if (is_total(s, q)) {
            *stop = q;
            return true;
        }
        if (sums_is_section_row(t, q)) {
            if (q > 0 && is_total(s, q - 1) && table_row_has_value(t, q - 1))
                *stop = q - 1;
            return true;
        }
        if (!sums_is_plain_item(t, q))
            return false;
        push(out, q);
    }
    return true;
}

/* The running subtotal total r carries on ("Kassaflöde före förändring av
 * rörelsekapital" + the changes = "Kassaflöde från den löpande
 * verksamheten"): where the arithmetic holds in more columns with it than
 * without; NONE. */
static size_t running(sum_structure *s, size_t r)
{
    if (s->running[r] != UNKNOWN)
        return s->running[r];
    row_list items = {0};
    size_t stop;
    size_t found = NONE;
    if (plain_items_above(s, r, &items, &stop) && stop != NONE && items.n >= 1 &&
        columns_holding(s->t, r, items.rows, items.n, stop) >
            columns_holding(s->t, r, items.rows, items.n, NONE))
        found = stop;
    free(items.rows);
    return s->running[r] = found;
}

/* The first total after total r that holds it: one whose heading is
 * above r, a named total after an unlabelled one, or one that carries r
 * on; NONE. */
static size_t container(sum_structure *s, size_t r)
{
    if (s->container[r] != UNKNOWN)
        return s->container[r];
    const table *t = s->t;
    size_t found = NONE;
    for (size_t o = r + 1; o < t->n_rows && found == NONE; o++) {
        if (!is_total(s, o))
            continue;
        size_t h = section_of(s, o);
        if ((h != NONE && h < r) || (!t->rows[r].label[0] && t->rows[o].label[0]) ||
            running(s, o) == r)
            found = o;
    }
    return s->container[r] = found;
}

/* Where the innermost section still open at row `before` starts (its
 * heading is above it and the total that closes it below), or 0: a sum
 * inside "Skulder och eget kapital" adds nothing of the assets above. */
static size_t open_section(sum_structure *s, size_t before)
{
    for (size_t h = before; h-- > 0;) {
        if (!sums_is_section_row(s->t, h) || !s->t->rows[h].label[0])
            continue;
        size_t c = closing(s, h);
        if (c != NONE && c > before)
            return h + 1;
    }
    return 0;
}

static const row_list *top_level(sum_structure *s, size_t before);

/* A sum of sums that no heading opens ("Summa tillgångar" right under
 * "Summa omsättningstillgångar"). */
static bool is_grand_total(sum_structure *s, size_t g)
{
    return is_total(s, g) && g > 0 && is_total(s, g - 1) && section_of(s, g) == NONE;
}

/* Where the sums a sum of sums at `before` adds start: after the previous
 * sum of sums of two or more (a balance sheet's "Summa eget kapital och
 * skulder" adds nothing of "Summa tillgångar"), inside the open section. */
static size_t sums_start(sum_structure *s, size_t before)
{
    size_t start = open_section(s, before);
    for (size_t g = before; g-- > start;)
        if (is_grand_total(s, g) && top_level(s, g)->n >= 2)
            return g + 1;
    return start;
}

/* The totals above row `before` (from where its sums start) that no
 * other total above it holds. */
static const row_list *top_level(sum_structure *s, size_t before)
{
    row_list *l = &s->top[before];
    if (s->top_state[before] != MEMO_UNASKED || s->depth >= MAX_SUM_DEPTH)
        return l; /* done, or asked again while it is worked out: empty */
    s->top_state[before] = MEMO_WORKING;
    s->depth++;
    for (size_t r = sums_start(s, before); r < before; r++)
        if (is_total(s, r) && container(s, r) >= before)
            push(l, r);
    s->depth--;
    s->top_state[before] = MEMO_KNOWN;
    return l;
}

static const row_list *items_of(sum_structure *s, size_t total);

/* Children of a total that closes heading h: items, and for each
 * subsection its own total; a subtotal among them stands for the children
 * it sums ("Summa skulder" over two sections' totals). Empty where the
 * structure is unclear. */
static void section_children(sum_structure *s, size_t h, size_t total, row_list *out)
{
    const table *t = s->t;
    for (size_t r = h + 1; r < total;) {
        if (sums_is_section_row(t, r)) {
            size_t sub = closing_before(s, r, total);
            if (sub != NONE) {
                push(out, sub);
                r = sub + 1;
            } else {
                r++; /* a heading over plain items: they count themselves */
            }
            continue;
        }
        if (is_total(s, r) && out->n >= 2) {
            const row_list *own = items_of(s, r);
            bool suffix = own->n >= 2 && own->n <= out->n;
            for (size_t i = 0; i < own->n && suffix; i++) { /* own is bottom-up */
                bool in = false;
                for (size_t j = out->n - own->n; j < out->n && !in; j++)
                    in = out->rows[j] == own->rows[i];
                suffix = in;
            }
            if (suffix) {
                out->n -= own->n;
                push(out, r++);
                continue;
            }
        }
        if (is_total(s, r) || !sums_is_plain_item(t, r)) {
            out->n = 0;
            return;
        }
        push(out, r++);
    }
}

static const row_list *items_of(sum_structure *s, size_t total)
{
    row_list *l = &s->items[total];
    if (s->items_state[total] != MEMO_UNASKED || s->depth >= MAX_SUM_DEPTH)
        return l;
    s->items_state[total] = MEMO_WORKING;
    s->depth++;
    size_t h = section_of(s, total);
    if (h != NONE) {
        section_children(s, h, total, l);
    } else if (total > 0 && is_total(s, total - 1)) {
        const row_list *top = top_level(s, total);
        for (size_t i = 0; i < top->n; i++)
            push(l, top->rows[i]);
    } else {
        size_t stop;
        if (!plain_items_above(s, total, l, &stop))
            l->n = 0; /* a relation, not a list of items */
        else if (running(s, total) != NONE)
            push(l, running(s, total));
    }
    s->depth--;
    s->items_state[total] = MEMO_KNOWN;
    return l;
}

const size_t *sums_items(sum_structure *s, size_t r, size_t *n)
{
    if (r >= s->t->n_rows || !is_total(s, r)) {
        *n = 0;
        return NULL;
    }
    const row_list *l = items_of(s, r);
    *n = l->n;
    return l->rows;
}
