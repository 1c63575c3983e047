/* SPDX-License-Identifier: MIT */
/* check_ical.c: the export: golden feeds, republishing, tombstones, folding, libical. */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ical/ical-private.h"
#include "testhelp.h"

/*
 * The fixture is tests/data/ics: a 7-day model with two units, three
 * segments (S001 with a long Chinese location that needs folding and
 * escaping, S003 adopted by nobody), six people (P0006 never on duty), a
 * night shift that passes midnight, and a roster of nine assignments.
 * golden/ holds its publication at NOW with secret.key.  *_PATH are feed
 * paths (relative to DIR/feeds), *_FEED the same relative to DIR.
 */
#define NOW "2026-11-30T08:00:00Z"
#define P3_PATH "person/P0003-ad109bd32d9347c5600c79e5.ics"
#define P3_FEED ROTAP_FEEDS_DIR "/" P3_PATH
#define P5_FEED ROTAP_FEEDS_DIR "/person/P0005-82ed936aac555448ff5144dc.ics"
#define P6_FEED ROTAP_FEEDS_DIR "/person/P0006-f130be66ba504f52a06b3e49.ics"

static char *tmp_dir;

static void
remove_tree(const char *path)
{
    GDir *dir = g_dir_open(path, 0, NULL);
    const char *name;

    if (dir != NULL) {
        while ((name = g_dir_read_name(dir)) != NULL) {
            g_autofree char *child = g_build_filename(path, name, NULL);

            remove_tree(child);
        }
        g_dir_close(dir);
    }
    g_remove(path);
}

static void
setup(void)
{
    tmp_dir = g_dir_make_tmp("check_ical-XXXXXX", NULL);
    ck_assert_ptr_nonnull(tmp_dir);
}

static void
teardown(void)
{
    remove_tree(tmp_dir);
    g_clear_pointer(&tmp_dir, g_free);
}

static char *
out_path(const char *relative)
{
    return g_build_filename(tmp_dir, relative, NULL);
}

static char *
read_out(const char *relative)
{
    g_autofree char *path = out_path(relative);
    char *data = NULL;

    ck_assert_msg(g_file_get_contents(path, &data, NULL, NULL), "cannot read %s", path);
    return data;
}

/* The fixture model, with every occurrence of from replaced by to. */
static RotaModel *
load_model(const char *from, const char *to)
{
    g_autofree char *text = test_read_srcdir_file("tests/data/ics/model.json", NULL);
    g_autoptr(GError) error = NULL;
    RotaModel *model;

    if (from != NULL) {
        g_auto(GStrv) parts = g_strsplit(text, from, -1);

        g_free(text);
        text = g_strjoinv(to, parts);
    }
    model = rota_model_new_from_data(text, strlen(text), "model.json", &error);
    ck_assert_msg(model != NULL, "%s", error != NULL ? error->message : "");
    return model;
}

/* The fixture roster with the assignment lines containing drop removed
 * and the assignment add (a JSON object, or NULL) added. */
static RotaRoster *
load_roster(RotaModel *model, const char *const *drop, const char *add)
{
    g_autofree char *text = test_read_srcdir_file("tests/data/ics/roster.json", NULL);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    GString *edited = g_string_new(NULL);
    g_autoptr(GError) error = NULL;
    RotaRoster *roster;

    for (int i = 0; lines[i] != NULL; i++) {
        gboolean skip = FALSE;

        for (int k = 0; drop != NULL && drop[k] != NULL; k++)
            skip = skip || strstr(lines[i], drop[k]) != NULL;
        if (!skip)
            g_string_append_printf(edited, "%s\n", lines[i]);
        if (add != NULL && strstr(lines[i], "\"assignments\"") != NULL)
            g_string_append_printf(edited, "    %s,\n", add);
    }
    if (edited->len > 6 && strstr(edited->str, "},\n  ]") != NULL)
        g_string_erase(edited, strstr(edited->str, "},\n  ]") - edited->str + 1, 1);
    roster =
        rota_roster_new_from_data(model, edited->str, edited->len, "roster.json", &error);
    g_string_free(edited, TRUE);
    ck_assert_msg(roster != NULL, "%s", error != NULL ? error->message : "");
    return roster;
}

static gboolean
export_at(RotaModel *model, RotaRoster *roster, const char *now_text, int keep,
          RotaExportStats *stats, GError **error)
{
    g_autoptr(RotaFeedWriter) writer = rota_feed_writer_new(model);
    g_autoptr(GDateTime) now = g_date_time_new_from_iso8601(now_text, NULL);
    g_autofree char *secret = test_srcdir_path("tests/data/ics/secret.key");
    g_autoptr(RotaExportStats) got = NULL;

    ck_assert_ptr_nonnull(now);
    ck_assert(rota_feed_writer_set_secret_file(writer, secret, NULL));
    rota_feed_writer_set_now(writer, now);
    if (keep >= 0)
        rota_feed_writer_set_keep_cancelled(writer, keep);
    if (!rota_feed_writer_export(writer, roster, tmp_dir, &got, error)) {
        ck_assert_ptr_null(got);
        return FALSE;
    }
    /* the fields, seen through ical-private.h, and the public getters agree */
    ck_assert_int_eq(rota_export_stats_get_events(got), got->events);
    if (stats != NULL)
        *stats = *got;
    return TRUE;
}

static void
export_ok(RotaModel *model, RotaRoster *roster, const char *now_text, int keep,
          RotaExportStats *stats)
{
    g_autoptr(GError) error = NULL;

    ck_assert_msg(export_at(model, roster, now_text, keep, stats, &error), "%s",
                  error != NULL ? error->message : "");
}

