/* SPDX-License-Identifier: MIT */
/* ical-ledger.c: the ledger of published events (.rota-ledger.json), read and written. */
#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "i18n-private.h"
#include "ical-private.h"
#include "formats/json-private.h"
#include "util-private.h"

#define LEDGER_FORMAT "rota-ical-ledger"
/*
 * Version 2: unit and segment feeds hold one event per team (date, shift,
 * segment, duty), whose key has the person id ROTAP_TEAM_PERSON.  Version
 * 1 (rota before team events) listed one event per assignment in those
 * feeds too; it is read as is: those events are not in the new publication
 * (team events have other UIDs), so they are published as cancelled (the
 * person's name in their summary), kept --keep-cancelled days and expire
 * like any tombstone.  A subscriber thus sees the per-person events
 * cancelled and the team events appear, never events silently removed.
 */
#define LEDGER_VERSION 2
#define KEY_SEPARATOR "\t"
static const char *const kind_names[] = {"person", "unit", "segment"};

void
rotap_ledger_event_free(RotapLedgerEvent *event)
{
    if (event == NULL)
        return;
    g_free(event->uid);
    g_free(event->hash);
    g_free(event->modified);
    g_free(event->start);
    g_free(event->content);
    g_free(event);
}

char *
rotap_ledger_make_key(const char *const ids[ROTAP_N_IDS], const char *start,
                      const char *end)
{
    return g_strjoin(KEY_SEPARATOR, ids[0], ids[1], ids[2], ids[3], ids[4], start, end,
                     NULL);
}

char **
rotap_ledger_split_key(const char *key)
{
    char **fields = g_strsplit(key, KEY_SEPARATOR, -1);

    if (g_strv_length(fields) != ROTAP_KEY_FIELDS) {
        g_strfreev(fields);
        return NULL;
    }
    return fields;
}

int
rotap_ledger_intern_key(RotapLedger *ledger, GHashTable *index, const char *key)
{
    gpointer found = g_hash_table_lookup(index, key);
    char *copy;

    if (found != NULL)
        return GPOINTER_TO_INT(found) - 1;
    copy = g_strdup(key);
    g_ptr_array_add(ledger->keys, copy);
    g_hash_table_insert(index, copy, GINT_TO_POINTER((int)ledger->keys->len));
    return (int)ledger->keys->len - 1;
}

RotapLedgerFeed *
rotap_ledger_feed_new(const char *path, RotapFeedKind kind, const char *name)
{
    RotapLedgerFeed *feed = g_new0(RotapLedgerFeed, 1);

    feed->path = g_strdup(path);
    feed->kind = kind;
    feed->name = g_strdup(name);
    feed->events =
        g_ptr_array_new_with_free_func((GDestroyNotify)rotap_ledger_event_free);
    feed->by_uid = g_hash_table_new(g_str_hash, g_str_equal);
    return feed;
}

void
rotap_ledger_feed_free(RotapLedgerFeed *feed)
{
    if (feed == NULL)
        return;
    g_hash_table_destroy(feed->by_uid);
    g_ptr_array_unref(feed->events);
    g_free(feed->path);
    g_free(feed->name);
    g_free(feed);
}

void
rotap_ledger_feed_add(RotapLedgerFeed *feed, RotapLedgerEvent *event)
{
    g_ptr_array_add(feed->events, event);
    g_hash_table_replace(feed->by_uid, event->uid, event);
}

RotapLedger *
rotap_ledger_new(void)
{
    RotapLedger *ledger = g_new0(RotapLedger, 1);

    ledger->keys = g_ptr_array_new_with_free_func(g_free);
    ledger->feeds =
        g_ptr_array_new_with_free_func((GDestroyNotify)rotap_ledger_feed_free);
    ledger->by_path = g_hash_table_new(g_str_hash, g_str_equal);
    return ledger;
}

void
rotap_ledger_free(RotapLedger *ledger)
{
    if (ledger == NULL)
        return;
    g_hash_table_destroy(ledger->by_path);
    g_ptr_array_unref(ledger->feeds);
    g_ptr_array_unref(ledger->keys);
    g_free(ledger);
}

void
rotap_ledger_add(RotapLedger *ledger, RotapLedgerFeed *feed)
{
    g_ptr_array_add(ledger->feeds, feed);
    g_hash_table_replace(ledger->by_path, feed->path, feed);
}

