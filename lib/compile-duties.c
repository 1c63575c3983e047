/* SPDX-License-Identifier: MIT */
/* compile-duties.c: compile duties into cells with shared eligibility lists, and the on-site rule. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compile-private.h"

/*
 * Who may serve is computed once per (duty, segment) and stored once per
 * distinct list: benchmark models repeat one list over thousands of
 * duties, so equal lists are found by hash and shared by index.
 */
typedef struct {
    int *people; /* ascending */
    int n;
    guint hash;
} EligibleList;

typedef struct {
    RotaModel *model;
    GPtrArray *lists;       /* EligibleList *, in index order */
    GHashTable *list_index; /* EligibleList * -> index + 1 */
    int **tag_people;       /* per tag known after people: holders, ascending */
    int *n_tag_people;
    int n_known_tags;
    int **community;        /* per segment: people whose community it is */
    int *n_community;
    GHashTable *who_lists;  /* "who" signature -> list index + 1 */
    int *default_lists;     /* per segment: its default list, or -1 */
    int *not_owner_lists;   /* per segment: default minus the owner, or -1 */
    int *duty_eligible;     /* per duty: its first entry in segment_eligible */
    int *segment_eligible;  /* per (duty, segment position): a list index */
} DutyCompiler;

/* ------------------------------------------------------------------ lists */

static guint
list_hash(gconstpointer key)
{
    return ((const EligibleList *)key)->hash;
}

static gboolean
list_equal(gconstpointer a, gconstpointer b)
{
    const EligibleList *x = a, *y = b;

    return x->n == y->n && memcmp(x->people, y->people, sizeof(int) * (gsize)x->n) == 0;
}

static void
list_free(gpointer data)
{
    EligibleList *list = data;

    g_free(list->people);
    g_free(list);
}

/* Takes people (n ascending entries); returns the index of the equal list. */
static int
intern_list(DutyCompiler *c, int *people, int n)
{
    EligibleList key = { people, n, 2166136261u };
    gpointer found;
    EligibleList *list;

    for (int i = 0; i < n; i++)
        key.hash = (key.hash ^ (guint)people[i]) * 16777619u;
    found = g_hash_table_lookup(c->list_index, &key);
    if (found != NULL) {
        g_free(people);
        return GPOINTER_TO_INT(found) - 1;
    }
    list = g_new(EligibleList, 1);
    *list = key;
    g_ptr_array_add(c->lists, list);
    g_hash_table_insert(c->list_index, list, GINT_TO_POINTER((int)c->lists->len));
    return (int)c->lists->len - 1;
}

static int
compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

/* Sort and deduplicate n people in place; returns the new count. */
static int
sort_unique(int *people, int n)
{
    int kept = 0;

    qsort(people, (gsize)n, sizeof(int), compare_ints);
    for (int i = 0; i < n; i++) {
        if (kept == 0 || people[kept - 1] != people[i])
            people[kept++] = people[i];
    }
    return kept;
}

/* Per-tag holders and per-segment community members, each ascending. */
static void
index_people(DutyCompiler *c, int n_tags)
{
    const RotaModel *model = c->model;

    c->n_known_tags = n_tags;
    c->tag_people = g_new0(int *, n_tags + 1);
    c->n_tag_people = g_new0(int, n_tags + 1);
    c->community = g_new0(int *, model->n_segments + 1);
    c->n_community = g_new0(int, model->n_segments + 1);
    for (int p = 0; p < model->n_people; p++) {
        for (int t = 0; t < model->people[p].n_tags; t++)
            c->n_tag_people[model->people[p].tags[t]]++;
        if (model->people[p].community >= 0)
            c->n_community[model->people[p].community]++;
    }
    for (int t = 0; t < n_tags; t++) {
        c->tag_people[t] = g_new(int, c->n_tag_people[t] + 1);
        c->n_tag_people[t] = 0;
    }
    for (int s = 0; s < model->n_segments; s++) {
        c->community[s] = g_new(int, c->n_community[s] + 1);
        c->n_community[s] = 0;
    }
    for (int p = 0; p < model->n_people; p++) {
        const RotapPerson *person = &model->people[p];

        for (int t = 0; t < person->n_tags; t++)
            c->tag_people[person->tags[t]][c->n_tag_people[person->tags[t]]++] = p;
        if (person->community >= 0)
            c->community[person->community][c->n_community[person->community]++] = p;
    }
}

