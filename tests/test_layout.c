/* test_layout.c: the layout engine on synthetic character streams. Each
 * character is 0.5 em wide and 1 em high; a space is a space character,
 * as poppler gives them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "furniture.h"
#include "layout.h"
#include "pattern.h"
#include "report.h"
#include "table.h"
#include "util.h"

typedef struct stream {
    pdf_char *chars;
    size_t n, cap;
} stream;

/* Sets text at (x, y) in size pt, advancing 0.5 em per character; extra
 * widens each space (justified text). Ends with a line break. */
static void typeset_spaced(stream *s, double x, double y, float size,
                           const char *text, double extra)
{
    const char *end = text + strlen(text);
    while (text < end) {
        uint32_t cp = utf8_next(&text, end);
        double w = 0.5 * size + (cp == ' ' ? extra : 0);
        pdf_char c = {.cp = cp, .box = {x, y, x + w, y + size}, .size = size};
        ARRAY_PUSH(s->chars, s->n, s->cap, c);
        x += w;
    }
    pdf_char nl = {.cp = '\n', .box = {x, y, x, y + size}, .size = size};
    ARRAY_PUSH(s->chars, s->n, s->cap, nl);
}

static void typeset(stream *s, double x, double y, float size, const char *text)
{
    typeset_spaced(s, x, y, size, text, 0);
}

static void build(layout_page *lp, stream *s, int number)
{
    pdf_page page = {.number = number, .width = 595, .height = 842,
                     .chars = s->chars, .n_chars = s->n};
    layout_page_build(lp, &page, NULL);
    free(s->chars);
    memset(s, 0, sizeof *s);
}

/* Lays out s as page 1 and finds its tables (patterns may be NULL);
 * release with found_tables_free and layout_page_release. */
static size_t detect_tables(stream *s, const arsred_patterns *patterns, layout_page *lp,
                            found_table **tables)
{
    build(lp, s, 1);
    *tables = NULL;
    return tables_detect(lp, patterns, tables);
}

static void test_words_split_at_spaces_and_gaps(void **state)
{
    (void)state;
    stream s = {0};
    typeset(&s, 50, 100, 10, "Hej världen");
    /* two characters with a gap of 0.6 em and no space between them */
    pdf_char a = {.cp = 'A', .box = {200, 100, 205, 110}, .size = 10};
    pdf_char b = {.cp = 'B', .box = {211, 100, 216, 110}, .size = 10};
    ARRAY_PUSH(s.chars, s.n, s.cap, a);
    ARRAY_PUSH(s.chars, s.n, s.cap, b);
    word *words = NULL;
    size_t n = layout_words_from_chars(s.chars, s.n, &words);
    assert_int_equal(n, 4);
    assert_string_equal(words[0].text, "Hej");
    assert_string_equal(words[1].text, "världen");
    assert_string_equal(words[2].text, "A");
    assert_string_equal(words[3].text, "B");
    for (size_t i = 0; i < n; i++)
        free(words[i].text);
    free(words);
    free(s.chars);
}

/* A digit set smaller and raised after a figure is its footnote mark
 * ("471,5" with a superscript "1" reads "471,5¹"); a digit of the same size
 * is a digit. */
static void test_superscript_digit_is_a_note(void **state)
{
    (void)state;
    stream s = {0};
    typeset(&s, 300, 100, 10, "471,5");
    s.n--; /* the mark follows before the line ends */
    pdf_char mark = {.cp = '1', .box = {325, 98, 328, 104}, .size = 6};
    ARRAY_PUSH(s.chars, s.n, s.cap, mark);
    pdf_char mark2 = {.cp = '2', .box = {328, 98, 331, 104}, .size = 6}; /* a mark of two digits */
    ARRAY_PUSH(s.chars, s.n, s.cap, mark2);
    typeset(&s, 400, 100, 10, "471,51");
    word *words = NULL;
    size_t n = layout_words_from_chars(s.chars, s.n, &words);
    assert_int_equal(n, 2);
    assert_string_equal(words[0].text, "471,5\u00b9\u00b2");
    assert_string_equal(words[1].text, "471,51");
    for (size_t i = 0; i < n; i++)
        free(words[i].text);
    free(words);
    free(s.chars);
}

static void test_number_spaces_kept_in_lines(void **state)
{
    (void)state;
    stream s = {0};
    typeset(&s, 50, 100, 10, "Intäkter 4\xC2\xA0" "557 tkr");
    layout_page lp;
    build(&lp, &s, 1);
    assert_int_equal(lp.n_words, 4); /* a number space separates words */
    assert_int_equal(lp.n_lines, 1);
    assert_string_equal(lp.lines[0].text, "Intäkter 4\xC2\xA0" "557 tkr");
    layout_page_release(&lp);
}

static void test_paragraphs_split_on_space_between(void **state)
{
    (void)state;
    stream s = {0};
    typeset(&s, 50, 100, 10, "Första stycket börjar här och");
    typeset(&s, 50, 112, 10, "slutar på andra raden.");
    typeset(&s, 50, 140, 10, "Andra stycket har en rad.");
    layout_page lp;
    build(&lp, &s, 1);
    assert_int_equal(lp.n_blocks, 2);
    assert_string_equal(lp.blocks[0].text, "Första stycket börjar här och slutar på andra raden.");
    assert_string_equal(lp.blocks[1].text, "Andra stycket har en rad.");
    layout_page_release(&lp);
}

static void test_two_columns_read_column_by_column(void **state)
{
    (void)state;
    stream s = {0};
    typeset(&s, 50, 60, 16, "Rubrik över båda spalterna");
    const char *left[] = {"vänster ett vänster ett", "vänster två vänster två",
                          "vänster tre slut."};
    const char *right[] = {"höger ett höger ett höger", "höger två höger två höger",
                           "höger tre slut."};
    for (int i = 0; i < 3; i++) {
        typeset(&s, 50, 100 + 12 * i, 10, left[i]);
        typeset(&s, 200, 100 + 12 * i, 10, right[i]);
    }
    layout_page lp;
    build(&lp, &s, 1);
    assert_int_equal(lp.n_blocks, 3);
    assert_string_equal(lp.blocks[0].text, "Rubrik över båda spalterna");
    assert_string_equal(lp.blocks[1].text,
                        "vänster ett vänster ett vänster två vänster två vänster tre slut.");
    assert_string_equal(lp.blocks[2].text,
                        "höger ett höger ett höger höger två höger två höger höger tre slut.");
    layout_page_release(&lp);
}

static void test_justified_gap_is_not_a_gutter(void **state)
{
    (void)state;
    stream s = {0};
    typeset(&s, 50, 100, 10, "en vanlig rad med text som fyller spalten");
    /* justified to the column's width: 1.7 em between words */
    typeset_spaced(&s, 50, 112, 10, "glesa orden står här nu också", 12);
    typeset(&s, 50, 124, 10, "en vanlig rad med text som fyller spalten.");
    layout_page lp;
    build(&lp, &s, 1);
    assert_int_equal(lp.n_blocks, 1);
    assert_string_equal(lp.lines[1].text, "glesa orden står här nu också");
    layout_page_release(&lp);
}

