/* check_statements.c: the relations of the financial statements that run
 * between tables or across a row: the balance identity (Summa tillgångar
 * = Summa eget kapital och skulder, or in a ledger's credit signs, the
 * two adding up to the result not yet booked), opening balance + change
 * = closing balance (and this year's opening as last year's closing),
 * and a note's total against the statement line that
 * refers to it (several notes: their totals add up to it). Either sign:
 * notes print costs positive. The words are patterns (check.balance.*,
 * check.column.*, table.note-heading). */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "pattern.h"
#include "table.h"
#include "util.h"


static bool row_usable(const table *t, size_t r)
{
    for (size_t k = 0; k < t->n_columns; k++)
        if (check_cell_usable(t, r, k))
            return true;
    return false;
}

/* The last row of t at or after `from` whose label a pattern of kind
 * names and that holds a figure, or SIZE_MAX. */
static size_t row_named(const table *t, size_t from, const arsred_patterns *patterns,
                        const char *kind)
{
    size_t found = SIZE_MAX;
    for (size_t r = from; r < t->n_rows; r++)
        if (row_usable(t, r) && table_text_matches(patterns, kind, t->rows[r].label))
            found = r;
    return found;
}

/* The column of b that stands for column k of a: the same year and kind;
 * where b's columns have no heads at all (a page that repeats no header),
 * the same place among the columns that hold figures in the given rows. */
static size_t matching_column(const table *a, size_t ra, size_t k, const table *b, size_t rb)
{
    if (a == b)
        return k;
    for (size_t j = 0; j < b->n_columns; j++)
        if (a->columns[k].year && b->columns[j].year == a->columns[k].year &&
            b->columns[j].kind == a->columns[k].kind)
            return j;
    for (size_t j = 0; j < b->n_columns; j++) /* b's header was read: it is not a's */
        if (b->columns[j].year || (b->columns[j].label && b->columns[j].label[0]))
            return SIZE_MAX;
    size_t place_a = 0, n_a = 0, n_b = 0;
    for (size_t i = 0; i < a->n_columns; i++) {
        if (i == k)
            place_a = n_a;
        n_a += check_cell_usable(a, ra, i);
    }
    for (size_t j = 0; j < b->n_columns; j++)
        if (check_cell_usable(b, rb, j) && n_b++ == place_a)
            return n_a == 0 ? SIZE_MAX : j;
    return SIZE_MAX;
}

/* ----------------------------------------------------- balance identity */

/* Tables that may hold the rest of table ti's statement: itself, then
 * the next tables on its last page or the page after. */
static size_t next_part(const arsred_document *doc, size_t ti, size_t step)
{
    size_t tj = ti + step;
    if (tj >= doc->n_tables || doc->tables[tj].page > doc->tables[ti].last_page + 1)
        return SIZE_MAX;
    return tj;
}

enum { STATEMENT_PARTS = 3 };

static void balance_check(arsred_document *doc, size_t ti, size_t a, size_t k, size_t tj,
                          size_t c, size_t kk, size_t result)
{
    const table *ta = &doc->tables[ti], *tc = &doc->tables[tj];
    const table_cell *assets = &ta->rows[a].cells[k], *claims = &tc->rows[c].cells[kk];
    bool credit = assets->value * claims->value < 0; /* a ledger's signs */
    strbuf sb;
    strbuf_init(&sb);
    check *chk;
    if (credit && result != SIZE_MAX && check_cell_usable(tc, result, kk)) {
        chk = check_new(doc, RULE_SAME, tj, (long)result, (long)kk,
                        (cell_ref){tj, result, kk});
        check_add_term(chk, (cell_ref){ti, a, k}, 1);
        check_add_term(chk, (cell_ref){tj, c, kk}, 1);
        strbuf_addf(&sb, "%s + %s = %s (the balance identity, in credit signs)",
                    ta->rows[a].label, tc->rows[c].label, tc->rows[result].label);
    } else {
        chk = check_new(doc, RULE_SAME, tj, (long)c, (long)kk, (cell_ref){tj, c, kk});
        check_add_term(chk, (cell_ref){ti, a, k}, credit ? -1 : 1);
        strbuf_addf(&sb, "%s%s = %s (the balance identity)", credit ? "−" : "",
                    ta->rows[a].label, tc->rows[c].label);
    }
    chk->expr = strbuf_take(&sb);
    check_settle(doc, chk);
}

