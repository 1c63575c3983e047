/* SPDX-License-Identifier: MIT */
/* score-messages.c: the English and Chinese explanation of each violation. */
#include "config.h"

#include <string.h>

#include "score-private.h"
#include "util-private.h"

/*
 * Messages name things by id and, where it says more, by name: "P0003
 * 李娜", "S001 人民路".  Curtois models name everything by its id, so a name
 * equal to the id is left out rather than printed twice.  Where a duty is
 * meant (an assignment, a cell), it is named as the feeds name it, by the
 * duty's name ("早高峰交通疏导", rotap_model_duty_label()); where a shift is
 * meant (rest, succession, shift limits, requests), by the shift's name
 * alone ("早高峰疏导"), as a coordinator calls them.
 */
typedef struct {
    const RotaModel *model;
    const RotapScoreCtx *ctx;
    char **dates; /* n_days "YYYY-MM-DD" */
    GString *en, *zh;
    GString *person, *other, *segment, *unit, *window, *window_zh;
    GHashTable *free_memo; /* for rotap_score_count_free() */
} Writer;

static const char *
label(GString *out, const char *id, const char *name)
{
    g_string_assign(out, id);
    if (name != NULL && *name != '\0' && strcmp(name, id) != 0) {
        g_string_append_c(out, ' ');
        g_string_append(out, name);
    }
    return out->str;
}

static const char *
person_label(Writer *w, GString *out, int person)
{
    const RotapPerson *p = &w->model->people[person];

    return label(out, p->id, p->name);
}

static const char *
segment_label(Writer *w, int segment)
{
    const RotapSegment *s = &w->model->segments[segment];

    return label(w->segment, s->id, s->name);
}

static const char *
unit_label(Writer *w, int unit)
{
    const RotapUnit *u = &w->model->units[unit];

    return label(w->unit, u->id, u->name);
}

static const char *
shift_name(const Writer *w, int shift)
{
    const RotapShift *s = &w->model->shifts[shift];

    return s->name != NULL && *s->name != '\0' ? s->name : s->id;
}

/* A duty by the name every output gives it (the feeds too): its name, else
 * its shift's name. */
static const char *
duty_name(const Writer *w, const RotaViolation *v)
{
    return rotap_model_duty_label(w->model, v->duty, v->shift);
}