/* Two justified lines whose stretched spaces happen to overlap by more
 * than a word space: each row is one line, since the ragged last line of
 * the paragraph closes what would be a channel between columns. */
static void test_justified_gaps_that_meet_are_no_gutter(void **state)
{
    (void)state;
    stream s = {0};
    /* 1.5 em between words, both lines stretched to end at 120 */
    typeset_spaced(&s, 50, 100, 10, "om året nu", 10);
    typeset_spaced(&s, 50, 112, 10, "och så att", 10);
    typeset(&s, 50, 124, 10, "sammanhang ut.");
    layout_page lp;
    build(&lp, &s, 1);
    assert_int_equal(lp.n_lines, 3);
    assert_string_equal(lp.lines[0].text, "om året nu");
    assert_string_equal(lp.lines[1].text, "och så att");
    assert_int_equal(lp.n_blocks, 1);
    layout_page_release(&lp);
}

static void test_hyphenation_removed_in_blocks(void **state)
{
    (void)state;
    stream s = {0};
    typeset(&s, 50, 100, 10, "Arbets-");
    typeset(&s, 50, 112, 10, "sätten för IT-");
    typeset(&s, 50, 124, 10, "support i Barn-");
    typeset(&s, 50, 136, 10, "och utbildningsnämnden.");
    layout_page lp;
    build(&lp, &s, 1);
    assert_int_equal(lp.n_blocks, 1);
    assert_string_equal(lp.blocks[0].text,
                        "Arbetssätten för IT-support i Barn- och utbildningsnämnden.");
    layout_page_release(&lp);
}

static void test_table_reads_row_by_row(void **state)
{
    (void)state;
    stream s = {0};
    const char *rows[][3] = {{"(tkr)", "Budget 2020", "Bokfört 2020"},
                             {"Intäkter", "11,7", "16,6"},
                             {"Kostnader", "-85,1", "-82,7"}};
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 3; c++)
            typeset(&s, 50 + 120 * c, 100 + 14 * r, 10, rows[r][c]);
    layout_page lp;
    build(&lp, &s, 1);
    assert_int_equal(lp.n_blocks, 9);
    const char *want[] = {"(tkr)", "Budget 2020", "Bokfört 2020", "Intäkter", "11,7",
                          "16,6", "Kostnader", "-85,1", "-82,7"};
    for (int i = 0; i < 9; i++)
        assert_string_equal(lp.blocks[i].text, want[i]);
    layout_page_release(&lp);
}

static size_t utf8_length(const char *text)
{
    size_t n = 0;
    for (const char *end = text + strlen(text); text < end; n++)
        utf8_next(&text, end);
    return n;
}

/* Text set right-aligned at right, bold or not. */
static void typeset_right(stream *s, double right, double y, float size, const char *text,
                          bool bold)
{
    size_t start = s->n;
    typeset(s, right - 0.5 * size * (double)utf8_length(text), y, size, text);
    for (size_t i = start; i < s->n; i++)
        s->chars[i].bold = bold;
}

/* Rows of a label and two figures, right-aligned at 330 and 410, from
 * y 96 one every 14 pt. */
static void label_and_two_figures(stream *s, const char *const rows[][3], int n)
{
    for (int r = 0; r < n; r++) {
        typeset(s, 50, 96 + 14 * r, 9.5f, rows[r][0]);
        typeset_right(s, 330, 96 + 14 * r, 9.5f, rows[r][1], false);
        typeset_right(s, 410, 96 + 14 * r, 9.5f, rows[r][2], false);
    }
}

/* One detail table: a heading, a header row over three figure columns
 * (gap body lines under the heading), three data rows. Returns the y
 * under it. */
static double detail_table(stream *s, double y, const char *heading, const char *const head[3],
                           bool bold_header, double gap, const char *const *values)
{
    const float size = 9.5f;
    typeset_right(s, 50 + 0.5 * 10.5 * (double)utf8_length(heading), y, 10.5f, heading, true);
    y += 14 + gap * 14;
    for (int c = 0; c < 3; c++)
        typeset_right(s, 330 + 80 * c, y, size, head[c], bold_header);
    const char *labels[] = {"Intäkter", "Kostnader", "Nettokostnad"};
    for (int r = 0; r < 3; r++) {
        y += 14;
        typeset_right(s, 50 + 0.5 * size * (double)utf8_length(labels[r]), y, size, labels[r], false);
        for (int c = 0; c < 3; c++)
            typeset_right(s, 330 + 80 * c, y, size, values[3 * r + c], false);
    }
    return y + 24;
}

static size_t count_tables(stream *s, size_t *rows_each, size_t max)
{
    layout_page lp;
    found_table *tables;
    size_t n = detect_tables(s, NULL, &lp, &tables);
    for (size_t i = 0; i < n && i < max; i++)
        rows_each[i] = tables[i].t.n_rows;
    found_tables_free(tables, n);
    layout_page_release(&lp);
    return n;
}

/* Stacked tables: a heading and a header row between two tables start the
 * second, whatever the gap from the heading to the header (0 to 3 body
 * lines), whether the header names periods or only is set bold. */
static void test_stacked_tables_part_at_their_headers(void **state)
{
    (void)state;
    const char *values[] = {"236", "150", "-52", "-4 077", "-4 350", "139", "-3 841", "-4 200", "87"};
    const char *with_years[3] = {"Utfall 2019", "Budget 2020", "Avvikelse"};
    const char *words_only[3] = {"Utfall", "Budget", "Avvikelse"};
    const double gaps[] = {0, 0.5, 1, 2, 3};
    for (int bold = 0; bold <= 1; bold++)
        for (size_t g = 0; g < sizeof gaps / sizeof *gaps; g++) {
            const char *const *head = bold ? words_only : with_years;
            stream s = {0};
            double y = detail_table(&s, 100, "Nämnd och ledning", head, bold, gaps[g], values);
            detail_table(&s, y, "Plan och bygg", head, bold, gaps[g], values);
            size_t rows[4] = {0};
            size_t n = count_tables(&s, rows, 4);
            if (n != 2 || rows[0] != 3 || rows[1] != 3)
                fail_msg("%s header, gap %.1f lines: %zu tables (%zu, %zu rows), want 2 of 3",
                         bold ? "bold" : "year", gaps[g], n, rows[0], rows[1]);
        }
}

/* A bold line between figures of a table with no bold in it is a heading
 * that starts the next table ("Förslag till behandling av förlust" under
 * an equity table); in a table whose section rows are bold, a bold line
 * is one more section row. */
