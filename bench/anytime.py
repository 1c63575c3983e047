#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# anytime.py: what a shorter run gives: rota's objective on the Curtois-Qu
# instances at several time limits, from separate runs of run-curtois.sh.
"""Usage: bench/anytime.py [--limits "1 5 10 30 60"] [--threads T] [--curtois DIR] [RESULTS]

For each limit L, RESULTS/curtois-Ls (or RESULTS/curtois-Ls-Tthreads with
--threads T > 1) holds a run-curtois.sh run with --time-limit L.  The table
gives, per instance, the mean objective over the seeds of each run (the
evaluator's, on the saved grids) and its gap to the best known value; a
limit whose folder is missing is left out; the rows are the instances
every limit but the longest has (the longest, the main table, has all).
Written to RESULTS/curtois-anytime.md (…-Tthreads.md) and printed.

Separate runs, not the trace of one long run: a timed run fits its
annealing to its limit, so a 60 s run at 10 s is not what a 10 s run gives.
(`bench/run-anytime.sh` runs the limits.)
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from table import ROTA_COLUMNS, fmt, gap, read_results, rota_summary  # noqa: E402


def main(argv):
    args = argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    curtois = os.environ.get("CURTOIS_DIR", "/work/shared/bench/curtois")
    limits = [1, 5, 10, 30, 60]
    threads = 1
    while args and args[0].startswith("--"):
        if args[0] == "--limits" and len(args) > 1:
            limits = [int(x) for x in args[1].split()]
        elif args[0] == "--threads" and len(args) > 1:
            threads = int(args[1])
        elif args[0] == "--curtois" and len(args) > 1:
            curtois = args[1]
        else:
            print(__doc__, file=sys.stderr)
            return 2
        del args[:2]
    if len(args) > 1:
        print(__doc__, file=sys.stderr)
        return 2
    results = args[0] if args else os.path.join(here, "results")
    suffix = "" if threads == 1 else f"-{threads}threads"
    with open(os.path.join(curtois, "best_known.csv"), newline="") as f:
        best_known = [(r["instance"], int(r["best_known"])) for r in csv.DictReader(f)]
    runs = {}
    for limit in limits:
        folder = os.path.join(results, f"curtois-{limit}s{suffix}")
        if os.path.isdir(folder):
            runs[limit] = rota_summary(read_results(folder, "rota", ROTA_COLUMNS))
    if not runs:
        print(f"anytime.py: no run folder curtois-Ls{suffix} in {results}", file=sys.stderr)
        return 1
    shown = sorted(runs)
    lines = [f"# rota's objective by time limit ({threads} thread{'s' if threads > 1 else ''})",
             "",
             "Mean objective over the seeds of each limit's run (the evaluator's, on the "
             "saved grids; – = not run or not hard 0 in every seed), and its gap % to the "
             "best known value. Each limit is a separate run: a timed run fits its "
             "annealing to its limit.",
             "",
             "| instance | best known | " + " | ".join(f"{l} s | gap %" for l in shown) + " |",
             "|---|---:|" + "---:|---:|" * len(shown)]
    for name, best in best_known:
        # The instances the shorter runs had (the 60 s table has them all).
        if not all(name in runs[l] for l in shown[:-1] or shown):
            continue
        cells = []
        for limit in shown:
            mean = runs[limit].get(name, (None, None))[1]
            cells += [fmt(None if mean is None else round(mean)), fmt(gap(mean, best), 2)]
        lines.append(f"| {name} | {best} | " + " | ".join(cells) + " |")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(results, f"curtois-anytime{suffix}.md"), "w") as f:
        f.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
