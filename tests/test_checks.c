/* test_checks.c: the arithmetic checks find what is wrong and nothing
 * else: the real errors of the Krokom report, the errors planted in the
 * planted-* fixtures (fixtures/<name>.planted.json), and no mismatch in the
 * clean fixtures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glob.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"
#include "fixture_suite.h"
#include "report.h"

static const char *const rule_names[] = {"row.net", "column.deviation", "rollup", "total",
                                         "same", "unit", "text"};

static size_t count(const arsred_document *doc, check_rule rule, check_result result)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->n_checks; i++)
        n += doc->checks[i].rule == rule && doc->checks[i].result == result;
    return n;
}

static size_t mismatches(const arsred_document *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->n_checks; i++)
        n += doc->checks[i].result == CHECK_MISMATCH;
    return n;
}

static size_t table_titled(const arsred_document *doc, const char *title)
{
    for (size_t i = 0; i < doc->n_tables; i++)
        if (doc->tables[i].title && strcmp(doc->tables[i].title, title) == 0)
            return i;
    fail_msg("no table titled %s", title);
    return 0;
}

static void test_krokom_real_errors(void **state)
{
    (void)state;
    arsred_document *doc = suite_extract(ARSRED_SOURCE_DIR "/fixtures/krokom-ks-2020.pdf");
    size_t ga = table_titled(doc, "Gemensam administration");
    size_t sum = table_titled(doc, "Årsbokslut");
    /* 4 557 should be 4 551: row and column both fail, one suspect explains both */
    size_t suspects = 0;
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (c->result != CHECK_MISMATCH || c->table != ga)
            continue;
        assert_true(c->rule == RULE_ROW_NET || c->rule == RULE_COLUMN_DEVIATION);
        assert_true(c->has_suspect);
        assert_int_equal(c->suspect.table, ga);
        assert_int_equal(c->suspect.row, 0);    /* Intäkter */
        assert_int_equal(c->suspect.column, 0); /* Budget 2019 */
        assert_true(c->suspect_found == 4557);
        assert_true(c->suggested == 4551);
        assert_int_equal(c->explains, 2);
        suspects++;
    }
    assert_int_equal(suspects, 2);
    /* the summary's 16,6 is not the 16 658 tkr the details add up to */
    size_t rollup_mismatches = 0;
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (c->rule != RULE_ROLLUP || c->result != CHECK_MISMATCH)
            continue;
        assert_int_equal(c->table, sum);
        assert_int_equal(c->row, 0);    /* Intäkter */
        assert_int_equal(c->column, 4); /* Bokfört 2020 */
        assert_true(fabs(c->expected - 16.658) < 1e-9);
        assert_true(fabs(c->found - 16.6) < 1e-9);
        rollup_mismatches++;
    }
    assert_int_equal(rollup_mismatches, 1);
    assert_int_equal(count(doc, RULE_ROLLUP, CHECK_ROUNDING) + count(doc, RULE_ROLLUP, CHECK_OK), 17);
    /* labelled tkr, in mnkr */
    assert_int_equal(count(doc, RULE_UNIT, CHECK_MISMATCH), 1);
    assert_string_equal(doc->tables[sum].unit_declared, "tkr");
    assert_string_equal(doc->tables[sum].unit_effective, "mnkr");
    for (size_t i = 0; i < doc->n_tables; i++)
        if (i != sum)
            assert_string_equal(doc->tables[i].unit_effective, "tkr");
    /* "ett överskott om 7,3 miljoner kronor" holds */
    bool text_holds = false;
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (c->rule == RULE_TEXT && strstr(c->expr, "7,3 miljoner kronor") &&
            c->result != CHECK_MISMATCH && c->table == sum)
            text_holds = true;
    }
    assert_true(text_holds);
    /* and nothing else is wrong */
    assert_int_equal(mismatches(doc), 4);
    arsred_document_free(doc);
}

static void test_clean_fixtures_have_no_mismatch(void **state)
{
    (void)state;
    static const char *const clean[] = {"exempelby-bun-2021", "sjovik-mbn-2019", "tabeller-2022"};
    for (size_t i = 0; i < sizeof clean / sizeof *clean; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/fixtures/%s.pdf", ARSRED_SOURCE_DIR, clean[i]);
        arsred_document *doc = suite_extract(path);
        for (size_t k = 0; k < doc->n_checks; k++)
            if (doc->checks[k].result == CHECK_MISMATCH)
                fail_msg("%s: false mismatch: %s", clean[i], doc->checks[k].expr);
        assert_true(doc->n_checks >= 10);
        arsred_document_free(doc);
    }
}

static long row_named(const table *t, const char *label)
{
    for (size_t r = 0; r < t->n_rows; r++)
        if (strcmp(t->rows[r].label, label) == 0)
            return (long)r;
    return -1;
}

static long column_named(const table *t, const char *label)
{
    for (size_t k = 0; k < t->n_columns; k++)
        if (t->columns[k].label && strcmp(t->columns[k].label, label) == 0)
            return (long)k;
    return -1;
}

