/* SPDX-License-Identifier: MIT */
/* import-csv.c: a sheet's bytes as Excel and WPS save them (UTF-8 or GB18030, comma or
 * tab, CRLF) into rows, with libcsv. */
#include "config.h"

#include "import/import-private.h"

#include <csv.h>
#include <string.h>

/*
 * Encoding: a UTF-8 BOM means UTF-8; else the whole file valid as UTF-8 is
 * UTF-8; else the whole file valid as GB18030 (what Excel and WPS save as
 * "CSV" on Chinese Windows) is converted with g_convert(); else it is an
 * error naming the first line holding a byte that is neither.  The
 * encoding read is kept for the summary, so a guess is never silent.
 *
 * Rows: libcsv in strict mode does the RFC 4180 quoting.  It does not
 * count lines, so the text is fed one line at a time: a record starts on
 * the first line that is fed while no record is open.
 */

static void
row_free(gpointer data)
{
    RotapCsvRow *row = data;

    if (row == NULL)
        return;
    g_strfreev(row->cells);
    g_free(row);
}

void
rotap_csv_free(RotapCsv *csv)
{
    if (csv == NULL)
        return;
    g_free(csv->name);
    row_free(csv->header);
    if (csv->rows != NULL)
        g_ptr_array_unref(csv->rows);
    g_free(csv);
}

/* The 1-based line holding byte offset. */
static int
line_of(const char *data, gsize offset)
{
    int line = 1;

    for (gsize i = 0; i < offset; i++) {
        if (data[i] == '\n')
            line++;
    }
    return line;
}

static gboolean
valid_gb18030(const char *data, gsize length, gsize *bad)
{
    g_autoptr(GError) error = NULL;
    gsize read = 0;
    g_autofree char *out =
        g_convert(data, (gssize)length, "UTF-8", "GB18030", &read, NULL, &error);

    *bad = read;
    return out != NULL;
}

/* The first line that is neither UTF-8 nor GB18030; 0 if every line is
 * one of them (the file then mixes the two). */
static int
first_bad_line(const char *data, gsize length)
{
    gsize start = 0;
    int line = 1;

    while (start < length) {
        const char *nl = memchr(data + start, '\n', length - start);
        gsize end = nl != NULL ? (gsize)(nl - data) + 1 : length;
        gsize bad;

        if (!g_utf8_validate_len(data + start, end - start, NULL) &&
            !valid_gb18030(data + start, end - start, &bad))
            return line;
        start = end;
        line++;
    }
    return 0;
}

/* The text as UTF-8 (newly allocated), or NULL with an error added. */
static char *
decode(RotapCsv *csv, int file, const char *data, gsize length, gsize *out_length,
       RotapErrors *errors)
{
    const char *end = NULL;
    gsize bad = 0;
    int line;

    if (length >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        csv->encoding = "UTF-8 with BOM";
        if (g_utf8_validate_len(data + 3, length - 3, &end)) {
            *out_length = length - 3;
            return g_strndup(data + 3, length - 3);
        }
        rotap_errors_add_line(
            errors, file, csv->name, line_of(data, (gsize)(end - data)),
            ROTAP_TR(errors, "not UTF-8, although the file starts with a UTF-8 BOM"));
        return NULL;
    }
    if (g_utf8_validate_len(data, length, NULL)) {
        csv->encoding = "UTF-8";
        *out_length = length;
        return g_strndup(data, length);
    }
    if (valid_gb18030(data, length, &bad)) {
        csv->encoding = "GB18030";
        return g_convert(data, (gssize)length, "UTF-8", "GB18030", NULL, out_length,
                         NULL);
    }
    line = first_bad_line(data, length);
    if (line > 0)
        rotap_errors_add_line(
            errors, file, csv->name, line,
            ROTAP_TR(errors,
                     "bytes that are neither UTF-8 nor GB18030 (save the sheet as \"CSV "
                     "UTF-8\")"));
    else if (!g_utf8_validate_len(data, length, &end))
        rotap_errors_add_line(
            errors, file, csv->name, line_of(data, (gsize)(end - data)),
            ROTAP_TR(errors,
                     "this line is not UTF-8 and other lines are not GB18030: the file "
                     "mixes the two (save the sheet again as \"CSV UTF-8\")"));
    return NULL;
}

typedef struct {
    RotapCsv *csv;
    GPtrArray *cells; /* of the record being read */
    int start;        /* its first line, 0 while no record is open */
    gboolean failed;
} Reader;

/* A cell, trimmed; a line break inside it reads as LF, as Excel writes it
 * inside a cell even in a CRLF file. */