static void test_heading_in_a_new_type_parts_tables(void **state)
{
    (void)state;
    const char *labels[] = {"Belopp vid årets ingång", "Årets resultat", "Belopp vid årets utgång"};
    for (int bold_sections = 0; bold_sections <= 1; bold_sections++) {
        stream s = {0};
        double y = 100;
        if (bold_sections) {
            typeset_right(&s, 50 + 0.5 * 9.5 * 20, y, 9.5f, "Föreningens intäkter", true);
            y += 14;
        }
        for (int r = 0; r < 3; r++, y += 14) {
            typeset(&s, 50, y, 9.5f, labels[r]);
            typeset_right(&s, 330, y, 9.5f, r == 1 ? "-909" : "157", false);
            typeset_right(&s, 410, y, 9.5f, r == 1 ? "-421" : "158", false);
        }
        typeset_right(&s, 50 + 0.5 * 9.5 * 26, y + 6, 9.5f, "Förslag till behandling av", true);
        y += 26;
        for (int r = 0; r < 3; r++, y += 14) {
            typeset(&s, 50, y, 9.5f, labels[r]);
            typeset_right(&s, 330, y, 9.5f, "-716", false);
            typeset_right(&s, 410, y, 9.5f, "-530", false);
        }
        size_t rows[4] = {0};
        size_t n = count_tables(&s, rows, 4);
        if (n != (bold_sections ? 1u : 2u))
            fail_msg("%s section rows: %zu tables, want %d", bold_sections ? "bold" : "no bold", n,
                     bold_sections ? 1 : 2);
    }
}

/* But a row of text values over the figures (not bold, naming no period)
 * is a row of its table. */
static void test_text_values_stay_in_their_table(void **state)
{
    (void)state;
    stream s = {0};
    const char *values[] = {"236", "150", "-52", "-4 077", "-4 350", "139", "-3 841", "-4 200", "87"};
    const char *head[3] = {"Utfall 2019", "Budget 2020", "Avvikelse"};
    double y = detail_table(&s, 100, "Nämnd och ledning", head, false, 0, values) - 24;
    y += 14;
    typeset(&s, 50, y, 9.5f, "Bidrag");
    typeset_right(&s, 330, y, 9.5f, "Ej aktuellt", false);
    typeset_right(&s, 410, y, 9.5f, "Ej aktuellt", false);
    y += 14;
    typeset(&s, 50, y, 9.5f, "Avgifter");
    for (int c = 0; c < 3; c++)
        typeset_right(&s, 330 + 80 * c, y, 9.5f, "12", false);
    size_t rows[4] = {0};
    size_t n = count_tables(&s, rows, 4);
    assert_int_equal(n, 1);
    assert_int_equal(rows[0], 5);
}

/* The column labels of the page's first table, joined with " | ". */
static void first_table_labels(stream *s, char *out, size_t size)
{
    layout_page lp;
    found_table *tables;
    size_t n = detect_tables(s, NULL, &lp, &tables);
    out[0] = '\0';
    for (size_t k = 0; n > 0 && k < tables[0].t.n_columns; k++)
        snprintf(out + strlen(out), size - strlen(out), "%s%s", k ? " | " : "",
                 tables[0].t.columns[k].label ? tables[0].t.columns[k].label : "");
    found_tables_free(tables, n);
    layout_page_release(&lp);
}

/* A printout's head (run date, options) set right-aligned over the last
 * column, apart from the header by more than the table's leading (one
 * to three blank body lines), heads no column. A header
 * word wider than its figures still heads its column. */
static void test_page_head_over_the_figures_is_not_a_header(void **state)
{
    (void)state;
    /* no thousands spaces: this typesetting sets a space 0.5 em wide */
    const char *values[] = {"236", "150", "-52", "-477", "-435", "139", "-381", "-420", "87"};
    const char *head[3] = {"Ing saldo", "Förändring", "Utg saldo"};
    for (int lines = 1; lines <= 3; lines++) {
        stream s = {0};
        typeset_right(&s, 490, 40, 9.5f, "Utskrivet: 2026-02-22", true);
        typeset_right(&s, 490, 52, 9.5f, "Exakt notation", true);
        typeset_right(&s, 490, 64, 9.5f, "Alla använda konton", true);
        detail_table(&s, 64 + 14 * lines, "", head, true, 0, values);
        char labels[256];
        first_table_labels(&s, labels, sizeof labels);
        if (strcmp(labels, "Ing saldo | Förändring | Utg saldo") != 0)
            fail_msg("head %d blank lines over the header: labels '%s'", lines, labels);
    }
    stream s = {0};
    typeset_right(&s, 334, 100, 9.5f, "Ackumulerat", false);
    const char *labels_left[] = {"Intäkter", "Kostnader"};
    for (int r = 0; r < 2; r++) {
        typeset(&s, 50, 114 + 14 * r, 9.5f, labels_left[r]);
        typeset_right(&s, 330, 114 + 14 * r, 9.5f, r ? "-52,35" : "762,42", false);
    }
    char labels[256];
    first_table_labels(&s, labels, sizeof labels);
    assert_string_equal(labels, "Ackumulerat");
}

/* Years centred over narrow right-aligned figures head their columns,
 * though they stand over none of the figures; heads of columns the table
 * does not have (a header set again over a smaller table) head none. */
static void test_header_words_project_onto_the_figures(void **state)
{
    (void)state;
    stream s = {0};
    const char *years[3] = {"2022", "2021", "2020"};
    for (int c = 0; c < 3; c++)
        typeset_right(&s, 300 + 80 * c, 100, 9.5f, years[c], true);
    const char *labels[] = {"Heltid", "Deltid", "Totalt"};
    for (int r = 0; r < 3; r++) {
        typeset(&s, 50, 116 + 14 * r, 9.5f, labels[r]);
        for (int c = 0; c < 3; c++)
            typeset_right(&s, 322 + 80 * c, 116 + 14 * r, 9.5f, r == 2 ? "34" : "17", false);
    }
    char got[256];
    first_table_labels(&s, got, sizeof got);
    assert_string_equal(got, "2022 | 2021 | 2020");

    stream t = {0};
    const char *heads[4] = {"Värde", "Procent", "Ackumulerade", "Bokfört"};
    for (int c = 0; c < 4; c++)
        typeset_right(&t, 250 + 80 * c, 100, 9.5f, heads[c], true);
    for (int r = 0; r < 2; r++) {
        typeset(&t, 50, 116 + 14 * r, 9.5f, labels[r]);
        typeset_right(&t, 250, 116 + 14 * r, 9.5f, "1894", false);
        typeset_right(&t, 490, 116 + 14 * r, 9.5f, "1895", false);
    }
    first_table_labels(&t, got, sizeof got);
    assert_string_equal(got, "Värde | Bokfört");
}

/* Heads of tight columns set closer than a word space to each other
 * ("Ack." and "Avvikelse" run into one cell) are split at the grid the
 * figures show, each run of words to the column it is aligned with; a
 * group label centred over two columns, with heads under it, stays their
 * group. */
