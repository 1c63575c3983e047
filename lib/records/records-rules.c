/* SPDX-License-Identifier: MIT */
/* records-rules.c: the model's rules.deadlines and rules.assessment, names and
 * timestamps. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "i18n-private.h"
#include "builder-private.h"
#include "compile-private.h"
#include "records-private.h"
#include "util-private.h"

/*
 * Both rule objects are optional keys of model.json (rota-model v1 stays
 * as it was without them).  rules.deadlines maps a finding category,
 * Chinese or English name, to whole hours; categories not listed keep the
 * built-in default.  rules.assessment holds the rubric of the bulletin in
 * numbers with at most two decimals (kept as hundredths, so that scores
 * are exact and ties are real ties); figures not given keep the default,
 * except the red and black list rules: giving either "red_top" or
 * "red_min" replaces the default "red_top" 10 (the same for "black_bottom"
 * and "black_below").
 */

static const char *const category_en[ROTA_N_CATEGORIES] = {
    "road",       "building",  "vehicles", "greenery",
    "sanitation", "utilities", "lighting", "waterways"};
static const char *const category_zh[ROTA_N_CATEGORIES] = {
    "道路", "建筑", "车辆", "绿植", "环卫", "市政", "亮灯", "水系"};
static const int deadline_default[ROTA_N_CATEGORIES] = {72, 168, 24, 72, 24, 72, 48, 72};

static const char *const status_names[ROTA_N_STATUSES] = {"done", "late", "absent",
                                                          "excused", "substituted"};
static const char *const source_names[ROTA_N_SOURCES] = {"inspection", "hotline", "photo",
                                                         "other"};
static const char *const assess_names[ROTA_N_ASSESS + 1] = {
    "base",         "onsite_missed",
    "absent",       "late",
    "overdue",      "closed_late",
    "cap_onsite",   "cap_attendance",
    "cap_findings", "red_top",
    "red_min",      "black_bottom",
    "black_below",  NULL};
/* In hundredths; -1: does not apply by default. */
static const gint64 assess_default[ROTA_N_ASSESS] = {
    10000, 200, 100, 50, 200, 100, 4000, 3000, 3000, 1000, -1, 1000, -1};

/**
 * rota_status_get_name:
 * @status: a status
 *
 * Names a status as records.json and `rota record` write it.
 *
 * Returns: (transfer none): its records.json name ("done", "late", ...).
 * Since: 0.1
 */
const char *
rota_status_get_name(RotaStatus status)
{
    g_return_val_if_fail(status >= 0 && status < ROTA_N_STATUSES, NULL);
    return status_names[status];
}

/**
 * rota_category_get_name:
 * @category: a finding category
 *
 * Names a category in English, one of the two names records.json and
 * model.json's rules.deadlines accept (the bulletin's CSV header shows
 * both).
 *
 * Returns: (transfer none): its English name ("sanitation").
 * Since: 0.1
 */
const char *
rota_category_get_name(RotaCategory category)
{
    g_return_val_if_fail(category >= 0 && category < ROTA_N_CATEGORIES, NULL);
    return category_en[category];
}

/**
 * rota_category_get_name_zh:
 * @category: a finding category
 *
 * Names a category in Chinese, one of the two names records.json and
 * model.json's rules.deadlines accept, and the one the bulletin's HTML
 * page shows.
 *
 * Returns: (transfer none): its Chinese name ("环卫").
 * Since: 0.1
 */
const char *
rota_category_get_name_zh(RotaCategory category)
{
    g_return_val_if_fail(category >= 0 && category < ROTA_N_CATEGORIES, NULL);
    return category_zh[category];
}

/**
 * rota_category_from_name:
 * @name: a Chinese or English category name
 *
 * Reads a category name as records.json and rules.deadlines give it: the
 * Chinese name ("环卫") or the English one ("sanitation"), exactly as
 * rota_category_get_name_zh() and rota_category_get_name() write them.
 *
 * Returns: the #RotaCategory, or -1 when @name is none of the eight.
 * Since: 0.1
 */
