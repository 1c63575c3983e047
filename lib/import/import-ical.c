/* SPDX-License-Identifier: MIT */
/* import-ical.c: people's busy times from iCalendar files (libical) into (date, shift)
 * pairs off. */
#include "config.h"

#include "import/import-private.h"
#include "util-private.h"

#include <libical/ical.h>
#include <string.h>

/*
 * Every time becomes Unix seconds: UTC as it is, a TZID through the file's
 * VTIMEZONE (libical) or else the system's zone of that IANA name (GLib),
 * a floating time in the model's zone.  Recurrences are expanded in wall
 * time by libical's iterator from DTSTART, so a weekly 09:00 in Berlin
 * stays 09:00 across the change to summer time; RDATE and EXDATE are read
 * property by property with their own TZID (libical 3.0's iterator would
 * read an RDATE;TZID as UTC).  An instance replaced by a RECURRENCE-ID
 * component is left out of its series; the replacement counts on its own
 * unless it is cancelled.  Busy intervals are half-open: an event ending
 * at 07:00 does not touch a shift starting at 07:00.  All-day events make
 * their dates off for every shift.
 */

#define MAX_INSTANCES 20000

typedef struct {
    RotapImportRun *run;
    const char *path;
    int file;
    icalcomponent *calendar;
    GTimeZone *zone; /* the model's */
    gint64 horizon_start, horizon_end;
    int n_shifts;
    gint64 *shift_start; /* n_days * n_shifts, Unix seconds */
    gint64 *shift_end;
    guint8 *off;     /* n_days * n_shifts */
    guint8 *all_day; /* n_days */
    gboolean failed;
} Feed;

/* A local wall time in zone as Unix seconds. */
static gint64
local_unix(GTimeZone *zone, int year, int month, int day, int hour, int minute,
           int second)
{
    g_autoptr(GDateTime) t =
        g_date_time_new(zone, year, month, day, hour, minute, second);

    return t != NULL ? g_date_time_to_unix(t) : 0;
}

static void feed_error(Feed *feed, const char *format, ...) G_GNUC_PRINTF(2, 3);

/* One error per file: the first problem found. */
static void
feed_error(Feed *feed, const char *format, ...)
{
    va_list args;
    g_autofree char *message = NULL;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    if (!feed->failed)
        rotap_errors_add_line(feed->run->errors, feed->file, feed->path, 0, "%s",
                              message);
    feed->failed = TRUE;
}

static const char *
tzid_of(icalproperty *prop)
{
    icalparameter *param =
        prop != NULL ? icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER) : NULL;

    return param != NULL ? icalparameter_get_tzid(param) : NULL;
}

/* t (with the TZID of its property) as Unix seconds; a date as the start
 * of that day in the model's zone. */
static gint64
to_unix(Feed *feed, struct icaltimetype t, const char *tzid)
{
    icaltimezone *vzone;

    if (t.is_date || (tzid == NULL && !icaltime_is_utc(t)))
        return local_unix(feed->zone, t.year, t.month, t.day, t.hour, t.minute, t.second);
    if (icaltime_is_utc(t) || tzid == NULL)
        return (gint64)icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone());
    vzone = icalcomponent_get_timezone(feed->calendar, tzid);
    if (vzone != NULL)
        return (gint64)icaltime_as_timet_with_zone(t, vzone);
    {
        g_autoptr(GTimeZone) zone = g_time_zone_new_identifier(tzid);

        if (zone == NULL) {
            feed_error(feed, ROTAP_TR(feed->run->errors, "unknown time zone \"%s\""),
                       tzid);
            return 0;
        }
        return local_unix(zone, t.year, t.month, t.day, t.hour, t.minute, t.second);
    }
}

/* Mark what [start, end) overlaps: every (day, shift) of the horizon. */
static void
mark_interval(Feed *feed, gint64 start, gint64 end)
{
    int n = feed->run->n_days * feed->n_shifts;

    if (end <= start || end <= feed->horizon_start - 86400 || start >= feed->horizon_end)
        return;
    for (int i = 0; i < n; i++) {
        if (start < feed->shift_end[i] && feed->shift_start[i] < end)
            feed->off[i] = 1;
    }
}

