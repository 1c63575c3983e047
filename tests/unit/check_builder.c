/* SPDX-License-Identifier: MIT */
/* check_builder.c: the builder's spec, its reuse, and compile's error messages. */
#include "model-private.h"
#include "testhelp.h"

/* A small valid model that each error case then breaks in one place. */
static RotaBuilder *
base_builder(void)
{
    RotaBuilder *b = rota_builder_new("示例县", "2026-12-01", 31);
    int u1, duty;

    rota_builder_add_shift(b, "am", "早高峰", "07:00", "09:00");
    rota_builder_add_shift(b, "pm", "晚高峰", "17:00", "18:30");
    rota_builder_add_shift(b, "onsite", "马路办公", "09:00", "10:00");
    rota_builder_add_segment(b, "S1", "人民路");
    rota_builder_add_segment(b, "S2", "解放街");
    u1 = rota_builder_add_unit(b, "U1", "住建局", "P1");
    rota_builder_add_unit_segment(b, u1, "S1");
    rota_builder_add_unit(b, "U2", "教育局", NULL);
    rota_builder_add_person(b, "P1", "张局长", "U1");
    rota_builder_add_person(b, "P2", "王副局长", "U1");
    rota_builder_add_person(b, "P3", "李娜", "U2");
    duty = rota_builder_add_duty(b, "rush", "am");
    rota_builder_set_duty_min(b, duty, 1);
    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_WORKDAYS);
    return b;
}

typedef struct {
    const char *name;
    void (*breaks)(RotaBuilder *b);
    const char *message;
} ErrorCase;

static void
bad_timezone(RotaBuilder *b)
{
    rota_builder_set_timezone(b, "Asia/Shanghia");
}

static void
posix_timezone(RotaBuilder *b)
{
    rota_builder_set_timezone(b, "CST-8");
}

static void
path_timezone(RotaBuilder *b)
{
    rota_builder_set_timezone(b, "/etc/localtime");
}

static void
bad_holiday(RotaBuilder *b)
{
    rota_builder_add_holiday(b, "2026-12-25");
    rota_builder_add_holiday(b, "2026-02-30");
}

static void
holiday_and_workday(RotaBuilder *b)
{
    rota_builder_add_holiday(b, "2026-10-10");
    rota_builder_add_workday(b, "2026-10-10");
}

static void
bad_shift_start(RotaBuilder *b)
{
    rota_builder_add_shift(b, "night", NULL, "7:00", "09:00");
}

static void
bad_shift_end(RotaBuilder *b)
{
    rota_builder_add_shift(b, "night", NULL, "22:00", "25:00");
}

static void
empty_shift(RotaBuilder *b)
{
    rota_builder_add_shift(b, "night", NULL, "22:00", "22:00");
}

static void
duplicate_shift(RotaBuilder *b)
{
    rota_builder_add_shift(b, "am", NULL, "06:00", "07:00");
}

static void
too_many_shifts(RotaBuilder *b)
{
    for (int i = 0; i < 62; i++) {
        g_autofree char *id = g_strdup_printf("s%d", i);

        rota_builder_add_shift(b, id, NULL, "06:00", "07:00");
    }
}

static void
unknown_forbid(RotaBuilder *b)
{
    rota_builder_forbid_succession(b, "pm", "night");
}

static void
empty_segment_id(RotaBuilder *b)
{
    rota_builder_add_segment(b, "", "无名");
}

static void
control_person_id(RotaBuilder *b)
{
    rota_builder_add_person(b, "P\n4", NULL, NULL);
}

static void
bad_kind(RotaBuilder *b)
{
    rota_builder_set_segment_kind(b, 1, "park");
}

static void
bad_latitude(RotaBuilder *b)
{
    rota_builder_set_segment_geo(b, 0, 95.0, 118.9);
}

static void
unknown_chief(RotaBuilder *b)
{
    rota_builder_set_segment_chief(b, 1, "P9");
}

