/* SPDX-License-Identifier: MIT */
/* builder-people.c: build a model in code: people and duties. */
#include "config.h"

#include "builder-private.h"

static RotapPersonSpec *
person_at(RotaBuilder *builder, int person)
{
    return &g_array_index(builder->spec->people, RotapPersonSpec, person);
}

static RotapDutySpec *
duty_at(RotaBuilder *builder, int duty)
{
    return &g_array_index(builder->spec->duties, RotapDutySpec, duty);
}

/**
 * rota_builder_add_person:
 * @builder: a builder
 * @id: the person's id
 * @name: (nullable): their name
 * @unit: (nullable): the id of their unit
 *
 * Adds a person who may be rostered ("people" in model.json).  Person ids
 * must be unique; the unit is a unit id, checked when the model is built.
 * People are kept in the order added, the row order of a grid roster.
 *
 * Returns: the new person's index.
 * Since: 0.1
 */
int
rota_builder_add_person(RotaBuilder *builder, const char *id, const char *name,
                        const char *unit)
{
    RotapPersonSpec *person;

    g_return_val_if_fail(builder != NULL, -1);
    person = rotap_spec_add_person(builder->spec);
    person->id = g_strdup(id);
    person->name = g_strdup(name);
    person->unit = g_strdup(unit);
    return (int)builder->spec->people->len - 1;
}

/**
 * rota_builder_add_person_tag:
 * @builder: a builder
 * @person: a person index
 * @tag: a tag such as "party", "volunteer" or "inspector"
 *
 * Adds a tag to the person ("tags" in model.json), for duties' "who"
 * (rota_builder_add_duty_who_tag()) and "quota"
 * (rota_builder_add_duty_quota()).  A tag added twice counts once.
 *
 * Since: 0.1
 */
void
rota_builder_add_person_tag(RotaBuilder *builder, int person, const char *tag)
{
    RETURN_IF_BAD(builder, people, person);
    g_ptr_array_add(person_at(builder, person)->tags, g_strdup(tag));
}

/**
 * rota_builder_set_person_community:
 * @builder: a builder
 * @person: a person index
 * @segment: (nullable): the id of the segment of their home community
 *
 * Sets the person's home community (双报道, "community" in model.json):
 * without a "who", a duty at that segment may take the person, as it takes
 * the members of the owning unit.  %NULL removes it.
 *
 * Since: 0.1
 */
void
rota_builder_set_person_community(RotaBuilder *builder, int person, const char *segment)
{
    RETURN_IF_BAD(builder, people, person);
    g_free(person_at(builder, person)->community);
    person_at(builder, person)->community = g_strdup(segment);
}

/**
 * rota_builder_set_person_phone:
 * @builder: a builder
 * @person: a person index
 * @phone: (nullable): a telephone number as free text, or %NULL for none
 * @phone_public: whether public pages (road-chief signs) may show it
 *
 * Sets model.json's person "phone" and "phone_public".  Only a road chief's
 * or a unit head's public number is ever printed where the public sees it;
 * every other number stays on the coordinators' pages.
 *
 * Since: 0.2
 */
void
rota_builder_set_person_phone(RotaBuilder *builder, int person, const char *phone,
                              gboolean phone_public)
{
    RETURN_IF_BAD(builder, people, person);
    g_free(person_at(builder, person)->phone);
    person_at(builder, person)->phone = g_strdup(phone);
    person_at(builder, person)->phone_public = phone_public;
}

/**
 * rota_builder_set_person_limit:
 * @builder: a builder
 * @person: a person index
 * @limit: a limit
 * @value: its value for this person, over the default of
 *   rota_builder_set_default_limit()
 *
 * Sets one of the person's own limits ("limits" of the person in
 * model.json), overriding the default of rota_builder_set_default_limit()
 * for this limit only.  A @limit out of range is recorded as a bad call and
 * makes rota_builder_steal_model() fail.
 *
 * Since: 0.1
 */
