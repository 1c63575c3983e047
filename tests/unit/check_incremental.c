/* SPDX-License-Identifier: MIT */
/* check_incremental.c: incremental scores equal the evaluator's after random moves. */
#include "config.h"

#include <string.h>

#include "solver/solver-private.h"
#include "testhelp.h"

/* Moves between two comparisons with the evaluator, and comparisons per model. */
#define BATCH 1000
#define BATCHES 25

static void
add_people(RotaBuilder *b)
{
    static const char *const units[] = {"U1", "U1", "U1", "U1", "U1", "U2", "U2", "U2",
                                        "U2", "U2", "U3", "U3", "U3", "U3", NULL, NULL};
    static const gboolean party[] = {0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0};

    for (int i = 0; i < 16; i++) {
        char id[8];
        int p;

        g_snprintf(id, sizeof id, "P%d", i + 1);
        p = rota_builder_add_person(b, id, id, units[i]);
        if (party[i])
            rota_builder_add_person_tag(b, p, "party");
        if (i == 4 || i == 9 || i == 14)
            rota_builder_add_person_tag(b, p, "inspector");
        if (i >= 14)
            rota_builder_set_person_community(b, p, "S1");
        if (i == 1)
            rota_builder_set_person_max_shifts(b, p, "night", 2);
        if (i == 3)
            rota_builder_set_person_limit(b, p, ROTA_LIMIT_MAX_MINUTES_WEEK, 400);
    }
    rota_builder_add_person_off(b, 0, "2026-12-03", "2026-12-05", NULL);
    rota_builder_add_person_off(b, 1, "2026-12-04", NULL, NULL);
    rota_builder_add_person_off(b, 10, "2026-12-08", NULL, NULL);
    rota_builder_add_person_off(b, 5, "2026-12-10", NULL, "onsite");
    rota_builder_add_person_off(b, 7, "2026-12-14", "2026-12-16", "night");
    rota_builder_add_person_request(b, 2, "2026-12-02", "am", TRUE, 2);
    rota_builder_add_person_request(b, 3, "2026-12-07", NULL, FALSE, 3);
    rota_builder_add_person_request(b, 7, "2026-12-09", NULL, TRUE, 1);
    rota_builder_add_person_request(b, 8, "2026-12-11", "night", FALSE, 2);
    rota_builder_add_person_request(b, 0, "2026-12-09", "onsite", FALSE, 4);
}

static void
add_duties(RotaBuilder *b)
{
    int d = rota_builder_add_duty(b, "rush-am", "am");

    rota_builder_set_duty_days(b, d, ROTA_DAYS_WORKDAYS);
    rota_builder_set_duty_min(b, d, 2);
    rota_builder_set_duty_max(b, d, 3);
    rota_builder_set_duty_over(b, d, 2);
    rota_builder_add_duty_quota(b, d, "party", 1);
    d = rota_builder_add_duty(b, "night", "night");
    rota_builder_add_duty_segment(b, d, "S1");
    rota_builder_add_duty_segment(b, d, "S3");
    rota_builder_set_duty_min(b, d, 1);
    rota_builder_set_duty_max(b, d, 1);
    d = rota_builder_add_duty(b, "clean", "clean");
    rota_builder_set_duty_days(b, d, ROTA_DAYS_WEEKENDS);
    rota_builder_add_duty_segment(b, d, "S2");
    rota_builder_add_duty_segment(b, d, "S4");
    rota_builder_set_duty_min(b, d, 2);
    rota_builder_set_duty_under(b, d, 300);
    d = rota_builder_add_duty(b, "inspect", "pm");
    rota_builder_set_duty_days(b, d, ROTA_DAYS_WORKDAYS);
    rota_builder_set_duty_per_week(b, d, TRUE);
    rota_builder_add_duty_who_tag(b, d, "inspector");
    rota_builder_set_duty_not_owner(b, d, TRUE);
    rota_builder_set_duty_min(b, d, 1);
    rota_builder_add_duty_quota(b, d, "party", 1);
    d = rota_builder_add_duty(b, "patrol", "pm");
    rota_builder_set_duty_days(b, d, ROTA_DAYS_DATES);
    rota_builder_add_duty_date(b, d, "2026-12-02");
    rota_builder_add_duty_date(b, d, "2026-12-09");
    rota_builder_add_duty_date(b, d, "2026-12-16");
    rota_builder_add_duty_segment(b, d, "S1");
    rota_builder_add_duty_who_unit(b, d, "U2");
    rota_builder_set_duty_min(b, d, 1);
}

