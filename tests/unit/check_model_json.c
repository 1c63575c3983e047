/* SPDX-License-Identifier: MIT */
/* check_model_json.c: model.json in and out, path location and JSON syntax errors. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "formats/json-private.h"
#include "model-private.h"
#include "testhelp.h"
#include "util-private.h"

/* ------------------------------------------------------------------ helpers */

/* The *.json files of tests/data/valid, sorted. */
static GPtrArray *
valid_fixtures(void)
{
    g_autofree char *dir_path = test_srcdir_path("tests/data/valid");
    g_autoptr(GDir) dir = g_dir_open(dir_path, 0, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;

    ck_assert_msg(dir != NULL, "cannot open %s", dir_path);
    while ((name = g_dir_read_name(dir)) != NULL) {
        if (g_str_has_suffix(name, ".json"))
            g_ptr_array_add(names, g_strdup_printf("tests/data/valid/%s", name));
    }
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    return names;
}

static RotaModel *
load_text(const char *text, GError **error)
{
    return rota_model_new_from_data(text, strlen(text), "model.json", error);
}

/* A minimal valid model with extra top-level text spliced in before the
 * closing brace, so that one key at a time can be tested. */
static char *
model_with(const char *extra)
{
    return g_strdup_printf(
        "{\n  \"format\": \"rota-model\", \"version\": 1,\n"
        "  \"name\": \"测试\", \"start\": \"2026-12-01\", \"days\": 7,\n"
        "  \"shifts\": [ { \"id\": \"am\", \"start\": \"07:00\", "
        "\"end\": \"09:00\" } ]%s\n}\n",
        extra);
}

static void
assert_load_error(const char *extra, int code, const char *message)
{
    g_autofree char *text = model_with(extra);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = load_text(text, &error);

    ck_assert_msg(model == NULL, "loaded: %s", text);
    ck_assert_int_eq(error->code, code);
    ck_assert_str_eq(error->message, message);
}

static void
assert_parse_error(const char *text, gsize length, int code, const char *message)
{
    RotapJsonReader reader = {"model.json", text, length};
    g_autoptr(GError) error = NULL;
    struct json_object *root = rotap_json_parse(&reader, &error);

    ck_assert_msg(root == NULL, "parsed: %s", text);
    ck_assert_int_eq(error->domain, ROTA_ERROR);
    ck_assert_int_eq(error->code, code);
    ck_assert_str_eq(error->message, message);
}

static gsize
locate(const char *text, const char *path)
{
    gsize offset = 12345;

    ck_assert_msg(rotap_json_locate(text, strlen(text), path, &offset), "path %s", path);
    return offset;
}

/* ------------------------------------------------------------------ load */

START_TEST(test_load_valid_fixtures)
{
    g_autoptr(GPtrArray) names = valid_fixtures();

    ck_assert_uint_ge(names->len, 3);
    for (guint i = 0; i < names->len; i++) {
        g_autofree char *path = test_srcdir_path(names->pdata[i]);
        g_autofree char *data = test_read_srcdir_file(names->pdata[i], NULL);
        g_autofree char *sha = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(RotaModel) model = rota_model_new_from_file(path, &error);
        gsize length = strlen(data);

        ck_assert_msg(model != NULL, "%s: %s", (char *)names->pdata[i],
                      error != NULL ? error->message : "");
        sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (guchar *)data, length);
        ck_assert_str_eq(rota_model_get_sha256(model), sha);
        ck_assert_uint_eq(strlen(rota_model_get_sha256(model)), 64);
    }
}
END_TEST

