/* util.c: allocation, arrays, string buffers, UTF-8 and errors. */
#include "util.h"

#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "arsred: out of memory (asked for %zu bytes)\n", size);
    abort();
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void grow_array(void **items, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return;
    size_t new_cap = *cap ? *cap : 8;
    while (new_cap < need) {
        if (new_cap > SIZE_MAX / 2)
            out_of_memory(SIZE_MAX);
        new_cap *= 2;
    }
    if (new_cap > SIZE_MAX / elem_size)
        out_of_memory(SIZE_MAX);
    *items = xrealloc(*items, new_cap * elem_size);
    *cap = new_cap;
}

void sort_array(void *items, size_t count, size_t size,
                int (*compare)(const void *, const void *))
{
    if (count > 1)
        qsort(items, count, size, compare);
}

/* Merge sort of items [0, count) through tmp. */
static void merge_sort(char *items, char *tmp, size_t count, size_t size,
                       int (*compare)(const void *, const void *, void *), void *context)
{
    if (count < 2)
        return;
    size_t half = count / 2;
    merge_sort(items, tmp, half, size, compare, context);
    merge_sort(items + half * size, tmp, count - half, size, compare, context);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < count) {
        bool right = compare(items + j * size, items + i * size, context) < 0;
        memcpy(tmp + k++ * size, items + (right ? j++ : i++) * size, size);
    }
    while (i < half)
        memcpy(tmp + k++ * size, items + i++ * size, size);
    while (j < count)
        memcpy(tmp + k++ * size, items + j++ * size, size);
    memcpy(items, tmp, count * size);
}

void sort_array_r(void *items, size_t count, size_t size,
                  int (*compare)(const void *, const void *, void *), void *context)
{
    if (count < 2)
        return;
    char *tmp = xmalloc(count * size);
    merge_sort(items, tmp, count, size, compare, context);
    free(tmp);
}

int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

void strbuf_init(strbuf *sb)
{
    sb->data = NULL;
    sb->len = 0;
    sb->cap = 0;
}

void strbuf_release(strbuf *sb)
{
    free(sb->data);
    strbuf_init(sb);
}

void strbuf_add(strbuf *sb, const char *s, size_t n)
{
    if (n == 0 && sb->data)
        return;
    grow_array((void **)&sb->data, &sb->cap, sb->len + n + 1, 1);
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void strbuf_adds(strbuf *sb, const char *s)
{
    strbuf_add(sb, s, strlen(s));
}

void strbuf_addc(strbuf *sb, char c)
{
    strbuf_add(sb, &c, 1);
}

void strbuf_add_utf8(strbuf *sb, uint32_t cp)
{
    char buf[4];
    strbuf_add(sb, buf, utf8_encode(cp, buf));
}

void strbuf_addf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    grow_array((void **)&sb->data, &sb->cap, sb->len + (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

char *strbuf_take(strbuf *sb)
{
    char *s = sb->data ? sb->data : xstrdup("");
    strbuf_init(sb);
    return s;
}

int error_set(arsred_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

char *utf8_sanitize(const char *s)
{
    strbuf sb;
    strbuf_init(&sb);
    const char *end = s + strlen(s);
    while (s < end) {
        uint32_t cp = utf8_next(&s, end);
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || cp == 0)
            cp = 0xFFFD;
        strbuf_add_utf8(&sb, cp);
    }
    return strbuf_take(&sb);
}

uint32_t utf8_next(const char **s, const char *end)
{
    const unsigned char *p = (const unsigned char *)*s;
    const unsigned char *e = (const unsigned char *)end;
    uint32_t cp;
    int extra;
    if (p >= e)
        return 0;
    if (p[0] < 0x80) {
        *s += 1;
        return p[0];
    } else if ((p[0] & 0xE0) == 0xC0) {
        cp = p[0] & 0x1F;
        extra = 1;
    } else if ((p[0] & 0xF0) == 0xE0) {
        cp = p[0] & 0x0F;
        extra = 2;
    } else if ((p[0] & 0xF8) == 0xF0) {
        cp = p[0] & 0x07;
        extra = 3;
    } else {
        *s += 1;
        return 0xFFFD;
    }
    if ((size_t)(e - p) <= (size_t)extra) {
        *s = end;
        return 0xFFFD;
    }
    for (int i = 1; i <= extra; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *s += i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    *s += extra + 1;
    return cp;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

char *utf8_nfc(const char *s)
{
    char *n = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
    if (!n) /* invalid UTF-8: keep what we have */
        return xstrdup(s);
    char *copy = xstrdup(n);
    g_free(n);
    return copy;
}

char *utf8_casefold(const char *s)
{
    char *f = g_utf8_casefold(s, -1);
    char *copy = xstrdup(f ? f : s);
    g_free(f);
    return copy;
}

bool is_number_space_cp(uint32_t cp)
{
    return cp == 0x00A0 || cp == 0x2009 || cp == 0x202F;
}

bool is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
           cp == '\v' || is_number_space_cp(cp) || cp == 0x2007 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000 || cp == 0x205F;
}

bool is_dash_cp(uint32_t cp)
{
    return cp == '-' || cp == 0x2212 || cp == 0x2013;
}

bool is_upper_cp(uint32_t cp)
{
    return g_unichar_isupper(cp);
}

bool is_lower_cp(uint32_t cp)
{
    return g_unichar_islower(cp);
}

bool is_alpha_cp(uint32_t cp)
{
    return g_unichar_isalpha(cp);
}

bool is_digit_cp(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

size_t utf8_letter_count(const char *s)
{
    size_t letters = 0;
    const char *end = s + strlen(s);
    while (s < end)
        letters += is_alpha_cp(utf8_next(&s, end));
    return letters;
}
