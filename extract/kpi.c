/* kpi.c: key figures (nyckeltal) from prose, from series of places and
 * from KPI tables (years as columns), through the kpi.* patterns. A goal's
 * targets are the goal's (goals.c), not KPIs. */
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "pattern.h"
#include "report.h"
#include "text.h"
#include "util.h"

enum { MAX_KPI_PATTERNS = 64 };

typedef struct kpi_state {
    const arsred_patterns *patterns;
} kpi_state;

static void *kpi_start(arsred_document *doc, const arsred_patterns *patterns)
{
    (void)doc;
    kpi_state *st = xcalloc(1, sizeof *st);
    st->patterns = patterns;
    return st;
}

static char *group_text(const char *text, const pattern_match *m, const char *name)
{
    const pattern_group *g = pattern_match_group(m, name);
    if (!g || !g->set || g->end <= g->start)
        return NULL;
    char *s = xstrndup(text + g->start, g->end - g->start);
    text_fold_space(s);
    return s;
}

/* A figure as the parser reads it; false where it is no amount. */
static bool figure(const char *text, double *value, int *decimals)
{
    number n;
    if (!text)
        return false;
    number_kind k = number_parse(text, strlen(text), &n);
    if (k != NUMBER_AMOUNT && k != NUMBER_PERCENT && k != NUMBER_YEAR)
        return false;
    *value = n.value;
    *decimals = n.decimals;
    return true;
}

static char *normal_unit(char *unit)
{
    if (unit && strcmp(unit, "procent") == 0) {
        free(unit);
        return xstrdup("%");
    }
    return unit;
}

static bool already_found(const arsred_document *doc, const kpi *k)
{
    for (size_t i = 0; i < doc->n_kpis; i++) {
        const kpi *o = &doc->kpis[i];
        if (o->page == k->page && o->value == k->value && strcmp(o->name, k->name) == 0 &&
            ((o->qualifier == NULL) == (k->qualifier == NULL)) &&
            (!o->qualifier || strcmp(o->qualifier, k->qualifier) == 0))
            return true;
    }
    return false;
}

/* Adds a KPI from a match (groups name, value, previous, unit, qualifier,
 * year); name_prefix (or NULL) goes before the name. Takes nothing. */
static void add_from_match(arsred_document *doc, const pattern *p, const char *text,
                           const pattern_match *m, const char *name_prefix, int page, box bbox)
{
    char *value = group_text(text, m, "value"), *name = group_text(text, m, "name");
    kpi k = {.page = page, .bbox = bbox};
    if (!figure(value, &k.value, &k.decimals) || (!name && !name_prefix)) {
        free(value);
        free(name);
        return;
    }
    free(value);
    char *previous = group_text(text, m, "previous");
    int prev_decimals;
    k.has_previous = figure(previous, &k.previous, &prev_decimals);
    free(previous);
    if (name_prefix) {
        strbuf sb;
        strbuf_init(&sb);
        strbuf_adds(&sb, name_prefix);
        if (name)
            strbuf_addf(&sb, ", %s", name);
        free(name);
        name = strbuf_take(&sb);
    }
    k.name = name;
    k.unit = normal_unit(group_text(text, m, "unit"));
    k.qualifier = group_text(text, m, "qualifier");
    char *year = group_text(text, m, "year");
    k.year = year ? atoi(year) : 0;
    free(year);
    k.text = xstrndup(text + m->start, m->end - m->start);
    text_fold_space(k.text);
    k.pattern = xstrdup(pattern_name(p));
    if (already_found(doc, &k)) {
        free(k.name);
        free(k.unit);
        free(k.qualifier);
        free(k.text);
        free(k.pattern);
        return;
    }
    ARRAY_PUSH(doc->kpis, doc->n_kpis, doc->cap_kpis, k);
}

/* Where a match's value stands in the text: two patterns that find the
 * same figure give one KPI (the first pattern's). */
static size_t value_offset(const pattern_match *m)
{
    const pattern_group *g = pattern_match_group(m, "value");
    return g && g->set ? g->start : m->start;
}

/* Every match of every pattern of kind in text[from, to). */
static void each_match(kpi_state *st, arsred_document *doc, const char *kind, const char *text,
                       size_t from, size_t to, const char *name_prefix, int page, box bbox)
{
    const pattern *pats[MAX_KPI_PATTERNS];
    size_t n = patterns_of_kind(st->patterns, kind, pats, MAX_KPI_PATTERNS);
    size_t *taken = NULL, n_taken = 0, cap_taken = 0;
    for (size_t i = 0; i < n && i < MAX_KPI_PATTERNS; i++) {
        size_t offset = from;
        pattern_match m;
        int rc = PATTERN_NO_MATCH;
        while (offset < to && (rc = pattern_exec(pats[i], text, to, offset, &m)) == PATTERN_MATCHED) {
            size_t at = value_offset(&m);
            bool seen = false;
            for (size_t t = 0; t < n_taken && !seen; t++)
                seen = taken[t] == at;
            if (!seen) {
                ARRAY_PUSH(taken, n_taken, cap_taken, at);
                add_from_match(doc, pats[i], text, &m, name_prefix, page, bbox);
            }
            offset = m.end > offset ? m.end : offset + 1;
        }
        if (rc == PATTERN_LIMIT)
            report_warn_once(doc, "pattern-limit", page,
                        "page %d: pattern %s stopped at its match limit; some paragraphs were "
                        "not searched with it",
                        page, pattern_name(pats[i]));
    }
    free(taken);
}

