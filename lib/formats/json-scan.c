/* SPDX-License-Identifier: MIT */
/* json-scan.c: the strict JSON tokenizer under json-locate.c and json-pull.c. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "json-scan-private.h"
#include "util-private.h"

/*
 * json-c accepts more than RFC 8259 even in strict mode (single quotes,
 * "1.", NaN, raw tabs in strings, lone surrogates) and silently keeps the
 * last of two equal keys, and it records no positions.  This scanner walks
 * the text itself: it is the strict judge of the syntax and finds duplicate
 * keys.  The input is assumed to be valid UTF-8 without NUL bytes (the
 * caller checks that first); nothing here allocates per byte.
 */

#define MAX_DEPTH 32
/* Objects with fewer keys are searched for duplicates without hashing. */
#define LINEAR_KEYS 16

void
rotap_scanner_init(RotapScanner *s, const char *text, gsize length, gboolean checking)
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

void
rotap_scanner_clear(RotapScanner *s)
{
    g_string_free(s->key, TRUE);
    if (s->path != NULL)
        g_string_free(s->path, TRUE);
    if (s->keys != NULL)
        g_ptr_array_unref(s->keys);
    g_free(s->problem);
    g_free(s->problem_path);
}

void
rotap_scan_fail(RotapScanner *s, gsize offset, const char *format, ...)
{
    va_list args;

    if (s->problem != NULL)
        return;
    va_start(args, format);
    /* format is a message of the catalogue (po/Makevars marks the calls) */
    s->problem = g_strdup_vprintf(_(format), args);
    va_end(args);
    s->error_offset = offset;
}

/* Describe the character at pos for a message: the whole UTF-8 sequence. */
static void
fail_unexpected(RotapScanner *s, const char *expected)
{
    const char *here = s->text + s->pos;
    g_autofree char *shown = NULL;

    if (rotap_scan_at_end(s)) {
        rotap_scan_fail(s, s->pos, "unexpected end of file");
        return;
    }
    shown = g_strndup(here, (gsize)(g_utf8_next_char(here) - here));
    if (*here == '\'')
        rotap_scan_fail(s, s->pos, "unexpected \"'\" (strings use double quotes)");
    else if (*here == '/')
        rotap_scan_fail(s, s->pos, "comments are not allowed in JSON");
    else
        rotap_scan_fail(s, s->pos, "unexpected \"%s\" (expected %s)", shown, _(expected));
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
read_hex4(const RotapScanner *s, gsize pos)
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
scan_unicode_escape(RotapScanner *s, gsize pos, gsize *end)
{
    int high = read_hex4(s, pos + 2);
    int low;

    if (high < 0) {
        rotap_scan_fail(s, pos, "invalid \\u escape in a string (expected 4 hex digits)");
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
        rotap_scan_fail(s, pos, "unpaired surrogate \\u%04x in a string", (unsigned)high);
        return (gunichar)-1;
    }
    *end = pos + 12;
    return 0x10000 + (((gunichar)high - 0xD800) << 10) + ((gunichar)low - 0xDC00);
}

static gboolean
scan_escape(RotapScanner *s, GString *decoded)
{
    static const char from[] = "\"\\/bfnrt";
    static const char to[] = "\"\\/\b\f\n\r\t";
    gsize start = s->pos;
    const char *simple;
    gunichar c;
    gsize end;

    if (start + 1 >= s->length) {
        s->pos = s->length;
        rotap_scan_fail(s, s->pos, "unexpected end of file");
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

        rotap_scan_fail(s, start, "invalid escape \"\\%s\" in a string", shown);
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
gboolean
rotap_scan_string(RotapScanner *s, GString *decoded)
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
        if (rotap_scan_at_end(s)) {
            rotap_scan_fail(s, s->pos, "unexpected end of file (unterminated string)");
            return FALSE;
        }
        c = (guchar)s->text[s->pos];
        if (c == '"') {
            s->pos++;
            return TRUE;
        }
        if (c < 0x20) {
            rotap_scan_fail(s, s->pos, "control character U+%04X in a string (escape it)",
                            c);
            return FALSE;
        }
        if (!scan_escape(s, decoded))
            return FALSE;
    }
}

static gsize
skip_digits(RotapScanner *s)
{
    gsize start = s->pos;

    while (s->pos < s->length && g_ascii_isdigit(s->text[s->pos]))
        s->pos++;
    return s->pos - start;
}

/* RFC 8259 numbers: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
gboolean
rotap_scan_number(RotapScanner *s)
{
    gsize start = s->pos;
    gsize int_start;

    if (s->text[s->pos] == '-')
        s->pos++;
    int_start = s->pos;
    if (skip_digits(s) == 0)
        goto bad;
    if (s->text[int_start] == '0' && s->pos - int_start > 1) {
        rotap_scan_fail(s, start, "invalid number (no leading zeros allowed)");
        return FALSE;
    }
    if (!rotap_scan_at_end(s) && s->text[s->pos] == '.') {
        s->pos++;
        if (skip_digits(s) == 0)
            goto bad;
    }
    if (!rotap_scan_at_end(s) && (s->text[s->pos] == 'e' || s->text[s->pos] == 'E')) {
        s->pos++;
        if (!rotap_scan_at_end(s) && (s->text[s->pos] == '+' || s->text[s->pos] == '-'))
            s->pos++;
        if (skip_digits(s) == 0)
            goto bad;
    }
    return TRUE;
bad:
    rotap_scan_fail(s, start, "invalid number");
    return FALSE;
}

/* true, false, null; any other word is named in the message. */
gboolean
rotap_scan_word(RotapScanner *s)
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
    rotap_scan_fail(s, start,
                    "unexpected word \"%s\" (expected a value: a string, a number, an "
                    "object, an array, true, false or null)",
                    word);
    return FALSE;
}

