/* SPDX-License-Identifier: MIT */
/* import-text.c: the import's error list and the reading of cell values (lists, numbers,
 * dates). */
#include "config.h"

#include "import/import-private.h"
#include "util-private.h"

#include <stdlib.h>
#include <string.h>

static void
error_clear(gpointer data)
{
    g_free(((RotapImportError *)data)->text);
}

void
rotap_errors_init(RotapErrors *errors, gboolean chinese)
{
    errors->chinese = chinese;
    errors->items = g_array_new(FALSE, TRUE, sizeof(RotapImportError));
    g_array_set_clear_func(errors->items, error_clear);
}

void
rotap_errors_clear(RotapErrors *errors)
{
    g_clear_pointer(&errors->items, g_array_unref);
}

/* Every error is added through here; row and col only sort. */
static void
errors_add(RotapErrors *errors, int file, int row, int col, char *text)
{
    RotapImportError item = {file, row, col, text};

    g_array_append_val(errors->items, item);
}

void
rotap_errors_add_line(RotapErrors *errors, int file, const char *name, int row,
                      const char *format, ...)
{
    va_list args;
    g_autofree char *message = NULL;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    if (row > 0)
        errors_add(errors, file, row, 0,
                   g_strdup_printf("%s:%d: %s", name, row, message));
    else
        errors_add(errors, file, 0, 0, g_strdup_printf("%s: %s", name, message));
}

void
rotap_sheet_error(const RotapSheet *sheet, RotapErrors *errors, int row, int col,
                  const char *format, ...)
{
    va_list args;
    g_autofree char *message = NULL;
    const char *header = "";
    GString *text;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    if (col < 0) { /* a field whose column the sheet lacks: name the row only */
        rotap_errors_add_line(errors, sheet->file, sheet->csv->name, row, "%s", message);
        return;
    }
    if (sheet->csv->header != NULL && col < sheet->csv->header->n_cells)
        header = sheet->csv->header->cells[col];
    text = g_string_new(NULL);
    if (*header != '\0')
        g_string_append_printf(text, "%s:%d:%d: 列 %s", sheet->csv->name, row, col + 1,
                               header);
    else /* a column without a name is named by its number */
        g_string_append_printf(text, "%s:%d:%d: 列 %d", sheet->csv->name, row, col + 1,
                               col + 1);
    /* keys has one entry per header column: a cell beyond them has none */
    if (sheet->keys != NULL && sheet->csv->header != NULL &&
        col < sheet->csv->header->n_cells && sheet->keys[col] != NULL &&
        strcmp(sheet->keys[col], header) != 0)
        g_string_append_printf(text, " (%s)", sheet->keys[col]);
    g_string_append_printf(text, ": %s", message);
    errors_add(errors, sheet->file, row, col + 1, g_string_free(text, FALSE));
}

static int
compare_errors(gconstpointer a, gconstpointer b)
{
    const RotapImportError *x = a, *y = b;

    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return 0;
}

char *
rotap_errors_join(RotapErrors *errors)
{
    GString *out = g_string_new(NULL);
    guint n = errors->items->len;

    /* g_array_sort is not stable: keep the order of equal positions. */
    for (guint i = 0; i < n; i++) {
        for (guint j = i + 1; j < n; j++) {
            RotapImportError *a = &g_array_index(errors->items, RotapImportError, i);
            RotapImportError *b = &g_array_index(errors->items, RotapImportError, j);

            if (compare_errors(a, b) > 0) {
                RotapImportError t = *a;

                *a = *b;
                *b = t;
            }
        }
        if (i >= ROTAP_IMPORT_MAX_ERRORS)
            break;
    }
    for (guint i = 0; i < n && i < ROTAP_IMPORT_MAX_ERRORS; i++) {
        if (i > 0)
            g_string_append_c(out, '\n');
        g_string_append(out, g_array_index(errors->items, RotapImportError, i).text);
    }
    if (n > ROTAP_IMPORT_MAX_ERRORS)
        g_string_append_printf(out, ROTAP_TR(errors, "\n… and %u more errors"),
                               n - ROTAP_IMPORT_MAX_ERRORS);
    return g_string_free(out, FALSE);
}

/* ---- cell values */

static gboolean
is_space_at(const char *p, gsize *width)
{
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\v' || *p == '\f') {
        *width = 1;
        return TRUE;
    }
    if (strncmp(p, "\xE3\x80\x80", 3) == 0) { /* U+3000 IDEOGRAPHIC SPACE */
        *width = 3;
        return TRUE;
    }
    if (strncmp(p, "\xC2\xA0", 2) == 0) { /* U+00A0, which Excel writes too */
        *width = 2;
        return TRUE;
    }
    return FALSE;
}

char *
rotap_trim(char *text)
{
    char *start = text, *end;
    gsize width;

    while (*start != '\0' && is_space_at(start, &width))
        start += width;
    end = start + strlen(start);
    for (;;) {
        if (end > start && strchr(" \t\r\n\v\f", end[-1]) != NULL) {
            end--;
        } else if (end - start >= 3 && strncmp(end - 3, "\xE3\x80\x80", 3) == 0) {
            end -= 3;
        } else if (end - start >= 2 && strncmp(end - 2, "\xC2\xA0", 2) == 0) {
            end -= 2;
        } else {
            break;
        }
    }
    memmove(text, start, (gsize)(end - start));
    text[end - start] = '\0';
    return text;
}

