#!/bin/sh
# SPDX-License-Identifier: MIT
# test-edge.sh: valid but odd models never crash the tool (issue 25).
#
# tests/cli/edge-models.py writes models `rota check` accepts (no people,
# no duties, no units, one day, one person, a duty nobody may take,
# everyone off, night shifts under rest limits, ...).  Each goes through
# check -> solve --moves -> solve --time-limit -> score -> export ics; every
# step must end with its documented status (0, or 3 for a roster that
# breaks hard constraints), never a signal or a sanitizer's abort.  CI
# runs this under AddressSanitizer + UBSan as well.

: "${ROTA:?ROTA must name the built rota tool}"
: "${ROTA_TEST_SRCDIR:?}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 is missing: skipped"
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

# expect_done: the last run exited 0 or 3 (a roster breaking hard
# constraints is a result, not a failure).
expect_done() {
    if [ "$status" -eq 0 ] || [ "$status" -eq 3 ]; then pass "$name: exit $status"
    else fail "$name: exit $status, expected 0 or 3" "$(grep -m 3 -E 'ERROR|runtime error|rota:' "$TMP/err")"; fi
}

python3 "$ROTA_TEST_SRCDIR/tests/cli/edge-models.py" "$TMP/models" >"$TMP/list" || {
    fail "edge-models.py"
    finish
    exit 1
}
n=0
while read -r model; do
    b=$(basename "$model" .json)
    n=$((n + 1))
    run "$b: check" "$ROTA" check "$model"
    expect_status 0
    run "$b: solve --moves" "$ROTA" solve "$model" -o "$TMP/$b-m.json" --moves 20000 --quiet
    expect_done
    run "$b: solve --time-limit" "$ROTA" solve "$model" -o "$TMP/$b-t.json" \
        --time-limit 0.3 --threads 2 --quiet
    expect_done
    run "$b: score" "$ROTA" score "$model" "$TMP/$b-m.json"
    expect_done
    run "$b: export ics" "$ROTA" export ics "$model" "$TMP/$b-t.json" -o "$TMP/pub-$b" \
        --now 2026-11-30T00:00:00Z
    expect_status 0
done <"$TMP/list"
[ "$n" -ge 15 ] && pass "$n edge models" || fail "only $n edge models"

# What can never be satisfied is a warning naming it; the status stays 0.
run "check warns: no people" "$ROTA" check --lang en "$TMP/models/minimal-no-people.json"
expect_status 0
expect_err_line "rota: warning: $TMP/models/minimal-no-people.json: the model has no people: none of its 7 places can ever be filled"
run "check warns: nobody eligible" "$ROTA" check --lang en "$TMP/models/nobody-eligible.json"
expect_status 0
expect_err_line "rota: warning: $TMP/models/nobody-eligible.json: duty \"ghost\": nobody is eligible; its 28 places can never be filled"
run "check warns: zh" "$ROTA" check --lang zh "$TMP/models/nobody-eligible.json"
if grep -q '任务 "ghost" 没有任何符合条件的人员' "$TMP/err"; then pass "$name: Chinese warning"
else fail "$name: no Chinese warning" "$(cat "$TMP/err")"; fi
run "check: a full model warns nothing" "$ROTA" check "$DATA/valid/full.json"
if [ ! -s "$TMP/err" ]; then pass "$name"; else fail "$name" "$(cat "$TMP/err")"; fi
finish
