/* SPDX-License-Identifier: MIT */
/* import-records.c: attendance and findings from check-in CSV exports into records
 * (rota import --records). */
#include "config.h"

#include "import/import-private.h"
#include "records/records-private.h"
#include "util-private.h"

#include <string.h>

/*
 * A sheet of records goes through the same reader as the model's sheets
 * (rotap_csv_parse, rotap_sheet_new) and its references through the same
 * resolver (ids or exact names, built from the model's spec).  Each row
 * becomes a call of the public adders, so a row is held to exactly the
 * checks of rota record; their "key: message" errors are placed at the
 * key's column.
 */

typedef struct {
    RotapImportRun run; /* spec, errors and resolver only */
    RotaRecords *records;
    RotapSheet *sheet;
    const RotaModel *model;
    int n_added, n_unchanged;
    GArray *closed; /* int: findings closed by this sheet, to reopen on failure */
} RecordsRun;

/* ---- cells */

/* A reference cell resolved to an id (newly allocated), NULL when the cell
 * is empty or the reference is unknown (*ok is then FALSE). */
static char *
resolve_cell(RecordsRun *r, const RotapCsvRow *row, int field, RotapRefKind kind,
             gboolean *ok)
{
    char *value = rotap_cell_dup(rotap_sheet_cell(r->sheet, row, field));

    if (value != NULL && !rotap_resolve(&r->run, kind, &value, r->sheet, row->line, field)) {
        *ok = FALSE;
        g_clear_pointer(&value, g_free);
    }
    return value;
}

static gboolean
require_cell(RecordsRun *r, const RotapCsvRow *row, int field)
{
    if (*rotap_sheet_cell(r->sheet, row, field) != '\0')
        return TRUE;
    rotap_sheet_field_error(r->sheet, r->run.errors, row->line, field, "%s",
                            ROTAP_TR(r->run.errors, "empty cell"));
    return FALSE;
}

/* The status words of check-in sheets, Chinese or English. */
static const char *
status_name(const char *cell)
{
    static const struct {
        const char *word, *status;
    } words[] = {
        {"完成", "done"},   {"已到", "done"},   {"到岗", "done"},
        {"正常", "done"},   {"迟到", "late"},   {"缺勤", "absent"},
        {"缺岗", "absent"}, {"未到", "absent"}, {"请假", "excused"},
        {"替班", "substituted"}, {"代班", "substituted"},
    };

    if (rotap_status_from_name(cell) >= 0)
        return cell;
    for (gsize i = 0; i < G_N_ELEMENTS(words); i++) {
        if (strcmp(cell, words[i].word) == 0)
            return words[i].status;
    }
    return NULL;
}

/* The source words of findings, Chinese or English; "" is an inspection. */
static const char *
source_name(const char *cell)
{
    static const struct {
        const char *word, *source;
    } words[] = {
        {"", "inspection"},    {"巡查", "inspection"}, {"督查", "inspection"},
        {"检查", "inspection"}, {"12345", "hotline"},   {"热线", "hotline"},
        {"随手拍", "photo"},    {"照片", "photo"},      {"其他", "other"},
    };

    if (rotap_source_from_name(cell) >= 0)
        return cell;
    for (gsize i = 0; i < G_N_ELEMENTS(words); i++) {
        if (strcmp(cell, words[i].word) == 0)
            return words[i].source;
    }
    return NULL;
}

/* "HH:MM" or "HH:MM:SS". */
static gboolean
parse_clock(const char *text, int *hour, int *minute, int *second)
{
    int n[3] = {0, 0, 0}, count = 0;
    const char *p = text;

    while (count < 3) {
        int digits = 0, value = 0;

        while (g_ascii_isdigit(*p) && digits < 2) {
            value = value * 10 + (*p++ - '0');
            digits++;
        }
        if (digits == 0)
            return FALSE;
        n[count++] = value;
        if (*p != ':')
            break;
        p++;
    }
    if (*p != '\0' || count < 2 || n[0] > 23 || n[1] > 59 || n[2] > 59)
        return FALSE;
    *hour = n[0];
    *minute = n[1];
    *second = n[2];
    return TRUE;
}

