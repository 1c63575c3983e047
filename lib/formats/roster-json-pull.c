/* SPDX-License-Identifier: MIT */
/* roster-json-pull.c: reading a well-formed roster.json in one pass, without a json-c
 * tree. */
#include "config.h"

#include <string.h>

#include "roster-json-private.h"
#include "roster-private.h"

/*
 * A county month's roster.json is 3 MB of 22,000 assignments, and building
 * its json-c tree (after the strict check of the text) was three quarters
 * of what `rota swap --suggest` spent.  This reader takes the text in one
 * pass instead.  It accepts only what the tree reader of roster-json.c
 * accepts, with the same result, and declines (NULL) anything else: a
 * syntax error, a value of an unexpected type, an unknown or repeated key,
 * an id the model does not know, an assignment rota_roster_add() refuses,
 * a number that is not a plain integer.  The caller then reads the text
 * with the tree reader, which words the error with its line, column and
 * path.  tests/unit/check_roster_pull.c holds the two readers to the same
 * results.
 */

/* The ids of consecutive assignments mostly differ in the person only:
 * the other ids resolved for the previous assignment are kept. */
/* positions in rotap_roster_assignment_keys */
enum { ID_DATE, ID_SHIFT, ID_SEGMENT, ID_PERSON, ID_DUTY, N_IDS };

typedef struct {
    RotaRoster *roster;
    RotapJsonPull *pull;
    GString *ids[N_IDS];  /* the ids of the assignment being read */
    GString *last[N_IDS]; /* those of the last one resolved */
    RotaAssignment last_resolved;
    gboolean have_last;
} PullReader;

/* Index of key in keys (NULL-terminated), or -1. */
static int
key_index(const char *const *keys, const char *key)
{
    for (int i = 0; keys[i] != NULL; i++) {
        if (strcmp(keys[i], key) == 0)
            return i;
    }
    return -1;
}

/* The bit of key in a set of keys seen (0 for a key not in keys). */
static guint
key_bit(const char *const *keys, const char *key)
{
    int index = key_index(keys, key);

    return index >= 0 ? 1u << index : 0u;
}

/* The next member's key as its index in keys, refusing unknown and
 * repeated keys (seen: a bit per index).  -1 on a surprise. */
static int
next_key(RotapJsonPull *pull, const char *const *keys, guint *seen)
{
    const char *key;
    int index;

    if (!rotap_json_pull_key(pull, &key))
        return -1;
    index = key_index(keys, key);
    if (index < 0 || (*seen & (1u << index)) != 0)
        return -1;
    *seen |= 1u << index;
    return index;
}

static gboolean
read_solver(PullReader *r)
{
    const char *const *keys = rotap_roster_solver_keys;
    int threads = key_index(keys, "threads"), moves = key_index(keys, "moves");
    int bound = key_index(keys, "bound");
    guint required = key_bit(keys, "threads") | key_bit(keys, "moves");
    guint64 values[3] = {0, 0, 0};
    guint seen = 0;

    g_assert(threads >= 0 && moves >= 0 && bound >= 0 && bound < (int)G_N_ELEMENTS(values) &&
             threads < (int)G_N_ELEMENTS(values) && moves < (int)G_N_ELEMENTS(values));
    if (!rotap_json_pull_open(r->pull, '{'))
        return FALSE;
    for (guint i = 0; rotap_json_pull_next(r->pull, '}', i); i++) {
        int index = next_key(r->pull, keys, &seen);

        if (index < 0 || !rotap_json_pull_uint(r->pull, index == threads ? G_MAXINT : G_MAXINT64,
                                               &values[index]))
            return FALSE;
    }
    if ((seen & required) != required)
        return FALSE;
    rota_roster_set_solver_info(r->roster, (int)values[threads], values[moves]);
    r->roster->has_bound = (seen & key_bit(keys, "bound")) != 0;
    r->roster->bound = (gint64)values[bound];
    return TRUE;
}

/* The ids of the assignment just read, as rotap_roster_resolve() would
 * resolve them. */
static gboolean
resolve(PullReader *r, RotaAssignment *a)
{
    const RotaModel *model = r->roster->model;
    const char *field;
    gboolean same = r->have_last;

    for (int k = 0; same && k < N_IDS; k++) {
        if (k != ID_PERSON && !g_string_equal(r->ids[k], r->last[k]))
            same = FALSE;
    }
    if (same) {
        *a = r->last_resolved;
        a->person = rota_model_find_person(model, r->ids[ID_PERSON]->str);
        return a->person >= 0;
    }
    if (!rotap_roster_resolve(model, r->ids[ID_DATE]->str, r->ids[ID_SHIFT]->str,
                              r->ids[ID_SEGMENT]->str, r->ids[ID_PERSON]->str,
                              r->ids[ID_DUTY]->str, a, &field, NULL))
        return FALSE;
    for (int k = 0; k < N_IDS; k++)
        g_string_assign(r->last[k], r->ids[k]->str);
    r->last_resolved = *a;
    r->have_last = TRUE;
    return TRUE;
}

