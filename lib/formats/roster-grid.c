/* SPDX-License-Identifier: MIT */
/* roster-grid.c: rosters as the Curtois-Qu tab-separated grid (one row per person). */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "roster-private.h"
#include "util-private.h"

/*
 * A GRID (docs/curtois.md, "Grids") has exactly one line per person in model
 * order and one tab-separated column per day, each cell a shift id or
 * empty.  It names no duty and no segment, so reading a cell needs the one
 * duty cell of that shift on that day; the lookup table below is built once
 * per read from the model's cells.  The cells are collected first and the
 * assignments then added in the roster's canonical order, which costs far
 * less than sorting them afterwards.
 */

typedef struct {
    const char *source;
    const RotaModel *model;
    GHashTable *shift_index; /* shift id -> index + 1 */
    int *duty;               /* n_days * n_shifts: the duty of (day, shift) */
    int *segment;            /* ... its segment */
    int *count;              /* ... how many (duty, segment) pairs qualify */
    int *grid;               /* n_people * n_days: the shift read, or -1 */
} GridReader;

static void
grid_reader_init(GridReader *r, const RotaModel *model, const char *source)
{
    gsize size = (gsize)model->n_days * (gsize)model->n_shifts;
    gsize n_cells = (gsize)model->n_people * (gsize)model->n_days;

    r->source = source;
    r->model = model;
    r->shift_index = g_hash_table_new(g_str_hash, g_str_equal);
    for (int s = 0; s < model->n_shifts; s++)
        g_hash_table_insert(r->shift_index, model->shifts[s].id, GINT_TO_POINTER(s + 1));
    /* read only where count is 1 (read_cell() refuses the others) */
    r->duty = g_new0(int, size);
    r->segment = g_new0(int, size);
    r->count = g_new0(int, size);
    r->grid = g_new0(int, n_cells);
    /* A (duty, segment) qualifies on each day its cells list: per-week
     * duties list every due day of the week in their one cell. */
    for (int c = 0; c < model->n_cells; c++) {
        const RotapCell *cell = &model->cells[c];

        if (cell->duty < 0)
            continue;
        for (int k = 0; k < cell->n_days; k++) {
            gsize at = (gsize)cell->days[k] * (gsize)model->n_shifts + (gsize)cell->shift;

            if (r->count[at]++ == 0) {
                r->duty[at] = cell->duty;
                r->segment[at] = cell->segment;
            }
        }
    }
}

static void
grid_reader_clear(GridReader *r)
{
    g_hash_table_destroy(r->shift_index);
    g_free(r->duty);
    g_free(r->segment);
    g_free(r->count);
    g_free(r->grid);
}

/* The number of lines of text (a final newline ends the last line rather
 * than starting an empty one). */
static int
count_lines(const char *text, gsize length)
{
    const char *end = text + length;
    int n = 0;

    while (text < end) {
        const char *nl = memchr(text, '\n', (gsize)(end - text));

        n++;
        text = nl != NULL ? nl + 1 : end;
    }
    return n;
}

/* One cell of a person's line: empty, or a shift with exactly one duty. */
static gboolean
read_cell(const GridReader *r, int line, int person, int day, const char *cell,
          GError **error)
{
    const RotaModel *model = r->model;
    int *shift = &r->grid[(gsize)person * (gsize)model->n_days + (gsize)day];
    gpointer value;
    gsize at;

    *shift = -1;
    if (cell[0] == '\0')
        return TRUE;
    value = g_hash_table_lookup(r->shift_index, cell);
    if (value == NULL) {
        /* Ids may be Chinese: quote the cell as is, only made valid UTF-8. */
        g_autofree char *shown = g_utf8_make_valid(cell, -1);

        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("%s:%d: day %d: unknown shift \"%s\" (expected a shift id or an "
                      "empty cell)"),
                    r->source, line, day, shown);
        return FALSE;
    }
    *shift = GPOINTER_TO_INT(value) - 1;
    at = (gsize)day * (gsize)model->n_shifts + (gsize)*shift;
    if (r->count[at] != 1) {
        if (r->count[at] == 0)
            g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                        _("%s:%d: day %d: no duty for shift %s"), r->source, line, day,
                        cell);
        else
            g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                        _("%s:%d: shift %s is ambiguous on day %d (%d duties)"),
                        r->source, line, cell, day, r->count[at]);
        return FALSE;
    }
    return TRUE;
}

/* One person's line, without its line end, split in place at the tabs. */
static gboolean
read_line(const GridReader *r, int line, int person, char *text, GError **error)
{
    int n_days = r->model->n_days;
    int n_columns = 1;

    for (const char *c = text; *c != '\0'; c++)
        n_columns += *c == '\t';
    if (n_columns != n_days) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_SYNTAX,
                    _("%s:%d: expected %d columns (one per day), found %d"), r->source,
                    line, n_days, n_columns);
        return FALSE;
    }
    for (int day = 0; day < n_days; day++) {
        char *tab = strchr(text, '\t');

        if (tab != NULL)
            *tab = '\0';
        if (!read_cell(r, line, person, day, text, error))
            return FALSE;
        text = tab != NULL ? tab + 1 : text + strlen(text);
    }
    return TRUE;
}

