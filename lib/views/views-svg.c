/* SPDX-License-Identifier: MIT */
/* views-svg.c: drawings of the site as inline SVG: QR codes (libqrencode) and bar charts. */
#include "views/views-html-private.h"

#include <qrencode.h>
#include <string.h>

#define QUIET_ZONE 4 /* modules of white around a QR code, as the standard asks */

/* The dark modules as one stroked path: per row a move to the middle of
 * its first run, then "h" strokes for runs and relative moves over gaps,
 * which keeps a code of a typical feed URL near 4 kB. */
static void
append_modules(GString *out, const QRcode *qr)
{
    g_string_append(out, "<path stroke=\"#000\" stroke-width=\"1\" d=\"");
    for (int y = 0; y < qr->width; y++) {
        int pen = -1; /* x where the last stroke ended, -1 before the first */

        for (int x = 0; x < qr->width; x++) {
            int run = 0;

            while (x + run < qr->width && (qr->data[y * qr->width + x + run] & 1))
                run++;
            if (run == 0)
                continue;
            if (pen < 0)
                g_string_append_printf(out, "M%d %d.5", x + QUIET_ZONE, y + QUIET_ZONE);
            else
                g_string_append_printf(out, "m%d 0", x - pen);
            g_string_append_printf(out, "h%d", run);
            pen = x + run;
            x += run;
        }
    }
    g_string_append(out, "\"/>");
}

gboolean
rotap_svg_qr(RotapSite *site, GString *out, const char *text, int size_mm)
{
    QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    int side;

    if (qr == NULL)
        return FALSE;
    side = qr->width + 2 * QUIET_ZONE;
    g_string_append_printf(out,
                           "<svg class=\"qr\" viewBox=\"0 0 %d %d\" "
                           "style=\"width:%dmm;height:%dmm\" role=\"img\" "
                           "aria-label=\"二维码\"><rect width=\"%d\" height=\"%d\" "
                           "fill=\"#fff\"/>",
                           side, side, size_mm, size_mm, side, side);
    append_modules(out, qr);
    g_string_append(out, "</svg>");
    QRcode_free(qr);
    site->qr_codes++;
    return TRUE;
}

#define BAR_W 24
#define PLOT_H 160
#define LEFT 40
#define TOP 28
#define BOTTOM 22

static void
append_axis(GString *out, int width, int top_value)
{
    for (int k = 0; k <= 4; k++) {
        int y = TOP + PLOT_H - PLOT_H * k / 4;

        g_string_append_printf(out,
                               "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                               "stroke=\"#ccc\" stroke-width=\"1\"/>"
                               "<text x=\"%d\" y=\"%d\" font-size=\"11\" "
                               "text-anchor=\"end\">%d</text>",
                               LEFT, y, width - 4, y, LEFT - 4, y + 4,
                               (top_value * k + 2) / 4);
    }
}

static void
append_legend(GString *out, int n_series, const char *const *colours,
              const char *const *names)
{
    for (int k = 0; k < n_series; k++) {
        g_string_append_printf(out,
                               "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" "
                               "fill=\"%s\"/><text x=\"%d\" y=\"17\" font-size=\"13\">",
                               LEFT + 110 * k, colours[k], LEFT + 110 * k + 16);
        rotap_html_text(out, names[k]);
        g_string_append(out, "</text>");
    }
}

void
rotap_svg_bars(GString *out, const char *title, int n_x, const int *values, int n_series,
               const char *const *colours, const char *const *names,
               const char *const *labels, int label_step)
{
    int width = LEFT + n_x * BAR_W + 8, top_value = 1;

    for (int x = 0; x < n_x; x++) {
        int sum = 0;

        for (int k = 0; k < n_series; k++)
            sum += values[x * n_series + k];
        top_value = MAX(top_value, sum);
    }
    g_string_append_printf(out,
                           "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                           "aria-label=\"",
                           width, TOP + PLOT_H + BOTTOM);
    rotap_html_text(out, title);
    g_string_append(out, "\">");
    append_axis(out, width, top_value);
    append_legend(out, n_series, colours, names);
    for (int x = 0; x < n_x; x++) {
        double y = TOP + PLOT_H;

        for (int k = 0; k < n_series; k++) {
            double h = (double)PLOT_H * values[x * n_series + k] / top_value;

            if (h <= 0)
                continue;
            y -= h;
            g_string_append_printf(out,
                                   "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
                                   "fill=\"%s\"/>",
                                   LEFT + x * BAR_W + 2, y, BAR_W - 4, h, colours[k]);
        }
        if (x % label_step == 0) {
            g_string_append_printf(out,
                                   "<text x=\"%d\" y=\"%d\" font-size=\"11\" "
                                   "text-anchor=\"middle\">",
                                   LEFT + x * BAR_W + BAR_W / 2, TOP + PLOT_H + 15);
            rotap_html_text(out, labels[x]);
            g_string_append(out, "</text>");
        }
    }
    g_string_append(out, "</svg>\n");
}

void
rotap_svg_range(GString *out, double lo, double hi, double top)
{
    const double w = 200;
    double x0 = top > 0 ? w * lo / top : 0, x1 = top > 0 ? w * hi / top : 0;

    g_string_append_printf(out,
                           "<svg viewBox=\"0 0 %.0f 12\" width=\"%.0f\" height=\"12\" "
                           "role=\"img\" aria-label=\"%.1f–%.1f\">"
                           "<rect width=\"%.0f\" height=\"12\" fill=\"#eee\"/>"
                           "<rect x=\"%.1f\" y=\"2\" width=\"%.1f\" height=\"8\" "
                           "fill=\"#1565c0\"/></svg>",
                           w, w, lo, hi, w, x0, MAX(x1 - x0, 1.5));
}
