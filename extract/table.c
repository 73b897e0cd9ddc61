/* table.c: the table recogniser. Gives each table found on a page its id,
 * title and section (from the headings before it in reading order), its
 * meaning (table_meaning.c), and joins a table that runs onto the next page
 * with its start. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "furniture.h"
#include "table.h"
#include "text.h"
#include "util.h"

enum { MAX_HEADINGS = 8, HEADING_MAX_WORDS = 12, SIZE_BINS = 200, MAX_BETWEEN = 4 };
enum { SPECK_LETTERS = 3 }; /* fewer letters and no digit: a speck, no text */

typedef struct heading {
    char *text;
    float size;
    int page;
    bool corner;    /* a table's corner that named it: names no other table */
} heading;

typedef struct table_state {
    const arsred_patterns *patterns;
    heading headings[MAX_HEADINGS];   /* outermost first */
    size_t n_headings;
    int page;                         /* the page being read */
    double size_chars[SIZE_BINS];     /* characters of body text per half point */
    size_t open_table;                /* a table that may go on, or SIZE_MAX */
    char *open_corner;                /* the text over its labels */
    bool section_style_known;          /* the type of its section rows */
    bool section_bold;
    float section_size;
    const block *between[MAX_BETWEEN]; /* the lines after it on its page */
    size_t n_between;                 /* (MAX_BETWEEN + 1: too many) */
    table_row tail_section;           /* a section row left under it at the
                                         page's foot, its items overleaf */
    double open_top;                  /* its top on the page it was last seen on */
    char **page_head;                 /* the lines above it there, folded */
    size_t n_page_head;
    const block *last_heading;        /* the block of the heading on top, while
                                         nothing but headings followed it */
} table_state;

static void *table_start(arsred_document *doc, const arsred_patterns *patterns)
{
    (void)doc;
    table_state *st = xcalloc(1, sizeof *st);
    st->patterns = patterns;
    st->open_table = SIZE_MAX;
    return st;
}

/* The size most of the text is set in. */
static float body_size(const table_state *st)
{
    size_t best = 0;
    for (size_t i = 1; i < SIZE_BINS; i++)
        if (st->size_chars[i] > st->size_chars[best])
            best = i;
    return best ? (float)best / 2 : 10;
}

static void count_sizes(table_state *st, const layout_page *lp)
{
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        size_t bin = (size_t)lrintf(b->size * 2);
        if (!b->furniture && !b->in_table && bin < SIZE_BINS)
            st->size_chars[bin] += (double)strlen(b->text);
    }
}

static size_t word_count(const char *s)
{
    size_t n = 0;
    for (bool in = false; *s; s++) {
        bool space = *s == ' ';
        n += !space && !in;
        in = !space;
    }
    return n;
}

/* A date, a period, a year (table.period), an organisation number...
 * (table.not-a-title)
 * may stand where a heading would, but names no table. */
static bool never_a_title(const table_state *st, const char *text)
{
    return table_text_matches(st->patterns, "table.not-a-title", text) ||
           table_text_matches(st->patterns, "table.period", text);
}


static bool is_heading(const table_state *st, const block *b)
{
    size_t len = strlen(b->text);
    bool ends_period = len > 0 && b->text[len - 1] == '.';
    return (b->bold || b->size >= 1.15f * body_size(st)) && !ends_period &&
           word_count(b->text) <= HEADING_MAX_WORDS && utf8_letter_count(b->text) >= 3 &&
           !never_a_title(st, b->text);
}

/* A heading replaces those of its size or smaller, and nests under bigger ones. */
static void push_heading_text(table_state *st, const char *text, float size)
{
    while (st->n_headings > 0 && st->headings[st->n_headings - 1].size <= size + 0.25f)
        free(st->headings[--st->n_headings].text);
    if (st->n_headings == MAX_HEADINGS)
        free(st->headings[--st->n_headings].text);
    st->headings[st->n_headings++] = (heading){xstrdup(text), size, st->page, false};
}

/* Whether b is the caption right over a table of the page: it names
 * that table, and is no more of the heading before it. */
static bool is_caption(const layout_page *lp, const block *b)
{
    for (size_t i = 0; i < lp->n_tables; i++) {
        const found_table *ft = &lp->tables[i];
        if (ft->caption_above && strcmp(ft->caption_above, b->text) == 0 &&
            b->box.y1 <= ft->bbox.y0 + 1 && ft->bbox.y0 - b->box.y1 <= 2 * b->size)
            return true;
    }
    return false;
}

