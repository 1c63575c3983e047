/* SPDX-License-Identifier: MIT */
/* check_roster.c: the roster type, its checks and order, and roster.json in and out. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "score-private.h"
#include "roster-fixture.h"
#include "testhelp.h"

static RotaModel *model;

static void
setup(void)
{
    model = test_roster_model(TRUE);
}

static void
teardown(void)
{
    g_clear_pointer(&model, rota_model_unref);
}

static int
idx(int (*finder)(const RotaModel *, const char *), const char *id)
{
    int i = finder(model, id);

    ck_assert_msg(i >= 0, "no such id %s", id);
    return i;
}

/* An assignment by ids, assumed valid; duty "onsite" is the on-site hour. */
static RotaAssignment
asg(const char *date, const char *shift, const char *segment, const char *person,
    const char *duty)
{
    RotaAssignment a = {0};

    a.day = rota_model_find_day(model, date);
    ck_assert_int_ge(a.day, 0);
    a.shift = idx(rota_model_find_shift, shift);
    a.segment = idx(rota_model_find_segment, segment);
    a.person = idx(rota_model_find_person, person);
    a.duty =
        strcmp(duty, "onsite") == 0 ? ROTA_DUTY_ONSITE : idx(rota_model_find_duty, duty);
    return a;
}

static void
add_ok(RotaRoster *roster, const char *date, const char *shift, const char *segment,
       const char *person, const char *duty)
{
    g_autoptr(GError) error = NULL;

    ck_assert_msg(
        rota_roster_add_by_id(roster, date, shift, segment, person, duty, &error),
        "add %s %s %s %s %s: %s", date, shift, segment, person, duty,
        error ? error->message : "?");
}

/* "date shift segment person duty[ L]" of assignment i, for comparisons. */
static char *
describe(const RotaRoster *roster, int i)
{
    const RotaAssignment *a = rota_roster_get_assignment(roster, i);
    g_autofree char *date = rota_model_dup_date(model, a->day);

    return g_strdup_printf(
        "%s %s %s %s %s%s", date, rota_model_get_shift_id(model, a->shift),
        rota_model_get_segment_id(model, a->segment),
        rota_model_get_person_id(model, a->person),
        a->duty == ROTA_DUTY_ONSITE ? "onsite" : rota_model_get_duty_id(model, a->duty),
        a->locked ? " L" : "");
}

/* ------------------------------------------------------------------ core */

START_TEST(test_new_free)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);

    ck_assert_ptr_eq(rota_roster_get_model(roster), model);
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 0);
    ck_assert_uint_eq(rota_roster_get_seed(roster), 0);
    ck_assert_ptr_null(rota_roster_get_model_sha256(roster));
    rota_roster_set_seed(roster, G_GUINT64_CONSTANT(18446744073709551615));
    ck_assert_uint_eq(rota_roster_get_seed(roster), G_MAXUINT64);
    rota_roster_free(NULL);
}
END_TEST

START_TEST(test_roster_holds_model)
{
    RotaModel *m = test_roster_model(FALSE);
    RotaRoster *roster = rota_roster_new(m);

    /* The roster's reference keeps the model alive. */
    rota_model_unref(m);
    ck_assert_int_eq(rota_model_get_n_people(rota_roster_get_model(roster)), 5);
    rota_roster_free(roster);
}
END_TEST

START_TEST(test_add_and_get)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autoptr(GError) error = NULL;
    RotaAssignment a = asg("2026-12-02", "am", "S010", "P0010", "rush-am");
    const RotaAssignment *got;

    a.locked = TRUE;
    ck_assert(rota_roster_add(roster, &a, &error));
    add_ok(roster, "2026-12-01", "onsite", "S002", "P0001", "onsite");
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 2);
    got = rota_roster_get_assignment(roster, 0);
    ck_assert_int_eq(got->day, 1);
    ck_assert_int_eq(got->shift, rota_model_find_shift(model, "am"));
    ck_assert_int_eq(got->segment, rota_model_find_segment(model, "S010"));
    ck_assert_int_eq(got->person, rota_model_find_person(model, "P0010"));
    ck_assert_int_eq(got->duty, rota_model_find_duty(model, "rush-am"));
    ck_assert(got->locked);
    got = rota_roster_get_assignment(roster, 1);
    ck_assert_int_eq(got->duty, ROTA_DUTY_ONSITE);
    ck_assert_int_eq(got->shift, rota_model_get_onsite_shift(model));
    ck_assert(!got->locked);
}
END_TEST

