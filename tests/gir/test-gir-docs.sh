#!/bin/sh
# SPDX-License-Identifier: MIT
# test-gir-docs.sh: every public symbol of Rota-1.0.gir has a description,
# except those in tests/gir/undocumented.txt (which may only shrink: a
# symbol documented since must leave the list).
. "$ROTA_TEST_SRCDIR/tests/gir/lib.sh"

name="docs"
if python3 "$ROTA_TEST_SRCDIR/tests/gir/check-docs.py" "$GIR" \
    "$ROTA_TEST_SRCDIR/tests/gir/undocumented.txt" >"$TMP/out" 2>&1; then
    pass "$name: $(head -1 "$TMP/out")"
else fail "$name: undocumented symbols" "$(cat "$TMP/out")"; fi
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
