/* SPDX-License-Identifier: MIT */
/* json-locate.c: placeholder until its module lands. */
