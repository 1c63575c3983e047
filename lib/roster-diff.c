/* SPDX-License-Identifier: MIT */
/* roster-diff.c: the roster diff: pairing two rosters' assignments into added, removed,
 * moved. */
#include "config.h"

#include <string.h>

#include "roster-diff-private.h"
#include "util-private.h"

/* Tuples sort by the group key (person, date, duty), then (shift, segment),
 * so that one merge pass sees each group of both sides together. */
static int
compare_group(const RotapDiffTuple *a, const RotapDiffTuple *b)
{
    int c = strcmp(a->person, b->person);

    if (c == 0)
        c = strcmp(a->date, b->date);
    if (c == 0)
        c = strcmp(a->duty, b->duty);
    return c;
}

static int
compare_place(const RotapDiffTuple *a, const RotapDiffTuple *b)
{
    int c = strcmp(a->shift, b->shift);

    return c != 0 ? c : strcmp(a->segment, b->segment);
}

static gint
compare_tuples(gconstpointer pa, gconstpointer pb)
{
    int c = compare_group(pa, pb);

    return c != 0 ? c : compare_place(pa, pb);
}

static void
add_change(RotaRosterDiff *diff, RotaChangeKind kind, const RotapDiffTuple *old_tuple,
           const RotapDiffTuple *new_tuple)
{
    const RotapDiffTuple *any = old_tuple != NULL ? old_tuple : new_tuple;
    RotaChange change = {kind, any->person, any->date, any->duty, NULL, NULL, NULL, NULL};

    if (old_tuple != NULL) {
        change.old_shift = old_tuple->shift;
        change.old_segment = old_tuple->segment;
    }
    if (new_tuple != NULL) {
        change.new_shift = new_tuple->shift;
        change.new_segment = new_tuple->segment;
    }
    g_array_append_val(diff->changes, change);
}

/*
 * One group (person, date, duty): old[0..n_old) and new[0..n_new), each
 * sorted by place.  Equal places cancel one for one (a multiset
 * difference); the leftovers pair up in order as moves, and the rest are
 * removed or added.
 */
static void
diff_group(RotaRosterDiff *diff, const RotapDiffTuple *old, guint n_old,
           const RotapDiffTuple *new, guint n_new)
{
    g_autofree const RotapDiffTuple **gone = g_new(const RotapDiffTuple *, n_old + 1);
    g_autofree const RotapDiffTuple **came = g_new(const RotapDiffTuple *, n_new + 1);
    guint i = 0, j = 0, n_gone = 0, n_came = 0, k;

    while (i < n_old || j < n_new) {
        int c = i == n_old ? 1 : j == n_new ? -1 : compare_place(&old[i], &new[j]);

        if (c == 0) {
            i++;
            j++;
        } else if (c < 0) {
            gone[n_gone++] = &old[i++];
        } else {
            came[n_came++] = &new[j++];
        }
    }
    for (k = 0; k < n_gone && k < n_came; k++)
        add_change(diff, ROTA_CHANGE_MOVED, gone[k], came[k]);
    for (; k < n_gone; k++)
        add_change(diff, ROTA_CHANGE_REMOVED, gone[k], NULL);
    for (k = n_gone < n_came ? n_gone : n_came; k < n_came; k++)
        add_change(diff, ROTA_CHANGE_ADDED, NULL, came[k]);
}

/* The shift and segment a change is listed under: the new ones, unless the
 * duty was removed. */
static const char *
listed_shift(const RotaChange *c)
{
    return c->new_shift != NULL ? c->new_shift : c->old_shift;
}

static const char *
listed_segment(const RotaChange *c)
{
    return c->new_segment != NULL ? c->new_segment : c->old_segment;
}

static gint
compare_changes(gconstpointer pa, gconstpointer pb)
{
    const RotaChange *a = pa, *b = pb;
    int c = strcmp(a->person, b->person);

    if (c == 0)
        c = strcmp(a->date, b->date);
    if (c == 0)
        c = strcmp(listed_shift(a), listed_shift(b));
    if (c == 0)
        c = strcmp(listed_segment(a), listed_segment(b));
    if (c == 0)
        c = strcmp(a->duty, b->duty);
    if (c == 0)
        c = (int)a->kind - (int)b->kind;
    if (c == 0 && a->old_shift != NULL && b->old_shift != NULL)
        c = strcmp(a->old_shift, b->old_shift);
    if (c == 0 && a->old_segment != NULL && b->old_segment != NULL)
        c = strcmp(a->old_segment, b->old_segment);
    return c;
}

