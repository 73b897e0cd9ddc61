/* pattern.c: pattern files and matching with PCRE2.
 *
 * A pattern set is read once (every *.pat file of the built-in folder, then
 * of the user's folder), each expression compiled once and JIT-compiled
 * where the platform has a JIT. Matching runs under a match limit, a depth
 * limit (interpreter), a heap limit and a bounded JIT stack, so that no
 * input makes a pattern run away: the caller gets PATTERN_LIMIT instead.
 *
 * pattern_exec may run in several threads at once on one set: the mutable
 * state of a match (match context, JIT stack, match data) comes from a
 * small pool that the set owns, one entry per concurrent caller. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pattern.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "util.h"

/* Bounds beside PATTERN_MATCH_LIMIT and PATTERN_DEPTH_LIMIT: the JIT
 * ignores the depth limit, so its stack is what bounds its recursion. */
enum {
    PATTERN_HEAP_LIMIT_KIB = 8192,
    PATTERN_JIT_STACK_START = 32 * 1024,
    PATTERN_JIT_STACK_MAX = 512 * 1024,
    PATTERN_MAX_MATCH_INDEX = 100 /* "match N" in an example */
};

/* UCP so that \b, \w and \d follow Unicode (å, ä, ö are letters).
 * MATCH_INVALID_UTF because PDF text can hold broken UTF-8: a bad
 * sequence then simply matches nothing instead of failing the match.
 * \C could split a UTF-8 character, so it is refused. */
static const uint32_t PATTERN_COMPILE_OPTIONS =
    PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C |
    PCRE2_DUPNAMES;

/* A pattern of this kind is a term of a grammar: other patterns use it by
 * name, written {{NAME}} in their regex (see patterns/README.md). */
static const char TERM_KIND[] = "term";

/* ---- data ------------------------------------------------------------ */

/* What one example must give: a named group's text, or no match at all. */
typedef struct expectation {
    int line;
    size_t match_index; /* 0: the first match of the example text */
    char *group;        /* NULL for "no match" */
    char *value;        /* "" where the group must be unset or empty */
} expectation;

typedef struct example {
    int line;
    char *text;
    bool expect_no_match;
    expectation *expects;
    size_t n_expects, cap_expects;
} example;

typedef struct group_name {
    const char *name; /* points into the PCRE2 name table */
    uint32_t number;
} group_name;

/* One regex line of the file, to turn a compile error offset into the
 * line (and column) the author wrote. */
typedef struct regex_piece {
    int line;
    size_t start; /* offset of this line's text in the whole expression */
} regex_piece;

typedef struct match_scratch {
    pcre2_match_context *context;
    pcre2_jit_stack *jit_stack; /* NULL where there is no JIT */
    pcre2_match_data *data;
} match_scratch;

typedef struct scratch_pool {
    pcre2_general_context *memory; /* PCRE2 allocates through xmalloc */
    pthread_mutex_t lock;
    match_scratch **free_list;
    size_t n_free, cap_free;
    uint32_t ovector_pairs; /* enough for every pattern of the set */
} scratch_pool;

struct pattern {
    char *name;
    char *kind;
    char *description;
    char *path; /* the file it came from, for messages */
    int line;   /* of its "pattern" line */
    int layer;  /* 0: built-in folder, 1: user folder */
    strbuf regex;
    regex_piece *pieces;
    size_t n_pieces, cap_pieces;
    uint32_t options;
    bool has_kind_line, has_flags_line;
    pcre2_code *code;
    group_name names[PATTERN_MAX_GROUPS];
    size_t n_names;
    example *examples;
    size_t n_examples, cap_examples;
    scratch_pool *pool;
    /* JIT-compiled on its first match, not at load: a run that never
     * matches a pattern (a term, a list part) does not pay for its code. */
    pthread_mutex_t jit_lock;
    _Atomic bool jit_done;
};

/* One pattern in the index by kind: kind first, then load order. */
typedef struct kind_entry {
    const pattern *p;
    size_t order;
} kind_entry;

struct arsred_patterns {
    pattern **items;
    size_t count, cap;
    kind_entry *by_kind;   /* items sorted by kind, made once loaded */
    scratch_pool *pool;
};

/* ---- freeing --------------------------------------------------------- */

static void example_release(example *ex)
{
    for (size_t i = 0; i < ex->n_expects; i++) {
        free(ex->expects[i].group);
        free(ex->expects[i].value);
    }
    free(ex->expects);
    free(ex->text);
}

