/* SPDX-License-Identifier: MIT */
/* county-town.c: the county's segments, units and people, from the seeded generator. */
#include "county-gen.h"
#include "county-names.h"

/*
 * Geometry.  Each copy of the town (one per unit of scale) is a grid of
 * north-south roads x = 0..7 and east-west streets y = 0..8; coordinates
 * are doubled so that a segment's midpoint stays an integer.  Copies are
 * laid out six to a row, a few kilometres apart, around a county seat in
 * the hills of central Shandong (where December brings snow).
 */
#define SEAT_LAT_MICRO 36080000
#define SEAT_LON_MICRO 118880000
#define STEP_LAT_MICRO 2000 /* half the distance between streets, ~220 m */
#define STEP_LON_MICRO 2500 /* half the distance between roads, ~220 m */
#define COPY_LAT_MICRO 50000
#define COPY_LON_MICRO 60000
#define GRIDS_PER_COPY 12 /* 4 columns x 3 rows: "G01".."G12" at scale 1 */

/* Unit sizes (head and deputies included): one segment, or two. */
#define SIZE_SINGLE_MIN 20
#define SIZE_DOUBLE_MIN 30
#define SIZE_SPREAD 13
#define PARTY_PERCENT 36 /* of ordinary members; heads and deputies all are */

/* The copy's suffix: names repeat at scale > 1, so copies 2.. say which. */
static char *
copy_name(const char *name, int copy)
{
    if (copy == 0)
        return g_strdup(name);
    return g_strdup_printf("%s·%d", name, copy + 1);
}

static void
add_segment(CountyGen *gen, int copy, const char *name, const char *kind,
            const char *location, int x2, int y2)
{
    char id[16], grid[16];
    g_autofree char *full = copy_name(name, copy);
    int segment = gen->n_segments;
    int lat = SEAT_LAT_MICRO + (copy / 6) * COPY_LAT_MICRO + y2 * STEP_LAT_MICRO;
    int lon = SEAT_LON_MICRO + (copy % 6) * COPY_LON_MICRO + x2 * STEP_LON_MICRO;
    int column = x2 * 4 / 15, row = y2 * 3 / 17;

    rota_builder_add_segment(gen->builder, county_segment_id(id, segment), full);
    if (kind != NULL)
        rota_builder_set_segment_kind(gen->builder, segment, kind);
    g_snprintf(grid, sizeof grid, "G%02d", copy * GRIDS_PER_COPY + row * 4 + column + 1);
    rota_builder_set_segment_grid(gen->builder, segment, grid);
    rota_builder_set_segment_location(gen->builder, segment, location);
    rota_builder_set_segment_geo(gen->builder, segment, lat / 1e6, lon / 1e6);
    gen->segment_is_road[segment] = kind == NULL;
    gen->n_segments++;
}

/* One copy of the town: segments along the roads, then along the
 * streets, then the compounds, each named after the streets it spans. */
static void
add_town(CountyGen *gen, int copy)
{
    int n_roads = (int)county_n_road_names, n_streets = (int)county_n_street_names;

    for (int r = 0; r < n_roads; r++) {
        for (int s = 0; s + 1 < n_streets; s++) {
            const char *road = county_road_names[r];
            g_autofree char *name = g_strdup_printf(
                "%s(%s—%s)", road, county_street_names[s], county_street_names[s + 1]);
            g_autofree char *where =
                g_strdup_printf("%s%s口", road, county_street_names[s]);
            add_segment(gen, copy, name, NULL, where, 2 * r, 2 * s + 1);
        }
    }
    for (int s = 0; s < n_streets; s++) {
        for (int r = 0; r + 1 < n_roads; r++) {
            const char *street = county_street_names[s];
            g_autofree char *name = g_strdup_printf(
                "%s(%s—%s)", street, county_road_names[r], county_road_names[r + 1]);
            g_autofree char *where =
                g_strdup_printf("%s%s口", street, county_road_names[r]);
            add_segment(gen, copy, name, NULL, where, 2 * r + 1, 2 * s);
        }
    }
    for (int c = 0; c < (int)county_n_compound_names; c++) {
        int r = (c % 3) * 3, s = (c / 3) * 3 + 1;
        g_autofree char *where =
            g_strdup_printf("%s%d号", county_road_names[r], 16 + 12 * c);
        add_segment(gen, copy, county_compound_names[c], "compound", where, 2 * r + 1,
                    2 * s + 1);
    }
}

