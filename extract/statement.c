/* statement.c: figures that the prose states about the accounts ("ett
 * överskott om 7,3 miljoner kronor"), found with the check.text patterns,
 * for the text checks. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "pattern.h"
#include "report.h"
#include "table.h"
#include "util.h"

enum { MAX_TEXT_PATTERNS = 32 };

typedef struct statement_state {
    const arsred_patterns *patterns;
} statement_state;

static void *statement_start(arsred_document *doc, const arsred_patterns *patterns)
{
    (void)doc;
    statement_state *st = xcalloc(1, sizeof *st);
    st->patterns = patterns;
    return st;
}

static char *group_text(const char *text, const pattern_match *m, const char *name)
{
    const pattern_group *g = pattern_match_group(m, name);
    return g && g->set ? xstrndup(text + g->start, g->end - g->start) : NULL;
}

static const char *unit_of(const char *words)
{
    char *folded = utf8_casefold(words);
    const char *unit = strstr(folded, "milj") || strcmp(folded, "mnkr") == 0 ||
                               strcmp(folded, "mkr") == 0
                           ? "mnkr"
                       : strstr(folded, "tusen") || strcmp(folded, "tkr") == 0 ? "tkr"
                                                                               : "kr";
    free(folded);
    return unit;
}

static char approx_of(const char *qualifier)
{
    if (!qualifier)
        return '=';
    char *folded = utf8_casefold(qualifier);
    char a = strncmp(folded, "dryg", 4) == 0                                   ? '>'
             : strncmp(folded, "knappt", 6) == 0 || strncmp(folded, "nästan", 7) == 0 ? '<'
                                                                                 : '~';
    free(folded);
    return a;
}

static int sign_of(const char *topic)
{
    char *folded = utf8_casefold(topic);
    int sign = strstr(folded, "över") || strstr(folded, "plus") || strstr(folded, "positiv") ? 1
               : strstr(folded, "under") || strstr(folded, "minus") || strstr(folded, "negativ")
                   ? -1
                   : 0;
    free(folded);
    return sign;
}

static void add_statement(arsred_document *doc, const pattern *p, const char *text,
                          const pattern_match *m, const layout_page *lp, const block *b)
{
    char *value = group_text(text, m, "value"), *unit = group_text(text, m, "unit");
    char *topic = group_text(text, m, "topic"), *approx = group_text(text, m, "approx");
    number n;
    if (value && unit && topic &&
        number_parse(value, strlen(value), &n) == NUMBER_AMOUNT) {
        statement s = {.text = xstrndup(text + m->start, m->end - m->start),
                       .topic = utf8_casefold(topic),
                       .sign = sign_of(topic),
                       .value = n.value,
                       .decimals = n.decimals,
                       .approx = approx_of(approx),
                       .page = lp->number,
                       .bbox = b->box,
                       .pattern = xstrdup(pattern_name(p))};
        snprintf(s.unit, sizeof s.unit, "%s", unit_of(unit));
        ARRAY_PUSH(doc->statements, doc->n_statements, doc->cap_statements, s);
    }
    free(value);
    free(unit);
    free(topic);
    free(approx);
}

/* The first sentence that says what unit the report's figures are in. */
static void find_default_unit(statement_state *st, const layout_page *lp, const block *b,
                              arsred_document *doc)
{
    const pattern *pats[4];
    size_t n = patterns_of_kind(st->patterns, "table.default-unit", pats, 4);
    for (size_t k = 0; k < n && k < 4 && !doc->default_unit; k++) {
        pattern_match m;
        if (pattern_exec(pats[k], b->text, strlen(b->text), 0, &m) != PATTERN_MATCHED)
            continue;
        char *words = group_text(b->text, &m, "unit");
        const char *unit = words ? table_unit_in(words, st->patterns) : NULL;
        if (unit && strcmp(unit, "%") != 0) {
            doc->default_unit = xstrdup(unit);
            doc->default_unit_page = lp->number;
        }
        free(words);
    }
}

static void push_measure(arsred_document *doc, const pattern *p, const char *text,
                         const pattern_match *m, const layout_page *lp, const block *b,
                         const char *value_group, const char *unit_group, column_kind measure,
                         int sign)
{
    char *value = group_text(text, m, value_group), *unit = group_text(text, m, unit_group);
    number n;
    if (value && unit && number_parse(value, strlen(value), &n) == NUMBER_AMOUNT) {
        statement s = {.text = xstrndup(text + m->start, m->end - m->start),
                       .topic = xstrdup(value_group),
                       .sign = sign,
                       .value = sign ? fabs(n.value) : n.value,
                       .decimals = n.decimals,
                       .approx = '=',
                       .measure = measure,
                       .page = lp->number,
                       .bbox = b->box,
                       .pattern = xstrdup(pattern_name(p))};
        snprintf(s.unit, sizeof s.unit, "%s", unit_of(unit));
        ARRAY_PUSH(doc->statements, doc->n_statements, doc->cap_statements, s);
    }
    free(value);
    free(unit);
}

/* "resultat … blev 2 778 tkr mot budgeterade -500 tkr, … en positiv
 * avvikelse med 3 278 tkr": the outcome, the budget and the deviation,
 * each to be checked against the result line of the table. */
static void add_outcome_budget(arsred_document *doc, const pattern *p, const char *text,
                               const pattern_match *m, const layout_page *lp, const block *b)
{
    push_measure(doc, p, text, m, lp, b, "value", "unit", COLUMN_ACTUAL, 0);
    push_measure(doc, p, text, m, lp, b, "budget", "budget_unit", COLUMN_BUDGET, 0);
    char *direction = group_text(text, m, "direction");
    if (direction)
        push_measure(doc, p, text, m, lp, b, "deviation", "deviation_unit", COLUMN_DEVIATION,
                     sign_of(direction));
    free(direction);
}

static void find_all(statement_state *st, const layout_page *lp, const block *b,
                     arsred_document *doc, const char *kind,
                     void (*add)(arsred_document *, const pattern *, const char *,
                                 const pattern_match *, const layout_page *, const block *))
{
    const pattern *pats[MAX_TEXT_PATTERNS];
    size_t n = patterns_of_kind(st->patterns, kind, pats, MAX_TEXT_PATTERNS);
    if (n > MAX_TEXT_PATTERNS)
        n = MAX_TEXT_PATTERNS;
    size_t len = strlen(b->text);
    for (size_t k = 0; k < n; k++) {
        size_t offset = 0;
        pattern_match m;
        int rc = PATTERN_NO_MATCH;
        while (offset < len &&
               (rc = pattern_exec(pats[k], b->text, len, offset, &m)) == PATTERN_MATCHED) {
            add(doc, pats[k], b->text, &m, lp, b);
            offset = m.end > offset ? m.end : offset + 1;
        }
        if (rc == PATTERN_LIMIT)
            report_warn_once(doc, "pattern-limit", lp->number,
                             "page %d: pattern %s stopped at its match limit; some "
                             "paragraphs were not searched with it",
                             lp->number, pattern_name(pats[k]));
    }
}

static void statement_page(void *state, layout_page *lp, arsred_document *doc)
{
    statement_state *st = state;
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        if (b->furniture || b->in_table)
            continue;
        if (!doc->default_unit)
            find_default_unit(st, lp, b, doc);
        find_all(st, lp, b, doc, "check.text.outcome-budget", add_outcome_budget);
        find_all(st, lp, b, doc, "check.text", add_statement);
    }
}

static void statement_finish(void *state, arsred_document *doc)
{
    (void)doc;
    free(state);
}

const recogniser statement_recogniser = {"statements", statement_start, statement_page,
                                         statement_finish};