static void
count_changes(RotaRosterDiff *diff)
{
    const char *person = NULL;

    for (guint i = 0; i < diff->changes->len; i++) {
        const RotaChange *c = &g_array_index(diff->changes, RotaChange, i);

        if (person == NULL || strcmp(person, c->person) != 0)
            diff->n_people++;
        person = c->person;
        if (c->kind == ROTA_CHANGE_ADDED)
            diff->n_added++;
        else if (c->kind == ROTA_CHANGE_REMOVED)
            diff->n_removed++;
        else
            diff->n_moved++;
    }
}

void
rotap_diff_compute(RotaRosterDiff *diff, RotapDiffSide *old_side, RotapDiffSide *new_side)
{
    GArray *old = old_side->tuples, *new = new_side->tuples;
    guint i = 0, j = 0;

    g_array_sort(old, compare_tuples);
    g_array_sort(new, compare_tuples);
    while (i < old->len || j < new->len) {
        const RotapDiffTuple *a = &g_array_index(old, RotapDiffTuple, i);
        const RotapDiffTuple *b = &g_array_index(new, RotapDiffTuple, j);
        int c = i == old->len ? 1 : j == new->len ? -1 : compare_group(a, b);
        guint i_end = i, j_end = j;

        /* The group is the smaller key; the other side may have none of it. */
        while (c <= 0 && i_end < old->len &&
               compare_group(&g_array_index(old, RotapDiffTuple, i_end), a) == 0)
            i_end++;
        while (c >= 0 && j_end < new->len &&
               compare_group(&g_array_index(new, RotapDiffTuple, j_end), b) == 0)
            j_end++;
        diff_group(diff, a, i_end - i, b, j_end - j);
        i = i_end;
        j = j_end;
    }
    g_array_sort(diff->changes, compare_changes);
    count_changes(diff);
    diff->old_sha256 = g_steal_pointer(&old_side->sha256);
    diff->new_sha256 = g_steal_pointer(&new_side->sha256);
}

static RotaRosterDiff *
diff_new(RotaModel *model)
{
    RotaRosterDiff *diff = g_new0(RotaRosterDiff, 1);

    diff->model = model != NULL ? rota_model_ref(model) : NULL;
    diff->strings = g_string_chunk_new(4096);
    diff->changes = g_array_new(FALSE, FALSE, sizeof(RotaChange));
    return diff;
}

/**
 * rota_roster_diff_new:
 * @old_roster: the roster as it was
 * @new_roster: the roster as it is now
 *
 * Compares two rosters by ids, as rota-diff.h describes.  The rosters may
 * refer to different models (such as two versions of one model file):
 * only their ids are compared.  The diff keeps a reference to the model
 * of @new_roster, for names.
 *
 * Returns: (transfer full): the diff; free it with rota_roster_diff_free().
 * Since: 0.1
 */
RotaRosterDiff *
rota_roster_diff_new(const RotaRoster *old_roster, const RotaRoster *new_roster)
{
    RotaRosterDiff *diff;
    RotapDiffSide old_side = {NULL, NULL}, new_side = {NULL, NULL};

    g_return_val_if_fail(old_roster != NULL, NULL);
    g_return_val_if_fail(new_roster != NULL, NULL);

    diff = diff_new(rota_roster_get_model(new_roster));
    rotap_diff_side_from_roster(diff->strings, old_roster, &old_side);
    rotap_diff_side_from_roster(diff->strings, new_roster, &new_side);
    rotap_diff_compute(diff, &old_side, &new_side);
    rotap_diff_side_clear(&old_side);
    rotap_diff_side_clear(&new_side);
    return diff;
}

/* One side from a file's text: checked against model when there is one
 * (every id known, every assignment a duty cell), else read as ids. */
static gboolean
read_side(RotaRosterDiff *diff, const char *data, gsize length, const char *source,
          RotapDiffSide *side, GError **error)
{
    g_autoptr(RotaRoster) roster = NULL;

    if (diff->model == NULL)
        return rotap_diff_read_side(diff->strings, data, length, source, side, error);
    roster = rota_roster_new_from_data(diff->model, data, length, source, error);
    if (roster == NULL)
        return FALSE;
    rotap_diff_side_from_roster(diff->strings, roster, side);
    return TRUE;
}

