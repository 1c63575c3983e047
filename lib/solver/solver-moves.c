/* SPDX-License-Identifier: MIT */
/* solver-moves.c: the neighbourhood: assign, swap, block moves, re-rostering. */
#include "config.h"

#include "solver-private.h"

void
rotap_move_set(RotapState *st, RotapUndo *undo, int person, int day, int value)
{
    int slot = person * st->data->n_days + day;
    gint64 mag = st->cost.mag;

    g_assert(undo->n < ROTAP_MAX_CHANGES);
    undo->slot[undo->n] = slot;
    undo->old[undo->n] = st->x[slot];
    rotap_state_set(st, person, day, value);
    if (st->cost.mag > mag && undo->n < ROTAP_RAISED_BITS)
        undo->raised |= G_GUINT64_CONSTANT(1) << undo->n;
    undo->n++;
}

void
rotap_move_undo(RotapState *st, RotapUndo *undo)
{
    int n_days = st->data->n_days;

    for (int i = undo->n - 1; i >= 0; i--)
        rotap_state_set(st, undo->slot[i] / n_days, undo->slot[i] % n_days, undo->old[i]);
    rotap_undo_clear(undo);
}

/* A random unfrozen slot holding something, or FALSE after a few tries. */
static gboolean
pick_busy(const RotapState *st, RotapRng *rng, int *person, int *day)
{
    const RotapSolverData *data = st->data;

    for (int tries = 0; tries < 8; tries++) {
        int s = rotap_rng_below(rng, data->n_slots);

        if (st->x[s] != ROTAP_NONE && !data->frozen[s]) {
            *person = s / data->n_days;
            *day = s % data->n_days;
            return TRUE;
        }
    }
    return FALSE;
}

/* A random eligible person who may take cell (or any value) on day and
 * does not hold it already, or -1. */
static int
pick_taker(const RotapState *st, RotapRng *rng, int cell, int day)
{
    const RotapSolverData *data = st->data;
    const RotapEligible takers = rotap_value_takers(data, cell);
    int n_takers = takers.n_people, person;

    if (n_takers == 0)
        return -1;
    person = rotap_eligible_at(&takers, rotap_rng_below(rng, n_takers));
    if (st->x[person * data->n_days + day] == cell ||
        !rotap_can_take(data, person, day, cell))
        return -1;
    return person;
}

/* A random cell due on day, or -1 when none is. */
static int
random_day_cell(const RotapSolverData *data, RotapRng *rng, int day)
{
    int n = data->day_start[day + 1] - data->day_start[day];

    if (n == 0)
        return -1;
    return data->day_cells[data->day_start[day] + rotap_rng_below(rng, n)];
}

/* Put a random eligible person into a random cell of a random day (the
 * person leaves whatever they did that day). */
static gboolean
move_assign(RotapState *st, RotapRng *rng, RotapUndo *undo)
{
    const RotapSolverData *data = st->data;
    int day = rotap_rng_below(rng, data->n_days), cell, person;

    cell = random_day_cell(data, rng, day);
    if (cell < 0)
        return FALSE;
    person = pick_taker(st, rng, cell, day);
    if (person < 0)
        return FALSE;
    rotap_move_set(st, undo, person, day, cell);
    return TRUE;
}

static gboolean
move_unassign(RotapState *st, RotapRng *rng, RotapUndo *undo)
{
    int person, day;

    if (!pick_busy(st, rng, &person, &day))
        return FALSE;
    rotap_move_set(st, undo, person, day, ROTAP_NONE);
    return TRUE;
}

/* A second person who may hold what the first holds that day. */
static int
pick_partner(const RotapState *st, RotapRng *rng, int person, int value)
{
    const RotapEligible takers = rotap_value_takers(st->data, value);
    int n = takers.n_people, other;

    if (n < 2)
        return -1;
    other = rotap_eligible_at(&takers, rotap_rng_below(rng, n));
    return other == person ? -1 : other;
}

/* Exchange two people's days first .. first + length - 1 (length 1: a
 * plain swap).  Every exchanged value must suit its new holder. */
