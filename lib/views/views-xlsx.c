/* SPDX-License-Identifier: MIT */
/* views-xlsx.c: the roster as an Excel workbook: 总览, one sheet per unit, 路段. */
#include "i18n-private.h"
#include "views/views-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define PAPER_A4 9
#define HEADER_ROWS 3 /* title, dates, weekdays */

typedef struct {
    lxw_workbook *wb;
    const RotapView *v;
    GHashTable *names; /* casefolded sheet names in use */
    lxw_format *title, *head, *head_rest, *cell, *cell_rest, *text, *number, *hours,
        *wrap, *wrap_rest, *missing, *note;
} Book;

static lxw_format *
new_format(lxw_workbook *wb, gboolean border, gboolean center, lxw_color_t bg)
{
    lxw_format *f = workbook_add_format(wb);

    format_set_font_name(f, "等线");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (center)
        format_set_align(f, LXW_ALIGN_CENTER);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    if (bg != LXW_COLOR_WHITE)
        format_set_bg_color(f, bg);
    return f;
}

static void
add_formats(Book *b)
{
    const lxw_color_t shade = 0xE6E6E6, head = 0xDDEBF7;

    b->title = new_format(b->wb, FALSE, FALSE, LXW_COLOR_WHITE);
    format_set_bold(b->title);
    format_set_font_size(b->title, 14);
    b->head = new_format(b->wb, TRUE, TRUE, head);
    format_set_bold(b->head);
    format_set_text_wrap(b->head);
    b->head_rest = new_format(b->wb, TRUE, TRUE, 0xC9D9E8);
    format_set_bold(b->head_rest);
    b->cell = new_format(b->wb, TRUE, TRUE, LXW_COLOR_WHITE);
    b->cell_rest = new_format(b->wb, TRUE, TRUE, shade);
    b->text = new_format(b->wb, TRUE, FALSE, LXW_COLOR_WHITE);
    b->number = new_format(b->wb, TRUE, TRUE, LXW_COLOR_WHITE);
    b->hours = new_format(b->wb, TRUE, TRUE, LXW_COLOR_WHITE);
    format_set_num_format(b->hours, "0.0");
    b->wrap = new_format(b->wb, TRUE, FALSE, LXW_COLOR_WHITE);
    format_set_text_wrap(b->wrap);
    format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
    b->wrap_rest = new_format(b->wb, TRUE, FALSE, shade);
    format_set_text_wrap(b->wrap_rest);
    format_set_align(b->wrap_rest, LXW_ALIGN_VERTICAL_TOP);
    b->missing = new_format(b->wb, TRUE, TRUE, 0xF8CBAD);
    format_set_bold(b->missing);
    b->note = new_format(b->wb, FALSE, FALSE, LXW_COLOR_WHITE);
    format_set_font_size(b->note, 9);
}

/* A sheet name Excel accepts: none of []:*?/\, no apostrophe at either
 * end, at most 31 characters, unique regardless of case ("(2)" and so on
 * appended to a repeated one). */
static char *
sheet_name(Book *b, const char *wanted)
{
    GString *clean = g_string_new(NULL);
    glong length;

    for (const char *p = wanted; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);

        if (c < 0x20 || (c < 0x80 && strchr("[]:*?/\\", (int)c) != NULL))
            g_string_append_c(clean, '_');
        else
            g_string_append_unichar(clean, c);
    }
    while (clean->len > 0 && clean->str[0] == '\'')
        g_string_erase(clean, 0, 1);
    while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
        g_string_truncate(clean, clean->len - 1);
    if (clean->len == 0)
        g_string_assign(clean, "单位");
    length = g_utf8_strlen(clean->str, -1);
    for (int k = 1;; k++) {
        g_autofree char *suffix = k == 1 ? g_strdup("") : g_strdup_printf("(%d)", k);
        glong keep = MIN(length, LXW_SHEETNAME_MAX - (glong)strlen(suffix));
        const char *end = g_utf8_offset_to_pointer(clean->str, keep);
        char *name =
            g_strdup_printf("%.*s%s", (int)(end - clean->str), clean->str, suffix);
        char *key = g_utf8_casefold(name, -1);

        if (!g_hash_table_contains(b->names, key)) {
            g_hash_table_add(b->names, key);
            g_string_free(clean, TRUE);
            return name;
        }
        g_free(key);
        g_free(name);
    }
}

static lxw_worksheet *
add_sheet(Book *b, const char *wanted)
{
    g_autofree char *name = sheet_name(b, wanted);

    return workbook_add_worksheet(b->wb, name);
}