/* Every .ics file of the output folder, paths relative to it, sorted. */
static GPtrArray *
list_feeds(void)
{
    static const char *const folders[] = {"person", "unit", "segment"};
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);

    for (gsize f = 0; f < G_N_ELEMENTS(folders); f++) {
        g_autofree char *relative = g_strconcat(ROTAP_FEEDS_DIR "/", folders[f], NULL);
        g_autofree char *dir_path = out_path(relative);
        GDir *dir = g_dir_open(dir_path, 0, NULL);
        const char *name;

        ck_assert_ptr_nonnull(dir);
        while ((name = g_dir_read_name(dir)) != NULL)
            g_ptr_array_add(paths, g_strdup_printf("%s/%s", relative, name));
        g_dir_close(dir);
    }
    g_ptr_array_sort(paths, (GCompareFunc)g_strcmp0);
    return paths;
}

/* The count of lines of text equal to line, or starting with it when
 * line ends in ':'. */
static int
count_lines(const char *text, const char *line)
{
    g_auto(GStrv) lines = g_strsplit(text, "\r\n", -1);
    int n = 0;

    for (int i = 0; lines[i] != NULL; i++)
        n += g_str_has_suffix(line, ":") ? g_str_has_prefix(lines[i], line)
                                         : strcmp(lines[i], line) == 0;
    return n;
}

static void assert_parses(const char *relative);

/* ------------------------------------------------------------------ golden */

START_TEST(test_golden)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(GPtrArray) feeds = NULL;
    RotaExportStats stats;

    export_ok(model, roster, NOW, -1, &stats);
    ck_assert_int_eq(stats.feeds, 11);
    ck_assert_int_eq(stats.files_written, 12);
    ck_assert_int_eq(stats.files_unchanged, 0);
    ck_assert_int_eq(stats.events, 27);
    ck_assert_int_eq(stats.events_new, 27);
    feeds = list_feeds();
    ck_assert_int_eq(feeds->len, 11);
    g_ptr_array_add(feeds, g_strdup("index.json"));
    g_ptr_array_add(feeds, g_strdup(ROTAP_LEDGER_NAME));
    for (guint i = 0; i < feeds->len; i++) {
        const char *relative = g_ptr_array_index(feeds, i);
        g_autofree char *golden_name =
            g_strconcat("tests/data/ics/golden/", relative, NULL);
        g_autofree char *golden = test_read_srcdir_file(golden_name, NULL);
        g_autofree char *got = read_out(relative);

        ck_assert_msg(strcmp(golden, got) == 0, "%s differs from %s", relative,
                      golden_name);
    }
}
END_TEST

START_TEST(test_paths)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaFeedWriter) writer = rota_feed_writer_new(model);
    g_autofree char *secret = test_srcdir_path("tests/data/ics/secret.key");
    g_autofree char *before = NULL;
    g_autofree char *person = NULL;
    g_autofree char *unit = NULL;
    g_autofree char *segment = NULL;

    before = rota_feed_writer_dup_person_path(writer, 2);
    ck_assert_ptr_null(before);
    ck_assert(rota_feed_writer_set_secret_file(writer, secret, NULL));
    person = rota_feed_writer_dup_person_path(writer, 2);
    unit = rota_feed_writer_dup_unit_path(writer, 0);
    segment = rota_feed_writer_dup_segment_path(writer, 2);
    ck_assert_str_eq(person, P3_PATH);
    ck_assert_str_eq(unit, "unit/U001.ics");
    ck_assert_str_eq(segment, "segment/S003.ics");
}
END_TEST

/* ------------------------------------------------------------------ republishing */

START_TEST(test_reexport_unchanged)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autofree char *path = out_path(P3_FEED);
    RotaExportStats stats;
    GStatBuf before, after;

    export_ok(model, roster, NOW, -1, &stats);
    ck_assert_int_eq(g_stat(path, &before), 0);
    g_usleep(20000);
    /* A later time changes nothing when nothing changed. */
    export_ok(model, roster, "2026-12-03T10:00:00Z", -1, &stats);
    ck_assert_int_eq(stats.files_written, 0);
    ck_assert_int_eq(stats.files_unchanged, 12);
    ck_assert_int_eq(stats.events, 27);
    ck_assert_int_eq(stats.events_new + stats.events_changed + stats.events_cancelled, 0);
    ck_assert_int_eq(g_stat(path, &after), 0);
    ck_assert(before.st_mtime == after.st_mtime && before.st_ino == after.st_ino);
}
END_TEST

/*
 * The second publication: S001's road chief changes (every event at S001
 * changes content), P0005's 12-02 duty is dropped and P0006 takes one on
 * 12-03.  Unchanged events keep SEQUENCE, LAST-MODIFIED and DTSTAMP.
 */
static const char *const drop_p5[] = {
    "\"2026-12-02\", \"shift\": \"am\", \"segment\": \"S002\"", NULL};
#define ADD_P6                                                                           \
    "{ \"date\": \"2026-12-03\", \"shift\": \"am\", \"segment\": \"S002\", \"person\": " \
    "\"P0006\", \"duty\": \"rush-am\" }"

