/* SPDX-License-Identifier: MIT */
/* roster-private.h: the roster's fields, shared by the roster's readers and writers. */
#ifndef ROTA_ROSTER_PRIVATE_H
#define ROTA_ROSTER_PRIVATE_H

#include "model-private.h"

struct _RotaRoster {
    RotaModel *model;        /* a reference */
    GArray *assignments;     /* RotaAssignment */
    guint64 seed;
    gboolean has_solver_info;
    int threads;
    guint64 moves;
    gboolean has_bound; /* the solver proved a lower bound on the soft score */
    gint64 bound;
    char *model_sha256;      /* as read from a roster file, or NULL */
};

/* The order of docs/roster-json.md: date, shift start, shift id, segment id, person id. */
int rotap_assignment_compare(const RotaAssignment *a, const RotaAssignment *b,
                             const RotaModel *model);

/* Resolve the ids of one assignment (duty "onsite" = ROTA_DUTY_ONSITE, not
 * locked) without checking that they form a duty cell (rota_roster_add
 * does).  On failure *field names the offending key ("date", "shift",
 * "segment", "person" or "duty") and the message reads e.g.
 * `unknown person "P9"` or `2027-01-05 is outside the horizon A..B`. */
gboolean rotap_roster_resolve(const RotaModel *model, const char *date,
                              const char *shift, const char *segment,
                              const char *person, const char *duty,
                              RotaAssignment *out, const char **field, GError **error);

#endif
