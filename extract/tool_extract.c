/* tool_extract.c: arsred extract. */
#define _GNU_SOURCE /* renameat2 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arsred.h"
#include "tool.h"

typedef struct extract_args {
    const char *out_dir;
    const char *format;
    const char *user_patterns;
    const char *files_from;   /* a list of PDFs, one a line, or NULL */
    int pretty, summary, quiet, jobs, recursive, resume;
    long max_memory_mb;       /* a worker's resident memory limit */
    bool max_memory_given;
    arsred_options options;
} extract_args;

/* A worker's memory limit where --max-memory does not set one: far above
 * what a report takes (tens of MB; the 300-page big.pdf some 35 MB), so
 * only a file that inflates without end reaches it, and small enough that
 * a few workers at once leave a machine usable. */
enum { DEFAULT_MAX_MEMORY_MB = 4096 };

/* How often the parent looks at its workers' memory. A worker can grow by
 * what it allocates in that time past the limit before it is stopped. */
enum { MEMORY_POLL_MS = 50 };

enum { OPT_FORMAT = 256, OPT_PRETTY, OPT_PAGES, OPT_PASSWORD, OPT_PATTERNS,
       OPT_TIMEOUT, OPT_SUMMARY, OPT_QUIET, OPT_RESUME, OPT_MAX_MEMORY, OPT_FILES_FROM };

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"pretty", no_argument, NULL, OPT_PRETTY},
    {"pages", required_argument, NULL, OPT_PAGES},
    {"password", required_argument, NULL, OPT_PASSWORD},
    {"patterns", required_argument, NULL, OPT_PATTERNS},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"summary", no_argument, NULL, OPT_SUMMARY},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"recursive", no_argument, NULL, 'r'},
    {"resume", no_argument, NULL, OPT_RESUME},
    {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
    {"files-from", required_argument, NULL, OPT_FILES_FROM},
    {NULL, 0, NULL, 0},
};

/* "800M", "2G", "1.5G" or a number of MB; -1 where it is none of them. */
static long parse_megabytes(const char *text)
{
    char *end;
    double v = strtod(text, &end);
    double scale = 1;
    if (*end == 'G' || *end == 'g')
        scale = 1024, end++;
    else if (*end == 'M' || *end == 'm')
        end++;
    if (*end == 'B' || *end == 'b')
        end++;
    if (*end || end == text || v <= 0 || v * scale > 1e9)
        return -1;
    long mb = (long)(v * scale + 0.5);
    return mb > 0 ? mb : -1;
}

