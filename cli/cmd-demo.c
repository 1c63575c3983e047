/* SPDX-License-Identifier: MIT */
/* cmd-demo.c: "rota demo": the built-in county example solved, written and published end
 * to end. */
#define _GNU_SOURCE /* renameat2 */
#include "demo-private.h"
#include "progress-private.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* examples/county/county.json, built into the tool (cli/rota.gresource.xml). */
#define COUNTY_RESOURCE "/org/rota/demo/county.json"
#define DEFAULT_DIR "rota-demo"
#define DEFAULT_SECONDS 5.0
#define DEFAULT_SEED 1
/* Where the demo's site expects DIR to be served (its QR codes name it). */
#define DEMO_URL "http://localhost:8080/"

typedef struct {
    char *output;
    double time_limit;
    gint64 seed, moves;
    int threads;
    gboolean quiet;
} Options;

static GBytes *
county_bytes(GError **error)
{
    GBytes *bytes = g_resources_lookup_data(COUNTY_RESOURCE, 0, NULL);

    if (bytes == NULL)
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_FAILED,
                    _("the built-in county example is missing from this build"));
    return bytes;
}

static RotaRoster *
solve(RotaModel *model, const Options *o, GError **error)
{
    g_autoptr(RotaSolver) solver = rota_solver_new(model);
    CliProgress progress;

    cli_progress_init(&progress, "demo");
    rota_solver_set_seed(solver, (guint64)o->seed);
    rota_solver_set_threads(solver,
                            o->threads > 0 ? o->threads : (int)g_get_num_processors());
    if (o->moves > 0)
        rota_solver_set_move_limit(solver, (guint64)o->moves);
    rota_solver_set_time_limit(solver, o->time_limit > 0 ? o->time_limit
                                       : o->moves > 0    ? 0
                                                         : DEFAULT_SECONDS);
    if (!o->quiet)
        rota_solver_set_progress_func(solver, cli_progress_show, &progress, NULL);
    if (!rota_solver_run(solver, error))
        return NULL;
    cli_progress_end(&progress);
    return rota_solver_dup_best(solver);
}

/* Remove a folder and everything in it; the first failure is reported. */
static gboolean
remove_tree(const char *path, GError **error)
{
    g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *child = g_build_filename(path, name, NULL);

        if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
            !g_file_test(child, G_FILE_TEST_IS_SYMLINK)) {
            if (!remove_tree(child, error))
                return FALSE;
        } else if (g_unlink(child) != 0) {
            g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("cannot remove %s: %s"),
                        child, g_strerror(errno));
            return FALSE;
        }
    }
    if (g_rmdir(path) != 0 && errno != ENOENT) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("cannot remove %s: %s"), path,
                    g_strerror(errno));
        return FALSE;
    }
    return TRUE;
}

/* DIR's parent must be writable.  An existing DIR is replaced only when
 * it is empty or looks like an earlier demo (it has roster.json): never
 * clobber an unrelated folder. */
static gboolean
check_output(const char *dir, GError **error)
{
    g_autofree char *roster = g_build_filename(dir, "roster.json", NULL);
    g_autofree char *parent = g_path_get_dirname(dir);
    g_autoptr(GDir) listing = NULL;

    /* The staging folder goes beside DIR: fail before solving, not after. */
    if (g_access(parent, W_OK) != 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("cannot write in %s: %s"), parent,
                    g_strerror(errno));
        return FALSE;
    }
    if (!g_file_test(dir, G_FILE_TEST_EXISTS))
        return TRUE;
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s exists and is not a folder"),
                    dir);
        return FALSE;
    }
    listing = g_dir_open(dir, 0, NULL);
    if (g_file_test(roster, G_FILE_TEST_EXISTS) ||
        (listing != NULL && g_dir_read_name(listing) == NULL))
        return TRUE;
    g_set_error(
        error, ROTA_ERROR, ROTA_ERROR_IO,
        _("%s exists and is not an earlier demo (no roster.json); choose another -o"),
        dir);
    return FALSE;
}

/* The secret key stays the same across runs, so that feed URLs do: an
 * earlier demo's DIR/secret.key is carried into the new folder. */
