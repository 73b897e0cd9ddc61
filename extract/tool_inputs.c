/* tool_inputs.c: the inputs of a command line, and the names of their
 * outputs.
 *
 * An output is named after its input's file name ("krokom-2020.pdf" ->
 * "krokom-2020"). Where several inputs share a file name, each is named
 * after the folders in which their paths differ, then the file name
 * ("kommuner/krokom/2023/arsredovisning.pdf" and "kommuner/kalmar/2023/
 * arsredovisning.pdf" -> "krokom-arsredovisning", "kalmar-arsredovisning").
 * The
 * folders are the real ones (symbolic links and "./" resolved), so the
 * name depends on which file the input is, not on how its path is written
 * or in which order or process it is read. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tool.h"

static void *or_die(void *p)
{
    if (!p) {
        tool_error("out of memory");
        exit(EXIT_INPUT);
    }
    return p;
}

static char *xstrdup_or_die(const char *s)
{
    return or_die(strdup(s));
}

/* Room for one more of items (of cap elements of size bytes). */
static void *grow_for_one(void *items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return items;
    *cap = *cap ? 2 * *cap : 16;
    return or_die(realloc(items, *cap * size));
}

static void push_input(tool_inputs *in, const char *path, const char *name, int spool_fd)
{
    in->items = grow_for_one(in->items, in->n, &in->cap, sizeof *in->items);
    in->items[in->n++] = (tool_input){.path = xstrdup_or_die(path),
                                      .name = xstrdup_or_die(name ? name : path),
                                      .spool_fd = spool_fd};
}

static bool has_pdf_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".pdf") == 0;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct path_list {
    char **items;
    size_t n, cap;
} path_list;

static void path_list_push(path_list *l, char *path)
{
    l->items = grow_for_one(l->items, l->n, &l->cap, sizeof *l->items);
    l->items[l->n++] = path;
}

/* Folders below a folder are read to this depth: deeper is a loop. */
enum { MAX_FOLDER_DEPTH = 64 };

/* The PDF files below dir into list; folders reached through a symbolic
 * link are not entered (they may lead back up). */
static void find_pdfs(const char *dir, int depth, path_list *list, bool *unreadable)
{
    DIR *d = opendir(dir);
    if (!d) {
        tool_error("%s: cannot be read (%s)", dir, strerror(errno));
        *unreadable = true;
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' && (e->d_name[1] == '\0' ||
                                    (e->d_name[1] == '.' && e->d_name[2] == '\0')))
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = or_die(malloc(n));
        snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        struct stat lst, st;
        if (lstat(path, &lst) != 0 || stat(path, &st) != 0) {
            free(path);
            continue;
        }
        if (S_ISDIR(st.st_mode) && !S_ISLNK(lst.st_mode)) {
            if (depth < MAX_FOLDER_DEPTH)
                find_pdfs(path, depth + 1, list, unreadable);
            else
                tool_error("%s: more than %d folders deep; not read", path, MAX_FOLDER_DEPTH);
            free(path);
        } else if (S_ISREG(st.st_mode) && has_pdf_suffix(e->d_name)) {
            path_list_push(list, path);
        } else {
            free(path);
        }
    }
    closedir(d);
}

/* Standard input is kept in a file that has no name from the moment it
 * is made (so nothing is left behind, whatever stops the run), read by
 * its descriptor's path, which worker processes inherit. A PDF larger
 * than this is refused. */
#define MAX_STDIN_BYTES (16LL << 30)

/* The descriptor of a nameless copy of standard input, or -1. */
static int spool_stdin(void)
{
    if (isatty(STDIN_FILENO)) {
        tool_error("-: standard input is a terminal; pipe a PDF into it, like "
                   "'arsred extract - < report.pdf'");
        return -1;
    }
    const char *tmpdir = getenv("TMPDIR");
    char template[PATH_MAX];
    snprintf(template, sizeof template, "%s/arsred-stdin-XXXXXX",
             tmpdir && *tmpdir ? tmpdir : "/tmp");
    int fd = mkstemp(template);
    if (fd < 0) {
        tool_error("-: cannot keep standard input in a temporary file (%s)", strerror(errno));
        return -1;
    }
    unlink(template);
    char buf[1 << 16];
    long long total = 0;
    ssize_t got;
    while ((got = read(STDIN_FILENO, buf, sizeof buf)) != 0) {
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 || (total += got) > MAX_STDIN_BYTES) {
            tool_error(got < 0 ? "-: standard input cannot be read (%s)"
                               : "-: standard input holds more than 16 GiB; give the file's path",
                       strerror(errno));
            close(fd);
            return -1;
        }
        for (ssize_t done = 0; done < got;) {
            ssize_t w = write(fd, buf + done, (size_t)(got - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                tool_error("-: cannot keep standard input in a temporary file (%s)",
                           strerror(errno));
                close(fd);
                return -1;
            }
            done += w;
        }
    }
    return fd;
}

