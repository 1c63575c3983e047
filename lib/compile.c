/* SPDX-License-Identifier: MIT */
/* compile.c: placeholder until its module lands. */