/* A time cell: RFC 3339, or a sheet date and a clock time in the model's
 * zone ("2026/12/1 9:20", "2026年12月1日 09:20:00").  The RFC 3339 text, or
 * NULL after an error at the field. */
static char *
time_cell(RecordsRun *r, const RotapCsvRow *row, int field)
{
    const char *cell = rotap_sheet_cell(r->sheet, row, field);
    g_auto(GStrv) parts = NULL;
    g_autofree char *date = NULL;
    const char *why = NULL;
    int hour, minute, second;
    gint64 epoch;

    if (rotap_parse_timestamp(cell, &epoch))
        return rotap_format_timestamp(r->model, epoch);
    parts = g_strsplit(cell, " ", 2);
    if (parts[0] != NULL && parts[1] != NULL &&
        rotap_parse_sheet_date(parts[0], &r->model->start, r->model->n_days,
                               r->run.errors->chinese, &date, &why) &&
        parse_clock(g_strstrip(parts[1]), &hour, &minute, &second)) {
        g_autoptr(GTimeZone) zone = rotap_model_time_zone(r->model);
        GDate day;
        g_autoptr(GDateTime) local = NULL;

        rotap_parse_date(date, &day);
        local = g_date_time_new(zone, g_date_get_year(&day), g_date_get_month(&day),
                                g_date_get_day(&day), hour, minute, second);
        if (local != NULL)
            return rotap_format_timestamp(r->model, g_date_time_to_unix(local));
    }
    rotap_sheet_field_error(
        r->sheet, r->run.errors, row->line, field,
        ROTAP_TR(r->run.errors,
                 "\"%s\" is not a time (expected 2026-12-01 09:20, 2026/12/1 9:20 or "
                 "2026-12-01T09:20:00+08:00)"),
        cell);
    return NULL;
}

/* An error of the adders about member key (NULL: the whole row), at the
 * column of key, or of the row when the sheet has no such column. */
static void
place_error(RecordsRun *r, const RotapCsvRow *row, const char *key, const char *message)
{
    int n;
    const RotapColumnName *names = rotap_sheet_fields(r->sheet->kind, &n);

    for (int f = 0; key != NULL && f < n; f++) {
        if (strcmp(names[f].key, key) != 0)
            continue;
        if (r->sheet->field[f] >= 0) {
            rotap_sheet_field_error(r->sheet, r->run.errors, row->line, f, "%s", message);
            return;
        }
        break;
    }
    if (key != NULL) {
        /* "KEY: " as the record adders write it (records-write.c) */
        g_autofree char *prefix = g_strdup_printf(ROTAP_TR(r->run.errors, "%s: "), key);

        rotap_errors_add_line(r->run.errors, r->sheet->file, r->sheet->csv->name,
                              row->line, "%s%s", prefix, message);
    } else {
        rotap_errors_add_line(r->run.errors, r->sheet->file, r->sheet->csv->name,
                              row->line, "%s", message);
    }
}

/* ---- attendance */

typedef struct {
    char *date, *shift, *segment, *person, *substitute, *by;
    const char *status, *note;
    int minutes;
    gboolean unscheduled;
} AttendanceRow;

static void
attendance_row_clear(AttendanceRow *a)
{
    g_free(a->date);
    g_free(a->shift);
    g_free(a->segment);
    g_free(a->person);
    g_free(a->substitute);
    g_free(a->by);
}

