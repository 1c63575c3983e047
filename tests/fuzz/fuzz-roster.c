/* SPDX-License-Identifier: MIT */
/* fuzz-roster.c: libFuzzer harness of the roster.json reader, scoring what it accepts. */
#include "fuzz-common.h"

#include <string.h>

#include "formats/roster-json-private.h"

/* rota_roster_new_from_data() tries the one-pass reader first: what that
 * accepts, the tree reader must accept and read the same. */
static void
check_agreement(RotaModel *model, const char *text, size_t size, RotaRoster *roster)
{
    g_autoptr(RotaRoster) fast = rotap_roster_json_pull(model, text, size);
    g_autoptr(RotaRoster) tree = NULL;
    g_autofree char *fast_text = NULL;
    g_autofree char *tree_text = NULL;

    if (fast == NULL)
        return;
    tree = rotap_roster_json_read_tree(model, text, size, "fuzz.json", NULL);
    if (tree == NULL || roster == NULL)
        abort();
    fast_text = rota_roster_to_data(fast, NULL, NULL);
    tree_text = rota_roster_to_data(tree, NULL, NULL);
    if (strcmp(fast_text, tree_text) != 0 ||
        g_strcmp0(rota_roster_get_model_sha256(fast),
                  rota_roster_get_model_sha256(tree)) != 0)
        abort();
}

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
    check_agreement(model, (const char *)data, size, roster);
    if (roster != NULL) {
        g_autoptr(RotaScore) score = rota_score_new(roster, NULL);
        gsize length = 0;
        g_autofree char *text = rota_roster_to_data(roster, score, &length);
    }
    return 0;
}
