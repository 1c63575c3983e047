/* SPDX-License-Identifier: MIT */
/* builder-private.h: the builder's state, shared by its two source files. */
#ifndef ROTA_BUILDER_PRIVATE_H
#define ROTA_BUILDER_PRIVATE_H

#include "model-private.h"

struct _RotaBuilder {
    RotapSpec *spec; /* never NULL between calls */
};

/* Guard of the setters taking an element index (a caller bug if bad). */
#define RETURN_IF_BAD(builder, array, index)                                             \
    g_return_if_fail((builder) != NULL && (index) >= 0 &&                                \
                     (guint)(index) < (builder)->spec->array->len)

/* Set or replace the count of one shift in a "max_shifts" object
 * (GArray of RotapShiftCountSpec): a key appears once, as in JSON. */
void rotap_builder_set_shift_count(GArray *counts, const char *shift, int count);

#endif
