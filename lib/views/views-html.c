/* SPDX-License-Identifier: MIT */
/* views-html.c: the static site: its writer, the page frame, and writing the pages out.
 */
#include "views/views-html-private.h"
#include "util-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* One style sheet for every page, inline so that a page loads nothing. */
static const char base_css[] =
    "*{box-sizing:border-box}"
    "body{margin:0 auto;max-width:1120px;padding:16px;color:#1a1a1a;line-height:1.45;"
    "font-size:15px;font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\","
    "\"PingFang SC\",\"Microsoft YaHei\",sans-serif}"
    "h1{font-size:1.6em;margin:.2em 0}"
    "h2{font-size:1.2em;margin:1.1em 0 .4em;border-bottom:2px solid #b71c1c}"
    "table{border-collapse:collapse;margin:.4em 0}"
    "th,td{border:1px solid #999;padding:2px 6px;vertical-align:top}"
    "th{background:#eef3f8;text-align:left}"
    "td.n{text-align:right}"
    "a{color:#0b4f9c}"
    "nav{margin:.4em 0 .8em}"
    ".muted{color:#555;font-size:.9em}"
    ".rest{background:#e8e8e8}"
    ".miss{background:#f8cbad;font-weight:bold}"
    ".bad{color:#b71c1c;font-weight:bold}"
    "svg.chart{width:100%;height:auto;max-width:1000px}"
    "svg.qr{display:block;shape-rendering:crispEdges}"
    "ul.links{columns:4;padding-left:1.2em}"
    "@media print{body{max-width:none;padding:0;font-size:10.5pt}"
    "nav,.noprint{display:none}a{color:inherit;text-decoration:none}"
    "h2{break-after:avoid}tr{break-inside:avoid}}";

GString *
rotap_page_new(const char *title, RotapPageSize size, const char *css)
{
    GString *page = g_string_new("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                                 "<meta charset=\"utf-8\">\n"
                                 "<meta name=\"viewport\" content=\"width=device-width, "
                                 "initial-scale=1\">\n<title>");

    rotap_html_text(page, title);
    g_string_append_printf(
        page,
        "</title>\n<style>%s@page{size:A4 %s;margin:%s}%s</style>\n"
        "</head>\n<body>\n",
        base_css, size == ROTAP_PAGE_PORTRAIT ? "portrait" : "landscape",
        size == ROTAP_PAGE_PORTRAIT ? "12mm" : "8mm", css != NULL ? css : "");
    return page;
}

void
rotap_site_add(RotapSite *site, const char *path, GString *page)
{
    g_string_append(page, "</body>\n</html>\n");
    g_ptr_array_add(site->paths, g_strdup(path));
    g_ptr_array_add(site->pages, page);
}

void
rotap_html_text(GString *out, const char *text)
{
    for (const char *p = text; *p != '\0'; p++) {
        switch (*p) {
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '"':
            g_string_append(out, "&quot;");
            break;
        default:
            g_string_append_c(out, *p);
            break;
        }
    }
}

/* The stem of a feed path such as "unit/U001.ics": "U001", the id made
 * safe for a file name the way the feeds' names are. */
static char *
stem_of(char *path)
{
    const char *slash = strrchr(path, '/');
    char *stem = g_strdup(slash != NULL ? slash + 1 : path);

    if (g_str_has_suffix(stem, ".ics"))
        stem[strlen(stem) - 4] = '\0';
    g_free(path);
    return stem;
}

char *
rotap_site_unit_stem(const RotapSite *site, int unit)
{
    return stem_of(rota_feed_writer_dup_unit_path(site->writer->feeds, unit));
}

char *
rotap_site_segment_stem(const RotapSite *site, int segment)
{
    return stem_of(rota_feed_writer_dup_segment_path(site->writer->feeds, segment));
}

char *
rotap_site_short_date(const RotaModel *model, int day)
{
    GDate date = model->start;

    g_date_add_days(&date, (guint)day);
    return g_strdup_printf("%d月%d日", g_date_get_month(&date), g_date_get_day(&date));
}

