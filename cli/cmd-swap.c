/* SPDX-License-Identifier: MIT */
/* cmd-swap.c: "rota swap": give one assignment to someone else, or list who could take
 * it. */
#include "cli-private.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *date, *shift, *person, *to, *output, *lang;
    gboolean suggest;
} SwapOptions;

static const char *
why(const char *reason)
{
    static const struct {
        const char *name, *text;
    } words[] = {
        {"eligibility", N_("not eligible for this duty")},
        {"off", N_("off that day")},
        {"double_booking", N_("already on duty that day: one duty a day")},
        {"min_rest", N_("too little rest between duties")},
        {"forbidden_succession", N_("forbidden succession of shifts")},
    };

    for (gsize i = 0; i < G_N_ELEMENTS(words); i++) {
        if (strcmp(reason, words[i].name) == 0)
            return _(words[i].text);
    }
    return _("a limit would be exceeded");
}

static gboolean
suggest(const RotaRoster *roster, int index)
{
    RotaModel *model = rota_roster_get_model(roster);
    g_autoptr(RotaSwapSuggestions) s = rota_swap_suggest(roster, index, 10, 10);
    gboolean header = FALSE;
    int n_possible = 0;

    for (int i = 0; i < rota_swap_suggestions_get_n(s); i++) {
        const RotaSwapCandidate *c = rota_swap_suggestions_get(s, i);
        const char *id = rota_model_get_person_id(model, c->person);
        const char *name = rota_model_get_person_name(model, c->person);

        if (c->possible) {
            printf("%s %+" G_GINT64_FORMAT " %s\n", id, c->added,
                   name != NULL ? name : "");
            n_possible++;
            continue;
        }
        if (!header)
            fputs(_("cannot take it (the nearest):\n"), stdout);
        header = TRUE;
        printf("  %s %s: %s (%s)\n", id, name != NULL ? name : "", c->reason,
               why(c->reason));
    }
    if (n_possible == 0)
        fputs(_("rota: nobody can take it\n"), stderr);
    return TRUE;
}

static gboolean
move(const RotaRoster *roster, int index, const SwapOptions *o, const char *path,
     GError **error)
{
    RotaModel *model = rota_roster_get_model(roster);
    int to = rota_model_find_person(model, o->to);
    gint64 change = 0;
    g_autoptr(RotaRoster) moved = NULL;
    g_autoptr(RotaScore) score = NULL;
    const RotaAssignment *a = rota_roster_get_assignment(roster, index);

    if (to < 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("--to: unknown person \"%s\""), o->to);
        return FALSE;
    }
    moved = rota_roster_swap(roster, index, to, &change, error);
    if (moved == NULL)
        return FALSE;
    score = rota_score_new(moved, NULL);
    if (!rota_roster_save(moved, score, path, error))
        return FALSE;
    printf(
        _("%s %s %s %s: %s -> %s, soft score %+lld (now %lld)\nwrote %s\n"), o->date,
        o->shift, rota_model_get_segment_id(model, a->segment),
        a->duty == ROTA_DUTY_ONSITE ? "onsite" : rota_model_get_duty_id(model, a->duty),
        o->person, o->to, (long long)change, (long long)rota_score_get_soft(score), path);
    return TRUE;
}

static const char description[] =
    N_("A volunteer cannot make it.  With --to, the assignment of PERSON on DATE\n"
       "and SHIFT goes to Q if every hard rule that held still holds; otherwise\n"
       "the move is refused (exit 1, nothing written) naming the rule and its\n"
       "date.  The new roster is written atomically to NEW (default: ROSTER\n"
       "itself) and the change of the soft score is printed.  With --suggest,\n"
       "up to 10 people who could take it are listed, one a line beginning with\n"
       "the person id and the soft penalty the move adds, least first; then the\n"
       "nearest others and why they cannot (off, a limit, rest, eligibility,\n"
       "one duty a day).  The next 'rota export ics' publishes the change.\n\n"
       "Examples:\n"
       "  rota swap county.json roster.json --date 2026-12-03 --shift am \\\n"
       "      --person P0103 --suggest\n"
       "  rota swap county.json roster.json --date 2026-12-03 --shift am \\\n"
       "      --person P0103 --to P0107 -o roster-new.json");

static gboolean
check_usage(int argc, const SwapOptions *o, GError **error)
{
    if (argc != 3) {
        cli_set_usage_error(error, "swap", _("expected a MODEL and a ROSTER file"));
        return FALSE;
    }
    if (o->date == NULL || o->shift == NULL || o->person == NULL) {
        cli_set_usage_error(error, "swap",
                            _("--date, --shift and --person are required"));
        return FALSE;
    }
    if ((o->to != NULL) == o->suggest) {
        cli_set_usage_error(error, "swap", _("give either --to PERSON or --suggest"));
        return FALSE;
    }
    return TRUE;
}

/* The assignment named by --date, --shift and --person. */
static int
find(const RotaRoster *roster, const SwapOptions *o, GError **error)
{
    RotaModel *model = rota_roster_get_model(roster);
    int day = rota_model_find_day(model, o->date);
    int shift = rota_model_find_shift(model, o->shift);
    int person = rota_model_find_person(model, o->person);
    int index;

    if (day < 0 || shift < 0 || person < 0) {
        g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                            day < 0     ? _("--date: not a date of the horizon")
                            : shift < 0 ? _("--shift: unknown shift")
                                        : _("--person: unknown person"));
        return -1;
    }
    index = rota_roster_find_assignment(roster, day, shift, person);
    if (index < 0)
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("%s has no %s duty on %s in the roster"), o->person, o->shift,
                    o->date);
    return index;
}

gboolean
cli_cmd_swap(int argc, char **argv, GError **error)
{
    SwapOptions o = {0};
    GOptionEntry entries[] = {
        {"date", 'd', 0, G_OPTION_ARG_STRING, &o.date, N_("Date of the duty"), "DATE"},
        {"shift", 's', 0, G_OPTION_ARG_STRING, &o.shift, N_("Shift of the duty"),
         "SHIFT"},
        {"person", 'p', 0, G_OPTION_ARG_STRING, &o.person, N_("Who cannot make it"),
         "PERSON"},
        {"to", 't', 0, G_OPTION_ARG_STRING, &o.to, N_("Who takes it over"), "Q"},
        {"suggest", 0, 0, G_OPTION_ARG_NONE, &o.suggest, N_("List who could take it"),
         NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         N_("Write the new roster here (default: ROSTER)"), "NEW"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
         N_("Language of the messages: en or zh (default: from the locale)"), "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "MODEL ROSTER --date D --shift S --person P (--to Q | --suggest)",
        N_("Move one assignment to another person, or list who could take it."),
        description);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    gboolean ok = FALSE;
    int index;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (!cli_parse(context, &argc, &argv, error) || !check_usage(argc, &o, error))
        goto out;
    model = rota_model_new_from_file(argv[1], error);
    if (model == NULL)
        goto out;
    roster = rota_roster_new_from_file(model, argv[2], error);
    if (roster == NULL)
        goto out;
    index = find(roster, &o, error);
    if (index < 0)
        goto out;
    if (o.suggest)
        ok = suggest(roster, index);
    else
        ok = move(roster, index, &o, o.output != NULL ? o.output : argv[2], error);
out:
    g_free(o.date);
    g_free(o.shift);
    g_free(o.person);
    g_free(o.to);
    g_free(o.output);
    g_free(o.lang);
    return ok;
}
