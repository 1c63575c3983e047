/* SPDX-License-Identifier: MIT */
/* compile-duties.c: placeholder until its module lands. */