/*
 * Every constraint the evaluator knows: per-week duties with quotas,
 * who/not_owner/community eligibility, the on-site hour with absent heads
 * (U3 has no deputy), a night shift across midnight with min rest and
 * forbidden successions, run and weekend limits, requests and fairness.
 */
static RotaModel *
build_model(void)
{
    g_autoptr(RotaBuilder) b = rota_builder_new("增量测试", "2026-12-01", 21);
    g_autoptr(GError) error = NULL;
    RotaModel *model;
    int u;

    rota_builder_add_shift(b, "am", "早高峰", "07:00", "09:00");
    rota_builder_add_shift(b, "pm", "晚高峰", "17:00", "19:00");
    rota_builder_add_shift(b, "night", "夜巡", "22:00", "06:00");
    rota_builder_add_shift(b, "onsite", "马路办公", "09:00", "10:00");
    rota_builder_add_shift(b, "clean", "保洁", "08:30", "11:30");
    rota_builder_forbid_succession(b, "night", "am");
    rota_builder_forbid_succession(b, "pm", "am");
    for (int i = 1; i <= 4; i++) {
        char id[4];

        g_snprintf(id, sizeof id, "S%d", i);
        rota_builder_add_segment(b, id, id);
    }
    u = rota_builder_add_unit(b, "U1", "U1", "P1");
    rota_builder_add_unit_deputy(b, u, "P2");
    rota_builder_add_unit_deputy(b, u, "P3");
    rota_builder_add_unit_segment(b, u, "S1");
    rota_builder_add_unit_segment(b, u, "S2");
    u = rota_builder_add_unit(b, "U2", "U2", "P6");
    rota_builder_add_unit_deputy(b, u, "P7");
    rota_builder_add_unit_segment(b, u, "S3");
    u = rota_builder_add_unit(b, "U3", "U3", "P11");
    rota_builder_add_unit_segment(b, u, "S4");
    add_people(b);
    add_duties(b);
    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_WORKDAYS);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_SHIFTS_WEEK, 4);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MIN_REST_MINUTES, 600);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_CONSECUTIVE, 4);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MIN_CONSECUTIVE, 2);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MIN_DAYS_OFF, 2);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_WEEKENDS, 2);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_MINUTES, 3000);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MIN_MINUTES, 300);
    rota_builder_set_weight(b, ROTA_WEIGHT_FAIRNESS, 5);
    model = rota_builder_steal_model(b, &error);
    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "?");
    return model;
}

static void
add(RotaRoster *roster, const char *date, const char *shift, const char *segment,
    const char *person, const char *duty, gboolean locked)
{
    RotaModel *model = rota_roster_get_model(roster);
    g_autoptr(GError) error = NULL;
    RotaAssignment a;

    a.day = rota_model_find_day(model, date);
    a.shift = rota_model_find_shift(model, shift);
    a.segment = rota_model_find_segment(model, segment);
    a.person = rota_model_find_person(model, person);
    a.duty = strcmp(duty, "onsite") == 0 ? ROTA_DUTY_ONSITE
                                         : rota_model_find_duty(model, duty);
    a.locked = locked;
    ck_assert_msg(rota_roster_add(roster, &a, &error), "%s",
                  error ? error->message : "?");
}

/* A previous roster: plain and locked assignments, one locked on a day
 * off and one double booking of locked assignments. */
static RotaRoster *
build_previous(RotaModel *model)
{
    RotaRoster *roster = rota_roster_new(model);

    add(roster, "2026-12-01", "am", "S1", "P4", "rush-am", FALSE);
    add(roster, "2026-12-01", "onsite", "S1", "P1", "onsite", FALSE);
    add(roster, "2026-12-02", "onsite", "S2", "P1", "onsite", TRUE);
    add(roster, "2026-12-02", "am", "S3", "P8", "rush-am", TRUE);
    add(roster, "2026-12-03", "night", "S1", "P5", "night", FALSE);
    add(roster, "2026-12-04", "am", "S1", "P1", "rush-am", TRUE);
    add(roster, "2026-12-07", "am", "S4", "P12", "rush-am", TRUE);
    add(roster, "2026-12-07", "night", "S3", "P12", "night", TRUE);
    add(roster, "2026-12-08", "pm", "S1", "P9", "inspect", FALSE);
    add(roster, "2026-12-08", "pm", "S1", "P9", "inspect", FALSE);
    return roster;
}

/* Compare the state's cost with the evaluator's on the exported roster,
 * term by term, and with a state rebuilt from scratch (magnitudes too). */