int
rota_category_from_name(const char *name)
{
    g_return_val_if_fail(name != NULL, -1);
    for (int c = 0; c < ROTA_N_CATEGORIES; c++) {
        if (strcmp(name, category_en[c]) == 0 || strcmp(name, category_zh[c]) == 0)
            return c;
    }
    return -1;
}

/**
 * rota_source_get_name:
 * @source: a finding source
 *
 * Names a finding source as records.json writes it.
 *
 * Returns: (transfer none): its records.json name ("hotline").
 * Since: 0.1
 */
const char *
rota_source_get_name(RotaSource source)
{
    g_return_val_if_fail(source >= 0 && source < ROTA_N_SOURCES, NULL);
    return source_names[source];
}

/**
 * rota_assess_get_name:
 * @item: a figure of the rubric
 *
 * Names a figure of the assessment rubric as model.json writes it.
 *
 * Returns: (transfer none): its rules.assessment key ("onsite_missed").
 * Since: 0.1
 */
const char *
rota_assess_get_name(RotaAssess item)
{
    g_return_val_if_fail(item >= 0 && item < ROTA_N_ASSESS, NULL);
    return assess_names[item];
}

int
rotap_status_from_name(const char *name)
{
    for (int s = 0; s < ROTA_N_STATUSES; s++) {
        if (strcmp(name, status_names[s]) == 0)
            return s;
    }
    return -1;
}

int
rotap_source_from_name(const char *name)
{
    for (int s = 0; s < ROTA_N_SOURCES; s++) {
        if (strcmp(name, source_names[s]) == 0)
            return s;
    }
    return -1;
}

/* ------------------------------------------------------------------ reading */

static void
deadline_clear(gpointer data)
{
    g_free(((RotapDeadlineSpec *)data)->category);
}

static GArray *
deadlines_new(void)
{
    GArray *array = g_array_new(FALSE, TRUE, sizeof(RotapDeadlineSpec));

    g_array_set_clear_func(array, deadline_clear);
    return array;
}

static gboolean
read_deadlines(const RotapJsonReader *reader, struct json_object *rules, RotapSpec *spec,
               GError **error)
{
    struct json_object *obj = NULL;

    if (!rotap_json_get_object(reader, rules, "rules", "deadlines", FALSE, &obj, error))
        return FALSE;
    if (obj == NULL)
        return TRUE;
    spec->deadlines = deadlines_new();
    json_object_object_foreach(obj, key, value)
    {
        RotapDeadlineSpec d = {NULL, 0};

        (void)value;
        if (!rotap_json_get_int(reader, obj, "rules.deadlines", key, TRUE, NULL, &d.hours,
                                error))
            return FALSE;
        d.category = g_strdup(key);
        g_array_append_val(spec->deadlines, d);
    }
    return TRUE;
}

static gboolean
read_number(const RotapJsonReader *reader, struct json_object *obj, const char *key,
            RotapSpec *spec, int item, GError **error)
{
    struct json_object *value = NULL;
    g_autofree char *path = g_strdup_printf("rules.assessment.%s", key);
    double number, scaled;

    if (!json_object_object_get_ex(obj, key, &value))
        return TRUE;
    if (!json_object_is_type(value, json_type_int) &&
        !json_object_is_type(value, json_type_double)) {
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, path,
                             _("expected a number, found %s"),
                             rotap_json_type_name(value));
        return FALSE;
    }
    number = json_object_get_double(value);
    scaled = number * 100.0;
    if (!isfinite(number) || fabs(scaled) > 1e12 || fabs(scaled - round(scaled)) > 1e-6) {
        rotap_json_set_error(reader, error, ROTA_ERROR_INVALID, path,
                             _("expected a number with at most two decimals"));
        return FALSE;
    }
    spec->assess[item] = (gint64)llround(scaled);
    spec->assess_set |= 1u << item;
    return TRUE;
}

