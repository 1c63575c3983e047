/* SPDX-License-Identifier: MIT */
/* check_model.c: the compiled model's precomputed tables (lib/compile*.c). */
#include <stdlib.h>

#include "compile-private.h"
#include "testhelp.h"
#include "util-private.h"

static RotaModel *
steal(RotaBuilder *builder)
{
    g_autoptr(GError) error = NULL;
    RotaModel *model = rota_builder_steal_model(builder, &error);

    ck_assert_msg(model != NULL, "compile failed: %s", error ? error->message : "?");
    return model;
}

/*
 * The county in miniature: two units, three segments (S3 owned by U2, S4
 * by nobody), people in units, a community volunteer, an inspector
 * without a unit.
 */
static RotaBuilder *
county_builder(void)
{
    RotaBuilder *b = rota_builder_new("小县", "2026-12-01", 31);
    int u1, u2, p;

    rota_builder_add_shift(b, "am", "早高峰", "07:00", "09:00");
    rota_builder_add_shift(b, "pm", "晚高峰", "17:00", "18:30");
    rota_builder_add_shift(b, "onsite", "马路办公", "09:00", "10:00");
    rota_builder_add_segment(b, "S1", "人民路");
    rota_builder_add_segment(b, "S2", "解放街");
    rota_builder_add_segment(b, "S3", "东风街");
    rota_builder_add_segment(b, "S4", "小区");
    u1 = rota_builder_add_unit(b, "U1", "住建局", "P1");
    rota_builder_add_unit_deputy(b, u1, "P2");
    rota_builder_add_unit_segment(b, u1, "S1");
    rota_builder_add_unit_segment(b, u1, "S2");
    u2 = rota_builder_add_unit(b, "U2", "教育局", "P5");
    rota_builder_add_unit_segment(b, u2, "S3");
    rota_builder_add_person(b, "P1", "张局长", "U1");   /* 0: head of U1 */
    rota_builder_add_person(b, "P2", "王副局长", "U1"); /* 1 */
    p = rota_builder_add_person(b, "P3", "李娜", "U1"); /* 2 */
    rota_builder_add_person_tag(b, p, "party");
    rota_builder_add_person(b, "P4", "赵强", "U1");       /* 3 */
    rota_builder_add_person(b, "P5", "孙校长", "U2");     /* 4: head of U2 */
    p = rota_builder_add_person(b, "P6", "周老师", "U2"); /* 5 */
    rota_builder_add_person_tag(b, p, "party");
    rota_builder_set_person_community(b, p, "S1");
    p = rota_builder_add_person(b, "P7", "吴督查", NULL); /* 6 */
    rota_builder_add_person_tag(b, p, "inspector");
    rota_builder_add_person_tag(b, p, "party");
    p = rota_builder_add_person(b, "P8", "郑督查", "U2"); /* 7 */
    rota_builder_add_person_tag(b, p, "inspector");
    return b;
}

/* ------------------------------------------------------------------ calendar */

START_TEST(test_calendar_makeup_days)
{
    /* The 2026 National Day holiday and its make-up working days. */
    RotaBuilder *b = rota_builder_new("cal", "2026-09-14", 35);
    g_autoptr(RotaModel) model = NULL;
    const char *holidays[] = {"2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01",
                              "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05",
                              "2026-10-06", "2026-10-07"};

    for (gsize i = 0; i < G_N_ELEMENTS(holidays); i++)
        rota_builder_add_holiday(b, holidays[i]);
    rota_builder_add_workday(b, "2026-09-20");
    rota_builder_add_workday(b, "2026-10-10");
    rota_builder_add_holiday(b, "2025-01-01"); /* outside: ignored */
    model = steal(b);
    rota_builder_free(b);
    ck_assert(rota_model_is_workday(model, rota_model_find_day(model, "2026-09-14")));
    ck_assert(!rota_model_is_workday(model, rota_model_find_day(model, "2026-09-19")));
    ck_assert(rota_model_is_workday(model, rota_model_find_day(model, "2026-09-20")));
    ck_assert(!rota_model_is_workday(model, rota_model_find_day(model, "2026-09-25")));
    ck_assert(!rota_model_is_workday(model, rota_model_find_day(model, "2026-10-01")));
    ck_assert(!rota_model_is_workday(model, rota_model_find_day(model, "2026-10-07")));
    ck_assert(rota_model_is_workday(model, rota_model_find_day(model, "2026-10-08")));
    ck_assert(rota_model_is_workday(model, rota_model_find_day(model, "2026-10-10")));
    ck_assert(!rota_model_is_workday(model, rota_model_find_day(model, "2026-10-11")));
    ck_assert_int_eq(model->weekday[rota_model_find_day(model, "2026-10-10")], 6);
}
END_TEST

