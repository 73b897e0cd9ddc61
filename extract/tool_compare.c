/* tool_compare.c: arsred compare FILE... (PDFs or extract JSON of one
 * organisation, any order). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"
#include "tool.h"

enum { OPT_FORMAT = 256, OPT_PRETTY, OPT_PASSWORD, OPT_PATTERNS, OPT_QUIET };

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"pretty", no_argument, NULL, OPT_PRETTY},
    {"password", required_argument, NULL, OPT_PASSWORD},
    {"patterns", required_argument, NULL, OPT_PATTERNS},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {NULL, 0, NULL, 0},
};

int cmd_compare(int argc, char **argv, const char *builtin_dir)
{
    const char *format = "json", *user_patterns = NULL;
    int pretty = 0, quiet = 0;
    arsred_options options = {0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT: format = optarg; break;
        case OPT_PRETTY: pretty = 1; break;
        case OPT_PASSWORD: options.password = optarg; break;
        case OPT_PATTERNS: user_patterns = optarg; break;
        case OPT_QUIET: quiet = 1; break;
        default:
            tool_error("compare: unknown or incomplete option '%s'; see 'arsred --help'",
                       argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (strcmp(format, "json") != 0 && strcmp(format, "csv") != 0) {
        tool_error("--format %s: write json or csv", format);
        return EXIT_USAGE;
    }
    if (optind >= argc) {
        tool_error("compare: give the reports (PDF or extract JSON); see 'arsred --help'");
        return EXIT_USAGE;
    }
    arsred_patterns *patterns = tool_load_patterns(builtin_dir, user_patterns);
    if (!patterns)
        return EXIT_INPUT;
    options.patterns = patterns;
    options.load_ahead = tool_load_ahead(tool_cores(), 1); /* one file at a time */
    tool_inputs inputs;
    int status = tool_inputs_gather(argv + optind, argc - optind, TOOL_FOLDERS_REFUSED, &inputs);
    arsred_document **docs = calloc(inputs.n ? inputs.n : 1, sizeof *docs);
    size_t loaded = 0;
    for (size_t i = 0; i < inputs.n; i++) {
        int rc = tool_load_document(&inputs.items[i], &options, &docs[loaded]);
        if (rc != EXIT_DONE)
            status = rc;
        else
            loaded++;
    }
    arsred_comparison *cmp = NULL;
    arsred_error err = {0};
    if (status == EXIT_DONE && arsred_compare(docs, loaded, patterns, &cmp, &err) != ARSRED_OK) {
        tool_error("%s", err.message);
        status = EXIT_USAGE;
    }
    if (cmp) {
        for (size_t i = 0; i < arsred_comparison_warning_count(cmp) && !quiet; i++)
            tool_error("%s", arsred_comparison_warning(cmp, i));
        char *text = strcmp(format, "csv") == 0 ? arsred_comparison_to_csv(cmp)
                                                : arsred_comparison_to_json(cmp, pretty);
        fputs(text, stdout);
        if (strcmp(format, "json") == 0)
            fputc('\n', stdout);
        free(text);
        arsred_comparison_free(cmp);
    }
    for (size_t i = 0; i < loaded; i++)
        arsred_document_free(docs[i]);
    free(docs);
    tool_inputs_release(&inputs);
    arsred_patterns_free(patterns);
    return status;
}
