/* SPDX-License-Identifier: MIT */
/* roster-json.c: placeholder until its module lands. */
