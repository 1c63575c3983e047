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
    "FORMAT xlsx: an Excel workbook FILE.xlsx: sheet 总览 (per unit: people,\n"
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
    "  rota export html county.json roster.json -o pub --feeds-url https://rota.example.cn/";

static gboolean
check_options(const Options *o, const char *format, int argc, GError **error)
{
    gboolean html = strcmp(format, "html") == 0;

    if (argc != 4) {
        cli_set_usage_error(error, "export", "expected %s MODEL ROSTER", format);
        return FALSE;
    }
    if (o->output == NULL) {
        cli_set_usage_error(error, "export", "the output %s -o %s is required",
                            html ? "folder" : "file", html ? "DIR" : "FILE");
        return FALSE;
    }
    if (!html && (o->feeds_url != NULL || o->secret != NULL || o->now != NULL)) {
        cli_set_usage_error(error, "export",
                            "--feeds-url, --secret and --now apply to html only");
        return FALSE;
    }
    return TRUE;
}

static gboolean
print_line(const char *line, GError **error)
{
    fputs(line, stdout);
    if (fflush(stdout) != 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "cannot write standard output");
        return FALSE;
    }
    return TRUE;
}

static gboolean
configure_site(RotaSiteWriter *writer, const Options *o, GError **error)
{
    g_autofree char *dir = g_strdup(o->output);
    g_autofree char *secret = NULL;
    g_autoptr(GError) local = NULL;
    gsize length = strlen(dir);

    while (length > 1 && dir[length - 1] == '/')
        dir[--length] = '\0';
    if (o->now != NULL) {
        g_autoptr(GDateTime) now = g_date_time_new_from_iso8601(o->now, NULL);

        if (now == NULL) {
            cli_set_usage_error(error, "export",
                                "--now: expected an ISO 8601 time such as "
                                "2026-11-30T08:00:00Z, found \"%s\"",
                                o->now);
            return FALSE;
        }
        rota_site_writer_set_now(writer, now);
    }
    if (o->feeds_url == NULL)
        return TRUE;
    if (!rota_site_writer_set_feeds_url(writer, o->feeds_url, &local)) {
        cli_set_usage_error(error, "export", "--feeds-url: %s", local->message);
        return FALSE;
    }
    secret = o->secret != NULL ? g_strdup(o->secret) : g_strconcat(dir, ".secret", NULL);
    return rota_site_writer_set_secret_file(writer, secret, error);
}

static gboolean
export_site(RotaModel *model, const RotaRoster *roster, const Options *o,
            gboolean chinese, GError **error)
{
    g_autoptr(RotaSiteWriter) writer = rota_site_writer_new(model);
    g_autofree char *line = NULL;
    RotaSiteStats stats;

    if (!configure_site(writer, o, error) ||
        !rota_site_writer_write(writer, roster, o->output, &stats, error))
        return FALSE;
    line = chinese ? g_strdup_printf("网站 %s：%d 个页面，%.1f MB，%d 个二维码；"
                                     "公开 %s/public/，内部 %s/internal/\n",
                                     o->output, stats.pages, stats.bytes / 1e6,
                                     stats.qr_codes, o->output, o->output)
                   : g_strdup_printf("site %s: %d pages, %.1f MB, %d QR codes; "
                                     "publish %s/public/, keep %s/internal/ inside\n",
                                     o->output, stats.pages, stats.bytes / 1e6,
                                     stats.qr_codes, o->output, o->output);
    return print_line(line, error);
}

static gboolean
export_views(const char *format, const char *model_path, const char *roster_path,
             const Options *o, GError **error)
{
    g_autoptr(RotaModel) model = cli_load_model(model_path, CLI_FORMAT_JSON, error);
    g_autoptr(RotaRoster) roster = NULL;
    g_autofree char *line = NULL;
    gboolean chinese = cli_prefers_chinese(o->lang);
    int n;

    if (model == NULL)
        return FALSE;
    roster = cli_load_roster(model, roster_path, CLI_FORMAT_JSON, error);
    if (roster == NULL)
        return FALSE;
    if (strcmp(format, "html") == 0)
        return export_site(model, roster, o, chinese, error);
    n = rota_roster_get_n_assignments(roster);
    if (strcmp(format, "xlsx") == 0) {
        if (!rota_roster_save_xlsx(roster, o->output, error))
            return FALSE;
        line = chinese ? g_strdup_printf("工作簿 %s：%d 个单位表，%d 条值勤\n", o->output,
                                         rota_model_get_n_units(model), n)
                       : g_strdup_printf("workbook %s: %d unit sheets, %d assignments\n",
                                         o->output, rota_model_get_n_units(model), n);
    } else {
        if (!rota_roster_save_csv(roster, o->output, error))
            return FALSE;
        line = chinese ? g_strdup_printf("CSV %s：%d 行\n", o->output, n)
                       : g_strdup_printf("csv %s: %d rows\n", o->output, n);
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
         "The workbook or CSV file, or the site's folder (created when missing)",
         "FILE|DIR"},
        {"feeds-url", 'u', 0, G_OPTION_ARG_STRING, &o.feeds_url,
         "html: the URL where DIR is published; adds QR codes of the feeds", "URL"},
        {"secret", 's', 0, G_OPTION_ARG_FILENAME, &o.secret,
         "html: the secret key file of the personal feed names (default: DIR.secret)",
         "FILE"},
        {"now", 0, 0, G_OPTION_ARG_STRING, &o.now,
         "html: the signs show this day's week, ISO 8601 (default: now)", "TIME"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
         "Language of the summary line: en or zh (default: from the locale)", "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context =
        cli_context_new("xlsx|csv|html MODEL ROSTER -o FILE|DIR",
                        "Write a roster as a workbook, a CSV file or a static site.",
                        description);
    g_autofree char *format = g_strdup(argv[1]);
    gboolean ok = FALSE;

    g_option_context_add_main_entries(context, entries, NULL);
    if (cli_parse(context, &argc, &argv, error) && check_options(&o, format, argc, error))
        ok = export_views(format, argv[2], argv[3], &o, error);
    options_clear(&o);
    return ok;
}
