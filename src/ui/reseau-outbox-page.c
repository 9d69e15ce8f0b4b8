/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-outbox-page"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-outbox.h"
#include "reseau-outbox-page.h"
#include "reseau-when.h"

struct _ReseauOutboxPage
{
  AdwBin              parent_instance;

  ReseauApplication  *app;          /* weak: it outlives its windows */
  ReseauStore        *store;
  gint64              campaign_id;  /* the one in the detail page, 0: none */
  guint               refresh_id;

  AdwNavigationView  *navigation;
  GtkStack           *list_stack;
  GtkListBox         *campaign_list;
  AdwNavigationPage  *detail_page;
  GtkLabel           *detail_title;
  GtkLabel           *detail_state;
  GtkProgressBar     *detail_progress;
  GtkLabel           *detail_counts;
  GtkLabel           *detail_reason;
  GtkWidget          *retry_button;
  GtkWidget          *pause_button;
  GtkWidget          *resume_button;
  GtkWidget          *cancel_button;
  GtkWidget          *unconfirmed_group;
  GtkListBox         *unconfirmed_list;
  GtkListBox         *recipient_list;
};

G_DEFINE_FINAL_TYPE (ReseauOutboxPage, reseau_outbox_page, ADW_TYPE_BIN)

enum { CLOSE, N_SIGNALS };
static guint signals[N_SIGNALS];

static gint64
now_utc (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---------------------------------------------------------------------------------------- */
/* Text */

static guint
count_total (const ReseauCampaign *campaign)
{
  guint total = 0;

  for (guint i = 0; i < RESEAU_RECIPIENT_N_STATES; i++)
    total += campaign->counts[i];
  return total;
}

static double
progress_fraction (const ReseauCampaign *campaign)
{
  guint total = count_total (campaign) - campaign->counts[RESEAU_RECIPIENT_SKIPPED];
  guint waiting = campaign->counts[RESEAU_RECIPIENT_QUEUED] + campaign->counts[RESEAU_RECIPIENT_SENDING] +
                  campaign->counts[RESEAU_RECIPIENT_FAILED_TEMPORARY];

  return total == 0 ? 1.0 : (double)(total - waiting) / total;
}

static void
append_part (GString *text,
             char    *part)
{
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
  g_free (part);
}

#define APPEND_COUNT(text, n, format) \
  G_STMT_START { \
    if ((n) > 0) \
      append_part (text, g_strdup_printf (format, n)); \
  } G_STMT_END

/* "12 sent · 3 scheduled · 1 failed · 2 unconfirmed · 4 skipped", zeros left out. */
static char *
describe_counts (const ReseauCampaign *campaign)
{
  const guint *c = campaign->counts;
  guint scheduled = c[RESEAU_RECIPIENT_QUEUED] + c[RESEAU_RECIPIENT_SENDING];
  g_autoptr(GString) text = g_string_new (NULL);

  APPEND_COUNT (text, c[RESEAU_RECIPIENT_SENT],
                g_dngettext (GETTEXT_PACKAGE, "%u sent", "%u sent", c[RESEAU_RECIPIENT_SENT]));
  APPEND_COUNT (text, scheduled,
                g_dngettext (GETTEXT_PACKAGE, "%u scheduled", "%u scheduled", scheduled));
  APPEND_COUNT (text, c[RESEAU_RECIPIENT_FAILED_TEMPORARY],
                g_dngettext (GETTEXT_PACKAGE, "%u to retry", "%u to retry", c[RESEAU_RECIPIENT_FAILED_TEMPORARY]));
  APPEND_COUNT (text, c[RESEAU_RECIPIENT_FAILED_PERMANENT],
                g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed", c[RESEAU_RECIPIENT_FAILED_PERMANENT]));
  APPEND_COUNT (text, c[RESEAU_RECIPIENT_UNCONFIRMED],
                g_dngettext (GETTEXT_PACKAGE, "%u unconfirmed", "%u unconfirmed", c[RESEAU_RECIPIENT_UNCONFIRMED]));
  APPEND_COUNT (text, c[RESEAU_RECIPIENT_SKIPPED],
                g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", c[RESEAU_RECIPIENT_SKIPPED]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_state (const ReseauCampaign *campaign)
{
  g_autofree char *when = reseau_format_when (campaign->scheduled_at);

  /* Translators: a campaign's state and when it was or is to be sent: "Scheduled · Today at 09:00" */
  return g_strdup_printf (_("%s · %s"), reseau_campaign_state_to_string (campaign->state), when);
}

static const char *
state_icon (ReseauRecipientState state)
{
  switch (state)
    {
    case RESEAU_RECIPIENT_QUEUED:           return "alarm-symbolic";
    case RESEAU_RECIPIENT_SENDING:          return "mail-send-symbolic";
    case RESEAU_RECIPIENT_SENT:             return "object-select-symbolic";
    case RESEAU_RECIPIENT_FAILED_TEMPORARY: return "view-refresh-symbolic";
    case RESEAU_RECIPIENT_FAILED_PERMANENT: return "dialog-error-symbolic";
    case RESEAU_RECIPIENT_UNCONFIRMED:      return "dialog-question-symbolic";
    case RESEAU_RECIPIENT_SKIPPED:
    case RESEAU_RECIPIENT_N_STATES:
    default:                                return "action-unavailable-symbolic";
    }
}

static const char *
state_class (ReseauRecipientState state)
{
  switch (state)
    {
    case RESEAU_RECIPIENT_SENT:             return "success";
    case RESEAU_RECIPIENT_FAILED_PERMANENT: return "error";
    case RESEAU_RECIPIENT_FAILED_TEMPORARY:
    case RESEAU_RECIPIENT_UNCONFIRMED:      return "warning";
    case RESEAU_RECIPIENT_QUEUED:
    case RESEAU_RECIPIENT_SENDING:
    case RESEAU_RECIPIENT_SKIPPED:
    case RESEAU_RECIPIENT_N_STATES:
    default:                                return "dim-label";
    }
}

/* "Sent · Today at 14:02", "Will Retry · 2 attempts · Today at 14:02 — The server …" */
static char *
describe_recipient (const ReseauRecipient *r)
{
  g_autoptr(GString) text = g_string_new (reseau_recipient_state_to_string (r->state));

  if (r->attempts > 1)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u attempt", "%u attempts", r->attempts),
                              r->attempts);
    }
  if (r->updated > 0 && r->state != RESEAU_RECIPIENT_QUEUED)
    {
      g_autofree char *when = reseau_format_when (r->updated);

      g_string_append_printf (text, " · %s", when);
    }
  if (r->last_error != NULL && r->last_error[0] != '\0' && r->state != RESEAU_RECIPIENT_SENT)
    g_string_append_printf (text, "\n%s", r->last_error);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---------------------------------------------------------------------------------------- */
/* Rows */

static GtkWidget *
row_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Subject, state and counts above a full-width progress bar: the bar keeps its length on a
 * phone instead of squeezing the text. */
static GtkWidget *
create_campaign_row (const ReseauCampaign *campaign)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *progress = gtk_progress_bar_new ();
  GtkWidget *chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *state = describe_state (campaign);
  g_autofree char *counts = describe_counts (campaign);
  const char *subject = campaign->subject[0] != '\0' ? campaign->subject : _("No Subject");

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), row_label (subject, NULL));
  gtk_box_append (GTK_BOX (text), row_label (state, "dim-label"));
  gtk_box_append (GTK_BOX (text), row_label (counts, "caption"));
  gtk_widget_set_valign (chevron, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), text);
  gtk_box_append (GTK_BOX (top), chevron);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (progress), progress_fraction (campaign));
  gtk_widget_set_margin_top (progress, 6);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), progress);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, subject, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "outbox.show-campaign");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", campaign->id);
  return row;
}

