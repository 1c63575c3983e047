#!/bin/sh
# SPDX-License-Identifier: MIT
# test-views-render.sh: headless Chromium renders a road-chief sign, a unit page and
# the overview to PNG; zbarimg reads the QR codes back to their feed URLs; the
# county's sign printed to PDF is exactly one A4 page (pdfinfo).
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"
. "$ROTA_TEST_SRCDIR/tests/views/lib.sh"

need chromium zbarimg pdfinfo
county="$ROTA_TEST_SRCDIR/examples/county/county.json"

# chrome ARGS... URL: one headless Chromium run with a profile of its own.
chrome() {
    profile=$(mktemp -d "$TMP/chromium.XXXXXX")
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" "$@" >"$TMP/chrome.log" 2>&1
}

# shot NAME PAGE WIDTH HEIGHT: a PNG of PAGE, checked to exist and be a PNG.
shot() {
    chrome --window-size="$3,$4" --screenshot="$TMP/$1.png" "file://$2"
    if [ "$(head -c 8 "$TMP/$1.png" 2>/dev/null | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ]; then
        pass "$1: rendered to PNG"
    else fail "$1: no PNG" "$(tail -3 "$TMP/chrome.log")"; fi
}

# qr_ok NAME PNG URL...: the QR codes zbarimg finds are exactly the URLs given.
qr_ok() {
    name=$1 png=$2
    shift 2
    zbarimg -q --raw -Sdisable -Sqrcode.enable "$png" 2>/dev/null | LC_ALL=C sort >"$TMP/found"
    printf '%s\n' "$@" | LC_ALL=C sort >"$TMP/wanted"
    if [ -s "$TMP/wanted" ] && cmp -s "$TMP/found" "$TMP/wanted"; then
        pass "$name: $# QR codes decode to their URLs"
    else fail "$name: QR codes" "found: $(tr '\n' ' ' <"$TMP/found") wanted: $(tr '\n' ' ' <"$TMP/wanted")"; fi
}

"$ROTA" export html "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/small" --feeds-url "$SMALL_URL" \
    --secret "$SMALL_SECRET" --now "$SMALL_NOW" >/dev/null
shot sign "$TMP/small/public/segment/S2.html" 900 1300
qr_ok sign "$TMP/sign.png" "${SMALL_URL}feeds/segment/S2.ics"
shot unit "$TMP/small/internal/unit/U1.html" 1400 1400
set -- $(grep -oE "${SMALL_URL}feeds/person/[^<\"]*\.ics" "$TMP/small/internal/unit/U1.html" | sort -u)
if [ $# -eq 3 ]; then pass "unit: three members' slips"; else fail "unit: $# slips"; fi
qr_ok unit "$TMP/unit.png" "$@"

"$ROTA" solve "$county" --moves 1000 --threads 1 --quiet -o "$TMP/county.json" >/dev/null
"$ROTA" export html "$county" "$TMP/county.json" -o "$TMP/county" \
    --feeds-url https://rota.example.cn/publish/ --now 2026-12-16T08:00:00+08:00 >/dev/null
shot overview "$TMP/county/internal/index.html" 1100 1600
shot county-sign "$TMP/county/public/segment/S0001.html" 900 1300
qr_ok county-sign "$TMP/county-sign.png" https://rota.example.cn/publish/feeds/segment/S0001.ics

# Printed: the sign of the busiest week (the snow days) on one A4 portrait page.
chrome --no-pdf-header-footer --print-to-pdf="$TMP/sign.pdf" "file://$TMP/county/public/segment/S0001.html"
pages=$(pdfinfo "$TMP/sign.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
size=$(pdfinfo "$TMP/sign.pdf" 2>/dev/null | sed -n 's/^Page size: *//p')
if [ "$pages" = 1 ]; then pass "sign pdf: one page"; else fail "sign pdf: ${pages:-no} pages"; fi
case $size in
    "594.96 x 841.92 pts (A4)"*) pass "sign pdf: A4 portrait" ;;
    *) fail "sign pdf: page size $size" ;;
esac
chrome --no-pdf-header-footer --print-to-pdf="$TMP/unit.pdf" "file://$TMP/county/internal/unit/U0001.html"
size=$(pdfinfo "$TMP/unit.pdf" 2>/dev/null | sed -n 's/^Page size: *//p')
case $size in
    "841.92 x 594.96 pts (A4)"*) pass "unit pdf: A4 landscape" ;;
    *) fail "unit pdf: page size $size" ;;
esac

finish
