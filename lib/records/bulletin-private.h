/* SPDX-License-Identifier: MIT */
/* bulletin-private.h: the bulletin's fields, shared by its counting and its writers. */
#ifndef ROTA_BULLETIN_PRIVATE_H
#define ROTA_BULLETIN_PRIVATE_H

#include "records-private.h"

struct _RotaBulletin {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    RotaModel *model;           /* a reference */
    const RotaRecords *records; /* only while counting */
    char *from, *to;
    int from_day, to_day;    /* offsets from the horizon start, may lie outside it */
    RotaBulletinUnit *units; /* n_units, in rank order */
    RotaBulletinPerson *people;
    int n_people;
};

int rotap_compare_person_ids(gconstpointer a, gconstpointer b, gpointer model);

/* Hours of minutes, in hundredths, rounded half up. */
static inline gint64
rotap_hours_hundredths(gint64 minutes)
{
    return (minutes * 100 + 30) / 60;
}

#endif