/*
 * An event is one string "UID HASH SEQUENCE MODIFIED CANCELLED KEY" (none
 * of these contains a space): the ledger of a county holds some 60,000
 * events, and one JSON value per event keeps reading it fast.
 */
static RotapLedgerEvent *
read_event(struct json_object *value, const RotapLedger *ledger)
{
    g_auto(GStrv) fields = NULL;
    RotapLedgerEvent *event;
    char *end = NULL;

    if (!json_object_is_type(value, json_type_string))
        return NULL;
    fields = g_strsplit(json_object_get_string(value), " ", 7);
    if (g_strv_length(fields) != 6)
        return NULL;
    event = g_new0(RotapLedgerEvent, 1);
    event->sequence = (int)g_ascii_strtoll(fields[2], NULL, 10);
    event->cancelled = g_ascii_strtoll(fields[4], NULL, 10);
    event->key = (int)g_ascii_strtoll(fields[5], &end, 10);
    if (end == fields[5] || *end != '\0' || event->key < 0 ||
        event->key >= (int)ledger->keys->len || event->sequence < 0) {
        g_free(event);
        return NULL;
    }
    event->uid = g_strdup(fields[0]);
    event->hash = g_strdup(fields[1]);
    event->modified = g_strdup(fields[3]);
    return event;
}

static gboolean
read_tombstones(RotapLedgerFeed *feed, struct json_object *object)
{
    struct json_object *tombstones;
    struct json_object_iterator it, end;

    if (!json_object_object_get_ex(object, "tombstones", &tombstones) ||
        !json_object_is_type(tombstones, json_type_object))
        return FALSE;
    it = json_object_iter_begin(tombstones);
    end = json_object_iter_end(tombstones);
    for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
        RotapLedgerEvent *event =
            g_hash_table_lookup(feed->by_uid, json_object_iter_peek_name(&it));
        struct json_object *value = json_object_iter_peek_value(&it);

        if (event == NULL || !json_object_is_type(value, json_type_string))
            return FALSE;
        g_free(event->content);
        event->content = g_strdup(json_object_get_string(value));
    }
    return TRUE;
}

static RotapLedgerFeed *
read_feed(struct json_object *object, const RotapLedger *ledger)
{
    struct json_object *path, *kind, *name, *events;
    RotapLedgerFeed *feed;
    int k;

    if (!json_object_object_get_ex(object, "path", &path) ||
        !json_object_object_get_ex(object, "kind", &kind) ||
        !json_object_object_get_ex(object, "name", &name) ||
        !json_object_object_get_ex(object, "events", &events) ||
        !json_object_is_type(path, json_type_string) ||
        !json_object_is_type(name, json_type_string) ||
        !json_object_is_type(events, json_type_array))
        return NULL;
    for (k = 0; k < 3; k++)
        if (g_strcmp0(json_object_get_string(kind), kind_names[k]) == 0)
            break;
    if (k == 3)
        return NULL;
    feed = rotap_ledger_feed_new(json_object_get_string(path), (RotapFeedKind)k,
                                 json_object_get_string(name));
    for (size_t i = 0; i < json_object_array_length(events); i++) {
        RotapLedgerEvent *event =
            read_event(json_object_array_get_idx(events, i), ledger);

        if (event == NULL) {
            rotap_ledger_feed_free(feed);
            return NULL;
        }
        rotap_ledger_feed_add(feed, event);
    }
    if (!read_tombstones(feed, object)) {
        rotap_ledger_feed_free(feed);
        return NULL;
    }
    return feed;
}

