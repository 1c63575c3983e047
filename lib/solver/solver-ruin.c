/* SPDX-License-Identifier: MIT */
/* solver-ruin.c: ruin and recreate: a few people re-rostered one by one. */
#include "config.h"

#include "solver-private.h"

/*
 * A few people who could stand in for each other lose everything they do
 * over a window, then each in turn, in random order, gets the cheapest
 * schedule over it given everyone else (rotap_dp_reroster()), twice
 * round.  The first re-rostered fills the places the ruin left short as
 * far as its own limits and requests allow, the others what is left:
 * work moves between several people at once while the cover can stay
 * as it was, which neither the re-rostering of one person (the cover
 * the others hold pins it) nor the exchanges between two reach.
 *
 * The ruin is aimed, half the time, at a request that is not met: its
 * person and people who hold, that day, what would meet it.  A ruin that
 * leaves more hard violations than it found (someone the DP could not
 * re-roster) is undone: when the search had weighed them low, such ruins
 * left Instance22 (60 s, 1 thread) with one or two in 2 of 3 runs; with
 * the undo, 0 in both seeds beside a base that ended with 1 in both
 * (this VM's speed decides Instance22 at 60 s more than either).
 *
 * Measured at 20 s, 1 thread, Instance5-12, seeds 1-6, side by side
 * (once every 2000 moves, 7 days): mean gap 5.68 % against 6.38 %
 * without (Instance9 485.5 against 493.2, Instance5 1195.2 against
 * 1239.5; Instance8, 10 and 12 a little worse, within the seeds'
 * spread).  Three people gave 6.11 % against 6.54 % (seeds 1-2), six
 * 6.09 % against 6.43 % (seeds 3-4); 14 days, three people 6.40 %;
 * a ruin aimed a third of the time at a place short of its minimum
 * 6.34 %.  At 60 s, seeds 1-2: 4.03 % against 4.63 %.
 */
#define RUIN_PEOPLE 4
#define RUIN_ROUNDS 2
/* How many slots the search for an unmet request looks at. */
#define REQUEST_LOOK 4096
/* How many people, from a random one, the search for partners looks at:
 * all of the benchmark's (150 at most); on the county at 10x (30,096
 * people) a look at everyone for every exchange took the moves per second
 * from 1.58 M to 0.54 M. */
#define PARTNER_LOOK 1024

/* A slot whose requests are not met, looking from a random one; -1 if
 * none was seen. */
static int
pick_unmet(const RotapState *st, RotapRng *rng)
{
    const RotapSolverData *data = st->data;
    int start = rotap_rng_below(rng, data->n_slots);

    if (data->req_start == NULL)
        return -1;
    for (int k = 0; k < MIN(data->n_slots, REQUEST_LOOK); k++) {
        int s = (start + k) % data->n_slots;

        if (data->req_start[s] < data->req_start[s + 1] && !data->frozen[s] &&
            rotap_request_cost(data, s, st->x[s]) > 0)
            return s;
    }
    return -1;
}

/* Whether q is among the first n of people. */
static gboolean
chosen(const int *people, int n, int q)
{
    for (int i = 0; i < n; i++)
        if (people[i] == q)
            return TRUE;
    return FALSE;
}

/* Add to people (holding *n) up to want - *n others who, on day, could
 * take over what people[0] holds or hand it what they hold, preferring
 * those whose value there would meet people[0]'s requests better. */
static void
pick_partners(const RotapState *st, RotapRng *rng, int day, int *people, int *n, int want)
{
    const RotapSolverData *data = st->data;
    int p = people[0], slot = p * data->n_days + day, vp = st->x[slot];
    int start = rotap_rng_below(rng, data->n_people);
    gint64 now = rotap_request_cost(data, slot, vp);

    /* the first pass is for a request, which only a cost can show */
    for (int pass = now > 0 ? 0 : 1; pass < 2 && *n < want; pass++) {
        for (int k = 0; k < MIN(data->n_people, PARTNER_LOOK) && *n < want; k++) {
            int q = (start + k) % data->n_people, vq = st->x[q * data->n_days + day];

            if (chosen(people, *n, q) || vp == vq || !rotap_can_take(data, p, day, vq) ||
                !rotap_can_take(data, q, day, vp))
                continue;
            if (pass == 0 && rotap_request_cost(data, slot, vq) >= now)
                continue;
            people[(*n)++] = q;
        }
    }
}

int
rotap_pick_group(const RotapState *st, RotapRng *rng, int *people, int want, int length,
                 int *first)
{
    const RotapSolverData *data = st->data;
    int slot = -1, day, n = 1, start;

    if (rotap_rng_below(rng, 2) == 0)
        slot = pick_unmet(st, rng);
    if (slot < 0)
        slot = rotap_rng_below(rng, data->n_slots);
    people[0] = slot / data->n_days;
    day = slot % data->n_days;
    pick_partners(st, rng, day, people, &n, want);
    if (n < 2)
        return n;
    start = day - rotap_rng_below(rng, length);
    *first = CLAMP(start, 0, data->n_days - length);
    return n;
}

/* Ruin and recreate once (see above); the whole of undo is undone when
 * the ruin raised the hard violations. */
gboolean
rotap_move_ruin(RotapState *st, RotapDp *dp, RotapRng *rng, RotapUndo *undo, int window)
{
    const RotapSolverData *data = st->data;
    int length = MIN(window, data->n_days), people[RUIN_PEOPLE], n, first, last;
    gint64 mag = st->cost.mag;

    if (!data->dp_ok)
        return FALSE;
    n = rotap_pick_group(st, rng, people, RUIN_PEOPLE, length, &first);
    if (n < 2 || undo->n + n * length * (1 + RUIN_ROUNDS) > ROTAP_MAX_CHANGES)
        return FALSE;
    last = first + length - 1;
    for (int i = 0; i < n; i++)
        for (int d = first; d <= last; d++) {
            int s = people[i] * data->n_days + d;

            if (st->x[s] != ROTAP_NONE && !data->frozen[s])
                rotap_move_set(st, undo, people[i], d, ROTAP_NONE);
        }
    for (int round = 0; round < RUIN_ROUNDS; round++) {
        for (int i = n - 1; i > 0; i--) {
            int j = rotap_rng_below(rng, i + 1), t = people[i];

            people[i] = people[j];
            people[j] = t;
        }
        for (int i = 0; i < n; i++)
            rotap_dp_reroster(dp, st, undo, people[i], first, last);
    }
    if (st->cost.mag > mag) {
        rotap_move_undo(st, undo);
        return FALSE;
    }
    return undo->n > 0;
}