/* A heading block right after the heading on top, in its type, on the
 * same line or on the next line under it, is more of that heading (a
 * statement's name and its organisation set line under line, "Not 6"
 * and its name on one line). */
static bool continues_heading(const table_state *st, const layout_page *lp, const block *b)
{
    const block *prev = st->last_heading;
    if (!prev || st->n_headings == 0 || prev->bold != b->bold || fabsf(prev->size - b->size) > 0.25f ||
        is_caption(lp, b))
        return false;
    double pitch = fmax(box_height(prev->box) / prev->n_lines, b->size);
    bool same_line = span_overlap(prev->box.y0, prev->box.y1, b->box.y0, b->box.y1) >
                     0.5 * fmin(box_height(prev->box), box_height(b->box)) && b->box.x0 >= prev->box.x1;
    bool line_under = b->box.y0 >= prev->box.y1 - 0.2 * pitch && b->box.y0 - prev->box.y1 <= 0.5 * pitch &&
                      fabs(b->box.x0 - prev->box.x0) <= 0.5 * b->size;
    return same_line || line_under;
}

/* Text set on the heading's line right after it, in another type, is the
 * rest of the heading ("Not 11" in bold, "SKULDER TILL KREDITINSTITUT"
 * beside it): within two of the heading's ems, short, no date line. */
static bool ends_heading_line(const table_state *st, const block *b)
{
    const block *prev = st->last_heading;
    if (!prev || st->n_headings == 0 || b->n_lines != 1 || prev->n_lines != 1)
        return false;
    bool same_line = span_overlap(prev->box.y0, prev->box.y1, b->box.y0, b->box.y1) >
                     0.5 * fmin(box_height(prev->box), box_height(b->box));
    double gap = b->box.x0 - prev->box.x1;
    return same_line && gap >= 0 && gap <= 2 * prev->size &&
           word_count(b->text) <= HEADING_MAX_WORDS && !never_a_title(st, b->text);
}

static void join_heading(table_state *st, const block *b)
{
    heading *top = &st->headings[st->n_headings - 1];
    strbuf joined;
    strbuf_init(&joined);
    strbuf_adds(&joined, top->text);
    text_join_line(&joined, b->text);
    free(top->text);
    top->text = strbuf_take(&joined);
}

static void push_heading(table_state *st, const layout_page *lp, const block *b)
{
    if (continues_heading(st, lp, b)) {
        join_heading(st, b);
    } else {
        push_heading_text(st, b->text, b->size);
    }
    st->last_heading = b;
}

/* The heading from_top places under the innermost one, where it stands
 * on the page being read: a heading of another page names no table. */
static const char *heading_at(const table_state *st, size_t from_top)
{
    if (from_top >= st->n_headings)
        return NULL;
    const heading *h = &st->headings[st->n_headings - 1 - from_top];
    return h->page == st->page ? h->text : NULL;
}


/* A corner that is only a unit ("(tkr)", "Belopp i tkr") names nothing. */
static bool text_names_table(const table_state *st, const char *text)
{
    if (!text || !*text || never_a_title(st, text))
        return false;
    if (!table_unit_in(text, st->patterns))
        return true;
    return word_count(text) > 3 || (utf8_letter_count(text) > 4 && strchr(text, '(') != NULL);
}

/* The corner names its table unless it heads columns: a column word, or
 * the heads of text columns side by side led by one (table.column.label-head:
 * "Verksamhet", "Låneinstitut Lånenummer Konv.datum"), or a side of a
 * statement ("Tillgångar": the statement's name is elsewhere). */
static bool corner_names_table(const table_state *st, const found_table *ft)
{
    return text_names_table(st, ft->corner) &&
           !table_text_matches(st->patterns, "table.column.label-head", ft->corner) &&
           !table_text_matches(st->patterns, "table.statement-part", ft->corner);
}

/* The short line right over a table's header names it where it is set as
 * a heading: also where the layout joined it in one block with the "tkr"
 * that heads the label column under it. Not where it gives only the unit,
 * a date (table.not-a-title), a figure or a note number (fewer than three
 * letters), or ends a sentence. */
static bool caption_names_table(const table_state *st, const found_table *ft)
{
    const char *caption = ft->caption_above;
    return ft->caption_is_heading && text_names_table(st, caption) &&
           caption[strlen(caption) - 1] != '.' && utf8_letter_count(caption) >= 3;
}

/* The heading on top where the caption is its last line (a heading set
 * over two lines, of which the table finder saw only the one next to
 * the header), else the caption. */