void
rota_builder_set_person_limit(RotaBuilder *builder, int person, RotaLimit limit,
                              int value)
{
    RETURN_IF_BAD(builder, people, person);
    if (!rotap_builder_check_enum(builder, G_STRFUNC, "limit", (int)limit, ROTA_N_LIMITS))
        return;
    person_at(builder, person)->limits.set |= 1u << limit;
    person_at(builder, person)->limits.values[limit] = value;
}

/**
 * rota_builder_set_person_max_shifts:
 * @builder: a builder
 * @person: a person index
 * @shift: a shift id
 * @count: how many shifts of that kind the person may do in the horizon
 *
 * Setting the same shift again replaces the count.
 *
 * Since: 0.1
 */
void
rota_builder_set_person_max_shifts(RotaBuilder *builder, int person, const char *shift,
                                   int count)
{
    RETURN_IF_BAD(builder, people, person);
    rotap_builder_set_shift_count(rotap_spec_max_shifts(&person_at(builder, person)->limits), shift,
                                  count);
}

/**
 * rota_builder_add_person_off:
 * @builder: a builder
 * @person: a person index
 * @from: the first day off, "YYYY-MM-DD"
 * @to: (nullable): the last day off, NULL for one day
 * @shift: (nullable): a shift id to be off for only that shift, or NULL
 *   for whole days
 *
 * Marks days on which the person may not serve (a hard constraint).  The
 * range may reach outside the horizon.  It is recorded in the shortest
 * model.json form that states it: a date, {date, shift} or {from, to,
 * shift}.
 *
 * Since: 0.1
 */
void
rota_builder_add_person_off(RotaBuilder *builder, int person, const char *from,
                            const char *to, const char *shift)
{
    RotapOffSpec off = {ROTAP_OFF_FORM_RANGE, NULL, NULL, NULL};
    gboolean one_day = to == NULL || g_strcmp0(to, from) == 0;

    RETURN_IF_BAD(builder, people, person);
    if (one_day)
        off.form = shift == NULL ? ROTAP_OFF_FORM_DATE : ROTAP_OFF_FORM_DAY;
    off.from = g_strdup(from);
    off.to = g_strdup(one_day ? from : to);
    off.shift = g_strdup(shift);
    g_array_append_val(rotap_spec_person_off(person_at(builder, person)), off);
}

/**
 * rota_builder_add_person_request:
 * @builder: a builder
 * @person: a person index
 * @date: a date of the horizon, "YYYY-MM-DD"
 * @shift: (nullable): a shift id, or NULL for the whole day
 * @on: TRUE to ask for work, FALSE to ask for time off
 * @weight: the penalty when the request is not met, 0 or more
 *
 * Records a wish of the person ("requests" in model.json), a soft rule:
 * with a shift, @on is met when the person works (or does not work) that
 * shift that day; without one, by any duty (or no duty) that day.  On-site
 * hours count as work.  An unmet request costs @weight under the soft name
 * "request".
 *
 * Since: 0.1
 */
void
rota_builder_add_person_request(RotaBuilder *builder, int person, const char *date,
                                const char *shift, gboolean on, int weight)
{
    RotapRequestSpec request = {NULL, NULL, TRUE, on, TRUE, weight};

    RETURN_IF_BAD(builder, people, person);
    request.date = g_strdup(date);
    request.shift = g_strdup(shift);
    g_array_append_val(rotap_spec_person_requests(person_at(builder, person)), request);
}

/**
 * rota_builder_add_duty:
 * @builder: a builder
 * @id: the duty's id (not "onsite")
 * @shift: the id of the shift it is done in
 *
 * Adds a duty that runs every day at every segment and wants nobody until
 * its setters say otherwise.
 *
 * Returns: the new duty's index.
 * Since: 0.1
 */
