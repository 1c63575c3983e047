/* SPDX-License-Identifier: MIT */
/* ical-export.c: one publication: feeds, index.json, ledger, each written atomically. */
#define _GNU_SOURCE /* syncfs() */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "i18n-private.h"
#include "ical-private.h"
#include "formats/json-private.h"
#include "roster-private.h"
#include "util-private.h"

/* The assignments of each feed, as borrowed pointers into the roster. */
typedef struct {
    GPtrArray **person, **unit, **segment;
} Groups;

typedef struct {
    RotaFeedWriter *writer;
    const char *dir; /* index.json, the ledger, the lock */
    char *feeds;     /* dir/feeds: the published folder */
    char *staging;   /* dir/.rota-staging: temporary files, never published */
    RotapFeedContext ctx;
    RotapLedger *previous;
    RotapLedger *next;
    guint n_teams;
} Export;

static GPtrArray **
new_lists(int n)
{
    GPtrArray **lists = g_new0(GPtrArray *, n > 0 ? n : 1);

    for (int i = 0; i < n; i++)
        lists[i] = g_ptr_array_new();
    return lists;
}

static void
free_lists(GPtrArray **lists, int n)
{
    for (int i = 0; i < n; i++)
        g_ptr_array_unref(lists[i]);
    g_free(lists);
}

/* A unit's feed holds the duties at its segments (on-site hours included)
 * and the duties its members do elsewhere (inspections, home community). */
static void
group(const RotaModel *model, const RotaRoster *roster, Groups *g)
{
    g->person = new_lists(model->n_people);
    g->unit = new_lists(model->n_units);
    g->segment = new_lists(model->n_segments);
    for (guint i = 0; i < roster->assignments->len; i++) {
        RotaAssignment *a = &g_array_index(roster->assignments, RotaAssignment, i);
        int owner = model->segments[a->segment].unit;
        int own = model->people[a->person].unit;

        g_ptr_array_add(g->person[a->person], a);
        g_ptr_array_add(g->segment[a->segment], a);
        if (owner >= 0)
            g_ptr_array_add(g->unit[owner], a);
        if (own >= 0 && own != owner)
            g_ptr_array_add(g->unit[own], a);
    }
}

/*
 * A file whose bytes would not change is left alone (its mtime too, so
 * that a web server's ETag stays); others are replaced by rename from a
 * temporary file in DIR/.rota-staging (same file system, outside the
 * published DIR/feeds: nothing partial is ever served).  No fsync here:
 * export() syncs the file system once before it writes the ledger.
 */
static gboolean
write_if_changed(Export *e, const char *base, const char *relative, const char *data,
                 gsize length, GError **error)
{
    g_autofree char *path = g_build_filename(base, relative, NULL);
    g_autofree char *old = NULL;
    gsize old_length = 0;

    if (g_file_get_contents(path, &old, &old_length, NULL) && old_length == length &&
        memcmp(old, data, length) == 0) {
        e->ctx.stats->files_unchanged++;
        return TRUE;
    }
    if (!rotap_write_file_staged(path, e->staging, data, length, FALSE, error))
        return FALSE;
    e->ctx.stats->files_written++;
    return TRUE;
}

static gboolean
publish_feed(Export *e, char *path, RotapFeedKind kind, const char *name, GPtrArray *list,
             GError **error)
{
    const RotapLedgerFeed *previous = g_hash_table_lookup(e->previous->by_path, path);
    RotapLedgerFeed *next = NULL;
    GString *text;
    gboolean ok;

    text = rotap_ical_build_feed(&e->ctx, path, kind, name,
                                 list != NULL ? (const RotaAssignment *const *)list->pdata
                                              : NULL,
                                 list != NULL ? (int)list->len : 0, previous, &next);
    rotap_ledger_add(e->next, next);
    e->ctx.stats->feeds++;
    ok = write_if_changed(e, e->feeds, path, text->str, text->len, error);
    g_string_free(text, TRUE);
    g_free(path);
    return ok;
}