/**
 * rota_roster_diff_new_from_data:
 * @model: (nullable): the model both rosters were made for, or NULL
 * @old_data: the text of the old roster.json (need not be NUL-terminated)
 * @old_length: its length in bytes
 * @old_source: its name in messages, such as the file name
 * @new_data: the text of the new roster.json
 * @new_length: its length in bytes
 * @new_source: its name in messages
 * @error: return location for a #GError, or NULL
 *
 * Reads two rosters in the rota-roster version 1 format and compares
 * them as rota-diff.h describes.  Without @model only the files' shape
 * and dates are checked, and the ids are taken as they are; with @model
 * both rosters are read as rota_roster_new_from_data() reads them (every
 * id must be known), and the diff keeps a reference to @model for names.
 * Errors read "SOURCE:LINE:COL: json.path: message".
 *
 * Returns: (transfer full) (nullable): the diff, or NULL with
 * ROTA_ERROR_SYNTAX, ROTA_ERROR_FORMAT or ROTA_ERROR_INVALID.
 * Since: 0.1
 */
RotaRosterDiff *
rota_roster_diff_new_from_data(RotaModel *model, const char *old_data, gsize old_length,
                               const char *old_source, const char *new_data,
                               gsize new_length, const char *new_source, GError **error)
{
    RotaRosterDiff *diff;
    RotapDiffSide old_side = {NULL, NULL}, new_side = {NULL, NULL};
    gboolean ok;

    g_return_val_if_fail(old_data != NULL || old_length == 0, NULL);
    g_return_val_if_fail(new_data != NULL || new_length == 0, NULL);
    g_return_val_if_fail(old_source != NULL && new_source != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);

    diff = diff_new(model);
    ok = read_side(diff, old_data != NULL ? old_data : "", old_length, old_source,
                   &old_side, error) &&
         read_side(diff, new_data != NULL ? new_data : "", new_length, new_source,
                   &new_side, error);
    if (ok)
        rotap_diff_compute(diff, &old_side, &new_side);
    rotap_diff_side_clear(&old_side);
    rotap_diff_side_clear(&new_side);
    if (!ok) {
        rota_roster_diff_free(diff);
        return NULL;
    }
    return diff;
}

/**
 * rota_roster_diff_new_from_files:
 * @model: (nullable): the model both rosters were made for, or NULL
 * @old_path: the old roster.json
 * @new_path: the new roster.json
 * @error: return location for a #GError, or NULL
 *
 * Reads both files and compares them as rota_roster_diff_new_from_data()
 * does, naming the paths in messages.
 *
 * Returns: (transfer full) (nullable): the diff, or NULL with
 * ROTA_ERROR_IO when a file cannot be read or an error of
 * rota_roster_diff_new_from_data().
 * Since: 0.1
 */
RotaRosterDiff *
rota_roster_diff_new_from_files(RotaModel *model, const char *old_path,
                                const char *new_path, GError **error)
{
    g_autofree char *old_data = NULL, *new_data = NULL;
    gsize old_length = 0, new_length = 0;

    g_return_val_if_fail(old_path != NULL && new_path != NULL, NULL);

    if (!rotap_read_file(old_path, &old_data, &old_length, error) ||
        !rotap_read_file(new_path, &new_data, &new_length, error))
        return NULL;
    return rota_roster_diff_new_from_data(model, old_data, old_length, old_path, new_data,
                                          new_length, new_path, error);
}

/**
 * rota_roster_diff_free:
 * @diff: (nullable): a roster diff
 *
 * Frees @diff, its changes and their strings, and drops its model
 * reference.  NULL is ignored.
 *
 * Since: 0.1
 */
void
rota_roster_diff_free(RotaRosterDiff *diff)
{
    if (diff == NULL)
        return;
    if (!rotap_extra_unref(&diff->extra_refs))
        return;
    if (diff->model != NULL)
        rota_model_unref(diff->model);
    g_string_chunk_free(diff->strings);
    g_array_unref(diff->changes);
    g_free(diff->old_sha256);
    g_free(diff->new_sha256);
    g_free(diff);
}

/* The copy function of the boxed type: one more reference. */
static RotaRosterDiff *
box_roster_diff_ref(RotaRosterDiff *diff)
{
    rotap_extra_ref(&diff->extra_refs);
    return diff;
}

G_DEFINE_BOXED_TYPE(RotaRosterDiff, rota_roster_diff, box_roster_diff_ref, rota_roster_diff_free)

/**
 * rota_roster_diff_get_model:
 * @diff: a roster diff
 *
 * Gives the model used to name the ids of the changes, if any: the new
 * roster's for rota_roster_diff_new(), the one given to
 * rota_roster_diff_new_from_data() or rota_roster_diff_new_from_files().
 *
 * Returns: (transfer none) (nullable): the model that names the ids, or
 * NULL for a diff read without one.
 * Since: 0.1
 */