/* The separators of a list cell: 、 ， , ; ； */
static gsize
separator_at(const char *p)
{
    static const char *const separators[] = {"、", "，", ",", ";", "；"};

    for (gsize i = 0; i < G_N_ELEMENTS(separators); i++) {
        gsize n = strlen(separators[i]);

        if (strncmp(p, separators[i], n) == 0)
            return n;
    }
    return 0;
}

GPtrArray *
rotap_split_list(const char *text)
{
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    const char *p = text, *item = text;

    for (;;) {
        gsize n = *p == '\0' ? 1 : separator_at(p);

        if (n > 0) {
            char *one = rotap_trim(g_strndup(item, (gsize)(p - item)));

            if (*one != '\0')
                g_ptr_array_add(items, one);
            else
                g_free(one);
            if (*p == '\0')
                break;
            p += n;
            item = p;
        } else {
            p++;
        }
    }
    return items;
}

gboolean
rotap_parse_int(const char *text, int *value)
{
    char *end = NULL;
    gint64 v;

    if (text[0] == '\0' ||
        !(g_ascii_isdigit(text[0]) || text[0] == '-' || text[0] == '+'))
        return FALSE;
    v = g_ascii_strtoll(text, &end, 10);
    if (end == text || *end != '\0' || v < G_MININT || v > G_MAXINT)
        return FALSE;
    *value = (int)v;
    return TRUE;
}

/* Up to three numbers separated by one of the separators of a date form:
 * "2026-12-05", "2026/12/5", "2026.12.5", "2026年12月5日", "12月5日". */
static int
date_numbers(const char *text, int numbers[3])
{
    const char *p = text;
    int n = 0;

    while (n < 3) {
        char *end;
        guint64 v;

        if (!g_ascii_isdigit(*p))
            return -1;
        v = g_ascii_strtoull(p, &end, 10);
        if (end - p > 4 || v > 9999)
            return -1;
        numbers[n++] = (int)v;
        p = end;
        if (*p == '\0')
            return n;
        if (*p == '-' || *p == '/' || *p == '.')
            p++;
        else if (g_str_has_prefix(p, "年") || g_str_has_prefix(p, "月"))
            p += strlen("年");
        else if (g_str_has_prefix(p, "日"))
            return p[strlen("日")] == '\0' ? n : -1;
        else
            return -1;
        if (*p == '\0')
            return -1;
    }
    return -1;
}

/* "12月5日": the date with that month and day inside the horizon. */
static gboolean
date_in_horizon(int month, int day, const GDate *start, int n_days, GDate *out)
{
    if (start == NULL || !g_date_valid(start))
        return FALSE;
    for (int d = 0; d < n_days; d++) {
        GDate date = *start;

        g_date_add_days(&date, (guint)d);
        if (g_date_get_month(&date) == (GDateMonth)month &&
            g_date_get_day(&date) == day) {
            *out = date;
            return TRUE;
        }
    }
    return FALSE;
}

gboolean
rotap_parse_sheet_date(const char *text, const GDate *start, int n_days, gboolean chinese,
                       char **out, const char **why)
{
    int numbers[3] = {0, 0, 0};
    int n = date_numbers(text, numbers);
    GDate date;

    *why =
        chinese
            ? rotap_zh("not a date (expected 2026-12-05, 2026/12/5, 2026年12月5日 or "
                       "12月5日)")
            : _("not a date (expected 2026-12-05, 2026/12/5, 2026年12月5日 or 12月5日)");
    g_date_clear(&date, 1);
    if (n == 3) {
        if (numbers[0] < 1900 ||
            !g_date_valid_dmy((GDateDay)numbers[2], (GDateMonth)numbers[1],
                              (GDateYear)numbers[0]))
            return FALSE;
        g_date_set_dmy(&date, (GDateDay)numbers[2], (GDateMonth)numbers[1],
                       (GDateYear)numbers[0]);
    } else if (n == 2 && strstr(text, "月") != NULL) {
        if (!date_in_horizon(numbers[0], numbers[1], start, n_days, &date)) {
            *why = chinese ? rotap_zh("no such month and day inside the horizon")
                           : _("no such month and day inside the horizon");
            return FALSE;
        }
    } else {
        return FALSE;
    }
    *out = rotap_format_date(&date);
    return TRUE;
}

int
rotap_text_distance(const char *a, const char *b)
{
    glong na = 0, nb = 0;
    g_autofree gunichar *x = g_utf8_to_ucs4_fast(a, -1, &na);
    g_autofree gunichar *y = g_utf8_to_ucs4_fast(b, -1, &nb);
    g_autofree int *row = g_new0(int, nb + 1);

    for (glong j = 0; j <= nb; j++)
        row[j] = (int)j;
    for (glong i = 1; i <= na; i++) {
        int diagonal = row[0];

        row[0] = (int)i;
        for (glong j = 1; j <= nb; j++) {
            int above = row[j];
            int best = diagonal + (x[i - 1] == y[j - 1] ? 0 : 1);

            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[nb];
}
