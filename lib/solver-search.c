/* SPDX-License-Identifier: MIT */
/* solver-search.c: one search of the portfolio: simulated annealing with reheats from the best. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "solver-private.h"

struct _RotapSearch {
    const RotapSolverData *data;
    RotapState *state;
    RotapRng rng;
    int index;

    /* The best roster so far, and the slots that may differ from it
     * (journal; past its capacity, overflow means "compare them all"). */
    int *best;
    int best_hard;
    gint64 best_soft;
    guint8 *dirty;
    int *journal;
    int n_journal, cap_journal;
    gboolean overflow;

    /* Annealing: temp falls geometrically from t0 to t_end over each cycle
     * of cycle_len moves, then the search returns to its best and reheats. */
    double t0, t_end, temp, alpha;
    guint64 cycle_len, cycle_pos;
    int cycle;
};

RotapSearch *
rotap_search_new(const RotapSolverData *data, guint64 seed, int index)
{
    RotapSearch *search = g_new0(RotapSearch, 1);

    search->data = data;
    search->index = index;
    search->state = rotap_state_new(data);
    rotap_rng_seed(&search->rng, seed, (guint64)index);
    search->best = g_new(int, MAX(data->n_slots, 1));
    search->dirty = g_new0(guint8, MAX(data->n_slots, 1));
    search->cap_journal = MAX(data->n_slots / 8, 64);
    search->journal = g_new(int, search->cap_journal);
    return search;
}

void
rotap_search_free(RotapSearch *search)
{
    if (search == NULL)
        return;
    rotap_state_free(search->state);
    g_free(search->best);
    g_free(search->dirty);
    g_free(search->journal);
    g_free(search);
}

static void
mark_best(RotapSearch *search)
{
    const RotapState *st = search->state;

    memcpy(search->best, st->x, sizeof(int) * search->data->n_slots);
    memset(search->dirty, 0, search->data->n_slots);
    search->n_journal = 0;
    search->overflow = FALSE;
    search->best_hard = st->cost.hard;
    search->best_soft = st->cost.soft;
}

static void
save_best(RotapSearch *search)
{
    const RotapState *st = search->state;

    if (search->overflow) {
        mark_best(search);
        return;
    }
    for (int i = 0; i < search->n_journal; i++) {
        int s = search->journal[i];

        search->best[s] = st->x[s];
        search->dirty[s] = 0;
    }
    search->n_journal = 0;
    search->best_hard = st->cost.hard;
    search->best_soft = st->cost.soft;
}

static void
note_changes(RotapSearch *search, const RotapUndo *undo)
{
    for (int i = 0; i < undo->n; i++) {
        int s = undo->slot[i];

        if (search->dirty[s])
            continue;
        search->dirty[s] = 1;
        if (search->n_journal < search->cap_journal)
            search->journal[search->n_journal++] = s;
        else
            search->overflow = TRUE;
    }
}

/* Put the state back to the best roster. */
static void
restore_best(RotapSearch *search)
{
    const RotapSolverData *data = search->data;
    RotapState *st = search->state;

    if (search->overflow) {
        for (int s = 0; s < data->n_slots; s++)
            if (st->x[s] != search->best[s])
                rotap_state_set(st, s / data->n_days, s % data->n_days, search->best[s]);
        memset(search->dirty, 0, data->n_slots);
    } else {
        for (int i = 0; i < search->n_journal; i++) {
            int s = search->journal[i];

            rotap_state_set(st, s / data->n_days, s % data->n_days, search->best[s]);
            search->dirty[s] = 0;
        }
    }
    search->n_journal = 0;
    search->overflow = FALSE;
}

/*
 * The starting temperature: the mean soft rise of random moves that add
 * no hard violation, so that a typical worsening move is taken at first
 * with probability about 1/e.  Sampled with the search's own generator.
 */
static double
calibrate(RotapSearch *search)
{
    RotapState *st = search->state;
    RotapUndo undo = { 0 };
    double sum = 0;
    int n = 0;

    for (int i = 0; i < 2000; i++) {
        gint64 mag = st->cost.mag, soft = st->cost.soft;

        undo.n = 0;
        if (!rotap_move_random(st, &search->rng, &undo))
            continue;
        if (st->cost.mag == mag && st->cost.soft > soft) {
            sum += (double)(st->cost.soft - soft);
            n++;
        }
        rotap_move_undo(st, &undo);
    }
    return n > 0 ? sum / n : 1.0;
}

static void
start_cycle(RotapSearch *search)
{
    search->temp = search->t0;
    search->cycle_pos = 0;
    search->alpha = exp(log(search->t_end / search->t0) / (double)search->cycle_len);
}

void
rotap_search_start(RotapSearch *search)
{
    const RotapSolverData *data = search->data;
    double scale;

    rotap_construct(search->state, &search->rng);
    mark_best(search);
    scale = calibrate(search);
    search->t0 = MAX(scale * 0.5, 0.5);
    search->t_end = MAX(search->t0 * 1e-3, 0.05);
    search->cycle_len = (guint64)CLAMP((gint64)data->n_slots * 400, 2000000, 50000000);
    start_cycle(search);
}

static void
next_cycle(RotapSearch *search)
{
    search->cycle++;
    restore_best(search);
    start_cycle(search);
    /* Later cycles start cooler: the roster is already good. */
    search->temp = search->t0 * (search->cycle % 2 == 0 ? 1.0 : 0.3);
}

guint64
rotap_search_run(RotapSearch *search, guint64 n, const gint *cancel)
{
    RotapState *st = search->state;
    const RotapSolverData *data = search->data;
    RotapUndo undo = { 0 };
    guint64 i;

    for (i = 0; i < n; i++) {
        gint64 before, delta;

        if ((i & 1023) == 0 && cancel != NULL && g_atomic_int_get(cancel))
            break;
        if (++search->cycle_pos >= search->cycle_len)
            next_cycle(search);
        search->temp *= search->alpha;
        before = rotap_cost_weighted(data, &st->cost);
        undo.n = 0;
        if (!rotap_move_random(st, &search->rng, &undo))
            continue;
        delta = rotap_cost_weighted(data, &st->cost) - before;
        if (delta > 0 && rotap_rng_double(&search->rng) >= exp(-(double)delta / search->temp)) {
            rotap_move_undo(st, &undo);
            continue;
        }
        note_changes(search, &undo);
        if (rotap_cost_compare(st->cost.hard, st->cost.soft, search->best_hard,
                               search->best_soft) < 0)
            save_best(search);
    }
    return i;
}

void
rotap_search_get_best(const RotapSearch *search, int *hard, gint64 *soft)
{
    *hard = search->best_hard;
    *soft = search->best_soft;
}

const int *
rotap_search_get_best_values(const RotapSearch *search)
{
    return search->best;
}

const RotapState *
rotap_search_get_state(const RotapSearch *search)
{
    return search->state;
}

void
rotap_search_adopt(RotapSearch *search, const int *values)
{
    const RotapSolverData *data = search->data;
    RotapState *st = search->state;

    for (int s = 0; s < data->n_slots; s++)
        if (st->x[s] != values[s])
            rotap_state_set(st, s / data->n_days, s % data->n_days, values[s]);
    mark_best(search);
}
