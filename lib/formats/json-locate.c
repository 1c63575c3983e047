/* SPDX-License-Identifier: MIT */
/* json-locate.c: checking a whole JSON text, paths to offsets, reading it piece by piece.
 */
#include "config.h"

#include <string.h>

#include "json-private.h"
#include "json-scan-private.h"
#include "util-private.h"

/* The whole document must be one value, with only blanks after it. */
gboolean
rotap_json_check_text(const char *text, gsize length, gsize *offset, char **path,
                      char **problem)
{
    RotapScanner s;

    rotap_scanner_init(&s, text, length, TRUE);
    rotap_scan_skip_blank(&s);
    if (rotap_scan_value(&s)) {
        rotap_scan_skip_blank(&s);
        if (rotap_scan_at_end(&s)) {
            rotap_scanner_clear(&s);
            return TRUE;
        }
        rotap_scan_fail(&s, s.pos, "unexpected text after the end of the document");
    }
    *offset = s.error_offset;
    *problem = g_steal_pointer(&s.problem);
    *path = g_steal_pointer(&s.problem_path);
    rotap_scanner_clear(&s);
    return FALSE;
}

/* The next path component at *p: a key (up to '.' or '[') or "[N]".
 * Returns FALSE at the end of the path or on a malformed index. */
static gboolean
next_component(const char **p, GString *key, gint64 *index)
{
    const char *start;

    if (**p == '.')
        (*p)++;
    if (**p == '\0')
        return FALSE;
    if (**p == '[') {
        char *end = NULL;

        *index = g_ascii_strtoll(*p + 1, &end, 10);
        if (end == *p + 1 || *end != ']' || *index < 0)
            return FALSE;
        *p = end + 1;
        return TRUE;
    }
    *index = -1;
    start = *p;
    while (**p != '\0' && **p != '.' && **p != '[')
        (*p)++;
    g_string_assign(key, "");
    g_string_append_len(key, start, *p - start);
    return TRUE;
}

/* Inside the object at s->pos, find member key: *key_offset is its key's
 * offset and s->pos its value's. */
static gboolean
find_member(RotapScanner *s, const char *key, gsize *key_offset)
{
    s->pos++;
    rotap_scan_skip_blank(s);
    while (!rotap_scan_at_end(s) && s->text[s->pos] == '"') {
        *key_offset = s->pos;
        if (!rotap_scan_key(s, 0, NULL))
            return FALSE;
        if (strcmp(s->key->str, key) == 0)
            return TRUE;
        if (!rotap_scan_value(s))
            return FALSE;
        rotap_scan_skip_blank(s);
        if (rotap_scan_at_end(s) || s->text[s->pos] != ',')
            return FALSE;
        s->pos++;
        rotap_scan_skip_blank(s);
    }
    return FALSE;
}

/* Inside the array at s->pos, move to element index. */
static gboolean
find_element(RotapScanner *s, gint64 index)
{
    s->pos++;
    rotap_scan_skip_blank(s);
    if (rotap_scan_at_end(s) || s->text[s->pos] == ']')
        return FALSE;
    for (gint64 i = 0; i < index; i++) {
        if (!rotap_scan_value(s))
            return FALSE;
        rotap_scan_skip_blank(s);
        if (rotap_scan_at_end(s) || s->text[s->pos] != ',')
            return FALSE;
        s->pos++;
        rotap_scan_skip_blank(s);
    }
    return !rotap_scan_at_end(s);
}

/*
 * Follows the path from the root value.  A member is reported at its key
 * (where an editor should put the cursor), an element at its value; when a
 * component is missing, the enclosing value is reported.  Keys in the path
 * are compared with the decoded keys of the text, so "\u4eba" matches "人".
 */
gboolean
rotap_json_locate(const char *text, gsize length, const char *path, gsize *offset)
{
    g_autoptr(GString) key = g_string_new(NULL);
    const char *p = path != NULL ? path : "";
    gsize here, key_offset = 0;
    gint64 index;
    RotapScanner s;

    *offset = 0;
    rotap_scanner_init(&s, text, length, FALSE);
    rotap_scan_skip_blank(&s);
    if (rotap_scan_at_end(&s)) {
        rotap_scanner_clear(&s);
        return FALSE;
    }
    here = s.pos;
    while (next_component(&p, key, &index)) {
        char open = text[here];
        gboolean found;

        s.pos = here;
        if (index < 0)
            found = open == '{' && find_member(&s, key->str, &key_offset);
        else
            found = open == '[' && find_element(&s, index);
        if (!found)
            break;
        here = s.pos;
        if (*p == '\0') {
            *offset = index < 0 ? key_offset : here;
            rotap_scanner_clear(&s);
            return TRUE;
        }
    }
    rotap_scanner_clear(&s);
    *offset = here;
    return TRUE;
}

/*
 * Reading a large document piece by piece: the members of the root object
 * and the elements of an array as byte spans of the text, so that a reader
 * can hand one element at a time to json-c instead of building the tree of
 * the whole file.  The text must have passed rotap_json_check_text().
 */
gboolean
rotap_json_split_object(const char *text, gsize length, GArray *members)
{
    RotapScanner s;
    gboolean ok = TRUE;

    rotap_scanner_init(&s, text, length, FALSE);
    rotap_scan_skip_blank(&s);
    if (rotap_scan_at_end(&s) || text[s.pos] != '{') {
        rotap_scanner_clear(&s);
        return FALSE;
    }
    s.pos++;
    rotap_scan_skip_blank(&s);
    while (ok && !rotap_scan_at_end(&s) && text[s.pos] == '"') {
        RotapJsonSpan member = {NULL, 0, 0};

        if (!rotap_scan_key(&s, 0, NULL)) {
            ok = FALSE;
            break;
        }
        member.key = g_strdup(s.key->str); /* before the value's own keys */
        member.start = s.pos;
        if (!rotap_scan_value(&s)) {
            g_free(member.key);
            ok = FALSE;
            break;
        }
        member.end = s.pos;
        g_array_append_val(members, member);
        rotap_scan_skip_blank(&s);
        if (!rotap_scan_at_end(&s) && text[s.pos] == ',') {
            s.pos++;
            rotap_scan_skip_blank(&s);
        }
    }
    rotap_scanner_clear(&s);
    return ok;
}

struct RotapJsonCursor {
    RotapScanner s;
};

RotapJsonCursor *
rotap_json_cursor_new(const char *text, gsize length, gsize open)
{
    RotapJsonCursor *cursor = g_new0(RotapJsonCursor, 1);

    rotap_scanner_init(&cursor->s, text, length, FALSE);
    cursor->s.pos = open + 1;
    rotap_scan_skip_blank(&cursor->s);
    return cursor;
}

gboolean
rotap_json_cursor_next(RotapJsonCursor *cursor, gsize *start, gsize *end)
{
    RotapScanner *s = &cursor->s;

    if (rotap_scan_at_end(s) || s->text[s->pos] == ']')
        return FALSE;
    *start = s->pos;
    if (!rotap_scan_value(s))
        return FALSE;
    *end = s->pos;
    rotap_scan_skip_blank(s);
    if (!rotap_scan_at_end(s) && s->text[s->pos] == ',') {
        s->pos++;
        rotap_scan_skip_blank(s);
    }
    return TRUE;
}

void
rotap_json_cursor_free(RotapJsonCursor *cursor)
{
    if (cursor == NULL)
        return;
    rotap_scanner_clear(&cursor->s);
    g_free(cursor);
}
