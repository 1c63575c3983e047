/* SPDX-License-Identifier: MIT */
/* records-write.c: records as records.json text, and the additions of `rota record`. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "records-private.h"
#include "util-private.h"

/*
 * One entry a line, keys in a fixed order, so that a file written, read
 * and written again is byte-identical and a diff shows one line per
 * entry.  A finding's deadline is always written (the default one too),
 * so that a later change of rules.deadlines does not move old deadlines.
 */

static void
member(GString *out, gboolean *first, const char *key)
{
    g_string_append(out, *first ? "{ " : ", ");
    *first = FALSE;
    rotap_json_append_string(out, key);
    g_string_append(out, ": ");
}

static void
member_string(GString *out, gboolean *first, const char *key, const char *value)
{
    if (value == NULL)
        return;
    member(out, first, key);
    rotap_json_append_string(out, value);
}

static void
append_entry(GString *out, const RotaModel *model, const RotaAttendance *a)
{
    gboolean first = TRUE;
    g_autofree char *date = rota_model_dup_date(model, a->day);

    member_string(out, &first, "date", date);
    member_string(out, &first, "shift", model->shifts[a->shift].id);
    member_string(out, &first, "segment", model->segments[a->segment].id);
    member_string(out, &first, "person", model->people[a->person].id);
    member_string(out, &first, "status", rota_status_get_name(a->status));
    if (a->minutes >= 0) {
        member(out, &first, "minutes");
        g_string_append_printf(out, "%d", a->minutes);
    }
    if (a->substitute >= 0)
        member_string(out, &first, "substitute", model->people[a->substitute].id);
    if (a->by >= 0)
        member_string(out, &first, "by", model->people[a->by].id);
    member_string(out, &first, "note", a->note);
    if (a->unscheduled) {
        member(out, &first, "unscheduled");
        g_string_append(out, "true");
    }
    g_string_append(out, " }");
}

static void
append_finding(GString *out, const RotaModel *model, const RotapFindingRec *f)
{
    gboolean first = TRUE;

    member_string(out, &first, "id", f->id);
    member_string(out, &first, "segment", model->segments[f->f.segment].id);
    member_string(out, &first, "found", f->found);
    member_string(out, &first, "category", f->category_name);
    member_string(out, &first, "source", rota_source_get_name(f->f.source));
    member_string(out, &first, "text", f->text);
    member_string(out, &first, "deadline", f->deadline);
    member_string(out, &first, "closed", f->closed);
    if (f->f.closed_by >= 0)
        member_string(out, &first, "closed_by", model->people[f->f.closed_by].id);
    g_string_append(out, " }");
}

/**
 * rota_records_to_data:
 * @records: records
 * @length: (out) (optional): the length of the text
 *
 * Writes @records as records.json text (rota-records, version 1).
 *
 * Returns: (transfer full): the text; g_free() it.
 * Since: 0.1
 */
char *
rota_records_to_data(const RotaRecords *records, gsize *length)
{
    GString *out = g_string_new(NULL);

    g_return_val_if_fail(records != NULL, NULL);
    g_string_append(out,
                    "{\n  \"format\": \"rota-records\", \"version\": 1, \"model\": ");
    rotap_json_append_string(out, records->model->name);
    g_string_append(out, ",\n  \"attendance\": [");
    for (guint i = 0; i < records->attendance->len; i++) {
        g_string_append(out, i > 0 ? ",\n    " : "\n    ");
        append_entry(out, records->model,
                     &g_array_index(records->attendance, RotapAttendance, i).a);
    }
    g_string_append(out, records->attendance->len > 0 ? "\n  ],\n" : "],\n");
    g_string_append(out, "  \"findings\": [");
    for (guint i = 0; i < records->findings->len; i++) {
        g_string_append(out, i > 0 ? ",\n    " : "\n    ");
        append_finding(out, records->model,
                       &g_array_index(records->findings, RotapFindingRec, i));
    }
    g_string_append(out, records->findings->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
    if (length != NULL)
        *length = out->len;
    return g_string_free(out, FALSE);
}

/**
 * rota_records_save:
 * @records: records
 * @path: the file to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes @records to @path atomically (a temporary file, then rename).
 *
 * Returns: %TRUE on success.
 * Since: 0.1
 */
gboolean
rota_records_save(const RotaRecords *records, const char *path, GError **error)
{
    gsize length = 0;
    g_autofree char *text = NULL;

    g_return_val_if_fail(records != NULL && path != NULL, FALSE);
    text = rota_records_to_data(records, &length);
    return rotap_write_file_atomic(path, text, length, error);
}

/* Resolve id (kind 'p' person, 's' shift, 'g' segment), the value of
 * member key; an error names key in *bad_key. */
static gboolean
lookup(const RotaModel *model, char kind, const char *key, const char *id,
       gboolean required, int *out, const char **bad_key, GError **error)
{
    const char *what = kind == 'p'   ? _("person")
                       : kind == 's' ? _("shift")
                                     : _("segment");

    *out = -1;
    if (id == NULL) {
        if (!required)
            return TRUE;
        *bad_key = key;
        g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_INVALID, _("missing"));
        return FALSE;
    }
    *out = kind == 'p'   ? rota_model_find_person(model, id)
           : kind == 's' ? rota_model_find_shift(model, id)
                         : rota_model_find_segment(model, id);
    if (*out >= 0)
        return TRUE;
    *bad_key = key;
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID, _("unknown %s \"%s\""), what, id);
    return FALSE;
}

