/* SPDX-License-Identifier: MIT */
/* solver.c: RotaSolver: options, cancellation, the best roster. */
#include "config.h"

#include "solver-private.h"
#include "util-private.h"

/**
 * rota_solver_new:
 * @model: the model to solve; the solver keeps a reference
 *
 * Creates a solver with seed 0, one search per processor, and no limit
 * set: unless rota_solver_set_time_limit() or rota_solver_set_move_limit()
 * says otherwise, rota_solver_run() searches for 10 seconds.
 *
 * Returns: (transfer full): a new solver; free it with rota_solver_free().
 * Since: 0.1
 */
RotaSolver *
rota_solver_new(RotaModel *model)
{
    RotaSolver *solver;

    g_return_val_if_fail(model != NULL, NULL);

    solver = g_new0(RotaSolver, 1);
    solver->model = rota_model_ref(model);
    solver->time_limit = -1;
    g_mutex_init(&solver->lock);
    return solver;
}

/**
 * rota_solver_free:
 * @solver: (nullable): a solver that is not running
 *
 * Frees @solver, its best roster and its copy of the previous roster, and
 * calls the progress function's destroy notify.  NULL is ignored.
 *
 * Since: 0.1
 */
void
rota_solver_free(RotaSolver *solver)
{
    if (solver == NULL)
        return;
    if (!rotap_extra_unref(&solver->extra_refs))
        return;
    if (solver->progress_destroy != NULL)
        solver->progress_destroy(solver->progress_data);
    rota_roster_free(solver->best);
    rota_roster_free(solver->previous);
    rota_model_unref(solver->model);
    g_clear_object(&solver->cancellable);
    g_mutex_clear(&solver->lock);
    g_free(solver);
}

/* The copy function of the boxed type: one more reference. */
static RotaSolver *
box_solver_ref(RotaSolver *solver)
{
    rotap_extra_ref(&solver->extra_refs);
    return solver;
}

G_DEFINE_BOXED_TYPE(RotaSolver, rota_solver, box_solver_ref, rota_solver_free)

/**
 * rota_solver_set_seed:
 * @solver: a solver
 * @seed: the seed of every random choice
 *
 * With a move limit, the same model, seed, thread count and previous
 * roster give the same roster.  The seed is recorded in the roster.
 *
 * Since: 0.1
 */
void
rota_solver_set_seed(RotaSolver *solver, guint64 seed)
{
    g_return_if_fail(solver != NULL);
    solver->seed = seed;
}

/**
 * rota_solver_set_time_limit:
 * @solver: a solver
 * @seconds: the wall-clock budget of rota_solver_run(), from its call;
 *   0 or less for none
 *
 * The search stops at the first sharing point (every 50,000 moves of each
 * search) after the limit, so it may overrun by a fraction of a second;
 * the construction of the first roster always completes.  A run stopped
 * by time is reproduced exactly by a run with the same seed and thread
 * count and a move limit equal to the moves it recorded.
 *
 * Since: 0.1
 */
void
rota_solver_set_time_limit(RotaSolver *solver, double seconds)
{
    g_return_if_fail(solver != NULL);
    solver->time_limit = seconds > 0 ? seconds : 0;
}

/**
 * rota_solver_set_move_limit:
 * @solver: a solver
 * @moves: the total number of moves of all searches; 0 for none
 *
 * Stops the search after a number of local-search moves, shared evenly
 * among the threads.  A move limit makes the run reproducible: the same
 * model, seed, thread count, previous roster and move limit give the same
 * roster, whatever the speed or the load of the machine.  It applies alone unless
 * rota_solver_set_time_limit() also sets a time; then the run stops at
 * whichever comes first.
 *
 * Since: 0.1
 */
void
rota_solver_set_move_limit(RotaSolver *solver, guint64 moves)
{
    g_return_if_fail(solver != NULL);
    solver->move_limit = moves;
}

/**
 * rota_solver_set_threads:
 * @solver: a solver
 * @threads: the number of searches run in parallel, each on its own
 *   thread; 0 or less for one per processor (g_get_num_processors())
 *
 * The searches start from different seeds derived from the solver's seed
 * and share the best roster at fixed move counts.
 *
 * Since: 0.1
 */
void
rota_solver_set_threads(RotaSolver *solver, int threads)
{
    g_return_if_fail(solver != NULL);
    solver->threads = MAX(threads, 0);
}

