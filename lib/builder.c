/* SPDX-License-Identifier: MIT */
/* builder.c: build a model in code: lifetime, horizon, shifts, sites and rules. */
#include "config.h"

#include "i18n-private.h"
#include "builder-private.h"
#include "util-private.h"

/*
 * The builder records a RotapSpec exactly as the JSON reader would fill
 * it from an equivalent model.json, so that both paths meet the same
 * validation with the same messages, and a built model saves to a file
 * that loads back into the same model.
 */

static void
builder_reset(RotaBuilder *builder, const char *name, const char *start, int n_days)
{
    g_clear_pointer(&builder->misuse, g_free);
    builder->n_misuses = 0;
    rotap_spec_free(builder->spec);
    builder->spec = rotap_spec_new();
    builder->spec->name = g_strdup(name);
    builder->spec->start = g_strdup(start);
    builder->spec->days = n_days;
}

/**
 * rota_builder_new:
 * @name: the model's name
 * @start_date: the first day of the horizon, "YYYY-MM-DD"
 * @n_days: the number of days of the horizon, 1 to 3660
 *
 * Starts an empty model.  Nothing is checked until
 * rota_builder_steal_model().
 *
 * Returns: (transfer full): a new builder; free with rota_builder_free().
 * Since: 0.1
 */
RotaBuilder *
rota_builder_new(const char *name, const char *start_date, int n_days)
{
    RotaBuilder *builder = g_new0(RotaBuilder, 1);

    builder_reset(builder, name, start_date, n_days);
    return builder;
}

/**
 * rota_builder_free:
 * @builder: (nullable): a builder
 *
 * Frees the builder and whatever it recorded.  Accepts NULL.
 *
 * Since: 0.1
 */
void
rota_builder_free(RotaBuilder *builder)
{
    if (builder == NULL)
        return;
    if (!rotap_extra_unref(&builder->extra_refs))
        return;
    rotap_spec_free(builder->spec);
    g_free(builder->misuse);
    g_free(builder);
}

/* The copy function of the boxed type: one more reference. */
static RotaBuilder *
box_builder_ref(RotaBuilder *builder)
{
    rotap_extra_ref(&builder->extra_refs);
    return builder;
}

G_DEFINE_BOXED_TYPE(RotaBuilder, rota_builder, box_builder_ref, rota_builder_free)

static void
record_misuse(RotaBuilder *builder, char *message)
{
    if (builder->misuse == NULL)
        builder->misuse = message;
    else
        g_free(message);
    builder->n_misuses++;
}

gboolean
rotap_builder_check_index(RotaBuilder *builder, const char *function, const char *what,
                          guint count, int index)
{
    if (index >= 0 && (guint)index < count)
        return TRUE;
    record_misuse(builder, g_strdup_printf("%s: index %d is out of range (%u %s added)",
                                           function, index, count, what));
    return FALSE;
}

gboolean
rotap_builder_check_enum(RotaBuilder *builder, const char *function, const char *what,
                         int value, int count)
{
    if (value >= 0 && value < count)
        return TRUE;
    record_misuse(builder, g_strdup_printf("%s: unknown %s %d (expected 0 to %d)",
                                           function, what, value, count - 1));
    return FALSE;
}

/**
 * rota_builder_steal_model:
 * @builder: a builder
 * @error: return location for a #GError, or NULL
 *
 * Validates and compiles what was recorded, with the rules and messages of
 * the model.json loader: on failure @error is ROTA_ERROR_INVALID with a
 * message "PATH: what is wrong", PATH being the JSON path the value would
 * have in model.json (e.g. "people[3].unit").  A setter that was given
 * an index no add function returned, or a limit or weight out of range,
 * makes this fail too (since 0.2), with ROTA_ERROR_INVALID and a message
 * naming the first such call, e.g. "rota_builder_set_duty_min: index 5
 * is out of range (2 duties added)".  Either way the builder is left
 * empty, keeping only the name, start date and day count it was created
 * with, so it can build another model.
 *
 * Returns: (transfer full) (nullable): the model, or NULL on error.
 * Since: 0.1
 */
