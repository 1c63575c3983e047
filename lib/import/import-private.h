/* SPDX-License-Identifier: MIT */
/* import-private.h: what the files of rota import (CSV sheets and calendars) share. */
#ifndef ROTA_IMPORT_PRIVATE_H
#define ROTA_IMPORT_PRIVATE_H

#include "i18n-private.h"
#include "spec-private.h"

/*
 * rota import reads each sheet into a RotapCsv (import-csv.c), maps its
 * header to the fields of its kind (import-columns.c), turns its rows into
 * spec records (import-sheets.c, import-people.c) keeping where each came
 * from, resolves references by id or name (import-resolve.c) and collects
 * every problem on the way into RotapErrors (import-text.c), so that a run
 * reports all of them at once, sorted by file, row and column.
 */

/* At most this many error lines are reported. */
#define ROTAP_IMPORT_MAX_ERRORS 50

/* ---- the CSV text */

typedef struct {
    int line; /* the line of the file on which the record starts (header = 1) */
    int n_cells;
    char **cells; /* trimmed UTF-8, never NULL */
} RotapCsvRow;

typedef struct {
    char *name;           /* the file as named in messages */
    const char *encoding; /* "UTF-8", "UTF-8 with BOM" or "GB18030" */
    char delimiter;       /* ',' or '\t' */
    RotapCsvRow *header;  /* NULL when the file holds no record at all */
    GPtrArray *rows;      /* RotapCsvRow *, blank rows left out */
} RotapCsv;

void rotap_csv_free(RotapCsv *csv);

/* ---- errors */

typedef struct {
    int file; /* order of the file in the run (base = 0) */
    int row;  /* 0: the message has no row */
    int col;  /* 0: no column */
    char *text;
} RotapImportError;

typedef struct {
    gboolean chinese;
    GArray *items; /* RotapImportError */
} RotapErrors;

/* A message (an English printf format, marked for xgettext) in the run's
 * language: Chinese with rota_import_set_chinese(), else the locale's.
 * errors is anything with a gboolean chinese: RotapErrors or RotaImport. */
#define ROTAP_TR(errors, en) ((errors)->chinese ? rotap_zh(en) : _(en))

void rotap_errors_init(RotapErrors *errors, gboolean chinese);
void rotap_errors_clear(RotapErrors *errors);
/* "FILE: message" or "FILE:ROW: message" (row > 0). */
void rotap_errors_add_line(RotapErrors *errors, int file, const char *name, int row,
                           const char *format, ...) G_GNUC_PRINTF(5, 6);
/* Sorted by file, row and column, at most ROTAP_IMPORT_MAX_ERRORS lines
 * joined by newlines (and a last line counting the rest). */
char *rotap_errors_join(RotapErrors *errors);

/* ---- decoding and parsing (import-csv.c) */

/* Decode (UTF-8 with or without BOM, else GB18030) and parse a sheet.  On
 * failure the errors are added and NULL is returned. */
RotapCsv *rotap_csv_parse(const char *name, int file, const char *data, gsize length,
                          RotapErrors *errors);

/* ---- sheets and their columns (import-columns.c) */

/* The fields of each kind, in the order of the table in docs/sheets.md. */
enum { F_UNIT_ID, F_UNIT_NAME, F_UNIT_HEAD, F_UNIT_DEPUTIES, F_UNIT_SEGMENTS };
enum {
    F_SEG_ID,
    F_SEG_NAME,
    F_SEG_KIND,
    F_SEG_GRID,
    F_SEG_CHIEF,
    F_SEG_LOCATION,
    F_SEG_LAT,
    F_SEG_LON
};
enum {
    F_PERSON_ID,
    F_PERSON_NAME,
    F_PERSON_UNIT,
    F_PERSON_TAGS,
    F_PERSON_COMMUNITY,
    F_PERSON_PHONE,
    F_PERSON_PHONE_PUBLIC
};
enum { F_OFF_PERSON, F_OFF_FROM, F_OFF_TO, F_OFF_SHIFT };
enum { F_REQ_PERSON, F_REQ_DATE, F_REQ_SHIFT, F_REQ_ON, F_REQ_WEIGHT };
enum {
    F_ATT_DATE,
    F_ATT_SHIFT,
    F_ATT_SEGMENT,
    F_ATT_PERSON,
    F_ATT_STATUS,
    F_ATT_MINUTES,
    F_ATT_SUBSTITUTE,
    F_ATT_BY,
    F_ATT_UNSCHEDULED,
    F_ATT_NOTE
};
enum {
    F_FIND_ID,
    F_FIND_SEGMENT,
    F_FIND_FOUND,
    F_FIND_CATEGORY,
    F_FIND_SOURCE,
    F_FIND_TEXT,
    F_FIND_DEADLINE,
    F_FIND_CLOSED,
    F_FIND_CLOSED_BY
};
#define ROTAP_MAX_FIELDS 10

