/* SPDX-License-Identifier: MIT */
/* model.c: placeholder until its module lands. */
