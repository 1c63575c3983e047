/* SPDX-License-Identifier: MIT */
/* fuzz-model.c: libFuzzer harness of the model.json reader (and its writer). */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model =
        rota_model_new_from_data((const char *)data, size, "fuzz.json", &error);

    if (model != NULL) {
        gsize length = 0;
        g_autofree char *text = rota_model_to_data(model, &length);
        g_autoptr(GError) again_error = NULL;
        g_autoptr(RotaModel) again =
            rota_model_new_from_data(text, length, "again.json", &again_error);

        /* what the writer writes, the reader reads */
        if (again == NULL)
            abort();
    }
    return 0;
}
