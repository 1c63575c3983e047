/* SPDX-License-Identifier: MIT */
/* fuzz-curtois.c: libFuzzer harness of the Curtois-Qu instance reader. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model =
        rota_model_new_from_curtois_data((const char *)data, size, "fuzz.txt", &error);

    if (model != NULL) {
        g_autoptr(RotaRoster) empty = rota_roster_new(model);
        g_autoptr(RotaScore) score = rota_score_new(empty, NULL);
    }
    return 0;
}