static void pattern_free(pattern *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_examples; i++)
        example_release(&p->examples[i]);
    free(p->examples);
    pcre2_code_free(p->code);
    pthread_mutex_destroy(&p->jit_lock);
    free(p->pieces);
    strbuf_release(&p->regex);
    free(p->name);
    free(p->kind);
    free(p->description);
    free(p->path);
    free(p);
}

static void scratch_free(match_scratch *s)
{
    pcre2_match_data_free(s->data);
    pcre2_jit_stack_free(s->jit_stack);
    pcre2_match_context_free(s->context);
    free(s);
}

static void pool_free(scratch_pool *pool)
{
    if (!pool)
        return;
    for (size_t i = 0; i < pool->n_free; i++)
        scratch_free(pool->free_list[i]);
    free(pool->free_list);
    pthread_mutex_destroy(&pool->lock);
    pcre2_general_context_free(pool->memory);
    free(pool);
}

void arsred_patterns_free(arsred_patterns *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->count; i++)
        pattern_free(set->items[i]);
    free(set->items);
    free(set->by_kind);
    pool_free(set->pool);
    free(set);
}

/* ---- the scratch pool ------------------------------------------------- */

/* PCRE2's allocations go through util.c, so that they share its one
 * out-of-memory policy and no PCRE2 call here can fail for lack of memory
 * (the heap limit still bounds what one match may take). */
static void *pcre2_xmalloc(PCRE2_SIZE size, void *unused)
{
    (void)unused;
    return xmalloc(size);
}

static void pcre2_xfree(void *ptr, void *unused)
{
    (void)unused;
    free(ptr);
}

static scratch_pool *pool_new(void)
{
    scratch_pool *pool = xcalloc(1, sizeof *pool);
    pool->memory = pcre2_general_context_create(pcre2_xmalloc, pcre2_xfree,
                                                NULL);
    pthread_mutex_init(&pool->lock, NULL);
    pool->ovector_pairs = 1;
    return pool;
}

static match_scratch *scratch_new(scratch_pool *pool)
{
    match_scratch *s = xcalloc(1, sizeof *s);
    s->context = pcre2_match_context_create(pool->memory);
    s->data = pcre2_match_data_create(pool->ovector_pairs, pool->memory);
    pcre2_set_match_limit(s->context, PATTERN_MATCH_LIMIT);
    pcre2_set_depth_limit(s->context, PATTERN_DEPTH_LIMIT);
    pcre2_set_heap_limit(s->context, PATTERN_HEAP_LIMIT_KIB);
    /* NULL where the library has no JIT; the interpreter needs none. */
    s->jit_stack = pcre2_jit_stack_create(PATTERN_JIT_STACK_START,
                                          PATTERN_JIT_STACK_MAX, pool->memory);
    if (s->jit_stack)
        pcre2_jit_stack_assign(s->context, NULL, s->jit_stack);
    return s;
}

static match_scratch *pool_take(scratch_pool *pool)
{
    match_scratch *s = NULL;
    pthread_mutex_lock(&pool->lock);
    if (pool->n_free > 0)
        s = pool->free_list[--pool->n_free];
    pthread_mutex_unlock(&pool->lock);
    return s ? s : scratch_new(pool);
}

static void pool_give_back(scratch_pool *pool, match_scratch *s)
{
    pthread_mutex_lock(&pool->lock);
    ARRAY_PUSH(pool->free_list, pool->n_free, pool->cap_free, s);
    pthread_mutex_unlock(&pool->lock);
}

/* ---- public accessors ------------------------------------------------ */

size_t arsred_patterns_count(const arsred_patterns *set)
{
    return set ? set->count : 0;
}

const char *pattern_name(const pattern *p)
{
    return p->name;
}

const char *pattern_kind(const pattern *p)
{
    return p->kind;
}

