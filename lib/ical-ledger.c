/* SPDX-License-Identifier: MIT */
/* ical-ledger.c: the ledger of published events (.rota-ledger.json), read and written. */
#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "ical-private.h"
#include "json-private.h"
#include "util-private.h"

#define LEDGER_FORMAT "rota-ical-ledger"
/* Fields of one event, in order (an array per event keeps the file small). */
enum {
    F_UID, F_HASH, F_SEQUENCE, F_MODIFIED, F_STAMP, F_CANCELLED,
    F_IDS, F_START = F_IDS + ROTAP_N_IDS, F_END, F_CONTENT, N_FIELDS
};
static const char *const kind_names[] = {"person", "unit", "segment"};

void
rotap_ledger_event_free(RotapLedgerEvent *event)
{
    if (event == NULL)
        return;
    g_free(event->uid);
    g_free(event->hash);
    g_free(event->modified);
    g_free(event->stamp);
    for (int i = 0; i < ROTAP_N_IDS; i++)
        g_free(event->ids[i]);
    g_free(event->start);
    g_free(event->end);
    g_free(event->content);
    g_free(event);
}

RotapLedgerFeed *
rotap_ledger_feed_new(const char *path, RotapFeedKind kind, const char *name)
{
    RotapLedgerFeed *feed = g_new0(RotapLedgerFeed, 1);

    feed->path = g_strdup(path);
    feed->kind = kind;
    feed->name = g_strdup(name);
    feed->events = g_ptr_array_new_with_free_func((GDestroyNotify)rotap_ledger_event_free);
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

    ledger->feeds = g_ptr_array_new_with_free_func((GDestroyNotify)rotap_ledger_feed_free);
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
    g_free(ledger);
}

void
rotap_ledger_add(RotapLedger *ledger, RotapLedgerFeed *feed)
{
    g_ptr_array_add(ledger->feeds, feed);
    g_hash_table_replace(ledger->by_path, feed->path, feed);
}

static char *
dup_field(struct json_object *array, int index)
{
    struct json_object *value = json_object_array_get_idx(array, (size_t)index);

    return json_object_is_type(value, json_type_string)
               ? g_strdup(json_object_get_string(value))
               : NULL;
}

static RotapLedgerEvent *
read_event(struct json_object *array)
{
    RotapLedgerEvent *event;
    struct json_object *sequence, *cancelled;

    if (!json_object_is_type(array, json_type_array) ||
        json_object_array_length(array) != N_FIELDS)
        return NULL;
    sequence = json_object_array_get_idx(array, F_SEQUENCE);
    cancelled = json_object_array_get_idx(array, F_CANCELLED);
    if (!json_object_is_type(sequence, json_type_int) ||
        !json_object_is_type(cancelled, json_type_int))
        return NULL;
    event = g_new0(RotapLedgerEvent, 1);
    event->uid = dup_field(array, F_UID);
    event->hash = dup_field(array, F_HASH);
    event->sequence = json_object_get_int(sequence);
    event->modified = dup_field(array, F_MODIFIED);
    event->stamp = dup_field(array, F_STAMP);
    event->cancelled = json_object_get_int64(cancelled);
    for (int i = 0; i < ROTAP_N_IDS; i++)
        event->ids[i] = dup_field(array, F_IDS + i);
    event->start = dup_field(array, F_START);
    event->end = dup_field(array, F_END);
    event->content = dup_field(array, F_CONTENT);
    for (int i = 0; i < N_FIELDS; i++) {
        struct json_object *value = json_object_array_get_idx(array, (size_t)i);

        if (i != F_SEQUENCE && i != F_CANCELLED &&
            !json_object_is_type(value, json_type_string)) {
            rotap_ledger_event_free(event);
            return NULL;
        }
    }
    if (event->content[0] == '\0')
        g_clear_pointer(&event->content, g_free);
    return event;
}

static RotapLedgerFeed *
read_feed(struct json_object *object)
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
        RotapLedgerEvent *event = read_event(json_object_array_get_idx(events, i));

        if (event == NULL) {
            rotap_ledger_feed_free(feed);
            return NULL;
        }
        rotap_ledger_feed_add(feed, event);
    }
    return feed;
}

static gboolean
read_ledger(RotapLedger *ledger, struct json_object *root)
{
    struct json_object *format, *feeds;

    if (!json_object_object_get_ex(root, "format", &format) ||
        g_strcmp0(json_object_get_string(format), LEDGER_FORMAT) != 0 ||
        !json_object_object_get_ex(root, "feeds", &feeds) ||
        !json_object_is_type(feeds, json_type_array))
        return FALSE;
    for (size_t i = 0; i < json_object_array_length(feeds); i++) {
        RotapLedgerFeed *feed = read_feed(json_object_array_get_idx(feeds, i));

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
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_FORMAT,
                    "%s: not a ledger of rota feeds (damaged?); restore it or remove the "
                    "folder to publish afresh",
                    path);
        return NULL;
    }
    return g_steal_pointer(&ledger);
}

static void
append_event(GString *out, const RotapLedgerEvent *e)
{
    g_string_append(out, "\n    [");
    rotap_json_append_string(out, e->uid);
    g_string_append_c(out, ',');
    rotap_json_append_string(out, e->hash);
    g_string_append_printf(out, ",%d,", e->sequence);
    rotap_json_append_string(out, e->modified);
    g_string_append_c(out, ',');
    rotap_json_append_string(out, e->stamp);
    g_string_append_printf(out, ",%" G_GINT64_FORMAT, e->cancelled);
    for (int i = 0; i < ROTAP_N_IDS; i++) {
        g_string_append_c(out, ',');
        rotap_json_append_string(out, e->ids[i]);
    }
    g_string_append_c(out, ',');
    rotap_json_append_string(out, e->start);
    g_string_append_c(out, ',');
    rotap_json_append_string(out, e->end);
    g_string_append_c(out, ',');
    rotap_json_append_string(out, e->content != NULL ? e->content : "");
    g_string_append_c(out, ']');
}

/* One event per line, feeds in publication order: the same publication
 * gives the same bytes, so a no-change export leaves the ledger alone. */
char *
rotap_ledger_to_data(const RotapLedger *ledger, gsize *length)
{
    GString *out = g_string_new("{\"format\": \"" LEDGER_FORMAT "\", \"version\": 1, "
                                "\"feeds\": [");

    for (guint f = 0; f < ledger->feeds->len; f++) {
        const RotapLedgerFeed *feed = g_ptr_array_index(ledger->feeds, f);

        g_string_append(out, f == 0 ? "\n  {\"path\": " : ",\n  {\"path\": ");
        rotap_json_append_string(out, feed->path);
        g_string_append_printf(out, ", \"kind\": \"%s\", \"name\": ", kind_names[feed->kind]);
        rotap_json_append_string(out, feed->name);
        g_string_append(out, ", \"events\": [");
        for (guint i = 0; i < feed->events->len; i++) {
            if (i > 0)
                g_string_append_c(out, ',');
            append_event(out, g_ptr_array_index(feed->events, i));
        }
        g_string_append(out, "]}");
    }
    g_string_append(out, "\n]}\n");
    *length = out->len;
    return g_string_free(out, FALSE);
}
