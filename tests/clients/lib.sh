# SPDX-License-Identifier: MIT
# lib.sh: helpers for the external-client tests of rota's feeds (sourced by bash).
#
# Environment: ROTA (the built tool), ROTA_TEST_SRCDIR (set by make check;
# defaults to this checkout).  ROTA_CLIENTS_REQUIRED=1 (set by .ci/run)
# turns a missing client tool into a failure instead of a skip (exit 77).
# ROTA_PYTHON overrides /usr/bin/python3, Debian's python, the one that
# imports python3-icalendar and vdirsyncer.

CLIENTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${ROTA_TEST_SRCDIR:=$(cd "$CLIENTS_DIR/../.." && pwd)}"
: "${ROTA:?ROTA must name the built rota tool}"
PY=${ROTA_PYTHON:-/usr/bin/python3}
CLIENT_MODEL="$CLIENTS_DIR/data/clients-model.json"
passed=0
failed=0

pass() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
fail() {
    failed=$((failed + 1))
    printf 'FAIL %s\n' "$1"
    if [ -n "${2:-}" ]; then printf '%s\n' "$2" | sed 's/^/     /'; fi
}

# missing WHAT: a client tool is absent; skip the test (77) unless required.
missing() {
    if [ "${ROTA_CLIENTS_REQUIRED:-0}" = 1 ]; then
        echo "FAIL missing: $1 (ROTA_CLIENTS_REQUIRED=1)"
        exit 1
    fi
    echo "SKIP missing: $1"
    exit 77
}

have_icalendar() { [ -x "$PY" ] && "$PY" -c 'import icalendar' 2>/dev/null; }
have_icaljs() {
    command -v node >/dev/null && [ -f "$CLIENTS_DIR/node_modules/ical.js/package.json" ]
}

# check_with NAME CMD...: run a checker; pass when it exits 0, else show its output.
check_with() {
    local name=$1 out status=0
    shift
    out=$("$@" 2>&1) || status=$?
    if [ "$status" -eq 0 ]; then pass "$name: $(printf '%s\n' "$out" | tail -n 1)"
    else fail "$name (exit $status)" "$(printf '%s\n' "$out" | tail -n 25)"; fi
}

# check_fails NAME PATTERN CMD...: a checker must reject its input with a line matching PATTERN.
check_fails() {
    local name=$1 pattern=$2 out status=0
    shift 2
    out=$("$@" 2>&1) || status=$?
    if [ "$status" -eq 1 ] && printf '%s\n' "$out" | grep -q -- "$pattern"; then
        pass "$name: rejected"
    else fail "$name: not rejected as '$pattern' (exit $status)" "$(printf '%s\n' "$out" | head -n 8)"; fi
}

# check_feeds LABEL DIR: both parsers over every feed of DIR.
check_feeds() {
    local label=$1 dir=$2 manifest
    manifest=$(mktemp "${TMPDIR:-/tmp}/rota-manifest.XXXXXX")
    check_with "$label: python3-icalendar" "$PY" "$CLIENTS_DIR/check-ics.py" "$dir" \
        --manifest "$manifest"
    if have_icaljs; then
        check_with "$label: ical.js" node "$CLIENTS_DIR/check-icaljs.mjs" "$dir" "$manifest"
    fi
    rm -f "$manifest"
}

# edit_model MODEL_IN MODEL_OUT EDIT...: a copy of a model, edited.  EDIT is
# off:PERSON:FROM:TO (one more `off` range) or chief:SEGMENT:PERSON (a new road chief).
edit_model() {
    local in=$1 out=$2
    shift 2
    "$PY" - "$in" "$out" "$@" <<'EOF'
import json, sys
src, dst, ranges = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(src, encoding="utf-8") as f:
    model = json.load(f)
people = {p["id"]: p for p in model["people"]}
segments = {s["id"]: s for s in model["segments"]}
for r in ranges:
    kind, *args = r.split(":")
    if kind == "off":
        people[args[0]].setdefault("off", []).append({"from": args[1], "to": args[2]})
    elif kind == "chief":
        segments[args[0]]["chief"] = args[1]
    else:
        sys.exit(f"edit_model: unknown edit {r}")
with open(dst, "w", encoding="utf-8") as f:
    json.dump(model, f, ensure_ascii=False, indent=1)
    f.write("\n")
EOF
}

finish() {
    printf '%d passed, %d failed\n' "$passed" "$failed"
    [ "$failed" -eq 0 ]
}
