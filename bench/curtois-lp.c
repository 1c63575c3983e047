/* SPDX-License-Identifier: MIT */
/* curtois-lp.c: a Curtois-Qu instance as a CPLEX LP (a MIP), a CBC solution as a GRID. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/curtois-private.h"
#include "util-private.h"

/*
 * The model is shared/bench/curtois/FORMAT.md's, term for term, so that
 * CBC's objective and `rota score --format curtois` of CBC's grid agree:
 *
 *   x_e_d_s  binary, e works shift s on day d; only created where s's
 *            MaxShifts is not 0 and d is not one of e's DAYS_OFF.
 *   w_e_d    = sum_s x_e_d_s, 0..1 (at most one shift a day).
 *   y_e_k    >= w on Saturday and Sunday of weekend k (weekend worked).
 *   u_d_s, o_d_s  cover shortfall and excess: sum_e x_e_d_s + u - o = req.
 *   one      fixed at 1; carries the constant sum of the ON weights, as an
 *            ON request costs w * (1 - x).
 *
 * Runs: at most MaxCons working days in any MaxCons+1 consecutive days; a
 * maximal run of l < MinCons working days (or l < MinOff days off) is cut
 * by one row per position, written only where both neighbours of the run
 * lie inside the horizon, which is exactly the exemption of runs touching
 * day 0 or day H-1.  Variables are named by indices (staff, day, shift in
 * file order), which --solution reads back.
 */

typedef struct {
    const RotapCurtois *in;
    int n_days, n_shifts, n_staff;
    gboolean *off;    /* n_staff * n_days: a DAYS_OFF day */
    long *obj;        /* n_staff * n_days * n_shifts: objective of x */
    gboolean *forbid; /* n_shifts * n_shifts: the second may not follow the first */
    int *leader;      /* n_shifts: see group_successions() */
    FILE *out;
    int width;      /* characters on the current output line */
    gboolean first; /* no term yet in the current row */
} Lp;

static const RotapCurtoisStaff *
staff_at(const Lp *lp, int e)
{
    return &g_array_index(lp->in->staff, RotapCurtoisStaff, e);
}

static gboolean
has_x(const Lp *lp, int e, int d, int s)
{
    return staff_at(lp, e)->max_shifts[s] > 0 && !lp->off[e * lp->n_days + d];
}

/* Terms are written as " + 3 name", wrapped well below the LP line limit. */
static void G_GNUC_PRINTF(3, 4) term(Lp *lp, long coef, const char *fmt, ...)
{
    char name[64];
    va_list ap;

    va_start(ap, fmt);
    g_vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    if (lp->width > 200) {
        fputs("\n ", lp->out);
        lp->width = 1;
    }
    if (coef < 0)
        lp->width += fprintf(lp->out, " - ");
    else if (!lp->first)
        lp->width += fprintf(lp->out, " + ");
    else
        lp->width += fprintf(lp->out, " ");
    if (labs(coef) != 1)
        lp->width += fprintf(lp->out, "%ld ", labs(coef));
    lp->width += fprintf(lp->out, "%s", name);
    lp->first = FALSE;
}

static void G_GNUC_PRINTF(2, 3) row_begin(Lp *lp, const char *fmt, ...)
{
    char name[64];
    va_list ap;

    va_start(ap, fmt);
    g_vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    lp->width = fprintf(lp->out, " %s:", name);
    lp->first = TRUE;
}

static void
row_end(Lp *lp, const char *sense, long rhs)
{
    if (lp->first)
        term(lp, 0, "one");
    fprintf(lp->out, " %s %ld\n", sense, rhs);
}

/* Every cover line's u and o, every request's x, and the constant. */
static void
write_objective(Lp *lp)
{
    const RotapCurtois *in = lp->in;
    long constant = 0;

    for (guint i = 0; i < in->requests->len; i++) {
        const RotapCurtoisRequest *r =
            &g_array_index(in->requests, RotapCurtoisRequest, i);

        if (r->on)
            constant += r->weight;
        if (has_x(lp, r->staff, r->day, r->shift)) {
            gsize at = ((gsize)r->staff * lp->n_days + r->day) * lp->n_shifts + r->shift;

            lp->obj[at] += r->on ? -r->weight : r->weight;
        }
    }
    fputs("Minimize\n", lp->out);
    row_begin(lp, "penalty");
    for (guint i = 0; i < in->covers->len; i++) {
        const RotapCurtoisCover *c = &g_array_index(in->covers, RotapCurtoisCover, i);

        term(lp, c->under, "u_%d_%d", c->day, c->shift);
        term(lp, c->over, "o_%d_%d", c->day, c->shift);
    }
    for (int e = 0; e < lp->n_staff; e++)
        for (int d = 0; d < lp->n_days; d++)
            for (int s = 0; s < lp->n_shifts; s++) {
                long coef = lp->obj[((gsize)e * lp->n_days + d) * lp->n_shifts + s];

                if (coef != 0 && has_x(lp, e, d, s))
                    term(lp, coef, "x_%d_%d_%d", e, d, s);
            }
    term(lp, constant, "one");
    fputs("\nSubject To\n", lp->out);
}

