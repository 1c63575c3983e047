/* SPDX-License-Identifier: MIT */
/* rota-records.h: what happened: attendance and findings (records.json, rota-records v1).
 */
#ifndef ROTA_RECORDS_H
#define ROTA_RECORDS_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>
#include <rota/rota-builder.h>
#include <rota/rota-model.h>
#include <rota/rota-roster.h>

G_BEGIN_DECLS

/* How an attendance entry went (docs/records.md, "status"). */
typedef enum {
    ROTA_STATUS_DONE,
    ROTA_STATUS_LATE,
    ROTA_STATUS_ABSENT,
    ROTA_STATUS_EXCUSED,
    ROTA_STATUS_SUBSTITUTED,
    ROTA_N_STATUSES /*< skip >*/ /* the number of values, not a value */
} RotaStatus;

/* The eight kinds of finding on a segment (八位一体), in the order of
 * docs/records.md: 道路 road, 建筑 building, 车辆 vehicles, 绿植 greenery,
 * 环卫 sanitation, 市政 utilities, 亮灯 lighting, 水系 waterways. */
typedef enum {
    ROTA_CATEGORY_ROAD,
    ROTA_CATEGORY_BUILDING,
    ROTA_CATEGORY_VEHICLES,
    ROTA_CATEGORY_GREENERY,
    ROTA_CATEGORY_SANITATION,
    ROTA_CATEGORY_UTILITIES,
    ROTA_CATEGORY_LIGHTING,
    ROTA_CATEGORY_WATERWAYS,
    ROTA_N_CATEGORIES /*< skip >*/ /* the number of values, not a value */
} RotaCategory;

/* Where a finding came from: an inspection, the 12345 hotline, a
 * citizen's photo (随手拍), anything else. */
typedef enum {
    ROTA_SOURCE_INSPECTION,
    ROTA_SOURCE_HOTLINE,
    ROTA_SOURCE_PHOTO,
    ROTA_SOURCE_OTHER,
    ROTA_N_SOURCES /*< skip >*/ /* the number of values, not a value */
} RotaSource;

/* The figures of the assessment rubric (model.json "rules.assessment"
 * keys; see rota_model_get_assessment()). */
typedef enum {
    ROTA_ASSESS_BASE,
    ROTA_ASSESS_ONSITE_MISSED,
    ROTA_ASSESS_ABSENT,
    ROTA_ASSESS_LATE,
    ROTA_ASSESS_OVERDUE,
    ROTA_ASSESS_CLOSED_LATE,
    ROTA_ASSESS_CAP_ONSITE,
    ROTA_ASSESS_CAP_ATTENDANCE,
    ROTA_ASSESS_CAP_FINDINGS,
    ROTA_ASSESS_RED_TOP,
    ROTA_ASSESS_RED_MIN,
    ROTA_ASSESS_BLACK_BOTTOM,
    ROTA_ASSESS_BLACK_BELOW,
    ROTA_N_ASSESS /*< skip >*/ /* the number of values, not a value */
} RotaAssess;

/*
 * RotaAttendance: one attendance entry, a value type.  Indices refer to
 * the model; minutes is -1 when not recorded; substitute and by are -1
 * when not given; note is borrowed from the records (NULL when none).
 */
typedef struct {
    int day;
    int shift;
    int segment;
    int person;
    RotaStatus status;
    int minutes;
    int substitute;
    int by;
    gboolean unscheduled;
    const char *note;
} RotaAttendance;

#define ROTA_TYPE_ATTENDANCE (rota_attendance_get_type())
GType rota_attendance_get_type(void) G_GNUC_CONST;

/*
 * RotaFindingInfo: one finding, a value type whose strings are borrowed
 * from the records.  Times are RFC 3339 texts as written ("found",
 * "deadline", "closed") and seconds since the epoch; closed is NULL and
 * closed_at 0 while the finding is open; closed_by is -1 when not given.
 */
