/* SPDX-License-Identifier: MIT */
/* rota-model.h: the rostering problem, loaded from a file or built in code. */
/*
 * Ownership and threads: A model is immutable and reference-counted: it may be shared
 * and read from any number of threads at once; the caller of a _new*
 * function owns one reference (rota_model_unref()).  Strings from _get_*
 * are borrowed from the model; _dup_* and _to_data results are the
 * caller's (g_free()).  RotaCellInfo is a value filled in caller memory.
 * As a boxed GType (ROTA_TYPE_MODEL), a copy is a reference.
 */
#ifndef ROTA_MODEL_H
#define ROTA_MODEL_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RotaModel:
 *
 * One immutable, reference-counted problem.  Every input format
 * compiles into it; every id is resolved to a dense index at load time, so
 * that days, shifts, segments, units, people and duties are addressed by
 * index 0..n-1 everywhere else in the API.
 *
 * Ownership: _new* functions return a model with one reference (release
 * with rota_model_unref()); strings returned by _get_* are borrowed and
 * live as long as the model; _dup_* and _to_data results are the caller's
 * (g_free()).  Threads: a model never changes once built, so it may be
 * read from any number of threads at once; ref and unref are atomic.
 * Formats: docs/model-json.md and docs/curtois.md.
 *
 * Loading a model and reading it back:
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(RotaModel) model = rota_model_new_from_file("county.json", &error);
 *
 * if (model == NULL)
 *     g_printerr("%s\n", error->message);   // error->code is a RotaError
 * else
 *     for (int p = 0; p < rota_model_get_n_people(model); p++)
 *         g_print("%s %s\n", rota_model_get_person_id(model, p),
 *                 rota_model_get_person_name(model, p));
 * ```
 */
typedef struct _RotaModel RotaModel;

#define ROTA_TYPE_MODEL (rota_model_get_type())
GType rota_model_get_type(void) G_GNUC_CONST;

/**
 * ROTA_NOT_FOUND:
 *
 * The index (-1) that the lookups return when there is nothing to find:
 * rota_model_find_day() for a date outside the horizon, the other
 * rota_model_find_*() functions for an unknown id,
 * rota_roster_find_assignment() for an assignment the roster does not
 * hold and rota_records_find_finding() for an unknown finding id.  Valid
 * indices start at 0, so a result can also be tested with `< 0`.
 *
 * Since: 0.1
 */
#define ROTA_NOT_FOUND (-1)

RotaModel *rota_model_new_from_file(const char *path, GError **error);
RotaModel *rota_model_new_from_data(const char *data, gsize length, const char *source,
                                    GError **error);
RotaModel *rota_model_new_from_curtois_file(const char *path, GError **error);
RotaModel *rota_model_new_from_curtois_data(const char *data, gsize length,
                                            const char *source, GError **error);
RotaModel *rota_model_ref(RotaModel *model);
void rota_model_unref(RotaModel *model);

char *rota_model_to_data(const RotaModel *model, gsize *length);
gboolean rota_model_save(const RotaModel *model, const char *path, GError **error);

const char *rota_model_get_name(const RotaModel *model);
const char *rota_model_get_timezone(const RotaModel *model);
const char *rota_model_get_contact_hotline(const RotaModel *model);
const char *rota_model_get_contact_office(const RotaModel *model);
const char *rota_model_get_sha256(const RotaModel *model);

int rota_model_get_n_days(const RotaModel *model);
char *rota_model_dup_date(const RotaModel *model, int day);
int rota_model_find_day(const RotaModel *model, const char *date);
gboolean rota_model_is_workday(const RotaModel *model, int day);

int rota_model_get_n_shifts(const RotaModel *model);
const char *rota_model_get_shift_id(const RotaModel *model, int shift);
const char *rota_model_get_shift_name(const RotaModel *model, int shift);
int rota_model_get_shift_start(const RotaModel *model, int shift);
int rota_model_get_shift_minutes(const RotaModel *model, int shift);
int rota_model_find_shift(const RotaModel *model, const char *id);

int rota_model_get_n_segments(const RotaModel *model);
const char *rota_model_get_segment_id(const RotaModel *model, int segment);
const char *rota_model_get_segment_name(const RotaModel *model, int segment);
int rota_model_get_segment_unit(const RotaModel *model, int segment);
int rota_model_get_segment_chief(const RotaModel *model, int segment);
int rota_model_find_segment(const RotaModel *model, const char *id);

int rota_model_get_n_units(const RotaModel *model);
const char *rota_model_get_unit_id(const RotaModel *model, int unit);
const char *rota_model_get_unit_name(const RotaModel *model, int unit);
int rota_model_get_unit_head(const RotaModel *model, int unit);
int rota_model_find_unit(const RotaModel *model, const char *id);

int rota_model_get_n_people(const RotaModel *model);
const char *rota_model_get_person_id(const RotaModel *model, int person);
const char *rota_model_get_person_name(const RotaModel *model, int person);
int rota_model_get_person_unit(const RotaModel *model, int person);
const char *rota_model_get_person_phone(const RotaModel *model, int person);
gboolean rota_model_is_person_phone_public(const RotaModel *model, int person);
gboolean rota_model_person_has_tag(const RotaModel *model, int person, const char *tag);
int rota_model_find_person(const RotaModel *model, const char *id);

int rota_model_get_n_duties(const RotaModel *model);
const char *rota_model_get_duty_id(const RotaModel *model, int duty);
int rota_model_get_duty_shift(const RotaModel *model, int duty);
int rota_model_find_duty(const RotaModel *model, const char *id);

/* Duty cells: one (duty, segment, day) or, for "per": "week", one
 * (duty, segment, ISO week) whose places may be filled on any due day. */
int rota_model_get_n_cells(const RotaModel *model);
int rota_model_get_n_places(const RotaModel *model);
int rota_model_get_onsite_shift(const RotaModel *model);
int rota_model_get_n_onsite_cells(const RotaModel *model);

/*
 * Queries for applications that fill rosters themselves (added for
 * examples/draft-roster.c): the on-site days, availability, the units'
 * deputies and segments, and the duty cells with their eligible people.
 */
gboolean rota_model_is_onsite_day(const RotaModel *model, int day);
gboolean rota_model_is_available(const RotaModel *model, int person, int day, int shift);

int rota_model_get_n_unit_deputies(const RotaModel *model, int unit);
int rota_model_get_unit_deputy(const RotaModel *model, int unit, int k);
int rota_model_get_n_unit_segments(const RotaModel *model, int unit);
int rota_model_get_unit_segment(const RotaModel *model, int unit, int k);

int rota_model_get_n_duty_quotas(const RotaModel *model, int duty);
const char *rota_model_get_duty_quota_tag(const RotaModel *model, int duty, int k);
int rota_model_get_duty_quota_count(const RotaModel *model, int duty, int k);

/**
 * RotaCellInfo:
 * @duty: the duty the cell belongs to, 0-based index of the model's duties
 * @segment: the segment, 0-based index of the model's segments
 * @shift: the duty's shift, 0-based index of the model's shifts
 * @first_day: the first due day of the window, 0-based index of the
 *   model's days
 * @n_days: due days in the window: 1 unless the duty is per week, then the
 *   due days of its ISO week inside the horizon
 *   (rota_model_get_cell_day() lists them)
 * @min: the places the cell wants, people over the whole window; each
 *   empty place costs the duty's under weight
 * @max: the most people the cell allows (a hard cap), %G_MAXINT when the
 *   duty has no cap
 *
 * One duty cell, a value type filled by rota_model_get_cell(): a duty's
 * demand at one segment in one window (a due day, or an ISO week for a
 * per-week duty; docs/concepts.md, "Duties, cells and places").
 */
typedef struct {
    int duty;
    int segment;
    int shift;
    int first_day; /* the first due day of the window */
    int n_days;    /* due days in the window: 1 unless the duty is per week */
    int min;
    int max;       /* G_MAXINT when the duty has no cap */
} RotaCellInfo;

#define ROTA_TYPE_CELL_INFO (rota_cell_info_get_type())
GType rota_cell_info_get_type(void) G_GNUC_CONST;

gboolean rota_model_get_cell(const RotaModel *model, int cell, RotaCellInfo *out);
int rota_model_get_cell_day(const RotaModel *model, int cell, int k);
int rota_model_get_n_cell_candidates(const RotaModel *model, int cell);
int rota_model_get_cell_candidate(const RotaModel *model, int cell, int k);

/* Read-back of the model file's details (since 0.2); strings are borrowed
 * from the model. */
const char *rota_model_get_duty_name(const RotaModel *model, int duty);
const char *rota_model_get_segment_kind(const RotaModel *model, int segment);
const char *rota_model_get_segment_grid(const RotaModel *model, int segment);
const char *rota_model_get_segment_location(const RotaModel *model, int segment);
gboolean rota_model_get_segment_geo(const RotaModel *model, int segment, double *lat,
                                    double *lon);
int rota_model_get_n_person_tags(const RotaModel *model, int person);
const char *rota_model_get_person_tag(const RotaModel *model, int person, int k);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaModel, rota_model_unref)

G_END_DECLS

#endif
