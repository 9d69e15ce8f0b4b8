/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The composer in the real window, under a real X server, with the real keyring and the test
 * SMTP server: a circle dragged from the sidebar with the real pointer (xdotool) onto the
 * recipients, the live count, the person without an address listed apart, the etiquette
 * guard skipping someone written to twice this month, a merge field inserted from the menu,
 * an unknown field blocking the send with its message, the per-recipient preview, then a
 * send that the application's sender delivers: one message per recipient at the server.
 * Drafts reopen as they were. A 10,000-person circle is counted in a worker while the
 * window goes on. Screenshots of the composer, the preview and the etiquette
 * warning, in each language, at 1100 and 360 px.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mail-test-utils.h"
#include "mail-ui-common.h"
#include "reseau-account.h"
#include "reseau-composer.h"
#include "reseau-composer-preview.h"
#include "reseau-credentials.h"
#include "reseau-etiquette.h"
#include "reseau-reconnect-page.h"
#include "reseau-test-utils.h"

typedef struct
{
  const char *given;
  const char *family;
  const char *email;
  const char *organization;
  guint       n_recent_messages;
} Person;

/* Everyone is in "Clients Lyon"; Hugo has no address, Inès was written to twice lately. */
static const Person people[] = {
  { "Frédéric", "Martinet", "frederic@example.org", "Atelier Boréal", 0 },
  { "Élodie", "Marchand", "elodie@example.org", "Lumen", 0 },
  { "Hugo", "Bernard", NULL, "Lumen", 0 },
  { "Inès", "Lefèvre", "ines@example.org", "Orbiteam", 2 },
  { "Jules", "Roux", "jules@example.org", NULL, 0 },
};

#define N_SENDABLE 3

typedef struct
{
  MailFixture f;
  gint64      circle;
  gint64      other_circle;
  gint64      ids[G_N_ELEMENTS (people)];
} Fixture;

static void
add_people (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauCircle) circle = reseau_circle_new ("Clients Lyon");
  g_autoptr(ReseauCircle) other = reseau_circle_new ("Partenaires");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  ReseauStore *store = fx->f.store;

  fx->circle = reseau_store_save_circle (store, circle, &error);
  g_assert_no_error (error);
  fx->other_circle = reseau_store_save_circle (store, other, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(ReseauContact) contact = reseau_contact_new ();
      gint64 id;

      reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, people[i].given);
      reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, people[i].family);
      if (people[i].organization != NULL)
        reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, people[i].organization);
      if (people[i].email != NULL)
        reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK,
                                                                     people[i].email));
      id = reseau_store_save_contact (store, contact, NULL, &error);
      g_assert_no_error (error);
      fx->ids[i] = id;
      g_assert_true (reseau_store_add_to_circle (store, fx->circle, &id, 1, NULL, NULL, &error));
      for (guint k = 0; k < people[i].n_recent_messages; k++)
        g_assert_cmpint (reseau_store_add_interaction (store, id, RESEAU_INTERACTION_MESSAGE, today, "Relance", &error),
                         >, 0);
    }
}

static void
add_account (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauAccount) account = reseau_account_new ();

  reseau_account_set_display_name (account, "Camille Rousseau");
  reseau_account_set_address (account, "camille@example.org");
  reseau_account_set_host (account, "127.0.0.1");
  reseau_account_set_port (account, g_ascii_strtoull (g_getenv ("RESEAU_TEST_SMTP_PORT"), NULL, 10));
  reseau_account_set_security (account, RESEAU_ACCOUNT_SECURITY_STARTTLS);
  reseau_account_set_user_name (account, g_getenv ("RESEAU_TEST_SMTP_USER"));
  g_assert_true (reseau_account_save (account, fx->f.store, &error));
  g_assert_true (reseau_credentials_store_sync (account, g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  mail_fixture_set_up (&fx->f, data);
  mail_test_reset_maildir ();
  add_people (fx);
  add_account (fx);
  reseau_store_emit_changed (fx->f.store);
  mail_settle (400);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  static GPtrArray *kept;

  /* A GtkApplication leaves D-Bus only through g_application_run(); finalizing a registered
   * one warns (fatally here), so each test's application lives until the process ends. */
  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, g_object_ref (fx->f.app));
  mail_fixture_tear_down (&fx->f, data);
}

