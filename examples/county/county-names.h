/* SPDX-License-Identifier: MIT */
/* county-names.h: the fixed tables (names, streets, calendar) of the county generator. */
#ifndef COUNTY_NAMES_H
#define COUNTY_NAMES_H

#include <stddef.h>

/* The 103 units of one county, each name unique. */
extern const char *const county_unit_names[];
extern const size_t county_n_unit_names;

/*
 * The town plan: north-south roads ("路") crossed by east-west streets
 * ("街").  A road segment runs along one road between two neighbouring
 * streets, a street segment along one street between two neighbouring
 * roads; residential compounds fill up to 136 segments.
 */
extern const char *const county_road_names[];
extern const size_t county_n_road_names;
extern const char *const county_street_names[];
extern const size_t county_n_street_names;
extern const char *const county_compound_names[];
extern const size_t county_n_compound_names;

/* Surnames with their relative frequency, so that common ones dominate. */
typedef struct {
    const char *surname;
    int weight;
} CountySurname;

extern const CountySurname county_surnames[];
extern const size_t county_n_surnames;

/* Characters of given names; each person draws from one list. */
extern const char *const county_given_male[];
extern const size_t county_n_given_male;
extern const char *const county_given_female[];
extern const size_t county_n_given_female;

/* The official 2026 calendar (holidays and make-up workdays), plus the
 * first day of 2027. */
extern const char *const county_holidays[];
extern const size_t county_n_holidays;
extern const char *const county_workdays[];
extern const size_t county_n_workdays;

#endif
