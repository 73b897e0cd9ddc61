/* test_kpis.c: the KPIs of every fixture against fixtures/<name>.kpis.json:
 * each expected KPI found with its value, previous value, unit, place,
 * year and goal, and no KPI that is not expected (page numbers, years,
 * phone numbers, dates, changes in per cent). */
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


static bool same_string(json_t *want, const char *got)
{
    const char *w = json_string_value(want);
    return (w == NULL) == (got == NULL) && (!w || strcmp(w, got) == 0);
}

static bool matches(json_t *w, const kpi *k)
{
    json_t *prev = json_object_get(w, "previous"), *year = json_object_get(w, "year");
    return same_string(json_object_get(w, "name"), k->name) &&
           fabs(json_number_value(json_object_get(w, "value")) - k->value) < 1e-9 &&
           (prev ? k->has_previous && fabs(json_number_value(prev) - k->previous) < 1e-9
                 : !k->has_previous) &&
           same_string(json_object_get(w, "unit"), k->unit) &&
           same_string(json_object_get(w, "qualifier"), k->qualifier) &&
           same_string(json_object_get(w, "goal"), k->goal) &&
           (!year || json_integer_value(year) == k->year);
}

static void test_every_fixture_kpi(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob(ARSRED_SOURCE_DIR "/fixtures/{,series/}*.kpis.json", GLOB_BRACE, NULL, &g), 0);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        char *pdf = suite_with_suffix(g.gl_pathv[i], ".kpis.json", ".pdf");
        json_error_t jerr;
        json_t *want = json_load_file(g.gl_pathv[i], 0, &jerr);
        assert_non_null(want);
        arsred_document *doc = suite_extract(pdf);
        const char *name = strrchr(pdf, '/') + 1;
        size_t found = 0;
        for (size_t w = 0; w < json_array_size(want); w++) {
            json_t *x = json_array_get(want, w);
            bool hit = false;
            for (size_t k = 0; k < doc->n_kpis && !hit; k++)
                hit = matches(x, &doc->kpis[k]);
            if (!hit)
                fail_msg("%s: KPI not found: %s = %g", name,
                         json_string_value(json_object_get(x, "name")),
                         json_number_value(json_object_get(x, "value")));
            found++;
        }
        for (size_t k = 0; k < doc->n_kpis; k++) {
            bool expected = false;
            for (size_t w = 0; w < json_array_size(want) && !expected; w++)
                expected = matches(json_array_get(want, w), &doc->kpis[k]);
            if (!expected)
                fail_msg("%s: a KPI that is not one: \"%s\" (%s, pattern %s)", name,
                         doc->kpis[k].name, doc->kpis[k].text, doc->kpis[k].pattern);
        }
        print_message("%s: %zu KPIs found, 0 false\n", name, found);
        arsred_document_free(doc);
        json_decref(want);
        free(pdf);
    }
    globfree(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_fixture_kpi),
    };
    return cmocka_run_group_tests(tests, suite_load_patterns, suite_free_patterns);
}
