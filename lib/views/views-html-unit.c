/* SPDX-License-Identifier: MIT */
/* views-html-unit.c: a unit's page: its month as a grid (A4 landscape) and the members' slips. */
#include "views/views-html-private.h"

#include <string.h>

static const char unit_css[] =
    "body{max-width:none}"
    "table.grid{table-layout:fixed;width:100%;font-size:8pt;line-height:1.25}"
    "table.grid th,table.grid td{padding:1px 2px;text-align:center;overflow:hidden}"
    "table.grid td.l,table.grid th.l{text-align:left}"
    "col.nm{width:16mm}col.rl{width:15mm}col.t{width:10mm}"
    ".slips{break-before:page;display:flex;flex-wrap:wrap;gap:3mm}"
    ".slip{width:52mm;border:1px dashed #777;padding:2mm;text-align:center;"
    "break-inside:avoid;font-size:9pt}"
    ".slip .nm{font-size:14pt;font-weight:bold;line-height:1.2}"
    ".slip svg.qr{margin:2mm auto}"
    ".slip .url{font-size:6.5pt;word-break:break-all;color:#333}";

/* The members in the order of the workbook: head, deputies, the others. */
static GArray *
members(const RotaModel *m, int unit)
{
    const RotapUnit *u = &m->units[unit];
    GArray *out = g_array_new(FALSE, FALSE, sizeof(int));

    for (int k = -1; k < u->n_deputies; k++) {
        int p = k < 0 ? u->head : u->deputies[k];

        if (p >= 0 && m->people[p].unit == unit)
            g_array_append_val(out, p);
    }
    for (int k = 0; k < u->n_members; k++)
        if (*rotap_view_role(m, u->members[k]) == '\0')
            g_array_append_val(out, u->members[k]);
    return out;
}

static void
append_heads(GString *out, const RotaModel *m)
{
    g_string_append_printf(out, "<table class=\"grid\">\n<colgroup><col class=\"nm\">"
                                "<col class=\"rl\"><col span=\"%d\"><col span=\"3\" "
                                "class=\"t\"></colgroup>\n<thead><tr><th rowspan=\"2\" "
                                "class=\"l\">姓名</th><th rowspan=\"2\" class=\"l\">身份</th>",
                           m->n_days);
    for (int d = 0; d < m->n_days; d++) {
        GDate date = m->start;

        g_date_add_days(&date, (guint)d);
        g_string_append_printf(out, "<th%s>%d</th>",
                               rotap_view_is_restday(m, d) ? " class=\"rest\"" : "",
                               g_date_get_day(&date));
    }
    g_string_append(out, "<th rowspan=\"2\">次数</th><th rowspan=\"2\">小时</th>"
                         "<th rowspan=\"2\">马路<br>办公</th></tr>\n<tr>");
    for (int d = 0; d < m->n_days; d++) {
        const char *mark = rotap_view_day_mark(m, d);

        g_string_append_printf(out, "<th%s>%s</th>",
                               rotap_view_is_restday(m, d) ? " class=\"rest\"" : "",
                               mark != NULL ? mark : rotap_view_weekday(m->weekday[d]));
    }
    g_string_append(out, "</tr></thead>\n<tbody>\n");
}

static void
append_member_row(GString *out, const RotapView *v, int person)
{
    const RotaModel *m = v->model;
    g_autofree char *tags = rotap_view_dup_tags(m, person);
    const char *role = rotap_view_role(m, person);

    g_string_append(out, "<tr><th class=\"l\">");
    rotap_html_text(out, m->people[person].name);
    g_string_append(out, "</th><td class=\"l\">");
    rotap_html_text(out, *role != '\0' ? role : tags);
    g_string_append(out, "</td>");
    for (int d = 0; d < m->n_days; d++) {
        g_string_append_printf(out, "<td%s>",
                               rotap_view_is_restday(m, d) ? " class=\"rest\"" : "");
        for (int i = v->person_day[(gsize)person * m->n_days + d]; i >= 0; i = v->next_same[i]) {
            if (i != v->person_day[(gsize)person * m->n_days + d])
                g_string_append_c(out, '/');
            rotap_html_text(out, v->shift_short[v->a[i].shift]);
        }
        g_string_append(out, "</td>");
    }
    g_string_append_printf(out, "<td>%d</td><td>%.1f</td><td>%d</td></tr>\n",
                           v->duties[person], v->minutes[person] / 60.0, v->onsite[person]);
}

/* On-site: 正 for the head, 副1, 副2 ... for the deputies, 缺 for nobody. */
static void
append_onsite_row(GString *out, const RotapView *v, int unit)
{
    const RotaModel *m = v->model;
    const RotapUnit *u = &m->units[unit];

    g_string_append(out, "<tr><th class=\"l\" colspan=\"2\">");
    rotap_html_text(out, m->shifts[m->onsite_shift].name);
    g_string_append(out, "</th>");
    for (int d = 0; d < m->n_days; d++) {
        int person, k = 0;
        RotapOnsite kind = rotap_view_onsite(v, unit, d, &person);

        while (kind == ROTAP_ONSITE_DEPUTY && u->deputies[k] != person)
            k++;
        if (kind == ROTAP_ONSITE_MISSING || kind == ROTAP_ONSITE_OTHER)
            g_string_append(out, "<td class=\"miss\">缺</td>");
        else if (kind == ROTAP_ONSITE_DEPUTY)
            g_string_append_printf(out, "<td>副%d</td>", k + 1);
        else
            g_string_append_printf(out, "<td%s>%s</td>",
                                   rotap_view_is_restday(m, d) ? " class=\"rest\"" : "",
                                   kind == ROTAP_ONSITE_HEAD ? "正" : "");
    }
    g_string_append(out, "<td colspan=\"3\"></td></tr>\n");
}

