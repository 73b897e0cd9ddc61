/* page_feed.c: pages read and laid out, in the caller's thread or one
 * ahead of it. The loading thread and the caller share only the ring of
 * finished pages, under one lock. */
#include "page_feed.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

struct page_feed {
    pdf_doc *pdf;
    const bool *selected;
    int n_pages;
    int next_number;                  /* the next page to read */
    pthread_t loader;
    bool threaded;                    /* false: read in the caller's thread */
    pthread_mutex_t lock;
    pthread_cond_t changed;           /* a page was added or taken, or stop */
    fed_page ring[PAGE_FEED_AHEAD];
    size_t first, count;
    size_t words;                     /* of the pages in the ring */
    bool loaded_all, stopping;
};

static void count_glyphs(const pdf_page *page, fed_page *out)
{
    uint32_t prev = 0;
    for (size_t i = 0; i < page->n_chars; i++) {
        uint32_t cp = page->chars[i].cp;
        if (cp != '\n' && box_width(page->chars[i].box) < PAGE_FEED_NARROW_PT)
            out->narrow_glyphs++;
        if (cp == '\n' || cp == '\r' || cp == '\t' || is_space_cp(cp))
            continue;
        bool leader = cp == prev && text_is_garbled_cp(cp); /* as word_is_garbled: once */
        prev = cp;
        if (leader)
            continue;
        out->glyphs++;
        out->unmapped_glyphs += text_is_garbled_cp(cp);
    }
}

/* Reads and lays out page number; a page that cannot be read is marked. */
static void load_page(pdf_doc *pdf, int number, fed_page *out)
{
    memset(out, 0, sizeof *out);
    out->number = number;
    pdf_page page;
    arsred_error err = {0};
    if (pdf_page_load(pdf, number, &page, &err) != ARSRED_OK) {
        out->unreadable = true;
        return;
    }
    count_glyphs(&page, out);
    out->errors = page.errors;
    memcpy(out->first_error, page.first_error, sizeof out->first_error);
    layout_page_build(&out->layout, &page, pdf);
    pdf_page_release(&page);
}

/* The next selected page number, or 0 when there is none. */
static int take_number(page_feed *feed)
{
    while (feed->next_number <= feed->n_pages && !feed->selected[feed->next_number])
        feed->next_number++;
    return feed->next_number <= feed->n_pages ? feed->next_number++ : 0;
}

static void *load_ahead(void *data)
{
    page_feed *feed = data;
    for (int number; (number = take_number(feed)) != 0;) {
        pthread_mutex_lock(&feed->lock);
        while ((feed->count == PAGE_FEED_AHEAD ||
                (feed->count > 0 && feed->words >= PAGE_FEED_AHEAD_WORDS)) &&
               !feed->stopping)
            pthread_cond_wait(&feed->changed, &feed->lock);
        bool stopping = feed->stopping;
        pthread_mutex_unlock(&feed->lock);
        if (stopping)
            break;
        fed_page page;
        load_page(feed->pdf, number, &page);
        pthread_mutex_lock(&feed->lock);
        feed->ring[(feed->first + feed->count) % PAGE_FEED_AHEAD] = page;
        feed->count++;
        feed->words += page.layout.n_words;
        pthread_cond_broadcast(&feed->changed);
        pthread_mutex_unlock(&feed->lock);
    }
    pthread_mutex_lock(&feed->lock);
    feed->loaded_all = true;
    pthread_cond_broadcast(&feed->changed);
    pthread_mutex_unlock(&feed->lock);
    return NULL;
}

page_feed *page_feed_start(pdf_doc *pdf, const bool *selected, int n_pages,
                           bool load_ahead_wanted)
{
    page_feed *feed = xcalloc(1, sizeof *feed);
    feed->pdf = pdf;
    feed->selected = selected;
    feed->n_pages = n_pages;
    feed->next_number = 1;
    pthread_mutex_init(&feed->lock, NULL);
    pthread_cond_init(&feed->changed, NULL);
    /* a small document is read before a thread would pay for itself */
    if (load_ahead_wanted && n_pages > 1 && pdf_open_text_reader(pdf))
        feed->threaded = pthread_create(&feed->loader, NULL, load_ahead, feed) == 0;
    return feed;
}

bool page_feed_next(page_feed *feed, fed_page *out)
{
    if (!feed->threaded) {
        int number = take_number(feed);
        if (number == 0)
            return false;
        load_page(feed->pdf, number, out);
        return true;
    }
    pthread_mutex_lock(&feed->lock);
    while (feed->count == 0 && !feed->loaded_all)
        pthread_cond_wait(&feed->changed, &feed->lock);
    bool got = feed->count > 0;
    if (got) {
        *out = feed->ring[feed->first];
        feed->first = (feed->first + 1) % PAGE_FEED_AHEAD;
        feed->count--;
        feed->words -= out->layout.n_words;
        pthread_cond_broadcast(&feed->changed);
    }
    pthread_mutex_unlock(&feed->lock);
    return got;
}

void page_feed_stop(page_feed *feed)
{
    if (!feed)
        return;
    if (feed->threaded) {
        pthread_mutex_lock(&feed->lock);
        feed->stopping = true;
        pthread_cond_broadcast(&feed->changed);
        pthread_mutex_unlock(&feed->lock);
        pthread_join(feed->loader, NULL);
    }
    for (; feed->count > 0; feed->count--) {
        layout_page_release(&feed->ring[feed->first].layout);
        feed->first = (feed->first + 1) % PAGE_FEED_AHEAD;
    }
    pthread_cond_destroy(&feed->changed);
    pthread_mutex_destroy(&feed->lock);
    free(feed);
}
