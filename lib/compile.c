/* SPDX-License-Identifier: MIT */
/* compile.c: validate a spec and compile it into a model: ids, horizon, shifts, sites. */
#include "config.h"

#include <string.h>

#include "compile-private.h"
#include "i18n-private.h"
#include "records/records-private.h"
#include "util-private.h"

#define MAX_DAYS 3660
#define DEFAULT_TIMEZONE "Asia/Shanghai"

/* ------------------------------------------------------------------ horizon */

/*
 * Where the system keeps the tz database, a zone must be one of its files:
 * GLib would also read a POSIX rule such as "CST-8" as a zone, which no
 * calendar client understands as a TZID.  Without the database there, the
 * name is left to GLib alone.
 */
static gboolean
zone_file_exists(const char *name)
{
    const char *dir = g_getenv("TZDIR");
    g_autofree char *path = NULL;

    if (dir == NULL || *dir == '\0')
        dir = "/usr/share/zoneinfo";
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR))
        return TRUE;
    path = g_build_filename(dir, name, NULL);
    return g_file_test(path, G_FILE_TEST_IS_REGULAR);
}

/*
 * GLib also reads POSIX TZ rules ("CST-8") and file paths as zones; only
 * names of the tz database are wanted, so paths are refused before GLib is
 * asked whether it knows the zone.
 */
static gboolean
timezone_known(const char *name)
{
    GTimeZone *zone;

    if (name[0] == '\0' || !g_ascii_isalpha(name[0]) || strstr(name, "..") != NULL)
        return FALSE;
    for (const char *p = name; *p != '\0'; p++) {
        if (!g_ascii_isalnum(*p) && strchr("/_+-", *p) == NULL)
            return FALSE;
    }
    zone = g_time_zone_new_identifier(name);
    if (zone == NULL)
        return FALSE;
    g_time_zone_unref(zone);
    return zone_file_exists(name);
}

static gboolean
compile_horizon(RotaModel *model, GError **error)
{
    const RotapSpec *spec = model->spec;

    if (spec->name == NULL || spec->name[0] == '\0')
        return rotap_compile_fail(error, "name: %s (expected a non-empty string)",
                                  spec->name == NULL ? _("missing name") : _("empty name"));
    if (!rotap_compile_check_text(spec->name, error, "name"))
        return FALSE;
    model->name = spec->name;
    model->timezone = spec->timezone != NULL ? spec->timezone : DEFAULT_TIMEZONE;
    if (!timezone_known(model->timezone))
        return rotap_compile_fail(error,
                                  "timezone: unknown time zone \"%s\" "
                                  "(expected an IANA name such as \"Asia/Shanghai\")",
                                  model->timezone);
    if (spec->start == NULL)
        return rotap_compile_fail(error, "start: missing date (expected YYYY-MM-DD)");
    if (!rotap_parse_date(spec->start, &model->start))
        return rotap_compile_fail(error, "start: bad date \"%s\" (expected YYYY-MM-DD)",
                                  spec->start);
    /* GDate caches its Julian day on first use, writing through a const
     * pointer: do it now, so that threads sharing the model only read. */
    (void)g_date_get_julian(&model->start);
    if (spec->days < 1 || spec->days > MAX_DAYS)
        return rotap_compile_fail(error,
                                  "days: %d days is out of range (expected 1 to %d)",
                                  spec->days, MAX_DAYS);
    model->n_days = spec->days;
    return TRUE;
}

/* Mark the horizon days listed in dates (which may reach outside it). */
static gboolean
mark_dates(RotaModel *model, GPtrArray *dates, const char *path, guint8 *marks,
           GError **error)
{
    for (guint i = 0; i < dates->len; i++) {
        int day;

        if (!rotap_compile_date(model, dates->pdata[i], FALSE, &day, error, "%s[%u]",
                                path, i))
            return FALSE;
        if (day >= 0 && day < model->n_days)
            marks[day] = 1;
    }
    return TRUE;
}

