/* SPDX-License-Identifier: MIT */
/* cmd-export-views.c: "rota export xlsx|csv|html": the roster for people to read. */
#include "cli-private.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *output;
    char *feeds_url;
    char *secret;
    char *now;
    char *lang;
} Options;

static void
options_clear(Options *o)
{
    g_free(o->output);
    g_free(o->feeds_url);
    g_free(o->secret);
    g_free(o->now);
    g_free(o->lang);
}

static const char description[] =
    N_("FORMAT xlsx: an Excel workbook FILE.xlsx: sheet 总览 (per unit: people,\n"
       "duties, duty hours, on-site days by the head, by a deputy and missed,\n"
       "places left uncovered, least and most duty hours of its members), one\n"
       "sheet per unit (members by day with each shift's short name, the\n"
       "on-site row, totals) and 路段 (who is on duty at each segment each day).\n"
       "Every sheet prints on A4 landscape, one page wide, headers repeated.\n\n"
       "FORMAT csv: one row per assignment (date, weekday, shift, start, end,\n"
       "segment id and name, unit, person id and name, duty id and name), UTF-8\n"
       "with BOM and CRLF line ends, so that Excel and WPS open it right.\n\n"
       "FORMAT html: a static site in Chinese in DIR (no JavaScript, nothing\n"
       "loaded from elsewhere; it works from file:// too):\n"
       "  DIR/public/index.html          the segments by grid\n"
       "  DIR/public/segment/ID.html     the road-chief sign (路长公示牌), one A4 page\n"
       "  DIR/internal/index.html        coverage, on-site hours, fairness, gaps\n"
       "  DIR/internal/unit/ID.html      the unit's month and subscription slips\n"
       "  DIR/internal/day/DATE.html     the day's duty sheet\n"
       "Publish DIR/public (and DIR/feeds of 'rota export ics'), never\n"
       "DIR/internal: it names every personal feed.  With --feeds-url URL, the\n"
       "URL under which DIR is published (so that DIR/feeds/... is at\n"
       "URL/feeds/...), each sign carries a QR code of its segment's feed and\n"
       "each unit page the members' slips a QR code of their personal feed; the\n"
       "personal feed names come from the secret key as in 'rota export ics'\n"
       "(--secret, default DIR.secret, created when missing).  The signs show\n"
       "the week of --now (default: today; the horizon's first or last week\n"
       "when today is outside it).\n\n"
       "Output files are replaced atomically; the site's pages are all made\n"
       "before the first is written.\n\n"
       "Examples:\n"
       "  rota export xlsx county.json roster.json -o roster.xlsx\n"
       "  rota export csv county.json roster.json -o roster.csv\n"
       "  rota export ics county.json roster.json -o pub\n"
       "  rota export html county.json roster.json -o pub --feeds-url "
       "https://rota.example.cn/");

static gboolean
check_options(const Options *o, const char *format, int argc, GError **error)
{
    gboolean html = strcmp(format, "html") == 0;

    if (argc != 4) {
        cli_set_usage_error(error, "export", _("expected %s MODEL ROSTER"), format);
        return FALSE;
    }
    if (o->output == NULL) {
        if (html)
            cli_set_usage_error(error, "export",
                                _("the output folder -o DIR is required"));
        else
            cli_set_usage_error(error, "export",
                                _("the output file -o FILE is required"));
        return FALSE;
    }
    if (!html && (o->feeds_url != NULL || o->secret != NULL || o->now != NULL)) {
        cli_set_usage_error(error, "export",
                            _("--feeds-url, --secret and --now apply to html only"));
        return FALSE;
    }
    return TRUE;
}

static gboolean
print_line(const char *line, GError **error)
{
    fputs(line, stdout);
    if (fflush(stdout) != 0) {
        g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_IO,
                            _("cannot write standard output"));
        return FALSE;
    }
    return TRUE;
}

