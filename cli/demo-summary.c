/* SPDX-License-Identifier: MIT */
/* demo-summary.c: what "rota demo" tells about its roster: coverage, breaches, on-site,
 * fairness. */
#include "demo-private.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

/* How many of the wanted places (each cell's min) the roster fills, and
 * how many cells stay short.  A place above min fills nothing wanted. */
static void
print_coverage(RotaModel *model, const RotaRoster *roster)
{
    int n_cells = rota_model_get_n_cells(model), n_days = rota_model_get_n_days(model);
    int n_segments = rota_model_get_n_segments(model);
    gsize n_keys = (gsize)rota_model_get_n_duties(model) * n_segments * n_days;
    g_autofree int *cell_at = g_new(int, n_keys + 1);
    g_autofree int *count = g_new0(int, n_cells + 1);
    gint64 wanted = 0, filled = 0;
    int short_cells = 0;
    RotaCellInfo info;

    for (gsize k = 0; k < n_keys; k++)
        cell_at[k] = -1;
    for (int c = 0; c < n_cells; c++) {
        rota_model_get_cell(model, c, &info);
        for (int k = 0; k < info.n_days; k++)
            cell_at[((gsize)info.duty * n_segments + info.segment) * n_days +
                    rota_model_get_cell_day(model, c, k)] = c;
    }
    for (int i = 0; i < rota_roster_get_n_assignments(roster); i++) {
        const RotaAssignment *a = rota_roster_get_assignment(roster, i);
        int c;

        if (a->duty < 0)
            continue;
        c = cell_at[((gsize)a->duty * n_segments + a->segment) * n_days + a->day];
        if (c >= 0)
            count[c]++;
    }
    for (int c = 0; c < n_cells; c++) {
        rota_model_get_cell(model, c, &info);
        wanted += info.min;
        filled += MIN(count[c], info.min);
        short_cells += count[c] < info.min;
    }
    printf(_("coverage: %lld of %lld places filled (%.1f%%), %lld uncovered in %d of %d "
             "cells\n"),
           (long long)filled, (long long)wanted,
           wanted > 0 ? 100.0 * (double)filled / (double)wanted : 100.0,
           (long long)(wanted - filled), short_cells, n_cells);
}

/* "hard violations: none", or the count per constraint (in the evaluator's
 * order) and the first few messages; standard error names every one when
 * the demo exits with status 3. */
static void
print_hard(const RotaScore *score)
{
    int hard = rota_score_get_hard(score), shown = 0;
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    g_autoptr(GArray) counts = g_array_new(FALSE, TRUE, sizeof(int));

    if (hard == 0) {
        printf(_("hard violations: none\n"));
        return;
    }
    for (int i = 0; i < rota_score_get_n_violations(score); i++) {
        const RotaViolation *v = rota_score_get_violation(score, i);
        guint k = 0;

        if (!v->hard)
            continue;
        while (k < names->len && strcmp(names->pdata[k], v->constraint) != 0)
            k++;
        if (k == names->len) {
            g_ptr_array_add(names, (gpointer)v->constraint);
            g_array_set_size(counts, names->len);
        }
        g_array_index(counts, int, k)++;
    }
    printf(_("hard violations: %d ("), hard);
    for (guint k = 0; k < names->len; k++)
        printf("%s%s %d", k == 0 ? "" : ", ", (const char *)names->pdata[k],
               g_array_index(counts, int, k));
    printf(")\n");
    for (int i = 0; i < rota_score_get_n_violations(score) && shown < 5; i++) {
        const RotaViolation *v = rota_score_get_violation(score, i);

        if (v->hard) {
            printf("  %s: %s\n", cli_constraint_name(v->constraint),
                   cli_violation_message(v));
            shown++;
        }
    }
}

static gboolean
is_deputy(RotaModel *model, int unit, int person)
{
    for (int k = 0; k < rota_model_get_n_unit_deputies(model, unit); k++) {
        if (rota_model_get_unit_deputy(model, unit, k) == person)
            return TRUE;
    }
    return FALSE;
}