/* A series: its name, then groups ("A) Hushåll:"), each with a value per
 * place; one KPI per place and group, the place as qualifier. */
static void read_series(kpi_state *st, arsred_document *doc, const char *text, int page, box bbox)
{
    const pattern *name_p[4], *group_p[4];
    if (!patterns_of_kind(st->patterns, "kpi.series-name", name_p, 4) ||
        !patterns_of_kind(st->patterns, "kpi.series-group", group_p, 4))
        return;
    size_t len = strlen(text);
    pattern_match nm;
    if (pattern_exec(name_p[0], text, len, 0, &nm) != PATTERN_MATCHED)
        return;
    char *name = group_text(text, &nm, "name");
    size_t offset = nm.end - 1;
    pattern_match gm, next;
    bool have = pattern_exec(group_p[0], text, len, offset, &gm) == PATTERN_MATCHED;
    while (have) {
        have = pattern_exec(group_p[0], text, len, gm.end, &next) == PATTERN_MATCHED;
        size_t end = have ? next.start : len;
        char *group = group_text(text, &gm, "group");
        strbuf prefix;
        strbuf_init(&prefix);
        strbuf_addf(&prefix, "%s, %s", name, group ? group : "");
        each_match(st, doc, "kpi.series-entry", text, gm.end, end, prefix.data, page, bbox);
        strbuf_release(&prefix);
        free(group);
        gm = next;
    }
    free(name);
}

static void kpi_page(void *state, layout_page *lp, arsred_document *doc)
{
    kpi_state *st = state;
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        if (b->furniture || b->in_table)
            continue;
        each_match(st, doc, "kpi.prose", b->text, 0, strlen(b->text), NULL, lp->number, b->box);
        read_series(st, doc, b->text, lp->number, b->box);
    }
}

/* A KPI table: every column a year, no budget lines (or a title that says
 * nyckeltal); one KPI per row and year. */
static bool is_kpi_table(const kpi_state *st, const table *t)
{
    const pattern *pats[4];
    size_t n = patterns_of_kind(st->patterns, "kpi.table-title", pats, 4);
    for (size_t i = 0; i < n && i < 4; i++) {
        pattern_match m;
        const char *title = t->title ? t->title : "";
        if (pattern_exec(pats[i], title, strlen(title), 0, &m) == PATTERN_MATCHED)
            return true;
    }
    return table_is_by_year(t);
}

/* A row label with its unit in brackets ("Kostnad per invånare (kr)")
 * gives the KPI name without it; other labels are the name. */
static char *name_of_row(const kpi_state *st, const char *label)
{
    const pattern *pats[4];
    size_t n = patterns_of_kind(st->patterns, "table.label-unit", pats, 4);
    for (size_t i = 0; i < n && i < 4; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], label, strlen(label), 0, &m) != PATTERN_MATCHED)
            continue;
        char *name = group_text(label, &m, "name");
        if (name)
            return name;
    }
    return xstrdup(label);
}

static void read_kpi_tables(kpi_state *st, arsred_document *doc)
{
    for (size_t i = 0; i < doc->n_tables; i++) {
        const table *t = &doc->tables[i];
        if (!is_kpi_table(st, t))
            continue;
        for (size_t r = 0; r < t->n_rows; r++)
            for (size_t c = 0; c < t->n_columns; c++) {
                const table_cell *cell = &t->rows[r].cells[c];
                if (!cell->has_value || !t->columns[c].year || !t->rows[r].label[0])
                    continue;
                const char *unit = table_cell_unit(t, r, c);
                kpi k = {.name = name_of_row(st, t->rows[r].label), .value = cell->value,
                         .decimals = cell->decimals, .unit = unit ? xstrdup(unit) : NULL,
                         .year = t->columns[c].year, .page = cell->page ? cell->page : t->page,
                         .bbox = cell->box, .pattern = xstrdup("kpi.table")};
                strbuf sb;
                strbuf_init(&sb);
                strbuf_addf(&sb, "%s: %s (%s)", t->rows[r].label, cell->text, t->columns[c].label);
                k.text = strbuf_take(&sb);
                ARRAY_PUSH(doc->kpis, doc->n_kpis, doc->cap_kpis, k);
            }
    }
}

static void kpi_finish(void *state, arsred_document *doc)
{
    kpi_state *st = state;
    read_kpi_tables(st, doc);
    for (size_t i = 0; i < doc->n_kpis; i++)
        if (!doc->kpis[i].year)
            doc->kpis[i].year = doc->year;
    free(st);
}

const recogniser kpi_recogniser = {"kpis", kpi_start, kpi_page, kpi_finish};
