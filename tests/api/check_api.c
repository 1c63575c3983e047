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
    person = rota_builder_add_segment(builder, "S3", "和平路");
    rota_builder_set_segment_kind(builder, person, "compound");
    rota_builder_set_segment_grid(builder, person, "G07");
    rota_builder_set_segment_location(builder, person, "和平路小区北门");
    rota_builder_set_segment_geo(builder, person, 36.5, 118.25);
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
    rota_builder_add_person_tag(builder, person, "volunteer");
    rota_builder_add_person_tag(builder, person, "party");
    rota_builder_add_person_off(builder, person, "2026-12-30", NULL, NULL);
    rota_builder_add_person(builder, "P4", "刘洋", "U2");
    person = rota_builder_add_person(builder, "P5", "陈静", "U2");
    rota_builder_add_person_tag(builder, person, "party");
    duty = rota_builder_add_duty(builder, "rush-am", "am");
    rota_builder_set_duty_name(builder, duty, "早高峰疏导");
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

/* ------------------------------------------------------------ since 0.2 */

START_TEST(test_model_details)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = build_model(&error);
    double lat = -1, lon = -1;

    ck_assert_msg(model != NULL, "%s", error ? error->message : "");
    ck_assert_str_eq(rota_model_get_duty_name(model, 0), "早高峰疏导");
    ck_assert_str_eq(rota_model_get_segment_kind(model, 0), "road");
    ck_assert_str_eq(rota_model_get_segment_kind(model, 2), "compound");
    ck_assert_ptr_null(rota_model_get_segment_grid(model, 0));
    ck_assert_str_eq(rota_model_get_segment_grid(model, 2), "G07");
    ck_assert_ptr_null(rota_model_get_segment_location(model, 1));
    ck_assert_str_eq(rota_model_get_segment_location(model, 2), "和平路小区北门");
    ck_assert(!rota_model_get_segment_geo(model, 0, &lat, &lon));
    ck_assert(lat == 0.0 && lon == 0.0);
    ck_assert(rota_model_get_segment_geo(model, 2, &lat, &lon));
    ck_assert(lat == 36.5 && lon == 118.25);
    ck_assert(rota_model_get_segment_geo(model, 2, NULL, NULL));
    /* P3: party, volunteer, party -> two tags; P5: party; P1: none */
    ck_assert_int_eq(rota_model_get_n_person_tags(model, 2), 2);
    ck_assert_str_eq(rota_model_get_person_tag(model, 2, 0), "party");
    ck_assert_str_eq(rota_model_get_person_tag(model, 2, 1), "volunteer");
    ck_assert_int_eq(rota_model_get_n_person_tags(model, 4), 1);
    ck_assert_str_eq(rota_model_get_person_tag(model, 4, 0), "party");
    ck_assert_int_eq(rota_model_get_n_person_tags(model, 0), 0);
}
END_TEST

/* A duty without a name reads as its id. */
START_TEST(test_duty_name_default)
{
    g_autoptr(RotaBuilder) builder = rota_builder_new("x", "2026-12-01", 3);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(GError) error = NULL;

    rota_builder_add_shift(builder, "am", NULL, "07:00", "09:00");
    rota_builder_add_segment(builder, "S1", NULL);
    rota_builder_add_duty(builder, "sweep", "am");
    model = rota_builder_steal_model(builder, &error);
    ck_assert_msg(model != NULL, "%s", error ? error->message : "");
    ck_assert_str_eq(rota_model_get_duty_name(model, 0), "sweep");
}
END_TEST

static void
add_ok(RotaRoster *roster, const char *date, const char *shift, const char *segment,
       const char *person, const char *duty)
{
    g_autoptr(GError) error = NULL;

    ck_assert_msg(
        rota_roster_add_by_id(roster, date, shift, segment, person, duty, &error), "%s",
        error ? error->message : "");
}