static void test_run_together_heads_split_at_the_grid(void **state)
{
    (void)state;
    const float size = 9.5f;
    const double rights[4] = {300, 345, 420, 452};
    stream s = {0};
    const char *group = "Utgifter sedan projektets start"; /* centred over the first two */
    typeset(&s, (276.25 + 345) / 2 - 0.25 * size * (double)utf8_length(group), 88, size, group);
    typeset_right(&s, 345, 100, size, "Ack. Avvikelse", true);  /* 2.25 pt between them */
    typeset_right(&s, 452, 100, size, "Budget 2025 Utfall", true);
    const char *labels[] = {"Ny inredning", "Ombyggnad", "Summa"};
    const char *figures[3][4] = {{"4,812", "0,015", "0,709", "0,694"},
                                 {"2,340", "0,235", "0,388", "0,153"},
                                 {"7,152", "0,250", "1,097", "0,847"}};
    for (int r = 0; r < 3; r++) {
        typeset(&s, 50, 116 + 14 * r, size, labels[r]);
        for (int c = 0; c < 4; c++)
            typeset_right(&s, rights[c], 116 + 14 * r, size, figures[r][c], false);
    }
    layout_page lp;
    found_table *tables;
    size_t n = detect_tables(&s, NULL, &lp, &tables);
    assert_int_equal(n, 1);
    const table *t = &tables[0].t;
    assert_int_equal(t->n_columns, 4);
    const char *want[4] = {"Ack.", "Avvikelse", "Budget 2025", "Utfall"};
    for (size_t k = 0; k < 4; k++)
        assert_string_equal(t->columns[k].label, want[k]);
    assert_string_equal(t->columns[0].group, group);
    assert_string_equal(t->columns[1].group, group);
    assert_null(t->columns[2].group);
    assert_null(t->columns[3].group);
    found_tables_free(tables, n);
    layout_page_release(&lp);
}

/* The labels and figures of the first table's rows, "label=f1/f2; ...". */
static void first_table_rows(stream *s, char *out, size_t size)
{
    layout_page lp;
    found_table *tables;
    size_t n = detect_tables(s, NULL, &lp, &tables);
    out[0] = '\0';
    for (size_t r = 0; n > 0 && r < tables[0].t.n_rows; r++) {
        const table_row *row = &tables[0].t.rows[r];
        snprintf(out + strlen(out), size - strlen(out), "%s%s=", r ? "; " : "", row->label);
        for (size_t k = 0; k < tables[0].t.n_columns; k++)
            snprintf(out + strlen(out), size - strlen(out), "%s%s", k ? "/" : "",
                     row->cells[k].text ? row->cells[k].text : "");
    }
    found_tables_free(tables, n);
    layout_page_release(&lp);
}

/* Rows are set 18 pt apart, the lines of a cell 11: a label line set as
 * tight as a cell's lines continues the row above whatever its first
 * letter ("Korsavad (6154)", "16–20 år"); a line in capitals over plain
 * items is a heading of its own however tight; figures set between two
 * label lines are that label's. */
static void test_rows_from_vertical_extents(void **state)
{
    (void)state;
    const float size = 9.5f;
    stream s = {0};
    typeset_right(&s, 330, 100, size, "2024", true);
    typeset_right(&s, 410, 100, size, "2023", true);
    double y = 118;
    typeset(&s, 50, y, size, "Ny teknik bowlinghall");
    typeset_right(&s, 330, y, size, "3000", false);
    typeset_right(&s, 410, y, size, "2117", false);
    typeset(&s, 50, y += 11, size, "Korsavad (6154)");
    typeset(&s, 50, y += 18, size, "Ungdomar");
    typeset_right(&s, 330, y, size, "412", false);
    typeset_right(&s, 410, y, size, "398", false);
    typeset(&s, 50, y += 11, size, "16–20 år");
    typeset(&s, 50, y += 18, size, "Inventarier");
    typeset_right(&s, 330, y, size, "120", false);
    typeset_right(&s, 410, y, size, "110", false);
    typeset(&s, 50, y += 18, size, "Konst");
    typeset_right(&s, 330, y, size, "80", false);
    typeset_right(&s, 410, y, size, "70", false);
    typeset(&s, 50, y += 18, size, "INVESTERINGAR");
    typeset_right(&s, 330, y, size, "200", false);
    typeset_right(&s, 410, y, size, "180", false);
    typeset(&s, 50, y += 18, size, "Laddinfrastruktur vid");
    typeset_right(&s, 330, y + 5.5, size, "-1500", false);
    typeset_right(&s, 410, y + 5.5, size, "-930", false);
    typeset(&s, 50, y += 11, size, "Kommunens parkeringar");
    typeset(&s, 50, y += 18, size, "Summa");
    typeset_right(&s, 330, y, size, "1912", false);
    typeset_right(&s, 410, y, size, "1585", false);
    typeset(&s, 50, y += 18, size, "FINANSIELLA POSTER");
    typeset(&s, 50, y += 11, size, "Ränteintäkter");
    typeset_right(&s, 330, y, size, "50", false);
    typeset_right(&s, 410, y, size, "40", false);
    typeset(&s, 50, y += 11, size, "och liknande poster");   /* after the last row */
    typeset(&s, 50, y += 11, size, "*avser bankräntor");     /* a note under the table */
    char got[512];
    first_table_rows(&s, got, sizeof got);
    assert_string_equal(got, "Ny teknik bowlinghall Korsavad (6154)=3000/2117; "
                             "Ungdomar 16–20 år=412/398; Inventarier=120/110; Konst=80/70; "
                             "INVESTERINGAR=200/180; "
                             "Laddinfrastruktur vid Kommunens parkeringar=-1500/-930; "
                             "Summa=1912/1585; FINANSIELLA POSTER=/; "
                             "Ränteintäkter och liknande poster=50/40");
}

/* The table recogniser over synthetic pages, as the pipeline runs it, in
 * a document of type (NULL: none found). */
static arsred_document *read_tables_of_type(stream *pages, int n_pages, const char *type)
{
    arsred_error err = {0};
    arsred_patterns *patterns = arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    assert_non_null(patterns);
    arsred_document *doc = report_new("synthetic.pdf");
    doc->type = type ? xstrdup(type) : NULL;
    void *state = table_recogniser.start(doc, patterns);
    for (int p = 0; p < n_pages; p++) {
        layout_page lp;
        build(&lp, &pages[p], p + 1);
        lp.n_tables = tables_detect(&lp, patterns, &lp.tables);
        table_recogniser.page(state, &lp, doc);
        found_tables_free(lp.tables, lp.n_tables);
        layout_page_release(&lp);
    }
    table_recogniser.finish(state, doc);
    table_assign_period_kinds(doc, patterns);
    arsred_patterns_free(patterns);
    return doc;
}

static arsred_document *read_tables(stream *pages, int n_pages)
{
    return read_tables_of_type(pages, n_pages, NULL);
}

/* Rows "Konto N" with three figures each, from y, one every 14 pt. */
static double figure_rows(stream *s, double y, int first, int n)
{
    for (int r = 0; r < n; r++, y += 14) {
        char label[32], figure[16];
        snprintf(label, sizeof label, "Konto %d", first + r);
        typeset(s, 50, y, 9.5f, label);
        for (int c = 0; c < 3; c++) {
            snprintf(figure, sizeof figure, "%d", 13 * (first + r) + 5 * c); /* no year among them */
            typeset_right(s, 330 + 80 * c, y, 9.5f, figure, false);
        }
    }
    return y;
}

