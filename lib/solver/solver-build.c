/* SPDX-License-Identifier: MIT */
/* solver-build.c: construction: locks, previous roster, on-site hour, scarce cells. */
#include "config.h"

#include <stdlib.h>

#include "solver-private.h"

/* Candidates tried per place when a cell has more (person, day) pairs. */
#define SAMPLE 64

/*
 * Hard terms that only grow as people take on work: the construction
 * never increases them.  The others (minimum minutes, runs, days off, the
 * on-site hour) fall as work is added or can only be fixed by the search.
 */
static gboolean
is_upper_term(RotapTerm t)
{
    switch (t) {
    case ROTAP_TERM_MIN_MINUTES:
    case ROTAP_TERM_MIN_CONSECUTIVE:
    case ROTAP_TERM_MIN_DAYS_OFF:
    case ROTAP_TERM_ONSITE_MISSING:
    case ROTAP_TERM_ONSITE_UNSTAFFED:
        return FALSE;
    default:
        return ROTAP_TERM_IS_HARD(t);
    }
}

/* The construction's view of a change: G_MAXINT64 when it adds an
 * upper-limit violation, else soft delta plus weighted lower-limit delta. */
static gint64
judge(const RotapSolverData *data, const RotapCost *before, const RotapCost *after)
{
    gint64 lower = 0;

    for (int t = 0; t < ROTAP_TERM_UNCOVERED; t++) {
        gint64 d = after->pen[t] - before->pen[t];

        if (is_upper_term((RotapTerm)t)) {
            if (d > 0)
                return G_MAXINT64;
        } else {
            lower += d;
        }
    }
    return after->soft - before->soft + lower * data->hard_weight;
}

/*
 * The construction's working set.  blocked has a bit per (slot, shift):
 * adding that shift there once added an upper-limit violation.  Those
 * limits only tighten as work is added and the construction never breaks
 * one, so the bit stays true for every later cell of that shift and day,
 * and the candidate is skipped without a trial.
 */
typedef struct {
    RotapState *st;
    RotapRng *rng;
    guint8 *blocked;
    int n_shifts;
} Builder;

static gsize
blocked_bit(const Builder *b, int person, int day, int value)
{
    const RotapSolverData *data = b->st->data;

    return ((gsize)person * data->n_days + day) * b->n_shifts + data->val_shift[value];
}

static gint64
try_value(Builder *b, int person, int day, int value)
{
    RotapState *st = b->st;
    RotapCost before = st->cost;
    gsize bit = blocked_bit(b, person, day, value);
    gboolean person_bound;
    gint64 score;

    if (b->blocked[bit / 8] & (1u << (bit % 8)))
        return G_MAXINT64;
    rotap_state_set(st, person, day, value);
    score = judge(st->data, &before, &st->cost);
    /* over_max belongs to the cell, not to the person's day */
    person_bound = st->cost.pen[ROTAP_TERM_OVER_MAX] == before.pen[ROTAP_TERM_OVER_MAX];
    rotap_state_set(st, person, day, ROTAP_NONE);
    if (score == G_MAXINT64 && person_bound)
        b->blocked[bit / 8] |= (guint8)(1u << (bit % 8));
    return score;
}

/* The best (person, day) for a place in cell c among pairs k of the
 * cell's takers x days: every pair when all is set, else a sample of at
 * most SAMPLE of them.  FALSE when none helps. */
static gboolean
best_pair(Builder *b, int c, gboolean all, int *best_person, int *best_day)
{
    RotapState *st = b->st;
    const RotapSolverData *data = st->data;
    const RotapCell *cell = &data->model->cells[c];
    const RotapEligible takers = rotap_value_takers(data, c);
    int n_takers = takers.n_people;
    int n_pairs = n_takers * cell->n_days, tries = all ? n_pairs : MIN(n_pairs, SAMPLE);
    gint64 best = 0;

    *best_person = -1;
    for (int i = 0; i < tries; i++) {
        int k = all || n_pairs <= SAMPLE ? i : rotap_rng_below(b->rng, n_pairs);
        int person = rotap_eligible_at(&takers, k / cell->n_days), day = cell->days[k % cell->n_days];
        gint64 score;

        if (st->x[person * data->n_days + day] != ROTAP_NONE ||
            !rotap_can_take(data, person, day, c))
            continue;
        score = try_value(b, person, day, c);
        if (score < best) {
            best = score;
            *best_person = person;
            *best_day = day;
        }
    }
    return *best_person >= 0;
}

/* Fill the places of one cell, best candidate first, while that helps.
 * A sample of the candidates is judged first; only when it holds none
 * that helps are all of them, so that a place stays empty only when no
 * eligible free person can take it without an upper-limit violation. */
