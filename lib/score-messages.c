/* SPDX-License-Identifier: MIT */
/* score-messages.c: the English and Chinese explanation of each violation. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"
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

/*
 * Each explanation is written once, as an English printf format: the
 * violation's message is that format filled in, its message_zh the same
 * arguments in the format's zh_CN translation (po/zh_CN.po, which may
 * reorder them as %2$s), whatever the locale: a roster.json reads the same
 * everywhere.  SAY_N picks the English singular or plural by n.
 * SAY_CELL and SAY_CELL_N pass the cell's window (w->window, w->window_zh)
 * as the first argument.
 */
#define SAY(w, format, ...)                                                              \
    (g_string_printf((w)->en, format, __VA_ARGS__),                                      \
     g_string_printf((w)->zh, rotap_zh(format), __VA_ARGS__))
#define SAY_N(w, n, one, many, ...)                                                      \
    (g_string_printf((w)->en, (n) == 1 ? one : many, __VA_ARGS__),                       \
     g_string_printf((w)->zh, rotap_zh_n(one, many, (gulong)(n)), __VA_ARGS__))
#define SAY_CELL(w, format, ...)                                                         \
    (g_string_printf((w)->en, format, (w)->window->str, __VA_ARGS__),                    \
     g_string_printf((w)->zh, rotap_zh(format), (w)->window_zh->str, __VA_ARGS__))
#define SAY_CELL_N(w, n, one, many, ...)                                                 \
    (g_string_printf((w)->en, (n) == 1 ? one : many, (w)->window->str, __VA_ARGS__),     \
     g_string_printf((w)->zh, rotap_zh_n(one, many, (gulong)(n)), (w)->window_zh->str,   \
                     __VA_ARGS__))

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
        SAY(w, "%s is assigned %s at %s on %s, where it does not run", p, duty_name(w, v),
            s, date);
        break;
    case ROTAP_WHY_NOT_HEAD:
        unit_label(w, v->unit);
        SAY(w,
            "%s does the on-site hour (%s) at %s on %s but is neither head nor deputy "
            "of %s",
            p, h, s, date, w->unit->str);
        break;
    case ROTAP_WHY_NO_OWNER:
        SAY(w, "%s does the on-site hour (%s) at %s on %s, but no unit owns %s", p, h, s,
            date, w->model->segments[v->segment].id);
        break;
    default:
        SAY(w, "%s may not serve %s at %s (%s)", p, duty_name(w, v), s, date);
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
        SAY(w, "%s is off on %s but is assigned %s at %s", p, date, d, s);
        break;
    case ROTAP_TERM_DOUBLE_BOOKING:
        SAY(w, "%s has %d duties on %s; at most one allowed (extra: %s at %s)", p,
            (int)f->arg[0], date, d, s);
        break;
    case ROTAP_TERM_MIN_REST:
        SAY(w, "%s rests %d minutes between %s on %s and %s on %s; at least %d required",
            p, (int)f->arg[2], shift_name(w, (int)f->arg[1]), w->dates[f->arg[0]], h,
            date, (int)f->arg[3]);
        break;
    case ROTAP_TERM_FORBIDDEN_SUCCESSION:
        SAY(w, "%s works %s on %s right after %s on %s, a forbidden succession", p, h,
            date, shift_name(w, (int)f->arg[1]), w->dates[f->arg[0]]);
        break;
    case ROTAP_TERM_LOCKED:
        SAY(w, "%s %s: the locked duty %s at %s was changed or removed", p, date, d, s);
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
        SAY_N(w, n, "%s works %d day in a row (%s..%s); at least %d required",
              "%s works %d days in a row (%s..%s); at least %d required", p, n, first,
              last, limit);
        break;
    case ROTAP_TERM_MAX_CONSECUTIVE:
        SAY(w, "%s works %d days in a row (%s..%s); at most %d allowed", p, n, first,
            last, limit);
        break;
    default:
        SAY_N(w, n, "%s has %d day off in a row (%s..%s); at least %d required",
              "%s has %d days off in a row (%s..%s); at least %d required", p, n, first,
              last, limit);
        break;
    }
}