/* Row kinds by the table: in an income statement the items under a
 * heading of costs are costs; a ratio is no net. */
static void test_row_kinds_follow_the_statement(void **state)
{
    (void)state;
    stream page = {0};
    typeset_right(&page, 50 + 0.5 * 10.5 * 15, 60, 10.5f, "Resultaträkning", true);
    typeset_right(&page, 330, 80, 9.5f, "2024", true);
    typeset_right(&page, 410, 80, 9.5f, "2023", true);
    const char *rows[][3] = {{"Rörelseintäkter", NULL, NULL}, {"Nettoomsättning", "100", "90"},
                             {"Övriga intäkter", "10", "9"}, {"Rörelsekostnader", NULL, NULL},
                             {"Driftskostnader", "-50", "-45"}, {"Avskrivningar", "-20", "-20"},
                             {"Summa rörelsekostnader", "-70", "-65"}, {"Rörelseresultat", "40", "34"},
                             {"Rörelseresultat per kvm", "4", "3"}};
    double y = 96;
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++, y += 14) {
        typeset(&page, 50, y, 9.5f, rows[r][0]);
        for (int c = 0; c < 2 && rows[r][1]; c++)
            typeset_right(&page, 330 + 80 * c, y, 9.5f, rows[r][1 + c], false);
    }
    arsred_document *doc = read_tables(&page, 1);
    assert_int_equal(doc->n_tables, 1);
    const table *t = &doc->tables[0];
    assert_string_equal(t->title, "Resultaträkning");
    const row_kind want[] = {ROW_REVENUE, ROW_REVENUE, ROW_REVENUE, ROW_COST, ROW_COST,
                             ROW_COST, ROW_TOTAL, ROW_NET, ROW_ITEM};
    assert_int_equal(t->n_rows, sizeof want / sizeof *want);
    for (size_t r = 0; r < t->n_rows; r++)
        assert_int_equal(t->rows[r].kind, want[r]);
    arsred_document_free(doc);
}

/* An approximate figure keeps its value, marked approx; a row of them
 * is a row of figures. */
static void test_approximate_figures(void **state)
{
    (void)state;
    stream page = {0};
    typeset_right(&page, 50 + 0.5 * 10.5 * 9, 60, 10.5f, "Besökare", true);
    typeset_right(&page, 330, 80, 9.5f, "2024", true);
    typeset_right(&page, 410, 80, 9.5f, "2023", true);
    /* no thousands spaces: this typesetting sets a space 0.5 em wide */
    const char *rows[][3] = {{"Biblioteket", "ca 1200", "~1150"}, {"Simhallen", "40", "38"},
                             {"Konsthallen", "ung. 116000", "112400"}};
    label_and_two_figures(&page, rows, 3);
    arsred_document *doc = read_tables(&page, 1);
    assert_int_equal(doc->n_tables, 1);
    const table *t = &doc->tables[0];
    const double want[3][2] = {{1200, 1150}, {40, 38}, {116000, 112400}};
    const bool approx[3][2] = {{true, true}, {false, false}, {true, false}};
    for (int r = 0; r < 3; r++)
        for (int k = 0; k < 2; k++) {
            assert_true(t->rows[r].cells[k].has_value);
            assert_int_equal(t->rows[r].cells[k].approx, approx[r][k]);
            assert_true(t->rows[r].cells[k].value == want[r][k]);
        }
    arsred_document_free(doc);
}

/* A column headed by a bare year holds that year's outcome in an annual
 * report, and its budget in a plan ("Mål och budget"). */
static void test_bare_years_by_the_document(void **state)
{
    (void)state;
    const char *types[2] = {"årsredovisning", "Mål och budget"};
    const column_kind want[2] = {COLUMN_ACTUAL, COLUMN_BUDGET};
    for (int d = 0; d < 2; d++) {
        stream page = {0};
        typeset_right(&page, 50 + 0.5 * 10.5 * 13, 60, 10.5f, "Nettokostnad", true);
        typeset_right(&page, 330, 80, 9.5f, "2025", true);
        typeset_right(&page, 410, 80, 9.5f, "2026", true);
        figure_rows(&page, 96, 1, 3);
        arsred_document *doc = read_tables_of_type(&page, 1, types[d]);
        assert_int_equal(doc->n_tables, 1);
        for (size_t k = 0; k < 2; k++) {
            assert_int_equal(doc->tables[0].columns[k].kind, want[d]);
            assert_true(doc->tables[0].columns[k].period_only);
        }
        arsred_document_free(doc);
    }
}

/* A column with a figure that can only be English ("3,983,166.42") reads
 * its "1,234" as 1234; a Swedish column beside it reads "1,250" as 1.25. */
static void test_english_columns(void **state)
{
    (void)state;
    stream page = {0};
    typeset_right(&page, 330, 80, 9.5f, "USD", true);
    typeset_right(&page, 410, 80, 9.5f, "Andel", true);
    const char *rows[][3] = {{"Intäkter", "3,983,166.42", "1,250"}, {"Avgifter", "1,234", "0,5"},
                             {"Övrigt", "-12,509.15", "2,125"}};
    label_and_two_figures(&page, rows, 3);
    layout_page lp;
    found_table *tables;
    size_t n = detect_tables(&page, NULL, &lp, &tables);
    assert_int_equal(n, 1);
    const table *t = &tables[0].t;
    assert_int_equal(t->n_rows, 3);
    const double want[3][2] = {{3983166.42, 1.25}, {1234, 0.5}, {-12509.15, 2.125}};
    for (int r = 0; r < 3; r++)
        for (int k = 0; k < 2; k++) {
            assert_true(t->rows[r].cells[k].has_value);
            assert_true(fabs(t->rows[r].cells[k].value - want[r][k]) < 1e-9);
        }
    found_tables_free(tables, n);
    layout_page_release(&lp);
}

/* Sets a number right-aligned at right, its groups of digits space apart
 * ("12 345" with a thin space), as a typesetter does; returns its left edge. */
static double number_at(stream *s, double right, double y, float size, const char *groups,
                        double space)
{
    char copy[64];
    snprintf(copy, sizeof copy, "%s", groups);
    double x = right;
    for (char *g = strrchr(copy, ' '); ; g = strrchr(copy, ' ')) {
        const char *group = g ? g + 1 : copy;
        x -= 0.5 * size * (double)strlen(group);
        typeset(s, x, y, size, group);
        if (!g)
            break;
        *g = '\0';
        x -= space;
    }
    return x;
}

/* Figures of two columns set closer than a word space run together in
 * one row ("12 345" | "678"): the space before "678" is wider than the
 * space inside "12 345", so the run splits there. */
