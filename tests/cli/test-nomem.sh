#!/bin/sh
# SPDX-License-Identifier: MIT
# test-nomem.sh: an allocation sized by the input that cannot be made is
# reported (exit 1, "out of memory"), not a GLib abort (exit 133/134)
# (issue 25).  A model of 20,000 people over 3,660 days and 64 shifts needs
# 586 MB for its days off alone (a bit per person, day and shift); rota runs
# with its address space limited to 400 MB.  A model of 20,000 people over
# 2,000 days and one shift loads in 20 MB, but the solver's arrays of people
# x days (40 M entries, 160 MB each for the roster state, the best roster and
# the shared best) do not fit: that too is reported, before the search starts.

: "${ROTA:?ROTA must name the built rota tool}"
: "${ROTA_TEST_SRCDIR:?}"
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"
limit_kb=409600

# The limit must leave rota room to run on a small model: a sanitizer build
# reserves terabytes of address space at start and cannot run under it.
if ! (ulimit -v $limit_kb && "$ROTA" check "$DATA/valid/minimal.json") >/dev/null 2>&1; then
    echo "SKIP: rota does not run with its address space limited to $((limit_kb / 1024)) MB" \
        "(a sanitizer build?)"
    exit 77
fi

# one_segment_model DAYS SHIFTS: 20,000 people of one unit with one segment
# and one duty, over DAYS days and SHIFTS shifts
one_segment_model() {
    awk -v days="$1" -v shifts="$2" 'BEGIN {
        print "{ \"format\": \"rota-model\", \"version\": 1, \"name\": \"big\","
        print "  \"start\": \"2026-01-01\", \"days\": " days ","
        printf "  \"shifts\": [ { \"id\": \"am\", \"start\": \"07:00\", \"end\": \"09:00\" }"
        for (s = 1; s < shifts; s++)
            printf ",\n    { \"id\": \"s%d\", \"start\": \"10:00\", \"end\": \"11:00\" }", s
        print " ],"
        print "  \"segments\": [ { \"id\": \"S1\" } ],"
        print "  \"units\": [ { \"id\": \"U1\", \"segments\": [\"S1\"] } ],"
        print "  \"duties\": [ { \"id\": \"d\", \"shift\": \"am\", \"segments\": \"*\", \"min\": 1 } ],"
        printf "  \"people\": [\n"
        for (p = 1; p <= 20000; p++)
            printf "    { \"id\": \"P%d\", \"unit\": \"U1\" }%s\n", p, p < 20000 ? "," : ""
        print "  ] }"
    }'
}

one_segment_model 3660 64 >"$TMP/big.json"

# expect_err_has TEXT: stderr holds TEXT somewhere.
expect_err_has() {
    if grep -qF -- "$1" "$TMP/err"; then pass "$name: stderr has '$1'"
    else fail "$name: stderr lacks '$1'" "$(head -3 "$TMP/err")"; fi
}

run "check, 400 MB" sh -c 'ulimit -v "$1" && exec "$2" check "$3"' sh $limit_kb "$ROTA" "$TMP/big.json"
expect_status 1
expect_err_has "out of memory"
expect_err_has "people x days"

run "solve, 400 MB" sh -c 'ulimit -v "$1" && exec "$2" solve "$3" --moves 10 -o "$4"' \
    sh $limit_kb "$ROTA" "$TMP/big.json" "$TMP/roster.json"
expect_status 1
expect_err_has "out of memory"
[ ! -e "$TMP/roster.json" ] && pass "solve: nothing written" || fail "solve: a roster was written"

one_segment_model 2000 1 >"$TMP/wide.json"

run "check wide, 400 MB" sh -c 'ulimit -v "$1" && exec "$2" check "$3"' sh $limit_kb "$ROTA" "$TMP/wide.json"
expect_status 0

for threads in 1 2; do
    run "solve wide, $threads threads, 400 MB" sh -c 'ulimit -v "$1" && exec "$2" solve "$3" --moves 10 --threads "$5" -o "$4"' \
        sh $limit_kb "$ROTA" "$TMP/wide.json" "$TMP/roster.json" $threads
    expect_status 1
    expect_err_has "out of memory"
    expect_err_has "people x days"
    [ ! -e "$TMP/roster.json" ] && pass "$name: nothing written" || fail "$name: a roster was written"
done

# 400 segments x 10 duties x 3,660 days: 14.6 M cells, 468 MB, from a
# file of 30 kB; the model's other product of sizes
awk 'BEGIN {
    print "{ \"format\": \"rota-model\", \"version\": 1, \"name\": \"cells\","
    print "  \"start\": \"2026-01-01\", \"days\": 3660,"
    print "  \"shifts\": [ { \"id\": \"am\", \"start\": \"07:00\", \"end\": \"09:00\" } ],"
    printf "  \"segments\": [ { \"id\": \"S0\" }"
    for (s = 1; s < 400; s++) printf ", { \"id\": \"S%d\" }", s
    print " ],"
    printf "  \"units\": [ { \"id\": \"U1\", \"segments\": [ \"S0\""
    for (s = 1; s < 400; s++) printf ", \"S%d\"", s
    print " ] } ],"
    printf "  \"duties\": [ { \"id\": \"d0\", \"shift\": \"am\", \"segments\": \"*\", \"min\": 1 }"
    for (d = 1; d < 10; d++) printf ", { \"id\": \"d%d\", \"shift\": \"am\", \"segments\": \"*\", \"min\": 1 }", d
    print " ],"
    print "  \"people\": [ { \"id\": \"P1\", \"unit\": \"U1\" } ] }"
}' >"$TMP/cells.json"
run "check cells, 400 MB" sh -c 'ulimit -v "$1" && exec "$2" check "$3"' sh $limit_kb "$ROTA" "$TMP/cells.json"
expect_status 1
expect_err_has "out of memory"
expect_err_has "duties x segments x days"

# the same with a previous roster: the re-solve's own arrays are made up front too
printf '{ "format": "rota-roster", "version": 1, "assignments": [] }\n' >"$TMP/prev.json"
run "re-solve wide, 400 MB" sh -c 'ulimit -v "$1" && exec "$2" solve "$3" --previous "$5" --moves 10 --threads 1 -o "$4"' \
    sh $limit_kb "$ROTA" "$TMP/wide.json" "$TMP/roster.json" "$TMP/prev.json"
expect_status 1
expect_err_has "out of memory"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