static gboolean
carry_secret(const char *dir, const char *staging, char **secret_path, GError **error)
{
    g_autofree char *old = g_build_filename(dir, "secret.key", NULL);
    g_autofree char *data = NULL;
    gsize length = 0;

    *secret_path = g_build_filename(staging, "secret.key", NULL);
    if (!g_file_test(old, G_FILE_TEST_EXISTS))
        return TRUE;
    if (!g_file_get_contents(old, &data, &length, error))
        return FALSE;
    if (!g_file_set_contents_full(*secret_path, data, (gssize)length,
                                  G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        return FALSE;
    return TRUE;
}

/* Hard-link the files of src into a new folder dst, recursively.  The
 * feed writer replaces a file by renaming a new one over it, never in
 * place, so the old folder stays intact while unchanged files keep their
 * inode and time stamp (web servers' Last-Modified and ETag stay). */
static gboolean
link_tree(const char *src, const char *dst)
{
    g_autoptr(GDir) dir = g_dir_open(src, 0, NULL);
    const char *name;

    if (dir == NULL || g_mkdir(dst, 0755) != 0)
        return FALSE;
    while ((name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *from = g_build_filename(src, name, NULL);
        g_autofree char *to = g_build_filename(dst, name, NULL);

        if (g_file_test(from, G_FILE_TEST_IS_SYMLINK))
            continue;
        if (g_file_test(from, G_FILE_TEST_IS_DIR) ? !link_tree(from, to)
                                                  : link(from, to) != 0)
            return FALSE;
    }
    return TRUE;
}

/* The publication goes to STAGING: feeds/, index.json and the ledger.  An
 * earlier DIR's publication is the previous one: its feeds and ledger are
 * linked into the staging folder when the file system allows it
 * (unchanged feeds are then left alone), else only its ledger is read, so
 * that SEQUENCE and cancellations carry on either way. */
static gboolean
publish(const RotaRoster *roster, const char *dir, const char *staging,
        RotaFeedWriter *writer, RotaExportStats **stats, GError **error)
{
    g_autofree char *secret = NULL;
    g_autofree char *feeds = g_build_filename(staging, "feeds", NULL);
    g_autofree char *previous = g_build_filename(dir, "feeds", NULL);
    g_autofree char *old_ledger = g_build_filename(dir, ".rota-ledger.json", NULL);
    g_autofree char *new_ledger = g_build_filename(staging, ".rota-ledger.json", NULL);

    if (!carry_secret(dir, staging, &secret, error) ||
        !rota_feed_writer_set_secret_file(writer, secret, error))
        return FALSE;
    if (g_file_test(previous, G_FILE_TEST_IS_DIR) &&
        (!link_tree(previous, feeds) || link(old_ledger, new_ledger) != 0)) {
        if (!remove_tree(feeds, error))
            return FALSE;
        (void)g_unlink(new_ledger);
        rota_feed_writer_set_previous_dir(writer, dir);
    }
    return rota_feed_writer_export(writer, roster, staging, stats, error);
}

/* The workbook DIR/roster.xlsx and the site DIR/public, DIR/internal,
 * whose QR codes point to the feeds as served at DEMO_URL (the personal
 * ones named with the key publish() just used). */
static gboolean
write_views(const RotaRoster *roster, const char *staging, RotaSiteStats *stats,
            GError **error)
{
    g_autoptr(RotaSiteWriter) site = rota_site_writer_new(rota_roster_get_model(roster));
    g_autofree char *workbook = g_build_filename(staging, "roster.xlsx", NULL);
    g_autofree char *secret = g_build_filename(staging, "secret.key", NULL);

    return rota_roster_save_xlsx(roster, workbook, error) &&
           rota_site_writer_set_feeds_url(site, DEMO_URL, error) &&
           rota_site_writer_set_secret_file(site, secret, error) &&
           rota_site_writer_write(site, roster, staging, stats, error);
}

/* Put the finished staging folder in place of dir.  Where the kernel can
 * swap two paths atomically it does; otherwise the old folder is moved
 * aside first, so a crash between the two renames leaves both folders. */
static gboolean
install(const char *staging, const char *dir, GError **error)
{
    g_autofree char *aside = NULL;

    if (!g_file_test(dir, G_FILE_TEST_EXISTS)) {
        if (g_rename(staging, dir) == 0)
            return TRUE;
    } else {
#ifdef RENAME_EXCHANGE
        if (renameat2(AT_FDCWD, staging, AT_FDCWD, dir, RENAME_EXCHANGE) == 0)
            return remove_tree(staging, error);
#endif
        aside = g_strdup_printf("%s.old-%d", dir, (int)getpid());
        if (g_rename(dir, aside) == 0 && g_rename(staging, dir) == 0)
            return remove_tree(aside, error);
    }
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("cannot move %s to %s: %s"), staging,
                dir, g_strerror(errno));
    return FALSE;
}

/* model.json is the built-in file byte for byte, so that the roster's
 * model_sha256 matches it and "rota score DIR/model.json DIR/roster.json"
 * agrees with the demo. */
static gboolean
write_files(GBytes *county, const RotaRoster *roster, const RotaScore *score,
            const char *staging, GError **error)
{
    g_autofree char *model_path = g_build_filename(staging, "model.json", NULL);
    g_autofree char *roster_path = g_build_filename(staging, "roster.json", NULL);
    gsize length = 0;
    const char *data = g_bytes_get_data(county, &length);

    if (!g_file_set_contents_full(model_path, data, (gssize)length,
                                  G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
        return FALSE;
    return rota_roster_save(roster, score, roster_path, error);
}

static void
print_feeds(RotaModel *model, const RotaRoster *roster, RotaFeedWriter *writer,
            const RotaExportStats *stats, const char *dir)
{
    int n_duties = 0;
    int person = cli_demo_pick_volunteer(model, roster, &n_duties);
    int unit = rota_model_get_person_unit(model, person);
    g_autofree char *path = rota_feed_writer_dup_person_path(writer, person);
    g_autofree char *absolute = g_canonicalize_filename(dir, NULL);

    printf(_("feeds: %d (%d people, %d units, %d segments) in %s/feeds, %s/index.json "
             "for coordinators; %d files written, %d unchanged\n"),
           rota_export_stats_get_feeds(stats), rota_model_get_n_people(model),
           rota_model_get_n_units(model), rota_model_get_n_segments(model), dir, dir,
           rota_export_stats_get_files_written(stats),
           rota_export_stats_get_files_unchanged(stats));
    printf(_("one volunteer's feed: %s %s (%s), %d duties:\n  %s/feeds/%s\n"),
           rota_model_get_person_id(model, person),
           rota_model_get_person_name(model, person),
           unit >= 0 ? rota_model_get_unit_name(model, unit) : "no unit", n_duties, dir,
           path);
    printf(_("publish it: nginx with examples/nginx/rota.conf in a server block with\n"
             "  root %s; listen 8080 (README, \"Publishing the feeds\");\n"
             "  subscribe to http://localhost:8080/feeds/%s\n"),
           absolute, path);
}

static void
print_views(const RotaSiteStats *site, const char *dir)
{
    printf(_("workbook: %s/roster.xlsx (总览, one sheet per unit, 路段; A4 landscape)\n"),
           dir);
    printf(
        _("site: %d pages, %.1f MB, %d QR codes; open in a browser:\n"
          "  %s/public/index.html    road-chief signs (publish DIR/public beside "
          "DIR/feeds)\n"
          "  %s/internal/index.html  coverage, on-site hours, units, days (coordinators "
          "only)\n"
          "  its QR codes expect DIR served at %s (DIR/feeds/... at %sfeeds/...)\n"),
        site->pages, site->bytes / 1e6, site->qr_codes, dir, dir, DEMO_URL, DEMO_URL);
}

/* Each hard violation on standard error, then the error that makes main()
 * exit with status 3: the files are written, but the roster breaks rules. */
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
                ngettext("the demo roster breaks %d hard constraint",
                         "the demo roster breaks %d hard constraints", (gulong)hard),
                hard);
    return FALSE;
}

/* Everything is made in a staging folder beside DIR and moved into place
 * at the end: a failure leaves DIR as it was. */
static gboolean
build(GBytes *county, const RotaRoster *roster, const RotaScore *score, const char *dir,
      RotaFeedWriter *writer, RotaExportStats **stats, RotaSiteStats *site,
      GError **error)
{
    g_autofree char *staging = g_strdup_printf("%s.tmp-XXXXXX", dir);

    if (g_mkdtemp_full(staging, 0755) == NULL) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("cannot create %s: %s"), staging,
                    g_strerror(errno));
        return FALSE;
    }
    if (write_files(county, roster, score, staging, error) &&
        publish(roster, dir, staging, writer, stats, error) &&
        write_views(roster, staging, site, error) && install(staging, dir, error))
        return TRUE;
    remove_tree(staging, NULL);
    return FALSE;
}

