/* SPDX-License-Identifier: MIT */
/* check_curtois.c: Curtois-Qu instances, roster grids and the 20 reference rosters. */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "model-private.h"
#include "roster-private.h"
#include "testhelp.h"

#define CURTOIS_DIR "tests/data/curtois"
#define INVALID_DIR "tests/data/invalid-curtois"

/* Variants of the tiny instance below. */
enum {
    TINY_CRLF = 1 << 0,   /* CRLF line ends */
    TINY_BOM = 1 << 1,    /* a UTF-8 byte order mark */
    TINY_NOISE = 1 << 2,  /* extra comments, blank lines and trailing blanks */
    TINY_NO_L3 = 1 << 3,  /* no cover line for day 3, shift L */
    TINY_NO_EOL = 1 << 4, /* no line end after the last line */
    TINY_MINUS = 1 << 5,  /* "-0" and "+1" as cover requirements (Instance15 has "-0") */
};

/*
 * 14 days, shifts E (480 min, may not be followed by N: a later shift),
 * L (600) and N (720); staff A and B (B lists its shifts out of order).
 */
static char *
make_tiny(int flags, gsize *length)
{
    const char *eol = flags & TINY_CRLF ? "\r\n" : "\n";
    const char *noise = flags & TINY_NOISE ? " \t" : "";
    static const char *const body[] = {
        "# a tiny instance",
        "SECTION_HORIZON",
        "# days",
        "14",
        "",
        "SECTION_SHIFTS",
        "# ShiftID, Length in mins, Shifts which cannot follow this shift",
        "E,480,N",
        "L,600,E",
        "N,720,E|L",
        "",
        "SECTION_STAFF",
        "# ID, MaxShifts, MaxMin, MinMin, MaxCons, MinCons, MinOff, MaxWE",
        "A,E=14|L=3|N=0,4800,960,5,2,2,1",
        "B,N=2|E=14|L=14,6000,0,4,1,1,2",
        "",
        "SECTION_DAYS_OFF",
        "A,0,7",
        "B,13",
        "",
        "SECTION_SHIFT_ON_REQUESTS",
        "A,2,E,2",
        "B,5,N,3",
        "",
        "SECTION_SHIFT_OFF_REQUESTS",
        "B,3,L,1",
        "",
        "SECTION_COVER",
        "# Day, ShiftID, Requirement, Weight for under, Weight for over",
    };
    GString *text = g_string_new(flags & TINY_BOM ? "\xEF\xBB\xBF" : "");

    for (gsize i = 0; i < G_N_ELEMENTS(body); i++) {
        g_string_append_printf(text, "%s%s%s", body[i], body[i][0] ? noise : "", eol);
        if (flags & TINY_NOISE)
            g_string_append_printf(text, "# noise%s%s", eol, i % 2 ? eol : "");
    }
    for (int d = 0; d < 14; d++) {
        for (int s = 0; s < 3; s++) {
            if ((flags & TINY_NO_L3) && d == 3 && s == 1)
                continue;
            const char *sign = (flags & TINY_MINUS) ? ((d + s) % 3 ? "+" : "-") : "";

            g_string_append_printf(text, "%d,%c,%s%d,100,%d%s", d, "ELN"[s], sign,
                                   (d + s) % 3, 1 + s, eol);
        }
    }
    if (flags & TINY_NO_EOL)
        g_string_truncate(text, text->len - strlen(eol));
    *length = text->len;
    return g_string_free(text, FALSE);
}

/* Load with the data copied to a buffer of exactly its length, so that a
 * read past the end shows under AddressSanitizer. */
static RotaModel *
load_exact(const char *data, gsize length, const char *source, GError **error)
{
    g_autofree char *copy = g_malloc(length > 0 ? length : 1);

    memcpy(copy, data, length);
    return rota_model_new_from_curtois_data(copy, length, source, error);
}

static RotaModel *
load_tiny(int flags)
{
    gsize length;
    g_autofree char *text = make_tiny(flags, &length);
    g_autoptr(GError) error = NULL;
    RotaModel *model = load_exact(text, length, "dir/tiny.txt", &error);

    ck_assert_msg(model != NULL, "tiny (flags %d): %s", flags, error->message);
    return model;
}

