# SPDX-License-Identifier: MIT
# vdir-compare.py: what vdirsyncer made of two publications of rota's feeds.
#
# Usage: /usr/bin/python3 vdir-compare.py snapshot VDIR PAIRS OUT.json
#        /usr/bin/python3 vdir-compare.py compare OLD NEW PAIRS SNAP1 SNAP2
#
# VDIR holds one folder per subscribed feed (vdirsyncer filesystem storage);
# PAIRS is a JSON object folder name -> feed path relative to the
# publication.  `snapshot` records each item file's bytes hash, inode,
# mtime and event content.  `compare` takes the publications OLD and NEW
# (copies of the served folder) and the snapshots after syncing each.
#
# vdirsyncer 0.19's http storage ignores the feed's UIDs: it names every
# item by a hash of its content without UID, DTSTAMP and LAST-MODIFIED
# (storage/http.py, _ignore_uids).  So a feed event is found in the vdir by
# that content, and a changed event is a new item that replaces the old
# one.  Per event of the feed (by its rota UID) the checks are: unchanged ->
# its item untouched (same file, bytes, inode and mtime); changed -> the
# old item gone, exactly one item with the new content and a higher
# SEQUENCE; cancelled -> that item says STATUS:CANCELLED; only cancelled
# ones may leave the feed (expired); the vdir holds exactly one item per
# feed event (no duplicates).

import hashlib
import json
import os
import sys

problems = []
# What vdirsyncer rewrites or ignores, so not part of an event's identity in the vdir.
VOLATILE = ("UID", "DTSTAMP")


def problem(what):
    problems.append(what)


def prop_name(line):
    return line.split(":", 1)[0].split(";", 1)[0].upper()


def events(text):
    """The VEVENTs of a file, each as its unfolded content lines (VALARM included)."""
    found, cur = [], None
    for line in text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n"):
        if line == "BEGIN:VEVENT":
            cur = []
        elif line == "END:VEVENT" and cur is not None:
            found.append(cur)
            cur = None
        elif cur is not None:
            cur.append(line)
    return found


def prop(lines, name, default=None):
    return next((v.split(":", 1)[1] for v in lines if prop_name(v) == name), default)


def content_key(lines):
    return "\n".join(v for v in lines if prop_name(v) not in VOLATILE)


def feed_events(path):
    """rota UID -> (content key, SEQUENCE, STATUS) of a published feed."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    found = {}
    for lines in events(text):
        found[prop(lines, "UID")] = (content_key(lines), int(prop(lines, "SEQUENCE", "0")),
                                     prop(lines, "STATUS", ""))
    return found


def snapshot(vdir, pairs):
    snap = {}
    for pair in sorted(pairs):
        items = {}
        folder = os.path.join(vdir, pair)
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            path = os.path.join(folder, name)
            st = os.stat(path)
            with open(path, "rb") as f:
                data = f.read()
            evs = events(data.decode("utf-8"))
            if len(evs) != 1:
                problem(f"{pair}/{name}: {len(evs)} events in one item")
                continue
            items[name] = {"sha256": hashlib.sha256(data).hexdigest(), "ino": st.st_ino,
                           "mtime_ns": st.st_mtime_ns, "key": content_key(evs[0])}
        snap[pair] = items
    return snap


def index_items(pair, when, items, feed):
    """content key -> (file name, item); every feed event exactly once, nothing else."""
    by_key = {}
    for name, item in sorted(items.items()):
        if item["key"] in by_key:
            problem(f"{pair}: after the {when} sync {name} duplicates {by_key[item['key']][0]}")
        by_key[item["key"]] = (name, item)
    want = {key for key, _, _ in feed.values()}
    if set(by_key) != want or len(items) != len(feed):
        problem(f"{pair}: after the {when} sync {len(items)} items for {len(feed)} events, "
                f"{len(set(by_key) - want)} not in the feed, "
                f"{len(want - set(by_key))} feed events missing")
    return by_key


def compare_pair(pair, old, new, snap1, snap2, counts):
    before = index_items(pair, "first", snap1, old)
    after = index_items(pair, "second", snap2, new)
    for uid in sorted(set(old) - set(new)):
        if old[uid][2] == "CANCELLED":
            counts["expired"] += 1
        else:
            problem(f"{pair}: {uid} vanished from the feed instead of being cancelled")
    for uid, (key, seq, status) in sorted(new.items()):
        if uid not in old:
            counts["new"] += 1
            continue
        old_key, old_seq, _ = old[uid]
        if key == old_key:
            counts["unchanged"] += 1
            if key in before and key in after and before[key] != after[key]:
                problem(f"{pair}: {uid} unchanged in the feed but its item "
                        f"{before[key][0]} was rewritten or renamed")
            continue
        counts["changed"] += 1
        if seq <= old_seq:
            problem(f"{pair}: {uid} changed but SEQUENCE {old_seq} -> {seq}")
        if old_key in after:
            problem(f"{pair}: {uid}'s old version {after[old_key][0]} is still in the vdir")
        if status == "CANCELLED":
            counts["cancelled"] += 1


def compare(old_dir, new_dir, pairs, snap1, snap2):
    counts = {"unchanged": 0, "changed": 0, "cancelled": 0, "new": 0, "expired": 0}
    for pair, feed in sorted(pairs.items()):
        compare_pair(pair, feed_events(os.path.join(old_dir, feed)),
                     feed_events(os.path.join(new_dir, feed)),
                     snap1.get(pair, {}), snap2.get(pair, {}), counts)
    return counts


def main(argv):
    if len(argv) == 5 and argv[1] == "snapshot":
        with open(argv[3], encoding="utf-8") as f:
            pairs = json.load(f)
        snap = snapshot(argv[2], pairs)
        with open(argv[4], "w", encoding="utf-8") as f:
            json.dump(snap, f, ensure_ascii=False)
        print(f"vdir-compare.py: {sum(len(v) for v in snap.values())} items in "
              f"{len(snap)} folders")
    elif len(argv) == 7 and argv[1] == "compare":
        loaded = []
        for path in argv[4:7]:
            with open(path, encoding="utf-8") as f:
                loaded.append(json.load(f))
        counts = compare(argv[2], argv[3], *loaded)
        print("vdir-compare.py: events unchanged {unchanged}, changed {changed} "
              "(cancelled {cancelled}), new {new}, expired {expired}".format(**counts))
    else:
        print("usage: vdir-compare.py snapshot VDIR PAIRS OUT | "
              "compare OLD NEW PAIRS SNAP1 SNAP2", file=sys.stderr)
        return 2
    for p in problems[:100]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
