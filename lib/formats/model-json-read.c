/* SPDX-License-Identifier: MIT */
/* model-json-read.c: load a model.json file (format rota-model, version 1). */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "json-private.h"
#include "model-json-private.h"
#include "model-private.h"
#include "records/records-private.h"
#include "util-private.h"

/*
 * The reader checks the shape of the file: every key known (a typo must
 * never drop a constraint silently), every value of the right JSON type,
 * the keywords that the spec stores as enums.  Values themselves (dates,
 * times, references, ranges) are checked by rotap_model_compile(), whose
 * "json.path: message" errors are then positioned in the text.
 */

static const char *const top_keys[] = {
    "format", "version", "name",  "contact", "timezone", "start", "days", "calendar",
    "shifts", "forbid",  "segments", "units", "people",   "duties", "rules", NULL};
static const char *const contact_keys[] = {"hotline", "office", NULL};
static const char *const calendar_keys[] = {"holidays", "workdays", NULL};
static const char *const shift_keys[] = {"id", "name", "start", "end", NULL};
static const char *const forbid_keys[] = {"after", "next_day", NULL};
static const char *const segment_keys[] = {"id",    "name",     "kind", "grid",
                                           "chief", "location", "geo",  NULL};
static const char *const unit_keys[] = {"id",       "name",     "head",
                                        "deputies", "segments", NULL};
static const char *const rules_keys[] = {"onsite",    "limits",     "weights",
                                         "deadlines", "assessment", NULL};
static const char *const onsite_keys[] = {"shift", "days", NULL};

char *
rotap_json_item_path(const char *path, guint index)
{
    char digits[16]; /* no printf: this runs for every element of a list */

    g_snprintf(digits, sizeof digits, "[%u]", index);
    return g_strconcat(path, digits, NULL);
}

char *
rotap_json_member_path(const char *path, const char *key)
{
    if (path == NULL || *path == '\0')
        return g_strdup(key);
    return g_strconcat(path, ".", key, NULL);
}

gboolean
rotap_json_read_string(const RotapJsonReader *reader, struct json_object *obj,
                       const char *path, const char *key, gboolean required, char **out,
                       GError **error)
{
    const char *value = NULL;

    if (!rotap_json_get_string(reader, obj, path, key, required, &value, error))
        return FALSE;
    if (value != NULL)
        *out = g_strdup(value);
    return TRUE;
}

gboolean
rotap_json_read_strings(const RotapJsonReader *reader, struct json_object *obj,
                        const char *path, const char *key, GPtrArray *out,
                        gboolean *present, GError **error)
{
    struct json_object *array = NULL;
    g_autofree char *at = NULL;

    if (present != NULL)
        *present = FALSE;
    if (!rotap_json_get_array(reader, obj, path, key, FALSE, &array, error))
        return FALSE;
    if (array == NULL)
        return TRUE;
    if (present != NULL)
        *present = TRUE;
    at = rotap_json_member_path(path, key);
    return rotap_json_read_string_items(reader, array, at, out, error);
}

gboolean
rotap_json_read_string_value(const RotapJsonReader *reader, struct json_object *value,
                             const char *path, char **out, GError **error)
{
    const char *text;

    if (!json_object_is_type(value, json_type_string)) {
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, path,
                             _("expected a string, found %s"),
                             rotap_json_type_name(value));
        return FALSE;
    }
    text = json_object_get_string(value);
    if (strlen(text) != (gsize)json_object_get_string_len(value)) {
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, path,
                             _("a string must not contain \\u0000"));
        return FALSE;
    }
    *out = g_strdup(text);
    return TRUE;
}

gboolean
rotap_json_read_string_items(const RotapJsonReader *reader, struct json_object *array,
                             const char *path, GPtrArray *out, GError **error)
{
    for (gsize i = 0; i < json_object_array_length(array); i++) {
        g_autofree char *at = rotap_json_item_path(path, (guint)i);
        char *text = NULL;

        if (!rotap_json_read_string_value(reader, json_object_array_get_idx(array, i), at,
                                          &text, error))
            return FALSE;
        g_ptr_array_add(out, text);
    }
    return TRUE;
}

