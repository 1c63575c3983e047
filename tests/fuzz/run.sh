#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/fuzz/run.sh [SECONDS] [HARNESS...]: run the libFuzzer harnesses built
# by `make fuzz` (run from the build tree) for SECONDS each (default 30),
# each from a scratch copy of its committed seed corpus, with its keys
# dictionary (json.dict, records.dict, csv.dict).  Prints executions and coverage per harness; any crash,
# leak or sanitizer report fails (the reproducer is left in tests/fuzz/out/).
set -eu
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
. "$srcdir/tests/fuzz/harness.sh"
seconds=${1:-30}
[ $# -gt 0 ] && shift
harnesses=${*:-model roster curtois grid diff pipeline import records}
out=tests/fuzz/out
rm -rf "$out"
mkdir -p "$out"
status=0
for h in $harnesses; do
    fuzz_seed "$h" "$out/$h"
    if fuzz_run "$h" "$out/$h" "$seconds" "$out/$h-" "$out/$h.log"; then
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$h.log")
        cov=$(grep -o 'cov: [0-9]*' "$out/$h.log" | tail -n 1)
        echo "fuzz-$h: ${seconds} s, $execs executions, $cov, no crash"
    else
        echo "fuzz-$h: FAILED (see $out/$h.log)"
        grep -E 'ERROR|runtime error|SUMMARY' "$out/$h.log" | head -n 5
        status=1
    fi
done
exit $status