static gboolean
read_ledger(RotapLedger *ledger, struct json_object *root)
{
    struct json_object *format, *version, *keys, *feeds;

    if (!json_object_object_get_ex(root, "format", &format) ||
        g_strcmp0(json_object_get_string(format), LEDGER_FORMAT) != 0 ||
        !json_object_object_get_ex(root, "version", &version) ||
        !json_object_is_type(version, json_type_int) ||
        json_object_get_int(version) < 1 ||
        json_object_get_int(version) > LEDGER_VERSION ||
        !json_object_object_get_ex(root, "keys", &keys) ||
        !json_object_is_type(keys, json_type_array) ||
        !json_object_object_get_ex(root, "feeds", &feeds) ||
        !json_object_is_type(feeds, json_type_array))
        return FALSE;
    for (size_t i = 0; i < json_object_array_length(keys); i++) {
        struct json_object *key = json_object_array_get_idx(keys, i);

        if (!json_object_is_type(key, json_type_string))
            return FALSE;
        g_ptr_array_add(ledger->keys, g_strdup(json_object_get_string(key)));
    }
    for (size_t i = 0; i < json_object_array_length(feeds); i++) {
        RotapLedgerFeed *feed = read_feed(json_object_array_get_idx(feeds, i), ledger);

        if (feed == NULL)
            return FALSE;
        rotap_ledger_add(ledger, feed);
    }
    return TRUE;
}

/*
 * A missing ledger is a first publication.  A damaged one is an error,
 * not a fresh start: starting over would publish every event again as new
 * with SEQUENCE 0 and forget the ones to cancel.
 */
RotapLedger *
rotap_ledger_load(const char *path, GError **error)
{
    g_autoptr(RotapLedger) ledger = rotap_ledger_new();
    g_autofree char *data = NULL;
    gsize length = 0;
    struct json_object *root;
    gboolean ok;

    if (!g_file_test(path, G_FILE_TEST_EXISTS))
        return g_steal_pointer(&ledger);
    if (!rotap_read_file(path, &data, &length, error))
        return NULL;
    root = json_tokener_parse(data);
    ok = root != NULL && read_ledger(ledger, root);
    json_object_put(root);
    if (!ok) {
        g_set_error(
            error, ROTA_ERROR, ROTA_ERROR_FORMAT,
            _("%s: not a ledger of rota feeds (damaged?); restore it or remove the "
              "folder to publish afresh"),
            path);
        return NULL;
    }
    return g_steal_pointer(&ledger);
}

static void
append_feed(GString *out, const RotapLedgerFeed *feed)
{
    gboolean first = TRUE;

    g_string_append(out, "\n  {\"path\": ");
    rotap_json_append_string(out, feed->path);
    g_string_append_printf(out, ", \"kind\": \"%s\", \"name\": ", kind_names[feed->kind]);
    rotap_json_append_string(out, feed->name);
    g_string_append(out, ",\n   \"events\": [");
    for (guint i = 0; i < feed->events->len; i++) {
        const RotapLedgerEvent *e = g_ptr_array_index(feed->events, i);

        g_string_append_printf(out, "%s\n    \"%s %s %d %s %" G_GINT64_FORMAT " %d\"",
                               i > 0 ? "," : "", e->uid, e->hash, e->sequence,
                               e->modified, e->cancelled, e->key);
    }
    g_string_append(out, "],\n   \"tombstones\": {");
    for (guint i = 0; i < feed->events->len; i++) {
        const RotapLedgerEvent *e = g_ptr_array_index(feed->events, i);

        if (e->content == NULL)
            continue;
        g_string_append(out, first ? "\n    " : ",\n    ");
        rotap_json_append_string(out, e->uid);
        g_string_append(out, ": ");
        rotap_json_append_string(out, e->content);
        first = FALSE;
    }
    g_string_append(out, "}}");
}

/* One key and one event per line, feeds in publication order: the same
 * publication gives the same bytes, so a no-change export leaves the
 * ledger alone. */
char *
rotap_ledger_to_data(const RotapLedger *ledger, gsize *length)
{
    GString *out = g_string_new(NULL);

    g_string_printf(out,
                    "{\"format\": \"" LEDGER_FORMAT "\", \"version\": %d,\n\"keys\": [",
                    LEDGER_VERSION);

    for (guint k = 0; k < ledger->keys->len; k++) {
        g_string_append(out, k == 0 ? "\n  " : ",\n  ");
        rotap_json_append_string(out, g_ptr_array_index(ledger->keys, k));
    }
    g_string_append(out, "],\n\"feeds\": [");
    for (guint f = 0; f < ledger->feeds->len; f++) {
        if (f > 0)
            g_string_append_c(out, ',');
        append_feed(out, g_ptr_array_index(ledger->feeds, f));
    }
    g_string_append(out, "\n]}\n");
    *length = out->len;
    return g_string_free(out, FALSE);
}