/* Eligibility, availability and double booking are the evaluator's. */
START_TEST(test_add_allows_broken_rules)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);

    add_ok(roster, "2026-12-01", "am", "S001", "P0100", "rush-am");
    add_ok(roster, "2026-12-01", "am", "S001", "P0100", "rush-am");
    add_ok(roster, "2026-12-01", "pm", "S001", "P0100", "clean-pm");
    add_ok(roster, "2026-12-01", "onsite", "S001", "P0003", "onsite");
    add_ok(roster, "2026-12-01", "onsite", "S001", "P0003", "desk");
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 5);
}
END_TEST

START_TEST(test_copy)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autoptr(RotaRoster) copy = NULL;
    g_autofree char *first = NULL, *second = NULL;

    add_ok(roster, "2026-12-03", "am", "S001", "P0003", "rush-am");
    add_ok(roster, "2026-12-01", "pm", "S001", "P0002", "clean-pm");
    rota_roster_set_seed(roster, 42);
    rota_roster_set_solver_info(roster, 4, 99);
    copy = rota_roster_copy(roster);
    ck_assert_ptr_eq(rota_roster_get_model(copy), model);
    ck_assert_int_eq(rota_roster_get_n_assignments(copy), 2);
    ck_assert_uint_eq(rota_roster_get_seed(copy), 42);
    ck_assert(copy->has_solver_info);
    ck_assert_int_eq(copy->threads, 4);
    ck_assert_uint_eq(copy->moves, 99);
    first = describe(copy, 0);
    ck_assert_str_eq(first, "2026-12-03 am S001 P0003 rush-am");
    add_ok(copy, "2026-12-02", "am", "S001", "P0003", "rush-am");
    rota_roster_sort(copy);
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 2);
    second = describe(roster, 0);
    ck_assert_str_eq(second, "2026-12-03 am S001 P0003 rush-am");
}
END_TEST

/* ------------------------------------------------------------------ add errors */

static void
assert_add_fails(RotaAssignment a, const char *expected)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    GError *error = NULL;

    ck_assert(!rota_roster_add(roster, &a, &error));
    ck_assert_ptr_nonnull(error);
    ck_assert_int_eq(error->code, ROTA_ERROR_INVALID);
    ck_assert_str_eq(error->message, expected);
    g_error_free(error);
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 0);
}

START_TEST(test_add_index_errors)
{
    RotaAssignment a = asg("2026-12-01", "am", "S001", "P0003", "rush-am");
    RotaAssignment b;

    b = a;
    b.day = 7;
    assert_add_fails(b, "day 7 is out of range (the model has 7 days)");
    b = a;
    b.day = -1;
    assert_add_fails(b, "day -1 is out of range (the model has 7 days)");
    b = a;
    b.shift = 5;
    assert_add_fails(b, "shift 5 is out of range (the model has 5 shifts)");
    b = a;
    b.segment = 4;
    assert_add_fails(b, "segment 4 is out of range (the model has 4 segments)");
    b = a;
    b.person = -3;
    assert_add_fails(b, "person -3 is out of range (the model has 5 people)");
    b = a;
    b.duty = 6;
    assert_add_fails(b, "duty 6 is out of range (the model has 6 duties)");
    b = a;
    b.duty = -3;
    assert_add_fails(b, "duty -3 is out of range (the model has 6 duties)");
}
END_TEST

