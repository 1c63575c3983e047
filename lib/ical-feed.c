/* SPDX-License-Identifier: MIT */
/* ical-feed.c: placeholder, being written. */
