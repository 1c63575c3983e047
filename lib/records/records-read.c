/* SPDX-License-Identifier: MIT */
/* records-read.c: load a records.json file (format rota-records, version 1). */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "formats/model-json-private.h"
#include "records-private.h"
#include "util-private.h"

/*
 * As strict as the model loader: every key known, every value of its
 * type, every id resolved, and each error located in the text as
 * "SOURCE:LINE:COL: attendance[3].person: message".
 */

static const char *const top_keys[] = {"format",     "version",  "model",
                                       "attendance", "findings", NULL};
static const char *const attendance_keys[] = {
    "date",       "shift", "segment", "person",      "status", "minutes",
    "substitute", "by",    "note",    "unscheduled", NULL};
static const char *const finding_keys[] = {"id",        "segment", "found",    "category",
                                           "source",    "text",    "deadline", "closed",
                                           "closed_by", NULL};

typedef struct {
    RotaRecords *records;
    const RotapJsonReader *reader;
} ReadCtx;

static gboolean
error_at(const RotapJsonReader *reader, const char *path, const char *key, GError *local,
         GError **error)
{
    g_autofree char *at = rotap_json_member_path(path, key);

    rotap_json_set_error(reader, error, local->code, at, "%s", local->message);
    g_error_free(local);
    return FALSE;
}

/* A string naming a model object: kind is "person", "shift"...; -1 for unknown. */
static gboolean
resolve(const RotapJsonReader *reader, struct json_object *obj, const char *path,
        const char *key, gboolean required, const RotaModel *model, char kind, int *out,
        GError **error)
{
    const char *text = NULL;
    g_autofree char *at = NULL;
    const char *what = kind == 'p'   ? _("person")
                       : kind == 's' ? _("shift")
                                     : _("segment");

    *out = -1;
    if (!rotap_json_get_string(reader, obj, path, key, required, &text, error))
        return FALSE;
    if (text == NULL)
        return TRUE;
    if (kind == 'p')
        *out = rota_model_find_person(model, text);
    else if (kind == 's')
        *out = rota_model_find_shift(model, text);
    else if (kind == 'g')
        *out = rota_model_find_segment(model, text);
    else
        *out = rota_model_find_day(model, text);
    if (*out >= 0)
        return TRUE;
    at = rotap_json_member_path(path, key);
    if (kind == 'd') {
        GDate date;
        g_autofree char *first = rota_model_dup_date(model, 0);
        g_autofree char *last = rota_model_dup_date(model, model->n_days - 1);

        if (!rotap_parse_date(text, &date))
            rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                                 _("\"%s\" is not a date (expected YYYY-MM-DD)"), text);
        else
            rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                                 _("%s is outside the horizon %s..%s"), text, first,
                                 last);
        return FALSE;
    }
    rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at, _("unknown %s \"%s\""),
                         what, text);
    return FALSE;
}

static gboolean
read_keyword(const RotapJsonReader *reader, struct json_object *obj, const char *path,
             const char *key, int (*lookup)(const char *), const char *expected, int *out,
             GError **error)
{
    const char *text = NULL;
    g_autofree char *at = NULL;

    if (!rotap_json_get_string(reader, obj, path, key, TRUE, &text, error))
        return FALSE;
    *out = lookup(text);
    if (*out >= 0)
        return TRUE;
    at = rotap_json_member_path(path, key);
    rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                         _("unknown %s \"%s\" (expected %s)"), key, text, expected);
    return FALSE;
}

static int
category_lookup(const char *name)
{
    return rota_category_from_name(name);
}

static gboolean
read_entry_fields(const RotapJsonReader *reader, struct json_object *obj,
                  const char *path, const RotaModel *model, RotaAttendance *a,
                  char **note, GError **error)
{
    int status = 0;
    gboolean present = FALSE;

    a->minutes = -1;
    if (!rotap_json_check_keys(reader, obj, path, attendance_keys, error) ||
        !resolve(reader, obj, path, "date", TRUE, model, 'd', &a->day, error) ||
        !resolve(reader, obj, path, "shift", TRUE, model, 's', &a->shift, error) ||
        !resolve(reader, obj, path, "segment", TRUE, model, 'g', &a->segment, error) ||
        !resolve(reader, obj, path, "person", TRUE, model, 'p', &a->person, error) ||
        !read_keyword(reader, obj, path, "status", rotap_status_from_name,
                      "done, late, absent, excused or substituted", &status, error) ||
        !rotap_json_get_int(reader, obj, path, "minutes", FALSE, &present, &a->minutes,
                            error) ||
        !resolve(reader, obj, path, "substitute", FALSE, model, 'p', &a->substitute,
                 error) ||
        !resolve(reader, obj, path, "by", FALSE, model, 'p', &a->by, error) ||
        !rotap_json_read_string(reader, obj, path, "note", FALSE, note, error) ||
        !rotap_json_get_bool(reader, obj, path, "unscheduled", FALSE, NULL,
                             &a->unscheduled, error))
        return FALSE;
    if (present && a->minutes < 0) {
        g_autofree char *at = rotap_json_member_path(path, "minutes");

        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                             _("negative minutes %d"), a->minutes);
        return FALSE;
    }
    a->status = (RotaStatus)status;
    return TRUE;
}

static gboolean
read_entry(const RotapJsonReader *reader, struct json_object *obj, const char *path,
           gpointer data, GError **error)
{
    RotaRecords *records = data;
    RotaAttendance a = {0};
    char *note = NULL;
    int assignment = -1;
    const char *key = NULL;
    GError *local = NULL;

    if (!read_entry_fields(reader, obj, path, records->model, &a, &note, error)) {
        g_free(note);
        return FALSE;
    }
    if (!rotap_records_check_attendance(records, &a, &assignment, &key, &local)) {
        g_free(note);
        return error_at(reader, path, key, local, error);
    }
    rotap_records_push_attendance(records, &a, note, assignment);
    return TRUE;
}

