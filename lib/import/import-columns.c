/* SPDX-License-Identifier: MIT */
/* import-columns.c: the columns of each sheet, in Chinese or English, and a header mapped
 * to them. */
#include "config.h"

#include "import/import-private.h"

#include <string.h>

static const RotapColumnName unit_fields[] = {
    {"id", "编号"},       {"name", "名称"},         {"head", "一把手"},
    {"deputies", "副职"}, {"segments", "包保路段"},
};

static const RotapColumnName segment_fields[] = {
    {"id", "编号"},    {"name", "名称"},     {"kind", "类型"}, {"grid", "网格"},
    {"chief", "路长"}, {"location", "位置"}, {"lat", "纬度"},  {"lon", "经度"},
};

static const RotapColumnName person_fields[] = {
    {"id", "编号"},
    {"name", "姓名"},
    {"unit", "单位"},
    {"tags", "身份"},
    {"community", "社区"},
    {"phone", "电话"},
    {"phone_public", "公开电话"},
};

static const RotapColumnName off_fields[] = {
    {"person", "编号"},
    {"from", "开始"},
    {"to", "结束"},
    {"shift", "班次"},
};

static const RotapColumnName request_fields[] = {
    {"person", "编号"}, {"date", "日期"},   {"shift", "班次"},
    {"on", "意愿"},     {"weight", "权重"},
};

/* A check-in export: one row per attendance entry (records.json). */
static const RotapColumnName attendance_fields[] = {
    {"date", "日期"},        {"shift", "班次"},    {"segment", "路段"},
    {"person", "人员"},      {"status", "状态"},   {"minutes", "分钟"},
    {"substitute", "替班人"}, {"by", "记录人"},     {"unscheduled", "计划外"},
    {"note", "备注"},
};

/* Findings on segments, as the inspection or hotline platform exports them. */
static const RotapColumnName finding_fields[] = {
    {"id", "编号"},          {"segment", "路段"},  {"found", "发现时间"},
    {"category", "类别"},    {"source", "来源"},   {"text", "问题描述"},
    {"deadline", "办结时限"}, {"closed", "销号时间"}, {"closed_by", "销号人"},
};

/* Chinese names of the limits, in RotaLimit order. */
static const char *const limit_chinese[ROTA_N_LIMITS] = {
    "最少分钟",     "最多分钟",     "每周最多班次", "每周最多分钟", "最少连续天数",
    "最多连续天数", "最少连休天数", "最多周末",     "最少休息分钟",
};

const RotapColumnName *
rotap_sheet_fields(int kind, int *n_fields)
{
    switch (kind) {
    case ROTAP_SHEET_ATTENDANCE:
        *n_fields = G_N_ELEMENTS(attendance_fields);
        return attendance_fields;
    case ROTAP_SHEET_FINDINGS:
        *n_fields = G_N_ELEMENTS(finding_fields);
        return finding_fields;
    case ROTA_SHEET_UNITS:
        *n_fields = G_N_ELEMENTS(unit_fields);
        return unit_fields;
    case ROTA_SHEET_SEGMENTS:
        *n_fields = G_N_ELEMENTS(segment_fields);
        return segment_fields;
    case ROTA_SHEET_PEOPLE:
        *n_fields = G_N_ELEMENTS(person_fields);
        return person_fields;
    case ROTA_SHEET_OFF:
        *n_fields = G_N_ELEMENTS(off_fields);
        return off_fields;
    case ROTA_SHEET_REQUESTS:
    default:
        *n_fields = G_N_ELEMENTS(request_fields);
        return request_fields;
    }
}

const char *
rotap_limit_chinese(RotaLimit limit)
{
    return limit_chinese[limit];
}

const char *
rotap_sheet_file_name(RotaSheetKind kind)
{
    static const char *const names[] = {"units.csv", "segments.csv", "people.csv",
                                        "off.csv", "requests.csv"};

    return names[kind];
}