static gboolean
exchange(RotapState *st, RotapUndo *undo, int p1, int p2, int first, int length)
{
    const RotapSolverData *data = st->data;
    const int *r1 = st->x + (gsize)p1 * data->n_days,
              *r2 = st->x + (gsize)p2 * data->n_days;
    int changed = 0;

    for (int d = first; d < first + length; d++) {
        if (r1[d] == r2[d])
            continue;
        if (!rotap_can_take(data, p1, d, r2[d]) || !rotap_can_take(data, p2, d, r1[d]))
            return FALSE;
        changed++;
    }
    if (changed == 0)
        return FALSE;
    for (int d = first; d < first + length; d++) {
        int v1 = r1[d], v2 = r2[d];

        if (v1 == v2)
            continue;
        rotap_move_set(st, undo, p1, d, v2);
        rotap_move_set(st, undo, p2, d, v1);
    }
    return TRUE;
}

static gboolean
move_swap(RotapState *st, RotapRng *rng, RotapUndo *undo, int max_length)
{
    const RotapSolverData *data = st->data;
    int p1, p2, day, length = 1, first;

    if (!pick_busy(st, rng, &p1, &day))
        return FALSE;
    p2 = pick_partner(st, rng, p1, st->x[p1 * data->n_days + day]);
    if (p2 < 0)
        return FALSE;
    if (max_length > 1)
        length = 2 + rotap_rng_below(rng, max_length - 1);
    length = MIN(length, data->n_days);
    first = day - rotap_rng_below(rng, length);
    first = CLAMP(first, 0, data->n_days - length);
    return exchange(st, undo, p1, p2, first, length);
}

/* Serve the same week window on another of its days. */
static gboolean
move_week_day(RotapState *st, RotapRng *rng, RotapUndo *undo)
{
    const RotapSolverData *data = st->data;
    const RotapCell *cell;
    int person, day, other, value;

    if (!pick_busy(st, rng, &person, &day))
        return FALSE;
    value = st->x[person * data->n_days + day];
    if (!rotap_is_cell(data, value))
        return FALSE;
    cell = &data->model->cells[value];
    if (cell->n_days < 2)
        return FALSE;
    other = cell->days[rotap_rng_below(rng, cell->n_days)];
    if (other == day || st->x[person * data->n_days + other] != ROTAP_NONE ||
        !rotap_can_take(data, person, other, value))
        return FALSE;
    rotap_move_set(st, undo, person, day, ROTAP_NONE);
    rotap_move_set(st, undo, person, other, value);
    return TRUE;
}

/*
 * Give one person the same shift (or nothing) on a few consecutive days:
 * makes and breaks whole runs.  Only where each day has a single cell of
 * that shift (day_shift_cell).
 */
static gboolean
move_block_change(RotapState *st, RotapRng *rng, RotapUndo *undo, int max_length)
{
    const RotapSolverData *data = st->data;
    int n_shifts = data->model->n_shifts, person, day, shift = -1, length, first,
        changed = 0;
    int values[ROTAP_MAX_CHANGES];

    person = rotap_rng_below(rng, data->n_people);
    day = rotap_rng_below(rng, data->n_days);
    if (rotap_rng_below(rng, 3) > 0)
        shift = rotap_rng_below(rng, n_shifts);
    /* The length once came from MIN(1 + draw, n_days), a macro that drew
     * twice and could pass n_days on a horizon shorter than max_length
     * (first = -1).  The same two draws, bounded: rosters stay the same. */
    length = 1 + rotap_rng_below(rng, max_length) < data->n_days
                 ? 1 + rotap_rng_below(rng, max_length)
                 : data->n_days;
    length = MIN(length, data->n_days);
    first = day - rotap_rng_below(rng, length);
    first = CLAMP(first, 0, data->n_days - length);
    for (int d = first; d < first + length; d++) {
        int v =
            shift < 0 ? ROTAP_NONE : data->day_shift_cell[(gsize)d * n_shifts + shift];

        if (shift >= 0 && v < 0)
            return FALSE;
        values[d - first] = v;
        if (st->x[person * data->n_days + d] == v)
            continue;
        if (!rotap_can_take(data, person, d, v))
            return FALSE;
        changed++;
    }
    if (changed == 0)
        return FALSE;
    for (int d = first; d < first + length; d++)
        rotap_move_set(st, undo, person, d, values[d - first]);
    return TRUE;
}

/* The value of the same kind of duty as value on another day: the day's
 * single cell of that shift, else the same duty at the same segment. */
