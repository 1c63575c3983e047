/* SPDX-License-Identifier: MIT */
/* list-people.c: load a model and print each unit's name, head, deputies and size. */
#include <rota/rota.h>

#include <stdio.h>

/* The person's name, or a dash for "nobody" (a unit may have no head). */
static const char *
person_name(const RotaModel *model, int person)
{
    return person < 0 ? "-" : rota_model_get_person_name(model, person);
}

int
main(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;
    g_autofree int *members = NULL;
    int n_units;

    if (argc != 2) {
        fprintf(stderr, "usage: list-people MODEL.json\n");
        return 2;
    }
    model = rota_model_new_from_file(argv[1], &error);
    if (model == NULL) {
        fprintf(stderr, "list-people: %s\n", error->message);
        return 1;
    }

    /* Count members in one pass over the people rather than per unit. */
    n_units = rota_model_get_n_units(model);
    members = g_new0(int, n_units + 1);
    for (int p = 0; p < rota_model_get_n_people(model); p++) {
        int unit = rota_model_get_person_unit(model, p);
        members[unit >= 0 ? unit : n_units]++;
    }

    printf("%s: %d units, %d people\n", rota_model_get_name(model), n_units,
           rota_model_get_n_people(model));
    for (int u = 0; u < n_units; u++) {
        printf("%s %s\thead %s\tdeputies ", rota_model_get_unit_id(model, u),
               rota_model_get_unit_name(model, u),
               person_name(model, rota_model_get_unit_head(model, u)));
        for (int k = 0; k < rota_model_get_n_unit_deputies(model, u); k++)
            printf("%s%s", k > 0 ? "," : "",
                   person_name(model, rota_model_get_unit_deputy(model, u, k)));
        if (rota_model_get_n_unit_deputies(model, u) == 0)
            printf("-");
        printf("\tmembers %d\n", members[u]);
    }
    if (members[n_units] > 0)
        printf("without a unit: %d\n", members[n_units]);
    return 0;
}
