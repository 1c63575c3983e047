/* SPDX-License-Identifier: MIT */
/* solver-search.c: one search of the portfolio: simulated annealing with reheats from the best. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
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

    /* The weight of hard violations: raised while the roster breaks hard
     * constraints, lowered while it does not (strategic oscillation). */
    double hw, hw_lo, hw_hi, hw_up, hw_down, gamma;
    int hw_period;

    /* Every dp_period moves, one person's window of dp_window days is
     * re-rostered optimally (NULL when the model does not suit). */
    RotapDp *dp;
    int dp_period, dp_window;
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
    if (data->dp_ok)
        search->dp = rotap_dp_new(data);
    search->dp_period = 1000;
    search->dp_window = 28;
    if (g_getenv("ROTA_DP"))
        sscanf(g_getenv("ROTA_DP"), "%d,%d", &search->dp_period, &search->dp_window);
    return search;
}

void
rotap_search_free(RotapSearch *search)
{
    if (search == NULL)
        return;
    rotap_state_free(search->state);
    rotap_dp_free(search->dp);
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
    {
        double f0 = 0.5, fend = 1e-3, per_slot = 400, lo = 2e6;
        const char *env = g_getenv("ROTA_SA");

        if (env != NULL)
            sscanf(env, "%lf,%lf,%lf,%lf", &f0, &fend, &per_slot, &lo);
        rotap_moves_tune();
        {
            double big = (double)data->hard_weight / 10;
            double lw = 1, hi = 20, start = 2, up = 1.02, down = 0.99, period = 4096, gamma = 0;
            const char *a = g_getenv("ROTA_ADAPT");

            if (a != NULL)
                sscanf(a, "%lf,%lf,%lf,%lf,%lf,%lf,%lf", &start, &lw, &hi, &up, &down, &period, &gamma);
            search->gamma = gamma;
            search->hw = start * big;
            search->hw_lo = lw * big;
            search->hw_hi = hi * big;
            search->hw_up = up;
            search->hw_down = down;
            search->hw_period = (int)period;
        }
        search->t0 = MAX(scale * f0, 0.5);
        search->t_end = MAX(search->t0 * fend, 0.05);
        search->cycle_len = (guint64)CLAMP((gint64)(data->n_slots * per_slot), (gint64)lo, 50000000);
        if (g_getenv("ROTA_DEBUG"))
            fprintf(stderr, "t0 %g tend %g cycle %lu\n", search->t0, search->t_end, (unsigned long)search->cycle_len);
    }
    start_cycle(search);
}

/*
 * Re-roster every person over overlapping two-week windows, keeping each
 * change that does not worsen (hard, soft), until a pass changes nothing:
 * the end of a cycle is a local optimum of the small moves, not of these.
 */
static void
polish(RotapSearch *search)
{
    const RotapSolverData *data = search->data;
    RotapState *st = search->state;
    RotapUndo undo = { 0 };
    int length = MIN(search->dp_window, data->n_days);
    gboolean again = search->dp != NULL;

    for (int pass = 0; again && pass < 4; pass++) {
        again = FALSE;
        for (int p = 0; p < data->n_people; p++) {
            for (int first = 0; first + length <= data->n_days; first += MAX(length / 2, 1)) {
                int hard = st->cost.hard;
                gint64 soft = st->cost.soft;

                undo.n = 0;
                if (!rotap_dp_reroster(search->dp, st, &undo, p, first, first + length - 1))
                    continue;
                if (rotap_cost_compare(st->cost.hard, st->cost.soft, hard, soft) > 0) {
                    rotap_move_undo(st, &undo);
                    continue;
                }
                again = again || rotap_cost_compare(st->cost.hard, st->cost.soft, hard, soft) < 0;
                note_changes(search, &undo);
            }
        }
    }
    if (rotap_cost_compare(st->cost.hard, st->cost.soft, search->best_hard,
                           search->best_soft) < 0)
        save_best(search);
}

static void
next_cycle(RotapSearch *search)
{
    if (g_getenv("ROTA_DEBUG"))
        fprintf(stderr, "cycle %d: current %d/%ld best %d/%ld hw %.0f temp %.3f\n", search->cycle,
                search->state->cost.hard, (long)search->state->cost.soft, search->best_hard,
                (long)search->best_soft, search->hw, search->temp);
    if (g_getenv("ROTA_DEBUG"))
        for (int t = 0; t < ROTAP_TERM_UNCOVERED; t++)
            if (search->state->cost.count[t])
                fprintf(stderr, "   %s=%d/%ld\n", rotap_term_name(t), search->state->cost.count[t], (long)search->state->cost.pen[t]);
    search->cycle++;
    if (g_getenv("ROTA_POLISH"))
        polish(search);
    restore_best(search);
    start_cycle(search);
    /* Later cycles start cooler: the roster is already good. */
    {
        double even = 1.0, odd = 0.3;

        if (g_getenv("ROTA_REHEAT"))
            sscanf(g_getenv("ROTA_REHEAT"), "%lf,%lf", &even, &odd);
        search->temp = search->t0 * (search->cycle % 2 == 0 ? even : odd);
        search->alpha = exp(log(search->t_end / search->temp) / (double)search->cycle_len);
    }
}