RotaModel *
rota_builder_steal_model(RotaBuilder *builder, GError **error)
{
    RotapSpec *spec;

    g_return_val_if_fail(builder != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    if (builder->misuse != NULL) {
        if (builder->n_misuses > 1)
            g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                        _("%s (and %d more bad calls)"), builder->misuse,
                        builder->n_misuses - 1);
        else
            g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_INVALID, builder->misuse);
        spec = g_steal_pointer(&builder->spec);
        builder_reset(builder, spec->name, spec->start, spec->days);
        rotap_spec_free(spec);
        return NULL;
    }
    spec = g_steal_pointer(&builder->spec);
    builder_reset(builder, spec->name, spec->start, spec->days);
    return rotap_model_compile(spec, error);
}

/**
 * rota_builder_set_timezone:
 * @builder: a builder
 * @timezone: an IANA time zone name such as "Asia/Shanghai"
 *
 * Sets the zone of the model's local times (default "Asia/Shanghai").
 *
 * Since: 0.1
 */
void
rota_builder_set_timezone(RotaBuilder *builder, const char *timezone)
{
    g_return_if_fail(builder != NULL);
    g_free(builder->spec->timezone);
    builder->spec->timezone = g_strdup(timezone);
}

/**
 * rota_builder_set_contact:
 * @builder: a builder
 * @hotline: (nullable): the supervision hotline, e.g. "12345"
 * @office: (nullable): the coordinating office, as free text (name, phone)
 *
 * Sets model.json's "contact", printed on road-chief signs.  Both %NULL
 * removes it.
 *
 * Since: 0.2
 */
void
rota_builder_set_contact(RotaBuilder *builder, const char *hotline, const char *office)
{
    g_return_if_fail(builder != NULL);
    g_free(builder->spec->contact_hotline);
    g_free(builder->spec->contact_office);
    builder->spec->contact_hotline = g_strdup(hotline);
    builder->spec->contact_office = g_strdup(office);
    builder->spec->has_contact = hotline != NULL || office != NULL;
}

/**
 * rota_builder_add_holiday:
 * @builder: a builder
 * @date: a rest day, "YYYY-MM-DD" (may lie outside the horizon)
 *
 * Adds a holiday to the calendar ("calendar.holidays").
 *
 * Since: 0.1
 */
void
rota_builder_add_holiday(RotaBuilder *builder, const char *date)
{
    g_return_if_fail(builder != NULL);
    builder->spec->has_calendar = TRUE;
    g_ptr_array_add(builder->spec->holidays, g_strdup(date));
}

/**
 * rota_builder_add_workday:
 * @builder: a builder
 * @date: a make-up working day, "YYYY-MM-DD" (may lie outside the horizon)
 *
 * Adds a make-up working day to the calendar ("calendar.workdays").
 *
 * Since: 0.1
 */
void
rota_builder_add_workday(RotaBuilder *builder, const char *date)
{
    g_return_if_fail(builder != NULL);
    builder->spec->has_calendar = TRUE;
    g_ptr_array_add(builder->spec->workdays, g_strdup(date));
}

/**
 * rota_builder_add_shift:
 * @builder: a builder
 * @id: the shift's id
 * @name: (nullable): its name
 * @start: its start, "HH:MM"
 * @end: its end, "HH:MM" or "24:00"; an end before the start passes
 *   midnight
 *
 * Adds a shift ("shifts" in model.json): a named stretch of the day that
 * duties and the on-site hour are worked in.  Shift ids must be unique and
 * a model has at most 64 shifts; the times must be valid and the end may
 * not equal the start.  All of this is checked by
 * rota_builder_steal_model().
 *
 * Returns: the new shift's index.
 * Since: 0.1
 */
