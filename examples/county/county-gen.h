/* SPDX-License-Identifier: MIT */
/* county-gen.h: the generator's shared state and its seeded random numbers. */
#ifndef COUNTY_GEN_H
#define COUNTY_GEN_H

#include <rota/rota.h>

/* At scale 1 the county has exactly these; scale N multiplies them. */
#define COUNTY_UNITS 103
#define COUNTY_DOUBLE_UNITS 33 /* units adopting two segments */
#define COUNTY_SEGMENTS 136
#define COUNTY_INSPECTORS 50

/* Id widths ("U0001", "S0001", "P00001") hold every id up to scale 32;
 * above it ids grow a digit (still unique).  Scale 334 is about a million
 * people, for the load measurements of README.md. */
#define COUNTY_MAX_SCALE 400

/* The horizons county-gen writes (--horizon): December 2026 (the committed
 * county.json), the fourth quarter (季调度) and the whole year (年评比). */
typedef enum { COUNTY_MONTH, COUNTY_QUARTER, COUNTY_YEAR } CountyHorizon;

/* One unit as planned: people are numbered 0.. in the order they are
 * added to the builder, which is also their builder index. */
typedef struct {
    int first_segment; /* index of its first segment; the second follows */
    int n_segments;
    int head;
    int deputies[2];
    int n_deputies;
    int first_member; /* its ordinary members are first_member.. */
    int n_members;    /* .. first_member + n_members - 1 */
} CountyUnit;

typedef struct {
    RotaBuilder *builder;
    guint64 rng; /* splitmix64 state: the only source of randomness */
    int scale;
    GDate start; /* the horizon's first day */
    int n_days;
    int n_segments;
    gboolean *segment_is_road; /* n_segments: rush hours apply */
    int *segment_unit;         /* n_segments: the adopting unit */
    int n_units;
    CountyUnit *units;
    int n_people;
} CountyGen;

guint64 county_rng_next(CountyGen *gen);
int county_rng_below(CountyGen *gen, int n);
gboolean county_rng_percent(CountyGen *gen, int percent);
void county_rng_shuffle(CountyGen *gen, int *items, int n);

/* "S0001", "U0001", "P00001" for index 0, into buf; the date of day
 * offset day of the horizon. */
const char *county_segment_id(char buf[16], int segment);
const char *county_unit_id(char buf[16], int unit);
const char *county_person_id(char buf[16], int person);
const char *county_date(const CountyGen *gen, char buf[16], int day);

/* The town: segments, then units adopting them, then their people. */
void county_add_segments(CountyGen *gen);
void county_add_units_and_people(CountyGen *gen);

#endif
