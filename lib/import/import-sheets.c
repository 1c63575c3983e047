/* SPDX-License-Identifier: MIT */
/* import-sheets.c: rows of the units and segments sheets into the spec, and duplicate
 * ids. */
#include "config.h"

#include "import/import-private.h"

#include <math.h>
#include <string.h>

/* A copy of a non-empty cell, or NULL for an empty one. */
char *
rotap_cell_dup(const char *cell)
{
    return *cell != '\0' ? g_strdup(cell) : NULL;
}

/* The items of a list cell appended to list. */
void
rotap_cell_list(const char *cell, GPtrArray *list)
{
    g_autoptr(GPtrArray) items = rotap_split_list(cell);

    for (guint i = 0; i < items->len; i++)
        g_ptr_array_add(list, g_strdup(items->pdata[i]));
}

static void
add_origin(RotapImportRun *run, RotaSheetKind kind, RotapSheet *sheet, int line)
{
    RotapOrigin origin = {sheet, line};

    g_array_append_val(run->origins[kind], origin);
}

/* The id of a row; an empty one is an error and the row is skipped. */
const char *
rotap_row_id(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row, int field)
{
    const char *id = rotap_sheet_cell(sheet, row, field);

    rotap_sheet_check_row(sheet, row, run->errors);
    if (*id == '\0')
        rotap_sheet_field_error(sheet, run->errors, row->line, field, "%s",
                                ROTAP_TR(run->errors, "empty id"));
    return id;
}

void
rotap_read_units(RotapImportRun *run, RotapSheet *sheet)
{
    RotapErrors *errors = run->errors;

    if (!rotap_sheet_require(sheet, F_UNIT_ID,
                             ROTAP_TR(errors, "every unit needs its id"), errors))
        return;
    for (guint i = 0; i < sheet->csv->rows->len; i++) {
        const RotapCsvRow *row = sheet->csv->rows->pdata[i];
        const char *id = rotap_row_id(run, sheet, row, F_UNIT_ID);
        RotapUnitSpec *unit;

        if (*id == '\0')
            continue;
        unit = rotap_spec_add_unit(run->spec);
        unit->id = g_strdup(id);
        unit->name = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_UNIT_NAME));
        unit->head = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_UNIT_HEAD));
        rotap_cell_list(rotap_sheet_cell(sheet, row, F_UNIT_DEPUTIES), unit->deputies);
        rotap_cell_list(rotap_sheet_cell(sheet, row, F_UNIT_SEGMENTS), unit->segments);
        add_origin(run, ROTA_SHEET_UNITS, sheet, row->line);
    }
}

/* 路段 road / 小区 compound; NULL (with an error) for anything else. */
static const char *
segment_kind(const char *cell)
{
    if (strcmp(cell, "路段") == 0 || strcmp(cell, "road") == 0)
        return "road";
    if (strcmp(cell, "小区") == 0 || strcmp(cell, "compound") == 0)
        return "compound";
    return NULL;
}

static gboolean
parse_coordinate(const char *cell, double limit, double *value)
{
    char *end = NULL;

    *value = g_ascii_strtod(cell, &end);
    return end != cell && *end == '\0' && isfinite(*value) && fabs(*value) <= limit;
}

static void
read_geo(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row,
         RotapSegmentSpec *segment)
{
    const char *lat = rotap_sheet_cell(sheet, row, F_SEG_LAT);
    const char *lon = rotap_sheet_cell(sheet, row, F_SEG_LON);
    gboolean ok = TRUE;

    if (*lat == '\0' && *lon == '\0')
        return;
    if (*lat == '\0' || *lon == '\0') {
        rotap_sheet_field_error(
            sheet, run->errors, row->line, *lat == '\0' ? F_SEG_LAT : F_SEG_LON, "%s",
            ROTAP_TR(run->errors, "latitude and longitude go together"));
        return;
    }
    if (!parse_coordinate(lat, 90, &segment->lat)) {
        rotap_sheet_field_error(sheet, run->errors, row->line, F_SEG_LAT,
                                ROTAP_TR(run->errors, "not a latitude: \"%s\""), lat);
        ok = FALSE;
    }
    if (!parse_coordinate(lon, 180, &segment->lon)) {
        rotap_sheet_field_error(sheet, run->errors, row->line, F_SEG_LON,
                                ROTAP_TR(run->errors, "not a longitude: \"%s\""), lon);
        ok = FALSE;
    }
    segment->has_geo = ok;
}