static gboolean
read_finding_fields(const RotapJsonReader *reader, struct json_object *obj,
                    const char *path, const RotaModel *model, RotapFindingRec *f,
                    GError **error)
{
    int category = 0, source = 0;
    const char *name = NULL;

    if (!rotap_json_check_keys(reader, obj, path, finding_keys, error) ||
        !rotap_json_read_string(reader, obj, path, "id", TRUE, &f->id, error) ||
        !resolve(reader, obj, path, "segment", TRUE, model, 'g', &f->f.segment, error) ||
        !rotap_json_read_string(reader, obj, path, "found", TRUE, &f->found, error) ||
        !read_keyword(reader, obj, path, "category", category_lookup,
                      "道路 road, 建筑 building, 车辆 vehicles, 绿植 greenery, 环卫 "
                      "sanitation, 市政 utilities, 亮灯 lighting or 水系 waterways",
                      &category, error) ||
        !rotap_json_get_string(reader, obj, path, "category", TRUE, &name, error) ||
        !read_keyword(reader, obj, path, "source", rotap_source_from_name,
                      "inspection, hotline, photo or other", &source, error) ||
        !rotap_json_read_string(reader, obj, path, "text", TRUE, &f->text, error) ||
        !rotap_json_read_string(reader, obj, path, "deadline", FALSE, &f->deadline,
                                error) ||
        !rotap_json_read_string(reader, obj, path, "closed", FALSE, &f->closed, error) ||
        !resolve(reader, obj, path, "closed_by", FALSE, model, 'p', &f->f.closed_by,
                 error))
        return FALSE;
    f->category_name = g_strdup(name);
    f->f.category = (RotaCategory)category;
    f->f.source = (RotaSource)source;
    f->deadline_given = f->deadline != NULL;
    return TRUE;
}

static gboolean
read_finding(const RotapJsonReader *reader, struct json_object *obj, const char *path,
             gpointer data, GError **error)
{
    RotaRecords *records = data;
    RotapFindingRec *f = rotap_records_push_finding(records);
    const char *key = NULL;
    GError *local = NULL;

    if (!read_finding_fields(reader, obj, path, records->model, f, error))
        return FALSE;
    if (!rotap_records_check_finding(records, f, &key, &local))
        return error_at(reader, path, key, local, error);
    return TRUE;
}

static gboolean
read_header(const RotapJsonReader *reader, struct json_object *root,
            const RotaModel *model, GError **error)
{
    const char *name = NULL;

    if (!rotap_json_check_format(reader, root, "rota-records", error) ||
        !rotap_json_check_keys(reader, root, "", top_keys, error) ||
        !rotap_json_get_string(reader, root, "", "model", TRUE, &name, error))
        return FALSE;
    if (strcmp(name, model->name) != 0) {
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, "model",
                             _("records of \"%s\", not of the model \"%s\""), name,
                             model->name);
        return FALSE;
    }
    return TRUE;
}

/**
 * rota_records_new_from_data:
 * @model: the model the records refer to
 * @roster: (nullable): the roster attendance entries must name, or %NULL
 * @data: the bytes of a records.json document
 * @length: the number of bytes in @data
 * @source: the name used in error messages, usually the file name
 * @error: return location for a #GError, or %NULL
 *
 * Reads records in the `rota-records` JSON format (version 1) and checks
 * every entry against @model and @roster.  Errors read
 * "SOURCE:LINE:COLUMN: json.path: what is wrong" (ROTA_ERROR_SYNTAX,
 * ROTA_ERROR_FORMAT or ROTA_ERROR_INVALID).  A finding without a deadline
 * gets the one of the model's rules.deadlines.
 *
 * Returns: (transfer full) (nullable): the records, or %NULL on error.
 * Since: 0.1
 */
RotaRecords *
rota_records_new_from_data(RotaModel *model, RotaRoster *roster, const char *data,
                           gsize length, const char *source, GError **error)
{
    RotapJsonReader reader = {source != NULL ? source : "<data>", data, length};
    struct json_object *root;
    RotaRecords *records;
    gboolean ok;

    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(data != NULL || length == 0, NULL);
    if (data == NULL)
        reader.text = "";
    root = rotap_json_parse(&reader, error);
    if (root == NULL)
        return NULL;
    records = rota_records_new(model, roster);
    ok = read_header(&reader, root, model, error) &&
         rotap_json_read_records(&reader, root, "", "attendance", read_entry, records,
                                 error) &&
         rotap_json_read_records(&reader, root, "", "findings", read_finding, records,
                                 error);
    json_object_put(root);
    if (!ok) {
        rota_records_free(records);
        return NULL;
    }
    return records;
}

/**
 * rota_records_new_from_file:
 * @model: the model the records refer to
 * @roster: (nullable): the roster attendance entries must name, or %NULL
 * @path: a records.json file
 * @error: return location for a #GError, or %NULL
 *
 * As rota_records_new_from_data(), naming the file @path in messages.
 *
 * Returns: (transfer full) (nullable): the records, or %NULL on error.
 * Since: 0.1
 */
RotaRecords *
rota_records_new_from_file(RotaModel *model, RotaRoster *roster, const char *path,
                           GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;

    g_return_val_if_fail(path != NULL, NULL);
    if (!rotap_read_file(path, &data, &length, error))
        return NULL;
    return rota_records_new_from_data(model, roster, data, length, path, error);
}
