/* SPDX-License-Identifier: MIT */
/* error.c: the ROTA_ERROR domain and the runtime version string. */
#include "config.h"

#include <rota/rota.h>

/**
 * rota_error_quark:
 *
 * The error domain of librota (%ROTA_ERROR): every #GError it sets is in
 * this domain, with a #RotaError code.
 *
 * Returns: the quark of "rota-error-quark".
 * Since: 0.1
 */
G_DEFINE_QUARK(rota-error-quark, rota_error)

/**
 * rota_version_string:
 *
 * The version of the librota that the program runs with, which may be newer
 * than the headers it was built with (ROTA_VERSION_STRING).
 *
 * Returns: (transfer none): a static string such as "0.1.0".
 * Since: 0.1
 */
const char *
rota_version_string(void)
{
    return PACKAGE_VERSION;
}
