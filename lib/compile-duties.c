/* SPDX-License-Identifier: MIT */
/* compile-duties.c: compile duties into windows and cells, and the on-site rule. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compile-private.h"
#include "i18n-private.h"
#include "util-private.h"

/*
 * Duties with the same due days share one due array, one window array per
 * window kind (day, week) and one run of model->cell_days: a benchmark
 * model has thousands of one-day duties but only as many day patterns as
 * it has days, and a per-duty copy of n_days flags would dominate its size.
 */
typedef struct {
    guint8 *due; /* n_days flags: owned by the model through its duties */
    gsize n_bytes;
    guint hash;
    int index; /* in the compiler's patterns */
    int n_due;
    int days_offset; /* where its due days start in model->cell_days */
    int *windows[2]; /* window_first_day per day [0] and per week [1], lazily */
    int n_windows[2];
    int *starts[2]; /* each window's first position among the due days, + end */
} DuePattern;

typedef struct {
    RotaModel *model;
    GPtrArray *patterns;           /* DuePattern *, freed with the compiler */
    GHashTable *by_due;            /* DuePattern * -> itself */
    int *duty_pattern;             /* per duty: the index of its pattern */
    int *lists;                    /* per (duty, segment position): an eligible list */
    int *duty_lists;               /* per duty: its first entry in lists */
    const RotapDutySpec *last_who; /* the last "who" found valid */
} DutyCompiler;

static guint
pattern_hash(gconstpointer key)
{
    return ((const DuePattern *)key)->hash;
}

static gboolean
pattern_equal(gconstpointer a, gconstpointer b)
{
    const DuePattern *x = a, *y = b;

    return x->n_bytes == y->n_bytes && memcmp(x->due, y->due, x->n_bytes) == 0;
}

static void
pattern_free(gpointer data)
{
    DuePattern *pattern = data;

    g_free(pattern->starts[0]);
    g_free(pattern->starts[1]);
    g_free(pattern);
}

static guint
hash_bytes(const guint8 *bytes, gsize n)
{
    guint64 hash = 14695981039346656037u;
    gsize i = 0;

    for (; i + 8 <= n; i += 8) {
        guint64 word;

        memcpy(&word, bytes + i, 8);
        hash = (hash ^ word) * 1099511628211u;
    }
    for (; i < n; i++)
        hash = (hash ^ bytes[i]) * 1099511628211u;
    return (guint)(hash ^ (hash >> 32));
}

/* The pattern equal to due (copied when new). */
static DuePattern *
intern_due(DutyCompiler *c, const guint8 *due)
{
    DuePattern key = {(guint8 *)due, (gsize)c->model->n_days, 0, 0, 0, 0, {0}, {0}, {0}};
    DuePattern *pattern;

    key.hash = hash_bytes(due, key.n_bytes);
    pattern = g_hash_table_lookup(c->by_due, &key);
    if (pattern != NULL)
        return pattern;
    pattern = g_new(DuePattern, 1);
    *pattern = key;
    pattern->due = g_memdup2(due, key.n_bytes);
    for (gsize d = 0; d < key.n_bytes; d++)
        pattern->n_due += due[d];
    pattern->index = (int)c->patterns->len;
    g_ptr_array_add(c->patterns, pattern);
    g_hash_table_add(c->by_due, pattern);
    return pattern;
}

/* Windows: each due day, or (per week) each ISO week holding a due day. */
static void
compile_windows(const RotaModel *model, DuePattern *pattern, int per_week)
{
    int last_week = -1, n = 0, position = 0;

    pattern->windows[per_week] = g_new(int, pattern->n_due + 1);
    pattern->starts[per_week] = g_new(int, pattern->n_due + 1);
    for (int day = 0; day < model->n_days; day++) {
        if (!pattern->due[day])
            continue;
        if (!per_week || model->week[day] != last_week) {
            last_week = model->week[day];
            pattern->windows[per_week][n] = day;
            pattern->starts[per_week][n++] = position;
        }
        position++;
    }
    pattern->starts[per_week][n] = position;
    pattern->n_windows[per_week] = n;
}

/* ------------------------------------------------------------------ validation */

static int
compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

