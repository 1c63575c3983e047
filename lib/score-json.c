/* SPDX-License-Identifier: MIT */
/* score-json.c: placeholder until its module lands. */
