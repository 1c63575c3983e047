/* SPDX-License-Identifier: MIT */
/* solver-data.c: the solver's read-only tables: values, slots, previous roster, units. */
#include "config.h"

#include "i18n-private.h"
#include "solver-private.h"
#include "util-private.h"

void
rotap_rng_seed(RotapRng *rng, guint64 seed, guint64 stream)
{
    guint64 z = seed ^ (stream * 0xd1b54a32d192ed03ULL);

    for (int i = 0; i < 4; i++) {
        guint64 v;

        z += 0x9e3779b97f4a7c15ULL;
        v = z;
        v = (v ^ (v >> 30)) * 0xbf58476d1ce4e5b9ULL;
        v = (v ^ (v >> 27)) * 0x94d049bb133111ebULL;
        rng->s[i] = v ^ (v >> 31);
    }
}

static int
gcd(int a, int b)
{
    while (b != 0) {
        int t = a % b;

        a = b;
        b = t;
    }
    return a;
}

static void
build_values(RotapSolverData *data)
{
    const RotaModel *model = data->model;
    int min_minutes = G_MAXINT;

    data->val_shift = g_new(int, data->n_values);
    data->val_minutes = g_new(int, data->n_values);
    data->val_unit = g_new(int, data->n_values);
    for (int c = 0; c < data->n_cells; c++) {
        int shift = model->cells[c].shift;

        data->val_shift[c] = shift;
        data->val_minutes[c] = model->shifts[shift].minutes;
        data->val_unit[c] = -1;
        min_minutes = MIN(min_minutes, model->shifts[shift].minutes);
        if (model->cells[c].n_days > 1)
            data->has_week_cells = TRUE;
    }
    for (int g = 0; g < model->n_segments; g++) {
        int v = data->n_cells + g;

        data->val_shift[v] = MAX(model->onsite_shift, 0);
        data->val_minutes[v] = 0;
        data->val_unit[v] = model->segments[g].unit;
    }
    data->minute_unit = min_minutes == G_MAXINT ? 60 : MAX(min_minutes, 1);
    for (int s = 0; s < model->n_shifts; s++) {
        data->shift_minutes_gcd = gcd(data->shift_minutes_gcd, model->shifts[s].minutes);
        data->longest_shift = MAX(data->longest_shift, model->shifts[s].minutes);
    }
}

/* The value of a roster assignment, or ROTAP_PREV_OTHER when no solver
 * value produces exactly that (shift, segment, duty). */
static int
assignment_value(const RotapSolverData *data, const RotaAssignment *a)
{
    const RotaModel *model = data->model;
    int cell;

    if (a->duty == ROTA_DUTY_ONSITE) {
        if (model->onsite_shift < 0 || a->shift != model->onsite_shift ||
            a->segment < 0 || a->segment >= model->n_segments)
            return ROTAP_PREV_OTHER;
        return data->n_cells + a->segment;
    }
    if (a->duty < 0 || a->duty >= model->n_duties)
        return ROTAP_PREV_OTHER;
    cell = rotap_model_find_cell(model, a->duty, a->segment, a->day);
    if (cell < 0 || model->cells[cell].shift != a->shift)
        return ROTAP_PREV_OTHER;
    return cell;
}

/*
 * prev_value: what the previous roster held per slot, as one value when
 * its assignments there are one (shift, segment, duty); the evaluator's
 * change term compares sets, and a solver slot holds at most one.
 * Locked assignments freeze their slot at the first representable one.
 */
static void
build_previous(RotapSolverData *data, const RotaRoster *previous)
{
    const GArray *asg = previous->assignments;
    int n_slots = MAX(data->n_slots, 0);

    data->has_prev = TRUE;
    for (int s = 0; s < n_slots; s++)
        data->prev_value[s] = ROTAP_NONE;
    for (guint i = 0; i < asg->len; i++) {
        const RotaAssignment *a = &g_array_index(asg, RotaAssignment, i);
        int slot = a->person * data->n_days + a->day, v = assignment_value(data, a);

        if (data->prev_value[slot] == ROTAP_NONE)
            data->prev_value[slot] = v;
        else if (data->prev_value[slot] != v)
            data->prev_value[slot] = ROTAP_PREV_OTHER;
        if (a->locked) {
            data->lock_start[slot + 1]++;
            data->n_locked++;
        }
    }
    for (int s = 0; s < n_slots; s++)
        data->lock_start[s + 1] += data->lock_start[s];
    data->lock_list = g_new(int, MAX(data->n_locked, 1));
}

/* After a list was filled by slot with start[slot] as each slot's cursor
 * (no cursor array beside it: one int per person and day in the largest
 * solves), start[slot] holds the next slot's start: shift it back. */
