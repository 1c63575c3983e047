/* SPDX-License-Identifier: MIT */
/* ical-feed.c: one feed: events merged with the previous publication, then serialized. */
#include "config.h"

#include <string.h>

#include "ical-private.h"
#include "model-private.h"

/* Calendar-level lines: fixed text, so they stay byte-stable. */
#define PRODID "-//rota//rota duty feeds 1//ZH"
#define REFRESH "PT1H"

/*
 * The content hash only tells whether an event changed since the last
 * publication (no adversary chooses the content), so a 64-bit FNV-1a is
 * enough, and much cheaper than SHA-256 over some 60,000 events.
 */
static char *
content_hash(const char *content)
{
    guint64 hash = G_GUINT64_CONSTANT(14695981039346656037);

    for (const guchar *p = (const guchar *)content; *p != '\0'; p++) {
        hash ^= *p;
        hash *= G_GUINT64_CONSTANT(1099511628211);
    }
    return g_strdup_printf("%016" G_GINT64_MODIFIER "x", hash);
}

/* The event of the current content of uid (key: its ledger key; start:
 * its local DTSTART): new, unchanged (its SEQUENCE and LAST-MODIFIED =
 * DTSTAMP kept) or changed (SEQUENCE + 1, modified now).  A cancelled
 * event that comes back counts as changed.  Takes uid. */
static RotapLedgerEvent *
live_event(const RotapFeedContext *ctx, char *uid, int key, const char *start,
           const char *content, const RotapLedgerFeed *previous)
{
    RotapLedgerEvent *event = g_new0(RotapLedgerEvent, 1);
    const RotapLedgerEvent *old;

    event->key = key;
    event->uid = uid;
    event->start = g_strdup(start);
    event->hash = content_hash(content);
    old = previous != NULL ? g_hash_table_lookup(previous->by_uid, event->uid) : NULL;
    if (old != NULL && strcmp(old->hash, event->hash) == 0) {
        event->sequence = old->sequence;
        event->modified = g_strdup(old->modified);
        return event;
    }
    if (old != NULL) {
        event->sequence = old->sequence + 1;
        ctx->stats->events_changed++;
    } else {
        ctx->stats->events_new++;
    }
    event->modified = g_strdup(ctx->now_text);
    return event;
}

/* The date, shift, segment and duty of an assignment, as an event. */
static RotapEventRef
assignment_ref(const RotapFeedContext *ctx, const RotaAssignment *a)
{
    RotapEventRef ref = {
        .shift = a->shift, .segment = a->segment, .person = a->person, .duty = a->duty};

    ref.date = ctx->model->start;
    g_date_add_days(&ref.date, (guint)a->day);
    return ref;
}

/* A personal feed's event of assignment a: its content in *content. */
static RotapLedgerEvent *
person_event(const RotapFeedContext *ctx, const RotaAssignment *a, char *uid,
             const RotapLedgerFeed *previous, char **content)
{
    int k = (int)(a - ctx->first);
    RotapEventRef ref = assignment_ref(ctx, a);

    if (ctx->details[k] == NULL)
        ctx->details[k] = rotap_ical_event_description(ctx->model, &ref, FALSE);
    *content = rotap_ical_event_content(ctx->model, &ref, ROTAP_FEED_PERSON, FALSE,
                                        ctx->details[k], NULL, NULL);
    return live_event(ctx, uid, k, ctx->starts[k], *content, previous);
}

/* A unit or segment feed's event of the team of assignment a. */
static RotapLedgerEvent *
team_event(const RotapFeedContext *ctx, RotapFeedKind kind, const RotaAssignment *a,
           char *uid, const RotapLedgerFeed *previous, char **content)
{
    RotapTeam *team = &ctx->teams[ctx->team_of[a - ctx->first]];
    RotapEventRef ref = assignment_ref(ctx, a);

    ref.person = -1;
    ref.team = (const int *)(gpointer)team->people->data;
    ref.n_team = (int)team->people->len;
    if (team->details == NULL)
        team->details = rotap_ical_event_description(ctx->model, &ref, FALSE);
    *content = rotap_ical_event_content(ctx->model, &ref, kind, FALSE, team->details,
                                        NULL, NULL);
    return live_event(ctx, uid, team->key, ctx->starts[team->first], *content, previous);
}

