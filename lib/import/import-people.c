/* SPDX-License-Identifier: MIT */
/* import-people.c: rows of the people, off and requests sheets. */
#include "config.h"

#include "import/import-private.h"

#include <stdlib.h>
#include <string.h>

/* The tags with a Chinese name; other words are kept as written. */
static const char *const tag_names[][2] = {
    {"党员", "party"},
    {"志愿者", "volunteer"},
    {"督查员", "inspector"},
};

const char *
rotap_tag_from_cell(const char *word)
{
    for (gsize i = 0; i < G_N_ELEMENTS(tag_names); i++) {
        if (strcmp(word, tag_names[i][0]) == 0)
            return tag_names[i][1];
    }
    return word;
}

const char *
rotap_tag_to_cell(const char *tag)
{
    for (gsize i = 0; i < G_N_ELEMENTS(tag_names); i++) {
        if (strcmp(tag, tag_names[i][1]) == 0)
            return tag_names[i][0];
    }
    return tag;
}

/* A count cell at col: empty is "not given"; else a whole number >= 0. */
static gboolean
count_cell(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row, int col,
           int *value)
{
    const char *cell = col >= 0 && col < row->n_cells ? row->cells[col] : "";

    if (*cell == '\0')
        return FALSE;
    if (!rotap_parse_int(cell, value)) {
        rotap_sheet_error(sheet, run->errors, row->line, col,
                          ROTAP_TR(run->errors, "not a whole number: \"%s\""), cell);
        return FALSE;
    }
    if (*value < 0) {
        rotap_sheet_error(sheet, run->errors, row->line, col,
                          ROTAP_TR(run->errors, "must not be negative: %d"), *value);
        return FALSE;
    }
    return TRUE;
}

static void
read_limits(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row,
            RotapLimitsSpec *limits)
{
    for (int l = 0; l < ROTA_N_LIMITS; l++) {
        if (count_cell(run, sheet, row, sheet->limit[l], &limits->values[l]))
            limits->set |= 1u << l;
    }
    for (guint i = 0; sheet->max_shifts != NULL && i < sheet->max_shifts->len; i++) {
        const char *column = sheet->max_shifts->pdata[i];
        const char *shift = strchr(column, ':') + 1;
        RotapShiftCountSpec count = {NULL, 0};

        if (!count_cell(run, sheet, row, atoi(column), &count.count))
            continue;
        count.shift = g_strdup(shift);
        g_array_append_val(rotap_spec_max_shifts(limits), count);
    }
}

/* 公开电话: 是/否 (empty: no). */
static void
read_phone_public(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row,
                  RotapPersonSpec *person)
{
    const char *cell = rotap_sheet_cell(sheet, row, F_PERSON_PHONE_PUBLIC);

    if (*cell != '\0' && !rotap_parse_on(cell, &person->phone_public))
        rotap_sheet_field_error(
            sheet, run->errors, row->line, F_PERSON_PHONE_PUBLIC,
            ROTAP_TR(run->errors, "expected 是 (yes) or 否 (no), found \"%s\""), cell);
}

static void
read_person(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row,
            RotapPersonSpec *person)
{
    g_autoptr(GPtrArray) tags =
        rotap_split_list(rotap_sheet_cell(sheet, row, F_PERSON_TAGS));

    person->name = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_PERSON_NAME));
    person->unit = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_PERSON_UNIT));
    for (guint i = 0; i < tags->len; i++) {
        const char *tag = rotap_tag_from_cell(tags->pdata[i]);
        gpointer count = g_hash_table_lookup(run->tags, tag);

        g_ptr_array_add(person->tags, g_strdup(tag));
        g_hash_table_insert(run->tags, g_strdup(tag),
                            GINT_TO_POINTER(GPOINTER_TO_INT(count) + 1));
    }
    person->community = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_PERSON_COMMUNITY));
    person->phone = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_PERSON_PHONE));
    read_phone_public(run, sheet, row, person);
    read_limits(run, sheet, row, &person->limits);
}

