/* number.c: Swedish numbers as printed in annual reports (see number.h).
 *
 * Both entry points share one reader for the digits (read_body) and one set
 * of recognisers for what only looks like a number (dates, phone numbers,
 * identity numbers). A table cell must be consumed whole; prose is walked
 * code point by code point and each token is taken or skipped whole. */
#include "number.h"

#include <stdint.h>
#include <string.h>

#include "util.h"

enum { YEAR_MIN = 1900, YEAR_MAX = 2099 };

/* Doubles hold these powers of ten exactly, so dividing an exact mantissa
 * by one of them rounds once: "0,1" becomes the double nearest 0.1. */
static const double power_of_ten[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* ---- code points ---------------------------------------------------- */

/* The code point at p (0 at the end); *after, where given, is where the
 * next one starts. */
static uint32_t peek(const char *p, const char *end, const char **after)
{
    const char *q = p;
    uint32_t cp = q < end ? utf8_next(&q, end) : 0;
    if (after)
        *after = q;
    return cp;
}

static const char *skip_cp(const char *p, const char *end)
{
    const char *after;
    peek(p, end, &after);
    return after > p ? after : end;
}

/* Where the code point before p starts (never before start). */
static const char *prev_start(const char *start, const char *p)
{
    const char *q = p;
    for (int back = 0; q > start && back < 4; back++) {
        q--;
        if (((unsigned char)*q & 0xC0) != 0x80)
            break;
    }
    return q;
}

/* The code point before p, 0 at the start, U+FFFD where the bytes before
 * p are no complete UTF-8 sequence. */
static uint32_t prev_cp(const char *start, const char *p)
{
    if (p <= start)
        return 0;
    const char *q = prev_start(start, p);
    uint32_t cp = utf8_next(&q, p);
    return q == p ? cp : 0xFFFD;
}

static bool is_ascii_digit_at(const char *p, const char *end)
{
    return p < end && *p >= '0' && *p <= '9';
}

static size_t digit_run(const char *p, const char *end)
{
    size_t n = 0;
    while (is_ascii_digit_at(p + n, end))
        n++;
    return n;
}

/* The value of a short digit string (dates and years only). */
static int small_value(const char *p, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n && i < 4; i++)
        v = v * 10 + (p[i] - '0');
    return v;
}

static bool is_year_digits(const char *p, size_t n)
{
    int v = small_value(p, n);
    return n == 4 && v >= YEAR_MIN && v <= YEAR_MAX;
}

/* U+2007 (figure space) is not in is_number_space_cp but typesetters use
 * it between thousands, since it is as wide as a digit. */
static bool is_group_space(uint32_t cp)
{
    return cp == ' ' || is_number_space_cp(cp) || cp == 0x2007;
}

/* The em dash stands for zero in a cell but is never a minus. */
static bool is_lone_dash(uint32_t cp)
{
    return is_dash_cp(cp) || cp == 0x2014;
}

static bool is_word_cp(uint32_t cp)
{
    return is_digit_cp(cp) || cp == '_' || is_alpha_cp(cp);
}

static bool is_note_mark(uint32_t cp)
{
    return cp == '*' || cp == 0x2020 || cp == 0x2021 || cp == 0x00B9 ||
           cp == 0x00B2 || cp == 0x00B3 || cp == 0x2070 ||
           (cp >= 0x2074 && cp <= 0x2079);
}

/* ---- the digits --------------------------------------------------------- */

/* The printed digits as one integer, so that the value is scaled once. */
typedef struct mantissa {
    uint64_t value;
    int digits;
    bool overflow;
} mantissa;

static void mantissa_add(mantissa *m, const char *p, size_t n)
{
    for (size_t i = 0; i < n && !m->overflow; i++) {
        unsigned digit = (unsigned)(p[i] - '0');
        if (++m->digits > NUMBER_MAX_DIGITS || m->value > (UINT64_MAX - digit) / 10)
            m->overflow = true;
        else
            m->value = m->value * 10 + digit;
    }
}

