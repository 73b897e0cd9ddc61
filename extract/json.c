/* json.c: the document as JSON (spec/output-format.md). The only stage
 * that includes jansson. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "util.h"

static json_t *string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *source_json(const arsred_document *doc)
{
    json_t *o = json_object();
    json_object_set_new(o, "path", json_string(doc->path));
    json_object_set_new(o, "sha256", json_string(doc->sha256));
    json_object_set_new(o, "pages", json_integer(doc->pages));
    json_object_set_new(o, "producer", string_or_null(doc->producer));
    json_object_set_new(o, "title", string_or_null(doc->title));
    return o;
}

static json_t *report_json(const arsred_document *doc)
{
    json_t *o = json_object();
    json_object_set_new(o, "organisation", string_or_null(doc->organisation));
    json_object_set_new(o, "body", string_or_null(doc->body));
    json_object_set_new(o, "year", doc->year ? json_integer(doc->year) : json_null());
    json_object_set_new(o, "type", string_or_null(doc->type));
    return o;
}

static json_t *warnings_json(const arsred_document *doc)
{
    json_t *a = json_array();
    for (size_t i = 0; i < doc->n_warnings; i++) {
        const report_warning *w = &doc->warnings[i];
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(w->code));
        json_object_set_new(o, "page", w->page ? json_integer(w->page) : json_null());
        json_object_set_new(o, "message", json_string(w->message));
        json_array_append_new(a, o);
    }
    return a;
}

char *arsred_document_to_json(const arsred_document *doc, int pretty)
{
    json_t *root = json_object();
    json_object_set_new(root, "arsred", json_integer(ARSRED_FORMAT_VERSION));
    json_object_set_new(root, "source", source_json(doc));
    json_object_set_new(root, "report", report_json(doc));
    json_object_set_new(root, "goals", json_array());
    json_object_set_new(root, "tables", json_array());
    json_object_set_new(root, "kpis", json_array());
    json_object_set_new(root, "checks", json_array());
    json_object_set_new(root, "warnings", warnings_json(doc));
    size_t flags = JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0 |
                   (pretty ? JSON_INDENT(2) : JSON_COMPACT);
    char *text = json_dumps(root, flags);
    json_decref(root);
    char *copy = xstrdup(text ? text : "{}");
    free(text);
    return copy;
}
