/* SPDX-License-Identifier: MIT */
/* compile.c: validate a spec and compile it into a model: ids, horizon, shifts, sites. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "compile-private.h"
#include "util-private.h"

#define MAX_DAYS 3660
#define DEFAULT_TIMEZONE "Asia/Shanghai"

gboolean
rotap_compile_fail(GError **error, const char *format, ...)
{
    va_list args;
    char *message;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_INVALID, message);
    g_free(message);
    return FALSE;
}

/*
 * model->index maps a kind (RotapKind) to that kind's table of id ->
 * index + 1.  Ids are borrowed from the spec, so recording an id costs no
 * allocation, which matters for models with tens of thousands of duties.
 */
static GHashTable *
kind_table(const RotaModel *model, RotapKind kind, gboolean create)
{
    GHashTable *table = g_hash_table_lookup(model->index, GINT_TO_POINTER(kind));

    if (table == NULL && create) {
        table = g_hash_table_new(g_str_hash, g_str_equal);
        g_hash_table_insert(model->index, GINT_TO_POINTER(kind), table);
    }
    return table;
}

int
rotap_compile_lookup(const RotaModel *model, RotapKind kind, const char *id)
{
    GHashTable *table;
    gpointer value;

    if (id == NULL)
        return -1;
    table = kind_table(model, kind, FALSE);
    value = table != NULL ? g_hash_table_lookup(table, id) : NULL;
    return value == NULL ? -1 : GPOINTER_TO_INT(value) - 1;
}

int
rotap_compile_register(RotaModel *model, RotapKind kind, const char *id, int index)
{
    GHashTable *table = kind_table(model, kind, TRUE);
    gpointer value = g_hash_table_lookup(table, id);

    if (value != NULL)
        return GPOINTER_TO_INT(value) - 1;
    g_hash_table_insert(table, (gpointer)id, GINT_TO_POINTER(index + 1));
    return -1;
}

static char *
format_path(const char *format, va_list args)
{
    return g_strdup_vprintf(format, args);
}

/* Why an id or tag is unacceptable, or NULL when it is fine. */
static const char *
id_problem(const char *id)
{
    const char *p = id;

    if (id == NULL)
        return "missing";
    if (*id == '\0')
        return "empty";
    /* Most ids are printable ASCII: settle those without decoding. */
    while (*p >= 0x20 && *p < 0x7f)
        p++;
    if (*p == '\0')
        return NULL;
    if (!g_utf8_validate(id, -1, NULL))
        return "invalid UTF-8";
    for (p = id; *p != '\0'; p = g_utf8_next_char(p)) {
        if (g_unichar_iscntrl(g_utf8_get_char(p)))
            return "control character";
    }
    return NULL;
}

/* Paths are formatted only on failure: the happy path allocates nothing. */
gboolean
rotap_compile_check_id(const char *id, const char *what, GError **error,
                       const char *path_format, ...)
{
    const char *problem = id_problem(id);
    g_autofree char *path = NULL;
    g_autofree char *shown = NULL;
    va_list args;

    if (problem == NULL)
        return TRUE;
    va_start(args, path_format);
    path = format_path(path_format, args);
    va_end(args);
    if (id == NULL || *id == '\0')
        return rotap_compile_fail(error, "%s: %s %s (expected a non-empty string)", path,
                                  problem, what);
    if (!g_utf8_validate(id, -1, NULL))
        return rotap_compile_fail(error, "%s: %s is not valid UTF-8", path, what);
    shown = g_strescape(id, NULL);
    return rotap_compile_fail(error, "%s: %s \"%s\" contains a control character "
                              "(expected printable text)", path, what, shown);
}

gboolean
rotap_compile_check_text(const char *text, GError **error, const char *path_format, ...)
{
    g_autofree char *path = NULL;
    va_list args;

    if (text == NULL || g_utf8_validate(text, -1, NULL))
        return TRUE;
    va_start(args, path_format);
    path = format_path(path_format, args);
    va_end(args);
    return rotap_compile_fail(error, "%s: text is not valid UTF-8", path);
}

/*
 * Dates are the bulk of a benchmark model (a request or a duty date per
 * line), so they are read here without building a GDate: the same strict
 * rules as rotap_parse_date(), and a day number on GDate's Julian scale
 * (day 1 = 0001-01-01) computed by the civil-calendar formula.
 */
