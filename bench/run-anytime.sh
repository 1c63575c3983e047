#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# run-anytime.sh: rota on Curtois-Qu instances at several time limits, each a
# separate run-curtois.sh run into RESULTS/curtois-<L>s[-<T>threads],
# then bench/anytime.py's table of objective by limit.
#
# Usage: bench/run-anytime.sh [--limits "1 5 10 30"] [--instances "1 5 10 13 20"]
#            [--seeds "1 2 3"] [--threads T (1)] [--build DIR]
#            [--results RESULTS (bench/results)] [--main DIR]
# The 60 s point comes from the main table's run (run-curtois.sh
# --time-limit 60, same threads): RESULTS/curtois-60s[-<T>threads], which
# --main DIR links to that run's folder when it has another name.
# Resumable like run-curtois.sh.  Time: about instances x seeds x the sum
# of the limits.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
limits="1 5 10 30"
instances="1 5 10 13 20"
seeds="1 2 3"
threads=1
build=()
results=$here/results
main=
while [ $# -gt 0 ]; do
    case $1 in
    --limits) limits=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --build) build=(--build "$2"); shift 2 ;;
    --results) results=$2; shift 2 ;;
    --main) main=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run-anytime.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
suffix=
[ "$threads" -gt 1 ] && suffix=-${threads}threads
mkdir -p "$results"
if [ -n "$main" ]; then
    main=$(cd "$main" && pwd)
    if [ -e "$results/curtois-60s$suffix" ] && [ ! -L "$results/curtois-60s$suffix" ]; then
        echo "run-anytime.sh: $results/curtois-60s$suffix exists and is not a link;" \
            "leave out --main" >&2
        exit 2
    fi
    ln -sfn "$(realpath --relative-to="$results" "$main")" "$results/curtois-60s$suffix"
fi
for limit in $limits; do
    "$here/run-curtois.sh" --time-limit "$limit" --threads "$threads" --seeds "$seeds" \
        --instances "$instances" --out "$results/curtois-${limit}s$suffix" "${build[@]}"
done
/usr/bin/python3 "$here/anytime.py" --limits "$limits 60" --threads "$threads" "$results"
