#!/bin/sh
# SPDX-License-Identifier: MIT
# test-score.sh: "rota score" on JSON rosters and on the 20 Curtois-Qu reference grids.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

small="$DATA/cli/small-model.json"
small_roster="$DATA/cli/small-roster.json"

# A hand-checked roster: P3 works while off, P5 is double booked and works
# pm then am, U1 and U2 miss on-site days (U2's head is away with no
# deputy), three rush-am cells are empty (uncovered + party quota), a
# deputy stands in while the head is free, and P5's off request is broken.
run "score small" "$ROTA" score "$small" "$small_roster"
expect_status 3
expect_last_line "score: hard 6 soft 4553"
expect_err_line "rota: the roster breaks 6 hard constraints"
for term in "off 1 0" "double_booking 1 0" "forbidden_succession 1 0" \
            "onsite_missing 2 0" "onsite_unstaffed 1 0" "uncovered 3 3000" \
            "quota 3 1500" "deputy_onsite 1 50" "request 1 3"; do
    set -- $term
    if awk -v n="$1" -v c="$2" -v p="$3" '$1 == n && $2 == c && $3 == p { found = 1 }
        END { exit !found }' "$TMP/out"; then pass "score small: term $1"
    else fail "score small: term $1 count $2 penalty $3"; fi
done

run "score small json" "$ROTA" score --json "$small" "$small_roster"
expect_status 3
if python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert d["hard"] == 6 and d["soft"] == 4553, d
assert sum(t["count"] for t in d["terms"]) == len(d["violations"])' "$TMP/out"; then
    pass "score small json: valid document with hard 6 soft 4553"
else fail "score small json: document" "$(head -c 300 "$TMP/out")"; fi

run "score small zh" "$ROTA" score --lang zh "$small" "$small_roster"
expect_status 3
if grep -q '硬约束违反' "$TMP/out"; then pass "score small zh: Chinese headings"
else fail "score small zh: Chinese headings"; fi

# The reference rosters of Instance1..10 with their published objectives.
while IFS="$(printf '\t')" read -r grid objective cover request; do
    case "$grid" in ''|'#'*) continue ;; esac
    instance="$DATA/curtois/${grid%-?.grid}.txt"
    run "curtois $grid" "$ROTA" score --format curtois "$instance" "$DATA/curtois/$grid"
    expect_status 0
    expect_last_line "score: hard 0 soft $objective"
done < "$DATA/curtois/expected.tsv"

run "score missing roster" "$ROTA" score "$small" "$TMP/none.json"
expect_status 1
expect_empty_out
run "score one argument" "$ROTA" score "$small"
expect_status 2

finish
