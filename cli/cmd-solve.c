/* SPDX-License-Identifier: MIT */
/* cmd-solve.c: "rota solve": build a roster, show progress, write it atomically. */
#include "cli-private.h"
#include "progress-private.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

/* Without --time-limit and --moves, the search runs this many seconds. */
#define DEFAULT_SECONDS 10.0
/* --time-limit above this (a year) is a usage error, as are nan and inf. */
#define MAX_SECONDS 31536000.0
/* --threads above this is a usage error (GLib aborts long before 100000). */
#define MAX_THREADS 256

/* The signals that stop a search early: Ctrl-C, and SIGTERM and SIGHUP,
 * with which batch systems, service managers and a closed terminal stop a
 * job.  The first one ends the search (the best roster is still written,
 * the exit status follows its score); a second one kills the tool as
 * usual. */
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};

static RotaSolver *interrupted_solver;

static void
on_interrupt(int signum)
{
    if (interrupted_solver != NULL)
        rota_solver_cancel(interrupted_solver);
    signal(signum, SIG_DFL);
}

static void
catch_stop_signals(gboolean on)
{
    for (gsize i = 0; i < G_N_ELEMENTS(stop_signals); i++)
        signal(stop_signals[i], on ? on_interrupt : SIG_DFL);
}

/* Each hard violation on standard error, then the error that makes main()
 * exit with status 3. */
static gboolean
check_hard(const RotaScore *score, GError **error)
{
    int hard = rota_score_get_hard(score);

    if (hard == 0)
        return TRUE;
    for (int i = 0; i < rota_score_get_n_violations(score); i++) {
        const RotaViolation *v = rota_score_get_violation(score, i);

        if (v->hard)
            fprintf(stderr, "rota: %s: %s\n", cli_constraint_name(v->constraint),
                    cli_violation_message(v));
    }
    g_set_error(error, CLI_ERROR, CLI_ERROR_HARD,
                ngettext("the roster breaks %d hard constraint",
                         "the roster breaks %d hard constraints", (gulong)hard),
                hard);
    return FALSE;
}

typedef struct {
    char *format_name, *output, *previous_path, *lang, *trace;
    double time_limit;
    gint64 seed, moves;
    int threads;
    gboolean quiet;
} Options;

/* -o - writes the roster to standard output (the summary then goes to
 * standard error). */
static gboolean
to_stdout(const Options *o)
{
    return o->output != NULL && strcmp(o->output, "-") == 0;
}

static gboolean
save_stdout(const RotaRoster *roster, const RotaScore *score, CliFormat format,
            GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;

    if (format == CLI_FORMAT_CURTOIS) {
        data = rota_roster_to_grid(roster, error);
        if (data == NULL)
            return FALSE;
        length = strlen(data);
    } else {
        data = rota_roster_to_data(roster, score, &length);
    }
    if (fwrite(data, 1, length, stdout) != length || fflush(stdout) != 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO,
                    _("cannot write standard output: %s"), g_strerror(errno));
        return FALSE;
    }
    return TRUE;
}

static gboolean
save(const RotaRoster *roster, const RotaScore *score, const Options *o, CliFormat format,
     GError **error)
{
    if (o->output == NULL)
        return TRUE;
    if (to_stdout(o))
        return save_stdout(roster, score, format, error);
    if (format == CLI_FORMAT_CURTOIS)
        return rota_roster_save_grid(roster, o->output, error);
    return rota_roster_save(roster, score, o->output, error);
}

/* What the progress reports feed: the line on standard error (unless
 * --quiet) and the --trace table (when given). */
typedef struct {
    CliProgress line;
    gboolean quiet;
    GString *trace;
    guint64 moves; /* at the last report */
} SolveReport;

