/* SPDX-License-Identifier: MIT */
/* check_free.c: the evaluator and the solver agree on who could take a place. */
#include "config.h"

#include <string.h>

#include "solver/solver-private.h"
#include "testhelp.h"

/*
 * Three weeks, a night shift across midnight, a forbidden succession and
 * a rest of ten hours, runs (2 to 4 days on, 2 off), weekends, total and
 * weekly maxima, a shift-type maximum, a capped duty, a weekly inspection
 * and the on-site hour: every hard rule that one more place can break.
 */
static const char rules_model[] =
    "{ \"format\": \"rota-model\", \"version\": 1, \"name\": \"free\",\n"
    "  \"start\": \"2026-12-01\", \"days\": 21,\n"
    "  \"shifts\": [\n"
    "    { \"id\": \"am\", \"start\": \"07:00\", \"end\": \"09:00\" },\n"
    "    { \"id\": \"pm\", \"start\": \"17:00\", \"end\": \"19:00\" },\n"
    "    { \"id\": \"night\", \"start\": \"22:00\", \"end\": \"06:00\" },\n"
    "    { \"id\": \"onsite\", \"start\": \"09:00\", \"end\": \"10:00\" }],\n"
    "  \"forbid\": [ { \"after\": \"pm\", \"next_day\": \"am\" } ],\n"
    "  \"segments\": [{ \"id\": \"S1\" }, { \"id\": \"S2\" }, { \"id\": \"S3\" }],\n"
    "  \"units\": [\n"
    "    { \"id\": \"U1\", \"head\": \"P1\", \"deputies\": [\"P2\"],\n"
    "      \"segments\": [\"S1\", \"S2\"] },\n"
    "    { \"id\": \"U2\", \"head\": \"P6\", \"segments\": [\"S3\"] }],\n"
    "  \"people\": [\n"
    "    { \"id\": \"P1\", \"unit\": \"U1\" },\n"
    "    { \"id\": \"P2\", \"unit\": \"U1\", \"tags\": [\"inspector\"],\n"
    "      \"limits\": { \"max_shifts\": { \"night\": 2 } } },\n"
    "    { \"id\": \"P3\", \"unit\": \"U1\", \"off\": [\"2026-12-05\"],\n"
    "      \"limits\": { \"max_minutes_week\": 400 } },\n"
    "    { \"id\": \"P4\", \"unit\": \"U1\", \"limits\": { \"max_weekends\": 1 } },\n"
    "    { \"id\": \"P5\", \"unit\": \"U1\",\n"
    "      \"off\": [{ \"date\": \"2026-12-09\", \"shift\": \"night\" }] },\n"
    "    { \"id\": \"P6\", \"unit\": \"U2\", \"tags\": [\"inspector\"] },\n"
    "    { \"id\": \"P7\", \"unit\": \"U2\", \"limits\": { \"max_minutes\": 1500 } },\n"
    "    { \"id\": \"P8\", \"unit\": \"U2\", \"limits\": { \"max_consecutive\": 2 } },\n"
    "    { \"id\": \"P9\", \"unit\": \"U2\", \"tags\": [\"inspector\"],\n"
    "      \"limits\": { \"min_days_off\": 3 } },\n"
    "    { \"id\": \"P10\", \"unit\": \"U2\", \"limits\": { \"min_rest_minutes\": 0 } "
    "}],\n"
    "  \"duties\": [\n"
    "    { \"id\": \"rush-am\", \"shift\": \"am\", \"segments\": \"*\", \"min\": 2,\n"
    "      \"max\": 2 },\n"
    "    { \"id\": \"rush-pm\", \"shift\": \"pm\", \"days\": \"workdays\",\n"
    "      \"segments\": [\"S1\", \"S3\"], \"min\": 1 },\n"
    "    { \"id\": \"night\", \"shift\": \"night\", \"segments\": [\"S2\"], \"min\": 1 "
    "},\n"
    "    { \"id\": \"inspect\", \"shift\": \"pm\", \"days\": \"workdays\",\n"
    "      \"segments\": \"*\", \"who\": { \"tags\": [\"inspector\"] },\n"
    "      \"not_owner\": true, \"per\": \"week\", \"min\": 1, \"max\": 2 }],\n"
    "  \"rules\": {\n"
    "    \"onsite\": { \"shift\": \"onsite\", \"days\": \"workdays\" },\n"
    "    \"limits\": { \"max_shifts_week\": 4, \"min_rest_minutes\": 600,\n"
    "                \"max_consecutive\": 4, \"min_consecutive\": 2,\n"
    "                \"min_days_off\": 2, \"max_weekends\": 2 } }\n"
    "}\n";

