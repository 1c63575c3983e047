#!/bin/sh
# SPDX-License-Identifier: MIT
# test-diff.sh: "rota diff": per-person changes as text and JSON, model names, bad input.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

small="$DATA/cli/small-model.json"
old="$DATA/cli/small-roster.json"
new="$DATA/diff/new-roster.json"

# One move (P3 to S2), a deputy taking over an on-site hour (P1 -> P2, a
# removal and an addition: another person), a removed and an added duty;
# P2's 12-29 duty only became locked, which is no change.
run "diff text" "$ROTA" diff "$old" "$new"
expect_status 0
cat >"$TMP/expected" <<'END'
P1
  - 2026-12-29 onsite onsite S1
P2
  + 2026-12-29 onsite onsite S1
P3
  ~ 2026-12-28 rush-am am S1 -> am S2
  + 2026-12-31 rush-am am S1
P5
  - 2026-12-28 rush-pm pm S2
4 people affected, 2 added, 2 removed, 1 moved
END
if diff -u "$TMP/expected" "$TMP/out" >"$TMP/diff"; then pass "diff text: output"
else fail "diff text: output" "$(cat "$TMP/diff")"; fi
if [ ! -s "$TMP/err" ]; then pass "diff text: no warning"
else fail "diff text: unexpected stderr" "$(cat "$TMP/err")"; fi

run "diff model" "$ROTA" diff --model "$small" "$old" "$new"
expect_status 0
expect_out_line "P3 张伟 (U1 县住房和城乡建设局)"
expect_out_line "  ~ 2026-12-28 rush-am am S1 -> am S2  (早高峰疏导, 人民路(东风街—解放街) -> 早高峰疏导, 解放街(人民路—和平路))"
expect_last_line "4 people affected, 2 added, 2 removed, 1 moved"

run "diff json" "$ROTA" diff --json --model "$small" "$old" "$new"
expect_status 0
if python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "rota-diff" and d["version"] == 1, d
assert (d["people_affected"], d["added"], d["removed"], d["moved"]) == (4, 2, 2, 1), d
assert [p["person"] for p in d["people"]] == ["P1", "P2", "P3", "P5"], d
p3 = d["people"][2]
assert p3["name"] == "张伟" and p3["unit"] == "U1", p3
assert p3["changes"][0]["change"] == "moved", p3
assert p3["changes"][0]["from"]["segment"] == "S1" and p3["changes"][0]["to"]["segment"] == "S2"
assert p3["changes"][1] == {"change": "added", "date": "2026-12-31", "duty": "rush-am",
    "shift": "am", "segment": "S1", "shift_name": "早高峰疏导", "segment_name": "人民路(东风街—解放街)"}, p3' \
    "$TMP/out"; then pass "diff json: document"
else fail "diff json: document" "$(head -c 400 "$TMP/out")"; fi

run "diff same" "$ROTA" diff "$old" "$old"
expect_status 0
cat >"$TMP/expected" <<'END'
0 people affected, 0 added, 0 removed, 0 moved
END
if diff -u "$TMP/expected" "$TMP/out" >"$TMP/diff"; then pass "diff same: only the count"
else fail "diff same: output" "$(cat "$TMP/diff")"; fi

run "diff missing file" "$ROTA" diff "$old" "$TMP/none.json"
expect_status 1
expect_empty_out

sed 's/"seed": 1,/"model_sha256": "1111111111111111111111111111111111111111111111111111111111111111", "seed": 1,/' \
    "$old" >"$TMP/stamped.json"
run "diff warns" "$ROTA" diff "$TMP/stamped.json" "$DATA/diff/other-model.json"
expect_status 0
expect_err_line "rota: warning: $TMP/stamped.json and $DATA/diff/other-model.json were made for different model files (model_sha256 differs)"

run "diff bad date" "$ROTA" diff "$DATA/diff/bad-date.json" "$new"
expect_status 1
expect_err_line "rota: $DATA/diff/bad-date.json:5:7: assignments[1].date: bad date \"2026-13-01\" (expected YYYY-MM-DD)"
expect_empty_out

run "diff unknown person" "$ROTA" diff --model "$small" "$old" "$DATA/diff/unknown-person.json"
expect_status 1
expect_err_line "rota: $DATA/diff/unknown-person.json:4:61: assignments[0].person: unknown person \"P77\""
run "diff unknown person without model" "$ROTA" diff "$old" "$DATA/diff/unknown-person.json"
expect_status 0
expect_out_line "P77"

run "diff one argument" "$ROTA" diff "$old"
expect_status 2
run "diff bad option" "$ROTA" diff --frobnicate "$old" "$new"
expect_status 2

finish
