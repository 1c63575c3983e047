/* SPDX-License-Identifier: MIT */
/* export-sheets.c: rota export sheets: a model's lists as the CSV sheets rota import
 * reads, plus base.json. */
#include "config.h"

#include "import/import-private.h"
#include "model-private.h"
#include "util-private.h"

#include <errno.h>
#include <string.h>

/*
 * Each sheet is UTF-8 with a BOM (so that Excel opens it as UTF-8) and CRLF
 * line ends, with Chinese column names; references are written as ids, so
 * that reading the sheets back resolves each to the same record.  Every
 * optional value is written only when the model gives it, and the off
 * sheet's 结束 (to) only for ranges, so that rota import rebuilds the same
 * spec and the canonical writer the same bytes.  Columns named "#姓名" help
 * the reader of the off and requests sheets and are ignored on import.
 */

typedef struct {
    GString *out;
    gboolean first; /* no cell yet on this line */
} Sheet;

static void
sheet_begin(Sheet *sheet)
{
    sheet->out = g_string_new("\xEF\xBB\xBF");
    sheet->first = TRUE;
}

static void
cell(Sheet *sheet, const char *text)
{
    if (!sheet->first)
        g_string_append_c(sheet->out, ',');
    sheet->first = FALSE;
    if (text != NULL)
        rotap_csv_append_field(sheet->out, text);
}

static void
cell_int(Sheet *sheet, gboolean given, int value)
{
    char buffer[16];

    g_snprintf(buffer, sizeof buffer, "%d", value);
    cell(sheet, given ? buffer : NULL);
}

static void
cell_list(Sheet *sheet, const GPtrArray *items, gboolean tags)
{
    g_autoptr(GString) text = g_string_new(NULL);

    for (guint i = 0; items != NULL && i < items->len; i++) {
        const char *item = items->pdata[i];

        if (i > 0)
            g_string_append(text, "、");
        g_string_append(text, tags ? rotap_tag_to_cell(item) : item);
    }
    cell(sheet, text->str);
}

static void
end_line(Sheet *sheet)
{
    g_string_append(sheet->out, "\r\n");
    sheet->first = TRUE;
}

static void
header(Sheet *sheet, RotaSheetKind kind)
{
    int n;
    const RotapColumnName *names = rotap_sheet_fields(kind, &n);

    for (int i = 0; i < n; i++)
        cell(sheet, names[i].zh);
}

static gboolean
sheet_save(Sheet *sheet, const char *dir, const char *name, GError **error)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    gboolean ok = rotap_write_file_atomic(path, sheet->out->str, sheet->out->len, error);

    g_string_free(sheet->out, TRUE);
    return ok;
}

static gboolean
write_units(const RotapSpec *spec, const char *dir, GError **error)
{
    Sheet s;

    sheet_begin(&s);
    header(&s, ROTA_SHEET_UNITS);
    end_line(&s);
    for (guint i = 0; i < spec->units->len; i++) {
        const RotapUnitSpec *u = &g_array_index(spec->units, RotapUnitSpec, i);

        cell(&s, u->id);
        cell(&s, u->name);
        cell(&s, u->head);
        cell_list(&s, u->deputies, FALSE);
        cell_list(&s, u->segments, FALSE);
        end_line(&s);
    }
    return sheet_save(&s, dir, "units.csv", error);
}

static const char *
kind_cell(const char *kind)
{
    if (g_strcmp0(kind, "road") == 0)
        return "路段";
    if (g_strcmp0(kind, "compound") == 0)
        return "小区";
    return kind;
}

