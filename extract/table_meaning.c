/* table_meaning.c: what a table's columns and rows are. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "pattern.h"
#include "table.h"
#include "util.h"

/* The first pattern of kind that matches text; its match in *m. */
static const pattern *first_match(const arsred_patterns *patterns, const char *kind,
                                  const char *text, pattern_match *m)
{
    const pattern *pats[16];
    size_t n = patterns_of_kind(patterns, kind, pats, 16);
    for (size_t i = 0; i < n && i < 16; i++)
        if (pattern_exec(pats[i], text, strlen(text), 0, m) == PATTERN_MATCHED)
            return pats[i];
    return NULL;
}

bool table_text_matches(const arsred_patterns *patterns, const char *kind, const char *text)
{
    pattern_match m;
    return text && first_match(patterns, kind, text, &m) != NULL;
}

/* The note numbers of a note cell ("Not 3" gives "3"), or NULL. */
static char *note_refs_of(const char *text, const arsred_patterns *patterns)
{
    pattern_match m;
    if (!text || !first_match(patterns, "table.note-ref", text, &m))
        return NULL;
    const pattern_group *g = pattern_match_group(&m, "refs");
    return g && g->set ? xstrndup(text + g->start, g->end - g->start) : NULL;
}

/* The first column is a note column where figures stand right of it and
 * each of its cells is a note reference: under a note head ("Not"), or
 * with no head where its numbers rise down the table, as notes are
 * numbered in the order of the statements (a column of counts does not). */
static bool is_note_column(const table *t, const arsred_patterns *patterns)
{
    if (t->n_columns < 2)
        return false;
    const char *head = t->columns[0].label;
    bool note_head = table_text_matches(patterns, "table.column.note", head);
    if (!note_head && head && *head)
        return false;
    size_t refs = 0;
    long last = 0;
    bool rising = true;
    for (size_t r = 0; r < t->n_rows; r++) {
        const table_cell *c = &t->rows[r].cells[0];
        if (!c->text)
            continue;
        char *note = note_refs_of(c->text, patterns);
        if (!note)
            return false;
        long first = strtol(note, NULL, 10);
        rising = rising && first > last;
        last = first;
        refs++;
        free(note);
    }
    return refs > 0 && (note_head || (refs >= 2 && rising));
}

void table_take_note_column(table *t, const arsred_patterns *patterns)
{
    if (!is_note_column(t, patterns))
        return;
    for (size_t r = 0; r < t->n_rows; r++) {
        table_row *row = &t->rows[r];
        row->note_ref = note_refs_of(row->cells[0].text, patterns);
        free(row->cells[0].text);
        memmove(row->cells, row->cells + 1, (t->n_columns - 1) * sizeof *row->cells);
    }
    t->layout.notes = (box){t->columns[0].x0, t->bbox.y0, t->columns[0].x1, t->bbox.y1};
    free(t->columns[0].label);
    free(t->columns[0].group);
    free(t->columns[0].unit);
    memmove(t->columns, t->columns + 1, (t->n_columns - 1) * sizeof *t->columns);
    t->n_columns--;
}

/* Whether the document reports outcomes: its type is a report of the year
 * or part of it (report.type finds only such), or the table is a
 * financial statement or a note (table.statement). */
static bool reports_outcomes(const arsred_document *doc, const table *t,
                             const arsred_patterns *patterns)
{
    if (table_text_matches(patterns, "table.statement", t->title))
        return true;
    return doc->type != NULL && !table_text_matches(patterns, "report.budget-document", doc->type);
}

/* Whether the document is a plan (its type "Mål och budget", "Detaljbudget"). */
static bool plans_budget(const arsred_document *doc, const arsred_patterns *patterns)
{
    return doc->type != NULL && table_text_matches(patterns, "report.budget-document", doc->type);
}

/* Whether some cell of column k holds a figure. */
static bool column_has_figures(const table *t, size_t k)
{
    for (size_t r = 0; r < t->n_rows; r++)
        if (t->rows[r].cells[k].has_value)
            return true;
    return false;
}

/* A period named relative to the report ("Period", "Ackumulerat": the
 * report's year; "fg år": the year before) once the report's year is
 * known; a column of figures that no head gives a year is said so. */