/* Only called once a duplicate is known to exist: name both positions. */
static gboolean
fail_duplicate_segment(RotaModel *model, int d, const RotapDutySpec *spec, GError **error)
{
    for (guint j = 1; j < spec->segments->len; j++) {
        int segment =
            rotap_compile_lookup(model, ROTAP_KIND_SEGMENT, spec->segments->pdata[j]);

        for (guint k = 0; k < j; k++) {
            if (rotap_compile_lookup(model, ROTAP_KIND_SEGMENT,
                                     spec->segments->pdata[k]) == segment)
                return rotap_compile_fail(
                    error,
                    "duties[%d].segments[%u]: segment \"%s\" "
                    "is listed twice (first at duties[%d].segments[%u])",
                    d, j, (const char *)spec->segments->pdata[j], d, k);
        }
    }
    g_return_val_if_reached(FALSE);
}

static gboolean
compile_duty_segments(RotaModel *model, int d, const RotapDutySpec *spec, GError **error)
{
    RotapDuty *duty = &model->duties[d];

    if (spec->segments == NULL) {
        duty->n_segments = model->n_segments;
        duty->segments = g_new(int, model->n_segments + 1);
        for (int s = 0; s < model->n_segments; s++)
            duty->segments[s] = s;
        return TRUE;
    }
    if (spec->segments->len == 0)
        return rotap_compile_fail(error,
                                  "duties[%d].segments: empty segment list "
                                  "(expected \"*\" or at least one segment)",
                                  d);
    duty->segments = g_new(int, spec->segments->len + 1);
    for (guint j = 0; j < spec->segments->len; j++) {
        const char *id = spec->segments->pdata[j];
        int segment = rotap_compile_lookup(model, ROTAP_KIND_SEGMENT, id);

        if (segment < 0)
            return rotap_compile_fail(error,
                                      "duties[%d].segments[%u]: unknown segment "
                                      "\"%s\"",
                                      d, j, id != NULL ? id : "");
        duty->segments[duty->n_segments++] = segment;
    }
    if (duty->n_segments > 1)
        qsort(duty->segments, (gsize)duty->n_segments, sizeof(int), compare_ints);
    for (int k = 1; k < duty->n_segments; k++) {
        if (duty->segments[k] == duty->segments[k - 1])
            return fail_duplicate_segment(model, d, spec, error);
    }
    return TRUE;
}

static gboolean
compile_duty_counts(RotaModel *model, int d, const RotapDutySpec *spec, GError **error)
{
    RotapDuty *duty = &model->duties[d];

    if (spec->has_min && spec->min < 0)
        return rotap_compile_fail(error,
                                  "duties[%d].min: negative count %d "
                                  "(expected 0 or more)",
                                  d, spec->min);
    if (spec->has_max && spec->max < 0)
        return rotap_compile_fail(error,
                                  "duties[%d].max: negative count %d "
                                  "(expected 0 or more)",
                                  d, spec->max);
    if (spec->has_min && spec->has_max && spec->min > spec->max)
        return rotap_compile_fail(error, "duties[%d].min: min %d is greater than max %d",
                                  d, spec->min, spec->max);
    if (spec->has_under && spec->under < 0)
        return rotap_compile_fail(error,
                                  "duties[%d].under: negative weight %d "
                                  "(expected 0 or more)",
                                  d, spec->under);
    if (spec->has_over && spec->over < 0)
        return rotap_compile_fail(error,
                                  "duties[%d].over: negative weight %d "
                                  "(expected 0 or more)",
                                  d, spec->over);
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

    if (spec->quotas->len == 0)
        return TRUE;
    duty->quotas = g_new0(RotapQuota, spec->quotas->len);
    for (guint j = 0; j < spec->quotas->len; j++) {
        const RotapQuotaSpec *quota = &g_array_index(spec->quotas, RotapQuotaSpec, j);
        const char *shown = quota->tag != NULL ? quota->tag : "";
        int tag;

        if (!rotap_compile_check_id(quota->tag, N_("tag"), error, "duties[%d].quota.%s", d,
                                    shown))
            return FALSE;
        if (quota->count < 0)
            return rotap_compile_fail(error,
                                      "duties[%d].quota.%s: negative count %d "
                                      "(expected 0 or more)",
                                      d, shown, quota->count);
        tag = rotap_compile_intern_tag(model, tags, quota->tag);
        for (int k = 0; k < duty->n_quotas; k++) {
            if (duty->quotas[k].tag == tag)
                return rotap_compile_fail(error,
                                          "duties[%d].quota.%s: tag \"%s\" is listed "
                                          "twice",
                                          d, shown, shown);
        }
        duty->quotas[duty->n_quotas].tag = tag;
        duty->quotas[duty->n_quotas++].count = quota->count;
    }
    return TRUE;
}

