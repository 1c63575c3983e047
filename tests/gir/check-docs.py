#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-docs.py GIR BASELINE: every public symbol of the GIR has a
description (a <doc> element), except those listed in BASELINE, the
symbols undocumented when the check came (to be documented, never to
grow).  Prints what is undocumented and not in the baseline, and what the
baseline lists that is now documented (remove it), and fails on either."""
import sys
import xml.etree.ElementTree as ET

CORE = "{http://www.gtk.org/introspection/core/1.0}"
KINDS = ("record", "enumeration", "callback", "function", "method",
         "constructor", "member", "field", "constant")


def undocumented(path):
    root = ET.parse(path).getroot()
    ns = root.find(f"{CORE}namespace")
    out = set()

    def walk(el, prefix):
        for child in el:
            tag = child.tag.replace(CORE, "")
            if tag not in KINDS or child.get("introspectable") == "0":
                continue
            name = f"{prefix}.{child.get('name')}"
            if child.find(f"{CORE}doc") is None:
                out.add(name)
            if tag in ("record", "enumeration"):
                walk(child, name)

    walk(ns, ns.get("name"))
    return out


def main():
    gir, baseline_path = sys.argv[1], sys.argv[2]
    missing = undocumented(gir)
    with open(baseline_path) as f:
        baseline = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    new = sorted(missing - baseline)
    stale = sorted(baseline - missing)
    print(f"{len(missing)} undocumented symbols, {len(baseline)} in the baseline")
    for name in new:
        print(f"undocumented, not in the baseline: {name}")
    for name in stale:
        print(f"documented now, remove from the baseline: {name}")
    return 1 if new or stale else 0


if __name__ == "__main__":
    sys.exit(main())
