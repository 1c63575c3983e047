/* SPDX-License-Identifier: MIT */
/* roster-fixture.h: the small model that tests/data/roster/ is written for. */
#ifndef ROTA_TEST_ROSTER_FIXTURE_H
#define ROTA_TEST_ROSTER_FIXTURE_H

#include <rota/rota.h>

/* A new model (transfer full); with_onsite adds the daily on-site hour. */
RotaModel *test_roster_model(gboolean with_onsite);

#endif
