/* SPDX-License-Identifier: MIT */
/* solver-search.c: one search: simulated annealing with reheats from the best. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n-private.h"
#include "solver-private.h"
#include "util-private.h"

/*
 * The schedule, chosen by measurement on the benchmark's Instance1-12
 * (and checked on the county example): cycles of geometric cooling from
 * T0_FACTOR times the mean soft rise of a random move down to
 * T_END_FACTOR of that, CYCLE_PER_SLOT moves per (person, day) slot within
 * [CYCLE_MIN, CYCLE_MAX].  A cycle continues from where the last one
 * ended, not from the best roster: returning to the best made every
 * cycle fall back into the same basin (4M moves and a 10 s run ended
 * on the same roster), while continuing gave Instance5 1156 against
 * 1258 and small gains on 8, 9 and 12 at 12M moves.  T0_FACTOR 0.25
 * looked better on soft for 8, 9 and 12 at 20 s but left Instance20 with
 * hard violations at 60 s (4 at 22 s, against 1 at 12 s with 0.5).
 */
#define T0_FACTOR 0.5
#define T_END_FACTOR 1e-2
#define REHEAT_ODD 0.3
#define CYCLE_PER_SLOT 150
#define CYCLE_MIN 2000000
#define CYCLE_MAX 20000000
/* The shortest cycle rotap_search_fit_cycle() makes. */
#define CYCLE_FIT_MIN 200000
#define HW_START 5.0
#define HW_LOW 1.0
#define HW_HIGH 50.0
#define HW_UP 1.05
#define HW_DOWN 0.98
#define HW_PERIOD 4096
#define DP_PERIOD 500
#define DP_WINDOW 14
/* Once the roster keeps every hard constraint, every RUIN_PERIOD moves
 * a few people are re-rostered together over RUIN_WINDOW days
 * (rotap_move_ruin()). */
#define RUIN_PERIOD 2000
#define RUIN_WINDOW 7
/* Once the roster keeps every hard constraint, every EXCHANGE_PERIOD
 * moves two people trade the best pattern of days of an EXCHANGE_WINDOW
 * (rotap_move_exchange()).  Measured at 20 s, 1 thread, Instance5-12,
 * seeds 1-4, side by side: mean gap 5.23 % against 6.85 % without
 * (Instance9 469.5 against 480.8, 12 4228.8 against 4288.0, 8 1428.8
 * against 1502.5); every 1000 moves 7.08 % (seeds 1-2, beside 6.82 %
 * without), every 4000 6.84 %, every 100 5.64 % and over 11 days 5.96 %
 * (seeds 3-4, beside 5.39 % for 250 and 8 days). */
#define EXCHANGE_PERIOD 250
#define EXCHANGE_WINDOW 8
/* Once the roster keeps every hard constraint, every PAIR_PERIOD moves
 * two people trade the best pattern of days over a PAIR_WINDOW found by
 * dynamic programming (rotap_move_pair()); cheap, as two people seldom
 * hold different things they could trade on many days: 3 M moves, one
 * thread, took 1.68 s on Instance6 and 2.97 s on 10 against 1.58 s and
 * 2.82 s without.  Measured at 20 s, 1 thread, side by side, mean gap on
 * Instance4/5/6/8/9/12 over seeds 1-3: 4.29 % every 250 moves, 5.32 %
 * every 500, 6.51 % every 2000, 7.43 % without (Instance12 4220.7
 * against 4459.7, 9: 451.0 against 476.7), 5.29 % every 250 without the
 * 8-day exchange; every 100 moves 4.69 % (another round), 4.50 %
 * against 5.16 % for 250 on Instance5/6/8-12 over seeds 4-6, and 3.28 %
 * against 3.69 % for 50 and 3.97 % for 25 on Instance4/5/6/8/9/10/12
 * over seeds 1-2: within the seeds' spread (Instance5 and 6 have two
 * modes), 100 kept.  56 days rather than 28 on Instance15/17/20 a
 * little better (17: 6499 and 6438 against 6716 and 6636), 14 mixed. */
