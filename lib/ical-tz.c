/* SPDX-License-Identifier: MIT */
/* ical-tz.c: placeholder, being written. */
