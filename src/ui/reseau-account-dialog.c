/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-account-dialog.h"
#include "reseau-credentials.h"
#include "reseau-smtp-transport.h"

struct _ReseauAccountDialog
{
  AdwDialog             parent_instance;

  ReseauStore          *store;
  ReseauAccount        *original;     /* NULL when adding */
  ReseauAccount        *saving;       /* while the password goes to the keyring */
  GCancellable         *cancellable;  /* the test and the keyring, cancelled on close */
  ReseauAccountSecurity security;
  char                 *tested;       /* the settings the shown test result is about */

  AdwPreferencesPage   *page;
  GtkWidget            *save_button;
  AdwEntryRow          *name_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *host_row;
  AdwComboRow          *security_row;
  AdwSpinRow           *port_row;
  AdwEntryRow          *user_row;
  AdwEntryRow          *password_row;
  AdwPreferencesGroup  *sign_in_group;
  GtkLabel             *sender_error;
  GtkLabel             *server_error;
  GtkLabel             *sign_in_error;
  AdwActionRow         *test_row;
  GtkImage             *test_icon;
  GtkWidget            *test_spinner;
  GtkWidget            *test_button;
};

G_DEFINE_FINAL_TYPE (ReseauAccountDialog, reseau_account_dialog, ADW_TYPE_DIALOG)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------------- */
/* Fields and messages */

static gboolean
editing_with_secret (ReseauAccountDialog *self)
{
  return self->original != NULL && reseau_account_get_user_name (self->original)[0] != '\0';
}

static ReseauAccount *
build_account (ReseauAccountDialog *self)
{
  g_autoptr(ReseauAccount) account = NULL;
  g_autofree char *host = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->host_row))));
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));

  if (self->original != NULL)
    {
      g_autoptr(ReseauAccountRecord) record = reseau_account_to_record (self->original);

      account = reseau_account_new_from_record (record);
    }
  else
    account = reseau_account_new ();
  reseau_account_set_display_name (account, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  reseau_account_set_address (account, address);
  reseau_account_set_host (account, host);
  reseau_account_set_port (account, (guint)adw_spin_row_get_value (self->port_row));
  reseau_account_set_security (account, adw_combo_row_get_selected (self->security_row));
  reseau_account_set_user_name (account, gtk_editable_get_text (GTK_EDITABLE (self->user_row)));
  return g_steal_pointer (&account);
}

