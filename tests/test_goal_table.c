/* test_goal_table.c: goal and assignment tables on synthetic pages, read
 * by their column heads. Each character is 0.5 em wide and 1 em high;
 * cells are set apart by gaps, as producers set them. Statuses here are
 * words (marks need a rendered page: the fixtures and the variation
 * harness cover them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "goal_table.h"
#include "layout.h"
#include "pattern.h"
#include "util.h"

typedef struct stream {
    pdf_char *chars;
    size_t n, cap;
} stream;

static arsred_patterns *patterns;

static int load_patterns(void **state)
{
    (void)state;
    arsred_error err = {0};
    patterns = arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    return patterns ? 0 : -1;
}

static int free_patterns(void **state)
{
    (void)state;
    arsred_patterns_free(patterns);
    return 0;
}

/* Sets text at (x, y) in size pt (bold where asked), ending the line. */
static void set_text(stream *s, double x, double y, float size, bool bold, const char *text)
{
    const char *end = text + strlen(text);
    while (text < end) {
        uint32_t cp = utf8_next(&text, end);
        pdf_char c = {.cp = cp, .box = {x, y, x + 0.5 * size, y + size}, .size = size,
                      .bold = bold};
        ARRAY_PUSH(s->chars, s->n, s->cap, c);
        x += 0.5 * size;
    }
    pdf_char nl = {.cp = '\n', .box = {x, y, x, y + size}, .size = size};
    ARRAY_PUSH(s->chars, s->n, s->cap, nl);
}

static void set(stream *s, double x, double y, const char *text)
{
    set_text(s, x, y, 9, false, text);
}

/* One row of cells at the x positions given (NULL: an empty cell). */
static void set_row(stream *s, double y, const double *xs, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cells[i])
            set(s, xs[i], y, cells[i]);
}

static const double COLUMNS[] = {60, 90, 330, 420};

static void heads(stream *s, double y)
{
    const char *const h[] = {"Nr", "Mål", "Bedömning", "Kommentar"};
    set_row(s, y, COLUMNS, h, 4);
}

/* A page laid out and its goal tables read. */
typedef struct page_read {
    layout_page lp;
    bool *claimed;
    goal_table *tables;
    size_t n;
} page_read;

/* Lays out s as page number and reads its goal tables with reader. */
static page_read read_page(goal_table_reader *reader, stream *s, int number)
{
    page_read pr;
    pdf_page page = {.number = number, .width = 595, .height = 842, .chars = s->chars,
                     .n_chars = s->n};
    layout_page_build(&pr.lp, &page, NULL);
    free(s->chars);
    memset(s, 0, sizeof *s);
    pr.claimed = xcalloc(pr.lp.n_lines ? pr.lp.n_lines : 1, sizeof *pr.claimed);
    pr.n = goal_tables_read(reader, &pr.lp, pr.claimed, &pr.tables);
    return pr;
}

static goal_table_reader new_reader(void)
{
    goal_table_reader r = {.patterns = patterns};
    r.glyphs.glyph = patterns_find(patterns, "goal.mark-glyph");
    return r;
}

static void assert_cell(const goal_table_row *row, goal_role role, const char *want)
{
    if (!want) {
        assert_null(row->cell[role]);
        return;
    }
    assert_non_null(row->cell[role]);
    assert_string_equal(row->cell[role], want);
}

static void release(page_read *pr)
{
    goal_tables_free(pr->tables, pr->n);
    free(pr->claimed);
    layout_page_release(&pr->lp);
}

