/* SPDX-License-Identifier: MIT */
/* cmd-score.c: placeholder until its module lands. */
