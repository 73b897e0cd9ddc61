/* fixture_suite.h: what the tests against the fixtures share: the bundled
 * patterns, loaded once for a group of tests, and a fixture read through
 * arsred_extract as `arsred extract` reads it. */
#ifndef ARSRED_FIXTURE_SUITE_H
#define ARSRED_FIXTURE_SUITE_H

#include "arsred.h"

extern arsred_patterns *suite_patterns;

/* Group setup and teardown for cmocka_run_group_tests. */
int suite_load_patterns(void **state);
int suite_free_patterns(void **state);

/* path with its ending old_suffix replaced by suffix (fixtures/x.goals.json
 * and ".goals.json", ".pdf": fixtures/x.pdf), newly allocated. */
char *suite_with_suffix(const char *path, const char *old_suffix, const char *suffix);

/* pdf read with the bundled patterns; a failure fails the test. */
arsred_document *suite_extract(const char *pdf);

#endif
