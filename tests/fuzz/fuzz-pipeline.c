/* SPDX-License-Identifier: MIT */
/* fuzz-pipeline.c: libFuzzer harness of the whole pipeline: a model the
 * reader accepts is solved briefly (by moves, one thread), scored and
 * exported as iCalendar feeds into a temporary folder. */
#include "fuzz-common.h"

#include <glib/gstdio.h>

/* Larger models are only loaded: a solve must stay a few milliseconds. */
#define MAX_SLOTS 5000

static void export(RotaModel *model, const RotaRoster *roster)
{
    static char *dir;
    static const guint8 key[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    g_autoptr(RotaFeedWriter) writer = rota_feed_writer_new(model);
    g_autoptr(GDateTime) now = g_date_time_new_utc(2026, 11, 30, 8, 0, 0);
    g_autoptr(GError) error = NULL;
    g_autofree char *ledger = NULL;

    if (dir == NULL)
        dir = g_dir_make_tmp("rota-fuzz-XXXXXX", NULL);
    if (dir == NULL)
        abort();
    /* every input is a first publication (ledgers of other models aside) */
    ledger = g_build_filename(dir, ".rota-ledger.json", NULL);
    g_unlink(ledger);
    rota_feed_writer_set_secret(writer, key, sizeof key);
    rota_feed_writer_set_now(writer, now);
    rota_feed_writer_export(writer, roster, dir, NULL, &error);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model =
        rota_model_new_from_data((const char *)data, size, "fuzz.json", &error);
    g_autoptr(RotaSolver) solver = NULL;
    g_autoptr(RotaRoster) best = NULL;
    g_autoptr(RotaScore) score = NULL;

    if (model == NULL ||
        (gint64)rota_model_get_n_people(model) * rota_model_get_n_days(model) > MAX_SLOTS)
        return 0;
    solver = rota_solver_new(model);
    rota_solver_set_seed(solver, 1);
    rota_solver_set_threads(solver, 1);
    rota_solver_set_move_limit(solver, 2000);
    rota_solver_set_time_limit(solver, 0);
    if (!rota_solver_run(solver, &error))
        return 0;
    best = rota_solver_dup_best(solver);
    score = rota_score_new(best, NULL);
    export(model, best);
    return 0;
}
