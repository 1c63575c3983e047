/* SPDX-License-Identifier: MIT */
/* progress.c: the solver's progress line on standard error (rota solve, rota demo). */
#include "progress-private.h"

#include <stdio.h>
#include <unistd.h>

/* Seconds between progress lines when standard error is not a terminal. */
#define LINE_SECONDS 2.0

void
cli_progress_init(CliProgress *progress, const char *command)
{
    progress->command = command;
    progress->tty = isatty(fileno(stderr));
    progress->printed = FALSE;
    progress->last_line = 0;
}

void
cli_progress_show(const RotaProgress *p, gpointer user_data)
{
    CliProgress *progress = user_data;

    if (progress->tty) {
        fprintf(stderr,
                "\r%7.1f s  hard %d  soft %" G_GINT64_FORMAT "  %" G_GUINT64_FORMAT
                " moves (%.0f/s)   ",
                p->elapsed, p->best_hard, p->best_soft, p->moves, p->moves_per_second);
        progress->printed = TRUE;
    } else if (p->elapsed - progress->last_line >= LINE_SECONDS) {
        fprintf(stderr,
                "rota %s: %.1f s  hard %d  soft %" G_GINT64_FORMAT "  %" G_GUINT64_FORMAT
                " moves (%.0f/s)\n",
                progress->command, p->elapsed, p->best_hard, p->best_soft, p->moves,
                p->moves_per_second);
        progress->last_line = p->elapsed;
    }
    fflush(stderr);
}

void
cli_progress_end(CliProgress *progress)
{
    if (progress->printed)
        fputc('\n', stderr);
    progress->printed = FALSE;
}