static gboolean
same_strings(const GPtrArray *a, const GPtrArray *b)
{
    if (a->len != b->len)
        return FALSE;
    for (guint i = 0; i < a->len; i++) {
        if (g_strcmp0(a->pdata[i], b->pdata[i]) != 0)
            return FALSE;
    }
    return TRUE;
}

/* Consecutive duties usually name the same "who": checked once. */
static gboolean
compile_duty_who(DutyCompiler *c, int d, const RotapDutySpec *spec, GPtrArray *tags,
                 GError **error)
{
    RotaModel *model = c->model;

    if (!spec->has_who)
        return TRUE;
    if (c->last_who != NULL && same_strings(c->last_who->who_tags, spec->who_tags) &&
        same_strings(c->last_who->who_units, spec->who_units))
        return TRUE;
    if (spec->who_tags->len == 0 && spec->who_units->len == 0)
        return rotap_compile_fail(error,
                                  "duties[%d].who: names no tag and no unit "
                                  "(expected at least one)",
                                  d);
    for (guint j = 0; j < spec->who_tags->len; j++) {
        if (!rotap_compile_check_id(spec->who_tags->pdata[j], N_("tag"), error,
                                    "duties[%d].who.tags[%u]", d, j))
            return FALSE;
        rotap_compile_intern_tag(model, tags, spec->who_tags->pdata[j]);
    }
    for (guint j = 0; j < spec->who_units->len; j++) {
        const char *id = spec->who_units->pdata[j];

        if (rotap_compile_lookup(model, ROTAP_KIND_UNIT, id) < 0)
            return rotap_compile_fail(error,
                                      "duties[%d].who.units[%u]: unknown unit "
                                      "\"%s\"",
                                      d, j, id != NULL ? id : "");
    }
    c->last_who = spec;
    return TRUE;
}

static gboolean
compile_duty(DutyCompiler *c, int d, guint8 *scratch, GPtrArray *tags, GError **error)
{
    RotaModel *model = c->model;
    const RotapDutySpec *spec = &g_array_index(model->spec->duties, RotapDutySpec, d);
    RotapDuty *duty = &model->duties[d];
    DuePattern *pattern;

    if (!rotap_compile_check_text(spec->name, error, "duties[%d].name", d))
        return FALSE;
    duty->id = spec->id;
    duty->name = spec->name != NULL ? spec->name : spec->id;
    duty->per_week = spec->per_week;
    duty->not_owner = spec->not_owner;
    if (spec->shift == NULL)
        return rotap_compile_fail(error,
                                  "duties[%d].shift: missing shift "
                                  "(expected a shift id)",
                                  d);
    duty->shift = rotap_compile_lookup(model, ROTAP_KIND_SHIFT, spec->shift);
    if (duty->shift < 0)
        return rotap_compile_fail(error, "duties[%d].shift: unknown shift \"%s\"", d,
                                  spec->shift);
    if (!rotap_compile_days(model, &spec->days, scratch, error, "duties[%d].days", d))
        return FALSE;
    pattern = intern_due(c, scratch);
    c->duty_pattern[d] = pattern->index;
    if (pattern->windows[duty->per_week] == NULL)
        compile_windows(model, pattern, duty->per_week);
    duty->due = pattern->due;
    duty->window_first_day = pattern->windows[duty->per_week];
    duty->n_windows = pattern->n_windows[duty->per_week];
    return compile_duty_segments(model, d, spec, error) &&
           compile_duty_counts(model, d, spec, error) &&
           compile_duty_quotas(model, d, spec, tags, error) &&
           compile_duty_who(c, d, spec, tags, error);
}

/* ------------------------------------------------------------------ cells */

static void
fill_duty_cells(DutyCompiler *c, int d)
{
    RotaModel *model = c->model;
    RotapDuty *duty = &model->duties[d];
    const DuePattern *pattern = c->patterns->pdata[c->duty_pattern[d]];
    const int *starts = pattern->starts[duty->per_week];
    int *days = model->cell_days + pattern->days_offset;

    for (int k = 0; k < duty->n_segments; k++) {
        for (int w = 0; w < duty->n_windows; w++) {
            RotapCell *cell = &model->cells[duty->first_cell + k * duty->n_windows + w];

            cell->duty = d;
            cell->segment = duty->segments[k];
            cell->shift = duty->shift;
            cell->days = days + starts[w];
            cell->n_days = starts[w + 1] - starts[w];
            cell->first_day = cell->days[0];
            cell->eligible = c->lists[c->duty_lists[d] + k];
        }
    }
}

