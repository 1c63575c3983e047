#!/bin/sh
# SPDX-License-Identifier: MIT
# test-export.sh: "rota export ics" (placeholder until it lands: skipped).
exit 77
