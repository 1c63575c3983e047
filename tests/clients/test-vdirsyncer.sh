#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test-vdirsyncer.sh: a real subscribing client (vdirsyncer, http -> filesystem)
# follows rota's feeds across re-solves: changes replace, no duplicates,
# cancelled duties marked, unchanged items untouched, a no-change re-export a
# no-op, expired tombstones gone but no feed ever emptied.  The feeds are
# served as in production: Debian's nginx with examples/nginx/rota.conf, on
# 127.0.0.1 (tests/clients/nginx.sh).
# KEEP=1 leaves the temporary folder (feeds, vdir, vdirsyncer config and logs).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/nginx.sh"

command -v vdirsyncer >/dev/null || missing "vdirsyncer (Debian package vdirsyncer)"
[ -x "$PY" ] || missing "$PY"
have_nginx || missing "$NGINX or curl (Debian packages nginx-light, curl)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/rota-vdirsyncer.XXXXXX")
cleanup() {
    nginx_stop
    if [ -n "${KEEP:-}" ]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
# The feeds are on 127.0.0.1: no proxy from the environment may sit in between.
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost

# rota exports into $out; nginx serves $out/feeds as /feeds/ (index.json and
# the ledger stay private), and subscriptions use /feeds/ + index.json's
# paths as URLs.
out="$TMP/out"
feeds="$out/feeds"
printf 'vdirsyncer test key\n' >"$TMP/secret"
chmod 600 "$TMP/secret"

# export_stat FILE WORD: a number from the export's stats line ("changed 3" -> 3).
export_stat() { sed -n "s/.*[ ,:]$2 \([0-9][0-9]*\).*/\1/p" "$1" | head -n 1; }

# publish NAME MODEL ROSTER NOW [OPTION...]: export into the served folder,
# stats in $TMP/NAME.out.
publish() {
    local name=$1 model=$2 roster=$3 now=$4
    shift 4
    "$ROTA" export ics "$model" "$roster" -o "$out" --secret "$TMP/secret" --now "$now" \
        "$@" >"$TMP/$name.out"
    printf '     %s: %s\n' "$name" "$(cat "$TMP/$name.out")"
}

# sync NAME: vdirsyncer sync of every pair; its log in $TMP/NAME.log.
sync_all() {
    local status=0
    vdirsyncer -c "$TMP/config" sync </dev/null >"$TMP/$1.log" 2>&1 || status=$?
    if [ "$status" -eq 0 ] && ! grep -qi 'error' "$TMP/$1.log"; then pass "$1: vdirsyncer sync"
    else fail "$1: vdirsyncer sync (exit $status)" "$(tail -n 15 "$TMP/$1.log")"; fi
}

# ---- first publication, served on a free port, subscribed feed by feed.
"$ROTA" solve "$CLIENT_MODEL" -o "$TMP/r1.json" --seed 1 --moves 200000 --threads 1 --quiet \
    >/dev/null
publish export1 "$CLIENT_MODEL" "$TMP/r1.json" 2026-12-20T08:00:00Z

if ! nginx_start "$out" "$TMP/nginx"; then
    fail "nginx with examples/nginx/rota.conf did not start"
    finish
    exit 1
fi
port=$NGINX_PORT

# One pair per feed of index.json: http storage (the subscription URL: the
# index path under /feeds/, where nginx serves DIR/feeds) -> filesystem storage.
"$PY" - "$out" "$TMP" "$port" <<'EOF'
import json, os, re, sys
out, tmp, port = sys.argv[1:4]
with open(os.path.join(out, "index.json"), encoding="utf-8") as f:
    index = json.load(f)
rels = sorted(e["path"] for kind in ("people", "units", "segments")
              for e in index[kind].values())
pairs, conf = {}, [f'[general]\nstatus_path = "{tmp}/status/"\n']
for rel in rels:
    pair = re.sub(r"[^A-Za-z0-9_]", "_", rel[:-4])
    pairs[pair] = rel
    os.makedirs(os.path.join(tmp, "vdir", pair))
    conf.append(f'[pair {pair}]\na = "{pair}_feed"\nb = "{pair}_local"\n'
                f'collections = null\nconflict_resolution = "a wins"\n\n'
                f'[storage {pair}_feed]\ntype = "http"\n'
                f'url = "http://127.0.0.1:{port}/feeds/{rel}"\n\n'
                f'[storage {pair}_local]\ntype = "filesystem"\n'
                f'path = "{tmp}/vdir/{pair}"\nfileext = ".ics"\n')
with open(os.path.join(tmp, "pairs.json"), "w") as f:
    json.dump(pairs, f)
with open(os.path.join(tmp, "config"), "w") as f:
    f.write("\n".join(conf))
EOF
npairs=$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$TMP/pairs.json")
if [ "$npairs" -eq 20 ]; then pass "subscribed to 20 feeds on 127.0.0.1:$port (nginx)"
else fail "subscribed to $npairs feeds, expected 20"; fi

status=0
vdirsyncer -c "$TMP/config" discover </dev/null >"$TMP/discover.log" 2>&1 || status=$?
if [ "$status" -eq 0 ]; then pass "vdirsyncer discover"
else fail "vdirsyncer discover (exit $status)" "$(tail -n 10 "$TMP/discover.log")"; fi
sync_all "first sync"
check_with "first sync: snapshot of the vdir" "$PY" "$CLIENTS_DIR/vdir-compare.py" \
    snapshot "$TMP/vdir" "$TMP/pairs.json" "$TMP/snap1.json"
cp -a "$feeds" "$TMP/pub1"

# ---- P03 and P07 become unavailable and S3 gets a new road chief (named in
# its events: changed in place, same UID); re-solve against the first roster.
edit_model "$CLIENT_MODEL" "$TMP/model2.json" off:P03:2026-12-28:2026-12-31 \
    off:P07:2026-12-30:2026-12-31 chief:S3:P06
status=0
"$ROTA" solve "$TMP/model2.json" --previous "$TMP/r1.json" -o "$TMP/r2.json" --seed 1 \
    --moves 200000 --threads 1 --quiet >/dev/null || status=$?
if [ "$status" -eq 0 ]; then pass "re-solve with --previous"
else fail "re-solve with --previous: exit $status"; fi
publish export2 "$TMP/model2.json" "$TMP/r2.json" 2026-12-21T08:00:00Z
changed=$(export_stat "$TMP/export2.out" changed)
cancelled=$(export_stat "$TMP/export2.out" cancelled)
new=$(export_stat "$TMP/export2.out" new)
if [ "${changed:-0}" -gt 0 ] && [ "${cancelled:-0}" -gt 0 ] && [ "${new:-0}" -gt 0 ]; then
    pass "re-export: $changed events changed, $cancelled cancelled, $new new"
else
    fail "re-export: changed '${changed:-}', cancelled '${cancelled:-}', new '${new:-}'" \
        "(all should be > 0, or the test lost its point)"
fi

sync_all "second sync"
check_with "second sync: snapshot of the vdir" "$PY" "$CLIENTS_DIR/vdir-compare.py" \
    snapshot "$TMP/vdir" "$TMP/pairs.json" "$TMP/snap2.json"
check_with "second sync: one item per event, changes replace, cancelled marked, the rest untouched" \
    "$PY" "$CLIENTS_DIR/vdir-compare.py" compare "$TMP/pub1" "$feeds" "$TMP/pairs.json" \
    "$TMP/snap1.json" "$TMP/snap2.json"

# Nobody away is still on duty in their synced calendar on those days.
check_with "second sync: P03 and P07 have no live duty while away" "$PY" - "$TMP/vdir" <<'EOF'
import os, re, sys
away = {"P03": ("20261228", "20261231"), "P07": ("20261230", "20261231")}
bad, seen = [], 0
for pair in os.listdir(sys.argv[1]):
    m = re.match(r"person_(P\d+)_", pair)
    if not m or m.group(1) not in away:
        continue
    first, last = away[m.group(1)]
    for name in os.listdir(os.path.join(sys.argv[1], pair)):
        text = open(os.path.join(sys.argv[1], pair, name), encoding="utf-8").read()
        text = text.replace("\r\n ", "")
        day = re.search(r"^DTSTART[^:]*:(\d{8})T", text, re.M).group(1)
        if first <= day <= last:
            seen += 1
            if "\nSTATUS:CANCELLED" not in text:
                bad.append(f"{pair}/{name} on {day}")
if bad or not seen:
    print("live duties while away:", bad or "none seen at all (test lost its point)")
    sys.exit(1)
print(f"{seen} items while away, all cancelled")
EOF

# ---- the same roster again: no file rewritten, nothing touched in the vdir.
cp -a "$feeds" "$TMP/pub2"
publish export3 "$TMP/model2.json" "$TMP/r2.json" 2026-12-22T08:00:00Z
written=$(export_stat "$TMP/export3.out" written)
if [ "${written:-x}" = 0 ] && diff -r "$TMP/pub2" "$feeds" >/dev/null; then
    pass "no-change re-export: no file rewritten"
else fail "no-change re-export: files written '${written:-}'" "$(diff -r "$TMP/pub2" "$feeds" | head -n 5)"
fi
sync_all "third sync"
check_with "third sync: snapshot of the vdir" "$PY" "$CLIENTS_DIR/vdir-compare.py" \
    snapshot "$TMP/vdir" "$TMP/pairs.json" "$TMP/snap3.json"
check_with "third sync: every item untouched" "$PY" "$CLIENTS_DIR/vdir-compare.py" compare \
    "$TMP/pub2" "$feeds" "$TMP/pairs.json" "$TMP/snap2.json" "$TMP/snap3.json"

# ---- The person with the most duties in the second roster (the solver
# decides who that is) is away for the whole horizon, and months later the
# tombstones expire (--keep-cancelled 0): a feed keeps its last tombstone
# rather than go empty (vdirsyncer refuses to sync a storage that was
# emptied).
away=$("$PY" -c 'import collections, json, sys
r = json.load(open(sys.argv[1]))
print(collections.Counter(a["person"] for a in r["assignments"]).most_common(1)[0][0])' \
    "$TMP/r2.json")
edit_model "$TMP/model2.json" "$TMP/model3.json" "off:$away:2026-12-21:2027-01-03"
"$ROTA" solve "$TMP/model3.json" --previous "$TMP/r2.json" -o "$TMP/r3.json" --seed 1 \
    --moves 200000 --threads 1 --quiet >/dev/null || true
cp -a "$feeds" "$TMP/pub3"
publish export4 "$TMP/model3.json" "$TMP/r3.json" 2027-03-01T08:00:00Z --keep-cancelled 0
expired=$(export_stat "$TMP/export4.out" expired)
p13=$(cat "$feeds"/person/"$away"-*.ics | grep -c '^BEGIN:VEVENT' || true)
p13_live=$(cat "$feeds"/person/"$away"-*.ics | grep -c '^STATUS:CONFIRMED' || true)
if [ "${expired:-0}" -gt 0 ] && [ "$p13" -ge 1 ] && [ "$p13_live" -eq 0 ]; then
    pass "late export: $expired tombstones expired; $away's feed keeps $p13 (cancelled)"
else fail "late export: expired '${expired:-}', $away has $p13 events, $p13_live live"; fi
sync_all "fourth sync"
check_with "fourth sync: snapshot of the vdir" "$PY" "$CLIENTS_DIR/vdir-compare.py" \
    snapshot "$TMP/vdir" "$TMP/pairs.json" "$TMP/snap4.json"
check_with "fourth sync: expired tombstones gone, the rest in step" "$PY" \
    "$CLIENTS_DIR/vdir-compare.py" compare "$TMP/pub3" "$feeds" "$TMP/pairs.json" \
    "$TMP/snap3.json" "$TMP/snap4.json"

# A day later the same roster again: every tombstone is past --keep-cancelled 0,
# yet each feed that has only tombstones keeps its latest one.
cp -a "$feeds" "$TMP/pub4"
publish export5 "$TMP/model3.json" "$TMP/r3.json" 2027-03-02T08:00:00Z --keep-cancelled 0
p13=$(cat "$feeds"/person/"$away"-*.ics | grep -c '^BEGIN:VEVENT' || true)
if [ "$p13" -eq 1 ]; then pass "a day later: $away's feed keeps its latest tombstone only"
else fail "a day later: $away's feed has $p13 events, expected its latest tombstone"; fi
sync_all "fifth sync"
check_with "fifth sync: snapshot of the vdir" "$PY" "$CLIENTS_DIR/vdir-compare.py" \
    snapshot "$TMP/vdir" "$TMP/pairs.json" "$TMP/snap5.json"
check_with "fifth sync: in step" "$PY" "$CLIENTS_DIR/vdir-compare.py" compare "$TMP/pub4" \
    "$feeds" "$TMP/pairs.json" "$TMP/snap4.json" "$TMP/snap5.json"

# Every sync went through nginx: its access log has the feeds' GETs.
gets=$(grep -c '"GET /feeds/[a-z]*/[^ ]*\.ics HTTP/[0-9.]*" 200 ' "$TMP/nginx/logs/access.log" || true)
if [ "${gets:-0}" -ge 100 ]; then pass "nginx served $gets feed requests with 200"
else fail "nginx access log: ${gets:-0} feed requests with 200" "$(tail -n 3 "$TMP/nginx/logs/access.log")"; fi

finish
