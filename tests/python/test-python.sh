#!/bin/sh
# SPDX-License-Identifier: MIT
# test-python.sh: tests/python/test_rota.py through PyGObject against the
# uninstalled Rota-1.0.typelib of the build tree, and the Python example
# examples/python/solve_county.py for two seconds.  Debian's python3-gi
# imports only under /usr/bin/python3.  Skips (77) without introspection
# or PyGObject outside CI; fails under CI=true.
. "$ROTA_TEST_SRCDIR/tests/gir/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || gir_need "$PY"
"$PY" -c 'import gi' 2>/dev/null || gir_need "PyGObject (apt-get install python3-gi)"

GI_TYPELIB_PATH="$ROTA_TEST_BUILDDIR${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH}"
LD_LIBRARY_PATH="$ROTA_TEST_BUILDDIR/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
ROTA_GIR="$GIR"
export GI_TYPELIB_PATH LD_LIBRARY_PATH ROTA_GIR

name="python tests"
"$PY" "$ROTA_TEST_SRCDIR/tests/python/test_rota.py" >"$TMP/out" 2>&1
status=$?
ran=$(sed -n 's/^Ran \([0-9]*\) tests.*/\1/p' "$TMP/out")
if [ "$status" -eq 0 ]; then
    pass "$name: $ran passed; $(grep 'entry points called' "$TMP/out")"
else fail "$name: exit $status" "$(tail -40 "$TMP/out")"; fi

name="python example"
county="$ROTA_TEST_SRCDIR/examples/county"
"$PY" "$ROTA_TEST_SRCDIR/examples/python/solve_county.py" --time-limit 2 --threads 1 \
    --model "$county/county.json" --previous "$county/roster.json" --out "$TMP/county" \
    >"$TMP/out" 2>"$TMP/err"
status=$?
if [ "$status" -eq 0 ] && grep -q '^score: hard' "$TMP/out" && grep -q '^feeds: ' "$TMP/out" &&
    grep -q '^diff against roster.json' "$TMP/out" && [ -s "$TMP/county/roster.json" ] &&
    grep -q 's  hard ' "$TMP/err"; then
    pass "$name: solved, scored, published, compared (progress reported)"
else fail "$name: exit $status" "$(tail -5 "$TMP/err"; cat "$TMP/out")"; fi
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
