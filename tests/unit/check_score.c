/* SPDX-License-Identifier: MIT */
/* check_score.c: the evaluator, one constraint name at a time, on small hand-made
 * rosters. */
#include "config.h"

#include <string.h>

#include "score-private.h"
#include "testhelp.h"

/*
 * The base model: 7 days from Tuesday 2026-12-01 (days 0..3 and 6 are
 * workdays, 4 and 5 the weekend; day 6 starts the next ISO week).  Unit
 * U001 (head P0001, deputy P0002) owns S001 and S002; P0003 (party) and
 * P0004 are members; P0005 belongs to no unit.  Fairness is off unless a
 * test turns it on, so that each test sees only the names it is about.
 */
static RotaBuilder *
base_builder(void)
{
    RotaBuilder *b = rota_builder_new("test", "2026-12-01", 7);
    int unit;

    rota_builder_add_shift(b, "am", "早高峰疏导", "07:00", "09:00");
    rota_builder_add_shift(b, "pm", "晚高峰疏导", "17:00", "19:00");
    rota_builder_add_shift(b, "night", "夜巡", "22:00", "06:00");
    rota_builder_add_shift(b, "onsite", "马路办公", "09:00", "10:00");
    rota_builder_add_segment(b, "S001", "人民路");
    rota_builder_add_segment(b, "S002", "解放街");
    rota_builder_add_person(b, "P0001", "王强", "U001");
    rota_builder_add_person(b, "P0002", "张伟", "U001");
    rota_builder_add_person_tag(b, rota_builder_add_person(b, "P0003", "李娜", "U001"),
                                "party");
    rota_builder_add_person(b, "P0004", "赵敏", "U001");
    rota_builder_add_person(b, "P0005", "P0005", NULL);
    unit = rota_builder_add_unit(b, "U001", "县住建局", "P0001");
    rota_builder_add_unit_deputy(b, unit, "P0002");
    rota_builder_add_unit_segment(b, unit, "S001");
    rota_builder_add_unit_segment(b, unit, "S002");
    rota_builder_set_weight(b, ROTA_WEIGHT_FAIRNESS, 0);
    return b;
}

/* A duty of shift at S001 on every day, wanting min people (no cap).  The
 * rush-hour duties are named unlike their shifts, as in the county
 * example, so that messages show which of the two they mean: a duty by its
 * name (its shift's when unnamed: inspect, patrol), a shift by the shift's. */
static int
add_duty(RotaBuilder *b, const char *id, const char *shift, int min)
{
    int duty = rota_builder_add_duty(b, id, shift);

    if (strcmp(id, "rush-am") == 0)
        rota_builder_set_duty_name(b, duty, "早高峰交通疏导");
    else if (strcmp(id, "rush-pm") == 0)
        rota_builder_set_duty_name(b, duty, "晚高峰交通疏导");

    rota_builder_add_duty_segment(b, duty, "S001");
    rota_builder_set_duty_min(b, duty, min);
    return duty;
}

static RotaModel *
build(RotaBuilder *b)
{
    g_autoptr(GError) error = NULL;
    RotaModel *model = rota_builder_steal_model(b, &error);

    ck_assert_msg(model != NULL, "model: %s", error != NULL ? error->message : "?");
    rota_builder_free(b);
    return model;
}

static void
add(RotaRoster *roster, const char *date, const char *shift, const char *segment,
    const char *person, const char *duty)
{
    g_autoptr(GError) error = NULL;

    ck_assert_msg(
        rota_roster_add_by_id(roster, date, shift, segment, person, duty, &error),
        "add: %s", error != NULL ? error->message : "?");
}

static int
term_count(const RotaScore *score, const char *name)
{
    for (int t = 0; t < rota_score_get_n_terms(score); t++)
        if (strcmp(rota_score_get_term_name(score, t), name) == 0)
            return rota_score_get_term_count(score, t);
    return 0;
}

static gint64
term_penalty(const RotaScore *score, const char *name)
{
    for (int t = 0; t < rota_score_get_n_terms(score); t++)
        if (strcmp(rota_score_get_term_name(score, t), name) == 0)
            return rota_score_get_term_penalty(score, t);
    return 0;
}

/* The nth violation (from 0) named name; fails if there is none. */
static const RotaViolation *
nth(const RotaScore *score, const char *name, int n)
{
    for (int i = 0; i < rota_score_get_n_violations(score); i++) {
        const RotaViolation *v = rota_score_get_violation(score, i);

        if (strcmp(v->constraint, name) == 0 && n-- == 0)
            return v;
    }
    ck_abort_msg("no violation %s", name);
    return NULL;
}

static void
assert_where(const RotaModel *model, const RotaViolation *v, int day, const char *shift,
             const char *segment, const char *person)
{
    ck_assert_int_eq(v->day, day);
    ck_assert_int_eq(v->shift, shift != NULL ? rota_model_find_shift(model, shift) : -1);
    ck_assert_int_eq(v->segment,
                     segment != NULL ? rota_model_find_segment(model, segment) : -1);
    ck_assert_int_eq(v->person,
                     person != NULL ? rota_model_find_person(model, person) : -1);
}

/* ------------------------------------------------------------ assignments */

START_TEST(test_clean_roster)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;

    add_duty(b, "rush-am", "am", 1);
    model = build(b);
    roster = rota_roster_new(model);
    for (int d = 0; d < 7; d++) {
        g_autofree char *date = rota_model_dup_date(model, d);

        add(roster, date, "am", "S001", d % 2 ? "P0003" : "P0004", "rush-am");
    }
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 0);
    ck_assert_int_eq(rota_score_get_soft(score), 0);
    ck_assert_int_eq(rota_score_get_n_terms(score), 0);
    ck_assert_int_eq(rota_score_get_n_violations(score), 0);
}
END_TEST

