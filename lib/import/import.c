/* SPDX-License-Identifier: MIT */
/* import.c: rota import's public API: a base model, sheets replacing its lists, calendars
 * adding days off. */
#include "config.h"

#include "import/import-private.h"
#include "model-private.h"
#include "util-private.h"

#include <string.h>

typedef struct {
    RotaSheetKind kind;
    char *name;
    GBytes *data; /* NULL: read the file name */
} Input;

struct _RotaImport {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    char *base;
    gboolean chinese;
    GArray *inputs; /* Input, in the order given */
    char *availability;
    GString *summary;
    int n_errors;
};

static void
input_clear(gpointer data)
{
    Input *input = data;

    g_free(input->name);
    if (input->data != NULL)
        g_bytes_unref(input->data);
}

/**
 * rota_import_new:
 * @base_path: the base model.json: horizon, calendar, shifts, duties and
 *   rules, and the lists that no sheet replaces
 *
 * Starts an import.  Add sheets with rota_import_add_sheet(), then call
 * rota_import_run().
 *
 * Returns: (transfer full): a new import, to be freed with rota_import_free().
 * Since: 0.1
 */
RotaImport *
rota_import_new(const char *base_path)
{
    RotaImport *import;

    g_return_val_if_fail(base_path != NULL, NULL);
    import = g_new0(RotaImport, 1);
    import->base = g_strdup(base_path);
    import->inputs = g_array_new(FALSE, TRUE, sizeof(Input));
    g_array_set_clear_func(import->inputs, input_clear);
    import->summary = g_string_new(NULL);
    return import;
}

/**
 * rota_import_free:
 * @import: (nullable): an import
 *
 * Frees @import and everything it holds.
 *
 * Since: 0.1
 */
void
rota_import_free(RotaImport *import)
{
    if (import == NULL)
        return;
    if (!rotap_extra_unref(&import->extra_refs))
        return;
    g_free(import->base);
    g_array_unref(import->inputs);
    g_free(import->availability);
    g_string_free(import->summary, TRUE);
    g_free(import);
}

/* The copy function of the boxed type: one more reference. */
static RotaImport *
box_import_ref(RotaImport *import)
{
    rotap_extra_ref(&import->extra_refs);
    return import;
}

G_DEFINE_BOXED_TYPE(RotaImport, rota_import, box_import_ref, rota_import_free)

/**
 * rota_import_set_chinese:
 * @import: an import
 * @chinese: %TRUE for messages and the summary in Chinese
 *
 * Chooses the language of error messages and of the summary: %TRUE for
 * Chinese whatever the locale (English when no zh_CN catalogue is
 * installed); %FALSE, the default, for the locale's language through
 * gettext.  The position prefix `FILE:ROW:COL: 列 NAME (key):` is the same
 * in both.
 *
 * Since: 0.1
 */
void
rota_import_set_chinese(RotaImport *import, gboolean chinese)
{
    g_return_if_fail(import != NULL);
    import->chinese = chinese;
}

/**
 * rota_import_add_sheet:
 * @import: an import
 * @kind: which list the sheet holds
 * @path: a CSV file, named so in messages
 *
 * Adds a sheet.  The first sheet of a kind replaces the base's list; more
 * sheets of the same kind (one people file per unit, say) append to it.
 *
 * Since: 0.1
 */
void
rota_import_add_sheet(RotaImport *import, RotaSheetKind kind, const char *path)
{
    Input input = {kind, NULL, NULL};

    g_return_if_fail(import != NULL && path != NULL);
    g_return_if_fail(kind >= 0 && kind < ROTA_N_SHEETS);
    input.name = g_strdup(path);
    g_array_append_val(import->inputs, input);
}

/**
 * rota_import_add_sheet_data:
 * @import: an import
 * @kind: which list the sheet holds
 * @name: the name of the sheet in messages
 * @data: (array length=length) (element-type guint8): the bytes of a CSV file (copied)
 * @length: the number of bytes
 *
 * Adds a sheet held in memory, as rota_import_add_sheet() does for a file.
 *
 * Since: 0.1
 */
void
rota_import_add_sheet_data(RotaImport *import, RotaSheetKind kind, const char *name,
                           const char *data, gsize length)
{
    Input input = {kind, NULL, NULL};

    g_return_if_fail(import != NULL && name != NULL && (data != NULL || length == 0));
    g_return_if_fail(kind >= 0 && kind < ROTA_N_SHEETS);
    input.name = g_strdup(name);
    input.data = g_bytes_new(data, length);
    g_array_append_val(import->inputs, input);
}

