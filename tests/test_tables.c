/* test_tables.c: every table of every fixture, cell by cell. The cells,
 * row labels and column labels come from fixtures/<name>.tables.json,
 * which the fixture script writes from the same source as the PDF; titles,
 * sections, units, kinds and years from fixtures/<name>.meaning.json
 * (written by hand; a null there is not checked). */
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
#include "number.h"
#include "report.h"

static const char *const column_kinds[] = {"other", "budget", "actual", "deviation", "forecast"};
static const char *const row_kinds[] = {"item", "revenue", "cost", "net", "total"};

/* Poppler gives number spaces as plain spaces. */
static void fold(char *s)
{
    char *p;
    while ((p = strstr(s, "\xC2\xA0")) != NULL) {
        *p = ' ';
        memmove(p + 1, p + 2, strlen(p + 2) + 1);
    }
}

static void assert_text(const char *want, const char *got, const char *what)
{
    char *w = strdup(want ? want : ""), *g = strdup(got ? got : "");
    fold(w);
    fold(g);
    if (strcmp(w, g) != 0)
        fail_msg("%s: got '%s', want '%s'", what, g, w);
    free(w);
    free(g);
}

static size_t check_cells(const table *t, json_t *want, const char *where)
{
    json_t *cols = json_object_get(want, "columns"), *rows = json_object_get(want, "rows");
    char what[1024];
    assert_int_equal(t->n_columns, json_array_size(cols));
    for (size_t k = 0; k < t->n_columns; k++) {
        snprintf(what, sizeof what, "%s column %zu label", where, k);
        assert_text(json_string_value(json_array_get(cols, k)), t->columns[k].label, what);
    }
    if (t->n_rows != json_array_size(rows))
        fail_msg("%s: %zu rows, want %zu", where, t->n_rows, json_array_size(rows));
    size_t cells = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        json_t *row = json_array_get(rows, r);
        snprintf(what, sizeof what, "%s row %zu label", where, r);
        assert_text(json_string_value(json_object_get(row, "label")), t->rows[r].label, what);
        for (size_t k = 0; k < t->n_columns; k++) {
            json_t *cell = json_array_get(json_object_get(row, "cells"), k);
            const table_cell *got = &t->rows[r].cells[k];
            snprintf(what, sizeof what, "%s row %zu (%s) column %zu", where, r,
                     t->rows[r].label, k);
            if (json_is_null(cell) || !json_string_value(cell)[0]) {
                if (got->text)
                    fail_msg("%s: got '%s', want an empty cell", what, got->text);
                continue;
            }
            assert_text(json_string_value(cell), got->text, what);
            /* the value is the number as printed */
            number n;
            number_kind kind = number_parse(json_string_value(cell),
                                            strlen(json_string_value(cell)), &n);
            if (kind == NUMBER_AMOUNT || kind == NUMBER_PERCENT || kind == NUMBER_DASH) {
                assert_true(got->has_value);
                assert_true(fabs(got->value - n.value) < 1e-9);
                assert_int_equal(got->decimals, n.decimals);
            }
            cells++;
        }
    }
    return cells;
}

static void check_string(json_t *want, const char *key, const char *got, const char *where)
{
    json_t *w = json_object_get(want, key);
    if (!w || json_is_null(w))
        return;
    char what[1024];
    snprintf(what, sizeof what, "%s %s", where, key);
    assert_text(json_string_value(w), got, what);
}

static void check_meaning(const table *t, json_t *want, const char *where)
{
    check_string(want, "title", t->title, where);
    check_string(want, "section", t->section, where);
    json_t *unit = json_object_get(want, "unit");
    if (json_is_null(unit)) {
        if (t->unit_declared)
            fail_msg("%s: declared unit %s, want none", where, t->unit_declared);
    } else {
        check_string(want, "unit", t->unit_declared, where);
    }
    json_t *sign = json_object_get(want, "sign_convention");
    if (json_is_null(sign)) {
        if (t->sign_convention)
            fail_msg("%s: sign convention %s, want none", where, t->sign_convention);
    } else {
        check_string(want, "sign_convention", t->sign_convention, where);
    }
    json_t *cols = json_object_get(want, "columns");
    for (size_t k = 0; k < json_array_size(cols) && k < t->n_columns; k++) {
        json_t *c = json_array_get(cols, k);
        char what[1024];
        snprintf(what, sizeof what, "%s column %zu kind", where, k);
        assert_text(json_string_value(json_object_get(c, "kind")),
                    column_kinds[t->columns[k].kind], what);
        json_t *year = json_object_get(c, "year");
        assert_int_equal(json_is_null(year) ? 0 : json_integer_value(year), t->columns[k].year);
    }
    json_t *rows = json_object_get(want, "rows");
    for (size_t r = 0; r < json_array_size(rows) && r < t->n_rows; r++) {
        char what[1024];
        snprintf(what, sizeof what, "%s row %zu (%s) kind", where, r, t->rows[r].label);
        assert_text(json_string_value(json_array_get(rows, r)), row_kinds[t->rows[r].kind], what);
    }
}

static void test_every_fixture_table(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob(ARSRED_SOURCE_DIR "/fixtures/{,series/}*.tables.json", GLOB_BRACE, NULL, &g), 0);
    assert_true(g.gl_pathc >= 3);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        char *pdf = suite_with_suffix(g.gl_pathv[i], ".tables.json", ".pdf");
        char *meaning_path = suite_with_suffix(g.gl_pathv[i], ".tables.json", ".meaning.json");
        json_error_t jerr;
        json_t *want = json_load_file(g.gl_pathv[i], 0, &jerr);
        json_t *meaning = json_load_file(meaning_path, 0, &jerr);
        assert_non_null(want);
        assert_non_null(meaning);
        arsred_document *doc = suite_extract(pdf);
        if (doc->n_tables != json_array_size(want))
            fail_msg("%s: %zu tables, want %zu", pdf, doc->n_tables, json_array_size(want));
        size_t cells = 0;
        for (size_t t = 0; t < doc->n_tables; t++) {
            char where[512];
            snprintf(where, sizeof where, "%s table %s", strrchr(pdf, '/') + 1, doc->tables[t].id);
            cells += check_cells(&doc->tables[t], json_array_get(want, t), where);
            check_meaning(&doc->tables[t], json_array_get(meaning, t), where);
        }
        print_message("%s: %zu tables, %zu cells exact\n", strrchr(pdf, '/') + 1,
                      doc->n_tables, cells);
        arsred_document_free(doc);
        json_decref(want);
        json_decref(meaning);
        free(pdf);
        free(meaning_path);
    }
    globfree(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_fixture_table),
    };
    return cmocka_run_group_tests(tests, suite_load_patterns, suite_free_patterns);
}