static void
check_state(const RotapState *st, const RotaRoster *previous, const char *what, int batch)
{
    const RotapSolverData *data = st->data;
    g_autoptr(RotaRoster) roster = rotap_state_export(data, st->x);
    RotaScore *score = rotap_score_new_without_messages(roster, previous);
    RotapState *fresh = rotap_state_new(data, NULL);

    for (int t = 0; t < ROTAP_N_TERMS; t++) {
        ck_assert_msg(st->cost.count[t] == score->term_count[t],
                      "%s batch %d: %s count %d, evaluator %d", what, batch,
                      rotap_term_name((RotapTerm)t), st->cost.count[t],
                      score->term_count[t]);
        if (!ROTAP_TERM_IS_HARD(t))
            ck_assert_msg(st->cost.pen[t] == score->term_penalty[t],
                          "%s batch %d: %s penalty %" G_GINT64_FORMAT
                          ", evaluator %" G_GINT64_FORMAT,
                          what, batch, rotap_term_name((RotapTerm)t), st->cost.pen[t],
                          score->term_penalty[t]);
    }
    ck_assert_int_eq(st->cost.hard, rota_score_get_hard(score));
    ck_assert_int_eq(st->cost.soft, rota_score_get_soft(score));
    rotap_state_load(fresh, st->x);
    ck_assert_msg(memcmp(&fresh->cost, &st->cost, sizeof st->cost) == 0,
                  "%s batch %d: incremental cost drifted from a rebuild", what, batch);
    rotap_state_free(fresh);
    rota_score_free(score);
}

/* Any value a slot could be given: nothing, a cell due that day, or the
 * on-site hour at any segment, eligible or not. */
static void
chaos(RotapState *st, RotapRng *rng)
{
    const RotapSolverData *data = st->data;
    int s = rotap_rng_below(rng, data->n_slots), day = s % data->n_days,
        value = ROTAP_NONE;
    int n = data->day_start[day + 1] - data->day_start[day], r = rotap_rng_below(rng, 10);

    if (data->frozen[s])
        return;
    if (r < 6 && n > 0)
        value = data->day_cells[data->day_start[day] + rotap_rng_below(rng, n)];
    else if (r < 8 && data->model->onsite_shift >= 0)
        value = data->n_cells + rotap_rng_below(rng, data->model->n_segments);
    rotap_state_set(st, s / data->n_days, day, value);
}

/*
 * BATCHES batches of BATCH moves: solver moves (random ones, re-rostering,
 * ruin and recreate, and mends), half of them undone, and arbitrary
 * changes; each batch ends with a comparison.
 */
