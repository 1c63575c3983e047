/* SPDX-License-Identifier: MIT */
/* model-json-duties.c: the model.json reader for duties (demand). */
#include "config.h"

#include <json-c/json_object_iterator.h>
#include <string.h>

#include "i18n-private.h"
#include "model-json-private.h"

static const char *const duty_keys[] = {"id",  "name",      "shift", "days", "segments",
                                        "min", "max",       "under", "over", "quota",
                                        "who", "not_owner", "per",   NULL};
static const char *const who_keys[] = {"tags", "units", NULL};

/* "segments": "*" (NULL in the spec) or a list of segment ids. */
static gboolean
read_segments(const RotapJsonReader *reader, struct json_object *obj, const char *path,
              RotapDutySpec *duty, GError **error)
{
    struct json_object *value = NULL;
    g_autofree char *at = rotap_json_member_path(path, "segments");

    if (!json_object_object_get_ex(obj, "segments", &value))
        return TRUE;
    if (json_object_is_type(value, json_type_array)) {
        duty->segments = g_ptr_array_new_with_free_func(g_free);
        return rotap_json_read_string_items(reader, value, at, duty->segments, error);
    }
    if (json_object_is_type(value, json_type_string) &&
        strcmp(json_object_get_string(value), "*") == 0)
        return TRUE;
    if (json_object_is_type(value, json_type_string))
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                             _("expected \"*\" or a list of segment ids, found \"%s\""),
                             json_object_get_string(value));
    else
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                             _("expected \"*\" or a list of segment ids, found %s"),
                             rotap_json_type_name(value));
    return FALSE;
}

/* "quota": { "tag": count, ... }, kept in file order. */
static gboolean
read_quota(const RotapJsonReader *reader, struct json_object *obj, const char *path,
           RotapDutySpec *duty, GError **error)
{
    struct json_object *quota = NULL;
    g_autofree char *at = rotap_json_member_path(path, "quota");
    struct json_object_iterator it, end;

    if (!rotap_json_get_object(reader, obj, path, "quota", FALSE, &quota, error))
        return FALSE;
    if (quota == NULL)
        return TRUE;
    it = json_object_iter_begin(quota);
    end = json_object_iter_end(quota);
    for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
        RotapQuotaSpec entry = {NULL, 0};
        const char *tag = json_object_iter_peek_name(&it);

        if (!rotap_json_get_int(reader, quota, at, tag, TRUE, NULL, &entry.count, error))
            return FALSE;
        entry.tag = g_strdup(tag);
        g_array_append_val(duty->quotas, entry);
    }
    return TRUE;
}

static gboolean
read_who(const RotapJsonReader *reader, struct json_object *obj, const char *path,
         RotapDutySpec *duty, GError **error)
{
    struct json_object *who = NULL;
    g_autofree char *at = rotap_json_member_path(path, "who");

    if (!rotap_json_get_object(reader, obj, path, "who", FALSE, &who, error))
        return FALSE;
    if (who == NULL)
        return TRUE;
    duty->has_who = TRUE;
    return rotap_json_check_keys(reader, who, at, who_keys, error) &&
           rotap_json_read_strings(reader, who, at, "tags", duty->who_tags, NULL,
                                   error) &&
           rotap_json_read_strings(reader, who, at, "units", duty->who_units, NULL,
                                   error);
}

/* "per": "day" (the default) or "week". */
static gboolean
read_per(const RotapJsonReader *reader, struct json_object *obj, const char *path,
         RotapDutySpec *duty, GError **error)
{
    const char *per = NULL;
    g_autofree char *at = rotap_json_member_path(path, "per");

    if (!rotap_json_get_string(reader, obj, path, "per", FALSE, &per, error))
        return FALSE;
    if (per == NULL || strcmp(per, "day") == 0)
        return TRUE;
    if (strcmp(per, "week") == 0) {
        duty->per_week = TRUE;
        return TRUE;
    }
    rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                         _("unknown window \"%s\" (expected \"day\" or \"week\")"), per);
    return FALSE;
}

static gboolean
read_counts(const RotapJsonReader *reader, struct json_object *obj, const char *path,
            RotapDutySpec *duty, GError **error)
{
    return rotap_json_get_int(reader, obj, path, "min", FALSE, &duty->has_min, &duty->min,
                              error) &&
           rotap_json_get_int(reader, obj, path, "max", FALSE, &duty->has_max, &duty->max,
                              error) &&
           rotap_json_get_int(reader, obj, path, "under", FALSE, &duty->has_under,
                              &duty->under, error) &&
           rotap_json_get_int(reader, obj, path, "over", FALSE, &duty->has_over,
                              &duty->over, error);
}

gboolean
rotap_json_read_duty(const RotapJsonReader *reader, struct json_object *obj,
                     const char *path, gpointer data, GError **error)
{
    RotapDutySpec *duty = rotap_spec_add_duty(data);

    return rotap_json_check_keys(reader, obj, path, duty_keys, error) &&
           rotap_json_read_string(reader, obj, path, "id", TRUE, &duty->id, error) &&
           rotap_json_read_string(reader, obj, path, "name", FALSE, &duty->name, error) &&
           rotap_json_read_string(reader, obj, path, "shift", TRUE, &duty->shift,
                                  error) &&
           rotap_json_read_days(reader, obj, path, "days", &duty->days, error) &&
           read_segments(reader, obj, path, duty, error) &&
           read_counts(reader, obj, path, duty, error) &&
           read_quota(reader, obj, path, duty, error) &&
           read_who(reader, obj, path, duty, error) &&
           rotap_json_get_bool(reader, obj, path, "not_owner", FALSE, NULL,
                               &duty->not_owner, error) &&
           read_per(reader, obj, path, duty, error);
}
