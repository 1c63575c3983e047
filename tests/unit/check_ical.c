/* SPDX-License-Identifier: MIT */
/* check_ical.c: the iCalendar export (placeholder until it lands: skipped). */
int
main(void)
{
    return 77;
}
