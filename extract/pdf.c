/* pdf.c: PDF access through poppler-glib. Poppler and GLib types stay in
 * this file. */
#include "pdf.h"

#include <cairo.h>
#include <errno.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util.h"

struct pdf_doc {
    char *path;
    char *name;            /* in messages */
    GMappedFile *file;
    GBytes *bytes;
    PopplerDocument *poppler;
    PopplerDocument *text_reader; /* pdf_open_text_reader: for pdf_page_load */
    int loads_since_trim;
    char *password;
    char sha256[65];
    int revisions;
    char *producer;
    char *creator;
    char *title;
    char *subject;
    GHashTable *font_ids;  /* name -> id + 1 */
    char **font_names;
    size_t n_fonts, cap_fonts;
    double render_budget;  /* pixels left to draw; negative: no limit */
};

/* Acrobat accepts an end-of-file marker within the last 1024 bytes; allow
 * a little more for files with trailing padding. */
enum { EOF_MARKER_WINDOW = 2048, HEADER_WINDOW = 1024 };

static bool bytes_contain(const char *data, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, needle, n) == 0)
            return true;
    return false;
}

/* poppler-glib hands poppler's own messages to g_log (domain "Poppler",
 * level INFO) as "<category> at position N: <text>"; unseen by default.
 * They are caught here instead: the errors among them, met by the thread
 * that reads a page, are counted for that page (poppler's error callback
 * is global, but each thread reads pages of its own). Warnings, which
 * real reports give by the hundred for harmless font quirks, are not. */
static _Thread_local size_t thread_errors;
static _Thread_local char thread_first_error[PDF_ERROR_EXAMPLE_MAX];

static const char *const poppler_error_categories[] = {"Syntax error", "IO error",
                                                       "Internal error"};

static void count_poppler_message(const gchar *domain, GLogLevelFlags level,
                                  const gchar *message, gpointer data)
{
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) {
        g_log_default_handler(domain, level, message, data); /* poppler-glib's own */
        return;
    }
    for (size_t i = 0; i < sizeof poppler_error_categories / sizeof *poppler_error_categories; i++)
        if (message && g_str_has_prefix(message, poppler_error_categories[i])) {
            if (thread_errors++ == 0) {
                const char *text = strstr(message, ": ");
                char *e = thread_first_error;
                snprintf(e, sizeof thread_first_error, "%s", text ? text + 2 : message);
                /* poppler writes a line end it was given as "<0a>" */
                size_t n = strlen(e);
                while (n >= 4 && strcmp(e + n - 4, "<0a>") == 0)
                    e[n -= 4] = '\0';
                while (n > 0 && (e[n - 1] == '\n' || e[n - 1] == ' '))
                    e[--n] = '\0';
            }
            return;
        }
}

static void catch_poppler_messages(void)
{
    static gsize installed;
    if (g_once_init_enter(&installed)) {
        g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                          count_poppler_message, NULL);
        g_once_init_leave(&installed, 1);
    }
}

static int check_bytes(const char *path, const char *data, size_t len,
                       arsred_error *err)
{
    if (len == 0)
        return error_set(err, ARSRED_ERR_INPUT,
                         "%s: the file is empty; it is not a PDF", path);
    if (!bytes_contain(data, len < HEADER_WINDOW ? len : HEADER_WINDOW, "%PDF-"))
        return error_set(err, ARSRED_ERR_INPUT,
                         "%s: not a PDF (no %%PDF header); check that the file "
                         "is the report and not a web page or text file",
                         path);
    size_t tail = len < EOF_MARKER_WINDOW ? len : EOF_MARKER_WINDOW;
    if (!bytes_contain(data + len - tail, tail, "%%EOF"))
        return error_set(err, ARSRED_ERR_INPUT,
                         "%s: the PDF is truncated or damaged (it has no end-of-file "
                         "marker); download or copy it again",
                         path);
    return ARSRED_OK;
}

/* ---------------------------------------------------- revisions
 *
 * An incremental update appends changed objects, a cross-reference section
 * and a trailer whose /Prev is the offset of the section before; the
 * last startxref names the newest. poppler reads the newest revision and
 * says nothing of the others, so the sections are counted here, along
 * that chain, from the file's bytes. A linearized file has one section
 * more than it has revisions (the first page's, at its start). Hostile
 * chains are bounded: a section seen twice ends it (a /Prev loop), and so
 * do MAX_XREF_SECTIONS sections, and the bytes read from the sections to
 * their trailers add up to no more than the file (the sections of a
 * sound chain do not overlap). A chain that breaks (offsets poppler has
 * to rebuild) counts the sections found before it, and at least one. */
