/* SPDX-License-Identifier: MIT */
/* check_invalid.c: each case of tests/data/invalid fails with its expected message. */
#include "config.h"

#include <string.h>

#include "testhelp.h"

/*
 * One directory per case, holding model.json and "expected", the first
 * line of the error as printed for a file named model.json.  The case
 * list is read once before the suite runs, so that each case is one
 * iteration of a loop test and a failure names its case.
 */
#define MIN_CASES 40

static GPtrArray *case_names;

static GPtrArray *
read_case_names(void)
{
    g_autofree char *path = test_srcdir_path("tests/data/invalid");
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) dir = g_dir_open(path, 0, &error);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;

    if (dir == NULL)
        return names;
    while ((name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *model = g_build_filename(path, name, "model.json", NULL);

        if (g_file_test(model, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add(names, g_strdup(name));
    }
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    return names;
}

/* The code that the kind of message implies (rota-error.h). */
static int
expected_code(const char *message)
{
    if (strstr(message, ": syntax error: ") != NULL ||
        strstr(message, ": duplicate key \"") != NULL)
        return ROTA_ERROR_SYNTAX;
    if (g_str_has_suffix(message, ": empty file") ||
        strstr(message, ": format: ") != NULL || strstr(message, ": version: ") != NULL ||
        strstr(message, ": expected an object with \"format\"") != NULL)
        return ROTA_ERROR_FORMAT;
    return ROTA_ERROR_INVALID;
}

START_TEST(test_case_count)
{
    ck_assert_msg(case_names->len >= MIN_CASES, "only %u cases in tests/data/invalid",
                  case_names->len);
}
END_TEST

START_TEST(test_invalid_case)
{
    const char *name = g_ptr_array_index(case_names, _i);
    g_autofree char *model_path =
        g_strdup_printf("tests/data/invalid/%s/model.json", name);
    g_autofree char *expected_path =
        g_strdup_printf("tests/data/invalid/%s/expected", name);
    g_autofree char *expected = test_read_srcdir_file(expected_path, NULL);
    gsize length = 0;
    g_autofree char *data = test_read_srcdir_file(model_path, &length);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;

    expected[strcspn(expected, "\r\n")] = '\0';
    model = rota_model_new_from_data(data, length, "model.json", &error);
    ck_assert_msg(model == NULL, "%s: loaded without an error", name);
    ck_assert_msg(error != NULL && error->domain == ROTA_ERROR, "%s: no rota error",
                  name);
    ck_assert_msg(strcmp(error->message, expected) == 0,
                  "%s:\n  expected: %s\n  got:      %s", name, expected, error->message);
    ck_assert_msg(error->code == expected_code(expected),
                  "%s: error code %d, expected %d", name, error->code,
                  expected_code(expected));
}
END_TEST

static Suite *
invalid_suite(void)
{
    Suite *suite = suite_create("invalid");
    TCase *tc = tcase_create("cases");

    tcase_add_test(tc, test_case_count);
    tcase_add_loop_test(tc, test_invalid_case, 0, (int)case_names->len);
    suite_add_tcase(suite, tc);
    return suite;
}

int
main(void)
{
    int status;

    case_names = read_case_names();
    status = test_run_suite(invalid_suite());
    g_ptr_array_unref(case_names);
    return status;
}
