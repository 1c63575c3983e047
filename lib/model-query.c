/* SPDX-License-Identifier: MIT */
/* model-query.c: unit, person, duty and cell getters, and the private searches. */
#include "config.h"

#include <string.h>

#include "compile-private.h"

/* ------------------------------------------------------------------ units */

/**
 * rota_model_get_n_units:
 * @model: a model
 *
 * Counts the units (departments that adopt segments and send their
 * members), in the order of "units" in model.json.
 *
 * Returns: the number of units, indexed 0..n-1.
 * Since: 0.1
 */
int
rota_model_get_n_units(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, 0);
    return model->n_units;
}

/**
 * rota_model_get_unit_id:
 * @model: a model
 * @unit: a unit index, 0 .. rota_model_get_n_units() - 1
 *
 * Gives the id of a unit, as model.json names it; ids are unique among
 * units.
 *
 * Returns: (transfer none): the unit's id, valid as long as @model.
 * Since: 0.1
 */
const char *
rota_model_get_unit_id(const RotaModel *model, int unit)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(unit >= 0 && unit < model->n_units, NULL);
    return model->units[unit].id;
}

/**
 * rota_model_get_unit_name:
 * @model: a model
 * @unit: a unit index, 0 .. rota_model_get_n_units() - 1
 *
 * Gives the name of a unit that people read ("县住房和城乡建设局").
 *
 * Returns: (transfer none): the unit's name, or its id when it has none.
 * Since: 0.1
 */
const char *
rota_model_get_unit_name(const RotaModel *model, int unit)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(unit >= 0 && unit < model->n_units, NULL);
    return model->units[unit].name;
}

/**
 * rota_model_get_unit_head:
 * @model: a model
 * @unit: a unit index, 0 .. rota_model_get_n_units() - 1
 *
 * Tells who heads a unit: the person expected on site at every on-site hour
 * of the unit; when the head is off, a deputy
 * (rota_model_get_unit_deputy()) stands in.
 *
 * Returns: the person index of the unit's head, or -1 when it has none.
 * Since: 0.1
 */
int
rota_model_get_unit_head(const RotaModel *model, int unit)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(unit >= 0 && unit < model->n_units, -1);
    return model->units[unit].head;
}

/**
 * rota_model_find_unit:
 * @model: a model
 * @id: a unit id
 *
 * Looks up a unit by its id, compared byte for byte (case matters).
 *
 * Returns: the index of the unit with @id, or %ROTA_NOT_FOUND.
 * Since: 0.1
 */
int
rota_model_find_unit(const RotaModel *model, const char *id)
{
    int unit;

    g_return_val_if_fail(model != NULL, ROTA_NOT_FOUND);
    g_return_val_if_fail(id != NULL, ROTA_NOT_FOUND);
    unit = rotap_compile_lookup(model, ROTAP_KIND_UNIT, id);
    return unit >= 0 ? unit : ROTA_NOT_FOUND;
}

/* ------------------------------------------------------------------ people */

/**
 * rota_model_get_n_people:
 * @model: a model
 *
 * Counts the people who may be rostered, in the order of "people" in
 * model.json (the row order of a grid roster).
 *
 * Returns: the number of people, indexed 0..n-1.
 * Since: 0.1
 */
int
rota_model_get_n_people(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, 0);
    return model->n_people;
}

/**
 * rota_model_get_person_id:
 * @model: a model
 * @person: a person index, 0 .. rota_model_get_n_people() - 1
 *
 * Gives the id of a person, as model.json and roster.json name them; ids
 * are unique among people.
 *
 * Returns: (transfer none): the person's id, valid as long as @model.
 * Since: 0.1
 */
const char *
rota_model_get_person_id(const RotaModel *model, int person)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(person >= 0 && person < model->n_people, NULL);
    return model->people[person].id;
}

/**
 * rota_model_get_person_name:
 * @model: a model
 * @person: a person index, 0 .. rota_model_get_n_people() - 1
 *
 * Gives the name of a person as it appears in rosters, feeds and reports.
 *
 * Returns: (transfer none): the person's name, or their id when the model
 *   gives none.
 * Since: 0.1
 */
