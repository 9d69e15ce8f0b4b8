/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-application-sender"

#include "config.h"

#include <glib/gi18n.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "reseau-application-private.h"
#include "reseau-when.h"
#include "reseau-outbox.h"
#include "reseau-sender.h"
#include "reseau-window-private.h"

/* The application's one sender: it runs what is due, sleeps until the next thing becomes
 * due, keeps Réseau running (hold + Background portal) while anything is pending, and asks
 * before sending a campaign found more than 12 hours late at start-up. */
struct _ReseauAppSending
{
  ReseauApplication *app;         /* owner */
  ReseauSender      *sender;
  ReseauStore       *store;
  GCancellable      *cancellable;
  GHashTable        *held;        /* late campaigns waiting for an answer: gint64 set */
  GHashTable        *ran;         /* run one by one this round while some are held */
  GHashTable        *states;      /* campaign id → last known ReseauCampaignState */
  GArray            *to_ask;      /* late campaigns still to ask about */
  guint              timer_id;
  guint              ask_id;      /* a window appeared: ask once it is shown */
  guint              ask_tries;
  gboolean           wake_pending;
  gboolean           holding;
  gboolean           background_asked;
  gboolean           asking;
  gboolean           first_run_done;
  XdpPortal         *portal;
  struct Ticket     *ticket;      /* the run under way */
};

/* A run may end after the application let go of its sending state. */
typedef struct Ticket
{
  ReseauAppSending *s;
} Ticket;

static void run_next (ReseauAppSending *s);

static gint64
now_utc (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static ReseauWindow *
find_window (ReseauAppSending *s)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (s->app)); l != NULL; l = l->next)
    if (RESEAU_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
add_toast (ReseauAppSending *s,
           AdwToast         *toast)
{
  ReseauWindow *window = find_window (s);

  if (window != NULL)
    adw_toast_overlay_add_toast (window->toast_overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* ---------------------------------------------------------------------------------------- */
/* Staying alive */

static void
background_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ReseauAppSending *s = user_data;
  g_autoptr(GError) error = NULL;

  if (xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_message ("Background portal: %s", error->message);
  add_toast (s, adw_toast_new (_("Réseau may not run in the background: keep it open until your messages are sent")));
}

/* In a sandbox, closing the window is not enough to keep running: the Background portal
 * grants it, with autostart so that a log-out does not lose the schedule. */
static void
request_background (ReseauAppSending *s)
{
  g_autoptr(GPtrArray) commandline = NULL;
  ReseauWindow *window = find_window (s);
  XdpParent *parent = NULL;

  if (s->background_asked || !xdp_portal_running_under_sandbox ())
    return;
  s->background_asked = TRUE;
  if (s->portal == NULL)
    s->portal = xdp_portal_new ();
  commandline = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (commandline, g_strdup ("reseau"));
  g_ptr_array_add (commandline, g_strdup ("--background"));
  if (window != NULL)
    parent = xdp_parent_new_gtk (GTK_WINDOW (window));
  xdp_portal_request_background (s->portal, parent,
                                 _("Réseau sends your scheduled messages at the time you chose"),
                                 commandline, XDP_BACKGROUND_FLAG_AUTOSTART, s->cancellable,
                                 background_cb, s);
  g_clear_pointer (&parent, xdp_parent_free);
}

static void
update_hold (ReseauAppSending *s)
{
  gboolean pending = reseau_sender_is_running (s->sender) ||
                     reseau_store_next_due_time (s->store, NULL) > 0;

  if (pending && !s->holding)
    {
      g_application_hold (G_APPLICATION (s->app));
      s->holding = TRUE;
      request_background (s);
    }
  else if (!pending && s->holding)
    {
      s->holding = FALSE;
      g_application_release (G_APPLICATION (s->app));
    }
}

static gboolean
timer_cb (gpointer user_data)
{
  ReseauAppSending *s = user_data;

  s->timer_id = 0;
  run_next (s);
  return G_SOURCE_REMOVE;
}

/* Sleeps until the next message becomes due; never more than ten minutes, so that a
 * suspended laptop or a changed clock is noticed soon after. */
static void
schedule_timer (ReseauAppSending *s,
                guint             floor_seconds)
{
  gint64 next = reseau_store_next_due_time (s->store, NULL);
  gint64 delay;

  g_clear_handle_id (&s->timer_id, g_source_remove);
  if (next <= 0)
    return;
  delay = CLAMP (next - now_utc (), (gint64)floor_seconds, 600);
  s->timer_id = g_timeout_add_seconds ((guint)delay, timer_cb, s);
}

/* ---------------------------------------------------------------------------------------- */
/* Telling the user */

static void
notify_campaign (ReseauAppSending     *s,
                 const ReseauCampaign *campaign)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = g_strdup_printf ("campaign-%" G_GINT64_FORMAT, campaign->id);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  guint failed = campaign->counts[RESEAU_RECIPIENT_FAILED_PERMANENT] +
                 campaign->counts[RESEAU_RECIPIENT_FAILED_TEMPORARY];

  if (find_window (s) != NULL)
    return;
  if (campaign->state == RESEAU_CAMPAIGN_PAUSED)
    {
      title = g_strdup_printf (_("“%s” is paused"), campaign->subject);
      body = g_strdup (campaign->pause_reason);
    }
  else
    {
      title = g_strdup_printf (_("“%s” was sent"), campaign->subject);
      body = failed == 0
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message sent", "%u messages sent",
                                             campaign->counts[RESEAU_RECIPIENT_SENT]),
                                campaign->counts[RESEAU_RECIPIENT_SENT])
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message could not be sent",
                                             "%u messages could not be sent", failed), failed);
    }
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.outbox");
  g_application_send_notification (G_APPLICATION (s->app), id, notification);
}

