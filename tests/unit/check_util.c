/* SPDX-License-Identifier: MIT */
/* check_util.c: dates, times, text positions and atomic files (lib/util-*.c). */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "testhelp.h"
#include "util-private.h"

START_TEST(test_parse_date_valid)
{
    GDate date;
    g_autofree char *text = NULL;

    ck_assert(rotap_parse_date("2026-12-01", &date));
    ck_assert_int_eq(g_date_get_year(&date), 2026);
    ck_assert_int_eq(g_date_get_month(&date), 12);
    ck_assert_int_eq(g_date_get_day(&date), 1);
    ck_assert(rotap_parse_date("2024-02-29", &date));
    text = rotap_format_date(&date);
    ck_assert_str_eq(text, "2024-02-29");
}
END_TEST

START_TEST(test_parse_date_invalid)
{
    const char *bad[] = {"",           "2026-1-05",  "2026-13-01", "2026-02-29",
                         "2026-00-10", "2026-12-32", "2026/12/01", "2026-12-01T00",
                         "20261201",   "0000-01-01", " 2026-12-01", "2026-12-0a"};
    GDate date;

    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++)
        ck_assert_msg(!rotap_parse_date(bad[i], &date), "accepted \"%s\"", bad[i]);
    ck_assert(!rotap_parse_date(NULL, &date));
}
END_TEST

START_TEST(test_parse_time)
{
    ck_assert_int_eq(rotap_parse_time("00:00", FALSE), 0);
    ck_assert_int_eq(rotap_parse_time("07:30", FALSE), 450);
    ck_assert_int_eq(rotap_parse_time("23:59", FALSE), 1439);
    ck_assert_int_eq(rotap_parse_time("24:00", TRUE), 1440);
    ck_assert_int_eq(rotap_parse_time("24:00", FALSE), -1);
    ck_assert_int_eq(rotap_parse_time("24:01", TRUE), -1);
    ck_assert_int_eq(rotap_parse_time("7:30", FALSE), -1);
    ck_assert_int_eq(rotap_parse_time("07:60", FALSE), -1);
    ck_assert_int_eq(rotap_parse_time("25:00", TRUE), -1);
    ck_assert_int_eq(rotap_parse_time("07-30", FALSE), -1);
    ck_assert_int_eq(rotap_parse_time(NULL, FALSE), -1);
}
END_TEST

START_TEST(test_text_position)
{
    /* "人" is three bytes but one column. */
    const char *text = "{\n  \"名\": 人x,\r\n  y";
    int line, column;

    rotap_text_position(text, strlen(text), 0, &line, &column);
    ck_assert_int_eq(line, 1);
    ck_assert_int_eq(column, 1);
    rotap_text_position(text, strlen(text), strlen("{\n  \"名\": 人"), &line, &column);
    ck_assert_int_eq(line, 2);
    ck_assert_int_eq(column, 9);
    rotap_text_position(text, strlen(text), strlen(text) - 1, &line, &column);
    ck_assert_int_eq(line, 3);
    ck_assert_int_eq(column, 3);
    rotap_text_position(text, strlen(text), 9999, &line, &column);
    ck_assert_int_eq(line, 3);
    ck_assert_int_eq(column, 4);
}
END_TEST

START_TEST(test_atomic_write)
{
    g_autofree char *dir = g_dir_make_tmp("rota-util-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "out.txt", NULL);
    g_autofree char *missing = g_build_filename(dir, "no", "such", "out.txt", NULL);
    g_autoptr(GError) error = NULL;
    char *data = NULL;
    gsize length = 0;

    ck_assert(rotap_write_file_atomic(path, "first\n", 6, &error));
    ck_assert(rotap_write_file_atomic(path, "second\n", 7, &error));
    ck_assert(rotap_read_file(path, &data, &length, &error));
    ck_assert_uint_eq(length, 7);
    ck_assert_str_eq(data, "second\n");
    g_free(data);

    ck_assert(!rotap_write_file_atomic(missing, "x", 1, &error));
    test_assert_error(&error, ROTA_ERROR_IO, missing);
    ck_assert(!rotap_read_file(missing, &data, &length, &error));
    test_assert_error(&error, ROTA_ERROR_IO, missing);

    /* Only the target is left: no temporary file beside it. */
    {
        g_autoptr(GDir) listing = g_dir_open(dir, 0, NULL);
        int n = 0;

        while (g_dir_read_name(listing) != NULL)
            n++;
        ck_assert_int_eq(n, 1);
    }
    g_unlink(path);
    g_rmdir(dir);
}
END_TEST

static Suite *
util_suite(void)
{
    Suite *suite = suite_create("util");
    TCase *dates = tcase_create("dates");
    TCase *text = tcase_create("text");
    TCase *files = tcase_create("files");

    tcase_add_test(dates, test_parse_date_valid);
    tcase_add_test(dates, test_parse_date_invalid);
    tcase_add_test(dates, test_parse_time);
    tcase_add_test(text, test_text_position);
    tcase_add_test(files, test_atomic_write);
    suite_add_tcase(suite, dates);
    suite_add_tcase(suite, text);
    suite_add_tcase(suite, files);
    return suite;
}

int
main(void)
{
    return test_run_suite(util_suite());
}
