/* SPDX-License-Identifier: MIT */
/* compile-people.c: compile rules and people: limits, days off, requests. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compile-private.h"
#include "i18n-private.h"
#include "util-private.h"

static gboolean
limit_is_minimum(RotaLimit limit)
{
    return limit == ROTA_LIMIT_MIN_MINUTES || limit == ROTA_LIMIT_MIN_CONSECUTIVE ||
           limit == ROTA_LIMIT_MIN_DAYS_OFF || limit == ROTA_LIMIT_MIN_REST_MINUTES;
}

static void
limits_set(RotapLimits *limits, RotaLimit limit, int value)
{
    switch (limit) {
    case ROTA_LIMIT_MIN_MINUTES:
        limits->min_minutes = value;
        break;
    case ROTA_LIMIT_MAX_MINUTES:
        limits->max_minutes = value;
        break;
    case ROTA_LIMIT_MAX_SHIFTS_WEEK:
        limits->max_shifts_week = value;
        break;
    case ROTA_LIMIT_MAX_MINUTES_WEEK:
        limits->max_minutes_week = value;
        break;
    case ROTA_LIMIT_MIN_CONSECUTIVE:
        limits->min_consecutive = value;
        break;
    case ROTA_LIMIT_MAX_CONSECUTIVE:
        limits->max_consecutive = value;
        break;
    case ROTA_LIMIT_MIN_DAYS_OFF:
        limits->min_days_off = value;
        break;
    case ROTA_LIMIT_MAX_WEEKENDS:
        limits->max_weekends = value;
        break;
    case ROTA_LIMIT_MIN_REST_MINUTES:
        limits->min_rest_minutes = value;
        break;
    case ROTA_N_LIMITS:
    default:
        break;
    }
}

/* The path of the limits of person p, or of the rules when p is -1. */
static char *
limits_path(int p)
{
    return p < 0 ? g_strdup("rules.limits") : g_strdup_printf("people[%d].limits", p);
}

/* Values and shift keys of one "limits" object, on their own. */
static gboolean
check_limits(const RotaModel *model, const RotapLimitsSpec *limits, int p, GError **error)
{
    g_autofree char *path = NULL;

    for (int k = 0; k < ROTA_N_LIMITS; k++) {
        if ((limits->set & (1u << k)) && limits->values[k] < 0) {
            path = limits_path(p);
            return rotap_compile_fail(error,
                                      "%s.%s: negative value %d (expected 0 or more)",
                                      path, rotap_limit_name(k), limits->values[k]);
        }
    }
    for (guint j = 0; j < rotap_spec_len(limits->max_shifts); j++) {
        const RotapShiftCountSpec *count =
            &g_array_index(limits->max_shifts, RotapShiftCountSpec, j);
        const char *shift = count->shift != NULL ? count->shift : "";

        if (rotap_compile_lookup(model, ROTAP_KIND_SHIFT, count->shift) >= 0 &&
            count->count >= 0)
            continue;
        path = limits_path(p);
        if (rotap_compile_lookup(model, ROTAP_KIND_SHIFT, count->shift) < 0)
            return rotap_compile_fail(error, "%s.max_shifts.%s: unknown shift \"%s\"",
                                      path, shift, shift);
        return rotap_compile_fail(error,
                                  "%s.max_shifts.%s: negative count %d "
                                  "(expected 0 or more)",
                                  path, shift, count->count);
    }
    return TRUE;
}

/*
 * A minimum above its maximum can never be met.  The check runs on the
 * effective values (person over rules) and blames the person's own key
 * when there is one, saying so when the other side comes from the rules.
 */
static gboolean
check_pair(const RotapLimitsSpec *own, const RotapLimitsSpec *rules, int p, RotaLimit min,
           RotaLimit max, GError **error)
{
    gboolean own_min = (own->set >> min) & 1, own_max = (own->set >> max) & 1;
    gboolean has_min = own_min || ((rules->set >> min) & 1);
    gboolean has_max = own_max || ((rules->set >> max) & 1);
    int min_value = own_min ? own->values[min] : rules->values[min];
    int max_value = own_max ? own->values[max] : rules->values[max];
    const char *blamed;
    g_autofree char *path = NULL;

    if (!has_min || !has_max || min_value <= max_value)
        return TRUE;
    blamed = rotap_limit_name(own_min ? min : max);
    path = limits_path(p);
    return rotap_compile_fail(error, "%s.%s: %s %d%s is greater than %s %d%s", path,
                              blamed, rotap_limit_name(min), min_value,
                              own_min || own == rules ? "" : " (from rules.limits)",
                              rotap_limit_name(max), max_value,
                              own_max || own == rules ? "" : " (from rules.limits)");
}

