/* SPDX-License-Identifier: MIT */
/* model-fill.c: public queries for applications that fill rosters themselves. */
#include "config.h"

#include "model-private.h"

/*
 * Every answer here comes straight from the tables that compile.c
 * precomputes (model-private.h): no string is compared and nothing is
 * allocated, so an application may ask in its inner loops.
 */

/**
 * rota_model_is_onsite_day:
 * @model: a model
 * @day: a day index, 0 .. rota_model_get_n_days() - 1
 *
 * Whether the on-site rule selects @day, that is whether every unit that
 * adopts a segment needs one on-site assignment (head or deputy) that day.
 *
 * Returns: TRUE on an on-site day; FALSE otherwise, and always FALSE when
 * the model has no on-site rule (rota_model_get_onsite_shift() is -1).
 * Since: 0.1
 */
gboolean
rota_model_is_onsite_day(const RotaModel *model, int day)
{
    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(day >= 0 && day < model->n_days, FALSE);

    if (model->onsite_shift < 0 || model->onsite_day == NULL)
        return FALSE;
    return model->onsite_day[day] != 0;
}

/**
 * rota_model_is_available:
 * @model: a model
 * @person: a person index, 0 .. rota_model_get_n_people() - 1
 * @day: a day index, 0 .. rota_model_get_n_days() - 1
 * @shift: a shift index, 0 .. rota_model_get_n_shifts() - 1
 *
 * Whether @person may work @shift on @day: neither the whole day nor that
 * shift is among the person's days off ("off" in model.json).  Requests
 * are wishes, not availability, and do not count here.
 *
 * Returns: TRUE when the person is available.
 * Since: 0.1
 */
gboolean
rota_model_is_available(const RotaModel *model, int person, int day, int shift)
{
    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(person >= 0 && person < model->n_people, FALSE);
    g_return_val_if_fail(day >= 0 && day < model->n_days, FALSE);
    g_return_val_if_fail(shift >= 0 && shift < model->n_shifts, FALSE);

    return !rotap_model_is_off(model, person, day, shift);
}

/**
 * rota_model_get_n_unit_deputies:
 * @model: a model
 * @unit: a unit index, 0 .. rota_model_get_n_units() - 1
 *
 * Counts the deputies of a unit ("deputies" in model.json), who stand in
 * for the head at the on-site hour when the head is off.
 *
 * Returns: the number of deputies of @unit, who stand in for the head.
 * Since: 0.1
 */
int
rota_model_get_n_unit_deputies(const RotaModel *model, int unit)
{
    g_return_val_if_fail(model != NULL, 0);
    g_return_val_if_fail(unit >= 0 && unit < model->n_units, 0);

    return model->units[unit].n_deputies;
}

/**
 * rota_model_get_unit_deputy:
 * @model: a model
 * @unit: a unit index, 0 .. rota_model_get_n_units() - 1
 * @k: 0 .. rota_model_get_n_unit_deputies() - 1
 *
 * Gives one deputy of a unit; the first available deputy in this order is
 * the one expected on site when the head is off.
 *
 * Returns: the person index of the @k-th deputy of @unit, in the order of
 * preference the model gives; -1 for a bad index.
 * Since: 0.1
 */
int
rota_model_get_unit_deputy(const RotaModel *model, int unit, int k)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(unit >= 0 && unit < model->n_units, -1);
    g_return_val_if_fail(k >= 0 && k < model->units[unit].n_deputies, -1);

    return model->units[unit].deputies[k];
}

/**
 * rota_model_get_n_unit_segments:
 * @model: a model
 * @unit: a unit index, 0 .. rota_model_get_n_units() - 1
 *
 * Counts the segments a unit adopts ("segments" of the unit in model.json).
 *
 * Returns: the number of segments @unit adopts (0 for a unit without any:
 * it has no on-site hour).
 * Since: 0.1
 */
int
rota_model_get_n_unit_segments(const RotaModel *model, int unit)
{
    g_return_val_if_fail(model != NULL, 0);
    g_return_val_if_fail(unit >= 0 && unit < model->n_units, 0);

    return model->units[unit].n_segments;
}

/**
 * rota_model_get_unit_segment:
 * @model: a model
 * @unit: a unit index, 0 .. rota_model_get_n_units() - 1
 * @k: 0 .. rota_model_get_n_unit_segments() - 1
 *
 * Gives one segment a unit adopts; its on-site hour may be done at any of
 * them.
 *
 * Returns: the segment index of the @k-th segment @unit adopts, in the
 * order the model lists them; -1 for a bad index.
 * Since: 0.1
 */
int
rota_model_get_unit_segment(const RotaModel *model, int unit, int k)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(unit >= 0 && unit < model->n_units, -1);
    g_return_val_if_fail(k >= 0 && k < model->units[unit].n_segments, -1);

    return model->units[unit].segments[k];
}

/**
 * rota_model_get_n_duty_quotas:
 * @model: a model
 * @duty: a duty index, 0 .. rota_model_get_n_duties() - 1
 *
 * Counts the tag quotas of a duty: each asks that every cell of the duty
 * have at least so many people with a tag (for instance one party member);
 * each one missing costs the "quota" weight.
 *
 * Returns: the number of tag quotas of @duty ("quota" in model.json).
 * Since: 0.1
 */
int
rota_model_get_n_duty_quotas(const RotaModel *model, int duty)
{
    g_return_val_if_fail(model != NULL, 0);
    g_return_val_if_fail(duty >= 0 && duty < model->n_duties, 0);

    return model->duties[duty].n_quotas;
}