int
rota_builder_add_shift(RotaBuilder *builder, const char *id, const char *name,
                       const char *start, const char *end)
{
    RotapShiftSpec *shift;

    g_return_val_if_fail(builder != NULL, -1);
    shift = rotap_spec_add_shift(builder->spec);
    shift->id = g_strdup(id);
    shift->name = g_strdup(name);
    shift->start = g_strdup(start);
    shift->end = g_strdup(end);
    return (int)builder->spec->shifts->len - 1;
}

/**
 * rota_builder_forbid_succession:
 * @builder: a builder
 * @after: a shift id
 * @next_day: a shift id
 *
 * Forbids shift @next_day on the day after shift @after.
 *
 * Since: 0.1
 */
void
rota_builder_forbid_succession(RotaBuilder *builder, const char *after,
                               const char *next_day)
{
    RotapForbidSpec *forbid;

    g_return_if_fail(builder != NULL);
    forbid = rotap_spec_add_forbid(builder->spec);
    forbid->after = g_strdup(after);
    forbid->next_day = g_strdup(next_day);
}

/**
 * rota_builder_add_segment:
 * @builder: a builder
 * @id: the segment's id
 * @name: (nullable): its name
 *
 * Adds a responsibility segment (a road section or a compound).
 *
 * Returns: the new segment's index.
 * Since: 0.1
 */
int
rota_builder_add_segment(RotaBuilder *builder, const char *id, const char *name)
{
    RotapSegmentSpec *segment;

    g_return_val_if_fail(builder != NULL, -1);
    segment = rotap_spec_add_segment(builder->spec);
    segment->id = g_strdup(id);
    segment->name = g_strdup(name);
    return (int)builder->spec->segments->len - 1;
}

static RotapSegmentSpec *
segment_at(RotaBuilder *builder, int segment)
{
    return &g_array_index(builder->spec->segments, RotapSegmentSpec, segment);
}

/**
 * rota_builder_set_segment_kind:
 * @builder: a builder
 * @segment: a segment index
 * @kind: "road" (the default) or "compound"
 *
 * Sets what kind of site the segment is ("kind" in model.json); any other
 * value makes rota_builder_steal_model() fail.  Calling it again replaces
 * the kind.
 *
 * Since: 0.1
 */
void
rota_builder_set_segment_kind(RotaBuilder *builder, int segment, const char *kind)
{
    RETURN_IF_BAD(builder, segments, segment);
    g_free(segment_at(builder, segment)->kind);
    segment_at(builder, segment)->kind = g_strdup(kind);
}

/**
 * rota_builder_set_segment_grid:
 * @builder: a builder
 * @segment: a segment index
 * @grid: (nullable): the management grid the segment lies in
 *
 * Sets the management grid (网格) the segment belongs to ("grid" in
 * model.json); the public pages group segments by grid.  %NULL removes it.
 *
 * Since: 0.1
 */
void
rota_builder_set_segment_grid(RotaBuilder *builder, int segment, const char *grid)
{
    RETURN_IF_BAD(builder, segments, segment);
    g_free(segment_at(builder, segment)->grid);
    segment_at(builder, segment)->grid = g_strdup(grid);
}

/**
 * rota_builder_set_segment_chief:
 * @builder: a builder
 * @segment: a segment index
 * @person: (nullable): the person id of the segment's road chief
 *
 * Names the segment's road chief (路长, "chief" in model.json), shown on the
 * segment's public sign.  The person need not be added yet;
 * rota_builder_steal_model() fails when no person has that id.  %NULL
 * removes it.
 *
 * Since: 0.1
 */
void
rota_builder_set_segment_chief(RotaBuilder *builder, int segment, const char *person)
{
    RETURN_IF_BAD(builder, segments, segment);
    g_free(segment_at(builder, segment)->chief);
    segment_at(builder, segment)->chief = g_strdup(person);
}

/**
 * rota_builder_set_segment_location:
 * @builder: a builder
 * @segment: a segment index
 * @location: (nullable): where to meet, as free text
 *
 * Sets where the people on duty at the segment meet ("location" in
 * model.json, such as "人民路东风街口"), shown in feeds and on the sign.  %NULL
 * removes it.
 *
 * Since: 0.1
 */
