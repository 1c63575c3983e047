# SPDX-License-Identifier: MIT
# lib.sh: what the views' tests share (sourced after tests/cli/common.sh).

# need TOOL...: each tool on PATH, else skip the test (exit 77) with a message;
# under CI=true or ROTA_CLIENTS_REQUIRED=1 a missing tool fails it instead.
need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 && continue
        if [ "${CI:-}" = true ] || [ "${ROTA_CLIENTS_REQUIRED:-}" = 1 ]; then
            echo "FAIL: $tool is required here (CI=true or ROTA_CLIENTS_REQUIRED=1)"
            exit 1
        fi
        echo "SKIP: $tool not found (Debian: see README.md's quick start)"
        exit 77
    done
}

# need_openpyxl: Debian's python3-openpyxl, which imports only under /usr/bin/python3.
need_openpyxl() {
    need /usr/bin/python3
    /usr/bin/python3 -c 'import openpyxl' 2>/dev/null && return 0
    if [ "${CI:-}" = true ] || [ "${ROTA_CLIENTS_REQUIRED:-}" = 1 ]; then
        echo "FAIL: python3-openpyxl is required here"
        exit 1
    fi
    echo "SKIP: python3-openpyxl not found"
    exit 77
}

# The small model of the golden files, and how its site is made.
SMALL_MODEL="$DATA/cli/small-model.json"
SMALL_ROSTER="$DATA/cli/small-roster.json"
SMALL_NOW=2026-12-29T08:00:00+08:00
SMALL_URL=http://localhost:8080/
SMALL_SECRET="$DATA/ics/secret.key"

# external_refs DIR: lines of pages under DIR that load or link anything
# outside the site: an attribute naming a scheme or //, a CSS url() or @import.
external_refs() {
    grep -rnE '(src|href|action|data|poster|srcset)="([a-z]+:|//)|url\(|@import|<script|<link|<iframe|<img' \
        "$1" --include='*.html' || true
}
