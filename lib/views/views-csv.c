/* SPDX-License-Identifier: MIT */
/* views-csv.c: one CSV row per assignment, for Excel and WPS (UTF-8 with BOM, CRLF). */
#include "util-private.h"
#include "views/views-private.h"

/* One field, then its separator: a comma, or CRLF after the last. */
static void
append_field(GString *out, const char *text, gboolean last)
{
    rotap_csv_append_field(out, text);
    g_string_append(out, last ? "\r\n" : ",");
}

static void
append_row(GString *out, const RotaModel *m, const RotaAssignment *a)
{
    const RotapShift *shift = &m->shifts[a->shift];
    int unit = m->people[a->person].unit;
    g_autofree char *date = rota_model_dup_date(m, a->day);
    char start[6], end[6];

    rotap_view_format_time(start, shift->start);
    rotap_view_format_time(end, shift->end);
    append_field(out, date, FALSE);
    append_field(out, rotap_view_weekday(m->weekday[a->day]), FALSE);
    append_field(out, shift->name, FALSE);
    append_field(out, start, FALSE);
    append_field(out, end, FALSE);
    append_field(out, m->segments[a->segment].id, FALSE);
    append_field(out, m->segments[a->segment].name, FALSE);
    append_field(out, unit >= 0 ? m->units[unit].name : "", FALSE);
    append_field(out, m->people[a->person].id, FALSE);
    append_field(out, m->people[a->person].name, FALSE);
    append_field(out, rotap_view_duty_id(m, a->duty), FALSE);
    append_field(out, rotap_view_duty_name(m, a->duty, a->shift), TRUE);
}

/**
 * rota_roster_to_csv:
 * @roster: a roster
 * @length: (out) (optional): the length of the text in bytes
 *
 * The roster as CSV (RFC 4180), one row per assignment in the order of
 * docs/concepts.md, below a Chinese header row: 日期 (date), 星期 (weekday),
 * 班次 (shift name), 开始, 结束 (its times), 路段, 路段名称 (segment id and
 * name), 单位 (the person's unit), 人员, 姓名 (person id and name), 任务,
 * 任务名称 (duty id and name; "onsite" for the on-site hour).  UTF-8 with a
 * byte order mark and CRLF line ends, as Excel and WPS expect.
 *
 * Returns: (transfer full): the text (g_free() it).
 * Since: 0.2
 */
char *
rota_roster_to_csv(const RotaRoster *roster, gsize *length)
{
    g_autoptr(RotapView) view = NULL;
    GString *out;

    g_return_val_if_fail(roster != NULL, NULL);
    view = rotap_view_new(roster);
    out = g_string_new(
        "\xEF\xBB\xBF"
        "日期,星期,班次,开始,结束,路段,路段名称,单位,人员,姓名,任务,任务名称\r\n");
    for (int i = 0; i < view->n; i++)
        append_row(out, view->model, &view->a[i]);
    if (length != NULL)
        *length = out->len;
    return g_string_free(out, FALSE);
}

/**
 * rota_roster_save_csv:
 * @roster: a roster
 * @path: the file to write (replaced atomically)
 * @error: return location for a #GError, or %NULL
 *
 * Writes rota_roster_to_csv() to @path.
 *
 * Returns: %TRUE on success; %FALSE with ROTA_ERROR_IO otherwise.
 * Since: 0.2
 */
gboolean
rota_roster_save_csv(const RotaRoster *roster, const char *path, GError **error)
{
    gsize length = 0;
    g_autofree char *data = NULL;

    g_return_val_if_fail(roster != NULL && path != NULL, FALSE);
    data = rota_roster_to_csv(roster, &length);
    return rotap_write_file_atomic(path, data, length, error);
}
