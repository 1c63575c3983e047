/* SPDX-License-Identifier: MIT */
/* draft-roster.c: fill a roster with a naive greedy rule, score it and save it. */

/*
 * Usage: draft-roster MODEL OUT.json
 *
 * An example of filling a roster through <rota/rota.h>, NOT the solver.
 * The rule is a naive, deterministic greedy pass that never undoes a
 * choice:
 *
 * 1. On-site hour: for every unit that adopts a segment and every on-site
 *    day, the head if available, else the first available deputy, at the
 *    unit's first segment.
 * 2. Duties: cell by cell in model order, the first `min` candidates who
 *    are available for the shift, have nothing else that day, and stay
 *    within limits this program tracks itself (DRAFT_MAX_WEEK duties per
 *    ISO week, DRAFT_MAX_RUN days in a row).  Candidates carrying a quota
 *    tag go first while the cell's quota is unmet; each cell starts where
 *    the previous cell of the same duty and segment stopped, so the load
 *    spreads over a unit.
 *
 * It knows nothing of the model's own limits, rest times, successions or
 * requests, so it leaves places empty and may break hard rules; the score
 * it prints and saves says which.  It exits 0 whenever the file is written.
 */
#include <rota/rota.h>
#include <stdio.h>

#define DRAFT_MAX_WEEK 3 /* non-on-site duties per person and ISO week */
#define DRAFT_MAX_RUN 3  /* days in a row with a non-on-site duty */

typedef struct {
    RotaModel *model;
    RotaRoster *roster;
    int n_people, n_days, n_segments, n_weeks;
    int *week;      /* by day: ISO week, 0 = the week of day 0 */
    guint8 *busy;   /* by person * n_days + day: any assignment */
    guint8 *worked; /* by person * n_days + day: a non-on-site duty */
    int *week_load; /* by person * n_weeks + week: non-on-site duties */
    int *cursor;    /* by duty * n_segments + segment: next candidate to try */
    int n_added;
} Draft;

/* Number the ISO weeks of the horizon from the weekday of its first day
 * (the model's dates are always valid "YYYY-MM-DD"). */
static void
draft_init(Draft *draft, RotaModel *model)
{
    g_autofree char *first = rota_model_dup_date(model, 0);
    GDate date;
    int y = 0, m = 0, d = 0, offset;
    gsize cells;

    sscanf(first, "%d-%d-%d", &y, &m, &d);
    g_date_clear(&date, 1);
    g_date_set_dmy(&date, d, m, y);
    offset = g_date_get_weekday(&date) - 1; /* Monday = 0 */

    draft->model = model;
    draft->roster = rota_roster_new(model);
    draft->n_people = rota_model_get_n_people(model);
    draft->n_days = rota_model_get_n_days(model);
    draft->n_segments = rota_model_get_n_segments(model);
    draft->n_weeks = (offset + draft->n_days + 6) / 7;
    draft->week = g_new(int, draft->n_days);
    for (int day = 0; day < draft->n_days; day++)
        draft->week[day] = (offset + day) / 7;
    cells = (gsize)draft->n_people * draft->n_days;
    draft->busy = g_new0(guint8, cells);
    draft->worked = g_new0(guint8, cells);
    draft->week_load = g_new0(int, (gsize)draft->n_people * draft->n_weeks);
    draft->cursor =
        g_new0(int, (gsize)rota_model_get_n_duties(model) * draft->n_segments + 1);
    draft->n_added = 0;
}

static void
draft_clear(Draft *draft)
{
    rota_roster_free(draft->roster);
    g_free(draft->week);
    g_free(draft->busy);
    g_free(draft->worked);
    g_free(draft->week_load);
    g_free(draft->cursor);
}

static gboolean
draft_add(Draft *draft, int day, int shift, int segment, int person, int duty,
          GError **error)
{
    RotaAssignment a = {day, shift, segment, person, duty, FALSE};
    gsize at = (gsize)person * draft->n_days + day;

    if (!rota_roster_add(draft->roster, &a, error))
        return FALSE;
    draft->busy[at] = 1;
    if (duty != ROTA_DUTY_ONSITE) {
        draft->worked[at] = 1;
        draft->week_load[person * draft->n_weeks + draft->week[day]]++;
    }
    draft->n_added++;
    return TRUE;
}

/* The run of working days @person would have if they also worked @day. */
static int
run_through(const Draft *draft, int person, int day)
{
    const guint8 *worked = draft->worked + (gsize)person * draft->n_days;
    int run = 1;

    for (int d = day - 1; d >= 0 && worked[d]; d--)
        run++;
    for (int d = day + 1; d < draft->n_days && worked[d]; d++)
        run++;
    return run;
}

/* Available for the shift and with nothing else that day. */
static gboolean
is_free(const Draft *draft, int person, int day, int shift)
{
    return rota_model_is_available(draft->model, person, day, shift) &&
           !draft->busy[(gsize)person * draft->n_days + day];
}

static gboolean
can_take(const Draft *draft, int person, int day, int shift)
{
    int load = draft->week_load[person * draft->n_weeks + draft->week[day]];

    return is_free(draft, person, day, shift) && load < DRAFT_MAX_WEEK &&
           run_through(draft, person, day) <= DRAFT_MAX_RUN;
}

/* The head if free, else the first free deputy, or -1. */
static int
pick_onsite(const Draft *draft, int unit, int day, int shift)
{
    int head = rota_model_get_unit_head(draft->model, unit);

    if (head >= 0 && is_free(draft, head, day, shift))
        return head;
    for (int k = 0; k < rota_model_get_n_unit_deputies(draft->model, unit); k++) {
        int deputy = rota_model_get_unit_deputy(draft->model, unit, k);

        if (is_free(draft, deputy, day, shift))
            return deputy;
    }
    return -1;
}

