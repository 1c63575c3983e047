#!/bin/sh
# SPDX-License-Identifier: MIT
# check-pkgconfig.sh: the built rota.pc gives applications GLib and rota's
# include path only, and static links everything librota needs.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

if ! command -v pkg-config >/dev/null 2>&1; then
    echo "SKIP: pkg-config is missing"
    exit 77
fi
pc() { PKG_CONFIG_PATH="$ROTA_TEST_BUILDDIR${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" pkg-config "$@"; }

name="rota.pc"
if cflags=$(pc --cflags rota); then pass "$name: --cflags works"
else fail "$name: pkg-config --cflags rota failed"; fi
for flag in $(pkg-config --cflags-only-I json-c); do
    case " $(pkg-config --cflags glib-2.0) " in *" $flag "*) continue ;; esac
    case " $cflags " in
        *" $flag "*) fail "$name: --cflags leaks json-c's $flag" "$cflags" ;;
        *) pass "$name: --cflags without json-c's $flag" ;;
    esac
done
for flag in $(pkg-config --cflags-only-I glib-2.0); do
    case " $cflags " in
        *" $flag "*) pass "$name: --cflags has GLib's $flag" ;;
        *) fail "$name: --cflags lacks GLib's $flag" "$cflags" ;;
    esac
done
libs=$(pc --libs rota)
case " $libs " in
    *" -ljson-c "*) fail "$name: --libs links json-c into applications" "$libs" ;;
    *" -lrota "*) pass "$name: --libs has -lrota only (and GLib)" ;;
    *) fail "$name: --libs lacks -lrota" "$libs" ;;
esac
case " $(pc --static --libs rota) " in
    *" -ljson-c "*) pass "$name: --static --libs has -ljson-c" ;;
    *) fail "$name: --static --libs lacks -ljson-c" "$(pc --static --libs rota)" ;;
esac

finish
