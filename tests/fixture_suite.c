/* fixture_suite.c: see fixture_suite.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture_suite.h"

arsred_patterns *suite_patterns;

int suite_load_patterns(void **state)
{
    (void)state;
    arsred_error err = {0};
    suite_patterns = arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    if (!suite_patterns)
        fprintf(stderr, "%s\n", err.message);
    return suite_patterns ? 0 : -1;
}

int suite_free_patterns(void **state)
{
    (void)state;
    arsred_patterns_free(suite_patterns);
    return 0;
}

char *suite_with_suffix(const char *path, const char *old_suffix, const char *suffix)
{
    size_t n = strlen(path) - strlen(old_suffix);
    char *p = malloc(n + strlen(suffix) + 1);
    assert_non_null(p);
    memcpy(p, path, n);
    strcpy(p + n, suffix);
    return p;
}

arsred_document *suite_extract(const char *pdf)
{
    arsred_options options = {.patterns = suite_patterns};
    arsred_document *doc = NULL;
    arsred_error err = {0};
    if (arsred_extract(pdf, &options, &doc, &err) != ARSRED_OK)
        fail_msg("%s: %s", pdf, err.message);
    return doc;
}