static void test_touching_figures_split(void **state)
{
    (void)state;
    const float size = 9.5f;
    const double thin = 1.9; /* a fifth of an em between groups */
    stream s = {0};
    typeset_right(&s, 330, 80, size, "2024", true);
    typeset_right(&s, 347.75, 80, size, "2023", true);
    /* 3.5 pt between the columns: under the widest space inside a number */
    const char *col0[3] = {"12 345", "8 120", "20 465"}, *col1[3] = {"678", "915", "693"};
    const char *labels[3] = {"Intäkter", "Kostnader", "Summa"};
    for (int r = 0; r < 3; r++) {
        double y = 96 + 14 * r;
        typeset(&s, 50, y, size, labels[r]);
        number_at(&s, 330, y, size, col0[r], thin);
        number_at(&s, 347.75, y, size, col1[r], thin);
    }
    layout_page lp;
    found_table *tables;
    size_t n = detect_tables(&s, NULL, &lp, &tables);
    assert_int_equal(n, 1);
    const table *t = &tables[0].t;
    assert_int_equal(t->n_columns, 2);
    const double want[3][2] = {{12345, 678}, {8120, 915}, {20465, 693}};
    for (int r = 0; r < 3; r++)
        for (int k = 0; k < 2; k++)
            assert_true(t->rows[r].cells[k].value == want[r][k]);
    found_tables_free(tables, n);
    layout_page_release(&lp);
}

/* A head word broken over two lines without a hyphen is joined whole
 * where only the joined form is a column word ("Avvik" / "else"); other
 * heads keep their space ("Utfall" / "helår"). */
static void test_broken_head_words_joined(void **state)
{
    (void)state;
    arsred_error err = {0};
    arsred_patterns *patterns = arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    assert_non_null(patterns);
    const float size = 9.5f;
    const char *top[4] = {"Budget", "Utfall", "Avvik", "Budgetav"};
    const char *bottom[4] = {"2024", "helår", "else", "vikelse"};
    stream s = {0};
    for (int c = 0; c < 4; c++) {
        typeset_right(&s, 300 + 70 * c, 86, size, top[c], true);
        typeset_right(&s, 300 + 70 * c, 97, size, bottom[c], true);
    }
    const char *labels[3] = {"Intäkter", "Kostnader", "Netto"};
    for (int r = 0; r < 3; r++) {
        typeset(&s, 50, 112 + 14 * r, size, labels[r]);
        for (int c = 0; c < 4; c++)
            typeset_right(&s, 300 + 70 * c, 112 + 14 * r, size, c == 3 ? "-12" : "345", false);
    }
    layout_page lp;
    found_table *tables;
    size_t n = detect_tables(&s, patterns, &lp, &tables);
    assert_int_equal(n, 1);
    const char *want[4] = {"Budget 2024", "Utfall helår", "Avvikelse", "Budgetavvikelse"};
    assert_int_equal(tables[0].t.n_columns, 4);
    for (size_t k = 0; k < 4; k++)
        assert_string_equal(tables[0].t.columns[k].label, want[k]);
    found_tables_free(tables, n);
    layout_page_release(&lp);
    arsred_patterns_free(patterns);
}

/* A printout's head, set again on every page with its page number. */
static void printout_head(stream *s, int page)
{
    char run[64];
    snprintf(run, sizeof run, "Utskrivet 2026-02-22 Sida %d", page);
    typeset_right(s, 200, 40, 12, "Resultatrapport", true);
    typeset_right(s, 490, 40, 9.5f, run, false);
    typeset_right(s, 490, 52, 9.5f, "Alla konton", false);
}

/* A table that runs to the foot of its page goes on overleaf under the
 * page's head repeated, with its header or without: one table, named by
 * the head's title. */
static void test_table_goes_on_under_a_repeated_page_head(void **state)
{
    (void)state;
    const char *head[3] = {"Period", "Ackumulerat", "Fg år"};
    for (int repeat_header = 0; repeat_header <= 1; repeat_header++) {
        stream pages[2] = {{0}, {0}};
        printout_head(&pages[0], 1);
        for (int c = 0; c < 3; c++)
            typeset_right(&pages[0], 330 + 80 * c, 90, 9.5f, head[c], true);
        figure_rows(&pages[0], 110, 1, 50);
        printout_head(&pages[1], 2);
        if (repeat_header)
            for (int c = 0; c < 3; c++)
                typeset_right(&pages[1], 330 + 80 * c, 90, 9.5f, head[c], true);
        figure_rows(&pages[1], 110, 51, 10);
        arsred_document *doc = read_tables(pages, 2);
        if (doc->n_tables != 1)
            fail_msg("header %s: %zu tables, want 1", repeat_header ? "repeated" : "not repeated",
                     doc->n_tables);
        assert_int_equal(doc->tables[0].last_page, 2);
        assert_int_equal(doc->tables[0].n_rows, 60);
        assert_string_equal(doc->tables[0].title, "Resultatrapport");
        assert_string_equal(doc->tables[0].columns[1].label, "Ackumulerat");
        arsred_document_free(doc);
    }
}

/* A balance sheet goes on overleaf under a sub-heading set as its own
 * section rows are, with no header: one table, the sub-heading a row. A
 * heading in another type there starts a new table. */
static void test_table_goes_on_under_its_sub_heading(void **state)
{
    (void)state;
    const char *head[3] = {"Not", "2024-12-31", "2023-12-31"};
    for (int other_type = 0; other_type <= 1; other_type++) {
        stream pages[2] = {{0}, {0}};
        typeset_right(&pages[0], 50 + 0.5 * 14 * 13, 50, 14, "Balansräkning", true);
        for (int c = 0; c < 3; c++)
            typeset_right(&pages[0], 330 + 80 * c, 80, 9.5f, head[c], true);
        typeset_right(&pages[0], 50 + 0.5 * 9.5 * 10, 96, 9.5f, "Tillgångar", true);
        figure_rows(&pages[0], 110, 1, 50);
        const char *sub = "Eget kapital och skulder";
        float size = other_type ? 12 : 9.5f;
        typeset_right(&pages[1], 50 + 0.5 * size * (double)utf8_length(sub), 60, size, sub, true);
        figure_rows(&pages[1], 80, 51, 10);
        arsred_document *doc = read_tables(pages, 2);
        if (doc->n_tables != (other_type ? 2u : 1u))
            fail_msg("sub-heading in %s type: %zu tables", other_type ? "another" : "the section rows'",
                     doc->n_tables);
        if (!other_type) {
            assert_int_equal(doc->tables[0].last_page, 2);
            assert_int_equal(doc->tables[0].n_rows, 62);
            assert_string_equal(doc->tables[0].rows[51].label, sub);
        }
        arsred_document_free(doc);
    }
}

/* "Not 6" and its name, two heading blocks on one line, name the table
 * together; a table with no heading on its page has no title (not the
 * heading of the page before) and a warning says so. */
