/* SPDX-License-Identifier: MIT */
/* model-json-people.c: reading people, their limits, days off and requests. */
#include "config.h"

#include <json-c/json_object_iterator.h>
#include <string.h>

#include "i18n-private.h"
#include "model-json-private.h"

static const char *const person_keys[] = {
    "id",     "name",  "unit", "tags",     "community", "phone",
    "phone_public", "limits", "off",  "requests", NULL};
static const char *const off_keys[] = {"date", "from", "to", "shift", NULL};
static const char *const request_keys[] = {"date", "shift", "on", "weight", NULL};

/* "max_shifts": { "shift id": count, ... }, kept in file order. */
static gboolean
read_max_shifts(const RotapJsonReader *reader, struct json_object *obj, const char *path,
                RotapLimitsSpec *limits, GError **error)
{
    struct json_object *counts = NULL;
    g_autofree char *at = rotap_json_member_path(path, "max_shifts");
    struct json_object_iterator it, end;

    if (!rotap_json_get_object(reader, obj, path, "max_shifts", FALSE, &counts, error))
        return FALSE;
    if (counts == NULL)
        return TRUE;
    it = json_object_iter_begin(counts);
    end = json_object_iter_end(counts);
    for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
        RotapShiftCountSpec count = {NULL, 0};
        const char *shift = json_object_iter_peek_name(&it);

        if (!rotap_json_get_int(reader, counts, at, shift, TRUE, NULL, &count.count,
                                error))
            return FALSE;
        count.shift = g_strdup(shift);
        g_array_append_val(rotap_spec_max_shifts(limits), count);
    }
    return TRUE;
}

gboolean
rotap_json_read_limits(const RotapJsonReader *reader, struct json_object *obj,
                       const char *path, RotapLimitsSpec *limits, GError **error)
{
    const char *names[ROTA_N_LIMITS + 2];

    names[0] = "max_shifts";
    for (int l = 0; l < ROTA_N_LIMITS; l++)
        names[l + 1] = rotap_limit_name((RotaLimit)l);
    names[ROTA_N_LIMITS + 1] = NULL;
    if (!rotap_json_check_keys(reader, obj, path, names, error) ||
        !read_max_shifts(reader, obj, path, limits, error))
        return FALSE;
    for (int l = 0; l < ROTA_N_LIMITS; l++) {
        gboolean present = FALSE;

        if (!rotap_json_get_int(reader, obj, path, names[l + 1], FALSE, &present,
                                &limits->values[l], error))
            return FALSE;
        if (present)
            limits->set |= 1u << l;
    }
    return TRUE;
}

/* { "date": D, "shift"? } or { "from": D, "to": D, "shift"? }. */
static gboolean
read_off_object(const RotapJsonReader *reader, struct json_object *item, const char *at,
                RotapOffSpec *off, GError **error)
{
    gboolean has_date = json_object_object_get_ex(item, "date", NULL);

    if (!rotap_json_check_keys(reader, item, at, off_keys, error))
        return FALSE;
    if (has_date && (json_object_object_get_ex(item, "from", NULL) ||
                     json_object_object_get_ex(item, "to", NULL))) {
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                             _("give either \"date\" or \"from\" and \"to\", not both"));
        return FALSE;
    }
    if (has_date) {
        off->form = ROTAP_OFF_FORM_DAY;
        if (!rotap_json_read_string(reader, item, at, "date", TRUE, &off->from, error))
            return FALSE;
        off->to = g_strdup(off->from);
    } else {
        off->form = ROTAP_OFF_FORM_RANGE;
        if (!rotap_json_read_string(reader, item, at, "from", TRUE, &off->from, error) ||
            !rotap_json_read_string(reader, item, at, "to", TRUE, &off->to, error))
            return FALSE;
    }
    return rotap_json_read_string(reader, item, at, "shift", FALSE, &off->shift, error);
}

/* Each entry is appended before it is read, so that a failure leaves it
 * in the array for the spec to free. */