/* On-site unit-days: done by the head, by a deputy, or not at all. */
static void
print_onsite(RotaModel *model, const RotaRoster *roster)
{
    int n_units = rota_model_get_n_units(model), n_days = rota_model_get_n_days(model);
    g_autofree guint8 *done = g_new0(guint8, (gsize)n_units * n_days + 1);
    int heads = 0, deputies = 0, others = 0, covered = 0;
    int wanted = rota_model_get_n_onsite_cells(model);

    for (int i = 0; i < rota_roster_get_n_assignments(roster); i++) {
        const RotaAssignment *a = rota_roster_get_assignment(roster, i);
        int unit;

        if (a->duty != ROTA_DUTY_ONSITE)
            continue;
        unit = rota_model_get_segment_unit(model, a->segment);
        if (unit < 0)
            continue;
        if (rota_model_get_unit_head(model, unit) == a->person)
            heads++;
        else if (is_deputy(model, unit, a->person))
            deputies++;
        else
            others++;
        if (!done[(gsize)unit * n_days + a->day]++)
            covered++;
    }
    printf(_("on-site hours: %d unit-days wanted; by heads %d, by deputies %d"), wanted,
           heads, deputies);
    if (others > 0)
        printf(_(", by others %d"), others);
    printf(_(", missing %d\n"), wanted - covered);
}

typedef struct {
    int unit;
    gint64 penalty;
} UnitPenalty;

static gint
compare_penalty(gconstpointer pa, gconstpointer pb)
{
    const UnitPenalty *a = pa, *b = pb;

    if (a->penalty != b->penalty)
        return a->penalty > b->penalty ? -1 : 1;
    return a->unit - b->unit;
}

/* Duty minutes (the on-site hour excluded, as fairness does) per person,
 * and who counts for fairness: eligible for some duty cell. */
static void
duty_minutes(RotaModel *model, const RotaRoster *roster, gint64 *minutes, gboolean *fair)
{
    for (int c = 0; c < rota_model_get_n_cells(model); c++) {
        for (int k = 0; k < rota_model_get_n_cell_candidates(model, c); k++)
            fair[rota_model_get_cell_candidate(model, c, k)] = TRUE;
    }
    for (int i = 0; i < rota_roster_get_n_assignments(roster); i++) {
        const RotaAssignment *a = rota_roster_get_assignment(roster, i);

        if (a->duty >= 0)
            minutes[a->person] += rota_model_get_shift_minutes(model, a->shift);
    }
}

static void
print_unit_fairness(RotaModel *model, const UnitPenalty *u, const gint64 *minutes,
                    const gboolean *fair)
{
    gint64 lo = G_MAXINT64, hi = 0;
    int n = 0, head = rota_model_get_unit_head(model, u->unit);

    for (int p = 0; p < rota_model_get_n_people(model); p++) {
        if (rota_model_get_person_unit(model, p) != u->unit || p == head || !fair[p])
            continue;
        lo = MIN(lo, minutes[p]);
        hi = MAX(hi, minutes[p]);
        n++;
    }
    printf(_("  %s %s: penalty %lld"), rota_model_get_unit_id(model, u->unit),
           rota_model_get_unit_name(model, u->unit), (long long)u->penalty);
    if (n > 0)
        printf(_(", %.1f to %.1f duty hours among %d members"), (double)lo / 60.0,
               (double)hi / 60.0, n);
    printf("\n");
}

/* The fairness penalty per unit (docs/concepts.md): the mean over all units
 * and the worst three, with the spread of duty hours behind each. */
static void
print_fairness(RotaModel *model, const RotaRoster *roster, const RotaScore *score)
{
    int n_units = rota_model_get_n_units(model),
        n_people = rota_model_get_n_people(model);
    g_autofree UnitPenalty *units = g_new0(UnitPenalty, n_units + 1);
    g_autofree gint64 *minutes = g_new0(gint64, n_people + 1);
    g_autofree gboolean *fair = g_new0(gboolean, n_people + 1);
    gint64 total = 0;

    if (n_units == 0)
        return;
    for (int u = 0; u < n_units; u++)
        units[u].unit = u;
    for (int i = 0; i < rota_score_get_n_violations(score); i++) {
        const RotaViolation *v = rota_score_get_violation(score, i);

        if (strcmp(v->constraint, "fairness") == 0 && v->unit >= 0 && v->unit < n_units) {
            units[v->unit].penalty += v->penalty;
            total += v->penalty;
        }
    }
    qsort(units, (gsize)n_units, sizeof *units, compare_penalty);
    printf(_("fairness: mean penalty %.1f per unit over %d units; the worst:\n"),
           (double)total / n_units, n_units);
    duty_minutes(model, roster, minutes, fair);
    for (int k = 0; k < 3 && k < n_units; k++)
        print_unit_fairness(model, &units[k], minutes, fair);
}

