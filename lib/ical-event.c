/* SPDX-License-Identifier: MIT */
/* ical-event.c: placeholder, being written. */