START_TEST(test_add_cell_errors)
{
    assert_add_fails(asg("2026-12-01", "pm", "S001", "P0003", "rush-am"),
                     "duty \"rush-am\" is on shift \"am\", not \"pm\"");
    assert_add_fails(asg("2026-12-05", "am", "S001", "P0003", "rush-am"),
                     "duty \"rush-am\" does not run on 2026-12-05 at S001");
    assert_add_fails(asg("2026-12-01", "pm", "S002", "P0003", "clean-pm"),
                     "duty \"clean-pm\" does not run on 2026-12-01 at S002");
    assert_add_fails(asg("2026-12-04", "dawn", "S002", "P0003", "patrol"),
                     "duty \"patrol\" does not run on 2026-12-04 at S002");
}
END_TEST

START_TEST(test_add_onsite_errors)
{
    g_autoptr(RotaModel) plain = test_roster_model(FALSE);
    g_autoptr(RotaRoster) roster = rota_roster_new(plain);
    RotaAssignment a = asg("2026-12-01", "onsite", "S001", "P0001", "onsite");
    g_autoptr(GError) error = NULL;

    assert_add_fails(asg("2026-12-01", "am", "S001", "P0001", "onsite"),
                     "duty \"onsite\" is on shift \"onsite\", not \"am\"");
    assert_add_fails(asg("2026-12-06", "onsite", "S001", "P0001", "onsite"),
                     "duty \"onsite\" does not run on 2026-12-06");
    assert_add_fails(asg("2026-12-01", "onsite", "S003", "P0001", "onsite"),
                     "duty \"onsite\" does not run at S003: no unit adopts it");
    ck_assert(!rota_roster_add(roster, &a, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "duty \"onsite\": the model has no on-site rule");
}
END_TEST

static void
assert_add_by_id_fails(const char *date, const char *shift, const char *segment,
                       const char *person, const char *duty, const char *expected)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    GError *error = NULL;

    ck_assert(!rota_roster_add_by_id(roster, date, shift, segment, person, duty, &error));
    ck_assert_ptr_nonnull(error);
    ck_assert_int_eq(error->code, ROTA_ERROR_INVALID);
    ck_assert_str_eq(error->message, expected);
    g_error_free(error);
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 0);
}

START_TEST(test_add_by_id_errors)
{
    assert_add_by_id_fails("2026-12-01", "am", "S001", "P9", "rush-am",
                           "unknown person \"P9\"");
    assert_add_by_id_fails("2026-12-01", "noon", "S001", "P0003", "rush-am",
                           "unknown shift \"noon\"");
    assert_add_by_id_fails("2026-12-01", "am", "S999", "P0003", "rush-am",
                           "unknown segment \"S999\"");
    assert_add_by_id_fails("2026-12-01", "am", "S001", "P0003", "rush",
                           "unknown duty \"rush\"");
    assert_add_by_id_fails("2026-12-1", "am", "S001", "P0003", "rush-am",
                           "bad date \"2026-12-1\" (expected YYYY-MM-DD)");
    assert_add_by_id_fails("2027-01-05", "am", "S001", "P0003", "rush-am",
                           "2027-01-05 is outside the horizon 2026-12-01..2026-12-07");
    assert_add_by_id_fails("2026-11-30", "am", "S001", "P0003", "rush-am",
                           "2026-11-30 is outside the horizon 2026-12-01..2026-12-07");
    /* Ids are exact: no case folding, no trimming. */
    assert_add_by_id_fails("2026-12-01", "am", "S001", "p0003", "rush-am",
                           "unknown person \"p0003\"");
    assert_add_by_id_fails("2026-12-01", "am", "S001", "P0003", "Onsite",
                           "unknown duty \"Onsite\"");
    assert_add_by_id_fails("2026-12-06", "am", "S001", "P0003", "rush-am",
                           "duty \"rush-am\" does not run on 2026-12-06 at S001");
}
END_TEST

/* ------------------------------------------------------------------ order */

