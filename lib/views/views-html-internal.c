/* SPDX-License-Identifier: MIT */
/* views-html-internal.c: the coordinators' pages: the overview and each day's duty sheet. */
#include "views/views-html-private.h"

#include <string.h>

static const char *const series_colours[] = {"#2e7d32", "#f9a825", "#c62828"};

static void
append_summary(GString *out, const RotapSite *site)
{
    const RotaModel *m = site->view->model;
    g_autofree char *first = rota_model_dup_date(m, 0);
    g_autofree char *last = rota_model_dup_date(m, m->n_days - 1);
    int hard = rota_score_get_hard(site->score);

    g_string_append_printf(out,
                           "<p>%s 至 %s，%d 个单位、%d 个路段、%d 人；值勤安排 %d 条。"
                           "评分：硬约束违反 <span class=\"%s\">%d</span>，软约束扣分 %"
                           G_GINT64_FORMAT "。</p>\n",
                           first, last, m->n_units, m->n_segments, m->n_people,
                           site->view->n, hard > 0 ? "bad" : "", hard,
                           rota_score_get_soft(site->score));
    g_string_append(out, "<nav><a href=\"../public/index.html\">公开页面（路长公示牌）</a> · "
                         "<a href=\"#coverage\">岗位覆盖</a> · <a href=\"#onsite\">马路办公</a> · "
                         "<a href=\"#fairness\">公平性</a> · <a href=\"#uncovered\">未排满岗位</a>"
                         " · <a href=\"#units\">各单位</a> · <a href=\"#days\">各日</a></nav>\n");
}

static char **
day_labels(const RotaModel *m)
{
    char **labels = g_new0(char *, m->n_days + 1);
    GDate date = m->start;

    for (int d = 0; d < m->n_days; d++, g_date_add_days(&date, 1))
        labels[d] = g_strdup_printf("%d", g_date_get_day(&date));
    return labels;
}

static void
append_coverage(GString *out, const RotapSite *site)
{
    static const char *const names[] = {"已排", "缺"};
    static const char *const colours[] = {"#2e7d32", "#c62828"};
    const RotapView *v = site->view;
    const RotaModel *m = v->model;
    g_autofree int *values = g_new(int, m->n_days * 2);
    g_auto(GStrv) labels = day_labels(m);

    for (int d = 0; d < m->n_days; d++) {
        values[2 * d] = v->day_filled[d];
        values[2 * d + 1] = v->day_wanted[d] - v->day_filled[d];
    }
    g_string_append(out, "<h2 id=\"coverage\">每日岗位覆盖</h2>\n");
    rotap_svg_bars(out, "每日岗位：已排与缺", m->n_days, values, 2, colours, names,
                   (const char *const *)labels, 1);
    g_string_append(out, "<table>\n<tr><th>日期</th><th>星期</th><th>需要</th><th>已排</th>"
                         "<th>缺</th><th>覆盖率</th></tr>\n");
    for (int d = 0; d < m->n_days; d++) {
        g_autofree char *date = rota_model_dup_date(m, d);
        int missing = v->day_wanted[d] - v->day_filled[d];
        const char *mark = rotap_view_day_mark(m, d);

        g_string_append_printf(
            out,
            "<tr%s><td><a href=\"day/%s.html\">%s</a></td><td>%s%s</td><td class=\"n\">%d"
            "</td><td class=\"n\">%d</td><td class=\"n%s\">%d</td><td class=\"n\">%.1f%%"
            "</td></tr>\n",
            rotap_view_is_restday(m, d) ? " class=\"rest\"" : "", date, date,
            rotap_view_weekday(m->weekday[d]), mark != NULL ? mark : "", v->day_wanted[d],
            v->day_filled[d], missing > 0 ? " bad" : "", missing,
            v->day_wanted[d] > 0 ? 100.0 * v->day_filled[d] / v->day_wanted[d] : 100.0);
    }
    g_string_append(out, "</table>\n");
    if (v->week_wanted > 0)
        g_string_append_printf(out, "<p>按周安排的任务（如督查巡检）：需要 %d，已排 %d。</p>\n",
                               v->week_wanted, v->week_filled);
}

