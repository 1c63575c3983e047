/* SPDX-License-Identifier: MIT */
/* swap.c: move one assignment to another person (rota swap), and who could take it. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "records-private.h"
#include "solver/solver-private.h"
#include "util-private.h"

/*
 * The evaluator judges: a move is refused when the new roster holds a hard
 * violation that the old one did not (compared as (constraint, day, shift,
 * segment, person, unit, duty) multisets), so a roster that already broke
 * a rule elsewhere can still be repaired by swaps.
 *
 * --suggest must answer in a blink on the county (3,000 people), where one
 * full evaluation takes about 100 ms: it loads the roster once into the
 * solver's incremental state (which agrees with the evaluator, see
 * tests/unit/check_incremental) and tries each candidate as two slot
 * changes.  A roster the state cannot hold (two duties of one person on a
 * day, an assignment outside every duty cell) is judged candidate by
 * candidate with the evaluator instead.
 */

struct _RotaSwapSuggestions {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    GArray *items; /* RotaSwapCandidate */
};

/**
 * rota_roster_find_assignment:
 * @roster: a roster
 * @day: a day of the horizon
 * @shift: a shift
 * @person: a person
 *
 * Looks up the assignment a person holds in a shift of a day, to name it
 * to rota_roster_swap() or rota_swap_suggest().  Day, shift and person are
 * 0-based indices of the roster's model.  The roster is searched from the
 * start (linear in its length); the first match wins.
 *
 * Returns: the index of @person's assignment of @shift on @day, or
 *   %ROTA_NOT_FOUND.
 * Since: 0.1
 */
int
rota_roster_find_assignment(const RotaRoster *roster, int day, int shift, int person)
{
    g_return_val_if_fail(roster != NULL, ROTA_NOT_FOUND);
    for (guint i = 0; i < roster->assignments->len; i++) {
        const RotaAssignment *a = &g_array_index(roster->assignments, RotaAssignment, i);

        if (a->day == day && a->shift == shift && a->person == person)
            return (int)i;
    }
    return ROTA_NOT_FOUND;
}

static gboolean
same_violation(const RotaViolation *a, const RotaViolation *b)
{
    return strcmp(a->constraint, b->constraint) == 0 && a->day == b->day &&
           a->shift == b->shift && a->segment == b->segment && a->person == b->person &&
           a->unit == b->unit && a->duty == b->duty;
}

/* The first hard violation of after that before does not have, or NULL. */
static const RotaViolation *
new_hard_violation(const RotaScore *before, const RotaScore *after)
{
    int n_before = rota_score_get_n_violations(before);
    g_autofree gboolean *used = g_new0(gboolean, MAX(n_before, 1));

    for (int i = 0; i < rota_score_get_n_violations(after); i++) {
        const RotaViolation *v = rota_score_get_violation(after, i);
        gboolean matched = FALSE;

        if (!v->hard)
            continue;
        for (int j = 0; j < n_before && !matched; j++) {
            const RotaViolation *w = rota_score_get_violation(before, j);

            if (!used[j] && w->hard && same_violation(v, w))
                matched = used[j] = TRUE;
        }
        if (!matched)
            return v;
    }
    return NULL;
}

static RotaRoster *
moved_copy(const RotaRoster *roster, int index, int to)
{
    RotaRoster *copy = rota_roster_copy(roster);

    g_array_index(copy->assignments, RotaAssignment, index).person = to;
    g_array_index(copy->assignments, RotaAssignment, index).locked = FALSE;
    rota_roster_sort(copy);
    return copy;
}

/**
 * rota_roster_swap:
 * @roster: a roster
 * @index: the assignment to move (rota_roster_find_assignment())
 * @to: the person who takes it over
 * @soft_change: (out) (optional): new soft score minus the old one
 * @error: return location for a #GError, or %NULL
 *
 * Gives assignment @index to @to when no hard constraint breaks that held
 * before.  Otherwise the move is refused with ROTA_ERROR_INVALID, naming
 * the rule, its date and the evaluator's explanation.
 *
 * Returns: (transfer full) (nullable): the new roster (sorted), or %NULL.
 * Since: 0.1
 */