/* A published event that the roster no longer has becomes a tombstone:
 * its text rebuilt from the current model (or bare when its ids are
 * gone), STATUS:CANCELLED, SEQUENCE + 1, kept with its content.  This is
 * also how the per-person events that unit and segment feeds held before
 * team events leave those feeds: cancelled, not silently removed. */
static RotapLedgerEvent *
tombstone(const RotapFeedContext *ctx, RotapFeedKind kind, const RotapLedgerEvent *old)
{
    const char *key = g_ptr_array_index(ctx->previous->keys, old->key);
    g_auto(GStrv) fields = rotap_ledger_split_key(key);
    RotapLedgerEvent *event = g_new0(RotapLedgerEvent, 1);
    RotapEventRef ref;

    event->uid = g_strdup(old->uid);
    event->key = rotap_ledger_intern_key(ctx->next, ctx->key_index, key);
    if (fields != NULL &&
        rotap_ical_resolve(ctx->model, (const char *const *)fields, &ref)) {
        event->content = rotap_ical_event_content(ctx->model, &ref, kind, TRUE, NULL,
                                                  &event->start, NULL);
    } else {
        const char *start = fields != NULL ? fields[ROTAP_KEY_START] : "19700101T000000";
        const char *end = fields != NULL ? fields[ROTAP_KEY_END] : "19700101T000000";

        event->content = rotap_ical_bare_tombstone(ctx->tzid, start, end);
        event->start = g_strdup(start);
    }
    event->hash = content_hash(event->content);
    event->sequence = old->sequence + 1;
    event->modified = g_strdup(ctx->now_text);
    event->cancelled = ctx->now;
    ctx->stats->events_cancelled++;
    return event;
}

/* A tombstone published before, carried over unchanged. */
static RotapLedgerEvent *
copy_tombstone(const RotapFeedContext *ctx, const RotapLedgerEvent *old)
{
    const char *key = g_ptr_array_index(ctx->previous->keys, old->key);
    g_auto(GStrv) fields = rotap_ledger_split_key(key);
    RotapLedgerEvent *event = g_new0(RotapLedgerEvent, 1);

    event->uid = g_strdup(old->uid);
    event->hash = g_strdup(old->hash);
    event->sequence = old->sequence;
    event->modified = g_strdup(old->modified);
    event->cancelled = old->cancelled;
    event->key = rotap_ledger_intern_key(ctx->next, ctx->key_index, key);
    event->start = g_strdup(fields != NULL ? fields[ROTAP_KEY_START] : "19700101T000000");
    event->content = g_strdup(old->content != NULL ? old->content : "STATUS:CANCELLED");
    return event;
}

/* Which of two tombstones is the one to keep: the last cancelled, then
 * the last to start, then the greatest UID (a total order). */
static gboolean
later(const RotapFeedContext *ctx, const RotapLedgerEvent *a, const RotapLedgerEvent *b)
{
    const char *key_a = g_ptr_array_index(ctx->previous->keys, a->key);
    const char *key_b = g_ptr_array_index(ctx->previous->keys, b->key);
    g_auto(GStrv) fields_a = rotap_ledger_split_key(key_a);
    g_auto(GStrv) fields_b = rotap_ledger_split_key(key_b);
    int order;

    if (a->cancelled != b->cancelled)
        return a->cancelled > b->cancelled;
    order = g_strcmp0(fields_a != NULL ? fields_a[ROTAP_KEY_START] : NULL,
                      fields_b != NULL ? fields_b[ROTAP_KEY_START] : NULL);
    return order != 0 ? order > 0 : strcmp(a->uid, b->uid) > 0;
}

/* The previous events that the roster dropped: live ones are cancelled,
 * cancelled ones kept until they expire.  The latest expired one is kept
 * anyway when nothing else would be left: a feed that once had events
 * never becomes empty (clients refuse to sync an emptied feed). */
static void
carry_over(const RotapFeedContext *ctx, RotapFeedKind kind,
           const RotapLedgerFeed *previous, RotapLedgerFeed *next)
{
    const RotapLedgerEvent *latest = NULL;

    for (guint i = 0; i < previous->events->len; i++) {
        const RotapLedgerEvent *old = g_ptr_array_index(previous->events, i);

        if (g_hash_table_contains(next->by_uid, old->uid))
            continue;
        if (old->cancelled == 0) {
            rotap_ledger_feed_add(next, tombstone(ctx, kind, old));
        } else if (ctx->now - old->cancelled < ctx->keep_seconds) {
            rotap_ledger_feed_add(next, copy_tombstone(ctx, old));
        } else {
            ctx->stats->events_expired++;
            if (latest == NULL || later(ctx, old, latest))
                latest = old;
        }
    }
    if (next->events->len == 0 && latest != NULL) {
        rotap_ledger_feed_add(next, copy_tombstone(ctx, latest));
        ctx->stats->events_expired--;
    }
}