static void check_planted(const char *pdf, json_t *want)
{
    arsred_document *doc = suite_extract(pdf);
    json_t *ms = json_object_get(want, "mismatches");
    for (size_t i = 0; i < json_array_size(ms); i++) {
        json_t *m = json_array_get(ms, i);
        size_t ti = (size_t)json_integer_value(json_object_get(m, "table"));
        assert_true(ti < doc->n_tables);
        const table *t = &doc->tables[ti];
        long r = row_named(t, json_string_value(json_object_get(m, "row")));
        long k = column_named(t, json_string_value(json_object_get(m, "column")));
        const char *rule = json_string_value(json_object_get(m, "rule"));
        bool found = false;
        for (size_t c = 0; c < doc->n_checks && !found; c++) {
            const check *ch = &doc->checks[c];
            found = ch->result == CHECK_MISMATCH && ch->table == ti && ch->row == r &&
                    ch->column == k && strcmp(rule_names[ch->rule], rule) == 0;
        }
        if (!found)
            fail_msg("%s: no %s mismatch at table %zu, %s, %s", pdf, rule, ti,
                     json_string_value(json_object_get(m, "row")),
                     json_string_value(json_object_get(m, "column")));
    }
    json_t *ss = json_object_get(want, "suspects");
    for (size_t i = 0; i < json_array_size(ss); i++) {
        json_t *s = json_array_get(ss, i);
        size_t ti = (size_t)json_integer_value(json_object_get(s, "table"));
        const table *t = &doc->tables[ti];
        long r = row_named(t, json_string_value(json_object_get(s, "row")));
        long k = column_named(t, json_string_value(json_object_get(s, "column")));
        bool found = false;
        for (size_t c = 0; c < doc->n_checks && !found; c++) {
            const check *ch = &doc->checks[c];
            found = ch->has_suspect && ch->suspect.table == ti && (long)ch->suspect.row == r &&
                    (long)ch->suspect.column == k &&
                    fabs(ch->suggested - json_number_value(json_object_get(s, "suggested"))) < 1e-9 &&
                    ch->explains == json_integer_value(json_object_get(s, "explains"));
        }
        if (!found)
            fail_msg("%s: no suspect %s, %s suggesting %g", pdf,
                     json_string_value(json_object_get(s, "row")),
                     json_string_value(json_object_get(s, "column")),
                     json_number_value(json_object_get(s, "suggested")));
    }
    /* exactly the planted mismatches, no others */
    if (mismatches(doc) < json_array_size(ms))
        fail_msg("%s: %zu mismatches, want %zu", pdf, mismatches(doc), json_array_size(ms));
    for (size_t c = 0; c < doc->n_checks; c++) {
        const check *ch = &doc->checks[c];
        if (ch->result != CHECK_MISMATCH)
            continue;
        bool planted = false;
        for (size_t i = 0; i < json_array_size(ms) && !planted; i++) {
            json_t *m = json_array_get(ms, i);
            const table *t = &doc->tables[ch->table];
            planted = (size_t)json_integer_value(json_object_get(m, "table")) == ch->table &&
                      row_named(t, json_string_value(json_object_get(m, "row"))) == ch->row &&
                      column_named(t, json_string_value(json_object_get(m, "column"))) == ch->column;
        }
        if (!planted)
            fail_msg("%s: a mismatch nobody planted: %s", pdf, ch->expr);
    }
    json_t *min_rounding = json_object_get(want, "min_rounding");
    if (min_rounding) {
        size_t rounding = 0;
        for (size_t c = 0; c < doc->n_checks; c++)
            rounding += doc->checks[c].result == CHECK_ROUNDING;
        assert_true(rounding >= (size_t)json_integer_value(min_rounding));
    }
    print_message("%s: %zu checks, %zu mismatches as planted\n", strrchr(pdf, '/') + 1,
                  doc->n_checks, mismatches(doc));
    arsred_document_free(doc);
}

static void test_planted_errors(void **state)
{
    (void)state;
    glob_t g;
    if (glob(ARSRED_SOURCE_DIR "/fixtures/*.planted.json", 0, NULL, &g) != 0) {
        print_message("no planted fixtures\n");
        return;
    }
    for (size_t i = 0; i < g.gl_pathc; i++) {
        json_error_t jerr;
        json_t *want = json_load_file(g.gl_pathv[i], 0, &jerr);
        assert_non_null(want);
        char pdf[1024];
        snprintf(pdf, sizeof pdf, "%.*s.pdf",
                 (int)(strlen(g.gl_pathv[i]) - strlen(".planted.json")), g.gl_pathv[i]);
        check_planted(pdf, want);
        json_decref(want);
    }
    globfree(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_krokom_real_errors),
        cmocka_unit_test(test_clean_fixtures_have_no_mismatch),
        cmocka_unit_test(test_planted_errors),
    };
    return cmocka_run_group_tests(tests, suite_load_patterns, suite_free_patterns);
}