static void
duty_compiler_clear(DutyCompiler *c)
{
    for (int t = 0; t < c->n_known_tags; t++)
        g_free(c->tag_people[t]);
    for (int s = 0; c->community != NULL && s < c->model->n_segments; s++)
        g_free(c->community[s]);
    g_free(c->tag_people);
    g_free(c->n_tag_people);
    g_free(c->community);
    g_free(c->n_community);
    g_free(c->default_lists);
    g_free(c->not_owner_lists);
    g_free(c->duty_eligible);
    g_free(c->segment_eligible);
    g_clear_pointer(&c->who_lists, g_hash_table_unref);
    g_clear_pointer(&c->list_index, g_hash_table_unref);
    g_clear_pointer(&c->lists, g_ptr_array_unref);
}

/* ------------------------------------------------------------------ eligibility */

/* The people named by a duty's "who": any listed tag or unit. */
static int *
who_people(DutyCompiler *c, const RotapDutySpec *spec, int *n)
{
    const RotaModel *model = c->model;
    GArray *all = g_array_new(FALSE, FALSE, sizeof(int));
    int *people;

    for (guint j = 0; j < spec->who_tags->len; j++) {
        int tag = rotap_compile_lookup(model, ROTAP_KIND_TAG, spec->who_tags->pdata[j]);

        if (tag >= 0 && tag < c->n_known_tags)
            g_array_append_vals(all, c->tag_people[tag], (guint)c->n_tag_people[tag]);
    }
    for (guint j = 0; j < spec->who_units->len; j++) {
        const RotapUnit *unit = &model->units[rotap_compile_lookup(
            model, ROTAP_KIND_UNIT, spec->who_units->pdata[j])];

        g_array_append_vals(all, unit->members, (guint)unit->n_members);
    }
    *n = sort_unique((int *)(void *)all->data, (int)all->len);
    people = (int *)(void *)g_array_free(all, FALSE);
    return people != NULL ? people : g_new0(int, 1);
}

/* The default rule: the owning unit's members and the segment's community. */
static int *
default_people(DutyCompiler *c, int segment, int *n)
{
    const RotaModel *model = c->model;
    int owner = model->segments[segment].unit;
    int n_members = owner >= 0 ? model->units[owner].n_members : 0;
    int *people = g_new(int, n_members + c->n_community[segment] + 1);

    if (n_members > 0)
        memcpy(people, model->units[owner].members, sizeof(int) * (gsize)n_members);
    memcpy(people + n_members, c->community[segment],
           sizeof(int) * (gsize)c->n_community[segment]);
    *n = sort_unique(people, n_members + c->n_community[segment]);
    return people;
}

static int *
without_unit(const RotaModel *model, const int *people, int n, int unit, int *kept)
{
    int *result = g_new(int, n + 1);

    *kept = 0;
    for (int i = 0; i < n; i++) {
        if (unit < 0 || model->people[people[i]].unit != unit)
            result[(*kept)++] = people[i];
    }
    return result;
}

/* The list of a "who": cached by its sorted tags and units. */
static int
who_list(DutyCompiler *c, const RotapDutySpec *spec)
{
    const RotaModel *model = c->model;
    guint n_tags = spec->who_tags->len, n_units = spec->who_units->len;
    g_autofree int *ids = g_new(int, n_tags + n_units + 1);
    g_autoptr(GString) key = g_string_new(NULL);
    gpointer cached;
    int *people, n, index;

    for (guint j = 0; j < n_tags; j++)
        ids[j] = rotap_compile_lookup(model, ROTAP_KIND_TAG, spec->who_tags->pdata[j]);
    for (guint j = 0; j < n_units; j++)
        ids[n_tags + j] = rotap_compile_lookup(model, ROTAP_KIND_UNIT,
                                               spec->who_units->pdata[j]);
    qsort(ids, n_tags, sizeof(int), compare_ints);
    qsort(ids + n_tags, n_units, sizeof(int), compare_ints);
    for (guint j = 0; j < n_tags + n_units; j++)
        g_string_append_printf(key, "%s%d", j == n_tags ? "|" : ",", ids[j]);
    if (n_units == 0)
        g_string_append_c(key, '|');
    cached = g_hash_table_lookup(c->who_lists, key->str);
    if (cached != NULL)
        return GPOINTER_TO_INT(cached) - 1;
    people = who_people(c, spec, &n);
    index = intern_list(c, people, n);
    g_hash_table_insert(c->who_lists, g_string_free(g_steal_pointer(&key), FALSE),
                        GINT_TO_POINTER(index + 1));
    return index;
}