const char *
rota_model_get_person_name(const RotaModel *model, int person)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(person >= 0 && person < model->n_people, NULL);
    return model->people[person].name;
}

/**
 * rota_model_get_person_phone:
 * @model: a model
 * @person: a person index, 0 .. rota_model_get_n_people() - 1
 *
 * Gives the telephone number the model records for a person ("phone" in
 * model.json), for the coordinators' pages.
 *
 * Returns: (transfer none) (nullable): the person's telephone number as the
 *   model gives it, or %NULL.  Whether it may be shown to the public is
 *   rota_model_is_person_phone_public().
 * Since: 0.2
 */
const char *
rota_model_get_person_phone(const RotaModel *model, int person)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(person >= 0 && person < model->n_people, NULL);
    return model->people[person].phone;
}

/**
 * rota_model_is_person_phone_public:
 * @model: a model
 * @person: a person index, 0 .. rota_model_get_n_people() - 1
 *
 * Tells whether a person's number may be shown where the public sees it;
 * only a road chief's or a unit head's public number is ever printed on
 * public pages.
 *
 * Returns: %TRUE when the model marks the person's phone as public
 *   (`"phone_public": true`); never %TRUE for a person without a phone.
 * Since: 0.2
 */
gboolean
rota_model_is_person_phone_public(const RotaModel *model, int person)
{
    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(person >= 0 && person < model->n_people, FALSE);
    return model->people[person].phone_public;
}

/**
 * rota_model_get_contact_hotline:
 * @model: a model
 *
 * Gives the number the public is to call about the campaign
 * ("contact.hotline" in model.json, such as "12345"), printed on public
 * pages and road-chief signs.
 *
 * Returns: (transfer none) (nullable): the supervision hotline of the
 *   model's "contact", or %NULL.
 * Since: 0.2
 */
const char *
rota_model_get_contact_hotline(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, NULL);
    return model->spec->contact_hotline;
}

/**
 * rota_model_get_contact_office:
 * @model: a model
 *
 * Gives the coordinating office ("contact.office" in model.json, free text
 * such as a name and a phone number), printed on public pages and
 * road-chief signs.
 *
 * Returns: (transfer none) (nullable): the coordinating office of the
 *   model's "contact" (free text), or %NULL.
 * Since: 0.2
 */
const char *
rota_model_get_contact_office(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, NULL);
    return model->spec->contact_office;
}

/**
 * rota_model_get_person_unit:
 * @model: a model
 * @person: a person index, 0 .. rota_model_get_n_people() - 1
 *
 * Tells which unit a person belongs to ("unit" in model.json).  People
 * without a unit serve only where a duty's "who" names one of their tags,
 * or at their home community's segment.
 *
 * Returns: the index of the person's unit, or -1 when they have none.
 * Since: 0.1
 */
int
rota_model_get_person_unit(const RotaModel *model, int person)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(person >= 0 && person < model->n_people, -1);
    return model->people[person].unit;
}

/**
 * rota_model_person_has_tag:
 * @model: a model
 * @person: a person index, 0 .. rota_model_get_n_people() - 1
 * @tag: a tag such as "party"
 *
 * Tells whether a person carries a tag ("tags" in model.json, such as
 * "party", "volunteer" or "inspector"), as duties' "who" and "quota" test
 * it.  Tags compare byte for byte; a tag nobody carries gives FALSE.
 *
 * Returns: TRUE if the person carries @tag.
 * Since: 0.1
 */
gboolean
rota_model_person_has_tag(const RotaModel *model, int person, const char *tag)
{
    int index;

    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(person >= 0 && person < model->n_people, FALSE);
    g_return_val_if_fail(tag != NULL, FALSE);
    index = rotap_model_find_tag(model, tag);
    return index >= 0 && rotap_person_has_tag(model, person, index);
}

/**
 * rota_model_find_person:
 * @model: a model
 * @id: a person id
 *
 * Looks up a person by their id, compared byte for byte (case matters).
 *
 * Returns: the index of the person with @id, or %ROTA_NOT_FOUND.
 * Since: 0.1
 */