#define PAIR_PERIOD 100
#define PAIR_WINDOW 56
/* While the roster breaks hard constraints, every MEND_PERIOD moves one is
 * aimed at a slot where a hard violation arose (the last HOT_CAP such
 * slots, rotap_move_mend()): on the county at 30x a single violation
 * taken on early in a cycle stayed for the whole 120 s run, since random
 * moves seldom land on one of its 2.8 M slots. */
#define MEND_PERIOD 32
#define HOT_CAP 64
/* The master search's budget (start_from_pool()): days of schedules
 * tried (16 M moves on 28 days), and its share of the time left. */
#define MASTER_WORK 448000000
#define MASTER_TIME_SHARE 4

struct _RotapSearch {
    const RotapSolverData *data;
    RotapState *state;
    RotapRng rng;
    int index;

    /* The best roster so far, and the slots that may differ from it
     * (journal; past its capacity, overflow means "copy them all"). */
    int *best;
    int best_hard;
    gint64 best_soft;
    guint8 *dirty;
    int *journal;
    int n_journal, cap_journal;
    gboolean overflow;

    /* Slots whose change raised the hard violations and their former
     * values, newest at hot_next-1 (a ring); emptied whenever the roster
     * is free of them. */
    int hot[HOT_CAP], hot_former[HOT_CAP];
    int n_hot, hot_next;

    /* Annealing: temp falls geometrically from t0 to t_end over each cycle
     * of cycle_len moves, then reheats from where it is (next_cycle()). */
    double t0, t_end, temp, alpha;
    guint64 cycle_len, cycle_pos;
    int cycle;

    /* The weight of one unit of hard violation (RotapCost.mag), raised
     * while the roster breaks hard constraints and lowered while it does
     * not (strategic oscillation), between HW_LOW and HW_HIGH times the
     * model's largest soft weight. */
    double hw, hw_low, hw_high;

    /* One person's window re-rostered (rotap_dp_reroster()) every DP_PERIOD moves
     * (NULL when the model does not suit). */
    RotapDp *dp;
    RotapPair *pair;

    /* A lower bound on the soft score from the price ascent, if any. */
    gboolean has_bound;
    gint64 bound;
};

RotapSearch *
rotap_search_new(const RotapSolverData *data, guint64 seed, int index, GError **error)
{
    RotapSearch *search = g_new0(RotapSearch, 1);
    gsize slots = MAX((gsize)data->n_slots, 1);

    search->data = data;
    search->index = index;
    search->state = rotap_state_new(data, error);
    if (search->state == NULL) {
        rotap_search_free(search);
        return NULL;
    }
    rotap_rng_seed(&search->rng, seed, (guint64)index);
    search->cap_journal = MAX(data->n_slots / 8, 64);
    search->best = g_try_new(int, slots);
    search->dirty = g_try_new0(guint8, slots);
    search->journal = g_try_new(int, search->cap_journal);
    if (search->best == NULL || search->dirty == NULL || search->journal == NULL) {
        rotap_set_out_of_memory(error, _("the best rosters of people x days"),
                                (double)slots * (sizeof(int) + 1) +
                                    (double)search->cap_journal * sizeof(int));
        rotap_search_free(search);
        return NULL;
    }
    if (data->dp_ok) {
        search->dp = rotap_dp_new(data);
        search->pair = rotap_pair_new(data);
    }
    return search;
}

