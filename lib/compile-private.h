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

/* Kinds of ids in model->index; a key is "kind\037id". */
#define ROTAP_KIND_SHIFT "shift"
#define ROTAP_KIND_SEGMENT "segment"
#define ROTAP_KIND_UNIT "unit"
#define ROTAP_KIND_PERSON "person"
#define ROTAP_KIND_DUTY "duty"
#define ROTAP_KIND_TAG "tag"

/* Set ROTA_ERROR_INVALID with the formatted message; always FALSE. */
gboolean rotap_compile_fail(GError **error, const char *format, ...) G_GNUC_PRINTF(2, 3);

/* The index of id among the ids of kind, or -1 (also for a NULL id). */
int rotap_compile_lookup(const RotaModel *model, const char *kind, const char *id);

/* Record id as element index of kind.  When the id is already taken,
 * return the index that holds it and record nothing; else -1. */
int rotap_compile_register(RotaModel *model, const char *kind, const char *id,
                           int index);

/* An id must be given, non-empty, valid UTF-8, without control characters.
 * path names the id's value ("shifts[2].id"); what names its kind. */
gboolean rotap_compile_check_id(const char *id, const char *path, const char *what,
                                GError **error);

/* Free text (names, grids) may be missing; when given it is valid UTF-8. */
gboolean rotap_compile_check_text(const char *text, const char *path, GError **error);

/* Parse a date at path.  *day is its index in the horizon, or -1 when it
 * lies outside; with inside TRUE that is an error naming the horizon. */
gboolean rotap_compile_date(const RotaModel *model, const char *text, const char *path,
                            gboolean inside, int *day, GError **error);

/* The tag's index in model->tags, adding it when new (the string is
 * borrowed from the spec); tags is the growing model->tags. */
int rotap_compile_intern_tag(RotaModel *model, GPtrArray *tags, const char *tag);

/* Resolve a day selector (a keyword, or dates at "PATH[j]") into n_days
 * flags. */
gboolean rotap_compile_days(const RotaModel *model, const RotapDaysSpec *days,
                            const char *path, guint8 *due, GError **error);

/* Stages, in order; each assumes the previous ones succeeded. */
gboolean rotap_compile_rules(RotaModel *model, GError **error);
gboolean rotap_compile_people(RotaModel *model, GPtrArray *tags, GError **error);
gboolean rotap_compile_duties(RotaModel *model, GPtrArray *tags, GError **error);
gboolean rotap_compile_onsite(RotaModel *model, GError **error);

/* Release a model whatever stage it reached (model.c). */
void rotap_model_free(RotaModel *model);

#endif
