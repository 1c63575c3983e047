/* SPDX-License-Identifier: MIT */
/* roster-diff-read.c: a roster's assignments as id tuples, read from roster.json or a
 * roster. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "roster-diff-private.h"
#include "roster-json-private.h"
#include "util-private.h"

/* "seed", if present, is an integer of 0 or more (rotap_roster_json_read_uint64);
 * its value is not needed. */
static gboolean
check_seed(const RotapJsonReader *reader, struct json_object *root, GError **error)
{
    struct json_object *seed;
    guint64 ignored;
    const char *found;

    switch (rotap_roster_json_read_uint64(root, "seed", &seed, &ignored)) {
    case ROTAP_UINT64_OK:
    case ROTAP_UINT64_ABSENT:
        return TRUE;
    case ROTAP_UINT64_NEGATIVE:
        found = "a negative number";
        break;
    case ROTAP_UINT64_FRACTION:
    case ROTAP_UINT64_NOT_INTEGER:
    default:
        found = rotap_json_type_name(seed);
        break;
    }
    rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, "seed",
                         _("expected an integer of 0 or more, found %s"), found);
    return FALSE;
}

/* The header is checked for shape only: a diff needs just the checksum. */
static gboolean
read_header(const RotapJsonReader *reader, struct json_object *root, RotapDiffSide *side,
            GError **error)
{
    const char *name = NULL, *sha256 = NULL;
    struct json_object *ignored = NULL;

    if (!rotap_json_check_format(reader, root, "rota-roster", error) ||
        !rotap_json_check_keys(reader, root, "", rotap_roster_top_keys, error) ||
        !rotap_json_get_string(reader, root, "", "model", FALSE, &name, error) ||
        !rotap_json_get_string(reader, root, "", "model_sha256", FALSE, &sha256, error) ||
        !check_seed(reader, root, error) ||
        !rotap_json_get_object(reader, root, "", "solver", FALSE, &ignored, error) ||
        !rotap_json_get_object(reader, root, "", "score", FALSE, &ignored, error) ||
        !rotap_json_get_array(reader, root, "", "violations", FALSE, &ignored, error))
        return FALSE;
    side->sha256 = g_strdup(sha256);
    return TRUE;
}

static gboolean
read_tuple(const RotapJsonReader *reader, struct json_object *item, const char *path,
           GStringChunk *strings, RotapDiffTuple *out, GError **error)
{
    RotapAssignmentIds ids;
    GDate parsed;

    if (!rotap_roster_json_read_ids(reader, item, path, &ids, error))
        return FALSE;
    if (!rotap_parse_date(ids.date, &parsed)) {
        g_autofree char *at = g_strconcat(path, ".date", NULL);

        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, at,
                             _("bad date \"%s\" (expected YYYY-MM-DD)"), ids.date);
        return FALSE;
    }
    out->date = g_string_chunk_insert_const(strings, ids.date);
    out->shift = g_string_chunk_insert_const(strings, ids.shift);
    out->segment = g_string_chunk_insert_const(strings, ids.segment);
    out->person = g_string_chunk_insert_const(strings, ids.person);
    out->duty = g_string_chunk_insert_const(strings, ids.duty);
    return TRUE;
}

static gboolean
read_document(const RotapJsonReader *reader, struct json_object *root,
              GStringChunk *strings, RotapDiffSide *side, GError **error)
{
    struct json_object *assignments = NULL;
    size_t n;

    if (!read_header(reader, root, side, error) ||
        !rotap_json_get_array(reader, root, "", "assignments", TRUE, &assignments, error))
        return FALSE;
    n = json_object_array_length(assignments);
    side->tuples = g_array_sized_new(FALSE, FALSE, sizeof(RotapDiffTuple), (guint)n);
    for (size_t i = 0; i < n; i++) {
        RotapDiffTuple tuple;
        char path[48];

        g_snprintf(path, sizeof path, "assignments[%zu]", i);
        if (!read_tuple(reader, json_object_array_get_idx(assignments, i), path, strings,
                        &tuple, error))
            return FALSE;
        g_array_append_val(side->tuples, tuple);
    }
    return TRUE;
}

gboolean
rotap_diff_read_side(GStringChunk *strings, const char *data, gsize length,
                     const char *source, RotapDiffSide *side, GError **error)
{
    RotapJsonReader reader = {source, data != NULL ? data : "", length};
    struct json_object *root;
    gboolean ok;

    root = rotap_json_parse(&reader, error);
    if (root == NULL)
        return FALSE;
    ok = read_document(&reader, root, strings, side, error);
    json_object_put(root);
    return ok;
}

void
rotap_diff_side_from_roster(GStringChunk *strings, const RotaRoster *roster,
                            RotapDiffSide *side)
{
    RotaModel *model = rota_roster_get_model(roster);
    int n = rota_roster_get_n_assignments(roster);
    g_autofree char **dates = g_new0(char *, rota_model_get_n_days(model));

    side->tuples = g_array_sized_new(FALSE, FALSE, sizeof(RotapDiffTuple), (guint)n);
    side->sha256 = g_strdup(rota_roster_get_model_sha256(roster));
    for (int i = 0; i < n; i++) {
        const RotaAssignment *a = rota_roster_get_assignment(roster, i);
        RotapDiffTuple tuple;

        if (dates[a->day] == NULL) {
            g_autofree char *date = rota_model_dup_date(model, a->day);

            dates[a->day] = g_string_chunk_insert_const(strings, date);
        }
        tuple.date = dates[a->day];
        tuple.shift = g_string_chunk_insert_const(
            strings, rota_model_get_shift_id(model, a->shift));
        tuple.segment = g_string_chunk_insert_const(
            strings, rota_model_get_segment_id(model, a->segment));
        tuple.person = g_string_chunk_insert_const(
            strings, rota_model_get_person_id(model, a->person));
        tuple.duty = g_string_chunk_insert_const(
            strings, a->duty == ROTA_DUTY_ONSITE
                         ? "onsite"
                         : rota_model_get_duty_id(model, a->duty));
        g_array_append_val(side->tuples, tuple);
    }
}

void
rotap_diff_side_clear(RotapDiffSide *side)
{
    if (side->tuples != NULL)
        g_array_unref(side->tuples);
    g_free(side->sha256);
    side->tuples = NULL;
    side->sha256 = NULL;
}