static void
append_trace_line(GString *trace, double seconds, int hard, gint64 soft, guint64 moves)
{
    char number[G_ASCII_DTOSTR_BUF_SIZE];

    g_string_append(trace, g_ascii_formatd(number, sizeof number, "%.2f", seconds));
    g_string_append_printf(trace, "\t%d\t%" G_GINT64_FORMAT "\t%" G_GUINT64_FORMAT "\n",
                           hard, soft, moves);
}

static void
report_progress(const RotaProgress *p, gpointer user_data)
{
    SolveReport *report = user_data;

    report->moves = p->moves;
    if (!report->quiet)
        cli_progress_show(p, &report->line);
    if (report->trace != NULL)
        append_trace_line(report->trace, p->elapsed, p->best_hard, p->best_soft, p->moves);
}

/* The trace ends with the final roster as the evaluator scores it (the
 * move count is that of the last report). */
static gboolean
save_trace(const char *path, GString *trace, double seconds, const RotaScore *score,
           guint64 moves, GError **error)
{
    g_autoptr(GError) local = NULL;

    if (path == NULL || trace == NULL) /* no --trace */
        return TRUE;
    append_trace_line(trace, seconds, rota_score_get_hard(score), rota_score_get_soft(score),
                      moves);
    if (g_file_set_contents_full(path, trace->str, (gssize)trace->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
        return TRUE;
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("cannot write %s: %s"), path,
                local->message);
    return FALSE;
}

static void
configure(RotaSolver *solver, const Options *o)
{
    rota_solver_set_seed(solver, (guint64)o->seed);
    rota_solver_set_threads(solver,
                            o->threads > 0 ? o->threads : (int)g_get_num_processors());
    if (o->moves > 0)
        rota_solver_set_move_limit(solver, (guint64)o->moves);
    if (o->time_limit > 0)
        rota_solver_set_time_limit(solver, o->time_limit);
    else
        rota_solver_set_time_limit(solver, o->moves > 0 ? 0 : DEFAULT_SECONDS);
}

static gboolean
solve(RotaModel *model, const RotaRoster *previous, const Options *o, CliFormat format,
      GError **error)
{
    g_autoptr(RotaSolver) solver = rota_solver_new(model);
    g_autoptr(RotaRoster) best = NULL;
    g_autoptr(RotaScore) score = NULL;
    g_autoptr(GError) local = NULL;
    g_autoptr(GString) trace = NULL;
    SolveReport report = {.quiet = o->quiet};
    gint64 start = g_get_monotonic_time(), bound = 0;
    double seconds;
    int threads;
    FILE *out = to_stdout(o) ? stderr : stdout;

    cli_progress_init(&report.line, "solve");
    configure(solver, o);
    rota_solver_set_previous(solver, previous);
    if (o->trace != NULL) {
        trace = g_string_new("seconds\thard\tsoft\tmoves\n");
        report.trace = trace;
    }
    if (!o->quiet || trace != NULL)
        rota_solver_set_progress_func(solver, report_progress, &report, NULL);
    interrupted_solver = solver;
    catch_stop_signals(TRUE);
    if (!rota_solver_run(solver, &local) &&
        !g_error_matches(local, ROTA_ERROR, ROTA_ERROR_CANCELLED)) {
        catch_stop_signals(FALSE);
        interrupted_solver = NULL;
        g_propagate_error(error, g_steal_pointer(&local));
        return FALSE;
    }
    /* Ctrl-C, SIGTERM or SIGHUP cancelled the search: its best roster is
     * written as usual. */
    g_clear_error(&local);
    catch_stop_signals(FALSE);
    interrupted_solver = NULL;
    seconds = (double)(g_get_monotonic_time() - start) / G_USEC_PER_SEC;
    cli_progress_end(&report.line);
    best = rota_solver_dup_best(solver);
    score = rota_score_new(best, previous);
    if (!save(best, score, o, format, error) ||
        !save_trace(o->trace, trace, seconds, score, report.moves, error))
        return FALSE;
    fprintf(out, _("%s: %d people, %d days, %d duty cells\n"), rota_model_get_name(model),
            rota_model_get_n_people(model), rota_model_get_n_days(model),
            rota_model_get_n_cells(model));
    threads = o->threads > 0 ? o->threads : (int)g_get_num_processors();
    fprintf(out,
            ngettext("searched %.1f s on %d thread, seed %lld\n",
                     "searched %.1f s on %d threads, seed %lld\n", (gulong)threads),
            seconds, threads, (long long)o->seed);
    if (o->output != NULL && !to_stdout(o))
        fprintf(out, _("wrote %s\n"), o->output);
    cli_print_terms(out, score);
    if (rota_solver_get_bound(solver, &bound))
        fprintf(out, "bound: %" G_GINT64_FORMAT "\n", bound);
    else
        fprintf(out, "bound: none\n");
    fprintf(out, "score: hard %d soft %" G_GINT64_FORMAT "\n", rota_score_get_hard(score),
           rota_score_get_soft(score));
    if (fflush(stdout) != 0) {
        g_set_error_literal(error, ROTA_ERROR, ROTA_ERROR_IO,
                            _("cannot write standard output"));
        return FALSE;
    }
    return check_hard(score, error);
}

static void
options_clear(Options *o)
{
    g_free(o->format_name);
    g_free(o->output);
    g_free(o->previous_path);
    g_free(o->lang);
    g_free(o->trace);
}

static gboolean
check_options(const Options *o, int argc, GError **error)
{
    if (argc != 2) {
        cli_set_usage_error(error, "solve", _("expected one MODEL file"));
        return FALSE;
    }
    if (o->time_limit < 0 || o->moves < 0 || o->threads < 0 || o->seed < 0) {
        cli_set_usage_error(
            error, "solve",
            _("--time-limit, --moves, --threads and --seed must not be negative"));
        return FALSE;
    }
    if (!isfinite(o->time_limit) || o->time_limit > MAX_SECONDS) {
        cli_set_usage_error(error, "solve",
                            _("--time-limit must be a number of seconds from 0 to %.0f"),
                            MAX_SECONDS);
        return FALSE;
    }
    if (o->threads > MAX_THREADS) {
        cli_set_usage_error(error, "solve",
                            _("--threads %d is above the bound of %d threads"),
                            o->threads, MAX_THREADS);
        return FALSE;
    }
    return cli_check_lang(o->lang, "solve", error);
}

/* An output naming an input (the model, the previous roster) would
 * destroy it: refused before anything runs. */
static gboolean
check_output(const Options *o, const char *model_path, GError **error)
{
    const char *inputs[] = {model_path, o->previous_path};

    if (o->output == NULL || to_stdout(o))
        return TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(inputs); i++) {
        if (inputs[i] != NULL && cli_same_file(o->output, inputs[i])) {
            cli_set_usage_error(error, "solve", _("-o %s names the input file %s"),
                                o->output, inputs[i]);
            return FALSE;
        }
    }
    return TRUE;
}