static int compare_kind_entry(const void *a, const void *b)
{
    const kind_entry *x = a, *y = b;
    int c = strcmp(x->p->kind, y->p->kind);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Recognisers ask for the patterns of a kind for every line: a binary
 * search over the patterns sorted by kind, not a look at them all. */
static void index_by_kind(arsred_patterns *set)
{
    set->by_kind = xcalloc(set->count ? set->count : 1, sizeof *set->by_kind);
    for (size_t i = 0; i < set->count; i++)
        set->by_kind[i] = (kind_entry){set->items[i], i};
    sort_array(set->by_kind, set->count, sizeof *set->by_kind, compare_kind_entry);
}

size_t patterns_of_kind(const arsred_patterns *set, const char *kind,
                        const pattern **out, size_t max)
{
    if (!set)
        return 0;
    size_t lo = 0, hi = set->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(set->by_kind[mid].p->kind, kind) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t found = 0;
    for (size_t i = lo; i < set->count && strcmp(set->by_kind[i].p->kind, kind) == 0; i++) {
        if (found < max)
            out[found] = set->by_kind[i].p;
        found++;
    }
    return found;
}

static ssize_t find_index(const arsred_patterns *set, const char *name)
{
    for (size_t i = 0; set && i < set->count; i++)
        if (strcmp(set->items[i]->name, name) == 0)
            return (ssize_t)i;
    return -1;
}

const pattern *patterns_find(const arsred_patterns *set, const char *name)
{
    ssize_t i = find_index(set, name);
    return i < 0 ? NULL : set->items[i];
}

/* ---- matching -------------------------------------------------------- */

static bool is_limit_error(int rc)
{
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
           rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
           rc == PCRE2_ERROR_NOMEMORY;
}

static void fill_match(const pattern *p, const PCRE2_SIZE *ovector,
                       uint32_t pairs_set, pattern_match *m)
{
    m->start = ovector[0];
    m->end = ovector[1];
    m->n_groups = p->n_names;
    for (size_t i = 0; i < p->n_names; i++) {
        pattern_group *g = &m->groups[i];
        uint32_t n = p->names[i].number;
        g->name = p->names[i].name;
        g->set = n < pairs_set && ovector[2 * n] != PCRE2_UNSET;
        g->start = g->set ? ovector[2 * n] : 0;
        g->end = g->set ? ovector[2 * n + 1] : 0;
    }
}

/* The JIT code of p, made once, by the first thread to match it (the
 * others wait: no match runs on code being compiled). Where the platform
 * has no JIT this fails, and the interpreter, which honours every limit,
 * does the work. (Under valgrind the JIT's SIMD loads show as reads past
 * the subject; they stay within an aligned block, a known PCRE2 trait:
 * check memory on the interpreter.) */
static void jit_once(const pattern *cp)
{
    pattern *p = (pattern *)cp; /* the JIT code is a cache, not the pattern's meaning */
    if (atomic_load_explicit(&p->jit_done, memory_order_acquire))
        return;
    pthread_mutex_lock(&p->jit_lock);
    if (!atomic_load_explicit(&p->jit_done, memory_order_relaxed)) {
        pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
        atomic_store_explicit(&p->jit_done, true, memory_order_release);
    }
    pthread_mutex_unlock(&p->jit_lock);
}

/* The JIT does not honour the match limit for every regex: a run of
 * empty alternatives in groups one after another ("(a|||||b)(c||||d)…")
 * takes half a second a match under it whatever the limit, where the
 * interpreter stops at the limit in milliseconds (found by fuzz_patterns).
 * So the interpreter runs what we do not vouch for: a user's patterns, and
 * every pattern's examples (which a user's folder may bring). */
static int exec_with(const pattern *p, const char *subject, size_t length, size_t offset,
                     bool interpreted, pattern_match *m)
{
    if (offset > length)
        return PATTERN_NO_MATCH;
    if (!interpreted)
        jit_once(p);
    match_scratch *s = pool_take(p->pool);
    int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, length, offset,
                         interpreted ? PCRE2_NO_JIT : 0, s->data, s->context);
    int result = PATTERN_NO_MATCH;
    if (rc > 0) {
        if (m)
            fill_match(p, pcre2_get_ovector_pointer(s->data), (uint32_t)rc, m);
        result = PATTERN_MATCHED;
    } else if (is_limit_error(rc)) {
        result = PATTERN_LIMIT;
    }
    /* Anything else (no match, a start offset inside a character) is no
     * match: the caller can do nothing different about it. */
    pool_give_back(p->pool, s);
    return result;
}

int pattern_exec(const pattern *p, const char *subject, size_t length,
                 size_t offset, pattern_match *m)
{
    return exec_with(p, subject, length, offset, p->layer > 0, m);
}

const pattern_group *pattern_match_group(const pattern_match *m,
                                         const char *name)
{
    /* With (?J) several groups share a name: the first that took part. */
    for (size_t i = 0; i < m->n_groups; i++)
        if (m->groups[i].set && strcmp(m->groups[i].name, name) == 0)
            return &m->groups[i];
    return NULL;
}

/* ---- compiling ------------------------------------------------------- */

static int compare_group_number(const void *a, const void *b)
{
    const group_name *x = a, *y = b;
    return (x->number > y->number) - (x->number < y->number);
}

/* Reads the PCRE2 name table into p->names, in group-number order (the
 * order the author wrote them in). False where there are too many. */