static const char *
plural(gint64 n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* ------------------------------------------------------------ assignments */

static void
write_eligibility(Writer *w, const RotapFinding *f)
{
    const RotaViolation *v = &f->v;
    const char *p = person_label(w, w->person, v->person),
               *s = segment_label(w, v->segment);
    const char *date = w->dates[v->day], *h = shift_name(w, v->shift);

    switch ((RotapWhy)f->arg[0]) {
    case ROTAP_WHY_NO_CELL:
        g_string_printf(w->en, "%s is assigned %s at %s on %s, where it does not run", p,
                        duty_name(w, v), s, date);
        g_string_printf(w->zh, "%s %s 被安排在 %s 值勤“%s”，但该值勤当天在此不开展", p,
                        date, s, duty_name(w, v));
        break;
    case ROTAP_WHY_NOT_HEAD:
        unit_label(w, v->unit);
        g_string_printf(w->en,
                        "%s does the on-site hour (%s) at %s on %s but is neither "
                        "head nor deputy of %s",
                        p, h, s, date, w->unit->str);
        g_string_printf(w->zh, "%s %s 在 %s %s，但不是 %s 的一把手或副职", p, date, s, h,
                        w->unit->str);
        break;
    case ROTAP_WHY_NO_OWNER:
        g_string_printf(w->en,
                        "%s does the on-site hour (%s) at %s on %s, but no unit owns %s",
                        p, h, s, date, w->model->segments[v->segment].id);
        g_string_printf(w->zh, "%s %s 在 %s %s，但该责任区不属于任何单位", p, date, s, h);
        break;
    default:
        g_string_printf(w->en, "%s may not serve %s at %s (%s)", p, duty_name(w, v), s,
                        date);
        g_string_printf(w->zh, "%s 不具备 %s “%s”的值勤资格（%s）", p, s, duty_name(w, v),
                        date);
        break;
    }
}

static void
write_assignment(Writer *w, const RotapFinding *f)
{
    const RotaViolation *v = &f->v;
    const char *p = person_label(w, w->person, v->person),
               *s = segment_label(w, v->segment);
    const char *date = w->dates[v->day], *h = shift_name(w, v->shift);
    const char *d = duty_name(w, v);

    switch (f->term) {
    case ROTAP_TERM_OFF:
        g_string_printf(w->en, "%s is off on %s but is assigned %s at %s", p, date, d, s);
        g_string_printf(w->zh, "%s %s 已登记不可上岗，却被安排在 %s %s", p, date, s, d);
        break;
    case ROTAP_TERM_DOUBLE_BOOKING:
        g_string_printf(w->en,
                        "%s has %d duties on %s; at most one allowed (extra: %s at %s)",
                        p, (int)f->arg[0], date, d, s);
        g_string_printf(w->zh, "%s %s 被安排 %d 项值勤，每天最多一项（多出：%s %s）", p,
                        date, (int)f->arg[0], s, d);
        break;
    case ROTAP_TERM_MIN_REST:
        g_string_printf(w->en,
                        "%s rests %d minutes between %s on %s and %s on %s; at least "
                        "%d required",
                        p, (int)f->arg[2], shift_name(w, (int)f->arg[1]),
                        w->dates[f->arg[0]], h, date, (int)f->arg[3]);
        g_string_printf(w->zh, "%s %s %s 与 %s %s 之间仅休息 %d 分钟，至少 %d 分钟", p,
                        w->dates[f->arg[0]], shift_name(w, (int)f->arg[1]), date, h,
                        (int)f->arg[2], (int)f->arg[3]);
        break;
    case ROTAP_TERM_FORBIDDEN_SUCCESSION:
        g_string_printf(w->en,
                        "%s works %s on %s right after %s on %s, a forbidden "
                        "succession",
                        p, h, date, shift_name(w, (int)f->arg[1]), w->dates[f->arg[0]]);
        g_string_printf(w->zh, "%s %s 上“%s”后，次日 %s 不得接“%s”", p,
                        w->dates[f->arg[0]], shift_name(w, (int)f->arg[1]), date, h);
        break;
    case ROTAP_TERM_LOCKED:
        g_string_printf(w->en, "%s %s: the locked duty %s at %s was changed or removed",
                        p, date, d, s);
        g_string_printf(w->zh, "%s %s：已锁定的值勤（%s %s）被改动或删除", p, date, s, d);
        break;
    case ROTAP_TERM_ELIGIBILITY:
        write_eligibility(w, f);
        break;
    default:
        g_assert_not_reached();
    }
}

/* ------------------------------------------------------------ people */

static void
write_run(Writer *w, const RotapFinding *f, const char *p, const char *first,
          const char *last)
{
    int n = (int)f->arg[0], limit = (int)f->arg[1];

    switch (f->term) {
    case ROTAP_TERM_MIN_CONSECUTIVE:
        g_string_printf(w->en, "%s works %d %s in a row (%s..%s); at least %d required",
                        p, n, plural(n, "day", "days"), first, last, limit);
        g_string_printf(w->zh, "%s %s 至 %s 连续上岗 %d 天，至少 %d 天", p, first, last,
                        n, limit);
        break;
    case ROTAP_TERM_MAX_CONSECUTIVE:
        g_string_printf(w->en, "%s works %d days in a row (%s..%s); at most %d allowed",
                        p, n, first, last, limit);
        g_string_printf(w->zh, "%s %s 至 %s 连续上岗 %d 天，最多 %d 天", p, first, last,
                        n, limit);
        break;
    default:
        g_string_printf(w->en, "%s has %d %s off in a row (%s..%s); at least %d required",
                        p, n, plural(n, "day", "days"), first, last, limit);
        g_string_printf(w->zh, "%s %s 至 %s 连续休息 %d 天，至少 %d 天", p, first, last,
                        n, limit);
        break;
    }
}

static void
write_week(Writer *w, const RotapFinding *f, const char *p)
{
    const char *first = w->dates[f->v.day], *last = w->dates[f->arg[2]];
    gint64 n = f->arg[0], limit = f->arg[1];

    if (f->term == ROTAP_TERM_MAX_SHIFTS_WEEK) {
        g_string_printf(w->en,
                        "%s works %" G_GINT64_FORMAT " %s in the week %s..%s; at most "
                        "%" G_GINT64_FORMAT " allowed",
                        p, n, plural(n, "shift", "shifts"), first, last, limit);
        g_string_printf(w->zh,
                        "%s %s 至 %s 这一周上岗 %" G_GINT64_FORMAT
                        " 次，最多 %" G_GINT64_FORMAT " 次",
                        p, first, last, n, limit);
        return;
    }
    g_string_printf(w->en,
                    "%s works %" G_GINT64_FORMAT " minutes in the week %s..%s; at "
                    "most %" G_GINT64_FORMAT " allowed",
                    p, n, first, last, limit);
    g_string_printf(w->zh,
                    "%s %s 至 %s 这一周值勤 %" G_GINT64_FORMAT
                    " 分钟，最多 %" G_GINT64_FORMAT " 分钟",
                    p, first, last, n, limit);
}

static void
write_person(Writer *w, const RotapFinding *f)
{
    const char *p = person_label(w, w->person, f->v.person);
    gint64 n = f->arg[0], limit = f->arg[1];

    switch (f->term) {
    case ROTAP_TERM_MAX_SHIFTS:
        g_string_printf(
            w->en,
            "%s works %s %" G_GINT64_FORMAT " %s; at most %" G_GINT64_FORMAT " allowed",
            p, shift_name(w, f->v.shift), n, plural(n, "time", "times"), limit);
        g_string_printf(
            w->zh, "%s 共上“%s” %" G_GINT64_FORMAT " 次，最多 %" G_GINT64_FORMAT " 次", p,
            shift_name(w, f->v.shift), n, limit);
        break;
    case ROTAP_TERM_MIN_MINUTES:
    case ROTAP_TERM_MAX_MINUTES:
        g_string_printf(
            w->en,
            "%s works %" G_GINT64_FORMAT " minutes in all; %s %" G_GINT64_FORMAT " %s", p,
            n, f->term == ROTAP_TERM_MIN_MINUTES ? "at least" : "at most", limit,
            f->term == ROTAP_TERM_MIN_MINUTES ? "required" : "allowed");
        g_string_printf(
            w->zh, "%s 总值勤 %" G_GINT64_FORMAT " 分钟，%s %" G_GINT64_FORMAT " 分钟", p,
            n, f->term == ROTAP_TERM_MIN_MINUTES ? "至少" : "最多", limit);
        break;
    case ROTAP_TERM_MAX_SHIFTS_WEEK:
    case ROTAP_TERM_MAX_MINUTES_WEEK:
        write_week(w, f, p);
        break;
    case ROTAP_TERM_MAX_WEEKENDS:
        g_string_printf(w->en,
                        "%s works %" G_GINT64_FORMAT " %s; at most %" G_GINT64_FORMAT
                        " allowed",
                        p, n, plural(n, "weekend", "weekends"), limit);
        g_string_printf(w->zh,
                        "%s 共有 %" G_GINT64_FORMAT " 个周末上岗，最多 %" G_GINT64_FORMAT
                        " 个",
                        p, n, limit);
        break;
    default:
        write_run(w, f, p, w->dates[f->v.day], w->dates[f->arg[2]]);
        break;
    }
}

/* ------------------------------------------------------------ cells */

/* "S001 人民路 早高峰交通疏导 2026-12-03": segment, duty, day (a week window:
 * its first..last due day). */
static void
cell_prefix(Writer *w, int cell)
{
    const RotapCell *c = &w->model->cells[cell];
    const char *first = w->dates[c->n_days > 0 ? c->days[0] : c->first_day];

    g_string_printf(w->window, "%s %s %s", segment_label(w, c->segment),
                    rotap_model_duty_label(w->model, c->duty, c->shift), first);
    g_string_assign(w->window_zh, w->window->str);
    if (c->n_days > 1) {
        g_string_append_printf(w->window, "..%s", w->dates[c->days[c->n_days - 1]]);
        g_string_append_printf(w->window_zh, " 至 %s", w->dates[c->days[c->n_days - 1]]);
    }
}

static void
write_cell(Writer *w, const RotapFinding *f)
{
    const char *en, *zh;
    int n = (int)f->arg[0], m = (int)f->arg[1], free;

    cell_prefix(w, (int)f->arg[3]);
    en = w->window->str;
    zh = w->window_zh->str;
    switch (f->term) {
    case ROTAP_TERM_OVER_MAX:
        g_string_printf(w->en, "%s: %d people assigned; at most %d allowed", en, n, m);
        g_string_printf(w->zh, "%s：安排 %d 人，最多 %d 人", zh, n, m);
        break;
    case ROTAP_TERM_UNCOVERED:
        free = rotap_score_count_free(w->ctx, (int)f->arg[3], w->free_memo);
        g_string_printf(w->en, "%s: %d of %d %s filled; %d eligible people free", en, n,
                        m, plural(m, "place", "places"), free);
        g_string_printf(w->zh, "%s：应到 %d 人，实到 %d 人；可排且空闲的合格人员 %d 人",
                        zh, m, n, free);
        break;
    case ROTAP_TERM_OVER:
        g_string_printf(w->en, "%s: %d people assigned; %d wanted", en, n, m);
        g_string_printf(w->zh, "%s：安排 %d 人，需要 %d 人", zh, n, m);
        break;
    default:
        g_string_printf(w->en, "%s: %d of %d wanted \"%s\" people assigned", en, n, m,
                        w->model->tags[f->arg[2]]);
        g_string_printf(w->zh, "%s：需要“%s”人员 %d 名，实到 %d 名", zh,
                        w->model->tags[f->arg[2]], m, n);
        break;
    }
}

/* ------------------------------------------------------------ on-site */

static void
write_unstaffed(Writer *w, const RotapFinding *f, const char *u, const char *date,
                const char *h)
{
    const RotapUnit *unit = &w->model->units[f->v.unit];

    switch ((RotapWhy)f->arg[0]) {
    case ROTAP_WHY_ALL_OFF:
        person_label(w, w->person, unit->head);
        g_string_printf(w->en, "%s %s: nobody can do the on-site hour (%s): head %s %s",
                        u, date, h, w->person->str,
                        unit->n_deputies > 0 ? "and every deputy are off"
                                             : "is off and there is no deputy");
        g_string_printf(w->zh, "%s %s 无人可%s：一把手 %s %s", u, date, h, w->person->str,
                        unit->n_deputies > 0 ? "及全部副职均不可上岗"
                                             : "不可上岗，且未设副职");
        break;
    case ROTAP_WHY_NO_HEAD_ALL_OFF:
        g_string_printf(w->en,
                        "%s %s: nobody can do the on-site hour (%s): the unit has no "
                        "head and every deputy is off",
                        u, date, h);
        g_string_printf(w->zh, "%s %s 无人可%s：单位未设一把手，副职均不可上岗", u, date,
                        h);
        break;
    default:
        g_string_printf(w->en,
                        "%s %s: nobody can do the on-site hour (%s): the unit has "
                        "neither head nor deputy",
                        u, date, h);
        g_string_printf(w->zh, "%s %s 无人可%s：单位未设一把手和副职", u, date, h);
        break;
    }
}

static void
write_onsite(Writer *w, const RotapFinding *f)
{
    const char *u = unit_label(w, f->v.unit), *date = w->dates[f->v.day];
    const char *h = shift_name(w, f->v.shift);

    switch (f->term) {
    case ROTAP_TERM_ONSITE_MISSING:
        person_label(w, w->person, (int)f->arg[0]);
        g_string_printf(w->en,
                        "%s %s: nobody does the on-site hour (%s), though %s is "
                        "available",
                        u, date, h, w->person->str);
        g_string_printf(w->zh, "%s %s 无人%s，而 %s 可以到岗", u, date, h,
                        w->person->str);
        break;
    case ROTAP_TERM_ONSITE_EXTRA:
        g_string_printf(w->en,
                        "%s %s: %d on-site hours (%s) recorded; exactly one needed", u,
                        date, (int)f->arg[0], h);
        g_string_printf(w->zh, "%s %s 安排了 %d 人%s，只需一人", u, date, (int)f->arg[0],
                        h);
        break;
    case ROTAP_TERM_DEPUTY_ONSITE:
        person_label(w, w->person, f->v.person);
        person_label(w, w->other, (int)f->arg[0]);
        g_string_printf(w->en,
                        "%s %s: deputy %s does the on-site hour (%s) at %s while head "
                        "%s is available",
                        u, date, w->person->str, h, segment_label(w, f->v.segment),
                        w->other->str);
        g_string_printf(w->zh, "%s %s 一把手 %s 可以到岗，却由副职 %s 在 %s %s", u, date,
                        w->other->str, w->person->str, segment_label(w, f->v.segment), h);
        break;
    default:
        write_unstaffed(w, f, u, date, h);
        break;
    }
}

/* ------------------------------------------------------------ wishes */

static void
write_request(Writer *w, const RotapFinding *f)
{
    const char *p = person_label(w, w->person, f->v.person), *date = w->dates[f->v.day];
    gboolean on = f->arg[0] != 0;

    if (f->v.shift >= 0) {
        const char *h = shift_name(w, f->v.shift);

        g_string_printf(w->en, "%s asked %s %s on %s", p, on ? "to work" : "not to work",
                        h, date);
        g_string_printf(w->zh, "%s 申请 %s %s“%s”，未满足", p, date, on ? "上" : "不上",
                        h);
        return;
    }
    g_string_printf(w->en, "%s asked %s on %s", p, on ? "to work" : "to be off", date);
    g_string_printf(w->zh, "%s 申请 %s %s，未满足", p, date, on ? "上岗" : "休息");
}

/* Minutes as hours with one decimal, rounded half up ("7.5"). */
static void
append_hours(GString *out, gint64 minutes, gint64 divisor)
{
    gint64 tenths = (minutes * 10 + 30 * divisor) / (60 * divisor);

    g_string_append_printf(out, "%" G_GINT64_FORMAT ".%d", tenths / 10,
                           (int)(tenths % 10));
}

static void
write_fairness(Writer *w, const RotapFinding *f)
{
    g_autoptr(GString) low = g_string_new(NULL);
    g_autoptr(GString) high = g_string_new(NULL);
    g_autoptr(GString) mean = g_string_new(NULL);
    const char *u = unit_label(w, f->v.unit);
    int n = (int)f->arg[0];

    append_hours(low, f->arg[2], 1);
    append_hours(high, f->arg[3], 1);
    append_hours(mean, f->arg[1], n);
    g_string_printf(w->en, "%s: duty hours of its %d %s range from %s to %s (mean %s)", u,
                    n, plural(n, "member", "members"), low->str, high->str, mean->str);
    g_string_printf(w->zh, "%s：%d 名成员值勤时长 %s 至 %s 小时不等（平均 %s 小时）", u,
                    n, low->str, high->str, mean->str);
}

/* "早高峰交通疏导 at S001, 马路办公 at S002" (duties) or "none" for one person-day. */
static void
append_duties(Writer *w, GString *en, GString *zh, const RotapPersonDays *pd, int person,
              int day)
{
    int begin = rotap_pd_begin(pd, w->model, person, day);
    int end = rotap_pd_end(pd, w->model, person, day);

    if (begin == end) {
        g_string_append(en, "none");
        g_string_append(zh, "无");
    }
    for (int k = begin; k < end; k++) {
        const RotaAssignment *a = &pd->asg[pd->list[k]];
        const char *s = w->model->segments[a->segment].id;
        const char *d = rotap_model_duty_label(w->model, a->duty, a->shift);

        g_string_append_printf(en, "%s%s at %s", k > begin ? ", " : "", d, s);
        g_string_append_printf(zh, "%s%s %s", k > begin ? "、" : "", s, d);
    }
}

static void
write_change(Writer *w, const RotapFinding *f)
{
    const char *p = person_label(w, w->person, f->v.person), *date = w->dates[f->v.day];

    g_string_printf(w->en, "%s %s: changed against the previous roster (before: ", p,
                    date);
    g_string_printf(w->zh, "%s %s 的值勤与上一版不同（原：", p, date);
    append_duties(w, w->en, w->zh, &w->ctx->prev, f->v.person, f->v.day);
    g_string_append(w->en, "; now: ");
    g_string_append(w->zh, "；现：");
    append_duties(w, w->en, w->zh, &w->ctx->pd, f->v.person, f->v.day);
    g_string_append(w->en, ")");
    g_string_append(w->zh, "）");
}

/* ------------------------------------------------------------ driver */

static void
write_one(Writer *w, const RotapFinding *f)
{
    switch (f->term) {
    case ROTAP_TERM_OFF:
    case ROTAP_TERM_ELIGIBILITY:
    case ROTAP_TERM_DOUBLE_BOOKING:
    case ROTAP_TERM_MIN_REST:
    case ROTAP_TERM_FORBIDDEN_SUCCESSION:
    case ROTAP_TERM_LOCKED:
        write_assignment(w, f);
        break;
    case ROTAP_TERM_OVER_MAX:
    case ROTAP_TERM_UNCOVERED:
    case ROTAP_TERM_OVER:
    case ROTAP_TERM_QUOTA:
        write_cell(w, f);
        break;
    case ROTAP_TERM_ONSITE_MISSING:
    case ROTAP_TERM_ONSITE_UNSTAFFED:
    case ROTAP_TERM_ONSITE_EXTRA:
    case ROTAP_TERM_DEPUTY_ONSITE:
        write_onsite(w, f);
        break;
    case ROTAP_TERM_REQUEST:
        write_request(w, f);
        break;
    case ROTAP_TERM_FAIRNESS:
        write_fairness(w, f);
        break;
    case ROTAP_TERM_CHANGE:
        write_change(w, f);
        break;
    default:
        write_person(w, f);
        break;
    }
}

void
rotap_score_write_messages(RotaScore *score, const RotapScoreCtx *ctx)
{
    const RotaModel *model = ctx->model;
    Writer w = {model, ctx, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};

    w.dates = g_new0(char *, (gsize)model->n_days + 1);
    for (int d = 0; d < model->n_days; d++) {
        GDate date = model->start;

        g_date_add_days(&date, (guint)d);
        w.dates[d] = rotap_format_date(&date);
    }
    w.en = g_string_new(NULL);
    w.zh = g_string_new(NULL);
    w.person = g_string_new(NULL);
    w.other = g_string_new(NULL);
    w.segment = g_string_new(NULL);
    w.unit = g_string_new(NULL);
    w.window = g_string_new(NULL);
    w.window_zh = g_string_new(NULL);
    w.free_memo = rotap_score_free_memo_new();
    score->text = g_string_chunk_new(4096);
    for (guint i = 0; i < score->findings->len; i++) {
        RotapFinding *f = &g_array_index(score->findings, RotapFinding, i);

        write_one(&w, f);
        f->v.message =
            g_string_chunk_insert_len(score->text, w.en->str, (gssize)w.en->len);
        f->v.message_zh =
            g_string_chunk_insert_len(score->text, w.zh->str, (gssize)w.zh->len);
    }
    g_strfreev(w.dates);
    g_string_free(w.en, TRUE);
    g_string_free(w.zh, TRUE);
    g_string_free(w.person, TRUE);
    g_string_free(w.other, TRUE);
    g_string_free(w.segment, TRUE);
    g_string_free(w.unit, TRUE);
    g_string_free(w.window, TRUE);
    g_string_free(w.window_zh, TRUE);
    g_hash_table_unref(w.free_memo);
}
