/* SPDX-License-Identifier: MIT */
/* ical-writer.c: RotaFeedWriter, its settings, secret key and feed paths. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "ical-private.h"
#include "model-private.h"
#include "util-private.h"

/* A secret shorter than this is refused: the tokens would be guessable. */
#define MIN_SECRET_BYTES 16
#define NEW_SECRET_BYTES 32

/**
 * rota_feed_writer_new:
 * @model: the model whose rosters will be published
 *
 * A writer of iCalendar feeds for rosters of @model, with the defaults:
 * the current time, cancelled events kept 30 days, the ledger read from
 * the output folder.  A secret key must be set before exporting.
 *
 * Returns: (transfer full): a new writer; free with rota_feed_writer_free().
 * Since: 0.1
 */
RotaFeedWriter *
rota_feed_writer_new(RotaModel *model)
{
    RotaFeedWriter *writer;

    g_return_val_if_fail(model != NULL, NULL);
    writer = g_new0(RotaFeedWriter, 1);
    writer->model = rota_model_ref(model);
    writer->keep_cancelled_days = 30;
    return writer;
}

/**
 * rota_feed_writer_free:
 * @writer: (nullable): a writer
 *
 * Releases @writer, its copy of the secret (wiped) and its reference to
 * the model.
 *
 * Since: 0.1
 */
void
rota_feed_writer_free(RotaFeedWriter *writer)
{
    if (writer == NULL)
        return;
    if (!rotap_extra_unref(&writer->extra_refs))
        return;
    rota_model_unref(writer->model);
    if (writer->secret != NULL)
        memset(writer->secret, 0, writer->secret_length);
    g_free(writer->secret);
    if (writer->now != NULL)
        g_date_time_unref(writer->now);
    g_free(writer->previous_dir);
    g_free(writer);
}

/* The copy function of the boxed type: one more reference. */
static RotaFeedWriter *
box_feed_writer_ref(RotaFeedWriter *writer)
{
    rotap_extra_ref(&writer->extra_refs);
    return writer;
}

G_DEFINE_BOXED_TYPE(RotaFeedWriter, rota_feed_writer, box_feed_writer_ref, rota_feed_writer_free)

/**
 * rota_feed_writer_set_secret:
 * @writer: a writer
 * @key: (array length=length): the key bytes, copied
 * @length: the number of bytes, at least 16
 *
 * Sets the key under which personal feed names are derived (an
 * HMAC-SHA256 of the person id).  The same key gives the same names.
 *
 * Since: 0.1
 */
void
rota_feed_writer_set_secret(RotaFeedWriter *writer, const guint8 *key, gsize length)
{
    g_return_if_fail(writer != NULL);
    g_return_if_fail(key != NULL && length >= MIN_SECRET_BYTES);
    if (writer->secret != NULL)
        memset(writer->secret, 0, writer->secret_length);
    g_free(writer->secret);
    writer->secret = g_memdup2(key, length);
    writer->secret_length = length;
}

/* A new key file: 32 random bytes as 64 hex digits and a newline, mode
 * 0600, created exclusively so that a key is never overwritten. */
static gboolean
create_secret_file(const char *path, GError **error)
{
    guint8 key[NEW_SECRET_BYTES];
    char text[2 * NEW_SECRET_BYTES + 2];
    int fd;
    gsize length = 0;

    if (getrandom(key, sizeof key, 0) != (ssize_t)sizeof key) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: no random bytes: %s", path,
                    g_strerror(errno));
        return FALSE;
    }
    for (gsize i = 0; i < sizeof key; i++)
        length += (gsize)g_snprintf(text + length, sizeof text - length, "%02x", key[i]);
    text[length++] = '\n';
    memset(key, 0, sizeof key);
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 || write(fd, text, length) != (ssize_t)length || fsync(fd) != 0) {
        int saved = errno;

        if (fd >= 0) {
            close(fd);
            unlink(path);
        }
        memset(text, 0, sizeof text);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot create: %s", path,
                    g_strerror(saved));
        return FALSE;
    }
    memset(text, 0, sizeof text);
    close(fd);
    return TRUE;
}

/**
 * rota_feed_writer_set_secret_file:
 * @writer: a writer
 * @path: the key file
 * @error: return location for a #GError, or %NULL
 *
 * Reads the secret key from @path: the file's bytes, without trailing
 * white space, at least 16 of them.  When @path does not exist, a new key
 * (32 random bytes written as 64 hex digits) is created there with mode
 * 0600.  Keep the file outside the published folder.
 *
 * Returns: %TRUE on success; ROTA_ERROR_IO or ROTA_ERROR_INVALID otherwise.
 * Since: 0.1
 */
gboolean
rota_feed_writer_set_secret_file(RotaFeedWriter *writer, const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;

    g_return_val_if_fail(writer != NULL && path != NULL, FALSE);
    if (!g_file_test(path, G_FILE_TEST_EXISTS) && !create_secret_file(path, error))
        return FALSE;
    if (!rotap_read_file(path, &data, &length, error))
        return FALSE;
    while (length > 0 && g_ascii_isspace(data[length - 1]))
        length--;
    if (length < MIN_SECRET_BYTES) {
        memset(data, 0, length);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    "%s: a secret key needs at least %d bytes", path, MIN_SECRET_BYTES);
        return FALSE;
    }
    rota_feed_writer_set_secret(writer, (const guint8 *)data, length);
    memset(data, 0, length);
    return TRUE;
}

