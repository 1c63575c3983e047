#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/fuzz/campaign.sh [-t CPU_SECONDS] [-c CHUNK] DIR [HARNESS...]
# tests/fuzz/campaign.sh -r DIR
#
# A long fuzzing campaign, run from the build tree after `make fuzz`.
# Each harness runs in chunks of at most CHUNK seconds (default 600) at
# nice 19 until the CPU time it has had reaches CPU_SECONDS (default
# 3600, one CPU-hour); the last chunk is sized to what is left.  DIR keeps
# what survives a stop: corpus/HARNESS/ (seeded from tests/fuzz/corpus/,
# grown by every chunk), logs/, crashes/ and ledger.txt, one line per
# chunk (time, harness, commit, exit status, CPU seconds, executions,
# coverage, corpus size).  Run it again and it goes on where the ledger
# stops.  `touch DIR/STOP` ends it after the running chunk.  Two
# campaigns on the same DIR with different harnesses use both cores.
#
# A crash, leak or sanitizer report stops the campaign with status 1; the
# input is left in DIR/crashes/.  -r prints the ledger's totals per
# harness as a Markdown table and runs nothing.
set -eu
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
. "$srcdir/tests/fuzz/harness.sh"
need=3600
chunk=600
report=
while getopts t:c:r opt; do
    case $opt in
    t) need=$OPTARG ;;
    c) chunk=$OPTARG ;;
    r) report=1 ;;
    *) echo "usage: $0 [-t CPU_SECONDS] [-c CHUNK] DIR [HARNESS...] | $0 -r DIR" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-t CPU_SECONDS] [-c CHUNK] DIR [HARNESS...] | $0 -r DIR" >&2; exit 2; }
dir=$1
shift
ledger=$dir/ledger.txt

totals() {
    [ -f "$ledger" ] || { echo "$ledger: no ledger yet" >&2; return 1; }
    for f in "$dir"/crashes/*; do [ -e "$f" ] && basename "$f"; done >"$dir/crash-list"
    awk -v list="$dir/crash-list" 'FILENAME == list { split($0, p, "-"); crashes[p[1]]++; next }
    {
        h = $2; chunks[h]++; if (!(h in order)) order[h] = ++n
        for (i = 3; i <= NF; i++) {
            if ($i ~ /^cpu=/) { v = $i; sub("cpu=", "", v); cpu[h] += v }
            if ($i ~ /^execs=/) { v = $i; sub("execs=", "", v); execs[h] += v }
            if ($i == "cov:") cov[h] = $(i + 1)
        }
    } END {
        print "| harness | CPU s | chunks | executions | coverage (last) | crash inputs |"
        print "|---|---:|---:|---:|---:|---:|"
        for (k = 1; k <= n; k++) for (h in order) if (order[h] == k)
            printf "| %s | %d | %d | %d | %s | %d |\n", h, cpu[h], chunks[h], execs[h], cov[h], crashes[h]
    }' "$dir/crash-list" "$ledger"
}

# The CPU seconds one harness has had, from the ledger.
cpu_of() {
    [ -f "$ledger" ] || { echo 0; return; }
    awk -v h="$1" '$2 == h { for (i = 3; i <= NF; i++) if ($i ~ /^cpu=/) { v = $i; sub("cpu=", "", v); s += v } }
        END { printf "%d\n", s }' "$ledger"
}

# The CPU seconds (user + system) of this shell's finished children:
# `times` must run in this shell (not in a command substitution's subshell,
# which has no children), so it writes to a file.
children_cpu() {
    times >"$dir/times"
    awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }; print t }' "$dir/times"
}

[ -z "$report" ] || { totals; exit $?; }

harnesses=${*:-model roster curtois grid diff pipeline import records}
commit=$(git -C "$srcdir" rev-parse --short HEAD 2>/dev/null || echo unknown)
mkdir -p "$dir/logs" "$dir/crashes"
for h in $harnesses; do
    corpus=$dir/corpus/$h
    fuzz_seed "$h" "$corpus"
    while :; do
        [ ! -e "$dir/STOP" ] || { echo "$dir/STOP: stopped"; exit 0; }
        have=$(cpu_of "$h")
        [ "$have" -lt "$need" ] || break
        left=$((need - have + 15))
        [ "$left" -le "$chunk" ] || left=$chunk
        log=$dir/logs/$h.$(date -u +%Y%m%dT%H%M%S).log
        echo "fuzz-$h: $have of $need CPU s, running $left s"
        children_cpu >"$dir/cpu-before"
        rc=0
        fuzz_run "$h" "$corpus" "$left" "$dir/crashes/$h-" "$log" nice -n 19 || rc=$?
        children_cpu >"$dir/cpu-after"
        cpu=$(cat "$dir/cpu-before" "$dir/cpu-after" | awk 'NR == 1 { a = $1 } NR == 2 { printf "%.2f", $1 - a }')
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
        echo "$(date -u +%FT%TZ) $h commit=$commit rc=$rc wall=$left cpu=$cpu" \
            "execs=${execs:-0} ${cov:-cov: 0} corpus=$(ls "$corpus" | wc -l)" >>"$ledger"
        if awk -v c="$cpu" 'BEGIN { exit !(c <= 0) }'; then
            echo "fuzz-$h: no CPU time measured for a $left s chunk; stopping" >&2
            exit 1
        fi
        if [ "$rc" -ne 0 ]; then
            echo "fuzz-$h: FAILED (see $log)"
            grep -E 'ERROR|runtime error|SUMMARY' "$log" | head -n 5
            exit 1
        fi
    done
done
totals