static void
restore_starts(int *start, int n_slots)
{
    for (int s = n_slots; s > 0; s--)
        start[s] = start[s - 1];
    start[0] = 0;
}

/* Fill lock_list per slot in roster order, and freeze each slot at its
 * first representable locked value. */
static void
order_locks(RotapSolverData *data, const RotaRoster *previous)
{
    const GArray *asg = previous->assignments;
    for (guint i = 0; i < asg->len; i++) {
        const RotaAssignment *a = &g_array_index(asg, RotaAssignment, i);
        int slot = a->person * data->n_days + a->day;

        if (a->locked)
            data->lock_list[data->lock_start[slot]++] = assignment_value(data, a);
    }
    restore_starts(data->lock_start, data->n_slots);
    for (int s = 0; s < data->n_slots; s++) {
        for (int k = data->lock_start[s]; k < data->lock_start[s + 1]; k++) {
            if (data->lock_list[k] != ROTAP_PREV_OTHER) {
                data->frozen[s] = 1;
                data->init_value[s] = data->lock_list[k];
                break;
            }
        }
    }
}

static void
build_requests(RotapSolverData *data)
{
    const RotaModel *model = data->model;

    if (model->n_requests == 0)
        return;
    g_assert(data->req_start != NULL); /* made by alloc_slot_tables() */
    data->req_list = g_new(int, model->n_requests);
    for (int i = 0; i < model->n_requests; i++) {
        const RotapRequest *r = &model->requests[i];

        data->req_start[r->person * data->n_days + r->day + 1]++;
    }
    for (int s = 0; s < data->n_slots; s++)
        data->req_start[s + 1] += data->req_start[s];
    for (int i = 0; i < model->n_requests; i++) {
        const RotapRequest *r = &model->requests[i];

        data->req_list[data->req_start[r->person * data->n_days + r->day]++] = i;
    }
    restore_starts(data->req_start, data->n_slots);
}

/*
 * Rest between assignments on days k apart is at least k * 1440 + m,
 * m the smallest start(b) - end(a) over shift pairs; a person whose
 * min_rest_minutes is at most 1440 + m can never break it.
 */
static void
build_people(RotapSolverData *data)
{
    const RotaModel *model = data->model;
    int m = G_MAXINT;

    for (int a = 0; a < model->n_shifts; a++)
        for (int b = 0; b < model->n_shifts; b++)
            m = MIN(m, model->shifts[b].start - model->shifts[a].start -
                           model->shifts[a].minutes);
    data->fair_unit = g_new(int, MAX(data->n_people, 1));
    data->rest_check = g_new0(guint8, MAX(data->n_people, 1));
    data->run_check = g_new0(guint8, MAX(data->n_people, 1));
    data->rest_span = 1;
    for (int p = 0; p < data->n_people; p++) {
        const RotapLimits *l = &model->people[p].limits;

        data->fair_unit[p] = -1;
        data->run_check[p] = l->min_consecutive > 1 || l->min_days_off > 1 ||
                             l->max_consecutive != ROTAP_UNLIMITED;
        if (model->n_shifts > 0 && 1440 + m < l->min_rest_minutes) {
            data->rest_check[p] = 1;
            /* the largest k with k * 1440 + m < min_rest */
            data->rest_span =
                MAX(data->rest_span, (int)(((gint64)l->min_rest_minutes - m - 1) / 1440));
        }
    }
    for (int u = 0; u < model->n_units; u++)
        for (int i = 0; i < model->units[u].n_fair_members; i++)
            data->fair_unit[model->units[u].fair_members[i]] = u;
}

static void
build_cells(RotapSolverData *data)
{
    const RotaModel *model = data->model;
    int total = 0;

    data->quota_start = g_new(int, (gsize)data->n_cells + 1);
    for (int c = 0; c < data->n_cells; c++) {
        data->quota_start[c] = total;
        total += model->duties[model->cells[c].duty].n_quotas;
    }
    data->quota_start[data->n_cells] = total;
    data->n_quota_counters = total;

    data->day_start = g_new0(int, (gsize)data->n_days + 1);
    for (int c = 0; c < data->n_cells; c++)
        for (int k = 0; k < model->cells[c].n_days; k++)
            data->day_start[model->cells[c].days[k] + 1]++;
    for (int d = 0; d < data->n_days; d++)
        data->day_start[d + 1] += data->day_start[d];
    data->day_shift_cell = g_new(int, MAX((gsize)data->n_days * model->n_shifts, 1));
    for (gsize i = 0; i < (gsize)data->n_days * model->n_shifts; i++)
        data->day_shift_cell[i] = -1;
    for (int c = 0; c < data->n_cells; c++) {
        for (int k = 0; k < model->cells[c].n_days; k++) {
            int *slot =
                &data->day_shift_cell[(gsize)model->cells[c].days[k] * model->n_shifts +
                                      model->cells[c].shift];

            *slot = *slot == -1 ? c : -2;
        }
    }
    for (gsize i = 0; i < (gsize)data->n_days * model->n_shifts; i++)
        data->day_shift_cell[i] = MAX(data->day_shift_cell[i], -1);
    data->dp_ok = model->onsite_shift < 0 && model->n_shifts > 0;
    for (int c = 0; c < data->n_cells && data->dp_ok; c++)
        data->dp_ok =
            model->cells[c].n_days == 1 &&
            data->day_shift_cell[(gsize)model->cells[c].days[0] * model->n_shifts +
                                 model->cells[c].shift] == c;
    data->day_cells = g_new(int, MAX(data->day_start[data->n_days], 1));
    {
        g_autofree int *cursor = g_memdup2(data->day_start, sizeof(int) * data->n_days);

        for (int c = 0; c < data->n_cells; c++)
            for (int k = 0; k < model->cells[c].n_days; k++)
                data->day_cells[cursor[model->cells[c].days[k]]++] = c;
    }
}

