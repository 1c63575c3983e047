/* SPDX-License-Identifier: MIT */
/* score.c: placeholder until its module lands. */
