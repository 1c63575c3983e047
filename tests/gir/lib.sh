# SPDX-License-Identifier: MIT
# lib.sh: sourced by the introspection tests (tests/gir/).  Skips (77) when
# the build has no Rota-1.0.typelib: always when introspection was disabled
# on purpose, and outside CI when its tools were not found; under CI=true
# or ROTA_CLIENTS_REQUIRED=1 a missing introspection fails.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

GIR="$ROTA_TEST_BUILDDIR/Rota-1.0.gir"
TYPELIB="$ROTA_TEST_BUILDDIR/Rota-1.0.typelib"
gir_required() { [ "${CI:-}" = true ] || [ "${ROTA_CLIENTS_REQUIRED:-}" = 1 ]; }

# gir_need WHAT: skip or fail because WHAT is missing.
gir_need() {
    if gir_required; then
        echo "FAIL: $1 is missing, and CI=true requires it" >&2
        exit 1
    fi
    echo "SKIP: $1 is missing"
    exit 77
}

case "${ROTA_GIR_STATE:-missing}" in
yes) [ -f "$TYPELIB" ] || gir_need "$TYPELIB (make did not build it)" ;;
disabled)
    echo "SKIP: introspection disabled (--disable-introspection or --disable-shared)"
    exit 77 ;;
*) gir_need "GObject Introspection (apt-get install gobject-introspection libgirepository1.0-dev; ./configure)" ;;
esac