/* Look-ups ---------------------------------------------------------------------------------- */

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  name)
{
  return gtk_widget_has_css_class (widget, name) && gtk_widget_is_drawable (widget);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  text)
{
  return gtk_widget_is_drawable (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static ReseauComposer *
wait_for_composer (Fixture *fx)
{
  return RESEAU_COMPOSER (mail_wait_for (&fx->f, mail_is_type, GSIZE_TO_POINTER (RESEAU_TYPE_COMPOSER),
                                         "the composer"));
}

static GtkWidget *
wait_for_label (Fixture    *fx,
                const char *text)
{
  return mail_wait_for (&fx->f, is_label, text, text);
}

static char *
count_text (guint n,
            guint total)
{
  if (n == total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person will get a personal email",
                                         "%u people will get a personal email", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person will get a personal email",
                                       "%u of %u people will get a personal email", total), n, total);
}

static void
screenshot (Fixture    *fx,
            const char *what)
{
  mail_screenshot (&fx->f, what);
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  label)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
}

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Opens the composer with Clients Lyon as the recipients: the header bar's button, then a
 * real drag of the circle from the sidebar when the window is wide enough to show both;
 * the circle's "Write to Circle…" otherwise. */
static ReseauComposer *
compose_to_circle (Fixture *fx)
{
  g_autofree char *count = count_text (N_SENDABLE, G_N_ELEMENTS (people));
  ReseauComposer *composer;

  if (fx->f.width >= 900)
    {
      GtkWidget *name = mail_wait_for (&fx->f, is_label, "Clients Lyon", "the circle in the sidebar");
      GtkWidget *row = gtk_widget_get_ancestor (name, GTK_TYPE_LIST_BOX_ROW);
      GtkWidget *area;

      mail_click (mail_wait_for (&fx->f, is_action_button, "win.compose", "the Write button"));
      composer = wait_for_composer (fx);
      g_assert_cmpuint (reseau_composer_get_n_sendable (composer), ==, 0);
      area = mail_wait_for (&fx->f, has_css_class, "composer-recipients", "the recipients");
      mail_settle (300);
      g_assert_true (reseau_test_drag (row, area, FALSE));
    }
  else
    {
      /* The keyboard's way: the + menu of circles. */
      mail_click (mail_wait_for (&fx->f, is_action_button, "win.compose", "the Write button"));
      composer = wait_for_composer (fx);
      mail_click (mail_wait_for (&fx->f, has_tooltip, _("Add a Circle"), "the + button"));
      mail_click (mail_wait_for (&fx->f, is_label, "Clients Lyon", "the circle in the + menu"));
    }
  wait_for_label (fx, count);
  g_assert_cmpuint (reseau_composer_get_n_sendable (composer), ==, N_SENDABLE);
  return composer;
}

/* Tests ------------------------------------------------------------------------------------- */

/* Every file of the server's folder ending in @suffix, joined. */
static char *
server_dump (const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (g_getenv ("RESEAU_TEST_SMTP_DIR"), 0, NULL);
  GString *all = g_string_new (NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      {
        g_autofree char *path = g_build_filename (g_getenv ("RESEAU_TEST_SMTP_DIR"), name, NULL);
        g_autofree char *text = NULL;

        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        g_string_append (all, text);
      }
  return g_string_free (all, FALSE);
}

typedef struct
{
  ReseauStore       *store;
  ReseauApplication *app;
  gint64             campaign;
} Wait;

static gboolean
all_sent_cb (gpointer data)
{
  Wait *wait = data;
  g_autoptr(ReseauCampaign) campaign = reseau_store_load_campaign (wait->store, wait->campaign, NULL);

  /* The sender's run is over too, so that it reports to this window, not a later one. */
  return campaign != NULL && campaign->counts[RESEAU_RECIPIENT_SENT] == N_SENDABLE &&
         mail_test_count_messages () == N_SENDABLE &&
         !reseau_sender_is_running (reseau_application_get_sender (wait->app));
}

static void
type_text (const char *text)
{
  const char *type[] = { "type", "--delay", "15", text, NULL };

  g_assert_true (reseau_test_xdotool (type));
  mail_settle (200);
}

static void
key (const char *keys)
{
  const char *argv[] = { "key", "--clearmodifiers", keys, NULL };

  g_assert_true (reseau_test_xdotool (argv));
  mail_settle (100);
}

static const Person *
person_named (const char *full_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", people[i].given, people[i].family);

      if (g_str_equal (name, full_name))
        return &people[i];
    }
  g_error ("Nobody is called %s", full_name);
}