enum {
    MAX_XREF_SECTIONS = 4096,
    DICTIONARY_SCAN_BYTES = 64 * 1024, /* a trailer's dictionary is a few hundred */
    STARTXREF_WINDOW = EOF_MARKER_WINDOW
};

static bool is_pdf_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_pdf_delimiter(char c)
{
    return is_pdf_space(c) || strchr("()<>[]{}/%", c) != NULL;
}

static const char *skip_spaces(const char *p, const char *end)
{
    while (p < end && is_pdf_space(*p))
        p++;
    return p;
}

static const char *skip_digits(const char *p, const char *end)
{
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p;
}

/* The first needle in [p, end), binary data and all, or NULL. */
static const char *find_bytes(const char *p, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    for (; (size_t)(end - p) >= n; p++) {
        p = memchr(p, needle[0], (size_t)(end - p));
        if (!p || (size_t)(end - p) < n)
            return NULL;
        if (memcmp(p, needle, n) == 0)
            return p;
    }
    return NULL;
}

static bool starts_with(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

/* A non-negative integer at p (after spaces), or false. */
static bool read_offset(const char *p, const char *end, size_t *out)
{
    p = skip_spaces(p, end);
    const char *digits = p;
    size_t v = 0;
    for (; p < end && *p >= '0' && *p <= '9'; p++) {
        if (v > (SIZE_MAX - 9) / 10)
            return false;
        v = v * 10 + (size_t)(*p - '0');
    }
    *out = v;
    return p > digits;
}

/* The /Prev of the dictionary at p ("<<"), at its top level: true and
 * *prev, or false where it has none or ends first. Strings are skipped,
 * so a "/Prev" inside one is not taken. */
static bool dictionary_prev(const char *p, const char *end, size_t *prev)
{
    if ((size_t)(end - p) > DICTIONARY_SCAN_BYTES)
        end = p + DICTIONARY_SCAN_BYTES;
    int depth = 0;
    while (p < end) {
        if (starts_with(p, end, "<<")) {
            depth++;
            p += 2;
        } else if (starts_with(p, end, ">>")) {
            if (--depth <= 0)
                return false;
            p += 2;
        } else if (*p == '(') {
            int parens = 0;
            while (p < end) {
                char c = *p++;
                if (c == '\\' && p < end)
                    p++;
                else if (c == '(')
                    parens++;
                else if (c == ')' && --parens == 0)
                    break;
            }
        } else if (*p == '/') {
            const char *name = ++p;
            while (p < end && !is_pdf_delimiter(*p))
                p++;
            if (depth == 1 && p - name == 4 && memcmp(name, "Prev", 4) == 0)
                return read_offset(p, end, prev);
        } else {
            p++;
        }
    }
    return false;
}

/* The trailer dictionary of the section at offset: after "xref" and its
 * entries, the dictionary after "trailer"; of a cross-reference stream
 * ("12 0 obj"), its own dictionary. NULL where neither is there, or where
 * finding it would read more than *budget bytes (which it spends). */
static const char *section_dictionary(const char *data, size_t len, size_t offset,
                                      size_t *budget)
{
    if (offset >= len)
        return NULL;
    const char *p = skip_spaces(data + offset, data + len);
    const char *end = data + len;
    if ((size_t)(end - p) > *budget)
        end = p + *budget;
    const char *dict = NULL;
    if (starts_with(p, end, "xref")) {
        const char *trailer = find_bytes(p, end, "trailer");
        dict = trailer ? skip_spaces(trailer + 7, end) : NULL;
    } else {
        const char *q = skip_digits(p, end); /* object number */
        const char *gen = skip_spaces(q, end);
        const char *obj = skip_spaces(skip_digits(gen, end), end);
        if (q > p && gen > q && obj > gen && starts_with(obj, end, "obj"))
            dict = skip_spaces(obj + 3, end);
    }
    if (!dict || !starts_with(dict, end, "<<"))
        return NULL;
    *budget -= (size_t)(dict - p);
    return dict;
}

static int count_revisions(const char *data, size_t len)
{
    size_t tail = len < STARTXREF_WINDOW ? len : STARTXREF_WINDOW;
    const char *last = NULL, *end = data + len;
    for (const char *p = data + len - tail; (p = find_bytes(p, end, "startxref")); p += 9)
        last = p;
    size_t offset, budget = len, seen[MAX_XREF_SECTIONS];
    int sections = 0;
    if (last && read_offset(last + 9, end, &offset)) {
        while (sections < MAX_XREF_SECTIONS) {
            bool again = false;
            for (int i = 0; i < sections && !again; i++)
                again = seen[i] == offset;
            const char *dict = again ? NULL : section_dictionary(data, len, offset, &budget);
            if (!dict)
                break;
            seen[sections++] = offset;
            if (!dictionary_prev(dict, end, &offset))
                break;
        }
    }
    if (sections > 1 && bytes_contain(data, len < HEADER_WINDOW ? len : HEADER_WINDOW, "/Linearized"))
        sections--;
    return sections > 0 ? sections : 1;
}

static int open_error(const char *path, const char *password, GError *gerr,
                      arsred_error *err)
{
    int code = gerr && gerr->domain == POPPLER_ERROR ? gerr->code : -1;
    const char *detail = gerr ? gerr->message : "unknown error";
    if (code == POPPLER_ERROR_ENCRYPTED) {
        if (password)
            return error_set(err, ARSRED_ERR_INPUT,
                             "%s: encrypted, and the password given is wrong",
                             path);
        return error_set(err, ARSRED_ERR_INPUT,
                         "%s: encrypted; give the password with --password",
                         path);
    }
    return error_set(err, ARSRED_ERR_INPUT,
                     "%s: the PDF is damaged and cannot be read (%s)", path,
                     detail);
}

/* The file is mapped into memory and read by poppler from there. Its pages
 * would stay resident as they are read, the whole file in the end; they
 * are clean copies of the file, so they are given back from time to time
 * (a later read brings a page back from the kernel's cache). */
enum { TRIM_EVERY_PAGES = 16, HASH_CHUNK = 4 << 20 };

static void give_back(const char *data, size_t len)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)data & ~(page - 1);
    madvise((void *)start, len + ((uintptr_t)data - start), MADV_DONTNEED);
}

