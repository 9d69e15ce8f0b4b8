/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-composer"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-account.h"
#include "reseau-composer-preview.h"
#include "reseau-composer-private.h"

/* The composer's page: the account, subject and body, the
 * autosaved draft and the send flow. Merge fields and template problems:
 * reseau-composer-text.c; recipients: reseau-composer-recipients.c; the date and time:
 * reseau-composer-schedule.c; the preview: reseau-composer-preview.c.
 * Sections: draft, text, accounts, sending, actions, GObject. */

#define SAVE_DELAY_MS 600

G_DEFINE_FINAL_TYPE (ReseauComposer, reseau_composer, ADW_TYPE_NAVIGATION_PAGE)

enum {
  SENT,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Draft ------------------------------------------------------------------------------------- */

static void
collect_campaign (ReseauComposer *self)
{
  ReseauCampaign *c = self->campaign;
  guint selected = adw_combo_row_get_selected (self->from_row);

  g_free (c->subject);
  c->subject = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  g_free (c->body);
  c->body = _reseau_composer_dup_body (self);
  g_free (c->recipients);
  c->recipients = _reseau_composer_dup_definition (self);
  c->account_id = 0;
  if (self->accounts != NULL && selected < self->accounts->len)
    c->account_id = reseau_account_get_id (g_ptr_array_index (self->accounts, selected));
  c->include_over_cap = adw_switch_row_get_active (self->include_over_cap_row);
}

static gboolean
is_blank (ReseauComposer *self)
{
  const ReseauCampaign *c = self->campaign;

  return c->id == 0 && self->parts->len == 0 && (c->subject == NULL || c->subject[0] == '\0') &&
         (c->body == NULL || c->body[0] == '\0');
}

static void
save_now (ReseauComposer *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->dirty || self->store == NULL || self->campaign->state != RESEAU_CAMPAIGN_DRAFT)
    return;
  collect_campaign (self);
  self->dirty = FALSE;
  if (is_blank (self))
    return;
  id = reseau_outbox_save_draft (self->store, self->campaign, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (id == 0)
    {
      adw_banner_set_title (self->banner, error->message);
      adw_banner_set_revealed (self->banner, TRUE);
      return;
    }
  self->campaign->id = id;
}

static gboolean
save_timeout_cb (gpointer data)
{
  ReseauComposer *self = data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

/* Something the draft holds changed: save it a moment after the typing stops. */
void
_reseau_composer_changed (ReseauComposer *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

gint64
reseau_composer_save (ReseauComposer *self)
{
  g_return_val_if_fail (RESEAU_IS_COMPOSER (self), 0);
  save_now (self);
  return self->campaign->id;
}

/* Text -------------------------------------------------------------------------------------- */

static void
text_changed_cb (ReseauComposer *self)
{
  _reseau_composer_check_templates (self);
  _reseau_composer_update_send (self);
  _reseau_composer_changed (self);
}

/* Accounts ---------------------------------------------------------------------------------- */

static void
load_accounts (ReseauComposer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 wanted = self->campaign->account_id;
  guint selected = 0;

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  self->accounts = reseau_account_list (self->store, &error);
  if (self->accounts == NULL)
    {
      g_warning ("Could not list the sending accounts: %s", error->message);
      self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint i = 0; i < self->accounts->len; i++)
    {
      ReseauAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *label = g_strdup_printf ("%s <%s>", reseau_account_get_display_name (account),
                                                reseau_account_get_address (account));

      gtk_string_list_append (names, label);
      if (reseau_account_get_id (account) == wanted)
        selected = i;
    }
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->from_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), self->accounts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_account_row), self->accounts->len == 0);
}

static void
from_selected_cb (ReseauComposer *self)
{
  _reseau_composer_update_send (self);
  _reseau_composer_changed (self);
}

/* Preferences may have added an account while the composer was open. */
static void
map_cb (ReseauComposer *self)
{
  if (self->store != NULL)
    {
      gboolean was_loading = self->loading;

      self->loading = TRUE;
      load_accounts (self);
      self->loading = was_loading;
      _reseau_composer_update_send (self);
    }
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  /* Preferences opened at its Accounts page when the application offers it. */
  if (!gtk_widget_activate_action (widget, "app.accounts", NULL))
    gtk_widget_activate_action (widget, "app.preferences", NULL);
}

/* Sending ----------------------------------------------------------------------------------- */

guint
reseau_composer_get_n_sendable (ReseauComposer *self)
{
  g_return_val_if_fail (RESEAU_IS_COMPOSER (self), 0);
  return self->sendable != NULL ? self->sendable->len : 0;
}

/* Why sending is not possible yet, or NULL. */
static const char *
send_blocker (ReseauComposer *self)
{
  g_autofree char *subject = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row))));

  if (self->accounts == NULL || self->accounts->len == 0)
    return _("Add a sending account first");
  if (self->refresh_cancellable != NULL)
    return _("Counting the recipients…");
  if (reseau_composer_get_n_sendable (self) == 0)
    return _("Choose people with an email address");
  if (subject[0] == '\0')
    return _("Write a subject");
  if (self->template_error != NULL)
    return _("Fix the merge field problem first");
  return NULL;
}

