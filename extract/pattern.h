/* pattern.h: pattern files (patterns/NAME.pat) and matching with PCRE2.
 *
 * The only stage that includes PCRE2. Patterns are data: each has a name,
 * a kind (which recogniser uses it), a PCRE2 expression with named groups,
 * and examples with the captures they must give. The file format is
 * described in patterns/README.md. */
#ifndef ARSRED_PATTERN_H
#define ARSRED_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

#include "arsred.h"

/* Limits that keep any input from making a pattern run away. */
enum {
    PATTERN_MATCH_LIMIT = 200000,
    PATTERN_DEPTH_LIMIT = 2000,
    PATTERN_MAX_GROUPS = 16
};

typedef struct pattern pattern;

typedef struct pattern_group {
    const char *name; /* the group's name, owned by the pattern */
    size_t start;     /* byte offsets into the subject */
    size_t end;
    bool set;         /* false where the group did not take part */
} pattern_group;

typedef struct pattern_match {
    size_t start, end;
    size_t n_groups;
    pattern_group groups[PATTERN_MAX_GROUPS];
} pattern_match;

enum { PATTERN_NO_MATCH = 0, PATTERN_MATCHED = 1, PATTERN_LIMIT = -1 };

const char *pattern_name(const pattern *p);
const char *pattern_kind(const pattern *p);

/* The patterns of one kind, in load order (built-in first); returns how many
 * there are and stores up to max of them in out. */
size_t patterns_of_kind(const arsred_patterns *set, const char *kind,
                        const pattern **out, size_t max);
const pattern *patterns_find(const arsred_patterns *set, const char *name);

/* Matches p against subject[0..length) starting at byte offset. Returns
 * PATTERN_MATCHED and fills m, PATTERN_NO_MATCH, or PATTERN_LIMIT where
 * the match or depth limit stopped it (the caller warns and moves on).
 * Several threads may match patterns of one set at the same time. */
int pattern_exec(const pattern *p, const char *subject, size_t length,
                 size_t offset, pattern_match *m);

/* The named group of a match, or NULL where it is absent or unset. */
const pattern_group *pattern_match_group(const pattern_match *m,
                                         const char *name);

#endif