/**
 * rota_model_get_duty_quota_tag:
 * @model: a model
 * @duty: a duty index, 0 .. rota_model_get_n_duties() - 1
 * @k: 0 .. rota_model_get_n_duty_quotas() - 1
 *
 * Gives the tag a quota of a duty counts.
 *
 * Returns: (transfer none): the tag that the @k-th quota of @duty counts,
 * such as "party", owned by the model; NULL for a bad index.
 * Since: 0.1
 */
const char *
rota_model_get_duty_quota_tag(const RotaModel *model, int duty, int k)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(duty >= 0 && duty < model->n_duties, NULL);
    g_return_val_if_fail(k >= 0 && k < model->duties[duty].n_quotas, NULL);

    return model->tags[model->duties[duty].quotas[k].tag];
}

/**
 * rota_model_get_duty_quota_count:
 * @model: a model
 * @duty: a duty index, 0 .. rota_model_get_n_duties() - 1
 * @k: 0 .. rota_model_get_n_duty_quotas() - 1
 *
 * Gives how many people with the quota's tag every cell of the duty wants;
 * people assigned twice to one weekly cell count once.
 *
 * Returns: how many people carrying the quota's tag each cell of @duty
 * wants; 0 for a bad index.
 * Since: 0.1
 */
int
rota_model_get_duty_quota_count(const RotaModel *model, int duty, int k)
{
    g_return_val_if_fail(model != NULL, 0);
    g_return_val_if_fail(duty >= 0 && duty < model->n_duties, 0);
    g_return_val_if_fail(k >= 0 && k < model->duties[duty].n_quotas, 0);

    return model->duties[duty].quotas[k].count;
}

/**
 * rota_model_get_cell:
 * @model: a model
 * @cell: a cell index, 0 .. rota_model_get_n_cells() - 1
 * @out: (out caller-allocates): where to store the cell
 *
 * Describes one duty cell: the duty, segment and shift, the window's
 * first due day and number of due days (for a per-week duty the days are
 * rota_model_get_cell_day()), and the places it wants (min) and allows
 * (max).  Cells come ordered by duty, then segment, then window.
 *
 * Returns: TRUE; FALSE for a bad index, @out untouched.
 * Since: 0.1
 */
gboolean
rota_model_get_cell(const RotaModel *model, int cell, RotaCellInfo *out)
{
    const RotapCell *c;
    const RotapDuty *d;

    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(cell >= 0 && cell < model->n_cells, FALSE);
    g_return_val_if_fail(out != NULL, FALSE);

    c = &model->cells[cell];
    d = &model->duties[c->duty];
    out->duty = c->duty;
    out->segment = c->segment;
    out->shift = c->shift;
    out->first_day = c->first_day;
    out->n_days = c->n_days;
    out->min = d->min;
    out->max = d->max;
    return TRUE;
}

/**
 * rota_model_get_cell_day:
 * @model: a model
 * @cell: a cell index, 0 .. rota_model_get_n_cells() - 1
 * @k: 0 .. n_days - 1 of the cell (see rota_model_get_cell())
 *
 * Gives one due day of a cell: the days on which its places may be filled.
 * A per-day duty's cell has one due day, its first_day; a per-week duty's
 * cell has the due days of its ISO week inside the horizon.
 *
 * Returns: the @k-th due day of the cell's window, ascending; -1 for a
 * bad index.
 * Since: 0.1
 */
int
rota_model_get_cell_day(const RotaModel *model, int cell, int k)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(cell >= 0 && cell < model->n_cells, -1);
    g_return_val_if_fail(k >= 0 && k < model->cells[cell].n_days, -1);

    return model->cells[cell].days[k];
}

/**
 * rota_model_get_n_cell_candidates:
 * @model: a model
 * @cell: a cell index, 0 .. rota_model_get_n_cells() - 1
 *
 * The candidates of a cell are the people eligible for it (its duty's
 * `who`, or the owning unit's members and the segment's community, less
 * the owners with `not_owner`), whatever their days off.
 *
 * Returns: the number of candidates of @cell.
 * Since: 0.1
 */
int
rota_model_get_n_cell_candidates(const RotaModel *model, int cell)
{
    g_return_val_if_fail(model != NULL, 0);
    g_return_val_if_fail(cell >= 0 && cell < model->n_cells, 0);

    return model->eligible[model->cells[cell].eligible].n_people;
}

/**
 * rota_model_get_cell_candidate:
 * @model: a model
 * @cell: a cell index, 0 .. rota_model_get_n_cells() - 1
 * @k: 0 .. rota_model_get_n_cell_candidates() - 1
 *
 * Gives one person eligible for a cell (see
 * rota_model_get_n_cell_candidates()); assigning anyone else to the cell is
 * the hard violation "eligibility".  Days off are not taken into account:
 * ask rota_model_is_available() for a given day and shift.
 *
 * Returns: the person index of the @k-th candidate of @cell, in ascending
 * person order; -1 for a bad index.
 * Since: 0.1
 */
int
rota_model_get_cell_candidate(const RotaModel *model, int cell, int k)
{
    const RotapEligible *e;

    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(cell >= 0 && cell < model->n_cells, -1);
    e = &model->eligible[model->cells[cell].eligible];
    g_return_val_if_fail(k >= 0 && k < e->n_people, -1);

    return rotap_eligible_at(e, k);
}