RotaRoster *
rota_roster_swap(const RotaRoster *roster, int index, int to, gint64 *soft_change,
                 GError **error)
{
    const RotaModel *model;
    const RotaAssignment *a;
    g_autoptr(RotaRoster) copy = NULL;
    g_autoptr(RotaScore) before = NULL;
    g_autoptr(RotaScore) after = NULL;
    const RotaViolation *v;

    g_return_val_if_fail(roster != NULL, NULL);
    g_return_val_if_fail(index >= 0 && (guint)index < roster->assignments->len, NULL);
    model = roster->model;
    g_return_val_if_fail(to >= 0 && to < model->n_people, NULL);
    a = &g_array_index(roster->assignments, RotaAssignment, index);
    if (a->person == to) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID, _("%s already has this duty"),
                    model->people[to].id);
        return NULL;
    }
    copy = moved_copy(roster, index, to);
    before = rotap_score_new_without_messages(roster, NULL);
    after = rota_score_new(copy, NULL);
    v = new_hard_violation(before, after);
    if (v != NULL) {
        g_autofree char *date =
            v->day >= 0 ? rota_model_dup_date(model, v->day) : g_strdup("the horizon");

        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("refused: %s would break %s on %s: %s"), model->people[to].id,
                    v->constraint, date, v->message);
        return NULL;
    }
    if (soft_change != NULL)
        *soft_change = rota_score_get_soft(after) - rota_score_get_soft(before);
    return g_steal_pointer(&copy);
}

/* The solver's value of an assignment, or -1 when it has none. */
static int
value_of(const RotaModel *model, const RotaAssignment *a)
{
    int cell;

    if (a->duty == ROTA_DUTY_ONSITE)
        return model->onsite_shift == a->shift ? model->n_cells + a->segment : -1;
    cell = rotap_model_find_cell(model, a->duty, a->segment, a->day);
    return cell >= 0 && model->cells[cell].shift == a->shift ? cell : -1;
}

typedef struct {
    const RotaRoster *roster;
    int index;
    RotapSolverData *data; /* NULL: judge with the evaluator */
    RotapState *state;
    int *values;
    int value;
    RotaScore *before; /* the slow path's */
} Judge;

static void
judge_init(Judge *j, const RotaRoster *roster, int index)
{
    const RotaModel *model = roster->model;
    gboolean ok = TRUE;
    GError *error = NULL;

    memset(j, 0, sizeof *j);
    j->roster = roster;
    j->index = index;
    j->values = g_new(int, (gsize)model->n_people * model->n_days);
    for (gsize s = 0; s < (gsize)model->n_people * model->n_days; s++)
        j->values[s] = ROTAP_NONE;
    /* values[slot] is -2 for a slot holding what the state cannot. */
    for (guint i = 0; i < roster->assignments->len; i++) {
        const RotaAssignment *a = &g_array_index(roster->assignments, RotaAssignment, i);
        gsize slot = (gsize)a->person * model->n_days + a->day;
        int v = value_of(model, a);

        ok = ok && v >= 0 && j->values[slot] == ROTAP_NONE;
        j->values[slot] = j->values[slot] == ROTAP_NONE && v >= 0 ? v : -2;
    }
    j->value =
        value_of(model, &g_array_index(roster->assignments, RotaAssignment, index));
    /* rota_swap_suggest() has no error to report: a failure aborts */
    j->data = rotap_or_abort(rotap_solver_data_new(roster->model, NULL, &error), &error);
    if (ok) {
        j->state = rotap_or_abort(rotap_state_new(j->data, &error), &error);
        rotap_state_load(j->state, j->values);
    } else {
        j->before = rotap_score_new_without_messages(roster, NULL);
    }
}

static void
judge_clear(Judge *j)
{
    rotap_state_free(j->state);
    rotap_solver_data_free(j->data);
    rota_score_free(j->before);
    g_free(j->values);
}