static const char *whole_caption(const table_state *st, const found_table *ft)
{
    const char *top = heading_at(st, 0), *caption = ft->caption_above;
    size_t lt = top ? strlen(top) : 0, lc = strlen(caption);
    if (lt > lc && strcmp(top + lt - lc, caption) == 0 && top[lt - lc - 1] == ' ')
        return top;
    return caption;
}

/* The section: the nearest heading that is not the title, from this
 * page, or from an earlier one where it is set larger than the title (a
 * chapter over the pages, not a sibling left over from a page before). */
static const char *section_of(const table_state *st, const char *title, float title_size)
{
    for (size_t i = st->n_headings; i-- > 0;) {
        const heading *h = &st->headings[i];
        if (title && strcmp(h->text, title) == 0)
            continue;
        if (h->page == st->page || h->size > title_size + 0.5f)
            return h->text;
    }
    return NULL;
}

static void name_table(table_state *st, found_table *ft, bool corner_first)
{
    /* a corner set larger than the column heads beside it is the
     * statement's name ("Resultaträkning | 06-01 - 06-12"); a caption over
     * it is then the page's title */
    corner_first = corner_first || (ft->header_size > 0 && ft->corner_size > ft->header_size + 0.5f &&
                                    corner_names_table(st, ft));
    /* the caption names the table; the corner only where there is none,
     * or where the table heads siblings named each in its corner */
    const char *caption = ft->caption_above ? whole_caption(st, ft) : NULL;
    const char *named = !corner_first && caption_names_table(st, ft) ? caption
                        : corner_names_table(st, ft)                 ? ft->corner
                        : caption_names_table(st, ft)                ? caption
                                                                     : NULL;
    float title_size = named == caption && ft->caption_size > 0 ? ft->caption_size
                       : named == ft->corner && ft->corner_size > 0 ? ft->corner_size
                                                                     : body_size(st);
    /* a caption set as a heading, or a corner that names the table, is a
     * heading: it follows its sibling headings, under their parent */
    bool by_corner = named && named == ft->corner;
    if (named && (named == caption ? ft->caption_size > 0 : ft->corner_size > 0) &&
        !(heading_at(st, 0) && strcmp(heading_at(st, 0), named) == 0)) {
        push_heading_text(st, named, title_size);
        named = heading_at(st, 0);
    }
    if (by_corner && heading_at(st, 0) == named)
        st->headings[st->n_headings - 1].corner = true;
    const heading *top = st->n_headings ? &st->headings[st->n_headings - 1] : NULL;
    if (!named && heading_at(st, 0) && !top->corner) {
        named = heading_at(st, 0);
        title_size = top->size;
    }
    const char *section = section_of(st, named, title_size);
    ft->t.title = named ? xstrdup(named) : NULL;
    ft->t.section = section ? xstrdup(section) : NULL;
}

/* Case folded, digits as '#', spaces dropped: a page head repeated with
 * the next page number or date compares equal. */
static char *folded_for_repeat(const char *text)
{
    char *folded = utf8_casefold(text);
    char *out = folded;
    for (const char *p = folded; *p; p++)
        if (*p != ' ')
            *out++ = (*p >= '0' && *p <= '9') ? '#' : *p;
    *out = '\0';
    return folded;
}

/* Whether text is made of lines that stood above the open table on the
 * page before, or is a piece of one (its page head, set again on this
 * page, where the layout may part a line into blocks). */
static bool repeats_page_head(const table_state *st, const char *text)
{
    if (st->n_page_head == 0)
        return false;
    char *rest = folded_for_repeat(text);
    bool any = *rest != '\0';
    for (size_t i = 0; i < st->n_page_head && any; i++)
        if (strstr(st->page_head[i], rest)) { /* a piece of a line there */
            free(rest);
            return true;
        }
    for (size_t i = 0; i < st->n_page_head; i++) {
        size_t len = strlen(st->page_head[i]);
        char *at;
        while (len > 0 && (at = strstr(rest, st->page_head[i])) != NULL)
            memmove(at, at + len, strlen(at + len) + 1);
    }
    bool repeat = any && *rest == '\0';
    free(rest);
    return repeat;
}

/* Whether text is the open table's title again, as over its continuation
 * ("Nettokostnad per verksamhet (mnkr), forts."). */
static bool repeats_open_title(const table_state *st, const arsred_document *doc, const char *text)
{
    if (st->open_table == SIZE_MAX || !doc->tables[st->open_table].title)
        return false;
    char *title = folded_for_repeat(doc->tables[st->open_table].title);
    char *folded = folded_for_repeat(text);
    bool repeat = *title && strncmp(folded, title, strlen(title)) == 0;
    free(title);
    free(folded);
    return repeat;
}

