/* tool.h: the arsred command line, one cmd_* per subcommand. Uses only
 * the public header arsred.h. Returns exit statuses of spec/cli.md. */
#ifndef ARSRED_TOOL_H
#define ARSRED_TOOL_H

#include <stdbool.h>

enum {
    EXIT_DONE = 0,
    EXIT_MISMATCH = 1,
    EXIT_USAGE = 2,
    EXIT_INPUT = 3,
    EXIT_OUTPUT = 4,
    /* stopped by signal N (SIGINT: 130, SIGTERM: 143), as shells report it */
    EXIT_INTERRUPTED_BASE = 128
};

int cmd_extract(int argc, char **argv, const char *builtin_dir);
int cmd_inspect(int argc, char **argv, const char *builtin_dir);
int cmd_check(int argc, char **argv, const char *builtin_dir);
int cmd_compare(int argc, char **argv, const char *builtin_dir);
int cmd_patterns(int argc, char **argv, const char *builtin_dir);

/* Prints "arsred: MESSAGE" on standard error. */
void tool_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The cores this machine has online (at least 1). */
int tool_cores(void);
/* Whether a file's pages are read ahead in a second thread: where jobs
 * cores leave one to spare beside each of the at_once files done at once. */
bool tool_load_ahead(int jobs, int at_once);
/* The exit status for a library error code. */
int tool_exit_status(int code);
/* Loads the built-in patterns and those of user_dir; prints the error and
 * returns NULL on failure. */
struct arsred_patterns *tool_load_patterns(const char *builtin_dir, const char *user_dir);

/* Reads path: an extract JSON (by its .json name) or a PDF; prints the
 * error and returns its exit status on failure. */
struct arsred_document;
struct arsred_options;
int tool_load_document(const char *path, const struct arsred_options *options,
                       struct arsred_document **doc);

#endif
