#!/bin/sh
# SPDX-License-Identifier: MIT
# test-import-invalid.sh: "rota import" on each broken sheet of tests/data/import-invalid
# reports exactly the case's expected lines, exits 1 and writes nothing.
#
# A case is a folder holding the sheets (units.csv, segments.csv, people*.csv,
# off.csv, requests.csv), optionally "args" (more options, one line) and its
# own base.json (else tests/data/import/base.json), and "expected": the error lines of
# standard error before the last line, which must be "rota: N error(s) ...".

: "${ROTA:?ROTA must name the built rota tool}"
: "${ROTA_TEST_SRCDIR:?}"
case $ROTA in
/*) ;;
*) ROTA="$(pwd)/$ROTA" ;;
esac
if ! "$ROTA" import --help >/dev/null 2>&1; then
    echo "rota import is not available: skipped"
    exit 77
fi
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

CASES="$DATA/import-invalid"
n_cases=0
for dir in "$CASES"/*/; do
    [ -f "$dir/expected" ] || continue
    name=$(basename "$dir")
    n_cases=$((n_cases + 1))
    base="$DATA/import/base.json"
    [ -f "$dir/base.json" ] && base=base.json
    set -- --base "$base"
    for f in units segments; do
        [ -f "$dir/$f.csv" ] && set -- "$@" --$f $f.csv
    done
    for f in "$dir"/people*.csv; do
        [ -f "$f" ] && set -- "$@" --people "$(basename "$f")"
    done
    for f in off requests; do
        [ -f "$dir/$f.csv" ] && set -- "$@" --$f $f.csv
    done
    if [ -f "$dir/args" ]; then
        # shellcheck disable=SC2046
        set -- "$@" $(cat "$dir/args")
    fi
    rm -f "$TMP/model.json"
    (cd "$dir" && LANG=C "$ROTA" import "$@" -o "$TMP/model.json") >"$TMP/out" 2>"$TMP/err"
    status=$?
    sed '$d' "$TMP/err" >"$TMP/lines"
    last=$(tail -n 1 "$TMP/err")
    if [ "$status" -ne 1 ]; then
        fail "$name: exit $status, expected 1" "$(head -n 3 "$TMP/err")"
    elif ! diff -u "$dir/expected" "$TMP/lines" >"$TMP/diff"; then
        fail "$name: other error lines" "$(cat "$TMP/diff")"
    elif [ "${last#rota: }" = "$last" ]; then
        fail "$name: last line is not rota's summary" "$last"
    elif [ -e "$TMP/model.json" ]; then
        fail "$name: a model was written"
    elif [ -s "$TMP/out" ]; then
        fail "$name: stdout not empty" "$(head -n 3 "$TMP/out")"
    else
        pass "$name"
    fi
done
if [ "$n_cases" -ge 30 ]; then
    pass "$n_cases cases"
else
    fail "only $n_cases cases in $CASES (expected at least 30)"
fi
finish