typedef enum read_mode { READ_CELL, READ_PROSE } read_mode;

/* The digits of one number: integer part, thousands groups, decimals. */
typedef struct body {
    const char *end; /* how far the digits reach, also where not ok */
    mantissa m;
    int int_digits;
    int decimals;
    char group_sign; /* ' ' or '.' between thousands, 0 where none */
    bool ok;
} body;

/* A thousands group at p: one separator, then exactly three digits.
 * Returns where it ends, or NULL. */
static const char *thousands_group_end(const char *p, const char *end, char sign)
{
    const char *q;
    uint32_t sep = peek(p, end, &q);
    if (sign == '.' ? sep != '.' : !is_group_space(sep))
        return NULL;
    return digit_run(q, end) == 3 ? q + 3 : NULL;
}

static void read_groups(body *b, const char *end, char sign)
{
    const char *g;
    while ((g = thousands_group_end(b->end, end, sign))) {
        mantissa_add(&b->m, g - 3, 3);
        b->int_digits += 3;
        b->group_sign = sign;
        b->end = g;
    }
}

/* One dot group alone ("1.234") is 1234 in Swedish and 1.234 in English:
 * refuse it, unless a comma decimal shows the dot is a thousands sign. */
static bool dot_groups_unambiguous(const body *b, int groups, const char *end)
{
    const char *q = b->end;
    bool comma_follows = q + 1 < end && q[0] == ',' && is_ascii_digit_at(q + 1, end);
    return groups != 1 || comma_follows;
}

static bool read_thousands(body *b, const char *end)
{
    read_groups(b, end, ' ');
    if (b->group_sign)
        return true;
    int before = b->int_digits;
    read_groups(b, end, '.');
    return dot_groups_unambiguous(b, (b->int_digits - before) / 3, end);
}

/* Comma decimals everywhere; a dot decimal only in a cell, and not after
 * dot thousands. */
static void read_decimals(body *b, const char *end, read_mode mode)
{
    const char *q = b->end;
    if (q + 1 >= end || !is_ascii_digit_at(q + 1, end))
        return;
    bool english_dot = *q == '.' && mode == READ_CELL && b->group_sign != '.';
    if (*q != ',' && !english_dot)
        return;
    size_t n = digit_run(q + 1, end);
    mantissa_add(&b->m, q + 1, n);
    b->decimals = (int)(n < NUMBER_MAX_DIGITS ? n : NUMBER_MAX_DIGITS);
    b->end = q + 1 + n;
}

/* Reads the digits at p (which is a digit). */
static body read_body(const char *p, const char *end, read_mode mode)
{
    body b = { .end = p };
    size_t lead = digit_run(p, end);
    mantissa_add(&b.m, p, lead);
    b.int_digits = (int)(lead < NUMBER_MAX_DIGITS ? lead : NUMBER_MAX_DIGITS + 1);
    b.end = p + lead;
    if (lead > 1 && p[0] == '0')
        return b; /* leading zeros: a code, not an amount */
    if (lead <= 3 && p[0] != '0' && !read_thousands(&b, end))
        return b;
    read_decimals(&b, end, mode);
    b.ok = !b.m.overflow;
    return b;
}

static double body_value(const body *b)
{
    return (double)b->m.value / power_of_ten[b->decimals];
}

static bool body_is_year(const body *b)
{
    return b->int_digits == 4 && !b->group_sign && b->decimals == 0 &&
           b->m.value >= YEAR_MIN && b->m.value <= YEAR_MAX;
}

/* ---- what follows the digits -------------------------------------------- */

/* "%" after the number or after one space; advances *p past it. */
static bool read_percent(const char **p, const char *end)
{
    const char *q = *p, *after;
    if (is_group_space(peek(q, end, &after)))
        q = after;
    if (q < end && *q == '%') {
        *p = q + 1;
        return true;
    }
    return false;
}

