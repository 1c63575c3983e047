/* SPDX-License-Identifier: MIT */
/* i18n.c: binding librota's text domain, and its Chinese catalogue on demand. */
#include "config.h"

#include <string.h>

#include "i18n-private.h"

#ifndef LOCALEDIR
#error "LOCALEDIR must be defined (Makefile.am)"
#endif

/* The catalogues' root: $ROTA_LOCALEDIR for an uninstalled build, else the
 * installed one. */
static const char *
locale_dir(void)
{
    const char *dir = g_getenv("ROTA_LOCALEDIR");

    return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

static void
bind_domain(void)
{
    static gsize bound = 0;

    if (g_once_init_enter(&bound)) {
        bindtextdomain(GETTEXT_PACKAGE, locale_dir());
        bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
        g_once_init_leave(&bound, 1);
    }
}

const char *
rotap_gettext(const char *msgid)
{
    bind_domain();
    return g_dgettext(GETTEXT_PACKAGE, msgid);
}

const char *
rotap_ngettext(const char *msgid, const char *plural, gulong n)
{
    bind_domain();
    return g_dngettext(GETTEXT_PACKAGE, msgid, plural, n);
}

/* ------------------------------------------------ the zh_CN catalogue itself */

/*
 * A message catalogue (.mo, as msgfmt writes it): a header of 32-bit words
 * (magic, revision, count, offset of the originals' table, offset of the
 * translations' table), then per message a (length, offset) pair in each
 * table; every string is NUL-terminated.  A plural entry's original is
 * "msgid\0msgid_plural" and its translation the forms separated by NULs.
 * Read once, kept for the life of the process.
 */
#define MO_MAGIC 0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

static guint32
word(const char *data, gsize offset, gboolean swapped)
{
    guint32 w;

    memcpy(&w, data + offset, sizeof w);
    return swapped ? GUINT32_SWAP_LE_BE(w) : w;
}

/* The string at entry i of the table at table_offset, or NULL if it lies
 * outside the file or is not NUL-terminated. */
static const char *
mo_string(const char *data, gsize size, guint32 table_offset, guint32 i, gboolean swapped)
{
    gsize at = (gsize)table_offset + (gsize)i * 8;
    guint32 length, offset;

    if (at + 8 > size)
        return NULL;
    length = word(data, at, swapped);
    offset = word(data, at + 4, swapped);
    if ((gsize)offset + length >= size || data[(gsize)offset + length] != '\0')
        return NULL;
    return data + offset;
}

static char *catalogue_data;

static GHashTable *
load_catalogue(const char *path)
{
    char *data = NULL;
    gsize size = 0;
    GHashTable *table = g_hash_table_new(g_str_hash, g_str_equal);
    guint32 magic, n, originals, translations;
    gboolean swapped;

    if (!g_file_get_contents(path, &data, &size, NULL) || size < 20)
        goto done;
    magic = word(data, 0, FALSE);
    if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
        goto done;
    swapped = magic == MO_MAGIC_SWAPPED;
    n = word(data, 8, swapped);
    originals = word(data, 12, swapped);
    translations = word(data, 16, swapped);
    for (guint32 i = 0; i < n; i++) {
        const char *original = mo_string(data, size, originals, i, swapped);
        const char *translation = mo_string(data, size, translations, i, swapped);

        if (original == NULL || translation == NULL)
            break;
        if (*original != '\0' && *translation != '\0')
            g_hash_table_insert(table, (gpointer)original, (gpointer)translation);
    }
done:
    /* The keys and values point into data, kept as long as the table: for
     * the process's lifetime. */
    if (g_hash_table_size(table) > 0)
        catalogue_data = data;
    else
        g_free(data);
    return table;
}

static GHashTable *
chinese(void)
{
    static GHashTable *table = NULL;

    if (g_once_init_enter(&table)) {
        g_autofree char *path = g_build_filename(locale_dir(), "zh_CN", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

        g_once_init_leave(&table, load_catalogue(path));
    }
    return table;
}

const char *
rotap_zh(const char *msgid)
{
    const char *translation = g_hash_table_lookup(chinese(), msgid);

    return translation != NULL ? translation : msgid;
}

const char *
rotap_zh_n(const char *msgid, const char *plural, gulong n)
{
    const char *translation = g_hash_table_lookup(chinese(), msgid);

    if (translation != NULL)
        return translation; /* Chinese has one form: the first */
    return n == 1 ? msgid : plural;
}
