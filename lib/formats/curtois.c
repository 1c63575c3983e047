/* SPDX-License-Identifier: MIT */
/* curtois.c: compile a Curtois-Qu benchmark instance into a RotaModel. */
#include "config.h"

#include <string.h>

#include "curtois-private.h"
#include "util-private.h"

/* The builder limits of a STAFF line's six numbers, in file order. */
static const RotaLimit staff_limits[ROTAP_CURTOIS_N_LIMITS] = {
    ROTA_LIMIT_MAX_MINUTES,     ROTA_LIMIT_MIN_MINUTES,  ROTA_LIMIT_MAX_CONSECUTIVE,
    ROTA_LIMIT_MIN_CONSECUTIVE, ROTA_LIMIT_MIN_DAYS_OFF, ROTA_LIMIT_MAX_WEEKENDS,
};

static void
shift_clear(gpointer data)
{
    RotapCurtoisShift *shift = data;

    g_free(shift->id);
    g_free(shift->forbid);
}

static void
staff_clear(gpointer data)
{
    RotapCurtoisStaff *staff = data;

    g_free(staff->id);
    g_free(staff->max_shifts);
}

void
rotap_curtois_init(RotapCurtois *in)
{
    memset(in, 0, sizeof *in);
    in->shifts = g_array_new(FALSE, TRUE, sizeof(RotapCurtoisShift));
    g_array_set_clear_func(in->shifts, shift_clear);
    in->staff = g_array_new(FALSE, TRUE, sizeof(RotapCurtoisStaff));
    g_array_set_clear_func(in->staff, staff_clear);
    in->forbids = g_array_new(FALSE, FALSE, 2 * sizeof(int));
    in->offs = g_array_new(FALSE, FALSE, 2 * sizeof(int));
    in->requests = g_array_new(FALSE, FALSE, sizeof(RotapCurtoisRequest));
    in->covers = g_array_new(FALSE, FALSE, sizeof(RotapCurtoisCover));
}

void
rotap_curtois_clear(RotapCurtois *in)
{
    g_clear_pointer(&in->shifts, g_array_unref);
    g_clear_pointer(&in->forbids, g_array_unref);
    g_clear_pointer(&in->staff, g_array_unref);
    g_clear_pointer(&in->offs, g_array_unref);
    g_clear_pointer(&in->requests, g_array_unref);
    g_clear_pointer(&in->covers, g_array_unref);
}

/* "Instance7" for ".../Instance7.txt": the base name without its extension. */
static char *
model_name(const char *source)
{
    char *name = g_path_get_basename(source);
    char *dot = strrchr(name, '.');

    if (dot != NULL && dot != name)
        *dot = '\0';
    if (name[0] == '\0' || strcmp(name, G_DIR_SEPARATOR_S) == 0 ||
        strcmp(name, ".") == 0) {
        g_free(name);
        name = g_strdup("curtois");
    }
    return name;
}

/* Every shift starts at 08:00 (the format has no clock times), so only the
 * lengths matter; an end at or past midnight wraps, 24:00 kept as such. */
static void
build_shifts(const RotapCurtois *in, RotaBuilder *builder)
{
    for (guint i = 0; i < in->shifts->len; i++) {
        const RotapCurtoisShift *shift = &g_array_index(in->shifts, RotapCurtoisShift, i);
        int end = 8 * 60 + shift->minutes;
        char text[8];

        if (end > 24 * 60)
            end -= 24 * 60;
        g_snprintf(text, sizeof text, "%02d:%02d", end / 60, end % 60);
        rota_builder_add_shift(builder, shift->id, shift->id, "08:00", text);
    }
    for (guint i = 0; i < in->forbids->len; i++) {
        const int *pair = &g_array_index(in->forbids, int, 2 * i);

        rota_builder_forbid_succession(
            builder, g_array_index(in->shifts, RotapCurtoisShift, pair[0]).id,
            g_array_index(in->shifts, RotapCurtoisShift, pair[1]).id);
    }
}

static void
build_staff(const RotapCurtois *in, RotaBuilder *builder, char **dates)
{
    for (guint i = 0; i < in->staff->len; i++) {
        const RotapCurtoisStaff *staff = &g_array_index(in->staff, RotapCurtoisStaff, i);
        int person = rota_builder_add_person(builder, staff->id, staff->id, NULL);

        rota_builder_add_person_tag(builder, person, "staff");
        for (guint s = 0; s < in->shifts->len; s++)
            rota_builder_set_person_max_shifts(
                builder, person, g_array_index(in->shifts, RotapCurtoisShift, s).id,
                staff->max_shifts[s]);
        for (int k = 0; k < ROTAP_CURTOIS_N_LIMITS; k++)
            rota_builder_set_person_limit(builder, person, staff_limits[k],
                                          staff->limits[k]);
    }
    for (guint i = 0; i < in->offs->len; i++) {
        const int *pair = &g_array_index(in->offs, int, 2 * i);

        rota_builder_add_person_off(builder, pair[0], dates[pair[1]], dates[pair[1]],
                                    NULL);
    }
    for (guint i = 0; i < in->requests->len; i++) {
        const RotapCurtoisRequest *r =
            &g_array_index(in->requests, RotapCurtoisRequest, i);

        rota_builder_add_person_request(
            builder, r->staff, dates[r->day],
            g_array_index(in->shifts, RotapCurtoisShift, r->shift).id, r->on, r->weight);
    }
}