static void sha256_of(const char *data, size_t len, char out[65])
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    for (size_t at = 0; at < len; at += HASH_CHUNK) {
        size_t n = len - at < HASH_CHUNK ? len - at : HASH_CHUNK;
        g_checksum_update(sum, (const guchar *)data + at, (gssize)n);
        give_back(data + at, n);
    }
    snprintf(out, 65, "%s", g_checksum_get_string(sum));
    g_checksum_free(sum);
}

static char *dup_or_null(char *gstr)
{
    char *copy = gstr && *gstr ? xstrdup(gstr) : NULL;
    g_free(gstr);
    return copy;
}

/* Poppler 22.12 crashes in poppler_document_new_from_bytes when a wrong
 * password is given for an AES-256 (R6) file, while its retry copies the
 * stream; from a file the same retry is safe. So with a password the
 * document is opened from its path. */
static PopplerDocument *open_poppler(const char *path, GBytes *bytes,
                                     const char *password, GError **gerr)
{
    if (!password)
        return poppler_document_new_from_bytes(bytes, NULL, gerr);
    char *absolute = g_canonicalize_filename(path, NULL);
    char *uri = g_filename_to_uri(absolute, NULL, gerr);
    PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, password, gerr) : NULL;
    g_free(uri);
    g_free(absolute);
    return doc;
}

