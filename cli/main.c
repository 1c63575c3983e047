/* SPDX-License-Identifier: MIT */
/* main.c: the rota tool: dispatch to a subcommand, print its error, map the exit status. */
#include "cli-private.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static gboolean cli_cmd_help(int argc, char **argv, GError **error);

static const CliCommand commands[] = {
    {"check", "MODEL", N_("validate a model and print what it holds"), cli_cmd_check},
    {"score", "MODEL ROSTER [--json]", N_("score a roster and explain every violation"),
     cli_cmd_score},
    {"solve", "MODEL [-o ROSTER]", N_("build a roster by local search"), cli_cmd_solve},
    {"diff", "OLD_ROSTER NEW_ROSTER", N_("who is affected by a new roster, and how"),
     cli_cmd_diff},
    {"demo", "[-o DIR]", N_("solve and publish the built-in county example"),
     cli_cmd_demo},
    {"export", "ics|xlsx|csv|html MODEL ROSTER -o OUT",
     N_("publish a roster as feeds, workbook, CSV or site"), cli_cmd_export},
    {"import", "--base BASE -o MODEL …",
     N_("build a model from CSV sheets and calendars"), cli_cmd_import},
    {"record", "attendance|finding|close RECORDS", N_("record what happened on duty"),
     cli_cmd_record},
    {"swap", "MODEL ROSTER --date D ...",
     N_("give a duty to someone else, or list who could"), cli_cmd_swap},
    {"bulletin", "MODEL ROSTER RECORDS --month M",
     N_("the period's bulletin, red list and black list"), cli_cmd_bulletin},
    {"help", "[COMMAND]", N_("show the help of rota or of one command"), cli_cmd_help},
};

static const CliCommand *
find_command(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    }
    return NULL;
}

static void
print_overview(FILE *out)
{
    fputs(_("Usage: rota COMMAND [OPTION…] ARGUMENTS\n\n"
            "rota builds duty rosters for city refined management and explains them.\n\n"
            "Commands:\n"),
          out);
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(out, "  %-7s %-24s %s\n", commands[i].name, commands[i].synopsis,
                _(commands[i].summary));
    fputs(_("\nOptions:\n"
            "  --version   print the versions of rota and librota\n"
            "  --help      print this overview\n\n"
            "Run 'rota help COMMAND' for a command's options and examples.\n"
            "Exit status: 0 done and every hard constraint holds; 1 error (bad input,\n"
            "I/O); 2 usage; 3 the roster breaks hard constraints.\n"
            "Messages follow the locale (LANG=zh_CN.UTF-8: Chinese); a command's\n"
            "--lang en|zh overrides it.\n"),
          out);
}

/* "rota help CMD" runs "rota CMD --help", so each command documents itself
 * in one place; GOption prints the help and exits 0. */
static gboolean
cli_cmd_help(int argc, char **argv, GError **error)
{
    const CliCommand *command;
    char *help_argv[3];
    g_autofree char *prgname = NULL;

    if (argc < 2) {
        print_overview(stdout);
        return TRUE;
    }
    if (argc > 2) {
        cli_set_usage_error(error, "help", _("too many arguments"));
        return FALSE;
    }
    command = find_command(argv[1]);
    if (command == NULL || command->run == cli_cmd_help) {
        if (command != NULL) {
            print_overview(stdout);
            return TRUE;
        }
        cli_set_usage_error(error, "help", _("unknown command \"%s\""), argv[1]);
        return FALSE;
    }
    help_argv[0] = argv[1];
    help_argv[1] = (char *)"--help";
    help_argv[2] = NULL;
    prgname = g_strdup_printf("rota %s", argv[1]);
    g_set_prgname(prgname);
    return command->run(2, help_argv, error);
}

static int
exit_status_for(const GError *error)
{
    if (error->domain == CLI_ERROR && error->code == CLI_ERROR_USAGE)
        return 2;
    if (error->domain == CLI_ERROR && error->code == CLI_ERROR_HARD)
        return 3;
    return 1;
}

int
main(int argc, char **argv)
{
    const CliCommand *command;
    g_autoptr(GError) error = NULL;
    g_autofree char *prgname = NULL;

    cli_i18n_init(argc, argv);
    /* "rota --lang zh --help": a --lang before the command was applied above. */
    if (argc > 1 && g_str_has_prefix(argv[1], "--lang=")) {
        argc--;
        argv++;
    } else if (argc > 2 && strcmp(argv[1], "--lang") == 0) {
        argc -= 2;
        argv += 2;
    }
    if (argc < 2) {
        print_overview(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("rota %s (librota %s)\n", ROTA_VERSION_STRING, rota_version_string());
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_overview(stdout);
        return 0;
    }
    command = find_command(argv[1]);
    if (command == NULL) {
        fprintf(stderr, _("rota: unknown command \"%s\" (see 'rota help')\n"), argv[1]);
        return 2;
    }
    prgname = g_strdup_printf("rota %s", command->name);
    g_set_prgname(prgname);
    if (command->run(argc - 1, argv + 1, &error))
        return 0;
    fprintf(stderr, "rota: %s\n", error->message);
    return exit_status_for(error);
}