static void check_balance_identity(arsred_document *doc, const arsred_patterns *patterns,
                                   size_t ti)
{
    const table *ta = &doc->tables[ti];
    size_t a = row_named(ta, 0, patterns, "check.balance.assets");
    if (a == SIZE_MAX)
        return;
    size_t tj = SIZE_MAX, c = SIZE_MAX;
    for (size_t step = 0; step < STATEMENT_PARTS && c == SIZE_MAX; step++) {
        tj = next_part(doc, ti, step);
        if (tj == SIZE_MAX)
            break;
        c = row_named(&doc->tables[tj], tj == ti ? a + 1 : 0, patterns, "check.balance.claims");
    }
    if (c == SIZE_MAX) {
        report_unchecked(doc, RULE_SAME, UNCHECKED_STRUCTURE, ti, (long)a, -1, ta->page,
                         "the balance identity: no total of equity and liabilities was read "
                         "after the total of assets");
        return;
    }
    const table *tc = &doc->tables[tj];
    size_t result = row_named(tc, c + 1, patterns, "check.balance.result");
    for (size_t k = 0; k < ta->n_columns; k++) {
        if (!check_cell_usable(ta, a, k))
            continue;
        size_t kk = matching_column(ta, a, k, tc, c);
        if (kk != SIZE_MAX && check_cell_usable(tc, c, kk))
            balance_check(doc, ti, a, k, tj, c, kk, result);
    }
}

/* ------------------------------------------------- opening and closing */

static size_t column_named(const table *t, const arsred_patterns *patterns, const char *kind)
{
    for (size_t k = 0; k < t->n_columns; k++)
        if (table_text_matches(patterns, kind, t->columns[k].label))
            return k;
    return SIZE_MAX;
}

static void check_opening_closing(arsred_document *doc, const arsred_patterns *patterns,
                                  size_t ti)
{
    const table *t = &doc->tables[ti];
    size_t open = column_named(t, patterns, "check.column.opening");
    size_t change = column_named(t, patterns, "check.column.change");
    size_t close = column_named(t, patterns, "check.column.closing");
    if (open == SIZE_MAX || change == SIZE_MAX || close == SIZE_MAX)
        return;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (!check_cell_usable(t, r, open) || !check_cell_usable(t, r, change) ||
            !check_cell_usable(t, r, close))
            continue;
        check *c = check_new(doc, RULE_TOTAL, ti, (long)r, (long)close, (cell_ref){ti, r, close});
        check_add_term(c, (cell_ref){ti, r, open}, 1);
        check_add_term(c, (cell_ref){ti, r, change}, 1);
        strbuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "%s + %s = %s, %s", table_column_label(t, open), table_column_label(t, change),
                    table_column_label(t, close), t->rows[r].label[0] ? t->rows[r].label : "(sum)");
        c->expr = strbuf_take(&sb);
        check_settle(doc, c);
    }
}

/* What a balance row is the balance of: its label without the words of
 * opening or closing ("Likvida medel" of "Likvida medel vid årets slut"),
 * folded; NULL where nothing else is left. */
static char *balance_name(const char *label, const arsred_patterns *patterns, const char *kind)
{
    const pattern *pats[4];
    size_t n = patterns_of_kind(patterns, kind, pats, 4);
    for (size_t i = 0; i < n && i < 4; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], label, strlen(label), 0, &m) != PATTERN_MATCHED)
            continue;
        strbuf sb;
        strbuf_init(&sb);
        strbuf_add(&sb, label, m.start);
        strbuf_adds(&sb, " ");
        strbuf_adds(&sb, label + m.end);
        char *key = check_label_key(sb.data, patterns);
        strbuf_release(&sb);
        return key;
    }
    return NULL;
}

/* This year's opening balance is last year's closing balance: each
 * opening row against the closing row after it of the same thing, a year
 * earlier. */