void
county_add_segments(CountyGen *gen)
{
    int per_copy = (int)(county_n_road_names * (county_n_street_names - 1) +
                         county_n_street_names * (county_n_road_names - 1) +
                         county_n_compound_names);

    g_assert(per_copy == COUNTY_SEGMENTS);
    gen->segment_is_road = g_new0(gboolean, (gsize)COUNTY_SEGMENTS * gen->scale);
    gen->segment_unit = g_new0(int, (gsize)COUNTY_SEGMENTS * gen->scale);
    for (int copy = 0; copy < gen->scale; copy++)
        add_town(gen, copy);
}

/*
 * Plan one copy's units: 33 of the 103 (drawn at random) adopt two
 * neighbouring segments, the others one, walking the copy's segments in
 * order while the units come in a shuffled order.  People are numbered
 * unit by unit: the head, the deputies, then the ordinary members.
 */
static void
plan_copy(CountyGen *gen, int copy)
{
    int first = copy * COUNTY_UNITS, segment = copy * COUNTY_SEGMENTS;
    int order[COUNTY_UNITS];
    gboolean twice[COUNTY_UNITS] = {FALSE};

    for (int i = 0; i < COUNTY_UNITS; i++)
        order[i] = i;
    county_rng_shuffle(gen, order, COUNTY_UNITS);
    for (int i = 0; i < COUNTY_DOUBLE_UNITS; i++)
        twice[order[i]] = TRUE;
    county_rng_shuffle(gen, order, COUNTY_UNITS);
    for (int i = 0; i < COUNTY_UNITS; i++) {
        CountyUnit *unit = &gen->units[first + order[i]];
        unit->first_segment = segment;
        unit->n_segments = twice[order[i]] ? 2 : 1;
        for (int k = 0; k < unit->n_segments; k++)
            gen->segment_unit[segment++] = first + order[i];
    }
    for (int u = first; u < first + COUNTY_UNITS; u++) {
        CountyUnit *unit = &gen->units[u];
        int size = (unit->n_segments == 2 ? SIZE_DOUBLE_MIN : SIZE_SINGLE_MIN) +
                   county_rng_below(gen, SIZE_SPREAD);
        unit->head = gen->n_people++;
        unit->n_deputies = 1 + county_rng_below(gen, 2);
        for (int k = 0; k < unit->n_deputies; k++)
            unit->deputies[k] = gen->n_people++;
        unit->first_member = gen->n_people;
        unit->n_members = size - 1 - unit->n_deputies;
        gen->n_people += unit->n_members;
    }
}

/* Register the units: the head is road chief of the first segment, the
 * first deputy of the second (each sign names someone who answers). */
static void
add_units(CountyGen *gen)
{
    for (int u = 0; u < gen->n_units; u++) {
        const CountyUnit *unit = &gen->units[u];
        char id[16], head[16], other[16];
        g_autofree char *name =
            copy_name(county_unit_names[u % COUNTY_UNITS], u / COUNTY_UNITS);
        int index = rota_builder_add_unit(gen->builder, county_unit_id(id, u), name,
                                          county_person_id(head, unit->head));

        for (int k = 0; k < unit->n_deputies; k++)
            rota_builder_add_unit_deputy(gen->builder, index,
                                         county_person_id(other, unit->deputies[k]));
        for (int k = 0; k < unit->n_segments; k++) {
            int segment = unit->first_segment + k;
            int chief = k == 0 ? unit->head : unit->deputies[0];
            rota_builder_add_unit_segment(gen->builder, index,
                                          county_segment_id(other, segment));
            rota_builder_set_segment_chief(gen->builder, segment,
                                           county_person_id(other, chief));
        }
    }
}

/* A common surname (drawn by frequency) and a one- or two-character
 * given name from the male or the female list. */
