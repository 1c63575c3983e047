/* SPDX-License-Identifier: MIT */
/* bulletin-html.c: the bulletin as one printable Chinese HTML page with inline SVG
 * charts. */
#include "config.h"

#include <string.h>

#include "bulletin-private.h"

/*
 * Self-contained: no script, no external resource, charts drawn here as
 * inline SVG.  Printed on A4, the overview comes first and then each unit's
 * summary on a page of its own (break-before: page), small enough never to
 * spill onto a second page.
 */

static const char style[] =
    "@page{size:A4;margin:12mm}"
    "body{font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif;"
    "color:#222;margin:0 auto;max-width:186mm;font-size:10pt;line-height:1.45}"
    "h1{font-size:17pt;margin:0 0 4px}h2{font-size:13pt;margin:14px 0 6px;"
    "border-bottom:2px solid #c0392b;padding-bottom:2px}"
    "table{border-collapse:collapse;width:100%;margin:4px 0}"
    "th,td{border:1px solid #bbb;padding:2px 5px;text-align:right}"
    "th{background:#f3f3f3}td{white-space:nowrap}.l{text-align:left}"
    ".red{color:#b71c1c;font-weight:bold}.black{color:#000;font-weight:bold}"
    ".lists{display:flex;gap:16px}.lists div{flex:1}"
    "svg{display:block;margin:6px 0}"
    "section.unit{break-before:page;page-break-before:always}"
    "@media print{section.unit{break-inside:avoid;page-break-inside:avoid}"
    ".ranking tr{break-inside:avoid}}";

static const char *const bar_colours[] = {"#2e7d32", "#f9a825", "#c62828",
                                          "#90a4ae", "#1565c0", "#6d4c41"};

static void
text(GString *out, const char *s)
{
    g_autofree char *escaped = g_markup_escape_text(s != NULL ? s : "", -1);

    g_string_append(out, escaped);
}

static void
hundredths(GString *out, gint64 value)
{
    rotap_append_hundredths_1(out, value);
}

static const char *
unit_name(const RotaModel *model, int u)
{
    return model->units[u].name != NULL ? model->units[u].name : model->units[u].id;
}

/* A horizontal stacked bar of n parts with a legend, width 600. */
static void
stacked_bar(GString *out, const char *title, const int *values, const char *const *labels,
            int n)
{
    int total = 0;
    double x = 120;

    for (int i = 0; i < n; i++)
        total += values[i];
    g_string_append_printf(out,
                           "<svg width=\"680\" height=\"46\" viewBox=\"0 0 680 46\" "
                           "role=\"img\" aria-label=\"%s\">",
                           title);
    g_string_append_printf(out, "<text x=\"0\" y=\"16\" font-size=\"12\">%s</text>",
                           title);
    g_string_append(out, "<rect x=\"120\" y=\"4\" width=\"540\" height=\"16\" "
                         "fill=\"#eee\"/>");
    for (int i = 0; i < n && total > 0; i++) {
        double w = 540.0 * values[i] / total;

        g_string_append_printf(out,
                               "<rect x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"16\" "
                               "fill=\"%s\"/>",
                               x, w, bar_colours[i % G_N_ELEMENTS(bar_colours)]);
        x += w;
    }
    x = 120;
    for (int i = 0; i < n; i++) {
        g_string_append_printf(out,
                               "<rect x=\"%.0f\" y=\"30\" width=\"10\" height=\"10\" "
                               "fill=\"%s\"/><text x=\"%.0f\" y=\"39\" "
                               "font-size=\"11\">%s %d</text>",
                               x, bar_colours[i % G_N_ELEMENTS(bar_colours)], x + 13,
                               labels[i], values[i]);
        x += n > 3 ? 92 : 135;
    }
    g_string_append(out, "</svg>\n");
}

