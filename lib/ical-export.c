/* SPDX-License-Identifier: MIT */
/* ical-export.c: one publication: every feed, index.json and the ledger, written atomically. */
#include "config.h"

#include <string.h>

#include "ical-private.h"

/**
 * rota_feed_writer_export:
 * @writer: a writer with a secret key
 * @roster: a roster of the writer's model
 * @dir: the output folder, created when missing
 * @stats: (out) (optional): what the export did
 * @error: return location for a #GError, or %NULL
 *
 * Publishes @roster into @dir (see the header for the layout).
 *
 * Returns: %TRUE on success.
 * Since: 0.1
 */
gboolean
rota_feed_writer_export(RotaFeedWriter *writer, const RotaRoster *roster, const char *dir,
                        RotaExportStats *stats, GError **error)
{
    g_return_val_if_fail(writer != NULL && roster != NULL && dir != NULL, FALSE);
    if (stats != NULL)
        memset(stats, 0, sizeof *stats);
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_FAILED, "iCalendar export: not implemented yet");
    return FALSE;
}
