/* test_number.c: Swedish numbers in table cells (number_parse) and in
 * prose (number_scan). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "number.h"

/* ---- helpers ------------------------------------------------------------ */

static const char *kind_name(number_kind kind)
{
    static const char *const names[] = { "none", "amount", "percent", "dash",
                                         "year", "date",   "phone",   "org_id" };
    return kind <= NUMBER_ORG_ID ? names[kind] : "?";
}

/* Values are compared exactly: the parser promises the double nearest the
 * printed decimal, which is what the C literal is too. */
static void check_number(const char *text, const number *got, number_kind kind,
                         double value, int decimals, bool parenthesised, const char *note)
{
    if (got->kind != kind)
        fail_msg("\"%s\": kind %s, want %s", text, kind_name(got->kind), kind_name(kind));
    if (got->value != value || signbit(got->value) != signbit(value))
        fail_msg("\"%s\": value %.17g, want %.17g", text, got->value, value);
    if (got->decimals != decimals)
        fail_msg("\"%s\": decimals %d, want %d", text, got->decimals, decimals);
    if (got->parenthesised != parenthesised)
        fail_msg("\"%s\": parenthesised %d, want %d", text, got->parenthesised, parenthesised);
    if (strcmp(got->note, note) != 0)
        fail_msg("\"%s\": note \"%s\", want \"%s\"", text, got->note, note);
}

static void expect_parse(const char *text, number_kind kind, double value, int decimals,
                         bool parenthesised, const char *note)
{
    number n;
    memset(&n, 0x55, sizeof n); /* every field must be written */
    number_kind returned = number_parse(text, strlen(text), &n);
    if (returned != n.kind)
        fail_msg("\"%s\": returned %s, stored %s", text, kind_name(returned), kind_name(n.kind));
    check_number(text, &n, kind, value, decimals, parenthesised, note);
}

static void expect_amount(const char *text, double value, int decimals)
{
    expect_parse(text, NUMBER_AMOUNT, value, decimals, false, "");
}

static void expect_percent(const char *text, double value, int decimals)
{
    expect_parse(text, NUMBER_PERCENT, value, decimals, false, "");
}

/* Refused kinds carry nothing but their kind. */
static void expect_kind(const char *text, number_kind kind)
{
    expect_parse(text, kind, 0, 0, false, "");
}

static void expect_none(const char *text)
{
    expect_kind(text, NUMBER_NONE);
}

/* What number_scan should find: the bytes of the span and the number. */
typedef struct want_span {
    const char *bytes;
    number_kind kind;
    double value;
    int decimals;
    bool parenthesised;
    const char *note;
} want_span;

#define SCAN_MAX 16

static void expect_scan(const char *text, const want_span *want, size_t count)
{
    number_span got[SCAN_MAX];
    size_t found = number_scan(text, strlen(text), got, SCAN_MAX);
    if (found != count)
        fail_msg("\"%s\": found %zu numbers, want %zu", text, found, count);
    for (size_t i = 0; i < count; i++) {
        size_t len = got[i].end - got[i].start;
        if (got[i].end > strlen(text) || got[i].start > got[i].end ||
            len != strlen(want[i].bytes) || memcmp(text + got[i].start, want[i].bytes, len) != 0)
            fail_msg("\"%s\": number %zu spans \"%.*s\", want \"%s\"", text, i, (int)len,
                     got[i].end <= strlen(text) ? text + got[i].start : "", want[i].bytes);
        check_number(want[i].bytes, &got[i].n, want[i].kind, want[i].value, want[i].decimals,
                     want[i].parenthesised, want[i].note);
    }
}

static void expect_scan_nothing(const char *text)
{
    expect_scan(text, NULL, 0);
}

#define SCAN(text, ...)                                                         \
    do {                                                                        \
        const want_span want_[] = { __VA_ARGS__ };                              \
        expect_scan(text, want_, sizeof want_ / sizeof *want_);                 \
    } while (0)

/* Shorthands for the wanted spans. */
#define AMOUNT(bytes, value, decimals) { bytes, NUMBER_AMOUNT, value, decimals, false, "" }
#define PERCENT(bytes, value, decimals) { bytes, NUMBER_PERCENT, value, decimals, false, "" }
#define YEAR(bytes, value) { bytes, NUMBER_YEAR, value, 0, false, "" }

