/* SPDX-License-Identifier: MIT */
/* cmd-import.c: "rota import" (a model from CSV sheets and calendars) and "rota export
 * sheets" (back). */
#include "cli-private.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *base;
    char **sheets[ROTA_N_SHEETS];
    char *availability;
    char *output;
    char *lang;
    /* --records: check-in exports into a records file */
    char *records, *model, *roster;
    char **attendance, **findings;
} Options;

static void
options_clear(Options *o)
{
    g_free(o->base);
    for (int k = 0; k < ROTA_N_SHEETS; k++)
        g_strfreev(o->sheets[k]);
    g_free(o->availability);
    g_free(o->output);
    g_free(o->lang);
    g_free(o->records);
    g_free(o->model);
    g_free(o->roster);
    g_strfreev(o->attendance);
    g_strfreev(o->findings);
}

static const char import_description[] = N_(
    "BASE is a model.json holding what coordinators seldom change: the horizon,\n"
    "the calendar, the shifts, the duties and the rules.  Each sheet given\n"
    "replaces that list of BASE (give --people once per file to read one file\n"
    "per unit); people read from a sheet keep BASE's days off and requests of\n"
    "the same id unless --off or --requests is given too.\n\n"
    "Sheets are CSV files as Excel or WPS save them: UTF-8 (with or without\n"
    "BOM) or GB18030 (\"CSV\" on Chinese Windows; the summary says which was\n"
    "read), comma- or tab-separated, one header row.  Column names in Chinese\n"
    "or English, in any order; columns named 备注/note or starting with # are\n"
    "ignored, any other unknown column is an error.\n"
    "  units:    编号 id, 名称 name, 一把手 head, 副职 deputies, 包保路段 segments\n"
    "  segments: 编号 id, 名称 name, 类型 kind (路段/小区), 网格 grid, 路长 chief,\n"
    "            位置 location, 纬度 lat, 经度 lon\n"
    "  people:   编号 id (required), 姓名 name, 单位 unit, 身份 tags (党员, 志愿者,\n"
    "            督查员, other words kept), 社区 community, and limits such as\n"
    "            每周最多班次 max_shifts_week or 最多班次.SHIFT (empty = no limit)\n"
    "  off:      编号 person, 开始 from, 结束 to, 班次 shift\n"
    "  requests: 编号 person, 日期 date, 班次 shift, 意愿 on (想/不想), 权重 weight\n"
    "A unit, person, segment or shift may be written as its id or its exact\n"
    "name.  Dates: 2026-12-05, 2026/12/5, 2026.12.5, 2026年12月5日 or 12月5日.\n"
    "Lists in a cell are separated by 、 ， , ; or ；.\n\n"
    "--availability DIR reads DIR/ID.ics for each person: every busy event\n"
    "(recurrences and time zones included) makes the shifts it overlaps off,\n"
    "an all-day event the whole day.\n\n"
    "Every problem is reported at once, one line each (at most 50):\n"
    "  FILE:ROW:COL: 列 NAME (key): message\n"
    "and nothing is written (exit 1).  On success MODEL is written atomically in\n"
    "the canonical model.json layout and a summary goes to standard output.\n\n"
    "With --records RECORDS, the sheets are check-in exports that go into a\n"
    "records file (created when missing; written back, or to -o OUT):\n"
    "  attendance: 日期 date, 班次 shift, 路段 segment (default: the person's\n"
    "              assignment), 人员 person, 状态 status (完成 done, 迟到 late,\n"
    "              缺勤 absent, 请假 excused, 替班 substituted), 分钟 minutes,\n"
    "              替班人 substitute, 记录人 by, 计划外 unscheduled (是/否), 备注 note\n"
    "  findings:   编号 id (optional), 路段 segment, 发现时间 found, 类别 category\n"
    "              (道路 建筑 车辆 绿植 环卫 市政 亮灯 水系), 来源 source (巡查,\n"
    "              12345, 随手拍, 其他), 问题描述 text, 办结时限 deadline (default:\n"
    "              from rules.deadlines), 销号时间 closed, 销号人 closed_by\n"
    "Times: 2026-12-01 09:20, 2026/12/1 9:20 (the model's time zone) or RFC 3339.\n"
    "A row recorded already the same way is skipped, so an export may be\n"
    "imported again; a finding whose id is known and that is closed now gets\n"
    "closed.  Each row must pass the checks of rota record.\n\n"
    "Examples:\n"
    "  rota import --base base.json --units units.csv --segments segments.csv \\\n"
    "      --people people.csv -o model.json\n"
    "  rota import --base base.json --people 住建局.csv --people 教体局.csv \\\n"
    "      --off off.csv --availability calendars -o model.json\n"
    "  rota export sheets county.json -o sheets    # the sheets of a model\n"
    "  rota import --records records.json -m county.json -r roster.json \\\n"
    "      --attendance 签到-12月.csv --findings 问题台账.csv");