static void
read_segment(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row,
             RotapSegmentSpec *segment)
{
    const char *kind = rotap_sheet_cell(sheet, row, F_SEG_KIND);

    segment->name = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_SEG_NAME));
    if (*kind != '\0') {
        const char *value = segment_kind(kind);

        if (value == NULL)
            rotap_sheet_field_error(
                sheet, run->errors, row->line, F_SEG_KIND,
                ROTAP_TR(run->errors,
                         "unknown kind \"%s\" (expected 路段 road or 小区 compound)"),
                kind);
        segment->kind = g_strdup(value != NULL ? value : kind);
    }
    segment->grid = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_SEG_GRID));
    segment->chief = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_SEG_CHIEF));
    segment->location = rotap_cell_dup(rotap_sheet_cell(sheet, row, F_SEG_LOCATION));
    read_geo(run, sheet, row, segment);
}

void
rotap_read_segments(RotapImportRun *run, RotapSheet *sheet)
{
    RotapErrors *errors = run->errors;

    if (!rotap_sheet_require(sheet, F_SEG_ID,
                             ROTAP_TR(errors, "every segment needs its id"), errors))
        return;
    for (guint i = 0; i < sheet->csv->rows->len; i++) {
        const RotapCsvRow *row = sheet->csv->rows->pdata[i];
        const char *id = rotap_row_id(run, sheet, row, F_SEG_ID);
        RotapSegmentSpec *segment;

        if (*id == '\0')
            continue;
        segment = rotap_spec_add_segment(run->spec);
        segment->id = g_strdup(id);
        read_segment(run, sheet, row, segment);
        add_origin(run, ROTA_SHEET_SEGMENTS, sheet, row->line);
    }
}

/* The id of record i of a list (units, segments or people). */
static const char *
record_id(const RotapSpec *spec, RotaSheetKind kind, guint i)
{
    switch (kind) {
    case ROTA_SHEET_UNITS:
        return g_array_index(spec->units, RotapUnitSpec, i).id;
    case ROTA_SHEET_SEGMENTS:
        return g_array_index(spec->segments, RotapSegmentSpec, i).id;
    default:
        return g_array_index(spec->people, RotapPersonSpec, i).id;
    }
}

static void
check_list(RotapImportRun *run, RotaSheetKind kind, int id_field)
{
    GArray *origins = run->origins[kind];
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

    for (guint i = 0; i < origins->len; i++) {
        const RotapOrigin *origin = &g_array_index(origins, RotapOrigin, i);
        const char *id = record_id(run->spec, kind, i);
        gpointer first;

        if (!g_hash_table_lookup_extended(seen, id, NULL, &first)) {
            g_hash_table_insert(seen, (gpointer)id, GUINT_TO_POINTER(i));
            continue;
        }
        if (origin->sheet == NULL)
            continue; /* the base model's own: rota check reports it */
        {
            const RotapOrigin *o =
                &g_array_index(origins, RotapOrigin, GPOINTER_TO_UINT(first));

            if (o->sheet == origin->sheet)
                rotap_sheet_field_error(
                    origin->sheet, run->errors, origin->line, id_field,
                    ROTAP_TR(run->errors, "duplicate id \"%s\" (first on row %d)"), id,
                    o->line);
            else
                rotap_sheet_field_error(
                    origin->sheet, run->errors, origin->line, id_field,
                    ROTAP_TR(run->errors, "duplicate id \"%s\" (first in %s row %d)"), id,
                    o->sheet != NULL ? o->sheet->csv->name : "?", o->line);
        }
    }
}

void
rotap_check_duplicates(RotapImportRun *run)
{
    check_list(run, ROTA_SHEET_UNITS, F_UNIT_ID);
    check_list(run, ROTA_SHEET_SEGMENTS, F_SEG_ID);
    check_list(run, ROTA_SHEET_PEOPLE, F_PERSON_ID);
}
