/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reseau-test-utils.c — helpers for in-process GTK tests
 *
 * Section order: main-loop waits, coordinates, xdotool, screenshots.
 */

#define G_LOG_DOMAIN "reseau-test-utils"

#include "config.h"

#include <stdlib.h>

#include "reseau-test-utils.h"

#define MAP_TIMEOUT_MS      5000
#define XDOTOOL_TIMEOUT_MS 15000
#define DRAG_STEPS            10

/* Main-loop waits */

typedef struct
{
  gboolean done;
} Flag;

static gboolean
timeout_cb (gpointer data)
{
  Flag *flag = data;

  flag->done = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
reseau_test_iterate_until (gboolean (*cond) (gpointer data),
                           gpointer   data,
                           guint      timeout_ms)
{
  Flag expired = { FALSE };
  guint id;
  gboolean ok;

  g_return_val_if_fail (cond != NULL, FALSE);

  id = g_timeout_add (timeout_ms, timeout_cb, &expired);
  while (!(ok = cond (data)) && !expired.done)
    g_main_context_iteration (NULL, TRUE);
  if (!expired.done)
    g_source_remove (id);

  return ok;
}

static gboolean
surface_shown (gpointer data)
{
  GtkWidget *widget = data;
  GtkNative *native;
  GdkSurface *surface;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  native = gtk_widget_get_native (widget);
  surface = native ? gtk_native_get_surface (native) : NULL;

  return surface != NULL && gdk_surface_get_mapped (surface);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  ((Flag *) data)->done = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return ((Flag *) data)->done;
}

gboolean
reseau_test_wait_for_mapped (GtkWidget *widget)
{
  GdkFrameClock *clock;
  Flag painted = { FALSE };
  gulong handler;
  gboolean ok;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!reseau_test_iterate_until (surface_shown, widget, MAP_TIMEOUT_MS))
    return FALSE;

  /* Mapped is not yet drawn: wait for a paint so that pointer events land on
   * an allocated widget tree and screenshots are not empty. */
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  ok = reseau_test_iterate_until (flag_is_set, &painted, MAP_TIMEOUT_MS);
  g_signal_handler_disconnect (clock, handler);

  return ok;
}

/* Coordinates */

static gboolean
pointer_root_position (int *x,
                       int *y)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean has_x = FALSE, has_y = FALSE;
  int status;
  const char *argv[] = { "xdotool", "getmouselocation", "--shell", NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("xdotool getmouselocation: %s", error->message);
      return FALSE;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        {
          *x = atoi (lines[i] + 2);
          has_x = TRUE;
        }
      else if (g_str_has_prefix (lines[i], "Y="))
        {
          *y = atoi (lines[i] + 2);
          has_y = TRUE;
        }
    }

  return has_x && has_y;
}

gboolean
reseau_test_widget_root_point (GtkWidget *widget,
                               double     x,
                               double     y,
                               int       *root_x,
                               int       *root_y)
{
  GtkNative *native;
  GdkSurface *surface;
  GdkDevice *pointer;
  graphene_point_t in, out;
  double transform_x, transform_y, surface_px, surface_py;
  int pointer_root_x, pointer_root_y, scale;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (root_x != NULL && root_y != NULL, FALSE);

  native = gtk_widget_get_native (widget);
  if (native == NULL || (surface = gtk_native_get_surface (native)) == NULL)
    return FALSE;

  in = GRAPHENE_POINT_INIT (x, y);
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out))
    return FALSE;
  gtk_native_get_surface_transform (native, &transform_x, &transform_y);

  /* The surface's place on the root window, without X11-specific (and, since
   * GTK 4.18, deprecated) API: the same pointer seen from both sides. */
  pointer = gdk_seat_get_pointer (gdk_display_get_default_seat (gtk_widget_get_display (widget)));
  if (!pointer_root_position (&pointer_root_x, &pointer_root_y))
    return FALSE;
  /* Its result only says whether the pointer is over the surface; the
   * position is relative to the surface either way. */
  gdk_surface_get_device_position (surface, pointer, &surface_px, &surface_py, NULL);

  scale = gdk_surface_get_scale_factor (surface);
  *root_x = pointer_root_x + (int) ((out.x + transform_x - surface_px) * scale + 0.5);
  *root_y = pointer_root_y + (int) ((out.y + transform_y - surface_py) * scale + 0.5);

  return TRUE;
}

