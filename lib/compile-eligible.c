/* SPDX-License-Identifier: MIT */
/* compile-eligible.c: who may serve each (duty, segment), as shared lists; fairness. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compile-private.h"

/*
 * Who may serve is decided per (duty, segment) and stored once per
 * distinct list: benchmark models repeat one list over thousands of
 * duties, so equal lists are found by hash and shared by index.  Lists are
 * also cached by what they are made of (a "who" signature, or a segment
 * for the default rule), so most duties cost a lookup, not a merge.
 */
typedef struct {
    int *people; /* ascending; NULL for a list that skips a run of base */
    int n;
    guint hash;
    int base; /* the list whose people this one shares, or -1 */
    int skip_at, n_skip;
} EligibleList;

struct _RotapEligibility {
    RotaModel *model;
    GPtrArray *lists;       /* EligibleList *, in index order */
    GHashTable *list_index; /* EligibleList * -> index + 1 */
    int **tag_people;       /* per tag known after people: holders, ascending */
    int *n_tag_people;
    int n_known_tags;
    int **community; /* per segment: people whose community it is */
    int *n_community;
    GHashTable *who_lists;         /* "who" signature -> list index + 1 */
    int *default_lists;            /* per segment: its default list, or -1 */
    int *not_owner_lists;          /* per segment: default minus the owner, or -1 */
    GHashTable *without_lists;     /* (who list << 32 | unit) -> list index + 1 */
    const RotapDutySpec *last_who; /* the last "who" seen, and its list */
    int last_who_list;
};

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
intern_list(RotapEligibility *e, int *people, int n)
{
    EligibleList key = {people, n, 2166136261u, -1, n, 0};
    gpointer found;
    EligibleList *list;

    for (int i = 0; i < n; i++)
        key.hash = (key.hash ^ (guint)people[i]) * 16777619u;
    found = g_hash_table_lookup(e->list_index, &key);
    if (found != NULL) {
        g_free(people);
        return GPOINTER_TO_INT(found) - 1;
    }
    list = g_new(EligibleList, 1);
    *list = key;
    g_ptr_array_add(e->lists, list);
    g_hash_table_insert(e->list_index, list, GINT_TO_POINTER((int)e->lists->len));
    return (int)e->lists->len - 1;
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

    /* people is NULL when a who tag matches nobody: qsort() wants a
     * valid pointer even for no element */
    if (n > 1)
        qsort(people, (gsize)n, sizeof(int), compare_ints);
    for (int i = 0; i < n; i++) {
        if (kept == 0 || people[kept - 1] != people[i])
            people[kept++] = people[i];
    }
    return kept;
}

/* Per-tag holders and per-segment community members, each ascending. */
static void
index_people(RotapEligibility *e)
{
    const RotaModel *model = e->model;

    for (int p = 0; p < model->n_people; p++) {
        for (int t = 0; t < model->people[p].n_tags; t++)
            e->n_tag_people[model->people[p].tags[t]]++;
        if (model->people[p].community >= 0)
            e->n_community[model->people[p].community]++;
    }
    for (int t = 0; t < e->n_known_tags; t++) {
        e->tag_people[t] = g_new(int, e->n_tag_people[t] + 1);
        e->n_tag_people[t] = 0;
    }
    for (int s = 0; s < model->n_segments; s++) {
        e->community[s] = g_new(int, e->n_community[s] + 1);
        e->n_community[s] = 0;
    }
    for (int p = 0; p < model->n_people; p++) {
        const RotapPerson *person = &model->people[p];

        for (int t = 0; t < person->n_tags; t++)
            e->tag_people[person->tags[t]][e->n_tag_people[person->tags[t]]++] = p;
        if (person->community >= 0)
            e->community[person->community][e->n_community[person->community]++] = p;
    }
}

RotapEligibility *
rotap_eligibility_new(RotaModel *model, int n_tags)
{
    RotapEligibility *e = g_new0(RotapEligibility, 1);

    e->model = model;
    e->lists = g_ptr_array_new_with_free_func(list_free);
    e->list_index = g_hash_table_new(list_hash, list_equal);
    e->who_lists = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    e->without_lists = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    e->n_known_tags = n_tags;
    e->tag_people = g_new0(int *, n_tags + 1);
    e->n_tag_people = g_new0(int, n_tags + 1);
    e->community = g_new0(int *, model->n_segments + 1);
    e->n_community = g_new0(int, model->n_segments + 1);
    e->default_lists = g_new(int, model->n_segments + 1);
    e->not_owner_lists = g_new(int, model->n_segments + 1);
    for (int s = 0; s < model->n_segments; s++)
        e->default_lists[s] = e->not_owner_lists[s] = -1;
    index_people(e);
    return e;
}

