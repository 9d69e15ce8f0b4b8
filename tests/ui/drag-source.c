/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * drag-source FILE… — a small window whose whole surface is a drag source offering FILE… as
 * a GdkFileList, the way a file manager does. tests/ui/test-import.c runs it as a second X
 * client and drags from it onto Réseau's window with xdotool, so the drop travels over real
 * XDND between two processes. It prints "ready" once its window is shown, and quits when its
 * standard input is closed.
 */

#include <gtk/gtk.h>

static GdkContentProvider *
prepare_cb (GtkDragSource *source,
            double         x,
            double         y,
            GSList        *files)
{
  return gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, gdk_file_list_new_from_list (files));
}

static gboolean
stdin_closed_cb (GIOChannel   *channel,
                 GIOCondition  condition,
                 gpointer      loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
mapped_cb (GtkWidget *window)
{
  g_print ("ready\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GIOChannel) input = NULL;
  GSList *files = NULL;
  GtkDragSource *source;
  GtkWidget *window, *label;

  gtk_init ();
  for (int i = argc - 1; i >= 1; i--)
    files = g_slist_prepend (files, g_file_new_for_commandline_arg (argv[i]));

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "drag-source");
  gtk_window_set_default_size (GTK_WINDOW (window), 160, 100);
  label = gtk_label_new ("Drag me");
  gtk_window_set_child (GTK_WINDOW (window), label);
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (prepare_cb), files);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (window, "map", G_CALLBACK (mapped_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));

  loop = g_main_loop_new (NULL, FALSE);
  input = g_io_channel_unix_new (0);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_closed_cb, loop);
  g_main_loop_run (loop);
  g_slist_free_full (files, g_object_unref);
  return 0;
}