static void test_rows_by_number_with_wrapped_cells(void **state)
{
    (void)state;
    stream s = {0};
    set(&s, 60, 80, "Nämnden har två mål för året.");
    heads(&s, 100);
    const char *const r1[] = {"1", "Alla elever ska lämna grundskolan med", "Delvis uppfyllt",
                              "Andelen ökade men"};
    set_row(&s, 116, COLUMNS, r1, 4);
    set(&s, 90, 127, "godkända betyg");
    set(&s, 420, 127, "når inte målet.");
    const char *const r2[] = {"2", "Sjukfrånvaron ska minska", "Ej uppfyllt", NULL};
    set_row(&s, 143, COLUMNS, r2, 4);
    set(&s, 60, 175, "Nämnden följer upp målen varje år och redovisar dem i delårsrapporten och här.");
    goal_table_reader reader = new_reader();
    page_read pr = read_page(&reader, &s, 1);
    assert_int_equal(pr.n, 1);
    assert_false(pr.tables[0].items);
    assert_int_equal(pr.tables[0].n_rows, 2);
    const goal_table_row *row = &pr.tables[0].rows[0];
    assert_cell(row, ROLE_ID, "1");
    assert_cell(row, ROLE_GOAL, "Alla elever ska lämna grundskolan med godkända betyg");
    assert_cell(row, ROLE_STATUS, "Delvis uppfyllt");
    assert_cell(row, ROLE_COMMENT, "Andelen ökade men når inte målet.");
    row = &pr.tables[0].rows[1];
    assert_cell(row, ROLE_ID, "2");
    assert_cell(row, ROLE_GOAL, "Sjukfrånvaron ska minska");
    assert_cell(row, ROLE_STATUS, "Ej uppfyllt");
    assert_cell(row, ROLE_COMMENT, NULL);
    /* the prose above and below is no line of the table */
    for (size_t i = 0; i < pr.lp.n_lines; i++)
        if (strncmp(pr.lp.lines[i].text, "Nämnden", 7) == 0)
            assert_false(pr.claimed[i]);
    release(&pr);
}

static void test_rows_by_status_words_without_numbers(void **state)
{
    (void)state;
    stream s = {0};
    const double xs[] = {60, 330};
    const char *const h[] = {"Målsättning", "Status"};
    set_row(&s, 100, xs, h, 2);
    const char *const r1[] = {"Fler ska gå vidare till arbete", "Uppfyllt"};
    set_row(&s, 116, xs, r1, 2);
    set(&s, 60, 127, "eller studier");
    const char *const r2[] = {"Väntetiden ska minska", "Pågår"};
    set_row(&s, 143, xs, r2, 2);
    goal_table_reader reader = new_reader();
    page_read pr = read_page(&reader, &s, 1);
    assert_int_equal(pr.n, 1);
    assert_int_equal(pr.tables[0].n_rows, 2);
    assert_cell(&pr.tables[0].rows[0], ROLE_GOAL, "Fler ska gå vidare till arbete eller studier");
    assert_cell(&pr.tables[0].rows[0], ROLE_STATUS, "Uppfyllt");
    assert_cell(&pr.tables[0].rows[1], ROLE_STATUS, "Pågår");
    release(&pr);
}

static void test_assignment_rows_belong_to_the_goal_row(void **state)
{
    (void)state;
    stream s = {0};
    heads(&s, 100);
    const char *const r1[] = {"1", "Fler äldre ska bo kvar hemma", "Delvis uppfyllt", NULL};
    set_row(&s, 116, COLUMNS, r1, 4);
    const char *const a1[] = {NULL, "Uppdrag: Införa nattillsyn", "Uppfyllt", "Infört i maj."};
    set_row(&s, 132, COLUMNS, a1, 4);
    goal_table_reader reader = new_reader();
    page_read pr = read_page(&reader, &s, 1);
    assert_int_equal(pr.n, 1);
    assert_int_equal(pr.tables[0].n_rows, 2);
    assert_false(pr.tables[0].rows[0].assignment);
    assert_true(pr.tables[0].rows[1].assignment);
    assert_cell(&pr.tables[0].rows[1], ROLE_GOAL, "Uppdrag: Införa nattillsyn");
    assert_cell(&pr.tables[0].rows[1], ROLE_STATUS, "Uppfyllt");
    assert_cell(&pr.tables[0].rows[1], ROLE_COMMENT, "Infört i maj.");
    release(&pr);
}