/* The cells of an attendance row; FALSE after errors. */
static gboolean
read_attendance_cells(RecordsRun *r, const RotapCsvRow *row, AttendanceRow *a)
{
    RotapErrors *errors = r->run.errors;
    const char *cell, *why = NULL;
    gboolean ok = require_cell(r, row, F_ATT_DATE) & require_cell(r, row, F_ATT_SHIFT) &
                  require_cell(r, row, F_ATT_PERSON) & require_cell(r, row, F_ATT_STATUS);

    cell = rotap_sheet_cell(r->sheet, row, F_ATT_DATE);
    if (*cell != '\0' && !rotap_parse_sheet_date(cell, &r->model->start, r->model->n_days,
                                                 errors->chinese, &a->date, &why)) {
        rotap_sheet_field_error(r->sheet, errors, row->line, F_ATT_DATE, "%s", why);
        ok = FALSE;
    }
    a->shift = resolve_cell(r, row, F_ATT_SHIFT, ROTAP_REF_SHIFT, &ok);
    a->segment = resolve_cell(r, row, F_ATT_SEGMENT, ROTAP_REF_SEGMENT, &ok);
    a->person = resolve_cell(r, row, F_ATT_PERSON, ROTAP_REF_PERSON, &ok);
    a->substitute = resolve_cell(r, row, F_ATT_SUBSTITUTE, ROTAP_REF_PERSON, &ok);
    a->by = resolve_cell(r, row, F_ATT_BY, ROTAP_REF_PERSON, &ok);
    cell = rotap_sheet_cell(r->sheet, row, F_ATT_STATUS);
    a->status = status_name(cell);
    if (*cell != '\0' && a->status == NULL) {
        rotap_sheet_field_error(
            r->sheet, errors, row->line, F_ATT_STATUS,
            ROTAP_TR(errors,
                     "unknown status \"%s\" (expected 完成 done, 迟到 late, 缺勤 absent, "
                     "请假 excused or 替班 substituted)"),
            cell);
        ok = FALSE;
    }
    a->minutes = -1;
    cell = rotap_sheet_cell(r->sheet, row, F_ATT_MINUTES);
    if (*cell != '\0' && (!rotap_parse_int(cell, &a->minutes) || a->minutes < 0)) {
        rotap_sheet_field_error(
            r->sheet, errors, row->line, F_ATT_MINUTES,
            ROTAP_TR(errors, "expected minutes (0 or more), found \"%s\""), cell);
        ok = FALSE;
    }
    cell = rotap_sheet_cell(r->sheet, row, F_ATT_UNSCHEDULED);
    if (*cell != '\0' && !rotap_parse_on(cell, &a->unscheduled)) {
        rotap_sheet_field_error(
            r->sheet, errors, row->line, F_ATT_UNSCHEDULED,
            ROTAP_TR(errors, "expected 是 (yes) or 否 (no), found \"%s\""), cell);
        ok = FALSE;
    }
    cell = rotap_sheet_cell(r->sheet, row, F_ATT_NOTE);
    a->note = *cell != '\0' ? cell : NULL;
    return ok;
}

/* Whether the same entry is recorded already (then the row is left
 * alone); an entry for the same assignment with another status is an
 * error: a check-in export does not overwrite what was recorded. */
static gboolean
already_recorded(RecordsRun *r, const RotapCsvRow *row, const AttendanceRow *a,
                 gboolean *conflict)
{
    const RotaModel *model = r->model;
    int day = rota_model_find_day(model, a->date);
    int shift = rota_model_find_shift(model, a->shift);
    int person = rota_model_find_person(model, a->person);
    int segment = a->segment != NULL ? rota_model_find_segment(model, a->segment)
                                     : rotap_records_assigned_segment(r->records, day,
                                                                      shift, person);
    g_autofree char *key = NULL;
    const RotapAttendance *old;
    int index;

    *conflict = FALSE;
    if (day < 0 || shift < 0 || person < 0 || segment < 0)
        return FALSE;
    key = rotap_slot_key(model, day, shift, segment, person);
    index = GPOINTER_TO_INT(g_hash_table_lookup(r->records->entries, key)) - 1;
    if (index < 0)
        return FALSE;
    old = &g_array_index(r->records->attendance, RotapAttendance, index);
    if (strcmp(rota_status_get_name(old->a.status), a->status) == 0)
        return TRUE;
    *conflict = TRUE;
    rotap_sheet_field_error(
        r->sheet, r->run.errors, row->line, F_ATT_STATUS,
        ROTAP_TR(r->run.errors, "already recorded as %s; change it in the records file"),
        rota_status_get_name(old->a.status));
    return FALSE;
}

static void
read_attendance_row(RecordsRun *r, const RotapCsvRow *row)
{
    AttendanceRow a = {0};
    g_autoptr(GError) error = NULL;
    gboolean conflict = FALSE;
    const char *key = NULL;

    rotap_sheet_check_row(r->sheet, row, r->run.errors);
    if (!read_attendance_cells(r, row, &a)) {
        attendance_row_clear(&a);
        return;
    }
    if (already_recorded(r, row, &a, &conflict))
        r->n_unchanged++;
    else if (!conflict &&
             !rotap_records_add_attendance_keyed(
                 r->records, a.date, a.shift, a.segment, a.person, a.status, a.minutes,
                 a.substitute, a.by, a.unscheduled, a.note, &key, &error))
        place_error(r, row, key, error->message);
    else if (!conflict)
        r->n_added++;
    attendance_row_clear(&a);
}

