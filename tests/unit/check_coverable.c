/* SPDX-License-Identifier: MIT */
/* check_coverable.c: places an eligible free person could take, and the construction. */
#include "config.h"

#include <string.h>

#include "solver/solver-private.h"
#include "testhelp.h"

/*
 * Three days of one ISO week, two places a day.  P1 may work once in the
 * week, P2 is off on the second day, P3 has no limit.
 */
static const char tiny_model[] =
    "{ \"format\": \"rota-model\", \"version\": 1, \"name\": \"tiny\",\n"
    "  \"start\": \"2026-12-01\", \"days\": 3,\n"
    "  \"shifts\": [{ \"id\": \"am\", \"start\": \"07:00\", \"end\": \"09:00\" }],\n"
    "  \"segments\": [{ \"id\": \"S1\" }],\n"
    "  \"units\": [{ \"id\": \"U1\", \"segments\": [\"S1\"] }],\n"
    "  \"people\": [\n"
    "    { \"id\": \"P1\", \"unit\": \"U1\", \"limits\": { \"max_shifts_week\": 1 } },\n"
    "    { \"id\": \"P2\", \"unit\": \"U1\", \"off\": [\"2026-12-02\"] },\n"
    "    { \"id\": \"P3\", \"unit\": \"U1\" }],\n"
    "  \"duties\": [{ \"id\": \"d\", \"shift\": \"am\", \"segments\": \"*\",\n"
    "    \"min\": 2 }]\n"
    "}\n";

static RotaModel *
tiny(void)
{
    g_autoptr(GError) error = NULL;
    RotaModel *model =
        rota_model_new_from_data(tiny_model, strlen(tiny_model), "tiny.json", &error);

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "?");
    return model;
}

static void
add(RotaRoster *roster, const char *date, const char *person)
{
    g_autoptr(GError) error = NULL;

    ck_assert_msg(rota_roster_add_by_id(roster, date, "am", "S1", person, "d", &error),
                  "%s", error != NULL ? error->message : "?");
}

/* Day 1 full; day 2 one short, but P1 has used the week and P2 is off;
 * day 3 two short and P2, P3 free. */
START_TEST(test_coverable_counts)
{
    g_autoptr(RotaModel) model = tiny();
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    int uncovered = -1;

    add(roster, "2026-12-01", "P1");
    add(roster, "2026-12-01", "P3");
    add(roster, "2026-12-02", "P3");
    ck_assert_int_eq(rotap_roster_count_coverable(model, roster, &uncovered), 2);
    ck_assert_int_eq(uncovered, 3);

    add(roster, "2026-12-03", "P2");
    ck_assert_int_eq(rotap_roster_count_coverable(model, roster, &uncovered), 1);
    ck_assert_int_eq(uncovered, 2);

    add(roster, "2026-12-03", "P3");
    ck_assert_int_eq(rotap_roster_count_coverable(model, roster, &uncovered), 0);
    ck_assert_int_eq(uncovered, 1);
}
END_TEST

/* An empty roster: every place of days 1 and 3 can be taken (day 2 by P1
 * or P3), counted cell by cell. */
START_TEST(test_coverable_empty)
{
    g_autoptr(RotaModel) model = tiny();
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    int uncovered = -1;

    ck_assert_int_eq(rotap_roster_count_coverable(model, roster, &uncovered), 6);
    ck_assert_int_eq(uncovered, 6);
}
END_TEST

/* The evaluator's "eligible people free" counts only those who could
 * take the place without breaking a hard rule: on day 2 P1 is unassigned
 * but has used the week, P2 is off; on day 3 P2 and P3 are free. */
START_TEST(test_message_counts_free)
{
    g_autoptr(RotaModel) model = tiny();
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autoptr(RotaScore) score = NULL;
    int found = 0;

    add(roster, "2026-12-01", "P1");
    add(roster, "2026-12-01", "P3");
    add(roster, "2026-12-02", "P3");
    score = rota_score_new(roster, NULL);
    for (int i = 0; i < rota_score_get_n_violations(score); i++) {
        const RotaViolation *v = rota_score_get_violation(score, i);

        if (strcmp(v->constraint, "uncovered") != 0)
            continue;
        if (v->day == 1) {
            ck_assert_ptr_nonnull(strstr(v->message, "1 of 2 places filled; 0 eligible"));
            found++;
        } else if (v->day == 2) {
            ck_assert_ptr_nonnull(strstr(v->message, "0 of 2 places filled; 2 eligible"));
            found++;
        }
    }
    ck_assert_int_eq(found, 2);
}
END_TEST

