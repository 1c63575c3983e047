/* SPDX-License-Identifier: MIT */
#ifndef COUNTY_NAMES_H
#define COUNTY_NAMES_H
#endif