START_TEST(test_calendar_year_boundary)
{
    /* 2026-12-26 is a Saturday; ISO week 53 of 2026 runs Dec 28 - Jan 3. */
    RotaBuilder *b = rota_builder_new("year", "2026-12-26", 14);
    g_autoptr(RotaModel) model = NULL;
    const int week[] = {0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
    const int weekend[] = {0, 0, -1, -1, -1, -1, -1, 1, 1, -1, -1, -1, -1, -1};
    g_autofree char *last = NULL;

    rota_builder_add_holiday(b, "2027-01-01");
    model = steal(b);
    rota_builder_free(b);
    ck_assert_int_eq(model->n_weeks, 3);
    ck_assert_int_eq(model->n_weekends, 2);
    for (int d = 0; d < 14; d++) {
        ck_assert_int_eq(model->week[d], week[d]);
        ck_assert_int_eq(model->weekend[d], weekend[d]);
        ck_assert_int_eq(model->weekday[d], (d + 5) % 7 + 1);
    }
    ck_assert(!rota_model_is_workday(model, 6)); /* 2027-01-01, a Friday holiday */
    ck_assert(rota_model_is_workday(model, 5));
    ck_assert(rota_model_is_workday(model, 9)); /* Monday 2027-01-04 */
    last = rota_model_dup_date(model, 13);
    ck_assert_str_eq(last, "2027-01-08");
    ck_assert_int_eq(rota_model_find_day(model, "2027-01-08"), 13);
    ck_assert_int_eq(rota_model_find_day(model, "2027-01-09"), ROTA_NOT_FOUND);
    ck_assert_int_eq(rota_model_find_day(model, "2026-12-25"), ROTA_NOT_FOUND);
    ck_assert_int_eq(rota_model_find_day(model, "2026-13-01"), ROTA_NOT_FOUND);
}
END_TEST

START_TEST(test_calendar_sunday_start)
{
    /* A lone Sunday opens the horizon: it is weekend 0 of week 0. */
    RotaBuilder *b = rota_builder_new("sun", "2026-11-29", 8);
    g_autoptr(RotaModel) model = NULL;

    model = steal(b);
    rota_builder_free(b);
    ck_assert_int_eq(model->weekday[0], 7);
    ck_assert_int_eq(model->week[0], 0);
    ck_assert_int_eq(model->week[1], 1);
    ck_assert_int_eq(model->weekend[0], 0);
    ck_assert_int_eq(model->weekend[6], 1); /* Saturday 2026-12-05 */
    ck_assert_int_eq(model->weekend[7], 1);
    ck_assert_int_eq(model->n_weekends, 2);
    ck_assert_int_eq(model->n_weeks, 2);
}
END_TEST

START_TEST(test_julian_matches_gdate)
{
    GDate date;
    gint64 julian;

    /* Every day of the first years and of 2020-2030, every 97th day otherwise. */
    g_date_clear(&date, 1);
    g_date_set_dmy(&date, 1, 1, 1);
    while (g_date_get_year(&date) < 2101) {
        g_autofree char *text = rotap_format_date(&date);
        gboolean daily = g_date_get_year(&date) < 5 || (g_date_get_year(&date) >= 2020 &&
                                                        g_date_get_year(&date) <= 2030);

        ck_assert_msg(rotap_compile_julian(text, &julian), "rejected %s", text);
        ck_assert_int_eq(julian, g_date_get_julian(&date));
        g_date_add_days(&date, daily ? 1 : 97);
    }
    ck_assert(!rotap_compile_julian("2026-02-29", &julian));
    ck_assert(rotap_compile_julian("2024-02-29", &julian));
    ck_assert(!rotap_compile_julian("1900-02-29", &julian));
    ck_assert(!rotap_compile_julian("0000-01-01", &julian));
    ck_assert(!rotap_compile_julian("2026-1-01", &julian));
    ck_assert(!rotap_compile_julian("2026-12-01 ", &julian));
}
END_TEST

/* ------------------------------------------------------------------ shifts */

START_TEST(test_shift_minutes)
{
    RotaBuilder *b = rota_builder_new("shifts", "2026-12-01", 3);
    g_autoptr(RotaModel) model = NULL;

    rota_builder_add_shift(b, "day", NULL, "08:00", "16:00");
    rota_builder_add_shift(b, "night", "夜班", "22:00", "06:00");
    rota_builder_add_shift(b, "late", NULL, "20:00", "00:00");
    rota_builder_add_shift(b, "full", NULL, "00:00", "24:00");
    rota_builder_add_shift(b, "eve", NULL, "16:00", "24:00");
    rota_builder_forbid_succession(b, "night", "day");
    model = steal(b);
    rota_builder_free(b);
    ck_assert_int_eq(rota_model_get_shift_minutes(model, 0), 480);
    ck_assert_int_eq(rota_model_get_shift_minutes(model, 1), 480);
    ck_assert_int_eq(model->shifts[1].end, 360);
    ck_assert_int_eq(rota_model_get_shift_minutes(model, 2), 240);
    ck_assert_int_eq(model->shifts[2].end, 1440);
    ck_assert_int_eq(rota_model_get_shift_minutes(model, 3), 1440);
    ck_assert_int_eq(rota_model_get_shift_minutes(model, 4), 480);
    ck_assert_int_eq(rota_model_get_shift_start(model, 1), 22 * 60);
    ck_assert_str_eq(rota_model_get_shift_name(model, 0), "day"); /* no name: the id */
    ck_assert_str_eq(rota_model_get_shift_name(model, 1), "夜班");
    ck_assert_int_eq(rota_model_find_shift(model, "late"), 2);
    ck_assert_int_eq(rota_model_find_shift(model, "LATE"), ROTA_NOT_FOUND);
    ck_assert_int_eq(model->forbid[1 * 5 + 0], 1);
    ck_assert_int_eq(model->forbid[0 * 5 + 1], 0);
    ck_assert_int_eq(model->forbid[1 * 5 + 1], 0);
}
END_TEST

/* ------------------------------------------------------------------ people */

START_TEST(test_effective_limits)
{
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;
    const RotapLimits *p3, *p4;

    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_SHIFTS_WEEK, 3);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MIN_REST_MINUTES, 600);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_MINUTES, 5000);
    rota_builder_set_default_max_shifts(b, "am", 10);
    rota_builder_set_default_max_shifts(b, "pm", 8);
    rota_builder_set_person_limit(b, 2, ROTA_LIMIT_MAX_SHIFTS_WEEK, 5);
    rota_builder_set_person_limit(b, 2, ROTA_LIMIT_MIN_MINUTES, 600);
    rota_builder_set_person_limit(b, 2, ROTA_LIMIT_MAX_CONSECUTIVE, 4);
    rota_builder_set_person_max_shifts(b, 2, "pm", 2);
    rota_builder_set_person_max_shifts(b, 2, "onsite", 1);
    rota_builder_set_person_max_shifts(b, 2, "onsite", 0); /* replaces */
    model = steal(b);
    rota_builder_free(b);
    p3 = &model->people[2].limits;
    p4 = &model->people[3].limits;
    ck_assert_int_eq(p3->max_shifts_week, 5);
    ck_assert_int_eq(p3->min_minutes, 600);
    ck_assert_int_eq(p3->max_minutes, 5000);
    ck_assert_int_eq(p3->max_consecutive, 4);
    ck_assert_int_eq(p3->min_rest_minutes, 600);
    ck_assert_int_eq(p3->min_consecutive, 0);
    ck_assert_int_eq(p3->max_weekends, ROTAP_UNLIMITED);
    ck_assert_int_eq(p4->max_shifts_week, 3);
    ck_assert_int_eq(p4->min_minutes, 0);
    ck_assert_int_eq(p4->max_consecutive, ROTAP_UNLIMITED);
    ck_assert_int_eq(p4->max_minutes_week, ROTAP_UNLIMITED);
    ck_assert_int_eq(p4->min_days_off, 0);
    ck_assert_int_eq(model->max_shifts[2 * 3 + 0], 10);
    ck_assert_int_eq(model->max_shifts[2 * 3 + 1], 2);
    ck_assert_int_eq(model->max_shifts[2 * 3 + 2], 0);
    ck_assert_int_eq(model->max_shifts[3 * 3 + 0], 10);
    ck_assert_int_eq(model->max_shifts[3 * 3 + 1], 8);
    ck_assert_int_eq(model->max_shifts[3 * 3 + 2], ROTAP_UNLIMITED);
}
END_TEST

