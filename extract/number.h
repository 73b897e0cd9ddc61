/* number.h: one parser for every number the tool reads, Swedish style as
 * printed in municipal annual reports.
 *
 * Two entry points, for the two places numbers live:
 *
 *   number_parse  a table cell: the whole text is one number or it is not.
 *   number_scan   running text (prose): finds the numbers among the words.
 *
 * Both are pure functions of their input: no allocation, no locale, no
 * output. Any byte string is safe input (invalid UTF-8 included).
 *
 * What counts as a number
 * -----------------------
 * - Digits are ASCII 0-9. Thousands are grouped by one space, no-break space
 *   (U+00A0), thin space (U+2009), narrow no-break space (U+202F) or figure
 *   space (U+2007), the separators may mix: "4 557", "1\u2009234\u202f567".
 *   The first group has 1 to 3 digits, every later group exactly 3; "45 57"
 *   is not one number (two in prose), nor is the postcode "835 80".
 * - The decimal sign is a comma: "11,5", "-86,3", "0,250".
 * - Dots. Several dot groups of three digits are thousands: "1.234.567";
 *   one dot group followed by a comma decimal too: "1.234,5". One dot group
 *   alone ("1.234", "-2.500") is 1234 in Swedish and 1.234 in English: it is
 *   refused (NUMBER_NONE), never guessed. In a table cell any other dot
 *   between digits is an English decimal sign: "11.5", "0.250", "1234.5".
 *   In prose a dot between digits is a time ("kl. 13.00"), a section number
 *   ("3.2") or a short date ("11.5"), so number_scan skips such a word
 *   whole and reads no dot decimals.
 * - A minus is "-", "−" (U+2212) or "–" (U+2013); a plus is "+". In a table
 *   cell one space may follow the sign ("- 6 279", as Simrishamn prints); in
 *   prose the sign must touch the digits, since a dash followed by a space
 *   is punctuation there ("Förskola – 3 avdelningar").
 * - A lone dash "-", "–", "—" or "−" in a table cell is zero (NUMBER_DASH).
 *   In prose a lone dash is punctuation and is not returned.
 * - Percent: "%" right after the number or after one space: "72,7%", "97 %".
 * - Footnote marks after the number, kept in note: "*", "**", "†", "‡" and
 *   superscript digits ("¹", "²³"), glued ("-400*") or, in a table cell,
 *   after one space ("4 557 *"). In a table cell a letter note "a)" is also
 *   read ("1 234 a)" gives 1234 with note "a)"). A note goes after the
 *   percent sign and inside or outside the parentheses.
 * - Leading zeros make a code, not an amount: "0640", "007" are NUMBER_NONE
 *   ("0" and "0,5" are numbers).
 * - At most NUMBER_MAX_DIGITS digits in all (integer and decimals, and they
 *   must fit 64 bits); more is NUMBER_NONE, never an overflow.
 * - value is exact for what is printed: the digits are read as an integer
 *   and divided once by a power of ten, so "0,1" is the double nearest 0.1.
 *
 * Parentheses: cells and prose differ
 * -----------------------------------
 * In a table cell "(1 234)" is a negative number: value -1234,
 * parenthesised true. In prose a number in parentheses is usually last
 * year's value ("8,8 (8,8)"), so number_scan returns it with
 * parenthesised true and its printed sign (8.8, not -8.8); the caller
 * decides what the brackets mean. A sign inside parentheses "(-5)" is
 * refused in a cell (NUMBER_NONE) and kept as -5 in prose.
 *
 * Refused as wholes
 * -----------------
 * These are never read as amounts. number_parse returns their kind (value
 * 0); number_scan skips them whole and never splits them into numbers.
 * - Years: four bare digits 1900..2099 are NUMBER_YEAR with value set; the
 *   caller decides whether "2020" is a year or an amount. "2 020", "-2020",
 *   "2020,0" are amounts. A note may follow ("2020*"). In prose a year in
 *   parentheses "(2019)" is a year too; in a cell it is the amount -2019.
 * - Dates (NUMBER_DATE): "2020-12-31", "2020-12", periods "2019-2020",
 *   "2019/20", "2020/2021"; "31/12", "31/12 2020", "31/12/2020",
 *   "31.12.2020"; written "1 okt 2019", "31 december" (Swedish month names
 *   and their abbreviations). "31.12" alone in a cell is the decimal 31.12.
 *   Day/month with a slash "3/4" is a date, never a fraction.
 * - Phone numbers (NUMBER_PHONE): an area code of 2 to 4 digits starting
 *   with 0, then a dash or one space, then 5 to 8 digits in groups:
 *   "0640-161 00", "08-123 456 78", "010-123 45 67"; international
 *   "+46 640 161 00", "+46 (0)640-161 00", "0046 8 123 456 78" (7 to 9
 *   digits after 46). "+46 123 456" is the amount 46123456, since the
 *   thousands grouping reads it whole.
 * - Organisation numbers and personal identity numbers (NUMBER_ORG_ID):
 *   six or eight digits, a dash, four digits: "769622-7128".
 * - Postcodes: "835 80" is no valid grouping, so NUMBER_NONE in a cell; in
 *   prose a 3+2 split followed by a capitalised word ("835 80 Krokom") is
 *   skipped. Without the town name, prose gives 835 and 80.
 *
 * Prose only
 * ----------
 * - A number glued to a letter is part of a word and is skipped whole:
 *   "15225st", "100Mbit/s", "Q3", "CO2-utsläpp", also across a hyphen:
 *   "2-faktors", "1990-talet", "covid-19". With a space between, the number
 *   is returned and the unit is the caller's business: "100 Mbit/s" -> 100.
 * - Ranges: "2-3 år" gives 2 and 3, both positive (a dash glued to the
 *   number before it is never a minus). "10-15 %" gives 10 and 15 %; the
 *   percent stays with the number it is printed after.
 * - Digits joined by ":", "." (other than dot thousands), "," (other than
 *   one decimal comma) or "/" are skipped whole: "13:00", "13.00", "3.2.1",
 *   "15/100". Digits right after a slash are a scale and skipped too:
 *   "(8,8)/10" gives 8.8 only.
 */
