/* SPDX-License-Identifier: MIT */
/* solver-person.c: incremental per-person terms: limits, runs, rest, fairness. */
#include "config.h"

#include "solver-private.h"

/* Magnitude of a minutes excess, in units of the shortest duty shift. */
static inline gint64
minute_mag(const RotapSolverData *data, gint64 excess)
{
    return (excess + data->minute_unit - 1) / data->minute_unit;
}

static void
minutes_cost(RotapState *st, int person, int sign)
{
    const RotapSolverData *data = st->data;
    const RotapLimits *l = &data->model->people[person].limits;
    int m = st->minutes[person];

    if (m < l->min_minutes)
        rotap_cost_add(&st->cost, ROTAP_TERM_MIN_MINUTES, sign,
                       minute_mag(data, l->min_minutes - m));
    if (l->max_minutes != ROTAP_UNLIMITED && m > l->max_minutes)
        rotap_cost_add(&st->cost, ROTAP_TERM_MAX_MINUTES, sign,
                       minute_mag(data, m - l->max_minutes));
}

static void
week_cost(RotapState *st, int person, int week, int sign)
{
    const RotapSolverData *data = st->data;
    const RotapLimits *l = &data->model->people[person].limits;
    gsize key = (gsize)person * data->model->n_weeks + week;

    if (l->max_shifts_week != ROTAP_UNLIMITED &&
        st->week_shifts[key] > l->max_shifts_week)
        rotap_cost_add(&st->cost, ROTAP_TERM_MAX_SHIFTS_WEEK, sign,
                       st->week_shifts[key] - l->max_shifts_week);
    if (l->max_minutes_week != ROTAP_UNLIMITED &&
        st->week_minutes[key] > l->max_minutes_week)
        rotap_cost_add(&st->cost, ROTAP_TERM_MAX_MINUTES_WEEK, sign,
                       minute_mag(data, st->week_minutes[key] - l->max_minutes_week));
}

static void
weekends_cost(RotapState *st, int person, int sign)
{
    int max = st->data->model->people[person].limits.max_weekends;

    if (max != ROTAP_UNLIMITED && st->weekends[person] > max)
        rotap_cost_add(&st->cost, ROTAP_TERM_MAX_WEEKENDS, sign,
                       st->weekends[person] - max);
}

static void
shift_cost(RotapState *st, int person, int shift, int sign)
{
    const RotaModel *model = st->data->model;
    gsize key = (gsize)person * model->n_shifts + shift;
    int max = model->max_shifts[key];

    if (max != ROTAP_UNLIMITED && st->shift_n[key] > max)
        rotap_cost_add(&st->cost, ROTAP_TERM_MAX_SHIFTS, sign, st->shift_n[key] - max);
}

/* score-people.c's fairness formula, overflow-safe. */
static void
fair_cost(RotapState *st, int unit, int sign)
{
    const RotaModel *model = st->data->model;
    gint64 w = model->weights[ROTA_WEIGHT_FAIRNESS],
           n = model->units[unit].n_fair_members;
    gint64 num, den, penalty;

    if (w <= 0 || n == 0)
        return;
    num = n * st->fair_sq[unit] - st->fair_sum[unit] * st->fair_sum[unit];
    den = 3600 * n;
    penalty = w * (num / den) + w * (num % den) / den;
    if (penalty > 0)
        rotap_cost_add(&st->cost, ROTAP_TERM_FAIRNESS, sign, penalty);
}

/* The counters of one worked (non-on-site) value entering or leaving. */
static void
count_work(RotapState *st, int person, int day, int value, int sign)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    int shift = data->val_shift[value], minutes = data->val_minutes[value];
    int week = model->week[day], weekend = model->weekend[day],
        unit = data->fair_unit[person];
    gint64 before = st->minutes[person], after = before + sign * minutes;
    gsize wkey = (gsize)person * model->n_weeks + week;

    shift_cost(st, person, shift, -1);
    st->shift_n[(gsize)person * model->n_shifts + shift] += sign;
    shift_cost(st, person, shift, +1);

    minutes_cost(st, person, -1);
    st->minutes[person] = (int)after;
    minutes_cost(st, person, +1);

    week_cost(st, person, week, -1);
    st->week_shifts[wkey] += sign;
    st->week_minutes[wkey] += sign * minutes;
    week_cost(st, person, week, +1);

    if (weekend >= 0) {
        guint8 *we = &st->we_days[(gsize)person * model->n_weekends + weekend];
        int had = *we > 0;

        *we = (guint8)(*we + sign);
        if (had != (*we > 0)) {
            weekends_cost(st, person, -1);
            st->weekends[person] += sign;
            weekends_cost(st, person, +1);
        }
    }
    if (unit >= 0 && model->weights[ROTA_WEIGHT_FAIRNESS] > 0) {
        fair_cost(st, unit, -1);
        st->fair_sum[unit] += after - before;
        st->fair_sq[unit] += after * after - before * before;
        fair_cost(st, unit, +1);
    }
}