/* The shifts person is off on day, a bit per shift. */
static guint64
off_mask(const RotaModel *model, int person, int day)
{
    guint64 mask = 0;

    for (int s = 0; s < model->n_shifts; s++)
        mask |= (guint64)rotap_model_is_off(model, person, day, s) << s;
    return mask;
}

static guint64
all_shifts(const RotaModel *model)
{
    return (G_GUINT64_CONSTANT(1) << model->n_shifts) - 1;
}

START_TEST(test_off_and_requests)
{
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;
    const RotapRequest *r;

    rota_builder_set_weight(b, ROTA_WEIGHT_REQUEST, 7);
    rota_builder_add_person_off(b, 2, "2026-12-05", NULL, NULL);
    rota_builder_add_person_off(b, 2, "2026-12-06", "2026-12-06", "am");
    rota_builder_add_person_off(b, 2, "2026-11-28", "2026-12-02", "pm");
    rota_builder_add_person_off(b, 3, "2026-12-30", "2027-01-04", NULL);
    rota_builder_add_person_request(b, 3, "2026-12-09", NULL, FALSE, 3);
    rota_builder_add_person_request(b, 3, "2026-12-02", "am", TRUE, 0);
    rota_builder_add_person_request(b, 2, "2026-12-31", "pm", TRUE, 2);
    model = steal(b);
    rota_builder_free(b);
    ck_assert_uint_eq(off_mask(model, 2, 4), all_shifts(model));
    ck_assert_uint_eq(off_mask(model, 2, 5), 1);
    ck_assert_uint_eq(off_mask(model, 2, 0), 2);
    ck_assert_uint_eq(off_mask(model, 2, 1), 2);
    ck_assert_uint_eq(off_mask(model, 2, 2), 0);
    ck_assert(rotap_model_is_off(model, 2, 5, 0));
    ck_assert(!rotap_model_is_off(model, 2, 5, 1));
    ck_assert_uint_eq(off_mask(model, 3, 28), 0);
    ck_assert_uint_eq(off_mask(model, 3, 29), all_shifts(model));
    ck_assert_uint_eq(off_mask(model, 3, 30), all_shifts(model));
    /* the neighbours of a person's bits are untouched */
    ck_assert_uint_eq(off_mask(model, 1, 30), 0);
    ck_assert_uint_eq(off_mask(model, 4, 0), 0);
    /* Sorted by person, then day, with offsets per person. */
    ck_assert_int_eq(model->n_requests, 3);
    ck_assert_int_eq(model->person_requests[2], 0);
    ck_assert_int_eq(model->person_requests[3], 1);
    ck_assert_int_eq(model->person_requests[4], 3);
    ck_assert_int_eq(model->person_requests[model->n_people], 3);
    r = &model->requests[0];
    ck_assert(r->person == 2 && r->day == 30 && r->shift == 1 && r->on && r->weight == 2);
    r = &model->requests[1];
    ck_assert(r->person == 3 && r->day == 1 && r->shift == 0 && r->on && r->weight == 0);
    r = &model->requests[2];
    ck_assert(r->person == 3 && r->day == 8 && r->shift == -1 && !r->on &&
              r->weight == 3);
}
END_TEST

