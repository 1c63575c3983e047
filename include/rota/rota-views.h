/* SPDX-License-Identifier: MIT */
/* rota-views.h: a roster for people to read: Excel workbook, CSV and a static web site.
 */
/*
 * Ownership and threads: Functions here read the roster and write files or return text
 * the caller frees; a site writer has one owner (rota_site_writer_free()),
 * holds a reference to its model and is used by one thread at a time.
 * RotaSiteStats is a value filled in caller memory.
 */
#ifndef ROTA_VIEWS_H
#define ROTA_VIEWS_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-model.h>
#include <rota/rota-roster.h>

G_BEGIN_DECLS

gboolean rota_roster_save_xlsx(const RotaRoster *roster, const char *path,
                               GError **error);

char *rota_roster_to_csv(const RotaRoster *roster, gsize *length);
gboolean rota_roster_save_csv(const RotaRoster *roster, const char *path, GError **error);

/**
 * RotaSiteWriter:
 *
 * RotaSiteWriter writes a roster as a static site in Chinese (docs/views.md):
 * DIR/public/ (the segments' road-chief signs, fit to publish) and
 * DIR/internal/ (the overview, one page per unit and per day, for the
 * coordinators).  The pages need no JavaScript and load nothing from
 * elsewhere.
 */
typedef struct _RotaSiteWriter RotaSiteWriter;

#define ROTA_TYPE_SITE_WRITER (rota_site_writer_get_type())
GType rota_site_writer_get_type(void) G_GNUC_CONST;

/**
 * RotaSiteStats:
 * @pages: the HTML files written, public and internal pages together
 * @bytes: their total size in bytes
 * @qr_codes: the QR codes drawn (the segments' and the members' calendar
 *   feed addresses; none without a feeds URL)
 *
 * What one rota_site_writer_write() wrote, a value type filled in caller
 * memory.
 */
typedef struct {
    int pages;    /* HTML files written */
    gint64 bytes; /* their total size */
    int qr_codes; /* QR codes drawn */
} RotaSiteStats;

#define ROTA_TYPE_SITE_STATS (rota_site_stats_get_type())
GType rota_site_stats_get_type(void) G_GNUC_CONST;

RotaSiteWriter *rota_site_writer_new(RotaModel *model);
void rota_site_writer_free(RotaSiteWriter *writer);

void rota_site_writer_set_now(RotaSiteWriter *writer, GDateTime *now);
gboolean rota_site_writer_set_feeds_url(RotaSiteWriter *writer, const char *url,
                                        GError **error);
gboolean rota_site_writer_set_secret_file(RotaSiteWriter *writer, const char *path,
                                          GError **error);

gboolean rota_site_writer_write(RotaSiteWriter *writer, const RotaRoster *roster,
                                const char *dir, RotaSiteStats *stats, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaSiteWriter, rota_site_writer_free)

G_END_DECLS

#endif
