/* SPDX-License-Identifier: MIT */
/* rota-score.h: the evaluator: every hard violation and soft penalty of a roster. */
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