/* A4 landscape, one page wide, the header rows on every page. */
static void
print_setup(lxw_worksheet *ws, int header_rows, lxw_row_t freeze_row,
            lxw_col_t freeze_col)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, PAPER_A4);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 1, (lxw_row_t)header_rows);
    worksheet_freeze_panes(ws, freeze_row, freeze_col);
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
    worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
}

/* Two header rows of day columns from column first: "12-05", then the
 * weekday with 休 or 班 where the official calendar moves a day. */
static void
write_day_heads(Book *b, lxw_worksheet *ws, lxw_col_t first)
{
    const RotaModel *m = b->v->model;

    for (int d = 0; d < m->n_days; d++) {
        g_autofree char *date = rota_model_dup_date(m, d);
        const char *mark = rotap_view_day_mark(m, d);
        g_autofree char *week =
            g_strdup_printf("%s%s%s", rotap_view_weekday(m->weekday[d]),
                            mark != NULL ? " " : "", mark != NULL ? mark : "");
        lxw_format *f = rotap_view_is_restday(m, d) ? b->head_rest : b->head;

        worksheet_write_string(ws, 1, (lxw_col_t)(first + d), date + 5, f);
        worksheet_write_string(ws, 2, (lxw_col_t)(first + d), week, f);
    }
}

/* Column heads spanning the two header rows. */
static void
write_heads(Book *b, lxw_worksheet *ws, lxw_col_t first, const char *const *heads)
{
    for (int k = 0; heads[k] != NULL; k++)
        worksheet_merge_range(ws, 1, (lxw_col_t)(first + k), 2, (lxw_col_t)(first + k),
                              heads[k], b->head);
}

/* The short names of a person's shifts on a day ("早", or "早/晚" for a
 * double booking). */
static char *
day_cell(const RotapView *v, int person, int day)
{
    GString *out = g_string_new(NULL);

    for (int i = v->person_day[(gsize)person * v->model->n_days + day]; i >= 0;
         i = v->next_same[i]) {
        if (out->len > 0)
            g_string_append_c(out, '/');
        g_string_append(out, v->shift_short[v->a[i].shift]);
    }
    return g_string_free(out, FALSE);
}

static void
write_person_row(Book *b, lxw_worksheet *ws, lxw_row_t row, int person)
{
    const RotaModel *m = b->v->model;
    const lxw_col_t days = 3, totals = (lxw_col_t)(3 + m->n_days);
    g_autofree char *tags = rotap_view_dup_tags(m, person);
    const char *role = rotap_view_role(m, person);
    g_autofree char *who =
        g_strdup_printf("%s%s%s", role, *role && *tags ? "、" : "", tags);

    worksheet_write_string(ws, row, 0, m->people[person].id, b->text);
    worksheet_write_string(ws, row, 1, m->people[person].name, b->text);
    worksheet_write_string(ws, row, 2, who, b->text);
    for (int d = 0; d < m->n_days; d++) {
        g_autofree char *text = day_cell(b->v, person, d);
        lxw_format *f = rotap_view_is_restday(m, d) ? b->cell_rest : b->cell;

        if (*text != '\0')
            worksheet_write_string(ws, row, days + (lxw_col_t)d, text, f);
        else
            worksheet_write_blank(ws, row, days + (lxw_col_t)d, f);
    }
    worksheet_write_number(ws, row, totals, b->v->duties[person], b->number);
    worksheet_write_number(ws, row, totals + 1, b->v->minutes[person] / 60.0, b->hours);
    worksheet_write_number(ws, row, totals + 2, b->v->onsite[person], b->number);
}

/* The on-site row: who stood on site each day, 缺 when nobody did. */
static void
write_onsite_row(Book *b, lxw_worksheet *ws, lxw_row_t row, int unit)
{
    const RotaModel *m = b->v->model;

    worksheet_merge_range(ws, row, 0, row, 2, m->shifts[m->onsite_shift].name, b->head);
    for (int d = 0; d < m->n_days; d++) {
        int person;
        RotapOnsite kind = rotap_view_onsite(b->v, unit, d, &person);
        lxw_format *f = rotap_view_is_restday(m, d) ? b->cell_rest : b->cell;

        if (kind == ROTAP_ONSITE_MISSING)
            worksheet_write_string(ws, row, (lxw_col_t)(3 + d), "缺", b->missing);
        else if (kind != ROTAP_ONSITE_NONE)
            worksheet_write_string(ws, row, (lxw_col_t)(3 + d), m->people[person].name,
                                   f);
        else
            worksheet_write_blank(ws, row, (lxw_col_t)(3 + d), f);
    }
}

