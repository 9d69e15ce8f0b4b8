/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window under a real X server: it maps, speaks French when asked, and a person
 * can create a contact, find it by typing without accents, edit it, see the change in its
 * timeline, delete it and undo — with real clicks and keystrokes where it matters.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "reseau-application.h"
#include "reseau-contact-page.h"
#include "reseau-test-utils.h"
#include "reseau-validate.h"
#include "reseau-window.h"

typedef struct
{
  char              *dir;
  ReseauApplication *app;
  ReseauWindow      *window;
  ReseauStore       *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int width = GPOINTER_TO_INT (data);
  static guint serial;
  g_autofree char *app_id = g_strdup_printf ("org.example.Reseau.Test%u", ++serial);

  f->dir = g_dir_make_tmp ("reseau-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "reseau.db", NULL);

  f->app = reseau_application_new ();
  /* Each test registers its own instance on the bus: a fresh id keeps them apart. */
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (reseau_application_open_store (f->app, db, &error));
  g_assert_no_error (error);
  f->store = reseau_application_get_store (f->app);

  g_settings_set_int (reseau_application_get_settings (f->app), "window-width", width ? width : 1100);
  g_settings_set_int (reseau_application_get_settings (f->app), "window-height", 720);
  f->window = reseau_window_new (f->app, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (reseau_test_wait_for_mapped (GTK_WIDGET (f->window)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = NULL;

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

/* Widget-tree look-ups ------------------------------------------------------------------- */

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type)) && gtk_widget_is_drawable (widget);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_by_type (Fixture *f,
              GType    type)
{
  return find_widget (GTK_WIDGET (f->window), is_type, GSIZE_TO_POINTER (type));
}

static void
set_field (Fixture         *f,
           ReseauTextField  field,
           const char      *text)
{
  GtkWidget *row = find_widget (GTK_WIDGET (f->window), is_row_titled, reseau_text_field_label (field));

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
n_items_is (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
wait_n_items (Fixture *f,
              guint    n)
{
  gpointer args[] = { reseau_window_get_contacts (f->window), GUINT_TO_POINTER (n) };

  if (!reseau_test_iterate_until (n_items_is, args, 5000))
    {
      reseau_test_save_screenshot (GTK_WIDGET (f->window), "failure.png");
      g_error ("The list shows %u contacts, not %u",
               g_list_model_get_n_items (args[0]), n);
    }
}

/* Waits for a widget to show, lets animations settle so it is where the pointer will go,
 * and clicks it with the real pointer. */
static void
click_found (Fixture       *f,
             Match          match,
             gconstpointer  data,
             const char    *what)
{
  GtkWidget *widget = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((widget = find_widget (GTK_WIDGET (f->window), match, data)) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (widget == NULL)
    {
      reseau_test_save_screenshot (GTK_WIDGET (f->window), "failure.png");
      g_error ("Nothing to click for %s", what);
    }
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (reseau_test_click (widget));
}

static void
click_action (Fixture    *f,
              const char *action)
{
  click_found (f, has_action, action, action);
}

static gboolean
label_shown (gpointer data)
{
  gpointer *args = data;

  for (GtkWidget *w = args[0]; w != NULL; w = NULL)
    {
      GtkWidget *found = find_widget (w, (Match)(void (*) (void))args[2], args[1]);

      return found != NULL;
    }
  return FALSE;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_row_with_title_prefix (GtkWidget     *widget,
                          gconstpointer  prefix)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

static void
wait_shown (Fixture    *f,
            Match       match,
            const char *text)
{
  gpointer args[] = { f->window, (gpointer)text, (gpointer)(void (*) (void))match };

  if (!reseau_test_iterate_until (label_shown, args, 5000))
    g_error ("“%s” never appeared", text);
}

static void
type_keys (const char *text)
{
  const char *argv[] = { "type", "--delay", "30", text, NULL };

  g_assert_true (reseau_test_xdotool (argv));
}

static void
press_keys (const char *keys)
{
  const char *argv[] = { "key", keys, NULL };

  g_assert_true (reseau_test_xdotool (argv));
}

/* Lets transitions and animations end before a screenshot. */
static void
settle (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static guint
count_visible_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      n += gtk_widget_get_visible (window) ? 1 : 0;
    }
  return n;
}

/* Tests ----------------------------------------------------------------------------------- */

static gint64
add_contact (Fixture    *f,
             const char *given,
             const char *family,
             const char *org,
             const char *title,
             const char *email,
             const char *city)
{
  g_autoptr(ReseauContact) c = reseau_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  reseau_contact_set_text (c, RESEAU_FIELD_GIVEN, given);
  reseau_contact_set_text (c, RESEAU_FIELD_FAMILY, family);
  reseau_contact_set_text (c, RESEAU_FIELD_ORGANIZATION, org);
  reseau_contact_set_text (c, RESEAU_FIELD_TITLE, title);
  if (email != NULL)
    reseau_contact_add_value (c, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK, email));
  if (city != NULL)
    {
      ReseauContactValue *a = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK, "");
      a->locality = g_strdup (city);
      a->country = g_strdup ("France");
      reseau_contact_add_value (c, a);
    }
  id = reseau_store_save_contact (f->store, c, "2025-01-15", &error);
  g_assert_no_error (error);
  return id;
}

static void
test_window_maps (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reseau_window_get_contacts (f->window))), ==, 0);
  /* The empty state offers to create a contact, and that button works. */
  click_action (f, "win.new-contact");
  g_assert_true (reseau_contact_page_get_editing (RESEAU_CONTACT_PAGE (find_by_type (f, RESEAU_TYPE_CONTACT_PAGE))));
  click_action (f, "contact.cancel");

  /* The primary menu's entries open their dialogs. */
  for (guint i = 0; i < 2; i++)
    {
      const char *action = i == 0 ? "app.preferences" : "app.about";
      AdwDialog *dialog;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
      settle ();
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
      g_assert_nonnull (dialog);
      g_assert_true (i == 0 ? ADW_IS_PREFERENCES_DIALOG (dialog) : ADW_IS_ABOUT_DIALOG (dialog));
      reseau_test_save_screenshot (GTK_WIDGET (f->window), i == 0 ? "preferences.png" : "about.png");
      adw_dialog_force_close (dialog);
      settle ();
    }
  {
    guint before = count_visible_toplevels ();

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
    settle ();
    g_assert_cmpuint (count_visible_toplevels (), ==, before + 1);
  }
  reseau_test_save_screenshot (GTK_WIDGET (f->window), g_getenv ("LANGUAGE") && g_str_has_prefix (g_getenv ("LANGUAGE"), "fr")
                                                      ? "window-empty-fr.png" : "window-empty-en.png");
}

/* Every visible string is either not one of our messages, or its translation: an English
 * message shown as such while the catalog translates it means a string escaped gettext. */
static void
check_translated (GtkWidget *widget,
                  GPtrArray *untranslated)
{
  const char *texts[3] = { NULL, NULL, NULL };

  if (!gtk_widget_is_drawable (widget))
    return;
  if (GTK_IS_LABEL (widget))
    texts[0] = gtk_label_get_label (GTK_LABEL (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    texts[1] = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  texts[2] = gtk_widget_get_tooltip_text (widget);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *t = texts[i];
      g_autofree char *plain = t ? g_strdup (t) : NULL;

      if (t == NULL || *t == '\0')
        continue;
      /* Mnemonics: "_New Contact" is the msgid, the label shows "New Contact". */
      if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, t), t) != 0)
        g_ptr_array_add (untranslated, g_strdup (t));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_translated (child, untranslated);
}

