/* SPDX-License-Identifier: MIT */
/* demo-private.h: the summary that "rota demo" prints of its solved county roster. */
#ifndef ROTA_DEMO_PRIVATE_H
#define ROTA_DEMO_PRIVATE_H

#include "cli-private.h"

/* Coverage, hard violations, on-site days by heads and deputies, and
 * fairness per unit of roster, on standard output. */
void cli_demo_print_summary(RotaModel *model, const RotaRoster *roster,
                            const RotaScore *score);

/* The person whose feed the demo points to: the first volunteer (by
 * index) with a duty other than the on-site hour, else the first person
 * with any duty, else person 0.  *n_duties gets that person's duties. */
int cli_demo_pick_volunteer(RotaModel *model, const RotaRoster *roster, int *n_duties);

/* The bulletin of the county's committed month of records (its roster and
 * records.json, built in): prints the top and the bottom of the ranking and
 * writes DIR/bulletin/bulletin.html, .json and .csv. */
gboolean cli_demo_bulletin(RotaModel *model, const char *dir, GError **error);

#endif
