/* SPDX-License-Identifier: MIT */
/* score-people.c: each person's rules: availability, rest, limits, runs, wishes. */
#include "config.h"

#include <string.h>

#include "score-private.h"

/*
 * One pass per person over the days, in time order.  The counters below
 * are reset for each person; only non-on-site assignments feed them (a
 * head is on site every day by design), while off, double booking, rest,
 * successions and requests look at every assignment.
 */
typedef struct {
    int *shift_count;     /* n_shifts */
    int *week_shifts;     /* n_weeks */
    gint64 *week_minutes; /* n_weeks */
    int *week_first;      /* n_weeks: the week's first day in the horizon */
    int *week_last;       /* n_weeks: its last day in the horizon */
    guint8 *weekend;      /* n_weekends: worked */
    guint8 *working;      /* n_days: a non-on-site assignment that day */
    gint64 minutes;
    int last; /* the person's latest assignment so far, or -1 */
} Tally;

static void
tally_init(Tally *t, const RotaModel *model)
{
    t->shift_count = g_new0(int, MAX(model->n_shifts, 1));
    t->week_shifts = g_new0(int, MAX(model->n_weeks, 1));
    t->week_minutes = g_new0(gint64, MAX(model->n_weeks, 1));
    t->week_first = g_new0(int, MAX(model->n_weeks, 1));
    t->week_last = g_new0(int, MAX(model->n_weeks, 1));
    t->weekend = g_new0(guint8, MAX(model->n_weekends, 1));
    t->working = g_new0(guint8, MAX(model->n_days, 1));
    for (int w = 0; w < model->n_weeks; w++)
        t->week_first[w] = -1;
    for (int d = 0; d < model->n_days; d++) {
        int w = model->week[d];

        if (t->week_first[w] < 0)
            t->week_first[w] = d;
        t->week_last[w] = d;
    }
}

static void
tally_reset(Tally *t, const RotaModel *model)
{
    memset(t->shift_count, 0, sizeof(int) * model->n_shifts);
    memset(t->week_shifts, 0, sizeof(int) * model->n_weeks);
    memset(t->week_minutes, 0, sizeof(gint64) * model->n_weeks);
    memset(t->weekend, 0, model->n_weekends);
    memset(t->working, 0, model->n_days);
    t->minutes = 0;
    t->last = -1;
}

static void
tally_clear(Tally *t)
{
    g_free(t->shift_count);
    g_free(t->week_shifts);
    g_free(t->week_minutes);
    g_free(t->week_first);
    g_free(t->week_last);
    g_free(t->weekend);
    g_free(t->working);
}

/* min_rest: rest between the end of the person's previous assignment on an
 * earlier day and the start of a, in wall-clock minutes. */
static void
check_rest(RotapScoreCtx *ctx, Tally *t, int index)
{
    const RotaModel *model = ctx->model;
    const RotaAssignment *a = &ctx->pd.asg[index], *prev;
    int required = model->people[a->person].limits.min_rest_minutes;
    gint64 prev_end, rest;
    RotapFinding *finding;

    if (t->last < 0 || ctx->pd.asg[t->last].day == a->day) {
        t->last = index;
        return;
    }
    prev = &ctx->pd.asg[t->last];
    t->last = index;
    prev_end = (gint64)prev->day * 1440 + model->shifts[prev->shift].start +
               model->shifts[prev->shift].minutes;
    rest = (gint64)a->day * 1440 + model->shifts[a->shift].start - prev_end;
    if (rest >= required)
        return;
    finding = rotap_score_record_assignment(ctx, ROTAP_TERM_MIN_REST, 0, a);
    finding->arg[0] = prev->day;
    finding->arg[1] = prev->shift;
    finding->arg[2] = rest;
    finding->arg[3] = required;
}

/* forbidden_succession: one per pair of (assignment the day before, a). */
static void
check_succession(RotapScoreCtx *ctx, const RotaAssignment *a)
{
    const RotaModel *model = ctx->model;
    int end;

    if (a->day == 0)
        return;
    end = rotap_pd_end(&ctx->pd, model, a->person, a->day - 1);
    for (int k = rotap_pd_begin(&ctx->pd, model, a->person, a->day - 1); k < end; k++) {
        const RotaAssignment *b = &ctx->pd.asg[ctx->pd.list[k]];
        RotapFinding *finding;

        if (!model->forbid[b->shift * model->n_shifts + a->shift])
            continue;
        finding =
            rotap_score_record_assignment(ctx, ROTAP_TERM_FORBIDDEN_SUCCESSION, 0, a);
        finding->arg[0] = b->day;
        finding->arg[1] = b->shift;
    }
}