static gboolean
publish_model_feeds(Export *e, const Groups *g, GError **error)
{
    const RotaModel *model = e->ctx.model;

    for (int i = 0; i < model->n_people; i++) {
        g_autofree char *name = rotap_ical_feed_name(model, ROTAP_FEED_PERSON, i);

        if (!publish_feed(e, rota_feed_writer_dup_person_path(e->writer, i),
                          ROTAP_FEED_PERSON, name, g->person[i], error))
            return FALSE;
    }
    for (int i = 0; i < model->n_units; i++) {
        g_autofree char *name = rotap_ical_feed_name(model, ROTAP_FEED_UNIT, i);

        if (!publish_feed(e, rota_feed_writer_dup_unit_path(e->writer, i),
                          ROTAP_FEED_UNIT, name, g->unit[i], error))
            return FALSE;
    }
    for (int i = 0; i < model->n_segments; i++) {
        g_autofree char *name = rotap_ical_feed_name(model, ROTAP_FEED_SEGMENT, i);

        if (!publish_feed(e, rota_feed_writer_dup_segment_path(e->writer, i),
                          ROTAP_FEED_SEGMENT, name, g->segment[i], error))
            return FALSE;
    }
    return TRUE;
}

/* A path from the ledger stays inside the folder. */
static gboolean
safe_path(const char *path)
{
    return path[0] != '/' && strstr(path, "..") == NULL &&
           (g_str_has_prefix(path, "person/") || g_str_has_prefix(path, "unit/") ||
            g_str_has_prefix(path, "segment/"));
}

/* Feeds of people, units or segments that left the model keep being
 * published (their events cancelled), so that their subscribers learn it. */
static gboolean
publish_orphans(Export *e, GError **error)
{
    for (guint i = 0; i < e->previous->feeds->len; i++) {
        const RotapLedgerFeed *old = g_ptr_array_index(e->previous->feeds, i);

        if (g_hash_table_contains(e->next->by_path, old->path) || !safe_path(old->path))
            continue;
        if (!publish_feed(e, g_strdup(old->path), old->kind, old->name, NULL, error))
            return FALSE;
    }
    return TRUE;
}

static void
append_entry(GString *out, const char *id, char *path, const char *name, int unit,
             const RotaModel *model, gboolean last)
{
    g_string_append(out, "    ");
    rotap_json_append_string(out, id);
    g_string_append(out, ": {\"path\": ");
    rotap_json_append_string(out, path);
    g_string_append(out, ", \"name\": ");
    rotap_json_append_string(out, name);
    if (unit != -2) {
        g_string_append(out, ", \"unit\": ");
        if (unit >= 0)
            rotap_json_append_string(out, model->units[unit].id);
        else
            g_string_append(out, "null");
    }
    g_string_append(out, last ? "}\n" : "},\n");
    g_free(path);
}

/* index.json, for coordinators: every person, unit and segment id with
 * its feed's path relative to DIR/feeds (the URL path where DIR/feeds is
 * served), its name and (people, segments) its unit.  It names the
 * personal tokens, hence it lies outside DIR/feeds. */
static char *
index_json(RotaFeedWriter *writer, gsize *length)
{
    const RotaModel *m = writer->model;
    GString *out = g_string_new("{\n  \"format\": \"rota-feeds\",\n  \"version\": 1,\n"
                                "  \"model\": ");

    rotap_json_append_string(out, m->name != NULL ? m->name : "");
    g_string_append(out, ",\n  \"timezone\": ");
    rotap_json_append_string(out, m->timezone);
    g_string_append(out, ",\n  \"people\": {\n");
    for (int i = 0; i < m->n_people; i++)
        append_entry(out, m->people[i].id, rota_feed_writer_dup_person_path(writer, i),
                     m->people[i].name, m->people[i].unit, m, i == m->n_people - 1);
    g_string_append(out, "  },\n  \"units\": {\n");
    for (int i = 0; i < m->n_units; i++)
        append_entry(out, m->units[i].id, rota_feed_writer_dup_unit_path(writer, i),
                     m->units[i].name, -2, m, i == m->n_units - 1);
    g_string_append(out, "  },\n  \"segments\": {\n");
    for (int i = 0; i < m->n_segments; i++)
        append_entry(out, m->segments[i].id, rota_feed_writer_dup_segment_path(writer, i),
                     m->segments[i].name, m->segments[i].unit, m, i == m->n_segments - 1);
    g_string_append(out, "  }\n}\n");
    *length = out->len;
    return g_string_free(out, FALSE);
}