START_TEST(test_request_defaults)
{
    RotapSpec *spec;
    RotapRequestSpec *request;
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(GError) error = NULL;

    /* The JSON reader leaves "on" and "weight" unset when absent. */
    rota_builder_set_weight(b, ROTA_WEIGHT_REQUEST, 4);
    rota_builder_add_person_request(b, 3, "2026-12-09", NULL, FALSE, 3);
    model = steal(b);
    rota_builder_free(b);
    spec = model->spec;
    model->spec = NULL;
    request = &g_array_index(g_array_index(spec->people, RotapPersonSpec, 3).requests,
                             RotapRequestSpec, 0);
    request->has_on = FALSE;
    request->has_weight = FALSE;
    g_clear_pointer(&model, rota_model_unref);
    model = rotap_model_compile(spec, &error);
    ck_assert_ptr_nonnull(model);
    ck_assert(model->requests[0].on);
    ck_assert_int_eq(model->requests[0].weight, 4);
}
END_TEST

START_TEST(test_people_tags_and_lookup)
{
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;
    int party, inspector;

    rota_builder_add_person_tag(b, 6, "party"); /* twice: kept once */
    model = steal(b);
    rota_builder_free(b);
    party = rotap_model_find_tag(model, "party");
    inspector = rotap_model_find_tag(model, "inspector");
    ck_assert_int_ge(party, 0);
    ck_assert_int_ge(inspector, 0);
    ck_assert_int_eq(rotap_model_find_tag(model, "volunteer"), -1);
    ck_assert_str_eq(model->tags[party], "party");
    ck_assert_int_eq(model->people[6].n_tags, 2);
    ck_assert_int_lt(model->people[6].tags[0], model->people[6].tags[1]);
    ck_assert(rotap_person_has_tag(model, 6, party));
    ck_assert(rotap_person_has_tag(model, 6, inspector));
    ck_assert(!rotap_person_has_tag(model, 0, party));
    ck_assert(rota_model_person_has_tag(model, 5, "party"));
    ck_assert(!rota_model_person_has_tag(model, 5, "inspector"));
    ck_assert(!rota_model_person_has_tag(model, 5, "nobody-has-this"));
    ck_assert_int_eq(rota_model_find_person(model, "P7"), 6);
    ck_assert_int_eq(rota_model_get_person_unit(model, 6), -1);
    ck_assert_int_eq(rota_model_get_person_unit(model, 5), 1);
    ck_assert_int_eq(model->people[5].community, 0);
    ck_assert_str_eq(rota_model_get_person_name(model, 2), "李娜");
    ck_assert_int_eq(rota_model_find_unit(model, "U2"), 1);
    ck_assert_int_eq(rota_model_get_unit_head(model, 1), 4);
    ck_assert_int_eq(rota_model_find_segment(model, "S4"), 3);
    ck_assert_int_eq(rota_model_get_segment_unit(model, 2), 1);
    ck_assert_int_eq(rota_model_get_segment_unit(model, 3), -1);
    ck_assert_int_eq(rota_model_get_segment_chief(model, 0), -1);
    ck_assert_int_eq(rota_model_find_person(model, "U1"), ROTA_NOT_FOUND);
    ck_assert_int_eq(model->units[0].n_members, 4);
    ck_assert_int_eq(model->units[1].n_members, 3);
    ck_assert_int_eq(model->units[1].members[2], 7);
    ck_assert_int_eq(model->units[0].n_deputies, 1);
    ck_assert_int_eq(model->units[0].deputies[0], 1);
    ck_assert_int_eq(model->units[0].n_segments, 2);
    ck_assert_str_eq(rota_model_get_name(model), "小县");
    ck_assert_str_eq(rota_model_get_timezone(model), "Asia/Shanghai");
    ck_assert_ptr_null(rota_model_get_sha256(model));
}
END_TEST

/* ------------------------------------------------------------------ eligibility */

static const RotapEligible *
eligible_at(const RotaModel *model, int duty, int segment, int day)
{
    int cell = rotap_model_find_cell(model, duty, segment, day);

    ck_assert_int_ge(cell, 0);
    return &model->eligible[model->cells[cell].eligible];
}

static void
assert_people(const RotapEligible *eligible, const int *people, int n)
{
    ck_assert_int_eq(eligible->n_people, n);
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(rotap_eligible_at(eligible, i), people[i]);
}