void
_reseau_composer_update_send (ReseauComposer *self)
{
  const char *why = send_blocker (self);

  gtk_button_set_label (self->send_button, _reseau_composer_send_time (self) != 0 ? _("_Schedule…") : _("_Send…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.send", why == NULL && !self->scheduling);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.preview", reseau_composer_get_n_sendable (self) > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button), why);
}

static char *
confirmation_body (ReseauComposer *self)
{
  ReseauAccount *account = g_ptr_array_index (self->accounts, adw_combo_row_get_selected (self->from_row));
  GString *text = g_string_new (NULL);
  guint n_over = self->etiquette != NULL ? reseau_etiquette_result_get_n_over (self->etiquette) : 0;
  g_autofree char *when = _reseau_composer_describe_time (self);

  /* Translators: %s is an email address */
  g_string_append_printf (text, _("Each person gets their own message from %s."),
                          reseau_account_get_address (account));
  if (when != NULL)
    {
      g_string_append_c (text, ' ');
      /* Translators: %s is a date and time, "Monday 24 November at 09:00" */
      g_string_append_printf (text, _("They will go out on %s."), when);
    }
  if (self->no_email->len > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u person without an email address is left out.",
                                                 "%u people without an email address are left out.",
                                                 self->no_email->len),
                              self->no_email->len);
    }
  if (n_over > 0 && !adw_switch_row_get_active (self->include_over_cap_row))
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u person written to recently is skipped.",
                                                 "%u people written to recently are skipped.", n_over),
                              n_over);
    }
  return g_string_free (text, FALSE);
}

static void
schedule_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(ReseauComposer) self = data;
  g_autoptr(GError) error = NULL;
  ReseauScheduleSummary summary = { 0 };

  if (!reseau_outbox_schedule_finish (result, &summary, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->scheduling = FALSE;
      adw_banner_set_title (self->banner, error->message);
      adw_banner_set_revealed (self->banner, TRUE);
      _reseau_composer_update_send (self);
      return;
    }
  self->campaign->state = RESEAU_CAMPAIGN_SCHEDULED;
  g_signal_emit (self, signals[SENT], 0, self->campaign->id, summary.n_queued, self->scheduled_for);
}

/* The snapshot of a large segment takes a while: it is taken in a worker thread. */
static void
schedule (ReseauComposer *self)
{
  g_autofree char *today = _reseau_composer_today ();
  ReseauEtiquetteRule rule = _reseau_composer_rule (self);

  self->dirty = TRUE;
  save_now (self);
  if (self->campaign->id == 0)
    {
      adw_banner_set_title (self->banner, _("The draft could not be saved"));
      adw_banner_set_revealed (self->banner, TRUE);
      return;
    }
  self->scheduling = TRUE;
  self->scheduled_for = _reseau_composer_send_time (self);
  _reseau_composer_update_send (self);
  reseau_outbox_schedule_async (self->store, self->campaign->id, self->scheduled_for, &rule, today,
                                g_get_real_time () / G_USEC_PER_SEC, self->cancellable, schedule_cb,
                                g_object_ref (self));
}

/* Scheduling starts only once the dialog is gone and "Send" was chosen, in whichever order
 * the two are reported: the window may take the composer away when it has sent, while a
 * closing dialog still gives the focus back to where it was. */
static void
confirm_step (ReseauComposer *self,
              AdwDialog      *dialog,
              const char     *step)
{
  g_object_set_data (G_OBJECT (dialog), step, GINT_TO_POINTER (TRUE));
  if (g_object_get_data (G_OBJECT (dialog), "confirmed") != NULL &&
      g_object_get_data (G_OBJECT (dialog), "closed") != NULL)
    schedule (self);
}

static void
confirm_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     ReseauComposer *self)
{
  if (g_strcmp0 (response, "send") == 0)
    confirm_step (self, ADW_DIALOG (dialog), "confirmed");
}

