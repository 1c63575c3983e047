/* SPDX-License-Identifier: MIT */
/* json-util.c: strict JSON parsing, positioned errors, typed getters, string escaping. */
#include "config.h"

#include <json-c/json_object_iterator.h>
#include <string.h>

#include "i18n-private.h"
#include "json-private.h"
#include "util-private.h"

/* json-c's own depth limit stays above the scanner's, which speaks first. */
#define JSONC_DEPTH 64

/* A leading BOM is invisible in editors, so columns on line 1 skip it. */
static void
text_position(const RotapJsonReader *reader, gsize offset, int *line, int *column)
{
    const char *text = reader->text;
    gsize length = reader->length;

    if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 && offset >= 3) {
        text += 3;
        length -= 3;
        offset -= 3;
    }
    rotap_text_position(text, length, offset, line, column);
}

static void
set_error_at(const RotapJsonReader *reader, GError **error, int code, gsize offset,
             const char *path, const char *message)
{
    int line, column;

    text_position(reader, offset, &line, &column);
    if (path != NULL && *path != '\0')
        g_set_error(error, ROTA_ERROR, code, "%s:%d:%d: %s: %s", reader->source, line,
                    column, path, message);
    else
        g_set_error(error, ROTA_ERROR, code, "%s:%d:%d: %s", reader->source, line, column,
                    message);
}

/* Where the value at path is, or the start of the text when nothing of it
 * can be found. */
static gsize
path_offset(const RotapJsonReader *reader, const char *path)
{
    gsize offset = 0;

    if (!rotap_json_locate(reader->text, reader->length, path, &offset))
        offset = 0;
    return offset;
}

void
rotap_json_set_error(const RotapJsonReader *reader, GError **error, int code,
                     const char *path, const char *format, ...)
{
    va_list args;
    g_autofree char *message = NULL;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    set_error_at(reader, error, code, path_offset(reader, path), path, message);
}

/*
 * compile.c names the offending value by the JSON path before the first
 * ": ".  A message without one is placed at the start of the document.
 * The domain and code are kept.
 */
void
rotap_json_position_error(const RotapJsonReader *reader, GError **error)
{
    const char *colon;
    g_autofree char *path = NULL;
    gsize offset = 0;
    int line, column;

    if (error == NULL || *error == NULL)
        return;
    colon = strstr((*error)->message, ": ");
    if (colon != NULL) {
        path = g_strndup((*error)->message, (gsize)(colon - (*error)->message));
        offset = path_offset(reader, path);
    }
    text_position(reader, offset, &line, &column);
    g_prefix_error(error, "%s:%d:%d: ", reader->source, line, column);
}

static gboolean
is_blank(const char *text, gsize length)
{
    for (gsize i = 0; i < length; i++) {
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
            return FALSE;
    }
    return TRUE;
}

/* NUL bytes and bad UTF-8 are found before any JSON is read, so that the
 * scanner and json-c only ever see clean text. */
static gboolean
check_encoding(const RotapJsonReader *reader, GError **error)
{
    const char *nul = memchr(reader->text, '\0', reader->length);
    gsize clean = nul != NULL ? (gsize)(nul - reader->text) : reader->length;
    const char *end = NULL;

    if (!g_utf8_validate_len(reader->text, clean, &end)) {
        g_autofree char *message = g_strdup_printf(
            _("syntax error: invalid UTF-8 (byte 0x%02X); the file must be UTF-8 text"),
            (guchar)*end);

        set_error_at(reader, error, ROTA_ERROR_SYNTAX, (gsize)(end - reader->text), NULL,
                     message);
        return FALSE;
    }
    if (nul != NULL) {
        set_error_at(reader, error, ROTA_ERROR_SYNTAX, clean, NULL,
                     _("syntax error: NUL byte; the file must be UTF-8 text"));
        return FALSE;
    }
    return TRUE;
}

struct json_tokener *
rotap_json_tokener_new(void)
{
    struct json_tokener *tok = json_tokener_new_ex(JSONC_DEPTH);

    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    return tok;
}

/* The text already passed the scanner, so json-c failing is not expected;
 * its own description is reported should it happen. */