static gboolean
read_assessment(const RotapJsonReader *reader, struct json_object *rules, RotapSpec *spec,
                GError **error)
{
    struct json_object *obj = NULL;

    if (!rotap_json_get_object(reader, rules, "rules", "assessment", FALSE, &obj, error))
        return FALSE;
    if (obj == NULL)
        return TRUE;
    spec->has_assessment = TRUE;
    if (!rotap_json_check_keys(reader, obj, "rules.assessment", assess_names, error))
        return FALSE;
    for (int k = 0; k < ROTA_N_ASSESS; k++) {
        if (!read_number(reader, obj, assess_names[k], spec, k, error))
            return FALSE;
    }
    return TRUE;
}

/* The two optional rule objects of the records (called by model-json-read.c). */
gboolean
rotap_json_read_record_rules(const RotapJsonReader *reader, struct json_object *rules,
                             RotapSpec *spec, GError **error)
{
    return read_deadlines(reader, rules, spec, error) &&
           read_assessment(reader, rules, spec, error);
}

/* ------------------------------------------------------------------ writing */

void
rotap_append_hundredths(GString *out, gint64 value)
{
    if (value < 0) {
        g_string_append_c(out, '-');
        value = -value;
    }
    g_string_append_printf(out, "%" G_GINT64_FORMAT, value / 100);
    if (value % 100 == 0)
        return;
    if (value % 10 == 0)
        g_string_append_printf(out, ".%d", (int)(value % 100) / 10);
    else
        g_string_append_printf(out, ".%02d", (int)(value % 100));
}

void
rotap_append_hundredths_1(GString *out, gint64 value)
{
    rotap_append_hundredths(out, value);
    if (value % 100 == 0)
        g_string_append(out, ".0");
}

gboolean
rotap_spec_has_record_rules(const RotapSpec *spec)
{
    return spec->deadlines != NULL || spec->has_assessment;
}

/* Each object on its own line, as model-json-write.c writes the rules. */
void
rotap_write_record_rules(GString *out, const RotapSpec *spec, const char **separator)
{
    if (spec->deadlines != NULL) {
        g_string_append_printf(out, "%s\"deadlines\": {", *separator);
        for (guint i = 0; i < spec->deadlines->len; i++) {
            const RotapDeadlineSpec *d =
                &g_array_index(spec->deadlines, RotapDeadlineSpec, i);

            g_string_append(out, i > 0 ? ", " : " ");
            rotap_json_append_string(out, d->category);
            g_string_append_printf(out, ": %d", d->hours);
        }
        g_string_append(out, spec->deadlines->len > 0 ? " }" : "}");
        *separator = ",\n    ";
    }
    if (spec->has_assessment) {
        gboolean first = TRUE;

        g_string_append_printf(out, "%s\"assessment\": {", *separator);
        for (int k = 0; k < ROTA_N_ASSESS; k++) {
            if (!(spec->assess_set & (1u << k)))
                continue;
            g_string_append_printf(out, "%s\"%s\": ", first ? " " : ", ",
                                   assess_names[k]);
            rotap_append_hundredths(out, spec->assess[k]);
            first = FALSE;
        }
        g_string_append(out, first ? "}" : " }");
        *separator = ",\n    ";
    }
}

/* ------------------------------------------------------------------ compiling */