/* One duty per cover line, so that its weights are exactly the line's. */
static void
build_covers(const RotapCurtois *in, RotaBuilder *builder, char **dates)
{
    g_autoptr(GString) id = g_string_new(NULL);

    for (guint i = 0; i < in->covers->len; i++) {
        const RotapCurtoisCover *c = &g_array_index(in->covers, RotapCurtoisCover, i);
        const char *shift = g_array_index(in->shifts, RotapCurtoisShift, c->shift).id;
        int duty;

        /* "cover-" SHIFT "-" DAY, without printf: there are 11,648 in
         * Instance24. */
        g_string_truncate(id, 0);
        g_string_append(id, "cover-");
        g_string_append(id, shift);
        g_string_append_c(id, '-');
        rotap_append_uint(id, (guint)c->day);
        duty = rota_builder_add_duty(builder, id->str, shift);
        rota_builder_set_duty_days(builder, duty, ROTA_DAYS_DATES);
        rota_builder_add_duty_date(builder, duty, dates[c->day]);
        rota_builder_add_duty_segment(builder, duty, "ward");
        rota_builder_set_duty_min(builder, duty, c->req);
        rota_builder_set_duty_under(builder, duty, c->under);
        rota_builder_set_duty_over(builder, duty, c->over);
        rota_builder_add_duty_who_tag(builder, duty, "staff");
    }
}

/*
 * The mapping agreed for Curtois instances: day 0 is Monday 2024-01-01, so
 * weekends fall on days 7k+5 and 7k+6 as the format wants; one segment
 * "ward"; every limit set on each person; fairness and change weighted 0,
 * so that the soft score is exactly the benchmark's objective.
 */
static RotaModel *
build_model(const RotapCurtois *in, const char *source, GError **error)
{
    g_autofree char *name = model_name(source);
    g_autoptr(RotaBuilder) builder = rota_builder_new(name, "2024-01-01", in->n_days);
    char **dates = g_new0(char *, (gsize)in->n_days + 1);
    GDate date;
    RotaModel *model;

    g_date_clear(&date, 1);
    g_date_set_dmy(&date, 1, G_DATE_JANUARY, 2024);
    for (int d = 0; d < in->n_days; d++) {
        dates[d] = rotap_format_date(&date);
        g_date_add_days(&date, 1);
    }
    build_shifts(in, builder);
    rota_builder_add_segment(builder, "ward", "Ward");
    build_staff(in, builder, dates);
    build_covers(in, builder, dates);
    rota_builder_set_weight(builder, ROTA_WEIGHT_FAIRNESS, 0);
    rota_builder_set_weight(builder, ROTA_WEIGHT_CHANGE, 0);
    g_strfreev(dates);
    model = rota_builder_steal_model(builder, error);
    if (model == NULL)
        g_prefix_error(error, "%s: ", source);
    return model;
}

/**
 * rota_model_new_from_curtois_data:
 * @data: the text of a Curtois-Qu instance (LF or CRLF, an optional BOM);
 *   it need not be NUL-terminated
 * @length: the length of @data in bytes
 * @source: the name used in error messages and, without its directory and
 *   extension, as the model's name ("Instance7")
 * @error: return location for a #GError, or %NULL
 *
 * Compiles a benchmark instance (docs/curtois.md) into the
 * same kind of model as any other input: day 0 is 2024-01-01, a Monday;
 * each shift starts at 08:00 and lasts its length; one segment "ward";
 * each employee is a person tagged "staff" with all the line's limits;
 * each cover line is a duty "cover-SHIFT-DAY"; fairness and change weigh 0,
 * so that the soft score of a roster is the benchmark's objective.
 *
 * Errors read "SOURCE:LINE: what is wrong (expected what)":
 * %ROTA_ERROR_SYNTAX for malformed text, %ROTA_ERROR_INVALID for unknown,
 * duplicate or out-of-range values, %ROTA_ERROR_FORMAT for an empty file.
 *
 * Returns: (transfer full) (nullable): a new model, or %NULL on error.
 * Since: 0.1
 */
RotaModel *
rota_model_new_from_curtois_data(const char *data, gsize length, const char *source,
                                 GError **error)
{
    RotapCurtois in;
    RotaModel *model = NULL;

    g_return_val_if_fail(data != NULL || length == 0, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);

    if (source == NULL)
        source = "<data>";
    if (rotap_curtois_parse(&in, data != NULL ? data : "", length, source, error))
        model = build_model(&in, source, error);
    rotap_curtois_clear(&in);
    return model;
}

/**
 * rota_model_new_from_curtois_file:
 * @path: a Curtois-Qu instance file, such as "Instance7.txt"
 * @error: return location for a #GError, or %NULL
 *
 * Reads @path and compiles it as rota_model_new_from_curtois_data() does,
 * with @path as the source name.  A file that cannot be read is
 * %ROTA_ERROR_IO.
 *
 * Returns: (transfer full) (nullable): a new model, or %NULL on error.
 * Since: 0.1
 */
RotaModel *
rota_model_new_from_curtois_file(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;

    g_return_val_if_fail(path != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);

    if (!rotap_read_file(path, &data, &length, error))
        return NULL;
    return rota_model_new_from_curtois_data(data, length, path, error);
}