static bool read_group_names(pattern *p)
{
    uint32_t count = 0, entry_size = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(p->code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(p->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(p->code, PCRE2_INFO_NAMETABLE, &table);
    if (count > PATTERN_MAX_GROUPS)
        return false;
    for (uint32_t i = 0; i < count; i++) {
        PCRE2_SPTR entry = table + (size_t)i * entry_size;
        p->names[i].number = (uint32_t)(entry[0] << 8 | entry[1]);
        p->names[i].name = (const char *)(entry + 2);
    }
    p->n_names = count;
    qsort(p->names, count, sizeof p->names[0], compare_group_number);
    return true;
}

static bool pattern_has_group(const pattern *p, const char *name)
{
    for (size_t i = 0; i < p->n_names; i++)
        if (strcmp(p->names[i].name, name) == 0)
            return true;
    return false;
}

/* ---- reading pattern files ------------------------------------------ */

typedef struct parser {
    const char *path;
    int line;
    int layer;
    arsred_patterns *set;
    pcre2_compile_context *compile_context;
    pattern *current;    /* NULL before the first "pattern" line */
    bool in_example;     /* indented lines belong to the last example */
    size_t match_index;  /* set by "match N" within the current example */
    arsred_error *err;
} parser;

static int parse_error_at(const parser *ps, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int parse_error_at(const parser *ps, int line, const char *fmt, ...)
{
    char what[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return error_set(ps->err, ARSRED_ERR_PATTERN, "%s:%d: %s", ps->path, line,
                     what);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static const char *skip_blanks(const char *s)
{
    while (is_blank(*s))
        s++;
    return s;
}

static bool is_name_char(char c, bool allow_punctuation)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' ||
           (allow_punctuation && (c == '.' || c == '-'));
}

static bool is_valid_name(const char *s, size_t n, bool allow_punctuation)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_name_char(s[i], allow_punctuation))
            return false;
    return true;
}

static int compile_regex(parser *ps, pattern *p)
{
    int code;
    PCRE2_SIZE offset;
    p->code = pcre2_compile((PCRE2_SPTR)p->regex.data, p->regex.len,
                            p->options, &code, &offset, ps->compile_context);
    if (!p->code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(code, message, sizeof message);
        /* Name the regex line that holds the offset, and the offset in it. */
        size_t i = p->n_pieces - 1;
        while (i > 0 && p->pieces[i].start > offset)
            i--;
        return parse_error_at(ps, p->pieces[i].line,
                              "regex does not compile at offset %zu: %s",
                              (size_t)(offset - p->pieces[i].start),
                              (const char *)message);
    }
    if (!read_group_names(p))
        return parse_error_at(ps, p->line,
                              "pattern %s has more than %d named groups",
                              p->name, PATTERN_MAX_GROUPS);
    return ARSRED_OK;
}

static int check_example_groups(parser *ps, const pattern *p)
{
    for (size_t i = 0; i < p->n_examples; i++) {
        const example *ex = &p->examples[i];
        for (size_t j = 0; j < ex->n_expects; j++) {
            const expectation *e = &ex->expects[j];
            if (e->group && !pattern_has_group(p, e->group))
                return parse_error_at(ps, e->line,
                                      "the regex of %s has no group named '%s'",
                                      p->name, e->group);
        }
    }
    return ARSRED_OK;
}

/* Puts a finished pattern into the set: a pattern of the user's folder
 * takes the place of the built-in one of the same name; two of one name
 * in the same folder are a mistake. */
static int add_to_set(parser *ps, pattern *p)
{
    ssize_t i = find_index(ps->set, p->name);
    if (i < 0) {
        ARRAY_PUSH(ps->set->items, ps->set->count, ps->set->cap, p);
        return ARSRED_OK;
    }
    pattern *old = ps->set->items[i];
    if (old->layer == p->layer)
        return parse_error_at(ps, p->line,
                              "pattern %s is already defined at %s:%d",
                              p->name, old->path, old->line);
    pattern_free(old);
    ps->set->items[i] = p;
    return ARSRED_OK;
}

static void note_capture_count(scratch_pool *pool, const pattern *p)
{
    uint32_t captures = 0;
    pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &captures);
    if (captures + 1 > pool->ovector_pairs)
        pool->ovector_pairs = captures + 1;
}

/* Called at the next "pattern" line and at the end of a file. */
static int finish_pattern(parser *ps)
{
    pattern *p = ps->current;
    if (!p)
        return ARSRED_OK;
    ps->current = NULL;
    ps->in_example = false;
    int rc = ARSRED_OK;
    if (p->n_pieces == 0)
        rc = parse_error_at(ps, p->line, "pattern %s has no regex", p->name);
    else if (!p->kind)
        rc = parse_error_at(ps, p->line, "pattern %s has no kind", p->name);
    if (rc == ARSRED_OK)
        rc = compile_regex(ps, p);
    if (rc == ARSRED_OK)
        rc = check_example_groups(ps, p);
    if (rc == ARSRED_OK)
        rc = add_to_set(ps, p);
    if (rc != ARSRED_OK) {
        pattern_free(p);
        return rc;
    }
    note_capture_count(ps->set->pool, p);
    return ARSRED_OK;
}

static int start_pattern(parser *ps, const char *name)
{
    int rc = finish_pattern(ps);
    if (rc != ARSRED_OK)
        return rc;
    if (!is_valid_name(name, strlen(name), true))
        return parse_error_at(ps, ps->line,
                              "a pattern needs a name of letters, digits, "
                              "'.', '-' and '_', not '%s'",
                              name);
    pattern *p = xcalloc(1, sizeof *p);
    pthread_mutex_init(&p->jit_lock, NULL);
    p->name = xstrdup(name);
    p->path = xstrdup(ps->path);
    p->line = ps->line;
    p->layer = ps->layer;
    p->options = PATTERN_COMPILE_OPTIONS;
    p->pool = ps->set->pool;
    strbuf_init(&p->regex);
    ps->current = p;
    return ARSRED_OK;
}

static int set_flags(parser *ps, pattern *p, const char *letters)
{
    for (const char *c = letters; *c; c++) {
        if (*c == 'i')
            p->options |= PCRE2_CASELESS;
        else if (*c == 'x')
            p->options |= PCRE2_EXTENDED;
        else
            return parse_error_at(ps, ps->line,
                                  "unknown flag '%c'; the flags are i "
                                  "(caseless) and x (extended)",
                                  *c);
    }
    return ARSRED_OK;
}

/* Appends a term's expression as one group, in the term's own flags
 * whatever the flags of the pattern that uses it. */
static void add_term(strbuf *regex, const pattern *term)
{
    bool caseless = term->options & PCRE2_CASELESS, extended = term->options & PCRE2_EXTENDED;
    strbuf_addf(regex, "(?%s%s%s%s%s:", caseless ? "i" : "", extended ? "x" : "",
                caseless && extended ? "" : "-", caseless ? "" : "i", extended ? "" : "x");
    strbuf_add(regex, term->regex.data, term->regex.len);
    strbuf_addc(regex, ')');
}

/* A regex line with every {{NAME}} replaced by that term's expression.
 * Terms are expanded when they are read, so a term may use the terms
 * defined before it, and nothing can refer to itself. */
static int add_regex_line(parser *ps, pattern *p, const char *text)
{
    regex_piece piece = {ps->line, p->regex.len};
    ARRAY_PUSH(p->pieces, p->n_pieces, p->cap_pieces, piece);
    const char *at = text, *open;
    while ((open = strstr(at, "{{")) != NULL) {
        const char *close = strstr(open + 2, "}}");
        if (!close)
            return parse_error_at(ps, ps->line, "'{{' without '}}' in the regex");
        char *name = xstrndup(open + 2, (size_t)(close - open - 2));
        ssize_t i = find_index(ps->set, name);
        const pattern *term = i >= 0 ? ps->set->items[i] : NULL;
        if (!term || strcmp(term->kind, TERM_KIND) != 0) {
            int rc = parse_error_at(ps, ps->line,
                                    "{{%s}} names no term defined before this "
                                    "line (a pattern of kind %s)",
                                    name, TERM_KIND);
            free(name);
            return rc;
        }
        free(name);
        strbuf_add(&p->regex, at, (size_t)(open - at));
        add_term(&p->regex, term);
        at = close + 2;
    }
    strbuf_adds(&p->regex, at);
    return ARSRED_OK;
}

static void add_description(pattern *p, const char *text)
{
    if (!p->description) {
        p->description = xstrdup(text);
        return;
    }
    strbuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s %s", p->description, text);
    free(p->description);
    p->description = strbuf_take(&sb);
}

static void add_example(parser *ps, pattern *p, const char *text)
{
    example ex = {0};
    ex.line = ps->line;
    ex.text = xstrdup(text);
    ARRAY_PUSH(p->examples, p->n_examples, p->cap_examples, ex);
    ps->in_example = true;
    ps->match_index = 0;
}

/* A key line of the current pattern ("kind ...", "regex ...", ...). */
static int pattern_key(parser *ps, const char *key, const char *value)
{
    pattern *p = ps->current;
    bool needs_value = strcmp(key, "description") != 0;
    if (needs_value && !*value)
        return parse_error_at(ps, ps->line, "'%s' needs a value", key);
    if (strcmp(key, "kind") == 0) {
        if (p->kind)
            return parse_error_at(ps, ps->line, "pattern %s has two kinds",
                                  p->name);
        p->kind = xstrdup(value);
    } else if (strcmp(key, "regex") == 0) {
        return add_regex_line(ps, p, value);
    } else if (strcmp(key, "flags") == 0) {
        return set_flags(ps, p, value);
    } else if (strcmp(key, "description") == 0) {
        add_description(p, value);
    } else if (strcmp(key, "example") == 0) {
        add_example(ps, p, value);
    } else {
        return parse_error_at(ps, ps->line,
                              "unknown key '%s'; the keys are pattern, kind, "
                              "regex, flags, description and example",
                              key);
    }
    return ARSRED_OK;
}

static bool is_known_key(const char *key)
{
    static const char *const keys[] = {"kind", "regex", "flags",
                                       "description", "example"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(key, keys[i]) == 0)
            return true;
    return false;
}

/* A line that starts at the first column: KEY, white space, VALUE. */
static int key_line(parser *ps, char *line)
{
    char *value = line;
    while (*value && !is_blank(*value))
        value++;
    if (*value)
        *value++ = '\0';
    value = (char *)skip_blanks(value);
    const char *key = line;
    if (strcmp(key, "pattern") == 0)
        return start_pattern(ps, value);
    if (ps->current) {
        ps->in_example = strcmp(key, "example") == 0;
        return pattern_key(ps, key, value);
    }
    if (is_known_key(key))
        return parse_error_at(ps, ps->line,
                              "'%s' before any 'pattern NAME' line", key);
    return parse_error_at(ps, ps->line,
                          "unknown key '%s'; a pattern starts with "
                          "'pattern NAME'",
                          key);
}

static int add_expectation(parser *ps, const char *group, size_t group_len,
                           const char *value)
{
    example *ex = &ps->current->examples[ps->current->n_examples - 1];
    if (ex->expect_no_match)
        return parse_error_at(ps, ps->line,
                              "this example expects no match, so it cannot "
                              "expect captures");
    expectation e = {ps->line, ps->match_index, xstrndup(group, group_len),
                     xstrdup(value)};
    ARRAY_PUSH(ex->expects, ex->n_expects, ex->cap_expects, e);
    return ARSRED_OK;
}

static int expect_no_match(parser *ps)
{
    example *ex = &ps->current->examples[ps->current->n_examples - 1];
    if (ex->n_expects > 0 || ps->match_index > 0)
        return parse_error_at(ps, ps->line,
                              "'no match' cannot go with expected captures "
                              "in one example");
    ex->expect_no_match = true;
    return ARSRED_OK;
}

static int select_match(parser *ps, const char *number)
{
    char *end;
    long n = strtol(number, &end, 10);
    if (end == number || *end || n < 1 || n > PATTERN_MAX_MATCH_INDEX)
        return parse_error_at(ps, ps->line,
                              "'match' needs a number from 1 to %d, not '%s'",
                              PATTERN_MAX_MATCH_INDEX, number);
    if (ps->current->examples[ps->current->n_examples - 1].expect_no_match)
        return parse_error_at(ps, ps->line,
                              "'no match' cannot go with expected captures "
                              "in one example");
    ps->match_index = (size_t)n - 1;
    return ARSRED_OK;
}

/* An indented line: what the last example must give. */
static int expectation_line(parser *ps, const char *text)
{
    if (!ps->current || !ps->in_example)
        return parse_error_at(ps, ps->line,
                              "an indented line (an expectation) outside an "
                              "example");
    if (strcmp(text, "no match") == 0)
        return expect_no_match(ps);
    if (strncmp(text, "match", 5) == 0 && is_blank(text[5]) &&
        *skip_blanks(text + 5) != '=')
        return select_match(ps, skip_blanks(text + 5));
    const char *equals = strchr(text, '=');
    size_t name_len = equals ? (size_t)(equals - text) : 0;
    while (name_len > 0 && is_blank(text[name_len - 1]))
        name_len--;
    if (!equals || !is_valid_name(text, name_len, false))
        return parse_error_at(ps, ps->line,
                              "cannot read the expectation '%s'; write "
                              "'NAME = VALUE', 'NAME =', 'no match' or "
                              "'match N'",
                              text);
    return add_expectation(ps, text, name_len, skip_blanks(equals + 1));
}

static void trim_line_end(char *line)
{
    size_t n = strlen(line);
    while (n > 0 && (is_blank(line[n - 1]) || line[n - 1] == '\r' ||
                     line[n - 1] == '\n' || line[n - 1] == '\f' ||
                     line[n - 1] == '\v'))
        line[--n] = '\0';
}

static int parse_line(parser *ps, char *line)
{
    /* An editor may have put a byte order mark before the first line. */
    if (ps->line == 1 && strncmp(line, "\xEF\xBB\xBF", 3) == 0)
        memmove(line, line + 3, strlen(line + 3) + 1);
    trim_line_end(line);
    const char *text = skip_blanks(line);
    if (!*text || *text == '#')
        return ARSRED_OK;
    if (text != line)
        return expectation_line(ps, text);
    return key_line(ps, line);
}

static void lowercase_first(char *s)
{
    if (*s >= 'A' && *s <= 'Z')
        *s = (char)(*s - 'A' + 'a');
}

/* strerror in the lower case of our messages. */
static const char *reason(int errnum, char *buf, size_t size)
{
    snprintf(buf, size, "%s", strerror(errnum));
    lowercase_first(buf);
    return buf;
}

static int parse_file(arsred_patterns *set, const char *path, int layer,
                      pcre2_compile_context *compile_context,
                      arsred_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        char why[128];
        return error_set(err, ARSRED_ERR_PATTERN, "%s: cannot read: %s", path,
                         reason(errno, why, sizeof why));
    }
    parser ps = {.path = path,
                 .layer = layer,
                 .set = set,
                 .compile_context = compile_context,
                 .err = err};
    char *line = NULL;
    size_t cap = 0;
    int rc = ARSRED_OK;
    while (rc == ARSRED_OK && getline(&line, &cap, f) >= 0) {
        ps.line++;
        rc = parse_line(&ps, line);
    }
    if (rc == ARSRED_OK && ferror(f)) {
        char why[128];
        rc = error_set(err, ARSRED_ERR_PATTERN, "%s: cannot read: %s", path,
                       reason(errno, why, sizeof why));
    }
    if (rc == ARSRED_OK)
        rc = finish_pattern(&ps);
    pattern_free(ps.current);
    free(line);
    fclose(f);
    return rc;
}

