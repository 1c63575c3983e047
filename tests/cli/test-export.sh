#!/bin/sh
# SPDX-License-Identifier: MIT
# test-export.sh: rota export ics: golden feeds, what is publishable, re-export, lock,
# stale temporary files, default secret, usage errors.
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
expect_err_line "rota: unknown export format \"vcf\" (expected ics or sheets) (see 'rota help export')"
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
