#!/bin/sh
# SPDX-License-Identifier: MIT
# test-gjs.sh: examples/gjs/solve.js through GJS against the uninstalled
# Rota-1.0.typelib of the build tree: a model loads, solves for a fixed
# number of moves with progress reports, scores like `rota score`, and a
# broken model raises rota's GLib.Error.  Skips (77) without
# introspection or GJS outside CI; fails under CI=true.
. "$ROTA_TEST_SRCDIR/tests/gir/lib.sh"

command -v gjs >/dev/null 2>&1 || gir_need "GJS (apt-get install gjs)"

GI_TYPELIB_PATH="$ROTA_TEST_BUILDDIR${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH}"
LD_LIBRARY_PATH="$ROTA_TEST_BUILDDIR/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export GI_TYPELIB_PATH LD_LIBRARY_PATH

model="$ROTA_TEST_SRCDIR/tests/data/valid/full.json"
name="gjs example"
gjs -m "$ROTA_TEST_SRCDIR/examples/gjs/solve.js" "$model" 20000 >"$TMP/out" 2>"$TMP/err"
status=$?
# the same seed and moves through the command line give the same score
"$ROTA" solve "$model" --seed 1 --threads 1 --moves 20000 -o "$TMP/roster.json" \
    >/dev/null 2>&1
cli=$("$ROTA" score "$model" "$TMP/roster.json" 2>/dev/null | sed -n 's/^score: //p')
js=$(sed -n 's/^score: \(hard [0-9]* soft [0-9]*\) .*/\1/p' "$TMP/out")
if [ "$status" -ne 0 ]; then
    fail "$name: exit $status" "$(cat "$TMP/err" "$TMP/out")"
elif [ -z "$js" ] || [ "$js" != "$cli" ]; then
    fail "$name: score \"$js\", rota score says \"$cli\"" "$(cat "$TMP/out")"
elif ! grep -q 'progress reports' "$TMP/out" || grep -q ' 0 progress reports' "$TMP/out"; then
    fail "$name: no progress report" "$(cat "$TMP/out")"
elif ! grep -q '^broken model: Rota.Error.FORMAT: ' "$TMP/out"; then
    fail "$name: the broken model did not raise Rota.Error.FORMAT" "$(cat "$TMP/out")"
else
    pass "$name: $js as rota score, progress reported, errors as GLib.Error"
fi
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