static void
append_onsite(GString *out, const RotapSite *site)
{
    static const char *const names[] = {"一把手", "副职代岗", "缺岗"};
    const RotapView *v = site->view;
    const RotaModel *m = v->model;
    g_autofree int *values = g_new0(int, m->n_days * 3);
    g_auto(GStrv) labels = day_labels(m);
    int totals[3] = {0, 0, 0};

    if (m->onsite_shift < 0)
        return;
    for (int d = 0; d < m->n_days; d++) {
        for (int u = 0; u < m->n_units; u++) {
            int person, k;

            switch (rotap_view_onsite(v, u, d, &person)) {
            case ROTAP_ONSITE_HEAD: k = 0; break;
            case ROTAP_ONSITE_DEPUTY: k = 1; break;
            case ROTAP_ONSITE_NONE: continue;
            default: k = 2; break;
            }
            values[3 * d + k]++;
            totals[k]++;
        }
    }
    g_string_append(out, "<h2 id=\"onsite\">马路办公（一把手每天一小时）</h2>\n");
    rotap_svg_bars(out, "每日马路办公：一把手、副职代岗、缺岗", m->n_days, values, 3,
                   series_colours, names, (const char *const *)labels, 1);
    g_string_append_printf(out,
                           "<p>合计：一把手 %d 人次，副职代岗 %d 人次，缺岗 "
                           "<span class=\"%s\">%d</span> 人次。</p>\n",
                           totals[0], totals[1], totals[2] > 0 ? "bad" : "", totals[2]);
}

typedef struct {
    int unit, min, max;
} Spread;

static int
compare_spread(gconstpointer a, gconstpointer b)
{
    const Spread *x = a, *y = b;
    int dx = x->max - x->min, dy = y->max - y->min;

    return dx != dy ? (dx < dy ? 1 : -1) : x->unit - y->unit;
}

static void
append_fairness(GString *out, const RotapSite *site)
{
    const RotaModel *m = site->view->model;
    g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(Spread));
    int top = 1;

    for (int u = 0; u < m->n_units; u++) {
        Spread s = {u, 0, 0};

        if (rotap_view_unit_spread(site->view, u, &s.min, &s.max)) {
            g_array_append_val(rows, s);
            top = MAX(top, s.max);
        }
    }
    g_array_sort(rows, compare_spread);
    g_string_append(out, "<h2 id=\"fairness\">各单位值勤时长（公平性）</h2>\n"
                         "<p class=\"muted\">不含一把手和马路办公；按最多与最少之差排列。</p>\n"
                         "<table>\n<tr><th>单位</th><th>人数</th><th>最少（小时）</th>"
                         "<th>最多（小时）</th><th>相差</th><th>范围</th></tr>\n");
    for (guint k = 0; k < rows->len; k++) {
        const Spread *s = &g_array_index(rows, Spread, k);
        g_autofree char *stem = rotap_site_unit_stem(site, s->unit);

        g_string_append_printf(out, "<tr><td><a href=\"unit/%s.html\">", stem);
        rotap_html_text(out, m->units[s->unit].name);
        g_string_append_printf(out,
                               "</a></td><td class=\"n\">%d</td><td class=\"n\">%.1f</td>"
                               "<td class=\"n\">%.1f</td><td class=\"n\">%.1f</td><td>",
                               m->units[s->unit].n_fair_members, s->min / 60.0,
                               s->max / 60.0, (s->max - s->min) / 60.0);
        rotap_svg_range(out, s->min / 60.0, s->max / 60.0, top / 60.0);
        g_string_append(out, "</td></tr>\n");
    }
    g_string_append(out, "</table>\n");
}

/* Every uncovered place and every hard violation, with the evaluator's
 * Chinese message, which says why. */
