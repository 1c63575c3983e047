#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# table.py: the Curtois-Qu results table: rota (rota.tsv) and CBC (cbc.tsv) beside the
# best known values and the published 10-minute results, as Markdown.
"""Usage: bench/table.py [DIR] [--curtois CURTOIS_DIR]

DIR (default bench/results/curtois-60s) holds rota.tsv and/or cbc.tsv as
written by run-curtois.sh and run-cbc.sh; the table is written to DIR.md
(e.g. bench/results/curtois-60s.md) and printed.  Every objective in it is
the evaluator's (`rota score --format curtois`), never a solver's claim.
"""
import csv
import os
import statistics
import sys

PUBLISHED_SOURCE = "ORProjects/NRP ComputationalResults/README.md"
METHODS = [  # (column, prefix of the notes field in reported_values.csv)
    ("EC", "Ejection chain (Curtois & Qu 2014)"),
    ("Gurobi", "Gurobi (Curtois & Qu 2014)"),
    ("IP&VNS", "IP&VNS hybrid (Rahimian et al. 2017)"),
    ("ORP hybrid", "ORProjects hybrid"),
]


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


# "bound" (the lower bound a run proved, - for none; issue 26): older rows
# end before it.
ROTA_COLUMNS = ["instance", "seed", "hard", "objective", "claim_hard", "claim_objective",
                "exit", "wall_s", "cpu_s", "peak_rss_kb", "bound"]
CBC_COLUMNS = ["instance", "status", "hard", "objective", "cbc_claim", "cbc_bound",
               "wall_s", "cpu_s", "peak_rss_kb"]


def read_results(folder, tool, columns):
    """The per-run .row files (complete even when a run was stopped before it
    rewrote its TSV), else the TSV."""
    sub = os.path.join(folder, tool)
    names = sorted(f for f in os.listdir(sub) if f.endswith(".row")) if os.path.isdir(sub) else []
    if not names:
        return read_tsv(os.path.join(folder, tool + ".tsv"))
    rows = []
    for name in names:
        with open(os.path.join(sub, name)) as f:
            for line in f:
                rows.append(dict(zip(columns, line.rstrip("\n").split("\t"))))
    return rows