static void assign_relative_years(arsred_document *doc, table *t, const arsred_patterns *patterns)
{
    for (size_t k = 0; k < t->n_columns; k++) {
        table_column *col = &t->columns[k];
        if (col->year || !doc->year)
            continue;
        if (table_text_matches(patterns, "table.last-year", col->label))
            col->year = doc->year - 1;
        else if (table_text_matches(patterns, "table.period", col->label) &&
                 !strpbrk(col->label, "0123456789"))
            col->year = doc->year;
    }
    for (size_t k = 0; k < t->n_columns; k++)
        if (!t->columns[k].year && column_has_figures(t, k)) {
            report_warn(doc, "column-year-missing", t->page,
                        "page %d: table %s, column '%s': no year in its head or over it; its values "
                        "have no year (the CSV leaves it empty)",
                        t->page, t->id, t->columns[k].label ? t->columns[k].label : "");
            break; /* once a table: its other columns usually lack one for the same cause */
        }
}

/* The last row of t that holds a figure, or SIZE_MAX. */
static size_t last_row_with_figures(const table *t)
{
    for (size_t r = t->n_rows; r-- > 0;)
        if (table_row_has_value(t, r))
            return r;
    return SIZE_MAX;
}

/* Row kinds that depend on what the whole table is. In a balance sheet a
 * result above the sheet's last line is an item of equity, and in a cash
 * flow statement it is where the flows start and the flows are sums; in
 * a table of key figures every row is a measure of its own. In an income
 * statement the items under a heading of revenue or costs ("Avskrivningar"
 * under "Rörelsekostnader") are revenue or costs, up to the next heading
 * or sum. */
static void assign_statement_rows(table *t, const arsred_patterns *patterns)
{
    bool balance = table_text_matches(patterns, "table.balance-sheet", t->title);
    bool cash_flow = table_text_matches(patterns, "table.cash-flow", t->title);
    bool key_figures = table_text_matches(patterns, "table.key-figures", t->title);
    bool income = table_text_matches(patterns, "table.income-statement", t->title);
    size_t bottom_line = last_row_with_figures(t);
    row_kind section = ROW_ITEM;
    for (size_t r = 0; r < t->n_rows; r++) {
        table_row *row = &t->rows[r];
        if (key_figures || balance || cash_flow) {
            bool result = row->kind == ROW_NET && !(balance && r == bottom_line);
            if (result || row->kind == ROW_REVENUE || row->kind == ROW_COST ||
                (key_figures && row->kind == ROW_TOTAL))
                row->kind = ROW_ITEM;
            /* a flow's name over no figures is a heading, not its sum */
            if (cash_flow && table_row_has_value(t, r) &&
                table_text_matches(patterns, "table.row.cash-flow-sum", row->label))
                row->kind = ROW_TOTAL;
            continue;
        }
        if (!income)
            continue;
        if (!table_row_has_value(t, r)) {
            section = row->kind == ROW_REVENUE || row->kind == ROW_COST ? row->kind : ROW_ITEM;
            continue;
        }
        if (row->kind == ROW_TOTAL || row->kind == ROW_NET)
            section = ROW_ITEM;
        else if (row->kind == ROW_ITEM)
            row->kind = section;
    }
}

void table_assign_period_kinds(arsred_document *doc, const arsred_patterns *patterns)
{
    for (size_t i = 0; i < doc->n_tables; i++) {
        table *t = &doc->tables[i];
        assign_statement_rows(t, patterns);
        assign_relative_years(doc, t, patterns);
        /* a column headed by its period alone: that period's outcome in a
         * report of outcomes, its budget in a plan */
        column_kind period_kind = reports_outcomes(doc, t, patterns) ? COLUMN_ACTUAL
                                  : plans_budget(doc, patterns)      ? COLUMN_BUDGET
                                                                     : COLUMN_OTHER;
        if (period_kind == COLUMN_OTHER)
            continue;
        for (size_t k = 0; k < t->n_columns; k++) {
            table_column *col = &t->columns[k];
            if (col->kind == COLUMN_OTHER && table_text_matches(patterns, "table.period", col->label)) {
                col->kind = period_kind;
                col->period_only = true;
            }
        }
    }
}

void table_take_label_notes(table *t, const arsred_patterns *patterns)
{
    for (size_t r = 0; r < t->n_rows; r++) {
        table_row *row = &t->rows[r];
        pattern_match m;
        if (row->note_ref || !row->label || !first_match(patterns, "table.label-note", row->label, &m))
            continue;
        const pattern_group *label = pattern_match_group(&m, "label");
        const pattern_group *refs = pattern_match_group(&m, "refs");
        if (!label || !label->set || !refs || !refs->set)
            continue;
        row->note_ref = xstrndup(row->label + refs->start, refs->end - refs->start);
        char *bare = xstrndup(row->label + label->start, label->end - label->start);
        free(row->label);
        row->label = bare;
    }
}

