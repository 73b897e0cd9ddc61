/* test_fixtures.c: every fixture PDF through the library: its report
 * fields against fixtures/<name>.expect.json, and its paragraphs in
 * reading order against fixtures/<name>.paragraphs.txt (every expected
 * paragraph present, exactly, in that order). */
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
#include "report.h"


static char *sibling(const char *expect_path, const char *suffix)
{
    size_t n = strlen(expect_path) - strlen(".expect.json");
    char *p = malloc(n + strlen(suffix) + 1);
    memcpy(p, expect_path, n);
    strcpy(p + n, suffix);
    return p;
}

static void check_string_field(json_t *expect, const char *key, const char *got,
                               const char *pdf)
{
    json_t *want = json_object_get(expect, key);
    if (!want)
        return;
    if (!got || strcmp(json_string_value(want), got) != 0)
        fail_msg("%s: report.%s is '%s', want '%s'", pdf, key, got ? got : "(null)",
                 json_string_value(want));
}

static void check_report(json_t *expect, const char *pdf)
{
    arsred_document *doc = suite_extract(pdf);
    check_string_field(expect, "organisation", doc->organisation, pdf);
    check_string_field(expect, "body", doc->body, pdf);
    check_string_field(expect, "type", doc->type, pdf);
    json_t *year = json_object_get(expect, "year");
    if (year && json_integer_value(year) != doc->year)
        fail_msg("%s: report.year is %d, want %lld", pdf, doc->year,
                 (long long)json_integer_value(year));
    json_t *pages = json_object_get(expect, "pages");
    if (pages)
        assert_int_equal(doc->pages, json_integer_value(pages));
    arsred_document_free(doc);
}

/* Poppler turns no-break and thin spaces into plain spaces before we see
 * them, so they are compared as spaces. */
static void fold_number_spaces(char *s)
{
    static const char *const spaces[] = {"\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF"};
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(spaces[k]);
        char *p;
        while ((p = strstr(s, spaces[k])) != NULL) {
            *p = ' ';
            memmove(p + 1, p + n, strlen(p + n) + 1);
        }
    }
}

/* Every line of want_path must be a paragraph of got, in order. */
static void check_paragraphs(const char *pdf, const char *want_path)
{
    FILE *f = fopen(want_path, "r");
    if (!f)
        return;
    arsred_options options = {.patterns = suite_patterns};
    char *got = NULL;
    arsred_error err = {0};
    assert_int_equal(arsred_paragraphs(pdf, &options, &got, &err), ARSRED_OK);
    fold_number_spaces(got);
    const char *cursor = got;
    char want[65536];
    int number = 0, found = 0, missing = 0;
    while (fgets(want, sizeof want, f)) {
        number++;
        want[strcspn(want, "\n")] = 0;
        fold_number_spaces(want);
        if (!*want)
            continue;
        /* find "\nLINE\n" (or at the start) from the cursor on */
        const char *at = cursor;
        const char *hit = NULL;
        size_t len = strlen(want);
        while ((at = strstr(at, want)) != NULL) {
            bool starts = at == got || at[-1] == '\n';
            bool ends = at[len] == '\n' || at[len] == '\0';
            if (starts && ends) {
                hit = at;
                break;
            }
            at++;
        }
        if (hit) {
            found++;
            cursor = hit + len;
        } else {
            missing++;
            if (missing <= 5)
                print_message("%s: paragraph %d not found in order: %.120s\n", pdf,
                              number, want);
        }
    }
    fclose(f);
    print_message("%s: %d of %d paragraphs in reading order\n", pdf, found, found + missing);
    free(got);
    assert_int_equal(missing, 0);
}

static void test_every_fixture(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob(ARSRED_SOURCE_DIR "/fixtures/{,series/}*.expect.json", GLOB_BRACE, NULL, &g), 0);
    assert_true(g.gl_pathc >= 3);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        json_error_t jerr;
        json_t *expect = json_load_file(g.gl_pathv[i], 0, &jerr);
        assert_non_null(expect);
        char *pdf = sibling(g.gl_pathv[i], ".pdf");
        char *paragraphs = sibling(g.gl_pathv[i], ".paragraphs.txt");
        check_report(expect, pdf);
        check_paragraphs(pdf, paragraphs);
        free(pdf);
        free(paragraphs);
        json_decref(expect);
    }
    globfree(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_fixture),
    };
    return cmocka_run_group_tests(tests, suite_load_patterns, suite_free_patterns);
}
