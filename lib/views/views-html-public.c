/* SPDX-License-Identifier: MIT */
/* views-html-public.c: the public pages: the segments by grid and each road-chief sign. */
#include "views/views-html-private.h"

#include <string.h>

static const char sign_css[] =
    ".sign{max-width:186mm;margin:0 auto}"
    ".sign header{border:3px solid #b71c1c;border-radius:6px;padding:6px 14px;"
    "text-align:center;background:#fff5f5}"
    ".sign .kicker{font-size:2em;font-weight:bold;letter-spacing:.5em;color:#b71c1c;"
    "margin:0}"
    ".sign h1{font-size:1.9em;margin:.1em 0}"
    ".sign .top{display:flex;gap:6mm;align-items:flex-start;margin-top:4mm}"
    ".sign .facts{flex:1;font-size:1.15em;margin:0}"
    ".sign .facts th{width:7em;white-space:nowrap}"
    ".sign .qrbox{text-align:center;font-size:.9em;width:44mm}"
    ".sign .url{font-size:.7em;word-break:break-all;color:#333}"
    ".sign table.week{width:100%}"
    ".sign table.week th:first-child{width:6.5em;white-space:nowrap}"
    ".sign .shift{font-weight:bold}"
    ".sign .time{color:#555;font-size:.9em}"
    ".sign footer{margin-top:3mm;text-align:center;color:#555;font-size:.9em}"
    "@media print{.sign{font-size:11pt}}";

/* Append a person's name, or an em dash for nobody. */
static void
append_name(GString *out, const RotaModel *m, int person)
{
    rotap_html_text(out, person >= 0 ? m->people[person].name : "—");
}

static void
append_facts(GString *out, const RotapSite *site, int segment)
{
    const RotaModel *m = site->view->model;
    const RotapSegment *s = &m->segments[segment];
    int unit = s->unit;

    g_string_append(out, "<table class=\"facts\">\n<tr><th>路长</th><td>");
    append_name(out, m, s->chief);
    g_string_append(out, "</td></tr>\n<tr><th>责任单位</th><td>");
    rotap_html_text(out, unit >= 0 ? m->units[unit].name : "—");
    g_string_append(out, "</td></tr>\n<tr><th>单位一把手</th><td>");
    append_name(out, m, unit >= 0 ? m->units[unit].head : -1);
    g_string_append(out, "</td></tr>\n");
    if (s->location != NULL) {
        g_string_append(out, "<tr><th>位置</th><td>");
        rotap_html_text(out, s->location);
        g_string_append(out, "</td></tr>\n");
    }
    g_string_append(out, "</table>\n");
}

/* The QR code of the segment's feed, with its URL in small print. */
static void
append_feed_qr(GString *out, RotapSite *site, int segment)
{
    const RotaSiteWriter *w = site->writer;
    g_autofree char *path = NULL;
    g_autofree char *url = NULL;

    if (w->feeds_url == NULL)
        return;
    path = rota_feed_writer_dup_segment_path(w->feeds, segment);
    url = g_strconcat(w->feeds_url, "feeds/", path, NULL);
    g_string_append(out, "<div class=\"qrbox\">");
    if (rotap_svg_qr(site, out, url, 40)) {
        g_string_append(out, "<div>扫码订阅本路段值勤日历</div><div class=\"url\">");
        rotap_html_text(out, url);
        g_string_append(out, "</div>");
    }
    g_string_append(out, "</div>\n");
}

/* One day of the week table: per shift, its name, time and team. */
static void
append_week_day(GString *out, const RotapSite *site, int segment, int day)
{
    const RotapView *v = site->view;
    const RotaModel *m = v->model;
    g_autofree char *date = rotap_site_short_date(m, day);
    const char *mark = rotap_view_day_mark(m, day);
    int shift = -1;

    g_string_append_printf(out, "<tr%s><th>%s 周%s%s%s</th><td>",
                           rotap_view_is_restday(m, day) ? " class=\"rest\"" : "", date,
                           rotap_view_weekday(m->weekday[day]), mark != NULL ? " " : "",
                           mark != NULL ? mark : "");
    for (int i = v->day_start[day]; i < v->day_start[day + 1]; i++) {
        const RotaAssignment *a = &v->a[i];
        char start[6], end[6];

        if (a->segment != segment)
            continue;
        if (a->shift != shift) {
            rotap_view_format_time(start, m->shifts[a->shift].start);
            rotap_view_format_time(end, m->shifts[a->shift].end);
            g_string_append_printf(out, "%s<span class=\"shift\">",
                                   shift >= 0 ? "<br>" : "");
            rotap_html_text(out, rotap_view_duty_name(m, a->duty, a->shift));
            g_string_append_printf(out, "</span> <span class=\"time\">%s–%s</span> ", start,
                                   end);
            shift = a->shift;
        } else {
            g_string_append(out, "、");
        }
        append_name(out, m, a->person);
    }
    if (shift < 0)
        g_string_append(out, "<span class=\"muted\">无值勤安排</span>");
    g_string_append(out, "</td></tr>\n");
}