static void forget_page_head(table_state *st)
{
    for (size_t i = 0; i < st->n_page_head; i++)
        free(st->page_head[i]);
    free(st->page_head);
    st->page_head = NULL;
    st->n_page_head = 0;
}

/* The lines above the open table on this page, longest first (so that a
 * line is not eaten by a shorter one inside it). */
static int compare_longer_first(const void *a, const void *b)
{
    size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);
    return x > y ? -1 : x < y;
}

static void remember_page_head(table_state *st, const layout_page *lp)
{
    forget_page_head(st);
    size_t cap = 0;
    for (size_t b = 0; b < lp->n_blocks; b++) {
        const block *bl = &lp->blocks[b];
        /* furniture too: a line may be judged furniture on one page only */
        for (size_t l = bl->first_line; l < bl->first_line + bl->n_lines; l++)
            if (lp->lines[l].box.y1 <= st->open_top)
                ARRAY_PUSH(st->page_head, st->n_page_head, cap, folded_for_repeat(lp->lines[l].text));
    }
    sort_array(st->page_head, st->n_page_head, sizeof *st->page_head, compare_longer_first);
}

static const char *label_or_empty(const char *label)
{
    return label ? label : "";
}

/* The header of a continuation: none, the page head only, or the same
 * column heads under the same corner, or under the corner of another
 * side of the same statement (table.statement-part: "Tillgångar", then
 * "Eget kapital och skulder"); a corner that names another table
 * ("Balansräkning" after "Resultaträkning", the next note) starts one. */
static bool same_header(const table_state *st, const table *open, const found_table *ft)
{
    bool head_only = true; /* a page that goes on under its page head alone */
    for (size_t i = 0; i < ft->n_header_lines && head_only; i++)
        head_only = repeats_page_head(st, ft->header_lines[i]);
    if (head_only)
        return true;
    const char *corner = label_or_empty(ft->corner);
    bool same_corner = strcmp(label_or_empty(st->open_corner), corner) == 0 ||
                       (table_text_matches(st->patterns, "table.statement-part", st->open_corner) &&
                        table_text_matches(st->patterns, "table.statement-part", corner));
    if (!same_corner)
        return false;
    for (size_t k = 0; k < open->n_columns; k++)
        if (strcmp(label_or_empty(open->columns[k].label), label_or_empty(ft->t.columns[k].label)) != 0)
            return false;
    return true;
}

/* The first table of a page continues the open table, the last thing on
 * the page before, where nothing stands before it but the page's head
 * repeated (the same lines that stood over the table on the page before:
 * a printout's title and run date, the statement's name) and it has the
 * open table's columns and column heads, or no header. A heading or text
 * of its own over it starts a new table. */
static bool continues_open_table(table_state *st, const found_table *ft,
                                 const layout_page *lp, arsred_document *doc,
                                 bool content_before)
{
    if (st->open_table == SIZE_MAX || content_before)
        return false;
    const table *open = &doc->tables[st->open_table];
    if (open->last_page != lp->number - 1 || open->n_columns != ft->t.n_columns)
        return false;
    for (size_t k = 0; k < open->n_columns; k++)
        if (fabs(open->columns[k].x1 - ft->t.columns[k].x1) > 20)
            return false;
    return same_header(st, open, ft);
}

static void append_rows(table_state *st, table *to, table *from)
{
    if (st->tail_section.label) {
        st->tail_section.cells = xcalloc(to->n_columns ? to->n_columns : 1, sizeof *st->tail_section.cells);
        ARRAY_PUSH(to->rows, to->n_rows, to->cap_rows, st->tail_section);
        memset(&st->tail_section, 0, sizeof st->tail_section);
    }
    for (size_t r = 0; r < from->n_rows; r++)
        ARRAY_PUSH(to->rows, to->n_rows, to->cap_rows, from->rows[r]);
    from->n_rows = 0;
    to->last_page = from->page;
}

static void forget_tail_section(table_state *st)
{
    free(st->tail_section.label);
    memset(&st->tail_section, 0, sizeof st->tail_section);
}

/* A line after the table, nothing after it on the page, set as one of
 * the table's own section rows: the head of a section whose rows went
 * overleaf ("Eget kapital" at the foot of the page). */
static bool set_as_section_row(const layout_page *lp, const table *t, const block *b);

