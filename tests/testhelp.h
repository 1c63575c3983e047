/* SPDX-License-Identifier: MIT */
/* testhelp.h: helpers shared by the Check suites. */
#ifndef ROTA_TESTHELP_H
#define ROTA_TESTHELP_H

#include <check.h>
#include <rota/rota.h>

/* Absolute path of a file in the source tree (ROTA_TEST_SRCDIR), caller frees. */
char *test_srcdir_path(const char *relative);

/* Read a file of the source tree into a NUL-terminated buffer, caller frees. */
char *test_read_srcdir_file(const char *relative, gsize *length);

/* Fail unless error is set in ROTA_ERROR with code and its message starts
 * with prefix; then clear it. */
#define test_assert_error(error, code, prefix)                                           \
    test_assert_error_at(__FILE__, __LINE__, (error), (code), (prefix))
void test_assert_error_at(const char *file, int line, GError **error, int code,
                          const char *prefix);

/* From now on, count the CRITICAL messages (GLib's default log handler is
 * replaced) instead of printing them; test_criticals() says how many came. */
void test_count_criticals(void);
int test_criticals(void);

/* Run one suite with CK_NORMAL output and return the exit status for main(). */
int test_run_suite(Suite *suite);

/* A model from a file of the source tree, in rota's JSON format
 * (test_load_model) or as a Curtois-Qu instance (test_load_curtois); the
 * test fails with the loader's message if it cannot be loaded.  Caller
 * unrefs. */
RotaModel *test_load_model(const char *relative);
RotaModel *test_load_curtois(const char *relative);

#endif
