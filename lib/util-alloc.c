/* SPDX-License-Identifier: MIT */
/* util-alloc.c: input-sized allocations that report failure, not abort. */
#include "config.h"

#include "i18n-private.h"
#include "util-private.h"

gpointer
rotap_try_alloc0(gsize n_blocks, gsize block_size, const char *what, GError **error)
{
    gpointer block = NULL;

    /* a product that overflows gsize fails like a refused allocation */
    if (block_size == 0 || n_blocks <= G_MAXSIZE / block_size)
        block = g_try_malloc0(MAX(n_blocks * block_size, 1));
    if (block == NULL)
        rotap_set_out_of_memory(error, what, (double)n_blocks * (double)block_size);
    return block;
}

gpointer
rotap_or_abort(gpointer result, GError **error)
{
    if (result == NULL)
        g_error("%s", *error != NULL ? (*error)->message : "out of memory");
    return result;
}

gboolean
rotap_set_out_of_memory(GError **error, const char *what, double bytes)
{
    /* TRANSLATORS: the first %s names what was being made, "the days off
     * of people x days"; the number is megabytes */
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_FAILED, _("out of memory: %s need %.1f MB"),
                what, bytes / 1e6);
    return FALSE;
}
