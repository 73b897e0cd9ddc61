/* check_text.c: the checks for people (arsred check): one line per
 * mismatch, most serious first, the suspect cells, a count at the end. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "util.h"

/* A figure the Swedish way: "-40 529", "16,658" (up to three decimals). */
static void add_number(strbuf *sb, double v)
{
    char digits[64];
    /* a nudge so that 0,0525 from arithmetic and from JSON print alike */
    snprintf(digits, sizeof digits, "%.3f", fabs(v) + 1e-9);
    char *dot = strchr(digits, '.');
    char *end = digits + strlen(digits);
    while (end > dot + 1 && end[-1] == '0')
        end--;
    if (end == dot + 1)
        end = dot;
    *end = '\0';
    if (v < 0 && strcmp(digits, "0") != 0)
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

static const char *rule_word(check_rule r)
{
    static const char *const words[] = {"row.net", "column.deviation", "rollup", "total",
                                        "same", "unit", "text"};
    return words[r];
}

static void add_place(strbuf *sb, const arsred_document *doc, const check *c)
{
    const table *t = &doc->tables[c->table];
    strbuf_addf(sb, "p. %-3d %s (%s)", c->page, t->title ? t->title : "untitled table", t->id);
    if (c->row >= 0 && (size_t)c->row < t->n_rows)
        strbuf_addf(sb, ", %s", t->rows[c->row].label[0] ? t->rows[c->row].label : "(sum)");
    if (c->column >= 0 && (size_t)c->column < t->n_columns)
        strbuf_addf(sb, ", %s", t->columns[c->column].label);
}

static void add_check_line(strbuf *sb, const arsred_document *doc, const check *c)
{
    static const char *const results[] = {"ok", "rounding", "MISMATCH"};
    strbuf_addf(sb, "%-9s %-17s ", c->rule == RULE_UNIT ? "UNIT" : results[c->result],
                rule_word(c->rule));
    add_place(sb, doc, c);
    strbuf_addf(sb, ": %s", c->expr ? c->expr : "");
    if (c->rule == RULE_UNIT) {
        if (c->message)
            strbuf_addf(sb, " (%s)", c->message);
        strbuf_addc(sb, '\n');
        return;
    }
    strbuf_adds(sb, "; expected ");
    add_number(sb, c->expected);
    strbuf_adds(sb, ", found ");
    add_number(sb, c->found);
    strbuf_adds(sb, ", difference ");
    add_number(sb, c->difference);
    strbuf_adds(sb, ", tolerance ");
    add_number(sb, c->tolerance);
    if (c->message && c->rule == RULE_TEXT)
        strbuf_addf(sb, " (%s)", c->message);
    strbuf_addc(sb, '\n');
}

/* Unit problems first, then mismatches by how far beyond their tolerance. */
static double seriousness(const check *c)
{
    if (c->rule == RULE_UNIT)
        return INFINITY;
    return fabs(c->difference) / (c->tolerance > 0 ? c->tolerance : 1);
}

static const arsred_document *sort_doc;

static int compare_seriousness(const void *a, const void *b)
{
    const check *x = &sort_doc->checks[*(const size_t *)a];
    const check *y = &sort_doc->checks[*(const size_t *)b];
    double sx = seriousness(x), sy = seriousness(y);
    return sx > sy ? -1 : sx < sy;
}

static bool same_cell(cell_ref a, cell_ref b)
{
    return a.table == b.table && a.row == b.row && a.column == b.column;
}

static void add_suspects(strbuf *sb, const arsred_document *doc, size_t *n_suspects)
{
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (!c->has_suspect)
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = doc->checks[j].has_suspect && same_cell(doc->checks[j].suspect, c->suspect);
        if (seen)
            continue;
        const table *t = &doc->tables[c->suspect.table];
        strbuf_addf(sb, "%-9s %-17s p. %-3d %s (%s), %s, %s: printed ", "SUSPECT", "cell", t->page,
                    t->title ? t->title : "untitled table", t->id,
                    t->rows[c->suspect.row].label, t->columns[c->suspect.column].label);
        add_number(sb, c->suspect_found);
        strbuf_adds(sb, "; ");
        add_number(sb, c->suggested);
        strbuf_addf(sb, " would make %d failing checks hold\n", c->explains);
        (*n_suspects)++;
    }
}

char *arsred_document_checks_text(const arsred_document *doc, int all, size_t *mismatches)
{
    strbuf sb;
    strbuf_init(&sb);
    size_t *order = xmalloc((doc->n_checks + 1) * sizeof *order);
    size_t n = 0, counts[3] = {0};
    for (size_t i = 0; i < doc->n_checks; i++) {
        counts[doc->checks[i].result]++;
        if (doc->checks[i].result == CHECK_MISMATCH)
            order[n++] = i;
    }
    sort_doc = doc;
    sort_array(order, n, sizeof *order, compare_seriousness);
    for (size_t i = 0; i < n; i++)
        add_check_line(&sb, doc, &doc->checks[order[i]]);
    size_t n_suspects = 0;
    add_suspects(&sb, doc, &n_suspects);
    if (all)
        for (size_t i = 0; i < doc->n_checks; i++)
            if (doc->checks[i].result != CHECK_MISMATCH)
                add_check_line(&sb, doc, &doc->checks[i]);
    for (size_t i = 0; i < doc->n_warnings; i++)
        if (strcmp(doc->warnings[i].code, "check-undecided") == 0 ||
            strcmp(doc->warnings[i].code, "text-unmatched") == 0)
            strbuf_addf(&sb, "%-9s %-17s %s\n", "NOTE", doc->warnings[i].code,
                        doc->warnings[i].message);
    strbuf_addf(&sb, "checks: %zu made: %zu ok, %zu within rounding, %zu mismatch%s; %zu suspect cell%s\n",
                doc->n_checks, counts[CHECK_OK], counts[CHECK_ROUNDING], counts[CHECK_MISMATCH],
                counts[CHECK_MISMATCH] == 1 ? "" : "es", n_suspects, n_suspects == 1 ? "" : "s");
    free(order);
    *mismatches = counts[CHECK_MISMATCH];
    return strbuf_take(&sb);
}
