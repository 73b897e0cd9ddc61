/* fuzz_layout.c: the layout engine, furniture, the table finder and the
 * recognisers on synthetic pages, without a PDF. The input is a little
 * typesetting program that places characters on pages the way poppler
 * gives them (content order, boxes, sizes, fonts, line breaks):
 *
 *   0x00-0x7f  the ASCII character (0x0a a line break character, as
 *              poppler gives them), placed at the pen, which moves 0.5 em
 *   0x80-0x8f  new line: the pen goes down (1 + low/8) em, back to the margin
 *   0x90-0x9f  move the pen right by low/4 em (column gaps)
 *   0xa0-0xaf  font size 5 + low points
 *   0xb0-0xb7  bold (bit 0), italic (bit 1), font (bit 2)
 *   0xb8       the margin is where the pen is
 *   0xb9 X     pen x = X * 2.5 points
 *   0xba Y     pen y = Y * 3.5 points
 *   0xbb CCCC  any code point (little-endian, modulo U+110000)
 *   0xbc XXYYWWHH  a character at a box of its own (signed 16-bit x, y,
 *              width, height in quarter points: off the page, inverted)
 *   0xbd       next page
 *   0xbe RGB   colour
 *   0xbf       vertical set (characters stacked downwards) on/off
 *   0xc0-0xff  one of the characters of special[] (Swedish letters, dashes,
 *              number spaces, ligatures, soft hyphen, notes, U+FFFD …)
 *
 * Pages then go through the stages as pipeline.c runs them: layout, a
 * window of pages for the furniture, tables, continuations, every
 * recogniser, the checks, and the JSON and CSV of the document. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arsred.h"
#include "furniture.h"
#include "layout.h"
#include "report.h"
#include "table.h"
#include "util.h"

#ifndef ARSRED_SOURCE_DIR
#error "ARSRED_SOURCE_DIR must name the source tree (for patterns/)"
#endif

/* Bounds that keep one input fast; the real limits are the library's. */
enum { MAX_PAGES = 4, MAX_CHARS_PER_PAGE = 2000 };

static const uint32_t special[64] = {
    0x00E5, 0x00E4, 0x00F6, 0x00C5, 0x00C4, 0x00D6, 0x00E9, 0x00FC, /* åäöÅÄÖéü */
    0x2212, 0x2013, 0x2014, 0x2010, 0x00A0, 0x2009, 0x202F, 0x2007, /* dashes, spaces */
    0x00AD, 0xFB01, 0xFB02, 0xFB00, 0xFB03, 0xFB04, 0x0308, 0x030A, /* shy, ligatures, combining */
    0x00B9, 0x00B2, 0x00B3, 0x2020, 0x2021, 0x2022, 0x00B7, 0x2026, /* notes, bullets, … */
    0xFFFD, 0x0000, 0x0009, 0x000D, 0x000C, 0x2028, 0x200B, 0xFEFF, /* odd ones poppler may give */
    0x00BD, 0x2030, 0x20AC, 0x00A7, 0x00AB, 0x00BB, 0x201D, 0x2019, /* ½ ‰ € § « » ” ’ */
    0xF0B7, 0xF0FC, 0x25CF, 0x25A0, 0x2713, 0x2717, 0x1F7E2, 0x1F534, /* symbol-font glyphs, status icons */
    0x0041, 0x0061, 0x0031, 0x0030, 0x0020, 0x002C, 0x0025, 0x0028, /* A a 1 0 space , % ( */
};

typedef struct pen {
    double x, y, margin;
    float size;
    uint32_t rgb;
    uint16_t font;
    bool bold, italic, vertical;
} pen;

typedef struct pages {
    pdf_page page[MAX_PAGES];
    size_t cap[MAX_PAGES];
    int n;
} pages;

static arsred_patterns *patterns;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    arsred_error err = {0};
    patterns = arsred_patterns_load(ARSRED_SOURCE_DIR "/patterns", NULL, &err);
    if (!patterns)
        abort();
    return 0;
}

static void put(pages *ps, pen *p, uint32_t cp, const box *own)
{
    pdf_page *pg = &ps->page[ps->n - 1];
    if (pg->n_chars >= MAX_CHARS_PER_PAGE)
        return;
    double w = 0.5 * p->size;
    pdf_char c = {.cp = cp, .size = p->size, .rgb = p->rgb, .font = p->font,
                  .bold = p->bold, .italic = p->italic};
    if (own)
        c.box = *own;
    else if (p->vertical)
        c.box = (box){p->x, p->y, p->x + p->size, p->y + w};
    else
        c.box = (box){p->x, p->y, p->x + (cp == '\n' ? 0 : w), p->y + p->size};
    ARRAY_PUSH(pg->chars, pg->n_chars, ps->cap[ps->n - 1], c);
    if (own || cp == '\n')
        return;
    if (p->vertical)
        p->y += w;
    else
        p->x += w;
}