START_TEST(test_roster_lookup)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = build_model(&error);
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autofree int *day = NULL, *segment = NULL, *person = NULL, *none = NULL;
    int n = -1;

    add_ok(roster, "2026-12-29", "am", "S3", "P5", "rush-am");
    add_ok(roster, "2026-12-28", "am", "S1", "P3", "rush-am");
    add_ok(roster, "2026-12-28", "onsite", "S1", "P1", "onsite");
    add_ok(roster, "2026-12-29", "am", "S1", "P3", "rush-am");

    day = rota_roster_dup_assignments_on_day(roster, 0, &n);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(day[0], 1);
    ck_assert_int_eq(day[1], 2);
    ck_assert_int_eq(day[2], -1);
    segment = rota_roster_dup_assignments_at_segment(roster, 0, &n);
    ck_assert_int_eq(n, 3);
    for (int k = 0; k < n; k++)
        ck_assert_int_eq(rota_roster_get_assignment(roster, segment[k])->segment, 0);
    person = rota_roster_dup_assignments_of_person(roster, 2, NULL);
    ck_assert_int_eq(person[0], 1);
    ck_assert_int_eq(person[1], 3);
    ck_assert_int_eq(person[2], -1);
    /* nobody on 2027-01-03, nothing at S2: an empty list, not NULL */
    none = rota_roster_dup_assignments_on_day(roster, 6, &n);
    ck_assert_ptr_nonnull(none);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(none[0], -1);
    g_free(none);
    none = rota_roster_dup_assignments_at_segment(roster, 1, &n);
    ck_assert_int_eq(n, 0);
}
END_TEST

/* A setter given a bad index changes nothing, says nothing, and the model
 * is refused with the first bad call named. */
START_TEST(test_builder_bad_index)
{
    g_autoptr(RotaBuilder) builder = rota_builder_new("x", "2026-12-01", 3);
    g_autoptr(GError) error = NULL;
    int duty;

    test_count_criticals();
    rota_builder_add_shift(builder, "am", NULL, "07:00", "09:00");
    duty = rota_builder_add_duty(builder, "sweep", "am");
    rota_builder_set_duty_min(builder, duty + 1, 2);
    ck_assert(rota_builder_steal_model(builder, &error) == NULL);
    test_assert_error(
        &error, ROTA_ERROR_INVALID,
        "rota_builder_set_duty_min: index 1 is out of range (1 duties added)");
    rota_builder_set_person_limit(builder, 0, ROTA_LIMIT_MAX_MINUTES, 60);
    ck_assert(rota_builder_steal_model(builder, &error) == NULL);
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "rota_builder_set_person_limit: index 0 is out of range");
    ck_assert_int_eq(test_criticals(), 0);
}
END_TEST

/* A cancelled run is FALSE with ROTA_ERROR_CANCELLED, and keeps its roster. */
START_TEST(test_solver_cancelled)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = build_model(&error);
    g_autoptr(RotaSolver) solver = rota_solver_new(model);
    g_autoptr(RotaSolver) limited = rota_solver_new(model);
    g_autoptr(RotaRoster) best = NULL;

    rota_solver_set_threads(solver, 1);
    rota_solver_cancel(solver);
    ck_assert(!rota_solver_run(solver, &error));
    test_assert_error(&error, ROTA_ERROR_CANCELLED, "");
    best = rota_solver_dup_best(solver);
    ck_assert_ptr_nonnull(best);
    ck_assert_int_gt(rota_roster_get_n_assignments(best), 0);
    /* a run that reaches its move limit is TRUE */
    rota_solver_set_threads(limited, 1);
    rota_solver_set_time_limit(limited, 0);
    rota_solver_set_move_limit(limited, 1000);
    ck_assert(rota_solver_run(limited, &error));
}
END_TEST

static void
remove_tree(const char *path)
{
    GDir *dir = g_dir_open(path, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *child = g_build_filename(path, name, NULL);

        if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
            !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
            remove_tree(child);
        else
            g_unlink(child);
    }
    if (dir != NULL)
        g_dir_close(dir);
    g_rmdir(path);
}