static const char *const folder_names[] = {"person", "unit", "segment", NULL};

/* base itself (folders NULL) or each of its sub-folders, created as needed. */
static gboolean
make_folders(const char *base, const char *const *folders, GError **error)
{
    static const char *const none[] = {"", NULL};

    if (folders == NULL)
        folders = none;
    for (gsize i = 0; folders[i] != NULL; i++) {
        g_autofree char *path = g_build_filename(base, folders[i], NULL);

        if (g_mkdir_with_parents(path, 0755) != 0) {
            int saved = errno;

            g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot create: %s"),
                        path, g_strerror(saved));
            return FALSE;
        }
    }
    return TRUE;
}

/* Exports into one folder exclude each other through a non-blocking
 * flock() on DIR/.rota-lock, held until the export returns: a second
 * export fails at once rather than interleaving its files with the first.
 * Returns the locked descriptor, or -1 and error. */
static int
lock_folder(const char *dir, GError **error)
{
    g_autofree char *path = g_build_filename(dir, ROTAP_LOCK_NAME, NULL);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    int saved;

    if (fd < 0) {
        saved = errno;
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot create: %s"), path,
                    g_strerror(saved));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) == 0)
        return fd;
    saved = errno;
    close(fd);
    if (saved == EWOULDBLOCK)
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO,
                    _("%s: another export into this folder is running (%s is locked)"),
                    dir, path);
    else
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot lock: %s"), path,
                    g_strerror(saved));
    return -1;
}

/* The temporary files of this writer: FILE.tmp-XXXXXX (feeds, index.json)
 * and .rota-ledger.json.XXXXXX (rotap_write_file_atomic()), XXXXXX being
 * six letters or digits. */
static gboolean
is_temporary(const char *name)
{
    gsize n = strlen(name);
    gsize ledger = strlen(ROTAP_LEDGER_NAME);

    if (n < 7)
        return FALSE;
    for (gsize i = n - 6; i < n; i++)
        if (!g_ascii_isalnum(name[i]))
            return FALSE;
    return (n > 11 && strncmp(name + n - 11, ".tmp-", 5) == 0) ||
           (n == ledger + 7 && strncmp(name, ROTAP_LEDGER_NAME ".", ledger + 1) == 0);
}

/* Temporary files left by a crashed export are removed: everything in
 * DIR/.rota-staging, and the FILE.tmp-XXXXXX of earlier versions beside
 * the feeds; under the lock, no running export owns one.  A file that
 * cannot be removed is left: it harms nothing but space. */
static void
remove_stale(const Export *e)
{
    GDir *staging = g_dir_open(e->staging, 0, NULL);
    const char *entry;

    while (staging != NULL && (entry = g_dir_read_name(staging)) != NULL) {
        g_autofree char *child = g_build_filename(e->staging, entry, NULL);

        g_unlink(child);
    }
    if (staging != NULL)
        g_dir_close(staging);

    /* folder_names ends in NULL: index 0 stands for dir itself. */
    for (gsize i = 0; i < G_N_ELEMENTS(folder_names); i++) {
        g_autofree char *path =
            i == 0 ? g_strdup(e->dir)
                   : g_build_filename(e->feeds, folder_names[i - 1], NULL);
        GDir *dir = g_dir_open(path, 0, NULL);
        const char *name;

        while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
            g_autofree char *child = NULL;

            if (!is_temporary(name))
                continue;
            child = g_build_filename(path, name, NULL);
            g_unlink(child);
        }
        if (dir != NULL)
            g_dir_close(dir);
    }
}

/* Every feed and index.json reach the disk before the ledger that
 * describes them, so the ledger never runs ahead of the files. */
