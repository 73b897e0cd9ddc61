/* test_text.c: text normalisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static char *joined(const char *a, const char *b)
{
    strbuf sb;
    strbuf_init(&sb);
    strbuf_adds(&sb, a);
    text_join_line(&sb, b);
    return strbuf_take(&sb);
}

static void assert_join(const char *a, const char *b, const char *want)
{
    char *got = joined(a, b);
    assert_string_equal(got, want);
    free(got);
}

static void test_join_plain_lines(void **state)
{
    (void)state;
    assert_join("Kommunstyrelsen lyckades", "med detta.", "Kommunstyrelsen lyckades med detta.");
    assert_join("", "Första raden", "Första raden");
}

static void test_join_removes_hyphenation(void **state)
{
    (void)state;
    assert_join("Arbets-", "sätten och dialogen", "Arbetssätten och dialogen");
    assert_join("skapat gemen-", "samma lösningar", "skapat gemensamma lösningar");
    assert_join("arbetsgivarvarumär\xC2\xAD", "ket samt", "arbetsgivarvarumärket samt");
}

static void test_join_keeps_word_hyphens(void **state)
{
    (void)state;
    assert_join("Servicegrad IT-", "support-telefon", "Servicegrad IT-support-telefon");
    assert_join("Barn-", "och utbildningsnämnden", "Barn- och utbildningsnämnden");
    assert_join("Skärvången-", "Åkersjön", "Skärvången-Åkersjön");
    assert_join("ny e-", "tjänsteplattform", "ny e-tjänsteplattform");
    assert_join("år 2020 -", "en kris", "år 2020 - en kris");
}

static void test_fold_space_keeps_number_spaces(void **state)
{
    (void)state;
    char s[] = "  Intäkter \t 4\xC2\xA0" "557  och\xC2\xA0ord\xE2\x80\x89" "1\xE2\x80\xAF" "234 ";
    text_fold_space(s);
    assert_string_equal(s, "Intäkter 4\xC2\xA0" "557 och ord 1\xE2\x80\xAF" "234");
}

static void test_fold_space_drops_soft_hyphens(void **state)
{
    (void)state;
    char s[] = "kom\xC2\xADmun";
    text_fold_space(s);
    assert_string_equal(s, "kommun");
}

static void test_word_chars(void **state)
{
    (void)state;
    strbuf sb;
    strbuf_init(&sb);
    text_add_word_char(&sb, 0xFB01); /* fi ligature */
    text_add_word_char(&sb, 'n');
    text_add_word_char(&sb, 0x00AD); /* soft hyphen: dropped */
    text_add_word_char(&sb, 0x0007); /* control: dropped */
    text_add_word_char(&sb, 'a');
    assert_string_equal(sb.data, "fina");
    strbuf_release(&sb);
}

static void test_sentence_and_case(void **state)
{
    (void)state;
    assert_true(text_ends_sentence("Plan finns framtagen och beslutad."));
    assert_true(text_ends_sentence("Programmet beskriver:"));
    assert_false(text_ends_sentence("skapat gemen-"));
    assert_true(text_starts_lower("\xE2\x80\x93 och sedan"));
    assert_false(text_starts_lower("Årets"));
    assert_false(text_starts_lower("2020 var"));
}

static void test_garbled_code_points(void **state)
{
    (void)state;
    assert_true(text_is_garbled_cp(0xFFFD));
    assert_true(text_is_garbled_cp(0xE012));
    assert_false(text_is_garbled_cp(0x00E5)); /* å */
    assert_false(text_is_garbled_cp(0x2212)); /* minus */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_join_plain_lines),
        cmocka_unit_test(test_join_removes_hyphenation),
        cmocka_unit_test(test_join_keeps_word_hyphens),
        cmocka_unit_test(test_fold_space_keeps_number_spaces),
        cmocka_unit_test(test_fold_space_drops_soft_hyphens),
        cmocka_unit_test(test_word_chars),
        cmocka_unit_test(test_sentence_and_case),
        cmocka_unit_test(test_garbled_code_points),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
