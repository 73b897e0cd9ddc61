/* fuzz_patterns.c: the pattern-file loader (pattern.c) on any text, and
 * the examples of whatever it accepts run as `arsred patterns test` runs
 * them. The loader reads folders of *.pat files, so each input is written
 * to one file in a private temporary folder. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arsred.h"

static char folder[64];
static char file[96];

static void remove_folder(void)
{
    unlink(file);
    rmdir(folder);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(folder, sizeof folder, "%s/arsred-fuzz-XXXXXX", base);
    if (!mkdtemp(folder))
        abort();
    snprintf(file, sizeof file, "%s/fuzz.pat", folder);
    atexit(remove_folder);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(file, "wb");
    if (!f)
        abort();
    if (fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();

    arsred_error err = {0};
    arsred_patterns *set = arsred_patterns_load(folder, NULL, &err);
    if (!set) {
        if (err.code != ARSRED_ERR_PATTERN || err.message[0] == '\0')
            abort(); /* a refusal always says why */
        return 0;
    }
    char *report = NULL;
    arsred_patterns_test(set, &report);
    if (!report)
        abort();
    free(report);
    arsred_patterns_free(set);
    return 0;
}