static void
write_legend(Book *b, lxw_worksheet *ws, lxw_row_t row)
{
    const RotaModel *m = b->v->model;
    GString *legend = g_string_new("班次：");

    for (int s = 0; s < m->n_shifts; s++) {
        char start[6], end[6];

        rotap_view_format_time(start, m->shifts[s].start);
        rotap_view_format_time(end, m->shifts[s].end);
        g_string_append_printf(legend, "%s%s = %s %s–%s", s > 0 ? "；" : "",
                               b->v->shift_short[s], m->shifts[s].name, start, end);
    }
    g_string_append(legend, "。灰底为休息日，“休”为调休放假，“班”为调休上班。");
    worksheet_write_string(ws, row, 0, legend->str, b->note);
    g_string_free(legend, TRUE);
}

/* Members of a unit: the head, the deputies in order, then the others;
 * unit -1: the people without a unit. */
static GArray *
unit_people(const RotaModel *m, int unit)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(int));

    if (unit < 0) {
        for (int p = 0; p < m->n_people; p++)
            if (m->people[p].unit < 0)
                g_array_append_val(out, p);
        return out;
    }
    if (m->units[unit].head >= 0 && m->people[m->units[unit].head].unit == unit)
        g_array_append_val(out, m->units[unit].head);
    for (int k = 0; k < m->units[unit].n_deputies; k++)
        if (m->people[m->units[unit].deputies[k]].unit == unit)
            g_array_append_val(out, m->units[unit].deputies[k]);
    for (int k = 0; k < m->units[unit].n_members; k++) {
        int p = m->units[unit].members[k];

        if (*rotap_view_role(m, p) == '\0')
            g_array_append_val(out, p);
    }
    return out;
}

static void
write_unit_sheet(Book *b, int unit)
{
    static const char *const heads[] = {"编号", "姓名", "身份", NULL};
    static const char *const totals[] = {"值勤次数", "值勤小时", "马路办公", NULL};
    const RotaModel *m = b->v->model;
    const char *name = unit >= 0 ? m->units[unit].name : "无单位人员";
    lxw_worksheet *ws = add_sheet(b, name);
    g_autoptr(GArray) people = unit_people(m, unit);
    g_autofree char *first = rota_model_dup_date(m, 0);
    g_autofree char *last = rota_model_dup_date(m, m->n_days - 1);
    g_autofree char *title = g_strdup_printf("%s　值勤表　%s 至 %s", name, first, last);
    lxw_row_t row = HEADER_ROWS;

    worksheet_write_string(ws, 0, 0, title, b->title);
    write_heads(b, ws, 0, heads);
    write_day_heads(b, ws, 3);
    write_heads(b, ws, (lxw_col_t)(3 + m->n_days), totals);
    for (guint k = 0; k < people->len; k++)
        write_person_row(b, ws, row++, g_array_index(people, int, k));
    if (unit >= 0 && m->onsite_shift >= 0 && m->units[unit].n_segments > 0)
        write_onsite_row(b, ws, row++, unit);
    write_legend(b, ws, row + 1);
    worksheet_set_column(ws, 0, 0, 8, NULL);
    worksheet_set_column(ws, 1, 1, 8, NULL);
    worksheet_set_column(ws, 2, 2, 10, NULL);
    worksheet_set_column(ws, 3, (lxw_col_t)(2 + m->n_days), 4.5, NULL);
    worksheet_set_column(ws, (lxw_col_t)(3 + m->n_days), (lxw_col_t)(5 + m->n_days), 7,
                         NULL);
    print_setup(ws, HEADER_ROWS - 1, HEADER_ROWS, 3);
}

/* A segment's day: one line per shift, "早 张三、李四". */
static char *
segment_day(const RotapView *v, int segment, int day)
{
    const RotaModel *m = v->model;
    GString *out = g_string_new(NULL);
    int shift = -1;

    for (int i = v->day_start[day]; i < v->day_start[day + 1]; i++) {
        const RotaAssignment *a = &v->a[i];

        if (a->segment != segment)
            continue;
        if (a->shift != shift) {
            g_string_append_printf(out, "%s%s ", out->len > 0 ? "\n" : "",
                                   v->shift_short[a->shift]);
            shift = a->shift;
        } else {
            g_string_append(out, "、");
        }
        g_string_append(out, m->people[a->person].name);
    }
    return g_string_free(out, FALSE);
}

