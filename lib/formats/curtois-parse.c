/* SPDX-License-Identifier: MIT */
/* curtois-parse.c: read the text of a Curtois-Qu benchmark instance into tables. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
#include "curtois-private.h"
#include "model-private.h"

/*
 * The text format is described in docs/curtois.md.  The file
 * is parsed completely (every id resolved, every number checked, each error
 * naming FILE:LINE) before any builder call, so that the builder never sees
 * a value whose mistake could not be traced back to a line.
 */

enum {
    SEC_HORIZON,
    SEC_SHIFTS,
    SEC_STAFF,
    SEC_DAYS_OFF,
    SEC_ON,
    SEC_OFF,
    SEC_COVER,
    N_SECTIONS
};

static const char *const section_names[N_SECTIONS] = {
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
};

/* Largest accepted values: they keep every later sum inside 64 bits. */
#define MAX_DAYS 10000
#define MAX_NUMBER 1000000000
#define MAX_COVER 100000

static const char *const staff_limit_names[ROTAP_CURTOIS_N_LIMITS] = {
    "MaxTotalMinutes",      "MinTotalMinutes",       "MaxConsecutiveShifts",
    "MinConsecutiveShifts", "MinConsecutiveDaysOff", "MaxWeekends",
};

/* Pointers into a line, reused from line to line. */
typedef struct {
    char **v;
    guint len, alloc;
} Fields;

typedef struct {
    const char *source;
    gsize length;
    gsize pos;
    int line;      /* 1-based number of the current line */
    char *buffer;  /* a copy of the data, cut into lines in place */
    char *text;    /* the current line, without its end */
    Fields fields; /* the current line's fields */
    int section;   /* -1 before the first header */
    int n_data;    /* data lines read in the current section */
    RotapCurtois *in;
    GHashTable *shift_index; /* id -> index + 1 */
    GHashTable *staff_index;
    int *cover_line; /* n_days * n_shifts: line of the cover line, or 0 */
} CurtParser;

static void fail(const CurtParser *p, GError **error, int code, const char *format, ...)
    G_GNUC_PRINTF(4, 5);

static void
fail(const CurtParser *p, GError **error, int code, const char *format, ...)
{
    g_autofree char *message = NULL;
    va_list args;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    /* Quoted input may hold any bytes; messages must stay UTF-8. */
    if (!g_utf8_validate(message, -1, NULL)) {
        char *valid = g_utf8_make_valid(message, -1);

        g_free(message);
        message = valid;
    }
    g_set_error(error, ROTA_ERROR, code, "%s:%d: %s", p->source, p->line, message);
}