static int
same_duty_on(const RotapSolverData *data, int value, int day)
{
    const RotaModel *model = data->model;
    const RotapCell *cell;
    int v;

    if (!rotap_is_cell(data, value))
        return ROTAP_NONE;
    cell = &model->cells[value];
    v = data->day_shift_cell[(gsize)day * model->n_shifts + cell->shift];
    if (v >= 0)
        return v;
    return rotap_model_find_cell(model, cell->duty, cell->segment, day);
}

/* A random day within reach of day (at most span away, nearer more
 * often), or -1. */
static int
nearby_day(const RotapSolverData *data, RotapRng *rng, int day, int span)
{
    int reach = 1 + rotap_rng_below(rng, 1 + rotap_rng_below(rng, span));
    int other = rotap_rng_below(rng, 2) ? day + reach : day - reach;

    return other >= 0 && other < data->n_days ? other : -1;
}

/* One person works another day instead, doing the same duty there: the
 * person's workload stays, the cover moves. */
static gboolean
move_shift_day(RotapState *st, RotapRng *rng, RotapUndo *undo, int span)
{
    const RotapSolverData *data = st->data;
    int person, day, other, value, target;

    if (!pick_busy(st, rng, &person, &day))
        return FALSE;
    other = nearby_day(data, rng, day, span);
    if (other < 0 || st->x[person * data->n_days + other] != ROTAP_NONE)
        return FALSE;
    value = st->x[person * data->n_days + day];
    target = same_duty_on(data, value, other);
    if (target < 0 || !rotap_can_take(data, person, other, target))
        return FALSE;
    rotap_move_set(st, undo, person, day, ROTAP_NONE);
    rotap_move_set(st, undo, person, other, target);
    return TRUE;
}

/* Two people swap two separate days: the cover of both days and each
 * person's workload can stay as they were. */
static gboolean
move_double_swap(RotapState *st, RotapRng *rng, RotapUndo *undo, int span)
{
    const RotapSolverData *data = st->data;
    int p1, p2, d1, d2;
    const int *r1, *r2;

    if (!pick_busy(st, rng, &p1, &d1))
        return FALSE;
    p2 = pick_partner(st, rng, p1, st->x[p1 * data->n_days + d1]);
    d2 = nearby_day(data, rng, d1, span);
    if (p2 < 0 || d2 < 0)
        return FALSE;
    r1 = st->x + (gsize)p1 * data->n_days;
    r2 = st->x + (gsize)p2 * data->n_days;
    if (!rotap_can_trade(st, p1, p2, d1) || !rotap_can_trade(st, p1, p2, d2))
        return FALSE;
    {
        int a = r1[d1], b = r2[d1], c = r1[d2], d = r2[d2];

        rotap_move_set(st, undo, p1, d1, b);
        rotap_move_set(st, undo, p2, d1, a);
        rotap_move_set(st, undo, p1, d2, d);
        rotap_move_set(st, undo, p2, d2, c);
    }
    return TRUE;
}

/* People in cell c beyond its duty's minimum (negative when short). */
static int
cell_surplus(const RotapState *st, int c)
{
    const RotaModel *model = st->data->model;

    return st->cell_n[c] - model->duties[model->cells[c].duty].min;
}

/* The next cell due on day that is short of its minimum, looking at the
 * day's cells from *k on, in the order that begins at start (a random
 * index); advances *k past it.  -1 when none is left. */
static int
next_short_cell(const RotapState *st, int day, int start, int *k)
{
    const RotapSolverData *data = st->data;
    int first = data->day_start[day], n = data->day_start[day + 1] - first;

    for (; *k < n; (*k)++) {
        int c = data->day_cells[first + (start + *k) % n];

        if (cell_surplus(st, c) < 0) {
            (*k)++;
            return c;
        }
    }
    return -1;
}

/* A random starting index among day's cells for next_short_cell(). */
static int
random_start(const RotapSolverData *data, RotapRng *rng, int day)
{
    int n = data->day_start[day + 1] - data->day_start[day];

    return n > 0 ? rotap_rng_below(rng, n) : 0;
}

/*
 * Fill a place short of its minimum on a random day with an eligible
 * person.  Someone on a fuller cell that day moves over; someone free
 * that day gives up, half the time, a day nearby on which they fill a
 * place beyond its minimum (their workload stays).  Aims the search at
 * the cover where random moves seldom land.
 */