static void
write_segment_sheet(Book *b)
{
    static const char *const heads[] = {"编号", "路段", "责任单位", NULL};
    const RotaModel *m = b->v->model;
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "路段"); /* reserved */
    g_autofree char *title = g_strdup_printf("%s　各路段每日值勤人员", m->name);

    worksheet_write_string(ws, 0, 0, title, b->title);
    write_heads(b, ws, 0, heads);
    write_day_heads(b, ws, 3);
    for (int s = 0; s < m->n_segments; s++) {
        lxw_row_t row = (lxw_row_t)(HEADER_ROWS + s);
        int unit = m->segments[s].unit;

        worksheet_write_string(ws, row, 0, m->segments[s].id, b->wrap);
        worksheet_write_string(ws, row, 1, m->segments[s].name, b->wrap);
        worksheet_write_string(ws, row, 2, unit >= 0 ? m->units[unit].name : "", b->wrap);
        for (int d = 0; d < m->n_days; d++) {
            g_autofree char *text = segment_day(b->v, s, d);
            lxw_format *f = rotap_view_is_restday(m, d) ? b->wrap_rest : b->wrap;

            worksheet_write_string(ws, row, (lxw_col_t)(3 + d), text, f);
        }
    }
    write_legend(b, ws, (lxw_row_t)(HEADER_ROWS + m->n_segments + 1));
    worksheet_set_column(ws, 0, 0, 7, NULL);
    worksheet_set_column(ws, 1, 2, 16, NULL);
    worksheet_set_column(ws, 3, (lxw_col_t)(2 + m->n_days), 12, NULL);
    print_setup(ws, HEADER_ROWS - 1, HEADER_ROWS, 3);
}

/* The figures of one row of 总览: members, duties, minutes, on-site days by
 * head, by deputy, missed, places uncovered, least and most minutes. */
typedef struct {
    int members, duties, minutes, head, deputy, missed, uncovered, min, max;
    gboolean has_spread;
} UnitFigures;

static void
unit_figures(const RotapView *v, int unit, UnitFigures *f)
{
    const RotaModel *m = v->model;

    memset(f, 0, sizeof(*f));
    for (int p = 0; p < m->n_people; p++) {
        if (m->people[p].unit != unit)
            continue;
        f->members++;
        f->duties += v->duties[p];
        f->minutes += v->minutes[p];
    }
    if (unit < 0)
        return;
    for (int d = 0; d < m->n_days; d++) {
        int person;

        switch (rotap_view_onsite(v, unit, d, &person)) {
        case ROTAP_ONSITE_HEAD:
            f->head++;
            break;
        case ROTAP_ONSITE_DEPUTY:
            f->deputy++;
            break;
        case ROTAP_ONSITE_OTHER:
        case ROTAP_ONSITE_MISSING:
            f->missed++;
            break;
        case ROTAP_ONSITE_NONE:
            break;
        }
    }
    f->uncovered = v->unit_uncovered[unit];
    f->has_spread = rotap_view_unit_spread(v, unit, &f->min, &f->max);
}

static void
write_figures(Book *b, lxw_worksheet *ws, lxw_row_t row, const UnitFigures *f,
              gboolean spread)
{
    worksheet_write_number(ws, row, 2, f->members, b->number);
    worksheet_write_number(ws, row, 3, f->duties, b->number);
    worksheet_write_number(ws, row, 4, f->minutes / 60.0, b->hours);
    worksheet_write_number(ws, row, 5, f->head, b->number);
    worksheet_write_number(ws, row, 6, f->deputy, b->number);
    worksheet_write_number(ws, row, 7, f->missed, f->missed > 0 ? b->missing : b->number);
    worksheet_write_number(ws, row, 8, f->uncovered,
                           f->uncovered > 0 ? b->missing : b->number);
    if (spread && f->has_spread) {
        worksheet_write_number(ws, row, 9, f->min / 60.0, b->hours);
        worksheet_write_number(ws, row, 10, f->max / 60.0, b->hours);
    } else {
        worksheet_write_blank(ws, row, 9, b->number);
        worksheet_write_blank(ws, row, 10, b->number);
    }
}

static void
add_figures(UnitFigures *sum, const UnitFigures *f)
{
    sum->members += f->members;
    sum->duties += f->duties;
    sum->minutes += f->minutes;
    sum->head += f->head;
    sum->deputy += f->deputy;
    sum->missed += f->missed;
    sum->uncovered += f->uncovered;
}

static gboolean
has_unitless(const RotaModel *m)
{
    for (int p = 0; p < m->n_people; p++)
        if (m->people[p].unit < 0)
            return TRUE;
    return FALSE;
}

