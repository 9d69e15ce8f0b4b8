/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mail-ui-common.h"
#include "reseau-test-utils.h"

void
mail_fixture_set_up (MailFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static guint serial;
  g_autofree char *app_id = g_strdup_printf ("org.example.Reseau.MailTest%u", ++serial);
  f->width = GPOINTER_TO_INT (data) ? GPOINTER_TO_INT (data) : 1100;
  f->dir = g_dir_make_tmp ("reseau-mail-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "reseau.db", NULL);

  f->app = reseau_application_new ();
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (reseau_application_open_store (f->app, f->db, &error));
  f->store = reseau_application_get_store (f->app);

  /* The saved width includes the 5 px frame GTK draws around the window under X11 without a
   * compositor: ask for 10 px more so the content is exactly @width (a 360 px phone screen,
   * which AdwPreferencesDialog needs at the least). */
  g_settings_set_int (reseau_application_get_settings (f->app), "window-width", f->width + 10);
  g_settings_set_int (reseau_application_get_settings (f->app), "window-height", 760);
  f->window = reseau_window_new (f->app, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (reseau_test_wait_for_mapped (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, f->width);
}

void
mail_fixture_tear_down (MailFixture   *f,
                        gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  ReseauSender *sender = reseau_application_get_sender (f->app);

  /* A run still settling reports to its window, not into the next test. */
  while (sender != NULL && reseau_sender_is_running (sender))
    g_main_context_iteration (NULL, TRUE);
  mail_settle (300);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->db);
  g_free (f->dir);
}

GtkWidget *
mail_find (GtkWidget     *root,
           MailMatch      match,
           gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mail_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  MailFixture   *f;
  MailMatch      match;
  gconstpointer  data;
  GtkWidget     *found;
} Search;

static gboolean
search_cb (gpointer data)
{
  Search *search = data;

  search->found = mail_find (GTK_WIDGET (search->f->window), search->match, search->data);
  return search->found != NULL;
}

GtkWidget *
mail_wait_for (MailFixture   *f,
               MailMatch      match,
               gconstpointer  data,
               const char    *what)
{
  Search search = { f, match, data, NULL };

  if (!reseau_test_iterate_until (search_cb, &search, 20000))
    {
      reseau_test_save_screenshot (GTK_WIDGET (f->window), "mail-failure.png");
      g_error ("%s never appeared", what);
    }
  return search.found;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

void
mail_settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
mail_click (GtkWidget *widget)
{
  /* A scrolled window brings its focused child into view, as it would for a person. */
  int x, y;
  g_autofree char *xs = NULL;
  g_autofree char *ys = NULL;

  int last_x = -1, last_y = -1;

  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_is_sensitive (widget));
  /* Wait for scrolling and sliding to end (a loaded machine may take a while), then click
   * near the top edge rather than the centre: a button at the bottom of a scrolled dialog
   * may be only partly shown. */
  for (guint i = 0; i < 50; i++)
    {
      mail_settle (150);
      g_assert_true (reseau_test_widget_root_point (widget, gtk_widget_get_width (widget) / 2.0,
                                                    MIN (gtk_widget_get_height (widget) / 2.0, 10), &x, &y));
      if (x == last_x && y == last_y)
        break;
      last_x = x, last_y = y;
    }
  xs = g_strdup_printf ("%d", x);
  ys = g_strdup_printf ("%d", y);
  {
    const char *argv[] = { "mousemove", xs, ys, "sleep", "0.1", "click", "1", NULL };

    g_assert_true (reseau_test_xdotool (argv));
  }
}

void
mail_type_into (GtkWidget  *widget,
                const char *text)
{
  const char *select_all[] = { "key", "--clearmodifiers", "ctrl+a", NULL };
  const char *type[] = { "type", "--delay", "15", text, NULL };

  mail_click (widget);
  mail_settle (100);
  g_assert_true (reseau_test_xdotool (select_all));
  if (text[0] != '\0')
    g_assert_true (reseau_test_xdotool (type));
  else
    {
      const char *erase[] = { "key", "BackSpace", NULL };

      g_assert_true (reseau_test_xdotool (erase));
    }
  mail_settle (100);
}

void
mail_screenshot (MailFixture *f,
                 const char  *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-%d.png", what,
                                           g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en", f->width);

  mail_settle (600);
  reseau_test_save_screenshot (GTK_WIDGET (f->window), name);
}

gboolean
mail_is_button_labelled (GtkWidget     *widget,
                         gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
mail_is_row_titled (GtkWidget     *widget,
                    gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
mail_is_label_containing (GtkWidget     *widget,
                          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

gboolean
mail_is_type (GtkWidget     *widget,
              gconstpointer  gtype_pointer)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (gtype_pointer)) && gtk_widget_is_drawable (widget);
}

void
mail_test_init (int    *argc,
                char ***argv)
{
  const char *localedir = g_getenv ("RESEAU_LOCALEDIR");
  const char *ca = g_getenv ("RESEAU_TEST_SMTP_CA");

  /* The transport trusts the test server's private CA through this variable; set before
   * any thread starts. */
  if (ca != NULL)
    g_setenv ("RESEAU_SMTP_CA_FILE", ca, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() pins a locale of its own: the dialogs must speak the user's. */
  setlocale (LC_ALL, "");
  adw_init ();
}