/* rotap_state_cover_free() fills the places someone can take, and only
 * those: day 3 gets P2 and P3, day 2 stays one short. */
START_TEST(test_cover_free)
{
    g_autoptr(RotaModel) model = tiny();
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    RotapSolverData *data = NULL;
    RotapState *st;
    int values[9], uncovered = -1;
    gint64 soft;

    add(roster, "2026-12-01", "P1");
    add(roster, "2026-12-01", "P3");
    add(roster, "2026-12-02", "P3");
    data = rotap_solver_data_new(model, roster, NULL);
    memcpy(values, data->prev_value, sizeof values);
    rotap_solver_data_free(data);
    data = rotap_solver_data_new(model, NULL, NULL);
    st = rotap_state_new(data, NULL);
    rotap_state_load(st, values);
    soft = st->cost.soft;
    ck_assert_int_eq(rotap_state_cover_free(st), 2);
    ck_assert_int_eq(st->cost.hard, 0);
    ck_assert_int_lt(st->cost.soft, soft);
    ck_assert_int_eq(st->x[1 * 3 + 2], 2); /* P2 on day 3 in cell 2 */
    ck_assert_int_eq(st->x[2 * 3 + 2], 2);
    ck_assert_int_eq(rotap_state_count_coverable(st, &uncovered), 0);
    ck_assert_int_eq(uncovered, 1);
    ck_assert_int_eq(rotap_state_cover_free(st), 0);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/* The construction leaves no place uncovered that someone could take. */
START_TEST(test_construct_covers)
{
    g_autoptr(RotaModel) model = tiny();
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    RotapRng rng;
    int uncovered = -1;

    rotap_rng_seed(&rng, 7, 0);
    rotap_construct(st, &rng);
    ck_assert_int_eq(st->cost.hard, 0);
    ck_assert_int_eq(rotap_state_count_coverable(st, &uncovered), 0);
    /* 6 places can all be filled (P1 on day 2); the greedy may spend
     * P1's one duty of the week on another day and leave day 2 short */
    ck_assert_int_le(uncovered, 1);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/* 200 members of a unit, all but one off on the one day: a sample of the
 * candidates rarely holds the free one, the construction still finds her. */
static RotaModel *
crowd(void)
{
    g_autoptr(GString) json = g_string_new(
        "{ \"format\": \"rota-model\", \"version\": 1, \"name\": \"crowd\",\n"
        "  \"start\": \"2026-12-01\", \"days\": 1,\n"
        "  \"shifts\": [{ \"id\": \"am\", \"start\": \"07:00\", \"end\": \"09:00\" }],\n"
        "  \"segments\": [{ \"id\": \"S1\" }],\n"
        "  \"units\": [{ \"id\": \"U1\", \"segments\": [\"S1\"] }],\n"
        "  \"people\": [\n");
    g_autoptr(GError) error = NULL;
    RotaModel *model;

    for (int i = 1; i <= 200; i++)
        g_string_append_printf(json, "    { \"id\": \"P%03d\", \"unit\": \"U1\"%s }%s\n",
                               i, i == 137 ? "" : ", \"off\": [\"2026-12-01\"]",
                               i < 200 ? "," : "");
    g_string_append(json, "  ],\n  \"duties\": [{ \"id\": \"d\", \"shift\": \"am\", "
                          "\"segments\": \"*\", \"min\": 2 }]\n}\n");
    model = rota_model_new_from_data(json->str, json->len, "crowd.json", &error);
    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "?");
    return model;
}

START_TEST(test_construct_finds_the_free_one)
{
    g_autoptr(RotaModel) model = crowd();
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    RotapRng rng;
    int uncovered = -1;

    rotap_rng_seed(&rng, (guint64)_i, 0);
    rotap_construct(st, &rng);
    ck_assert_int_eq(st->cost.hard, 0);
    ck_assert_int_eq(st->x[136], 0); /* P137 on day 1 in cell 0 */
    ck_assert_int_eq(rotap_state_count_coverable(st, &uncovered), 0);
    ck_assert_int_eq(uncovered, 1);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/*
 * A unit with two segments: its head's on-site hour may be at either, and
 * a morning place at each is open to its four members.
 */
static const char replan_model[] =
    "{ \"format\": \"rota-model\", \"version\": 1, \"name\": \"replan\",\n"
    "  \"start\": \"2026-12-07\", \"days\": 7,\n"
    "  \"shifts\": [{ \"id\": \"am\", \"start\": \"07:00\", \"end\": \"09:00\" },\n"
    "    { \"id\": \"onsite\", \"start\": \"09:00\", \"end\": \"10:00\" }],\n"
    "  \"segments\": [{ \"id\": \"S1\" }, { \"id\": \"S2\" }],\n"
    "  \"units\": [{ \"id\": \"U1\", \"head\": \"P1\", \"deputies\": [\"P2\"],\n"
    "    \"segments\": [\"S1\", \"S2\"] }],\n"
    "  \"people\": [{ \"id\": \"P1\", \"unit\": \"U1\" }, { \"id\": \"P2\", \"unit\": "
    "\"U1\" },\n"
    "    { \"id\": \"P3\", \"unit\": \"U1\" }, { \"id\": \"P4\", \"unit\": \"U1\" }],\n"
    "  \"duties\": [{ \"id\": \"d\", \"shift\": \"am\", \"segments\": \"*\", \"min\": 1 "
    "}],\n"
    "  \"rules\": { \"onsite\": { \"shift\": \"onsite\", \"days\": \"all\" },\n"
    "    \"weights\": { \"fairness\": 0 } }\n"
    "}\n";

/*
 * A re-solve's needless changes go back: from a roster whose previous is
 * itself, the head's on-site hour moved to the other segment on three
 * days and two people's places traded on another (each change costs
 * `change`) all return, alone or as the trade, and the cost is the
 * previous roster's again.
 */
START_TEST(test_revert_changes)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = rota_model_new_from_data(
        replan_model, strlen(replan_model), "replan.json", &error);
    RotapSolverData *first, *data;
    RotapState *st;
    g_autoptr(RotaRoster) previous = NULL;
    RotapCost before;
    RotapRng rng;
    int a = -1, b = -1, va, vb;

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "?");
    first = rotap_solver_data_new(model, NULL, NULL);
    st = rotap_state_new(first, NULL);
    rotap_rng_seed(&rng, 3, 0);
    rotap_construct(st, &rng);
    previous = rotap_state_export(first, st->x);
    rotap_state_free(st);
    rotap_solver_data_free(first);

    data = rotap_solver_data_new(model, previous, NULL);
    st = rotap_state_new(data, NULL);
    rotap_state_load(st, data->prev_value);
    before = st->cost;
    ck_assert_int_eq(before.count[ROTAP_TERM_CHANGE], 0);
    for (int d = 1; d <= 3; d++) {
        int v = st->x[d]; /* P1's on-site hour, at S1 or S2 */

        ck_assert(v >= data->n_cells);
        rotap_state_set(st, 0, d, v == data->n_cells ? v + 1 : v - 1);
    }
    /* the two people in day 5's two places trade them */
    for (int p = 1; p < 4; p++) {
        if (st->x[p * 7 + 5] < 0 || st->x[p * 7 + 5] >= data->n_cells)
            continue;
        if (a < 0)
            a = p;
        else
            b = p;
    }
    ck_assert(a > 0 && b > 0);
    va = st->x[a * 7 + 5];
    vb = st->x[b * 7 + 5];
    rotap_state_set(st, a, 5, vb);
    rotap_state_set(st, b, 5, va);
    ck_assert_int_eq(st->cost.count[ROTAP_TERM_CHANGE], 5);
    ck_assert_int_eq(rotap_state_revert_changes(st), 5);
    ck_assert_int_eq(st->cost.count[ROTAP_TERM_CHANGE], 0);
    ck_assert_int_eq(st->cost.soft, before.soft);
    ck_assert_int_eq(memcmp(st->x, data->prev_value, sizeof(int) * data->n_slots), 0);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/* text with each from replaced by to, newly allocated; from must occur. */
static char *
replaced(const char *text, const char *from, const char *to)
{
    g_auto(GStrv) parts = g_strsplit(text, from, -1);

    ck_assert_int_gt(g_strv_length(parts), 1);
    return g_strjoinv(to, parts);
}

/* The cell of duty d at segment seg on day (one cell per day here). */
static int
cell_of(const RotaModel *model, int seg, int day)
{
    for (int c = 0; c < model->n_cells; c++)
        if (model->cells[c].segment == seg && model->cells[c].first_day == day)
            return c;
    ck_abort_msg("no cell at segment %d on day %d", seg, day);
    return -1;
}

/*
 * The end of a solve: the deputy P2 holds the on-site hour on day 0 while
 * the head P1 is free, and nobody is on site or at the morning places on
 * the other days.  The polish puts the head on site every day and fills
 * every place (P3 and P4), from a roster with 6 hard violations.
 */
START_TEST(test_polish_head_back)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = rota_model_new_from_data(
        replan_model, strlen(replan_model), "replan.json", &error);
    RotapSolverData *data;
    RotapState *st;

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "?");
    data = rotap_solver_data_new(model, NULL, NULL);
    st = rotap_state_new(data, NULL);
    rotap_state_reset(st);
    rotap_state_set(st, 1, 0, data->n_cells + 0);
    rotap_state_set(st, 2, 0, cell_of(model, 0, 0));
    rotap_state_set(st, 3, 0, cell_of(model, 1, 0));
    ck_assert_int_eq(st->cost.count[ROTAP_TERM_DEPUTY_ONSITE], 1);
    ck_assert_int_eq(st->cost.count[ROTAP_TERM_ONSITE_MISSING], 6);
    ck_assert_int_gt(rotap_state_polish(st), 6);
    ck_assert_int_eq(st->cost.hard, 0);
    ck_assert_int_eq(st->cost.count[ROTAP_TERM_DEPUTY_ONSITE], 0);
    ck_assert_int_eq(st->cost.count[ROTAP_TERM_UNCOVERED], 0);
    for (int d = 0; d < 7; d++)
        ck_assert_int_ge(st->x[d], data->n_cells); /* P1 on site */
    ck_assert_int_eq(st->x[7 + 0], ROTAP_NONE); /* P2 gave it up */
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/*
 * The head P1 is at a morning place on day 0 while the deputy P2, who may
 * not take morning places, is on site: neither giving up the place nor
 * trading it with P2 pays, but handing it to the free P4 does.
 */