static gboolean
run(const Options *o, GError **error)
{
    g_autoptr(GBytes) county = county_bytes(error);
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    g_autoptr(RotaFeedWriter) writer = NULL;
    g_autoptr(RotaExportStats) stats = NULL;
    RotaSiteStats site = {0};
    gint64 start = g_get_monotonic_time(), solved;
    gsize length = 0;
    const char *data;

    if (county == NULL || !check_output(o->output, error))
        return FALSE;
    data = g_bytes_get_data(county, &length);
    model = rota_model_new_from_data(data, length, "county.json (built in)", error);
    if (model == NULL)
        return FALSE;
    roster = solve(model, o, error);
    if (roster == NULL)
        return FALSE;
    solved = g_get_monotonic_time();
    score = rota_score_new(roster, NULL);
    writer = rota_feed_writer_new(model);
    if (!build(county, roster, score, o->output, writer, &stats, &site, error))
        return FALSE;
    printf(_("%s: %d units, %d segments, %d people, %d days\n"),
           rota_model_get_name(model), rota_model_get_n_units(model),
           rota_model_get_n_segments(model), rota_model_get_n_people(model),
           rota_model_get_n_days(model));
    printf(
        _("solved in %.1f s (seed %lld), written and published in %.1f s: "
          "%s/model.json, %s/roster.json, %s/secret.key, %s/feeds/, the workbook and the "
          "site\n"),
        (double)(solved - start) / G_USEC_PER_SEC, (long long)o->seed,
        (double)(g_get_monotonic_time() - solved) / G_USEC_PER_SEC, o->output, o->output,
        o->output, o->output);
    cli_demo_print_summary(model, roster, score);
    print_feeds(model, roster, writer, stats, o->output);
    print_views(&site, o->output);
    if (!cli_demo_bulletin(model, o->output, error))
        return FALSE;
    printf("score: hard %d soft %" G_GINT64_FORMAT "\n", rota_score_get_hard(score),
           rota_score_get_soft(score));
    if (fflush(stdout) != 0) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("cannot write standard output"));
        return FALSE;
    }
    return check_hard(score, error);
}