static void test_titles_come_from_the_tables_page(void **state)
{
    (void)state;
    const char *head[3] = {"2023", "2022", "2021"};
    stream pages[2] = {{0}, {0}};
    typeset_right(&pages[0], 50 + 0.5 * 10.5 * 5, 60, 10.5f, "Not 6", true);
    typeset_right(&pages[0], 100 + 0.5 * 10.5 * 18, 60, 10.5f, "Byggnader och mark", true);
    for (int c = 0; c < 3; c++)
        typeset_right(&pages[0], 330 + 80 * c, 80, 9.5f, head[c], true);
    double y = figure_rows(&pages[0], 96, 1, 4);
    typeset(&pages[0], 50, y + 20, 10, "Byggnaderna skrivs av över femtio år enligt plan.");
    for (int c = 0; c < 3; c++)
        typeset_right(&pages[1], 330 + 80 * c, 80, 9.5f, head[c], true);
    figure_rows(&pages[1], 96, 5, 4);
    arsred_document *doc = read_tables(pages, 2);
    assert_int_equal(doc->n_tables, 2);
    assert_string_equal(doc->tables[0].title, "Not 6 Byggnader och mark");
    assert_null(doc->tables[1].title);
    bool warned = false;
    for (size_t i = 0; i < doc->n_warnings; i++)
        warned = warned || (strcmp(doc->warnings[i].code, "table-untitled") == 0 && doc->warnings[i].page == 2);
    assert_true(warned);
    arsred_document_free(doc);
}

static void test_headers_and_page_numbers_are_furniture(void **state)
{
    (void)state;
    arsred_error err = {0};
    arsred_patterns *patterns =
        arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    assert_non_null(patterns);
    furniture *f = furniture_new(patterns);
    layout_page pages[5];
    for (int p = 0; p < 5; p++) {
        stream s = {0};
        char number[8];
        snprintf(number, sizeof number, "%d", p + 1);
        typeset(&s, 50, 30, 8, "Kommunstyrelsen – Årsredovisning 2020");
        typeset(&s, 50, 300, 10, p % 2 ? "Brödtext på en udda sida." : "Annan brödtext här.");
        typeset(&s, 290, 800, 8, number);
        build(&pages[p], &s, p + 1);
        furniture_add_page(f, &pages[p]);
    }
    for (int p = 0; p < 5; p++) {
        furniture_mark(f, &pages[p]);
        assert_int_equal(pages[p].n_blocks, 3);
        for (size_t b = 0; b < pages[p].n_blocks; b++) {
            const block *bl = &pages[p].blocks[b];
            bool body = strstr(bl->text, "brödtext") || strstr(bl->text, "Brödtext");
            assert_int_equal(bl->furniture, !body);
        }
        layout_page_release(&pages[p]);
    }
    furniture_free(f);
    arsred_patterns_free(patterns);
}

/* A report of a cover and one page: no repetition to go by, but the
 * footer stands on the page number's row, in a smaller type, set off from
 * the body. A footnote above it, with its mark, is no footer. */
static void test_footer_beside_the_page_number_of_a_short_report(void **state)
{
    (void)state;
    arsred_error err = {0};
    arsred_patterns *patterns =
        arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    assert_non_null(patterns);
    furniture *f = furniture_new(patterns);
    layout_page pages[2];
    stream s = {0};
    typeset(&s, 50, 300, 24, "Brf Exempel");
    build(&pages[0], &s, 1);
    typeset(&s, 50, 100, 10, "Brödtexten på sidan går över tre rader och");
    typeset(&s, 50, 112, 10, "slutar inte förrän på den tredje av dem,");
    typeset(&s, 50, 124, 10, "som här.");
    typeset(&s, 50, 750, 8, "1");
    typeset(&s, 62, 750, 8, "En fotnot i liten stil som");
    typeset(&s, 62, 760, 8, "går över två rader.");
    typeset(&s, 50, 800, 8, "Brf Exempel – Årsredovisning 2023");
    typeset(&s, 500, 800, 8, "2");
    build(&pages[1], &s, 2);
    for (int p = 0; p < 2; p++)
        furniture_add_page(f, &pages[p]);
    furniture_mark(f, &pages[1]);
    size_t furniture_blocks = 0;
    for (size_t b = 0; b < pages[1].n_blocks; b++) {
        const block *bl = &pages[1].blocks[b];
        bool footer = strstr(bl->text, "Årsredovisning") || strcmp(bl->text, "2") == 0;
        assert_int_equal(bl->furniture, footer);
        furniture_blocks += bl->furniture;
    }
    assert_int_equal(furniture_blocks, 2);
    for (int p = 0; p < 2; p++)
        layout_page_release(&pages[p]);
    furniture_free(f);
    arsred_patterns_free(patterns);
}

static void test_paragraph_continues_across_columns(void **state)
{
    (void)state;
    stream s = {0};
    typeset(&s, 50, 100, 10, "I allt detta har kommunstyrelsen och");
    typeset(&s, 50, 112, 10, "dess verksamheter skapat gemen-");
    typeset(&s, 300, 100, 10, "samma lösningar med andra parter.");
    typeset(&s, 300, 112, 10, "Beslut och riktlinjer har tolkats.");
    layout_page lp;
    build(&lp, &s, 1);
    paragraph_state ps = {0};
    layout_mark_continuations(&lp, &ps);
    assert_int_equal(lp.n_blocks, 2);
    assert_false(lp.blocks[0].continues);
    assert_true(lp.blocks[1].continues);
    layout_page_release(&lp);
}

/* The words near a band are those whose boxes reach into it, from a
 * range of the rows (not the whole page), on a page of 200 rows with a
 * row set a little off its neighbours' baseline. */
/* The same two paragraphs upright and on a page turned a quarter either
 * way (as a viewer shows a page with /Rotate 90 or 270): read the same,
 * with the same boxes once turned back. A credit up the margin of an
 * upright page turns nothing. */
static void typeset_paragraphs(stream *s)
{
    typeset(s, 50, 100, 10, "Nettokostnaden ökade med 4,2 procent");
    typeset(s, 50, 112, 10, "jämfört med föregående år.");
    typeset(s, 50, 140, 10, "Resultatet blev 12,5 mnkr.");
}

static void test_sideways_page_read_turned(void **state)
{
    (void)state;
    stream s = {0};
    typeset_paragraphs(&s);
    layout_page upright;
    build(&upright, &s, 1);
    assert_int_equal(upright.turn, TURN_NONE);
    const quarter_turn shown[] = {TURN_CLOCKWISE, TURN_ANTICLOCKWISE};
    const quarter_turn read[] = {TURN_ANTICLOCKWISE, TURN_CLOCKWISE};
    for (size_t k = 0; k < 2; k++) {
        typeset_paragraphs(&s);
        for (size_t i = 0; i < s.n; i++)
            s.chars[i].box = box_turned(s.chars[i].box, shown[k], 595, 842);
        pdf_page page = {.number = 1, .width = 842, .height = 595, .chars = s.chars, .n_chars = s.n};
        layout_page lp;
        layout_page_build(&lp, &page, NULL);
        free(s.chars);
        memset(&s, 0, sizeof s);
        assert_int_equal(lp.turn, read[k]);
        assert_true(lp.width == 595 && lp.height == 842);
        assert_int_equal(lp.n_blocks, upright.n_blocks);
        for (size_t b = 0; b < lp.n_blocks; b++) {
            assert_string_equal(lp.blocks[b].text, upright.blocks[b].text);
            assert_true(fabs(lp.blocks[b].box.x0 - upright.blocks[b].box.x0) < 1e-9);
            assert_true(fabs(lp.blocks[b].box.y1 - upright.blocks[b].box.y1) < 1e-9);
            box back = box_unturned(lp.blocks[b].box, lp.turn, 842, 595);
            box want = box_turned(upright.blocks[b].box, shown[k], 595, 842);
            assert_true(fabs(back.x0 - want.x0) < 1e-9 && fabs(back.y1 - want.y1) < 1e-9);
        }
        layout_page_release(&lp);
    }
    layout_page_release(&upright);

    typeset(&s, 50, 100, 20, "Årsredovisning 2024");
    /* up the left margin in small type, longer than the title */
    const char *credit = "Foto: Anna Andersson, Mostphotos. Omslag: Studio Norr";
    for (size_t i = 0; credit[i]; i++) {
        double y = 800 - 8.0 * (double)i;
        pdf_char c = {.cp = (unsigned char)credit[i], .box = {20, y - 8, 28, y}, .size = 8};
        ARRAY_PUSH(s.chars, s.n, s.cap, c);
    }
    layout_page cover;
    build(&cover, &s, 1);
    assert_int_equal(cover.turn, TURN_NONE);
    layout_page_release(&cover);
}

