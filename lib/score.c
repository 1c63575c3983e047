/* SPDX-License-Identifier: MIT */
/* score.c: the evaluator's entry points: indexing a roster, ordering and totalling
 * violations. */
#include "config.h"

#include <string.h>

#include "score-private.h"

static const char *const term_names[ROTAP_N_TERMS] = {
    "off",
    "eligibility",
    "double_booking",
    "over_max",
    "min_rest",
    "forbidden_succession",
    "max_shifts",
    "min_minutes",
    "max_minutes",
    "max_shifts_week",
    "max_minutes_week",
    "min_consecutive",
    "max_consecutive",
    "min_days_off",
    "max_weekends",
    "onsite_missing",
    "onsite_unstaffed",
    "onsite_extra",
    "locked",
    "uncovered",
    "over",
    "quota",
    "deputy_onsite",
    "request",
    "fairness",
    "change",
};

const char *
rotap_term_name(RotapTerm term)
{
    g_return_val_if_fail(term >= 0 && term < ROTAP_N_TERMS, NULL);
    return term_names[term];
}

RotapFinding *
rotap_score_record(RotapScoreCtx *ctx, RotapTerm term, gint64 penalty)
{
    RotapFinding finding = {0};

    finding.v.constraint = term_names[term];
    finding.v.hard = ROTAP_TERM_IS_HARD(term);
    finding.v.penalty = penalty;
    finding.v.day = -1;
    finding.v.shift = -1;
    finding.v.segment = -1;
    finding.v.person = -1;
    finding.v.unit = -1;
    finding.v.duty = -1;
    finding.term = term;
    finding.seq = (int)ctx->findings->len;
    g_array_append_val(ctx->findings, finding);
    return &g_array_index(ctx->findings, RotapFinding, ctx->findings->len - 1);
}

RotapFinding *
rotap_score_record_assignment(RotapScoreCtx *ctx, RotapTerm term, gint64 penalty,
                              const RotaAssignment *a)
{
    RotapFinding *finding = rotap_score_record(ctx, term, penalty);

    finding->v.day = a->day;
    finding->v.shift = a->shift;
    finding->v.segment = a->segment;
    finding->v.person = a->person;
    finding->v.duty = a->duty;
    finding->onsite_duty = a->duty == ROTA_DUTY_ONSITE;
    return finding;
}

/* ------------------------------------------------------------ indexing */

/*
 * Ranks that make the order inside one (person, day) independent of the
 * roster's order: shifts by start time then id, segments by id (DESIGN.md
 * §3 sorts assignments the same way).
 */
typedef struct {
    const RotaModel *model;
    int *shift_rank;
    int *segment_rank;
} Ranks;

static int
compare_shift_order(gconstpointer pa, gconstpointer pb, gpointer data)
{
    const RotaModel *model = data;
    const RotapShift *a = &model->shifts[*(const int *)pa];
    const RotapShift *b = &model->shifts[*(const int *)pb];

    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return strcmp(a->id, b->id);
}

static int
compare_segment_order(gconstpointer pa, gconstpointer pb, gpointer data)
{
    const RotaModel *model = data;

    return strcmp(model->segments[*(const int *)pa].id,
                  model->segments[*(const int *)pb].id);
}

static int *
make_ranks(const RotaModel *model, int n, GCompareDataFunc compare)
{
    g_autofree int *order = g_new(int, MAX(n, 1));
    int *rank = g_new(int, MAX(n, 1));

    for (int i = 0; i < n; i++)
        order[i] = i;
    g_qsort_with_data(order, n, sizeof(int), compare, (gpointer)model);
    for (int i = 0; i < n; i++)
        rank[order[i]] = i;
    return rank;
}

static int
compare_in_day(const Ranks *ranks, const RotaAssignment *a, const RotaAssignment *b)
{
    if (a->shift != b->shift)
        return ranks->shift_rank[a->shift] < ranks->shift_rank[b->shift] ? -1 : 1;
    if (a->segment != b->segment)
        return ranks->segment_rank[a->segment] < ranks->segment_rank[b->segment] ? -1 : 1;
    if (a->duty != b->duty)
        return a->duty < b->duty ? -1 : 1;
    return 0;
}

