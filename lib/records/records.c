/* SPDX-License-Identifier: MIT */
/* records.c: the records type: attendance and findings, their checks, getters and
 * additions. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "records-private.h"
#include "util-private.h"

/*
 * Every entry is checked when it enters the records, whether read from a
 * file or added by `rota record`: ids resolve in the model, an attendance
 * entry is an assignment of the roster (or says "unscheduled" and is not
 * one), no (date, shift, segment, person) is recorded twice, a finding's
 * times are well-formed and in order.  Without a roster (NULL) the
 * assignment check is skipped; everything else still holds.
 */

static void
attendance_clear(gpointer data)
{
    g_free(((RotapAttendance *)data)->note);
}

static void
finding_clear(gpointer data)
{
    RotapFindingRec *f = data;

    g_free(f->id);
    g_free(f->text);
    g_free(f->found);
    g_free(f->deadline);
    g_free(f->closed);
    g_free(f->category_name);
}

/**
 * rota_records_new:
 * @model: the model the records refer to
 * @roster: (nullable): the roster whose assignments attendance entries
 *   name, or %NULL to skip that check
 *
 * Creates empty records.  The records keep a reference to @model and a
 * copy of @roster.
 *
 * Returns: (transfer full): new records; free them with rota_records_free().
 * Since: 0.1
 */
RotaRecords *
rota_records_new(RotaModel *model, RotaRoster *roster)
{
    RotaRecords *records;

    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(roster == NULL || roster->model == model, NULL);

    records = g_new0(RotaRecords, 1);
    records->model = rota_model_ref(model);
    records->attendance = g_array_new(FALSE, TRUE, sizeof(RotapAttendance));
    g_array_set_clear_func(records->attendance, attendance_clear);
    records->findings = g_array_new(FALSE, TRUE, sizeof(RotapFindingRec));
    g_array_set_clear_func(records->findings, finding_clear);
    records->finding_ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    records->entries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (roster != NULL) {
        records->roster = rota_roster_copy(roster);
        records->slots = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint i = 0; i < roster->assignments->len; i++) {
            const RotaAssignment *a =
                &g_array_index(roster->assignments, RotaAssignment, i);

            g_hash_table_insert(
                records->slots,
                rotap_slot_key(model, a->day, a->shift, a->segment, a->person),
                GINT_TO_POINTER((int)i + 1));
        }
    }
    return records;
}

/**
 * rota_records_free:
 * @records: (nullable): records
 *
 * Frees @records.  NULL is ignored.
 *
 * Since: 0.1
 */
void
rota_records_free(RotaRecords *records)
{
    if (records == NULL)
        return;
    if (!rotap_extra_unref(&records->extra_refs))
        return;
    g_array_unref(records->attendance);
    g_array_unref(records->findings);
    g_hash_table_unref(records->finding_ids);
    g_hash_table_unref(records->entries);
    if (records->slots != NULL)
        g_hash_table_unref(records->slots);
    if (records->assigned != NULL)
        g_hash_table_unref(records->assigned);
    rota_roster_free(records->roster);
    rota_model_unref(records->model);
    g_free(records);
}

/* The copy function of the boxed type: one more reference. */
static RotaRecords *
box_records_ref(RotaRecords *records)
{
    rotap_extra_ref(&records->extra_refs);
    return records;
}

G_DEFINE_BOXED_TYPE(RotaRecords, rota_records, box_records_ref, rota_records_free)

/**
 * rota_records_get_model:
 * @records: records
 *
 * Gives the model the records refer to: their day, shift, segment and
 * person indices are indices of this model.
 *
 * Returns: (transfer none): the model of @records, valid as long as
 *   @records.
 * Since: 0.1
 */
RotaModel *
rota_records_get_model(const RotaRecords *records)
{
    g_return_val_if_fail(records != NULL, NULL);
    return records->model;
}

/**
 * rota_records_get_n_attendance:
 * @records: records
 *
 * Counts the attendance entries, those read from the file and those
 * added since.
 *
 * Returns: the number of attendance entries, in file order.
 * Since: 0.1
 */
int
rota_records_get_n_attendance(const RotaRecords *records)
{
    g_return_val_if_fail(records != NULL, 0);
    return (int)records->attendance->len;
}

/**
 * rota_records_get_attendance:
 * @records: records
 * @index: an entry, 0 .. rota_records_get_n_attendance() - 1
 * @out: (out caller-allocates): the entry; its note lives as long as @records
 *
 * Copies one attendance entry into @out, leaving @out untouched when
 * @index is out of range.
 *
 * Returns: %FALSE when @index is out of range.
 * Since: 0.1
 */
gboolean
rota_records_get_attendance(const RotaRecords *records, int index, RotaAttendance *out)
{
    g_return_val_if_fail(records != NULL && out != NULL, FALSE);
    if (index < 0 || (guint)index >= records->attendance->len)
        return FALSE;
    *out = g_array_index(records->attendance, RotapAttendance, index).a;
    return TRUE;
}

