/* tool_patterns.c: "arsred patterns test [DIR]", which runs the examples
 * that the pattern files carry, like a test suite. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"
#include "tool.h"

static int usage_error(void)
{
    tool_error("usage: arsred patterns test [DIR]");
    return EXIT_USAGE;
}

static int run_pattern_tests(const char *dir)
{
    arsred_patterns *patterns = tool_load_patterns(dir, NULL);
    if (!patterns)
        return EXIT_INPUT;
    char *report = NULL;
    int failed = arsred_patterns_test(patterns, &report);
    arsred_patterns_free(patterns);
    fputs(report, stdout);
    free(report);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        tool_error("cannot write to standard output");
        return EXIT_OUTPUT;
    }
    /* Exit status 1 means "the examples found a mismatch", as for check. */
    return failed ? EXIT_MISMATCH : EXIT_DONE;
}

int cmd_patterns(int argc, char **argv, const char *builtin_dir)
{
    if (argc < 2 || argc > 3 || strcmp(argv[1], "test") != 0)
        return usage_error();
    /* An option where DIR goes is a mistake, not a folder named "-x". */
    if (argc == 3 && argv[2][0] == '-')
        return usage_error();
    return run_pattern_tests(argc == 3 ? argv[2] : builtin_dir);
}
