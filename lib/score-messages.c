/* SPDX-License-Identifier: MIT */
/* score-messages.c: placeholder until its module lands. */