static void new_page(pages *ps, pen *p)
{
    if (ps->n == MAX_PAGES)
        return;
    pdf_page *pg = &ps->page[ps->n++];
    memset(pg, 0, sizeof *pg);
    pg->number = ps->n;
    pg->width = 595;
    pg->height = 842;
    p->x = p->margin;
    p->y = 50;
}

static int16_t s16(const uint8_t *d)
{
    return (int16_t)(uint16_t)(d[0] | d[1] << 8);
}

static void typeset(pages *ps, const uint8_t *d, size_t n)
{
    pen p = {.margin = 50, .size = 10};
    new_page(ps, &p);
    size_t i = 0;
    while (i < n) {
        uint8_t op = d[i++];
        if (op < 0x80) {
            put(ps, &p, op, NULL);
            if (op == '\n') {
                p.x = p.margin;
                p.y += 1.2 * p.size;
            }
        } else if (op >= 0xc0) {
            put(ps, &p, special[op - 0xc0], NULL);
        } else if (op < 0x90) {
            p.x = p.margin;
            p.y += p.size * (1 + (op & 0xf) / 8.0);
        } else if (op < 0xa0) {
            p.x += p.size * (op & 0xf) / 4.0;
        } else if (op < 0xb0) {
            p.size = 5 + (op & 0xf);
        } else if (op < 0xb8) {
            p.bold = op & 1;
            p.italic = op & 2;
            p.font = (op >> 2) & 1;
        } else if (op == 0xb8) {
            p.margin = p.x;
        } else if (op == 0xb9 && i < n) {
            p.x = d[i++] * 2.5;
        } else if (op == 0xba && i < n) {
            p.y = d[i++] * 3.5;
        } else if (op == 0xbb && i + 4 <= n) {
            uint32_t cp = d[i] | d[i + 1] << 8 | d[i + 2] << 16 | (uint32_t)d[i + 3] << 24;
            i += 4;
            put(ps, &p, cp % 0x110000, NULL);
        } else if (op == 0xbc && i + 8 <= n) {
            double x = s16(d + i) / 4.0, y = s16(d + i + 2) / 4.0;
            box b = {x, y, x + s16(d + i + 4) / 4.0, y + s16(d + i + 6) / 4.0};
            i += 8;
            put(ps, &p, 'X', &b);
        } else if (op == 0xbd) {
            new_page(ps, &p);
        } else if (op == 0xbe && i + 3 <= n) {
            p.rgb = (uint32_t)d[i] << 16 | d[i + 1] << 8 | d[i + 2];
            i += 3;
        } else if (op == 0xbf) {
            p.vertical = !p.vertical;
        }
    }
}

static const recogniser *const recognisers[] = {&table_recogniser, &cover_recogniser,
                                                  &statement_recogniser, &goal_recogniser,
                                                  &kpi_recogniser};
enum { N_RECOGNISERS = sizeof recognisers / sizeof *recognisers };

static void finish_page(layout_page *lp, furniture *f, paragraph_state *paragraphs,
                        void **states, arsred_document *doc)
{
    furniture_mark(f, lp);
    report_note_turn(doc, lp);
    lp->n_tables = tables_detect(lp, NULL, &lp->tables);
    layout_mark_continuations(lp, paragraphs);
    for (size_t k = 0; k < N_RECOGNISERS; k++)
        recognisers[k]->page(states[k], lp, doc);
    found_tables_free(lp->tables, lp->n_tables);
    layout_page_release(lp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pages ps = {0};
    typeset(&ps, data, size);

    arsred_document *doc = report_new("fuzz.pdf");
    doc->pages = ps.n;
    furniture *f = furniture_new(patterns);
    paragraph_state paragraphs = {0};
    void *states[N_RECOGNISERS];
    for (size_t k = 0; k < N_RECOGNISERS; k++)
        states[k] = recognisers[k]->start(doc, patterns);

    /* the window of pipeline.c: a page is finished once the furniture has
     * seen FURNITURE_LOOKAHEAD pages after it */
    layout_page window[FURNITURE_LOOKAHEAD + 1];
    size_t n_window = 0;
    for (int i = 0; i < ps.n; i++) {
        layout_page *lp = &window[n_window++];
        layout_page_build(lp, &ps.page[i], NULL);
        free(ps.page[i].chars);
        furniture_add_page(f, lp);
        if (n_window > FURNITURE_LOOKAHEAD) {
            finish_page(&window[0], f, &paragraphs, states, doc);
            memmove(&window[0], &window[1], (n_window - 1) * sizeof *window);
            n_window--;
        }
    }
    for (size_t i = 0; i < n_window; i++)
        finish_page(&window[i], f, &paragraphs, states, doc);

    for (size_t k = 0; k < N_RECOGNISERS; k++)
        recognisers[k]->finish(states[k], doc);
    checks_run(doc, patterns);
    furniture_free(f);

    free(arsred_document_to_json(doc, 0));
    free(arsred_document_to_csv(doc, 1));
    free(arsred_document_summary(doc));
    size_t mismatches;
    free(arsred_document_checks_text(doc, 1, &mismatches));
    arsred_document_free(doc);
    return 0;
}
