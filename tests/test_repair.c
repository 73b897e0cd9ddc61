/* test_repair.c: the checks on synthetic tables (no PDF): counts are
 * exact, the wrong cell is found by minimal repair (a lone total, a
 * compensating pair pinned by a detail table, never a negative count),
 * one figure in two units agrees when the smaller unit was cut, and a
 * deviation column is between the columns of its own measure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"
#include "checks.h"
#include "report.h"
#include "util.h"

static arsred_patterns *patterns;

static int load_patterns(void **state)
{
    (void)state;
    arsred_error err = {0};
    patterns = arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    return patterns ? 0 : -1;
}

static int free_patterns(void **state)
{
    (void)state;
    arsred_patterns_free(patterns);
    return 0;
}

typedef struct column_spec {
    const char *label;
    column_kind kind;
    int year;
} column_spec;

/* A table of doc: its columns, then rows added with add_row. */
static table *add_table(arsred_document *doc, const char *title, const char *unit,
                        const column_spec *columns, size_t n_columns)
{
    table t = {0};
    snprintf(t.id, sizeof t.id, "t%zu", doc->n_tables);
    t.title = xstrdup(title);
    t.page = t.last_page = (int)doc->n_tables + 1;
    t.unit_declared = unit ? xstrdup(unit) : NULL;
    t.unit_effective = unit ? xstrdup(unit) : NULL;
    t.n_columns = n_columns;
    t.columns = xcalloc(n_columns, sizeof *t.columns);
    for (size_t k = 0; k < n_columns; k++)
        t.columns[k] = (table_column){.label = xstrdup(columns[k].label), .kind = columns[k].kind,
                                      .year = columns[k].year};
    ARRAY_PUSH(doc->tables, doc->n_tables, doc->cap_tables, t);
    return &doc->tables[doc->n_tables - 1];
}

/* A row of figures printed with `decimals` decimals (NAN: an empty cell). */
static void add_row(table *t, const char *label, row_kind kind, int decimals, const double *values)
{
    table_row row = {.label = xstrdup(label), .kind = kind, .page = t->page};
    row.cells = xcalloc(t->n_columns, sizeof *row.cells);
    for (size_t k = 0; k < t->n_columns; k++) {
        if (isnan(values[k]))
            continue;
        char text[64];
        snprintf(text, sizeof text, "%.*f", decimals, values[k]);
        row.cells[k] = (table_cell){.text = xstrdup(text), .has_value = true, .value = values[k],
                                    .decimals = decimals, .page = t->page};
    }
    ARRAY_PUSH(t->rows, t->n_rows, t->cap_rows, row);
}

static const check *only_mismatch(const arsred_document *doc)
{
    const check *found = NULL;
    for (size_t i = 0; i < doc->n_checks; i++)
        if (doc->checks[i].result == CHECK_MISMATCH) {
            assert_null(found);
            found = &doc->checks[i];
        }
    assert_non_null(found);
    return found;
}

static size_t count_mismatches(const arsred_document *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->n_checks; i++)
        n += doc->checks[i].result == CHECK_MISMATCH;
    return n;
}

static const column_spec years[] = {{"2022", COLUMN_ACTUAL, 2022}, {"2021", COLUMN_ACTUAL, 2021}};

static arsred_document *headcount(bool counts)
{
    arsred_document *doc = report_new("synthetic.pdf");
    table *t = add_table(doc, counts ? "Antal anställda" : "Kostnader", counts ? NULL : "tkr",
                         years, 2);
    t->counts = counts;
    add_row(t, "Tillsvidareanställda på heltid", ROW_ITEM, 0, (double[]){33, 29});
    add_row(t, "Tillsvidareanställda på deltid", ROW_ITEM, 0, (double[]){0, 0});
    add_row(t, "Visstidsanställda", ROW_ITEM, 0, (double[]){1, 1});
    add_row(t, "Timavlönade", ROW_ITEM, 0, (double[]){1, 1});
    add_row(t, "Totalt", ROW_TOTAL, 0, (double[]){34, 31});
    checks_run(doc, patterns);
    return doc;
}