static int parse_args(int argc, char **argv, extract_args *a)
{
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:j:r", long_options, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'o':
            a->out_dir = optarg;
            if (!*optarg) {
                tool_error("-o needs the name of a folder, like -o out");
                return EXIT_USAGE;
            }
            break;
        case 'r': a->recursive = 1; break;
        case 'j':
            a->jobs = (int)strtol(optarg, &end, 10);
            if (*end || a->jobs < 1) {
                tool_error("-j needs a number of files to work on at once, like -j 2");
                return EXIT_USAGE;
            }
            break;
        case OPT_FORMAT: a->format = optarg; break;
        case OPT_PRETTY: a->pretty = 1; break;
        case OPT_PAGES: a->options.page_ranges = optarg; break;
        case OPT_PASSWORD: a->options.password = optarg; break;
        case OPT_PATTERNS: a->user_patterns = optarg; break;
        case OPT_TIMEOUT:
            a->options.timeout_seconds = strtod(optarg, &end);
            if (*end || a->options.timeout_seconds <= 0) {
                tool_error("--timeout needs a number of seconds, like --timeout 60");
                return EXIT_USAGE;
            }
            break;
        case OPT_SUMMARY: a->summary = 1; break;
        case OPT_QUIET: a->quiet = 1; break;
        case OPT_RESUME: a->resume = 1; break;
        case OPT_FILES_FROM: a->files_from = optarg; break;
        case OPT_MAX_MEMORY:
            a->max_memory_mb = parse_megabytes(optarg);
            a->max_memory_given = true;
            if (a->max_memory_mb < 0) {
                tool_error("--max-memory needs a size, like --max-memory 2G or --max-memory 800M");
                return EXIT_USAGE;
            }
            break;
        default:
            tool_error("extract: unknown or incomplete option '%s'; see 'arsred --help'",
                       argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (strcmp(a->format, "json") != 0 && strcmp(a->format, "csv") != 0) {
        tool_error("--format %s: write json or csv", a->format);
        return EXIT_USAGE;
    }
    if (optind >= argc && !a->files_from) {
        tool_error("extract: give at least one PDF file; see 'arsred --help'");
        return EXIT_USAGE;
    }
    if (a->resume && !a->out_dir) {
        tool_error("--resume needs -o DIR: it skips the files whose output DIR holds");
        return EXIT_USAGE;
    }
    return EXIT_DONE;
}

/* dir/.name.ext.PID.tmp: where process pid writes dir/name.ext first. */
static char *temp_path(const char *dir, const char *name, const char *ext, long pid)
{
    size_t n = strlen(dir) + strlen(name) + 64;
    char *tmp = malloc(n);
    snprintf(tmp, n, "%s/.%s.%s.%ld.tmp", dir, name, ext, pid);
    return tmp;
}

/* The temporary file this process is writing, for the signal handler. */
static char *volatile writing_tmp;

/* SIGINT, SIGTERM, SIGHUP and the --timeout alarm while a document is
 * extracted: the half-written temporary file goes, then the signal does
 * what it would have done. */
static void remove_tmp_and_die(int sig)
{
    char *tmp = writing_tmp;
    if (tmp)
        unlink(tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* The document in the format asked for, then a new line; false where a
 * write failed. JSON is written as it is made (its tree would be several
 * times the size of the text). */
static bool write_document(FILE *f, const arsred_document *doc, const extract_args *a)
{
    if (strcmp(a->format, "csv") == 0) {
        char *csv = arsred_document_to_csv(doc, 1);
        bool ok = fputs(csv, f) >= 0;
        free(csv);
        return ok;
    }
    return arsred_document_write_json(doc, f, a->pretty) == 0 && fputc('\n', f) != EOF;
}

static char *output_path(const char *dir, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(name) + strlen(ext) + 3;
    char *path = malloc(n);
    snprintf(path, n, "%s/%s.%s", dir, name, ext);
    return path;
}

/* Moves tmp to final only where final is free (no other process can take
 * it meanwhile): 0, or -1 with errno EEXIST where it is taken. A file
 * system that cannot say so atomically (no RENAME_NOREPLACE and no hard
 * links: vfat, some network shares) is checked first, then renamed. */
static int claim_name(const char *tmp, const char *final)
{
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, final, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno == EEXIST)
        return -1;
    if (link(tmp, final) == 0) {
        unlink(tmp);
        return 0;
    }
    if (errno == EEXIST)
        return -1;
    if (access(final, F_OK) == 0) {
        errno = EEXIST;
        return -1;
    }
    return rename(tmp, final);
}

/* Gives the written tmp its final name, dir/name.ext, but never over the
 * output of another input: that one may come from another process (GNU
 * parallel, one file each), which could not see this input. This one is
 * then named after the folders in which the two inputs differ (or, where
 * that name is taken too, or the other is not known, with a hash of its
 * path). Its own output from an earlier run is replaced. */
static int place_output(const char *dir, const char *name, const char *ext, const char *tmp,
                        const tool_input *input, const arsred_document *doc, char **written)
{
    bool csv = strcmp(ext, "csv") == 0;
    const char *sha256 = arsred_document_source_sha256(doc);
    char *planned = output_path(dir, name, ext), *current = strdup(name), *owner = NULL;
    int status = EXIT_OUTPUT;
    bool placed = false;
    char *final = NULL;
    for (int attempt = 0; attempt < 3 && !placed; attempt++) {
        free(final);
        final = output_path(dir, current, ext);
        if (claim_name(tmp, final) == 0) {
            placed = true;
            break;
        }
        if (errno != EEXIST) {
            tool_error("%s: cannot write (%s)", final, strerror(errno));
            break;
        }
        char *other = NULL;
        tool_output_owner whose = tool_output_owner_of(final, csv, input, sha256, &other);
        if (whose == TOOL_OUTPUT_OURS || whose == TOOL_OUTPUT_FREE) {
            placed = rename(tmp, final) == 0;
            if (!placed)
                tool_error("%s: cannot write (%s)", final, strerror(errno));
            break;
        }
        if (attempt == 2) {
            tool_error("%s: %s is another input's output, and no other name is free",
                       input->name, final);
            free(other);
            break;
        }
        /* standard input has no path: its content names it */
        const char *key = input->spool_fd >= 0 ? sha256 : input->path;
        char *next = attempt == 0 && other ? tool_output_name_beside(input->name, other)
                                           : tool_output_name_hashed(current, key);
        if (strcmp(next, current) == 0) { /* no folder tells them apart */
            free(next);
            next = tool_output_name_hashed(current, key);
        }
        if (!owner)
            owner = other ? other : strdup("");
        else
            free(other);
        free(current);
        current = next;
    }
    if (placed) {
        status = EXIT_DONE;
        *written = strdup(final);
        if (owner && *owner)
            tool_error("%s: %s holds the output of %s; written as %s", input->name, planned,
                       owner, final);
        else if (owner)
            tool_error("%s: %s is a file arsred did not write for this input; written as %s",
                       input->name, planned, final);
        else if (input->renamed)
            tool_error("%s: written as %s (another input has its file name)", input->name,
                       final);
    } else {
        unlink(tmp);
    }
    free(final);
    free(current);
    free(owner);
    free(planned);
    return status;
}

/* Writes doc to dir/name.ext through a temporary file and a link or
 * rename, so a reader never sees half a file and a failure leaves none. */
static int write_atomically(const char *dir, const char *name, const char *ext,
                            const arsred_document *doc, const extract_args *a,
                            const tool_input *input, char **written)
{
    char *tmp = temp_path(dir, name, ext, (long)getpid());
    int status = EXIT_DONE;
    writing_tmp = tmp;
    FILE *f = fopen(tmp, "w");
    if (!f) {
        tool_error("%s/%s.%s: cannot write (%s)", dir, name, ext, strerror(errno));
        status = EXIT_OUTPUT;
    } else {
        bool ok = write_document(f, doc, a);
        ok = fclose(f) == 0 && ok;
        if (!ok) {
            tool_error("%s/%s.%s: cannot write (%s)", dir, name, ext, strerror(errno));
            unlink(tmp);
            status = EXIT_OUTPUT;
        } else {
            status = place_output(dir, name, ext, tmp, input, doc, written);
        }
    }
    writing_tmp = NULL;
    free(tmp);
    return status;
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* The manifest line of a file that ended (with -o DIR --resume: a run
 * that may be stopped and started again). sha256 may be NULL: it is then
 * read from the file. */
static void note_in_manifest(const extract_args *a, const tool_input *input, const char *sha256,
                             const char *status, int exit_status, double seconds,
                             size_t warnings, const char *output)
{
    if (!a->out_dir || !a->resume || input->spool_fd >= 0)
        return;
    char own[65];
    if (!sha256 && tool_file_sha256(input->path, own))
        sha256 = own;
    tool_manifest_line line = {input->name, sha256, status, exit_status, seconds, warnings,
                               output};
    if (tool_manifest_append(a->out_dir, &line) != 0)
        tool_error("%s: cannot add %s to the manifest (%s)", a->out_dir, input->name,
                   strerror(errno));
}

/* Extracts input; writes its JSON to out_dir/<name>.json, or where out_dir
 * is NULL to stdout_file; with out_dir, its manifest line. */
static int extract_one(const tool_input *input, const extract_args *a, const char *out_dir,
                       const char *out_name, FILE *stdout_file, size_t *warnings)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    arsred_document *doc = NULL;
    *warnings = 0;
    arsred_error err = {0};
    arsred_options options = a->options;
    options.source_name = input->name;
    int rc = arsred_extract(input->path, &options, &doc, &err);
    if (rc != ARSRED_OK) {
        tool_error("%s", err.message);
        int status = tool_exit_status(rc);
        note_in_manifest(a, input, NULL, "failed", status, seconds_since(&start), 0, NULL);
        return status;
    }
    const char *ext = strcmp(a->format, "csv") == 0 ? "csv" : "json";
    int status = EXIT_DONE;
    char *written = NULL;
    if (out_dir) {
        status = write_atomically(out_dir, out_name, ext, doc, a, input, &written);
    } else {
        write_document(stdout_file, doc, a);
        fflush(stdout_file);
    }
    *warnings = arsred_document_warning_count(doc);
    if (out_dir == a->out_dir)
        note_in_manifest(a, input, arsred_document_source_sha256(doc),
                         status == EXIT_DONE ? "done" : "failed", status, seconds_since(&start),
                         *warnings, written);
    free(written);
    if (a->summary) {
        char *summary = arsred_document_summary(doc);
        fputs(summary, stderr);
        free(summary);
    }
    arsred_document_free(doc);
    return status;
}

/* The worst status wins: output failures over input failures. */
static int combine_status(int a, int b)
{
    return a > b ? a : b;
}

/* Each file is read in a child process: files run in parallel, a file
 * that crashes poppler or runs past --timeout takes only itself down, and
 * the batch goes on. Without -o the children write to a private folder
 * and the parent prints their documents in input order. */
typedef struct batch {
    const tool_input *files;
    int n_files;
    const extract_args *args;
    char *spool;        /* private folder for stdout documents, or NULL */
    pid_t *pids;        /* per file, 0 when not running */
    struct timespec *started; /* per file */
    long *over_memory_mb; /* per file: what it used when it was stopped, or 0 */
    sigset_t old_mask;  /* the parent's, without SIGCHLD blocked: the workers' */
    bool stopping;      /* the workers were told to stop */
    int status;
    int done, failed;
    int counts[2];      /* a pipe: each worker writes its warning count */
    size_t warnings;
} batch;

/* The signals that stop a batch: SIGINT (Ctrl-C), SIGTERM, SIGHUP. */
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
enum { N_STOP_SIGNALS = sizeof stop_signals / sizeof *stop_signals };

/* The first stop signal the parent of a batch received, or 0. */
static volatile sig_atomic_t interrupted;

static void note_interrupt(int sig)
{
    if (!interrupted)
        interrupted = sig;
}

/* Installs handler for the stop signals, without SA_RESTART so that a
 * wait() returns at once. A signal ignored when arsred started (SIGINT of
 * a background job, SIGHUP under nohup) stays ignored. */
static void catch_stop_signals(void (*handler)(int))
{
    for (int i = 0; i < N_STOP_SIGNALS; i++) {
        struct sigaction old, sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = handler;
        sigemptyset(&sa.sa_mask);
        if (sigaction(stop_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(stop_signals[i], &sa, NULL);
    }
}

static char *spool_name(int index)
{
    char *name = malloc(32);
    snprintf(name, 32, "%08d", index);
    return name;
}

static void start_child(batch *b, int index)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        tool_error("%s: cannot start a worker (%s)", b->files[index].name, strerror(errno));
        b->status = combine_status(b->status, EXIT_INPUT);
        return;
    }
    if (pid == 0) {
        sigprocmask(SIG_SETMASK, &b->old_mask, NULL);
        catch_stop_signals(remove_tmp_and_die);
        signal(SIGALRM, remove_tmp_and_die);
        if (b->args->options.timeout_seconds > 0) /* a hard stop behind the soft one */
            alarm((unsigned)b->args->options.timeout_seconds + 5);
        char *name = b->spool ? spool_name(index) : strdup(b->files[index].output);
        size_t warnings;
        int status = extract_one(&b->files[index], b->args,
                                 b->spool ? b->spool : b->args->out_dir, name, stdout, &warnings);
        free(name);
        char line[32];
        int len = snprintf(line, sizeof line, "%zu\n", warnings);
        if (write(b->counts[1], line, (size_t)len) != len) { /* the summary misses it */ }
        fflush(NULL);
        _exit(status);
    }
    b->pids[index] = pid;
    clock_gettime(CLOCK_MONOTONIC, &b->started[index]);
}

/* A worker's resident memory in MB, from /proc; -1 where it cannot be
 * read (no /proc: the limit is not watched). */
static long resident_mb(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/statm", (long)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long size, resident;
    int got = fscanf(f, "%ld %ld", &size, &resident);
    fclose(f);
    if (got != 2)
        return -1;
    return (long)((double)resident * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0));
}

/* Stops the workers past --max-memory (SIGKILL: a worker that ran out of
 * memory cannot be trusted to clean up; its temporary file is removed when
 * it is reaped). */
static void watch_memory(batch *b)
{
    for (int i = 0; i < b->n_files; i++) {
        if (b->pids[i] <= 0 || b->over_memory_mb[i])
            continue;
        long mb = resident_mb(b->pids[i]);
        if (mb > b->args->max_memory_mb) {
            b->over_memory_mb[i] = mb;
            kill(b->pids[i], SIGKILL);
        }
    }
}

/* A worker that died by a signal may have left its temporary file. */
static void remove_child_tmp(batch *b, int index, pid_t pid)
{
    bool csv = strcmp(b->args->format, "csv") == 0;
    char *name = b->spool ? spool_name(index) : strdup(b->files[index].output);
    char *tmp = temp_path(b->spool ? b->spool : b->args->out_dir, name, csv ? "csv" : "json",
                          (long)pid);
    unlink(tmp);
    free(tmp);
    free(name);
}

/* Takes in the status of worker pid that ended. */
static void take_status(batch *b, pid_t pid, int wstatus)
{
    for (int i = 0; i < b->n_files; i++) {
        if (b->pids[i] != pid)
            continue;
        b->pids[i] = 0;
        if (WIFEXITED(wstatus)) {
            b->done++;
            b->status = combine_status(b->status, WEXITSTATUS(wstatus));
            b->failed += WEXITSTATUS(wstatus) != EXIT_DONE;
            return;
        }
        remove_child_tmp(b, i, pid);
        int sig = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
        if (interrupted && !b->over_memory_mb[i] &&
            (sig == SIGINT || sig == SIGTERM || sig == SIGHUP))
            return; /* stopped with the batch: not done, not failed */
        b->done++;
        b->failed++;
        b->status = combine_status(b->status, EXIT_INPUT);
        const char *why;
        if (b->over_memory_mb[i]) {
            why = "memory";
            tool_error("%s: stopped at --max-memory %ld MB (it held %ld MB); the file may be "
                       "pathological, or give it more with --max-memory",
                       b->files[i].name, b->args->max_memory_mb, b->over_memory_mb[i]);
        } else if (sig == SIGALRM) {
            why = "timeout";
            tool_error("%s: stopped after --timeout %g s; the file may be pathological",
                       b->files[i].name, b->args->options.timeout_seconds);
        } else if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP || sig == SIGKILL) {
            why = "stopped";
            tool_error("%s: its worker was stopped by signal %d", b->files[i].name, sig);
        } else {
            why = "crashed";
            tool_error("%s: reading it crashed (signal %d); please report this file",
                       b->files[i].name, sig);
        }
        note_in_manifest(b->args, &b->files[i], NULL, why, EXIT_INPUT,
                         seconds_since(&b->started[i]), 0, NULL);
        return;
    }
}