static bool is_tail_section(const table_state *st, const layout_page *lp, const block *b,
                            const table *t)
{
    size_t len = strlen(b->text);
    return st->tail_section.label == NULL && b->box.y0 >= t->bbox.y1 && len > 0 &&
           b->text[len - 1] != '.' && set_as_section_row(lp, t, b);
}

static void forget_open_table(table_state *st)
{
    forget_tail_section(st);
    st->open_table = SIZE_MAX;
    free(st->open_corner);
    st->open_corner = NULL;
}

static void remember_open_table(table_state *st, const found_table *ft, size_t index)
{
    forget_open_table(st);
    st->open_table = index;
    st->open_corner = ft->corner ? xstrdup(ft->corner) : NULL;
}

static size_t table_of_block(const layout_page *lp, const block *b)
{
    for (size_t l = b->first_line; l < b->first_line + b->n_lines; l++) {
        const box *lb = &lp->lines[l].box;
        double cx = (lb->x0 + lb->x1) / 2, cy = box_cy(*lb);
        for (size_t i = 0; i < lp->n_tables; i++) {
            box t = lp->tables[i].bbox;
            if (cx >= t.x0 - 1 && cx <= t.x1 + 1 && cy >= t.y0 - 1 && cy <= t.y1 + 1)
                return i;
        }
    }
    return SIZE_MAX;
}

/* Sibling tables under one heading, each named in its corner (a detail
 * table per committee): where a later table of the page with the same
 * columns is named by its corner and has no caption of its own, the
 * corner names table i too, and the caption over it is the heading they
 * share. */
static bool corner_heads_sibling(const table_state *st, const layout_page *lp, size_t i)
{
    const found_table *a = &lp->tables[i];
    if (!corner_names_table(st, a))
        return false;
    for (size_t k = i + 1; k < lp->n_tables; k++) {
        const found_table *b = &lp->tables[k];
        if (b->t.n_columns == a->t.n_columns && corner_names_table(st, b) &&
            !caption_names_table(st, b))
            return true;
    }
    return false;
}

static bool row_is_text_only(const table *t, size_t r)
{
    for (size_t k = 0; k < t->n_columns; k++)
        if (t->rows[r].cells[k].text)
            return false;
    return true;
}

/* The block of this page that holds the label of row r, where the row is
 * a section row (text only) set on this page; else NULL. */
static const block *section_row_block(const layout_page *lp, const table *t, size_t r)
{
    const table_row *row = &t->rows[r];
    if (row->page != lp->number || !row_is_text_only(t, r))
        return NULL;
    double x = row->box.x0 + 1, y = box_cy(row->box);
    for (size_t b = 0; b < lp->n_blocks; b++) {
        const box *bb = &lp->blocks[b].box;
        if (x >= bb->x0 && x <= bb->x1 && y >= bb->y0 && y <= bb->y1)
            return &lp->blocks[b];
    }
    return NULL;
}

/* Whether b is set as a row of t that has no figures (a section row such
 * as "Anläggningstillgångar"): its size and weight, at the labels' left
 * edge. */
static bool set_as_section_row(const layout_page *lp, const table *t, const block *b)
{
    if (b->n_lines != 1 || fabs(b->box.x0 - t->bbox.x0) > 0.5 * b->size)
        return false;
    for (size_t r = 0; r < t->n_rows; r++) {
        const block *lb = section_row_block(lp, t, r);
        if (lb && lb->bold == b->bold && fabsf(lb->size - b->size) <= 0.25f)
            return true;
    }
    return false;
}

/* A table with no header of its own, right under the open table on the
 * same page with its columns, goes on with it where only lines set as
 * the open table's own section rows stand between them (a balance
 * sheet's "Omsättningstillgångar", parted from the rows above by a wider
 * gap); a heading in any other type starts a new table. */
static bool continues_on_page(const table_state *st, const found_table *ft,
                              const layout_page *lp, const arsred_document *doc)
{
    if (st->open_table == SIZE_MAX || ft->n_header_lines > 0 || st->n_between > MAX_BETWEEN)
        return false;
    const table *open = &doc->tables[st->open_table];
    if (open->last_page != lp->number || open->n_columns != ft->t.n_columns)
        return false;
    for (size_t k = 0; k < open->n_columns; k++)
        if (fabs(open->columns[k].x1 - ft->t.columns[k].x1) > 20)
            return false;
    for (size_t i = 0; i < st->n_between; i++)
        if (!set_as_section_row(lp, open, st->between[i]))
            return false;
    return true;
}

/* The type of the open table's section rows (rows without figures) on
 * this page, to know its sub-headings overleaf. */