/* Insertion sort of each (person, day) group: groups hold one or two. */
static void
sort_groups(RotapPersonDays *pd, gsize n_groups, const Ranks *ranks)
{
    for (gsize g = 0; g < n_groups; g++) {
        int begin = pd->start[g], end = pd->start[g + 1];

        for (int i = begin + 1; i < end; i++) {
            int item = pd->list[i], j = i;

            while (j > begin &&
                   compare_in_day(ranks, &pd->asg[pd->list[j - 1]], &pd->asg[item]) > 0) {
                pd->list[j] = pd->list[j - 1];
                j--;
            }
            pd->list[j] = item;
        }
    }
}

/* A counting sort by person * n_days + day: linear in the roster and model. */
static void
person_days_build(RotapPersonDays *pd, const RotaRoster *roster, const Ranks *ranks)
{
    const RotaModel *model = roster->model;
    gsize n_groups = (gsize)model->n_people * model->n_days;

    pd->asg = (const RotaAssignment *)roster->assignments->data;
    pd->n_asg = (int)roster->assignments->len;
    pd->start = g_new0(int, n_groups + 2);
    pd->list = g_new(int, MAX(pd->n_asg, 1));
    for (int i = 0; i < pd->n_asg; i++)
        pd->start[(gsize)pd->asg[i].person * model->n_days + pd->asg[i].day + 2]++;
    for (gsize g = 2; g < n_groups + 2; g++)
        pd->start[g] += pd->start[g - 1];
    for (int i = 0; i < pd->n_asg; i++) {
        gsize g = (gsize)pd->asg[i].person * model->n_days + pd->asg[i].day;

        pd->list[pd->start[g + 1]++] = i;
    }
    sort_groups(pd, n_groups, ranks);
}

static void
person_days_clear(RotapPersonDays *pd)
{
    g_clear_pointer(&pd->start, g_free);
    g_clear_pointer(&pd->list, g_free);
}

/* ------------------------------------------------------------ changes */

/* Whether two (person, day) groups hold the same set of (shift, segment,
 * duty); both are sorted on that key, so duplicates are adjacent. */
static gboolean
same_duties(const RotapPersonDays *a, int a_begin, int a_end, const RotapPersonDays *b,
            int b_begin, int b_end)
{
    int i = a_begin, j = b_begin;

    while (i < a_end && j < b_end) {
        const RotaAssignment *x = &a->asg[a->list[i]], *y = &b->asg[b->list[j]];

        if (x->shift != y->shift || x->segment != y->segment || x->duty != y->duty)
            return FALSE;
        while (i < a_end && a->asg[a->list[i]].shift == x->shift &&
               a->asg[a->list[i]].segment == x->segment &&
               a->asg[a->list[i]].duty == x->duty)
            i++;
        while (j < b_end && b->asg[b->list[j]].shift == y->shift &&
               b->asg[b->list[j]].segment == y->segment &&
               b->asg[b->list[j]].duty == y->duty)
            j++;
    }
    return i == a_end && j == b_end;
}

static gboolean
has_assignment(const RotapScoreCtx *ctx, const RotaAssignment *want)
{
    const RotaModel *model = ctx->model;
    int end = rotap_pd_end(&ctx->pd, model, want->person, want->day);

    for (int i = rotap_pd_begin(&ctx->pd, model, want->person, want->day); i < end; i++) {
        const RotaAssignment *a = &ctx->pd.asg[ctx->pd.list[i]];

        if (a->shift == want->shift && a->segment == want->segment &&
            a->duty == want->duty)
            return TRUE;
    }
    return FALSE;
}

/* locked (hard, per locked previous assignment) and change (soft, per
 * person and day whose duties differ from the previous roster). */
static void
check_changes(RotapScoreCtx *ctx)
{
    const RotaModel *model = ctx->model;
    gint64 weight = model->weights[ROTA_WEIGHT_CHANGE];

    for (int i = 0; i < ctx->prev.n_asg; i++) {
        const RotaAssignment *a = &ctx->prev.asg[i];

        if (a->locked && !has_assignment(ctx, a))
            rotap_score_record_assignment(ctx, ROTAP_TERM_LOCKED, 0, a);
    }
    if (weight <= 0)
        return;
    for (int p = 0; p < model->n_people; p++) {
        for (int d = 0; d < model->n_days; d++) {
            int nb = rotap_pd_begin(&ctx->pd, model, p, d);
            int ne = rotap_pd_end(&ctx->pd, model, p, d);
            int ob = rotap_pd_begin(&ctx->prev, model, p, d);
            int oe = rotap_pd_end(&ctx->prev, model, p, d);
            RotapFinding *finding;

            if ((nb == ne && ob == oe) ||
                same_duties(&ctx->pd, nb, ne, &ctx->prev, ob, oe))
                continue;
            finding = rotap_score_record(ctx, ROTAP_TERM_CHANGE, weight);
            finding->v.day = d;
            finding->v.person = p;
        }
    }
}

