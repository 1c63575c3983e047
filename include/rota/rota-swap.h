/* SPDX-License-Identifier: MIT */
/* rota-swap.h: move one assignment to another person, never making a hard breach. */
/*
 * Ownership and threads: rota_roster_swap() returns a new roster the caller owns and
 * leaves its argument alone; suggestions are immutable, owned by the caller
 * (rota_swap_suggestions_free()), and their candidates and reasons are
 * borrowed from them.  Both only read the roster: several threads may
 * suggest on one roster at once if none changes it.
 */
#ifndef ROTA_SWAP_H
#define ROTA_SWAP_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-roster.h>

G_BEGIN_DECLS

/**
 * RotaSwapCandidate:
 * @person: the candidate, 0-based index of the model's people
 * @possible: %TRUE when the candidate can take the assignment over without
 *   breaking a hard constraint that held before
 * @added: the soft penalty the move adds, in the evaluator's units
 *   (negative when it saves some); meaningful when @possible
 * @reason: (nullable): the hard constraint the move would break ("off",
 *   "eligibility", "double_booking" for one duty a day, "min_rest",
 *   "max_shifts_week", ... as docs/concepts.md names them), a static
 *   string; %NULL when @possible
 *
 * One person who could or could not take an assignment over, a value type
 * returned by rota_swap_suggestions_get().
 */
typedef struct {
    int person;
    gboolean possible;
    gint64 added;
    const char *reason;
} RotaSwapCandidate;

#define ROTA_TYPE_SWAP_CANDIDATE (rota_swap_candidate_get_type())
GType rota_swap_candidate_get_type(void) G_GNUC_CONST;

/**
 * RotaSwapSuggestions:
 *
 * The people rota_swap_suggest() tried for one assignment, in the order
 * to offer them: the possible candidates first, least added soft penalty
 * first, then the nearest refused ones with the rule each would break.
 * Immutable once made; owned by the caller (rota_swap_suggestions_free()).
 */
typedef struct _RotaSwapSuggestions RotaSwapSuggestions;

#define ROTA_TYPE_SWAP_SUGGESTIONS (rota_swap_suggestions_get_type())
GType rota_swap_suggestions_get_type(void) G_GNUC_CONST;

int rota_roster_find_assignment(const RotaRoster *roster, int day, int shift, int person);
RotaRoster *rota_roster_swap(const RotaRoster *roster, int index, int to,
                             gint64 *soft_change, GError **error);
RotaSwapSuggestions *rota_swap_suggest(const RotaRoster *roster, int index,
                                       int max_possible, int max_refused);
void rota_swap_suggestions_free(RotaSwapSuggestions *suggestions);
int rota_swap_suggestions_get_n(const RotaSwapSuggestions *suggestions);
const RotaSwapCandidate *rota_swap_suggestions_get(const RotaSwapSuggestions *suggestions,
                                                   int index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaSwapSuggestions, rota_swap_suggestions_free)

G_END_DECLS

#endif
