/* SPDX-License-Identifier: MIT */
/* rota-import.h: a model from the coordinators' CSV sheets and people's calendars, and
 * back. */
/*
 * Ownership and threads: An import has one owner (rota_import_free()) and is used by one
 * thread at a time; rota_import_run() returns a model the caller owns (one
 * reference, shareable between threads); rota_import_get_summary() is
 * borrowed from the import.
 */
#ifndef ROTA_IMPORT_H
#define ROTA_IMPORT_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-model.h>

G_BEGIN_DECLS

/**
 * RotaImport:
 *
 * RotaImport merges CSV sheets (as Excel and WPS save them) into a base
 * model.json that holds what coordinators seldom change (horizon, calendar,
 * shifts, duties, rules): each sheet kind given replaces that list of the
 * base.  Availability may come from iCalendar files, one per person.  The
 * result is validated as rota check validates a model.json file; every
 * problem of the sheets is reported at once (docs/sheets.md).
 */
typedef struct _RotaImport RotaImport;

#define ROTA_TYPE_IMPORT (rota_import_get_type())
GType rota_import_get_type(void) G_GNUC_CONST;

/**
 * RotaSheetKind:
 * @ROTA_SHEET_UNITS: the units: id, name, head, deputies and the segments
 *   they adopt (包保路段)
 * @ROTA_SHEET_SEGMENTS: the segments: id, name, kind (road or compound),
 *   grid, road chief, location, latitude and longitude
 * @ROTA_SHEET_PEOPLE: the people: id, name, unit, tags, community, phone,
 *   whether the phone is public, and person limits; several files may be
 *   given, read in order
 * @ROTA_SHEET_OFF: days off: a person, the first and last date and
 *   optionally one shift
 * @ROTA_SHEET_REQUESTS: requests: a person's wish for or against a shift
 *   on a date, with a weight
 *
 * The coordinators' sheets rota_import_add_sheet() takes, in the order
 * they are read (docs/sheets.md has their columns).  Each kind given
 * replaces that list of the base model.json.
 */
typedef enum {
    ROTA_SHEET_UNITS,
    ROTA_SHEET_SEGMENTS,
    ROTA_SHEET_PEOPLE,
    ROTA_SHEET_OFF,
    ROTA_SHEET_REQUESTS,
    ROTA_N_SHEETS /*< skip >*/ /* the number of values, not a value */
} RotaSheetKind;

RotaImport *rota_import_new(const char *base_path);
void rota_import_free(RotaImport *import);
void rota_import_set_chinese(RotaImport *import, gboolean chinese);
void rota_import_add_sheet(RotaImport *import, RotaSheetKind kind, const char *path);
void rota_import_add_sheet_data(RotaImport *import, RotaSheetKind kind, const char *name,
                                const char *data, gsize length);
void rota_import_set_availability_dir(RotaImport *import, const char *dir);
RotaModel *rota_import_run(RotaImport *import, GError **error);
const char *rota_import_get_summary(const RotaImport *import);
int rota_import_get_n_errors(const RotaImport *import);

gboolean rota_export_sheets(const RotaModel *model, const char *dir, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaImport, rota_import_free)

G_END_DECLS

#endif
