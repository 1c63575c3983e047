/* SPDX-License-Identifier: MIT */
/* json-private.h: strict JSON reading with FILE:LINE:COL errors, and JSON writing
 * helpers. */
#ifndef ROTA_JSON_PRIVATE_H
#define ROTA_JSON_PRIVATE_H

#include <json-c/json.h>
#include <rota/rota.h>

/*
 * The readers of model.json and roster.json share these helpers, so that
 * every input error reads "SOURCE:LINE:COL: json.path: what is wrong and
 * what was expected".  json-c records no positions, so an error names the
 * JSON path of the offending value and rotap_json_locate() finds it in the
 * text.  Paths look like "people[12].off[0]" ("" is the root).
 */
typedef struct {
    const char *source; /* file name as the user gave it */
    const char *text;
    gsize length;
} RotapJsonReader;

/* Parse one JSON document (strict, UTF-8 validated).  An empty or blank
 * text is ROTA_ERROR_FORMAT "SOURCE: empty file"; a syntax error, a
 * truncated document or bad UTF-8 is ROTA_ERROR_SYNTAX at its position.
 * Returns a new reference, or NULL. */
struct json_object *rotap_json_parse(const RotapJsonReader *reader, GError **error);

/* Set error to "SOURCE:LINE:COL: PATH: message", the position being that of
 * the value at path (see rotap_json_locate). */
void rotap_json_set_error(const RotapJsonReader *reader, GError **error, int code,
                          const char *path, const char *format, ...) G_GNUC_PRINTF(5, 6);

/* Turn an error of compile.c, "PATH: message", into a positioned one. */
void rotap_json_position_error(const RotapJsonReader *reader, GError **error);

/* Every key of obj must be in allowed (NULL-terminated): an unknown key is
 * "PATH.key: unknown key "key" (expected one of: a, b, c)". */
gboolean rotap_json_check_keys(const RotapJsonReader *reader, struct json_object *obj,
                               const char *path, const char *const *allowed,
                               GError **error);

/* "format" must be format_name and "version" must be 1 (ROTA_ERROR_FORMAT). */
gboolean rotap_json_check_format(const RotapJsonReader *reader, struct json_object *root,
                                 const char *format_name, GError **error);

/* Typed members of obj (at path).  A missing member is an error when
 * required, else *present (may be NULL) is FALSE and *out untouched.  A
 * member of the wrong type is always an error naming the expected type.
 * Strings are borrowed from obj; ints must fit in int. */
gboolean rotap_json_get_string(const RotapJsonReader *reader, struct json_object *obj,
                               const char *path, const char *key, gboolean required,
                               const char **out, GError **error);
gboolean rotap_json_get_int(const RotapJsonReader *reader, struct json_object *obj,
                            const char *path, const char *key, gboolean required,
                            gboolean *present, int *out, GError **error);
gboolean rotap_json_get_bool(const RotapJsonReader *reader, struct json_object *obj,
                             const char *path, const char *key, gboolean required,
                             gboolean *present, gboolean *out, GError **error);
gboolean rotap_json_get_array(const RotapJsonReader *reader, struct json_object *obj,
                              const char *path, const char *key, gboolean required,
                              struct json_object **out, GError **error);
gboolean rotap_json_get_object(const RotapJsonReader *reader, struct json_object *obj,
                               const char *path, const char *key, gboolean required,
                               struct json_object **out, GError **error);

/* Writing: JSON text is produced by hand into a GString so that the layout
 * is fixed (records one per line) and byte-stable across versions of
 * json-c.  Strings are escaped as JSON requires and UTF-8 is kept as is. */
void rotap_json_append_string(GString *out, const char *text);

/* A strict RFC 8259 check of text, which must be valid UTF-8 without NUL
 * bytes (an initial BOM is skipped), including duplicate keys.  On failure,
 * *offset is the byte offset of the problem, *problem (newly allocated)
 * describes it, and *path (newly allocated) is the JSON path of a
 * duplicated member or NULL.  rotap_json_parse() calls it. */
gboolean rotap_json_check_text(const char *text, gsize length, gsize *offset, char **path,
                               char **problem);