int
rota_model_find_person(const RotaModel *model, const char *id)
{
    int person;

    g_return_val_if_fail(model != NULL, ROTA_NOT_FOUND);
    g_return_val_if_fail(id != NULL, ROTA_NOT_FOUND);
    person = rotap_compile_lookup(model, ROTAP_KIND_PERSON, id);
    return person >= 0 ? person : ROTA_NOT_FOUND;
}

/* ------------------------------------------------------------------ duties */

/**
 * rota_model_get_n_duties:
 * @model: a model
 *
 * Counts the duties of the model (the demand: what is to be done, on which
 * shift, days and segments), in the order of "duties" in model.json.
 *
 * Returns: the number of duties, indexed 0..n-1 (the on-site hour is not
 *   one of them).
 * Since: 0.1
 */
int
rota_model_get_n_duties(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, 0);
    return model->n_duties;
}

/**
 * rota_model_get_duty_id:
 * @model: a model
 * @duty: a duty index, 0 .. rota_model_get_n_duties() - 1
 *
 * Gives the id of a duty, as model.json and roster.json name it; ids are
 * unique among duties, and "onsite" is reserved for the on-site hour
 * (%ROTA_DUTY_ONSITE).
 *
 * Returns: (transfer none): the duty's id, valid as long as @model.
 * Since: 0.1
 */
const char *
rota_model_get_duty_id(const RotaModel *model, int duty)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(duty >= 0 && duty < model->n_duties, NULL);
    return model->duties[duty].id;
}

/**
 * rota_model_get_duty_shift:
 * @model: a model
 * @duty: a duty index, 0 .. rota_model_get_n_duties() - 1
 *
 * Tells on which shift a duty is done ("shift" in model.json): every
 * assignment of the duty is on that shift.
 *
 * Returns: the index of the shift the duty is done in.
 * Since: 0.1
 */
int
rota_model_get_duty_shift(const RotaModel *model, int duty)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(duty >= 0 && duty < model->n_duties, -1);
    return model->duties[duty].shift;
}

/**
 * rota_model_find_duty:
 * @model: a model
 * @id: a duty id
 *
 * Looks up a duty by its id, compared byte for byte (case matters).
 *
 * Returns: the index of the duty with @id, or %ROTA_NOT_FOUND (also for
 *   "onsite", which is not a duty of the list).
 * Since: 0.1
 */
int
rota_model_find_duty(const RotaModel *model, const char *id)
{
    int duty;

    g_return_val_if_fail(model != NULL, ROTA_NOT_FOUND);
    g_return_val_if_fail(id != NULL, ROTA_NOT_FOUND);
    duty = rotap_compile_lookup(model, ROTAP_KIND_DUTY, id);
    return duty >= 0 ? duty : ROTA_NOT_FOUND;
}

/* ------------------------------------------------------------------ cells */

/**
 * rota_model_get_n_cells:
 * @model: a model
 *
 * Counts the duty cells, the units of demand that a roster fills: cells are
 * indexed 0 .. n-1, ordered by duty, then segment, then window, and
 * rota_model_get_cell() describes each.  On-site places are not cells (see
 * rota_model_get_n_onsite_cells()).
 *
 * Returns: the number of duty cells: one per (duty, segment, due day), or
 *   per (duty, segment, ISO week with a due day) for weekly duties.
 * Since: 0.1
 */
int
rota_model_get_n_cells(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, 0);
    return model->n_cells;
}

/**
 * rota_model_get_n_places:
 * @model: a model
 *
 * Counts the places the duties want over the whole horizon, on-site places
 * excluded: a roster that fills them all leaves no "uncovered" penalty.
 * Useful as the denominator of a coverage rate.
 *
 * Returns: the number of places wanted in all: the sum of the duties'
 *   "min" over their cells.
 * Since: 0.1
 */
int
rota_model_get_n_places(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, 0);
    return model->n_places;
}

/**
 * rota_model_get_onsite_shift:
 * @model: a model
 *
 * Tells on which shift the daily on-site hour is held ("rules.onsite.shift"
 * in model.json); on-site assignments carry the duty %ROTA_DUTY_ONSITE and
 * this shift.
 *
 * Returns: the shift of the daily on-site hour, or -1 when the model has
 *   no on-site rule.
 * Since: 0.1
 */
