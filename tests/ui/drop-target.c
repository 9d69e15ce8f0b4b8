/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * drop-target FILE — a small window that accepts drops of text/vcard, the way an address book
 * or a mail client does, and writes the bytes it receives to FILE (whole, through a temporary
 * file renamed into place). tests/ui/test-drag-out.c runs it as a second X client and drags
 * contacts from Réseau's window onto it with xdotool, so the cards travel over real XDND
 * between two processes. It prints "ready" once its window is shown, "dropped" once FILE is
 * written, and quits when its standard input is closed.
 */

#include <gtk/gtk.h>

typedef struct
{
  GFile   *file;
  GdkDrop *drop;
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_object_unref (transfer->file);
  g_object_unref (transfer->drop);
  g_free (transfer);
}

static void
replaced_cb (GObject      *file,
             GAsyncResult *result,
             gpointer      data)
{
  Transfer *transfer = data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (file), result, NULL, &error))
    g_error ("Could not write the dropped cards: %s", error->message);
  gdk_drop_finish (transfer->drop, GDK_ACTION_COPY);
  g_print ("dropped\n");
  transfer_free (transfer);
}

static void
spliced_cb (GObject      *stream,
            GAsyncResult *result,
            gpointer      data)
{
  Transfer *transfer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (stream), result, &error) < 0)
    g_error ("Could not read the dropped cards: %s", error->message);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  g_file_replace_contents_bytes_async (transfer->file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                       replaced_cb, transfer);
}

static void
read_cb (GObject      *drop,
         GAsyncResult *result,
         gpointer      data)
{
  Transfer *transfer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  const char *mime_type = NULL;

  input = gdk_drop_read_finish (GDK_DROP (drop), result, &mime_type, &error);
  if (input == NULL)
    g_error ("Could not receive text/vcard: %s", error->message);
  g_assert_cmpstr (mime_type, ==, "text/vcard");
  output = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (output, input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, spliced_cb, transfer);
}

static GdkDragAction
motion_cb (GtkDropTargetAsync *target,
           GdkDrop            *drop,
           double              x,
           double              y)
{
  return GDK_ACTION_COPY;
}

static gboolean
drop_cb (GtkDropTargetAsync *target,
         GdkDrop            *drop,
         double              x,
         double              y,
         GFile              *file)
{
  Transfer *transfer = g_new0 (Transfer, 1);

  transfer->file = g_object_ref (file);
  transfer->drop = g_object_ref (drop);
  gdk_drop_read_async (drop, (const char *[]) { "text/vcard", NULL }, G_PRIORITY_DEFAULT, NULL,
                       read_cb, transfer);
  return TRUE;
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
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkContentFormats) formats = NULL;
  GtkDropTargetAsync *target;
  GtkWidget *window, *label;

  if (argc != 2)
    {
      g_printerr ("Usage: drop-target FILE\n");
      return 2;
    }
  gtk_init ();
  /* The output is read line by line by the test: no buffering. */
  setvbuf (stdout, NULL, _IONBF, 0);
  file = g_file_new_for_commandline_arg (argv[1]);

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "drop-target");
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 140);
  label = gtk_label_new ("Drop contacts here");
  gtk_window_set_child (GTK_WINDOW (window), label);
  formats = gdk_content_formats_new ((const char *[]) { "text/vcard" }, 1);
  target = gtk_drop_target_async_new (g_steal_pointer (&formats), GDK_ACTION_COPY);
  g_signal_connect (target, "drag-enter", G_CALLBACK (motion_cb), NULL);
  g_signal_connect (target, "drag-motion", G_CALLBACK (motion_cb), NULL);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), file);
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (target));
  g_signal_connect (window, "map", G_CALLBACK (mapped_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));

  loop = g_main_loop_new (NULL, FALSE);
  input = g_io_channel_unix_new (0);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_closed_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