gboolean
rotap_compile_julian(const char *text, gint64 *julian)
{
    int part[3] = { 0, 0, 0 }, widths[3] = { 4, 2, 2 }, at = 0;
    gint64 year, month, era, year_of_era, day_of_year, day_of_era;

    if (text == NULL || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return FALSE;
    for (int k = 0; k < 3; k++, at++) {
        for (int i = 0; i < widths[k]; i++, at++) {
            if (!g_ascii_isdigit(text[at]))
                return FALSE;
            part[k] = part[k] * 10 + (text[at] - '0');
        }
    }
    if (part[0] < 1 || part[1] < 1 || part[1] > 12 || part[2] < 1 ||
        part[2] > g_date_get_days_in_month((GDateMonth)part[1], (GDateYear)part[0]))
        return FALSE;
    year = part[1] <= 2 ? part[0] - 1 : part[0];
    month = part[1];
    era = year / 400;
    year_of_era = year - era * 400;
    day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + part[2] - 1;
    day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    /* Days since 0000-03-01, shifted so that 0001-01-01 is day 1. */
    *julian = era * 146097 + day_of_era - 305;
    return TRUE;
}

typedef enum { DATE_OK, DATE_MISSING, DATE_BAD, DATE_OUTSIDE } DateStatus;

static DateStatus
date_status(const RotaModel *model, const char *text, gboolean inside, int *day)
{
    gint64 julian, offset;

    *day = -1;
    if (text == NULL)
        return DATE_MISSING;
    if (!rotap_compile_julian(text, &julian))
        return DATE_BAD;
    offset = julian - (gint64)g_date_get_julian(&model->start);
    if (offset >= 0 && offset < model->n_days)
        *day = (int)offset;
    return *day < 0 && inside ? DATE_OUTSIDE : DATE_OK;
}

static gboolean
date_fail(const RotaModel *model, const char *text, DateStatus status, const char *path,
          GError **error)
{
    GDate last = model->start;
    g_autofree char *first_text = rotap_format_date(&model->start);
    g_autofree char *last_text = NULL;

    if (status == DATE_MISSING)
        return rotap_compile_fail(error, "%s: missing date (expected YYYY-MM-DD)", path);
    if (status == DATE_BAD)
        return rotap_compile_fail(error, "%s: bad date \"%s\" (expected YYYY-MM-DD)", path,
                                  text);
    g_date_add_days(&last, (guint)model->n_days - 1);
    last_text = rotap_format_date(&last);
    return rotap_compile_fail(error, "%s: date %s is outside the horizon %s..%s", path,
                              text, first_text, last_text);
}

gboolean
rotap_compile_date(const RotaModel *model, const char *text, gboolean inside, int *day,
                   GError **error, const char *path_format, ...)
{
    DateStatus status = date_status(model, text, inside, day);
    g_autofree char *path = NULL;
    va_list args;

    if (status == DATE_OK)
        return TRUE;
    va_start(args, path_format);
    path = format_path(path_format, args);
    va_end(args);
    return date_fail(model, text, status, path, error);
}

int
rotap_compile_intern_tag(RotaModel *model, GPtrArray *tags, const char *tag)
{
    int index = rotap_compile_lookup(model, ROTAP_KIND_TAG, tag);

    if (index >= 0)
        return index;
    index = (int)tags->len;
    g_ptr_array_add(tags, (gpointer)tag);
    rotap_compile_register(model, ROTAP_KIND_TAG, tag, index);
    return index;
}

static void
select_days(const RotaModel *model, RotaDays kind, guint8 *due)
{
    if (kind == ROTA_DAYS_DATES) {
        memset(due, 0, (gsize)model->n_days);
        return;
    }
    for (int d = 0; d < model->n_days; d++) {
        switch (kind) {
        case ROTA_DAYS_WORKDAYS:
            due[d] = model->workday[d];
            break;
        case ROTA_DAYS_RESTDAYS:
            due[d] = !model->workday[d];
            break;
        case ROTA_DAYS_WEEKENDS:
            due[d] = model->weekday[d] >= 6;
            break;
        case ROTA_DAYS_ALL:
        case ROTA_DAYS_DATES:
        default:
            due[d] = 1;
            break;
        }
    }
}

gboolean
rotap_compile_days(const RotaModel *model, const RotapDaysSpec *days, guint8 *due,
                   GError **error, const char *path_format, ...)
{
    g_autofree char *path = NULL;
    g_autofree char *at = NULL;
    va_list args;
    guint j = 0;
    DateStatus status = DATE_OK;
    int day = -1;

    select_days(model, days->kind, due);
    if (days->kind != ROTA_DAYS_DATES)
        return TRUE;
    for (; j < days->dates->len; j++) {
        status = date_status(model, days->dates->pdata[j], TRUE, &day);
        if (status != DATE_OK || due[day])
            break;
        due[day] = 1;
    }
    if (days->dates->len > 0 && j == days->dates->len)
        return TRUE;
    va_start(args, path_format);
    path = format_path(path_format, args);
    va_end(args);
    if (days->dates->len == 0)
        return rotap_compile_fail(error, "%s: empty date list (expected a keyword "
                                  "or at least one date)", path);
    if (status == DATE_OK)
        return rotap_compile_fail(error, "%s[%u]: date %s is listed twice", path, j,
                                  (const char *)days->dates->pdata[j]);
    at = g_strdup_printf("%s[%u]", path, j);
    return date_fail(model, days->dates->pdata[j], status, at, error);
}

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
                                  spec->name == NULL ? "missing name" : "empty name");
    if (!rotap_compile_check_text(spec->name, error, "name"))
        return FALSE;
    model->name = spec->name;
    model->timezone = spec->timezone != NULL ? spec->timezone : DEFAULT_TIMEZONE;
    if (!timezone_known(model->timezone))
        return rotap_compile_fail(error, "timezone: unknown time zone \"%s\" "
                                  "(expected an IANA name such as \"Asia/Shanghai\")",
                                  model->timezone);
    if (spec->start == NULL)
        return rotap_compile_fail(error, "start: missing date (expected YYYY-MM-DD)");
    if (!rotap_parse_date(spec->start, &model->start))
        return rotap_compile_fail(error, "start: bad date \"%s\" (expected YYYY-MM-DD)",
                                  spec->start);
    if (spec->days < 1 || spec->days > MAX_DAYS)
        return rotap_compile_fail(error, "days: %d days is out of range (expected 1 to %d)",
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

        if (!rotap_compile_date(model, dates->pdata[i], FALSE, &day, error, "%s[%u]", path,
                                i))
            return FALSE;
        if (day >= 0)
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
            return rotap_compile_fail(error, "%s[%u].id: duplicate %s \"%s\" (first at "
                                      "%s[%d])", section, i, what, id, section, first);
    }
    return TRUE;
}