int pdf_open(const char *path, const char *name, const char *password, pdf_doc **out,
             arsred_error *err)
{
    *out = NULL;
    if (!name)
        name = path;
    catch_poppler_messages();
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) /* GLib would say "mmap() failed" */
        return error_set(err, ARSRED_ERR_INPUT, "%s: is a folder, not a PDF; give the "
                         "PDF files in it", name);
    GError *gerr = NULL;
    GMappedFile *file = g_mapped_file_new(path, FALSE, &gerr);
    if (!file) {
        int missing = gerr && g_error_matches(gerr, G_FILE_ERROR, G_FILE_ERROR_NOENT);
        int denied = gerr && g_error_matches(gerr, G_FILE_ERROR, G_FILE_ERROR_ACCES);
        error_set(err, ARSRED_ERR_INPUT, "%s: %s", name,
                  missing ? "no such file"
                  : denied ? "cannot be read (permission denied)"
                           : (gerr ? gerr->message : "cannot be read"));
        g_clear_error(&gerr);
        return ARSRED_ERR_INPUT;
    }
    const char *data = g_mapped_file_get_contents(file);
    size_t len = g_mapped_file_get_length(file);
    int rc = check_bytes(name, data, len, err);
    if (rc != ARSRED_OK) {
        g_mapped_file_unref(file);
        return rc;
    }
    GBytes *bytes = g_mapped_file_get_bytes(file);
    PopplerDocument *poppler = open_poppler(path, bytes, password, &gerr);
    if (!poppler) {
        rc = open_error(name, password, gerr, err);
        g_clear_error(&gerr);
        g_bytes_unref(bytes);
        g_mapped_file_unref(file);
        return rc;
    }
    pdf_doc *doc = xcalloc(1, sizeof *doc);
    doc->path = xstrdup(path);
    doc->name = xstrdup(name);
    doc->file = file;
    doc->bytes = bytes;
    doc->poppler = poppler;
    doc->password = password ? xstrdup(password) : NULL;
    doc->revisions = count_revisions(data, len);
    doc->render_budget = -1;
    sha256_of(data, len, doc->sha256);
    doc->producer = dup_or_null(poppler_document_get_producer(poppler));
    doc->title = dup_or_null(poppler_document_get_title(poppler));
    doc->creator = dup_or_null(poppler_document_get_creator(poppler));
    doc->subject = dup_or_null(poppler_document_get_subject(poppler));
    doc->font_ids = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, NULL);
    *out = doc;
    return ARSRED_OK;
}

void pdf_close(pdf_doc *doc)
{
    if (!doc)
        return;
    g_object_unref(doc->poppler);
    if (doc->text_reader)
        g_object_unref(doc->text_reader);
    g_bytes_unref(doc->bytes);
    g_mapped_file_unref(doc->file);
    g_hash_table_destroy(doc->font_ids);
    for (size_t i = 0; i < doc->n_fonts; i++)
        free(doc->font_names[i]);
    free(doc->font_names);
    free(doc->producer);
    free(doc->creator);
    free(doc->title);
    free(doc->subject);
    free(doc->path);
    free(doc->name);
    free(doc->password);
    free(doc);
}

bool pdf_open_text_reader(pdf_doc *doc)
{
    if (!doc->text_reader)
        doc->text_reader = open_poppler(doc->path, doc->bytes, doc->password, NULL);
    return doc->text_reader != NULL;
}

int pdf_page_count(const pdf_doc *doc)
{
    return poppler_document_get_n_pages(doc->poppler);
}

const char *pdf_sha256(const pdf_doc *doc) { return doc->sha256; }
int pdf_revisions(const pdf_doc *doc) { return doc->revisions; }
const char *pdf_producer(const pdf_doc *doc) { return doc->producer; }
const char *pdf_title(const pdf_doc *doc) { return doc->title; }
const char *pdf_creator(const pdf_doc *doc) { return doc->creator; }
const char *pdf_subject(const pdf_doc *doc) { return doc->subject; }

static uint16_t font_id(pdf_doc *doc, const char *name)
{
    if (!name)
        name = "";
    gpointer found = g_hash_table_lookup(doc->font_ids, name);
    if (found)
        return (uint16_t)(GPOINTER_TO_UINT(found) - 1);
    if (doc->n_fonts >= UINT16_MAX - 1)
        return (uint16_t)(doc->n_fonts - 1);
    char *copy = xstrdup(name);
    ARRAY_PUSH(doc->font_names, doc->n_fonts, doc->cap_fonts, copy);
    g_hash_table_insert(doc->font_ids, copy, GUINT_TO_POINTER(doc->n_fonts));
    return (uint16_t)(doc->n_fonts - 1);
}

static bool font_is_bold(const char *name)
{
    return name && (strstr(name, "Bold") || strstr(name, "bold") ||
                    strstr(name, "Black") || strstr(name, "Heavy") ||
                    strstr(name, "Semibold") || strstr(name, "SemiBold") ||
                    strstr(name, "Demi") || strstr(name, "-BX") ||
                    strstr(name, "CMBX"));
}