void table_read_approx(table *t, const arsred_patterns *patterns)
{
    for (size_t r = 0; r < t->n_rows; r++)
        for (size_t k = 0; k < t->n_columns; k++) {
            table_cell *c = &t->rows[r].cells[k];
            pattern_match m;
            if (!c->text || c->has_value || !first_match(patterns, "table.approx", c->text, &m))
                continue;
            const pattern_group *g = pattern_match_group(&m, "number");
            number n;
            if (!g || !g->set)
                continue;
            number_kind kind = number_parse(c->text + g->start, g->end - g->start, &n);
            if (kind != NUMBER_AMOUNT && kind != NUMBER_PERCENT && kind != NUMBER_YEAR)
                continue;
            c->has_value = c->approx = true;
            c->value = n.value;
            c->decimals = n.decimals;
        }
}

const char *table_unit_in(const char *text, const arsred_patterns *patterns)
{
    static const char *const units[][2] = {
        {"tkr", "tkr"}, {"mnkr", "mnkr"}, {"kr", "kr"}, {"percent", "%"}};
    pattern_match m;
    if (!text || !first_match(patterns, "table.unit", text, &m))
        return NULL;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        const pattern_group *g = pattern_match_group(&m, units[i][0]);
        if (g && g->set)
            return units[i][1];
    }
    return NULL;
}

/* A unit at the end of a row label ("Kostnad per invånare (kr)"), in the
 * tool's one spelling where it is money or a share. */
static char *row_unit(const char *label, const arsred_patterns *patterns)
{
    pattern_match m;
    if (!label || !first_match(patterns, "table.label-unit", label, &m))
        return NULL;
    const pattern_group *g = pattern_match_group(&m, "unit");
    if (!g || !g->set)
        return NULL;
    char *unit = xstrndup(label + g->start, g->end - g->start);
    const char *canonical = table_unit_in(unit, patterns); /* "Tkr" is tkr */
    if (canonical) {
        free(unit);
        return xstrdup(canonical);
    }
    return unit;
}

static int year_in(const char *text, const arsred_patterns *patterns)
{
    pattern_match m;
    if (!text || !first_match(patterns, "table.year", text, &m))
        return 0;
    const pattern_group *g = pattern_match_group(&m, "year");
    return g && g->set ? atoi(text + g->start) : 0;
}

/* Kinds in the order they are tried: "Budgetavvikelse" is a deviation. */
static column_kind kind_of_label(const char *label, const arsred_patterns *patterns,
                                 bool *utfall)
{
    *utfall = false;
    if (table_text_matches(patterns, "table.column.deviation", label))
        return COLUMN_DEVIATION;
    if (table_text_matches(patterns, "table.column.forecast", label))
        return COLUMN_FORECAST;
    if (table_text_matches(patterns, "table.column.budget", label))
        return COLUMN_BUDGET;
    if (table_text_matches(patterns, "table.column.actual", label))
        return COLUMN_ACTUAL;
    if (table_text_matches(patterns, "table.column.utfall", label)) {
        *utfall = true;
        return COLUMN_ACTUAL;
    }
    return COLUMN_OTHER;
}

static row_kind kind_of_row(const char *label, const arsred_patterns *patterns)
{
    if (table_text_matches(patterns, "table.row.total", label))
        return ROW_TOTAL;
    if (table_text_matches(patterns, "table.row.net", label))
        /* a ratio ("Nettokostnad per invånare", "Årets resultat, %") is no net */
        return table_text_matches(patterns, "table.row.ratio", label) ? ROW_ITEM : ROW_NET;
    if (table_text_matches(patterns, "table.row.revenue", label))
        return ROW_REVENUE;
    if (table_text_matches(patterns, "table.row.cost", label))
        return ROW_COST;
    return ROW_ITEM;
}

/* The tolerance of a + b + ... printed with these decimals: half a unit in
 * the last printed place of each (consistency under rounding). */
static double half_unit(int decimals)
{
    return 0.5 * pow(10, -decimals);
}

/* Whether column c equals sign_a * column a + sign_b * column b, within
 * rounding, in most rows where all three have values: a misprinted cell
 * (which the checks then point at) must not hide what a column is. */