/* What a test result depends on, to tell a real edit from a row re-announcing its value. */
static char *
settings_key (ReseauAccountDialog *self)
{
  return g_strdup_printf ("%s\n%u\n%u\n%s\n%s", gtk_editable_get_text (GTK_EDITABLE (self->host_row)),
                          (guint)adw_spin_row_get_value (self->port_row),
                          adw_combo_row_get_selected (self->security_row),
                          gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
}

static void
clear_messages (ReseauAccountDialog *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->address_row),
                        GTK_WIDGET (self->host_row), GTK_WIDGET (self->security_row),
                        GTK_WIDGET (self->port_row), GTK_WIDGET (self->user_row),
                        GTK_WIDGET (self->password_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  gtk_widget_set_visible (GTK_WIDGET (self->sender_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->server_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error), FALSE);
}

static gboolean
has_control_chars (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

static void
show_message (ReseauAccountDialog *self,
              GtkLabel            *label,
              GtkWidget           *row,
              const char          *message)
{
  clear_messages (self);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
}

/* Shows @error under the group of the field it is about, and marks that field. */
static void
show_field_error (ReseauAccountDialog *self,
                  const GError        *error)
{
  GtkWidget *row = NULL;
  GtkLabel *label = self->sender_error;

  if (error->domain == RESEAU_ACCOUNT_ERROR)
    switch ((ReseauAccountError)error->code)
      {
      case RESEAU_ACCOUNT_ERROR_INVALID_ADDRESS:
        row = GTK_WIDGET (self->address_row);
        break;
      case RESEAU_ACCOUNT_ERROR_INVALID_HOST:
        row = GTK_WIDGET (self->host_row), label = self->server_error;
        break;
      case RESEAU_ACCOUNT_ERROR_INVALID_PORT:
        row = GTK_WIDGET (self->port_row), label = self->server_error;
        break;
      case RESEAU_ACCOUNT_ERROR_INSECURE:
        row = GTK_WIDGET (self->security_row), label = self->server_error;
        break;
      case RESEAU_ACCOUNT_ERROR_INVALID_TEXT:
        if (has_control_chars (gtk_editable_get_text (GTK_EDITABLE (self->user_row))))
          row = GTK_WIDGET (self->user_row), label = self->sign_in_error;
        else
          row = GTK_WIDGET (self->name_row);
        break;
      case RESEAU_ACCOUNT_ERROR_NO_ACCOUNT:
      default:
        break;
      }
  show_message (self, label, row, error->message);
}

/* ---------------------------------------------------------------------------------------- */
/* Test Connection */

typedef enum { TEST_IDLE, TEST_RUNNING, TEST_WORKS, TEST_FAILED } TestState;

static void
set_test_state (ReseauAccountDialog *self,
                TestState            state,
                const char          *message)
{
  gtk_widget_set_visible (self->test_spinner, state == TEST_RUNNING);
  gtk_widget_set_sensitive (self->test_button, state != TEST_RUNNING);
  gtk_widget_set_visible (GTK_WIDGET (self->test_icon), state == TEST_WORKS || state == TEST_FAILED);
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_icon), "error");
  if (state == TEST_WORKS || state == TEST_FAILED)
    {
      gtk_image_set_from_icon_name (self->test_icon, state == TEST_WORKS ? "object-select-symbolic"
                                                                         : "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_icon), state == TEST_WORKS ? "success" : "error");
    }
  switch (state)
    {
    case TEST_IDLE:
      adw_action_row_set_subtitle (self->test_row,
                                   _("Checks the server, its certificate and your password without sending anything"));
      break;
    case TEST_RUNNING:
      adw_action_row_set_subtitle (self->test_row, _("Connecting…"));
      break;
    case TEST_WORKS:
    case TEST_FAILED:
    default:
      adw_action_row_set_subtitle (self->test_row, message);
      gtk_accessible_announce (GTK_ACCESSIBLE (self), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
      break;
    }
}

static void
check_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ReseauAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (reseau_smtp_transport_check_finish (RESEAU_SMTP_TRANSPORT (source), result, &error))
    set_test_state (self, TEST_WORKS, _("It works: the server accepted the connection and the sign-in"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_test_state (self, TEST_FAILED, error->message);
}

static void
start_check (ReseauAccountDialog *self,
             ReseauAccount       *account,
             const char          *password)
{
  g_autoptr(ReseauSmtpTransport) transport = NULL;

  transport = reseau_smtp_transport_new (reseau_account_get_host (account),
                                         reseau_account_get_port (account),
                                         (ReseauSmtpSecurity)reseau_account_get_security (account),
                                         reseau_account_get_user_name (account), password);
  reseau_smtp_transport_check_async (transport, self->cancellable, check_cb, g_object_ref (self));
}

typedef struct
{
  ReseauAccountDialog *self;
  ReseauAccount       *account;
} Lookup;

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(GError) error = NULL;
  char *password = reseau_credentials_lookup_finish (result, &error);

  if (error == NULL)
    start_check (lookup->self, lookup->account, password);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_test_state (lookup->self, TEST_FAILED, error->message);
  if (password != NULL)
    secret_password_free (password);
  g_object_unref (lookup->self);
  g_object_unref (lookup->account);
  g_free (lookup);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ReseauAccountDialog *self = RESEAU_ACCOUNT_DIALOG (widget);
  g_autoptr(ReseauAccount) account = build_account (self);
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (!reseau_account_validate (account, &error))
    {
      set_test_state (self, TEST_IDLE, NULL);
      show_field_error (self, error);
      return;
    }
  clear_messages (self);
  g_free (self->tested);
  self->tested = settings_key (self);
  set_test_state (self, TEST_RUNNING, NULL);
  if (password[0] == '\0' && editing_with_secret (self) &&
      g_strcmp0 (reseau_account_get_user_name (account), reseau_account_get_user_name (self->original)) == 0)
    {
      Lookup *lookup = g_new0 (Lookup, 1);

      lookup->self = g_object_ref (self);
      lookup->account = g_steal_pointer (&account);
      reseau_credentials_lookup (reseau_account_get_id (self->original), self->cancellable, lookup_cb, lookup);
      return;
    }
  start_check (self, account, password);
}

/* ---------------------------------------------------------------------------------------- */
/* Saving */

static void
finish_saving (ReseauAccountDialog *self)
{
  g_clear_object (&self->saving);
  g_signal_emit (self, signals[SAVED], 0);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
keyring_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ReseauAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->saving == NULL)
    return;
  if (gtk_editable_get_text (GTK_EDITABLE (self->user_row))[0] != '\0')
    reseau_credentials_store_finish (result, &error);
  else
    reseau_credentials_clear_finish (result, &error);
  if (error == NULL)
    {
      finish_saving (self);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A new account without the password it needs would fail at its first campaign. */
  if (self->original == NULL)
    reseau_store_delete_account (self->store, reseau_account_get_id (self->saving), NULL);
  g_clear_object (&self->saving);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  message = g_strdup_printf (_("The password could not be stored in your keyring: %s"), error->message);
  show_message (self, self->sign_in_error, GTK_WIDGET (self->password_row), message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ReseauAccountDialog *self = RESEAU_ACCOUNT_DIALOG (widget);
  g_autoptr(ReseauAccount) account = build_account (self);
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean signs_in = reseau_account_get_user_name (account)[0] != '\0';

  if (self->saving != NULL)
    return;
  if (!reseau_account_validate (account, &error))
    {
      show_field_error (self, error);
      return;
    }
  if (signs_in && password[0] == '\0' && !editing_with_secret (self))
    {
      show_message (self, self->sign_in_error, GTK_WIDGET (self->password_row),
                    _("Enter the password that goes with this user name"));
      return;
    }
  if (!reseau_account_save (account, self->store, &error))
    {
      show_field_error (self, error);
      return;
    }
  clear_messages (self);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  self->saving = g_steal_pointer (&account);
  if (signs_in && password[0] != '\0')
    reseau_credentials_store (self->saving, password, self->cancellable, keyring_done_cb, g_object_ref (self));
  else if (!signs_in && self->original != NULL)
    reseau_credentials_clear (reseau_account_get_id (self->saving), self->cancellable, keyring_done_cb,
                              g_object_ref (self));
  else
    finish_saving (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Reactions */

static void
field_changed_cb (ReseauAccountDialog *self)
{
  g_autofree char *key = settings_key (self);

  clear_messages (self);
  if (g_strcmp0 (key, self->tested) == 0)
    return;
  g_clear_pointer (&self->tested, g_free);
  if (gtk_widget_get_sensitive (self->test_button))
    set_test_state (self, TEST_IDLE, NULL);
}

static void
security_changed_cb (ReseauAccountDialog *self)
{
  ReseauAccountSecurity security = adw_combo_row_get_selected (self->security_row);
  guint port = (guint)adw_spin_row_get_value (self->port_row);

  /* The port follows the security unless someone chose an unusual one. */
  if (port == reseau_account_security_default_port (self->security))
    adw_spin_row_set_value (self->port_row, reseau_account_security_default_port (security));
  self->security = security;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->security_row),
                               security == RESEAU_ACCOUNT_SECURITY_NONE
                               ? _("Unencrypted: this computer only")
                               : security == RESEAU_ACCOUNT_SECURITY_TLS
                               ? _("Usually port 465")
                               : _("Usually port 587"));
  field_changed_cb (self);
}

static void
closed_cb (ReseauAccountDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

/* ---------------------------------------------------------------------------------------- */
/* Type */

static void
reseau_account_dialog_dispose (GObject *object)
{
  ReseauAccountDialog *self = RESEAU_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_ACCOUNT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->saving);
  g_clear_pointer (&self->tested, g_free);

  G_OBJECT_CLASS (reseau_account_dialog_parent_class)->dispose (object);
}

static void
reseau_account_dialog_class_init (ReseauAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_account_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, page);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, security_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, sign_in_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, sender_error);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, server_error);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, sign_in_error);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, test_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, test_icon);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, ReseauAccountDialog, test_button);

  gtk_widget_class_install_action (widget_class, "account.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "account.close", NULL, close_action);
}