START_TEST(test_eligibility_rules)
{
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;
    int rush, inspect, party;
    const int s1[] = {0, 1, 2, 3, 5}, s2[] = {0, 1, 2, 3}, s3[] = {4, 5, 7};
    const int inspect_s1[] = {6, 7}, inspect_s3[] = {6};
    const int party_all[] = {2, 4, 5, 6, 7};

    rush = rota_builder_add_duty(b, "rush", "am");
    rota_builder_set_duty_min(b, rush, 1);
    inspect = rota_builder_add_duty(b, "inspect", "pm");
    rota_builder_add_duty_who_tag(b, inspect, "inspector");
    rota_builder_set_duty_not_owner(b, inspect, TRUE);
    party = rota_builder_add_duty(b, "party", "pm");
    rota_builder_add_duty_who_tag(b, party, "party");
    rota_builder_add_duty_who_unit(b, party, "U2");
    model = steal(b);
    rota_builder_free(b);
    /* Default: owning unit's members plus the segment's community. */
    assert_people(eligible_at(model, rush, 0, 0), s1, G_N_ELEMENTS(s1));
    assert_people(eligible_at(model, rush, 1, 0), s2, G_N_ELEMENTS(s2));
    assert_people(eligible_at(model, rush, 2, 0), s3, G_N_ELEMENTS(s3));
    assert_people(eligible_at(model, rush, 3, 0), NULL, 0);
    /* who + not_owner: inspectors, less the owning unit's members. */
    assert_people(eligible_at(model, inspect, 0, 0), inspect_s1, 2);
    assert_people(eligible_at(model, inspect, 2, 0), inspect_s3, 1);
    assert_people(eligible_at(model, inspect, 3, 0), inspect_s1, 2);
    /* U2, owning S3, holds inspector 7 alone, a run of the inspectors'
     * list: S3's list shares that array and skips the run */
    ck_assert(eligible_at(model, inspect, 2, 0)->shared);
    ck_assert_int_eq(eligible_at(model, inspect, 2, 0)->n_skip, 1);
    ck_assert(!eligible_at(model, inspect, 0, 0)->shared);
    /* who with a tag and a unit: anyone carrying it or belonging to it. */
    assert_people(eligible_at(model, party, 0, 0), party_all, G_N_ELEMENTS(party_all));
    assert_people(eligible_at(model, party, 2, 0), party_all, G_N_ELEMENTS(party_all));
    ck_assert(
        rotap_model_is_eligible(model, rotap_model_find_cell(model, rush, 0, 3), 5));
    ck_assert(
        !rotap_model_is_eligible(model, rotap_model_find_cell(model, rush, 1, 3), 5));
    ck_assert(
        !rotap_model_is_eligible(model, rotap_model_find_cell(model, inspect, 2, 3), 7));
}
END_TEST

/* A unit whose inspectors are not one run of the list gets its own copy. */
START_TEST(test_eligibility_not_owner_scattered)
{
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;
    const int all[] = {5, 6, 7}, s3[] = {6};
    int inspect;

    rota_builder_add_person_tag(b, 5, "inspector"); /* U2: 5 and 7, around 6 */
    inspect = rota_builder_add_duty(b, "inspect", "pm");
    rota_builder_add_duty_who_tag(b, inspect, "inspector");
    rota_builder_set_duty_not_owner(b, inspect, TRUE);
    model = steal(b);
    rota_builder_free(b);
    assert_people(eligible_at(model, inspect, 0, 0), all, G_N_ELEMENTS(all));
    assert_people(eligible_at(model, inspect, 2, 0), s3, G_N_ELEMENTS(s3));
    ck_assert(!eligible_at(model, inspect, 2, 0)->shared);
    ck_assert(!rotap_model_is_eligible(model, rotap_model_find_cell(model, inspect, 2, 3), 5));
    ck_assert(rotap_model_is_eligible(model, rotap_model_find_cell(model, inspect, 2, 3), 6));
}
END_TEST

START_TEST(test_eligibility_dedup)
{
    RotaBuilder *b = rota_builder_new("dedup", "2024-01-01", 28);
    g_autoptr(RotaModel) model = NULL;
    int first = -1;

    rota_builder_add_shift(b, "D", NULL, "08:00", "16:00");
    rota_builder_add_segment(b, "ward", "Ward");
    for (int p = 0; p < 20; p++) {
        g_autofree char *id = g_strdup_printf("E%d", p);
        int person = rota_builder_add_person(b, id, NULL, NULL);

        rota_builder_add_person_tag(b, person, "staff");
    }
    for (int d = 0; d < 28; d++) {
        g_autofree char *id = g_strdup_printf("cover-D-%d", d);
        g_autofree char *date = g_strdup_printf("2024-01-%02d", d + 1);
        int duty = rota_builder_add_duty(b, id, "D");

        rota_builder_add_duty_date(b, duty, date);
        rota_builder_add_duty_segment(b, duty, "ward");
        rota_builder_set_duty_min(b, duty, 2);
        rota_builder_add_duty_who_tag(b, duty, "staff");
    }
    model = steal(b);
    rota_builder_free(b);
    ck_assert_int_eq(model->n_cells, 28);
    ck_assert_int_eq(model->n_places, 56);
    ck_assert_int_eq(model->n_eligible, 1);
    ck_assert_int_eq(model->eligible[0].n_people, 20);
    for (int d = 0; d < 28; d++) {
        int cell = rotap_model_find_cell(model, d, 0, d);

        ck_assert_int_eq(cell, d);
        ck_assert_int_eq(model->cells[cell].first_day, d);
        ck_assert_int_eq(model->cells[cell].n_days, 1);
        ck_assert_int_eq(rotap_model_find_cell(model, d, 0, (d + 1) % 28), -1);
        if (first < 0)
            first = model->cells[cell].eligible;
        ck_assert_int_eq(model->cells[cell].eligible, first);
    }
}
END_TEST