/**
 * rota_import_set_availability_dir:
 * @import: an import
 * @dir: (nullable): a folder holding ID.ics files, or %NULL for none
 *
 * For each person whose DIR/ID.ics exists, busy times in it (VEVENTs that
 * are not transparent or cancelled, with their recurrences, and VFREEBUSY
 * busy periods) make each (date, shift) they overlap off; all-day events
 * make the whole day off.
 *
 * Since: 0.1
 */
void
rota_import_set_availability_dir(RotaImport *import, const char *dir)
{
    g_return_if_fail(import != NULL);
    g_free(import->availability);
    import->availability = g_strdup(dir);
}

/**
 * rota_import_get_summary:
 * @import: an import
 *
 * What the last rota_import_run() read: counts per sheet with the encoding
 * found, tags, references resolved by name, days off added from calendars.
 *
 * Returns: (transfer none): text of lines ending in newlines, valid until
 *   the next run or until @import is freed.
 * Since: 0.1
 */
const char *
rota_import_get_summary(const RotaImport *import)
{
    g_return_val_if_fail(import != NULL, NULL);
    return import->summary->str;
}

/**
 * rota_import_get_n_errors:
 * @import: an import
 *
 * Counts every problem of the sheets the last run found, also those its
 * error message left out; a merged model that fails validation counts as
 * one.  0 before the first run, after a run without problems, and when
 * the base itself could not be read.
 *
 * Returns: how many problems the last rota_import_run() found in the
 *   sheets (its error message lists at most 50 of them).
 * Since: 0.1
 */
int
rota_import_get_n_errors(const RotaImport *import)
{
    g_return_val_if_fail(import != NULL, 0);
    return import->n_errors;
}

/* ---- the run */

static void
run_init(RotapImportRun *run, RotapSpec *spec, RotapErrors *errors)
{
    memset(run, 0, sizeof *run);
    run->spec = spec;
    run->errors = errors;
    for (int k = 0; k < ROTA_N_SHEETS; k++)
        run->origins[k] = g_array_new(FALSE, TRUE, sizeof(RotapOrigin));
    g_array_set_size(run->origins[ROTA_SHEET_UNITS], spec->units->len);
    g_array_set_size(run->origins[ROTA_SHEET_SEGMENTS], spec->segments->len);
    g_array_set_size(run->origins[ROTA_SHEET_PEOPLE], spec->people->len);
    run->off_rows = g_array_new(FALSE, TRUE, sizeof(RotapOffRow));
    run->request_rows = g_array_new(FALSE, TRUE, sizeof(RotapRequestRow));
    run->tags = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    run->old = rotap_spec_new();
    run->n_days = spec->days;
    run->has_horizon = spec->start != NULL && spec->days > 0 &&
                       rotap_parse_date(spec->start, &run->start);
}

static void
run_clear(RotapImportRun *run)
{
    for (int k = 0; k < ROTA_N_SHEETS; k++)
        g_array_unref(run->origins[k]);
    for (guint i = 0; i < run->off_rows->len; i++)
        rotap_off_row_clear(&g_array_index(run->off_rows, RotapOffRow, i));
    g_array_unref(run->off_rows);
    for (guint i = 0; i < run->request_rows->len; i++)
        rotap_request_row_clear(&g_array_index(run->request_rows, RotapRequestRow, i));
    g_array_unref(run->request_rows);
    g_hash_table_unref(run->tags);
    rotap_spec_free(run->old);
    rotap_resolver_free(run->resolver);
}

/* The first sheet of a kind empties the base's list. */
static void
replace_list(RotapImportRun *run, RotaSheetKind kind)
{
    if (run->replaced[kind])
        return;
    run->replaced[kind] = TRUE;
    if (kind == ROTA_SHEET_UNITS) {
        g_array_set_size(run->spec->units, 0);
    } else if (kind == ROTA_SHEET_SEGMENTS) {
        g_array_set_size(run->spec->segments, 0);
    } else if (kind == ROTA_SHEET_PEOPLE) {
        /* The base's people stay in run->old for carry_over(). */
        GArray *people = run->spec->people;

        run->spec->people = run->old->people;
        run->old->people = people;
    }
    if (kind <= ROTA_SHEET_PEOPLE)
        g_array_set_size(run->origins[kind], 0);
}

static guint
records_read(const RotapImportRun *run, RotaSheetKind kind, guint before)
{
    if (kind == ROTA_SHEET_OFF)
        return run->off_rows->len - before;
    if (kind == ROTA_SHEET_REQUESTS)
        return run->request_rows->len - before;
    return run->origins[kind]->len - before;
}

