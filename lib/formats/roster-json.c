/* SPDX-License-Identifier: MIT */
/* roster-json.c: reading and writing roster.json (format "rota-roster", version 1). */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "roster-json-private.h"
#include "roster-private.h"
#include "score-private.h"
#include "util-private.h"

const char *const rotap_roster_top_keys[] = {
    "format", "version", "model",       "model_sha256", "seed",
    "solver", "score",   "assignments", "violations",   NULL};
const char *const rotap_roster_solver_keys[] = {"threads", "moves", "bound", NULL};
const char *const rotap_roster_assignment_keys[] = {"date", "shift",  "segment", "person",
                                                    "duty", "locked", NULL};

/* The JSON path of member key of the value at path ("" is the root). */
static char *
member_path(const char *path, const char *key)
{
    if (path[0] == '\0')
        return g_strdup(key);
    return g_strconcat(path, ".", key, NULL);
}

RotapUint64Status
rotap_roster_json_read_uint64(struct json_object *obj, const char *key,
                              struct json_object **value, guint64 *out)
{
    *value = NULL;
    if (!json_object_object_get_ex(obj, key, value))
        return ROTAP_UINT64_ABSENT;
    if (json_object_is_type(*value, json_type_double))
        return ROTAP_UINT64_FRACTION;
    if (!json_object_is_type(*value, json_type_int))
        return ROTAP_UINT64_NOT_INTEGER;
    if (json_object_get_int64(*value) < 0)
        return ROTAP_UINT64_NEGATIVE;
    *out = json_object_get_uint64(*value);
    return ROTAP_UINT64_OK;
}

/* Member key as a 64-bit unsigned integer; the messages follow those of
 * the int getters of json-private.h. */
static gboolean
get_uint64(const RotapJsonReader *reader, struct json_object *obj, const char *path,
           const char *key, gboolean required, gboolean *present, guint64 *out,
           GError **error)
{
    g_autofree char *at = member_path(path, key);
    struct json_object *value;
    RotapUint64Status status = rotap_roster_json_read_uint64(obj, key, &value, out);

    *present = status != ROTAP_UINT64_ABSENT;
    switch (status) {
    case ROTAP_UINT64_OK:
        return TRUE;
    case ROTAP_UINT64_ABSENT:
        if (required)
            rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, path,
                                 _("missing required key \"%s\""), key);
        return !required;
    case ROTAP_UINT64_FRACTION:
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                             _("expected an integer, found %s"),
                             json_object_to_json_string(value));
        return FALSE;
    case ROTAP_UINT64_NOT_INTEGER:
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                             _("expected an integer, found %s"),
                             rotap_json_type_name(value));
        return FALSE;
    case ROTAP_UINT64_NEGATIVE:
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                             "%" G_GINT64_FORMAT " is out of range (expected 0 or more)",
                             (gint64)json_object_get_int64(value));
        return FALSE;
    }
    g_return_val_if_reached(FALSE);
}

static gboolean
read_solver(const RotapJsonReader *reader, struct json_object *root, RotaRoster *roster,
            GError **error)
{
    struct json_object *solver = NULL;
    gboolean present;
    int threads = 0;
    guint64 moves = 0, bound = 0;
    gboolean has_bound = FALSE;

    if (!rotap_json_get_object(reader, root, "", "solver", FALSE, &solver, error))
        return FALSE;
    if (solver == NULL)
        return TRUE;
    if (!rotap_json_check_keys(reader, solver, "solver", rotap_roster_solver_keys, error) ||
        !rotap_json_get_int(reader, solver, "solver", "threads", TRUE, &present, &threads,
                            error) ||
        !get_uint64(reader, solver, "solver", "moves", TRUE, &present, &moves, error) ||
        !get_uint64(reader, solver, "solver", "bound", FALSE, &has_bound, &bound, error))
        return FALSE;
    if (threads < 0) {
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, "solver.threads",
                             _("%d is out of range (expected 0 or more)"), threads);
        return FALSE;
    }
    rota_roster_set_solver_info(roster, threads, moves);
    roster->has_bound = has_bound;
    roster->bound = (gint64)MIN(bound, (guint64)G_MAXINT64);
    return TRUE;
}