START_TEST(test_polish_refill)
{
    g_autofree char *json = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;
    RotapSolverData *data;
    RotapState *st;
    int s1, s2;

    /* the replan model with the morning places for the crew: P1, P3, P4 */
    json = replaced(replan_model, "\"min\": 1 ", "\"min\": 1, \"who\": { \"tags\": [\"crew\"] } ");
    for (int p = 1; p <= 4; p++) {
        g_autofree char *from = g_strdup_printf("{ \"id\": \"P%d\", \"unit\": \"U1\" }", p);
        g_autofree char *to =
            g_strdup_printf("{ \"id\": \"P%d\", \"unit\": \"U1\", \"tags\": [\"crew\"] }", p);
        g_autofree char *next = NULL;

        if (p == 2)
            continue;
        next = replaced(json, from, to);
        g_free(json);
        json = g_steal_pointer(&next);
    }
    model = rota_model_new_from_data(json, strlen(json), "refill.json", &error);

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "?");
    data = rotap_solver_data_new(model, NULL, NULL);
    st = rotap_state_new(data, NULL);
    rotap_state_reset(st);
    for (int d = 1; d < 7; d++) {
        rotap_state_set(st, 0, d, data->n_cells + 0);
        rotap_state_set(st, 2, d, cell_of(model, 0, d));
        rotap_state_set(st, 3, d, cell_of(model, 1, d));
    }
    s1 = cell_of(model, 0, 0);
    s2 = cell_of(model, 1, 0);
    rotap_state_set(st, 0, 0, s1);
    rotap_state_set(st, 1, 0, data->n_cells + 0);
    rotap_state_set(st, 2, 0, s2);
    ck_assert_int_eq(st->cost.hard, 0);
    ck_assert_int_eq(st->cost.count[ROTAP_TERM_DEPUTY_ONSITE], 1);
    ck_assert(!rotap_can_take(data, 1, 0, s1));
    ck_assert_int_eq(rotap_state_polish(st), 1);
    ck_assert_int_eq(st->cost.count[ROTAP_TERM_DEPUTY_ONSITE], 0);
    ck_assert_int_eq(st->cost.count[ROTAP_TERM_UNCOVERED], 0);
    ck_assert_int_ge(st->x[0], data->n_cells);
    ck_assert_int_eq(st->x[7], ROTAP_NONE);
    ck_assert_int_eq(st->x[3 * 7], s1);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

static Suite *
coverable_suite(void)
{
    Suite *s = suite_create("coverable");
    TCase *tc = tcase_create("count");

    tcase_add_test(tc, test_coverable_counts);
    tcase_add_test(tc, test_coverable_empty);
    tcase_add_test(tc, test_message_counts_free);
    tcase_add_test(tc, test_cover_free);
    tcase_add_test(tc, test_revert_changes);
    tcase_add_test(tc, test_polish_head_back);
    tcase_add_test(tc, test_polish_refill);
    suite_add_tcase(s, tc);
    tc = tcase_create("construct");
    tcase_add_test(tc, test_construct_covers);
    tcase_add_loop_test(tc, test_construct_finds_the_free_one, 0, 8);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return test_run_suite(coverable_suite());
}