static gboolean
widget_centre (GtkWidget *widget,
               int       *root_x,
               int       *root_y)
{
  return reseau_test_widget_root_point (widget,
                                        gtk_widget_get_width (widget) / 2.0,
                                        gtk_widget_get_height (widget) / 2.0,
                                        root_x, root_y);
}

/* xdotool */

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} SpawnState;

static void
xdotool_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  SpawnState *state = data;

  state->ok = g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &state->error);
  state->done = TRUE;
}

static gboolean
spawn_is_done (gpointer data)
{
  return ((SpawnState *) data)->done;
}

gboolean
reseau_test_xdotool (const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  SpawnState state = { FALSE, FALSE, NULL };

  g_return_val_if_fail (argv != NULL, FALSE);

  g_ptr_array_add (args, (gpointer) "xdotool");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  if (process == NULL)
    {
      g_test_message ("cannot run xdotool: %s", error->message);
      return FALSE;
    }

  /* Blocking here would starve GTK: it must process each event as it comes,
   * or it never sees the motion that starts a drag. */
  g_subprocess_wait_check_async (process, NULL, xdotool_done_cb, &state);
  if (!reseau_test_iterate_until (spawn_is_done, &state, XDOTOOL_TIMEOUT_MS))
    {
      g_test_message ("xdotool did not finish in time");
      g_subprocess_force_exit (process);
      /* The callback writes to @state on this stack frame: it must run first. */
      if (!reseau_test_iterate_until (spawn_is_done, &state, XDOTOOL_TIMEOUT_MS))
        g_error ("xdotool survived SIGKILL");
      g_clear_error (&state.error);
      return FALSE;
    }
  if (!state.ok)
    g_test_message ("xdotool failed: %s", state.error->message);
  g_clear_error (&state.error);

  return state.ok;
}

gboolean
reseau_test_click (GtkWidget *widget)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  int root_x, root_y;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!widget_centre (widget, &root_x, &root_y))
    return FALSE;
  x = g_strdup_printf ("%d", root_x);
  y = g_strdup_printf ("%d", root_y);

  return reseau_test_xdotool ((const char * const[]) {
    "mousemove", x, y, "sleep", "0.1", "click", "1", "sleep", "0.1", NULL });
}

/* Press at (@from_x, @from_y), move to (@to_x, @to_y) in DRAG_STEPS steps, release. */
static gboolean
drag_points (int      from_x,
             int      from_y,
             int      to_x,
             int      to_y,
             gboolean shift)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  if (shift)
    g_strv_builder_add_many (builder, "keydown", "shift", NULL);
  g_strv_builder_take (builder, g_strdup ("mousemove"));
  g_strv_builder_take (builder, g_strdup_printf ("%d", from_x));
  g_strv_builder_take (builder, g_strdup_printf ("%d", from_y));
  g_strv_builder_add_many (builder, "sleep", "0.15", "mousedown", "1", "sleep", "0.1", NULL);
  for (int i = 1; i <= DRAG_STEPS; i++)
    {
      g_strv_builder_take (builder, g_strdup ("mousemove"));
      g_strv_builder_take (builder, g_strdup_printf ("%d", from_x + (to_x - from_x) * i / DRAG_STEPS));
      g_strv_builder_take (builder, g_strdup_printf ("%d", from_y + (to_y - from_y) * i / DRAG_STEPS));
      g_strv_builder_add_many (builder, "sleep", "0.04", NULL);
    }
  /* Linger over the target so that it sees the drag enter before the drop. */
  g_strv_builder_add_many (builder, "sleep", "0.2", "mouseup", "1", "sleep", "0.1", NULL);
  if (shift)
    g_strv_builder_add_many (builder, "keyup", "shift", NULL);
  argv = g_strv_builder_end (builder);

  return reseau_test_xdotool ((const char * const *) argv);
}