/* ------------------------------------------------------------ totals */

static int
compare_int(int a, int b)
{
    return a < b ? -1 : (a > b ? 1 : 0);
}

/* Violation order: term (hard names first), day, shift, segment, person;
 * then unit and duty, and the order of recording, so that it is total. */
static int
compare_findings(gconstpointer pa, gconstpointer pb)
{
    const RotapFinding *a = pa, *b = pb;
    int keys_a[] = {a->term,     a->v.day,  a->v.shift, a->v.segment,
                    a->v.person, a->v.unit, a->v.duty,  a->seq};
    int keys_b[] = {b->term,     b->v.day,  b->v.shift, b->v.segment,
                    b->v.person, b->v.unit, b->v.duty,  b->seq};

    for (gsize i = 0; i < G_N_ELEMENTS(keys_a); i++) {
        int c = compare_int(keys_a[i], keys_b[i]);

        if (c != 0)
            return c;
    }
    return 0;
}

static void
tally(RotaScore *score)
{
    for (guint i = 0; i < score->findings->len; i++) {
        const RotapFinding *f = &g_array_index(score->findings, RotapFinding, i);

        score->term_count[f->term]++;
        score->term_penalty[f->term] += f->v.penalty;
        if (f->v.hard)
            score->hard++;
        else
            score->soft += f->v.penalty;
    }
    for (int t = 0; t < ROTAP_N_TERMS; t++)
        if (score->term_count[t] > 0)
            score->terms[score->n_terms++] = (RotapTerm)t;
}

static RotaScore *
score_new(const RotaRoster *roster, const RotaRoster *previous, gboolean messages)
{
    RotaModel *model = roster->model;
    RotapScoreCtx ctx = {0};
    Ranks ranks = {model, NULL, NULL};
    RotaScore *score;

    ranks.shift_rank = make_ranks(model, model->n_shifts, compare_shift_order);
    ranks.segment_rank = make_ranks(model, model->n_segments, compare_segment_order);
    ctx.model = model;
    ctx.findings = g_array_new(FALSE, FALSE, sizeof(RotapFinding));
    person_days_build(&ctx.pd, roster, &ranks);
    if (previous != NULL) {
        person_days_build(&ctx.prev, previous, &ranks);
        ctx.has_prev = TRUE;
    }

    rotap_score_check_cells(&ctx);
    rotap_score_check_people(&ctx);
    rotap_score_check_wishes(&ctx);
    rotap_score_check_onsite(&ctx);
    if (ctx.has_prev)
        check_changes(&ctx);

    score = g_new0(RotaScore, 1);
    score->model = rota_model_ref(model);
    score->findings = ctx.findings;
    g_array_sort(score->findings, compare_findings);
    tally(score);
    if (messages)
        rotap_score_write_messages(score, &ctx);

    person_days_clear(&ctx.pd);
    person_days_clear(&ctx.prev);
    g_free(ctx.cell_of);
    g_free(ctx.minutes);
    g_free(ranks.shift_rank);
    g_free(ranks.segment_rank);
    return score;
}

RotaScore *
rotap_score_new_without_messages(const RotaRoster *roster, const RotaRoster *previous)
{
    g_return_val_if_fail(roster != NULL, NULL);
    g_return_val_if_fail(previous == NULL || previous->model == roster->model, NULL);

    return score_new(roster, previous, FALSE);
}

/* ------------------------------------------------------------ public API */

/**
 * rota_score_new:
 * @roster: the roster to evaluate
 * @previous: (nullable): the roster it replaces, for `change` and `locked`;
 *   it must refer to the same model as @roster
 *
 * Evaluates @roster against its model: every hard violation and every soft
 * penalty of DESIGN.md §3, each named with the day, shift, segment, person,
 * unit and duty it concerns and explained in English and Chinese.  The
 * result depends only on the set of assignments, not on their order.
 *
 * Returns: (transfer full): the score; free it with rota_score_free().
 * Since: 0.1
 */
