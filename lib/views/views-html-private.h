/* SPDX-License-Identifier: MIT */
/* views-html-private.h: the static site's pages, their frame, SVG charts and QR codes. */
#ifndef ROTA_VIEWS_HTML_PRIVATE_H
#define ROTA_VIEWS_HTML_PRIVATE_H

#include "views/views-private.h"

struct _RotaSiteWriter {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    RotaModel *model;      /* a reference */
    GDateTime *now;        /* NULL: the current time */
    char *feeds_url;       /* ends in '/', or NULL: no QR codes */
    RotaFeedWriter *feeds; /* the feeds' paths (and, with a secret, the personal ones) */
    gboolean has_secret;
};

/* One site being made: every page is kept in memory until all are made. */
typedef struct {
    const RotaSiteWriter *writer;
    const RotapView *view;
    const RotaScore *score;
    int week_first, week_last; /* the days of the signs' week inside the horizon */
    GPtrArray *paths;          /* char *, relative to DIR */
    GPtrArray *pages;          /* GString *, the same order */
    int qr_codes;
} RotapSite;

/* ---- frame (views-html.c) ---- */

typedef enum {
    ROTAP_PAGE_PORTRAIT, /* A4 portrait: signs, lists */
    ROTAP_PAGE_LANDSCAPE /* A4 landscape: the unit's month */
} RotapPageSize;

/* A page up to and including <body>: title, the common style sheet, the
 * print size and the page's own rules (css, nullable). */
GString *rotap_page_new(const char *title, RotapPageSize size, const char *css);
/* Close the page and keep it as path (relative to DIR). */
void rotap_site_add(RotapSite *site, const char *path, GString *page);
/* Append text with &, <, >, " escaped. */
void rotap_html_text(GString *out, const char *text);
/* The file name stem of a unit's or segment's pages (its id, made safe). */
char *rotap_site_unit_stem(const RotapSite *site, int unit);
char *rotap_site_segment_stem(const RotapSite *site, int segment);
/* "12月28日" of a day. */
char *rotap_site_short_date(const RotaModel *model, int day);

/* ---- SVG (views-svg.c) ---- */

/* A QR code of text, drawn size_mm wide; FALSE (and nothing appended) when
 * text does not fit a QR code. */
gboolean rotap_svg_qr(RotapSite *site, GString *out, const char *text, int size_mm);
/* Stacked bars, one per x: values[x * n_series + k] of series k, colours
 * and names per series; labels under the bars (every label_step-th). */
void rotap_svg_bars(GString *out, const char *title, int n_x, const int *values,
                    int n_series, const char *const *colours, const char *const *names,
                    const char *const *labels, int label_step);
/* A horizontal range bar from lo to hi on a scale of 0..top. */
void rotap_svg_range(GString *out, double lo, double hi, double top);

/* ---- pages ---- */

void rotap_site_public(RotapSite *site);         /* views-html-public.c */
void rotap_site_internal(RotapSite *site);       /* views-html-internal.c */
void rotap_site_unit(RotapSite *site, int unit); /* views-html-unit.c */

#endif
