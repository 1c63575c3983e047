/* SPDX-License-Identifier: MIT */
/* bulletin.c: count the records of a period per unit and person, score and rank the
 * units. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "bulletin-private.h"
#include "util-private.h"

/*
 * The counting rules are docs/records.md's, word for word; where it leaves a
 * choice, this file makes it and README.md says so:
 *  - an on-site entry is an entry of the on-site shift that names an
 *    on-site assignment of the roster, or an unscheduled one; its unit is
 *    the owner of its segment;
 *  - a finding's state is its state at the period's end: closed after the
 *    end counts as not closed;
 *  - people lists everyone with an entry or credited work in the period;
 *    hours_total counts every entry up to the period's last day;
 *  - the score is base minus three capped groups of deductions (on-site,
 *    attendance, findings), never below 0.
 */

static int
unit_of_person(const RotaModel *model, int person)
{
    return person >= 0 ? model->people[person].unit : -1;
}

static gboolean
works(RotaStatus status)
{
    return status == ROTA_STATUS_DONE || status == ROTA_STATUS_LATE ||
           status == ROTA_STATUS_SUBSTITUTED;
}

/* Who did the work of an entry: the person, the substitute, or nobody. */
static int
doer(const RotaAttendance *a)
{
    if (a->status == ROTA_STATUS_SUBSTITUTED)
        return a->substitute;
    return a->status == ROTA_STATUS_DONE || a->status == ROTA_STATUS_LATE ? a->person
                                                                          : -1;
}

static gboolean
is_onsite_entry(const RotaRecords *records, const RotapAttendance *e)
{
    const RotaModel *model = records->model;

    if (e->a.shift != model->onsite_shift)
        return FALSE;
    if (e->assignment < 0 || records->roster == NULL)
        return TRUE;
    return g_array_index(records->roster->assignments, RotaAssignment, e->assignment)
               .duty == ROTA_DUTY_ONSITE;
}

static void
count_onsite(RotaBulletin *b)
{
    const RotaModel *model = b->model;
    int n_days = b->to_day - b->from_day + 1;
    g_autofree guint8 *kept = g_new0(guint8, (gsize)model->n_units * n_days);

    for (guint i = 0; i < b->records->attendance->len; i++) {
        const RotapAttendance *e =
            &g_array_index(b->records->attendance, RotapAttendance, i);
        int u = model->segments[e->a.segment].unit, who = doer(&e->a);
        guint8 *k;

        if (u < 0 || who < 0 || e->a.day < b->from_day || e->a.day > b->to_day ||
            !is_onsite_entry(b->records, e))
            continue;
        k = &kept[(gsize)u * n_days + (e->a.day - b->from_day)];
        if (who == model->units[u].head)
            *k |= 2;
        for (int j = 0; j < model->units[u].n_deputies; j++)
            if (who == model->units[u].deputies[j])
                *k |= 1;
    }
    for (int u = 0; u < model->n_units; u++) {
        RotaBulletinUnit *bu = &b->units[u];

        for (int d = MAX(b->from_day, 0); d <= MIN(b->to_day, model->n_days - 1); d++) {
            guint8 k = kept[(gsize)u * n_days + (d - b->from_day)];

            if (model->units[u].n_segments == 0 || model->onsite_day == NULL ||
                !model->onsite_day[d])
                continue;
            bu->onsite_required++;
            if (k & 2)
                bu->onsite_head++;
            else if (k & 1)
                bu->onsite_deputy++;
            else
                bu->onsite_missed++;
        }
    }
}

static void
count_attendance(RotaBulletin *b, const RotaRoster *roster)
{
    const RotaModel *model = b->model;

    for (guint i = 0; i < roster->assignments->len; i++) {
        const RotaAssignment *a = &g_array_index(roster->assignments, RotaAssignment, i);
        int u = unit_of_person(model, a->person);
        g_autofree char *key = NULL;
        int entry;
        RotaBulletinUnit *bu;

        if (u < 0 || a->duty == ROTA_DUTY_ONSITE || a->day < b->from_day ||
            a->day > b->to_day)
            continue;
        bu = &b->units[u];
        bu->assigned++;
        key = rotap_slot_key(model, a->day, a->shift, a->segment, a->person);
        entry = GPOINTER_TO_INT(g_hash_table_lookup(b->records->entries, key)) - 1;
        if (entry < 0) {
            bu->unrecorded++;
            continue;
        }
        switch (g_array_index(b->records->attendance, RotapAttendance, entry).a.status) {
        case ROTA_STATUS_DONE:
            bu->done++;
            break;
        case ROTA_STATUS_LATE:
            bu->late++;
            break;
        case ROTA_STATUS_ABSENT:
            bu->absent++;
            break;
        case ROTA_STATUS_EXCUSED:
            bu->excused++;
            break;
        default:
            bu->substituted++;
            break;
        }
    }
}