gboolean
rotap_json_parse_span(const RotapJsonReader *reader, struct json_tokener *tok,
                      gsize start, gsize end, struct json_object **value, GError **error)
{
    enum json_tokener_error jerr;
    g_autofree char *message = NULL;

    json_tokener_reset(tok);
    *value = json_tokener_parse_ex(tok, reader->text + start, (int)(end - start));
    jerr = json_tokener_get_error(tok);
    if (*value == NULL && jerr == json_tokener_continue) {
        /* A final NUL tells json-c that the input ends (a bare number). */
        *value = json_tokener_parse_ex(tok, "", 1);
        jerr = json_tokener_get_error(tok);
    }
    if (*value == NULL && jerr != json_tokener_success) {
        message = g_strdup_printf("syntax error: %s", json_tokener_error_desc(jerr));
        set_error_at(reader, error, ROTA_ERROR_SYNTAX,
                     start + (gsize)json_tokener_get_parse_end(tok), NULL, message);
        return FALSE;
    }
    return TRUE; /* *value is NULL for JSON's null */
}

struct json_object *
rotap_json_build_tree(const RotapJsonReader *reader, GError **error)
{
    gsize bom =
        reader->length >= 3 && memcmp(reader->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    struct json_tokener *tok = rotap_json_tokener_new();
    struct json_object *root = NULL;

    /* a document that is just null is reported as json-c words it */
    if (rotap_json_parse_span(reader, tok, bom, reader->length, &root, error) &&
        root == NULL) {
        g_autofree char *message = g_strdup_printf(
            "syntax error: %s", json_tokener_error_desc(json_tokener_success));

        set_error_at(reader, error, ROTA_ERROR_SYNTAX,
                     bom + (gsize)json_tokener_get_parse_end(tok), NULL, message);
    }
    json_tokener_free(tok);
    return root;
}

gboolean
rotap_json_check(const RotapJsonReader *reader, GError **error)
{
    gsize bom = 0, offset = 0;
    g_autofree char *path = NULL;
    g_autofree char *problem = NULL;
    g_autofree char *message = NULL;

    if (reader->length >= 3 && memcmp(reader->text, "\xEF\xBB\xBF", 3) == 0)
        bom = 3;
    if (is_blank(reader->text + bom, reader->length - bom)) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_FORMAT, _("%s: empty file"),
                    reader->source);
        return FALSE;
    }
    if (reader->length >= (gsize)G_MAXINT) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_FORMAT, _("%s: file too large"),
                    reader->source);
        return FALSE;
    }
    if (!check_encoding(reader, error))
        return FALSE;
    if (!rotap_json_check_text(reader->text, reader->length, &offset, &path, &problem)) {
        if (path != NULL) {
            set_error_at(reader, error, ROTA_ERROR_SYNTAX, offset, path, problem);
            return FALSE;
        }
        message = g_strdup_printf(_("syntax error: %s"), problem);
        set_error_at(reader, error, ROTA_ERROR_SYNTAX, offset, NULL, message);
        return FALSE;
    }
    return TRUE;
}

struct json_object *
rotap_json_parse(const RotapJsonReader *reader, GError **error)
{
    if (!rotap_json_check(reader, error))
        return NULL;
    return rotap_json_build_tree(reader, error);
}

static char *
member_path(const char *path, const char *key)
{
    if (path == NULL || *path == '\0')
        return g_strdup(key);
    return g_strdup_printf("%s.%s", path, key);
}

/* "a string", "an array", ... for "expected X, found Y" messages. */
const char *
rotap_json_type_name(struct json_object *value)
{
    switch (json_object_get_type(value)) {
    case json_type_null:
        return "null";
    case json_type_boolean:
        return _("a boolean");
    case json_type_double:
    case json_type_int:
        return _("a number");
    case json_type_object:
        return _("an object");
    case json_type_array:
        return _("an array");
    case json_type_string:
        return _("a string");
    }
    return _("a value");
}

/* A short rendering of a value for "found ..." in messages: scalars as
 * JSON text (cut after 40 characters), containers by their type. */
static char *
describe(struct json_object *value)
{
    const char *text;

    if (json_object_is_type(value, json_type_object) ||
        json_object_is_type(value, json_type_array))
        return g_strdup(rotap_json_type_name(value));
    text = json_object_to_json_string_ext(value, JSON_C_TO_STRING_PLAIN |
                                                     JSON_C_TO_STRING_NOSLASHESCAPE);
    if (g_utf8_strlen(text, -1) > 40) {
        g_autofree char *cut = g_utf8_substring(text, 0, 40);

        return g_strdup_printf("%s...", cut);
    }
    return g_strdup(text);
}

