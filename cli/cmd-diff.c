/* SPDX-License-Identifier: MIT */
/* cmd-diff.c: "rota diff": per person, the duties a new roster adds, removes and moves.
 */
#include "cli-private.h"

#include <stdio.h>
#include <string.h>

static const char change_marks[] = {'+', '-', '~'};

/* "shift name, segment name", or the ids the model does not know. */
static void
append_names(GString *line, const RotaModel *model, const char *shift,
             const char *segment)
{
    int i = rota_model_find_shift(model, shift);
    int s = rota_model_find_segment(model, segment);

    g_string_append_printf(
        line, "%s, %s", i != ROTA_NOT_FOUND ? rota_model_get_shift_name(model, i) : shift,
        s != ROTA_NOT_FOUND ? rota_model_get_segment_name(model, s) : segment);
}

static void
print_change(const RotaModel *model, const RotaChange *c)
{
    g_autoptr(GString) line = g_string_new(NULL);
    gboolean moved = c->kind == ROTA_CHANGE_MOVED;
    const char *shift = c->kind == ROTA_CHANGE_REMOVED ? c->old_shift : c->new_shift;
    const char *segment =
        c->kind == ROTA_CHANGE_REMOVED ? c->old_segment : c->new_segment;

    g_string_printf(line, "  %c %s %s ", change_marks[c->kind], c->date, c->duty);
    if (moved)
        g_string_append_printf(line, "%s %s -> ", c->old_shift, c->old_segment);
    g_string_append_printf(line, "%s %s", shift, segment);
    if (model != NULL) {
        g_string_append(line, "  (");
        if (moved) {
            append_names(line, model, c->old_shift, c->old_segment);
            g_string_append(line, " -> ");
        }
        append_names(line, model, shift, segment);
        g_string_append_c(line, ')');
    }
    puts(line->str);
}

/* "P0003", or with a model "P0003 李娜 (U001 县住房和城乡建设局)". */
static void
print_person(const RotaModel *model, const char *id)
{
    int p = model != NULL ? rota_model_find_person(model, id) : ROTA_NOT_FOUND;
    int unit;

    if (p == ROTA_NOT_FOUND) {
        puts(id);
        return;
    }
    unit = rota_model_get_person_unit(model, p);
    if (unit < 0)
        printf("%s %s\n", id, rota_model_get_person_name(model, p));
    else
        printf("%s %s (%s %s)\n", id, rota_model_get_person_name(model, p),
               rota_model_get_unit_id(model, unit),
               rota_model_get_unit_name(model, unit));
}

static void
print_text(const RotaRosterDiff *diff)
{
    const RotaModel *model = rota_roster_diff_get_model(diff);
    int n = rota_roster_diff_get_n_changes(diff);
    int people = rota_roster_diff_get_n_people(diff);
    const char *person = NULL;

    for (int i = 0; i < n; i++) {
        const RotaChange *c = rota_roster_diff_get_change(diff, i);

        if (person == NULL || strcmp(person, c->person) != 0)
            print_person(model, c->person);
        person = c->person;
        print_change(model, c);
    }
    printf(ngettext("%d person affected, %d added, %d removed, %d moved\n",
                    "%d people affected, %d added, %d removed, %d moved\n",
                    (gulong)people),
           people, rota_roster_diff_get_n_added(diff),
           rota_roster_diff_get_n_removed(diff), rota_roster_diff_get_n_moved(diff));
}

/* A diff across model versions is still exact about ids, but names and
 * eligibility may have moved underneath: say so, without failing. */
static void
warn_models(const RotaRosterDiff *diff, const RotaModel *model, char **paths)
{
    const char *old_sha = rota_roster_diff_get_old_sha256(diff);
    const char *new_sha = rota_roster_diff_get_new_sha256(diff);
    const char *model_sha = model != NULL ? rota_model_get_sha256(model) : NULL;

    if (old_sha != NULL && new_sha != NULL && strcmp(old_sha, new_sha) != 0)
        fprintf(stderr,
                _("rota: warning: %s and %s were made for different model files "
                  "(model_sha256 differs)\n"),
                paths[0], paths[1]);
    for (int k = 0; k < 2 && model_sha != NULL; k++) {
        const char *sha = k == 0 ? old_sha : new_sha;

        if (sha != NULL && strcmp(sha, model_sha) != 0)
            fprintf(stderr,
                    _("rota: warning: %s was made for a different model file "
                      "(model_sha256 differs)\n"),
                    paths[k]);
    }
}

static const char description[] =
    N_("Compares two roster.json files by ids and lists, per person (sorted by\n"
       "id), the duties the new roster adds (+), removes (-) and moves (~), so\n"
       "that exactly the affected people can be told.  A duty is MOVED when the\n"
       "same person keeps the same duty on the same date but on another shift or\n"
       "segment; everything else that differs is added or removed.  The\n"
       "'locked' flag is not a change.  The last line reads\n"
       "'N people affected, A added, R removed, M moved'.\n\n"
       "No model is needed: roster files carry ids.  With --model, every id is\n"
       "checked against the model and names (person, unit, shift, segment) are\n"
       "shown.  --json prints a stable document (format rota-diff, version 1).\n"
       "A warning goes to standard error when the rosters were made for\n"
       "different model files.\n\n"
       "Exit status: 0 whether or not the rosters differ; 1 on bad input or I/O\n"
       "errors; 2 on bad usage.\n\n"
       "Examples:\n"
       "  rota diff roster.json new.json\n"
       "  rota diff --model county.json roster.json new.json\n"
       "  rota diff --json roster.json new.json > changes.json");

gboolean
cli_cmd_diff(int argc, char **argv, GError **error)
{
    g_autofree char *model_path = NULL;
    gboolean json = FALSE;
    GOptionEntry entries[] = {
        {"model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path,
         N_("Check ids against this model and show names"), "MODEL"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON document"), NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "OLD_ROSTER NEW_ROSTER", N_("Show who is affected by a new roster, and how."),
        description);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRosterDiff) diff = NULL;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (!cli_parse(context, &argc, &argv, error))
        return FALSE;
    if (argc != 3) {
        cli_set_usage_error(error, "diff", _("expected two roster files, OLD and NEW"));
        return FALSE;
    }
    if (model_path != NULL) {
        model = rota_model_new_from_file(model_path, error);
        if (model == NULL)
            return FALSE;
    }
    diff = rota_roster_diff_new_from_files(model, argv[1], argv[2], error);
    if (diff == NULL)
        return FALSE;
    warn_models(diff, model, argv + 1);
    if (json) {
        g_autofree char *text = rota_roster_diff_to_json(diff);

        fputs(text, stdout);
    } else {
        print_text(diff);
    }
    if (fflush(stdout) != 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("cannot write standard output"));
        return FALSE;
    }
    return TRUE;
}
