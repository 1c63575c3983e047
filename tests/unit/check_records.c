/* SPDX-License-Identifier: MIT */
/* check_records.c: records.json loading, its catalogue of broken files, additions, model
 * rules. */
#include "config.h"

#include <string.h>

#include "testhelp.h"

#define MIN_CASES 20

static GPtrArray *case_names;
static RotaModel *model;
static RotaRoster *roster;

static void
setup(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = test_srcdir_path("tests/data/records/roster.json");

    model = test_load_model("tests/data/records/model.json");
    roster = rota_roster_new_from_file(model, path, &error);
    ck_assert_msg(roster != NULL, "%s", error != NULL ? error->message : "");
}

static void
teardown(void)
{
    rota_roster_free(roster);
    rota_model_unref(model);
}

static GPtrArray *
read_case_names(void)
{
    g_autofree char *path = test_srcdir_path("tests/data/invalid-records");
    g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name(dir)) != NULL)
        g_ptr_array_add(names, g_strdup(name));
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    return names;
}

static RotaRecords *
load_records(const char *relative, GError **error)
{
    gsize length = 0;
    g_autofree char *data = test_read_srcdir_file(relative, &length);

    return rota_records_new_from_data(model, roster, data, length, "records.json", error);
}

START_TEST(test_case_count)
{
    ck_assert_msg(case_names->len >= MIN_CASES, "only %u cases", case_names->len);
}
END_TEST

START_TEST(test_invalid_case)
{
    const char *name = g_ptr_array_index(case_names, _i);
    g_autofree char *input =
        g_strdup_printf("tests/data/invalid-records/%s/records.json", name);
    g_autofree char *expected_path =
        g_strdup_printf("tests/data/invalid-records/%s/expected", name);
    g_autofree char *expected = test_read_srcdir_file(expected_path, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRecords) records = NULL;

    expected[strcspn(expected, "\r\n")] = '\0';
    records = load_records(input, &error);
    ck_assert_msg(records == NULL, "%s: loaded without an error", name);
    ck_assert_msg(error != NULL && error->domain == ROTA_ERROR, "%s: no rota error",
                  name);
    ck_assert_msg(strcmp(error->message, expected) == 0,
                  "%s:\n  expected: %s\n  got:      %s", name, expected, error->message);
}
END_TEST

/* Loading, every status and finding field, and a byte-stable round trip. */
START_TEST(test_load_round_trip)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRecords) records =
        load_records("tests/data/records/records.json", &error);
    g_autoptr(RotaRecords) again = NULL;
    g_autofree char *text = NULL, *text2 = NULL;
    gsize length = 0;
    int seen[ROTA_N_STATUSES] = {0};
    RotaAttendance a;
    RotaFindingInfo f;

    ck_assert_msg(records != NULL, "%s", error != NULL ? error->message : "");
    ck_assert_int_eq(rota_records_get_n_attendance(records), 31);
    ck_assert_int_eq(rota_records_get_n_findings(records), 8);
    for (int i = 0; i < rota_records_get_n_attendance(records); i++) {
        ck_assert(rota_records_get_attendance(records, i, &a));
        seen[a.status]++;
    }
    ck_assert_int_eq(seen[ROTA_STATUS_DONE], 21);
    ck_assert_int_eq(seen[ROTA_STATUS_LATE], 2);
    ck_assert_int_eq(seen[ROTA_STATUS_ABSENT], 3);
    ck_assert_int_eq(seen[ROTA_STATUS_EXCUSED], 2);
    ck_assert_int_eq(seen[ROTA_STATUS_SUBSTITUTED], 3);
    ck_assert(rota_records_get_attendance(records, 1, &a));
    ck_assert_str_eq(rota_model_get_person_id(model, a.substitute), "P0002");
    ck_assert_int_eq(a.minutes, -1);
    ck_assert(rota_records_get_attendance(records, 2, &a));
    ck_assert_str_eq(a.note, "迟到十分钟");
    ck_assert(rota_records_get_attendance(records, 7, &a));
    ck_assert(a.unscheduled);
    ck_assert(!rota_records_get_attendance(records, 31, &a));

    /* Deadlines: rules.deadlines (环卫 24 h, utilities 72 h), the default
     * (道路 72 h), or as written. */
    ck_assert(rota_records_get_finding(records, 0, &f));
    ck_assert_str_eq(f.deadline, "2026-12-02T09:20:00+08:00");
    ck_assert_int_eq(f.deadline_at - f.found_at, 24 * 3600);
    ck_assert_str_eq(rota_model_get_person_id(model, f.closed_by), "P0003");
    ck_assert(rota_records_get_finding(records, 1, &f));
    ck_assert_str_eq(f.deadline, "2026-12-05T10:00:00+08:00");
    ck_assert_int_eq(f.source, ROTA_SOURCE_HOTLINE);
    ck_assert_int_eq(f.category, ROTA_CATEGORY_UTILITIES);
    ck_assert(rota_records_get_finding(records, 2, &f));
    ck_assert_str_eq(f.deadline, "2026-12-06T08:00:00+08:00");
    ck_assert(f.closed == NULL);
    ck_assert_int_eq(f.closed_by, -1);
    ck_assert(rota_records_get_finding(records, 3, &f));
    ck_assert_str_eq(f.deadline, "2026-12-20T12:00:00+08:00");
    ck_assert_int_eq(f.category, ROTA_CATEGORY_GREENERY);
    ck_assert(rota_records_get_finding(records, 7, &f));
    ck_assert_int_eq(f.closed_at, f.found_at + 20 * 3600);

    text = rota_records_to_data(records, &length);
    again = rota_records_new_from_data(model, roster, text, length, "again", &error);
    ck_assert_msg(again != NULL, "%s", error != NULL ? error->message : "");
    text2 = rota_records_to_data(again, NULL);
    ck_assert_str_eq(text, text2);
    ck_assert(strstr(text, "\"deadline\": \"2026-12-02T09:20:00+08:00\"") != NULL);
}
END_TEST

