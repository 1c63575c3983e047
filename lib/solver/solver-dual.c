/* SPDX-License-Identifier: MIT */
/* solver-dual.c: a start from schedules priced by a Lagrangian ascent on the cover. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "solver-frame-private.h"

/*
 * Relax "a cell holds the people the schedules put in it" with a price
 * per cell: every person then has a problem of their own, the cheapest
 * schedule over the horizon when a place in cell c costs prices[c]
 * (rotap_dp_reroster() with rotap_dp_set_prices()), and every cell one of
 * its own, the count y that minimises its cover penalty less prices[c] y.
 * The sum of their optima bounds the soft score from below when each
 * person's optimum is exact, which the beam of the re-rostering does not
 * promise: the bound is therefore taken, at BOUND_CHECKS rounds' prices,
 * from an exact programme of its own (solver-bound.c; Instance2 825,
 * Instance4 1710, Instance6 1934 against the optima 828, 1716, 1950, but
 * nothing useful on Instance7 and 8, whose prices the beam drives to the
 * full reward of a place).  Each round moves the prices
 * along the subgradient, the people the schedules put in a cell less
 * that y, by a step that falls geometrically from DUAL_STEP of the
 * model's largest soft penalty to DUAL_STEP_END of that.  Together a
 * round's schedules make a poor roster (everyone takes the same cheap
 * places), but near the best prices they are what good rosters are made
 * of: the rounds past POOL_FROM of the ascent, at prices drawn near the
 * ascent's so that ties fall different ways, add theirs to a pool, from
 * which an annealing over which pooled schedule each person works
 * (rotap_pool_search(), column generation's restricted master problem)
 * assembles the roster the search starts from (solver-search.c).
 *
 * In the two-thread table at 60 s (454ca18, seeds 1-3; its notes are
 * bench/results/notes/curtois-60s-2threads-454ca18.md) against the
 * search alone (3401f3b): Instance4 1716
 * in every seed (1718.7), 5 1147.3 (1174.3), 6 1951, 1953, 1953 (1973,
 * 2044, 2061: now always the least possible 19 uncovered places); but 7-9
 * and 11-12, 14 lost what the time taken costs the search (8: 1371.0
 * against 1336.7, 14: 1403 against 1310); mean gap on 1-12 1.02 %
 * against 1.19 %.  At 60 s, 1 thread, before the table: Instance6 1951,
 * 1952, 1953, 1953 (1953 in all four without the noise), 4 1716.
 * Pooling every round, not the last quarter, gave 1993 on Instance6 (the
 * master search gets lost among ~6000 schedules); noise of +-1 to 8
 * likewise (1958-2049); a first step of 0.3 or 1.0 rather than 0.5 the
 * same 1953 on 6 and 1717-1718 on 4; a master search that also moved two
 * people at once 1953-1957.
 *
 * The ascent runs for DUAL_ROUNDS rounds, fewer when they would
 * re-roster more than DUAL_WORK person-days in all, and not at all when
 * fewer than DUAL_ROUNDS_MIN remain (Instance13 and 19 upward), nor when
 * its first rounds show it would take more than 1 / DUAL_TIME_SHARE of
 * the time left.  That last judgement is made once for all the searches
 * of a run (ascent_fits()): judged by each, near the line one search
 * went on while the other stopped and then waited for it at the run's
 * first barrier, a fifth of two-thread runs' CPU on Instance8, 14 and 17
 * (bench/results/curtois-60s-2threads-1eb2a25/NOTES.md).
 */
#define DUAL_ROUNDS 2000
#define DUAL_WORK 1000000
#define DUAL_ROUNDS_MIN 300
#define DUAL_STEP 0.5
#define DUAL_STEP_END 0.005
/* Prices in 1/DUAL_SCALE of the model's penalty unit. */
#define DUAL_SCALE 64
#define POOL_FROM 0.75
/* The pooled rounds' prices are drawn within +-POOL_NOISE (in the
 * model's penalty unit) of the ascent's. */
#define POOL_NOISE 0.2
#define DUAL_TIME_SHARE 4
/* The rounds timed before deciding whether the ascent fits the time. */
#define DUAL_PROBE 10
/* Rounds whose prices are turned into a lower bound (bound_round()). */
#define BOUND_CHECKS 2

/* The count y of cell that minimises its cover penalty less price y. */
static int
best_count(const RotaModel *model, int cell, int n_people, double price)
{
    int best = 0;
    double best_value = (double)rotap_cover_cost(model, cell, 0);

    for (int y = 1; y <= n_people; y++) {
        double v = (double)rotap_cover_cost(model, cell, y) - price * y;

        if (v < best_value) {
            best = y;
            best_value = v;
        }
    }
    return best;
}

/* Give everyone their cheapest schedule at prices (in 1/DUAL_SCALE). */
static void
price_round(RotapState *st, RotapDp *dp, const gint64 *prices)
{
    const RotapSolverData *data = st->data;
    RotapUndo undo;

    rotap_dp_set_prices(dp, prices, DUAL_SCALE);
    for (int p = 0; p < data->n_people; p++) {
        rotap_undo_clear(&undo);
        rotap_dp_reroster(dp, st, &undo, p, 0, data->n_days - 1);
    }
    rotap_dp_set_prices(dp, NULL, 1);
}