/* Footnote marks at p, as many as fit in note; returns where they end. */
static const char *read_marks(const char *p, const char *end, char *note)
{
    size_t used = 0;
    const char *q = p, *after;
    while (q < end && is_note_mark(peek(q, end, &after)) &&
           used + (size_t)(after - q) < NUMBER_NOTE_SIZE) {
        memcpy(note + used, q, (size_t)(after - q));
        used += (size_t)(after - q);
        q = after;
    }
    note[used] = '\0';
    return q;
}

/* A note in a cell: marks or a letter note "a)", glued or after one space.
 * Only one note per number. */
static const char *read_cell_note(const char *p, const char *end, char *note)
{
    const char *q = p, *after;
    if (note[0])
        return p;
    if (is_group_space(peek(q, end, &after)))
        q = after;
    if (is_note_mark(peek(q, end, NULL)))
        return read_marks(q, end, note);
    if (q + 1 < end && q[0] >= 'a' && q[0] <= 'z' && q[1] == ')') {
        note[0] = q[0];
        note[1] = ')';
        note[2] = '\0';
        return q + 2;
    }
    return p;
}

/* ---- look-alikes: dates, phone numbers, identity numbers ---------------- */

/* Each returns where its match starting at p ends, or NULL. */
typedef const char *(*lookalike_match)(const char *p, const char *end);

/* A dash, or the given other separator, at p: returns what follows. */
static const char *separator_end(const char *p, const char *end, uint32_t other)
{
    const char *after;
    uint32_t cp = peek(p, end, &after);
    return is_dash_cp(cp) || (other && cp == other) ? after : NULL;
}

/* 769622-7128 (organisationsnummer), 19800101-1234 (personnummer). */
static const char *match_org_id(const char *p, const char *end)
{
    size_t n = digit_run(p, end);
    if (n != 6 && n != 8)
        return NULL;
    const char *q = separator_end(p + n, end, 0);
    return q && digit_run(q, end) == 4 ? q + 4 : NULL;
}

/* 2020-12-31, 2020-12, 2019-2020, 2019/20, 2020/2021. */
static const char *match_year_date(const char *p, const char *end)
{
    if (!is_year_digits(p, digit_run(p, end)))
        return NULL;
    const char *q = separator_end(p + 4, end, '/');
    size_t n = q ? digit_run(q, end) : 0;
    if (n == 4 && is_year_digits(q, n))
        return q + 4;
    if (n != 2)
        return NULL;
    const char *day = separator_end(q + 2, end, 0);
    return day && digit_run(day, end) == 2 ? day + 2 : q + 2;
}

/* A day 1..31 or month 1..12 of one or two digits at p. */
static bool is_day_or_month(const char *p, const char *end, int max)
{
    size_t n = digit_run(p, end);
    int v = small_value(p, n);
    return n >= 1 && n <= 2 && v >= 1 && v <= max;
}

/* " 2020" (one space and a year) at p: returns where it ends, or NULL. */
static const char *spaced_year_end(const char *p, const char *end)
{
    const char *q;
    if (!is_group_space(peek(p, end, &q)))
        return NULL;
    return is_year_digits(q, digit_run(q, end)) ? q + 4 : NULL;
}

/* 31/12, 31/12 2020, 31/12/2020, 31/12/20, 31.12.2020, 1.5.20. */
static const char *match_day_month(const char *p, const char *end)
{
    size_t d = digit_run(p, end);
    if (!is_day_or_month(p, end, 31) || p + d >= end)
        return NULL;
    char sep = p[d];
    const char *m = p + d + 1;
    if ((sep != '/' && sep != '.') || !is_day_or_month(m, end, 12))
        return NULL;
    const char *q = m + digit_run(m, end);
    size_t y = q < end && *q == sep ? digit_run(q + 1, end) : 0;
    if (y == 2 || y == 4)
        return q + 1 + y;
    if (sep == '.')
        return NULL; /* "31.12" alone reads as a decimal in a cell */
    const char *year = spaced_year_end(q, end);
    return year ? year : q;
}