static RotaModel *
rules(void)
{
    g_autoptr(GError) error = NULL;
    RotaModel *model =
        rota_model_new_from_data(rules_model, strlen(rules_model), "free.json", &error);

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "?");
    return model;
}

/* A random value for every slot: nothing (1 - density of the time), a
 * cell due that day, or now and then the on-site hour at any segment,
 * eligible or not. */
static void
randomise(RotapState *st, RotapRng *rng, double density)
{
    const RotapSolverData *data = st->data;

    rotap_state_reset(st);
    for (int s = 0; s < data->n_slots; s++) {
        int day = s % data->n_days, n = data->day_start[day + 1] - data->day_start[day];
        int value = ROTAP_NONE;

        if (rotap_rng_double(rng) >= density)
            continue;
        if (rotap_rng_below(rng, 8) == 0 && data->model->onsite_shift >= 0)
            value = data->n_cells + rotap_rng_below(rng, data->model->n_segments);
        else if (n > 0)
            value = data->day_cells[data->day_start[day] + rotap_rng_below(rng, n)];
        rotap_state_set(st, s / data->n_days, day, value);
    }
}

/* What one comparison saw. */
typedef struct {
    guint64 asked, open, yes; /* open: empty, due, eligible, not off */
} Tally;

/* Compare the two answers for (cell, person, day). */
static void
compare(RotapState *st, RotapFreeCheck *fc, int c, int p, int d, const char *what,
        Tally *t)
{
    const RotapSolverData *data = st->data;
    gboolean solver = rotap_state_can_take_place(st, c, p, d);
    gboolean evaluator = rotap_free_check_can_take(fc, c, p, d);

    ck_assert_msg(solver == evaluator,
                  "%s: cell %d, person %s, day %d: solver %d, evaluator %d", what, c,
                  data->model->people[p].id, d, solver, evaluator);
    t->asked++;
    t->yes += solver;
    t->open += st->x[p * data->n_days + d] == ROTAP_NONE && rotap_can_take(data, p, d, c);
}

/*
 * rosters random rosters of model at densities from 0.1 to 0.9; each is
 * exported and scored, and for every cell, person and day of the cell
 * both are asked (samples == 0), or samples random questions about an
 * eligible person on a day of the cell.
 */
static Tally
run_random(RotaModel *model, const char *what, int rosters, guint64 seed, int samples)
{
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    Tally t = {0, 0, 0};
    RotapRng rng;

    rotap_rng_seed(&rng, seed, 0);
    for (int r = 0; r < rosters; r++) {
        g_autoptr(RotaRoster) roster = NULL;
        RotapScoreCtx *ctx;
        RotapFreeCheck *fc;

        randomise(st, &rng, 0.1 + 0.8 * r / MAX(rosters - 1, 1));
        roster = rotap_state_export(data, st->x);
        ctx = rotap_score_ctx_new(roster, NULL);
        fc = rotap_free_check_new(ctx);
        if (samples == 0) {
            for (int c = 0; c < data->n_cells; c++)
                for (int p = 0; p < data->n_people; p++)
                    for (int k = 0; k < model->cells[c].n_days; k++)
                        compare(st, fc, c, p, model->cells[c].days[k], what, &t);
        }
        for (int i = 0; i < samples; i++) {
            int c = rotap_rng_below(&rng, data->n_cells);
            const RotapEligible takers = rotap_value_takers(data, c);
            const RotapCell *cell = &model->cells[c];
            int n = takers.n_people;

            if (n > 0)
                compare(st, fc, c, rotap_eligible_at(&takers, rotap_rng_below(&rng, n)),
                        cell->days[rotap_rng_below(&rng, cell->n_days)], what, &t);
        }
        rotap_free_check_free(fc);
        rotap_score_ctx_free(ctx);
    }
    rotap_state_free(st);
    rotap_solver_data_free(data);
    return t;
}

