/* SPDX-License-Identifier: MIT */
/* cmd-record.c: "rota record": add attendance, findings and closings to records.json. */
#include "cli-private.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *model, *roster, *lang;
    char *date, *shift, *segment, *person, *status, *substitute, *by, *note;
    int minutes;
    gboolean unscheduled;
    char *category, *source, *text, *found, *deadline, *at;
} RecordOptions;

static void
options_clear(RecordOptions *o)
{
    char **fields[] = {&o->model,    &o->roster,   &o->lang,   &o->date,       &o->shift,
                       &o->segment,  &o->person,   &o->status, &o->substitute, &o->by,
                       &o->note,     &o->category, &o->source, &o->text,       &o->found,
                       &o->deadline, &o->at};

    for (gsize i = 0; i < G_N_ELEMENTS(fields); i++)
        g_free(*fields[i]);
}

/* The records file, or empty records when it does not exist yet. */
static RotaRecords *
load_records(RotaModel *model, RotaRoster *roster, const char *path, GError **error)
{
    if (!g_file_test(path, G_FILE_TEST_EXISTS))
        return rota_records_new(model, roster);
    return rota_records_new_from_file(model, roster, path, error);
}

static gboolean
need(const char *value, const char *option, GError **error)
{
    if (value != NULL)
        return TRUE;
    cli_set_usage_error(error, "record", _("%s is required"), option);
    return FALSE;
}

static gboolean
record_attendance(RotaRecords *records, const RecordOptions *o, GError **error)
{
    if (!need(o->date, "--date", error) || !need(o->shift, "--shift", error) ||
        !need(o->person, "--person", error) || !need(o->status, "--status", error))
        return FALSE;
    if (!rota_records_add_attendance(records, o->date, o->shift, o->segment, o->person,
                                     o->status, o->minutes, o->substitute, o->by,
                                     o->unscheduled, o->note, error))
        return FALSE;
    printf(_("recorded: %s %s %s %s\n"), o->date, o->shift, o->person, o->status);
    return TRUE;
}

static gboolean
record_finding(RotaRecords *records, const RecordOptions *o, GError **error)
{
    g_autofree char *id = NULL;
    RotaFindingInfo f;

    if (!need(o->segment, "--segment", error) ||
        !need(o->category, "--category", error) || !need(o->text, "--text", error))
        return FALSE;
    id = rota_records_add_finding(records, o->segment, o->category, o->source, o->text,
                                  o->found, o->deadline, error);
    if (id == NULL)
        return FALSE;
    rota_records_get_finding(records, rota_records_find_finding(records, id), &f);
    printf(_("%s recorded, deadline %s\n"), id, f.deadline);
    return TRUE;
}

static gboolean
record_close(RotaRecords *records, const RecordOptions *o, const char *id, GError **error)
{
    RotaFindingInfo f;

    if (!rota_records_close_finding(records, id, o->at, o->by, error))
        return FALSE;
    rota_records_get_finding(records, rota_records_find_finding(records, id), &f);
    if (f.closed_at <= f.deadline_at)
        printf(_("%s closed at %s (in time)\n"), id, f.closed);
    else
        printf(_("%s closed at %s (late)\n"), id, f.closed);
    return TRUE;
}

static const char description[] =
    N_("Adds one entry to RECORDS (records.json, format rota-records; created when\n"
       "missing) and writes it back atomically.  An entry that does not validate\n"
       "is refused with exit status 1 and nothing is written: ids must exist in\n"
       "the model, an attendance entry must be an assignment of the roster (or\n"
       "carry --unscheduled), and no assignment is recorded twice.\n\n"
       "  attendance  --date --shift --person --status (done, late, absent, excused,\n"
       "              substituted with --substitute); --segment defaults to the\n"
       "              person's assignment; --minutes defaults to the shift's length\n"
       "  finding     --segment --category (道路 环卫 市政 ... or road sanitation\n"
       "              utilities ...) --text [--source inspection|hotline|photo|other]\n"
       "              [--found TIME] [--deadline TIME]; the id F0001, F0002... is\n"
       "              assigned; the deadline defaults to found + rules.deadlines\n"
       "  close FINDING [--at TIME] [--by PERSON]\n\n"
       "Times are RFC 3339 (2026-12-01T09:20:00+08:00) and default to now.\n\n"
       "Examples:\n"
       "  rota record attendance records.json -m county.json -r roster.json \\\n"
       "      --date 2026-12-03 --shift am --person P0103 --status absent --by P0050\n"
       "  rota record finding records.json -m county.json --segment S0012 \\\n"
       "      --category 环卫 --source hotline --text '路边垃圾未清运'\n"
       "  rota record close records.json -m county.json F0031 --by P0004");

