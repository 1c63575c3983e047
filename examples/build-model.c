/* SPDX-License-Identifier: MIT */
/* build-model.c: build a small model in code with RotaBuilder and save it as model.json.
 */
#include <rota/rota.h>

#include <stdio.h>

/*
 * Two units adopt three road segments of one street; each unit's head is
 * on site every workday; a morning rush-hour guard (a party member,
 * two at most) stands at every segment on workdays; an inspector from
 * another unit checks each segment once a week.  The builder records
 * everything as strings, exactly as model.json would hold them, and
 * checks nothing until rota_builder_steal_model().
 */
static void
add_people(RotaBuilder *b)
{
    static const struct {
        const char *id, *name, *unit, *tag;
    } people[] = {
        {"P01", "王建国", "U1", NULL},      {"P02", "李娜", "U1", "party"},
        {"P03", "张伟", "U1", "party"},     {"P04", "赵敏", "U1", "party"},
        {"P05", "刘洋", "U2", NULL},        {"P06", "陈静", "U2", "party"},
        {"P07", "杨帆", "U2", "volunteer"}, {"P08", "周婷", "U2", "party"},
        {"P09", "吴磊", "U1", "inspector"}, {"P10", "孙悦", "U2", "inspector"},
    };

    for (gsize i = 0; i < G_N_ELEMENTS(people); i++) {
        int p = rota_builder_add_person(b, people[i].id, people[i].name, people[i].unit);

        if (people[i].tag != NULL)
            rota_builder_add_person_tag(b, p, people[i].tag);
    }
    /* P03 is away on 2026-12-02, and would rather not do the morning shift
     * on 2026-12-03 (a wish, weight 3). */
    rota_builder_add_person_off(b, 2, "2026-12-02", "2026-12-02", NULL);
    rota_builder_add_person_request(b, 2, "2026-12-03", "am", FALSE, 3);
    /* P04 volunteers at most four times in the horizon. */
    rota_builder_set_person_max_shifts(b, 3, "am", 4);
}

static void
add_sites(RotaBuilder *b)
{
    static const char *const names[] = {"人民路(东风街—解放街)", "人民路(解放街—和平街)",
                                        "人民路(和平街—建设街)"};
    int u1, u2;

    for (int s = 0; s < 3; s++) {
        g_autofree char *id = g_strdup_printf("S%d", s + 1);
        int segment = rota_builder_add_segment(b, id, names[s]);

        rota_builder_set_segment_grid(b, segment, "G01");
        rota_builder_set_segment_chief(b, segment, s < 2 ? "P01" : "P05");
        rota_builder_set_segment_geo(b, segment, 36.12 + 0.01 * s, 118.91);
    }
    u1 = rota_builder_add_unit(b, "U1", "县住房和城乡建设局", "P01");
    rota_builder_add_unit_deputy(b, u1, "P02");
    rota_builder_add_unit_segment(b, u1, "S1");
    rota_builder_add_unit_segment(b, u1, "S2");
    u2 = rota_builder_add_unit(b, "U2", "县教育局", "P05");
    rota_builder_add_unit_deputy(b, u2, "P06");
    rota_builder_add_unit_segment(b, u2, "S3");
}

static void
add_duties(RotaBuilder *b)
{
    int rush = rota_builder_add_duty(b, "rush-am", "am");
    int inspect = rota_builder_add_duty(b, "inspect", "pm");

    rota_builder_set_duty_name(b, rush, "早高峰疏导");
    rota_builder_set_duty_days(b, rush, ROTA_DAYS_WORKDAYS);
    rota_builder_set_duty_min(b, rush, 1);
    rota_builder_set_duty_max(b, rush, 2);
    rota_builder_add_duty_quota(b, rush, "party", 1);

    rota_builder_set_duty_name(b, inspect, "路段督查");
    rota_builder_set_duty_days(b, inspect, ROTA_DAYS_WORKDAYS);
    rota_builder_add_duty_who_tag(b, inspect, "inspector");
    rota_builder_set_duty_not_owner(b, inspect, TRUE);
    rota_builder_set_duty_per_week(b, inspect, TRUE);
    rota_builder_set_duty_min(b, inspect, 1);
}

static RotaModel *
build(GError **error)
{
    g_autoptr(RotaBuilder) b =
        rota_builder_new("人民路 2026年12月第一周", "2026-11-30", 7);

    rota_builder_add_shift(b, "am", "早高峰", "07:00", "09:00");
    rota_builder_add_shift(b, "onsite", "马路办公", "09:00", "10:00");
    rota_builder_add_shift(b, "pm", "下午", "15:00", "17:00");
    add_sites(b);
    add_people(b);
    add_duties(b);
    rota_builder_set_onsite(b, "onsite", ROTA_DAYS_WORKDAYS);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MAX_SHIFTS_WEEK, 4);
    rota_builder_set_default_limit(b, ROTA_LIMIT_MIN_REST_MINUTES, 600);
    rota_builder_set_weight(b, ROTA_WEIGHT_FAIRNESS, 2);
    /* Every mistake (an unknown id, a bad date, a bad index) surfaces here,
     * as a GError naming the JSON path the value would have in model.json. */
    return rota_builder_steal_model(b, error);
}

int
main(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;

    if (argc != 2) {
        fprintf(stderr, "usage: build-model OUTPUT.json\n"
                        "Build a small model in code and save it as model.json.\n");
        return 2;
    }
    model = build(&error);
    if (model == NULL) {
        fprintf(stderr, "build-model: %s\n", error->message);
        return 1;
    }
    printf("%s: %d days, %d shifts, %d segments, %d units, %d people, %d duties\n",
           rota_model_get_name(model), rota_model_get_n_days(model),
           rota_model_get_n_shifts(model), rota_model_get_n_segments(model),
           rota_model_get_n_units(model), rota_model_get_n_people(model),
           rota_model_get_n_duties(model));
    printf("%d duty cells, %d places wanted, %d on-site unit-days\n",
           rota_model_get_n_cells(model), rota_model_get_n_places(model),
           rota_model_get_n_onsite_cells(model));
    if (!rota_model_save(model, argv[1], &error)) {
        fprintf(stderr, "build-model: %s\n", error->message);
        return 1;
    }
    printf("wrote %s\n", argv[1]);
    return 0;
}
