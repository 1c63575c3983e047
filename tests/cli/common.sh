# SPDX-License-Identifier: MIT
# common.sh: helpers for the shell tests of the rota tool (sourced, POSIX sh).
#
# Environment (set by make check): ROTA (the built tool), ROTA_TEST_SRCDIR,
# ROTA_TEST_BUILDDIR.  Each check prints "ok"/"FAIL" and a summary line
# "N passed, M failed" at the end; the script exits 1 if anything failed.

: "${ROTA:?ROTA must name the built rota tool}"
: "${ROTA_TEST_SRCDIR:?}"
DATA="$ROTA_TEST_SRCDIR/tests/data"
passed=0
failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/rota-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

pass() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n' "$1"; [ -n "${2:-}" ] && printf '     %s\n' "$2"; return 0; }

# run NAME CMD...: run CMD, keeping its stdout, stderr and status.
run() {
    name=$1; shift
    "$@" >"$TMP/out" 2>"$TMP/err"
    status=$?
}

# expect_status N: the last run exited with N.
expect_status() {
    if [ "$status" -eq "$1" ]; then pass "$name: exit $1"
    else fail "$name: exit $status, expected $1" "$(head -3 "$TMP/err")"; fi
}

# expect_out_line TEXT / expect_err_line TEXT: a whole line equal to TEXT.
expect_out_line() {
    if grep -qxF -- "$1" "$TMP/out"; then pass "$name: stdout has '$1'"
    else fail "$name: stdout lacks '$1'" "$(head -5 "$TMP/out")"; fi
}
expect_err_line() {
    if grep -qxF -- "$1" "$TMP/err"; then pass "$name: stderr has '$1'"
    else fail "$name: stderr lacks '$1'" "$(head -5 "$TMP/err")"; fi
}

# expect_last_line TEXT: stdout's last line equals TEXT.
expect_last_line() {
    last=$(tail -n 1 "$TMP/out")
    if [ "$last" = "$1" ]; then pass "$name: last line '$1'"
    else fail "$name: last line '$last', expected '$1'"; fi
}

# expect_empty_out: nothing on stdout.
expect_empty_out() {
    if [ ! -s "$TMP/out" ]; then pass "$name: stdout empty"
    else fail "$name: stdout not empty" "$(head -3 "$TMP/out")"; fi
}

finish() {
    printf '%d passed, %d failed\n' "$passed" "$failed"
    [ "$failed" -eq 0 ]
}