static void check_carried_balances(arsred_document *doc, const arsred_patterns *patterns,
                                   size_t ti)
{
    const table *t = &doc->tables[ti];
    for (size_t o = 0; o < t->n_rows; o++) {
        if (!row_usable(t, o) || !table_text_matches(patterns, "check.row.opening", t->rows[o].label))
            continue;
        char *what = balance_name(t->rows[o].label, patterns, "check.row.opening");
        size_t c = SIZE_MAX;
        for (size_t r = o + 1; r < t->n_rows && c == SIZE_MAX; r++) {
            if (!row_usable(t, r) || !table_text_matches(patterns, "check.row.closing", t->rows[r].label))
                continue;
            char *other = balance_name(t->rows[r].label, patterns, "check.row.closing");
            if ((!what && !other) || (what && other && check_keys_agree(what, other)))
                c = r;
            free(other);
        }
        free(what);
        if (c == SIZE_MAX)
            continue;
        for (size_t k = 0; k < t->n_columns; k++) {
            const table_column *now = &t->columns[k];
            if (!now->year || !check_cell_usable(t, o, k))
                continue;
            for (size_t j = 0; j < t->n_columns; j++) {
                const table_column *before = &t->columns[j];
                if (before->year != now->year - 1 || before->kind != now->kind ||
                    !check_cell_usable(t, c, j))
                    continue;
                check *chk = check_new(doc, RULE_SAME, ti, (long)o, (long)k, (cell_ref){ti, o, k});
                check_add_term(chk, (cell_ref){ti, c, j}, 1);
                strbuf sb;
                strbuf_init(&sb);
                strbuf_addf(&sb, "%s, %s = %s, %s (the year before's closing balance)",
                            t->rows[c].label, table_column_label(t, j), t->rows[o].label,
                            table_column_label(t, k));
                chk->expr = strbuf_take(&sb);
                check_settle(doc, chk);
                break;
            }
        }
    }
}

/* ----------------------------------------------------------- notes */

/* The note number a table's title gives ("NOT 4, FASTIGHETSSKÖTSEL"), or 0. */
static int note_number(const table *t, const arsred_patterns *patterns)
{
    if (!t->title)
        return 0;
    const pattern *pats[4];
    size_t n = patterns_of_kind(patterns, "table.note-heading", pats, 4);
    for (size_t i = 0; i < n && i < 4; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], t->title, strlen(t->title), 0, &m) != PATTERN_MATCHED)
            continue;
        const pattern_group *g = pattern_match_group(&m, "number");
        if (g && g->set)
            return atoi(t->title + g->start);
    }
    return 0;
}

/* The table of note `number`, the first after table `after`, else any. */
static size_t note_table(const arsred_document *doc, const int *numbers, int number, size_t after)
{
    size_t any = SIZE_MAX;
    for (size_t i = 0; i < doc->n_tables; i++)
        if (numbers[i] == number) {
            if (i > after)
                return i;
            if (any == SIZE_MAX)
                any = i;
        }
    return any;
}

/* A note's own total: its last total row, else its last row with
 * figures (choose_note_row looks at the ends of its other blocks too). */
static size_t note_total(const table *t)
{
    size_t total = SIZE_MAX, last = SIZE_MAX;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (!row_usable(t, r))
            continue;
        last = r;
        if (t->rows[r].kind == ROW_TOTAL)
            total = r;
    }
    return total != SIZE_MAX ? total : last;
}

enum { MAX_NOTES_PER_LINE = 8 };

/* The note numbers of a reference ("4, 5, 6", "4-8"). */
static size_t parse_refs(const char *refs, int *out)
{
    size_t n = 0;
    for (const char *p = refs; *p && n < MAX_NOTES_PER_LINE;) {
        if (*p < '0' || *p > '9') {
            p++;
            continue;
        }
        char *end;
        long a = strtol(p, &end, 10), b = a; /* a note number, not a figure */
        if (a > INT_MAX)
            a = b = INT_MAX;
        const char *q = end;
        while (*q == ' ')
            q++;
        if ((*q == '-' || strncmp(q, "\xe2\x80\x93", 3) == 0)) {
            q += *q == '-' ? 1 : 3;
            while (*q == ' ')
                q++;
            if (*q >= '0' && *q <= '9')
                b = strtol(q, &end, 10);
            if (b > INT_MAX)
                b = INT_MAX;
        }
        for (long v = a; v <= b && n < MAX_NOTES_PER_LINE && b - a < MAX_NOTES_PER_LINE; v++)
            out[n++] = (int)v;
        p = end;
    }
    return n;
}

