/* SPDX-License-Identifier: MIT */
/* check_import.c: rota import's cell values, CSV reading (encodings, quoting, line numbers) and runs. */
#include "import/import-private.h"
#include "testhelp.h"

#include <glib/gstdio.h>
#include <string.h>

/* ---- cell values */

START_TEST(test_trim)
{
    char a[] = "  王建国\t";
    char b[] = "\xE3\x80\x80李娜\xE3\x80\x80\xE3\x80\x80";
    char c[] = "\xC2\xA0 x y \r\n";
    char d[] = "   ";

    ck_assert_str_eq(rotap_trim(a), "王建国");
    ck_assert_str_eq(rotap_trim(b), "李娜");
    ck_assert_str_eq(rotap_trim(c), "x y");
    ck_assert_str_eq(rotap_trim(d), "");
}
END_TEST

START_TEST(test_split_list)
{
    g_autoptr(GPtrArray) items = rotap_split_list(" P1、P2，P3,P4;P5；P6 、、 ");
    g_autoptr(GPtrArray) none = rotap_split_list(" 、 ");

    ck_assert_uint_eq(items->len, 6);
    for (guint i = 0; i < 6; i++) {
        g_autofree char *want = g_strdup_printf("P%u", i + 1);

        ck_assert_str_eq(items->pdata[i], want);
    }
    ck_assert_uint_eq(none->len, 0);
}
END_TEST

static const struct {
    const char *text;
    const char *date; /* NULL: an error */
} date_cases[] = {
    {"2026-12-05", "2026-12-05"},   {"2026/12/5", "2026-12-05"},
    {"2026.12.5", "2026-12-05"},    {"2026年12月5日", "2026-12-05"},
    {"12月5日", "2026-12-05"},      {"1月1日", "2027-01-01"},
    {"2027-02-01", "2027-02-01"},   {"6月1日", NULL},
    {"2026-02-30", NULL},           {"2026-12", NULL},
    {"12/5", NULL},                 {"2026-12-05-1", NULL},
    {"2026年12月5", "2026-12-05"},  {"明天", NULL},
    {"2026--12-05", NULL},          {"20261205", NULL},
};

START_TEST(test_dates)
{
    GDate start;
    g_autofree char *out = NULL;
    const char *why = NULL;
    gboolean ok;

    g_date_clear(&start, 1);
    g_date_set_dmy(&start, 1, G_DATE_DECEMBER, 2026);
    ok = rotap_parse_sheet_date(date_cases[_i].text, &start, 45, FALSE, &out, &why);
    if (date_cases[_i].date == NULL) {
        ck_assert_msg(!ok, "%s read as %s", date_cases[_i].text, out);
        ck_assert_ptr_nonnull(why);
    } else {
        ck_assert_msg(ok, "%s: %s", date_cases[_i].text, why);
        ck_assert_str_eq(out, date_cases[_i].date);
    }
}
END_TEST

START_TEST(test_distance)
{
    ck_assert_int_eq(rotap_text_distance("县教体局", "县教育和体育局"), 3);
    ck_assert_int_eq(rotap_text_distance("", "abc"), 3);
    ck_assert_int_eq(rotap_text_distance("王建国", "王建军"), 1);
    ck_assert_int_eq(rotap_text_distance("same", "same"), 0);
}
END_TEST

START_TEST(test_int)
{
    int v = 0;

    ck_assert(rotap_parse_int("42", &v) && v == 42);
    ck_assert(rotap_parse_int("-3", &v) && v == -3);
    ck_assert(!rotap_parse_int("3.5", &v));
    ck_assert(!rotap_parse_int("三", &v));
    ck_assert(!rotap_parse_int("99999999999", &v));
    ck_assert(!rotap_parse_int("", &v));
}
END_TEST

/* ---- CSV */

static RotapCsv *
parse(const char *data, gsize length, RotapErrors *errors)
{
    rotap_errors_init(errors, FALSE);
    return rotap_csv_parse("t.csv", 1, data, length, errors);
}

#define PARSE(text, errors) parse((text), sizeof(text) - 1, (errors))