static void
campaign_changed_cb (ReseauAppSending *s,
                     gint64            campaign_id)
{
  g_autoptr(ReseauCampaign) campaign = reseau_store_load_campaign (s->store, campaign_id, NULL);
  gpointer old;
  gboolean known;

  if (campaign == NULL)
    return;
  known = g_hash_table_lookup_extended (s->states, &campaign->id, NULL, &old);
  if ((!known || GPOINTER_TO_INT (old) != (int)campaign->state) &&
      (campaign->state == RESEAU_CAMPAIGN_DONE || campaign->state == RESEAU_CAMPAIGN_PAUSED))
    notify_campaign (s, campaign);
  g_hash_table_insert (s->states, g_memdup2 (&campaign->id, sizeof (gint64)),
                       GINT_TO_POINTER ((int)campaign->state));
}

static guint
count_unconfirmed (ReseauAppSending *s)
{
  g_autoptr(GPtrArray) campaigns = reseau_store_list_campaigns (s->store, NULL);
  guint n = 0;

  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    n += ((ReseauCampaign *)campaigns->pdata[i])->counts[RESEAU_RECIPIENT_UNCONFIRMED];
  return n;
}

/* Réseau stopped while some messages were with the server: say so once, at start-up. */
static void
report_unconfirmed (ReseauAppSending *s)
{
  guint n = count_unconfirmed (s);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n == 0)
    return;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message may not have been sent",
                                        "%u messages may not have been sent", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Review"));
  adw_toast_set_action_name (toast, "app.outbox");
  adw_toast_set_timeout (toast, 0);
  add_toast (s, toast);
}

/* ---------------------------------------------------------------------------------------- */
/* Running */

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Ticket *ticket = user_data;
  ReseauAppSending *s = ticket->s;
  g_autoptr(ReseauSendSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = reseau_sender_run_finish (RESEAU_SENDER (source), result, &error);
  g_free (ticket);
  if (s == NULL)
    return;
  s->ticket = NULL;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!s->first_run_done)
    {
      s->first_run_done = TRUE;
      report_unconfirmed (s);
    }
  if (summary == NULL)
    {
      gboolean busy = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY);

      /* Busy: another Réseau (say `reseau --send-due`) is sending, or our own previous run
       * has not let go of the lock yet; look again in a few seconds. */
      if (!busy)
        add_toast (s, adw_toast_new (error->message));
      s->wake_pending = FALSE;
      g_clear_handle_id (&s->timer_id, g_source_remove);
      s->timer_id = g_timeout_add_seconds (busy ? 3 : 60, timer_cb, s);
      update_hold (s);
      return;
    }
  for (guint i = 0; i < summary->problems->len; i++)
    add_toast (s, adw_toast_new (summary->problems->pdata[i]));
  if (s->wake_pending || g_hash_table_size (s->held) > 0)
    {
      s->wake_pending = FALSE;
      run_next (s);
      return;
    }
  schedule_timer (s, 1);
  update_hold (s);
}

static void
start_run (ReseauAppSending *s,
           gint64            campaign_id)
{
  GSettings *settings = reseau_application_get_settings (s->app);

  reseau_sender_set_throttle (s->sender, g_settings_get_uint (settings, "throttle-per-minute"));
  reseau_sender_set_campaign (s->sender, campaign_id);
  s->ticket = g_new0 (Ticket, 1);
  s->ticket->s = s;
  reseau_sender_run_async (s->sender, s->cancellable, run_cb, s->ticket);
  update_hold (s);
}

