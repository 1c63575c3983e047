/* SPDX-License-Identifier: MIT */
/* roster-json-private.h: what roster.json's readers share (roster-json.c,
 * roster-json-pull.c, roster-diff-read.c). */
#ifndef ROTA_ROSTER_JSON_PRIVATE_H
#define ROTA_ROSTER_JSON_PRIVATE_H

#include "json-private.h"

/* The keys a roster.json document may hold at its top level. */
extern const char *const rotap_roster_top_keys[];
/* The keys of the "solver" object: threads, moves, bound, in this order
 * (roster-json-pull.c keeps their values by position). */
extern const char *const rotap_roster_solver_keys[];
/* The keys of an assignment object: date, shift, segment, person, duty
 * (the ids, in this order), then locked. */
extern const char *const rotap_roster_assignment_keys[];

/* One assignment object's ids as written, owned by the JSON tree. */
typedef struct {
    const char *date, *shift, *segment, *person, *duty;
    gboolean locked;
} RotapAssignmentIds;

/* Read the assignment object item at path: an object with only the
 * assignment keys, each id present and a string, "locked" a boolean. */
gboolean rotap_roster_json_read_ids(const RotapJsonReader *reader,
                                    struct json_object *item, const char *path,
                                    RotapAssignmentIds *out, GError **error);

/* What member key of an object holds where a 64-bit unsigned integer is
 * expected (a seed, a move count: beyond the int getters of json-private.h). */
typedef enum {
    ROTAP_UINT64_OK,
    ROTAP_UINT64_ABSENT,
    ROTAP_UINT64_FRACTION,    /* a number with a fraction or an exponent */
    ROTAP_UINT64_NOT_INTEGER, /* not a number at all */
    ROTAP_UINT64_NEGATIVE
} RotapUint64Status;

/* Read member key of obj into *out (set only on ROTAP_UINT64_OK).  *value
 * gets the member for the caller's message (NULL when absent, as for a
 * JSON null).  No error is set: roster.json's reader and rota diff's word
 * their messages differently. */
RotapUint64Status rotap_roster_json_read_uint64(struct json_object *obj, const char *key,
                                                struct json_object **value, guint64 *out);

/* The roster in text, read in one pass without a json-c tree; NULL when
 * the text holds anything the tree reader would refuse, or anything it
 * would read differently (roster-json-pull.c). */
RotaRoster *rotap_roster_json_pull(RotaModel *model, const char *text, gsize length);

/* The tree reader: what rota_roster_new_from_data() does when
 * rotap_roster_json_pull() declines, with its located errors. */
RotaRoster *rotap_roster_json_read_tree(RotaModel *model, const char *text, gsize length,
                                        const char *source, GError **error);

#endif
