/* SPDX-License-Identifier: MIT */
/* util-text.c: byte offsets to 1-based line and character columns; CSV fields. */
#include "config.h"

#include "util-private.h"

#include <string.h>

/*
 * Columns count characters, not bytes, so that an editor lands on the
 * right place in a line of Chinese text.  A byte that does not start a
 * UTF-8 sequence (a continuation byte, or invalid input) is not counted,
 * except that an invalid lead byte counts as one character.  A CR before
 * LF is part of the line end; a lone CR is an ordinary character.
 */
void
rotap_text_position(const char *text, gsize length, gsize offset, int *line,
                    int *column)
{
    int l = 1, c = 1;

    if (offset > length)
        offset = length;
    for (gsize i = 0; i < offset; i++) {
        guchar byte = (guchar)text[i];

        if (byte == '\n') {
            l++;
            c = 1;
        } else if (byte == '\r' && i + 1 < length && text[i + 1] == '\n') {
            continue;
        } else if ((byte & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

void
rotap_append_uint(GString *out, guint value)
{
    char digits[sizeof(guint) * 3];
    int n = 0;

    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value > 0);
    while (n > 0)
        g_string_append_c(out, digits[--n]);
}

void
rotap_csv_append_field(GString *out, const char *text)
{
    if (strpbrk(text, ",\"\r\n\t") == NULL) {
        g_string_append(out, text);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}