void
rotap_eligibility_free(RotapEligibility *e)
{
    if (e == NULL)
        return;
    for (int t = 0; t < e->n_known_tags; t++)
        g_free(e->tag_people[t]);
    for (int s = 0; s < e->model->n_segments; s++)
        g_free(e->community[s]);
    g_free(e->tag_people);
    g_free(e->n_tag_people);
    g_free(e->community);
    g_free(e->n_community);
    g_free(e->default_lists);
    g_free(e->not_owner_lists);
    g_hash_table_unref(e->who_lists);
    g_hash_table_unref(e->without_lists);
    g_hash_table_unref(e->list_index);
    g_ptr_array_unref(e->lists);
    g_free(e);
}

/* ------------------------------------------------------------------ rules */

/* The people named by a duty's "who": any listed tag or unit. */
static int *
who_people(RotapEligibility *e, const RotapDutySpec *spec, int *n)
{
    const RotaModel *model = e->model;
    GArray *all = g_array_new(FALSE, FALSE, sizeof(int));
    int *people;

    for (guint j = 0; j < spec->who_tags->len; j++) {
        int tag = rotap_compile_lookup(model, ROTAP_KIND_TAG, spec->who_tags->pdata[j]);

        if (tag >= 0 && tag < e->n_known_tags)
            g_array_append_vals(all, e->tag_people[tag], (guint)e->n_tag_people[tag]);
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

static gboolean
same_strings(const GPtrArray *a, const GPtrArray *b)
{
    if (a->len != b->len)
        return FALSE;
    for (guint i = 0; i < a->len; i++) {
        if (strcmp(a->pdata[i], b->pdata[i]) != 0)
            return FALSE;
    }
    return TRUE;
}

/* The list of a "who", cached by its sorted tags and units; consecutive
 * duties with the very same "who" (the usual case) skip even that. */
static int
who_list(RotapEligibility *e, const RotapDutySpec *spec)
{
    guint n_tags = spec->who_tags->len, n_units = spec->who_units->len;
    g_autofree int *ids = NULL;
    g_autoptr(GString) key = NULL;
    gpointer cached;
    int *people, n, index;

    if (e->last_who != NULL && same_strings(e->last_who->who_tags, spec->who_tags) &&
        same_strings(e->last_who->who_units, spec->who_units))
        return e->last_who_list;
    ids = g_new(int, n_tags + n_units + 1);
    for (guint j = 0; j < n_tags; j++)
        ids[j] = rotap_compile_lookup(e->model, ROTAP_KIND_TAG, spec->who_tags->pdata[j]);
    for (guint j = 0; j < n_units; j++)
        ids[n_tags + j] =
            rotap_compile_lookup(e->model, ROTAP_KIND_UNIT, spec->who_units->pdata[j]);
    if (n_tags > 1)
        qsort(ids, n_tags, sizeof(int), compare_ints);
    if (n_units > 1)
        qsort(ids + n_tags, n_units, sizeof(int), compare_ints);
    key = g_string_new("t");
    for (guint j = 0; j < n_tags + n_units; j++)
        g_string_append_printf(key, "%s%d", j == n_tags ? "u" : ",", ids[j]);
    cached = g_hash_table_lookup(e->who_lists, key->str);
    if (cached != NULL) {
        index = GPOINTER_TO_INT(cached) - 1;
    } else {
        people = who_people(e, spec, &n);
        index = intern_list(e, people, n);
        g_hash_table_insert(e->who_lists, g_string_free(g_steal_pointer(&key), FALSE),
                            GINT_TO_POINTER(index + 1));
    }
    e->last_who = spec;
    e->last_who_list = index;
    return index;
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

/* Whether any member of unit is in list: inspectors rarely inspect their
 * own unit, so "not_owner" mostly leaves a "who" list as it is. */
static gboolean
holds_member(const RotaModel *model, const EligibleList *list, int unit)
{
    if (unit < 0)
        return FALSE;
    for (int i = 0; i < model->units[unit].n_members; i++) {
        int member = model->units[unit].members[i], low = 0, high = list->n - 1;

        while (low <= high) {
            int middle = low + (high - low) / 2;

            if (list->people[middle] == member)
                return TRUE;
            if (list->people[middle] < member)
                low = middle + 1;
            else
                high = middle - 1;
        }
    }
    return FALSE;
}

/* The default rule: the owning unit's members and the segment's community;
 * with not_owner, less the owning unit's members. */
static int
default_list(RotapEligibility *e, int segment, gboolean not_owner)
{
    const RotaModel *model = e->model;
    int *slot = not_owner ? &e->not_owner_lists[segment] : &e->default_lists[segment];
    int owner = model->segments[segment].unit, n_members, n, *people;

    if (*slot >= 0)
        return *slot;
    n_members = owner >= 0 && !not_owner ? model->units[owner].n_members : 0;
    people = g_new(int, n_members + e->n_community[segment] + 1);
    if (n_members > 0)
        memcpy(people, model->units[owner].members, sizeof(int) * (gsize)n_members);
    memcpy(people + n_members, e->community[segment],
           sizeof(int) * (gsize)e->n_community[segment]);
    n = sort_unique(people, n_members + e->n_community[segment]);
    if (not_owner) {
        int *all = people;

        people = without_unit(model, all, n, owner, &n);
        g_free(all);
    }
    *slot = intern_list(e, people, n);
    return *slot;
}

/*
 * The list base less the members of unit as a new list sharing base's
 * people and skipping their run, or -1 when they are not one run.  The
 * county's people are listed unit by unit, so they always are there.
 */
static int
skip_unit(RotapEligibility *e, int base, int unit)
{
    const EligibleList *list = e->lists->pdata[base];
    const RotapPerson *people = e->model->people;
    int first = -1, last = -1, count = 0;
    EligibleList *skip;

    for (int i = 0; i < list->n; i++) {
        if (people[list->people[i]].unit != unit)
            continue;
        if (first < 0)
            first = i;
        last = i;
        count++;
    }
    if (count == 0 || last - first + 1 != count)
        return -1;
    skip = g_new0(EligibleList, 1);
    skip->n = list->n - count;
    skip->base = base;
    skip->skip_at = first;
    skip->n_skip = count;
    g_ptr_array_add(e->lists, skip);
    return (int)e->lists->len - 1;
}

/* The "who" list base less the members of unit, once per (base, unit):
 * a county's segments are many more than its units. */
static int
who_without_unit(RotapEligibility *e, int base, int unit)
{
    gint64 key = ((gint64)base << 32) | (guint32)unit;
    const EligibleList *list = e->lists->pdata[base];
    gpointer cached = g_hash_table_lookup(e->without_lists, &key);
    int n, *people, index = base;

    if (cached != NULL)
        return GPOINTER_TO_INT(cached) - 1;
    if (holds_member(e->model, list, unit)) {
        index = skip_unit(e, base, unit);
        if (index < 0) {
            people = without_unit(e->model, list->people, list->n, unit, &n);
            index = intern_list(e, people, n);
        }
    }
    g_hash_table_insert(e->without_lists, g_memdup2(&key, sizeof key),
                        GINT_TO_POINTER(index + 1));
    return index;
}

void
rotap_eligibility_duty(RotapEligibility *e, const RotapDutySpec *spec,
                       const RotapDuty *duty, int *lists)
{
    int base = spec->has_who ? who_list(e, spec) : -1;

    for (int k = 0; k < duty->n_segments; k++) {
        int segment = duty->segments[k];
        if (!spec->has_who) {
            lists[k] = default_list(e, segment, duty->not_owner);
            continue;
        }
        if (!duty->not_owner) {
            lists[k] = base;
            continue;
        }
        lists[k] = who_without_unit(e, base, e->model->segments[segment].unit);
    }
}

/* ------------------------------------------------------------------ results */

/* Fairness counts the non-head members eligible for some cell (docs/concepts.md). */
void
rotap_compile_fair_members(RotaModel *model)
{
    g_autofree guint8 *used = g_new0(guint8, model->n_eligible + 1);
    g_autofree guint8 *eligible = g_new0(guint8, model->n_people + 1);

    for (int i = 0; i < model->n_cells; i++)
        used[model->cells[i].eligible] = 1;
    for (int l = 0; l < model->n_eligible; l++) {
        for (int i = 0; used[l] && i < model->eligible[l].n_people; i++)
            eligible[rotap_eligible_at(&model->eligible[l], i)] = 1;
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

void
rotap_eligibility_finish(RotapEligibility *e)
{
    RotaModel *model = e->model;

    model->n_eligible = (int)e->lists->len;
    model->eligible = g_new0(RotapEligible, model->n_eligible + 1);
    for (int l = 0; l < model->n_eligible; l++) {
        EligibleList *list = e->lists->pdata[l];
        RotapEligible *eligible = &model->eligible[l];

        eligible->n_people = list->n;
        eligible->skip_at = list->skip_at;
        eligible->n_skip = list->n_skip;
        if (list->base < 0)
            eligible->people = g_steal_pointer(&list->people);
    }
    /* a list skipping a run shares its base's people, which are its own */
    for (int l = 0; l < model->n_eligible; l++) {
        const EligibleList *list = e->lists->pdata[l];

        if (list->base >= 0) {
            model->eligible[l].people = model->eligible[list->base].people;
            model->eligible[l].shared = TRUE;
        }
    }
}