static gboolean
check_records_options(const Options *o, GError **error)
{
    const char *wrong = o->base != NULL ? "--base" : o->availability ? "--availability" : NULL;

    for (int k = 0; wrong == NULL && k < ROTA_N_SHEETS; k++) {
        if (o->sheets[k] != NULL)
            wrong = "a model sheet";
    }
    if (wrong != NULL) {
        cli_set_usage_error(error, "import",
                            "%s cannot be given with --records (records take --attendance "
                            "and --findings)",
                            wrong);
        return FALSE;
    }
    if (o->model == NULL) {
        cli_set_usage_error(error, "import", "--records needs the model: -m MODEL");
        return FALSE;
    }
    if (o->attendance != NULL && o->roster == NULL) {
        cli_set_usage_error(error, "import",
                            "--attendance needs the roster its entries name: -r ROSTER");
        return FALSE;
    }
    if (o->attendance == NULL && o->findings == NULL) {
        cli_set_usage_error(error, "import",
                            "--records needs --attendance FILE.csv or --findings FILE.csv");
        return FALSE;
    }
    return TRUE;
}

static gboolean
check_import_options(const Options *o, int argc, GError **error)
{
    if (argc != 1) {
        cli_set_usage_error(error, "import",
                            _("unexpected argument (sheets are options)"));
        return FALSE;
    }
    if (o->records != NULL)
        return check_records_options(o, error);
    if (o->attendance != NULL || o->findings != NULL || o->model != NULL ||
        o->roster != NULL) {
        cli_set_usage_error(error, "import",
                            "--attendance, --findings, -m and -r go with --records RECORDS");
        return FALSE;
    }
    if (o->base == NULL) {
        cli_set_usage_error(error, "import",
                            _("the base model --base BASE.json is required"));
        return FALSE;
    }
    if (o->output == NULL) {
        cli_set_usage_error(error, "import", _("the output file -o MODEL is required"));
        return FALSE;
    }
    return TRUE;
}

static gboolean
write_summary(const char *summary, const char *output, GError **error)
{
    fputs(summary, stdout);
    printf(_("wrote %s\n"), output);
    if (fflush(stdout) != 0) {
        g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_IO,
                            _("cannot write standard output"));
        return FALSE;
    }
    return TRUE;
}

static gboolean
run_import(const Options *o, GError **error)
{
    g_autoptr(RotaImport) import = rota_import_new(o->base);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(GError) local = NULL;

    rota_import_set_chinese(import, cli_speaks_chinese());
    for (int k = 0; k < ROTA_N_SHEETS; k++) {
        for (int i = 0; o->sheets[k] != NULL && o->sheets[k][i] != NULL; i++)
            rota_import_add_sheet(import, (RotaSheetKind)k, o->sheets[k][i]);
    }
    rota_import_set_availability_dir(import, o->availability);
    model = rota_import_run(import, &local);
    if (model == NULL) {
        int n = rota_import_get_n_errors(import);

        if (n == 0) {
            g_propagate_error(error, g_steal_pointer(&local));
            return FALSE;
        }
        fprintf(stderr, "%s\n", local->message);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("%d error(s) in the sheets; nothing written"), n);
        return FALSE;
    }
    if (!rota_model_save(model, o->output, error))
        return FALSE;
    return write_summary(rota_import_get_summary(import), o->output, error);
}

/* Every file of one kind into records; FALSE (errors printed) when any
 * file has problems. */
static gboolean
import_record_sheets(RotaRecords *records, RotaRecordSheet kind, char **files,
                     gboolean chinese, GString *summary, int *n_errors, GError **error)
{
    gboolean ok = TRUE;

    for (int i = 0; files != NULL && files[i] != NULL; i++) {
        GError *local = NULL; /* not g_autoptr: gcc's analyzer misreads it in a loop */
        int added = 0, unchanged = 0;

        if (rota_records_import_sheet(records, kind, files[i], chinese, &added, &unchanged,
                                      &local)) {
            g_string_append_printf(summary, _("%s: %d added, %d recorded already\n"),
                                   files[i], added, unchanged);
        } else if (!g_error_matches(local, ROTA_ERROR, ROTA_ERROR_INVALID)) {
            g_propagate_error(error, local);
            return FALSE;
        } else {
            fprintf(stderr, "%s\n", local->message);
            g_error_free(local);
            (*n_errors)++;
            ok = FALSE;
        }
    }
    return ok;
}

static gboolean
run_import_records(const Options *o, GError **error)
{
    gboolean chinese = cli_speaks_chinese();
    const char *output = o->output != NULL ? o->output : o->records;
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaRecords) records = NULL;
    g_autoptr(GString) summary = g_string_new(NULL);
    GError *fatal = NULL;
    int n_errors = 0;
    gboolean ok;

    model = rota_model_new_from_file(o->model, error);
    if (model == NULL)
        return FALSE;
    if (o->roster != NULL) {
        roster = rota_roster_new_from_file(model, o->roster, error);
        if (roster == NULL)
            return FALSE;
    }
    records = g_file_test(o->records, G_FILE_TEST_EXISTS)
                  ? rota_records_new_from_file(model, roster, o->records, error)
                  : rota_records_new(model, roster);
    if (records == NULL)
        return FALSE;
    ok = import_record_sheets(records, ROTA_RECORD_SHEET_ATTENDANCE, o->attendance,
                              chinese, summary, &n_errors, &fatal);
    if (fatal == NULL)
        ok = import_record_sheets(records, ROTA_RECORD_SHEET_FINDINGS, o->findings,
                                  chinese, summary, &n_errors, &fatal) &&
             ok;
    if (fatal != NULL) {
        g_propagate_error(error, fatal);
        return FALSE;
    }
    if (!ok) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("%d sheet(s) with errors; nothing written"), n_errors);
        return FALSE;
    }
    if (!rota_records_save(records, output, error))
        return FALSE;
    fputs(summary->str, stdout);
    printf(_("wrote %s (%d attendance entries, %d findings)\n"), output,
           rota_records_get_n_attendance(records), rota_records_get_n_findings(records));
    return fflush(stdout) == 0;
}