/* Vertical bars: the score of every unit in rank order, with the 红/黑 marks. */
static void
score_chart(GString *out, const RotaBulletin *b)
{
    int n = b->model->n_units;
    double w = n > 0 ? 660.0 / n : 0;
    gint64 base = MAX(b->model->assess[ROTA_ASSESS_BASE], 1);

    g_string_append(out, "<svg width=\"680\" height=\"180\" viewBox=\"0 0 680 180\" "
                         "role=\"img\" aria-label=\"得分排名\">"
                         "<line x1=\"20\" y1=\"160\" x2=\"680\" y2=\"160\" "
                         "stroke=\"#888\"/>");
    for (int i = 0; i < n; i++) {
        const RotaBulletinUnit *u = &b->units[i];
        double h = 150.0 * (double)u->score / (double)base;

        g_string_append_printf(
            out,
            "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" "
            "fill=\"%s\"><title>%s ",
            20 + i * w, 160 - h, MAX(w - 1, 0.5), h,
            u->red     ? "#c62828"
            : u->black ? "#212121"
                       : "#90a4ae",
            b->model->units[u->unit].id);
        hundredths(out, u->score);
        g_string_append(out, "</title></rect>");
    }
    g_string_append(out, "<text x=\"0\" y=\"14\" font-size=\"11\">");
    hundredths(out, base);
    g_string_append(out,
                    "</text><text x=\"8\" y=\"174\" font-size=\"11\">0</text></svg>\n");
}

/* Findings of the period by category: found, of which in time, late, overdue. */
static void
category_chart(GString *out, const RotaBulletin *b, const RotaBulletinUnit *only)
{
    int found[ROTA_N_CATEGORIES] = {0}, in_time[ROTA_N_CATEGORIES] = {0};
    int late[ROTA_N_CATEGORIES] = {0}, overdue[ROTA_N_CATEGORIES] = {0};
    int greatest = 1;

    for (int i = 0; i < b->model->n_units; i++) {
        const RotaBulletinUnit *u = &b->units[i];

        if (only != NULL && u != only)
            continue;
        for (int c = 0; c < ROTA_N_CATEGORIES; c++) {
            found[c] += u->category_found[c];
            in_time[c] += u->category_in_time[c];
            late[c] += u->category_late[c];
            overdue[c] += u->category_overdue[c];
        }
    }
    for (int c = 0; c < ROTA_N_CATEGORIES; c++)
        greatest = MAX(greatest, found[c]);
    g_string_append(out, "<svg width=\"680\" height=\"150\" viewBox=\"0 0 680 150\" "
                         "role=\"img\" aria-label=\"问题分类\">");
    for (int c = 0; c < ROTA_N_CATEGORIES; c++) {
        double x = 10 + c * 82, scale = 110.0 / greatest;
        int parts[3] = {in_time[c], late[c], overdue[c]};
        double y = 125;

        g_string_append_printf(out,
                               "<rect x=\"%.0f\" y=\"%.1f\" width=\"50\" height=\"%.1f\" "
                               "fill=\"#eceff1\"/>",
                               x, 125 - found[c] * scale, found[c] * scale);
        for (int k = 0; k < 3; k++) {
            double h = parts[k] * scale;

            y -= h;
            g_string_append_printf(out,
                                   "<rect x=\"%.0f\" y=\"%.1f\" width=\"50\" "
                                   "height=\"%.1f\" fill=\"%s\"/>",
                                   x, y, h, bar_colours[k]);
        }
        g_string_append_printf(out,
                               "<text x=\"%.0f\" y=\"142\" font-size=\"11\">%s %d</text>",
                               x, rota_category_get_name_zh(c), found[c]);
    }
    g_string_append(out, "</svg>\n<p>图例：绿 按时办结，黄 超时办结，红 逾期未办，灰 "
                         "未到期</p>\n");
}

