/* SPDX-License-Identifier: MIT */
/* cmd-export.c: "rota export ics": publish a roster as iCalendar feeds. */
#include "cli-private.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *output;
    char *previous;
    char *secret;
    char *now;
    int keep_cancelled;
} Options;

static void
options_clear(Options *o)
{
    g_free(o->output);
    g_free(o->previous);
    g_free(o->secret);
    g_free(o->now);
}

static const char description[] =
    N_("FORMAT 'sheets' writes a model's lists as CSV sheets for rota import\n"
       "(see 'rota export sheets --help'); 'xlsx', 'csv' and 'html' write views\n"
       "of a roster (see 'rota export xlsx --help').\n\n"
       "FORMAT 'ics' writes into DIR/feeds one iCalendar\n"
       "feed per person (person/ID-TOKEN.ics, TOKEN derived from the secret key so\n"
       "that nobody can guess another person's feed), per unit (unit/ID.ics) and\n"
       "per segment (segment/ID.ics).  A personal feed has one event per duty,\n"
       "with a reminder; unit and segment feeds have one event per team (date,\n"
       "shift, segment and duty) naming everyone on it, without reminders.\n"
       "Publish DIR/feeds on a web server without directory listings\n"
       "(examples/nginx/rota.conf does it with nginx), and nothing else of DIR.\n"
       "Beside it, for the coordinators only, DIR holds index.json, mapping every\n"
       "id to its feed's path relative to DIR/feeds (the URL path under wherever\n"
       "DIR/feeds is served), and the ledger .rota-ledger.json that remembers\n"
       "what was published; both name every personal token.\n\n"
       "Exporting again into the same DIR (or with --previous) keeps every\n"
       "subscribed calendar in step: changed events get SEQUENCE + 1, removed\n"
       "duties are published as cancelled for --keep-cancelled days, and files\n"
       "whose content did not change are not rewritten.  Every file is replaced\n"
       "atomically and the ledger is written last: after a crash, run the same\n"
       "command again (it removes the crashed run's temporary files).  Only one\n"
       "export at a time runs into one DIR: another one fails (DIR/.rota-lock).\n\n"
       "The secret key file defaults to DIR.secret beside DIR (never inside it);\n"
       "when missing, a random key is created there with mode 0600.  Keep it: a\n"
       "new key moves every personal feed to a new name.\n\n"
       "Prints one line: feeds, files written and unchanged, events new, changed,\n"
       "newly cancelled and expired (over all feeds: a duty is an event of its\n"
       "person's feed and one of its team's event in its unit's and segment's).\n\n"
       "Examples:\n"
       "  rota export ics county.json roster.json -o pub    # serve pub/feeds\n"
       "  rota export ics county.json new.json -o pub --now 2026-12-05T08:00:00Z");

static gboolean
check_options(const Options *o, int argc, char **argv, GError **error)
{
    if (argc < 2) {
        cli_set_usage_error(error, "export",
                            _("expected a FORMAT (ics), MODEL and ROSTER"));
        return FALSE;
    }
    if (strcmp(argv[1], "ics") != 0) {
        cli_set_usage_error(
            error, "export",
            _("unknown export format \"%s\" (expected ics, sheets, xlsx, csv or html)"),
            argv[1]);
        return FALSE;
    }
    if (argc != 4) {
        cli_set_usage_error(error, "export", _("expected ics MODEL ROSTER"));
        return FALSE;
    }
    if (o->output == NULL) {
        cli_set_usage_error(error, "export", _("the output folder -o DIR is required"));
        return FALSE;
    }
    if (o->keep_cancelled < 0) {
        cli_set_usage_error(error, "export", _("--keep-cancelled must not be negative"));
        return FALSE;
    }
    return TRUE;
}

/* --previous names an earlier publication: a folder holding its ledger.
 * A typo must not pass for a first publication, which would restart every
 * subscriber's SEQUENCE history. */