/* Mark the dates [date, date + days) as whole days off. */
static void
mark_dates(Feed *feed, struct icaltimetype date, int days)
{
    GDate d;
    int first;

    if (!g_date_valid_dmy((GDateDay)date.day, (GDateMonth)date.month,
                          (GDateYear)date.year))
        return;
    g_date_set_dmy(&d, (GDateDay)date.day, (GDateMonth)date.month, (GDateYear)date.year);
    first = (int)g_date_get_julian(&d) - (int)g_date_get_julian(&feed->run->start);
    for (int k = 0; k < days; k++) {
        if (first + k >= 0 && first + k < feed->run->n_days)
            feed->all_day[first + k] = 1;
    }
}

typedef struct {
    gboolean all_day;
    gint64 seconds; /* timed events */
    int days;       /* all-day events */
} Length;

static Length
event_length(Feed *feed, icalcomponent *event, struct icaltimetype start,
             const char *tzid)
{
    icalproperty *dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
    icalproperty *duration =
        icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY);
    Length length = {start.is_date, 0, start.is_date ? 1 : 0};

    if (dtend != NULL) {
        struct icaltimetype end = icalproperty_get_dtend(dtend);

        if (start.is_date)
            length.days =
                (int)((to_unix(feed, end, NULL) - to_unix(feed, start, NULL) + 43200) /
                      86400);
        else
            length.seconds =
                to_unix(feed, end, tzid_of(dtend)) - to_unix(feed, start, tzid);
    } else if (duration != NULL) {
        int seconds = icaldurationtype_as_int(icalproperty_get_duration(duration));

        if (start.is_date)
            length.days = seconds / 86400;
        else
            length.seconds = seconds;
    }
    return length;
}

static void
mark_instance(Feed *feed, struct icaltimetype start, const char *tzid,
              const Length *length)
{
    if (length->all_day) {
        mark_dates(feed, start, length->days);
    } else {
        gint64 s = to_unix(feed, start, tzid);

        mark_interval(feed, s, s + length->seconds);
    }
}

/* Keys of instances left out of a series: "UID\nSECONDS". */
static char *
instance_key(const char *uid, gint64 start)
{
    return g_strdup_printf("%s\n%" G_GINT64_FORMAT, uid != NULL ? uid : "", start);
}

static void
add_exdates(Feed *feed, icalcomponent *event, const char *uid, GHashTable *skip)
{
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY);
         p != NULL; p = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)) {
        gint64 t = to_unix(feed, icalproperty_get_exdate(p), tzid_of(p));

        g_hash_table_add(skip, instance_key(uid, t));
    }
}

/* One instance of a series, unless EXDATE or RECURRENCE-ID took it out. */
static void
series_instance(Feed *feed, struct icaltimetype start, const char *tzid, const char *uid,
                const Length *length, GHashTable *skip)
{
    g_autofree char *key = instance_key(uid, to_unix(feed, start, tzid));

    if (!g_hash_table_contains(skip, key)) {
        g_hash_table_add(skip, g_steal_pointer(&key)); /* RRULE and RDATE may meet */
        mark_instance(feed, start, tzid, length);
    }
}

static void
expand_rrule(Feed *feed, icalproperty *rrule, struct icaltimetype start, const char *tzid,
             const char *uid, const Length *length, GHashTable *skip)
{
    icalrecur_iterator *it = icalrecur_iterator_new(icalproperty_get_rrule(rrule), start);

    if (it == NULL) {
        feed_error(
            feed, "%s",
            ROTAP_TR(feed->run->errors, "a recurrence rule libical cannot expand"));
        return;
    }
    for (int n = 0; n < MAX_INSTANCES; n++) {
        struct icaltimetype t = icalrecur_iterator_next(it);

        if (icaltime_is_null_time(t) || to_unix(feed, t, tzid) >= feed->horizon_end)
            break;
        series_instance(feed, t, tzid, uid, length, skip);
    }
    icalrecur_iterator_free(it);
}

