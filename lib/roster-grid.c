/* SPDX-License-Identifier: MIT */
/* roster-grid.c: placeholder until its module lands. */
