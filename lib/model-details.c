/* SPDX-License-Identifier: MIT */
/* model-details.c: read-back of what the model file said: duty names, segment details,
 * person tags. */
#include "config.h"

#include "model-private.h"

/*
 * These getters return what the author wrote (or its documented default),
 * borrowed from the model: the strings live as long as the model.
 */

/**
 * rota_model_get_duty_name:
 * @model: a model
 * @duty: a duty index, 0 .. rota_model_get_n_duties() - 1
 *
 * The name people read for the duty ("早高峰疏导"): its `name` in
 * model.json, or its id when it has none.  The on-site hour is not a duty
 * of this list: its name is that of rota_model_get_onsite_shift().
 *
 * Returns: (transfer none): the name, owned by @model.
 * Since: 0.2
 */
const char *
rota_model_get_duty_name(const RotaModel *model, int duty)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(duty >= 0 && duty < model->n_duties, NULL);
    return model->duties[duty].name;
}

/**
 * rota_model_get_segment_kind:
 * @model: a model
 * @segment: a segment index, 0 .. rota_model_get_n_segments() - 1
 *
 * Tells what kind of site a segment is ("kind" in model.json): a road
 * section or a residential compound.
 *
 * Returns: (transfer none): "road" (the default) or "compound", owned by
 *   @model.
 * Since: 0.2
 */
const char *
rota_model_get_segment_kind(const RotaModel *model, int segment)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(segment >= 0 && segment < model->n_segments, NULL);
    return model->segments[segment].kind;
}

/**
 * rota_model_get_segment_grid:
 * @model: a model
 * @segment: a segment index, 0 .. rota_model_get_n_segments() - 1
 *
 * Gives the management grid (网格) a segment belongs to ("grid" in
 * model.json), free text by which the public pages group the segments.
 *
 * Returns: (transfer none) (nullable): the grid the segment belongs to, or
 *   %NULL when the model gives none; owned by @model.
 * Since: 0.2
 */
const char *
rota_model_get_segment_grid(const RotaModel *model, int segment)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(segment >= 0 && segment < model->n_segments, NULL);
    return model->segments[segment].grid;
}

/**
 * rota_model_get_segment_location:
 * @model: a model
 * @segment: a segment index, 0 .. rota_model_get_n_segments() - 1
 *
 * Gives where the people on duty at the segment meet ("location" in
 * model.json), as free text shown in feeds and on the segment's sign.
 *
 * Returns: (transfer none) (nullable): where to meet at the segment
 *   ("人民路东风街口"), or %NULL when the model gives none; owned by @model.
 * Since: 0.2
 */
const char *
rota_model_get_segment_location(const RotaModel *model, int segment)
{
    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(segment >= 0 && segment < model->n_segments, NULL);
    return model->segments[segment].location;
}

/**
 * rota_model_get_segment_geo:
 * @model: a model
 * @segment: a segment index, 0 .. rota_model_get_n_segments() - 1
 * @lat: (out) (optional): the latitude in degrees, -90 to 90
 * @lon: (out) (optional): the longitude in degrees, -180 to 180
 *
 * The segment's position, when the model gives one ("geo").  Without one,
 * @lat and @lon are set to 0.
 *
 * Returns: %TRUE when the segment has a position.
 * Since: 0.2
 */
gboolean
rota_model_get_segment_geo(const RotaModel *model, int segment, double *lat, double *lon)
{
    const RotapSegment *s;

    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(segment >= 0 && segment < model->n_segments, FALSE);
    s = &model->segments[segment];
    if (lat != NULL)
        *lat = s->has_geo ? s->lat : 0.0;
    if (lon != NULL)
        *lon = s->has_geo ? s->lon : 0.0;
    return s->has_geo;
}

/**
 * rota_model_get_n_person_tags:
 * @model: a model
 * @person: a person index, 0 .. rota_model_get_n_people() - 1
 *
 * Counts the tags a person carries; rota_model_get_person_tag() lists them.
 *
 * Returns: the number of distinct tags the person carries (a tag listed
 *   twice counts once).
 * Since: 0.2
 */
int
rota_model_get_n_person_tags(const RotaModel *model, int person)
{
    g_return_val_if_fail(model != NULL, 0);
    g_return_val_if_fail(person >= 0 && person < model->n_people, 0);
    return model->people[person].n_tags;
}

/**
 * rota_model_get_person_tag:
 * @model: a model
 * @person: a person index, 0 .. rota_model_get_n_people() - 1
 * @k: 0 .. rota_model_get_n_person_tags() - 1
 *
 * A person's tags come in the order in which each tag first appears among
 * the model's people, the same order for every person.
 *
 * Returns: (transfer none): the k-th tag ("party"), owned by @model.
 * Since: 0.2
 */
const char *
rota_model_get_person_tag(const RotaModel *model, int person, int k)
{
    const RotapPerson *p;

    g_return_val_if_fail(model != NULL, NULL);
    g_return_val_if_fail(person >= 0 && person < model->n_people, NULL);
    p = &model->people[person];
    g_return_val_if_fail(k >= 0 && k < p->n_tags, NULL);
    return model->tags[p->tags[k]];
}