static const char description[] =
    N_("Builds a roster greedily, then improves it by local search until the time\n"
       "limit (default 10 s) or, with --moves and no --time-limit, until that many\n"
       "moves.  With --moves, the same model, seed, thread count and previous\n"
       "roster always give the same roster, byte for byte.  A timed run is not\n"
       "reproducible (its annealing and its threads' meetings follow the clock);\n"
       "the roster file records how many moves it made.\n"
       "Ctrl-C, SIGTERM or SIGHUP stops the search early and still writes the best\n"
       "roster; the exit status follows its score.  --threads is at most 256.\n\n"
       "Progress goes to standard error (a live line on a terminal, a line every\n"
       "2 s otherwise, nothing with --quiet).  --trace FILE records the best score\n"
       "found so far at every report (about every half second): a tab-separated\n"
       "table 'seconds hard soft moves' whose last line is the final roster as\n"
       "'rota score' counts it, for plotting what a shorter run would have given.\n"
       "Standard output gets a summary and\n"
       "the table of terms, then 'bound: B' and 'score: hard H soft S', scored by\n"
       "the same evaluator as 'rota score'.  B is a lower bound on the soft score\n"
       "of any roster without hard violations, proved by the price ascent (a\n"
       "timed run on a model shaped like the benchmark's, whose soft score is\n"
       "the cover and requests alone), so S - B bounds how far S is from the\n"
       "best; 'bound: none' where the ascent did not run or proved nothing.\n"
       "Without -o only that is printed; with -o the roster is written atomically\n"
       "(roster.json, whose \"solver\" object then holds the bound, or the\n"
       "tab-separated grid for --format curtois, where S is the benchmark's\n"
       "objective).\n"
       "Safe outputs: -o - writes the roster to standard output (the summary goes\n"
       "to standard error); -o naming the model or --previous roster is refused\n"
       "(exit 2, nothing written); an existing device or FIFO is written in place,\n"
       "never replaced; a symlink is followed and its target replaced atomically.\n\n"
       "Exit status: 0 when every hard constraint holds; 3 when the roster breaks\n"
       "some (each is named on standard error; the roster is still written); 1 on\n"
       "bad input or I/O errors; 2 on bad usage.\n\n"
       "Examples:\n"
       "  rota solve county.json -o roster.json\n"
       "  rota solve county.json -o new.json --previous roster.json --time-limit 30\n"
       "  rota solve county.json -o roster.json --moves 2000000 --seed 7 --threads 2\n"
       "  rota solve county.json -o roster.json --time-limit 30 --quiet --trace t.tsv\n"
       "  rota solve --format curtois Instance7.txt -o Instance7.grid --time-limit 60");