START_TEST(test_load_full_values)
{
    g_autofree char *path = test_srcdir_path("tests/data/valid/full.json");
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = rota_model_new_from_file(path, &error);
    const RotapSpec *spec;
    const RotapPersonSpec *person;
    const RotapDutySpec *duty;

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "");
    ck_assert_str_eq(rota_model_get_name(model), "示例县 2026年12月值勤（测试）");
    ck_assert_int_eq(rota_model_get_n_days(model), 35);
    ck_assert_int_eq(rota_model_get_n_shifts(model), 5);
    ck_assert_int_eq(rota_model_get_n_people(model), 7);
    ck_assert_int_eq(rota_model_get_onsite_shift(model), 2);
    spec = model->spec;
    ck_assert_int_eq(spec->holidays->len, 2);
    ck_assert(spec->has_calendar);
    ck_assert_double_eq_tol(g_array_index(spec->segments, RotapSegmentSpec, 2).lon,
                            -118.0, 1e-9);
    person = &g_array_index(spec->people, RotapPersonSpec, 2);
    ck_assert_int_eq(person->off->len, 4);
    ck_assert_int_eq(g_array_index(person->off, RotapOffSpec, 0).form,
                     ROTAP_OFF_FORM_DATE);
    ck_assert_int_eq(g_array_index(person->off, RotapOffSpec, 2).form,
                     ROTAP_OFF_FORM_DAY);
    ck_assert_str_eq(g_array_index(person->off, RotapOffSpec, 2).shift, "am");
    ck_assert_int_eq(g_array_index(person->off, RotapOffSpec, 3).form,
                     ROTAP_OFF_FORM_RANGE);
    ck_assert_int_eq(person->limits.set, (1u << ROTA_N_LIMITS) - 1);
    ck_assert_int_eq(person->limits.values[ROTA_LIMIT_MIN_REST_MINUTES], 480);
    ck_assert_int_eq(person->limits.max_shifts->len, 2);
    ck_assert(!g_array_index(person->requests, RotapRequestSpec, 0).on);
    ck_assert_int_eq(g_array_index(person->requests, RotapRequestSpec, 0).weight, 3);
    ck_assert(!g_array_index(person->requests, RotapRequestSpec, 1).has_on);
    duty = &g_array_index(spec->duties, RotapDutySpec, 4);
    ck_assert(duty->per_week && duty->not_owner && duty->has_who);
    ck_assert(duty->segments == NULL);
    duty = &g_array_index(spec->duties, RotapDutySpec, 3);
    ck_assert_int_eq(duty->days.kind, ROTA_DAYS_DATES);
    ck_assert_str_eq(g_ptr_array_index(duty->days.dates, 1), "2026-12-31");
    ck_assert_int_eq(spec->weights_set, (1u << ROTA_N_WEIGHTS) - 1);
}
END_TEST

START_TEST(test_load_missing_file)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model =
        rota_model_new_from_file("/nonexistent/model.json", &error);

    ck_assert(model == NULL);
    test_assert_error(&error, ROTA_ERROR_IO, "/nonexistent/model.json: cannot read");
}
END_TEST

START_TEST(test_load_bom_accepted)
{
    g_autofree char *plain = model_with("");
    g_autofree char *text = g_strconcat("\xEF\xBB\xBF", plain, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = load_text(text, &error);

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "");
}
END_TEST

/* ------------------------------------------------------------------ round trips */

static void
assert_round_trip(RotaModel *model, const char *what)
{
    gsize length = 0, length2 = 0;
    g_autofree char *first = rota_model_to_data(model, &length);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) again = rota_model_new_from_data(first, length, what, &error);
    g_autofree char *second = NULL;

    ck_assert_msg(again != NULL, "%s: written model does not load: %s\n%s", what,
                  error != NULL ? error->message : "", first);
    second = rota_model_to_data(again, &length2);
    ck_assert_uint_eq(length, strlen(first));
    ck_assert_msg(strcmp(first, second) == 0, "%s: not byte-identical:\n%s\n---\n%s",
                  what, first, second);
    ck_assert(g_str_has_suffix(first, "}\n"));
    ck_assert(g_utf8_validate(first, -1, NULL));
}