static const char description[] =
    N_("Runs the county example built into rota (examples/county/county.json:\n"
       "103 units, 136 road segments, about 3,000 people, December 2026) end to\n"
       "end: solves it (5 s by default, seed 1, progress on standard error),\n"
       "then writes DIR/model.json (the example), DIR/roster.json, the\n"
       "iCalendar feeds in DIR/feeds/ (one per person, unit and segment: the\n"
       "folder to publish), DIR/index.json for coordinators and the feeds'\n"
       "secret key DIR/secret.key, both outside feeds/, the workbook\n"
       "DIR/roster.xlsx and the site: DIR/public/ (road-chief signs, to publish\n"
       "beside feeds/) and DIR/internal/ (for coordinators), whose QR codes\n"
       "expect DIR served at http://localhost:8080/ (see 'rota export html\n"
       "--help').  It prints coverage, hard violations, on-site days by heads\n"
       "and deputies, fairness per unit, and where one volunteer's feed is.\n\n"
       "Everything is built in a folder beside DIR and moved into place at the\n"
       "end, so a failure leaves DIR as it was.  Running the demo again into the\n"
       "same DIR keeps the secret key (the feed URLs stay) and publishes the new\n"
       "roster as an update of the old feeds.  An existing DIR that is not an\n"
       "earlier demo is refused.  With --moves (and no --time-limit), the same\n"
       "seed and --threads give the same roster.json byte for byte.\n\n"
       "Exit status: 0 done; 3 the roster breaks hard constraints (each named on\n"
       "standard error; the files are still written); 1 errors; 2 bad usage.\n\n"
       "Examples:\n"
       "  rota demo\n"
       "  rota demo -o /tmp/county --time-limit 30 --seed 7");

static gboolean
check_options(Options *o, int argc, char **argv, GError **error)
{
    gsize length;

    if (argc != 1) {
        cli_set_usage_error(error, "demo", _("unexpected argument \"%s\""), argv[1]);
        return FALSE;
    }
    if (o->time_limit < 0 || o->moves < 0 || o->threads < 0 || o->seed < 0) {
        cli_set_usage_error(
            error, "demo",
            _("--time-limit, --moves, --threads and --seed must not be negative"));
        return FALSE;
    }
    if (o->output == NULL)
        o->output = g_strdup(DEFAULT_DIR);
    length = strlen(o->output);
    while (length > 1 && o->output[length - 1] == '/')
        o->output[--length] = '\0';
    if (length == 0) {
        cli_set_usage_error(error, "demo", _("-o needs a folder name"));
        return FALSE;
    }
    return TRUE;
}

gboolean
cli_cmd_demo(int argc, char **argv, GError **error)
{
    Options o = {NULL, 0, DEFAULT_SEED, 0, 0, FALSE};
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         N_("The folder to write (default: rota-demo)"), "DIR"},
        {"time-limit", 't', 0, G_OPTION_ARG_DOUBLE, &o.time_limit,
         N_("Solve for this many seconds (default 5, or none with --moves)"), "SEC"},
        {"seed", 's', 0, G_OPTION_ARG_INT64, &o.seed,
         N_("Seed of the search (default 1)"), "N"},
        {"moves", 'm', 0, G_OPTION_ARG_INT64, &o.moves,
         N_("Stop after this many moves of all threads together (reproducible)"), "N"},
        {"threads", 'j', 0, G_OPTION_ARG_INT, &o.threads,
         N_("Parallel searches (default: the number of processors)"), "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, N_("Show no progress"), NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = cli_context_new(
        NULL, N_("Solve and publish the built-in county example, end to end."),
        description);
    gboolean ok;

    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    ok = cli_parse(context, &argc, &argv, error) &&
         check_options(&o, argc, argv, error) && run(&o, error);
    g_free(o.output);
    return ok;
}
