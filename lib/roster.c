/* SPDX-License-Identifier: MIT */
/* roster.c: the roster type: its assignments, their checks and their order. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "roster-private.h"
#include "util-private.h"

/**
 * rota_roster_new:
 * @model: the model the roster's indices refer to
 *
 * Creates an empty roster for @model, with seed 0 and no solver figures.
 * The roster keeps a reference to @model.
 *
 * Returns: (transfer full): a new roster; free it with rota_roster_free().
 * Since: 0.1
 */
RotaRoster *
rota_roster_new(RotaModel *model)
{
    RotaRoster *roster;

    g_return_val_if_fail(model != NULL, NULL);

    roster = g_new0(RotaRoster, 1);
    roster->model = rota_model_ref(model);
    roster->assignments = g_array_new(FALSE, FALSE, sizeof(RotaAssignment));
    return roster;
}

/**
 * rota_roster_free:
 * @roster: (nullable): a roster
 *
 * Frees @roster and drops its reference to the model.  NULL is ignored.
 *
 * Since: 0.1
 */
void
rota_roster_free(RotaRoster *roster)
{
    if (roster == NULL)
        return;
    g_array_unref(roster->assignments);
    rota_model_unref(roster->model);
    g_free(roster->model_sha256);
    g_free(roster);
}

/**
 * rota_roster_copy:
 * @roster: a roster
 *
 * Copies @roster: its assignments (in their current order), seed, solver
 * figures and the model checksum it was read with.  The copy refers to
 * the same model.
 *
 * Returns: (transfer full): a new roster; free it with rota_roster_free().
 * Since: 0.1
 */
RotaRoster *
rota_roster_copy(const RotaRoster *roster)
{
    RotaRoster *copy;

    g_return_val_if_fail(roster != NULL && roster->model != NULL, NULL);

    copy = rota_roster_new(roster->model);
    g_array_append_vals(copy->assignments, roster->assignments->data,
                        roster->assignments->len);
    copy->seed = roster->seed;
    copy->has_solver_info = roster->has_solver_info;
    copy->threads = roster->threads;
    copy->moves = roster->moves;
    copy->has_bound = roster->has_bound;
    copy->bound = roster->bound;
    copy->model_sha256 = g_strdup(roster->model_sha256);
    return copy;
}

/**
 * rota_roster_get_model:
 * @roster: a roster
 *
 * Gives the model the roster's indices refer to.  The roster holds a
 * reference to it.
 *
 * Returns: (transfer none): the model of @roster, valid as long as @roster.
 * Since: 0.1
 */
RotaModel *
rota_roster_get_model(const RotaRoster *roster)
{
    g_return_val_if_fail(roster != NULL, NULL);
    return roster->model;
}

static gboolean out_of_range(GError **error, const char *format, ...) G_GNUC_PRINTF(2, 3);

/* "N is out of range" for one index kind (one message per kind, for the
 * translations' word order); sets error and returns FALSE. */
static gboolean
out_of_range(GError **error, const char *format, ...)
{
    va_list args;
    g_autofree char *message = NULL;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_INVALID, message);
    return FALSE;
}

static gboolean
in_range(int value, int count)
{
    return value >= 0 && value < count;
}

static gboolean
check_indices(const RotaModel *model, const RotaAssignment *a, GError **error)
{
    if (!in_range(a->day, model->n_days))
        return out_of_range(error, _("day %d is out of range (the model has %d days)"),
                            a->day, model->n_days);
    if (!in_range(a->shift, model->n_shifts))
        return out_of_range(error,
                            _("shift %d is out of range (the model has %d shifts)"),
                            a->shift, model->n_shifts);
    if (!in_range(a->segment, model->n_segments))
        return out_of_range(error,
                            _("segment %d is out of range (the model has %d segments)"),
                            a->segment, model->n_segments);
    if (!in_range(a->person, model->n_people))
        return out_of_range(error,
                            _("person %d is out of range (the model has %d people)"),
                            a->person, model->n_people);
    if (a->duty == ROTA_DUTY_ONSITE || in_range(a->duty, model->n_duties))
        return TRUE;
    return out_of_range(error, _("duty %d is out of range (the model has %d duties)"),
                        a->duty, model->n_duties);
}