static char *
draw_name(CountyGen *gen)
{
    GString *name = g_string_new(NULL);
    gboolean female = county_rng_percent(gen, 50);
    const char *const *given = female ? county_given_female : county_given_male;
    int n_given = (int)(female ? county_n_given_female : county_n_given_male);
    int n_chars = county_rng_percent(gen, 35) ? 1 : 2;
    int total_weight = 0, pick;

    for (size_t i = 0; i < county_n_surnames; i++)
        total_weight += county_surnames[i].weight;
    pick = county_rng_below(gen, total_weight);
    for (size_t i = 0; i < county_n_surnames; i++) {
        pick -= county_surnames[i].weight;
        if (pick < 0) {
            g_string_append(name, county_surnames[i].surname);
            break;
        }
    }
    for (int i = 0; i < n_chars; i++)
        g_string_append(name, given[county_rng_below(gen, n_given)]);
    return g_string_free(name, FALSE);
}

static void
add_person(CountyGen *gen, int person, int unit, const char *tag)
{
    char id[16], unit_id[16];
    g_autofree char *name = draw_name(gen);
    int index = rota_builder_add_person(gen->builder, county_person_id(id, person), name,
                                        county_unit_id(unit_id, unit));

    g_assert(index == person);
    rota_builder_add_person_tag(gen->builder, person, tag);
}

/* Days off: single days, ranges of two to five days, or one shift of a day. */
static void
add_days_off(CountyGen *gen, int person)
{
    static const char *const shifts[] = {"am", "pm", "clean"};
    int n = 1 + county_rng_below(gen, 3);

    for (int i = 0; i < n; i++) {
        int kind = county_rng_below(gen, 10), day = county_rng_below(gen, gen->n_days);
        char from[16], to[16];

        county_date(gen, from, day);
        if (kind < 5) {
            rota_builder_add_person_off(gen->builder, person, from, NULL, NULL);
        } else if (kind < 8) {
            int last = day + 1 + county_rng_below(gen, 4);

            last = MIN(last, gen->n_days - 1);
            rota_builder_add_person_off(gen->builder, person, from, county_date(gen, to, last),
                                        NULL);
        } else {
            rota_builder_add_person_off(gen->builder, person, from, NULL,
                                        shifts[county_rng_below(gen, 3)]);
        }
    }
}

/* Wishes: to have a day (or one rush hour) off, or to be given one. */
static void
add_requests(CountyGen *gen, int person)
{
    static const char *const shifts[] = {NULL, NULL, "am", "pm"};
    int n = 1 + county_rng_below(gen, 2);

    for (int i = 0; i < n; i++) {
        char date[16];
        const char *shift = shifts[county_rng_below(gen, 4)];
        gboolean on = county_rng_percent(gen, 40);
        int weight = 1 + county_rng_below(gen, 3);

        county_date(gen, date, county_rng_below(gen, gen->n_days));
        rota_builder_add_person_request(gen->builder, person, date, shift, on, weight);
    }
}

/* Some people live by another unit's segment and also serve there (双报道). */
static void
add_community(CountyGen *gen, int person, int unit)
{
    int n_segments = gen->n_segments, segment;
    char id[16];

    do
        segment = county_rng_below(gen, n_segments);
    while (gen->segment_unit[segment] == unit);
    rota_builder_set_person_community(gen->builder, person,
                                      county_segment_id(id, segment));
}

static void
add_people(CountyGen *gen)
{
    for (int u = 0; u < gen->n_units; u++) {
        const CountyUnit *unit = &gen->units[u];

        add_person(gen, unit->head, u, "party");
        for (int k = 0; k < unit->n_deputies; k++)
            add_person(gen, unit->deputies[k], u, "party");
        for (int m = 0; m < unit->n_members; m++) {
            int person = unit->first_member + m;
            gboolean party = county_rng_percent(gen, PARTY_PERCENT);

            add_person(gen, person, u, party ? "party" : "volunteer");
            if (county_rng_percent(gen, 8))
                add_community(gen, person, u);
            if (county_rng_percent(gen, 15))
                add_days_off(gen, person);
            if (county_rng_percent(gen, 10))
                add_requests(gen, person);
        }
    }
}

