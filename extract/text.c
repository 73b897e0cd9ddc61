/* text.c: text normalisation. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const ligatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};

void text_add_word_char(strbuf *sb, uint32_t cp)
{
    if (cp >= 0xFB00 && cp <= 0xFB06) {
        strbuf_adds(sb, ligatures[cp - 0xFB00]);
        return;
    }
    /* Word's Symbol-font bullets arrive in the private use area. */
    if (cp == 0xF0B7)
        cp = 0x2022;
    else if (cp == 0xF0A7)
        cp = 0x25AA;
    if (cp == 0x00AD || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x200B ||
        cp == 0xFEFF)
        return;
    strbuf_add_utf8(sb, cp);
}

uint32_t text_last_cp(const char *s, size_t len, size_t *start)
{
    if (len == 0)
        return 0;
    size_t i = len - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    const char *p = s + i;
    *start = i;
    return utf8_next(&p, s + len);
}

uint32_t text_first_cp(const char *s)
{
    return utf8_next(&s, s + strlen(s));
}

/* Words after which a hyphen stands for a left-out part of a compound:
 * "Barn- och utbildningsnämnden", "kultur- eller fritidsfrågor". */
static bool is_compound_conjunction(const char *s)
{
    static const char *const words[] = {"och ", "eller ", "samt ", "respektive ",
                                        "resp. ", "till ", "som ", "and ", "or "};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        if (strncmp(s, words[i], n) == 0 ||
            (strncmp(s, words[i], n - 1) == 0 && s[n - 1] == '\0'))
            return true;
    }
    return false;
}

void text_join_line(strbuf *sb, const char *next)
{
    size_t start = 0;
    uint32_t end = text_last_cp(sb->data ? sb->data : "", sb->len, &start);
    if (sb->len == 0) {
        strbuf_adds(sb, next);
        return;
    }
    if (end == 0x00AD) { /* a soft hyphen at the line end: hyphenation */
        sb->len = start;
        sb->data[sb->len] = '\0';
        strbuf_adds(sb, next);
        return;
    }
    if (end == 0x2013) { /* "2022–" + "2026": a range broken at its dash */
        size_t before_start = 0;
        uint32_t before = text_last_cp(sb->data, start, &before_start);
        if (is_digit_cp(before) && is_digit_cp(text_first_cp(next))) {
            strbuf_adds(sb, next);
            return;
        }
    }
    if (end == '-' || end == 0x2010) {
        size_t before_start = 0;
        uint32_t before = text_last_cp(sb->data, start, &before_start);
        uint32_t after = text_first_cp(next);
        if (is_alpha_cp(before) || is_digit_cp(before)) {
            if (is_compound_conjunction(next)) {
                strbuf_addc(sb, ' ');
            } else if (is_lower_cp(after) && is_lower_cp(before) &&
                       before_start > 0 &&
                       is_alpha_cp(text_last_cp(sb->data, before_start, &(size_t){0}))) {
                sb->len = start; /* "arbets-" + "sätten": drop the hyphen */
                sb->data[sb->len] = '\0';
            }
            /* "IT-" + "support", "e-" + "tjänst", "Skärvången-" + "Åkersjön":
             * the hyphen is part of the word; join without a space. */
            strbuf_adds(sb, next);
            return;
        }
    }
    strbuf_addc(sb, ' ');
    strbuf_adds(sb, next);
}

bool text_ends_sentence(const char *s)
{
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ')' || s[len - 1] == '"'))
        len--;
    if (len == 0)
        return true;
    char c = s[len - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

bool text_starts_lower(const char *s)
{
    const char *end = s + strlen(s);
    while (s < end) {
        uint32_t cp = utf8_next(&s, end);
        if (is_alpha_cp(cp))
            return is_lower_cp(cp);
        if (is_digit_cp(cp))
            return false;
    }
    return false;
}

bool text_is_garbled_cp(uint32_t cp)
{
    return cp == 0xFFFD || (cp >= 0xE000 && cp <= 0xF8FF) ||
           (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r') ||
           (cp >= 0x7F && cp < 0xA0);
}

void text_fold_space(char *s)
{
    char *out = s;
    const char *p = s;
    const char *end = s + strlen(s);
    bool pending_space = false;
    uint32_t prev = 0;
    while (p < end) {
        const char *at = p;
        uint32_t cp = utf8_next(&p, end);
        if (cp == 0x00AD)
            continue;
        if (is_space_cp(cp)) {
            /* A number space between digits is part of the number. */
            if (is_number_space_cp(cp) && is_digit_cp(prev) && p < end &&
                is_digit_cp((uint32_t)(unsigned char)*p) && !pending_space) {
                memmove(out, at, (size_t)(p - at));
                out += p - at;
                prev = cp;
                continue;
            }
            pending_space = out != s;
            continue;
        }
        if (pending_space)
            *out++ = ' ';
        pending_space = false;
        memmove(out, at, (size_t)(p - at));
        out += p - at;
        prev = cp;
    }
    *out = '\0';
}

/* Words of three letters or more, case folded, for comparing goal texts. */
static size_t text_words(const char *text, char words[][32], size_t max)
{
    char *f = utf8_casefold(text);
    size_t n = 0;
    for (char *tok = strtok(f, " ,.;:()–-"); tok && n < max; tok = strtok(NULL, " ,.;:()–-"))
        if (strlen(tok) >= 3)
            snprintf(words[n++], 32, "%s", tok);
    free(f);
    return n;
}

double text_similarity(const char *a, const char *b)
{
    char wa[64][32], wb[64][32];
    size_t na = text_words(a, wa, 64), nb = text_words(b, wb, 64), common = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (strcmp(wa[i], wb[j]) == 0) {
                common++;
                break;
            }
    size_t all = na + nb - common;
    return all ? (double)common / (double)all : 0;
}
