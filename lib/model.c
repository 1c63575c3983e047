/* SPDX-License-Identifier: MIT */
/* model.c: the compiled model's lifetime, public getters and index lookups. */
#include "config.h"

#include "compile-private.h"
#include "util-private.h"

/* Duties share due and window arrays (compile-duties.c): free each once. */
static void
free_duties(RotaModel *model)
{
    g_autoptr(GHashTable) shared = NULL;

    if (model->duties == NULL)
        return;
    shared = g_hash_table_new(NULL, NULL);
    for (int d = 0; d < model->n_duties; d++) {
        RotapDuty *duty = &model->duties[d];

        g_free(duty->quotas);
        g_free(duty->segments);
        if (duty->due != NULL && g_hash_table_add(shared, duty->due))
            g_free(duty->due);
        if (duty->window_first_day != NULL &&
            g_hash_table_add(shared, duty->window_first_day))
            g_free(duty->window_first_day);
    }
}

void
rotap_model_free(RotaModel *model)
{
    if (model == NULL)
        return;
    for (int u = 0; model->units != NULL && u < model->n_units; u++) {
        g_free(model->units[u].deputies);
        g_free(model->units[u].segments);
        g_free(model->units[u].members);
        g_free(model->units[u].fair_members);
    }
    g_free(model->person_tags);
    free_duties(model);
    for (int e = 0; model->eligible != NULL && e < model->n_eligible; e++)
        if (!model->eligible[e].shared)
            g_free(model->eligible[e].people);
    g_free(model->workday);
    g_free(model->weekday);
    g_free(model->week);
    g_free(model->weekend);
    g_free(model->shifts);
    g_free(model->forbid);
    g_free(model->segments);
    g_free(model->units);
    g_free(model->people);
    g_free(model->max_shifts);
    g_free(model->off);
    g_free(model->tags);
    g_free(model->requests);
    g_free(model->person_requests);
    g_free(model->duties);
    g_free(model->eligible);
    g_free(model->cells);
    g_free(model->cell_days);
    g_free(model->onsite_day);
    g_clear_pointer(&model->index, g_hash_table_unref);
    g_free(model->sha256);
    rotap_spec_free(model->spec);
    g_free(model);
}

/**
 * rota_model_ref:
 * @model: a model
 *
 * Takes a reference: a model is immutable and may be shared freely, for
 * instance by a roster and by the code that loaded it.
 *
 * Returns: (transfer full): @model, to be released with rota_model_unref().
 * Since: 0.1
 */
RotaModel *
rota_model_ref(RotaModel *model)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_atomic_int_inc(&model->ref_count);
    return model;
}

/**
 * rota_model_unref:
 * @model: (nullable): a model
 *
 * Releases a reference; the last one frees the model and everything
 * borrowed from it (ids, names, tables).  Accepts NULL.
 *
 * Since: 0.1
 */
void
rota_model_unref(RotaModel *model)
{
    if (model == NULL)
        return;
    if (g_atomic_int_dec_and_test(&model->ref_count))
        rotap_model_free(model);
}

/**
 * rota_model_get_name:
 * @model: a model
 *
 * Gives the model's name as its author wrote it ("name" in model.json, or
 * the name given to rota_builder_new()); rosters, feeds and reports show
 * it, and roster.json records it as "model".
 *
 * Returns: (transfer none): the model's name ("name" in model.json),
 *   valid as long as @model.
 * Since: 0.1
 */
const char *
rota_model_get_name(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, NULL);
    return model->name;
}

/**
 * rota_model_get_timezone:
 * @model: a model
 *
 * Gives the time zone in which all of the model's dates and times are
 * local: shift times, day boundaries, and the times of the events in the
 * published feeds.
 *
 * Returns: (transfer none): the IANA time zone of the horizon's local
 *   times, "Asia/Shanghai" unless the model names another.
 * Since: 0.1
 */
const char *
rota_model_get_timezone(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, NULL);
    return model->timezone;
}

/**
 * rota_model_get_sha256:
 * @model: a model
 *
 * Gives the checksum of the model file, which rota_roster_save() writes
 * into roster.json as "model_sha256"; comparing it with
 * rota_roster_get_model_sha256() tells whether a roster was made for the
 * same bytes.
 *
 * Returns: (transfer none) (nullable): the SHA-256 (lowercase hex) of the
 *   bytes the model.json was loaded from, or NULL for a model built in
 *   code or read from a Curtois file.
 * Since: 0.1
 */
const char *
rota_model_get_sha256(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, NULL);
    return model->sha256;
}