/* Lay out the patterns' due days, then every duty's cells in order. */
static gboolean
compile_cells(DutyCompiler *c, GError **error)
{
    RotaModel *model = c->model;
    gint64 n_cells = 0, n_places = 0;
    int n_days = 0;

    for (int d = 0; d < model->n_duties; d++) {
        RotapDuty *duty = &model->duties[d];
        gint64 cells = (gint64)duty->n_segments * duty->n_windows;

        duty->first_cell = (int)n_cells;
        duty->n_cells = (int)cells;
        n_cells += cells;
        n_places += cells * duty->min;
        if (n_cells > G_MAXINT || n_places > G_MAXINT)
            return rotap_compile_fail(error,
                                      "duties[%d].min: the duties ask for more than "
                                      "%d places or cells in all",
                                      d, G_MAXINT);
    }
    for (guint i = 0; i < c->patterns->len; i++)
        n_days += ((DuePattern *)c->patterns->pdata[i])->n_due;
    model->n_cells = (int)n_cells;
    model->n_places = (int)n_places;
    /* duties x segments x windows: the model's second product of sizes */
    model->cells = rotap_try_alloc0((gsize)n_cells + 1, sizeof(RotapCell),
                                    _("the cells of duties x segments x days"), error);
    if (model->cells == NULL)
        return FALSE;
    model->cell_days = g_new(int, n_days + 1);
    n_days = 0;
    for (guint i = 0; i < c->patterns->len; i++) {
        DuePattern *pattern = c->patterns->pdata[i];

        pattern->days_offset = n_days;
        for (int day = 0; day < model->n_days; day++) {
            if (pattern->due[day])
                model->cell_days[n_days++] = day;
        }
    }
    for (int d = 0; d < model->n_duties; d++)
        fill_duty_cells(c, d);
    return TRUE;
}

static void
compile_eligibility(DutyCompiler *c, int n_tags)
{
    RotaModel *model = c->model;
    RotapEligibility *e = rotap_eligibility_new(model, n_tags);
    int slots = 0;

    c->duty_lists = g_new(int, model->n_duties + 1);
    for (int d = 0; d < model->n_duties; d++) {
        c->duty_lists[d] = slots;
        slots += model->duties[d].n_segments;
    }
    c->lists = g_new0(int, slots + 1);
    for (int d = 0; d < model->n_duties; d++) {
        if (model->duties[d].n_windows > 0)
            rotap_eligibility_duty(e,
                                   &g_array_index(model->spec->duties, RotapDutySpec, d),
                                   &model->duties[d], c->lists + c->duty_lists[d]);
    }
    rotap_eligibility_finish(e);
    rotap_eligibility_free(e);
}

gboolean
rotap_compile_duties(RotaModel *model, GPtrArray *tags, GError **error)
{
    DutyCompiler c = {.model = model};
    g_autofree guint8 *scratch = g_new(guint8, model->n_days);
    int n_people_tags = (int)tags->len;
    gboolean ok = TRUE;

    model->n_duties = (int)model->spec->duties->len;
    model->duties = g_new0(RotapDuty, model->n_duties + 1);
    c.patterns = g_ptr_array_new_with_free_func(pattern_free);
    c.by_due = g_hash_table_new(pattern_hash, pattern_equal);
    c.duty_pattern = g_new0(int, model->n_duties + 1);
    for (int d = 0; d < model->n_duties && ok; d++)
        ok = compile_duty(&c, d, scratch, tags, error);
    if (ok) {
        compile_eligibility(&c, n_people_tags);
        ok = compile_cells(&c, error);
    }
    if (ok)
        rotap_compile_fair_members(model);
    g_free(c.duty_pattern);
    g_free(c.lists);
    g_free(c.duty_lists);
    g_hash_table_unref(c.by_due);
    g_ptr_array_unref(c.patterns);
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
    model->onsite_shift =
        rotap_compile_lookup(model, ROTAP_KIND_SHIFT, spec->onsite_shift);
    if (model->onsite_shift < 0)
        return rotap_compile_fail(error, "rules.onsite.shift: unknown shift \"%s\"",
                                  spec->onsite_shift);
    model->onsite_day = g_new0(guint8, model->n_days);
    return rotap_compile_days(model, &spec->onsite_days, model->onsite_day, error,
                              "rules.onsite.days");
}