RotaModel *
rota_roster_diff_get_model(const RotaRosterDiff *diff)
{
    g_return_val_if_fail(diff != NULL, NULL);
    return diff->model;
}

/**
 * rota_roster_diff_get_old_sha256:
 * @diff: a roster diff
 *
 * Gives the "model_sha256" recorded in the old roster, to compare with
 * rota_roster_diff_get_new_sha256() and rota_model_get_sha256().
 *
 * Returns: (transfer none) (nullable): the model_sha256 that the old
 * roster names, or NULL when it names none.  Two different checksums mean
 * the rosters were made for different model files.
 * Since: 0.1
 */
const char *
rota_roster_diff_get_old_sha256(const RotaRosterDiff *diff)
{
    g_return_val_if_fail(diff != NULL, NULL);
    return diff->old_sha256;
}

/**
 * rota_roster_diff_get_new_sha256:
 * @diff: a roster diff
 *
 * Gives the "model_sha256" recorded in the new roster.
 *
 * Returns: (transfer none) (nullable): the model_sha256 that the new
 * roster names, or NULL when it names none.
 * Since: 0.1
 */
const char *
rota_roster_diff_get_new_sha256(const RotaRosterDiff *diff)
{
    g_return_val_if_fail(diff != NULL, NULL);
    return diff->new_sha256;
}

/**
 * rota_roster_diff_get_n_changes:
 * @diff: a roster diff
 *
 * Counts the changes; rota_roster_diff_get_change() lists them.
 *
 * Returns: the number of changes; 0 when the rosters hold the same duties.
 * Since: 0.1
 */
int
rota_roster_diff_get_n_changes(const RotaRosterDiff *diff)
{
    g_return_val_if_fail(diff != NULL, 0);
    return (int)diff->changes->len;
}

/**
 * rota_roster_diff_get_change:
 * @diff: a roster diff
 * @index: 0 to rota_roster_diff_get_n_changes() - 1
 *
 * Changes are sorted by person id, date, the shift and segment the duty
 * is now on (the old ones for a removed duty), duty id and kind (added,
 * removed, moved), all ids compared as byte strings; so one person's
 * changes are consecutive.
 *
 * Returns: (transfer none): the change, valid as long as @diff.
 * Since: 0.1
 */
const RotaChange *
rota_roster_diff_get_change(const RotaRosterDiff *diff, int index)
{
    g_return_val_if_fail(diff != NULL, NULL);
    g_return_val_if_fail(index >= 0 && (guint)index < diff->changes->len, NULL);
    return &g_array_index(diff->changes, RotaChange, index);
}

/**
 * rota_roster_diff_get_n_people:
 * @diff: a roster diff
 *
 * Counts the people to notify: those with at least one added, removed or
 * moved duty.
 *
 * Returns: the number of people with at least one change.
 * Since: 0.1
 */
int
rota_roster_diff_get_n_people(const RotaRosterDiff *diff)
{
    g_return_val_if_fail(diff != NULL, 0);
    return diff->n_people;
}

/**
 * rota_roster_diff_get_n_added:
 * @diff: a roster diff
 *
 * Counts the duties the new roster gives that the old one did not.
 *
 * Returns: the number of #ROTA_CHANGE_ADDED changes.
 * Since: 0.1
 */
int
rota_roster_diff_get_n_added(const RotaRosterDiff *diff)
{
    g_return_val_if_fail(diff != NULL, 0);
    return diff->n_added;
}

/**
 * rota_roster_diff_get_n_removed:
 * @diff: a roster diff
 *
 * Counts the duties of the old roster that the new one no longer gives.
 *
 * Returns: the number of #ROTA_CHANGE_REMOVED changes.
 * Since: 0.1
 */
int
rota_roster_diff_get_n_removed(const RotaRosterDiff *diff)
{
    g_return_val_if_fail(diff != NULL, 0);
    return diff->n_removed;
}

/**
 * rota_roster_diff_get_n_moved:
 * @diff: a roster diff
 *
 * Counts the duties kept on the same date but moved to another shift or
 * segment.
 *
 * Returns: the number of #ROTA_CHANGE_MOVED changes.
 * Since: 0.1
 */
int
rota_roster_diff_get_n_moved(const RotaRosterDiff *diff)
{
    g_return_val_if_fail(diff != NULL, 0);
    return diff->n_moved;
}
