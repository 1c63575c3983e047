/* SPDX-License-Identifier: MIT */
/* score-free.c: who could still take an uncovered place, for the evaluator's messages. */
#include "config.h"

#include <string.h>

#include "score-private.h"

/*
 * "Could this person take one more place in this cell on this day without
 * a new hard violation?", answered from the roster being scored alone, by
 * the rules of score-people.c and score-cells.c: the day is free (no
 * assignment at all), the cell is due that day, the person is eligible and
 * not off, and no hard term gets a new violation or a larger one (a
 * maximum exceeded further, a run made longer or shorter past its limit,
 * one more rest or succession breach, one more place over the cell's cap).
 * The solver asks the same of its incremental state (solver-check.c);
 * tests/unit/check_free.c holds the two answers equal.
 *
 * A person's totals (minutes, shifts of each type, per ISO week, weekends)
 * are tallied the first time the person is asked about.
 */
struct _RotapFreeCheck {
    const RotapScoreCtx *ctx;
    int *cell_n;          /* n_cells: assignments in each cell */
    guint8 *known;        /* n_people: totals tallied */
    gint64 *minutes;      /* n_people: non-on-site minutes */
    int *shifts;          /* n_people * n_shifts */
    int *week_shifts;     /* n_people * n_weeks */
    gint64 *week_minutes; /* n_people * n_weeks */
    guint8 *weekend;      /* n_people * n_weekends: worked */
    int *weekends;        /* n_people: weekends worked */
};

RotapFreeCheck *
rotap_free_check_new(const RotapScoreCtx *ctx)
{
    const RotaModel *model = ctx->model;
    gsize n_people = MAX(model->n_people, 1);
    RotapFreeCheck *fc = g_new0(RotapFreeCheck, 1);

    fc->ctx = ctx;
    fc->cell_n = g_new0(int, MAX(model->n_cells, 1));
    for (int i = 0; i < ctx->pd.n_asg; i++)
        if (ctx->cell_of[i] >= 0)
            fc->cell_n[ctx->cell_of[i]]++;
    fc->known = g_new0(guint8, n_people);
    fc->minutes = g_new0(gint64, n_people);
    fc->shifts = g_new0(int, n_people *MAX(model->n_shifts, 1));
    fc->week_shifts = g_new0(int, n_people *MAX(model->n_weeks, 1));
    fc->week_minutes = g_new0(gint64, n_people * MAX(model->n_weeks, 1));
    fc->weekend = g_new0(guint8, n_people * MAX(model->n_weekends, 1));
    fc->weekends = g_new0(int, n_people);
    return fc;
}

void
rotap_free_check_free(RotapFreeCheck *fc)
{
    if (fc == NULL)
        return;
    g_free(fc->cell_n);
    g_free(fc->known);
    g_free(fc->minutes);
    g_free(fc->shifts);
    g_free(fc->week_shifts);
    g_free(fc->week_minutes);
    g_free(fc->weekend);
    g_free(fc->weekends);
    g_free(fc);
}

/* The person's totals as score-people.c counts them: non-on-site work only. */
static void
tally(RotapFreeCheck *fc, int person)
{
    const RotaModel *model = fc->ctx->model;
    const RotapPersonDays *pd = &fc->ctx->pd;

    if (fc->known[person])
        return;
    fc->known[person] = 1;
    for (int d = 0; d < model->n_days; d++) {
        int end = rotap_pd_end(pd, model, person, d);

        for (int k = rotap_pd_begin(pd, model, person, d); k < end; k++) {
            const RotaAssignment *a = &pd->asg[pd->list[k]];
            gsize w = (gsize)person * model->n_weeks + model->week[d];
            int minutes = model->shifts[a->shift].minutes;

            if (a->duty == ROTA_DUTY_ONSITE)
                continue;
            fc->minutes[person] += minutes;
            fc->shifts[(gsize)person * model->n_shifts + a->shift]++;
            fc->week_shifts[w]++;
            fc->week_minutes[w] += minutes;
            if (model->weekend[d] >= 0) {
                guint8 *worked =
                    &fc->weekend[(gsize)person * model->n_weekends + model->weekend[d]];

                fc->weekends[person] += *worked == 0;
                *worked = 1;
            }
        }
    }
}

/* Whether one more shift of the cell's type on day takes the person past
 * a maximum of shifts, minutes, weekly shifts or minutes, or weekends
 * (a minimum of minutes only gets closer). */
static gboolean
breaks_totals(RotapFreeCheck *fc, int person, int day, int shift)
{
    const RotaModel *model = fc->ctx->model;
    const RotapLimits *l = &model->people[person].limits;
    int max = model->max_shifts[(gsize)person * model->n_shifts + shift];
    gint64 minutes = model->shifts[shift].minutes;
    gsize w = (gsize)person * model->n_weeks + model->week[day];

    tally(fc, person);
    if (max != ROTAP_UNLIMITED &&
        fc->shifts[(gsize)person * model->n_shifts + shift] + 1 > max)
        return TRUE;
    if (l->max_minutes != ROTAP_UNLIMITED &&
        fc->minutes[person] + minutes > l->max_minutes)
        return TRUE;
    if (l->max_shifts_week != ROTAP_UNLIMITED &&
        fc->week_shifts[w] + 1 > l->max_shifts_week)
        return TRUE;
    if (l->max_minutes_week != ROTAP_UNLIMITED &&
        fc->week_minutes[w] + minutes > l->max_minutes_week)
        return TRUE;
    return l->max_weekends != ROTAP_UNLIMITED && model->weekend[day] >= 0 &&
           !fc->weekend[(gsize)person * model->n_weekends + model->weekend[day]] &&
           fc->weekends[person] + 1 > l->max_weekends;
}

