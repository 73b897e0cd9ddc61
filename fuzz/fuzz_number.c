/* fuzz_number.c: the Swedish number parser (number.h) on any bytes, as a
 * table cell and as prose. number.h promises that any byte string is safe
 * input; the checks below hold it to what the header says of the results. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

enum { MAX_SPANS = 64 };

static void check_number(const number *n)
{
    if (memchr(n->note, '\0', sizeof n->note) == NULL)
        abort(); /* the note is always terminated */
    if (n->decimals < 0 || n->decimals > NUMBER_MAX_DIGITS)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A NUL-terminated copy, so that a read past len shows as an overflow
     * of exactly size bytes and strlen-style code cannot run off. */
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    number n;
    number_kind kind = number_parse(text, size, &n);
    if (kind != n.kind)
        abort();
    check_number(&n);
    number_parse(text, size, NULL);

    number_span spans[MAX_SPANS];
    size_t total = number_scan(text, size, spans, MAX_SPANS);
    size_t kept = total < MAX_SPANS ? total : MAX_SPANS;
    size_t prev_end = 0;
    for (size_t i = 0; i < kept; i++) {
        /* in order, inside the text, not overlapping */
        if (spans[i].start >= spans[i].end || spans[i].end > size ||
            spans[i].start < prev_end)
            abort();
        prev_end = spans[i].end;
        check_number(&spans[i].n);
    }
    if (number_scan(text, size, NULL, 0) != total)
        abort();

    free(text);
    return 0;
}