static void
expand_rdates(Feed *feed, icalcomponent *event, const char *uid, const Length *length,
              GHashTable *skip)
{
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY);
         p != NULL; p = icalcomponent_get_next_property(event, ICAL_RDATE_PROPERTY)) {
        struct icaldatetimeperiodtype rdate = icalproperty_get_rdate(p);

        if (!icaltime_is_null_time(rdate.period.start)) {
            gint64 s = to_unix(feed, rdate.period.start, tzid_of(p));
            gint64 e = icaltime_is_null_time(rdate.period.end)
                           ? s + icaldurationtype_as_int(rdate.period.duration)
                           : to_unix(feed, rdate.period.end, tzid_of(p));

            mark_interval(feed, s, e);
        } else {
            series_instance(feed, rdate.time, tzid_of(p), uid, length, skip);
        }
    }
}

static gboolean
is_busy(icalcomponent *event)
{
    icalproperty *transp = icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY);

    if (transp != NULL && icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT)
        return FALSE;
    return icalcomponent_get_status(event) != ICAL_STATUS_CANCELLED;
}

/* One VEVENT: its own instance, or its whole series. */
static void
read_event(Feed *feed, icalcomponent *event, GHashTable *overridden)
{
    icalproperty *dtstart =
        icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    icalproperty *rrule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
    struct icaltimetype start;
    const char *tzid, *uid = icalcomponent_get_uid(event);
    Length length;
    g_autoptr(GHashTable) skip = NULL;

    if (dtstart == NULL || !is_busy(event))
        return;
    start = icalproperty_get_dtstart(dtstart);
    tzid = tzid_of(dtstart);
    length = event_length(feed, event, start, tzid);
    if (icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) != NULL) {
        mark_instance(feed, start, tzid, &length);
        return;
    }
    skip = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init(&iter, overridden);
        while (g_hash_table_iter_next(&iter, &key, NULL))
            g_hash_table_add(skip, g_strdup(key));
    }
    add_exdates(feed, event, uid, skip);
    if (rrule != NULL)
        expand_rrule(feed, rrule, start, tzid, uid, &length, skip);
    else
        series_instance(feed, start, tzid, uid, &length, skip);
    expand_rdates(feed, event, uid, &length, skip);
}

/* The instances that RECURRENCE-ID components replace. */
static GHashTable *
overridden_instances(Feed *feed)
{
    GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    for (icalcomponent *c =
             icalcomponent_get_first_component(feed->calendar, ICAL_VEVENT_COMPONENT);
         c != NULL;
         c = icalcomponent_get_next_component(feed->calendar, ICAL_VEVENT_COMPONENT)) {
        icalproperty *rid =
            icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY);

        if (rid != NULL)
            g_hash_table_add(
                keys, instance_key(icalcomponent_get_uid(c),
                                   to_unix(feed, icalproperty_get_recurrenceid(rid),
                                           tzid_of(rid))));
    }
    return keys;
}

static void
read_freebusy(Feed *feed, icalcomponent *fb)
{
    for (icalproperty *p = icalcomponent_get_first_property(fb, ICAL_FREEBUSY_PROPERTY);
         p != NULL; p = icalcomponent_get_next_property(fb, ICAL_FREEBUSY_PROPERTY)) {
        icalparameter *type = icalproperty_get_first_parameter(p, ICAL_FBTYPE_PARAMETER);
        struct icalperiodtype period = icalproperty_get_freebusy(p);
        gint64 s, e;

        if (type != NULL && icalparameter_get_fbtype(type) == ICAL_FBTYPE_FREE)
            continue;
        s = to_unix(feed, period.start, NULL);
        e = icaltime_is_null_time(period.end)
                ? s + icaldurationtype_as_int(period.duration)
                : to_unix(feed, period.end, NULL);
        mark_interval(feed, s, e);
    }
}

