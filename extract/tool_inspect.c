/* tool_inspect.c: arsred inspect. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"
#include "tool.h"

enum { OPT_PAGE = 256, OPT_PNG, OPT_PARAGRAPHS, OPT_PASSWORD, OPT_PATTERNS };

static const struct option long_options[] = {
    {"page", required_argument, NULL, OPT_PAGE},
    {"png", required_argument, NULL, OPT_PNG},
    {"paragraphs", no_argument, NULL, OPT_PARAGRAPHS},
    {"password", required_argument, NULL, OPT_PASSWORD},
    {"patterns", required_argument, NULL, OPT_PATTERNS},
    {NULL, 0, NULL, 0},
};

int cmd_inspect(int argc, char **argv, const char *builtin_dir)
{
    int page = 1, paragraphs = 0;
    const char *png = NULL, *user_patterns = NULL;
    arsred_options options = {0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        char *end;
        switch (c) {
        case OPT_PAGE:
            page = (int)strtol(optarg, &end, 10);
            if (*end || page < 1) {
                tool_error("--page needs a page number, like --page 3");
                return EXIT_USAGE;
            }
            break;
        case OPT_PNG: png = optarg; break;
        case OPT_PARAGRAPHS: paragraphs = 1; break;
        case OPT_PASSWORD: options.password = optarg; break;
        case OPT_PATTERNS: user_patterns = optarg; break;
        default:
            tool_error("inspect: unknown or incomplete option '%s'; see 'arsred --help'",
                       argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        tool_error("inspect: give exactly one PDF file; see 'arsred --help'");
        return EXIT_USAGE;
    }
    arsred_patterns *patterns = tool_load_patterns(builtin_dir, user_patterns);
    if (!patterns)
        return EXIT_INPUT;
    options.patterns = patterns;
    char *text = NULL;
    arsred_error err = {0};
    int rc = paragraphs ? arsred_paragraphs(argv[optind], &options, &text, &err)
                        : arsred_inspect_page(argv[optind], &options, page, &text, png, &err);
    arsred_patterns_free(patterns);
    if (rc != ARSRED_OK) {
        tool_error("%s", err.message);
        return tool_exit_status(rc);
    }
    fputs(text, stdout);
    free(text);
    return EXIT_DONE;
}
