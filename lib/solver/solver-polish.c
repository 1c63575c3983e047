/* SPDX-License-Identifier: MIT */
/* solver-polish.c: the end of every solve: a deterministic descent on the best roster. */
#include "config.h"

#include "solver-private.h"

/*
 * The random moves draw a given unit's on-site hour of a given day
 * rarely on a long horizon: the county's year has 37,595 of them, and a
 * 60 s run drew each a few times in the cold end of its last cycle.  Its
 * best roster kept deputies on site on days their head was free (each
 * costing deputy_onsite) where a single move would have put the head
 * back.  Here every such (unit, day) is tried in turn.
 */

static gboolean
better(const RotapState *st, int hard, gint64 soft)
{
    return rotap_cost_compare(st->cost.hard, st->cost.soft, hard, soft) < 0;
}

/* What becomes of the taker's former duty of the day. */
typedef enum {
    LEAVE,   /* left: its place stays open */
    TRADE,   /* the holder takes it */
    REFILL,  /* the best free taker of its cell takes it */
    N_WAYS
} Way;

/*
 * taker takes the on-site hour value on day; holder (a person, or -1)
 * gives it up; the taker's former duty goes the given way.  Kept when
 * (hard, soft) gets better, else undone.
 */
static gboolean
try_take(RotapState *st, int day, int taker, int holder, int value, Way way)
{
    const RotapSolverData *data = st->data;
    int hard = st->cost.hard, former = st->x[taker * data->n_days + day];
    int person, refill_day;
    gint64 soft = st->cost.soft;
    RotapUndo undo;

    if (former == value || !rotap_can_take(data, taker, day, value))
        return FALSE;
    if (way == TRADE && (holder < 0 || former == ROTAP_NONE))
        return FALSE;
    if (way == REFILL && (former == ROTAP_NONE || former >= data->n_cells))
        return FALSE;
    if (holder >= 0 && !rotap_can_take(data, holder, day, way == TRADE ? former : ROTAP_NONE))
        return FALSE;
    rotap_undo_clear(&undo);
    if (holder >= 0)
        rotap_move_set(st, &undo, holder, day, way == TRADE ? former : ROTAP_NONE);
    rotap_move_set(st, &undo, taker, day, value);
    if (way == REFILL && rotap_state_best_taker(st, former, &person, &refill_day))
        rotap_move_set(st, &undo, person, refill_day, former);
    if (better(st, hard, soft))
        return TRUE;
    rotap_move_undo(st, &undo);
    return FALSE;
}

/* taker on site for unit on day, at the holder's segment first (held is
 * the holder's value, or ROTAP_NONE), then at each of the unit's. */
static gboolean
try_taker(RotapState *st, int unit, int day, int taker, int holder, int held)
{
    const RotapSolverData *data = st->data;
    const RotapUnit *u = &data->model->units[unit];

    for (Way way = LEAVE; way < N_WAYS; way++) {
        if (held != ROTAP_NONE && try_take(st, day, taker, holder, held, way))
            return TRUE;
        for (int k = 0; k < u->n_segments; k++) {
            int value = data->n_cells + u->segments[k];

            if (value != held && try_take(st, day, taker, holder, value, way))
                return TRUE;
        }
    }
    return FALSE;
}

/* Whether the on-site hour of unit on day changed hands for the better:
 * to the head when someone else holds it; to anyone able when nobody does. */
static gboolean
polish_onsite_day(RotapState *st, int unit, int day)
{
    const RotapSolverData *data = st->data;
    const RotapUnit *u = &data->model->units[unit];
    int first = data->onsite_start[unit], last = data->onsite_start[unit + 1];
    int holder = -1, held = ROTAP_NONE;

    for (int k = first; k < last; k++) {
        int v = st->x[data->onsite_people[k] * data->n_days + day];

        if (rotap_is_onsite_of(data, v, unit)) {
            holder = data->onsite_people[k];
            held = v;
        }
    }
    if (holder >= 0)
        return u->head >= 0 && holder != u->head &&
               try_taker(st, unit, day, u->head, holder, held);
    for (int k = first; k < last; k++)
        if (try_taker(st, unit, day, data->onsite_people[k], -1, ROTAP_NONE))
            return TRUE;
    return FALSE;
}

int
rotap_state_polish(RotapState *st)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    int changed = 0;

    for (int unit = 0; model->onsite_shift >= 0 && unit < model->n_units; unit++) {
        if (data->onsite_start[unit] == data->onsite_start[unit + 1] ||
            model->units[unit].n_segments == 0)
            continue;
        for (int day = 0; day < data->n_days; day++)
            if (data->unit_day_term[(gsize)unit * data->n_days + day] != 0 &&
                polish_onsite_day(st, unit, day))
                changed++;
    }
    return changed + rotap_state_cover_free(st);
}
