/* tool.h: the arsred command line, one cmd_* per subcommand. Uses only
 * the public header arsred.h. Returns exit statuses of spec/cli.md. */
#ifndef ARSRED_TOOL_H
#define ARSRED_TOOL_H

#include <stdbool.h>
#include <stddef.h>

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

/* The inputs of a command line: files, the PDFs below folders (-r), and
 * standard input ("-") kept in a nameless temporary file. */
#define TOOL_STDIN_NAME "<stdin>"

typedef struct tool_input {
    char *path;       /* the file to read */
    char *name;       /* as given (TOOL_STDIN_NAME for "-"): in messages
                         and the document */
    char *output;     /* the output's name without extension
                         (tool_inputs_name_outputs) */
    bool renamed;     /* output is not the plain file name: another input
                         shares it */
    int spool_fd;     /* standard input: path reads this nameless copy of
                         it; -1 for a file */
} tool_input;

typedef struct tool_inputs {
    tool_input *items;
    size_t n, cap;
} tool_inputs;

/* What a folder among the inputs is: an error (and whether the message
 * offers -r), or the PDFs below it. */
typedef enum tool_folders {
    TOOL_FOLDERS_REFUSED,
    TOOL_FOLDERS_OFFERED,
    TOOL_FOLDERS_READ
} tool_folders;

/* Gathers args into in: a folder as folders says, its PDFs (any depth,
 * sorted by path) where it is read; "-" reads standard input into a
 * nameless temporary file; a file given twice is read once. Prints what is wrong
 * and returns its exit status (the good inputs are still in in). */
int tool_inputs_gather(char **args, int n_args, tool_folders folders, tool_inputs *in);
void tool_inputs_release(tool_inputs *in);
void tool_input_release(tool_input *input);

/* Names every input's output (see tool_inputs.c): the file name without
 * .pdf, or where inputs share it, their differing folders and then it. */
void tool_inputs_name_outputs(tool_inputs *in);
/* The file name of name's output, without .pdf ("stdin" for standard
 * input); newly allocated. */
char *tool_output_base(const char *name);
/* The output name of name beside an input other of the same file name:
 * their differing folders, then the file name. Newly allocated. */
char *tool_output_name_beside(const char *name, const char *other);

/* name, then a hash of the real path of path (or of path itself, where it
 * names no file): a name no other input's output has. Newly allocated. */
char *tool_output_name_hashed(const char *name, const char *path);

/* The source path (and sha256, JSON only; else NULL) an output file
 * records; false where it records none (not arsred's, or not there). */
bool tool_recorded_source(const char *file, bool csv, char **path, char **sha256);
/* Whose output file is: nobody's (not there), input's own (of the same
 * content, sha256), another input's (*other gets its name; caller frees),
 * or unknown (a file that records no source): never to be replaced. */
typedef enum tool_output_owner {
    TOOL_OUTPUT_FREE,
    TOOL_OUTPUT_OURS,
    TOOL_OUTPUT_OTHERS,
    TOOL_OUTPUT_UNKNOWN
} tool_output_owner;

tool_output_owner tool_output_owner_of(const char *file, bool csv, const tool_input *input,
                                       const char *sha256, char **other);

/* The manifest of a batch written with -o DIR (tool_manifest.c):
 * DIR/arsred-manifest.jsonl, a JSON line per file as it finishes. */
typedef struct tool_manifest_line {
    const char *path;     /* the input as given */
    const char *sha256;   /* of its content, or NULL where it could not be read */
    const char *status;   /* done, failed, timeout, memory, crashed */
    int exit_status;
    double seconds;
    size_t warnings;
    const char *output;   /* the file written, or NULL */
} tool_manifest_line;

/* The files a manifest records as done whose output is still there. */
typedef struct tool_manifest {
    char **done;          /* "path\tsha256" */
    size_t n, cap;
} tool_manifest;

char *tool_manifest_path(const char *dir);
/* An empty manifest where DIR has none; a line cut short is left out. */
void tool_manifest_load(const char *dir, tool_manifest *m);
bool tool_manifest_done(const tool_manifest *m, const char *path, const char *sha256);
void tool_manifest_release(tool_manifest *m);
/* Appends line to DIR's manifest in one write; 0, or -1 with errno. */
int tool_manifest_append(const char *dir, const tool_manifest_line *line);
/* The sha256 (hex) of a file's content; false where it cannot be read. */
bool tool_file_sha256(const char *path, char out[65]);

/* Reads an input: an extract JSON (by its .json name, or from standard
 * input by its "{") or a PDF; prints the error and returns its exit
 * status on failure. */
struct arsred_document;
struct arsred_options;
int tool_load_document(const tool_input *in, const struct arsred_options *options,
                       struct arsred_document **doc);

#endif
