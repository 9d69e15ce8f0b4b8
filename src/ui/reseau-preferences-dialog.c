/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-account-dialog.h"
#include "reseau-preferences-dialog.h"

struct _ReseauPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;
  ReseauStore          *store;
  GCancellable         *cancellable;
  AdwComboRow          *sort_row;
  AdwPreferencesPage   *accounts_page;
  AdwPreferencesGroup  *accounts_group;
  GtkListBox           *accounts_list;
  GtkWidget            *add_account_row;
  AdwSpinRow           *max_messages_row;
  AdwSpinRow           *window_days_row;
  AdwSpinRow           *large_segment_row;
  AdwSpinRow           *throttle_row;
};

G_DEFINE_FINAL_TYPE (ReseauPreferencesDialog, reseau_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "family-name") ? 1 : 0);
  return TRUE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "family-name" : "given-name");
}

/* ---------------------------------------------------------------------------------------- */
/* Accounts */

static void refresh_accounts (ReseauPreferencesDialog *self);

static void
account_saved_cb (ReseauPreferencesDialog *self)
{
  refresh_accounts (self);
}

static void
present_account_dialog (ReseauPreferencesDialog *self,
                        ReseauAccount           *account)
{
  ReseauAccountDialog *dialog = reseau_account_dialog_new (self->store, account);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (account_saved_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  present_account_dialog (RESEAU_PREFERENCES_DIALOG (widget), NULL);
}

static void
edit_account_cb (AdwActionRow            *row,
                 ReseauPreferencesDialog *self)
{
  present_account_dialog (self, g_object_get_data (G_OBJECT (row), "account"));
}

static void
account_deleted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ReseauPreferencesDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!reseau_account_delete_finish (RESEAU_ACCOUNT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), adw_toast_new (error->message));
    }
  refresh_accounts (self);
}

static void
remove_response_cb (AdwAlertDialog          *alert,
                    const char              *response,
                    ReseauPreferencesDialog *self)
{
  ReseauAccount *account = g_object_get_data (G_OBJECT (alert), "account");

  if (g_str_equal (response, "remove"))
    reseau_account_delete_async (account, self->store, self->cancellable, account_deleted_cb,
                                 g_object_ref (self));
}

static void
remove_account_cb (GtkButton               *button,
                   ReseauPreferencesDialog *self)
{
  ReseauAccount *account = g_object_get_data (G_OBJECT (button), "account");
  AdwDialog *alert;

  alert = adw_alert_dialog_new (_("Remove Account?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (alert),
                                _("Messages will no longer be sent from %s, and its password is removed from your keyring. Campaigns sent from it keep their history."),
                                reseau_account_get_address (account));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert), "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  g_object_set_data_full (G_OBJECT (alert), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (alert, "response", G_CALLBACK (remove_response_cb), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static GtkWidget *
create_account_row (ReseauPreferencesDialog *self,
                    ReseauAccount           *account)
{
  const char *name = reseau_account_get_display_name (account);
  const char *address = reseau_account_get_address (account);
  g_autofree char *server = g_strdup_printf ("%s:%u", reseau_account_get_host (account),
                                             reseau_account_get_port (account));
  g_autofree char *subtitle = name[0] != '\0' ? g_strdup_printf ("%s\n%s", address, server) : g_strdup (server);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), address);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name[0] != '\0' ? name : address);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);
  g_object_set_data_full (G_OBJECT (remove), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (edit_account_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_account_cb), self, 0);
  return row;
}

static void
refresh_accounts (ReseauPreferencesDialog *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  gtk_list_box_remove_all (self->accounts_list);
  if (self->store == NULL)
    return;
  accounts = reseau_account_list (self->store, &error);
  if (accounts == NULL)
    {
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    gtk_list_box_append (self->accounts_list, create_account_row (self, accounts->pdata[i]));
}

/* ---------------------------------------------------------------------------------------- */
/* Type */

static void
reseau_preferences_dialog_dispose (GObject *object)
{
  ReseauPreferencesDialog *self = RESEAU_PREFERENCES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (reseau_preferences_dialog_parent_class)->dispose (object);
}

static void
reseau_preferences_dialog_class_init (ReseauPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, sort_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, add_account_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, max_messages_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, window_days_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, large_segment_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, throttle_row);

  gtk_widget_class_install_action (widget_class, "preferences.add-account", NULL, add_account_action);
}

static void
reseau_preferences_dialog_init (ReseauPreferencesDialog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  placeholder = gtk_label_new (_("No accounts yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->accounts_list, placeholder);
}

/**
 * reseau_preferences_dialog_new:
 * @store: (nullable): the database whose sending accounts the Accounts page lists; without
 *   it (no database could be opened) the page cannot add any
 */
ReseauPreferencesDialog *
reseau_preferences_dialog_new (GSettings   *settings,
                               ReseauStore *store)
{
  ReseauPreferencesDialog *self = g_object_new (RESEAU_TYPE_PREFERENCES_DIALOG, NULL);
  static const struct { const char *key; gsize offset; } spins[] = {
    { "etiquette-max-messages", G_STRUCT_OFFSET (ReseauPreferencesDialog, max_messages_row) },
    { "etiquette-window-days", G_STRUCT_OFFSET (ReseauPreferencesDialog, window_days_row) },
    { "large-segment-threshold", G_STRUCT_OFFSET (ReseauPreferencesDialog, large_segment_row) },
    { "throttle-per-minute", G_STRUCT_OFFSET (ReseauPreferencesDialog, throttle_row) },
  };

  self->settings = g_object_ref (settings);
  g_set_object (&self->store, store);
  g_settings_bind_with_mapping (settings, "sort-order", self->sort_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_settings_bind (settings, spins[i].key, G_STRUCT_MEMBER (AdwSpinRow *, self, spins[i].offset),
                     "value", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_sensitive (self->add_account_row, store != NULL);
  refresh_accounts (self);
  return self;
}

/* Opens on the Accounts page, e.g. from the composer's "Add an Account" button. */
void
reseau_preferences_dialog_show_accounts (ReseauPreferencesDialog *self)
{
  g_return_if_fail (RESEAU_IS_PREFERENCES_DIALOG (self));
  adw_preferences_dialog_set_visible_page (ADW_PREFERENCES_DIALOG (self),
                                           ADW_PREFERENCES_PAGE (self->accounts_page));
}
