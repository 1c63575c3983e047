#!/bin/sh
# SPDX-License-Identifier: MIT
# test-kill.sh: exports and solves killed (SIGKILL) at random moments leave
# every output file old or new and whole, nothing partial inside DIR/feeds,
# no stray temporary file after the next run, and the rerun converges byte
# for byte (issue 25).  ROTA_KILL_ROUNDS sets the rounds of each (20).

: "${ROTA:?ROTA must name the built rota tool}"
: "${ROTA_TEST_SRCDIR:?}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 is missing: skipped"
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"
rounds=${ROTA_KILL_ROUNDS:-20}
secret="$DATA/ics/secret.key"
now=2026-11-30T00:00:00Z
model="$TMP/model.json"
python3 "$ROTA_TEST_SRCDIR/tests/cli/trim-county.py" \
    "$ROTA_TEST_SRCDIR/examples/county/county.json" 25 "$model"

# random_delay MAX_MS: sleep a random time below MAX_MS milliseconds.
seq_no=0
random_delay() {
    seq_no=$((seq_no + 1))
    sleep "$(awk -v seed="$$$seq_no" -v max="$1" \
        'BEGIN { srand(seed); printf "%.3f", rand() * max / 1000 }')"
}

# elapsed_ms CMD...: run CMD quietly, print how long it took in ms.
elapsed_ms() {
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    echo $((($(date +%s%N) - t0) / 1000000))
}

export_to() {
    "$ROTA" export ics "$model" "$1" -o "$2" --secret "$secret" --now "$now"
}

# ---- the two rosters and the reference publications
"$ROTA" solve "$model" --moves 2000 --seed 1 --threads 1 -o "$TMP/a.json" --quiet >/dev/null
# B: A without every third assignment (many feeds change)
python3 -c 'import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["assignments"] = [a for i, a in enumerate(r["assignments"]) if i % 3]
r.pop("score", None)
r.pop("violations", None)
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)' "$TMP/a.json" "$TMP/b.json"
export_to "$TMP/a.json" "$TMP/refA" >/dev/null || fail "export A"
cp -a "$TMP/refA" "$TMP/refAB"
t_export=$(elapsed_ms export_to "$TMP/b.json" "$TMP/refAB")
changed=$(diff -rq "$TMP/refA/feeds" "$TMP/refAB/feeds" | wc -l)
if [ "$changed" -ge 50 ]; then pass "B changes $changed feeds of A (export $t_export ms)"
else fail "B changes only $changed feeds of A"; fi

# check_tree DIR: every file under DIR/feeds is A's or AB's version, whole;
# no other file there.
check_tree() {
    python3 - "$1/feeds" "$TMP/refA/feeds" "$TMP/refAB/feeds" <<'PY'
import os, sys
pub, a, ab = sys.argv[1:4]
def read(p):
    try:
        with open(p, "rb") as f:
            return f.read()
    except OSError:
        return None
bad = 0
for root, _, files in os.walk(pub):
    for name in files:
        rel = os.path.relpath(os.path.join(root, name), pub)
        data = read(os.path.join(pub, rel))
        if data != read(os.path.join(a, rel)) and data != read(os.path.join(ab, rel)):
            print("     not old nor new:", rel)
            bad += 1
sys.exit(1 if bad else 0)
PY
}

# ---- exports
hits=0
i=0
while [ "$i" -lt "$rounds" ]; do
    i=$((i + 1))
    rm -rf "$TMP/pub"
    cp -a "$TMP/refA" "$TMP/pub"
    # the tool itself in the background (a shell function would run in a
    # subshell, and the kill would hit the subshell, not the export)
    "$ROTA" export ics "$model" "$TMP/b.json" -o "$TMP/pub" --secret "$secret" \
        --now "$now" >/dev/null 2>&1 &
    pid=$!
    random_delay "$t_export"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    diff -rq -x .rota-lock -x .rota-staging "$TMP/pub" "$TMP/refA" >/dev/null 2>&1 ||
        diff -rq -x .rota-lock -x .rota-staging "$TMP/pub" "$TMP/refAB" >/dev/null 2>&1 ||
        hits=$((hits + 1))
    if check_tree "$TMP/pub"; then pass "export kill $i: every feed old or new, whole"
    else fail "export kill $i: a feed is neither"; fi
    export_to "$TMP/b.json" "$TMP/pub" >/dev/null 2>&1
    if diff -r -x .rota-lock "$TMP/pub" "$TMP/refAB" >"$TMP/diff" 2>&1; then
        pass "export kill $i: rerun converges byte for byte, no stray file"
    else fail "export kill $i: rerun differs" "$(head -3 "$TMP/diff")"; fi
done
echo "     $hits of $rounds export kills landed mid-publication"

# ---- solves (--moves: the new roster is reproducible byte for byte)
solve_to() {
    "$ROTA" solve "$model" --moves 20000 --seed 3 --threads 1 --quiet -o "$1"
}
mkdir "$TMP/s"
t_solve=$(elapsed_ms solve_to "$TMP/new.json")
i=0
while [ "$i" -lt "$rounds" ]; do
    i=$((i + 1))
    cp "$TMP/a.json" "$TMP/s/roster.json"
    "$ROTA" solve "$model" --moves 20000 --seed 3 --threads 1 --quiet \
        -o "$TMP/s/roster.json" >/dev/null 2>&1 &
    pid=$!
    random_delay "$t_solve"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if cmp -s "$TMP/s/roster.json" "$TMP/a.json" || cmp -s "$TMP/s/roster.json" "$TMP/new.json"; then
        pass "solve kill $i: roster old or new, whole"
    else fail "solve kill $i: roster torn"; fi
    solve_to "$TMP/s/roster.json" >/dev/null 2>&1
    if cmp -s "$TMP/s/roster.json" "$TMP/new.json" && [ "$(ls -A "$TMP/s")" = roster.json ]; then
        pass "solve kill $i: rerun converges, no stray file"
    else fail "solve kill $i: rerun differs or stray files" "$(ls -A "$TMP/s" | tr '\n' ' ')"; fi
done
finish