static gboolean
move_fill(RotapState *st, RotapRng *rng, RotapUndo *undo, int span)
{
    const RotapSolverData *data = st->data;
    int day = rotap_rng_below(rng, data->n_days), k = 0, cell, person, other;

    cell = next_short_cell(st, day, random_start(data, rng, day), &k);
    if (cell < 0)
        return FALSE;
    person = pick_taker(st, rng, cell, day);
    if (person < 0)
        return FALSE;
    if (st->x[person * data->n_days + day] != ROTAP_NONE) {
        rotap_move_set(st, undo, person, day, cell);
        return TRUE;
    }
    other = rotap_rng_below(rng, 2) ? nearby_day(data, rng, day, span) : -1;
    if (other >= 0) {
        int v = st->x[person * data->n_days + other];

        if (!rotap_is_cell(data, v) || cell_surplus(st, v) <= 0 ||
            data->frozen[person * data->n_days + other])
            other = -1;
    }
    rotap_move_set(st, undo, person, day, cell);
    if (other >= 0)
        rotap_move_set(st, undo, person, other, ROTAP_NONE);
    return TRUE;
}

/*
 * Put one of a unit's head and deputies on the unit's on-site hour on a
 * random day that has one, leaving what they did that day; whoever held
 * it that day gives it up.  The only move that puts someone on site:
 * the others draw duty cells or exchange what people hold.
 */
static gboolean
move_onsite(RotapState *st, RotapRng *rng, RotapUndo *undo)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    int unit = rotap_rng_below(rng, model->n_units),
        day = rotap_rng_below(rng, data->n_days);
    const RotapUnit *u = &model->units[unit];
    int first = data->onsite_start[unit], n = data->onsite_start[unit + 1] - first;
    int person, value, holder = -1;

    if (n == 0 || u->n_segments == 0 ||
        data->unit_day_term[(gsize)unit * data->n_days + day] == 0)
        return FALSE;
    person = data->onsite_people[first + rotap_rng_below(rng, n)];
    value = data->n_cells + u->segments[rotap_rng_below(rng, u->n_segments)];
    if (!rotap_can_take(data, person, day, value))
        return FALSE;
    for (int k = first; k < first + n; k++) {
        int v = st->x[data->onsite_people[k] * data->n_days + day];

        if (rotap_is_onsite_of(data, v, unit))
            holder = data->onsite_people[k];
    }
    if (holder == person || (holder >= 0 && data->frozen[holder * data->n_days + day]))
        return FALSE;
    if (holder >= 0)
        rotap_move_set(st, undo, holder, day, ROTAP_NONE);
    rotap_move_set(st, undo, person, day, value);
    return TRUE;
}

/* How far from its slot rotap_move_mend() looks. */
#define NEAR_SPAN 3

gboolean
rotap_move_mend(RotapState *st, RotapRng *rng, RotapUndo *undo, int slot, int former)
{
    const RotapSolverData *data = st->data;
    int person = slot / data->n_days, day = slot % data->n_days, value, other;

    if (rotap_rng_below(rng, 2) == 0) {
        if (st->x[slot] == former || !rotap_can_take(data, person, day, former))
            return FALSE;
        rotap_move_set(st, undo, person, day, former);
        return TRUE;
    }
    day += rotap_rng_below(rng, 2 * NEAR_SPAN + 1) - NEAR_SPAN;
    if (day < 0 || day >= data->n_days || data->frozen[person * data->n_days + day])
        return FALSE;
    value = st->x[person * data->n_days + day];
    if (value == ROTAP_NONE) {
        int cell = random_day_cell(data, rng, day);

        if (cell < 0 || !rotap_can_take(data, person, day, cell))
            return FALSE;
        rotap_move_set(st, undo, person, day, cell);
        return TRUE;
    }
    switch (rotap_rng_below(rng, 3)) {
    case 0:
        rotap_move_set(st, undo, person, day, ROTAP_NONE);
        return TRUE;
    case 1:
        other = pick_taker(st, rng, value, day);
        if (other < 0)
            return FALSE;
        rotap_move_set(st, undo, other, day, value);
        rotap_move_set(st, undo, person, day, ROTAP_NONE);
        return TRUE;
    default:
        other = pick_partner(st, rng, person, value);
        return other >= 0 && exchange(st, undo, person, other, day, 1);
    }
}

