/* SPDX-License-Identifier: MIT */
/* cli-load.c: option parsing, usage errors and input loading shared by the subcommands. */
#include "cli-private.h"

#include <string.h>
#include <sys/stat.h>

G_DEFINE_QUARK(rota-cli-error-quark, cli_error)

GOptionContext *
cli_context_new(const char *synopsis, const char *summary, const char *description)
{
    GOptionContext *context = g_option_context_new(synopsis);

    /* GOption translates the synopsis, summary, description and each
     * option's description (marked N_() by the callers) when it prints --help. */
    g_option_context_set_translation_domain(context, GETTEXT_PACKAGE);
    g_option_context_set_summary(context, summary);
    if (description != NULL)
        g_option_context_set_description(context, description);
    return context;
}

gboolean
cli_parse(GOptionContext *context, int *argc, char ***argv, GError **error)
{
    GError *local = NULL;

    if (g_option_context_parse(context, argc, argv, &local))
        return TRUE;
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, _("%s (see 'rota help %s')"),
                local->message, (*argv)[0]);
    g_error_free(local);
    return FALSE;
}

void
cli_set_usage_error(GError **error, const char *command, const char *format, ...)
{
    va_list args;
    g_autofree char *message = NULL;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, _("%s (see 'rota help %s')"), message,
                command);
}

gboolean
cli_parse_format(const char *text, CliFormat *format, GError **error)
{
    if (text == NULL || strcmp(text, "json") == 0) {
        *format = CLI_FORMAT_JSON;
        return TRUE;
    }
    if (strcmp(text, "curtois") == 0) {
        *format = CLI_FORMAT_CURTOIS;
        return TRUE;
    }
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                _("unknown format \"%s\" (expected json or curtois)"), text);
    return FALSE;
}

RotaModel *
cli_load_model(const char *path, CliFormat format, GError **error)
{
    if (format == CLI_FORMAT_CURTOIS)
        return rota_model_new_from_curtois_file(path, error);
    return rota_model_new_from_file(path, error);
}

/* With --format curtois a roster is the benchmark's tab-separated grid. */
RotaRoster *
cli_load_roster(RotaModel *model, const char *path, CliFormat format, GError **error)
{
    if (format == CLI_FORMAT_CURTOIS)
        return rota_roster_new_from_grid_file(model, path, error);
    return rota_roster_new_from_file(model, path, error);
}

GDateTime *
cli_parse_now(const char *command, const char *text, GError **error)
{
    GDateTime *now = g_date_time_new_from_iso8601(text, NULL);

    if (now == NULL)
        cli_set_usage_error(error, command,
                            _("--now: expected an ISO 8601 time such as "
                              "2026-11-30T08:00:00Z, found \"%s\""),
                            text);
    return now;
}

char *
cli_secret_path(const char *dir, const char *secret)
{
    g_autofree char *base = g_strdup(dir);
    gsize length = strlen(base);

    if (secret != NULL)
        return g_strdup(secret);
    while (length > 1 && base[length - 1] == '/')
        base[--length] = '\0';
    return g_strconcat(base, ".secret", NULL);
}

gboolean
cli_check_lang(const char *lang_option, const char *command, GError **error)
{
    const char *known[] = {"en", "zh"};

    if (lang_option == NULL)
        return TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(known); i++) {
        gsize n = strlen(known[i]);

        if (strncmp(lang_option, known[i], n) == 0 &&
            strchr("_-.@", lang_option[n]) != NULL)
            return TRUE;
    }
    cli_set_usage_error(error, command,
                        _("unknown language \"%s\" for --lang (expected en or zh)"),
                        lang_option);
    return FALSE;
}

gboolean
cli_same_file(const char *a, const char *b)
{
    struct stat sa, sb;

    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}