/* A file given twice (or found twice: a path and a folder around it) is
 * read once, under the path it was first given as. */
static void drop_repeated_files(tool_inputs *in)
{
    dev_t *devs = or_die(calloc(in->n ? in->n : 1, sizeof *devs));
    ino_t *inos = or_die(calloc(in->n ? in->n : 1, sizeof *inos));
    bool *known = or_die(calloc(in->n ? in->n : 1, sizeof *known));
    size_t kept = 0;
    for (size_t i = 0; i < in->n; i++) {
        tool_input *item = &in->items[i];
        struct stat st;
        bool dropped = false;
        if (item->spool_fd < 0 && stat(item->path, &st) == 0) {
            for (size_t k = 0; k < kept && !dropped; k++)
                if (known[k] && devs[k] == st.st_dev && inos[k] == st.st_ino) {
                    tool_error("%s: given twice (also as %s); read once", item->name,
                               in->items[k].name);
                    dropped = true;
                }
            devs[kept] = st.st_dev;
            inos[kept] = st.st_ino;
            known[kept] = true;
        } else {
            known[kept] = false;
        }
        if (dropped) {
            free(item->path);
            free(item->name);
            continue;
        }
        in->items[kept++] = *item;
    }
    in->n = kept;
    free(devs);
    free(inos);
    free(known);
}

int tool_inputs_gather(char **args, int n_args, tool_folders folders, tool_inputs *in)
{
    bool recursive = folders == TOOL_FOLDERS_READ;
    memset(in, 0, sizeof *in);
    int status = EXIT_DONE;
    bool stdin_taken = false;
    for (int i = 0; i < n_args; i++) {
        const char *arg = args[i];
        struct stat st;
        if (strcmp(arg, "-") == 0) {
            if (stdin_taken) {
                tool_error("-: standard input can be read only once");
                status = EXIT_USAGE;
                continue;
            }
            stdin_taken = true;
            int fd = spool_stdin();
            if (fd < 0) {
                status = status > EXIT_INPUT ? status : EXIT_INPUT;
                continue;
            }
            char path[64];
            snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
            push_input(in, path, TOOL_STDIN_NAME, fd);
        } else if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!recursive) {
                tool_error("%s: is a folder; give the PDF files in it%s", arg,
                           folders == TOOL_FOLDERS_OFFERED ? ", or -r to read every PDF below it"
                                                           : "");
                status = status > EXIT_INPUT ? status : EXIT_INPUT;
                continue;
            }
            path_list list = {0};
            bool unreadable = false;
            find_pdfs(arg, 0, &list, &unreadable);
            if (list.n > 1)
                qsort(list.items, list.n, sizeof *list.items, compare_strings);
            if (list.n == 0 && !unreadable)
                tool_error("%s: no PDF files below it", arg);
            if (list.n == 0 || unreadable)
                status = status > EXIT_INPUT ? status : EXIT_INPUT;
            for (size_t k = 0; k < list.n; k++) {
                push_input(in, list.items[k], NULL, -1);
                free(list.items[k]);
            }
            free(list.items);
        } else {
            push_input(in, arg, NULL, -1);
        }
    }
    drop_repeated_files(in);
    return status;
}

void tool_input_release(tool_input *input)
{
    if (input->spool_fd >= 0)
        close(input->spool_fd);
    free(input->path);
    free(input->name);
    free(input->output);
}

void tool_inputs_release(tool_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        tool_input_release(&in->items[i]);
    free(in->items);
    memset(in, 0, sizeof *in);
}

/* ------------------------------------------------------------- names */

char *tool_output_base(const char *name)
{
    if (strcmp(name, TOOL_STDIN_NAME) == 0)
        return xstrdup_or_die("stdin");
    const char *slash = strrchr(name, '/');
    char *base = xstrdup_or_die(slash ? slash + 1 : name);
    if (has_pdf_suffix(base))
        base[strlen(base) - 4] = '\0';
    return base;
}

/* The real folder of path, split at '/': where it cannot be resolved (a
 * file that is not there), the folder as written, made absolute. */
