/* SPDX-License-Identifier: MIT */
/* solver-private.h: the solver's tables, state, moves and search (lib/solver*.c). */
#ifndef ROTA_SOLVER_PRIVATE_H
#define ROTA_SOLVER_PRIVATE_H

#include <rota/rota-solver.h>

#include "score-private.h"

/*
 * The solver sees a roster as one value per (person, day) slot, slot =
 * person * n_days + day:
 *   ROTAP_NONE               nothing that day,
 *   0 .. n_cells - 1         a place in that duty cell (the cell fixes the
 *                            duty, segment and shift),
 *   n_cells + g              the on-site hour at segment g.
 * A person therefore never has two assignments on one day, so the
 * evaluator's double_booking never occurs in a solver roster.
 */
#define ROTAP_NONE (-1)
/* prev_value of a slot whose previous assignments no value can equal. */
#define ROTAP_PREV_OTHER (-2)

/* ------------------------------------------------------------ random */

/* xoshiro256** (Blackman and Vigna), seeded through splitmix64: the only
 * source of randomness, so that a seed fixes every choice. */
typedef struct {
    guint64 s[4];
} RotapRng;

void rotap_rng_seed(RotapRng *rng, guint64 seed, guint64 stream);

static inline guint64
rotap_rng_next(RotapRng *rng)
{
    guint64 *s = rng->s;
    guint64 x = s[1] * 5, result = ((x << 7) | (x >> 57)) * 9, t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 45) | (s[3] >> 19);
    return result;
}

/* Uniform in 0 .. n - 1 (n > 0), by Lemire's multiply-shift (the tiny
 * bias for n far below 2^32 does not matter here). */
static inline int
rotap_rng_below(RotapRng *rng, int n)
{
    return (int)(((rotap_rng_next(rng) >> 32) * (guint64)n) >> 32);
}