START_TEST(test_changed_roster)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(RotaModel) model2 =
        load_model("\"chief\": \"P0001\"", "\"chief\": \"P0002\"");
    g_autoptr(RotaRoster) roster2 = load_roster(model2, drop_p5, ADD_P6);
    g_autofree char *p5 = NULL;
    g_autofree char *p6 = NULL;
    g_autofree char *s1 = NULL;
    g_autofree char *s2 = NULL;
    RotaExportStats stats;

    export_ok(model, roster, NOW, -1, &stats);
    export_ok(model2, roster2, "2026-12-01T12:00:00Z", -1, &stats);
    /* S001: 5 events in each of its segment, unit and 3 personal feeds. */
    ck_assert_int_eq(stats.events_changed, 15);
    ck_assert_int_eq(stats.events_cancelled, 3); /* P0005, U002, S002 */
    ck_assert_int_eq(stats.events_new, 3);       /* P0006, U002, S002 */
    ck_assert_int_eq(stats.events, 27 + 3);
    p5 = read_out(P5_FEED);
    ck_assert_int_eq(count_lines(p5, "BEGIN:VEVENT"), 2);
    ck_assert_int_eq(count_lines(p5, "STATUS:CANCELLED"), 1);
    ck_assert_int_eq(count_lines(p5, "SEQUENCE:1"), 1);
    ck_assert_int_eq(count_lines(p5, "SEQUENCE:0"), 1);
    ck_assert_int_eq(count_lines(p5, "DTSTAMP:20261130T080000Z"), 1);
    ck_assert_int_eq(count_lines(p5, "LAST-MODIFIED:20261201T120000Z"), 1);
    ck_assert_int_eq(count_lines(p5, "BEGIN:VALARM"), 1);
    ck_assert_ptr_nonnull(strstr(p5, "SUMMARY:【已取消】早高峰"));
    p6 = read_out(P6_FEED);
    ck_assert_int_eq(count_lines(p6, "BEGIN:VEVENT"), 1);
    ck_assert_int_eq(count_lines(p6, "SEQUENCE:0"), 1);
    s1 = read_out(ROTAP_FEEDS_DIR "/segment/S001.ics");
    ck_assert_int_eq(count_lines(s1, "SEQUENCE:1"), 5);
    ck_assert_int_eq(count_lines(s1, "STATUS:CONFIRMED"), 5);
    ck_assert_ptr_nonnull(strstr(s1, "路长：赵敏（P0002）"));
    s2 = read_out(ROTAP_FEEDS_DIR "/segment/S002.ics");
    ck_assert_int_eq(count_lines(s2, "SEQUENCE:0"), 4);
    ck_assert_int_eq(count_lines(s2, "SEQUENCE:1"), 1);
    ck_assert_int_eq(count_lines(s2, "DTSTAMP:20261130T080000Z"), 3);
}
END_TEST

/* A duty that comes back after its cancellation is published again, as
 * a change of the tombstone (SEQUENCE 2). */
START_TEST(test_revived)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(RotaRoster) roster2 = load_roster(model, drop_p5, NULL);
    g_autofree char *p5 = NULL;
    RotaExportStats stats;

    export_ok(model, roster, NOW, -1, &stats);
    export_ok(model, roster2, "2026-12-01T00:00:00Z", -1, &stats);
    ck_assert_int_eq(stats.events_cancelled, 3);
    export_ok(model, roster, "2026-12-01T01:00:00Z", -1, &stats);
    ck_assert_int_eq(stats.events_changed, 3);
    ck_assert_int_eq(stats.events_cancelled + stats.events_new, 0);
    p5 = read_out(P5_FEED);
    ck_assert_int_eq(count_lines(p5, "SEQUENCE:2"), 1);
    ck_assert_int_eq(count_lines(p5, "STATUS:CANCELLED"), 0);
}
END_TEST

/* Tombstones stay keep-cancelled days from the first cancellation; the
 * last event of a feed stays for good. */
START_TEST(test_tombstone_expiry)
{
    static const char *const drop_p3[] = {"\"P0003\"", NULL};
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(RotaRoster) roster2 = load_roster(model, drop_p3, NULL);
    g_autofree char *p3 = NULL;
    RotaExportStats stats;

    export_ok(model, roster, NOW, 10, &stats);
    export_ok(model, roster2, "2026-12-01T00:00:00Z", 10, &stats);
    ck_assert_int_eq(stats.events_cancelled, 6); /* 2 in each of P0003, U001, S001 */
    export_ok(model, roster2, "2026-12-10T23:59:59Z", 10, &stats);
    ck_assert_int_eq(stats.files_written, 0);
    ck_assert_int_eq(stats.events_expired, 0);
    export_ok(model, roster2, "2026-12-11T00:00:00Z", 10, &stats);
    /* U001 and S001 have live events left; P0003 keeps its latest one. */
    ck_assert_int_eq(stats.events_expired, 5);
    ck_assert_int_eq(stats.files_written, 3);
    p3 = read_out(P3_FEED);
    ck_assert_int_eq(count_lines(p3, "BEGIN:VEVENT"), 1);
    ck_assert_int_eq(count_lines(p3, "STATUS:CANCELLED"), 1);
    ck_assert_int_eq(count_lines(p3, "DTSTART;TZID=Asia/Shanghai:20261205T220000"), 1);
    ck_assert_int_eq(count_lines(p3, "DTEND;TZID=Asia/Shanghai:20261206T020000"), 1);
    export_ok(model, roster2, "2027-03-01T00:00:00Z", 10, &stats);
    ck_assert_int_eq(stats.files_written, 0);
}
END_TEST

/* A person who leaves the model keeps a feed: their events cancelled
 * (bare tombstones, their ids no longer resolve), not vanished. */