static gboolean
is_available(const RotaModel *model, int person, int day)
{
    return person >= 0 && !rotap_model_is_off(model, person, day, model->onsite_shift);
}

static void
build_onsite(RotapSolverData *data)
{
    const RotaModel *model = data->model;
    int n_units = model->n_units, total = 0;
    gsize n_keys = (gsize)n_units * data->n_days;

    data->onsite_start = g_new(int, (gsize)n_units + 1);
    for (int u = 0; u < n_units; u++) {
        data->onsite_start[u] = total;
        total += (model->units[u].head >= 0) + model->units[u].n_deputies;
    }
    data->onsite_start[n_units] = total;
    data->onsite_people = g_new(int, MAX(total, 1));
    for (int u = 0, k = 0; u < n_units; u++) {
        if (model->units[u].head >= 0)
            data->onsite_people[k++] = model->units[u].head;
        for (int i = 0; i < model->units[u].n_deputies; i++)
            data->onsite_people[k++] = model->units[u].deputies[i];
    }
    data->unit_day_term = g_new0(guint8, MAX(n_keys, 1));
    data->head_free = g_new0(guint8, MAX(n_keys, 1));
    if (model->onsite_shift < 0 || model->onsite_day == NULL)
        return;
    for (int u = 0; u < n_units; u++) {
        const RotapUnit *unit = &model->units[u];

        for (int d = 0; d < data->n_days; d++) {
            gsize key = (gsize)u * data->n_days + d;
            gboolean any = FALSE;

            data->head_free[key] = is_available(model, unit->head, d);
            if (!model->onsite_day[d] || unit->n_segments == 0)
                continue;
            for (int k = data->onsite_start[u]; k < data->onsite_start[u + 1]; k++)
                any = any || is_available(model, data->onsite_people[k], d);
            data->unit_day_term[key] =
                (guint8)(any ? ROTAP_TERM_ONSITE_MISSING : ROTAP_TERM_ONSITE_UNSTAFFED) +
                1;
        }
    }
}

/* The largest single soft penalty the model can charge: the scale of the
 * weight of hard violations. */
static void
choose_hard_weight(RotapSolverData *data)
{
    const RotaModel *model = data->model;
    gint64 big = 1;
    gboolean quotas = FALSE;

    for (int i = 0; i < model->n_duties; i++) {
        big = MAX(big, MAX(model->duties[i].under, model->duties[i].over));
        quotas = quotas || model->duties[i].n_quotas > 0;
    }
    if (quotas)
        big = MAX(big, model->weights[ROTA_WEIGHT_QUOTA]);
    if (model->onsite_shift >= 0)
        big = MAX(big, model->weights[ROTA_WEIGHT_DEPUTY_ONSITE]);
    if (data->has_prev)
        big = MAX(big, model->weights[ROTA_WEIGHT_CHANGE]);
    for (int i = 0; i < model->n_requests; i++)
        big = MAX(big, model->requests[i].weight);
    data->soft_unit = big;
    data->hard_weight = 10 * big;
}

/*
 * The arrays with an entry per person and day, the solver's largest and
 * the ones sized by the input alone: made first, each with
 * g_try_new(), so that a model too large for the memory at hand is an
 * error, not an abort.
 */