#ifndef ARSRED_NUMBER_H
#define ARSRED_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

/* Digits in a number, integer part and decimals together. */
#define NUMBER_MAX_DIGITS 20
/* Bytes for a footnote mark, the terminating NUL included. */
#define NUMBER_NOTE_SIZE 8

typedef enum number_kind {
    NUMBER_NONE = 0, /* not a number */
    NUMBER_AMOUNT,   /* a plain number: 4 557, -73, 11,5, (1 234), −1 250 */
    NUMBER_PERCENT,  /* 72,7%, 97 %, −3,5 % */
    NUMBER_DASH,     /* a lone dash standing for zero: "-", "–", "—" */
    NUMBER_YEAR,     /* 1900..2099 as four bare digits (value is set) */
    NUMBER_DATE,     /* 2020-12-31, 31/12 2020, 1 okt 2019 … refused */
    NUMBER_PHONE,    /* 0640-161 00, 08-123 456 78, +46 640 161 00 … refused */
    NUMBER_ORG_ID    /* 769622-7128 (organisationsnummer) … refused */
} number_kind;

typedef struct number {
    number_kind kind;
    double value;       /* with its sign; percent as printed (72,7% -> 72.7) */
    int decimals;       /* as printed: "11,5" -> 1, "4 557" -> 0, "0,250" -> 3 */
    bool parenthesised; /* printed in parentheses: "(1 234)" */
    char note[NUMBER_NOTE_SIZE]; /* footnote mark, "" where none: "-400*" -> "*" */
} number;

/* Parses the whole of text[0..len) as one number, as in a table cell;
 * white space around it is allowed. Fills *out (where out is not NULL;
 * everything zero but kind for NUMBER_NONE and the refused kinds) and
 * returns the kind. */
number_kind number_parse(const char *text, size_t len, number *out);

/* Parses text[0..len) as one number in English style, as some tables of
 * a Swedish document are printed: a comma between thousands, a dot as the
 * decimal sign ("3,983,166.42"). NUMBER_NONE where it is not so written
 * (no comma or dot between digits, or groups that are not of three).
 * *unambiguous says the text can be nothing else: two comma groups, or a
 * comma group and a dot ("1,234" alone is 1.234 in Swedish). Which style a
 * table column is in, its cells decide together (table_detect). */
number_kind number_parse_english(const char *text, size_t len, number *out, bool *unambiguous);

/* A number found in prose: its bytes are text[start..end), parentheses
 * included where n.parenthesised. */
typedef struct number_span {
    size_t start, end;
    number n;
} number_span;

/* Finds the numbers in the prose text[0..len), in order. Stores at most max
 * of them in out (which may be NULL where max is 0) and returns how many
 * there are in all, which may be more than max. */
size_t number_scan(const char *text, size_t len, number_span *out, size_t max);

#endif
