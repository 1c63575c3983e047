/* SPDX-License-Identifier: MIT */
/* rota-diff.h: what changed between two rosters, per person, to notify exactly those
 * affected. */
#ifndef ROTA_DIFF_H
#define ROTA_DIFF_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-model.h>
#include <rota/rota-roster.h>

G_BEGIN_DECLS

/*
 * A roster diff compares two rosters as lists of id tuples (date, shift,
 * segment, person, duty), so it needs no model: roster.json carries ids.
 * The "locked" flag is not a change of duty and is ignored.
 *
 * Classification: assignments present in both rosters (as many times as
 * they occur in both) are unchanged.  Of the rest, an old and a new
 * assignment of the same person, date and duty are paired as MOVED (to
 * another shift or segment); pairs form in (shift id, segment id) order
 * on both sides.  What is left unpaired is REMOVED (old only) or ADDED
 * (new only).
 */
typedef enum {
    ROTA_CHANGE_ADDED,
    ROTA_CHANGE_REMOVED,
    ROTA_CHANGE_MOVED
} RotaChangeKind;

/*
 * RotaChange: one change of one person's duties; a value type whose
 * strings are borrowed from the RotaRosterDiff.  old_shift and old_segment
 * are NULL for ADDED, new_shift and new_segment NULL for REMOVED.
 */
typedef struct {
    RotaChangeKind kind;
    const char *person;
    const char *date;
    const char *duty;
    const char *old_shift;
    const char *old_segment;
    const char *new_shift;
    const char *new_segment;
} RotaChange;

#define ROTA_TYPE_CHANGE (rota_change_get_type())
GType rota_change_get_type(void) G_GNUC_CONST;

typedef struct _RotaRosterDiff RotaRosterDiff;

#define ROTA_TYPE_ROSTER_DIFF (rota_roster_diff_get_type())
GType rota_roster_diff_get_type(void) G_GNUC_CONST;

RotaRosterDiff *rota_roster_diff_new(const RotaRoster *old_roster,
                                     const RotaRoster *new_roster);
RotaRosterDiff *rota_roster_diff_new_from_data(RotaModel *model, const char *old_data,
                                               gsize old_length, const char *old_source,
                                               const char *new_data, gsize new_length,
                                               const char *new_source, GError **error);
RotaRosterDiff *rota_roster_diff_new_from_files(RotaModel *model, const char *old_path,
                                                const char *new_path, GError **error);
void rota_roster_diff_free(RotaRosterDiff *diff);

RotaModel *rota_roster_diff_get_model(const RotaRosterDiff *diff);
const char *rota_roster_diff_get_old_sha256(const RotaRosterDiff *diff);
const char *rota_roster_diff_get_new_sha256(const RotaRosterDiff *diff);

int rota_roster_diff_get_n_changes(const RotaRosterDiff *diff);
const RotaChange *rota_roster_diff_get_change(const RotaRosterDiff *diff, int index);
int rota_roster_diff_get_n_people(const RotaRosterDiff *diff);
int rota_roster_diff_get_n_added(const RotaRosterDiff *diff);
int rota_roster_diff_get_n_removed(const RotaRosterDiff *diff);
int rota_roster_diff_get_n_moved(const RotaRosterDiff *diff);

char *rota_roster_diff_to_json(const RotaRosterDiff *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaRosterDiff, rota_roster_diff_free)

G_END_DECLS

#endif