static int
compare_events(gconstpointer a, gconstpointer b)
{
    const RotapLedgerEvent *x = *(const RotapLedgerEvent *const *)a;
    const RotapLedgerEvent *y = *(const RotapLedgerEvent *const *)b;
    int order = strcmp(x->start, y->start);

    return order != 0 ? order : strcmp(x->uid, y->uid);
}

static void
append_header(GString *out, const RotapFeedContext *ctx, const char *name)
{
    GString *line = g_string_new(NULL);

    g_string_append(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" PRODID "\r\n"
                         "CALSCALE:GREGORIAN\r\n");
    for (int i = 0; i < 2; i++) {
        g_string_assign(line, i == 0 ? "NAME:" : "X-WR-CALNAME:");
        rotap_ical_append_text(line, name);
        rotap_ical_append_folded(out, line->str, line->len);
    }
    g_string_assign(line, "X-WR-TIMEZONE:");
    g_string_append(line, ctx->tzid);
    rotap_ical_append_folded(out, line->str, line->len);
    g_string_append(out, "REFRESH-INTERVAL;VALUE=DURATION:" REFRESH "\r\n"
                         "X-PUBLISHED-TTL:" REFRESH "\r\n");
    g_string_append(out, ctx->vtimezone);
    g_string_free(line, TRUE);
}

static void
append_event(GString *out, const RotapLedgerEvent *event, const char *content)
{
    g_string_append(out, "BEGIN:VEVENT\r\nUID:");
    g_string_append(out, event->uid);
    g_string_append_printf(out, "\r\nDTSTAMP:%s\r\nSEQUENCE:%d\r\nLAST-MODIFIED:%s\r\n",
                           event->modified, event->sequence, event->modified);
    rotap_ical_append_lines(out, content);
    g_string_append(out, "END:VEVENT\r\n");
}

GString *
rotap_ical_build_feed(const RotapFeedContext *ctx, const char *path, RotapFeedKind kind,
                      const char *name, const RotaAssignment *const *assignments, int n,
                      const RotapLedgerFeed *previous, RotapLedgerFeed **next)
{
    RotapLedgerFeed *feed = rotap_ledger_feed_new(path, kind, name);
    g_autoptr(GHashTable) contents =
        g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    GString *out = g_string_new(NULL);

    for (int i = 0; i < n; i++) {
        const RotaAssignment *a = assignments[i];
        int k = (int)(a - ctx->first);
        const char *const *ids =
            kind == ROTAP_FEED_PERSON
                ? (const char *const *)ctx->ids[k]
                : (const char *const *)ctx->ids[ctx->teams[ctx->team_of[k]].first];
        const char *team_ids[ROTAP_N_IDS] = {ids[0], ids[1], ids[2], ROTAP_TEAM_PERSON,
                                             ids[4]};
        char *uid = rotap_ical_uid(kind == ROTAP_FEED_PERSON ? ids : team_ids, kind);
        char *content = NULL;
        RotapLedgerEvent *event;

        if (g_hash_table_contains(feed->by_uid, uid)) {
            g_free(uid); /* the roster holds this assignment twice, or its team */
            continue;
        }
        event = kind == ROTAP_FEED_PERSON
                    ? person_event(ctx, a, uid, previous, &content)
                    : team_event(ctx, kind, a, uid, previous, &content);
        rotap_ledger_feed_add(feed, event);
        g_hash_table_insert(contents, event, content);
    }
    if (previous != NULL)
        carry_over(ctx, kind, previous, feed);
    g_ptr_array_sort(feed->events, compare_events);
    append_header(out, ctx, name);
    for (guint i = 0; i < feed->events->len; i++) {
        const RotapLedgerEvent *event = g_ptr_array_index(feed->events, i);
        const char *content = event->content;

        if (content == NULL)
            content = g_hash_table_lookup(contents, event);
        append_event(out, event, content);
    }
    g_string_append(out, "END:VCALENDAR\r\n");
    ctx->stats->events += (int)feed->events->len;
    *next = feed;
    return out;
}
