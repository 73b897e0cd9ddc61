/* tool_check.c: arsred check FILE... (a PDF or an extract JSON). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"
#include "tool.h"

enum { OPT_ALL = 256, OPT_PASSWORD, OPT_PATTERNS, OPT_PAGES };

static const struct option long_options[] = {
    {"all", no_argument, NULL, OPT_ALL},
    {"password", required_argument, NULL, OPT_PASSWORD},
    {"patterns", required_argument, NULL, OPT_PATTERNS},
    {"pages", required_argument, NULL, OPT_PAGES},
    {NULL, 0, NULL, 0},
};

int cmd_check(int argc, char **argv, const char *builtin_dir)
{
    int all = 0;
    const char *user_patterns = NULL;
    arsred_options options = {0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (c) {
        case OPT_ALL: all = 1; break;
        case OPT_PASSWORD: options.password = optarg; break;
        case OPT_PATTERNS: user_patterns = optarg; break;
        case OPT_PAGES: options.page_ranges = optarg; break;
        default:
            tool_error("check: unknown or incomplete option '%s'; see 'arsred --help'",
                       argv[optind - 1]);
            return EXIT_USAGE;
        }
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
    for (size_t i = 0; i < inputs.n; i++) {
        arsred_document *doc = NULL;
        int rc = tool_load_document(&inputs.items[i], &options, &doc);
        if (rc != EXIT_DONE) {
            status = rc > status ? rc : status;
            continue;
        }
        size_t mismatches = 0;
        char *text = arsred_document_checks_text(doc, all, &mismatches);
        if (argc - optind > 1)
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