int
rota_builder_add_duty(RotaBuilder *builder, const char *id, const char *shift)
{
    RotapDutySpec *duty;

    g_return_val_if_fail(builder != NULL, -1);
    duty = rotap_spec_add_duty(builder->spec);
    duty->id = g_strdup(id);
    duty->shift = g_strdup(shift);
    return (int)builder->spec->duties->len - 1;
}

/**
 * rota_builder_set_duty_name:
 * @builder: a builder
 * @duty: a duty index
 * @name: (nullable): its name
 *
 * Sets the name people read for the duty in feeds and reports ("name" in
 * model.json); without one, the duty's id is shown.
 *
 * Since: 0.1
 */
void
rota_builder_set_duty_name(RotaBuilder *builder, int duty, const char *name)
{
    RETURN_IF_BAD(builder, duties, duty);
    g_free(duty_at(builder, duty)->name);
    duty_at(builder, duty)->name = g_strdup(name);
}

/**
 * rota_builder_set_duty_days:
 * @builder: a builder
 * @duty: a duty index
 * @days: the days it runs (default %ROTA_DAYS_ALL); with
 *   %ROTA_DAYS_DATES, the dates of rota_builder_add_duty_date()
 *
 * Sets on which days of the horizon the duty runs ("days" in model.json).
 * Calling rota_builder_add_duty_date() afterwards switches to a date list.
 *
 * Since: 0.1
 */
void
rota_builder_set_duty_days(RotaBuilder *builder, int duty, RotaDays days)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->days.kind = days;
}

/**
 * rota_builder_add_duty_date:
 * @builder: a builder
 * @duty: a duty index
 * @date: a date of the horizon, "YYYY-MM-DD"
 *
 * Adds a day on which the duty runs, and makes its days a date list.
 *
 * Since: 0.1
 */
void
rota_builder_add_duty_date(RotaBuilder *builder, int duty, const char *date)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->days.kind = ROTA_DAYS_DATES;
    g_ptr_array_add(duty_at(builder, duty)->days.dates, g_strdup(date));
}

/**
 * rota_builder_add_duty_segment:
 * @builder: a builder
 * @duty: a duty index
 * @segment: a segment id
 *
 * Restricts the duty to the segments added this way; without any, it runs
 * at every segment ("*").
 *
 * Since: 0.1
 */
void
rota_builder_add_duty_segment(RotaBuilder *builder, int duty, const char *segment)
{
    RotapDutySpec *spec;

    RETURN_IF_BAD(builder, duties, duty);
    spec = duty_at(builder, duty);
    if (spec->segments == NULL)
        spec->segments = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(spec->segments, g_strdup(segment));
}

/**
 * rota_builder_set_duty_min:
 * @builder: a builder
 * @duty: a duty index
 * @min: the places wanted per cell (default 0)
 *
 * Sets how many people each cell of the duty wants ("min" in model.json):
 * per day, or per ISO week for a per-week duty.  Each empty place costs the
 * duty's under weight (soft "uncovered").
 *
 * Since: 0.1
 */
void
rota_builder_set_duty_min(RotaBuilder *builder, int duty, int min)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->has_min = TRUE;
    duty_at(builder, duty)->min = min;
}

/**
 * rota_builder_set_duty_max:
 * @builder: a builder
 * @duty: a duty index
 * @max: the hard cap of people per cell (default: none)
 *
 * Caps the number of people in each cell of the duty ("max" in model.json);
 * more is the hard violation "over_max".  It may not be less than the min,
 * checked when the model is built.
 *
 * Since: 0.1
 */
void
rota_builder_set_duty_max(RotaBuilder *builder, int duty, int max)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->has_max = TRUE;
    duty_at(builder, duty)->max = max;
}

/**
 * rota_builder_set_duty_under:
 * @builder: a builder
 * @duty: a duty index
 * @weight: the penalty per missing place (default: the "uncovered" weight)
 *
 * Sets what each empty place of the duty costs ("under" in model.json),
 * instead of the "uncovered" weight of rota_builder_set_weight(), so that
 * an empty place of this duty costs more (or less) than one of another.
 *
 * Since: 0.1
 */