/* ------------------------------------------------------------------ cells */

START_TEST(test_cells_per_day)
{
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;
    const RotapDuty *duty;
    int rush, snow;

    rota_builder_add_holiday(b, "2026-12-31");
    rush = rota_builder_add_duty(b, "rush", "am");
    rota_builder_set_duty_days(b, rush, ROTA_DAYS_WORKDAYS);
    rota_builder_add_duty_segment(b, rush, "S3");
    rota_builder_add_duty_segment(b, rush, "S1");
    rota_builder_set_duty_min(b, rush, 2);
    rota_builder_set_duty_max(b, rush, 3);
    rota_builder_add_duty_quota(b, rush, "party", 1);
    snow = rota_builder_add_duty(b, "snow", "pm");
    rota_builder_add_duty_date(b, snow, "2026-12-17");
    rota_builder_add_duty_date(b, snow, "2026-12-16");
    model = steal(b);
    rota_builder_free(b);
    duty = &model->duties[rush];
    /* December 2026 has 23 workdays; the 31st is made a holiday. */
    ck_assert_int_eq(duty->n_windows, 22);
    ck_assert_int_eq(duty->n_segments, 2);
    ck_assert_int_eq(duty->segments[0], 0); /* by model order, not as listed */
    ck_assert_int_eq(duty->segments[1], 2);
    ck_assert_int_eq(duty->n_cells, 44);
    ck_assert_int_eq(duty->first_cell, 0);
    ck_assert_int_eq(duty->min, 2);
    ck_assert_int_eq(duty->max, 3);
    ck_assert_int_eq(duty->under, 1000);
    ck_assert_int_eq(duty->over, 0);
    ck_assert_int_eq(duty->n_quotas, 1);
    ck_assert_str_eq(model->tags[duty->quotas[0].tag], "party");
    ck_assert_int_eq(duty->window_first_day[0], 0);
    ck_assert_int_eq(duty->window_first_day[3], 3);
    ck_assert_int_eq(duty->window_first_day[4], 6); /* Mon 7th after the weekend */
    ck_assert_int_eq(rotap_model_find_cell(model, rush, 2, 6), 22 + 4);
    ck_assert_int_eq(model->cells[26].segment, 2);
    ck_assert_int_eq(model->cells[26].first_day, 6);
    ck_assert_int_eq(model->cells[26].shift, 0);
    ck_assert_int_eq(rotap_model_find_cell(model, rush, 2, 5), -1);  /* Saturday */
    ck_assert_int_eq(rotap_model_find_cell(model, rush, 2, 30), -1); /* holiday */
    ck_assert_int_eq(rotap_model_find_cell(model, rush, 1, 6), -1);  /* not its segment */
    ck_assert_int_eq(rotap_model_find_cell(model, rush, 0, -1), -1);
    ck_assert_int_eq(rotap_model_find_cell(model, rush, 0, 31), -1);
    /* Dates in any order; "*" is every segment; max unset is unlimited. */
    duty = &model->duties[snow];
    ck_assert_int_eq(duty->n_segments, 4);
    ck_assert_int_eq(duty->n_windows, 2);
    ck_assert_int_eq(duty->first_cell, 44);
    ck_assert_int_eq(duty->max, ROTAP_UNLIMITED);
    ck_assert_int_eq(duty->min, 0);
    ck_assert_int_eq(rotap_model_find_cell(model, snow, 3, 16), 44 + 3 * 2 + 1);
    ck_assert_int_eq(model->n_cells, 52);
    ck_assert_int_eq(rota_model_get_n_cells(model), 52);
    ck_assert_int_eq(rota_model_get_n_places(model), 88);
    ck_assert_int_eq(rota_model_find_duty(model, "snow"), 1);
    ck_assert_int_eq(rota_model_find_duty(model, "onsite"), ROTA_NOT_FOUND);
    ck_assert_int_eq(rota_model_get_duty_shift(model, 1), 1);
}
END_TEST

