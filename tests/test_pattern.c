/* test_pattern.c: pattern files, matching and the examples runner. The
 * inputs are the shipped patterns/ and the small folders of
 * tests/data/patterns-* (each named after what it tests). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"

#define SHIPPED_DIR ARSRED_SOURCE_DIR "/patterns"
#define DATA_DIR ARSRED_SOURCE_DIR "/tests/data/"

static arsred_patterns *load_ok(const char *builtin_dir, const char *user_dir)
{
    arsred_error err = {0};
    arsred_patterns *set = arsred_patterns_load(builtin_dir, user_dir, &err);
    if (!set)
        fail_msg("loading failed: %s", err.message);
    assert_int_equal(err.code, ARSRED_OK);
    return set;
}

/* Loads a folder that must fail, and checks the whole message. */
static void assert_load_fails(const char *dir, const char *message)
{
    arsred_error err = {0};
    assert_null(arsred_patterns_load(dir, NULL, &err));
    assert_int_equal(err.code, ARSRED_ERR_PATTERN);
    assert_string_equal(err.message, message);
}

/* The text of a match's group, or NULL where it did not take part. */
static char *group_text(const char *subject, const pattern_match *m,
                        const char *name)
{
    const pattern_group *g = pattern_match_group(m, name);
    if (!g)
        return NULL;
    return strndup(subject + g->start, g->end - g->start);
}