def number(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def published(curtois):
    """{(instance, method column): value} of the 10-minute runs."""
    values = {}
    with open(os.path.join(curtois, "reported_values.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["source"] != PUBLISHED_SOURCE or row["kind"] != "result":
                continue
            if "10 min run" not in row["notes"]:
                continue
            for column, prefix in METHODS:
                if row["notes"].startswith(prefix):
                    values[(row["instance"], column)] = int(row["value"])
    return values


def gap(value, best):
    return None if value is None else 100.0 * (value - best) / best


def fmt(value, digits=0):
    if value is None:
        return "–"
    return f"{value:.{digits}f}" if digits else str(value)


def has_bounds(rows):
    """Whether the runs recorded their bound line (newer run-curtois.sh)."""
    return any(r.get("bound") is not None for r in rows)


def rota_bounds(rows):
    """{instance: the best lower bound any of its runs proved}."""
    out = {}
    for row in rows:
        b = number(row.get("bound"))
        if b is not None:
            out[row["instance"]] = max(b, out.get(row["instance"], b))
    return out


def proven_gap(value, bound):
    """(value − bound) / value in %: how far value can be from the optimum."""
    if value is None or bound is None or value <= 0:
        return None
    return 100.0 * (value - bound) / value


def rota_summary(rows):
    """{instance: (best, mean, all hard 0, runs, peak MB)} from rota.tsv rows."""
    by = {}
    for row in rows:
        by.setdefault(row["instance"], []).append(row)
    out = {}
    for name, runs in by.items():
        ok = [number(r["objective"]) for r in runs if r["hard"] == "0"]
        ok = [v for v in ok if v is not None]
        all_hard0 = len(ok) == len(runs)
        best = min(ok) if ok else None
        mean = statistics.mean(ok) if all_hard0 and ok else None
        rss = [number(r["peak_rss_kb"]) for r in runs]
        peak = max(v for v in rss if v is not None) / 1024 if any(rss) else None
        out[name] = (best, mean, all_hard0, len(runs), peak)
    return out


def cbc_value(row):
    """CBC's objective when its grid is feasible by the evaluator, else None."""
    if row is None or row["hard"] != "0":
        return None
    return number(row["objective"])


def instance_rows(best_known, rota, cbc, pub, bounds=None):
    """The table; with bounds (a dict, from runs that recorded them), two more
    columns after the gap: rota's bound and the proven gap of its best roster."""
    extra = "" if bounds is None else "| rota bound | proven gap % (best) "
    lines = [
        "| Instance | best known | rota best | rota mean | gap % (mean) " + extra
        + "| hard 0 | rota MB "
        "| CBC | CBC status | CBC gap % | CBC bound | CBC cpu s | "
        + " | ".join(c + " 10 min" for c, _ in METHODS) + " |",
        "|---" * (12 + (0 if bounds is None else 2) + len(METHODS)) + "|",
    ]
    for name, best in best_known:
        r_best, r_mean, r_hard0, runs, peak = rota.get(name, (None, None, None, 0, None))
        crow = cbc.get(name)
        cval = cbc_value(crow)
        status = crow["status"] if crow else None
        hard0 = "–" if not runs else ("yes" if r_hard0 else "**no**")
        proof = []
        if bounds is not None:
            proof = [fmt(bounds.get(name)), fmt(proven_gap(r_best, bounds.get(name)), 2)]
        cells = [
            name, str(best), fmt(r_best), fmt(r_mean, 1), fmt(gap(r_mean, best), 2),
        ] + proof + [
            hard0, fmt(peak, 1), fmt(cval), status or "–", fmt(gap(cval, best), 2),
            crow["cbc_bound"].replace("-", "–") if crow else "–",
            crow["cpu_s"] if crow else "–",
        ] + [fmt(pub.get((name, c))) for c, _ in METHODS]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def count_better(names, rota, other):
    """(better, tie, worse, compared) of rota's mean against other(name)."""
    better = tie = worse = 0
    for name in names:
        mine = rota[name][1] if name in rota else None
        theirs = other(name)
        if mine is None:
            continue
        if theirs is None or mine < theirs:
            better += 1
        elif mine == theirs:
            tie += 1
        else:
            worse += 1
    return better, tie, worse, better + tie + worse


def summary_rows(best_known, rota, cbc, pub):
    best = dict(best_known)
    first12 = [f"Instance{i}" for i in range(1, 13)]
    gaps = [gap(rota[n][1], best[n]) for n in first12 if n in rota and rota[n][1] is not None]
    bgaps = [gap(rota[n][0], best[n]) for n in first12 if n in rota and rota[n][0] is not None]
    lines = ["", "| Summary | value |", "|---|---|"]
    lines.append(f"| mean gap of rota's mean, Instance1–12 ({len(gaps)} with results) | "
                 f"{fmt(statistics.mean(gaps) if gaps else None, 2)} % |")
    lines.append(f"| mean gap of rota's best seed, Instance1–12 | "
                 f"{fmt(statistics.mean(bgaps) if bgaps else None, 2)} % |")
    last12 = [f"Instance{i}" for i in range(13, 25)]
    lgaps = [gap(rota[n][1], best[n]) for n in last12 if n in rota and rota[n][1] is not None]
    if lgaps:
        lines.append(f"| mean gap of rota's mean, Instance13–24 ({len(lgaps)} with results) | "
                     f"{fmt(statistics.mean(lgaps), 2)} % |")
    first19 = [f"Instance{i}" for i in range(1, 20)]
    behind = [n[len("Instance"):] for n in first19
              if n in rota and rota[n][1] is not None and pub.get((n, "IP&VNS")) is not None
              and rota[n][1] > pub[(n, "IP&VNS")]]
    compared = [n for n in first19 if n in rota and rota[n][1] is not None
                and pub.get((n, "IP&VNS")) is not None]
    if compared:
        lines.append(f"| rota mean ≤ IP&VNS (10 min), Instance1–19 | "
                     f"{len(compared) - len(behind)} of {len(compared)} "
                     f"(behind on {', '.join(behind) if behind else 'none'}) |")
    ec = count_better(first19, rota, lambda n: pub.get((n, "EC")))
    lines.append(f"| rota mean < ejection chain (10 min), Instance1–19 | {ec[0]} of {ec[3]} "
                 f"(ties {ec[1]}, worse {ec[2]}) |")
    cb = count_better([n for n, _ in best_known], rota, lambda n: cbc_value(cbc.get(n)))
    lines.append(f"| rota mean < CBC (where CBC has no feasible grid, rota counts as better) | "
                 f"{cb[0]} of {cb[3]} (ties {cb[1]}, worse {cb[2]}) |")
    runs = sum(v[3] for v in rota.values())
    hard0 = all(v[2] for v in rota.values()) and runs > 0
    lines.append(f"| every rota run hard 0 | {'yes' if hard0 else 'no'} ({runs} runs, "
                 f"{len(rota)} instances) |")
    lines.append(f"| CBC grids hard 0 | {sum(1 for r in cbc.values() if r['hard'] == '0')} "
                 f"of {len(cbc)} instances (others: no solution in time) |")
    return lines


def machine_notes(folder):
    lines = []
    for tool in ("rota", "cbc"):
        path = os.path.join(folder, f"machine-{tool}.txt")
        if os.path.exists(path):
            with open(path) as f:
                lines.append(f"- {tool}: " + "; ".join(l.strip() for l in f if l.strip()))
    return lines


def main(argv):
    args = argv[1:]
    curtois = os.environ.get("CURTOIS_DIR", "/work/shared/bench/curtois")
    if "--curtois" in args:
        i = args.index("--curtois")
        curtois = args[i + 1]
        del args[i:i + 2]
    if any(a.startswith("-") for a in args) or len(args) > 1:
        print(__doc__, file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    folder = os.path.normpath(args[0] if args else os.path.join(here, "results", "curtois-60s"))
    with open(os.path.join(curtois, "best_known.csv"), newline="") as f:
        best_known = [(r["instance"], int(r["best_known"])) for r in csv.DictReader(f)]
    rota_rows = read_results(folder, "rota", ROTA_COLUMNS)
    rota = rota_summary(rota_rows)
    bounds = rota_bounds(rota_rows) if has_bounds(rota_rows) else None
    cbc = {r["instance"]: r for r in read_results(folder, "cbc", CBC_COLUMNS)}
    pub = published(curtois)
    lines = [f"# Curtois-Qu Instance1–24: {os.path.basename(folder)}", "",
             "Objectives are the evaluator's (`rota score --format curtois`) on each "
             "saved grid; gap % = (value − best known) / best known. rota: mean and best "
             "over seeds (the mean only when every seed is hard 0). CBC: same "
             "wall-clock limit (its threads in its settings below), on bench/curtois-lp's MIP; – = no feasible grid in time. "
             "Published columns: 10-minute runs from ORProjects/NRP's table "
             "(reported_values.csv), on other machines. How loaded this 2-core machine "
             "was during the runs is said in the lines below (machine-*.txt); cpu s "
             "shows the CPU share a run actually got."
             + ("" if bounds is None else
                " rota bound: the best lower bound its runs proved (the price ascent's "
                "Lagrangian bound, `bound:` line of `rota solve`; – = none); proven gap % = "
                "(rota best − bound) / rota best, how far the best roster can at most be "
                "from the optimum."), ""]
    lines += machine_notes(folder) + [""]
    lines += instance_rows(best_known, rota, cbc, pub, bounds)
    lines += summary_rows(best_known, rota, cbc, pub)
    text = "\n".join(lines) + "\n"
    with open(folder + ".md", "w") as f:
        f.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