static void
write_week(Writer *w, const RotapFinding *f, const char *p)
{
    const char *first = w->dates[f->v.day], *last = w->dates[f->arg[2]];
    long long n = (long long)f->arg[0], limit = (long long)f->arg[1];

    if (f->term == ROTAP_TERM_MAX_SHIFTS_WEEK) {
        SAY_N(w, n, "%s works %lld shift in the week %s..%s; at most %lld allowed",
              "%s works %lld shifts in the week %s..%s; at most %lld allowed", p, n,
              first, last, limit);
        return;
    }
    SAY(w, "%s works %lld minutes in the week %s..%s; at most %lld allowed", p, n, first,
        last, limit);
}

static void
write_person(Writer *w, const RotapFinding *f)
{
    const char *p = person_label(w, w->person, f->v.person);
    long long n = (long long)f->arg[0], limit = (long long)f->arg[1];

    switch (f->term) {
    case ROTAP_TERM_MAX_SHIFTS:
        SAY_N(w, n, "%s works %s %lld time; at most %lld allowed",
              "%s works %s %lld times; at most %lld allowed", p,
              shift_name(w, f->v.shift), n, limit);
        break;
    case ROTAP_TERM_MIN_MINUTES:
        SAY(w, "%s works %lld minutes in all; at least %lld required", p, n, limit);
        break;
    case ROTAP_TERM_MAX_MINUTES:
        SAY(w, "%s works %lld minutes in all; at most %lld allowed", p, n, limit);
        break;
    case ROTAP_TERM_MAX_SHIFTS_WEEK:
    case ROTAP_TERM_MAX_MINUTES_WEEK:
        write_week(w, f, p);
        break;
    case ROTAP_TERM_MAX_WEEKENDS:
        SAY_N(w, n, "%s works %lld weekend; at most %lld allowed",
              "%s works %lld weekends; at most %lld allowed", p, n, limit);
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

    const char *segment = segment_label(w, c->segment);
    const char *duty = rotap_model_duty_label(w->model, c->duty, c->shift);

    if (c->n_days > 1) {
        const char *last = w->dates[c->days[c->n_days - 1]];

        /* TRANSLATORS: a segment, a duty and a week's first and last due day. */
        g_string_printf(w->window, "%s %s %s..%s", segment, duty, first, last);
        g_string_printf(w->window_zh, rotap_zh("%s %s %s..%s"), segment, duty, first,
                        last);
    } else {
        g_string_printf(w->window, "%s %s %s", segment, duty, first);
        g_string_assign(w->window_zh, w->window->str);
    }
}

static void
write_cell(Writer *w, const RotapFinding *f)
{
    int n = (int)f->arg[0], m = (int)f->arg[1], free;

    cell_prefix(w, (int)f->arg[3]);
    switch (f->term) {
    case ROTAP_TERM_OVER_MAX:
        SAY_CELL(w, "%s: %d people assigned; at most %d allowed", n, m);
        break;
    case ROTAP_TERM_UNCOVERED:
        free = rotap_score_count_free(w->ctx, (int)f->arg[3], w->free_memo);
        SAY_CELL_N(w, m, "%s: %d of %d place filled; %d eligible people free",
                   "%s: %d of %d places filled; %d eligible people free", n, m, free);
        break;
    case ROTAP_TERM_OVER:
        SAY_CELL(w, "%s: %d people assigned; %d wanted", n, m);
        break;
    default:
        SAY_CELL(w, "%s: %d of %d wanted \"%s\" people assigned", n, m,
                 w->model->tags[f->arg[2]]);
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
        if (unit->n_deputies > 0)
            SAY(w,
                "%s %s: nobody can do the on-site hour (%s): head %s and every deputy "
                "are off",
                u, date, h, w->person->str);
        else
            SAY(w,
                "%s %s: nobody can do the on-site hour (%s): head %s is off and there is "
                "no deputy",
                u, date, h, w->person->str);
        break;
    case ROTAP_WHY_NO_HEAD_ALL_OFF:
        SAY(w,
            "%s %s: nobody can do the on-site hour (%s): the unit has no head and every "
            "deputy is off",
            u, date, h);
        break;
    default:
        SAY(w,
            "%s %s: nobody can do the on-site hour (%s): the unit has neither head nor "
            "deputy",
            u, date, h);
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
        SAY(w, "%s %s: nobody does the on-site hour (%s), though %s is available", u,
            date, h, w->person->str);
        break;
    case ROTAP_TERM_ONSITE_EXTRA:
        SAY(w, "%s %s: %d on-site hours (%s) recorded; exactly one needed", u, date,
            (int)f->arg[0], h);
        break;
    case ROTAP_TERM_DEPUTY_ONSITE:
        person_label(w, w->person, f->v.person);
        person_label(w, w->other, (int)f->arg[0]);
        SAY(w,
            "%s %s: deputy %s does the on-site hour (%s) at %s while head %s is "
            "available",
            u, date, w->person->str, h, segment_label(w, f->v.segment), w->other->str);
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

        if (on)
            SAY(w, "%s asked to work %s on %s", p, h, date);
        else
            SAY(w, "%s asked not to work %s on %s", p, h, date);
        return;
    }
    if (on)
        SAY(w, "%s asked to work on %s", p, date);
    else
        SAY(w, "%s asked to be off on %s", p, date);
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
    SAY_N(w, n, "%s: duty hours of its %d member range from %s to %s (mean %s)",
          "%s: duty hours of its %d members range from %s to %s (mean %s)", u, n,
          low->str, high->str, mean->str);
}

/* "早高峰交通疏导 at S001, 马路办公 at S002" (duties) or "none" for one person-day. */
static void
append_duties(Writer *w, GString *en, GString *zh, const RotapPersonDays *pd, int person,
              int day)
{
    int begin = rotap_pd_begin(pd, w->model, person, day);
    int end = rotap_pd_end(pd, w->model, person, day);

    g_string_truncate(en, 0);
    g_string_truncate(zh, 0);
    if (begin == end) {
        /* TRANSLATORS: no duty that day, in "(before: none; now: ...)". */
        g_string_append(en, "none");
        g_string_append(zh, rotap_zh("none"));
    }
    for (int k = begin; k < end; k++) {
        const RotaAssignment *a = &pd->asg[pd->list[k]];
        const char *s = w->model->segments[a->segment].id;
        const char *d = rotap_model_duty_label(w->model, a->duty, a->shift);

        if (k > begin) {
            /* TRANSLATORS: between the duties of one day. */
            g_string_append(en, ", ");
            g_string_append(zh, rotap_zh(", "));
        }
        /* TRANSLATORS: a duty at a segment (its id). */
        g_string_append_printf(en, "%s at %s", d, s);
        g_string_append_printf(zh, rotap_zh("%s at %s"), d, s);
    }
}

static void
write_change(Writer *w, const RotapFinding *f)
{
    const char *p = person_label(w, w->person, f->v.person), *date = w->dates[f->v.day];
    g_autoptr(GString) before = g_string_new(NULL), before_zh = g_string_new(NULL);
    g_autoptr(GString) now = g_string_new(NULL), now_zh = g_string_new(NULL);

    append_duties(w, before, before_zh, &w->ctx->prev, f->v.person, f->v.day);
    append_duties(w, now, now_zh, &w->ctx->pd, f->v.person, f->v.day);
    g_string_printf(w->en,
                    "%s %s: changed against the previous roster (before: %s; now: %s)", p,
                    date, before->str, now->str);
    g_string_printf(
        w->zh,
        rotap_zh("%s %s: changed against the previous roster (before: %s; now: %s)"), p,
        date, before_zh->str, now_zh->str);
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