static void test_table_runs_on_over_the_page_break(void **state)
{
    (void)state;
    goal_table_reader reader = new_reader();
    stream s = {0};
    heads(&s, 700);
    const char *const r1[] = {"1", "Alla ska ha en plan", "Uppfyllt", NULL};
    set_row(&s, 716, COLUMNS, r1, 4);
    page_read pr = read_page(&reader, &s, 1);
    assert_int_equal(pr.n, 1);
    release(&pr);
    /* page 2 goes on with row 2, no heads over it */
    const char *const r2[] = {"2", "Kostnaden ska ligga i nivå", "Ej uppfyllt", "Högre än väntat."};
    set_row(&s, 60, COLUMNS, r2, 4);
    set(&s, 60, 120, "Ekonomi");
    set(&s, 60, 135, "Nämnden redovisar ett underskott mot budget för året som helhet, främst inom omsorgen.");
    pr = read_page(&reader, &s, 2);
    assert_int_equal(pr.n, 1);
    assert_true(pr.tables[0].continued);
    assert_int_equal(pr.tables[0].n_rows, 1);
    assert_cell(&pr.tables[0].rows[0], ROLE_ID, "2");
    assert_cell(&pr.tables[0].rows[0], ROLE_COMMENT, "Högre än väntat.");
    release(&pr);
}

static void test_group_row_heads_the_activities_under_it(void **state)
{
    (void)state;
    stream s = {0};
    const double xs[] = {60, 330};
    const char *const h[] = {"Aktivitet", "Status"};
    set_row(&s, 100, xs, h, 2);
    set_text(&s, 60, 114, 9, true, "Bevara och utveckla kulturarvet");
    const char *const r1[] = {"Digitalisera samlingarna", "Genomfört"};
    set_row(&s, 130, xs, r1, 2);
    set_text(&s, 60, 146, 9, true, "Arbeta för en livskraftig landsbygd");
    const char *const r2[] = {"Öppna fler fornlämningar", "Pågår"};
    set_row(&s, 162, xs, r2, 2);
    goal_table_reader reader = new_reader();
    page_read pr = read_page(&reader, &s, 1);
    assert_int_equal(pr.n, 1);
    assert_true(pr.tables[0].items);
    assert_non_null(pr.tables[0].head_text);
    assert_string_equal(pr.tables[0].head_text, "Bevara och utveckla kulturarvet");
    assert_int_equal(pr.tables[0].n_rows, 3);
    assert_cell(&pr.tables[0].rows[0], ROLE_ITEM, "Digitalisera samlingarna");
    assert_true(pr.tables[0].rows[1].group);
    assert_cell(&pr.tables[0].rows[1], ROLE_GOAL, "Arbeta för en livskraftig landsbygd");
    assert_cell(&pr.tables[0].rows[2], ROLE_ITEM, "Öppna fler fornlämningar");
    assert_cell(&pr.tables[0].rows[2], ROLE_STATUS, "Pågår");
    release(&pr);
}

static void test_heads_in_prose_make_no_table(void **state)
{
    (void)state;
    stream s = {0};
    /* column words without a goal or item column, and a head in running text */
    const double xs[] = {60, 330};
    const char *const h[] = {"Indikator", "Kommentar"};
    set_row(&s, 100, xs, h, 2);
    const char *const r1[] = {"Andel nöjda", "Ökade"};
    set_row(&s, 116, xs, r1, 2);
    set(&s, 60, 150, "Mål");
    set(&s, 60, 165, "Nämnden har arbetat med målen under året och ser en tydlig förbättring.");
    goal_table_reader reader = new_reader();
    page_read pr = read_page(&reader, &s, 1);
    assert_int_equal(pr.n, 0);
    release(&pr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_by_number_with_wrapped_cells),
        cmocka_unit_test(test_rows_by_status_words_without_numbers),
        cmocka_unit_test(test_assignment_rows_belong_to_the_goal_row),
        cmocka_unit_test(test_table_runs_on_over_the_page_break),
        cmocka_unit_test(test_group_row_heads_the_activities_under_it),
        cmocka_unit_test(test_heads_in_prose_make_no_table),
    };
    return cmocka_run_group_tests(tests, load_patterns, free_patterns);
}
