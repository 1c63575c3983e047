#!/bin/sh
# SPDX-License-Identifier: MIT
# test-demo.sh: "rota demo": the built-in county solved, written, published and summarised.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

dir="$TMP/demo"
run "demo" "$ROTA" demo -o "$dir" --time-limit 2 --threads 1
expect_status 0
# The bulletin of the county's committed records: top and bottom, and its page.
if grep -q '^  103  U0096   69.00  中国工商银行县支行  黑榜$' "$TMP/out" && [ -s "$dir/bulletin/bulletin.html" ]
then pass "demo: bulletin printed and written"; else fail "demo: bulletin" "$(grep -A8 '^bulletin' "$TMP/out")"; fi
for f in model.json roster.json secret.key index.json .rota-ledger.json roster.xlsx \
         public/index.html public/segment/S0001.html internal/index.html internal/unit/U0001.html; do
    if [ -s "$dir/$f" ]; then pass "demo: $f written"
    else fail "demo: $f missing"; fi
done
if cmp -s "$dir/model.json" "$ROTA_TEST_SRCDIR/examples/county/county.json"; then
    pass "demo: model.json is the county example"
else fail "demo: model.json differs from examples/county/county.json"; fi
if [ "$(ls "$dir/feeds")" = "$(printf 'person\nsegment\nunit')" ]; then
    pass "demo: feeds/ holds only the feed folders"
else fail "demo: feeds/ holds" "$(ls -a "$dir/feeds")"; fi
n=$(ls "$dir/feeds/person" | wc -l)
if [ "$n" -eq 2998 ]; then pass "demo: 2998 personal feeds"
else fail "demo: $n personal feeds, expected 2998"; fi
if [ "$(stat -c %a "$dir/secret.key")" = 600 ]; then pass "demo: secret.key mode 0600"
else fail "demo: secret.key mode $(stat -c %a "$dir/secret.key")"; fi
for prefix in "coverage: " "hard violations: none" "on-site hours: " "fairness: mean penalty " \
              "feeds: " "one volunteer's feed: " "publish it: nginx with examples/nginx/rota.conf" \
              "  subscribe to http://localhost:8080/feeds/person/" \
              "workbook: $dir/roster.xlsx" "site: 272 pages" "  $dir/public/index.html" \
              "  $dir/internal/index.html"; do
    if grep -q "^$prefix" "$TMP/out"; then pass "demo: summary line '$prefix'"
    else fail "demo: no summary line '$prefix'" "$(head -20 "$TMP/out")"; fi
done
if [ "$(grep -c '^  U[0-9]* .*: penalty ' "$TMP/out")" -eq 3 ]; then pass "demo: worst 3 units"
else fail "demo: worst units" "$(grep -A3 '^fairness' "$TMP/out")"; fi
feed=$(grep -A1 "^one volunteer's feed: " "$TMP/out" | tail -1 | sed 's/^ *//')
if [ -f "$feed" ] && grep -q '^BEGIN:VEVENT' "$feed"; then pass "demo: the volunteer's feed has events"
else fail "demo: volunteer feed '$feed'"; fi
hard_line=$(tail -n 1 "$TMP/out")
run "demo score" "$ROTA" score "$dir/model.json" "$dir/roster.json"
expect_status 0
expect_last_line "$hard_line"
if [ ! -s "$TMP/err" ]; then pass "demo score: same model file, no warning"
else fail "demo score: stderr" "$(head -3 "$TMP/err")"; fi

# Again into the same folder: the key and the feed URLs stay, the feeds
# are re-published (a move-limited run, which also gives the same roster
# twice).
key=$(cat "$dir/secret.key")
run "demo again" "$ROTA" demo -o "$dir" --moves 20000 --threads 1 --quiet
expect_status 0
cp "$dir/roster.json" "$TMP/first.json"
if [ "$(cat "$dir/secret.key")" = "$key" ]; then pass "demo again: secret kept"
else fail "demo again: secret.key changed"; fi
if [ -f "$feed" ]; then pass "demo again: the volunteer's feed URL still works"
else fail "demo again: $feed is gone"; fi
if [ ! -e "$dir.old-"* ] && [ -z "$(ls -d "$dir".tmp-* 2>/dev/null)" ]; then
    pass "demo again: no staging folders left"
else fail "demo again: leftovers" "$(ls -d "$dir".*)"; fi
run "demo moves" "$ROTA" demo -o "$dir" --moves 20000 --threads 1 --quiet
expect_status 0
if cmp -s "$dir/roster.json" "$TMP/first.json"; then pass "demo moves: same roster byte for byte"
else fail "demo moves: roster differs between two move-limited runs"; fi
if grep -q "files written, 0 unchanged" "$TMP/out"; then
    fail "demo moves: every feed rewritten for the same roster"
else pass "demo moves: unchanged feeds left alone"; fi

# Failures leave nothing behind and refuse an unrelated folder.
mkdir "$TMP/other" && echo keep >"$TMP/other/notes.txt"
run "demo other folder" "$ROTA" demo -o "$TMP/other" --moves 1000 --quiet
expect_status 1
expect_empty_out
if [ "$(ls "$TMP/other")" = notes.txt ]; then pass "demo other folder: untouched"
else fail "demo other folder: changed" "$(ls "$TMP/other")"; fi
run "demo argument" "$ROTA" demo extra
expect_status 2
run "demo negative" "$ROTA" demo --seed -1
expect_status 2

finish