/* ------------------------------------------------------------ runs */

static inline gboolean
works(const RotapState *st, const int *row, int day)
{
    return rotap_is_cell(st->data, row[day]);
}

/* The run terms of one maximal run of work (or rest) first .. first +
 * length - 1 (the Curtois-Qu rule of score-people.c: runs touching the
 * horizon ends are exempt from minima). */
static void
run_cost(RotapState *st, int person, gboolean work, int first, int length, int sign)
{
    const RotapLimits *l = &st->data->model->people[person].limits;
    gboolean inner = first > 0 && first + length < st->data->n_days;

    if (work) {
        if (l->max_consecutive != ROTAP_UNLIMITED && length > l->max_consecutive)
            rotap_cost_add(&st->cost, ROTAP_TERM_MAX_CONSECUTIVE, sign,
                           length - l->max_consecutive);
        if (inner && length < l->min_consecutive)
            rotap_cost_add(&st->cost, ROTAP_TERM_MIN_CONSECUTIVE, sign,
                           l->min_consecutive - length);
    } else if (inner && length < l->min_days_off) {
        rotap_cost_add(&st->cost, ROTAP_TERM_MIN_DAYS_OFF, sign,
                       l->min_days_off - length);
    }
}

/* The runs around day when day is work (or rest), given the runs that
 * end the day before (left days, left_work) and start the day after. */
static void
runs_around(RotapState *st, int person, int day, gboolean work, int left,
            gboolean left_work, int right, gboolean right_work, int sign)
{
    gboolean join_left = left > 0 && left_work == work;
    gboolean join_right = right > 0 && right_work == work;
    int first = join_left ? day - left : day, last = join_right ? day + right : day;

    if (left > 0 && !join_left)
        run_cost(st, person, left_work, day - left, left, sign);
    run_cost(st, person, work, first, last - first + 1, sign);
    if (right > 0 && !join_right)
        run_cost(st, person, right_work, day + 1, right, sign);
}

/* The run terms change as day flips between work and rest: only the run
 * through day and its two neighbours are concerned. */
static void
runs_flip(RotapState *st, int person, int day, gboolean was_work)
{
    const int *row = st->x + (gsize)person * st->data->n_days;
    int n_days = st->data->n_days, left = 0, right = 0;
    gboolean left_work = FALSE, right_work = FALSE;

    if (day > 0) {
        left_work = works(st, row, day - 1);
        for (left = 1; day - left - 1 >= 0 && works(st, row, day - left - 1) == left_work;
             left++)
            ;
    }
    if (day < n_days - 1) {
        right_work = works(st, row, day + 1);
        for (right = 1;
             day + right + 1 < n_days && works(st, row, day + right + 1) == right_work;
             right++)
            ;
    }
    runs_around(st, person, day, was_work, left, left_work, right, right_work, -1);
    runs_around(st, person, day, !was_work, left, left_work, right, right_work, +1);
}

/* The run terms of a person's whole row (used for an empty roster). */
static void
runs_cost(RotapState *st, int person, int sign)
{
    const int *row = st->x + (gsize)person * st->data->n_days;
    int n_days = st->data->n_days;

    for (int f = 0, e; f < n_days; f = e) {
        gboolean w = works(st, row, f);

        for (e = f + 1; e < n_days && works(st, row, e) == w; e++)
            ;
        run_cost(st, person, w, f, e - f, sign);
    }
}

/* ------------------------------------------------------------ rest, successions */