gboolean
rotap_scan_enter(RotapScanner *s)
{
    if (++s->depth > MAX_DEPTH) {
        rotap_scan_fail(s, s->pos, "nesting too deep (more than %d levels)", MAX_DEPTH);
        return FALSE;
    }
    s->pos++;
    rotap_scan_skip_blank(s);
    return TRUE;
}

/* After a ',' the next item must come: a closing bracket here is the
 * common trailing-comma mistake, named as such. */
gboolean
rotap_scan_trailing_comma(RotapScanner *s, char close)
{
    if (!rotap_scan_at_end(s) && s->text[s->pos] == close) {
        rotap_scan_fail(s, s->pos, "unexpected \"%c\" after \",\" (trailing comma)",
                        close);
        return FALSE;
    }
    return TRUE;
}

/* Is the last key decoded among the keys of the object being checked,
 * keys[base..]?  A large object gets a hash table of its keys, so that a
 * hostile object with very many keys stays linear. */
static gboolean
key_seen(RotapScanner *s, guint base, GHashTable **index)
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
gboolean
rotap_scan_key(RotapScanner *s, guint base, GHashTable **index)
{
    gsize key_offset = s->pos;
    char *copy;

    if (rotap_scan_at_end(s) || s->text[s->pos] != '"') {
        fail_unexpected(s, N_("a key in double quotes"));
        return FALSE;
    }
    g_string_truncate(s->key, 0);
    if (!rotap_scan_string(s, s->key))
        return FALSE;
    /* keys (checking) come with an index; locating (find_member()) has neither */
    if (s->keys != NULL && index != NULL && key_seen(s, base, index)) {
        s->problem_path = s->path != NULL && s->path->len > 0
                              ? g_strdup_printf("%s.%s", s->path->str, s->key->str)
                              : g_strdup(s->key->str);
        rotap_scan_fail(s, key_offset, "duplicate key \"%s\"", s->key->str);
        return FALSE;
    }
    if (s->keys != NULL && index != NULL) {
        copy = g_strdup(s->key->str);
        g_ptr_array_add(s->keys, copy);
        if (index != NULL && *index != NULL)
            g_hash_table_add(*index, copy);
    }
    rotap_scan_skip_blank(s);
    if (rotap_scan_at_end(s) || s->text[s->pos] != ':') {
        fail_unexpected(s, N_("\":\" after the key"));
        return FALSE;
    }
    s->pos++;
    rotap_scan_skip_blank(s);
    return TRUE;
}