static void
test_window_french (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) untranslated = g_ptr_array_new_with_free_func (g_free);

  if (!g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "fr"))
    {
      g_test_skip ("runs with LANGUAGE=fr");
      return;
    }
  add_contact (f, "Frédéric", "Martinet", "Capgemini", "Consultant", "frederic@example.com", "Lyon");
  wait_n_items (f, 1);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_by_type (f, GTK_TYPE_LIST_VIEW)))),
                                   0, TRUE);
  wait_shown (f, is_label_with_text, "Frédéric Martinet");

  wait_shown (f, is_label_with_text, "Tous les contacts");
  wait_shown (f, is_row_with_title_prefix, "Dernier contact");
  check_translated (GTK_WIDGET (f->window), untranslated);
  for (guint i = 0; i < untranslated->len; i++)
    g_printerr ("Shown in English: “%s”\n", (char *)g_ptr_array_index (untranslated, i));
  g_assert_cmpuint (untranslated->len, ==, 0);
}

static void
test_contact_flow (Fixture       *f,
                   gconstpointer  data)
{
  ReseauContactList *contacts = reseau_window_get_contacts (f->window);
  g_autoptr(ReseauContact) item = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *before = NULL;
  gint64 id;

  add_contact (f, "Zoé", "Aubert", "Airbus", "Ingénieure", NULL, "Toulouse");
  add_contact (f, "Martine", "Fréchet", "Orange", "Directrice", NULL, "Paris");
  wait_n_items (f, 2);

  /* Create through the form, Ctrl+N from the keyboard. */
  gtk_widget_grab_focus (find_by_type (f, GTK_TYPE_LIST_VIEW));
  press_keys ("ctrl+n");
  wait_shown (f, is_row_titled, reseau_text_field_label (RESEAU_FIELD_GIVEN));
  set_field (f, RESEAU_FIELD_GIVEN, "Frédéric");
  set_field (f, RESEAU_FIELD_FAMILY, "Martinet");
  set_field (f, RESEAU_FIELD_ORGANIZATION, "Capgemini");
  set_field (f, RESEAU_FIELD_TITLE, "Consultant");
  click_action (f, "contact.save");
  wait_n_items (f, 3);
  wait_shown (f, is_label_with_text, "Frédéric Martinet");

  /* Find it by typing without accents (real keystrokes into the search entry). */
  press_keys ("ctrl+f");
  type_keys ("frederic mart");
  wait_n_items (f, 1);
  item = g_list_model_get_item (G_LIST_MODEL (contacts), 0);
  g_assert_cmpstr (reseau_contact_get_text (item, RESEAU_FIELD_GIVEN), ==, "Frédéric");
  id = reseau_contact_get_id (item);

  /* Open the card: Enter in the search entry opens the first result. */
  press_keys ("Return");
  wait_shown (f, is_label_with_text, "Consultant · Capgemini");
  settle ();
  reseau_test_save_screenshot (GTK_WIDGET (f->window), "card-before-edit.png");

  /* Edit the job: the card's timeline shows the move. */
  click_action (f, "contact.edit");
  set_field (f, RESEAU_FIELD_ORGANIZATION, "Dassault Systèmes");
  set_field (f, RESEAU_FIELD_TITLE, "Product Manager");
  click_action (f, "contact.save");
  /* Translators' order of job and organisation is respected: build what the card shows. */
  now = g_strdup_printf (_("%s at %s"), "Product Manager", "Dassault Systèmes");
  before = g_strdup_printf (_("%s at %s"), "Consultant", "Capgemini");
  wait_shown (f, is_row_with_title_prefix, now);
  wait_shown (f, is_row_with_title_prefix, before);
  settle ();
  history = reseau_store_list_history (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  reseau_test_save_screenshot (GTK_WIDGET (f->window), "card-after-edit.png");

  /* Delete with the Delete key in the list, then Undo from the toast. */
  gtk_widget_grab_focus (find_by_type (f, GTK_TYPE_LIST_VIEW));
  press_keys ("Delete");
  wait_n_items (f, 0);
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 2);
  click_found (f, is_button_labelled, _("_Undo"), "Undo");
  wait_n_items (f, 1);
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 3);
  g_clear_object (&item);
  item = reseau_store_load_contact (f->store, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reseau_contact_get_text (item, RESEAU_FIELD_TITLE), ==, "Product Manager");
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const char *people[][6] = {
    { "Frédéric", "Martinet", "Dassault Systèmes", "Product Manager", "frederic.martinet@example.com", "Paris" },
    { "Émilie", "Lefèvre", "Capgemini", "Consultante senior", "emilie.lefevre@example.fr", "Lyon" },
    { "Hélène", "Dubois", "BNP Paribas", "Directrice des achats", "helene.dubois@example.fr", "Paris" },
    { "James", "Whitfield", "Arup", "Associate Director", "j.whitfield@example.co.uk", "London" },
    { "Zoé", "Aubert", "Airbus", "Ingénieure systèmes", "zoe.aubert@example.com", "Toulouse" },
    { "Noël", "Garnier", "Indépendant", "Coach de dirigeants", "noel@example.org", "Nantes" },
    { "Priya", "Raman", "Monzo", "Head of Talent", "priya.raman@example.co.uk", "London" },
    { "Antoine", "Roux", "Doctolib", "Recruteur tech", "antoine.roux@example.fr", "Paris" },
    { "Camille", "Besson", "Michelin", "Responsable innovation", "camille.besson@example.fr", "Clermont-Ferrand" },
    { "Olivia", "Brennan", "Deloitte", "Senior Manager", "olivia.brennan@example.com", "Manchester" },
  };
  const char *lang = g_getenv ("LANGUAGE") && g_str_has_prefix (g_getenv ("LANGUAGE"), "fr") ? "fr" : "en";
  int width = GPOINTER_TO_INT (data);
  g_autofree char *list_png = g_strdup_printf ("list-%s-%d.png", lang, width);
  g_autofree char *card_png = g_strdup_printf ("card-%s-%d.png", lang, width);
  g_autofree char *sidebar_png = g_strdup_printf ("sidebar-%s-%d.png", lang, width);
  g_autofree char *editor_png = g_strdup_printf ("editor-%s-%d.png", lang, width);
  gint64 first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 id = add_contact (f, people[i][0], people[i][1], people[i][2], people[i][3], people[i][4], people[i][5]);
      if (i == 0)
        first = id;
    }
  reseau_store_add_interaction (f->store, first, RESEAU_INTERACTION_MEETING, "2026-10-02",
                                "Déjeuner au salon VivaTech", NULL);
  {
    g_autoptr(ReseauContact) c = reseau_store_load_contact (f->store, first, TRUE, NULL);

    reseau_contact_set_tie (c, RESEAU_TIE_WEAK);
    reseau_store_save_contact (f->store, c, "2026-03-01", NULL);
  }
  wait_n_items (f, G_N_ELEMENTS (people));
  if (width < 500)
    {
      /* Collapsed: the sidebar shows first; its row leads to the list. */
      reseau_test_save_screenshot (GTK_WIDGET (f->window), sidebar_png);
      click_found (f, is_label_with_text, _("All Contacts"), "All Contacts");
    }
  settle ();
  reseau_test_save_screenshot (GTK_WIDGET (f->window), list_png);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_by_type (f, GTK_TYPE_LIST_VIEW)))),
                                   reseau_contact_list_find (reseau_window_get_contacts (f->window), first), TRUE);
  gtk_widget_activate_action (find_by_type (f, GTK_TYPE_LIST_VIEW), "list.activate-item", "u",
                              reseau_contact_list_find (reseau_window_get_contacts (f->window), first));
  wait_shown (f, is_label_with_text, "Frédéric Martinet");
  settle ();
  reseau_test_save_screenshot (GTK_WIDGET (f->window), card_png);

  click_action (f, "contact.edit");
  settle ();
  reseau_test_save_screenshot (GTK_WIDGET (f->window), editor_png);
  click_action (f, "contact.cancel");
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
  /* gtk_test_init() pins a locale of its own; the window must be seen in the user's, as the
   * real application sets it (dates and collation included). */
  setlocale (LC_ALL, "");
  adw_init ();

  g_test_add ("/ui/window/maps", Fixture, NULL, fixture_set_up, test_window_maps, fixture_tear_down);
  g_test_add ("/ui/window/french", Fixture, NULL, fixture_set_up, test_window_french, fixture_tear_down);
  g_test_add ("/ui/contacts/create-search-edit-delete-undo", Fixture, NULL, fixture_set_up,
              test_contact_flow, fixture_tear_down);
  g_test_add ("/ui/screenshots/wide", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_screenshots,
              fixture_tear_down);
  g_test_add ("/ui/screenshots/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
