/* SPDX-License-Identifier: MIT */
#ifndef COMPILE_PRIVATE_H
#define COMPILE_PRIVATE_H
#endif