static gboolean
compile_deadlines(RotaModel *model, GError **error)
{
    const GArray *deadlines = model->spec->deadlines;
    gboolean seen[ROTA_N_CATEGORIES] = {FALSE};

    memcpy(model->deadline_hours, deadline_default, sizeof deadline_default);
    for (guint i = 0; deadlines != NULL && i < deadlines->len; i++) {
        const RotapDeadlineSpec *d = &g_array_index(deadlines, RotapDeadlineSpec, i);
        int c = rota_category_from_name(d->category);

        if (c < 0)
            return rotap_compile_fail(
                error,
                "rules.deadlines.%s: unknown category \"%s\" (expected one of 道路 road, "
                "建筑 building, 车辆 vehicles, 绿植 greenery, 环卫 sanitation, 市政 "
                "utilities, 亮灯 lighting, 水系 waterways)",
                d->category, d->category);
        if (seen[c])
            return rotap_compile_fail(error,
                                      "rules.deadlines.%s: category %s (%s) given twice",
                                      d->category, category_zh[c], category_en[c]);
        if (d->hours <= 0)
            return rotap_compile_fail(error,
                                      "rules.deadlines.%s: %d hours (expected 1 or more)",
                                      d->category, d->hours);
        seen[c] = TRUE;
        model->deadline_hours[c] = d->hours;
    }
    return TRUE;
}

static gboolean
compile_assessment(RotaModel *model, GError **error)
{
    const RotapSpec *spec = model->spec;
    guint set = spec->assess_set;
    guint red = (1u << ROTA_ASSESS_RED_TOP) | (1u << ROTA_ASSESS_RED_MIN);
    guint black = (1u << ROTA_ASSESS_BLACK_BOTTOM) | (1u << ROTA_ASSESS_BLACK_BELOW);

    model->assess_on = 0;
    for (int k = 0; k < ROTA_N_ASSESS; k++) {
        gboolean given = (set >> k) & 1;
        gint64 value = given ? spec->assess[k] : assess_default[k];

        if (given && value < 0)
            return rotap_compile_fail(error, "rules.assessment.%s: negative value",
                                      assess_names[k]);
        if (given && (k == ROTA_ASSESS_RED_TOP || k == ROTA_ASSESS_BLACK_BOTTOM) &&
            value % 100 != 0)
            return rotap_compile_fail(error,
                                      "rules.assessment.%s: expected a whole number of "
                                      "units",
                                      assess_names[k]);
        if ((k == ROTA_ASSESS_RED_TOP && (set & red) != 0) ||
            (k == ROTA_ASSESS_BLACK_BOTTOM && (set & black) != 0))
            value = given ? value : -1;
        model->assess[k] = value;
        if (value >= 0)
            model->assess_on |= 1u << k;
    }
    return TRUE;
}

gboolean
rotap_compile_record_rules(RotaModel *model, GError **error)
{
    return compile_deadlines(model, error) && compile_assessment(model, error);
}

/* ------------------------------------------------------------------ getters */

/**
 * rota_model_get_deadline_hours:
 * @model: a model
 * @category: a finding category
 *
 * Gives the deadline in effect for a category: a finding's default
 * deadline is its found time plus these hours.
 *
 * Returns: the hours within which a finding of @category is to be closed:
 *   rules.deadlines, or the built-in default (道路 72, 建筑 168, 车辆 24,
 *   绿植 72, 环卫 24, 市政 72, 亮灯 48, 水系 72).
 * Since: 0.1
 */
int
rota_model_get_deadline_hours(const RotaModel *model, RotaCategory category)
{
    g_return_val_if_fail(model != NULL, 0);
    g_return_val_if_fail(category >= 0 && category < ROTA_N_CATEGORIES, 0);
    return model->deadline_hours[category];
}

/**
 * rota_model_get_assessment:
 * @model: a model
 * @item: a figure of the rubric
 *
 * Gives a figure of the bulletin's rubric in points (a score out of
 * "base"; deductions per event, caps per group, list sizes in units).
 *
 * Returns: the effective value of @item (rules.assessment or the default
 *   rubric), or -1 when it does not apply (see rota_model_has_assessment()).
 * Since: 0.1
 */
double
rota_model_get_assessment(const RotaModel *model, RotaAssess item)
{
    g_return_val_if_fail(model != NULL, -1);
    g_return_val_if_fail(item >= 0 && item < ROTA_N_ASSESS, -1);
    if (!(model->assess_on & (1u << item)))
        return -1;
    return (double)model->assess[item] / 100.0;
}

