/* SPDX-License-Identifier: MIT */
/* score-onsite.c: placeholder until its module lands. */
