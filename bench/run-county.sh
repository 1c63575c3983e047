#!/bin/sh
# SPDX-License-Identifier: MIT
# run-county.sh: solve the county example at 1x, 10x and 30x its size and tabulate how
# load time, construction, time to hard 0, final soft, moves per second and peak memory grow.
#
# Usage: bench/run-county.sh [BUILD_DIR]   (default: build, beside this script's parent)
# Environment: SCALES ("1 10 30"), HORIZON (month, quarter or year: county-gen
# --horizon; default month), TIME_LIMIT (120 seconds per solve), THREADS (solver
# default: one per processor), SEED (1), OUT (bench/results/county.md, or
# county-HORIZON.md), WORK (a temporary directory for the generated models, rosters and
# logs; kept when set).
# Needs GNU time as /usr/bin/time (Debian package "time") for peak memory.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=${1:-$top/build}
build=$(cd "$build" && pwd)
rota=$build/cli/rota
gen=$build/examples/county/county-gen
scales=${SCALES:-1 10 30}
limit=${TIME_LIMIT:-120}
seed=${SEED:-1}
horizon=${HORIZON:-month}
if [ "$horizon" = month ]; then
    out=${OUT:-$here/results/county.md}
else
    out=${OUT:-$here/results/county-$horizon.md}
fi
threads_opt=
[ -n "${THREADS:-}" ] && threads_opt="--threads $THREADS"

for tool in "$rota" "$gen" /usr/bin/time; do
    if [ ! -x "$tool" ]; then
        echo "run-county.sh: $tool missing (build first; apt-get install time)" >&2
        exit 1
    fi
done
# libtool wrappers re-link on first use: time the real binaries
[ -x "$build/cli/.libs/rota" ] && rota="$build/cli/.libs/rota"
[ -x "$build/examples/county/.libs/county-gen" ] && gen="$build/examples/county/.libs/county-gen"
export LD_LIBRARY_PATH="$build/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

if [ -n "${WORK:-}" ]; then
    mkdir -p "$WORK"
    work=$WORK
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi

# The value of a "Label: value" line of GNU time -v output.
tv() {
    sed -n "s/^[[:space:]]*$1: //p" "$2"
}

# Wall seconds of an "h:mm:ss" or "m:ss.ss" elapsed time.
wall() {
    tv 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$1" |
        awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}

# User plus system CPU seconds.
cpu() {
    awk -v u="$(tv 'User time (seconds)' "$1")" -v s="$(tv 'System time (seconds)' "$1")" \
        'BEGIN { printf "%.2f", u + s }'
}

# "hard H soft S" of a solve's standard output.
final() {
    sed -n 's/^score: hard \([0-9]*\) soft \([0-9]*\)$/\1 \2/p' "$1"
}

