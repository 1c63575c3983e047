#!/bin/sh
# SPDX-License-Identifier: MIT
# installed-example.sh BUILDDIR [SECONDS]: `make install` of BUILDDIR into a
# temporary DESTDIR, then the installed examples/python/solve_county.py
# solves the county for SECONDS (default 3) against the INSTALLED
# Rota-1.0.typelib and librota only (.ci/run; issue 24).  Prints the time
# of the example's run.
set -eu
build=$(cd "${1:?usage: installed-example.sh BUILDDIR [SECONDS]}" && pwd)
seconds=${2:-3}
src=$(cd "$(dirname "$0")/../.." && pwd)
dest=$(mktemp -d "${TMPDIR:-/tmp}/rota-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT

make -C "$build" -s install DESTDIR="$dest" >/dev/null
typelib=$(find "$dest" -name Rota-1.0.typelib)
libdir=$(dirname "$(dirname "$typelib")")
example=$(find "$dest" -path '*/examples/python/solve_county.py')
gir=$(find "$dest" -path '*/gir-1.0/Rota-1.0.gir')
for f in "$typelib" "$gir" "$example" "$libdir/librota.so.1"; do
    [ -n "$f" ] && [ -f "$f" ] || { echo "installed-example: $f was not installed" >&2; exit 1; }
done
# Only the installed tree: no build-tree path may reach the loader.
start=$(date +%s.%N)
env -u GI_TYPELIB_PATH GI_TYPELIB_PATH="$libdir/girepository-1.0" \
    LD_LIBRARY_PATH="$libdir" \
    /usr/bin/python3 "$example" --time-limit "$seconds" --model "$src/examples/county/county.json" \
    --previous "$src/examples/county/roster.json" --out "$dest/out" 2>"$dest/progress"
end=$(date +%s.%N)
grep -q 's  hard ' "$dest/progress" || { echo "installed-example: no progress reported" >&2; exit 1; }
[ -s "$dest/out/roster.json" ] && [ -d "$dest/out/feeds/person" ] ||
    { echo "installed-example: no roster or feeds written" >&2; exit 1; }
awk -v s="$start" -v e="$end" 'BEGIN { printf "installed example: ran in %.1f s (solve limit '"$seconds"' s)\n", e - s }'
