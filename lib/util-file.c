/* SPDX-License-Identifier: MIT */
/* util-file.c: whole-file reads and atomic whole-file writes. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

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
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO,
                    "ROTA_MAX_INPUT=%s: expected a size in bytes such as 1000000 or 512M",
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
    g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot read: %s", path,
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

        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot read: %s", path,
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

/*
 * The temporary file lives in the target's directory so that rename() is
 * atomic; it is fsync'ed before the rename so that a crash leaves either
 * the old file or the complete new one, never a torn one.  A new file gets
 * mode 0644 less the umask, like any file the user creates.
 */
gboolean
rotap_write_file_atomic(const char *path, const char *data, gsize length,
                        GError **error)
{
    g_autofree char *tmp = g_strdup_printf("%s.XXXXXX", path);
    int fd = g_mkstemp_full(tmp, O_WRONLY, 0644);
    mode_t mask;
    int saved;

    if (fd < 0) {
        saved = errno;
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot create: %s", path,
                    g_strerror(saved));
        return FALSE;
    }
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !write_all(fd, data, length) ||
        fsync(fd) != 0) {
        saved = errno;
        close(fd);
        g_unlink(tmp);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot write: %s", path,
                    g_strerror(saved));
        return FALSE;
    }
    if (close(fd) != 0 || g_rename(tmp, path) != 0) {
        saved = errno;
        g_unlink(tmp);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot write: %s", path,
                    g_strerror(saved));
        return FALSE;
    }
    return TRUE;
}
