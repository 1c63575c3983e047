/* SPDX-License-Identifier: MIT */
/* builder.c: placeholder until its module lands. */
