/* SPDX-License-Identifier: MIT */
/* roster-diff-json.c: the roster diff as a stable JSON document (format "rota-diff",
 * version 1). */
#include "config.h"

#include <string.h>

#include "json-private.h"
#include "roster-diff-private.h"

static const char *const kind_names[] = {"added", "removed", "moved"};

static void
append_member(GString *out, const char *key, const char *value)
{
    g_string_append_printf(out, ", \"%s\": ", key);
    if (value != NULL)
        rotap_json_append_string(out, value);
    else
        g_string_append(out, "null");
}

/* "shift" and "segment" of one side, with their names when a model knows
 * them (a diff made from rosters of another model may hold unknown ids). */
static void
append_place(GString *out, const RotaModel *model, const char *shift, const char *segment)
{
    int i, s;

    g_string_append(out, "\"shift\": ");
    rotap_json_append_string(out, shift);
    g_string_append(out, ", \"segment\": ");
    rotap_json_append_string(out, segment);
    if (model == NULL)
        return;
    i = rota_model_find_shift(model, shift);
    s = rota_model_find_segment(model, segment);
    if (i != ROTA_NOT_FOUND)
        append_member(out, "shift_name", rota_model_get_shift_name(model, i));
    if (s != ROTA_NOT_FOUND)
        append_member(out, "segment_name", rota_model_get_segment_name(model, s));
}

static void
append_change(GString *out, const RotaModel *model, const RotaChange *c)
{
    g_string_append_printf(
        out, "        { \"change\": \"%s\", \"date\": ", kind_names[c->kind]);
    rotap_json_append_string(out, c->date);
    g_string_append(out, ", \"duty\": ");
    rotap_json_append_string(out, c->duty);
    g_string_append(out, ", ");
    if (c->kind == ROTA_CHANGE_MOVED) {
        g_string_append(out, "\"from\": { ");
        append_place(out, model, c->old_shift, c->old_segment);
        g_string_append(out, " }, \"to\": { ");
        append_place(out, model, c->new_shift, c->new_segment);
        g_string_append(out, " }");
    } else if (c->kind == ROTA_CHANGE_ADDED) {
        append_place(out, model, c->new_shift, c->new_segment);
    } else {
        append_place(out, model, c->old_shift, c->old_segment);
    }
    g_string_append(out, " }");
}

/* The person line: id, and with a model the name and unit (when known). */
static void
append_person(GString *out, const RotaModel *model, const char *id)
{
    int p = model != NULL ? rota_model_find_person(model, id) : ROTA_NOT_FOUND;

    g_string_append(out, "    {\n      \"person\": ");
    rotap_json_append_string(out, id);
    if (p != ROTA_NOT_FOUND) {
        int unit = rota_model_get_person_unit(model, p);

        append_member(out, "name", rota_model_get_person_name(model, p));
        if (unit >= 0) {
            append_member(out, "unit", rota_model_get_unit_id(model, unit));
            append_member(out, "unit_name", rota_model_get_unit_name(model, unit));
        }
    }
    g_string_append(out, ",\n      \"changes\": [\n");
}

static void
append_people(GString *out, const RotaRosterDiff *diff)
{
    GArray *changes = diff->changes;

    if (changes->len == 0) {
        g_string_append(out, "  \"people\": []\n");
        return;
    }
    g_string_append(out, "  \"people\": [\n");
    for (guint i = 0; i < changes->len; i++) {
        const RotaChange *c = &g_array_index(changes, RotaChange, i);
        gboolean first =
            i == 0 ||
            strcmp(g_array_index(changes, RotaChange, i - 1).person, c->person) != 0;
        gboolean last =
            i + 1 == changes->len ||
            strcmp(g_array_index(changes, RotaChange, i + 1).person, c->person) != 0;

        if (first)
            append_person(out, diff->model, c->person);
        append_change(out, diff->model, c);
        g_string_append(out, last ? "\n      ]\n    }" : ",\n");
        if (last)
            g_string_append(out, i + 1 < changes->len ? ",\n" : "\n");
    }
    g_string_append(out, "  ]\n");
}

/**
 * rota_roster_diff_to_json:
 * @diff: a roster diff
 *
 * Writes @diff as a JSON document of format "rota-diff", version 1:
 * "old_model_sha256" and "new_model_sha256" (strings or null), the counts
 * "people_affected", "added", "removed" and "moved", and "people": one object per
 * affected person in id order with "person" (and, when the diff has a
 * model, "name", "unit" and "unit_name") and "changes" in the order of
 * rota_roster_diff_get_change().  A change has "change" ("added",
 * "removed" or "moved"), "date", "duty", and either "shift" and "segment"
 * or, when moved, "from" and "to" objects holding them; with a model,
 * "shift_name" and "segment_name" follow each pair.  The layout is fixed
 * (one change per line), so equal diffs give equal bytes.
 *
 * Returns: (transfer full): the NUL-terminated text, ending in a newline;
 * free it with g_free().
 * Since: 0.1
 */
char *
rota_roster_diff_to_json(const RotaRosterDiff *diff)
{
    GString *out;

    g_return_val_if_fail(diff != NULL, NULL);

    out = g_string_sized_new(256 + 160 * (gsize)diff->changes->len);
    g_string_append(out, "{\n  \"format\": \"rota-diff\",\n  \"version\": 1,\n");
    g_string_append(out, "  \"old_model_sha256\": ");
    if (diff->old_sha256 != NULL)
        rotap_json_append_string(out, diff->old_sha256);
    else
        g_string_append(out, "null");
    g_string_append(out, ",\n  \"new_model_sha256\": ");
    if (diff->new_sha256 != NULL)
        rotap_json_append_string(out, diff->new_sha256);
    else
        g_string_append(out, "null");
    g_string_append_printf(out,
                           ",\n  \"people_affected\": %d,\n  \"added\": %d,\n"
                           "  \"removed\": %d,\n  \"moved\": %d,\n",
                           diff->n_people, diff->n_added, diff->n_removed, diff->n_moved);
    append_people(out, diff);
    g_string_append(out, "}\n");
    return g_string_free(out, FALSE);
}