static void remember_section_style(table_state *st, const layout_page *lp, const table *t)
{
    st->section_style_known = false;
    for (size_t r = 0; r < t->n_rows && !st->section_style_known; r++) {
        const block *lb = section_row_block(lp, t, r);
        if (lb) {
            st->section_style_known = true;
            st->section_bold = lb->bold;
            st->section_size = lb->size;
        }
    }
}

/* A line in the type of the open table's section rows at its labels'
 * edge, no sentence: a sub-heading of that table. */
static bool heads_open_section(const table_state *st, const arsred_document *doc, const block *b)
{
    if (st->open_table == SIZE_MAX || !st->section_style_known || b->n_lines != 1)
        return false;
    const table *t = &doc->tables[st->open_table];
    size_t len = strlen(b->text);
    return b->bold == st->section_bold && fabsf(b->size - st->section_size) <= 0.25f &&
           fabs(b->box.x0 - t->bbox.x0) <= 0.5 * b->size && len > 0 && b->text[len - 1] != '.';
}

static void append_section_rows(table_state *st, table *to, int page)
{
    /* more than MAX_BETWEEN lines were not kept: none of them is known to
     * be a section row, and only some could be added */
    size_t n = st->n_between <= MAX_BETWEEN ? st->n_between : 0;
    for (size_t i = 0; i < n; i++) {
        table_row row = {.label = xstrdup(st->between[i]->text), .box = st->between[i]->box,
                         .page = page};
        row.cells = xcalloc(to->n_columns ? to->n_columns : 1, sizeof *row.cells);
        ARRAY_PUSH(to->rows, to->n_rows, to->cap_rows, row);
    }
    st->n_between = 0;
}

/* The head of a note column over no notes falls to the corner over the
 * labels ("Eget kapital och skulder Not"); it names nothing there. */
static void drop_note_head_from_corner(const table_state *st, found_table *ft)
{
    char *last_space = ft->corner ? strrchr(ft->corner, ' ') : NULL;
    if (last_space && table_text_matches(st->patterns, "table.column.note", last_space + 1))
        *last_space = '\0';
}

/* A heading set over two lines, the second beside the column heads
 * ("NOT 11, RÄNTEKOSTNADER OCH LIKNANDE" / "RESULTATPOSTER | 2023 |
 * 2022"), leaves only its last line in the corner: the corner is then
 * the whole heading, the block that reaches from above into the table. */
static void widen_corner_to_heading(const table_state *st, const layout_page *lp, found_table *ft)
{
    /* a column word or a unit over the labels is no heading's line */
    if (!ft->corner || !*ft->corner || table_unit_in(ft->corner, st->patterns) ||
        table_text_matches(st->patterns, "table.column.label-head", ft->corner))
        return;
    size_t lc = strlen(ft->corner);
    for (size_t b = 0; b < lp->n_blocks; b++) {
        const block *bl = &lp->blocks[b];
        size_t lt = strlen(bl->text);
        bool straddles = bl->n_lines > 1 && bl->box.y0 < ft->bbox.y0 - 1 && bl->box.y1 > ft->bbox.y0;
        if (straddles && lt > lc && strcmp(bl->text + lt - lc, ft->corner) == 0 &&
            bl->text[lt - lc - 1] == ' ') {
            free(ft->corner);
            ft->corner = xstrdup(bl->text);
            /* its first line right over the header is the caption: whole
             * too, where the corner is set in the caption's type (not a
             * the label column's head in the table's type fused with it:
             * "Äldreomsorg tkr") */
            if (ft->caption_above && fabsf(ft->corner_size - ft->caption_size) <= 0.25f &&
                strncmp(bl->text, ft->caption_above, strlen(ft->caption_above)) == 0) {
                free(ft->caption_above);
                ft->caption_above = xstrdup(bl->text);
            }
            return;
        }
    }
}

/* Whether row r of t is a note's heading set as a row of figures' type
 * ("Not 2 Övriga rörelseintäkter" between two notes' rows). */
static bool is_note_heading_row(const table_state *st, const table *t, size_t r)
{
    return row_is_text_only(t, r) && table_text_matches(st->patterns, "table.note-heading", t->rows[r].label);
}

static char *copy_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* A table of the columns of from, its rows [first, end) moved from it,
 * named by the note heading row first - 1. */
