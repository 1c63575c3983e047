/* SPDX-License-Identifier: MIT */
/* import-resolve.c: references written as an id or an exact name; ambiguous and unknown
 * ones named with their candidates. */
#include "config.h"

#include "import/import-private.h"
#include "util-private.h"

#include <string.h>

typedef struct {
    GHashTable *ids;      /* id -> index + 1 (borrowed keys) */
    GHashTable *names;    /* name -> GPtrArray of ids (borrowed strings) */
    GPtrArray *all_names; /* distinct names, in list order (borrowed) */
} RefTable;

struct _RotapResolver {
    RefTable tables[ROTAP_N_REFS];
};

static void
table_add(RefTable *table, const char *id, const char *name, guint index)
{
    GPtrArray *ids;

    if (id != NULL && !g_hash_table_contains(table->ids, id))
        g_hash_table_insert(table->ids, (gpointer)id, GUINT_TO_POINTER(index + 1));
    if (id == NULL || name == NULL)
        return;
    ids = g_hash_table_lookup(table->names, name);
    if (ids == NULL) {
        ids = g_ptr_array_new();
        g_hash_table_insert(table->names, (gpointer)name, ids);
        g_ptr_array_add(table->all_names, (gpointer)name);
    }
    g_ptr_array_add(ids, (gpointer)id);
}

static void
table_init(RefTable *table)
{
    table->ids = g_hash_table_new(g_str_hash, g_str_equal);
    table->names = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)g_ptr_array_unref);
    table->all_names = g_ptr_array_new();
}

RotapResolver *
rotap_resolver_new(const RotapSpec *spec)
{
    RotapResolver *resolver = g_new0(RotapResolver, 1);

    for (int k = 0; k < ROTAP_N_REFS; k++)
        table_init(&resolver->tables[k]);
    for (guint i = 0; i < spec->units->len; i++) {
        const RotapUnitSpec *u = &g_array_index(spec->units, RotapUnitSpec, i);

        table_add(&resolver->tables[ROTAP_REF_UNIT], u->id, u->name, i);
    }
    for (guint i = 0; i < spec->segments->len; i++) {
        const RotapSegmentSpec *s = &g_array_index(spec->segments, RotapSegmentSpec, i);

        table_add(&resolver->tables[ROTAP_REF_SEGMENT], s->id, s->name, i);
    }
    for (guint i = 0; i < spec->people->len; i++) {
        const RotapPersonSpec *p = &g_array_index(spec->people, RotapPersonSpec, i);

        table_add(&resolver->tables[ROTAP_REF_PERSON], p->id, p->name, i);
    }
    for (guint i = 0; i < spec->shifts->len; i++) {
        const RotapShiftSpec *s = &g_array_index(spec->shifts, RotapShiftSpec, i);

        table_add(&resolver->tables[ROTAP_REF_SHIFT], s->id, s->name, i);
    }
    return resolver;
}

void
rotap_resolver_free(RotapResolver *resolver)
{
    if (resolver == NULL)
        return;
    for (int k = 0; k < ROTAP_N_REFS; k++) {
        g_hash_table_unref(resolver->tables[k].ids);
        g_hash_table_unref(resolver->tables[k].names);
        g_ptr_array_unref(resolver->tables[k].all_names);
    }
    g_free(resolver);
}

/* Index of an id in its list, or -1. */
static int
find_id(const RotapResolver *resolver, RotapRefKind kind, const char *id)
{
    gpointer value = g_hash_table_lookup(resolver->tables[kind].ids, id);

    return value != NULL ? (int)GPOINTER_TO_UINT(value) - 1 : -1;
}

/* What a reference names, for "unknown %s \"%s\"". */
static const char *
kind_word(const RotapErrors *errors, RotapRefKind kind)
{
    switch (kind) {
    case ROTAP_REF_UNIT:
        return ROTAP_TR(errors, "unit");
    case ROTAP_REF_SEGMENT:
        return ROTAP_TR(errors, "segment");
    case ROTAP_REF_PERSON:
        return ROTAP_TR(errors, "person");
    default:
        return ROTAP_TR(errors, "shift");
    }
}

/* Whether every character of text appears in name, in order: 县住建局
 * is how people shorten 县住房和城乡建设局. */
static gboolean
is_abbreviation(const char *text, const char *name)
{
    const char *n = name;

    for (const char *t = text; *t != '\0'; t = g_utf8_next_char(t)) {
        gunichar c = g_utf8_get_char(t);

        while (*n != '\0' && g_utf8_get_char(n) != c)
            n = g_utf8_next_char(n);
        if (*n == '\0')
            return FALSE;
        n = g_utf8_next_char(n);
    }
    return TRUE;
}

