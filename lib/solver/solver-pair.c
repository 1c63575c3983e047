/* SPDX-License-Identifier: MIT */
/* solver-pair.c: the best exchange of days between two people over a long window. */
#include "config.h"

#include <stdlib.h>

#include "solver-frame-private.h"

/*
 * The exchange (solver-exchange.c) scores every pattern of up to eight
 * days; here a dynamic programme over the two people's states
 * (solver-frame-private.h) looks for the cheapest pattern over a whole
 * window: on each day they keep what they hold or trade it, so the cover
 * never changes and a day costs the change of the two people's requests.
 * A trade early in the window may need another late in it to bring the
 * total minutes, the shifts of a type or the weekends back within their
 * limits, which no window of eight days reaches.  A layer keeps its
 * PAIR_BEAM cheapest states (ranked by their requests and the charge for
 * their total minutes as if the window ended that day, then by state:
 * exact while the beam does not bind, as in the test); every other hard
 * constraint of the two is kept, but total minutes outside their limits
 * are charged, not ruled out, as in solver-dp.c.  The cheapest pattern
 * found other than "keep everything" is applied and the exact score
 * decides, as for any move.
 */
#define PAIR_BEAM 1000
/* Keep or trade. */
#define DAY_COMBOS 2

typedef struct {
    guint64 a, b; /* the two people's states */
    gint64 cost;
    int parent;       /* node index in the previous layer, -1 at the start */
    int combo;        /* index into the day's combinations */
    gboolean changed; /* some day so far differs from the roster */
} PairNode;

/* What the two people may do on a day, and its cost. */
typedef struct {
    int p, q; /* values */
    gint64 cost;
} Combo;

struct _RotapPair {
    GArray *nodes;    /* PairNode, all layers */
    int *layer_start; /* per day of the window + 1 */
    int cap_days;
    Combo *combos; /* per day of the window, DAY_COMBOS each */
    int *n_combos;
    guint8 *we_p, *we_q; /* the frames' weekends worked outside the window */
};

RotapPair *
rotap_pair_new(const RotapSolverData *data)
{
    RotapPair *pair = g_new0(RotapPair, 1);

    pair->nodes = g_array_new(FALSE, FALSE, sizeof(PairNode));
    pair->cap_days = data->n_days;
    pair->layer_start = g_new0(int, data->n_days + 2);
    pair->combos = g_new(Combo, (gsize)data->n_days * DAY_COMBOS);
    pair->n_combos = g_new(int, data->n_days);
    pair->we_p = g_new(guint8, MAX(data->model->n_weekends, 1));
    pair->we_q = g_new(guint8, MAX(data->model->n_weekends, 1));
    return pair;
}

void
rotap_pair_free(RotapPair *pair)
{
    if (pair == NULL)
        return;
    g_array_unref(pair->nodes);
    g_free(pair->layer_start);
    g_free(pair->combos);
    g_free(pair->n_combos);
    g_free(pair->we_p);
    g_free(pair->we_q);
    g_free(pair);
}

/* By state, then cost, then where the node came from: a total order. */
static int
compare_nodes(const void *x, const void *y)
{
    const PairNode *u = x, *v = y;

    if (u->a != v->a)
        return u->a < v->a ? -1 : 1;
    if (u->b != v->b)
        return u->b < v->b ? -1 : 1;
    if (u->changed != v->changed)
        return u->changed < v->changed ? -1 : 1;
    if (u->cost != v->cost)
        return u->cost < v->cost ? -1 : 1;
    if (u->parent != v->parent)
        return u->parent < v->parent ? -1 : 1;
    return u->combo - v->combo;
}

static int
compare_costs(const void *x, const void *y)
{
    const PairNode *u = x, *v = y;

    if (u->cost != v->cost)
        return u->cost < v->cost ? -1 : 1;
    return compare_nodes(x, y);
}

/* The charge for both people's total minutes as if the window ended
 * with node's states. */
static gint64
minutes_charge(const RotapFrame *fp, const RotapFrame *fq, const PairNode *node)
{
    return rotap_frame_minutes_penalty(fp, node->a) +
           rotap_frame_minutes_penalty(fq, node->b);
}

/* Keep one node per state (the cheapest), then the PAIR_BEAM of those
 * whose cost plus minutes_charge() is least (added for the selection,
 * then taken off again, as solver-dp.c's prune() does); the layer
 * starts at from.  Deterministic: both orders are total. */
static void
prune(RotapPair *pair, const RotapFrame *fp, const RotapFrame *fq, int from)
{
    PairNode *v = &g_array_index(pair->nodes, PairNode, from);
    int n = (int)pair->nodes->len - from, kept = 0;

    qsort(v, n, sizeof(PairNode), compare_nodes);
    for (int i = 0; i < n; i++) {
        if (kept > 0 && v[kept - 1].a == v[i].a && v[kept - 1].b == v[i].b &&
            v[kept - 1].changed == v[i].changed)
            continue;
        v[kept++] = v[i];
    }
    if (kept > PAIR_BEAM) {
        for (int i = 0; i < kept; i++)
            v[i].cost += minutes_charge(fp, fq, &v[i]);
        qsort(v, kept, sizeof(PairNode), compare_costs);
        kept = PAIR_BEAM;
        for (int i = 0; i < kept; i++)
            v[i].cost -= minutes_charge(fp, fq, &v[i]);
    }
    g_array_set_size(pair->nodes, from + kept);
}