/* ---- findings */

typedef struct {
    char *segment, *found, *deadline, *closed, *closed_by;
    const char *id, *category, *source, *text;
} FindingRow;

static void
finding_row_clear(FindingRow *f)
{
    g_free(f->segment);
    g_free(f->found);
    g_free(f->deadline);
    g_free(f->closed);
    g_free(f->closed_by);
}

static gboolean
read_finding_cells(RecordsRun *r, const RotapCsvRow *row, FindingRow *f)
{
    RotapErrors *errors = r->run.errors;
    const char *cell;
    gboolean ok = require_cell(r, row, F_FIND_SEGMENT) &
                  require_cell(r, row, F_FIND_FOUND) &
                  require_cell(r, row, F_FIND_CATEGORY) & require_cell(r, row, F_FIND_TEXT);

    cell = rotap_sheet_cell(r->sheet, row, F_FIND_ID);
    f->id = *cell != '\0' ? cell : NULL;
    f->segment = resolve_cell(r, row, F_FIND_SEGMENT, ROTAP_REF_SEGMENT, &ok);
    f->closed_by = resolve_cell(r, row, F_FIND_CLOSED_BY, ROTAP_REF_PERSON, &ok);
    f->category = rotap_sheet_cell(r->sheet, row, F_FIND_CATEGORY);
    if (*f->category != '\0' && rota_category_from_name(f->category) < 0) {
        rotap_sheet_field_error(r->sheet, errors, row->line, F_FIND_CATEGORY,
                                ROTAP_TR(errors,
                                         "unknown category \"%s\" (expected 道路, 建筑, "
                                         "车辆, 绿植, 环卫, 市政, 亮灯 or 水系)"),
                                f->category);
        ok = FALSE;
    }
    cell = rotap_sheet_cell(r->sheet, row, F_FIND_SOURCE);
    f->source = source_name(cell);
    if (f->source == NULL) {
        rotap_sheet_field_error(
            r->sheet, errors, row->line, F_FIND_SOURCE,
            ROTAP_TR(errors, "unknown source \"%s\" (expected 巡查 inspection, "
                             "12345 hotline, 随手拍 photo or 其他 other)"),
            cell);
        ok = FALSE;
    }
    f->text = rotap_sheet_cell(r->sheet, row, F_FIND_TEXT);
    if (*rotap_sheet_cell(r->sheet, row, F_FIND_FOUND) != '\0' &&
        (f->found = time_cell(r, row, F_FIND_FOUND)) == NULL)
        ok = FALSE;
    if (*rotap_sheet_cell(r->sheet, row, F_FIND_DEADLINE) != '\0' &&
        (f->deadline = time_cell(r, row, F_FIND_DEADLINE)) == NULL)
        ok = FALSE;
    if (*rotap_sheet_cell(r->sheet, row, F_FIND_CLOSED) != '\0' &&
        (f->closed = time_cell(r, row, F_FIND_CLOSED)) == NULL)
        ok = FALSE;
    return ok;
}

static void
close_finding(RecordsRun *r, const RotapCsvRow *row, const FindingRow *f, int index,
              gboolean added)
{
    const char *id = g_array_index(r->records->findings, RotapFindingRec, index).id;
    g_autoptr(GError) error = NULL;
    const char *key = NULL;

    if (rotap_records_close_finding_keyed(r->records, id, f->closed, f->closed_by, &key,
                                          &error)) {
        if (!added)
            g_array_append_val(r->closed, index);
        return;
    }
    place_error(r, row, key, error->message);
}

/* A row whose id is recorded already: the same finding (segment and found
 * time) is left alone or closed now; another finding is an error. */