/*
 * The inspection office: one ordinary member from each of 50 units per
 * copy (so not_owner keeps each off their own unit's segments), allowed
 * five duties a week instead of three.  Then the absences coordinators
 * must plan around: a tenth of the heads away two to four days, and in
 * two units per copy the head and every deputy but the last away on the
 * same day, so that the on-site hour falls to the last deputy.  Nobody is
 * left without a possible on-site person: the county is feasible, and
 * the onsite_unstaffed explanation is exercised by the tests instead.
 */
static void
add_inspectors_and_absences(CountyGen *gen)
{
    g_autofree int *order = g_new(int, gen->n_units);
    int n_inspectors = COUNTY_INSPECTORS * gen->scale;
    int n_away = gen->n_units / 10, n_short = 2 * gen->scale;
    char from[16], to[16];

    for (int u = 0; u < gen->n_units; u++)
        order[u] = u;
    county_rng_shuffle(gen, order, gen->n_units);
    for (int i = 0; i < n_inspectors; i++) {
        const CountyUnit *unit = &gen->units[order[i]];
        int person = unit->first_member + county_rng_below(gen, unit->n_members);
        rota_builder_add_person_tag(gen->builder, person, "inspector");
        rota_builder_set_person_limit(gen->builder, person, ROTA_LIMIT_MAX_SHIFTS_WEEK,
                                      5);
    }
    county_rng_shuffle(gen, order, gen->n_units);
    for (int i = 0; i < n_away; i++) {
        int days = 2 + county_rng_below(gen, 3);
        int day = county_rng_below(gen, gen->n_days - days + 1);
        rota_builder_add_person_off(gen->builder, gen->units[order[i]].head,
                                    county_date(gen, from, day),
                                    county_date(gen, to, day + days - 1), NULL);
    }
    for (int i = n_away; i < n_away + n_short; i++) {
        const CountyUnit *unit = &gen->units[order[i]];
        county_date(gen, from, county_rng_below(gen, gen->n_days));
        rota_builder_add_person_off(gen->builder, unit->head, from, NULL, NULL);
        for (int k = 0; k + 1 < unit->n_deputies; k++)
            rota_builder_add_person_off(gen->builder, unit->deputies[k], from, NULL,
                                        NULL);
    }
}

/* A made-up mobile number for a person, from their index alone (not from
 * the random stream, so that adding phones changed no other draw). */
static const char *
person_phone(char buf[16], int person)
{
    static const char *const prefixes[] = {"138", "139", "158", "159", "187", "188"};
    guint64 h = ((guint64)person + 1) * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);

    h ^= h >> 29;
    g_snprintf(buf, 16, "%s%08u", prefixes[h % G_N_ELEMENTS(prefixes)],
               (unsigned)((h >> 8) % 100000000u));
    return buf;
}

/* Everyone has a phone; the numbers on the road-chief signs (the head's,
 * and the first deputy's where they are chief of a second segment) are
 * public, every other stays on the coordinators' pages. */
static void
add_phones(CountyGen *gen)
{
    for (int p = 0; p < gen->n_people; p++) {
        char phone[16];

        rota_builder_set_person_phone(gen->builder, p, person_phone(phone, p), FALSE);
    }
    for (int u = 0; u < gen->n_units; u++) {
        const CountyUnit *unit = &gen->units[u];
        char phone[16];

        rota_builder_set_person_phone(gen->builder, unit->head,
                                      person_phone(phone, unit->head), TRUE);
        if (unit->n_segments > 1 && unit->n_deputies > 0)
            rota_builder_set_person_phone(gen->builder, unit->deputies[0],
                                          person_phone(phone, unit->deputies[0]), TRUE);
    }
}

void
county_add_units_and_people(CountyGen *gen)
{
    gen->n_units = COUNTY_UNITS * gen->scale;
    gen->units = g_new0(CountyUnit, gen->n_units);
    for (int copy = 0; copy < gen->scale; copy++)
        plan_copy(gen, copy);
    add_units(gen);
    add_people(gen);
    add_inspectors_and_absences(gen);
    add_phones(gen);
}