/**
 * rota_solver_set_previous:
 * @solver: a solver
 * @previous: (nullable): the roster being replaced, of the same model; it
 *   is copied
 *
 * Each (person, date) whose duties differ from @previous costs the
 * `change` weight; assignments of @previous marked locked are placed
 * before the search and never moved.
 *
 * Since: 0.1
 */
void
rota_solver_set_previous(RotaSolver *solver, const RotaRoster *previous)
{
    g_return_if_fail(solver != NULL);
    g_return_if_fail(previous == NULL ||
                     rota_roster_get_model(previous) == solver->model);

    rota_roster_free(solver->previous);
    solver->previous = previous != NULL ? rota_roster_copy(previous) : NULL;
}

/**
 * rota_solver_set_progress_func:
 * @solver: a solver
 * @func: (nullable): called about every half second during
 *   rota_solver_run(), and once at its end, on the thread that called it
 * @user_data: passed to @func
 * @destroy: (nullable): frees @user_data when replaced or when the solver
 *   is freed
 *
 * Sets the function told of the search's progress (#RotaProgress), for a
 * progress bar or a live display of the score.  It may cancel the run with
 * rota_solver_cancel().  Setting another one (or %NULL) first releases
 * the previous user data with the destroy notify given with it.
 *
 * Since: 0.1
 */
void
rota_solver_set_progress_func(RotaSolver *solver, RotaProgressFunc func,
                              gpointer user_data, GDestroyNotify destroy)
{
    g_return_if_fail(solver != NULL);

    if (solver->progress_destroy != NULL)
        solver->progress_destroy(solver->progress_data);
    solver->progress = func;
    solver->progress_data = user_data;
    solver->progress_destroy = destroy;
}

/**
 * rota_solver_cancel:
 * @solver: a solver
 *
 * Asks a running rota_solver_run() to stop soon; it then returns FALSE
 * with %ROTA_ERROR_CANCELLED, and rota_solver_dup_best() gives the best
 * roster found so far.  Safe from any thread (also from a signal handler:
 * it only sets a flag); a cancel before the run makes the run stop right
 * after its construction, with the same error.
 *
 * Since: 0.1
 */
void
rota_solver_cancel(RotaSolver *solver)
{
    g_return_if_fail(solver != NULL);
    g_atomic_int_set(&solver->cancel, 1);
}

/**
 * rota_solver_get_bound:
 * @solver: a solver whose rota_solver_run() has returned
 * @bound: (out): the bound, set only when there is one
 *
 * A lower bound on the soft score of every roster of the model that keeps
 * all hard constraints, proved by the run: a Lagrangian bound from the
 * prices of the price ascent on the cover, which runs under a time limit
 * on models whose soft score is the cover and people's requests alone
 * (the Curtois-Qu benchmark's shape).  A roster of soft score S is then
 * at most S - @bound above the optimum.
 *
 * Returns: TRUE when the run proved a positive bound; FALSE when the
 *   ascent did not run (a move-limited run, another kind of model, too
 *   little time) or proved nothing.
 * Since: 0.1
 */
gboolean
rota_solver_get_bound(RotaSolver *solver, gint64 *bound)
{
    gboolean found = FALSE;

    g_return_val_if_fail(solver != NULL, FALSE);
    g_return_val_if_fail(bound != NULL, FALSE);

    g_mutex_lock(&solver->lock);
    if (solver->best != NULL && solver->best->has_bound) {
        *bound = solver->best->bound;
        found = TRUE;
    }
    g_mutex_unlock(&solver->lock);
    return found;
}

/**
 * rota_solver_dup_best:
 * @solver: a solver
 *
 * The best roster so far: during a run, the best of all searches at
 * their last sharing point; after it, the final result.  Safe from any
 * thread.
 *
 * Returns: (transfer full) (nullable): a copy, or NULL before the first
 *   roster is built; free it with rota_roster_free().
 * Since: 0.1
 */
RotaRoster *
rota_solver_dup_best(RotaSolver *solver)
{
    RotaRoster *copy = NULL;

    g_return_val_if_fail(solver != NULL, NULL);

    g_mutex_lock(&solver->lock);
    if (solver->best != NULL)
        copy = rota_roster_copy(solver->best);
    else if (solver->run != NULL)
        copy = rotap_solver_run_dup_best(solver->run);
    g_mutex_unlock(&solver->lock);
    return copy;
}
