/* SPDX-License-Identifier: MIT */
/* bulletin-write.c: the bulletin as rota-bulletin JSON and as CSV, and the three files of
 * -o DIR. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bulletin-private.h"
#include "util-private.h"

static void
append_unit(GString *out, const RotaModel *model, const RotaBulletinUnit *u)
{
    g_string_append(out, "{ \"unit\": ");
    rotap_json_append_string(out, model->units[u->unit].id);
    g_string_append(out, ", \"name\": ");
    rotap_json_append_string(out, model->units[u->unit].name != NULL
                                      ? model->units[u->unit].name
                                      : model->units[u->unit].id);
    g_string_append_printf(out, ", \"rank\": %d, \"score\": ", u->rank);
    rotap_append_hundredths_1(out, u->score);
    g_string_append_printf(out,
                           ",\n      \"onsite\": { \"required\": %d, \"head\": %d, "
                           "\"deputy\": %d, \"missed\": %d },\n",
                           u->onsite_required, u->onsite_head, u->onsite_deputy,
                           u->onsite_missed);
    g_string_append_printf(
        out,
        "      \"attendance\": { \"assigned\": %d, \"done\": %d, "
        "\"late\": %d, \"absent\": %d, \"excused\": %d, "
        "\"substituted\": %d, \"unrecorded\": %d },\n      \"hours\": ",
        u->assigned, u->done, u->late, u->absent, u->excused, u->substituted,
        u->unrecorded);
    rotap_append_hundredths_1(out, rotap_hours_hundredths(u->minutes));
    g_string_append_printf(
        out,
        ",\n      \"findings\": { \"found\": %d, \"closed_in_time\": %d, "
        "\"closed_late\": %d, \"open_overdue\": %d, \"open\": %d } }",
        u->found, u->closed_in_time, u->closed_late, u->open_overdue, u->open);
}

static void
append_list(GString *out, const RotaBulletin *b, gboolean red)
{
    gboolean first = TRUE;

    g_string_append_c(out, '[');
    for (int i = 0; i < b->model->n_units; i++) {
        const RotaBulletinUnit *u = &b->units[red ? i : b->model->n_units - 1 - i];

        if (!(red ? u->red : u->black))
            continue;
        if (!first)
            g_string_append(out, ", ");
        first = FALSE;
        rotap_json_append_string(out, b->model->units[u->unit].id);
    }
    g_string_append_c(out, ']');
}

/**
 * rota_bulletin_to_json:
 * @bulletin: a bulletin
 *
 * The bulletin in the `rota-bulletin` format, version 1 (docs/records.md):
 * units by rank, the red list best first and the black list worst first,
 * people by id.  Scores and hours carry at most two decimals.
 *
 * Returns: (transfer full): the text; g_free() it.
 * Since: 0.1
 */
char *
rota_bulletin_to_json(const RotaBulletin *bulletin)
{
    GString *out = g_string_new(NULL);
    const RotaModel *model;

    g_return_val_if_fail(bulletin != NULL, NULL);
    model = bulletin->model;
    g_string_append_printf(out,
                           "{ \"format\": \"rota-bulletin\", \"version\": 1, \"from\": "
                           "\"%s\", \"to\": \"%s\",\n  \"units\": [",
                           bulletin->from, bulletin->to);
    for (int i = 0; i < model->n_units; i++) {
        g_string_append(out, i > 0 ? ",\n    " : "\n    ");
        append_unit(out, model, &bulletin->units[i]);
    }
    g_string_append(out, model->n_units > 0 ? "\n  ],\n  \"red\": " : "],\n  \"red\": ");
    append_list(out, bulletin, TRUE);
    g_string_append(out, ", \"black\": ");
    append_list(out, bulletin, FALSE);
    g_string_append(out, ",\n  \"people\": [");
    for (int i = 0; i < bulletin->n_people; i++) {
        const RotaBulletinPerson *p = &bulletin->people[i];

        g_string_append(out, i > 0 ? ",\n    { \"person\": " : "\n    { \"person\": ");
        rotap_json_append_string(out, model->people[p->person].id);
        g_string_append(out, ", \"hours\": ");
        rotap_append_hundredths_1(out, rotap_hours_hundredths(p->minutes));
        g_string_append(out, ", \"hours_total\": ");
        rotap_append_hundredths_1(out, rotap_hours_hundredths(p->minutes_total));
        g_string_append(out, " }");
    }
    g_string_append(out, bulletin->n_people > 0 ? "\n  ] }\n" : "] }\n");
    return g_string_free(out, FALSE);
}

