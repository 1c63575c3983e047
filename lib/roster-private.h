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
    char *model_sha256;      /* as read from a roster file, or NULL */
};

/* The DESIGN.md §3 order: date, shift start, shift id, segment id, person id. */
int rotap_assignment_compare(const RotaAssignment *a, const RotaAssignment *b,
                             const RotaModel *model);

#endif
