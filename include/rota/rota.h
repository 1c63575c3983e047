/* SPDX-License-Identifier: MIT */
/* rota.h: the one header applications include to use librota. */
#ifndef ROTA_H
#define ROTA_H

#define ROTA_INSIDE
#include <rota/rota-version.h>
#include <rota/rota-error.h>
#include <rota/rota-model.h>
#include <rota/rota-builder.h>
#include <rota/rota-roster.h>
#include <rota/rota-score.h>
#include <rota/rota-diff.h>
#include <rota/rota-solver.h>
#include <rota/rota-export.h>
#include <rota/rota-import.h>
#include <rota/rota-views.h>
#include <rota/rota-records.h>
#include <rota/rota-swap.h>
#include <rota/rota-bulletin.h>
#include <rota/rota-enum-types.h>
#undef ROTA_INSIDE

#endif