/* The preview at @position shows that recipient's own subject and body. */
static void
check_preview (Fixture               *fx,
               ReseauComposerPreview *preview,
               guint                  position)
{
  g_autofree char *prefix = g_strdup_printf (_("%u of %u — %s"), position + 1, N_SENDABLE, "");
  GtkWidget *label = mail_wait_for (&fx->f, mail_is_label_containing, prefix, "the preview's position");
  const Person *person = person_named (gtk_label_get_text (GTK_LABEL (label)) + strlen (prefix));
  g_autofree char *subject = g_strdup_printf ("Hello %s", person->given);
  g_autofree char *body = g_strdup_printf ("Dear %s, see you at %s.", person->given,
                                           person->organization ? person->organization : "the office");

  g_assert_cmpuint (reseau_composer_preview_get_position (preview), ==, position);
  wait_for_label (fx, subject);
  wait_for_label (fx, body);
}

/* Writes the subject and body for real: a merge field from the menu, a fallback, and an
 * unknown field that blocks sending until it is gone. */
static void
write_message (Fixture        *fx,
               ReseauComposer *composer)
{
  GtkWidget *send = mail_wait_for (&fx->f, is_action_button, "composer.send", "the Send button");
  GtkWidget *problem;

  mail_type_into (mail_wait_for (&fx->f, mail_is_row_titled, _("Subject"), "the subject"), "Hello {first_name}");
  mail_click (mail_wait_for (&fx->f, mail_is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW), "the body"));
  type_text ("Dear ");
  mail_click (mail_wait_for (&fx->f, is_menu_button, _("_Insert Field"), "Insert Field"));
  mail_click (mail_wait_for (&fx->f, is_label, _("First name"), "First name in the menu"));
  mail_settle (300);
  type_text (", see you at {organization|the office}. {fist_name}");
  problem = mail_wait_for (&fx->f, mail_is_label_containing, "{fist_name}", "the unknown field's message");
  g_assert_false (gtk_widget_is_sensitive (send));
  screenshot (fx, "composer-problem");

  for (guint i = 0; i < strlen (" {fist_name}"); i++)
    key ("BackSpace");
  mail_settle (300);
  g_assert_false (gtk_widget_is_drawable (problem));
  g_assert_true (gtk_widget_is_sensitive (send));
}