/**
 * rota_records_get_n_findings:
 * @records: records
 *
 * Counts the findings, open and closed, those read from the file and
 * those added since.
 *
 * Returns: the number of findings, in file order.
 * Since: 0.1
 */
int
rota_records_get_n_findings(const RotaRecords *records)
{
    g_return_val_if_fail(records != NULL, 0);
    return (int)records->findings->len;
}

/**
 * rota_records_get_finding:
 * @records: records
 * @index: a finding, 0 .. rota_records_get_n_findings() - 1
 * @out: (out caller-allocates): the finding; its strings live until
 *   @records is freed or the finding is closed
 *
 * Copies one finding into @out, leaving @out untouched when @index is out
 * of range.  Its state is the current one: closed findings have a closed
 * time.
 *
 * Returns: %FALSE when @index is out of range.
 * Since: 0.1
 */
gboolean
rota_records_get_finding(const RotaRecords *records, int index, RotaFindingInfo *out)
{
    g_return_val_if_fail(records != NULL && out != NULL, FALSE);
    if (index < 0 || (guint)index >= records->findings->len)
        return FALSE;
    *out = g_array_index(records->findings, RotapFindingRec, index).f;
    return TRUE;
}

/**
 * rota_records_find_finding:
 * @records: records
 * @id: a finding id ("F0031")
 *
 * Looks a finding up by its id (exact, case-sensitive match), in constant
 * time.
 *
 * Returns: the index of the finding, or %ROTA_NOT_FOUND.
 * Since: 0.1
 */
int
rota_records_find_finding(const RotaRecords *records, const char *id)
{
    g_return_val_if_fail(records != NULL && id != NULL, ROTA_NOT_FOUND);
    return GPOINTER_TO_INT(g_hash_table_lookup(records->finding_ids, id)) - 1;
}

void
rotap_records_push_attendance(RotaRecords *records, const RotaAttendance *a, char *note,
                              int assignment)
{
    RotapAttendance entry = {*a, note, assignment};

    entry.a.note = note;
    g_hash_table_insert(
        records->entries,
        rotap_slot_key(records->model, a->day, a->shift, a->segment, a->person),
        GINT_TO_POINTER((int)records->attendance->len + 1));
    g_array_append_val(records->attendance, entry);
}

static char *
person_slot_key(int day, int shift, int person)
{
    return g_strdup_printf("%d %d %d", day, shift, person);
}

int
rotap_records_assigned_segment(RotaRecords *records, int day, int shift, int person)
{
    g_autofree char *key = NULL;

    if (records->roster == NULL)
        return -1;
    if (records->assigned == NULL) {
        GArray *assignments = records->roster->assignments;

        records->assigned = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint i = 0; i < assignments->len; i++) {
            const RotaAssignment *r = &g_array_index(assignments, RotaAssignment, i);

            g_hash_table_insert(records->assigned,
                                person_slot_key(r->day, r->shift, r->person),
                                GINT_TO_POINTER(r->segment + 1));
        }
    }
    key = person_slot_key(day, shift, person);
    return GPOINTER_TO_INT(g_hash_table_lookup(records->assigned, key)) - 1;
}

void
rotap_records_truncate(RotaRecords *records, guint n_attendance, guint n_findings)
{
    for (guint i = n_attendance; i < records->attendance->len; i++) {
        const RotaAttendance *a = &g_array_index(records->attendance, RotapAttendance, i).a;
        g_autofree char *key =
            rotap_slot_key(records->model, a->day, a->shift, a->segment, a->person);

        g_hash_table_remove(records->entries, key);
    }
    for (guint i = n_findings; i < records->findings->len; i++)
        g_hash_table_remove(records->finding_ids,
                            g_array_index(records->findings, RotapFindingRec, i).id);
    if (records->attendance->len > n_attendance)
        g_array_set_size(records->attendance, n_attendance);
    if (records->findings->len > n_findings)
        g_array_set_size(records->findings, n_findings);
}

void
rotap_records_reopen(RotaRecords *records, int index)
{
    RotapFindingRec *f = &g_array_index(records->findings, RotapFindingRec, index);

    g_clear_pointer(&f->closed, g_free);
    f->f.closed = NULL;
    f->f.closed_at = 0;
    f->f.closed_by = -1;
}

RotapFindingRec *
rotap_records_push_finding(RotaRecords *records)
{
    g_array_set_size(records->findings, records->findings->len + 1);
    return &g_array_index(records->findings, RotapFindingRec, records->findings->len - 1);
}

static gboolean fail(GError **error, const char **key, const char *which,
                     const char *format, ...) G_GNUC_PRINTF(4, 5);

static gboolean
fail(GError **error, const char **key, const char *which, const char *format, ...)
{
    va_list args;
    g_autofree char *message = NULL;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    *key = which;
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID, "%s", message);
    return FALSE;
}

