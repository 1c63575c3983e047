/* SPDX-License-Identifier: MIT */
/* check_async.c: the solver's GCancellable and its run on a worker thread
 * (rota_solver_run_async/_finish), through the public API only. */
#include "config.h"

#include <string.h>

#include "testhelp.h"

#define INSTANCE "tests/data/curtois/Instance1.txt"

/* Waits until the solver has a roster, then cancels the GCancellable. */
static gpointer
cancel_when_started(gpointer user_data)
{
    gpointer *pair = user_data;
    RotaSolver *solver = pair[0];
    GCancellable *cancellable = pair[1];

    for (;;) {
        RotaRoster *best = rota_solver_dup_best(solver);

        if (best != NULL) {
            rota_roster_free(best);
            break;
        }
        g_usleep(1000);
    }
    g_cancellable_cancel(cancellable);
    return NULL;
}

/* A run without any limit ends only through the cancellable, set as an
 * option and cancelled from another thread. */
START_TEST(test_sync_cancellable)
{
    g_autoptr(RotaModel) model = test_load_curtois(INSTANCE);
    g_autoptr(RotaSolver) solver = rota_solver_new(model);
    g_autoptr(GCancellable) cancellable = g_cancellable_new();
    g_autoptr(RotaRoster) best = NULL;
    GError *error = NULL;
    gpointer pair[2] = {solver, cancellable};
    GThread *thread;

    rota_solver_set_threads(solver, 2);
    rota_solver_set_time_limit(solver, 0);
    rota_solver_set_cancellable(solver, cancellable);
    thread = g_thread_new("cancel", cancel_when_started, pair);
    ck_assert(!rota_solver_run(solver, &error));
    test_assert_error(&error, ROTA_ERROR_CANCELLED, "the search was cancelled");
    g_thread_join(thread);
    best = rota_solver_dup_best(solver);
    ck_assert_ptr_nonnull(best);
    ck_assert_int_gt(rota_roster_get_n_assignments(best), 0);
}
END_TEST

START_TEST(test_sync_already_cancelled)
{
    g_autoptr(RotaModel) model = test_load_curtois(INSTANCE);
    g_autoptr(RotaSolver) solver = rota_solver_new(model);
    g_autoptr(GCancellable) cancellable = g_cancellable_new();
    g_autoptr(RotaRoster) best = NULL;
    GError *error = NULL;

    rota_solver_set_time_limit(solver, 0);
    g_cancellable_cancel(cancellable);
    rota_solver_set_cancellable(solver, cancellable);
    ck_assert(!rota_solver_run(solver, &error));
    test_assert_error(&error, ROTA_ERROR_CANCELLED, "the search was cancelled");
    best = rota_solver_dup_best(solver);
    ck_assert_ptr_nonnull(best);
}
END_TEST

typedef struct {
    GMainLoop *loop;
    gboolean ok;
    GError *error;
    GThread *callback_thread;
} Outcome;

static void
on_done(GObject *source, GAsyncResult *result, gpointer user_data)
{
    Outcome *outcome = user_data;
    RotaSolver *solver = g_task_get_task_data(G_TASK(result));

    ck_assert_ptr_null(source);
    outcome->ok = rota_solver_run_finish(solver, result, &outcome->error);
    outcome->callback_thread = g_thread_self();
    g_main_loop_quit(outcome->loop);
}

static char *
roster_text(RotaSolver *solver)
{
    g_autoptr(RotaRoster) best = rota_solver_dup_best(solver);

    ck_assert_ptr_nonnull(best);
    return rota_roster_to_data(best, NULL, NULL);
}

/* An asynchronous run to its move limit gives exactly the roster of the
 * synchronous run with the same settings, and calls back on the caller's
 * thread; the solver stays alive for the task even when the caller drops
 * its reference first. */