static void
write_overview(Book *b)
{
    static const char *const heads[] = {
        "编号",         "单位",         "人数",
        "值勤次数",     "值勤小时",     "一把手马路办公天数",
        "副职代岗天数", "缺岗天数",     "未排满岗位",
        "人均最少小时", "人均最多小时", NULL};
    const RotaModel *m = b->v->model;
    lxw_worksheet *ws = add_sheet(b, "总览");
    g_autofree char *title = g_strdup_printf("%s　总览", m->name);
    UnitFigures f, sum = {0};
    lxw_row_t row = HEADER_ROWS;

    worksheet_write_string(ws, 0, 0, title, b->title);
    write_heads(b, ws, 0, heads);
    for (int u = 0; u < m->n_units; u++, row++) {
        unit_figures(b->v, u, &f);
        worksheet_write_string(ws, row, 0, m->units[u].id, b->text);
        worksheet_write_string(ws, row, 1, m->units[u].name, b->text);
        write_figures(b, ws, row, &f, TRUE);
        add_figures(&sum, &f);
    }
    if (has_unitless(m)) {
        unit_figures(b->v, -1, &f);
        worksheet_write_string(ws, row, 0, "", b->text);
        worksheet_write_string(ws, row, 1, "无单位人员", b->text);
        write_figures(b, ws, row++, &f, FALSE);
        add_figures(&sum, &f);
    }
    /* Also places at segments that no unit owns. */
    sum.uncovered = b->v->week_wanted - b->v->week_filled;
    for (int d = 0; d < m->n_days; d++)
        sum.uncovered += b->v->day_wanted[d] - b->v->day_filled[d];
    worksheet_write_string(ws, row, 0, "", b->head);
    worksheet_write_string(ws, row, 1, "合计", b->head);
    write_figures(b, ws, row, &sum, FALSE);
    worksheet_set_column(ws, 0, 0, 8, NULL);
    worksheet_set_column(ws, 1, 1, 24, NULL);
    worksheet_set_column(ws, 2, 10, 9, NULL);
    worksheet_set_row(ws, 2, 30, NULL);
    print_setup(ws, HEADER_ROWS - 1, HEADER_ROWS, 2);
}

static gboolean
check(lxw_error status, const char *path, GError **error)
{
    if (status == LXW_NO_ERROR)
        return TRUE;
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot write the workbook: %s"),
                path, lxw_strerror(status));
    return FALSE;
}

/**
 * rota_roster_save_xlsx:
 * @roster: a roster
 * @path: the workbook to write (replaced atomically)
 * @error: return location for a #GError, or %NULL
 *
 * Writes the roster as an Excel workbook: sheet 总览 (per unit: people,
 * duties, duty hours, on-site days by the head, by a deputy and missed,
 * places left uncovered, least and most duty hours among its members),
 * one sheet per unit (its members by day: the short name of each shift,
 * the on-site row, each member's totals; weekends and holidays shaded,
 * 休 and 班 marking the official calendar's moved days), and 路段 (who is
 * on duty at each segment each day).  Sheets print on A4 landscape, one
 * page wide, with their header rows repeated and frozen.  Sheet names
 * follow Excel's rules (at most 31 characters, none of []:*?/\, unique).
 *
 * Returns: %TRUE on success; %FALSE with ROTA_ERROR_IO otherwise (@path
 *   is then left as it was).
 * Since: 0.2
 */
gboolean
rota_roster_save_xlsx(const RotaRoster *roster, const char *path, GError **error)
{
    g_autoptr(RotapView) view = NULL;
    g_autofree char *tmp = NULL;
    lxw_workbook_options options = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
    Book b = {0};
    lxw_error status;

    g_return_val_if_fail(roster != NULL && path != NULL, FALSE);
    view = rotap_view_new(roster);
    tmp = g_strdup_printf("%s.tmp-%d", path, (int)getpid());
    b.wb = workbook_new_opt(tmp, &options);
    if (b.wb == NULL) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot create: %s"), path,
                    g_strerror(errno));
        return FALSE;
    }
    b.v = view;
    b.names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    add_formats(&b);
    write_overview(&b);
    g_hash_table_add(b.names, g_utf8_casefold("路段", -1));
    for (int u = 0; u < view->model->n_units; u++)
        write_unit_sheet(&b, u);
    if (has_unitless(view->model))
        write_unit_sheet(&b, -1);
    write_segment_sheet(&b);
    g_hash_table_destroy(b.names);
    status = workbook_close(b.wb);
    if (!check(status, path, error)) {
        (void)g_unlink(tmp);
        return FALSE;
    }
    if (g_rename(tmp, path) != 0) {
        int saved = errno;

        (void)g_unlink(tmp);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot write: %s"), path,
                    g_strerror(saved));
        return FALSE;
    }
    return TRUE;
}
