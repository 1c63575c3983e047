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
    "FORMAT is 'ics' (the only one so far).  Writes into DIR/feeds one iCalendar\n"
    "feed per person (person/ID-TOKEN.ics, TOKEN derived from the secret key so\n"
    "that nobody can guess another person's feed), per unit (unit/ID.ics) and\n"
    "per segment (segment/ID.ics).  Publish DIR/feeds on a static web server,\n"
    "and nothing else of DIR.  Beside it, for the coordinators only, DIR holds\n"
    "index.json, mapping every id to its feed's path relative to DIR/feeds (the\n"
    "URL path under wherever DIR/feeds is served), and the ledger\n"
    ".rota-ledger.json that remembers what was published; both name every\n"
    "personal token.\n\n"
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
    "newly cancelled and expired (over all feeds: a duty is in its person's,\n"
    "its unit's and its segment's feed).\n\n"
    "Examples:\n"
    "  rota export ics county.json roster.json -o pub    # serve pub/feeds\n"
    "  rota export ics county.json new.json -o pub --now 2026-12-05T08:00:00Z";

static gboolean
check_options(const Options *o, int argc, char **argv, GError **error)
{
    if (argc < 2) {
        cli_set_usage_error(error, "export", "expected a FORMAT (ics), MODEL and ROSTER");
        return FALSE;
    }
    if (strcmp(argv[1], "ics") != 0) {
        cli_set_usage_error(error, "export",
                            "unknown export format \"%s\" (expected ics)", argv[1]);
        return FALSE;
    }
    if (argc != 4) {
        cli_set_usage_error(error, "export", "expected ics MODEL ROSTER");
        return FALSE;
    }
    if (o->output == NULL) {
        cli_set_usage_error(error, "export", "the output folder -o DIR is required");
        return FALSE;
    }
    if (o->keep_cancelled < 0) {
        cli_set_usage_error(error, "export", "--keep-cancelled must not be negative");
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
                    "--previous %s: no such folder (expected an earlier publication)",
                    dir);
        return FALSE;
    }
    if (!g_file_test(ledger, G_FILE_TEST_EXISTS)) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO,
                    "--previous %s: no ledger .rota-ledger.json in it (expected an "
                    "earlier publication)",
                    dir);
        return FALSE;
    }
    return TRUE;
}

static gboolean
configure(RotaFeedWriter *writer, const Options *o, GError **error)
{
    g_autofree char *dir = g_strdup(o->output);
    g_autofree char *secret = NULL;
    gsize length = strlen(dir);

    while (length > 1 && dir[length - 1] == '/')
        dir[--length] = '\0';
    secret = o->secret != NULL ? g_strdup(o->secret) : g_strconcat(dir, ".secret", NULL);
    if (!rota_feed_writer_set_secret_file(writer, secret, error))
        return FALSE;
    if (o->now != NULL) {
        g_autoptr(GDateTime) now = g_date_time_new_from_iso8601(o->now, NULL);

        if (now == NULL) {
            cli_set_usage_error(error, "export",
                                "--now: expected an ISO 8601 time such as "
                                "2026-11-30T08:00:00Z, found \"%s\"",
                                o->now);
            return FALSE;
        }
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
    RotaExportStats stats;

    if (model == NULL)
        return FALSE;
    roster = cli_load_roster(model, roster_path, CLI_FORMAT_JSON, error);
    if (roster == NULL)
        return FALSE;
    writer = rota_feed_writer_new(model);
    if (!configure(writer, o, error) ||
        !rota_feed_writer_export(writer, roster, o->output, &stats, error))
        return FALSE;
    printf("feeds %d: files written %d, unchanged %d; events %d: new %d, changed %d, "
           "cancelled %d, expired %d\n",
           stats.feeds, stats.files_written, stats.files_unchanged, stats.events,
           stats.events_new, stats.events_changed, stats.events_cancelled,
           stats.events_expired);
    if (fflush(stdout) != 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "cannot write standard output");
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
         "The output folder (created when missing); publish DIR/feeds", "DIR"},
        {"previous", 'p', 0, G_OPTION_ARG_FILENAME, &o.previous,
         "Read the previous publication's ledger from this folder (default: DIR)", "DIR"},
        {"secret", 's', 0, G_OPTION_ARG_FILENAME, &o.secret,
         "The secret key file of the personal feed names (default: DIR.secret, "
         "created with mode 0600 when missing)",
         "FILE"},
        {"now", 0, 0, G_OPTION_ARG_STRING, &o.now,
         "The publication time, ISO 8601 such as 2026-11-30T08:00:00Z "
         "(default: the current time)",
         "TIME"},
        {"keep-cancelled", 'k', 0, G_OPTION_ARG_INT, &o.keep_cancelled,
         "Days a cancelled duty stays published (default 30)", "DAYS"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "ics MODEL ROSTER -o DIR", "Publish a roster as iCalendar feeds.", description);
    gboolean ok = FALSE;

    g_option_context_add_main_entries(context, entries, NULL);
    if (cli_parse(context, &argc, &argv, error) && check_options(&o, argc, argv, error))
        ok = export_ics(argv[2], argv[3], &o, error);
    options_clear(&o);
    return ok;
}