static gboolean
write_segments(const RotapSpec *spec, const char *dir, GError **error)
{
    Sheet s;

    sheet_begin(&s);
    header(&s, ROTA_SHEET_SEGMENTS);
    end_line(&s);
    for (guint i = 0; i < spec->segments->len; i++) {
        const RotapSegmentSpec *g = &g_array_index(spec->segments, RotapSegmentSpec, i);
        g_autoptr(GString) lat = g_string_new(NULL);
        g_autoptr(GString) lon = g_string_new(NULL);

        if (g->has_geo) {
            rotap_append_coordinate(lat, g->lat);
            rotap_append_coordinate(lon, g->lon);
        }
        cell(&s, g->id);
        cell(&s, g->name);
        cell(&s, kind_cell(g->kind));
        cell(&s, g->grid);
        cell(&s, g->chief);
        cell(&s, g->location);
        cell(&s, g->has_geo ? lat->str : NULL);
        cell(&s, g->has_geo ? lon->str : NULL);
        end_line(&s);
    }
    return sheet_save(&s, dir, "segments.csv", error);
}

/* Which limit columns the people sheet needs: limits any person sets,
 * and the shifts of any person's max_shifts, in the model's shift order. */
static guint
used_limits(const RotapSpec *spec, GPtrArray *shifts)
{
    guint set = 0;

    for (guint i = 0; i < spec->people->len; i++)
        set |= g_array_index(spec->people, RotapPersonSpec, i).limits.set;
    for (guint s = 0; s < spec->shifts->len; s++) {
        const char *id = g_array_index(spec->shifts, RotapShiftSpec, s).id;

        for (guint i = 0; i < spec->people->len; i++) {
            const GArray *counts =
                g_array_index(spec->people, RotapPersonSpec, i).limits.max_shifts;
            gboolean found = FALSE;

            for (guint c = 0; c < rotap_spec_len(counts) && !found; c++)
                found =
                    strcmp(g_array_index(counts, RotapShiftCountSpec, c).shift, id) == 0;
            if (found) {
                g_ptr_array_add(shifts, (gpointer)id);
                break;
            }
        }
    }
    return set;
}

static void
person_limits(Sheet *s, const RotapLimitsSpec *limits, guint set, const GPtrArray *shifts)
{
    for (int l = 0; l < ROTA_N_LIMITS; l++) {
        if (set & (1u << l))
            cell_int(s, limits->set & (1u << l), limits->values[l]);
    }
    for (guint k = 0; k < shifts->len; k++) {
        gboolean found = FALSE;
        int count = 0;

        for (guint c = 0; c < rotap_spec_len(limits->max_shifts) && !found; c++) {
            const RotapShiftCountSpec *sc =
                &g_array_index(limits->max_shifts, RotapShiftCountSpec, c);

            found = strcmp(sc->shift, shifts->pdata[k]) == 0;
            count = sc->count;
        }
        cell_int(s, found, count);
    }
}

static gboolean
write_people(const RotapSpec *spec, const char *dir, GError **error)
{
    g_autoptr(GPtrArray) shifts = g_ptr_array_new();
    guint set = used_limits(spec, shifts);
    Sheet s;

    sheet_begin(&s);
    header(&s, ROTA_SHEET_PEOPLE);
    for (int l = 0; l < ROTA_N_LIMITS; l++) {
        if (set & (1u << l))
            cell(&s, rotap_limit_chinese((RotaLimit)l));
    }
    for (guint k = 0; k < shifts->len; k++) {
        g_autofree char *name = g_strconcat("最多班次.", shifts->pdata[k], NULL);

        cell(&s, name);
    }
    end_line(&s);
    for (guint i = 0; i < spec->people->len; i++) {
        const RotapPersonSpec *p = &g_array_index(spec->people, RotapPersonSpec, i);

        cell(&s, p->id);
        cell(&s, p->name);
        cell(&s, p->unit);
        cell_list(&s, p->tags, TRUE);
        cell(&s, p->community);
        cell(&s, p->phone);
        cell(&s, p->phone != NULL ? (p->phone_public ? "是" : "否") : NULL);
        person_limits(&s, &p->limits, set, shifts);
        end_line(&s);
    }
    return sheet_save(&s, dir, "people.csv", error);
}

