/* SPDX-License-Identifier: MIT */
/* placeholder: skipped until written. */
int main(void) { return 77; }
