/* SPDX-License-Identifier: MIT */
/* model-json-private.h: what the files of the model.json reader share. */
#ifndef ROTA_MODEL_JSON_PRIVATE_H
#define ROTA_MODEL_JSON_PRIVATE_H

#include "json-private.h"
#include "spec-private.h"

/*
 * Readers of one part of model.json.  Each takes the JSON path of what it
 * reads ("" is the root), fills the spec as written and fails with a
 * positioned ROTA_ERROR_INVALID on an unknown key or a value of the wrong
 * JSON type.  Strings are copied into the spec.
 */

/* "path[index]" and "path.key" ("key" at the root), newly allocated. */
char *rotap_json_item_path(const char *path, guint index);
char *rotap_json_member_path(const char *path, const char *key);

/* An optional or required string member, copied into *out when present. */
gboolean rotap_json_read_string(const RotapJsonReader *reader, struct json_object *obj,
                                const char *path, const char *key, gboolean required,
                                char **out, GError **error);

/* value (at path) must be a string without NUL; *out is a copy. */
gboolean rotap_json_read_string_value(const RotapJsonReader *reader,
                                      struct json_object *value, const char *path,
                                      char **out, GError **error);

/* An optional list of strings at path.key, appended to out. */
gboolean rotap_json_read_strings(const RotapJsonReader *reader, struct json_object *obj,
                                 const char *path, const char *key, GPtrArray *out,
                                 gboolean *present, GError **error);
/* The elements of array (at path), each a string, appended to out. */
gboolean rotap_json_read_string_items(const RotapJsonReader *reader,
                                      struct json_object *array, const char *path,
                                      GPtrArray *out, GError **error);

/* Reads one object of a list; data is what rotap_json_read_records got. */
typedef gboolean (*RotapJsonRecordFunc)(const RotapJsonReader *reader,
                                        struct json_object *obj, const char *path,
                                        gpointer data, GError **error);

/* An optional list of objects at path.key, each passed to fn. */
gboolean rotap_json_read_records(const RotapJsonReader *reader, struct json_object *obj,
                                 const char *path, const char *key,
                                 RotapJsonRecordFunc fn, gpointer data, GError **error);

/* An optional day selector at path.key: a keyword or a list of dates. */
gboolean rotap_json_read_days(const RotapJsonReader *reader, struct json_object *obj,
                              const char *path, const char *key, RotapDaysSpec *days,
                              GError **error);

/* A "limits" object (a person's or rules.limits) at path. */
gboolean rotap_json_read_limits(const RotapJsonReader *reader, struct json_object *obj,
                                const char *path, RotapLimitsSpec *limits,
                                GError **error);

/* One element of "people" and of "duties"; data is the RotapSpec. */
gboolean rotap_json_read_person(const RotapJsonReader *reader, struct json_object *obj,
                                const char *path, gpointer data, GError **error);
gboolean rotap_json_read_duty(const RotapJsonReader *reader, struct json_object *obj,
                              const char *path, gpointer data, GError **error);

#endif