static RotaModel *
load_instance(int n)
{
    g_autofree char *relative = g_strdup_printf(CURTOIS_DIR "/Instance%d.txt", n);

    return test_load_curtois(relative);
}

/* The sizes of the instances, from best_known.csv. */
static const struct {
    int n, days, staff, shifts;
} sizes[] = {
    {1, 14, 8, 1},  {2, 14, 14, 2},  {3, 14, 20, 3},     {4, 28, 10, 2},
    {5, 28, 16, 2}, {6, 28, 18, 3},  {7, 28, 20, 3},     {8, 28, 30, 4},
    {9, 28, 36, 4}, {10, 28, 40, 5}, {24, 364, 150, 32},
};

START_TEST(test_instance_sizes)
{
    g_autoptr(RotaModel) model = load_instance(sizes[_i].n);
    g_autofree char *name = g_strdup_printf("Instance%d", sizes[_i].n);

    ck_assert_str_eq(rota_model_get_name(model), name);
    ck_assert_int_eq(rota_model_get_n_days(model), sizes[_i].days);
    ck_assert_int_eq(rota_model_get_n_people(model), sizes[_i].staff);
    ck_assert_int_eq(rota_model_get_n_shifts(model), sizes[_i].shifts);
    /* One cover line, hence one duty and one cell, per (day, shift). */
    ck_assert_int_eq(rota_model_get_n_duties(model), sizes[_i].days * sizes[_i].shifts);
    ck_assert_int_eq(rota_model_get_n_cells(model), sizes[_i].days * sizes[_i].shifts);
    ck_assert_int_eq(rota_model_get_n_segments(model), 1);
    ck_assert_int_eq(rota_model_get_n_units(model), 0);
    ck_assert_int_eq(rota_model_get_onsite_shift(model), -1);
}
END_TEST

/* Instance24: a4 forbids a5, which the file defines after it. */
START_TEST(test_forbid_later_shift)
{
    g_autoptr(RotaModel) model = load_instance(24);
    int a4 = rota_model_find_shift(model, "a4");
    int a5 = rota_model_find_shift(model, "a5");
    int n4 = rota_model_find_shift(model, "n4");
    int n = model->n_shifts;

    ck_assert_int_eq(a4, 3);
    ck_assert_int_eq(a5, 4);
    ck_assert(model->forbid[a4 * n + a5]);
    ck_assert(model->forbid[a4 * n + a4]);
    ck_assert(!model->forbid[a5 * n + a4]);
    ck_assert(!model->forbid[a4 * n + n4]);
    ck_assert_int_eq(rota_model_get_shift_minutes(model, a4), 720);
}
END_TEST

START_TEST(test_tiny_mapping)
{
    g_autoptr(RotaModel) model = load_tiny(0);
    g_autofree char *day0 = rota_model_dup_date(model, 0);
    int e = rota_model_find_shift(model, "E"), l = rota_model_find_shift(model, "L");
    int nn = rota_model_find_shift(model, "N");

    ck_assert_str_eq(rota_model_get_name(model), "tiny");
    ck_assert_str_eq(day0, "2024-01-01");
    ck_assert_str_eq(rota_model_get_timezone(model), "Asia/Shanghai");
    ck_assert_int_eq(model->weekday[0], 1);
    ck_assert_int_eq(model->weekend[5], 0);
    ck_assert_int_eq(model->weekend[13], 1);
    ck_assert_int_eq(model->n_weekends, 2);
    ck_assert(e == 0 && l == 1 && nn == 2);
    ck_assert_str_eq(rota_model_get_shift_name(model, l), "L");
    for (int s = 0; s < 3; s++)
        ck_assert_int_eq(rota_model_get_shift_start(model, s), 8 * 60);
    ck_assert_int_eq(model->shifts[e].end, 16 * 60);
    ck_assert_int_eq(model->shifts[l].end, 18 * 60);
    ck_assert_int_eq(model->shifts[nn].end, 20 * 60);
    ck_assert_int_eq(rota_model_get_shift_minutes(model, nn), 720);
    ck_assert(model->forbid[e * 3 + nn] && model->forbid[l * 3 + e]);
    ck_assert(model->forbid[nn * 3 + e] && model->forbid[nn * 3 + l]);
    ck_assert(!model->forbid[e * 3 + l] && !model->forbid[l * 3 + nn]);
    ck_assert_str_eq(rota_model_get_segment_id(model, 0), "ward");
    ck_assert_str_eq(rota_model_get_segment_name(model, 0), "Ward");
    ck_assert_int_eq(model->weights[ROTA_WEIGHT_FAIRNESS], 0);
    ck_assert_int_eq(model->weights[ROTA_WEIGHT_CHANGE], 0);
    ck_assert_int_eq(model->weights[ROTA_WEIGHT_UNCOVERED], 1000);
    for (int d = 0; d < 14; d++)
        ck_assert(rota_model_is_workday(model, d) == (d % 7 < 5));
}
END_TEST