START_TEST(test_round_trip_fixtures)
{
    g_autoptr(GPtrArray) names = valid_fixtures();

    for (guint i = 0; i < names->len; i++) {
        g_autofree char *path = test_srcdir_path(names->pdata[i]);
        g_autoptr(GError) error = NULL;
        g_autoptr(RotaModel) model = rota_model_new_from_file(path, &error);

        ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "");
        assert_round_trip(model, names->pdata[i]);
    }
}
END_TEST

START_TEST(test_round_trip_builder)
{
    g_autoptr(RotaBuilder) b = rota_builder_new("建造者 \"测试\"", "2026-12-01", 14);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;
    int u, p, d;

    rota_builder_set_timezone(b, "Asia/Shanghai");
    rota_builder_set_contact(b, "12345", "县城管办 \"值班室\"");
    rota_builder_add_holiday(b, "2026-12-02");
    rota_builder_add_workday(b, "2026-12-05");
    rota_builder_add_shift(b, "am", "早\t班", "07:00", "09:00");
    rota_builder_add_shift(b, "night", "夜班", "22:00", "06:00");
    rota_builder_forbid_succession(b, "night", "am");
    rota_builder_add_segment(b, "S1", "路段/一");
    rota_builder_set_segment_kind(b, 0, "compound");
    rota_builder_set_segment_geo(b, 0, 36.123456789, -0.5);
    u = rota_builder_add_unit(b, "U1", "单位", "P1");
    rota_builder_add_unit_deputy(b, u, "P2");
    rota_builder_add_unit_segment(b, u, "S1");
    p = rota_builder_add_person(b, "P1", "甲", "U1");
    rota_builder_set_person_phone(b, p, "0534-1234567", TRUE);
    p = rota_builder_add_person(b, "P2", "乙", "U1");
    rota_builder_set_person_phone(b, p, "13800000000", FALSE);
    rota_builder_add_person_tag(b, p, "party");
    rota_builder_set_person_limit(b, p, ROTA_LIMIT_MAX_CONSECUTIVE, 3);
    rota_builder_set_person_max_shifts(b, p, "night", 2);
    rota_builder_add_person_off(b, p, "2026-12-03", "2026-12-04", NULL);
    rota_builder_add_person_off(b, p, "2026-12-08", "2026-12-08", "am");
    rota_builder_add_person_request(b, p, "2026-12-09", "am", FALSE, 2);
    d = rota_builder_add_duty(b, "d1", "am");
    rota_builder_set_duty_min(b, d, 1);
    rota_builder_add_duty_quota(b, d, "party", 1);
    rota_builder_set_duty_per_week(b, d, TRUE);
    d = rota_builder_add_duty(b, "d2", "night");
    rota_builder_set_duty_days(b, d, ROTA_DAYS_DATES);
    rota_builder_add_duty_date(b, d, "2026-12-10");
    rota_builder_add_duty_who_tag(b, d, "party");
    rota_builder_set_onsite(b, "am", ROTA_DAYS_WORKDAYS);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MIN_REST_MINUTES, 600);
    rota_builder_set_weight(b, ROTA_WEIGHT_FAIRNESS, 7);
    model = rota_builder_steal_model(b, &error);
    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "");
    ck_assert_str_eq(rota_model_get_contact_hotline(model), "12345");
    ck_assert_str_eq(rota_model_get_contact_office(model), "县城管办 \"值班室\"");
    ck_assert_str_eq(rota_model_get_person_phone(model, 0), "0534-1234567");
    ck_assert(rota_model_is_person_phone_public(model, 0));
    ck_assert_str_eq(rota_model_get_person_phone(model, 1), "13800000000");
    ck_assert(!rota_model_is_person_phone_public(model, 1));
    assert_round_trip(model, "builder");
}
END_TEST

