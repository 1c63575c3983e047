/* SPDX-License-Identifier: MIT */
/* roster-lookup.c: the assignments of one day, one segment or one person. */
#include "config.h"

#include "roster-private.h"

/*
 * A lookup scans the roster once and returns a new array of assignment
 * indices, so that it keeps no cache in the roster: reading a roster
 * never writes to it.  Indices stay valid until the roster changes
 * (rota_roster_add(), rota_roster_sort()).
 */

typedef enum { BY_DAY, BY_SEGMENT, BY_PERSON } LookupKey;

static int *
lookup(const RotaRoster *roster, LookupKey key, int value, int *n_found)
{
    GArray *found = g_array_new(FALSE, FALSE, sizeof(int));

    for (guint i = 0; i < roster->assignments->len; i++) {
        const RotaAssignment *a = &g_array_index(roster->assignments, RotaAssignment, i);
        int field = key == BY_DAY ? a->day : key == BY_SEGMENT ? a->segment : a->person;

        if (field == value) {
            int index = (int)i;

            g_array_append_val(found, index);
        }
    }
    if (n_found != NULL)
        *n_found = (int)found->len;
    /* never NULL, even when empty: a zero-terminated copy */
    g_array_set_size(found, found->len + 1);
    g_array_index(found, int, found->len - 1) = -1;
    return (int *)(void *)g_array_free(found, FALSE);
}

/**
 * rota_roster_dup_assignments_on_day:
 * @roster: a roster
 * @day: a day index of the roster's model
 * @n_found: (out) (optional): the number of indices returned
 *
 * Finds the assignments of one day.
 *
 * Returns: (transfer full) (array length=n_found): the indices (for
 *   rota_roster_get_assignment()) of the assignments on @day, ascending,
 *   followed by -1; free with g_free().  Valid until @roster changes.
 * Since: 0.2
 */
int *
rota_roster_dup_assignments_on_day(const RotaRoster *roster, int day, int *n_found)
{
    g_return_val_if_fail(roster != NULL, NULL);
    g_return_val_if_fail(day >= 0 && day < rota_model_get_n_days(roster->model), NULL);
    return lookup(roster, BY_DAY, day, n_found);
}

/**
 * rota_roster_dup_assignments_at_segment:
 * @roster: a roster
 * @segment: a segment index of the roster's model
 * @n_found: (out) (optional): the number of indices returned
 *
 * Finds the assignments held at one segment, on-site hours included.
 *
 * Returns: (transfer full) (array length=n_found): the indices (for
 *   rota_roster_get_assignment()) of the assignments at @segment,
 *   ascending, followed by -1; free with g_free().  Valid until @roster
 *   changes.
 * Since: 0.2
 */
int *
rota_roster_dup_assignments_at_segment(const RotaRoster *roster, int segment,
                                       int *n_found)
{
    g_return_val_if_fail(roster != NULL, NULL);
    g_return_val_if_fail(
        segment >= 0 && segment < rota_model_get_n_segments(roster->model), NULL);
    return lookup(roster, BY_SEGMENT, segment, n_found);
}

/**
 * rota_roster_dup_assignments_of_person:
 * @roster: a roster
 * @person: a person index of the roster's model
 * @n_found: (out) (optional): the number of indices returned
 *
 * Finds one person's assignments.
 *
 * Returns: (transfer full) (array length=n_found): the indices (for
 *   rota_roster_get_assignment()) of @person's assignments, ascending,
 *   followed by -1; free with g_free().  Valid until @roster changes.
 * Since: 0.2
 */
int *
rota_roster_dup_assignments_of_person(const RotaRoster *roster, int person, int *n_found)
{
    g_return_val_if_fail(roster != NULL, NULL);
    g_return_val_if_fail(person >= 0 && person < rota_model_get_n_people(roster->model),
                         NULL);
    return lookup(roster, BY_PERSON, person, n_found);
}