static table split_off(table *from, size_t first, size_t end)
{
    table t = {0};
    t.title = copy_or_null(from->rows[first - 1].label);
    t.section = copy_or_null(from->section);
    t.unit_declared = copy_or_null(from->unit_declared);
    t.unit_effective = copy_or_null(from->unit_effective);
    t.sign_convention = from->sign_convention;
    t.n_columns = from->n_columns;
    t.columns = xcalloc(t.n_columns ? t.n_columns : 1, sizeof *t.columns);
    for (size_t k = 0; k < t.n_columns; k++) {
        t.columns[k] = from->columns[k];
        t.columns[k].label = copy_or_null(from->columns[k].label);
        t.columns[k].group = copy_or_null(from->columns[k].group);
        t.columns[k].unit = copy_or_null(from->columns[k].unit);
    }
    t.page = from->rows[first - 1].page;
    t.bbox = from->rows[first - 1].box;
    for (size_t r = first; r < end; r++) {
        ARRAY_PUSH(t.rows, t.n_rows, t.cap_rows, from->rows[r]);
        t.bbox = box_union(t.bbox, from->rows[r].box);
    }
    t.last_page = t.n_rows ? t.rows[t.n_rows - 1].page : t.page;
    return t;
}

/* Notes set one under another in one grid, each under its heading as a
 * row ("Not 2 …"): a table each, the page's header over all of them.
 * Returns how many tables follow ft's own part, in parts[] (caller frees). */
static size_t split_at_note_headings(const table_state *st, found_table *ft, table **parts,
                                     bool *opens_a_note)
{
    table *t = &ft->t;
    size_t n = 0, cap = 0, end = t->n_rows;
    *parts = NULL;
    /* from the last heading up, so that earlier rows stay where they are */
    for (size_t r = t->n_rows; r-- > 1;) {
        if (!is_note_heading_row(st, t, r))
            continue;
        table part = split_off(t, r + 1, end);
        ARRAY_PUSH(*parts, n, cap, part);
        free(t->rows[r].label);
        free(t->rows[r].cells);
        free(t->rows[r].unit);
        free(t->rows[r].note_ref);
        end = r;
    }
    t->n_rows = end;
    *opens_a_note = t->n_rows > 1 && is_note_heading_row(st, t, 0);
    if (*opens_a_note) { /* the first note's heading */
        free(t->title);
        t->title = t->rows[0].label;
        free(t->rows[0].cells);
        free(t->rows[0].unit);
        free(t->rows[0].note_ref);
        memmove(t->rows, t->rows + 1, (t->n_rows - 1) * sizeof *t->rows);
        t->n_rows--;
        end--;
    }
    if (n == 0)
        return 0;
    t->last_page = t->rows[end - 1].page;
    t->bbox = t->rows[0].box;
    for (size_t r = 1; r < end; r++)
        t->bbox = box_union(t->bbox, t->rows[r].box);
    /* in page order */
    for (size_t a = 0, b = n - 1; a < b; a++, b--) {
        table tmp = (*parts)[a];
        (*parts)[a] = (*parts)[b];
        (*parts)[b] = tmp;
    }
    return n;
}

static void take_table(table_state *st, layout_page *lp, size_t i, arsred_document *doc,
                       bool content_before, const bool *corner_first, int *index_on_page)
{
    found_table *ft = &lp->tables[i];
    drop_note_head_from_corner(st, ft);
    widen_corner_to_heading(st, lp, ft);
    snprintf(ft->t.id, sizeof ft->t.id, "p%d-t%d", lp->number, (*index_on_page)++);
    table_take_note_column(&ft->t, st->patterns);
    table_take_label_notes(&ft->t, st->patterns);
    table_read_approx(&ft->t, st->patterns);
    name_table(st, ft, corner_first[i]);
    table_assign_meaning(&ft->t, ft->corner, ft->caption_above, ft->caption_below,
                         st->patterns, doc);
    table *parts;
    bool opens_a_note; /* a note begins: it continues no table */
    size_t n_parts = split_at_note_headings(st, ft, &parts, &opens_a_note);
    if (!opens_a_note && continues_on_page(st, ft, lp, doc)) {
        table *open = &doc->tables[st->open_table];
        append_section_rows(st, open, lp->number);
        open->bbox = box_union(open->bbox, ft->t.bbox);
        append_rows(st, open, &ft->t);
        table_free_contents(&ft->t);
    } else if (!opens_a_note && continues_open_table(st, ft, lp, doc, content_before)) {
        append_section_rows(st, &doc->tables[st->open_table], lp->number);
        append_rows(st, &doc->tables[st->open_table], &ft->t);
        table_free_contents(&ft->t);
    } else {
        if (!ft->t.title)
            report_warn(doc, "table-untitled", lp->number,
                        "page %d: table %s has no caption, heading or naming corner on its page; "
                        "its title is null", lp->number, ft->t.id);
        ARRAY_PUSH(doc->tables, doc->n_tables, doc->cap_tables, ft->t);
        remember_open_table(st, ft, doc->n_tables - 1);
    }
    for (size_t p = 0; p < n_parts; p++) {
        snprintf(parts[p].id, sizeof parts[p].id, "p%d-t%d", parts[p].page, (*index_on_page)++);
        ARRAY_PUSH(doc->tables, doc->n_tables, doc->cap_tables, parts[p]);
        remember_open_table(st, ft, doc->n_tables - 1);
    }
    free(parts);
    st->open_top = ft->bbox.y0;
    st->n_between = 0;
    memset(&ft->t, 0, sizeof ft->t);
}

