/* SPDX-License-Identifier: MIT */
/* json-pull.c: reading a JSON text value by value, in one pass, without a tree. */
#include "config.h"

#include <string.h>

#include "json-private.h"
#include "json-scan-private.h"

/*
 * A pull reader walks the text once with the strict scanner of json-scan.c
 * and hands the caller one key or scalar at a time, so that a large
 * document of a known shape is read without building a json-c tree.  It
 * has no messages of its own: any surprise (a syntax error, a value of
 * another type, a string holding \u0000, a number that is not a plain
 * non-negative integer) makes a call return FALSE, and the caller then
 * reads the text the ordinary way, which words the error.
 */
struct RotapJsonPull {
    RotapScanner s;
    gboolean failed; /* sticky: every later call fails too */
};

/* FALSE, remembered: a caller that takes a failed rotap_json_pull_next()
 * for the end of a container still finds out at rotap_json_pull_done(). */
static gboolean
refuse(RotapJsonPull *pull)
{
    pull->failed = TRUE;
    return FALSE;
}

RotapJsonPull *
rotap_json_pull_new(const char *text, gsize length)
{
    RotapJsonPull *pull = g_new0(RotapJsonPull, 1);

    /* checking: values skipped whole are judged like rotap_json_check_text() */
    rotap_scanner_init(&pull->s, text, length, TRUE);
    rotap_scan_skip_blank(&pull->s);
    return pull;
}

void
rotap_json_pull_free(RotapJsonPull *pull)
{
    if (pull == NULL)
        return;
    rotap_scanner_clear(&pull->s);
    g_free(pull);
}

static gboolean
at_char(const RotapScanner *s, char c)
{
    return !rotap_scan_at_end(s) && s->text[s->pos] == c;
}

gboolean
rotap_json_pull_open(RotapJsonPull *pull, char open)
{
    if (pull->failed || !at_char(&pull->s, open) || !rotap_scan_enter(&pull->s))
        return refuse(pull);
    return TRUE;
}

gboolean
rotap_json_pull_next(RotapJsonPull *pull, char close, guint index)
{
    RotapScanner *s = &pull->s;

    if (pull->failed)
        return FALSE;
    if (at_char(s, close)) {
        s->pos++;
        s->depth--;
        rotap_scan_skip_blank(s);
        return FALSE;
    }
    if (index > 0) {
        if (!at_char(s, ','))
            return refuse(pull);
        s->pos++;
        rotap_scan_skip_blank(s);
        if (!rotap_scan_trailing_comma(s, close))
            return refuse(pull);
    }
    if (rotap_scan_at_end(s))
        return refuse(pull);
    return TRUE;
}

/* A decoded text is usable as a C string when it holds no \u0000. */
static gboolean
no_nul(const GString *text)
{
    return memchr(text->str, '\0', text->len) == NULL;
}

gboolean
rotap_json_pull_key(RotapJsonPull *pull, const char **key)
{
    RotapScanner *s = &pull->s;

    if (pull->failed || !rotap_scan_key(s, 0, NULL) || !no_nul(s->key))
        return refuse(pull);
    *key = s->key->str;
    return TRUE;
}

gboolean
rotap_json_pull_string(RotapJsonPull *pull, GString *out)
{
    RotapScanner *s = &pull->s;

    g_string_truncate(out, 0);
    if (pull->failed || !at_char(s, '"') || !rotap_scan_string(s, out) || !no_nul(out))
        return refuse(pull);
    rotap_scan_skip_blank(s);
    return TRUE;
}

gboolean
rotap_json_pull_uint(RotapJsonPull *pull, guint64 max, guint64 *out)
{
    RotapScanner *s = &pull->s;
    gsize start = s->pos;
    guint64 value = 0;

    if (pull->failed || rotap_scan_at_end(s) || !g_ascii_isdigit(s->text[start]) ||
        !rotap_scan_number(s))
        return refuse(pull);
    for (gsize i = start; i < s->pos; i++) {
        int digit = s->text[i] - '0';

        /* a fraction or an exponent, or beyond max */
        if (digit < 0 || digit > 9 || value > (max - (guint64)digit) / 10)
            return refuse(pull);
        value = value * 10 + (guint64)digit;
    }
    *out = value;
    rotap_scan_skip_blank(s);
    return TRUE;
}

gboolean
rotap_json_pull_bool(RotapJsonPull *pull, gboolean *out)
{
    RotapScanner *s = &pull->s;
    gsize start = s->pos;

    if (pull->failed || rotap_scan_at_end(s) ||
        (s->text[start] != 't' && s->text[start] != 'f') || !rotap_scan_word(s))
        return refuse(pull);
    *out = s->text[start] == 't';
    rotap_scan_skip_blank(s);
    return TRUE;
}

gboolean
rotap_json_pull_skip(RotapJsonPull *pull, char kind)
{
    RotapScanner *s = &pull->s;

    if (pull->failed || (kind != '\0' && !at_char(s, kind)) || !rotap_scan_value(s))
        return refuse(pull);
    rotap_scan_skip_blank(s);
    return TRUE;
}

gboolean
rotap_json_pull_done(const RotapJsonPull *pull)
{
    return !pull->failed && rotap_scan_at_end(&pull->s);
}
