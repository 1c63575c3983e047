/* SPDX-License-Identifier: MIT */
/* fuzz-import.c: libFuzzer harness of rota import's CSV sheet reader.
 *
 * The first byte chooses the sheet ('0' units, '1' segments, '2' people,
 * '3' days off, '4' requests; other bytes modulo 5), the rest is that
 * sheet, merged into tests/data/import/base.json.  A model the import
 * accepts is written as JSON and read back. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[ROTA_N_SHEETS] = {
        "units.csv", "segments.csv", "people.csv", "off.csv", "requests.csv"};
    static char *base;
    g_autoptr(RotaImport) import = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaModel) model = NULL;
    RotaSheetKind kind;

    if (size == 0)
        return 0;
    if (base == NULL) {
        base = g_build_filename(FUZZ_SRCDIR, "tests/data/import/base.json", NULL);
        if (!g_file_test(base, G_FILE_TEST_IS_REGULAR))
            abort(); /* every input would be rejected for the wrong reason */
    }
    kind = (RotaSheetKind)((guint8)(data[0] - '0') % ROTA_N_SHEETS);
    import = rota_import_new(base);
    rota_import_set_chinese(import, data[0] & 0x80);
    rota_import_add_sheet_data(import, kind, names[kind], (const char *)data + 1,
                               size - 1);
    model = rota_import_run(import, &error);
    if (model != NULL)
        fuzz_model_reads_back(model);
    return 0;
}