START_TEST(test_off)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    const RotaViolation *v;

    rota_builder_add_person_off(b, 2, "2026-12-02", NULL, NULL);
    rota_builder_add_person_off(b, 2, "2026-12-03", NULL, "pm");
    add_duty(b, "rush-am", "am", 0);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-02", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-03", "am", "S001", "P0003", "rush-am");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 1);
    ck_assert_int_eq(term_count(score, "off"), 1);
    v = nth(score, "off", 0);
    assert_where(model, v, 1, "am", "S001", "P0003");
    ck_assert(v->hard);
    ck_assert_int_eq(v->penalty, 0);
    ck_assert_int_eq(v->duty, rota_model_find_duty(model, "rush-am"));
    ck_assert_int_eq(v->unit, -1);
    ck_assert_str_eq(
        v->message,
        "P0003 李娜 is off on 2026-12-02 but is assigned 早高峰交通疏导 at S001 人民路");
    ck_assert_str_eq(
        v->message_zh,
        "P0003 李娜 2026-12-02 已登记不可上岗，却被安排在 S001 人民路 早高峰交通疏导");
}
END_TEST

START_TEST(test_eligibility)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    int inspect;

    rota_builder_set_person_community(b, 4, "S002");
    rota_builder_add_person_tag(b, 3, "inspector");
    rota_builder_add_person_tag(b, 4, "inspector");
    rota_builder_add_duty_segment(b, add_duty(b, "rush-am", "am", 0), "S002");
    inspect = add_duty(b, "inspect", "pm", 0);
    rota_builder_add_duty_who_tag(b, inspect, "inspector");
    rota_builder_set_duty_not_owner(b, inspect, TRUE);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-01", "am", "S001", "P0005", "rush-am"); /* not eligible */
    add(roster, "2026-12-02", "am", "S002", "P0005", "rush-am"); /* community */
    add(roster, "2026-12-03", "am", "S001", "P0003", "rush-am"); /* member */
    add(roster, "2026-12-04", "pm", "S001", "P0004", "inspect"); /* owner's member */
    add(roster, "2026-12-05", "pm", "S001", "P0005", "inspect"); /* inspector */
    add(roster, "2026-12-06", "pm", "S001", "P0003", "inspect"); /* no tag, member */
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 3);
    ck_assert_int_eq(term_count(score, "eligibility"), 3);
    assert_where(model, nth(score, "eligibility", 0), 0, "am", "S001", "P0005");
    assert_where(model, nth(score, "eligibility", 1), 3, "pm", "S001", "P0004");
    assert_where(model, nth(score, "eligibility", 2), 5, "pm", "S001", "P0003");
    ck_assert_str_eq(nth(score, "eligibility", 0)->message,
                     "P0005 may not serve 早高峰交通疏导 at S001 人民路 (2026-12-01)");
}
END_TEST

START_TEST(test_double_booking)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;

    add_duty(b, "rush-am", "am", 0);
    add_duty(b, "rush-pm", "pm", 0);
    add_duty(b, "patrol", "night", 0);
    model = build(b);
    roster = rota_roster_new(model);
    /* Added out of time order: the extra ones are the later ones. */
    add(roster, "2026-12-01", "night", "S001", "P0003", "patrol");
    add(roster, "2026-12-01", "pm", "S001", "P0003", "rush-pm");
    add(roster, "2026-12-01", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-02", "pm", "S001", "P0004", "rush-pm");
    add(roster, "2026-12-02", "am", "S001", "P0004", "rush-am");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 3);
    ck_assert_int_eq(term_count(score, "double_booking"), 3);
    assert_where(model, nth(score, "double_booking", 0), 0, "pm", "S001", "P0003");
    assert_where(model, nth(score, "double_booking", 1), 0, "night", "S001", "P0003");
    assert_where(model, nth(score, "double_booking", 2), 1, "pm", "S001", "P0004");
    ck_assert_str_eq(nth(score, "double_booking", 0)->message,
                     "P0003 李娜 has 3 duties on 2026-12-01; at most one allowed "
                     "(extra: 晚高峰交通疏导 at S001 人民路)");
}
END_TEST

START_TEST(test_min_rest_across_midnight)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    const RotaViolation *v;

    rota_builder_set_default_limit(b, ROTA_LIMIT_MIN_REST_MINUTES, 600);
    add_duty(b, "rush-am", "am", 0);
    add_duty(b, "rush-pm", "pm", 0);
    add_duty(b, "patrol", "night", 0);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-01", "night", "S001", "P0003", "patrol"); /* ends 06:00 */
    add(roster, "2026-12-02", "am", "S001", "P0003", "rush-am");   /* 60 minutes */
    add(roster, "2026-12-03", "pm", "S001", "P0003", "rush-pm");
    add(roster, "2026-12-04", "am", "S001", "P0003", "rush-am"); /* 720 minutes */
    add(roster, "2026-12-06", "pm", "S001", "P0004", "rush-pm");
    add(roster, "2026-12-07", "am", "S001", "P0004", "rush-am"); /* 720 minutes */
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 1);
    v = nth(score, "min_rest", 0);
    assert_where(model, v, 1, "am", "S001", "P0003");
    ck_assert_str_eq(v->message,
                     "P0003 李娜 rests 60 minutes between 夜巡 on 2026-12-01 and "
                     "早高峰疏导 on 2026-12-02; at least 600 required");
    ck_assert_str_eq(v->message_zh, "P0003 李娜 2026-12-01 夜巡 与 2026-12-02 早高峰疏导 "
                                    "之间仅休息 60 分钟，至少 600 分钟");
}
END_TEST

START_TEST(test_forbidden_succession)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;

    rota_builder_forbid_succession(b, "night", "am");
    add_duty(b, "rush-am", "am", 0);
    add_duty(b, "patrol", "night", 0);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-01", "night", "S001", "P0003", "patrol");
    add(roster, "2026-12-02", "am", "S001", "P0003", "rush-am"); /* forbidden */
    add(roster, "2026-12-03", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-04", "night", "S001", "P0003",
        "patrol"); /* am then night: fine */
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 1);
    ck_assert_int_eq(term_count(score, "min_rest"), 0); /* min rest 0 by default */
    assert_where(model, nth(score, "forbidden_succession", 0), 1, "am", "S001", "P0003");
    ck_assert_str_eq(nth(score, "forbidden_succession", 0)->message,
                     "P0003 李娜 works 早高峰疏导 on 2026-12-02 right after 夜巡 on "
                     "2026-12-01, a forbidden succession");
}
END_TEST

/* ------------------------------------------------------------ limits */