static const char *const month_names[] = {
    "januari", "jan",  "februari", "feb",  "mars",    "mar",     "april",
    "apr",     "maj",  "juni",     "jun",  "juli",    "jul",     "augusti",
    "aug",     "september", "sept", "sep", "oktober", "okt",     "november",
    "nov",     "december",  "dec",
};

static bool ascii_prefix_nocase(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] - 'A' + 'a') : p[i];
        if (c != word[i])
            return false;
    }
    return true;
}

/* A Swedish month name or abbreviation at p, a whole word. */
static const char *month_end(const char *p, const char *end)
{
    for (size_t i = 0; i < sizeof month_names / sizeof *month_names; i++) {
        if (!ascii_prefix_nocase(p, end, month_names[i]))
            continue;
        const char *q = p + strlen(month_names[i]);
        if (is_alpha_cp(peek(q, end, NULL)))
            continue;
        return q < end && *q == '.' ? q + 1 : q;
    }
    return NULL;
}

/* 1 okt 2019, 31 december, 5 maj 2020. */
static const char *match_written_date(const char *p, const char *end)
{
    const char *q;
    if (!is_day_or_month(p, end, 31))
        return NULL;
    if (!is_group_space(peek(p + digit_run(p, end), end, &q)))
        return NULL;
    const char *month = month_end(q, end);
    if (!month)
        return NULL;
    const char *year = spaced_year_end(month, end);
    return year ? year : month;
}

/* Digit groups joined by one space or a dash, each at least min_group
 * digits, while the digits stay within max_digits. */
typedef struct digit_groups {
    const char *end;
    size_t digits;
} digit_groups;

static digit_groups read_digit_groups(const char *p, const char *end,
                                      size_t min_group, size_t max_digits)
{
    digit_groups g = { .end = p, .digits = 0 };
    const char *q = p;
    for (;;) {
        size_t n = digit_run(q, end);
        if (n < min_group || g.digits + n > max_digits)
            return g;
        g.digits += n;
        g.end = q + n;
        uint32_t sep = peek(g.end, end, &q);
        if (!is_group_space(sep) && !is_dash_cp(sep))
            return g;
    }
}

/* 0640-161 00, 08-123 456 78, 010-123 45 67, 0640 161 00. */
static const char *match_national_phone(const char *p, const char *end)
{
    size_t area = digit_run(p, end);
    if (area < 2 || area > 4 || p[0] != '0' || p[1] == '0')
        return NULL;
    const char *q;
    uint32_t sep = peek(p + area, end, &q);
    if (!is_dash_cp(sep) && !is_group_space(sep))
        return NULL;
    digit_groups g = read_digit_groups(q, end, 2, 8);
    return g.digits >= 5 ? g.end : NULL;
}

static const char *country_code_end(const char *p, const char *end)
{
    if (ascii_prefix_nocase(p, end, "+46"))
        return p + 3;
    if (ascii_prefix_nocase(p, end, "0046"))
        return p + 4;
    return NULL;
}

/* +46 640 161 00, +46 (0)640-161 00, 0046 8 123 456 78. */
static const char *match_international_phone(const char *p, const char *end)
{
    const char *q = country_code_end(p, end), *after;
    if (!q)
        return NULL;
    uint32_t sep = peek(q, end, &after);
    if (is_group_space(sep) || is_dash_cp(sep))
        q = after;
    if (ascii_prefix_nocase(q, end, "(0)")) {
        q += 3;
        if (is_group_space(peek(q, end, &after)))
            q = after;
    }
    if (!is_ascii_digit_at(q, end) || *q == '0')
        return NULL;
    digit_groups g = read_digit_groups(q, end, 1, 9);
    return g.digits >= 7 ? g.end : NULL;
}

static const char *match_phone(const char *p, const char *end)
{
    const char *q = match_international_phone(p, end);
    return q ? q : match_national_phone(p, end);
}

