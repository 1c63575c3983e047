/* SPDX-License-Identifier: MIT */
/* solver-pool.c: schedules gathered per person, and the best choice among them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "solver-private.h"

/* The master search's temperature falls from the model's largest soft
 * penalty to MASTER_T_END. */
#define MASTER_T_END 0.5

struct _RotapPool {
    int n_people, n_days;
    GArray **schedules; /* per person: n_days values per schedule */
    GHashTable **seen;  /* per person: the hashes of its schedules */
};

RotapPool *
rotap_pool_new(const RotapSolverData *data)
{
    RotapPool *pool = g_new0(RotapPool, 1);

    pool->n_people = data->n_people;
    pool->n_days = data->n_days;
    pool->schedules = g_new(GArray *, MAX(data->n_people, 1));
    pool->seen = g_new(GHashTable *, MAX(data->n_people, 1));
    for (int p = 0; p < data->n_people; p++) {
        pool->schedules[p] = g_array_new(FALSE, FALSE, sizeof(int));
        pool->seen[p] = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    }
    return pool;
}

void
rotap_pool_free(RotapPool *pool)
{
    if (pool == NULL)
        return;
    for (int p = 0; p < pool->n_people; p++) {
        g_array_unref(pool->schedules[p]);
        g_hash_table_destroy(pool->seen[p]);
    }
    g_free(pool->schedules);
    g_free(pool->seen);
    g_free(pool);
}

static int
pool_size(const RotapPool *pool, int person)
{
    return (int)pool->schedules[person]->len / pool->n_days;
}

int
rotap_pool_count(const RotapPool *pool)
{
    int n = 0;

    for (int p = 0; p < pool->n_people; p++)
        n += pool_size(pool, p);
    return n;
}

/* FNV-1a over the values. */
static gint64
schedule_hash(const int *values, int n)
{
    guint64 h = G_GUINT64_CONSTANT(1469598103934665603);

    for (int i = 0; i < n; i++) {
        h ^= (guint64)(guint32)(values[i] + 1);
        h *= G_GUINT64_CONSTANT(1099511628211);
    }
    return (gint64)h;
}

void
rotap_pool_add(RotapPool *pool, const RotapState *st)
{
    for (int p = 0; p < pool->n_people; p++) {
        const int *values = st->x + (gsize)p * pool->n_days;
        gint64 *key = g_new(gint64, 1);

        /* a hash collision only loses a schedule */
        *key = schedule_hash(values, pool->n_days);
        if (!g_hash_table_add(pool->seen[p], key))
            continue;
        g_array_append_vals(pool->schedules[p], values, pool->n_days);
    }
}

/* Give person the pool's schedule k through undo. */
static void
apply_schedule(RotapState *st, RotapUndo *undo, const RotapPool *pool, int person, int k)
{
    const RotapSolverData *data = st->data;
    const int *values =
        &g_array_index(pool->schedules[person], int, (gsize)k * pool->n_days);

    for (int d = 0; d < pool->n_days; d++) {
        int s = person * data->n_days + d;

        if (st->x[s] != values[d] && !data->frozen[s])
            rotap_move_set(st, undo, person, d, values[d]);
    }
}

void
rotap_pool_search(const RotapPool *pool, RotapState *st, RotapRng *rng, guint64 moves,
                  const gint *cancel, gint64 deadline)
{
    const RotapSolverData *data = st->data;
    g_autofree int *best = g_new(int, MAX(data->n_slots, 1));
    RotapUndo undo;
    int best_hard = st->cost.hard;
    gint64 best_soft = st->cost.soft;
    double hw = (double)data->hard_weight, t0 = (double)data->soft_unit;
    double temp = t0, alpha = exp(log(MASTER_T_END / t0) / (double)MAX(moves, 1));

    if (data->n_people == 0)
        return;
    memcpy(best, st->x, sizeof(int) * data->n_slots);
    for (guint64 i = 0; i < moves; i++, temp *= alpha) {
        int p = rotap_rng_below(rng, data->n_people), n = pool_size(pool, p);
        gint64 mag = st->cost.mag, soft = st->cost.soft;
        double delta;

        if ((i & 1023) == 0 && rotap_stopped(cancel, deadline))
            break;
        if (n < 2)
            continue;
        rotap_undo_clear(&undo);
        apply_schedule(st, &undo, pool, p, rotap_rng_below(rng, n));
        if (undo.n == 0)
            continue;
        delta = (double)(st->cost.mag - mag) * hw + (double)(st->cost.soft - soft);
        if (delta > 0 && rotap_rng_double(rng) >= exp(-delta / temp)) {
            rotap_move_undo(st, &undo);
            continue;
        }
        if (rotap_cost_compare(st->cost.hard, st->cost.soft, best_hard, best_soft) < 0) {
            memcpy(best, st->x, sizeof(int) * data->n_slots);
            best_hard = st->cost.hard;
            best_soft = st->cost.soft;
        }
    }
    rotap_state_load(st, best);
}