gboolean
cli_cmd_record(int argc, char **argv, GError **error)
{
    RecordOptions o = {.minutes = -1};
    GOptionEntry entries[] = {
        {"model", 'm', 0, G_OPTION_ARG_FILENAME, &o.model, N_("The model (required)"),
         "MODEL"},
        {"roster", 'r', 0, G_OPTION_ARG_FILENAME, &o.roster,
         N_("The roster (required for attendance)"), "ROSTER"},
        {"date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("Date of the duty"), "DATE"},
        {"shift", 0, 0, G_OPTION_ARG_STRING, &o.shift, N_("Shift id"), "SHIFT"},
        {"segment", 0, 0, G_OPTION_ARG_STRING, &o.segment, N_("Segment id"), "SEGMENT"},
        {"person", 0, 0, G_OPTION_ARG_STRING, &o.person, N_("Person id"), "PERSON"},
        {"status", 0, 0, G_OPTION_ARG_STRING, &o.status,
         N_("done, late, absent, excused or substituted"), "STATUS"},
        {"minutes", 0, 0, G_OPTION_ARG_INT, &o.minutes, N_("Minutes worked"), "N"},
        {"substitute", 0, 0, G_OPTION_ARG_STRING, &o.substitute, N_("Who stood in"),
         "PERSON"},
        {"unscheduled", 0, 0, G_OPTION_ARG_NONE, &o.unscheduled,
         N_("The work was not an assignment of the roster"), NULL},
        {"note", 0, 0, G_OPTION_ARG_STRING, &o.note, N_("A note"), "TEXT"},
        {"by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("Who recorded or closed it"),
         "PERSON"},
        {"category", 0, 0, G_OPTION_ARG_STRING, &o.category, N_("Finding category"),
         "CAT"},
        {"source", 0, 0, G_OPTION_ARG_STRING, &o.source,
         N_("inspection (default), hotline, photo or other"), "SOURCE"},
        {"text", 0, 0, G_OPTION_ARG_STRING, &o.text, N_("What was found"), "TEXT"},
        {"found", 0, 0, G_OPTION_ARG_STRING, &o.found, N_("When it was found"), "TIME"},
        {"deadline", 0, 0, G_OPTION_ARG_STRING, &o.deadline, N_("Deadline"), "TIME"},
        {"at", 0, 0, G_OPTION_ARG_STRING, &o.at, N_("When it was closed"), "TIME"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
         N_("Language of the messages: en or zh (default: from the locale)"), "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "attendance|finding|close RECORDS [FINDING]",
        N_("Record what happened: attendance, findings, closings."), description);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaRecords) records = NULL;
    gboolean ok = FALSE;
    const char *kind;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (!cli_parse(context, &argc, &argv, error))
        goto out;
    kind = argc > 1 ? argv[1] : "";
    if (argc < 3 || (strcmp(kind, "close") == 0 ? argc != 4 : argc != 3) ||
        (strcmp(kind, "attendance") != 0 && strcmp(kind, "finding") != 0 &&
         strcmp(kind, "close") != 0)) {
        cli_set_usage_error(error, "record",
                            _("expected attendance RECORDS, finding RECORDS or close "
                              "RECORDS FINDING"));
        goto out;
    }
    if (!need(o.model, "--model", error) ||
        (strcmp(kind, "attendance") == 0 && !need(o.roster, "--roster", error)))
        goto out;
    model = rota_model_new_from_file(o.model, error);
    if (model == NULL)
        goto out;
    if (o.roster != NULL) {
        roster = rota_roster_new_from_file(model, o.roster, error);
        if (roster == NULL)
            goto out;
    }
    records = load_records(model, roster, argv[2], error);
    if (records == NULL)
        goto out;
    if (strcmp(kind, "attendance") == 0)
        ok = record_attendance(records, &o, error);
    else if (strcmp(kind, "finding") == 0)
        ok = record_finding(records, &o, error);
    else
        ok = record_close(records, &o, argv[3], error);
    ok = ok && rota_records_save(records, argv[2], error);
out:
    options_clear(&o);
    return ok;
}