/* ---- reading folders ------------------------------------------------- */

static bool is_pattern_file_name(const char *name)
{
    size_t n = strlen(name);
    /* Hidden files are editors' backups and locks, not patterns. */
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".pat") == 0;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_path(const char *dir, const char *name)
{
    strbuf sb;
    strbuf_init(&sb);
    size_t n = strlen(dir);
    strbuf_adds(&sb, dir);
    if (n == 0 || dir[n - 1] != '/')
        strbuf_addc(&sb, '/');
    strbuf_adds(&sb, name);
    return strbuf_take(&sb);
}

static bool is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The paths of the *.pat files of dir, sorted by name. */
static int list_pattern_files(const char *dir, char ***paths, size_t *count,
                              arsred_error *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        char why[128];
        return error_set(err, ARSRED_ERR_PATTERN,
                         "%s: cannot read the pattern folder: %s", dir,
                         reason(errno, why, sizeof why));
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (!is_pattern_file_name(entry->d_name))
            continue;
        char *path = join_path(dir, entry->d_name);
        if (is_regular_file(path))
            ARRAY_PUSH(names, n, cap, path);
        else
            free(path);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_strings);
    *paths = names;
    *count = n;
    return ARSRED_OK;
}

static int load_folder(arsred_patterns *set, const char *dir, int layer,
                       arsred_error *err)
{
    char **paths = NULL;
    size_t n = 0;
    int rc = list_pattern_files(dir, &paths, &n, err);
    pcre2_compile_context *compile_context =
        pcre2_compile_context_create(set->pool->memory);
    for (size_t i = 0; i < n; i++) {
        if (rc == ARSRED_OK)
            rc = parse_file(set, paths[i], layer, compile_context, err);
        free(paths[i]);
    }
    pcre2_compile_context_free(compile_context);
    free(paths);
    return rc;
}

