/* SPDX-License-Identifier: MIT */
/* ical-ledger.c: placeholder, being written. */
