/* legend.c: what a report's status marks mean. */
#include "legend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define LEGEND_MATCH 70.0   /* farthest colour distance a legend entry covers */
#define SAME_LEGEND_COLOR 20.0 /* two entries of one page this close are one */

mark_ref legend_mark(const icon *ic, size_t goal_index, size_t assignment_index, int page)
{
    mark_ref ref = {goal_index, assignment_index, ic->rgb, "", page, false};
    if (ic->glyph && ic->word)
        snprintf(ref.glyph, sizeof ref.glyph, "%s", ic->word->text);
    return ref;
}

void legend_note(legend_book *book, mark_ref m)
{
    for (size_t i = 0; i < book->n_marks; i++)
        if (book->marks[i].goal == m.goal && book->marks[i].assignment == m.assignment) {
            book->marks[i] = m;
            return;
        }
    ARRAY_PUSH(book->marks, book->n_marks, book->cap_marks, m);
}

void legend_learn(legend_book *book, const icon *ic, goal_status status, int page)
{
    legend_entry e = {ic->rgb, "", status, page};
    if (ic->glyph && ic->word)
        snprintf(e.glyph, sizeof e.glyph, "%s", ic->word->text);
    for (size_t i = book->n; i-- > 0 && book->entries[i].page == page;)
        if (color_distance(book->entries[i].rgb, e.rgb) < SAME_LEGEND_COLOR &&
            strcmp(book->entries[i].glyph, e.glyph) == 0)
            return;
    ARRAY_PUSH(book->entries, book->n, book->cap, e);
}

bool legend_since(const legend_book *book, int page)
{
    return book->n > 0 && book->entries[book->n - 1].page >= page; /* learnt in page order */
}

/* How far a legend entry is from a mark: its colour's distance, and a
 * glyph other than the entry's is another symbol whatever its colour. */
static double legend_distance(const legend_entry *e, const mark_ref *m)
{
    double d = color_distance(e->rgb, m->rgb);
    if (e->glyph[0] && m->glyph[0] && strcmp(e->glyph, m->glyph) != 0)
        d += 2 * LEGEND_MATCH;
    return d;
}

/* The legend entry that explains a mark: of its own page's legend where
 * that has one, else of the legend on the nearest page; SIZE_MAX where no
 * legend knows it. */
static size_t legend_for(const legend_book *book, const mark_ref *m)
{
    size_t best = SIZE_MAX;
    int best_pages = 0;
    double best_d = LEGEND_MATCH;
    for (size_t i = 0; i < book->n; i++) {
        double d = legend_distance(&book->entries[i], m);
        int pages = abs(book->entries[i].page - m->page);
        if (d < LEGEND_MATCH && (best == SIZE_MAX || pages < best_pages ||
                                 (pages == best_pages && d < best_d))) {
            best = i;
            best_pages = pages;
            best_d = d;
        }
    }
    return best;
}

goal_status legend_status(const legend_book *book, const mark_ref *m, bool *legend)
{
    size_t entry = legend_for(book, m);
    *legend = entry != SIZE_MAX;
    if (entry != SIZE_MAX)
        return book->entries[entry].status;
    return book->n || m->legend_only ? STATUS_NONE : status_of_hue(m->rgb);
}

/* How many bytes of text make up to max bytes of whole characters. */
static int whole_chars(const char *text, int max)
{
    int n = 0;
    const char *p = text, *end = text + strlen(text);
    while (p < end) {
        const char *q = p;
        utf8_next(&q, end);
        if (q - text > max)
            break;
        n = (int)(q - text);
        p = q;
    }
    return n;
}

/* Settles mark m; returns whether it is an activity's mark that no legend
 * explains (warned of per page, not each). */
static bool settle_mark(const legend_book *book, arsred_document *doc, const mark_ref *m)
{
    bool legend;
    goal_status s = legend_status(book, m, &legend);
    const char *why = book->n ? "is not one the report's legend explains"
                              : "tells no status by itself and the report has no legend";
    if (m->assignment == SIZE_MAX) {
        goal *g = &doc->goals[m->goal];
        g->status = s;
        g->evidence.legend = legend;
        if (s == STATUS_NONE)
            report_warn(doc, "icon-unclassified", g->page,
                        "page %d: goal %s: the mark's colour #%06X %s; its status is left empty",
                        g->page, g->id, m->rgb, why);
        return false;
    }
    assignment *a = m->goal == SIZE_MAX ? &doc->assignments[m->assignment]
                                        : &doc->goals[m->goal].assignments[m->assignment];
    a->status = s;
    a->evidence.legend = legend;
    if (s != STATUS_NONE)
        return false;
    if (m->legend_only && !book->n)
        return true;
    const char *text = a->text ? a->text : "";
    report_warn(doc, "icon-unclassified", m->page,
                "page %d: assignment '%.*s': the mark's colour #%06X %s; its status is left empty",
                m->page, whole_chars(text, 60), text, m->rgb, why);
    return false;
}

void legend_settle(const legend_book *book, arsred_document *doc)
{
    size_t unexplained = 0;
    int page = 0;
    for (size_t i = 0; i <= book->n_marks; i++) {
        bool last = i == book->n_marks;
        if (unexplained && (last || book->marks[i].page != page)) {
            report_warn_count(doc, "icon-unclassified", page, unexplained,
                              "page %d: the marks of %zu activities in tables tell how far the work "
                              "has come, which only a legend explains; their status is left empty",
                              page, unexplained);
            unexplained = 0;
        }
        if (last)
            break;
        page = book->marks[i].page;
        unexplained += settle_mark(book, doc, &book->marks[i]);
    }
}

void legend_book_release(legend_book *book)
{
    free(book->entries);
    free(book->marks);
    memset(book, 0, sizeof *book);
}