static int
default_list(DutyCompiler *c, int segment, gboolean not_owner)
{
    int *slot = not_owner ? &c->not_owner_lists[segment] : &c->default_lists[segment];
    int n, *people;

    if (*slot >= 0)
        return *slot;
    people = default_people(c, segment, &n);
    if (not_owner) {
        int *all = people;

        people = without_unit(c->model, all, n, c->model->segments[segment].unit, &n);
        g_free(all);
    }
    *slot = intern_list(c, people, n);
    return *slot;
}

/* One list index per segment of the duty (at segment_eligible[first..]). */
static void
compile_eligibility(DutyCompiler *c, int d, const RotapDutySpec *spec)
{
    const RotapDuty *duty = &c->model->duties[d];
    int *slots = c->segment_eligible + c->duty_eligible[d];
    int base = -1;

    if (duty->n_windows == 0)
        return;
    if (spec->has_who)
        base = who_list(c, spec);
    for (int k = 0; k < duty->n_segments; k++) {
        int segment = duty->segments[k];
        const EligibleList *list;
        int n, *people;

        if (!spec->has_who) {
            slots[k] = default_list(c, segment, duty->not_owner);
            continue;
        }
        if (!duty->not_owner) {
            slots[k] = base;
            continue;
        }
        list = c->lists->pdata[base];
        people = without_unit(c->model, list->people, list->n,
                              c->model->segments[segment].unit, &n);
        slots[k] = intern_list(c, people, n);
    }
}

/* ------------------------------------------------------------------ validation */

static gboolean
compile_duty_segments(RotaModel *model, int d, const RotapDutySpec *spec, GError **error)
{
    RotapDuty *duty = &model->duties[d];
    g_autofree int *first_at = NULL;

    if (spec->segments == NULL) {
        duty->n_segments = model->n_segments;
        duty->segments = g_new(int, model->n_segments + 1);
        for (int s = 0; s < model->n_segments; s++)
            duty->segments[s] = s;
        return TRUE;
    }
    if (spec->segments->len == 0)
        return rotap_compile_fail(error, "duties[%d].segments: empty segment list "
                                  "(expected \"*\" or at least one segment)", d);
    duty->segments = g_new(int, spec->segments->len + 1);
    first_at = g_new(int, model->n_segments + 1);
    for (int s = 0; s < model->n_segments; s++)
        first_at[s] = -1;
    for (guint j = 0; j < spec->segments->len; j++) {
        const char *id = spec->segments->pdata[j];
        int segment = rotap_compile_lookup(model, ROTAP_KIND_SEGMENT, id);

        if (segment < 0)
            return rotap_compile_fail(error, "duties[%d].segments[%u]: unknown segment "
                                      "\"%s\"", d, j, id != NULL ? id : "");
        if (first_at[segment] >= 0)
            return rotap_compile_fail(error, "duties[%d].segments[%u]: segment \"%s\" is "
                                      "listed twice (first at duties[%d].segments[%d])",
                                      d, j, id, d, first_at[segment]);
        first_at[segment] = (int)j;
        duty->segments[duty->n_segments++] = segment;
    }
    qsort(duty->segments, (gsize)duty->n_segments, sizeof(int), compare_ints);
    return TRUE;
}