/* Sets text up the page from (x, y), as a label stood on end: each
 * character 0.5 em tall and 1 em wide, the next above it. */
static void typeset_up(stream *s, double x, double y, float size, const char *text)
{
    const char *end = text + strlen(text);
    while (text < end) {
        uint32_t cp = utf8_next(&text, end);
        double h = 0.5 * size;
        pdf_char c = {.cp = cp, .box = {x, y - h, x + size, y}, .size = size};
        ARRAY_PUSH(s->chars, s->n, s->cap, c);
        y -= h;
    }
}

/* Upright pages with much text on end keep their heading and lines
 * upright: a chart whose category labels stand on end, a cover with its
 * title up the side. Neither is turned. */
static void test_labels_on_end_turn_no_page(void **state)
{
    (void)state;
    static const char *const labels[] = {
        "Förskola och pedagogisk omsorg", "Grundskola och förskoleklass", "Gymnasieskola",
        "Vuxenutbildning och SFI", "Äldreomsorg, särskilt boende", "Hemtjänst och hemsjukvård",
        "Individ- och familjeomsorg", "Funktionsstöd enligt LSS", "Kultur och fritid",
        "Teknisk förvaltning, gata", "Samhällsbyggnad och miljö", "Kommunstyrelsens förvaltning"};
    stream s = {0};
    typeset(&s, 50, 60, 14, "Nettokostnad per verksamhet 2023");
    const char *ticks[] = {"100 000", "75 000", "50 000", "25 000", "0"};
    for (size_t i = 0; i < 5; i++)
        typeset(&s, 50, 100 + 60.0 * (double)i, 8, ticks[i]);
    for (size_t i = 0; i < 12; i++)
        typeset_up(&s, 90 + 36.0 * (double)i, 560, 9, labels[i]);
    typeset(&s, 50, 580, 8, "Källa: ekonomiavdelningen, bokslut 2023");
    layout_page chart;
    build(&chart, &s, 1);
    assert_int_equal(chart.turn, TURN_NONE);
    bool tick_whole = false;
    for (size_t b = 0; b < chart.n_blocks; b++)
        tick_whole = tick_whole || strcmp(chart.blocks[b].text, "100 000") == 0;
    assert_true(tick_whole);
    layout_page_release(&chart);

    typeset_up(&s, 60, 800, 54, "ÅRSREDOVISNING 2023 KVARNBÄCKENS KOMMUN");
    typeset(&s, 200, 700, 10, "Kvarnbäckens kommun");
    typeset(&s, 200, 714, 10, "Antagen av kommunfullmäktige 2024-04-22");
    layout_page cover;
    build(&cover, &s, 1);
    assert_int_equal(cover.turn, TURN_NONE);
    layout_page_release(&cover);
}

static void test_words_near_a_band(void **state)
{
    (void)state;
    stream s = {0};
    for (int row = 0; row < 200; row++) {
        char text[64];
        snprintf(text, sizeof text, "rad %d och mer text", row);
        typeset(&s, 50, 20 + 4 * row, 3, text);
        typeset(&s, 300, 20 + 4 * row + (row == 100 ? 1.2 : 0), 3, "höger");
    }
    layout_page lp;
    build(&lp, &s, 1);
    box band = {0, 420.5, 595, 421.5}; /* rows 100 (at 420) and the one shifted */
    size_t lo, hi;
    layout_words_near(&lp, band.y0, band.y1, &lo, &hi);
    assert_true(hi - lo < 20);
    size_t found = 0;
    for (size_t i = 0; i < lp.n_words; i++) {
        const box *w = &lp.words[i].box;
        if (w->y1 >= band.y0 && w->y0 <= band.y1) {
            assert_true(i >= lo && i < hi);
            found++;
        }
    }
    assert_int_equal(found, 6); /* "rad 100 och mer text" and "höger" */
    layout_page_release(&lp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_split_at_spaces_and_gaps),
        cmocka_unit_test(test_number_spaces_kept_in_lines),
        cmocka_unit_test(test_superscript_digit_is_a_note),
        cmocka_unit_test(test_paragraphs_split_on_space_between),
        cmocka_unit_test(test_two_columns_read_column_by_column),
        cmocka_unit_test(test_justified_gap_is_not_a_gutter),
        cmocka_unit_test(test_justified_gaps_that_meet_are_no_gutter),
        cmocka_unit_test(test_hyphenation_removed_in_blocks),
        cmocka_unit_test(test_table_reads_row_by_row),
        cmocka_unit_test(test_headers_and_page_numbers_are_furniture),
        cmocka_unit_test(test_footer_beside_the_page_number_of_a_short_report),
        cmocka_unit_test(test_paragraph_continues_across_columns),
        cmocka_unit_test(test_words_near_a_band),
        cmocka_unit_test(test_sideways_page_read_turned),
        cmocka_unit_test(test_labels_on_end_turn_no_page),
        cmocka_unit_test(test_stacked_tables_part_at_their_headers),
        cmocka_unit_test(test_page_head_over_the_figures_is_not_a_header),
        cmocka_unit_test(test_heading_in_a_new_type_parts_tables),
        cmocka_unit_test(test_header_words_project_onto_the_figures),
        cmocka_unit_test(test_run_together_heads_split_at_the_grid),
        cmocka_unit_test(test_rows_from_vertical_extents),
        cmocka_unit_test(test_table_goes_on_under_a_repeated_page_head),
        cmocka_unit_test(test_table_goes_on_under_its_sub_heading),
        cmocka_unit_test(test_titles_come_from_the_tables_page),
        cmocka_unit_test(test_row_kinds_follow_the_statement),
        cmocka_unit_test(test_approximate_figures),
        cmocka_unit_test(test_bare_years_by_the_document),
        cmocka_unit_test(test_english_columns),
        cmocka_unit_test(test_touching_figures_split),
        cmocka_unit_test(test_broken_head_words_joined),
        cmocka_unit_test(test_text_values_stay_in_their_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
