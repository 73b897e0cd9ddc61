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

static bool is_json_file(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcmp(path + n - 5, ".json") == 0;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (cap - len < 2) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

static int load(const char *path, const arsred_options *options, arsred_document **doc)
{
    arsred_error err = {0};
    int rc;
    if (is_json_file(path)) {
        char *text = read_file(path);
        if (!text) {
            tool_error("%s: cannot be read", path);
            return EXIT_INPUT;
        }
        rc = arsred_document_from_json(text, path, doc, &err);
        free(text);
    } else {
        rc = arsred_extract(path, options, doc, &err);
    }
    if (rc != ARSRED_OK) {
        tool_error("%s", err.message);
        return tool_exit_status(rc);
    }
    return EXIT_DONE;
}

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
    int status = EXIT_DONE;
    for (int i = optind; i < argc; i++) {
        arsred_document *doc = NULL;
        int rc = load(argv[i], &options, &doc);
        if (rc != EXIT_DONE) {
            status = rc > status ? rc : status;
            continue;
        }
        size_t mismatches = 0;
        char *text = arsred_document_checks_text(doc, all, &mismatches);
        if (argc - optind > 1)
            printf("%s\n", argv[i]);
        fputs(text, stdout);
        free(text);
        arsred_document_free(doc);
        if (mismatches && status == EXIT_DONE)
            status = EXIT_MISMATCH;
    }
    arsred_patterns_free(patterns);
    return status;
}