void
rotap_read_people(RotapImportRun *run, RotapSheet *sheet)
{
    RotapErrors *errors = run->errors;

    if (!rotap_sheet_require(
            sheet, F_PERSON_ID,
            ROTAP_TR(errors,
                     "people need a stable id: their calendar feeds are named after it, "
                     "and a new id moves a person's subscription"),
            errors))
        return;
    for (guint i = 0; i < sheet->csv->rows->len; i++) {
        const RotapCsvRow *row = sheet->csv->rows->pdata[i];
        const char *id = rotap_row_id(run, sheet, row, F_PERSON_ID);
        RotapPersonSpec *person;
        RotapOrigin origin = {sheet, row->line};

        if (*id == '\0')
            continue;
        person = rotap_spec_add_person(run->spec);
        person->id = g_strdup(id);
        read_person(run, sheet, row, person);
        g_array_append_val(run->origins[ROTA_SHEET_PEOPLE], origin);
    }
}

/* A date cell into *out (NULL when empty); FALSE after an error. */
static gboolean
date_cell(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row, int field,
          char **out)
{
    const char *cell = rotap_sheet_cell(sheet, row, field);
    const char *why = NULL;

    *out = NULL;
    if (*cell == '\0')
        return TRUE;
    if (rotap_parse_sheet_date(cell, run->has_horizon ? &run->start : NULL, run->n_days,
                               run->errors->chinese, out, &why))
        return TRUE;
    rotap_sheet_field_error(sheet, run->errors, row->line, field, "%s: \"%s\"", why,
                            cell);
    return FALSE;
}

/* A person cell; an empty one is an error. */
static gboolean
person_cell(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row, int field)
{
    rotap_sheet_check_row(sheet, row, run->errors);
    if (*rotap_sheet_cell(sheet, row, field) != '\0')
        return TRUE;
    rotap_sheet_field_error(sheet, run->errors, row->line, field, "%s",
                            ROTAP_TR(run->errors, "no person given"));
    return FALSE;
}

static void
read_off_row(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row)
{
    RotapOffRow off = {sheet, row->line, NULL, {ROTAP_OFF_FORM_DATE, NULL, NULL, NULL}};
    gboolean ok = person_cell(run, sheet, row, F_OFF_PERSON);

    ok = date_cell(run, sheet, row, F_OFF_FROM, &off.off.from) && ok;
    ok = date_cell(run, sheet, row, F_OFF_TO, &off.off.to) && ok;
    if (ok && off.off.from == NULL) {
        rotap_sheet_field_error(sheet, run->errors, row->line, F_OFF_FROM, "%s",
                                ROTAP_TR(run->errors, "no date given"));
        ok = FALSE;
    }
    if (ok && off.off.to != NULL && strcmp(off.off.to, off.off.from) < 0) {
        rotap_sheet_field_error(sheet, run->errors, row->line, F_OFF_TO,
                                ROTAP_TR(run->errors, "ends before it starts (%s)"),
                                off.off.from);
        ok = FALSE;
    }
    off.off.shift = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_OFF_SHIFT));
    if (off.off.to != NULL)
        off.off.form = ROTAP_OFF_FORM_RANGE;
    else if (off.off.shift != NULL)
        off.off.form = ROTAP_OFF_FORM_DAY;
    if (off.off.to == NULL)
        off.off.to = g_strdup(off.off.from);
    off.person = g_strdup(rotap_sheet_cell(sheet, row, F_OFF_PERSON));
    if (!ok) {
        rotap_off_row_clear(&off);
        return;
    }
    g_array_append_val(run->off_rows, off);
}