/**
 * rota_site_writer_new:
 * @model: the model whose rosters the site will show
 *
 * A writer of the static site (docs/views.md) for rosters of @model:
 * without QR codes until rota_site_writer_set_feeds_url() is called, the
 * signs showing the current week until rota_site_writer_set_now().
 *
 * Returns: (transfer full): a new writer; free with rota_site_writer_free().
 * Since: 0.2
 */
RotaSiteWriter *
rota_site_writer_new(RotaModel *model)
{
    RotaSiteWriter *writer;

    g_return_val_if_fail(model != NULL, NULL);
    writer = g_new0(RotaSiteWriter, 1);
    writer->model = rota_model_ref(model);
    writer->feeds = rota_feed_writer_new(model);
    return writer;
}

/**
 * rota_site_writer_free:
 * @writer: (nullable): a writer
 *
 * Releases @writer.
 *
 * Since: 0.2
 */
void
rota_site_writer_free(RotaSiteWriter *writer)
{
    if (writer == NULL)
        return;
    if (!rotap_extra_unref(&writer->extra_refs))
        return;
    rota_feed_writer_free(writer->feeds);
    if (writer->now != NULL)
        g_date_time_unref(writer->now);
    g_free(writer->feeds_url);
    rota_model_unref(writer->model);
    g_free(writer);
}

/* The copy function of the boxed type: one more reference. */
static RotaSiteWriter *
box_site_writer_ref(RotaSiteWriter *writer)
{
    rotap_extra_ref(&writer->extra_refs);
    return writer;
}

G_DEFINE_BOXED_TYPE(RotaSiteWriter, rota_site_writer, box_site_writer_ref, rota_site_writer_free)

/**
 * rota_site_writer_set_now:
 * @writer: a writer
 * @now: (nullable): the time whose week the road-chief signs show, or
 *   %NULL for the current time at writing
 *
 * Fixes "now" for reproducible output.  The signs show the ISO week (Monday
 * to Sunday, in the model's time zone) of @now; when @now is outside the
 * horizon, the first or the last week of the horizon.
 *
 * Since: 0.2
 */
void
rota_site_writer_set_now(RotaSiteWriter *writer, GDateTime *now)
{
    g_return_if_fail(writer != NULL);
    if (writer->now != NULL)
        g_date_time_unref(writer->now);
    writer->now = now != NULL ? g_date_time_ref(now) : NULL;
}

/**
 * rota_site_writer_set_feeds_url:
 * @writer: a writer
 * @url: (nullable): the http or https URL under which the folder DIR of
 *   the export is published (DIR/feeds/... at URL/feeds/...), or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * With a URL, each road-chief sign carries a QR code of its segment's feed
 * and each unit page its members' subscription slips with QR codes of
 * their personal feeds (which need rota_site_writer_set_secret_file()).
 * A missing final '/' is added.
 *
 * Returns: %TRUE; %FALSE with ROTA_ERROR_INVALID when @url is not an http
 *   or https URL.
 * Since: 0.2
 */
gboolean
rota_site_writer_set_feeds_url(RotaSiteWriter *writer, const char *url, GError **error)
{
    g_return_val_if_fail(writer != NULL, FALSE);
    if (url != NULL &&
        ((!g_str_has_prefix(url, "http://") && !g_str_has_prefix(url, "https://")) ||
         strpbrk(url, " \t\r\n\"<>") != NULL)) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    "expected an http:// or https:// URL without spaces, found \"%s\"",
                    url);
        return FALSE;
    }
    g_free(writer->feeds_url);
    writer->feeds_url = url == NULL                  ? NULL
                        : g_str_has_suffix(url, "/") ? g_strdup(url)
                                                     : g_strconcat(url, "/", NULL);
    return TRUE;
}