static bool columns_relate(const table *t, size_t c, size_t a, int sign_a, size_t b,
                           int sign_b)
{
    size_t holds = 0, fails = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        const table_cell *x = &t->rows[r].cells[c], *y = &t->rows[r].cells[a],
                         *z = &t->rows[r].cells[b];
        if (!x->has_value || !y->has_value || !z->has_value)
            continue;
        double tolerance = half_unit(x->decimals) + half_unit(y->decimals) + half_unit(z->decimals);
        if (fabs(x->value - (sign_a * y->value + sign_b * z->value)) <= tolerance + 1e-9)
            holds++;
        else
            fails++;
    }
    return holds > 0 && holds > fails && (fails == 0 || holds >= 2);
}

/* The column of kind and year nearest to column `near` (ties to the left). */
static size_t column_of_kind(const table *t, column_kind kind, int year, size_t near)
{
    size_t best = SIZE_MAX, best_distance = SIZE_MAX;
    for (size_t k = 0; k < t->n_columns; k++) {
        if (k == near || t->columns[k].kind != kind || t->columns[k].utfall ||
            t->columns[k].year != year)
            continue;
        size_t distance = k < near ? 2 * (near - k) : 2 * (k - near) + 1;
        if (distance < best_distance) {
            best_distance = distance;
            best = k;
        }
    }
    return best;
}

/* "Utfall" is the outcome beside Budget and Avvikelse, and the difference
 * beside Budget and Bokfört; the arithmetic of the table tells which. */
static void decide_utfall(table *t, size_t u, arsred_document *doc)
{
    table_column *col = &t->columns[u];
    size_t budget = column_of_kind(t, COLUMN_BUDGET, col->year, u);
    size_t actual = column_of_kind(t, COLUMN_ACTUAL, col->year, u);
    size_t deviation = column_of_kind(t, COLUMN_DEVIATION, col->year, u);
    /* each reading that has its two other columns is tried; beside a
     * budget alone (or nothing) Utfall is the outcome: there is no other
     * outcome for it to be the difference from */
    bool tried = false;
    if (budget != SIZE_MAX && actual != SIZE_MAX) {
        tried = true;
        if (columns_relate(t, u, actual, 1, budget, -1) ||
            columns_relate(t, u, actual, -1, budget, 1)) {
            col->kind = COLUMN_DEVIATION;
            return;
        }
    }
    if (budget != SIZE_MAX && deviation != SIZE_MAX) {
        tried = true;
        if (columns_relate(t, deviation, u, 1, budget, -1) ||
            columns_relate(t, deviation, u, -1, budget, 1)) {
            col->kind = COLUMN_ACTUAL;
            return;
        }
    }
    if (!tried) {
        col->kind = COLUMN_ACTUAL;
        return;
    }
    col->kind = COLUMN_OTHER;
    report_warn(doc, "utfall-undecided", t->page,
                "page %d: table %s: the arithmetic does not tell whether \"%s\" is the "
                "outcome or the difference; its kind is left as other",
                t->page, t->id, col->label);
}

static const char *column_unit(const table *t, size_t k, const arsred_patterns *patterns)
{
    const table_column *col = &t->columns[k];
    const char *unit = table_unit_in(col->label, patterns);
    if (!unit)
        unit = table_unit_in(col->group, patterns);
    if (unit)
        return unit;
    if (col->label && strncasecmp(col->label, "antal", 5) == 0)
        return "antal";
    size_t percent = 0, values = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        const table_cell *c = &t->rows[r].cells[k];
        if (!c->has_value)
            continue;
        values++;
        percent += c->text && strchr(c->text, '%') != NULL;
    }
    return values && percent == values ? "%" : NULL;
}

/* Costs printed negative, or positive (net = revenue - cost), as the rows
 * that hold costs show it. */
static const char *sign_convention(const table *t, const arsred_patterns *patterns)
{
    /* Without an amount unit or a budget, outcome or deviation column the
     * table holds no money flows ("Kostnad per invånare" among key figures). */
    bool money_columns = t->unit_effective && strcmp(t->unit_effective, "%") != 0;
    for (size_t k = 0; k < t->n_columns; k++)
        money_columns |= t->columns[k].kind != COLUMN_OTHER;
    size_t negative = 0, positive = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (t->rows[r].kind != ROW_COST &&
            !(money_columns && table_text_matches(patterns, "table.sign.cost", t->rows[r].label)))
            continue;
        for (size_t k = 0; k < t->n_columns; k++) {
            const table_cell *c = &t->rows[r].cells[k];
            if (!c->has_value || c->value == 0 || t->columns[k].kind == COLUMN_DEVIATION)
                continue;
            if (c->value < 0)
                negative++;
            else
                positive++;
        }
    }
    if (negative + positive == 0)
        return NULL;
    return negative >= positive ? "costs-negative" : "costs-positive";
}

