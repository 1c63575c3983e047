/* SPDX-License-Identifier: MIT */
/* views-private.h: what the workbook, the CSV and the site share: a roster indexed for
 * reading. */
#ifndef ROTA_VIEWS_PRIVATE_H
#define ROTA_VIEWS_PRIVATE_H

#include "roster-private.h"

/*
 * RotapView: a roster's assignments sorted (docs/roster-json.md order) and
 * indexed by day, by (person, day) and by cell, with the figures every
 * view prints: per person duties and minutes (on-site hours apart, as
 * fairness counts them), per unit and day who was on site, per cell how
 * many places are filled.  Built once per export; borrows the roster.
 */
typedef enum {
    ROTAP_ONSITE_NONE,   /* not an on-site day, or the unit owns no segment */
    ROTAP_ONSITE_HEAD,   /* the head was on site */
    ROTAP_ONSITE_DEPUTY, /* a deputy stood in */
    ROTAP_ONSITE_OTHER,  /* somebody else (a hard violation) */
    ROTAP_ONSITE_MISSING /* nobody */
} RotapOnsite;

typedef struct {
    const RotaModel *model;
    const RotaRoster *roster;
    RotaAssignment *a; /* sorted copy */
    int n;
    int *day_start;     /* n_days + 1 offsets into a */
    int *person_day;    /* n_people * n_days: first assignment, or -1 */
    int *next_same;     /* n: the next assignment of the same person and day, or -1 */
    int *duties;        /* n_people: assignments other than on-site */
    int *minutes;       /* n_people: their minutes */
    int *onsite;        /* n_people: on-site assignments */
    int *onsite_person; /* n_days * n_units: the first on-site person, or -1 */
    int *cell_count;    /* n_cells: assignments in the cell */
    int *day_wanted;    /* n_days: places of one-day cells wanted that day */
    int *day_filled;    /* n_days: of those, filled (at most min per cell) */
    int week_wanted, week_filled; /* the same over weekly cells */
    int *unit_uncovered;          /* n_units: places missing at the unit's segments */
    char **shift_short;           /* n_shifts: the shortest unique prefix of the name */
} RotapView;

RotapView *rotap_view_new(const RotaRoster *roster);
void rotap_view_free(RotapView *view);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotapView, rotap_view_free)

/* The person on site for unit on day, and how (see RotapOnsite). */
RotapOnsite rotap_view_onsite(const RotapView *view, int unit, int day, int *person);

/* The name of a duty index (or ROTA_DUTY_ONSITE: the on-site shift's). */
const char *rotap_view_duty_name(const RotaModel *model, int duty, int shift);
const char *rotap_view_duty_id(const RotaModel *model, int duty);
/* "一" .. "日" for weekday 1..7. */
const char *rotap_view_weekday(int weekday);
/* "休" for a holiday on Monday to Friday, "班" for a make-up workday on a
 * weekend, else NULL. */
const char *rotap_view_day_mark(const RotaModel *model, int day);
/* Weekends and holidays (not make-up workdays): shaded in grids. */
gboolean rotap_view_is_restday(const RotaModel *model, int day);
/* "HH:MM" of minutes after midnight (24:00 allowed). */
void rotap_view_format_time(char out[6], int minutes);
/* The role of a person in their unit: 一把手, 副职 or "" (static). */
const char *rotap_view_role(const RotaModel *model, int person);
/* The person's tags in Chinese where known (党员, 志愿者, 督查员), joined by 、. */
char *rotap_view_dup_tags(const RotaModel *model, int person);
/* Minimum and maximum duty minutes among the unit's fairness members;
 * FALSE when it has none. */
gboolean rotap_view_unit_spread(const RotapView *view, int unit, int *min, int *max);

#endif