/* A font's name without its subset tag ("USEJCV+LinLibertineOB"). */
static const char *untagged(const char *name)
{
    const char *plus = strchr(name, '+');
    return plus && plus - name == 6 ? plus + 1 : name;
}

/* A font named as another font of the document with a weight letter after
 * it: "LinLibertineOB" beside "LinLibertineO" (families that name their
 * weights by a suffix, with no "Bold" in the name). */
static bool bold_by_sibling(const pdf_doc *doc, const char *name)
{
    static const char *const bold_suffixes[] = {"B", "Bd"};
    const char *base = untagged(name);
    size_t len = strlen(base);
    for (size_t i = 0; i < sizeof bold_suffixes / sizeof *bold_suffixes; i++) {
        size_t sl = strlen(bold_suffixes[i]);
        if (len <= sl + 2 || strcmp(base + len - sl, bold_suffixes[i]) != 0)
            continue;
        for (size_t f = 0; f < doc->n_fonts; f++) {
            const char *other = untagged(doc->font_names[f]);
            if (strlen(other) == len - sl && strncmp(other, base, len - sl) == 0)
                return true;
        }
    }
    return false;
}

static bool font_is_italic(const char *name)
{
    return name && (strstr(name, "Italic") || strstr(name, "Oblique") ||
                    strstr(name, "italic") || strstr(name, "CMTI"));
}

static void apply_attributes(pdf_doc *doc, PopplerPage *ppage, pdf_char *chars,
                             size_t n)
{
    GList *attrs = poppler_page_get_text_attributes(ppage);
    for (GList *l = attrs; l; l = l->next) /* the page's fonts known first */
        font_id(doc, ((PopplerTextAttributes *)l->data)->font_name);
    for (GList *l = attrs; l; l = l->next) {
        PopplerTextAttributes *a = l->data;
        uint16_t font = font_id(doc, a->font_name);
        bool bold = font_is_bold(a->font_name) || (a->font_name && bold_by_sibling(doc, a->font_name));
        bool italic = font_is_italic(a->font_name);
        uint32_t rgb = ((uint32_t)(a->color.red >> 8) << 16) |
                       ((uint32_t)(a->color.green >> 8) << 8) |
                       (uint32_t)(a->color.blue >> 8);
        for (int i = a->start_index; i <= a->end_index && i >= 0 && (size_t)i < n; i++) {
            chars[i].font = font;
            chars[i].size = (float)a->font_size;
            chars[i].rgb = rgb;
            chars[i].bold = bold;
            chars[i].italic = italic;
        }
    }
    poppler_page_free_text_attributes(attrs);
}

static void load_chars(pdf_doc *doc, PopplerPage *ppage, pdf_page *page)
{
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    char *text = poppler_page_get_text(ppage);
    if (!text || !poppler_page_get_text_layout(ppage, &rects, &n_rects)) {
        g_free(text);
        g_free(rects);
        return;
    }
    size_t n_text = (size_t)g_utf8_strlen(text, -1);
    size_t n = n_text < n_rects ? n_text : n_rects;
    page->chars = xcalloc(n ? n : 1, sizeof *page->chars);
    const char *p = text;
    for (size_t i = 0; i < n; i++) {
        pdf_char *c = &page->chars[i];
        c->cp = g_utf8_get_char_validated(p, -1);
        if (c->cp == (uint32_t)-1 || c->cp == (uint32_t)-2)
            c->cp = 0xFFFD;
        p = g_utf8_next_char(p);
        c->box = (box){rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2};
        c->size = (float)(rects[i].y2 - rects[i].y1);
    }
    page->n_chars = n;
    apply_attributes(doc, ppage, page->chars, n);
    g_free(rects);
    g_free(text);
}

/* Drawing through cairo from the page-loading thread (hidden text) and
 * the main thread at once races inside cairo and poppler's font caches:
 * one drawing, or one mapping of images, at a time. A pthread mutex, which
 * ThreadSanitizer sees (glib's GMutex is a bare futex to it). */
static pthread_mutex_t draw_lock = PTHREAD_MUTEX_INITIALIZER;

static cairo_surface_t *render(pdf_doc *doc, PopplerPage *ppage, box region, double scale);

