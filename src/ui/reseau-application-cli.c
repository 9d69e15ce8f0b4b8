/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-application-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-application-private.h"
#include "reseau-export-job.h"
#include "reseau-import-job.h"
#include "reseau-sender.h"

/* `reseau --import FILE…` and `reseau --export FILE [--format …]`: no dialog and no window.
 * A running Réseau does the work, so that its window shows the result; without one, this
 * process does it before GTK is initialised, so that it works with no display at all
 * (over ssh, in a cron job, in CI). */

/* The options that make a command that needs no window. */
static const char * const headless_options[] = { "import", "export", "send-due" };

typedef struct
{
  ReseauApplication       *app;
  GApplicationCommandLine *cmdline;
  ReseauImportJob         *job;
  char                    *store_path;
  GFile                   *export_file;
  gboolean                 remote;
  gboolean                 done;
  int                      status;
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_object_unref (transfer->app);
  g_object_unref (transfer->cmdline);
  g_clear_object (&transfer->job);
  g_clear_object (&transfer->export_file);
  g_free (transfer->store_path);
  g_free (transfer);
}

static void
transfer_done (Transfer *transfer,
               int       status)
{
  transfer->status = status;
  transfer->done = TRUE;
  g_application_command_line_set_exit_status (transfer->cmdline, status);
  g_application_release (G_APPLICATION (transfer->app));
  /* A remote command line sends its exit status when it is finalized. */
  if (transfer->remote)
    transfer_free (transfer);
}

static void
print_problems (Transfer            *transfer,
                ReseauImportSummary *summary)
{
  GPtrArray *problems = reseau_import_summary_get_problems (summary);

  for (guint i = 0; i < problems->len; i++)
    {
      ReseauImportProblem *problem = g_ptr_array_index (problems, i);

      g_application_command_line_printerr (transfer->cmdline,
                                           problem->skipped ? _("Skipped: %s\n") : _("Warning: %s\n"),
                                           problem->error->message);
    }
}

static void
committed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Transfer *transfer = data;
  g_autoptr(ReseauImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ReseauStore *store;

  summary = reseau_import_job_commit_finish (transfer->job, result, &error);
  if (summary == NULL)
    {
      g_application_command_line_printerr (transfer->cmdline, _("Nothing was imported: %s\n"),
                                           error->message);
      transfer_done (transfer, EXIT_FAILURE);
      return;
    }
  print_problems (transfer, summary);
  text = reseau_import_summary_to_string (summary);
  g_application_command_line_print (transfer->cmdline, "%s", text);

  store = reseau_application_get_store (transfer->app);
  if (store != NULL && g_strcmp0 (reseau_store_get_path (store), transfer->store_path) == 0)
    reseau_store_emit_changed (store);
  transfer_done (transfer, EXIT_SUCCESS);
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Transfer *transfer = data;
  g_autoptr(ReseauImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = reseau_import_job_prepare_finish (transfer->job, result, &error);
  if (summary == NULL)
    {
      g_application_command_line_printerr (transfer->cmdline, _("Cannot import: %s\n"),
                                           error->message);
      transfer_done (transfer, EXIT_FAILURE);
      return;
    }
  /* Without a dialog to ask, the good records are imported and the bad ones reported. */
  reseau_import_job_commit_async (transfer->job, TRUE, NULL, committed_cb, transfer);
}

static gboolean
start_import (Transfer     *transfer,
              GVariantDict *options)
{
  g_autofree const char **args = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &args);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (files, g_application_command_line_create_file_for_arg (transfer->cmdline, args[i]));
  if (files->len == 0)
    {
      g_application_command_line_printerr (transfer->cmdline,
                                           _("--import needs at least one vCard or CSV file\n"));
      return FALSE;
    }
  transfer->job = reseau_import_job_new (transfer->store_path);
  reseau_import_job_set_create_circles (transfer->job, g_variant_dict_contains (options, "circles"));
  reseau_import_job_prepare_async (transfer->job, (GFile **)files->pdata, files->len, NULL,
                                   prepared_cb, transfer);
  return TRUE;
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Transfer *transfer = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (transfer->export_file);
  guint n = 0;

  if (!reseau_export_contacts_finish (result, &n, &error))
    {
      g_application_command_line_printerr (transfer->cmdline, _("Cannot export to %s: %s\n"),
                                           name, error->message);
      transfer_done (transfer, EXIT_FAILURE);
      return;
    }
  g_application_command_line_print (transfer->cmdline,
                                    ngettext ("%u contact exported to %s\n",
                                                 "%u contacts exported to %s\n", n),
                                    n, name);
  transfer_done (transfer, EXIT_SUCCESS);
}