/* Workday contradictions are checked on every date, inside or not. */
static gboolean
check_calendar_overlap(const RotapSpec *spec, GError **error)
{
    g_autoptr(GHashTable) holidays = g_hash_table_new(g_str_hash, g_str_equal);

    for (guint i = 0; i < spec->holidays->len; i++)
        g_hash_table_add(holidays, spec->holidays->pdata[i]);
    for (guint j = 0; j < spec->workdays->len; j++) {
        const char *date = spec->workdays->pdata[j];

        if (g_hash_table_contains(holidays, date))
            return rotap_compile_fail(error,
                                      "calendar.workdays[%u]: date %s is also listed in "
                                      "calendar.holidays (expected one or the other)",
                                      j, date);
    }
    return TRUE;
}

/*
 * Days: a workday is Mon-Fri and not a holiday, or a listed make-up day.
 * Weeks are ISO weeks (Monday first) counted from day 0's week, so that a
 * week cut by the horizon still has its index; weekends are numbered only
 * for weeks whose Saturday or Sunday lies inside the horizon.
 */
static gboolean
compile_calendar(RotaModel *model, GError **error)
{
    int n = model->n_days, weekday0, last_weekend_week = -1;
    g_autofree guint8 *holiday = g_new0(guint8, n);
    g_autofree guint8 *makeup = g_new0(guint8, n);

    if (!mark_dates(model, model->spec->holidays, "calendar.holidays", holiday, error) ||
        !mark_dates(model, model->spec->workdays, "calendar.workdays", makeup, error) ||
        !check_calendar_overlap(model->spec, error))
        return FALSE;
    model->workday = g_new0(guint8, n);
    model->weekday = g_new0(int, n);
    model->week = g_new0(int, n);
    model->weekend = g_new0(int, n);
    weekday0 = g_date_get_weekday(&model->start);
    for (int d = 0; d < n; d++) {
        int weekday = (weekday0 - 1 + d) % 7 + 1;

        model->weekday[d] = weekday;
        model->week[d] = (weekday0 - 1 + d) / 7;
        model->workday[d] = makeup[d] || (weekday <= 5 && !holiday[d]);
        model->weekend[d] = -1;
        if (weekday >= 6) {
            if (model->week[d] != last_weekend_week) {
                last_weekend_week = model->week[d];
                model->n_weekends++;
            }
            model->weekend[d] = model->n_weekends - 1;
        }
    }
    model->n_weeks = model->week[n - 1] + 1;
    return TRUE;
}

/* ------------------------------------------------------------------ ids */

static gboolean
register_kind(RotaModel *model, GArray *records, gsize id_offset, const char *section,
              RotapKind kind, const char *what, GError **error)
{
    for (guint i = 0; i < records->len; i++) {
        const char *record = records->data + (gsize)i * g_array_get_element_size(records);
        const char *id = *(char *const *)(record + id_offset);
        int first;

        if (!rotap_compile_check_id(id, what, error, "%s[%u].id", section, i))
            return FALSE;
        first = rotap_compile_register(model, kind, id, (int)i);
        if (first >= 0)
            return rotap_compile_fail(error,
                                      "%s[%u].id: duplicate %s \"%s\" (first at "
                                      "%s[%d])",
                                      section, i, _(what), id, section, first);
    }
    return TRUE;
}

