/* SPDX-License-Identifier: MIT */
/* check_solver.c: placeholder until the solver tests land. */
int
main(void)
{
    return 77;
}
