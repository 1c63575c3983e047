/* SPDX-License-Identifier: MIT */
/* rota-solver.h: build a roster: construction, then local search within a time or move limit. */
#ifndef ROTA_SOLVER_H
#define ROTA_SOLVER_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <gio/gio.h>
#include <rota/rota-model.h>
#include <rota/rota-roster.h>

G_BEGIN_DECLS

/*
 * RotaSolver searches for a roster of one model that breaks as few hard
 * constraints as possible and then has the lowest soft penalty, both as
 * the evaluator (rota-score.h) computes them.  It is configured with
 * setters, run once, and can be cancelled from another thread.  With a
 * move limit, the seed and the thread count fix the result exactly.
 */
typedef struct _RotaSolver RotaSolver;

#define ROTA_TYPE_SOLVER (rota_solver_get_type())
GType rota_solver_get_type(void) G_GNUC_CONST;

/* A snapshot of a running search, passed to the progress function. */
typedef struct {
    double elapsed;          /* seconds since rota_solver_run() began */
    int best_hard;
    gint64 best_soft;
    guint64 moves;           /* moves evaluated so far, all threads */
    double moves_per_second;
} RotaProgress;

#define ROTA_TYPE_PROGRESS (rota_progress_get_type())
GType rota_progress_get_type(void) G_GNUC_CONST;

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