/* ---- number_parse: amounts ---------------------------------------------- */

static void expect_english(const char *text, double value, int decimals, bool unambiguous)
{
    number n;
    bool sure = !unambiguous;
    assert_int_equal(number_parse_english(text, strlen(text), &n, &sure) != NUMBER_NONE, true);
    assert_true(fabs(n.value - value) < 1e-9);
    assert_int_equal(n.decimals, decimals);
    assert_int_equal(sure, unambiguous);
}

/* English style, which a column's cells decide together: only two comma
 * groups, or a comma group and a dot, say it for sure. */
static void test_parse_english_style(void **state)
{
    (void)state;
    expect_english("3,983,166.42", 3983166.42, 2, true);
    expect_english("-12,509.15", -12509.15, 2, true);
    expect_english("(3,983.10)", -3983.10, 2, true);
    expect_english("1,234,567", 1234567, 0, true);
    expect_english("1,234", 1234, 0, false);
    expect_english("0.5", 0.5, 1, false);
    bool sure;
    const char *refused[] = {"12,34", "1,2345", "3,98,166.42", "12 509", "1234", "1.234.5"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        assert_int_equal(number_parse_english(refused[i], strlen(refused[i]), NULL, &sure), NUMBER_NONE);
}

static void test_parse_plain_integers(void **state)
{
    (void)state;
    expect_amount("0", 0, 0);
    expect_amount("73", 73, 0);
    expect_amount("15225", 15225, 0);
    expect_amount("  73\t", 73, 0);
    expect_amount("\u00a073\u2009", 73, 0);
}

static void test_parse_thousands_separators(void **state)
{
    (void)state;
    expect_amount("4 557", 4557, 0);
    expect_amount("4\u00a0557", 4557, 0);
    expect_amount("4\u2009557", 4557, 0);
    expect_amount("4\u202f557", 4557, 0);
    expect_amount("4\u2007557", 4557, 0);
    expect_amount("1\u2009234\u202f567", 1234567, 0);
    expect_amount("16 658", 16658, 0);
    expect_amount("123 456 789", 123456789, 0);
    expect_amount("1 000 000", 1000000, 0);
}

static void test_parse_refuses_bad_grouping(void **state)
{
    (void)state;
    expect_none("45 57");
    expect_none("835 80"); /* a postcode */
    expect_none("1 2345");
    expect_none("1234 567"); /* the first group has at most three digits */
    expect_none("4  557");
    expect_none("4\n557");
    expect_none("4 557 12");
}

static void test_parse_comma_decimals(void **state)
{
    (void)state;
    expect_amount("11,5", 11.5, 1);
    expect_amount("-86,3", -86.3, 1);
    expect_amount("0,250", 0.25, 3);
    expect_amount("0,1", 0.1, 1);
    expect_amount("0,3", 0.3, 1);
    expect_amount("1,005", 1.005, 3);
    expect_amount("4 557,25", 4557.25, 2);
    expect_amount("2020,0", 2020, 1); /* decimals: an amount, not a year */
    expect_none("11,");
    expect_none(",5");
    expect_none("1,2,3");
}

static void test_parse_dots(void **state)
{
    (void)state;
    /* English decimals where a dot cannot be a thousands sign */
    expect_amount("11.5", 11.5, 1);
    expect_amount("0.250", 0.25, 3);
    expect_amount("12.3456", 12.3456, 4);
    expect_amount("1234.567", 1234.567, 3);
    expect_amount("1 234.5", 1234.5, 1);
    expect_amount("31.12", 31.12, 2); /* documented: no year, no date */
    /* dot thousands where there is no doubt */
    expect_amount("1.234.567", 1234567, 0);
    expect_amount("-12.345.678", -12345678, 0);
    expect_amount("1.234,5", 1234.5, 1);
    /* one dot group alone: 1234 or 1.234? never guessed */
    expect_none("1.234");
    expect_none("-2.500");
    expect_none("1.234.56");
    expect_none("1.234.567.8");
    expect_none("1.234.567.891,5.5");
}

static void test_parse_signs(void **state)
{
    (void)state;
    expect_amount("-73", -73, 0);
    expect_amount("\u22121 250", -1250, 0);
    expect_amount("\u201373", -73, 0);
    expect_amount("- 6 279", -6279, 0);
    expect_amount("\u2212\u00a06 279", -6279, 0);
    expect_amount("+5", 5, 0);
    expect_amount("+ 1 234", 1234, 0);
    expect_amount("-0", 0, 0); /* no negative zero */
    expect_amount("-0,0", 0, 1);
    expect_none("--5");
    expect_none("-  5");
    expect_none("\u20145"); /* an em dash is no minus */
    expect_none("5-");
}

static void test_parse_parentheses(void **state)
{
    (void)state;
    expect_parse("(1 234)", NUMBER_AMOUNT, -1234, 0, true, "");
    expect_parse("(73)", NUMBER_AMOUNT, -73, 0, true, "");
    expect_parse("(11,5)", NUMBER_AMOUNT, -11.5, 1, true, "");
    expect_parse("(5 %)", NUMBER_PERCENT, -5, 0, true, "");
    expect_parse(" (0) ", NUMBER_AMOUNT, 0, 0, true, "");
    expect_parse("(2019)", NUMBER_AMOUNT, -2019, 0, true, "");
    expect_none("(-5)");
    expect_none("(5");
    expect_none("5)");
    expect_none("( 5)");
    expect_none("(5) %");
    expect_none("()");
}

static void test_parse_lone_dash(void **state)
{
    (void)state;
    expect_kind("-", NUMBER_DASH);
    expect_kind("\u2013", NUMBER_DASH);
    expect_kind("\u2014", NUMBER_DASH);
    expect_kind("\u2212", NUMBER_DASH);
    expect_kind("  \u2013 ", NUMBER_DASH);
    expect_parse("-*", NUMBER_DASH, 0, 0, false, "*");
    expect_none("--");
    expect_none("- -");
}

static void test_parse_percent(void **state)
{
    (void)state;
    expect_percent("72,7%", 72.7, 1);
    expect_percent("97 %", 97, 0);
    expect_percent("97\u00a0%", 97, 0);
    expect_percent("-3 %", -3, 0);
    expect_percent("\u22123,5 %", -3.5, 1);
    expect_percent("100%", 100, 0);
    expect_none("%");
    expect_none("97  %");
    expect_none("97 %%");
    expect_none("% 97");
}

static void test_parse_footnote_marks(void **state)
{
    (void)state;
    expect_parse("-400*", NUMBER_AMOUNT, -400, 0, false, "*");
    expect_parse("1 234**", NUMBER_AMOUNT, 1234, 0, false, "**");
    expect_parse("12 345\u00b9", NUMBER_AMOUNT, 12345, 0, false, "\u00b9");
    expect_parse("7\u00b2\u00b3", NUMBER_AMOUNT, 7, 0, false, "\u00b2\u00b3");
    expect_parse("5\u2020", NUMBER_AMOUNT, 5, 0, false, "\u2020");
    expect_parse("4 557 *", NUMBER_AMOUNT, 4557, 0, false, "*");
    expect_parse("1 234 a)", NUMBER_AMOUNT, 1234, 0, false, "a)");
    expect_parse("1 234b)", NUMBER_AMOUNT, 1234, 0, false, "b)");
    expect_parse("(1 234)*", NUMBER_AMOUNT, -1234, 0, true, "*");
    expect_parse("(1 234*)", NUMBER_AMOUNT, -1234, 0, true, "*");
    expect_parse("72,7 %*", NUMBER_PERCENT, 72.7, 1, false, "*");
    expect_parse("2020*", NUMBER_YEAR, 2020, 0, false, "*");
    expect_parse("*******", NUMBER_NONE, 0, 0, false, "");
    expect_parse("1*******", NUMBER_AMOUNT, 1, 0, false, "*******");
    expect_none("1********"); /* more marks than a note holds */
    expect_none("(1*)*");
    expect_none("1 234 ab");
    expect_none("1 234 A)");
    expect_none("1 234  *");
}

static void test_parse_leading_zeros_and_letters(void **state)
{
    (void)state;
    expect_none("0640");
    expect_none("007");
    expect_none("05");
    expect_none("00,5");
    expect_none("15225st");
    expect_none("100Mbit");
    expect_none("Mbit/s");
    expect_none("5 st");
    expect_none("2-faktors");
    expect_none("2-3");
    expect_none("abc");
    expect_none("");
    expect_none("   ");
}

static void test_parse_years(void **state)
{
    (void)state;
    expect_parse("2020", NUMBER_YEAR, 2020, 0, false, "");
    expect_parse("1900", NUMBER_YEAR, 1900, 0, false, "");
    expect_parse(" 2099 ", NUMBER_YEAR, 2099, 0, false, "");
    expect_amount("1899", 1899, 0);
    expect_amount("2100", 2100, 0);
    expect_amount("2 020", 2020, 0);
    expect_amount("-2020", -2020, 0);
    expect_amount("+2020", 2020, 0);
    expect_percent("2020 %", 2020, 0);
}

static void test_parse_dates(void **state)
{
    (void)state;
    expect_kind("2020-12-31", NUMBER_DATE);
    expect_kind("2020-12", NUMBER_DATE);
    expect_kind("2019-2020", NUMBER_DATE);
    expect_kind("2019\u20132020", NUMBER_DATE);
    expect_kind("2019/20", NUMBER_DATE);
    expect_kind("2020/2021", NUMBER_DATE);
    expect_kind("31/12", NUMBER_DATE);
    expect_kind("31/12 2020", NUMBER_DATE);
    expect_kind("31/12/2020", NUMBER_DATE);
    expect_kind("31.12.2020", NUMBER_DATE);
    expect_kind("1.5.20", NUMBER_DATE);
    expect_kind("1 okt 2019", NUMBER_DATE);
    expect_kind("31 december", NUMBER_DATE);
    expect_kind("5 Maj 2020", NUMBER_DATE);
    expect_kind("1 sept. 2019", NUMBER_DATE);
    expect_none("32/12"); /* no day 32: not a date, and no number either */
    expect_none("2020-123");
    expect_none("5 majoriteten");
    expect_none("okt 2019");
}

static void test_parse_phone_numbers(void **state)
{
    (void)state;
    expect_kind("0640-161 00", NUMBER_PHONE);
    expect_kind("08-123 456 78", NUMBER_PHONE);
    expect_kind("08-123 45 67", NUMBER_PHONE);
    expect_kind("010-123 45 67", NUMBER_PHONE);
    expect_kind("0640 161 00", NUMBER_PHONE);
    expect_kind("0771-123\u00a0123", NUMBER_PHONE);
    expect_kind("+46 640 161 00", NUMBER_PHONE);
    expect_kind("+46 (0)640-161 00", NUMBER_PHONE);
    expect_kind("0046 8 123 456 78", NUMBER_PHONE);
    expect_kind("+46 70 123 45 67", NUMBER_PHONE);
    expect_amount("+46 123 456", 46123456, 0); /* valid grouping: an amount */
    expect_none("08-1234"); /* too short to be a subscriber number */
    expect_none("0-5");
}

static void test_parse_org_ids(void **state)
{
    (void)state;
    expect_kind("769622-7128", NUMBER_ORG_ID);
    expect_kind("556677-8899", NUMBER_ORG_ID);
    expect_kind("212000-2411", NUMBER_ORG_ID);
    expect_kind("19800101-1234", NUMBER_ORG_ID);
    expect_none("769622-712");
    expect_none("76962-7128");
}

static void test_parse_digit_limit(void **state)
{
    (void)state;
    number n;
    const char *twenty = "12345678901234567890";
    assert_int_equal(number_parse(twenty, strlen(twenty), &n), NUMBER_AMOUNT);
    assert_true(fabs(n.value - 12345678901234567890.0) <= 1e-9 * 12345678901234567890.0);
    expect_amount("1 234 567 890 123 456 789", 1234567890123456789.0, 0);
    expect_amount("0,0000000000000000001", 1e-19, 19);
    expect_amount("9007199254740993", 9007199254740993.0, 0); /* > 2^53: rounds once */
    expect_none("123456789012345678901");
    expect_none("99999999999999999999"); /* 20 digits, beyond 64 bits */
    expect_none("1 234 567 890 123 456 789 012");
    expect_none("0,00000000000000000001");
}

static void test_parse_exact_values(void **state)
{
    (void)state;
    /* repeated multiplication by 0.1 would miss these */
    const char *texts[] = { "0,1", "0,3", "0,7", "1,1", "16 658", "123,456", "0,000001" };
    const double values[] = { 0.1, 0.3, 0.7, 1.1, 16658, 123.456, 0.000001 };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        number n;
        number_parse(texts[i], strlen(texts[i]), &n);
        assert_true(n.value == values[i]);
    }
}

