/* SPDX-License-Identifier: MIT */
/* i18n-private.h: librota's messages through gettext (domain GETTEXT_PACKAGE). */
#ifndef ROTA_I18N_PRIVATE_H
#define ROTA_I18N_PRIVATE_H

#ifndef GETTEXT_PACKAGE
#include "config.h" /* GETTEXT_PACKAGE, for files that include this first */
#endif
#include <glib/gi18n-lib.h>

/*
 * Messages are written in English and translated through the "rota" text
 * domain, which the library binds itself on first use (to $ROTA_LOCALEDIR
 * when set, the uninstalled build's catalogue the test suite uses, else to
 * the installed LOCALEDIR), with UTF-8 output whatever the locale's charset.
 *
 *   _("...")          the message in the language of the locale (LC_MESSAGES,
 *                     LANGUAGE), as every GLib library does;
 *   rotap_zh("...")   the message in Chinese whatever the locale, for the
 *                     fields that carry both languages (a violation's
 *                     message_zh, import errors with rota_import_set_chinese());
 *                     English when no zh_CN catalogue is installed.
 *
 * Both return static strings; formats keep their printf arguments (the
 * translation may reorder them with %1$s).
 */
#undef _
#define _(String) rotap_gettext(String)

const char *rotap_gettext(const char *msgid) G_GNUC_FORMAT(1);
const char *rotap_ngettext(const char *msgid, const char *plural, gulong n)
    G_GNUC_FORMAT(1) G_GNUC_FORMAT(2);
const char *rotap_zh(const char *msgid) G_GNUC_FORMAT(1);
const char *rotap_zh_n(const char *msgid, const char *plural, gulong n) G_GNUC_FORMAT(1)
    G_GNUC_FORMAT(2);

#endif