START_TEST(test_sort_order)
{
    /* clang-format off */
    static const char *const expected[] = {
        "2026-12-01 x-early S003 P0100 sweep",
        "2026-12-01 am S001 P0002 rush-am",
        "2026-12-01 am S001 P0003 inspect",
        "2026-12-01 am S001 P0003 rush-am",
        "2026-12-01 am S010 P0010 rush-am",
        "2026-12-01 onsite S001 P0001 onsite",
        "2026-12-01 onsite S001 P0001 desk",
        "2026-12-01 onsite S001 P0001 desk L",
        "2026-12-01 onsite S002 P0002 onsite",
        "2026-12-01 pm S001 P0003 clean-pm",
        "2026-12-02 am S001 P0003 rush-am",
        "2026-12-05 dawn S002 P0003 patrol",
    };
    /* clang-format on */
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    RotaAssignment locked = asg("2026-12-01", "onsite", "S001", "P0001", "desk");

    locked.locked = TRUE;
    add_ok(roster, "2026-12-05", "dawn", "S002", "P0003", "patrol");
    add_ok(roster, "2026-12-01", "pm", "S001", "P0003", "clean-pm");
    ck_assert(rota_roster_add(roster, &locked, NULL));
    add_ok(roster, "2026-12-01", "onsite", "S001", "P0001", "desk");
    add_ok(roster, "2026-12-01", "onsite", "S002", "P0002", "onsite");
    add_ok(roster, "2026-12-01", "am", "S010", "P0010", "rush-am");
    add_ok(roster, "2026-12-02", "am", "S001", "P0003", "rush-am");
    add_ok(roster, "2026-12-01", "am", "S001", "P0003", "rush-am");
    add_ok(roster, "2026-12-01", "onsite", "S001", "P0001", "onsite");
    add_ok(roster, "2026-12-01", "am", "S001", "P0003", "inspect");
    add_ok(roster, "2026-12-01", "am", "S001", "P0002", "rush-am");
    add_ok(roster, "2026-12-01", "x-early", "S003", "P0100", "sweep");
    rota_roster_sort(roster);
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), G_N_ELEMENTS(expected));
    for (int i = 0; i < rota_roster_get_n_assignments(roster); i++) {
        g_autofree char *text = describe(roster, i);

        ck_assert_str_eq(text, expected[i]);
    }
}
END_TEST

/* Ids order as byte strings: "S010" < "S1" although 10 > 1, and the
 * shift with the earlier start comes first whatever its id. */
START_TEST(test_compare)
{
    RotaAssignment a = asg("2026-12-01", "am", "S001", "P0003", "rush-am");
    RotaAssignment b = asg("2026-12-01", "dawn", "S001", "P0003", "rush-am");
    RotaAssignment c = asg("2026-12-01", "x-early", "S003", "P0100", "sweep");
    RotaAssignment d = asg("2026-12-02", "x-early", "S003", "P0100", "sweep");
    RotaAssignment e = a;

    ck_assert_int_lt(rotap_assignment_compare(&a, &b, model), 0);
    ck_assert_int_gt(rotap_assignment_compare(&b, &a, model), 0);
    ck_assert_int_lt(rotap_assignment_compare(&c, &a, model), 0);
    ck_assert_int_lt(rotap_assignment_compare(&a, &d, model), 0);
    ck_assert_int_eq(rotap_assignment_compare(&a, &e, model), 0);
    e.locked = TRUE;
    ck_assert_int_lt(rotap_assignment_compare(&a, &e, model), 0);
}
END_TEST

/* rota_roster_sort ranks ids; rotap_assignment_compare compares strings:
 * on a large pseudo-random roster both must agree everywhere. */