static gboolean
read_grid(const GridReader *r, const char *data, gsize length, GError **error)
{
    int n_people = r->model->n_people;
    int n_lines = count_lines(data, length);
    g_autoptr(GString) text = g_string_new(NULL);
    const char *end = data + length;

    if (n_lines != n_people) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_SYNTAX,
                    _("%s:%d: expected %d lines (one per person), found %d"), r->source,
                    MIN(n_lines, n_people) + 1, n_people, n_lines);
        return FALSE;
    }
    for (int person = 0; person < n_people; person++) {
        const char *nl = memchr(data, '\n', (gsize)(end - data));
        gsize len = nl != NULL ? (gsize)(nl - data) : (gsize)(end - data);

        g_string_truncate(text, 0);
        g_string_append_len(text, data, (gssize)len);
        if (text->len > 0 && text->str[text->len - 1] == '\r')
            g_string_truncate(text, text->len - 1);
        /* A NUL byte would cut a cell short without notice. */
        if (memchr(text->str, '\0', text->len) != NULL) {
            g_set_error(error, ROTA_ERROR, ROTA_ERROR_SYNTAX,
                        _("%s:%d: NUL byte in the line (expected text)"), r->source,
                        person + 1);
            return FALSE;
        }
        if (!read_line(r, person + 1, person, text->str, error))
            return FALSE;
        data = nl != NULL ? nl + 1 : end;
    }
    return TRUE;
}

static gboolean
add_cell(const GridReader *r, RotaRoster *roster, int person, int day, GError **error)
{
    const RotaModel *model = r->model;
    RotaAssignment a = {.day = day, .person = person};
    gsize at;

    a.shift = r->grid[(gsize)person * (gsize)model->n_days + (gsize)day];
    at = (gsize)day * (gsize)model->n_shifts + (gsize)a.shift;
    a.duty = r->duty[at];
    a.segment = r->segment[at];
    if (!rota_roster_add(roster, &a, error)) {
        g_prefix_error(error, _("%s:%d: day %d: "), r->source, person + 1, day);
        return FALSE;
    }
    return TRUE;
}

static gint
compare_people(gconstpointer a, gconstpointer b, gpointer data)
{
    const RotaModel *model = data;

    return strcmp(model->people[*(const int *)a].id, model->people[*(const int *)b].id);
}