void
cli_demo_print_summary(RotaModel *model, const RotaRoster *roster, const RotaScore *score)
{
    print_coverage(model, roster);
    print_hard(score);
    print_onsite(model, roster);
    print_fairness(model, roster, score);
}

int
cli_demo_pick_volunteer(RotaModel *model, const RotaRoster *roster, int *n_duties)
{
    int n_people = rota_model_get_n_people(model);
    g_autofree int *duties = g_new0(int, n_people + 1);
    g_autofree int *any = g_new0(int, n_people + 1);
    int pick = -1;

    for (int i = 0; i < rota_roster_get_n_assignments(roster); i++) {
        const RotaAssignment *a = rota_roster_get_assignment(roster, i);

        any[a->person]++;
        if (a->duty >= 0)
            duties[a->person]++;
    }
    for (int p = 0; p < n_people && pick < 0; p++) {
        if (duties[p] > 0 && rota_model_person_has_tag(model, p, "volunteer"))
            pick = p;
    }
    for (int p = 0; p < n_people && pick < 0; p++) {
        if (any[p] > 0)
            pick = p;
    }
    if (pick < 0)
        pick = 0;
    *n_duties = n_people > 0 ? any[pick] : 0;
    return pick;
}

static GBytes *
demo_resource(const char *name, GError **error)
{
    g_autofree char *path = g_strdup_printf("/org/rota/demo/%s", name);
    GBytes *bytes = g_resources_lookup_data(path, 0, NULL);

    if (bytes == NULL)
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_FAILED, _("%s is not built into rota"),
                    name);
    return bytes;
}

static void
print_bulletin_unit(RotaModel *model, const RotaBulletinUnit *u)
{
    printf("  %3d  %-6s %6.2f  %s%s\n", u->rank, rota_model_get_unit_id(model, u->unit),
           (double)u->score / 100.0, rota_model_get_unit_name(model, u->unit),
           u->red     ? "  红榜"
           : u->black ? "  黑榜"
                      : "");
}

gboolean
cli_demo_bulletin(RotaModel *model, const char *dir, GError **error)
{
    g_autoptr(GBytes) roster_bytes = demo_resource("roster.json", error);
    g_autoptr(GBytes) records_bytes =
        roster_bytes ? demo_resource("records.json", error) : NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaRecords) records = NULL;
    g_autoptr(RotaBulletin) bulletin = NULL;
    g_autofree char *from = rota_model_dup_date(model, 0);
    g_autofree char *to = rota_model_dup_date(model, rota_model_get_n_days(model) - 1);
    g_autofree char *out = g_build_filename(dir, "bulletin", NULL);
    gsize length = 0;
    const char *data;
    int n;

    if (records_bytes == NULL)
        return FALSE;
    data = g_bytes_get_data(roster_bytes, &length);
    roster =
        rota_roster_new_from_data(model, data, length, "roster.json (built in)", error);
    if (roster == NULL)
        return FALSE;
    data = g_bytes_get_data(records_bytes, &length);
    records = rota_records_new_from_data(model, roster, data, length,
                                         "records.json (built in)", error);
    bulletin = records ? rota_bulletin_new(records, roster, from, to, error) : NULL;
    if (bulletin == NULL || !rota_bulletin_save(bulletin, out, error))
        return FALSE;
    n = rota_bulletin_get_n_units(bulletin);
    printf(_("bulletin %s..%s of the committed month of records "
             "(examples/county/records.json), "
             "%s/bulletin.html:\n"),
           from, to, out);
    for (int i = 0; i < MIN(3, n); i++)
        print_bulletin_unit(model, rota_bulletin_get_unit(bulletin, i));
    printf("  ...\n");
    for (int i = MAX(n - 3, 3); i < n; i++)
        print_bulletin_unit(model, rota_bulletin_get_unit(bulletin, i));
    return TRUE;
}
