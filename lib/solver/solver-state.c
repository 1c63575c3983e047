/* SPDX-License-Identifier: MIT */
/* solver-state.c: the incremental roster state: cells, on-site hour, slot terms. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "solver-private.h"
#include "util-private.h"

RotapState *
rotap_state_new(const RotapSolverData *data, GError **error)
{
    const RotaModel *model = data->model;
    RotapState *st = g_new0(RotapState, 1);
    gsize slots = MAX((gsize)data->n_slots, 1);
    gsize pw = MAX((gsize)data->n_people * model->n_weeks, 1);
    gsize ps = MAX((gsize)data->n_people * model->n_shifts, 1);
    gsize pwe = MAX((gsize)data->n_people * model->n_weekends, 1);
    gsize ud = MAX((gsize)model->n_units * data->n_days, 1);

    st->data = data;
    st->cell_n = g_new(int, MAX(data->n_cells, 1));
    st->cell_q = g_new(int, MAX(data->n_quota_counters, 1));
    st->minutes = g_new(int, MAX(data->n_people, 1));
    st->weekends = g_new(int, MAX(data->n_people, 1));
    st->fair_sum = g_new(gint64, MAX(model->n_units, 1));
    st->fair_sq = g_new(gint64, MAX(model->n_units, 1));
    /* the products of two sizes of the input: reported when refused */
    st->x = g_try_new(int, slots);
    st->shift_n = g_try_new(int, ps);
    st->week_shifts = g_try_new(int, pw);
    st->week_minutes = g_try_new(int, pw);
    st->we_days = g_try_new(guint8, pwe);
    st->onsite_n = g_try_new(int, ud);
    st->onsite_head = g_try_new(int, ud);
    if (st->x == NULL || st->shift_n == NULL || st->week_shifts == NULL ||
        st->week_minutes == NULL || st->we_days == NULL || st->onsite_n == NULL ||
        st->onsite_head == NULL) {
        rotap_set_out_of_memory(
            error, _("the roster states of people x days"),
            (double)sizeof(int) * (double)(slots + ps + 2 * pw + 2 * ud) + (double)pwe);
        rotap_state_free(st);
        return NULL;
    }
    return st;
}

void
rotap_state_free(RotapState *st)
{
    if (st == NULL)
        return;
    g_free(st->x);
    g_free(st->cell_n);
    g_free(st->cell_q);
    g_free(st->shift_n);
    g_free(st->minutes);
    g_free(st->week_shifts);
    g_free(st->week_minutes);
    g_free(st->we_days);
    g_free(st->weekends);
    g_free(st->fair_sum);
    g_free(st->fair_sq);
    g_free(st->onsite_n);
    g_free(st->onsite_head);
    g_free(st);
}

/* ------------------------------------------------------------ cells */

/* over_max, uncovered, over and quota of one cell, as score-cells.c. */
static void
cell_cost(RotapState *st, int c, int sign)
{
    const RotaModel *model = st->data->model;
    const RotapDuty *duty = &model->duties[model->cells[c].duty];
    int n = st->cell_n[c];
    gint64 qw = model->weights[ROTA_WEIGHT_QUOTA];

    if (duty->max != ROTAP_UNLIMITED && n > duty->max)
        rotap_cost_add(&st->cost, ROTAP_TERM_OVER_MAX, sign, n - duty->max);
    if (n < duty->min && (gint64)duty->under * (duty->min - n) > 0)
        rotap_cost_add(&st->cost, ROTAP_TERM_UNCOVERED, sign,
                       (gint64)duty->under * (duty->min - n));
    if (n > duty->min && (gint64)duty->over * (n - duty->min) > 0)
        rotap_cost_add(&st->cost, ROTAP_TERM_OVER, sign,
                       (gint64)duty->over * (n - duty->min));
    for (int k = 0; k < duty->n_quotas; k++) {
        int have = st->cell_q[st->data->quota_start[c] + k], want = duty->quotas[k].count;

        if (have < want && qw * (want - have) > 0)
            rotap_cost_add(&st->cost, ROTAP_TERM_QUOTA, sign, qw * (want - have));
    }
}

static gboolean
has_tag(const RotaModel *model, int person, int tag)
{
    const RotapPerson *p = &model->people[person];
    int lo = 0, hi = p->n_tags - 1;

    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;

        if (p->tags[mid] == tag)
            return TRUE;
        if (p->tags[mid] < tag)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return FALSE;
}

