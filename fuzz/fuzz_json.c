/* fuzz_json.c: the extract-JSON reader on bytes, then what `arsred check`
 * and `arsred compare` do with the document it gives (tool_check.c,
 * tool_compare.c): the checks as text, JSON and CSV, the document compared
 * with itself, and the document written back as JSON and CSV. Users edit
 * these files, so anything may be in them.
 * The JSON written back must read again, and reading it again must give
 * the same JSON (what is read is what is written). Seeds: small extract
 * JSON of fixtures and edge cases (fuzz/make_seeds.py). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"

#ifndef ARSRED_SOURCE_DIR
#error "ARSRED_SOURCE_DIR must name the source tree (for patterns/)"
#endif

static arsred_patterns *patterns;

/* A broken promise of the library: say which, and abort for the fuzzer. */
#define REQUIRE(cond)                                                        \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "fuzz_json: %s:%d: not so: %s\n", __FILE__,      \
                    __LINE__, #cond);                                        \
            abort();                                                         \
        }                                                                    \
    } while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    arsred_error err = {0};
    patterns = arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    if (!patterns)
        abort();
    return 0;
}

static void compare_with_itself(arsred_document *doc)
{
    arsred_document *docs[2] = {doc, doc};
    for (size_t n = 1; n <= 2; n++) {
        arsred_comparison *cmp = NULL;
        arsred_error err = {0};
        int rc = arsred_compare(docs, n, patterns, &cmp, &err);
        if (rc != ARSRED_OK) {
            /* `compare` says why (no year, say) and exits 2 */
            REQUIRE(!cmp && rc == ARSRED_ERR_USAGE && err.message[0] != '\0');
            return;
        }
        for (size_t i = 0; i < arsred_comparison_warning_count(cmp); i++)
            REQUIRE(arsred_comparison_warning(cmp, i) != NULL);
        free(arsred_comparison_to_json(cmp, (int)n - 1));
        free(arsred_comparison_to_csv(cmp));
        arsred_comparison_free(cmp);
    }
}

/* The JSON of the document that json reads as; json must read. */
static char *reread(const char *json, int pretty)
{
    arsred_document *doc = NULL;
    arsred_error err = {0};
    REQUIRE(arsred_document_from_json(json, "fuzz.json", &doc, &err) == ARSRED_OK);
    char *out = arsred_document_to_json(doc, pretty);
    arsred_document_free(doc);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* tool_main.c reads the file into a string: bytes after a NUL are not
     * seen */
    char *text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';

    arsred_document *doc = NULL;
    arsred_error err = {0};
    int rc = arsred_document_from_json(text, "fuzz.json", &doc, &err);
    free(text);
    if (rc != ARSRED_OK) {
        REQUIRE(!doc && rc == ARSRED_ERR_INPUT && err.message[0] != '\0');
        return 0;
    }

    size_t mismatches = 0;
    free(arsred_document_checks_text(doc, 0, &mismatches));
    free(arsred_document_checks_text(doc, 1, &mismatches));
    REQUIRE(arsred_document_mismatch_count(doc) == mismatches);
    free(arsred_document_checks_json(doc, 0));
    free(arsred_document_checks_csv(doc, 1));
    free(arsred_document_summary(doc));
    free(arsred_document_to_csv(doc, 1));
    compare_with_itself(doc);

    /* the first reading may drop what it does not know; from then on
     * what is read is what was written, pretty or not */
    char *first = arsred_document_to_json(doc, 0);
    arsred_document_free(doc);
    char *again = reread(first, 0);
    char *pretty = reread(first, 1);
    char *from_pretty = reread(pretty, 0);
    REQUIRE(strcmp(first, again) == 0);
    REQUIRE(strcmp(first, from_pretty) == 0);
    free(from_pretty);
    free(pretty);
    free(again);
    free(first);
    return 0;
}
