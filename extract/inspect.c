/* inspect.c: what the layout engine sees, for people: a page's words,
 * lines and blocks with their boxes, the parts of its tables as the table
 * reader found them (and a PNG with them drawn, with a key), and the
 * document's paragraphs in reading order. */
#include <stdlib.h>
#include <string.h>

#include "furniture.h"
#include "icons.h"
#include "pdf.h"
#include "pipeline.h"
#include "text.h"
#include "util.h"

typedef struct page_capture {
    int wanted;
    strbuf text;
    pdf_overlay *overlays;
    size_t n_overlays, cap_overlays;
    strbuf labels;          /* NUL-separated overlay labels */
    size_t *label_offsets;
    bool found;
    /* the page's turn (layout_page.turn): the overlays go on the page as
     * rendered, the text gives the boxes as read */
    quarter_turn turn;
    double page_width, page_height;
} page_capture;

static void add_box(strbuf *sb, box b)
{
    strbuf_addf(sb, "[%.1f %.1f %.1f %.1f]", b.x0, b.y0, b.x1, b.y1);
}

/* An overlay at a box on the page as rendered (the page as it is). */
static void add_overlay_on_page(page_capture *pc, box b, uint32_t rgb, double width,
                                const char *label)
{
    pdf_overlay o = {b, rgb, width, NULL};
    ARRAY_PUSH(pc->overlays, pc->n_overlays, pc->cap_overlays, o);
    size_t cap = pc->cap_overlays;
    pc->label_offsets = xrealloc(pc->label_offsets, cap * sizeof *pc->label_offsets);
    pc->label_offsets[pc->n_overlays - 1] = label ? pc->labels.len : SIZE_MAX;
    if (label)
        strbuf_add(&pc->labels, label, strlen(label) + 1);
}

/* An overlay at a box of the page as read. */
static void add_overlay(page_capture *pc, box b, uint32_t rgb, double width,
                        const char *label)
{
    add_overlay_on_page(pc, box_unturned(b, pc->turn, pc->page_width, pc->page_height), rgb,
                        width, label);
}

static void describe_page(page_capture *pc, layout_page *lp, const arsred_document *doc)
{
    strbuf *sb = &pc->text;
    size_t n_images;
    const pdf_image *images = layout_page_images(lp, &n_images);
    strbuf_addf(sb, "page %d: %.1f x %.1f pt, %zu words, %zu lines, %zu blocks, %zu images%s\n",
                lp->number, lp->width, lp->height, lp->n_words, lp->n_lines, lp->n_blocks,
                n_images,
                lp->turn == TURN_NONE       ? ""
                : lp->turn == TURN_CLOCKWISE ? ", read turned a quarter clockwise (boxes as read)"
                                             : ", read turned a quarter anticlockwise (boxes as read)");
    for (size_t i = 0; i < n_images; i++) {
        strbuf_addf(sb, "image %d ", images[i].id);
        add_box(sb, images[i].box);
        strbuf_addc(sb, '\n');
        add_overlay(pc, images[i].box, 0x00A000, 1.0, "image");
    }
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        strbuf_addf(sb, "block %d ", b->order);
        add_box(sb, b->box);
        strbuf_addf(sb, " size %.1f%s%s%s%s \"%s\"\n", b->size, b->bold ? " bold" : "",
                    b->furniture ? " furniture" : "", b->in_table ? " table" : "",
                    b->continues ? " continues" : "", b->text);
        char label[32];
        snprintf(label, sizeof label, "%d%s", b->order, b->furniture ? " furniture" : "");
        add_overlay(pc, b->box, b->furniture ? 0xFF8000 : 0xE00000, 1.0, label);
        for (size_t k = b->first_line; k < b->first_line + b->n_lines; k++) {
            const line *l = &lp->lines[k];
            strbuf_adds(sb, "  line ");
            add_box(sb, l->box);
            strbuf_addf(sb, " \"%s\"\n", l->text);
            add_overlay(pc, l->box, 0x0060FF, 0.4, NULL);
            for (size_t w = l->first_word; w < l->first_word + l->n_words; w++) {
                const word *wd = &lp->words[w];
                strbuf_adds(sb, "    word ");
                add_box(sb, wd->box);
                strbuf_addf(sb, " %.1f%s #%06X \"%s\"\n", wd->size, wd->bold ? " bold" : "",
                            wd->rgb, wd->text);
                add_overlay(pc, wd->box, 0xA0A0A0, 0.2, NULL);
            }
        }
    }
}

/* What the table reader decided, in the colours of the legend. */
enum {
    COLOUR_TABLE = 0x9000C0, COLOUR_CAPTION = 0xE07000, COLOUR_HEADER = 0x0050E0,
    COLOUR_COLUMN = 0x00A050, COLOUR_LABELS = 0x707070, COLOUR_NOTES = 0xA05000,
    COLOUR_ROW = 0xC080E0
};

