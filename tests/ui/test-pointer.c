/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pointer.c — real pointer input reaches GTK under the test harness
 *
 * Runs under isolated.py --display: xdotool moves the X pointer of a private
 * Xvfb, and GTK must see a genuine drag-and-drop and a genuine click.
 */

#define G_LOG_DOMAIN "test-pointer"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "reseau-test-utils.h"

#define PAYLOAD "Zoë Leclerc <zoe@example.org>"

typedef struct
{
  GtkWidget *window;
  GtkWidget *source;
  GtkWidget *target;
  GtkWidget *button;
  char      *dropped;
  guint      drops;
  guint      clicks;
} Fixture;

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Fixture       *fixture)
{
  g_free (fixture->dropped);
  fixture->dropped = g_value_dup_string (value);
  fixture->drops++;

  return TRUE;
}

static void
clicked_cb (GtkButton *button,
            Fixture   *fixture)
{
  fixture->clicks++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkWidget *box;

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 300);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 48);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);

  fixture->source = gtk_label_new ("Drag me");
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  gtk_drag_source_set_content (drag, gdk_content_provider_new_typed (G_TYPE_STRING, PAYLOAD));
  gtk_widget_add_controller (fixture->source, GTK_EVENT_CONTROLLER (drag));
  gtk_box_append (GTK_BOX (box), fixture->source);

  fixture->button = gtk_button_new_with_label ("Click me");
  gtk_widget_set_valign (fixture->button, GTK_ALIGN_CENTER);
  g_signal_connect (fixture->button, "clicked", G_CALLBACK (clicked_cb), fixture);
  gtk_box_append (GTK_BOX (box), fixture->button);

  fixture->target = gtk_label_new ("Drop here");
  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), fixture);
  gtk_widget_add_controller (fixture->target, GTK_EVENT_CONTROLLER (drop));
  gtk_box_append (GTK_BOX (box), fixture->target);

  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (reseau_test_wait_for_mapped (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->dropped, g_free);
}

static gboolean
dropped (gpointer data)
{
  return ((Fixture *) data)->drops > 0;
}

static gboolean
clicked (gpointer data)
{
  return ((Fixture *) data)->clicks > 0;
}

static void
test_drag_and_drop (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_true (reseau_test_drag (fixture->source, fixture->target, FALSE));
  g_assert_true (reseau_test_iterate_until (dropped, fixture, 5000));
  g_assert_cmpstr (fixture->dropped, ==, PAYLOAD);
  g_assert_cmpuint (fixture->drops, ==, 1);
  g_assert_cmpuint (fixture->clicks, ==, 0);
}

/* A drag that ends where it started is no drop: the harness must not
 * report drops that did not happen. */
static void
test_drag_onto_itself (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_true (reseau_test_drag (fixture->source, fixture->source, TRUE));
  g_assert_false (reseau_test_iterate_until (dropped, fixture, 1000));
  g_assert_null (fixture->dropped);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_true (reseau_test_click (fixture->button));
  g_assert_true (reseau_test_iterate_until (clicked, fixture, 5000));
  g_assert_cmpuint (fixture->clicks, ==, 1);
  g_assert_cmpuint (fixture->drops, ==, 0);
}

static void
test_root_point (Fixture       *fixture,
                 gconstpointer  data)
{
  int left_x, left_y, right_x, right_y;

  g_assert_true (reseau_test_widget_root_point (fixture->target, 0, 0, &left_x, &left_y));
  g_assert_true (reseau_test_widget_root_point (fixture->target, 10, 5, &right_x, &right_y));
  g_assert_cmpint (right_x - left_x, ==, 10);
  g_assert_cmpint (right_y - left_y, ==, 5);
  g_assert_cmpint (left_x, >=, 0);
  g_assert_cmpint (left_x, <, 1600);
  g_assert_cmpint (left_y, >=, 0);
  g_assert_cmpint (left_y, <, 1000);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("reseau-pointer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "window.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (reseau_test_save_screenshot (fixture->window, path));
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (fixture->window));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (fixture->window));
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 600);
  g_unlink (path);
  g_rmdir (dir);

  /* Also leave one for a person to look at, when asked to. */
  reseau_test_save_screenshot (fixture->window, "harness-pointer.png");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/harness/pointer/drag-and-drop", Fixture, NULL,
              fixture_set_up, test_drag_and_drop, fixture_tear_down);
  g_test_add ("/harness/pointer/drag-onto-itself", Fixture, NULL,
              fixture_set_up, test_drag_onto_itself, fixture_tear_down);
  g_test_add ("/harness/pointer/click", Fixture, NULL,
              fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/harness/pointer/root-point", Fixture, NULL,
              fixture_set_up, test_root_point, fixture_tear_down);
  g_test_add ("/harness/pointer/screenshot", Fixture, NULL,
              fixture_set_up, test_screenshot, fixture_tear_down);

  return g_test_run ();
}