/* Whether person also serves cell c (a week window) on a day other than day. */
static gboolean
in_cell_elsewhere(const RotapState *st, int c, int person, int day)
{
    const RotapCell *cell = &st->data->model->cells[c];
    const int *row = st->x + (gsize)person * st->data->n_days;

    for (int k = 0; k < cell->n_days; k++)
        if (cell->days[k] != day && row[cell->days[k]] == c)
            return TRUE;
    return FALSE;
}

/* Quotas count distinct people: a person serving a week window twice
 * counts once (score-cells.c). */
static void
cell_move(RotapState *st, int c, int person, int day, int sign)
{
    const RotaModel *model = st->data->model;
    const RotapDuty *duty = &model->duties[model->cells[c].duty];
    gboolean counted = FALSE, known = FALSE;

    cell_cost(st, c, -1);
    st->cell_n[c] += sign;
    for (int k = 0; k < duty->n_quotas; k++) {
        if (!has_tag(model, person, duty->quotas[k].tag))
            continue;
        if (!known) {
            counted = model->cells[c].n_days > 1 && in_cell_elsewhere(st, c, person, day);
            known = TRUE;
        }
        if (!counted)
            st->cell_q[st->data->quota_start[c] + k] += sign;
    }
    cell_cost(st, c, +1);
}

/* ------------------------------------------------------------ on-site */

static gboolean
is_onsite_person(const RotapSolverData *data, int unit, int person)
{
    for (int k = data->onsite_start[unit]; k < data->onsite_start[unit + 1]; k++)
        if (data->onsite_people[k] == person)
            return TRUE;
    return FALSE;
}

/* One unit-day of the on-site hour, as score-onsite.c judges it. */
static void
unit_day_cost(RotapState *st, gsize key, int sign)
{
    const RotapSolverData *data = st->data;
    int n = st->onsite_n[key], term = data->unit_day_term[key];
    gint64 w = data->model->weights[ROTA_WEIGHT_DEPUTY_ONSITE];

    if (term == 0)
        return;
    if (n == 0)
        rotap_cost_add(&st->cost, (RotapTerm)(term - 1), sign, 1);
    else if (n > 1)
        rotap_cost_add(&st->cost, ROTAP_TERM_ONSITE_EXTRA, sign, n - 1);
    else if (st->onsite_head[key] == 0 && data->head_free[key] && w > 0)
        rotap_cost_add(&st->cost, ROTAP_TERM_DEPUTY_ONSITE, sign, w);
}

static void
onsite_move(RotapState *st, int value, int person, int day, int sign)
{
    const RotapSolverData *data = st->data;
    int unit = data->val_unit[value];
    gsize key;

    if (unit < 0 || !is_onsite_person(data, unit, person))
        return;
    key = (gsize)unit * data->n_days + day;
    if (data->unit_day_term[key] == 0)
        return;
    unit_day_cost(st, key, -1);
    st->onsite_n[key] += sign;
    if (data->model->units[unit].head == person)
        st->onsite_head[key] += sign;
    unit_day_cost(st, key, +1);
}

/* ------------------------------------------------------------ one slot */

static gboolean
is_eligible(const RotaModel *model, int cell, int person)
{
    const RotapEligible *e = &model->eligible[model->cells[cell].eligible];

    if (e->n_people == model->n_people)
        return TRUE; /* a sorted list of distinct people: everyone */
    return rotap_eligible_has(e, person);
}

/* off, eligibility, request, change and locked: the terms of one slot. */
static void
slot_cost(RotapState *st, int person, int day, int value, int sign)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    int slot = person * data->n_days + day;

    if (value != ROTAP_NONE) {
        if (rotap_model_is_off(model, person, day, data->val_shift[value]))
            rotap_cost_add(&st->cost, ROTAP_TERM_OFF, sign, 1);
        if (value < data->n_cells
                ? !is_eligible(model, value, person)
                : (data->val_unit[value] < 0 ||
                   !is_onsite_person(data, data->val_unit[value], person)))
            rotap_cost_add(&st->cost, ROTAP_TERM_ELIGIBILITY, sign, 1);
    }
    if (data->req_start != NULL) {
        for (int k = data->req_start[slot]; k < data->req_start[slot + 1]; k++) {
            const RotapRequest *r = &model->requests[data->req_list[k]];
            gboolean found = value != ROTAP_NONE &&
                             (r->shift < 0 || data->val_shift[value] == r->shift);

            if (r->weight > 0 && found != (r->on != FALSE))
                rotap_cost_add(&st->cost, ROTAP_TERM_REQUEST, sign, r->weight);
        }
    }
    if (data->has_prev) {
        int prev = data->prev_value[slot];
        gint64 w = model->weights[ROTA_WEIGHT_CHANGE];

        if (w > 0 && prev != value)
            rotap_cost_add(&st->cost, ROTAP_TERM_CHANGE, sign, w);
        if (data->lock_start != NULL)
            for (int k = data->lock_start[slot]; k < data->lock_start[slot + 1]; k++)
                if (data->lock_list[k] != value)
                    rotap_cost_add(&st->cost, ROTAP_TERM_LOCKED, sign, 1);
    }
}