/**
 * rota_model_has_assessment:
 * @model: a model
 * @item: a figure of the rubric
 *
 * Tells whether a figure of the rubric is in effect for the model.
 *
 * Returns: whether @item applies: always for deductions and caps; for the
 *   red and black list rules, the ones given (or the default top/bottom 10).
 * Since: 0.1
 */
gboolean
rota_model_has_assessment(const RotaModel *model, RotaAssess item)
{
    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(item >= 0 && item < ROTA_N_ASSESS, FALSE);
    return (model->assess_on >> item) & 1;
}

/**
 * rota_builder_set_deadline:
 * @builder: a builder
 * @category: a category name, Chinese or English ("rules.deadlines" key)
 * @hours: hours to close a finding of that category
 *
 * Checked when the model is built, as the JSON loader checks it.
 * Since: 0.1
 */
void
rota_builder_set_deadline(RotaBuilder *builder, const char *category, int hours)
{
    RotapDeadlineSpec d;

    g_return_if_fail(builder != NULL && category != NULL);
    if (builder->spec->deadlines == NULL)
        builder->spec->deadlines = deadlines_new();
    d.category = g_strdup(category);
    d.hours = hours;
    g_array_append_val(builder->spec->deadlines, d);
}

/**
 * rota_builder_set_assessment:
 * @builder: a builder
 * @item: a figure of the rubric ("rules.assessment" key)
 * @value: its value, 0 or more, at most two decimals (rounded to them)
 *
 * Sets a figure of the bulletin's rubric, as model.json's
 * "rules.assessment" key of that name does; figures not set keep the
 * default.  Setting %ROTA_ASSESS_RED_TOP or %ROTA_ASSESS_RED_MIN replaces
 * the default red list rule (top 10); the same for the black list.
 * Checked when the model is built: a negative value, or a red_top or
 * black_bottom that is not a whole number, fails the build.
 *
 * Since: 0.1
 */
void
rota_builder_set_assessment(RotaBuilder *builder, RotaAssess item, double value)
{
    g_return_if_fail(builder != NULL);
    g_return_if_fail(item >= 0 && item < ROTA_N_ASSESS);
    builder->spec->has_assessment = TRUE;
    builder->spec->assess_set |= 1u << item;
    builder->spec->assess[item] = (gint64)llround(value * 100.0);
}

/* ------------------------------------------------------------------ time */

GTimeZone *
rotap_model_time_zone(const RotaModel *model)
{
    GTimeZone *zone = g_time_zone_new_identifier(model->timezone);

    return zone != NULL ? zone : g_time_zone_new_utc();
}

static gboolean
digits(const char *text, int n, int *out)
{
    int value = 0;

    for (int i = 0; i < n; i++) {
        if (!g_ascii_isdigit(text[i]))
            return FALSE;
        value = value * 10 + (text[i] - '0');
    }
    *out = value;
    return TRUE;
}

gboolean
rotap_parse_timestamp(const char *text, gint64 *out)
{
    int y, mo, d, h, mi, s, oh = 0, om = 0, sign = 1;
    gsize n = strlen(text);
    g_autoptr(GDateTime) utc = NULL;

    if (n < 20 || !digits(text, 4, &y) || text[4] != '-' || !digits(text + 5, 2, &mo) ||
        text[7] != '-' || !digits(text + 8, 2, &d) || text[10] != 'T' ||
        !digits(text + 11, 2, &h) || text[13] != ':' || !digits(text + 14, 2, &mi) ||
        text[16] != ':' || !digits(text + 17, 2, &s))
        return FALSE;
    if (n == 20 && text[19] != 'Z')
        return FALSE;
    if (n != 20) {
        if (n != 25 || (text[19] != '+' && text[19] != '-') ||
            !digits(text + 20, 2, &oh) || text[22] != ':' || !digits(text + 23, 2, &om) ||
            oh > 23 || om > 59)
            return FALSE;
        sign = text[19] == '-' ? -1 : 1;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || !g_date_valid_dmy(d, mo, y) || h > 23 ||
        mi > 59 || s > 59)
        return FALSE;
    /* What is read must write back: before 1970 a zone may be on local mean
     * time (Asia/Shanghai +08:05:43 until 1901), which an RFC 3339 offset
     * cannot hold, and %Y writes year 262 as "262"; far years would pass 9999
     * once a deadline is added.  Records of a campaign lie well inside. */
    if (y < 1970 || y > 9000)
        return FALSE;
    utc = g_date_time_new_utc(y, mo, d, h, mi, s);
    if (utc == NULL)
        return FALSE;
    *out = g_date_time_to_unix(utc) - sign * (oh * 3600 + om * 60);
    return TRUE;
}

