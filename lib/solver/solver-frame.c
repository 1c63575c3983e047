/* SPDX-License-Identifier: MIT */
/* solver-frame.c: one person's hard constraints as states over a window of days. */
#include "config.h"

#include <string.h>

#include "solver-frame-private.h"

/* ------------------------------------------------------------ states */

/* Key layout: last (7 bits: 0 rest, 1 + shift), run (7), edge (1),
 * minutes units (13), new weekends (8), then the tracked counts in the
 * last COUNT_BITS bits, f->count_bits each (6 on windows of up to 64
 * days, four counts; 9 on a year, three): a count never passes its
 * residual, which is less than the window's length. */
#define COUNT_SHIFT 36
#define COUNT_BITS 28

static inline guint64
pack(const RotapFrame *f, int last, int run, int edge, int units, int weekends,
     const int *counts)
{
    guint64 key = (guint64)last | (guint64)run << 7 | (guint64)edge << 14 |
                  (guint64)units << 15 | (guint64)weekends << 28;

    for (int i = 0; i < f->n_tracked; i++)
        key |= (guint64)counts[i] << (COUNT_SHIFT + f->count_bits * i);
    return key;
}

static inline void
unpack(const RotapFrame *f, guint64 key, int *last, int *run, int *edge, int *units,
       int *weekends, int *counts)
{
    guint64 mask = (G_GUINT64_CONSTANT(1) << f->count_bits) - 1;

    *last = (int)(key & 0x7f);
    *run = (int)(key >> 7 & 0x7f);
    *edge = (int)(key >> 14 & 1);
    *units = (int)(key >> 15 & 0x1fff);
    *weekends = (int)(key >> 28 & 0xff);
    for (int i = 0; i < f->n_tracked; i++)
        counts[i] = (int)(key >> (COUNT_SHIFT + f->count_bits * i) & mask);
}

static int
run_length(const RotapState *st, const int *row, int day, int step, gboolean *edge)
{
    const RotapSolverData *data = st->data;
    gboolean work = rotap_is_cell(data, row[day]);
    int d = day, n = 0;

    while (d >= 0 && d < data->n_days && rotap_is_cell(data, row[d]) == work) {
        n++;
        d += step;
    }
    *edge = d < 0 || d >= data->n_days;
    return n;
}

/* Weekends worked outside the window, per weekend and in all. */
static void
frame_weekends(RotapFrame *f, guint8 *we_out)
{
    const RotapSolverData *data = f->st->data;
    const RotaModel *model = data->model;
    const int *row = f->st->x + (gsize)f->person * data->n_days;

    memset(we_out, 0, MAX(model->n_weekends, 1));
    for (int d = 0; d < data->n_days; d++)
        if ((d < f->first || d > f->last) && model->weekend[d] >= 0 &&
            rotap_is_cell(data, row[d]))
            we_out[model->weekend[d]] = 1;
    f->weekends_out = 0;
    for (int k = 0; k < model->n_weekends; k++)
        f->weekends_out += we_out[k];
    f->we_out = we_out;
}

/* What the window's schedule must respect, from the days outside it;
 * beyond the binding shift limits a state has room to track, a type keeps to its days. */