/**
 * rota_model_get_n_days:
 * @model: a model
 *
 * Counts the days of the horizon ("days" in model.json, 1 to 3660).  Day 0
 * is the start date, and every day in the API is an index into the horizon.
 *
 * Returns: the number of days of the horizon; days are indexed 0..n-1
 *   from the start date.
 * Since: 0.1
 */
int
rota_model_get_n_days(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, 0);
    return model->n_days;
}

/**
 * rota_model_dup_date:
 * @model: a model
 * @day: a day index, 0 to rota_model_get_n_days() - 1
 *
 * Gives the calendar date of a day of the horizon (day 0 is the model's
 * start date), as model.json and roster.json write dates.
 *
 * Returns: (transfer full): the day's date as "YYYY-MM-DD"; free with
 *   g_free().
 * Since: 0.1
 */
char *
rota_model_dup_date(const RotaModel *model, int day)
{
    GDate date;

    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(day >= 0 && day < model->n_days, NULL);
    date = model->start;
    g_date_add_days(&date, (guint)day);
    return rotap_format_date(&date);
}

/**
 * rota_model_find_day:
 * @model: a model
 * @date: a date, "YYYY-MM-DD"
 *
 * Turns a date into a day index, the reverse of rota_model_dup_date().
 *
 * Returns: the index of @date in the horizon, or %ROTA_NOT_FOUND when it
 *   lies outside or is not a valid date.
 * Since: 0.1
 */
int
rota_model_find_day(const RotaModel *model, const char *date)
{
    GDate parsed;
    gint64 offset;

    g_return_val_if_fail(model != NULL, ROTA_NOT_FOUND);
    g_return_val_if_fail(date != NULL, ROTA_NOT_FOUND);
    if (!rotap_parse_date(date, &parsed))
        return ROTA_NOT_FOUND;
    offset =
        (gint64)g_date_get_julian(&parsed) - (gint64)g_date_get_julian(&model->start);
    return offset >= 0 && offset < model->n_days ? (int)offset : ROTA_NOT_FOUND;
}

/**
 * rota_model_is_workday:
 * @model: a model
 * @day: a day index, 0 .. rota_model_get_n_days() - 1
 *
 * A workday is Monday to Friday unless the calendar lists it as a holiday,
 * or any day the calendar lists as a make-up working day.
 *
 * Returns: TRUE if @day is a workday, FALSE if it is a rest day.
 * Since: 0.1
 */
gboolean
rota_model_is_workday(const RotaModel *model, int day)
{
    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(day >= 0 && day < model->n_days, FALSE);
    return model->workday[day];
}

/* ------------------------------------------------------------------ shifts */

/**
 * rota_model_get_n_shifts:
 * @model: a model
 *
 * Counts the shifts of the model (at most 64), in the order of "shifts" in
 * model.json.
 *
 * Returns: the number of shifts, indexed 0..n-1 in the model's order.
 * Since: 0.1
 */
int
rota_model_get_n_shifts(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, 0);
    return model->n_shifts;
}

/**
 * rota_model_get_shift_id:
 * @model: a model
 * @shift: a shift index, 0 .. rota_model_get_n_shifts() - 1
 *
 * Gives the id of a shift, as model.json and roster.json name it; ids are
 * unique among shifts.
 *
 * Returns: (transfer none): the shift's id, valid as long as @model.
 * Since: 0.1
 */
const char *
rota_model_get_shift_id(const RotaModel *model, int shift)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(shift >= 0 && shift < model->n_shifts, NULL);
    return model->shifts[shift].id;
}

/**
 * rota_model_get_shift_name:
 * @model: a model
 * @shift: a shift index, 0 .. rota_model_get_n_shifts() - 1
 *
 * Gives the name of a shift that people read in rosters and feeds
 * ("早高峰疏导").
 *
 * Returns: (transfer none): the shift's name, or its id when it has none.
 * Since: 0.1
 */
const char *
rota_model_get_shift_name(const RotaModel *model, int shift)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(shift >= 0 && shift < model->n_shifts, NULL);
    return model->shifts[shift].name;
}

/**
 * rota_model_get_shift_start:
 * @model: a model
 * @shift: a shift index, 0 .. rota_model_get_n_shifts() - 1
 *
 * Gives when a shift starts, as a local time in the model's time zone
 * (rota_model_get_timezone()).
 *
 * Returns: the local start time in minutes after midnight, 0 to 1439.
 * Since: 0.1
 */
int
rota_model_get_shift_start(const RotaModel *model, int shift)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(shift >= 0 && shift < model->n_shifts, -1);
    return model->shifts[shift].start;
}