/* A unit whose head and deputies are all away stays unstaffed: the score
 * names it for the coordinator. */
static gboolean
draft_onsite(Draft *draft, GError **error)
{
    int shift = rota_model_get_onsite_shift(draft->model);

    if (shift < 0)
        return TRUE;
    for (int unit = 0; unit < rota_model_get_n_units(draft->model); unit++) {
        if (rota_model_get_n_unit_segments(draft->model, unit) == 0)
            continue;
        for (int day = 0; day < draft->n_days; day++) {
            int segment = rota_model_get_unit_segment(draft->model, unit, 0);
            int person;

            if (!rota_model_is_onsite_day(draft->model, day))
                continue;
            person = pick_onsite(draft, unit, day, shift);
            if (person >= 0 &&
                !draft_add(draft, day, shift, segment, person, ROTA_DUTY_ONSITE, error))
                return FALSE;
        }
    }
    return TRUE;
}

/* How many still unmet quotas of @duty @person's tags would help; with
 * @take, count the person against them. */
static int
quota_help(const Draft *draft, int duty, int *wanted, int person, gboolean take)
{
    int helps = 0;

    for (int k = 0; k < rota_model_get_n_duty_quotas(draft->model, duty); k++) {
        const char *tag = rota_model_get_duty_quota_tag(draft->model, duty, k);

        if (!rota_model_person_has_tag(draft->model, person, tag))
            continue;
        helps += wanted[k] > 0;
        if (take)
            wanted[k]--;
    }
    return helps;
}

/* The first day of @cell's window on which @person can serve, trying the
 * days from a per-cell offset so that weekly duties spread over the week. */
static int
pick_day(const Draft *draft, int cell, const RotaCellInfo *info, int person)
{
    for (int i = 0; i < info->n_days; i++) {
        int day = rota_model_get_cell_day(draft->model, cell, (cell + i) % info->n_days);

        if (can_take(draft, person, day, info->shift))
            return day;
    }
    return -1;
}

/*
 * Fill @cell up to its min: pass 0 takes only people who meet an unmet
 * quota, pass 1 anyone.  Both walk the candidates from the cursor of the
 * cell's duty and segment, which then moves past the last person taken.
 */
static gboolean
draft_cell(Draft *draft, int cell, GError **error)
{
    RotaCellInfo info;
    int n_quotas, n, taken = 0, *cursor;
    g_autofree int *wanted = NULL;

    rota_model_get_cell(draft->model, cell, &info);
    n = rota_model_get_n_cell_candidates(draft->model, cell);
    if (n == 0 || info.min == 0)
        return TRUE;
    n_quotas = rota_model_get_n_duty_quotas(draft->model, info.duty);
    wanted = g_new0(int, MAX(n_quotas, 1));
    for (int k = 0; k < n_quotas; k++)
        wanted[k] = rota_model_get_duty_quota_count(draft->model, info.duty, k);
    cursor = &draft->cursor[info.duty * draft->n_segments + info.segment];

    for (int pass = 0; pass < 2 && taken < info.min; pass++) {
        for (int i = 0; i < n && taken < info.min; i++) {
            int at = (*cursor + i) % n;
            int person = rota_model_get_cell_candidate(draft->model, cell, at);
            int day;

            if (pass == 0 && quota_help(draft, info.duty, wanted, person, FALSE) == 0)
                continue;
            day = pick_day(draft, cell, &info, person);
            if (day < 0)
                continue;
            if (!draft_add(draft, day, info.shift, info.segment, person, info.duty,
                           error))
                return FALSE;
            quota_help(draft, info.duty, wanted, person, TRUE);
            taken++;
            *cursor = (at + 1) % n;
        }
    }
    return TRUE;
}

static gboolean
draft_duties(Draft *draft, GError **error)
{
    for (int cell = 0; cell < rota_model_get_n_cells(draft->model); cell++)
        if (!draft_cell(draft, cell, error))
            return FALSE;
    return TRUE;
}

static gboolean
run_draft(const char *model_path, const char *out_path, GError **error)
{
    g_autoptr(RotaModel) model = rota_model_new_from_file(model_path, error);
    g_autoptr(RotaScore) score = NULL;
    Draft draft;
    gboolean ok;

    if (model == NULL)
        return FALSE;
    draft_init(&draft, model);
    ok = draft_onsite(&draft, error) && draft_duties(&draft, error);
    if (ok) {
        rota_roster_sort(draft.roster);
        score = rota_score_new(draft.roster, NULL);
        ok = rota_roster_save(draft.roster, score, out_path, error);
    }
    if (ok)
        printf("draft-roster: naive greedy draft, not the solver: %d assignments, "
               "hard %d, soft %" G_GINT64_FORMAT "\n",
               draft.n_added, rota_score_get_hard(score), rota_score_get_soft(score));
    draft_clear(&draft);
    return ok;
}

int
main(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;

    if (argc != 3) {
        fprintf(stderr, "usage: draft-roster MODEL OUT.json\n"
                        "Fill a roster of MODEL with a naive greedy rule (an API "
                        "example, not the solver), score it and save it.\n");
        return 2;
    }
    if (!run_draft(argv[1], argv[2], &error)) {
        fprintf(stderr, "draft-roster: %s\n", error->message);
        return 1;
    }
    return 0;
}