void
rota_builder_set_duty_under(RotaBuilder *builder, int duty, int weight)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->has_under = TRUE;
    duty_at(builder, duty)->under = weight;
}

/**
 * rota_builder_set_duty_over:
 * @builder: a builder
 * @duty: a duty index
 * @weight: the penalty per place above min (default: the "over" weight)
 *
 * Sets what each person above the duty's min costs ("over" in model.json),
 * instead of the "over" weight of rota_builder_set_weight().
 *
 * Since: 0.1
 */
void
rota_builder_set_duty_over(RotaBuilder *builder, int duty, int weight)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->has_over = TRUE;
    duty_at(builder, duty)->over = weight;
}

/**
 * rota_builder_add_duty_quota:
 * @builder: a builder
 * @duty: a duty index
 * @tag: a tag
 * @count: how many people with @tag each cell wants
 *
 * Setting the same tag again replaces the count.
 *
 * Since: 0.1
 */
void
rota_builder_add_duty_quota(RotaBuilder *builder, int duty, const char *tag, int count)
{
    RotapQuotaSpec quota = {NULL, count};
    GArray *quotas;

    RETURN_IF_BAD(builder, duties, duty);
    quotas = duty_at(builder, duty)->quotas;
    for (guint i = 0; i < quotas->len; i++) {
        if (g_strcmp0(g_array_index(quotas, RotapQuotaSpec, i).tag, tag) == 0) {
            g_array_index(quotas, RotapQuotaSpec, i).count = count;
            return;
        }
    }
    quota.tag = g_strdup(tag);
    g_array_append_val(quotas, quota);
}

/**
 * rota_builder_add_duty_who_tag:
 * @builder: a builder
 * @duty: a duty index
 * @tag: a tag
 *
 * Lets people with @tag serve.  Any "who" entry replaces the default
 * eligibility (the owning unit's members and the segment's community).
 *
 * Since: 0.1
 */
void
rota_builder_add_duty_who_tag(RotaBuilder *builder, int duty, const char *tag)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->has_who = TRUE;
    g_ptr_array_add(duty_at(builder, duty)->who_tags, g_strdup(tag));
}

/**
 * rota_builder_add_duty_who_unit:
 * @builder: a builder
 * @duty: a duty index
 * @unit: a unit id
 *
 * Lets the members of @unit serve (see rota_builder_add_duty_who_tag()).
 *
 * Since: 0.1
 */
void
rota_builder_add_duty_who_unit(RotaBuilder *builder, int duty, const char *unit)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->has_who = TRUE;
    g_ptr_array_add(duty_at(builder, duty)->who_units, g_strdup(unit));
}

/**
 * rota_builder_set_duty_not_owner:
 * @builder: a builder
 * @duty: a duty index
 * @not_owner: TRUE to exclude the members of the unit owning each segment
 *   (inspections)
 *
 * Keeps the unit that owns a segment away from the duty at that segment
 * ("not_owner" in model.json), for inspections: whoever else may serve, the
 * owning unit's members may not.
 *
 * Since: 0.1
 */
void
rota_builder_set_duty_not_owner(RotaBuilder *builder, int duty, gboolean not_owner)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->not_owner = not_owner;
}

/**
 * rota_builder_set_duty_per_week:
 * @builder: a builder
 * @duty: a duty index
 * @per_week: TRUE to count min and max over each ISO week instead of each
 *   day ("per": "week")
 *
 * Sets the window in which the duty's min, max and quotas count ("per" in
 * model.json): each day (the default), or each ISO week, whose places may
 * then be filled on any of the week's due days.
 *
 * Since: 0.1
 */
void
rota_builder_set_duty_per_week(RotaBuilder *builder, int duty, gboolean per_week)
{
    RETURN_IF_BAD(builder, duties, duty);
    duty_at(builder, duty)->per_week = per_week;
}
