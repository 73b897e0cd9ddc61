/* test_goals.c: every goal of every fixture against fixtures/<name>.goals.json:
 * id, text, status, how the status was read (icon colour, legend, or
 * words), and the assignments with their statuses and follow-up text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glob.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"
#include "fixture_suite.h"
#include "icons.h"
#include "report.h"

static const char *const statuses[] = {NULL, "met", "partly_met", "not_met", "not_evaluated"};

static void assert_same(const char *what, const char *want, const char *got)
{
    if ((want == NULL) != (got == NULL) || (want && strcmp(want, got) != 0))
        fail_msg("%s: got '%s', want '%s'", what, got ? got : "null", want ? want : "null");
}

static void check_goal(const char *where, json_t *want, const goal *g)
{
    char what[1024];
    snprintf(what, sizeof what, "%s goal %s id", where, g->id);
    assert_same(what, json_string_value(json_object_get(want, "id")), g->id);
    snprintf(what, sizeof what, "%s goal %s text", where, g->id);
    assert_same(what, json_string_value(json_object_get(want, "text")), g->text);
    snprintf(what, sizeof what, "%s goal %s status", where, g->id);
    assert_same(what, json_string_value(json_object_get(want, "status")), statuses[g->status]);
    const char *evidence = json_string_value(json_object_get(want, "evidence"));
    const char *got_evidence = g->evidence.kind == EVIDENCE_ICON ? "icon"
                               : g->evidence.kind == EVIDENCE_TEXT ? "text" : NULL;
    snprintf(what, sizeof what, "%s goal %s evidence", where, g->id);
    assert_same(what, evidence, got_evidence);
    if (evidence && strcmp(evidence, "icon") == 0) {
        const char *hex = json_string_value(json_object_get(want, "color"));
        uint32_t rgb = (uint32_t)strtoul(hex + 1, NULL, 16);
        if (color_distance(rgb, g->evidence.rgb) > 30)
            fail_msg("%s goal %s: icon colour #%06x, want %s", where, g->id, g->evidence.rgb, hex);
        json_t *legend = json_object_get(want, "legend");
        if (legend && json_boolean_value(legend) != g->evidence.legend)
            fail_msg("%s goal %s: legend %d, want %d", where, g->id, g->evidence.legend,
                     json_boolean_value(legend));
    }
    json_t *as = json_object_get(want, "assignments");
    if (!as)
        return;
    if (json_array_size(as) != g->n_assignments)
        fail_msg("%s goal %s: %zu assignments, want %zu", where, g->id, g->n_assignments,
                 json_array_size(as));
    for (size_t k = 0; k < g->n_assignments; k++) {
        json_t *a = json_array_get(as, k);
        snprintf(what, sizeof what, "%s goal %s assignment %zu text", where, g->id, k);
        assert_same(what, json_string_value(json_object_get(a, "text")), g->assignments[k].text);
        snprintf(what, sizeof what, "%s goal %s assignment %zu status", where, g->id, k);
        assert_same(what, json_string_value(json_object_get(a, "status")),
                    statuses[g->assignments[k].status]);
        json_t *comment = json_object_get(a, "comment");
        if (comment) {
            snprintf(what, sizeof what, "%s goal %s assignment %zu comment", where, g->id, k);
            assert_same(what, json_string_value(comment), g->assignments[k].comment);
        }
    }
}

static void test_every_fixture_goal(void **state)
{
    (void)state;
    glob_t gl;
    assert_int_equal(glob(ARSRED_SOURCE_DIR "/fixtures/{,series/}*.goals.json", GLOB_BRACE, NULL, &gl), 0);
    for (size_t i = 0; i < gl.gl_pathc; i++) {
        char *pdf = suite_with_suffix(gl.gl_pathv[i], ".goals.json", ".pdf");
        json_error_t jerr;
        json_t *want = json_load_file(gl.gl_pathv[i], 0, &jerr);
        assert_non_null(want);
        arsred_document *doc = suite_extract(pdf);
        const char *where = strrchr(pdf, '/') + 1;
        if (doc->n_goals != json_array_size(want))
            fail_msg("%s: %zu goals, want %zu", where, doc->n_goals, json_array_size(want));
        size_t right = 0;
        for (size_t g = 0; g < doc->n_goals; g++) {
            check_goal(where, json_array_get(want, g), &doc->goals[g]);
            right++;
        }
        print_message("%s: %zu goals, every id, text, status and assignment right\n", where, right);
        arsred_document_free(doc);
        json_decref(want);
        free(pdf);
    }
    globfree(&gl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_fixture_goal),
    };
    return cmocka_run_group_tests(tests, suite_load_patterns, suite_free_patterns);
}
