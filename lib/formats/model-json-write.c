/* SPDX-License-Identifier: MIT */
/* model-json-write.c: write a model back as canonical model.json text. */
#include "config.h"

#include <string.h>

#include "json-private.h"
#include "model-private.h"
#include "records/records-private.h"
#include "util-private.h"

/*
 * The layout is fixed so that a model written, read and written again is
 * byte-identical, and so that a diff of two models shows one line per
 * changed record: top-level keys in the order of docs/model-json.md, one per
 * line; each record of a list on one line as a compact object.  Optional
 * values are written only when the spec says they were given.
 */

/* A one-line object: "{ "k": v, ... }", or "{}" when nothing was added. */
typedef struct {
    GString *out;
    gboolean empty;
} Obj;

static void
obj_begin(Obj *obj, GString *out)
{
    obj->out = out;
    obj->empty = TRUE;
    g_string_append_c(out, '{');
}

static void
obj_key(Obj *obj, const char *key)
{
    g_string_append(obj->out, obj->empty ? " " : ", ");
    obj->empty = FALSE;
    rotap_json_append_string(obj->out, key);
    g_string_append(obj->out, ": ");
}

static void
obj_end(Obj *obj)
{
    g_string_append(obj->out, obj->empty ? "}" : " }");
}

static void
obj_string(Obj *obj, const char *key, const char *value)
{
    if (value == NULL)
        return;
    obj_key(obj, key);
    rotap_json_append_string(obj->out, value);
}

static void
obj_int(Obj *obj, const char *key, int value)
{
    obj_key(obj, key);
    g_string_append_printf(obj->out, "%d", value);
}

static void
append_strings(GString *out, const GPtrArray *strings)
{
    g_string_append_c(out, '[');
    for (guint i = 0; i < strings->len; i++) {
        if (i > 0)
            g_string_append(out, ", ");
        rotap_json_append_string(out, strings->pdata[i]);
    }
    g_string_append_c(out, ']');
}

/* A list member, written only when the list is not empty. */
static void
obj_strings(Obj *obj, const char *key, const GPtrArray *strings)
{
    if (strings == NULL || strings->len == 0)
        return;
    obj_key(obj, key);
    append_strings(obj->out, strings);
}

static void
obj_days(Obj *obj, const char *key, const RotapDaysSpec *days)
{
    obj_key(obj, key);
    if (days->kind == ROTA_DAYS_DATES)
        append_strings(obj->out, days->dates);
    else
        rotap_json_append_string(obj->out, rotap_days_name(days->kind));
}

/* Six decimals (about 0.1 m), without trailing zeros. */
void
rotap_append_coordinate(GString *out, double value)
{
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    gsize n;

    g_ascii_formatd(buffer, sizeof buffer, "%.6f", value);
    n = strlen(buffer);
    while (n > 0 && buffer[n - 1] == '0')
        n--;
    if (n > 0 && buffer[n - 1] == '.')
        n--;
    if (n == 2 && strncmp(buffer, "-0", 2) == 0) {
        buffer[0] = '0';
        n = 1;
    }
    g_string_append_len(out, buffer, (gssize)n);
}

static void
write_limits(GString *out, const RotapLimitsSpec *limits)
{
    Obj obj;

    obj_begin(&obj, out);
    if (rotap_spec_len(limits->max_shifts) > 0) {
        Obj counts;

        obj_key(&obj, "max_shifts");
        obj_begin(&counts, out);
        for (guint i = 0; i < rotap_spec_len(limits->max_shifts); i++) {
            const RotapShiftCountSpec *count =
                &g_array_index(limits->max_shifts, RotapShiftCountSpec, i);

            obj_int(&counts, count->shift, count->count);
        }
        obj_end(&counts);
    }
    for (int l = 0; l < ROTA_N_LIMITS; l++) {
        if (limits->set & (1u << l))
            obj_int(&obj, rotap_limit_name((RotaLimit)l), limits->values[l]);
    }
    obj_end(&obj);
}

static gboolean
limits_given(const RotapLimitsSpec *limits)
{
    return limits->set != 0 || rotap_spec_len(limits->max_shifts) > 0;
}

