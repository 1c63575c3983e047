#!/bin/sh
# SPDX-License-Identifier: MIT
# test-harden.sh: nothing is accepted silently, stop signals keep the best
# roster, inputs are bounded, outputs are safe (issue 25).

: "${ROTA:?ROTA must name the built rota tool}"
: "${ROTA_TEST_SRCDIR:?}"
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"
model="$DATA/valid/full.json"
ics="$DATA/ics"

# expect_err_has TEXT: stderr holds TEXT somewhere.
expect_err_has() {
    if grep -qF -- "$1" "$TMP/err"; then pass "$name: stderr has '$1'"
    else fail "$name: stderr lacks '$1'" "$(head -3 "$TMP/err")"; fi
}

# ---- usage errors, not silently accepted values
for v in nan inf -inf NaN 1e300; do
    run "solve --time-limit $v" "$ROTA" solve "$model" --time-limit "$v" -o "$TMP/r.json"
    expect_status 2
    expect_err_has "--time-limit"
done
[ ! -e "$TMP/r.json" ] && pass "no roster written on usage errors" || fail "a roster was written"
run "solve --threads 100000" "$ROTA" solve "$model" --threads 100000 --moves 10
expect_status 2
expect_err_has "above the bound of 256 threads"
run "solve --threads 257" "$ROTA" solve "$model" --threads 257 --moves 10
expect_status 2
run "solve --threads 256" "$ROTA" solve "$model" --threads 256 --moves 1000 --quiet
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] && pass "$name: accepted" || fail "$name: exit $status"
for cmd in check score solve; do
    case $cmd in
    score) args="$model $TMP/not-read.json" ;;
    *) args="$model" ;;
    esac
    # shellcheck disable=SC2086
    run "$cmd --lang xx" "$ROTA" $cmd --lang xx $args
    expect_status 2
    expect_err_has 'unknown language "xx" for --lang'
done
run "check --lang zh_CN.UTF-8" "$ROTA" check --lang zh_CN.UTF-8 "$model"
expect_status 0

# ---- export --previous naming a missing folder, or one without a ledger
run "export --previous missing" "$ROTA" export ics "$ics/model.json" "$ics/roster.json" \
    -o "$TMP/pub" --previous "$TMP/nonexistent" --secret "$ics/secret.key"
expect_status 1
expect_err_has "--previous $TMP/nonexistent: no such folder"
[ ! -e "$TMP/pub" ] && pass "$name: nothing written" || fail "$name: $TMP/pub written"
mkdir "$TMP/empty"
run "export --previous without ledger" "$ROTA" export ics "$ics/model.json" \
    "$ics/roster.json" -o "$TMP/pub" --previous "$TMP/empty" --secret "$ics/secret.key"
expect_status 1
expect_err_has "no ledger .rota-ledger.json"

# ---- inputs are read with a size cap checked while reading
# (default 256 MB; 1 MB here to stay quick)
run "model /dev/zero" env ROTA_MAX_INPUT=1M "$ROTA" check /dev/zero
expect_status 1
expect_err_line "rota: /dev/zero: larger than the input limit of 1048576 bytes (ROTA_MAX_INPUT raises it)"
run "model /dev/urandom" env ROTA_MAX_INPUT=1M "$ROTA" solve /dev/urandom --moves 10
expect_status 1
expect_err_has "larger than the input limit"
run "secret /dev/urandom" env ROTA_MAX_INPUT=1M "$ROTA" export ics "$ics/model.json" \
    "$ics/roster.json" -o "$TMP/pubz" --secret /dev/urandom
expect_status 1
expect_err_line "rota: /dev/urandom: larger than the input limit of 1048576 bytes (ROTA_MAX_INPUT raises it)"
run "roster /dev/zero" env ROTA_MAX_INPUT=64K "$ROTA" score "$model" /dev/zero
expect_status 1
expect_err_has "/dev/zero: larger than the input limit of 65536 bytes"
run "a file over the cap" env ROTA_MAX_INPUT=100 "$ROTA" check "$model"
expect_status 1
run "ROTA_MAX_INPUT=12X" env ROTA_MAX_INPUT=12X "$ROTA" check "$model"
expect_status 1
expect_err_line "rota: ROTA_MAX_INPUT=12X: expected a size in bytes such as 1000000 or 512M"
run "a file under the cap" env ROTA_MAX_INPUT=1M "$ROTA" check "$model"
expect_status 0

