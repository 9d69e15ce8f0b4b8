/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reconnect page under a real X server: overdue contacts in the store's order (never
 * contacted first, then the most overdue) with the circle that made them due; a real click
 * on "Contacted Today" logs an interaction, updates "last contacted" and removes the row,
 * and Undo brings it back; "Write…" emits ::write-requested with the ids; activating a row
 * emits ::contact-activated; the empty state. Screenshots wide and narrow.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "reseau-interaction-dialog.h"
#include "reseau-reconnect-page.h"
#include "reseau-test-utils.h"
#include "reseau-text.h"

typedef struct
{
  char                *dir;
  ReseauStore         *store;
  GtkWidget           *window;
  ReseauReconnectPage *page;
  gint64               monthly;
  gint64               ids[5];   /* Alice … Eve */
  GArray              *written;  /* what ::write-requested carried last */
  gint64               activated;
} Fixture;

/* Name, days since last contacted (-1: never), in the monthly circle? */
static const struct { const char *name; int days; gboolean monthly; } people[] = {
  { "Alice Aubert", 45, TRUE },   /* 15 days overdue */
  { "Bruno Blanc", 10, TRUE },    /* not due */
  { "Chloé Colin", -1, TRUE },    /* never contacted: first */
  { "David Dumas", 100, TRUE },   /* 70 days overdue */
  { "Eve Estienne", 400, FALSE }, /* in no circle with a cadence */
};

static char *
days_ago (int days)
{
  g_autofree char *today = reseau_text_today ();
  g_autoptr(GDate) date = g_date_new ();

  g_date_set_parse (date, today);
  g_date_subtract_days (date, days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
write_requested_cb (ReseauReconnectPage *page,
                    GArray              *ids,
                    Fixture             *f)
{
  g_clear_pointer (&f->written, g_array_unref);
  f->written = g_array_copy (ids);
}

static void
activated_cb (ReseauReconnectPage *page,
              gint64               id,
              Fixture             *f)
{
  f->activated = id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr(ReseauCircle) monthly = reseau_circle_new ("Clients Lyon");
  int width = GPOINTER_TO_INT (data);

  f->dir = g_dir_make_tmp ("reseau-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "reseau.db", NULL);
  f->store = reseau_store_open (db, &error);
  g_assert_no_error (error);

  reseau_circle_set_cadence_days (monthly, 30);
  f->monthly = reseau_store_save_circle (f->store, monthly, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(ReseauContact) contact = reseau_contact_new ();
      g_auto(GStrv) parts = g_strsplit (people[i].name, " ", 2);

      reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, parts[0]);
      reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, parts[1]);
      reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, i % 2 ? "Atelier Boréal" : "Lumen Analytics");
      f->ids[i] = reseau_store_save_contact (f->store, contact, NULL, &error);
      g_assert_no_error (error);
      if (people[i].days >= 0)
        {
          g_autofree char *date = days_ago (people[i].days);

          g_assert_cmpint (reseau_store_add_interaction (f->store, f->ids[i], RESEAU_INTERACTION_CALL, date, "",
                                                         &error), >, 0);
        }
      if (people[i].monthly)
        g_assert_true (reseau_store_add_to_circle (f->store, f->monthly, &f->ids[i], 1, NULL, NULL, &error));
    }

  f->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width ? width : 1100, 640);
  f->page = reseau_reconnect_page_new (f->store);
  g_signal_connect (f->page, "write-requested", G_CALLBACK (write_requested_cb), f);
  g_signal_connect (f->page, "contact-activated", G_CALLBACK (activated_cb), f);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (reseau_test_wait_for_mapped (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_pointer (&f->written, g_array_unref);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

/* Look-ups ---------------------------------------------------------------------------------- */

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button of @name's row whose tooltip is @tooltip. */
static GtkWidget *
row_button (Fixture    *f,
            const char *name,
            const char *tooltip)
{
  GtkWidget *label = find_label (GTK_WIDGET (f->page), name);
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_parent (gtk_widget_get_parent (label));
  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
      return child;
  g_assert_not_reached ();
}

static char *
shown_names (Fixture *f)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GArray) entries = reseau_store_list_overdue (f->store, NULL, NULL);

  g_assert_cmpuint (entries->len, ==, reseau_reconnect_page_get_n_overdue (f->page));
  for (guint i = 0; i < entries->len; i++)
    {
      const ReseauOverdueEntry *e = &g_array_index (entries, ReseauOverdueEntry, i);

      for (guint p = 0; p < G_N_ELEMENTS (people); p++)
        if (f->ids[p] == e->contact_id)
          {
            g_autofree char *status = e->days_overdue < 0
              ? g_strdup_printf (_("Never contacted · %s"), "Clients Lyon")
              : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due for %s · %d day overdue",
                                              "Due for %s · %d days overdue", e->days_overdue),
                                 "Clients Lyon", e->days_overdue);

            /* Each row shows its name and why it is due. */
            g_assert_nonnull (find_label (GTK_WIDGET (f->page), people[p].name));
            g_assert_nonnull (find_label (GTK_WIDGET (f->page), status));
            g_string_append_printf (names, "%s%s", names->len ? ", " : "", people[p].name);
          }
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
settle (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* Tests ------------------------------------------------------------------------------------ */

static gboolean
n_overdue_is (gpointer data)
{
  Fixture *f = data;

  return reseau_reconnect_page_get_n_overdue (f->page) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->page),
                                                                                                 "want"));
}