static void test_parse_bytes_and_lengths(void **state)
{
    (void)state;
    number n;
    assert_int_equal(number_parse("4 557 kr", 5, &n), NUMBER_AMOUNT);
    assert_true(n.value == 4557);
    assert_int_equal(number_parse("4 557", 3, &n), NUMBER_NONE); /* "4 5" */
    assert_int_equal(number_parse(NULL, 0, &n), NUMBER_NONE);
    assert_int_equal(number_parse("73", 2, NULL), NUMBER_AMOUNT);
    assert_int_equal(number_parse("7\0" "3", 3, &n), NUMBER_NONE);
    expect_none("4\xa0" "557"); /* a Latin-1 no-break space: invalid UTF-8 */
    expect_none("\xff");
    expect_none("4 55\xe2\x80");
    expect_none("\xe2\x88");
}

/* ---- number_scan -------------------------------------------------------- */

static void test_scan_previous_year_in_parentheses(void **state)
{
    (void)state;
    SCAN("Kundnöjdhet 8,8 (8,8)/10", AMOUNT("8,8", 8.8, 1),
         { "(8,8)", NUMBER_AMOUNT, 8.8, 1, true, "" });
    SCAN("Krokoms 72,7% (69,8), Jämtland 72,6%", PERCENT("72,7%", 72.7, 1),
         { "(69,8)", NUMBER_AMOUNT, 69.8, 1, true, "" }, PERCENT("72,6%", 72.6, 1));
    SCAN("ökat med 63% (5 dagar)", PERCENT("63%", 63, 0), AMOUNT("5", 5, 0));
    SCAN("(5 %) och (-5)", { "(5 %)", NUMBER_PERCENT, 5, 0, true, "" },
         { "(-5)", NUMBER_AMOUNT, -5, 0, true, "" });
    SCAN("jämfört med (2019)", { "(2019)", NUMBER_YEAR, 2019, 0, true, "" });
}