/* The request cost of person holding value on day. */
static gint64
request(const RotapSolverData *data, int person, int day, int value)
{
    return rotap_request_cost(data, person * data->n_days + day, value);
}

static void
add_combo(RotapPair *pair, int k, int vp, int vq, gint64 cost)
{
    Combo *c = &pair->combos[k * DAY_COMBOS + pair->n_combos[k]++];

    c->p = vp;
    c->q = vq;
    c->cost = cost;
}

/* A day's combinations: keep (always the first), or trade when both may
 * take the other's. */
static void
day_combos(RotapPair *pair, const RotapFrame *fp, const RotapFrame *fq, int day)
{
    const RotapState *st = fp->st;
    const RotapSolverData *data = st->data;
    int p = fp->person, q = fq->person, k = day - fp->first;
    int vp = st->x[p * data->n_days + day], vq = st->x[q * data->n_days + day];

    pair->n_combos[k] = 0;
    add_combo(pair, k, vp, vq, 0);
    if (rotap_can_trade(st, p, q, day) && rotap_frame_allows(fp, day, vq) &&
        rotap_frame_allows(fq, day, vp))
        add_combo(pair, k, vq, vp,
                  request(data, p, day, vq) + request(data, q, day, vp) -
                      request(data, p, day, vp) - request(data, q, day, vq));
}

/* One layer: every state of the previous one times every combination of the day. */
static void
expand(RotapPair *pair, const RotapFrame *fp, const RotapFrame *fq, int day, int from,
       int to)
{
    int k = day - fp->first;
    const Combo *combos = &pair->combos[k * DAY_COMBOS];

    for (int i = from; i < to; i++) {
        PairNode parent = g_array_index(pair->nodes, PairNode, i);

        for (int o = 0; o < pair->n_combos[k]; o++) {
            const Combo *c = &combos[o];
            PairNode node;

            if (!rotap_frame_step(fp, parent.a, day, c->p, &node.a) ||
                !rotap_frame_step(fq, parent.b, day, c->q, &node.b))
                continue;
            node.cost = parent.cost + c->cost;
            node.parent = i;
            node.combo = o;
            node.changed = parent.changed || o > 0;
            g_array_append_val(pair->nodes, node);
        }
    }
}

gboolean
rotap_pair_exchange(RotapPair *pair, RotapState *st, RotapUndo *undo, int p, int q,
                    int first, int last)
{
    const RotapSolverData *data = st->data;
    int best = -1;
    RotapFrame fp, fq;
    PairNode start = {0};
    gint64 best_cost = 0;

    if (!data->dp_ok || p == q || last - first + 1 > pair->cap_days ||
        undo->n + 2 * (last - first + 1) > ROTAP_MAX_CHANGES)
        return FALSE;
    rotap_frame_init(&fp, st, p, first, last, 0, pair->we_p);
    rotap_frame_init(&fq, st, q, first, last, 0, pair->we_q);
    g_array_set_size(pair->nodes, 0);
    start.a = rotap_frame_start(&fp);
    start.b = rotap_frame_start(&fq);
    start.parent = -1;
    g_array_append_val(pair->nodes, start);
    pair->layer_start[0] = 0;
    pair->layer_start[1] = 1;
    for (int d = first; d <= last; d++) {
        int k = d - first;

        day_combos(pair, &fp, &fq, d);
        expand(pair, &fp, &fq, d, pair->layer_start[k], pair->layer_start[k + 1]);
        if ((int)pair->nodes->len == pair->layer_start[k + 1])
            return FALSE;
        prune(pair, &fp, &fq, pair->layer_start[k + 1]);
        pair->layer_start[k + 2] = (int)pair->nodes->len;
    }
    for (int i = pair->layer_start[last - first + 1]; i < (int)pair->nodes->len; i++) {
        const PairNode *node = &g_array_index(pair->nodes, PairNode, i);
        gint64 cost;

        if (!node->changed)
            continue;
        cost = node->cost + minutes_charge(&fp, &fq, node);
        if ((best < 0 || cost < best_cost) && rotap_frame_finish_ok(&fp, node->a) &&
            rotap_frame_finish_ok(&fq, node->b)) {
            best = i;
            best_cost = cost;
        }
    }
    if (best < 0)
        return FALSE;
    for (int d = last, i = best; d >= first; d--) {
        const PairNode *node = &g_array_index(pair->nodes, PairNode, i);
        const Combo *c = &pair->combos[(d - first) * DAY_COMBOS + node->combo];

        if (st->x[p * data->n_days + d] != c->p)
            rotap_move_set(st, undo, p, d, c->p);
        if (st->x[q * data->n_days + d] != c->q)
            rotap_move_set(st, undo, q, d, c->q);
        i = node->parent;
    }
    return TRUE;
}

gboolean
rotap_move_pair(RotapState *st, RotapPair *pair, RotapRng *rng, RotapUndo *undo,
                int window)
{
    int length = MIN(window, st->data->n_days), people[2], first;

    if (rotap_pick_group(st, rng, people, 2, length, &first) < 2)
        return FALSE;
    return rotap_pair_exchange(pair, st, undo, people[0], people[1], first,
                               first + length - 1);
}
