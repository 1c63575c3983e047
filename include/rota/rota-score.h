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

/*
 * RotaViolation: one named breach, as the evaluator found it.  Fields that
 * do not apply are -1 (indices) or NULL.  Strings are borrowed from the
 * RotaScore and live as long as it does.
 */
typedef struct {
    const char *constraint; /* "uncovered", "max_consecutive", ... (docs/model-json.md) */
    gboolean hard;
    gint64 penalty;   /* 0 for hard violations */
    int day;
    int shift;
    int segment;
    int person;
    int unit;
    int duty;         /* a duty index, ROTA_DUTY_ONSITE, or -1 for none */
    const char *message;    /* English */
    const char *message_zh; /* Chinese */
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