/* Uniform in [0, 1). */
static inline double
rotap_rng_double(RotapRng *rng)
{
    return (double)(rotap_rng_next(rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* ------------------------------------------------------------ tables */

/*
 * RotapSolverData: everything the search asks about the model, by index,
 * built once per run and shared read-only by all threads.
 */
typedef struct {
    RotaModel *model; /* a reference */
    int n_people, n_days, n_cells, n_values, n_slots;

    /* By value (n_values): its shift, its non-on-site minutes (0 for the
     * on-site hour), and for on-site values the unit owning the segment. */
    int *val_shift;
    int *val_minutes;
    int *val_unit;

    /* By slot: frozen slots (a locked previous assignment) never change. */
    guint8 *frozen;
    int *init_value; /* n_slots: the locked value or ROTAP_NONE */

    /* Requests by slot: req_list[req_start[s] .. req_start[s + 1] - 1] are
     * indices into model->requests; NULL without requests. */
    int *req_start;
    int *req_list;

    /* The previous roster (NULL fields without one). */
    gboolean has_prev;
    int *prev_value; /* n_slots: ROTAP_NONE, a value or ROTAP_PREV_OTHER */
    int *lock_start; /* n_slots + 1, or NULL when nothing is locked */
    int *lock_list;  /* locked previous assignments as values (or OTHER) */
    int n_locked;

    /* People. */
    int *fair_unit;     /* n_people: the unit whose fairness p counts in, or -1 */
    guint8 *rest_check; /* n_people: min_rest can fail for this person */
    guint8 *run_check;  /* n_people: some run-length limit is set */
    int rest_span;      /* assignments further apart can never break min_rest */

    /* Cells: quota counters of cell c are quota_start[c] .. quota_start[c+1]-1. */
    int *quota_start;
    int n_quota_counters;

    /* Units and the on-site hour. */
    int *onsite_start;     /* n_units + 1 into onsite_people */
    int *onsite_people;    /* per unit: head (if any) then deputies */
    guint8 *unit_day_term; /* n_units * n_days: term when nobody is on site,
                              0 for no on-site check that day */
    guint8 *head_free;     /* n_units * n_days: the head is available */

    /* Cells due on each day: day_cells[day_start[d] .. day_start[d+1]-1]. */
    int *day_start;
    int *day_cells;

    /* The one cell of (day, shift) when a single cell of that shift is
     * due that day, else -1 (none or several): n_days * n_shifts. */
    int *day_shift_cell;

    /* The largest single soft penalty the model can charge: the unit in
     * which the search weighs hard violations (never in results), and
     * hard_weight, ten of them, the construction's weight. */
    gint64 soft_unit;
    gint64 hard_weight;
    int minute_unit;
    /* Over the model's shifts: the greatest common divisor of their
     * minutes (the DP's unit of minutes) and the longest, in minutes. */
    int shift_minutes_gcd;
    int longest_shift;
    gboolean has_week_cells;
    /* Every cell is the single cell of its (day, shift) and there is no
     * on-site hour: rotap_dp_reroster() applies. */
    gboolean dp_ok;
} RotapSolverData;

/* NULL with ROTA_ERROR_FAILED "out of memory" when the tables of people x
 * days cannot be had. */
RotapSolverData *rotap_solver_data_new(RotaModel *model, const RotaRoster *previous,
                                       GError **error);
void rotap_solver_data_free(RotapSolverData *data);

/* Whether person may hold value v on day (eligible, available, not frozen,
 * the value due that day). ROTAP_NONE is allowed on any unfrozen slot. */
gboolean rotap_can_take(const RotapSolverData *data, int person, int day, int value);

/* The penalty of the requests of slot when it holds value. */
gint64 rotap_request_cost(const RotapSolverData *data, int slot, int value);

/* The people who may ever hold value v (a cell's eligible list, or the
 * unit's head and deputies for the on-site hour), borrowed from data:
 * read them with rotap_eligible_at(). */
RotapEligible rotap_value_takers(const RotapSolverData *data, int value);

/* ------------------------------------------------------------ state */

/*
 * Cost: the evaluator's figures (hard = number of hard violations, soft =
 * sum of soft penalties, and per term the count and penalty), plus mag,
 * the size of the hard violations (how many shifts, days or places over
 * or under a limit) that guides the search.  For hard terms pen[] holds
 * the magnitude.
 */
typedef struct {
    int hard;
    gint64 mag;
    gint64 soft;
    int count[ROTAP_N_TERMS];
    gint64 pen[ROTAP_N_TERMS];
} RotapCost;

/* One thread's roster and every counter the deltas are computed from. */
typedef struct {
    const RotapSolverData *data;
    int *x;            /* n_slots */
    int *cell_n;       /* n_cells: places filled */
    int *cell_q;       /* quota counters: distinct tagged people */
    int *shift_n;      /* n_people * n_shifts */
    int *minutes;      /* n_people: non-on-site minutes */
    int *week_shifts;  /* n_people * n_weeks */
    int *week_minutes; /* n_people * n_weeks */
    guint8 *we_days;   /* n_people * n_weekends: working days in it */
    int *weekends;     /* n_people: weekends worked */
    gint64 *fair_sum;  /* n_units */
    gint64 *fair_sq;   /* n_units */
    int *onsite_n;     /* n_units * n_days: valid on-site assignments */
    int *onsite_head;  /* n_units * n_days: of which by the head */
    RotapCost cost;
} RotapState;

/* NULL with ROTA_ERROR_FAILED "out of memory" when its arrays of people x
 * days (or x shifts, weeks, units x days) cannot be had. */
RotapState *rotap_state_new(const RotapSolverData *data, GError **error);
void rotap_state_free(RotapState *state);
/* Empty roster (every slot ROTAP_NONE, frozen ones included). */
void rotap_state_reset(RotapState *state);
/* reset, then set every slot to values[slot] (frozen slots get their lock). */
void rotap_state_load(RotapState *state, const int *values);
/* Set one slot, updating every counter and the cost. */
void rotap_state_set(RotapState *state, int person, int day, int value);
/* Whether p and q hold different values on day and each may take the
 * other's (rotap_can_take()): a trade that changes no cell's cover. */
gboolean rotap_can_trade(const RotapState *state, int p, int q, int day);
/* The roster as assignments, sorted; locked ones marked. */
RotaRoster *rotap_state_export(const RotapSolverData *data, const int *values);

/* Internal parts of rotap_state_set (solver-person.c). */
void rotap_state_person_change(RotapState *state, int person, int day, int old_value,
                               int value);
void rotap_state_person_empty(RotapState *state, int person);

static inline void
rotap_cost_add(RotapCost *cost, RotapTerm term, int sign, gint64 value)
{
    cost->count[term] += sign;
    cost->pen[term] += sign * value;
    if (ROTAP_TERM_IS_HARD(term)) {
        cost->hard += sign;
        cost->mag += sign * value;
    } else {
        cost->soft += sign * value;
    }
}

static inline gboolean
rotap_is_cell(const RotapSolverData *data, int value)
{
    return value >= 0 && value < data->n_cells;
}

/* Whether value is an on-site hour at one of unit's segments. */
static inline gboolean
rotap_is_onsite_of(const RotapSolverData *data, int value, int unit)
{
    return value >= data->n_cells && data->val_unit[value] == unit;
}

/* ------------------------------------------------------------ search */

/* The undo log of one move: slots and their former values, and which of
 * its first ROTAP_RAISED_BITS changes raised the size of the hard
 * violations (bit i: change i).  Room for re-rostering one person over
 * 512 days. */
#define ROTAP_MAX_CHANGES 1024
#define ROTAP_RAISED_BITS 64
typedef struct {
    int n;
    int slot[ROTAP_MAX_CHANGES];
    int old[ROTAP_MAX_CHANGES];
    guint64 raised;
} RotapUndo;

static inline void
rotap_undo_clear(RotapUndo *undo)
{
    undo->n = 0;
    undo->raised = 0;
}

/* Set a slot through the undo log. */
void rotap_move_set(RotapState *state, RotapUndo *undo, int person, int day, int value);
void rotap_move_undo(RotapState *state, RotapUndo *undo);
/* Draw one random move and apply it; FALSE when the draw gave nothing to do. */
gboolean rotap_move_random(RotapState *state, RotapRng *rng, RotapUndo *undo);
/* A move aimed at a hard violation that arose when slot changed from
 * former: half the time slot takes former back, else a random move near
 * it (the same person, a few days around): unassign, hand the duty to
 * someone else, swap it or take a duty.  Random moves seldom land there
 * on a large roster. */
gboolean rotap_move_mend(RotapState *state, RotapRng *rng, RotapUndo *undo, int slot,
                         int former);

/* Optimal re-rostering of one person over a window (solver-dp.c). */
typedef struct _RotapDp RotapDp;
RotapDp *rotap_dp_new(const RotapSolverData *data);
void rotap_dp_free(RotapDp *dp);
/* Find the cheapest schedule of person over first..last that keeps the
 * person's hard constraints, and apply it through undo.  FALSE when the
 * model does not suit, no schedule is feasible, or nothing changes. */
gboolean rotap_dp_reroster(RotapDp *dp, RotapState *state, RotapUndo *undo, int person,
                           int first, int last);
/* The same with the person's total minutes free to leave their limits by
 * up to slack minutes either way (a move that puts them back elsewhere
 * follows). */
gboolean rotap_dp_reroster_slack(RotapDp *dp, RotapState *state, RotapUndo *undo,
                                 int person, int first, int last, int slack);

/* Charge prices[c] (n_cells entries, NULL: the change of the cell's cover
 * penalty) for a place in cell c, and every other cost scale times; prices
 * must outlive their use. */
void rotap_dp_set_prices(RotapDp *dp, const gint64 *prices, gint64 scale);

/* Whether a search should stop: *cancel is set (cancel may be NULL) or
 * the monotonic clock has reached deadline (0: none). */
static inline gboolean
rotap_stopped(const gint *cancel, gint64 deadline)
{
    return (cancel != NULL && g_atomic_int_get(cancel)) ||
           (deadline > 0 && g_get_monotonic_time() >= deadline);
}

/* Schedules gathered per person (solver-pool.c). */
typedef struct _RotapPool RotapPool;
RotapPool *rotap_pool_new(const RotapSolverData *data);
void rotap_pool_free(RotapPool *pool);
/* Add every person's schedule in state that the pool lacks. */
void rotap_pool_add(RotapPool *pool, const RotapState *state);
/* How many schedules the pool holds, over everyone. */
int rotap_pool_count(const RotapPool *pool);
/* Anneal, for up to moves moves from the roster held, over which pooled
 * schedule each person works, and leave the best roster found in state;
 * stops early when *cancel is set or the deadline (0: none) passes. */
void rotap_pool_search(const RotapPool *pool, RotapState *state, RotapRng *rng,
                       guint64 moves, const gint *cancel, gint64 deadline);

/* The schedules of the late rounds of a Lagrangian price ascent on the
 * cover (solver-dual.c), and the roster held, in a new pool (the caller
 * frees it); the roster held is as it was.  NULL when the model does not
 * suit, or the ascent was stopped by *cancel or the deadline (0: none) or
 * would take more than a share of the time to it.  *verdict (NULL: this
 * search alone) is that judgement shared by the searches of one run: 0
 * until the first of them has timed its first rounds, then 1 (go on) or
 * -1 (stop), and every search follows it, so none waits at the run's
 * first barrier for an ascent it gave up itself.  *has_bound tells
 * whether *bound holds the best lower bound on the soft score that the
 * ascent's prices gave (rotap_bound_at_prices()); it may be set also
 * when the ascent is cut short. */
RotapPool *rotap_dual_pool(RotapState *state, RotapDp *dp, RotapRng *rng,
                           const gint *cancel, gint64 deadline, gint *verdict,
                           gboolean *has_bound, gint64 *bound);

/* Whether the soft score of data's model is the cover and the requests
 * alone, with every hard constraint one person's (the benchmark's shape,
 * no previous roster): the Lagrangian bound below applies. */
gboolean rotap_bound_applies(const RotapSolverData *data);
/* A lower bound on the soft score of every roster of state's model that
 * keeps all hard constraints, from prices (n_cells entries, in 1/scale of
 * a penalty unit) on the cover (solver-bound.c); FALSE when it does not
 * apply, a person's programme grows too large or the bound is not
 * positive (it proves nothing).  Only the model of state is used, not
 * its roster. */
gboolean rotap_bound_at_prices(const RotapState *state, const gint64 *prices,
                               gint64 scale, gint64 *bound);

/* Where person breaks one of the limits the re-rostering keeps: a day
 * of the breach, -1 for a limit over the whole horizon (minutes, shifts,
 * weekends), or -2 when the person keeps them all. */
int rotap_person_breaks(const RotapState *state, int person);
/* The same, and when days is not NULL, sets days[d] (n_days entries, the
 * caller clears them) for every day d of a breach of a limit on runs,
 * days off or successions (every day of a run too long or too short);
 * returns the earliest day it marked, else -1 or -2. */
int rotap_person_breaches(const RotapState *state, int person, guint8 *days);
/* Whether person keeps the limits over the whole horizon: total minutes,
 * weekends and the shifts of each type. */
gboolean rotap_person_keeps_horizon_limits(const RotapState *state, int person);

/* Re-roster one person over a window of days (see solver-moves.c). */
gboolean rotap_move_reroster(RotapState *state, RotapDp *dp, RotapRng *rng,
                             RotapUndo *undo, int window);

/* Ruin and recreate: a few people who could stand in for each other lose
 * a window of their roster and are re-rostered over it one by one
 * (solver-ruin.c); undone entirely, and FALSE, when that raised the hard
 * violations. */
gboolean rotap_move_ruin(RotapState *state, RotapDp *dp, RotapRng *rng, RotapUndo *undo,
                         int window);

/* A group for a move of several people (solver-ruin.c): an anchor slot,
 * half the time one whose requests are not met, whose person becomes
 * people[0], and up to want - 1 others who could trade with them on its
 * day (preferring those whose value would meet the request); *first is
 * set to the start of a window of length days around that day.  Returns
 * how many people (want at most; under 2, *first is not set). */
int rotap_pick_group(const RotapState *state, RotapRng *rng, int *people, int want,
                     int length, int *first);

/* The best exchange of days between two people over a window
 * (solver-exchange.c). */
gboolean rotap_move_exchange(RotapState *state, RotapRng *rng, RotapUndo *undo,
                             int window);

/* The best exchange of days between two people over a long window, by
 * dynamic programming over both people's states (solver-pair.c). */
typedef struct _RotapPair RotapPair;
RotapPair *rotap_pair_new(const RotapSolverData *data);
void rotap_pair_free(RotapPair *pair);
/* Look for the cheapest pattern of trades between p and q over
 * first..last other than none (a beam search, exact on short windows)
 * that keeps both people's hard constraints but the total minutes, which
 * it charges, and apply it through undo.  FALSE when the model does not
 * suit, the undo log lacks room for the window, or there is no such
 * pattern. */
gboolean rotap_pair_exchange(RotapPair *pair, RotapState *state, RotapUndo *undo, int p,
                             int q, int first, int last);
/* rotap_pair_exchange() for two people of rotap_pick_group() over a
 * window of window days. */
gboolean rotap_move_pair(RotapState *state, RotapPair *pair, RotapRng *rng,
                         RotapUndo *undo, int window);

/* Greedy construction into an empty state: locks, the on-site hour, then
 * the cells by scarcity, never adding an upper-limit hard violation. */
void rotap_construct(RotapState *state, RotapRng *rng);

/* Lexicographic (hard, soft): negative when a is better than b. */
static inline int
rotap_cost_compare(int hard_a, gint64 soft_a, int hard_b, gint64 soft_b)
{
    if (hard_a != hard_b)
        return hard_a < hard_b ? -1 : 1;
    if (soft_a != soft_b)
        return soft_a < soft_b ? -1 : 1;
    return 0;
}

/*
 * One search of the portfolio: its state, its best roster, the annealing
 * schedule.  rotap_search_run() advances it by a number of moves; it can
 * adopt another search's best at a sharing point.
 */
typedef struct _RotapSearch RotapSearch;

/* NULL with ROTA_ERROR_FAILED "out of memory", as rotap_state_new(). */
RotapSearch *rotap_search_new(const RotapSolverData *data, guint64 seed, int index,
                              GError **error);
void rotap_search_free(RotapSearch *search);
/* Construct the first roster.  Its repair stops early once *cancel is
 * non-zero or the monotonic clock (g_get_monotonic_time()) reaches
 * deadline (0: none).  verdict: the run's shared go-ahead for the price
 * ascent (rotap_dual_pool()), or NULL. */
void rotap_search_start(RotapSearch *search, const gint *cancel, gint64 deadline,
                        gint *verdict);
/* Make up to n moves; stops early (returning the moves made) when *cancel
 * becomes non-zero or the monotonic clock reaches deadline (0: none). */
guint64 rotap_search_run(RotapSearch *search, guint64 n, const gint *cancel,
                         gint64 deadline);
/* Start the annealing over in cycles of about moves each. */
void rotap_search_fit_cycle(RotapSearch *search, guint64 moves);
void rotap_search_get_best(const RotapSearch *search, int *hard, gint64 *soft);
/* The lower bound the search's price ascent proved (solver-bound.c):
 * FALSE when it has none. */
gboolean rotap_search_get_bound(const RotapSearch *search, gint64 *bound);
const int *rotap_search_get_best_values(const RotapSearch *search);
/* Continue from values (another search's best, with that cost). */
void rotap_search_adopt(RotapSearch *search, const int *values);
const RotapState *rotap_search_get_state(const RotapSearch *search);

/* ------------------------------------------------------------ the solver */

typedef struct _RotapRun RotapRun;

struct _RotaSolver {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    RotaModel *model;
    RotaRoster *previous; /* a copy, or NULL */
    guint64 seed;
    double time_limit;  /* seconds; 0: none; < 0: not set */
    guint64 move_limit; /* 0: none */
    int threads;        /* 0: one per processor */
    RotaProgressFunc progress;
    gpointer progress_data;
    GDestroyNotify progress_destroy;

    gint cancel; /* atomic: set by rota_solver_cancel() */
    GCancellable *cancellable; /* rota_solver_set_cancellable(), or NULL */
    gint ran;    /* atomic: rota_solver_run() was called */

    GMutex lock;      /* guards best and run */
    RotaRoster *best; /* the final result */
    RotapRun *run;    /* the run in progress, or NULL */
};

/* rota_solver_run() that also stops when extra (may be NULL) is
 * cancelled: the body of the synchronous and the asynchronous run. */
gboolean rotap_solver_run_cancellable(RotaSolver *solver, GCancellable *extra,
                                      GError **error);

/* The best roster of a run in progress, or NULL (call with solver->lock). */
RotaRoster *rotap_solver_run_dup_best(RotapRun *run);

/* ------------------------------------------------------------ checks */

/* Places missing in cells below their min (into *n_uncovered), and how
 * many of them an eligible person, unassigned that day, could take
 * without a new hard violation (each cell judged on its own): 0 means
 * every place that could be covered is (solver-check.c). */
int rotap_state_count_coverable(RotapState *state, int *n_uncovered);
int rotap_roster_count_coverable(RotaModel *model, const RotaRoster *roster,
                                 int *n_uncovered);
/* Whether person could take a place in cell on day (the slot empty)
 * without raising any hard term's count or magnitude (solver-check.c). */
gboolean rotap_state_can_take_place(RotapState *state, int cell, int person, int day);
/* In a re-solve: whether slot differs from the previous roster and could
 * take its previous value back (not frozen, the value still allowed). */
gboolean rotap_slot_revertible(const RotapState *state, int slot);
/* In a re-solve, give changed slots their previous value back wherever
 * that makes (hard, soft) better: each alone, else together with one
 * other changed slot of the same day that now holds the value; repeated
 * while one does.  Returns the slots reverted (solver-check.c). */
int rotap_state_revert_changes(RotapState *state);
/* The best taker of a place in cell c: the (person, day), the slot empty,
 * that lowers the soft penalty most without a new hard violation; FALSE
 * if none lowers it (solver-check.c). */
gboolean rotap_state_best_taker(RotapState *state, int c, int *person, int *day);
/* Fill such places, each with the taker that lowers the soft penalty
 * most, while one does; never worsens (hard, soft); returns the places
 * filled.  A hook for the end of a search (solver-check.c). */
int rotap_state_cover_free(RotapState *state);
/* The end of every solve, on the best roster: each unit's on-site hour
 * held by a deputy goes to the head, and one held by nobody to whoever
 * can take it, the taker's former duty of the day left open, taken by
 * the holder or given to its best free taker, where that makes (hard,
 * soft) better; then
 * rotap_state_cover_free().  Deterministic; returns the slots changed
 * (solver-polish.c). */
int rotap_state_polish(RotapState *state);

#endif
