/* SPDX-License-Identifier: MIT */
/* score-cells.c: duty cells: eligibility, the cap, uncovered and extra places, quotas. */
#include "config.h"

#include "score-private.h"

/* Assignments grouped by cell: those of cell c are list[start[c] .. start[c + 1] - 1]. */
typedef struct {
    int *start; /* n_cells + 1 */
    int *list;
} CellIndex;

/*
 * Find each non-on-site assignment's cell, and flag the assignments whose
 * person may not serve there (one eligibility violation each).  An
 * assignment naming no cell cannot come from a validated roster, but is
 * reported rather than trusted.
 */
static void
find_cells(RotapScoreCtx *ctx)
{
    const RotaModel *model = ctx->model;

    ctx->cell_of = g_new(int, MAX(ctx->pd.n_asg, 1));
    for (int i = 0; i < ctx->pd.n_asg; i++) {
        const RotaAssignment *a = &ctx->pd.asg[i];
        int cell = -1;

        if (a->duty != ROTA_DUTY_ONSITE)
            cell = rotap_model_find_cell(model, a->duty, a->segment, a->day);
        ctx->cell_of[i] = cell;
        if (a->duty == ROTA_DUTY_ONSITE)
            continue;
        if (cell < 0) {
            rotap_score_record_assignment(ctx, ROTAP_TERM_ELIGIBILITY, 0, a)->arg[0] =
                ROTAP_WHY_NO_CELL;
        } else if (!rotap_model_is_eligible(model, cell, a->person)) {
            rotap_score_record_assignment(ctx, ROTAP_TERM_ELIGIBILITY, 0, a)->arg[0] =
                ROTAP_WHY_NOT_ELIGIBLE;
        }
    }
}

/* A counting sort of the assignments by cell, in person-day order. */
static void
cell_index_build(CellIndex *index, const RotapScoreCtx *ctx)
{
    int n_cells = ctx->model->n_cells;

    index->start = g_new0(int, (gsize)n_cells + 2);
    index->list = g_new(int, MAX(ctx->pd.n_asg, 1));
    for (int i = 0; i < ctx->pd.n_asg; i++)
        if (ctx->cell_of[i] >= 0)
            index->start[ctx->cell_of[i] + 2]++;
    for (int c = 2; c < n_cells + 2; c++)
        index->start[c] += index->start[c - 1];
    for (int k = 0; k < ctx->pd.n_asg; k++) {
        int i = ctx->pd.list[k];

        if (ctx->cell_of[i] >= 0)
            index->list[index->start[ctx->cell_of[i] + 1]++] = i;
    }
}

static RotapFinding *
record_cell(RotapScoreCtx *ctx, RotapTerm term, gint64 penalty, int cell)
{
    const RotapCell *c = &ctx->model->cells[cell];
    RotapFinding *finding = rotap_score_record(ctx, term, penalty);

    finding->v.day = c->n_days > 0 ? c->days[0] : c->first_day;
    finding->v.shift = c->shift;
    finding->v.segment = c->segment;
    finding->v.duty = c->duty;
    finding->arg[3] = cell;
    return finding;
}

/* over_max (hard), uncovered and over (soft) for one cell holding n. */
static void
check_count(RotapScoreCtx *ctx, int cell, int n)
{
    const RotapDuty *duty = &ctx->model->duties[ctx->model->cells[cell].duty];
    RotapFinding *finding = NULL;

    if (duty->max != ROTAP_UNLIMITED && n > duty->max) {
        finding = record_cell(ctx, ROTAP_TERM_OVER_MAX, 0, cell);
        finding->arg[0] = n;
        finding->arg[1] = duty->max;
    }
    if (n < duty->min && (gint64)duty->under * (duty->min - n) > 0) {
        finding = record_cell(ctx, ROTAP_TERM_UNCOVERED,
                              (gint64)duty->under * (duty->min - n), cell);
        finding->arg[0] = n;
        finding->arg[1] = duty->min;
    }
    if (n > duty->min && (gint64)duty->over * (n - duty->min) > 0) {
        finding =
            record_cell(ctx, ROTAP_TERM_OVER, (gint64)duty->over * (n - duty->min), cell);
        finding->arg[0] = n;
        finding->arg[1] = duty->min;
    }
}

/*
 * quota (soft): each quota counts the distinct people assigned to the cell
 * who carry its tag (a person serving twice in a week window counts once);
 * each missing one costs rules.weights.quota, also in an empty cell.
 * stamp[] marks the people already counted for the current quota, which
 * *serial numbers.
 */
static void
check_quotas(RotapScoreCtx *ctx, const CellIndex *index, int cell, int *stamp,
             int *serial)
{
    const RotaModel *model = ctx->model;
    const RotapDuty *duty = &model->duties[model->cells[cell].duty];
    gint64 weight = model->weights[ROTA_WEIGHT_QUOTA];

    for (int q = 0; q < duty->n_quotas; q++) {
        const RotapQuota *quota = &duty->quotas[q];
        int have = 0, mark = (*serial)++;
        RotapFinding *finding;

        for (int k = index->start[cell]; k < index->start[cell + 1]; k++) {
            int person = ctx->pd.asg[index->list[k]].person;

            if (stamp[person] == mark)
                continue;
            stamp[person] = mark;
            if (rotap_person_has_tag(model, person, quota->tag))
                have++;
        }
        if (have >= quota->count || weight * (quota->count - have) <= 0)
            continue;
        finding =
            record_cell(ctx, ROTAP_TERM_QUOTA, weight * (quota->count - have), cell);
        finding->arg[0] = have;
        finding->arg[1] = quota->count;
        finding->arg[2] = quota->tag;
    }
}

void
rotap_score_check_cells(RotapScoreCtx *ctx)
{
    const RotaModel *model = ctx->model;
    CellIndex index = {NULL, NULL};
    g_autofree int *stamp = g_new(int, MAX(model->n_people, 1));
    int serial = 0;

    find_cells(ctx);
    cell_index_build(&index, ctx);
    for (int p = 0; p < model->n_people; p++)
        stamp[p] = -1;
    for (int c = 0; c < model->n_cells; c++) {
        check_count(ctx, c, index.start[c + 1] - index.start[c]);
        check_quotas(ctx, &index, c, stamp, &serial);
    }
    g_free(index.start);
    g_free(index.list);
}
