/* SPDX-License-Identifier: MIT */
/* fuzz-common.h: what the libFuzzer harnesses of tests/fuzz share. */
#ifndef ROTA_FUZZ_COMMON_H
#define ROTA_FUZZ_COMMON_H

#include <rota/rota.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fixture of the source tree (FUZZ_SRCDIR/relative), loaded once; the
 * harness aborts when it is missing, since every input would then be
 * rejected for the wrong reason. */
static inline RotaModel *
fuzz_fixture_model(const char *relative, gboolean curtois)
{
    g_autofree char *path = g_build_filename(FUZZ_SRCDIR, relative, NULL);
    GError *error = NULL;
    RotaModel *model = curtois ? rota_model_new_from_curtois_file(path, &error)
                               : rota_model_new_from_file(path, &error);

    if (model == NULL) {
        g_printerr("fuzz: %s\n", error->message);
        abort();
    }
    return model;
}

/* What rota writes, rota reads: @model written as model.json must load
 * again; the harness aborts when it does not. */
static inline void
fuzz_model_reads_back(const RotaModel *model)
{
    gsize length = 0;
    g_autofree char *text = rota_model_to_data(model, &length);
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) again =
        rota_model_new_from_data(text, length, "again.json", &error);

    if (again == NULL) {
        g_printerr("fuzz: written model not read back: %s\n", error->message);
        abort();
    }
}

#endif
