/* SPDX-License-Identifier: MIT */
/* roster-diff-private.h: the roster diff's fields, shared by its reader, comparison and
 * writer. */
#ifndef ROTA_ROSTER_DIFF_PRIVATE_H
#define ROTA_ROSTER_DIFF_PRIVATE_H

#include <rota/rota.h>

/* One assignment as ids.  The strings are interned in the diff's string
 * chunk, so they live as long as the diff. */
typedef struct {
    const char *date, *shift, *segment, *person, *duty;
} RotapDiffTuple;

/* One side of a diff as read: its assignments and the model checksum the
 * roster file names (NULL when it names none). */
typedef struct {
    GArray *tuples; /* RotapDiffTuple */
    char *sha256;
} RotapDiffSide;

struct _RotaRosterDiff {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    RotaModel *model;      /* a reference, or NULL */
    GStringChunk *strings; /* every id of the tuples and changes */
    char *old_sha256, *new_sha256;
    GArray *changes; /* RotaChange, sorted (see rota_roster_diff_get_change) */
    int n_people, n_added, n_removed, n_moved;
};

/* Read the assignments of a roster.json text as id tuples, without a
 * model: the document must be a well-formed rota-roster version 1 with the
 * keys and types roster-json.c accepts and real calendar dates; errors
 * read "SOURCE:LINE:COL: json.path: message" as there.  side is filled on
 * success (the caller clears it with rotap_diff_side_clear either way). */
gboolean rotap_diff_read_side(GStringChunk *strings, const char *data, gsize length,
                              const char *source, RotapDiffSide *side, GError **error);

/* The tuples of a roster, ids taken from its model. */
void rotap_diff_side_from_roster(GStringChunk *strings, const RotaRoster *roster,
                                 RotapDiffSide *side);

void rotap_diff_side_clear(RotapDiffSide *side);

/* Compare two sides into diff->changes and the counters. */
void rotap_diff_compute(RotaRosterDiff *diff, RotapDiffSide *old_side,
                        RotapDiffSide *new_side);

#endif