static void
test_send (Fixture       *fx,
           gconstpointer  data)
{
  ReseauComposer *composer = compose_to_circle (fx);
  g_autofree char *no_email = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person has no email address",
                                                            "%u people have no email address", 1), 1);
  ReseauComposerPreview *preview;
  Wait wait = { fx->f.store, fx->f.app, 0 };
  g_autofree char *rcpts = NULL;
  g_autofree char *messages = NULL;
  GtkWidget *alert;

  /* Hugo apart, Inès skipped unless the switch says otherwise. */
  mail_wait_for (&fx->f, mail_is_row_titled, no_email, "the people without an address");
  mail_wait_for (&fx->f, mail_is_row_titled, _("Write to Them Anyway"), "the etiquette switch");
  screenshot (fx, "composer-etiquette");

  write_message (fx, composer);
  screenshot (fx, "composer");

  /* The preview steps through the actual messages. */
  mail_click (mail_wait_for (&fx->f, is_action_button, "composer.preview", "Preview"));
  preview = RESEAU_COMPOSER_PREVIEW (mail_wait_for (&fx->f, mail_is_type,
                                                    GSIZE_TO_POINTER (RESEAU_TYPE_COMPOSER_PREVIEW), "the preview"));
  check_preview (fx, preview, 0);
  screenshot (fx, "composer-preview");
  mail_click (mail_find (GTK_WIDGET (preview), is_action_button, "preview.next"));
  check_preview (fx, preview, 1);
  adw_dialog_close (ADW_DIALOG (preview));
  mail_settle (500);

  /* Sent through the application's sender: one message per recipient at the server. */
  wait.campaign = reseau_composer_save (composer);
  g_assert_cmpint (wait.campaign, >, 0);
  mail_click (mail_wait_for (&fx->f, is_action_button, "composer.send", "the Send button"));
  alert = mail_wait_for (&fx->f, mail_is_type, GSIZE_TO_POINTER (ADW_TYPE_ALERT_DIALOG), "the confirmation");
  mail_click (mail_find (alert, mail_is_button_labelled, _("_Send")));
  g_assert_true (reseau_test_iterate_until (all_sent_cb, &wait, 60000));
  rcpts = server_dump (".json");
  messages = server_dump (".eml");
  g_assert_nonnull (strstr (rcpts, "frederic@example.org"));
  g_assert_nonnull (strstr (rcpts, "elodie@example.org"));
  g_assert_nonnull (strstr (rcpts, "jules@example.org"));
  g_assert_null (strstr (rcpts, "ines@example.org"));
  g_assert_nonnull (strstr (messages, "Subject: Hello Jules"));
  g_assert_nonnull (strstr (messages, "Dear Jules, see you at the office."));
  g_assert_null (mail_find (GTK_WIDGET (fx->f.window), mail_is_type, GSIZE_TO_POINTER (RESEAU_TYPE_COMPOSER)));
}

/* Closing keeps the draft; the outbox's "open draft" brings it back as it was. */
static void
test_draft (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *count = count_text (N_SENDABLE, G_N_ELEMENTS (people));
  ReseauComposer *composer = compose_to_circle (fx);
  g_autoptr(GPtrArray) campaigns = NULL;
  ReseauCampaign *draft;

  mail_type_into (mail_wait_for (&fx->f, mail_is_row_titled, _("Subject"), "the subject"), "Draft for {first_name}");
  mail_click (mail_wait_for (&fx->f, is_action_button, "composer.close", "Close"));
  mail_settle (500);
  g_assert_null (mail_find (GTK_WIDGET (fx->f.window), mail_is_type, GSIZE_TO_POINTER (RESEAU_TYPE_COMPOSER)));
  campaigns = reseau_store_list_campaigns (fx->f.store, NULL);
  g_assert_cmpuint (campaigns->len, ==, 1);
  draft = g_ptr_array_index (campaigns, 0);
  g_assert_cmpint (draft->state, ==, RESEAU_CAMPAIGN_DRAFT);
  g_assert_cmpstr (draft->subject, ==, "Draft for {first_name}");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->f.window), "win.open-draft", "x", draft->id));
  composer = wait_for_composer (fx);
  wait_for_label (fx, count);
  wait_for_label (fx, "Clients Lyon");
  g_assert_cmpint (reseau_composer_save (composer), ==, draft->id);
  g_assert_nonnull (mail_find (GTK_WIDGET (composer), has_css_class, "composer-chip"));
}

typedef struct
{
  ReseauStore *store;
  gint64       id;
} Scheduled;

static gboolean
scheduled_cb (gpointer data)
{
  Scheduled *wait = data;
  g_autoptr(ReseauCampaign) campaign = reseau_store_load_campaign (wait->store, wait->id, NULL);

  return campaign != NULL && campaign->state == RESEAU_CAMPAIGN_SCHEDULED;
}

/* Send Later: tomorrow at 07:30 local time is stored as that moment in UTC, and nothing
 * leaves before it. */