static void
fill_cell(Builder *b, int c)
{
    RotapState *st = b->st;
    const RotapSolverData *data = st->data;
    const RotapCell *cell = &data->model->cells[c];
    int need = data->model->duties[cell->duty].min - st->cell_n[c], n_takers;
    gboolean all = FALSE;

    n_takers = rotap_value_takers(data, c).n_people;
    while (need > 0 && n_takers > 0) {
        int person, day;

        if (!best_pair(b, c, all, &person, &day)) {
            if (all || n_takers * cell->n_days <= SAMPLE)
                return;
            all = TRUE;
            continue;
        }
        rotap_state_set(st, person, day, c);
        need--;
    }
}

/* The value of the on-site hour for a unit: the previous roster's segment
 * when that slot held one of the unit's, else the unit's first segment. */
static int
onsite_value(const RotapSolverData *data, int unit, int slot)
{
    const RotapUnit *u = &data->model->units[unit];

    if (data->has_prev) {
        int prev = data->prev_value[slot];

        if (rotap_is_onsite_of(data, prev, unit))
            return prev;
    }
    return data->n_cells + u->segments[0];
}

/* Each on-site unit-day without a valid assignment gets the head, else the
 * first free deputy. */
static void
place_onsite(RotapState *st)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;

    for (int u = 0; u < model->n_units; u++) {
        for (int d = 0; d < data->n_days; d++) {
            gsize key = (gsize)u * data->n_days + d;

            if (data->unit_day_term[key] == 0 || st->onsite_n[key] > 0)
                continue;
            for (int k = data->onsite_start[u]; k < data->onsite_start[u + 1]; k++) {
                int person = data->onsite_people[k], slot = person * data->n_days + d;
                int value = onsite_value(data, u, slot);

                if (st->x[slot] == ROTAP_NONE && rotap_can_take(data, person, d, value)) {
                    rotap_state_set(st, person, d, value);
                    break;
                }
            }
        }
    }
}

/*
 * A re-solve starts from the previous roster: every slot takes its
 * previous value again when it still may (eligible, available) and that
 * breaks no upper limit, so that the search begins where the coordinator
 * left off and the change term starts at the few slots that must change.
 * The on-site hours go first (onsite set), then the on-site hours still
 * missing take their head or deputy, and only then the other duties
 * (onsite unset), so that a deputy standing in is not kept on a duty.
 */
static void
place_previous(RotapState *st, gboolean onsite)
{
    const RotapSolverData *data = st->data;

    for (int s = 0; s < data->n_slots; s++) {
        int person = s / data->n_days, day = s % data->n_days,
            value = data->prev_value[s];
        RotapCost before;

        if (value < 0 || (value >= data->n_cells) != onsite || st->x[s] != ROTAP_NONE ||
            data->frozen[s] || !rotap_can_take(data, person, day, value))
            continue;
        before = st->cost;
        rotap_state_set(st, person, day, value);
        if (judge(data, &before, &st->cost) == G_MAXINT64)
            rotap_state_set(st, person, day, ROTAP_NONE);
    }
}

typedef struct {
    gint64 key;
    int cell;
} Scarce;

static int
compare_scarce(gconstpointer pa, gconstpointer pb)
{
    const Scarce *a = pa, *b = pb;

    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->cell < b->cell ? -1 : (a->cell > b->cell);
}

void
rotap_construct(RotapState *st, RotapRng *rng)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    g_autofree Scarce *order = g_new(Scarce, MAX(data->n_cells, 1));
    Builder b;
    int n = 0;

    rotap_state_reset(st);
    for (int s = 0; s < data->n_slots; s++)
        if (data->frozen[s])
            rotap_state_set(st, s / data->n_days, s % data->n_days, data->init_value[s]);
    if (data->has_prev)
        place_previous(st, TRUE);
    place_onsite(st);
    if (data->has_prev)
        place_previous(st, FALSE);
    for (int c = 0; c < data->n_cells; c++) {
        const RotapCell *cell = &model->cells[c];
        int min = model->duties[cell->duty].min, n_takers;

        if (min <= 0)
            continue;
        n_takers = rotap_value_takers(data, c).n_people;
        order[n].key = (gint64)n_takers * cell->n_days - min;
        order[n].cell = c;
        n++;
    }
    if (n > 1)
        qsort(order, n, sizeof(Scarce), compare_scarce);
    b.st = st;
    b.rng = rng;
    b.n_shifts = MAX(model->n_shifts, 1);
    b.blocked = g_new0(guint8, (gsize)data->n_slots * b.n_shifts / 8 + 1);
    for (int i = 0; i < n; i++)
        fill_cell(&b, order[i].cell);
    g_free(b.blocked);
}