static gboolean
configure_site(RotaSiteWriter *writer, const Options *o, GError **error)
{
    g_autofree char *secret = NULL;
    g_autoptr(GError) local = NULL;

    if (o->now != NULL) {
        g_autoptr(GDateTime) now = cli_parse_now("export", o->now, error);

        if (now == NULL)
            return FALSE;
        rota_site_writer_set_now(writer, now);
    }
    if (o->feeds_url == NULL)
        return TRUE;
    if (!rota_site_writer_set_feeds_url(writer, o->feeds_url, &local)) {
        cli_set_usage_error(error, "export", "--feeds-url: %s", local->message);
        return FALSE;
    }
    secret = cli_secret_path(o->output, o->secret);
    return rota_site_writer_set_secret_file(writer, secret, error);
}

static gboolean
export_site(RotaModel *model, const RotaRoster *roster, const Options *o, GError **error)
{
    g_autoptr(RotaSiteWriter) writer = rota_site_writer_new(model);
    g_autofree char *line = NULL;
    RotaSiteStats stats;

    if (!configure_site(writer, o, error) ||
        !rota_site_writer_write(writer, roster, o->output, &stats, error))
        return FALSE;
    line = g_strdup_printf(_("site %s: %d pages, %.1f MB, %d QR codes; "
                             "publish %s/public/, keep %s/internal/ inside\n"),
                           o->output, stats.pages, stats.bytes / 1e6, stats.qr_codes,
                           o->output, o->output);
    return print_line(line, error);
}

static gboolean
export_views(const char *format, const char *model_path, const char *roster_path,
             const Options *o, GError **error)
{
    g_autoptr(RotaModel) model = cli_load_model(model_path, CLI_FORMAT_JSON, error);
    g_autoptr(RotaRoster) roster = NULL;
    g_autofree char *line = NULL;
    int n;

    if (model == NULL)
        return FALSE;
    roster = cli_load_roster(model, roster_path, CLI_FORMAT_JSON, error);
    if (roster == NULL)
        return FALSE;
    if (strcmp(format, "html") == 0)
        return export_site(model, roster, o, error);
    n = rota_roster_get_n_assignments(roster);
    if (strcmp(format, "xlsx") == 0) {
        if (!rota_roster_save_xlsx(roster, o->output, error))
            return FALSE;
        line = g_strdup_printf(_("workbook %s: %d unit sheets, %d assignments\n"),
                               o->output, rota_model_get_n_units(model), n);
    } else {
        if (!rota_roster_save_csv(roster, o->output, error))
            return FALSE;
        line = g_strdup_printf(_("csv %s: %d rows\n"), o->output, n);
    }
    return print_line(line, error);
}

/* "rota export xlsx|csv|html ...": argv[1] is the format, already checked. */
gboolean
cli_export_views(int argc, char **argv, GError **error)
{
    Options o = {0};
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         N_("The workbook or CSV file, or the site's folder (created when missing)"),
         "FILE|DIR"},
        {"feeds-url", 'u', 0, G_OPTION_ARG_STRING, &o.feeds_url,
         N_("html: the URL where DIR is published; adds QR codes of the feeds"), "URL"},
        {"secret", 's', 0, G_OPTION_ARG_FILENAME, &o.secret,
         N_("html: the secret key file of the personal feed names (default: DIR.secret)"),
         "FILE"},
        {"now", 0, 0, G_OPTION_ARG_STRING, &o.now,
         N_("html: the signs show this day's week, ISO 8601 (default: now)"), "TIME"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
         N_("Language of the messages: en or zh (default: from the locale)"), "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "xlsx|csv|html MODEL ROSTER -o FILE|DIR",
        N_("Write a roster as a workbook, a CSV file or a static site."), description);
    g_autofree char *format = g_strdup(argv[1]);
    gboolean ok = FALSE;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (cli_parse(context, &argc, &argv, error) && check_options(&o, format, argc, error))
        ok = export_views(format, argv[2], argv[3], &o, error);
    options_clear(&o);
    return ok;
}