typedef struct {
    const char *id;
    int segment;
    RotaCategory category;
    RotaSource source;
    const char *text;
    const char *found;
    gint64 found_at;
    const char *deadline;
    gint64 deadline_at;
    const char *closed;
    gint64 closed_at;
    int closed_by;
} RotaFindingInfo;

#define ROTA_TYPE_FINDING_INFO (rota_finding_info_get_type())
GType rota_finding_info_get_type(void) G_GNUC_CONST;

typedef struct _RotaRecords RotaRecords;

#define ROTA_TYPE_RECORDS (rota_records_get_type())
GType rota_records_get_type(void) G_GNUC_CONST;

RotaRecords *rota_records_new(RotaModel *model, RotaRoster *roster);
void rota_records_free(RotaRecords *records);
RotaRecords *rota_records_new_from_file(RotaModel *model, RotaRoster *roster,
                                        const char *path, GError **error);
RotaRecords *rota_records_new_from_data(RotaModel *model, RotaRoster *roster,
                                        const char *data, gsize length,
                                        const char *source, GError **error);
char *rota_records_to_data(const RotaRecords *records, gsize *length);
gboolean rota_records_save(const RotaRecords *records, const char *path, GError **error);

RotaModel *rota_records_get_model(const RotaRecords *records);
int rota_records_get_n_attendance(const RotaRecords *records);
gboolean rota_records_get_attendance(const RotaRecords *records, int index,
                                     RotaAttendance *out);
int rota_records_get_n_findings(const RotaRecords *records);
gboolean rota_records_get_finding(const RotaRecords *records, int index,
                                  RotaFindingInfo *out);
int rota_records_find_finding(const RotaRecords *records, const char *id);

gboolean rota_records_add_attendance(RotaRecords *records, const char *date,
                                     const char *shift, const char *segment,
                                     const char *person, const char *status, int minutes,
                                     const char *substitute, const char *by,
                                     gboolean unscheduled, const char *note,
                                     GError **error);
char *rota_records_add_finding(RotaRecords *records, const char *segment,
                               const char *category, const char *source, const char *text,
                               const char *found, const char *deadline, GError **error);
gboolean rota_records_close_finding(RotaRecords *records, const char *id,
                                    const char *closed, const char *closed_by,
                                    GError **error);

/*
 * Check-in exports: attendance and findings as CSV sheets (rota import
 * --records; docs/records.md has the columns).  Rows are added to the
 * records as rota_records_add_attendance() and rota_records_add_finding()
 * add them; a row already recorded the same way is left alone, so that
 * importing the same export twice changes nothing.  Every problem of a
 * sheet is reported at once ("FILE:ROW:COL: 列 NAME (key): message", up to
 * 50 lines) and then nothing is added.
 */
typedef enum {
    ROTA_RECORD_SHEET_ATTENDANCE,
    ROTA_RECORD_SHEET_FINDINGS
} RotaRecordSheet;

gboolean rota_records_import_sheet(RotaRecords *records, RotaRecordSheet kind,
                                   const char *path, gboolean chinese, int *n_added,
                                   int *n_unchanged, GError **error);
gboolean rota_records_import_sheet_data(RotaRecords *records, RotaRecordSheet kind,
                                        const char *name, const char *data, gsize length,
                                        gboolean chinese, int *n_added, int *n_unchanged,
                                        GError **error);

const char *rota_status_get_name(RotaStatus status);
const char *rota_category_get_name(RotaCategory category);
const char *rota_category_get_name_zh(RotaCategory category);
int rota_category_from_name(const char *name);
const char *rota_source_get_name(RotaSource source);

int rota_model_get_deadline_hours(const RotaModel *model, RotaCategory category);
double rota_model_get_assessment(const RotaModel *model, RotaAssess item);
gboolean rota_model_has_assessment(const RotaModel *model, RotaAssess item);
const char *rota_assess_get_name(RotaAssess item);
void rota_builder_set_deadline(RotaBuilder *builder, const char *category, int hours);
void rota_builder_set_assessment(RotaBuilder *builder, RotaAssess item, double value);

char *rota_timestamp_now(const RotaModel *model);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotaRecords, rota_records_free)

G_END_DECLS

#endif