/* The form the author used, unless the values no longer fit it. */
static void
write_off(GString *out, const RotapOffSpec *off)
{
    gboolean one_day = off->to == NULL || g_strcmp0(off->from, off->to) == 0;
    Obj obj;

    if (one_day && off->form == ROTAP_OFF_FORM_DATE && off->shift == NULL) {
        rotap_json_append_string(out, off->from != NULL ? off->from : "");
        return;
    }
    obj_begin(&obj, out);
    if (one_day && off->form != ROTAP_OFF_FORM_RANGE) {
        obj_string(&obj, "date", off->from);
    } else {
        obj_string(&obj, "from", off->from);
        obj_string(&obj, "to", off->to);
    }
    obj_string(&obj, "shift", off->shift);
    obj_end(&obj);
}

static void
write_requests(Obj *parent, const GArray *requests)
{
    obj_key(parent, "requests");
    g_string_append_c(parent->out, '[');
    for (guint i = 0; i < requests->len; i++) {
        const RotapRequestSpec *request = &g_array_index(requests, RotapRequestSpec, i);
        Obj obj;

        if (i > 0)
            g_string_append(parent->out, ", ");
        obj_begin(&obj, parent->out);
        obj_string(&obj, "date", request->date);
        obj_string(&obj, "shift", request->shift);
        if (request->has_on) {
            obj_key(&obj, "on");
            g_string_append(obj.out, request->on ? "true" : "false");
        }
        if (request->has_weight)
            obj_int(&obj, "weight", request->weight);
        obj_end(&obj);
    }
    g_string_append_c(parent->out, ']');
}

static void
write_person(GString *out, const RotapPersonSpec *person)
{
    Obj obj;

    obj_begin(&obj, out);
    obj_string(&obj, "id", person->id);
    obj_string(&obj, "name", person->name);
    obj_string(&obj, "unit", person->unit);
    obj_strings(&obj, "tags", person->tags);
    obj_string(&obj, "community", person->community);
    obj_string(&obj, "phone", person->phone);
    if (person->phone_public) {
        obj_key(&obj, "phone_public");
        g_string_append(out, "true");
    }
    if (limits_given(&person->limits)) {
        obj_key(&obj, "limits");
        write_limits(out, &person->limits);
    }
    if (rotap_spec_len(person->off) > 0) {
        obj_key(&obj, "off");
        g_string_append_c(out, '[');
        for (guint i = 0; i < rotap_spec_len(person->off); i++) {
            if (i > 0)
                g_string_append(out, ", ");
            write_off(out, &g_array_index(person->off, RotapOffSpec, i));
        }
        g_string_append_c(out, ']');
    }
    if (rotap_spec_len(person->requests) > 0)
        write_requests(&obj, person->requests);
    obj_end(&obj);
}

static void
write_duty_who(Obj *parent, const RotapDutySpec *duty)
{
    Obj who;

    if (!duty->has_who)
        return;
    obj_key(parent, "who");
    obj_begin(&who, parent->out);
    obj_strings(&who, "tags", duty->who_tags);
    obj_strings(&who, "units", duty->who_units);
    obj_end(&who);
}

static void
write_duty(GString *out, const RotapDutySpec *duty)
{
    Obj obj;

    obj_begin(&obj, out);
    obj_string(&obj, "id", duty->id);
    obj_string(&obj, "name", duty->name);
    obj_string(&obj, "shift", duty->shift);
    obj_days(&obj, "days", &duty->days);
    obj_key(&obj, "segments");
    if (duty->segments == NULL)
        rotap_json_append_string(out, "*");
    else
        append_strings(out, duty->segments);
    if (duty->has_min)
        obj_int(&obj, "min", duty->min);
    if (duty->has_max)
        obj_int(&obj, "max", duty->max);
    if (duty->has_under)
        obj_int(&obj, "under", duty->under);
    if (duty->has_over)
        obj_int(&obj, "over", duty->over);
    if (duty->quotas->len > 0) {
        Obj quota;

        obj_key(&obj, "quota");
        obj_begin(&quota, out);
        for (guint i = 0; i < duty->quotas->len; i++) {
            const RotapQuotaSpec *entry = &g_array_index(duty->quotas, RotapQuotaSpec, i);

            obj_int(&quota, entry->tag, entry->count);
        }
        obj_end(&quota);
    }
    write_duty_who(&obj, duty);
    if (duty->not_owner) {
        obj_key(&obj, "not_owner");
        g_string_append(out, "true");
    }
    if (duty->per_week)
        obj_string(&obj, "per", "week");
    obj_end(&obj);
}