static gboolean
read_assignment(PullReader *r)
{
    const char *const *keys = rotap_roster_assignment_keys;
    gboolean locked = FALSE;
    guint seen = 0;
    RotaAssignment a;

    if (!rotap_json_pull_open(r->pull, '{'))
        return FALSE;
    for (guint i = 0; rotap_json_pull_next(r->pull, '}', i); i++) {
        int index = next_key(r->pull, keys, &seen);
        gboolean ok = index == N_IDS
                          ? rotap_json_pull_bool(r->pull, &locked)
                          : index >= 0 && rotap_json_pull_string(r->pull, r->ids[index]);

        if (!ok)
            return FALSE;
    }
    if ((seen & ((1u << N_IDS) - 1)) != (1u << N_IDS) - 1 || !resolve(r, &a))
        return FALSE;
    a.locked = locked;
    return rota_roster_add(r->roster, &a, NULL);
}

static gboolean
read_assignments(PullReader *r)
{
    if (!rotap_json_pull_open(r->pull, '['))
        return FALSE;
    for (guint i = 0; rotap_json_pull_next(r->pull, ']', i); i++) {
        if (!read_assignment(r))
            return FALSE;
    }
    return TRUE;
}

/* One member of the document; index is its key's in rotap_roster_top_keys. */
static gboolean
read_member(PullReader *r, int index, GString *scratch)
{
    const char *key = rotap_roster_top_keys[index];
    guint64 number = 0;

    if (strcmp(key, "format") == 0)
        return rotap_json_pull_string(r->pull, scratch) &&
               strcmp(scratch->str, "rota-roster") == 0;
    if (strcmp(key, "version") == 0)
        return rotap_json_pull_uint(r->pull, 1, &number) && number == 1;
    if (strcmp(key, "model") == 0)
        return rotap_json_pull_string(r->pull, scratch);
    if (strcmp(key, "model_sha256") == 0) {
        if (!rotap_json_pull_string(r->pull, scratch))
            return FALSE;
        g_free(r->roster->model_sha256);
        r->roster->model_sha256 = g_strdup(scratch->str);
        return TRUE;
    }
    if (strcmp(key, "seed") == 0)
        return rotap_json_pull_uint(r->pull, G_MAXINT64, &r->roster->seed);
    if (strcmp(key, "solver") == 0)
        return read_solver(r);
    if (strcmp(key, "score") == 0)
        return rotap_json_pull_skip(r->pull, '{');
    if (strcmp(key, "violations") == 0)
        return rotap_json_pull_skip(r->pull, '[');
    if (strcmp(key, "assignments") == 0)
        return read_assignments(r);
    return FALSE;
}

static gboolean
read_document(PullReader *r)
{
    g_autoptr(GString) scratch = g_string_new(NULL);
    guint required = key_bit(rotap_roster_top_keys, "format") |
                     key_bit(rotap_roster_top_keys, "version") |
                     key_bit(rotap_roster_top_keys, "assignments");
    guint seen = 0;

    if (!rotap_json_pull_open(r->pull, '{'))
        return FALSE;
    for (guint i = 0; rotap_json_pull_next(r->pull, '}', i); i++) {
        int index = next_key(r->pull, rotap_roster_top_keys, &seen);

        if (index < 0 || !read_member(r, index, scratch))
            return FALSE;
    }
    return (seen & required) == required && rotap_json_pull_done(r->pull);
}

RotaRoster *
rotap_roster_json_pull(RotaModel *model, const char *text, gsize length)
{
    PullReader r = {0};
    gboolean ok;

    /* what rotap_json_check() refuses before any syntax: a size json-c
     * cannot take, invalid UTF-8, NUL bytes */
    if (length >= (gsize)G_MAXINT || !g_utf8_validate_len(text, length, NULL))
        return NULL;
    r.roster = rota_roster_new(model);
    r.pull = rotap_json_pull_new(text, length);
    for (int k = 0; k < N_IDS; k++) {
        r.ids[k] = g_string_new(NULL);
        r.last[k] = g_string_new(NULL);
    }
    ok = read_document(&r);
    for (int k = 0; k < N_IDS; k++) {
        g_string_free(r.ids[k], TRUE);
        g_string_free(r.last[k], TRUE);
    }
    rotap_json_pull_free(r.pull);
    if (!ok) {
        rota_roster_free(r.roster);
        return NULL;
    }
    return r.roster;
}
