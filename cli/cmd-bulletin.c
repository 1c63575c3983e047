/* SPDX-License-Identifier: MIT */
/* cmd-bulletin.c: "rota bulletin": the period's figures per unit, the ranking, 红榜 and
 * 黑榜. */
#include "cli-private.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *month, *week, *day, *output, *lang;
    gboolean json;
} BulletinOptions;

static gboolean
bad_period(GError **error, const char *what, const char *text)
{
    cli_set_usage_error(error, "bulletin", "%s \"%s\" is not valid", what, text);
    return FALSE;
}

static char *
format_date(const GDate *date)
{
    return g_strdup_printf("%04d-%02d-%02d", g_date_get_year(date),
                           g_date_get_month(date), g_date_get_day(date));
}

/* --month YYYY-MM, --week YYYY-Www (ISO 8601) or --day YYYY-MM-DD: first and last day. */
static gboolean
parse_period(const BulletinOptions *o, char **from, char **to, GError **error)
{
    int given = (o->month != NULL) + (o->week != NULL) + (o->day != NULL);
    unsigned y = 0, m = 0, w = 0;
    char tail = 0;
    GDate date;

    if (given != 1) {
        cli_set_usage_error(error, "bulletin", "give one of --month, --week or --day");
        return FALSE;
    }
    if (o->day != NULL) {
        g_date_clear(&date, 1);
        if (strlen(o->day) != 10 ||
            sscanf(o->day, "%4u-%2u-%2u%c", &y, &m, &w, &tail) != 3 ||
            !g_date_valid_dmy((GDateDay)w, (GDateMonth)m, (GDateYear)y))
            return bad_period(error, "--day", o->day);
        *from = g_strdup(o->day);
        *to = g_strdup(o->day);
        return TRUE;
    }
    if (o->month != NULL) {
        if (strlen(o->month) != 7 || sscanf(o->month, "%4u-%2u%c", &y, &m, &tail) != 2 ||
            m < 1 || m > 12 || y < 1)
            return bad_period(error, "--month", o->month);
        *from = g_strdup_printf("%04u-%02u-01", y, m);
        *to = g_strdup_printf("%04u-%02u-%02u", y, m,
                              g_date_get_days_in_month((GDateMonth)m, (GDateYear)y));
        return TRUE;
    }
    if (strlen(o->week) != 8 || sscanf(o->week, "%4u-W%2u%c", &y, &w, &tail) != 2 ||
        w < 1 || y < 2 || y > 9998)
        return bad_period(error, "--week", o->week);
    g_date_clear(&date, 1);
    /* December 28 always lies in the last ISO week of its year. */
    g_date_set_dmy(&date, 28, G_DATE_DECEMBER, (GDateYear)y);
    if (w > g_date_get_iso8601_week_of_year(&date))
        return bad_period(error, "--week", o->week);
    g_date_set_dmy(&date, 4, G_DATE_JANUARY, (GDateYear)y);
    g_date_subtract_days(&date, g_date_get_weekday(&date) - 1);
    g_date_add_days(&date, (w - 1) * 7);
    *from = format_date(&date);
    g_date_add_days(&date, 6);
    *to = format_date(&date);
    return TRUE;
}

static void
print_text(const RotaBulletin *b, RotaModel *model)
{
    int n = rota_bulletin_get_n_units(b);

    printf("%s  %s .. %s\n", rota_model_get_name(model), rota_bulletin_get_from(b),
           rota_bulletin_get_to(b));
    printf("%4s  %-8s %7s  %-11s %-13s %8s  %-12s %s\n", "rank", "unit", "score",
           "onsite h/d/m", "duty d/l/a/u", "hours", "findings t/l/o", "name");
    for (int i = 0; i < n; i++) {
        const RotaBulletinUnit *u = rota_bulletin_get_unit(b, i);
        g_autofree char *onsite = g_strdup_printf("%d/%d/%d", u->onsite_head,
                                                  u->onsite_deputy, u->onsite_missed);
        g_autofree char *duty =
            g_strdup_printf("%d/%d/%d/%d", u->done, u->late, u->absent, u->unrecorded);
        g_autofree char *found = g_strdup_printf("%d/%d/%d", u->closed_in_time,
                                                 u->closed_late, u->open_overdue);

        printf("%4d  %-8s %7.2f  %-11s %-13s %8.2f  %-14s %s%s\n", u->rank,
               rota_model_get_unit_id(model, u->unit), (double)u->score / 100.0, onsite,
               duty, (double)((u->minutes * 100 + 30) / 60) / 100.0, found,
               rota_model_get_unit_name(model, u->unit),
               u->red     ? "  [红榜 red]"
               : u->black ? "  [黑榜 black]"
                          : "");
    }
}

