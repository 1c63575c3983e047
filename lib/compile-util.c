/* SPDX-License-Identifier: MIT */
/* compile-util.c: shared by the compile stages: errors, id index, ids, dates, days. */
#include "config.h"

#include <string.h>

#include "compile-private.h"
#include "i18n-private.h"
#include "util-private.h"

gboolean
rotap_compile_fail(GError **error, const char *format, ...)
{
    va_list args;
    char *message;

    va_start(args, format);
    /* format is a message of the catalogue (po/Makevars marks the calls) */
    message = g_strdup_vprintf(_(format), args);
    va_end(args);
    g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_INVALID, message);
    g_free(message);
    return FALSE;
}

/*
 * model->index maps a kind (RotapKind) to that kind's table of id ->
 * index + 1.  Ids are borrowed from the spec, so recording an id costs no
 * allocation, which matters for models with tens of thousands of duties.
 */
static GHashTable *
kind_table(const RotaModel *model, RotapKind kind, gboolean create)
{
    GHashTable *table = g_hash_table_lookup(model->index, GINT_TO_POINTER(kind));

    if (table == NULL && create) {
        table = g_hash_table_new(g_str_hash, g_str_equal);
        g_hash_table_insert(model->index, GINT_TO_POINTER(kind), table);
    }
    return table;
}

int
rotap_compile_lookup(const RotaModel *model, RotapKind kind, const char *id)
{
    GHashTable *table;
    gpointer value;

    if (id == NULL)
        return -1;
    table = kind_table(model, kind, FALSE);
    value = table != NULL ? g_hash_table_lookup(table, id) : NULL;
    return value == NULL ? -1 : GPOINTER_TO_INT(value) - 1;
}

int
rotap_compile_register(RotaModel *model, RotapKind kind, const char *id, int index)
{
    GHashTable *table = kind_table(model, kind, TRUE);
    gpointer value = g_hash_table_lookup(table, id);

    if (value != NULL)
        return GPOINTER_TO_INT(value) - 1;
    g_hash_table_insert(table, (gpointer)id, GINT_TO_POINTER(index + 1));
    return -1;
}

static char *
format_path(const char *format, va_list args)
{
    return g_strdup_vprintf(format, args);
}

/* Why an id or tag is unacceptable, or NULL when it is fine. */
static const char *
id_problem(const char *id)
{
    const char *p = id;

    if (id == NULL)
        return N_("missing");
    if (*id == '\0')
        return N_("empty");
    /* Most ids are printable ASCII: settle those without decoding. */
    while (*p >= 0x20 && *p < 0x7f)
        p++;
    if (*p == '\0')
        return NULL;
    if (!g_utf8_validate(id, -1, NULL))
        return "invalid UTF-8";
    for (p = id; *p != '\0'; p = g_utf8_next_char(p)) {
        if (g_unichar_iscntrl(g_utf8_get_char(p)))
            return "control character";
    }
    return NULL;
}

/* Paths are formatted only on failure: the happy path allocates nothing. */
gboolean
rotap_compile_check_id(const char *id, const char *what, GError **error,
                       const char *path_format, ...)
{
    const char *problem = id_problem(id);
    g_autofree char *path = NULL;
    g_autofree char *shown = NULL;
    va_list args;

    if (problem == NULL)
        return TRUE;
    va_start(args, path_format);
    path = format_path(path_format, args);
    va_end(args);
    if (id == NULL || *id == '\0')
        return rotap_compile_fail(error, "%s: %s %s (expected a non-empty string)", path,
                                  _(problem), _(what));
    if (!g_utf8_validate(id, -1, NULL))
        return rotap_compile_fail(error, "%s: %s is not valid UTF-8", path, _(what));
    shown = g_strescape(id, NULL);
    return rotap_compile_fail(error,
                              "%s: %s \"%s\" contains a control character "
                              "(expected printable text)",
                              path, _(what), shown);
}

gboolean
rotap_compile_check_text(const char *text, GError **error, const char *path_format, ...)
{
    g_autofree char *path = NULL;
    va_list args;

    if (text == NULL || g_utf8_validate(text, -1, NULL))
        return TRUE;
    va_start(args, path_format);
    path = format_path(path_format, args);
    va_end(args);
    return rotap_compile_fail(error, "%s: text is not valid UTF-8", path);
}

/*
 * Dates are the bulk of a benchmark model (a request or a duty date per
 * line), so they are read here without building a GDate: the same strict
 * rules as rotap_parse_date(), and a day number on GDate's Julian scale
 * (day 1 = 0001-01-01) computed by the civil-calendar formula.
 */
