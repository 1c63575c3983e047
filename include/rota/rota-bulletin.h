/* SPDX-License-Identifier: MIT */
/* rota-bulletin.h: the bulletin (月通报, 红黑榜): what the records say per unit and
 * person. */
/*
 * Ownership and threads: A bulletin is computed once and never changes: the caller owns
 * it (rota_bulletin_free()), it may be read from several threads, and it
 * holds a reference to its model.  Units and people returned by getters
 * and the period strings are borrowed; _to_json/_to_csv/_to_html text is
 * the caller's (g_free()).
 */
#ifndef ROTA_BULLETIN_H
#define ROTA_BULLETIN_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-records.h>

G_BEGIN_DECLS

/**
 * RotaBulletinUnit:
 * @unit: the unit, 0-based index of the model's units
 * @rank: the competition rank by score, 1 for the best (equal scores share
 *   a rank: 1, 1, 3)
 * @score: the rubric's score in hundredths of a point (9850 = 98.5): base
 *   minus the three capped groups of deductions, never below 0
 * @onsite_required: the unit's required on-site days (马路办公) in the
 *   period; 0 for a unit without segments
 * @onsite_head: required on-site days the unit's head did (the head's entry
 *   done or late, or the head substituting)
 * @onsite_deputy: required on-site days a deputy did and the head did not
 * @onsite_missed: required on-site days neither the head nor a deputy
 *   did, days without any entry included (the record is the proof)
 * @assigned: the unit's members' assignments in the period, on-site duties
 *   not included
 * @done: of @assigned, those recorded %ROTA_STATUS_DONE
 * @late: of @assigned, those recorded %ROTA_STATUS_LATE
 * @absent: of @assigned, those recorded %ROTA_STATUS_ABSENT
 * @excused: of @assigned, those recorded %ROTA_STATUS_EXCUSED
 * @substituted: of @assigned, those recorded %ROTA_STATUS_SUBSTITUTED
 * @unrecorded: of @assigned, those without an attendance entry
 * @minutes: the work time of the unit's members in the period, in minutes
 *   (hours = minutes / 60), on-site and unscheduled work included; work
 *   done as a substitute counts for the substitute's unit
 * @found: findings found in the period on the unit's segments
 * @closed_in_time: of @found, those closed by their deadline and by the
 *   period's end
 * @closed_late: of @found, those closed after their deadline, by the
 *   period's end
 * @open_overdue: of @found, those not closed by the period's end whose
 *   deadline had passed by then
 * @open: of @found, those not closed by the period's end and not yet due
 * @category_found: @found split by #RotaCategory (index: the category)
 * @category_in_time: @closed_in_time split by #RotaCategory
 * @category_late: @closed_late split by #RotaCategory
 * @category_overdue: @open_overdue split by #RotaCategory
 * @red: %TRUE when the unit is on the red list (红榜) of the rubric
 * @black: %TRUE when the unit is on the black list (黑榜); never together
 *   with @red
 *
 * One unit's figures for the bulletin's period, a value type, counted as
 * docs/records.md says ("How the bulletin counts").  The period ends at
 * midnight after its last day, in the model's time zone.
 */
typedef struct {
    int unit;
    int rank;
    gint64 score;
    int onsite_required, onsite_head, onsite_deputy, onsite_missed;
    int assigned, done, late, absent, excused, substituted, unrecorded;
    gint64 minutes;
    int found, closed_in_time, closed_late, open_overdue, open;
    int category_found[ROTA_N_CATEGORIES];
    int category_in_time[ROTA_N_CATEGORIES];
    int category_late[ROTA_N_CATEGORIES];
    int category_overdue[ROTA_N_CATEGORIES];
    gboolean red, black;
} RotaBulletinUnit;

#define ROTA_TYPE_BULLETIN_UNIT (rota_bulletin_unit_get_type())
GType rota_bulletin_unit_get_type(void) G_GNUC_CONST;

/**
 * RotaBulletinPerson:
 * @person: the person, 0-based index of the model's people
 * @minutes: the person's work time in the period, in minutes: recorded
 *   minutes, else the shift's length for done, late and substituted
 *   entries (work done as a substitute is credited to the substitute)
 * @minutes_total: the same over all records up to the period's last day,
 *   since records began
 *
 * One person's service time in a bulletin, a value type.  The bulletin
 * lists everyone with an attendance entry or credited work in the period.
 */
typedef struct {
    int person;
    gint64 minutes;
    gint64 minutes_total;
} RotaBulletinPerson;

#define ROTA_TYPE_BULLETIN_PERSON (rota_bulletin_person_get_type())
GType rota_bulletin_person_get_type(void) G_GNUC_CONST;

/**
 * RotaBulletin:
 *
 * The bulletin of a period (a day, a week, a month): the records counted
 * per unit and person, the units scored by the model's assessment rubric
 * (#RotaAssess), ranked and put on the red and black lists (红黑榜).  It is
 * computed once by rota_bulletin_new(), never changes, may be read from
 * several threads and holds a reference to its model.  Written as JSON
 * ("rota-bulletin" version 1), CSV for Excel, or a printable Chinese HTML
 * page per unit (docs/records.md).
 */
typedef struct _RotaBulletin RotaBulletin;

#define ROTA_TYPE_BULLETIN (rota_bulletin_get_type())
GType rota_bulletin_get_type(void) G_GNUC_CONST;

RotaBulletin *rota_bulletin_new(const RotaRecords *records, const RotaRoster *roster,
                                const char *from, const char *to, GError **error);
void rota_bulletin_free(RotaBulletin *bulletin);
const char *rota_bulletin_get_from(const RotaBulletin *bulletin);
const char *rota_bulletin_get_to(const RotaBulletin *bulletin);
int rota_bulletin_get_n_units(const RotaBulletin *bulletin);
const RotaBulletinUnit *rota_bulletin_get_unit(const RotaBulletin *bulletin, int index);
int rota_bulletin_get_n_people(const RotaBulletin *bulletin);
const RotaBulletinPerson *rota_bulletin_get_person(const RotaBulletin *bulletin,
                                                   int index);
char *rota_bulletin_to_json(const RotaBulletin *bulletin);
char *rota_bulletin_to_csv(const RotaBulletin *bulletin, gsize *length);
char *rota_bulletin_to_html(const RotaBulletin *bulletin);
gboolean rota_bulletin_save(const RotaBulletin *bulletin, const char *dir,
                            GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaBulletin, rota_bulletin_free)

G_END_DECLS

#endif
