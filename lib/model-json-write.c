/* SPDX-License-Identifier: MIT */
/* model-json-write.c: placeholder until its module lands. */