/*
 * An on-site assignment is the unit's daily hour at one of its segments:
 * the rule must exist, run that day, and the segment must have an owner.
 * Whether the person is the head or a deputy is the evaluator's business.
 */
static gboolean
check_onsite(const RotaModel *model, const RotaAssignment *a, GError **error)
{
    g_autofree char *date = NULL;

    if (model->onsite_shift < 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("duty \"onsite\": the model has no on-site rule"));
        return FALSE;
    }
    if (a->shift != model->onsite_shift) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("duty \"onsite\" is on shift \"%s\", not \"%s\""),
                    model->shifts[model->onsite_shift].id, model->shifts[a->shift].id);
        return FALSE;
    }
    if (!model->onsite_day[a->day]) {
        date = rota_model_dup_date(model, a->day);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("duty \"onsite\" does not run on %s"), date);
        return FALSE;
    }
    if (model->segments[a->segment].unit < 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("duty \"onsite\" does not run at %s: no unit adopts it"),
                    model->segments[a->segment].id);
        return FALSE;
    }
    return TRUE;
}

/* A normal assignment must name one of the duty's cells. */
static gboolean
check_duty(const RotaModel *model, const RotaAssignment *a, GError **error)
{
    const RotapDuty *duty = &model->duties[a->duty];
    g_autofree char *date = NULL;

    if (a->shift != duty->shift) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("duty \"%s\" is on shift \"%s\", not \"%s\""), duty->id,
                    model->shifts[duty->shift].id, model->shifts[a->shift].id);
        return FALSE;
    }
    if (rotap_model_find_cell(model, a->duty, a->segment, a->day) >= 0)
        return TRUE;
    date = rota_model_dup_date(model, a->day);
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                _("duty \"%s\" does not run on %s at %s"), duty->id, date,
                model->segments[a->segment].id);
    return FALSE;
}

/**
 * rota_roster_add:
 * @roster: a roster
 * @assignment: the assignment to append (copied)
 * @error: return location for a #GError, or NULL
 *
 * Appends @assignment after checking that it names an existing duty cell:
 * every index is in range, and the duty runs on that shift, day and
 * segment (for #ROTA_DUTY_ONSITE: the model has an on-site rule for that
 * shift and day, and a unit adopts the segment).  Eligibility,
 * availability and double booking are not checked: a roster may break
 * those rules, and the evaluator reports them.
 *
 * Returns: TRUE on success; FALSE with ROTA_ERROR_INVALID, the roster
 * unchanged.
 * Since: 0.1
 */
gboolean
rota_roster_add(RotaRoster *roster, const RotaAssignment *assignment, GError **error)
{
    const RotaModel *model;
    RotaAssignment copy;

    g_return_val_if_fail(roster != NULL, FALSE);
    g_return_val_if_fail(assignment != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

    model = roster->model;
    if (!check_indices(model, assignment, error))
        return FALSE;
    if (assignment->duty == ROTA_DUTY_ONSITE) {
        if (!check_onsite(model, assignment, error))
            return FALSE;
    } else if (!check_duty(model, assignment, error)) {
        return FALSE;
    }
    copy = *assignment;
    copy.locked = assignment->locked ? TRUE : FALSE;
    g_array_append_val(roster->assignments, copy);
    return TRUE;
}

/* Resolve one id with finder; "unknown KIND "ID"" when it is not there (kind
 * translated). */
static gboolean
resolve_id(const RotaModel *model, int (*finder)(const RotaModel *, const char *),
           const char *kind, const char *id, int *out, GError **error)
{
    *out = finder(model, id);
    if (*out >= 0)
        return TRUE;
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID, _("unknown %s \"%s\""), kind, id);
    return FALSE;
}