/* w_e_d, the sum of the day's x. */
static void
write_days(Lp *lp, int e)
{
    for (int d = 0; d < lp->n_days; d++) {
        row_begin(lp, "day_%d_%d", e, d);
        for (int s = 0; s < lp->n_shifts; s++)
            if (has_x(lp, e, d, s))
                term(lp, 1, "x_%d_%d_%d", e, d, s);
        term(lp, -1, "w_%d_%d", e, d);
        row_end(lp, "=", 0);
    }
}

/* Forbidden successions: one row per day and group of shifts with the same
 * forbidden followers G -> F, sum_G x_d + sum_F x_d+1 <= 1, valid because
 * a day holds at most one shift, and far smaller than one row per pair. */
static void
write_successions(Lp *lp, int e)
{
    int n = lp->n_shifts;

    for (int d = 0; d + 1 < lp->n_days; d++)
        for (int a = 0; a < n; a++) {
            gboolean today = FALSE, tomorrow = FALSE;

            if (lp->leader[a] != a)
                continue;
            for (int m = a; m < n; m++)
                today = today || (lp->leader[m] == a && has_x(lp, e, d, m));
            for (int b = 0; b < n; b++)
                tomorrow = tomorrow || (lp->forbid[a * n + b] && has_x(lp, e, d + 1, b));
            if (!today || !tomorrow)
                continue;
            row_begin(lp, "seq_%d_%d_%d", e, d, a);
            for (int m = a; m < n; m++)
                if (lp->leader[m] == a && has_x(lp, e, d, m))
                    term(lp, 1, "x_%d_%d_%d", e, d, m);
            for (int b = 0; b < n; b++)
                if (lp->forbid[a * n + b] && has_x(lp, e, d + 1, b))
                    term(lp, 1, "x_%d_%d_%d", e, d + 1, b);
            row_end(lp, "<=", 1);
        }
}

/* forbid[a][b]: b may not follow a; leader[a]: the first shift with a's
 * forbidden followers, or -1 when a has none. */
static void
group_successions(Lp *lp)
{
    int n = lp->n_shifts;

    lp->forbid = g_new0(gboolean, (gsize)n * n);
    lp->leader = g_new(int, n);
    for (guint i = 0; i < lp->in->forbids->len; i++) {
        const int *pair = &g_array_index(lp->in->forbids, int, 2 * i);

        lp->forbid[pair[0] * n + pair[1]] = TRUE;
    }
    for (int a = 0; a < n; a++) {
        gboolean any = FALSE;

        for (int b = 0; b < n; b++)
            any = any || lp->forbid[a * n + b];
        lp->leader[a] = any ? a : -1;
        for (int k = 0; any && k < a; k++)
            if (memcmp(&lp->forbid[k * n], &lp->forbid[a * n], n * sizeof(gboolean)) ==
                0) {
                lp->leader[a] = k;
                break;
            }
    }
}

/* MaxShifts per type and the minutes worked, within [MinMin, MaxMin]. */
static void
write_totals(Lp *lp, int e)
{
    const RotapCurtois *in = lp->in;
    const RotapCurtoisStaff *st = staff_at(lp, e);
    const char *sense[2] = {"<=", ">="};

    for (int s = 0; s < lp->n_shifts; s++) {
        if (st->max_shifts[s] <= 0 || st->max_shifts[s] >= lp->n_days)
            continue;
        row_begin(lp, "max_%d_%d", e, s);
        for (int d = 0; d < lp->n_days; d++)
            if (has_x(lp, e, d, s))
                term(lp, 1, "x_%d_%d_%d", e, d, s);
        row_end(lp, "<=", st->max_shifts[s]);
    }
    for (int k = 0; k < 2; k++) {
        row_begin(lp, "%s_%d", k == 0 ? "maxmin" : "minmin", e);
        for (int d = 0; d < lp->n_days; d++)
            for (int s = 0; s < lp->n_shifts; s++)
                if (has_x(lp, e, d, s)) {
                    const RotapCurtoisShift *sh =
                        &g_array_index(in->shifts, RotapCurtoisShift, s);

                    term(lp, sh->minutes, "x_%d_%d_%d", e, d, s);
                }
        row_end(lp, sense[k], st->limits[k]);
    }
}