/* Whether person breaks one of the limits the re-rostering keeps. */
static gboolean
person_breaks(const RotapState *st, int person)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    const RotapLimits *l = &model->people[person].limits;
    const int *row = st->x + (gsize)person * data->n_days;
    int run = 0;
    gboolean prev_work = FALSE, edge = TRUE;

    if (st->minutes[person] < l->min_minutes ||
        (l->max_minutes != ROTAP_UNLIMITED && st->minutes[person] > l->max_minutes) ||
        (l->max_weekends != ROTAP_UNLIMITED && st->weekends[person] > l->max_weekends))
        return TRUE;
    for (int s = 0; s < model->n_shifts; s++) {
        int max = model->max_shifts[(gsize)person * model->n_shifts + s];

        if (max != ROTAP_UNLIMITED && st->shift_n[(gsize)person * model->n_shifts + s] > max)
            return TRUE;
    }
    for (int d = 0; d <= data->n_days; d++) {
        gboolean work = d < data->n_days && rotap_is_cell(data, row[d]);

        if (d < data->n_days && row[d] != ROTAP_NONE &&
            rotap_model_is_off(model, person, d, data->val_shift[row[d]]))
            return TRUE;
        if (d > 0 && d < data->n_days && work && prev_work &&
            model->forbid[data->val_shift[row[d - 1]] * model->n_shifts +
                          data->val_shift[row[d]]])
            return TRUE;
        if (d > 0 && (d == data->n_days || work != prev_work)) {
            gboolean inner = !edge && d < data->n_days;

            if (prev_work && ((l->max_consecutive != ROTAP_UNLIMITED &&
                               run > l->max_consecutive) ||
                              (inner && run < l->min_consecutive)))
                return TRUE;
            if (!prev_work && inner && run < l->min_days_off)
                return TRUE;
            run = 0;
            edge = FALSE;
        }
        run++;
        prev_work = work;
    }
    return FALSE;
}

/* A person breaking a limit, searching from a random one; -1 if none. */
static int
pick_breaking(RotapSearch *search)
{
    const RotapSolverData *data = search->data;
    int start = rotap_rng_below(&search->rng, data->n_people);

    for (int k = 0; k < data->n_people; k++) {
        int p = (start + k) % data->n_people;

        if (person_breaks(search->state, p))
            return p;
    }
    return -1;
}

static gboolean
dp_move(RotapSearch *search, RotapUndo *undo)
{
    const RotapSolverData *data = search->data;
    int person = rotap_rng_below(&search->rng, data->n_people);

    if (search->state->cost.hard > 0 && rotap_rng_below(&search->rng, 2) == 0) {
        int p = pick_breaking(search);

        if (p >= 0)
            person = p;
    }
    int length = MIN(search->dp_window, data->n_days);
    int first = rotap_rng_below(&search->rng, data->n_days - length + 1);

    {
        static int tries, ok, worse, better;
        int h = search->state->cost.hard;
        gint64 sf = search->state->cost.soft;
        gboolean r = rotap_dp_reroster(search->dp, search->state, undo, person, first,
                             first + length - 1);
        tries++;
        if (r) {
            ok++;
            if (search->state->cost.hard > h) worse++;
            if (search->state->cost.hard < h || (search->state->cost.hard == h && search->state->cost.soft < sf)) better++;
        }
        if (g_getenv("ROTA_DEBUG") && tries % 2000 == 0)
            fprintf(stderr, "dp tries %d ok %d harder %d better %d\n", tries, ok, worse, better);
        return r;
    }
}

guint64
rotap_search_run(RotapSearch *search, guint64 n, const gint *cancel)
{
    RotapState *st = search->state;
    RotapUndo undo = { 0 };
    guint64 i;
    double hw = search->hw;

    for (i = 0; i < n; i++) {
        gint64 before_mag, before_soft;
        double delta;

        if ((i & 1023) == 0 && cancel != NULL && g_atomic_int_get(cancel))
            break;
        if (++search->cycle_pos >= search->cycle_len)
            next_cycle(search);
        search->temp *= search->alpha;
        if (search->hw_period > 0 && i % search->hw_period == 0) {
            if (st->cost.hard > 0)
                search->hw = MIN(search->hw * search->hw_up, search->hw_hi);
            else
                search->hw = MAX(search->hw * search->hw_down, search->hw_lo);
            hw = search->hw * (search->gamma > 0 ? pow(search->t0 / search->temp, search->gamma) : 1);
        }
        before_mag = st->cost.mag;
        before_soft = st->cost.soft;
        undo.n = 0;
        if (search->dp != NULL && search->dp_period > 0 && i % search->dp_period == 0) {
            if (!dp_move(search, &undo))
                continue;
        } else if (!rotap_move_random(st, &search->rng, &undo)) {
            continue;
        }
        delta = (double)(st->cost.mag - before_mag) * hw +
                (double)(st->cost.soft - before_soft);
        if (delta > 0 && rotap_rng_double(&search->rng) >= exp(-delta / search->temp)) {
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