arsred_patterns *arsred_patterns_load(const char *builtin_dir,
                                      const char *user_dir, arsred_error *err)
{
    arsred_patterns *set = xcalloc(1, sizeof *set);
    set->pool = pool_new();
    int rc = ARSRED_OK;
    if (builtin_dir)
        rc = load_folder(set, builtin_dir, 0, err);
    if (rc == ARSRED_OK && user_dir)
        rc = load_folder(set, user_dir, 1, err);
    if (rc != ARSRED_OK) {
        arsred_patterns_free(set);
        return NULL;
    }
    index_by_kind(set);
    return set;
}

/* ---- running the examples -------------------------------------------- */

/* Where to look for the next match after m: past it, and one whole
 * character past an empty match so that the search moves on. */
static size_t next_search_offset(const char *text, size_t length,
                                 const pattern_match *m)
{
    if (m->end > m->start)
        return m->end;
    size_t next = m->end + 1;
    while (next < length && ((unsigned char)text[next] & 0xC0) == 0x80)
        next++;
    return next;
}

static size_t matches_needed(const example *ex)
{
    size_t need = 1;
    for (size_t i = 0; i < ex->n_expects; i++)
        if (ex->expects[i].match_index + 1 > need)
            need = ex->expects[i].match_index + 1;
    return need;
}

