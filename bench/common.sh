# SPDX-License-Identifier: MIT
# common.sh: what the bench scripts share (sourced, not run): where the tools and
# instances are, rescoring by the evaluator, and a note of the machine.
#
# Environment: ROTA_BUILD (a configured build directory holding cli/rota and
# bench/curtois-lp; default TOP/build, else an in-tree build), CURTOIS_DIR
# (the folder of Instance1..24.txt, best_known.csv, reported_values.csv;
# default /work/shared/bench/curtois).

build=${build:-${ROTA_BUILD:-}}
curtois=${CURTOIS_DIR:-/work/shared/bench/curtois}

# Sets rota and lptool from $build (or the defaults), and checks the inputs;
# "rota-only" as $1 does not need bench/curtois-lp.
bench_find_tools() {
    if [ -z "$build" ]; then
        if [ -x "$top/build/cli/rota" ]; then build=$top/build; else build=$top; fi
    fi
    build=$(cd "$build" && pwd)
    rota=$build/cli/rota
    lptool=$build/bench/curtois-lp
    if [ ! -x "$rota" ]; then
        echo "bench: no $rota; build first or pass --build DIR" >&2
        exit 1
    fi
    if [ "${1:-}" != rota-only ] && [ ! -x "$lptool" ]; then
        echo "bench: no $lptool; run 'make bench/curtois-lp' in $build" >&2
        exit 1
    fi
    if [ ! -r "$curtois/Instance1.txt" ]; then
        echo "bench: no instances in $curtois; set CURTOIS_DIR" >&2
        exit 1
    fi
    if [ ! -x /usr/bin/time ]; then
        echo "bench: /usr/bin/time missing (apt-get install time): no CPU time or" \
            "peak memory will be recorded" >&2
    fi
}

# bench_timed FILE COMMAND...: runs COMMAND and writes "WALL CPU PEAK_KB"
# to FILE (CPU = user + system seconds; "-" for what cannot be measured
# without /usr/bin/time).  Returns COMMAND's exit status.
bench_timed() {
    local file=$1 rc=0 start
    shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %U %S %M' -o "$file.raw" "$@" || rc=$?
        tail -n 1 "$file.raw" |
            awk '{ printf "%s %.1f %s\n", $1, $2 + $3, $4 }' >"$file"
        rm -f "$file.raw"
    else
        start=$(date +%s.%N)
        "$@" || rc=$?
        awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f - -\n", b - a }' >"$file"
    fi
    return $rc
}

# "HARD SOFT" of a grid by `rota score --format curtois` (exit 0 or 3 both
# mean scored; anything else prints "- -").
bench_rescore() {
    local line rc=0
    line=$("$rota" score --format curtois "$1" "$2" 2>/dev/null | tail -n 1) || rc=$?
    if { [ "$rc" = 0 ] || [ "$rc" = 3 ]; } && [[ $line =~ ^score:\ hard\ ([0-9]+)\ soft\ ([0-9]+)$ ]]; then
        echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
    else
        echo "- -"
    fi
}

# Writes FILE: when, where, on what, with which tool and settings.
bench_note_machine() {
    local file=$1 tool=$2 settings=$3
    {
        echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "commit: $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)"
        echo "tool: $tool"
        echo "settings: $settings"
        echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) x $(nproc)"
        echo "memory: $(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
        echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    } >"$file"
}
