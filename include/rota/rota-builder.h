/* SPDX-License-Identifier: MIT */
/* rota-builder.h: construct a RotaModel in code, without a JSON file. */
#ifndef ROTA_BUILDER_H
#define ROTA_BUILDER_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-model.h>

G_BEGIN_DECLS

/*
 * RotaBuilder records a model exactly as a model.json file would state it:
 * ids, dates ("YYYY-MM-DD") and times ("HH:MM") are strings, and nothing is
 * checked until rota_builder_steal_model(), which validates the whole model
 * with the same rules and messages as the JSON loader (messages carry the
 * JSON path of the offending value, e.g. "people[3].unit").  The add
 * functions return the index of the new element, to be passed to the
 * setters of that element.  Strings are copied.  A setter given an index
 * that no add function returned (or a RotaLimit/RotaWeight out of range)
 * changes nothing and makes rota_builder_steal_model() fail with
 * ROTA_ERROR_INVALID naming the call.  A builder is used by one thread at
 * a time.  The model format is described in docs/model-json.md.
 */
typedef struct _RotaBuilder RotaBuilder;

#define ROTA_TYPE_BUILDER (rota_builder_get_type())
GType rota_builder_get_type(void) G_GNUC_CONST;

/* Day selectors of duties and of the on-site rule. */
typedef enum {
    ROTA_DAYS_ALL,
    ROTA_DAYS_WORKDAYS,
    ROTA_DAYS_RESTDAYS,
    ROTA_DAYS_WEEKENDS,
    ROTA_DAYS_DATES /* the dates given with rota_builder_add_duty_date() */
} RotaDays;

/* Per-person limits (model.json "limits" keys other than "max_shifts"). */
typedef enum {
    ROTA_LIMIT_MIN_MINUTES,
    ROTA_LIMIT_MAX_MINUTES,
    ROTA_LIMIT_MAX_SHIFTS_WEEK,
    ROTA_LIMIT_MAX_MINUTES_WEEK,
    ROTA_LIMIT_MIN_CONSECUTIVE,
    ROTA_LIMIT_MAX_CONSECUTIVE,
    ROTA_LIMIT_MIN_DAYS_OFF,
    ROTA_LIMIT_MAX_WEEKENDS,
    ROTA_LIMIT_MIN_REST_MINUTES,
    ROTA_N_LIMITS /*< skip >*/ /* the number of values, not a value */
} RotaLimit;

/* Weights of the soft penalties (model.json "rules.weights" keys). */
typedef enum {
    ROTA_WEIGHT_UNCOVERED,
    ROTA_WEIGHT_OVER,
    ROTA_WEIGHT_QUOTA,
    ROTA_WEIGHT_DEPUTY_ONSITE,
    ROTA_WEIGHT_REQUEST,
    ROTA_WEIGHT_FAIRNESS,
    ROTA_WEIGHT_CHANGE,
    ROTA_N_WEIGHTS /*< skip >*/ /* the number of values, not a value */
} RotaWeight;

RotaBuilder *rota_builder_new(const char *name, const char *start_date, int n_days);
void rota_builder_free(RotaBuilder *builder);
RotaModel *rota_builder_steal_model(RotaBuilder *builder, GError **error);

void rota_builder_set_timezone(RotaBuilder *builder, const char *timezone);
void rota_builder_set_contact(RotaBuilder *builder, const char *hotline,
                              const char *office);
void rota_builder_add_holiday(RotaBuilder *builder, const char *date);
void rota_builder_add_workday(RotaBuilder *builder, const char *date);

int rota_builder_add_shift(RotaBuilder *builder, const char *id, const char *name,
                           const char *start, const char *end);
void rota_builder_forbid_succession(RotaBuilder *builder, const char *after,
                                    const char *next_day);

int rota_builder_add_segment(RotaBuilder *builder, const char *id, const char *name);
void rota_builder_set_segment_kind(RotaBuilder *builder, int segment, const char *kind);
void rota_builder_set_segment_grid(RotaBuilder *builder, int segment, const char *grid);
void rota_builder_set_segment_chief(RotaBuilder *builder, int segment, const char *person);
void rota_builder_set_segment_location(RotaBuilder *builder, int segment,
                                       const char *location);
void rota_builder_set_segment_geo(RotaBuilder *builder, int segment, double lat,
                                  double lon);

int rota_builder_add_unit(RotaBuilder *builder, const char *id, const char *name,
                          const char *head);
void rota_builder_add_unit_deputy(RotaBuilder *builder, int unit, const char *person);
void rota_builder_add_unit_segment(RotaBuilder *builder, int unit, const char *segment);

int rota_builder_add_person(RotaBuilder *builder, const char *id, const char *name,
                            const char *unit);
void rota_builder_add_person_tag(RotaBuilder *builder, int person, const char *tag);
void rota_builder_set_person_community(RotaBuilder *builder, int person,
                                       const char *segment);
void rota_builder_set_person_phone(RotaBuilder *builder, int person, const char *phone,
                                   gboolean phone_public);
void rota_builder_set_person_limit(RotaBuilder *builder, int person, RotaLimit limit,
                                   int value);
void rota_builder_set_person_max_shifts(RotaBuilder *builder, int person,
                                        const char *shift, int count);
void rota_builder_add_person_off(RotaBuilder *builder, int person, const char *from,
                                 const char *to, const char *shift);
void rota_builder_add_person_request(RotaBuilder *builder, int person, const char *date,
                                     const char *shift, gboolean on, int weight);

int rota_builder_add_duty(RotaBuilder *builder, const char *id, const char *shift);
void rota_builder_set_duty_name(RotaBuilder *builder, int duty, const char *name);
void rota_builder_set_duty_days(RotaBuilder *builder, int duty, RotaDays days);
void rota_builder_add_duty_date(RotaBuilder *builder, int duty, const char *date);
void rota_builder_add_duty_segment(RotaBuilder *builder, int duty, const char *segment);
void rota_builder_set_duty_min(RotaBuilder *builder, int duty, int min);
void rota_builder_set_duty_max(RotaBuilder *builder, int duty, int max);
void rota_builder_set_duty_under(RotaBuilder *builder, int duty, int weight);
void rota_builder_set_duty_over(RotaBuilder *builder, int duty, int weight);
void rota_builder_add_duty_quota(RotaBuilder *builder, int duty, const char *tag,
                                 int count);
void rota_builder_add_duty_who_tag(RotaBuilder *builder, int duty, const char *tag);
void rota_builder_add_duty_who_unit(RotaBuilder *builder, int duty, const char *unit);
void rota_builder_set_duty_not_owner(RotaBuilder *builder, int duty, gboolean not_owner);
void rota_builder_set_duty_per_week(RotaBuilder *builder, int duty, gboolean per_week);

void rota_builder_set_onsite(RotaBuilder *builder, const char *shift, RotaDays days);
void rota_builder_add_onsite_date(RotaBuilder *builder, const char *date);
void rota_builder_set_default_limit(RotaBuilder *builder, RotaLimit limit, int value);
void rota_builder_set_default_max_shifts(RotaBuilder *builder, const char *shift,
                                         int count);
void rota_builder_set_weight(RotaBuilder *builder, RotaWeight weight, int value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaBuilder, rota_builder_free)

G_END_DECLS

#endif