/* The first X-LIC-ERROR that libical's parser left in the tree, or NULL. */
static const char *
parse_problem(icalcomponent *component)
{
    icalproperty *p =
        icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY);

    if (p != NULL)
        return icalproperty_get_xlicerror(p);
    for (icalcomponent *c =
             icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT);
         c != NULL; c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
        const char *problem = parse_problem(c);

        if (problem != NULL)
            return problem;
    }
    return NULL;
}

/* Shift intervals of every day of the horizon, in Unix seconds. */
static gboolean
feed_init(Feed *feed, RotapImportRun *run)
{
    const GArray *shifts = run->spec->shifts;
    int n_days = run->n_days;
    const char *zone =
        run->spec->timezone != NULL ? run->spec->timezone : "Asia/Shanghai";

    memset(feed, 0, sizeof *feed);
    feed->run = run;
    feed->zone = g_time_zone_new_identifier(zone);
    if (feed->zone == NULL || !run->has_horizon)
        return FALSE; /* rota check names the bad zone or horizon */
    feed->n_shifts = (int)shifts->len;
    feed->shift_start = g_new0(gint64, (gsize)n_days * shifts->len + 1);
    feed->shift_end = g_new0(gint64, (gsize)n_days * shifts->len + 1);
    feed->off = g_new0(guint8, (gsize)n_days * shifts->len + 1);
    feed->all_day = g_new0(guint8, (gsize)n_days + 1);
    for (int d = 0; d <= n_days; d++) {
        GDate date = run->start;
        gint64 midnight;

        g_date_add_days(&date, (guint)d);
        midnight = local_unix(feed->zone, g_date_get_year(&date), g_date_get_month(&date),
                              g_date_get_day(&date), 0, 0, 0);
        if (d == 0)
            feed->horizon_start = midnight;
        if (d == n_days) {
            feed->horizon_end = midnight + 86400; /* shifts past midnight */
            break;
        }
        for (guint s = 0; s < shifts->len; s++) {
            const RotapShiftSpec *shift = &g_array_index(shifts, RotapShiftSpec, s);
            int start = rotap_parse_time(shift->start, FALSE);
            int end = rotap_parse_time(shift->end, TRUE);
            int minutes = end > start ? end - start : end + 1440 - start;
            gsize i = (gsize)d * shifts->len + s;

            if (start < 0 || end < 0)
                minutes = 0; /* rota check names the bad time */
            feed->shift_start[i] =
                local_unix(feed->zone, g_date_get_year(&date), g_date_get_month(&date),
                           g_date_get_day(&date), start / 60, start % 60, 0);
            feed->shift_end[i] = feed->shift_start[i] + (gint64)minutes * 60;
        }
    }
    return TRUE;
}

static void
feed_clear(Feed *feed)
{
    if (feed->zone != NULL)
        g_time_zone_unref(feed->zone);
    g_free(feed->shift_start);
    g_free(feed->shift_end);
    g_free(feed->off);
    g_free(feed->all_day);
}

static void
feed_reset(Feed *feed, const char *path, int file, icalcomponent *calendar)
{
    feed->path = path;
    feed->file = file;
    feed->calendar = calendar;
    feed->failed = FALSE;
    memset(feed->off, 0, (gsize)feed->run->n_days * feed->n_shifts);
    memset(feed->all_day, 0, (gsize)feed->run->n_days);
}

static void
read_calendar(Feed *feed)
{
    g_autoptr(GHashTable) overridden = overridden_instances(feed);

    for (icalcomponent *c =
             icalcomponent_get_first_component(feed->calendar, ICAL_VEVENT_COMPONENT);
         c != NULL;
         c = icalcomponent_get_next_component(feed->calendar, ICAL_VEVENT_COMPONENT))
        read_event(feed, c, overridden);
    for (icalcomponent *c =
             icalcomponent_get_first_component(feed->calendar, ICAL_VFREEBUSY_COMPONENT);
         c != NULL;
         c = icalcomponent_get_next_component(feed->calendar, ICAL_VFREEBUSY_COMPONENT))
        read_freebusy(feed, c);
}

