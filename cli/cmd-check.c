/* SPDX-License-Identifier: MIT */
/* cmd-check.c: "rota check": validate a model and summarise what it holds. */
#include "cli-private.h"

#include <stdio.h>

static int
count_workdays(const RotaModel *model)
{
    int n = 0;

    for (int day = 0; day < rota_model_get_n_days(model); day++)
        n += rota_model_is_workday(model, day) ? 1 : 0;
    return n;
}

static int
count_tagged(const RotaModel *model, const char *tag)
{
    int n = 0;

    for (int person = 0; person < rota_model_get_n_people(model); person++)
        n += rota_model_person_has_tag(model, person, tag) ? 1 : 0;
    return n;
}

static void
print_contact_and_phones(const RotaModel *model)
{
    const char *hotline = rota_model_get_contact_hotline(model);
    const char *office = rota_model_get_contact_office(model);
    int n_phones = 0, n_public = 0;

    if (hotline != NULL || office != NULL)
        printf(_("contact:    %s%s%s\n"), hotline != NULL ? hotline : "",
               hotline != NULL && office != NULL ? ", " : "",
               office != NULL ? office : "");
    for (int person = 0; person < rota_model_get_n_people(model); person++) {
        n_phones += rota_model_get_person_phone(model, person) != NULL ? 1 : 0;
        n_public += rota_model_is_person_phone_public(model, person) ? 1 : 0;
    }
    if (n_phones > 0)
        printf(_("phones:     %d (%d public)\n"), n_phones, n_public);
}

static void
print_summary(const char *path, const RotaModel *model)
{
    int n_days = rota_model_get_n_days(model);
    int workdays = count_workdays(model);
    g_autofree char *first = rota_model_dup_date(model, 0);
    g_autofree char *last = rota_model_dup_date(model, n_days - 1);

    printf("%s: %s\n", path, rota_model_get_name(model));
    printf(_("horizon:    %s .. %s, %d days (%d workdays, %d restdays), %s\n"), first,
           last, n_days, workdays, n_days - workdays, rota_model_get_timezone(model));
    printf(_("shifts:     %d\n"), rota_model_get_n_shifts(model));
    printf(_("segments:   %d\n"), rota_model_get_n_segments(model));
    printf(_("units:      %d\n"), rota_model_get_n_units(model));
    printf(_("people:     %d (party %d, volunteer %d, inspector %d)\n"),
           rota_model_get_n_people(model), count_tagged(model, "party"),
           count_tagged(model, "volunteer"), count_tagged(model, "inspector"));
    print_contact_and_phones(model);
    printf(_("duties:     %d\n"), rota_model_get_n_duties(model));
    printf(_("duty cells: %d (%d places wanted)\n"), rota_model_get_n_cells(model),
           rota_model_get_n_places(model));
    if (rota_model_get_onsite_shift(model) >= 0)
        printf(_("on-site:    %d unit-days (shift %s)\n"),
               rota_model_get_n_onsite_cells(model),
               rota_model_get_shift_id(model, rota_model_get_onsite_shift(model)));
    else
        fputs(_("on-site:    no on-site rule\n"), stdout);
    fputs(_("model is valid\n"), stdout);
}

/* Whether any cell of duty that wants places has an eligible person, and
 * the count of places it wants; *segment_empty gets the first segment
 * whose cells want places that nobody may fill (or -1). */
static gboolean
duty_has_candidates(const RotaModel *model, int duty, int *places, int *segment_empty)
{
    gboolean any = FALSE;

    *places = 0;
    *segment_empty = -1;
    for (int c = 0; c < rota_model_get_n_cells(model); c++) {
        RotaCellInfo info;

        if (!rota_model_get_cell(model, c, &info) || info.duty != duty || info.min <= 0)
            continue;
        *places += info.min;
        if (rota_model_get_n_cell_candidates(model, c) > 0)
            any = TRUE;
        else if (*segment_empty < 0)
            *segment_empty = info.segment;
    }
    return any;
}

/*
 * What a valid model can never satisfy goes to standard error as a
 * warning (the exit status stays 0): a model without people, a duty that
 * wants places nobody is eligible for (in any cell, or at some segment).
 */
static void
warn_unsatisfiable(const char *path, const RotaModel *model)
{
    if (rota_model_get_n_people(model) == 0 && rota_model_get_n_places(model) > 0)
        fprintf(stderr,
                _("rota: warning: %s: the model has no people: none of its %d places "
                  "can ever be filled\n"),
                path, rota_model_get_n_places(model));
    if (rota_model_get_n_people(model) == 0)
        return;
    for (int d = 0; d < rota_model_get_n_duties(model); d++) {
        int places, segment;
        const char *id = rota_model_get_duty_id(model, d);

        if (!duty_has_candidates(model, d, &places, &segment) && places > 0)
            fprintf(stderr,
                    _("rota: warning: %s: duty \"%s\": nobody is eligible; its %d "
                      "places can never be filled\n"),
                    path, id, places);
        else if (segment >= 0)
            fprintf(stderr,
                    _("rota: warning: %s: duty \"%s\" at segment \"%s\": nobody is "
                      "eligible\n"),
                    path, id, rota_model_get_segment_id(model, segment));
    }
}

gboolean
cli_cmd_check(int argc, char **argv, GError **error)
{
    g_autofree char *format_name = NULL;
    g_autofree char *lang = NULL;
    GOptionEntry entries[] = {
        {"lang", 0, 0, G_OPTION_ARG_STRING, &lang,
         N_("Language of the messages: en or zh (default: from the locale)"), "LANG"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
         N_("Input format: json (rota-model v1, the default) or curtois (benchmark "
            "text)"),
         "FORMAT"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "MODEL", N_("Validate a model file and print what it holds."),
        N_("Every problem is reported as FILE:LINE:COLUMN: json.path: what is wrong,\n"
           "and nothing is printed on standard output unless the model is valid.\n"
           "What a valid model can never satisfy (no people at all, a duty nobody is\n"
           "eligible for) is a warning on standard error; the exit status stays 0.\n\n"
           "Examples:\n"
           "  rota check examples/county/county.json\n"
           "  rota check --format curtois Instance1.txt"));
    g_autoptr(RotaModel) model = NULL;
    CliFormat format;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (!cli_parse(context, &argc, &argv, error))
        return FALSE;
    if (argc != 2) {
        cli_set_usage_error(error, "check", _("expected one MODEL file"));
        return FALSE;
    }
    if (!cli_parse_format(format_name, &format, error) ||
        !cli_check_lang(lang, "check", error))
        return FALSE;
    model = cli_load_model(argv[1], format, error);
    if (model == NULL)
        return FALSE;
    print_summary(argv[1], model);
    warn_unsatisfiable(argv[1], model);
    return TRUE;
}
