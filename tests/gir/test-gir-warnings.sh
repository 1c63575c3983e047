#!/bin/sh
# SPDX-License-Identifier: MIT
# test-gir-warnings.sh: g-ir-scanner --warn-all said nothing while building
# Rota-1.0.gir (its output is kept in Rota-1.0.gir.log), and the GIR
# registers what bindings need: every record a boxed GType, the enums, the
# error domain.
. "$ROTA_TEST_SRCDIR/tests/gir/lib.sh"

log="$GIR.log"
name="scanner"
if [ ! -f "$log" ]; then fail "$name: no $log"
else
    n=$(grep -ci 'warning' "$log")
    if [ "$n" -eq 0 ]; then pass "$name: 0 warnings (--warn-all)"
    else fail "$name: $n warnings" "$(grep -i 'warning' "$log" | head -20)"; fi
fi

name="gir"
if python3 - "$GIR" >"$TMP/gir" 2>&1 <<'PY'
import sys
import xml.etree.ElementTree as ET
C = "{http://www.gtk.org/introspection/core/1.0}"
G = "{http://www.gtk.org/introspection/glib/1.0}"
root = ET.parse(sys.argv[1]).getroot()
bad = []
records = root.findall(f"{C}namespace/{C}record")
enums = root.findall(f"{C}namespace/{C}enumeration")
for el in records + enums:
    if el.get(f"{G}get-type") is None:
        bad.append(f"{el.get('name')} has no GType")
err = [e for e in enums if e.get("name") == "Error"]
if not err or err[0].get(f"{G}error-domain") != "rota-error-quark":
    bad.append("Rota.Error is not marked as the error domain rota-error-quark")
print(f"{len(records)} records, {len(enums)} enumerations")
print("\n".join(bad))
sys.exit(1 if bad or len(records) < 20 or len(enums) < 10 else 0)
PY
then pass "$name: every record and enum is a GType; Rota.Error is the error domain ($(head -1 "$TMP/gir"))"
else fail "$name: types not registered" "$(cat "$TMP/gir")"; fi
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
