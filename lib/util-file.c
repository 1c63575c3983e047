/* SPDX-License-Identifier: MIT */
/* util-file.c: whole-file reads and atomic whole-file writes. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n-private.h"
#include "util-private.h"

/* The input size cap without ROTA_MAX_INPUT. */
#define DEFAULT_MAX_INPUT ((guint64)256 << 20)

/*
 * The most bytes one input file may hold: ROTA_MAX_INPUT (bytes, or with
 * a K, M or G suffix of 1024s), else 256 MB.  A bad value is an error
 * rather than no limit.
 */
gboolean
rotap_max_input(guint64 *limit, GError **error)
{
    const char *text = g_getenv("ROTA_MAX_INPUT");
    char *end = NULL;
    guint64 value;
    int shift = 0;

    *limit = DEFAULT_MAX_INPUT;
    if (text == NULL || *text == '\0')
        return TRUE;
    errno = 0;
    value = g_ascii_strtoull(text, &end, 10);
    if (end != text && *end != '\0' && end[1] == '\0')
        shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20
              : *end == 'G' || *end == 'g' ? 30 : -1;
    if (end == text || errno != 0 || shift < 0 || (shift == 0 && *end != '\0') ||
        value == 0 || value > (G_MAXUINT64 >> 30)) {
        g_set_error(
            error, ROTA_ERROR, ROTA_ERROR_IO,
            _("ROTA_MAX_INPUT=%s: expected a size in bytes such as 1000000 or 512M"),
            text);
        return FALSE;
    }
    *limit = value << shift;
    return TRUE;
}

static gboolean
read_error(FILE *file, GString *buffer, const char *path, int saved, GError **error)
{
    fclose(file);
    g_string_free(buffer, TRUE);
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot read: %s"), path,
                g_strerror(saved));
    return FALSE;
}

/*
 * Reads with stdio rather than g_file_get_contents() so that the message
 * carries the system's own reason ("No such file or directory") after the
 * path, in the same shape as every other rota message.  The buffer is NUL
 * terminated for the text parsers.  The size cap (rotap_max_input()) is
 * checked while reading, so /dev/zero or a FIFO stops there; a regular
 * file's buffer is sized once from its length.
 */
gboolean
rotap_read_file(const char *path, char **data, gsize *length, GError **error)
{
    FILE *file;
    GString *buffer;
    char chunk[65536];
    size_t n;
    guint64 limit;
    struct stat st;

    if (!rotap_max_input(&limit, error))
        return FALSE;
    file = fopen(path, "rb");
    if (file == NULL) {
        int saved = errno;

        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot read: %s"), path,
                    g_strerror(saved));
        return FALSE;
    }
    if (fstat(fileno(file), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        (guint64)st.st_size <= limit)
        buffer = g_string_sized_new((gsize)st.st_size + 1);
    else
        buffer = g_string_new(NULL);
    while ((n = fread(chunk, 1, sizeof chunk, file)) > 0) {
        if ((guint64)buffer->len + n > limit) {
            fclose(file);
            g_string_free(buffer, TRUE);
            g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO,
                        "%s: larger than the input limit of %" G_GUINT64_FORMAT
                        " bytes (ROTA_MAX_INPUT raises it)",
                        path, limit);
            return FALSE;
        }
        g_string_append_len(buffer, chunk, (gssize)n);
    }
    if (ferror(file))
        return read_error(file, buffer, path, errno, error);
    fclose(file);
    *length = buffer->len;
    *data = g_string_free(buffer, FALSE);
    return TRUE;
}

static gboolean
write_all(int fd, const char *data, gsize length)
{
    while (length > 0) {
        ssize_t n = write(fd, data, length);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return FALSE;
        data += n;
        length -= (gsize)n;
    }
    return TRUE;
}

/* Where path finally points: symlinks followed (relative ones from their
 * folder), at most 40 deep like the kernel.  A dangling link gives the
 * missing target, which the write then creates. */
static char *
resolve_links(const char *path)
{
    char *current = g_strdup(path);

    for (int depth = 0; depth < 40; depth++) {
        char *target = g_file_read_link(current, NULL);
        char *next;

        if (target == NULL)
            break;
        if (g_path_is_absolute(target)) {
            next = target;
        } else {
            g_autofree char *dir = g_path_get_dirname(current);

            next = g_build_filename(dir, target, NULL);
            g_free(target);
        }
        g_free(current);
        current = next;
    }
    return current;
}

