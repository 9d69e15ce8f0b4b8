/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reseau-test-utils.h — helpers for in-process GTK tests run under isolated.py --display
 *
 * They drive a real X server (Xvfb) with real pointer events through xdotool, so
 * what they exercise is what a person's mouse would. They need GDK_BACKEND=x11.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns whether @cond (called with @data) became TRUE within @timeout_ms while
 * the default main context kept iterating. @cond is checked before waiting. */
gboolean reseau_test_iterate_until      (gboolean   (*cond) (gpointer data),
                                         gpointer     data,
                                         guint        timeout_ms);

/* Waits (up to 5 s) until @widget is mapped, its surface is shown by the X
 * server and one frame has been painted. Returns FALSE on timeout. */
gboolean reseau_test_wait_for_mapped    (GtkWidget   *widget);

/* Translates (@x, @y) in @widget's coordinates into X root-window pixels.
 * The window origin is measured from the pointer, as seen both by the X server
 * (xdotool getmouselocation) and by GDK, so no window manager is needed. */
gboolean reseau_test_widget_root_point  (GtkWidget   *widget,
                                         double       x,
                                         double       y,
                                         int         *root_x,
                                         int         *root_y);

/* Runs `xdotool ARGV…` asynchronously while the main context keeps iterating,
 * so GTK sees the events as they happen. Returns whether xdotool succeeded. */
gboolean reseau_test_xdotool            (const char * const *argv);

/* A left click at the centre of @widget. */
gboolean reseau_test_click              (GtkWidget   *widget);

/* A real pointer drag from the centre of @from to the centre of @to: press,
 * ten intermediate moves with short pauses (fewer are not recognised as a drag
 * by GTK4), release; with @shift held throughout when asked. It returns once
 * xdotool is done; the drop itself may complete a little later, so wait for
 * its effect with reseau_test_iterate_until(). */
gboolean reseau_test_drag               (GtkWidget   *from,
                                         GtkWidget   *to,
                                         gboolean     shift);

/* The same drag from the centre of @from to (@to_x, @to_y) in X root-window pixels, e.g.
 * onto another X client's window; no Shift. */
gboolean reseau_test_drag_to_point      (GtkWidget   *from,
                                         int          to_x,
                                         int          to_y);

/* Where the visible X window titled exactly @title is, in root-window pixels (e.g. another
 * X client a test started), waiting for it to appear. Returns FALSE if xdotool fails. */
gboolean reseau_test_x_window_geometry  (const char  *title,
                                         int         *x,
                                         int         *y,
                                         int         *width,
                                         int         *height);

/* `xdotool key KEYS…` (e.g. "shift+F10" or "ctrl+a BackSpace": space-separated) and
 * `xdotool type TEXT`: real key presses. */
gboolean reseau_test_keys               (const char  *keys);
gboolean reseau_test_type               (const char  *text);

/* Keeps the main context iterating for @ms milliseconds, e.g. for animations to end. */
void     reseau_test_settle             (guint        ms);

/* The first widget under @root (itself included), depth first, for which @match is TRUE. */
GtkWidget *reseau_test_find_widget      (GtkWidget   *root,
                                         gboolean   (*match) (GtkWidget *widget, gconstpointer data),
                                         gconstpointer data);

/* Renders @widget (a window or any mapped widget) into a PNG at @png_path.
 * A relative @png_path is taken inside $RESEAU_TEST_SCREENSHOT_DIR, and nothing
 * is saved when that variable is unset. Returns whether a file was written; a
 * rendering or writing failure also marks the running test as failed. */
gboolean reseau_test_save_screenshot    (GtkWidget   *widget,
                                         const char  *png_path);

G_END_DECLS