START_TEST(test_person_removed)
{
    static const char *const drop_p3[] = {"\"P0003\"", NULL};
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(RotaModel) model2 = load_model(
        "    { \"id\": \"P0003\", \"name\": \"李娜\", \"unit\": \"U001\", \"tags\": "
        "[\"volunteer\"] },\n",
        "");
    g_autoptr(RotaRoster) roster2 = load_roster(model2, drop_p3, NULL);
    g_autofree char *p3 = NULL;
    g_autofree char *index = NULL;
    RotaExportStats stats;

    ck_assert_int_eq(rota_model_get_n_people(model2), 5);
    export_ok(model, roster, NOW, -1, &stats);
    export_ok(model2, roster2, "2026-12-01T00:00:00Z", -1, &stats);
    ck_assert_int_eq(stats.feeds, 11);
    ck_assert_int_eq(stats.events_cancelled, 6);
    p3 = read_out(P3_FEED);
    ck_assert_int_eq(count_lines(p3, "STATUS:CANCELLED"), 2);
    ck_assert_int_eq(count_lines(p3, "SUMMARY:【已取消】值勤"), 2);
    ck_assert_int_eq(count_lines(p3, "NAME:李娜的值勤安排"), 1);
    ck_assert_int_eq(count_lines(p3, "DTEND;TZID=Asia/Shanghai:20261206T020000"), 1);
    index = read_out("index.json");
    ck_assert_ptr_null(strstr(index, "P0003"));
    assert_parses(P3_FEED);
}
END_TEST

/* A crash after the feeds but before the ledger: the next run from the
 * old ledger produces the same files again and writes only the ledger. */
START_TEST(test_crash_converges)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(RotaRoster) roster2 = load_roster(model, drop_p5, ADD_P6);
    g_autofree char *ledger_path = out_path(ROTAP_LEDGER_NAME);
    g_autofree char *old_ledger = NULL;
    g_autofree char *new_ledger = NULL;
    RotaExportStats stats;

    export_ok(model, roster, NOW, -1, &stats);
    old_ledger = read_out(ROTAP_LEDGER_NAME);
    export_ok(model, roster2, "2026-12-01T12:00:00Z", -1, &stats);
    new_ledger = read_out(ROTAP_LEDGER_NAME);
    ck_assert(g_file_set_contents(ledger_path, old_ledger, -1, NULL));
    export_ok(model, roster2, "2026-12-01T12:00:00Z", -1, &stats);
    ck_assert_int_eq(stats.files_written, 0);
    g_free(old_ledger);
    old_ledger = read_out(ROTAP_LEDGER_NAME);
    ck_assert_str_eq(old_ledger, new_ledger);
}
END_TEST

START_TEST(test_damaged_ledger)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autofree char *ledger_path = out_path(ROTAP_LEDGER_NAME);
    g_autoptr(GError) error = NULL;
    RotaExportStats stats;

    export_ok(model, roster, NOW, -1, &stats);
    ck_assert(
        g_file_set_contents(ledger_path, "{\"format\": \"rota-ical-ledger\"", -1, NULL));
    ck_assert(!export_at(model, roster, NOW, -1, &stats, &error));
    test_assert_error(&error, ROTA_ERROR_FORMAT, ledger_path);
}
END_TEST

/* ------------------------------------------------------------------ text */

/* Physical lines of folded text: each at most 75 octets, valid UTF-8 on
 * its own; unfolding gives back the original. */
static void
assert_folded(const char *line)
{
    GString *out = g_string_new(NULL);
    GString *unfolded = g_string_new(NULL);
    g_auto(GStrv) lines = NULL;
    int n;

    rotap_ical_append_folded(out, line, strlen(line));
    ck_assert(g_str_has_suffix(out->str, "\r\n"));
    g_string_truncate(out, out->len - 2);
    lines = g_strsplit(out->str, "\r\n", -1);
    n = (int)g_strv_length(lines);
    for (int i = 0; i < n; i++) {
        ck_assert_msg(strlen(lines[i]) <= 75, "line %d has %zu octets", i,
                      strlen(lines[i]));
        ck_assert_msg(g_utf8_validate(lines[i], -1, NULL), "line %d cuts a character", i);
        ck_assert(i == 0 || lines[i][0] == ' ');
        ck_assert(i == 0 || lines[i][1] != '\0');
        /* No fold between a backslash and what it escapes. */
        ck_assert(i == n - 1 || !g_str_has_suffix(lines[i], "\\") ||
                  g_str_has_suffix(lines[i], "\\\\"));
        g_string_append(unfolded, lines[i] + (i > 0));
    }
    ck_assert_str_eq(unfolded->str, line);
    g_string_free(out, TRUE);
    g_string_free(unfolded, TRUE);
}

START_TEST(test_folding)
{
    GString *line = g_string_new("DESCRIPTION:");

    assert_folded("SUMMARY:short");
    assert_folded("");
    /* Chinese (3 octets) after every possible ASCII offset. */
    for (int shift = 0; shift < 4; shift++) {
        g_string_assign(line, "DESCRIPTION:");
        for (int i = 0; i < shift; i++)
            g_string_append_c(line, 'x');
        for (int i = 0; i < 60; i++)
            g_string_append(line, i % 7 == 6 ? "\\n" : "值勤路段");
        g_string_append(line, "😀𠀋é");
        assert_folded(line->str);
    }
    g_string_assign(line, "LOCATION:");
    for (int i = 0; i < 40; i++)
        g_string_append(line, "a\\,\\;\\\\");
    assert_folded(line->str);
    g_string_free(line, TRUE);
}
END_TEST

START_TEST(test_text_escape)
{
    GString *out = g_string_new(NULL);

    rotap_ical_append_text(out, "a,b;c\\d\ne\r");
    ck_assert_str_eq(out->str, "a\\,b\\;c\\\\d\\ne");
    g_string_free(out, TRUE);
}
END_TEST