static void
count_hours(RotaBulletin *b, gint64 *minutes, gint64 *total, guint8 *listed)
{
    const RotaModel *model = b->model;

    for (guint i = 0; i < b->records->attendance->len; i++) {
        const RotaAttendance *a =
            &g_array_index(b->records->attendance, RotapAttendance, i).a;
        int credited = a->status == ROTA_STATUS_SUBSTITUTED ? a->substitute : a->person;
        gint64 m = a->minutes >= 0    ? a->minutes
                   : works(a->status) ? model->shifts[a->shift].minutes
                                      : 0;
        int u = unit_of_person(model, credited);

        if (a->day > b->to_day)
            continue;
        total[credited] += m;
        if (a->day < b->from_day)
            continue;
        minutes[credited] += m;
        listed[credited] = listed[a->person] = 1;
        if (u >= 0)
            b->units[u].minutes += m;
    }
}

static void
count_findings(RotaBulletin *b)
{
    const RotaModel *model = b->model;
    gint64 end = rotap_day_start(model, b->to_day + 1);

    for (guint i = 0; i < b->records->findings->len; i++) {
        const RotaFindingInfo *f =
            &g_array_index(b->records->findings, RotapFindingRec, i).f;
        gint64 day = rotap_timestamp_day(model, f->found_at);
        int u = model->segments[f->segment].unit, c = f->category;
        RotaBulletinUnit *bu;

        if (u < 0 || day < b->from_day || day > b->to_day)
            continue;
        bu = &b->units[u];
        bu->found++;
        bu->category_found[c]++;
        if (f->closed != NULL && f->closed_at < end) {
            if (f->closed_at <= f->deadline_at) {
                bu->closed_in_time++;
                bu->category_in_time[c]++;
            } else {
                bu->closed_late++;
                bu->category_late[c]++;
            }
        } else if (f->deadline_at <= end) {
            bu->open_overdue++;
            bu->category_overdue[c]++;
        } else {
            bu->open++;
        }
    }
}

static gint64
capped(const RotaModel *model, RotaAssess cap, gint64 value)
{
    if ((model->assess_on >> cap) & 1)
        return MIN(value, model->assess[cap]);
    return value;
}

static void
score_unit(const RotaModel *model, RotaBulletinUnit *bu)
{
    const gint64 *w = model->assess;
    gint64 score = w[ROTA_ASSESS_BASE];

    score -= capped(model, ROTA_ASSESS_CAP_ONSITE,
                    bu->onsite_missed * w[ROTA_ASSESS_ONSITE_MISSED]);
    score -= capped(model, ROTA_ASSESS_CAP_ATTENDANCE,
                    bu->absent * w[ROTA_ASSESS_ABSENT] + bu->late * w[ROTA_ASSESS_LATE]);
    score -= capped(model, ROTA_ASSESS_CAP_FINDINGS,
                    bu->open_overdue * w[ROTA_ASSESS_OVERDUE] +
                        bu->closed_late * w[ROTA_ASSESS_CLOSED_LATE]);
    bu->score = MAX(score, 0);
}

static int
compare_units(gconstpointer pa, gconstpointer pb, gpointer model)
{
    const RotaBulletinUnit *a = pa, *b = pb;

    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(((RotaModel *)model)->units[a->unit].id,
                  ((RotaModel *)model)->units[b->unit].id);
}

/* Competition ranks, then the red and black lists of the rubric. */
static void
rank_units(RotaBulletin *b)
{
    const RotaModel *model = b->model;
    guint on = model->assess_on;
    int n = model->n_units;

    g_qsort_with_data(b->units, n, sizeof *b->units, compare_units, b->model);
    for (int i = 0; i < n; i++) {
        RotaBulletinUnit *bu = &b->units[i];
        int lower = 0;

        bu->rank =
            i > 0 && bu->score == b->units[i - 1].score ? b->units[i - 1].rank : i + 1;
        for (int j = n - 1; j >= 0 && b->units[j].score < bu->score; j--)
            lower++;
        bu->red =
            (on & (1u << ROTA_ASSESS_RED_TOP) || on & (1u << ROTA_ASSESS_RED_MIN)) &&
            (!(on & (1u << ROTA_ASSESS_RED_TOP)) ||
             bu->rank * 100 <= model->assess[ROTA_ASSESS_RED_TOP]) &&
            (!(on & (1u << ROTA_ASSESS_RED_MIN)) ||
             bu->score >= model->assess[ROTA_ASSESS_RED_MIN]);
        bu->black = !bu->red &&
                    (on & (1u << ROTA_ASSESS_BLACK_BOTTOM) ||
                     on & (1u << ROTA_ASSESS_BLACK_BELOW)) &&
                    (!(on & (1u << ROTA_ASSESS_BLACK_BOTTOM)) ||
                     lower * 100 < model->assess[ROTA_ASSESS_BLACK_BOTTOM]) &&
                    (!(on & (1u << ROTA_ASSESS_BLACK_BELOW)) ||
                     bu->score < model->assess[ROTA_ASSESS_BLACK_BELOW]);
    }
}