static void
on_field(void *field, size_t length, void *data)
{
    Reader *r = data;
    char *cell = g_strndup(field != NULL ? field : "", length);
    char *out = cell;

    for (const char *p = cell; *p != '\0'; p++) {
        if (!(p[0] == '\r' && p[1] == '\n'))
            *out++ = *p;
    }
    *out = '\0';
    g_ptr_array_add(r->cells, rotap_trim(cell));
}

static void
on_record(int terminator, void *data)
{
    Reader *r = data;
    RotapCsvRow *row;
    gboolean blank = TRUE;

    for (guint i = 0; i < r->cells->len; i++)
        blank = blank && *(char *)r->cells->pdata[i] == '\0';
    if (blank && r->csv->header != NULL) {
        g_ptr_array_set_size(r->cells, 0);
        r->start = 0;
        return;
    }
    row = g_new0(RotapCsvRow, 1);
    row->line = r->start > 0 ? r->start : 1;
    row->n_cells = (int)r->cells->len;
    g_ptr_array_add(r->cells, NULL);
    row->cells = (char **)g_ptr_array_free(r->cells, FALSE);
    r->cells = g_ptr_array_new_with_free_func(g_free);
    if (r->csv->header == NULL && !blank)
        r->csv->header = row;
    else if (r->csv->header == NULL)
        row_free(row);
    else
        g_ptr_array_add(r->csv->rows, row);
    r->start = 0;
}

static int
is_space_comma(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static int
is_space_tab(unsigned char c)
{
    return c == ' ';
}

/* Tab when the header line holds a tab outside quotes (a header cell may
 * hold a comma, as in "名称, 全称"), else comma. */
static char
detect_delimiter(const char *text)
{
    gboolean quoted = FALSE;

    for (const char *p = text; *p != '\0' && (quoted || *p != '\n'); p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == '\t')
            return '\t';
    }
    return ',';
}

static gboolean
blank_line(const char *line, gsize length)
{
    for (gsize i = 0; i < length; i++) {
        if (strchr(" \t\r\n", line[i]) == NULL)
            return FALSE;
    }
    return TRUE;
}

static void
parse_error(Reader *r, int file, int line, RotapErrors *errors)
{
    rotap_errors_add_line(
        errors, file, r->csv->name, line,
        ROTAP_TR(errors,
                 "bad quoting: a quote inside an unquoted cell, text after a closing "
                 "quote, or a quote never closed"));
    r->failed = TRUE;
}

/* Feed text to libcsv line by line, noting where each record starts. */
static void
feed_lines(struct csv_parser *parser, Reader *r, const char *text, gsize length, int file,
           RotapErrors *errors)
{
    gsize start = 0;
    int line = 1;

    while (start < length && !r->failed) {
        const char *nl = memchr(text + start, '\n', length - start);
        gsize end = nl != NULL ? (gsize)(nl - text) + 1 : length;

        if (r->start == 0 && !blank_line(text + start, end - start))
            r->start = line;
        if (csv_parse(parser, text + start, end - start, on_field, on_record, r) !=
            end - start)
            parse_error(r, file, line, errors);
        start = end;
        line++;
    }
    if (!r->failed && csv_fini(parser, on_field, on_record, r) != 0)
        parse_error(r, file, r->start > 0 ? r->start : line - 1, errors);
}

RotapCsv *
rotap_csv_parse(const char *name, int file, const char *data, gsize length,
                RotapErrors *errors)
{
    RotapCsv *csv = g_new0(RotapCsv, 1);
    struct csv_parser parser;
    g_autofree char *text = NULL;
    gsize text_length = 0;
    Reader r = {csv, NULL, 0, FALSE};

    csv->name = g_strdup(name);
    csv->rows = g_ptr_array_new_with_free_func(row_free);
    text = decode(csv, file, data, length, &text_length, errors);
    if (text == NULL) {
        rotap_csv_free(csv);
        return NULL;
    }
    csv->delimiter = detect_delimiter(text);
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        g_error("libcsv: out of memory");
    csv_set_delim(&parser, (unsigned char)csv->delimiter);
    csv_set_space_func(&parser, csv->delimiter == '\t' ? is_space_tab : is_space_comma);
    r.cells = g_ptr_array_new_with_free_func(g_free);
    feed_lines(&parser, &r, text, text_length, file, errors);
    csv_free(&parser);
    g_ptr_array_unref(r.cells);
    if (r.failed) {
        rotap_csv_free(csv);
        return NULL;
    }
    return csv;
}