START_TEST(test_sort_agrees_with_compare)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autoptr(GRand) rand = g_rand_new_with_seed(7);
    int n_days = rota_model_get_n_days(model);
    int added = 0;

    while (added < 3000) {
        RotaAssignment a = {0};

        a.day = g_rand_int_range(rand, 0, n_days);
        a.segment = g_rand_int_range(rand, 0, rota_model_get_n_segments(model));
        a.person = g_rand_int_range(rand, 0, rota_model_get_n_people(model));
        a.duty = g_rand_int_range(rand, -1, rota_model_get_n_duties(model));
        if (a.duty < 0)
            a.duty = ROTA_DUTY_ONSITE;
        a.shift = a.duty < 0 ? rota_model_get_onsite_shift(model)
                             : rota_model_get_duty_shift(model, a.duty);
        a.locked = g_rand_boolean(rand);
        if (rota_roster_add(roster, &a, NULL))
            added++;
    }
    rota_roster_sort(roster);
    for (int i = 1; i < added; i++)
        ck_assert_int_le(
            rotap_assignment_compare(rota_roster_get_assignment(roster, i - 1),
                                     rota_roster_get_assignment(roster, i), model),
            0);
}
END_TEST

/* ------------------------------------------------------------------ JSON out */

static RotaRoster *
make_small_roster(void)
{
    RotaRoster *roster = rota_roster_new(model);
    RotaAssignment locked = asg("2026-12-02", "am", "S010", "P0010", "rush-am");

    locked.locked = TRUE;
    add_ok(roster, "2026-12-05", "dawn", "S002", "P0003", "patrol");
    add_ok(roster, "2026-12-01", "onsite", "S002", "P0001", "onsite");
    add_ok(roster, "2026-12-01", "am", "S001", "P0003", "rush-am");
    ck_assert(rota_roster_add(roster, &locked, NULL));
    add_ok(roster, "2026-12-01", "x-early", "S003", "P0100", "sweep");
    rota_roster_set_seed(roster, 1);
    rota_roster_set_solver_info(roster, 2, G_GUINT64_CONSTANT(1843321));
    return roster;
}

START_TEST(test_to_data_layout)
{
    g_autoptr(RotaRoster) roster = make_small_roster();
    g_autofree char *expected =
        test_read_srcdir_file("tests/data/roster/small.json", NULL);
    g_autofree char *first = describe(roster, 0);
    g_autofree char *again = NULL;
    g_autofree char *text = NULL;
    gsize length = 0;

    text = rota_roster_to_data(roster, NULL, &length);
    ck_assert_str_eq(text, expected);
    ck_assert_uint_eq(length, strlen(text));
    /* Writing sorts a copy, never the roster itself. */
    again = describe(roster, 0);
    ck_assert_str_eq(again, first);
    ck_assert_str_eq(first, "2026-12-05 dawn S002 P0003 patrol");
}
END_TEST

START_TEST(test_to_data_empty)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autofree char *text = rota_roster_to_data(roster, NULL, NULL);

    ck_assert_str_eq(text, "{\n"
                           "  \"format\": \"rota-roster\",\n"
                           "  \"version\": 1,\n"
                           "  \"model\": \"测试县 2026年12月\",\n"
                           "  \"seed\": 0,\n"
                           "  \"assignments\": []\n"
                           "}\n");
}
END_TEST

static RotaRoster *
read_ok(const char *text)
{
    g_autoptr(GError) error = NULL;
    RotaRoster *roster =
        rota_roster_new_from_data(model, text, strlen(text), "roster.json", &error);

    ck_assert_msg(roster != NULL, "read: %s", error ? error->message : "?");
    return roster;
}

START_TEST(test_round_trip)
{
    g_autoptr(RotaRoster) roster = make_small_roster();
    g_autofree char *first = rota_roster_to_data(roster, NULL, NULL);
    g_autoptr(RotaRoster) back = read_ok(first);
    g_autofree char *second = rota_roster_to_data(back, NULL, NULL);
    const RotaAssignment *a;

    ck_assert_str_eq(second, first);
    ck_assert_int_eq(rota_roster_get_n_assignments(back), 5);
    ck_assert_uint_eq(rota_roster_get_seed(back), 1);
    ck_assert_int_eq(back->threads, 2);
    ck_assert_uint_eq(back->moves, 1843321);
    /* Read in file order: the on-site hour is third, the locked one fourth. */
    a = rota_roster_get_assignment(back, 2);
    ck_assert_int_eq(a->duty, ROTA_DUTY_ONSITE);
    ck_assert(!a->locked);
    a = rota_roster_get_assignment(back, 3);
    ck_assert(a->locked);
    ck_assert_int_eq(a->person, rota_model_find_person(model, "P0010"));
}
END_TEST