/* 33 + 0 + 1 + 1 printed 34: a count that is off by one is wrong; which
 * cell cannot be told, so the total is named first, not decided, and the
 * items are the alternatives (but not the 0, which cannot be -1). */
static void test_counts_are_exact(void **state)
{
    (void)state;
    arsred_document *doc = headcount(true);
    const check *c = only_mismatch(doc);
    assert_int_equal(c->rule, RULE_TOTAL);
    assert_true(c->exact);
    assert_true(c->tolerance == 0);
    assert_true(c->has_suspect);
    assert_int_equal(c->suspect.row, 4);
    assert_int_equal(c->suspect.column, 0);
    assert_true(c->suggested == 35);
    assert_false(c->decided);
    assert_int_equal(c->n_alternatives, 3);
    for (size_t i = 0; i < c->n_alternatives; i++) {
        assert_int_not_equal(c->alternatives[i].cells[0].cell.row, 1);
        assert_true(c->alternatives[i].cells[0].suggested >= 0);
    }
    arsred_document_free(doc);
    /* the same figures as amounts in tkr: one off is rounding */
    doc = headcount(false);
    assert_int_equal(count_mismatches(doc), 0);
    arsred_document_free(doc);
}

static const column_spec budget[] = {{"Budget 2023", COLUMN_BUDGET, 2023},
                                     {"Utfall 2023", COLUMN_ACTUAL, 2023},
                                     {"Avvikelse", COLUMN_DEVIATION, 2023}};

/* Two errors in one row that cancel there (Budget and Utfall both 2 000
 * too high: the deviation holds) fail the Summa in two columns; the detail
 * table of that nämnd pins the pair: suspect plus also, decided. */
static void test_compensating_pair(void **state)
{
    (void)state;
    arsred_document *doc = report_new("synthetic.pdf");
    table *s = add_table(doc, "Nettokostnad per nämnd", "tkr", budget, 3);
    add_row(s, "Kommunstyrelsen", ROW_ITEM, 0, (double[]){-98450, -96230, 2220});
    add_row(s, "Socialnämnden", ROW_ITEM, 0, (double[]){-354800, -349420, 5380});
    add_row(s, "Tekniska nämnden", ROW_ITEM, 0, (double[]){-64200, -65870, -1670});
    add_row(s, "Summa", ROW_TOTAL, 0, (double[]){-519450, -513520, 5930});
    table *d = add_table(doc, "Socialnämnden, ekonomiskt utfall", "tkr", budget, 3);
    add_row(d, "Intäkter", ROW_REVENUE, 0, (double[]){86400, 91230, 4830});
    add_row(d, "Kostnader", ROW_COST, 0, (double[]){-443200, -442650, 550});
    add_row(d, "Nettokostnad", ROW_NET, 0, (double[]){-356800, -351420, 5380});
    checks_run(doc, patterns);
    assert_int_equal(count_mismatches(doc), 4);
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (c->result != CHECK_MISMATCH)
            continue;
        assert_true(c->has_suspect);
        assert_true(c->decided);
        assert_int_equal(c->explains, 4);
        assert_int_equal(c->suspect.table, 0);
        assert_int_equal(c->suspect.row, 1);
        assert_int_equal(c->n_also, 1);
        assert_int_equal(c->also[0].cell.row, 1);
        assert_int_not_equal(c->also[0].cell.column, c->suspect.column);
        double want = c->suspect.column == 0 ? -356800 : -351420;
        assert_true(c->suggested == want);
    }
    arsred_document_free(doc);
}

static const column_spec one_year[] = {{"2023", COLUMN_ACTUAL, 2023}};

/* −15 160 615 kr shown as −15 160 tkr (cut, not rounded) is the same
 * figure; −15 106 is not. */