START_TEST(test_write_layout)
{
    g_autofree char *text = model_with(",\n  \"segments\": [ { \"id\": \"S\", \"geo\": "
                                       "[36.1200001, 118] } ],\n  \"units\": [],"
                                       "\"rules\": { \"weights\": { \"change\": 3 } }");
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = load_text(text, &error);
    g_autofree char *data = NULL;

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "");
    data = rota_model_to_data(model, NULL);
    ck_assert_str_eq(data,
                     "{\n"
                     "  \"format\": \"rota-model\",\n"
                     "  \"version\": 1,\n"
                     "  \"name\": \"测试\",\n"
                     "  \"start\": \"2026-12-01\",\n"
                     "  \"days\": 7,\n"
                     "  \"shifts\": [\n"
                     "    { \"id\": \"am\", \"start\": \"07:00\", \"end\": \"09:00\" }\n"
                     "  ],\n"
                     "  \"segments\": [\n"
                     "    { \"id\": \"S\", \"geo\": [36.12, 118] }\n"
                     "  ],\n"
                     "  \"units\": [],\n"
                     "  \"people\": [],\n"
                     "  \"duties\": [],\n"
                     "  \"rules\": {\n"
                     "    \"weights\": { \"change\": 3 }\n"
                     "  }\n"
                     "}\n");
}
END_TEST

START_TEST(test_append_string)
{
    g_autoptr(GString) out = g_string_new(NULL);

    rotap_json_append_string(out, "a\"b\\c/d\n\t\r\b\f\x01\x1f 人民路 \x7f");
    ck_assert_str_eq(out->str,
                     "\"a\\\"b\\\\c/d\\n\\t\\r\\b\\f\\u0001\\u001f 人民路 \x7f\"");
    g_string_truncate(out, 0);
    rotap_json_append_string(out, "bad \xff byte");
    ck_assert(g_utf8_validate(out->str, -1, NULL));
    ck_assert_str_eq(out->str, "\"bad \xEF\xBF\xBD byte\"");
}
END_TEST

/* Saving into a missing directory fails without creating anything; a
 * failed rename leaves the target as it was and no temporary file. */
START_TEST(test_save_atomic)
{
    g_autofree char *valid = test_srcdir_path("tests/data/valid/minimal.json");
    g_autoptr(RotaModel) model = rota_model_new_from_file(valid, NULL);
    g_autofree char *dir = g_dir_make_tmp("rota-save-XXXXXX", NULL);
    g_autofree char *missing = g_build_filename(dir, "no", "model.json", NULL);
    g_autofree char *target = g_build_filename(dir, "target", NULL);
    g_autofree char *good = g_build_filename(dir, "good.json", NULL);
    g_autofree char *saved = NULL;
    g_autofree char *expected = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) listing = NULL;
    int n_files = 0;

    ck_assert(model != NULL && dir != NULL);
    ck_assert(!rota_model_save(model, missing, &error));
    test_assert_error(&error, ROTA_ERROR_IO, missing);
    ck_assert(!g_file_test(missing, G_FILE_TEST_EXISTS));
    ck_assert_int_eq(g_mkdir(target, 0755), 0);
    ck_assert(!rota_model_save(model, target, &error));
    test_assert_error(&error, ROTA_ERROR_IO, target);
    ck_assert(g_file_test(target, G_FILE_TEST_IS_DIR));
    ck_assert(rota_model_save(model, good, &error));
    ck_assert(g_file_get_contents(good, &saved, NULL, NULL));
    expected = rota_model_to_data(model, NULL);
    ck_assert_str_eq(saved, expected);
    listing = g_dir_open(dir, 0, NULL);
    while (g_dir_read_name(listing) != NULL)
        n_files++;
    ck_assert_int_eq(n_files, 2);
    g_unlink(good);
    g_rmdir(target);
    g_rmdir(dir);
}
END_TEST

/* ------------------------------------------------------------------ locate */

static const char *const nested =
    "{\"a\": {\"b\": [1, {\"c\": 2}, [3, 4]], \"人\": \"值\"},\n"
    " \"p\": [{\"id\":\"P0001\", \"x.y\": 1}], \"e\\u0073c\": true}";