/* Ids come first, so that any later reference, forward or back, resolves. */
static gboolean
register_ids(RotaModel *model, GError **error)
{
    RotapSpec *spec = model->spec;

    if (spec->shifts->len > ROTAP_MAX_SHIFTS)
        return rotap_compile_fail(error, "shifts[%d]: too many shifts (expected at most %d)",
                                  ROTAP_MAX_SHIFTS, ROTAP_MAX_SHIFTS);
    if (!register_kind(model, spec->shifts, G_STRUCT_OFFSET(RotapShiftSpec, id), "shifts",
                       ROTAP_KIND_SHIFT, "shift id", error) ||
        !register_kind(model, spec->segments, G_STRUCT_OFFSET(RotapSegmentSpec, id),
                       "segments", ROTAP_KIND_SEGMENT, "segment id", error) ||
        !register_kind(model, spec->units, G_STRUCT_OFFSET(RotapUnitSpec, id), "units",
                       ROTAP_KIND_UNIT, "unit id", error) ||
        !register_kind(model, spec->people, G_STRUCT_OFFSET(RotapPersonSpec, id), "people",
                       ROTAP_KIND_PERSON, "person id", error) ||
        !register_kind(model, spec->duties, G_STRUCT_OFFSET(RotapDutySpec, id), "duties",
                       ROTAP_KIND_DUTY, "duty id", error))
        return FALSE;
    for (guint i = 0; i < spec->duties->len; i++) {
        if (strcmp(g_array_index(spec->duties, RotapDutySpec, i).id, "onsite") == 0)
            return rotap_compile_fail(error, "duties[%u].id: the id \"onsite\" is reserved "
                                      "for the on-site hour (expected another id)", i);
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
        return rotap_compile_fail(error, "%s.start: bad time \"%s\" "
                                  "(expected HH:MM, 00:00 to 23:59)", path, spec->start);
    if (spec->end == NULL)
        return rotap_compile_fail(error, "%s.end: missing time (expected HH:MM)", path);
    shift->end = rotap_parse_time(spec->end, TRUE);
    if (shift->end < 0)
        return rotap_compile_fail(error, "%s.end: bad time \"%s\" "
                                  "(expected HH:MM, 00:00 to 24:00)", path, spec->end);
    if (shift->end == shift->start)
        return rotap_compile_fail(error, "%s.end: the shift ends when it starts, at %s "
                                  "(expected a different end time)", path, spec->end);
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
            return rotap_compile_fail(error, "forbid[%u].next_day: unknown shift \"%s\"", i,
                                      forbid->next_day != NULL ? forbid->next_day : "");
        model->forbid[after * n + next] = 1;
    }
    return TRUE;
}

