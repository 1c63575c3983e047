/* SPDX-License-Identifier: MIT */
/* roster-json-private.h: what roster.json's readers share (roster-json.c,
 * roster-diff-read.c). */
#ifndef ROTA_ROSTER_JSON_PRIVATE_H
#define ROTA_ROSTER_JSON_PRIVATE_H

#include "json-private.h"

/* The keys a roster.json document may hold at its top level. */
extern const char *const rotap_roster_top_keys[];

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

#endif