/* Waits for a worker and takes in its status, watching the workers'
 * memory meanwhile: 1 when one ended, 0 when a stop signal came first, -1
 * when no worker is left. SIGCHLD is blocked in the batch, so that
 * sigtimedwait wakes the moment a worker ends. */
static int reap_child(batch *b)
{
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    for (;;) {
        int wstatus;
        pid_t pid = waitpid(-1, &wstatus, WNOHANG);
        if (pid < 0)
            return errno == EINTR ? 0 : -1;
        if (pid > 0) {
            take_status(b, pid, wstatus);
            return 1;
        }
        if (interrupted && !b->stopping)
            return 0; /* the caller passes the signal on */
        watch_memory(b);
        struct timespec poll = {0, MEMORY_POLL_MS * 1000000L};
        if (sigtimedwait(&chld, NULL, &poll) < 0 && errno == EINTR)
            return 0; /* a stop signal's handler ran */
    }
}

/* Passes a stop signal on to the workers still running: they may not
 * have had it (kill PID reaches only the parent). */
static void stop_children(batch *b)
{
    for (int i = 0; i < b->n_files; i++)
        if (b->pids[i] > 0)
            kill(b->pids[i], SIGTERM);
}

/* The spooled documents in input order; CSV keeps its first header only. */
static void print_spooled(batch *b)
{
    bool csv = strcmp(b->args->format, "csv") == 0, header_done = false;
    for (int i = 0; i < b->n_files; i++) {
        char *name = spool_name(i);
        size_t n = strlen(b->spool) + strlen(name) + 8;
        char *path = malloc(n);
        snprintf(path, n, "%s/%s.%s", b->spool, name, csv ? "csv" : "json");
        FILE *f = fopen(path, "r");
        if (f) {
            char buf[65536];
            size_t got;
            if (csv && header_done) { /* skip the header line */
                int ch;
                while ((ch = fgetc(f)) != EOF && ch != '\n') {}
            }
            header_done = true;
            while ((got = fread(buf, 1, sizeof buf, f)) > 0)
                fwrite(buf, 1, got, stdout);
            fclose(f);
            unlink(path);
        }
        free(path);
        free(name);
    }
    fflush(stdout);
    rmdir(b->spool);
}