START_TEST(test_vtimezone)
{
    GDate date;
    g_autofree char *shanghai = NULL;
    g_autofree char *berlin = NULL;
    g_autoptr(GError) error = NULL;

    g_date_clear(&date, 1);
    g_date_set_dmy(&date, 1, G_DATE_DECEMBER, 2026);
    shanghai = rotap_ical_vtimezone("Asia/Shanghai", &date, 31, &error);
    ck_assert_ptr_nonnull(shanghai);
    ck_assert_int_eq(count_lines(shanghai, "TZID:Asia/Shanghai"), 1);
    ck_assert_int_eq(count_lines(shanghai, "TZOFFSETTO:+0800"), 1);
    ck_assert_int_eq(count_lines(shanghai, "BEGIN:STANDARD"), 1);
    ck_assert_int_eq(count_lines(shanghai, "BEGIN:DAYLIGHT"), 0);
    /* Berlin over March 2027: the switch to CEST at 01:00 UTC on 28 March. */
    g_date_set_dmy(&date, 1, G_DATE_MARCH, 2027);
    berlin = rotap_ical_vtimezone("Europe/Berlin", &date, 31, &error);
    ck_assert_ptr_nonnull(berlin);
    ck_assert_int_eq(count_lines(berlin, "BEGIN:DAYLIGHT"), 1);
    ck_assert_int_eq(count_lines(berlin, "DTSTART:20270328T020000"), 1);
    ck_assert_int_eq(count_lines(berlin, "TZOFFSETTO:+0200"), 1);
    ck_assert_ptr_null(rotap_ical_vtimezone("Mars/Olympus_Mons", &date, 31, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "time zone \"Mars/Olympus_Mons\"");
}
END_TEST

/* ------------------------------------------------------------------ libical */

static int
count_components(icalcomponent *parent, icalcomponent_kind kind)
{
    return icalcomponent_count_components(parent, kind);
}

/* Every feed parses with libical without an X-LIC-ERROR, each event's
 * DTSTART names the VTIMEZONE of the file, and no line is too long. */
static void
assert_parses(const char *relative)
{
    g_autofree char *text = read_out(relative);
    g_auto(GStrv) lines = g_strsplit(text, "\r\n", -1);
    icalcomponent *calendar;
    icalcomponent *event;
    icalcomponent *zone;

    for (int i = 0; lines[i] != NULL; i++) {
        ck_assert_msg(strlen(lines[i]) <= 75, "%s: line %d too long", relative, i + 1);
        ck_assert(g_utf8_validate(lines[i], -1, NULL));
        ck_assert(strchr(lines[i], '\n') == NULL);
    }
    icalerror_clear_errno();
    calendar = icalparser_parse_string(text);
    ck_assert_msg(calendar != NULL, "%s does not parse", relative);
    ck_assert_int_eq(icalcomponent_isa(calendar), ICAL_VCALENDAR_COMPONENT);
    ck_assert_msg(icalcomponent_count_errors(calendar) == 0, "%s: %s", relative,
                  icalcomponent_as_ical_string(calendar));
    ck_assert_int_eq(count_components(calendar, ICAL_VTIMEZONE_COMPONENT), 1);
    zone = icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT);
    ck_assert_str_eq(
        icalproperty_get_tzid(icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY)),
        "Asia/Shanghai");
    for (event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
         event != NULL;
         event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        icalproperty *start =
            icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
        icalparameter *tzid =
            icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER);

        ck_assert_str_eq(icalparameter_get_tzid(tzid), "Asia/Shanghai");
        ck_assert_ptr_nonnull(icalcomponent_get_uid(event));
        ck_assert_ptr_nonnull(icalcomponent_get_summary(event));
    }
    icalcomponent_free(calendar);
}

START_TEST(test_libical_parses)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(RotaModel) model2 =
        load_model("\"chief\": \"P0001\"", "\"chief\": \"P0002\"");
    g_autoptr(RotaRoster) roster2 = load_roster(model2, drop_p5, ADD_P6);
    g_autoptr(GPtrArray) feeds = NULL;
    RotaExportStats stats;

    export_ok(model, roster, NOW, -1, &stats);
    export_ok(model2, roster2, "2026-12-01T12:00:00Z", -1, &stats);
    feeds = list_feeds();
    for (guint i = 0; i < feeds->len; i++)
        assert_parses(g_ptr_array_index(feeds, i));
}
END_TEST

/* Unit and segment feeds hold one event per team (date, shift, segment,
 * duty) naming its people and without a reminder; personal feeds one per
 * assignment, with one.  Two events of one feed never differ only in UID. */
START_TEST(test_events_distinct)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autofree char *u1 = NULL;
    g_autofree char *s1 = NULL;
    g_autofree char *p3 = NULL;
    RotaExportStats stats;

    export_ok(model, roster, NOW, -1, &stats);
    u1 = read_out(ROTAP_FEEDS_DIR "/unit/U001.ics");
    ck_assert_int_eq(count_lines(u1, "SUMMARY:早高峰 · 人民路(东风街—解放街) · 李娜"), 1);
    ck_assert_int_eq(count_lines(u1, "SUMMARY:早高峰 · 人民路(东风街—解放街) · 赵敏"), 1);
    ck_assert_int_eq(count_lines(u1, "BEGIN:VALARM"), 0);
    s1 = read_out(ROTAP_FEEDS_DIR "/segment/S001.ics");
    ck_assert_int_eq(count_lines(s1, "BEGIN:VEVENT"), 5);
    ck_assert_int_eq(count_lines(s1, "BEGIN:VALARM"), 0);
    ck_assert_int_eq(count_lines(s1, "UID:"), 5);
    p3 = read_out(P3_FEED);
    ck_assert_int_eq(count_lines(p3, "BEGIN:VEVENT"), 2);
    ck_assert_int_eq(count_lines(p3, "BEGIN:VALARM"), 2);
}
END_TEST

