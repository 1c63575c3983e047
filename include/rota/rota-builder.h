/* SPDX-License-Identifier: MIT */
/* rota-builder.h: construct a RotaModel in code, without a JSON file. */
/*
 * Ownership and threads: A builder has one owner (rota_builder_free()) and is used by
 * one thread at a time; rota_builder_steal_model() returns a model the
 * caller owns (one reference), and the model it returns may then be shared
 * between threads.  Strings passed in are copied.  As a boxed GType
 * (ROTA_TYPE_BUILDER) a copy is another reference to the same builder.
 */
#ifndef ROTA_BUILDER_H
#define ROTA_BUILDER_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-model.h>

G_BEGIN_DECLS

/**
 * RotaBuilder:
 *
 * Builds a #RotaModel in code, for programs that hold their people and
 * sites in a database rather than in a model.json file.  A builder
 * records a model exactly as a model.json file would state it: ids,
 * dates ("YYYY-MM-DD") and times ("HH:MM") are strings, and nothing is
 * checked until rota_builder_steal_model(), which validates the whole
 * model with the same rules and messages as the JSON loader (messages
 * carry the JSON path of the offending value, e.g. "people[3].unit").
 * Each setter names the model.json key it stands for; docs/model-json.md
 * describes them all.
 *
 * The add functions return the 0-based index of the new element, to be
 * passed to the setters of that element; elements refer to each other by
 * id (a person's unit, a unit's head), which need not have been added
 * yet.  Strings are copied.  A setter given an index that no add function
 * returned (or a #RotaLimit or #RotaWeight out of range) changes nothing
 * and makes rota_builder_steal_model() fail with %ROTA_ERROR_INVALID
 * naming the call.  A builder has one owner (rota_builder_free()) and is
 * used by one thread at a time; examples/build-model.c builds a model.
 *
 * Since: 0.1
 */
typedef struct _RotaBuilder RotaBuilder;

#define ROTA_TYPE_BUILDER (rota_builder_get_type())
GType rota_builder_get_type(void) G_GNUC_CONST;

/**
 * RotaDays:
 * @ROTA_DAYS_ALL: every day of the horizon ("all", the default)
 * @ROTA_DAYS_WORKDAYS: the workdays: Monday to Friday unless the calendar
 *   lists them as holidays, and the make-up working days the calendar
 *   lists ("workdays"; rota_model_is_workday())
 * @ROTA_DAYS_RESTDAYS: the days that are not workdays, holidays included
 *   ("restdays")
 * @ROTA_DAYS_WEEKENDS: every Saturday and Sunday, whatever the calendar
 *   says ("weekends")
 * @ROTA_DAYS_DATES: the dates listed one by one: for a duty those of
 *   rota_builder_add_duty_date(), for the on-site hour those of
 *   rota_builder_add_onsite_date() (a list of dates in model.json)
 *
 * On which days of the horizon a duty runs (rota_builder_set_duty_days())
 * or the on-site hour is held (rota_builder_set_onsite()): the "days" key
 * of a duty and of "rules.onsite" in model.json.
 *
 * Since: 0.1
 */
typedef enum {
    ROTA_DAYS_ALL,
    ROTA_DAYS_WORKDAYS,
    ROTA_DAYS_RESTDAYS,
    ROTA_DAYS_WEEKENDS,
    ROTA_DAYS_DATES
} RotaDays;

/**
 * RotaLimit:
 * @ROTA_LIMIT_MIN_MINUTES: at least this many duty minutes over the
 *   horizon ("min_minutes")
 * @ROTA_LIMIT_MAX_MINUTES: at most this many duty minutes over the
 *   horizon ("max_minutes")
 * @ROTA_LIMIT_MAX_SHIFTS_WEEK: at most this many duties per ISO week,
 *   Monday to Sunday ("max_shifts_week")
 * @ROTA_LIMIT_MAX_MINUTES_WEEK: at most this many duty minutes per ISO
 *   week ("max_minutes_week")
 * @ROTA_LIMIT_MIN_CONSECUTIVE: every run of consecutive working days is at
 *   least this many days long, except runs touching the first or last day
 *   of the horizon ("min_consecutive")
 * @ROTA_LIMIT_MAX_CONSECUTIVE: no run of consecutive working days is
 *   longer than this many days ("max_consecutive")
 * @ROTA_LIMIT_MIN_DAYS_OFF: every run of consecutive days off is at least
 *   this many days long, except runs touching the first or last day of the
 *   horizon ("min_days_off")
 * @ROTA_LIMIT_MAX_WEEKENDS: at most this many weekends with a duty on the
 *   Saturday or the Sunday ("max_weekends")
 * @ROTA_LIMIT_MIN_REST_MINUTES: at least this many minutes between the end
 *   of one duty and the start of the next, on-site hours included
 *   ("min_rest_minutes"; its violation is named "min_rest")
 *
 * A per-person limit, set for everyone with rota_builder_set_default_limit()
 * ("rules.limits") and overridden for one person with
 * rota_builder_set_person_limit() (the person's "limits").  Every limit is
 * a hard rule whose violation carries the key's name; a limit set nowhere
 * does not apply.  Except for the rest, on-site hours do not count.  The
 * per-shift counts ("max_shifts") have their own setters,
 * rota_builder_set_default_max_shifts() and
 * rota_builder_set_person_max_shifts().
 *
 * Since: 0.1
 */
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

/**
 * RotaWeight:
 * @ROTA_WEIGHT_UNCOVERED: each empty place of a duty cell, unless the duty
 *   sets its own (rota_builder_set_duty_under()); default 1000
 * @ROTA_WEIGHT_OVER: each person above a duty cell's min, unless the duty
 *   sets its own (rota_builder_set_duty_over()); default 0
 * @ROTA_WEIGHT_QUOTA: each tagged person missing from a cell's quota
 *   (rota_builder_add_duty_quota()); default 500
 * @ROTA_WEIGHT_DEPUTY_ONSITE: each on-site hour done by a deputy while
 *   the head was available; default 50
 * @ROTA_WEIGHT_REQUEST: each unmet request that gives no weight of its
 *   own (a model.json request without "weight";
 *   rota_builder_add_person_request() always gives one); default 1
 * @ROTA_WEIGHT_FAIRNESS: the spread of duty minutes among the members of
 *   each unit (docs/concepts.md, "Fairness"); default 5
 * @ROTA_WEIGHT_CHANGE: each (person, date) whose duties differ from the
 *   previous roster in a re-solve (rota_solver_set_previous()); default 20
 *
 * The weights of the soft penalties, set with rota_builder_set_weight()
 * ("rules.weights" in model.json).  The soft violations carry the key's
 * name ("uncovered", "over", ...) and their penalties add up to the
 * roster's soft score.  A weight of 0 switches the penalty off.
 *
 * Since: 0.1
 */
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
