#!/bin/sh
# SPDX-License-Identifier: MIT
# test-export.sh: rota export ics: golden feeds, what is publishable, re-export, lock,
# stale temporary files, team events in unit and segment feeds and the upgrade
# from a publication before them, default secret, usage errors.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

ics="$DATA/ics"
now=2026-11-30T08:00:00Z

run "export golden" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$TMP/pub1" \
    --secret "$ics/secret.key" --now "$now"
expect_status 0
expect_out_line "feeds 11: files written 12, unchanged 0; events 27: new 27, changed 0, cancelled 0, expired 0"
# .rota-lock (empty) stays after an export: it is not part of the golden tree.
if diff -r -x .rota-lock "$ics/golden" "$TMP/pub1" >"$TMP/diff" 2>&1; then
    pass "export golden: byte for byte"
else fail "export golden: differs from tests/data/ics/golden" "$(head -20 "$TMP/diff")"; fi

# Unit and segment feeds: one event per team, no reminder; personal feeds: one
# per assignment, each with its reminder.
alarms=$(cat "$TMP/pub1"/feeds/unit/*.ics "$TMP/pub1"/feeds/segment/*.ics | grep -c '^BEGIN:VALARM')
personal=$(cat "$TMP/pub1"/feeds/person/*.ics | grep -c '^BEGIN:VALARM')
if [ "$alarms" -eq 0 ] && [ "$personal" -eq 9 ]; then
    pass "team events: no VALARM in unit and segment feeds, 9 in personal ones"
else fail "team events: $alarms VALARMs in unit and segment feeds, $personal in personal ones"; fi

# The upgrade: golden-v1 is the same publication by rota before team events
# (per-person events in every feed, ledger version 1).  Exporting into it
# cancels those events in unit and segment feeds (never silently drops
# them), adds the team events and leaves the personal feeds alone.
cp -R "$ics/golden-v1" "$TMP/upgrade"
run "upgrade from v1" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" \
    -o "$TMP/upgrade" --secret "$ics/secret.key" --now 2026-12-01T00:00:00Z
expect_status 0
# (changed 1: P0003's unnamed duty patrol is now called by its shift's name.)
expect_out_line "feeds 11: files written 5, unchanged 7; events 45: new 18, changed 1, cancelled 18, expired 0"
board="$TMP/upgrade/feeds/segment/S001.ics"
if [ "$(grep -c '^STATUS:CANCELLED' "$board")" -eq 5 ] &&
    [ "$(grep -c '^STATUS:CONFIRMED' "$board")" -eq 5 ] &&
    [ "$(grep -B5 '^STATUS:CANCELLED' "$board" | grep -c '^SEQUENCE:1')" -eq 5 ]; then
    pass "upgrade from v1: S001's 5 per-person events cancelled (SEQUENCE 1), 5 team events"
else fail "upgrade from v1: S001" "$(grep -E '^(STATUS|SEQUENCE)' "$board" | tr '\n' ' ')"; fi
if diff -r -x 'P0003-*' "$ics/golden-v1/feeds/person" "$TMP/upgrade/feeds/person" >/dev/null &&
    grep -q '"version": 2,' "$TMP/upgrade/.rota-ledger.json"; then
    pass "upgrade from v1: other personal feeds unchanged, ledger version 2"
else fail "upgrade from v1: personal feeds changed or ledger not version 2"; fi
run "upgrade from v1, again" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" \
    -o "$TMP/upgrade" --secret "$ics/secret.key" --now 2026-12-02T00:00:00Z
expect_out_line "feeds 11: files written 0, unchanged 12; events 45: new 0, changed 0, cancelled 0, expired 0"

# DIR/feeds is what gets published: the three feed folders and nothing that
# names a personal token (index.json, the ledger, the secret, the lock).
listing=$(cd "$TMP/pub1/feeds" && find . | LC_ALL=C sort | grep -v '^\./[a-z]*/[^/]*\.ics$' |
    tr '\n' ' ')
if [ "$listing" = ". ./person ./segment ./unit " ]; then
    pass "publishable: DIR/feeds holds only person/, unit/ and segment/ feeds"