/* The first hard term that grows, or -1; *added is the soft change. */
static int
judge_move(Judge *j, int to, gint64 *added)
{
    const RotaAssignment *a =
        &g_array_index(j->roster->assignments, RotaAssignment, j->index);
    int grown = -1;

    if (j->state != NULL) {
        RotapCost base = j->state->cost;

        rotap_state_set(j->state, a->person, a->day, ROTAP_NONE);
        rotap_state_set(j->state, to, a->day, j->value);
        for (int t = 0; t < ROTAP_TERM_UNCOVERED && grown < 0; t++)
            if (j->state->cost.count[t] > base.count[t])
                grown = t;
        *added = j->state->cost.soft - base.soft;
        rotap_state_set(j->state, to, a->day, ROTAP_NONE);
        rotap_state_set(j->state, a->person, a->day, j->value);
    } else {
        g_autoptr(RotaRoster) copy = moved_copy(j->roster, j->index, to);
        g_autoptr(RotaScore) after = rotap_score_new_without_messages(copy, NULL);

        for (int t = 0; t < ROTAP_TERM_UNCOVERED && grown < 0; t++)
            if (after->term_count[t] > j->before->term_count[t])
                grown = t;
        *added = after->soft - j->before->soft;
    }
    return grown;
}

/* Refusals nearest first: a limit or rest, one duty a day, off, eligibility. */
static int
reason_rank(const char *reason)
{
    if (strcmp(reason, "eligibility") == 0)
        return 3;
    if (strcmp(reason, "off") == 0)
        return 2;
    if (strcmp(reason, "double_booking") == 0)
        return 1;
    return 0;
}

static int
compare_candidates(gconstpointer pa, gconstpointer pb, gpointer model)
{
    const RotaSwapCandidate *a = pa, *b = pb;

    if (a->possible != b->possible)
        return a->possible ? -1 : 1;
    if (a->possible && a->added != b->added)
        return a->added < b->added ? -1 : 1;
    if (!a->possible && reason_rank(a->reason) != reason_rank(b->reason))
        return reason_rank(a->reason) - reason_rank(b->reason);
    return strcmp(((RotaModel *)model)->people[a->person].id,
                  ((RotaModel *)model)->people[b->person].id);
}

static void
consider(Judge *j, const guint8 *eligible, int q, GArray *out)
{
    const RotaModel *model = j->roster->model;
    const RotaAssignment *a =
        &g_array_index(j->roster->assignments, RotaAssignment, j->index);
    RotaSwapCandidate c = {q, FALSE, 0, NULL};
    int grown;

    if (!eligible[q])
        c.reason = "eligibility";
    else if (rotap_model_is_off(model, q, a->day, a->shift))
        c.reason = "off";
    else if (j->values[(gsize)q * model->n_days + a->day] != ROTAP_NONE)
        c.reason = "double_booking";
    if (c.reason == NULL) {
        grown = judge_move(j, q, &c.added);
        c.possible = grown < 0;
        c.reason = grown < 0 ? NULL : rotap_term_name((RotapTerm)grown);
    }
    g_array_append_val(out, c);
}

/**
 * rota_swap_suggest:
 * @roster: a roster
 * @index: the assignment whose person cannot make it
 * @max_possible: how many possible candidates to keep at most
 * @max_refused: how many refused ones to keep at most
 *
 * Tries everyone eligible for the assignment's duty and every member of
 * the unit owning its segment.  The possible ones come first, least added
 * soft penalty first (then by id); then the nearest refused ones (a limit
 * or rest first, then one duty a day, then off, then eligibility).
 *
 * Returns: (transfer full): the candidates; free with rota_swap_suggestions_free().
 * Since: 0.1
 */
