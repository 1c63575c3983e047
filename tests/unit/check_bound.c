/* SPDX-License-Identifier: MIT */
/* check_bound.c: the Lagrangian lower bound of the price ascent. */
#include "config.h"

#include <string.h>

#include "solver/solver-private.h"
#include "testhelp.h"

#define SCALE 64

/*
 * The price ascent (every round: no deadline) proves a bound no higher
 * than the optimum of Instance1 and 2 (607 and 828, proved by CBC), and
 * not far below it on Instance2 (825 at the time of writing).
 */
START_TEST(test_ascent_bound)
{
    static const char *const files[] = {"tests/data/curtois/Instance1.txt",
                                        "tests/data/curtois/Instance2.txt"};
    static const gint64 optimum[] = {607, 828}, at_least[] = {500, 800};
    g_autoptr(RotaModel) model = test_load_curtois(files[_i]);
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    RotapDp *dp = rotap_dp_new(data);
    gboolean has_bound = FALSE;
    gint64 bound = -1;
    RotapPool *pool;
    RotapRng rng;

    ck_assert(rotap_bound_applies(data));
    rotap_rng_seed(&rng, 4, 0);
    rotap_construct(st, &rng);
    pool = rotap_dual_pool(st, dp, &rng, NULL, 0, NULL, &has_bound, &bound);
    ck_assert_ptr_nonnull(pool);
    ck_assert(has_bound);
    ck_assert_int_le(bound, optimum[_i]);
    ck_assert_int_ge(bound, at_least[_i]);
    rotap_pool_free(pool);
    rotap_dp_free(dp);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/* The cell term by its definition: the least scale cover(y) - price y
 * over 0 <= y <= n_people, cover from the duty's min, under and over. */
static gint64
cell_term(const RotaModel *model, int c, gint64 price, int n_people)
{
    const RotapDuty *duty = &model->duties[model->cells[c].duty];
    gint64 best = G_MAXINT64;

    for (int y = 0; y <= n_people; y++) {
        gint64 cover = y < duty->min ? (gint64)duty->under * (duty->min - y)
                                     : (gint64)duty->over * (y - duty->min);

        best = MIN(best, SCALE * cover - price * y);
    }
    return best;
}

/*
 * The person term by enumeration, on Instance1 (one shift, 14 days): each
 * person alone in an empty roster tries all 2^14 schedules (Gray code, a
 * day at a time); a schedule is feasible when the hard count is the least
 * any schedule reaches (every person of Instance1 has a feasible one and
 * the others stay empty), and costs its requests (scale times) and the
 * prices of its places.
 */
static gint64
person_term(RotapState *st, int p, const gint64 *prices)
{
    const RotapSolverData *data = st->data;
    int n = data->n_days, least = G_MAXINT;
    g_autofree int *hard = g_new(int, 1 << n);
    g_autofree gint64 *cost = g_new(gint64, 1 << n);
    gint64 best = G_MAXINT64;
    guint mask = 0;

    rotap_state_reset(st);
    for (guint i = 0; i < (1u << n); i++) {
        guint gray = i ^ (i >> 1);
        gint64 c = 0;

        if (i > 0) {
            int d = __builtin_ctz(gray ^ mask);
            int cell = data->day_shift_cell[d * data->model->n_shifts];

            rotap_state_set(st, p, d, gray >> d & 1 ? cell : ROTAP_NONE);
        }
        mask = gray;
        for (int d = 0; d < n; d++) {
            int v = st->x[p * n + d];

            c += rotap_request_cost(data, p * n + d, v) * SCALE;
            if (v != ROTAP_NONE)
                c += prices[v];
        }
        hard[gray] = st->cost.hard;
        cost[gray] = c;
        least = MIN(least, st->cost.hard);
    }
    for (guint g = 0; g < (1u << n); g++)
        if (hard[g] == least)
            best = MIN(best, cost[g]);
    return best;
}

/* rotap_bound_at_prices() is exactly the Lagrangian function at prices:
 * persons' priced minima plus the cells' terms, rounded up. */
START_TEST(test_bound_is_lagrangian)
{
    g_autoptr(RotaModel) model = test_load_curtois("tests/data/curtois/Instance1.txt");
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    g_autofree gint64 *prices = g_new(gint64, data->n_cells);
    int positive = 0;
    RotapRng rng;

    ck_assert_int_eq(model->n_shifts, 1);
    rotap_rng_seed(&rng, 12, 0);
    for (int round = 0; round < 10; round++) {
        gint64 total = 0, bound = -1;
        gboolean has;

        /* rewards from nothing to nine tenths of the cover's under weight,
         * and a few units of noise: the total is negative (no bound) at
         * first, positive later; one cell in 24 charged instead */
        for (int c = 0; c < data->n_cells; c++) {
            const RotapDuty *duty = &model->duties[model->cells[c].duty];

            prices[c] = -(gint64)(duty->under * SCALE * (0.1 * round)) -
                        rotap_rng_below(&rng, SCALE * 4);
            if (rotap_rng_below(&rng, 24) == 0) /* a charge past over: y at most */
                prices[c] = (gint64)duty->over * SCALE * 2;
        }
        for (int p = 0; p < data->n_people; p++)
            total += person_term(st, p, prices);
        for (int c = 0; c < data->n_cells; c++)
            total += cell_term(model, c, prices[c], data->n_people);
        has = rotap_bound_at_prices(st, prices, SCALE, &bound);
        ck_assert_msg(has == (total > 0), "round %d: total %" G_GINT64_FORMAT, round,
                      total);
        if (has) {
            ck_assert_int_eq(bound, (total + SCALE - 1) / SCALE);
            ck_assert_int_le(bound, 607);
            positive++;
        }
    }
    ck_assert_int_ge(positive, 3);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

/* No bound where the soft score holds more than cover and requests. */
START_TEST(test_bound_not_applied)
{
    g_autoptr(RotaModel) county = test_load_model("tests/data/cli/small-model.json");
    RotapSolverData *data = rotap_solver_data_new(county, NULL, NULL);

    ck_assert(!rotap_bound_applies(data));
    rotap_solver_data_free(data);
}
END_TEST

/*
 * The searches of one run share the ascent's go-ahead: a search follows
 * a verdict another search has given (-1: stop after the first timed
 * rounds, with no pool), and the first to judge gives its own (here 1:
 * with an hour to go, Instance1's rounds fit their share).
 */
START_TEST(test_shared_verdict)
{
    g_autoptr(RotaModel) model = test_load_curtois("tests/data/curtois/Instance1.txt");
    RotapSolverData *data = rotap_solver_data_new(model, NULL, NULL);
    RotapState *st = rotap_state_new(data, NULL);
    RotapDp *dp = rotap_dp_new(data);
    gint64 deadline = g_get_monotonic_time() + (gint64)3600 * G_USEC_PER_SEC, bound;
    gboolean has_bound;
    gint verdict = -1;
    RotapPool *pool;
    RotapRng rng;

    rotap_rng_seed(&rng, 4, 0);
    rotap_construct(st, &rng);
    ck_assert_ptr_null(rotap_dual_pool(st, dp, &rng, NULL, deadline, &verdict, &has_bound,
                                       &bound));
    ck_assert_int_eq(verdict, -1);
    verdict = 0;
    pool = rotap_dual_pool(st, dp, &rng, NULL, deadline, &verdict, &has_bound, &bound);
    ck_assert_ptr_nonnull(pool);
    ck_assert_int_eq(verdict, 1);
    rotap_pool_free(pool);
    rotap_dp_free(dp);
    rotap_state_free(st);
    rotap_solver_data_free(data);
}
END_TEST

static Suite *
bound_suite(void)
{
    Suite *s = suite_create("bound");
    TCase *tc = tcase_create("bound");

    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_ascent_bound, 0, 2);
    tcase_add_test(tc, test_bound_is_lagrangian);
    tcase_add_test(tc, test_bound_not_applied);
    tcase_add_test(tc, test_shared_verdict);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return test_run_suite(bound_suite());
}