static void test_scan_skips_phone_numbers_and_ids(void **state)
{
    (void)state;
    expect_scan_nothing("Tel. 0640-161 00 | Fax 0640-161 05");
    expect_scan_nothing("Ring 08-123 45 67 eller +46 640 161 00.");
    expect_scan_nothing("Tel +46 (0)640-161 00");
    expect_scan_nothing("Organisationsnummer 769622-7128");
    SCAN("Växel 0640-161 00, 12 anställda", AMOUNT("12", 12, 0));
    SCAN("ökade +46 123 456 kr", AMOUNT("+46 123 456", 46123456, 0));
}

static void test_scan_skips_dates(void **state)
{
    (void)state;
    expect_scan_nothing("1 okt 2019");
    expect_scan_nothing("den 31 december 2020");
    expect_scan_nothing("per 31/12 2020 och 2020-12-31");
    expect_scan_nothing("perioden 2019/20, 2020/2021 och 2019\u20132020");
    expect_scan_nothing("den 31.12.2020");
    expect_scan_nothing("dygnet runt 24/7");
    SCAN("Krokoms kommun, april 2020", YEAR("2020", 2020));
    SCAN("5 majoriteten", AMOUNT("5", 5, 0));
}

static void test_scan_years_and_units(void **state)
{
    (void)state;
    SCAN("minst 15225 st år 2020, 15300 st år 2021", AMOUNT("15225", 15225, 0),
         YEAR("2020", 2020), AMOUNT("15300", 15300, 0), YEAR("2021", 2021));
    SCAN("ett överskott om 7,3 miljoner kronor", AMOUNT("7,3", 7.3, 1));
    SCAN("2 778 tkr mot budgeterade -500 tkr", AMOUNT("2 778", 2778, 0),
         AMOUNT("-500", -500, 0));
    SCAN("\u22121 250", AMOUNT("\u22121 250", -1250, 0));
    SCAN("100 Mbit/s", AMOUNT("100", 100, 0));
    SCAN("15225 st", AMOUNT("15225", 15225, 0));
    SCAN("år 2020 135 nya", YEAR("2020", 2020), AMOUNT("135", 135, 0));
    SCAN("2019 \u2013 2020", YEAR("2019", 2019), YEAR("2020", 2020));
    SCAN("Summa 4 557.", AMOUNT("4 557", 4557, 0));
    SCAN("Vi hade 3 mål, 2 uppfyllda.", AMOUNT("3", 3, 0), AMOUNT("2", 2, 0));
}