/* After an interrupt nothing is printed: the spooled documents go. */
static void remove_spool(batch *b)
{
    bool csv = strcmp(b->args->format, "csv") == 0;
    for (int i = 0; i < b->n_files; i++) {
        char *name = spool_name(i);
        size_t n = strlen(b->spool) + strlen(name) + 8;
        char *path = malloc(n);
        snprintf(path, n, "%s/%s.%s", b->spool, name, csv ? "csv" : "json");
        unlink(path);
        free(path);
        free(name);
    }
    rmdir(b->spool);
}

/* Sums the warning counts the workers wrote. */
static void read_counts(batch *b)
{
    close(b->counts[1]);
    FILE *f = fdopen(b->counts[0], "r");
    if (!f)
        return;
    size_t n;
    while (fscanf(f, "%zu", &n) == 1)
        b->warnings += n;
    fclose(f);
}

static void print_summary(int n_files, int failed, size_t warnings)
{
    fprintf(stderr, "arsred: %d file%s: %d done, %d failed, %zu warning%s\n", n_files,
            n_files == 1 ? "" : "s", n_files - failed, failed, warnings,
            warnings == 1 ? "" : "s");
}

static void free_batch(batch *b)
{
    sigprocmask(SIG_SETMASK, &b->old_mask, NULL);
    free(b->pids);
    free(b->started);
    free(b->over_memory_mb);
}

