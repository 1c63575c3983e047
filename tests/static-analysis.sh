#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/static-analysis.sh [JOBS]: GCC's -fanalyzer and clang's static
# analyzer (scan-build, Debian clang-tools) over every source of lib/ and
# cli/, JOBS files at a time (default 2).  Run from a configured build tree
# (config.h, rota-version.h).  Any finding fails: there is no baseline.
#
# A finding that is a false positive is dealt with at its line: the code
# is restructured so that the analyzer follows it, or the line carries a
# comment saying why it is safe.  One class is dropped here, by rule:
# clang 14's analyzer does not run __attribute__((cleanup)) functions, so
# every pointer held by a g_autofree / g_autoptr / g_auto local looks
# leaked when the local goes out of scope ("Potential leak of memory
# pointed to by 'x'", unix.Malloc).  Such a report is dropped only when
# 'x' is declared with one of those macros in the function that holds the
# reported line; any other leak report stays.  (clang 18 models cleanup;
# the leaks themselves are checked at run time by valgrind and ASan in
# .ci/run.)  Every other unix.Malloc check (double free, use after free)
# stays on.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
build=$(pwd)
jobs=${1:-2}
# LOCALEDIR as Makefile.am defines it (lib/i18n.c, cli/cli-i18n.c); the quotes
# are the shell's once the flags are written into one.sh below.
flags="-std=gnu11 -DROTA_COMPILATION -I$srcdir/lib -I$srcdir/include -I$build/include -I$build
 -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_66 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
 -DLOCALEDIR='\"/usr/local/share/locale\"'
 $(pkg-config --cflags glib-2.0 gio-2.0 json-c)"
flags=$(echo $flags)
sources=$(cd "$srcdir" && ls lib/*.c lib/*/*.c cli/*.c)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
start=$(date +%s)

# One file: $1 is the tool (gcc or the analyzer wrapper), $2 the source.
cat >"$tmp/one.sh" <<EOF
#!/bin/sh
log="$tmp/log-\$(echo "\$2" | tr / _)-\$(basename "\$1").txt"
"\$1" $flags -O0 \${EXTRA:-} -c "$srcdir/\$2" -o /dev/null >"\$log" 2>&1 ||
    { echo "\$2: the compiler failed (\$1)" >&2; cat "\$log" >&2; exit 1; }
EOF

# GCC -fanalyzer.
echo "$sources" | EXTRA=-fanalyzer xargs -P "$jobs" -n 1 sh "$tmp/one.sh" gcc || status=1
cat "$tmp"/log-*-gcc.txt >"$tmp/gcc.log"
grep 'warning: .*\[-Wanalyzer' "$tmp/gcc.log" >"$tmp/gcc.found" || true
echo "gcc -fanalyzer: $(wc -l <"$tmp/gcc.found") findings ($(($(date +%s) - start)) s)"
sed 's/^/  /' "$tmp/gcc.found"
[ -s "$tmp/gcc.found" ] && status=1

# clang's analyzer through scan-build, which puts its compiler wrapper in
# $CC for the build command.
if command -v scan-build >/dev/null 2>&1; then
    start=$(date +%s)
    cat >"$tmp/build.sh" <<EOF
#!/bin/sh
echo "$sources" | xargs -P "$jobs" -n 1 sh "$tmp/one.sh" "\$CC"
EOF
    scan-build --status-bugs -o "$tmp/report" sh "$tmp/build.sh" >"$tmp/scan.log" 2>&1 || true
    if grep -q 'the compiler failed' "$tmp/scan.log"; then
        grep -A5 'the compiler failed' "$tmp/scan.log" >&2
        status=1
    fi
    grep -h '^/.*: warning: ' "$tmp"/log-*-ccc-analyzer.txt | sort -u >"$tmp/scan.all" || true
    # Drop leak reports on g_autofree / g_autoptr / g_auto locals (see above).
    : >"$tmp/scan.found"
    dropped=0
    while IFS= read -r line; do
        var=$(echo "$line" | sed -n "s/.*Potential leak of memory pointed to by '\([A-Za-z_0-9]*\)' \[unix.Malloc\]$/\1/p")
        if [ -n "$var" ]; then
            file=${line%%:*}
            rest=${line#*:}
            at=${rest%%:*}
            if awk -v at="$at" -v var="$var" '
                NR > at { exit }
                /^\{/ { auto = 0 }
                /g_auto(free|ptr|)[ (]/ && $0 ~ ("[ *)]" var "( = |;| =$)") { auto = 1 }
                END { exit !auto }' "$file"; then
                dropped=$((dropped + 1))
                continue
            fi
        fi
        echo "$line" >>"$tmp/scan.found"
    done <"$tmp/scan.all"
    echo "scan-build: $(wc -l <"$tmp/scan.found") findings, $dropped leak reports on" \
        "g_autofree/g_autoptr locals dropped ($(($(date +%s) - start)) s)"
    sed 's/^/  /' "$tmp/scan.found"
    [ -s "$tmp/scan.found" ] && status=1
else
    echo "scan-build is missing (Debian clang-tools)" >&2
    [ "${CI:-}" = true ] && status=1
fi
exit $status
