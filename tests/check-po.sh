#!/bin/sh
# SPDX-License-Identifier: MIT
# check-po.sh: every message of the current sources has a Chinese translation.
# The catalogue template is extracted afresh from the files of po/POTFILES.in
# with po/Makevars' xgettext options, merged into a copy of po/zh_CN.po, and
# the result must have no untranslated and no fuzzy message (a new or changed
# msgid fails here until "make update-po" and a translation).  Every source
# that marks a message must be listed in po/POTFILES.in.
: "${ROTA_TEST_SRCDIR:?}"
src=$ROTA_TEST_SRCDIR
for tool in xgettext msgmerge msgfmt msgattrib; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        if [ "${CI:-}" = true ] || [ "${ROTA_CLIENTS_REQUIRED:-}" = 1 ]; then
            echo "FAIL $tool (Debian: gettext) is required in CI"; exit 1
        fi
        echo "SKIP $tool (Debian: gettext) not found"; exit 77
    fi
done
TMP=$(mktemp -d "${TMPDIR:-/tmp}/rota-po.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
failed=0

# Sources that mark messages but are missing from POTFILES.in.
grep -v '^#' "$src/po/POTFILES.in" | sed '/^$/d' >"$TMP/listed"
(cd "$src" && grep -lE '\b(N?C?_|ngettext|rotap_ngettext|rotap_zh|ROTAP_TR)\(' \
    cli/*.c lib/*.c lib/*/*.c 2>/dev/null) >"$TMP/marking"
missing=$(grep -vxF -f "$TMP/listed" "$TMP/marking")
if [ -n "$missing" ]; then
    echo "FAIL sources with messages missing from po/POTFILES.in:"; echo "$missing"
    failed=1
else
    echo "ok   po/POTFILES.in lists the $(wc -l <"$TMP/marking") sources that mark messages"
fi

# XGETTEXT_OPTIONS of po/Makevars, its continuation lines joined.
options=$(awk '/^XGETTEXT_OPTIONS *=/ { on = 1; sub(/^XGETTEXT_OPTIONS *= */, "") }
    on { line = $0; more = sub(/\\$/, "", line); printf "%s ", line; if (!more) exit }' \
    "$src/po/Makevars")
# shellcheck disable=SC2086
if ! xgettext --default-domain=rota --directory="$src" $options \
        --files-from="$TMP/listed" -o "$TMP/rota.pot" 2>"$TMP/xgettext.err"; then
    echo "FAIL xgettext"; cat "$TMP/xgettext.err"; exit 1
fi
if ! msgmerge --quiet -o "$TMP/merged.po" "$src/po/zh_CN.po" "$TMP/rota.pot"; then
    echo "FAIL msgmerge"; exit 1
fi
if ! msgfmt -c --statistics -o "$TMP/zh_CN.mo" "$TMP/merged.po" 2>"$TMP/stats"; then
    echo "FAIL msgfmt -c"; cat "$TMP/stats"; exit 1
fi
stats=$(tail -n 1 "$TMP/stats")
echo "     zh_CN: $stats"
case $stats in
    *untranslated* | *fuzzy*)
        echo "FAIL po/zh_CN.po lacks translations; run 'make update-po' and translate:"
        for kind in --untranslated --only-fuzzy; do
            msgattrib "$kind" --no-obsolete "$TMP/merged.po" 2>/dev/null |
                grep -A1 '^msgid' | grep -v '^msgid ""$' | head -20
        done
        failed=1 ;;
    *) echo "ok   every message has a zh_CN translation" ;;
esac
# A format whose translation uses other arguments is an error of msgfmt -c
# (above); obsolete entries are allowed.
exit $failed