/* A maximal run of l days, all worked (worked = 1) or all off (worked =
 * 0), flanked by the opposite on days d-1 and d+l, is cut for every l
 * below the minimum and every d with both flanks inside the horizon. */
static void
write_min_runs(Lp *lp, int e, int minimum, int worked, const char *tag)
{
    int sign = worked ? 1 : -1;

    for (int l = 1; l < minimum; l++)
        for (int d = 1; d + l <= lp->n_days - 1; d++) {
            row_begin(lp, "%s_%d_%d_%d", tag, e, d, l);
            term(lp, -sign, "w_%d_%d", e, d - 1);
            for (int j = d; j < d + l; j++)
                term(lp, sign, "w_%d_%d", e, j);
            term(lp, -sign, "w_%d_%d", e, d + l);
            /* worked: (1 - w[d-1]) + sum w + (1 - w[d+l]) <= l + 1;
             * off:    w[d-1] + sum (1 - w) + w[d+l] <= l + 1. */
            row_end(lp, "<=", worked ? l - 1 : 1);
        }
}

static void
write_runs(Lp *lp, int e)
{
    const RotapCurtoisStaff *st = staff_at(lp, e);
    int max_cons = st->limits[2];

    for (int d = 0; d + max_cons < lp->n_days; d++) {
        row_begin(lp, "cons_%d_%d", e, d);
        for (int j = d; j <= d + max_cons; j++)
            term(lp, 1, "w_%d_%d", e, j);
        row_end(lp, "<=", max_cons);
    }
    write_min_runs(lp, e, st->limits[3], 1, "mincons");
    write_min_runs(lp, e, st->limits[4], 0, "minoff");
}

static void
write_weekends(Lp *lp, int e)
{
    const RotapCurtoisStaff *st = staff_at(lp, e);
    int n_weekends = lp->n_days / 7;

    if (st->limits[5] >= n_weekends)
        return;
    for (int k = 0; k < n_weekends; k++)
        for (int d = 7 * k + 5; d <= 7 * k + 6; d++) {
            row_begin(lp, "we_%d_%d", e, d);
            term(lp, 1, "w_%d_%d", e, d);
            term(lp, -1, "y_%d_%d", e, k);
            row_end(lp, "<=", 0);
        }
    row_begin(lp, "maxwe_%d", e);
    for (int k = 0; k < n_weekends; k++)
        term(lp, 1, "y_%d_%d", e, k);
    row_end(lp, "<=", st->limits[5]);
}

static void
write_cover(Lp *lp)
{
    for (guint i = 0; i < lp->in->covers->len; i++) {
        const RotapCurtoisCover *c = &g_array_index(lp->in->covers, RotapCurtoisCover, i);

        row_begin(lp, "cover_%d_%d", c->day, c->shift);
        for (int e = 0; e < lp->n_staff; e++)
            if (has_x(lp, e, c->day, c->shift))
                term(lp, 1, "x_%d_%d_%d", e, c->day, c->shift);
        term(lp, 1, "u_%d_%d", c->day, c->shift);
        term(lp, -1, "o_%d_%d", c->day, c->shift);
        row_end(lp, "=", c->req);
    }
}

/* The names of every x (xs) or every w, wrapped. */
static void
write_names(Lp *lp, gboolean xs)
{
    for (int e = 0; e < lp->n_staff; e++)
        for (int d = 0; d < lp->n_days; d++) {
            if (!xs) {
                lp->width += fprintf(lp->out, " w_%d_%d", e, d);
            } else {
                for (int s = 0; s < lp->n_shifts; s++)
                    if (has_x(lp, e, d, s))
                        lp->width += fprintf(lp->out, " x_%d_%d_%d", e, d, s);
            }
            if (lp->width > 200) {
                fputs("\n", lp->out);
                lp->width = 0;
            }
        }
}

static void
write_bounds(Lp *lp)
{
    fputs("Bounds\n one = 1\nBinaries\n", lp->out);
    lp->width = 0;
    write_names(lp, TRUE);
    write_names(lp, FALSE);
    for (int e = 0; e < lp->n_staff; e++)
        if (staff_at(lp, e)->limits[5] < lp->n_days / 7)
            for (int k = 0; k < lp->n_days / 7; k++) {
                lp->width += fprintf(lp->out, " y_%d_%d", e, k);
                if (lp->width > 200) {
                    fputs("\n", lp->out);
                    lp->width = 0;
                }
            }
    fputs("\nEnd\n", lp->out);
}

