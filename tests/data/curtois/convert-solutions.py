#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Turn the reference rosters of Instance1..10 into GRID files for the tests.

Usage: convert-solutions.py SOLUTIONS_DIR [OUT_DIR]

SOLUTIONS_DIR holds InstanceN.strandmark_colgen.out (two rosters each, the
layout is in that folder's README.md).  The instances are read from the
folder of this script (their staff order, horizon and shift ids are checked
against each roster).  For each N the script writes InstanceN-a.grid and
InstanceN-b.grid (one line per employee in file order, one tab-separated
cell per day, LF line ends) and one expected.tsv with a line
"InstanceN-a.grid<TAB>objective<TAB>cover<TAB>request" per grid, all into
OUT_DIR (default: the folder of this script).  Python 3 standard library
only; the output is byte-stable.
"""

import os
import re
import sys

ROSTER_LINE = re.compile(r"^ *([A-Za-z0-9]+): (.*)$")
FINAL_LINE = re.compile(r"^Final solution \(checked for feasibility\): (\d+)$")
COVER_LINE = re.compile(r"^-- Cover costs *: (\d+)$")
REQUEST_LINE = re.compile(r"^-- Roster costs *: (\d+)$")


def fail(source, line_no, message):
    sys.exit(f"{source}:{line_no}: {message}")


def read_instance(path):
    """Return (horizon, shift ids, staff ids in file order)."""
    section = None
    horizon, shifts, staff = None, [], []
    with open(path, encoding="ascii", newline="") as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("SECTION_"):
                section = line
            elif section == "SECTION_HORIZON":
                horizon = int(line)
            elif section == "SECTION_SHIFTS":
                shifts.append(line.split(",")[0])
            elif section == "SECTION_STAFF":
                staff.append(line.split(",")[0])
    if horizon is None or not shifts or not staff:
        sys.exit(f"{path}: not a Curtois-Qu instance")
    return horizon, shifts, staff


def decode_row(source, line_no, body, horizon, shifts):
    """Cells of one roster line: '' for ' .', else the shift id."""
    if len(body) != 2 * horizon:
        fail(source, line_no, f"{len(body)} characters, expected {2 * horizon}")
    cells = []
    for day in range(horizon):
        chunk = body[2 * day:2 * day + 2]
        if chunk == " .":
            cells.append("")
            continue
        shift = chunk.rstrip("=")
        if shift not in shifts:
            fail(source, line_no, f"day {day}: unknown shift {chunk!r}")
        cells.append(shift)
    return cells


def read_rosters(path, horizon, shifts, staff):
    """Return [(rows, objective, cover, request)] in file order."""
    rosters, rows, totals = [], [], {}
    with open(path, encoding="ascii", newline="") as handle:
        lines = [raw.rstrip("\r\n") for raw in handle]
    for line_no, line in enumerate(lines, 1):
        roster = ROSTER_LINE.match(line)
        if roster:
            if len(rows) >= len(staff) or roster.group(1) != staff[len(rows)]:
                fail(path, line_no, f"unexpected staff id {roster.group(1)!r}")
            rows.append(decode_row(path, line_no, roster.group(2), horizon, shifts))
            continue
        for key, pattern in (("objective", FINAL_LINE), ("cover", COVER_LINE),
                             ("request", REQUEST_LINE)):
            match = pattern.match(line)
            if match:
                totals[key] = int(match.group(1))
        if "request" in totals:
            if len(rows) != len(staff) or len(totals) != 3:
                fail(path, line_no, "incomplete roster before the costs")
            if totals["objective"] != totals["cover"] + totals["request"]:
                fail(path, line_no, "objective is not cover + request")
            rosters.append((rows, totals["objective"], totals["cover"],
                            totals["request"]))
            rows, totals = [], {}
    if rows or totals or len(rosters) != 2:
        fail(path, len(lines), f"expected two complete rosters, found {len(rosters)}")
    return rosters


def instance_number(name):
    return int(re.match(r"Instance(\d+)\.", name).group(1))


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    solutions, out = argv[1], argv[2] if len(argv) == 3 else here
    names = sorted((n for n in os.listdir(solutions)
                    if re.fullmatch(r"Instance\d+\.strandmark_colgen\.out", n)),
                   key=instance_number)
    if not names:
        sys.exit(f"{solutions}: no InstanceN.strandmark_colgen.out files")
    expected = []
    for name in names:
        number = instance_number(name)
        horizon, shifts, staff = read_instance(
            os.path.join(here, f"Instance{number}.txt"))
        rosters = read_rosters(os.path.join(solutions, name), horizon, shifts, staff)
        for suffix, (rows, objective, cover, request) in zip("ab", rosters):
            grid = f"Instance{number}-{suffix}.grid"
            with open(os.path.join(out, grid), "w", encoding="ascii",
                      newline="") as handle:
                handle.writelines("\t".join(row) + "\n" for row in rows)
            expected.append(f"{grid}\t{objective}\t{cover}\t{request}\n")
    with open(os.path.join(out, "expected.tsv"), "w", encoding="ascii",
              newline="") as handle:
        handle.writelines(expected)


if __name__ == "__main__":
    main(sys.argv)
