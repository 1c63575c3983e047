#!/bin/sh
# SPDX-License-Identifier: MIT
# test-solve.sh: "rota solve": exit codes, the score line, files, reproducibility, --previous.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

small="$DATA/cli/small-model.json"
instance1="$DATA/curtois/Instance1.txt"

# score_line FILE: the last line of stdout saved in FILE.
score_line() { tail -n 1 "$1"; }

# The small county: U2's head is away on 2026-12-31 and U2 has no deputy,
# so one on-site hour stays unstaffed whatever the roster (exit 3), and the
# violation is named on standard error.
run "solve small" "$ROTA" solve "$small" -o "$TMP/a.json" --moves 200000 --seed 3 \
    --threads 2 --quiet
expect_status 3
expect_err_line "rota: the roster breaks 1 hard constraint"
if grep -q '^rota: onsite_unstaffed: ' "$TMP/err"; then pass "solve small: violation named"
else fail "solve small: violation named" "$(head -3 "$TMP/err")"; fi
if grep -q '^score: hard 1 soft [0-9]*$' "$TMP/out"; then pass "solve small: score line"
else fail "solve small: score line" "$(tail -2 "$TMP/out")"; fi
cp "$TMP/out" "$TMP/solve-a.out"

# The file's score and the printed one are the evaluator's.
run "score solved" "$ROTA" score "$small" "$TMP/a.json"
expect_status 3
expect_last_line "$(score_line "$TMP/solve-a.out")"
if grep -q '"seed": 3' "$TMP/a.json" && grep -q '"threads": 2, "moves": 200000' "$TMP/a.json"
then pass "solve small: seed and solver figures recorded"
else fail "solve small: seed and solver figures recorded" "$(head -5 "$TMP/a.json")"; fi

# Same model, seed, threads and moves: the same bytes.
run "solve small again" "$ROTA" solve "$small" -o "$TMP/b.json" --moves 200000 --seed 3 \
    --threads 2 --quiet
expect_status 3
if cmp -s "$TMP/a.json" "$TMP/b.json"; then pass "solve small: reproducible"
else fail "solve small: reproducible" "$(diff "$TMP/a.json" "$TMP/b.json" | head -5)"; fi

# A timed run records its moves (it is not reproducible: its threads
# meet by the clock).
run "solve timed" "$ROTA" solve "$small" -o "$TMP/t.json" --time-limit 0.3 --seed 5 \
    --threads 2 --quiet
expect_status 3
moves=$(sed -n 's/.*"threads": 2, "moves": \([0-9]*\).*/\1/p' "$TMP/t.json")
if [ -n "$moves" ] && [ "$moves" -gt 0 ]; then pass "solve timed: $moves moves recorded"
else fail "solve timed: no moves recorded" "$(head -5 "$TMP/t.json")"; fi

# --trace: the best score about every half second, then the final one as
# rota score counts it; the score (hard, then soft) never rises, the
# seconds never fall.
run "solve traced" "$ROTA" solve "$small" --time-limit 1.2 --seed 5 --threads 1 --quiet \
    --trace "$TMP/trace.tsv"
expect_status 3
if awk -F'\t' -v last="$(score_line "$TMP/out")" '
    NR == 1 { ok = ($0 == "seconds\thard\tsoft\tmoves"); next }
    { n++; if (n > 1 && ($1 < t || $2 > h || ($2 == h && $3 > s))) ok = 0
      t = $1; h = $2; s = $3; line = "score: hard " $2 " soft " $3 }
    END { exit !(ok && n >= 3 && line == last) }' "$TMP/trace.tsv"
then pass "solve traced: $(($(wc -l <"$TMP/trace.tsv") - 1)) lines, ending with the score line"
else fail "solve traced: bad trace" "$(cat "$TMP/trace.tsv"; score_line "$TMP/out")"; fi

# A roster file may carry the bound a timed run proved (not negative).
sed 's/"moves": 200000 }/"moves": 200000, "bound": 5 }/' "$TMP/a.json" >"$TMP/bound.json"
run "score with bound" "$ROTA" score "$small" "$TMP/bound.json"
expect_status 3
sed 's/"moves": 200000 }/"moves": 200000, "bound": -5 }/' "$TMP/a.json" >"$TMP/bound.json"
run "score with negative bound" "$ROTA" score "$small" "$TMP/bound.json"
expect_status 1

# Without -o: the summary and the score line only, no file.
run "solve no output" "$ROTA" solve "$small" --moves 50000 --threads 1 -q
expect_status 3
if grep -q '^score: hard 1 ' "$TMP/out" && ! grep -q '^wrote ' "$TMP/out"
then pass "solve no output: summary only"
else fail "solve no output: summary only" "$(cat "$TMP/out")"; fi