static void
confirm_closed_cb (AdwDialog      *dialog,
                   ReseauComposer *self)
{
  confirm_step (self, dialog, "closed");
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ReseauComposer *self = RESEAU_COMPOSER (widget);
  guint n = reseau_composer_get_n_sendable (self);
  gboolean later = _reseau_composer_send_time (self) != 0;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  if (send_blocker (self) != NULL)
    return;
  if (later && _reseau_composer_send_time (self) <= g_get_real_time () / G_USEC_PER_SEC)
    {
      adw_banner_set_title (self->banner, _("The chosen time has already passed"));
      adw_banner_set_revealed (self->banner, TRUE);
      return;
    }
  heading = g_strdup_printf (later ? g_dngettext (GETTEXT_PACKAGE, "Schedule %u Personal Email?",
                                                  "Schedule %u Personal Emails?", n)
                                   : g_dngettext (GETTEXT_PACKAGE, "Send %u Personal Email?",
                                                  "Send %u Personal Emails?", n), n);
  body = confirmation_body (self);
  dialog = adw_alert_dialog_new (heading, body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "send", later ? _("_Schedule") : _("_Send"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "send");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (confirm_closed_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

/* Actions ----------------------------------------------------------------------------------- */

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ReseauComposer *self = RESEAU_COMPOSER (widget);

  save_now (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ReseauComposer *self = RESEAU_COMPOSER (widget);
  ReseauComposerPreview *preview;

  collect_campaign (self);
  preview = reseau_composer_preview_new (self->store, self->campaign, self->sendable);
  adw_dialog_present (ADW_DIALOG (preview), widget);
}

static void
add_circle_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  reseau_composer_add_circle (RESEAU_COMPOSER (widget), g_variant_get_int64 (param));
}

static void
banner_dismiss_cb (ReseauComposer *self)
{
  adw_banner_set_revealed (self->banner, FALSE);
}

/* Public ------------------------------------------------------------------------------------ */

ReseauComposer *
reseau_composer_new (ReseauStore *store,
                     GSettings   *settings)
{
  ReseauComposer *self;

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RESEAU_TYPE_COMPOSER, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->loading = TRUE;
  load_accounts (self);
  _reseau_composer_init_recipients (self);
  self->loading = FALSE;
  _reseau_composer_check_templates (self);
  _reseau_composer_update_send (self);
  return self;
}

gboolean
reseau_composer_load_draft (ReseauComposer *self,
                            gint64          campaign_id,
                            GError        **error)
{
  g_autoptr(ReseauCampaign) campaign = NULL;

  g_return_val_if_fail (RESEAU_IS_COMPOSER (self), FALSE);

  if ((campaign = reseau_store_load_campaign (self->store, campaign_id, error)) == NULL)
    return FALSE;
  save_now (self);
  self->loading = TRUE;
  reseau_campaign_free (self->campaign);
  self->campaign = g_steal_pointer (&campaign);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), self->campaign->subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), self->campaign->body, -1);
  adw_switch_row_set_active (self->include_over_cap_row, self->campaign->include_over_cap);
  load_accounts (self);
  _reseau_composer_restore_definition (self, self->campaign->recipients);
  self->loading = FALSE;
  self->dirty = FALSE;
  _reseau_composer_check_templates (self);
  _reseau_composer_update_send (self);
  return TRUE;
}

/* GObject ----------------------------------------------------------------------------------- */

static void
reseau_composer_dispose (GObject *object)
{
  ReseauComposer *self = RESEAU_COMPOSER (object);

  save_now (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_COMPOSER);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (reseau_composer_parent_class)->dispose (object);
}

static void
reseau_composer_finalize (GObject *object)
{
  ReseauComposer *self = RESEAU_COMPOSER (object);

  g_clear_pointer (&self->campaign, reseau_campaign_free);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->no_email, g_array_unref);
  g_clear_pointer (&self->sendable, g_array_unref);
  g_clear_pointer (&self->no_email_rows, g_ptr_array_unref);
  g_clear_pointer (&self->etiquette, reseau_etiquette_result_free);
  g_clear_error (&self->template_error);

  G_OBJECT_CLASS (reseau_composer_parent_class)->finalize (object);
}

static void
include_over_cap_cb (ReseauComposer *self)
{
  _reseau_composer_refresh_recipients (self);
  _reseau_composer_changed (self);
}

static void
schedule_toggled_cb (ReseauComposer *self)
{
  _reseau_composer_update_send (self);
}

static void
schedule_changed_cb (ReseauComposer *self)
{
  _reseau_composer_update_schedule (self);
  _reseau_composer_update_send (self);
}

/* "09", not "9". */
static gboolean
spin_output_cb (AdwSpinRow *row)
{
  g_autofree char *text = g_strdup_printf ("%02d", (int)adw_spin_row_get_value (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return TRUE;
}

static void
reseau_composer_class_init (ReseauComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_composer_dispose;
  object_class->finalize = reseau_composer_finalize;

  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_INT64);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, banner);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, send_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, recipients_area);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, chips_box);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, drop_hint);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, count_box);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, count_spinner);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, count_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, add_circle_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, no_email_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, etiquette_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, include_over_cap_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, large_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, from_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, no_account_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, subject_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, body_view);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, merge_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, problem_box);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, date_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, calendar);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, hour_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauComposer, minute_row);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_dismiss_cb);
  gtk_widget_class_bind_template_callback (widget_class, include_over_cap_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);

  gtk_widget_class_install_action (widget_class, "composer.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "composer.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "composer.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "composer.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "composer.show-problem", NULL, _reseau_composer_show_problem_action);
  gtk_widget_class_install_action (widget_class, "composer.insert-field", "s", _reseau_composer_insert_field_action);
  gtk_widget_class_install_action (widget_class, "composer.add-circle", "x", add_circle_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "composer.send", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "composer.close", NULL);
}

static void
reseau_composer_init (ReseauComposer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->campaign = g_new0 (ReseauCampaign, 1);
  self->campaign->subject = g_strdup ("");
  self->campaign->body = g_strdup ("");
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify)_reseau_composer_part_free);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->no_email = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sendable = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->no_email_rows = g_ptr_array_new ();
  self->body_was_focused = TRUE;

  _reseau_composer_init_text (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  _reseau_composer_init_schedule (self);
}
