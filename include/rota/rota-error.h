/* SPDX-License-Identifier: MIT */
/* rota-error.h: the GError domain and codes of librota. */
#ifndef ROTA_ERROR_H
#define ROTA_ERROR_H

#if !defined(ROTA_INSIDE) && !defined(ROTA_COMPILATION)
#error "Only <rota/rota.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define ROTA_ERROR (rota_error_quark())

/*
 * RotaError: why an operation could not run.  Codes are append-only: a
 * code is never renumbered or reused.  Messages are for people, codes for
 * programs.
 */
typedef enum {
    ROTA_ERROR_FAILED = 0,  /* anything not listed below */
    ROTA_ERROR_IO = 1,      /* a file could not be read or written */
    ROTA_ERROR_SYNTAX = 2,  /* the text is not well-formed (JSON, Curtois, grid) */
    ROTA_ERROR_FORMAT = 3,  /* wrong "format" or "version", or an empty file */
    ROTA_ERROR_INVALID = 4, /* well-formed, but a value or reference is wrong */
    ROTA_ERROR_CANCELLED = 5 /* the caller cancelled the operation */
} RotaError;

GQuark rota_error_quark(void);

const char *rota_version_string(void);

G_END_DECLS

#endif