START_TEST(test_max_shifts)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;

    rota_builder_set_default_max_shifts(b, "am", 2);
    rota_builder_set_person_max_shifts(b, 3, "am", 0);
    add_duty(b, "rush-am", "am", 0);
    add_duty(b, "rush-pm", "pm", 0);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-01", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-02", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-03", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-04", "pm", "S001", "P0003", "rush-pm");
    add(roster, "2026-12-04", "am", "S001", "P0004", "rush-am");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 2);
    assert_where(model, nth(score, "max_shifts", 0), -1, "am", NULL, "P0003");
    assert_where(model, nth(score, "max_shifts", 1), -1, "am", NULL, "P0004");
    ck_assert_str_eq(nth(score, "max_shifts", 0)->message,
                     "P0003 李娜 works 早高峰疏导 3 times; at most 2 allowed");
}
END_TEST

START_TEST(test_minutes)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;

    rota_builder_set_person_limit(b, 2, ROTA_LIMIT_MIN_MINUTES, 300);
    rota_builder_set_person_limit(b, 3, ROTA_LIMIT_MAX_MINUTES, 200);
    rota_builder_set_person_limit(b, 1, ROTA_LIMIT_MIN_MINUTES, 1);
    add_duty(b, "rush-am", "am", 0);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-01", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-02", "am", "S001", "P0004", "rush-am");
    add(roster, "2026-12-07", "am", "S001", "P0004", "rush-am");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 3);
    ck_assert_int_eq(term_count(score, "min_minutes"), 2); /* P0002 has none at all */
    assert_where(model, nth(score, "min_minutes", 0), -1, NULL, NULL, "P0002");
    assert_where(model, nth(score, "min_minutes", 1), -1, NULL, NULL, "P0003");
    assert_where(model, nth(score, "max_minutes", 0), -1, NULL, NULL, "P0004");
    ck_assert_str_eq(nth(score, "min_minutes", 1)->message,
                     "P0003 李娜 works 120 minutes in all; at least 300 required");
    ck_assert_str_eq(nth(score, "max_minutes", 0)->message_zh,
                     "P0004 赵敏 总值勤 240 分钟，最多 200 分钟");
}
END_TEST

START_TEST(test_weekly_limits)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    const RotaViolation *v;

    rota_builder_set_person_limit(b, 2, ROTA_LIMIT_MAX_SHIFTS_WEEK, 2);
    rota_builder_set_person_limit(b, 3, ROTA_LIMIT_MAX_MINUTES_WEEK, 200);
    add_duty(b, "rush-am", "am", 0);
    model = build(b);
    roster = rota_roster_new(model);
    /* P0003: 3 in the week cut by the horizon start (days 0-5), 1 in the next. */
    add(roster, "2026-12-01", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-02", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-06", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-07", "am", "S001", "P0003", "rush-am");
    /* P0004: 240 minutes in days 0-5, 120 in day 6. */
    add(roster, "2026-12-03", "am", "S001", "P0004", "rush-am");
    add(roster, "2026-12-05", "am", "S001", "P0004", "rush-am");
    add(roster, "2026-12-07", "am", "S001", "P0004", "rush-am");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 2);
    v = nth(score, "max_shifts_week", 0);
    assert_where(model, v, 0, NULL, NULL, "P0003");
    ck_assert_str_eq(v->message, "P0003 李娜 works 3 shifts in the week "
                                 "2026-12-01..2026-12-06; at most 2 allowed");
    v = nth(score, "max_minutes_week", 0);
    assert_where(model, v, 0, NULL, NULL, "P0004");
    ck_assert_str_eq(v->message_zh, "P0004 赵敏 2026-12-01 至 2026-12-06 这一周值勤 240 "
                                    "分钟，最多 200 分钟");
}
END_TEST

/* Work P on the days marked '1' in pattern (one character per day). */
static void
add_pattern(RotaRoster *roster, const char *person, const char *pattern)
{
    for (int d = 0; pattern[d] != '\0'; d++) {
        g_autofree char *date = rota_model_dup_date(rota_roster_get_model(roster), d);

        if (pattern[d] == '1')
            add(roster, date, "am", "S001", person, "rush-am");
    }
}

START_TEST(test_runs_and_edges)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;

    for (int p = 1; p <= 3; p++) {
        rota_builder_set_person_limit(b, p, ROTA_LIMIT_MIN_CONSECUTIVE, 2);
        rota_builder_set_person_limit(b, p, ROTA_LIMIT_MAX_CONSECUTIVE, 3);
        rota_builder_set_person_limit(b, p, ROTA_LIMIT_MIN_DAYS_OFF, 2);
    }
    add_duty(b, "rush-am", "am", 0);
    model = build(b);
    roster = rota_roster_new(model);
    /* Edge runs are exempt from minimums: the single day 0 is fine; the
     * day off 1 and the work day 2 are not; 5-6 touches the end. */
    add_pattern(roster, "P0003", "1010011");
    /* Five days from day 0: too long even at the edge; days off 5-6 fine. */
    add_pattern(roster, "P0004", "1111100");
    /* Nothing at all: one run of days off touching both ends. */
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 3);
    assert_where(model, nth(score, "min_consecutive", 0), 2, NULL, NULL, "P0003");
    assert_where(model, nth(score, "min_days_off", 0), 1, NULL, NULL, "P0003");
    assert_where(model, nth(score, "max_consecutive", 0), 0, NULL, NULL, "P0004");
    ck_assert_str_eq(
        nth(score, "max_consecutive", 0)->message,
        "P0004 赵敏 works 5 days in a row (2026-12-01..2026-12-05); at most 3 "
        "allowed");
    ck_assert_str_eq(nth(score, "max_consecutive", 0)->message_zh,
                     "P0004 赵敏 2026-12-01 至 2026-12-05 连续上岗 5 天，最多 3 天");
    ck_assert_str_eq(
        nth(score, "min_days_off", 0)->message,
        "P0003 李娜 has 1 day off in a row (2026-12-02..2026-12-02); at least 2 "
        "required");
}
END_TEST

