/* fuzz_pipeline.c: the whole pipeline on PDF bytes, through the calls
 * `arsred extract` makes (tool_extract.c): arsred_extract with the bundled
 * patterns (in one thread or two), then the JSON, CSV, summary and check
 * lines of the document.
 * One input must be quick, so it is read within pipeline_limits: its first
 * FUZZ_PAGES pages, and for one input in FUZZ_DRAW_EVERY (by its size)
 * FUZZ_RENDER_PIXELS drawn in all (a page's overview for its icons and
 * marks, at one pixel per point, is half a million); for the others
 * nothing. Drawing past that fails as it does for a page too big, which
 * the pipeline survives. Drawing is most of the time of an input (poppler
 * draws the text too), and the code that reads pixels is small. The rest
 * is arsred_extract's path.
 * Poppler reads files, so each input is written to a private temporary
 * file. Seeds: the first pages of the fixture PDFs and of the real
 * corpus, where there is one (scripts/fuzz.sh cuts them). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arsred.h"
#include "pipeline.h"

#ifndef ARSRED_SOURCE_DIR
#error "ARSRED_SOURCE_DIR must name the source tree (for patterns/)"
#endif

enum { FUZZ_PAGES = 2, FUZZ_DRAW_EVERY = 4 };
#define FUZZ_RENDER_PIXELS 1.0e6

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
     * as `extract` does with a core to spare (the other bits of the size
     * say whether it is drawn: the two threads draw at once) */
    arsred_options options = {.patterns = patterns, .timeout_seconds = 5,
                              .load_ahead = size % 2 == 1};
    arsred_document *doc = NULL;
    arsred_error err = {0};
    const pipeline_limits limits = {
        .max_pages = FUZZ_PAGES,
        .max_render_pixels = size / 2 % FUZZ_DRAW_EVERY == 0 ? FUZZ_RENDER_PIXELS : -1};
    int rc = pipeline_run_limited(path, &options, &limits, &doc, &err);
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
