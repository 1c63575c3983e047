#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# run-curtois.sh: rota on the Curtois-Qu instances, every grid rescored by
# `rota score --format curtois` (the evaluator is the truth, the solver's claim is kept
# only beside it), with wall time, CPU time and peak memory (/usr/bin/time).
#
# Usage: bench/run-curtois.sh [--time-limit S (60)] [--seeds "1 2 3"] [--threads T (1)]
#            [--instances "1 2 ... 24"] [--out DIR] [--build DIR] [--force] [--smoke]
# DIR defaults to bench/results/curtois-<S>s; it gets rota.tsv (one row per
# instance and seed) and rota/InstanceN-sK.{grid,log,row}.  A run whose .row
# exists is skipped unless --force, so a stopped run resumes where it stopped.
# --smoke: 2 s on Instance1 and 2, seed 1, into a temporary folder; exits 1
# unless every grid is hard 0 and rescored to what the solver claimed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/common.sh"

limit=60
seeds="1 2 3"
threads=1
instances=$(seq 1 24)
out=
force=0
smoke=0
while [ $# -gt 0 ]; do
    case $1 in
    --time-limit) limit=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --force) force=1; shift ;;
    --smoke) smoke=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run-curtois.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [ "$smoke" = 1 ]; then
    limit=2 seeds=1 instances="1 2"
    [ -r "$curtois/Instance1.txt" ] || curtois=$top/tests/data/curtois
    if [ -z "$out" ]; then
        out=$(mktemp -d "${TMPDIR:-/tmp}/rota-smoke.XXXXXX")
        trap 'rm -rf "$out"' EXIT
    fi
fi
out=${out:-$top/bench/results/curtois-${limit}s}
bench_find_tools rota-only
mkdir -p "$out/rota"

# One solve: grid, log, row "instance seed hard objective claim_hard
# claim_soft exit wall cpu rss bound" (bound: the lower bound the solver
# proved, its "bound: B" line, or - for "bound: none").
solve_one() {
    local n=$1 seed=$2 name=Instance$1 stem rc claim bound hard soft wall cpu rss
    stem=$out/rota/$name-s$seed
    rm -f "$stem.row" "$stem.grid"
    set +e
    # SIGINT is rota's "stop and write the best roster"; it is only a net
    # for a solver that overruns its limit by far.
    bench_timed "$stem.time" \
        timeout -s INT -k 10 $((limit * 3 + 120)) \
        "$rota" solve --format curtois "$curtois/$name.txt" -o "$stem.grid" \
        --time-limit "$limit" --seed "$seed" --threads "$threads" --quiet >"$stem.log" 2>&1
    rc=$?
    set -e
    read -r wall cpu rss <"$stem.time"
    rm -f "$stem.time"
    claim=$(sed -n 's/^score: hard \([0-9]*\) soft \([0-9]*\)$/\1 \2/p' "$stem.log" | tail -n 1)
    bound=$(sed -n 's/^bound: \([0-9]*\)$/\1/p' "$stem.log" | tail -n 1)
    hard=- soft=-
    [ -s "$stem.grid" ] && read -r hard soft < <(bench_rescore "$curtois/$name.txt" "$stem.grid")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$seed" "$hard" "$soft" \
        "${claim% *}" "${claim#* }" "$rc" "$wall" \
        "$cpu" "$rss" "${bound:--}" \
        >"$stem.row"
    echo "$name seed $seed: hard $hard objective $soft (solver said: ${claim:-nothing})" \
        "bound ${bound:-none}, exit $rc, ${wall}s wall, ${rss} KB"
}

for n in $instances; do
    for seed in $seeds; do
        if [ -e "$out/rota/Instance$n-s$seed.row" ] && [ "$force" = 0 ]; then
            echo "Instance$n seed $seed: done before, skipped"
            continue
        fi
        solve_one "$n" "$seed"
    done
done

{
    printf 'instance\tseed\thard\tobjective\tclaim_hard\tclaim_objective\texit\twall_s\tcpu_s\tpeak_rss_kb\tbound\n'
    for f in "$out"/rota/Instance*.row; do [ -e "$f" ] && cat "$f"; done |
        sort -t$'\t' -k1.9n -k2n
} >"$out/rota.tsv"
bench_note_machine "$out/machine-rota.txt" "$("$rota" --version 2>/dev/null | head -n 1)" \
    "--time-limit $limit --threads $threads, seeds $seeds"
echo "wrote $out/rota.tsv"

if [ "$smoke" = 1 ]; then
    # Every row: scored, hard 0, and the evaluator agrees with the solver.
    awk -F'\t' 'NR > 1 && !($3 == "0" && $3 == $5 && $4 == $6 && ($7 == 0)) {
        print "smoke: bad result:", $0; bad = 1 } END { exit bad }' "$out/rota.tsv"
    echo "smoke: ok"
fi