START_TEST(test_locate_nested)
{
    ck_assert_uint_eq(locate(nested, ""), 0);
    ck_assert_uint_eq(locate(nested, "a"), 1);
    ck_assert_uint_eq(locate(nested, "a.b"), 7);
    ck_assert_uint_eq(locate(nested, "a.b[0]"), 13);
    ck_assert_uint_eq(locate(nested, "a.b[1]"), 16);
    ck_assert_uint_eq(locate(nested, "a.b[1].c"), 17);
    ck_assert_uint_eq(locate(nested, "a.b[2][1]"), 30);
    ck_assert_uint_eq(locate(nested, "a.人"), 35);
    ck_assert(strncmp(nested + locate(nested, "p[0].id"), "\"id\"", 4) == 0);
    ck_assert(strncmp(nested + locate(nested, "esc"), "\"e\\u0073c\"", 10) == 0);
}
END_TEST

START_TEST(test_locate_missing)
{
    /* A missing last key: the enclosing object. */
    ck_assert_uint_eq(locate(nested, "a.x"), 6);
    /* A missing element: the enclosing array. */
    ck_assert_uint_eq(locate(nested, "a.b[9]"), 12);
    /* Deeper misses stop at the deepest value found. */
    ck_assert_uint_eq(locate(nested, "q.r.s"), 0);
    ck_assert_uint_eq(locate(nested, "a.b[1].c.d"), 22);
    ck_assert_uint_eq(locate(nested, "a.b[x]"), 12);
    /* A key containing '.' cannot be addressed: its object is found. */
    ck_assert(strncmp(nested + locate(nested, "p[0].x.y"), "{\"id\"", 5) == 0);
}
END_TEST

START_TEST(test_locate_empty)
{
    gsize offset = 99;

    ck_assert(!rotap_json_locate("", 0, "a", &offset));
    ck_assert_uint_eq(offset, 0);
    ck_assert(!rotap_json_locate(" \n ", 3, "", &offset));
}
END_TEST

START_TEST(test_locate_position_crlf_chinese)
{
    const char *text =
        "{\r\n  \"名称\": \"人民路\",\r\n  \"段\": [\"东风街\", {\"路长\": 1}]\r\n}";
    gsize offset = locate(text, "段[1].路长");
    int line, column;

    rotap_text_position(text, strlen(text), offset, &line, &column);
    ck_assert_int_eq(line, 3);
    ck_assert_int_eq(column, 17);
    offset = locate(text, "名称");
    rotap_text_position(text, strlen(text), offset, &line, &column);
    ck_assert_int_eq(line, 2);
    ck_assert_int_eq(column, 3);
}
END_TEST

/* ------------------------------------------------------------------ parse */

START_TEST(test_parse_empty)
{
    assert_parse_error("", 0, ROTA_ERROR_FORMAT, "model.json: empty file");
    assert_parse_error(" \r\n\t\n", 5, ROTA_ERROR_FORMAT, "model.json: empty file");
    assert_parse_error("\xEF\xBB\xBF\n", 4, ROTA_ERROR_FORMAT, "model.json: empty file");
}
END_TEST

