/* SPDX-License-Identifier: MIT */
/* check_diff.c: the roster diff: classification, order, JSON, and errors in roster files.
 */
#include "config.h"

#include <string.h>

#include "roster-diff-private.h"
#include "testhelp.h"

/* A roster.json text with one assignment per line, the first on line 4:
 * each entry of rows is "DATE SHIFT SEGMENT PERSON DUTY". */
static char *
roster_text(const char *sha256, const char *const *rows)
{
    GString *out = g_string_new("{\n  \"format\": \"rota-roster\", \"version\": 1,\n");

    if (sha256 != NULL)
        g_string_append_printf(out, "  \"model_sha256\": \"%s\",\n", sha256);
    g_string_append(out, "  \"assignments\": [");
    for (int i = 0; rows != NULL && rows[i] != NULL; i++) {
        g_auto(GStrv) f = g_strsplit(rows[i], " ", 0);

        ck_assert_int_eq(g_strv_length(f), 5);
        g_string_append_printf(
            out,
            "%s\n    { \"date\": \"%s\", \"shift\": \"%s\", "
            "\"segment\": \"%s\", \"person\": \"%s\", \"duty\": \"%s\" }",
            i == 0 ? "" : ",", f[0], f[1], f[2], f[3], f[4]);
    }
    g_string_append(out, "\n  ]\n}\n");
    return g_string_free(out, FALSE);
}

static RotaRosterDiff *
diff_rows(RotaModel *model, const char *const *old_rows, const char *const *new_rows)
{
    g_autofree char *old_text = roster_text(NULL, old_rows);
    g_autofree char *new_text = roster_text(NULL, new_rows);
    g_autoptr(GError) error = NULL;
    RotaRosterDiff *diff;

    diff = rota_roster_diff_new_from_data(model, old_text, strlen(old_text), "old.json",
                                          new_text, strlen(new_text), "new.json", &error);
    ck_assert_msg(diff != NULL, "%s", error != NULL ? error->message : "?");
    return diff;
}

/* One change as "K PERSON DATE DUTY OLDSHIFT/OLDSEG NEWSHIFT/NEWSEG". */
static char *
describe(const RotaChange *c)
{
    return g_strdup_printf(
        "%c %s %s %s %s/%s %s/%s", "+-~"[c->kind], c -> person, c -> date, c -> duty,
        c -> old_shift ? c -> old_shift : "", c->old_segment ? c->old_segment : "",
        c->new_shift ? c->new_shift : "", c->new_segment ? c->new_segment : "");
}

static void
assert_changes(const RotaRosterDiff *diff, const char *const *expected)
{
    int n = rota_roster_diff_get_n_changes(diff);
    int i;

    for (i = 0; i < n; i++) {
        g_autofree char *got = describe(rota_roster_diff_get_change(diff, i));

        ck_assert_msg(expected[i] != NULL, "unexpected change %d: %s", i, got);
        ck_assert_str_eq(got, expected[i]);
    }
    ck_assert_msg(expected[i] == NULL, "missing change %d: %s", i, expected[i]);
}

static void
assert_counts(const RotaRosterDiff *diff, int people, int added, int removed, int moved)
{
    ck_assert_int_eq(rota_roster_diff_get_n_people(diff), people);
    ck_assert_int_eq(rota_roster_diff_get_n_added(diff), added);
    ck_assert_int_eq(rota_roster_diff_get_n_removed(diff), removed);
    ck_assert_int_eq(rota_roster_diff_get_n_moved(diff), moved);
}