/* 835 80 Krokom: three digits, one space, two digits, a place name. */
static const char *match_postcode(const char *p, const char *end)
{
    const char *q, *town;
    if (digit_run(p, end) != 3 || p[0] == '0' || !is_group_space(peek(p + 3, end, &q)))
        return NULL;
    if (digit_run(q, end) != 2 || !is_space_cp(peek(q + 2, end, &town)))
        return NULL;
    return is_upper_cp(peek(town, end, NULL)) ? q + 2 : NULL;
}

static const struct lookalike {
    lookalike_match match;
    number_kind kind;
    bool in_cells; /* postcodes fail the grouping in a cell anyway */
} lookalikes[] = {
    { match_org_id, NUMBER_ORG_ID, true },
    { match_year_date, NUMBER_DATE, true },
    { match_day_month, NUMBER_DATE, true },
    { match_written_date, NUMBER_DATE, true },
    { match_phone, NUMBER_PHONE, true },
    { match_postcode, NUMBER_NONE, false },
};

enum { LOOKALIKE_COUNT = sizeof lookalikes / sizeof *lookalikes };

/* ---- table cells -------------------------------------------------------- */

static void trim_space(const char **p, const char **end)
{
    const char *after;
    while (*p < *end && is_space_cp(peek(*p, *end, &after)))
        *p = after;
    while (*end > *p && is_space_cp(prev_cp(*p, *end)))
        *end = prev_start(*p, *end);
}

static bool parse_cell_dash(const char *p, const char *end, number *n)
{
    const char *q;
    if (!is_lone_dash(peek(p, end, &q)))
        return false;
    if (read_cell_note(q, end, n->note) != end) {
        n->note[0] = '\0';
        return false;
    }
    n->kind = NUMBER_DASH;
    return true;
}

static number_kind cell_lookalike(const char *p, const char *end)
{
    for (int i = 0; i < LOOKALIKE_COUNT; i++)
        if (lookalikes[i].in_cells && lookalikes[i].match(p, end) == end)
            return lookalikes[i].kind;
    return NUMBER_NONE;
}

/* A sign at *p, and in a cell one space after it ("- 6 279"). Returns -1,
 * +1, or 0 where there is none. */
static int read_cell_sign(const char **p, const char *end)
{
    const char *after;
    uint32_t cp = peek(*p, end, &after);
    if (!is_dash_cp(cp) && cp != '+')
        return 0;
    *p = after;
    if (is_group_space(peek(*p, end, &after)))
        *p = after;
    return cp == '+' ? 1 : -1;
}

/* Sets value and kind from the digits, the sign and the percent. */
static void number_set(number *n, const body *b, bool negative, bool percent)
{
    double v = body_value(b);
    n->value = negative && v != 0 ? -v : v;
    n->decimals = b->decimals;
    n->kind = percent ? NUMBER_PERCENT : NUMBER_AMOUNT;
}

static bool parse_cell_amount(const char *p, const char *end, number *n)
{
    bool paren = p < end && *p == '(';
    if (paren)
        p++;
    int sign = read_cell_sign(&p, end);
    if ((paren && sign) || !is_ascii_digit_at(p, end))
        return false;
    body b = read_body(p, end, READ_CELL);
    if (!b.ok)
        return false;
    p = b.end;
    bool percent = read_percent(&p, end);
    p = read_cell_note(p, end, n->note);
    if (paren) {
        if (p >= end || *p != ')')
            return false;
        p = read_cell_note(p + 1, end, n->note);
    }
    if (p != end)
        return false;
    number_set(n, &b, sign < 0 || paren, percent);
    n->parenthesised = paren;
    if (!sign && !paren && !percent && body_is_year(&b))
        n->kind = NUMBER_YEAR;
    return true;
}