/* ------------------------------------------------------------------ segments */

static gboolean
compile_segment(RotaModel *model, guint i, GError **error)
{
    const RotapSegmentSpec *spec = &g_array_index(model->spec->segments,
                                                  RotapSegmentSpec, i);
    RotapSegment *segment = &model->segments[i];

    if (!rotap_compile_check_text(spec->name, error, "segments[%u].name", i) ||
        !rotap_compile_check_text(spec->grid, error, "segments[%u].grid", i) ||
        !rotap_compile_check_text(spec->location, error, "segments[%u].location", i))
        return FALSE;
    segment->id = spec->id;
    segment->name = spec->name != NULL ? spec->name : spec->id;
    segment->kind = spec->kind != NULL ? spec->kind : "road";
    if (strcmp(segment->kind, "road") != 0 && strcmp(segment->kind, "compound") != 0)
        return rotap_compile_fail(error, "segments[%u].kind: unknown kind \"%s\" "
                                  "(expected \"road\" or \"compound\")", i, segment->kind);
    segment->grid = spec->grid;
    segment->location = spec->location;
    segment->unit = -1;
    segment->chief = -1;
    if (spec->chief != NULL) {
        segment->chief = rotap_compile_lookup(model, ROTAP_KIND_PERSON, spec->chief);
        if (segment->chief < 0)
            return rotap_compile_fail(error, "segments[%u].chief: unknown person \"%s\"", i,
                                      spec->chief);
    }
    segment->has_geo = spec->has_geo;
    segment->lat = spec->lat;
    segment->lon = spec->lon;
    if (spec->has_geo && !(spec->lat >= -90.0 && spec->lat <= 90.0))
        return rotap_compile_fail(error, "segments[%u].geo: latitude %g is out of range "
                                  "(expected -90 to 90)", i, spec->lat);
    if (spec->has_geo && !(spec->lon >= -180.0 && spec->lon <= 180.0))
        return rotap_compile_fail(error, "segments[%u].geo: longitude %g is out of range "
                                  "(expected -180 to 180)", i, spec->lon);
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
            return rotap_compile_fail(error, "units[%u].deputies[%u]: unknown person \"%s\"",
                                      i, j, id != NULL ? id : "");
        if (person == unit->head)
            return rotap_compile_fail(error, "units[%u].deputies[%u]: \"%s\" is the unit's "
                                      "head (expected another person)", i, j, id);
        for (int k = 0; k < unit->n_deputies; k++) {
            if (unit->deputies[k] == person)
                return rotap_compile_fail(error, "units[%u].deputies[%u]: duplicate deputy "
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
            return rotap_compile_fail(error, "units[%u].segments[%u]: unknown segment "
                                      "\"%s\"", i, j, id != NULL ? id : "");
        owner = model->segments[segment].unit;
        if (owner >= 0)
            return rotap_compile_fail(error, "units[%u].segments[%u]: segment \"%s\" is "
                                      "already adopted by unit \"%s\" (expected one unit "
                                      "per segment)", i, j, id, model->units[owner].id);
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
    model->index = g_hash_table_new_full(NULL, NULL, NULL,
                                         (GDestroyNotify)g_hash_table_unref);
    model->onsite_shift = -1;
    tags = g_ptr_array_new();
    if (!compile_horizon(model, error) || !compile_calendar(model, error) ||
        !register_ids(model, error) || !compile_shifts(model, error) ||
        !compile_sites(model, error) || !rotap_compile_rules(model, error) ||
        !rotap_compile_people(model, tags, error) ||
        !rotap_compile_duties(model, tags, error) || !rotap_compile_onsite(model, error)) {
        rotap_model_free(model);
        return NULL;
    }
    model->n_tags = (int)tags->len;
    g_ptr_array_add(tags, NULL);
    model->tags = (char **)g_ptr_array_free(g_steal_pointer(&tags), FALSE);
    return model;
}