/* The marks as off entries of person, listed in summary. */
static int
add_off(Feed *feed, RotapPersonSpec *person, GString *summary)
{
    int n = 0;

    for (int d = 0; d < feed->run->n_days; d++) {
        GDate date = feed->run->start;
        g_autofree char *text = NULL;

        g_date_add_days(&date, (guint)d);
        text = rotap_format_date(&date);
        for (int s = 0; s < feed->n_shifts; s++) {
            RotapOffSpec off = {ROTAP_OFF_FORM_DAY, NULL, NULL, NULL};
            const char *shift =
                g_array_index(feed->run->spec->shifts, RotapShiftSpec, s).id;

            if (!feed->all_day[d] && !feed->off[(gsize)d * feed->n_shifts + s])
                continue;
            if (feed->all_day[d] && s > 0)
                break;
            off.form = feed->all_day[d] ? ROTAP_OFF_FORM_DATE : ROTAP_OFF_FORM_DAY;
            off.from = g_strdup(text);
            off.to = g_strdup(text);
            off.shift = feed->all_day[d] ? NULL : g_strdup(shift);
            g_array_append_val(person->off, off);
            g_string_append_printf(summary, " %s %s", text,
                                   feed->all_day[d]
                                       /* TRANSLATORS: a whole day off, after its date */
                                       ? ROTAP_TR(feed->run->errors, "all-day")
                                       : shift);
            n++;
        }
    }
    return n;
}

static icalcomponent *
parse_file(Feed *feed, const char *path)
{
    g_autofree char *data = NULL;
    gsize length = 0;
    g_autoptr(GError) error = NULL;
    icalcomponent *calendar;
    const char *problem;

    if (!rotap_read_file(path, &data, &length, &error)) {
        feed_error(feed, "%s", error->message);
        return NULL;
    }
    icalerror_clear_errno();
    calendar = icalparser_parse_string(data);
    if (calendar == NULL || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
        feed_error(feed, "%s",
                   ROTAP_TR(feed->run->errors,
                            "libical cannot read it as iCalendar (no VCALENDAR found)"));
        if (calendar != NULL)
            icalcomponent_free(calendar);
        return NULL;
    }
    problem = parse_problem(calendar);
    if (problem != NULL) {
        feed_error(feed, ROTAP_TR(feed->run->errors, "libical cannot read it: %s"),
                   problem);
        icalcomponent_free(calendar);
        return NULL;
    }
    return calendar;
}

void
rotap_import_availability(RotapImportRun *run, const char *dir, int file,
                          GString *summary)
{
    Feed feed;
    int files = 0, pairs = 0;

    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        rotap_errors_add_line(run->errors, file, dir, 0, "%s",
                              ROTAP_TR(run->errors, "no such folder of calendars"));
        return;
    }
    if (!feed_init(&feed, run)) {
        feed_clear(&feed);
        return;
    }
    for (guint i = 0; i < run->spec->people->len; i++) {
        RotapPersonSpec *person = &g_array_index(run->spec->people, RotapPersonSpec, i);
        g_autofree char *name =
            g_strconcat(person->id != NULL ? person->id : "", ".ics", NULL);
        g_autofree char *path = g_build_filename(dir, name, NULL);
        icalcomponent *calendar;

        if (person->id == NULL || !g_file_test(path, G_FILE_TEST_IS_REGULAR))
            continue;
        feed_reset(&feed, path, file, NULL);
        calendar = parse_file(&feed, path);
        if (calendar == NULL)
            continue;
        feed.calendar = calendar;
        read_calendar(&feed);
        files++;
        if (!feed.failed) {
            /* TRANSLATORS: followed by the dates (and shifts) off */
            g_string_append_printf(summary, ROTAP_TR(run->errors, "%s: off"), path);
            pairs += add_off(&feed, person, summary);
            g_string_append_c(summary, '\n');
        }
        icalcomponent_free(calendar);
    }
    g_string_append_printf(
        summary,
        ROTAP_TR(run->errors, "calendars: %d files, %d (date, shift) pairs off\n"), files,
        pairs);
    feed_clear(&feed);
}