/* How many rounds the ascent takes on this model; 0: none. */
static int
planned_rounds(const RotapSolverData *data)
{
    gint64 per_round = (gint64)data->n_people * data->n_days;
    gint64 rounds = MIN(DUAL_ROUNDS, DUAL_WORK / MAX(per_round, 1));

    if (!data->dp_ok || data->n_days > ROTAP_MAX_CHANGES / 2 || rounds < DUAL_ROUNDS_MIN)
        return 0;
    return (int)rounds;
}

/* Move the prices one step along the subgradient of round (of rounds),
 * given the cell counts the round's schedules made. */
static void
ascend(const RotapState *st, double *lambda, int round, int rounds)
{
    const RotapSolverData *data = st->data;
    double norm = 0, step;
    g_autofree double *grad = g_new(double, MAX(data->n_cells, 1));

    for (int c = 0; c < data->n_cells; c++) {
        grad[c] = st->cell_n[c] - best_count(data->model, c, data->n_people, lambda[c]);
        norm += grad[c] * grad[c];
    }
    if (norm == 0)
        return;
    step = (double)data->soft_unit * DUAL_STEP *
           pow(DUAL_STEP_END, (double)round / (double)rounds) / sqrt(norm);
    for (int c = 0; c < data->n_cells; c++)
        lambda[c] += step * grad[c];
}

/*
 * Whether round done (of rounds) prices the bound: BOUND_CHECKS rounds
 * spread over the ascent before the pooled rounds, whose prices carry
 * noise, the last of them the last round without it.  The bound takes
 * an exact programme per person (solver-bound.c), several times a round
 * of the ascent, so only a few rounds are priced for it.
 */
static gboolean
bound_round(int done, int rounds)
{
    int plain = (int)(rounds * POOL_FROM), every = MAX(plain / BOUND_CHECKS, 1);

    return done < plain && (plain - 1 - done) % every == 0 &&
           (plain - 1 - done) / every < BOUND_CHECKS;
}

/* Whether the rounds fit their share of the time to deadline, judged
 * from the first DUAL_PROBE rounds (begun at began) by the first search
 * of the run to get there: the others follow it (verdict), since a search
 * that stopped while another went on would only wait for it. */
static gboolean
ascent_fits(gint64 began, gint64 deadline, int rounds, gint *verdict)
{
    gboolean fits = (g_get_monotonic_time() - began) / DUAL_PROBE * rounds <=
                    (deadline - began) / DUAL_TIME_SHARE;

    if (verdict == NULL)
        return fits;
    g_atomic_int_compare_and_exchange(verdict, 0, fits ? 1 : -1);
    return g_atomic_int_get(verdict) > 0;
}

RotapPool *
rotap_dual_pool(RotapState *st, RotapDp *dp, RotapRng *rng, const gint *cancel,
                gint64 deadline, gint *verdict, gboolean *has_bound, gint64 *bound)
{
    const RotapSolverData *data = st->data;
    int rounds = planned_rounds(data), done = 0;
    g_autofree gint64 *prices = NULL;
    g_autofree double *lambda = NULL;
    g_autofree int *start = NULL;
    gint64 began = g_get_monotonic_time();
    gboolean bounded = rotap_bound_applies(data);
    RotapPool *pool;

    *has_bound = FALSE;
    if (rounds == 0)
        return NULL;
    prices = g_new(gint64, MAX(data->n_cells, 1));
    lambda = g_new0(double, MAX(data->n_cells, 1));
    start = g_new(int, MAX(data->n_slots, 1));
    memcpy(start, st->x, sizeof(int) * data->n_slots);
    pool = rotap_pool_new(data);
    rotap_pool_add(pool, st);
    for (; done < rounds && !rotap_stopped(cancel, deadline); done++) {
        gboolean pooled = done >= rounds * POOL_FROM;
        gint64 b;

        if (done == DUAL_PROBE && deadline > 0 &&
            !ascent_fits(began, deadline, rounds, verdict))
            break;
        for (int c = 0; c < data->n_cells; c++) {
            double noise = pooled ? POOL_NOISE * (2 * rotap_rng_double(rng) - 1) : 0;

            prices[c] = (gint64)llround((lambda[c] + noise) * DUAL_SCALE);
        }
        if (bounded && bound_round(done, rounds)) {
            if (rotap_bound_at_prices(st, prices, DUAL_SCALE, &b) &&
                (!*has_bound || b > *bound)) {
                *bound = b;
                *has_bound = TRUE;
            }
        }
        price_round(st, dp, prices);
        ascend(st, lambda, done, rounds);
        if (pooled)
            rotap_pool_add(pool, st);
    }
    rotap_state_load(st, start);
    if (done < rounds) {
        rotap_pool_free(pool);
        return NULL;
    }
    return pool;
}
