/* SPDX-License-Identifier: MIT */
/* rota-score.h: the evaluator: every hard violation and soft penalty of a roster. */
/*
 * Ownership and threads: A score is computed once by rota_score_new() and never
 * changes: the caller owns it (rota_score_free()) and it may be read from
 * several threads at once.  It keeps a reference to the model, not to the
 * rosters it was made from.
 * Violations, term names and messages are borrowed from the score;
 * rota_score_to_json() returns text for the caller (g_free()).  A boxed
 * copy (ROTA_TYPE_SCORE) is a reference; a copied RotaViolation still
 * borrows its strings from the score, which must outlive it.
 */
#ifndef ROTA_SCORE_H
#define ROTA_SCORE_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-model.h>
#include <rota/rota-roster.h>

G_BEGIN_DECLS

/**
 * RotaViolation:
 * @constraint: the constraint's name, one of the names listed in
 *   docs/model-json.md, "Constraint names": a hard one such as "off",
 *   "double_booking" or "max_consecutive", or a soft one, named after its
 *   weight, such as "uncovered", "request" or "fairness"
 * @hard: %TRUE for a breach of a hard rule (the roster is not feasible
 *   while there is one), %FALSE for a soft penalty
 * @penalty: what a soft violation costs, in the units of the model's
 *   weights (always more than 0); 0 for a hard violation
 * @day: the day concerned, a 0-based index of the horizon, or -1; for a
 *   duty cell it is the first due day of the cell's window, for a run of
 *   days or an ISO week its first day
 * @shift: the shift concerned, a 0-based index of the model's shifts, or -1
 * @segment: the segment concerned, a 0-based index of the model's
 *   segments, or -1
 * @person: the person concerned, a 0-based index of the model's people,
 *   or -1 (as for an empty place, which belongs to nobody)
 * @unit: the unit concerned, a 0-based index of the model's units, or -1;
 *   set for the on-site rules and for "fairness"
 * @duty: the duty concerned: a 0-based index of the model's duties,
 *   %ROTA_DUTY_ONSITE for the on-site hour, or -1 for none
 * @message: the explanation for people, in English, with the names and
 *   dates filled in
 * @message_zh: the same explanation in Chinese
 *
 * One hard violation or soft penalty, as the evaluator found it.  Indices
 * refer to the model of the scored roster; the ones that do not apply to
 * the constraint are -1.  A value type, lent by rota_score_get_violation():
 * its strings are borrowed from the #RotaScore and live as long as it
 * does, also in a copy of the struct.
 *
 * Since: 0.1
 */
typedef struct {
    const char *constraint;
    gboolean hard;
    gint64 penalty;
    int day;
    int shift;
    int segment;
    int person;
    int unit;
    int duty;
    const char *message;
    const char *message_zh;
} RotaViolation;

#define ROTA_TYPE_VIOLATION (rota_violation_get_type())
GType rota_violation_get_type(void) G_GNUC_CONST;

/**
 * RotaScore:
 *
 * The evaluator's verdict on one roster: every hard violation and
 * soft penalty, per constraint name (terms) and one by one
 * (#RotaViolation).
 *
 * Printing the hard violations of a roster:
 *
 * ```c
 * g_autoptr(RotaScore) score = rota_score_new(roster, NULL);
 *
 * g_print("hard %d soft %" G_GINT64_FORMAT "\n", rota_score_get_hard(score),
 *         rota_score_get_soft(score));
 * for (int i = 0; i < rota_score_get_n_violations(score); i++) {
 *     const RotaViolation *v = rota_score_get_violation(score, i);
 *     if (v->hard)
 *         g_print("%s: %s\n", v->constraint, v->message);
 * }
 * ```
 */
RotaScore *rota_score_new(const RotaRoster *roster, const RotaRoster *previous);
void rota_score_free(RotaScore *score);

int rota_score_get_hard(const RotaScore *score);
gint64 rota_score_get_soft(const RotaScore *score);

/* Terms: one per constraint name that occurs, in the order of docs/model-json.md,
 * "Constraint names"
 * (hard names first).  count is the number of violations of that name. */
int rota_score_get_n_terms(const RotaScore *score);
const char *rota_score_get_term_name(const RotaScore *score, int term);
int rota_score_get_term_count(const RotaScore *score, int term);
gint64 rota_score_get_term_penalty(const RotaScore *score, int term);

int rota_score_get_n_violations(const RotaScore *score);
const RotaViolation *rota_score_get_violation(const RotaScore *score, int index);

char *rota_score_to_json(const RotaScore *score);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaScore, rota_score_free)

G_END_DECLS

#endif