/* The line against the notes' totals in column k, with sign; whether it
 * holds within rounding. */
static bool note_sum_holds(const arsred_document *doc, cell_ref at, const cell_ref *totals,
                           size_t n, double factor, int sign)
{
    const table_cell *l = &doc->tables[at.table].rows[at.row].cells[at.column];
    double sum = 0, tol = 0.5 * pow(10, -l->decimals);
    for (size_t i = 0; i < n; i++) {
        const table_cell *c = &doc->tables[totals[i].table].rows[totals[i].row].cells[totals[i].column];
        sum += c->value * factor;
        tol += factor * 0.5 * pow(10, -c->decimals);
    }
    return l->value != 0 && fabs(l->value - sign * sum) <= tol + 1e-9 * fmax(1, fabs(l->value));
}

typedef struct note_link {
    size_t tables[MAX_NOTES_PER_LINE], totals[MAX_NOTES_PER_LINE];
    size_t n;
    double factor;         /* a note's figures × factor = the line's */
} note_link;

/* The notes a line refers to and their totals; false (said as not
 * checked) where a note or its total is not found. */
static bool link_notes(arsred_document *doc, size_t ti, size_t r, const int *numbers,
                       note_link *link)
{
    const table *t = &doc->tables[ti];
    int refs[MAX_NOTES_PER_LINE];
    size_t n = parse_refs(t->rows[r].note_ref, refs);
    link->n = 0;
    for (size_t i = 0; i < n; i++) {
        size_t nt = note_table(doc, numbers, refs[i], ti);
        size_t total = nt == SIZE_MAX ? SIZE_MAX : note_total(&doc->tables[nt]);
        if (nt == SIZE_MAX || nt == ti)
            return false; /* a note not read as a table: nothing to compare */
        if (total == SIZE_MAX) {
            strbuf sb;
            strbuf_init(&sb);
            strbuf_addf(&sb, "%s against note %d: the note's total was not found",
                        t->rows[r].label, refs[i]);
            report_unchecked(doc, RULE_SAME, UNCHECKED_STRUCTURE, ti, (long)r, -1,
                             t->rows[r].page, sb.data);
            strbuf_release(&sb);
            return false;
        }
        link->tables[link->n] = nt;
        link->totals[link->n++] = total;
    }
    double ul = check_unit_factor(t->unit_effective);
    double un = check_unit_factor(doc->tables[link->tables[0]].unit_effective);
    link->factor = ul && un ? un / ul : 1;
    return link->n > 0;
}

enum { MAX_COLUMNS_COMPARED = 64 };

/* The columns of line r that its notes' totals stand beside, and in how
 * many the sum agrees with each sign (agree[0] +, agree[1] −). */
static size_t link_agreement(const arsred_document *doc, size_t ti, size_t r,
                             const note_link *link, size_t *ks, size_t agree[2])
{
    const table *t = &doc->tables[ti];
    cell_ref totals[MAX_NOTES_PER_LINE];
    size_t n_ks = 0;
    agree[0] = agree[1] = 0;
    for (size_t k = 0; k < t->n_columns && n_ks < MAX_COLUMNS_COMPARED; k++) {
        if (!check_cell_usable(t, r, k))
            continue;
        bool all = true;
        for (size_t i = 0; i < link->n && all; i++) {
            const table *nt = &doc->tables[link->tables[i]];
            size_t kk = matching_column(t, r, k, nt, link->totals[i]);
            all = kk != SIZE_MAX && check_cell_usable(nt, link->totals[i], kk);
        }
        if (!all)
            continue;
        ks[n_ks++] = k;
        for (size_t i = 0; i < link->n; i++)
            totals[i] = (cell_ref){link->tables[i], link->totals[i],
                                   matching_column(t, r, k, &doc->tables[link->tables[i]],
                                                   link->totals[i])};
        for (int s = 0; s < 2; s++)
            agree[s] += note_sum_holds(doc, (cell_ref){ti, r, k}, totals, link->n, link->factor,
                                       s ? -1 : 1);
    }
    return n_ks;
}

