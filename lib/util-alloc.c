/* SPDX-License-Identifier: MIT */
/* util-alloc.c: input-sized allocations that report failure, not abort. */
#include "config.h"

#include "util-private.h"

gpointer
rotap_try_alloc0(gsize n_blocks, gsize block_size, const char *what, GError **error)
{
    gpointer block = NULL;

    /* a product that overflows gsize fails like a refused allocation */
    if (block_size == 0 || n_blocks <= G_MAXSIZE / block_size)
        block = g_try_malloc0(MAX(n_blocks * block_size, 1));
    if (block == NULL)
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_FAILED,
                    "out of memory: %s need %" G_GSIZE_FORMAT " x %" G_GSIZE_FORMAT
                    " bytes (%.1f MB)",
                    what, n_blocks, block_size,
                    (double)n_blocks * (double)block_size / 1e6);
    return block;
}