static gboolean
check_pairs(const RotapLimitsSpec *own, const RotapLimitsSpec *rules, int p,
            GError **error)
{
    return check_pair(own, rules, p, ROTA_LIMIT_MIN_MINUTES, ROTA_LIMIT_MAX_MINUTES,
                      error) &&
           check_pair(own, rules, p, ROTA_LIMIT_MIN_CONSECUTIVE,
                      ROTA_LIMIT_MAX_CONSECUTIVE, error);
}

gboolean
rotap_compile_rules(RotaModel *model, GError **error)
{
    const RotapSpec *spec = model->spec;

    for (int w = 0; w < ROTA_N_WEIGHTS; w++) {
        gboolean set = (spec->weights_set >> w) & 1;

        if (set && spec->weights[w] < 0)
            return rotap_compile_fail(error,
                                      "rules.weights.%s: negative weight %d "
                                      "(expected 0 or more)",
                                      rotap_weight_name(w), spec->weights[w]);
        model->weights[w] = set ? spec->weights[w] : rotap_weight_default(w);
    }
    return check_limits(model, &spec->limits, -1, error) &&
           check_pairs(&spec->limits, &spec->limits, -1, error);
}

/* ------------------------------------------------------------------ limits */

static gboolean
compile_limits(RotaModel *model, int p, const RotapPersonSpec *spec, GError **error)
{
    const RotapLimitsSpec *rules = &model->spec->limits;
    const RotapLimitsSpec *own = &spec->limits;
    int *max_shifts = model->max_shifts + (gsize)p * model->n_shifts;

    if (!check_limits(model, own, p, error) || !check_pairs(own, rules, p, error))
        return FALSE;
    for (int k = 0; k < ROTA_N_LIMITS; k++) {
        int value = limit_is_minimum(k) ? 0 : ROTAP_UNLIMITED;

        if ((own->set >> k) & 1)
            value = own->values[k];
        else if ((rules->set >> k) & 1)
            value = rules->values[k];
        limits_set(&model->people[p].limits, k, value);
    }
    for (int s = 0; s < model->n_shifts; s++)
        max_shifts[s] = ROTAP_UNLIMITED;
    for (guint j = 0; j < rotap_spec_len(rules->max_shifts); j++) {
        const RotapShiftCountSpec *c =
            &g_array_index(rules->max_shifts, RotapShiftCountSpec, j);

        max_shifts[rotap_compile_lookup(model, ROTAP_KIND_SHIFT, c->shift)] = c->count;
    }
    for (guint j = 0; j < rotap_spec_len(own->max_shifts); j++) {
        const RotapShiftCountSpec *c =
            &g_array_index(own->max_shifts, RotapShiftCountSpec, j);

        max_shifts[rotap_compile_lookup(model, ROTAP_KIND_SHIFT, c->shift)] = c->count;
    }
    return TRUE;
}

/* ------------------------------------------------------------------ days off */

/* A date as an offset from day 0, which may lie outside the horizon.  The
 * path of the value is "people[p].off[j]" + key, formatted on failure. */
static gboolean
date_offset(const RotaModel *model, const char *text, gint64 *offset, GError **error,
            int p, guint j, const char *key)
{
    gint64 julian;

    if (text == NULL)
        return rotap_compile_fail(error,
                                  "people[%d].off[%u]%s: missing date "
                                  "(expected YYYY-MM-DD)",
                                  p, j, key);
    if (!rotap_compile_julian(text, &julian))
        return rotap_compile_fail(error,
                                  "people[%d].off[%u]%s: bad date \"%s\" "
                                  "(expected YYYY-MM-DD)",
                                  p, j, key, text);
    *offset = julian - (gint64)g_date_get_julian(&model->start);
    return TRUE;
}

/* Mark person p off on day for the shifts in mask (a bit per shift). */
static void
set_off(RotaModel *model, int p, int day, guint64 mask)
{
    gsize first = ((gsize)p * (gsize)model->n_days + (gsize)day) * (gsize)model->n_shifts;

    for (int s = 0; s < model->n_shifts; s++) {
        if ((mask >> s) & 1)
            model->off[(first + (gsize)s) >> 3] |= (guint8)(1u << ((first + (gsize)s) & 7));
    }
}

/*
 * Paths of an off entry's values depend on how it was written: the DATE
 * form is the date itself, the DAY form has "date", the RANGE form "from"
 * and "to".
 */