gboolean
rotap_compile_julian(const char *text, gint64 *julian)
{
    int part[3] = {0, 0, 0}, widths[3] = {4, 2, 2}, at = 0;
    gint64 year, month, era, year_of_era, day_of_year, day_of_era;

    if (text == NULL || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return FALSE;
    for (int k = 0; k < 3; k++, at++) {
        for (int i = 0; i < widths[k]; i++, at++) {
            if (!g_ascii_isdigit(text[at]))
                return FALSE;
            part[k] = part[k] * 10 + (text[at] - '0');
        }
    }
    if (part[0] < 1 || part[1] < 1 || part[1] > 12 || part[2] < 1 ||
        part[2] > g_date_get_days_in_month((GDateMonth)part[1], (GDateYear)part[0]))
        return FALSE;
    year = part[1] <= 2 ? part[0] - 1 : part[0];
    month = part[1];
    era = year / 400;
    year_of_era = year - era * 400;
    day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + part[2] - 1;
    day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    /* Days since 0000-03-01, shifted so that 0001-01-01 is day 1. */
    *julian = era * 146097 + day_of_era - 305;
    return TRUE;
}

typedef enum { DATE_OK, DATE_MISSING, DATE_BAD, DATE_OUTSIDE } DateStatus;

static DateStatus
date_status(const RotaModel *model, const char *text, gboolean inside, int *day)
{
    gint64 julian, offset;

    *day = -1;
    if (text == NULL)
        return DATE_MISSING;
    if (!rotap_compile_julian(text, &julian))
        return DATE_BAD;
    offset = julian - (gint64)g_date_get_julian(&model->start);
    if (offset >= 0 && offset < model->n_days)
        *day = (int)offset;
    return *day < 0 && inside ? DATE_OUTSIDE : DATE_OK;
}

static gboolean
date_fail(const RotaModel *model, const char *text, DateStatus status, const char *path,
          GError **error)
{
    GDate last = model->start;
    g_autofree char *first_text = rotap_format_date(&model->start);
    g_autofree char *last_text = NULL;

    if (status == DATE_MISSING)
        return rotap_compile_fail(error, "%s: missing date (expected YYYY-MM-DD)", path);
    if (status == DATE_BAD)
        return rotap_compile_fail(error, "%s: bad date \"%s\" (expected YYYY-MM-DD)",
                                  path, text);
    g_date_add_days(&last, (guint)model->n_days - 1);
    last_text = rotap_format_date(&last);
    return rotap_compile_fail(error, "%s: date %s is outside the horizon %s..%s", path,
                              text, first_text, last_text);
}

gboolean
rotap_compile_date(const RotaModel *model, const char *text, gboolean inside, int *day,
                   GError **error, const char *path_format, ...)
{
    DateStatus status = date_status(model, text, inside, day);
    g_autofree char *path = NULL;
    va_list args;

    if (status == DATE_OK)
        return TRUE;
    va_start(args, path_format);
    path = format_path(path_format, args);
    va_end(args);
    return date_fail(model, text, status, path, error);
}

int
rotap_compile_intern_tag(RotaModel *model, GPtrArray *tags, const char *tag)
{
    int index = rotap_compile_lookup(model, ROTAP_KIND_TAG, tag);

    if (index >= 0)
        return index;
    index = (int)tags->len;
    g_ptr_array_add(tags, (gpointer)tag);
    rotap_compile_register(model, ROTAP_KIND_TAG, tag, index);
    return index;
}

static void
select_days(const RotaModel *model, RotaDays kind, guint8 *due)
{
    if (kind == ROTA_DAYS_DATES) {
        memset(due, 0, (gsize)model->n_days);
        return;
    }
    for (int d = 0; d < model->n_days; d++) {
        switch (kind) {
        case ROTA_DAYS_WORKDAYS:
            due[d] = model->workday[d];
            break;
        case ROTA_DAYS_RESTDAYS:
            due[d] = !model->workday[d];
            break;
        case ROTA_DAYS_WEEKENDS:
            due[d] = model->weekday[d] >= 6;
            break;
        case ROTA_DAYS_ALL:
        case ROTA_DAYS_DATES:
        default:
            due[d] = 1;
            break;
        }
    }
}

gboolean
rotap_compile_days(const RotaModel *model, const RotapDaysSpec *days, guint8 *due,
                   GError **error, const char *path_format, ...)
{
    g_autofree char *path = NULL;
    g_autofree char *at = NULL;
    va_list args;
    guint j = 0;
    DateStatus status = DATE_OK;
    int day = -1;

    select_days(model, days->kind, due);
    if (days->kind != ROTA_DAYS_DATES)
        return TRUE;
    for (; j < days->dates->len; j++) {
        status = date_status(model, days->dates->pdata[j], TRUE, &day);
        if (status != DATE_OK || due[day])
            break;
        due[day] = 1;
    }
    if (days->dates->len > 0 && j == days->dates->len)
        return TRUE;
    va_start(args, path_format);
    path = format_path(path_format, args);
    va_end(args);
    if (days->dates->len == 0)
        return rotap_compile_fail(error,
                                  "%s: empty date list (expected a keyword "
                                  "or at least one date)",
                                  path);
    if (status == DATE_OK)
        return rotap_compile_fail(error, "%s[%u]: date %s is listed twice", path, j,
                                  (const char *)days->dates->pdata[j]);
    at = g_strdup_printf("%s[%u]", path, j);
    return date_fail(model, days->dates->pdata[j], status, at, error);
}