static gboolean
check_status_fields(const RotaModel *model, const RotaAttendance *a, const char **key,
                    GError **error)
{
    gboolean works = a->status == ROTA_STATUS_DONE || a->status == ROTA_STATUS_LATE ||
                     a->status == ROTA_STATUS_SUBSTITUTED;

    if (a->status == ROTA_STATUS_SUBSTITUTED && a->substitute < 0)
        return fail(error, key, "substitute",
                    _("status \"substituted\" needs a substitute"));
    if (a->status != ROTA_STATUS_SUBSTITUTED && a->substitute >= 0)
        return fail(error, key, "substitute",
                    _("a substitute goes only with status \"substituted\" (status is "
                    "\"%s\")"),
                    rota_status_get_name(a->status));
    if (a->substitute >= 0 && a->substitute == a->person)
        return fail(error, key, "substitute", _("%s cannot substitute for themselves"),
                    model->people[a->person].id);
    if (a->minutes >= 0 && !works)
        return fail(error, key, "minutes",
                    _("minutes go only with status done, late or substituted (status is "
                    "\"%s\")"),
                    rota_status_get_name(a->status));
    if (a->minutes > 1440)
        return fail(error, key, "minutes", _("%d minutes (expected 0 to 1440)"), a->minutes);
    return TRUE;
}

/*
 * An entry names an assignment of the roster, or says "unscheduled" and
 * is none; one entry per (date, shift, segment, person).  On success
 * *assignment is the roster index, or -1.
 */
gboolean
rotap_records_check_attendance(RotaRecords *records, const RotaAttendance *a,
                               int *assignment, const char **key, GError **error)
{
    const RotaModel *model = records->model;
    g_autofree char *slot =
        rotap_slot_key(model, a->day, a->shift, a->segment, a->person);
    int index = 0;
    g_autofree char *date = rota_model_dup_date(model, a->day);

    if (!check_status_fields(model, a, key, error))
        return FALSE;
    if (g_hash_table_contains(records->entries, slot))
        return fail(error, key, "person",
                    _("%s %s %s %s is already recorded (attendance[%d])"), date,
                    model->shifts[a->shift].id, model->segments[a->segment].id,
                    model->people[a->person].id,
                    GPOINTER_TO_INT(g_hash_table_lookup(records->entries, slot)) - 1);
    *assignment = -1;
    if (records->slots == NULL)
        return TRUE;
    index = GPOINTER_TO_INT(g_hash_table_lookup(records->slots, slot)) - 1;
    if (index < 0 && !a->unscheduled)
        return fail(error, key, "person",
                    _("%s has no %s duty at %s on %s in the roster (add \"unscheduled\": "
                    "true for work done off the roster)"),
                    model->people[a->person].id, model->shifts[a->shift].id,
                    model->segments[a->segment].id, date);
    if (index >= 0 && a->unscheduled)
        return fail(error, key, "unscheduled",
                    _("%s %s %s %s is an assignment of the roster, not unscheduled"), date,
                    model->shifts[a->shift].id, model->segments[a->segment].id,
                    model->people[a->person].id);
    *assignment = index;
    return TRUE;
}

static gboolean
parse_time(const char *text, const char *which, gint64 *out, const char **key,
           GError **error)
{
    if (rotap_parse_timestamp(text, out))
        return TRUE;
    return fail(error, key, which,
                _("\"%s\" is not a time (expected RFC 3339, e.g. "
                  "\"2026-12-01T09:20:00+08:00\")"),
                text);
}

gboolean
rotap_records_check_finding(RotaRecords *records, RotapFindingRec *f, const char **key,
                            GError **error)
{
    RotaFindingInfo *info = &f->f;

    if (!g_str_has_prefix(f->id, "F") || f->id[1] == '\0')
        return fail(error, key, "id", _("finding id \"%s\" (expected F and a number)"),
                    f->id);
    if (g_hash_table_contains(records->finding_ids, f->id))
        return fail(error, key, "id", _("duplicate finding id \"%s\""), f->id);
    if (*f->text == '\0')
        return fail(error, key, "text", _("empty text"));
    if (!parse_time(f->found, "found", &info->found_at, key, error))
        return FALSE;
    if (f->deadline != NULL) {
        if (!parse_time(f->deadline, "deadline", &info->deadline_at, key, error))
            return FALSE;
        if (info->deadline_at < info->found_at)
            return fail(error, key, "deadline", _("deadline %s is before found %s"),
                        f->deadline, f->found);
    } else {
        info->deadline_at =
            info->found_at +
            (gint64)rota_model_get_deadline_hours(records->model, info->category) * 3600;
        f->deadline = rotap_format_timestamp(records->model, info->deadline_at);
    }
    if (f->closed != NULL) {
        if (!parse_time(f->closed, "closed", &info->closed_at, key, error))
            return FALSE;
        if (info->closed_at < info->found_at)
            return fail(error, key, "closed", _("closed %s is before found %s"), f->closed,
                        f->found);
    } else if (info->closed_by >= 0) {
        return fail(error, key, "closed_by", _("closed_by goes only with closed"));
    }
    info->id = f->id;
    info->text = f->text;
    info->found = f->found;
    info->deadline = f->deadline;
    info->closed = f->closed;
    g_hash_table_insert(
        records->finding_ids, g_strdup(f->id),
        GINT_TO_POINTER((int)(f - (RotapFindingRec *)records->findings->data) + 1));
    return TRUE;
}
