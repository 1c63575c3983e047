/* SPDX-License-Identifier: MIT */
/* ical-tz.c: a VTIMEZONE for the horizon, built from the system time-zone database. */
#include "config.h"

#include "i18n-private.h"
#include "ical-private.h"

/* Offsets are sampled this often while looking for transitions; zones
 * change at most a few times a year, never twice within six hours. */
#define STEP_SECONDS (6 * 3600)
/* Days covered before the first and after the last day of the horizon. */
#define MARGIN_DAYS 2

typedef struct {
    gint32 offset;
    gboolean dst;
    const char *abbreviation; /* borrowed from the GTimeZone */
} Observance;

static Observance
observance_at(GTimeZone *tz, gint64 t)
{
    int interval = g_time_zone_find_interval(tz, G_TIME_TYPE_UNIVERSAL, t);
    Observance o = {g_time_zone_get_offset(tz, interval),
                    g_time_zone_is_dst(tz, interval),
                    g_time_zone_get_abbreviation(tz, interval)};

    return o;
}

static gboolean
same_observance(const Observance *a, const Observance *b)
{
    return a->offset == b->offset && a->dst == b->dst &&
           g_strcmp0(a->abbreviation, b->abbreviation) == 0;
}

static void
append_offset(GString *out, const char *name, gint32 offset)
{
    gint32 magnitude = offset < 0 ? -offset : offset;

    g_string_append_printf(out, "%s:%c%02d%02d", name, offset < 0 ? '-' : '+',
                           magnitude / 3600, magnitude / 60 % 60);
    if (magnitude % 60 != 0)
        g_string_append_printf(out, "%02d", magnitude % 60);
    g_string_append(out, "\r\n");
}

/* One observance starting at UTC time t, DTSTART in the wall time that
 * held just before it (RFC 5545 §3.6.5). */
static void
append_observance(GString *out, gint64 t, const Observance *from, const Observance *to)
{
    g_autoptr(GDateTime) wall = g_date_time_new_from_unix_utc(t + from->offset);
    g_autofree char *start = g_date_time_format(wall, "%Y%m%dT%H%M%S");
    const char *kind = to->dst ? "DAYLIGHT" : "STANDARD";

    g_string_append_printf(out, "BEGIN:%s\r\nDTSTART:%s\r\n", kind, start);
    append_offset(out, "TZOFFSETFROM", from->offset);
    append_offset(out, "TZOFFSETTO", to->offset);
    if (to->abbreviation != NULL && to->abbreviation[0] != '\0') {
        GString *line = g_string_new("TZNAME:");

        rotap_ical_append_text(line, to->abbreviation);
        rotap_ical_append_folded(out, line->str, line->len);
        g_string_free(line, TRUE);
    }
    g_string_append_printf(out, "END:%s\r\n", kind);
}

/* The exact second a new observance begins within (lo, hi]. */
static gint64
find_transition(GTimeZone *tz, gint64 lo, gint64 hi)
{
    Observance first = observance_at(tz, lo);

    while (hi - lo > 1) {
        gint64 mid = lo + (hi - lo) / 2;
        Observance o = observance_at(tz, mid);

        if (same_observance(&o, &first))
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

/*
 * GTimeZone reads the system zoneinfo (tzdata) but does not list its
 * transitions, so they are found by sampling the horizon and bisecting to
 * the second.  The first observance starts at the beginning of the
 * covered span; every event of the feed lies after it.  The TZID is the
 * IANA name as given, without any vendor prefix.
 */
char *
rotap_ical_vtimezone(const char *tzid, const GDate *first, int n_days, GError **error)
{
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier(tzid);
    GString *out;
    GString *line;
    gint64 t, end;
    Observance current;

    if (tz == NULL) {
        g_set_error(
            error, ROTA_ERROR, ROTA_ERROR_INVALID,
            _("time zone \"%s\" is not in the system time-zone database (tzdata)"), tzid);
        return NULL;
    }
    t = (gint64)(g_date_get_julian(first) - 719163 - MARGIN_DAYS) * 86400;
    end = t + (gint64)(n_days + 2 * MARGIN_DAYS) * 86400;
    out = g_string_new("BEGIN:VTIMEZONE\r\n");
    line = g_string_new("TZID:");
    g_string_append(line, tzid);
    rotap_ical_append_folded(out, line->str, line->len);
    g_string_assign(line, "X-LIC-LOCATION:");
    g_string_append(line, tzid);
    rotap_ical_append_folded(out, line->str, line->len);
    g_string_free(line, TRUE);
    current = observance_at(tz, t);
    append_observance(out, t, &current, &current);
    for (; t < end; t += STEP_SECONDS) {
        Observance next = observance_at(tz, t + STEP_SECONDS);

        if (!same_observance(&next, &current)) {
            gint64 at = find_transition(tz, t, t + STEP_SECONDS);

            next = observance_at(tz, at);
            append_observance(out, at, &current, &next);
            current = next;
        }
    }
    g_string_append(out, "END:VTIMEZONE\r\n");
    return g_string_free(out, FALSE);
}
