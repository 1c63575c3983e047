#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-docs.py GIR: every public symbol of the GIR (records, their
fields and methods, enumerations and their members, functions, callbacks,
constants) has a description (a <doc> element).  Prints each one that has
none and fails if there is any."""
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
    missing = sorted(undocumented(sys.argv[1]))
    for name in missing:
        print(f"undocumented: {name}")
    print(f"{len(missing)} undocumented public symbols")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