START_TEST(test_tiny_people)
{
    g_autoptr(RotaModel) model = load_tiny(0);
    int a = rota_model_find_person(model, "A"), b = rota_model_find_person(model, "B");
    const RotapLimits *la, *lb;

    ck_assert(a == 0 && b == 1);
    ck_assert_str_eq(rota_model_get_person_name(model, b), "B");
    ck_assert(rota_model_person_has_tag(model, a, "staff"));
    ck_assert_int_eq(rota_model_get_person_unit(model, a), -1);
    ck_assert_int_eq(model->max_shifts[a * 3 + 0], 14);
    ck_assert_int_eq(model->max_shifts[a * 3 + 1], 3);
    ck_assert_int_eq(model->max_shifts[a * 3 + 2], 0);
    ck_assert_int_eq(model->max_shifts[b * 3 + 2], 2);
    la = &model->people[a].limits;
    lb = &model->people[b].limits;
    ck_assert(la->max_minutes == 4800 && la->min_minutes == 960);
    ck_assert(la->max_consecutive == 5 && la->min_consecutive == 2);
    ck_assert(la->min_days_off == 2 && la->max_weekends == 1);
    ck_assert(lb->max_minutes == 6000 && lb->min_minutes == 0 && lb->max_weekends == 2);
    ck_assert_int_eq(la->min_rest_minutes, 0);
    ck_assert_int_eq(la->max_shifts_week, ROTAP_UNLIMITED);
    for (int d = 0; d < 14; d++) {
        ck_assert(rotap_model_is_off(model, a, d, 1) == (d == 0 || d == 7));
        ck_assert(rotap_model_is_off(model, b, d, 2) == (d == 13));
    }
    ck_assert(rotap_model_is_off(model, a, 7, 0) && rotap_model_is_off(model, a, 7, 2));
    ck_assert_int_eq(model->n_requests, 3);
}
END_TEST

START_TEST(test_tiny_requests_and_cover)
{
    g_autoptr(RotaModel) model = load_tiny(0);
    int duty = rota_model_find_duty(model, "cover-N-5");
    const RotapRequest *r;

    r = &model->requests[model->person_requests[0]];
    ck_assert(r->day == 2 && r->shift == 0 && r->on && r->weight == 2);
    ck_assert_int_eq(model->person_requests[2] - model->person_requests[1], 2);
    for (int i = model->person_requests[1]; i < model->person_requests[2]; i++) {
        r = &model->requests[i];
        if (r->day == 3)
            ck_assert(r->shift == 1 && !r->on && r->weight == 1);
        else
            ck_assert(r->day == 5 && r->shift == 2 && r->on && r->weight == 3);
    }
    ck_assert_int_eq(rota_model_get_n_duties(model), 42);
    ck_assert_int_ge(duty, 0);
    ck_assert_str_eq(rota_model_get_duty_id(model, duty), "cover-N-5");
    ck_assert_int_eq(rota_model_get_duty_shift(model, duty), 2);
    ck_assert_int_eq(model->duties[duty].min, (5 + 2) % 3);
    ck_assert_int_eq(model->duties[duty].max, ROTAP_UNLIMITED);
    ck_assert_int_eq(model->duties[duty].under, 100);
    ck_assert_int_eq(model->duties[duty].over, 3);
    ck_assert_int_eq(model->duties[duty].n_segments, 1);
    for (int d = 0; d < 14; d++)
        ck_assert(model->duties[duty].due[d] == (d == 5));
    ck_assert_int_eq(rota_model_find_duty(model, "cover-E-0"), 0);
    ck_assert_int_eq(rota_model_get_n_places(model), 42);
    ck_assert(
        rotap_model_is_eligible(model, rotap_model_find_cell(model, duty, 0, 5), 1));
}
END_TEST

