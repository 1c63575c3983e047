/* SPDX-License-Identifier: MIT */
/* check_roster_pull.c: the one-pass roster.json reader agrees with the tree reader. */
#include "config.h"

#include <string.h>

#include "formats/roster-json-private.h"
#include "roster-fixture.h"
#include "testhelp.h"

/*
 * rota_roster_new_from_data() tries rotap_roster_json_pull() first and
 * falls back to the tree reader, whose messages the invalid-roster
 * catalogue checks.  The one-pass reader may decline anything, but what it
 * accepts the tree reader must accept with the same roster (the same
 * rota_roster_to_data() bytes: assignments in file order, locks, seed,
 * model checksum, solver line).
 */

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

/* Returns whether the one-pass reader accepted text. */
static gboolean
agree(const char *text, gsize length, const char *what)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRoster) fast = rotap_roster_json_pull(model, text, length);
    g_autoptr(RotaRoster) tree =
        rotap_roster_json_read_tree(model, text, length, "roster.json", &error);
    g_autofree char *fast_text = NULL;
    g_autofree char *tree_text = NULL;

    if (fast == NULL)
        return FALSE;
    ck_assert_msg(tree != NULL,
                  "%s: accepted in one pass, refused by the tree reader: %s", what,
                  error != NULL ? error->message : "?");
    fast_text = rota_roster_to_data(fast, NULL, NULL);
    tree_text = rota_roster_to_data(tree, NULL, NULL);
    ck_assert_msg(strcmp(fast_text, tree_text) == 0, "%s: read differently:\n%s\n---\n%s",
                  what, fast_text, tree_text);
    ck_assert_msg(g_strcmp0(rota_roster_get_model_sha256(fast),
                            rota_roster_get_model_sha256(tree)) == 0,
                  "%s: model_sha256 differs", what);
    return TRUE;
}

static gboolean
agree_text(const char *text, const char *what)
{
    return agree(text, strlen(text), what);
}

START_TEST(test_valid_files)
{
    static const char *const files[] = {"tests/data/roster/small.json",
                                        "tests/data/roster/with-score.json"};

    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        gsize length = 0;
        g_autofree char *text = test_read_srcdir_file(files[i], &length);

        ck_assert_msg(agree(text, length, files[i]), "%s: declined", files[i]);
    }
}
END_TEST

/* What rota writes, rota reads in one pass. */
START_TEST(test_written_rosters)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    static const char *const people[] = {"P0001", "P0002", "P0003", "P0010", "P0100"};
    g_autofree char *text = NULL;

    rota_roster_set_seed(roster, G_MAXINT64);
    rota_roster_set_solver_info(roster, 4, G_GUINT64_CONSTANT(12345678901));
    for (gsize i = 0; i < G_N_ELEMENTS(people); i++) {
        g_autofree char *date = g_strdup_printf("2026-12-0%zu", 1 + i);

        if (i == 4 || i == 3) /* the weekend: rush-am runs on workdays */
            continue;
        ck_assert(rota_roster_add_by_id(roster, date, "am", "S001", people[i], "rush-am",
                                        NULL));
    }
    text = rota_roster_to_data(roster, NULL, NULL);
    ck_assert_msg(agree_text(text, "written"), "declined:\n%s", text);
}
END_TEST

/* pattern with $H replaced by the start of a document and $A by an
 * assignment object without its closing brace. */
static char *
expand(const char *pattern)
{
    GString *text = g_string_new(pattern);

    g_string_replace(text, "$H", "{ \"format\": \"rota-roster\", \"version\": 1, ", 0);
    g_string_replace(text, "$A",
                     "{ \"date\": \"2026-12-01\", \"shift\": \"am\", \"segment\": "
                     "\"S001\", \"person\": \"P0003\", \"duty\": \"rush-am\"",
                     0);
    return g_string_free(text, FALSE);
}

/* Texts the tree reader refuses (the one-pass reader must decline them)
 * and odd texts both accept. */
