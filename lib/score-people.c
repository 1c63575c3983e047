/* SPDX-License-Identifier: MIT */
/* score-people.c: placeholder until its module lands. */