static void
test_schedule (Fixture       *fx,
               gconstpointer  data)
{
  ReseauComposer *composer;
  AdwSpinRow *hour, *minute;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                     g_date_time_get_month (tomorrow),
                                                     g_date_time_get_day_of_month (tomorrow), 7, 30, 0);
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Schedule %u Personal Email?",
                                                           "Schedule %u Personal Emails?", N_SENDABLE),
                                              N_SENDABLE);
  Scheduled wait = { fx->f.store, 0 };
  GtkWidget *alert;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->f.window), "win.compose-circle", "x", fx->circle));
  composer = wait_for_composer (fx);
  mail_type_into (mail_wait_for (&fx->f, mail_is_row_titled, _("Subject"), "the subject"), "Tomorrow, {first_name}");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (mail_wait_for (&fx->f, mail_is_row_titled, _("Send Later"),
                                                                          "Send Later")), TRUE);
  hour = ADW_SPIN_ROW (mail_wait_for (&fx->f, mail_is_row_titled, _("Hour"), "the hour"));
  minute = ADW_SPIN_ROW (mail_wait_for (&fx->f, mail_is_row_titled, _("Minute"), "the minute"));
  adw_spin_row_set_value (hour, 7);
  adw_spin_row_set_value (minute, 30);
  mail_settle (300);

  wait.id = reseau_composer_save (composer);
  mail_click (mail_wait_for (&fx->f, mail_is_button_labelled, _("_Schedule…"), "the Schedule button"));
  alert = mail_wait_for (&fx->f, mail_is_type, GSIZE_TO_POINTER (ADW_TYPE_ALERT_DIALOG), "the confirmation");
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, heading);
  mail_click (mail_find (alert, mail_is_button_labelled, _("_Schedule")));
  g_assert_true (reseau_test_iterate_until (scheduled_cb, &wait, 20000));
  campaign = reseau_store_load_campaign (fx->f.store, wait.id, NULL);
  g_assert_cmpint (campaign->scheduled_at, ==, g_date_time_to_unix (when));
  g_assert_cmpuint (campaign->counts[RESEAU_RECIPIENT_QUEUED], ==, N_SENDABLE);
  mail_settle (2000);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
}

/* "Write…" on the Reconnect page opens the composer for those people. */
static void
test_reconnect (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *chip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected person",
                                                        "%u selected people", 2), 2);
  g_autofree char *count = count_text (2, 2);
  GtkWidget *page;

  mail_click (gtk_widget_get_ancestor (mail_wait_for (&fx->f, is_label, _("Reconnect"), "Reconnect"),
                                       GTK_TYPE_LIST_BOX_ROW));
  page = mail_wait_for (&fx->f, mail_is_type, GSIZE_TO_POINTER (RESEAU_TYPE_RECONNECT_PAGE), "the Reconnect page");
  g_array_append_val (ids, fx->ids[0]);
  g_array_append_val (ids, fx->ids[1]);
  g_signal_emit_by_name (page, "write-requested", ids);
  wait_for_composer (fx);
  wait_for_label (fx, chip);
  wait_for_label (fx, count);
}

/* The narrow window: the composer alone, the etiquette warning and the preview. */
static void
test_narrow (Fixture       *fx,
             gconstpointer  data)
{
  ReseauComposer *composer;
  g_autofree char *large = NULL;

  /* A threshold low enough for the large-segment warning to show too. */
  g_settings_set_uint (reseau_application_get_settings (fx->f.app), "large-segment-threshold", N_SENDABLE);
  g_assert_true (reseau_etiquette_is_large_segment (N_SENDABLE, N_SENDABLE, &large));
  composer = compose_to_circle (fx);
  mail_wait_for (&fx->f, mail_is_row_titled, large, "the large-segment warning");

  mail_wait_for (&fx->f, mail_is_row_titled, _("Write to Them Anyway"), "the etiquette switch");
  screenshot (fx, "composer-etiquette");
  write_message (fx, composer);
  screenshot (fx, "composer");
  mail_click (mail_wait_for (&fx->f, is_action_button, "composer.preview", "Preview"));
  check_preview (fx, RESEAU_COMPOSER_PREVIEW (mail_wait_for (&fx->f, mail_is_type,
                                                             GSIZE_TO_POINTER (RESEAU_TYPE_COMPOSER_PREVIEW),
                                                             "the preview")), 0);
  screenshot (fx, "composer-preview");
}

/* Large circles ------------------------------------------------------------------------------ */

#define N_LARGE 10000

