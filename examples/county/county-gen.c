/* SPDX-License-Identifier: MIT */
/* county-gen.c: write the example county's model.json, reproducibly, at any scale. */
#include "county-gen.h"
#include "county-names.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each horizon: its first day, its length and the model's name. */
static const struct {
    const char *option, *start, *name;
    int n_days;
} horizons[] = {
    [COUNTY_MONTH] = {"month", "2026-12-01", "示例县 2026年12月值勤", 31},
    [COUNTY_QUARTER] = {"quarter", "2026-10-01", "示例县 2026年第四季度值勤", 92},
    [COUNTY_YEAR] = {"year", "2026-01-01", "示例县 2026年全年值勤", 365},
};

/* splitmix64: tiny, fast, and identical on every platform, so that one
 * seed always gives the same file. */
guint64
county_rng_next(CountyGen *gen)
{
    guint64 z = (gen->rng += G_GUINT64_CONSTANT(0x9E3779B97F4A7C15));

    z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform in 0..n-1 for n >= 1; the modulo bias is below 2^-40 here. */
int
county_rng_below(CountyGen *gen, int n)
{
    return (int)(county_rng_next(gen) % (guint64)n);
}

gboolean
county_rng_percent(CountyGen *gen, int percent)
{
    return county_rng_below(gen, 100) < percent;
}

void
county_rng_shuffle(CountyGen *gen, int *items, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = county_rng_below(gen, i + 1), t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}

const char *
county_segment_id(char buf[16], int segment)
{
    g_snprintf(buf, 16, "S%04d", segment + 1);
    return buf;
}

const char *
county_unit_id(char buf[16], int unit)
{
    g_snprintf(buf, 16, "U%04d", unit + 1);
    return buf;
}

const char *
county_person_id(char buf[16], int person)
{
    g_snprintf(buf, 16, "P%05d", person + 1);
    return buf;
}

const char *
county_date(const CountyGen *gen, char buf[16], int day)
{
    GDate date = gen->start;

    g_date_add_days(&date, (guint)day);
    g_snprintf(buf, 16, "%04d-%02d-%02d", g_date_get_year(&date), g_date_get_month(&date),
               g_date_get_day(&date));
    return buf;
}

static void
add_calendar_and_shifts(RotaBuilder *builder)
{
    rota_builder_set_timezone(builder, "Asia/Shanghai");
    for (size_t i = 0; i < county_n_holidays; i++)
        rota_builder_add_holiday(builder, county_holidays[i]);
    for (size_t i = 0; i < county_n_workdays; i++)
        rota_builder_add_workday(builder, county_workdays[i]);

    rota_builder_add_shift(builder, "onsite", "马路办公", "08:00", "09:00");
    rota_builder_add_shift(builder, "am", "早高峰疏导", "07:00", "08:30");
    rota_builder_add_shift(builder, "pm", "晚高峰疏导", "17:00", "18:30");
    rota_builder_add_shift(builder, "clean", "周末保洁", "08:30", "11:30");
    rota_builder_add_shift(builder, "inspect", "督查巡检", "14:00", "16:00");
    rota_builder_add_shift(builder, "snow", "扫雪除冰", "06:00", "08:00");
    /* 18:30 to 06:00 is 11.5 hours, within min_rest; a snow shift after an
     * evening rush is still too much for a volunteer. */
    rota_builder_forbid_succession(builder, "pm", "snow");
}

/* Traffic guidance at the rush hours of every workday, on road segments
 * only (compounds have no traffic), with a party member in each team. */
static void
add_rush_duty(CountyGen *gen, const char *id, const char *shift, const char *name)
{
    int duty = rota_builder_add_duty(gen->builder, id, shift);
    char segment_id[16];

    rota_builder_set_duty_name(gen->builder, duty, name);
    rota_builder_set_duty_days(gen->builder, duty, ROTA_DAYS_WORKDAYS);
    for (int s = 0; s < gen->n_segments; s++) {
        if (gen->segment_is_road[s])
            rota_builder_add_duty_segment(gen->builder, duty,
                                          county_segment_id(segment_id, s));
    }
    rota_builder_set_duty_min(gen->builder, duty, 2);
    rota_builder_set_duty_max(gen->builder, duty, 3);
    rota_builder_add_duty_quota(gen->builder, duty, "party", 1);
}

static void
add_duties(CountyGen *gen)
{
    RotaBuilder *builder = gen->builder;
    int duty;

    add_rush_duty(gen, "rush-am", "am", "早高峰交通疏导");
    add_rush_duty(gen, "rush-pm", "pm", "晚高峰交通疏导");

    duty = rota_builder_add_duty(builder, "clean", "clean");
    rota_builder_set_duty_name(builder, duty, "周末保洁");
    rota_builder_set_duty_days(builder, duty, ROTA_DAYS_RESTDAYS);
    rota_builder_set_duty_min(builder, duty, 3);
    rota_builder_set_duty_max(builder, duty, 5);

    /* 周检查: each segment once a week, by an inspector of another unit. */
    duty = rota_builder_add_duty(builder, "inspect", "inspect");
    rota_builder_set_duty_name(builder, duty, "周检查");
    rota_builder_set_duty_days(builder, duty, ROTA_DAYS_WORKDAYS);
    rota_builder_set_duty_per_week(builder, duty, TRUE);
    rota_builder_set_duty_min(builder, duty, 1);
    rota_builder_add_duty_who_tag(builder, duty, "inspector");
    rota_builder_set_duty_not_owner(builder, duty, TRUE);

    /* The forecast snowfall of mid-December. */
    duty = rota_builder_add_duty(builder, "snow", "snow");
    rota_builder_set_duty_name(builder, duty, "扫雪除冰");
    rota_builder_set_duty_days(builder, duty, ROTA_DAYS_DATES);
    rota_builder_add_duty_date(builder, duty, "2026-12-16");
    rota_builder_add_duty_date(builder, duty, "2026-12-17");
    rota_builder_set_duty_min(builder, duty, 2);
}

/* The on-site hour every day, the campaign's limits for volunteers, and
 * the weights written out (at their defaults) so that readers see them. */
static void
add_rules(RotaBuilder *builder, int n_days)
{
    rota_builder_set_contact(builder, "12345", "县城市精细化管理办公室（县政务服务中心三楼）");
    rota_builder_set_onsite(builder, "onsite", ROTA_DAYS_ALL);
    rota_builder_set_default_limit(builder, ROTA_LIMIT_MAX_SHIFTS_WEEK, 3);
    rota_builder_set_default_limit(builder, ROTA_LIMIT_MAX_CONSECUTIVE, 3);
    rota_builder_set_default_limit(builder, ROTA_LIMIT_MIN_REST_MINUTES, 600);
    /* three weekends a month, over the horizon */
    rota_builder_set_default_limit(builder, ROTA_LIMIT_MAX_WEEKENDS, 3 * n_days / 31);
    rota_builder_set_weight(builder, ROTA_WEIGHT_UNCOVERED, 1000);
    rota_builder_set_weight(builder, ROTA_WEIGHT_OVER, 0);
    rota_builder_set_weight(builder, ROTA_WEIGHT_QUOTA, 500);
    rota_builder_set_weight(builder, ROTA_WEIGHT_DEPUTY_ONSITE, 50);
    rota_builder_set_weight(builder, ROTA_WEIGHT_REQUEST, 1);
    rota_builder_set_weight(builder, ROTA_WEIGHT_FAIRNESS, 5);
    rota_builder_set_weight(builder, ROTA_WEIGHT_CHANGE, 20);
}

static RotaModel *
generate(int scale, CountyHorizon horizon, guint64 seed, GError **error)
{
    const char *base_name = horizons[horizon].name;
    g_autofree char *name = scale == 1 ? g_strdup(base_name)
                                       : g_strdup_printf("%s(规模×%d)", base_name, scale);
    g_autoptr(RotaBuilder) builder =
        rota_builder_new(name, horizons[horizon].start, horizons[horizon].n_days);
    CountyGen gen = {.builder = builder, .rng = seed, .scale = scale};
    RotaModel *model;

    gen.n_days = horizons[horizon].n_days;
    g_date_clear(&gen.start, 1);
    g_date_set_parse(&gen.start, horizons[horizon].start);
    add_calendar_and_shifts(builder);
    county_add_segments(&gen);
    county_add_units_and_people(&gen);
    add_duties(&gen);
    add_rules(builder, gen.n_days);
    model = rota_builder_steal_model(builder, error);
    g_free(gen.segment_is_road);
    g_free(gen.segment_unit);
    g_free(gen.units);
    return model;
}

static int
count_tagged(const RotaModel *model, const char *tag)
{
    int n = 0;

    for (int p = 0; p < rota_model_get_n_people(model); p++)
        n += rota_model_person_has_tag(model, p, tag) ? 1 : 0;
    return n;
}

static void
print_summary(const RotaModel *model, const char *path)
{
    printf("%s: %d units, %d segments, %d people (party %d, volunteer %d, "
           "inspector %d), %d duties, %d cells, %d places, %d on-site cells\n",
           path, rota_model_get_n_units(model), rota_model_get_n_segments(model),
           rota_model_get_n_people(model), count_tagged(model, "party"),
           count_tagged(model, "volunteer"), count_tagged(model, "inspector"),
           rota_model_get_n_duties(model), rota_model_get_n_cells(model),
           rota_model_get_n_places(model), rota_model_get_n_onsite_cells(model));
}

int
main(int argc, char **argv)
{
    int scale = 1;
    gint64 seed = 1;
    g_autofree char *horizon_option = NULL;
    int horizon = COUNTY_MONTH;
    g_autofree char *output = NULL;
    gboolean quiet = FALSE;
    GOptionEntry entries[] = {
        {"scale", 0, 0, G_OPTION_ARG_INT, &scale,
         "Multiply units, segments and people by N (1 to 400; default 1)", "N"},
        {"horizon", 0, 0, G_OPTION_ARG_STRING, &horizon_option,
         "month (December 2026, 31 days; default), quarter (October to December, 92 "
         "days) or year (2026, 365 days)",
         "H"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &seed,
         "Seed of the random draws (default 1, the committed county.json)", "N"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
         "Write the model to FILE (required)", "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print no summary", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    g_autoptr(GOptionContext) context =
        g_option_context_new("- generate the example county");
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;

    /* For --help and option errors only: the file itself is written
     * locale-independently. */
    setlocale(LC_ALL, "");
    g_option_context_set_summary(
        context,
        "Writes a rota-model file for a fictional county's December 2026 campaign\n"
        "(or its fourth quarter, or the whole year, with --horizon):\n"
        "at scale 1, 103 units adopting 136 road segments and compounds, about\n"
        "3,000 people (heads, deputies, party members, volunteers, 50 inspectors),\n"
        "the official holiday calendar, rush-hour, cleaning, inspection and snow\n"
        "duties, and the heads' daily on-site hour.  The same scale and seed\n"
        "always give the same bytes.");
    g_option_context_add_main_entries(context, entries, NULL);
    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        fprintf(stderr, "county-gen: %s\n", error->message);
        return 2;
    }
    while (horizon_option != NULL && horizon <= COUNTY_YEAR &&
           strcmp(horizon_option, horizons[horizon].option) != 0)
        horizon++;
    if (argc != 1 || output == NULL || scale < 1 || scale > COUNTY_MAX_SCALE ||
        horizon > COUNTY_YEAR) {
        fprintf(stderr,
                "county-gen: usage: county-gen [--scale 1..%d] [--horizon "
                "month|quarter|year] [--seed N] -o FILE\n",
                COUNTY_MAX_SCALE);
        return 2;
    }
    model = generate(scale, (CountyHorizon)horizon, (guint64)seed, &error);
    if (model == NULL || !rota_model_save(model, output, &error)) {
        fprintf(stderr, "county-gen: %s\n", error->message);
        return 1;
    }
    if (!quiet)
        print_summary(model, output);
    return 0;
}