else fail "publishable: DIR/feeds holds more" "$listing"; fi
tokens=$(grep -o 'P[0-9]*-[0-9a-f]\{24\}' "$TMP/pub1/index.json")
if [ "$(echo "$tokens" | wc -l)" -eq 6 ]; then pass "publishable: six tokens in index.json"
else fail "publishable: tokens in index.json" "$tokens"; fi
leaks=""
for token in $tokens; do
    leaks="$leaks$(grep -rl -- "${token#*-}" "$TMP/pub1/feeds")"
done
if [ -z "$leaks" ]; then pass "publishable: no feed names a personal token"
else fail "publishable: a feed names a personal token" "$leaks"; fi
missing=""
for path in $(grep -o '"path": "[^"]*"' "$TMP/pub1/index.json" | cut -d'"' -f4); do
    [ -f "$TMP/pub1/feeds/$path" ] || missing="$missing $path"
done
if [ -z "$missing" ]; then pass "publishable: index.json paths are relative to DIR/feeds"
else fail "publishable: index.json paths missing under DIR/feeds" "$missing"; fi

# Temporary files of a crashed export go at the start of the next one.
: >"$TMP/pub1/feeds/person/P0001-x.ics.tmp-Ab12Cd"
: >"$TMP/pub1/feeds/unit/U001.ics.tmp-zz99ZZ"
: >"$TMP/pub1/index.json.tmp-q1w2e3"
: >"$TMP/pub1/.rota-ledger.json.a1B2c3"
: >"$TMP/pub1/notes.tmp-keep"
run "re-export" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$TMP/pub1/" \
    --secret "$ics/secret.key" --now 2026-12-02T09:30:00+08:00
expect_status 0
expect_out_line "feeds 11: files written 0, unchanged 12; events 27: new 0, changed 0, cancelled 0, expired 0"
stale=$(find "$TMP/pub1" -name '*.tmp-??????' -o -name '.rota-ledger.json.??????')
if [ -z "$stale" ] && [ -f "$TMP/pub1/notes.tmp-keep" ]; then
    pass "re-export: stale temporary files removed, other files kept"
else fail "re-export: stale temporary files" "$stale"; fi

# A second export into a DIR while another one holds its lock fails at once.
run "locked" flock "$TMP/pub1/.rota-lock" "$ROTA" export ics "$ics/model.json" \
    "$ics/roster.json" -o "$TMP/pub1" --secret "$ics/secret.key" --now "$now"
expect_status 1
expect_err_line "rota: $TMP/pub1: another export into this folder is running ($TMP/pub1/.rota-lock is locked)"
if diff -r -x .rota-lock -x notes.tmp-keep "$ics/golden" "$TMP/pub1" >/dev/null 2>&1; then
    pass "locked: nothing changed"
else fail "locked: the folder changed"; fi

# --previous: the ledger of another folder decides what is new.
run "export previous" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$TMP/next" \
    --previous "$TMP/pub1" --secret "$ics/secret.key" --now 2026-12-05T00:00:00Z
expect_status 0
expect_out_line "feeds 11: files written 12, unchanged 0; events 27: new 0, changed 0, cancelled 0, expired 0"
if diff -r -x .rota-lock "$ics/golden" "$TMP/next" >/dev/null 2>&1; then pass "export previous: same feeds"
else fail "export previous: feeds differ"; fi

run "default secret" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$TMP/pub/"
expect_status 0
if [ -f "$TMP/pub.secret" ] && [ "$(stat -c %a "$TMP/pub.secret")" = 600 ]; then
    pass "default secret: DIR.secret created with mode 600"
else fail "default secret: no $TMP/pub.secret with mode 600" "$(ls -la "$TMP")"; fi
if ls "$TMP/pub" | grep -q secret; then fail "default secret: inside DIR"
else pass "default secret: not inside DIR"; fi
if [ "$(ls "$TMP/pub/feeds/person" | wc -l)" -eq 6 ] &&
    ! ls "$TMP/pub/feeds/person" | grep -q P0003-ad109bd3; then
    pass "default secret: six personal feeds with other tokens"
else fail "default secret: personal feeds" "$(ls "$TMP/pub/feeds/person")"; fi

# An assignment listed twice gives one event, counted once.
sed '/"P0005"/p' "$ics/roster.json" >"$TMP/twice.json"
run "duplicated assignments" "$ROTA" export ics "$ics/model.json" "$TMP/twice.json" \
    -o "$TMP/twice" --secret "$ics/secret.key" --now "$now"
expect_status 0
expect_out_line "feeds 11: files written 12, unchanged 0; events 27: new 27, changed 0, cancelled 0, expired 0"
if diff -r -x .rota-ledger.json -x .rota-lock "$ics/golden" "$TMP/twice" >/dev/null 2>&1; then
    pass "duplicated assignments: same feeds"
else fail "duplicated assignments: feeds differ"; fi

run "unknown format" "$ROTA" export vcf "$ics/model.json" "$ics/roster.json" -o "$TMP/x"
expect_status 2
expect_err_line "rota: unknown export format \"vcf\" (expected ics, sheets, xlsx, csv or html) (see 'rota help export')"
run "missing -o" "$ROTA" export ics "$ics/model.json" "$ics/roster.json"
expect_status 2
run "bad --now" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$TMP/x" \
    --secret "$ics/secret.key" --now yesterday
expect_status 2
run "missing roster" "$ROTA" export ics "$ics/model.json" "$TMP/none.json" -o "$TMP/x" \
    --secret "$ics/secret.key"
expect_status 1
if [ ! -e "$TMP/x" ]; then pass "missing roster: nothing written"
else fail "missing roster: $TMP/x was created"; fi

run "help export" "$ROTA" help export
expect_status 0
if grep -q 'DIR.secret' "$TMP/out" && grep -q -- '--keep-cancelled' "$TMP/out" &&
    grep -q 'Publish DIR/feeds' "$TMP/out"; then
    pass "help export: secret, options, publish DIR/feeds"
else fail "help export: secret and options" "$(head -5 "$TMP/out")"; fi

finish
