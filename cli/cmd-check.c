/* SPDX-License-Identifier: MIT */
/* cmd-check.c: placeholder until its module lands. */