/*
 * The header members other than the assignments (check_format also
 * rejects a document that is not an object).  "model", "score" and
 * "violations" are type-checked only: the model is given by the caller,
 * and the score is derived (the evaluator recomputes it), so any keys are
 * accepted inside the last two.
 */
static gboolean
read_header(const RotapJsonReader *reader, struct json_object *root, RotaRoster *roster,
            GError **error)
{
    const char *name = NULL, *sha256 = NULL;
    struct json_object *ignored = NULL;
    gboolean present;

    if (!rotap_json_check_format(reader, root, "rota-roster", error) ||
        !rotap_json_check_keys(reader, root, "", rotap_roster_top_keys, error) ||
        !rotap_json_get_string(reader, root, "", "model", FALSE, &name, error) ||
        !rotap_json_get_string(reader, root, "", "model_sha256", FALSE, &sha256, error) ||
        !get_uint64(reader, root, "", "seed", FALSE, &present, &roster->seed, error) ||
        !read_solver(reader, root, roster, error) ||
        !rotap_json_get_object(reader, root, "", "score", FALSE, &ignored, error) ||
        !rotap_json_get_array(reader, root, "", "violations", FALSE, &ignored, error))
        return FALSE;
    roster->model_sha256 = g_strdup(sha256);
    return TRUE;
}

/* Take an error of rota_roster_add or rotap_roster_resolve ("message") and
 * report it as "SOURCE:LINE:COL: path: message". */
static void
position_error(const RotapJsonReader *reader, GError *local, const char *path,
               GError **error)
{
    rotap_json_set_error(reader, error, local->code, path, "%s", local->message);
    g_error_free(local);
}

gboolean
rotap_roster_json_read_ids(const RotapJsonReader *reader, struct json_object *item,
                           const char *path, RotapAssignmentIds *out, GError **error)
{
    gboolean present;

    *out = (RotapAssignmentIds){0};
    if (!json_object_is_type(item, json_type_object)) {
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, path,
                             _("expected an object, found %s"),
                             rotap_json_type_name(item));
        return FALSE;
    }
    return rotap_json_check_keys(reader, item, path, rotap_roster_assignment_keys, error) &&
           rotap_json_get_string(reader, item, path, "date", TRUE, &out->date, error) &&
           rotap_json_get_string(reader, item, path, "shift", TRUE, &out->shift, error) &&
           rotap_json_get_string(reader, item, path, "segment", TRUE, &out->segment,
                                 error) &&
           rotap_json_get_string(reader, item, path, "person", TRUE, &out->person,
                                 error) &&
           rotap_json_get_string(reader, item, path, "duty", TRUE, &out->duty, error) &&
           rotap_json_get_bool(reader, item, path, "locked", FALSE, &present,
                               &out->locked, error);
}

static gboolean
read_assignment(const RotapJsonReader *reader, struct json_object *item, const char *path,
                RotaRoster *roster, GError **error)
{
    const char *field = NULL;
    RotapAssignmentIds ids;
    GError *local = NULL;
    RotaAssignment a;

    if (!rotap_roster_json_read_ids(reader, item, path, &ids, error))
        return FALSE;
    if (!rotap_roster_resolve(roster->model, ids.date, ids.shift, ids.segment, ids.person,
                              ids.duty, &a, &field, &local)) {
        g_autofree char *at = member_path(path, field);

        position_error(reader, local, at, error);
        return FALSE;
    }
    a.locked = ids.locked;
    if (!rota_roster_add(roster, &a, &local)) {
        position_error(reader, local, path, error);
        return FALSE;
    }
    return TRUE;
}

static gboolean
read_roster(const RotapJsonReader *reader, struct json_object *root, RotaRoster *roster,
            GError **error)
{
    struct json_object *assignments = NULL;
    size_t n;

    if (!read_header(reader, root, roster, error) ||
        !rotap_json_get_array(reader, root, "", "assignments", TRUE, &assignments, error))
        return FALSE;
    n = json_object_array_length(assignments);
    for (size_t i = 0; i < n; i++) {
        char path[48];

        g_snprintf(path, sizeof path, "assignments[%zu]", i);
        if (!read_assignment(reader, json_object_array_get_idx(assignments, i), path,
                             roster, error))
            return FALSE;
    }
    return TRUE;
}

