/* SPDX-License-Identifier: MIT */
/* records-private.h: records.json, the model's deadline and assessment rules, the
 * bulletin. */
#ifndef ROTA_RECORDS_PRIVATE_H
#define ROTA_RECORDS_PRIVATE_H

#include <json-c/json.h>

#include "formats/json-private.h"
#include "roster-private.h"

/* One attendance entry as loaded: the public value plus the strings. */
typedef struct {
    RotaAttendance a;
    char *note;
    int assignment; /* index into the roster, -1 when unscheduled or no roster */
} RotapAttendance;

/* One finding: the public value plus the strings it borrows. */
typedef struct {
    RotaFindingInfo f;
    char *id, *text, *found, *deadline, *closed;
    char *category_name; /* as written ("环卫" or "sanitation") */
    gboolean deadline_given;
} RotapFindingRec;

struct _RotaRecords {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    RotaModel *model;        /* a reference */
    RotaRoster *roster;      /* a copy, or NULL (then attendance is not checked) */
    GArray *attendance;      /* RotapAttendance */
    GArray *findings;        /* RotapFindingRec */
    GHashTable *finding_ids; /* id -> index + 1 */
    GHashTable *entries;     /* "date shift segment person" -> index + 1 */
    GHashTable *slots;       /* the roster's assignments, same keys -> index + 1 */
    GHashTable *assigned;    /* "date shift person" -> segment + 1, built on first use */
};

/* records-rules.c: model.json "rules.deadlines" and "rules.assessment". */
gboolean rotap_json_read_record_rules(const RotapJsonReader *reader,
                                      struct json_object *rules, RotapSpec *spec,
                                      GError **error);
void rotap_write_record_rules(GString *out, const RotapSpec *spec,
                              const char **separator);
gboolean rotap_compile_record_rules(RotaModel *model, GError **error);
gboolean rotap_spec_has_record_rules(const RotapSpec *spec);

/* Hundredths as JSON text: "0.5", "12", "98.25" (no exponent). */
void rotap_append_hundredths(GString *out, gint64 value);
/* Hundredths with at least one decimal, as the bulletin writes scores and
 * hours: "98.5", "100.0", "12.25". */
void rotap_append_hundredths_1(GString *out, gint64 value);

/* Timestamps: strict RFC 3339 "YYYY-MM-DDTHH:MM:SS" + "Z" or "+HH:MM".
 * Seconds since the epoch, FALSE when malformed. */
gboolean rotap_parse_timestamp(const char *text, gint64 *out);
/* The model's time zone (a new reference). */
GTimeZone *rotap_model_time_zone(const RotaModel *model);
/* "YYYY-MM-DDTHH:MM:SS+08:00" of t in the model's zone, newly allocated. */
char *rotap_format_timestamp(const RotaModel *model, gint64 t);
/* Day offset (from the horizon start) of the local date of t. */
gint64 rotap_timestamp_day(const RotaModel *model, gint64 t);
/* Seconds since the epoch of local midnight at the start of day offset d. */
gint64 rotap_day_start(const RotaModel *model, gint64 day);

/* Names: NULL-free lookups; -1 when unknown. */
int rotap_status_from_name(const char *name);
int rotap_source_from_name(const char *name);

/* The key "date shift segment person" of an assignment or entry. */
char *rotap_slot_key(const RotaModel *model, int day, int shift, int segment, int person);

/* Add a validated entry or finding (records.c), taking the strings. */
void rotap_records_push_attendance(RotaRecords *records, const RotaAttendance *a,
                                   char *note, int assignment);
RotapFindingRec *rotap_records_push_finding(RotaRecords *records);

/* The segment of person's assignment of shift on day in the roster, or
 * -1 (no roster, no such assignment). */
int rotap_records_assigned_segment(RotaRecords *records, int day, int shift, int person);
/* Drop the entries and findings added after the first n_attendance and
 * n_findings (an import that failed part way). */
void rotap_records_truncate(RotaRecords *records, guint n_attendance, guint n_findings);
/* Open a closed finding again (undoing a close of a failed import). */
void rotap_records_reopen(RotaRecords *records, int index);
/* The adders and rota_records_close_finding() with the offending member
 * apart: on failure *key names it ("date", "person", "closed"...; NULL
 * when the message concerns the whole entry) and the message does not
 * start with it, so that the import can place it at the key's column.
 * The public functions prefix "KEY: ". */
gboolean rotap_records_add_attendance_keyed(RotaRecords *records, const char *date,
                                            const char *shift, const char *segment,
                                            const char *person, const char *status,
                                            int minutes, const char *substitute,
                                            const char *by, gboolean unscheduled,
                                            const char *note, const char **key,
                                            GError **error);
/* rota_records_add_finding() with a given id (NULL: the next free one);
 * returns the id (owned by the records) or NULL, and nothing changes. */
const char *rotap_records_add_finding_as(RotaRecords *records, const char *id,
                                         const char *segment, const char *category,
                                         const char *source, const char *text,
                                         const char *found, const char *deadline,
                                         const char **key, GError **error);
gboolean rotap_records_close_finding_keyed(RotaRecords *records, const char *id,
                                           const char *closed, const char *closed_by,
                                           const char **key, GError **error);

/* Check one attendance entry against the model and roster (path for
 * messages, "attendance[3]"): "PATH.KEY: message" errors, *key set to the
 * offending key for positioning. */
gboolean rotap_records_check_attendance(RotaRecords *records, const RotaAttendance *a,
                                        int *assignment, const char **key,
                                        GError **error);
/* Check a finding's times and fill found_at/deadline_at/closed_at; the
 * deadline defaults from the model's rules. */
gboolean rotap_records_check_finding(RotaRecords *records, RotapFindingRec *f,
                                     const char **key, GError **error);

#endif