START_TEST(test_parse_positions)
{
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"{\n  \"名字\": \"张三\" x}",
         "model.json:2:14: syntax error: unexpected \"x\" (expected \",\" or \"}\" after "
         "an object member)"},
        {"{\"a\": 1", "model.json:1:8: syntax error: unexpected end of file"},
        {"{\"a\": \"人民", "model.json:1:10: syntax error: unexpected end of file "
                           "(unterminated string)"},
        {"{\"a\": 1} x",
         "model.json:1:10: syntax error: unexpected text after the end of the document"},
        {"{\"a\": [1, 2,]}",
         "model.json:1:13: syntax error: unexpected \"]\" after \",\" (trailing comma)"},
        {"{\"a\": 1,\r\n}",
         "model.json:2:1: syntax error: unexpected \"}\" after \",\" (trailing comma)"},
        {"{'a': 1}", "model.json:1:2: syntax error: unexpected \"'\" (strings use double "
                     "quotes)"},
        {"// c\n{}", "model.json:1:1: syntax error: comments are not allowed in JSON"},
        {"{\"a\" 1}",
         "model.json:1:6: syntax error: unexpected \"1\" (expected \":\" after the key)"},
        {"{\"a\": 01}", "model.json:1:7: syntax error: invalid number (no leading zeros "
                        "allowed)"},
        {"{\"a\": 1.}", "model.json:1:7: syntax error: invalid number"},
        {"{\"a\": -}", "model.json:1:7: syntax error: invalid number"},
        {"{\"a\": \"x\ty\"}", "model.json:1:9: syntax error: control character U+0009 in "
                              "a string (escape it)"},
        {"{\"a\": \"\\x\"}", "model.json:1:8: syntax error: invalid escape \"\\x\" in a "
                             "string"},
        {"{\"a\": \"\\u12\"}", "model.json:1:8: syntax error: invalid \\u escape in a "
                               "string (expected 4 hex digits)"},
        {"{\"a\": \"\\udc00\"}",
         "model.json:1:8: syntax error: unpaired surrogate \\udc00 in a string"},
        {"{\"a\": NaN}",
         "model.json:1:7: syntax error: unexpected word \"NaN\" (expected "
         "a value: a string, a number, an object, an array, true, false "
         "or null)"},
        {"{\"a\": 人}", "model.json:1:7: syntax error: unexpected \"人\" (expected a "
                        "value)"},
        {"{\"路\": 1, \"路\": 2}", "model.json:1:10: 路: duplicate key \"路\""},
        {"{\"a\": {\"b\": 1,\n \"\\u0062\": 2}}",
         "model.json:2:2: a.b: duplicate key \"b\""},
        {"{\"a\": [{}, {\"k\": 1, \"k\": 1}]}",
         "model.json:1:21: a[1].k: duplicate key \"k\""},
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        assert_parse_error(cases[i].text, strlen(cases[i].text), ROTA_ERROR_SYNTAX,
                           cases[i].message);
}
END_TEST

START_TEST(test_parse_encoding)
{
    assert_parse_error("{\n \"人\": \"a\0b\"}", 14, ROTA_ERROR_SYNTAX,
                       "model.json:2:9: syntax error: NUL byte; the file must be UTF-8 "
                       "text");
    assert_parse_error(
        "{\"名\": \"\xe4\xba\"}", 11, ROTA_ERROR_SYNTAX,
        "model.json:1:8: syntax error: invalid UTF-8 (byte 0xE4); the file "
        "must be UTF-8 text");
    assert_parse_error(
        "{\"\xff\": 1}", 7, ROTA_ERROR_SYNTAX,
        "model.json:1:3: syntax error: invalid UTF-8 (byte 0xFF); the file "
        "must be UTF-8 text");
    /* An encoded surrogate is not UTF-8. */
    assert_parse_error(
        "[\"\xed\xa0\x80\"]", 7, ROTA_ERROR_SYNTAX,
        "model.json:1:3: syntax error: invalid UTF-8 (byte 0xED); the file "
        "must be UTF-8 text");
}
END_TEST

/* Large objects are checked through a hash table rather than in place. */
START_TEST(test_parse_duplicate_many)
{
    g_autoptr(GString) text = g_string_new("{");
    g_autofree char *message = NULL;
    gsize column;

    for (int i = 0; i < 40; i++)
        g_string_append_printf(text, "\"k%d\": {\"a\": 1, \"b\": 2}, ", i);
    column = g_utf8_strlen(text->str, -1) + 1;
    g_string_append(text, "\"k17\": 0}");
    message = g_strdup_printf("model.json:1:%zu: k17: duplicate key \"k17\"", column);
    assert_parse_error(text->str, text->len, ROTA_ERROR_SYNTAX, message);
}
END_TEST