/* With no late campaign waiting for an answer, one run sends everything due; otherwise each
 * due campaign runs alone, once per round, and the held ones wait. */
static void
run_next (ReseauAppSending *s)
{
  g_autoptr(GArray) due = NULL;

  if (reseau_sender_is_running (s->sender))
    {
      s->wake_pending = TRUE;
      return;
    }
  g_clear_handle_id (&s->timer_id, g_source_remove);
  if (g_hash_table_size (s->held) == 0)
    {
      g_hash_table_remove_all (s->ran);
      start_run (s, 0);
      return;
    }
  due = reseau_outbox_due_campaigns (s->store, now_utc (), NULL);
  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      gint64 id = g_array_index (due, gint64, i);

      if (!g_hash_table_contains (s->held, &id) && !g_hash_table_contains (s->ran, &id))
        {
          g_hash_table_add (s->ran, g_memdup2 (&id, sizeof id));
          start_run (s, id);
          return;
        }
    }
  g_hash_table_remove_all (s->ran);
  schedule_timer (s, 30);
  update_hold (s);
}

/* ---------------------------------------------------------------------------------------- */
/* Campaigns found late at start-up */

static void ask_next_late (ReseauAppSending *s);

static void
release_held (ReseauAppSending *s,
              gint64            campaign_id)
{
  g_hash_table_remove (s->held, &campaign_id);
  s->asking = FALSE;
  ask_next_late (s);
  run_next (s);
}

static void
reschedule_response_cb (AdwAlertDialog   *dialog,
                        const char       *response,
                        ReseauAppSending *s)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "campaign")) ;
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (dialog), "calendar");
  GtkSpinButton *hour = g_object_get_data (G_OBJECT (dialog), "hour");
  GtkSpinButton *minute = g_object_get_data (G_OBJECT (dialog), "minute");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "reschedule"))
    {
      g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
      g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                         g_date_time_get_day_of_month (day),
                                                         gtk_spin_button_get_value_as_int (hour),
                                                         gtk_spin_button_get_value_as_int (minute), 0);

      if (!reseau_outbox_reschedule (s->store, id, g_date_time_to_unix (when), now_utc (), &error))
        add_toast (s, adw_toast_new (error->message));
    }
  /* Closing without choosing leaves the campaign held until the next start. */
  else
    {
      s->asking = FALSE;
      ask_next_late (s);
      return;
    }
  release_held (s, id);
}

static GtkWidget *
time_spin (int upper,
           int value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  return spin;
}

static void
present_reschedule (ReseauAppSending     *s,
                    const ReseauCampaign *campaign)
{
  g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (campaign->scheduled_at);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (g_date_time_new_now_local (), 1);
  AdwDialog *dialog = adw_alert_dialog_new (_("Reschedule"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *times = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *hour = time_spin (23, g_date_time_get_hour (due));
  GtkWidget *minute = time_spin (59, g_date_time_get_minute (due));

  gtk_calendar_select_day (GTK_CALENDAR (calendar), tomorrow);
  gtk_accessible_update_property (GTK_ACCESSIBLE (hour), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hour"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (minute), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minute"), -1);
  gtk_widget_set_halign (times, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (times), hour);
  gtk_box_append (GTK_BOX (times), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (times), minute);
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), times);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), box);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"),
                                  "reschedule", _("_Reschedule"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "reschedule", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "campaign", GSIZE_TO_POINTER ((gsize)campaign->id));
  g_object_set_data (G_OBJECT (dialog), "calendar", calendar);
  g_object_set_data (G_OBJECT (dialog), "hour", hour);
  g_object_set_data (G_OBJECT (dialog), "minute", minute);
  g_signal_connect (dialog, "response", G_CALLBACK (reschedule_response_cb), s);
  adw_dialog_present (dialog, GTK_WIDGET (find_window (s)));
}

static void
late_response_cb (AdwAlertDialog   *dialog,
                  const char       *response,
                  ReseauAppSending *s)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "campaign"));
  g_autoptr(ReseauCampaign) campaign = NULL;

  if (g_str_equal (response, "send"))
    release_held (s, id);
  else if (g_str_equal (response, "reschedule") &&
           (campaign = reseau_store_load_campaign (s->store, id, NULL)) != NULL)
    present_reschedule (s, campaign);
  else
    {
      s->asking = FALSE;
      ask_next_late (s);
    }
}