void
rotap_search_free(RotapSearch *search)
{
    if (search == NULL)
        return;
    rotap_state_free(search->state);
    rotap_dp_free(search->dp);
    rotap_pair_free(search->pair);
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

/*
 * The starting temperature: the mean soft rise of random moves that add
 * no hard violation, so that a typical worsening move is taken at first
 * with probability about 1/e.  Sampled with the search's own generator.
 */
static double
calibrate(RotapSearch *search)
{
    RotapState *st = search->state;
    RotapUndo undo = {0};
    double sum = 0;
    int n = 0;

    for (int i = 0; i < 2000; i++) {
        gint64 mag = st->cost.mag, soft = st->cost.soft;

        rotap_undo_clear(&undo);
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
start_cycle(RotapSearch *search, double temp)
{
    search->temp = temp;
    search->cycle_pos = 0;
    search->alpha = exp(log(search->t_end / temp) / (double)search->cycle_len);
}

/* Re-roster person over first..last and keep the change unless it
 * worsens the construction's weighted cost; TRUE when kept. */
static gboolean
reroster_unless_worse(RotapSearch *search, RotapUndo *undo, int person, int first,
                      int last)
{
    const RotapSolverData *data = search->data;
    RotapState *st = search->state;
    gint64 before = st->cost.mag * data->hard_weight + st->cost.soft;

    rotap_undo_clear(undo);
    if (!rotap_dp_reroster(search->dp, st, undo, person, first, last))
        return FALSE;
    if (st->cost.mag * data->hard_weight + st->cost.soft > before) {
        rotap_move_undo(st, undo);
        return FALSE;
    }
    return TRUE;
}

/* Marks in days the days of person's breaches (rotap_person_breaches());
 * FALSE when they keep every limit.  *everywhere: a limit over the whole
 * horizon is broken, so any window may help. */
static gboolean
find_breaches(const RotapState *st, int person, guint8 *days, gboolean *everywhere)
{
    int first;

    memset(days, 0, st->data->n_days);
    first = rotap_person_breaches(st, person, days);
    *everywhere =
        first == -1 || (first >= 0 && !rotap_person_keeps_horizon_limits(st, person));
    return first != -2;
}

/* Whether days[first..last] marks a day. */
static gboolean
any_marked(const guint8 *days, int first, int last)
{
    return memchr(days + first, 1, (gsize)(last - first + 1)) != NULL;
}

/*
 * After the greedy construction, which ignores the minima of runs and
 * minutes: re-roster every person who breaks a hard constraint over
 * those of the overlapping windows that hold a day of a breach (all of
 * them when the person breaks a limit over the horizon), keeping each
 * change that does not worsen the construction's weighted cost, for at
 * most two passes; then re-roster over the whole horizon each person who
 * still breaks one (windows cannot move work across the horizon:
 * Instance22 left 35 people short of their minimum after the windows).
 * Windows for everyone took Instance24 42 s of a 60 s run (two passes of
 * 23 and 19 s), windows for the breakers only 20 s; at 60 s, 1 thread,
 * seeds 1-2, side by side, Instance24 came out at 90817/103905 against
 * 113991/99681, Instance4-12 at 20 s no different (mean gap 6.13 % both).
 * Whole-horizon re-rostering of every breaker, not only of those breaking
 * a horizon limit, left Instance22 with 14 hard violations after the
 * repair instead of 18.
 * Skipping the windows free of breaches took the repair of Instance24
 * from 23 s to 8 s (one thread), of 23 from 6.3 s to 3.0 s and of 22
 * from 12.4 s to 9.0 s; at 60 s, 2 threads, seed 1, side by side:
 * Instance24 80611 against 84741 (seed 2: 87113 against 91885), 22:
 * 45866 against 46503, 21: 22220 / 22354, 20: 5308 / 5633, 17: 6110 /
 * 6288, 13: 2158 / 2485; 23 a little worse, 26496 / 25662 (seed 2:
 * 26567 / 26400).
 * Stops early when *cancel is set or the deadline passes.
 */
static void
repair(RotapSearch *search, const gint *cancel, gint64 deadline)
{
    const RotapSolverData *data = search->data;
    RotapState *st = search->state;
    RotapUndo undo = {0};
    int length = MIN(DP_WINDOW, data->n_days), step = MAX(length / 2, 1);
    guint8 *days = g_new(guint8, data->n_days);
    gboolean again = TRUE, everywhere;

    for (int pass = 0; again && pass < 2; pass++) {
        again = FALSE;
        for (int p = 0; p < data->n_people; p++) {
            if (rotap_stopped(cancel, deadline))
                goto out;
            if (!find_breaches(st, p, days, &everywhere))
                continue;
            for (int first = 0; first < data->n_days; first += step) {
                int start = MIN(first, data->n_days - length), last = start + length - 1;

                if (!everywhere && !any_marked(days, start, last))
                    continue;
                if (reroster_unless_worse(search, &undo, p, start, last)) {
                    again = TRUE;
                    if (!find_breaches(st, p, days, &everywhere))
                        break;
                }
            }
        }
    }
    for (int p = 0; p < data->n_people; p++) {
        if (rotap_stopped(cancel, deadline))
            goto out;
        if (rotap_person_breaks(st, p) != -2)
            reroster_unless_worse(search, &undo, p, 0, data->n_days - 1);
    }
out:
    g_free(days);
}

/*
 * Under a time limit, start from the best roster the master search
 * assembles from priced schedules (rotap_dual_pool(), whose comment has
 * the measurements), for at most MASTER_WORK / n_days moves and
 * 1 / MASTER_TIME_SHARE of the time left.  A move-limited run, whose
 * moves are its budget and which must come out the same on every machine,
 * does without it.
 */
static void
start_from_pool(RotapSearch *search, const gint *cancel, gint64 deadline, gint *verdict)
{
    const RotapSolverData *data = search->data;
    RotapPool *pool;
    gint64 now;

    if (deadline <= 0 || data->n_slots == 0)
        return;
    pool = rotap_dual_pool(search->state, search->dp, &search->rng, cancel, deadline,
                           verdict, &search->has_bound, &search->bound);
    if (pool == NULL)
        return;
    now = g_get_monotonic_time();
    rotap_pool_search(pool, search->state, &search->rng, MASTER_WORK / data->n_days,
                      cancel, now + (deadline - now) / MASTER_TIME_SHARE);
    rotap_pool_free(pool);
}

void
rotap_search_start(RotapSearch *search, const gint *cancel, gint64 deadline,
                   gint *verdict)
{
    const RotapSolverData *data = search->data;

    rotap_construct(search->state, &search->rng);
    if (search->dp != NULL) {
        repair(search, cancel, deadline);
        start_from_pool(search, cancel, deadline, verdict);
    }
    mark_best(search);
    search->t0 = MAX(calibrate(search) * T0_FACTOR, 0.5);
    search->t_end = MAX(search->t0 * T_END_FACTOR, 0.05);
    search->cycle_len =
        (guint64)CLAMP((gint64)data->n_slots * CYCLE_PER_SLOT, CYCLE_MIN, CYCLE_MAX);
    search->hw = HW_START * data->soft_unit;
    search->hw_low = HW_LOW * data->soft_unit;
    search->hw_high = HW_HIGH * data->soft_unit;
    start_cycle(search, search->t0);
}

/* A cycle ends: reheat, every other cycle less. */
static void
next_cycle(RotapSearch *search)
{
    search->cycle++;
    start_cycle(search, search->t0 * (search->cycle % 2 == 0 ? 1.0 : REHEAT_ODD));
}

/*
 * The search starts over from t0 in cycles of the fitted length, long
 * ones included: that is what brought Instance1-12 from 6.2 % to 3.6 %,
 * and the county at 30x (120 s, 2 threads) to 1,466,213 where shortening
 * the running cycle instead reached 1,592,290.
 */
void
rotap_search_fit_cycle(RotapSearch *search, guint64 moves)
{
    search->cycle_len = MAX(moves, CYCLE_FIT_MIN);
    start_cycle(search, search->t0);
}

/* Strategic oscillation: hard violations weigh more while there are some. */
static void
adapt_hard_weight(RotapSearch *search)
{
    if (search->state->cost.hard > 0)
        search->hw = MIN(search->hw * HW_UP, search->hw_high);
    else
        search->hw = MAX(search->hw * HW_DOWN, search->hw_low);
}

/* Remember the slots of an accepted move that raised the hard violations
 * (those of its changes that did). */
static void
note_hot(RotapSearch *search, const RotapUndo *undo)
{
    for (int i = 0; i < MIN(undo->n, ROTAP_RAISED_BITS); i++) {
        if (!(undo->raised & (G_GUINT64_CONSTANT(1) << i)))
            continue;
        search->hot[search->hot_next] = undo->slot[i];
        search->hot_former[search->hot_next] = undo->old[i];
        search->hot_next = (search->hot_next + 1) % HOT_CAP;
        search->n_hot = MIN(search->n_hot + 1, HOT_CAP);
    }
}

static gboolean
next_move(RotapSearch *search, guint64 i, RotapUndo *undo)
{
    /* no person or no day: nothing to move (every move picks a slot) */
    if (search->data->n_slots == 0)
        return FALSE;
    if (search->n_hot > 0 && search->state->cost.hard > 0 && i % MEND_PERIOD == 1) {
        int k = rotap_rng_below(&search->rng, search->n_hot);

        return rotap_move_mend(search->state, &search->rng, undo, search->hot[k],
                               search->hot_former[k]);
    }
    if (search->dp != NULL && search->state->cost.hard == 0 &&
        i % RUIN_PERIOD == RUIN_PERIOD / 2)
        return rotap_move_ruin(search->state, search->dp, &search->rng, undo,
                               RUIN_WINDOW);
    if (search->pair != NULL && search->state->cost.hard == 0 &&
        i % PAIR_PERIOD == PAIR_PERIOD / 3)
        return rotap_move_pair(search->state, search->pair, &search->rng, undo,
                               PAIR_WINDOW);
    if (search->state->cost.hard == 0 && i % EXCHANGE_PERIOD == EXCHANGE_PERIOD / 4)
        return rotap_move_exchange(search->state, &search->rng, undo, EXCHANGE_WINDOW);
    if (search->dp != NULL && i % DP_PERIOD == 0)
        return rotap_move_reroster(search->state, search->dp, &search->rng, undo,
                                   DP_WINDOW);
    return rotap_move_random(search->state, &search->rng, undo);
}

guint64
rotap_search_run(RotapSearch *search, guint64 n, const gint *cancel, gint64 deadline)
{
    RotapState *st = search->state;
    RotapUndo undo = {0};
    guint64 i;

    for (i = 0; i < n; i++) {
        gint64 mag = st->cost.mag, soft = st->cost.soft;
        double delta;

        if ((i & 1023) == 0 && rotap_stopped(cancel, deadline))
            break;
        if (++search->cycle_pos >= search->cycle_len)
            next_cycle(search);
        search->temp *= search->alpha;
        if (i % HW_PERIOD == 0)
            adapt_hard_weight(search);
        rotap_undo_clear(&undo);
        if (!next_move(search, i, &undo))
            continue;
        delta =
            (double)(st->cost.mag - mag) * search->hw + (double)(st->cost.soft - soft);
        if (delta > 0 && rotap_rng_double(&search->rng) >= exp(-delta / search->temp)) {
            rotap_move_undo(st, &undo);
            continue;
        }
        note_changes(search, &undo);
        if (st->cost.hard == 0)
            search->n_hot = 0;
        else if (st->cost.mag > mag)
            note_hot(search, &undo);
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

gboolean
rotap_search_get_bound(const RotapSearch *search, gint64 *bound)
{
    if (search->has_bound)
        *bound = search->bound;
    return search->has_bound;
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
    search->n_hot = 0;
}