static void
unknown_head(RotaBuilder *b)
{
    rota_builder_add_unit(b, "U3", NULL, "P99");
}

static void
head_as_deputy(RotaBuilder *b)
{
    rota_builder_add_unit_deputy(b, 0, "P2");
    rota_builder_add_unit_deputy(b, 0, "P1");
}

static void
deputy_twice(RotaBuilder *b)
{
    rota_builder_add_unit_deputy(b, 0, "P2");
    rota_builder_add_unit_deputy(b, 0, "P2");
}

static void
segment_adopted_twice(RotaBuilder *b)
{
    rota_builder_add_unit_segment(b, 1, "S1");
}

static void
unknown_unit(RotaBuilder *b)
{
    rota_builder_add_person(b, "P4", NULL, "U104");
}

static void
unknown_community(RotaBuilder *b)
{
    rota_builder_set_person_community(b, 1, "S9");
}

static void
negative_limit(RotaBuilder *b)
{
    rota_builder_set_person_limit(b, 1, ROTA_LIMIT_MAX_MINUTES, -5);
}

static void
limits_against_rules(RotaBuilder *b)
{
    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_MINUTES, 480);
    rota_builder_set_person_limit(b, 1, ROTA_LIMIT_MIN_MINUTES, 600);
}

static void
rules_contradiction(RotaBuilder *b)
{
    rota_builder_set_default_limit(b, ROTA_LIMIT_MIN_CONSECUTIVE, 5);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_CONSECUTIVE, 3);
}

static void
unknown_max_shifts(RotaBuilder *b)
{
    rota_builder_set_person_max_shifts(b, 0, "zz", 3);
}

static void
bad_off_date(RotaBuilder *b)
{
    rota_builder_add_person_off(b, 1, "2026-12-5", NULL, NULL);
}

static void
bad_off_day(RotaBuilder *b)
{
    rota_builder_add_person_off(b, 1, "2026-12-01", NULL, NULL);
    rota_builder_add_person_off(b, 1, "2026-12-32", NULL, "am");
}

static void
off_backwards(RotaBuilder *b)
{
    rota_builder_add_person_off(b, 1, "2026-12-05", "2026-12-01", NULL);
}

static void
off_unknown_shift(RotaBuilder *b)
{
    rota_builder_add_person_off(b, 1, "2026-12-05", "2026-12-07", "night");
}

static void
request_outside(RotaBuilder *b)
{
    rota_builder_add_person_request(b, 1, "2027-02-01", NULL, TRUE, 1);
}

static void
request_negative(RotaBuilder *b)
{
    rota_builder_add_person_request(b, 1, "2026-12-02", "am", FALSE, -1);
}

static void
onsite_duty(RotaBuilder *b)
{
    rota_builder_add_duty(b, "onsite", "onsite");
}

static void
unknown_duty_shift(RotaBuilder *b)
{
    rota_builder_add_duty(b, "clean", "night");
}

static void
min_over_max(RotaBuilder *b)
{
    rota_builder_set_duty_min(b, 0, 3);
    rota_builder_set_duty_max(b, 0, 2);
}

static void
duty_date_outside(RotaBuilder *b)
{
    rota_builder_add_duty_date(b, 0, "2026-12-16");
    rota_builder_add_duty_date(b, 0, "2027-02-01");
}

static void
duty_date_twice(RotaBuilder *b)
{
    rota_builder_add_duty_date(b, 0, "2026-12-05");
    rota_builder_add_duty_date(b, 0, "2026-12-05");
}

static void
duty_no_dates(RotaBuilder *b)
{
    rota_builder_set_duty_days(b, 0, ROTA_DAYS_DATES);
}

static void
duty_segment_twice(RotaBuilder *b)
{
    rota_builder_add_duty_segment(b, 0, "S1");
    rota_builder_add_duty_segment(b, 0, "S2");
    rota_builder_add_duty_segment(b, 0, "S1");
}

