/* SPDX-License-Identifier: MIT */
/* score-json.c: a score and its violations as JSON, for roster files and the CLI. */
#include "config.h"

#include "formats/json-private.h"
#include "score-private.h"
#include "util-private.h"

static void
append_indent(GString *out, int indent)
{
    for (int i = 0; i < indent; i++)
        g_string_append_c(out, ' ');
}

/* The terms array: "[]", or one term per line and "]" on a line of its own. */
static void
append_terms(GString *out, const RotaScore *score, int indent)
{
    if (score->n_terms == 0) {
        g_string_append(out, "[]");
        return;
    }
    g_string_append(out, "[\n");
    for (int i = 0; i < score->n_terms; i++) {
        RotapTerm term = score->terms[i];

        append_indent(out, indent);
        g_string_append(out, "{ \"name\": ");
        rotap_json_append_string(out, rotap_term_name(term));
        g_string_append_printf(out,
                               ", \"count\": %d, \"penalty\": %" G_GINT64_FORMAT " }%s\n",
                               score->term_count[term], score->term_penalty[term],
                               i + 1 < score->n_terms ? "," : "");
    }
    append_indent(out, MAX(indent - 2, 0));
    g_string_append_c(out, ']');
}

void
rotap_score_append_json(GString *out, const RotaScore *score, int indent)
{
    g_return_if_fail(out != NULL && score != NULL);

    g_string_append_printf(
        out, "{ \"hard\": %d, \"soft\": %" G_GINT64_FORMAT ", \"terms\": ", score->hard,
        score->soft);
    append_terms(out, score, indent);
    g_string_append(out, " }");
}

static void
append_key(GString *out, const char *key, const char *value)
{
    g_string_append(out, ", \"");
    g_string_append(out, key);
    g_string_append(out, "\": ");
    rotap_json_append_string(out, value);
}

/* One violation: keys that do not apply are left out. */
static void
append_violation(GString *out, const RotaModel *model, const RotapFinding *f,
                 char *const *dates)
{
    const RotaViolation *v = &f->v;

    g_string_append(out, "{ \"constraint\": ");
    rotap_json_append_string(out, v->constraint);
    g_string_append_printf(out, ", \"hard\": %s, \"penalty\": %" G_GINT64_FORMAT,
                           v->hard ? "true" : "false", v->penalty);
    if (v->day >= 0)
        append_key(out, "date", dates[v->day]);
    if (v->shift >= 0)
        append_key(out, "shift", model->shifts[v->shift].id);
    if (v->segment >= 0)
        append_key(out, "segment", model->segments[v->segment].id);
    if (v->person >= 0)
        append_key(out, "person", model->people[v->person].id);
    if (v->unit >= 0)
        append_key(out, "unit", model->units[v->unit].id);
    if (v->duty >= 0)
        append_key(out, "duty", model->duties[v->duty].id);
    else if (f->onsite_duty)
        append_key(out, "duty", "onsite");
    if (v->message != NULL)
        append_key(out, "message", v->message);
    if (v->message_zh != NULL)
        append_key(out, "message_zh", v->message_zh);
    g_string_append(out, " }");
}

void
rotap_violations_append_json(GString *out, const RotaScore *score, int indent)
{
    const RotaModel *model;
    char **dates;

    g_return_if_fail(out != NULL && score != NULL);

    if (score->findings->len == 0) {
        g_string_append(out, "[]");
        return;
    }
    model = score->model;
    dates = g_new0(char *, (gsize)model->n_days + 1);
    for (int d = 0; d < model->n_days; d++) {
        GDate date = model->start;

        g_date_add_days(&date, (guint)d);
        dates[d] = rotap_format_date(&date);
    }
    g_string_append(out, "[\n");
    for (guint i = 0; i < score->findings->len; i++) {
        append_indent(out, indent);
        append_violation(out, model, &g_array_index(score->findings, RotapFinding, i),
                         dates);
        g_string_append(out, i + 1 < score->findings->len ? ",\n" : "\n");
    }
    append_indent(out, MAX(indent - 2, 0));
    g_string_append_c(out, ']');
    g_strfreev(dates);
}

/**
 * rota_score_to_json:
 * @score: a score
 *
 * Writes @score as a standalone JSON document: `hard`, `soft`, `terms`
 * (name, count and penalty per constraint name) and `violations`, each term
 * and each violation on one line, as in the roster file (docs/roster-json.md).
 *
 * Returns: (transfer full): the document, ending in a newline; g_free() it.
 * Since: 0.1
 */
char *
rota_score_to_json(const RotaScore *score)
{
    GString *out;

    g_return_val_if_fail(score != NULL, NULL);

    out = g_string_new(NULL);
    g_string_append_printf(out, "{\n  \"hard\": %d,\n  \"soft\": %" G_GINT64_FORMAT ",\n",
                           score->hard, score->soft);
    g_string_append(out, "  \"terms\": ");
    append_terms(out, score, 4);
    g_string_append(out, ",\n  \"violations\": ");
    rotap_violations_append_json(out, score, 4);
    g_string_append(out, "\n}\n");
    return g_string_free(out, FALSE);
}
