/* SPDX-License-Identifier: MIT */
/* fuzz-diff.c: libFuzzer harness of the roster diff reader: the input is
 * two rosters separated by a NUL byte (or one roster diffed against itself). */
#include "fuzz-common.h"

#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static RotaModel *model;
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRosterDiff) diff = NULL;
    const char *text = (const char *)data;
    const char *cut = memchr(text, '\0', size);
    gsize old_length = cut != NULL ? (gsize)(cut - text) : size;
    const char *new_text = cut != NULL ? cut + 1 : text;
    gsize new_length = cut != NULL ? size - old_length - 1 : size;

    if (model == NULL)
        model = fuzz_fixture_model("tests/data/valid/full.json", FALSE);
    diff = rota_roster_diff_new_from_data(model, text, old_length, "old.json", new_text,
                                          new_length, "new.json", &error);
    return 0;
}