/* An existing output that is not a regular file (a device such as
 * /dev/full or /dev/stdout, a FIFO) is written in place, never replaced:
 * renaming over it would swap the node for a plain file. */
static gboolean
write_in_place(const char *path, const char *data, gsize length, GError **error)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    int saved;

    if (fd < 0 || !write_all(fd, data, length)) {
        saved = errno;
        if (fd >= 0)
            close(fd);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot write: %s"), path,
                    g_strerror(saved));
        return FALSE;
    }
    if (close(fd) != 0) {
        saved = errno;
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot write: %s"), path,
                    g_strerror(saved));
        return FALSE;
    }
    return TRUE;
}

/* The prefix of the temporary files for target: ".NAME.rota-tmp-", hidden,
 * then the writer's process id and six random characters. */
static char *
temp_prefix(const char *target)
{
    g_autofree char *base = g_path_get_basename(target);

    return g_strdup_printf(".%s.rota-tmp-", base);
}

/* Temporary files of target whose writer is gone (killed between create
 * and rename) are removed; those of a live process are left alone. */
static void
remove_dead_temps(const char *folder, const char *prefix)
{
    GDir *dir = g_dir_open(folder, 0, NULL);
    const char *name;
    gsize n = strlen(prefix);

    while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
        char *end = NULL;
        gint64 pid;
        g_autofree char *child = NULL;

        if (strncmp(name, prefix, n) != 0)
            continue;
        pid = g_ascii_strtoll(name + n, &end, 10);
        if (end == name + n || *end != '-' || pid <= 0 || pid > G_MAXINT)
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue; /* its writer lives (or is another user's) */
        child = g_build_filename(folder, name, NULL);
        g_unlink(child);
    }
    if (dir != NULL)
        g_dir_close(dir);
}

/*
 * Replace target with data through a temporary file in folder (target's
 * own folder, or a staging folder on the same file system), renamed over
 * target: a crash leaves the old file or the complete new one, never a
 * torn one.  sync: fsync before the rename.  mode 0 means 0666 less the
 * umask, like any file the user creates.
 */
static gboolean
replace_file(const char *target, const char *folder, const char *data, gsize length,
             gboolean sync, mode_t mode, GError **error)
{
    g_autofree char *prefix = temp_prefix(target);
    g_autofree char *tmp = NULL;
    int fd, saved;

    remove_dead_temps(folder, prefix);
    tmp = g_strdup_printf("%s/%s%ld-XXXXXX", folder, prefix, (long)getpid());
    fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0) {
        saved = errno;
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot create: %s"), target,
                    g_strerror(saved));
        return FALSE;
    }
    if (mode == 0) {
        mode_t mask = umask(0);

        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0 || !write_all(fd, data, length) ||
        (sync && fsync(fd) != 0)) {
        saved = errno;
        close(fd);
        g_unlink(tmp);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot write: %s"), target,
                    g_strerror(saved));
        return FALSE;
    }
    if (close(fd) != 0 || g_rename(tmp, target) != 0) {
        saved = errno;
        g_unlink(tmp);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, _("%s: cannot write: %s"), target,
                    g_strerror(saved));
        return FALSE;
    }
    return TRUE;
}

/*
 * Write path safely: a symlink is followed and its target replaced
 * atomically (the link stays a link); an existing device or FIFO is
 * written in place; a regular file (or none) is replaced through a
 * temporary file beside it, fsync'ed first.  Temporary files of writers
 * killed midway are removed by the next write of the same file.
 */
gboolean
rotap_write_file_atomic(const char *path, const char *data, gsize length,
                        GError **error)
{
    g_autofree char *target = resolve_links(path);
    g_autofree char *folder = g_path_get_dirname(target);
    struct stat st;

    if (stat(target, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return write_in_place(target, data, length, error);
    return replace_file(target, folder, data, length, TRUE, 0, error);
}

gboolean
rotap_write_file_staged(const char *path, const char *staging, const char *data,
                        gsize length, gboolean sync, GError **error)
{
    return replace_file(path, staging, data, length, sync, 0644, error);
}