/* Unfolded content lines of text ("\r\n " joins), for names that fold. */
static char *
unfold(const char *text)
{
    g_auto(GStrv) parts = g_strsplit(text, "\r\n ", -1);

    return g_strjoinv("", parts);
}

/* The line of text that starts with prefix, or NULL (a copy). */
static char *
line_with(const char *text, const char *prefix)
{
    g_auto(GStrv) lines = g_strsplit(text, "\r\n", -1);

    for (int i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix(lines[i], prefix))
            return g_strdup(lines[i]);
    return NULL;
}

/* P0002 joins P0003's rush hour on 12-01 at S001: the team event of U001
 * and S001 keeps its UID, names both (ordered by id) and raises SEQUENCE;
 * P0002 gets a personal event with its reminder; nothing is cancelled. */
#define ADD_P2                                                                           \
    "{ \"date\": \"2026-12-01\", \"shift\": \"am\", \"segment\": \"S001\", \"person\": " \
    "\"P0002\", \"duty\": \"rush-am\" }"

START_TEST(test_team_changes)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(RotaRoster) roster2 = load_roster(model, NULL, ADD_P2);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *uid_before = NULL;
    g_autofree char *uid_after = NULL;
    g_autofree char *u1 = NULL;
    RotaExportStats stats;

    export_ok(model, roster, NOW, -1, &stats);
    before = read_out(ROTAP_FEEDS_DIR "/segment/S001.ics");
    uid_before = line_with(before, "UID:");
    export_ok(model, roster2, "2026-12-01T00:00:00Z", -1, &stats);
    ck_assert_int_eq(stats.events_new, 1);     /* P0002's own */
    ck_assert_int_eq(stats.events_changed, 2); /* the team in U001 and S001 */
    ck_assert_int_eq(stats.events_cancelled, 0);
    ck_assert_int_eq(stats.events, 28);
    after = read_out(ROTAP_FEEDS_DIR "/segment/S001.ics");
    uid_after = line_with(after, "UID:");
    ck_assert_str_eq(uid_before, uid_after);
    ck_assert_int_eq(count_lines(after, "BEGIN:VEVENT"), 5);
    ck_assert_int_eq(count_lines(after, "SEQUENCE:1"), 1);
    ck_assert_int_eq(count_lines(after, "STATUS:CANCELLED"), 0);
    ck_assert_int_eq(
        count_lines(after, "SUMMARY:早高峰 · 人民路(东风街—解放街) · 赵敏、李娜"), 1);
    {
        g_autofree char *folded = read_out(ROTAP_FEEDS_DIR "/segment/S001.ics");

        g_free(after);
        after = unfold(folded);
    }
    ck_assert_ptr_nonnull(strstr(after,
                                 "值勤人员（2人）：赵敏（P0002，县住房和城乡建设局）、"
                                 "李娜（P0003，县住房和城乡建设局）"));
    u1 = read_out(ROTAP_FEEDS_DIR "/unit/U001.ics");
    ck_assert_int_eq(count_lines(u1, "SEQUENCE:1"), 1);
    ck_assert_int_eq(count_lines(u1, "BEGIN:VALARM"), 0);
    /* Back to one person: changed again, not cancelled. */
    export_ok(model, roster, "2026-12-01T01:00:00Z", -1, &stats);
    ck_assert_int_eq(stats.events_changed, 2);
    ck_assert_int_eq(stats.events_cancelled, 1); /* P0002's own */
    g_free(after);
    after = read_out(ROTAP_FEEDS_DIR "/segment/S001.ics");
    ck_assert_int_eq(count_lines(after, "SEQUENCE:2"), 1);
    ck_assert_int_eq(count_lines(after, "SUMMARY:早高峰 · 人民路(东风街—解放街) · 李娜"),
                     1);
}
END_TEST