static gboolean
compile_duty_counts(RotaModel *model, int d, const RotapDutySpec *spec, GError **error)
{
    RotapDuty *duty = &model->duties[d];

    if (spec->has_min && spec->min < 0)
        return rotap_compile_fail(error, "duties[%d].min: negative count %d "
                                  "(expected 0 or more)", d, spec->min);
    if (spec->has_max && spec->max < 0)
        return rotap_compile_fail(error, "duties[%d].max: negative count %d "
                                  "(expected 0 or more)", d, spec->max);
    if (spec->has_min && spec->has_max && spec->min > spec->max)
        return rotap_compile_fail(error, "duties[%d].min: min %d is greater than max %d",
                                  d, spec->min, spec->max);
    if (spec->has_under && spec->under < 0)
        return rotap_compile_fail(error, "duties[%d].under: negative weight %d "
                                  "(expected 0 or more)", d, spec->under);
    if (spec->has_over && spec->over < 0)
        return rotap_compile_fail(error, "duties[%d].over: negative weight %d "
                                  "(expected 0 or more)", d, spec->over);
    duty->min = spec->has_min ? spec->min : 0;
    duty->max = spec->has_max ? spec->max : ROTAP_UNLIMITED;
    duty->under = spec->has_under ? spec->under : model->weights[ROTA_WEIGHT_UNCOVERED];
    duty->over = spec->has_over ? spec->over : model->weights[ROTA_WEIGHT_OVER];
    return TRUE;
}

static gboolean
compile_duty_quotas(RotaModel *model, int d, const RotapDutySpec *spec, GPtrArray *tags,
                    GError **error)
{
    RotapDuty *duty = &model->duties[d];

    duty->quotas = g_new0(RotapQuota, spec->quotas->len + 1);
    for (guint j = 0; j < spec->quotas->len; j++) {
        const RotapQuotaSpec *quota = &g_array_index(spec->quotas, RotapQuotaSpec, j);
        g_autofree char *path = g_strdup_printf("duties[%d].quota.%s", d,
                                                quota->tag != NULL ? quota->tag : "");
        int tag;

        if (!rotap_compile_check_id(quota->tag, path, "tag", error))
            return FALSE;
        if (quota->count < 0)
            return rotap_compile_fail(error, "%s: negative count %d (expected 0 or more)",
                                      path, quota->count);
        tag = rotap_compile_intern_tag(model, tags, quota->tag);
        for (int k = 0; k < duty->n_quotas; k++) {
            if (duty->quotas[k].tag == tag)
                return rotap_compile_fail(error, "%s: tag \"%s\" is listed twice", path,
                                          quota->tag);
        }
        duty->quotas[duty->n_quotas].tag = tag;
        duty->quotas[duty->n_quotas++].count = quota->count;
    }
    return TRUE;
}

static gboolean
compile_duty_who(RotaModel *model, int d, const RotapDutySpec *spec, GPtrArray *tags,
                 GError **error)
{
    if (!spec->has_who)
        return TRUE;
    if (spec->who_tags->len == 0 && spec->who_units->len == 0)
        return rotap_compile_fail(error, "duties[%d].who: names no tag and no unit "
                                  "(expected at least one)", d);
    for (guint j = 0; j < spec->who_tags->len; j++) {
        g_autofree char *path = g_strdup_printf("duties[%d].who.tags[%u]", d, j);

        if (!rotap_compile_check_id(spec->who_tags->pdata[j], path, "tag", error))
            return FALSE;
        rotap_compile_intern_tag(model, tags, spec->who_tags->pdata[j]);
    }
    for (guint j = 0; j < spec->who_units->len; j++) {
        const char *id = spec->who_units->pdata[j];

        if (rotap_compile_lookup(model, ROTAP_KIND_UNIT, id) < 0)
            return rotap_compile_fail(error, "duties[%d].who.units[%u]: unknown unit "
                                      "\"%s\"", d, j, id != NULL ? id : "");
    }
    return TRUE;
}

/* Windows: each due day, or (per week) each ISO week holding a due day. */
static void
compile_windows(RotaModel *model, RotapDuty *duty)
{
    for (int pass = 0; pass < 2; pass++) {
        int last_week = -1, n = 0;

        for (int day = 0; day < model->n_days; day++) {
            if (!duty->due[day] || (duty->per_week && model->week[day] == last_week))
                continue;
            last_week = model->week[day];
            if (pass == 1)
                duty->window_first_day[n] = day;
            n++;
        }
        if (pass == 0)
            duty->window_first_day = g_new(int, n + 1);
        duty->n_windows = n;
    }
}

