/* SPDX-License-Identifier: MIT */
/* check_api.c: librota as an application sees it, through <rota/rota.h> only. */
#include <glib/gstdio.h>
#include <rota/rota.h>
#include <stdlib.h>

#include "testhelp.h"

/* Two units, three segments, a night shift that crosses midnight. */
static RotaModel *
build_model(GError **error)
{
    g_autoptr(RotaBuilder) builder = rota_builder_new("接口测试", "2026-12-28", 7);
    int person, duty, unit;

    rota_builder_add_holiday(builder, "2027-01-01");
    rota_builder_add_shift(builder, "am", "早高峰疏导", "07:00", "09:00");
    rota_builder_add_shift(builder, "night", "夜间巡查", "22:00", "06:00");
    rota_builder_add_shift(builder, "onsite", "马路办公", "09:00", "10:00");
    rota_builder_add_segment(builder, "S1", "人民路(东风街—解放街)");
    rota_builder_add_segment(builder, "S2", "解放街(人民路—和平路)");
    rota_builder_add_segment(builder, "S3", "和平路");
    unit = rota_builder_add_unit(builder, "U1", "县住房和城乡建设局", "P1");
    rota_builder_add_unit_deputy(builder, unit, "P2");
    rota_builder_add_unit_segment(builder, unit, "S1");
    rota_builder_add_unit_segment(builder, unit, "S2");
    unit = rota_builder_add_unit(builder, "U2", "县教育局", "P4");
    rota_builder_add_unit_segment(builder, unit, "S3");
    rota_builder_add_person(builder, "P1", "王建国", "U1");
    rota_builder_add_person(builder, "P2", "李娜", "U1");
    person = rota_builder_add_person(builder, "P3", "张伟", "U1");
    rota_builder_add_person_tag(builder, person, "party");
    rota_builder_add_person_off(builder, person, "2026-12-30", NULL, NULL);
    rota_builder_add_person(builder, "P4", "刘洋", "U2");
    person = rota_builder_add_person(builder, "P5", "陈静", "U2");
    rota_builder_add_person_tag(builder, person, "party");
    duty = rota_builder_add_duty(builder, "rush-am", "am");
    rota_builder_set_duty_days(builder, duty, ROTA_DAYS_WORKDAYS);
    rota_builder_set_duty_min(builder, duty, 1);
    rota_builder_add_duty_quota(builder, duty, "party", 1);
    rota_builder_set_onsite(builder, "onsite", ROTA_DAYS_ALL);
    return rota_builder_steal_model(builder, error);
}

START_TEST(test_version)
{
    ck_assert(ROTA_CHECK_VERSION(0, 0, 0));
    ck_assert(!ROTA_CHECK_VERSION(ROTA_VERSION_MAJOR + 1, 0, 0));
    ck_assert_str_eq(rota_version_string(), ROTA_VERSION_STRING);
}
END_TEST

START_TEST(test_builder_model)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = build_model(&error);
    g_autofree char *date = NULL;

    ck_assert_msg(model != NULL, "%s", error ? error->message : "");
    ck_assert_str_eq(rota_model_get_name(model), "接口测试");
    ck_assert_str_eq(rota_model_get_timezone(model), "Asia/Shanghai");
    ck_assert_int_eq(rota_model_get_n_days(model), 7);
    date = rota_model_dup_date(model, 4);
    ck_assert_str_eq(date, "2027-01-01");
    /* Mon 28 .. Thu 31 are workdays; Fri 1 Jan is a holiday; Sat, Sun rest. */
    ck_assert(rota_model_is_workday(model, 3));
    ck_assert(!rota_model_is_workday(model, 4));
    ck_assert(!rota_model_is_workday(model, 5));
    ck_assert_int_eq(rota_model_get_shift_minutes(model, 1), 8 * 60);
    ck_assert_int_eq(rota_model_find_person(model, "P3"), 2);
    ck_assert_int_eq(rota_model_find_person(model, "P9"), ROTA_NOT_FOUND);
    ck_assert_int_eq(rota_model_get_segment_unit(model, 2), 1);
    ck_assert(rota_model_person_has_tag(model, 2, "party"));
    ck_assert(!rota_model_person_has_tag(model, 0, "party"));
    /* rush-am: 3 segments x 4 workdays. */
    ck_assert_int_eq(rota_model_get_n_cells(model), 12);
    ck_assert_int_eq(rota_model_get_n_places(model), 12);
    ck_assert_int_eq(rota_model_get_onsite_shift(model), 2);
}
END_TEST