START_TEST(test_max_weekends)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;

    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_WEEKENDS, 0);
    add_duty(b, "rush-am", "am", 0);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-05", "am", "S001", "P0003", "rush-am"); /* Saturday */
    add(roster, "2026-12-06", "am", "S001", "P0003", "rush-am"); /* same weekend */
    add(roster, "2026-12-04", "am", "S001", "P0004", "rush-am"); /* Friday */
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 1);
    assert_where(model, nth(score, "max_weekends", 0), -1, NULL, NULL, "P0003");
    ck_assert_str_eq(nth(score, "max_weekends", 0)->message,
                     "P0003 李娜 works 1 weekend; at most 0 allowed");
}
END_TEST

/* ------------------------------------------------------------ cells */

/* A duty at S001 on one date only. */
static int
add_dated_duty(RotaBuilder *b, const char *id, const char *shift, const char *date,
               int min)
{
    int duty = add_duty(b, id, shift, min);

    rota_builder_set_duty_days(b, duty, ROTA_DAYS_DATES);
    rota_builder_add_duty_date(b, duty, date);
    return duty;
}

START_TEST(test_over_max_and_over)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    const RotaViolation *v;
    int duty = add_dated_duty(b, "rush-am", "am", "2026-12-03", 1);

    rota_builder_set_duty_max(b, duty, 2);
    rota_builder_set_duty_over(b, duty, 7);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-03", "am", "S001", "P0002", "rush-am");
    add(roster, "2026-12-03", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-03", "am", "S001", "P0004", "rush-am");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 1);
    ck_assert_int_eq(rota_score_get_soft(score), 14);
    v = nth(score, "over_max", 0);
    assert_where(model, v, 2, "am", "S001", NULL);
    ck_assert_int_eq(v->duty, duty);
    ck_assert_str_eq(
        v->message,
        "S001 人民路 早高峰交通疏导 2026-12-03: 3 people assigned; at most 2 allowed");
    v = nth(score, "over", 0);
    ck_assert(!v->hard);
    ck_assert_int_eq(v->penalty, 14);
    ck_assert_str_eq(v->message_zh,
                     "S001 人民路 早高峰交通疏导 2026-12-03：安排 3 人，需要 1 人");
}
END_TEST

START_TEST(test_uncovered)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    const RotaViolation *v;

    add_dated_duty(b, "rush-am", "am", "2026-12-03", 2);
    rota_builder_set_duty_under(b, add_dated_duty(b, "rush-pm", "pm", "2026-12-03", 3),
                                10);
    rota_builder_add_person_off(b, 3, "2026-12-03", NULL, "am");
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-03", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-03", "pm", "S001", "P0002", "rush-pm");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 0);
    ck_assert_int_eq(rota_score_get_soft(score), 1000 + 20);
    ck_assert_int_eq(term_count(score, "uncovered"), 2);
    ck_assert_int_eq(term_penalty(score, "uncovered"), 1020);
    /* Free for am: P0001 only (P0002 works pm that day, P0004 is off for am). */
    v = nth(score, "uncovered", 0);
    assert_where(model, v, 2, "am", "S001", NULL);
    ck_assert_int_eq(v->penalty, 1000);
    ck_assert_str_eq(v->message,
                     "S001 人民路 早高峰交通疏导 2026-12-03: 1 of 2 places filled; "
                     "1 eligible people free");
    ck_assert_str_eq(v->message_zh,
                     "S001 人民路 早高峰交通疏导 2026-12-03：应到 2 人，实到 1 "
                     "人；可排且空闲的合格人员 1 人");
    /* Free for pm: P0001 and P0004 (off only for am). */
    v = nth(score, "uncovered", 1);
    ck_assert_int_eq(v->penalty, 20);
    ck_assert_str_eq(v->message,
                     "S001 人民路 晚高峰交通疏导 2026-12-03: 1 of 3 places filled; "
                     "2 eligible people free");
}
END_TEST

START_TEST(test_quota_in_empty_cell)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    int duty = add_duty(b, "rush-am", "am", 2);

    rota_builder_set_duty_days(b, duty, ROTA_DAYS_DATES);
    rota_builder_add_duty_date(b, duty, "2026-12-03");
    rota_builder_add_duty_date(b, duty, "2026-12-04");
    rota_builder_add_duty_date(b, duty, "2026-12-07");
    rota_builder_add_duty_quota(b, duty, "party", 1);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-03", "am", "S001", "P0001", "rush-am"); /* no party member */
    add(roster, "2026-12-03", "am", "S001", "P0002", "rush-am");
    add(roster, "2026-12-07", "am", "S001", "P0001", "rush-am"); /* with one */
    add(roster, "2026-12-07", "am", "S001", "P0003", "rush-am");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_soft(score), 500 + 2000 + 500);
    ck_assert_int_eq(term_count(score, "quota"), 2);
    ck_assert_int_eq(term_penalty(score, "quota"), 1000);
    assert_where(model, nth(score, "quota", 0), 2, "am", "S001", NULL);
    assert_where(model, nth(score, "quota", 1), 3, "am", "S001", NULL);
    ck_assert_str_eq(
        nth(score, "quota", 1)->message,
        "S001 人民路 早高峰交通疏导 2026-12-04: 0 of 1 wanted \"party\" people "
        "assigned");
}
END_TEST

START_TEST(test_week_windows)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    const RotaViolation *v;
    int duty = add_duty(b, "inspect", "pm", 1);

    rota_builder_set_duty_days(b, duty, ROTA_DAYS_WORKDAYS);
    rota_builder_set_duty_per_week(b, duty, TRUE);
    rota_builder_set_duty_max(b, duty, 1);
    model = build(b);
    roster = rota_roster_new(model);
    /* Week 1 (due days 12-01..12-04) twice; week 2 (12-07 only) never. */
    add(roster, "2026-12-02", "pm", "S001", "P0003", "inspect");
    add(roster, "2026-12-04", "pm", "S001", "P0003", "inspect");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 1);
    ck_assert_int_eq(rota_score_get_soft(score), 1000);
    v = nth(score, "over_max", 0);
    assert_where(model, v, 0, "pm", "S001", NULL);
    ck_assert_str_eq(v->message,
                     "S001 人民路 晚高峰疏导 2026-12-01..2026-12-04: 2 people "
                     "assigned; at most 1 allowed");
    ck_assert_str_eq(v->message_zh,
                     "S001 人民路 晚高峰疏导 2026-12-01 至 2026-12-04：安排 2 "
                     "人，最多 1 人");
    v = nth(score, "uncovered", 0);
    assert_where(model, v, 6, "pm", "S001", NULL);
    ck_assert_str_eq(v->message,
                     "S001 人民路 晚高峰疏导 2026-12-07: 0 of 1 place filled; "
                     "4 eligible people free");
}
END_TEST