typedef struct example_run {
    pattern_match *matches;
    size_t found;
    bool limited;
} example_run;

static void run_example(const pattern *p, const example *ex, example_run *run)
{
    size_t need = matches_needed(ex);
    size_t length = strlen(ex->text);
    size_t offset = 0;
    run->matches = xcalloc(need, sizeof *run->matches);
    run->found = 0;
    run->limited = false;
    while (run->found < need && offset <= length) {
        pattern_match *m = &run->matches[run->found];
        int rc = exec_with(p, ex->text, length, offset, true, m);
        if (rc == PATTERN_LIMIT)
            run->limited = true;
        if (rc != PATTERN_MATCHED)
            break;
        run->found++;
        offset = next_search_offset(ex->text, length, m);
    }
}

static void report_failure(strbuf *out, const pattern *p, const example *ex,
                           const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report_failure(strbuf *out, const pattern *p, const example *ex,
                           const char *fmt, ...)
{
    char what[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    strbuf_addf(out, "FAIL %s (%s:%d): example \"%s\": %s\n", p->name, p->path,
                ex->line, ex->text, what);
}

/* Checks one expected capture; false (and a report line) where it fails. */
static bool check_expectation(strbuf *out, const pattern *p,
                              const example *ex, const example_run *run,
                              const expectation *e)
{
    char which[32] = "";
    if (e->match_index > 0)
        snprintf(which, sizeof which, "match %zu: ", e->match_index + 1);
    if (e->match_index >= run->found) {
        report_failure(out, p, ex, "expected match %zu, got only %zu",
                       e->match_index + 1, run->found);
        return false;
    }
    const pattern_match *m = &run->matches[e->match_index];
    const pattern_group *g = pattern_match_group(m, e->group);
    const char *got = g ? ex->text + g->start : "";
    int got_len = g ? (int)(g->end - g->start) : 0;
    if (strlen(e->value) == (size_t)got_len &&
        strncmp(e->value, got, (size_t)got_len) == 0)
        return true;
    if (!*e->value)
        report_failure(out, p, ex, "%sexpected %s to be empty, got \"%.*s\"",
                       which, e->group, got_len, got);
    else if (!g)
        report_failure(out, p, ex, "%sexpected %s = \"%s\", got nothing",
                       which, e->group, e->value);
    else
        report_failure(out, p, ex, "%sexpected %s = \"%s\", got \"%.*s\"",
                       which, e->group, e->value, got_len, got);
    return false;
}

static bool check_example(strbuf *out, const pattern *p, const example *ex)
{
    example_run run;
    run_example(p, ex, &run);
    bool ok = true;
    if (run.limited && run.found < matches_needed(ex)) {
        report_failure(out, p, ex, "stopped by the match limit");
        ok = false;
    } else if (ex->expect_no_match) {
        if (run.found > 0) {
            const pattern_match *m = &run.matches[0];
            report_failure(out, p, ex, "expected no match, got '%.*s'",
                           (int)(m->end - m->start), ex->text + m->start);
            ok = false;
        }
    } else if (run.found == 0) {
        report_failure(out, p, ex, "expected a match, got none");
        ok = false;
    } else {
        for (size_t i = 0; i < ex->n_expects; i++)
            if (!check_expectation(out, p, ex, &run, &ex->expects[i]))
                ok = false;
    }
    free(run.matches);
    return ok;
}

int arsred_patterns_test(const arsred_patterns *set, char **report)
{
    strbuf out;
    strbuf_init(&out);
    size_t passed = 0, failed = 0;
    for (size_t i = 0; set && i < set->count; i++) {
        const pattern *p = set->items[i];
        for (size_t j = 0; j < p->n_examples; j++) {
            if (check_example(&out, p, &p->examples[j]))
                passed++;
            else
                failed++;
        }
    }
    strbuf_addf(&out, "patterns: %zu passed, %zu failed\n", passed, failed);
    if (report)
        *report = strbuf_take(&out);
    else
        strbuf_release(&out);
    return failed > INT_MAX ? INT_MAX : (int)failed;
}