static gboolean
write_off(const RotapSpec *spec, const char *dir, GError **error)
{
    Sheet s;

    sheet_begin(&s);
    cell(&s, "编号");
    cell(&s, "#姓名");
    cell(&s, "开始");
    cell(&s, "结束");
    cell(&s, "班次");
    end_line(&s);
    for (guint i = 0; i < spec->people->len; i++) {
        const RotapPersonSpec *p = &g_array_index(spec->people, RotapPersonSpec, i);

        for (guint j = 0; j < rotap_spec_len(p->off); j++) {
            const RotapOffSpec *off = &g_array_index(p->off, RotapOffSpec, j);

            cell(&s, p->id);
            cell(&s, p->name);
            cell(&s, off->from);
            cell(&s, off->form == ROTAP_OFF_FORM_RANGE ? off->to : NULL);
            cell(&s, off->shift);
            end_line(&s);
        }
    }
    return sheet_save(&s, dir, "off.csv", error);
}

static gboolean
write_requests(const RotapSpec *spec, const char *dir, GError **error)
{
    Sheet s;

    sheet_begin(&s);
    cell(&s, "编号");
    cell(&s, "#姓名");
    cell(&s, "日期");
    cell(&s, "班次");
    cell(&s, "意愿");
    cell(&s, "权重");
    end_line(&s);
    for (guint i = 0; i < spec->people->len; i++) {
        const RotapPersonSpec *p = &g_array_index(spec->people, RotapPersonSpec, i);

        for (guint j = 0; j < rotap_spec_len(p->requests); j++) {
            const RotapRequestSpec *r = &g_array_index(p->requests, RotapRequestSpec, j);

            cell(&s, p->id);
            cell(&s, p->name);
            cell(&s, r->date);
            cell(&s, r->shift);
            cell(&s, r->has_on ? (r->on ? "想" : "不想") : NULL);
            cell_int(&s, r->has_weight, r->weight);
            end_line(&s);
        }
    }
    return sheet_save(&s, dir, "requests.csv", error);
}

/* The model without the lists the sheets hold. */
static gboolean
write_base(const RotapSpec *spec, const char *dir, GError **error)
{
    RotapSpec *empty = rotap_spec_new();
    RotapSpec base = *spec;
    g_autofree char *path = g_build_filename(dir, "base.json", NULL);
    g_autofree char *data = NULL;
    gsize length = 0;

    base.segments = empty->segments;
    base.units = empty->units;
    base.people = empty->people;
    data = rotap_spec_to_data(&base, &length);
    rotap_spec_free(empty);
    return rotap_write_file_atomic(path, data, length, error);
}

/**
 * rota_export_sheets:
 * @model: a model
 * @dir: the folder to write into (created if missing)
 * @error: return location for a #GError, or %NULL
 *
 * Writes @model's lists as the sheets rota import reads: units.csv,
 * segments.csv, people.csv (with the limits people have), off.csv and
 * requests.csv (UTF-8 with BOM, CRLF, Chinese column names, references as
 * ids), and base.json with everything else.  Importing them again gives a
 * model whose rota_model_to_data() text is byte-identical to @model's.
 * Each file is written atomically.
 *
 * Returns: %TRUE on success; ROTA_ERROR_IO on failure.
 * Since: 0.1
 */
gboolean
rota_export_sheets(const RotaModel *model, const char *dir, GError **error)
{
    const RotapSpec *spec;

    g_return_val_if_fail(model != NULL && model->spec != NULL, FALSE);
    g_return_val_if_fail(dir != NULL, FALSE);
    spec = model->spec;
    if (g_mkdir_with_parents(dir, 0755) != 0) {
        int saved = errno;

        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: %s", dir, g_strerror(saved));
        return FALSE;
    }
    return write_units(spec, dir, error) && write_segments(spec, dir, error) &&
           write_people(spec, dir, error) && write_off(spec, dir, error) &&
           write_requests(spec, dir, error) && write_base(spec, dir, error);
}