/* Whether row r of a note ends a block of it: the last with figures
 * before a heading, or of the note. */
static bool ends_block(const table *t, size_t r)
{
    if (!row_usable(t, r))
        return false;
    for (size_t next = r + 1; next < t->n_rows; next++) {
        if (row_usable(t, next))
            return t->rows[r].kind == ROW_TOTAL;
        return true; /* a heading follows */
    }
    return true;
}

/* A note of one line: which of its rows the line is, of the note's
 * total and the ends of its blocks ("Redovisat värde" before its
 * "Taxeringsvärden"): the one that agrees in the most years. */
static void choose_note_row(const arsred_document *doc, size_t ti, size_t r, note_link *link)
{
    const table *nt = &doc->tables[link->tables[0]];
    size_t best = link->totals[0], best_agree = 0, ks[MAX_COLUMNS_COMPARED], agree[2];
    if (link_agreement(doc, ti, r, link, ks, agree))
        best_agree = agree[0] > agree[1] ? agree[0] : agree[1];
    for (size_t q = 0; q < nt->n_rows; q++) {
        if (q == link->totals[0] || !ends_block(nt, q))
            continue;
        note_link other = *link;
        other.totals[0] = q;
        if (!link_agreement(doc, ti, r, &other, ks, agree))
            continue;
        size_t a = agree[0] > agree[1] ? agree[0] : agree[1];
        if (a > best_agree) {
            best_agree = a;
            best = q;
        }
    }
    link->totals[0] = best;
}

static void check_note_line(arsred_document *doc, size_t ti, size_t r, note_link *link)
{
    const table *t = &doc->tables[ti];
    size_t ks[MAX_COLUMNS_COMPARED], agree[2];
    if (link->n == 1)
        choose_note_row(doc, ti, r, link);
    size_t n_ks = link_agreement(doc, ti, r, link, ks, agree);
    if (n_ks == 0) {
        strbuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "%s against its note%s: the note's columns are not the line's years",
                    t->rows[r].label, link->n > 1 ? "s" : "");
        report_unchecked(doc, link->n > 1 ? RULE_ROLLUP : RULE_SAME, UNCHECKED_STRUCTURE, ti,
                         (long)r, -1, t->rows[r].page, sb.data);
        strbuf_release(&sb);
        return;
    }
    if (agree[0] == 0 && agree[1] == 0) {
        strbuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "%s against its note%s: no year agrees, so the note's total is "
                         "probably not the line's", t->rows[r].label, link->n > 1 ? "s" : "");
        report_unchecked(doc, link->n > 1 ? RULE_ROLLUP : RULE_SAME, UNCHECKED_STRUCTURE, ti,
                         (long)r, -1, t->rows[r].page, sb.data);
        strbuf_release(&sb);
        return;
    }
    int sign = agree[1] > agree[0] ? -1 : 1;
    for (size_t j = 0; j < n_ks; j++) {
        size_t k = ks[j];
        check *c = check_new(doc, link->n > 1 ? RULE_ROLLUP : RULE_SAME, ti, (long)r, (long)k,
                             (cell_ref){ti, r, k});
        strbuf sb;
        strbuf_init(&sb);
        for (size_t i = 0; i < link->n; i++) {
            const table *nt = &doc->tables[link->tables[i]];
            size_t kk = matching_column(t, r, k, nt, link->totals[i]);
            check_add_term(c, (cell_ref){link->tables[i], link->totals[i], kk},
                           sign * link->factor);
            strbuf_addf(&sb, "%s%s%s", i ? (sign < 0 ? " − " : " + ") : (sign < 0 ? "−" : ""),
                        table_name(nt), "");
        }
        strbuf_addf(&sb, " = %s, %s, %s (the line's note%s)", table_name(t), t->rows[r].label,
                    table_column_label(t, k), link->n > 1 ? "s" : "");
        c->expr = strbuf_take(&sb);
        check_settle(doc, c);
    }
}

/* The words of a note's title after its number ("Övriga externa
 * kostnader" of "Not 3 Övriga externa kostnader"), folded, or NULL. */