START_TEST(test_csv_lines)
{
    RotapErrors errors;
    RotapCsv *csv = PARSE("\r\na,b\r\n\r\n1,\"x\r\ny\"\r\n ,  \r\n,,\r\n2,\"q\"\"uote, here\"\r\n"
                          "3,last",
                          &errors);
    const RotapCsvRow *row;

    ck_assert_ptr_nonnull(csv);
    ck_assert_uint_eq(errors.items->len, 0);
    ck_assert_int_eq(csv->delimiter, ',');
    ck_assert_str_eq(csv->encoding, "UTF-8");
    ck_assert_int_eq(csv->header->line, 2);
    ck_assert_uint_eq(csv->rows->len, 3);
    row = csv->rows->pdata[0];
    ck_assert_int_eq(row->line, 4);
    ck_assert_str_eq(row->cells[1], "x\ny");
    row = csv->rows->pdata[1];
    ck_assert_int_eq(row->line, 8);
    ck_assert_str_eq(row->cells[1], "q\"uote, here");
    row = csv->rows->pdata[2];
    ck_assert_int_eq(row->line, 9);
    ck_assert_str_eq(row->cells[1], "last");
    rotap_csv_free(csv);
    rotap_errors_clear(&errors);
}
END_TEST

START_TEST(test_csv_tab_bom)
{
    RotapErrors errors;
    RotapCsv *csv = PARSE("\xEF\xBB\xBF编号\t名称, 全称\n U1 \t\"县委, 办公室\"\n", &errors);
    const RotapCsvRow *row;

    ck_assert_ptr_nonnull(csv);
    ck_assert_int_eq(csv->delimiter, '\t');
    ck_assert_str_eq(csv->encoding, "UTF-8 with BOM");
    ck_assert_str_eq(csv->header->cells[0], "编号");
    ck_assert_str_eq(csv->header->cells[1], "名称, 全称");
    row = csv->rows->pdata[0];
    ck_assert_str_eq(row->cells[0], "U1");
    ck_assert_str_eq(row->cells[1], "县委, 办公室");
    rotap_csv_free(csv);
    rotap_errors_clear(&errors);
}
END_TEST

START_TEST(test_csv_gb18030)
{
    RotapErrors errors;
    const char *utf8 = "编号,姓名\r\nP1,王建国\r\n";
    g_autofree char *gb = g_convert(utf8, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
    RotapCsv *csv;
    const RotapCsvRow *row;

    ck_assert_ptr_nonnull(gb);
    ck_assert(!g_utf8_validate(gb, -1, NULL));
    csv = parse(gb, strlen(gb), &errors);
    ck_assert_ptr_nonnull(csv);
    ck_assert_str_eq(csv->encoding, "GB18030");
    row = csv->rows->pdata[0];
    ck_assert_str_eq(row->cells[1], "王建国");
    rotap_csv_free(csv);
    rotap_errors_clear(&errors);
}
END_TEST

static void
assert_one_error(const char *data, gsize length, const char *message)
{
    RotapErrors errors;
    RotapCsv *csv = parse(data, length, &errors);
    g_autofree char *text = NULL;

    ck_assert_ptr_null(csv);
    text = rotap_errors_join(&errors);
    ck_assert_uint_eq(errors.items->len, 1);
    ck_assert_msg(g_str_has_prefix(text, message), "got %s", text);
    rotap_errors_clear(&errors);
}

START_TEST(test_csv_errors)
{
    static const char neither[] = "a,b\n1,2\n3,\xFF\xFF\n";
    static const char bom_gb[] = "\xEF\xBB\xBF" "a\n\xCD\xF5\n";
    static const char unclosed[] = "a,b\n1,\"x\n2,3\n";
    static const char after[] = "a,b\n1,2\n3,\"x\"y\n";

    assert_one_error(neither, sizeof neither - 1, "t.csv:3: bytes that are neither");
    assert_one_error(bom_gb, sizeof bom_gb - 1, "t.csv:2: not UTF-8");
    assert_one_error(unclosed, sizeof unclosed - 1, "t.csv:2: bad quoting");
    assert_one_error(after, sizeof after - 1, "t.csv:3: bad quoting");
}
END_TEST

/* ---- runs through the public API */

static const char *
base_path(void)
{
    static char *path;

    if (path == NULL)
        path = test_srcdir_path("tests/data/import/base.json");
    return path;
}

START_TEST(test_run_names)
{
    static const char people[] = "编号,姓名,单位,身份\nP1,王建国,县住房和城乡建设局,党员\n"
                                 "P2,张伟,U1,\nP3,李娜,U2,\nP4,张伟,U2,\nP5,刘洋,U3,\n"
                                 "P6,陈静,县卫生健康局,督查员\n";
    static const char off[] = "编号,开始,班次\n陈静,12月3日,晚高峰疏导\n";
    g_autoptr(RotaImport) import = rota_import_new(base_path());
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(GError) error = NULL;
    int p6;

    rota_import_add_sheet_data(import, ROTA_SHEET_PEOPLE, "people.csv", people,
                               sizeof people - 1);
    rota_import_add_sheet_data(import, ROTA_SHEET_OFF, "off.csv", off, sizeof off - 1);
    model = rota_import_run(import, &error);
    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "");
    ck_assert_int_eq(rota_import_get_n_errors(import), 0);
    ck_assert_ptr_nonnull(strstr(rota_import_get_summary(import),
                                 "references resolved by name: 4"));
    p6 = rota_model_find_person(model, "P6");
    ck_assert_int_ge(p6, 0);
    ck_assert_str_eq(rota_model_get_unit_id(model, rota_model_get_person_unit(model, p6)),
                     "U3");
}
END_TEST