static gboolean
check_previous(const char *dir, GError **error)
{
    g_autofree char *ledger = g_build_filename(dir, ".rota-ledger.json", NULL);

    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO,
                    _("--previous %s: no such folder (expected an earlier publication)"),
                    dir);
        return FALSE;
    }
    if (!g_file_test(ledger, G_FILE_TEST_EXISTS)) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO,
                    _("--previous %s: no ledger .rota-ledger.json in it (expected an "
                      "earlier publication)"),
                    dir);
        return FALSE;
    }
    return TRUE;
}

static gboolean
configure(RotaFeedWriter *writer, const Options *o, GError **error)
{
    g_autofree char *secret = cli_secret_path(o->output, o->secret);

    if (!rota_feed_writer_set_secret_file(writer, secret, error))
        return FALSE;
    if (o->now != NULL) {
        g_autoptr(GDateTime) now = cli_parse_now("export", o->now, error);

        if (now == NULL)
            return FALSE;
        rota_feed_writer_set_now(writer, now);
    }
    rota_feed_writer_set_keep_cancelled(writer, o->keep_cancelled);
    if (o->previous != NULL && !check_previous(o->previous, error))
        return FALSE;
    rota_feed_writer_set_previous_dir(writer, o->previous);
    return TRUE;
}

static gboolean
export_ics(const char *model_path, const char *roster_path, const Options *o,
           GError **error)
{
    g_autoptr(RotaModel) model = cli_load_model(model_path, CLI_FORMAT_JSON, error);
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaFeedWriter) writer = NULL;
    g_autoptr(RotaExportStats) stats = NULL;

    if (model == NULL)
        return FALSE;
    roster = cli_load_roster(model, roster_path, CLI_FORMAT_JSON, error);
    if (roster == NULL)
        return FALSE;
    writer = rota_feed_writer_new(model);
    if (!configure(writer, o, error) ||
        !rota_feed_writer_export(writer, roster, o->output, &stats, error))
        return FALSE;
    printf(_("feeds %d: files written %d, unchanged %d; events %d: new %d, changed %d, "
             "cancelled %d, expired %d\n"),
           rota_export_stats_get_feeds(stats), rota_export_stats_get_files_written(stats),
           rota_export_stats_get_files_unchanged(stats),
           rota_export_stats_get_events(stats), rota_export_stats_get_events_new(stats),
           rota_export_stats_get_events_changed(stats),
           rota_export_stats_get_events_cancelled(stats),
           rota_export_stats_get_events_expired(stats));
    if (fflush(stdout) != 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("cannot write standard output"));
        return FALSE;
    }
    return TRUE;
}

gboolean
cli_cmd_export(int argc, char **argv, GError **error)
{
    Options o = {.keep_cancelled = 30};
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         N_("The output folder (created when missing); publish DIR/feeds"), "DIR"},
        {"previous", 'p', 0, G_OPTION_ARG_FILENAME, &o.previous,
         N_("Read the previous publication's ledger from this folder (default: DIR)"),
         "DIR"},
        {"secret", 's', 0, G_OPTION_ARG_FILENAME, &o.secret,
         N_("The secret key file of the personal feed names (default: DIR.secret, "
            "created with mode 0600 when missing)"),
         "FILE"},
        {"now", 0, 0, G_OPTION_ARG_STRING, &o.now,
         N_("The publication time, ISO 8601 such as 2026-11-30T08:00:00Z "
            "(default: the current time)"),
         "TIME"},
        {"keep-cancelled", 'k', 0, G_OPTION_ARG_INT, &o.keep_cancelled,
         N_("Days a cancelled duty stays published (default 30)"), "DAYS"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context =
        cli_context_new("ics MODEL ROSTER -o DIR",
                        N_("Publish a roster as iCalendar feeds."), description);
    gboolean ok = FALSE;

    if (argc >= 2 && strcmp(argv[1], "sheets") == 0)
        return cli_export_sheets(argc - 1, argv + 1, error);
    if (argc >= 2 && (strcmp(argv[1], "xlsx") == 0 || strcmp(argv[1], "csv") == 0 ||
                      strcmp(argv[1], "html") == 0))
        return cli_export_views(argc, argv, error);
    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (cli_parse(context, &argc, &argv, error) && check_options(&o, argc, argv, error))
        ok = export_ics(argv[2], argv[3], &o, error);
    options_clear(&o);
    return ok;
}