static void test_same_figure_cut_to_tkr(void **state)
{
    (void)state;
    for (int wrong = 0; wrong < 2; wrong++) {
        arsred_document *doc = report_new("synthetic.pdf");
        table *o = add_table(doc, "Flerårsöversikt", "tkr", one_year, 1);
        add_row(o, "Nettoomsättning", ROW_ITEM, 0, (double[]){wrong ? -15106 : -15160});
        add_row(o, "Resultat efter finansiella poster", ROW_ITEM, 0, (double[]){812});
        add_row(o, "Antal medlemmar", ROW_ITEM, 0, (double[]){134});
        table *r = add_table(doc, "Resultaträkning", "kr", one_year, 1);
        add_row(r, "Nettoomsättning", ROW_ITEM, 0, (double[]){-15160615});
        add_row(r, "Resultat efter finansiella poster", ROW_ITEM, 0, (double[]){812400});
        checks_run(doc, patterns);
        size_t same = 0;
        for (size_t i = 0; i < doc->n_checks; i++)
            if (doc->checks[i].rule == RULE_SAME) {
                same++;
                assert_string_equal(check_tolerance_kind(&doc->checks[i]), "rounding-or-truncation");
            }
        assert_int_equal(same, 2);
        assert_int_equal(count_mismatches(doc), wrong ? 1 : 0);
        if (wrong) {
            const check *c = only_mismatch(doc);
            assert_true(c->has_suspect);
            assert_int_equal(c->suspect.table, 0); /* the overview's figure, found in tkr */
            assert_int_equal(c->suspect.row, 0);
        }
        arsred_document_free(doc);
    }
}

/* the nearest budget and outcome to the deviation are the revenue's */
static const column_spec measured[] = {{"Budget kostnader 2023", COLUMN_BUDGET, 2023},
                                       {"Budget intäkter 2023", COLUMN_BUDGET, 2023},
                                       {"Utfall kostnader 2023", COLUMN_ACTUAL, 2023},
                                       {"Utfall intäkter 2023", COLUMN_ACTUAL, 2023},
                                       {"Budgetavvikelse kostnader", COLUMN_DEVIATION, 2023}};

/* "Utfall kostnader − Budget kostnader = Budgetavvikelse": the deviation is
 * between the columns of its own measure, not the nearest budget and
 * outcome; a wrong deviation is then a mismatch, not a misread table. */
static void test_measure_qualified_columns(void **state)
{
    (void)state;
    arsred_document *doc = report_new("synthetic.pdf");
    table *t = add_table(doc, "Verksamheter", "tkr", measured, 5);
    add_row(t, "Förskola", ROW_ITEM, 0, (double[]){-50400, 1200, -51000, 1350, -600});
    add_row(t, "Grundskola", ROW_ITEM, 0, (double[]){-90100, 800, -89700, 760, 400});
    add_row(t, "Gymnasium", ROW_ITEM, 0, (double[]){-40200, 300, -40900, 310, -600});
    checks_run(doc, patterns);
    size_t deviations = 0;
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (c->rule != RULE_COLUMN_DEVIATION)
            continue;
        deviations++;
        for (size_t k = 0; k < c->n_terms; k++)
            assert_true(c->terms[k].cell.column == 0 || c->terms[k].cell.column == 2);
    }
    assert_int_equal(deviations, 3);
    /* Gymnasium's deviation printed -600 is -700 */
    const check *c = only_mismatch(doc);
    assert_int_equal(c->rule, RULE_COLUMN_DEVIATION);
    assert_int_equal(c->row, 2);
    arsred_document_free(doc);
}

/* A statement that declares no unit is in kronor by convention; where two
 * of its figures agree with a table declared in tkr as printed, it is in
 * tkr. Where both declare units the figures contradict, a unit check says
 * one is wrong. */