/**
 * rota_roster_new_from_data:
 * @model: the model the roster was made for
 * @data: the text of a roster.json file (need not be NUL-terminated)
 * @length: the length of @data in bytes
 * @source: the name used in messages, such as the file name
 * @error: return location for a #GError, or NULL
 *
 * Reads a roster in the rota-roster version 1 format (docs/roster-json.md),
 * strictly: unknown keys, wrong types and assignments that name unknown
 * ids or no duty cell of @model are errors, reported as
 * "SOURCE:LINE:COL: json.path: message".  "score" and "violations" are
 * accepted but not read: they are derived from the roster and the model.
 *
 * Returns: (transfer full) (nullable): the roster, holding a reference to
 * @model, or NULL with ROTA_ERROR_SYNTAX, ROTA_ERROR_FORMAT or
 * ROTA_ERROR_INVALID.
 * Since: 0.1
 */
RotaRoster *
rota_roster_new_from_data(RotaModel *model, const char *data, gsize length,
                          const char *source, GError **error)
{
    RotaRoster *roster;

    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(data != NULL || length == 0, NULL);
    g_return_val_if_fail(source != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);

    if (data == NULL)
        data = "";
    roster = rotap_roster_json_pull(model, data, length);
    if (roster != NULL)
        return roster;
    return rotap_roster_json_read_tree(model, data, length, source, error);
}

RotaRoster *
rotap_roster_json_read_tree(RotaModel *model, const char *text, gsize length,
                            const char *source, GError **error)
{
    RotapJsonReader reader = {source, text, length};
    struct json_object *root;
    RotaRoster *roster;
    gboolean ok;

    root = rotap_json_parse(&reader, error);
    if (root == NULL)
        return NULL;
    roster = rota_roster_new(model);
    ok = read_roster(&reader, root, roster, error);
    json_object_put(root);
    if (!ok) {
        rota_roster_free(roster);
        return NULL;
    }
    return roster;
}

/**
 * rota_roster_new_from_file:
 * @model: the model the roster was made for
 * @path: a roster.json file
 * @error: return location for a #GError, or NULL
 *
 * Reads @path as rota_roster_new_from_data() does, naming @path in
 * messages.
 *
 * Returns: (transfer full) (nullable): the roster, or NULL with
 * ROTA_ERROR_IO when the file cannot be read or an error of
 * rota_roster_new_from_data().
 * Since: 0.1
 */
RotaRoster *
rota_roster_new_from_file(RotaModel *model, const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;

    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(path != NULL, NULL);

    if (!rotap_read_file(path, &data, &length, error))
        return NULL;
    return rota_roster_new_from_data(model, data, length, path, error);
}

/* One assignment line, without indentation or separator.  dates[] holds
 * the model's days as text, made once per file rather than per line. */
static void
append_assignment(GString *out, const RotaModel *model, char **dates,
                  const RotaAssignment *a)
{
    g_string_append(out, "{ \"date\": ");
    rotap_json_append_string(out, dates[a->day]);
    g_string_append(out, ", \"shift\": ");
    rotap_json_append_string(out, model->shifts[a->shift].id);
    g_string_append(out, ", \"segment\": ");
    rotap_json_append_string(out, model->segments[a->segment].id);
    g_string_append(out, ", \"person\": ");
    rotap_json_append_string(out, model->people[a->person].id);
    g_string_append(out, ", \"duty\": ");
    rotap_json_append_string(
        out, a->duty == ROTA_DUTY_ONSITE ? "onsite" : model->duties[a->duty].id);
    if (a->locked)
        g_string_append(out, ", \"locked\": true");
    g_string_append(out, " }");
}

/* The "assignments" array, sorted on a copy: writing never reorders the
 * caller's roster. */