gboolean
cli_cmd_import(int argc, char **argv, GError **error)
{
    Options o = {0};
    GOptionEntry entries[] = {
        {"base", 'b', 0, G_OPTION_ARG_FILENAME, &o.base,
         N_("The base model.json (horizon, calendar, shifts, duties, rules)"),
         "BASE.json"},
        {"units", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.sheets[ROTA_SHEET_UNITS],
         N_("The units sheet (replaces BASE's units)"), "FILE.csv"},
        {"segments", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.sheets[ROTA_SHEET_SEGMENTS],
         N_("The segments sheet"), "FILE.csv"},
        {"people", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.sheets[ROTA_SHEET_PEOPLE],
         N_("A people sheet (repeat for one file per unit)"), "FILE.csv"},
        {"off", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.sheets[ROTA_SHEET_OFF],
         N_("The days-off sheet"), "FILE.csv"},
        {"requests", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.sheets[ROTA_SHEET_REQUESTS],
         N_("The requests sheet"), "FILE.csv"},
        {"availability", 'a', 0, G_OPTION_ARG_FILENAME, &o.availability,
         N_("A folder of calendars, DIR/ID.ics per person: busy times become days off"),
         "DIR"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         N_("The model.json to write"), "MODEL"},
        {"records", 0, 0, G_OPTION_ARG_FILENAME, &o.records,
         "Import check-in exports into this records.json instead of building a model",
         "RECORDS"},
        {"model", 'm', 0, G_OPTION_ARG_FILENAME, &o.model,
         "With --records: the model the records are about", "MODEL"},
        {"roster", 'r', 0, G_OPTION_ARG_FILENAME, &o.roster,
         "With --records: the roster attendance entries name", "ROSTER"},
        {"attendance", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.attendance,
         "With --records: an attendance (check-in) sheet", "FILE.csv"},
        {"findings", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.findings,
         "With --records: a findings sheet", "FILE.csv"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
         N_("Language of the messages: en or zh (default: from the locale)"), "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "--base BASE.json [--units F] [--segments F] [--people F]… "
        "[--off F] [--requests F] [--availability DIR] -o MODEL\n"
        "  rota import --records RECORDS -m MODEL [-r ROSTER] [--attendance F]… "
        "[--findings F]… [-o OUT]",
        N_("Build a model from the coordinators' CSV sheets."), import_description);
    gboolean ok = FALSE;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (cli_parse(context, &argc, &argv, error) && check_import_options(&o, argc, error))
        ok = o.records != NULL ? run_import_records(&o, error) : run_import(&o, error);
    options_clear(&o);
    return ok;
}

static const char sheets_description[] =
    N_("Writes into DIR the sheets rota import reads: units.csv, segments.csv,\n"
       "people.csv (with the limits people have), off.csv and requests.csv, as\n"
       "UTF-8 with BOM and CRLF so that Excel and WPS open them as they are, and\n"
       "base.json with the rest of the model.  References are written as ids.\n"
       "Importing them again gives the same model.json byte for byte:\n\n"
       "  rota export sheets county.json -o sheets\n"
       "  rota import --base sheets/base.json --units sheets/units.csv \\\n"
       "      --segments sheets/segments.csv --people sheets/people.csv \\\n"
       "      --off sheets/off.csv --requests sheets/requests.csv -o county2.json");

/* "rota export sheets MODEL -o DIR"; argv[0] is "sheets". */
gboolean
cli_export_sheets(int argc, char **argv, GError **error)
{
    g_autofree char *output = NULL;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
         N_("The output folder (created when missing)"), "DIR"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context =
        cli_context_new("sheets MODEL -o DIR", N_("Write a model's lists as CSV sheets."),
                        sheets_description);
    g_autoptr(RotaModel) model = NULL;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (!cli_parse(context, &argc, &argv, error))
        return FALSE;
    if (argc != 2 || output == NULL) {
        cli_set_usage_error(error, "export", _("expected sheets MODEL -o DIR"));
        return FALSE;
    }
    model = cli_load_model(argv[1], CLI_FORMAT_JSON, error);
    if (model == NULL || !rota_export_sheets(model, output, error))
        return FALSE;
    printf(_("wrote %s/{units,segments,people,off,requests}.csv and base.json\n"),
           output);
    return fflush(stdout) == 0;
}
