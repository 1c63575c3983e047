#!/bin/sh
# SPDX-License-Identifier: MIT
# check-exports.sh: librota exports exactly the committed list of symbols
# (lib/librota.symbols, one a line, sorted), every one of them is declared in
# a public header, and nothing else leaks.  An ABI change is therefore a
# visible diff of lib/librota.symbols; see configure.ac for -version-info.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

so="$ROTA_TEST_BUILDDIR/lib/.libs/librota.so"
if [ ! -f "$so" ]; then
    echo "SKIP: no shared librota (configured with --disable-shared)"
    exit 77
fi

nm -D --defined-only "$so" | awk '$2 ~ /^[TDBR]$/ { print $3 }' | sort >"$TMP/exported"
sort "$ROTA_TEST_SRCDIR/lib/librota.symbols" >"$TMP/expected"
# Functions the public headers declare: an identifier rota_... followed by "(".
cat "$ROTA_TEST_SRCDIR"/include/rota/*.h "$ROTA_TEST_BUILDDIR"/include/rota/rota-enum-types.h |
    grep -o '\brota_[a-z0-9_]*[[:space:]]*(' | sed 's/[[:space:]]*($//' | sort -u >"$TMP/declared"

name="exports"
if diff -u "$TMP/expected" "$TMP/exported" >"$TMP/diff"; then pass "$name: match lib/librota.symbols"
else fail "$name: differ from lib/librota.symbols (update it on purpose, and -version-info in configure.ac)" "$(cat "$TMP/diff")"; fi

if grep -v '^rota_' "$TMP/exported" >"$TMP/stray"; then fail "$name: non-rota_ symbols" "$(cat "$TMP/stray")"
else pass "$name: only rota_ symbols"; fi

if comm -23 "$TMP/exported" "$TMP/declared" >"$TMP/undeclared" && [ -s "$TMP/undeclared" ]; then
    fail "$name: exported but not in a public header" "$(cat "$TMP/undeclared")"
else pass "$name: every export is declared"; fi

if comm -13 "$TMP/exported" "$TMP/declared" >"$TMP/missing" && [ -s "$TMP/missing" ]; then
    fail "$name: declared but not exported" "$(cat "$TMP/missing")"
else pass "$name: every declaration is exported"; fi

finish
