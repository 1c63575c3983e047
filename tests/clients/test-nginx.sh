#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test-nginx.sh: Debian's nginx with examples/nginx/rota.conf publishes a rota
# folder as DESIGN.md §10 says: feeds as text/calendar; charset=utf-8 with
# ETag/304 and gzip, the public site, and 404 for folders, index.json, the
# ledger, the lock and internal/.  127.0.0.1 only; nginx stopped at exit.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/nginx.sh"

if ! have_nginx; then
    if [ "${CI:-}" = true ]; then
        echo "FAIL missing: $NGINX or curl (CI=true; Debian packages nginx-light, curl)"
        exit 1
    fi
    missing "$NGINX or curl (Debian packages nginx-light, curl)"
fi
[ -x "$PY" ] || missing "$PY"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/rota-nginx.XXXXXX")
cleanup() {
    nginx_stop
    rm -rf "$TMP"
}
trap cleanup EXIT
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost

# A publication: the feeds of the export fixture, plus stand-ins for the
# site's public and internal pages.
ics="$ROTA_TEST_SRCDIR/tests/data/ics"
out="$TMP/pub"
"$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$out" \
    --secret "$ics/secret.key" --now 2026-11-30T08:00:00Z >/dev/null
mkdir -p "$out/public/segment" "$out/internal/unit"
printf '<!DOCTYPE html><title>路段</title><p>人民路\n' >"$out/public/index.html"
printf '<!DOCTYPE html><title>S001</title><p>路长公示牌\n' >"$out/public/segment/S001.html"
printf '<!DOCTYPE html><title>internal</title>\n' >"$out/internal/index.html"
printf '<!DOCTYPE html><title>U001</title>\n' >"$out/internal/unit/U001.html"
person=$("$PY" -c 'import json, sys
print(json.load(open(sys.argv[1]))["people"]["P0003"]["path"])' "$out/index.json")

if nginx_start "$out" "$TMP/nginx"; then pass "nginx serves $out on 127.0.0.1:$NGINX_PORT"
else fail "nginx did not start"; finish; exit 1; fi
base="http://127.0.0.1:$NGINX_PORT"

# get NAME PATH [CURL OPTION...]: fetch, headers in $TMP/NAME.h, body in $TMP/NAME.b;
# prints the status code.
get() {
    local name=$1 path=$2
    shift 2
    curl -s --path-as-is -D "$TMP/$name.h" -o "$TMP/$name.b" -w '%{http_code}' "$@" \
        "$base$path"
}
# header NAME FIELD: a response header's value (CR removed).
header() { sed -n "s/^$2: //Ip" "$TMP/$1.h" | tr -d '\r' | head -n 1; }

status=$(get seg /feeds/segment/S001.ics)
type=$(header seg Content-Type)
if [ "$status" = 200 ] && [ "$type" = "text/calendar; charset=utf-8" ] &&
    cmp -s "$TMP/seg.b" "$out/feeds/segment/S001.ics"; then
    pass "segment feed: 200, $type, the file's bytes"
else fail "segment feed: $status, '$type'" "$(head -n 12 "$TMP/seg.h")"; fi
status=$(get person "/feeds/$person")
if [ "$status" = 200 ] && [ "$(header person Content-Type)" = "text/calendar; charset=utf-8" ]; then
    pass "personal feed (from index.json): 200"
else fail "personal feed /feeds/$person: $status"; fi

etag=$(header seg ETag)
status=$(get again /feeds/segment/S001.ics -H "If-None-Match: $etag")
if [ -n "$etag" ] && [ "$status" = 304 ] && [ ! -s "$TMP/again.b" ]; then
    pass "If-None-Match $etag: 304, no body"
else fail "If-None-Match '$etag': $status"; fi

status=$(get gz /feeds/segment/S001.ics -H 'Accept-Encoding: gzip')
if [ "$status" = 200 ] && [ "$(header gz Content-Encoding)" = gzip ] &&
    gzip -dc "$TMP/gz.b" | cmp -s - "$out/feeds/segment/S001.ics" &&
    [ "$(stat -c %s "$TMP/gz.b")" -lt "$(stat -c %s "$out/feeds/segment/S001.ics")" ]; then
    pass "gzip: $(stat -c %s "$TMP/gz.b") of $(stat -c %s "$out/feeds/segment/S001.ics") bytes, same feed"
else fail "gzip: $status, Content-Encoding '$(header gz Content-Encoding)'"; fi
weak=$(header gz ETag)
status=$(get gz304 /feeds/segment/S001.ics -H 'Accept-Encoding: gzip' -H "If-None-Match: $weak")
if [ "$status" = 304 ]; then pass "gzip: If-None-Match $weak: 304"
else fail "gzip: If-None-Match '$weak': $status"; fi

# A no-change re-export leaves the file, hence its ETag; a change gives a new one.
"$ROTA" export ics "$ics/model.json" "$ics/roster.json" -o "$out" \
    --secret "$ics/secret.key" --now 2026-12-01T08:00:00Z >/dev/null
status=$(get same /feeds/segment/S001.ics -H "If-None-Match: $etag")
if [ "$status" = 304 ]; then pass "no-change re-export: still 304"
else fail "no-change re-export: $status"; fi
"$PY" -c 'import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["assignments"] = [a for a in r["assignments"] if a["duty"] != "patrol"]
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)' \
    "$ics/roster.json" "$TMP/roster2.json"
sleep 1 # a new mtime second, as on any real re-publication
"$ROTA" export ics "$ics/model.json" "$TMP/roster2.json" -o "$out" \
    --secret "$ics/secret.key" --now 2026-12-02T08:00:00Z >/dev/null
status=$(get changed /feeds/segment/S001.ics -H "If-None-Match: $etag")
if [ "$status" = 200 ] && [ "$(header changed ETag)" != "$etag" ] &&
    grep -q '^STATUS:CANCELLED' "$TMP/changed.b"; then
    pass "changed feed: 200 with a new ETag and the cancelled duty"
else fail "changed feed: $status, ETag '$(header changed ETag)' (was $etag)"; fi

status=$(get site /public/)
if [ "$status" = 200 ] && [ "$(header site Content-Type)" = "text/html; charset=utf-8" ]; then
    pass "public site: /public/ 200 text/html; charset=utf-8"
else fail "public site: /public/ $status '$(header site Content-Type)'"; fi
status=$(get sign /public/segment/S001.html)
if [ "$status" = 200 ]; then pass "public site: a sign 200"
else fail "public site: /public/segment/S001.html $status"; fi

# Nothing else: folders, index.json, the ledger, the lock, internal/, tricks.
for path in / /feeds /feeds/ /feeds/person/ /feeds/segment /public/segment/ /index.json \
    /.rota-ledger.json /.rota-lock /internal/ /internal/index.html /internal/unit/U001.html \
    /feeds/../index.json /public/../index.json /feeds/segment/../../index.json \
    /feeds/index.json /feeds/person/.hidden.ics /pub/feeds/segment/S001.ics; do
    status=$(get hidden "$path")
    case $path in
    /) want=302 ;;
    *) want=404 ;;
    esac
    if [ "$status" = "$want" ] && ! grep -q -e 'rota-ical-ledger' -e '"people"' -e '\.ics' \
        "$TMP/hidden.b"; then
        pass "$path: $status"
    else fail "$path: $status, expected $want" "$(head -c 200 "$TMP/hidden.b")"; fi
done

nginx_stop
if [ -z "$NGINX_PID" ] && ! curl -s -o /dev/null --max-time 1 "$base/feeds/"; then
    pass "nginx stopped"
else fail "nginx still answers on $base"; fi
finish