static gint
compare_shifts(gconstpointer a, gconstpointer b, gpointer data)
{
    const RotapShift *x = &((const RotaModel *)data)->shifts[*(const int *)a];
    const RotapShift *y = &((const RotaModel *)data)->shifts[*(const int *)b];

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* The indices 0..n-1 in the order of compare. */
static int *
ordered(const RotaModel *model, int n, GCompareDataFunc compare)
{
    int *order = g_new(int, n + 1);

    for (int i = 0; i < n; i++)
        order[i] = i;
    g_qsort_with_data(order, n, sizeof(int), compare, (gpointer)model);
    return order;
}

/*
 * Add the collected cells in the order of rota_roster_sort(): by day, then
 * shift (start, id), then person id; a (day, shift) has one segment.  Each
 * day's people are bucketed by shift rank, already in person order.
 */
static gboolean
add_sorted(const GridReader *r, RotaRoster *roster, GError **error)
{
    const RotaModel *model = r->model;
    int n_people = model->n_people, n_shifts = model->n_shifts;
    g_autofree int *people = ordered(model, n_people, compare_people);
    g_autofree int *shifts = ordered(model, n_shifts, compare_shifts);
    g_autofree int *rank = g_new(int, n_shifts + 1);
    g_autofree int *next = g_new(int, n_shifts + 1);
    g_autofree int *slot = g_new0(int, n_people + 1);

    for (int k = 0; k < n_shifts; k++)
        rank[shifts[k]] = k;
    for (int day = 0; day < model->n_days; day++) {
        memset(next, 0, sizeof(int) * (gsize)(n_shifts + 1));
        for (int i = 0; i < n_people; i++) {
            int s = r->grid[(gsize)people[i] * (gsize)model->n_days + (gsize)day];

            if (s >= 0)
                next[rank[s] + 1]++;
        }
        for (int k = 1; k <= n_shifts; k++)
            next[k] += next[k - 1];
        for (int i = 0; i < n_people; i++) {
            int s = r->grid[(gsize)people[i] * (gsize)model->n_days + (gsize)day];

            if (s >= 0)
                slot[next[rank[s]]++] = people[i];
        }
        for (int j = 0; j < next[n_shifts]; j++) {
            if (!add_cell(r, roster, slot[j], day, error))
                return FALSE;
        }
    }
    return TRUE;
}

/**
 * rota_roster_new_from_grid_data:
 * @model: the model the grid belongs to (a reference is taken)
 * @data: the grid text (LF or CRLF, an optional BOM); need not be
 *   NUL-terminated
 * @length: the length of @data in bytes
 * @source: the name used in error messages
 * @error: return location for a #GError, or %NULL
 *
 * Reads a benchmark roster grid: exactly one line per person in model
 * order, one tab-separated column per day, each cell a shift id or empty
 * (off).  A cell with shift S on day D becomes an assignment to the only
 * duty of @model with shift S due on D, at its only segment; if there is
 * none, or more than one (duty, segment) pair, the grid is refused.
 *
 * Errors read "SOURCE:LINE: ...": %ROTA_ERROR_SYNTAX for a wrong number of
 * lines or columns, %ROTA_ERROR_INVALID for an unknown shift or a shift
 * without exactly one duty that day.
 *
 * Returns: (transfer full) (nullable): a new roster, or %NULL on error.
 * Since: 0.1
 */
RotaRoster *
rota_roster_new_from_grid_data(RotaModel *model, const char *data, gsize length,
                               const char *source, GError **error)
{
    g_autoptr(RotaRoster) roster = NULL;
    GridReader reader;
    gboolean ok;

    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(data != NULL || length == 0, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);

    if (source == NULL)
        source = "<grid>";
    if (length >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        length -= 3;
    }
    roster = rota_roster_new(model);
    grid_reader_init(&reader, model, source);
    ok = read_grid(&reader, data != NULL ? data : "", length, error) &&
         add_sorted(&reader, roster, error);
    grid_reader_clear(&reader);
    if (!ok)
        return NULL;
    return g_steal_pointer(&roster);
}

/**
 * rota_roster_new_from_grid_file:
 * @model: the model the grid belongs to (a reference is taken)
 * @path: a grid file
 * @error: return location for a #GError, or %NULL
 *
 * Reads @path as rota_roster_new_from_grid_data() does, with @path as the
 * source name.  A file that cannot be read is %ROTA_ERROR_IO.
 *
 * Returns: (transfer full) (nullable): a new roster, or %NULL on error.
 * Since: 0.1
 */
RotaRoster *
rota_roster_new_from_grid_file(RotaModel *model, const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;

    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(path != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);

    if (!rotap_read_file(path, &data, &length, error))
        return NULL;
    return rota_roster_new_from_grid_data(model, data, length, path, error);
}

/**
 * rota_roster_to_grid:
 * @roster: a roster
 * @error: return location for a #GError, or %NULL
 *
 * Writes @roster as a benchmark grid: one line per person in model order,
 * each ending in LF, with one tab-separated cell per day holding the shift
 * id of that day's assignment, or nothing.  Segments and duties are not
 * recorded, so the grid suits models with one duty per (day, shift), such
 * as those read from Curtois-Qu instances.  A person with two assignments
 * on one day cannot be written (%ROTA_ERROR_INVALID).
 *
 * Returns: (transfer full) (nullable): the grid text, to be freed with
 *   g_free(), or %NULL on error.
 * Since: 0.1
 */
char *
rota_roster_to_grid(const RotaRoster *roster, GError **error)
{
    const RotaModel *model;
    g_autofree int *shift = NULL;
    gsize size;
    GString *out;

    g_return_val_if_fail(roster != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);

    model = roster->model;
    size = (gsize)model->n_people * (gsize)model->n_days;
    shift = g_new(int, size);
    memset(shift, 0xff, size * sizeof *shift); /* every cell -1: no shift */
    for (guint i = 0; i < roster->assignments->len; i++) {
        const RotaAssignment *a = &g_array_index(roster->assignments, RotaAssignment, i);
        int *cell = &shift[(gsize)a->person * (gsize)model->n_days + (gsize)a->day];

        if (*cell >= 0) {
            g_autofree char *date = rota_model_dup_date(model, a->day);

            g_set_error(
                error, ROTA_ERROR, ROTA_ERROR_INVALID,
                _("person %s has two assignments on %s (day %d): a grid holds one "
                  "shift per person and day"),
                model->people[a->person].id, date, a->day);
            return NULL;
        }
        *cell = a->shift;
    }
    out = g_string_sized_new(size * 2 + 1);
    for (int p = 0; p < model->n_people; p++) {
        for (int d = 0; d < model->n_days; d++) {
            int s = shift[(gsize)p * (gsize)model->n_days + (gsize)d];

            if (d > 0)
                g_string_append_c(out, '\t');
            if (s >= 0)
                g_string_append(out, model->shifts[s].id);
        }
        g_string_append_c(out, '\n');
    }
    return g_string_free(out, FALSE);
}

/**
 * rota_roster_save_grid:
 * @roster: a roster
 * @path: the file to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes rota_roster_to_grid() of @roster to @path atomically: @path is
 * either left as it was or replaced by the complete grid.
 *
 * Returns: %TRUE on success; %FALSE with @error set.
 * Since: 0.1
 */
gboolean
rota_roster_save_grid(const RotaRoster *roster, const char *path, GError **error)
{
    g_autofree char *text = NULL;

    g_return_val_if_fail(roster != NULL, FALSE);
    g_return_val_if_fail(path != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

    text = rota_roster_to_grid(roster, error);
    if (text == NULL)
        return FALSE;
    return rotap_write_file_atomic(path, text, strlen(text), error);
}
