/* util.h: allocation, growable arrays, string buffers and errors shared by
 * every stage. One out-of-memory policy: abort with a message (a document
 * that does not fit in memory is not a recoverable condition here). */
#ifndef ARSRED_UTIL_H
#define ARSRED_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arsred.h"

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *items (of *cap elements of elem_size) so that it holds at least
 * need elements; doubles, checks for overflow. */
void grow_array(void **items, size_t *cap, size_t need, size_t elem_size);

#define ARRAY_PUSH(arr, count, cap, value)                                      \
    do {                                                                        \
        grow_array((void **)&(arr), &(cap), (count) + 1, sizeof(*(arr)));       \
        (arr)[(count)++] = (value);                                             \
    } while (0)

/* qsort that accepts an empty (NULL) array. */
void sort_array(void *items, size_t count, size_t size,
                int (*compare)(const void *, const void *));

/* A stable sort whose comparison gets a context: no state outside the
 * call, so that the library can be used from several threads. */
void sort_array_r(void *items, size_t count, size_t size,
                  int (*compare)(const void *, const void *, void *), void *context);

/* The ascending order of doubles, for sort_array. */
int compare_doubles(const void *a, const void *b);

/* A growable, always NUL-terminated string. */
typedef struct strbuf {
    char *data;
    size_t len;
    size_t cap;
} strbuf;

void strbuf_init(strbuf *sb);
void strbuf_release(strbuf *sb);
void strbuf_add(strbuf *sb, const char *s, size_t n);
void strbuf_adds(strbuf *sb, const char *s);
void strbuf_addc(strbuf *sb, char c);
void strbuf_add_utf8(strbuf *sb, uint32_t cp);
void strbuf_addf(strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the buffer to the caller (who frees it); sb is left empty. */
char *strbuf_take(strbuf *sb);

/* Sets err (if not NULL) and returns code. */
int error_set(arsred_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* UTF-8 helpers. utf8_next decodes one code point at *s and advances it;
 * invalid bytes decode as U+FFFD. */
/* s with every byte that is no UTF-8 (a file name in Latin-1, say) as
 * U+FFFD; newly allocated. */
char *utf8_sanitize(const char *s);
uint32_t utf8_next(const char **s, const char *end);
size_t utf8_encode(uint32_t cp, char out[4]);
/* NFC normal form of s (newly allocated). */
char *utf8_nfc(const char *s);
/* Case-folded copy for comparisons (newly allocated). */
char *utf8_casefold(const char *s);

bool is_space_cp(uint32_t cp);          /* any white space, incl. U+00A0 etc. */
bool is_number_space_cp(uint32_t cp);   /* U+00A0, U+2009, U+202F */
bool is_dash_cp(uint32_t cp);           /* - U+2212 U+2013 */
bool is_upper_cp(uint32_t cp);
bool is_lower_cp(uint32_t cp);
bool is_alpha_cp(uint32_t cp);
bool is_digit_cp(uint32_t cp);

/* How many letters s holds (code points, any alphabet). */
size_t utf8_letter_count(const char *s);

/* Monotonic time in seconds, for time limits. */
double now_seconds(void);

#endif