/* ------------------------------------------------------------ on-site */

START_TEST(test_onsite)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    int lone;

    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_ALL);
    rota_builder_add_segment(b, "S003", "建设路");
    lone = rota_builder_add_unit(b, "U003", "无人单位", NULL);
    rota_builder_add_unit_segment(b, lone, "S003");
    rota_builder_add_unit(b, "U002", "无路段单位", NULL);
    rota_builder_set_person_limit(b, 0, ROTA_LIMIT_MAX_MINUTES, 0);
    rota_builder_add_person_off(b, 0, "2026-12-04", "2026-12-05", NULL);
    rota_builder_add_person_off(b, 1, "2026-12-05", NULL, "onsite");
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-01", "onsite", "S001", "P0001", "onsite"); /* head: fine */
    /* 12-02: nobody, head available: onsite_missing */
    add(roster, "2026-12-03", "onsite", "S002", "P0002", "onsite"); /* deputy_onsite */
    add(roster, "2026-12-04", "onsite", "S001", "P0002", "onsite"); /* head off: fine */
    /* 12-05: head and deputy off: onsite_unstaffed */
    add(roster, "2026-12-06", "onsite", "S001", "P0001", "onsite"); /* two: extra */
    add(roster, "2026-12-06", "onsite", "S002", "P0002", "onsite");
    add(roster, "2026-12-07", "onsite", "S001", "P0003",
        "onsite"); /* not head: missing */
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(term_count(score, "eligibility"), 1);
    ck_assert_int_eq(term_count(score, "onsite_missing"), 2);
    ck_assert_int_eq(term_count(score, "onsite_unstaffed"), 1 + 7); /* U003 every day */
    ck_assert_int_eq(term_count(score, "onsite_extra"), 1);
    ck_assert_int_eq(term_count(score, "max_minutes"), 0); /* on-site is not counted */
    ck_assert_int_eq(rota_score_get_hard(score), 12);
    ck_assert_int_eq(rota_score_get_soft(score), 50);
    ck_assert_int_eq(nth(score, "eligibility", 0)->duty, ROTA_DUTY_ONSITE);
    ck_assert_int_eq(nth(score, "eligibility", 0)->unit, 0);
    ck_assert_int_eq(nth(score, "onsite_missing", 0)->day, 1);
    ck_assert_int_eq(nth(score, "onsite_missing", 1)->day, 6);
    ck_assert_str_eq(nth(score, "onsite_missing", 0)->message,
                     "U001 县住建局 2026-12-02: nobody does the on-site hour (马路办公), "
                     "though P0001 王强 is available");
    ck_assert_int_eq(nth(score, "onsite_unstaffed", 4)->day, 4);
    ck_assert_int_eq(nth(score, "onsite_unstaffed", 4)->unit, 0);
    ck_assert_str_eq(
        nth(score, "onsite_unstaffed", 4)->message,
        "U001 县住建局 2026-12-05: nobody can do the on-site hour (马路办公): "
        "head P0001 王强 and every deputy are off");
    ck_assert_str_eq(nth(score, "onsite_unstaffed", 5)->message_zh,
                     "U003 无人单位 2026-12-05 无人可马路办公：单位未设一把手和副职");
    ck_assert_int_eq(nth(score, "onsite_extra", 0)->day, 5);
    assert_where(model, nth(score, "deputy_onsite", 0), 2, "onsite", "S002", "P0002");
    ck_assert_int_eq(nth(score, "deputy_onsite", 0)->penalty, 50);
    ck_assert_str_eq(nth(score, "deputy_onsite", 0)->message,
                     "U001 县住建局 2026-12-03: deputy P0002 张伟 does the on-site hour "
                     "(马路办公) at S002 解放街 while head P0001 王强 is available");
}
END_TEST

/* ------------------------------------------------------------ wishes */

START_TEST(test_requests)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;

    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_DATES);
    rota_builder_add_onsite_date(b, "2026-12-07");
    rota_builder_add_person_request(b, 2, "2026-12-02", "am", TRUE, 3);  /* pm instead */
    rota_builder_add_person_request(b, 2, "2026-12-03", NULL, TRUE, 2);  /* works pm */
    rota_builder_add_person_request(b, 2, "2026-12-04", "pm", FALSE, 4); /* works pm */
    rota_builder_add_person_request(b, 2, "2026-12-05", NULL, FALSE, 0); /* free */
    rota_builder_add_person_request(b, 2, "2026-12-06", NULL, FALSE, 5); /* works am */
    rota_builder_add_person_request(b, 0, "2026-12-07", "onsite", TRUE, 9); /* on site */
    rota_builder_add_person_request(b, 3, "2026-12-01", "am", FALSE, 6); /* other shift */
    add_duty(b, "rush-am", "am", 0);
    add_duty(b, "rush-pm", "pm", 0);
    model = build(b);
    roster = rota_roster_new(model);
    add(roster, "2026-12-02", "pm", "S001", "P0003", "rush-pm");
    add(roster, "2026-12-03", "pm", "S001", "P0003", "rush-pm");
    add(roster, "2026-12-04", "pm", "S001", "P0003", "rush-pm");
    add(roster, "2026-12-05", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-06", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-07", "onsite", "S001", "P0001", "onsite");
    add(roster, "2026-12-01", "pm", "S001", "P0004", "rush-pm");
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(score), 0);
    ck_assert_int_eq(rota_score_get_soft(score), 3 + 4 + 5);
    ck_assert_int_eq(term_count(score, "request"), 3);
    assert_where(model, nth(score, "request", 0), 1, "am", NULL, "P0003");
    assert_where(model, nth(score, "request", 1), 3, "pm", NULL, "P0003");
    assert_where(model, nth(score, "request", 2), 5, NULL, NULL, "P0003");
    ck_assert_str_eq(nth(score, "request", 0)->message,
                     "P0003 李娜 asked to work 早高峰疏导 on 2026-12-02");
    ck_assert_str_eq(nth(score, "request", 1)->message_zh,
                     "P0003 李娜 申请 2026-12-04 不上“晚高峰疏导”，未满足");
    ck_assert_str_eq(nth(score, "request", 2)->message,
                     "P0003 李娜 asked to be off on 2026-12-06");
}
END_TEST