static gboolean
compile_off(RotaModel *model, int p, guint j, GError **error)
{
    const RotapPersonSpec *spec = &g_array_index(model->spec->people, RotapPersonSpec, p);
    const RotapOffSpec *off = &g_array_index(spec->off, RotapOffSpec, j);
    const char *from_key = off->form == ROTAP_OFF_FORM_DATE  ? ""
                           : off->form == ROTAP_OFF_FORM_DAY ? ".date"
                                                             : ".from";
    guint64 mask = ROTAP_ALL_SHIFTS;
    gint64 from = 0, to;

    if (!date_offset(model, off->from, &from, error, p, j, from_key))
        return FALSE;
    to = from;
    if (off->form == ROTAP_OFF_FORM_RANGE) {
        if (!date_offset(model, off->to, &to, error, p, j, ".to"))
            return FALSE;
        if (to < from)
            return rotap_compile_fail(error,
                                      "people[%d].off[%u].to: end date %s is before "
                                      "the start date %s (expected from <= to)",
                                      p, j, off->to, off->from);
    }
    if (off->shift != NULL) {
        int shift = rotap_compile_lookup(model, ROTAP_KIND_SHIFT, off->shift);

        if (shift < 0)
            return rotap_compile_fail(error,
                                      "people[%d].off[%u].shift: unknown shift "
                                      "\"%s\"",
                                      p, j, off->shift);
        mask = G_GUINT64_CONSTANT(1) << shift;
    }
    from = MAX(from, 0);
    to = MIN(to, (gint64)model->n_days - 1);
    for (gint64 d = from; d <= to; d++)
        set_off(model, p, (int)d, mask);
    return TRUE;
}

/* ------------------------------------------------------------------ requests */

static int
compare_requests(const void *a, const void *b)
{
    const RotapRequest *x = a, *y = b;

    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if (x->shift != y->shift)
        return x->shift < y->shift ? -1 : 1;
    if (x->on != y->on)
        return x->on ? 1 : -1;
    return (x->weight > y->weight) - (x->weight < y->weight);
}

static gboolean
compile_requests(RotaModel *model, int p, const RotapPersonSpec *spec, GArray *requests,
                 GError **error)
{
    guint first = requests->len;

    for (guint j = 0; j < rotap_spec_len(spec->requests); j++) {
        const RotapRequestSpec *r = &g_array_index(spec->requests, RotapRequestSpec, j);
        RotapRequest request = {.person = p, .shift = -1, .on = TRUE};

        if (!rotap_compile_date(model, r->date, TRUE, &request.day, error,
                                "people[%d].requests[%u].date", p, j))
            return FALSE;
        if (r->shift != NULL) {
            request.shift = rotap_compile_lookup(model, ROTAP_KIND_SHIFT, r->shift);
            if (request.shift < 0)
                return rotap_compile_fail(error,
                                          "people[%d].requests[%u].shift: unknown "
                                          "shift \"%s\"",
                                          p, j, r->shift);
        }
        if (r->has_weight && r->weight < 0)
            return rotap_compile_fail(error,
                                      "people[%d].requests[%u].weight: negative "
                                      "weight %d (expected 0 or more)",
                                      p, j, r->weight);
        request.weight = r->has_weight ? r->weight : model->weights[ROTA_WEIGHT_REQUEST];
        request.on = r->has_on ? r->on : TRUE;
        g_array_append_val(requests, request);
    }
    /* Requests usually come in order already. */
    for (guint i = first + 1; i < requests->len; i++) {
        if (compare_requests(&g_array_index(requests, RotapRequest, i - 1),
                             &g_array_index(requests, RotapRequest, i)) > 0) {
            qsort(&g_array_index(requests, RotapRequest, first), requests->len - first,
                  sizeof(RotapRequest), compare_requests);
            break;
        }
    }
    return TRUE;
}

/* ------------------------------------------------------------------ people */

static int
compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

/* Tags become sorted, distinct indices into model->tags, each person's
 * in the next spec->tags->len entries of model->person_tags. */