/* Ids come first, so that any later reference, forward or back, resolves. */
static gboolean
register_ids(RotaModel *model, GError **error)
{
    RotapSpec *spec = model->spec;

    if (spec->shifts->len > ROTAP_MAX_SHIFTS)
        return rotap_compile_fail(error,
                                  "shifts[%d]: too many shifts (expected at most %d)",
                                  ROTAP_MAX_SHIFTS, ROTAP_MAX_SHIFTS);
    if (!register_kind(model, spec->shifts, G_STRUCT_OFFSET(RotapShiftSpec, id), "shifts",
                       ROTAP_KIND_SHIFT, N_("shift id"), error) ||
        !register_kind(model, spec->segments, G_STRUCT_OFFSET(RotapSegmentSpec, id),
                       "segments", ROTAP_KIND_SEGMENT, N_("segment id"), error) ||
        !register_kind(model, spec->units, G_STRUCT_OFFSET(RotapUnitSpec, id), "units",
                       ROTAP_KIND_UNIT, N_("unit id"), error) ||
        !register_kind(model, spec->people, G_STRUCT_OFFSET(RotapPersonSpec, id),
                       "people", ROTAP_KIND_PERSON, N_("person id"), error) ||
        !register_kind(model, spec->duties, G_STRUCT_OFFSET(RotapDutySpec, id), "duties",
                       ROTAP_KIND_DUTY, N_("duty id"), error))
        return FALSE;
    for (guint i = 0; i < spec->duties->len; i++) {
        if (strcmp(g_array_index(spec->duties, RotapDutySpec, i).id, "onsite") == 0)
            return rotap_compile_fail(error,
                                      "duties[%u].id: the id \"onsite\" is reserved "
                                      "for the on-site hour (expected another id)",
                                      i);
    }
    return TRUE;
}

/* ------------------------------------------------------------------ shifts */

static gboolean
compile_shift(RotaModel *model, guint i, GError **error)
{
    const RotapShiftSpec *spec = &g_array_index(model->spec->shifts, RotapShiftSpec, i);
    RotapShift *shift = &model->shifts[i];
    g_autofree char *path = g_strdup_printf("shifts[%u]", i);

    if (!rotap_compile_check_text(spec->name, error, "%s.name", path))
        return FALSE;
    shift->id = spec->id;
    shift->name = spec->name != NULL ? spec->name : spec->id;
    if (spec->start == NULL)
        return rotap_compile_fail(error, "%s.start: missing time (expected HH:MM)", path);
    shift->start = rotap_parse_time(spec->start, FALSE);
    if (shift->start < 0)
        return rotap_compile_fail(error,
                                  "%s.start: bad time \"%s\" "
                                  "(expected HH:MM, 00:00 to 23:59)",
                                  path, spec->start);
    if (spec->end == NULL)
        return rotap_compile_fail(error, "%s.end: missing time (expected HH:MM)", path);
    shift->end = rotap_parse_time(spec->end, TRUE);
    if (shift->end < 0)
        return rotap_compile_fail(error,
                                  "%s.end: bad time \"%s\" "
                                  "(expected HH:MM, 00:00 to 24:00)",
                                  path, spec->end);
    if (shift->end == shift->start)
        return rotap_compile_fail(error,
                                  "%s.end: the shift ends when it starts, at %s "
                                  "(expected a different end time)",
                                  path, spec->end);
    /* An end at 00:00 is the midnight that closes the day. */
    if (shift->end == 0)
        shift->end = 24 * 60;
    shift->minutes = shift->end > shift->start ? shift->end - shift->start
                                               : shift->end + 24 * 60 - shift->start;
    return TRUE;
}

static gboolean
compile_shifts(RotaModel *model, GError **error)
{
    const RotapSpec *spec = model->spec;
    int n;

    model->n_shifts = n = (int)spec->shifts->len;
    model->shifts = g_new0(RotapShift, n);
    model->forbid = g_new0(guint8, (gsize)n * n + 1);
    for (int i = 0; i < n; i++) {
        if (!compile_shift(model, (guint)i, error))
            return FALSE;
    }
    for (guint i = 0; i < spec->forbid->len; i++) {
        const RotapForbidSpec *forbid = &g_array_index(spec->forbid, RotapForbidSpec, i);
        int after = rotap_compile_lookup(model, ROTAP_KIND_SHIFT, forbid->after);
        int next = rotap_compile_lookup(model, ROTAP_KIND_SHIFT, forbid->next_day);

        if (after < 0)
            return rotap_compile_fail(error, "forbid[%u].after: unknown shift \"%s\"", i,
                                      forbid->after != NULL ? forbid->after : "");
        if (next < 0)
            return rotap_compile_fail(error, "forbid[%u].next_day: unknown shift \"%s\"",
                                      i,
                                      forbid->next_day != NULL ? forbid->next_day : "");
        model->forbid[after * n + next] = 1;
    }
    return TRUE;
}

