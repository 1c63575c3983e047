/* SPDX-License-Identifier: MIT */
/* solver-frame-private.h: one person's hard constraints as states over a window
 * of days (shared by the re-rostering of one person and the pair exchange). */
#ifndef ROTA_SOLVER_FRAME_PRIVATE_H
#define ROTA_SOLVER_FRAME_PRIVATE_H

#include "solver-private.h"

/*
 * A person's schedule over first..last is a walk through states, one per
 * day, each packed into 64 bits: the last day's shift, the length of the
 * current run of work or rest (and whether it started on the first day
 * of the horizon, which exempts it from the minima), the minutes and new
 * weekends worked in the window, and the counts of up to
 * ROTAP_FRAME_TRACKED shift types whose limit could bind (fewer on
 * windows longer than 64 days, whose counts need more bits).  The frame
 * holds what the days outside the window fix.
 */
#define ROTAP_FRAME_TRACKED 4

/* What stays fixed outside a window of one person's days, for one call. */
typedef struct {
    const RotapState *st;
    int person, first, last, n_shifts;
    int unit; /* minutes per unit of the minutes dimension */
    int minutes_out, min_minutes, max_minutes; /* in minutes */
    int weekends_out, max_weekends;
    int tracked[ROTAP_FRAME_TRACKED]; /* shift types whose counts are tracked */
    int residual[ROTAP_FRAME_TRACKED];
    guint64 banned; /* shift types at their limit already */
    guint64 pinned; /* binding types beyond those tracked: kept to their days */
    int n_tracked;
    int count_bits; /* bits per tracked count in a state */
    int max_cons, min_cons, min_off, run_cap;
    guint8 *we_out; /* per weekend: worked outside the window */
} RotapFrame;

/* Set up f for person over first..last, the total minutes free to leave
 * their limits by up to slack minutes either way; we_out has room for
 * one flag per weekend of the model and must outlive f. */
void rotap_frame_init(RotapFrame *f, const RotapState *state, int person, int first,
                      int last, int slack, guint8 *we_out);
/* Whether the window may give the person value on day at all (the
 * shift's type is not barred to the person, nor pinned to other days). */
gboolean rotap_frame_allows(const RotapFrame *f, int day, int value);
/* The state before the window's first day. */
guint64 rotap_frame_start(const RotapFrame *f);
/* The state after the person does value on day, or FALSE when that
 * breaks one of the person's hard constraints. */
gboolean rotap_frame_step(const RotapFrame *f, guint64 key, int day, int value,
                          guint64 *out);
/* Whether a state after the window's last day fits the days after it. */
gboolean rotap_frame_finish_ok(const RotapFrame *f, guint64 key);
/* The charge for the total minutes of a state after the window outside
 * their limits, as the search weighs it. */
gint64 rotap_frame_minutes_penalty(const RotapFrame *f, guint64 key);

/* The cover penalty of a cell holding n people (under and over only), as
 * the programmes charge it. */
gint64 rotap_cover_cost(const RotaModel *model, int cell, int n);

#endif /* ROTA_SOLVER_FRAME_PRIVATE_H */
