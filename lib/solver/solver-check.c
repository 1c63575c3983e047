/* SPDX-License-Identifier: MIT */
/* solver-check.c: uncovered places that an eligible free person could still take. */
#include "config.h"

#include "solver-private.h"
#include "util-private.h"

/* Whether the change from before to after adds to any hard term. */
static gboolean
adds_hard(const RotapCost *before, const RotapCost *after)
{
    for (int t = 0; t < ROTAP_TERM_UNCOVERED; t++)
        if (after->count[t] > before->count[t] || after->pen[t] > before->pen[t])
            return TRUE;
    return FALSE;
}

/*
 * Whether person could take a place in cell c on day without a new hard
 * violation: the slot empty, the value allowed (rotap_can_take()), and no
 * hard term's count or magnitude raised.  The state is as it was after.
 * The evaluator answers the same question from a roster by its own rules
 * (score-free.c, for its messages); check_free.c compares the two.
 */
gboolean
rotap_state_can_take_place(RotapState *st, int c, int person, int day)
{
    const RotapSolverData *data = st->data;
    RotapCost before = st->cost;
    gboolean ok;

    if (st->x[person * data->n_days + day] != ROTAP_NONE ||
        !rotap_can_take(data, person, day, c))
        return FALSE;
    rotap_state_set(st, person, day, c);
    ok = !adds_hard(&before, &st->cost);
    rotap_state_set(st, person, day, ROTAP_NONE);
    return ok;
}

/* Whether person can take a place in cell c on one of its days. */
static gboolean
can_cover(RotapState *st, int c, int person)
{
    const RotapCell *cell = &st->data->model->cells[c];

    for (int k = 0; k < cell->n_days; k++)
        if (rotap_state_can_take_place(st, c, person, cell->days[k]))
            return TRUE;
    return FALSE;
}

/*
 * For each cell below its min, the places a free eligible person could
 * fill, each cell on its own: the number of eligible people who can cover
 * it (can_cover), at most the places missing.  Stops counting a cell's
 * people once the missing places are reached.
 */
int
rotap_state_count_coverable(RotapState *st, int *n_uncovered)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    int coverable = 0, uncovered = 0;

    for (int c = 0; c < data->n_cells; c++) {
        int missing = model->duties[model->cells[c].duty].min - st->cell_n[c];
        const RotapEligible takers = rotap_value_takers(data, c);
        int n_takers = takers.n_people, found = 0;

        if (missing <= 0)
            continue;
        uncovered += missing;
        for (int i = 0; i < n_takers && found < missing; i++)
            if (can_cover(st, c, rotap_eligible_at(&takers, i)))
                found++;
        coverable += found;
    }
    if (n_uncovered != NULL)
        *n_uncovered = uncovered;
    return coverable;
}

gboolean
rotap_state_best_taker(RotapState *st, int c, int *best_person, int *best_day)
{
    const RotapSolverData *data = st->data;
    const RotapCell *cell = &data->model->cells[c];
    const RotapEligible takers = rotap_value_takers(data, c);
    int n_takers = takers.n_people;
    gint64 best = 0;

    *best_person = -1;
    for (int i = 0; i < n_takers; i++) {
        for (int k = 0; k < cell->n_days; k++) {
            int person = rotap_eligible_at(&takers, i), day = cell->days[k];
            RotapCost before = st->cost;
            gint64 delta;
            gboolean hard;

            if (st->x[person * data->n_days + day] != ROTAP_NONE ||
                !rotap_can_take(data, person, day, c))
                continue;
            rotap_state_set(st, person, day, c);
            delta = st->cost.soft - before.soft;
            hard = adds_hard(&before, &st->cost);
            rotap_state_set(st, person, day, ROTAP_NONE);
            if (!hard && delta < best) {
                best = delta;
                *best_person = person;
                *best_day = day;
            }
        }
    }
    return *best_person >= 0;
}