/* Text in the paper's colour is hidden unless something darker is drawn
 * under it (white heads on a coloured band are seen; white dates on white
 * are not). Such text is looked at: the page is rendered once, small, and
 * a character whose box is mostly its own colour cannot be seen, so it is
 * no text of the page. */
enum {
    LIGHT_CHANNEL = 0xE0,    /* every channel this light: the paper's colour */
    CONTRAST_CHANNEL = 0x30, /* a pixel this far off in a channel is another colour */
    HIDDEN_RENDER_PIXELS = 1000 * 1000
};
#define HIDDEN_RENDER_SCALE 0.5  /* pixels per point: a glyph's box is a few pixels */

static bool is_light(uint32_t rgb)
{
    return ((rgb >> 16) & 0xFF) >= LIGHT_CHANNEL && ((rgb >> 8) & 0xFF) >= LIGHT_CHANNEL &&
           (rgb & 0xFF) >= LIGHT_CHANNEL;
}

/* Whether most pixels of box b differ from colour rgb: the ground under
 * the character is not its own colour (a rule across a hidden line is a
 * few pixels of its box, the band under a white head most of them). */
static bool shows_contrast(const uint8_t *data, int stride, int w, int h, box b, double scale,
                           uint32_t rgb)
{
    /* clipped before the conversion: a character's box may be anywhere
     * (1e12 points off, in a damaged PDF), and NaN goes to the edge */
    int x0 = (int)fmax(0, floor(b.x0 * scale)), x1 = (int)fmin(w, ceil(b.x1 * scale));
    int y0 = (int)fmax(0, floor(b.y0 * scale)), y1 = (int)fmin(h, ceil(b.y1 * scale));
    if (x0 >= x1 || y0 >= y1)
        return true; /* off the page: not ours to judge */
    size_t differing = 0, all = 0;
    for (int y = y0; y < y1; y++) {
        const uint32_t *row = (const uint32_t *)(data + (size_t)y * (size_t)stride);
        for (int x = x0; x < x1; x++, all++)
            for (int shift = 0; shift <= 16; shift += 8)
                if (abs((int)((row[x] >> shift) & 0xFF) - (int)((rgb >> shift) & 0xFF)) >
                    CONTRAST_CHANNEL) {
                    differing++;
                    break;
                }
    }
    return 2 * differing >= all;
}

/* Whether c is a light character that might be hidden: not over a
 * picture (white on a photo is how covers are set). */
static bool may_be_hidden(const pdf_char *c, const box *images, size_t n_images)
{
    if (c->cp <= ' ' || !is_light(c->rgb))
        return false;
    for (size_t i = 0; i < n_images; i++)
        if (span_overlap(c->box.x0, c->box.x1, images[i].x0, images[i].x1) *
                span_overlap(c->box.y0, c->box.y1, images[i].y0, images[i].y1) >=
            0.5 * box_width(c->box) * box_height(c->box))
            return false;
    return true;
}

static void drop_hidden_chars(pdf_doc *doc, PopplerPage *ppage, pdf_page *page)
{
    bool any_light = false;
    for (size_t i = 0; i < page->n_chars && !any_light; i++)
        any_light = page->chars[i].cp > ' ' && is_light(page->chars[i].rgb);
    if (!any_light || page->width <= 0 || page->height <= 0)
        return;
    /* the mapping of images does not decode them; drawing them would */
    pthread_mutex_lock(&draw_lock);
    GList *maps = poppler_page_get_image_mapping(ppage);
    pthread_mutex_unlock(&draw_lock);
    size_t n_images = 0;
    box *images = xcalloc(g_list_length(maps) + 1, sizeof *images);
    for (GList *l = maps; l; l = l->next) {
        const PopplerImageMapping *m = l->data;
        images[n_images++] = (box){m->area.x1, m->area.y1, m->area.x2, m->area.y2};
    }
    poppler_page_free_image_mapping(maps);
    /* only the band of the page that holds such text is drawn */
    bool *suspect = xcalloc(page->n_chars + 1, sizeof *suspect);
    box region = {page->width, page->height, 0, 0};
    for (size_t i = 0; i < page->n_chars; i++)
        if ((suspect[i] = may_be_hidden(&page->chars[i], images, n_images)))
            region = box_union(region, page->chars[i].box);
    free(images);
    region.x0 = fmax(region.x0, 0);
    region.y0 = fmax(region.y0, 0);
    region.x1 = fmin(region.x1, page->width);
    region.y1 = fmin(region.y1, page->height);
    if (region.x1 <= region.x0 || region.y1 <= region.y0) {
        free(suspect);
        return;
    }
    double scale = HIDDEN_RENDER_SCALE;
    double pixels = box_width(region) * box_height(region) * scale * scale;
    if (pixels > HIDDEN_RENDER_PIXELS)
        scale *= sqrt(HIDDEN_RENDER_PIXELS / pixels);
    cairo_surface_t *surface = render(doc, ppage, region, scale);
    if (!surface) { /* past the budget: the text stays */
        free(suspect);
        return;
    }
    const uint8_t *data = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    size_t kept = 0;
    for (size_t i = 0; i < page->n_chars; i++) {
        const pdf_char *c = &page->chars[i];
        box at = {c->box.x0 - region.x0, c->box.y0 - region.y0, c->box.x1 - region.x0,
                  c->box.y1 - region.y0};
        bool hidden = suspect[i] && !shows_contrast(data, stride, w, h, at, scale, c->rgb);
        if (!hidden)
            page->chars[kept++] = *c;
    }
    page->n_chars = kept;
    cairo_surface_destroy(surface);
    free(suspect);
}

