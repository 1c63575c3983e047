#!/bin/sh
# SPDX-License-Identifier: MIT
# test-import-ics.sh: rota import --availability against the fixtures of
# tests/data/import/ics (weekly RRULE + EXDATE + RDATE;TZID, a RECURRENCE-ID
# move, Europe/Berlin across the change to summer time, all-day events, a
# floating time, a touching end, TRANSPARENT and CANCELLED, VFREEBUSY): the
# (date, shift) pairs made off equal the golden list, and an independent
# expansion (tests/cli/expand-ics.py: python3-icalendar, dateutil, zoneinfo)
# gives the same list.

: "${ROTA:?ROTA must name the built rota tool}"
: "${ROTA_TEST_SRCDIR:?}"
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

BASE="$DATA/import/ics-base.json"
ICS="$DATA/import/ics"

run "import --availability" "$ROTA" import --base "$BASE" --availability "$ICS" -o "$TMP/model.json"
expect_status 0
expect_out_line "calendars: 8 files, 21 (date, shift) pairs off"
expect_out_line "$ICS/P3.ics: off 2027-03-18 b 2027-03-25 b 2027-04-01 a"
expect_out_line "$ICS/P6.ics: off 2027-03-18 night"
name="golden"
grep ': off' "$TMP/out" | sed "s|^$ICS/||" >"$TMP/golden"
if diff -u "$DATA/import/ics-expected.txt" "$TMP/golden" >"$TMP/diff"; then
    pass "$name: the pairs of each file equal ics-expected.txt"
else
    fail "$name: the pairs differ from ics-expected.txt" "$(cat "$TMP/diff")"
fi
run "rota check on the result" "$ROTA" check "$TMP/model.json"
expect_status 0

PY=/usr/bin/python3
if ! "$PY" -c 'import icalendar, dateutil, zoneinfo' 2>/dev/null; then
    if [ "${CI:-}" = true ] || [ "${ROTA_CLIENTS_REQUIRED:-}" = 1 ]; then
        fail "python3-icalendar is missing under $PY (required in CI)"
        finish
        exit 1
    fi
    echo "python3-icalendar (and dateutil) missing under $PY: cross-check skipped"
    finish
    exit $?
fi
name="cross-check"
"$PY" "$ROTA_TEST_SRCDIR/tests/cli/expand-ics.py" --model "$TMP/model.json" "$BASE" >"$TMP/rota.txt"
"$PY" "$ROTA_TEST_SRCDIR/tests/cli/expand-ics.py" "$BASE" "$ICS" >"$TMP/python.txt"
if [ "$(wc -l <"$TMP/rota.txt")" -eq 21 ]; then pass "$name: rota made 21 pairs off"
else fail "$name: rota made $(wc -l <"$TMP/rota.txt") pairs off, expected 21"; fi
if diff -u "$TMP/python.txt" "$TMP/rota.txt" >"$TMP/diff"; then
    pass "$name: rota's pairs equal the independent expansion's"
else
    fail "$name: rota and the independent expansion differ" "$(cat "$TMP/diff")"
fi
finish