static void
update_finding(RecordsRun *r, const RotapCsvRow *row, const FindingRow *f, int index)
{
    const RotapFindingRec *old = &g_array_index(r->records->findings, RotapFindingRec, index);
    int segment = rota_model_find_segment(r->model, f->segment);
    gint64 found = 0;

    rotap_parse_timestamp(f->found, &found);
    if (old->f.segment != segment || old->f.found_at != found) {
        rotap_sheet_field_error(
            r->sheet, r->run.errors, row->line, F_FIND_ID,
            ROTAP_TR(r->run.errors, "%s is recorded already for %s found %s"), old->id,
            r->model->segments[old->f.segment].id, old->found);
        return;
    }
    if (f->closed != NULL && old->closed == NULL) {
        close_finding(r, row, f, index, FALSE);
        r->n_added++;
    } else {
        r->n_unchanged++;
    }
}

/* A row without an id is the finding recorded already with the same
 * segment, time found and text, if any (index, else -1). */
static int
same_finding(RecordsRun *r, const FindingRow *f)
{
    int segment = rota_model_find_segment(r->model, f->segment);
    gint64 found = 0;

    if (!rotap_parse_timestamp(f->found, &found))
        return -1;
    for (guint i = 0; i < r->records->findings->len; i++) {
        const RotapFindingRec *old = &g_array_index(r->records->findings, RotapFindingRec, i);

        if (old->f.segment == segment && old->f.found_at == found &&
            strcmp(old->text, f->text) == 0)
            return (int)i;
    }
    return -1;
}

static void
read_finding_row(RecordsRun *r, const RotapCsvRow *row)
{
    FindingRow f = {0};
    g_autoptr(GError) error = NULL;
    const char *key = NULL;
    const char *id;
    int index;

    rotap_sheet_check_row(r->sheet, row, r->run.errors);
    if (!read_finding_cells(r, row, &f)) {
        finding_row_clear(&f);
        return;
    }
    index =
        f.id != NULL ? rota_records_find_finding(r->records, f.id) : same_finding(r, &f);
    if (index >= 0) {
        update_finding(r, row, &f, index);
        finding_row_clear(&f);
        return;
    }
    id = rotap_records_add_finding_as(r->records, f.id, f.segment, f.category, f.source,
                                      f.text, f.found, f.deadline, &key, &error);
    if (id == NULL) {
        place_error(r, row, key, error->message);
    } else {
        if (f.closed != NULL)
            close_finding(r, row, &f, rota_records_find_finding(r->records, id), TRUE);
        r->n_added++;
    }
    finding_row_clear(&f);
}

/* ---- the sheet */

static void
read_sheet(RecordsRun *r)
{
    RotapErrors *errors = r->run.errors;
    gboolean attendance = r->sheet->kind == ROTAP_SHEET_ATTENDANCE;

    if (attendance
            ? !rotap_sheet_require(r->sheet, F_ATT_DATE,
                                   ROTAP_TR(errors, "each entry is about a date"),
                                   errors) |
                  !rotap_sheet_require(r->sheet, F_ATT_SHIFT,
                                       ROTAP_TR(errors, "each entry is about a shift"),
                                       errors) |
                  !rotap_sheet_require(r->sheet, F_ATT_PERSON,
                                       ROTAP_TR(errors, "each entry is about a person"),
                                       errors) |
                  !rotap_sheet_require(r->sheet, F_ATT_STATUS,
                                       ROTAP_TR(errors, "each entry says how it went"),
                                       errors)
            : !rotap_sheet_require(r->sheet, F_FIND_SEGMENT,
                                   ROTAP_TR(errors, "each finding is on a segment"),
                                   errors) |
                  !rotap_sheet_require(r->sheet, F_FIND_FOUND,
                                       ROTAP_TR(errors, "the deadline runs from it"),
                                       errors) |
                  !rotap_sheet_require(r->sheet, F_FIND_CATEGORY,
                                       ROTAP_TR(errors, "it sets the deadline"), errors) |
                  !rotap_sheet_require(r->sheet, F_FIND_TEXT,
                                       ROTAP_TR(errors, "say what was found"), errors))
        return;
    for (guint i = 0; i < r->sheet->csv->rows->len; i++) {
        if (attendance)
            read_attendance_row(r, r->sheet->csv->rows->pdata[i]);
        else
            read_finding_row(r, r->sheet->csv->rows->pdata[i]);
    }
}