static void test_scan_words_with_digits(void **state)
{
    (void)state;
    expect_scan_nothing("15225st");
    expect_scan_nothing("100Mbit/s");
    expect_scan_nothing("2-faktors inloggning");
    expect_scan_nothing("på 1990-talet");
    expect_scan_nothing("covid-19");
    expect_scan_nothing("CO2-utsläpp i Q3");
    expect_scan_nothing("3-årig");
    SCAN("Q3 2020", YEAR("2020", 2020));
}

static void test_scan_ranges(void **state)
{
    (void)state;
    SCAN("2-3 år", AMOUNT("2", 2, 0), AMOUNT("3", 3, 0));
    SCAN("10\u201315 %", AMOUNT("10", 10, 0), PERCENT("15 %", 15, 0));
    SCAN("2,5-3 timmar", AMOUNT("2,5", 2.5, 1), AMOUNT("3", 3, 0));
}

static void test_scan_dashes_in_prose(void **state)
{
    (void)state;
    SCAN("Förskola \u2013 3 avdelningar", AMOUNT("3", 3, 0));
    SCAN("- 6 279", AMOUNT("6 279", 6279, 0)); /* a dash and a space: punctuation */
    expect_scan_nothing("\u2013");
    expect_scan_nothing("- och \u2014");
    SCAN("Resultat:-5", AMOUNT("-5", -5, 0));
    SCAN("+5 och \u20138", AMOUNT("+5", 5, 0), AMOUNT("\u20138", -8, 0));
}

