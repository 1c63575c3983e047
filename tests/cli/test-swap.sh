#!/bin/sh
# SPDX-License-Identifier: MIT
# test-swap.sh: "rota swap": a legal move, a refusal for each kind of hard rule, and
# --suggest's ranking checked against the evaluator (rota swap --to, rota score).
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

model="$DATA/records/model.json"
roster="$DATA/records/roster.json"
cp "$roster" "$TMP/roster.json"

soft() { "$ROTA" score "$model" "$1" | sed -n 's/^score: hard 0 soft //p'; }
base=$(soft "$roster")

run "swap legal" "$ROTA" swap "$model" "$TMP/roster.json" --date 2026-12-01 --shift am \
    --person P0003 --to P0004 -o "$TMP/new.json"
expect_status 0
expect_out_line "2026-12-01 am S001 rush-am: P0003 -> P0004, soft score +3 (now 3)"
if grep -qF '{ "date": "2026-12-01", "shift": "am", "segment": "S001", "person": "P0004", "duty": "rush-am" }' "$TMP/new.json" &&
   ! grep -q '"2026-12-01", "shift": "am", "segment": "S001", "person": "P0003"' "$TMP/new.json"
then pass "swap legal: moved in the new roster"; else fail "swap legal: new roster" "$(grep 12-01 "$TMP/new.json")"; fi
if [ "$(soft "$TMP/new.json")" = $((base + 3)) ]; then pass "swap legal: rota score agrees (+3)"
else fail "swap legal: rota score says $(soft "$TMP/new.json")"; fi
if cmp -s "$roster" "$TMP/roster.json"; then pass "swap -o: ROSTER untouched"; else fail "swap -o: ROSTER changed"; fi

# refuse NAME DATE SHIFT PERSON TO RULE: exit 1, the rule named, nothing written.
refuse() {
    rm -f "$TMP/refused.json"
    cp "$TMP/roster.json" "$TMP/before.json"
    run "refuse $1" "$ROTA" swap "$model" "$TMP/roster.json" --date "$2" --shift "$3" \
        --person "$4" --to "$5" -o "$TMP/refused.json"
    expect_status 1
    if grep -q "^rota: refused: $5 would break $6 on " "$TMP/err"; then pass "refuse $1: names $6"
    else fail "refuse $1: message" "$(cat "$TMP/err")"; fi
    if [ ! -e "$TMP/refused.json" ]; then pass "refuse $1: nothing written"; else fail "refuse $1: file written"; fi
    run "refuse $1 in place" "$ROTA" swap "$model" "$TMP/roster.json" --date "$2" --shift "$3" \
        --person "$4" --to "$5"
    expect_status 1
    if cmp -s "$TMP/roster.json" "$TMP/before.json"; then pass "refuse $1: roster unchanged"
    else fail "refuse $1: roster changed"; fi
}
refuse "off day" 2026-12-03 am P0003 P0004 off
refuse "max shifts" 2026-12-03 am P0008 P0007 max_shifts_week
refuse "min rest" 2026-12-03 am P0008 P0006 min_rest
refuse "eligibility" 2026-12-01 am P0003 P0011 eligibility
refuse "one duty a day" 2026-12-01 am P0003 P0001 double_booking
refuse "on-site by a member" 2026-12-01 onsite P0001 P0003 eligibility

# An on-site hour to the deputy: legal, costs deputy_onsite (50) as the head was free.
run "swap onsite" "$ROTA" swap "$model" "$TMP/roster.json" --date 2026-12-04 --shift onsite \
    --person P0001 --to P0002 -o "$TMP/onsite.json"
expect_status 0
expect_out_line "2026-12-04 onsite S001 onsite: P0001 -> P0002, soft score +50 (now 50)"

# --suggest: every listed candidate's added penalty is what the evaluator
# says for that move, in ascending order; each refused one is refused by --to
# with the rule --suggest gave.
check_suggest() {
    run "suggest $1 $2 $3" "$ROTA" swap "$model" "$TMP/roster.json" --date "$1" --shift "$2" \
        --person "$3" --suggest
    expect_status 0
    grep '^P' "$TMP/out" >"$TMP/suggest"
    prev=-999999; n=0
    while read -r id added rest; do
        n=$((n + 1))
        "$ROTA" swap "$model" "$TMP/roster.json" --date "$1" --shift "$2" --person "$3" \
            --to "$id" -o "$TMP/cand.json" >"$TMP/cand.out" 2>&1 ||
            fail "suggest $1 $2 $3: $id refused by --to" "$(cat "$TMP/cand.out")"
        real=$(( $(soft "$TMP/cand.json") - base ))
        [ "$real" -ge 0 ] && real="+$real"
        if [ "$real" = "$added" ]; then pass "suggest $1 $2 $3: $id $added as scored"
        else fail "suggest $1 $2 $3: $id listed $added, evaluator $real"; fi
        if [ "${added#+}" -lt "$prev" ]; then fail "suggest $1 $2 $3: not ranked"; fi
        prev=${added#+}
    done <"$TMP/suggest"
    grep '^  P' "$TMP/suggest" | while read -r id name rule rest; do
        if "$ROTA" swap "$model" "$TMP/roster.json" --date "$1" --shift "$2" --person "$3" \
            --to "$id" -o "$TMP/cand.json" 2>"$TMP/cand.err"; then
            echo "FAIL $id accepted" >>"$TMP/refusals"
        elif ! grep -q "would break ${rule%:} on" "$TMP/cand.err"; then
            echo "FAIL $id: $(cat "$TMP/cand.err") (suggest said $rule)" >>"$TMP/refusals"
        fi
    done
    if [ ! -s "$TMP/refusals" ]; then pass "suggest $1 $2 $3: refusals agree with --to"
    else fail "suggest $1 $2 $3: refusals" "$(cat "$TMP/refusals")"; fi
    rm -f "$TMP/refusals"
    if [ "$n" -ge "$4" ]; then pass "suggest $1 $2 $3: $n candidates"; else fail "suggest $1 $2 $3: $n candidates"; fi
}
check_suggest 2026-12-01 am P0003 2
check_suggest 2026-12-03 am P0008 0
check_suggest 2026-12-04 onsite P0001 1
run "suggest ranking" "$ROTA" swap "$model" "$TMP/roster.json" --date 2026-12-01 --shift am --person P0003 --suggest
cat >"$TMP/expected" <<'END'
P0002 +0 李娜
P0004 +3 刘洋
cannot take it (the nearest):
  P0001 王建国: double_booking (already on duty that day: one duty a day)
END
if diff -u "$TMP/expected" "$TMP/out" >"$TMP/diff"; then pass "suggest: exact output"
else fail "suggest: output" "$(cat "$TMP/diff")"; fi

run "usage both" "$ROTA" swap "$model" "$roster" --date 2026-12-01 --shift am --person P0003 --to P0002 --suggest
expect_status 2
run "no such duty" "$ROTA" swap "$model" "$roster" --date 2026-12-01 --shift am --person P0002 --suggest
expect_status 1
expect_err_line "rota: P0002 has no am duty on 2026-12-01 in the roster"
finish
