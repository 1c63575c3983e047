/* SPDX-License-Identifier: MIT */
/* solver-run.c: rota_solver_run(): a portfolio of searches on threads. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "solver-private.h"
#include "util-private.h"

/*
 * Determinism: each search follows its own generator, and searches meet
 * only at barriers placed every EPOCH_MOVES of their moves.  What they
 * exchange there (the best roster, who adopts it) depends only on what
 * they found, so with a move limit the result is a function of the
 * model, seed, thread count and previous roster.  A time limit or a
 * cancel is looked at only at a barrier.  A timed run fits its annealing
 * cycles to the moves per second it sees (fit_cycles()) and, without a
 * move limit, places its barriers by the clock (EPOCH_USEC), so it is
 * not reproducible; a move-limited run fits them to its moves.
 */
#define EPOCH_MOVES 50000
/* Under a time limit alone, epochs are this long instead, so that no
 * search waits at a barrier for a slower one: with epochs of
 * EPOCH_MOVES, two threads used 82 % to 98 % of two cores on the
 * benchmark (Instance1-24, 60 s), one thread 99 % to 100 % of one. */
#define EPOCH_USEC (G_USEC_PER_SEC / 20)
/* Every how many epochs searches behind the best adopt it. */
#define SHARE_EPOCHS 20
/* Without any limit, the search stops after this many seconds. */
#define DEFAULT_SECONDS 10.0
/* Under a time limit, once the searches have run FIT_AFTER seconds, each
 * restarts its annealing with cycles of the length that leaves room for
 * FIT_CYCLES cycles in the time left.  Measured on Curtois-Qu 1-12 at
 * 30 s: two long cycles beat the move-count cycles (2 M moves, a dozen
 * reheats in a minute) on 8, 9, 10 and 12 and reach 1001 on 3; one
 * cycle lost on 5.  On the county at 30x a move-count cycle outlasts a
 * 120 s run. */
#define FIT_AFTER 1.0
#define FIT_AFTER_SHARE 0.03
#define FIT_LATEST 0.3
#define FIT_CYCLES 2.0
/* How often the progress function is called. */
#define PROGRESS_USEC (G_USEC_PER_SEC / 2)

/* Everything below is guarded by solver->lock, except that a worker owns
 * its search between barriers and shared_best is written only by the
 * barrier's last arrival. */
struct _RotapRun {
    RotaSolver *solver;
    RotapSolverData *data;
    RotapSearch **searches;
    int n;
    gint64 start_time;
    gint64 search_start; /* when every search had its first roster */
    gboolean fitted;     /* the cycles were fitted to the time limit */
    double time_limit;   /* seconds, 0: none */
    guint64 *limit;      /* per search: its share of the move limit */
    guint64 *done;       /* per search: moves made, as of its last barrier */
    int *best_hard;      /* per search, as of its last barrier */
    gint64 *best_soft;
    gboolean *adopt; /* per search: take shared_best after this barrier */

    GCond cond;
    int waiting;
    guint64 generation;
    int epoch;
    int published; /* barriers passed */
    gboolean stop;
    gint64 epoch_end; /* under a time limit alone: when the epoch ends */
    int finished;

    gint ascent_verdict; /* the searches' shared go-ahead (rotap_dual_pool()) */

    int *shared_best; /* the best roster of all searches */
    RotapState *final; /* where the best roster is polished before export */
    int shared_index; /* the search it came from, or -1 */
    int shared_hard;
    gint64 shared_soft;
};

typedef struct {
    RotapRun *run;
    int index;
} Worker;

static guint64
total_moves(const RotapRun *run)
{
    guint64 total = 0;

    for (int i = 0; i < run->n; i++)
        total += run->done[i];
    return total;
}

static double
elapsed(const RotapRun *run)
{
    return (double)(g_get_monotonic_time() - run->start_time) / G_USEC_PER_SEC;
}

