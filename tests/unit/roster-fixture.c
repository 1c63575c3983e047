/* SPDX-License-Identifier: MIT */
/* roster-fixture.c: the small model of the roster tests (check_roster.c,
 * check_roster_pull.c). */
#include "config.h"

#include "roster-fixture.h"
#include "testhelp.h"

/*
 * The test model: 2026-12-01 (a Tuesday) for 7 days; 12-05 and 12-06 are
 * the weekend.  Shift ids are chosen so that id order and start order
 * differ ("x-early" starts first; "am" and "dawn" share a start).  S003 is
 * adopted by no unit.  "desk" runs on the on-site shift, so an on-site
 * assignment and a duty assignment can share every other key.
 */
RotaModel *
test_roster_model(gboolean with_onsite)
{
    g_autoptr(RotaBuilder) b = rota_builder_new("测试县 2026年12月", "2026-12-01", 7);
    g_autoptr(GError) error = NULL;
    RotaModel *model;
    int u, d;

    rota_builder_add_shift(b, "am", "早高峰疏导", "07:00", "09:00");
    rota_builder_add_shift(b, "pm", "晚高峰疏导", "17:00", "19:00");
    rota_builder_add_shift(b, "onsite", "马路办公", "09:00", "10:00");
    rota_builder_add_shift(b, "dawn", "清扫", "07:00", "08:00");
    rota_builder_add_shift(b, "x-early", "早巡", "06:00", "07:00");
    rota_builder_add_segment(b, "S001", "人民路");
    rota_builder_add_segment(b, "S002", "解放街");
    rota_builder_add_segment(b, "S010", "东风街");
    rota_builder_add_segment(b, "S003", "北环路");
    u = rota_builder_add_unit(b, "U001", "住建局", "P0001");
    rota_builder_add_unit_deputy(b, u, "P0002");
    rota_builder_add_unit_segment(b, u, "S001");
    rota_builder_add_unit_segment(b, u, "S002");
    u = rota_builder_add_unit(b, "U002", "教育局", "P0010");
    rota_builder_add_unit_segment(b, u, "S010");
    rota_builder_add_person(b, "P0001", "王强", "U001");
    rota_builder_add_person(b, "P0002", "刘洋", "U001");
    rota_builder_add_person(b, "P0003", "李娜", "U001");
    rota_builder_add_person(b, "P0010", "张伟", "U002");
    rota_builder_add_person(b, "P0100", "陈静", NULL);
    d = rota_builder_add_duty(b, "rush-am", "am");
    rota_builder_set_duty_days(b, d, ROTA_DAYS_WORKDAYS);
    rota_builder_set_duty_min(b, d, 1);
    d = rota_builder_add_duty(b, "inspect", "am");
    rota_builder_set_duty_days(b, d, ROTA_DAYS_WORKDAYS);
    d = rota_builder_add_duty(b, "clean-pm", "pm");
    rota_builder_add_duty_segment(b, d, "S001");
    d = rota_builder_add_duty(b, "patrol", "dawn");
    rota_builder_set_duty_days(b, d, ROTA_DAYS_WEEKENDS);
    rota_builder_add_duty_segment(b, d, "S002");
    d = rota_builder_add_duty(b, "sweep", "x-early");
    rota_builder_add_duty_segment(b, d, "S003");
    d = rota_builder_add_duty(b, "desk", "onsite");
    rota_builder_add_duty_segment(b, d, "S001");
    if (with_onsite)
        rota_builder_set_onsite(b, "onsite", ROTA_DAYS_WORKDAYS);
    model = rota_builder_steal_model(b, &error);
    ck_assert_msg(model != NULL, "test model: %s", error ? error->message : "?");
    return model;
}
