#!/bin/sh
# SPDX-License-Identifier: MIT
# test-invalid.sh: "rota check" fails on each invalid case with its expected message.
#
# For each case directory: run "rota check model.json" inside it, expect
# exit status 1, nothing on stdout, and stderr's first line equal to
# "rota: " followed by the first line of the case's "expected" file.

: "${ROTA:?ROTA must name the built rota tool}"
: "${ROTA_TEST_SRCDIR:?}"
case $ROTA in
/*) ;;
*) ROTA="$(pwd)/$ROTA" ;;
esac
if ! "$ROTA" check --help >/dev/null 2>&1; then
    echo "rota check is not available: skipped"
    exit 77
fi
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

n_cases=0
for dir in "$DATA"/invalid/*/; do
    [ -f "$dir/model.json" ] || continue
    name=$(basename "$dir")
    n_cases=$((n_cases + 1))
    expected="rota: $(head -n 1 "$dir/expected")"
    (cd "$dir" && "$ROTA" check model.json) >"$TMP/out" 2>"$TMP/err"
    status=$?
    first=$(head -n 1 "$TMP/err")
    if [ "$status" -ne 1 ]; then
        fail "$name: exit $status, expected 1" "$first"
    elif [ "$first" != "$expected" ]; then
        fail "$name: wrong message" "got:      $first
     expected: $expected"
    elif [ -s "$TMP/out" ]; then
        fail "$name: stdout not empty" "$(head -n 3 "$TMP/out")"
    else
        pass "$name"
    fi
done
if [ "$n_cases" -ge 40 ]; then
    pass "$n_cases cases"
else
    fail "only $n_cases cases in $DATA/invalid (expected at least 40)"
fi
finish