static void
ranking_table(GString *out, const RotaBulletin *b)
{
    const RotaModel *model = b->model;

    g_string_append(out,
                    "<table class=\"ranking\"><thead><tr><th>排名</th>"
                    "<th class=\"l\">单位</th><th>得分</th><th>到岗(一把手/副职/缺)</th>"
                    "<th>值勤(完成/迟到/缺勤)</th><th>时长(小时)</th>"
                    "<th>问题(按时/超时/逾期)</th><th>榜单</th></tr></thead>"
                    "<tbody>\n");
    for (int i = 0; i < model->n_units; i++) {
        const RotaBulletinUnit *u = &b->units[i];

        g_string_append_printf(out, "<tr><td>%d</td><td class=\"l\"><a href=\"#%s\">",
                               u->rank, model->units[u->unit].id);
        text(out, unit_name(model, u->unit));
        g_string_append(out, "</a></td><td>");
        hundredths(out, u->score);
        g_string_append_printf(out, "</td><td>%d/%d/%d</td><td>%d/%d/%d</td><td>",
                               u->onsite_head, u->onsite_deputy, u->onsite_missed,
                               u->done, u->late, u->absent);
        hundredths(out, rotap_hours_hundredths(u->minutes));
        g_string_append_printf(out, "</td><td>%d/%d/%d</td><td>%s</td></tr>\n",
                               u->closed_in_time, u->closed_late, u->open_overdue,
                               u->red     ? "<span class=\"red\">红榜</span>"
                               : u->black ? "<span class=\"black\">黑榜</span>"
                                          : "");
    }
    g_string_append(out, "</tbody></table>\n");
}

static void
list(GString *out, const RotaBulletin *b, gboolean red)
{
    int n = b->model->n_units, shown = 0;

    g_string_append_printf(out, "<div><h2>%s</h2><ol>", red ? "红榜" : "黑榜");
    for (int i = 0; i < n; i++) {
        const RotaBulletinUnit *u = &b->units[red ? i : n - 1 - i];

        if (!(red ? u->red : u->black))
            continue;
        g_string_append(out, "<li>");
        text(out, unit_name(b->model, u->unit));
        g_string_append(out, "（");
        hundredths(out, u->score);
        g_string_append(out, " 分）</li>");
        shown++;
    }
    g_string_append(out, shown == 0 ? "<li>无</li></ol></div>" : "</ol></div>");
}

static void
unit_section(GString *out, const RotaBulletin *b, const RotaBulletinUnit *u)
{
    const RotaModel *model = b->model;
    const RotapUnit *unit = &model->units[u->unit];
    int onsite[3] = {u->onsite_head, u->onsite_deputy, u->onsite_missed};
    int duty[6] = {u->done,    u->late,        u->absent,
                   u->excused, u->substituted, u->unrecorded};
    static const char *const onsite_labels[] = {"一把手", "副职代岗", "缺岗"};
    static const char *const duty_labels[] = {"完成", "迟到", "缺勤",
                                              "请假", "替班", "未记录"};

    g_string_append_printf(out, "<section class=\"unit\" id=\"%s\"><h2>单位小结 · ",
                           unit->id);
    text(out, unit->id);
    g_string_append_c(out, ' ');
    text(out, unit_name(model, u->unit));
    g_string_append_printf(out, "</h2>\n<p>排名 <b>%d</b> / %d，得分 <b>", u->rank,
                           model->n_units);
    hundredths(out, u->score);
    g_string_append(out, "</b>");
    if (u->red || u->black)
        g_string_append_printf(out, "，<span class=\"%s\">%s</span>",
                               u->red ? "red" : "black", u->red ? "红榜" : "黑榜");
    if (unit->head >= 0) {
        g_string_append(out, "；一把手 ");
        text(out, model->people[unit->head].name != NULL ? model->people[unit->head].name
                                                         : model->people[unit->head].id);
    }
    g_string_append_printf(
        out,
        "</p>\n<table><tr><th class=\"l\">一线工作（马路办公）</th>"
        "<td>应到 %d 天：一把手 %d，副职 %d，缺岗 %d</td></tr>"
        "<tr><th class=\"l\">值勤出勤</th><td>应值勤 %d 次：完成 %d，迟到 "
        "%d，缺勤 %d，请假 %d，替班 %d，未记录 %d</td></tr>"
        "<tr><th class=\"l\">志愿服务时长</th><td>",
        u->onsite_required, u->onsite_head, u->onsite_deputy, u->onsite_missed,
        u->assigned, u->done, u->late, u->absent, u->excused, u->substituted,
        u->unrecorded);
    hundredths(out, rotap_hours_hundredths(u->minutes));
    g_string_append_printf(
        out,
        " 小时</td></tr><tr><th class=\"l\">包保路段问题</th><td>发现 %d："
        "按时办结 %d，超时办结 %d，逾期未办 %d，未到期 %d</td></tr>"
        "</table>\n",
        u->found, u->closed_in_time, u->closed_late, u->open_overdue, u->open);
    stacked_bar(out, "一线工作", onsite, onsite_labels, 3);
    stacked_bar(out, "值勤出勤", duty, duty_labels, 6);
    category_chart(out, b, u);
    g_string_append(out, "</section>\n");
}

