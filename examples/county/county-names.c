/* SPDX-License-Identifier: MIT */
/* county-names.c: placeholder until its module lands. */
