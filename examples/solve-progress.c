/* SPDX-License-Identifier: MIT */
/* solve-progress.c: solve a model with a progress callback, cancel it from another
 * thread, keep the best roster. */
#include <rota/rota.h>

#include <stdio.h>
#include <stdlib.h>

/*
 * The solver runs on the calling thread (and its own workers) until its
 * time limit, its move limit or rota_solver_cancel().  Here a watchdog
 * thread cancels it after a deadline shorter than the time limit, as a
 * "stop" button in an application would; the best roster found so far is
 * kept either way.
 */

typedef struct {
    RotaSolver *solver;
    gint64 deadline; /* monotonic time at which to cancel */
    GMutex lock;
    GCond cond;
    gboolean finished; /* set by main() when the run is over */
} Watchdog;

static gpointer
watchdog_run(gpointer data)
{
    Watchdog *w = data;

    g_mutex_lock(&w->lock);
    while (!w->finished) {
        if (!g_cond_wait_until(&w->cond, &w->lock, w->deadline)) {
            /* rota_solver_cancel() is safe from any thread. */
            rota_solver_cancel(w->solver);
            break;
        }
    }
    g_mutex_unlock(&w->lock);
    return NULL;
}

/* Called about twice a second on the thread running the solver, and once
 * at the end.  It must be quick: the search waits for it. */
static void
show_progress(const RotaProgress *progress, gpointer user_data)
{
    int *calls = user_data;

    (*calls)++;
    fprintf(stderr,
            "%6.1f s  hard %d  soft %" G_GINT64_FORMAT "  %" G_GUINT64_FORMAT " moves\n",
            progress->elapsed, progress->best_hard, progress->best_soft, progress->moves);
}

static int
fail(const char *what, const GError *error)
{
    fprintf(stderr, "solve-progress: %s: %s\n", what, error->message);
    return 1;
}

int
main(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaSolver) solver = NULL;
    g_autoptr(RotaRoster) best = NULL;
    g_autoptr(RotaScore) score = NULL;
    Watchdog w = {0};
    GThread *thread;
    double seconds = argc == 4 ? g_ascii_strtod(argv[3], NULL) : 2.0;
    int calls = 0;
    gboolean ran;

    if (argc < 3 || argc > 4 || !(seconds > 0)) {
        fprintf(stderr,
                "usage: solve-progress MODEL.json ROSTER.json [SECONDS]\n"
                "Solve for up to a minute, cancelled after SECONDS (default 2).\n");
        return 2;
    }
    model = rota_model_new_from_file(argv[1], &error);
    if (model == NULL)
        return fail("loading", error);

    solver = rota_solver_new(model);
    rota_solver_set_seed(solver, 1);
    rota_solver_set_threads(solver, 1);
    rota_solver_set_time_limit(solver, 60);
    rota_solver_set_progress_func(solver, show_progress, &calls, NULL);

    w.solver = solver;
    w.deadline = g_get_monotonic_time() + (gint64)(seconds * G_USEC_PER_SEC);
    g_mutex_init(&w.lock);
    g_cond_init(&w.cond);
    thread = g_thread_new("watchdog", watchdog_run, &w);

    /* A cancelled run returns FALSE with ROTA_ERROR_CANCELLED: not a
     * failure for us, the best roster so far is still there. */
    ran = rota_solver_run(solver, &error);

    g_mutex_lock(&w.lock);
    w.finished = TRUE;
    g_cond_signal(&w.cond);
    g_mutex_unlock(&w.lock);
    g_thread_join(thread);
    g_cond_clear(&w.cond);
    g_mutex_clear(&w.lock);

    if (!ran && !g_error_matches(error, ROTA_ERROR, ROTA_ERROR_CANCELLED))
        return fail("solving", error);
    printf("%s after %d progress reports\n", ran ? "finished" : "cancelled", calls);

    best = rota_solver_dup_best(solver);
    score = rota_score_new(best, NULL);
    g_clear_error(&error);
    if (!rota_roster_save(best, score, argv[2], &error))
        return fail("saving", error);
    printf("wrote %s: %d assignments\n", argv[2], rota_roster_get_n_assignments(best));
    printf("score: hard %d soft %" G_GINT64_FORMAT "\n", rota_score_get_hard(score),
           rota_score_get_soft(score));
    return EXIT_SUCCESS;
}