/* A row named like a column kind is a relation turned on its side. */
static column_kind row_measure(const char *label, const arsred_patterns *patterns)
{
    bool utfall;
    column_kind k = kind_of_label(label, patterns, &utfall);
    /* only short labels ("Budget", "Budgetavvikelse"), not "Budgeterade bidrag" */
    return strchr(label, ' ') == NULL || utfall ? k : COLUMN_OTHER;
}

/* An undated deviation ("Avvikelse" after "Budget 2022" and "Utfall
 * 2022") is of the year of the budget or outcome just before it. */
static void inherit_deviation_year(table *t)
{
    for (size_t k = 1; k < t->n_columns; k++) {
        table_column *c = &t->columns[k];
        if (c->year || c->kind != COLUMN_DEVIATION)
            continue;
        const table_column *left = &t->columns[k - 1];
        if (left->year && (left->kind == COLUMN_BUDGET || left->kind == COLUMN_ACTUAL))
            c->year = left->year;
    }
}

/* Where every dated column speaks of one year, an undated one ("Avvikelse"
 * beside "Budget 2021" and "Utfall 2021") does too. */
static void inherit_single_year(table *t)
{
    int year = 0;
    for (size_t k = 0; k < t->n_columns; k++) {
        int y = t->columns[k].year;
        if (y && year && y != year)
            return;
        if (y)
            year = y;
    }
    for (size_t k = 0; k < t->n_columns && year; k++)
        if (!t->columns[k].year)
            t->columns[k].year = year;
}

static count_kind count_of(const char *label, const arsred_patterns *patterns)
{
    if (!label)
        return COUNT_UNKNOWN;
    if (table_text_matches(patterns, "table.full-time-equivalents", label))
        return COUNT_ROUNDED;
    return table_text_matches(patterns, "table.counts", label) ? COUNT_WHOLE : COUNT_UNKNOWN;
}

void table_assign_meaning(table *t, const char *corner, const char *caption_above,
                          const char *caption_below, const arsred_patterns *patterns,
                          arsred_document *doc)
{
    for (size_t k = 0; k < t->n_columns; k++) {
        table_column *col = &t->columns[k];
        col->kind = kind_of_label(col->label, patterns, &col->utfall);
        if (col->kind == COLUMN_OTHER && col->group)
            col->kind = kind_of_label(col->group, patterns, &col->utfall);
        col->year = year_in(col->label, patterns);
        if (!col->year)
            col->year = year_in(col->group, patterns);
        const char *unit = column_unit(t, k, patterns);
        col->unit = unit ? xstrdup(unit) : NULL;
        col->counts = count_of(col->label, patterns);
    }
    t->counts = count_of(corner, patterns) == COUNT_WHOLE ||
                count_of(caption_above, patterns) == COUNT_WHOLE ||
                count_of(t->title, patterns) == COUNT_WHOLE;
    inherit_deviation_year(t);
    inherit_single_year(t);
    for (size_t k = 0; k < t->n_columns; k++)
        if (t->columns[k].utfall)
            decide_utfall(t, k, doc);
    for (size_t r = 0; r < t->n_rows; r++) {
        t->rows[r].kind = kind_of_row(t->rows[r].label, patterns);

        t->rows[r].measure = row_measure(t->rows[r].label, patterns);
        t->rows[r].part_of_above = table_text_matches(patterns, "table.row.of-which", t->rows[r].label);
        t->rows[r].counts = count_of(t->rows[r].label, patterns);
    }
    const char *unit = table_unit_in(corner, patterns);
    if (!unit)
        unit = table_unit_in(caption_above, patterns);
    if (!unit)
        unit = table_unit_in(caption_below, patterns);
    if (!unit && t->title)
        unit = table_unit_in(t->title, patterns);
    if (!unit) { /* every money column says the same */
        for (size_t k = 0; k < t->n_columns; k++) {
            const char *u = t->columns[k].unit;
            if (!u || strcmp(u, "antal") == 0)
                continue;
            if (unit && strcmp(unit, u) != 0) {
                unit = NULL;
                break;
            }
            unit = u;
        }
    }
    t->unit_declared = unit ? xstrdup(unit) : NULL;
    t->unit_effective = unit ? xstrdup(unit) : NULL;
    t->sign_convention = sign_convention(t, patterns);
    for (size_t r = 0; r < t->n_rows; r++)
        t->rows[r].unit = row_unit(t->rows[r].label, patterns);
}