void
rotap_frame_init(RotapFrame *f, const RotapState *st, int person, int first, int last,
                 int slack, guint8 *we_out)
{
    const RotapSolverData *data = st->data;
    const RotaModel *model = data->model;
    const RotapLimits *l = &model->people[person].limits;
    const int *row = st->x + (gsize)person * data->n_days;
    g_autofree int *in_window = g_new0(int, model->n_shifts);
    int max_tracked;

    f->st = st;
    f->person = person;
    f->first = first;
    f->last = last;
    f->n_shifts = model->n_shifts;
    f->unit = data->shift_minutes_gcd;
    f->minutes_out = st->minutes[person];
    for (int d = first; d <= last; d++) {
        if (rotap_is_cell(data, row[d])) {
            f->minutes_out -= data->val_minutes[row[d]];
            in_window[data->val_shift[row[d]]]++;
        }
    }
    f->min_minutes = l->min_minutes - slack;
    f->max_minutes =
        l->max_minutes == ROTAP_UNLIMITED ? ROTAP_UNLIMITED : l->max_minutes + slack;
    f->max_weekends = l->max_weekends;
    f->n_tracked = 0;
    f->count_bits = 6;
    while ((1 << f->count_bits) < last - first + 1)
        f->count_bits++;
    max_tracked = MIN(ROTAP_FRAME_TRACKED, COUNT_BITS / f->count_bits);
    f->banned = 0;
    f->pinned = 0;
    for (int s = 0; s < model->n_shifts; s++) {
        int cap = model->max_shifts[(gsize)person * model->n_shifts + s], residual;

        if (cap == ROTAP_UNLIMITED || cap == 0)
            continue;
        residual =
            cap - (st->shift_n[(gsize)person * model->n_shifts + s] - in_window[s]);
        if (residual >= last - first + 1)
            continue;
        if (residual <= 0) {
            f->banned |= G_GUINT64_CONSTANT(1) << s;
            continue;
        }
        if (f->n_tracked == max_tracked) {
            /* Used only on the days that use it now: never more of it
             * in the window than now. */
            f->pinned |= G_GUINT64_CONSTANT(1) << s;
            continue;
        }
        f->tracked[f->n_tracked] = s;
        f->residual[f->n_tracked] = residual;
        f->n_tracked++;
    }
    f->max_cons = l->max_consecutive;
    f->min_cons = l->min_consecutive;
    f->min_off = l->min_days_off;
    f->run_cap = MAX(MAX(f->min_cons, f->min_off), 1);
    if (f->max_cons != ROTAP_UNLIMITED)
        f->run_cap = MAX(f->run_cap, f->max_cons + 1);
    f->run_cap = MIN(f->run_cap, 127);
    frame_weekends(f, we_out);
}

gboolean
rotap_frame_allows(const RotapFrame *f, int day, int value)
{
    const RotapSolverData *data = f->st->data;
    const RotaModel *model = data->model;
    int shift, current;

    if (value == ROTAP_NONE)
        return TRUE;
    shift = data->val_shift[value];
    if (model->max_shifts[(gsize)f->person * f->n_shifts + shift] == 0)
        return FALSE;
    current = f->st->x[(gsize)f->person * data->n_days + day];
    return !(f->pinned >> shift & 1) ||
           (current != ROTAP_NONE && data->val_shift[current] == shift);
}

/* The state before the window's first day. */
guint64
rotap_frame_start(const RotapFrame *f)
{
    const RotapSolverData *data = f->st->data;
    const int *row = f->st->x + (gsize)f->person * data->n_days;
    int counts[ROTAP_FRAME_TRACKED] = {0}, run, last = 0;
    gboolean edge = TRUE;

    if (f->first == 0)
        return pack(f, 0, f->run_cap, 1, 0, 0, counts);
    run = run_length(f->st, row, f->first - 1, -1, &edge);
    if (rotap_is_cell(data, row[f->first - 1]))
        last = 1 + data->val_shift[row[f->first - 1]];
    return pack(f, last, MIN(run, f->run_cap), edge, 0, 0, counts);
}

/* ------------------------------------------------------------ transitions */

/* The state after the person does value on day, or FALSE when that
 * breaks one of the person's hard constraints. */