static void test_units_from_agreement(void **state)
{
    (void)state;
    for (int both_declared = 0; both_declared < 2; both_declared++) {
        arsred_document *doc = report_new("synthetic.pdf");
        table *r = add_table(doc, "Resultaträkning", both_declared ? "kr" : NULL, one_year, 1);
        add_row(r, "Nettoomsättning", ROW_ITEM, 0, (double[]){3241});
        add_row(r, "Resultat efter finansiella poster", ROW_ITEM, 0, (double[]){-1497});
        table *o = add_table(doc, "Flerårsöversikt", "tkr", one_year, 1);
        add_row(o, "Nettoomsättning", ROW_ITEM, 0, (double[]){3241});
        add_row(o, "Resultat efter finansiella poster", ROW_ITEM, 0, (double[]){-1497});
        add_row(o, "Antal medlemmar", ROW_ITEM, 0, (double[]){134});
        checks_run(doc, patterns);
        size_t units = 0;
        for (size_t i = 0; i < doc->n_checks; i++)
            units += doc->checks[i].rule == RULE_UNIT;
        if (both_declared) {
            assert_int_equal(units, 1);
            assert_string_equal(doc->tables[0].unit_effective, "kr");
        } else {
            assert_int_equal(units, 0);
            assert_string_equal(doc->tables[0].unit_effective, "tkr");
            assert_non_null(strstr(doc->tables[0].unit_evidence, "agrees with"));
            assert_int_equal(count_mismatches(doc), 0);
        }
        arsred_document_free(doc);
    }
}

static const column_spec two_years[] = {{"Utfall 2023", COLUMN_ACTUAL, 2023},
                                        {"Utfall 2022", COLUMN_ACTUAL, 2022}};

/* A municipality's resultaträkning has no Summa rows: each result line is
 * the result above it plus the lines since (result = revenue + costs +
 * financial items, level by level). One wrong result line is found as
 * the only cell that mends both its own relation and the next one's. */
static void test_municipal_income_statement(void **state)
{
    (void)state;
    for (int wrong = 0; wrong < 2; wrong++) {
        arsred_document *doc = report_new("synthetic.pdf");
        table *t = add_table(doc, "Resultaträkning", "mnkr", two_years, 2);
        add_row(t, "Verksamhetens intäkter", ROW_REVENUE, 0, (double[]){412, 398});
        add_row(t, "Verksamhetens kostnader", ROW_COST, 0, (double[]){-2310, -2215});
        add_row(t, "Avskrivningar", ROW_COST, 0, (double[]){-88, -85});
        add_row(t, "Verksamhetens nettokostnader", ROW_NET, 0, (double[]){-1986, -1902});
        add_row(t, "Skatteintäkter", ROW_ITEM, 0, (double[]){1610, 1540});
        add_row(t, "Generella statsbidrag och utjämning", ROW_ITEM, 0, (double[]){452, 431});
        add_row(t, "Verksamhetens resultat", ROW_NET, 0, (double[]){wrong ? 67 : 76, 69});
        add_row(t, "Finansiella intäkter", ROW_ITEM, 0, (double[]){21, 18});
        add_row(t, "Finansiella kostnader", ROW_ITEM, 0, (double[]){-14, -12});
        add_row(t, "Resultat efter finansiella poster", ROW_NET, 0, (double[]){83, 75});
        add_row(t, "Årets resultat", ROW_NET, 0, (double[]){83, 75});
        checks_run(doc, patterns);
        size_t results = 0;
        for (size_t i = 0; i < doc->n_checks; i++) {
            const check *c = &doc->checks[i];
            results += c->has_found_cell && c->found_cell.row >= 3 &&
                       t->rows[c->found_cell.row].kind == ROW_NET;
        }
        assert_true(results >= 6); /* three result lines with parts, two years */
        assert_int_equal(count_mismatches(doc), wrong ? 2 : 0);
        for (size_t i = 0; wrong && i < doc->n_checks; i++) {
            const check *c = &doc->checks[i];
            if (c->result != CHECK_MISMATCH)
                continue;
            assert_true(c->has_suspect && c->decided);
            assert_int_equal(c->suspect.row, 6);
            assert_true(c->suggested == 76);
        }
        arsred_document_free(doc);
    }
}