START_TEST(test_classify)
{
    static const char *const old_rows[] = {
        "2026-12-01 am S1 P3 rush-am", "2026-12-01 pm S2 P5 rush-pm",
        "2026-12-02 am S1 P2 rush-am", "2026-12-02 onsite S1 P1 onsite",
        "2026-12-03 am S1 P4 rush-am", NULL};
    static const char *const new_rows[] = {
        "2026-12-02 am S1 P2 rush-am",    "2026-12-01 am S2 P3 rush-am",
        "2026-12-02 onsite S1 P2 onsite", "2026-12-04 am S1 P3 rush-am",
        "2026-12-03 pm S1 P4 rush-pm",    NULL};
    /* P4 changes duty on 12-03: another duty is not a move. */
    static const char *const expected[] = {
        "- P1 2026-12-02 onsite onsite/S1 /",  "+ P2 2026-12-02 onsite / onsite/S1",
        "~ P3 2026-12-01 rush-am am/S1 am/S2", "+ P3 2026-12-04 rush-am / am/S1",
        "- P4 2026-12-03 rush-am am/S1 /",     "+ P4 2026-12-03 rush-pm / pm/S1",
        "- P5 2026-12-01 rush-pm pm/S2 /",     NULL};
    g_autoptr(RotaRosterDiff) diff = diff_rows(NULL, old_rows, new_rows);

    assert_changes(diff, expected);
    assert_counts(diff, 5, 3, 3, 1);
    ck_assert_ptr_null(rota_roster_diff_get_model(diff));
    ck_assert_ptr_null(rota_roster_diff_get_old_sha256(diff));
}
END_TEST

/* Assignments are a multiset: a duplicate removed is one removal, and
 * leftovers of one (person, date, duty) pair up in (shift, segment) order. */
START_TEST(test_multiset)
{
    static const char *const old_rows[] = {
        "2026-12-01 am S1 P1 d", "2026-12-01 am S1 P1 d", "2026-12-01 am S3 P1 d",
        "2026-12-01 am S4 P1 d", NULL};
    static const char *const new_rows[] = {"2026-12-01 am S1 P1 d",
                                           "2026-12-01 am S2 P1 d", NULL};
    /* Left after cancelling one S1: old S1, S3, S4 and new S2. */
    static const char *const expected[] = {"~ P1 2026-12-01 d am/S1 am/S2",
                                           "- P1 2026-12-01 d am/S3 /",
                                           "- P1 2026-12-01 d am/S4 /", NULL};
    g_autoptr(RotaRosterDiff) diff = diff_rows(NULL, old_rows, new_rows);

    assert_changes(diff, expected);
    assert_counts(diff, 1, 0, 2, 1);
}
END_TEST

/* People sort by id as byte strings ("P10" before "P2"), then by date. */
START_TEST(test_order)
{
    static const char *const old_rows[] = {NULL};
    static const char *const new_rows[] = {
        "2026-12-03 am S1 P2 d", "2026-12-01 am S1 P2 d", "2026-12-02 am S1 P10 d",
        "2026-12-01 pm S1 P2 e", "2026-12-01 am S0 P2 d", NULL};
    static const char *const expected[] = {
        "+ P10 2026-12-02 d / am/S1", "+ P2 2026-12-01 d / am/S0",
        "+ P2 2026-12-01 d / am/S1",  "+ P2 2026-12-01 e / pm/S1",
        "+ P2 2026-12-03 d / am/S1",  NULL};
    g_autoptr(RotaRosterDiff) diff = diff_rows(NULL, old_rows, new_rows);

    assert_changes(diff, expected);
    assert_counts(diff, 2, 5, 0, 0);
}
END_TEST

START_TEST(test_same)
{
    static const char *const rows[] = {"2026-12-01 am S1 P1 d", "2026-12-01 am S1 P1 d",
                                       "2026-12-02 pm S2 P2 e", NULL};
    static const char *const shuffled[] = {
        "2026-12-02 pm S2 P2 e", "2026-12-01 am S1 P1 d", "2026-12-01 am S1 P1 d", NULL};
    g_autoptr(RotaRosterDiff) diff = diff_rows(NULL, rows, shuffled);
    g_autofree char *json = rota_roster_diff_to_json(diff);

    ck_assert_int_eq(rota_roster_diff_get_n_changes(diff), 0);
    assert_counts(diff, 0, 0, 0, 0);
    ck_assert_ptr_nonnull(strstr(json, "\"people\": []\n"));
}
END_TEST

static RotaModel *
small_model(void)
{
    gsize length = 0;
    g_autofree char *text =
        test_read_srcdir_file("tests/data/cli/small-model.json", &length);
    g_autoptr(GError) error = NULL;
    RotaModel *model = rota_model_new_from_data(text, length, "small-model.json", &error);

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "?");
    return model;
}