/**
 * rota_site_writer_set_secret_file:
 * @writer: a writer
 * @path: the secret key file of the personal feed names
 * @error: return location for a #GError, or %NULL
 *
 * Reads (or, when missing, creates) the key as
 * rota_feed_writer_set_secret_file() does, so that the personal feed URLs
 * on the subscription slips are those that 'rota export ics' publishes
 * with the same key.
 *
 * Returns: %TRUE on success; %FALSE with ROTA_ERROR_IO otherwise.
 * Since: 0.2
 */
gboolean
rota_site_writer_set_secret_file(RotaSiteWriter *writer, const char *path, GError **error)
{
    g_return_val_if_fail(writer != NULL && path != NULL, FALSE);
    if (!rota_feed_writer_set_secret_file(writer->feeds, path, error))
        return FALSE;
    writer->has_secret = TRUE;
    return TRUE;
}

/* The day index of now in the model's zone, clamped to the horizon, and
 * the days of its ISO week inside the horizon. */
static void
find_week(const RotaSiteWriter *w, int *first, int *last)
{
    const RotaModel *m = w->model;
    g_autoptr(GTimeZone) named = g_time_zone_new_identifier(m->timezone);
    g_autoptr(GTimeZone) zone =
        named != NULL ? g_time_zone_ref(named) : g_time_zone_new_utc();
    g_autoptr(GDateTime) now =
        w->now != NULL ? g_date_time_ref(w->now) : g_date_time_new_now_utc();
    g_autoptr(GDateTime) local = g_date_time_to_timezone(now, zone);
    GDate today;
    int day;

    g_date_clear(&today, 1);
    g_date_set_dmy(&today, (GDateDay)g_date_time_get_day_of_month(local),
                   (GDateMonth)g_date_time_get_month(local),
                   (GDateYear)g_date_time_get_year(local));
    day = g_date_days_between(&m->start, &today);
    day = CLAMP(day, 0, m->n_days - 1);
    *first = MAX(0, day - (m->weekday[day] - 1));
    *last = MIN(m->n_days - 1, day + (7 - m->weekday[day]));
}

/* Replace file atomically: readers see the old page or the new one.
 * Without fsync: a page is remade by exporting again, and syncing a few
 * hundred files would take the export's whole time. */
static gboolean
replace_file(const char *file, const GString *page, GError **error)
{
    g_autofree char *tmp = g_strconcat(file, ".tmp-XXXXXX", NULL);
    int fd = g_mkstemp_full(tmp, O_WRONLY, 0644);
    gsize done = 0;
    int saved = 0;

    if (fd < 0) {
        saved = errno;
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot create: %s", file,
                    g_strerror(saved));
        return FALSE;
    }
    while (done < page->len && saved == 0) {
        gssize n = write(fd, page->str + done, page->len - done);

        if (n < 0 && errno != EINTR)
            saved = errno;
        else if (n > 0)
            done += (gsize)n;
    }
    if (close(fd) != 0 && saved == 0)
        saved = errno;
    if (saved == 0 && g_rename(tmp, file) != 0)
        saved = errno;
    if (saved == 0)
        return TRUE;
    (void)g_unlink(tmp);
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot write: %s", file,
                g_strerror(saved));
    return FALSE;
}

static gboolean
write_page(const char *dir, const char *path, const GString *page, GError **error)
{
    g_autofree char *file = g_build_filename(dir, path, NULL);
    g_autofree char *folder = g_path_get_dirname(file);

    if (g_mkdir_with_parents(folder, 0755) != 0) {
        int saved = errno;

        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "cannot create %s: %s", folder,
                    g_strerror(saved));
        return FALSE;
    }
    return replace_file(file, page, error);
}

/* Pages of an earlier export that this one did not write (a segment, unit
 * or day that left the model) are removed from the page folders. */