/* Each element of the array at path.key must be an object; fn reads it. */
gboolean
rotap_json_read_records(const RotapJsonReader *reader, struct json_object *obj,
                        const char *path, const char *key, RotapJsonRecordFunc fn,
                        gpointer data, GError **error)
{
    struct json_object *array = NULL;
    g_autofree char *at = rotap_json_member_path(path, key);

    if (!rotap_json_get_array(reader, obj, path, key, FALSE, &array, error))
        return FALSE;
    for (gsize i = 0; array != NULL && i < json_object_array_length(array); i++) {
        struct json_object *item = json_object_array_get_idx(array, i);
        g_autofree char *item_path = rotap_json_item_path(at, (guint)i);

        if (!json_object_is_type(item, json_type_object)) {
            rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, item_path,
                                 _("expected an object, found %s"),
                                 rotap_json_type_name(item));
            return FALSE;
        }
        if (!fn(reader, item, item_path, data, error))
            return FALSE;
    }
    return TRUE;
}

/* A day selector: a keyword, or a list of dates (checked by compile). */
gboolean
rotap_json_read_days(const RotapJsonReader *reader, struct json_object *obj,
                     const char *path, const char *key, RotapDaysSpec *days,
                     GError **error)
{
    struct json_object *value = NULL;
    g_autofree char *at = rotap_json_member_path(path, key);
    const char *word;

    if (!json_object_object_get_ex(obj, key, &value))
        return TRUE;
    if (json_object_is_type(value, json_type_array)) {
        days->kind = ROTA_DAYS_DATES;
        return rotap_json_read_string_items(reader, value, at, days->dates, error);
    }
    if (!json_object_is_type(value, json_type_string)) {
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                             _("expected a keyword or a list of dates, found %s"),
                             rotap_json_type_name(value));
        return FALSE;
    }
    word = json_object_get_string(value);
    for (int kind = ROTA_DAYS_ALL; kind < ROTA_DAYS_DATES; kind++) {
        if (strcmp(word, rotap_days_name((RotaDays)kind)) == 0) {
            days->kind = (RotaDays)kind;
            return TRUE;
        }
    }
    rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                         _("unknown days \"%s\" (expected \"all\", \"workdays\", "
                           "\"restdays\", \"weekends\" or a list of dates)"),
                         word);
    return FALSE;
}

static gboolean
read_shift(const RotapJsonReader *reader, struct json_object *obj, const char *path,
           gpointer data, GError **error)
{
    RotapShiftSpec *shift = rotap_spec_add_shift(data);

    return rotap_json_check_keys(reader, obj, path, shift_keys, error) &&
           rotap_json_read_string(reader, obj, path, "id", TRUE, &shift->id, error) &&
           rotap_json_read_string(reader, obj, path, "name", FALSE, &shift->name,
                                  error) &&
           rotap_json_read_string(reader, obj, path, "start", TRUE, &shift->start,
                                  error) &&
           rotap_json_read_string(reader, obj, path, "end", TRUE, &shift->end, error);
}

static gboolean
read_forbid(const RotapJsonReader *reader, struct json_object *obj, const char *path,
            gpointer data, GError **error)
{
    RotapForbidSpec *forbid = rotap_spec_add_forbid(data);

    return rotap_json_check_keys(reader, obj, path, forbid_keys, error) &&
           rotap_json_read_string(reader, obj, path, "after", TRUE, &forbid->after,
                                  error) &&
           rotap_json_read_string(reader, obj, path, "next_day", TRUE, &forbid->next_day,
                                  error);
}