static void table_page(void *state, layout_page *lp, arsred_document *doc)
{
    table_state *st = state;
    st->page = lp->number;
    count_sizes(st, lp);
    bool *taken = xcalloc(lp->n_tables + 1, sizeof *taken);
    bool content_before = false; /* other than the page head repeated */
    bool text_after = false;     /* body text after the last table taken */
    /* decided before any table is taken (taking one empties it) */
    bool *corner_first = xcalloc(lp->n_tables + 1, sizeof *corner_first);
    for (size_t t = 0; t < lp->n_tables; t++)
        corner_first[t] = corner_heads_sibling(st, lp, t);
    int index_on_page = 0;
    st->n_between = 0;
    for (size_t b = 0; b < lp->n_blocks; b++) {
        const block *bl = &lp->blocks[b];
        if (bl->furniture)
            continue;
        size_t t = bl->in_table ? table_of_block(lp, bl) : SIZE_MAX;
        if (t != SIZE_MAX) {
            st->last_heading = NULL;
            if (!taken[t])
                take_table(st, lp, t, doc, content_before, corner_first, &index_on_page);
            taken[t] = true;
            text_after = false;
            forget_tail_section(st);
            continue;
        }
        /* a sub-heading of the open table over its continuation
         * ("Eget kapital och skulder" over the rest of a balance sheet) */
        bool lead_section = index_on_page == 0 && !content_before && heads_open_section(st, doc, bl);
        if ((index_on_page > 0 || lead_section) && st->n_between <= MAX_BETWEEN) {
            if (st->n_between < MAX_BETWEEN)
                st->between[st->n_between] = bl;
            st->n_between++;
        }
        content_before = content_before || !(lead_section || repeats_page_head(st, bl->text) ||
                                             repeats_open_title(st, doc, bl->text));
        /* small print under a table (a source) or a footer ends nothing,
         * nor does a speck of a letter or two (a scan's dirt read as "ld") */
        bool body = index_on_page > 0 && bl->size >= body_size(st) - 0.5f &&
                    !furniture_in_bottom_margin(lp, bl) &&
                    (utf8_letter_count(bl->text) >= SPECK_LETTERS || strpbrk(bl->text, "0123456789"));
        if (body && !text_after && st->open_table != SIZE_MAX &&
            is_tail_section(st, lp, bl, &doc->tables[st->open_table])) {
            st->tail_section = (table_row){.label = xstrdup(bl->text), .box = bl->box,
                                           .page = lp->number};
        } else if (body) {
            text_after = true;
            forget_tail_section(st);
        }
        if (is_heading(st, bl))
            push_heading(st, lp, bl);
        else if (ends_heading_line(st, bl))
            join_heading(st, bl);
        else
            st->last_heading = NULL;
    }
    for (size_t t = 0; t < lp->n_tables; t++)
        if (!taken[t])
            take_table(st, lp, t, doc, content_before, corner_first, &index_on_page);
    free(taken);
    free(corner_first);
    /* only a table that is the last thing on its page may go on */
    if (st->open_table != SIZE_MAX) {
        const table *last = &doc->tables[st->open_table];
        if (last->last_page != lp->number || last->rows == NULL || text_after)
            forget_open_table(st);
    }
    if (st->open_table != SIZE_MAX) {
        remember_page_head(st, lp);
        remember_section_style(st, lp, &doc->tables[st->open_table]);
    } else {
        forget_page_head(st);
    }
    st->last_heading = NULL; /* a heading does not run on across pages */
}

static void table_finish(void *state, arsred_document *doc)
{
    (void)doc;
    table_state *st = state;
    forget_open_table(st);
    forget_page_head(st);
    for (size_t i = 0; i < st->n_headings; i++)
        free(st->headings[i].text);
    free(st);
}

const recogniser table_recogniser = {"tables", table_start, table_page, table_finish};