/* Of the open questions (the day empty, the person eligible and not off),
 * at least a tenth must be answered each way: yes, and no by a hard rule. */
static void
assert_varied(const Tally *t, const char *what)
{
    ck_assert_msg(t->yes >= t->open / 10 && t->open - t->yes >= t->open / 10,
                  "%s: %" G_GUINT64_FORMAT " asked, %" G_GUINT64_FORMAT
                  " open, %" G_GUINT64_FORMAT " yes",
                  what, t->asked, t->open, t->yes);
}

START_TEST(test_rules_model)
{
    g_autoptr(RotaModel) model = rules();
    Tally t = run_random(model, "rules", 40, 3, 0);

    assert_varied(&t, "rules");
}
END_TEST

START_TEST(test_curtois)
{
    static const char *const files[] = {"tests/data/curtois/Instance1.txt",
                                        "tests/data/curtois/Instance3.txt",
                                        "tests/data/curtois/Instance7.txt"};
    g_autoptr(RotaModel) model = test_load_curtois(files[_i]);
    Tally t = run_random(model, files[_i], 9, 17 + _i, _i == 2 ? 20000 : 0);

    assert_varied(&t, files[_i]);
}
END_TEST

START_TEST(test_county)
{
    g_autoptr(RotaModel) model = test_load_model("examples/county/county.json");
    Tally t = run_random(model, "county", 3, 5, 40000);

    assert_varied(&t, "county");
}
END_TEST

static gboolean
ask(RotaRoster *roster, int cell, int person, int day)
{
    RotapScoreCtx *ctx = rotap_score_ctx_new(roster, NULL);
    RotapFreeCheck *fc = rotap_free_check_new(ctx);
    gboolean answer = rotap_free_check_can_take(fc, cell, person, day);

    rotap_free_check_free(fc);
    rotap_score_ctx_free(ctx);
    return answer;
}

static void
add(RotaRoster *roster, const char *date, const char *shift, const char *person,
    const char *duty)
{
    g_autoptr(GError) error = NULL;

    ck_assert_msg(rota_roster_add_by_id(roster, date, shift, "S1", person, duty, &error),
                  "%s", error != NULL ? error->message : "?");
}

/* A roster the solver cannot hold (two assignments on a day): the
 * evaluator counts both.  P3 may work 400 minutes a week: 240 + 120 more
 * fit, 360 + 120 do not. */
START_TEST(test_double_booked)
{
    g_autoptr(RotaModel) model = rules();
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    int rush = rota_model_find_duty(model, "rush-am");
    int cell =
        rotap_model_find_cell(model, rush, rota_model_find_segment(model, "S1"), 3);
    int p3 = rota_model_find_person(model, "P3");

    add(roster, "2026-12-02", "am", "P3", "rush-am");
    add(roster, "2026-12-03", "am", "P3", "rush-am");
    ck_assert(ask(roster, cell, p3, 3));
    ck_assert(!ask(roster, cell, p3, 2)); /* busy */
    add(roster, "2026-12-03", "pm", "P3", "rush-pm");
    ck_assert(!ask(roster, cell, p3, 3));
}
END_TEST

static Suite *
free_suite(void)
{
    Suite *s = suite_create("free");
    TCase *tc = tcase_create("agree");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_rules_model);
    tcase_add_loop_test(tc, test_curtois, 0, 3);
    tcase_add_test(tc, test_county);
    tcase_add_test(tc, test_double_booked);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return test_run_suite(free_suite());
}