/* Line ends, a BOM, comments, blank lines and trailing blanks change nothing. */
START_TEST(test_tiny_variants)
{
    static const int variants[] = {
        TINY_CRLF,   TINY_BOM,   TINY_NOISE,
        TINY_NO_EOL, TINY_MINUS, TINY_CRLF | TINY_BOM | TINY_NOISE | TINY_NO_EOL};
    g_autoptr(RotaModel) plain = load_tiny(0);
    g_autofree char *want = rota_model_to_data(plain, NULL);

    ck_assert(want != NULL && strstr(want, "cover-L-13") != NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(variants); i++) {
        g_autoptr(RotaModel) model = load_tiny(variants[i]);
        g_autofree char *got = rota_model_to_data(model, NULL);

        ck_assert_msg(strcmp(got, want) == 0, "variant %d differs", variants[i]);
    }
}
END_TEST

START_TEST(test_model_name)
{
    static const char *const cases[][2] = {
        {"Instance7.txt", "Instance7"},
        {"/a/b.c/Instance7.txt", "Instance7"},
        {"plain", "plain"},
        {".hidden", ".hidden"},
        {"two.dots.txt", "two.dots"},
    };
    gsize length;
    g_autofree char *text = make_tiny(0, &length);

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(RotaModel) model = load_exact(text, length, cases[i][0], &error);

        ck_assert_msg(model != NULL, "%s", error ? error->message : "");
        ck_assert_str_eq(rota_model_get_name(model), cases[i][1]);
    }
}
END_TEST