number_kind number_parse(const char *text, size_t len, number *out)
{
    number n;
    memset(&n, 0, sizeof n);
    const char *p = text, *end = text ? text + len : text;
    trim_space(&p, &end);
    if (p < end && !parse_cell_dash(p, end, &n) && !parse_cell_amount(p, end, &n)) {
        memset(&n, 0, sizeof n);
        n.kind = cell_lookalike(p, end);
    }
    if (out)
        *out = n;
    return n.kind;
}

/* English style in a cell: a comma between thousands, a dot as the
 * decimal sign ("3,983,166.42", "-12,509.15"). The number is rewritten in
 * the Swedish style (a space between thousands, a comma decimal) and read
 * by number_parse, so that signs, brackets, percent and notes are read
 * one way. */
number_kind number_parse_english(const char *text, size_t len, number *out, bool *unambiguous)
{
    char buf[96];
    size_t n = 0, commas = 0, dots = 0, run = 0;
    bool digits_seen = false, in_number = true;
    *unambiguous = false;
    if (out)
        memset(out, 0, sizeof *out);
    if (!text || len >= sizeof buf)
        return NUMBER_NONE;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        bool digit = c >= '0' && c <= '9';
        bool between = digits_seen && i + 1 < len && text[i + 1] >= '0' && text[i + 1] <= '9';
        if (in_number && c == ',' && between) {
            if (dots || (commas == 0 && (run < 1 || run > 3)) || (commas > 0 && run != 3))
                return NUMBER_NONE;
            commas++;
            run = 0;
            buf[n++] = ' ';
            continue;
        }
        if (in_number && c == '.' && between) {
            if (dots || (commas > 0 && run != 3))
                return NUMBER_NONE;
            dots++;
            run = 0;
            buf[n++] = ',';
            continue;
        }
        if (digit && in_number) {
            digits_seen = true;
            run++;
        } else if (digit && digits_seen) {
            return NUMBER_NONE; /* "12,345 678": a second number, not a note */
        } else if (digits_seen) {
            in_number = false; /* what follows the number: %, a note */
        }
        if (!dots && commas && in_number == false && run != 3)
            return NUMBER_NONE;
        buf[n++] = c;
    }
    if (commas && !dots && run != 3 && in_number)
        return NUMBER_NONE;
    if (!commas && !dots)
        return NUMBER_NONE; /* nothing English about it */
    number_kind kind = number_parse(buf, n, out);
    *unambiguous = (kind == NUMBER_AMOUNT || kind == NUMBER_PERCENT) &&
                   (commas >= 2 || (commas >= 1 && dots == 1));
    return kind;
}

/* ---- prose -------------------------------------------------------------- */

/* Joiners inside a word with digits: "13.00", "3:e", "covid-19", "km/h". */
static bool is_word_joiner(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == ':' || cp == '/' || is_dash_cp(cp);
}

/* Skips a word that holds digits, joiners included ("15225st",
 * "13.00-15.00", "SE769622712801"). Always advances. */
static const char *skip_word(const char *p, const char *end)
{
    const char *q = p, *after;
    while (q < end) {
        uint32_t cp = peek(q, end, &after);
        bool joined = is_word_joiner(cp) && is_word_cp(peek(after, end, NULL));
        if (!is_word_cp(cp) && !joined)
            break;
        q = after;
    }
    return q > p ? q : skip_cp(p, end);
}

/* Digits at p belong to a word: a letter before them ("Q3"), a letter and
 * a dash ("covid-19"), or a slash ("/10", the scale of a grade). */
static bool glued_before(const char *text, const char *p)
{
    uint32_t prev = prev_cp(text, p);
    if (is_word_cp(prev) || prev == '/')
        return true;
    return is_dash_cp(prev) && is_alpha_cp(prev_cp(text, prev_start(text, p)));
}

/* The number ending at p runs on into a word: "15225st", "2-faktors",
 * or digits joined by a dot, colon, comma or slash ("13.00", "1.234"). */