START_TEST(test_async_same_result)
{
    g_autoptr(RotaModel) model = test_load_curtois(INSTANCE);
    g_autoptr(RotaSolver) sync_solver = rota_solver_new(model);
    RotaSolver *async_solver = rota_solver_new(model);
    g_autoptr(GError) error = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *got = NULL;
    Outcome outcome = {g_main_loop_new(NULL, FALSE), FALSE, NULL, NULL};

    rota_solver_set_threads(sync_solver, 1);
    rota_solver_set_move_limit(sync_solver, 20000);
    rota_solver_set_seed(sync_solver, 7);
    ck_assert(rota_solver_run(sync_solver, &error));
    expected = roster_text(sync_solver);

    rota_solver_set_threads(async_solver, 1);
    rota_solver_set_move_limit(async_solver, 20000);
    rota_solver_set_seed(async_solver, 7);
    rota_solver_run_async(async_solver, NULL, on_done, &outcome);
    g_main_loop_run(outcome.loop);
    ck_assert_msg(outcome.ok, "%s", outcome.error ? outcome.error->message : "?");
    ck_assert_ptr_eq(outcome.callback_thread, g_thread_self());
    got = roster_text(async_solver);
    ck_assert_str_eq(got, expected);
    rota_solver_free(async_solver);
    g_main_loop_unref(outcome.loop);
}
END_TEST

/* An asynchronous run without limits, cancelled from another thread
 * through the task's cancellable, finishes with ROTA_ERROR_CANCELLED and
 * keeps its best roster. */
START_TEST(test_async_cancel_from_thread)
{
    g_autoptr(RotaModel) model = test_load_curtois(INSTANCE);
    g_autoptr(RotaSolver) solver = rota_solver_new(model);
    g_autoptr(GCancellable) cancellable = g_cancellable_new();
    g_autoptr(RotaRoster) best = NULL;
    Outcome outcome = {g_main_loop_new(NULL, FALSE), TRUE, NULL, NULL};
    gpointer pair[2] = {solver, cancellable};
    GThread *thread;

    rota_solver_set_threads(solver, 2);
    rota_solver_set_time_limit(solver, 0);
    rota_solver_run_async(solver, cancellable, on_done, &outcome);
    thread = g_thread_new("cancel", cancel_when_started, pair);
    g_main_loop_run(outcome.loop);
    g_thread_join(thread);
    ck_assert(!outcome.ok);
    test_assert_error(&outcome.error, ROTA_ERROR_CANCELLED, "the search was cancelled");
    best = rota_solver_dup_best(solver);
    ck_assert_ptr_nonnull(best);
    ck_assert_int_gt(rota_roster_get_n_assignments(best), 0);
    g_main_loop_unref(outcome.loop);
}
END_TEST

/* Boxed copies of the opaque types are references: freeing the copy
 * leaves the original usable, freeing both releases it (valgrind). */
START_TEST(test_boxed_references)
{
    g_autoptr(RotaModel) model = test_load_curtois(INSTANCE);
    RotaSolver *solver = rota_solver_new(model);
    RotaSolver *copy = g_boxed_copy(ROTA_TYPE_SOLVER, solver);
    GEnumClass *klass;

    ck_assert_ptr_eq(copy, solver);
    g_boxed_free(ROTA_TYPE_SOLVER, copy);
    rota_solver_set_seed(solver, 1);
    rota_solver_free(solver);
    ck_assert(G_TYPE_IS_BOXED(ROTA_TYPE_MODEL));
    ck_assert(G_TYPE_IS_ENUM(ROTA_TYPE_ERROR));
    klass = g_type_class_ref(ROTA_TYPE_ERROR);
    ck_assert_str_eq(g_enum_get_value(klass, ROTA_ERROR_CANCELLED)->value_nick, "cancelled");
    g_type_class_unref(klass);
}
END_TEST

static Suite *
async_suite(void)
{
    Suite *suite = suite_create("async");
    TCase *tc = tcase_create("async");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_sync_cancellable);
    tcase_add_test(tc, test_sync_already_cancelled);
    tcase_add_test(tc, test_async_same_result);
    tcase_add_test(tc, test_async_cancel_from_thread);
    tcase_add_test(tc, test_boxed_references);
    suite_add_tcase(suite, tc);
    return suite;
}

int
main(void)
{
    return test_run_suite(async_suite());
}