static gboolean
resolve_date(const RotaModel *model, const char *date, int *out, GError **error)
{
    g_autofree char *first = NULL, *last = NULL;
    GDate parsed;

    if (!rotap_parse_date(date, &parsed)) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("bad date \"%s\" (expected YYYY-MM-DD)"), date);
        return FALSE;
    }
    *out = rota_model_find_day(model, date);
    if (*out >= 0)
        return TRUE;
    first = rota_model_dup_date(model, 0);
    last = rota_model_dup_date(model, model->n_days - 1);
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                _("%s is outside the horizon %s..%s"), date, first, last);
    return FALSE;
}

/*
 * Ids are resolved in file order (date, shift, segment, person, duty) so
 * that the first bad one is reported, with its key in *field.
 */
gboolean
rotap_roster_resolve(const RotaModel *model, const char *date, const char *shift,
                     const char *segment, const char *person, const char *duty,
                     RotaAssignment *out, const char **field, GError **error)
{
    memset(out, 0, sizeof *out);
    *field = "date";
    if (!resolve_date(model, date, &out->day, error))
        return FALSE;
    *field = "shift";
    if (!resolve_id(model, rota_model_find_shift, _("shift"), shift, &out->shift, error))
        return FALSE;
    *field = "segment";
    if (!resolve_id(model, rota_model_find_segment, _("segment"), segment, &out->segment,
                    error))
        return FALSE;
    *field = "person";
    if (!resolve_id(model, rota_model_find_person, _("person"), person, &out->person,
                    error))
        return FALSE;
    *field = "duty";
    if (strcmp(duty, "onsite") == 0) {
        out->duty = ROTA_DUTY_ONSITE;
        return TRUE;
    }
    return resolve_id(model, rota_model_find_duty, _("duty"), duty, &out->duty, error);
}

/**
 * rota_roster_add_by_id:
 * @roster: a roster
 * @date: the day as "YYYY-MM-DD", inside the model's horizon
 * @shift: a shift id
 * @segment: a segment id
 * @person: a person id
 * @duty: a duty id, or "onsite" for the on-site hour
 * @error: return location for a #GError, or NULL
 *
 * Resolves the ids against the roster's model and appends the assignment
 * (not locked) as rota_roster_add() does.
 *
 * Returns: TRUE on success; FALSE with ROTA_ERROR_INVALID (such as
 * `unknown person "P9"`), the roster unchanged.
 * Since: 0.1
 */