void
rotap_state_set(RotapState *st, int person, int day, int value)
{
    const RotapSolverData *data = st->data;
    int old = st->x[person * data->n_days + day];

    if (old == value)
        return;
    slot_cost(st, person, day, old, -1);
    if (old != ROTAP_NONE) {
        if (old < data->n_cells)
            cell_move(st, old, person, day, -1);
        else
            onsite_move(st, old, person, day, -1);
    }
    rotap_state_person_change(st, person, day, old, value);
    if (value != ROTAP_NONE) {
        if (value < data->n_cells)
            cell_move(st, value, person, day, +1);
        else
            onsite_move(st, value, person, day, +1);
    }
    slot_cost(st, person, day, value, +1);
}

gboolean
rotap_can_trade(const RotapState *st, int p, int q, int day)
{
    const RotapSolverData *data = st->data;
    int vp = st->x[p * data->n_days + day], vq = st->x[q * data->n_days + day];

    return vp != vq && rotap_can_take(data, p, day, vq) &&
           rotap_can_take(data, q, day, vp);
}

/* ------------------------------------------------------------ whole rosters */

void
rotap_state_reset(RotapState *st)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    gsize n_unit_days = (gsize)model->n_units * data->n_days;

    memset(&st->cost, 0, sizeof st->cost);
    for (int s = 0; s < data->n_slots; s++)
        st->x[s] = ROTAP_NONE;
    memset(st->cell_n, 0, sizeof(int) * data->n_cells);
    memset(st->cell_q, 0, sizeof(int) * data->n_quota_counters);
    memset(st->onsite_n, 0, sizeof(int) * n_unit_days);
    memset(st->onsite_head, 0, sizeof(int) * n_unit_days);
    memset(st->fair_sum, 0, sizeof(gint64) * model->n_units);
    memset(st->fair_sq, 0, sizeof(gint64) * model->n_units);
    for (int c = 0; c < data->n_cells; c++)
        cell_cost(st, c, +1);
    for (gsize key = 0; key < n_unit_days; key++)
        unit_day_cost(st, key, +1);
    for (int p = 0; p < data->n_people; p++) {
        rotap_state_person_empty(st, p);
        for (int d = 0; d < data->n_days; d++)
            slot_cost(st, p, d, ROTAP_NONE, +1);
    }
}

void
rotap_state_load(RotapState *st, const int *values)
{
    const RotapSolverData *data = st->data;

    rotap_state_reset(st);
    for (int p = 0; p < data->n_people; p++) {
        for (int d = 0; d < data->n_days; d++) {
            int s = p * data->n_days + d;

            rotap_state_set(st, p, d, data->frozen[s] ? data->init_value[s] : values[s]);
        }
    }
}

/* A locked previous assignment that the value reproduces stays locked. */
static gboolean
keeps_lock(const RotapSolverData *data, int slot, int value)
{
    if (data->lock_start == NULL)
        return FALSE;
    for (int k = data->lock_start[slot]; k < data->lock_start[slot + 1]; k++)
        if (data->lock_list[k] == value)
            return TRUE;
    return FALSE;
}

RotaRoster *
rotap_state_export(const RotapSolverData *data, const int *values)
{
    RotaModel *model = data->model;
    RotaRoster *roster = rota_roster_new(model);

    for (int p = 0; p < data->n_people; p++) {
        for (int d = 0; d < data->n_days; d++) {
            int s = p * data->n_days + d, v = values[s];
            RotaAssignment a = {d, 0, 0, p, 0, FALSE};

            if (v == ROTAP_NONE)
                continue;
            if (v < data->n_cells) {
                a.shift = model->cells[v].shift;
                a.segment = model->cells[v].segment;
                a.duty = model->cells[v].duty;
            } else {
                a.shift = model->onsite_shift;
                a.segment = v - data->n_cells;
                a.duty = ROTA_DUTY_ONSITE;
            }
            a.locked = keeps_lock(data, s, v);
            g_array_append_val(roster->assignments, a);
        }
    }
    rota_roster_sort(roster);
    return roster;
}
