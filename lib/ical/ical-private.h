/* SPDX-License-Identifier: MIT */
/* ical-private.h: the parts of the export: text, zone, events, ledger, feeds. */
#ifndef ROTA_ICAL_PRIVATE_H
#define ROTA_ICAL_PRIVATE_H

#include <rota/rota.h>

struct _RotaFeedWriter {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    RotaModel *model; /* a reference */
    guint8 *secret;
    gsize secret_length;
    GDateTime *now; /* NULL: the current time at export */
    int keep_cancelled_days;
    char *previous_dir; /* NULL: the output folder */
};

/* The unguessable token of a personal feed name (writer's secret set). */
char *rotap_feed_token(const RotaFeedWriter *writer, const char *person_id);

/* ---- text (ical-text.c) ----
 * Feeds are serialized here rather than by libical so that the bytes, the
 * property order and the folding are ours to keep stable: lines end in
 * CRLF and are folded at 75 octets, never inside a UTF-8 character. */

/* Append text escaped as an iCalendar TEXT value (\\ \; \, \n). */
void rotap_ical_append_text(GString *out, const char *text);
/* Append one logical line (without line end), folded, then CRLF. */
void rotap_ical_append_folded(GString *out, const char *line, gsize length);
/* Append every '\n'-separated logical line of lines, folded. */
void rotap_ical_append_lines(GString *out, const char *lines);
/* "YYYYMMDDTHHMMSS" of a date plus minutes (any count, may pass midnight). */
char *rotap_ical_local_time(const GDate *date, int minutes);
/* "YYYYMMDDTHHMMSSZ" of a time in UTC. */
char *rotap_ical_utc_time(GDateTime *time);

/* ---- time zone (ical-tz.c) ---- */

/* The VTIMEZONE of the IANA zone tzid covering the days first..first+n_days
 * (with a margin), from the system time-zone database, as folded CRLF
 * lines; NULL and ROTA_ERROR_INVALID when the database lacks the zone. */
char *rotap_ical_vtimezone(const char *tzid, const GDate *first, int n_days,
                           GError **error);

/* ---- events (ical-event.c) ---- */

typedef enum { ROTAP_FEED_PERSON, ROTAP_FEED_UNIT, ROTAP_FEED_SEGMENT } RotapFeedKind;

/*
 * What an event is about, in terms of the current model, its date possibly
 * outside the horizon (a tombstone of an earlier publication): one
 * assignment (person >= 0; personal feeds, and the per-person events that
 * unit and segment feeds held before team events), or the team of one
 * (date, shift, segment, duty) (person -1; unit and segment feeds), whose
 * people are team[0..n_team-1] (none for a rebuilt tombstone).
 */
typedef struct {
    GDate date;
    int shift, segment, person;
    int duty; /* a duty index or ROTA_DUTY_ONSITE */
    const int *team;
    int n_team;
} RotapEventRef;

/* The five ids of an assignment: date, shift, segment, person, duty.  A
 * team has the person id "" (ROTAP_TEAM_PERSON). */
#define ROTAP_N_IDS 5
#define ROTAP_ID_PERSON 3
#define ROTAP_TEAM_PERSON ""

/* The UID of an event in one kind of feed: a hash of its ids (of the four
 * ids but the person for a team), so stable across publications. */
char *rotap_ical_uid(const char *const ids[ROTAP_N_IDS], RotapFeedKind kind);
/* Resolve ids in model (FALSE if any is unknown there); a team's ids give
 * person -1 and no people. */
gboolean rotap_ical_resolve(const RotaModel *model, const char *const ids[ROTAP_N_IDS],
                            RotapEventRef *ref);
/* The DESCRIPTION text of an event, the same in every kind of feed. */
char *rotap_ical_event_description(const RotaModel *model, const RotapEventRef *ref,
                                   gboolean cancelled);
/* The content of an event: every line but BEGIN/END, UID, DTSTAMP,
 * SEQUENCE and LAST-MODIFIED, '\n'-separated and unfolded.  details is
 * its description, or NULL to compute it; start and end (nullable)
 * receive the local DTSTART/DTEND values.  Only a live event of a
 * personal feed carries a reminder (VALARM). */
char *rotap_ical_event_content(const RotaModel *model, const RotapEventRef *ref,
                               RotapFeedKind kind, gboolean cancelled,
                               const char *details, char **start, char **end);
/* The content of a tombstone whose ids no longer resolve in the model. */
char *rotap_ical_bare_tombstone(const char *tzid, const char *start, const char *end);
/* The calendar's display name (NAME, X-WR-CALNAME) of a feed. */
char *rotap_ical_feed_name(const RotaModel *model, RotapFeedKind kind, int index);

/* ---- ledger (ical-ledger.c) ----
 * What the previous publication published, per feed and UID, so that
 * SEQUENCE, LAST-MODIFIED and DTSTAMP can be kept or raised and removed
 * events published as cancelled. */

/*
 * One published event as the ledger keeps it.  The assignment behind it
 * is a key of the ledger's key table: its five ids and its local DTSTART
 * and DTEND, tab-separated, enough to publish a tombstone later.
 * DTSTAMP always equals LAST-MODIFIED (both are set when the content
 * changes), so only one is kept.
 */