static void
make_sign(RotapSite *site, int segment)
{
    const RotaModel *m = site->view->model;
    const RotapSegment *s = &m->segments[segment];
    g_autofree char *stem = rotap_site_segment_stem(site, segment);
    g_autofree char *path = g_strdup_printf("public/segment/%s.html", stem);
    g_autofree char *title = g_strdup_printf("路长公示牌 %s", s->name);
    g_autofree char *from = rotap_site_short_date(m, site->week_first);
    g_autofree char *to = rotap_site_short_date(m, site->week_last);
    GString *out = rotap_page_new(title, ROTAP_PAGE_PORTRAIT, sign_css);

    g_string_append(out, "<nav><a href=\"../index.html\">← 全部路段</a></nav>\n"
                         "<main class=\"sign\">\n<header><p class=\"kicker\">路长公示牌</p><h1>");
    rotap_html_text(out, s->name);
    g_string_append(out, "</h1><p class=\"muted\">路段编号 ");
    rotap_html_text(out, s->id);
    if (s->grid != NULL) {
        g_string_append(out, " · 网格 ");
        rotap_html_text(out, s->grid);
    }
    g_string_append(out, "</p></header>\n<div class=\"top\">\n");
    append_facts(out, site, segment);
    append_feed_qr(out, site, segment);
    g_string_append_printf(out, "</div>\n<h2>本周值勤（%s—%s）</h2>\n"
                                "<table class=\"week\">\n",
                           from, to);
    for (int d = site->week_first; d <= site->week_last; d++)
        append_week_day(out, site, segment, d);
    g_string_append(out, "</table>\n<footer>城市精细化管理　人人参与　欢迎监督<br>");
    rotap_html_text(out, m->name);
    g_string_append(out, "</footer>\n</main>\n");
    rotap_site_add(site, path, out);
}

/* Grid names in order of first appearance; segments without one last. */
static GPtrArray *
grids(const RotaModel *m)
{
    GPtrArray *out = g_ptr_array_new();

    for (int s = 0; s < m->n_segments; s++) {
        const char *grid = m->segments[s].grid != NULL ? m->segments[s].grid : "";
        gboolean seen = FALSE;

        for (guint k = 0; k < out->len && !seen; k++)
            seen = strcmp(g_ptr_array_index(out, k), grid) == 0;
        if (!seen)
            g_ptr_array_add(out, (gpointer)grid);
    }
    return out;
}

static void
append_grid(GString *out, RotapSite *site, const char *grid)
{
    const RotaModel *m = site->view->model;

    g_string_append(out, "<h2>");
    rotap_html_text(out, *grid != '\0' ? "网格 " : "其他路段");
    rotap_html_text(out, grid);
    g_string_append(out, "</h2>\n<table>\n<tr><th>编号</th><th>路段</th><th>责任单位</th>"
                         "<th>路长</th></tr>\n");
    for (int s = 0; s < m->n_segments; s++) {
        const RotapSegment *seg = &m->segments[s];
        g_autofree char *stem = NULL;

        if (strcmp(seg->grid != NULL ? seg->grid : "", grid) != 0)
            continue;
        stem = rotap_site_segment_stem(site, s);
        g_string_append(out, "<tr><td>");
        rotap_html_text(out, seg->id);
        g_string_append_printf(out, "</td><td><a href=\"segment/%s.html\">", stem);
        rotap_html_text(out, seg->name);
        g_string_append(out, "</a></td><td>");
        rotap_html_text(out, seg->unit >= 0 ? m->units[seg->unit].name : "—");
        g_string_append(out, "</td><td>");
        append_name(out, m, seg->chief);
        g_string_append(out, "</td></tr>\n");
    }
    g_string_append(out, "</table>\n");
}

void
rotap_site_public(RotapSite *site)
{
    const RotaModel *m = site->view->model;
    g_autofree char *title = g_strdup_printf("%s 路段公示", m->name);
    g_autoptr(GPtrArray) names = grids(m);
    GString *out = rotap_page_new(title, ROTAP_PAGE_PORTRAIT, NULL);

    g_string_append(out, "<h1>");
    rotap_html_text(out, title);
    g_string_append_printf(out, "</h1>\n<p class=\"muted\">共 %d 个路段。点击路段名称查看"
                                "路长公示牌（可打印张贴）。</p>\n",
                           m->n_segments);
    for (guint k = 0; k < names->len; k++)
        append_grid(out, site, g_ptr_array_index(names, k));
    rotap_site_add(site, "public/index.html", out);
    for (int s = 0; s < m->n_segments; s++)
        make_sign(site, s);
}
