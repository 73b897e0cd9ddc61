/* fuzz_pipeline.c: the whole pipeline on PDF bytes, through the calls
 * `arsred extract` makes (tool_extract.c): arsred_extract with the bundled
 * patterns (in one thread or two), then the JSON, CSV, summary and check
 * lines of the document.
 * Poppler reads files, so each input is written to a private temporary
 * file. Seeds: the fixture PDFs (scripts/fuzz.sh links them). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arsred.h"

#ifndef ARSRED_SOURCE_DIR
#error "ARSRED_SOURCE_DIR must name the source tree (for patterns/)"
#endif

static arsred_patterns *patterns;
static char path[64];

static void remove_file(void)
{
    unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    arsred_error err = {0};
    patterns = arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    if (!patterns)
        abort();
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(path, sizeof path, "%s/arsred-fuzz-XXXXXX", base);
    int fd = mkstemp(path);
    if (fd < 0)
        abort();
    close(fd);
    atexit(remove_file);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();

    /* the per-file limit of `extract --timeout`, below libFuzzer's own;
     * every other input read with its pages read ahead in a second thread,
     * as `extract` does with a core to spare */
    arsred_options options = {.patterns = patterns, .timeout_seconds = 5,
                              .load_ahead = size % 2 == 1};
    arsred_document *doc = NULL;
    arsred_error err = {0};
    int rc = arsred_extract(path, &options, &doc, &err);
    if (rc != ARSRED_OK) {
        /* `arsred extract` maps these to exit 3; anything else is a bug */
        if (doc || (rc != ARSRED_ERR_INPUT && rc != ARSRED_ERR_TIMEOUT) ||
            err.message[0] == '\0')
            abort();
        return 0;
    }
    free(arsred_document_to_json(doc, 1));
    free(arsred_document_to_csv(doc, 1));
    free(arsred_document_summary(doc));
    size_t mismatches;
    free(arsred_document_checks_text(doc, 1, &mismatches));
    arsred_document_free(doc);
    return 0;
}