static void
append_problems(GString *out, const RotapSite *site)
{
    const RotaModel *m = site->view->model;
    int n = rota_score_get_n_violations(site->score), shown = 0;

    g_string_append(out, "<h2 id=\"uncovered\">未排满的岗位与硬约束违反</h2>\n<table>\n"
                         "<tr><th>日期</th><th>类别</th><th>路段</th><th>原因</th></tr>\n");
    for (int i = 0; i < n; i++) {
        const RotaViolation *v = rota_score_get_violation(site->score, i);
        g_autofree char *date = v->day >= 0 ? rota_model_dup_date(m, v->day) : NULL;

        if (!v->hard && strcmp(v->constraint, "uncovered") != 0)
            continue;
        shown++;
        g_string_append(out, "<tr><td>");
        if (date != NULL)
            g_string_append_printf(out, "<a href=\"day/%s.html\">%s</a>", date, date);
        g_string_append_printf(out, "</td><td%s>%s</td><td>", v->hard ? " class=\"bad\"" : "",
                               v->hard ? "硬约束" : "未排满");
        if (v->segment >= 0)
            rotap_html_text(out, m->segments[v->segment].name);
        g_string_append(out, "</td><td>");
        rotap_html_text(out, v->message_zh != NULL ? v->message_zh : v->message);
        g_string_append(out, "</td></tr>\n");
    }
    if (shown == 0)
        g_string_append(out, "<tr><td colspan=\"4\">没有：每个岗位都已排满，"
                             "没有违反硬约束。</td></tr>\n");
    g_string_append(out, "</table>\n");
}

static void
append_links(GString *out, const RotapSite *site)
{
    const RotaModel *m = site->view->model;

    g_string_append(out, "<h2 id=\"units\">各单位</h2>\n<ul class=\"links\">\n");
    for (int u = 0; u < m->n_units; u++) {
        g_autofree char *stem = rotap_site_unit_stem(site, u);

        g_string_append_printf(out, "<li><a href=\"unit/%s.html\">", stem);
        rotap_html_text(out, m->units[u].name);
        g_string_append(out, "</a></li>\n");
    }
    g_string_append(out, "</ul>\n<h2 id=\"days\">各日值勤单</h2>\n<ul class=\"links\">\n");
    for (int d = 0; d < m->n_days; d++) {
        g_autofree char *date = rota_model_dup_date(m, d);

        g_string_append_printf(out, "<li><a href=\"day/%s.html\">%s 周%s</a></li>\n", date,
                               date, rotap_view_weekday(m->weekday[d]));
    }
    g_string_append(out, "</ul>\n");
}

static void
make_overview(RotapSite *site)
{
    const RotaModel *m = site->view->model;
    g_autofree char *title = g_strdup_printf("%s · 总览", m->name);
    GString *out = rotap_page_new(title, ROTAP_PAGE_PORTRAIT, NULL);

    g_string_append(out, "<h1>");
    rotap_html_text(out, title);
    g_string_append(out, "</h1>\n<p class=\"muted\">内部页面：含个人订阅地址，请勿公开发布。"
                         "</p>\n");
    append_summary(out, site);
    append_coverage(out, site);
    append_onsite(out, site);
    append_fairness(out, site);
    append_problems(out, site);
    append_links(out, site);
    rotap_site_add(site, "internal/index.html", out);
}

/* The distinct duty names of a run of assignments, joined by 、. */
static void
append_duties(GString *out, const RotaModel *m, const RotaAssignment *a, int n)
{
    for (int k = 0; k < n; k++) {
        gboolean seen = FALSE;

        for (int j = 0; j < k && !seen; j++)
            seen = a[j].duty == a[k].duty;
        if (seen)
            continue;
        if (k > 0)
            g_string_append(out, "、");
        rotap_html_text(out, rotap_view_duty_name(m, a[k].duty, a[k].shift));
    }
}

/* A person on the day sheet: the name, and the unit when it is not the
 * segment's. */
static void
append_member(GString *out, const RotaModel *m, const RotaAssignment *a, int unit)
{
    int home = m->people[a->person].unit;

    rotap_html_text(out, m->people[a->person].name);
    if (home >= 0 && home != unit) {
        g_string_append(out, "<span class=\"muted\">（");
        rotap_html_text(out, m->units[home].name);
        g_string_append(out, "）</span>");
    }
}