static void assert_group(const char *subject, const pattern_match *m,
                         const char *name, const char *want)
{
    char *got = group_text(subject, m, name);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* ---- the shipped patterns ---------------------------------------------- */

static void test_shipped_examples_pass(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(SHIPPED_DIR, NULL);
    assert_true(arsred_patterns_count(set) >= 21);
    char *report = NULL;
    int failed = arsred_patterns_test(set, &report);
    if (failed)
        print_message("%s", report);
    assert_int_equal(failed, 0);
    /* Only the summary line, and it counts the examples. */
    assert_int_equal(strncmp(report, "patterns: ", 10), 0);
    assert_non_null(strstr(report, " passed, 0 failed\n"));
    assert_null(strstr(report, "FAIL"));
    free(report);
    arsred_patterns_free(set);
}

/* What the cover recogniser does: within a kind, the first pattern that
 * matches a text gives the value of the kind's group. */
static char *first_capture(const arsred_patterns *set, const char *kind,
                           const char *group, const char *text)
{
    const pattern *pats[64];
    size_t n = patterns_of_kind(set, kind, pats, 64);
    for (size_t i = 0; i < n && i < 64; i++) {
        pattern_match m;
        if (pattern_exec(pats[i], text, strlen(text), 0, &m) == PATTERN_MATCHED)
            return group_text(text, &m, group);
    }
    return NULL;
}

static void assert_cover(const arsred_patterns *set, const char *field,
                         const char *text, const char *want)
{
    char kind[64];
    snprintf(kind, sizeof kind, "report.%s", field);
    char *got = first_capture(set, kind, field, text);
    if (!want) {
        if (got)
            fail_msg("%s of \"%s\": expected none, got \"%s\"", field, text, got);
        return;
    }
    if (!got)
        fail_msg("%s of \"%s\": expected \"%s\", got none", field, text, want);
    assert_string_equal(got, want);
    free(got);
}

static void test_shipped_report_kinds(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(SHIPPED_DIR, NULL);
    const pattern *pats[64];
    assert_true(patterns_of_kind(set, "report.organisation", pats, 64) >= 3);
    assert_true(patterns_of_kind(set, "report.body", pats, 64) >= 3);
    assert_true(patterns_of_kind(set, "report.type", pats, 64) >= 3);
    assert_true(patterns_of_kind(set, "report.year", pats, 64) >= 3);

    assert_cover(set, "organisation", "Årsredovisning 2020 för Krokoms kommun", "Krokoms kommun");
    assert_cover(set, "organisation", "HSB:s Brf Sjötungan i Tyresö", "HSB:s Brf Sjötungan i Tyresö");
    assert_cover(set, "organisation", "KALMAR NATION", "KALMAR NATION");
    assert_cover(set, "organisation", "Revisionsberättelse avseende Göteborgs Stads verksamheter", "Göteborgs Stad");
    assert_cover(set, "organisation", "Kommunstyrelsen", NULL);
    assert_cover(set, "body", "Kultur- och fritidsnämnden", "Kultur- och fritidsnämnden");
    assert_cover(set, "body", "Organisation: Kultur- och fritidsnämnden", "Kultur- och fritidsnämnden");
    assert_cover(set, "body", "Stadsrevisionens årsredogörelse 2022", "Stadsrevisionen");
    assert_cover(set, "body", "Kommunstyrelsen lyckades med detta.", NULL);
    assert_cover(set, "type", "ÅRSREDOVISNING 2023", "ÅRSREDOVISNING");
    assert_cover(set, "type", "2025 Årsbokslut", "Årsbokslut");
    assert_cover(set, "type", "Verksamhetsberättelse\t11", NULL);
    assert_cover(set, "year", "Årsredovisning 2020", "2020");
    assert_cover(set, "year", "Årsredovisning 2022 - 2023", "2023");
    assert_cover(set, "year", "2020-01-01 – 2020-12-31", "2020");
    assert_cover(set, "year", "Räkenskapsår 2025-01-01 - 2025-12-31", "2025");
    assert_cover(set, "year", "Årsredovisning 2045", NULL);
    arsred_patterns_free(set);
}

/* ---- loading ----------------------------------------------------------- */

static void test_load_order_and_lookup(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(DATA_DIR "patterns-base", NULL);
    /* notes.txt is not a pattern file. */
    assert_int_equal(arsred_patterns_count(set), 3);
    const pattern *pats[4];
    /* 10-words.pat before 20-utf8.pat, in file order within a file. */
    assert_int_equal(patterns_of_kind(set, "test.word", pats, 4), 2);
    assert_string_equal(pattern_name(pats[0]), "base.word");
    assert_string_equal(pattern_name(pats[1]), "base.utf8");
    /* Returns how many there are even where out holds fewer. */
    assert_int_equal(patterns_of_kind(set, "test.word", pats, 1), 2);
    assert_int_equal(patterns_of_kind(set, "no.such.kind", pats, 4), 0);

    const pattern *p = patterns_find(set, "base.number");
    assert_non_null(p);
    assert_string_equal(pattern_kind(p), "test.number");
    assert_null(patterns_find(set, "base.nothing"));
    arsred_patterns_free(set);
}

static void test_user_dir_overrides_and_adds(void **state)
{
    (void)state;
    arsred_patterns *set =
        load_ok(DATA_DIR "patterns-base", DATA_DIR "patterns-user");
    assert_int_equal(arsred_patterns_count(set), 4);

    /* The user's base.word keeps the built-in one's place; user.upper is
     * new and comes last. */
    const pattern *pats[4];
    assert_int_equal(patterns_of_kind(set, "test.word", pats, 4), 3);
    assert_string_equal(pattern_name(pats[0]), "base.word");
    assert_string_equal(pattern_name(pats[1]), "base.utf8");
    assert_string_equal(pattern_name(pats[2]), "user.upper");

    /* It is the user's regex (capitals only) that runs now. */
    const char *text = "Årsredovisning ÅRSREDOVISNING";
    pattern_match m;
    assert_int_equal(pattern_exec(pats[0], text, strlen(text), 0, &m),
                     PATTERN_MATCHED);
    assert_group(text, &m, "word", "ÅRSREDOVISNING");
    assert_int_equal(m.start, strlen("Årsredovisning "));

    /* The examples of both folders run: 2 + 1 built-in, 2 + 1 user, minus
     * the 1 of the replaced base.word. */
    char *report = NULL;
    assert_int_equal(arsred_patterns_test(set, &report), 0);
    assert_string_equal(report, "patterns: 5 passed, 0 failed\n");
    free(report);
    arsred_patterns_free(set);
}

static void test_no_folders_is_an_empty_set(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(NULL, NULL);
    assert_int_equal(arsred_patterns_count(set), 0);
    char *report = NULL;
    assert_int_equal(arsred_patterns_test(set, &report), 0);
    assert_string_equal(report, "patterns: 0 passed, 0 failed\n");
    free(report);
    arsred_patterns_free(set);
    arsred_patterns_free(NULL);
    assert_int_equal(arsred_patterns_count(NULL), 0);
}

/* ---- errors ------------------------------------------------------------ */

static void test_regex_error_names_file_line_and_pcre2_message(void **state)
{
    (void)state;
    /* The unclosed parenthesis is on the second regex line (line 12), 7
     * bytes into it, where the expression ends. */
    assert_load_fails(DATA_DIR "patterns-broken",
                      DATA_DIR "patterns-broken/broken.pat:12: regex does not "
                               "compile at offset 7: missing closing "
                               "parenthesis");
}

static void test_unknown_key(void **state)
{
    (void)state;
    assert_load_fails(DATA_DIR "patterns-unknown-key",
                      DATA_DIR "patterns-unknown-key/unknown.pat:3: unknown "
                               "key 'regexp'; the keys are pattern, kind, "
                               "regex, flags, description and example");
}

static void test_missing_kind_or_regex(void **state)
{
    (void)state;
    assert_load_fails(DATA_DIR "patterns-no-kind",
                      DATA_DIR "patterns-no-kind/no-kind.pat:1: pattern "
                               "no.kind has no kind");
    assert_load_fails(DATA_DIR "patterns-no-regex",
                      DATA_DIR "patterns-no-regex/no-regex.pat:1: pattern "
                               "no.regex has no regex");
}

static void test_expectation_outside_an_example(void **state)
{
    (void)state;
    assert_load_fails(DATA_DIR "patterns-stray-expectation",
                      DATA_DIR "patterns-stray-expectation/stray.pat:7: an "
                               "indented line (an expectation) outside an "
                               "example");
}

static void test_example_names_a_missing_group(void **state)
{
    (void)state;
    assert_load_fails(DATA_DIR "patterns-unknown-group",
                      DATA_DIR "patterns-unknown-group/group.pat:6: the regex "
                               "of unknown.group has no group named 'wrod'");
}

static void test_duplicate_name_in_one_folder(void **state)
{
    (void)state;
    assert_load_fails(DATA_DIR "patterns-duplicate",
                      DATA_DIR "patterns-duplicate/b.pat:3: pattern same.name "
                               "is already defined at " DATA_DIR
                               "patterns-duplicate/a.pat:1");
}

static void test_missing_folder_is_named(void **state)
{
    (void)state;
    assert_load_fails(DATA_DIR "patterns-nowhere",
                      DATA_DIR "patterns-nowhere: cannot read the pattern "
                               "folder: no such file or directory");
    /* A missing user folder is as much an error as a missing built-in one. */
    arsred_error err = {0};
    assert_null(arsred_patterns_load(DATA_DIR "patterns-base",
                                     DATA_DIR "patterns-nowhere", &err));
    assert_int_equal(err.code, ARSRED_ERR_PATTERN);
    assert_non_null(strstr(err.message, "patterns-nowhere: cannot read"));
}

/* ---- matching ---------------------------------------------------------- */

static void test_catastrophic_backtracking_hits_the_limit(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(DATA_DIR "patterns-limit", NULL);
    const pattern *p = patterns_find(set, "limit.backtrack");
    assert_non_null(p);
    const char *text = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";
    pattern_match m;
    assert_int_equal(pattern_exec(p, text, strlen(text), 0, &m), PATTERN_LIMIT);
    /* The same pattern on a harmless text still works. */
    assert_int_equal(pattern_exec(p, "aaa", 3, 0, &m), PATTERN_MATCHED);
    assert_int_equal(m.end, 3);

    char *report = NULL;
    assert_int_equal(arsred_patterns_test(set, &report), 1);
    assert_string_equal(report,
                        "FAIL limit.backtrack (" DATA_DIR
                        "patterns-limit/limit.pat:9): example "
                        "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\": "
                        "stopped by the match limit\n"
                        "patterns: 1 passed, 1 failed\n");
    free(report);
    arsred_patterns_free(set);
}

static void test_group_offsets_in_utf8(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(DATA_DIR "patterns-base", NULL);
    const pattern *p = patterns_find(set, "base.utf8");
    assert_non_null(p);
    /* Byte offsets: Å and Ä and ö take two bytes each. */
    const char *text = "Å Ärlig ögonsten";
    pattern_match m;
    assert_int_equal(pattern_exec(p, text, strlen(text), 0, &m), PATTERN_MATCHED);
    assert_int_equal(m.start, 3);
    assert_int_equal(m.end, 19);
    /* Every named group, in the order the regex has them. */
    assert_int_equal(m.n_groups, 3);
    assert_string_equal(m.groups[0].name, "first");
    assert_true(m.groups[0].set);
    assert_int_equal(m.groups[0].start, 3);
    assert_int_equal(m.groups[0].end, 9);
    assert_string_equal(m.groups[1].name, "second");
    assert_int_equal(m.groups[1].start, 10);
    assert_int_equal(m.groups[1].end, 19);
    assert_string_equal(m.groups[2].name, "missing");
    assert_false(m.groups[2].set);
    assert_null(pattern_match_group(&m, "missing"));
    assert_null(pattern_match_group(&m, "no-such-group"));
    assert_group(text, &m, "first", "Ärlig");
    assert_group(text, &m, "second", "ögonsten");

    /* From an offset, and past the end. */
    const char *two = "Åsa ärlig Örjan öm 12";
    assert_int_equal(pattern_exec(p, two, strlen(two), 5, &m), PATTERN_MATCHED);
    assert_group(two, &m, "first", "Örjan");
    assert_group(two, &m, "missing", "12");
    assert_int_equal(m.start, strlen("Åsa ärlig "));
    assert_int_equal(pattern_exec(p, two, strlen(two), strlen(two), &m),
                     PATTERN_NO_MATCH);
    assert_int_equal(pattern_exec(p, two, strlen(two), strlen(two) + 1, &m),
                     PATTERN_NO_MATCH);
    arsred_patterns_free(set);
}

static void test_invalid_utf8_subject(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(DATA_DIR "patterns-base", NULL);
    const pattern *p = patterns_find(set, "base.word");
    /* A stray byte from a broken PDF font matches nothing but does not stop
     * the search. */
    const char text[] = "\xff\xfe Kommun";
    pattern_match m;
    assert_int_equal(pattern_exec(p, text, strlen(text), 0, &m), PATTERN_MATCHED);
    assert_group(text, &m, "word", "Kommun");
    assert_int_equal(pattern_exec(p, "\xc3", 1, 0, &m), PATTERN_NO_MATCH);
    arsred_patterns_free(set);
}

/* ---- running the examples ---------------------------------------------- */

static void test_failing_examples_are_reported(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(DATA_DIR "patterns-failing", NULL);
    char *report = NULL;
    assert_int_equal(arsred_patterns_test(set, &report), 6);
#define AT(line) "FAIL failing.word (" DATA_DIR "patterns-failing/failing.pat:" #line "): "
    assert_string_equal(
        report,
        AT(9) "example \"Åsa\": expected word = \"Åke\", got \"Åsa\"\n"
        AT(11) "example \"123\": expected a match, got none\n"
        AT(12) "example \"Örjan\": expected no match, got 'Örjan'\n"
        AT(14) "example \"Åsa Öberg\": match 2: expected word = \"Öst\", got \"Öberg\"\n"
        AT(14) "example \"Åsa Öberg\": expected match 3, got only 2\n"
        AT(19) "example \"Åsa 12\": expected number to be empty, got \"12\"\n"
        AT(21) "example \"Åsa\": expected number = \"7\", got nothing\n"
        "patterns: 1 passed, 6 failed\n");
#undef AT
    free(report);
    /* The count does not need the report. */
    assert_int_equal(arsred_patterns_test(set, NULL), 6);
    arsred_patterns_free(set);
}

/* ---- threads ----------------------------------------------------------- */

enum { THREADS = 4, ROUNDS = 500 };

typedef struct thread_job {
    const pattern *p;
    int wrong;
} thread_job;

static void *match_many_times(void *arg)
{
    thread_job *job = arg;
    const char *text = "Å Ärlig ögonsten";
    for (int i = 0; i < ROUNDS; i++) {
        pattern_match m;
        int rc = pattern_exec(job->p, text, strlen(text), 0, &m);
        if (rc != PATTERN_MATCHED || m.groups[1].start != 10)
            job->wrong++;
    }
    return NULL;
}

static void test_terms_stand_for_their_expression(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(DATA_DIR "patterns-terms", NULL);
    char *report = NULL;
    assert_int_equal(arsred_patterns_test(set, &report), 0);
    free(report);
    const pattern *p = patterns_find(set, "terms.level");
    assert_non_null(p);
    /* The caseless term keeps its flag inside a pattern that has none;
     * unit is set twice (duplicate names) and the first set one counts. */
    const char *text = "Kostnaden var 12 PROCENT";
    pattern_match m;
    assert_int_equal(pattern_exec(p, text, strlen(text), 0, &m), PATTERN_MATCHED);
    assert_group(text, &m, "value", "12");
    assert_group(text, &m, "unit", "PROCENT");
    assert_null(pattern_match_group(&m, "previous"));
    /* The pattern itself is not caseless: "VAR" is no match. */
    const char *upper = "Kostnaden VAR 12 %";
    assert_int_equal(pattern_exec(p, upper, strlen(upper), 0, &m), PATTERN_NO_MATCH);
    arsred_patterns_free(set);
}

static void test_unknown_term_is_named(void **state)
{
    (void)state;
    assert_load_fails(DATA_DIR "patterns-term-unknown",
                      DATA_DIR "patterns-term-unknown/unknown.pat:4: {{no.such.term}} names "
                               "no term defined before this line (a pattern of kind term)");
}

static void test_matching_from_several_threads(void **state)
{
    (void)state;
    arsred_patterns *set = load_ok(DATA_DIR "patterns-base", NULL);
    pthread_t threads[THREADS];
    thread_job jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (thread_job){patterns_find(set, "base.utf8"), 0};
        assert_int_equal(pthread_create(&threads[i], NULL, match_many_times, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        assert_int_equal(jobs[i].wrong, 0);
    }
    arsred_patterns_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_examples_pass),
        cmocka_unit_test(test_shipped_report_kinds),
        cmocka_unit_test(test_load_order_and_lookup),
        cmocka_unit_test(test_user_dir_overrides_and_adds),
        cmocka_unit_test(test_no_folders_is_an_empty_set),
        cmocka_unit_test(test_regex_error_names_file_line_and_pcre2_message),
        cmocka_unit_test(test_unknown_key),
        cmocka_unit_test(test_missing_kind_or_regex),
        cmocka_unit_test(test_expectation_outside_an_example),
        cmocka_unit_test(test_example_names_a_missing_group),
        cmocka_unit_test(test_duplicate_name_in_one_folder),
        cmocka_unit_test(test_missing_folder_is_named),
        cmocka_unit_test(test_catastrophic_backtracking_hits_the_limit),
        cmocka_unit_test(test_group_offsets_in_utf8),
        cmocka_unit_test(test_invalid_utf8_subject),
        cmocka_unit_test(test_failing_examples_are_reported),
        cmocka_unit_test(test_terms_stand_for_their_expression),
        cmocka_unit_test(test_unknown_term_is_named),
        cmocka_unit_test(test_matching_from_several_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