START_TEST(test_json)
{
    static const char *const old_rows[] = {"2026-12-28 am S1 P3 rush-am",
                                           "2026-12-28 pm S2 P5 rush-pm", NULL};
    static const char *const new_rows[] = {"2026-12-28 am S2 P3 rush-am", NULL};
    static const char expected[] =
        "{\n  \"format\": \"rota-diff\",\n  \"version\": 1,\n"
        "  \"old_model_sha256\": null,\n  \"new_model_sha256\": null,\n"
        "  \"people_affected\": 2,\n  \"added\": 0,\n  \"removed\": 1,\n  \"moved\": 1,\n"
        "  \"people\": [\n"
        "    {\n      \"person\": \"P3\", \"name\": \"张伟\", \"unit\": \"U1\", "
        "\"unit_name\": \"县住房和城乡建设局\",\n      \"changes\": [\n"
        "        { \"change\": \"moved\", \"date\": \"2026-12-28\", \"duty\": "
        "\"rush-am\", "
        "\"from\": { \"shift\": \"am\", \"segment\": \"S1\", \"shift_name\": "
        "\"早高峰疏导\", "
        "\"segment_name\": \"人民路(东风街—解放街)\" }, \"to\": { \"shift\": \"am\", "
        "\"segment\": \"S2\", "
        "\"shift_name\": \"早高峰疏导\", \"segment_name\": \"解放街(人民路—和平路)\" } "
        "}\n      ]\n    },\n"
        "    {\n      \"person\": \"P5\", \"name\": \"陈静\", \"unit\": \"U2\", "
        "\"unit_name\": \"县教育局\",\n      \"changes\": [\n"
        "        { \"change\": \"removed\", \"date\": \"2026-12-28\", \"duty\": "
        "\"rush-pm\", "
        "\"shift\": \"pm\", \"segment\": \"S2\", \"shift_name\": \"晚高峰疏导\", "
        "\"segment_name\": \"解放街(人民路—和平路)\" }\n      ]\n    }\n  ]\n}\n";
    g_autoptr(RotaModel) model = small_model();
    g_autoptr(RotaRosterDiff) diff = diff_rows(model, old_rows, new_rows);
    g_autofree char *json = rota_roster_diff_to_json(diff);

    ck_assert_ptr_eq(rota_roster_diff_get_model(diff), model);
    ck_assert_str_eq(json, expected);
}
END_TEST

/* rota_roster_diff_new compares rosters in memory, by the ids of their models. */
START_TEST(test_rosters)
{
    g_autoptr(RotaModel) model = small_model();
    g_autoptr(RotaRoster) old_roster = rota_roster_new(model);
    g_autoptr(RotaRoster) new_roster = NULL;
    g_autoptr(RotaRosterDiff) diff = NULL;
    g_autoptr(GError) error = NULL;
    static const char *const expected[] = {"+ P2 2026-12-29 onsite / onsite/S1",
                                           "- P3 2026-12-29 rush-am am/S1 /", NULL};

    ck_assert(rota_roster_add_by_id(old_roster, "2026-12-29", "am", "S1", "P3", "rush-am",
                                    &error));
    ck_assert(rota_roster_add_by_id(old_roster, "2026-12-29", "am", "S2", "P5", "rush-am",
                                    &error));
    new_roster = rota_roster_new(model);
    ck_assert(rota_roster_add_by_id(new_roster, "2026-12-29", "am", "S2", "P5", "rush-am",
                                    &error));
    ck_assert(rota_roster_add_by_id(new_roster, "2026-12-29", "onsite", "S1", "P2",
                                    "onsite", &error));
    diff = rota_roster_diff_new(old_roster, new_roster);
    assert_changes(diff, expected);
    assert_counts(diff, 2, 1, 1, 0);
}
END_TEST

static void
assert_bad(RotaModel *model, const char *old_text, const char *new_text, int code,
           const char *prefix)
{
    g_autoptr(GError) error = NULL;
    RotaRosterDiff *diff;

    diff = rota_roster_diff_new_from_data(model, old_text, strlen(old_text), "old.json",
                                          new_text, strlen(new_text), "new.json", &error);
    ck_assert_ptr_null(diff);
    test_assert_error(&error, code, prefix);
}