/* The rows of the shift of assignment first on its day: one per segment,
 * with its unit, duties and team.  Returns the first assignment after. */
static int
append_shift_rows(GString *out, const RotapSite *site, int first, int end)
{
    const RotapView *v = site->view;
    const RotaModel *m = v->model;
    int shift = v->a[first].shift, i = first;

    while (i < end && v->a[i].shift == shift) {
        int segment = v->a[i].segment, unit = m->segments[segment].unit, start = i;

        while (i < end && v->a[i].shift == shift && v->a[i].segment == segment)
            i++;
        g_string_append(out, "<tr><td>");
        rotap_html_text(out, m->segments[segment].id);
        g_string_append(out, " ");
        rotap_html_text(out, m->segments[segment].name);
        g_string_append(out, "</td><td>");
        rotap_html_text(out, unit >= 0 ? m->units[unit].name : "—");
        g_string_append(out, "</td><td>");
        append_duties(out, m, &v->a[start], i - start);
        g_string_append(out, "</td><td>");
        for (int k = start; k < i; k++) {
            if (k > start)
                g_string_append(out, "、");
            append_member(out, m, &v->a[k], unit);
        }
        g_string_append(out, "</td></tr>\n");
    }
    return i;
}

static void
append_day_nav(GString *out, const RotaModel *m, int day)
{
    g_string_append(out, "<nav><a href=\"../index.html\">← 总览</a>");
    if (day > 0) {
        g_autofree char *date = rota_model_dup_date(m, day - 1);

        g_string_append_printf(out, " · <a href=\"%s.html\">前一天 %s</a>", date, date);
    }
    if (day + 1 < m->n_days) {
        g_autofree char *date = rota_model_dup_date(m, day + 1);

        g_string_append_printf(out, " · <a href=\"%s.html\">后一天 %s</a>", date, date);
    }
    g_string_append(out, "</nav>\n");
}

static void
make_day(RotapSite *site, int day)
{
    const RotapView *v = site->view;
    const RotaModel *m = v->model;
    g_autofree char *date = rota_model_dup_date(m, day);
    g_autofree char *path = g_strdup_printf("internal/day/%s.html", date);
    const char *mark = rotap_view_day_mark(m, day);
    g_autofree char *title = NULL;
    GString *out;
    int i = v->day_start[day], end = v->day_start[day + 1];

    title = g_strdup_printf("%s 周%s%s 值勤单", date, rotap_view_weekday(m->weekday[day]),
                            mark == NULL                ? ""
                            : strcmp(mark, "休") == 0 ? "（调休放假）"
                                                        : "（调休上班）");
    out = rotap_page_new(title, ROTAP_PAGE_PORTRAIT, NULL);
    append_day_nav(out, m, day);
    g_string_append(out, "<h1>");
    rotap_html_text(out, title);
    g_string_append(out, "</h1>\n<p class=\"muted\">");
    rotap_html_text(out, m->name);
    g_string_append_printf(out, "；当日岗位需要 %d、已排 %d。</p>\n", v->day_wanted[day],
                           v->day_filled[day]);
    if (i == end)
        g_string_append(out, "<p>当日没有值勤安排。</p>\n");
    while (i < end) {
        const RotapShift *shift = &m->shifts[v->a[i].shift];
        char start[6], stop[6];

        rotap_view_format_time(start, shift->start);
        rotap_view_format_time(stop, shift->end);
        g_string_append(out, "<h2>");
        rotap_html_text(out, shift->name);
        g_string_append_printf(out, " %s–%s</h2>\n<table>\n<tr><th>路段</th><th>责任单位</th>"
                                    "<th>任务</th><th>值勤人员</th></tr>\n",
                               start, stop);
        i = append_shift_rows(out, site, i, end);
        g_string_append(out, "</table>\n");
    }
    rotap_site_add(site, path, out);
}

void
rotap_site_internal(RotapSite *site)
{
    make_overview(site);
    for (int d = 0; d < site->view->model->n_days; d++)
        make_day(site, d);
}