/* Whether some search's best roster is free of hard violations. */
static gboolean
any_feasible(const RotapRun *run)
{
    for (int i = 0; i < run->n; i++)
        if (run->best_hard[i] == 0)
            return TRUE;
    return FALSE;
}

/* Fit the searches' annealing cycles to what is left of their budget
 * (see FIT_CYCLES), once, after a first stretch of search in the
 * construction's short cycles, which cool quickly: until a roster free
 * of hard violations is found, but at least FIT_AFTER_SHARE and at most
 * FIT_LATEST of the budget (Instance20 at 60 s ended with two hard
 * violations when its cycles were fitted after the first second).  Under
 * a move limit the budget is counted in moves, so the run stays
 * reproducible; under a time limit in seconds, and the cycles are fitted
 * from the moves per second seen. */
static void
fit_cycles(RotapRun *run)
{
    gboolean by_moves = run->solver->move_limit > 0;
    double searching, spent, remaining = 0;

    if (run->published == 0) {
        run->search_start = g_get_monotonic_time();
        return;
    }
    if (run->fitted || (!by_moves && run->time_limit <= 0))
        return;
    searching = (double)(g_get_monotonic_time() - run->search_start) / G_USEC_PER_SEC;
    if (by_moves) {
        spent = (double)run->done[0] / (double)run->limit[0];
        if (spent < FIT_AFTER_SHARE)
            return;
    } else {
        remaining = run->time_limit - elapsed(run);
        spent = 1.0 - remaining / run->time_limit;
        if (searching < FIT_AFTER)
            return;
    }
    if (spent < FIT_LATEST && !any_feasible(run))
        return;
    run->fitted = TRUE;
    for (int i = 0; i < run->n; i++) {
        /* the search's budget left, in moves */
        double left = by_moves ? (double)(run->limit[i] - run->done[i])
                               : (double)run->done[i] / searching * remaining;

        if (left > 0)
            rotap_search_fit_cycle(run->searches[i], (guint64)(left / FIT_CYCLES));
    }
}

/* When the time limit ends, on the monotonic clock (0: no time limit). */
static gint64
time_limit_end(const RotapRun *run)
{
    if (run->time_limit <= 0)
        return 0;
    return run->start_time + (gint64)(run->time_limit * G_USEC_PER_SEC);
}

/* Whether epochs are measured in time (a time limit without a move
 * limit: nothing to reproduce) rather than in moves. */
static gboolean
timed_epochs(const RotapRun *run)
{
    return run->time_limit > 0 && run->solver->move_limit == 0;
}

/* The last search to reach a barrier decides for all: the shared best,
 * who adopts it, and whether to stop. */
static void
lead(RotapRun *run)
{
    int b = 0;
    gboolean all_done = TRUE;

    for (int i = 1; i < run->n; i++)
        if (rotap_cost_compare(run->best_hard[i], run->best_soft[i], run->best_hard[b],
                               run->best_soft[b]) < 0)
            b = i;
    if (run->shared_index < 0 ||
        rotap_cost_compare(run->best_hard[b], run->best_soft[b], run->shared_hard,
                           run->shared_soft) < 0) {
        memcpy(run->shared_best, rotap_search_get_best_values(run->searches[b]),
               sizeof(int) * run->data->n_slots);
        run->shared_index = b;
        run->shared_hard = run->best_hard[b];
        run->shared_soft = run->best_soft[b];
    }
    run->epoch++;
    for (int i = 0; i < run->n; i++) {
        run->adopt[i] = run->n > 1 && run->epoch % SHARE_EPOCHS == 0 &&
                        rotap_cost_compare(run->best_hard[i], run->best_soft[i],
                                           run->shared_hard, run->shared_soft) > 0;
        all_done = all_done && run->done[i] >= run->limit[i];
    }
    fit_cycles(run);
    run->published++;
    run->stop = all_done || g_atomic_int_get(&run->solver->cancel) ||
                (run->time_limit > 0 && elapsed(run) >= run->time_limit);
    if (timed_epochs(run))
        run->epoch_end = MIN(g_get_monotonic_time() + EPOCH_USEC, time_limit_end(run));
}

