/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-window-interchange"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-dnd.h"
#include "reseau-export-dialog.h"
#include "reseau-import-dialog.h"
#include "reseau-window-private.h"

/* Where the window meets vCard and CSV files: Import… and Export… in the primary menu and
 * the empty state, and files dropped anywhere on the window. */

static const char * const import_suffixes[] = { ".vcf", ".vcard", ".csv" };

static void
add_toast (ReseauWindow *self,
           const char   *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Contacts opened from a toast: all of them selected in the full list, a single one shown. */
static void
show_contacts (ReseauWindow *self,
               GArray       *ids)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  gboolean first = TRUE;

  gtk_list_box_select_row (self->sidebar_list, self->all_contacts_row);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reseau_contact_list_set_search (self->contacts, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      guint position = reseau_contact_list_find (self->contacts, g_array_index (ids, gint64, i));

      if (position == G_MAXUINT)
        continue;
      gtk_selection_model_select_item (selection, position, first);
      if (first)
        gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
      first = FALSE;
    }
  adw_navigation_split_view_set_show_content (self->outer_split, TRUE);
}

static void
show_changed_cb (AdwToast     *toast,
                 ReseauWindow *self)
{
  show_contacts (self, g_object_get_data (G_OBJECT (toast), "ids"));
}

static char *
imported_title (ReseauImportSummary *summary)
{
  guint n = reseau_import_summary_get_n_added (summary) + reseau_import_summary_get_n_updated (summary);
  guint n_jobs = reseau_import_summary_get_job_changes (summary)->len;
  g_autofree char *imported = NULL;
  g_autofree char *jobs = NULL;

  if (n == 0)
    return g_strdup (_("Your contacts were already up to date"));
  imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact imported", "%u contacts imported", n), n);
  if (n_jobs == 0)
    return g_steal_pointer (&imported);
  jobs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed job", "%u changed jobs", n_jobs), n_jobs);
  /* Translators: "152 contacts imported · 12 changed jobs" */
  return g_strdup_printf (_("%s · %s"), imported, jobs);
}

static void
imported_cb (ReseauWindow        *self,
             ReseauImportSummary *summary)
{
  GPtrArray *changes = reseau_import_summary_get_job_changes (summary);
  g_autofree char *title = imported_title (summary);
  AdwToast *toast = adw_toast_new (title);

  /* The import wrote through a connection of its own. */
  reseau_store_emit_changed (self->store);
  if (changes->len > 0)
    {
      GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), changes->len);

      for (guint i = 0; i < changes->len; i++)
        g_array_append_val (ids, ((ReseauJobChange *)g_ptr_array_index (changes, i))->contact_id);
      g_object_set_data_full (G_OBJECT (toast), "ids", ids, (GDestroyNotify)g_array_unref);
      adw_toast_set_button_label (toast, _("_Show"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_changed_cb), self, 0);
    }
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * _reseau_window_import_files:
 * @files: (array length=n_files): vCard or CSV files
 *
 * Opens the import dialog on @files.
 */
void
_reseau_window_import_files (ReseauWindow  *self,
                             GFile        **files,
                             guint          n_files)
{
  ReseauImportDialog *dialog;

  if (self->store == NULL || n_files == 0)
    return;
  dialog = reseau_import_dialog_new (reseau_store_get_path (self->store), files, n_files);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
files_chosen_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(ReseauWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (files == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (list, g_list_model_get_item (files, i));
  _reseau_window_import_files (self, (GFile **)list->pdata, list->len);
}

static void
add_filter (GListStore *filters,
            const char *name,
            const char * const *suffixes,
            const char * const *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  g_list_store_append (filters, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  if (self->store == NULL)
    return;
  add_filter (filters, _("vCard and CSV files"), (const char *[]) { "vcf", "vcard", "csv", NULL },
              (const char *[]) { "text/vcard", "text/x-vcard", "text/csv", NULL });
  add_filter (filters, _("vCard files"), (const char *[]) { "vcf", "vcard", NULL },
              (const char *[]) { "text/vcard", "text/x-vcard", NULL });
  add_filter (filters, _("CSV files"), (const char *[]) { "csv", NULL }, (const char *[]) { "text/csv", NULL });
  gtk_file_dialog_set_title (dialog, _("Import Contacts"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, files_chosen_cb, g_object_ref (self));
}

/* Export --------------------------------------------------------------------------------------- */

static void
show_in_files_cb (AdwToast     *toast,
                  ReseauWindow *self)
{
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (g_object_get_data (G_OBJECT (toast), "file"));

  gtk_file_launcher_open_containing_folder (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
}

static void
exported_cb (ReseauWindow *self,
             GFile        *file,
             guint         n)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact exported",
                                                         "%u contacts exported", n), n);
  AdwToast *toast = adw_toast_new (title);

  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  adw_toast_set_button_label (toast, _("Show in _Files"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_in_files_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GArray *
selected_ids (ReseauWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = reseau_contact_list_get_id (self->contacts, position);
      g_array_append_val (ids, id);
    }
  return ids;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;
  ReseauExportDialog *dialog;

  if (self->store == NULL)
    return;
  ids = selected_ids (self);
  dialog = reseau_export_dialog_new (self->store, (const gint64 *)(gpointer)ids->data, ids->len);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* Dropping files ------------------------------------------------------------------------------- */

static gboolean
is_importable (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_utf8_strdown (name, -1) : NULL;

  for (guint i = 0; lower != NULL && i < G_N_ELEMENTS (import_suffixes); i++)
    if (g_str_has_suffix (lower, import_suffixes[i]))
      return TRUE;
  return FALSE;
}

/* Réseau's own drags of contacts and sidebar items are for the widgets under the pointer. */
static gboolean
drop_accept_cb (GtkDropTarget *target,
                GdkDrop       *drop,
                ReseauWindow  *self)
{
  GdkContentFormats *formats = gdk_drop_get_formats (drop);

  if (self->store == NULL || gdk_content_formats_contain_gtype (formats, RESEAU_TYPE_CONTACT_IDS) ||
      gdk_content_formats_contain_gtype (formats, RESEAU_TYPE_SIDEBAR_ITEM))
    return FALSE;
  return gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ReseauWindow  *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l != NULL; l = l->next)
    {
      if (is_importable (l->data))
        {
          g_ptr_array_add (files, g_object_ref (l->data));
          continue;
        }
      {
        g_autofree char *name = g_file_get_basename (l->data);
        g_autofree char *title = g_strdup_printf (_("“%s” is not a vCard or CSV file"), name);

        add_toast (self, title);
      }
    }
  _reseau_window_import_files (self, (GFile **)files->pdata, files->len);
  return files->len > 0;
}

void
_reseau_window_class_init_interchange (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}

/* Called from reseau_window_init(). */
void
_reseau_window_init_interchange (ReseauWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "accept", G_CALLBACK (drop_accept_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