START_TEST(test_parse_depth)
{
    g_autoptr(GString) deep = g_string_new(NULL);

    for (int i = 0; i < 40; i++)
        g_string_append_c(deep, '[');
    for (int i = 0; i < 40; i++)
        g_string_append_c(deep, ']');
    assert_parse_error(deep->str, deep->len, ROTA_ERROR_SYNTAX,
                       "model.json:1:33: syntax error: nesting too deep (more than 32 "
                       "levels)");
}
END_TEST

START_TEST(test_parse_valid_escapes)
{
    const char *text = "[\"\\ud83d\\ude00 \\u4eba \\\"\\\\\\/\\b\\f\\n\\r\\t\", -0.5e+3, "
                       "true, false, null, {}]";
    RotapJsonReader reader = {"x.json", text, strlen(text)};
    g_autoptr(GError) error = NULL;
    struct json_object *root = rotap_json_parse(&reader, &error);

    ck_assert_msg(root != NULL, "%s", error != NULL ? error->message : "");
    ck_assert_str_eq(json_object_get_string(json_object_array_get_idx(root, 0)),
                     "\xF0\x9F\x98\x80 人 \"\\/\b\f\n\r\t");
    json_object_put(root);
}
END_TEST

/* ------------------------------------------------------------------ getters */

START_TEST(test_type_errors)
{
    assert_load_error(
        ",\n  \"people\": [ { \"id\": \"P1\" }, { \"id\": \"P2\", \"name\": 5 } ]",
        ROTA_ERROR_INVALID,
        "model.json:5:45: people[1].name: expected a string, found a number");
    assert_load_error(",\n  \"units\": [ { \"id\": \"U\", \"deputies\": \"P1\" } ]",
                      ROTA_ERROR_INVALID,
                      "model.json:5:27: units[0].deputies: expected an array, found a "
                      "string");
    assert_load_error(",\n  \"units\": [ { \"id\": \"U\", \"segments\": [\"S\", 3] } ]",
                      ROTA_ERROR_INVALID,
                      "model.json:5:45: units[0].segments[1]: expected a string, found a "
                      "number");
    assert_load_error(",\n  \"people\": [ { \"name\": \"无名\" } ]", ROTA_ERROR_INVALID,
                      "model.json:5:15: people[0]: missing required key \"id\"");
    assert_load_error(",\n  \"people\": [ 7 ]", ROTA_ERROR_INVALID,
                      "model.json:5:15: people[0]: expected an object, found a number");
    assert_load_error(",\n  \"people\": [ { \"id\": \"a\\u0000b\" } ]",
                      ROTA_ERROR_INVALID,
                      "model.json:5:17: people[0].id: a string must not contain \\u0000");
    assert_load_error(
        ",\n  \"duties\": [ { \"id\": \"d\", \"shift\": \"am\", \"not_owner\": 1 } ]",
        ROTA_ERROR_INVALID,
        "model.json:5:43: duties[0].not_owner: expected true or false, found "
        "a number");
}
END_TEST

START_TEST(test_integer_errors)
{
    g_autofree char *text =
        g_strdup("{\"format\": \"rota-model\", \"version\": 1, \"name\": \"n\", "
                 "\"start\": \"2026-12-01\", \"days\": 31.5}");
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = load_text(text, &error);

    ck_assert(model == NULL);
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "model.json:1:76: days: expected an integer, found 31.5");
    g_free(text);
    text = g_strdup("{\"format\": \"rota-model\", \"version\": 1, \"name\": \"n\", "
                    "\"start\": \"2026-12-01\", \"days\": 4294967296}");
    g_clear_pointer(&model, rota_model_unref);
    model = load_text(text, &error);
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "model.json:1:76: days: 4294967296 is out of range");
    g_free(text);
    text = g_strdup("{\"format\": \"rota-model\", \"version\": 1, \"name\": \"n\", "
                    "\"start\": \"2026-12-01\", \"days\": -99999999999999999999}");
    model = load_text(text, &error);
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "model.json:1:76: days: -99999999999999999999 is out of range");
}
END_TEST