RotaSwapSuggestions *
rota_swap_suggest(const RotaRoster *roster, int index, int max_possible, int max_refused)
{
    const RotaModel *model;
    const RotaAssignment *a;
    RotaSwapSuggestions *result;
    g_autofree guint8 *eligible = NULL;
    g_autofree guint8 *seen = NULL;
    g_autoptr(GArray) all = g_array_new(FALSE, FALSE, sizeof(RotaSwapCandidate));
    RotapEligible takers;
    int n_takers = 0, unit, n_possible = 0, n_refused = 0;
    Judge j;

    g_return_val_if_fail(roster != NULL, NULL);
    g_return_val_if_fail(index >= 0 && (guint)index < roster->assignments->len, NULL);
    model = roster->model;
    a = &g_array_index(roster->assignments, RotaAssignment, index);
    judge_init(&j, roster, index);
    eligible = g_new0(guint8, model->n_people);
    seen = g_new0(guint8, model->n_people);
    seen[a->person] = 1;
    if (j.value >= 0) {
        takers = rotap_value_takers(j.data, j.value);
        n_takers = takers.n_people;
        for (int k = 0; k < n_takers; k++)
            eligible[rotap_eligible_at(&takers, k)] = 1;
        for (int k = 0; k < n_takers; k++) {
            if (!seen[rotap_eligible_at(&takers, k)]++)
                consider(&j, eligible, rotap_eligible_at(&takers, k), all);
        }
    }
    unit = model->segments[a->segment].unit;
    for (int k = 0; unit >= 0 && k < model->units[unit].n_members; k++) {
        int q = model->units[unit].members[k];

        if (!seen[q]++)
            consider(&j, eligible, q, all);
    }
    judge_clear(&j);
    g_array_sort_with_data(all, compare_candidates, (gpointer)model);
    result = g_new0(RotaSwapSuggestions, 1);
    result->items = g_array_new(FALSE, FALSE, sizeof(RotaSwapCandidate));
    for (guint i = 0; i < all->len; i++) {
        const RotaSwapCandidate *c = &g_array_index(all, RotaSwapCandidate, i);

        if (c->possible ? n_possible++ < max_possible : n_refused++ < max_refused)
            g_array_append_val(result->items, *c);
    }
    return result;
}

/**
 * rota_swap_suggestions_free:
 * @suggestions: (nullable): suggestions
 *
 * Frees the suggestions and the candidates they lend; the reasons are
 * static strings and outlive them.  Does nothing when @suggestions is
 * %NULL.
 *
 * Since: 0.1
 */
void
rota_swap_suggestions_free(RotaSwapSuggestions *suggestions)
{
    if (suggestions == NULL)
        return;
    if (!rotap_extra_unref(&suggestions->extra_refs))
        return;
    g_array_unref(suggestions->items);
    g_free(suggestions);
}

/* The copy function of the boxed type: one more reference. */
static RotaSwapSuggestions *
box_swap_suggestions_ref(RotaSwapSuggestions *suggestions)
{
    rotap_extra_ref(&suggestions->extra_refs);
    return suggestions;
}

G_DEFINE_BOXED_TYPE(RotaSwapSuggestions, rota_swap_suggestions, box_swap_suggestions_ref, rota_swap_suggestions_free)

/**
 * rota_swap_suggestions_get_n:
 * @suggestions: suggestions
 *
 * Counts the candidates kept: at most the max_possible plus max_refused
 * given to rota_swap_suggest().
 *
 * Returns: the number of candidates.
 * Since: 0.1
 */
int
rota_swap_suggestions_get_n(const RotaSwapSuggestions *suggestions)
{
    g_return_val_if_fail(suggestions != NULL, 0);
    return (int)suggestions->items->len;
}

/**
 * rota_swap_suggestions_get:
 * @suggestions: suggestions
 * @index: 0 .. rota_swap_suggestions_get_n() - 1
 *
 * Gives one candidate, in the order to offer them: possible ones first
 * (least added soft penalty, then person id), then refused ones.
 *
 * Returns: (transfer none): the candidate, valid as long as @suggestions.
 * Since: 0.1
 */
const RotaSwapCandidate *
rota_swap_suggestions_get(const RotaSwapSuggestions *suggestions, int index)
{
    g_return_val_if_fail(suggestions != NULL, NULL);
    g_return_val_if_fail(index >= 0 && (guint)index < suggestions->items->len, NULL);
    return &g_array_index(suggestions->items, RotaSwapCandidate, index);
}