gboolean
rota_roster_add_by_id(RotaRoster *roster, const char *date, const char *shift,
                      const char *segment, const char *person, const char *duty,
                      GError **error)
{
    RotaAssignment a;
    const char *field;

    g_return_val_if_fail(roster != NULL, FALSE);
    g_return_val_if_fail(date != NULL && shift != NULL && segment != NULL, FALSE);
    g_return_val_if_fail(person != NULL && duty != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

    if (!rotap_roster_resolve(roster->model, date, shift, segment, person, duty, &a,
                              &field, error))
        return FALSE;
    return rota_roster_add(roster, &a, error);
}

/* Duty ids order after the on-site hour, which sorts first. */
static int
compare_duty(const RotaModel *model, int a, int b)
{
    if (a == b)
        return 0;
    if (a == ROTA_DUTY_ONSITE)
        return -1;
    if (b == ROTA_DUTY_ONSITE)
        return 1;
    return strcmp(model->duties[a].id, model->duties[b].id);
}

/*
 * The order of docs/roster-json.md, made total: after the documented keys the duty
 * (on-site first, then by id) and finally unlocked before locked, so that
 * sorting never depends on the input order.
 */
int
rotap_assignment_compare(const RotaAssignment *a, const RotaAssignment *b,
                         const RotaModel *model)
{
    int c;

    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    if (a->shift != b->shift) {
        int sa = model->shifts[a->shift].start, sb = model->shifts[b->shift].start;

        if (sa != sb)
            return sa < sb ? -1 : 1;
        return strcmp(model->shifts[a->shift].id, model->shifts[b->shift].id);
    }
    if (a->segment != b->segment)
        return strcmp(model->segments[a->segment].id, model->segments[b->segment].id);
    if (a->person != b->person)
        return strcmp(model->people[a->person].id, model->people[b->person].id);
    c = compare_duty(model, a->duty, b->duty);
    if (c != 0)
        return c;
    return (a->locked ? 1 : 0) - (b->locked ? 1 : 0);
}

/*
 * Sorting compares ranks instead of strings: each kind's ids are ranked
 * once by strcmp, which is the same order as rotap_assignment_compare but
 * keeps a sort of millions of assignments (a county-wide month) cheap.
 */
typedef struct {
    int *shift;   /* rank by (start, id) */
    int *segment; /* rank by id */
    int *person;  /* rank by id */
    int *duty;    /* rank by id, offset by one: 0 is the on-site hour */
} Ranks;

typedef struct {
    const RotaModel *model;
    int kind; /* 0 shifts, 1 segments, 2 people, 3 duties */
} RankContext;

static const char *
rank_id(const RankContext *ctx, int i)
{
    switch (ctx->kind) {
    case 0:
        return ctx->model->shifts[i].id;
    case 1:
        return ctx->model->segments[i].id;
    case 2:
        return ctx->model->people[i].id;
    default:
        return ctx->model->duties[i].id;
    }
}

static gint
compare_rank_entries(gconstpointer pa, gconstpointer pb, gpointer data)
{
    const RankContext *ctx = data;
    int a = *(const int *)pa, b = *(const int *)pb;

    if (ctx->kind == 0 && ctx->model->shifts[a].start != ctx->model->shifts[b].start)
        return ctx->model->shifts[a].start < ctx->model->shifts[b].start ? -1 : 1;
    return strcmp(rank_id(ctx, a), rank_id(ctx, b));
}

/* rank[i] = position of item i in the sorted order of its kind; rank is
 * allocated with offset leading free slots. */
static int *
make_ranks(const RotaModel *model, int kind, int n, int offset)
{
    RankContext ctx = {model, kind};
    g_autofree int *order = g_new(int, n > 0 ? n : 1);
    int *rank = g_new0(int, n + offset + 1);

    for (int i = 0; i < n; i++)
        order[i] = i;
    g_qsort_with_data(order, n, sizeof(int), compare_rank_entries, &ctx);
    for (int i = 0; i < n; i++)
        rank[order[i] + offset] = i + offset;
    return rank;
}

/* The duty ranks keep slot 0 for the on-site hour, which sorts first. */
static int
duty_slot(int duty)
{
    return duty == ROTA_DUTY_ONSITE ? 0 : duty + 1;
}

static gint
compare_ranked(gconstpointer pa, gconstpointer pb, gpointer data)
{
    const Ranks *r = data;
    const RotaAssignment *a = pa, *b = pb;
    int x;

    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    x = r->shift[a->shift] - r->shift[b->shift];
    if (x == 0)
        x = r->segment[a->segment] - r->segment[b->segment];
    if (x == 0)
        x = r->person[a->person] - r->person[b->person];
    if (x == 0)
        x = r->duty[duty_slot(a->duty)] - r->duty[duty_slot(b->duty)];
    if (x != 0)
        return x;
    return (a->locked ? 1 : 0) - (b->locked ? 1 : 0);
}

/**
 * rota_roster_sort:
 * @roster: a roster
 *
 * Sorts the assignments in the order of the roster file (docs/roster-json.md):
 * by date, shift start time, shift id, segment id and person id, then by
 * duty (the on-site hour first, then by id), unlocked before locked.
 * Ids compare as byte strings.  Indices returned before are invalidated.
 *
 * Since: 0.1
 */
void
rota_roster_sort(RotaRoster *roster)
{
    const RotaModel *model;
    Ranks ranks;

    g_return_if_fail(roster != NULL);

    model = roster->model;
    ranks.shift = make_ranks(model, 0, model->n_shifts, 0);
    ranks.segment = make_ranks(model, 1, model->n_segments, 0);
    ranks.person = make_ranks(model, 2, model->n_people, 0);
    ranks.duty = make_ranks(model, 3, model->n_duties, 1);
    g_qsort_with_data(roster->assignments->data, (gint)roster->assignments->len,
                      sizeof(RotaAssignment), compare_ranked, &ranks);
    g_free(ranks.shift);
    g_free(ranks.segment);
    g_free(ranks.person);
    g_free(ranks.duty);
}

/**
 * rota_roster_get_n_assignments:
 * @roster: a roster
 *
 * Counts the roster's assignments, on-site ones included; indices 0 .. n-1
 * address them with rota_roster_get_assignment().
 *
 * Returns: the number of assignments of @roster.
 * Since: 0.1
 */
int
rota_roster_get_n_assignments(const RotaRoster *roster)
{
    g_return_val_if_fail(roster != NULL, 0);
    return (int)roster->assignments->len;
}

/**
 * rota_roster_get_assignment:
 * @roster: a roster
 * @index: 0 .. rota_roster_get_n_assignments() - 1
 *
 * Lends one assignment of the roster.  Assignments keep the order in which
 * they were added or read until rota_roster_sort().
 *
 * Returns: (transfer none): the assignment at @index, valid until @roster
 * changes (an add or a sort).
 * Since: 0.1
 */
const RotaAssignment *
rota_roster_get_assignment(const RotaRoster *roster, int index)
{
    g_return_val_if_fail(roster != NULL, NULL);
    g_return_val_if_fail(index >= 0 && (guint)index < roster->assignments->len, NULL);
    return &g_array_index(roster->assignments, RotaAssignment, index);
}

/**
 * rota_roster_set_seed:
 * @roster: a roster
 * @seed: the random seed the roster was made with
 *
 * Records the solver's seed; it is written to the roster file.
 *
 * Since: 0.1
 */
void
rota_roster_set_seed(RotaRoster *roster, guint64 seed)
{
    g_return_if_fail(roster != NULL);
    roster->seed = seed;
}

/**
 * rota_roster_get_seed:
 * @roster: a roster
 *
 * Gives the random seed the roster was made with ("seed" in roster.json).
 * A solver given this seed (rota_solver_set_seed()), the same model,
 * previous roster and thread count, and a move limit equal to the moves
 * the roster records makes the same roster again.
 *
 * Returns: the seed recorded with rota_roster_set_seed() or read from a
 * roster file; 0 by default.
 * Since: 0.1
 */
guint64
rota_roster_get_seed(const RotaRoster *roster)
{
    g_return_val_if_fail(roster != NULL, 0);
    return roster->seed;
}

/**
 * rota_roster_set_solver_info:
 * @roster: a roster
 * @threads: the number of solver threads, at least 1
 * @moves: the number of local-search moves made
 *
 * Records how the roster was solved, written to the roster file as its
 * "solver" object.  No wall-clock figures: the file stays reproducible.
 *
 * Since: 0.1
 */
void
rota_roster_set_solver_info(RotaRoster *roster, int threads, guint64 moves)
{
    g_return_if_fail(roster != NULL);
    g_return_if_fail(threads >= 0);
    roster->has_solver_info = TRUE;
    roster->threads = threads;
    roster->moves = moves;
}

/**
 * rota_roster_get_model_sha256:
 * @roster: a roster
 *
 * The "model_sha256" of the roster file @roster was read from: the
 * checksum of the model file it was made for.  Compare it with
 * rota_model_get_sha256() to warn about a changed model.
 *
 * Returns: (transfer none) (nullable): the hex digest, or NULL when the
 * roster was not read from a file or the file had none.
 * Since: 0.1
 */
const char *
rota_roster_get_model_sha256(const RotaRoster *roster)
{
    g_return_val_if_fail(roster != NULL, NULL);
    return roster->model_sha256;
}
