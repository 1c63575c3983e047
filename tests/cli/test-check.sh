#!/bin/sh
# SPDX-License-Identifier: MIT
# test-check.sh: "rota check", --version, help and usage errors of the tool.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

county="$ROTA_TEST_SRCDIR/examples/county/county.json"

run "check county" "$ROTA" check "$county"
expect_status 0
expect_out_line "units:      103"
expect_out_line "segments:   136"
expect_out_line "model is valid"
if grep -q '^people: *[0-9][0-9][0-9][0-9] ' "$TMP/out"; then pass "check county: thousands of people"
else fail "check county: people count" "$(grep people "$TMP/out")"; fi
if grep -q '^duty cells: *[1-9][0-9]* ' "$TMP/out"; then pass "check county: duty cells"
else fail "check county: duty cells" "$(cat "$TMP/out")"; fi

run "check curtois" "$ROTA" check --format curtois "$DATA/curtois/Instance1.txt"
expect_status 0
expect_out_line "people:     8 (party 0, volunteer 0, inspector 0)"

run "check missing file" "$ROTA" check "$TMP/no-such.json"
expect_status 1
expect_err_line "rota: $TMP/no-such.json: cannot read: No such file or directory"
expect_empty_out

run "version" "$ROTA" --version
expect_status 0
if grep -q '^rota [0-9]*\.[0-9]*\.[0-9]* (librota [0-9]' "$TMP/out"; then pass "version: format"
else fail "version: format" "$(cat "$TMP/out")"; fi

run "help" "$ROTA" help
expect_status 0
if grep -q '^  check ' "$TMP/out" && grep -q '^  score ' "$TMP/out"; then pass "help: lists commands"
else fail "help: lists commands"; fi

run "help check" "$ROTA" help check
expect_status 0
if grep -q 'Usage:' "$TMP/out" && grep -q -- '--format' "$TMP/out"; then pass "help check: options"
else fail "help check: options" "$(head -5 "$TMP/out")"; fi

run "no command" "$ROTA"
expect_status 2
run "unknown command" "$ROTA" frobnicate
expect_status 2
expect_err_line "rota: unknown command \"frobnicate\" (see 'rota help')"
run "unknown option" "$ROTA" check --frobnicate "$county"
expect_status 2
run "missing argument" "$ROTA" check
expect_status 2
expect_err_line "rota: expected one MODEL file (see 'rota help check')"
run "bad format" "$ROTA" check --format xml "$county"
expect_status 2
run "help unknown" "$ROTA" help frobnicate
expect_status 2

finish
