/* tool_main.c: arsred's entry point and subcommand table. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "arsred.h"
#include "tool.h"

static const char usage_text[] =
    "usage:\n"
    "  arsred extract [options] FILE.pdf...     report(s) to JSON\n"
    "  arsred check   [options] FILE...         the arithmetic checks (text, JSON or CSV); FILE is a PDF or an extract JSON\n"
    "  arsred compare [options] FILE...         line several years up; FILE is a PDF or an extract JSON\n"
    "  arsred inspect [options] FILE.pdf        what the layout engine sees on a page\n"
    "  arsred patterns test [DIR]               run the examples that the pattern files carry\n"
    "  arsred --help | --version\n"
    "\n"
    "extract options:\n"
    "  -o DIR            write DIR/<name>.json for each input (atomically; DIR is\n"
    "                    made where missing); inputs that share a file name are\n"
    "                    named after the folders in which they differ\n"
    "  -r, --recursive   read every PDF below the folders given\n"
    "  - (as FILE)       read a PDF from standard input\n"
    "  --format json|csv JSON (default) or tidy CSV, one row per value\n"
    "  --pretty          indent the JSON\n"
    "  --pages LIST      only these pages, e.g. 3-7,12 or 3- (to the last)\n"
    "  --password PW     password of encrypted PDFs\n"
    "  --patterns DIR    pattern files that add to or override the built-in set\n"
    "  --timeout SEC     give up on a file after SEC seconds\n"
    "  --max-memory SIZE stop a file's worker past SIZE resident (2G, 800M; default\n"
    "                    4G); a single file is watched only where this is given\n"
    "  --files-from LIST read the PDFs named in LIST, one path a line\n"
    "  --resume          with -o: skip the files whose output DIR holds for the same\n"
    "                    content, and add each file's line to DIR/arsred-manifest.jsonl\n"
    "  -j N              files in parallel (default: the number of cores); a core\n"
    "                    to spare reads a file's next pages in a second thread\n"
    "  --summary         a short summary of each report on standard error\n"
    "  --quiet           no progress or summary line\n"
    "\n"
    "check options:\n"
    "  --all             also list the checks that hold and the relations not checked\n"
    "  --format FMT      text (for people, the default), json or csv\n"
    "  --pretty          indent the JSON\n"
    "  --password PW, --patterns DIR, --pages LIST as for extract\n"
    "\n"
    "compare options:\n"
    "  --format json|csv, --pretty, --password PW, --patterns DIR as for extract\n"
    "\n"
    "inspect options:\n"
    "  --page N          the page to show (default 1)\n"
    "  --png OUT.png     draw words, lines, blocks and images over the page, and\n"
    "                    what the table reader decided (caption, header rows,\n"
    "                    columns with their years, label and note columns, rows)\n"
    "  --paragraphs      print the body text, one paragraph per line, in reading order\n"
    "  --password PW, --patterns DIR as for extract\n"
    "\n"
    "exit status: 0 done, 1 check found a mismatch, 2 usage error,\n"
    "3 an input could not be read, 4 an output could not be written,\n"
    "128 + the signal when interrupted (130 for Ctrl-C): only whole files are left\n";

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv, const char *builtin_dir);
} command;

static const command commands[] = {
    {"extract", cmd_extract},
    {"check", cmd_check},
    {"compare", cmd_compare},
    {"inspect", cmd_inspect},
    {"patterns", cmd_patterns},
};

void tool_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("arsred: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int tool_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

bool tool_load_ahead(int jobs, int at_once)
{
    return jobs >= 2 * at_once;
}

int tool_exit_status(int code)
{
    switch (code) {
    case ARSRED_OK: return EXIT_DONE;
    case ARSRED_ERR_USAGE: return EXIT_USAGE;
    case ARSRED_ERR_OUTPUT: return EXIT_OUTPUT;
    default: return EXIT_INPUT;
    }
}

struct arsred_patterns *tool_load_patterns(const char *builtin_dir, const char *user_dir)
{
    arsred_error err = {0};
    arsred_patterns *p = arsred_patterns_load(builtin_dir, user_dir, &err);
    if (!p)
        tool_error("%s", err.message);
    return p;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ---------------------------------------------------------- documents */

/* An extract JSON by its name, or (standard input has none) by its
 * first character. */
static bool is_json_input(const tool_input *in)
{
    size_t n = strlen(in->name);
    if (n > 5 && strcmp(in->name + n - 5, ".json") == 0)
        return true;
    if (in->spool_fd < 0)
        return false;
    FILE *f = fopen(in->path, "rb");
    int c = ' ';
    while (f && (c = fgetc(f)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {}
    if (f)
        fclose(f);
    return c == '{';
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

int tool_load_document(const tool_input *in, const arsred_options *options,
                       struct arsred_document **doc)
{
    arsred_error err = {0};
    int rc;
    if (is_json_input(in)) {
        char *text = read_file(in->path);
        if (!text) {
            tool_error("%s: cannot be read", in->name);
            return EXIT_INPUT;
        }
        rc = arsred_document_from_json(text, in->name, doc, &err);
        free(text);
    } else {
        arsred_options named = *options;
        named.source_name = in->name;
        rc = arsred_extract(in->path, &named, doc, &err);
    }
    if (rc != ARSRED_OK) {
        tool_error("%s", err.message);
        return tool_exit_status(rc);
    }
    return EXIT_DONE;
}

/* The installed patterns, or those of the source tree for an uninstalled
 * build; ARSRED_PATTERN_DIR overrides both. */
static const char *builtin_pattern_dir(void)
{
    const char *env = getenv("ARSRED_PATTERN_DIR");
    if (env && *env)
        return env;
    if (is_dir(ARSRED_PATTERN_INSTALL_DIR))
        return ARSRED_PATTERN_INSTALL_DIR;
    return ARSRED_PATTERN_SOURCE_DIR;
}

/* One command's part of the usage: its line, its options, the exit
 * statuses; false where name is no command. */
static bool print_command_help(const char *name)
{
    char line[64], section[64];
    snprintf(line, sizeof line, "  arsred %s ", name);
    snprintf(section, sizeof section, "\n%s options:\n", name);
    const char *usage = strstr(usage_text, line);
    if (!usage)
        return false;
    fputs("usage:\n", stdout);
    fwrite(usage, 1, strcspn(usage, "\n") + 1, stdout);
    const char *options = strstr(usage_text, section);
    if (options) {
        const char *end = strstr(options + 1, "\n\n");
        fwrite(options, 1, end ? (size_t)(end - options) + 1 : strlen(options), stdout);
    }
    fputs(strstr(usage_text, "\nexit status:"), stdout);
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage_text, stdout);
        return EXIT_DONE;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("arsred %s (output format %d)\n", ARSRED_VERSION, ARSRED_FORMAT_VERSION);
        return EXIT_DONE;
    }
    if (strcmp(argv[1], "help") == 0) { /* arsred help COMMAND */
        if (argc < 3) {
            fputs(usage_text, stdout);
            return EXIT_DONE;
        }
        if (print_command_help(argv[2]))
            return EXIT_DONE;
        tool_error("'%s' is not a command; see 'arsred --help'", argv[2]);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        if (strcmp(argv[1], commands[i].name) != 0)
            continue;
        for (int a = 2; a < argc && strcmp(argv[a], "--") != 0; a++)
            if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
                print_command_help(commands[i].name);
                return EXIT_DONE;
            }
        return commands[i].run(argc - 1, argv + 1, builtin_pattern_dir());
    }
    tool_error("'%s' is not a command; see 'arsred --help'", argv[1]);
    return EXIT_USAGE;
}