/* A GRID as a table of shift indices (-1 off), checked against the
 * instance: one row per staff member, at most one column per day. */
static int *
read_grid(const RotapCurtois *in, const char *path, GError **error)
{
    int n_staff = (int)in->staff->len, n_days = in->n_days;
    g_autofree char *data = NULL;
    g_autofree int *grid = g_new(int, (gsize)n_staff *n_days);
    g_auto(GStrv) lines = NULL;
    gsize length;
    int n_lines;

    if (!rotap_read_file(path, &data, &length, error))
        return NULL;
    lines = g_strsplit(data, "\n", -1);
    n_lines = (int)g_strv_length(lines);
    if (n_lines > 0 && lines[n_lines - 1][0] == '\0')
        n_lines--; /* the final line end */
    for (int i = 0; i < n_lines; i++)
        if (g_str_has_suffix(lines[i], "\r"))
            lines[i][strlen(lines[i]) - 1] = '\0';
    if (n_lines != n_staff) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_SYNTAX, "%s: %d rows, expected %d",
                    path, n_lines, n_staff);
        return NULL;
    }
    for (int e = 0; e < n_staff; e++) {
        g_auto(GStrv) cells = NULL;
        int n_cells;

        cells = g_strsplit(lines[e], "\t", -1);
        n_cells = (int)g_strv_length(cells);
        for (int d = 0; d < n_days; d++) {
            const char *id = d < n_cells ? cells[d] : "";
            int s = -1;

            for (guint k = 0; id[0] != '\0' && k < in->shifts->len; k++)
                if (strcmp(g_array_index(in->shifts, RotapCurtoisShift, k).id, id) == 0)
                    s = (int)k;
            if (id[0] != '\0' && s < 0) {
                g_set_error(error, ROTA_ERROR, ROTA_ERROR_SYNTAX,
                            "%s:%d: unknown shift '%s'", path, e + 1, id);
                return NULL;
            }
            grid[e * n_days + d] = s;
        }
    }
    return g_steal_pointer(&grid);
}

/* --fix: every cell of the grid pinned, so the MIP holds exactly that
 * roster; CBC then proves it feasible or infeasible and prices it. */
static void
write_fix(Lp *lp, const int *grid)
{
    for (int e = 0; e < lp->n_staff; e++)
        for (int d = 0; d < lp->n_days; d++) {
            int s = grid[e * lp->n_days + d];

            row_begin(lp, "fix_%d_%d", e, d);
            if (s >= 0 && has_x(lp, e, d, s)) {
                term(lp, 1, "x_%d_%d_%d", e, d, s);
                row_end(lp, "=", 1);
            } else if (s >= 0) {
                /* A shift with no x (MaxShifts 0, or a day off): "one = 0"
                 * makes the pinned model infeasible, as the roster is. */
                term(lp, 1, "one");
                row_end(lp, "=", 0);
            } else {
                term(lp, 1, "w_%d_%d", e, d);
                row_end(lp, "=", 0);
            }
        }
}

static void
write_lp(Lp *lp, const int *fix)
{
    fprintf(lp->out, "\\ Curtois-Qu instance: %d days, %d staff, %d shift types\n",
            lp->n_days, lp->n_staff, lp->n_shifts);
    write_objective(lp);
    for (int e = 0; e < lp->n_staff; e++) {
        write_days(lp, e);
        write_successions(lp, e);
        write_totals(lp, e);
        write_runs(lp, e);
        write_weekends(lp, e);
    }
    write_cover(lp);
    if (fix)
        write_fix(lp, fix);
    write_bounds(lp);
}

/* The x at 1 in a CBC solution file ("index name value reduced-cost" per
 * line after a status line; "**" marks an infeasibility) as a grid. */
