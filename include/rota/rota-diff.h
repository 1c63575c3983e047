/* SPDX-License-Identifier: MIT */
/* rota-diff.h: what changed between two rosters, per person, to notify exactly those
 * affected. */
/*
 * Ownership and threads: A diff is immutable once made: the caller owns it
 * (rota_roster_diff_free()) and it may be read from several threads.
 * Changes and their strings are borrowed from the diff (a copied
 * RotaChange still borrows them); the model of rota_roster_diff_get_model()
 * is borrowed; rota_roster_diff_to_json() returns text for the caller.
 */
#ifndef ROTA_DIFF_H
#define ROTA_DIFF_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-model.h>
#include <rota/rota-roster.h>

G_BEGIN_DECLS

/**
 * RotaChangeKind:
 * @ROTA_CHANGE_ADDED: the person has a duty on that date that the old
 *   roster did not give them (only the new shift and segment are set)
 * @ROTA_CHANGE_REMOVED: the person no longer has a duty of the old roster
 *   (only the old shift and segment are set)
 * @ROTA_CHANGE_MOVED: the person keeps the duty on that date but at
 *   another shift or segment (old and new are both set)
 *
 * What happened to one of a person's duties between two rosters (see
 * #RotaRosterDiff for how assignments are paired).  The JSON of
 * rota_roster_diff_to_json() writes the kinds as "added", "removed" and
 * "moved".
 *
 * Since: 0.1
 */
typedef enum {
    ROTA_CHANGE_ADDED,
    ROTA_CHANGE_REMOVED,
    ROTA_CHANGE_MOVED
} RotaChangeKind;

/**
 * RotaChange:
 * @kind: added, removed or moved
 * @person: the person's id
 * @date: the day, "YYYY-MM-DD"
 * @duty: the duty's id, "onsite" for the on-site hour
 * @old_shift: the shift id in the old roster; %NULL for
 *   %ROTA_CHANGE_ADDED
 * @old_segment: the segment id in the old roster; %NULL for
 *   %ROTA_CHANGE_ADDED
 * @new_shift: the shift id in the new roster; %NULL for
 *   %ROTA_CHANGE_REMOVED
 * @new_segment: the segment id in the new roster; %NULL for
 *   %ROTA_CHANGE_REMOVED
 *
 * One change of one person's duties, named by ids as roster.json names
 * them (a diff needs no model), so that the person concerned can be told
 * exactly what changed.  A value type lent by rota_roster_diff_get_change();
 * its strings are borrowed from the #RotaRosterDiff and live as long as
 * it does, also in a copy of the struct.
 *
 * Since: 0.1
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

/**
 * RotaRosterDiff:
 *
 * What changed between two rosters, person by person: a sorted list of
 * #RotaChange and its counts, made by rota_roster_diff_new() from two
 * rosters in memory or by rota_roster_diff_new_from_files() from two
 * roster.json files, and written as JSON by rota_roster_diff_to_json().
 * The coordinators use it to notify exactly the people whose duties
 * changed after a re-solve.  Immutable once made; one owner
 * (rota_roster_diff_free()); it may be read from several threads.
 *
 * A diff compares the two rosters as lists of id tuples (date, shift,
 * segment, person, duty), so it needs no model: roster.json carries ids.
 * The "locked" flag is not a change of duty and is ignored.
 * Assignments present in both rosters (as many times as they occur in
 * both) are unchanged.  Of the rest, an old and a new assignment of the
 * same person, date and duty are paired as %ROTA_CHANGE_MOVED (to another
 * shift or segment); pairs form in (shift id, segment id) order on both
 * sides.  What is left unpaired is %ROTA_CHANGE_REMOVED (old only) or
 * %ROTA_CHANGE_ADDED (new only).
 *
 * Since: 0.1
 */
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
