/* SPDX-License-Identifier: MIT */
/* util-date.c: strict parsing and formatting of model dates and times. */
#include "config.h"

#include "util-private.h"

/* Read exactly n ASCII digits at text; -1 if any is not a digit. */
static int
read_digits(const char *text, int n)
{
    int value = 0;

    for (int i = 0; i < n; i++) {
        if (!g_ascii_isdigit(text[i]))
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/*
 * Only the ISO 8601 calendar form YYYY-MM-DD is accepted: no time, no
 * week dates, no missing zeros, so that a date has one spelling and ids
 * derived from it are stable.
 */
gboolean
rotap_parse_date(const char *text, GDate *date)
{
    int year, month, day;

    if (text == NULL || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return FALSE;
    year = read_digits(text, 4);
    month = read_digits(text + 5, 2);
    day = read_digits(text + 8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1)
        return FALSE;
    if (!g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year))
        return FALSE;
    g_date_clear(date, 1);
    g_date_set_dmy(date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
    return TRUE;
}

char *
rotap_format_date(const GDate *date)
{
    return g_strdup_printf("%04u-%02u-%02u", (unsigned)g_date_get_year(date),
                           (unsigned)g_date_get_month(date),
                           (unsigned)g_date_get_day(date));
}

int
rotap_parse_time(const char *text, gboolean allow_24)
{
    int hours, minutes;

    if (text == NULL || strlen(text) != 5 || text[2] != ':')
        return -1;
    hours = read_digits(text, 2);
    minutes = read_digits(text + 3, 2);
    if (hours < 0 || minutes < 0 || minutes > 59)
        return -1;
    if (hours == 24 && minutes == 0 && allow_24)
        return 24 * 60;
    if (hours > 23)
        return -1;
    return hours * 60 + minutes;
}