static void
reseau_account_dialog_init (ReseauAccountDialog *self)
{
  GtkWidget *rows[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  rows[0] = GTK_WIDGET (self->name_row), rows[1] = GTK_WIDGET (self->address_row);
  rows[2] = GTK_WIDGET (self->host_row), rows[3] = GTK_WIDGET (self->user_row);
  rows[4] = GTK_WIDGET (self->password_row);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->port_row, "notify::value", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->security_row, "notify::selected", G_CALLBACK (security_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);
  security_changed_cb (self);
}

ReseauAccountDialog *
reseau_account_dialog_new (ReseauStore   *store,
                           ReseauAccount *account)
{
  ReseauAccountDialog *self;

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);
  g_return_val_if_fail (account == NULL || RESEAU_IS_ACCOUNT (account), NULL);

  self = g_object_new (RESEAU_TYPE_ACCOUNT_DIALOG, NULL);
  self->store = g_object_ref (store);
  if (account == NULL)
    {
      adw_dialog_set_title (ADW_DIALOG (self), _("Add Account"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
      return self;
    }
  self->original = g_object_ref (account);
  adw_dialog_set_title (ADW_DIALOG (self), _("Edit Account"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), reseau_account_get_display_name (account));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), reseau_account_get_address (account));
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), reseau_account_get_host (account));
  adw_combo_row_set_selected (self->security_row, reseau_account_get_security (account));
  adw_spin_row_set_value (self->port_row, reseau_account_get_port (account));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), reseau_account_get_user_name (account));
  if (editing_with_secret (self))
    adw_preferences_group_set_description (self->sign_in_group,
                                           _("Leave the password empty to keep the one in your keyring"));
  set_test_state (self, TEST_IDLE, NULL);
  return self;
}