static gboolean
start_export (Transfer     *transfer,
              GVariantDict *options,
              const char   *path)
{
  ReseauExportFormat format = RESEAU_EXPORT_VCARD_4_0;
  const char *format_name = NULL;

  if (g_variant_dict_lookup (options, "format", "&s", &format_name) &&
      !reseau_export_format_from_string (format_name, &format))
    {
      g_application_command_line_printerr (transfer->cmdline,
                                           _("Unknown format “%s”: use vcard4, vcard3 or csv\n"),
                                           format_name);
      return FALSE;
    }
  transfer->export_file = g_application_command_line_create_file_for_arg (transfer->cmdline, path);
  reseau_export_contacts_async (transfer->store_path, NULL, 0, transfer->export_file, format,
                                NULL, exported_cb, transfer);
  return TRUE;
}

/* `reseau --send-due`: sends what is due (late campaigns included: the command asks for
 * it), prints what happened and exits non-zero when a message failed, a campaign was
 * paused or a message needs the user's decision. */

static void
print_send_summary (GApplicationCommandLine *cmdline,
                    ReseauSendSummary       *summary)
{
  g_application_command_line_print (cmdline, g_dngettext (GETTEXT_PACKAGE, "%u message sent\n",
                                                          "%u messages sent\n", summary->n_sent),
                                    summary->n_sent);
  if (summary->n_failed_temporary > 0)
    g_application_command_line_printerr (cmdline,
                                         g_dngettext (GETTEXT_PACKAGE, "%u message could not be sent yet and will be tried again\n",
                                                      "%u messages could not be sent yet and will be tried again\n",
                                                      summary->n_failed_temporary),
                                         summary->n_failed_temporary);
  if (summary->n_failed_permanent > 0)
    g_application_command_line_printerr (cmdline,
                                         g_dngettext (GETTEXT_PACKAGE, "%u message failed: see the Outbox for the reason\n",
                                                      "%u messages failed: see the Outbox for the reasons\n",
                                                      summary->n_failed_permanent),
                                         summary->n_failed_permanent);
  if (summary->n_unconfirmed > 0)
    g_application_command_line_printerr (cmdline,
                                         g_dngettext (GETTEXT_PACKAGE, "%u message may not have been sent: decide in the Outbox whether to send it again\n",
                                                      "%u messages may not have been sent: decide in the Outbox whether to send them again\n",
                                                      summary->n_unconfirmed),
                                         summary->n_unconfirmed);
  for (guint i = 0; i < summary->problems->len; i++)
    g_application_command_line_printerr (cmdline, "%s\n", (const char *)g_ptr_array_index (summary->problems, i));
}

static void
sent_due_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Transfer *transfer = data;
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = reseau_sender_run_finish (RESEAU_SENDER (source), result, &error);
  if (summary == NULL)
    {
      g_application_command_line_printerr (transfer->cmdline, _("Nothing was sent: %s\n"), error->message);
      transfer_done (transfer, EXIT_FAILURE);
      return;
    }
  print_send_summary (transfer->cmdline, summary);
  transfer_done (transfer,
                 summary->n_failed_temporary + summary->n_failed_permanent + summary->n_unconfirmed +
                 summary->n_paused > 0 ? EXIT_FAILURE : EXIT_SUCCESS);
}

static gboolean
start_send_due (Transfer *transfer)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(ReseauSender) sender = reseau_sender_new (transfer->store_path);

  reseau_sender_set_throttle (sender, g_settings_get_uint (settings, "throttle-per-minute"));
  reseau_sender_run_async (sender, NULL, sent_due_cb, transfer);
  return TRUE;
}

/*
 * _reseau_application_get_store_path:
 *
 * The database a command line means: reseau.db in --data-dir, or the default one.
 */
char *
_reseau_application_get_store_path (GApplicationCommandLine *cmdline,
                                    GVariantDict            *options)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *dir_path = NULL;

  if (!g_variant_dict_lookup (options, "data-dir", "^ay", &data_dir))
    return reseau_store_default_path ();
  dir = g_application_command_line_create_file_for_arg (cmdline, data_dir);
  dir_path = g_file_get_path (dir);
  return g_build_filename (dir_path, "reseau.db", NULL);
}