START_TEST(test_errors)
{
    static const char *const rows[] = {"2026-12-28 am S1 P3 rush-am",
                                       "2026-12-28 am S2 P9 rush-am", NULL};
    static const char *const bad_date[] = {"2026-12-28 am S1 P3 rush-am",
                                           "2026-02-30 am S1 P3 rush-am", NULL};
    g_autofree char *good = roster_text(NULL, rows);
    g_autofree char *dated = roster_text(NULL, bad_date);
    g_autoptr(RotaModel) model = small_model();

    assert_bad(NULL, good, "{\n  \"format\": \"rota-roster\",\n  \"version\": 1,,\n}",
               ROTA_ERROR_SYNTAX, "new.json:3:16: syntax error");
    assert_bad(NULL, "", good, ROTA_ERROR_FORMAT, "old.json: empty file");
    assert_bad(NULL, "{\"format\": \"rota-model\", \"version\": 1}", good,
               ROTA_ERROR_FORMAT, "old.json:1:");
    assert_bad(NULL, dated, good, ROTA_ERROR_INVALID,
               "old.json:5:7: assignments[1].date: bad date \"2026-02-30\"");
    assert_bad(NULL, good, "{\"format\": \"rota-roster\", \"version\": 1}",
               ROTA_ERROR_INVALID, "new.json:1:1: missing required key \"assignments\"");
    assert_bad(NULL, good,
               "{\"format\": \"rota-roster\", \"version\": 1, \"assignments\": [\n"
               "  { \"date\": \"2026-12-28\", \"shift\": \"am\", \"segment\": \"S1\",\n"
               "    \"person\": \"P1\", \"duty\": \"d\", \"lock\": true } ] }",
               ROTA_ERROR_INVALID, "new.json:3:");
    assert_bad(NULL, good,
               "{\"format\": \"rota-roster\", \"version\": 1, \"assignments\": [\n"
               "  { \"date\": \"2026-12-28\", \"shift\": 7, \"segment\": \"S1\",\n"
               "    \"person\": \"P1\", \"duty\": \"d\" } ] }",
               ROTA_ERROR_INVALID,
               "new.json:2:27: assignments[0].shift: expected a string");
    /* Without a model any id is taken; with one, P9 is unknown. */
    {
        g_autoptr(RotaRosterDiff) diff = diff_rows(NULL, rows, rows);

        ck_assert_int_eq(rota_roster_diff_get_n_changes(diff), 0);
    }
    assert_bad(model, good, good, ROTA_ERROR_INVALID,
               "old.json:5:61: assignments[1].person: unknown person \"P9\"");
}
END_TEST

START_TEST(test_files)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = test_srcdir_path("tests/data/cli/small-roster.json");
    g_autoptr(RotaRosterDiff) diff = NULL;

    diff =
        rota_roster_diff_new_from_files(NULL, path, "/nonexistent/roster.json", &error);
    ck_assert_ptr_null(diff);
    test_assert_error(&error, ROTA_ERROR_IO, "");
    diff = rota_roster_diff_new_from_files(NULL, path, path, &error);
    ck_assert_ptr_nonnull(diff);
    ck_assert_int_eq(rota_roster_diff_get_n_changes(diff), 0);
}
END_TEST

static Suite *
diff_suite(void)
{
    Suite *s = suite_create("diff");
    TCase *core = tcase_create("core");
    TCase *output = tcase_create("output");
    TCase *errors = tcase_create("errors");

    tcase_add_test(core, test_classify);
    tcase_add_test(core, test_multiset);
    tcase_add_test(core, test_order);
    tcase_add_test(core, test_same);
    tcase_add_test(core, test_rosters);
    tcase_add_test(output, test_json);
    tcase_add_test(errors, test_errors);
    tcase_add_test(errors, test_files);
    suite_add_tcase(s, core);
    suite_add_tcase(s, output);
    suite_add_tcase(s, errors);
    return s;
}

int
main(void)
{
    return test_run_suite(diff_suite());
}