START_TEST(test_round_trip_random)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autoptr(GRand) rand = g_rand_new_with_seed(11);
    g_autofree char *first = NULL, *second = NULL;
    g_autoptr(RotaRoster) back = NULL;

    for (int i = 0; i < 500; i++) {
        RotaAssignment a = {0};

        a.day = g_rand_int_range(rand, 0, rota_model_get_n_days(model));
        a.segment = g_rand_int_range(rand, 0, rota_model_get_n_segments(model));
        a.person = g_rand_int_range(rand, 0, rota_model_get_n_people(model));
        a.duty = g_rand_int_range(rand, -1, rota_model_get_n_duties(model));
        if (a.duty < 0)
            a.duty = ROTA_DUTY_ONSITE;
        a.shift = a.duty < 0 ? rota_model_get_onsite_shift(model)
                             : rota_model_get_duty_shift(model, a.duty);
        a.locked = g_rand_int_range(rand, 0, 4) == 0;
        rota_roster_add(roster, &a, NULL);
    }
    rota_roster_set_seed(roster, G_MAXUINT64);
    first = rota_roster_to_data(roster, NULL, NULL);
    back = read_ok(first);
    ck_assert_int_eq(rota_roster_get_n_assignments(back),
                     rota_roster_get_n_assignments(roster));
    ck_assert_uint_eq(rota_roster_get_seed(back), G_MAXUINT64);
    second = rota_roster_to_data(back, NULL, NULL);
    ck_assert_str_eq(second, first);
}
END_TEST

/* With a score, "score" goes before the assignments and "violations"
 * after them, both as the score's appenders lay them out; reading such a
 * file drops both (they are derived) and keeps everything else. */
START_TEST(test_to_data_with_score)
{
    g_autoptr(RotaRoster) roster = make_small_roster();
    g_autoptr(RotaScore) score = rota_score_new(roster, NULL);
    g_autofree char *without = rota_roster_to_data(roster, NULL, NULL);
    g_autofree char *with = rota_roster_to_data(roster, score, NULL);
    g_autofree char *reread = NULL;
    g_autoptr(RotaRoster) back = NULL;
    GString *expected = g_string_new(NULL);
    const char *split = strstr(without, "  \"assignments\"");
    gsize tail = strlen(without) - strlen("\n}\n");

    ck_assert_ptr_nonnull(split);
    ck_assert_int_gt(rota_score_get_n_violations(score), 0);
    g_string_append_len(expected, without, split - without);
    g_string_append(expected, "  \"score\": ");
    rotap_score_append_json(expected, score, 4);
    g_string_append(expected, ",\n");
    g_string_append_len(expected, split, (gssize)(tail - (gsize)(split - without)));
    g_string_append(expected, ",\n  \"violations\": ");
    rotap_violations_append_json(expected, score, 4);
    g_string_append(expected, "\n}\n");
    ck_assert_str_eq(with, expected->str);
    g_string_free(expected, TRUE);

    back = read_ok(with);
    reread = rota_roster_to_data(back, NULL, NULL);
    ck_assert_str_eq(reread, without);
}
END_TEST

/* "score" and "violations" are derived: any content is accepted and
 * dropped; "model_sha256" is kept for the caller to compare. */
START_TEST(test_read_ignores_derived)
{
    g_autofree char *text =
        test_read_srcdir_file("tests/data/roster/with-score.json", NULL);
    g_autoptr(RotaRoster) roster = read_ok(text);
    g_autofree char *out = rota_roster_to_data(roster, NULL, NULL);

    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 2);
    ck_assert_str_eq(rota_roster_get_model_sha256(roster),
                     "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    ck_assert_uint_eq(rota_roster_get_seed(roster), 7);
    ck_assert(!roster->has_solver_info);
    /* A builder model has no checksum: none is written. */
    ck_assert_ptr_null(strstr(out, "model_sha256"));
    ck_assert_ptr_null(strstr(out, "score"));
}
END_TEST