/* "geo": [latitude, longitude], two numbers (ranges are checked by compile). */
static gboolean
read_geo(const RotapJsonReader *reader, struct json_object *obj, const char *path,
         RotapSegmentSpec *segment, GError **error)
{
    struct json_object *geo = NULL;
    g_autofree char *at = rotap_json_member_path(path, "geo");
    double values[2];

    if (!json_object_object_get_ex(obj, "geo", &geo))
        return TRUE;
    if (!json_object_is_type(geo, json_type_array) ||
        json_object_array_length(geo) != 2) {
        if (json_object_is_type(geo, json_type_array))
            rotap_json_set_error(
                reader, error, ROTA_ERROR_INVALID, at,
                rotap_ngettext("expected [latitude, longitude], found %zu value",
                               "expected [latitude, longitude], found %zu values",
                               (gulong)json_object_array_length(geo)),
                json_object_array_length(geo));
        else
            rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                                 _("expected [latitude, longitude], found %s"),
                                 rotap_json_type_name(geo));
        return FALSE;
    }
    for (gsize i = 0; i < 2; i++) {
        struct json_object *item = json_object_array_get_idx(geo, i);

        if (!json_object_is_type(item, json_type_int) &&
            !json_object_is_type(item, json_type_double)) {
            g_autofree char *item_path = rotap_json_item_path(at, (guint)i);

            rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, item_path,
                                 _("expected a number, found %s"),
                                 rotap_json_type_name(item));
            return FALSE;
        }
        values[i] = json_object_get_double(item);
    }
    segment->has_geo = TRUE;
    segment->lat = values[0];
    segment->lon = values[1];
    return TRUE;
}

static gboolean
read_segment(const RotapJsonReader *reader, struct json_object *obj, const char *path,
             gpointer data, GError **error)
{
    RotapSegmentSpec *segment = rotap_spec_add_segment(data);

    return rotap_json_check_keys(reader, obj, path, segment_keys, error) &&
           rotap_json_read_string(reader, obj, path, "id", TRUE, &segment->id, error) &&
           rotap_json_read_string(reader, obj, path, "name", FALSE, &segment->name,
                                  error) &&
           rotap_json_read_string(reader, obj, path, "kind", FALSE, &segment->kind,
                                  error) &&
           rotap_json_read_string(reader, obj, path, "grid", FALSE, &segment->grid,
                                  error) &&
           rotap_json_read_string(reader, obj, path, "chief", FALSE, &segment->chief,
                                  error) &&
           rotap_json_read_string(reader, obj, path, "location", FALSE,
                                  &segment->location, error) &&
           read_geo(reader, obj, path, segment, error);
}

static gboolean
read_unit(const RotapJsonReader *reader, struct json_object *obj, const char *path,
          gpointer data, GError **error)
{
    RotapUnitSpec *unit = rotap_spec_add_unit(data);

    return rotap_json_check_keys(reader, obj, path, unit_keys, error) &&
           rotap_json_read_string(reader, obj, path, "id", TRUE, &unit->id, error) &&
           rotap_json_read_string(reader, obj, path, "name", FALSE, &unit->name, error) &&
           rotap_json_read_string(reader, obj, path, "head", FALSE, &unit->head, error) &&
           rotap_json_read_strings(reader, obj, path, "deputies", unit->deputies, NULL,
                                   error) &&
           rotap_json_read_strings(reader, obj, path, "segments", unit->segments, NULL,
                                   error);
}

static gboolean
read_calendar(const RotapJsonReader *reader, struct json_object *root, RotapSpec *spec,
              GError **error)
{
    struct json_object *calendar = NULL;

    if (!rotap_json_get_object(reader, root, "", "calendar", FALSE, &calendar, error))
        return FALSE;
    if (calendar == NULL)
        return TRUE;
    spec->has_calendar = TRUE;
    return rotap_json_check_keys(reader, calendar, "calendar", calendar_keys, error) &&
           rotap_json_read_strings(reader, calendar, "calendar", "holidays",
                                   spec->holidays, NULL, error) &&
           rotap_json_read_strings(reader, calendar, "calendar", "workdays",
                                   spec->workdays, NULL, error);
}

static gboolean
read_onsite(const RotapJsonReader *reader, struct json_object *rules, RotapSpec *spec,
            GError **error)
{
    struct json_object *onsite = NULL;

    if (!rotap_json_get_object(reader, rules, "rules", "onsite", FALSE, &onsite, error))
        return FALSE;
    if (onsite == NULL)
        return TRUE;
    spec->has_onsite = TRUE;
    return rotap_json_check_keys(reader, onsite, "rules.onsite", onsite_keys, error) &&
           rotap_json_read_string(reader, onsite, "rules.onsite", "shift", TRUE,
                                  &spec->onsite_shift, error) &&
           rotap_json_read_days(reader, onsite, "rules.onsite", "days",
                                &spec->onsite_days, error);
}

