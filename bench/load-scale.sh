#!/bin/sh
# SPDX-License-Identifier: MIT
# load-scale.sh: how loading a model (rota check) grows with the county's size: for
# about 10 k, 100 k and 1 M people, the seconds, the peak resident memory and its ratio
# to the file size, as a Markdown table on standard output.
#
# Usage: bench/load-scale.sh [BUILD_DIR]   (default: build, beside this script's parent;
#        "." for an in-tree build)
# Environment: SCALES (county-gen scales, "3 33 333": 9,017, 99,295 and 1,001,665
# people), RUNS (1 run per scale; the table shows the fastest), WORK (a folder for the
# generated models, kept when set, else a temporary one).
# Needs GNU time as /usr/bin/time (Debian package "time").  The 1 M model is a
# 144 MB file; its load takes about 750 MB and 20 s on a small machine.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=${1:-$top/build}
build=$(cd "$build" && pwd)
rota=$build/cli/rota
gen=$build/examples/county/county-gen
scales=${SCALES:-3 33 333}
runs=${RUNS:-1}

for tool in "$rota" "$gen" /usr/bin/time; do
    if [ ! -x "$tool" ]; then
        echo "load-scale.sh: $tool missing (build first; apt-get install time)" >&2
        exit 1
    fi
done
# libtool wrappers re-link on first use and add their own memory: use the real binaries
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

echo "| people | file | load: wall | CPU (user + sys) | peak RSS | peak / file |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in $scales; do
    model=$work/county$n.json
    if [ ! -s "$model" ]; then
        echo "load-scale.sh: generating scale $n" >&2
        "$gen" --scale "$n" --seed 1 -q -o "$model"
    fi
    people=$(grep -c '^    { "id": "P' "$model" || true)
    bytes=$(wc -c <"$model")
    best=
    i=0
    while [ "$i" -lt "$runs" ]; do
        i=$((i + 1))
        /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$rota" check "$model" \
            >/dev/null 2>"$work/check.err" || {
            cat "$work/check.err" >&2
            echo "load-scale.sh: rota check failed on scale $n" >&2
            exit 1
        }
        line=$(cat "$work/time.txt")
        if [ -z "$best" ] || [ "$(echo "$line $best" | awk '{ print ($1 < $5) }')" = 1 ]; then
            best=$line
        fi
    done
    echo "$best $people $bytes" | awk '{
        printf "| %d | %.1f MB | %.2f s | %.2f s | %.0f MB | %.1fx |\n",
            $5, $6 / 1e6, $1, $2 + $3, $4 * 1024 / 1e6, $4 * 1024 / $6 }'
done
