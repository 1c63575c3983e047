#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# check-lp.sh: evidence that bench/curtois-lp's MIP is FORMAT.md's model: for known
# rosters and random mutations of them, the MIP with every cell pinned (--fix) is
# feasible exactly when `rota score` finds no hard violation, and its optimum then
# equals rota's objective.
#
# Usage: bench/check-lp.sh [--build DIR] [--mutants N (default 6)] [GRID ...]
# Default grids: tests/data/curtois/Instance*-?.grid (Strandmark's rosters of
# Instance1..10).  A grid named InstanceN-*.grid is checked against InstanceN.txt.
# Prints one line per roster and exits 1 on any disagreement.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/common.sh"

mutants=6
grids=()
while [ $# -gt 0 ]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --mutants) mutants=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "check-lp.sh: unknown option $1" >&2; exit 2 ;;
    *) grids+=("$1"); shift ;;
    esac
done
[ ${#grids[@]} -gt 0 ] || grids=("$top"/tests/data/curtois/Instance*-?.grid)
bench_find_tools
work=$(mktemp -d "${TMPDIR:-/tmp}/rota-check-lp.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A copy of grid $2 with 1..3 random changes (seed $3): two people swap
# their cells of a day, or one cell becomes another shift of instance $1 or off.
mutate() {
    awk -v seed="$3" -F'\t' -v OFS='\t' '
    FNR == NR {
        sub(/\r$/, "")
        if ($0 == "SECTION_SHIFTS") { on = 1; next }
        if ($0 ~ /^SECTION_/) on = 0
        if (on && $0 !~ /^#/ && $0 != "") { split($0, f, ","); ids[n++] = f[1] }
        next
    }
    { rows[FNR] = $0; last = FNR }
    function join(a, m,    j, line) {
        line = a[1]
        for (j = 2; j <= m; j++) line = line "\t" a[j]
        return line
    }
    END {
        srand(seed)
        k = 1 + int(rand() * 3)
        for (i = 0; i < k; i++) {
            r = 1 + int(rand() * last)
            q = 1 + int(rand() * last)
            m = split(rows[r], c, "\t")
            split(rows[q], o, "\t")
            d = 1 + int(rand() * m)
            if (rand() < 0.5 && q != r) {
                t = c[d]; c[d] = o[d]; o[d] = t
                rows[q] = join(o, m)
            } else {
                v = int(rand() * (n + 1))
                c[d] = (v == n) ? "" : ids[v]
            }
            rows[r] = join(c, m)
        }
        for (r = 1; r <= last; r++) print rows[r]
    }' "$1" "$2"
}

# "feasible OBJ" or "infeasible" for grid $2 of instance $1, by CBC.  With
# every x and w pinned the LP relaxation is exact (the weekend indicators
# y >= w can be rounded down to max(w) and cost nothing, u and o are
# continuous), so one primal simplex decides; CBC's dual simplex on an
# infeasible pinned model can wander for minutes.
cbc_pinned() {
    "$lptool" "$1" --fix "$2" -o "$work/fix.lp"
    cbc "$work/fix.lp" primalSimplex >"$work/fix.log" 2>&1 || true
    awk '/^Optimal objective / { obj = $3 + 0 } /nfeasible/ { infeasible = 1 }
        END { if (!infeasible && obj != "") print "feasible", obj; else print "infeasible" }' \
        "$work/fix.log"
}

failed=0 checked=0
check() {
    local inst=$1 grid=$2 label=$3 hard soft verdict
    read -r hard soft < <(bench_rescore "$inst" "$grid")
    verdict=$(cbc_pinned "$inst" "$grid")
    checked=$((checked + 1))
    if { [ "$hard" = 0 ] && [ "$verdict" = "feasible $soft" ]; } ||
        { [ "$hard" != 0 ] && [ "$hard" != - ] && [ "$verdict" = infeasible ]; }; then
        echo "ok   $label: rota hard $hard soft $soft; LP $verdict"
    else
        echo "FAIL $label: rota hard $hard soft $soft; LP $verdict"
        cp "$grid" "$work/../check-lp-failed-$checked.grid" 2>/dev/null || true
        failed=1
    fi
}

for grid in "${grids[@]}"; do
    base=$(basename "$grid")
    inst=$curtois/${base%%-*}.txt
    [ "${base%%-*}" != "$base" ] || inst=$curtois/${base%.grid}.txt
    check "$inst" "$grid" "$base"
    for k in $(seq 1 "$mutants"); do
        mutate "$inst" "$grid" "$k" >"$work/mutant.grid"
        check "$inst" "$work/mutant.grid" "$base mutant $k"
    done
done
echo "$checked rosters checked, $([ $failed = 0 ] && echo 'all agree' || echo 'DISAGREEMENTS')"
exit $failed