static char *note_name_key(const table *t, const arsred_patterns *patterns)
{
    const pattern *pats[4];
    size_t n = patterns_of_kind(patterns, "table.note-heading", pats, 4);
    for (size_t i = 0; i < n && i < 4 && t->title; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], t->title, strlen(t->title), 0, &m) != PATTERN_MATCHED)
            continue;
        const pattern_group *g = pattern_match_group(&m, "name");
        if (!g || !g->set)
            return NULL;
        char *name = xstrndup(t->title + g->start, g->end - g->start);
        char *key = check_label_key(name, patterns);
        free(name);
        return key;
    }
    return NULL;
}

/* A note no line refers to by number is the note of the statement line
 * its title names (a statement printed without a note column). */
static void link_by_title(arsred_document *doc, const arsred_patterns *patterns,
                          const int *numbers, const bool *referenced)
{
    for (size_t ni = 0; ni < doc->n_tables; ni++) {
        if (!numbers[ni] || referenced[ni])
            continue;
        size_t total = note_total(&doc->tables[ni]);
        char *key = total == SIZE_MAX ? NULL : note_name_key(&doc->tables[ni], patterns);
        size_t found_t = SIZE_MAX, found_r = SIZE_MAX, matches = 0;
        for (size_t ti = 0; key && ti < doc->n_tables; ti++) {
            const table *t = &doc->tables[ti];
            if (numbers[ti] || !table_text_matches(patterns, "table.statement", t->title) ||
                table_text_matches(patterns, "table.key-figures", t->title))
                continue; /* a statement's line, not an overview's figure of the same name */
            for (size_t r = 0; r < t->n_rows; r++) {
                char *rk = row_usable(t, r) ? check_label_key(t->rows[r].label, patterns) : NULL;
                if (rk && check_keys_agree(rk, key) && matches++ == 0) {
                    found_t = ti;
                    found_r = r;
                }
                free(rk);
            }
        }
        free(key);
        if (matches != 1)
            continue; /* no line, or several, of that name */
        note_link link = {.tables = {ni}, .totals = {total}, .n = 1};
        double ul = check_unit_factor(doc->tables[found_t].unit_effective);
        double un = check_unit_factor(doc->tables[ni].unit_effective);
        link.factor = ul && un ? un / ul : 1;
        check_note_line(doc, found_t, found_r, &link);
    }
}

/* The lines of one table that all refer to the one note nt alone, or 0
 * where fewer than two do. */
static size_t lines_of_note(const arsred_document *doc, const int *numbers, size_t ti,
                            size_t nt, size_t *rows)
{
    const table *t = &doc->tables[ti];
    size_t n = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        int refs[MAX_NOTES_PER_LINE];
        if (!t->rows[r].note_ref || !row_usable(t, r) || parse_refs(t->rows[r].note_ref, refs) != 1)
            continue;
        if (note_table(doc, numbers, refs[0], ti) == nt)
            rows[n++] = r;
    }
    return n >= 2 ? n : 0;
}

/* Where two or more lines refer to one note (Fastighetslån and Övriga
 * skulder till kreditinstitut to "Not 6 Fastighetslån"), the note's total
 * (or the end of one of its blocks) is their sum, in the years it agrees
 * in one; false where no year agrees. */