START_TEST(test_cells_per_week)
{
    /* From Thursday 2026-12-03: a cut first week, three full ones, a cut last. */
    RotaBuilder *b = rota_builder_new("weeks", "2026-12-03", 26);
    g_autoptr(RotaModel) model = NULL;
    const RotapDuty *duty;
    const RotapCell *cell;
    int inspect;

    rota_builder_add_shift(b, "pm", NULL, "14:00", "17:00");
    rota_builder_add_segment(b, "S1", NULL);
    rota_builder_add_segment(b, "S2", NULL);
    rota_builder_add_person(b, "P1", NULL, NULL);
    rota_builder_add_holiday(b, "2026-12-10");
    inspect = rota_builder_add_duty(b, "inspect", "pm");
    rota_builder_set_duty_days(b, inspect, ROTA_DAYS_WORKDAYS);
    rota_builder_set_duty_per_week(b, inspect, TRUE);
    rota_builder_set_duty_min(b, inspect, 1);
    model = steal(b);
    rota_builder_free(b);
    duty = &model->duties[inspect];
    ck_assert_int_eq(model->n_weeks, 5);
    ck_assert_int_eq(duty->n_windows, 5);
    ck_assert_int_eq(duty->n_cells, 10);
    ck_assert_int_eq(model->n_places, 10);
    ck_assert_int_eq(duty->window_first_day[0], 0);  /* Thu 3rd */
    ck_assert_int_eq(duty->window_first_day[1], 4);  /* Mon 7th */
    ck_assert_int_eq(duty->window_first_day[4], 25); /* Mon 28th */
    cell = &model->cells[0];
    ck_assert_int_eq(cell->n_days, 2); /* Thu 3rd, Fri 4th */
    ck_assert_int_eq(cell->days[1], 1);
    cell = &model->cells[1];
    ck_assert_int_eq(cell->n_days, 4); /* the 10th is a holiday */
    ck_assert_int_eq(cell->days[0], 4);
    ck_assert_int_eq(cell->days[1], 5);
    ck_assert_int_eq(cell->days[2], 6);
    ck_assert_int_eq(cell->days[3], 8);
    ck_assert_int_eq(model->cells[4].n_days, 1);
    ck_assert_int_eq(model->cells[5].segment, 1);
    ck_assert_int_eq(model->cells[6].n_days, 4);
    ck_assert_ptr_eq(model->cells[6].days, model->cells[1].days);
    ck_assert_int_eq(rotap_model_find_cell(model, inspect, 1, 8), 6);
    ck_assert_int_eq(rotap_model_find_cell(model, inspect, 1, 4), 6);
    ck_assert_int_eq(rotap_model_find_cell(model, inspect, 0, 1), 0);
    ck_assert_int_eq(rotap_model_find_cell(model, inspect, 0, 7), -1); /* holiday */
    ck_assert_int_eq(rotap_model_find_cell(model, inspect, 0, 2), -1); /* Saturday */
    ck_assert_int_eq(rotap_model_find_cell(model, inspect, 1, 25), 9);
    ck_assert_int_eq(rotap_model_find_cell(model, inspect, 1, 24), -1); /* Sunday */
}
END_TEST

START_TEST(test_weekends_selector)
{
    /* "weekends" is Saturday and Sunday even when the calendar says work. */
    RotaBuilder *b = rota_builder_new("we", "2026-10-05", 7);
    g_autoptr(RotaModel) model = NULL;
    int clean, rest;

    rota_builder_add_shift(b, "am", NULL, "08:00", "11:00");
    rota_builder_add_segment(b, "S1", NULL);
    rota_builder_add_workday(b, "2026-10-10");
    rota_builder_add_holiday(b, "2026-10-05");
    clean = rota_builder_add_duty(b, "clean", "am");
    rota_builder_set_duty_days(b, clean, ROTA_DAYS_WEEKENDS);
    rest = rota_builder_add_duty(b, "rest", "am");
    rota_builder_set_duty_days(b, rest, ROTA_DAYS_RESTDAYS);
    model = steal(b);
    rota_builder_free(b);
    ck_assert_int_eq(model->duties[clean].n_windows, 2);
    ck_assert_int_eq(model->duties[clean].window_first_day[0], 5);
    ck_assert_int_eq(model->duties[rest].n_windows, 2); /* Mon 5th, Sun 11th */
    ck_assert_int_eq(model->duties[rest].window_first_day[0], 0);
    ck_assert_int_eq(model->duties[rest].window_first_day[1], 6);
}
END_TEST

/* ------------------------------------------------------------------ fairness, on-site */

START_TEST(test_fair_members)
{
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;
    int rush, clean;

    /* S1: U1's members and S1's community volunteer P6; S3: U2's members. */
    rush = rota_builder_add_duty(b, "rush", "am");
    rota_builder_add_duty_segment(b, rush, "S1");
    rota_builder_set_duty_min(b, rush, 1);
    clean = rota_builder_add_duty(b, "clean", "pm");
    rota_builder_add_duty_date(b, clean, "2026-12-02");
    rota_builder_add_duty_segment(b, clean, "S3");
    model = steal(b);
    rota_builder_free(b);
    /* U1: members P1..P4, less the head P1. */
    ck_assert_int_eq(model->units[0].n_fair_members, 3);
    ck_assert_int_eq(model->units[0].fair_members[0], 1);
    ck_assert_int_eq(model->units[0].fair_members[2], 3);
    /* U2: P6 and P8 (both eligible at S3); not the head P5. */
    ck_assert_int_eq(model->units[1].n_fair_members, 2);
    ck_assert_int_eq(model->units[1].fair_members[0], 5);
    ck_assert_int_eq(model->units[1].fair_members[1], 7);
}
END_TEST

START_TEST(test_fair_members_without_cells)
{
    RotaBuilder *b = rota_builder_new("empty", "2026-12-07", 5); /* Monday to Friday */
    g_autoptr(RotaModel) model = NULL;
    int weekend;

    /* A duty with no due day makes nobody eligible for fairness. */
    rota_builder_add_shift(b, "am", NULL, "08:00", "09:00");
    rota_builder_add_segment(b, "S1", NULL);
    rota_builder_add_unit(b, "U1", NULL, "P1");
    rota_builder_add_unit_segment(b, 0, "S1");
    rota_builder_add_person(b, "P1", NULL, "U1");
    rota_builder_add_person(b, "P2", NULL, "U1");
    weekend = rota_builder_add_duty(b, "weekend", "am");
    rota_builder_set_duty_days(b, weekend, ROTA_DAYS_WEEKENDS);
    model = steal(b);
    rota_builder_free(b);
    ck_assert_int_eq(model->n_cells, 0);
    ck_assert_int_eq(model->duties[weekend].n_windows, 0);
    ck_assert_int_eq(model->units[0].n_fair_members, 0);
    ck_assert_int_eq(model->units[0].n_members, 2);
}
END_TEST

