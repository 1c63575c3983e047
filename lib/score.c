/* SPDX-License-Identifier: MIT */
/* score.c: the evaluator's entry points: index a roster, order and total violations. */
#include "config.h"

#include <string.h>

#include "score-private.h"
#include "util-private.h"

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
    guint index = ctx->findings->len;
    RotapFinding *finding;

    g_array_set_size(ctx->findings, index + 1);
    finding = &g_array_index(ctx->findings, RotapFinding, index);
    memset(finding, 0, sizeof(*finding));
    finding->v.constraint = term_names[term];
    finding->v.hard = ROTAP_TERM_IS_HARD(term);
    finding->v.penalty = penalty;
    finding->v.day = -1;
    finding->v.shift = -1;
    finding->v.segment = -1;
    finding->v.person = -1;
    finding->v.unit = -1;
    finding->v.duty = -1;
    finding->term = term;
    finding->seq = (int)index;
    return finding;
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
 * roster's order: shifts by start time then id, segments by id (the roster
 * file sorts assignments the same way, docs/roster-json.md).
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

/* ------------------------------------------------------------ totals */

static int
compare_int(int a, int b)
{
    return a < b ? -1 : (a > b ? 1 : 0);
}

typedef struct {
    guint64 key;
    int index;
} SortKey;

/* Violation order: term (hard names first), day, shift, segment, person;
 * then unit and duty, and the order of recording, so that it is total.
 * It compares SortKey indices: moving 16 bytes, not a whole finding. */
static int
compare_findings(gconstpointer pa, gconstpointer pb, gpointer data)
{
    const RotapFinding *findings = data;
    const RotapFinding *a = &findings[((const SortKey *)pa)->index];
    const RotapFinding *b = &findings[((const SortKey *)pb)->index];
    int c = compare_int(a->term, b->term);

    if (c == 0)
        c = compare_int(a->v.day, b->v.day);
    if (c == 0)
        c = compare_int(a->v.shift, b->v.shift);
    if (c == 0)
        c = compare_int(a->v.segment, b->v.segment);
    if (c == 0)
        c = compare_int(a->v.person, b->v.person);
    if (c == 0)
        c = compare_int(a->v.unit, b->v.unit);
    if (c == 0)
        c = compare_int(a->v.duty, b->v.duty);
    if (c == 0)
        c = compare_int(a->seq, b->seq);
    return c;
}

/* Bits to hold the values 0 .. n. */
static int
bits_for(int n)
{
    int bits = 0;

    while (bits < 31 && (1 << bits) < n + 1)
        bits++;
    return bits;
}

/*
 * The violation order as one 64-bit key per finding (fields packed most
 * significant first), when the model's sizes let them fit: then a stable
 * radix sort keeps equal keys in recording order, which is exactly
 * compare_findings() at linear cost.  FALSE when they do not fit.
 */
static gboolean
make_keys(const RotaModel *model, GArray *findings, SortKey *keys)
{
    /* Each field is stored plus 2, since -1 ("none") and ROTA_DUTY_ONSITE
     * (-2) must sort before every index. */
    int width[] = {bits_for(ROTAP_N_TERMS + 1),   bits_for(model->n_days + 1),
                   bits_for(model->n_shifts + 1), bits_for(model->n_segments + 1),
                   bits_for(model->n_people + 1), bits_for(model->n_units + 1),
                   bits_for(model->n_duties + 1)};
    int total = 0;

    for (gsize i = 0; i < G_N_ELEMENTS(width); i++)
        total += width[i];
    if (total > 64)
        return FALSE;
    for (guint n = 0; n < findings->len; n++) {
        const RotapFinding *f = &g_array_index(findings, RotapFinding, n);
        int value[] = {f->term,     f->v.day,  f->v.shift, f->v.segment,
                       f->v.person, f->v.unit, f->v.duty};
        guint64 key = 0;

        for (gsize i = 0; i < G_N_ELEMENTS(width); i++)
            key = (key << width[i]) | (guint64)(value[i] + 2);
        keys[n].key = key;
        keys[n].index = (int)n;
    }
    return TRUE;
}

/* LSD radix sort by key, 8 bits a pass: stable. */
static void
radix_sort(SortKey *keys, guint n)
{
    /* freed by hand: with g_autofree, clang 14's analyzer, which skips cleanup
     * functions, reports the copy in `to` as a leak */
    SortKey *spare = g_new(SortKey, MAX(n, 1));
    SortKey *from = keys, *to = spare;
    guint64 all = 0;

    for (guint i = 0; i < n; i++)
        all |= keys[i].key;
    for (int shift = 0; shift < 64 && (all >> shift) != 0; shift += 8) {
        guint count[257] = {0};
        SortKey *swap;

        for (guint i = 0; i < n; i++)
            count[((from[i].key >> shift) & 0xff) + 1]++;
        for (int b = 1; b < 257; b++)
            count[b] += count[b - 1];
        for (guint i = 0; i < n; i++)
            to[count[(from[i].key >> shift) & 0xff]++] = from[i];
        swap = from;
        from = to;
        to = swap;
    }
    if (from != keys)
        memcpy(keys, from, sizeof(SortKey) * n);
    g_free(spare);
}