/* The sheets of records (rota import --records), numbered after the
 * model's sheets so that one RotapSheet serves both. */
enum { ROTAP_SHEET_ATTENDANCE = ROTA_N_SHEETS, ROTAP_SHEET_FINDINGS };

typedef struct {
    const char *key; /* English name, as in model.json */
    const char *zh;  /* Chinese name */
} RotapColumnName;

/* The fields of kind (n_fields set) and the Chinese name of a limit. */
const RotapColumnName *rotap_sheet_fields(int kind, int *n_fields);
const char *rotap_limit_chinese(RotaLimit limit);
const char *rotap_sheet_file_name(RotaSheetKind kind); /* "units.csv", ... */

typedef struct {
    RotapCsv *csv;
    int kind;                    /* a RotaSheetKind or ROTAP_SHEET_ATTENDANCE, ... */
    int file;                    /* order of the file in the run */
    int field[ROTAP_MAX_FIELDS]; /* 0-based column of each field, or -1 */
    int limit[ROTA_N_LIMITS];    /* people: column of each limit, or -1 */
    GPtrArray *max_shifts;       /* people: shift id per column, NULL if none */
    char **keys;                 /* per column: its key for messages, or NULL */
} RotapSheet;

/* Map the header of csv to the fields of kind; unknown and repeated
 * columns are errors.  shifts are the base's shift ids (for the
 * max_shifts.SHIFT columns).  NULL when the header is unusable. */
RotapSheet *rotap_sheet_new(RotapCsv *csv, int kind, int file,
                            const GArray *shifts, RotapErrors *errors);
void rotap_sheet_free(RotapSheet *sheet);

/* Cells beyond the header or under an unnamed column are errors. */
void rotap_sheet_check_row(const RotapSheet *sheet, const RotapCsvRow *row,
                           RotapErrors *errors);
/* A required column; its absence is an error saying why it is needed. */
gboolean rotap_sheet_require(const RotapSheet *sheet, int field, const char *why,
                             RotapErrors *errors);
/* The cell of field in row ("" when the column or the cell is missing). */
const char *rotap_sheet_cell(const RotapSheet *sheet, const RotapCsvRow *row, int field);
/* "FILE:ROW:COL: 列 NAME (key): message" at column col (0-based). */
void rotap_sheet_error(const RotapSheet *sheet, RotapErrors *errors, int row, int col,
                       const char *format, ...) G_GNUC_PRINTF(5, 6);
/* The same at the column of a field. */
void rotap_sheet_field_error(const RotapSheet *sheet, RotapErrors *errors, int row,
                             int field, const char *format, ...) G_GNUC_PRINTF(5, 6);

/* ---- cell values (import-text.c) */

/* Split a list cell at 、 ， , ; ； (items trimmed, empty ones dropped). */
GPtrArray *rotap_split_list(const char *text);
/* Trim ASCII white space and U+3000 from both ends, in place; returns text. */
char *rotap_trim(char *text);
/* 想/是/1/yes/true or 不想/否/0/no/false (import-people.c). */
gboolean rotap_parse_on(const char *cell, gboolean *on);
/* A whole number (ASCII digits, optional sign). */
gboolean rotap_parse_int(const char *text, int *value);
/* The date forms of docs/sheets.md.  start and n_days are the horizon's, for
 * "12月5日"; *out is "YYYY-MM-DD". FALSE with *why set (static, in the
 * language of errors) on failure. */
gboolean rotap_parse_sheet_date(const char *text, const GDate *start, int n_days,
                                gboolean chinese, char **out, const char **why);