/**
 * rota_bulletin_to_csv:
 * @bulletin: a bulletin
 * @length: (out) (optional): the length of the text
 *
 * The bulletin as one CSV table for Excel: a row per unit in rank order
 * with every figure and the findings per category; UTF-8 with a BOM,
 * CRLF line ends, bilingual headers.
 *
 * Returns: (transfer full): the text; g_free() it.
 * Since: 0.1
 */
char *
rota_bulletin_to_csv(const RotaBulletin *bulletin, gsize *length)
{
    static const char header[] =
        "\xEF\xBB\xBF排名 rank,单位编号 unit,单位 name,得分 score,榜单 list,"
        "应到天数 onsite_required,一把手到岗 onsite_head,副职代岗 onsite_deputy,"
        "缺岗天数 onsite_missed,应值勤 assigned,完成 done,迟到 late,缺勤 absent,"
        "请假 excused,替班 substituted,未记录 unrecorded,服务时长 hours,发现问题 found,"
        "按时办结 closed_in_time,超时办结 closed_late,逾期未办 open_overdue,未到期 open";
    GString *out = g_string_new(header);
    const RotaModel *model;

    g_return_val_if_fail(bulletin != NULL, NULL);
    model = bulletin->model;
    for (int c = 0; c < ROTA_N_CATEGORIES; c++)
        g_string_append_printf(out, ",%s %s", rota_category_get_name_zh(c),
                               rota_category_get_name(c));
    g_string_append(out, "\r\n");
    for (int i = 0; i < model->n_units; i++) {
        const RotaBulletinUnit *u = &bulletin->units[i];

        g_string_append_printf(out, "%d,", u->rank);
        rotap_csv_append_field(out, model->units[u->unit].id);
        g_string_append_c(out, ',');
        rotap_csv_append_field(
            out, model->units[u->unit].name != NULL ? model->units[u->unit].name : "");
        g_string_append_c(out, ',');
        rotap_append_hundredths_1(out, u->score);
        g_string_append_printf(out, ",%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,",
                               u->red     ? "红榜 red"
                               : u->black ? "黑榜 black"
                                          : "",
                               u->onsite_required, u->onsite_head, u->onsite_deputy,
                               u->onsite_missed, u->assigned, u->done, u->late, u->absent,
                               u->excused, u->substituted, u->unrecorded);
        rotap_append_hundredths_1(out, rotap_hours_hundredths(u->minutes));
        g_string_append_printf(out, ",%d,%d,%d,%d,%d", u->found, u->closed_in_time,
                               u->closed_late, u->open_overdue, u->open);
        for (int c = 0; c < ROTA_N_CATEGORIES; c++)
            g_string_append_printf(out, ",%d", u->category_found[c]);
        g_string_append(out, "\r\n");
    }
    if (length != NULL)
        *length = out->len;
    return g_string_free(out, FALSE);
}

/**
 * rota_bulletin_save:
 * @bulletin: a bulletin
 * @dir: a directory, created when missing
 * @error: return location for a #GError, or %NULL
 *
 * Writes DIR/bulletin.html, DIR/bulletin.json and DIR/bulletin.csv, each
 * atomically.
 *
 * Returns: %TRUE on success.
 * Since: 0.1
 */
gboolean
rota_bulletin_save(const RotaBulletin *bulletin, const char *dir, GError **error)
{
    g_autofree char *html = NULL, *json = NULL, *csv = NULL;
    g_autofree char *p_html = NULL, *p_json = NULL, *p_csv = NULL;
    gsize csv_length = 0;

    g_return_val_if_fail(bulletin != NULL && dir != NULL, FALSE);
    if (g_mkdir_with_parents(dir, 0755) != 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot create the directory",
                    dir);
        return FALSE;
    }
    html = rota_bulletin_to_html(bulletin);
    json = rota_bulletin_to_json(bulletin);
    csv = rota_bulletin_to_csv(bulletin, &csv_length);
    p_html = g_build_filename(dir, "bulletin.html", NULL);
    p_json = g_build_filename(dir, "bulletin.json", NULL);
    p_csv = g_build_filename(dir, "bulletin.csv", NULL);
    return rotap_write_file_atomic(p_html, html, strlen(html), error) &&
           rotap_write_file_atomic(p_json, json, strlen(json), error) &&
           rotap_write_file_atomic(p_csv, csv, csv_length, error);
}
