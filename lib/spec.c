/* SPDX-License-Identifier: MIT */
/* spec.c: the uncompiled model (RotapSpec): allocation, release and key names. */
#include "config.h"

#include "spec-private.h"

/*
 * Every array of a new spec or element exists (possibly empty), so that
 * readers and the compiler never test for NULL; the only NULL arrays are
 * those whose absence means something (a duty's segments: "*").
 */

static GPtrArray *
string_array_new(void)
{
    return g_ptr_array_new_with_free_func(g_free);
}

static void
days_spec_init(RotapDaysSpec *days)
{
    days->kind = ROTA_DAYS_ALL;
    days->dates = string_array_new();
}

static GArray *
record_array_new(guint element_size, GDestroyNotify clear)
{
    GArray *array = g_array_new(FALSE, TRUE, element_size);

    g_array_set_clear_func(array, clear);
    return array;
}

static void
shift_count_clear(gpointer data)
{
    RotapShiftCountSpec *count = data;

    g_free(count->shift);
}

GArray *
rotap_spec_max_shifts(RotapLimitsSpec *limits)
{
    if (limits->max_shifts == NULL)
        limits->max_shifts =
            record_array_new(sizeof(RotapShiftCountSpec), shift_count_clear);
    return limits->max_shifts;
}

static void
limits_spec_clear(RotapLimitsSpec *limits)
{
    g_clear_pointer(&limits->max_shifts, g_array_unref);
}

static void
shift_spec_clear(gpointer data)
{
    RotapShiftSpec *shift = data;

    g_free(shift->id);
    g_free(shift->name);
    g_free(shift->start);
    g_free(shift->end);
}

static void
forbid_spec_clear(gpointer data)
{
    RotapForbidSpec *forbid = data;

    g_free(forbid->after);
    g_free(forbid->next_day);
}

static void
segment_spec_clear(gpointer data)
{
    RotapSegmentSpec *segment = data;

    g_free(segment->id);
    g_free(segment->name);
    g_free(segment->kind);
    g_free(segment->grid);
    g_free(segment->chief);
    g_free(segment->location);
}

static void
unit_spec_clear(gpointer data)
{
    RotapUnitSpec *unit = data;

    g_free(unit->id);
    g_free(unit->name);
    g_free(unit->head);
    g_clear_pointer(&unit->deputies, g_ptr_array_unref);
    g_clear_pointer(&unit->segments, g_ptr_array_unref);
}

static void
off_spec_clear(gpointer data)
{
    RotapOffSpec *off = data;

    g_free(off->from);
    g_free(off->to);
    g_free(off->shift);
}

static void
request_spec_clear(gpointer data)
{
    RotapRequestSpec *request = data;

    g_free(request->date);
    g_free(request->shift);
}

static void
person_spec_clear(gpointer data)
{
    RotapPersonSpec *person = data;

    g_free(person->id);
    g_free(person->name);
    g_free(person->phone);
    g_free(person->unit);
    g_free(person->community);
    g_clear_pointer(&person->tags, g_ptr_array_unref);
    limits_spec_clear(&person->limits);
    g_clear_pointer(&person->off, g_array_unref);
    g_clear_pointer(&person->requests, g_array_unref);
}

static void
quota_spec_clear(gpointer data)
{
    RotapQuotaSpec *quota = data;

    g_free(quota->tag);
}

static void
duty_spec_clear(gpointer data)
{
    RotapDutySpec *duty = data;

    g_free(duty->id);
    g_free(duty->name);
    g_free(duty->shift);
    g_clear_pointer(&duty->days.dates, g_ptr_array_unref);
    g_clear_pointer(&duty->segments, g_ptr_array_unref);
    g_clear_pointer(&duty->quotas, g_array_unref);
    g_clear_pointer(&duty->who_tags, g_ptr_array_unref);
    g_clear_pointer(&duty->who_units, g_ptr_array_unref);
}

RotapSpec *
rotap_spec_new(void)
{
    RotapSpec *spec = g_new0(RotapSpec, 1);

    spec->holidays = string_array_new();
    spec->workdays = string_array_new();
    spec->shifts = record_array_new(sizeof(RotapShiftSpec), shift_spec_clear);
    spec->forbid = record_array_new(sizeof(RotapForbidSpec), forbid_spec_clear);
    spec->segments = record_array_new(sizeof(RotapSegmentSpec), segment_spec_clear);
    spec->units = record_array_new(sizeof(RotapUnitSpec), unit_spec_clear);
    spec->people = record_array_new(sizeof(RotapPersonSpec), person_spec_clear);
    spec->duties = record_array_new(sizeof(RotapDutySpec), duty_spec_clear);
    days_spec_init(&spec->onsite_days);
    return spec;
}

