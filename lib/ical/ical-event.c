/* SPDX-License-Identifier: MIT */
/* ical-event.c: one duty event (an assignment, or a team): UID, times, Chinese
 * summary and description, alarm. */
#include "config.h"

#include <string.h>

#include "ical-private.h"
#include "model-private.h"
#include "util-private.h"

/* The reminder before every duty. */
#define ALARM_TRIGGER "-PT30M"
#define CANCELLED_PREFIX "【已取消】"

/*
 * The UID hashes the five ids (separated by a byte no id contains in
 * practice, and the kind of feed appended), so it is stable across
 * publications and rosters; the same assignment has one UID per kind of
 * feed, so that a client subscribed to a personal and a unit feed never
 * sees one UID with two contents.  A team's UID hashes its four ids (the
 * person left out, the kind marked as a team's: 'U', 'S'), so it stays
 * while the team changes.
 */
char *
rotap_ical_uid(const char *const ids[ROTAP_N_IDS], RotapFeedKind kind)
{
    static const char kinds[] = {'p', 'u', 's'};
    static const char teams[] = {'p', 'U', 'S'};
    g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_SHA256);
    gboolean team = kind != ROTAP_FEED_PERSON && ids[ROTAP_ID_PERSON][0] == '\0';
    char tail = team ? teams[kind] : kinds[kind];

    for (int i = 0; i < ROTAP_N_IDS; i++) {
        if (team && i == ROTAP_ID_PERSON)
            continue;
        g_checksum_update(checksum, (const guchar *)ids[i], (gssize)strlen(ids[i]));
        g_checksum_update(checksum, (const guchar *)"\x1f", 1);
    }
    g_checksum_update(checksum, (const guchar *)&tail, 1);
    return g_strdup_printf("%.24s-%c@rota", g_checksum_get_string(checksum), tail);
}

gboolean
rotap_ical_resolve(const RotaModel *model, const char *const ids[ROTAP_N_IDS],
                   RotapEventRef *ref)
{
    if (!rotap_parse_date(ids[0], &ref->date))
        return FALSE;
    ref->shift = rota_model_find_shift(model, ids[1]);
    ref->segment = rota_model_find_segment(model, ids[2]);
    ref->person = ids[ROTAP_ID_PERSON][0] == '\0'
                      ? -1
                      : rota_model_find_person(model, ids[ROTAP_ID_PERSON]);
    ref->duty = strcmp(ids[4], "onsite") == 0 ? ROTA_DUTY_ONSITE
                                              : rota_model_find_duty(model, ids[4]);
    ref->team = NULL;
    ref->n_team = 0;
    return ref->shift >= 0 && ref->segment >= 0 &&
           (ref->person >= 0 || ids[ROTAP_ID_PERSON][0] == '\0') &&
           (ref->duty >= 0 || ref->duty == ROTA_DUTY_ONSITE);
}

/* What the duty is called, as in every output (score messages too). */
static const char *
duty_label(const RotaModel *model, const RotapEventRef *ref)
{
    return rotap_model_duty_label(model, ref->duty, ref->shift);
}

static void
append_property(GString *out, const char *name, const char *text)
{
    g_string_append(out, name);
    g_string_append_c(out, ':');
    rotap_ical_append_text(out, text);
    g_string_append_c(out, '\n');
}

static char *
summary(const RotaModel *model, const RotapEventRef *ref, RotapFeedKind kind,
        gboolean cancelled)
{
    GString *text = g_string_new(cancelled ? CANCELLED_PREFIX : "");

    if (kind != ROTAP_FEED_PERSON && ref->person >= 0)
        g_string_append_printf(text, "%s · ", model->people[ref->person].name);
    g_string_append_printf(text, "%s · %s", duty_label(model, ref),
                           model->segments[ref->segment].name);
    for (int i = 0; i < ref->n_team; i++)
        g_string_append_printf(text, "%s%s", i == 0 ? " · " : "、",
                               model->people[ref->team[i]].name);
    return g_string_free(text, FALSE);
}

static void
append_person(GString *text, const RotaModel *model, int person)
{
    if (person < 0) {
        g_string_append(text, "未指定");
        return;
    }
    g_string_append_printf(text, "%s（%s）", model->people[person].name,
                           model->people[person].id);
}