void
rotap_sheet_free(RotapSheet *sheet)
{
    if (sheet == NULL)
        return;
    /* keys has a NULL for each ignored or unknown column: not a GStrv. */
    for (int col = 0; sheet->keys != NULL && col < sheet->csv->header->n_cells; col++)
        g_free(sheet->keys[col]);
    g_free(sheet->keys);
    rotap_csv_free(sheet->csv);
    if (sheet->max_shifts != NULL)
        g_ptr_array_unref(sheet->max_shifts);
    g_free(sheet);
}

const char *
rotap_sheet_cell(const RotapSheet *sheet, const RotapCsvRow *row, int field)
{
    int col = sheet->field[field];

    if (col < 0 || col >= row->n_cells)
        return "";
    return row->cells[col];
}

void
rotap_sheet_field_error(const RotapSheet *sheet, RotapErrors *errors, int row, int field,
                        const char *format, ...)
{
    va_list args;
    g_autofree char *message = NULL;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    rotap_sheet_error(sheet, errors, row, sheet->field[field], "%s", message);
}

static gboolean
name_is(const char *header, const RotapColumnName *name)
{
    return strcmp(header, name->zh) == 0 || g_ascii_strcasecmp(header, name->key) == 0;
}

/* "max_shifts.am" / "最多班次.am": the shift id, or NULL. */
static const char *
max_shifts_column(const char *header)
{
    if (g_str_has_prefix(header, "max_shifts."))
        return header + strlen("max_shifts.");
    if (g_str_has_prefix(header, "最多班次."))
        return header + strlen("最多班次.");
    return NULL;
}

static gboolean
shift_known(const GArray *shifts, const char *id)
{
    for (guint i = 0; shifts != NULL && i < shifts->len; i++) {
        if (strcmp(g_array_index(shifts, RotapShiftSpec, i).id, id) == 0)
            return TRUE;
    }
    return FALSE;
}

/* The known columns of a kind, for the message on an unknown one. */
static char *
known_columns(int kind)
{
    int n;
    const RotapColumnName *names = rotap_sheet_fields(kind, &n);
    GString *out = g_string_new(NULL);

    for (int i = 0; i < n; i++)
        g_string_append_printf(out, "%s%s %s", i > 0 ? ", " : "", names[i].zh,
                               names[i].key);
    if (kind == ROTA_SHEET_PEOPLE) {
        for (int l = 0; l < ROTA_N_LIMITS; l++)
            g_string_append_printf(out, ", %s %s", limit_chinese[l],
                                   rotap_limit_name((RotaLimit)l));
        g_string_append(out, ", 最多班次.SHIFT max_shifts.SHIFT");
    }
    g_string_append(out, kind == ROTAP_SHEET_ATTENDANCE ? ", #…" : ", 备注 note, #…");
    return g_string_free(out, FALSE);
}

/* *slot (a field's or a limit's column, -1 while unseen) becomes col; a
 * second column for the same thing is an error. */
static void
claim_column(RotapSheet *sheet, RotapErrors *errors, int *slot, int col)
{
    if (*slot >= 0)
        rotap_sheet_error(
            sheet, errors, 1, col,
            ROTAP_TR(errors, "the same column as column %d", "与第 %d 列重复"),
            *slot + 1);
    else
        *slot = col;
}

/* The key of a people sheet's limit column (set in keys), or NULL. */
static const char *
limit_column(RotapSheet *sheet, const char *header, int col, const GArray *shifts,
             RotapErrors *errors)
{
    const char *shift = max_shifts_column(header);

    for (int l = 0; l < ROTA_N_LIMITS; l++) {
        if (strcmp(header, limit_chinese[l]) == 0 ||
            g_ascii_strcasecmp(header, rotap_limit_name((RotaLimit)l)) == 0) {
            sheet->keys[col] = g_strdup(rotap_limit_name((RotaLimit)l));
            claim_column(sheet, errors, &sheet->limit[l], col);
            return sheet->keys[col];
        }
    }
    if (shift == NULL)
        return NULL;
    sheet->keys[col] = g_strconcat("max_shifts.", shift, NULL);
    if (!shift_known(shifts, shift)) {
        rotap_sheet_error(sheet, errors, 1, col,
                          ROTAP_TR(errors, "unknown shift \"%s\" in the column name",
                                   "列名中的班次“%s”不存在"),
                          shift);
        return sheet->keys[col];
    }
    if (sheet->max_shifts == NULL)
        sheet->max_shifts = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(sheet->max_shifts, g_strdup_printf("%d:%s", col, shift));
    return sheet->keys[col];
}

