/* SPDX-License-Identifier: MIT */
/* json-locate.c: a JSON text scanner: strict syntax, duplicate keys, paths to offsets. */
#include "config.h"

#include <string.h>

#include "json-private.h"
#include "util-private.h"

/*
 * json-c accepts more than RFC 8259 even in strict mode (single quotes,
 * "1.", NaN, raw tabs in strings, lone surrogates) and silently keeps the
 * last of two equal keys, and it records no positions.  This scanner walks
 * the text itself: it is the strict judge of the syntax, it finds duplicate
 * keys, and it maps a JSON path back to a byte offset for error messages.
 * The input is assumed to be valid UTF-8 without NUL bytes (the caller
 * checks that first); nothing here allocates per byte.
 */

#define MAX_DEPTH 32
/* Objects with fewer keys are searched for duplicates without hashing. */
#define LINEAR_KEYS 16

typedef struct {
    const char *text;
    gsize length;
    gsize pos;
    int depth;
    GString *key;       /* scratch: the last key decoded */
    GString *path;      /* checking only: the path of the value being scanned */
    GPtrArray *keys;    /* checking only: the keys of the open objects, a stack */
    gsize error_offset; /* set with problem */
    char *problem;
    char *problem_path;
} Scanner;

static void
scanner_init(Scanner *s, const char *text, gsize length, gboolean checking)
{
    memset(s, 0, sizeof *s);
    s->text = text;
    s->length = length;
    s->pos = length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    s->key = g_string_new(NULL);
    if (checking) {
        s->path = g_string_new(NULL);
        s->keys = g_ptr_array_new_with_free_func(g_free);
    }
}

static void
scanner_clear(Scanner *s)
{
    g_string_free(s->key, TRUE);
    if (s->path != NULL)
        g_string_free(s->path, TRUE);
    if (s->keys != NULL)
        g_ptr_array_unref(s->keys);
    g_free(s->problem);
    g_free(s->problem_path);
}

static gboolean scan_value(Scanner *s);

static void fail(Scanner *s, gsize offset, const char *format, ...) G_GNUC_PRINTF(3, 4);

static void
fail(Scanner *s, gsize offset, const char *format, ...)
{
    va_list args;

    if (s->problem != NULL)
        return;
    va_start(args, format);
    s->problem = g_strdup_vprintf(format, args);
    va_end(args);
    s->error_offset = offset;
}

static void
skip_blank(Scanner *s)
{
    while (s->pos < s->length) {
        char c = s->text[s->pos];

        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        s->pos++;
    }
}

static gboolean
at_end(const Scanner *s)
{
    return s->pos >= s->length;
}

/* Describe the character at pos for a message: the whole UTF-8 sequence. */
static void
fail_unexpected(Scanner *s, const char *expected)
{
    const char *here = s->text + s->pos;
    g_autofree char *shown = NULL;

    if (at_end(s)) {
        fail(s, s->pos, "unexpected end of file");
        return;
    }
    shown = g_strndup(here, (gsize)(g_utf8_next_char(here) - here));
    if (*here == '\'')
        fail(s, s->pos, "unexpected \"'\" (strings use double quotes)");
    else if (*here == '/')
        fail(s, s->pos, "comments are not allowed in JSON");
    else
        fail(s, s->pos, "unexpected \"%s\" (expected %s)", shown, expected);
}

