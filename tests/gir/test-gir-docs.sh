#!/bin/sh
# SPDX-License-Identifier: MIT
# test-gir-docs.sh: every public symbol of Rota-1.0.gir has a description
# (a doc comment the scanner read): a new function, field or enum member
# without one fails here.
. "$ROTA_TEST_SRCDIR/tests/gir/lib.sh"

name="docs"
if python3 "$ROTA_TEST_SRCDIR/tests/gir/check-docs.py" "$GIR" >"$TMP/out" 2>&1; then
    pass "$name: $(tail -1 "$TMP/out")"
else fail "$name: undocumented symbols" "$(cat "$TMP/out")"; fi
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