static bool check_lines_sum(arsred_document *doc, size_t ti, const size_t *rows, size_t n,
                            size_t nt)
{
    const table *t = &doc->tables[ti], *note = &doc->tables[nt];
    double ul = check_unit_factor(t->unit_effective), un = check_unit_factor(note->unit_effective);
    double factor = ul && un ? ul / un : 1; /* a line's figures × factor in the note's unit */
    size_t best_q = SIZE_MAX, best_agree = 0;
    int best_sign = 1;
    for (size_t q = 0; q < note->n_rows; q++) {
        if (!ends_block(note, q))
            continue;
        for (int sign = 1; sign >= -1; sign -= 2) {
            size_t agree = 0;
            for (size_t k = 0; k < t->n_columns; k++) {
                size_t kk = matching_column(t, rows[0], k, note, q);
                if (kk == SIZE_MAX || !check_cell_usable(note, q, kk))
                    continue;
                double sum = 0, tol = 0.5 * pow(10, -note->rows[q].cells[kk].decimals);
                bool all = true;
                for (size_t i = 0; i < n && all; i++) {
                    all = check_cell_usable(t, rows[i], k);
                    if (all) {
                        sum += t->rows[rows[i]].cells[k].value * factor;
                        tol += factor * 0.5 * pow(10, -t->rows[rows[i]].cells[k].decimals);
                    }
                }
                double v = note->rows[q].cells[kk].value;
                agree += all && v != 0 && fabs(v - sign * sum) <= tol + 1e-9 * fmax(1, fabs(v));
            }
            if (agree > best_agree) {
                best_agree = agree;
                best_q = q;
                best_sign = sign;
            }
        }
    }
    if (best_q == SIZE_MAX)
        return false;
    for (size_t k = 0; k < t->n_columns; k++) {
        size_t kk = matching_column(t, rows[0], k, note, best_q);
        bool all = kk != SIZE_MAX && check_cell_usable(note, best_q, kk);
        for (size_t i = 0; i < n && all; i++)
            all = check_cell_usable(t, rows[i], k);
        if (!all)
            continue;
        check *c = check_new(doc, RULE_ROLLUP, nt, (long)best_q, (long)kk,
                             (cell_ref){nt, best_q, kk});
        strbuf sb;
        strbuf_init(&sb);
        for (size_t i = 0; i < n; i++) {
            check_add_term(c, (cell_ref){ti, rows[i], k}, best_sign * factor);
            strbuf_addf(&sb, "%s%s", i ? (best_sign < 0 ? " − " : " + ") : (best_sign < 0 ? "−" : ""),
                        t->rows[rows[i]].label);
        }
        strbuf_addf(&sb, " = %s, %s, %s (the lines that refer to the note)", table_name(note),
                    note->rows[best_q].label[0] ? note->rows[best_q].label : "(sum)",
                    table_column_label(note, kk));
        c->expr = strbuf_take(&sb);
        check_settle(doc, c);
    }
    return true;
}

static void check_note_lines(arsred_document *doc, const arsred_patterns *patterns)
{
    int *numbers = xcalloc(doc->n_tables + 1, sizeof *numbers);
    bool *referenced = xcalloc(doc->n_tables + 1, sizeof *referenced);
    for (size_t i = 0; i < doc->n_tables; i++)
        numbers[i] = note_number(&doc->tables[i], patterns);
    for (size_t ti = 0; ti < doc->n_tables; ti++) {
        if (numbers[ti])
            continue; /* a note's own lines refer to no notes */
        const table *t = &doc->tables[ti];
        bool *summed = xcalloc(t->n_rows + 1, sizeof *summed);
        size_t *rows = xmalloc((t->n_rows + 1) * sizeof *rows);
        for (size_t r = 0; r < t->n_rows; r++) {
            note_link link;
            if (!t->rows[r].note_ref || !row_usable(t, r) || summed[r])
                continue;
            int refs[MAX_NOTES_PER_LINE];
            size_t n = parse_refs(t->rows[r].note_ref, refs);
            for (size_t i = 0; i < n; i++) {
                size_t nt = note_table(doc, numbers, refs[i], ti);
                if (nt != SIZE_MAX)
                    referenced[nt] = true;
            }
            size_t nt = n == 1 ? note_table(doc, numbers, refs[0], ti) : SIZE_MAX;
            size_t m = nt == SIZE_MAX ? 0 : lines_of_note(doc, numbers, ti, nt, rows);
            if (m && check_lines_sum(doc, ti, rows, m, nt)) {
                for (size_t i = 0; i < m; i++)
                    summed[rows[i]] = true;
                continue;
            }
            if (link_notes(doc, ti, r, numbers, &link))
                check_note_line(doc, ti, r, &link);
        }
        free(rows);
        free(summed);
    }
    link_by_title(doc, patterns, numbers, referenced);
    free(referenced);
    free(numbers);
}

void check_statements(arsred_document *doc, const arsred_patterns *patterns)
{
    size_t n = doc->n_tables;
    for (size_t ti = 0; ti < n; ti++) {
        check_balance_identity(doc, patterns, ti);
        check_opening_closing(doc, patterns, ti);
        check_carried_balances(doc, patterns, ti);
    }
    check_note_lines(doc, patterns);
}