static bool has_area(box b)
{
    return box_width(b) > 0 && box_height(b) > 0;
}

static void describe_part(page_capture *pc, const char *name, box b, uint32_t rgb)
{
    if (!has_area(b))
        return;
    strbuf_addf(&pc->text, "  %s ", name);
    add_box(&pc->text, b);
    strbuf_addc(&pc->text, '\n');
    add_overlay(pc, b, rgb, 1.0, name);
}

/* A key to the colours, down the page's left margin. */
static void add_table_legend(page_capture *pc)
{
    static const struct {
        const char *name;
        uint32_t rgb;
    } keys[] = {{"table", COLOUR_TABLE},   {"caption", COLOUR_CAPTION}, {"header", COLOUR_HEADER},
                {"column", COLOUR_COLUMN}, {"labels", COLOUR_LABELS},   {"notes", COLOUR_NOTES},
                {"row", COLOUR_ROW}};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        box key = {4, 10 + 14.0 * (double)i, 10, 16 + 14.0 * (double)i};
        add_overlay_on_page(pc, key, keys[i].rgb, 1.5, keys[i].name);
    }
}

/* The tables found on the page: each with its caption, header rows,
 * columns (label and year), label and note columns and row bands. */
static void describe_tables(page_capture *pc, int page, const arsred_document *doc)
{
    static const char *const kinds[] = {"other", "budget", "actual", "deviation", "forecast"};
    bool any = false;
    for (size_t i = 0; i < doc->n_tables; i++) {
        const table *t = &doc->tables[i];
        if (t->page > page || t->last_page < page)
            continue;
        any = true;
        strbuf_addf(&pc->text, "table %s \"%s\" ", t->id, t->title ? t->title : "");
        add_box(&pc->text, t->bbox);
        strbuf_addf(&pc->text, " unit %s, %zu columns, %zu rows\n",
                    t->unit_effective ? t->unit_effective : "?", t->n_columns, t->n_rows);
        if (t->page == page) {
            char label[160];
            snprintf(label, sizeof label, "%s %s", t->id, t->title ? t->title : "(no title)");
            add_overlay(pc, t->bbox, COLOUR_TABLE, 1.5, label);
            describe_part(pc, "caption", t->layout.caption, COLOUR_CAPTION);
            describe_part(pc, "header", t->layout.header, COLOUR_HEADER);
            describe_part(pc, "labels", t->layout.labels, COLOUR_LABELS);
            describe_part(pc, "notes", t->layout.notes, COLOUR_NOTES);
        }
        for (size_t k = 0; k < t->n_columns; k++) {
            const table_column *c = &t->columns[k];
            strbuf_addf(&pc->text, "  column %zu \"%s\" %s %d\n", k, c->label ? c->label : "",
                        kinds[c->kind], c->year);
            if (t->page != page)
                continue;
            char label[96];
            snprintf(label, sizeof label, "%s%s%.0d", c->label ? c->label : "", c->year ? " / " : "",
                     c->year);
            box span = {c->x0, t->bbox.y0, c->x1, t->bbox.y1};
            add_overlay(pc, span, COLOUR_COLUMN, 0.6, label);
        }
        for (size_t r = 0; r < t->n_rows; r++) {
            const table_row *row = &t->rows[r];
            if (row->page != page)
                continue;
            /* across the table where it starts; on a page it goes on to,
             * the row's own box (that page may be turned otherwise) */
            box band = row->page == t->page ? (box){t->bbox.x0, row->box.y0, t->bbox.x1, row->box.y1}
                                            : row->box;
            add_overlay(pc, band, COLOUR_ROW, 0.3, NULL);
        }
    }
    if (any)
        add_table_legend(pc);
}

/* The goals found on the page, with the icons read for them and the
 * status written beside each. */
static void describe_goals(page_capture *pc, int page, const arsred_document *doc)
{
    static const char *const names[] = {"no status", "met", "partly met", "not met",
                                        "not evaluated"};
    for (size_t i = 0; i < doc->n_goals; i++) {
        const goal *g = &doc->goals[i];
        if (g->page == page) {
            char label[96];
            snprintf(label, sizeof label, "goal %s: %s", g->id, names[g->status]);
            strbuf_addf(&pc->text, "goal %s ", g->id);
            add_box(&pc->text, g->bbox);
            strbuf_addf(&pc->text, " %s \"%s\"\n", names[g->status], g->text);
            add_overlay(pc, g->bbox, 0x008080, 1.2, label);
        }
        const status_evidence *e = &g->evidence;
        if (e->kind == EVIDENCE_ICON && e->page == page) {
            strbuf_addf(&pc->text, "  icon #%06x%s ", e->rgb, e->legend ? " (legend)" : "");
            add_box(&pc->text, e->bbox);
            strbuf_addc(&pc->text, '\n');
            add_overlay(pc, e->bbox, 0x000000, 0.8, names[g->status]);
        }
    }
}