static void
append_legend(GString *out, const RotapView *v, int unit)
{
    const RotaModel *m = v->model;
    const RotapUnit *u = &m->units[unit];

    g_string_append(out, "<p class=\"muted\">班次：");
    for (int s = 0; s < m->n_shifts; s++) {
        char start[6], end[6];

        rotap_view_format_time(start, m->shifts[s].start);
        rotap_view_format_time(end, m->shifts[s].end);
        g_string_append(out, s > 0 ? "；" : "");
        rotap_html_text(out, v->shift_short[s]);
        g_string_append(out, " = ");
        rotap_html_text(out, m->shifts[s].name);
        g_string_append_printf(out, " %s–%s", start, end);
    }
    if (m->onsite_shift >= 0 && u->n_segments > 0) {
        g_string_append(out, "。马路办公：正 = 一把手");
        for (int k = 0; k < u->n_deputies; k++) {
            g_string_append_printf(out, "，副%d = ", k + 1);
            rotap_html_text(out, m->people[u->deputies[k]].name);
        }
        g_string_append(out, "，缺 = 无人在岗");
    }
    g_string_append(out, "。灰底为休息日，“休”为调休放假，“班”为调休上班。</p>\n");
}

static void
append_slip(GString *out, RotapSite *site, int person)
{
    const RotaSiteWriter *w = site->writer;
    const RotaModel *m = site->view->model;
    g_autofree char *path = rota_feed_writer_dup_person_path(w->feeds, person);
    g_autofree char *url = g_strconcat(w->feeds_url, "feeds/", path, NULL);

    g_string_append(out, "<div class=\"slip\"><div>我的值勤日历</div><div class=\"nm\">");
    rotap_html_text(out, m->people[person].name);
    g_string_append(out, "</div><div>");
    rotap_html_text(out, m->units[m->people[person].unit].name);
    g_string_append(out, "</div>");
    rotap_svg_qr(site, out, url, 28);
    g_string_append(out, "<div>用手机扫码，在日历应用中订阅</div><div class=\"url\">");
    rotap_html_text(out, url);
    g_string_append(out, "</div></div>\n");
}

static void
append_slips(GString *out, RotapSite *site, const GArray *people)
{
    g_string_append(out, "<h2 class=\"noprint\">成员订阅单</h2>\n");
    if (site->writer->feeds_url == NULL) {
        g_string_append(out, "<p>导出时给出发布地址（--feeds-url）即生成每人的"
                             "订阅二维码，可剪下分发。</p>\n");
        return;
    }
    g_string_append(out, "<div class=\"slips\">\n");
    for (guint k = 0; k < people->len; k++)
        append_slip(out, site, g_array_index(people, int, k));
    g_string_append(out, "</div>\n");
}

static void
append_intro(GString *out, const RotapSite *site, int unit)
{
    const RotaModel *m = site->view->model;
    const RotapUnit *u = &m->units[unit];

    g_string_append(out, "<p>一把手：");
    rotap_html_text(out, u->head >= 0 ? m->people[u->head].name : "—");
    g_string_append(out, "；副职：");
    for (int k = 0; k < u->n_deputies; k++) {
        g_string_append(out, k > 0 ? "、" : "");
        rotap_html_text(out, m->people[u->deputies[k]].name);
    }
    g_string_append(out, u->n_deputies == 0 ? "—；包保路段：" : "；包保路段：");
    for (int k = 0; k < u->n_segments; k++) {
        g_autofree char *stem = rotap_site_segment_stem(site, u->segments[k]);

        g_string_append_printf(out, "%s<a href=\"../../public/segment/%s.html\">",
                               k > 0 ? "、" : "", stem);
        rotap_html_text(out, m->segments[u->segments[k]].name);
        g_string_append(out, "</a>");
    }
    g_string_append(out, u->n_segments == 0 ? "—。</p>\n" : "。</p>\n");
}

void
rotap_site_unit(RotapSite *site, int unit)
{
    const RotapView *v = site->view;
    const RotaModel *m = v->model;
    g_autofree char *stem = rotap_site_unit_stem(site, unit);
    g_autofree char *path = g_strdup_printf("internal/unit/%s.html", stem);
    g_autofree char *first = rota_model_dup_date(m, 0);
    g_autofree char *last = rota_model_dup_date(m, m->n_days - 1);
    g_autofree char *title =
        g_strdup_printf("%s 值勤表 %s 至 %s", m->units[unit].name, first, last);
    g_autoptr(GArray) people = members(m, unit);
    GString *out = rotap_page_new(title, ROTAP_PAGE_LANDSCAPE, unit_css);

    g_string_append(out, "<nav><a href=\"../index.html\">← 总览</a></nav>\n<h1>");
    rotap_html_text(out, title);
    g_string_append(out, "</h1>\n");
    append_intro(out, site, unit);
    append_heads(out, m);
    for (guint k = 0; k < people->len; k++)
        append_member_row(out, v, g_array_index(people, int, k));
    if (m->onsite_shift >= 0 && m->units[unit].n_segments > 0)
        append_onsite_row(out, v, unit);
    g_string_append(out, "</tbody>\n</table>\n");
    append_legend(out, v, unit);
    append_slips(out, site, people);
    rotap_site_add(site, path, out);
}