static void
unknown_who_unit(RotaBuilder *b)
{
    rota_builder_add_duty_who_tag(b, 0, "inspector");
    rota_builder_add_duty_who_unit(b, 0, "U9");
}

static void
negative_quota(RotaBuilder *b)
{
    rota_builder_add_duty_quota(b, 0, "party", -1);
}

static void
negative_under(RotaBuilder *b)
{
    rota_builder_set_duty_under(b, 0, -10);
}

static void
unknown_onsite_shift(RotaBuilder *b)
{
    rota_builder_set_onsite(b, "noon", ROTA_DAYS_ALL);
}

static void
negative_weight(RotaBuilder *b)
{
    rota_builder_set_weight(b, ROTA_WEIGHT_FAIRNESS, -5);
}

static const ErrorCase error_cases[] = {
    {"timezone", bad_timezone,
     "timezone: unknown time zone \"Asia/Shanghia\" (expected an IANA name such as "
     "\"Asia/Shanghai\")"},
    {"posix timezone", posix_timezone, "timezone: unknown time zone \"CST-8\""},
    {"path timezone", path_timezone, "timezone: unknown time zone \"/etc/localtime\""},
    {"holiday", bad_holiday,
     "calendar.holidays[1]: bad date \"2026-02-30\" (expected YYYY-MM-DD)"},
    {"holiday and workday", holiday_and_workday,
     "calendar.workdays[0]: date 2026-10-10 is also listed in calendar.holidays "
     "(expected one or the other)"},
    {"shift start", bad_shift_start,
     "shifts[3].start: bad time \"7:00\" (expected HH:MM, 00:00 to 23:59)"},
    {"shift end", bad_shift_end,
     "shifts[3].end: bad time \"25:00\" (expected HH:MM, 00:00 to 24:00)"},
    {"empty shift", empty_shift,
     "shifts[3].end: the shift ends when it starts, at 22:00 (expected a different end "
     "time)"},
    {"duplicate shift", duplicate_shift,
     "shifts[3].id: duplicate shift id \"am\" (first at shifts[0])"},
    {"too many shifts", too_many_shifts,
     "shifts[64]: too many shifts (expected at most 64)"},
    {"forbid", unknown_forbid, "forbid[0].next_day: unknown shift \"night\""},
    {"empty id", empty_segment_id,
     "segments[2].id: empty segment id (expected a non-empty string)"},
    {"control id", control_person_id,
     "people[3].id: person id \"P\\n4\" contains a control character (expected printable "
     "text)"},
    {"kind", bad_kind,
     "segments[1].kind: unknown kind \"park\" (expected \"road\" or "
     "\"compound\")"},
    {"latitude", bad_latitude,
     "segments[0].geo: latitude 95 is out of range (expected -90 to 90)"},
    {"chief", unknown_chief, "segments[1].chief: unknown person \"P9\""},
    {"head", unknown_head, "units[2].head: unknown person \"P99\""},
    {"head as deputy", head_as_deputy,
     "units[0].deputies[1]: \"P1\" is the unit's head (expected another person)"},
    {"deputy twice", deputy_twice,
     "units[0].deputies[1]: duplicate deputy \"P2\" (first at units[0].deputies[0])"},
    {"adopted twice", segment_adopted_twice,
     "units[1].segments[0]: segment \"S1\" is already adopted by unit \"U1\" (expected "
     "one "
     "unit per segment)"},
    {"unit", unknown_unit, "people[3].unit: unknown unit \"U104\""},
    {"community", unknown_community, "people[1].community: unknown segment \"S9\""},
    {"negative limit", negative_limit,
     "people[1].limits.max_minutes: negative value -5 (expected 0 or more)"},
    {"limits against rules", limits_against_rules,
     "people[1].limits.min_minutes: min_minutes 600 is greater than max_minutes 480 "
     "(from "
     "rules.limits)"},
    {"rules contradiction", rules_contradiction,
     "rules.limits.min_consecutive: min_consecutive 5 is greater than max_consecutive 3"},
    {"max_shifts", unknown_max_shifts,
     "people[0].limits.max_shifts.zz: unknown shift \"zz\""},
    {"off date", bad_off_date,
     "people[1].off[0]: bad date \"2026-12-5\" (expected YYYY-MM-DD)"},
    {"off day", bad_off_day,
     "people[1].off[1].date: bad date \"2026-12-32\" (expected YYYY-MM-DD)"},
    {"off backwards", off_backwards,
     "people[1].off[0].to: end date 2026-12-01 is before the start date 2026-12-05 "
     "(expected from <= to)"},
    {"off shift", off_unknown_shift, "people[1].off[0].shift: unknown shift \"night\""},
    {"request outside", request_outside,
     "people[1].requests[0].date: date 2027-02-01 is outside the horizon "
     "2026-12-01..2026-12-31"},
    {"request weight", request_negative,
     "people[1].requests[0].weight: negative weight -1 (expected 0 or more)"},
    {"onsite duty", onsite_duty,
     "duties[1].id: the id \"onsite\" is reserved for the on-site hour (expected another "
     "id)"},
    {"duty shift", unknown_duty_shift, "duties[1].shift: unknown shift \"night\""},
    {"min over max", min_over_max, "duties[0].min: min 3 is greater than max 2"},
    {"duty date outside", duty_date_outside,
     "duties[0].days[1]: date 2027-02-01 is outside the horizon 2026-12-01..2026-12-31"},
    {"duty date twice", duty_date_twice,
     "duties[0].days[1]: date 2026-12-05 is listed twice"},
    {"duty no dates", duty_no_dates,
     "duties[0].days: empty date list (expected a keyword or at least one date)"},
    {"duty segment twice", duty_segment_twice,
     "duties[0].segments[2]: segment \"S1\" is listed twice (first at "
     "duties[0].segments[0])"},
    {"who unit", unknown_who_unit, "duties[0].who.units[0]: unknown unit \"U9\""},
    {"quota", negative_quota,
     "duties[0].quota.party: negative count -1 (expected 0 or more)"},
    {"under", negative_under,
     "duties[0].under: negative weight -10 (expected 0 or more)"},
    {"onsite shift", unknown_onsite_shift, "rules.onsite.shift: unknown shift \"noon\""},
    {"weight", negative_weight,
     "rules.weights.fairness: negative weight -5 (expected 0 or more)"},
};

