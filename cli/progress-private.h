/* SPDX-License-Identifier: MIT */
/* progress-private.h: the solver's progress on standard error, shared by rota solve and
 * rota demo. */
#ifndef ROTA_PROGRESS_PRIVATE_H
#define ROTA_PROGRESS_PRIVATE_H

#include <rota/rota.h>

/*
 * On a terminal one live line is rewritten at every report; otherwise a
 * line "rota COMMAND: E s  hard H  soft S  M moves (R/s)" is written every
 * two seconds (scripts such as bench/run-county.sh read those lines).
 */
typedef struct {
    const char *command; /* "solve": lines off a terminal start "rota solve: " */
    gboolean tty;        /* standard error is a terminal */
    gboolean printed;    /* a live line is on the terminal */
    double last_line;    /* elapsed time of the last line off a terminal */
} CliProgress;

/* Start a report for the subcommand command (borrowed, usually a literal). */
void cli_progress_init(CliProgress *progress, const char *command);
/* A RotaProgressFunc whose user_data is the CliProgress. */
void cli_progress_show(const RotaProgress *p, gpointer user_data);
/* End the live line, if one is on the terminal, so that later output starts
 * on a line of its own. */
void cli_progress_end(CliProgress *progress);

#endif