static gboolean
scan_members(RotapScanner *s, guint base, GHashTable **index)
{
    gsize path_length = s->path != NULL ? s->path->len : 0;

    if (!rotap_scan_enter(s))
        return FALSE;
    if (!rotap_scan_at_end(s) && s->text[s->pos] == '}') {
        s->pos++;
        s->depth--;
        return TRUE;
    }
    for (;;) {
        if (!rotap_scan_key(s, base, index))
            return FALSE;
        if (s->path != NULL) { /* no printf: this runs for every member */
            if (path_length > 0)
                g_string_append_c(s->path, '.');
            g_string_append_len(s->path, s->key->str, (gssize)s->key->len);
        }
        if (!rotap_scan_value(s))
            return FALSE;
        if (s->path != NULL)
            g_string_truncate(s->path, path_length);
        rotap_scan_skip_blank(s);
        if (!rotap_scan_at_end(s) && s->text[s->pos] == ',') {
            s->pos++;
            rotap_scan_skip_blank(s);
            if (!rotap_scan_trailing_comma(s, '}'))
                return FALSE;
            continue;
        }
        if (!rotap_scan_at_end(s) && s->text[s->pos] == '}') {
            s->pos++;
            s->depth--;
            return TRUE;
        }
        fail_unexpected(s, N_("\",\" or \"}\" after an object member"));
        return FALSE;
    }
}

/* The object's keys are dropped from the stack when it ends. */
static gboolean
scan_object(RotapScanner *s)
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
    g_string_append_c(path, '[');
    rotap_append_uint(path, index);
    g_string_append_c(path, ']');
}

static gboolean
scan_array(RotapScanner *s)
{
    gsize path_length = s->path != NULL ? s->path->len : 0;

    if (!rotap_scan_enter(s))
        return FALSE;
    if (!rotap_scan_at_end(s) && s->text[s->pos] == ']') {
        s->pos++;
        s->depth--;
        return TRUE;
    }
    for (guint index = 0;; index++) {
        if (s->path != NULL)
            append_index(s->path, index);
        if (!rotap_scan_value(s))
            return FALSE;
        if (s->path != NULL)
            g_string_truncate(s->path, path_length);
        rotap_scan_skip_blank(s);
        if (!rotap_scan_at_end(s) && s->text[s->pos] == ',') {
            s->pos++;
            rotap_scan_skip_blank(s);
            if (!rotap_scan_trailing_comma(s, ']'))
                return FALSE;
            continue;
        }
        if (!rotap_scan_at_end(s) && s->text[s->pos] == ']') {
            s->pos++;
            s->depth--;
            return TRUE;
        }
        fail_unexpected(s, N_("\",\" or \"]\" after an array element"));
        return FALSE;
    }
}

/* One value at pos (blanks before it already skipped). */
gboolean
rotap_scan_value(RotapScanner *s)
{
    char c;

    if (rotap_scan_at_end(s)) {
        rotap_scan_fail(s, s->pos, "unexpected end of file");
        return FALSE;
    }
    c = s->text[s->pos];
    if (c == '{')
        return scan_object(s);
    if (c == '[')
        return scan_array(s);
    if (c == '"')
        return rotap_scan_string(s, NULL);
    if (c == '-' || g_ascii_isdigit(c))
        return rotap_scan_number(s);
    if (g_ascii_isalpha(c))
        return rotap_scan_word(s);
    fail_unexpected(s, N_("a value"));
    return FALSE;
}