/* How often each move is drawn, out of their sum (by measurement). */
enum {
    ASSIGN,
    UNASSIGN,
    SWAP,
    BLOCK_SWAP,
    BLOCK_CHANGE,
    SHIFT_DAY,
    DOUBLE_SWAP,
    WEEK_DAY,
    FILL,
    N_MOVES
};
static const int move_weights[N_MOVES] = {15, 5, 15, 25, 10, 20, 20, 5, 10};
#define MAX_BLOCK 7
#define MAX_CHANGE 5
#define SPAN 7
/* In a re-solve, one move in REVERT_EVERY gives a changed slot its
 * previous value back, the first found among REVERT_SCAN slots from a
 * random one (a slot may: not frozen, the value still allowed). */
#define REVERT_EVERY 16
#define REVERT_SCAN 256

gboolean
rotap_slot_revertible(const RotapState *st, int slot)
{
    const RotapSolverData *data = st->data;
    int prev = data->prev_value[slot];

    return prev != ROTAP_PREV_OTHER && st->x[slot] != prev && !data->frozen[slot] &&
           rotap_can_take(data, slot / data->n_days, slot % data->n_days, prev);
}

/* A changed (person, day) takes its previous value again (the search then
 * accepts or undoes it): a re-solve's needless changes each cost
 * `change`, but random moves seldom land on exactly the slot and value
 * that would take one back. */
static gboolean
move_revert(RotapState *st, RotapRng *rng, RotapUndo *undo)
{
    const RotapSolverData *data = st->data;
    int start = rotap_rng_below(rng, data->n_slots);

    for (int i = 0; i < MIN(REVERT_SCAN, data->n_slots); i++) {
        int slot = (start + i) % data->n_slots;

        if (!rotap_slot_revertible(st, slot))
            continue;
        rotap_move_set(st, undo, slot / data->n_days, slot % data->n_days,
                       data->prev_value[slot]);
        return TRUE;
    }
    return FALSE;
}

gboolean
rotap_move_random(RotapState *st, RotapRng *rng, RotapUndo *undo)
{
    int total = 0, r, kind = 0;

    /* A model without people (or without days) has no slot to move:
     * every move below picks a slot or a person first. */
    if (st->data->n_slots == 0)
        return FALSE;
    if (st->data->has_prev && rotap_rng_below(rng, REVERT_EVERY) == 0)
        return move_revert(st, rng, undo);
    for (int k = 0; k < N_MOVES; k++)
        total += move_weights[k];
    r = rotap_rng_below(rng, total);
    while (r >= move_weights[kind])
        r -= move_weights[kind++];
    switch (kind) {
    case ASSIGN:
        if (st->data->model->onsite_shift >= 0 && rotap_rng_below(rng, 4) == 0)
            return move_onsite(st, rng, undo);
        return move_assign(st, rng, undo);
    case UNASSIGN:
        return move_unassign(st, rng, undo);
    case SWAP:
        return move_swap(st, rng, undo, 1);
    case BLOCK_SWAP:
        return move_swap(st, rng, undo, MAX_BLOCK);
    case BLOCK_CHANGE:
        return move_block_change(st, rng, undo, MAX_CHANGE);
    case SHIFT_DAY:
        return move_shift_day(st, rng, undo, SPAN);
    case DOUBLE_SWAP:
        return move_double_swap(st, rng, undo, SPAN);
    case FILL:
        /* Where the re-rostering applies (the benchmark's models) the
         * fill move pays; on the county it cost: 10 s, 1 thread, seeds
         * 1-2 ended at 34,293 and 34,047 with it, 31,786 and 31,299
         * with a plain assignment instead. */
        if (!st->data->dp_ok)
            return move_assign(st, rng, undo);
        return move_fill(st, rng, undo, SPAN);
    default:
        if (!st->data->has_week_cells)
            return move_swap(st, rng, undo, 1);
        return move_week_day(st, rng, undo);
    }
}

/* Whether person's total minutes are within their limits. */
static gboolean
minutes_within_limits(const RotapState *st, int person)
{
    const RotapLimits *l = &st->data->model->people[person].limits;

    return st->minutes[person] >= l->min_minutes &&
           (l->max_minutes == ROTAP_UNLIMITED || st->minutes[person] <= l->max_minutes);
}

