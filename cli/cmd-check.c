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
        printf("contact:    %s%s%s\n", hotline != NULL ? hotline : "",
               hotline != NULL && office != NULL ? ", " : "", office != NULL ? office : "");
    for (int person = 0; person < rota_model_get_n_people(model); person++) {
        n_phones += rota_model_get_person_phone(model, person) != NULL ? 1 : 0;
        n_public += rota_model_is_person_phone_public(model, person) ? 1 : 0;
    }
    if (n_phones > 0)
        printf("phones:     %d (%d public)\n", n_phones, n_public);
}

static void
print_summary(const char *path, const RotaModel *model)
{
    int n_days = rota_model_get_n_days(model);
    int workdays = count_workdays(model);
    g_autofree char *first = rota_model_dup_date(model, 0);
    g_autofree char *last = rota_model_dup_date(model, n_days - 1);

    printf("%s: %s\n", path, rota_model_get_name(model));
    printf("horizon:    %s .. %s, %d days (%d workdays, %d restdays), %s\n", first,
           last, n_days, workdays, n_days - workdays, rota_model_get_timezone(model));
    printf("shifts:     %d\n", rota_model_get_n_shifts(model));
    printf("segments:   %d\n", rota_model_get_n_segments(model));
    printf("units:      %d\n", rota_model_get_n_units(model));
    printf("people:     %d (party %d, volunteer %d, inspector %d)\n",
           rota_model_get_n_people(model), count_tagged(model, "party"),
           count_tagged(model, "volunteer"), count_tagged(model, "inspector"));
    print_contact_and_phones(model);
    printf("duties:     %d\n", rota_model_get_n_duties(model));
    printf("duty cells: %d (%d places wanted)\n", rota_model_get_n_cells(model),
           rota_model_get_n_places(model));
    if (rota_model_get_onsite_shift(model) >= 0)
        printf("on-site:    %d unit-days (shift %s)\n",
               rota_model_get_n_onsite_cells(model),
               rota_model_get_shift_id(model, rota_model_get_onsite_shift(model)));
    else
        printf("on-site:    no on-site rule\n");
    printf("model is valid\n");
}

gboolean
cli_cmd_check(int argc, char **argv, GError **error)
{
    g_autofree char *format_name = NULL;
    GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
         "Input format: json (rota-model v1, the default) or curtois (benchmark text)",
         "FORMAT"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "MODEL", "Validate a model file and print what it holds.",
        "Every problem is reported as FILE:LINE:COLUMN: json.path: what is wrong,\n"
        "and nothing is printed on standard output unless the model is valid.\n\n"
        "Examples:\n"
        "  rota check examples/county/county.json\n"
        "  rota check --format curtois Instance1.txt");
    g_autoptr(RotaModel) model = NULL;
    CliFormat format;

    g_option_context_add_main_entries(context, entries, NULL);
    if (!cli_parse(context, &argc, &argv, error))
        return FALSE;
    if (argc != 2) {
        cli_set_usage_error(error, "check", "expected one MODEL file");
        return FALSE;
    }
    if (!cli_parse_format(format_name, &format, error))
        return FALSE;
    model = cli_load_model(argv[1], format, error);
    if (model == NULL)
        return FALSE;
    print_summary(argv[1], model);
    return TRUE;
}
