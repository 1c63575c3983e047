/* SPDX-License-Identifier: MIT */
/* compile-private.h: what the files of the spec compiler share with each other. */
#ifndef ROTA_COMPILE_PRIVATE_H
#define ROTA_COMPILE_PRIVATE_H

#include "model-private.h"

/*
 * The compiler runs in stages over one half-built model (compile.c: the
 * horizon, shifts, segments and units; compile-people.c: rules, people and
 * their limits, days off and requests; compile-duties.c: duties, cells,
 * eligibility and the on-site rule).  Each stage validates its part of the
 * spec and fills its part of the model, stopping at the first problem with
 * ROTA_ERROR_INVALID "json.path: what is wrong (what was expected)".
 *
 * Strings of the model (ids, names, tags) are borrowed from model->spec,
 * which the model owns; rotap_model_free() frees only what compile
 * allocated, and copes with a model that a failed stage left half-filled.
 */

/* Kinds of ids in model->index (one table of id -> index + 1 per kind;
 * the ids are borrowed from the spec). */
typedef enum {
    ROTAP_KIND_SHIFT = 1,
    ROTAP_KIND_SEGMENT,
    ROTAP_KIND_UNIT,
    ROTAP_KIND_PERSON,
    ROTAP_KIND_DUTY,
    ROTAP_KIND_TAG
} RotapKind;

/* Set ROTA_ERROR_INVALID with the formatted message; always FALSE. */
gboolean rotap_compile_fail(GError **error, const char *format, ...) G_GNUC_PRINTF(2, 3);

/* The index of id among the ids of kind, or -1 (also for a NULL id). */
int rotap_compile_lookup(const RotaModel *model, RotapKind kind, const char *id);

/* Record id (borrowed: it must live as long as the model) as element
 * index of kind.  When the id is already taken, return the index that
 * holds it and record nothing; else -1. */
int rotap_compile_register(RotaModel *model, RotapKind kind, const char *id, int index);

/*
 * Checks that name the offending value by a JSON path, given as a printf
 * format and arguments ("shifts[%u].id", i); the path is only formatted
 * when the check fails, so that large models compile without allocating
 * a path per value.
 */

/* An id or tag must be given, non-empty, valid UTF-8, without control
 * characters; what names it in the message ("shift id", "tag"). */
gboolean rotap_compile_check_id(const char *id, const char *what, GError **error,
                                const char *path_format, ...) G_GNUC_PRINTF(4, 5);

/* Free text (names, grids) may be missing; when given it is valid UTF-8. */
gboolean rotap_compile_check_text(const char *text, GError **error,
                                  const char *path_format, ...) G_GNUC_PRINTF(3, 4);

/* Strict "YYYY-MM-DD" (as rotap_parse_date()) to a day number on GDate's
 * Julian scale, without a GDate. */
gboolean rotap_compile_julian(const char *text, gint64 *julian);

/* Parse a date.  *day is its index in the horizon, or -1 when it lies
 * outside; with inside TRUE that is an error naming the horizon. */
gboolean rotap_compile_date(const RotaModel *model, const char *text, gboolean inside,
                            int *day, GError **error, const char *path_format, ...)
    G_GNUC_PRINTF(6, 7);

/* Resolve a day selector (a keyword, or dates at "PATH[j]", inside the
 * horizon, each once) into n_days flags. */
gboolean rotap_compile_days(const RotaModel *model, const RotapDaysSpec *days,
                            guint8 *due, GError **error, const char *path_format, ...)
    G_GNUC_PRINTF(5, 6);

/* The tag's index in model->tags, adding it when new (the string is
 * borrowed from the spec); tags is the growing model->tags. */
int rotap_compile_intern_tag(RotaModel *model, GPtrArray *tags, const char *tag);

/* Stages, in order; each assumes the previous ones succeeded. */
gboolean rotap_compile_rules(RotaModel *model, GError **error);
gboolean rotap_compile_people(RotaModel *model, GPtrArray *tags, GError **error);
gboolean rotap_compile_duties(RotaModel *model, GPtrArray *tags, GError **error);
gboolean rotap_compile_onsite(RotaModel *model, GError **error);

/* Eligibility lists (compile-eligible.c), built duty by duty once people
 * are compiled: n_tags is the number of tags people carry. */
typedef struct _RotapEligibility RotapEligibility;
RotapEligibility *rotap_eligibility_new(RotaModel *model, int n_tags);
/* lists[k]: the list index for the duty's k-th segment. */
void rotap_eligibility_duty(RotapEligibility *e, const RotapDutySpec *spec,
                            const RotapDuty *duty, int *lists);
/* Move the lists into model->eligible. */
void rotap_eligibility_finish(RotapEligibility *e);
void rotap_eligibility_free(RotapEligibility *e);
/* Fill the units' fair_members, once the cells are laid out. */
void rotap_compile_fair_members(RotaModel *model);

/* Release a model whatever stage it reached (model.c).  Duties may share
 * their due and window_first_day arrays. */
void rotap_model_free(RotaModel *model);

#endif
