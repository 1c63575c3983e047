/* SPDX-License-Identifier: MIT */
/* roster.c: placeholder until its module lands. */