static size_t folder_parts(const char *path, char ***out)
{
    char *copy = xstrdup_or_die(path);
    char *slash = strrchr(copy, '/');
    const char *dir = slash ? (slash == copy ? "/" : (*slash = '\0', copy)) : ".";
    char real[PATH_MAX], cwd[PATH_MAX];
    char *folder;
    if (realpath(dir, real))
        folder = xstrdup_or_die(real);
    else if (dir[0] != '/' && getcwd(cwd, sizeof cwd)) {
        size_t n = strlen(cwd) + strlen(dir) + 2;
        folder = or_die(malloc(n));
        snprintf(folder, n, "%s/%s", cwd, dir);
    } else
        folder = xstrdup_or_die(dir);
    free(copy);
    char **parts = NULL;
    size_t n = 0;
    for (char *save = NULL, *p = strtok_r(folder, "/", &save); p; p = strtok_r(NULL, "/", &save)) {
        if (strcmp(p, ".") == 0)
            continue;
        parts = or_die(realloc(parts, (n + 1) * sizeof *parts));
        parts[n++] = xstrdup_or_die(p);
    }
    free(folder);
    *out = parts;
    return n;
}

static void free_parts(char **parts, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(parts[i]);
    free(parts);
}

/* Whether folder k of every member is the same. */
static bool shared_folder(char ***parts, const size_t *n_parts, const size_t *members, size_t n,
                          size_t k)
{
    for (size_t m = 0; m < n; m++)
        if (k >= n_parts[members[m]] || strcmp(parts[members[m]][k], parts[members[0]][k]) != 0)
            return false;
    return true;
}

/* The name of member me among inputs of one file name: the folders in
 * which their paths differ (folder by folder from the root), then the
 * file name ("kommuner/krokom/2023/r.pdf" beside "kommuner/kalmar/2023/
 * r.pdf": "krokom-r"). */
static char *qualified_name(char ***parts, const size_t *n_parts, const size_t *members, size_t n,
                            size_t me, const char *base)
{
    size_t len = strlen(base) + 1;
    for (size_t k = 0; k < n_parts[me]; k++)
        len += strlen(parts[me][k]) + 1;
    char *name = or_die(malloc(len));
    name[0] = '\0';
    for (size_t k = 0; k < n_parts[me]; k++)
        if (!shared_folder(parts, n_parts, members, n, k)) {
            strcat(name, parts[me][k]);
            strcat(name, "-");
        }
    strcat(name, base);
    return name;
}

char *tool_output_name_beside(const char *name, const char *other)
{
    char *base = tool_output_base(name);
    char **parts[2];
    size_t n_parts[2] = {folder_parts(name, &parts[0]), folder_parts(other, &parts[1])};
    size_t members[2] = {0, 1};
    char *qualified = qualified_name(parts, n_parts, members, 2, 0, base);
    free_parts(parts[0], n_parts[0]);
    free_parts(parts[1], n_parts[1]);
    free(base);
    return qualified;
}

char *tool_output_name_hashed(const char *name, const char *path)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    char real[PATH_MAX];
    const char *key = realpath(path, real) ? real : path;
    for (const char *p = key; *p; p++)
        h = (h ^ (uint8_t)*p) * 16777619u;
    size_t n = strlen(name) + 16;
    char *out = or_die(malloc(n));
    snprintf(out, n, "%s-%08x", name, h);
    return out;
}