static gboolean
write_ledger(Export *e, GError **error)
{
    g_autofree char *path = g_build_filename(e->dir, ROTAP_LEDGER_NAME, NULL);
    g_autofree char *old = NULL;
    gsize old_length = 0;
    gsize length = 0;
    g_autofree char *data = rotap_ledger_to_data(e->next, &length);
    int fd;

    if (g_file_get_contents(path, &old, &old_length, NULL) && old_length == length &&
        memcmp(old, data, length) == 0)
        return TRUE;
    fd = open(e->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        syncfs(fd);
        close(fd);
    }
    return rotap_write_file_staged(path, e->staging, data, length, TRUE, error);
}

static int
compare_person_ids(gconstpointer a, gconstpointer b, gpointer model)
{
    const RotaModel *m = model;

    return strcmp(m->people[*(const int *)a].id, m->people[*(const int *)b].id);
}

/* The team of assignment i: found by its ledger key (the ids with person
 * ROTAP_TEAM_PERSON), or started. */
static int
find_team(Export *e, GArray *teams, GHashTable *by_key, guint i)
{
    char **ids = e->ctx.ids[i];
    const char *team_ids[ROTAP_N_IDS] = {ids[0], ids[1], ids[2], ROTAP_TEAM_PERSON,
                                         ids[4]};
    char *key = rotap_ledger_make_key(team_ids, e->ctx.starts[i], e->ctx.ends[i]);
    gpointer found = g_hash_table_lookup(by_key, key);
    RotapTeam team = {.first = (int)i};

    if (found != NULL) {
        g_free(key);
        return GPOINTER_TO_INT(found) - 1;
    }
    team.key = rotap_ledger_intern_key(e->next, e->ctx.key_index, key);
    team.people = g_array_new(FALSE, FALSE, sizeof(int));
    g_array_append_val(teams, team);
    g_hash_table_insert(by_key, key, GINT_TO_POINTER((int)teams->len));
    return (int)teams->len - 1;
}

/* The teams: the people of each (date, shift, segment, duty) of the
 * roster, ascending by id, each once; their keys follow the assignments'
 * in the new ledger. */
static void
prepare_teams(Export *e, guint n)
{
    const RotaModel *model = e->ctx.model;
    GArray *teams = g_array_new(FALSE, TRUE, sizeof(RotapTeam));
    g_autoptr(GHashTable) by_key =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    e->ctx.team_of = g_new0(int, n + 1);
    for (guint i = 0; i < n; i++)
        e->ctx.team_of[i] = find_team(e, teams, by_key, i);
    for (guint i = 0; i < n; i++) {
        RotapTeam *team = &g_array_index(teams, RotapTeam, e->ctx.team_of[i]);
        int person = e->ctx.first[i].person;
        gboolean seen = FALSE;

        for (guint k = 0; k < team->people->len && !seen; k++)
            seen = g_array_index(team->people, int, k) == person;
        if (!seen)
            g_array_append_val(team->people, person);
    }
    for (guint t = 0; t < teams->len; t++)
        g_array_sort_with_data(g_array_index(teams, RotapTeam, t).people,
                               compare_person_ids, (gpointer)model);
    e->n_teams = teams->len;
    e->ctx.teams = (RotapTeam *)(gpointer)g_array_free(teams, FALSE);
}

/* Per assignment: its ids, local start and end, and its ledger key (key k
 * of the new ledger is assignment k); then the teams. */
