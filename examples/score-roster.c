/* SPDX-License-Identifier: MIT */
/* score-roster.c: score a roster.json against its model and say what is wrong. */
#include <rota/rota.h>

#include <stdio.h>

#define DEFAULT_SHOWN 10

/* Exit status as rota's own: 0 no hard violation, 1 error, 2 usage, 3 hard
 * violations found. */
int
main(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;
    g_autoptr(RotaRoster) roster = NULL;
    g_autoptr(RotaScore) score = NULL;
    gint64 shown = DEFAULT_SHOWN;
    int n_violations;

    if (argc < 3 || argc > 4) {
        fprintf(stderr,
                "usage: score-roster MODEL.json ROSTER.json [N]\n"
                "Print the score and the first N violations (default %d).\n",
                DEFAULT_SHOWN);
        return 2;
    }
    if (argc == 4 && !g_ascii_string_to_signed(argv[3], 10, 0, G_MAXINT, &shown, NULL)) {
        fprintf(stderr, "score-roster: N must be a count, not \"%s\"\n", argv[3]);
        return 2;
    }

    model = rota_model_new_from_file(argv[1], &error);
    if (model != NULL)
        roster = rota_roster_new_from_file(model, argv[2], &error);
    if (roster == NULL) {
        fprintf(stderr, "score-roster: %s\n", error->message);
        return 1;
    }

    /* No previous roster: the "change" penalty does not apply. */
    score = rota_score_new(roster, NULL);
    printf("%s: %d assignments\n", argv[2], rota_roster_get_n_assignments(roster));
    for (int t = 0; t < rota_score_get_n_terms(score); t++)
        printf("  %-22s %6d  %10" G_GINT64_FORMAT "\n",
               rota_score_get_term_name(score, t), rota_score_get_term_count(score, t),
               rota_score_get_term_penalty(score, t));

    n_violations = rota_score_get_n_violations(score);
    for (int i = 0; i < n_violations && i < shown; i++) {
        const RotaViolation *v = rota_score_get_violation(score, i);
        printf("  %s %s: %s\n", v->hard ? "hard" : "soft", v->constraint, v->message);
    }
    if (n_violations > shown)
        printf("  ... and %d more\n", n_violations - (int)shown);

    printf("score: hard %d soft %" G_GINT64_FORMAT "\n", rota_score_get_hard(score),
           rota_score_get_soft(score));
    return rota_score_get_hard(score) > 0 ? 3 : 0;
}