void tool_inputs_name_outputs(tool_inputs *in)
{
    size_t n = in->n;
    char **bases = or_die(calloc(n ? n : 1, sizeof *bases));
    char ***parts = or_die(calloc(n ? n : 1, sizeof *parts));
    size_t *n_parts = or_die(calloc(n ? n : 1, sizeof *n_parts));
    size_t *members = or_die(calloc(n ? n : 1, sizeof *members));
    for (size_t i = 0; i < n; i++)
        bases[i] = tool_output_base(in->items[i].name);
    for (size_t i = 0; i < n; i++) {
        if (in->items[i].output)
            continue;
        size_t n_members = 0;
        for (size_t k = i; k < n; k++)
            if (!in->items[k].output && strcmp(bases[k], bases[i]) == 0)
                members[n_members++] = k;
        if (n_members == 1) {
            in->items[i].output = xstrdup_or_die(bases[i]);
            continue;
        }
        for (size_t m = 0; m < n_members; m++)
            n_parts[members[m]] = folder_parts(in->items[members[m]].name, &parts[members[m]]);
        for (size_t m = 0; m < n_members; m++) {
            size_t k = members[m];
            in->items[k].output = qualified_name(parts, n_parts, members, n_members, k, bases[k]);
            in->items[k].renamed = true;
        }
    }
    /* a name made of folders may still meet another input's name: then
     * every input of that name gets a hash of its real path, whatever
     * their order */
    bool *meets = or_die(calloc(n ? n : 1, sizeof *meets));
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < n; k++)
            meets[i] = meets[i] || (k != i && strcmp(in->items[i].output, in->items[k].output) == 0);
    for (size_t i = 0; i < n; i++)
        if (meets[i]) {
            char *unique = tool_output_name_hashed(in->items[i].output, in->items[i].path);
            free(in->items[i].output);
            in->items[i].output = unique;
            in->items[i].renamed = true;
        }
    free(meets);
    for (size_t i = 0; i < n; i++) {
        free(bases[i]);
        free_parts(parts[i], n_parts[i]);
    }
    free(bases);
    free(parts);
    free(n_parts);
    free(members);
}

/* ------------------------------------------------- outputs on disk */

/* Bytes of an output read to find its source: the JSON begins with it,
 * a CSV row names it in its first field. */
enum { SOURCE_HEAD_BYTES = 65536 };

/* The JSON string that starts at p (after its opening quote), decoded
 * enough to compare paths: escapes of quote, backslash and slash. */
static char *json_string_at(const char *p)
{
    size_t n = 0, cap = strlen(p) + 1;
    char *out = or_die(malloc(cap));
    for (; *p && *p != '"'; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            out[n++] = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    return *p == '"' ? out : (free(out), NULL);
}

/* The value of "key": "..." after from in text, or NULL. */
static char *json_member(const char *text, const char *from, const char *key)
{
    char quoted[32];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    const char *p = strstr(from ? from : text, quoted);
    if (!p)
        return NULL;
    p += strlen(quoted);
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == ':')
        p++;
    return *p == '"' ? json_string_at(p + 1) : NULL;
}

/* The first field of the second line of a CSV (RFC 4180). */
static char *csv_first_field(const char *text)
{
    const char *p = strchr(text, '\n');
    if (!p)
        return NULL;
    p++;
    size_t n = 0;
    char *out = or_die(malloc(strlen(p) + 1));
    if (*p == '"') {
        for (p++; *p; p++) {
            if (*p == '"' && p[1] == '"')
                out[n++] = *p++;
            else if (*p == '"')
                break;
            else
                out[n++] = *p;
        }
    } else {
        while (*p && *p != ',' && *p != '\n' && *p != '\r')
            out[n++] = *p++;
    }
    out[n] = '\0';
    return n ? out : (free(out), NULL);
}

bool tool_recorded_source(const char *file, bool csv, char **path, char **sha256)
{
    *path = *sha256 = NULL;
    FILE *f = fopen(file, "rb");
    if (!f)
        return false;
    char *head = or_die(malloc(SOURCE_HEAD_BYTES + 1));
    size_t got = fread(head, 1, SOURCE_HEAD_BYTES, f);
    fclose(f);
    head[got] = '\0';
    if (csv) {
        *path = csv_first_field(head);
    } else {
        const char *source = strstr(head, "\"source\"");
        if (source) {
            *path = json_member(head, source, "path");
            *sha256 = json_member(head, source, "sha256");
        }
    }
    free(head);
    return *path != NULL;
}

tool_output_owner tool_output_owner_of(const char *file, bool csv, const tool_input *input,
                                       const char *sha256, char **other)
{
    *other = NULL;
    if (access(file, F_OK) != 0)
        return TOOL_OUTPUT_FREE;
    char *path, *recorded_sha;
    if (!tool_recorded_source(file, csv, &path, &recorded_sha)) {
        free(recorded_sha);
        return TOOL_OUTPUT_UNKNOWN; /* not arsred's, or not readable: kept */
    }
    /* The same content is the same input, wherever it lies. A JSON names
     * its content; a CSV only its path, as it was given (from another
     * folder, the same words may name another file): it is this input's
     * where that path is this input's, written the same way. */
    bool same = csv ? strcmp(path, input->name) == 0
                    : recorded_sha && sha256 && strcmp(recorded_sha, sha256) == 0;
    free(recorded_sha);
    if (same) {
        free(path);
        return TOOL_OUTPUT_OURS;
    }
    *other = path;
    return TOOL_OUTPUT_OTHERS;
}
