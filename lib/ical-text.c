/* SPDX-License-Identifier: MIT */
/* ical-text.c: placeholder, being written. */
