/* SPDX-License-Identifier: MIT */
/* fuzz-records.c: libFuzzer harness of the records.json reader, against
 * tests/data/records/model.json and its roster.  Records it accepts are
 * written back, read again, and summed up in a bulletin of the week. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static RotaModel *model;
    static RotaRoster *roster;
    g_autoptr(GError) error = NULL;
    g_autoptr(RotaRecords) records = NULL;

    if (model == NULL) {
        g_autofree char *path =
            g_build_filename(FUZZ_SRCDIR, "tests/data/records/roster.json", NULL);

        model = fuzz_fixture_model("tests/data/records/model.json", FALSE);
        roster = rota_roster_new_from_file(model, path, &error);
        if (roster == NULL) {
            g_printerr("fuzz: %s\n", error->message);
            abort();
        }
    }
    records = rota_records_new_from_data(model, roster, (const char *)data, size,
                                         "fuzz.json", &error);
    if (records != NULL) {
        gsize length = 0;
        g_autofree char *text = rota_records_to_data(records, &length);
        g_autoptr(GError) again_error = NULL;
        g_autoptr(RotaRecords) again = rota_records_new_from_data(
            model, roster, text, length, "again.json", &again_error);
        g_autoptr(RotaBulletin) bulletin = NULL;

        if (again == NULL) { /* what rota writes, rota reads */
            g_printerr("fuzz: written records not read back: %s\n", again_error->message);
            abort();
        }
        /* the fixture's horizon, and one day before it */
        bulletin = rota_bulletin_new(records, roster, "2026-11-30", "2026-12-07", NULL);
        if (bulletin != NULL) {
            g_free(rota_bulletin_to_json(bulletin));
            g_free(rota_bulletin_to_html(bulletin));
        }
    }
    return 0;
}