static GtkWidget *
create_recipient_row (const ReseauRecipient *r)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (state_icon (r->state));
  g_autofree char *state = describe_recipient (r);
  g_autofree char *subtitle = NULL;
  gboolean named = r->name != NULL && r->name[0] != '\0';

  subtitle = named && r->address[0] != '\0' ? g_strdup_printf ("%s\n%s", r->address, state) : g_strdup (state);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), named ? r->name : r->address);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_add_css_class (icon, state_class (r->state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reseau_recipient_state_to_string (r->state), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* An unconfirmed message: who, then the two ways out below, so that a phone keeps the
 * name and address readable. The group's description says what happened. */
static GtkWidget *
create_unconfirmed_row (const ReseauRecipient *r)
{
  const struct { const char *label; const char *action; } buttons[] = {
    { N_("Mark as _Sent"), "outbox.mark-sent" },
    { N_("_Resend"), "outbox.resend" },
  };
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *actions = adw_wrap_box_new ();
  gboolean named = r->name != NULL && r->name[0] != '\0';

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), row_label (named ? r->name : r->address, NULL));
  if (named)
    gtk_box_append (GTK_BOX (box), row_label (r->address, "dim-label"));
  adw_wrap_box_set_child_spacing (ADW_WRAP_BOX (actions), 6);
  adw_wrap_box_set_line_spacing (ADW_WRAP_BOX (actions), 6);
  gtk_widget_set_margin_top (actions, 6);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(buttons[i].label));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", r->id);
      adw_wrap_box_append (ADW_WRAP_BOX (actions), button);
    }
  gtk_box_append (GTK_BOX (box), actions);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* ---------------------------------------------------------------------------------------- */
