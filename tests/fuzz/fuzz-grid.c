/* SPDX-License-Identifier: MIT */
/* fuzz-grid.c: libFuzzer harness of the Curtois grid (roster) reader, scoring what it
 * accepts. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static RotaModel *model;
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRoster) roster = NULL;

    if (model == NULL)
        model = fuzz_fixture_model("tests/data/curtois/Instance1.txt", TRUE);
    roster = rota_roster_new_from_grid_data(model, (const char *)data, size, "fuzz.grid",
                                            &error);
    if (roster != NULL) {
        g_autoptr(RotaScore) score = rota_score_new(roster, NULL);
        g_autoptr(GError) grid_error = NULL;
        g_autofree char *grid = rota_roster_to_grid(roster, &grid_error);
    }
    return 0;
}
