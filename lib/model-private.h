/* SPDX-License-Identifier: MIT */
/* model-private.h: the compiled model: dense indices and precomputed tables. */
#ifndef ROTA_MODEL_PRIVATE_H
#define ROTA_MODEL_PRIVATE_H

#include "spec-private.h"

/*
 * Everything later code asks in a hot loop is answered here by index, never
 * by searching a string: compile.c builds it once from a validated spec.
 * Conventions: indices are int; -1 means "none"; limits that are not set
 * hold ROTAP_UNLIMITED (for maxima) or 0 (for minima).  Days are 0..n_days-1
 * from the horizon start.  Shifts are at most ROTAP_MAX_SHIFTS so that a
 * day's shifts fit one 64-bit mask.
 */

#define ROTAP_UNLIMITED G_MAXINT
#define ROTAP_MAX_SHIFTS 64
#define ROTAP_ALL_SHIFTS G_MAXUINT64

typedef struct {
    char *id, *name;
    int start;   /* minutes after midnight, 0..1439 */
    int end;     /* minutes after midnight, 1..1440; end <= start crosses midnight */
    int minutes; /* length, 1..1440 */
} RotapShift;

typedef struct {
    char *id, *name, *kind, *grid, *location;
    gboolean has_geo;
    double lat, lon;
    int unit;  /* the owning unit, or -1 */
    int chief; /* a person, or -1 */
} RotapSegment;

typedef struct {
    char *id, *name;
    int head;      /* a person, or -1 */
    int *deputies; /* people, in order of preference */
    int n_deputies;
    int *segments;
    int n_segments;
    int *members;  /* every person whose unit this is, ascending */
    int n_members;
    /* Fairness: members other than the head eligible for at least one
     * non-on-site cell (docs/concepts.md), ascending. */
    int *fair_members;
    int n_fair_members;
} RotapUnit;

typedef struct {
    int min_minutes, max_minutes;
    int max_shifts_week, max_minutes_week;
    int min_consecutive, max_consecutive;
    int min_days_off, max_weekends;
    int min_rest_minutes;
} RotapLimits;

typedef struct {
    char *id, *name;
    int unit;      /* or -1 */
    int community; /* a segment, or -1 */
    const char *phone; /* borrowed from the spec, or NULL */
    gboolean phone_public;
    int *tags;     /* tag indices, ascending (in model->person_tags) */
    int n_tags;
    RotapLimits limits; /* effective: person limits over rules.limits */
} RotapPerson;

typedef struct {
    int person, day;
    int shift; /* -1: the whole day */
    gboolean on;
    int weight;
} RotapRequest;

typedef struct {
    int tag;
    int count;
} RotapQuota;

typedef struct {
    char *id, *name;
    int shift;
    int min, max; /* max = ROTAP_UNLIMITED when not given */
    int under, over;
    gboolean per_week;
    gboolean not_owner;
    RotapQuota *quotas;
    int n_quotas;
    int *segments; /* ascending */
    int n_segments;
    guint8 *due;   /* n_days flags: the duty runs that day */
    int first_cell; /* its cells are first_cell .. first_cell + n_cells - 1, */
    int n_cells;    /* ordered by segment position, then by window */
    int n_windows;  /* windows per segment: due days, or ISO weeks with a due day */
    int *window_first_day; /* n_windows, ascending */
} RotapDuty;

/*
 * Who may serve a duty at a segment: one list shared by all its cells.
 * Its k-th person (0 <= k < n_people, ascending) is
 * people[k < skip_at ? k : k + n_skip]: a list may leave out one run of
 * another list's array and share it (shared set, people not its own).
 * "Inspectors except the segment's own unit" is the inspectors' list with
 * that unit's run skipped; one copy per unit would grow with the square
 * of a county (1.1 GB at 1 M people).  Read it with rotap_eligible_at()
 * and rotap_eligible_has().
 */
typedef struct {
    int *people; /* ascending */
    int n_people;
    int skip_at; /* n_people when nothing is skipped */
    int n_skip;
    gboolean shared; /* people belongs to another list */
} RotapEligible;

static inline int
rotap_eligible_at(const RotapEligible *e, int k)
{
    return e->people[k < e->skip_at ? k : k + e->n_skip];
}

/* Whether person is on the list: a binary search of the array, a hit in
 * the skipped run being a miss. */