/* One header cell: a field, a limit, an ignored note, or an error. */
static void
map_column(RotapSheet *sheet, int col, const GArray *shifts, RotapErrors *errors)
{
    const char *header = sheet->csv->header->cells[col];
    int n;
    const RotapColumnName *names = rotap_sheet_fields(sheet->kind, &n);

    if (*header == '\0' || header[0] == '#')
        return;
    for (int f = 0; f < n; f++) {
        if (!name_is(header, &names[f]))
            continue;
        sheet->keys[col] = g_strdup(names[f].key);
        claim_column(sheet, errors, &sheet->field[f], col);
        return;
    }
    /* a note is a field of attendance; other sheets set notes aside */
    if (strcmp(header, "备注") == 0 || g_ascii_strcasecmp(header, "note") == 0)
        return;
    if (sheet->kind == ROTA_SHEET_PEOPLE) {
        if (limit_column(sheet, header, col, shifts, errors) != NULL)
            return;
    }
    {
        g_autofree char *known = known_columns(sheet->kind);

        rotap_sheet_error(sheet, errors, 1, col,
                          ROTAP_TR(errors, "unknown column (known columns: %s)",
                                   "未知的列（可用的列：%s）"),
                          known);
    }
}

RotapSheet *
rotap_sheet_new(RotapCsv *csv, int kind, int file, const GArray *shifts,
                RotapErrors *errors)
{
    RotapSheet *sheet = g_new0(RotapSheet, 1);
    int n_columns;

    sheet->csv = csv;
    sheet->kind = kind;
    sheet->file = file;
    for (int f = 0; f < ROTAP_MAX_FIELDS; f++)
        sheet->field[f] = -1;
    for (int l = 0; l < ROTA_N_LIMITS; l++)
        sheet->limit[l] = -1;
    if (csv->header == NULL) {
        rotap_errors_add_line(
            errors, file, csv->name, 0,
            ROTAP_TR(errors, "empty sheet (no header row)", "空表（没有表头行）"));
        rotap_sheet_free(sheet);
        return NULL;
    }
    n_columns = csv->header->n_cells;
    sheet->keys = g_new0(char *, (gsize)n_columns + 1);
    for (int col = 0; col < n_columns; col++)
        map_column(sheet, col, shifts, errors);
    return sheet;
}

/* Cells beyond the header's last column, or under a column without a
 * name, would be dropped silently: each is an error. */
void
rotap_sheet_check_row(const RotapSheet *sheet, const RotapCsvRow *row,
                      RotapErrors *errors)
{
    const RotapCsvRow *header = sheet->csv->header;

    for (int col = 0; col < row->n_cells; col++) {
        if (row->cells[col][0] == '\0')
            continue;
        if (col >= header->n_cells) {
            rotap_sheet_error(sheet, errors, row->line, col,
                              ROTAP_TR(errors,
                                       "a cell beyond the last column of the header",
                                       "单元格超出了表头的最后一列"));
            return;
        }
        if (header->cells[col][0] == '\0')
            rotap_sheet_error(sheet, errors, row->line, col,
                              ROTAP_TR(errors, "a cell under a column without a name",
                                       "单元格所在的列没有列名"));
    }
}

/* A required column: its absence is one error at the header. */
gboolean
rotap_sheet_require(const RotapSheet *sheet, int field, const char *why,
                    RotapErrors *errors)
{
    int n;
    const RotapColumnName *names = rotap_sheet_fields(sheet->kind, &n);

    if (sheet->field[field] >= 0)
        return TRUE;
    rotap_errors_add_line(
        errors, sheet->file, sheet->csv->name, 1,
        ROTAP_TR(errors, "no column %s (%s): %s", "缺少“%s”（%s）列：%s"),
        names[field].zh, names[field].key, why);
    return FALSE;
}