START_TEST(test_fairness_worked_example)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    const RotaViolation *v;

    rota_builder_set_weight(b, ROTA_WEIGHT_FAIRNESS, 5);
    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_ALL);
    add_duty(b, "rush-am", "am", 0);
    add_duty(b, "patrol", "night", 0);
    model = build(b);
    roster = rota_roster_new(model);
    /* Fair members P0002, P0003, P0004 (the head is left out): minutes
     * 0, 120, 480.  n = 3, sum = 600, squares = 244800;
     * floor(5 * (3 * 244800 - 600^2) / (3600 * 3)) = floor(173.33) = 173. */
    add(roster, "2026-12-02", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-03", "night", "S001", "P0004", "patrol");
    add(roster, "2026-12-01", "am", "S001", "P0001", "rush-am"); /* head: ignored */
    add(roster, "2026-12-05", "am", "S001", "P0005", "rush-am"); /* no unit */
    for (int d = 0; d < 7; d++) {
        g_autofree char *date = rota_model_dup_date(model, d);

        add(roster, date, "onsite", "S001", d == 0 ? "P0002" : "P0001", "onsite");
    }
    score = rota_score_new(roster, NULL);
    ck_assert_int_eq(term_penalty(score, "fairness"), 173);
    ck_assert_int_eq(term_count(score, "fairness"), 1);
    v = nth(score, "fairness", 0);
    ck_assert_int_eq(v->unit, 0);
    ck_assert_int_eq(v->person, -1);
    ck_assert_int_eq(v->day, -1);
    ck_assert_str_eq(v->message,
                     "U001 县住建局: duty hours of its 3 members range from 0.0 to 8.0 "
                     "(mean 3.3)");
    ck_assert_str_eq(
        v->message_zh,
        "U001 县住建局：3 名成员值勤时长 0.0 至 8.0 小时不等（平均 3.3 小时）");
}
END_TEST

/* ------------------------------------------------------------ previous */

static void
add_locked(RotaRoster *roster, int day, const char *shift, const char *person,
           const char *duty)
{
    RotaModel *model = rota_roster_get_model(roster);
    RotaAssignment a = {day,
                        rota_model_find_shift(model, shift),
                        rota_model_find_segment(model, "S001"),
                        rota_model_find_person(model, person),
                        rota_model_find_duty(model, duty),
                        TRUE};
    g_autoptr(GError) error = NULL;

    ck_assert_msg(rota_roster_add(roster, &a, &error), "%s", error ? error->message : "");
}

START_TEST(test_change_and_locked)
{
    RotaBuilder *b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) previous = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    g_autoptr(RotaScore) alone = NULL;
    const RotaViolation *v;

    add_duty(b, "rush-am", "am", 0);
    add_duty(b, "rush-pm", "pm", 0);
    model = build(b);
    previous = rota_roster_new(model);
    add_locked(previous, 0, "am", "P0003", "rush-am");
    add_locked(previous, 4, "pm", "P0004", "rush-pm");
    add(previous, "2026-12-02", "am", "S001", "P0004", "rush-am");
    add(previous, "2026-12-03", "am", "S001", "P0002", "rush-am");
    roster = rota_roster_new(model);
    add(roster, "2026-12-01", "pm", "S001", "P0003", "rush-pm"); /* locked one moved */
    add(roster, "2026-12-05", "pm", "S001", "P0004", "rush-pm"); /* kept, unlocked */
    add(roster, "2026-12-02", "am", "S001", "P0004", "rush-am"); /* same */
    add(roster, "2026-12-04", "am", "S001", "P0002", "rush-am"); /* 12-03 -> 12-04 */
    score = rota_score_new(roster, previous);
    ck_assert_int_eq(rota_score_get_hard(score), 1);
    ck_assert_int_eq(rota_score_get_soft(score), 3 * 20);
    ck_assert_int_eq(term_count(score, "change"), 3);
    v = nth(score, "locked", 0);
    assert_where(model, v, 0, "am", "S001", "P0003");
    ck_assert_str_eq(v->message,
                     "P0003 李娜 2026-12-01: the locked duty 早高峰交通疏导 at S001 "
                     "人民路 was changed or removed");
    assert_where(model, nth(score, "change", 0), 0, NULL, NULL, "P0003");
    assert_where(model, nth(score, "change", 1), 2, NULL, NULL, "P0002");
    assert_where(model, nth(score, "change", 2), 3, NULL, NULL, "P0002");
    ck_assert_str_eq(
        nth(score, "change", 0)->message,
        "P0003 李娜 2026-12-01: changed against the previous roster (before: "
        "早高峰交通疏导 at S001; now: 晚高峰交通疏导 at S001)");
    ck_assert_str_eq(
        nth(score, "change", 1)->message_zh,
        "P0002 张伟 2026-12-03 的值勤与上一版不同（原：S001 早高峰交通疏导；现：无）");
    /* Without a previous roster, neither name occurs. */
    alone = rota_score_new(roster, NULL);
    ck_assert_int_eq(rota_score_get_hard(alone), 0);
    ck_assert_int_eq(rota_score_get_soft(alone), 0);
}
END_TEST

/* ------------------------------------------------------------ order and output */

/* A roster breaking several rules, added in the given order. */
static RotaRoster *
mixed_roster(RotaModel *model, gboolean reversed)
{
    static const char *const rows[][5] = {
        {"2026-12-01", "am", "S001", "P0005", "rush-am"},
        {"2026-12-01", "pm", "S001", "P0005", "rush-pm"},
        {"2026-12-02", "am", "S001", "P0003", "rush-am"},
        {"2026-12-02", "am", "S001", "P0004", "rush-am"},
        {"2026-12-02", "am", "S001", "P0002", "rush-am"},
        {"2026-12-03", "pm", "S001", "P0003", "rush-pm"},
        {"2026-12-01", "onsite", "S001", "P0001", "onsite"},
    };
    RotaRoster *roster = rota_roster_new(model);
    int n = G_N_ELEMENTS(rows);

    for (int i = 0; i < n; i++) {
        const char *const *row = rows[reversed ? n - 1 - i : i];

        add(roster, row[0], row[1], row[2], row[3], row[4]);
    }
    return roster;
}

