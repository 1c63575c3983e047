/* SPDX-License-Identifier: MIT */
/* solver-async.c: a GCancellable for the solver, and its run on a worker
 * thread with GTask, as GLib programs expect. */
#include "config.h"

#include "solver-private.h"

/**
 * rota_solver_set_cancellable:
 * @solver: a solver that is not running
 * @cancellable: (nullable): a #GCancellable, or %NULL for none
 *
 * Makes rota_solver_run() and rota_solver_run_async() stop when
 * @cancellable is cancelled, exactly as rota_solver_cancel() does: the
 * run returns FALSE with %ROTA_ERROR_CANCELLED and keeps the best roster
 * found so far.  A cancellable already cancelled stops the run right after
 * its construction.  The solver keeps a reference to @cancellable.
 *
 * Since: 0.2
 */
void
rota_solver_set_cancellable(RotaSolver *solver, GCancellable *cancellable)
{
    g_return_if_fail(solver != NULL);
    g_return_if_fail(cancellable == NULL || G_IS_CANCELLABLE(cancellable));
    if (cancellable != NULL)
        g_object_ref(cancellable);
    g_clear_object(&solver->cancellable);
    solver->cancellable = cancellable;
}

static void
run_in_thread(GTask *task, gpointer source_object, gpointer task_data,
              GCancellable *cancellable)
{
    GError *error = NULL;

    if (rotap_solver_run_cancellable(task_data, cancellable, &error))
        g_task_return_boolean(task, TRUE);
    else
        g_task_return_error(task, error);
}

/* The GDestroyNotify of the task data: the task's reference to the solver. */
static void
release_solver(gpointer solver)
{
    rota_solver_free(solver);
}

/**
 * rota_solver_run_async:
 * @solver: a solver that has not run yet
 * @cancellable: (nullable): a #GCancellable that stops the search, or %NULL
 * @callback: (scope async) (closure user_data): called in the thread-default
 *   main context of the caller when the run has ended
 * @user_data: data for @callback
 *
 * Runs rota_solver_run() on a worker thread.  The solver holds itself
 * alive until @callback has run; call rota_solver_run_finish() there for
 * the outcome, and rota_solver_dup_best() for the roster.  The progress
 * function is called on the worker thread.  Cancelling @cancellable (or
 * rota_solver_cancel() from any thread) stops the search soon; the run
 * then finishes with %ROTA_ERROR_CANCELLED and keeps its best roster.
 *
 * Since: 0.2
 */
void
rota_solver_run_async(RotaSolver *solver, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
    GTask *task;

    g_return_if_fail(solver != NULL);
    g_return_if_fail(cancellable == NULL || G_IS_CANCELLABLE(cancellable));

    task = g_task_new(NULL, cancellable, callback, user_data);
    g_task_set_source_tag(task, rota_solver_run_async);
    g_task_set_name(task, "rota_solver_run_async");
    /* The search ends by itself soon after a cancel and keeps its roster:
     * the task reports only when the run has returned. */
    g_task_set_return_on_cancel(task, FALSE);
    g_task_set_check_cancellable(task, FALSE);
    g_task_set_task_data(task, g_boxed_copy(ROTA_TYPE_SOLVER, solver), release_solver);
    g_task_run_in_thread(task, run_in_thread);
    g_object_unref(task);
}

/**
 * rota_solver_run_finish:
 * @solver: the solver given to rota_solver_run_async()
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError, or %NULL
 *
 * The outcome of rota_solver_run_async(), as rota_solver_run() returns it.
 *
 * Returns: TRUE when the run ended at its time or move limit; FALSE with
 *   @error set when it was cancelled (%ROTA_ERROR_CANCELLED, the roster
 *   is kept) or could not run (%ROTA_ERROR_INVALID).
 * Since: 0.2
 */
gboolean
rota_solver_run_finish(RotaSolver *solver, GAsyncResult *result, GError **error)
{
    g_return_val_if_fail(solver != NULL, FALSE);
    g_return_val_if_fail(g_task_is_valid(result, NULL), FALSE);
    g_return_val_if_fail(g_task_get_source_tag(G_TASK(result)) == rota_solver_run_async,
                         FALSE);
    g_return_val_if_fail(g_task_get_task_data(G_TASK(result)) == solver, FALSE);
    return g_task_propagate_boolean(G_TASK(result), error);
}