/**
 * rota_feed_writer_set_now:
 * @writer: a writer
 * @now: (nullable): the publication time, or %NULL for the current time
 *
 * The time written as DTSTAMP and LAST-MODIFIED of new or changed events
 * and from which cancelled events age; fixed in tests for golden files.
 *
 * Since: 0.1
 */
void
rota_feed_writer_set_now(RotaFeedWriter *writer, GDateTime *now)
{
    g_return_if_fail(writer != NULL);
    if (writer->now != NULL)
        g_date_time_unref(writer->now);
    writer->now = now != NULL ? g_date_time_ref(now) : NULL;
}

/**
 * rota_feed_writer_set_keep_cancelled:
 * @writer: a writer
 * @days: how many days a cancelled event stays published (default 30)
 *
 * Counted from the publication that first cancelled the event.  The last
 * event of a feed stays even longer, so that no feed ever becomes empty.
 *
 * Since: 0.1
 */
void
rota_feed_writer_set_keep_cancelled(RotaFeedWriter *writer, int days)
{
    g_return_if_fail(writer != NULL && days >= 0);
    writer->keep_cancelled_days = days;
}

/**
 * rota_feed_writer_set_previous_dir:
 * @writer: a writer
 * @dir: (nullable): the folder of the previous publication, or %NULL
 *
 * Where the ledger of the previous publication is read; by default the
 * output folder itself.
 *
 * Since: 0.1
 */
void
rota_feed_writer_set_previous_dir(RotaFeedWriter *writer, const char *dir)
{
    g_return_if_fail(writer != NULL);
    g_free(writer->previous_dir);
    writer->previous_dir = g_strdup(dir);
}

/* Ids become file names: bytes other than ASCII letters, digits, '-' and
 * '_' (and a leading '.') are written "~XX", so that distinct ids give
 * distinct names and none escapes its folder. */
static void
append_file_name(GString *out, const char *id)
{
    for (const char *p = id; *p != '\0'; p++) {
        guchar c = (guchar)*p;

        if (g_ascii_isalnum(c) || c == '-' || c == '_' || (c == '.' && p != id))
            g_string_append_c(out, (char)c);
        else
            g_string_append_printf(out, "~%02X", c);
    }
}

/* The unguessable part of a personal feed name: the first 24 hex digits
 * (96 bits) of HMAC-SHA256(secret, person id). */
char *
rotap_feed_token(const RotaFeedWriter *writer, const char *person_id)
{
    g_autofree char *hmac =
        g_compute_hmac_for_data(G_CHECKSUM_SHA256, writer->secret, writer->secret_length,
                                (const guchar *)person_id, strlen(person_id));

    return g_strndup(hmac, 24);
}

/**
 * rota_feed_writer_dup_person_path:
 * @writer: a writer with a secret key
 * @person: a person index of the model
 *
 * The path of the person's feed relative to DIR/feeds, the published
 * folder of an export into DIR, such as
 * "person/P0003-0123456789abcdef01234567.ics": the URL path of the feed
 * under wherever DIR/feeds is served.  index.json gives the same paths.
 *
 * Returns: (transfer full) (nullable): the path (g_free() it), or %NULL
 *   when no secret key is set.
 * Since: 0.1
 */
char *
rota_feed_writer_dup_person_path(RotaFeedWriter *writer, int person)
{
    g_autofree char *token = NULL;
    GString *path;

    g_return_val_if_fail(writer != NULL, NULL);
    g_return_val_if_fail(person >= 0 && person < writer->model->n_people, NULL);
    if (writer->secret == NULL)
        return NULL;
    token = rotap_feed_token(writer, writer->model->people[person].id);
    path = g_string_new("person/");
    append_file_name(path, writer->model->people[person].id);
    g_string_append_printf(path, "-%s.ics", token);
    return g_string_free(path, FALSE);
}

static char *
readable_path(const char *folder, const char *id)
{
    GString *path = g_string_new(folder);

    g_string_append_c(path, '/');
    append_file_name(path, id);
    g_string_append(path, ".ics");
    return g_string_free(path, FALSE);
}

/**
 * rota_feed_writer_dup_unit_path:
 * @writer: a writer
 * @unit: a unit index of the model
 *
 * The path of the unit's feed relative to DIR/feeds, the published folder
 * of an export into DIR, such as "unit/U001.ics" (its URL path there).
 *
 * Returns: (transfer full): the path; g_free() it.
 * Since: 0.1
 */
char *
rota_feed_writer_dup_unit_path(RotaFeedWriter *writer, int unit)
{
    g_return_val_if_fail(writer != NULL, NULL);
    g_return_val_if_fail(unit >= 0 && unit < writer->model->n_units, NULL);
    return readable_path("unit", writer->model->units[unit].id);
}

/**
 * rota_feed_writer_dup_segment_path:
 * @writer: a writer
 * @segment: a segment index of the model
 *
 * The path of the segment's public duty board relative to DIR/feeds, the
 * published folder of an export into DIR, such as "segment/S001.ics" (its
 * URL path there).
 *
 * Returns: (transfer full): the path; g_free() it.
 * Since: 0.1
 */
char *
rota_feed_writer_dup_segment_path(RotaFeedWriter *writer, int segment)
{
    g_return_val_if_fail(writer != NULL, NULL);
    g_return_val_if_fail(segment >= 0 && segment < writer->model->n_segments, NULL);
    return readable_path("segment", writer->model->segments[segment].id);
}