static bool glued_after(const char *p, const char *end)
{
    const char *after;
    uint32_t cp = peek(p, end, &after);
    uint32_t next = peek(after, end, NULL);
    if (cp == '_' || is_alpha_cp(cp))
        return true;
    if (is_dash_cp(cp))
        return is_alpha_cp(next);
    return is_word_joiner(cp) && is_digit_cp(next);
}

/* A sign in prose must not follow a word, a number or a closing bracket:
 * in "2-3" and "covid-19" the dash is no minus. */
static bool sign_may_follow(uint32_t prev)
{
    if (prev == 0 || is_space_cp(prev))
        return true;
    if (prev < 0x80)
        return strchr("([{:;=|\"'", (int)prev) != NULL;
    return prev == 0x00AB || prev == 0x00BB || (prev >= 0x2018 && prev <= 0x201E);
}

static const char *prose_lookalike_end(const char *digits, const char *end)
{
    for (int i = 0; i < LOOKALIKE_COUNT; i++) {
        const char *q = lookalikes[i].match(digits, end);
        if (q)
            return q;
    }
    return NULL;
}

/* The token at start (its sign, or 0 where none, then the digits at
 * digits) as a number: fills span and returns where it ends, or returns
 * where the word to skip ends with span->end left 0. */
static const char *prose_amount(const char *text, const char *end, const char *start,
                                uint32_t sign, const char *digits, number_span *span)
{
    body b = read_body(digits, end, READ_PROSE);
    if (!b.ok) {
        const char *word = skip_word(start, end);
        return b.end > word ? b.end : word;
    }
    number *n = &span->n;
    const char *q = b.end;
    bool percent = read_percent(&q, end);
    q = read_marks(q, end, n->note);
    if (glued_after(q, end))
        return skip_word(start, end);
    number_set(n, &b, is_dash_cp(sign), percent);
    if (!sign && !percent && body_is_year(&b))
        n->kind = NUMBER_YEAR;
    /* bytes, not code points: the span takes exactly one byte each side */
    n->parenthesised = start > text && start[-1] == '(' && q < end && *q == ')';
    span->start = (size_t)(start - text) - n->parenthesised;
    span->end = (size_t)(q - text) + n->parenthesised;
    return text + span->end;
}

/* "+46 640 161 00" is a phone number, "+46 123 456" an amount: the longer
 * reading wins. */
static const char *plus_phone_end(const char *start, const char *digits, const char *end)
{
    const char *phone = match_international_phone(start, end);
    if (!phone)
        return NULL;
    body b = read_body(digits, end, READ_PROSE);
    return b.ok && b.end >= phone ? NULL : phone;
}

/* The token starting at p: returns where it ends (span->end set where it is
 * a number), or NULL where no token starts at p. */
static const char *prose_token(const char *text, const char *end, const char *p,
                               number_span *span)
{
    const char *after_sign;
    uint32_t cp = peek(p, end, &after_sign);
    const char *digits = p;
    uint32_t sign = 0;
    if (is_digit_cp(cp)) {
        if (glued_before(text, p))
            return skip_word(p, end);
    } else if ((is_dash_cp(cp) || cp == '+') && is_ascii_digit_at(after_sign, end) &&
               sign_may_follow(prev_cp(text, p))) {
        digits = after_sign;
        sign = cp;
    } else {
        return NULL;
    }
    const char *lookalike = cp == '+' ? plus_phone_end(p, digits, end) : NULL;
    if (!lookalike)
        lookalike = prose_lookalike_end(digits, end);
    if (lookalike)
        return lookalike;
    return prose_amount(text, end, p, sign, digits, span);
}

size_t number_scan(const char *text, size_t len, number_span *out, size_t max)
{
    size_t found = 0;
    const char *p = text, *end = text ? text + len : text;
    while (p < end) {
        number_span span;
        memset(&span, 0, sizeof span);
        const char *next = prose_token(text, end, p, &span);
        if (!next || next <= p) {
            p = skip_cp(p, end);
            continue;
        }
        if (span.end) {
            if (out && found < max)
                out[found] = span;
            found++;
        }
        p = next;
    }
    return found;
}
