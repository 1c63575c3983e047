/* SPDX-License-Identifier: MIT */
/* rota-records.h: what happened: attendance and findings (records.json, rota-records v1).
 */
/*
 * Ownership and threads: Records have one owner (rota_records_free()), hold a
 * reference to the model and are used by one thread at a time.  Values
 * filled by rota_records_get_attendance() and rota_records_get_finding()
 * borrow their strings from the records (valid until the records change);
 * rota_records_add_finding() and _to_data return text the caller frees.
 * The _get_name functions return static strings, usable from any thread.
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

/**
 * RotaStatus:
 * @ROTA_STATUS_DONE: the person did the duty ("done")
 * @ROTA_STATUS_LATE: the person did the duty but came late ("late"); the
 *   bulletin deducts rules.assessment.late for it
 * @ROTA_STATUS_ABSENT: the person did not come, without leave ("absent");
 *   no work time counts
 * @ROTA_STATUS_EXCUSED: the person did not come, with leave (请假,
 *   "excused"); no work time counts and nothing is deducted
 * @ROTA_STATUS_SUBSTITUTED: someone else did the duty ("substituted"); the
 *   entry's substitute names them and is credited with the work time
 *
 * How an attendance entry went: the "status" of an entry of records.json
 * (docs/records.md).  rota_status_get_name() gives the records.json word.
 */
typedef enum {
    ROTA_STATUS_DONE,
    ROTA_STATUS_LATE,
    ROTA_STATUS_ABSENT,
    ROTA_STATUS_EXCUSED,
    ROTA_STATUS_SUBSTITUTED,
    ROTA_N_STATUSES /*< skip >*/ /* the number of values, not a value */
} RotaStatus;

/**
 * RotaCategory:
 * @ROTA_CATEGORY_ROAD: 道路, "road"; default deadline 72 hours
 * @ROTA_CATEGORY_BUILDING: 建筑, "building"; default deadline 168 hours
 * @ROTA_CATEGORY_VEHICLES: 车辆, "vehicles"; default deadline 24 hours
 * @ROTA_CATEGORY_GREENERY: 绿植, "greenery"; default deadline 72 hours
 * @ROTA_CATEGORY_SANITATION: 环卫, "sanitation"; default deadline 24 hours
 * @ROTA_CATEGORY_UTILITIES: 市政, "utilities" (municipal facilities);
 *   default deadline 72 hours
 * @ROTA_CATEGORY_LIGHTING: 亮灯, "lighting"; default deadline 48 hours
 * @ROTA_CATEGORY_WATERWAYS: 水系, "waterways"; default deadline 72 hours
 *
 * The eight kinds of finding on a segment (八位一体), in the order of
 * docs/records.md.  records.json and model.json's rules.deadlines accept
 * the Chinese or the English name (rota_category_from_name()).  A
 * finding is to be closed within its category's hours: the default given
 * with each value, or model.json's rules.deadlines
 * (rota_model_get_deadline_hours()).
 */
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

/**
 * RotaSource:
 * @ROTA_SOURCE_INSPECTION: an inspection on the segment ("inspection"; 巡查,
 *   督查); an empty source cell of a findings sheet means this
 * @ROTA_SOURCE_HOTLINE: a call to the 12345 citizens' hotline ("hotline")
 * @ROTA_SOURCE_PHOTO: a citizen's photo report (随手拍, "photo")
 * @ROTA_SOURCE_OTHER: anything else ("other")
 *
 * Where a finding came from: the "source" of a finding in records.json.
 * rota_source_get_name() gives the records.json word.
 */
typedef enum {
    ROTA_SOURCE_INSPECTION,
    ROTA_SOURCE_HOTLINE,
    ROTA_SOURCE_PHOTO,
    ROTA_SOURCE_OTHER,
    ROTA_N_SOURCES /*< skip >*/ /* the number of values, not a value */
} RotaSource;

