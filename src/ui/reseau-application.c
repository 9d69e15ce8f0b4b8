/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "reseau-application-private.h"
#include "reseau-preferences-dialog.h"
#include "reseau-window.h"
#include "reseau-window-outbox.h"

struct _ReseauApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  ReseauStore    *store;
  char           *store_path;
  GError         *store_error;
  GCancellable   *opening;  /* set while the store is being opened */
  ReseauAppSending *sending; /* reseau-application-sender.c */
};

G_DEFINE_FINAL_TYPE (ReseauApplication, reseau_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the contacts database in DIR instead of the default data folder"), N_("DIR") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window and send scheduled messages when they are due"), NULL },
  { "send-due", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Send the scheduled messages that are due, print a summary and exit"), NULL },
  { "import", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Import the vCard or CSV files given on the command line, without opening a window"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write all contacts to FILE, without opening a window"), N_("FILE") },
  { "circles", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: put people in circles named after the file's categories"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Format of --export: vcard4 (the default), vcard3 or csv"), N_("FORMAT") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

ReseauApplication *
reseau_application_new (void)
{
  return g_object_new (RESEAU_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/example/Reseau",
                       NULL);
}

ReseauStore *
reseau_application_get_store (ReseauApplication *self)
{
  g_return_val_if_fail (RESEAU_IS_APPLICATION (self), NULL);
  return self->store;
}

GSettings *
reseau_application_get_settings (ReseauApplication *self)
{
  g_return_val_if_fail (RESEAU_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * reseau_application_open_store:
 *
 * Opens the database the windows show. On failure the error is kept so that the window can
 * explain it and offer a new file; the failing file is never modified.
 */
gboolean
reseau_application_open_store (ReseauApplication  *self,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(ReseauStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RESEAU_IS_APPLICATION (self), FALSE);

  g_set_str (&self->store_path, path);
  g_clear_error (&self->store_error);
  store = reseau_store_open (path, &local_error);
  if (store == NULL)
    {
      self->store_error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    {
      /* Contacts deleted while an Undo toast was showing when Réseau last quit. */
      reseau_store_purge_trash (store, NULL);
    }
  g_set_object (&self->store, store);
  _reseau_application_start_sender (self, self->sending, store, path);
  return store != NULL;
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ReseauApplication) self = user_data;
  g_autoptr(ReseauStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = reseau_store_open_finish (result, &error);
  g_application_release (G_APPLICATION (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->opening);

  g_clear_error (&self->store_error);
  if (store != NULL)
    reseau_store_purge_trash (store, NULL);
  else
    self->store_error = g_error_copy (error);
  g_set_object (&self->store, store);
  _reseau_application_start_sender (self, self->sending, store, self->store_path);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (RESEAU_IS_WINDOW (l->data))
      reseau_window_set_store (l->data, self->store, self->store_error);
}

/* Opens the database in a worker thread; windows show a loading state until it is ready. */
static void
start_opening (ReseauApplication *self,
               const char        *path)
{
  g_set_str (&self->store_path, path);
  self->opening = g_cancellable_new ();
  g_application_hold (G_APPLICATION (self));
  reseau_store_open_async (path, self->opening, store_opened_cb, g_object_ref (self));
}

/**
 * reseau_application_start_new_file:
 *
 * Keeps the file that could not be opened, under a new name beside it, and starts empty.
 */
gboolean
reseau_application_start_new_file (ReseauApplication  *self,
                                   GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *kept = g_strdup_printf ("%s.unreadable-%s", self->store_path, stamp);

  if (g_rename (self->store_path, kept) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not set the old file aside: %s"), g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *side = g_strconcat (self->store_path, i == 0 ? "-wal" : "-shm", NULL);
      g_autofree char *side_kept = g_strconcat (kept, i == 0 ? "-wal" : "-shm", NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_rename (side, side_kept);
    }
  return reseau_application_open_store (self, self->store_path, error);
}

static ReseauWindow *
get_window (ReseauApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return RESEAU_IS_WINDOW (window) ? RESEAU_WINDOW (window) : NULL;
}

static void
reseau_application_activate (GApplication *app)
{
  ReseauApplication *self = RESEAU_APPLICATION (app);
  ReseauWindow *window = get_window (self);

  if (window == NULL)
    {
      if (self->store == NULL && self->store_error == NULL && self->opening == NULL)
        {
          g_autofree char *path = reseau_store_default_path ();

          start_opening (self, path);
        }
      window = reseau_window_new (self, self->store, self->store_error);
    }
  gtk_window_present (GTK_WINDOW (window));
  _reseau_application_sender_window_shown (self->sending);
}

static int
reseau_application_command_line (GApplication            *app,
                                 GApplicationCommandLine *cmdline)
{
  ReseauApplication *self = RESEAU_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *path = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_application_command_line_print (cmdline, "%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  path = _reseau_application_get_store_path (cmdline, options);

  if (self->store_path != NULL && g_strcmp0 (self->store_path, path) != 0)
    {
      g_autofree char *shown = g_filename_display_name (self->store_path);

      /* One running instance shows one database; a second one would race the first. */
      g_application_command_line_printerr (cmdline,
                                           _("Réseau is already running with the database “%s”; quit it first to open another one.\n"),
                                           shown);
      return EXIT_FAILURE;
    }
  if ((status = _reseau_application_run_transfer (self, cmdline, options, path)) >= 0)
    return status;
  if (self->store_path == NULL)
    start_opening (self, path);

  /* Autostarted by the Background portal: no window, just the schedule. */
  if (g_variant_dict_contains (options, "background"))
    return EXIT_SUCCESS;
  g_application_activate (app);
  return EXIT_SUCCESS;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  ReseauApplication *self = user_data;
  static const char *developers[] = { "Réseau developers", NULL };
  AdwDialog *about;

  about = adw_about_dialog_new ();
  g_object_set (about,
                "application-name", PACKAGE_NAME,
                "application-icon", APPLICATION_ID,
                "developer-name", _("Réseau developers"),
                "version", PACKAGE_VERSION,
                "comments", _("Keep in touch with your professional network: contact cards, overlapping circles and one personal email to each person."),
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                /* Translators: put your names here, one per line */
                "translator-credits", _("translator-credits"),
                NULL);
  adw_dialog_present (about, GTK_WIDGET (get_window (self)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  ReseauApplication *self = user_data;
  ReseauPreferencesDialog *dialog = reseau_preferences_dialog_new (self->settings, self->store);

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (get_window (self)));
}

void
reseau_application_show_accounts (ReseauApplication *self)
{
  ReseauPreferencesDialog *dialog;

  g_return_if_fail (RESEAU_IS_APPLICATION (self));

  dialog = reseau_preferences_dialog_new (self->settings, self->store);
  reseau_preferences_dialog_show_accounts (dialog);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (get_window (self)));
}

static void
accounts_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  reseau_application_show_accounts (user_data);
}

static void
outbox_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  ReseauApplication *self = user_data;

  g_application_activate (G_APPLICATION (self));
  if (get_window (self) != NULL)
    _reseau_window_show_outbox (get_window (self));
}

ReseauSender *
reseau_application_get_sender (ReseauApplication *self)
{
  g_return_val_if_fail (RESEAU_IS_APPLICATION (self), NULL);
  return _reseau_app_sending_get_sender (self->sending);
}

void
reseau_application_wake_sender (ReseauApplication *self)
{
  g_return_if_fail (RESEAU_IS_APPLICATION (self));
  _reseau_app_sending_wake (self->sending);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "accounts", accounts_action },
  { "outbox", outbox_action },
};

static void
reseau_application_startup (GApplication *app)
{
  ReseauApplication *self = RESEAU_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new-contact", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (reseau_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
reseau_application_dispose (GObject *object)
{
  ReseauApplication *self = RESEAU_APPLICATION (object);

  g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  g_clear_pointer (&self->sending, _reseau_app_sending_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->store_path, g_free);

  G_OBJECT_CLASS (reseau_application_parent_class)->dispose (object);
}

static void
reseau_application_class_init (ReseauApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = reseau_application_dispose;
  app_class->startup = reseau_application_startup;
  app_class->activate = reseau_application_activate;
  app_class->command_line = reseau_application_command_line;
}

static void
reseau_application_init (ReseauApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  self->sending = _reseau_app_sending_new (self);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_signal_connect (self, "handle-local-options",
                    G_CALLBACK (_reseau_application_handle_local_options_cb), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep your professional network in one file you own."));
}