START_TEST(test_onsite_rule)
{
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;

    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_WORKDAYS);
    model = steal(b);
    ck_assert_int_eq(model->onsite_shift, 2);
    ck_assert_int_eq(rota_model_get_onsite_shift(model), 2);
    ck_assert_ptr_nonnull(model->onsite_day);
    ck_assert_int_eq(model->onsite_day[0], 1);
    ck_assert_int_eq(model->onsite_day[4], 0); /* Saturday the 5th */
    ck_assert_int_eq(rota_model_get_n_onsite_cells(model), 23 * 2);
    g_clear_pointer(&model, rota_model_unref);

    /* Reused: the builder is empty again, without an on-site rule. */
    rota_builder_add_shift(b, "am", NULL, "07:00", "08:00");
    model = steal(b);
    ck_assert_int_eq(model->onsite_shift, -1);
    ck_assert_ptr_null(model->onsite_day);
    ck_assert_int_eq(rota_model_get_n_onsite_cells(model), 0);
    ck_assert_int_eq(rota_model_get_n_days(model), 31);
    rota_builder_free(b);
}
END_TEST

START_TEST(test_onsite_dates_and_weights)
{
    RotaBuilder *b = county_builder();
    g_autoptr(RotaModel) model = NULL;
    int duty;

    rota_builder_add_onsite_date(b, "2026-12-03");
    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_DATES);
    rota_builder_set_weight(b, ROTA_WEIGHT_UNCOVERED, 300);
    rota_builder_set_weight(b, ROTA_WEIGHT_OVER, 2);
    rota_builder_set_weight(b, ROTA_WEIGHT_FAIRNESS, 0);
    duty = rota_builder_add_duty(b, "rush", "am");
    model = steal(b);
    rota_builder_free(b);
    ck_assert_int_eq(model->onsite_day[2], 1);
    ck_assert_int_eq(model->onsite_day[3], 0);
    ck_assert_int_eq(rota_model_get_n_onsite_cells(model), 2);
    ck_assert_int_eq(model->weights[ROTA_WEIGHT_UNCOVERED], 300);
    ck_assert_int_eq(model->weights[ROTA_WEIGHT_FAIRNESS], 0);
    ck_assert_int_eq(model->weights[ROTA_WEIGHT_QUOTA], 500);
    ck_assert_int_eq(model->weights[ROTA_WEIGHT_CHANGE], 20);
    ck_assert_int_eq(model->duties[duty].under, 300);
    ck_assert_int_eq(model->duties[duty].over, 2);
}
END_TEST

START_TEST(test_ref_counting)
{
    RotaBuilder *b = county_builder();
    RotaModel *model = steal(b);

    rota_builder_free(b);
    ck_assert_ptr_eq(rota_model_ref(model), model);
    rota_model_unref(model);
    ck_assert_str_eq(rota_model_get_segment_name(model, 0), "人民路");
    ck_assert_str_eq(rota_model_get_unit_name(model, 0), "住建局");
    ck_assert_int_eq(rota_model_get_n_duties(model), 0);
    ck_assert_int_eq(rota_model_get_n_shifts(model), 3);
    ck_assert_int_eq(rota_model_get_n_segments(model), 4);
    ck_assert_int_eq(rota_model_get_n_units(model), 2);
    ck_assert_int_eq(rota_model_get_n_people(model), 8);
    rota_model_unref(model);
    rota_model_unref(NULL);
}
END_TEST

static Suite *
model_suite(void)
{
    Suite *suite = suite_create("model");
    TCase *calendar = tcase_create("calendar");
    TCase *people = tcase_create("people");
    TCase *cells = tcase_create("cells");
    TCase *rules = tcase_create("rules");

    tcase_add_test(calendar, test_calendar_makeup_days);
    tcase_add_test(calendar, test_calendar_year_boundary);
    tcase_add_test(calendar, test_calendar_sunday_start);
    tcase_add_test(calendar, test_julian_matches_gdate);
    tcase_add_test(calendar, test_shift_minutes);
    suite_add_tcase(suite, calendar);
    tcase_add_test(people, test_effective_limits);
    tcase_add_test(people, test_off_and_requests);
    tcase_add_test(people, test_request_defaults);
    tcase_add_test(people, test_people_tags_and_lookup);
    suite_add_tcase(suite, people);
    tcase_add_test(cells, test_eligibility_rules);
    tcase_add_test(cells, test_eligibility_not_owner_scattered);
    tcase_add_test(cells, test_eligibility_dedup);
    tcase_add_test(cells, test_cells_per_day);
    tcase_add_test(cells, test_cells_per_week);
    tcase_add_test(cells, test_weekends_selector);
    suite_add_tcase(suite, cells);
    tcase_add_test(rules, test_fair_members);
    tcase_add_test(rules, test_fair_members_without_cells);
    tcase_add_test(rules, test_onsite_rule);
    tcase_add_test(rules, test_onsite_dates_and_weights);
    tcase_add_test(rules, test_ref_counting);
    suite_add_tcase(suite, rules);
    return suite;
}

int
main(void)
{
    return test_run_suite(model_suite());
}