# ---- safe outputs
cp "$model" "$TMP/m.json"
run "solve -o -" "$ROTA" solve "$TMP/m.json" -o - --moves 1000 --quiet
if head -c 200 "$TMP/out" | grep -q '"rota-roster"' && [ ! -e ./- ]; then
    pass "$name: the roster on stdout, no file named -"
else fail "$name: no roster on stdout"; fi
expect_err_has "score: hard"
run "solve -o the model" "$ROTA" solve "$TMP/m.json" -o "$TMP/m.json" --moves 100
expect_status 2
cmp -s "$TMP/m.json" "$model" && pass "$name: model untouched" || fail "$name: model changed"
ln -s m.json "$TMP/m-link.json"
run "solve -o a link to the model" "$ROTA" solve "$TMP/m.json" -o "$TMP/m-link.json" --moves 100
expect_status 2
if [ -w /dev/full ]; then
    run "solve -o /dev/full" "$ROTA" solve "$TMP/m.json" -o /dev/full --moves 100 --quiet
    expect_status 1
    expect_err_line "rota: /dev/full: cannot write: No space left on device"
    [ -c /dev/full ] && pass "$name: /dev/full still a device" || fail "$name: /dev/full replaced"
fi
ln -s target.json "$TMP/out-link.json"
run "solve -o a symlink" "$ROTA" solve "$TMP/m.json" -o "$TMP/out-link.json" --moves 100 --quiet
if [ -L "$TMP/out-link.json" ] && grep -q '"rota-roster"' "$TMP/target.json"; then
    pass "$name: link kept, target written"
else fail "$name: link replaced or target missing"; fi
if mkfifo "$TMP/fifo" 2>/dev/null; then
    cat "$TMP/fifo" >"$TMP/from-fifo" &
    reader=$!
    run "solve -o a FIFO" "$ROTA" solve "$TMP/m.json" -o "$TMP/fifo" --moves 100 --quiet
    wait "$reader"
    if [ -p "$TMP/fifo" ] && grep -q '"rota-roster"' "$TMP/from-fifo"; then
        pass "$name: written through, still a FIFO"
    else fail "$name: FIFO replaced or nothing read"; fi
fi
ls -A "$TMP" | grep -q 'rota-tmp' && fail "stray temporary files" || pass "no stray temporary files"

# ---- SIGTERM and SIGHUP stop a solve like Ctrl-C: the best roster is
# written and the exit status follows its score.
for sig in TERM HUP INT; do
    rm -f "$TMP/sig.json"
    "$ROTA" solve "$model" --time-limit 120 --threads 1 -o "$TMP/sig.json" \
        >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    sleep 2
    kill -s "$sig" "$pid"
    start=$(date +%s)
    wait "$pid"
    status=$?
    name="SIG$sig during solve"
    if [ "$status" -eq 0 ] || [ "$status" -eq 3 ]; then pass "$name: exit $status"
    else fail "$name: exit $status, expected 0 or 3" "$(tail -3 "$TMP/err")"; fi
    if [ $(($(date +%s) - start)) -lt 60 ]; then pass "$name: stopped early"
    else fail "$name: ran on"; fi
    if [ -s "$TMP/sig.json" ] && grep -q '"rota-roster"' "$TMP/sig.json"; then
        pass "$name: best roster written"
    else fail "$name: no roster"; fi
    if tail -n 1 "$TMP/out" | grep -q '^score: hard [0-9]* soft [0-9]*$'; then
        pass "$name: score line"
    else fail "$name: no score line" "$(tail -n 2 "$TMP/out")"; fi
done

finish