/* Copy the fixture folder src (under the source tree) into dst. */
static void
copy_fixture(const char *src, const char *dst)
{
    g_autofree char *from = test_srcdir_path(src);
    GDir *dir = g_dir_open(from, 0, NULL);
    const char *name;

    ck_assert_msg(dir != NULL, "cannot open %s", from);
    ck_assert_int_eq(g_mkdir_with_parents(dst, 0755), 0);
    while ((name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *child_src = g_build_filename(src, name, NULL);
        g_autofree char *child_from = g_build_filename(from, name, NULL);
        g_autofree char *child_dst = g_build_filename(dst, name, NULL);
        g_autofree char *data = NULL;
        gsize length = 0;

        if (g_file_test(child_from, G_FILE_TEST_IS_DIR)) {
            copy_fixture(child_src, child_dst);
            continue;
        }
        ck_assert(g_file_get_contents(child_from, &data, &length, NULL));
        ck_assert(g_file_set_contents(child_dst, data, (gssize)length, NULL));
    }
    g_dir_close(dir);
}

/*
 * The upgrade: golden-v1 is this fixture as rota published it before team
 * events (one event per assignment in every feed, ledger version 1).
 * Re-exporting the same roster into that folder cancels each per-person
 * event of the unit and segment feeds (STATUS:CANCELLED, SEQUENCE 1, the
 * person still named) beside the new team events, leaves the personal
 * feeds byte for byte but for the renamed unnamed duty, and then
 * converges; the tombstones expire as any.
 */
START_TEST(test_upgrade_from_v1)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autofree char *s1 = NULL;
    g_autofree char *p3 = NULL;
    g_autofree char *p3_v1 = NULL;
    g_autofree char *ledger = NULL;
    RotaExportStats stats;

    copy_fixture("tests/data/ics/golden-v1", tmp_dir);
    ledger = read_out(ROTAP_LEDGER_NAME);
    ck_assert_ptr_nonnull(strstr(ledger, "\"version\": 1,"));
    g_clear_pointer(&ledger, g_free);
    export_ok(model, roster, "2026-12-01T00:00:00Z", 30, &stats);
    /* 9 cancelled in the units' feeds and 9 in the segments', their teams new */
    ck_assert_int_eq(stats.events_cancelled, 18);
    ck_assert_int_eq(stats.events_new, 18);
    /* The one event whose text changed: P0003's unnamed duty "patrol" is
     * called by its shift's name (夜间巡查) now, as in score messages. */
    ck_assert_int_eq(stats.events_changed, 1);
    ck_assert_int_eq(stats.events, 9 + 18 + 18);
    /* U001, U002, S001, S002, P0003; the other personal feeds, S003 (no
     * duty) and index.json are left as they were (the ledger is not
     * counted). */
    ck_assert_int_eq(stats.files_written, 5);
    ck_assert_int_eq(stats.files_unchanged, 5 + 1 + 1);
    p3 = read_out(P5_FEED);
    p3_v1 = test_read_srcdir_file("tests/data/ics/golden-v1/" P5_FEED, NULL);
    ck_assert_str_eq(p3, p3_v1);
    g_free(p3);
    p3 = read_out(P3_FEED);
    ck_assert_int_eq(count_lines(p3, "SUMMARY:夜间巡查 · 人民路(东风街—解放街)"), 1);
    ck_assert_int_eq(count_lines(p3, "SEQUENCE:1"), 1);
    s1 = read_out(ROTAP_FEEDS_DIR "/segment/S001.ics");
    ck_assert_int_eq(count_lines(s1, "BEGIN:VEVENT"), 10);
    ck_assert_int_eq(count_lines(s1, "STATUS:CANCELLED"), 5);
    ck_assert_int_eq(count_lines(s1, "SEQUENCE:1"), 5);
    ck_assert_int_eq(count_lines(s1, "STATUS:CONFIRMED"), 5);
    ck_assert_int_eq(count_lines(s1, "SEQUENCE:0"), 5);
    ck_assert_int_eq(count_lines(s1, "BEGIN:VALARM"), 0);
    ck_assert_int_eq(count_lines(s1, "SUMMARY:早高峰 · 人民路(东风街—解放街) · 李娜"), 1);
    ck_assert_int_eq(count_lines(s1, "LAST-MODIFIED:20261201T000000Z"), 10);
    {
        g_autofree char *flat = unfold(s1);

        ck_assert_int_eq(
            count_lines(flat, "SUMMARY:【已取消】李娜 · 早高峰 · 人民路(东风街—解放街)"),
            1);
    }
    ledger = read_out(ROTAP_LEDGER_NAME);
    ck_assert_ptr_nonnull(strstr(ledger, "\"version\": 2,"));
    assert_parses(ROTAP_FEEDS_DIR "/segment/S001.ics");
    /* Again: nothing to do. */
    export_ok(model, roster, "2026-12-02T00:00:00Z", 30, &stats);
    ck_assert_int_eq(stats.files_written, 0);
    ck_assert_int_eq(stats.events_new + stats.events_changed + stats.events_cancelled, 0);
    /* Past --keep-cancelled the per-person tombstones go; the teams stay. */
    export_ok(model, roster, "2027-01-01T00:00:00Z", 30, &stats);
    ck_assert_int_eq(stats.events_expired, 18);
    ck_assert_int_eq(stats.events, 27);
    g_free(s1);
    s1 = read_out(ROTAP_FEEDS_DIR "/segment/S001.ics");
    ck_assert_int_eq(count_lines(s1, "BEGIN:VEVENT"), 5);
    ck_assert_int_eq(count_lines(s1, "STATUS:CANCELLED"), 0);
}
END_TEST

/* ------------------------------------------------------------------ publish */

/* DIR/feeds, the published folder, holds the three feed folders only, and
 * no feed in it names a personal token (its own included). */
START_TEST(test_feeds_private)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(GPtrArray) feeds = NULL;
    g_autofree char *top = out_path(ROTAP_FEEDS_DIR);
    g_autoptr(GDir) dir = NULL;
    g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(RotaFeedWriter) writer = rota_feed_writer_new(model);
    g_autofree char *secret = test_srcdir_path("tests/data/ics/secret.key");
    const char *name;
    int n = 0;

    export_ok(model, roster, NOW, -1, NULL);
    dir = g_dir_open(top, 0, NULL);
    ck_assert_ptr_nonnull(dir);
    while ((name = g_dir_read_name(dir)) != NULL) {
        ck_assert_msg(strcmp(name, "person") == 0 || strcmp(name, "unit") == 0 ||
                          strcmp(name, "segment") == 0,
                      "feeds/%s published", name);
        n++;
    }
    ck_assert_int_eq(n, 3);
    ck_assert(rota_feed_writer_set_secret_file(writer, secret, NULL));
    for (int i = 0; i < rota_model_get_n_people(model); i++) {
        g_autofree char *path = rota_feed_writer_dup_person_path(writer, i);

        /* person/ID-TOKEN.ics */
        ck_assert(g_str_has_suffix(path, ".ics") && strrchr(path, '-') != NULL);
        g_ptr_array_add(tokens, g_strndup(strrchr(path, '-') + 1, 24));
    }
    feeds = list_feeds();
    ck_assert_int_eq(feeds->len, 11);
    for (guint f = 0; f < feeds->len; f++) {
        g_autofree char *text = read_out(g_ptr_array_index(feeds, f));

        for (guint t = 0; t < tokens->len; t++)
            ck_assert_msg(strstr(text, g_ptr_array_index(tokens, t)) == NULL,
                          "%s names token %s", (char *)g_ptr_array_index(feeds, f),
                          (char *)g_ptr_array_index(tokens, t));
    }
}
END_TEST