/**
 * rota_model_get_shift_minutes:
 * @model: a model
 * @shift: a shift index, 0 .. rota_model_get_n_shifts() - 1
 *
 * Gives how long a shift lasts, from its start to its end, in minutes;
 * duty-minute limits and fairness count these minutes.
 *
 * Returns: the shift's length in minutes, 1 to 1440; a shift whose end is
 *   not after its start runs past midnight.
 * Since: 0.1
 */
int
rota_model_get_shift_minutes(const RotaModel *model, int shift)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(shift >= 0 && shift < model->n_shifts, -1);
    return model->shifts[shift].minutes;
}

static int
find_kind(const RotaModel *model, RotapKind kind, const char *id)
{
    int index = rotap_compile_lookup(model, kind, id);

    return index >= 0 ? index : ROTA_NOT_FOUND;
}

/**
 * rota_model_find_shift:
 * @model: a model
 * @id: a shift id
 *
 * Looks up a shift by its id, compared byte for byte (case matters).
 *
 * Returns: the index of the shift with @id, or %ROTA_NOT_FOUND.
 * Since: 0.1
 */
int
rota_model_find_shift(const RotaModel *model, const char *id)
{
    g_return_val_if_fail(model != NULL, ROTA_NOT_FOUND);
    g_return_val_if_fail(id != NULL, ROTA_NOT_FOUND);
    return find_kind(model, ROTAP_KIND_SHIFT, id);
}

/* ------------------------------------------------------------------ segments */

/**
 * rota_model_get_n_segments:
 * @model: a model
 *
 * Counts the segments: the responsibility sites (road sections and
 * residential compounds) where duties are done, in the order of "segments"
 * in model.json.
 *
 * Returns: the number of segments (sites), indexed 0..n-1.
 * Since: 0.1
 */
int
rota_model_get_n_segments(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, 0);
    return model->n_segments;
}

/**
 * rota_model_get_segment_id:
 * @model: a model
 * @segment: a segment index, 0 .. rota_model_get_n_segments() - 1
 *
 * Gives the id of a segment, as model.json and roster.json name it; ids are
 * unique among segments.
 *
 * Returns: (transfer none): the segment's id, valid as long as @model.
 * Since: 0.1
 */
const char *
rota_model_get_segment_id(const RotaModel *model, int segment)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(segment >= 0 && segment < model->n_segments, NULL);
    return model->segments[segment].id;
}

/**
 * rota_model_get_segment_name:
 * @model: a model
 * @segment: a segment index, 0 .. rota_model_get_n_segments() - 1
 *
 * Gives the name of a segment that people read ("人民路(东风街—解放街)").
 *
 * Returns: (transfer none): the segment's name, or its id when it has none.
 * Since: 0.1
 */
const char *
rota_model_get_segment_name(const RotaModel *model, int segment)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(segment >= 0 && segment < model->n_segments, NULL);
    return model->segments[segment].name;
}

/**
 * rota_model_get_segment_unit:
 * @model: a model
 * @segment: a segment index, 0 .. rota_model_get_n_segments() - 1
 *
 * Tells which unit adopted a segment (listed it in its "segments"): its
 * members serve the segment's duties by default, and its head or a deputy
 * does the segment's on-site hour.  A segment is adopted by at most one
 * unit.
 *
 * Returns: the index of the unit that adopted the segment, or -1.
 * Since: 0.1
 */
int
rota_model_get_segment_unit(const RotaModel *model, int segment)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(segment >= 0 && segment < model->n_segments, -1);
    return model->segments[segment].unit;
}

/**
 * rota_model_get_segment_chief:
 * @model: a model
 * @segment: a segment index, 0 .. rota_model_get_n_segments() - 1
 *
 * Tells who is the segment's road chief (路长, "chief" in model.json), the
 * person named on the segment's public sign.
 *
 * Returns: the person index of the segment's road chief, or -1.
 * Since: 0.1
 */
int
rota_model_get_segment_chief(const RotaModel *model, int segment)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(segment >= 0 && segment < model->n_segments, -1);
    return model->segments[segment].chief;
}

/**
 * rota_model_find_segment:
 * @model: a model
 * @id: a segment id
 *
 * Looks up a segment by its id, compared byte for byte (case matters).
 *
 * Returns: the index of the segment with @id, or %ROTA_NOT_FOUND.
 * Since: 0.1
 */
int
rota_model_find_segment(const RotaModel *model, const char *id)
{
    g_return_val_if_fail(model != NULL, ROTA_NOT_FOUND);
    g_return_val_if_fail(id != NULL, ROTA_NOT_FOUND);
    return find_kind(model, ROTAP_KIND_SEGMENT, id);
}