static gboolean
is_composer_built (GtkWidget     *widget,
                   gconstpointer  data)
{
  return RESEAU_IS_COMPOSER (widget);
}

/* Drawn or not: the summary's state before any frame. */
static gboolean
is_label_built (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_row_built (GtkWidget     *widget,
              gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
record_label_cb (GtkLabel   *label,
                 GParamSpec *pspec,
                 GPtrArray  *shown)
{
  g_ptr_array_add (shown, g_strdup (gtk_label_get_text (label)));
}

/* Through a connection of its own, as an import would: the window's connection would
 * tell its lists of each contact as it is saved. */
static gint64
make_large_circle (Fixture    *fx,
                   const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) other = reseau_store_open (reseau_store_get_path (fx->f.store), &error);

  g_assert_no_error (error);
  return mail_test_make_circle (other, "Tout le réseau", N_LARGE, today);
}

/* A 10,000-person circle: the composer opens showing "Counting…" and nobody sendable, the
 * summary arrives later from the worker. A circle added before it answers cancels that
 * count: its result never shows, only the one for both circles, whose total is the
 * store's own count of the segment. Only 50 people without an address get a row. */
static void
test_large_circle (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gint64 large = make_large_circle (fx, today);
  g_autoptr(ReseauSegment) both = reseau_segment_new ();
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *final = NULL;
  g_autofree char *more = NULL;
  guint total = 0, n_large = 0;
  ReseauComposer *composer;
  GtkWidget *count;

  /* mail_test_make_circle(): every tenth has no address, every seventh is over the cap. */
  for (guint i = 0; i < N_LARGE; i++)
    n_large += i % 10 != 0 && i % 7 != 0;
  reseau_segment_add_circle (both, RESEAU_SEGMENT_ANY_OF, large);
  reseau_segment_add_circle (both, RESEAU_SEGMENT_ANY_OF, fx->circle);
  g_assert_true (reseau_store_count_segment (fx->f.store, both, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, N_LARGE + G_N_ELEMENTS (people));
  alone = count_text (n_large, N_LARGE);
  final = count_text (n_large + N_SENDABLE, total);
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more", N_LARGE / 10 + 1 - 50),
                          N_LARGE / 10 + 1 - 50);
  reseau_store_emit_changed (fx->f.store);
  mail_settle (400);

  /* No main-loop iteration between opening and these checks: whatever they see is what the
   * composer shows before the worker can answer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->f.window), "win.compose-circle", "x", large));
  composer = RESEAU_COMPOSER (mail_find (GTK_WIDGET (fx->f.window), is_composer_built, NULL));
  g_assert_nonnull (composer);
  count = mail_find (GTK_WIDGET (composer), is_label_built, _("Counting…"));
  g_assert_nonnull (count);
  g_assert_cmpuint (reseau_composer_get_n_sendable (composer), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (mail_find (GTK_WIDGET (composer), is_action_button, "composer.send")));
  g_signal_connect (count, "notify::label", G_CALLBACK (record_label_cb), shown);
  reseau_composer_add_circle (composer, fx->circle);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, _("Counting…"));

  wait_for_label (fx, final);
  g_signal_handlers_disconnect_by_data (count, shown);
  g_assert_cmpuint (reseau_composer_get_n_sendable (composer), ==, n_large + N_SENDABLE);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (g_ptr_array_index (shown, i), !=, alone);
  g_assert_nonnull (mail_find (GTK_WIDGET (composer), is_row_built, more));
  screenshot (fx, "composer-large");
}

int
main (int   argc,
      char *argv[])
{
  mail_test_init (&argc, &argv);
  g_test_add ("/ui/composer/send", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_send, fixture_tear_down);
  g_test_add ("/ui/composer/draft", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_draft, fixture_tear_down);
  g_test_add ("/ui/composer/schedule", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_schedule,
              fixture_tear_down);
  g_test_add ("/ui/composer/reconnect", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_reconnect,
              fixture_tear_down);
  g_test_add ("/ui/composer/large-circle", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_large_circle,
              fixture_tear_down);
  g_test_add ("/ui/composer/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_narrow, fixture_tear_down);
  return g_test_run ();
}