/* A second export while DIR/.rota-lock is locked fails at once; the next
 * one removes a crashed run's temporary files and rewrites nothing. */
START_TEST(test_lock_and_stale)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autofree char *lock_path = out_path(ROTAP_LOCK_NAME);
    g_autofree char *kept = out_path("notes.tmp-keep");
    static const char *const stale[] = {ROTAP_FEEDS_DIR "/" P3_PATH ".tmp-Ab12Cd",
                                        ROTAP_FEEDS_DIR "/unit/U001.ics.tmp-zz99ZZ",
                                        "index.json.tmp-q1w2e3",
                                        ROTAP_LEDGER_NAME ".a1B2c3"};
    g_autoptr(GError) error = NULL;
    RotaExportStats stats;
    int fd;

    export_ok(model, roster, NOW, -1, NULL);
    fd = open(lock_path, O_RDWR | O_CLOEXEC);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(flock(fd, LOCK_EX | LOCK_NB), 0);
    ck_assert(!export_at(model, roster, NOW, -1, &stats, &error));
    ck_assert_ptr_nonnull(error);
    ck_assert_ptr_nonnull(strstr(error->message, ": another export into this folder"));
    test_assert_error(&error, ROTA_ERROR_IO, tmp_dir);
    close(fd);
    for (gsize i = 0; i < G_N_ELEMENTS(stale); i++) {
        g_autofree char *path = out_path(stale[i]);

        ck_assert(g_file_set_contents(path, "x", -1, NULL));
    }
    ck_assert(g_file_set_contents(kept, "x", -1, NULL));
    export_ok(model, roster, NOW, -1, &stats);
    ck_assert_int_eq(stats.files_written, 0);
    ck_assert_int_eq(stats.files_unchanged, 12);
    for (gsize i = 0; i < G_N_ELEMENTS(stale); i++) {
        g_autofree char *path = out_path(stale[i]);

        ck_assert_msg(!g_file_test(path, G_FILE_TEST_EXISTS), "%s left", stale[i]);
    }
    ck_assert(g_file_test(kept, G_FILE_TEST_EXISTS));
}
END_TEST

/* ------------------------------------------------------------------ secret */

START_TEST(test_secret_created)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaFeedWriter) writer = rota_feed_writer_new(model);
    g_autoptr(RotaFeedWriter) again = rota_feed_writer_new(model);
    g_autofree char *path = out_path("new.secret");
    g_autofree char *text = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    GStatBuf st;

    ck_assert(rota_feed_writer_set_secret_file(writer, path, NULL));
    ck_assert_int_eq(g_stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    text = read_out("new.secret");
    ck_assert_int_eq(strlen(text), 65);
    ck_assert(rota_feed_writer_set_secret_file(again, path, NULL));
    first = rota_feed_writer_dup_person_path(writer, 0);
    second = rota_feed_writer_dup_person_path(again, 0);
    ck_assert_str_eq(first, second);
    ck_assert_str_ne(first, "person/P0001-d3feea82455e24f7588413e3.ics");
}
END_TEST

START_TEST(test_secret_errors)
{
    g_autoptr(RotaModel) model = load_model(NULL, NULL);
    g_autoptr(RotaRoster) roster = load_roster(model, NULL, NULL);
    g_autoptr(RotaFeedWriter) writer = rota_feed_writer_new(model);
    g_autofree char *path = out_path("short.secret");
    g_autofree char *nowhere = out_path("no/such/dir/key");
    g_autoptr(GError) error = NULL;

    ck_assert(!rota_feed_writer_export(writer, roster, tmp_dir, NULL, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, "no secret key");
    ck_assert(g_file_set_contents(path, "too short\n", -1, NULL));
    ck_assert(!rota_feed_writer_set_secret_file(writer, path, &error));
    test_assert_error(&error, ROTA_ERROR_INVALID, path);
    ck_assert(!rota_feed_writer_set_secret_file(writer, nowhere, &error));
    test_assert_error(&error, ROTA_ERROR_IO, nowhere);
}
END_TEST

static Suite *
ical_suite(void)
{
    Suite *suite = suite_create("ical");
    TCase *tc;

    tc = tcase_create("golden");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_golden);
    tcase_add_test(tc, test_paths);
    tcase_add_test(tc, test_events_distinct);
    suite_add_tcase(suite, tc);

    tc = tcase_create("republish");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_reexport_unchanged);
    tcase_add_test(tc, test_changed_roster);
    tcase_add_test(tc, test_revived);
    tcase_add_test(tc, test_tombstone_expiry);
    tcase_add_test(tc, test_crash_converges);
    tcase_add_test(tc, test_person_removed);
    tcase_add_test(tc, test_damaged_ledger);
    tcase_add_test(tc, test_team_changes);
    tcase_add_test(tc, test_upgrade_from_v1);
    suite_add_tcase(suite, tc);

    tc = tcase_create("text");
    tcase_add_test(tc, test_folding);
    tcase_add_test(tc, test_text_escape);
    tcase_add_test(tc, test_vtimezone);
    suite_add_tcase(suite, tc);

    tc = tcase_create("clients");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_libical_parses);
    suite_add_tcase(suite, tc);

    tc = tcase_create("publish");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_feeds_private);
    tcase_add_test(tc, test_lock_and_stale);
    suite_add_tcase(suite, tc);

    tc = tcase_create("secret");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_secret_created);
    tcase_add_test(tc, test_secret_errors);
    suite_add_tcase(suite, tc);
    return suite;
}

int
main(void)
{
    return test_run_suite(ical_suite());
}