static void
barrier(RotapRun *run, int index, guint64 made)
{
    GMutex *lock = &run->solver->lock;
    guint64 generation;

    g_mutex_lock(lock);
    run->done[index] += made;
    rotap_search_get_best(run->searches[index], &run->best_hard[index],
                          &run->best_soft[index]);
    generation = run->generation;
    if (++run->waiting == run->n) {
        lead(run);
        run->waiting = 0;
        run->generation++;
        g_cond_broadcast(&run->cond);
    } else {
        while (generation == run->generation)
            g_cond_wait(&run->cond, lock);
    }
    g_mutex_unlock(lock);
}

static gpointer
work(gpointer user_data)
{
    Worker *worker = user_data;
    RotapRun *run = worker->run;
    RotapSearch *search = run->searches[worker->index];
    int i = worker->index;

    rotap_search_start(search, &run->solver->cancel, time_limit_end(run),
                       &run->ascent_verdict);
    barrier(run, i, 0);
    /* stop and adopt are written only while every worker waits */
    while (!run->stop) {
        guint64 left = run->limit[i] - run->done[i];
        gboolean timed = timed_epochs(run);
        guint64 made = rotap_search_run(search, timed ? left : MIN(EPOCH_MOVES, left),
                                        &run->solver->cancel, timed ? run->epoch_end : 0);

        barrier(run, i, made);
        if (run->adopt[i])
            rotap_search_adopt(search, run->shared_best);
    }
    g_mutex_lock(&run->solver->lock);
    run->finished++;
    g_cond_broadcast(&run->cond);
    g_mutex_unlock(&run->solver->lock);
    return NULL;
}

static RotaRoster *export(const RotapRun *run, const int *values)
{
    RotaRoster *roster = rotap_state_export(run->data, values);

    rota_roster_set_seed(roster, run->solver->seed);
    rota_roster_set_solver_info(roster, run->n, total_moves(run));
    return roster;
}

RotaRoster *
rotap_solver_run_dup_best(RotapRun *run)
{
    if (run->shared_index < 0)
        return NULL;
    return export(run, run->shared_best);
}

/* Called with the lock held; releases it around the callback. */
static void
report(RotapRun *run)
{
    RotaSolver *solver = run->solver;
    RotaProgress progress = {0};

    if (solver->progress == NULL || run->published == 0)
        return;
    progress.elapsed = elapsed(run);
    progress.best_hard = run->best_hard[0];
    progress.best_soft = run->best_soft[0];
    for (int i = 1; i < run->n; i++) {
        if (rotap_cost_compare(run->best_hard[i], run->best_soft[i], progress.best_hard,
                               progress.best_soft) < 0) {
            progress.best_hard = run->best_hard[i];
            progress.best_soft = run->best_soft[i];
        }
    }
    progress.moves = total_moves(run);
    progress.moves_per_second =
        progress.elapsed > 0 ? progress.moves / progress.elapsed : 0;
    g_mutex_unlock(&solver->lock);
    solver->progress(&progress, solver->progress_data);
    g_mutex_lock(&solver->lock);
}

static void run_free(RotapRun *run);

/* NULL with "out of memory" (and data freed) when a search's arrays
 * cannot be had: all are made here, before any thread starts. */