static void
run_random(RotaModel *model, const RotaRoster *previous, const char *what, guint64 seed)
{
    RotapSolverData *data = rotap_solver_data_new(model, previous, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    RotapDp *dp = rotap_dp_new(data);
    RotapPair *pair = rotap_pair_new(data);
    RotapUndo undo = {0};
    RotapRng rng;

    rotap_rng_seed(&rng, seed, 0);
    rotap_construct(st, &rng);
    check_state(st, previous, what, -1);
    for (int batch = 0; batch < BATCHES; batch++) {
        for (int i = 0; i < BATCH; i++) {
            int r = rotap_rng_below(&rng, 10);

            if (r < 2) {
                chaos(st, &rng);
                continue;
            }
            rotap_undo_clear(&undo);
            if (r == 9 && i % 16 == 0) {
                int person = rotap_rng_below(&rng, data->n_people);
                int first = rotap_rng_below(&rng, data->n_days);
                int last = first + rotap_rng_below(&rng, MIN(data->n_days - first, 20));

                rotap_dp_reroster(dp, st, &undo, person, first, last);
                continue;
            }
            if (r == 9 && i % 16 == 1) {
                /* short windows, so that the paired re-rostering (a
                 * horizon of three windows or more) is drawn too */
                if (rotap_move_reroster(st, dp, &rng, &undo,
                                        1 + (int)rotap_rng_below(&rng, 7)) &&
                    i % 32 == 1)
                    rotap_move_undo(st, &undo);
                continue;
            }
            if (r == 9 && i % 16 == 2) {
                if (rotap_move_ruin(st, dp, &rng, &undo,
                                    2 + (int)rotap_rng_below(&rng, 13)) &&
                    i % 32 == 2)
                    rotap_move_undo(st, &undo);
                continue;
            }
            if (r == 9 && i % 16 == 3) {
                if (rotap_move_exchange(st, &rng, &undo,
                                        1 + (int)rotap_rng_below(&rng, 10)) &&
                    i % 32 == 3)
                    rotap_move_undo(st, &undo);
                continue;
            }
            if (r == 9 && i % 16 == 4) {
                if (rotap_move_pair(st, pair, &rng, &undo,
                                    1 + (int)rotap_rng_below(&rng, 28)) &&
                    i % 32 == 4)
                    rotap_move_undo(st, &undo);
                continue;
            }
            if (r == 8 && i % 4 == 0) {
                int slot = rotap_rng_below(&rng, data->n_slots);
                int former = (int)rotap_rng_below(&rng, data->n_values + 1) - 1;

                if (rotap_move_mend(st, &rng, &undo, slot, former) && i % 8 == 0)
                    rotap_move_undo(st, &undo);
                continue;
            }
            if (rotap_move_random(st, &rng, &undo) && r < 6)
                rotap_move_undo(st, &undo);
        }
        check_state(st, previous, what, batch);
    }
    for (int s = 0; s < data->n_slots; s++)
        if (data->frozen[s])
            ck_assert_int_eq(st->x[s], data->init_value[s]);
    rotap_dp_free(dp);
    rotap_pair_free(pair);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}

START_TEST(test_curtois)
{
    static const char *const files[] = {"tests/data/curtois/Instance1.txt",
                                        "tests/data/curtois/Instance2.txt",
                                        "tests/data/curtois/Instance10.txt"};
    g_autoptr(RotaModel) model = test_load_curtois(files[_i]);

    run_random(model, NULL, files[_i], 11 + _i);
}
END_TEST

START_TEST(test_small_model)
{
    g_autoptr(RotaModel) model = test_load_model("tests/data/cli/small-model.json");

    run_random(model, NULL, "small-model", 5);
}
END_TEST

START_TEST(test_builder_model)
{
    g_autoptr(RotaModel) model = build_model();

    run_random(model, NULL, "builder", 7);
}
END_TEST

START_TEST(test_builder_previous)
{
    g_autoptr(RotaModel) model = build_model();
    g_autoptr(RotaRoster) previous = build_previous(model);

    run_random(model, previous, "builder+previous", 9);
}
END_TEST

/*
 * The re-rostering is optimal for one person with everyone else fixed: on
 * a benchmark instance (whose soft score is exactly cover and requests,
 * and whose hard constraints are all per person and kept by it, but the
 * total minutes, which it charges at the construction's weight) it never
 * makes that weighted cost worse, over the whole horizon or a window, and
 * it improves the greedy roster.
 */
START_TEST(test_dp_never_worse)
{
    g_autoptr(RotaModel) model = test_load_curtois("tests/data/curtois/Instance2.txt");
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    RotapDp *dp = rotap_dp_new(data);
    RotapUndo undo = {0};
    RotapRng rng;
    int improved = 0;

    ck_assert(data->dp_ok);
    rotap_rng_seed(&rng, 5, 0);
    rotap_construct(st, &rng);
    for (int round = 0; round < 3; round++) {
        for (int p = 0; p < data->n_people; p++) {
            int first = round == 0 ? 0 : 2 + p % 5, last = round == 0 ? 13 : first + 6;
            int hard = st->cost.hard;
            gint64 soft = st->cost.soft;

            undo.n = 0;
            if (rotap_dp_reroster(dp, st, &undo, p, first, last))
                improved +=
                    rotap_cost_compare(st->cost.hard, st->cost.soft, hard, soft) < 0;
            ck_assert_int_le(rotap_cost_compare(st->cost.hard, st->cost.soft, hard, soft),
                             0);
        }
    }
    ck_assert_int_gt(improved, 0);
    check_state(st, NULL, "dp", 0);
    rotap_dp_free(dp);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/*
 * The exchange trades days between two people and nothing else: the
 * cover stays as it was, every change is one of a pair of slots of the
 * same day whose values were swapped, and some exchanges improve the
 * greedy roster of Instance2.
 */
START_TEST(test_exchange_keeps_cover)
{
    g_autoptr(RotaModel) model = test_load_curtois("tests/data/curtois/Instance2.txt");
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    g_autofree int *cover = g_new(int, data->n_cells);
    RotapUndo undo = {0};
    RotapRng rng;
    int made = 0, improved = 0;

    rotap_rng_seed(&rng, 3, 0);
    rotap_construct(st, &rng);
    for (int i = 0; i < 2000; i++) {
        int hard = st->cost.hard;
        gint64 soft = st->cost.soft;

        memcpy(cover, st->cell_n, sizeof(int) * data->n_cells);
        rotap_undo_clear(&undo);
        if (!rotap_move_exchange(st, &rng, &undo, 2 + i % 8))
            continue;
        made++;
        ck_assert_int_eq(memcmp(cover, st->cell_n, sizeof(int) * data->n_cells), 0);
        ck_assert_int_gt(undo.n, 0);
        ck_assert_int_eq(undo.n % 2, 0);
        for (int k = 0; k < undo.n; k += 2) {
            int a = undo.slot[k], b = undo.slot[k + 1];

            ck_assert_int_eq(a % data->n_days, b % data->n_days);
            ck_assert_int_eq(st->x[a], undo.old[k + 1]);
            ck_assert_int_eq(st->x[b], undo.old[k]);
        }
        if (rotap_cost_compare(st->cost.hard, st->cost.soft, hard, soft) < 0)
            improved++;
        else
            rotap_move_undo(st, &undo);
    }
    ck_assert_int_gt(made, 100);
    ck_assert_int_gt(improved, 0);
    check_state(st, NULL, "exchange", 0);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/* Every pattern of trades between two people over a window, scored exactly. */
typedef struct {
    RotapState *st;
    int p, q, last;
    gint64 mag0; /* the hard violations' size before */
    gint64 best; /* the least soft score with mag0, -1 for none */
} Enumeration;

static void
enumerate(Enumeration *e, int day, gboolean changed)
{
    RotapState *st = e->st;
    const RotapSolverData *data = st->data;
    int vp, vq;

    if (day > e->last) {
        if (changed && st->cost.mag == e->mag0 &&
            (e->best < 0 || st->cost.soft < e->best))
            e->best = st->cost.soft;
        return;
    }
    vp = st->x[e->p * data->n_days + day];
    vq = st->x[e->q * data->n_days + day];
    enumerate(e, day + 1, changed);
    if (!rotap_can_trade(st, e->p, e->q, day))
        return;
    rotap_state_set(st, e->p, day, vq);
    rotap_state_set(st, e->q, day, vp);
    enumerate(e, day + 1, TRUE);
    rotap_state_set(st, e->p, day, vp);
    rotap_state_set(st, e->q, day, vq);
}

/*
 * The pair exchange finds the best pattern of trades: for two people of
 * Instance2 who keep their hard constraints, over a window of 9 days (at
 * most 2^9 patterns: no state is pruned), the soft score reached is the
 * least of every pattern but "keep everything" that adds no hard
 * violation, scored exactly; the cover never changes; and some of the
 * improvements trade on two days or more.
 */
START_TEST(test_pair_exchange_is_best)
{
    const int window = 9;
    g_autoptr(RotaModel) model = test_load_curtois("tests/data/curtois/Instance2.txt");
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    RotapDp *dp = rotap_dp_new(data);
    RotapPair *pair = rotap_pair_new(data);
    g_autofree int *cover = g_new(int, data->n_cells);
    RotapUndo undo = {0};
    RotapRng rng;
    int compared = 0, improved = 0, several = 0;

    rotap_rng_seed(&rng, 4, 0);
    rotap_construct(st, &rng);
    for (int p = 0; p < data->n_people; p++) {
        rotap_undo_clear(&undo);
        rotap_dp_reroster(dp, st, &undo, p, 0, data->n_days - 1);
    }
    for (int i = 0; i < 20000 && compared < 200; i++) {
        int p = rotap_rng_below(&rng, data->n_people);
        int q = rotap_rng_below(&rng, data->n_people);
        int first = rotap_rng_below(&rng, data->n_days - window + 1);
        Enumeration e = {st, p, q, first + window - 1, st->cost.mag, -1};
        gint64 soft0 = st->cost.soft;
        gboolean made;

        if (i % 4 != 0) {
            /* stir the roster between comparisons, adding no violation */
            rotap_undo_clear(&undo);
            if (rotap_move_random(st, &rng, &undo) && st->cost.mag > e.mag0)
                rotap_move_undo(st, &undo);
            continue;
        }
        if (p == q || rotap_person_breaks(st, p) != -2 ||
            rotap_person_breaks(st, q) != -2)
            continue;
        enumerate(&e, first, FALSE);
        ck_assert_int_eq(st->cost.mag, e.mag0);
        ck_assert_int_eq(st->cost.soft, soft0);
        memcpy(cover, st->cell_n, sizeof(int) * data->n_cells);
        rotap_undo_clear(&undo);
        made = rotap_pair_exchange(pair, st, &undo, p, q, first, e.last);
        if (made) {
            /* with no schedule that keeps the limits, one that breaks
             * the total minutes least (charged, not ruled out) */
            if (e.best >= 0) {
                ck_assert_int_eq(st->cost.mag, e.mag0);
                ck_assert_int_eq(st->cost.soft, e.best);
            } else {
                ck_assert_int_gt(st->cost.mag, e.mag0);
                rotap_move_undo(st, &undo);
            }
            ck_assert_int_eq(memcmp(cover, st->cell_n, sizeof(int) * data->n_cells), 0);
            improved += st->cost.soft < soft0;
            /* two slots a trade: a pattern of two trades or more */
            several += st->cost.soft < soft0 && undo.n >= 4;
        } else {
            ck_assert_int_lt(e.best, 0);
        }
        compared++;
    }
    ck_assert_int_ge(compared, 200);
    ck_assert_int_gt(improved, 0);
    ck_assert_int_gt(several, 0);
    check_state(st, NULL, "pair", 0);
    rotap_dp_free(dp);
    rotap_pair_free(pair);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}

/*
 * On a window longer than 64 days a shift limit above 63 still holds:
 * one person, 140 days, four shift types each capped at 70, and cover
 * that pays more for A than B, for B than C, and so on, every day.  The
 * whole-horizon re-rostering works A on 70 days, B on the other 70, and
 * never more of a type than its cap (with 6-bit counts, A's 64th shift
 * spilled into B's count and A went on past 70).
 */
START_TEST(test_long_window_counts)
{
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;
    RotapSolverData *data;
    RotapState *st;
    RotapDp *dp;
    RotapUndo undo = {0};

    g_string_append(text, "SECTION_HORIZON\n140\n\nSECTION_SHIFTS\n"
                          "A,480,\nB,480,\nC,480,\nD,480,\n\n"
                          "SECTION_STAFF\nP,A=70|B=70|C=70|D=70,67200,0,140,1,1,20\n\n"
                          "SECTION_DAYS_OFF\n\nSECTION_SHIFT_ON_REQUESTS\n\n"
                          "SECTION_SHIFT_OFF_REQUESTS\n\nSECTION_COVER\n");
    for (int d = 0; d < 140; d++)
        g_string_append_printf(
            text, "%d,A,1,100,0\n%d,B,1,50,0\n%d,C,1,40,0\n%d,D,1,30,0\n", d, d, d, d);
    model = rota_model_new_from_curtois_data(text->str, text->len, "long.txt", &error);
    ck_assert_ptr_nonnull(model);
    data = rotap_solver_data_new(model, NULL, NULL);
    st = rotap_state_new(data, NULL);
    rotap_state_reset(st);
    dp = rotap_dp_new(data);
    ck_assert(data->dp_ok);
    ck_assert(rotap_dp_reroster(dp, st, &undo, 0, 0, data->n_days - 1));
    ck_assert_int_eq(st->cost.hard, 0);
    for (int s = 0; s < 4; s++)
        ck_assert_int_eq(st->shift_n[s], s < 2 ? 70 : 0);
    check_state(st, NULL, "long", 0);
    rotap_dp_free(dp);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/*
 * The days of a person's breaches: a run of four over a maximum of
 * three, a day off alone and a shift alone between days off (minimum
 * two each) are marked day by day, a run of two and two days off are
 * not; a minimum of minutes out of reach is a breach of the horizon.
 */
START_TEST(test_breach_days)
{
    static const char *const row = "AAAA.A..AA....";
    static const guint8 expect[] = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;
    const char *text = "SECTION_HORIZON\n14\n\nSECTION_SHIFTS\nA,480,\n\n"
                       "SECTION_STAFF\nP,A=14,6720,4800,3,2,2,4\n\n"
                       "SECTION_DAYS_OFF\n\nSECTION_SHIFT_ON_REQUESTS\n\n"
                       "SECTION_SHIFT_OFF_REQUESTS\n\nSECTION_COVER\n"
                       "0,A,1,100,1\n1,A,1,100,1\n2,A,1,100,1\n3,A,1,100,1\n"
                       "4,A,1,100,1\n5,A,1,100,1\n6,A,1,100,1\n7,A,1,100,1\n"
                       "8,A,1,100,1\n9,A,1,100,1\n10,A,1,100,1\n11,A,1,100,1\n"
                       "12,A,1,100,1\n13,A,1,100,1\n";
    RotapSolverData *data;
    RotapState *st;
    guint8 days[14] = {0};

    model = rota_model_new_from_curtois_data(text, strlen(text), "breach.txt", &error);
    ck_assert_ptr_nonnull(model);
    data = rotap_solver_data_new(model, NULL, NULL);
    st = rotap_state_new(data, NULL);
    rotap_state_reset(st);
    ck_assert_int_eq(rotap_person_breaks(st, 0), -1); /* no minutes at all */
    ck_assert_int_eq(rotap_person_breaches(st, 0, days), -1);
    for (int d = 0; d < 14; d++)
        if (row[d] == 'A')
            rotap_state_set(st, 0, d, data->day_shift_cell[d]);
    ck_assert_int_eq(rotap_person_breaks(st, 0), 3);
    ck_assert_int_eq(rotap_person_breaches(st, 0, days), 0);
    ck_assert_mem_eq(days, expect, sizeof expect);
    ck_assert(!rotap_person_keeps_horizon_limits(st, 0)); /* 7 shifts, 10 due */
    rotap_state_set(st, 0, 4, data->day_shift_cell[4]);
    rotap_state_set(st, 0, 12, data->day_shift_cell[12]);
    rotap_state_set(st, 0, 13, data->day_shift_cell[13]);
    ck_assert(rotap_person_keeps_horizon_limits(st, 0)); /* 10 shifts */
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/* The state never changes a frozen slot, and locked values start there. */
START_TEST(test_frozen_slots)
{
    g_autoptr(RotaModel) model = build_model();
    g_autoptr(RotaRoster) previous = build_previous(model);
    RotapSolverData *data = rotap_solver_data_new(model, previous, NULL);
    int p1 = rota_model_find_person(model, "P1"),
        p12 = rota_model_find_person(model, "P12");
    int day2 = rota_model_find_day(model, "2026-12-02");
    int day7 = rota_model_find_day(model, "2026-12-07");

    ck_assert(data->frozen[p1 * data->n_days + day2]);
    ck_assert_int_eq(data->init_value[p1 * data->n_days + day2],
                     data->n_cells + rota_model_find_segment(model, "S2"));
    /* two locked assignments on one day: the slot keeps the first */
    ck_assert(data->frozen[p12 * data->n_days + day7]);
    ck_assert_int_eq(data->lock_start[p12 * data->n_days + day7 + 1] -
                         data->lock_start[p12 * data->n_days + day7],
                     2);
    ck_assert(!rotap_can_take(data, p1, day2, ROTAP_NONE));
    rotap_solver_data_free(data);
}
END_TEST

/* What person's schedule costs at prices (in 1/scale of the penalty unit):
 * its requests times scale and the prices of its places. */
static gint64
priced_cost(const RotapState *st, int person, const gint64 *prices, gint64 scale)
{
    const RotapSolverData *data = st->data;
    gint64 cost = 0;

    for (int d = 0; d < data->n_days; d++) {
        int s = person * data->n_days + d, v = st->x[s];

        cost += rotap_request_cost(data, s, v) * scale;
        if (v >= 0 && v < data->n_cells)
            cost += prices[v];
    }
    return cost;
}

/*
 * With prices on the cells, re-rostering one person over the horizon
 * charges a place its price instead of the change of the cover penalty:
 * of the schedules that keep the person's limits, the one it applies never
 * costs more at those prices than the one held, often less; and the
 * incremental score still agrees with the evaluator.
 */
START_TEST(test_priced_reroster)
{
    const gint64 scale = 64;
    g_autoptr(RotaModel) model = test_load_curtois("tests/data/curtois/Instance2.txt");
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    RotapDp *dp = rotap_dp_new(data);
    g_autofree gint64 *prices = g_new(gint64, data->n_cells);
    RotapUndo undo = {0};
    RotapRng rng;
    int compared = 0, cheaper = 0;

    rotap_rng_seed(&rng, 6, 0);
    rotap_construct(st, &rng);
    for (int trial = 0; trial < 300; trial++) {
        int p = trial % data->n_people;
        gboolean kept_before = rotap_person_keeps_horizon_limits(st, p);
        gint64 before;

        for (int c = 0; c < data->n_cells; c++)
            prices[c] = rotap_rng_below(&rng, 4001) - 3000;
        before = priced_cost(st, p, prices, scale);
        rotap_undo_clear(&undo);
        rotap_dp_set_prices(dp, prices, scale);
        rotap_dp_reroster(dp, st, &undo, p, 0, data->n_days - 1);
        rotap_dp_set_prices(dp, NULL, 1);
        if (!kept_before || !rotap_person_keeps_horizon_limits(st, p))
            continue;
        ck_assert_int_le(priced_cost(st, p, prices, scale), before);
        cheaper += priced_cost(st, p, prices, scale) < before;
        compared++;
    }
    ck_assert_int_ge(compared, 100);
    ck_assert_int_gt(cheaper, 10);
    check_state(st, NULL, "priced", 0);
    rotap_dp_free(dp);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/*
 * The pool keeps each schedule once; the master search over it, from a
 * greedy roster whose people's schedules after a whole-horizon
 * re-rostering are pooled too, ends at least as good as that better
 * roster and with the evaluator's score.  The Lagrangian ascent's pool
 * (no deadline: every round) holds the roster it was given, which it
 * leaves as it was, and schedules of its own; a master search over it
 * makes the greedy roster better.
 */
START_TEST(test_pool_search)
{
    g_autoptr(RotaModel) model = test_load_curtois("tests/data/curtois/Instance2.txt");
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    RotapDp *dp = rotap_dp_new(data);
    RotapPool *pool = rotap_pool_new(data);
    g_autofree int *greedy = g_new(int, data->n_slots);
    RotapUndo undo = {0};
    RotapRng rng;
    int better_hard, greedy_hard;
    gint64 better_soft, greedy_soft, bound = 0;
    gboolean has_bound = FALSE;

    rotap_rng_seed(&rng, 8, 0);
    rotap_construct(st, &rng);
    memcpy(greedy, st->x, sizeof(int) * data->n_slots);
    greedy_hard = st->cost.hard;
    greedy_soft = st->cost.soft;
    rotap_pool_add(pool, st);
    ck_assert_int_eq(rotap_pool_count(pool), data->n_people);
    rotap_pool_add(pool, st);
    ck_assert_int_eq(rotap_pool_count(pool), data->n_people);
    for (int p = 0; p < data->n_people; p++) {
        rotap_undo_clear(&undo);
        rotap_dp_reroster(dp, st, &undo, p, 0, data->n_days - 1);
    }
    better_hard = st->cost.hard;
    better_soft = st->cost.soft;
    ck_assert_int_lt(
        rotap_cost_compare(better_hard, better_soft, greedy_hard, greedy_soft), 0);
    rotap_pool_add(pool, st);
    ck_assert_int_gt(rotap_pool_count(pool), data->n_people);
    rotap_state_load(st, greedy);
    rotap_pool_search(pool, st, &rng, 200000, NULL, 0);
    ck_assert_int_le(
        rotap_cost_compare(st->cost.hard, st->cost.soft, better_hard, better_soft), 0);
    check_state(st, NULL, "pool", 0);
    rotap_pool_free(pool);

    rotap_state_load(st, greedy);
    pool = rotap_dual_pool(st, dp, &rng, NULL, 0, NULL, &has_bound, &bound);
    ck_assert_ptr_nonnull(pool);
    ck_assert_int_eq(memcmp(st->x, greedy, sizeof(int) * data->n_slots), 0);
    ck_assert_int_gt(rotap_pool_count(pool), data->n_people);
    rotap_pool_search(pool, st, &rng, 200000, NULL, 0);
    ck_assert_int_lt(
        rotap_cost_compare(st->cost.hard, st->cost.soft, greedy_hard, greedy_soft), 0);
    check_state(st, NULL, "dual pool", 0);
    ck_assert(has_bound);
    ck_assert_int_le(bound, 828); /* Instance2's optimum */
    rotap_pool_free(pool);
    rotap_dp_free(dp);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

static Suite *
incremental_suite(void)
{
    Suite *suite = suite_create("incremental");
    TCase *curtois = tcase_create("curtois");
    TCase *models = tcase_create("models");

    tcase_set_timeout(curtois, 60);
    tcase_set_timeout(models, 60);
    tcase_add_loop_test(curtois, test_curtois, 0, 3);
    tcase_add_test(models, test_small_model);
    tcase_add_test(models, test_builder_model);
    tcase_add_test(models, test_builder_previous);
    tcase_add_test(models, test_frozen_slots);
    tcase_add_test(curtois, test_dp_never_worse);
    tcase_add_test(curtois, test_exchange_keeps_cover);
    tcase_add_test(curtois, test_pair_exchange_is_best);
    tcase_add_test(curtois, test_long_window_counts);
    tcase_add_test(curtois, test_breach_days);
    tcase_add_test(curtois, test_priced_reroster);
    tcase_add_test(curtois, test_pool_search);
    suite_add_tcase(suite, curtois);
    suite_add_tcase(suite, models);
    return suite;
}

int
main(void)
{
    return test_run_suite(incremental_suite());
}