static gboolean
parse_period(RotaBulletin *b, const char *from, const char *to, GError **error)
{
    GDate d_from, d_to;

    if (!rotap_parse_date(from, &d_from) || !rotap_parse_date(to, &d_to)) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("period: \"%s\"..\"%s\" is not a pair of dates (YYYY-MM-DD)"), from,
                    to);
        return FALSE;
    }
    if (g_date_compare(&d_from, &d_to) > 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID, _("period: %s is after %s"),
                    from, to);
        return FALSE;
    }
    b->from = g_strdup(from);
    b->to = g_strdup(to);
    b->from_day = (int)((gint64)g_date_get_julian(&d_from) -
                        (gint64)g_date_get_julian(&b->model->start));
    b->to_day = (int)((gint64)g_date_get_julian(&d_to) -
                      (gint64)g_date_get_julian(&b->model->start));
    return TRUE;
}

static void
collect_people(RotaBulletin *b, const gint64 *minutes, const gint64 *total,
               const guint8 *listed)
{
    const RotaModel *model = b->model;
    g_autofree int *order = g_new(int, MAX(model->n_people, 1));
    int n = 0;

    for (int p = 0; p < model->n_people; p++)
        if (listed[p])
            order[n++] = p;
    b->n_people = n;
    b->people = g_new0(RotaBulletinPerson, MAX(n, 1));
    for (int i = 0; i < n; i++) {
        b->people[i].person = order[i];
        b->people[i].minutes = minutes[order[i]];
        b->people[i].minutes_total = total[order[i]];
    }
    /* by person id (byte order), not by index */
    g_qsort_with_data(b->people, n, sizeof *b->people, rotap_compare_person_ids,
                      b->model);
}

int
rotap_compare_person_ids(gconstpointer pa, gconstpointer pb, gpointer model)
{
    const RotaBulletinPerson *a = pa, *b = pb;

    return strcmp(((RotaModel *)model)->people[a->person].id,
                  ((RotaModel *)model)->people[b->person].id);
}

/**
 * rota_bulletin_new:
 * @records: the records
 * @roster: the roster whose assignments are counted as assigned
 * @from: first day of the period, "YYYY-MM-DD"
 * @to: last day of the period
 * @error: return location for a #GError, or %NULL
 *
 * Counts the period's figures per unit and person as docs/records.md says,
 * scores the units by the model's rules.assessment (or the default
 * rubric) and ranks them.
 *
 * Returns: (transfer full) (nullable): the bulletin, or %NULL when the
 *   period is malformed.
 * Since: 0.1
 */
RotaBulletin *
rota_bulletin_new(const RotaRecords *records, const RotaRoster *roster, const char *from,
                  const char *to, GError **error)
{
    RotaBulletin *b;
    const RotaModel *model;
    g_autofree gint64 *minutes = NULL, *total = NULL;
    g_autofree guint8 *listed = NULL;

    g_return_val_if_fail(records != NULL && roster != NULL, NULL);
    g_return_val_if_fail(roster->model == records->model, NULL);
    g_return_val_if_fail(from != NULL && to != NULL, NULL);
    model = records->model;
    b = g_new0(RotaBulletin, 1);
    b->model = rota_model_ref(records->model);
    b->records = records;
    if (!parse_period(b, from, to, error)) {
        rota_bulletin_free(b);
        return NULL;
    }
    b->units = g_new0(RotaBulletinUnit, MAX(model->n_units, 1));
    for (int u = 0; u < model->n_units; u++)
        b->units[u].unit = u;
    minutes = g_new0(gint64, MAX(model->n_people, 1));
    total = g_new0(gint64, MAX(model->n_people, 1));
    listed = g_new0(guint8, MAX(model->n_people, 1));
    count_onsite(b);
    count_attendance(b, roster);
    count_hours(b, minutes, total, listed);
    count_findings(b);
    for (int u = 0; u < model->n_units; u++)
        score_unit(model, &b->units[u]);
    rank_units(b);
    collect_people(b, minutes, total, listed);
    b->records = NULL;
    return b;
}