static void
remove_stale(const char *dir, GHashTable *written)
{
    static const char *const folders[] = {"public/segment", "internal/unit",
                                          "internal/day"};

    for (gsize i = 0; i < G_N_ELEMENTS(folders); i++) {
        g_autofree char *folder = g_build_filename(dir, folders[i], NULL);
        g_autoptr(GDir) listing = g_dir_open(folder, 0, NULL);
        const char *name;

        while (listing != NULL && (name = g_dir_read_name(listing)) != NULL) {
            g_autofree char *path = g_strconcat(folders[i], "/", name, NULL);
            g_autofree char *file = g_build_filename(folder, name, NULL);

            if (g_str_has_suffix(name, ".html") && !g_hash_table_contains(written, path))
                (void)g_unlink(file);
        }
    }
}

static gboolean
write_site(const RotapSite *site, const char *dir, RotaSiteStats *stats, GError **error)
{
    g_autoptr(GHashTable) written = g_hash_table_new(g_str_hash, g_str_equal);

    for (guint i = 0; i < site->pages->len; i++) {
        const GString *page = g_ptr_array_index(site->pages, i);
        const char *path = g_ptr_array_index(site->paths, i);

        if (!write_page(dir, path, page, error))
            return FALSE;
        g_hash_table_add(written, (gpointer)path);
        stats->pages++;
        stats->bytes += (gint64)page->len;
    }
    remove_stale(dir, written);
    return TRUE;
}

static void
free_page(gpointer page)
{
    g_string_free(page, TRUE);
}

/**
 * rota_site_writer_write:
 * @writer: a writer
 * @roster: a roster of the writer's model
 * @dir: the folder to write into (created when missing)
 * @stats: (out caller-allocates) (optional): what was written
 * @error: return location for a #GError, or %NULL
 *
 * Writes the site: DIR/public/index.html (the segments by grid),
 * DIR/public/segment/ID.html (each segment's road-chief sign: chief, unit
 * and head, the supervision hotline, the week's duty team per day, a QR
 * code of its feed; one A4 page), DIR/internal/index.html (coverage,
 * on-site hours, fairness, uncovered places), DIR/internal/unit/ID.html
 * (the unit's month and its members' subscription slips) and
 * DIR/internal/day/DATE.html (each day's duty sheet).  Nothing under
 * public/ names a personal feed or a phone number the model does not mark
 * public.  Every page is made before the first is written; each file is
 * replaced atomically, and pages of an earlier export that this one does
 * not make are removed.
 *
 * Returns: %TRUE on success; %FALSE with ROTA_ERROR_IO, or
 *   ROTA_ERROR_INVALID when a feeds URL is set without a secret key.
 * Since: 0.2
 */
gboolean
rota_site_writer_write(RotaSiteWriter *writer, const RotaRoster *roster, const char *dir,
                       RotaSiteStats *stats, GError **error)
{
    g_autoptr(RotapView) view = NULL;
    g_autoptr(RotaScore) score = NULL;
    RotaSiteStats local = {0};
    RotapSite site = {0};
    gboolean ok;

    g_return_val_if_fail(writer != NULL && roster != NULL && dir != NULL, FALSE);
    g_return_val_if_fail(roster->model == writer->model, FALSE);
    if (writer->feeds_url != NULL && !writer->has_secret) {
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_INVALID,
                    "a feeds URL needs the secret key of the personal feed names");
        return FALSE;
    }
    view = rotap_view_new(roster);
    score = rota_score_new(roster, NULL);
    site.writer = writer;
    site.view = view;
    site.score = score;
    site.paths = g_ptr_array_new_with_free_func(g_free);
    site.pages = g_ptr_array_new_with_free_func(free_page);
    find_week(writer, &site.week_first, &site.week_last);
    rotap_site_public(&site);
    rotap_site_internal(&site);
    for (int u = 0; u < writer->model->n_units; u++)
        rotap_site_unit(&site, u);
    ok = write_site(&site, dir, &local, error);
    local.qr_codes = site.qr_codes;
    g_ptr_array_unref(site.paths);
    g_ptr_array_unref(site.pages);
    if (stats != NULL)
        *stats = local;
    return ok;
}
