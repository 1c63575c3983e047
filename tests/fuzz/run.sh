#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/fuzz/run.sh [SECONDS] [HARNESS...]: run the libFuzzer harnesses built
# by `make fuzz` (run from the build tree) for SECONDS each (default 30),
# each from a scratch copy of its committed seed corpus, with its keys
# dictionary (json.dict, records.dict, csv.dict).  Prints executions and coverage per harness; any crash,
# leak or sanitizer report fails (the reproducer is left in tests/fuzz/out/).
set -eu
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
[ $# -gt 0 ] && shift
harnesses=${*:-model roster curtois grid diff pipeline import records}
out=tests/fuzz/out
rm -rf "$out"
mkdir -p "$out"
status=0
for h in $harnesses; do
    bin=tests/fuzz/fuzz-$h
    [ -x "$bin" ] || { echo "$bin: not built (make fuzz)" >&2; exit 1; }
    mkdir -p "$out/$h"
    cp -R "$srcdir/tests/fuzz/corpus/$h/." "$out/$h/"
    case $h in
    curtois | grid) dict= ;;
    import) dict=-dict=$srcdir/tests/fuzz/csv.dict ;;
    records) dict=-dict=$srcdir/tests/fuzz/records.dict ;;
    *) dict=-dict=$srcdir/tests/fuzz/json.dict ;;
    esac
    if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" $dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -artifact_prefix="$out/$h-" -print_final_stats=1 \
        "$out/$h" >"$out/$h.log" 2>&1; then
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