/* Optional members may be left out; "locked": false is the default. */
START_TEST(test_read_minimal)
{
    g_autoptr(RotaRoster) roster =
        read_ok("{\"format\":\"rota-roster\",\"version\":1,\"assignments\":[{\"date\":"
                "\"2026-12-07\",\"shift\":\"am\",\"segment\":\"S002\",\"person\":"
                "\"P0002\",\"duty\":\"inspect\",\"locked\":false}]}");
    const RotaAssignment *a = rota_roster_get_assignment(roster, 0);

    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 1);
    ck_assert_int_eq(a->day, 6);
    ck_assert(!a->locked);
    ck_assert_uint_eq(rota_roster_get_seed(roster), 0);
}
END_TEST

/* ------------------------------------------------------------------ JSON errors */

/* Every directory of tests/data/roster/invalid holds roster.json and
 * expected: the exact message (line 1) and the code (line 2). */
static GPtrArray *invalid_cases;

static GPtrArray *
list_invalid_cases(void)
{
    g_autofree char *dir_path = test_srcdir_path("tests/data/roster/invalid");
    g_autoptr(GDir) dir = g_dir_open(dir_path, 0, NULL);
    GPtrArray *cases = g_ptr_array_new_with_free_func(g_free);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name(dir)) != NULL)
        g_ptr_array_add(cases, g_strdup(name));
    g_ptr_array_sort(cases, (GCompareFunc)g_strcmp0);
    return cases;
}

static int
code_from_name(const char *name)
{
    if (strcmp(name, "syntax") == 0)
        return ROTA_ERROR_SYNTAX;
    if (strcmp(name, "format") == 0)
        return ROTA_ERROR_FORMAT;
    if (strcmp(name, "invalid") == 0)
        return ROTA_ERROR_INVALID;
    ck_abort_msg("unknown code name \"%s\"", name);
    return -1;
}

START_TEST(test_invalid_case)
{
    const char *name = g_ptr_array_index(invalid_cases, _i);
    g_autofree char *input =
        g_strdup_printf("tests/data/roster/invalid/%s/roster.json", name);
    g_autofree char *expect =
        g_strdup_printf("tests/data/roster/invalid/%s/expected", name);
    gsize length = 0;
    g_autofree char *text = test_read_srcdir_file(input, &length);
    g_autofree char *expected = test_read_srcdir_file(expect, NULL);
    g_auto(GStrv) lines = g_strsplit(expected, "\n", 3);
    g_autoptr(GError) error = NULL;
    RotaRoster *roster;

    ck_assert_msg(lines[0] != NULL && lines[1] != NULL, "%s: bad expected file", name);
    roster = rota_roster_new_from_data(model, text, length, "roster.json", &error);
    ck_assert_msg(roster == NULL, "%s: loaded, expected an error", name);
    ck_assert_msg(error != NULL && error->domain == ROTA_ERROR, "%s: no rota error",
                  name);
    ck_assert_msg(strcmp(error->message, lines[0]) == 0,
                  "%s:\n got:      %s\n expected: %s", name, error->message, lines[0]);
    ck_assert_msg(error->code == code_from_name(lines[1]), "%s: code %d, expected %s",
                  name, error->code, lines[1]);
}
END_TEST

START_TEST(test_invalid_count)
{
    ck_assert_int_ge(invalid_cases->len, 40);
}
END_TEST

START_TEST(test_read_file)
{
    g_autofree char *path = test_srcdir_path("tests/data/roster/small.json");
    g_autofree char *missing = test_srcdir_path("tests/data/roster/no-such.json");
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRoster) roster = rota_roster_new_from_file(model, path, &error);
    g_autofree char *prefix = g_strdup_printf("%s: cannot read: ", missing);

    ck_assert_msg(roster != NULL, "%s", error ? error->message : "?");
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 5);
    ck_assert_ptr_null(rota_roster_new_from_file(model, missing, &error));
    test_assert_error(&error, ROTA_ERROR_IO, prefix);
}
END_TEST

