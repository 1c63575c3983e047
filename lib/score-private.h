/* SPDX-License-Identifier: MIT */
/* score-private.h: the evaluator's internals, shared by its files and the roster writer. */
#ifndef ROTA_SCORE_PRIVATE_H
#define ROTA_SCORE_PRIVATE_H

#include "roster-private.h"

/* Append the roster file's "score" object ({"hard", "soft", "terms"}) and
 * its "violations" array, laid out as roster-json.c writes them (each term
 * and each violation one line, indented by indent spaces). */
void rotap_score_append_json(GString *out, const RotaScore *score, int indent);
void rotap_violations_append_json(GString *out, const RotaScore *score, int indent);

#endif
