/* SPDX-License-Identifier: MIT */
/* curtois-private.h: a parsed Curtois-Qu instance, between reader and model builder. */
#ifndef ROTA_CURTOIS_PRIVATE_H
#define ROTA_CURTOIS_PRIVATE_H

#include <rota/rota.h>

/*
 * curtois-parse.c reads the text into these tables, with every id resolved
 * to its index (shifts and staff in file order) and every number checked;
 * curtois.c turns them into builder calls.  Errors that need a line number
 * are all found by the parser.
 */

/* The six per-person limits of a STAFF line, in file order: MaxTotalMinutes,
 * MinTotalMinutes, MaxConsecutive, MinConsecutive, MinConsecutiveDaysOff,
 * MaxWeekends. */
#define ROTAP_CURTOIS_N_LIMITS 6

typedef struct {
    char *id;
    int minutes;
    char *forbid; /* the raw third field, used only while parsing */
    int line;
} RotapCurtoisShift;

typedef struct {
    char *id;
    int line;
    int *max_shifts; /* one per shift */
    int limits[ROTAP_CURTOIS_N_LIMITS];
} RotapCurtoisStaff;

typedef struct {
    int staff, day, shift, weight;
    gboolean on;
} RotapCurtoisRequest;

typedef struct {
    int day, shift, req, under, over;
} RotapCurtoisCover;

typedef struct {
    int n_days;
    GArray *shifts;   /* RotapCurtoisShift */
    GArray *forbids;  /* int pairs: a shift, a shift that may not follow it */
    GArray *staff;    /* RotapCurtoisStaff */
    GArray *offs;     /* int pairs: staff, day */
    GArray *requests; /* RotapCurtoisRequest, ON and OFF in file order */
    GArray *covers;   /* RotapCurtoisCover */
} RotapCurtois;

/* Empty tables, and their release (curtois.c). */
void rotap_curtois_init(RotapCurtois *in);
void rotap_curtois_clear(RotapCurtois *in);

/* Parse a whole instance into in, which it initialises and which must be
 * cleared whatever the result (curtois-parse.c).  Errors read
 * "SOURCE:LINE: what is wrong (expected what)". */
gboolean rotap_curtois_parse(RotapCurtois *in, const char *data, gsize length,
                             const char *source, GError **error);

#endif