static void
prepare_keys(Export *e, const RotaRoster *roster)
{
    const RotaModel *model = e->ctx.model;
    guint n = roster->assignments->len;

    e->ctx.first = (const RotaAssignment *)(gpointer)roster->assignments->data;
    e->ctx.ids = g_new0(char **, n + 1);
    e->ctx.starts = g_new0(char *, n + 1);
    e->ctx.ends = g_new0(char *, n + 1);
    e->ctx.details = g_new0(char *, n + 1);
    for (guint i = 0; i < n; i++) {
        const RotaAssignment *a = &e->ctx.first[i];
        const RotapShift *shift = &model->shifts[a->shift];
        char **ids = g_new0(char *, ROTAP_N_IDS + 1);
        GDate date = model->start;

        ids[0] = rota_model_dup_date(model, a->day);
        ids[1] = g_strdup(shift->id);
        ids[2] = g_strdup(model->segments[a->segment].id);
        ids[3] = g_strdup(model->people[a->person].id);
        ids[4] =
            g_strdup(a->duty == ROTA_DUTY_ONSITE ? "onsite" : model->duties[a->duty].id);
        g_date_add_days(&date, (guint)a->day);
        e->ctx.starts[i] = rotap_ical_local_time(&date, shift->start);
        e->ctx.ends[i] = rotap_ical_local_time(&date, shift->start + shift->minutes);
        e->ctx.ids[i] = ids;
        g_ptr_array_add(e->next->keys,
                        rotap_ledger_make_key((const char *const *)ids, e->ctx.starts[i],
                                              e->ctx.ends[i]));
    }
    prepare_teams(e, n);
}

static void
free_keys(Export *e, guint n)
{
    for (guint i = 0; i < n; i++)
        g_strfreev(e->ctx.ids[i]);
    g_free(e->ctx.ids);
    g_strfreev(e->ctx.starts);
    g_strfreev(e->ctx.ends);
    for (guint i = 0; i < n; i++)
        g_free(e->ctx.details[i]);
    g_free(e->ctx.details);
    for (guint t = 0; t < e->n_teams; t++) {
        g_array_unref(e->ctx.teams[t].people);
        g_free(e->ctx.teams[t].details);
    }
    g_free(e->ctx.teams);
    g_free(e->ctx.team_of);
}

static gboolean
run(Export *e, const RotaRoster *roster, GError **error)
{
    const RotaModel *model = e->ctx.model;
    g_autofree char *index = NULL;
    gsize length = 0;
    Groups g;
    gboolean ok;

    e->ctx.key_index = g_hash_table_new(g_str_hash, g_str_equal);
    prepare_keys(e, roster);
    group(model, roster, &g);
    ok = publish_model_feeds(e, &g, error) && publish_orphans(e, error);
    g_hash_table_destroy(e->ctx.key_index);
    free_keys(e, roster->assignments->len);
    free_lists(g.person, model->n_people);
    free_lists(g.unit, model->n_units);
    free_lists(g.segment, model->n_segments);
    if (!ok)
        return FALSE;
    index = index_json(e->writer, &length);
    return write_if_changed(e, e->dir, "index.json", index, length, error) &&
           write_ledger(e, error);
}

/* The publication itself, counting into stats (zeroed, never NULL). */
static gboolean
export_into(RotaFeedWriter *writer, const RotaRoster *roster, const char *dir,
            RotaExportStats *stats, GError **error)
{
    g_autoptr(GDateTime) now = NULL;
    g_autofree char *now_text = NULL;
    g_autofree char *vtimezone = NULL;
    g_autofree char *ledger_path = NULL;
    Export e = {.writer = writer, .dir = dir};
    int lock;
    gboolean ok;

    if (writer->secret == NULL) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    _("no secret key set for the personal feed names"));
        return FALSE;
    }
    vtimezone = rotap_ical_vtimezone(writer->model->timezone, &writer->model->start,
                                     writer->model->n_days, error);
    if (vtimezone == NULL || !make_folders(dir, NULL, error))
        return FALSE;
    lock = lock_folder(dir, error);
    if (lock < 0)
        return FALSE;
    e.feeds = g_build_filename(dir, ROTAP_FEEDS_DIR, NULL);
    e.staging = g_build_filename(dir, ROTAP_STAGING_DIR, NULL);
    remove_stale(&e);
    ledger_path =
        g_build_filename(writer->previous_dir != NULL ? writer->previous_dir : dir,
                         ROTAP_LEDGER_NAME, NULL);
    e.previous = make_folders(e.feeds, folder_names, error) &&
                         make_folders(e.staging, NULL, error)
                     ? rotap_ledger_load(ledger_path, error)
                     : NULL;
    if (e.previous == NULL) {
        g_free(e.feeds);
        g_free(e.staging);
        close(lock);
        return FALSE;
    }
    now = writer->now != NULL ? g_date_time_ref(writer->now) : g_date_time_new_now_utc();
    now_text = rotap_ical_utc_time(now);
    e.ctx =
        (RotapFeedContext){.model = writer->model,
                           .vtimezone = vtimezone,
                           .tzid = writer->model->timezone,
                           .now_text = now_text,
                           .now = g_date_time_to_unix(now),
                           .keep_seconds = (gint64)writer->keep_cancelled_days * 86400,
                           .stats = stats};
    e.next = rotap_ledger_new();
    e.ctx.next = e.next;
    e.ctx.previous = e.previous;
    ok = run(&e, roster, error);
    if (ok)
        g_rmdir(e.staging); /* empty now; a crash leaves it for the next run */
    rotap_ledger_free(e.previous);
    rotap_ledger_free(e.next);
    g_free(e.feeds);
    g_free(e.staging);
    close(lock);
    return ok;
}