START_TEST(test_builder_error)
{
    g_autoptr(RotaBuilder) builder = rota_builder_new("x", "2026-12-01", 3);
    g_autoptr(GError) error = NULL;

    rota_builder_add_person(builder, "P1", "甲", "U9");
    ck_assert(rota_builder_steal_model(builder, &error) == NULL);
    test_assert_error(&error, ROTA_ERROR_INVALID, "people[0].unit: ");
}
END_TEST

START_TEST(test_json_round_trip)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = build_model(&error);
    g_autoptr(RotaModel) again = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    gsize length = 0;

    ck_assert(model != NULL);
    first = rota_model_to_data(model, &length);
    again = rota_model_new_from_data(first, length, "memory.json", &error);
    ck_assert_msg(again != NULL, "%s", error ? error->message : "");
    second = rota_model_to_data(again, NULL);
    ck_assert_str_eq(first, second);
    ck_assert(rota_model_get_sha256(again) != NULL);
}
END_TEST

START_TEST(test_score_roster)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = build_model(&error);
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    gboolean found_off = FALSE;

    ck_assert(model != NULL);
    roster = rota_roster_new(model);
    ck_assert(rota_roster_add_by_id(roster, "2026-12-30", "am", "S1", "P3", "rush-am",
                                    &error));
    ck_assert(rota_roster_add_by_id(roster, "2026-12-28", "onsite", "S1", "P1", "onsite",
                                    &error));
    ck_assert(!rota_roster_add_by_id(roster, "2026-12-28", "am", "S1", "P9", "rush-am",
                                     &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "");
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 2);

    score = rota_score_new(roster, NULL);
    /* P3 is off on 12-30. */
    ck_assert_int_ge(rota_score_get_hard(score), 1);
    for (int i = 0; i < rota_score_get_n_violations(score); i++) {
        const RotaViolation *violation = rota_score_get_violation(score, i);

        if (g_strcmp0(violation->constraint, "off") == 0) {
            found_off = TRUE;
            ck_assert(violation->hard);
            ck_assert_int_eq(violation->person, 2);
            ck_assert_int_eq(violation->day, 2);
            ck_assert(violation->message != NULL && violation->message_zh != NULL);
        }
    }
    ck_assert(found_off);
    ck_assert_int_gt(rota_score_get_soft(score), 0);
}
END_TEST

START_TEST(test_roster_file_round_trip)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = build_model(&error);
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaRoster) again = NULL;
    g_autoptr(RotaScore) score = NULL;
    g_autofree char *dir = g_dir_make_tmp("rota-api-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "roster.json", NULL);
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    roster = rota_roster_new(model);
    ck_assert(rota_roster_add_by_id(roster, "2026-12-29", "am", "S3", "P5", "rush-am",
                                    &error));
    ck_assert(rota_roster_add_by_id(roster, "2026-12-28", "am", "S1", "P3", "rush-am",
                                    &error));
    score = rota_score_new(roster, NULL);
    ck_assert(rota_roster_save(roster, score, path, &error));
    again = rota_roster_new_from_file(model, path, &error);
    ck_assert_msg(again != NULL, "%s", error ? error->message : "");
    ck_assert_int_eq(rota_roster_get_n_assignments(again), 2);
    first = rota_roster_to_data(roster, score, NULL);
    second = rota_roster_to_data(again, score, NULL);
    ck_assert_str_eq(first, second);
    g_unlink(path);
    g_rmdir(dir);
}
END_TEST

START_TEST(test_free_null)
{
    rota_model_unref(NULL);
    rota_builder_free(NULL);
    rota_roster_free(NULL);
    rota_score_free(NULL);
}
END_TEST

START_TEST(test_missing_file)
{
    g_autoptr(GError) error = NULL;

    ck_assert(rota_model_new_from_file("/nonexistent/model.json", &error) == NULL);
    test_assert_error(&error, ROTA_ERROR_IO, "/nonexistent/model.json: ");
}
END_TEST

static Suite *
api_suite(void)
{
    Suite *suite = suite_create("api");
    TCase *core = tcase_create("core");
    TCase *files = tcase_create("files");

    tcase_add_test(core, test_version);
    tcase_add_test(core, test_builder_model);
    tcase_add_test(core, test_builder_error);
    tcase_add_test(core, test_score_roster);
    tcase_add_test(core, test_free_null);
    tcase_add_test(files, test_json_round_trip);
    tcase_add_test(files, test_roster_file_round_trip);
    tcase_add_test(files, test_missing_file);
    suite_add_tcase(suite, core);
    suite_add_tcase(suite, files);
    return suite;
}

int
main(void)
{
    return test_run_suite(api_suite());
}