static gboolean
read_off(const RotapJsonReader *reader, struct json_object *obj, const char *path,
         RotapPersonSpec *person, GError **error)
{
    struct json_object *list = NULL;
    g_autofree char *at = rotap_json_member_path(path, "off");

    if (!rotap_json_get_array(reader, obj, path, "off", FALSE, &list, error))
        return FALSE;
    for (gsize i = 0; list != NULL && i < json_object_array_length(list); i++) {
        struct json_object *item = json_object_array_get_idx(list, i);
        g_autofree char *item_path = rotap_json_item_path(at, (guint)i);
        GArray *offs = rotap_spec_person_off(person);
        RotapOffSpec *off;

        g_array_set_size(offs, offs->len + 1);
        off = &g_array_index(offs, RotapOffSpec, offs->len - 1);
        if (json_object_is_type(item, json_type_object)) {
            if (!read_off_object(reader, item, item_path, off, error))
                return FALSE;
        } else if (json_object_is_type(item, json_type_string)) {
            off->form = ROTAP_OFF_FORM_DATE;
            if (!rotap_json_read_string_value(reader, item, item_path, &off->from, error))
                return FALSE;
            off->to = g_strdup(off->from);
        } else {
            rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, item_path,
                                 _("expected a date, {\"date\", \"shift\"} or {\"from\", "
                                   "\"to\", \"shift\"}, found %s"),
                                 rotap_json_type_name(item));
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
read_request(const RotapJsonReader *reader, struct json_object *obj, const char *path,
             gpointer data, GError **error)
{
    RotapPersonSpec *person = data;
    GArray *requests = rotap_spec_person_requests(person);
    RotapRequestSpec *request;

    g_array_set_size(requests, requests->len + 1);
    request = &g_array_index(requests, RotapRequestSpec, requests->len - 1);
    return rotap_json_check_keys(reader, obj, path, request_keys, error) &&
           rotap_json_read_string(reader, obj, path, "date", TRUE, &request->date,
                                  error) &&
           rotap_json_read_string(reader, obj, path, "shift", FALSE, &request->shift,
                                  error) &&
           rotap_json_get_bool(reader, obj, path, "on", FALSE, &request->has_on,
                               &request->on, error) &&
           rotap_json_get_int(reader, obj, path, "weight", FALSE, &request->has_weight,
                              &request->weight, error);
}

gboolean
rotap_json_read_person(const RotapJsonReader *reader, struct json_object *obj,
                       const char *path, gpointer data, GError **error)
{
    RotapPersonSpec *person = rotap_spec_add_person(data);
    struct json_object *limits = NULL;
    g_autofree char *limits_path = rotap_json_member_path(path, "limits");

    if (!rotap_json_check_keys(reader, obj, path, person_keys, error) ||
        !rotap_json_read_string(reader, obj, path, "id", TRUE, &person->id, error) ||
        !rotap_json_read_string(reader, obj, path, "name", FALSE, &person->name, error) ||
        !rotap_json_read_string(reader, obj, path, "unit", FALSE, &person->unit, error) ||
        !rotap_json_read_strings(reader, obj, path, "tags", person->tags, NULL, error) ||
        !rotap_json_read_string(reader, obj, path, "community", FALSE, &person->community,
                                error) ||
        !rotap_json_read_string(reader, obj, path, "phone", FALSE, &person->phone, error) ||
        !rotap_json_get_bool(reader, obj, path, "phone_public", FALSE, NULL,
                             &person->phone_public, error) ||
        !rotap_json_get_object(reader, obj, path, "limits", FALSE, &limits, error))
        return FALSE;
    if (limits != NULL &&
        !rotap_json_read_limits(reader, limits, limits_path, &person->limits, error))
        return FALSE;
    return read_off(reader, obj, path, person, error) &&
           rotap_json_read_records(reader, obj, path, "requests", read_request, person,
                                   error);
}
