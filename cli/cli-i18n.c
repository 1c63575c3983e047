/* SPDX-License-Identifier: MIT */
/* cli-i18n.c: the locale picks the language of rota's messages; --lang overrides. */
#include "config.h"

#include "cli-private.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

/* The value of the first --lang (or --lang=VALUE) before "--", or NULL. */
static const char *
find_lang_option(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--lang") == 0)
            return i + 1 < argc ? argv[i + 1] : NULL;
        if (g_str_has_prefix(argv[i], "--lang="))
            return argv[i] + strlen("--lang=");
    }
    return NULL;
}

/* The language the environment asks for, as glibc reads it: "zh_CN" from
 * LC_ALL, LC_MESSAGES or LANG = "zh_CN.UTF-8"; NULL for C, POSIX or none. */
static char *
environment_language(void)
{
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};

    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        const char *value = g_getenv(names[i]);

        if (value == NULL || *value == '\0')
            continue;
        if (strcmp(value, "C") == 0 || strcmp(value, "POSIX") == 0 ||
            g_str_has_prefix(value, "C."))
            return NULL;
        return g_strndup(value, strcspn(value, ".@"));
    }
    return NULL;
}

static gboolean
is_c_locale(const char *name)
{
    return name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

/* gettext translates nothing in the C locale, and the locale a LANG names
 * may not be installed (a fresh Debian has only C.UTF-8): messages then
 * use C.UTF-8, which any language's catalogue can be chosen under through
 * LANGUAGE, and UTF-8 output. */
static void
use_c_utf8(int category)
{
    if (setlocale(category, "C.UTF-8") == NULL)
        setlocale(category, "C.utf8");
}

void
cli_i18n_init(int argc, char **argv)
{
    const char *option = find_lang_option(argc, argv);
    g_autofree char *language = NULL;

    if (setlocale(LC_ALL, "") == NULL) {
        /* The environment names a locale this machine lacks: keep its
         * language for the messages (unless LANGUAGE says otherwise). */
        use_c_utf8(LC_ALL);
        if (g_getenv("LANGUAGE") == NULL || *g_getenv("LANGUAGE") == '\0')
            language = environment_language();
    }
    if (option != NULL && cli_check_lang(option, "", NULL)) {
        g_free(language);
        language = g_strdup(g_str_has_prefix(option, "zh") ? "zh_CN" : "en");
    }
    if (language != NULL) {
        g_setenv("LANGUAGE", language, TRUE);
        if (is_c_locale(setlocale(LC_MESSAGES, NULL)))
            use_c_utf8(LC_MESSAGES);
        if (!g_get_charset(NULL))
            use_c_utf8(LC_CTYPE);
    }
    bindtextdomain(GETTEXT_PACKAGE, cli_locale_dir());
    bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
    textdomain(GETTEXT_PACKAGE);
}

const char *
cli_locale_dir(void)
{
    const char *dir = g_getenv("ROTA_LOCALEDIR");

    return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

gboolean
cli_speaks_chinese(void)
{
    /* The empty message's translation is the catalogue's header, which
     * names its language ("Language: zh_CN"). */
    static const char header_key[] = "";
    const char *header = gettext(header_key);
    const char *language = strstr(header, "Language: ");

    return language != NULL && strncmp(language + strlen("Language: "), "zh", 2) == 0;
}

/* The evaluator's constraint names (docs/model-json.md, "Constraint names"),
 * marked for translation: a coordinator reads "缺岗", not "uncovered". */
static const char *const constraint_names[] = {
    NC_("constraint", "off"),
    NC_("constraint", "eligibility"),
    NC_("constraint", "double_booking"),
    NC_("constraint", "over_max"),
    NC_("constraint", "min_rest"),
    NC_("constraint", "forbidden_succession"),
    NC_("constraint", "max_shifts"),
    NC_("constraint", "min_minutes"),
    NC_("constraint", "max_minutes"),
    NC_("constraint", "max_shifts_week"),
    NC_("constraint", "max_minutes_week"),
    NC_("constraint", "min_consecutive"),
    NC_("constraint", "max_consecutive"),
    NC_("constraint", "min_days_off"),
    NC_("constraint", "max_weekends"),
    NC_("constraint", "onsite_missing"),
    NC_("constraint", "onsite_unstaffed"),
    NC_("constraint", "onsite_extra"),
    NC_("constraint", "locked"),
    NC_("constraint", "uncovered"),
    NC_("constraint", "over"),
    NC_("constraint", "quota"),
    NC_("constraint", "deputy_onsite"),
    NC_("constraint", "request"),
    NC_("constraint", "fairness"),
    NC_("constraint", "change"),
};

const char *
cli_constraint_name(const char *id)
{
    for (gsize i = 0; i < G_N_ELEMENTS(constraint_names); i++) {
        if (strcmp(constraint_names[i], id) == 0)
            return g_dpgettext2(GETTEXT_PACKAGE, "constraint", id);
    }
    return id;
}

/* text padded with spaces to width terminal columns (a Chinese character
 * takes two), for the tables' columns; at least one space is not added. */
char *
cli_pad(const char *text, int width, gboolean right)
{
    int columns = 0;
    GString *out = g_string_new(NULL);

    for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char_validated(p, -1);

        if (c == (gunichar)-1 || c == (gunichar)-2)
            break;
        columns += g_unichar_iswide(c) ? 2 : 1;
    }
    if (!right)
        g_string_append(out, text);
    for (; columns < width; columns++)
        g_string_append_c(out, ' ');
    if (right)
        g_string_append(out, text);
    return g_string_free(out, FALSE);
}

const char *
cli_violation_message(const RotaViolation *violation)
{
    if (violation->message_zh != NULL && cli_speaks_chinese())
        return violation->message_zh;
    return violation->message;
}

void
cli_print_terms(FILE *out, const RotaScore *score)
{
    int n_terms = rota_score_get_n_terms(score);
    g_autofree char *constraint = NULL, *count = NULL, *penalty = NULL;

    if (n_terms == 0)
        return;
    /* TRANSLATORS: the headers of the table of terms (constraint, count of
     * violations, penalty), 22, 8 and 12 columns wide. */
    constraint = cli_pad(_("constraint"), 22, FALSE);
    count = cli_pad(_("count"), 8, TRUE);
    penalty = cli_pad(_("penalty"), 12, TRUE);
    fprintf(out, "%s %s %s\n", constraint, count, penalty);
    for (int i = 0; i < n_terms; i++) {
        g_autofree char *name =
            cli_pad(cli_constraint_name(rota_score_get_term_name(score, i)), 22, FALSE);

        fprintf(out, "%s %8d %12" G_GINT64_FORMAT "\n", name,
                rota_score_get_term_count(score, i),
                rota_score_get_term_penalty(score, i));
    }
}