gboolean
rotap_person_keeps_horizon_limits(const RotapState *st, int person)
{
    const RotaModel *model = st->data->model;
    const RotapLimits *l = &model->people[person].limits;

    if (!minutes_within_limits(st, person) ||
        (l->max_weekends != ROTAP_UNLIMITED && st->weekends[person] > l->max_weekends))
        return FALSE;
    for (int s = 0; s < model->n_shifts; s++) {
        int max = model->max_shifts[(gsize)person * model->n_shifts + s];

        if (max != ROTAP_UNLIMITED &&
            st->shift_n[(gsize)person * model->n_shifts + s] > max)
            return FALSE;
    }
    return TRUE;
}

int
rotap_person_breaches(const RotapState *st, int person, guint8 *days)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    const RotapLimits *l = &model->people[person].limits;
    const int *row = st->x + (gsize)person * data->n_days;
    int run = 0, first = data->n_days;
    gboolean prev_work = FALSE, edge = TRUE;

    for (int d = 0; d <= data->n_days; d++) {
        gboolean work = d < data->n_days && rotap_is_cell(data, row[d]);

        if ((d < data->n_days && row[d] != ROTAP_NONE &&
             rotap_model_is_off(model, person, d, data->val_shift[row[d]])) ||
            (d > 0 && d < data->n_days && work && prev_work &&
             model->forbid[data->val_shift[row[d - 1]] * model->n_shifts +
                           data->val_shift[row[d]]])) {
            if (days == NULL)
                return d;
            days[d] = 1;
            first = MIN(first, d);
        }
        if (d > 0 && (d == data->n_days || work != prev_work)) {
            gboolean inner = !edge && d < data->n_days;

            if ((prev_work &&
                 ((l->max_consecutive != ROTAP_UNLIMITED && run > l->max_consecutive) ||
                  (inner && run < l->min_consecutive))) ||
                (!prev_work && inner && run < l->min_days_off)) {
                if (days == NULL)
                    return d - 1;
                memset(days + d - run, 1, run);
                first = MIN(first, d - run);
            }
            run = 0;
            edge = FALSE;
        }
        run++;
        prev_work = work;
    }
    if (first < data->n_days)
        return first;
    return rotap_person_keeps_horizon_limits(st, person) ? -2 : -1;
}

int
rotap_person_breaks(const RotapState *st, int person)
{
    return rotap_person_breaches(st, person, NULL);
}

/* A person breaking a limit, searching from a random one, and the day of
 * the breach (as rotap_person_breaks()); -1 if nobody. */
static int
pick_breaking(const RotapState *st, RotapRng *rng, int *day)
{
    const RotapSolverData *data = st->data;
    int start = rotap_rng_below(rng, data->n_people);

    for (int k = 0; k < data->n_people; k++) {
        int p = (start + k) % data->n_people;

        *day = rotap_person_breaks(st, p);
        if (*day > -2)
            return p;
    }
    return -1;
}

/* Windows reroster_pair() tries to put the total minutes back. */
#define PAIR_TRIES 3

/*
 * Re-roster person over the window at first with their total minutes free
 * to leave their limits by one shift, then, while the total is off them,
 * over up to PAIR_TRIES random windows clear of the first, as usual
 * (which puts the total back if it can).  Work moves between distant
 * parts of the horizon, as mending a run needs when the total minutes
 * leave no slack (Instance22: 232 to 234 shifts in 364 days for all).
 */
static gboolean
reroster_pair(RotapState *st, RotapDp *dp, RotapRng *rng, RotapUndo *undo, int person,
              int first, int length)
{
    const RotapSolverData *data = st->data;
    /* starts of windows clear of this one: 0 .. first - length on the
     * left, first + length .. n_days - length on the right */
    int left = MAX(first - length + 1, 0);
    int right = MAX(data->n_days - first - 2 * length + 1, 0);
    gboolean changed;

    if (left + right == 0 || undo->n + (1 + PAIR_TRIES) * length > ROTAP_MAX_CHANGES)
        return FALSE;
    changed = rotap_dp_reroster_slack(dp, st, undo, person, first, first + length - 1,
                                      data->longest_shift);
    for (int k = 0; k < PAIR_TRIES; k++) {
        int other;

        if (minutes_within_limits(st, person))
            break;
        other = rotap_rng_below(rng, left + right);
        if (other >= left)
            other = first + length + (other - left);
        changed =
            rotap_dp_reroster(dp, st, undo, person, other, other + length - 1) || changed;
    }
    return changed;
}

/* A person who may fill a place short of its minimum on some day, and
 * the day, looking at a few random days; -1 if none was found. */
