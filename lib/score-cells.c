/* SPDX-License-Identifier: MIT */
/* score-cells.c: placeholder until its module lands. */