/* The summary's line for one sheet, "FILE: N units (UTF-8, comma-separated)",
 * in the import's language: one message per kind, so that a translation
 * places the count and the noun as its language wants. */
static void
summarize_sheet(RotaImport *import, const char *name, RotaSheetKind kind, guint n,
                const RotapCsv *csv)
{
    GString *out = import->summary;
    const char *separated = csv->delimiter == '\t' ? ROTAP_TR(import, "tab-separated")
                                                   : ROTAP_TR(import, "comma-separated");

    g_string_append_printf(
        out,
        kind == ROTA_SHEET_UNITS      ? ROTAP_TR(import, "%s: %u units (%s, %s)\n")
        : kind == ROTA_SHEET_SEGMENTS ? ROTAP_TR(import, "%s: %u segments (%s, %s)\n")
        : kind == ROTA_SHEET_PEOPLE   ? ROTAP_TR(import, "%s: %u people (%s, %s)\n")
        : kind == ROTA_SHEET_OFF      ? ROTAP_TR(import, "%s: %u days off (%s, %s)\n")
                                      : ROTAP_TR(import, "%s: %u requests (%s, %s)\n"),
        name, n, csv->encoding, separated);
}

/* Read one sheet into the run; the sheet stays alive in sheets. */
static void
read_input(RotaImport *import, RotapImportRun *run, const Input *input, int file,
           GPtrArray *sheets)
{
    g_autofree char *data = NULL;
    gsize length = 0;
    g_autoptr(GError) error = NULL;
    RotapCsv *csv;
    RotapSheet *sheet;
    guint before;

    if (input->data != NULL) {
        data = g_memdup2(g_bytes_get_data(input->data, &length),
                         g_bytes_get_size(input->data));
    } else if (!rotap_read_file(input->name, &data, &length, &error)) {
        rotap_errors_add_line(run->errors, file, input->name, 0, "%s", error->message);
        return;
    }
    csv =
        rotap_csv_parse(input->name, file, data != NULL ? data : "", length, run->errors);
    if (csv == NULL)
        return;
    sheet = rotap_sheet_new(csv, input->kind, file, run->spec->shifts, run->errors);
    if (sheet == NULL)
        return;
    g_ptr_array_add(sheets, sheet);
    replace_list(run, input->kind);
    before = records_read(run, input->kind, 0);
    if (input->kind == ROTA_SHEET_UNITS)
        rotap_read_units(run, sheet);
    else if (input->kind == ROTA_SHEET_SEGMENTS)
        rotap_read_segments(run, sheet);
    else if (input->kind == ROTA_SHEET_PEOPLE)
        rotap_read_people(run, sheet);
    else if (input->kind == ROTA_SHEET_OFF)
        rotap_read_off(run, sheet);
    else
        rotap_read_requests(run, sheet);
    summarize_sheet(import, input->name, input->kind,
                    records_read(run, input->kind, before), csv);
}

/* People read from sheets keep the base's days off and requests of the
 * same id (base_people is empty when no people sheet was read) unless an
 * off or requests sheet replaces them. */
static void
carry_over(RotapImportRun *run, GArray *base_people)
{
    g_autoptr(GHashTable) by_id = g_hash_table_new(g_str_hash, g_str_equal);

    for (guint i = 0; i < base_people->len; i++) {
        RotapPersonSpec *p = &g_array_index(base_people, RotapPersonSpec, i);

        if (p->id != NULL)
            g_hash_table_insert(by_id, p->id, p);
    }
    for (guint i = 0; i < run->spec->people->len; i++) {
        RotapPersonSpec *person = &g_array_index(run->spec->people, RotapPersonSpec, i);
        const RotapPersonSpec *old = g_hash_table_lookup(by_id, person->id);

        if (run->replaced[ROTA_SHEET_OFF])
            g_array_set_size(person->off, 0);
        else
            for (guint j = 0; old != NULL && j < old->off->len; j++) {
                RotapOffSpec off;

                rotap_off_copy(&off, &g_array_index(old->off, RotapOffSpec, j));
                g_array_append_val(person->off, off);
            }
        if (run->replaced[ROTA_SHEET_REQUESTS])
            g_array_set_size(person->requests, 0);
        else
            for (guint j = 0; old != NULL && j < old->requests->len; j++) {
                RotapRequestSpec request;

                rotap_request_copy(&request,
                                   &g_array_index(old->requests, RotapRequestSpec, j));
                g_array_append_val(person->requests, request);
            }
    }
}