static void
ask_next_late (ReseauAppSending *s)
{
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  ReseauWindow *window = find_window (s);
  AdwDialog *dialog;
  gint64 id;

  if (s->asking || window == NULL || s->to_ask->len == 0)
    return;
  id = g_array_index (s->to_ask, gint64, 0);
  g_array_remove_index (s->to_ask, 0);
  if ((campaign = reseau_store_load_campaign (s->store, id, NULL)) == NULL ||
      campaign->state != RESEAU_CAMPAIGN_SCHEDULED)
    {
      g_hash_table_remove (s->held, &id);
      ask_next_late (s);
      return;
    }
  s->asking = TRUE;
  when = reseau_format_when_date (campaign->scheduled_at);
  /* Translators: "“Réunion à Paris” was due on Monday 23 November at 09:00." */
  body = g_strdup_printf (_("“%s” was due on %s. A message meant for then may no longer fit."),
                          campaign->subject, when);
  dialog = adw_alert_dialog_new (_("Send a Late Message?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "later", _("_Not Now"),
                                  "reschedule", _("_Reschedule…"), "send", _("_Send Now"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "send");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "later");
  g_object_set_data (G_OBJECT (dialog), "campaign", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect (dialog, "response", G_CALLBACK (late_response_cb), s);
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

/* A window is added before it is shown: look a few times a second until it is. */
static gboolean
ask_cb (gpointer user_data)
{
  ReseauAppSending *s = user_data;

  if (s->to_ask->len > 0 && find_window (s) == NULL && ++s->ask_tries < 40)
    return G_SOURCE_CONTINUE;
  s->ask_id = 0;
  ask_next_late (s);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (ReseauAppSending *s)
{
  if (s->ask_id == 0 && s->to_ask->len > 0)
    {
      s->ask_tries = 0;
      s->ask_id = g_timeout_add (250, ask_cb, s);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Entry points */

ReseauAppSending *
_reseau_app_sending_new (ReseauApplication *app)
{
  ReseauAppSending *s = g_new0 (ReseauAppSending, 1);

  s->app = app;
  s->held = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  s->ran = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  s->states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  s->to_ask = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (app, "window-added", G_CALLBACK (window_added_cb), s);
  return s;
}

void
_reseau_app_sending_free (ReseauAppSending *s)
{
  if (s == NULL)
    return;
  if (s->ticket != NULL)
    s->ticket->s = NULL;
  g_cancellable_cancel (s->cancellable);
  g_clear_handle_id (&s->timer_id, g_source_remove);
  g_clear_handle_id (&s->ask_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (s->app, s);
  g_clear_object (&s->cancellable);
  if (s->sender != NULL)
    g_signal_handlers_disconnect_by_data (s->sender, s);
  g_clear_object (&s->sender);
  g_clear_object (&s->store);
  g_clear_object (&s->portal);
  g_hash_table_unref (s->held);
  g_hash_table_unref (s->ran);
  g_hash_table_unref (s->states);
  g_array_unref (s->to_ask);
  g_free (s);
}

/**
 * _reseau_application_start_sender:
 *
 * Called once the store is open: sends what is due, except the campaigns more than 12 hours
 * late, which wait for the user's answer (asked as soon as a window shows).
 */
void
_reseau_application_start_sender (ReseauApplication *self,
                                  ReseauAppSending  *s,
                                  ReseauStore       *store,
                                  const char        *store_path)
{
  g_autoptr(GArray) late = NULL;

  if (store == NULL || s->store == store)
    return;
  g_set_object (&s->store, store);
  if (s->sender == NULL)
    {
      s->cancellable = g_cancellable_new ();
      s->sender = reseau_sender_new (store_path);
      g_signal_connect_swapped (s->sender, "campaign-changed", G_CALLBACK (campaign_changed_cb), s);
    }
  late = reseau_outbox_late_campaigns (store, now_utc (), NULL);
  for (guint i = 0; late != NULL && i < late->len; i++)
    {
      gint64 id = g_array_index (late, gint64, i);

      g_hash_table_add (s->held, g_memdup2 (&id, sizeof id));
      g_array_append_val (s->to_ask, id);
    }
  ask_next_late (s);
  run_next (s);
}

/* A window appeared: ask what waited for one. */
void
_reseau_application_sender_window_shown (ReseauAppSending *s)
{
  if (s->store != NULL)
    ask_next_late (s);
}

ReseauSender *
_reseau_app_sending_get_sender (ReseauAppSending *s)
{
  return s->sender;
}

void
_reseau_app_sending_wake (ReseauAppSending *s)
{
  if (s->sender != NULL)
    run_next (s);
}
