/* SPDX-License-Identifier: MIT */
/* cli-load.c: placeholder until its module lands. */