static void
summarize(RotaImport *import, RotapImportRun *run)
{
    g_autoptr(GList) tags = g_hash_table_get_keys(run->tags);

    if (tags != NULL) {
        tags = g_list_sort(tags, (GCompareFunc)strcmp);
        /* TRANSLATORS: followed by " TAG COUNT" for each tag of the people */
        g_string_append(import->summary, ROTAP_TR(import, "tags:"));
        for (GList *l = tags; l != NULL; l = l->next)
            g_string_append_printf(
                import->summary, " %s %d", (char *)l->data,
                GPOINTER_TO_INT(g_hash_table_lookup(run->tags, l->data)));
        g_string_append_c(import->summary, '\n');
    }
    g_string_append_printf(import->summary,
                           ROTAP_TR(import, "references resolved by name: %d\n"),
                           run->n_by_name);
}

/* "units[3].head: ..." from compile, placed on the sheet row it came from. */
static char *
place_compile_error(const RotaImport *import, const RotapImportRun *run,
                    const char *message)
{
    static const char *const lists[] = {"units[", "segments[", "people["};

    for (int k = 0; k < 3; k++) {
        const char *p = message;

        if (!g_str_has_prefix(p, lists[k]))
            continue;
        p += strlen(lists[k]);
        guint index = (guint)g_ascii_strtoull(p, NULL, 10);

        if (index < run->origins[k]->len) {
            const RotapOrigin *o = &g_array_index(run->origins[k], RotapOrigin, index);

            if (o->sheet != NULL)
                return g_strdup_printf("%s:%d: %s", o->sheet->csv->name, o->line,
                                       message);
        }
    }
    return g_strdup_printf("%s: %s", import->base, message);
}

/* Sheets, references, calendars: every problem into errors. */
static void
read_all(RotaImport *import, RotapImportRun *run, GPtrArray *sheets)
{
    int file = 1;

    for (int kind = 0; kind < ROTA_N_SHEETS; kind++) {
        for (guint i = 0; i < import->inputs->len; i++) {
            const Input *input = &g_array_index(import->inputs, Input, i);

            if ((int)input->kind == kind)
                read_input(import, run, input, file++, sheets);
        }
    }
    carry_over(run, run->old->people);
    rotap_check_duplicates(run);
    rotap_resolve_all(run);
    if (import->availability != NULL)
        rotap_import_availability(run, import->availability, file, import->summary);
    summarize(import, run);
}

/**
 * rota_import_run:
 * @import: an import
 * @error: return location for a #GError, or %NULL
 *
 * Reads the base and the sheets, resolves references, adds days off from
 * calendars and validates the model.  A base that cannot be read fails as
 * rota_model_new_from_file() does.  Problems in the sheets fail with
 * ROTA_ERROR_INVALID whose message holds one line per problem (at most 50,
 * sorted by file, row and column), each "FILE:ROW:COL: 列 NAME (key):
 * message"; rota_import_get_n_errors() counts them all.
 *
 * Returns: (transfer full) (nullable): the model, to be released with
 *   rota_model_unref(); rota_model_to_data() gives its canonical text.
 * Since: 0.1
 */
RotaModel *
rota_import_run(RotaImport *import, GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;
    RotapSpec *spec;
    RotapErrors errors;
    RotapImportRun run;
    g_autoptr(GPtrArray) sheets = NULL;
    RotaModel *model = NULL;
    GError *local = NULL;

    g_return_val_if_fail(import != NULL, NULL);
    g_string_truncate(import->summary, 0);
    import->n_errors = 0;
    if (!rotap_read_file(import->base, &data, &length, error))
        return NULL;
    spec = rotap_spec_new_from_data(data, length, import->base, error);
    if (spec == NULL)
        return NULL;
    rotap_errors_init(&errors, import->chinese);
    run_init(&run, spec, &errors);
    sheets = g_ptr_array_new_with_free_func((GDestroyNotify)rotap_sheet_free);
    read_all(import, &run, sheets);
    import->n_errors = (int)errors.items->len;
    if (errors.items->len > 0) {
        g_autofree char *text = rotap_errors_join(&errors);

        g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_INVALID, text);
        rotap_spec_free(spec);
    } else {
        model = rotap_model_compile(spec, &local);
        if (model == NULL) {
            g_autofree char *text = place_compile_error(import, &run, local->message);

            import->n_errors = 1;
            g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_INVALID, text);
            g_error_free(local);
        }
    }
    run_clear(&run);
    rotap_errors_clear(&errors);
    return model;
}