typedef struct {
    char *uid;
    char *hash; /* of the content */
    int sequence;
    char *modified;   /* LAST-MODIFIED and DTSTAMP, UTC */
    gint64 cancelled; /* unix time of the first cancellation, 0 when live */
    int key;          /* index into the ledger's keys */
    char *start;      /* local DTSTART, for the order of the feed */
    char *content;    /* kept for cancelled events only (re-emitted as is) */
} RotapLedgerEvent;

typedef struct {
    char *path;
    RotapFeedKind kind;
    char *name;
    GPtrArray *events;  /* RotapLedgerEvent, owned */
    GHashTable *by_uid; /* uid -> RotapLedgerEvent, borrowed */
} RotapLedgerFeed;

typedef struct {
    GPtrArray *keys;     /* char *, owned: see RotapLedgerEvent */
    GPtrArray *feeds;    /* RotapLedgerFeed, owned, in publication order */
    GHashTable *by_path; /* path -> RotapLedgerFeed, borrowed */
} RotapLedger;

#define ROTAP_LEDGER_NAME ".rota-ledger.json"
/* Beside the ledger: the lock of exports into the folder, and the folder
 * that is published (every feed path is relative to it). */
#define ROTAP_LOCK_NAME ".rota-lock"
#define ROTAP_FEEDS_DIR "feeds"
/* Temporary files of an export, beside feeds/ and never published. */
#define ROTAP_STAGING_DIR ".rota-staging"

RotapLedger *rotap_ledger_new(void);
void rotap_ledger_free(RotapLedger *ledger);
void rotap_ledger_event_free(RotapLedgerEvent *event);
RotapLedgerFeed *rotap_ledger_feed_new(const char *path, RotapFeedKind kind,
                                       const char *name);
void rotap_ledger_feed_free(RotapLedgerFeed *feed);
/* Takes event. */
void rotap_ledger_feed_add(RotapLedgerFeed *feed, RotapLedgerEvent *event);
/* Takes feed. */
void rotap_ledger_add(RotapLedger *ledger, RotapLedgerFeed *feed);
/* A key of the ledger: ids, then DTSTART and DTEND, tab-separated. */
#define ROTAP_KEY_START ROTAP_N_IDS
#define ROTAP_KEY_END (ROTAP_N_IDS + 1)
#define ROTAP_KEY_FIELDS (ROTAP_N_IDS + 2)
char *rotap_ledger_make_key(const char *const ids[ROTAP_N_IDS], const char *start,
                            const char *end);
/* The fields of a key (g_strfreev() them), NULL if it is malformed. */
char **rotap_ledger_split_key(const char *key);
/* The index of key in ledger's key table, added when missing. */
int rotap_ledger_intern_key(RotapLedger *ledger, GHashTable *index, const char *key);
/* A missing file is an empty ledger; a damaged one an error. */
RotapLedger *rotap_ledger_load(const char *path, GError **error);
char *rotap_ledger_to_data(const RotapLedger *ledger, gsize *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RotapLedger, rotap_ledger_free)

/* ---- one feed (ical-feed.c) ---- */

/* The people of one (date, shift, segment, duty) of the roster, for the
 * team events of unit and segment feeds. */
typedef struct {
    int first;      /* an assignment of the team: its date, shift, ... */
    int key;        /* its key in the new ledger (person ROTAP_TEAM_PERSON) */
    GArray *people; /* int person indices, ascending by person id, distinct */
    char *details;  /* its description, or NULL yet */
} RotapTeam;
/* What one export did (opaque in rota-export.h; getters in ical-stats.c). */
struct _RotaExportStats {
    int feeds;            /* .ics files of the publication */
    int files_written;    /* files (feeds, index.json) whose bytes changed */
    int files_unchanged;  /* files left as they were */
    int events;           /* events published, cancelled ones included */
    int events_new;       /* events not in the previous publication */
    int events_changed;   /* events whose content changed (SEQUENCE raised) */
    int events_cancelled; /* events newly published as cancelled */
    int events_expired;   /* cancelled events dropped after keep_cancelled days */
};

typedef struct {
    const RotaModel *model;
    const char *vtimezone; /* folded VTIMEZONE lines */
    const char *tzid;
    const char *now_text; /* DTSTAMP / LAST-MODIFIED of this publication */
    gint64 now;           /* unix time */
    gint64 keep_seconds;
    RotaExportStats *stats;
    const RotaAssignment *first; /* the roster's assignments, for key indices */
    char **starts, **ends;       /* per assignment: local DTSTART, DTEND */
    char ***ids;                 /* per assignment: its ROTAP_N_IDS ids */
    char **details;              /* per assignment: its description, or NULL yet */
    int *team_of;                /* per assignment: the index of its team */
    RotapTeam *teams;            /* per (date, shift, segment, duty) of the roster */
    RotapLedger *next;           /* whose key k is assignment k */
    GHashTable *key_index;       /* key -> index + 1, for tombstones' keys */
    const RotapLedger *previous;
} RotapFeedContext;

/* Merge the assignments of one feed with its previous ledger entries
 * (nullable) into the feed's text; *next receives the feed's new ledger. */
GString *rotap_ical_build_feed(const RotapFeedContext *ctx, const char *path,
                               RotapFeedKind kind, const char *name,
                               const RotaAssignment *const *assignments, int n,
                               const RotapLedgerFeed *previous, RotapLedgerFeed **next);

#endif