static void test_scan_grouping_and_postcodes(void **state)
{
    (void)state;
    SCAN("45 57", AMOUNT("45", 45, 0), AMOUNT("57", 57, 0));
    SCAN("1\u2009234\u202f567 kr", AMOUNT("1\u2009234\u202f567", 1234567, 0));
    SCAN("835 80", AMOUNT("835", 835, 0), AMOUNT("80", 80, 0));
    expect_scan_nothing("Box 835 80 Krokom");
    SCAN("4 557 12", AMOUNT("4 557", 4557, 0), AMOUNT("12", 12, 0));
}

static void test_scan_dots_colons_slashes(void **state)
{
    (void)state;
    expect_scan_nothing("kl. 13.00");
    expect_scan_nothing("kl 13:00-15:00");
    expect_scan_nothing("avsnitt 3.2.1");
    expect_scan_nothing("1.234 kr");
    expect_scan_nothing("15/100");
    expect_scan_nothing("11.5");
    expect_scan_nothing("0640");
    SCAN("1.234.567 kr", AMOUNT("1.234.567", 1234567, 0));
    SCAN("1.234,5 kr", AMOUNT("1.234,5", 1234.5, 1));
}

static void test_scan_notes(void **state)
{
    (void)state;
    SCAN("-400* och 12 345\u00b9", { "-400*", NUMBER_AMOUNT, -400, 0, false, "*" },
         { "12 345\u00b9", NUMBER_AMOUNT, 12345, 0, false, "\u00b9" });
    SCAN("4 557 * se not", AMOUNT("4 557", 4557, 0));
}