RotaScore *
rota_score_new(const RotaRoster *roster, const RotaRoster *previous)
{
    g_return_val_if_fail(roster != NULL, NULL);
    g_return_val_if_fail(previous == NULL || previous->model == roster->model, NULL);

    return score_new(roster, previous, TRUE);
}

/**
 * rota_score_free:
 * @score: (nullable): a score
 *
 * Frees @score, its violations and their messages.  NULL is ignored.
 *
 * Since: 0.1
 */
void
rota_score_free(RotaScore *score)
{
    if (score == NULL)
        return;
    g_array_unref(score->findings);
    if (score->text != NULL)
        g_string_chunk_free(score->text);
    rota_model_unref(score->model);
    g_free(score);
}

/**
 * rota_score_get_hard:
 * @score: a score
 *
 * Returns: the number of hard violations; 0 means the roster is feasible.
 * Since: 0.1
 */
int
rota_score_get_hard(const RotaScore *score)
{
    g_return_val_if_fail(score != NULL, 0);
    return score->hard;
}

/**
 * rota_score_get_soft:
 * @score: a score
 *
 * Returns: the sum of the soft penalties.
 * Since: 0.1
 */
gint64
rota_score_get_soft(const RotaScore *score)
{
    g_return_val_if_fail(score != NULL, 0);
    return score->soft;
}

/**
 * rota_score_get_n_terms:
 * @score: a score
 *
 * Returns: the number of constraint names that occur among the violations.
 * Since: 0.1
 */
int
rota_score_get_n_terms(const RotaScore *score)
{
    g_return_val_if_fail(score != NULL, 0);
    return score->n_terms;
}

/**
 * rota_score_get_term_name:
 * @score: a score
 * @term: 0 .. rota_score_get_n_terms() - 1, in DESIGN.md §3 order
 *
 * Returns: (transfer none): the constraint name of @term, a static string.
 * Since: 0.1
 */
const char *
rota_score_get_term_name(const RotaScore *score, int term)
{
    g_return_val_if_fail(score != NULL, NULL);
    g_return_val_if_fail(term >= 0 && term < score->n_terms, NULL);
    return term_names[score->terms[term]];
}

/**
 * rota_score_get_term_count:
 * @score: a score
 * @term: 0 .. rota_score_get_n_terms() - 1
 *
 * Returns: how many violations carry the name of @term.
 * Since: 0.1
 */
int
rota_score_get_term_count(const RotaScore *score, int term)
{
    g_return_val_if_fail(score != NULL, 0);
    g_return_val_if_fail(term >= 0 && term < score->n_terms, 0);
    return score->term_count[score->terms[term]];
}

/**
 * rota_score_get_term_penalty:
 * @score: a score
 * @term: 0 .. rota_score_get_n_terms() - 1
 *
 * Returns: the summed penalty of the violations of @term (0 for hard names).
 * Since: 0.1
 */
gint64
rota_score_get_term_penalty(const RotaScore *score, int term)
{
    g_return_val_if_fail(score != NULL, 0);
    g_return_val_if_fail(term >= 0 && term < score->n_terms, 0);
    return score->term_penalty[score->terms[term]];
}

/**
 * rota_score_get_n_violations:
 * @score: a score
 *
 * Returns: the number of violations: every hard one and every soft one
 *   with a positive penalty.
 * Since: 0.1
 */
int
rota_score_get_n_violations(const RotaScore *score)
{
    g_return_val_if_fail(score != NULL, 0);
    return (int)score->findings->len;
}

/**
 * rota_score_get_violation:
 * @score: a score
 * @index: 0 .. rota_score_get_n_violations() - 1
 *
 * Violations come hard first, then by constraint name in DESIGN.md §3
 * order, then by day, shift, segment and person.
 *
 * Returns: (transfer none): the violation, valid as long as @score.
 * Since: 0.1
 */
const RotaViolation *
rota_score_get_violation(const RotaScore *score, int index)
{
    g_return_val_if_fail(score != NULL, NULL);
    g_return_val_if_fail(index >= 0 && (guint)index < score->findings->len, NULL);
    return &g_array_index(score->findings, RotapFinding, index).v;
}