static RotaModel *
mixed_model(void)
{
    RotaBuilder *b = base_builder();
    int am = add_dated_duty(b, "rush-am", "am", "2026-12-02", 1);

    rota_builder_add_duty_date(b, am, "2026-12-01");
    rota_builder_add_duty_date(b, am, "2026-12-04");
    rota_builder_set_duty_max(b, am, 2);
    rota_builder_add_duty_quota(b, am, "party", 1);
    add_duty(b, "rush-pm", "pm", 0);
    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_DATES);
    rota_builder_add_onsite_date(b, "2026-12-01");
    rota_builder_add_person_request(b, 2, "2026-12-03", "pm", FALSE, 2);
    return build(b);
}

START_TEST(test_terms_in_design_order)
{
    g_autoptr(RotaModel) model = mixed_model();
    g_autoptr(RotaRoster) roster = mixed_roster(model, FALSE);
    g_autoptr(RotaScore) score = rota_score_new(roster, NULL);
    static const char *const names[] = {"eligibility", "double_booking", "over_max",
                                        "uncovered",   "quota",          "request"};
    static const int counts[] = {2, 1, 1, 1, 2, 1};
    static const gint64 penalties[] = {0, 0, 0, 1000, 1000, 2};
    int previous_term = -1;

    ck_assert_int_eq(rota_score_get_n_terms(score), G_N_ELEMENTS(names));
    for (int t = 0; t < rota_score_get_n_terms(score); t++) {
        ck_assert_str_eq(rota_score_get_term_name(score, t), names[t]);
        ck_assert_int_eq(rota_score_get_term_count(score, t), counts[t]);
        ck_assert_int_eq(rota_score_get_term_penalty(score, t), penalties[t]);
    }
    ck_assert_int_eq(rota_score_get_hard(score), 4);
    ck_assert_int_eq(rota_score_get_soft(score), 2002);
    ck_assert_int_eq(rota_score_get_n_violations(score), 8);
    /* Hard first, then by name order, then by day. */
    for (int i = 0; i < rota_score_get_n_violations(score); i++) {
        const RotaViolation *v = rota_score_get_violation(score, i);
        int term = -1;

        for (int t = 0; t < (int)G_N_ELEMENTS(names); t++)
            if (strcmp(names[t], v->constraint) == 0)
                term = t;
        ck_assert_int_ge(term, previous_term);
        ck_assert_int_eq(v->hard, term < 3);
        previous_term = term;
    }
    assert_where(model, nth(score, "eligibility", 0), 0, "am", "S001", "P0005");
    assert_where(model, nth(score, "eligibility", 1), 0, "pm", "S001", "P0005");
    assert_where(model, nth(score, "double_booking", 0), 0, "pm", "S001", "P0005");
    assert_where(model, nth(score, "over_max", 0), 1, "am", "S001", NULL);
    assert_where(model, nth(score, "uncovered", 0), 3, "am", "S001", NULL);
    assert_where(model, nth(score, "quota", 0), 0, "am", "S001", NULL);
    assert_where(model, nth(score, "quota", 1), 3, "am", "S001", NULL);
    assert_where(model, nth(score, "request", 0), 2, "pm", NULL, "P0003");
}
END_TEST

START_TEST(test_roster_order_does_not_matter)
{
    g_autoptr(RotaModel) model = mixed_model();
    g_autoptr(RotaRoster) forward = mixed_roster(model, FALSE);
    g_autoptr(RotaRoster) backward = mixed_roster(model, TRUE);
    g_autoptr(RotaScore) a = rota_score_new(forward, NULL);
    g_autoptr(RotaScore) b = rota_score_new(backward, NULL);
    g_autoptr(RotaScore) quiet = rotap_score_new_without_messages(backward, NULL);
    g_autofree char *json_a = rota_score_to_json(a);
    g_autofree char *json_b = rota_score_to_json(b);

    ck_assert_str_eq(json_a, json_b);
    ck_assert_int_eq(rota_score_get_hard(quiet), rota_score_get_hard(a));
    ck_assert_int_eq(rota_score_get_soft(quiet), rota_score_get_soft(a));
    ck_assert_int_eq(rota_score_get_n_violations(quiet), rota_score_get_n_violations(a));
    ck_assert_ptr_null(rota_score_get_violation(quiet, 0)->message);
    ck_assert_str_eq(rota_score_get_violation(quiet, 0)->constraint, "eligibility");
}
END_TEST

/* One uncovered cell and a wrong person on site on 2026-12-03. */
static RotaModel *
json_model(void)
{
    RotaBuilder *b = base_builder();

    add_dated_duty(b, "rush-am", "am", "2026-12-03", 2);
    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_DATES);
    rota_builder_add_onsite_date(b, "2026-12-03");
    return build(b);
}

