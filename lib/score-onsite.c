/* SPDX-License-Identifier: MIT */
/* score-onsite.c: the on-site hour: who may do it, and one per unit and day. */
#include "config.h"

#include "score-private.h"

static gboolean
is_head_or_deputy(const RotapUnit *unit, int person)
{
    if (unit->head == person)
        return TRUE;
    for (int i = 0; i < unit->n_deputies; i++)
        if (unit->deputies[i] == person)
            return TRUE;
    return FALSE;
}

/* Available for the on-site hour: not off that day for the on-site shift. */
static gboolean
is_available(const RotaModel *model, int person, int day)
{
    return person >= 0 && !rotap_model_is_off(model, person, day, model->onsite_shift);
}

/*
 * The valid on-site assignments per unit and day, indexed u * n_days + d:
 * those at one of the unit's segments by its head or a deputy.  Any other
 * on-site assignment is an eligibility violation and does not count.
 * first[] holds the first valid one in time order (an assignment index).
 */
static void
collect(RotapScoreCtx *ctx, int *count, int *first)
{
    const RotaModel *model = ctx->model;

    for (int k = 0; k < ctx->pd.n_asg; k++) {
        int index = ctx->pd.list[k];
        const RotaAssignment *a = &ctx->pd.asg[index];
        int unit;
        gsize key;
        RotapFinding *finding;

        if (a->duty != ROTA_DUTY_ONSITE)
            continue;
        unit = model->segments[a->segment].unit;
        if (unit < 0 || !is_head_or_deputy(&model->units[unit], a->person)) {
            finding = rotap_score_record_assignment(ctx, ROTAP_TERM_ELIGIBILITY, 0, a);
            finding->v.unit = unit;
            finding->arg[0] = unit < 0 ? ROTAP_WHY_NO_OWNER : ROTAP_WHY_NOT_HEAD;
            continue;
        }
        key = (gsize)unit * model->n_days + a->day;
        if (count[key]++ == 0)
            first[key] = index;
    }
}

static RotapFinding *
record_unit_day(RotapScoreCtx *ctx, RotapTerm term, int unit, int day)
{
    RotapFinding *finding = rotap_score_record(ctx, term, 0);

    finding->v.day = day;
    finding->v.shift = ctx->model->onsite_shift;
    finding->v.unit = unit;
    return finding;
}

/* Nobody valid on site: onsite_missing names who was available (the head
 * first, then the deputies in order); onsite_unstaffed names why nobody. */
static void
check_missing(RotapScoreCtx *ctx, int u, int day)
{
    const RotaModel *model = ctx->model;
    const RotapUnit *unit = &model->units[u];
    int candidate = -1;
    RotapWhy why;

    if (is_available(model, unit->head, day))
        candidate = unit->head;
    for (int i = 0; candidate < 0 && i < unit->n_deputies; i++)
        if (is_available(model, unit->deputies[i], day))
            candidate = unit->deputies[i];
    if (candidate >= 0) {
        record_unit_day(ctx, ROTAP_TERM_ONSITE_MISSING, u, day)->arg[0] = candidate;
        return;
    }
    if (unit->head >= 0)
        why = ROTAP_WHY_ALL_OFF;
    else if (unit->n_deputies > 0)
        why = ROTAP_WHY_NO_HEAD_ALL_OFF;
    else
        why = ROTAP_WHY_NOBODY;
    record_unit_day(ctx, ROTAP_TERM_ONSITE_UNSTAFFED, u, day)->arg[0] = why;
}

static void
check_unit_day(RotapScoreCtx *ctx, int u, int day, int count, int first)
{
    const RotaModel *model = ctx->model;
    const RotapUnit *unit = &model->units[u];
    gint64 weight = model->weights[ROTA_WEIGHT_DEPUTY_ONSITE];
    const RotaAssignment *a;
    RotapFinding *finding;

    if (count == 0) {
        check_missing(ctx, u, day);
        return;
    }
    if (count > 1) {
        record_unit_day(ctx, ROTAP_TERM_ONSITE_EXTRA, u, day)->arg[0] = count;
        return;
    }
    a = &ctx->pd.asg[first];
    if (a->person == unit->head || weight <= 0 || !is_available(model, unit->head, day))
        return;
    finding = rotap_score_record_assignment(ctx, ROTAP_TERM_DEPUTY_ONSITE, weight, a);
    finding->v.unit = u;
    finding->arg[0] = unit->head;
}

void
rotap_score_check_onsite(RotapScoreCtx *ctx)
{
    const RotaModel *model = ctx->model;
    gsize n_keys = (gsize)model->n_units * model->n_days;
    g_autofree int *count = g_new0(int, MAX(n_keys, 1));
    g_autofree int *first = g_new0(int, MAX(n_keys, 1));

    collect(ctx, count, first);
    if (model->onsite_shift < 0 || model->onsite_day == NULL)
        return;
    for (int d = 0; d < model->n_days; d++) {
        if (!model->onsite_day[d])
            continue;
        for (int u = 0; u < model->n_units; u++) {
            gsize key = (gsize)u * model->n_days + d;

            if (model->units[u].n_segments > 0)
                check_unit_day(ctx, u, d, count[key], count[key] > 0 ? first[key] : -1);
        }
    }
}
