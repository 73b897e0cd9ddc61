/* tool_manifest.c: the manifest of a batch written with -o DIR: one JSON
 * line per file as it finishes (DIR/arsred-manifest.jsonl), appended with
 * one write each, so that a killed run leaves every finished file's line
 * whole; and what a resumed run (--resume) skips: a file whose output is
 * there for the same content (sha256). */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tool.h"

static const char MANIFEST_NAME[] = "arsred-manifest.jsonl";

char *tool_manifest_path(const char *dir)
{
    size_t n = strlen(dir) + sizeof MANIFEST_NAME + 2;
    char *path = malloc(n);
    snprintf(path, n, "%s/%s", dir, MANIFEST_NAME);
    return path;
}

bool tool_file_sha256(const char *path, char out[65])
{
    GMappedFile *file = g_mapped_file_new(path, FALSE, NULL);
    if (!file)
        return false;
    gchar *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
                                             (const guchar *)g_mapped_file_get_contents(file),
                                             g_mapped_file_get_length(file));
    snprintf(out, 65, "%s", sum);
    g_free(sum);
    g_mapped_file_unref(file);
    return true;
}

static void add_done(tool_manifest *m, const char *path, const char *sha256)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 64;
        m->done = realloc(m->done, m->cap * sizeof *m->done);
    }
    size_t n = strlen(path) + strlen(sha256) + 2;
    m->done[m->n] = malloc(n);
    snprintf(m->done[m->n], n, "%s\t%s", path, sha256);
    m->n++;
}

/* A line of a finished file whose output is still there. */
static void take_line(tool_manifest *m, const char *line)
{
    json_t *o = json_loads(line, 0, NULL);
    if (!o)
        return; /* a line cut short: the file is done again */
    const char *path = json_string_value(json_object_get(o, "path"));
    const char *sha256 = json_string_value(json_object_get(o, "sha256"));
    const char *status = json_string_value(json_object_get(o, "status"));
    const char *output = json_string_value(json_object_get(o, "output"));
    if (path && sha256 && status && output && strcmp(status, "done") == 0 &&
        access(output, F_OK) == 0)
        add_done(m, path, sha256);
    json_decref(o);
}

void tool_manifest_load(const char *dir, tool_manifest *m)
{
    memset(m, 0, sizeof *m);
    char *path = tool_manifest_path(dir);
    FILE *f = fopen(path, "r");
    free(path);
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0)
        take_line(m, line);
    free(line);
    fclose(f);
}

bool tool_manifest_done(const tool_manifest *m, const char *path, const char *sha256)
{
    size_t plen = strlen(path);
    for (size_t i = 0; i < m->n; i++)
        if (strncmp(m->done[i], path, plen) == 0 && m->done[i][plen] == '\t' &&
            strcmp(m->done[i] + plen + 1, sha256) == 0)
            return true;
    return false;
}

void tool_manifest_release(tool_manifest *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->done[i]);
    free(m->done);
    memset(m, 0, sizeof *m);
}

int tool_manifest_append(const char *dir, const tool_manifest_line *line)
{
    json_t *o = json_object();
    json_object_set_new(o, "path", json_string(line->path));
    json_object_set_new(o, "sha256", line->sha256 ? json_string(line->sha256) : json_null());
    json_object_set_new(o, "status", json_string(line->status));
    json_object_set_new(o, "exit", json_integer(line->exit_status));
    json_object_set_new(o, "seconds", json_real((double)(long)(line->seconds * 1000) / 1000));
    json_object_set_new(o, "warnings", json_integer((json_int_t)line->warnings));
    json_object_set_new(o, "output", line->output ? json_string(line->output) : json_null());
    char *text = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(6));
    json_decref(o);
    if (!text)
        return -1;
    size_t n = strlen(text);
    char *record = malloc(n + 2);
    memcpy(record, text, n);
    record[n] = '\n';
    free(text);
    char *path = tool_manifest_path(dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0666);
    free(path);
    int rc = -1;
    if (fd >= 0) {
        /* one write: lines of workers that finish together do not mix */
        rc = write(fd, record, n + 1) == (ssize_t)(n + 1) ? 0 : -1;
        rc = close(fd) == 0 ? rc : -1;
    }
    free(record);
    return rc;
}