/* ------------------------------------------------------------ rest, successions */

/* Wall-clock minutes from the end of a to the start of b (a on an earlier
 * day), as score-people.c measures rest. */
static gint64
rest_between(const RotaModel *model, int day_a, int shift_a, int day_b, int shift_b)
{
    return (gint64)day_b * 1440 + model->shifts[shift_b].start -
           ((gint64)day_a * 1440 + model->shifts[shift_a].start +
            model->shifts[shift_a].minutes);
}

/* The assignment that score-people.c pairs with one on day for min_rest
 * on the nearest day with assignments before (step -1: its last one) or
 * after it (step +1: its first one); -1 when there is none. */
static int
neighbour(const RotapScoreCtx *ctx, int person, int day, int step)
{
    const RotaModel *model = ctx->model;

    for (int d = day + step; d >= 0 && d < model->n_days; d += step) {
        int begin = rotap_pd_begin(&ctx->pd, model, person, d);
        int end = rotap_pd_end(&ctx->pd, model, person, d);

        if (begin < end)
            return ctx->pd.list[step < 0 ? end - 1 : begin];
    }
    return -1;
}

/* Whether a shift on day (free) adds a min_rest breach: the pair it
 * splits (the one before and the one after) is replaced by two pairs. */
static gboolean
breaks_rest(const RotapScoreCtx *ctx, int person, int day, int shift)
{
    const RotaModel *model = ctx->model;
    int required = model->people[person].limits.min_rest_minutes;
    int before = neighbour(ctx, person, day, -1), after = neighbour(ctx, person, day, +1);
    const RotaAssignment *b = before >= 0 ? &ctx->pd.asg[before] : NULL;
    const RotaAssignment *a = after >= 0 ? &ctx->pd.asg[after] : NULL;
    int was = 0, now = 0;

    if (b != NULL && a != NULL)
        was = rest_between(model, b->day, b->shift, a->day, a->shift) < required;
    if (b != NULL)
        now += rest_between(model, b->day, b->shift, day, shift) < required;
    if (a != NULL)
        now += rest_between(model, day, shift, a->day, a->shift) < required;
    return now > was;
}

/* Whether a shift on day follows or precedes an assignment on the
 * neighbouring days in a forbidden succession. */
static gboolean
breaks_succession(const RotapScoreCtx *ctx, int person, int day, int shift)
{
    const RotaModel *model = ctx->model;

    for (int step = -1; step <= 1; step += 2) {
        int d = day + step, end;

        if (d < 0 || d >= model->n_days)
            continue;
        end = rotap_pd_end(&ctx->pd, model, person, d);
        for (int k = rotap_pd_begin(&ctx->pd, model, person, d); k < end; k++) {
            int other = ctx->pd.asg[ctx->pd.list[k]].shift;

            if (step < 0 ? model->forbid[other * model->n_shifts + shift]
                         : model->forbid[shift * model->n_shifts + other])
                return TRUE;
        }
    }
    return FALSE;
}

/* ------------------------------------------------------------ runs */

/* Count and size of the three run terms over some runs. */
typedef struct {
    int count[3];
    gint64 size[3]; /* max_consecutive, min_consecutive, min_days_off */
} RunTerms;

static void
run_terms(const RotaModel *model, const RotapLimits *l, gboolean work, int first,
          int length, RunTerms *t)
{
    gboolean inner = first > 0 && first + length < model->n_days;
    int term = -1;
    gint64 size = 0;

    if (work && l->max_consecutive != ROTAP_UNLIMITED && length > l->max_consecutive) {
        t->count[0]++;
        t->size[0] += length - l->max_consecutive;
    }
    if (work && inner && length < l->min_consecutive) {
        term = 1;
        size = l->min_consecutive - length;
    } else if (!work && inner && length < l->min_days_off) {
        term = 2;
        size = l->min_days_off - length;
    }
    if (term >= 0) {
        t->count[term]++;
        t->size[term] += size;
    }
}

static gboolean
works(const RotapScoreCtx *ctx, int person, int day)
{
    const RotaModel *model = ctx->model;
    int end = rotap_pd_end(&ctx->pd, model, person, day);

    for (int k = rotap_pd_begin(&ctx->pd, model, person, day); k < end; k++)
        if (ctx->pd.asg[ctx->pd.list[k]].duty != ROTA_DUTY_ONSITE)
            return TRUE;
    return FALSE;
}

