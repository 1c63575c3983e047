/* SPDX-License-Identifier: MIT */
/* cmd-score.c: "rota score": evaluate a roster and explain every violation. */
#include "cli-private.h"

#include <stdio.h>

static void
print_violations(const RotaScore *score, gboolean hard)
{
    int n = 0;

    for (int i = 0; i < rota_score_get_n_violations(score); i++) {
        const RotaViolation *violation = rota_score_get_violation(score, i);
        char *name;

        if (violation->hard != hard)
            continue;
        if (n++ == 0)
            fputs(hard ? _("hard violations:\n") : _("soft penalties:\n"), stdout);
        name = cli_pad(cli_constraint_name(violation->constraint), 20, FALSE);
        if (hard)
            printf("  %s %s\n", name, cli_violation_message(violation));
        else
            printf("  %s %8" G_GINT64_FORMAT "  %s\n", name, violation->penalty,
                   cli_violation_message(violation));
        g_free(name);
    }
}

/* A roster made for another version of the model is still scored: the ids
 * resolved, so the result means something, but the coordinator should know. */
static void
warn_if_stale(const RotaModel *model, const RotaRoster *roster, const char *path)
{
    const char *expected = rota_model_get_sha256(model);
    const char *found = rota_roster_get_model_sha256(roster);

    if (expected != NULL && found != NULL && g_strcmp0(expected, found) != 0)
        fprintf(stderr,
                _("rota: warning: %s was made for a different model file "
                  "(model_sha256 differs)\n"),
                path);
}

static gboolean
report(const RotaScore *score, gboolean json, GError **error)
{
    int hard = rota_score_get_hard(score);

    if (json) {
        g_autofree char *text = rota_score_to_json(score);

        fputs(text, stdout);
    } else {
        print_violations(score, TRUE);
        print_violations(score, FALSE);
        cli_print_terms(stdout, score);
        printf("score: hard %d soft %" G_GINT64_FORMAT "\n", hard,
               rota_score_get_soft(score));
    }
    if (fflush(stdout) != 0) {
        g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_IO,
                            _("cannot write standard output"));
        return FALSE;
    }
    if (hard > 0) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_HARD,
                    ngettext("the roster breaks %d hard constraint",
                             "the roster breaks %d hard constraints", (gulong)hard),
                    hard);
        return FALSE;
    }
    return TRUE;
}

gboolean
cli_cmd_score(int argc, char **argv, GError **error)
{
    g_autofree char *format_name = NULL;
    g_autofree char *previous_path = NULL;
    g_autofree char *lang = NULL;
    gboolean json = FALSE;
    GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
         N_("json (model.json + roster.json, the default) or curtois (benchmark "
            "instance + tab-separated grid)"),
         "FORMAT"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &json,
         N_("Print the score as one JSON document instead of the explanation"), NULL},
        {"previous", 'p', 0, G_OPTION_ARG_FILENAME, &previous_path,
         N_("Also score changes against this earlier roster (and its locked "
            "assignments)"),
         "ROSTER"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &lang,
         N_("Language of the messages: en or zh (default: from the locale)"), "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "MODEL ROSTER",
        N_("Score a roster against its model and explain every violation."),
        N_("The explanation lists every hard violation, every soft penalty and a\n"
           "table of terms; the last line is 'score: hard H soft S'.  With --json the\n"
           "output is a single JSON document {hard, soft, terms, violations} instead.\n"
           "For --format curtois, S is the benchmark's objective.\n\n"
           "Exit status: 0 when every hard constraint holds, 3 when some does not,\n"
           "1 on bad input, 2 on bad usage.\n\n"
           "Examples:\n"
           "  rota score county.json roster.json\n"
           "  rota score --lang zh county.json roster.json\n"
           "  rota score --format curtois Instance1.txt Instance1.grid"));
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaRoster) previous = NULL;
    g_autoptr(RotaScore) score = NULL;
    CliFormat format;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (!cli_parse(context, &argc, &argv, error))
        return FALSE;
    if (argc != 3) {
        cli_set_usage_error(error, "score", _("expected a MODEL and a ROSTER file"));
        return FALSE;
    }
    if (!cli_parse_format(format_name, &format, error) ||
        !cli_check_lang(lang, "score", error))
        return FALSE;
    model = cli_load_model(argv[1], format, error);
    if (model == NULL)
        return FALSE;
    roster = cli_load_roster(model, argv[2], format, error);
    if (roster == NULL)
        return FALSE;
    warn_if_stale(model, roster, argv[2]);
    if (previous_path != NULL) {
        previous = cli_load_roster(model, previous_path, format, error);
        if (previous == NULL)
            return FALSE;
    }
    score = rota_score_new(roster, previous);
    return report(score, json, error);
}