static RotapRun *
run_new(RotaSolver *solver, RotapSolverData *data, GError **error)
{
    RotapRun *run = g_new0(RotapRun, 1);
    int n = solver->threads > 0 ? solver->threads : (int)g_get_num_processors();

    run->solver = solver;
    run->data = data;
    run->n = n = MAX(n, 1);
    run->start_time = g_get_monotonic_time();
    if (solver->time_limit < 0)
        run->time_limit = solver->move_limit > 0 ? 0 : DEFAULT_SECONDS;
    else
        run->time_limit = solver->time_limit;
    run->searches = g_new0(RotapSearch *, n);
    run->limit = g_new(guint64, n);
    run->done = g_new0(guint64, n);
    run->best_hard = g_new0(int, n);
    run->best_soft = g_new0(gint64, n);
    run->adopt = g_new0(gboolean, n);
    g_cond_init(&run->cond);
    run->shared_index = -1;
    run->shared_best = g_try_new(int, MAX((gsize)data->n_slots, 1));
    if (run->shared_best == NULL) {
        rotap_set_out_of_memory(error, _("the best rosters of people x days"),
                                (double)MAX((gsize)data->n_slots, 1) * sizeof(int));
        run_free(run);
        return NULL;
    }
    if ((run->final = rotap_state_new(data, error)) == NULL) {
        run_free(run);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        run->searches[i] = rotap_search_new(data, solver->seed, i, error);
        if (run->searches[i] == NULL) {
            run_free(run);
            return NULL;
        }
        run->limit[i] = G_MAXUINT64;
        if (solver->move_limit > 0)
            run->limit[i] =
                solver->move_limit / n + ((guint64)i < solver->move_limit % n);
    }
    return run;
}

static void
run_free(RotapRun *run)
{
    for (int i = 0; i < run->n; i++)
        rotap_search_free(run->searches[i]);
    g_free(run->searches);
    g_free(run->limit);
    g_free(run->done);
    g_free(run->best_hard);
    g_free(run->best_soft);
    g_free(run->adopt);
    g_free(run->shared_best);
    rotap_state_free(run->final);
    g_cond_clear(&run->cond);
    rotap_solver_data_free(run->data);
    g_free(run);
}

/* Wait for the workers, reporting progress every PROGRESS_USEC. */
static void
monitor(RotapRun *run)
{
    GMutex *lock = &run->solver->lock;
    gint64 next = g_get_monotonic_time() + PROGRESS_USEC;

    g_mutex_lock(lock);
    while (run->finished < run->n) {
        if (!g_cond_wait_until(&run->cond, lock, next) ||
            g_get_monotonic_time() >= next) {
            report(run);
            next = g_get_monotonic_time() + PROGRESS_USEC;
        }
    }
    g_mutex_unlock(lock);
}

/* The final result: the best search, ties to the lowest index, with the
 * best lower bound any search proved (its threads have ended). */
static RotaRoster *
final_roster(RotapRun *run)
{
    RotaRoster *roster;
    int b = 0;

    for (int i = 0; i < run->n; i++) {
        rotap_search_get_best(run->searches[i], &run->best_hard[i], &run->best_soft[i]);
        if (i > 0 && rotap_cost_compare(run->best_hard[i], run->best_soft[i],
                                        run->best_hard[b], run->best_soft[b]) < 0)
            b = i;
    }
    rotap_state_load(run->final, rotap_search_get_best_values(run->searches[b]));
    /* a re-solve ends without the needless changes it can take back */
    rotap_state_revert_changes(run->final);
    rotap_state_polish(run->final);
    /* the last progress report describes the roster delivered */
    run->best_hard[b] = run->final->cost.hard;
    run->best_soft[b] = run->final->cost.soft;
    roster = export(run, run->final->x);
    for (int i = 0; i < run->n; i++) {
        gint64 bound;

        if (rotap_search_get_bound(run->searches[i], &bound) &&
            (!roster->has_bound || bound > roster->bound)) {
            roster->has_bound = TRUE;
            roster->bound = bound;
        }
    }
    return roster;
}