static gboolean
read_weights(const RotapJsonReader *reader, struct json_object *rules, RotapSpec *spec,
             GError **error)
{
    struct json_object *weights = NULL;
    const char *names[ROTA_N_WEIGHTS + 1];

    if (!rotap_json_get_object(reader, rules, "rules", "weights", FALSE, &weights, error))
        return FALSE;
    if (weights == NULL)
        return TRUE;
    for (int w = 0; w < ROTA_N_WEIGHTS; w++)
        names[w] = rotap_weight_name((RotaWeight)w);
    names[ROTA_N_WEIGHTS] = NULL;
    if (!rotap_json_check_keys(reader, weights, "rules.weights", names, error))
        return FALSE;
    for (int w = 0; w < ROTA_N_WEIGHTS; w++) {
        gboolean present = FALSE;

        if (!rotap_json_get_int(reader, weights, "rules.weights", names[w], FALSE,
                                &present, &spec->weights[w], error))
            return FALSE;
        if (present)
            spec->weights_set |= 1u << w;
    }
    return TRUE;
}

static gboolean
read_rules(const RotapJsonReader *reader, struct json_object *root, RotapSpec *spec,
           GError **error)
{
    struct json_object *rules = NULL;
    struct json_object *limits = NULL;

    if (!rotap_json_get_object(reader, root, "", "rules", FALSE, &rules, error))
        return FALSE;
    if (rules == NULL)
        return TRUE;
    if (!rotap_json_check_keys(reader, rules, "rules", rules_keys, error) ||
        !read_onsite(reader, rules, spec, error) ||
        !rotap_json_get_object(reader, rules, "rules", "limits", FALSE, &limits, error))
        return FALSE;
    if (limits != NULL) {
        spec->has_rules_limits = TRUE;
        if (!rotap_json_read_limits(reader, limits, "rules.limits", &spec->limits, error))
            return FALSE;
    }
    return read_weights(reader, rules, spec, error) &&
           rotap_json_read_record_rules(reader, rules, spec, error);
}

/* "contact": { "hotline": "12345", "office": "..." }, both optional. */
static gboolean
read_contact(const RotapJsonReader *reader, struct json_object *root, RotapSpec *spec,
             GError **error)
{
    struct json_object *contact = NULL;

    if (!rotap_json_get_object(reader, root, "", "contact", FALSE, &contact, error))
        return FALSE;
    if (contact == NULL)
        return TRUE;
    spec->has_contact = TRUE;
    return rotap_json_check_keys(reader, contact, "contact", contact_keys, error) &&
           rotap_json_read_string(reader, contact, "contact", "hotline", FALSE,
                                  &spec->contact_hotline, error) &&
           rotap_json_read_string(reader, contact, "contact", "office", FALSE,
                                  &spec->contact_office, error);
}

static gboolean
read_horizon(const RotapJsonReader *reader, struct json_object *root, RotapSpec *spec,
             GError **error)
{
    return rotap_json_check_keys(reader, root, "", top_keys, error) &&
           rotap_json_read_string(reader, root, "", "name", TRUE, &spec->name, error) &&
           read_contact(reader, root, spec, error) &&
           rotap_json_read_string(reader, root, "", "timezone", FALSE, &spec->timezone,
                                  error) &&
           rotap_json_read_string(reader, root, "", "start", TRUE, &spec->start, error) &&
           rotap_json_get_int(reader, root, "", "days", TRUE, NULL, &spec->days, error) &&
           read_calendar(reader, root, spec, error);
}

/*
 * A model of a million people is a file of 140 MB; json-c's tree of it
 * would take twenty times that.  So the tree holds the small members of
 * the root object only, and each list of records (people above all) is
 * kept as a span of the text whose elements are parsed one at a time,
 * read into the spec and freed before the next.  The whole text has
 * passed the strict scanner first, so errors and their order are those of
 * reading one tree: the lists are read in the same order, and a message
 * is positioned by its JSON path in the whole text as before.
 */
static const char *const list_keys[] = {"shifts", "forbid", "segments", "units",
                                        "people", "duties", NULL};