START_TEST(test_edge_cases)
{
    static const char *const refused[] = {
        "$H\"assignments\": [], \"assignments\": [] }",
        "$H\"seed\": 1, \"seed\": 1, \"assignments\": [] }",
        "$H\"assignments\": [ $A, \"person\": \"P0001\" } ] }",
        "$H\"assignments\": [ $A, \"locked\": null } ] }",
        "$H\"assignments\": [ $A, \"extra\": 1 } ] }",
        "$H\"assignments\": [ $A } ], \"score\": { \"a\": 1, \"a\": 2 } }",
        "$H\"assignments\": [ $A } ], \"violations\": [ { \"x\": [], \"x\": {} } ] }",
        "$H\"assignments\": [ $A } ], \"violations\": {} }",
        "$H\"seed\": 1.0, \"assignments\": [] }",
        "$H\"seed\": -1, \"assignments\": [] }",
        "$H\"seed\": 1e3, \"assignments\": [] }",
        "$H\"model\": null, \"assignments\": [] }",
        "$H\"solver\": { \"threads\": 1 }, \"assignments\": [] }",
        "$H\"solver\": { \"threads\": 2147483648, \"moves\": 1 }, \"assignments\": [] }",
        "$H\"assignments\": [ $A, } ] }",
        "$H\"assignments\": [ $A } ], }",
        "$H\"assignments\": [ $A } ] } x",
        "$H\"assignments\": [ { \"date\": \"2026-12-01\\u0000\", \"shift\": \"am\", "
        "\"segment\": \"S001\", \"person\": \"P0003\", \"duty\": \"rush-am\" } ] }",
        "$H\"assignments\": [ $A } ], \"model_sha256\": \"a\\u0000b\" }",
    };
    static const char *const accepted[] = {
        /* the same assignment twice: the evaluator reports it */
        "$H\"assignments\": [ $A }, $A } ] }",
        "\xEF\xBB\xBF$H\"assignments\": [ $A } ] }",
        "$H\"assignments\": [ { \"duty\": \"rush-am\", \"person\": \"P\\u0030003\", "
        "\"segment\": \"S001\", \"shift\": \"am\", \"date\": \"2026-12-01\" } ] }",
        "$H\"seed\": 9223372036854775807, \"solver\": { \"bound\": 7, \"moves\": 0, "
        "\"threads\": 0 }, \"assignments\": [ $A, \"locked\": false } ] }",
        "$H\"assignments\": [ $A } ], \"score\": { \"hard\": [ { } ] }, "
        "\"violations\": [ [ \"\\ud83d\\ude00\" ] ] }",
    };

    ck_assert_msg(!agree_text("{ \"format\": \"rota-roster\", \"version\": 2, "
                              "\"assignments\": [] }",
                              "version 2"),
                  "version 2 accepted");
    for (gsize i = 0; i < G_N_ELEMENTS(refused); i++) {
        g_autofree char *text = expand(refused[i]);
        g_autoptr(GError) error = NULL;
        g_autoptr(RotaRoster) tree =
            rotap_roster_json_read_tree(model, text, strlen(text), "roster.json", &error);

        ck_assert_msg(tree == NULL, "case %zu: the tree reader accepts %s", i, text);
        ck_assert_msg(!agree_text(text, text), "case %zu: accepted %s", i, text);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(accepted); i++) {
        g_autofree char *text = expand(accepted[i]);

        ck_assert_msg(agree_text(text, text), "case %zu: declined %s", i, text);
    }
}
END_TEST

/* Every invalid roster of the catalogue is declined, so that its message
 * comes from the tree reader. */
START_TEST(test_invalid_catalogue)
{
    g_autofree char *dir_path = test_srcdir_path("tests/data/roster/invalid");
    g_autoptr(GDir) dir = g_dir_open(dir_path, 0, NULL);
    const char *name;
    int n = 0;

    ck_assert_ptr_nonnull(dir);
    while ((name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *input =
            g_strdup_printf("tests/data/roster/invalid/%s/roster.json", name);
        gsize length = 0;
        g_autofree char *text = test_read_srcdir_file(input, &length);

        ck_assert_msg(!agree(text, length, name), "%s: accepted", name);
        n++;
    }
    ck_assert_int_ge(n, 40);
}
END_TEST

/* Every one-byte deletion and some one-byte replacements of a valid file:
 * whatever the one-pass reader accepts, the tree reader reads the same. */
START_TEST(test_mutations)
{
    static const char replacements[] = "\"0{}[],: x\\-.e";
    gsize length = 0;
    g_autofree char *text =
        test_read_srcdir_file("tests/data/roster/with-score.json", &length);
    g_autofree char *copy = g_malloc(length);
    int accepted = 0, tried = 0;

    for (gsize at = 0; at < length; at++) {
        /* deleted */
        memcpy(copy, text, at);
        memcpy(copy + at, text + at + 1, length - at - 1);
        accepted += agree(copy, length - 1, "a deletion");
        tried++;
        memcpy(copy, text, length);
        for (gsize r = 0; r + 1 < sizeof replacements; r++) {
            if (text[at] == replacements[r])
                continue;
            copy[at] = replacements[r];
            accepted += agree(copy, length, "a replacement");
            tried++;
        }
    }
    /* some mutations are harmless (blanks, digits of the seed) */
    ck_assert_int_gt(accepted, 0);
    ck_assert_int_lt(accepted, tried);
}
END_TEST

static Suite *
roster_pull_suite(void)
{
    Suite *s = suite_create("roster_pull");
    TCase *tc = tcase_create("agree");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_valid_files);
    tcase_add_test(tc, test_written_rosters);
    tcase_add_test(tc, test_edge_cases);
    tcase_add_test(tc, test_invalid_catalogue);
    tcase_add_test(tc, test_mutations);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return test_run_suite(roster_pull_suite());
}