/* "KEY: message" for the public adders; the import places the message at
 * KEY's column itself (rotap_records_add_attendance_keyed() and friends). */
static void
prefix_key(GError **error, const char *key)
{
    if (key != NULL)
        g_prefix_error(error, _("%s: "), key);
}

/**
 * rota_records_add_attendance:
 * @records: records
 * @date: "YYYY-MM-DD"
 * @shift: a shift id
 * @segment: (nullable): a segment id, or %NULL for the segment of the
 *   person's assignment of that shift that day
 * @person: a person id
 * @status: "done", "late", "absent", "excused" or "substituted"
 * @minutes: minutes worked, or -1 for none recorded
 * @substitute: (nullable): who stood in (status "substituted")
 * @by: (nullable): who recorded it
 * @unscheduled: the entry is not an assignment of the roster
 * @note: (nullable): a note
 * @error: return location for a #GError, or %NULL
 *
 * Adds one attendance entry after the same checks as the loader's.
 *
 * Returns: %TRUE when added; on error nothing changes.
 * Since: 0.1
 */
gboolean
rota_records_add_attendance(RotaRecords *records, const char *date, const char *shift,
                            const char *segment, const char *person, const char *status,
                            int minutes, const char *substitute, const char *by,
                            gboolean unscheduled, const char *note, GError **error)
{
    const char *key = NULL;

    g_return_val_if_fail(records != NULL && date != NULL && status != NULL, FALSE);
    if (rotap_records_add_attendance_keyed(records, date, shift, segment, person, status,
                                           minutes, substitute, by, unscheduled, note,
                                           &key, error))
        return TRUE;
    prefix_key(error, key);
    return FALSE;
}

gboolean
rotap_records_add_attendance_keyed(RotaRecords *records, const char *date,
                                   const char *shift, const char *segment,
                                   const char *person, const char *status, int minutes,
                                   const char *substitute, const char *by,
                                   gboolean unscheduled, const char *note,
                                   const char **key, GError **error)
{
    const RotaModel *model = records->model;
    RotaAttendance a = {0};
    int assignment = -1;

    *key = NULL;
    a.minutes = minutes;
    a.unscheduled = unscheduled;
    a.day = rota_model_find_day(model, date);
    if (a.day < 0) {
        *key = "date";
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("%s is not a date of the horizon"), date);
        return FALSE;
    }
    if (!lookup(model, 's', "shift", shift, TRUE, &a.shift, key, error) ||
        !lookup(model, 'p', "person", person, TRUE, &a.person, key, error) ||
        !lookup(model, 'p', "substitute", substitute, FALSE, &a.substitute, key, error) ||
        !lookup(model, 'p', "by", by, FALSE, &a.by, key, error))
        return FALSE;
    if (segment == NULL) {
        int assigned = rotap_records_assigned_segment(records, a.day, a.shift, a.person);

        if (assigned >= 0)
            segment = model->segments[assigned].id;
    }
    if (!lookup(model, 'g', "segment", segment, TRUE, &a.segment, key, error))
        return FALSE;
    if (rotap_status_from_name(status) < 0) {
        *key = "status";
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("unknown status \"%s\" (expected done, late, absent, excused or "
                      "substituted)"),
                    status);
        return FALSE;
    }
    a.status = (RotaStatus)rotap_status_from_name(status);
    if (!rotap_records_check_attendance(records, &a, &assignment, key, error))
        return FALSE;
    rotap_records_push_attendance(records, &a, g_strdup(note), assignment);
    return TRUE;
}

/* "F0001" after the greatest number in use. */
static char *
next_finding_id(const RotaRecords *records)
{
    gint64 greatest = 0;

    for (guint i = 0; i < records->findings->len; i++) {
        const char *id = g_array_index(records->findings, RotapFindingRec, i).id;
        char *end = NULL;
        gint64 n = g_ascii_strtoll(id + 1, &end, 10);

        if (end != NULL && *end == '\0' && n > greatest)
            greatest = n;
    }
    return g_strdup_printf("F%04" G_GINT64_FORMAT, greatest + 1);
}

/**
 * rota_records_add_finding:
 * @records: records
 * @segment: a segment id
 * @category: a category, Chinese or English name
 * @source: (nullable): inspection, hotline, photo or other (default inspection)
 * @text: what was found
 * @found: (nullable): when, RFC 3339, or %NULL for now
 * @deadline: (nullable): RFC 3339, or %NULL for found + the category's
 *   hours in rules.deadlines
 * @error: return location for a #GError, or %NULL
 *
 * Adds a finding with the next free id (F0001, F0002, ...).
 *
 * Returns: (transfer full) (nullable): the new id, or %NULL on error
 *   (nothing changes then); g_free() it.
 * Since: 0.1
 */