/* Distance between two UTF-8 strings in characters (Levenshtein). */
int rotap_text_distance(const char *a, const char *b);

/* ---- the run's state (import.c) */

/* Where a record of a list came from: its sheet and line, or NULL/0 when
 * it came from the base model. */
typedef struct {
    RotapSheet *sheet;
    int line;
} RotapOrigin;

/* A reference to resolve: a unit, a segment, a person or a shift. */
typedef enum {
    ROTAP_REF_UNIT,
    ROTAP_REF_SEGMENT,
    ROTAP_REF_PERSON,
    ROTAP_REF_SHIFT,
    ROTAP_N_REFS
} RotapRefKind;

typedef struct _RotapResolver RotapResolver;

typedef struct {
    RotapSpec *spec;
    RotapErrors *errors;
    GDate start; /* the horizon's first day (valid only if has_horizon) */
    gboolean has_horizon;
    int n_days;
    GArray *origins[ROTA_N_SHEETS]; /* RotapOrigin per record of units,
                                        segments, people (others unused) */
    gboolean replaced[ROTA_N_SHEETS];
    RotapSpec *old; /* holds the base's people once a sheet replaced them */
    /* off and requests read from sheets, before they join their people */
    GArray *off_rows;     /* RotapOffRow */
    GArray *request_rows; /* RotapRequestRow */
    RotapResolver *resolver;
    int n_by_name;    /* references resolved by name */
    GHashTable *tags; /* tag -> count, people read from sheets */
} RotapImportRun;

typedef struct {
    RotapSheet *sheet;
    int line;
    char *person;
    RotapOffSpec off;
} RotapOffRow;

typedef struct {
    RotapSheet *sheet;
    int line;
    char *person;
    RotapRequestSpec request;
} RotapRequestRow;

/* Rows of each sheet into the run (import-sheets.c, import-people.c). */
void rotap_read_units(RotapImportRun *run, RotapSheet *sheet);
void rotap_read_segments(RotapImportRun *run, RotapSheet *sheet);
void rotap_read_people(RotapImportRun *run, RotapSheet *sheet);
void rotap_read_off(RotapImportRun *run, RotapSheet *sheet);
void rotap_read_requests(RotapImportRun *run, RotapSheet *sheet);
/* Cell helpers (import-sheets.c, import-people.c): a copy of a non-empty
 * cell or NULL; a list cell's items appended; a row's id (an empty one is
 * an error); tags between their cell words (党员) and model.json (party). */
char *rotap_cell_dup(const char *cell);
void rotap_cell_list(const char *cell, GPtrArray *list);
const char *rotap_row_id(RotapImportRun *run, RotapSheet *sheet, const RotapCsvRow *row,
                         int field);
const char *rotap_tag_from_cell(const char *word);
const char *rotap_tag_to_cell(const char *tag);
/* Duplicate ids of the lists read from sheets, reported at the second row. */
void rotap_check_duplicates(RotapImportRun *run);
/* Free what a row of the off or requests sheet holds (import-people.c). */
void rotap_off_row_clear(RotapOffRow *row);
void rotap_request_row_clear(RotapRequestRow *row);
/* Copy off entries and requests (import-people.c). */
void rotap_off_copy(RotapOffSpec *to, const RotapOffSpec *from);
void rotap_request_copy(RotapRequestSpec *to, const RotapRequestSpec *from);

/* References (import-resolve.c): tables of the final lists' ids and names. */
RotapResolver *rotap_resolver_new(const RotapSpec *spec);
void rotap_resolver_free(RotapResolver *resolver);
/* Resolve *slot (an id or an exact name) in place; errors at (sheet, row,
 * field's column).  Returns FALSE when it stays unresolved. */
gboolean rotap_resolve(RotapImportRun *run, RotapRefKind kind, char **slot,
                       const RotapSheet *sheet, int row, int field);
/* Resolve the references of every record read from a sheet, then join the
 * off and request rows to their people. */
void rotap_resolve_all(RotapImportRun *run);

/* Availability from iCalendar files (import-ical.c): for each person of
 * spec, DIR/ID.ics when present; busy times make (date, shift) pairs off,
 * added to the person's off list.  Reports per file into summary. */
void rotap_import_availability(RotapImportRun *run, const char *dir, int file,
                               GString *summary);

#endif