/* Reading a large document one piece at a time (text checked first by
 * rotap_json_check_text(), offsets into it).  A span is a value's bytes
 * [start, end); for a member of the root object, key is its decoded key
 * (newly allocated). */
typedef struct {
    char *key;
    gsize start;
    gsize end;
} RotapJsonSpan;

/* The members of the root object, appended to members (RotapJsonSpan) in
 * the order of the text; FALSE when the root is not an object. */
gboolean rotap_json_split_object(const char *text, gsize length, GArray *members);

/* The elements of the array whose '[' is at offset open, one by one. */
typedef struct RotapJsonCursor RotapJsonCursor;
RotapJsonCursor *rotap_json_cursor_new(const char *text, gsize length, gsize open);
gboolean rotap_json_cursor_next(RotapJsonCursor *cursor, gsize *start, gsize *end);
void rotap_json_cursor_free(RotapJsonCursor *cursor);

/*
 * Reading a document of a known shape in one pass, without a tree
 * (json-pull.c).  Each call reads what it names at the current position
 * and the blanks after it, or returns FALSE when the text holds anything
 * else there (including a syntax error): the pull reader has no messages,
 * and a caller that meets FALSE reads the text with rotap_json_parse() to
 * report the error.  A string or key holding \u0000 is refused; the keys
 * of an object being pulled are not checked for duplicates (the caller
 * knows its keys), those inside a skipped value are.
 */
typedef struct RotapJsonPull RotapJsonPull;
RotapJsonPull *rotap_json_pull_new(const char *text, gsize length);
void rotap_json_pull_free(RotapJsonPull *pull);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotapJsonPull, rotap_json_pull_free)
/* Into the object ('{') or array ('[') starting here. */
gboolean rotap_json_pull_open(RotapJsonPull *pull, char open);
/* Before item index (0, 1, ...) of the open container ending with close:
 * TRUE when an item follows (its ',' consumed); FALSE after the closing
 * bracket, or when neither comes.  Failures are sticky: after one, every
 * call returns FALSE, and so does rotap_json_pull_done() at the end, so a
 * loop `for (i = 0; rotap_json_pull_next(pull, '}', i); i++)` needs no
 * other check. */
gboolean rotap_json_pull_next(RotapJsonPull *pull, char close, guint index);
/* A member's key and its ':'; *key is valid until the next call. */
gboolean rotap_json_pull_key(RotapJsonPull *pull, const char **key);
gboolean rotap_json_pull_string(RotapJsonPull *pull, GString *out);
/* A number written as a plain integer from 0 to max (no sign, fraction
 * or exponent). */
gboolean rotap_json_pull_uint(RotapJsonPull *pull, guint64 max, guint64 *out);
gboolean rotap_json_pull_bool(RotapJsonPull *pull, gboolean *out);
/* Any value, judged strictly; kind ('{', '[', or '\0' for any) is what
 * it must start with. */
gboolean rotap_json_pull_skip(RotapJsonPull *pull, char kind);
/* TRUE when the document ended with the last value read. */
gboolean rotap_json_pull_done(const RotapJsonPull *pull);

/* The checks of rotap_json_parse() without building a tree: empty file,
 * size, encoding and rotap_json_check_text(), with the same errors. */
gboolean rotap_json_check(const RotapJsonReader *reader, GError **error);

/* The value at text[start, end) of a checked text as a json-c tree: *value
 * is a new reference, or NULL for JSON's null.  tok is reset first (and
 * may be reused across calls).  FALSE after setting error. */
gboolean rotap_json_parse_span(const RotapJsonReader *reader, struct json_tokener *tok,
                               gsize start, gsize end, struct json_object **value,
                               GError **error);

/* The tree of a whole checked text: what rotap_json_parse() returns after
 * rotap_json_check(). */
struct json_object *rotap_json_build_tree(const RotapJsonReader *reader, GError **error);

/* A tokener as rotap_json_parse() uses it (strict, UTF-8 checked). */
struct json_tokener *rotap_json_tokener_new(void);

/* "a string", "a number", "an object", "null"...: a value's JSON type in
 * messages such as "expected an array, found a string". */
const char *rotap_json_type_name(struct json_object *value);

#endif
