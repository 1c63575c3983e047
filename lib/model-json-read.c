/* SPDX-License-Identifier: MIT */
/* model-json-read.c: placeholder until its module lands. */
