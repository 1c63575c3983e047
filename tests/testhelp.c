/* SPDX-License-Identifier: MIT */
/* testhelp.c: helpers shared by the Check suites. */
#include "testhelp.h"

#include <stdlib.h>

char *
test_srcdir_path(const char *relative)
{
    const char *top = g_getenv("ROTA_TEST_SRCDIR");

    return g_build_filename(top != NULL ? top : ".", relative, NULL);
}

char *
test_read_srcdir_file(const char *relative, gsize *length)
{
    g_autofree char *path = test_srcdir_path(relative);
    g_autoptr(GError) error = NULL;
    char *data = NULL;

    if (!g_file_get_contents(path, &data, length, &error))
        ck_abort_msg("cannot read %s: %s", path, error->message);
    return data;
}

typedef RotaModel *(*LoadFunc)(const char *path, GError **error);

static RotaModel *
load(const char *relative, LoadFunc func)
{
    g_autofree char *path = test_srcdir_path(relative);
    g_autoptr(GError) error = NULL;
    RotaModel *model = func(path, &error);

    ck_assert_msg(model != NULL, "%s: %s", path, error != NULL ? error->message : "?");
    return model;
}

RotaModel *
test_load_model(const char *relative)
{
    return load(relative, rota_model_new_from_file);
}

RotaModel *
test_load_curtois(const char *relative)
{
    return load(relative, rota_model_new_from_curtois_file);
}

void
test_assert_error_at(const char *file, int line, GError **error, int code,
                     const char *prefix)
{
    ck_assert_msg(*error != NULL, "%s:%d: expected an error starting \"%s\"", file, line,
                  prefix);
    ck_assert_msg((*error)->domain == ROTA_ERROR, "%s:%d: error domain %s, not rota",
                  file, line, g_quark_to_string((*error)->domain));
    ck_assert_msg((*error)->code == code, "%s:%d: error code %d, expected %d (%s)", file,
                  line, (*error)->code, code, (*error)->message);
    ck_assert_msg(g_str_has_prefix((*error)->message, prefix),
                  "%s:%d: error \"%s\" does not start with \"%s\"", file, line,
                  (*error)->message, prefix);
    g_clear_error(error);
}

static int n_criticals;

static void
count_critical(const char *domain, GLogLevelFlags level, const char *message,
               gpointer data)
{
    if (level & G_LOG_LEVEL_CRITICAL)
        n_criticals++;
}

void
test_count_criticals(void)
{
    n_criticals = 0;
    g_log_set_default_handler(count_critical, NULL);
}

int
test_criticals(void)
{
    return n_criticals;
}

int
test_run_suite(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    int failed;

    srunner_run_all(runner, CK_NORMAL);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