static int
pick_filler(const RotapState *st, RotapRng *rng, int *day)
{
    const RotapSolverData *data = st->data;

    for (int tries = 0; tries < 8; tries++) {
        int d = rotap_rng_below(rng, data->n_days), start = random_start(data, rng, d);
        int k = 0, c;

        while ((c = next_short_cell(st, d, start, &k)) >= 0) {
            int person = pick_taker(st, rng, c, d);

            if (person >= 0 && !data->frozen[person * data->n_days + d]) {
                *day = d;
                return person;
            }
        }
    }
    return -1;
}

/* Whole-horizon re-rostering (see rotap_move_reroster()): a quarter of
 * the breach-aimed calls on a horizon of at most WHOLE_SHORT days; on a
 * longer one (slow: tens of milliseconds for 182 days), one in WHOLE_RARE
 * of those for a limit over the whole horizon. */
#define WHOLE_SHORT 32
#define WHOLE_RARE 64
/* The cover-aimed window is at most 1 / FILL_SHARE of the horizon (7 of
 * Instance4-13's 28 days).  Measured at 20 s, 1 thread, Instance4/5/6/8/
 * 9/10/12, seeds 1-6, side by side: mean gap 5.94 % against 7.16 % with a
 * third (Instance5 1179.3 against 1212.7, 8: 1411.5 against 1476.3,
 * 10: 4733.3 against 4754.8; 6 and 12 a little worse); a half gave 6.98 %
 * against 7.93 % (seeds 1-3). */
#define FILL_SHARE 4

/* Re-roster one person over a random window.  While the roster keeps
 * every hard constraint, the person is one who may fill a place short of
 * its minimum, over a window around that day (1 / FILL_SHARE of the
 * horizon at most) paired with windows far from it (reroster_pair()): the cover
 * gains a shift where it lacks one and the person's total minutes come
 * back where the cover can spare them (20 s, seeds 1-4: Instance5
 * 1166-1252 against 1238-1250, Instance10 and 12 about 2 % lower, the
 * others within the seeds' spread).  Half the time, while the roster
 * breaks hard constraints, one who breaks a limit, over a window
 * around the breach or, at times, over the whole horizon (WHOLE_SHORT,
 * WHOLE_RARE): a breach held in place by a limit over the horizon
 * (weekends, minutes) may need work moved from far away.  Instance8 kept
 * one min_days_off breach for 20 M moves without; Instance21's W, who
 * must work 115 of 182 days, five on and two off throughout, stayed a
 * shift short at 60 s in two of three seeds.  On a longer horizon, half
 * the windows around a breach go with windows far from it
 * (reroster_pair()). */
gboolean
rotap_move_reroster(RotapState *st, RotapDp *dp, RotapRng *rng, RotapUndo *undo,
                    int window)
{
    const RotapSolverData *data = st->data;
    int person = rotap_rng_below(rng, data->n_people);
    int length = MIN(window, data->n_days);
    int first = rotap_rng_below(rng, data->n_days - length + 1);

    if (st->cost.hard == 0) {
        int day, p = pick_filler(st, rng, &day),
                 span = MIN(length, data->n_days / FILL_SHARE);

        if (p >= 0 && span >= 2) {
            first = day - rotap_rng_below(rng, span);
            first = CLAMP(first, 0, data->n_days - span);
            return reroster_pair(st, dp, rng, undo, p, first, span);
        }
    }
    if (st->cost.hard > 0 && rotap_rng_below(rng, 2) == 0) {
        int day, p = pick_breaking(st, rng, &day);

        if (p >= 0) {
            person = p;
            if ((data->n_days <= WHOLE_SHORT && rotap_rng_below(rng, 4) == 0) ||
                (day < 0 && rotap_rng_below(rng, WHOLE_RARE) == 0)) {
                length = data->n_days;
                first = 0;
            }
        }
        if (p >= 0 && day >= 0) {
            first = day - length / 2 + rotap_rng_below(rng, length / 2 + 1) - length / 4;
            first = CLAMP(first, 0, data->n_days - length);
            if (data->n_days >= 3 * length && rotap_rng_below(rng, 2) == 0)
                return reroster_pair(st, dp, rng, undo, person, first, length);
        }
    }
    return rotap_dp_reroster(dp, st, undo, person, first, first + length - 1);
}