/* Whether name may be suggested for text, and how far it is: names of
 * which text is an abbreviation come first (rank 0), then names within
 * half their length in edit distance (rank 1). */
static gboolean
candidate(const char *text, const char *name, int *rank, int *distance)
{
    long longest = MAX(g_utf8_strlen(text, -1), g_utf8_strlen(name, -1));

    *distance = rotap_text_distance(text, name);
    *rank = is_abbreviation(text, name) ? 0 : 1;
    return *rank == 0 || *distance * 2 <= longest;
}

/* Up to three of the nearest names to text (quoted), or NULL. */
static char *
nearest_names(const RefTable *table, const char *text, const RotapErrors *errors)
{
    GString *out = NULL;
    int best_rank = 2, best = G_MAXINT, n = 0, rank, d;

    for (guint i = 0; i < table->all_names->len; i++) {
        if (!candidate(text, table->all_names->pdata[i], &rank, &d))
            continue;
        if (rank < best_rank || (rank == best_rank && d < best)) {
            best_rank = rank;
            best = d;
        }
    }
    for (guint i = 0; i < table->all_names->len && n < 3; i++) {
        const char *name = table->all_names->pdata[i];

        if (!candidate(text, name, &rank, &d) || rank != best_rank || d != best)
            continue;
        if (out == NULL)
            out = g_string_new(NULL);
        /* TRANSLATORS: a separator (empty or ", ") and a suggested name,
           quoted as the language quotes */
        g_string_append_printf(out, ROTAP_TR(errors, "%s\"%s\""), n > 0 ? ", " : "",
                               name);
        n++;
    }
    return out != NULL ? g_string_free(out, FALSE) : NULL;
}

static void
unknown_error(RotapImportRun *run, RotapRefKind kind, const char *text,
              const RotapSheet *sheet, int row, int field)
{
    RotapErrors *errors = run->errors;
    g_autofree char *near = nearest_names(&run->resolver->tables[kind], text, errors);

    if (near != NULL)
        rotap_sheet_field_error(sheet, errors, row, field,
                                ROTAP_TR(errors, "unknown %s \"%s\" (did you mean %s?)"),
                                kind_word(errors, kind), text, near);
    else
        rotap_sheet_field_error(sheet, errors, row, field,
                                ROTAP_TR(errors, "unknown %s \"%s\""),
                                kind_word(errors, kind), text);
}

static void
ambiguous_error(RotapImportRun *run, RotapRefKind kind, const char *text,
                const GPtrArray *ids, const RotapSheet *sheet, int row, int field)
{
    RotapErrors *errors = run->errors;
    g_autoptr(GString) list = g_string_new(NULL);

    for (guint i = 0; i < ids->len; i++)
        g_string_append_printf(list, "%s%s", i > 0 ? ", " : "", (char *)ids->pdata[i]);
    rotap_sheet_field_error(
        sheet, errors, row, field,
        ROTAP_TR(errors, "%u %ss are named \"%s\" (%s): write the id instead"), ids->len,
        kind_word(errors, kind), text, list->str);
}

gboolean
rotap_resolve(RotapImportRun *run, RotapRefKind kind, char **slot,
              const RotapSheet *sheet, int row, int field)
{
    const RefTable *table = &run->resolver->tables[kind];
    GPtrArray *ids;

    if (*slot == NULL || find_id(run->resolver, kind, *slot) >= 0)
        return TRUE;
    ids = g_hash_table_lookup(table->names, *slot);
    if (ids == NULL) {
        unknown_error(run, kind, *slot, sheet, row, field);
        return FALSE;
    }
    if (ids->len > 1) {
        ambiguous_error(run, kind, *slot, ids, sheet, row, field);
        return FALSE;
    }
    g_free(*slot);
    *slot = g_strdup(ids->pdata[0]);
    run->n_by_name++;
    return TRUE;
}

static void
resolve_list(RotapImportRun *run, RotapRefKind kind, GPtrArray *list,
             const RotapSheet *sheet, int row, int field)
{
    for (guint i = 0; i < list->len; i++)
        rotap_resolve(run, kind, (char **)&list->pdata[i], sheet, row, field);
}