gboolean
rotap_json_check_keys(const RotapJsonReader *reader, struct json_object *obj,
                      const char *path, const char *const *allowed, GError **error)
{
    struct json_object_iterator it = json_object_iter_begin(obj);
    struct json_object_iterator end = json_object_iter_end(obj);

    for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
        const char *key = json_object_iter_peek_name(&it);
        g_autofree char *member = NULL;
        g_autofree char *expected = NULL;

        if (g_strv_contains(allowed, key))
            continue;
        member = member_path(path, key);
        expected = g_strjoinv(", ", (char **)allowed);
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, member,
                             _("unknown key \"%s\" (expected one of: %s)"), key,
                             expected);
        return FALSE;
    }
    return TRUE;
}

gboolean
rotap_json_check_format(const RotapJsonReader *reader, struct json_object *root,
                        const char *format_name, GError **error)
{
    struct json_object *value = NULL;
    g_autofree char *found = NULL;

    if (!json_object_is_type(root, json_type_object)) {
        rotap_json_set_error(reader, error, ROTA_ERROR_FORMAT, "",
                             _("expected an object with \"format\": \"%s\", found %s"),
                             format_name, rotap_json_type_name(root));
        return FALSE;
    }
    if (!json_object_object_get_ex(root, "format", &value)) {
        rotap_json_set_error(reader, error, ROTA_ERROR_FORMAT, "format",
                             _("missing (expected \"%s\")"), format_name);
        return FALSE;
    }
    if (!json_object_is_type(value, json_type_string) ||
        strcmp(json_object_get_string(value), format_name) != 0) {
        found = describe(value);
        rotap_json_set_error(reader, error, ROTA_ERROR_FORMAT, "format",
                             _("expected \"%s\", found %s"), format_name, found);
        return FALSE;
    }
    /* "rota-model\u0000junk" compares equal above: json-c's strings are
     * NUL-terminated, so the length tells */
    if (strlen(json_object_get_string(value)) != (gsize)json_object_get_string_len(value)) {
        rotap_json_set_error(reader, error, ROTA_ERROR_FORMAT, "format",
                             _("a string must not contain \\u0000"));
        return FALSE;
    }
    if (!json_object_object_get_ex(root, "version", &value)) {
        rotap_json_set_error(reader, error, ROTA_ERROR_FORMAT, "version",
                             _("missing (expected 1)"));
        return FALSE;
    }
    if (!json_object_is_type(value, json_type_int) || json_object_get_int64(value) != 1) {
        found = describe(value);
        rotap_json_set_error(reader, error, ROTA_ERROR_FORMAT, "version",
                             _("unsupported version %s (this rota reads version 1)"),
                             found);
        return FALSE;
    }
    return TRUE;
}

/* The member key of obj: 1 when present (*value set), 0 when absent and
 * optional, -1 after setting error. */
static int
get_member(const RotapJsonReader *reader, struct json_object *obj, const char *path,
           const char *key, gboolean required, struct json_object **value, GError **error)
{
    if (json_object_object_get_ex(obj, key, value))
        return 1;
    if (!required)
        return 0;
    rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, path,
                         _("missing required key \"%s\""), key);
    return -1;
}

static gboolean
wrong_type(const RotapJsonReader *reader, const char *path, const char *key,
           const char *expected, struct json_object *value, GError **error)
{
    g_autofree char *member = member_path(path, key);

    rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, member,
                         _("expected %s, found %s"), _(expected),
                         rotap_json_type_name(value));
    return FALSE;
}

gboolean
rotap_json_get_string(const RotapJsonReader *reader, struct json_object *obj,
                      const char *path, const char *key, gboolean required,
                      const char **out, GError **error)
{
    struct json_object *value = NULL;
    int found = get_member(reader, obj, path, key, required, &value, error);
    const char *text;

    if (found <= 0)
        return found == 0;
    if (!json_object_is_type(value, json_type_string))
        return wrong_type(reader, path, key, N_("a string"), value, error);
    text = json_object_get_string(value);
    if (strlen(text) != (gsize)json_object_get_string_len(value)) {
        g_autofree char *member = member_path(path, key);

        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, member,
                             _("a string must not contain \\u0000"));
        return FALSE;
    }
    *out = text;
    return TRUE;
}

/* The number as written at the member (json-c clamps huge integers, and a
 * message should show what the user wrote). */