/* The additions of `rota record`: checked like the loader, nothing changed on error. */
START_TEST(test_add_and_close)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRecords) records =
        load_records("tests/data/records/records.json", &error);
    g_autofree char *id = NULL;
    g_autofree char *id2 = NULL;
    RotaFindingInfo f;

    ck_assert(records != NULL);
    ck_assert(rota_records_add_attendance(records, "2026-12-07", "am", NULL, "P0002",
                                          "absent", -1, NULL, "P0011", FALSE, NULL,
                                          &error));
    ck_assert_int_eq(rota_records_get_n_attendance(records), 32);
    ck_assert(!rota_records_add_attendance(records, "2026-12-07", "am", NULL, "P0002",
                                           "done", -1, NULL, NULL, FALSE, NULL, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "person: 2026-12-07 am S001 P0002 is already");
    ck_assert(!rota_records_add_attendance(records, "2026-12-07", "am", "S001", "P0003",
                                           "done", -1, NULL, NULL, FALSE, NULL, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "person: P0003 has no am duty at S001");
    ck_assert(!rota_records_add_attendance(records, "2026-12-07", "onsite", "S001",
                                           "P0001", "substituted", -1, NULL, NULL, FALSE,
                                           NULL, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "substitute: status \"substituted\" needs");
    ck_assert_int_eq(rota_records_get_n_attendance(records), 32);

    id = rota_records_add_finding(records, "S003", "环卫", NULL, "垃圾",
                                  "2026-12-07T10:00:00+08:00", NULL, &error);
    ck_assert_str_eq(id, "F0009");
    ck_assert(
        rota_records_get_finding(records, rota_records_find_finding(records, id), &f));
    ck_assert_str_eq(f.deadline, "2026-12-08T10:00:00+08:00");
    ck_assert_int_eq(f.source, ROTA_SOURCE_INSPECTION);
    id2 = rota_records_add_finding(records, "S003", "亮灯", "photo", "灯", NULL, NULL,
                                   &error);
    ck_assert_str_eq(id2, "F0010");
    ck_assert(rota_records_add_finding(records, "S003", "卫生", NULL, "x", NULL, NULL,
                                       &error) == NULL);
    test_assert_error(&error, ROTA_ERROR_INVALID, "category: unknown category");
    ck_assert_int_eq(rota_records_get_n_findings(records), 10);

    ck_assert(!rota_records_close_finding(records, "F0009", "2026-12-06T10:00:00+08:00",
                                          NULL, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "closed: 2026-12-06T10:00:00+08:00 is before");
    ck_assert(rota_records_close_finding(records, "F0009", "2026-12-07T12:00:00+08:00",
                                         "P0010", &error));
    ck_assert(!rota_records_close_finding(records, "F0009", NULL, NULL, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "F0009 was closed already");
    ck_assert(!rota_records_close_finding(records, "F0404", NULL, NULL, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "unknown finding \"F0404\"");
}
END_TEST

/* A check-in sheet with one bad row changes nothing, not even the closing
 * or the entry its good rows made; the good sheet then adds them. */
START_TEST(test_import_sheet_all_or_nothing)
{
    static const char findings[] =
        "编号,路段,发现时间,类别,问题描述,销号时间\n"
        "F0009,S001,2026-12-07 10:00,环卫,垃圾,\n"
        ",S003,2026-12-07 11:00,环卫,新问题,\n"
        "F0009,S001,2026-12-07 10:00,环卫,垃圾,2026-12-07 12:00\n";
    static const char bad_row[] = "F0002,S002,2026-12-01 08:00,环卫,x,\n";
    static const char attendance[] = "date,shift,person,status\n"
                                     "2026-12-07,am,P0002,absent\n"
                                     "2026-12-07,am,P0002,done\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRecords) records =
        load_records("tests/data/records/records.json", &error);
    g_autofree char *before = rota_records_to_data(records, NULL);
    g_autofree char *after = NULL;
    g_autofree char *bad = g_strconcat(findings, bad_row, NULL);
    int added = -1, unchanged = -1;
    RotaFindingInfo f;

    ck_assert(!rota_records_import_sheet_data(records, ROTA_RECORD_SHEET_FINDINGS, "f.csv",
                                              bad, strlen(bad), FALSE, &added,
                                              &unchanged, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "f.csv:5:1: 列 编号 (id): F0002 is recorded already for S001");
    ck_assert_int_eq(added, 0);
    after = rota_records_to_data(records, NULL);
    ck_assert_str_eq(after, before);

    ck_assert(!rota_records_import_sheet_data(records, ROTA_RECORD_SHEET_ATTENDANCE,
                                              "a.csv", attendance, strlen(attendance),
                                              FALSE, NULL, NULL, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "a.csv:3:4: 列 status: already recorded as absent");
    g_free(after);
    after = rota_records_to_data(records, NULL);
    ck_assert_str_eq(after, before);

    ck_assert(rota_records_import_sheet_data(records, ROTA_RECORD_SHEET_FINDINGS, "f.csv",
                                             findings, strlen(findings), FALSE, &added,
                                             &unchanged, &error));
    ck_assert_int_eq(added, 3); /* F0009, F0010, then F0009's closing */
    ck_assert_int_eq(unchanged, 0);
    ck_assert(rota_records_get_finding(records, rota_records_find_finding(records, "F0009"),
                                       &f));
    ck_assert_str_eq(f.closed, "2026-12-07T12:00:00+08:00");
    ck_assert_int_ge(rota_records_find_finding(records, "F0010"), 0);
}
END_TEST

/* rules.deadlines and rules.assessment: read, defaulted, written back. */
START_TEST(test_model_rules)
{
    g_autofree char *text = rota_model_to_data(model, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) again = NULL;
    g_autofree char *text2 = NULL;
    g_autoptr(RotaBuilder) builder = NULL;
    g_autoptr(RotaModel) built = NULL;

    ck_assert_int_eq(rota_model_get_deadline_hours(model, ROTA_CATEGORY_SANITATION), 24);
    ck_assert_int_eq(rota_model_get_deadline_hours(model, ROTA_CATEGORY_UTILITIES), 72);
    ck_assert_int_eq(rota_model_get_deadline_hours(model, ROTA_CATEGORY_BUILDING), 168);
    ck_assert(rota_model_get_assessment(model, ROTA_ASSESS_ONSITE_MISSED) == 5.0);
    ck_assert(rota_model_get_assessment(model, ROTA_ASSESS_CAP_ONSITE) == 40.0);
    ck_assert(rota_model_has_assessment(model, ROTA_ASSESS_RED_TOP));
    ck_assert(!rota_model_has_assessment(model, ROTA_ASSESS_RED_MIN));
    ck_assert(strstr(text, "\"deadlines\": { \"环卫\": 24, \"utilities\": 72 }") != NULL);
    ck_assert(strstr(text,
                     "\"assessment\": { \"base\": 100, \"onsite_missed\": 5, "
                     "\"absent\": 2, \"late\": 1, \"overdue\": 3, \"closed_late\": 1, "
                     "\"red_top\": 1, \"black_bottom\": 1 }") != NULL);
    again = rota_model_new_from_data(text, strlen(text), "again.json", &error);
    ck_assert_msg(again != NULL, "%s", error != NULL ? error->message : "");
    text2 = rota_model_to_data(again, NULL);
    ck_assert_str_eq(text, text2);

    builder = rota_builder_new("b", "2026-12-01", 3);
    rota_builder_set_deadline(builder, "lighting", 12);
    rota_builder_set_assessment(builder, ROTA_ASSESS_BLACK_BELOW, 80.5);
    built = rota_builder_steal_model(builder, &error);
    ck_assert_msg(built != NULL, "%s", error != NULL ? error->message : "");
    ck_assert_int_eq(rota_model_get_deadline_hours(built, ROTA_CATEGORY_LIGHTING), 12);
    ck_assert(rota_model_get_assessment(built, ROTA_ASSESS_BLACK_BELOW) == 80.5);
    ck_assert(!rota_model_has_assessment(built, ROTA_ASSESS_BLACK_BOTTOM));
    ck_assert(rota_model_has_assessment(built, ROTA_ASSESS_RED_TOP));
}
END_TEST

static void
expect_model_error(const char *rules, const char *message)
{
    g_autofree char *text = g_strdup_printf(
        "{ \"format\": \"rota-model\", \"version\": 1, \"name\": \"x\", \"start\": "
        "\"2026-12-01\", \"days\": 2,\n  \"rules\": { %s } }",
        rules);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) m =
        rota_model_new_from_data(text, strlen(text), "m.json", &error);

    ck_assert_msg(m == NULL, "%s loaded", rules);
    ck_assert_msg(strcmp(error->message, message) == 0, "expected %s\n got %s", message,
                  error->message);
}

START_TEST(test_model_rules_invalid)
{
    expect_model_error("\"deadlines\": { \"卫生\": 24 }",
                       "m.json:2:29: rules.deadlines.卫生: unknown category \"卫生\" "
                       "(expected one of 道路 road, 建筑 building, 车辆 vehicles, 绿植 "
                       "greenery, 环卫 sanitation, 市政 utilities, 亮灯 lighting, 水系 "
                       "waterways)");
    expect_model_error("\"deadlines\": { \"环卫\": 24, \"sanitation\": 12 }",
                       "m.json:2:39: rules.deadlines.sanitation: category 环卫 "
                       "(sanitation) given twice");
    expect_model_error("\"deadlines\": { \"环卫\": 0 }",
                       "m.json:2:29: rules.deadlines.环卫: 0 hours (expected 1 or more)");
    expect_model_error(
        "\"deadlines\": { \"环卫\": 1.5 }",
        "m.json:2:29: rules.deadlines.环卫: expected an integer, found 1.5");
    expect_model_error(
        "\"assessment\": { \"bonus\": 1 }",
        "m.json:2:30: rules.assessment.bonus: unknown key \"bonus\" (expected "
        "one of: base, onsite_missed, absent, late, overdue, closed_late, "
        "cap_onsite, cap_attendance, cap_findings, red_top, red_min, "
        "black_bottom, black_below)");
    expect_model_error(
        "\"assessment\": { \"late\": 0.125 }",
        "m.json:2:30: rules.assessment.late: expected a number with at most "
        "two decimals");
    expect_model_error("\"assessment\": { \"late\": -1 }",
                       "m.json:2:30: rules.assessment.late: negative value");
    expect_model_error(
        "\"assessment\": { \"red_top\": 2.5 }",
        "m.json:2:30: rules.assessment.red_top: expected a whole number of "
        "units");
    expect_model_error("\"assessment\": { \"base\": \"100\" }",
                       "m.json:2:30: rules.assessment.base: expected a number, found a "
                       "string");
}
END_TEST

static Suite *
records_suite(void)
{
    Suite *suite = suite_create("records");
    TCase *tc = tcase_create("records");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_case_count);
    tcase_add_loop_test(tc, test_invalid_case, 0, (int)case_names->len);
    tcase_add_test(tc, test_load_round_trip);
    tcase_add_test(tc, test_add_and_close);
    tcase_add_test(tc, test_import_sheet_all_or_nothing);
    tcase_add_test(tc, test_model_rules);
    tcase_add_test(tc, test_model_rules_invalid);
    suite_add_tcase(suite, tc);
    return suite;
}

int
main(void)
{
    int status;

    case_names = read_case_names();
    status = test_run_suite(records_suite());
    g_ptr_array_unref(case_names);
    return status;
}