char *
rota_records_add_finding(RotaRecords *records, const char *segment, const char *category,
                         const char *source, const char *text, const char *found,
                         const char *deadline, GError **error)
{
    const char *key = NULL;
    const char *id;

    g_return_val_if_fail(records != NULL && category != NULL && text != NULL, NULL);
    id = rotap_records_add_finding_as(records, NULL, segment, category, source, text,
                                      found, deadline, &key, error);
    if (id == NULL)
        prefix_key(error, key);
    return g_strdup(id);
}

const char *
rotap_records_add_finding_as(RotaRecords *records, const char *id, const char *segment,
                             const char *category, const char *source, const char *text,
                             const char *found, const char *deadline, const char **key,
                             GError **error)
{
    RotapFindingRec *f;
    char *new_id;
    int seg = -1, cat, src;

    *key = NULL;
    if (!lookup(records->model, 'g', "segment", segment, TRUE, &seg, key, error))
        return NULL;
    cat = rota_category_from_name(category);
    src = rotap_source_from_name(source != NULL ? source : "inspection");
    if (cat < 0) {
        *key = "category";
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("unknown category \"%s\" (expected 道路 road, 建筑 building, 车辆 "
                      "vehicles, 绿植 greenery, 环卫 sanitation, 市政 utilities, 亮灯 "
                      "lighting or 水系 waterways)"),
                    category);
        return NULL;
    }
    if (src < 0) {
        *key = "source";
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("unknown source \"%s\" (expected inspection, hotline, photo or "
                      "other)"),
                    source);
        return NULL;
    }
    new_id = id != NULL ? g_strdup(id) : next_finding_id(records);
    f = rotap_records_push_finding(records);
    f->id = new_id;
    f->f.segment = seg;
    f->f.category = (RotaCategory)cat;
    f->f.source = (RotaSource)src;
    f->f.closed_by = -1;
    f->category_name = g_strdup(category);
    f->text = g_strdup(text);
    f->found = found != NULL ? g_strdup(found) : rota_timestamp_now(records->model);
    f->deadline = g_strdup(deadline);
    if (!rotap_records_check_finding(records, f, key, error)) {
        g_array_set_size(records->findings, records->findings->len - 1);
        return NULL;
    }
    return f->id;
}

/**
 * rota_records_close_finding:
 * @records: records
 * @id: a finding id
 * @closed: (nullable): when it was closed (销号), RFC 3339, or %NULL for now
 * @closed_by: (nullable): a person id
 * @error: return location for a #GError, or %NULL
 *
 * Signs a finding off (销号): records when it was closed and, when
 * @closed_by is given, who closed it (a person id of the model).  A finding
 * closed after its deadline counts as closed late in the bulletin.
 *
 * Returns: %TRUE when closed; an unknown id, a finding already closed or
 *   a time before it was found is an error and changes nothing.
 * Since: 0.1
 */
gboolean
rota_records_close_finding(RotaRecords *records, const char *id, const char *closed,
                           const char *closed_by, GError **error)
{
    const char *key = NULL;

    g_return_val_if_fail(records != NULL && id != NULL, FALSE);
    if (rotap_records_close_finding_keyed(records, id, closed, closed_by, &key, error))
        return TRUE;
    prefix_key(error, key);
    return FALSE;
}

gboolean
rotap_records_close_finding_keyed(RotaRecords *records, const char *id,
                                  const char *closed, const char *closed_by,
                                  const char **key, GError **error)
{
    int index = rota_records_find_finding(records, id);
    int by = -1;
    RotapFindingRec *f;
    gint64 at = 0;
    g_autofree char *when = NULL;

    *key = NULL;
    if (index < 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID, _("unknown finding \"%s\""),
                    id);
        return FALSE;
    }
    f = &g_array_index(records->findings, RotapFindingRec, index);
    if (f->closed != NULL) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("%s was closed already at %s"), id, f->closed);
        return FALSE;
    }
    if (!lookup(records->model, 'p', "closed_by", closed_by, FALSE, &by, key, error))
        return FALSE;
    when = closed != NULL ? g_strdup(closed) : rota_timestamp_now(records->model);
    *key = "closed";
    if (!rotap_parse_timestamp(when, &at)) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("\"%s\" is not a time (expected RFC 3339, e.g. "
                      "\"2026-12-01T09:20:00+08:00\")"),
                    when);
        return FALSE;
    }
    if (at < f->f.found_at) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID, _("%s is before found %s"),
                    when, f->found);
        return FALSE;
    }
    *key = NULL;
    f->closed = g_steal_pointer(&when);
    f->f.closed = f->closed;
    f->f.closed_at = at;
    f->f.closed_by = by;
    return TRUE;
}
