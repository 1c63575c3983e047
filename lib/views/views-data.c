/* SPDX-License-Identifier: MIT */
/* views-data.c: a roster indexed for the views: by day, person and cell, with its totals. */
#include "views/views-private.h"

#include <string.h>

static int
compare_assignments(gconstpointer a, gconstpointer b, gpointer model)
{
    return rotap_assignment_compare(a, b, model);
}

/* The shortest prefix (in characters) of each shift's name that no other
 * shift's name starts with; the id when the names leave no such prefix. */
static char **
short_names(const RotaModel *m)
{
    char **out = g_new0(char *, m->n_shifts + 1);

    for (int s = 0; s < m->n_shifts; s++) {
        const char *name = m->shifts[s].name;
        glong length = g_utf8_strlen(name, -1);

        for (glong k = 1; k <= length && out[s] == NULL; k++) {
            const char *end = g_utf8_offset_to_pointer(name, k);
            gsize bytes = (gsize)(end - name);
            gboolean unique = TRUE;

            for (int t = 0; t < m->n_shifts && unique; t++)
                if (t != s && strncmp(m->shifts[t].name, name, bytes) == 0)
                    unique = FALSE;
            if (unique)
                out[s] = g_strndup(name, bytes);
        }
        if (out[s] == NULL)
            out[s] = g_strdup(m->shifts[s].id);
    }
    return out;
}

static void
index_assignments(RotapView *v)
{
    const RotaModel *m = v->model;

    v->day_start = g_new0(int, m->n_days + 1);
    v->person_day = g_new(int, (gsize)m->n_people * m->n_days);
    v->next_same = g_new(int, v->n > 0 ? v->n : 1);
    for (gsize i = 0; i < (gsize)m->n_people * m->n_days; i++)
        v->person_day[i] = -1;
    for (int i = v->n - 1; i >= 0; i--) {
        const RotaAssignment *a = &v->a[i];
        int *slot = &v->person_day[(gsize)a->person * m->n_days + a->day];

        v->next_same[i] = *slot;
        *slot = i;
        v->day_start[a->day + 1]++;
    }
    for (int d = 0; d < m->n_days; d++)
        v->day_start[d + 1] += v->day_start[d];
}

static void
count_people(RotapView *v)
{
    const RotaModel *m = v->model;

    v->duties = g_new0(int, m->n_people);
    v->minutes = g_new0(int, m->n_people);
    v->onsite = g_new0(int, m->n_people);
    v->onsite_person = g_new(int, (gsize)m->n_days * (m->n_units > 0 ? m->n_units : 1));
    for (gsize i = 0; i < (gsize)m->n_days * m->n_units; i++)
        v->onsite_person[i] = -1;
    for (int i = 0; i < v->n; i++) {
        const RotaAssignment *a = &v->a[i];
        int unit = m->segments[a->segment].unit;

        if (a->duty == ROTA_DUTY_ONSITE) {
            v->onsite[a->person]++;
            if (unit >= 0 && v->onsite_person[(gsize)a->day * m->n_units + unit] < 0)
                v->onsite_person[(gsize)a->day * m->n_units + unit] = a->person;
            continue;
        }
        v->duties[a->person]++;
        v->minutes[a->person] += m->shifts[a->shift].minutes;
    }
}

static void
count_cells(RotapView *v)
{
    const RotaModel *m = v->model;

    v->cell_count = g_new0(int, m->n_cells > 0 ? m->n_cells : 1);
    v->day_wanted = g_new0(int, m->n_days);
    v->day_filled = g_new0(int, m->n_days);
    v->unit_uncovered = g_new0(int, m->n_units > 0 ? m->n_units : 1);
    for (int i = 0; i < v->n; i++) {
        const RotaAssignment *a = &v->a[i];
        int cell = a->duty >= 0 ? rotap_model_find_cell(m, a->duty, a->segment, a->day) : -1;

        if (cell >= 0)
            v->cell_count[cell]++;
    }
    for (int c = 0; c < m->n_cells; c++) {
        const RotapCell *cell = &m->cells[c];
        int min = m->duties[cell->duty].min;
        int filled = MIN(v->cell_count[c], min);
        int unit = m->segments[cell->segment].unit;

        if (cell->n_days == 1 && !m->duties[cell->duty].per_week) {
            v->day_wanted[cell->first_day] += min;
            v->day_filled[cell->first_day] += filled;
        } else {
            v->week_wanted += min;
            v->week_filled += filled;
        }
        if (unit >= 0)
            v->unit_uncovered[unit] += min - filled;
    }
}