static const char description[] =
    "Counts the records of the period (docs/records.md), per unit: the\n"
    "on-site hour (days kept by the head, by a deputy, missed), duty attendance\n"
    "(done, late, absent, excused, substituted, unrecorded of assigned),\n"
    "volunteer hours and the findings on the unit's segments (closed in time,\n"
    "closed late, open and overdue); scores each unit by rules.assessment (or\n"
    "the default rubric: base 100, 2 per missed on-site day, 1 per absence,\n"
    "0.5 per late, 2 per overdue finding, 1 per finding closed late; caps 40,\n"
    "30 and 30; 红榜 the top 10, 黑榜 the bottom 10) and ranks them.\n\n"
    "Without options a table is printed; --json prints the rota-bulletin\n"
    "JSON; -o DIR writes DIR/bulletin.html (printable, one A4 page per unit),\n"
    "DIR/bulletin.json and DIR/bulletin.csv (UTF-8 BOM, CRLF, for Excel).\n"
    "--day is the daily push (日督促), --week the weekly check (周检查),\n"
    "--month the monthly bulletin (月通报).\n\n"
    "Examples:\n"
    "  rota bulletin county.json roster.json records.json --month 2026-12 -o out\n"
    "  rota bulletin county.json roster.json records.json --week 2026-W50 --json\n"
    "  rota bulletin county.json roster.json records.json --day 2026-12-03";

gboolean
cli_cmd_bulletin(int argc, char **argv, GError **error)
{
    BulletinOptions o = {0};
    GOptionEntry entries[] = {
        {"month", 0, 0, G_OPTION_ARG_STRING, &o.month, "A month", "YYYY-MM"},
        {"week", 0, 0, G_OPTION_ARG_STRING, &o.week, "An ISO week", "YYYY-Www"},
        {"day", 0, 0, G_OPTION_ARG_STRING, &o.day, "A day", "YYYY-MM-DD"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Write bulletin.html, bulletin.json and bulletin.csv here", "DIR"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &o.json, "Print the rota-bulletin JSON", NULL},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, "Language: en or zh", "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "MODEL ROSTER RECORDS (--month YYYY-MM | --week YYYY-Www | --day DATE)",
        "The bulletin of a period: per unit figures, score, rank, 红榜 and 黑榜.",
        description);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaRecords) records = NULL;
    g_autoptr(RotaBulletin) bulletin = NULL;
    g_autofree char *from = NULL, *to = NULL;
    gboolean ok = FALSE;

    g_option_context_add_main_entries(context, entries, NULL);
    if (!cli_parse(context, &argc, &argv, error))
        goto out;
    if (argc != 4) {
        cli_set_usage_error(error, "bulletin",
                            "expected MODEL, ROSTER and RECORDS files");
        goto out;
    }
    if (!parse_period(&o, &from, &to, error))
        goto out;
    model = rota_model_new_from_file(argv[1], error);
    roster = model != NULL ? rota_roster_new_from_file(model, argv[2], error) : NULL;
    records =
        roster != NULL ? rota_records_new_from_file(model, roster, argv[3], error) : NULL;
    bulletin =
        records != NULL ? rota_bulletin_new(records, roster, from, to, error) : NULL;
    if (bulletin == NULL)
        goto out;
    if (o.output != NULL && !rota_bulletin_save(bulletin, o.output, error))
        goto out;
    if (o.json) {
        g_autofree char *json = rota_bulletin_to_json(bulletin);

        fputs(json, stdout);
    } else if (o.output != NULL) {
        printf(cli_prefers_chinese(o.lang)
                   ? "已写入 %s/bulletin.html、bulletin.json、bulletin.csv\n"
                   : "wrote %s/bulletin.html, bulletin.json, bulletin.csv\n",
               o.output);
    } else {
        print_text(bulletin, model);
    }
    ok = TRUE;
out:
    g_free(o.month);
    g_free(o.week);
    g_free(o.day);
    g_free(o.output);
    g_free(o.lang);
    return ok;
}