static void
write_shift(GString *out, gconstpointer record)
{
    const RotapShiftSpec *shift = record;
    Obj obj;

    obj_begin(&obj, out);
    obj_string(&obj, "id", shift->id);
    obj_string(&obj, "name", shift->name);
    obj_string(&obj, "start", shift->start);
    obj_string(&obj, "end", shift->end);
    obj_end(&obj);
}

static void
write_forbid(GString *out, gconstpointer record)
{
    const RotapForbidSpec *forbid = record;
    Obj obj;

    obj_begin(&obj, out);
    obj_string(&obj, "after", forbid->after);
    obj_string(&obj, "next_day", forbid->next_day);
    obj_end(&obj);
}

static void
write_segment(GString *out, gconstpointer record)
{
    const RotapSegmentSpec *segment = record;
    Obj obj;

    obj_begin(&obj, out);
    obj_string(&obj, "id", segment->id);
    obj_string(&obj, "name", segment->name);
    obj_string(&obj, "kind", segment->kind);
    obj_string(&obj, "grid", segment->grid);
    obj_string(&obj, "chief", segment->chief);
    obj_string(&obj, "location", segment->location);
    if (segment->has_geo) {
        obj_key(&obj, "geo");
        g_string_append_c(out, '[');
        rotap_append_coordinate(out, segment->lat);
        g_string_append(out, ", ");
        rotap_append_coordinate(out, segment->lon);
        g_string_append_c(out, ']');
    }
    obj_end(&obj);
}

static void
write_unit(GString *out, gconstpointer record)
{
    const RotapUnitSpec *unit = record;
    Obj obj;

    obj_begin(&obj, out);
    obj_string(&obj, "id", unit->id);
    obj_string(&obj, "name", unit->name);
    obj_string(&obj, "head", unit->head);
    obj_strings(&obj, "deputies", unit->deputies);
    obj_strings(&obj, "segments", unit->segments);
    obj_end(&obj);
}

static void
write_person_record(GString *out, gconstpointer record)
{
    write_person(out, record);
}

static void
write_duty_record(GString *out, gconstpointer record)
{
    write_duty(out, record);
}

/* Opens a top-level member: every member but the first ends the line of
 * the one before it. */
static void
top_key(GString *out, const char *key)
{
    if (out->len > 2)
        g_string_append(out, ",\n");
    g_string_append(out, "  ");
    rotap_json_append_string(out, key);
    g_string_append(out, ": ");
}

static void
write_records(GString *out, const char *key, const GArray *records,
              void (*write)(GString *out, gconstpointer record))
{
    top_key(out, key);
    if (records->len == 0) {
        g_string_append(out, "[]");
        return;
    }
    g_string_append_c(out, '[');
    for (guint i = 0; i < records->len; i++) {
        g_string_append(out, i > 0 ? ",\n    " : "\n    ");
        write(out,
              records->data + (gsize)i * g_array_get_element_size((GArray *)records));
    }
    g_string_append(out, "\n  ]");
}

/* Each rule on its own line, as a compact object. */
static void
write_rules(GString *out, const RotapSpec *spec)
{
    const char *separator = "\n    ";

    if (!spec->has_onsite && !spec->has_rules_limits && spec->weights_set == 0 &&
        !rotap_spec_has_record_rules(spec))
        return;
    top_key(out, "rules");
    g_string_append_c(out, '{');
    if (spec->has_onsite) {
        Obj onsite;

        g_string_append_printf(out, "%s\"onsite\": ", separator);
        obj_begin(&onsite, out);
        obj_string(&onsite, "shift", spec->onsite_shift);
        obj_days(&onsite, "days", &spec->onsite_days);
        obj_end(&onsite);
        separator = ",\n    ";
    }
    if (spec->has_rules_limits) {
        g_string_append_printf(out, "%s\"limits\": ", separator);
        write_limits(out, &spec->limits);
        separator = ",\n    ";
    }
    if (spec->weights_set != 0) {
        Obj weights;

        g_string_append_printf(out, "%s\"weights\": ", separator);
        obj_begin(&weights, out);
        for (int w = 0; w < ROTA_N_WEIGHTS; w++) {
            if (spec->weights_set & (1u << w))
                obj_int(&weights, rotap_weight_name((RotaWeight)w), spec->weights[w]);
        }
        obj_end(&weights);
        separator = ",\n    ";
    }
    rotap_write_record_rules(out, spec, &separator);
    g_string_append(out, "\n  }");
}