RotapView *
rotap_view_new(const RotaRoster *roster)
{
    RotapView *v = g_new0(RotapView, 1);

    v->roster = roster;
    v->model = roster->model;
    v->n = (int)roster->assignments->len;
    v->a = g_new(RotaAssignment, v->n > 0 ? v->n : 1);
    if (v->n > 0)
        memcpy(v->a, roster->assignments->data, sizeof(RotaAssignment) * (gsize)v->n);
    g_qsort_with_data(v->a, v->n, sizeof(RotaAssignment), compare_assignments,
                      (gpointer)v->model);
    index_assignments(v);
    count_people(v);
    count_cells(v);
    v->shift_short = short_names(v->model);
    return v;
}

void
rotap_view_free(RotapView *v)
{
    if (v == NULL)
        return;
    g_free(v->a);
    g_free(v->day_start);
    g_free(v->person_day);
    g_free(v->next_same);
    g_free(v->duties);
    g_free(v->minutes);
    g_free(v->onsite);
    g_free(v->onsite_person);
    g_free(v->cell_count);
    g_free(v->day_wanted);
    g_free(v->day_filled);
    g_free(v->unit_uncovered);
    g_strfreev(v->shift_short);
    g_free(v);
}

RotapOnsite
rotap_view_onsite(const RotapView *v, int unit, int day, int *person)
{
    const RotaModel *m = v->model;
    const RotapUnit *u = &m->units[unit];
    int p;

    *person = -1;
    if (m->onsite_day == NULL || !m->onsite_day[day] || u->n_segments == 0)
        return ROTAP_ONSITE_NONE;
    p = v->onsite_person[(gsize)day * m->n_units + unit];
    *person = p;
    if (p < 0)
        return ROTAP_ONSITE_MISSING;
    if (p == u->head)
        return ROTAP_ONSITE_HEAD;
    for (int k = 0; k < u->n_deputies; k++)
        if (u->deputies[k] == p)
            return ROTAP_ONSITE_DEPUTY;
    return ROTAP_ONSITE_OTHER;
}

/* A duty without a name of its own (its name is its id) goes by its
 * shift's name, which people read more easily than an id. */
const char *
rotap_view_duty_name(const RotaModel *m, int duty, int shift)
{
    if (duty >= 0 && strcmp(m->duties[duty].name, m->duties[duty].id) != 0)
        return m->duties[duty].name;
    return m->shifts[shift].name;
}

const char *
rotap_view_duty_id(const RotaModel *m, int duty)
{
    return duty >= 0 ? m->duties[duty].id : "onsite";
}

const char *
rotap_view_weekday(int weekday)
{
    static const char *const names[] = {"", "一", "二", "三", "四", "五", "六", "日"};

    return weekday >= 1 && weekday <= 7 ? names[weekday] : "";
}

const char *
rotap_view_day_mark(const RotaModel *m, int day)
{
    gboolean weekend = m->weekday[day] >= 6;

    if (!m->workday[day] && !weekend)
        return "休";
    if (m->workday[day] && weekend)
        return "班";
    return NULL;
}

gboolean
rotap_view_is_restday(const RotaModel *m, int day)
{
    return !m->workday[day];
}

void
rotap_view_format_time(char out[6], int minutes)
{
    g_snprintf(out, 6, "%02d:%02d", minutes / 60, minutes % 60);
}

const char *
rotap_view_role(const RotaModel *m, int person)
{
    int unit = m->people[person].unit;

    if (unit < 0)
        return "";
    if (m->units[unit].head == person)
        return "一把手";
    for (int k = 0; k < m->units[unit].n_deputies; k++)
        if (m->units[unit].deputies[k] == person)
            return "副职";
    return "";
}

char *
rotap_view_dup_tags(const RotaModel *m, int person)
{
    static const char *const known[][2] = {
        {"party", "党员"}, {"volunteer", "志愿者"}, {"inspector", "督查员"}};
    GString *out = g_string_new(NULL);
    const RotapPerson *p = &m->people[person];

    for (int k = 0; k < p->n_tags; k++) {
        const char *tag = m->tags[p->tags[k]];

        if (out->len > 0)
            g_string_append(out, "、");
        for (gsize j = 0; j < G_N_ELEMENTS(known); j++)
            if (strcmp(tag, known[j][0]) == 0)
                tag = known[j][1];
        g_string_append(out, tag);
    }
    return g_string_free(out, FALSE);
}

gboolean
rotap_view_unit_spread(const RotapView *v, int unit, int *min, int *max)
{
    const RotapUnit *u = &v->model->units[unit];

    if (u->n_fair_members == 0)
        return FALSE;
    *min = G_MAXINT;
    *max = 0;
    for (int k = 0; k < u->n_fair_members; k++) {
        int minutes = v->minutes[u->fair_members[k]];

        *min = MIN(*min, minutes);
        *max = MAX(*max, minutes);
    }
    return TRUE;
}