/* ------------------------------------------------------------------ segments */

static gboolean
compile_segment(RotaModel *model, guint i, GError **error)
{
    const RotapSegmentSpec *spec =
        &g_array_index(model->spec->segments, RotapSegmentSpec, i);
    RotapSegment *segment = &model->segments[i];

    if (!rotap_compile_check_text(spec->name, error, "segments[%u].name", i) ||
        !rotap_compile_check_text(spec->grid, error, "segments[%u].grid", i) ||
        !rotap_compile_check_text(spec->location, error, "segments[%u].location", i))
        return FALSE;
    segment->id = spec->id;
    segment->name = spec->name != NULL ? spec->name : spec->id;
    segment->kind = spec->kind != NULL ? spec->kind : "road";
    if (strcmp(segment->kind, "road") != 0 && strcmp(segment->kind, "compound") != 0)
        return rotap_compile_fail(error,
                                  "segments[%u].kind: unknown kind \"%s\" "
                                  "(expected \"road\" or \"compound\")",
                                  i, segment->kind);
    segment->grid = spec->grid;
    segment->location = spec->location;
    segment->unit = -1;
    segment->chief = -1;
    if (spec->chief != NULL) {
        segment->chief = rotap_compile_lookup(model, ROTAP_KIND_PERSON, spec->chief);
        if (segment->chief < 0)
            return rotap_compile_fail(error, "segments[%u].chief: unknown person \"%s\"",
                                      i, spec->chief);
    }
    segment->has_geo = spec->has_geo;
    segment->lat = spec->lat;
    segment->lon = spec->lon;
    if (spec->has_geo && !(spec->lat >= -90.0 && spec->lat <= 90.0))
        return rotap_compile_fail(error,
                                  "segments[%u].geo: latitude %g is out of range "
                                  "(expected -90 to 90)",
                                  i, spec->lat);
    if (spec->has_geo && !(spec->lon >= -180.0 && spec->lon <= 180.0))
        return rotap_compile_fail(error,
                                  "segments[%u].geo: longitude %g is out of range "
                                  "(expected -180 to 180)",
                                  i, spec->lon);
    return TRUE;
}

/* ------------------------------------------------------------------ units */

static gboolean
compile_unit_deputies(RotaModel *model, guint i, const RotapUnitSpec *spec,
                      RotapUnit *unit, GError **error)
{
    unit->deputies = g_new0(int, spec->deputies->len + 1);
    for (guint j = 0; j < spec->deputies->len; j++) {
        const char *id = spec->deputies->pdata[j];
        int person = rotap_compile_lookup(model, ROTAP_KIND_PERSON, id);

        if (person < 0)
            return rotap_compile_fail(error,
                                      "units[%u].deputies[%u]: unknown person \"%s\"", i,
                                      j, id != NULL ? id : "");
        if (person == unit->head)
            return rotap_compile_fail(error,
                                      "units[%u].deputies[%u]: \"%s\" is the unit's "
                                      "head (expected another person)",
                                      i, j, id);
        for (int k = 0; k < unit->n_deputies; k++) {
            if (unit->deputies[k] == person)
                return rotap_compile_fail(error,
                                          "units[%u].deputies[%u]: duplicate deputy "
                                          "\"%s\" (first at units[%u].deputies[%d])",
                                          i, j, id, i, k);
        }
        unit->deputies[unit->n_deputies++] = person;
    }
    return TRUE;
}

