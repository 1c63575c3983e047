/* SPDX-License-Identifier: MIT */
/* builder-private.h: the builder's state, shared by its two source files. */
#ifndef ROTA_BUILDER_PRIVATE_H
#define ROTA_BUILDER_PRIVATE_H

#include "model-private.h"

struct _RotaBuilder {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    RotapSpec *spec; /* never NULL between calls */
    /* The first bad index or enum value a setter was given, with the
     * number of later ones: rota_builder_steal_model() fails with it. */
    char *misuse;
    int n_misuses;
};

/*
 * Bad input to a setter (an index no add function returned, a limit or
 * weight out of range) is recorded, not a CRITICAL: the element is left
 * alone and rota_builder_steal_model() fails naming the first such call.
 * A NULL builder stays a caller bug (g_return_if_fail).
 */
gboolean rotap_builder_check_index(RotaBuilder *builder, const char *function,
                                   const char *what, guint count, int index);
gboolean rotap_builder_check_enum(RotaBuilder *builder, const char *function,
                                  const char *what, int value, int count);

/* Guard of the setters taking an element index. */
#define RETURN_IF_BAD(builder, array, index)                                             \
    G_STMT_START                                                                         \
    {                                                                                    \
        g_return_if_fail((builder) != NULL);                                             \
        if (!rotap_builder_check_index((builder), G_STRFUNC, #array,                     \
                                       (builder)->spec->array->len, (index)))            \
            return;                                                                      \
    }                                                                                    \
    G_STMT_END

/* Set or replace the count of one shift in a "max_shifts" object
 * (GArray of RotapShiftCountSpec): a key appears once, as in JSON. */
void rotap_builder_set_shift_count(GArray *counts, const char *shift, int count);

#endif