static void
write_header(GString *out, const RotapSpec *spec)
{
    top_key(out, "format");
    rotap_json_append_string(out, "rota-model");
    top_key(out, "version");
    g_string_append(out, "1");
    if (spec->name != NULL) {
        top_key(out, "name");
        rotap_json_append_string(out, spec->name);
    }
    if (spec->has_contact) {
        Obj contact;

        top_key(out, "contact");
        obj_begin(&contact, out);
        obj_string(&contact, "hotline", spec->contact_hotline);
        obj_string(&contact, "office", spec->contact_office);
        obj_end(&contact);
    }
    if (spec->timezone != NULL) {
        top_key(out, "timezone");
        rotap_json_append_string(out, spec->timezone);
    }
    if (spec->start != NULL) {
        top_key(out, "start");
        rotap_json_append_string(out, spec->start);
    }
    top_key(out, "days");
    g_string_append_printf(out, "%d", spec->days);
    if (spec->has_calendar) {
        Obj calendar;

        top_key(out, "calendar");
        obj_begin(&calendar, out);
        obj_key(&calendar, "holidays");
        append_strings(out, spec->holidays);
        obj_key(&calendar, "workdays");
        append_strings(out, spec->workdays);
        obj_end(&calendar);
    }
}

/**
 * rota_model_to_data:
 * @model: a model
 * @length: (out) (optional): return location for the length of the text
 *
 * Writes @model as model.json text (format `rota-model`, version 1) in a
 * fixed layout: one top-level key per line and one line per shift,
 * segment, unit, person and duty.  The text states the model as its author
 * gave it (a file's optional keys stay omitted), so that reading it back
 * gives the same model and writing that again gives the same bytes.
 *
 * Returns: (transfer full): UTF-8 text ending in a newline, to be freed
 *   with g_free().
 * Since: 0.1
 */
char *
rota_model_to_data(const RotaModel *model, gsize *length)
{
    g_return_val_if_fail(model != NULL && model->spec != NULL, NULL);
    return rotap_spec_to_data(model->spec, length);
}

/* rota_model_to_data() of a spec that need not be valid (rota export
 * sheets writes a base model without its lists). */
char *
rotap_spec_to_data(const RotapSpec *spec, gsize *length)
{
    GString *out = g_string_new("{\n");

    write_header(out, spec);
    write_records(out, "shifts", spec->shifts, write_shift);
    if (spec->forbid->len > 0)
        write_records(out, "forbid", spec->forbid, write_forbid);
    write_records(out, "segments", spec->segments, write_segment);
    write_records(out, "units", spec->units, write_unit);
    write_records(out, "people", spec->people, write_person_record);
    write_records(out, "duties", spec->duties, write_duty_record);
    write_rules(out, spec);
    g_string_append(out, "\n}\n");
    if (length != NULL)
        *length = out->len;
    return g_string_free(out, FALSE);
}

/**
 * rota_model_save:
 * @model: a model
 * @path: the file to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes rota_model_to_data() to @path atomically: a temporary file in the
 * same directory is renamed over @path, so that @path holds either its old
 * content or the complete new model, never a part.
 *
 * Returns: %TRUE on success; on failure (ROTA_ERROR_IO) @path is untouched.
 * Since: 0.1
 */
gboolean
rota_model_save(const RotaModel *model, const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;

    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(path != NULL, FALSE);
    data = rota_model_to_data(model, &length);
    return rotap_write_file_atomic(path, data, length, error);
}
