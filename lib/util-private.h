/* SPDX-License-Identifier: MIT */
/* util-private.h: dates, times, text positions and atomic files, shared by all of lib/. */
#ifndef ROTA_UTIL_PRIVATE_H
#define ROTA_UTIL_PRIVATE_H

#include <rota/rota.h>

/* Strict "YYYY-MM-DD" (a real calendar date).  FALSE on anything else. */
gboolean rotap_parse_date(const char *text, GDate *date);
/* "YYYY-MM-DD" of date, newly allocated. */
char *rotap_format_date(const GDate *date);
/* Strict "HH:MM", 00:00..23:59, and "24:00" when allow_24 is TRUE:
 * minutes after midnight, or -1 when malformed. */
int rotap_parse_time(const char *text, gboolean allow_24);

/* The 1-based line and column (in characters, counting UTF-8 sequences)
 * of byte offset in text. */
void rotap_text_position(const char *text, gsize length, gsize offset, int *line,
                         int *column);

/* Appends text to out as one CSV field (RFC 4180): as it is, or in double
 * quotes (inner quotes doubled) when it holds a comma, a quote, a tab or a
 * line end, so that it reads back whether the file is comma- or
 * tab-separated.  The caller writes the separators. */
void rotap_csv_append_field(GString *out, const char *text);

/* Appends value's decimal digits to out: what "%u" would, without printf's
 * cost where ids and paths are made by the hundred thousand. */
void rotap_append_uint(GString *out, guint value);

/* Byte offset of the value at a JSON path such as "people[12].off[0]" or
 * "rules.weights.fairness" in a well-formed JSON text; for a trailing
 * ".key" that is not present, the offset of the enclosing object.  Returns
 * FALSE if no prefix of the path can be found (offset is then 0). */
gboolean rotap_json_locate(const char *text, gsize length, const char *path,
                           gsize *offset);

/* Write a whole file atomically: a temporary file beside path, fsync, then
 * rename; on failure path is untouched and the temporary file removed.
 * A symlink is followed (its target replaced); an existing device or FIFO
 * is written in place. */
gboolean rotap_write_file_atomic(const char *path, const char *data, gsize length,
                                 GError **error);
/* The same for a published tree: the temporary file lives in staging (a
 * folder on path's file system, outside what is served), mode 0644;
 * fsync only when sync. */
gboolean rotap_write_file_staged(const char *path, const char *staging, const char *data,
                                 gsize length, gboolean sync, GError **error);

/* The input size cap: ROTA_MAX_INPUT (bytes, K/M/G suffixes) or 256 MB. */
gboolean rotap_max_input(guint64 *limit, GError **error);
/* Read a whole file of at most rotap_max_input() bytes; ROTA_ERROR_IO
 * naming path on failure. */
gboolean rotap_read_file(const char *path, char **data, gsize *length, GError **error);

/* n_blocks * block_size bytes, zeroed, for arrays sized by the input (people
 * x days, ...): NULL with ROTA_ERROR_FAILED "out of memory" naming what when
 * the product overflows or the allocation fails, where g_new0() aborts. */
gpointer rotap_try_alloc0(gsize n_blocks, gsize block_size, const char *what,
                          GError **error);
/* Set ROTA_ERROR_FAILED "out of memory: WHAT need N MB" for a block of
 * bytes that could not be had; returns FALSE, for "return rotap_...". */
gboolean rotap_set_out_of_memory(GError **error, const char *what, double bytes);
/* result, or an abort with (*error)->message when it is NULL: for callers
 * with no way to report a failure, as g_new() would have done. */
gpointer rotap_or_abort(gpointer result, GError **error);

/* References of the boxed types (lib/util-gtype.c): an object made with
 * g_new0() has one owner; rotap_extra_ref() adds a reference (the boxed
 * copy function, used by language bindings), and the object's _free()
 * function frees it only when rotap_extra_unref() says the last
 * reference went. */
void rotap_extra_ref(gint *extra_refs);
gboolean rotap_extra_unref(gint *extra_refs);

#endif