/* A message names the file as the caller gave it. */
START_TEST(test_read_file_positions)
{
    g_autofree char *path =
        test_srcdir_path("tests/data/roster/invalid/unknown-person/roster.json");
    g_autoptr(GError) error = NULL;
    g_autofree char *prefix = g_strdup_printf("%s:15:7: assignments[3].person: ", path);

    ck_assert_ptr_null(rota_roster_new_from_file(model, path, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, prefix);
}
END_TEST

/* ------------------------------------------------------------------ save */

START_TEST(test_save)
{
    g_autoptr(RotaRoster) roster = make_small_roster();
    g_autofree char *dir = g_dir_make_tmp("check_roster-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "roster.json", NULL);
    g_autofree char *expected = rota_roster_to_data(roster, NULL, NULL);
    g_autofree char *written = NULL;
    g_autoptr(GError) error = NULL;

    ck_assert_ptr_nonnull(dir);
    ck_assert(g_file_set_contents(path, "old", -1, NULL));
    ck_assert_msg(rota_roster_save(roster, NULL, path, &error), "%s",
                  error ? error->message : "?");
    ck_assert(g_file_get_contents(path, &written, NULL, NULL));
    ck_assert_str_eq(written, expected);
    g_unlink(path);
    ck_assert_int_eq(g_rmdir(dir), 0);
}
END_TEST

START_TEST(test_save_missing_dir)
{
    g_autoptr(RotaRoster) roster = make_small_roster();
    g_autofree char *dir = g_dir_make_tmp("check_roster-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "missing", "roster.json", NULL);
    g_autofree char *prefix = g_strdup_printf("%s: ", path);
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) listing = NULL;

    ck_assert(!rota_roster_save(roster, NULL, path, &error));
    test_assert_error(&error, ROTA_ERROR_IO, prefix);
    listing = g_dir_open(dir, 0, NULL);
    ck_assert_ptr_nonnull(listing);
    ck_assert_ptr_null(g_dir_read_name(listing));
    ck_assert_int_eq(g_rmdir(dir), 0);
}
END_TEST

static Suite *
roster_suite(void)
{
    Suite *s = suite_create("roster");
    TCase *tc;

    tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_new_free);
    tcase_add_test(tc, test_roster_holds_model);
    tcase_add_test(tc, test_add_and_get);
    tcase_add_test(tc, test_add_allows_broken_rules);
    tcase_add_test(tc, test_copy);
    suite_add_tcase(s, tc);

    tc = tcase_create("add-errors");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_add_index_errors);
    tcase_add_test(tc, test_add_cell_errors);
    tcase_add_test(tc, test_add_onsite_errors);
    tcase_add_test(tc, test_add_by_id_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("order");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_sort_order);
    tcase_add_test(tc, test_compare);
    tcase_add_test(tc, test_sort_agrees_with_compare);
    suite_add_tcase(s, tc);

    tc = tcase_create("json");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_to_data_layout);
    tcase_add_test(tc, test_to_data_empty);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_round_trip_random);
    tcase_add_test(tc, test_to_data_with_score);
    tcase_add_test(tc, test_read_ignores_derived);
    tcase_add_test(tc, test_read_minimal);
    tcase_add_test(tc, test_read_file);
    tcase_add_test(tc, test_read_file_positions);
    suite_add_tcase(s, tc);

    tc = tcase_create("json-errors");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_invalid_case, 0, (int)invalid_cases->len);
    tcase_add_test(tc, test_invalid_count);
    suite_add_tcase(s, tc);

    tc = tcase_create("save");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_save);
    tcase_add_test(tc, test_save_missing_dir);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    int status;

    invalid_cases = list_invalid_cases();
    status = test_run_suite(roster_suite());
    g_ptr_array_unref(invalid_cases);
    return status;
}