int
rota_model_get_onsite_shift(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, -1);
    return model->onsite_shift;
}

/**
 * rota_model_get_n_onsite_cells:
 * @model: a model
 *
 * The on-site places to fill: one per on-site day and unit that has
 * adopted at least one segment.
 *
 * Returns: that number, 0 without an on-site rule.
 * Since: 0.1
 */
int
rota_model_get_n_onsite_cells(const RotaModel *model)
{
    int days = 0, units = 0;

    g_return_val_if_fail(model != NULL, 0);
    if (model->onsite_day == NULL)
        return 0;
    for (int d = 0; d < model->n_days; d++)
        days += model->onsite_day[d];
    for (int u = 0; u < model->n_units; u++)
        units += model->units[u].n_segments > 0;
    return days * units;
}

/* ------------------------------------------------------------------ private */

/* The position of value in an ascending array, or -1. */
static int
search_ints(const int *values, int n, int value)
{
    int low = 0, high = n - 1;

    while (low <= high) {
        int middle = low + (high - low) / 2;

        if (values[middle] == value)
            return middle;
        if (values[middle] < value)
            low = middle + 1;
        else
            high = middle - 1;
    }
    return -1;
}

/* The last window starting on or before day, or -1. */
static int
search_window(const RotapDuty *duty, int day)
{
    int low = 0, high = duty->n_windows - 1, found = -1;

    while (low <= high) {
        int middle = low + (high - low) / 2;

        if (duty->window_first_day[middle] <= day) {
            found = middle;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}

/*
 * A cell exists only on due days: a weekly window holds the due days of
 * its ISO week, and its first due day opens it, so the window of a due
 * day is the last one opened on or before it.
 */
int
rotap_model_find_cell(const RotaModel *model, int duty, int segment, int day)
{
    const RotapDuty *d;
    int k, w;

    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(duty >= 0 && duty < model->n_duties, -1);
    d = &model->duties[duty];
    if (day < 0 || day >= model->n_days || !d->due[day])
        return -1;
    k = search_ints(d->segments, d->n_segments, segment);
    w = search_window(d, day);
    if (k < 0 || w < 0)
        return -1;
    if (d->per_week ? model->week[d->window_first_day[w]] != model->week[day]
                    : d->window_first_day[w] != day)
        return -1;
    return d->first_cell + k * d->n_windows + w;
}

gboolean
rotap_model_is_eligible(const RotaModel *model, int cell, int person)
{
    const RotapEligible *eligible;

    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(cell >= 0 && cell < model->n_cells, FALSE);
    eligible = &model->eligible[model->cells[cell].eligible];
    return rotap_eligible_has(eligible, person);
}

gboolean
rotap_person_has_tag(const RotaModel *model, int person, int tag)
{
    const RotapPerson *p;

    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(person >= 0 && person < model->n_people, FALSE);
    p = &model->people[person];
    return search_ints(p->tags, p->n_tags, tag) >= 0;
}

int
rotap_model_find_tag(const RotaModel *model, const char *tag)
{
    g_return_val_if_fail(model != NULL, -1);
    return rotap_compile_lookup(model, ROTAP_KIND_TAG, tag);
}

const char *
rotap_model_duty_label(const RotaModel *model, int duty, int shift)
{
    const RotapShift *s;

    g_return_val_if_fail(model != NULL, "");
    /* A duty the model does not name has its id as name (compile-duties.c):
     * its shift's name says more to the people on it than "rush-am". */
    if (duty >= 0 && duty < model->n_duties && model->duties[duty].name != NULL &&
        model->duties[duty].name[0] != '\0' &&
        strcmp(model->duties[duty].name, model->duties[duty].id) != 0)
        return model->duties[duty].name;
    if (duty >= 0 && duty < model->n_duties)
        shift = model->duties[duty].shift;
    g_return_val_if_fail(shift >= 0 && shift < model->n_shifts, "");
    s = &model->shifts[shift];
    return s->name != NULL && s->name[0] != '\0' ? s->name : s->id;
}
