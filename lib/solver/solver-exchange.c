/* SPDX-License-Identifier: MIT */
/* solver-exchange.c: the best exchange of days between two people over a window. */
#include "config.h"

#include "solver-private.h"

/*
 * Two people who could stand in for each other on a day (half the time
 * the day of a request one of them misses) and a window around it: on
 * each day of the window where they hold different things and could
 * trade them, they either keep what they hold or trade; every one of the
 * 2^m patterns of the m such days is scored (in Gray-code order, one trade
 * per pattern) and the best one other than "keep everything" is applied,
 * the annealing deciding as for any move.  The cover never changes: only
 * the two people's own limits and requests do, which is where the
 * benchmark's last points lie once the cover is as good as it gets
 * (Instance9: cover 400 as in the best known roster, requests 65 to 113
 * against 39).  Exchanges of one day or of consecutive days
 * (rotap_move_random()) reach only the patterns whose steps all keep
 * both people within their limits.
 */
#define EXCHANGE_MAX_DAYS 8

/* Exchange what person and other hold on day. */
static void
trade(RotapState *st, int person, int other, int day)
{
    const RotapSolverData *data = st->data;
    int a = st->x[person * data->n_days + day], b = st->x[other * data->n_days + day];

    rotap_state_set(st, person, day, b);
    rotap_state_set(st, other, day, a);
}

/* Whether pattern costs less than the best so far (*mag, *soft). */
static gboolean
cheaper(const RotapState *st, gint64 *mag, gint64 *soft, gboolean first)
{
    if (!first &&
        (st->cost.mag > *mag || (st->cost.mag == *mag && st->cost.soft >= *soft)))
        return FALSE;
    *mag = st->cost.mag;
    *soft = st->cost.soft;
    return TRUE;
}

gboolean
rotap_move_exchange(RotapState *st, RotapRng *rng, RotapUndo *undo, int window)
{
    const RotapSolverData *data = st->data;
    int length = MIN(window, data->n_days), people[2], p, q, first;
    int days[EXCHANGE_MAX_DAYS], m = 0, pattern = 0, best = 0;
    gint64 best_mag = 0, best_soft = 0;

    if (rotap_pick_group(st, rng, people, 2, length, &first) < 2)
        return FALSE;
    p = people[0];
    q = people[1];
    for (int d = first; d < first + length && m < EXCHANGE_MAX_DAYS; d++)
        if (rotap_can_trade(st, p, q, d))
            days[m++] = d;
    if (m == 0 || undo->n + 2 * m > ROTAP_MAX_CHANGES)
        return FALSE;
    for (int i = 1; i < 1 << m; i++) {
        int bit = g_bit_nth_lsf((gulong)i, -1);

        trade(st, p, q, days[bit]);
        pattern ^= 1 << bit;
        if (cheaper(st, &best_mag, &best_soft, i == 1))
            best = pattern;
    }
    /* back to where it started, then the best pattern, recorded */
    for (int k = 0; k < m; k++)
        if (pattern & (1 << k))
            trade(st, p, q, days[k]);
    for (int k = 0; k < m; k++) {
        int vp, vq;

        if (!(best & (1 << k)))
            continue;
        vp = st->x[p * data->n_days + days[k]];
        vq = st->x[q * data->n_days + days[k]];
        rotap_move_set(st, undo, p, days[k], vq);
        rotap_move_set(st, undo, q, days[k], vp);
    }
    return TRUE;
}