START_TEST(test_format_errors)
{
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"[]",
         "model.json:1:1: expected an object with \"format\": \"rota-model\", found "
         "an array"},
        {"{\"version\": 1}", "model.json:1:1: format: missing (expected \"rota-model\")"},
        {"{\"format\": \"rota-roster\", \"version\": 1}",
         "model.json:1:2: format: expected \"rota-model\", found \"rota-roster\""},
        {"{\"format\": [1], \"version\": 1}",
         "model.json:1:2: format: expected \"rota-model\", found an array"},
        {"{\"format\": \"rota-model\"}", "model.json:1:1: version: missing (expected 1)"},
        {"{\"format\": \"rota-model\", \"version\": 2}",
         "model.json:1:26: version: unsupported version 2 (this rota reads version 1)"},
        {"{\"format\": \"rota-model\", \"version\": \"1\"}",
         "model.json:1:26: version: unsupported version \"1\" (this rota reads version "
         "1)"},
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(RotaModel) model = load_text(cases[i].text, &error);

        ck_assert(model == NULL);
        test_assert_error(&error, ROTA_ERROR_FORMAT, cases[i].message);
    }
}
END_TEST

START_TEST(test_position_error)
{
    const char *text = "{\"people\": [{\"id\": \"P1\", \"unit\": \"U9\"}]}";
    RotapJsonReader reader = {"m.json", text, strlen(text)};
    GError *error = g_error_new(ROTA_ERROR, ROTA_ERROR_INVALID,
                                "people[0].unit: unknown unit \"U9\"");

    rotap_json_position_error(&reader, &error);
    ck_assert_str_eq(error->message, "m.json:1:26: people[0].unit: unknown unit \"U9\"");
    ck_assert_int_eq(error->code, ROTA_ERROR_INVALID);
    g_clear_error(&error);
    error = g_error_new(ROTA_ERROR, ROTA_ERROR_INVALID, "people[0].limits: bad");
    rotap_json_position_error(&reader, &error);
    ck_assert_str_eq(error->message, "m.json:1:13: people[0].limits: bad");
    g_clear_error(&error);
    error = g_error_new(ROTA_ERROR, ROTA_ERROR_INVALID, "no path here");
    rotap_json_position_error(&reader, &error);
    ck_assert_str_eq(error->message, "m.json:1:1: no path here");
    g_clear_error(&error);
}
END_TEST

static Suite *
model_json_suite(void)
{
    Suite *suite = suite_create("model_json");
    TCase *tc;

    tc = tcase_create("load");
    tcase_add_test(tc, test_load_valid_fixtures);
    tcase_add_test(tc, test_load_full_values);
    tcase_add_test(tc, test_load_missing_file);
    tcase_add_test(tc, test_load_bom_accepted);
    suite_add_tcase(suite, tc);
    tc = tcase_create("write");
    tcase_add_test(tc, test_round_trip_fixtures);
    tcase_add_test(tc, test_round_trip_builder);
    tcase_add_test(tc, test_write_layout);
    tcase_add_test(tc, test_append_string);
    tcase_add_test(tc, test_save_atomic);
    suite_add_tcase(suite, tc);
    tc = tcase_create("locate");
    tcase_add_test(tc, test_locate_nested);
    tcase_add_test(tc, test_locate_missing);
    tcase_add_test(tc, test_locate_empty);
    tcase_add_test(tc, test_locate_position_crlf_chinese);
    suite_add_tcase(suite, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_parse_empty);
    tcase_add_test(tc, test_parse_positions);
    tcase_add_test(tc, test_parse_encoding);
    tcase_add_test(tc, test_parse_duplicate_many);
    tcase_add_test(tc, test_parse_depth);
    tcase_add_test(tc, test_parse_valid_escapes);
    tcase_add_test(tc, test_type_errors);
    tcase_add_test(tc, test_integer_errors);
    tcase_add_test(tc, test_format_errors);
    tcase_add_test(tc, test_position_error);
    suite_add_tcase(suite, tc);
    return suite;
}

int
main(void)
{
    return test_run_suite(model_json_suite());
}