static gboolean
alloc_slot_tables(RotapSolverData *data, gboolean previous, GError **error)
{
    gsize n = (gsize)MAX(data->n_slots, 0) + 1;
    gboolean requests = data->model->n_requests > 0;
    double bytes = (double)n * (sizeof(guint8) + sizeof(int) +
                                (requests ? sizeof(int) : 0) +
                                (previous ? 2 * sizeof(int) : 0));

    data->frozen = g_try_new0(guint8, n);
    data->init_value = g_try_new(int, n);
    if (requests)
        data->req_start = g_try_new0(int, n);
    if (previous) {
        data->prev_value = g_try_new(int, n);
        data->lock_start = g_try_new0(int, n);
    }
    if (data->frozen != NULL && data->init_value != NULL &&
        (!requests || data->req_start != NULL) &&
        (!previous || (data->prev_value != NULL && data->lock_start != NULL)))
        return TRUE;
    return rotap_set_out_of_memory(error, _("the solver's tables of people x days"), bytes);
}

RotapSolverData *
rotap_solver_data_new(RotaModel *model, const RotaRoster *previous, GError **error)
{
    RotapSolverData *data = g_new0(RotapSolverData, 1);

    data->model = rota_model_ref(model);
    data->n_people = model->n_people;
    data->n_days = model->n_days;
    data->n_cells = model->n_cells;
    data->n_values = model->n_cells + model->n_segments;
    data->n_slots = model->n_people * model->n_days;
    if (!alloc_slot_tables(data, previous != NULL, error)) {
        rotap_solver_data_free(data);
        return NULL;
    }
    build_values(data);
    for (int s = 0; s < data->n_slots; s++)
        data->init_value[s] = ROTAP_NONE;
    if (previous != NULL) {
        build_previous(data, previous);
        order_locks(data, previous);
    }
    build_requests(data);
    build_people(data);
    build_cells(data);
    build_onsite(data);
    choose_hard_weight(data);
    return data;
}

void
rotap_solver_data_free(RotapSolverData *data)
{
    if (data == NULL)
        return;
    g_free(data->val_shift);
    g_free(data->val_minutes);
    g_free(data->val_unit);
    g_free(data->frozen);
    g_free(data->init_value);
    g_free(data->req_start);
    g_free(data->req_list);
    g_free(data->prev_value);
    g_free(data->lock_start);
    g_free(data->lock_list);
    g_free(data->fair_unit);
    g_free(data->rest_check);
    g_free(data->run_check);
    g_free(data->quota_start);
    g_free(data->onsite_start);
    g_free(data->onsite_people);
    g_free(data->unit_day_term);
    g_free(data->head_free);
    g_free(data->day_start);
    g_free(data->day_cells);
    g_free(data->day_shift_cell);
    rota_model_unref(data->model);
    g_free(data);
}

static gboolean
cell_is_due(const RotapCell *cell, int day)
{
    for (int k = 0; k < cell->n_days; k++)
        if (cell->days[k] == day)
            return TRUE;
    return FALSE;
}

gboolean
rotap_can_take(const RotapSolverData *data, int person, int day, int value)
{
    const RotaModel *model = data->model;
    int unit;

    if (data->frozen[person * data->n_days + day])
        return FALSE;
    if (value == ROTAP_NONE)
        return TRUE;
    if (value < data->n_cells) {
        const RotapCell *cell = &model->cells[value];
        const RotapEligible *e = &model->eligible[cell->eligible];

        return cell_is_due(cell, day) &&
               !rotap_model_is_off(model, person, day, cell->shift) &&
               rotap_eligible_has(e, person);
    }
    unit = data->val_unit[value];
    if (unit < 0 || model->onsite_shift < 0 || !model->onsite_day[day] ||
        rotap_model_is_off(model, person, day, model->onsite_shift))
        return FALSE;
    for (int k = data->onsite_start[unit]; k < data->onsite_start[unit + 1]; k++)
        if (data->onsite_people[k] == person)
            return TRUE;
    return FALSE;
}

RotapEligible
rotap_value_takers(const RotapSolverData *data, int value)
{
    const RotaModel *model = data->model;
    RotapEligible takers = {NULL, 0, 0, 0, TRUE};
    int unit;

    if (value >= 0 && value < data->n_cells)
        return model->eligible[model->cells[value].eligible];
    unit = value >= 0 ? data->val_unit[value] : -1;
    if (unit < 0)
        return takers;
    takers.people = data->onsite_people + data->onsite_start[unit];
    takers.n_people = data->onsite_start[unit + 1] - data->onsite_start[unit];
    takers.skip_at = takers.n_people;
    return takers;
}

gint64
rotap_request_cost(const RotapSolverData *data, int slot, int value)
{
    gint64 cost = 0;

    if (data->req_start == NULL)
        return 0;
    for (int k = data->req_start[slot]; k < data->req_start[slot + 1]; k++) {
        const RotapRequest *r = &data->model->requests[data->req_list[k]];
        gboolean found =
            value != ROTAP_NONE && (r->shift < 0 || data->val_shift[value] == r->shift);

        if (r->weight > 0 && found != (r->on != FALSE))
            cost += r->weight;
    }
    return cost;
}