static void
append_assignments(GString *out, const RotaRoster *roster)
{
    g_autoptr(RotaRoster) sorted = rota_roster_copy(roster);
    const RotaModel *model = roster->model;
    GArray *list = sorted->assignments;
    char **dates;

    if (list->len == 0) {
        g_string_append(out, "  \"assignments\": []");
        return;
    }
    rota_roster_sort(sorted);
    dates = g_new0(char *, model->n_days + 1);
    for (int d = 0; d < model->n_days; d++)
        dates[d] = rota_model_dup_date(model, d);
    g_string_append(out, "  \"assignments\": [\n");
    for (guint i = 0; i < list->len; i++) {
        g_string_append(out, "    ");
        append_assignment(out, model, dates, &g_array_index(list, RotaAssignment, i));
        g_string_append(out, i + 1 < list->len ? ",\n" : "\n");
    }
    g_string_append(out, "  ]");
    g_strfreev(dates);
}

static void
append_header(GString *out, const RotaRoster *roster, const RotaScore *score)
{
    const RotaModel *model = roster->model;

    g_string_append(out, "{\n  \"format\": \"rota-roster\",\n  \"version\": 1,\n");
    g_string_append(out, "  \"model\": ");
    rotap_json_append_string(out, model->name != NULL ? model->name : "");
    g_string_append(out, ",\n");
    if (model->sha256 != NULL) {
        g_string_append(out, "  \"model_sha256\": ");
        rotap_json_append_string(out, model->sha256);
        g_string_append(out, ",\n");
    }
    g_string_append_printf(out, "  \"seed\": %" G_GUINT64_FORMAT ",\n", roster->seed);
    if (roster->has_solver_info) {
        g_string_append_printf(
            out, "  \"solver\": { \"threads\": %d, \"moves\": %" G_GUINT64_FORMAT,
            roster->threads, roster->moves);
        /* only a time-limited run has one: --moves files stay as they were */
        if (roster->has_bound)
            g_string_append_printf(out, ", \"bound\": %" G_GINT64_FORMAT, roster->bound);
        g_string_append(out, " },\n");
    }
    if (score != NULL) {
        g_string_append(out, "  \"score\": ");
        rotap_score_append_json(out, score, 4);
        g_string_append(out, ",\n");
    }
}

/**
 * rota_roster_to_data:
 * @roster: a roster
 * @score: (nullable): the roster's score, written with its violations
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes @roster as a rota-roster version 1 document (docs/roster-json.md): one
 * member per line with 2-space indentation, one assignment per line in the
 * order of rota_roster_sort() (@roster itself is not reordered), and a
 * final newline.  The same roster always gives the same bytes.
 *
 * Returns: (transfer full): the NUL-terminated text; free it with g_free().
 * Since: 0.1
 */
char *
rota_roster_to_data(const RotaRoster *roster, const RotaScore *score, gsize *length)
{
    GString *out;

    g_return_val_if_fail(roster != NULL, NULL);

    out = g_string_sized_new(256 + 112 * (gsize)roster->assignments->len);
    append_header(out, roster, score);
    append_assignments(out, roster);
    if (score != NULL) {
        g_string_append(out, ",\n  \"violations\": ");
        rotap_violations_append_json(out, score, 4);
    }
    g_string_append(out, "\n}\n");
    if (length != NULL)
        *length = out->len;
    return g_string_free(out, FALSE);
}

/**
 * rota_roster_save:
 * @roster: a roster
 * @score: (nullable): the roster's score, written with its violations
 * @path: the file to write
 * @error: return location for a #GError, or NULL
 *
 * Writes rota_roster_to_data() to @path atomically: on failure @path is
 * left as it was and no temporary file remains.
 *
 * Returns: TRUE on success, or FALSE with ROTA_ERROR_IO.
 * Since: 0.1
 */
gboolean
rota_roster_save(const RotaRoster *roster, const RotaScore *score, const char *path,
                 GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;

    g_return_val_if_fail(roster != NULL, FALSE);
    g_return_val_if_fail(path != NULL, FALSE);

    data = rota_roster_to_data(roster, score, &length);
    return rotap_write_file_atomic(path, data, length, error);
}