START_TEST(test_export_stats)
{
    static const guint8 key[] = "a test key of at least thirty-two bytes";
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = build_model(&error);
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autoptr(RotaFeedWriter) writer = rota_feed_writer_new(model);
    g_autoptr(RotaFeedWriter) no_key = rota_feed_writer_new(model);
    g_autoptr(GDateTime) now = g_date_time_new_utc(2026, 12, 1, 8, 0, 0);
    g_autoptr(RotaExportStats) first = NULL;
    g_autoptr(RotaExportStats) second = NULL;
    g_autoptr(RotaExportStats) copy = NULL;
    RotaExportStats *failed = (RotaExportStats *)&key; /* must be reset to NULL */
    g_autofree char *dir = g_dir_make_tmp("rota-api-XXXXXX", NULL);

    add_ok(roster, "2026-12-29", "am", "S3", "P5", "rush-am");
    add_ok(roster, "2026-12-28", "am", "S1", "P3", "rush-am");
    rota_feed_writer_set_secret(writer, key, sizeof key - 1);
    rota_feed_writer_set_now(writer, now);
    ck_assert_msg(rota_feed_writer_export(writer, roster, dir, &first, &error), "%s",
                  error ? error->message : "");
    /* 5 people + 2 units + 3 segments; index.json too */
    ck_assert_int_eq(rota_export_stats_get_feeds(first), 10);
    ck_assert_int_eq(rota_export_stats_get_files_written(first), 11);
    ck_assert_int_eq(rota_export_stats_get_files_unchanged(first), 0);
    /* each assignment in its person's, unit's and segment's feed */
    ck_assert_int_eq(rota_export_stats_get_events(first), 6);
    ck_assert_int_eq(rota_export_stats_get_events_new(first), 6);
    ck_assert_int_eq(rota_export_stats_get_events_changed(first), 0);
    ck_assert_int_eq(rota_export_stats_get_events_cancelled(first), 0);
    ck_assert_int_eq(rota_export_stats_get_events_expired(first), 0);
    copy = rota_export_stats_copy(first);
    ck_assert_int_eq(rota_export_stats_get_events_new(copy), 6);

    /* P3's duty goes: cancelled in three feeds, nothing new */
    g_clear_pointer(&roster, rota_roster_free);
    roster = rota_roster_new(model);
    add_ok(roster, "2026-12-29", "am", "S3", "P5", "rush-am");
    ck_assert(rota_feed_writer_export(writer, roster, dir, &second, &error));
    ck_assert_int_eq(rota_export_stats_get_events_new(second), 0);
    ck_assert_int_eq(rota_export_stats_get_events_cancelled(second), 3);
    ck_assert_int_gt(rota_export_stats_get_files_unchanged(second), 0);
    ck_assert(rota_feed_writer_export(writer, roster, dir, NULL, &error));

    ck_assert(!rota_feed_writer_export(no_key, roster, dir, &failed, &error));
    ck_assert_ptr_null(failed);
    test_assert_error(&error, ROTA_ERROR_INVALID, "no secret key");
    rota_export_stats_free(NULL);
    remove_tree(dir);
}
END_TEST

static Suite *
api_suite(void)
{
    Suite *suite = suite_create("api");
    TCase *core = tcase_create("core");
    TCase *files = tcase_create("files");
    TCase *since02 = tcase_create("since 0.2");

    tcase_add_test(core, test_version);
    tcase_add_test(core, test_builder_model);
    tcase_add_test(core, test_builder_error);
    tcase_add_test(core, test_score_roster);
    tcase_add_test(core, test_free_null);
    tcase_add_test(files, test_json_round_trip);
    tcase_add_test(files, test_roster_file_round_trip);
    tcase_add_test(files, test_missing_file);
    tcase_add_test(since02, test_model_details);
    tcase_add_test(since02, test_duty_name_default);
    tcase_add_test(since02, test_roster_lookup);
    tcase_add_test(since02, test_builder_bad_index);
    tcase_add_test(since02, test_solver_cancelled);
    tcase_add_test(since02, test_export_stats);
    tcase_set_timeout(since02, 60);
    suite_add_tcase(suite, core);
    suite_add_tcase(suite, files);
    suite_add_tcase(suite, since02);
    return suite;
}

int
main(void)
{
    return test_run_suite(api_suite());
}