/**
 * rota_feed_writer_export:
 * @writer: a writer with a secret key
 * @roster: a roster of the writer's model
 * @dir: the output folder, created when missing
 * @stats: (out) (optional) (transfer full) (nullable): where to store what
 *   the export did, a new #RotaExportStats to be freed with
 *   rota_export_stats_free(); set to %NULL when the export fails
 * @error: return location for a #GError, or %NULL
 *
 * Publishes @roster into @dir: the feeds feeds/person/ID-TOKEN.ics,
 * feeds/unit/ID.ics and feeds/segment/ID.ics, and beside them index.json
 * and the ledger .rota-ledger.json, which name every personal token and are
 * for the coordinators.  Publish @dir/feeds and nothing else: no file in
 * it names another feed.  The paths of index.json are relative to
 * @dir/feeds, i.e. the URL paths under wherever @dir/feeds is served.
 *
 * A personal feed holds one event per assignment, with a reminder; a unit
 * or segment feed one event per team, i.e. per (date, shift, segment,
 * duty), naming all its people, without reminder (its UID stays while the
 * team changes).
 *
 * Only one export at a time runs into one @dir: a second one fails with
 * ROTA_ERROR_IO while @dir/.rota-lock is locked.  Temporary files left in
 * @dir by a crashed export are removed first.  The ledger of
 * the previous publication (rota_feed_writer_set_previous_dir(), by
 * default @dir) decides SEQUENCE, LAST-MODIFIED and DTSTAMP of each event
 * and which events are published as cancelled.
 *
 * Every file is replaced atomically, and only when its bytes change; the
 * ledger is written last, after the file system was synced.  A crash
 * midway leaves every file either as it was or complete and new, and the
 * previous ledger; exporting the same roster again then converges to the
 * publication the crashed run would have made (with the same now).
 *
 * A ledger from before the feeds/ folder (feeds directly in @dir) is
 * still read: its paths are the same; the old files in @dir are left
 * for the coordinator to remove.  A ledger from before team events
 * (version 1) is read too: the per-person events it lists in unit and
 * segment feeds are published as cancelled.
 *
 * Since 0.2, @stats receives an opaque #RotaExportStats read with its
 * getters (0.1 filled a structure in the caller's memory).
 *
 * Returns: %TRUE on success; ROTA_ERROR_IO, ROTA_ERROR_FORMAT (a damaged
 *   ledger) or ROTA_ERROR_INVALID (no secret, unknown time zone) otherwise.
 * Since: 0.1
 */
gboolean
rota_feed_writer_export(RotaFeedWriter *writer, const RotaRoster *roster, const char *dir,
                        RotaExportStats **stats, GError **error)
{
    RotaExportStats *counts;

    if (stats != NULL)
        *stats = NULL;
    g_return_val_if_fail(writer != NULL && roster != NULL && dir != NULL, FALSE);
    g_return_val_if_fail(rota_roster_get_model(roster) == writer->model, FALSE);
    counts = g_new0(RotaExportStats, 1);
    if (!export_into(writer, roster, dir, counts, error)) {
        rota_export_stats_free(counts);
        return FALSE;
    }
    if (stats != NULL)
        *stats = counts;
    else
        rota_export_stats_free(counts);
    return TRUE;
}