static int *
read_solution(const RotapCurtois *in, const char *path, GError **error)
{
    int n_staff = (int)in->staff->len, n_days = in->n_days;
    int n_shifts = (int)in->shifts->len;
    g_autofree char *data = NULL;
    g_autofree int *grid = g_new(int, (gsize)n_staff *n_days);
    g_auto(GStrv) lines = NULL;
    gsize length;

    if (!rotap_read_file(path, &data, &length, error))
        return NULL;
    for (int i = 0; i < n_staff * n_days; i++)
        grid[i] = -1;
    lines = g_strsplit(data, "\n", -1);
    for (int i = 1; lines[i]; i++) {
        int e, d, s;
        double value;
        char *name = strstr(lines[i], " x_");

        if (!name || sscanf(name, " x_%d_%d_%d %lf", &e, &d, &s, &value) != 4)
            continue;
        if (e < 0 || e >= n_staff || d < 0 || d >= n_days || s < 0 || s >= n_shifts) {
            g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID, "%s:%d: no such x", path,
                        i + 1);
            return NULL;
        }
        if (value < 0.5)
            continue;
        if (grid[e * n_days + d] >= 0) {
            g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                        "%s:%d: two shifts for staff %d on day %d", path, i + 1, e, d);
            return NULL;
        }
        grid[e * n_days + d] = s;
    }
    return g_steal_pointer(&grid);
}

static void
write_grid(const RotapCurtois *in, const int *grid, FILE *out)
{
    for (guint e = 0; e < in->staff->len; e++) {
        for (int d = 0; d < in->n_days; d++) {
            int s = grid[e * in->n_days + d];

            if (d > 0)
                fputc('\t', out);
            if (s >= 0)
                fputs(g_array_index(in->shifts, RotapCurtoisShift, s).id, out);
        }
        fputc('\n', out);
    }
}

static gboolean
load(RotapCurtois *in, const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize length;

    if (!rotap_read_file(path, &data, &length, error))
        return FALSE;
    return rotap_curtois_parse(in, data, length, path, error);
}

static int
run(const RotapCurtois *in, const char *output, const char *fix_path,
    const char *solution, GError **error)
{
    g_autofree int *grid = NULL;
    FILE *out = stdout;
    gboolean ok;

    if (fix_path)
        grid = read_grid(in, fix_path, error);
    else if (solution)
        grid = read_solution(in, solution, error);
    if ((fix_path || solution) && !grid)
        return 1;
    if (output && strcmp(output, "-") != 0 && !(out = fopen(output, "w"))) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: %s", output,
                    g_strerror(errno));
        return 1;
    }
    if (solution) {
        write_grid(in, grid, out);
    } else {
        Lp lp = {.in = in,
                 .n_days = in->n_days,
                 .n_shifts = (int)in->shifts->len,
                 .n_staff = (int)in->staff->len,
                 .out = out};

        lp.off = g_new0(gboolean, (gsize)lp.n_staff * lp.n_days);
        lp.obj = g_new0(long, (gsize)lp.n_staff *lp.n_days *lp.n_shifts);
        for (guint i = 0; i < in->offs->len; i++) {
            const int *pair = &g_array_index(in->offs, int, 2 * i);

            lp.off[pair[0] * lp.n_days + pair[1]] = TRUE;
        }
        group_successions(&lp);
        write_lp(&lp, grid);
        g_free(lp.off);
        g_free(lp.obj);
        g_free(lp.forbid);
        g_free(lp.leader);
    }
    ok = fflush(out) == 0 && !ferror(out);
    if (out != stdout)
        ok = fclose(out) == 0 && ok;
    if (!ok) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: write failed",
                    output ? output : "standard output");
        return 1;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    g_autofree char *output = NULL, *fix = NULL, *solution = NULL;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write here (default: stdout)",
         "FILE"},
        {"fix", 0, 0, G_OPTION_ARG_FILENAME, &fix, "Pin every cell to this GRID", "GRID"},
        {"solution", 0, 0, G_OPTION_ARG_FILENAME, &solution,
         "Turn this CBC solution file into a GRID instead of writing the LP", "SOL"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("INSTANCE");
    g_autoptr(GError) error = NULL;
    RotapCurtois in;
    int status;

    g_option_context_add_main_entries(context, entries, NULL);
    g_option_context_set_summary(context,
                                 "Write a Curtois-Qu instance as a CPLEX LP "
                                 "(FORMAT.md's model), or a CBC solution as a GRID.");
    if (!g_option_context_parse(context, &argc, &argv, &error) || argc != 2 ||
        (fix && solution)) {
        fprintf(stderr, "curtois-lp: %s\n", error ? error->message : "usage: see --help");
        return 2;
    }
    rotap_curtois_init(&in);
    status = load(&in, argv[1], &error) ? run(&in, output, fix, solution, &error) : 1;
    rotap_curtois_clear(&in);
    if (status != 0)
        fprintf(stderr, "curtois-lp: %s\n", error->message);
    return status;
}
