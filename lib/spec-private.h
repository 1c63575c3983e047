/* SPDX-License-Identifier: MIT */
/* spec-private.h: a model exactly as its author wrote it, before validation. */
#ifndef ROTA_SPEC_PRIVATE_H
#define ROTA_SPEC_PRIVATE_H

#include <rota/rota.h>

/*
 * RotapSpec is filled by the JSON reader (model-json-read.c) or by the
 * builder (builder.c), validated and compiled by compile.c, and written back
 * by model-json-write.c.  Everything is kept as written: ids, dates and
 * times stay strings, and each optional field remembers whether it was
 * given, so that writing a spec and reading it back gives the same spec.
 * All strings and arrays are owned by the spec; NULL means "not given".
 * Positions in the arrays are the positions in the file, which compile.c
 * uses to name offending values by JSON path ("people[3].off[1]").
 */

typedef struct {
    RotaDays kind;
    GPtrArray *dates; /* char *, used when kind == ROTA_DAYS_DATES */
} RotapDaysSpec;

typedef struct {
    char *id;
    char *name;
    char *start; /* "HH:MM" */
    char *end;   /* "HH:MM", "24:00" allowed */
} RotapShiftSpec;

typedef struct {
    char *after;
    char *next_day;
} RotapForbidSpec;

typedef struct {
    char *id;
    char *name;
    char *kind; /* NULL = "road" */
    char *grid;
    char *chief;
    char *location;
    gboolean has_geo;
    double lat, lon;
} RotapSegmentSpec;

typedef struct {
    char *id;
    char *name;
    char *head;          /* may be NULL: a unit without a head has no on-site hour */
    GPtrArray *deputies; /* char * */
    GPtrArray *segments; /* char * */
} RotapUnitSpec;

typedef struct {
    char *shift;
    int count;
} RotapShiftCountSpec;

typedef struct {
    guint set; /* bit (1 << RotaLimit) when that limit was given */
    int values[ROTA_N_LIMITS];
    GArray *max_shifts; /* RotapShiftCountSpec, in the order given */
} RotapLimitsSpec;

/* How an "off" entry was written, so it is written back the same way. */
typedef enum {
    ROTAP_OFF_FORM_DATE,  /* "2026-12-05" */
    ROTAP_OFF_FORM_DAY,   /* { "date": ..., "shift": ... } */
    ROTAP_OFF_FORM_RANGE  /* { "from": ..., "to": ..., "shift": ... } */
} RotapOffForm;

typedef struct {
    RotapOffForm form;
    char *from; /* the date for the DATE and DAY forms */
    char *to;   /* equal to from for the DATE and DAY forms */
    char *shift;
} RotapOffSpec;

typedef struct {
    char *date;
    char *shift; /* NULL: the whole day */
    gboolean has_on;
    gboolean on;
    gboolean has_weight;
    int weight;
} RotapRequestSpec;

typedef struct {
    char *id;
    char *name;
    char *unit;
    GPtrArray *tags; /* char * */
    char *community;
    char *phone;           /* NULL: none */
    gboolean phone_public; /* the phone may be shown on public pages */
    RotapLimitsSpec limits;
    GArray *off;      /* RotapOffSpec */
    GArray *requests; /* RotapRequestSpec */
} RotapPersonSpec;

typedef struct {
    char *tag;
    int count;
} RotapQuotaSpec;

typedef struct {
    char *id;
    char *name;
    char *shift;
    RotapDaysSpec days;
    GPtrArray *segments; /* char *; NULL = "*" */
    gboolean has_min, has_max, has_under, has_over;
    int min, max, under, over;
    GArray *quotas;       /* RotapQuotaSpec */
    gboolean has_who;
    GPtrArray *who_tags;  /* char *, never NULL when has_who */
    GPtrArray *who_units; /* char *, never NULL when has_who */
    gboolean not_owner;
    gboolean per_week;
} RotapDutySpec;

/* rules.deadlines: hours per finding category, as written (records/). */
typedef struct {
    char *category;
    int hours;
} RotapDeadlineSpec;

typedef struct {
    char *name;
    char *timezone; /* NULL = "Asia/Shanghai" */
    gboolean has_contact;
    char *contact_hotline; /* NULL: none */
    char *contact_office;  /* NULL: none */
    char *start;
    int days;
    gboolean has_calendar;
    GPtrArray *holidays; /* char * */
    GPtrArray *workdays; /* char * */
    GArray *shifts;      /* RotapShiftSpec */
    GArray *forbid;      /* RotapForbidSpec */
    GArray *segments;    /* RotapSegmentSpec */
    GArray *units;       /* RotapUnitSpec */
    GArray *people;      /* RotapPersonSpec */
    GArray *duties;      /* RotapDutySpec */
    gboolean has_onsite;
    char *onsite_shift;
    RotapDaysSpec onsite_days;
    gboolean has_rules_limits;
    RotapLimitsSpec limits;
    guint weights_set; /* bit (1 << RotaWeight) when that weight was given */
    int weights[ROTA_N_WEIGHTS];
    GArray *deadlines;    /* RotapDeadlineSpec, or NULL when not given */
    gboolean has_assessment;
    guint assess_set;     /* bit (1 << RotaAssess) when that figure was given */
    gint64 assess[ROTA_N_ASSESS]; /* in hundredths */
} RotapSpec;

RotapSpec *rotap_spec_new(void);
void rotap_spec_free(RotapSpec *spec);

/* Append a zeroed element to one of the spec's arrays and return it. */
RotapShiftSpec *rotap_spec_add_shift(RotapSpec *spec);
RotapForbidSpec *rotap_spec_add_forbid(RotapSpec *spec);
RotapSegmentSpec *rotap_spec_add_segment(RotapSpec *spec);
RotapUnitSpec *rotap_spec_add_unit(RotapSpec *spec);
RotapPersonSpec *rotap_spec_add_person(RotapSpec *spec);

/*
 * A person's off and requests and every max_shifts are NULL while empty: a
 * county of a million people would otherwise hold three million empty
 * arrays (about 1x its file).  Read their length with rotap_spec_len();
 * append to the array these return, created on first use.
 */
#define rotap_spec_len(array) ((array) != NULL ? (array)->len : 0u)
GArray *rotap_spec_person_off(RotapPersonSpec *person);
GArray *rotap_spec_person_requests(RotapPersonSpec *person);
GArray *rotap_spec_max_shifts(RotapLimitsSpec *limits);
RotapDutySpec *rotap_spec_add_duty(RotapSpec *spec);

/* Names of limits and weights as model.json spells them. */
const char *rotap_limit_name(RotaLimit limit);
const char *rotap_weight_name(RotaWeight weight);
int rotap_weight_default(RotaWeight weight);
const char *rotap_days_name(RotaDays days); /* NULL for ROTA_DAYS_DATES */

/* model.json text to a spec without validating it (model-json-read.c), and
 * a spec to the canonical text of rota_model_to_data() (model-json-write.c). */
RotapSpec *rotap_spec_new_from_data(const char *data, gsize length, const char *source,
                                    GError **error);
char *rotap_spec_to_data(const RotapSpec *spec, gsize *length);
/* A latitude or longitude as model.json writes it (six decimals at most). */
void rotap_append_coordinate(GString *out, double value);

#endif
