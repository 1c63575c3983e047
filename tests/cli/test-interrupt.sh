#!/bin/sh
# SPDX-License-Identifier: MIT
# test-interrupt.sh: Ctrl-C (SIGINT) ends "rota solve" early and the best roster is still written.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

model="$DATA/cli/small-model.json"
name="solve interrupted"
start=$(date +%s)
"$ROTA" solve "$model" --time-limit 120 --threads 1 -o "$TMP/roster.json" \
    >"$TMP/out" 2>"$TMP/err" &
pid=$!
# Wait until the search runs (its progress line), at most 20 s, then interrupt.
i=0
while [ $i -lt 200 ] && ! grep -q 'moves' "$TMP/err" 2>/dev/null; do
    sleep 0.1
    i=$((i + 1))
done
kill -INT "$pid"
wait "$pid"
status=$?
elapsed=$(( $(date +%s) - start ))

if [ "$status" -eq 0 ] || [ "$status" -eq 3 ]; then pass "$name: exit $status"
else fail "$name: exit $status, expected 0 or 3" "$(tail -3 "$TMP/err")"; fi
if [ "$elapsed" -lt 60 ]; then pass "$name: stopped after ${elapsed} s, not 120"
else fail "$name: ran ${elapsed} s"; fi
if [ -s "$TMP/roster.json" ]; then pass "$name: roster written"
else fail "$name: no roster"; fi
if grep -q 'cancelled' "$TMP/err"; then fail "$name: the cancellation was reported as an error" "$(cat "$TMP/err")"
else pass "$name: no error message"; fi
expect_last_line "$(tail -n 1 "$TMP/out" | grep '^score: hard [0-9]* soft [0-9]*$')"
run "interrupted roster scores" "$ROTA" score "$model" "$TMP/roster.json"
if [ "$status" -eq 0 ] || [ "$status" -eq 3 ]; then pass "$name: scored"
else fail "$name: exit $status" "$(head -3 "$TMP/err")"; fi

finish