START_TEST(test_error_case)
{
    const ErrorCase *c = &error_cases[_i];
    g_autoptr(RotaBuilder) b = base_builder();
    g_autoptr(GError) error = NULL;
    RotaModel *model;

    c->breaks(b);
    model = rota_builder_steal_model(b, &error);
    ck_assert_msg(model == NULL, "case \"%s\" compiled", c->name);
    ck_assert_msg(error != NULL && error->domain == ROTA_ERROR &&
                      error->code == ROTA_ERROR_INVALID,
                  "case \"%s\": wrong error", c->name);
    ck_assert_msg(g_str_has_prefix(error->message, c->message), "case \"%s\":\n%s\n%s",
                  c->name, error->message, c->message);
}
END_TEST

START_TEST(test_base_is_valid)
{
    g_autoptr(RotaBuilder) b = base_builder();
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = rota_builder_steal_model(b, &error);

    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "");
    ck_assert_int_eq(rota_model_get_n_people(model), 3);
}
END_TEST

START_TEST(test_horizon_errors)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaBuilder) b = rota_builder_new("", "2026-12-01", 31);

    ck_assert_ptr_null(rota_builder_steal_model(b, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "name: empty name (expected a non-empty string)");
    g_clear_pointer(&b, rota_builder_free);
    b = rota_builder_new("x", "2026-12-32", 31);
    ck_assert_ptr_null(rota_builder_steal_model(b, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "start: bad date \"2026-12-32\" (expected YYYY-MM-DD)");
    g_clear_pointer(&b, rota_builder_free);
    b = rota_builder_new("x", "2026-12-01", 0);
    ck_assert_ptr_null(rota_builder_steal_model(b, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "days: 0 days is out of range (expected 1 to 3660)");
    g_clear_pointer(&b, rota_builder_free);
    b = rota_builder_new("x", "2026-12-01", 3661);
    ck_assert_ptr_null(rota_builder_steal_model(b, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "days: 3661 days is out of range");
    g_clear_pointer(&b, rota_builder_free);
    b = rota_builder_new(NULL, NULL, 1);
    ck_assert_ptr_null(rota_builder_steal_model(b, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "name: missing name");
}
END_TEST

/* ------------------------------------------------------------------ reuse */

START_TEST(test_reuse_after_steal)
{
    g_autoptr(RotaBuilder) b = base_builder();
    g_autoptr(RotaModel) first = NULL;
    g_autoptr(RotaModel) second = NULL;
    g_autoptr(GError) error = NULL;

    first = rota_builder_steal_model(b, &error);
    ck_assert_ptr_nonnull(first);
    /* Empty again but for the horizon: indices restart at 0. */
    ck_assert_int_eq(rota_builder_add_shift(b, "late", NULL, "20:00", "23:00"), 0);
    ck_assert_int_eq(rota_builder_add_person(b, "Q1", NULL, "U1"), 0);
    ck_assert_ptr_null(rota_builder_steal_model(b, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "people[0].unit: unknown unit \"U1\"");
    /* A failed steal empties the builder too. */
    ck_assert_int_eq(rota_builder_add_person(b, "Q1", NULL, NULL), 0);
    second = rota_builder_steal_model(b, &error);
    ck_assert_ptr_nonnull(second);
    ck_assert_int_eq(rota_model_get_n_people(second), 1);
    ck_assert_int_eq(rota_model_get_n_shifts(second), 0);
    ck_assert_str_eq(rota_model_get_name(second), "示例县");
    ck_assert_int_eq(rota_model_get_n_days(second), 31);
    /* The first model is untouched by the builder's later use. */
    ck_assert_int_eq(rota_model_get_n_people(first), 3);
    ck_assert_str_eq(rota_model_get_person_id(first, 2), "P3");
}
END_TEST

/* ------------------------------------------------------------------ spec */

START_TEST(test_spec_as_json_reader_fills_it)
{
    g_autoptr(RotaBuilder) b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    const RotapSpec *spec;
    const RotapPersonSpec *person;
    const RotapDutySpec *duty;
    const RotapOffSpec *off;
    const RotapRequestSpec *request;
    int clean;

    rota_builder_set_segment_geo(b, 0, 36.12, 118.91);
    rota_builder_add_workday(b, "2026-10-10");
    rota_builder_add_person_off(b, 1, "2026-12-05", NULL, NULL);
    rota_builder_add_person_off(b, 1, "2026-12-06", "2026-12-06", "am");
    rota_builder_add_person_off(b, 1, "2026-12-07", "2026-12-07", NULL);
    rota_builder_add_person_off(b, 1, "2026-12-10", "2026-12-12", NULL);
    rota_builder_add_person_request(b, 1, "2026-12-07", "am", FALSE, 3);
    rota_builder_set_person_limit(b, 1, ROTA_LIMIT_MAX_WEEKENDS, 2);
    rota_builder_set_weight(b, ROTA_WEIGHT_CHANGE, 0);
    clean = rota_builder_add_duty(b, "clean", "pm");
    rota_builder_add_duty_segment(b, clean, "S2");
    rota_builder_add_duty_quota(b, clean, "party", 1);
    rota_builder_add_duty_quota(b, clean, "party", 2);
    rota_builder_set_duty_per_week(b, clean, TRUE);
    model = rota_builder_steal_model(b, NULL);
    ck_assert_ptr_nonnull(model);
    spec = model->spec;
    ck_assert_str_eq(spec->name, "示例县");
    ck_assert_ptr_null(spec->timezone);
    ck_assert(spec->has_calendar);
    ck_assert(!spec->has_rules_limits);
    ck_assert_uint_eq(spec->weights_set, 1u << ROTA_WEIGHT_CHANGE);
    ck_assert(g_array_index(spec->segments, RotapSegmentSpec, 0).has_geo);
    ck_assert(!g_array_index(spec->segments, RotapSegmentSpec, 1).has_geo);
    ck_assert_ptr_null(g_array_index(spec->segments, RotapSegmentSpec, 0).kind);
    person = &g_array_index(spec->people, RotapPersonSpec, 1);
    ck_assert_uint_eq(person->limits.set, 1u << ROTA_LIMIT_MAX_WEEKENDS);
    ck_assert_uint_eq(person->off->len, 4);
    off = &g_array_index(person->off, RotapOffSpec, 0);
    ck_assert(off->form == ROTAP_OFF_FORM_DATE && g_strcmp0(off->to, "2026-12-05") == 0);
    off = &g_array_index(person->off, RotapOffSpec, 1);
    ck_assert(off->form == ROTAP_OFF_FORM_DAY && g_strcmp0(off->shift, "am") == 0);
    ck_assert_str_eq(off->to, "2026-12-06");
    off = &g_array_index(person->off, RotapOffSpec, 2);
    ck_assert(off->form == ROTAP_OFF_FORM_DATE && off->shift == NULL);
    off = &g_array_index(person->off, RotapOffSpec, 3);
    ck_assert(off->form == ROTAP_OFF_FORM_RANGE);
    ck_assert_str_eq(off->from, "2026-12-10");
    ck_assert_str_eq(off->to, "2026-12-12");
    request = &g_array_index(person->requests, RotapRequestSpec, 0);
    ck_assert(request->has_on && !request->on && request->has_weight);
    ck_assert_int_eq(request->weight, 3);
    duty = &g_array_index(spec->duties, RotapDutySpec, 0);
    ck_assert_ptr_null(duty->segments); /* "*" */
    ck_assert(duty->has_min && !duty->has_max && !duty->has_who);
    ck_assert(duty->days.kind == ROTA_DAYS_ALL);
    duty = &g_array_index(spec->duties, RotapDutySpec, 1);
    ck_assert_uint_eq(duty->segments->len, 1);
    ck_assert_uint_eq(duty->quotas->len, 1);
    ck_assert_int_eq(g_array_index(duty->quotas, RotapQuotaSpec, 0).count, 2);
    ck_assert(duty->per_week);
    ck_assert(spec->has_onsite && spec->onsite_days.kind == ROTA_DAYS_WORKDAYS);
    ck_assert_str_eq(spec->onsite_shift, "onsite");
}
END_TEST

START_TEST(test_spec_names)
{
    ck_assert_str_eq(rotap_limit_name(ROTA_LIMIT_MIN_MINUTES), "min_minutes");
    ck_assert_str_eq(rotap_limit_name(ROTA_LIMIT_MAX_SHIFTS_WEEK), "max_shifts_week");
    ck_assert_str_eq(rotap_limit_name(ROTA_LIMIT_MIN_REST_MINUTES), "min_rest_minutes");
    ck_assert_str_eq(rotap_weight_name(ROTA_WEIGHT_DEPUTY_ONSITE), "deputy_onsite");
    ck_assert_str_eq(rotap_weight_name(ROTA_WEIGHT_CHANGE), "change");
    ck_assert_int_eq(rotap_weight_default(ROTA_WEIGHT_UNCOVERED), 1000);
    ck_assert_int_eq(rotap_weight_default(ROTA_WEIGHT_OVER), 0);
    ck_assert_int_eq(rotap_weight_default(ROTA_WEIGHT_QUOTA), 500);
    ck_assert_int_eq(rotap_weight_default(ROTA_WEIGHT_DEPUTY_ONSITE), 50);
    ck_assert_int_eq(rotap_weight_default(ROTA_WEIGHT_REQUEST), 1);
    ck_assert_int_eq(rotap_weight_default(ROTA_WEIGHT_FAIRNESS), 5);
    ck_assert_int_eq(rotap_weight_default(ROTA_WEIGHT_CHANGE), 20);
    ck_assert_str_eq(rotap_days_name(ROTA_DAYS_RESTDAYS), "restdays");
    ck_assert_str_eq(rotap_days_name(ROTA_DAYS_WEEKENDS), "weekends");
    ck_assert_ptr_null(rotap_days_name(ROTA_DAYS_DATES));
}
END_TEST

/* ------------------------------------------------------------------ caller bugs */

/* Bad indices and enums are recorded, not CRITICALs: the model is refused
 * with the first bad call named, and the builder can be used again. */
START_TEST(test_bad_indices)
{
    g_autoptr(RotaBuilder) b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    GError *error = NULL;

    test_count_criticals();
    rota_builder_add_person_tag(b, 3, "party");
    rota_builder_set_duty_min(b, -1, 2);
    rota_builder_set_segment_kind(b, 2, "compound");
    rota_builder_add_unit_deputy(b, 7, "P2");
    rota_builder_set_person_limit(b, 0, ROTA_N_LIMITS, 1);
    rota_builder_free(NULL);
    ck_assert_int_eq(test_criticals(), 0);
    model = rota_builder_steal_model(b, &error);
    ck_assert_ptr_null(model);
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "rota_builder_add_person_tag: index 3 is out of range (3 people "
                      "added) (and 4 more bad calls)");
    ck_assert_int_eq(test_criticals(), 0);
}
END_TEST

START_TEST(test_bad_enum_then_reuse)
{
    g_autoptr(RotaBuilder) b = base_builder();
    g_autoptr(RotaModel) model = NULL;
    GError *error = NULL;

    rota_builder_set_weight(b, (RotaWeight)-1, 3);
    ck_assert_ptr_null(rota_builder_steal_model(b, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID,
                      "rota_builder_set_weight: unknown weight -1 (expected 0 to 6)");
    /* the builder is empty again, and remembers no misuse */
    rota_builder_add_shift(b, "d", "day", "08:00", "16:00");
    model = rota_builder_steal_model(b, &error);
    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "?");
    ck_assert_int_eq(rota_model_get_n_shifts(model), 1);
    /* getters given a bad index are still caller bugs */
    test_count_criticals();
    ck_assert_ptr_null(rota_model_get_person_id(model, 3));
    ck_assert_int_eq(rota_model_get_shift_minutes(model, -1), -1);
    ck_assert_int_eq(test_criticals(), 2);
}
END_TEST

static Suite *
builder_suite(void)
{
    Suite *suite = suite_create("builder");
    TCase *errors = tcase_create("errors");
    TCase *core = tcase_create("core");

    tcase_add_test(errors, test_base_is_valid);
    tcase_add_loop_test(errors, test_error_case, 0, G_N_ELEMENTS(error_cases));
    tcase_add_test(errors, test_horizon_errors);
    suite_add_tcase(suite, errors);
    tcase_add_test(core, test_reuse_after_steal);
    tcase_add_test(core, test_spec_as_json_reader_fills_it);
    tcase_add_test(core, test_spec_names);
    tcase_add_test(core, test_bad_indices);
    tcase_add_test(core, test_bad_enum_then_reuse);
    suite_add_tcase(suite, core);
    return suite;
}

int
main(void)
{
    return test_run_suite(builder_suite());
}
