/* SPDX-License-Identifier: MIT */
/* solver-bound.c: a lower bound on the soft score from prices on the cover. */
#include "config.h"

#include <string.h>

#include "solver-frame-private.h"

/*
 * The Lagrangian bound of the cover at prices p (one per cell, in
 * 1/scale of the model's penalty unit).  A roster's soft score on a
 * benchmark-shaped model is the cover penalty of each cell plus each
 * person's requests; every hard constraint belongs to one person.  With
 * y_c standing for the people a cell holds and the coupling "y_c = the
 * people the schedules put in c" priced out,
 *
 *   soft >= sum over people of min over their feasible schedules of
 *             (requests + sum of p_c over the places taken)
 *         + sum over cells of min over 0 <= y <= eligible of
 *             (cover(c, y) - p_c y),
 *
 * for any prices, so the best of several price vectors bounds every
 * roster with no hard violation.  The cell term is exact by enumeration
 * (under below the demand, over above it, whatever the sign of the
 * price).  The person term must not be overestimated: unlike the
 * search's re-rostering (solver-dp.c), which keeps a beam of states and
 * pins the shift types it cannot track, this programme keeps every state
 * of the person's frame (solver-frame-private.h) and lets pinned types be
 * taken freely, which can only lower the minimum; schedules must end
 * within the total minutes.  Rest between shifts is not modelled (also a
 * relaxation).  A person with more than BOUND_STATES states on a day is
 * tried again with no shift type tracked (its per-type maxima dropped);
 * failing that, or past BOUND_WORK transitions in all, there is no bound.
 */
#define BOUND_STATES (1 << 17)
/* Transitions tried and table entries scanned over all people, at most:
 * past that, no bound (a second or so; Instance8 took four with its four
 * tracked types, and gave no useful bound). */
#define BOUND_WORK 20000000
#define TABLE_MIN 1024

/* Open addressing from state key to the cheapest cost reaching it. */
typedef struct {
    guint64 *keys;
    gint64 *costs;
    guint8 *used_at;
    int size, used;
} Layer;

static void
layer_init(Layer *l, int size)
{
    l->keys = g_new(guint64, size);
    l->costs = g_new(gint64, size);
    l->used_at = g_new0(guint8, size);
    l->size = size;
    l->used = 0;
}

static void
layer_clear(Layer *l)
{
    g_free(l->keys);
    g_free(l->costs);
    g_free(l->used_at);
}

static void
layer_reset(Layer *l)
{
    memset(l->used_at, 0, (gsize)l->size);
    l->used = 0;
}

static inline guint64
mix(guint64 key)
{
    key ^= key >> 33;
    key *= G_GUINT64_CONSTANT(0xff51afd7ed558ccd);
    key ^= key >> 33;
    return key;
}

static void layer_put(Layer *l, guint64 key, gint64 cost);

/* Double the table, re-inserting every entry. */
static void
layer_grow(Layer *l)
{
    Layer bigger;

    layer_init(&bigger, l->size * 2);
    for (int i = 0; i < l->size; i++)
        if (l->used_at[i])
            layer_put(&bigger, l->keys[i], l->costs[i]);
    layer_clear(l);
    *l = bigger;
}

/* Keep the cheaper of cost and what key holds. */
static void
layer_put(Layer *l, guint64 key, gint64 cost)
{
    int i;

    if ((l->used + 1) * 2 > l->size)
        layer_grow(l);
    i = (int)(mix(key) & (guint64)(l->size - 1));
    while (l->used_at[i] && l->keys[i] != key)
        i = (i + 1) & (l->size - 1);
    if (!l->used_at[i]) {
        l->used_at[i] = 1;
        l->keys[i] = key;
        l->costs[i] = cost;
        l->used++;
    } else if (cost < l->costs[i]) {
        l->costs[i] = cost;
    }
}

/* The options of one day: rest, then each cell the person may take. */
static int
day_options(const RotapFrame *f, const gint64 *prices, gint64 scale, int day, int *values,
            gint64 *costs)
{
    const RotapSolverData *data = f->st->data;
    const RotaModel *model = data->model;
    int slot = f->person * data->n_days + day, n = 1;

    values[0] = ROTAP_NONE;
    costs[0] = rotap_request_cost(data, slot, ROTAP_NONE) * scale;
    for (int s = 0; s < f->n_shifts; s++) {
        int c = data->day_shift_cell[(gsize)day * f->n_shifts + s];

        if (c < 0 || !rotap_can_take(data, f->person, day, c) ||
            model->max_shifts[(gsize)f->person * f->n_shifts + s] == 0)
            continue;
        values[n] = c;
        costs[n] = rotap_request_cost(data, slot, c) * scale + prices[c];
        n++;
    }
    return n;
}