static void
parser_init(CurtParser *p, RotapCurtois *in, const char *data, gsize length,
            const char *source)
{
    memset(p, 0, sizeof *p);
    p->in = in;
    p->source = source;
    p->length = length;
    if (length >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        p->pos = 3;
    p->buffer = g_malloc(length + 1);
    memcpy(p->buffer, data, length);
    p->buffer[length] = '\0';
    p->section = -1;
    p->shift_index = g_hash_table_new(g_str_hash, g_str_equal);
    p->staff_index = g_hash_table_new(g_str_hash, g_str_equal);
    rotap_curtois_init(in);
}

static void
parser_clear(CurtParser *p)
{
    g_free(p->buffer);
    g_free(p->fields.v);
    g_hash_table_destroy(p->shift_index);
    g_hash_table_destroy(p->staff_index);
    g_free(p->cover_line);
}

/*
 * Move to the next line: FALSE at the end of the data.  The line end (LF,
 * CRLF) and trailing blanks are cut off in the buffer; a NUL byte inside a
 * line is an error, since it would silently cut the line short.
 */
static gboolean
next_line(CurtParser *p, gboolean *ok, GError **error)
{
    char *start, *end;
    gsize len;

    *ok = TRUE;
    if (p->pos >= p->length)
        return FALSE;
    start = p->buffer + p->pos;
    end = memchr(start, '\n', p->length - p->pos);
    len = end != NULL ? (gsize)(end - start) : p->length - p->pos;
    p->pos += len + (end != NULL ? 1 : 0);
    p->line++;
    while (len > 0 &&
           (start[len - 1] == '\r' || start[len - 1] == ' ' || start[len - 1] == '\t'))
        len--;
    if (memchr(start, '\0', len) != NULL) {
        fail(p, error, ROTA_ERROR_SYNTAX, "NUL byte in the line (expected text)");
        *ok = FALSE;
        return FALSE;
    }
    start[len] = '\0';
    p->text = start;
    return TRUE;
}

/* Split text in place at sep into fields, each trimmed of blanks.  One
 * pass and no copying: the largest files have tens of thousands of lines. */
static void
split_fields(char *text, char sep, Fields *fields)
{
    char *start = text;

    fields->len = 0;
    for (char *c = text;; c++) {
        gboolean last = *c == '\0';
        char *end = c;

        if (*c != sep && !last)
            continue;
        while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        *end = '\0';
        while (*start == ' ' || *start == '\t')
            start++;
        if (fields->len == fields->alloc) {
            fields->alloc = MAX(16, 2 * fields->alloc);
            fields->v = g_renew(char *, fields->v, fields->alloc);
        }
        fields->v[fields->len++] = start;
        if (last)
            return;
        start = c + 1;
    }
}

/*
 * A decimal integer with an optional sign, from min to max (min >= 0);
 * what names it in messages.  The sign is accepted because Instance15
 * writes a requirement as "-0"; any other negative value is out of range.
 */
static gboolean
parse_number(const CurtParser *p, const char *text, const char *what, int min, int max,
             int *out, GError **error)
{
    const char *c = text + (*text == '-' || *text == '+');
    gint64 value = 0;

    if (*text == '\0') {
        fail(p, error, ROTA_ERROR_SYNTAX,
             "%s is empty (expected an integer from %d to %d)", what, min, max);
        return FALSE;
    }
    if (*c == '\0')
        c = text; /* a lone sign: reported by the loop */
    for (; *c != '\0'; c++) {
        if (!g_ascii_isdigit(*c)) {
            fail(p, error, ROTA_ERROR_SYNTAX,
                 "%s \"%s\" is not a number (expected an integer from %d to %d)", what,
                 text, min, max);
            return FALSE;
        }
        if (value <= max)
            value = value * 10 + (*c - '0');
    }
    if (*text == '-')
        value = -value;
    if (value < min || value > max) {
        fail(p, error, ROTA_ERROR_INVALID, "%s %s is out of range (expected %d to %d)",
             what, text, min, max);
        return FALSE;
    }
    *out = (int)value;
    return TRUE;
}

static gboolean
parse_day(const CurtParser *p, const char *text, int *out, GError **error)
{
    return parse_number(p, text, "day", 0, p->in->n_days - 1, out, error);
}

/* Ids are printable ASCII without blanks or the format's separators. */
static gboolean
check_id(const CurtParser *p, const char *id, const char *what, GError **error)
{
    if (*id == '\0') {
        fail(p, error, ROTA_ERROR_SYNTAX, "empty %s id (expected a name)", what);
        return FALSE;
    }
    for (const char *c = id; *c != '\0'; c++) {
        if (*c <= ' ' || *c > '~' || *c == '|' || *c == '=') {
            fail(p, error, ROTA_ERROR_SYNTAX,
                 "%s id \"%s\" has a bad character (expected printable ASCII without "
                 "blanks, '|' or '=')",
                 what, id);
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
find_id(const CurtParser *p, GHashTable *index, const char *id, const char *what,
        int *out, GError **error)
{
    gpointer value = g_hash_table_lookup(index, id);

    if (value == NULL) {
        fail(p, error, ROTA_ERROR_INVALID, "unknown %s \"%s\" (expected %s)", what, id,
             index == p->shift_index ? "a shift id of SECTION_SHIFTS"
                                     : "an employee id of SECTION_STAFF");
        return FALSE;
    }
    *out = GPOINTER_TO_INT(value) - 1;
    return TRUE;
}

static gboolean
check_n_fields(const CurtParser *p, guint want, const char *layout, GError **error)
{
    if (p->fields.len == want)
        return TRUE;
    fail(p, error, ROTA_ERROR_SYNTAX, "expected %u fields (%s), found %u", want, layout,
         p->fields.len);
    return FALSE;
}

static gboolean
read_horizon(CurtParser *p, GError **error)
{
    if (p->n_data > 0) {
        fail(p, error, ROTA_ERROR_SYNTAX,
             "second line in SECTION_HORIZON (expected one line: the number of days)");
        return FALSE;
    }
    if (!check_n_fields(p, 1, "the number of days", error))
        return FALSE;
    return parse_number(p, p->fields.v[0], "number of days", 1, MAX_DAYS, &p->in->n_days,
                        error);
}

static gboolean
read_shift(CurtParser *p, GError **error)
{
    char **f = p->fields.v;
    RotapCurtoisShift shift = {0};
    gpointer first;

    /* The third field is often empty; some copies drop its comma too. */
    if (p->fields.len != 2 && p->fields.len != 3) {
        fail(p, error, ROTA_ERROR_SYNTAX,
             "expected 3 fields (ShiftID,LengthMinutes,CannotFollow), found %u",
             p->fields.len);
        return FALSE;
    }
    if (!check_id(p, f[0], "shift", error) ||
        !parse_number(p, f[1], "shift length", 1, 24 * 60 - 1, &shift.minutes, error))
        return FALSE;
    first = g_hash_table_lookup(p->shift_index, f[0]);
    if (first != NULL) {
        const RotapCurtoisShift *other =
            &g_array_index(p->in->shifts, RotapCurtoisShift, GPOINTER_TO_INT(first) - 1);

        fail(p, error, ROTA_ERROR_INVALID, "duplicate shift id \"%s\" (first on line %d)",
             f[0], other->line);
        return FALSE;
    }
    if (p->in->shifts->len >= ROTAP_MAX_SHIFTS) {
        fail(p, error, ROTA_ERROR_INVALID, "too many shift types (expected at most %d)",
             ROTAP_MAX_SHIFTS);
        return FALSE;
    }
    shift.id = g_strdup(f[0]);
    shift.forbid = g_strdup(p->fields.len == 3 ? f[2] : "");
    shift.line = p->line;
    g_array_append_val(p->in->shifts, shift);
    g_hash_table_insert(p->shift_index, shift.id, GINT_TO_POINTER(p->in->shifts->len));
    return TRUE;
}

/* Forbidden successions may name shifts defined later in the section, so
 * they are resolved when the section ends, each error on its shift's line. */
static gboolean
resolve_forbids(CurtParser *p, GError **error)
{
    int line = p->line;

    for (guint i = 0; i < p->in->shifts->len; i++) {
        RotapCurtoisShift *shift = &g_array_index(p->in->shifts, RotapCurtoisShift, i);

        if (shift->forbid[0] == '\0')
            continue;
        p->line = shift->line;
        split_fields(shift->forbid, '|', &p->fields);
        for (guint k = 0; k < p->fields.len; k++) {
            int pair[2] = {(int)i, 0};

            if (!find_id(p, p->shift_index, p->fields.v[k], "shift", &pair[1], error))
                return FALSE;
            g_array_append_val(p->in->forbids, pair);
        }
    }
    p->line = line;
    return TRUE;
}

/* One "S=n" entry of a STAFF line's max shifts. */
static gboolean
read_max_shifts_entry(CurtParser *p, RotapCurtoisStaff *staff, char *key, GError **error)
{
    char *value = strchr(key, '=');
    int shift;

    if (value == NULL || strchr(value + 1, '=') != NULL) {
        fail(p, error, ROTA_ERROR_SYNTAX,
             "max shifts entry \"%s\" (expected ShiftID=count)", key);
        return FALSE;
    }
    *value++ = '\0';
    if (!find_id(p, p->shift_index, key, "shift", &shift, error))
        return FALSE;
    if (staff->max_shifts[shift] >= 0) {
        fail(p, error, ROTA_ERROR_INVALID,
             "shift \"%s\" listed twice in max shifts (expected each shift once)", key);
        return FALSE;
    }
    return parse_number(p, value, "max shifts", 0, MAX_NUMBER, &staff->max_shifts[shift],
                        error);
}

/* "S1=n1|S2=n2|...": every shift type exactly once. */
static gboolean
read_max_shifts(CurtParser *p, RotapCurtoisStaff *staff, char *text, GError **error)
{
    Fields pairs = {0};
    guint n_shifts = p->in->shifts->len;
    gboolean ok = TRUE;

    for (guint s = 0; s < n_shifts; s++)
        staff->max_shifts[s] = -1;
    if (*text != '\0')
        split_fields(text, '|', &pairs);
    for (guint k = 0; ok && k < pairs.len; k++)
        ok = read_max_shifts_entry(p, staff, pairs.v[k], error);
    g_free(pairs.v);
    for (guint s = 0; ok && s < n_shifts; s++) {
        if (staff->max_shifts[s] < 0) {
            fail(p, error, ROTA_ERROR_INVALID,
                 "max shifts of \"%s\" lack shift \"%s\" (expected every shift type)",
                 staff->id, g_array_index(p->in->shifts, RotapCurtoisShift, s).id);
            ok = FALSE;
        }
    }
    return ok;
}

static gboolean
read_staff(CurtParser *p, GError **error)
{
    char **f = p->fields.v;
    RotapCurtoisStaff staff = {0};
    gpointer first;

    if (!check_n_fields(p, 2 + ROTAP_CURTOIS_N_LIMITS,
                        "EmpID,MaxShifts,MaxTotalMinutes,MinTotalMinutes,MaxConsecutive,"
                        "MinConsecutive,MinConsecutiveDaysOff,MaxWeekends",
                        error) ||
        !check_id(p, f[0], "employee", error))
        return FALSE;
    first = g_hash_table_lookup(p->staff_index, f[0]);
    if (first != NULL) {
        const RotapCurtoisStaff *other =
            &g_array_index(p->in->staff, RotapCurtoisStaff, GPOINTER_TO_INT(first) - 1);

        fail(p, error, ROTA_ERROR_INVALID,
             "duplicate employee id \"%s\" (first on line %d)", f[0], other->line);
        return FALSE;
    }
    for (int k = 0; k < ROTAP_CURTOIS_N_LIMITS; k++) {
        if (!parse_number(p, f[2 + k], staff_limit_names[k], 0, MAX_NUMBER,
                          &staff.limits[k], error))
            return FALSE;
    }
    /* Limits 0/1 and 2/3 are max/min pairs. */
    for (int k = 0; k < 4; k += 2) {
        if (staff.limits[k + 1] > staff.limits[k]) {
            fail(p, error, ROTA_ERROR_INVALID,
                 "%s %d is greater than %s %d (expected a "
                 "minimum no greater than its maximum)",
                 staff_limit_names[k + 1], staff.limits[k + 1], staff_limit_names[k],
                 staff.limits[k]);
            return FALSE;
        }
    }
    staff.id = g_strdup(f[0]);
    staff.line = p->line;
    staff.max_shifts = g_new(int, p->in->shifts->len);
    if (!read_max_shifts(p, &staff, f[1], error)) {
        g_free(staff.id);
        g_free(staff.max_shifts);
        return FALSE;
    }
    g_array_append_val(p->in->staff, staff);
    g_hash_table_insert(p->staff_index, staff.id, GINT_TO_POINTER(p->in->staff->len));
    return TRUE;
}

static gboolean
read_days_off(CurtParser *p, GError **error)
{
    char **f = p->fields.v;
    int pair[2];

    if (p->fields.len < 2) {
        fail(p, error, ROTA_ERROR_SYNTAX,
             "expected at least 2 fields (EmpID,Day,Day,...), found %u", p->fields.len);
        return FALSE;
    }
    if (!find_id(p, p->staff_index, f[0], "employee", &pair[0], error))
        return FALSE;
    for (guint k = 1; k < p->fields.len; k++) {
        if (!parse_day(p, f[k], &pair[1], error))
            return FALSE;
        g_array_append_val(p->in->offs, pair);
    }
    return TRUE;
}

/* ON and OFF requests share a layout; the section tells them apart. */
static gboolean
read_request(CurtParser *p, GError **error)
{
    char **f = p->fields.v;
    RotapCurtoisRequest request = {.on = p->section == SEC_ON};

    if (!check_n_fields(p, 4, "EmpID,Day,ShiftID,Weight", error) ||
        !find_id(p, p->staff_index, f[0], "employee", &request.staff, error) ||
        !parse_day(p, f[1], &request.day, error) ||
        !find_id(p, p->shift_index, f[2], "shift", &request.shift, error) ||
        !parse_number(p, f[3], "request weight", 0, MAX_NUMBER, &request.weight, error))
        return FALSE;
    g_array_append_val(p->in->requests, request);
    return TRUE;
}

static gboolean
read_cover(CurtParser *p, GError **error)
{
    char **f = p->fields.v;
    RotapCurtoisCover cover;
    int *seen;

    if (!check_n_fields(p, 5, "Day,ShiftID,Requirement,WeightUnder,WeightOver", error) ||
        !parse_day(p, f[0], &cover.day, error) ||
        !find_id(p, p->shift_index, f[1], "shift", &cover.shift, error) ||
        !parse_number(p, f[2], "requirement", 0, MAX_COVER, &cover.req, error) ||
        !parse_number(p, f[3], "weight for under", 0, MAX_NUMBER, &cover.under, error) ||
        !parse_number(p, f[4], "weight for over", 0, MAX_NUMBER, &cover.over, error))
        return FALSE;
    if (p->cover_line == NULL)
        p->cover_line = g_new0(int, (gsize)p->in->n_days * p->in->shifts->len);
    seen = &p->cover_line[(gsize)cover.day * p->in->shifts->len + (gsize)cover.shift];
    if (*seen != 0) {
        fail(p, error, ROTA_ERROR_INVALID,
             "second cover line for day %d, shift \"%s\" (first on line %d)", cover.day,
             f[1], *seen);
        return FALSE;
    }
    *seen = p->line;
    g_array_append_val(p->in->covers, cover);
    return TRUE;
}

static gboolean
read_data_line(CurtParser *p, GError **error)
{
    static gboolean (*const readers[N_SECTIONS])(CurtParser *, GError **) = {
        read_horizon, read_shift,   read_staff, read_days_off,
        read_request, read_request, read_cover,
    };
    gboolean ok;

    split_fields(p->text, ',', &p->fields);
    ok = readers[p->section](p, error);
    p->n_data++;
    return ok;
}

/* Checks that need the whole section: run when the next header or the end
 * of the file is reached (p->line is then that header's line). */
static gboolean
end_section(CurtParser *p, GError **error)
{
    static const char *const wanted[] = {
        [SEC_HORIZON] = "the number of days",
        [SEC_SHIFTS] = "at least one line ShiftID,LengthMinutes,CannotFollow",
        [SEC_STAFF] = "at least one employee line",
    };

    if (p->section < 0 || p->section > SEC_STAFF)
        return TRUE;
    if (p->n_data == 0) {
        fail(p, error, ROTA_ERROR_SYNTAX, "%s has no data line (expected %s)",
             section_names[p->section], wanted[p->section]);
        return FALSE;
    }
    if (p->section == SEC_SHIFTS)
        return resolve_forbids(p, error);
    return TRUE;
}

static gboolean
read_header(CurtParser *p, GError **error)
{
    int want = p->section + 1;
    int found = -1;

    for (int k = 0; k < N_SECTIONS; k++) {
        if (strcmp(p->text, section_names[k]) == 0)
            found = k;
    }
    if (found != want) {
        if (want >= N_SECTIONS)
            fail(p, error, ROTA_ERROR_SYNTAX,
                 "\"%s\" after SECTION_COVER (expected cover lines or the end of the "
                 "file)",
                 p->text);
        else
            fail(p, error, ROTA_ERROR_SYNTAX, "%s \"%s\" (expected %s)",
                 found < 0 ? "unknown section" : "section out of order", p->text,
                 section_names[want]);
        return FALSE;
    }
    if (!end_section(p, error))
        return FALSE;
    p->section = found;
    p->n_data = 0;
    return TRUE;
}

/* Blank lines and '#' comments are skipped anywhere; a line starting
 * "SECTION_" is a header. */
static gboolean
parse(CurtParser *p, GError **error)
{
    gboolean ok, blank = TRUE;

    while (next_line(p, &ok, error)) {
        const char *text = p->text;

        if (text[0] != '\0')
            blank = FALSE;
        if (text[0] == '\0' || text[0] == '#')
            continue;
        if (g_str_has_prefix(text, "SECTION_")) {
            if (!read_header(p, error))
                return FALSE;
        } else if (p->section < 0) {
            fail(p, error, ROTA_ERROR_SYNTAX, "data before any section (expected %s)",
                 section_names[SEC_HORIZON]);
            return FALSE;
        } else if (!read_data_line(p, error)) {
            return FALSE;
        }
    }
    if (!ok)
        return FALSE;
    if (blank && p->section < 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_FORMAT,
                    _("%s: empty file (expected a Curtois-Qu instance)"), p->source);
        return FALSE;
    }
    if (!end_section(p, error))
        return FALSE;
    if (p->section != SEC_COVER) {
        fail(p, error, ROTA_ERROR_SYNTAX, "unexpected end of file (expected %s)",
             section_names[p->section < 0 ? SEC_HORIZON : p->section + 1]);
        return FALSE;
    }
    return TRUE;
}

gboolean
rotap_curtois_parse(RotapCurtois *in, const char *data, gsize length, const char *source,
                    GError **error)
{
    CurtParser parser;
    gboolean ok;

    parser_init(&parser, in, data, length, source);
    ok = parse(&parser, error);
    parser_clear(&parser);
    return ok;
}
