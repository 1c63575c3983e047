/* SPDX-License-Identifier: MIT */
/* rota-roster.h: a roster (who does which duty when), its files and grids. */
/*
 * Ownership and threads: A roster has one owner (rota_roster_free()) and is used by
 * one thread at a time; several threads may read the same roster only if
 * none changes it.  It holds a reference to its model.  Borrowed: the
 * model (rota_roster_get_model()), assignments and strings returned by
 * getters, valid until the roster changes.  Caller's: rosters from _new*
 * and rota_roster_copy(), _to_data/_to_grid text and _dup_* arrays
 * (g_free()).  Its boxed GType (ROTA_TYPE_ROSTER) copies the roster;
 * RotaAssignment is a plain value (ROTA_TYPE_ASSIGNMENT copies it).
 */
#ifndef ROTA_ROSTER_H
#define ROTA_ROSTER_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-model.h>

G_BEGIN_DECLS

typedef struct _RotaScore RotaScore;

#define ROTA_TYPE_SCORE (rota_score_get_type())
GType rota_score_get_type(void) G_GNUC_CONST;

/**
 * ROTA_DUTY_ONSITE:
 *
 * The duty index of an on-site assignment: a unit's head (or a deputy)
 * doing the daily on-site hour at one of the unit's segments, written
 * with the duty id "onsite" in roster.json.  It is not one of the model's
 * duties 0 .. rota_model_get_n_duties() - 1, and it is not -1, so that -1
 * can keep meaning "no duty" wherever a duty is optional (for instance in
 * #RotaViolation).
 *
 * Since: 0.1
 */
#define ROTA_DUTY_ONSITE (-2)

/**
 * RotaAssignment:
 * @day: the day, a 0-based index of the model's horizon
 *   (rota_model_dup_date() gives its date)
 * @shift: the shift worked, a 0-based index of the model's shifts; for a
 *   duty it is the duty's shift, for an on-site assignment the shift of
 *   the on-site hour
 * @segment: where, a 0-based index of the model's segments
 * @person: who, a 0-based index of the model's people
 * @duty: the duty done, a 0-based index of the model's duties, or
 *   %ROTA_DUTY_ONSITE for the on-site hour
 * @locked: %TRUE when a re-solve that takes this roster as its previous
 *   one (rota_solver_set_previous()) must keep the assignment as it is;
 *   moving it is the hard violation "locked", and it stays locked in the
 *   new roster.  roster.json writes it as `"locked": true`
 *
 * One person doing one duty on one day at one segment, everything named
 * by its index in the roster's model.  A small value type: copy it
 * freely; rota_roster_get_assignment() lends one that lives until the
 * roster changes, rota_roster_add() copies the one it is given.
 *
 * Since: 0.1
 */
typedef struct {
    int day;
    int shift;
    int segment;
    int person;
    int duty;
    gboolean locked;
} RotaAssignment;

#define ROTA_TYPE_ASSIGNMENT (rota_assignment_get_type())
GType rota_assignment_get_type(void) G_GNUC_CONST;

/**
 * RotaRoster:
 *
 * A list of assignments against one model (held by reference).
 * A roster may break any rule (double bookings included): it records what
 * was decided, and the evaluator (rota-score.h) says what is wrong with it.
 * One owner (rota_roster_free()); assignments returned by
 * rota_roster_get_assignment() are borrowed until the roster changes.  A
 * roster is used by one thread at a time; reading functions never write
 * to it.  File format: docs/roster-json.md.
 *
 * Listing one person's duties:
 *
 * ```c
 * g_autoptr(RotaRoster) roster = rota_roster_new_from_file(model, "roster.json", &error);
 * int n = 0;
 * g_autofree int *found = rota_roster_dup_assignments_of_person(roster, person, &n);
 *
 * for (int i = 0; i < n; i++) {
 *     const RotaAssignment *a = rota_roster_get_assignment(roster, found[i]);
 *     g_autofree char *date = rota_model_dup_date(model, a->day);
 *     g_print("%s %s\n", date, rota_model_get_shift_id(model, a->shift));
 * }
 * ```
 */
typedef struct _RotaRoster RotaRoster;

#define ROTA_TYPE_ROSTER (rota_roster_get_type())
GType rota_roster_get_type(void) G_GNUC_CONST;

RotaRoster *rota_roster_new(RotaModel *model);
void rota_roster_free(RotaRoster *roster);
RotaRoster *rota_roster_copy(const RotaRoster *roster);
RotaModel *rota_roster_get_model(const RotaRoster *roster);

RotaRoster *rota_roster_new_from_file(RotaModel *model, const char *path, GError **error);
RotaRoster *rota_roster_new_from_data(RotaModel *model, const char *data, gsize length,
                                      const char *source, GError **error);
char *rota_roster_to_data(const RotaRoster *roster, const RotaScore *score,
                          gsize *length);
gboolean rota_roster_save(const RotaRoster *roster, const RotaScore *score,
                          const char *path, GError **error);

RotaRoster *rota_roster_new_from_grid_file(RotaModel *model, const char *path,
                                           GError **error);
RotaRoster *rota_roster_new_from_grid_data(RotaModel *model, const char *data,
                                           gsize length, const char *source,
                                           GError **error);
char *rota_roster_to_grid(const RotaRoster *roster, GError **error);
gboolean rota_roster_save_grid(const RotaRoster *roster, const char *path,
                               GError **error);

gboolean rota_roster_add(RotaRoster *roster, const RotaAssignment *assignment,
                         GError **error);
gboolean rota_roster_add_by_id(RotaRoster *roster, const char *date, const char *shift,
                               const char *segment, const char *person,
                               const char *duty, GError **error);
void rota_roster_sort(RotaRoster *roster);
int rota_roster_get_n_assignments(const RotaRoster *roster);
const RotaAssignment *rota_roster_get_assignment(const RotaRoster *roster, int index);

/* Lookups (since 0.2): new arrays of assignment indices, ascending and
 * followed by -1, for the caller to g_free(); valid until the roster
 * changes. */
int *rota_roster_dup_assignments_on_day(const RotaRoster *roster, int day, int *n_found);
int *rota_roster_dup_assignments_at_segment(const RotaRoster *roster, int segment,
                                            int *n_found);
int *rota_roster_dup_assignments_of_person(const RotaRoster *roster, int person,
                                           int *n_found);

void rota_roster_set_seed(RotaRoster *roster, guint64 seed);
guint64 rota_roster_get_seed(const RotaRoster *roster);
void rota_roster_set_solver_info(RotaRoster *roster, int threads, guint64 moves);
const char *rota_roster_get_model_sha256(const RotaRoster *roster);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaRoster, rota_roster_free)

G_END_DECLS

#endif
