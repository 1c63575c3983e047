/* SPDX-License-Identifier: MIT */
/* ical-stats.c: RotaExportStats, what one publication of feeds did. */
#include "config.h"

#include "ical-private.h"

/**
 * rota_export_stats_copy:
 * @stats: statistics of an export
 *
 * Copies the statistics into a new, independent value; it is also the
 * copy function of the boxed type (ROTA_TYPE_EXPORT_STATS).
 *
 * Returns: (transfer full): a copy; free it with rota_export_stats_free().
 * Since: 0.2
 */
RotaExportStats *
rota_export_stats_copy(const RotaExportStats *stats)
{
    RotaExportStats *copy;

    g_return_val_if_fail(stats != NULL, NULL);
    copy = g_new(RotaExportStats, 1);
    *copy = *stats;
    return copy;
}

/**
 * rota_export_stats_free:
 * @stats: (nullable): statistics of an export
 *
 * Frees @stats.  %NULL is ignored.
 *
 * Since: 0.2
 */
void
rota_export_stats_free(RotaExportStats *stats)
{
    g_free(stats);
}

/**
 * rota_export_stats_get_feeds:
 * @stats: statistics of an export
 *
 * Counts the feeds the export published: one per person (also for people
 * without duties), one per unit and one per segment.
 *
 * Returns: the number of .ics files of the publication (people, units and
 *   segments).
 * Since: 0.2
 */
int
rota_export_stats_get_feeds(const RotaExportStats *stats)
{
    g_return_val_if_fail(stats != NULL, 0);
    return stats->feeds;
}

/**
 * rota_export_stats_get_files_written:
 * @stats: statistics of an export
 *
 * Counts the files the export had to write because their content changed.
 * Exporting the same roster again writes none, so that feed readers and web
 * caches see nothing new.
 *
 * Returns: the number of files (feeds and index.json) whose bytes changed
 *   and were written.
 * Since: 0.2
 */
int
rota_export_stats_get_files_written(const RotaExportStats *stats)
{
    g_return_val_if_fail(stats != NULL, 0);
    return stats->files_written;
}

/**
 * rota_export_stats_get_files_unchanged:
 * @stats: statistics of an export
 *
 * Counts the files whose content was already as published and which were
 * left untouched (their modification time included).
 *
 * Returns: the number of files (feeds and index.json) left as they were.
 * Since: 0.2
 */
int
rota_export_stats_get_files_unchanged(const RotaExportStats *stats)
{
    g_return_val_if_fail(stats != NULL, 0);
    return stats->files_unchanged;
}

/**
 * rota_export_stats_get_events:
 * @stats: statistics of an export
 *
 * Counts the events of the publication over all feeds: one per duty in each
 * personal feed, one per team (date, shift, segment and duty) in each unit
 * and segment feed, and the cancelled events still kept.
 *
 * Returns: the number of events published over all feeds, cancelled ones
 *   included.
 * Since: 0.2
 */
int
rota_export_stats_get_events(const RotaExportStats *stats)
{
    g_return_val_if_fail(stats != NULL, 0);
    return stats->events;
}

/**
 * rota_export_stats_get_events_new:
 * @stats: statistics of an export
 *
 * Counts the events published for the first time: duties (or teams) that
 * the previous publication, as its ledger records it, did not have.
 *
 * Returns: the number of events that were not in the previous publication.
 * Since: 0.2
 */
int
rota_export_stats_get_events_new(const RotaExportStats *stats)
{
    g_return_val_if_fail(stats != NULL, 0);
    return stats->events_new;
}

/**
 * rota_export_stats_get_events_changed:
 * @stats: statistics of an export
 *
 * Counts the events published before whose content changed, for instance
 * because their team changed or because the model renamed or moved
 * something they show; calendar clients update them in place.
 *
 * Returns: the number of events whose content changed (their SEQUENCE was
 *   raised).
 * Since: 0.2
 */
int
rota_export_stats_get_events_changed(const RotaExportStats *stats)
{
    g_return_val_if_fail(stats != NULL, 0);
    return stats->events_changed;
}

/**
 * rota_export_stats_get_events_cancelled:
 * @stats: statistics of an export
 *
 * Counts the events that the roster no longer has and that this export
 * published as cancelled (STATUS:CANCELLED), so that calendar clients
 * remove them.
 *
 * Returns: the number of events newly published as cancelled.
 * Since: 0.2
 */
int
rota_export_stats_get_events_cancelled(const RotaExportStats *stats)
{
    g_return_val_if_fail(stats != NULL, 0);
    return stats->events_cancelled;
}

/**
 * rota_export_stats_get_events_expired:
 * @stats: statistics of an export
 *
 * Counts the cancelled events dropped from the feeds because they had been
 * kept for rota_feed_writer_set_keep_cancelled() days (30 by default) after
 * their cancellation.  A feed that once had events keeps its latest
 * cancelled one, so that it never becomes empty.
 *
 * Returns: the number of cancelled events dropped because they were
 *   older than rota_feed_writer_set_keep_cancelled() days.
 * Since: 0.2
 */
int
rota_export_stats_get_events_expired(const RotaExportStats *stats)
{
    g_return_val_if_fail(stats != NULL, 0);
    return stats->events_expired;
}