static gboolean
compile_duty(RotaModel *model, int d, GPtrArray *tags, GError **error)
{
    const RotapDutySpec *spec = &g_array_index(model->spec->duties, RotapDutySpec, d);
    RotapDuty *duty = &model->duties[d];
    g_autofree char *name_path = g_strdup_printf("duties[%d].name", d);
    g_autofree char *days_path = g_strdup_printf("duties[%d].days", d);

    if (!rotap_compile_check_text(spec->name, name_path, error))
        return FALSE;
    duty->id = spec->id;
    duty->name = spec->name != NULL ? spec->name : spec->id;
    duty->per_week = spec->per_week;
    duty->not_owner = spec->not_owner;
    if (spec->shift == NULL)
        return rotap_compile_fail(error, "duties[%d].shift: missing shift "
                                  "(expected a shift id)", d);
    duty->shift = rotap_compile_lookup(model, ROTAP_KIND_SHIFT, spec->shift);
    if (duty->shift < 0)
        return rotap_compile_fail(error, "duties[%d].shift: unknown shift \"%s\"", d,
                                  spec->shift);
    duty->due = g_new0(guint8, model->n_days);
    if (!rotap_compile_days(model, &spec->days, days_path, duty->due, error) ||
        !compile_duty_segments(model, d, spec, error) ||
        !compile_duty_counts(model, d, spec, error) ||
        !compile_duty_quotas(model, d, spec, tags, error) ||
        !compile_duty_who(model, d, spec, tags, error))
        return FALSE;
    compile_windows(model, duty);
    return TRUE;
}

/* ------------------------------------------------------------------ cells */

/*
 * A duty's due days are stored once in model->cell_days and shared by the
 * cells of all its segments: window w of every segment points at the same
 * run of days.
 */
static void
fill_duty_cells(DutyCompiler *c, int d, int *days)
{
    RotaModel *model = c->model;
    RotapDuty *duty = &model->duties[d];
    int n_due = 0;
    g_autofree int *start = g_new(int, duty->n_windows + 1);

    for (int w = 0, day = 0; day < model->n_days; day++) {
        if (!duty->due[day])
            continue;
        if (w < duty->n_windows && duty->window_first_day[w] == day)
            start[w++] = n_due;
        days[n_due++] = day;
    }
    start[duty->n_windows] = n_due;
    for (int k = 0; k < duty->n_segments; k++) {
        for (int w = 0; w < duty->n_windows; w++) {
            RotapCell *cell = &model->cells[duty->first_cell + k * duty->n_windows + w];

            cell->duty = d;
            cell->segment = duty->segments[k];
            cell->shift = duty->shift;
            cell->days = days + start[w];
            cell->n_days = start[w + 1] - start[w];
            cell->first_day = cell->days[0];
            cell->eligible = c->segment_eligible[c->duty_eligible[d] + k];
        }
    }
}

static gboolean
compile_cells(DutyCompiler *c, GError **error)
{
    RotaModel *model = c->model;
    gint64 n_cells = 0, n_places = 0, n_days = 0;
    int offset = 0;

    for (int d = 0; d < model->n_duties; d++) {
        RotapDuty *duty = &model->duties[d];
        gint64 cells = (gint64)duty->n_segments * duty->n_windows;

        duty->first_cell = (int)n_cells;
        n_cells += cells;
        n_places += cells * duty->min;
        if (n_cells > G_MAXINT || n_places > G_MAXINT)
            return rotap_compile_fail(error, "duties[%d].min: the duties ask for more than "
                                      "%d places or cells in all", d, G_MAXINT);
        duty->n_cells = (int)cells;
        for (int day = 0; day < model->n_days; day++)
            n_days += duty->due[day];
    }
    model->n_cells = (int)n_cells;
    model->n_places = (int)n_places;
    model->cells = g_new0(RotapCell, n_cells + 1);
    model->cell_days = g_new(int, n_days + 1);
    for (int d = 0; d < model->n_duties; d++) {
        fill_duty_cells(c, d, model->cell_days + offset);
        for (int day = 0; day < model->n_days; day++)
            offset += model->duties[d].due[day];
    }
    return TRUE;
}