/**
 * rota_bulletin_free:
 * @bulletin: (nullable): a bulletin
 *
 * Frees the bulletin and the units and people it lends, and drops its
 * reference to the model.  Does nothing when @bulletin is %NULL.
 *
 * Since: 0.1
 */
void
rota_bulletin_free(RotaBulletin *bulletin)
{
    if (bulletin == NULL)
        return;
    if (!rotap_extra_unref(&bulletin->extra_refs))
        return;
    rota_model_unref(bulletin->model);
    g_free(bulletin->from);
    g_free(bulletin->to);
    g_free(bulletin->units);
    g_free(bulletin->people);
    g_free(bulletin);
}

/* The copy function of the boxed type: one more reference. */
static RotaBulletin *
box_bulletin_ref(RotaBulletin *bulletin)
{
    rotap_extra_ref(&bulletin->extra_refs);
    return bulletin;
}

G_DEFINE_BOXED_TYPE(RotaBulletin, rota_bulletin, box_bulletin_ref, rota_bulletin_free)

/**
 * rota_bulletin_get_from:
 * @bulletin: a bulletin
 *
 * Gives the first day of the period, as given to rota_bulletin_new().
 *
 * Returns: (transfer none): the period's first day, "YYYY-MM-DD",
 *   valid as long as @bulletin.
 * Since: 0.1
 */
const char *
rota_bulletin_get_from(const RotaBulletin *bulletin)
{
    g_return_val_if_fail(bulletin != NULL, NULL);
    return bulletin->from;
}

/**
 * rota_bulletin_get_to:
 * @bulletin: a bulletin
 *
 * Gives the last day of the period, included: the period ends at
 * midnight after it, in the model's time zone.
 *
 * Returns: (transfer none): the period's last day, "YYYY-MM-DD",
 *   valid as long as @bulletin.
 * Since: 0.1
 */
const char *
rota_bulletin_get_to(const RotaBulletin *bulletin)
{
    g_return_val_if_fail(bulletin != NULL, NULL);
    return bulletin->to;
}

/**
 * rota_bulletin_get_n_units:
 * @bulletin: a bulletin
 *
 * Counts the units of the bulletin: every unit of the model is listed,
 * also one without duties in the period.
 *
 * Returns: the number of units (every unit of the model).
 * Since: 0.1
 */
int
rota_bulletin_get_n_units(const RotaBulletin *bulletin)
{
    g_return_val_if_fail(bulletin != NULL, 0);
    return bulletin->model->n_units;
}

/**
 * rota_bulletin_get_unit:
 * @bulletin: a bulletin
 * @index: 0 .. rota_bulletin_get_n_units() - 1, in rank order
 *
 * Gives a unit's figures by position in the ranking: best score first,
 * equal scores by unit id.  The unit's model index is in the result's
 * unit field.
 *
 * Returns: (transfer none): the unit's figures, valid as long as @bulletin.
 * Since: 0.1
 */
const RotaBulletinUnit *
rota_bulletin_get_unit(const RotaBulletin *bulletin, int index)
{
    g_return_val_if_fail(bulletin != NULL, NULL);
    g_return_val_if_fail(index >= 0 && index < bulletin->model->n_units, NULL);
    return &bulletin->units[index];
}

/**
 * rota_bulletin_get_n_people:
 * @bulletin: a bulletin
 *
 * Counts the people the bulletin lists.
 *
 * Returns: the number of people listed (an entry or credited work in the period).
 * Since: 0.1
 */
int
rota_bulletin_get_n_people(const RotaBulletin *bulletin)
{
    g_return_val_if_fail(bulletin != NULL, 0);
    return bulletin->n_people;
}

/**
 * rota_bulletin_get_person:
 * @bulletin: a bulletin
 * @index: 0 .. rota_bulletin_get_n_people() - 1, by person id
 *
 * Gives one person's work time, people sorted by person id (byte order).
 *
 * Returns: (transfer none): the person's minutes, valid as long as @bulletin.
 * Since: 0.1
 */
const RotaBulletinPerson *
rota_bulletin_get_person(const RotaBulletin *bulletin, int index)
{
    g_return_val_if_fail(bulletin != NULL, NULL);
    g_return_val_if_fail(index >= 0 && index < bulletin->n_people, NULL);
    return &bulletin->people[index];
}