/**
 * RotaAssess:
 * @ROTA_ASSESS_BASE: "base", the score a unit starts from (default 100)
 * @ROTA_ASSESS_ONSITE_MISSED: "onsite_missed", points deducted per missed
 *   on-site day (default 2)
 * @ROTA_ASSESS_ABSENT: "absent", points deducted per absence (default 1)
 * @ROTA_ASSESS_LATE: "late", points deducted per late duty (default 0.5)
 * @ROTA_ASSESS_OVERDUE: "overdue", points deducted per finding still open
 *   past its deadline at the period's end (default 2)
 * @ROTA_ASSESS_CLOSED_LATE: "closed_late", points deducted per finding
 *   closed after its deadline (default 1)
 * @ROTA_ASSESS_CAP_ONSITE: "cap_onsite", the most the on-site deductions
 *   take off (default 40)
 * @ROTA_ASSESS_CAP_ATTENDANCE: "cap_attendance", the most the absent and
 *   late deductions together take off (default 30)
 * @ROTA_ASSESS_CAP_FINDINGS: "cap_findings", the most the overdue and
 *   closed_late deductions together take off (default 30)
 * @ROTA_ASSESS_RED_TOP: "red_top", the number of best-ranked units on the
 *   red list, a whole number (default 10)
 * @ROTA_ASSESS_RED_MIN: "red_min", the least score of a unit on the red
 *   list (no default)
 * @ROTA_ASSESS_BLACK_BOTTOM: "black_bottom", the number of worst-scored
 *   units on the black list, a whole number (default 10)
 * @ROTA_ASSESS_BLACK_BELOW: "black_below", a unit scoring below this is on
 *   the black list (no default)
 *
 * The figures of the bulletin's assessment rubric, the keys of model.json's
 * "rules.assessment" (docs/records.md); values are points with at most two
 * decimals.  Giving "red_top" or "red_min" replaces the default red list
 * rule (both given: a unit must meet both); the same holds for
 * "black_bottom" and "black_below".  See rota_model_get_assessment() and
 * rota_model_has_assessment().
 */
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

/**
 * RotaAttendance:
 * @day: the day of the duty, 0-based index of the model's days
 * @shift: the shift, 0-based index of the model's shifts
 * @segment: the segment, 0-based index of the model's segments
 * @person: the person the entry is about (the one assigned, unless
 *   @unscheduled), 0-based index of the model's people
 * @status: how the duty went
 * @minutes: minutes worked as recorded, 0 to 1440, or -1 when not recorded
 *   (then the shift's length counts for done, late and substituted entries
 *   and nothing for absent and excused ones)
 * @substitute: the person who did the duty instead, index of the model's
 *   people; -1 unless @status is %ROTA_STATUS_SUBSTITUTED
 * @by: the person who recorded the entry, index of the model's people, or
 *   -1 when not given
 * @unscheduled: %TRUE for work that is not an assignment of the roster (a
 *   weekend clean-up, say)
 * @note: (nullable): free text, borrowed from the records, or %NULL
 *
 * One attendance entry of the records, a value type filled by
 * rota_records_get_attendance().  The records hold at most one entry per
 * day, shift, segment and person.
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

/**
 * RotaFindingInfo:
 * @id: the finding's id, "F" and a number ("F0031")
 * @segment: the segment where it was found, 0-based index of the model's
 *   segments; its unit is the one answerable for it
 * @category: what kind of problem it is
 * @source: who reported it
 * @text: the description of the problem
 * @found: when it was found, RFC 3339 text as written
 *   ("2026-12-01T09:20:00+08:00")
 * @found_at: @found in seconds since the Unix epoch
 * @deadline: when it is to be closed by, RFC 3339 text: as given, or
 *   @found plus the category's hours (rota_model_get_deadline_hours())
 * @deadline_at: @deadline in seconds since the Unix epoch
 * @closed: (nullable): when it was signed off (销号), RFC 3339 text, or
 *   %NULL while it is open
 * @closed_at: @closed in seconds since the Unix epoch, 0 while open
 * @closed_by: who signed it off, 0-based index of the model's people, or
 *   -1 when open or not given
 *
 * One finding of the records, a value type filled by
 * rota_records_get_finding(); its strings are borrowed from the records.
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

/**
 * RotaRecords:
 *
 * What happened on the roster's duties: attendance entries and findings,
 * the content of a records.json file (format "rota-records", version 1;
 * docs/records.md).  Records refer to one model (held by reference) and,
 * when given one, check attendance against a roster's assignments.
 * Entries and findings keep the order they were read or added in and are
 * addressed by 0-based index.  Records have one owner
 * (rota_records_free()) and are used by one thread at a time.
 */
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

/**
 * RotaRecordSheet:
 * @ROTA_RECORD_SHEET_ATTENDANCE: a check-in app's attendance export, one
 *   attendance entry per row (日期 date, 班次 shift, 人员 person, 状态
 *   status, ...)
 * @ROTA_RECORD_SHEET_FINDINGS: a findings ledger (问题台账), one finding
 *   per row (路段 segment, 发现时间 found, 类别 category, ...)
 *
 * The kinds of check-in export read by rota_records_import_sheet() (rota
 * import --records; docs/records.md has the columns).  Rows are added to
 * the records as rota_records_add_attendance() and
 * rota_records_add_finding() add them; a row already recorded the same way
 * is left alone, so that importing the same export twice changes nothing.
 * Every problem of a sheet is reported at once ("FILE:ROW:COL: 列 NAME
 * (key): message", up to 50 lines) and then nothing is added.
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