/**
 * rota_solver_run:
 * @solver: a solver that has not run yet
 * @error: return location for a #GError, or %NULL
 *
 * Builds a first roster greedily, then improves it by local search on
 * the configured number of threads until the move limit, the time limit
 * or rota_solver_cancel() (or the #GCancellable of
 * rota_solver_set_cancellable()).  Blocks until then; the progress
 * function is called on this thread.  rota_solver_run_async() runs the
 * same search on a worker thread.  Get the result with rota_solver_dup_best().
 * Hard violations are not an error: they are part of the result.
 *
 * A run stopped by rota_solver_cancel() still builds its roster: it
 * returns FALSE with %ROTA_ERROR_CANCELLED, and rota_solver_dup_best()
 * then gives the best roster found before the cancellation (since 0.2;
 * 0.1 returned TRUE).
 *
 * Returns: TRUE when the run ended at its time or move limit; FALSE with
 *   @error set when it was cancelled (%ROTA_ERROR_CANCELLED, the roster
 *   is kept) or when the model is too large to be solved
 *   (%ROTA_ERROR_INVALID, no roster).
 * Since: 0.1
 */
gboolean
rota_solver_run(RotaSolver *solver, GError **error)
{
    return rotap_solver_run_cancellable(solver, NULL, error);
}

static void
on_cancelled(GCancellable *cancellable, gpointer solver)
{
    rota_solver_cancel(solver);
}

/* Connects cancellable (may be NULL) to rota_solver_cancel(): 0 or the
 * handler id; a cancellable already cancelled cancels at once. */
static gulong
connect_cancellable(RotaSolver *solver, GCancellable *cancellable)
{
    if (cancellable == NULL)
        return 0;
    return g_cancellable_connect(cancellable, G_CALLBACK(on_cancelled), solver, NULL);
}

static gboolean run_blocking(RotaSolver *solver, GError **error);

gboolean
rotap_solver_run_cancellable(RotaSolver *solver, GCancellable *extra, GError **error)
{
    gulong own, other;
    gboolean ok;

    g_return_val_if_fail(solver != NULL, FALSE);
    g_return_val_if_fail(extra == NULL || G_IS_CANCELLABLE(extra), FALSE);
    own = connect_cancellable(solver, solver->cancellable);
    other = connect_cancellable(solver, extra);
    ok = run_blocking(solver, error);
    if (own != 0)
        g_cancellable_disconnect(solver->cancellable, own);
    if (other != 0)
        g_cancellable_disconnect(extra, other);
    return ok;
}

static gboolean
run_blocking(RotaSolver *solver, GError **error)
{
    RotapSolverData *data;
    RotapRun *run;
    GThread **threads;
    Worker *workers;
    RotaRoster *best;
    int n_threads;

    g_return_val_if_fail(solver != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    g_return_val_if_fail(!g_atomic_int_get(&solver->ran), FALSE);

    g_atomic_int_set(&solver->ran, 1);
    if ((gint64)rota_model_get_n_people(solver->model) *
            rota_model_get_n_days(solver->model) >
        G_MAXINT / 4) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("model too large to solve: %d people over %d days"),
                    rota_model_get_n_people(solver->model),
                    rota_model_get_n_days(solver->model));
        return FALSE;
    }
    data = rotap_solver_data_new(solver->model, solver->previous, error);
    if (data == NULL)
        return FALSE;
    run = run_new(solver, data, error);
    if (run == NULL)
        return FALSE;
    g_mutex_lock(&solver->lock);
    solver->run = run;
    g_mutex_unlock(&solver->lock);

    n_threads = run->n;
    threads = g_new(GThread *, n_threads);
    workers = g_new(Worker, n_threads);
    for (int i = 0; i < n_threads; i++) {
        workers[i].run = run;
        workers[i].index = i;
        threads[i] = g_thread_new("rota-solver", work, &workers[i]);
    }
    monitor(run);
    for (int i = 0; i < n_threads; i++)
        g_thread_join(threads[i]);

    best = final_roster(run);
    g_mutex_lock(&solver->lock);
    solver->best = best;
    report(run);
    solver->run = NULL;
    g_mutex_unlock(&solver->lock);
    run_free(run);
    g_free(threads);
    g_free(workers);
    if (g_atomic_int_get(&solver->cancel)) {
        g_set_error_literal(
            error, ROTA_ERROR, ROTA_ERROR_CANCELLED,
            _("the search was cancelled; the best roster so far is kept"));
        return FALSE;
    }
    return TRUE;
}
