/* SPDX-License-Identifier: MIT */
/* spec.c: placeholder until its module lands. */