static gboolean
compile_tags(RotaModel *model, RotapPerson *person, const RotapPersonSpec *spec, int p,
             GPtrArray *tags, GError **error)
{
    int n = 0;

    person->tags = model->person_tags + model->n_person_tags;
    model->n_person_tags += (gsize)spec->tags->len;
    for (guint j = 0; j < spec->tags->len; j++) {
        if (!rotap_compile_check_id(spec->tags->pdata[j], N_("tag"), error,
                                    "people[%d].tags[%u]", p, j))
            return FALSE;
        person->tags[n++] = rotap_compile_intern_tag(model, tags, spec->tags->pdata[j]);
    }
    if (n > 1)
        qsort(person->tags, (gsize)n, sizeof(int), compare_ints);
    person->n_tags = 0;
    for (int j = 0; j < n; j++) {
        if (person->n_tags == 0 || person->tags[person->n_tags - 1] != person->tags[j])
            person->tags[person->n_tags++] = person->tags[j];
    }
    return TRUE;
}

static gboolean
compile_person(RotaModel *model, int p, GPtrArray *tags, GArray *requests, GError **error)
{
    const RotapPersonSpec *spec = &g_array_index(model->spec->people, RotapPersonSpec, p);
    RotapPerson *person = &model->people[p];

    if (!rotap_compile_check_text(spec->name, error, "people[%d].name", p))
        return FALSE;
    person->id = spec->id;
    person->name = spec->name != NULL ? spec->name : spec->id;
    person->unit = rotap_compile_lookup(model, ROTAP_KIND_UNIT, spec->unit);
    if (spec->unit != NULL && person->unit < 0)
        return rotap_compile_fail(error, "people[%d].unit: unknown unit \"%s\"", p,
                                  spec->unit);
    if (!compile_tags(model, person, spec, p, tags, error))
        return FALSE;
    person->community = rotap_compile_lookup(model, ROTAP_KIND_SEGMENT, spec->community);
    if (spec->community != NULL && person->community < 0)
        return rotap_compile_fail(error, "people[%d].community: unknown segment \"%s\"",
                                  p, spec->community);
    if (!rotap_compile_check_text(spec->phone, error, "people[%d].phone", p))
        return FALSE;
    if (spec->phone_public && spec->phone == NULL)
        return rotap_compile_fail(error, "people[%d].phone_public: no phone to publish", p);
    person->phone = spec->phone;
    person->phone_public = spec->phone_public;
    if (!compile_limits(model, p, spec, error))
        return FALSE;
    for (guint j = 0; j < rotap_spec_len(spec->off); j++) {
        if (!compile_off(model, p, j, error))
            return FALSE;
    }
    return compile_requests(model, p, spec, requests, error);
}

/* Members of each unit, ascending: a count, then a fill in person order. */
static void
compile_members(RotaModel *model)
{
    for (int p = 0; p < model->n_people; p++) {
        if (model->people[p].unit >= 0)
            model->units[model->people[p].unit].n_members++;
    }
    for (int u = 0; u < model->n_units; u++) {
        model->units[u].members = g_new0(int, model->units[u].n_members + 1);
        model->units[u].n_members = 0;
    }
    for (int p = 0; p < model->n_people; p++) {
        RotapUnit *unit =
            model->people[p].unit >= 0 ? &model->units[model->people[p].unit] : NULL;

        if (unit != NULL)
            unit->members[unit->n_members++] = p;
    }
}

gboolean
rotap_compile_people(RotaModel *model, GPtrArray *tags, GError **error)
{
    g_autoptr(GArray) requests = g_array_new(FALSE, FALSE, sizeof(RotapRequest));
    int n = (int)model->spec->people->len;
    gsize n_tags = 0;

    model->n_people = n;
    model->people = g_new0(RotapPerson, n + 1);
    model->max_shifts = g_new(int, (gsize)n * model->n_shifts + 1);
    /* the largest block of a model: a bit per person, day and shift */
    model->off = rotap_try_alloc0((gsize)n * model->n_days * model->n_shifts / 8 + 1, 1,
                                  _("the days off of people x days"), error);
    if (model->off == NULL)
        return FALSE;
    model->person_requests = g_new0(int, n + 1);
    /* every person's tags in one block: one allocation per person was
     * about 0.2x the file of a county */
    for (int p = 0; p < n; p++)
        n_tags += g_array_index(model->spec->people, RotapPersonSpec, p).tags->len;
    model->person_tags = g_new0(int, n_tags + 1);
    for (int p = 0; p < n; p++) {
        model->person_requests[p] = (int)requests->len;
        if (!compile_person(model, p, tags, requests, error))
            return FALSE;
    }
    model->person_requests[n] = (int)requests->len;
    model->n_requests = (int)requests->len;
    model->requests =
        (RotapRequest *)(void *)g_array_free(g_steal_pointer(&requests), FALSE);
    compile_members(model);
    return TRUE;
}