gboolean
reseau_test_drag (GtkWidget *from,
                  GtkWidget *to,
                  gboolean   shift)
{
  int from_x, from_y, to_x, to_y;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (to), FALSE);

  if (!widget_centre (from, &from_x, &from_y) || !widget_centre (to, &to_x, &to_y))
    return FALSE;
  return drag_points (from_x, from_y, to_x, to_y, shift);
}

gboolean
reseau_test_drag_to_point (GtkWidget *from,
                           int        to_x,
                           int        to_y)
{
  int from_x, from_y;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);

  if (!widget_centre (from, &from_x, &from_y))
    return FALSE;
  return drag_points (from_x, from_y, to_x, to_y, FALSE);
}

gboolean
reseau_test_x_window_geometry (const char *title,
                               int        *x,
                               int        *y,
                               int        *width,
                               int        *height)
{
  g_autofree char *name = g_strdup_printf ("^%s$", title);
  const char *argv[] = { "xdotool", "search", "--sync", "--onlyvisible", "--name", name,
                         "getwindowgeometry", "--shell", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  *x = *y = *width = *height = 0;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        *x = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        *y = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "WIDTH="))
        *width = atoi (lines[i] + 6);
      else if (g_str_has_prefix (lines[i], "HEIGHT="))
        *height = atoi (lines[i] + 7);
    }
  return *width > 0 && *height > 0;
}

gboolean
reseau_test_keys (const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  /* `key` and `type` take every argument after them: nothing can follow in one call. */
  g_strv_builder_add_many (builder, "key", "--delay", "60", NULL);
  g_strv_builder_addv (builder, (const char **) names);
  argv = g_strv_builder_end (builder);
  return reseau_test_xdotool ((const char * const *) argv);
}

gboolean
reseau_test_type (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return reseau_test_xdotool ((const char * const[]) { "type", "--delay", "30", text, NULL });
}

void
reseau_test_settle (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * (G_USEC_PER_SEC / 1000);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
reseau_test_find_widget (GtkWidget      *root,
                         gboolean      (*match) (GtkWidget *widget, gconstpointer data),
                         gconstpointer   data)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = reseau_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Screenshots */

static char *
screenshot_path (const char *png_path)
{
  const char *dir;

  if (g_path_is_absolute (png_path))
    return g_strdup (png_path);
  dir = g_getenv ("RESEAU_TEST_SCREENSHOT_DIR");
  if (dir == NULL || *dir == '\0')
    return NULL;

  return g_build_filename (dir, png_path, NULL);
}

gboolean
reseau_test_save_screenshot (GtkWidget  *widget,
                             const char *png_path)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (png_path != NULL, FALSE);

  if ((path = screenshot_path (png_path)) == NULL)
    return FALSE;

  native = gtk_widget_get_native (widget);
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  if (native == NULL || width <= 0 || height <= 0)
    {
      g_test_fail_printf ("cannot take a screenshot of an unmapped %s", G_OBJECT_TYPE_NAME (widget));
      return FALSE;
    }

  /* A widget that changed since its last frame has no render node until it is drawn
   * again: give it a few frames. */
  for (gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
       node == NULL && g_get_monotonic_time () < deadline;)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        {
          gtk_widget_queue_draw (widget);
          g_main_context_iteration (NULL, TRUE);
        }
    }
  if (node == NULL)
    {
      g_test_fail_printf ("%s drew nothing to take a screenshot of", G_OBJECT_TYPE_NAME (widget));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0 || !gdk_texture_save_to_png (texture, path))
    {
      g_test_fail_printf ("cannot write the screenshot %s", path);
      return FALSE;
    }
  g_test_message ("screenshot: %s", path);

  return TRUE;
}