START_TEST(test_error_codes)
{
    g_autoptr(GError) error = NULL;
    const char nul[] = "SECTION_HORIZON\n7\0\n";

    ck_assert_ptr_null(rota_model_new_from_curtois_file("/nonexistent/I.txt", &error));
    test_assert_error(&error, ROTA_ERROR_IO, "/nonexistent/I.txt: cannot read: ");
    ck_assert_ptr_null(load_exact(nul, sizeof nul - 1, "nul.txt", &error));
    test_assert_error(&error, ROTA_ERROR_SYNTAX, "nul.txt:2: NUL byte in the line");
    ck_assert_ptr_null(load_exact("", 0, "e.txt", &error));
    test_assert_error(&error, ROTA_ERROR_FORMAT, "e.txt: empty file");
    ck_assert_ptr_null(load_exact("SECTION_HORIZON\nx\n", 18, "s.txt", &error));
    test_assert_error(&error, ROTA_ERROR_SYNTAX, "s.txt:2: number of days \"x\"");
    ck_assert_ptr_null(load_exact("SECTION_HORIZON\n\xff\n", 18, "s.txt", &error));
    ck_assert(error != NULL && g_utf8_validate(error->message, -1, NULL));
    test_assert_error(&error, ROTA_ERROR_SYNTAX,
                      "s.txt:2: number of days \"\xEF\xBF\xBD\" is not a number");
    ck_assert_ptr_null(load_exact("SECTION_HORIZON\n0\n", 18, "s.txt", &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "s.txt:2: number of days 0 is out");
}
END_TEST

/* Each directory of tests/data/invalid-curtois holds instance.txt and the
 * exact first line of the message loading it must give. */
START_TEST(test_invalid_catalogue)
{
    g_autofree char *root = test_srcdir_path(INVALID_DIR);
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) dir = g_dir_open(root, 0, &error);
    const char *name;
    int n_cases = 0;

    ck_assert_msg(dir != NULL, "%s", error ? error->message : "");
    while ((name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *rel = g_build_filename(INVALID_DIR, name, "instance.txt", NULL);
        g_autofree char *rel_expected =
            g_build_filename(INVALID_DIR, name, "expected", NULL);
        gsize length, n;
        g_autofree char *text = test_read_srcdir_file(rel, &length);
        g_autofree char *expected = test_read_srcdir_file(rel_expected, &n);
        g_autoptr(RotaModel) model = load_exact(text, length, "instance.txt", &error);

        expected[strcspn(expected, "\r\n")] = '\0';
        ck_assert_msg(model == NULL, "%s: loaded", name);
        ck_assert_msg(error != NULL && error->domain == ROTA_ERROR, "%s: no error", name);
        error->message[strcspn(error->message, "\n")] = '\0';
        ck_assert_msg(strcmp(error->message, expected) == 0,
                      "%s: got \"%s\", want \"%s\"", name, error->message, expected);
        g_clear_error(&error);
        n_cases++;
    }
    ck_assert_int_ge(n_cases, 8);
}
END_TEST

/* One line of expected.tsv: grid name, objective, cover and request costs. */
typedef struct {
    char *grid;
    int instance;
    gint64 objective, cover, request;
} Expected;

static Expected
read_expected(int index)
{
    gsize length;
    g_autofree char *text = test_read_srcdir_file(CURTOIS_DIR "/expected.tsv", &length);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    g_auto(GStrv) f = NULL;
    Expected e;

    ck_assert_int_gt(g_strv_length(lines), (guint)index);
    f = g_strsplit(lines[index], "\t", -1);
    ck_assert_int_eq(g_strv_length(f), 4);
    e.grid = g_strdup(f[0]);
    e.instance = atoi(f[0] + strlen("Instance"));
    e.objective = g_ascii_strtoll(f[1], NULL, 10);
    e.cover = g_ascii_strtoll(f[2], NULL, 10);
    e.request = g_ascii_strtoll(f[3], NULL, 10);
    return e;
}

static RotaRoster *
load_grid(RotaModel *model, const char *grid)
{
    g_autofree char *relative = g_build_filename(CURTOIS_DIR, grid, NULL);
    g_autofree char *path = test_srcdir_path(relative);
    g_autoptr(GError) error = NULL;
    RotaRoster *roster = rota_roster_new_from_grid_file(model, path, &error);

    ck_assert_msg(roster != NULL, "%s: %s", grid, error ? error->message : "");
    return roster;
}

static gint64
term_penalty(const RotaScore *score, const char *name)
{
    for (int t = 0; t < rota_score_get_n_terms(score); t++) {
        if (strcmp(rota_score_get_term_name(score, t), name) == 0)
            return rota_score_get_term_penalty(score, t);
    }
    return 0;
}

/* The evaluator gives each reference roster exactly its published
 * objective, split into cover (uncovered + over) and request costs. */
START_TEST(test_reference_score)
{
    Expected e = read_expected(_i);
    g_autofree char *grid = e.grid;
    g_autoptr(RotaModel) model = load_instance(e.instance);
    g_autoptr(RotaRoster) roster = load_grid(model, grid);
    g_autoptr(RotaScore) score = rota_score_new(roster, NULL);
    gint64 cover = term_penalty(score, "uncovered") + term_penalty(score, "over");

    ck_assert_msg(rota_score_get_hard(score) == 0, "%s: hard %d (first: %s)", grid,
                  rota_score_get_hard(score),
                  rota_score_get_n_violations(score) > 0
                      ? rota_score_get_violation(score, 0)->message
                      : "");
    ck_assert_msg(rota_score_get_soft(score) == e.objective,
                  "%s: soft %" G_GINT64_FORMAT ", objective %" G_GINT64_FORMAT, grid,
                  rota_score_get_soft(score), e.objective);
    ck_assert_msg(cover == e.cover,
                  "%s: cover %" G_GINT64_FORMAT ", want %" G_GINT64_FORMAT, grid, cover,
                  e.cover);
    ck_assert_int_eq(term_penalty(score, "request"), e.request);
}
END_TEST

/* The reader adds assignments in the order rota_roster_sort() gives. */
static void
assert_sorted(const RotaRoster *roster)
{
    g_autoptr(RotaRoster) sorted = rota_roster_copy(roster);
    int n = rota_roster_get_n_assignments(roster);

    rota_roster_sort(sorted);
    ck_assert_int_eq(rota_roster_get_n_assignments(sorted), n);
    for (int i = 0; i < n; i++) {
        const RotaAssignment *a = rota_roster_get_assignment(roster, i);
        const RotaAssignment *b = rota_roster_get_assignment(sorted, i);

        ck_assert_msg(a->day == b->day && a->shift == b->shift &&
                          a->person == b->person && a->duty == b->duty &&
                          a->segment == b->segment,
                      "assignment %d out of order", i);
    }
}

/* A grid read and written again is the same bytes; saved atomically too. */
START_TEST(test_grid_round_trip)
{
    Expected e = read_expected(_i);
    g_autofree char *grid = e.grid;
    g_autofree char *relative = g_build_filename(CURTOIS_DIR, grid, NULL);
    gsize length, saved_length;
    g_autofree char *original = test_read_srcdir_file(relative, &length);
    g_autoptr(RotaModel) model = load_instance(e.instance);
    g_autoptr(RotaRoster) roster = load_grid(model, grid);
    g_autofree char *written = rota_roster_to_grid(roster, NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("rota-grid-XXXXXX", &error);
    g_autofree char *path = g_build_filename(dir, "out.grid", NULL);
    g_autofree char *saved = NULL;

    ck_assert_str_eq(written, original);
    assert_sorted(roster);
    ck_assert(rota_roster_save_grid(roster, path, &error));
    ck_assert(g_file_get_contents(path, &saved, &saved_length, NULL));
    ck_assert_str_eq(saved, original);
    g_unlink(path);
    g_rmdir(dir);
}
END_TEST

/* Cells land on the one duty of (day, shift), at "ward", sorted. */
START_TEST(test_grid_assignments)
{
    g_autoptr(RotaModel) model = load_tiny(0);
    const char *text = "E\t\t\t\t\t\t\t\t\t\t\t\t\tL\r\n\t\t\t\t\t\tN\t\t\t\t\t\t\t";
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRoster) roster =
        rota_roster_new_from_grid_data(model, text, strlen(text), "g", &error);
    const RotaAssignment *a;

    ck_assert_msg(roster != NULL, "%s", error ? error->message : "");
    ck_assert_int_eq(rota_roster_get_n_assignments(roster), 3);
    a = rota_roster_get_assignment(roster, 0);
    ck_assert(a->day == 0 && a->shift == 0 && a->person == 0 && a->segment == 0);
    ck_assert_int_eq(a->duty, rota_model_find_duty(model, "cover-E-0"));
    a = rota_roster_get_assignment(roster, 1);
    ck_assert(a->day == 6 && a->shift == 2 && a->person == 1 && !a->locked);
    ck_assert_int_eq(a->duty, rota_model_find_duty(model, "cover-N-6"));
    a = rota_roster_get_assignment(roster, 2);
    ck_assert(a->day == 13 && a->shift == 1 && a->person == 0);
}
END_TEST

/* A grid with a BOM and CRLF reads as the plain one; output is LF only. */
START_TEST(test_grid_bom_crlf)
{
    g_autoptr(RotaModel) model = load_tiny(0);
    const char *plain = "E\tL\t\t\t\t\t\t\t\t\t\t\t\t\n\t\t\t\t\t\tN\t\t\t\t\t\t\tE\n";
    const char *dos = "\xEF\xBB\xBF"
                      "E\tL\t\t\t\t\t\t\t\t\t\t\t\t\r\n\t\t\t\t\t\tN\t\t\t\t\t\t\tE";
    g_autoptr(RotaRoster) a =
        rota_roster_new_from_grid_data(model, plain, strlen(plain), "a", NULL);
    g_autoptr(RotaRoster) b =
        rota_roster_new_from_grid_data(model, dos, strlen(dos), "b", NULL);
    g_autofree char *text_a = NULL, *text_b = NULL;

    ck_assert(a != NULL && b != NULL);
    text_a = rota_roster_to_grid(a, NULL);
    text_b = rota_roster_to_grid(b, NULL);
    ck_assert_str_eq(text_a, plain);
    ck_assert_str_eq(text_b, plain);
}
END_TEST

static void
assert_grid_error(RotaModel *model, const char *text, int code, const char *message)
{
    g_autoptr(GError) error = NULL;
    gsize length = strlen(text);
    g_autofree char *copy = g_memdup2(text, length > 0 ? length : 1);
    RotaRoster *roster =
        rota_roster_new_from_grid_data(model, copy, length, "t.grid", &error);

    ck_assert_ptr_null(roster);
    ck_assert_msg(error != NULL, "no error for \"%s\"", message);
    ck_assert_int_eq(error->code, code);
    ck_assert_str_eq(error->message, message);
}

START_TEST(test_grid_errors)
{
    g_autoptr(RotaModel) model = load_tiny(0);
    g_autoptr(RotaModel) gap = load_tiny(TINY_NO_L3);
    const char *row = "\t\t\t\t\t\t\t\t\t\t\t\t\t\n";
    g_autofree char *three = g_strconcat(row, row, row, NULL);
    g_autofree char *two = g_strconcat(row, row, NULL);
    g_autoptr(RotaRoster) roster = NULL;

    assert_grid_error(model, row, ROTA_ERROR_SYNTAX,
                      "t.grid:2: expected 2 lines (one per person), found 1");
    assert_grid_error(model, "", ROTA_ERROR_SYNTAX,
                      "t.grid:1: expected 2 lines (one per person), found 0");
    assert_grid_error(model, three, ROTA_ERROR_SYNTAX,
                      "t.grid:3: expected 2 lines (one per person), found 3");
    assert_grid_error(model, "\t\t\t\t\t\t\t\t\t\t\t\t\n\t\t\t\t\t\t\t\t\t\t\t\t\t\n",
                      ROTA_ERROR_SYNTAX,
                      "t.grid:1: expected 14 columns (one per day), found 13");
    assert_grid_error(model, "\t\t\t\t\t\t\t\t\t\t\t\t\t\n\t\t\tX\t\t\t\t\t\t\t\t\t\t\n",
                      ROTA_ERROR_INVALID,
                      "t.grid:2: day 3: unknown shift \"X\" (expected a shift id or an "
                      "empty cell)");
    assert_grid_error(model, "\t\t\t\t\t\t\t\t\t\t\t\t\t\n\t\t\te\t\t\t\t\t\t\t\t\t\t\n",
                      ROTA_ERROR_INVALID,
                      "t.grid:2: day 3: unknown shift \"e\" (expected a shift id or an "
                      "empty cell)");
    assert_grid_error(model, "\t\t\t\t\t\t\t\t\t\t\t\t\t\n\t\t\t E\t\t\t\t\t\t\t\t\t\t\n",
                      ROTA_ERROR_INVALID,
                      "t.grid:2: day 3: unknown shift \" E\" (expected a shift id or an "
                      "empty cell)");
    assert_grid_error(
        model, "\t\t\t\t\t\t\t\t\t\t\t\t\t\n\t\t\t\xe5\xa4\x9c\xff\t\t\t\t\t\t\t\t\t\t\n",
        ROTA_ERROR_INVALID,
        "t.grid:2: day 3: unknown shift \"\xe5\xa4\x9c\xef\xbf\xbd\" (expected a "
        "shift id or an empty cell)");
    assert_grid_error(gap, "\t\t\tL\t\t\t\t\t\t\t\t\t\t\n\t\t\t\t\t\t\t\t\t\t\t\t\t\n",
                      ROTA_ERROR_INVALID, "t.grid:1: day 3: no duty for shift L");
    roster = rota_roster_new_from_grid_data(gap, two, strlen(two), "t", NULL);
    ck_assert_ptr_nonnull(roster);
}
END_TEST

/* A shift due twice on one day (two segments) cannot be placed from a grid. */
START_TEST(test_grid_ambiguous)
{
    g_autoptr(RotaBuilder) builder = rota_builder_new("amb", "2024-01-01", 2);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(GError) error = NULL;
    int person, duty;

    rota_builder_add_shift(builder, "D", "Day", "08:00", "16:00");
    rota_builder_add_segment(builder, "s1", "One");
    rota_builder_add_segment(builder, "s2", "Two");
    person = rota_builder_add_person(builder, "P", "P", NULL);
    rota_builder_add_person_tag(builder, person, "staff");
    duty = rota_builder_add_duty(builder, "d", "D");
    rota_builder_add_duty_who_tag(builder, duty, "staff");
    rota_builder_set_duty_min(builder, duty, 1);
    model = rota_builder_steal_model(builder, &error);
    ck_assert_msg(model != NULL, "%s", error ? error->message : "");
    assert_grid_error(model, "\tD\n", ROTA_ERROR_INVALID,
                      "t.grid:1: shift D is ambiguous on day 1 (2 duties)");
}
END_TEST

/* Two assignments of one person on one day have no grid form. */
START_TEST(test_grid_write_double)
{
    g_autoptr(RotaModel) model = load_tiny(0);
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    ck_assert(rota_roster_add_by_id(roster, "2024-01-03", "E", "ward", "B", "cover-E-2",
                                    &error));
    text = rota_roster_to_grid(roster, &error);
    ck_assert_str_eq(text, "\t\t\t\t\t\t\t\t\t\t\t\t\t\n\t\tE\t\t\t\t\t\t\t\t\t\t\t\n");
    ck_assert(rota_roster_add_by_id(roster, "2024-01-03", "L", "ward", "B", "cover-L-2",
                                    &error));
    ck_assert_ptr_null(rota_roster_to_grid(roster, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "person B has two assignments on 2024-01-03 (day 2)");
    ck_assert(!rota_roster_save_grid(roster, "/nonexistent/dir/x.grid", &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "person B has two");
}
END_TEST

/* Breaking one rule of the instance is a named hard violation. */
START_TEST(test_hard_violation)
{
    g_autoptr(RotaModel) model = load_instance(1);
    g_autoptr(RotaRoster) roster = load_grid(model, "Instance1-a.grid");
    g_autoptr(RotaScore) score = NULL;
    g_autoptr(GError) error = NULL;
    gboolean found = FALSE;

    /* A has day 0 off; Instance1-a leaves it free. */
    ck_assert(rota_roster_add_by_id(roster, "2024-01-01", "D", "ward", "A", "cover-D-0",
                                    &error));
    score = rota_score_new(roster, NULL);
    ck_assert_int_ge(rota_score_get_hard(score), 1);
    for (int t = 0; t < rota_score_get_n_terms(score); t++) {
        if (strcmp(rota_score_get_term_name(score, t), "off") == 0)
            found = rota_score_get_term_count(score, t) == 1;
    }
    ck_assert(found);
}
END_TEST

static Suite *
curtois_suite(void)
{
    Suite *suite = suite_create("curtois");
    TCase *parse = tcase_create("parse");
    TCase *errors = tcase_create("errors");
    TCase *reference = tcase_create("reference");
    TCase *grid = tcase_create("grid");

    tcase_set_timeout(parse, 30);
    tcase_add_loop_test(parse, test_instance_sizes, 0, G_N_ELEMENTS(sizes));
    tcase_add_test(parse, test_forbid_later_shift);
    tcase_add_test(parse, test_tiny_mapping);
    tcase_add_test(parse, test_tiny_people);
    tcase_add_test(parse, test_tiny_requests_and_cover);
    tcase_add_test(parse, test_tiny_variants);
    tcase_add_test(parse, test_model_name);
    suite_add_tcase(suite, parse);

    tcase_add_test(errors, test_error_codes);
    tcase_add_test(errors, test_invalid_catalogue);
    suite_add_tcase(suite, errors);

    tcase_set_timeout(reference, 30);
    tcase_add_loop_test(reference, test_reference_score, 0, 20);
    tcase_add_test(reference, test_hard_violation);
    suite_add_tcase(suite, reference);

    tcase_add_loop_test(grid, test_grid_round_trip, 0, 20);
    tcase_add_test(grid, test_grid_assignments);
    tcase_add_test(grid, test_grid_bom_crlf);
    tcase_add_test(grid, test_grid_errors);
    tcase_add_test(grid, test_grid_ambiguous);
    tcase_add_test(grid, test_grid_write_double);
    suite_add_tcase(suite, grid);
    return suite;
}

int
main(void)
{
    return test_run_suite(curtois_suite());
}