/* Finding images runs the page through cairo, which costs more than its
 * text: callers ask for them only where they need them. */
size_t pdf_page_images(pdf_doc *doc, int number, pdf_image **out)
{
    *out = NULL;
    PopplerPage *ppage = poppler_document_get_page(doc->poppler, number - 1);
    if (!ppage)
        return 0;
    pthread_mutex_lock(&draw_lock);
    GList *maps = poppler_page_get_image_mapping(ppage);
    pthread_mutex_unlock(&draw_lock);
    size_t count = g_list_length(maps), n = 0;
    pdf_image *images = xcalloc(count ? count : 1, sizeof *images);
    for (GList *l = maps; l; l = l->next) {
        PopplerImageMapping *m = l->data;
        images[n++] = (pdf_image){
            .box = {m->area.x1, m->area.y1, m->area.x2, m->area.y2},
            .id = m->image_id};
    }
    poppler_page_free_image_mapping(maps);
    g_object_unref(ppage);
    *out = images;
    return n;
}

int pdf_page_load(pdf_doc *doc, int number, pdf_page *page, arsred_error *err)
{
    memset(page, 0, sizeof *page);
    PopplerDocument *reader = doc->text_reader ? doc->text_reader : doc->poppler;
    thread_errors = 0;
    PopplerPage *ppage = poppler_document_get_page(reader, number - 1);
    if (!ppage)
        return error_set(err, ARSRED_ERR_INPUT, "%s: page %d cannot be read",
                         doc->name, number);
    page->number = number;
    poppler_page_get_size(ppage, &page->width, &page->height);
    load_chars(doc, ppage, page);
    drop_hidden_chars(doc, ppage, page);
    g_object_unref(ppage);
    page->errors = thread_errors;
    if (page->errors)
        memcpy(page->first_error, thread_first_error, sizeof page->first_error);
    if (++doc->loads_since_trim == TRIM_EVERY_PAGES) {
        give_back(g_mapped_file_get_contents(doc->file), g_mapped_file_get_length(doc->file));
        doc->loads_since_trim = 0;
    }
    return ARSRED_OK;
}

void pdf_page_release(pdf_page *page)
{
    free(page->chars);
    memset(page, 0, sizeof *page);
}

void pdf_set_render_budget(pdf_doc *doc, double pixels)
{
    pthread_mutex_lock(&draw_lock);
    doc->render_budget = pixels;
    pthread_mutex_unlock(&draw_lock);
}

enum { MAX_RENDER_SIDE = 32767 };

/* The page's region drawn at scale, or NULL past the document's budget
 * or cairo's size. */