static void
resolve_records(RotapImportRun *run)
{
    RotapSpec *spec = run->spec;

    for (guint i = 0; i < run->origins[ROTA_SHEET_UNITS]->len; i++) {
        const RotapOrigin *o =
            &g_array_index(run->origins[ROTA_SHEET_UNITS], RotapOrigin, i);
        RotapUnitSpec *u = &g_array_index(spec->units, RotapUnitSpec, i);

        if (o->sheet == NULL)
            continue;
        rotap_resolve(run, ROTAP_REF_PERSON, &u->head, o->sheet, o->line, F_UNIT_HEAD);
        resolve_list(run, ROTAP_REF_PERSON, u->deputies, o->sheet, o->line,
                     F_UNIT_DEPUTIES);
        resolve_list(run, ROTAP_REF_SEGMENT, u->segments, o->sheet, o->line,
                     F_UNIT_SEGMENTS);
    }
    for (guint i = 0; i < run->origins[ROTA_SHEET_SEGMENTS]->len; i++) {
        const RotapOrigin *o =
            &g_array_index(run->origins[ROTA_SHEET_SEGMENTS], RotapOrigin, i);
        RotapSegmentSpec *s = &g_array_index(spec->segments, RotapSegmentSpec, i);

        if (o->sheet != NULL)
            rotap_resolve(run, ROTAP_REF_PERSON, &s->chief, o->sheet, o->line,
                          F_SEG_CHIEF);
    }
    for (guint i = 0; i < run->origins[ROTA_SHEET_PEOPLE]->len; i++) {
        const RotapOrigin *o =
            &g_array_index(run->origins[ROTA_SHEET_PEOPLE], RotapOrigin, i);
        RotapPersonSpec *p = &g_array_index(spec->people, RotapPersonSpec, i);

        if (o->sheet == NULL)
            continue;
        rotap_resolve(run, ROTAP_REF_UNIT, &p->unit, o->sheet, o->line, F_PERSON_UNIT);
        rotap_resolve(run, ROTAP_REF_SEGMENT, &p->community, o->sheet, o->line,
                      F_PERSON_COMMUNITY);
    }
}

static RotapPersonSpec *
person_of(RotapImportRun *run, char **person, const RotapSheet *sheet, int row, int field)
{
    int index;

    if (!rotap_resolve(run, ROTAP_REF_PERSON, person, sheet, row, field))
        return NULL;
    index = find_id(run->resolver, ROTAP_REF_PERSON, *person);
    return index >= 0 ? &g_array_index(run->spec->people, RotapPersonSpec, index) : NULL;
}

static void
join_off(RotapImportRun *run)
{
    for (guint i = 0; i < run->off_rows->len; i++) {
        RotapOffRow *r = &g_array_index(run->off_rows, RotapOffRow, i);
        RotapPersonSpec *person =
            person_of(run, &r->person, r->sheet, r->line, F_OFF_PERSON);
        RotapOffSpec off;

        if (!rotap_resolve(run, ROTAP_REF_SHIFT, &r->off.shift, r->sheet, r->line,
                           F_OFF_SHIFT) ||
            person == NULL)
            continue;
        rotap_off_copy(&off, &r->off);
        g_array_append_val(person->off, off);
    }
}

/* A request's date must lie inside the horizon. */
static gboolean
inside_horizon(RotapImportRun *run, const RotapRequestRow *r)
{
    GDate date, end;

    if (!run->has_horizon || !rotap_parse_date(r->request.date, &date))
        return TRUE;
    end = run->start;
    g_date_add_days(&end, (guint)run->n_days);
    if (g_date_compare(&date, &run->start) >= 0 && g_date_compare(&date, &end) < 0)
        return TRUE;
    rotap_sheet_field_error(r->sheet, run->errors, r->line, F_REQ_DATE,
                            ROTAP_TR(run->errors, "%s is outside the horizon"),
                            r->request.date);
    return FALSE;
}

static void
join_requests(RotapImportRun *run)
{
    for (guint i = 0; i < run->request_rows->len; i++) {
        RotapRequestRow *r = &g_array_index(run->request_rows, RotapRequestRow, i);
        RotapPersonSpec *person =
            person_of(run, &r->person, r->sheet, r->line, F_REQ_PERSON);
        RotapRequestSpec request;

        if (!rotap_resolve(run, ROTAP_REF_SHIFT, &r->request.shift, r->sheet, r->line,
                           F_REQ_SHIFT) ||
            !inside_horizon(run, r) || person == NULL)
            continue;
        rotap_request_copy(&request, &r->request);
        g_array_append_val(person->requests, request);
    }
}

void
rotap_resolve_all(RotapImportRun *run)
{
    run->resolver = rotap_resolver_new(run->spec);
    resolve_records(run);
    join_off(run);
    join_requests(run);
}