static inline gboolean
rotap_eligible_has(const RotapEligible *e, int person)
{
    int lo = 0, hi = e->n_people + e->n_skip - 1;

    if (e->n_skip == 0 && hi >= 0 && e->people[0] == 0 && e->people[hi] == hi)
        return person >= 0 && person <= hi; /* 0 .. n-1, distinct and sorted: all */
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;

        if (e->people[mid] == person)
            return mid < e->skip_at || mid >= e->skip_at + e->n_skip;
        if (e->people[mid] < person)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return FALSE;
}

/*
 * A cell is one place-counting window of a duty at a segment: one day, or
 * (per: week) the due days of one ISO week.  Its places may be filled on
 * any of its days; min/max/quotas count assignments over the whole window.
 */
typedef struct {
    int *days; /* the days in the window where the duty is due, ascending
                * (borrowed from model->cell_days) */
    int n_days;
    int duty, segment, shift;
    int first_day;
    int eligible; /* index into model->eligible */
} RotapCell;      /* 32 bytes: a county of 1 M people has 2.6 M cells */

struct _RotaModel {
    gint ref_count;
    RotapSpec *spec; /* owned: what the author wrote, for saving */
    char *sha256;    /* of the file's bytes, or NULL when built in code */

    char *name, *timezone;
    GDate start;
    int n_days;
    guint8 *workday;   /* n_days */
    int *weekday;      /* n_days, 1 = Monday .. 7 = Sunday */
    int *week;         /* n_days: ISO week index, 0 = the week of day 0 */
    int n_weeks;
    int *weekend;      /* n_days: weekend index for Sat/Sun, else -1 */
    int n_weekends;

    int n_shifts;
    RotapShift *shifts;
    guint8 *forbid; /* n_shifts * n_shifts: forbid[a * n_shifts + b] */

    int n_segments;
    RotapSegment *segments;
    int n_units;
    RotapUnit *units;
    int n_people;
    RotapPerson *people;
    int *person_tags;     /* every person's tags, one block */
    gsize n_person_tags; /* entries of person_tags filled so far */
    int *max_shifts;   /* n_people * n_shifts, effective, ROTAP_UNLIMITED if none */
    guint8 *off; /* bits, n_people x n_days x n_shifts: rotap_model_is_off() */

    int n_tags;
    char **tags;

    int n_requests;
    RotapRequest *requests;  /* sorted by person, then day */
    int *person_requests;    /* n_people + 1 offsets into requests */

    int n_duties;
    RotapDuty *duties;
    int n_eligible;
    RotapEligible *eligible;
    int n_cells;
    RotapCell *cells;
    int *cell_days; /* storage for the cells' day lists */
    int n_places;   /* sum of min over cells */

    int onsite_shift;   /* -1 when the model has no on-site rule */
    guint8 *onsite_day; /* n_days flags, NULL without an on-site rule */

    int weights[ROTA_N_WEIGHTS];
    int deadline_hours[ROTA_N_CATEGORIES]; /* effective (records/records-rules.c) */
    gint64 assess[ROTA_N_ASSESS];          /* effective, in hundredths */
    guint assess_on;                       /* bit (1 << RotaAssess): the figure applies */

    GHashTable *index; /* kind -> (id -> index + 1), for rota_model_find_*() */
};

/* Compile a spec into a model: validate everything, resolve every id and
 * precompute the tables above.  Takes the spec, even on failure.  Messages
 * read "json.path: what is wrong"; file loaders prefix FILE:LINE:COL. */
RotaModel *rotap_model_compile(RotapSpec *spec, GError **error);

/* When compile fails, the JSON path of the offending value, such as
 * "people[12].unit", is attached to the error message before the first ": ". */

/* The cell of (duty, segment, day), or -1 when the duty does not run there. */
int rotap_model_find_cell(const RotaModel *model, int duty, int segment, int day);
gboolean rotap_model_is_eligible(const RotaModel *model, int cell, int person);
gboolean rotap_person_has_tag(const RotaModel *model, int person, int tag);
int rotap_model_find_tag(const RotaModel *model, const char *tag);
/* What every output calls a duty (feeds, score messages, ...): the duty's
 * name; for a duty without one (or named as its id), ROTA_DUTY_ONSITE and
 * -1 (no duty) its shift's name, else the shift's id.  Borrowed from model. */
const char *rotap_model_duty_label(const RotaModel *model, int duty, int shift);
static inline gboolean
rotap_model_is_off(const RotaModel *model, int person, int day, int shift)
{
    gsize bit = ((gsize)person * (gsize)model->n_days + (gsize)day) * (gsize)model->n_shifts +
                (gsize)shift;

    return (model->off[bit >> 3] >> (bit & 7)) & 1;
}

#endif