void
rota_builder_set_segment_location(RotaBuilder *builder, int segment, const char *location)
{
    RETURN_IF_BAD(builder, segments, segment);
    g_free(segment_at(builder, segment)->location);
    segment_at(builder, segment)->location = g_strdup(location);
}

/**
 * rota_builder_set_segment_geo:
 * @builder: a builder
 * @segment: a segment index
 * @lat: latitude in degrees, -90 to 90
 * @lon: longitude in degrees, -180 to 180
 *
 * Sets the segment's position ("geo" in model.json, [lat, lon]), for maps.
 * Values out of range make rota_builder_steal_model() fail.
 *
 * Since: 0.1
 */
void
rota_builder_set_segment_geo(RotaBuilder *builder, int segment, double lat, double lon)
{
    RETURN_IF_BAD(builder, segments, segment);
    segment_at(builder, segment)->has_geo = TRUE;
    segment_at(builder, segment)->lat = lat;
    segment_at(builder, segment)->lon = lon;
}

/**
 * rota_builder_add_unit:
 * @builder: a builder
 * @id: the unit's id
 * @name: (nullable): its name
 * @head: (nullable): the person id of its head (without one, the unit's
 *   on-site hour falls to its deputies)
 *
 * Adds a unit ("units" in model.json): a department that adopts segments
 * (rota_builder_add_unit_segment()), whose members serve there, and whose
 * head or a deputy does the daily on-site hour.  Unit ids must be unique;
 * the head is a person id, checked when the model is built.
 *
 * Returns: the new unit's index.
 * Since: 0.1
 */
int
rota_builder_add_unit(RotaBuilder *builder, const char *id, const char *name,
                      const char *head)
{
    RotapUnitSpec *unit;

    g_return_val_if_fail(builder != NULL, -1);
    unit = rotap_spec_add_unit(builder->spec);
    unit->id = g_strdup(id);
    unit->name = g_strdup(name);
    unit->head = g_strdup(head);
    return (int)builder->spec->units->len - 1;
}

/**
 * rota_builder_add_unit_deputy:
 * @builder: a builder
 * @unit: a unit index
 * @person: a person id
 *
 * Appends a deputy; deputies stand in for the head in the order added.
 *
 * Since: 0.1
 */
void
rota_builder_add_unit_deputy(RotaBuilder *builder, int unit, const char *person)
{
    RETURN_IF_BAD(builder, units, unit);
    g_ptr_array_add(g_array_index(builder->spec->units, RotapUnitSpec, unit).deputies,
                    g_strdup(person));
}

/**
 * rota_builder_add_unit_segment:
 * @builder: a builder
 * @unit: a unit index
 * @segment: a segment id
 *
 * Records that the unit adopted the segment (a segment has at most one
 * unit).
 *
 * Since: 0.1
 */
void
rota_builder_add_unit_segment(RotaBuilder *builder, int unit, const char *segment)
{
    RETURN_IF_BAD(builder, units, unit);
    g_ptr_array_add(g_array_index(builder->spec->units, RotapUnitSpec, unit).segments,
                    g_strdup(segment));
}

void
rotap_builder_set_shift_count(GArray *counts, const char *shift, int count)
{
    RotapShiftCountSpec added = {NULL, count};

    for (guint i = 0; i < counts->len; i++) {
        RotapShiftCountSpec *entry = &g_array_index(counts, RotapShiftCountSpec, i);

        if (g_strcmp0(entry->shift, shift) == 0) {
            entry->count = count;
            return;
        }
    }
    added.shift = g_strdup(shift);
    g_array_append_val(counts, added);
}