/* The person's cheapest feasible schedule at prices into *best; FALSE
 * when a day has too many states or no schedule is feasible. */
static gboolean
person_minimum(const RotapFrame *f, const gint64 *prices, gint64 scale, Layer *from,
               Layer *to, gint64 *work, gint64 *best)
{
    int n_days = f->st->data->n_days;
    g_autofree int *values = g_new(int, f->n_shifts + 1);
    g_autofree gint64 *costs = g_new(gint64, f->n_shifts + 1);
    gboolean found = FALSE;

    layer_reset(from);
    layer_put(from, rotap_frame_start(f), 0);
    for (int d = 0; d < n_days; d++) {
        int n = day_options(f, prices, scale, d, values, costs);
        Layer swap;

        layer_reset(to);
        *work += from->size;
        for (int i = 0; i < from->size; i++) {
            if (!from->used_at[i])
                continue;
            for (int o = 0; o < n; o++) {
                guint64 key;

                if (rotap_frame_step(f, from->keys[i], d, values[o], &key))
                    layer_put(to, key, from->costs[i] + costs[o]);
            }
            *work += n;
            if (to->used > BOUND_STATES || *work > BOUND_WORK)
                return FALSE;
        }
        swap = *from;
        *from = *to;
        *to = swap;
    }
    for (int i = 0; i < from->size; i++) {
        if (!from->used_at[i] || rotap_frame_minutes_penalty(f, from->keys[i]) != 0 ||
            !rotap_frame_finish_ok(f, from->keys[i]))
            continue;
        if (!found || from->costs[i] < *best)
            *best = from->costs[i];
        found = TRUE;
    }
    return found;
}

/* The cell term: min over 0 <= y <= its takers of scale cover(y) - p y. */
static gint64
cell_minimum(const RotapSolverData *data, int c, gint64 price, gint64 scale)
{
    int n_takers;
    gint64 best = scale * rotap_cover_cost(data->model, c, 0);

    n_takers = rotap_value_takers(data, c).n_people;
    for (int y = 1; y <= n_takers; y++)
        best = MIN(best, scale * rotap_cover_cost(data->model, c, y) - price * y);
    return best;
}

gboolean
rotap_bound_applies(const RotapSolverData *data)
{
    const RotaModel *model = data->model;

    if (!data->dp_ok || data->has_prev || data->n_quota_counters > 0)
        return FALSE;
    for (int u = 0; u < model->n_units; u++)
        if (model->units[u].n_fair_members > 0 &&
            model->weights[ROTA_WEIGHT_FAIRNESS] > 0)
            return FALSE;
    /* the frame counts minutes in 13 bits: a longer reach would be cut */
    for (int p = 0; p < data->n_people; p++) {
        const RotapLimits *l = &model->people[p].limits;
        gint64 reach = (gint64)data->n_days * data->longest_shift;

        if (l->max_minutes != ROTAP_UNLIMITED)
            reach = MIN(reach, l->max_minutes);
        if (reach / MAX(data->shift_minutes_gcd, 1) > 0x1fff)
            return FALSE;
    }
    return TRUE;
}

gboolean
rotap_bound_at_prices(const RotapState *st, const gint64 *prices, gint64 scale,
                      gint64 *bound)
{
    const RotapSolverData *data = st->data;
    g_autofree guint8 *we_out = g_new(guint8, MAX(data->model->n_weekends, 1));
    gint64 total = 0, work = 0;
    gboolean ok = TRUE;
    Layer from, to;

    g_return_val_if_fail(scale > 0, FALSE);
    if (!rotap_bound_applies(data))
        return FALSE;
    layer_init(&from, TABLE_MIN);
    layer_init(&to, TABLE_MIN);
    for (int p = 0; ok && p < data->n_people; p++) {
        RotapFrame f;
        gint64 best = 0;

        rotap_frame_init(&f, st, p, 0, data->n_days - 1, 0, we_out);
        ok = person_minimum(&f, prices, scale, &from, &to, &work, &best);
        if (!ok && f.n_tracked > 0 && work <= BOUND_WORK) {
            f.n_tracked = 0;
            ok = person_minimum(&f, prices, scale, &from, &to, &work, &best);
        }
        total += best;
    }
    layer_clear(&from);
    layer_clear(&to);
    if (!ok)
        return FALSE;
    for (int c = 0; c < data->n_cells; c++)
        total += cell_minimum(data, c, prices[c], scale);
    /* soft scores are whole: round up; a bound of 0 or less proves nothing */
    if (total <= 0)
        return FALSE;
    *bound = (total + scale - 1) / scale;
    return TRUE;
}
