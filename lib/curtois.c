/* SPDX-License-Identifier: MIT */
/* curtois.c: placeholder until its module lands. */
