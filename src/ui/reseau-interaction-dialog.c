/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-interaction-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-format.h"
#include "reseau-interaction-dialog.h"
#include "reseau-text.h"
#include "reseau-validate.h"

/* Logs a meeting, call, message or note on a card; "last contacted" follows from it. */
struct _ReseauInteractionDialog
{
  AdwAlertDialog  parent_instance;

  ReseauStore    *store;
  gint64          contact_id;
  AdwComboRow    *kind_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *text_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ReseauInteractionDialog, reseau_interaction_dialog, ADW_TYPE_ALERT_DIALOG)

enum {
  LOGGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
check_cb (ReseauInteractionDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gboolean ok = date[0] != '\0' && reseau_validate_date (_("Date"), date, &error) &&
                reseau_validate_text (_("Summary"), gtk_editable_get_text (GTK_EDITABLE (self->text_row)),
                                      FALSE, RESEAU_MAX_LINE_LENGTH, &error);

  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "log", ok);
}

static void
reseau_interaction_dialog_response (AdwAlertDialog *dialog,
                                    const char     *response)
{
  ReseauInteractionDialog *self = RESEAU_INTERACTION_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "log") == 0)
    {
      if (reseau_store_add_interaction (self->store, self->contact_id,
                                        adw_combo_row_get_selected (self->kind_row) + 1,
                                        gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->text_row)),
                                        &error) == 0)
        g_warning ("Could not log the interaction: %s", error->message);
      else
        g_signal_emit (self, signals[LOGGED], 0);
    }

  /* AdwAlertDialog has no default handler: chaining up unconditionally called NULL. */
  if (ADW_ALERT_DIALOG_CLASS (reseau_interaction_dialog_parent_class)->response != NULL)
    ADW_ALERT_DIALOG_CLASS (reseau_interaction_dialog_parent_class)->response (dialog, response);
}

static void
reseau_interaction_dialog_dispose (GObject *object)
{
  g_clear_object (&RESEAU_INTERACTION_DIALOG (object)->store);

  G_OBJECT_CLASS (reseau_interaction_dialog_parent_class)->dispose (object);
}

static void
reseau_interaction_dialog_class_init (ReseauInteractionDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = reseau_interaction_dialog_dispose;
  ADW_ALERT_DIALOG_CLASS (klass)->response = reseau_interaction_dialog_response;

  signals[LOGGED] = g_signal_new ("logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
reseau_interaction_dialog_init (ReseauInteractionDialog *self)
{
  const char *kinds[] = {
    reseau_format_interaction_kind (RESEAU_INTERACTION_MEETING),
    reseau_format_interaction_kind (RESEAU_INTERACTION_CALL),
    reseau_format_interaction_kind (RESEAU_INTERACTION_MESSAGE),
    reseau_format_interaction_kind (RESEAU_INTERACTION_NOTE),
    NULL,
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (kinds);
  g_autofree char *today = reseau_text_today ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();

  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Log Interaction"));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (self),
                                  "cancel", _("_Cancel"),
                                  "log", _("_Log"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (self), "log", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (self), "log");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (self), "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (model));
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  self->text_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row), _("Summary"));
  adw_entry_row_set_activates_default (self->text_row, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->kind_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->date_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->text_row));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (self), box);

  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (check_cb), self);
  g_signal_connect_swapped (self->text_row, "changed", G_CALLBACK (check_cb), self);
}

AdwDialog *
reseau_interaction_dialog_new (ReseauStore   *store,
                               ReseauContact *contact)
{
  ReseauInteractionDialog *self = g_object_new (RESEAU_TYPE_INTERACTION_DIALOG, NULL);
  g_autofree char *name = reseau_contact_dup_name (contact);

  self->store = g_object_ref (store);
  self->contact_id = reseau_contact_get_id (contact);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), name);
  return ADW_DIALOG (self);
}