typedef struct {
    const RotapJsonReader *reader;
    struct json_tokener *tok;
    struct json_object *root;
    gsize lists[G_N_ELEMENTS(list_keys)]; /* offset of the '[', 0 when in root */
} ModelText;

static int
list_index(const char *key)
{
    for (int i = 0; list_keys[i] != NULL; i++) {
        if (strcmp(key, list_keys[i]) == 0)
            return i;
    }
    return -1;
}

static void
span_clear(gpointer data)
{
    g_free(((RotapJsonSpan *)data)->key);
}

/* The root object without its lists of records (an empty array stands in
 * for each, keeping the order of the keys); any other root whole. */
static gboolean
model_text_open(ModelText *mt, const RotapJsonReader *reader, GError **error)
{
    g_autoptr(GArray) members = g_array_new(FALSE, FALSE, sizeof(RotapJsonSpan));

    memset(mt, 0, sizeof *mt);
    mt->reader = reader;
    if (!rotap_json_check(reader, error))
        return FALSE;
    mt->tok = rotap_json_tokener_new();
    g_array_set_clear_func(members, span_clear);
    if (!rotap_json_split_object(reader->text, reader->length, members)) {
        mt->root = rotap_json_build_tree(reader, error);
        return mt->root != NULL;
    }
    mt->root = json_object_new_object();
    for (guint i = 0; i < members->len; i++) {
        RotapJsonSpan *member = &g_array_index(members, RotapJsonSpan, i);
        int list = list_index(member->key);
        struct json_object *value = NULL;

        if (list >= 0 && reader->text[member->start] == '[') {
            mt->lists[list] = member->start;
            value = json_object_new_array();
        } else if (!rotap_json_parse_span(reader, mt->tok, member->start, member->end,
                                          &value, error)) {
            return FALSE;
        }
        json_object_object_add(mt->root, member->key, value);
    }
    return TRUE;
}

static void
model_text_close(ModelText *mt)
{
    if (mt->root != NULL)
        json_object_put(mt->root);
    if (mt->tok != NULL)
        json_tokener_free(mt->tok);
}

/* The list of records at key, each element an object passed to fn, as
 * rotap_json_read_records() reads it from a tree. */
static gboolean
read_list(ModelText *mt, const char *key, RotapJsonRecordFunc fn, gpointer data,
          GError **error)
{
    gsize open = mt->lists[list_index(key)];
    RotapJsonCursor *cursor;
    gsize start, end;
    gboolean ok = TRUE;

    if (open == 0)
        return rotap_json_read_records(mt->reader, mt->root, "", key, fn, data, error);
    cursor = rotap_json_cursor_new(mt->reader->text, mt->reader->length, open);
    for (guint i = 0; ok && rotap_json_cursor_next(cursor, &start, &end); i++) {
        struct json_object *item = NULL;
        g_autofree char *item_path = NULL;

        if (!rotap_json_parse_span(mt->reader, mt->tok, start, end, &item, error)) {
            ok = FALSE;
            break;
        }
        item_path = rotap_json_item_path(key, i);
        if (!json_object_is_type(item, json_type_object)) {
            rotap_json_set_error(mt->reader, error, ROTA_ERROR_INVALID, item_path,
                                 "expected an object, found %s",
                                 rotap_json_type_name(item));
            ok = FALSE;
        } else {
            ok = fn(mt->reader, item, item_path, data, error);
        }
        json_object_put(item);
    }
    rotap_json_cursor_free(cursor);
    return ok;
}

/* The whole file into spec; FALSE with a positioned error. */
static gboolean
read_spec(ModelText *mt, RotapSpec *spec, GError **error)
{
    const RotapJsonReader *reader = mt->reader;
    struct json_object *root = mt->root;

    return rotap_json_check_format(reader, root, "rota-model", error) &&
           read_horizon(reader, root, spec, error) &&
           read_list(mt, "shifts", read_shift, spec, error) &&
           read_list(mt, "forbid", read_forbid, spec, error) &&
           read_list(mt, "segments", read_segment, spec, error) &&
           read_list(mt, "units", read_unit, spec, error) &&
           read_list(mt, "people", rotap_json_read_person, spec, error) &&
           read_list(mt, "duties", rotap_json_read_duty, spec, error) &&
           read_rules(reader, root, spec, error);
}