/* Fairness counts the non-head members eligible for some cell (DESIGN §3). */
static void
compile_fair_members(RotaModel *model)
{
    g_autofree guint8 *used = g_new0(guint8, model->n_eligible + 1);
    g_autofree guint8 *eligible = g_new0(guint8, model->n_people + 1);

    for (int i = 0; i < model->n_cells; i++)
        used[model->cells[i].eligible] = 1;
    for (int e = 0; e < model->n_eligible; e++) {
        for (int i = 0; used[e] && i < model->eligible[e].n_people; i++)
            eligible[model->eligible[e].people[i]] = 1;
    }
    for (int u = 0; u < model->n_units; u++) {
        RotapUnit *unit = &model->units[u];

        unit->fair_members = g_new(int, unit->n_members + 1);
        for (int i = 0; i < unit->n_members; i++) {
            int p = unit->members[i];

            if (p != unit->head && eligible[p])
                unit->fair_members[unit->n_fair_members++] = p;
        }
    }
}

static void
move_lists(DutyCompiler *c)
{
    RotaModel *model = c->model;

    model->n_eligible = (int)c->lists->len;
    model->eligible = g_new0(RotapEligible, model->n_eligible + 1);
    for (int e = 0; e < model->n_eligible; e++) {
        EligibleList *list = c->lists->pdata[e];

        model->eligible[e].people = g_steal_pointer(&list->people);
        model->eligible[e].n_people = list->n;
    }
}

gboolean
rotap_compile_duties(RotaModel *model, GPtrArray *tags, GError **error)
{
    DutyCompiler c = { .model = model };
    int slots = 0;
    gboolean ok = TRUE;

    model->n_duties = (int)model->spec->duties->len;
    model->duties = g_new0(RotapDuty, model->n_duties + 1);
    index_people(&c, (int)tags->len);
    for (int d = 0; d < model->n_duties && ok; d++)
        ok = compile_duty(model, d, tags, error);
    if (!ok) {
        duty_compiler_clear(&c);
        return FALSE;
    }
    c.lists = g_ptr_array_new_with_free_func(list_free);
    c.list_index = g_hash_table_new(list_hash, list_equal);
    c.who_lists = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    c.default_lists = g_new(int, model->n_segments + 1);
    c.not_owner_lists = g_new(int, model->n_segments + 1);
    for (int s = 0; s < model->n_segments; s++)
        c.default_lists[s] = c.not_owner_lists[s] = -1;
    c.duty_eligible = g_new(int, model->n_duties + 1);
    for (int d = 0; d < model->n_duties; d++) {
        c.duty_eligible[d] = slots;
        slots += model->duties[d].n_segments;
    }
    c.segment_eligible = g_new0(int, slots + 1);
    for (int d = 0; d < model->n_duties; d++)
        compile_eligibility(&c, d, &g_array_index(model->spec->duties, RotapDutySpec, d));
    ok = compile_cells(&c, error);
    if (ok) {
        move_lists(&c);
        compile_fair_members(model);
    }
    duty_compiler_clear(&c);
    return ok;
}

/* ------------------------------------------------------------------ on-site */

gboolean
rotap_compile_onsite(RotaModel *model, GError **error)
{
    const RotapSpec *spec = model->spec;

    if (!spec->has_onsite)
        return TRUE;
    if (spec->onsite_shift == NULL)
        return rotap_compile_fail(error, "rules.onsite.shift: missing shift "
                                  "(expected a shift id)");
    model->onsite_shift = rotap_compile_lookup(model, ROTAP_KIND_SHIFT, spec->onsite_shift);
    if (model->onsite_shift < 0)
        return rotap_compile_fail(error, "rules.onsite.shift: unknown shift \"%s\"",
                                  spec->onsite_shift);
    model->onsite_day = g_new0(guint8, model->n_days);
    return rotap_compile_days(model, &spec->onsite_days, "rules.onsite.days",
                              model->onsite_day, error);
}