static int run_batch(const tool_input *files, int n_files, const extract_args *a, int jobs)
{
    batch b = {.files = files, .n_files = n_files, .args = a};
    if (pipe(b.counts) != 0) {
        tool_error("cannot start the workers (%s)", strerror(errno));
        return EXIT_OUTPUT;
    }
    b.pids = calloc((size_t)n_files, sizeof *b.pids);
    b.started = calloc((size_t)n_files, sizeof *b.started);
    b.over_memory_mb = calloc((size_t)n_files, sizeof *b.over_memory_mb);
    sigprocmask(SIG_BLOCK, NULL, &b.old_mask);
    char spool_template[] = "/tmp/arsred-XXXXXX";
    if (!a->out_dir) {
        b.spool = mkdtemp(spool_template);
        if (!b.spool) {
            tool_error("cannot make a temporary folder (%s)", strerror(errno));
            free_batch(&b);
            return EXIT_OUTPUT;
        }
    }
    interrupted = 0;
    catch_stop_signals(note_interrupt);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &b.old_mask);
    bool progress = !a->quiet && n_files > 1 && isatty(STDERR_FILENO);
    int running = 0;
    for (int i = 0; i < n_files && !interrupted; i++) {
        while (running >= jobs && !interrupted) {
            int r = reap_child(&b);
            running = r < 0 ? 0 : running - r;
        }
        if (interrupted)
            break;
        start_child(&b, i);
        running += b.pids[i] != 0;
        if (progress)
            fprintf(stderr, "\r[%d/%d done] %s\033[K", b.done, n_files, files[i].name);
    }
    while (running > 0) {
        if (interrupted && !b.stopping) {
            stop_children(&b);
            b.stopping = true;
        }
        int r = reap_child(&b);
        running = r < 0 ? 0 : running - r;
        if (progress && r > 0)
            fprintf(stderr, "\r[%d/%d done]\033[K", b.done, n_files);
    }
    if (progress)
        fputs("\r\033[K", stderr);
    read_counts(&b);
    int sig = interrupted;
    if (b.spool)
        (sig ? remove_spool : print_spooled)(&b);
    if (sig) {
        tool_error("interrupted (signal %d): %d of %d files done%s; no partial files are left",
                   sig, b.done, n_files, a->out_dir ? "" : ", none printed");
        free_batch(&b);
        return EXIT_INTERRUPTED_BASE + sig;
    }
    if (!a->quiet && n_files > 1)
        print_summary(n_files, b.failed, b.warnings);
    free_batch(&b);
    return b.status;
}

