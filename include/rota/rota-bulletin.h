/* SPDX-License-Identifier: MIT */
/* rota-bulletin.h: the bulletin (月通报, 红黑榜): what the records say per unit and
 * person. */
#ifndef ROTA_BULLETIN_H
#define ROTA_BULLETIN_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-records.h>

G_BEGIN_DECLS

/*
 * RotaBulletinUnit: one unit's figures for the period, a value type,
 * counted as docs/records.md says.  score is in hundredths (9850 = 98.5),
 * minutes is the work time of the unit's members (hours = minutes / 60).
 * The per-category arrays split the findings of the unit's segments.
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

/* RotaBulletinPerson: one person's service minutes in the period and in
 * all records up to the period's last day. */
typedef struct {
    int person;
    gint64 minutes;
    gint64 minutes_total;
} RotaBulletinPerson;

#define ROTA_TYPE_BULLETIN_PERSON (rota_bulletin_person_get_type())
GType rota_bulletin_person_get_type(void) G_GNUC_CONST;

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