static GArray *
sort_findings(const RotaModel *model, GArray *findings)
{
    guint n = findings->len;
    g_autofree SortKey *keys = g_new(SortKey, MAX(n, 1));
    GArray *sorted = g_array_sized_new(FALSE, FALSE, sizeof(RotapFinding), n);

    if (make_keys(model, findings, keys)) {
        radix_sort(keys, n);
    } else {
        for (guint i = 0; i < n; i++)
            keys[i].index = (int)i;
        g_qsort_with_data(keys, (gint)n, sizeof(SortKey), compare_findings,
                          findings->data);
    }
    g_array_set_size(sorted, n);
    for (guint i = 0; i < n; i++)
        g_array_index(sorted, RotapFinding, i) =
            g_array_index(findings, RotapFinding, keys[i].index);
    g_array_unref(findings);
    return sorted;
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

/* Index roster (and previous) and run every check into a new context. */
RotapScoreCtx *
rotap_score_ctx_new(const RotaRoster *roster, const RotaRoster *previous)
{
    RotaModel *model = roster->model;
    RotapScoreCtx *ctx = g_new0(RotapScoreCtx, 1);
    Ranks ranks = {model, NULL, NULL};

    ranks.shift_rank = make_ranks(model, model->n_shifts, compare_shift_order);
    ranks.segment_rank = make_ranks(model, model->n_segments, compare_segment_order);
    ctx->model = model;
    ctx->findings = g_array_new(FALSE, FALSE, sizeof(RotapFinding));
    person_days_build(&ctx->pd, roster, &ranks);
    if (previous != NULL) {
        person_days_build(&ctx->prev, previous, &ranks);
        ctx->has_prev = TRUE;
    }
    g_free(ranks.shift_rank);
    g_free(ranks.segment_rank);

    rotap_score_check_cells(ctx);
    rotap_score_check_people(ctx);
    rotap_score_check_wishes(ctx);
    rotap_score_check_onsite(ctx);
    if (ctx->has_prev)
        rotap_score_check_changes(ctx);
    return ctx;
}

void
rotap_score_ctx_free(RotapScoreCtx *ctx)
{
    if (ctx == NULL)
        return;
    rotap_free_check_free(ctx->free_check);
    if (ctx->findings != NULL)
        g_array_unref(ctx->findings);
    person_days_clear(&ctx->pd);
    person_days_clear(&ctx->prev);
    g_free(ctx->cell_of);
    g_free(ctx->minutes);
    g_free(ctx);
}

static RotaScore *
score_new(const RotaRoster *roster, const RotaRoster *previous, gboolean messages)
{
    RotaModel *model = roster->model;
    RotapScoreCtx *ctx = rotap_score_ctx_new(roster, previous);
    RotaScore *score = g_new0(RotaScore, 1);

    score->model = rota_model_ref(model);
    score->findings = sort_findings(model, g_steal_pointer(&ctx->findings));
    tally(score);
    if (messages && score->term_count[ROTAP_TERM_UNCOVERED] > 0)
        ctx->free_check = rotap_free_check_new(ctx);
    if (messages)
        rotap_score_write_messages(score, ctx);
    rotap_score_ctx_free(ctx);
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
 * penalty of docs/concepts.md, each named with the day, shift, segment, person,
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
    if (!rotap_extra_unref(&score->extra_refs))
        return;
    g_array_unref(score->findings);
    if (score->text != NULL)
        g_string_chunk_free(score->text);
    rota_model_unref(score->model);
    g_free(score);
}

/* The copy function of the boxed type: one more reference. */
static RotaScore *
box_score_ref(RotaScore *score)
{
    rotap_extra_ref(&score->extra_refs);
    return score;
}

G_DEFINE_BOXED_TYPE(RotaScore, rota_score, box_score_ref, rota_score_free)

/**
 * rota_score_get_hard:
 * @score: a score
 *
 * Counts the hard violations of the roster (the violations whose hard
 * field is %TRUE).  The solver first minimises this count, then the soft
 * penalty.
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
 * Sums the penalties of the soft violations, in the units of the model's
 * weights.  Lower is better; the solver compares it only between rosters
 * with the same number of hard violations.
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
 * Counts the terms of the score: one per constraint name that occurs among
 * the violations, as roster.json's "score.terms" lists them.
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
 * @term: 0 .. rota_score_get_n_terms() - 1, in docs/model-json.md order
 *
 * Names the constraint of a term; docs/model-json.md, "Constraint names",
 * lists them all.
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
 * Counts the violations of one constraint name.
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
 * Sums the penalties of one constraint name's violations: the term's share
 * of rota_score_get_soft().
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
 * Counts the violations the score lists one by one;
 * rota_score_get_violation() gives each.
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
 * Violations come hard first, then by constraint name in docs/model-json.md
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