/* Refreshing */

static void
refresh_detail (ReseauOutboxPage *self)
{
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  g_autofree char *state = NULL;
  g_autofree char *counts = NULL;
  gboolean any_unconfirmed = FALSE;
  ReseauCampaignState s;

  if (self->campaign_id == 0 ||
      (campaign = reseau_store_load_campaign (self->store, self->campaign_id, NULL)) == NULL)
    return;
  s = campaign->state;
  adw_navigation_page_set_title (self->detail_page, campaign->subject);
  gtk_label_set_text (self->detail_title, campaign->subject[0] != '\0' ? campaign->subject : _("No Subject"));
  state = describe_state (campaign);
  gtk_label_set_text (self->detail_state, state);
  gtk_progress_bar_set_fraction (self->detail_progress, progress_fraction (campaign));
  counts = describe_counts (campaign);
  gtk_label_set_text (self->detail_counts, counts);
  gtk_label_set_text (self->detail_reason, campaign->pause_reason ? campaign->pause_reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_reason),
                          s == RESEAU_CAMPAIGN_PAUSED && campaign->pause_reason && campaign->pause_reason[0]);

  gtk_widget_set_visible (self->retry_button, campaign->counts[RESEAU_RECIPIENT_FAILED_PERMANENT] +
                                              campaign->counts[RESEAU_RECIPIENT_FAILED_TEMPORARY] > 0);
  gtk_widget_set_visible (self->pause_button, s == RESEAU_CAMPAIGN_SCHEDULED || s == RESEAU_CAMPAIGN_SENDING);
  gtk_widget_set_visible (self->resume_button, s == RESEAU_CAMPAIGN_PAUSED);
  gtk_widget_set_visible (self->cancel_button, s == RESEAU_CAMPAIGN_SCHEDULED || s == RESEAU_CAMPAIGN_PAUSED);

  recipients = reseau_store_list_recipients (self->store, self->campaign_id, NULL);
  gtk_list_box_remove_all (self->unconfirmed_list);
  gtk_list_box_remove_all (self->recipient_list);
  for (guint i = 0; recipients != NULL && i < recipients->len; i++)
    {
      ReseauRecipient *r = recipients->pdata[i];

      if (r->state == RESEAU_RECIPIENT_UNCONFIRMED)
        {
          gtk_list_box_append (self->unconfirmed_list, create_unconfirmed_row (r));
          any_unconfirmed = TRUE;
        }
      else
        gtk_list_box_append (self->recipient_list, create_recipient_row (r));
    }
  gtk_widget_set_visible (self->unconfirmed_group, any_unconfirmed);
}

void
reseau_outbox_page_refresh (ReseauOutboxPage *self)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  guint shown = 0;

  g_return_if_fail (RESEAU_IS_OUTBOX_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  campaigns = reseau_store_list_campaigns (self->store, NULL);
  gtk_list_box_remove_all (self->campaign_list);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      ReseauCampaign *campaign = campaigns->pdata[i];

      /* Drafts belong to the composer. */
      if (campaign->state == RESEAU_CAMPAIGN_DRAFT)
        continue;
      gtk_list_box_append (self->campaign_list, create_campaign_row (campaign));
      shown++;
    }
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "empty");
  refresh_detail (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  ReseauOutboxPage *self = user_data;

  self->refresh_id = 0;
  reseau_outbox_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* The sender reports every message: redraw at most a few times a second. */
static void
queue_refresh (ReseauOutboxPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (250, refresh_cb, self);
}

guint
reseau_outbox_count_pending (ReseauStore *store)
{
  g_autoptr(GPtrArray) campaigns = reseau_store_list_campaigns (store, NULL);
  guint n = 0;

  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      ReseauCampaign *c = campaigns->pdata[i];

      if (c->state == RESEAU_CAMPAIGN_DRAFT || c->state == RESEAU_CAMPAIGN_CANCELLED)
        continue;
      n += c->counts[RESEAU_RECIPIENT_QUEUED] + c->counts[RESEAU_RECIPIENT_SENDING] +
           c->counts[RESEAU_RECIPIENT_FAILED_TEMPORARY] + c->counts[RESEAU_RECIPIENT_FAILED_PERMANENT] +
           c->counts[RESEAU_RECIPIENT_UNCONFIRMED];
    }
  return n;
}

/* ---------------------------------------------------------------------------------------- */
/* Actions */

static void
changed (ReseauOutboxPage *self,
         gboolean          ok,
         GError           *error)
{
  if (!ok)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else
        g_warning ("%s", error->message);
      g_error_free (error);
    }
  if (self->app != NULL)
    reseau_application_wake_sender (self->app);
  reseau_outbox_page_refresh (self);
}