/**
 * rota_bulletin_to_html:
 * @bulletin: a bulletin
 *
 * The bulletin as one printable Chinese HTML5 page: red and black lists,
 * the ranking with a chart of scores, findings by category, then one A4
 * page per unit.  No script and no external resource.
 *
 * Returns: (transfer full): the text; g_free() it.
 * Since: 0.1
 */
char *
rota_bulletin_to_html(const RotaBulletin *bulletin)
{
    GString *out = g_string_new("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                                "<meta charset=\"utf-8\">\n<title>");
    const RotaModel *model;

    g_return_val_if_fail(bulletin != NULL, NULL);
    model = bulletin->model;
    text(out, model->name);
    g_string_append_printf(out,
                           " 通报 %s 至 %s</title>\n<style>%s</style>\n</head>\n<body>\n",
                           bulletin->from, bulletin->to, style);
    g_string_append(out, "<header><h1>");
    text(out, model->name);
    g_string_append_printf(out, " · 值勤通报</h1>\n<p>期间 %s 至 %s；%d 个单位；基础分 ",
                           bulletin->from, bulletin->to, model->n_units);
    hundredths(out, model->assess[ROTA_ASSESS_BASE]);
    g_string_append(out, "，扣分：缺岗每天 ");
    hundredths(out, model->assess[ROTA_ASSESS_ONSITE_MISSED]);
    g_string_append(out, "，缺勤每次 ");
    hundredths(out, model->assess[ROTA_ASSESS_ABSENT]);
    g_string_append(out, "，迟到每次 ");
    hundredths(out, model->assess[ROTA_ASSESS_LATE]);
    g_string_append(out, "，逾期未办每件 ");
    hundredths(out, model->assess[ROTA_ASSESS_OVERDUE]);
    g_string_append(out, "，超时办结每件 ");
    hundredths(out, model->assess[ROTA_ASSESS_CLOSED_LATE]);
    g_string_append(out, "。</p></header>\n<section class=\"lists\">");
    list(out, bulletin, TRUE);
    list(out, bulletin, FALSE);
    g_string_append(out, "</section>\n<section><h2>得分排名</h2>\n");
    score_chart(out, bulletin);
    g_string_append(out, "<h2>问题分类（八位一体）</h2>\n");
    category_chart(out, bulletin, NULL);
    g_string_append(out, "<h2>排名表</h2>\n");
    ranking_table(out, bulletin);
    g_string_append(out, "</section>\n");
    for (int i = 0; i < model->n_units; i++)
        unit_section(out, bulletin, &bulletin->units[i]);
    g_string_append(out, "</body>\n</html>\n");
    return g_string_free(out, FALSE);
}
