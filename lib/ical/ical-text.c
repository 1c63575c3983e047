/* SPDX-License-Identifier: MIT */
/* ical-text.c: iCalendar text values, UTF-8-safe line folding and date-time values. */
#include "config.h"

#include <string.h>

#include "ical-private.h"

/* RFC 5545 §3.1: a content line is at most 75 octets before its CRLF; a
 * continuation line starts with one space, which counts. */
#define FOLD_OCTETS 75

void
rotap_ical_append_text(GString *out, const char *text)
{
    for (const char *p = text; *p != '\0'; p++) {
        switch (*p) {
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case ';':
            g_string_append(out, "\\;");
            break;
        case ',':
            g_string_append(out, "\\,");
            break;
        case '\n':
            g_string_append(out, "\\n");
            break;
        case '\r':
            break;
        default:
            g_string_append_c(out, *p);
        }
    }
}

/* The length of the unit that starts at p: a UTF-8 sequence (1 for a
 * stray continuation byte, which the model's UTF-8 checks rule out
 * anyway), or a backslash escape with the character it escapes, which no
 * fold separates either (RFC 5545 allows it, but naive readers unescape
 * line by line). */
static gsize
unit_length(const char *p, gsize left)
{
    guchar c = (guchar)*p;

    if (c == '\\' && left > 1 && (guchar)p[1] < 0x80)
        return 2;
    if (c >= 0xF0)
        return 4;
    if (c >= 0xE0)
        return 3;
    if (c >= 0xC0)
        return 2;
    return 1;
}

/*
 * Folding cuts only between characters: each physical line takes whole
 * UTF-8 sequences (and escapes) while they fit in 75 octets (74 after the leading space
 * of a continuation), so the bytes of a character never straddle a fold.
 * The result depends only on the line, which keeps folding byte-stable.
 */
void
rotap_ical_append_folded(GString *out, const char *line, gsize length)
{
    gsize pos = 0;
    gsize room = FOLD_OCTETS;

    while (length - pos > room) {
        gsize cut = pos;

        while (cut < length) {
            gsize next = MIN(cut + unit_length(line + cut, length - cut), length);

            if (next - pos > room)
                break;
            cut = next;
        }
        g_string_append_len(out, line + pos, (gssize)(cut - pos));
        g_string_append(out, "\r\n ");
        pos = cut;
        room = FOLD_OCTETS - 1;
    }
    g_string_append_len(out, line + pos, (gssize)(length - pos));
    g_string_append(out, "\r\n");
}

void
rotap_ical_append_lines(GString *out, const char *lines)
{
    const char *p = lines;

    while (*p != '\0') {
        const char *end = strchr(p, '\n');
        gsize length = end != NULL ? (gsize)(end - p) : strlen(p);

        rotap_ical_append_folded(out, p, length);
        if (end == NULL)
            break;
        p = end + 1;
    }
}

char *
rotap_ical_local_time(const GDate *date, int minutes)
{
    GDate day = *date;
    int days = minutes / 1440;

    if (days > 0)
        g_date_add_days(&day, (guint)days);
    minutes %= 1440;
    return g_strdup_printf("%04d%02d%02dT%02d%02d00", g_date_get_year(&day),
                           g_date_get_month(&day), g_date_get_day(&day), minutes / 60,
                           minutes % 60);
}

char *
rotap_ical_utc_time(GDateTime *time)
{
    g_autoptr(GDateTime) utc = g_date_time_to_utc(time);

    return g_date_time_format(utc, "%Y%m%dT%H%M%SZ");
}
