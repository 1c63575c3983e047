/* SPDX-License-Identifier: MIT */
/* rota-solver.h: build a roster: construction, then local search within a time or move limit. */
/*
 * Ownership and threads: A solver has one owner (rota_solver_free()) and holds a
 * reference to its model and a copy of the previous roster.  It is
 * configured and run from one thread; rota_solver_cancel(),
 * rota_solver_dup_best() and the GCancellable may be used from any other
 * thread while it runs.  rota_solver_run_async() runs it on a worker
 * thread and keeps the solver alive until its callback has run; the
 * progress function is called on the thread that runs the search.
 * rota_solver_dup_best() returns a roster the caller owns.
 */
#ifndef ROTA_SOLVER_H
#define ROTA_SOLVER_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <gio/gio.h>
#include <rota/rota-model.h>
#include <rota/rota-roster.h>

G_BEGIN_DECLS

/**
 * RotaSolver:
 *
 * RotaSolver searches for a roster of one model that breaks as few hard
 * constraints as possible and then has the lowest soft penalty, both as
 * the evaluator (rota-score.h) computes them.  It is configured with
 * setters, run once, and can be cancelled from another thread.  With a
 * move limit, the seed and the thread count fix the result exactly.
 *
 * Solving for five seconds with progress, keeping the best roster also
 * when the run is cancelled:
 *
 * ```c
 * static void
 * show(const RotaProgress *p, gpointer data)
 * {
 *     g_print("%.1f s: hard %d soft %" G_GINT64_FORMAT "\n", p->elapsed,
 *             p->best_hard, p->best_soft);
 * }
 *
 * g_autoptr(RotaSolver) solver = rota_solver_new(model);
 * rota_solver_set_time_limit(solver, 5);
 * rota_solver_set_progress_func(solver, show, NULL, NULL);
 * if (!rota_solver_run(solver, &error) &&
 *     !g_error_matches(error, ROTA_ERROR, ROTA_ERROR_CANCELLED))
 *     return FALSE;
 * g_autoptr(RotaRoster) best = rota_solver_dup_best(solver);
 * ```
 */
typedef struct _RotaSolver RotaSolver;

#define ROTA_TYPE_SOLVER (rota_solver_get_type())
GType rota_solver_get_type(void) G_GNUC_CONST;

/**
 * RotaProgress:
 * @elapsed: wall-clock seconds since rota_solver_run() (or
 *   rota_solver_run_async()) began, construction included
 * @best_hard: the number of hard violations of the best roster found so
 *   far, counted as rota_score_get_hard() counts them; 0 once a feasible
 *   roster has been found
 * @best_soft: that roster's soft penalty, as rota_score_get_soft() sums it
 * @moves: the local-search moves evaluated so far, summed over all
 *   threads (the figure rota_solver_set_move_limit() limits)
 * @moves_per_second: @moves divided by @elapsed, 0 at the start
 *
 * A snapshot of a running search, passed to the #RotaProgressFunc about
 * every half second and once more when the run ends; the last one
 * describes the roster rota_solver_dup_best() then returns.  The best
 * figures are those of the searches' last meeting point (every 50,000
 * moves of each search, or every 1/20 s under a time limit alone), so they
 * may lag slightly behind.  A value type, valid only during the call: copy
 * what is needed.
 *
 * Since: 0.1
 */
typedef struct {
    double elapsed;
    int best_hard;
    gint64 best_soft;
    guint64 moves;
    double moves_per_second;
} RotaProgress;

#define ROTA_TYPE_PROGRESS (rota_progress_get_type())
GType rota_progress_get_type(void) G_GNUC_CONST;

/**
 * RotaProgressFunc:
 * @progress: the state of the search, valid during the call only
 * @user_data: the data given to rota_solver_set_progress_func()
 *
 * The progress function of a solver (rota_solver_set_progress_func()).
 * It is called on the thread that runs the search (the caller of
 * rota_solver_run(), or the worker thread of rota_solver_run_async()),
 * while the searches go on in their own threads; it should return
 * quickly.  It may call rota_solver_cancel() to stop the run.
 *
 * Since: 0.1
 */
typedef void (*RotaProgressFunc)(const RotaProgress *progress, gpointer user_data);

RotaSolver *rota_solver_new(RotaModel *model);
void rota_solver_free(RotaSolver *solver);

void rota_solver_set_seed(RotaSolver *solver, guint64 seed);
void rota_solver_set_time_limit(RotaSolver *solver, double seconds);
void rota_solver_set_move_limit(RotaSolver *solver, guint64 moves);
void rota_solver_set_threads(RotaSolver *solver, int threads);
void rota_solver_set_previous(RotaSolver *solver, const RotaRoster *previous);
void rota_solver_set_progress_func(RotaSolver *solver, RotaProgressFunc func,
                                   gpointer user_data, GDestroyNotify destroy);

gboolean rota_solver_run(RotaSolver *solver, GError **error);
/* Since 0.2: a GCancellable, and the run on a worker thread (GTask). */
void rota_solver_set_cancellable(RotaSolver *solver, GCancellable *cancellable);
void rota_solver_run_async(RotaSolver *solver, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data);
gboolean rota_solver_run_finish(RotaSolver *solver, GAsyncResult *result, GError **error);
void rota_solver_cancel(RotaSolver *solver);
RotaRoster *rota_solver_dup_best(RotaSolver *solver);
gboolean rota_solver_get_bound(RotaSolver *solver, gint64 *bound);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaSolver, rota_solver_free)

G_END_DECLS

#endif
