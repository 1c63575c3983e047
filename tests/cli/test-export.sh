#!/bin/sh
# SPDX-License-Identifier: MIT
# test-export.sh: rota export ics: golden feeds, re-export, default secret, usage errors.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

ics="$DATA/ics"
now=2026-11-30T08:00:00Z

run "export golden" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$TMP/feeds" \
    --secret "$ics/secret.key" --now "$now"
expect_status 0
expect_out_line "feeds 11: files written 12, unchanged 0; events 27: new 27, changed 0, cancelled 0, expired 0"
if diff -r "$ics/golden" "$TMP/feeds" >"$TMP/diff" 2>&1; then pass "export golden: byte for byte"
else fail "export golden: differs from tests/data/ics/golden" "$(head -20 "$TMP/diff")"; fi

run "re-export" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$TMP/feeds/" \
    --secret "$ics/secret.key" --now 2026-12-02T09:30:00+08:00
expect_status 0
expect_out_line "feeds 11: files written 0, unchanged 12; events 27: new 0, changed 0, cancelled 0, expired 0"

# --previous: the ledger of another folder decides what is new.
run "export previous" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$TMP/next" \
    --previous "$TMP/feeds" --secret "$ics/secret.key" --now 2026-12-05T00:00:00Z
expect_status 0
expect_out_line "feeds 11: files written 12, unchanged 0; events 27: new 0, changed 0, cancelled 0, expired 0"
if diff -r "$ics/golden" "$TMP/next" >/dev/null 2>&1; then pass "export previous: same feeds"
else fail "export previous: feeds differ"; fi

run "default secret" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$TMP/pub/"
expect_status 0
if [ -f "$TMP/pub.secret" ] && [ "$(stat -c %a "$TMP/pub.secret")" = 600 ]; then
    pass "default secret: DIR.secret created with mode 600"
else fail "default secret: no $TMP/pub.secret with mode 600" "$(ls -la "$TMP")"; fi
if ls "$TMP/pub" | grep -q secret; then fail "default secret: inside DIR"
else pass "default secret: not inside DIR"; fi
if [ "$(ls "$TMP/pub/person" | wc -l)" -eq 6 ] && ! ls "$TMP/pub/person" | grep -q P0003-ad109bd3; then
    pass "default secret: six personal feeds with other tokens"
else fail "default secret: personal feeds" "$(ls "$TMP/pub/person")"; fi

# An assignment listed twice gives one event, counted once.
sed '/"P0005"/p' "$ics/roster.json" >"$TMP/twice.json"
run "duplicated assignments" "$ROTA" export ics "$ics/model.json" "$TMP/twice.json" \
    -o "$TMP/twice" --secret "$ics/secret.key" --now "$now"
expect_status 0
expect_out_line "feeds 11: files written 12, unchanged 0; events 27: new 27, changed 0, cancelled 0, expired 0"
if diff -r -x .rota-ledger.json "$ics/golden" "$TMP/twice" >/dev/null 2>&1; then
    pass "duplicated assignments: same feeds"
else fail "duplicated assignments: feeds differ"; fi

run "unknown format" "$ROTA" export vcf "$ics/model.json" "$ics/roster.json" -o "$TMP/x"
expect_status 2
expect_err_line "rota: unknown export format \"vcf\" (expected ics) (see 'rota help export')"
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
if grep -q 'DIR.secret' "$TMP/out" && grep -q -- '--keep-cancelled' "$TMP/out"; then
    pass "help export: secret and options"
else fail "help export: secret and options" "$(head -5 "$TMP/out")"; fi

finish