static cairo_surface_t *render(pdf_doc *doc, PopplerPage *ppage, box region, double scale)
{
    double width = ceil(box_width(region) * scale), height = ceil(box_height(region) * scale);
    /* cairo's limit; a region may be a line 1e16 points long, or NaN */
    if (!(width <= MAX_RENDER_SIDE && height <= MAX_RENDER_SIDE))
        return NULL;
    int w = width < 1 ? 1 : (int)width, h = height < 1 ? 1 : (int)height;
    pthread_mutex_lock(&draw_lock);
    if (doc->render_budget >= 0) {
        if ((double)w * h > doc->render_budget) {
            doc->render_budget = 0; /* what is left does not go to a smaller one */
            pthread_mutex_unlock(&draw_lock);
            return NULL;
        }
        doc->render_budget -= (double)w * h;
    }
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, -region.x0, -region.y0);
    poppler_page_render(ppage, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    pthread_mutex_unlock(&draw_lock);
    return surface;
}

/* Regions are small; a cap keeps a hostile request from allocating much. */
enum { MAX_RENDER_PIXELS = 4096 * 4096 };

int pdf_render_region(pdf_doc *doc, int number, box region, double scale,
                      uint8_t **pixels, int *width, int *height)
{
    *pixels = NULL;
    if (box_width(region) * scale * box_height(region) * scale > MAX_RENDER_PIXELS)
        return ARSRED_ERR_USAGE;
    PopplerPage *ppage = poppler_document_get_page(doc->poppler, number - 1);
    if (!ppage)
        return ARSRED_ERR_INPUT;
    cairo_surface_t *surface = render(doc, ppage, region, scale);
    if (!surface) {
        g_object_unref(ppage);
        return ARSRED_ERR_USAGE;
    }
    int w = cairo_image_surface_get_width(surface);
    int h = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const uint8_t *src = cairo_image_surface_get_data(surface);
    uint8_t *dst = xmalloc((size_t)w * (size_t)h * 3);
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(src + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            uint8_t *d = dst + ((size_t)y * (size_t)w + (size_t)x) * 3;
            d[0] = (uint8_t)(row[x] >> 16);
            d[1] = (uint8_t)(row[x] >> 8);
            d[2] = (uint8_t)row[x];
        }
    }
    cairo_surface_destroy(surface);
    g_object_unref(ppage);
    *pixels = dst;
    *width = w;
    *height = h;
    return ARSRED_OK;
}

static void draw_overlay(cairo_t *cr, const pdf_overlay *o)
{
    cairo_set_source_rgba(cr, ((o->rgb >> 16) & 0xFF) / 255.0,
                          ((o->rgb >> 8) & 0xFF) / 255.0, (o->rgb & 0xFF) / 255.0,
                          0.85);
    cairo_set_line_width(cr, o->line_width > 0 ? o->line_width : 0.5);
    cairo_rectangle(cr, o->box.x0, o->box.y0, box_width(o->box), box_height(o->box));
    cairo_stroke(cr);
    if (o->label && *o->label) {
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                               CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 5);
        cairo_move_to(cr, o->box.x0, o->box.y0 - 1);
        cairo_show_text(cr, o->label);
    }
}

int pdf_render_page_png(pdf_doc *doc, int number, double scale,
                        const pdf_overlay *overlays, size_t n_overlays,
                        const char *png_path, arsred_error *err)
{
    PopplerPage *ppage = poppler_document_get_page(doc->poppler, number - 1);
    if (!ppage)
        return error_set(err, ARSRED_ERR_USAGE, "%s: there is no page %d",
                         doc->name, number);
    double w, h;
    poppler_page_get_size(ppage, &w, &h);
    /* a page may be 200 inches square: draw it smaller rather than
     * allocate gigabytes */
    if (w * scale * h * scale > MAX_RENDER_PIXELS)
        scale = sqrt(MAX_RENDER_PIXELS / (w * h));
    cairo_surface_t *surface = render(doc, ppage, (box){0, 0, w, h}, scale);
    if (!surface) {
        g_object_unref(ppage);
        return error_set(err, ARSRED_ERR_USAGE, "%s: page %d: past the drawing budget",
                         doc->name, number);
    }
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    for (size_t i = 0; i < n_overlays; i++)
        draw_overlay(cr, &overlays[i]);
    cairo_destroy(cr);
    cairo_status_t st = cairo_surface_write_to_png(surface, png_path);
    cairo_surface_destroy(surface);
    g_object_unref(ppage);
    if (st != CAIRO_STATUS_SUCCESS)
        return error_set(err, ARSRED_ERR_OUTPUT, "%s: cannot write the PNG (%s)",
                         png_path, cairo_status_to_string(st));
    return ARSRED_OK;
}
