/* tool_check.c: arsred check FILE... (a PDF or an extract JSON). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"
#include "tool.h"

enum { OPT_ALL = 256, OPT_PASSWORD, OPT_PATTERNS, OPT_PAGES, OPT_FORMAT, OPT_PRETTY };

static const struct option long_options[] = {
    {"all", no_argument, NULL, OPT_ALL},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"pretty", no_argument, NULL, OPT_PRETTY},
    {"password", required_argument, NULL, OPT_PASSWORD},
    {"patterns", required_argument, NULL, OPT_PATTERNS},
    {"pages", required_argument, NULL, OPT_PAGES},
    {NULL, 0, NULL, 0},
};

/* The checks of one document as asked: text for people, JSON (one
 * document per line where there are several, or pretty), or CSV (one
 * header for the batch). */
static char *check_output(const arsred_document *doc, const char *format, int all, int pretty,
                          bool first, size_t *mismatches)
{
    if (strcmp(format, "text") == 0)
        return arsred_document_checks_text(doc, all, mismatches);
    *mismatches = arsred_document_mismatch_count(doc);
    if (strcmp(format, "csv") == 0)
        return arsred_document_checks_csv(doc, first);
    char *json = arsred_document_checks_json(doc, pretty);
    size_t len = strlen(json);
    char *line = malloc(len + 2);
    if (!line) {
        fputs("arsred: out of memory\n", stderr);
        abort();
    }
    memcpy(line, json, len);
    memcpy(line + len, "\n", 2);
    free(json);
    return line;
}

int cmd_check(int argc, char **argv, const char *builtin_dir)
{
    int all = 0, pretty = 0;
    const char *user_patterns = NULL, *format = "text";
    arsred_options options = {0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (c) {
        case OPT_ALL: all = 1; break;
        case OPT_FORMAT: format = optarg; break;
        case OPT_PRETTY: pretty = 1; break;
        case OPT_PASSWORD: options.password = optarg; break;
        case OPT_PATTERNS: user_patterns = optarg; break;
        case OPT_PAGES: options.page_ranges = optarg; break;
        default:
            tool_error("check: unknown or incomplete option '%s'; see 'arsred --help'",
                       argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0 &&
        strcmp(format, "csv") != 0) {
        tool_error("check: --format %s: write text, json or csv", format);
        return EXIT_USAGE;
    }
    if (optind >= argc) {
        tool_error("check: give a PDF or an extract JSON; see 'arsred --help'");
        return EXIT_USAGE;
    }
    arsred_patterns *patterns = tool_load_patterns(builtin_dir, user_patterns);
    if (!patterns)
        return EXIT_INPUT;
    options.patterns = patterns;
    options.load_ahead = tool_load_ahead(tool_cores(), 1); /* one file at a time */
    tool_inputs inputs;
    int status = tool_inputs_gather(argv + optind, argc - optind, TOOL_FOLDERS_REFUSED, &inputs);
    bool header_written = false; /* one CSV header for the batch, whichever file is first read */
    for (size_t i = 0; i < inputs.n; i++) {
        arsred_document *doc = NULL;
        int rc = tool_load_document(&inputs.items[i], &options, &doc);
        if (rc != EXIT_DONE) {
            status = rc > status ? rc : status;
            continue;
        }
        size_t mismatches = 0;
        char *text = check_output(doc, format, all, pretty, !header_written, &mismatches);
        header_written = true;
        if (argc - optind > 1 && strcmp(format, "text") == 0)
            printf("%s\n", inputs.items[i].name);
        fputs(text, stdout);
        free(text);
        arsred_document_free(doc);
        if (mismatches && status == EXIT_DONE)
            status = EXIT_MISMATCH;
    }
    tool_inputs_release(&inputs);
    arsred_patterns_free(patterns);
    return status;
}