/* The spec of a model.json text, read but not validated beyond its JSON
 * shape: rota import merges sheets into it before compiling.  Errors are
 * positioned in @source as rota_model_new_from_data() positions them. */
RotapSpec *
rotap_spec_new_from_data(const char *data, gsize length, const char *source,
                         GError **error)
{
    RotapJsonReader reader = {source != NULL ? source : "<data>", data, length};
    ModelText mt;
    RotapSpec *spec = NULL;

    if (data == NULL)
        reader.text = "";
    if (model_text_open(&mt, &reader, error)) {
        spec = rotap_spec_new();
        if (!read_spec(&mt, spec, error))
            g_clear_pointer(&spec, rotap_spec_free);
    }
    model_text_close(&mt);
    return spec;
}

/**
 * rota_model_new_from_data:
 * @data: the bytes of a model.json document (need not be NUL-terminated)
 * @length: the number of bytes in @data
 * @source: the name used in error messages, usually the file name
 * @error: return location for a #GError, or %NULL
 *
 * Reads a model in the `rota-model` JSON format (version 1), validates it
 * completely and compiles it.  Errors are in the ROTA_ERROR domain
 * (ROTA_ERROR_SYNTAX, ROTA_ERROR_FORMAT or ROTA_ERROR_INVALID) and read
 * "SOURCE:LINE:COLUMN: json.path: what is wrong", the column counted in
 * characters.  The model records the SHA-256 of @data.
 *
 * Returns: (transfer full) (nullable): a new model, to be released with
 *   rota_model_unref(), or %NULL on error.
 * Since: 0.1
 */
RotaModel *
rota_model_new_from_data(const char *data, gsize length, const char *source,
                         GError **error)
{
    RotapJsonReader reader = {source != NULL ? source : "<data>", data, length};
    RotapSpec *spec;
    RotaModel *model;

    g_return_val_if_fail(data != NULL || length == 0, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    if (data == NULL)
        reader.text = "";
    spec = rotap_spec_new_from_data(data, length, source, error);
    if (spec == NULL)
        return NULL;
    model = rotap_model_compile(spec, error);
    if (model == NULL) {
        rotap_json_position_error(&reader, error);
        return NULL;
    }
    model->sha256 =
        g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, length);
    return model;
}

/**
 * rota_model_new_from_file:
 * @path: a model.json file
 * @error: return location for a #GError, or %NULL
 *
 * Reads and compiles the model in @path, as rota_model_new_from_data()
 * does, naming the file as @path in messages.  A file that cannot be read
 * is ROTA_ERROR_IO.
 *
 * Returns: (transfer full) (nullable): a new model, to be released with
 *   rota_model_unref(), or %NULL on error.
 * Since: 0.1
 */
/* A compile error names a JSON path; its position is found in the file
 * read again, when it still has the bytes that were loaded (else the
 * error is placed at the start). */
static void
position_in_file(const char *path, const char *sha256, GError **error)
{
    g_autofree char *data = NULL;
    g_autofree char *again = NULL;
    gsize length = 0;
    RotapJsonReader reader = {path, "", 0};

    if (rotap_read_file(path, &data, &length, NULL)) {
        again =
            g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, length);
        if (strcmp(again, sha256) == 0) {
            reader.text = data;
            reader.length = length;
        }
    }
    rotap_json_position_error(&reader, error);
}

RotaModel *
rota_model_new_from_file(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    g_autofree char *sha256 = NULL;
    gsize length = 0;
    RotapSpec *spec;
    RotaModel *model;

    g_return_val_if_fail(path != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    if (!rotap_read_file(path, &data, &length, error))
        return NULL;
    spec = rotap_spec_new_from_data(data, length, path, error);
    if (spec == NULL)
        return NULL;
    /* The text is freed before the model is built, so that the two are
     * never in memory together (rota_model_new_from_data() keeps it, being
     * the caller's): a 1 M-people model is a 140 MB file. */
    sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, length);
    g_clear_pointer(&data, g_free);
    model = rotap_model_compile(spec, error);
    if (model == NULL) {
        position_in_file(path, sha256, error);
        return NULL;
    }
    model->sha256 = g_steal_pointer(&sha256);
    return model;
}
