/* SPDX-License-Identifier: MIT */
/* solver-moves.c: the neighbourhood: assign, unassign, swap, block swap, move within a week. */
#include "config.h"

#include "solver-private.h"

void
rotap_move_set(RotapState *st, RotapUndo *undo, int person, int day, int value)
{
    int slot = person * st->data->n_days + day;

    g_assert(undo->n < ROTAP_MAX_CHANGES);
    undo->slot[undo->n] = slot;
    undo->old[undo->n] = st->x[slot];
    undo->n++;
    rotap_state_set(st, person, day, value);
}

void
rotap_move_undo(RotapState *st, RotapUndo *undo)
{
    int n_days = st->data->n_days;

    for (int i = undo->n - 1; i >= 0; i--)
        rotap_state_set(st, undo->slot[i] / n_days, undo->slot[i] % n_days, undo->old[i]);
    undo->n = 0;
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

/* Put a random eligible person into a random cell of a random day (the
 * person leaves whatever they did that day). */
static gboolean
move_assign(RotapState *st, RotapRng *rng, RotapUndo *undo)
{
    const RotapSolverData *data = st->data;
    int day = rotap_rng_below(rng, data->n_days), n_takers, cell, person;
    int n = data->day_start[day + 1] - data->day_start[day];
    const int *takers;

    if (n == 0)
        return FALSE;
    cell = data->day_cells[data->day_start[day] + rotap_rng_below(rng, n)];
    takers = rotap_value_takers(data, cell, &n_takers);
    if (n_takers == 0)
        return FALSE;
    person = takers[rotap_rng_below(rng, n_takers)];
    if (st->x[person * data->n_days + day] == cell || !rotap_can_take(data, person, day, cell))
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
    int n;
    const int *takers = rotap_value_takers(st->data, value, &n);
    int other;

    if (n < 2)
        return -1;
    other = takers[rotap_rng_below(rng, n)];
    return other == person ? -1 : other;
}

/* Exchange two people's days first .. first + length - 1 (length 1: a
 * plain swap).  Every exchanged value must suit its new holder. */
static gboolean
exchange(RotapState *st, RotapUndo *undo, int p1, int p2, int first, int length)
{
    const RotapSolverData *data = st->data;
    const int *r1 = st->x + (gsize)p1 * data->n_days, *r2 = st->x + (gsize)p2 * data->n_days;
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

gboolean
rotap_move_random(RotapState *st, RotapRng *rng, RotapUndo *undo)
{
    int r = rotap_rng_below(rng, 100);

    if (r < 25)
        return move_assign(st, rng, undo);
    if (r < 35)
        return move_unassign(st, rng, undo);
    if (r < 60)
        return move_swap(st, rng, undo, 1);
    if (r < 95 || !st->data->has_week_cells)
        return move_swap(st, rng, undo, 7);
    return move_week_day(st, rng, undo);
}