/*
 * Fill the missing places of every cell below its min, cell by cell, each
 * with its best taker while that lowers the soft penalty and adds no hard
 * violation.  Never worsens (hard, soft); deterministic; returns the
 * places filled.  Meant for the end of a search, whose random moves can
 * leave such a place (about O(eligible x days) per missing place).
 */
int
rotap_state_cover_free(RotapState *st)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    int filled = 0;

    for (int c = 0; c < data->n_cells; c++) {
        int missing = model->duties[model->cells[c].duty].min - st->cell_n[c];
        int person, day;

        for (; missing > 0 && rotap_state_best_taker(st, c, &person, &day); missing--) {
            rotap_state_set(st, person, day, c);
            filled++;
        }
    }
    return filled;
}

/*
 * The same for a roster of model.  Each (person, day) of the roster must
 * hold at most one assignment that the solver can represent (a duty cell
 * or the on-site hour at a segment of the unit); other slots count as
 * empty.  Locked assignments stay where they are.
 */
int
rotap_roster_count_coverable(RotaModel *model, const RotaRoster *roster, int *n_uncovered)
{
    /* a test's helper, on small models: a failure aborts, as g_new() */
    GError *error = NULL;
    RotapSolverData *data = rotap_or_abort(rotap_solver_data_new(model, roster, &error), &error);
    RotapState *st = rotap_or_abort(rotap_state_new(data, &error), &error);
    g_autofree int *values = g_new(int, MAX(data->n_slots, 1));
    int coverable;

    for (int s = 0; s < data->n_slots; s++)
        values[s] = data->prev_value[s] >= 0 ? data->prev_value[s] : ROTAP_NONE;
    rotap_state_load(st, values);
    coverable = rotap_state_count_coverable(st, n_uncovered);
    rotap_state_free(st);
    rotap_solver_data_free(data);
    return coverable;
}

/* ------------------------------------------------------------ re-solves */

#define REVERT_PASSES 4

static gboolean
improved(const RotapState *st, int hard, gint64 soft)
{
    return rotap_cost_compare(st->cost.hard, st->cost.soft, hard, soft) < 0;
}

/* Slot s takes its previous value back, alone or with one partner of the
 * same day (someone who now holds that value and had another); kept only
 * when (hard, soft) gets better, else undone.  Returns the slots changed. */
static int
try_revert(RotapState *st, int s)
{
    const RotapSolverData *data = st->data;
    int day = s % data->n_days, prev = data->prev_value[s], hard = st->cost.hard;
    gint64 soft = st->cost.soft;
    RotapUndo undo;

    rotap_undo_clear(&undo);
    rotap_move_set(st, &undo, s / data->n_days, day, prev);
    if (improved(st, hard, soft))
        return 1;
    for (int q = 0; prev != ROTAP_NONE && q < data->n_people; q++) {
        int t = q * data->n_days + day;

        if (t == s || st->x[t] != prev || !rotap_slot_revertible(st, t))
            continue;
        rotap_move_set(st, &undo, q, day, data->prev_value[t]);
        if (improved(st, hard, soft))
            return 2;
        rotap_state_set(st, q, day, prev);
        undo.n--;
    }
    rotap_move_undo(st, &undo);
    return 0;
}

/*
 * The end of a re-solve: the annealing leaves changes against the
 * previous roster that cost `change` and buy nothing (in
 * shared/cases/replan-onsite-churn, the head's on-site hour moved between
 * the unit's two segments on days the absence does not touch); each one
 * that can go back, alone or with the one it was traded with, goes back.
 * Deterministic: slots in order, at most REVERT_PASSES passes.
 */
int
rotap_state_revert_changes(RotapState *st)
{
    const RotapSolverData *data = st->data;
    int reverted = 0;
    gboolean again = data->has_prev;

    for (int pass = 0; again && pass < REVERT_PASSES; pass++) {
        again = FALSE;
        for (int s = 0; s < data->n_slots; s++) {
            int n = rotap_slot_revertible(st, s) ? try_revert(st, s) : 0;

            reverted += n;
            again = again || n > 0;
        }
    }
    return reverted;
}
