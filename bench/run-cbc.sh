#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# run-cbc.sh: CBC on the Curtois-Qu instances as MIPs (bench/curtois-lp), each result
# turned into a GRID and rescored by `rota score --format curtois`.
#
# Usage: bench/run-cbc.sh [--time-limit S] [--threads T (1)] [--instances "1 2 ..."]
#                         [--out DIR] [--build DIR] [--force]
# Writes DIR/cbc.tsv (one row per instance) and DIR/cbc/InstanceN.{grid,log,row}.
# An instance whose .row exists is skipped unless --force, so a stopped run
# resumes where it stopped.  CBC runs on T threads with an elapsed-time limit
# (the same wall-clock limit rota gets); its own claims are kept in the TSV
# beside the evaluator's, and the evaluator is the truth.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/common.sh"

limit=60
threads=1
instances=$(seq 1 24)
out=
force=0
while [ $# -gt 0 ]; do
    case $1 in
    --time-limit) limit=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run-cbc.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
out=${out:-$top/bench/results/curtois-${limit}s}
bench_find_tools
command -v cbc >/dev/null || { echo "run-cbc.sh: cbc not found (apt-get install coinor-cbc)" >&2; exit 1; }
mkdir -p "$out/cbc"
work=$(mktemp -d "${TMPDIR:-/tmp}/rota-cbc.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The "Result - ..." block of a CBC log: status word, objective, bound.
cbc_summary() {
    awk '
    /^Result - / {
        r = $0; sub(/^Result - /, "", r)
        if (r ~ /Optimal/) status = "optimal"
        else if (r ~ /[Ii]nfeasible/) status = "infeasible"
        else if (r ~ /time/) status = "time"
        else status = "stopped"
        on = 1
    }
    on && /^Objective value:/ { obj = $3 + 0 }
    on && /^Lower bound:/ { lb = $3 + 0 }
    on && /^No feasible solution found/ { nosol = 1 }
    END {
        if (status == "") status = "error"
        if (obj == "" || nosol) { obj = "-"; if (status != "infeasible" && status != "error") status = status "-nosolution" }
        if (status == "optimal") lb = obj
        printf "%s\t%s\t%s\n", status, obj, (lb == "" ? "-" : lb)
    }' "$1"
}

for n in $instances; do
    name=Instance$n
    inst=$curtois/$name.txt
    row=$out/cbc/$name.row
    if [ -e "$row" ] && [ "$force" = 0 ]; then
        echo "$name: done before ($(cut -f3,4 "$row" | tr '\t' ' ')), skipped"
        continue
    fi
    rm -f "$row" "$out/cbc/$name.grid"
    "$lptool" "$inst" -o "$work/$name.lp"
    # A safety net only: CBC stops itself at the limit, but reading and
    # preprocessing a large model are not interrupted.
    set +e
    bench_timed "$work/time" \
        timeout -k 10 $((limit * 3 + 60)) \
        cbc "$work/$name.lp" seconds "$limit" timeMode elapsed threads "$threads" \
        solve solution "$work/$name.sol" >"$out/cbc/$name.log" 2>&1
    rc=$?
    set -e
    read -r wall cpu rss <"$work/time"
    IFS=$'\t' read -r status claim bound < <(cbc_summary "$out/cbc/$name.log")
    [ "$rc" = 124 ] || [ "$rc" = 137 ] && status=killed
    hard=- soft=-
    if [ "$claim" != - ] && [ -s "$work/$name.sol" ] &&
        "$lptool" "$inst" --solution "$work/$name.sol" -o "$out/cbc/$name.grid"; then
        read -r hard soft < <(bench_rescore "$inst" "$out/cbc/$name.grid")
    else
        status=${status%-nosolution}-nosolution
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$status" "$hard" "$soft" \
        "$claim" "$bound" "$wall" "$cpu" "$rss" >"$row"
    echo "$name: $status hard $hard objective $soft (cbc: $claim, bound $bound)" \
        "${wall}s wall ${cpu}s cpu ${rss} KB"
    rm -f "$work/$name.lp" "$work/$name.sol"
done

{
    printf 'instance\tstatus\thard\tobjective\tcbc_claim\tcbc_bound\twall_s\tcpu_s\tpeak_rss_kb\n'
    for f in "$out"/cbc/Instance*.row; do [ -e "$f" ] && cat "$f"; done |
        sort -t$'\t' -k1.9n
} >"$out/cbc.tsv"
bench_note_machine "$out/machine-cbc.txt" "cbc $(cbc -quit 2>/dev/null | sed -n 's/^Version: //p')" \
    "seconds $limit timeMode elapsed threads $threads"
echo "wrote $out/cbc.tsv"