static void
wait_n_overdue (Fixture *f,
                guint    n)
{
  g_object_set_data (G_OBJECT (f->page), "want", GUINT_TO_POINTER (n));
  g_assert_true (reseau_test_iterate_until (n_overdue_is, f, 5000));
  settle ();
}

static gboolean
toast_undo (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), _("_Undo")) == 0)
    return reseau_test_click (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (toast_undo (child))
      return TRUE;
  return FALSE;
}

static void
test_order_and_log (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *names = NULL;
  g_autofree char *today = reseau_text_today ();
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(ReseauContact) alice = NULL;
  g_autoptr(GError) error = NULL;

  settle ();
  names = shown_names (f);
  g_assert_cmpstr (names, ==, "Chloé Colin, David Dumas, Alice Aubert");

  /* One click: logged today, gone from the list. */
  g_assert_true (reseau_test_click (row_button (f, "Alice Aubert", _("Contacted Today"))));
  wait_n_overdue (f, 2);
  g_assert_null (find_label (GTK_WIDGET (f->page), "Alice Aubert"));
  interactions = reseau_store_list_interactions (f->store, f->ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interactions->len, ==, 2);
  alice = reseau_store_load_contact (f->store, f->ids[0], FALSE, &error);
  g_assert_cmpstr (reseau_contact_get_last_contacted (alice), ==, today);

  /* Undo: the interaction goes, the row comes back. */
  g_assert_true (toast_undo (GTK_WIDGET (f->page)));
  wait_n_overdue (f, 3);
  g_clear_pointer (&interactions, g_ptr_array_unref);
  interactions = reseau_store_list_interactions (f->store, f->ids[0], &error);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_clear_pointer (&names, g_free);
  names = shown_names (f);
  g_assert_cmpstr (names, ==, "Chloé Colin, David Dumas, Alice Aubert");
}

static GtkWidget *
find_dialog (GtkWidget *root)
{
  if (RESEAU_IS_INTERACTION_DIALOG (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_dialog (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer window)
{
  return find_dialog (window) != NULL;
}

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  settle ();

  /* "Write…" on a row: that contact. */
  g_assert_true (reseau_test_click (row_button (f, "David Dumas", _("Write…"))));
  g_assert_nonnull (f->written);
  g_assert_cmpuint (f->written->len, ==, 1);
  g_assert_cmpint (g_array_index (f->written, gint64, 0), ==, f->ids[3]);

  /* In the header: everyone due, in the order shown. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "reconnect.write-all", NULL);
  g_assert_cmpuint (f->written->len, ==, 3);
  g_assert_cmpint (g_array_index (f->written, gint64, 0), ==, f->ids[2]);
  g_assert_cmpint (g_array_index (f->written, gint64, 1), ==, f->ids[3]);
  g_assert_cmpint (g_array_index (f->written, gint64, 2), ==, f->ids[0]);

  /* "Log Interaction…" opens the interaction dialog. */
  g_assert_true (reseau_test_click (row_button (f, "Alice Aubert", _("Log Interaction…"))));
  g_assert_true (reseau_test_iterate_until (dialog_shown, f->window, 5000));
  adw_dialog_force_close (ADW_DIALOG (find_dialog (f->window)));

  /* A click on a row's name opens the contact. */
  g_assert_true (reseau_test_click (find_label (GTK_WIDGET (f->page), "Chloé Colin")));
  g_assert_cmpint (f->activated, ==, f->ids[2]);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = reseau_text_today ();

  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (reseau_store_add_interaction (f->store, f->ids[i], RESEAU_INTERACTION_MEETING, today, "",
                                                   &error), >, 0);
  wait_n_overdue (f, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), _("You’re in Touch with Everyone")));
  /* Nobody to write to. */
  g_assert_false (gtk_widget_is_sensitive (find_tooltip (GTK_WIDGET (f->page), _("Write to Everyone Due"))));
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *lang = g_getenv ("LANGUAGE") && g_str_has_prefix (g_getenv ("LANGUAGE"), "fr") ? "fr" : "en";
  g_autofree char *png = g_strdup_printf ("reconnect-%s-%d.png", lang, GPOINTER_TO_INT (data));

  settle ();
  reseau_test_save_screenshot (GTK_WIDGET (f->window), png);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("RESEAU_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();

  g_test_add ("/reconnect/order-and-log", Fixture, NULL, fixture_set_up, test_order_and_log, fixture_tear_down);
  g_test_add ("/reconnect/signals", Fixture, NULL, fixture_set_up, test_signals, fixture_tear_down);
  g_test_add ("/reconnect/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/reconnect/screenshots/wide", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_screenshots,
              fixture_tear_down);
  g_test_add ("/reconnect/screenshots/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
