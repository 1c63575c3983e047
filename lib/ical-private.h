/* SPDX-License-Identifier: MIT */
/* ical-private.h: the pieces of the iCalendar export (text, time zone, events, ledger). */
#ifndef ROTA_ICAL_PRIVATE_H
#define ROTA_ICAL_PRIVATE_H

#include <rota/rota.h>

struct _RotaFeedWriter {
    RotaModel *model; /* a reference */
    guint8 *secret;
    gsize secret_length;
    GDateTime *now;   /* NULL: the current time at export */
    int keep_cancelled_days;
    char *previous_dir; /* NULL: the output folder */
};

/* The unguessable token of a personal feed name (writer's secret set). */
char *rotap_feed_token(const RotaFeedWriter *writer, const char *person_id);

#endif