static void
count_work(const RotaModel *model, Tally *t, const RotaAssignment *a)
{
    int minutes = model->shifts[a->shift].minutes;

    t->shift_count[a->shift]++;
    t->minutes += minutes;
    t->week_shifts[model->week[a->day]]++;
    t->week_minutes[model->week[a->day]] += minutes;
    t->working[a->day] = 1;
    if (model->weekend[a->day] >= 0)
        t->weekend[model->weekend[a->day]] = 1;
}

/* off, double_booking, min_rest and forbidden_succession for one person
 * and day, and the day's work counted into t. */
static void
check_day(RotapScoreCtx *ctx, Tally *t, int person, int day)
{
    const RotaModel *model = ctx->model;
    int begin = rotap_pd_begin(&ctx->pd, model, person, day);
    int end = rotap_pd_end(&ctx->pd, model, person, day);

    for (int k = begin; k < end; k++) {
        int index = ctx->pd.list[k];
        const RotaAssignment *a = &ctx->pd.asg[index];

        if (k > begin)
            rotap_score_record_assignment(ctx, ROTAP_TERM_DOUBLE_BOOKING, 0, a)->arg[0] =
                end - begin;
        if (rotap_model_is_off(model, person, day, a->shift))
            rotap_score_record_assignment(ctx, ROTAP_TERM_OFF, 0, a);
        check_rest(ctx, t, index);
        check_succession(ctx, a);
        if (a->duty != ROTA_DUTY_ONSITE)
            count_work(model, t, a);
    }
}

static RotapFinding *
record_person(RotapScoreCtx *ctx, RotapTerm term, int person, gint64 value, gint64 limit)
{
    RotapFinding *finding = rotap_score_record(ctx, term, 0);

    finding->v.person = person;
    finding->arg[0] = value;
    finding->arg[1] = limit;
    return finding;
}

/* max_shifts, min_minutes, max_minutes, max_shifts_week, max_minutes_week. */
static void
check_counts(RotapScoreCtx *ctx, const Tally *t, int person)
{
    const RotaModel *model = ctx->model;
    const RotapLimits *limits = &model->people[person].limits;

    for (int s = 0; s < model->n_shifts; s++) {
        int max = model->max_shifts[(gsize)person * model->n_shifts + s];

        if (max != ROTAP_UNLIMITED && t->shift_count[s] > max)
            record_person(ctx, ROTAP_TERM_MAX_SHIFTS, person, t->shift_count[s], max)
                ->v.shift = s;
    }
    if (t->minutes < limits->min_minutes)
        record_person(ctx, ROTAP_TERM_MIN_MINUTES, person, t->minutes,
                      limits->min_minutes);
    if (limits->max_minutes != ROTAP_UNLIMITED && t->minutes > limits->max_minutes)
        record_person(ctx, ROTAP_TERM_MAX_MINUTES, person, t->minutes,
                      limits->max_minutes);
    for (int w = 0; w < model->n_weeks; w++) {
        RotapFinding *finding = NULL;

        if (limits->max_shifts_week != ROTAP_UNLIMITED &&
            t->week_shifts[w] > limits->max_shifts_week) {
            finding = record_person(ctx, ROTAP_TERM_MAX_SHIFTS_WEEK, person,
                                    t->week_shifts[w], limits->max_shifts_week);
            finding->v.day = t->week_first[w];
            finding->arg[2] = t->week_last[w];
        }
        if (limits->max_minutes_week != ROTAP_UNLIMITED &&
            t->week_minutes[w] > limits->max_minutes_week) {
            finding = record_person(ctx, ROTAP_TERM_MAX_MINUTES_WEEK, person,
                                    t->week_minutes[w], limits->max_minutes_week);
            finding->v.day = t->week_first[w];
            finding->arg[2] = t->week_last[w];
        }
    }
}

static void
record_run(RotapScoreCtx *ctx, RotapTerm term, int person, int first, int end, int limit)
{
    RotapFinding *finding = record_person(ctx, term, person, end - first, limit);

    finding->v.day = first;
    finding->arg[2] = end - 1;
}

/*
 * Runs (the Curtois-Qu rule): maximal runs of working days longer than
 * max_consecutive, and runs of working days or of days off shorter than
 * min_consecutive / min_days_off unless they touch the first or last day
 * (the days beyond the horizon are unknown).
 */