static void test_scan_counts_beyond_max(void **state)
{
    (void)state;
    number_span spans[2];
    memset(spans, 0, sizeof spans);
    assert_int_equal(number_scan("1 och 2 och 3", 13, spans, 2), 3);
    assert_true(spans[0].n.value == 1 && spans[1].n.value == 2);
    assert_int_equal(number_scan("1 och 2 och 3", 13, NULL, 0), 3);
    assert_int_equal(number_scan(NULL, 0, NULL, 0), 0);
    assert_int_equal(number_scan("4 557 kr", 3, spans, 2), 2); /* "4 5" */
}

static void test_scan_invalid_utf8(void **state)
{
    (void)state;
    SCAN("\xff" "5\xfe", AMOUNT("5", 5, 0));
    SCAN("\xe2\x88" "7 kr", AMOUNT("7", 7, 0));
    expect_scan_nothing("\x80\x80\x80");
    SCAN("4\xe2\x80", AMOUNT("4", 4, 0)); /* broken bytes are no letter */
    /* an overlong "+" decodes as "+": a plus, never a minus */
    SCAN("\xc0\xab" "2", AMOUNT("\xc0\xab" "2", 2, 0));
    expect_amount("\xc0\xab" "2", 2, 0);
    /* an overlong "(" is no parenthesis */
    SCAN("\xc0\xa8" "2)", AMOUNT("2", 2, 0));
}

/* Long runs of number-like text take linear time (a chain of ranges once
 * took quadratic time). */
static void test_scan_pathological_input(void **state)
{
    (void)state;
    const char *units[] = { "1-", "1.", "1 ", "(", "0640-", "1,", "a1", "-" };
    const size_t repeat = 200000;
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t unit = strlen(units[u]);
        char *text = malloc(unit * repeat);
        assert_non_null(text);
        for (size_t i = 0; i < repeat; i++)
            memcpy(text + i * unit, units[u], unit);
        clock_t began = clock();
        number_scan(text, unit * repeat, NULL, 0);
        number_parse(text, unit * repeat, NULL);
        double seconds = (double)(clock() - began) / CLOCKS_PER_SEC;
        free(text);
        if (seconds > 2.0)
            fail_msg("\"%s\" x %zu took %.2f s", units[u], repeat, seconds);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_plain_integers),
        cmocka_unit_test(test_parse_english_style),
        cmocka_unit_test(test_parse_thousands_separators),
        cmocka_unit_test(test_parse_refuses_bad_grouping),
        cmocka_unit_test(test_parse_comma_decimals),
        cmocka_unit_test(test_parse_dots),
        cmocka_unit_test(test_parse_signs),
        cmocka_unit_test(test_parse_parentheses),
        cmocka_unit_test(test_parse_lone_dash),
        cmocka_unit_test(test_parse_percent),
        cmocka_unit_test(test_parse_footnote_marks),
        cmocka_unit_test(test_parse_leading_zeros_and_letters),
        cmocka_unit_test(test_parse_years),
        cmocka_unit_test(test_parse_dates),
        cmocka_unit_test(test_parse_phone_numbers),
        cmocka_unit_test(test_parse_org_ids),
        cmocka_unit_test(test_parse_digit_limit),
        cmocka_unit_test(test_parse_exact_values),
        cmocka_unit_test(test_parse_bytes_and_lengths),
        cmocka_unit_test(test_scan_previous_year_in_parentheses),
        cmocka_unit_test(test_scan_skips_phone_numbers_and_ids),
        cmocka_unit_test(test_scan_skips_dates),
        cmocka_unit_test(test_scan_years_and_units),
        cmocka_unit_test(test_scan_words_with_digits),
        cmocka_unit_test(test_scan_ranges),
        cmocka_unit_test(test_scan_dashes_in_prose),
        cmocka_unit_test(test_scan_grouping_and_postcodes),
        cmocka_unit_test(test_scan_dots_colons_slashes),
        cmocka_unit_test(test_scan_notes),
        cmocka_unit_test(test_scan_counts_beyond_max),
        cmocka_unit_test(test_scan_invalid_utf8),
        cmocka_unit_test(test_scan_pathological_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