static void capture_page(void *ctx, layout_page *lp, const arsred_document *doc)
{
    page_capture *pc = ctx;
    if (lp->number != pc->wanted)
        return;
    pc->found = true;
    pc->turn = lp->turn;
    pc->page_width = lp->page_width;
    pc->page_height = lp->page_height;
    describe_page(pc, lp, doc);
}

int arsred_inspect_page(const char *path, const arsred_options *options,
                        int page, char **text, const char *png_path,
                        arsred_error *err)
{
    *text = NULL;
    if (page < 1)
        return error_set(err, ARSRED_ERR_USAGE, "--page must be 1 or more");
    /* The pages around it are read too: furniture is judged by them. */
    char range[64];
    int lo = page > FURNITURE_LOOKBEHIND ? page - FURNITURE_LOOKBEHIND : 1;
    snprintf(range, sizeof range, "%d-%d", lo, page + FURNITURE_LOOKAHEAD);
    arsred_options opts = *options;
    opts.page_ranges = range;
    page_capture pc = {.wanted = page};
    strbuf_init(&pc.text);
    strbuf_init(&pc.labels);
    arsred_document *doc = NULL;
    int rc = pipeline_run_window(path, &opts, capture_page, &pc, &doc, err);
    if (rc == ARSRED_OK && pc.found) {
        /* tables and goals are whole only once the document is read */
        describe_tables(&pc, page, doc);
        describe_goals(&pc, page, doc);
    }
    if (rc == ARSRED_OK && !pc.found)
        rc = error_set(err, ARSRED_ERR_USAGE, "%s: there is no page %d (it has %d)",
                       doc->path, page, doc->pages);
    if (rc == ARSRED_OK && png_path) {
        for (size_t i = 0; i < pc.n_overlays; i++)
            if (pc.label_offsets[i] != SIZE_MAX)
                pc.overlays[i].label = pc.labels.data + pc.label_offsets[i];
        pdf_doc *pdf = NULL;
        rc = pdf_open(path, options->source_name, options->password, &pdf, err);
        if (rc == ARSRED_OK)
            rc = pdf_render_page_png(pdf, page, 2.0, pc.overlays, pc.n_overlays,
                                     png_path, err);
        pdf_close(pdf);
    }
    arsred_document_free(doc);
    free(pc.overlays);
    free(pc.label_offsets);
    strbuf_release(&pc.labels);
    if (rc != ARSRED_OK) {
        strbuf_release(&pc.text);
        return rc;
    }
    *text = strbuf_take(&pc.text);
    return ARSRED_OK;
}

typedef struct paragraph_capture {
    strbuf text;
    strbuf current;
    icon_glyphs glyphs;
} paragraph_capture;

static void flush_paragraph(paragraph_capture *pc)
{
    if (pc->current.len == 0)
        return;
    text_fold_space(pc->current.data);
    strbuf_adds(&pc->text, pc->current.data);
    strbuf_addc(&pc->text, '\n');
    strbuf_release(&pc->current);
}

static void capture_paragraphs(void *ctx, layout_page *lp, const arsred_document *doc)
{
    (void)doc;
    paragraph_capture *pc = ctx;
    for (size_t i = 0; i < lp->n_blocks; i++) {
        const block *b = &lp->blocks[i];
        if (b->furniture || b->in_table) /* tables are data, not body text */
            continue;
        if (!b->continues)
            flush_paragraph(pc);
        /* a coloured status glyph that starts a goal is its icon, not a word */
        const char *text = b->text;
        const word *first = &lp->words[lp->lines[b->first_line].first_word];
        const word *second = lp->lines[b->first_line].n_words > 1 ? first + 1 : first;
        if (icon_is_glyph_word(&pc->glyphs, first, second->rgb) && strchr(text, ' '))
            text = strchr(text, ' ') + 1;
        text_join_line(&pc->current, text);
    }
}

int arsred_paragraphs(const char *path, const arsred_options *options,
                      char **text, arsred_error *err)
{
    *text = NULL;
    paragraph_capture pc;
    strbuf_init(&pc.text);
    strbuf_init(&pc.current);
    pc.glyphs.glyph = options ? patterns_find(options->patterns, "goal.mark-glyph") : NULL;
    arsred_document *doc = NULL;
    int rc = pipeline_run(path, options, capture_paragraphs, &pc, &doc, err);
    flush_paragraph(&pc);
    arsred_document_free(doc);
    strbuf_release(&pc.current);
    if (rc != ARSRED_OK) {
        strbuf_release(&pc.text);
        return rc;
    }
    *text = strbuf_take(&pc.text);
    return ARSRED_OK;
}
