/* SPDX-License-Identifier: MIT */
/* util-gtype.c: the GTypes of librota's records (GObject Introspection):
 * reference counting for the opaque types, copies of the value types. */
#include "config.h"

#include "util-private.h"

void
rotap_extra_ref(gint *extra_refs)
{
    g_atomic_int_inc(extra_refs);
}

gboolean
rotap_extra_unref(gint *extra_refs)
{
    int old;

    do {
        old = g_atomic_int_get(extra_refs);
        if (old == 0)
            return TRUE;
    } while (!g_atomic_int_compare_and_exchange(extra_refs, old, old - 1));
    return FALSE;
}

G_DEFINE_BOXED_TYPE(RotaModel, rota_model, rota_model_ref, rota_model_unref)
G_DEFINE_BOXED_TYPE(RotaRoster, rota_roster, rota_roster_copy, rota_roster_free)
G_DEFINE_BOXED_TYPE(RotaExportStats, rota_export_stats, rota_export_stats_copy,
                    rota_export_stats_free)

/* The value types are copied as they are: their strings stay borrowed
 * from the object that returned them (see each type's header). */
#define ROTAP_VALUE_TYPE(TypeName, type_name)                                        \
    static TypeName *type_name##_copy(const TypeName *value)                         \
    {                                                                                \
        TypeName *copy = g_new(TypeName, 1);                                         \
        *copy = *value;                                                              \
        return copy;                                                                 \
    }                                                                                \
    G_DEFINE_BOXED_TYPE(TypeName, type_name, type_name##_copy, g_free)

ROTAP_VALUE_TYPE(RotaAssignment, rota_assignment)
ROTAP_VALUE_TYPE(RotaViolation, rota_violation)
ROTAP_VALUE_TYPE(RotaChange, rota_change)
ROTAP_VALUE_TYPE(RotaCellInfo, rota_cell_info)
ROTAP_VALUE_TYPE(RotaProgress, rota_progress)
ROTAP_VALUE_TYPE(RotaAttendance, rota_attendance)
ROTAP_VALUE_TYPE(RotaFindingInfo, rota_finding_info)
ROTAP_VALUE_TYPE(RotaSwapCandidate, rota_swap_candidate)
ROTAP_VALUE_TYPE(RotaBulletinUnit, rota_bulletin_unit)
ROTAP_VALUE_TYPE(RotaBulletinPerson, rota_bulletin_person)
ROTAP_VALUE_TYPE(RotaSiteStats, rota_site_stats)