gboolean
cli_cmd_solve(int argc, char **argv, GError **error)
{
    Options o = {0};
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         N_("Write the roster to this file (atomically; - for standard output)"),
         "ROSTER"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &o.format_name,
         N_("json (model.json in, roster.json out; the default) or curtois (benchmark "
            "instance in, tab-separated grid out)"),
         "FORMAT"},
        {"time-limit", 't', 0, G_OPTION_ARG_DOUBLE, &o.time_limit,
         N_("Search for this many seconds (default 10, or none with --moves)"), "SEC"},
        {"moves", 'm', 0, G_OPTION_ARG_INT64, &o.moves,
         N_("Stop after this many moves of all threads together (reproducible)"), "N"},
        {"seed", 's', 0, G_OPTION_ARG_INT64, &o.seed,
         N_("Seed of the search (default 0)"), "N"},
        {"threads", 'j', 0, G_OPTION_ARG_INT, &o.threads,
         N_("Parallel searches (default: the number of processors)"), "N"},
        {"previous", 'p', 0, G_OPTION_ARG_FILENAME, &o.previous_path,
         N_("The roster being replaced: changes cost, its locked assignments stay"),
         "ROSTER"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, N_("Show no progress"), NULL},
        {"trace", 0, 0, G_OPTION_ARG_FILENAME, &o.trace,
         N_("Write the best score every half second to this tab-separated file"),
         "FILE"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
         N_("Language of the messages: en or zh (default: from the locale)"), "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        "MODEL", N_("Build a roster for a model by local search."), description);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) previous = NULL;
    CliFormat format;
    gboolean ok = FALSE;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (!cli_parse(context, &argc, &argv, error) || !check_options(&o, argc, error) ||
        !cli_parse_format(o.format_name, &format, error) ||
        !check_output(&o, argv[1], error))
        goto out;
    model = cli_load_model(argv[1], format, error);
    if (model == NULL)
        goto out;
    if (o.previous_path != NULL) {
        previous = cli_load_roster(model, o.previous_path, format, error);
        if (previous == NULL)
            goto out;
    }
    ok = solve(model, previous, &o, format, error);
out:
    options_clear(&o);
    return ok;
}
