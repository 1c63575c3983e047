/* SPDX-License-Identifier: MIT */
/* json-scan-private.h: the strict JSON tokenizer shared by json-locate.c and json-pull.c.
 */
#ifndef ROTA_JSON_SCAN_PRIVATE_H
#define ROTA_JSON_SCAN_PRIVATE_H

#include <glib.h>

/*
 * A position in a JSON text and what went wrong there.  The text is valid
 * UTF-8 without NUL bytes (the caller checks that first).  A "checking"
 * scanner also keeps the JSON path of the value being scanned and the keys
 * of the open objects, so that it can name a duplicate key; the others only
 * move over the text.  On failure, problem (and for a duplicate key
 * problem_path) are set once: the first problem wins.
 */
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
} RotapScanner;

/* Starts at the beginning of text, after a UTF-8 byte order mark. */
void rotap_scanner_init(RotapScanner *s, const char *text, gsize length,
                        gboolean checking);
void rotap_scanner_clear(RotapScanner *s);

void rotap_scan_fail(RotapScanner *s, gsize offset, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

static inline gboolean
rotap_scan_at_end(const RotapScanner *s)
{
    return s->pos >= s->length;
}

static inline void
rotap_scan_skip_blank(RotapScanner *s)
{
    while (s->pos < s->length) {
        char c = s->text[s->pos];

        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        s->pos++;
    }
}

/* Each scans one token or value at s->pos (blanks before it skipped) and
 * leaves s->pos after it; FALSE after rotap_scan_fail(). */

/* Any value: object, array, string, number, true, false or null. */
gboolean rotap_scan_value(RotapScanner *s);
/* A string at its opening quote; decoded (may be NULL) receives its value. */
gboolean rotap_scan_string(RotapScanner *s, GString *decoded);
/* An RFC 8259 number. */
gboolean rotap_scan_number(RotapScanner *s);
/* true, false or null. */
gboolean rotap_scan_word(RotapScanner *s);
/* A member's key into s->key, then its ':'.  A checking scanner also
 * rejects a key equal to one of the object's earlier keys, keys[base..]
 * (index may be NULL when not checking). */
gboolean rotap_scan_key(RotapScanner *s, guint base, GHashTable **index);
/* Over the '{' or '[' at s->pos, one level deeper (at most 32 levels). */
gboolean rotap_scan_enter(RotapScanner *s);
/* After a ',': fails on close here, the trailing-comma mistake. */
gboolean rotap_scan_trailing_comma(RotapScanner *s, char close);

#endif
