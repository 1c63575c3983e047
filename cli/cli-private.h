/* SPDX-License-Identifier: MIT */
/* cli-private.h: what the rota tool's subcommands share (public API only). */
#ifndef ROTA_CLI_PRIVATE_H
#define ROTA_CLI_PRIVATE_H

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <rota/rota.h>

/*
 * Subcommands report failure through GError; only main() prints, and it
 * maps the error to the exit status documented in rota(1): CLI_ERROR_USAGE is 2,
 * CLI_ERROR_HARD (a roster that breaks hard constraints) is 3, anything
 * else is 1.
 */
#define CLI_ERROR (cli_error_quark())
typedef enum {
    CLI_ERROR_USAGE,
    CLI_ERROR_HARD
} CliError;
GQuark cli_error_quark(void);

typedef gboolean (*CliCommandFunc)(int argc, char **argv, GError **error);

typedef struct {
    const char *name;
    const char *synopsis;
    const char *summary;
    CliCommandFunc run;
} CliCommand;

gboolean cli_cmd_check(int argc, char **argv, GError **error);
gboolean cli_cmd_score(int argc, char **argv, GError **error);
gboolean cli_cmd_diff(int argc, char **argv, GError **error);
gboolean cli_cmd_demo(int argc, char **argv, GError **error);
gboolean cli_cmd_solve(int argc, char **argv, GError **error);
gboolean cli_cmd_export(int argc, char **argv, GError **error);
gboolean cli_cmd_import(int argc, char **argv, GError **error);
/* "rota export sheets MODEL -o DIR" (cmd-import.c); argv[0] is "sheets". */
gboolean cli_export_sheets(int argc, char **argv, GError **error);
/* "rota export xlsx|csv|html" (cmd-export-views.c), called by cli_cmd_export. */
gboolean cli_export_views(int argc, char **argv, GError **error);
gboolean cli_cmd_record(int argc, char **argv, GError **error);
gboolean cli_cmd_swap(int argc, char **argv, GError **error);
gboolean cli_cmd_bulletin(int argc, char **argv, GError **error);

/* A GOptionContext for one subcommand: "rota NAME" plus its synopsis in
 * --help, the summary and a description with examples below the options. */
GOptionContext *cli_context_new(const char *synopsis, const char *summary,
                                const char *description);
/* g_option_context_parse() whose failures are usage errors (exit 2). */
gboolean cli_parse(GOptionContext *context, int *argc, char ***argv, GError **error);
/* A usage error: "MESSAGE (see 'rota help NAME')". */
void cli_set_usage_error(GError **error, const char *command, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

/* Input formats of --format. */
typedef enum {
    CLI_FORMAT_JSON,
    CLI_FORMAT_CURTOIS
} CliFormat;
gboolean cli_parse_format(const char *text, CliFormat *format, GError **error);
RotaModel *cli_load_model(const char *path, CliFormat format, GError **error);
RotaRoster *cli_load_roster(RotaModel *model, const char *path, CliFormat format,
                            GError **error);

/* The time of a --now option (ISO 8601); a usage error of command otherwise. */
GDateTime *cli_parse_now(const char *command, const char *text, GError **error);
/* The secret key file of an export into dir: secret when given, else
 * DIR.secret beside dir (never inside it: dir gets published). */
char *cli_secret_path(const char *dir, const char *secret);

/* --lang takes en or zh (zh_CN, en_US.UTF-8 and the like too); anything
 * else is a usage error of command.  NULL (no option) is fine. */
gboolean cli_check_lang(const char *lang_option, const char *command, GError **error);
/* Whether two paths name the same existing file (device and inode). */
gboolean cli_same_file(const char *a, const char *b);
/* Messages go through gettext (domain GETTEXT_PACKAGE, po/): the locale
 * picks the language; a --lang anywhere in argv overrides it (it sets
 * LANGUAGE, and a UTF-8 locale for messages when the locale is C).  Called
 * first in main(). */
void cli_i18n_init(int argc, char **argv);
/* Where the catalogues are: $ROTA_LOCALEDIR (the build tree's, for the
 * test suite), else the installed LOCALEDIR. */
const char *cli_locale_dir(void);
/* Whether messages are shown in Chinese (the catalogue in use is zh):
 * then a violation's message_zh is printed instead of its message. */
gboolean cli_speaks_chinese(void);
/* A constraint name ("uncovered") as the coordinator reads it ("缺岗" in
 * Chinese); unknown names are returned as they are. */
const char *cli_constraint_name(const char *id);
/* text padded to width terminal columns (CJK characters count two), on the
 * right (left-aligned) or, with right, on the left. */
char *cli_pad(const char *text, int width, gboolean right);
/* A violation's explanation in the language of the messages. */
const char *cli_violation_message(const RotaViolation *violation);
/* The table of terms (constraint, count, penalty) of "rota score" and
 * "rota solve"; nothing when the score has no term. */
void cli_print_terms(FILE *out, const RotaScore *score);

#endif
