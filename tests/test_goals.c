/* test_goals.c: every goal of every fixture against fixtures/<name>.goals.json:
 * id, text, status, how the status was read (icon colour, legend, or
 * words), and the assignments with their statuses and follow-up text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glob.h>
#include <math.h>
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

/* The assignments of a goal (or those under no goal) against want, where
 * given: text, status, comment and progress of each. */
static void check_assignments(const char *owner, json_t *want, const assignment *list, size_t n)
{
    char what[1024];
    if (!want)
        return;
    if (json_array_size(want) != n)
        fail_msg("%s: %zu assignments, want %zu", owner, n, json_array_size(want));
    for (size_t k = 0; k < n; k++) {
        json_t *a = json_array_get(want, k);
        snprintf(what, sizeof what, "%s assignment %zu text", owner, k);
        assert_same(what, json_string_value(json_object_get(a, "text")), list[k].text);
        snprintf(what, sizeof what, "%s assignment %zu status", owner, k);
        assert_same(what, json_string_value(json_object_get(a, "status")), statuses[list[k].status]);
        json_t *comment = json_object_get(a, "comment");
        if (comment) {
            snprintf(what, sizeof what, "%s assignment %zu comment", owner, k);
            assert_same(what, json_string_value(comment), list[k].comment);
        }
        json_t *progress = json_object_get(a, "progress");
        if (progress && json_is_null(progress) != !list[k].has_progress)
            fail_msg("%s assignment %zu: progress %s", owner, k,
                     list[k].has_progress ? "read, want none" : "none, want one");
        if (progress && json_is_number(progress) &&
            fabs(json_number_value(progress) - list[k].progress) > 0.02)
            fail_msg("%s assignment %zu: progress %.2f, want %.2f", owner, k, list[k].progress,
                     json_number_value(progress));
    }
}

/* A goal's targets against want, where given: value, unit and year. */
static void check_targets(char *what, const char *where, const char *id, json_t *want, const goal *g)
{
    if (!want)
        return;
    if (json_array_size(want) != g->n_targets)
        fail_msg("%s goal %s: %zu targets, want %zu", where, id, g->n_targets, json_array_size(want));
    for (size_t k = 0; k < g->n_targets; k++) {
        json_t *t = json_array_get(want, k);
        const goal_target *got = &g->targets[k];
        if (!got->has_value || fabs(got->value - json_number_value(json_object_get(t, "value"))) > 1e-9 ||
            got->year != (int)json_integer_value(json_object_get(t, "year")))
            fail_msg("%s goal %s target %zu: %g year %d, want %g year %d", where, id, k,
                     got->has_value ? got->value : 0, got->year,
                     json_number_value(json_object_get(t, "value")),
                     (int)json_integer_value(json_object_get(t, "year")));
        snprintf(what, 1024, "%s goal %s target %zu unit", where, id, k);
        assert_same(what, json_string_value(json_object_get(t, "unit")), got->unit);
    }
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
    check_targets(what, where, g->id, json_object_get(want, "targets"), g);
    json_t *comment = json_object_get(want, "comment");
    if (comment) {
        snprintf(what, sizeof what, "%s goal %s comment", where, g->id);
        assert_same(what, json_string_value(comment), g->comment);
    }
    snprintf(what, sizeof what, "%s goal %s", where, g->id);
    check_assignments(what, json_object_get(want, "assignments"), g->assignments, g->n_assignments);
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
        char *loose = suite_with_suffix(gl.gl_pathv[i], ".goals.json", ".assignments.json");
        json_t *want_loose = json_load_file(loose, 0, &jerr);
        if (want_loose || doc->n_assignments) {
            char owner[512];
            snprintf(owner, sizeof owner, "%s, under no goal,", where);
            json_t *none = json_array();
            check_assignments(owner, want_loose ? want_loose : none, doc->assignments,
                              doc->n_assignments);
            json_decref(none);
        }
        json_decref(want_loose);
        free(loose);
        print_message("%s: %zu goals, every id, text, status and assignment right\n", where, right);
        arsred_document_free(doc);
        json_decref(want);
        free(pdf);
    }
    globfree(&gl);
}

/* Without a legend, hue tells only a traffic light's colours. */
static void test_hue_tells_only_traffic_lights(void **state)
{
    (void)state;
    assert_int_equal(status_of_hue(0xd7261e), STATUS_NOT_MET);
    assert_int_equal(status_of_hue(0xf2c200), STATUS_PARTLY_MET);
    assert_int_equal(status_of_hue(0xe8822a), STATUS_PARTLY_MET); /* orange is amber */
    assert_int_equal(status_of_hue(0x2e9e48), STATUS_MET);
    assert_int_equal(status_of_hue(0x9b9b9b), STATUS_NONE);      /* grey */
    assert_int_equal(status_of_hue(0xb0a89a), STATUS_NONE);      /* warm grey */
    assert_int_equal(status_of_hue(0x1f3f7a), STATUS_NONE);      /* dark blue */
    assert_int_equal(status_of_hue(0x2f6db5), STATUS_NONE);      /* a blue "play" icon */
    assert_int_equal(status_of_hue(0x000000), STATUS_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hue_tells_only_traffic_lights),
        cmocka_unit_test(test_every_fixture_goal),
    };
    return cmocka_run_group_tests(tests, suite_load_patterns, suite_free_patterns);
}
