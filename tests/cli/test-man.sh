#!/bin/sh
# SPDX-License-Identifier: MIT
# test-man.sh: a man page for rota and each subcommand, each naming every option its --help lists, rendered by man without warnings.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

# The built pages are in the build tree, or (from a tarball) in the source tree.
page() {
    for dir in "$ROTA_TEST_BUILDDIR/man" "$ROTA_TEST_SRCDIR/man"; do
        if [ -f "$dir/$1" ]; then echo "$dir/$1"; return 0; fi
    done
    return 1
}
if ! command -v groff >/dev/null 2>&1; then
    if [ "${CI:-}" = true ] || [ "${ROTA_CLIENTS_REQUIRED:-}" = 1 ]; then
        echo "FAIL: groff is missing (Debian: groff-base)"
        exit 1
    fi
    echo "SKIP: groff is missing (Debian: groff-base)"
    exit 77
fi

commands=$("$ROTA" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p' | grep -v '^help$')
name="man pages"
if [ -n "$commands" ]; then pass "$name: $(echo $commands)"
else fail "$name: no command found in rota --help"; fi
for cmd in "" $commands; do
    file=rota${cmd:+-$cmd}.1
    name=$file
    if ! path=$(page "$file"); then
        fail "$name: missing"
        continue
    fi
    if groff -k -Tutf8 -man -ww -z "$path" 2>"$TMP/warn" && [ ! -s "$TMP/warn" ]; then
        pass "$name: renders without warnings"
    else fail "$name: groff warns" "$(head -3 "$TMP/warn")"; fi
    MANWIDTH=80 man -l "$path" 2>/dev/null | col -b >"$TMP/text"
    if grep -q "^NAME" "$TMP/text" && grep -q "^EXAMPLES" "$TMP/text"; then
        pass "$name: NAME and EXAMPLES sections"
    else fail "$name: lacks NAME or EXAMPLES"; fi
    [ -z "$cmd" ] && continue
    # Every long option of the command's --help is described in its page.
    "$ROTA" "$cmd" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$TMP/options"
    missing=""
    while read -r option; do
        grep -q -- "$option" "$TMP/text" || missing="$missing $option"
    done <"$TMP/options"
    if [ -z "$missing" ]; then pass "$name: every option of rota $cmd --help"
    else fail "$name: options not described:$missing"; fi
done

finish