START_TEST(test_run_many_errors)
{
    g_autoptr(GString) people = g_string_new("编号,姓名,单位\n");
    g_autoptr(RotaImport) import = rota_import_new(base_path());
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) lines = NULL;

    for (int i = 0; i < 70; i++)
        g_string_append_printf(people, "P%d,某人,县教体局\n", 10 + i);
    rota_import_add_sheet_data(import, ROTA_SHEET_PEOPLE, "p.csv", people->str, people->len);
    ck_assert_ptr_null(rota_import_run(import, &error));
    ck_assert_int_eq(rota_import_get_n_errors(import), 70);
    ck_assert(g_error_matches(error, ROTA_ERROR, ROTA_ERROR_INVALID));
    lines = g_strsplit(error->message, "\n", -1);
    ck_assert_uint_eq(g_strv_length(lines), 51);
    ck_assert_str_eq(lines[0], "p.csv:2:3: 列 单位 (unit): unknown unit \"县教体局\" "
                               "(did you mean \"县教育和体育局\"?)");
    ck_assert_str_eq(lines[49], "p.csv:51:3: 列 单位 (unit): unknown unit \"县教体局\" "
                                "(did you mean \"县教育和体育局\"?)");
    ck_assert_str_eq(lines[50], "… and 20 more errors");
}
END_TEST

START_TEST(test_run_bad_base)
{
    g_autoptr(RotaImport) import = rota_import_new("/nonexistent/base.json");
    g_autoptr(GError) error = NULL;

    ck_assert_ptr_null(rota_import_run(import, &error));
    ck_assert(g_error_matches(error, ROTA_ERROR, ROTA_ERROR_IO));
    ck_assert_int_eq(rota_import_get_n_errors(import), 0);
}
END_TEST

/* export sheets, then import them: the canonical text of the county. */
START_TEST(test_round_trip_county)
{
    g_autoptr(RotaModel) county = test_load_model("examples/county/county.json");
    g_autofree char *dir = g_dir_make_tmp("rota-sheets-XXXXXX", NULL);
    g_autofree char *base = g_build_filename(dir, "base.json", NULL);
    g_autoptr(RotaImport) import = rota_import_new(base);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(GError) error = NULL;
    static const char *const names[] = {"units.csv", "segments.csv", "people.csv", "off.csv",
                                        "requests.csv"};
    g_autofree char *want = rota_model_to_data(county, NULL);
    g_autofree char *got = NULL;

    ck_assert(rota_export_sheets(county, dir, &error));
    for (int k = 0; k < ROTA_N_SHEETS; k++) {
        g_autofree char *path = g_build_filename(dir, names[k], NULL);

        rota_import_add_sheet(import, (RotaSheetKind)k, path);
    }
    model = rota_import_run(import, &error);
    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "");
    got = rota_model_to_data(model, NULL);
    ck_assert(strcmp(want, got) == 0);
    for (int k = 0; k < ROTA_N_SHEETS; k++) {
        g_autofree char *path = g_build_filename(dir, names[k], NULL);

        g_unlink(path);
    }
    g_unlink(base);
    g_rmdir(dir);
}
END_TEST

static Suite *
import_suite(void)
{
    Suite *s = suite_create("import");
    TCase *values = tcase_create("values");
    TCase *csv = tcase_create("csv");
    TCase *runs = tcase_create("runs");

    tcase_add_test(values, test_trim);
    tcase_add_test(values, test_split_list);
    tcase_add_loop_test(values, test_dates, 0, G_N_ELEMENTS(date_cases));
    tcase_add_test(values, test_distance);
    tcase_add_test(values, test_int);
    suite_add_tcase(s, values);
    tcase_add_test(csv, test_csv_lines);
    tcase_add_test(csv, test_csv_tab_bom);
    tcase_add_test(csv, test_csv_gb18030);
    tcase_add_test(csv, test_csv_errors);
    suite_add_tcase(s, csv);
    tcase_add_test(runs, test_run_names);
    tcase_add_test(runs, test_run_many_errors);
    tcase_add_test(runs, test_run_bad_base);
    tcase_add_test(runs, test_round_trip_county);
    tcase_set_timeout(runs, 60);
    suite_add_tcase(s, runs);
    return s;
}

int
main(void)
{
    return test_run_suite(import_suite());
}
