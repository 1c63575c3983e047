/* SPDX-License-Identifier: MIT */
/* rota-roster.h: a roster (who does which duty when), its files and grids. */
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

/* The duty index of an on-site assignment (duty id "onsite").  It is not
 * -1, so that -1 can keep meaning "no duty" wherever a duty is optional. */
#define ROTA_DUTY_ONSITE (-2)

/*
 * RotaAssignment: one person doing one duty on one day, all as model
 * indices.  A small value type: copy it freely.
 */
typedef struct {
    int day;
    int shift;
    int segment;
    int person;
    int duty; /* a duty index, or ROTA_DUTY_ONSITE */
    gboolean locked;
} RotaAssignment;

#define ROTA_TYPE_ASSIGNMENT (rota_assignment_get_type())
GType rota_assignment_get_type(void) G_GNUC_CONST;

/*
 * RotaRoster: a list of assignments against one model (held by reference).
 * A roster may break any rule (double bookings included): it records what
 * was decided, and the evaluator (rota-score.h) says what is wrong with it.
 * One owner (rota_roster_free()); assignments returned by
 * rota_roster_get_assignment() are borrowed until the roster changes.  A
 * roster is used by one thread at a time; reading functions never write
 * to it.  File format: docs/roster-json.md.
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