/* The names given, then one per non-empty line of list; *n gets how many
 * in all. NULL (with the message) where list cannot be read. */
static char **read_file_list(const char *list, char **given, int n_given, int *n)
{
    FILE *f = fopen(list, "r");
    if (!f) {
        tool_error("--files-from %s: cannot read it (%s)", list, strerror(errno));
        return NULL;
    }
    size_t count = (size_t)n_given, cap = count + 64;
    char **names = malloc(cap * sizeof *names);
    for (int i = 0; i < n_given; i++)
        names[i] = given[i];
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t len;
    while ((len = getline(&line, &line_cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        if (count == cap)
            names = realloc(names, (cap *= 2) * sizeof *names);
        names[count++] = strdup(line);
    }
    free(line);
    fclose(f);
    *n = (int)count;
    return names;
}

/* Frees the n_listed names read from a list (after the n_given ones). */
static void free_file_list(char **names, int n_listed, int n_given)
{
    if (!names)
        return;
    for (int i = 0; i < n_listed; i++)
        free(names[n_given + i]);
    free(names);
}

/* Whether an earlier run wrote input's output for the same content: the
 * manifest says it is done, or the JSON there records this sha256. */
static bool done_before(const tool_input *input, const extract_args *a, const tool_manifest *m)
{
    char sha256[65];
    if (input->spool_fd >= 0 || !tool_file_sha256(input->path, sha256))
        return false;
    if (tool_manifest_done(m, input->name, sha256))
        return true;
    bool csv = strcmp(a->format, "csv") == 0;
    char *output = output_path(a->out_dir, input->output, csv ? "csv" : "json");
    char *other = NULL;
    bool ours = !csv && tool_output_owner_of(output, csv, input, sha256, &other) == TOOL_OUTPUT_OURS;
    free(other);
    free(output);
    return ours;
}

/* --resume: leaves out the inputs done before; returns how many. */
static size_t skip_done(tool_inputs *inputs, const extract_args *a)
{
    tool_manifest m;
    tool_manifest_load(a->out_dir, &m);
    size_t kept = 0, skipped = 0;
    for (size_t i = 0; i < inputs->n; i++) {
        if (done_before(&inputs->items[i], a, &m)) {
            tool_input_release(&inputs->items[i]);
            skipped++;
        } else {
            inputs->items[kept++] = inputs->items[i];
        }
    }
    inputs->n = kept;
    tool_manifest_release(&m);
    if (skipped && !a->quiet)
        tool_error("--resume: %zu file%s done before, skipped", skipped, skipped == 1 ? "" : "s");
    return skipped;
}

/* mkdir -p: the output folder and the folders above it. */
static int make_folders(const char *dir)
{
    char *path = strdup(dir);
    int rc = 0;
    for (char *p = path + 1; rc == 0; p++) {
        bool end = *p == '\0';
        if (*p != '/' && !end)
            continue;
        *p = '\0';
        struct stat st;
        if (stat(path, &st) != 0)
            rc = mkdir(path, 0777) == 0 || errno == EEXIST ? 0 : -1;
        else if (!S_ISDIR(st.st_mode))
            rc = (errno = ENOTDIR, -1);
        if (end)
            break;
        *p = '/';
    }
    free(path);
    return rc;
}

int cmd_extract(int argc, char **argv, const char *builtin_dir)
{
    extract_args a = {.format = "json", .jobs = 0, .max_memory_mb = DEFAULT_MAX_MEMORY_MB};
    int status = parse_args(argc, argv, &a);
    if (status != EXIT_DONE)
        return status;
    if (a.out_dir && make_folders(a.out_dir) != 0) {
        tool_error("%s: cannot make the output folder (%s)", a.out_dir, strerror(errno));
        return EXIT_OUTPUT;
    }
    char **names = argv + optind;
    int n_names = argc - optind;
    char **listed = NULL;
    if (a.files_from) {
        listed = read_file_list(a.files_from, names, n_names, &n_names);
        if (!listed)
            return EXIT_INPUT;
        names = listed;
    }
    tool_inputs inputs;
    int gathered = tool_inputs_gather(names, n_names,
                                      a.recursive ? TOOL_FOLDERS_READ : TOOL_FOLDERS_OFFERED,
                                      &inputs);
    free_file_list(listed, n_names - (argc - optind), argc - optind);
    if (inputs.n == 0) {
        tool_inputs_release(&inputs);
        return gathered;
    }
    tool_inputs_name_outputs(&inputs);
    size_t skipped = a.resume ? skip_done(&inputs, &a) : 0;
    if (inputs.n == 0) {
        if (!a.quiet)
            tool_error("--resume: all %zu files are done already (%s)", skipped, a.out_dir);
        tool_inputs_release(&inputs);
        return gathered;
    }
    arsred_patterns *patterns = tool_load_patterns(builtin_dir, a.user_patterns);
    if (!patterns) {
        tool_inputs_release(&inputs);
        return EXIT_INPUT;
    }
    a.options.patterns = patterns;
    int n_files = (int)inputs.n;
    int jobs = a.jobs > 0 ? a.jobs : tool_cores();
    a.options.load_ahead = tool_load_ahead(jobs, jobs < n_files ? jobs : n_files);
    /* one file is read in this process unless it is to be watched */
    if (n_files == 1 && a.options.timeout_seconds <= 0 && !a.max_memory_given) {
        catch_stop_signals(remove_tmp_and_die);
        size_t warnings;
        status = extract_one(&inputs.items[0], &a, a.out_dir, inputs.items[0].output, stdout,
                             &warnings);
        /* written to a file, a run says what it did, as a batch does */
        if (a.out_dir && !a.quiet && isatty(STDERR_FILENO))
            print_summary(1, status != EXIT_DONE, warnings);
    } else {
        status = run_batch(inputs.items, n_files, &a, jobs);
    }
    arsred_patterns_free(patterns);
    tool_inputs_release(&inputs);
    return combine_status(status, gathered);
}