/**
 * rota_builder_set_onsite:
 * @builder: a builder
 * @shift: the shift id of the daily on-site hour
 * @days: the days it is held; with %ROTA_DAYS_DATES, the dates given with
 *   rota_builder_add_onsite_date()
 *
 * Sets the on-site rule ("rules.onsite" in model.json): on each of its
 * days, every unit that adopts a segment needs exactly one on-site
 * assignment, of its head or else a deputy, at one of its segments.
 * Without a call the model has no on-site hour.  Calling it again replaces
 * the shift and the days.
 *
 * Since: 0.1
 */
void
rota_builder_set_onsite(RotaBuilder *builder, const char *shift, RotaDays days)
{
    g_return_if_fail(builder != NULL);
    builder->spec->has_onsite = TRUE;
    g_free(builder->spec->onsite_shift);
    builder->spec->onsite_shift = g_strdup(shift);
    builder->spec->onsite_days.kind = days;
}

/**
 * rota_builder_add_onsite_date:
 * @builder: a builder
 * @date: a date of the horizon, "YYYY-MM-DD"
 *
 * Adds a day of the on-site hour, and makes the on-site days a date list.
 *
 * Since: 0.1
 */
void
rota_builder_add_onsite_date(RotaBuilder *builder, const char *date)
{
    g_return_if_fail(builder != NULL);
    builder->spec->has_onsite = TRUE;
    builder->spec->onsite_days.kind = ROTA_DAYS_DATES;
    g_ptr_array_add(builder->spec->onsite_days.dates, g_strdup(date));
}

/**
 * rota_builder_set_default_limit:
 * @builder: a builder
 * @limit: a limit
 * @value: its value for everyone who does not set it ("rules.limits")
 *
 * Sets a limit for everyone ("rules.limits" in model.json);
 * rota_builder_set_person_limit() overrides it for one person.  A limit set
 * nowhere does not apply.  A @limit out of range is recorded as a bad call
 * and makes rota_builder_steal_model() fail.
 *
 * Since: 0.1
 */
void
rota_builder_set_default_limit(RotaBuilder *builder, RotaLimit limit, int value)
{
    g_return_if_fail(builder != NULL);
    if (!rotap_builder_check_enum(builder, G_STRFUNC, "limit", (int)limit, ROTA_N_LIMITS))
        return;
    builder->spec->has_rules_limits = TRUE;
    builder->spec->limits.set |= 1u << limit;
    builder->spec->limits.values[limit] = value;
}

/**
 * rota_builder_set_default_max_shifts:
 * @builder: a builder
 * @shift: a shift id
 * @count: how many shifts of that kind anyone may do in the horizon,
 *   unless they set their own ("rules.limits.max_shifts")
 *
 * Limits how many shifts of one kind anyone may do over the horizon
 * ("rules.limits.max_shifts" in model.json); 0 forbids the shift.
 * rota_builder_set_person_max_shifts() overrides it shift by shift.
 * Setting the same shift again replaces the count.
 *
 * Since: 0.1
 */
void
rota_builder_set_default_max_shifts(RotaBuilder *builder, const char *shift, int count)
{
    g_return_if_fail(builder != NULL);
    builder->spec->has_rules_limits = TRUE;
    rotap_builder_set_shift_count(rotap_spec_max_shifts(&builder->spec->limits), shift, count);
}

/**
 * rota_builder_set_weight:
 * @builder: a builder
 * @weight: a soft penalty
 * @value: its weight, 0 or more ("rules.weights")
 *
 * Sets the weight of one soft penalty ("rules.weights" in model.json),
 * replacing its default (#RotaWeight lists them); 0 switches the penalty
 * off.  A @weight out of range is recorded as a bad call and makes
 * rota_builder_steal_model() fail.
 *
 * Since: 0.1
 */
void
rota_builder_set_weight(RotaBuilder *builder, RotaWeight weight, int value)
{
    g_return_if_fail(builder != NULL);
    if (!rotap_builder_check_enum(builder, G_STRFUNC, "weight", (int)weight,
                                  ROTA_N_WEIGHTS))
        return;
    builder->spec->weights_set |= 1u << weight;
    builder->spec->weights[weight] = value;
}
