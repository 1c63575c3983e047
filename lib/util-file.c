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

/*
 * Reads with stdio rather than g_file_get_contents() so that the message
 * carries the system's own reason ("No such file or directory") after the
 * path, in the same shape as every other rota message.  The buffer is NUL
 * terminated for the text parsers.
 */
gboolean
rotap_read_file(const char *path, char **data, gsize *length, GError **error)
{
    FILE *file = fopen(path, "rb");
    GString *buffer;
    char chunk[65536];
    size_t n;

    if (file == NULL) {
        int saved = errno;

        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot read: %s", path,
                    g_strerror(saved));
        return FALSE;
    }
    buffer = g_string_new(NULL);
    while ((n = fread(chunk, 1, sizeof chunk, file)) > 0)
        g_string_append_len(buffer, chunk, (gssize)n);
    if (ferror(file)) {
        int saved = errno;

        fclose(file);
        g_string_free(buffer, TRUE);
        g_set_error(error, ROTA_ERROR, ROTA_ERROR_IO, "%s: cannot read: %s", path,
                    g_strerror(saved));
        return FALSE;
    }
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