/**
 * rota_records_import_sheet_data:
 * @records: the records to add to
 * @kind: attendance or findings
 * @name: the file's name for messages
 * @data: (array length=length) (element-type guint8): the CSV text (UTF-8 with or
 *   without BOM, or GB18030; comma- or tab-separated)
 * @length: bytes in @data
 * @chinese: messages in Chinese
 * @n_added: (out) (optional): rows added (for findings: also closings)
 * @n_unchanged: (out) (optional): rows recorded already the same way
 * @error: return location for a #GError, or %NULL
 *
 * Adds the rows of a check-in export to @records.  A row is held to the
 * checks of rota_records_add_attendance() or rota_records_add_finding();
 * people, segments and shifts may be written as ids or exact names, dates
 * and times in the forms the sheets of rota import take.
 *
 * Returns: %TRUE on success; on failure @error (%ROTA_ERROR_INVALID) holds
 *   every problem, one "FILE:ROW:COL: 列 NAME (key): message" line each,
 *   and @records is as it was.
 * Since: 0.2
 */
gboolean
rota_records_import_sheet_data(RotaRecords *records, RotaRecordSheet kind, const char *name,
                               const char *data, gsize length, gboolean chinese,
                               int *n_added, int *n_unchanged, GError **error)
{
    RotapErrors errors;
    RecordsRun r = {0};
    RotapCsv *csv;
    guint n_attendance, n_findings;
    gboolean ok;

    g_return_val_if_fail(records != NULL && name != NULL && data != NULL, FALSE);
    g_return_val_if_fail(kind == ROTA_RECORD_SHEET_ATTENDANCE ||
                             kind == ROTA_RECORD_SHEET_FINDINGS,
                         FALSE);
    n_attendance = records->attendance->len;
    n_findings = records->findings->len;
    rotap_errors_init(&errors, chinese);
    r.records = records;
    r.model = records->model;
    r.run.spec = records->model->spec;
    r.run.errors = &errors;
    r.closed = g_array_new(FALSE, FALSE, sizeof(int));
    csv = rotap_csv_parse(name, 0, data, length, &errors);
    if (csv != NULL) {
        r.sheet = rotap_sheet_new(csv, kind == ROTA_RECORD_SHEET_ATTENDANCE
                                           ? ROTAP_SHEET_ATTENDANCE
                                           : ROTAP_SHEET_FINDINGS,
                                  0, NULL, &errors);
        if (r.sheet != NULL && errors.items->len == 0) {
            r.run.resolver = rotap_resolver_new(r.run.spec);
            read_sheet(&r);
            rotap_resolver_free(r.run.resolver);
        }
        rotap_sheet_free(r.sheet); /* frees csv; NULL when the header failed */
    }
    ok = errors.items->len == 0;
    if (!ok) {
        g_autofree char *text = rotap_errors_join(&errors);

        for (guint i = 0; i < r.closed->len; i++)
            rotap_records_reopen(records, g_array_index(r.closed, int, i));
        rotap_records_truncate(records, n_attendance, n_findings);
        g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_INVALID, text);
    }
    if (n_added != NULL)
        *n_added = ok ? r.n_added : 0;
    if (n_unchanged != NULL)
        *n_unchanged = ok ? r.n_unchanged : 0;
    g_array_unref(r.closed);
    rotap_errors_clear(&errors);
    return ok;
}

/**
 * rota_records_import_sheet:
 * @records: the records to add to
 * @kind: attendance or findings
 * @path: the CSV file
 * @chinese: messages in Chinese
 * @n_added: (out) (optional): rows added
 * @n_unchanged: (out) (optional): rows recorded already the same way
 * @error: return location for a #GError, or %NULL
 *
 * rota_records_import_sheet_data() on the contents of @path.
 *
 * Returns: %TRUE on success; on failure @records is as it was.
 * Since: 0.2
 */
gboolean
rota_records_import_sheet(RotaRecords *records, RotaRecordSheet kind, const char *path,
                          gboolean chinese, int *n_added, int *n_unchanged,
                          GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;

    g_return_val_if_fail(records != NULL && path != NULL, FALSE);
    if (!rotap_read_file(path, &data, &length, error))
        return FALSE;
    return rota_records_import_sheet_data(records, kind, path, data, length, chinese,
                                          n_added, n_unchanged, error);
}
