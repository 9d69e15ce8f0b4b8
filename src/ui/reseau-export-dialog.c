/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-export-dialog.h"
#include "reseau-export-job.h"

/* Exporting all contacts, the selected ones or a circle's members, as vCard 4.0, vCard 3.0
 * or CSV: the choice here, then the file chooser, then the export job in a thread. */

struct _ReseauExportDialog
{
  AdwDialog        parent_instance;

  ReseauStore     *store;
  GArray          *selected;   /* gint64 */
  GPtrArray       *circles;    /* ReseauCircle */
  GCancellable    *cancellable;
  GFile           *file;       /* being written */
  gboolean         closed;

  GtkStack        *stack;
  AdwActionRow    *all_row;
  AdwActionRow    *selection_row;
  AdwComboRow     *circle_row;
  GtkCheckButton  *selection_check;
  GtkCheckButton  *circle_check;
  GtkCheckButton  *vcard3_check;
  GtkCheckButton  *csv_check;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (ReseauExportDialog, reseau_export_dialog, ADW_TYPE_DIALOG)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ReseauExportFormat
get_format (ReseauExportDialog *self)
{
  if (gtk_check_button_get_active (self->csv_check))
    return RESEAU_EXPORT_CSV;
  return gtk_check_button_get_active (self->vcard3_check) ? RESEAU_EXPORT_VCARD_3_0 : RESEAU_EXPORT_VCARD_4_0;
}

static ReseauCircle *
get_circle (ReseauExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->circle_row);

  return i < self->circles->len ? g_ptr_array_index (self->circles, i) : NULL;
}

static void
update_export (ReseauExportDialog *self)
{
  gboolean ok = TRUE;

  if (gtk_check_button_get_active (self->circle_check))
    ok = get_circle (self) != NULL && reseau_circle_get_member_count (get_circle (self)) > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", ok);
}

static void
circle_selected_cb (ReseauExportDialog *self)
{
  gtk_check_button_set_active (self->circle_check, TRUE);
  update_export (self);
}

static void
show_error (ReseauExportDialog *self,
            const GError       *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", FALSE);
}

/* Returns: (transfer full): the ids to export, or %NULL for every contact */
static GArray *
chosen_ids (ReseauExportDialog  *self,
            GError             **error)
{
  g_autoptr(ReseauSegment) segment = NULL;

  if (gtk_check_button_get_active (self->selection_check))
    return g_array_ref (self->selected);
  if (!gtk_check_button_get_active (self->circle_check))
    return NULL;
  segment = reseau_segment_new ();
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, reseau_circle_get_id (get_circle (self)));
  return reseau_store_segment_ids (self->store, segment, RESEAU_SORT_GIVEN_NAME, error);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(ReseauExportDialog) self = data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!reseau_export_contacts_finish (result, &n, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->closed)
        show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[EXPORTED], 0, self->file, n);
  if (!self->closed)
    adw_dialog_force_close (ADW_DIALOG (self));
}

static void
export_to (ReseauExportDialog *self,
           GFile              *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = chosen_ids (self, &error);

  if (error != NULL)
    {
      show_error (self, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "working");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", FALSE);
  g_set_object (&self->file, file);
  reseau_export_contacts_async (reseau_store_get_path (self->store),
                                ids ? (const gint64 *)(gpointer)ids->data : NULL, ids ? ids->len : 0,
                                file, get_format (self), self->cancellable, exported_cb,
                                g_object_ref (self));
}

static void
save_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(ReseauExportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);

  if (file != NULL && !self->closed)
    export_to (self, file);
}

static GListModel *
file_filters (ReseauExportFormat format)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (format == RESEAU_EXPORT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("vCard files"));
      gtk_file_filter_add_suffix (filter, "vcf");
      gtk_file_filter_add_mime_type (filter, "text/vcard");
    }
  g_list_store_append (filters, filter);
  return G_LIST_MODEL (filters);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReseauExportDialog *self = RESEAU_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = file_filters (get_format (self));
  g_autofree char *name = NULL;
  const char *base;

  if (gtk_check_button_get_active (self->circle_check))
    base = reseau_circle_get_name (get_circle (self));
  else
    /* Translators: the file name an export suggests, before .vcf or .csv. */
    base = _("Contacts");
  name = g_strconcat (base, get_format (self) == RESEAU_EXPORT_CSV ? ".csv" : ".vcf", NULL);
  gtk_file_dialog_set_title (dialog, _("Export Contacts"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                        save_chosen_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  adw_dialog_force_close (ADW_DIALOG (widget));
}

/* Closing stops an export under way; the export job then leaves no file behind. */
static void
reseau_export_dialog_closed (AdwDialog *dialog)
{
  ReseauExportDialog *self = RESEAU_EXPORT_DIALOG (dialog);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (ADW_DIALOG_CLASS (reseau_export_dialog_parent_class)->closed != NULL)
    ADW_DIALOG_CLASS (reseau_export_dialog_parent_class)->closed (dialog);
}

static void
reseau_export_dialog_dispose (GObject *object)
{
  ReseauExportDialog *self = RESEAU_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_pointer (&self->selected, g_array_unref);
  g_clear_pointer (&self->circles, g_ptr_array_unref);

  G_OBJECT_CLASS (reseau_export_dialog_parent_class)->dispose (object);
}

static void
reseau_export_dialog_class_init (ReseauExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_export_dialog_dispose;
  ADW_DIALOG_CLASS (klass)->closed = reseau_export_dialog_closed;

  /* The file is written: how many contacts it holds. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ReseauExportDialog, all_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauExportDialog, selection_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauExportDialog, circle_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauExportDialog, selection_check);
  gtk_widget_class_bind_template_child (widget_class, ReseauExportDialog, circle_check);
  gtk_widget_class_bind_template_child (widget_class, ReseauExportDialog, vcard3_check);
  gtk_widget_class_bind_template_child (widget_class, ReseauExportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, ReseauExportDialog, error_page);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
}

static void
reseau_export_dialog_init (ReseauExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->selected = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (self->circle_check, "toggled", G_CALLBACK (update_export), self, G_CONNECT_SWAPPED);
}

static void
fill_circles (ReseauExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  self->circles = reseau_store_list_circles (self->store, &error);
  if (self->circles == NULL)
    {
      g_warning ("Could not list the circles: %s", error->message);
      self->circles = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->circles->len; i++)
    gtk_string_list_append (names, reseau_circle_get_name (g_ptr_array_index (self->circles, i)));
  adw_combo_row_set_model (self->circle_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->circle_row), self->circles->len > 0);
  g_signal_connect_object (self->circle_row, "notify::selected", G_CALLBACK (circle_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * reseau_export_dialog_new:
 * @selected: (array length=n_selected) (nullable): the contacts selected in the window
 */
ReseauExportDialog *
reseau_export_dialog_new (ReseauStore  *store,
                          const gint64 *selected,
                          guint         n_selected)
{
  ReseauExportDialog *self;
  g_autofree char *all = NULL;
  g_autofree char *chosen = NULL;
  guint n_all;

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);

  self = g_object_new (RESEAU_TYPE_EXPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  if (n_selected > 0)
    g_array_append_vals (self->selected, selected, n_selected);

  n_all = reseau_store_count_contacts (store);
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", n_all), n_all);
  adw_action_row_set_subtitle (self->all_row, all);
  chosen = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n_selected), n_selected);
  adw_action_row_set_subtitle (self->selection_row, chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->selection_row), n_selected > 0);
  gtk_check_button_set_active (self->selection_check, n_selected > 1);
  fill_circles (self);
  update_export (self);
  return self;
}
