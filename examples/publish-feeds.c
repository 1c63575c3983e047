/* SPDX-License-Identifier: MIT */
/* publish-feeds.c: publish a roster as iCalendar feeds with RotaFeedWriter and say what
 * changed. */
#include <rota/rota.h>

#include <stdio.h>
#include <string.h>

/*
 * The writer fills DIR/feeds (person/, unit/, segment/) and writes
 * DIR/index.json and the ledger beside it.  Run it again with another
 * roster into the same DIR and only the changed events move (SEQUENCE
 * raised, removed duties cancelled); with the same roster no file is
 * rewritten.  A real deployment keeps its secret key in a file
 * (rota_feed_writer_set_secret_file()); a fixed key and publication time
 * make this example's output reproducible.
 */
int
main(int argc, char **argv)
{
    static const char key[] = "example key: use a random one in a file";
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaFeedWriter) writer = NULL;
    g_autoptr(GDateTime) now = NULL;
    g_autoptr(RotaExportStats) stats = NULL;

    if (argc != 4) {
        fprintf(stderr, "usage: publish-feeds MODEL.json ROSTER.json DIR\n"
                        "Publish the roster's feeds into DIR/feeds.\n");
        return 2;
    }
    model = rota_model_new_from_file(argv[1], &error);
    if (model != NULL)
        roster = rota_roster_new_from_file(model, argv[2], &error);
    if (roster == NULL) {
        fprintf(stderr, "publish-feeds: %s\n", error->message);
        return 1;
    }

    writer = rota_feed_writer_new(model);
    rota_feed_writer_set_secret(writer, (const guint8 *)key, strlen(key));
    now = g_date_time_new_utc(2026, 11, 30, 8, 0, 0);
    rota_feed_writer_set_now(writer, now);
    rota_feed_writer_set_keep_cancelled(writer, 14);
    if (!rota_feed_writer_export(writer, roster, argv[3], &stats, &error)) {
        fprintf(stderr, "publish-feeds: %s\n", error->message);
        return 1;
    }

    /* What changed against the previous publication in DIR (its ledger). */
    printf("%d feeds: %d files written, %d unchanged\n",
           rota_export_stats_get_feeds(stats), rota_export_stats_get_files_written(stats),
           rota_export_stats_get_files_unchanged(stats));
    printf("%d events: %d new, %d changed, %d cancelled\n",
           rota_export_stats_get_events(stats), rota_export_stats_get_events_new(stats),
           rota_export_stats_get_events_changed(stats),
           rota_export_stats_get_events_cancelled(stats));
    /* Paths are relative to DIR/feeds: the URL path where DIR/feeds is served. */
    for (int p = 0; p < rota_model_get_n_people(model) && p < 3; p++) {
        g_autofree char *path = rota_feed_writer_dup_person_path(writer, p);

        printf("%s %s: %s\n", rota_model_get_person_id(model, p),
               rota_model_get_person_name(model, p), path);
    }
    for (int u = 0; u < rota_model_get_n_units(model); u++) {
        g_autofree char *path = rota_feed_writer_dup_unit_path(writer, u);

        printf("%s %s: %s\n", rota_model_get_unit_id(model, u),
               rota_model_get_unit_name(model, u), path);
    }
    return 0;
}