# Against a previous roster: locked assignments stay, the score counts changes.
sed 's/"person": "P1", "duty": "onsite" }/"person": "P1", "duty": "onsite", "locked": true }/' \
    "$TMP/a.json" >"$TMP/prev.json"
run "solve previous" "$ROTA" solve "$small" -o "$TMP/c.json" --previous "$TMP/prev.json" \
    --moves 100000 --threads 1 -q
expect_status 3
cp "$TMP/out" "$TMP/solve-c.out"
run "score previous" "$ROTA" score "$small" "$TMP/c.json" --previous "$TMP/prev.json"
expect_status 3
expect_last_line "$(score_line "$TMP/solve-c.out")"
if ! grep -q '^locked ' "$TMP/out"; then pass "solve previous: locked assignments kept"
else fail "solve previous: locked assignments kept" "$(grep '^locked' "$TMP/out")"; fi
locked_before=$(grep -c '"locked": true' "$TMP/prev.json")
locked_after=$(grep -c '"locked": true' "$TMP/c.json")
if [ "$locked_before" -gt 0 ] && [ "$locked_before" -eq "$locked_after" ]; then
    pass "solve previous: $locked_after locked assignments stay locked"
else fail "solve previous: locked $locked_before before, $locked_after after"; fi

# A re-solve starts from the previous roster: against its own result, a short
# search under another seed changes nobody's duties.
run "re-solve" "$ROTA" solve "$small" -o "$TMP/d.json" --previous "$TMP/c.json" \
    --moves 100 --seed 9 --threads 1 -q
expect_status 3
run "diff re-solve" "$ROTA" diff "$TMP/c.json" "$TMP/d.json"
expect_status 0
expect_last_line "0 people affected, 0 added, 0 removed, 0 moved"

# The benchmark format: a feasible grid whose objective rota score agrees with.
run "solve curtois" "$ROTA" solve --format curtois "$instance1" -o "$TMP/i1.grid" \
    --moves 1000000 --threads 1 -q
expect_status 0
if grep -q '^score: hard 0 soft [0-9]*$' "$TMP/out"; then pass "solve curtois: feasible"
else fail "solve curtois: feasible" "$(tail -3 "$TMP/out")"; fi
cp "$TMP/out" "$TMP/solve-i1.out"
run "score curtois" "$ROTA" score --format curtois "$instance1" "$TMP/i1.grid"
expect_status 0
expect_last_line "$(score_line "$TMP/solve-i1.out")"
rows=$(wc -l <"$TMP/i1.grid")
if [ "$rows" -eq 8 ]; then pass "solve curtois: one grid row per employee"
else fail "solve curtois: $rows grid rows, expected 8"; fi

# The lower bound: a move-limited run has none (no price ascent), and
# says so on the line before the score line; a timed run of Instance1
# proves one at most the optimum 607 (or none, when the ascent did not
# fit into a busy machine's share of the time).
if [ "$(tail -n 2 "$TMP/solve-i1.out" | head -n 1)" = "bound: none" ]
then pass "solve curtois --moves: bound: none"
else fail "solve curtois --moves: bound line" "$(tail -n 2 "$TMP/solve-i1.out")"; fi
if [ "$(tail -n 2 "$TMP/solve-a.out" | head -n 1)" = "bound: none" ] &&
    ! grep -q '"bound"' "$TMP/a.json"
then pass "solve small: bound: none, none in the file"
else fail "solve small: bound" "$(tail -n 2 "$TMP/solve-a.out")"; fi
run "solve curtois timed" "$ROTA" solve --format curtois "$instance1" --time-limit 2 \
    --threads 1 -q
expect_status 0
bound_line=$(tail -n 2 "$TMP/out" | head -n 1)
bound=${bound_line#bound: }
case $bound_line in
"bound: none") pass "solve curtois timed: no bound (ascent did not fit)" ;;
"bound: "[0-9]*)
    if [ "$bound" -gt 0 ] && [ "$bound" -le 607 ]; then
        pass "solve curtois timed: bound $bound <= 607"
    else fail "solve curtois timed: bound $bound above the optimum 607"; fi ;;
*) fail "solve curtois timed: bound line" "$(tail -n 2 "$TMP/out")" ;;
esac

# Usage and input errors.
run "solve no model" "$ROTA" solve
expect_status 2
run "solve bad threads" "$ROTA" solve "$small" --threads -1
expect_status 2
run "solve bad format" "$ROTA" solve --format xml "$small"
expect_status 2
run "solve missing model" "$ROTA" solve "$TMP/none.json" -o "$TMP/none-out.json"
expect_status 1
expect_empty_out
if [ ! -e "$TMP/none-out.json" ]; then pass "solve missing model: nothing written"
else fail "solve missing model: nothing written"; fi
run "solve help" "$ROTA" help solve
expect_status 0
if grep -q -- '--time-limit' "$TMP/out"; then pass "solve help: options listed"
else fail "solve help: options listed"; fi

finish