void
rotap_spec_free(RotapSpec *spec)
{
    if (spec == NULL)
        return;
    g_free(spec->name);
    g_free(spec->contact_hotline);
    g_free(spec->contact_office);
    g_free(spec->timezone);
    g_free(spec->start);
    g_ptr_array_unref(spec->holidays);
    g_ptr_array_unref(spec->workdays);
    g_array_unref(spec->shifts);
    g_array_unref(spec->forbid);
    g_array_unref(spec->segments);
    g_array_unref(spec->units);
    g_array_unref(spec->people);
    g_array_unref(spec->duties);
    g_free(spec->onsite_shift);
    g_ptr_array_unref(spec->onsite_days.dates);
    limits_spec_clear(&spec->limits);
    if (spec->deadlines != NULL)
        g_array_unref(spec->deadlines);
    g_free(spec);
}

/* Append a zeroed element and return it; valid until the next append. */
static gpointer
append_zeroed(GArray *array)
{
    g_array_set_size(array, array->len + 1);
    return array->data + (gsize)(array->len - 1) * g_array_get_element_size(array);
}

RotapShiftSpec *
rotap_spec_add_shift(RotapSpec *spec)
{
    return append_zeroed(spec->shifts);
}

RotapForbidSpec *
rotap_spec_add_forbid(RotapSpec *spec)
{
    return append_zeroed(spec->forbid);
}

RotapSegmentSpec *
rotap_spec_add_segment(RotapSpec *spec)
{
    return append_zeroed(spec->segments);
}

RotapUnitSpec *
rotap_spec_add_unit(RotapSpec *spec)
{
    RotapUnitSpec *unit = append_zeroed(spec->units);

    unit->deputies = string_array_new();
    unit->segments = string_array_new();
    return unit;
}

RotapPersonSpec *
rotap_spec_add_person(RotapSpec *spec)
{
    RotapPersonSpec *person = append_zeroed(spec->people);

    person->tags = string_array_new();
    return person;
}

GArray *
rotap_spec_person_off(RotapPersonSpec *person)
{
    if (person->off == NULL)
        person->off = record_array_new(sizeof(RotapOffSpec), off_spec_clear);
    return person->off;
}

GArray *
rotap_spec_person_requests(RotapPersonSpec *person)
{
    if (person->requests == NULL)
        person->requests = record_array_new(sizeof(RotapRequestSpec), request_spec_clear);
    return person->requests;
}

RotapDutySpec *
rotap_spec_add_duty(RotapSpec *spec)
{
    RotapDutySpec *duty = append_zeroed(spec->duties);

    days_spec_init(&duty->days);
    duty->quotas = record_array_new(sizeof(RotapQuotaSpec), quota_spec_clear);
    duty->who_tags = string_array_new();
    duty->who_units = string_array_new();
    return duty;
}

static const char *const limit_names[ROTA_N_LIMITS] = {
    "min_minutes",      "max_minutes",     "max_shifts_week",
    "max_minutes_week", "min_consecutive", "max_consecutive",
    "min_days_off",     "max_weekends",    "min_rest_minutes",
};

static const char *const weight_names[ROTA_N_WEIGHTS] = {
    "uncovered", "over", "quota", "deputy_onsite", "request", "fairness", "change",
};

/* The defaults of docs/model-json.md, "weights". */
static const int weight_defaults[ROTA_N_WEIGHTS] = {1000, 0, 500, 50, 1, 5, 20};

const char *
rotap_limit_name(RotaLimit limit)
{
    g_return_val_if_fail(limit >= 0 && limit < ROTA_N_LIMITS, NULL);
    return limit_names[limit];
}

const char *
rotap_weight_name(RotaWeight weight)
{
    g_return_val_if_fail(weight >= 0 && weight < ROTA_N_WEIGHTS, NULL);
    return weight_names[weight];
}

int
rotap_weight_default(RotaWeight weight)
{
    g_return_val_if_fail(weight >= 0 && weight < ROTA_N_WEIGHTS, 0);
    return weight_defaults[weight];
}

const char *
rotap_days_name(RotaDays days)
{
    switch (days) {
    case ROTA_DAYS_ALL:
        return "all";
    case ROTA_DAYS_WORKDAYS:
        return "workdays";
    case ROTA_DAYS_RESTDAYS:
        return "restdays";
    case ROTA_DAYS_WEEKENDS:
        return "weekends";
    case ROTA_DAYS_DATES:
    default:
        return NULL;
    }
}