static int
hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Four hex digits at pos, or -1. */
static int
read_hex4(const Scanner *s, gsize pos)
{
    int value = 0;

    if (pos + 4 > s->length)
        return -1;
    for (int i = 0; i < 4; i++) {
        int digit = hex_value(s->text[pos + i]);

        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

/* A \u escape at pos (the backslash), possibly a surrogate pair: the code
 * point, with *end after the escape; -1 after failing. */
static gunichar
scan_unicode_escape(Scanner *s, gsize pos, gsize *end)
{
    int high = read_hex4(s, pos + 2);
    int low;

    if (high < 0) {
        fail(s, pos, "invalid \\u escape in a string (expected 4 hex digits)");
        return (gunichar)-1;
    }
    *end = pos + 6;
    if (high < 0xD800 || high > 0xDFFF)
        return (gunichar)high;
    low = high <= 0xDBFF && pos + 7 < s->length && s->text[pos + 6] == '\\' &&
                  s->text[pos + 7] == 'u'
              ? read_hex4(s, pos + 8)
              : -1;
    if (low < 0xDC00 || low > 0xDFFF) {
        fail(s, pos, "unpaired surrogate \\u%04x in a string", (unsigned)high);
        return (gunichar)-1;
    }
    *end = pos + 12;
    return 0x10000 + (((gunichar)high - 0xD800) << 10) + ((gunichar)low - 0xDC00);
}

static gboolean
scan_escape(Scanner *s, GString *decoded)
{
    static const char from[] = "\"\\/bfnrt";
    static const char to[] = "\"\\/\b\f\n\r\t";
    gsize start = s->pos;
    const char *simple;
    gunichar c;
    gsize end;

    if (start + 1 >= s->length) {
        s->pos = s->length;
        fail(s, s->pos, "unexpected end of file");
        return FALSE;
    }
    simple = strchr(from, s->text[start + 1]);
    if (s->text[start + 1] != '\0' && simple != NULL) {
        if (decoded != NULL)
            g_string_append_c(decoded, to[simple - from]);
        s->pos = start + 2;
        return TRUE;
    }
    if (s->text[start + 1] != 'u') {
        g_autofree char *shown =
            g_strndup(s->text + start + 1, (gsize)(g_utf8_next_char(s->text + start + 1) -
                                                   (s->text + start + 1)));

        fail(s, start, "invalid escape \"\\%s\" in a string", shown);
        return FALSE;
    }
    c = scan_unicode_escape(s, start, &end);
    if (c == (gunichar)-1)
        return FALSE;
    if (decoded != NULL)
        g_string_append_unichar(decoded, c);
    s->pos = end;
    return TRUE;
}

/* A string at pos (its opening quote); decoded (may be NULL) receives its
 * value.  Raw control characters are not allowed inside. */
static gboolean
scan_string(Scanner *s, GString *decoded)
{
    s->pos++;
    for (;;) {
        gsize run = s->pos;
        guchar c;

        while (s->pos < s->length && s->text[s->pos] != '"' && s->text[s->pos] != '\\' &&
               (guchar)s->text[s->pos] >= 0x20)
            s->pos++;
        if (decoded != NULL)
            g_string_append_len(decoded, s->text + run, (gssize)(s->pos - run));
        if (at_end(s)) {
            fail(s, s->pos, "unexpected end of file (unterminated string)");
            return FALSE;
        }
        c = (guchar)s->text[s->pos];
        if (c == '"') {
            s->pos++;
            return TRUE;
        }
        if (c < 0x20) {
            fail(s, s->pos, "control character U+%04X in a string (escape it)", c);
            return FALSE;
        }
        if (!scan_escape(s, decoded))
            return FALSE;
    }
}

static gsize
skip_digits(Scanner *s)
{
    gsize start = s->pos;

    while (s->pos < s->length && g_ascii_isdigit(s->text[s->pos]))
        s->pos++;
    return s->pos - start;
}

/* RFC 8259 numbers: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
scan_number(Scanner *s)
{
    gsize start = s->pos;
    gsize int_start;

    if (s->text[s->pos] == '-')
        s->pos++;
    int_start = s->pos;
    if (skip_digits(s) == 0)
        goto bad;
    if (s->text[int_start] == '0' && s->pos - int_start > 1) {
        fail(s, start, "invalid number (no leading zeros allowed)");
        return FALSE;
    }
    if (!at_end(s) && s->text[s->pos] == '.') {
        s->pos++;
        if (skip_digits(s) == 0)
            goto bad;
    }
    if (!at_end(s) && (s->text[s->pos] == 'e' || s->text[s->pos] == 'E')) {
        s->pos++;
        if (!at_end(s) && (s->text[s->pos] == '+' || s->text[s->pos] == '-'))
            s->pos++;
        if (skip_digits(s) == 0)
            goto bad;
    }
    return TRUE;
bad:
    fail(s, start, "invalid number");
    return FALSE;
}

/* true, false, null; any other word is named in the message. */
static gboolean
scan_word(Scanner *s)
{
    static const char *const words[] = {"true", "false", "null"};
    gsize start = s->pos;
    gsize n;
    g_autofree char *word = NULL;

    while (s->pos < s->length &&
           (g_ascii_isalnum(s->text[s->pos]) || s->text[s->pos] == '_'))
        s->pos++;
    n = s->pos - start;
    for (gsize i = 0; i < G_N_ELEMENTS(words); i++) {
        if (n == strlen(words[i]) && memcmp(s->text + start, words[i], n) == 0)
            return TRUE;
    }
    word = g_strndup(s->text + start, n);
    fail(s, start,
         "unexpected word \"%s\" (expected a value: a string, a number, an "
         "object, an array, true, false or null)",
         word);
    return FALSE;
}

static gboolean
enter(Scanner *s)
{
    if (++s->depth > MAX_DEPTH) {
        fail(s, s->pos, "nesting too deep (more than %d levels)", MAX_DEPTH);
        return FALSE;
    }
    s->pos++;
    skip_blank(s);
    return TRUE;
}

/* After a ',' the next item must come: a closing bracket here is the
 * common trailing-comma mistake, named as such. */
static gboolean
check_trailing_comma(Scanner *s, char close)
{
    if (!at_end(s) && s->text[s->pos] == close) {
        fail(s, s->pos, "unexpected \"%c\" after \",\" (trailing comma)", close);
        return FALSE;
    }
    return TRUE;
}

/* Is the last key decoded among the keys of the object being checked,
 * keys[base..]?  A large object gets a hash table of its keys, so that a
 * hostile object with very many keys stays linear. */
static gboolean
key_seen(Scanner *s, guint base, GHashTable **index)
{
    const char *key = s->key->str;

    if (*index == NULL && s->keys->len - base < LINEAR_KEYS) {
        for (guint i = base; i < s->keys->len; i++) {
            if (strcmp(s->keys->pdata[i], key) == 0)
                return TRUE;
        }
        return FALSE;
    }
    if (*index == NULL) {
        *index = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = base; i < s->keys->len; i++)
            g_hash_table_add(*index, s->keys->pdata[i]);
    }
    return g_hash_table_contains(*index, key);
}

/* One member's key, decoded into s->key, and its ':'.  When checking, the
 * key must differ from the object's earlier keys (from keys[base]). */
static gboolean
scan_key(Scanner *s, guint base, GHashTable **index)
{
    gsize key_offset = s->pos;
    char *copy;

    if (at_end(s) || s->text[s->pos] != '"') {
        fail_unexpected(s, "a key in double quotes");
        return FALSE;
    }
    g_string_truncate(s->key, 0);
    if (!scan_string(s, s->key))
        return FALSE;
    /* keys (checking) come with an index; locating (find_member()) has neither */
    if (s->keys != NULL && index != NULL && key_seen(s, base, index)) {
        s->problem_path = s->path->len > 0
                              ? g_strdup_printf("%s.%s", s->path->str, s->key->str)
                              : g_strdup(s->key->str);
        fail(s, key_offset, "duplicate key \"%s\"", s->key->str);
        return FALSE;
    }
    if (s->keys != NULL) {
        copy = g_strdup(s->key->str);
        g_ptr_array_add(s->keys, copy);
        if (index != NULL && *index != NULL)
            g_hash_table_add(*index, copy);
    }
    skip_blank(s);
    if (at_end(s) || s->text[s->pos] != ':') {
        fail_unexpected(s, "\":\" after the key");
        return FALSE;
    }
    s->pos++;
    skip_blank(s);
    return TRUE;
}

static gboolean
scan_members(Scanner *s, guint base, GHashTable **index)
{
    gsize path_length = s->path != NULL ? s->path->len : 0;

    if (!enter(s))
        return FALSE;
    if (!at_end(s) && s->text[s->pos] == '}') {
        s->pos++;
        s->depth--;
        return TRUE;
    }
    for (;;) {
        if (!scan_key(s, base, index))
            return FALSE;
        if (s->path != NULL) { /* no printf: this runs for every member */
            if (path_length > 0)
                g_string_append_c(s->path, '.');
            g_string_append_len(s->path, s->key->str, (gssize)s->key->len);
        }
        if (!scan_value(s))
            return FALSE;
        if (s->path != NULL)
            g_string_truncate(s->path, path_length);
        skip_blank(s);
        if (!at_end(s) && s->text[s->pos] == ',') {
            s->pos++;
            skip_blank(s);
            if (!check_trailing_comma(s, '}'))
                return FALSE;
            continue;
        }
        if (!at_end(s) && s->text[s->pos] == '}') {
            s->pos++;
            s->depth--;
            return TRUE;
        }
        fail_unexpected(s, "\",\" or \"}\" after an object member");
        return FALSE;
    }
}

/* The object's keys are dropped from the stack when it ends. */
static gboolean
scan_object(Scanner *s)
{
    guint base = s->keys != NULL ? s->keys->len : 0;
    GHashTable *index = NULL;
    gboolean ok = scan_members(s, base, &index);

    if (index != NULL)
        g_hash_table_unref(index);
    if (s->keys != NULL)
        g_ptr_array_set_size(s->keys, base);
    return ok;
}

/* "[index]" without printf (this runs for every element). */
static void
append_index(GString *path, guint index)
{
    char digits[16];
    int n = 0;

    do {
        digits[n++] = (char)('0' + index % 10);
        index /= 10;
    } while (index > 0);
    g_string_append_c(path, '[');
    while (n > 0)
        g_string_append_c(path, digits[--n]);
    g_string_append_c(path, ']');
}

static gboolean
scan_array(Scanner *s)
{
    gsize path_length = s->path != NULL ? s->path->len : 0;

    if (!enter(s))
        return FALSE;
    if (!at_end(s) && s->text[s->pos] == ']') {
        s->pos++;
        s->depth--;
        return TRUE;
    }
    for (guint index = 0;; index++) {
        if (s->path != NULL)
            append_index(s->path, index);
        if (!scan_value(s))
            return FALSE;
        if (s->path != NULL)
            g_string_truncate(s->path, path_length);
        skip_blank(s);
        if (!at_end(s) && s->text[s->pos] == ',') {
            s->pos++;
            skip_blank(s);
            if (!check_trailing_comma(s, ']'))
                return FALSE;
            continue;
        }
        if (!at_end(s) && s->text[s->pos] == ']') {
            s->pos++;
            s->depth--;
            return TRUE;
        }
        fail_unexpected(s, "\",\" or \"]\" after an array element");
        return FALSE;
    }
}

/* One value at pos (blanks before it already skipped). */
static gboolean
scan_value(Scanner *s)
{
    char c;

    if (at_end(s)) {
        fail(s, s->pos, "unexpected end of file");
        return FALSE;
    }
    c = s->text[s->pos];
    if (c == '{')
        return scan_object(s);
    if (c == '[')
        return scan_array(s);
    if (c == '"')
        return scan_string(s, NULL);
    if (c == '-' || g_ascii_isdigit(c))
        return scan_number(s);
    if (g_ascii_isalpha(c))
        return scan_word(s);
    fail_unexpected(s, "a value");
    return FALSE;
}

/* The whole document must be one value, with only blanks after it. */
gboolean
rotap_json_check_text(const char *text, gsize length, gsize *offset, char **path,
                      char **problem)
{
    Scanner s;

    scanner_init(&s, text, length, TRUE);
    skip_blank(&s);
    if (scan_value(&s)) {
        skip_blank(&s);
        if (at_end(&s)) {
            scanner_clear(&s);
            return TRUE;
        }
        fail(&s, s.pos, "unexpected text after the end of the document");
    }
    *offset = s.error_offset;
    *problem = g_steal_pointer(&s.problem);
    *path = g_steal_pointer(&s.problem_path);
    scanner_clear(&s);
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
find_member(Scanner *s, const char *key, gsize *key_offset)
{
    s->pos++;
    skip_blank(s);
    while (!at_end(s) && s->text[s->pos] == '"') {
        *key_offset = s->pos;
        if (!scan_key(s, 0, NULL))
            return FALSE;
        if (strcmp(s->key->str, key) == 0)
            return TRUE;
        if (!scan_value(s))
            return FALSE;
        skip_blank(s);
        if (at_end(s) || s->text[s->pos] != ',')
            return FALSE;
        s->pos++;
        skip_blank(s);
    }
    return FALSE;
}

/* Inside the array at s->pos, move to element index. */
static gboolean
find_element(Scanner *s, gint64 index)
{
    s->pos++;
    skip_blank(s);
    if (at_end(s) || s->text[s->pos] == ']')
        return FALSE;
    for (gint64 i = 0; i < index; i++) {
        if (!scan_value(s))
            return FALSE;
        skip_blank(s);
        if (at_end(s) || s->text[s->pos] != ',')
            return FALSE;
        s->pos++;
        skip_blank(s);
    }
    return !at_end(s);
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
    Scanner s;

    *offset = 0;
    scanner_init(&s, text, length, FALSE);
    skip_blank(&s);
    if (at_end(&s)) {
        scanner_clear(&s);
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
            scanner_clear(&s);
            return TRUE;
        }
    }
    scanner_clear(&s);
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
    Scanner s;
    gboolean ok = TRUE;

    scanner_init(&s, text, length, FALSE);
    skip_blank(&s);
    if (at_end(&s) || text[s.pos] != '{') {
        scanner_clear(&s);
        return FALSE;
    }
    s.pos++;
    skip_blank(&s);
    while (ok && !at_end(&s) && text[s.pos] == '"') {
        RotapJsonSpan member = {NULL, 0, 0};

        if (!scan_key(&s, 0, NULL)) {
            ok = FALSE;
            break;
        }
        member.key = g_strdup(s.key->str); /* before the value's own keys */
        member.start = s.pos;
        if (!scan_value(&s)) {
            g_free(member.key);
            ok = FALSE;
            break;
        }
        member.end = s.pos;
        g_array_append_val(members, member);
        skip_blank(&s);
        if (!at_end(&s) && text[s.pos] == ',') {
            s.pos++;
            skip_blank(&s);
        }
    }
    scanner_clear(&s);
    return ok;
}

struct RotapJsonCursor {
    Scanner s;
};

RotapJsonCursor *
rotap_json_cursor_new(const char *text, gsize length, gsize open)
{
    RotapJsonCursor *cursor = g_new0(RotapJsonCursor, 1);

    scanner_init(&cursor->s, text, length, FALSE);
    cursor->s.pos = open + 1;
    skip_blank(&cursor->s);
    return cursor;
}

gboolean
rotap_json_cursor_next(RotapJsonCursor *cursor, gsize *start, gsize *end)
{
    Scanner *s = &cursor->s;

    if (at_end(s) || s->text[s->pos] == ']')
        return FALSE;
    *start = s->pos;
    if (!scan_value(s))
        return FALSE;
    *end = s->pos;
    skip_blank(s);
    if (!at_end(s) && s->text[s->pos] == ',') {
        s->pos++;
        skip_blank(s);
    }
    return TRUE;
}

void
rotap_json_cursor_free(RotapJsonCursor *cursor)
{
    if (cursor == NULL)
        return;
    scanner_clear(&cursor->s);
    g_free(cursor);
}