rows=
for n in $scales; do
    model=$work/county$n.json
    echo "county x$n: generating" >&2
    summary=$("$gen" --scale "$n" --horizon "$horizon" --seed 1 -o "$model")
    units=$(echo "$summary" | sed -n 's/.*: \([0-9]*\) units.*/\1/p')
    segs=$(echo "$summary" | sed -n 's/.* \([0-9]*\) segments.*/\1/p')
    people=$(echo "$summary" | sed -n 's/.* \([0-9]*\) people.*/\1/p')
    cells=$(echo "$summary" | sed -n 's/.* \([0-9]*\) cells.*/\1/p')
    days=$(sed -n 's/^  "days": \([0-9]*\),$/\1/p' "$model" | head -n 1)
    mb=$(du -k "$model" | awk '{ printf "%.1f", $1 / 1024 }')

    echo "county x$n: load (rota check)" >&2
    /usr/bin/time -v -o "$work/check$n.time" "$rota" check "$model" >/dev/null
    load=$(wall "$work/check$n.time")
    load_cpu=$(cpu "$work/check$n.time")

    echo "county x$n: construction (rota solve --moves 1 --threads 1)" >&2
    /usr/bin/time -v -o "$work/build$n.time" "$rota" solve "$model" --moves 1 \
        --threads 1 --seed "$seed" --quiet -o "$work/built$n.json" >"$work/built$n.out" ||
        true
    built=$(wall "$work/build$n.time")
    construct=$(awk -v a="$built" -v b="$load" 'BEGIN { printf "%.2f", a - b }')
    construct_cpu=$(awk -v a="$(cpu "$work/build$n.time")" -v b="$load_cpu" \
        'BEGIN { printf "%.2f", a - b }')
    set -- $(final "$work/built$n.out")
    built_hard=$1
    built_soft=$2

    echo "county x$n: solve for $limit s" >&2
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$work/solve$n.time" "$rota" solve "$model" --time-limit "$limit" \
        --seed "$seed" $threads_opt -o "$work/roster$n.json" >"$work/solve$n.out" \
        2>"$work/solve$n.err" || true
    set -- $(final "$work/solve$n.out")
    hard=$1
    soft=$2
    rss=$(tv 'Maximum resident set size (kbytes)' "$work/solve$n.time" |
        awk '{ printf "%.0f", $1 / 1024 }')
    # progress lines: "rota solve: E s  hard H  soft S  M moves (R/s)"
    last=$(grep '^rota solve: .* moves (' "$work/solve$n.err" | tail -n 1)
    rate=$(echo "$last" | sed -n 's/.*moves (\([0-9]*\)\/s).*/\1/p')
    moves=$(echo "$last" | sed -n 's/.*  \([0-9]*\) moves (.*/\1/p')
    solve_cpu=$(cpu "$work/solve$n.time")
    share=$(tv 'Percent of CPU this job got' "$work/solve$n.time")
    per_cpu=$(awk -v m="${moves:-0}" -v c="$solve_cpu" \
        'BEGIN { printf "%.0f", (c > 0) ? m / c : 0 }')
    if [ "$built_hard" = 0 ]; then
        hard0="$built (construction)"
    else
        first=$(grep '^rota solve: .* hard 0 ' "$work/solve$n.err" | head -n 1 |
            sed -n 's/^rota solve: \([0-9.]*\) s.*/\1/p')
        if [ -n "$first" ]; then
            hard0=$(awk -v a="$first" -v b="$load" 'BEGIN { printf "<= %.1f", a + b }')
        else
            hard0="not reached"
        fi
    fi
    # what the soft score is made of, by the evaluator
    terms=$("$rota" score --json "$model" "$work/roster$n.json" 2>/dev/null |
        python3 -c 'import json, sys
t = {x["name"]: x for x in json.load(sys.stdin)["terms"]}
g = lambda k, f: t[k][f] if k in t else 0
print(g("uncovered", "count"), g("deputy_onsite", "count"), g("fairness", "penalty"))' ||
        echo "? ? ?")
    # shellcheck disable=SC2086
    set -- $terms
    rows="$rows| ${n}x | $days | $units | $segs | $people | $cells | $mb MB | $load s ($load_cpu) | $construct s ($construct_cpu) | $built_hard / $built_soft | $hard0 | $hard / $soft | $moves | $rate | $per_cpu | $solve_cpu s ($share) | $rss MB | $1 | $2 | $3 |
"
done

mkdir -p "$(dirname "$out")"
{
    echo "# County at scale ($horizon)"
    echo
    echo "\`bench/run-county.sh\` on $(date -u +%Y-%m-%d) at $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?'),"
    echo "$(nproc) processors (shared with other work: timings are contended), seed $seed,"
    echo "\`rota solve --time-limit $limit\`${THREADS:+ --threads $THREADS} per scale."
    echo
    echo "| scale | days | units | segments | people | cells | model | load: wall (CPU) | construction: wall (CPU) | after construction: hard / soft | time to hard 0 | after ${limit} s: hard / soft | moves | moves/s | moves per CPU s | solve CPU (share) | peak RSS | uncovered places | deputy on-site hours | fairness penalty |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$rows"
    echo
    echo "- load: wall time of \`rota check\` (read, validate, compile the model)."
    echo "- construction: wall time of \`rota solve --moves 1 --threads 1\` minus the load."
    echo "- time to hard 0: from the start of the command, load included; when the"
    echo "  construction has none, the wall time of that construction run; otherwise the"
    echo "  first progress line (every 2 s) with hard 0 of the timed run."
    echo "- moves/s and peak RSS (GNU time) are of the timed run, all threads together;"
    echo "  CPU is user + system seconds, and the share the percentage of one processor the"
    echo "  timed run got: on a busy machine wall times overstate, CPU figures do not."
    echo "- uncovered places, deputy on-site hours (a deputy did the hour while the head"
    echo "  was on the roster) and the fairness penalty: the terms of rota score --json."
} >"$out"
echo "wrote $out" >&2
cat "$out"
