/* SPDX-License-Identifier: MIT */
/* import-ical.c: people's busy times from iCalendar files into days off, with libical. */
#include "config.h"

#include "import/import-private.h"

void
rotap_import_availability(RotapImportRun *run, const char *dir, int file,
                          GString *summary)
{
}
