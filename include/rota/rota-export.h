/* SPDX-License-Identifier: MIT */
/* rota-export.h: publish a roster as iCalendar feeds (per person, unit and segment). */
/*
 * Ownership and threads: A feed writer has one owner (rota_feed_writer_free()), holds
 * a reference to its model and is used by one thread at a time; several
 * writers may export at once into different folders.  The export stats
 * and the _dup_*_path strings are the caller's to free.
 */
#ifndef ROTA_EXPORT_H
#define ROTA_EXPORT_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-model.h>
#include <rota/rota-roster.h>

G_BEGIN_DECLS

/**
 * RotaFeedWriter:
 *
 * RotaFeedWriter publishes one roster of a model into a folder DIR of
 * iCalendar feeds (docs/feeds.md): DIR/feeds/person/P0003-TOKEN.ics for
 * every person (also without duties), DIR/feeds/unit/U001.ics,
 * DIR/feeds/segment/S001.ics, and DIR/index.json for the coordinators.
 * TOKEN is an HMAC of the person id under a secret key, so that DIR/feeds
 * can be served by a static web server: publish DIR/feeds and nothing
 * else.  A ledger (DIR/.rota-ledger.json) remembers what was published, so
 * that a later export of another roster raises SEQUENCE only on changed
 * events and publishes removed ones as cancelled; exporting the same
 * roster again rewrites no file.  index.json and the ledger name every
 * token; feed paths (index.json, rota_feed_writer_dup_*_path()) are
 * relative to DIR/feeds.  A writer holds a reference to its model, has one
 * owner (rota_feed_writer_free()) and is used by one thread at a time.
 *
 * Publishing a roster:
 *
 * ```c
 * g_autoptr(RotaFeedWriter) writer = rota_feed_writer_new(model);
 * g_autoptr(RotaExportStats) stats = NULL;
 *
 * if (!rota_feed_writer_set_secret_file(writer, "feeds.key", &error) ||
 *     !rota_feed_writer_export(writer, roster, "public", &stats, &error))
 *     return FALSE;
 * g_print("%d feeds, %d files written\n", rota_export_stats_get_feeds(stats),
 *         rota_export_stats_get_files_written(stats));
 * ```
 */
typedef struct _RotaFeedWriter RotaFeedWriter;

#define ROTA_TYPE_FEED_WRITER (rota_feed_writer_get_type())
GType rota_feed_writer_get_type(void) G_GNUC_CONST;

/**
 * RotaExportStats:
 *
 * What one rota_feed_writer_export() did: how many feeds it published,
 * how many files it had to write, and how many events are new, changed,
 * cancelled or expired against the previous publication (the ledger).
 * Event counts add up over all feeds: one assignment appears in the
 * person's, the unit's and the segment's feed, so it counts up to three
 * times.  `rota export` prints these figures.
 *
 * Returned by rota_feed_writer_export() for the caller to free with
 * rota_export_stats_free(); read with the getters.  Since 0.2 an opaque
 * type (0.1 had a public struct), so that it can grow without an ABI
 * break.
 *
 * Since: 0.2
 */
typedef struct _RotaExportStats RotaExportStats;

#define ROTA_TYPE_EXPORT_STATS (rota_export_stats_get_type())
GType rota_export_stats_get_type(void) G_GNUC_CONST;

RotaExportStats *rota_export_stats_copy(const RotaExportStats *stats);
void rota_export_stats_free(RotaExportStats *stats);
int rota_export_stats_get_feeds(const RotaExportStats *stats);
int rota_export_stats_get_files_written(const RotaExportStats *stats);
int rota_export_stats_get_files_unchanged(const RotaExportStats *stats);
int rota_export_stats_get_events(const RotaExportStats *stats);
int rota_export_stats_get_events_new(const RotaExportStats *stats);
int rota_export_stats_get_events_changed(const RotaExportStats *stats);
int rota_export_stats_get_events_cancelled(const RotaExportStats *stats);
int rota_export_stats_get_events_expired(const RotaExportStats *stats);

RotaFeedWriter *rota_feed_writer_new(RotaModel *model);
void rota_feed_writer_free(RotaFeedWriter *writer);

gboolean rota_feed_writer_set_secret_file(RotaFeedWriter *writer, const char *path,
                                          GError **error);
void rota_feed_writer_set_secret(RotaFeedWriter *writer, const guint8 *key, gsize length);
void rota_feed_writer_set_now(RotaFeedWriter *writer, GDateTime *now);
void rota_feed_writer_set_keep_cancelled(RotaFeedWriter *writer, int days);
void rota_feed_writer_set_previous_dir(RotaFeedWriter *writer, const char *dir);

gboolean rota_feed_writer_export(RotaFeedWriter *writer, const RotaRoster *roster,
                                 const char *dir, RotaExportStats **stats, GError **error);

char *rota_feed_writer_dup_person_path(RotaFeedWriter *writer, int person);
char *rota_feed_writer_dup_unit_path(RotaFeedWriter *writer, int unit);
char *rota_feed_writer_dup_segment_path(RotaFeedWriter *writer, int segment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaFeedWriter, rota_feed_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaExportStats, rota_export_stats_free)

G_END_DECLS

#endif