static gboolean
compile_unit_segments(RotaModel *model, guint i, const RotapUnitSpec *spec,
                      RotapUnit *unit, GError **error)
{
    unit->segments = g_new0(int, spec->segments->len + 1);
    for (guint j = 0; j < spec->segments->len; j++) {
        const char *id = spec->segments->pdata[j];
        int segment = rotap_compile_lookup(model, ROTAP_KIND_SEGMENT, id);
        int owner;

        if (segment < 0)
            return rotap_compile_fail(error,
                                      "units[%u].segments[%u]: unknown segment "
                                      "\"%s\"",
                                      i, j, id != NULL ? id : "");
        owner = model->segments[segment].unit;
        if (owner >= 0)
            return rotap_compile_fail(error,
                                      "units[%u].segments[%u]: segment \"%s\" is "
                                      "already adopted by unit \"%s\" (expected one unit "
                                      "per segment)",
                                      i, j, id, model->units[owner].id);
        model->segments[segment].unit = (int)i;
        unit->segments[unit->n_segments++] = segment;
    }
    return TRUE;
}

static gboolean
compile_unit(RotaModel *model, guint i, GError **error)
{
    const RotapUnitSpec *spec = &g_array_index(model->spec->units, RotapUnitSpec, i);
    RotapUnit *unit = &model->units[i];

    if (!rotap_compile_check_text(spec->name, error, "units[%u].name", i))
        return FALSE;
    unit->id = spec->id;
    unit->name = spec->name != NULL ? spec->name : spec->id;
    unit->head = -1;
    if (spec->head != NULL) {
        unit->head = rotap_compile_lookup(model, ROTAP_KIND_PERSON, spec->head);
        if (unit->head < 0)
            return rotap_compile_fail(error, "units[%u].head: unknown person \"%s\"", i,
                                      spec->head);
    }
    return compile_unit_deputies(model, i, spec, unit, error) &&
           compile_unit_segments(model, i, spec, unit, error);
}

static gboolean
compile_sites(RotaModel *model, GError **error)
{
    const RotapSpec *spec = model->spec;

    model->n_segments = (int)spec->segments->len;
    model->segments = g_new0(RotapSegment, model->n_segments + 1);
    for (int i = 0; i < model->n_segments; i++) {
        if (!compile_segment(model, (guint)i, error))
            return FALSE;
    }
    model->n_units = (int)spec->units->len;
    model->units = g_new0(RotapUnit, model->n_units + 1);
    for (int i = 0; i < model->n_units; i++) {
        if (!compile_unit(model, (guint)i, error))
            return FALSE;
    }
    return TRUE;
}

/* ------------------------------------------------------------------ entry */

/*
 * Stages run in file order where they can; ids of every kind are recorded
 * before any reference is resolved.  The spec is owned by the model from
 * the start, so a failed compile frees it with the half-built model.
 */
RotaModel *
rotap_model_compile(RotapSpec *spec, GError **error)
{
    RotaModel *model;
    g_autoptr(GPtrArray) tags = NULL;

    g_return_val_if_fail(spec != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    model = g_new0(RotaModel, 1);
    model->ref_count = 1;
    model->spec = spec;
    model->index =
        g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_hash_table_unref);
    model->onsite_shift = -1;
    tags = g_ptr_array_new();
    if (!compile_horizon(model, error) || !compile_calendar(model, error) ||
        !register_ids(model, error) || !compile_shifts(model, error) ||
        !compile_sites(model, error) || !rotap_compile_rules(model, error) ||
        !rotap_compile_record_rules(model, error) ||
        !rotap_compile_people(model, tags, error) ||
        !rotap_compile_duties(model, tags, error) ||
        !rotap_compile_onsite(model, error)) {
        rotap_model_free(model);
        return NULL;
    }
    model->n_tags = (int)tags->len;
    g_ptr_array_add(tags, NULL);
    model->tags = (char **)g_ptr_array_free(g_steal_pointer(&tags), FALSE);
    return model;
}
