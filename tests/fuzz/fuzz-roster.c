/* SPDX-License-Identifier: MIT */
/* fuzz-roster.c: libFuzzer harness of the roster.json reader, scoring what it accepts. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static RotaModel *model;
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRoster) roster = NULL;

    if (model == NULL)
        model = fuzz_fixture_model("tests/data/valid/full.json", FALSE);
    roster =
        rota_roster_new_from_data(model, (const char *)data, size, "fuzz.json", &error);
    if (roster != NULL) {
        g_autoptr(RotaScore) score = rota_score_new(roster, NULL);
        gsize length = 0;
        g_autofree char *text = rota_roster_to_data(roster, score, &length);
    }
    return 0;
}
