/* text.h: text normalisation (spec/output-format.md): NFC, ligatures,
 * soft hyphens, end-of-line hyphenation, white space. */
#ifndef ARSRED_TEXT_H
#define ARSRED_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Appends code point cp of a word to sb, resolving ligatures (U+FB00..06)
 * and dropping soft hyphens and control characters. */
void text_add_word_char(strbuf *sb, uint32_t cp);

/* Appends line text next to paragraph text in sb: a space between them,
 * unless the paragraph ends in a word broken by hyphenation ("arbets-" +
 * "sätten"), which is joined without the hyphen. A hyphen that belongs to
 * the word ("IT-" + "support", "Barn-" + "och") is kept. */
void text_join_line(strbuf *sb, const char *next_line);

/* True where s ends like a finished sentence or heading (. ! ? : ;). */
bool text_ends_sentence(const char *s);
/* True where the first letter of s is lower case. */
bool text_starts_lower(const char *s);

/* True for code points a PDF produces when a font has no Unicode map:
 * U+FFFD, private use, C0/C1 controls. */
bool text_is_garbled_cp(uint32_t cp);

/* Folds runs of white space (but not number spaces between digits) to one
 * space and trims; in place. */
void text_fold_space(char *s);

/* Share of words (three letters or more, case folded) two texts have in
 * common, Jaccard: how alike two wordings of one goal are. */
double text_similarity(const char *a, const char *b);

/* The code point that ends s[0..len) (0 where empty), and where it starts. */
uint32_t text_last_cp(const char *s, size_t len, size_t *start);

/* The code point that begins s (0 where empty). */
uint32_t text_first_cp(const char *s);

#endif