static void
campaign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ReseauOutboxPage *self = RESEAU_OUTBOX_PAGE (widget);
  GError *error = NULL;
  gboolean ok;

  if (g_str_equal (action_name, "outbox.retry-failed"))
    ok = reseau_outbox_retry_failed (self->store, self->campaign_id, now_utc (), NULL, &error);
  else if (g_str_equal (action_name, "outbox.pause"))
    ok = reseau_outbox_pause (self->store, self->campaign_id, now_utc (), &error);
  else if (g_str_equal (action_name, "outbox.resume"))
    ok = reseau_outbox_resume (self->store, self->campaign_id, now_utc (), &error);
  else
    ok = reseau_outbox_cancel (self->store, self->campaign_id, now_utc (), &error);
  changed (self, ok, error);
}

static void
cancel_response_cb (AdwAlertDialog   *dialog,
                    const char       *response,
                    ReseauOutboxPage *self)
{
  if (g_str_equal (response, "cancel-sending"))
    campaign_action (GTK_WIDGET (self), "outbox.cancel", NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReseauOutboxPage *self = RESEAU_OUTBOX_PAGE (widget);
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Cancel Sending?"),
                                 _("The messages not sent yet will not be sent. Those already sent stay in the history."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "keep", _("_Keep"),
                                  "cancel-sending", _("_Cancel Sending"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "cancel-sending",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ReseauOutboxPage *self = RESEAU_OUTBOX_PAGE (widget);
  GError *error = NULL;
  gboolean ok;

  ok = reseau_outbox_resolve_unconfirmed (self->store, g_variant_get_int64 (param),
                                          g_str_equal (action_name, "outbox.resend"), now_utc (), &error);
  changed (self, ok, error);
}

static void
show_campaign_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  reseau_outbox_page_show_campaign (RESEAU_OUTBOX_PAGE (widget), g_variant_get_int64 (param));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

void
reseau_outbox_page_show_campaign (ReseauOutboxPage *self,
                                  gint64            campaign_id)
{
  g_return_if_fail (RESEAU_IS_OUTBOX_PAGE (self));

  self->campaign_id = campaign_id;
  refresh_detail (self);
  if (adw_navigation_view_get_visible_page (self->navigation) != self->detail_page)
    adw_navigation_view_push (self->navigation, self->detail_page);
}

static void
popped_cb (ReseauOutboxPage  *self,
           AdwNavigationPage *page)
{
  if (page == self->detail_page)
    self->campaign_id = 0;
}

/* ---------------------------------------------------------------------------------------- */
/* Type */

static void
reseau_outbox_page_dispose (GObject *object)
{
  ReseauOutboxPage *self = RESEAU_OUTBOX_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* AdwBin drops its child itself: disposing the template too would unparent it twice. */
  g_clear_weak_pointer (&self->app);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (reseau_outbox_page_parent_class)->dispose (object);
}

static void
reseau_outbox_page_class_init (ReseauOutboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_outbox_page_dispose;

  signals[CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-outbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, navigation);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, campaign_list);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, detail_page);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, detail_state);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, detail_progress);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, detail_counts);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, detail_reason);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, unconfirmed_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, unconfirmed_list);
  gtk_widget_class_bind_template_child (widget_class, ReseauOutboxPage, recipient_list);

  gtk_widget_class_install_action (widget_class, "outbox.retry-failed", NULL, campaign_action);
  gtk_widget_class_install_action (widget_class, "outbox.pause", NULL, campaign_action);
  gtk_widget_class_install_action (widget_class, "outbox.resume", NULL, campaign_action);
  gtk_widget_class_install_action (widget_class, "outbox.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "outbox.resend", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "outbox.mark-sent", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "outbox.show-campaign", "x", show_campaign_action);
  gtk_widget_class_install_action (widget_class, "outbox.close", NULL, close_action);
}

static void
reseau_outbox_page_init (ReseauOutboxPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->navigation, "popped", G_CALLBACK (popped_cb), self);
}

ReseauOutboxPage *
reseau_outbox_page_new (ReseauApplication *app,
                        ReseauStore       *store)
{
  ReseauOutboxPage *self;
  ReseauSender *sender;

  g_return_val_if_fail (RESEAU_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);

  self = g_object_new (RESEAU_TYPE_OUTBOX_PAGE, NULL);
  g_set_weak_pointer (&self->app, app);
  self->store = g_object_ref (store);
  if ((sender = reseau_application_get_sender (app)) != NULL)
    {
      g_signal_connect_object (sender, "campaign-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sender, "progress", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
    }
  reseau_outbox_page_refresh (self);
  return self;
}