gboolean
rotap_frame_step(const RotapFrame *f, guint64 key, int day, int value, guint64 *out)
{
    const RotapSolverData *data = f->st->data;
    const RotaModel *model = data->model;
    int last, run, edge, units, weekends, counts[ROTAP_FRAME_TRACKED];

    unpack(f, key, &last, &run, &edge, &units, &weekends, counts);
    if (value == ROTAP_NONE) {
        if (last > 0) {
            if (!edge && run < f->min_cons)
                return FALSE;
            run = 1;
            edge = day == 0;
        } else {
            run = MIN(run + 1, f->run_cap);
        }
        *out = pack(f, 0, run, edge, units, weekends, counts);
        return TRUE;
    }
    {
        int shift = data->val_shift[value], k = model->weekend[day];

        if (f->banned >> shift & 1)
            return FALSE;
        if (last > 0) {
            if (model->forbid[(last - 1) * model->n_shifts + shift])
                return FALSE;
            run++;
            if (f->max_cons != ROTAP_UNLIMITED && run > f->max_cons)
                return FALSE;
            run = MIN(run, f->run_cap);
        } else {
            if (!edge && run < f->min_off)
                return FALSE;
            run = 1;
            edge = day == 0;
        }
        units += data->val_minutes[value] / f->unit;
        /* past the maximum only when the days outside already are */
        if (f->max_minutes != ROTAP_UNLIMITED && f->minutes_out <= f->max_minutes &&
            f->minutes_out + (gint64)units * f->unit > f->max_minutes)
            return FALSE;
        if (units > 0x1fff)
            return FALSE;
        if (k >= 0 && !f->we_out[k] &&
            !(day > f->first && model->weekend[day - 1] == k && last > 0)) {
            weekends++;
            if (f->max_weekends != ROTAP_UNLIMITED &&
                f->weekends_out + weekends > f->max_weekends)
                return FALSE;
        }
        for (int i = 0; i < f->n_tracked; i++) {
            if (f->tracked[i] == shift && ++counts[i] > f->residual[i])
                return FALSE;
        }
        *out = pack(f, 1 + shift, run, edge, units, MIN(weekends, 0xff), counts);
        return TRUE;
    }
}

/* The constraints that close the window: the runs through its last day
 * merged with the days after it. */
gboolean
rotap_frame_finish_ok(const RotapFrame *f, guint64 key)
{
    const RotapSolverData *data = f->st->data;
    const RotaModel *model = data->model;
    const int *row = f->st->x + (gsize)f->person * data->n_days;
    int last, run, edge, units, weekends, counts[ROTAP_FRAME_TRACKED], right, next;
    gboolean work_right, to_end;

    unpack(f, key, &last, &run, &edge, &units, &weekends, counts);
    if (f->last == data->n_days - 1)
        return TRUE;
    next = row[f->last + 1];
    work_right = rotap_is_cell(data, next);
    right = run_length(f->st, row, f->last + 1, +1, &to_end);
    if (last > 0 && work_right) {
        if (model->forbid[(last - 1) * model->n_shifts + data->val_shift[next]])
            return FALSE;
        if (f->max_cons != ROTAP_UNLIMITED && run + right > f->max_cons)
            return FALSE;
        return edge || to_end || run + right >= f->min_cons;
    }
    if (last > 0)
        return (edge || run >= f->min_cons) && (to_end || right >= f->min_off);
    if (work_right)
        return (edge || run >= f->min_off) && (to_end || right >= f->min_cons) &&
               (f->max_cons == ROTAP_UNLIMITED || right <= f->max_cons);
    return edge || to_end || run + right >= f->min_off;
}

/*
 * Total minutes outside [min_minutes, max_minutes] are not ruled out but
 * charged as the search charges them (a hard violation of that size),
 * so that a person far from the minimum can still be re-rostered towards
 * it one window at a time.
 */
gint64
rotap_frame_minutes_penalty(const RotapFrame *f, guint64 key)
{
    const RotapSolverData *data = f->st->data;
    int last, run, edge, units, weekends, counts[ROTAP_FRAME_TRACKED];
    gint64 minutes, excess = 0;

    unpack(f, key, &last, &run, &edge, &units, &weekends, counts);
    minutes = f->minutes_out + (gint64)units * f->unit;
    if (minutes < f->min_minutes)
        excess = f->min_minutes - minutes;
    else if (f->max_minutes != ROTAP_UNLIMITED && minutes > f->max_minutes)
        excess = minutes - f->max_minutes;
    return (excess + data->minute_unit - 1) / data->minute_unit * data->hard_weight;
}

gint64
rotap_cover_cost(const RotaModel *model, int cell, int n)
{
    const RotapDuty *duty = &model->duties[model->cells[cell].duty];

    if (n < duty->min)
        return (gint64)duty->under * (duty->min - n);
    return (gint64)duty->over * (n - duty->min);
}