/*
 * _reseau_application_run_transfer:
 *
 * Runs --import, --export or --send-due if the command line asks for one.
 *
 * Returns: the exit status, or -1 when the command line asks for neither
 */
int
_reseau_application_run_transfer (ReseauApplication       *self,
                                  GApplicationCommandLine *cmdline,
                                  GVariantDict            *options,
                                  const char              *store_path)
{
  g_autofree char *export_path = NULL;
  gboolean import = g_variant_dict_contains (options, "import");
  gboolean send_due = g_variant_dict_contains (options, "send-due");
  gboolean started;
  Transfer *transfer;
  int status;

  g_variant_dict_lookup (options, "export", "^ay", &export_path);
  if (send_due && (import || export_path != NULL))
    {
      g_application_command_line_printerr (cmdline, _("Use --send-due on its own, without --import or --export\n"));
      return EXIT_FAILURE;
    }
  if (!import && g_variant_dict_contains (options, "circles"))
    {
      g_application_command_line_printerr (cmdline, _("--circles only applies to --import\n"));
      return EXIT_FAILURE;
    }
  if (!import && export_path == NULL && !send_due)
    {
      if (g_variant_dict_contains (options, "format"))
        {
          g_application_command_line_printerr (cmdline, _("--format only applies to --export\n"));
          return EXIT_FAILURE;
        }
      return -1;
    }
  if (import && export_path != NULL)
    {
      g_application_command_line_printerr (cmdline, _("Use either --import or --export, not both\n"));
      return EXIT_FAILURE;
    }

  transfer = g_new0 (Transfer, 1);
  transfer->app = g_object_ref (self);
  transfer->cmdline = g_object_ref (cmdline);
  transfer->store_path = g_strdup (store_path);
  transfer->remote = g_application_command_line_get_is_remote (cmdline);

  g_application_hold (G_APPLICATION (self));
  if (send_due)
    started = start_send_due (transfer);
  else
    started = import ? start_import (transfer, options) : start_export (transfer, options, export_path);
  if (!started)
    {
      transfer->remote = FALSE;
      transfer_done (transfer, EXIT_FAILURE);
      transfer_free (transfer);
      return EXIT_FAILURE;
    }
  if (transfer->remote)
    return EXIT_SUCCESS;

  /* A local command line takes its exit status from this return value, so wait here; only
   * the import or export runs, as no window exists yet. */
  while (!transfer->done)
    g_main_context_iteration (NULL, TRUE);
  status = transfer->status;
  transfer_free (transfer);
  return status;
}

static gboolean
is_headless_command (GVariantDict *options)
{
  for (guint i = 0; i < G_N_ELEMENTS (headless_options); i++)
    if (g_variant_dict_contains (options, headless_options[i]))
      return TRUE;
  return FALSE;
}

/* Whether a Réseau owns its name on the session bus; no bus means none. */
static gboolean
instance_is_running (GApplication *app)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean running = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", g_application_get_application_id (app)),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &running);
  return running;
}

/*
 * _reseau_application_handle_local_options_cb:
 *
 * Connected to #GApplication::handle-local-options, which runs before the application
 * registers and before GTK is initialised. A command that needs no window runs here when no
 * Réseau is running: GtkApplication would otherwise initialise GTK first, and fail without
 * a display. With a running instance it goes on to be forwarded there as usual.
 *
 * Returns: the exit status, or -1 to let the command line go on
 */
int
_reseau_application_handle_local_options_cb (GApplication *app,
                                             GVariantDict *options,
                                             gpointer      user_data)
{
  g_autoptr(GApplicationCommandLine) cmdline = NULL;
  g_autoptr(GVariantBuilder) platform = NULL;
  g_autofree char *cwd = NULL;
  g_autofree char *path = NULL;

  if (!is_headless_command (options) || instance_is_running (app))
    return -1;
  /* A local command line prints to this process's stdout and stderr; file names are
   * relative to its folder. */
  cwd = g_get_current_dir ();
  platform = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (platform, "{sv}", "cwd", g_variant_new_bytestring (cwd));
  cmdline = g_object_new (G_TYPE_APPLICATION_COMMAND_LINE,
                          "platform-data", g_variant_builder_end (platform), NULL);
  path = _reseau_application_get_store_path (cmdline, options);
  return _reseau_application_run_transfer (RESEAU_APPLICATION (app), cmdline, options, path);
}