/* Days from day (excluded) in direction step while works() is want. */
static int
stretch(const RotapScoreCtx *ctx, int person, int day, int step, gboolean want)
{
    int n = 0;

    for (int d = day + step; d >= 0 && d < ctx->model->n_days; d += step, n++)
        if (works(ctx, person, d) != want)
            break;
    return n;
}

/*
 * Whether working on day (a day of rest) adds to a run term: the rest run
 * through day splits into the rest on either side, and the day joins the
 * work runs it touches.  Only the runs that change are compared.
 */
static gboolean
breaks_runs(const RotapScoreCtx *ctx, int person, int day)
{
    const RotapLimits *l = &ctx->model->people[person].limits;
    const RotaModel *model = ctx->model;
    int left = stretch(ctx, person, day, -1, FALSE);
    int right = stretch(ctx, person, day, +1, FALSE);
    int work_left = left == 0 ? stretch(ctx, person, day, -1, TRUE) : 0;
    int work_right = right == 0 ? stretch(ctx, person, day, +1, TRUE) : 0;
    RunTerms was = {{0}, {0}}, now = {{0}, {0}};

    run_terms(model, l, FALSE, day - left, left + right + 1, &was);
    if (work_left > 0)
        run_terms(model, l, TRUE, day - work_left, work_left, &was);
    if (work_right > 0)
        run_terms(model, l, TRUE, day + 1, work_right, &was);
    if (left > 0)
        run_terms(model, l, FALSE, day - left, left, &now);
    if (right > 0)
        run_terms(model, l, FALSE, day + 1, right, &now);
    run_terms(model, l, TRUE, day - work_left, work_left + 1 + work_right, &now);
    for (int t = 0; t < 3; t++)
        if (now.count[t] > was.count[t] || now.size[t] > was.size[t])
            return TRUE;
    return FALSE;
}

/* ------------------------------------------------------------ the answer */

static gboolean
is_due(const RotapCell *c, int day)
{
    for (int k = 0; k < c->n_days; k++)
        if (c->days[k] == day)
            return TRUE;
    return FALSE;
}

gboolean
rotap_free_check_can_take(RotapFreeCheck *fc, int cell, int person, int day)
{
    const RotapScoreCtx *ctx = fc->ctx;
    const RotaModel *model = ctx->model;
    const RotapCell *c = &model->cells[cell];
    const RotapDuty *duty = &model->duties[c->duty];

    if (rotap_pd_begin(&ctx->pd, model, person, day) !=
            rotap_pd_end(&ctx->pd, model, person, day) ||
        !is_due(c, day) || rotap_model_is_off(model, person, day, c->shift) ||
        !rotap_model_is_eligible(model, cell, person))
        return FALSE;
    if (duty->max != ROTAP_UNLIMITED && fc->cell_n[cell] + 1 > duty->max)
        return FALSE;
    return !breaks_totals(fc, person, day, c->shift) &&
           !breaks_rest(ctx, person, day, c->shift) &&
           !breaks_succession(ctx, person, day, c->shift) &&
           !breaks_runs(ctx, person, day);
}

/* ------------------------------------------------------------ counts */

/* g_int64_hash() folds the high word onto the low one, which keys packed
 * as below turn into long collision chains: mix all the bits instead. */
static guint
key_hash(gconstpointer key)
{
    guint64 x = *(const guint64 *)key;

    x ^= x >> 33;
    x *= G_GUINT64_CONSTANT(0xff51afd7ed558ccd);
    x ^= x >> 33;
    return (guint)x;
}

GHashTable *
rotap_score_free_memo_new(void)
{
    return g_hash_table_new_full(key_hash, g_int64_equal, g_free, NULL);
}

/*
 * Eligible people free for the cell on at least one of its days
 * (rotap_free_check_can_take()).  Cells of one duty with the same
 * eligible list and window have the same answer, since no hard rule of a
 * person depends on the segment (say, a cleaning duty open to every
 * volunteer at each of 4,000 segments), so answers are kept in memo by
 * (eligible list, duty, window start).
 */
int
rotap_score_count_free(const RotapScoreCtx *ctx, int cell, GHashTable *memo)
{
    const RotaModel *model = ctx->model;
    const RotapCell *c = &model->cells[cell];
    const RotapEligible *eligible = &model->eligible[c->eligible];
    gint64 key = ((gint64)c->eligible << 32) | ((gint64)c->duty << 12) | c->first_day;
    gboolean memo_ok = c->duty < (1 << 20) && c->first_day >= 0 && c->first_day < 4096;
    gpointer known;
    gint64 *stored;
    int free = 0;

    if (memo_ok && g_hash_table_lookup_extended(memo, &key, NULL, &known))
        return GPOINTER_TO_INT(known);
    for (int i = 0; i < eligible->n_people; i++)
        for (int k = 0; k < c->n_days; k++)
            if (rotap_free_check_can_take(ctx->free_check, cell, rotap_eligible_at(eligible, i),
                                          c->days[k])) {
                free++;
                break;
            }
    if (memo_ok) {
        stored = g_new(gint64, 1);
        *stored = key;
        g_hash_table_insert(memo, stored, GINT_TO_POINTER(free));
    }
    return free;
}