static const column_spec year_2022[] = {{"2022", COLUMN_ACTUAL, 2022}};

/* Failing checks chained through shared cells are one cluster whatever
 * order they come in (a check's cluster root may be a later check). */
static void test_chained_failures_are_one_cluster(void **state)
{
    (void)state;
    arsred_document *doc = report_new("synthetic.pdf");
    table *t = add_table(doc, "Tabell", "tkr", year_2022, 1);
    static const double v[] = {10, 15, 50, 0, 0, 20, 30, 0, 5, 5};
    for (int i = 0; i < 10; i++)
        add_row(t, "Rad", ROW_ITEM, 0, &v[i]);
    /* r0 = r1 fails, r5 = r6 fails, r2 = r0 + r5 fails: one cluster */
    check *c = check_new(doc, RULE_SAME, 0, 0, 0, (cell_ref){0, 0, 0});
    check_add_term(c, (cell_ref){0, 1, 0}, 1);
    check_settle(doc, c);
    c = check_new(doc, RULE_SAME, 0, 5, 0, (cell_ref){0, 5, 0});
    check_add_term(c, (cell_ref){0, 6, 0}, 1);
    check_settle(doc, c);
    c = check_new(doc, RULE_TOTAL, 0, 2, 0, (cell_ref){0, 2, 0});
    check_add_term(c, (cell_ref){0, 0, 0}, 1);
    check_add_term(c, (cell_ref){0, 5, 0}, 1);
    check_settle(doc, c);
    checks_find_repairs(doc);
    /* no one or two cells mend all three: no suspect, and nothing read
     * uninitialised on the way (valgrind, ASan) */
    for (size_t i = 0; i < doc->n_checks; i++)
        assert_false(doc->checks[i].has_suspect);
    arsred_document_free(doc);
}

/* Shapes of a table read wrong: headings all on top and their sums far
 * below, or every row a named sum. The sums' structure is worked out once
 * per row, so these finish (ctest's timeout guards them). */
static void test_pathological_sums(void **state)
{
    (void)state;
    enum { GROUPS = 120, ROWS = 600 };
    arsred_document *doc = report_new("synthetic.pdf");
    table *t = add_table(doc, "Tabell", "tkr", year_2022, 1);
    char label[64];
    for (int i = 1; i <= GROUPS; i++) {
        snprintf(label, sizeof label, "Grupp %d", i);
        add_row(t, label, ROW_ITEM, 0, (double[]){NAN});
    }
    add_row(t, "Post a", ROW_ITEM, 0, (double[]){1});
    add_row(t, "Post b", ROW_ITEM, 0, (double[]){1});
    for (int i = 1; i <= GROUPS; i++) {
        snprintf(label, sizeof label, "Summa grupp %d", i);
        add_row(t, label, ROW_TOTAL, 0, (double[]){i + 1.0});
        snprintf(label, sizeof label, "Post c%d", i);
        add_row(t, label, ROW_ITEM, 0, (double[]){1});
    }
    table *u = add_table(doc, "Resultaträkning", "tkr", year_2022, 1);
    for (int i = 0; i < ROWS; i++) {
        snprintf(label, sizeof label, "Summa post %d", i);
        add_row(u, label, ROW_TOTAL, 0, (double[]){i + 1.0});
    }
    checks_run(doc, patterns);
    assert_true(doc->n_checks + doc->n_unchecked > 0);
    arsred_document_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_are_exact),
        cmocka_unit_test(test_compensating_pair),
        cmocka_unit_test(test_same_figure_cut_to_tkr),
        cmocka_unit_test(test_measure_qualified_columns),
        cmocka_unit_test(test_units_from_agreement),
        cmocka_unit_test(test_municipal_income_statement),
        cmocka_unit_test(test_chained_failures_are_one_cluster),
        cmocka_unit_test(test_pathological_sums),
    };
    return cmocka_run_group_tests(tests, load_patterns, free_patterns);
}