char *
rotap_format_timestamp(const RotaModel *model, gint64 t)
{
    g_autoptr(GTimeZone) zone = rotap_model_time_zone(model);
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc(t);
    g_autoptr(GDateTime) local = g_date_time_to_timezone(utc, zone);
    gint64 offset = g_date_time_get_utc_offset(local) / G_TIME_SPAN_SECOND;
    g_autofree char *base = g_date_time_format(local, "%Y-%m-%dT%H:%M:%S");

    if (offset == 0)
        return g_strdup_printf("%sZ", base);
    return g_strdup_printf("%s%c%02d:%02d", base, offset < 0 ? '-' : '+',
                           (int)(ABS(offset) / 3600), (int)(ABS(offset) % 3600 / 60));
}

gint64
rotap_timestamp_day(const RotaModel *model, gint64 t)
{
    g_autoptr(GTimeZone) zone = rotap_model_time_zone(model);
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc(t);
    g_autoptr(GDateTime) local = g_date_time_to_timezone(utc, zone);
    GDate date;

    g_date_clear(&date, 1);
    g_date_set_dmy(&date, (GDateDay)g_date_time_get_day_of_month(local),
                   (GDateMonth)g_date_time_get_month(local),
                   (GDateYear)g_date_time_get_year(local));
    return (gint64)g_date_get_julian(&date) - (gint64)g_date_get_julian(&model->start);
}

gint64
rotap_day_start(const RotaModel *model, gint64 day)
{
    g_autoptr(GTimeZone) zone = rotap_model_time_zone(model);
    GDate date = model->start;
    g_autoptr(GDateTime) local = NULL;

    if (day >= 0)
        g_date_add_days(&date, (guint)day);
    else
        g_date_subtract_days(&date, (guint)-day);
    local = g_date_time_new(zone, g_date_get_year(&date), g_date_get_month(&date),
                            g_date_get_day(&date), 0, 0, 0);
    return g_date_time_to_unix(local);
}

/**
 * rota_timestamp_now:
 * @model: a model
 *
 * Formats the current time, to the second, for a records.json time field
 * (a finding's "found" or "closed").
 *
 * Returns: (transfer full): the current time as records.json writes times,
 *   "YYYY-MM-DDTHH:MM:SS+08:00" in the model's time zone; g_free() it.
 * Since: 0.1
 */
char *
rota_timestamp_now(const RotaModel *model)
{
    g_return_val_if_fail(model != NULL, NULL);
    return rotap_format_timestamp(model, g_get_real_time() / G_USEC_PER_SEC);
}

char *
rotap_slot_key(const RotaModel *model, int day, int shift, int segment, int person)
{
    GString *key = g_string_sized_new(48);

    /* "DAY SHIFT SEGMENT PERSON" without printf: a county month's records
     * make ~100,000 of these keys */
    rotap_append_uint(key, (guint)day);
    g_string_append_c(key, ' ');
    g_string_append(key, model->shifts[shift].id);
    g_string_append_c(key, ' ');
    g_string_append(key, model->segments[segment].id);
    g_string_append_c(key, ' ');
    g_string_append(key, model->people[person].id);
    return g_string_free(key, FALSE);
}