static RotaScore *
json_score(RotaModel *model)
{
    g_autoptr(RotaRoster) roster = rota_roster_new(model);

    add(roster, "2026-12-03", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-03", "onsite", "S002", "P0004", "onsite");
    return rota_score_new(roster, NULL);
}

START_TEST(test_json_document)
{
    g_autoptr(RotaModel) model = json_model();
    g_autoptr(RotaScore) score = json_score(model);
    g_autofree char *json = rota_score_to_json(score);

    ck_assert_str_eq(
        json,
        "{\n"
        "  \"hard\": 2,\n"
        "  \"soft\": 1000,\n"
        "  \"terms\": [\n"
        "    { \"name\": \"eligibility\", \"count\": 1, \"penalty\": 0 },\n"
        "    { \"name\": \"onsite_missing\", \"count\": 1, \"penalty\": 0 },\n"
        "    { \"name\": \"uncovered\", \"count\": 1, \"penalty\": 1000 }\n"
        "  ],\n"
        "  \"violations\": [\n"
        "    { \"constraint\": \"eligibility\", \"hard\": true, \"penalty\": 0, "
        "\"date\": "
        "\"2026-12-03\", \"shift\": \"onsite\", \"segment\": \"S002\", \"person\": "
        "\"P0004\", "
        "\"unit\": \"U001\", \"duty\": \"onsite\", \"message\": \"P0004 赵敏 does "
        "the on-site "
        "hour (马路办公) at S002 解放街 on 2026-12-03 but is neither head nor "
        "deputy of U001 "
        "县住建局\", \"message_zh\": \"P0004 赵敏 2026-12-03 在 S002 解放街 "
        "马路办公，但不是 "
        "U001 县住建局 的一把手或副职\" },\n"
        "    { \"constraint\": \"onsite_missing\", \"hard\": true, \"penalty\": 0, "
        "\"date\": "
        "\"2026-12-03\", \"shift\": \"onsite\", \"unit\": \"U001\", \"message\": "
        "\"U001 县住建局 "
        "2026-12-03: nobody does the on-site hour (马路办公), though P0001 王强 is "
        "available\", \"message_zh\": \"U001 县住建局 2026-12-03 无人马路办公，而 "
        "P0001 王强 "
        "可以到岗\" },\n"
        "    { \"constraint\": \"uncovered\", \"hard\": false, \"penalty\": 1000, "
        "\"date\": "
        "\"2026-12-03\", \"shift\": \"am\", \"segment\": \"S001\", \"duty\": "
        "\"rush-am\", "
        "\"message\": \"S001 人民路 早高峰交通疏导 2026-12-03: 1 of 2 places filled; 2 "
        "eligible "
        "people free\", \"message_zh\": \"S001 人民路 早高峰交通疏导 2026-12-03：应到 "
        "2 人，实到 1 "
        "人；可排且空闲的合格人员 2 人\" }\n"
        "  ]\n"
        "}\n");
}
END_TEST

START_TEST(test_json_appenders)
{
    g_autoptr(RotaModel) model = json_model();
    g_autoptr(RotaScore) score = json_score(model);
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autoptr(RotaScore) clean = NULL;
    g_autoptr(GString) out = g_string_new("  \"score\": ");
    g_autofree char *clean_json = NULL;

    rotap_score_append_json(out, score, 4);
    ck_assert_str_eq(
        out->str, "  \"score\": { \"hard\": 2, \"soft\": 1000, \"terms\": [\n"
                  "    { \"name\": \"eligibility\", \"count\": 1, \"penalty\": 0 },\n"
                  "    { \"name\": \"onsite_missing\", \"count\": 1, \"penalty\": 0 },\n"
                  "    { \"name\": \"uncovered\", \"count\": 1, \"penalty\": 1000 }\n"
                  "  ] }");

    add(roster, "2026-12-03", "am", "S001", "P0003", "rush-am");
    add(roster, "2026-12-03", "am", "S001", "P0004", "rush-am");
    add(roster, "2026-12-03", "onsite", "S001", "P0001", "onsite");
    clean = rota_score_new(roster, NULL);
    clean_json = rota_score_to_json(clean);
    ck_assert_str_eq(clean_json, "{\n  \"hard\": 0,\n  \"soft\": 0,\n  \"terms\": [],\n"
                                 "  \"violations\": []\n}\n");
    g_string_assign(out, "");
    rotap_score_append_json(out, clean, 4);
    rotap_violations_append_json(out, clean, 4);
    ck_assert_str_eq(out->str, "{ \"hard\": 0, \"soft\": 0, \"terms\": [] }[]");
}
END_TEST

static void
count_critical(const char *domain, GLogLevelFlags level, const char *message,
               gpointer data)
{
    if (level & G_LOG_LEVEL_CRITICAL)
        (*(int *)data)++;
}

START_TEST(test_previous_of_another_model)
{
    g_autoptr(RotaModel) model = mixed_model();
    g_autoptr(RotaModel) other = mixed_model();
    g_autoptr(RotaRoster) roster = rota_roster_new(model);
    g_autoptr(RotaRoster) previous = rota_roster_new(other);
    int criticals = 0;
    GLogFunc old = g_log_set_default_handler(count_critical, &criticals);

    ck_assert_ptr_null(rota_score_new(roster, previous));
    g_log_set_default_handler(old, NULL);
    ck_assert_int_eq(criticals, 1);
}
END_TEST

static Suite *
score_suite(void)
{
    Suite *suite = suite_create("score");
    TCase *tc;

    tc = tcase_create("assignments");
    tcase_add_test(tc, test_clean_roster);
    tcase_add_test(tc, test_off);
    tcase_add_test(tc, test_eligibility);
    tcase_add_test(tc, test_double_booking);
    tcase_add_test(tc, test_min_rest_across_midnight);
    tcase_add_test(tc, test_forbidden_succession);
    suite_add_tcase(suite, tc);

    tc = tcase_create("limits");
    tcase_add_test(tc, test_max_shifts);
    tcase_add_test(tc, test_minutes);
    tcase_add_test(tc, test_weekly_limits);
    tcase_add_test(tc, test_runs_and_edges);
    tcase_add_test(tc, test_max_weekends);
    suite_add_tcase(suite, tc);

    tc = tcase_create("cells");
    tcase_add_test(tc, test_over_max_and_over);
    tcase_add_test(tc, test_uncovered);
    tcase_add_test(tc, test_quota_in_empty_cell);
    tcase_add_test(tc, test_week_windows);
    suite_add_tcase(suite, tc);

    tc = tcase_create("onsite");
    tcase_add_test(tc, test_onsite);
    suite_add_tcase(suite, tc);

    tc = tcase_create("wishes");
    tcase_add_test(tc, test_requests);
    tcase_add_test(tc, test_fairness_worked_example);
    tcase_add_test(tc, test_change_and_locked);
    tcase_add_test(tc, test_previous_of_another_model);
    suite_add_tcase(suite, tc);

    tc = tcase_create("output");
    tcase_add_test(tc, test_terms_in_design_order);
    tcase_add_test(tc, test_roster_order_does_not_matter);
    tcase_add_test(tc, test_json_document);
    tcase_add_test(tc, test_json_appenders);
    suite_add_tcase(suite, tc);
    return suite;
}

int
main(void)
{
    return test_run_suite(score_suite());
}