static void
check_runs(RotapScoreCtx *ctx, const Tally *t, int person)
{
    const RotaModel *model = ctx->model;
    const RotapLimits *limits = &model->people[person].limits;
    int n_days = model->n_days;

    for (int first = 0, end; first < n_days; first = end) {
        gboolean inner;
        int length;

        for (end = first; end < n_days && t->working[end] == t->working[first]; end++)
            ;
        length = end - first;
        inner = first > 0 && end < n_days;
        if (t->working[first]) {
            if (limits->max_consecutive != ROTAP_UNLIMITED &&
                length > limits->max_consecutive)
                record_run(ctx, ROTAP_TERM_MAX_CONSECUTIVE, person, first, end,
                           limits->max_consecutive);
            if (inner && length < limits->min_consecutive)
                record_run(ctx, ROTAP_TERM_MIN_CONSECUTIVE, person, first, end,
                           limits->min_consecutive);
        } else if (inner && length < limits->min_days_off) {
            record_run(ctx, ROTAP_TERM_MIN_DAYS_OFF, person, first, end,
                       limits->min_days_off);
        }
    }
}

static void
check_weekends(RotapScoreCtx *ctx, const Tally *t, int person)
{
    const RotaModel *model = ctx->model;
    int max = model->people[person].limits.max_weekends, worked = 0;

    if (max == ROTAP_UNLIMITED)
        return;
    for (int w = 0; w < model->n_weekends; w++)
        worked += t->weekend[w];
    if (worked > max)
        record_person(ctx, ROTAP_TERM_MAX_WEEKENDS, person, worked, max);
}

void
rotap_score_check_people(RotapScoreCtx *ctx)
{
    const RotaModel *model = ctx->model;
    Tally t;

    tally_init(&t, model);
    ctx->minutes = g_new0(gint64, MAX(model->n_people, 1));
    for (int p = 0; p < model->n_people; p++) {
        tally_reset(&t, model);
        for (int d = 0; d < model->n_days; d++)
            check_day(ctx, &t, p, d);
        check_counts(ctx, &t, p);
        check_runs(ctx, &t, p);
        check_weekends(ctx, &t, p);
        ctx->minutes[p] = t.minutes;
    }
    tally_clear(&t);
}

/* ------------------------------------------------------------ wishes */

/* Whether the person has an assignment that day of shift (-1: any). */
static gboolean
works(const RotapScoreCtx *ctx, int person, int day, int shift)
{
    int end = rotap_pd_end(&ctx->pd, ctx->model, person, day);

    for (int k = rotap_pd_begin(&ctx->pd, ctx->model, person, day); k < end; k++)
        if (shift < 0 || ctx->pd.asg[ctx->pd.list[k]].shift == shift)
            return TRUE;
    return FALSE;
}

/* request: on-site hours count as work; a request of weight 0 costs
 * nothing and is not listed. */
static void
check_requests(RotapScoreCtx *ctx)
{
    const RotaModel *model = ctx->model;

    for (int i = 0; i < model->n_requests; i++) {
        const RotapRequest *r = &model->requests[i];
        gboolean found = works(ctx, r->person, r->day, r->shift);
        RotapFinding *finding;

        if (r->weight <= 0 || found == (r->on != FALSE))
            continue;
        finding = rotap_score_record(ctx, ROTAP_TERM_REQUEST, r->weight);
        finding->v.day = r->day;
        finding->v.shift = r->shift;
        finding->v.person = r->person;
        finding->arg[0] = r->on;
    }
}

/*
 * fairness: per unit, floor(w * (n * sum(m^2) - sum(m)^2) / (3600 * n))
 * over its fair members' non-on-site minutes m.  Written as
 * w * q + floor(w * r / den) with num = q * den + r, which is the same
 * integer and keeps w * num from overflowing.
 */
static void
check_fairness(RotapScoreCtx *ctx)
{
    const RotaModel *model = ctx->model;
    gint64 weight = model->weights[ROTA_WEIGHT_FAIRNESS];

    for (int u = 0; weight > 0 && u < model->n_units; u++) {
        const RotapUnit *unit = &model->units[u];
        gint64 n = unit->n_fair_members, sum = 0, squares = 0, num, den, penalty;
        gint64 low = G_MAXINT64, high = 0;
        RotapFinding *finding;

        if (n == 0)
            continue;
        for (int i = 0; i < unit->n_fair_members; i++) {
            gint64 m = ctx->minutes[unit->fair_members[i]];

            sum += m;
            squares += m * m;
            low = MIN(low, m);
            high = MAX(high, m);
        }
        num = n * squares - sum * sum;
        den = 3600 * n;
        penalty = weight * (num / den) + weight * (num % den) / den;
        if (penalty <= 0)
            continue;
        finding = rotap_score_record(ctx, ROTAP_TERM_FAIRNESS, penalty);
        finding->v.unit = u;
        finding->arg[0] = n;
        finding->arg[1] = sum;
        finding->arg[2] = low;
        finding->arg[3] = high;
    }
}

void
rotap_score_check_wishes(RotapScoreCtx *ctx)
{
    check_requests(ctx);
    check_fairness(ctx);
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
void
rotap_score_check_changes(RotapScoreCtx *ctx)
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
