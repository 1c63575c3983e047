#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""solve_county.py: librota from Python through GObject Introspection.

Loads a model, solves it with a progress callback, scores the roster and
lists some violations, publishes iCalendar feeds and compares the roster
with an earlier one, the same steps as examples/solve-progress.c and
examples/publish-feeds.c in C.  Needs PyGObject (Debian: python3-gi) and
the installed Rota-1.0.typelib (or GI_TYPELIB_PATH and LD_LIBRARY_PATH
pointing at a build tree).

    /usr/bin/python3 solve_county.py --time-limit 5 --out /tmp/county
"""
import argparse
import os
import sys

import gi

gi.require_version("Rota", "1.0")
from gi.repository import GLib, Rota  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTY = os.path.join(HERE, "..", "county")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=os.path.join(COUNTY, "county.json"))
    parser.add_argument("--previous", default=os.path.join(COUNTY, "roster.json"),
                        help="an earlier roster of the model, to compare with")
    parser.add_argument("--time-limit", type=float, default=10.0, metavar="SECONDS")
    parser.add_argument("--threads", type=int, default=0, help="0: one per processor")
    parser.add_argument("--out", required=True, help="folder for roster.json and the feeds")
    args = parser.parse_args()

    # Every failing call raises GLib.Error; e.domain is "rota-error-quark"
    # and e.code a Rota.Error value.
    try:
        model = Rota.Model.new_from_file(args.model)
    except GLib.Error as e:
        print(f"solve_county: {e.message}", file=sys.stderr)
        return 1
    print(f"{model.get_name()}: {model.get_n_people()} people, "
          f"{model.get_n_days()} days, {model.get_n_places()} places")

    solver = Rota.Solver.new(model)
    solver.set_seed(1)
    solver.set_threads(args.threads)
    solver.set_time_limit(args.time_limit)

    # Called on the solving thread about twice a second; keep it quick.
    def progress(p):
        print(f"  {p.elapsed:5.1f} s  hard {p.best_hard}  soft {p.best_soft}"
              f"  {p.moves} moves", file=sys.stderr)

    solver.set_progress_func(progress)
    try:
        solver.run()
    except GLib.Error as e:
        # A cancelled run (solver.cancel() from another thread, or a
        # Gio.Cancellable) keeps its best roster; anything else is fatal.
        if e.domain != "rota-error-quark" or e.code != Rota.Error.CANCELLED:
            print(f"solve_county: {e.message}", file=sys.stderr)
            return 1
    roster = solver.dup_best()

    score = Rota.Score.new(roster, None)
    print(f"score: hard {score.get_hard()}  soft {score.get_soft()}  "
          f"({score.get_n_violations()} violations)")
    for i in range(min(score.get_n_violations(), 5)):
        v = score.get_violation(i)
        who = model.get_person_id(v.person) if v.person >= 0 else "-"
        print(f"  {v.constraint:<16} {who:<8} {v.message}")

    os.makedirs(args.out, exist_ok=True)
    roster.save(score, os.path.join(args.out, "roster.json"))

    writer = Rota.FeedWriter.new(model)
    # The key of the feed tokens, created on first use; keep it out of the
    # published folder (OUT/feeds).
    writer.set_secret_file(os.path.join(args.out, "feeds.key"))
    ok, stats = writer.export(roster, args.out)
    print(f"feeds: {stats.get_feeds()} written to {args.out}/feeds, "
          f"{stats.get_files_written()} files changed, {stats.get_events()} events")
    print(f"  first person's feed: feeds/{writer.dup_person_path(0)}")

    if args.previous:
        previous = Rota.Roster.new_from_file(model, args.previous)
        diff = Rota.RosterDiff.new(previous, roster)
        print(f"diff against {os.path.basename(args.previous)}: "
              f"{diff.get_n_people()} people affected, {diff.get_n_added()} added, "
              f"{diff.get_n_removed()} removed, {diff.get_n_moved()} moved")
        for i in range(min(diff.get_n_changes(), 3)):
            c = diff.get_change(i)
            print(f"  {c.kind.value_nick:<8} {c.person} {c.date} {c.duty}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
