/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-segment-builder"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-segment-builder-private.h"
#include "reseau-text.h"

/* The name dialog of the segment builder: it says, while the name is typed, why a name
 * cannot be used (empty, or another segment's), so that Save is never a surprise. */

typedef struct
{
  ReseauSegmentBuilder *builder;
  AdwEntryRow          *entry;
  GtkLabel             *error;
} NameDialog;

static void
name_dialog_free (NameDialog *data)
{
  g_object_unref (data->builder);
  g_free (data);
}

/* Returns: (transfer full) (nullable): why @name cannot be used; "" when it is blank */
static char *
name_problem (ReseauSegmentBuilder *self,
              const char           *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *key = reseau_text_fold (trimmed);
  g_autoptr(GPtrArray) saved = reseau_store_list_segments (_reseau_segment_builder_get_store (self), NULL);

  if (trimmed[0] == '\0')
    return g_strdup ("");
  for (guint i = 0; saved != NULL && i < saved->len; i++)
    {
      ReseauSavedSegment *s = g_ptr_array_index (saved, i);
      g_autofree char *other = reseau_text_fold (s->name);

      if (s->id != reseau_segment_builder_get_saved_id (self) && g_str_equal (other, key))
        return g_strdup_printf (_("A segment named “%s” already exists"), s->name);
    }
  return NULL;
}

static void
name_changed_cb (AdwEntryRow    *entry,
                 AdwAlertDialog *dialog)
{
  NameDialog *data = g_object_get_data (G_OBJECT (dialog), "name-dialog");
  g_autofree char *problem = name_problem (data->builder, gtk_editable_get_text (GTK_EDITABLE (entry)));

  adw_alert_dialog_set_response_enabled (dialog, "save", problem == NULL);
  gtk_label_set_text (data->error, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (data->error), problem != NULL && problem[0] != '\0');
  if (problem != NULL && problem[0] != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
name_response_cb (AdwAlertDialog *dialog,
                  const char     *response,
                  NameDialog     *data)
{
  if (g_str_equal (response, "save"))
    _reseau_segment_builder_save (data->builder, gtk_editable_get_text (GTK_EDITABLE (data->entry)));
}

void
_reseau_segment_builder_ask_name (ReseauSegmentBuilder *self)
{
  const char *name = _reseau_segment_builder_get_name (self);
  gboolean rename = reseau_segment_builder_get_saved_id (self) > 0;
  NameDialog *data = g_new0 (NameDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  AdwDialog *dialog;

  data->builder = g_object_ref (self);
  data->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->entry), _("Name"));
  adw_entry_row_set_activates_default (data->entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (data->entry), name ? name : "");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->entry));
  data->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->error, TRUE);
  gtk_label_set_xalign (data->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (data->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (data->error), FALSE);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->error));

  dialog = adw_alert_dialog_new (rename ? _("Rename Segment") : _("Save Segment"),
                                 rename ? NULL : _("Saved segments appear in the sidebar and stay up to date"));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), box);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"),
                                  "save", rename ? _("_Rename") : _("_Save"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "name-dialog", data, (GDestroyNotify)name_dialog_free);
  g_signal_connect (data->entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), data);
  name_changed_cb (data->entry, ADW_ALERT_DIALOG (dialog));
  adw_dialog_set_focus (dialog, GTK_WIDGET (data->entry));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}