void
rotap_read_off(RotapImportRun *run, RotapSheet *sheet)
{
    const char *why = ROTAP_TR(run->errors, "each day off belongs to a person");

    if (!rotap_sheet_require(sheet, F_OFF_PERSON, why, run->errors) ||
        !rotap_sheet_require(sheet, F_OFF_FROM,
                             ROTAP_TR(run->errors, "each day off needs its first day"),
                             run->errors))
        return;
    for (guint i = 0; i < sheet->csv->rows->len; i++)
        read_off_row(run, sheet, sheet->csv->rows->pdata[i]);
}

gboolean
rotap_parse_on(const char *cell, gboolean *on)
{
    static const char *const yes[] = {"想", "是", "1", "yes", "true", "y", "on"};
    static const char *const no[] = {"不想", "否", "0", "no", "false", "n", "off"};

    for (gsize i = 0; i < G_N_ELEMENTS(yes); i++) {
        if (g_ascii_strcasecmp(cell, yes[i]) == 0) {
            *on = TRUE;
            return TRUE;
        }
        if (g_ascii_strcasecmp(cell, no[i]) == 0) {
            *on = FALSE;
            return TRUE;
        }
    }
    return FALSE;
}

static void
read_request_row(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row)
{
    RotapRequestRow r = {sheet, row->line, NULL, {NULL, NULL, FALSE, FALSE, FALSE, 0}};
    const char *on = rotap_sheet_cell(sheet, row, F_REQ_ON);
    gboolean ok = person_cell(run, sheet, row, F_REQ_PERSON);

    ok = date_cell(run, sheet, row, F_REQ_DATE, &r.request.date) && ok;
    if (ok && r.request.date == NULL) {
        rotap_sheet_field_error(sheet, run->errors, row->line, F_REQ_DATE, "%s",
                                ROTAP_TR(run->errors, "no date given"));
        ok = FALSE;
    }
    if (*on != '\0') {
        r.request.has_on = rotap_parse_on(on, &r.request.on);
        if (!r.request.has_on) {
            rotap_sheet_field_error(
                sheet, run->errors, row->line, F_REQ_ON,
                ROTAP_TR(run->errors, "expected 想 (yes) or 不想 (no), found \"%s\""),
                on);
            ok = FALSE;
        }
    }
    if (sheet->field[F_REQ_WEIGHT] >= 0)
        r.request.has_weight =
            count_cell(run, sheet, row, sheet->field[F_REQ_WEIGHT], &r.request.weight);
    r.request.shift = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_REQ_SHIFT));
    r.person = g_strdup(rotap_sheet_cell(sheet, row, F_REQ_PERSON));
    if (!ok) {
        rotap_request_row_clear(&r);
        return;
    }
    g_array_append_val(run->request_rows, r);
}

void
rotap_read_requests(RotapImportRun *run, RotapSheet *sheet)
{
    if (!rotap_sheet_require(sheet, F_REQ_PERSON,
                             ROTAP_TR(run->errors, "each request belongs to a person"),
                             run->errors) ||
        !rotap_sheet_require(sheet, F_REQ_DATE,
                             ROTAP_TR(run->errors, "each request is about a date"),
                             run->errors))
        return;
    for (guint i = 0; i < sheet->csv->rows->len; i++)
        read_request_row(run, sheet, sheet->csv->rows->pdata[i]);
}

void
rotap_off_copy(RotapOffSpec *to, const RotapOffSpec *from)
{
    to->form = from->form;
    to->from = g_strdup(from->from);
    to->to = g_strdup(from->to);
    to->shift = g_strdup(from->shift);
}

void
rotap_request_copy(RotapRequestSpec *to, const RotapRequestSpec *from)
{
    *to = *from;
    to->date = g_strdup(from->date);
    to->shift = g_strdup(from->shift);
}

void
rotap_off_row_clear(RotapOffRow *row)
{
    g_free(row->person);
    g_free(row->off.from);
    g_free(row->off.to);
    g_free(row->off.shift);
}

void
rotap_request_row_clear(RotapRequestRow *row)
{
    g_free(row->person);
    g_free(row->request.date);
    g_free(row->request.shift);
}