static void
rest_pair(RotapState *st, int person, int d1, int v1, int d2, int v2, int sign)
{
    const RotapSolverData *data = st->data;
    const RotapShift *a = &data->model->shifts[data->val_shift[v1]];
    const RotapShift *b = &data->model->shifts[data->val_shift[v2]];
    gint64 rest = (gint64)(d2 - d1) * 1440 + b->start - a->start - a->minutes;

    if (rest < data->model->people[person].limits.min_rest_minutes)
        rotap_cost_add(&st->cost, ROTAP_TERM_MIN_REST, sign, 1);
}

/*
 * min_rest and forbidden_succession terms that involve day: pairs of
 * consecutive assignments (any, on-site included) through day.  Days
 * further than rest_span apart cannot break min_rest.
 */
static void
sequence_cost(RotapState *st, int person, int day, int sign)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    const int *row = st->x + (gsize)person * data->n_days;
    int v = row[day], n_days = data->n_days, before = -1, after = -1;

    if (v != ROTAP_NONE) {
        int s = data->val_shift[v];

        if (day > 0 && row[day - 1] != ROTAP_NONE &&
            model->forbid[data->val_shift[row[day - 1]] * model->n_shifts + s])
            rotap_cost_add(&st->cost, ROTAP_TERM_FORBIDDEN_SUCCESSION, sign, 1);
        if (day < n_days - 1 && row[day + 1] != ROTAP_NONE &&
            model->forbid[s * model->n_shifts + data->val_shift[row[day + 1]]])
            rotap_cost_add(&st->cost, ROTAP_TERM_FORBIDDEN_SUCCESSION, sign, 1);
    }
    if (!data->rest_check[person])
        return;
    for (int d = day - 1; d >= 0 && d >= day - data->rest_span; d--) {
        if (row[d] != ROTAP_NONE) {
            before = d;
            break;
        }
    }
    for (int d = day + 1; d < n_days && d <= day + data->rest_span; d++) {
        if (row[d] != ROTAP_NONE) {
            after = d;
            break;
        }
    }
    if (v != ROTAP_NONE) {
        if (before >= 0)
            rest_pair(st, person, before, row[before], day, v, sign);
        if (after >= 0)
            rest_pair(st, person, day, v, after, row[after], sign);
    } else if (before >= 0 && after >= 0) {
        rest_pair(st, person, before, row[before], after, row[after], sign);
    }
}

/* ------------------------------------------------------------ entry points */

void
rotap_state_person_change(RotapState *st, int person, int day, int old, int value)
{
    const RotapSolverData *data = st->data;
    int slot = person * data->n_days + day;
    int old_shift = old != ROTAP_NONE ? data->val_shift[old] : -1;
    int new_shift = value != ROTAP_NONE ? data->val_shift[value] : -1;
    gboolean old_work = rotap_is_cell(data, old), new_work = rotap_is_cell(data, value);
    gboolean timing = old_shift != new_shift;
    if (timing)
        sequence_cost(st, person, day, -1);
    if (old_work != new_work && data->run_check[person])
        runs_flip(st, person, day, old_work);
    st->x[slot] = value;
    if (timing)
        sequence_cost(st, person, day, +1);
    if (old_work && new_work && old_shift == new_shift)
        return;
    if (old_work)
        count_work(st, person, day, old, -1);
    if (new_work)
        count_work(st, person, day, value, +1);
}

/* A person with no assignment: counters zero and the terms that holds. */
void
rotap_state_person_empty(RotapState *st, int person)
{
    const RotaModel *model = st->data->model;

    for (int s = 0; s < model->n_shifts; s++) {
        st->shift_n[(gsize)person * model->n_shifts + s] = 0;
        shift_cost(st, person, s, +1);
    }
    st->minutes[person] = 0;
    minutes_cost(st, person, +1);
    for (int w = 0; w < model->n_weeks; w++) {
        st->week_shifts[(gsize)person * model->n_weeks + w] = 0;
        st->week_minutes[(gsize)person * model->n_weeks + w] = 0;
        week_cost(st, person, w, +1);
    }
    for (int k = 0; k < model->n_weekends; k++)
        st->we_days[(gsize)person * model->n_weekends + k] = 0;
    st->weekends[person] = 0;
    weekends_cost(st, person, +1);
    runs_cost(st, person, +1);
}