static char *
written_number(const RotapJsonReader *reader, const char *member)
{
    const char *text = reader->text;
    gsize pos = path_offset(reader, member);
    gsize start;

    if (pos < reader->length && text[pos] == '"') {
        for (pos++; pos < reader->length && text[pos] != '"'; pos++) {
            if (text[pos] == '\\')
                pos++;
        }
        while (pos < reader->length && strchr(" \t\r\n:\"", text[pos]) != NULL)
            pos++;
    }
    start = pos;
    while (pos < reader->length && strchr("-+.eE0123456789", text[pos]) != NULL)
        pos++;
    return g_strndup(text + start, pos - start);
}

gboolean
rotap_json_get_int(const RotapJsonReader *reader, struct json_object *obj,
                   const char *path, const char *key, gboolean required,
                   gboolean *present, int *out, GError **error)
{
    struct json_object *value = NULL;
    int found = get_member(reader, obj, path, key, required, &value, error);
    g_autofree char *member = NULL;
    g_autofree char *shown = NULL;
    gint64 number;

    if (present != NULL)
        *present = found > 0;
    if (found <= 0)
        return found == 0;
    member = member_path(path, key);
    if (json_object_is_type(value, json_type_double)) {
        shown = describe(value);
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, member,
                             _("expected an integer, found %s"), shown);
        return FALSE;
    }
    if (!json_object_is_type(value, json_type_int))
        return wrong_type(reader, path, key, N_("an integer"), value, error);
    number = json_object_get_int64(value);
    if (number < G_MININT || number > G_MAXINT) {
        shown = written_number(reader, member);
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, member,
                             _("%s is out of range"), shown);
        return FALSE;
    }
    *out = (int)number;
    return TRUE;
}

gboolean
rotap_json_get_bool(const RotapJsonReader *reader, struct json_object *obj,
                    const char *path, const char *key, gboolean required,
                    gboolean *present, gboolean *out, GError **error)
{
    struct json_object *value = NULL;
    int found = get_member(reader, obj, path, key, required, &value, error);

    if (present != NULL)
        *present = found > 0;
    if (found <= 0)
        return found == 0;
    if (!json_object_is_type(value, json_type_boolean))
        return wrong_type(reader, path, key, N_("true or false"), value, error);
    *out = json_object_get_boolean(value) ? TRUE : FALSE;
    return TRUE;
}

gboolean
rotap_json_get_array(const RotapJsonReader *reader, struct json_object *obj,
                     const char *path, const char *key, gboolean required,
                     struct json_object **out, GError **error)
{
    struct json_object *value = NULL;
    int found = get_member(reader, obj, path, key, required, &value, error);

    if (found <= 0)
        return found == 0;
    if (!json_object_is_type(value, json_type_array))
        return wrong_type(reader, path, key, N_("an array"), value, error);
    *out = value;
    return TRUE;
}

gboolean
rotap_json_get_object(const RotapJsonReader *reader, struct json_object *obj,
                      const char *path, const char *key, gboolean required,
                      struct json_object **out, GError **error)
{
    struct json_object *value = NULL;
    int found = get_member(reader, obj, path, key, required, &value, error);

    if (found <= 0)
        return found == 0;
    if (!json_object_is_type(value, json_type_object))
        return wrong_type(reader, path, key, N_("an object"), value, error);
    *out = value;
    return TRUE;
}

/*
 * Only what JSON requires is escaped ('"', '\' and control characters),
 * so Chinese text stays readable in the file.  Text that is not valid
 * UTF-8 (possible through the builder API) is repaired with U+FFFD rather
 * than written as a file no reader would accept.
 */
void
rotap_json_append_string(GString *out, const char *text)
{
    g_autofree char *repaired = NULL;

    if (!g_utf8_validate(text, -1, NULL)) {
        repaired = g_utf8_make_valid(text, -1);
        text = repaired;
    }
    g_string_append_c(out, '"');
    for (const char *p = text; *p != '\0'; p++) {
        guchar c = (guchar)*p;

        switch (c) {
        case '"':
            g_string_append(out, "\\\"");
            break;
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case '\n':
            g_string_append(out, "\\n");
            break;
        case '\r':
            g_string_append(out, "\\r");
            break;
        case '\t':
            g_string_append(out, "\\t");
            break;
        case '\b':
            g_string_append(out, "\\b");
            break;
        case '\f':
            g_string_append(out, "\\f");
            break;
        default:
            if (c < 0x20)
                g_string_append_printf(out, "\\u%04x", c);
            else
                g_string_append_c(out, (char)c);
        }
    }
    g_string_append_c(out, '"');
}
