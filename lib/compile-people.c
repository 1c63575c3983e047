/* SPDX-License-Identifier: MIT */
/* compile-people.c: placeholder until its module lands. */