char *
rotap_ical_event_description(const RotaModel *model, const RotapEventRef *ref,
                             gboolean cancelled)
{
    const RotapShift *shift = &model->shifts[ref->shift];
    const RotapSegment *segment = &model->segments[ref->segment];
    int end = (shift->start + shift->minutes) % 1440;
    GString *text = g_string_new(cancelled ? "本次值勤已取消。\n" : "");

    g_string_append_printf(text, "值勤：%s（%s）\n", duty_label(model, ref),
                           ref->duty >= 0 ? model->duties[ref->duty].id : "onsite");
    g_string_append_printf(text, "班次：%s %02d:%02d–%02d:%02d\n", shift->name,
                           shift->start / 60, shift->start % 60, end / 60, end % 60);
    if (ref->duty == ROTA_DUTY_ONSITE)
        g_string_append(text, "说明：一线工作法，单位负责人到责任路段现场办公\n");
    g_string_append_printf(text, "路段：%s（%s）\n", segment->name, segment->id);
    if (segment->location != NULL)
        g_string_append_printf(text, "地点：%s\n", segment->location);
    g_string_append(text, "路长：");
    append_person(text, model, segment->chief);
    g_string_append_printf(text, "\n责任单位：%s\n",
                           segment->unit >= 0 ? model->units[segment->unit].name : "无");
    if (ref->person >= 0) {
        g_string_append(text, "值勤人员：");
        append_person(text, model, ref->person);
        if (model->people[ref->person].unit >= 0)
            g_string_append_printf(text, "，%s",
                                   model->units[model->people[ref->person].unit].name);
    } else if (ref->n_team > 0) {
        /* 值勤人员（2人）：李娜（P0003，县住建局）、赵敏（P0002，县住建局） */
        g_string_append_printf(text, "值勤人员（%d人）：", ref->n_team);
        for (int i = 0; i < ref->n_team; i++) {
            const RotapPerson *p = &model->people[ref->team[i]];

            g_string_append_printf(text, "%s%s（%s", i > 0 ? "、" : "", p->name, p->id);
            if (p->unit >= 0)
                g_string_append_printf(text, "，%s", model->units[p->unit].name);
            g_string_append(text, "）");
        }
    } else {
        g_string_truncate(text, text->len - 1); /* the last '\n' */
    }
    return g_string_free(text, FALSE);
}

static void
append_times(GString *out, const RotaModel *model, const RotapEventRef *ref, char **start,
             char **end)
{
    const RotapShift *shift = &model->shifts[ref->shift];
    g_autofree char *from = rotap_ical_local_time(&ref->date, shift->start);
    g_autofree char *to =
        rotap_ical_local_time(&ref->date, shift->start + shift->minutes);

    g_string_append_printf(out, "DTSTART;TZID=%s:%s\nDTEND;TZID=%s:%s\n", model->timezone,
                           from, model->timezone, to);
    if (start != NULL)
        *start = g_steal_pointer(&from);
    if (end != NULL)
        *end = g_steal_pointer(&to);
}

/*
 * The fixed order of the content lines is part of the byte-stability
 * contract: an unchanged assignment gives the same text, whose hash the
 * ledger compares.  A cancelled event keeps its times and says so in its
 * summary (for clients that ignore STATUS) and carries no alarm; nor do
 * the events of unit and segment feeds (a board's subscribers need no
 * reminder of every duty).
 */
char *
rotap_ical_event_content(const RotaModel *model, const RotapEventRef *ref,
                         RotapFeedKind kind, gboolean cancelled, const char *details,
                         char **start, char **end)
{
    const RotapSegment *segment = &model->segments[ref->segment];
    g_autofree char *title = summary(model, ref, kind, cancelled);
    g_autofree char *own = NULL;

    if (details == NULL) {
        own = rotap_ical_event_description(model, ref, cancelled);
        details = own;
    }
    GString *out = g_string_sized_new(1024);

    append_times(out, model, ref, start, end);
    g_string_append(out, cancelled ? "STATUS:CANCELLED\n" : "STATUS:CONFIRMED\n");
    append_property(out, "SUMMARY", title);
    if (segment->location != NULL) {
        g_autofree char *where =
            g_strdup_printf("%s，%s", segment->name, segment->location);

        append_property(out, "LOCATION", where);
    } else {
        append_property(out, "LOCATION", segment->name);
    }
    if (segment->has_geo) {
        char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append_printf(out, "GEO:%s;%s\n",
                               g_ascii_formatd(lat, sizeof lat, "%.6f", segment->lat),
                               g_ascii_formatd(lon, sizeof lon, "%.6f", segment->lon));
    }
    append_property(out, "DESCRIPTION", details);
    if (!cancelled && kind == ROTAP_FEED_PERSON) {
        g_string_append(out, "BEGIN:VALARM\nACTION:DISPLAY\n");
        append_property(out, "DESCRIPTION", title);
        g_string_append(out, "TRIGGER:" ALARM_TRIGGER "\nEND:VALARM\n");
    }
    g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}

char *
rotap_ical_bare_tombstone(const char *tzid, const char *start, const char *end)
{
    return g_strdup_printf("DTSTART;TZID=%s:%s\nDTEND;TZID=%s:%s\nSTATUS:CANCELLED\n"
                           "SUMMARY:" CANCELLED_PREFIX "值勤\n"
                           "DESCRIPTION:本次值勤已取消。",
                           tzid, start, tzid, end);
}

char *
rotap_ical_feed_name(const RotaModel *model, RotapFeedKind kind, int index)
{
    switch (kind) {
    case ROTAP_FEED_PERSON:
        return g_strdup_printf("%s的值勤安排", model->people[index].name);
    case ROTAP_FEED_UNIT:
        return g_strdup_printf("%s 值勤安排", model->units[index].name);
    case ROTAP_FEED_SEGMENT:
    default:
        return g_strdup_printf("%s 路段值勤公示", model->segments[index].name);
    }
}
