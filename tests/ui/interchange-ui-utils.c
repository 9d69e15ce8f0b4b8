/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "interchange-ui-utils.h"
#include "reseau-test-utils.h"


void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  static guint serial;
  g_autofree char *app_id = g_strdup_printf ("org.example.Reseau.ImportTest%u", ++serial);

  f->width = GPOINTER_TO_INT (data) ? GPOINTER_TO_INT (data) : 1100;
  f->dir = g_dir_make_tmp ("reseau-import-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "reseau.db", NULL);

  f->app = reseau_application_new ();
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (reseau_application_open_store (f->app, db, &error));
  f->store = reseau_application_get_store (f->app);

  g_settings_set_int (reseau_application_get_settings (f->app), "window-width", f->width);
  g_settings_set_int (reseau_application_get_settings (f->app), "window-height", 720);
  f->window = reseau_window_new (f->app, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (reseau_test_wait_for_mapped (GTK_WIDGET (f->window)));
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

/* Widgets ------------------------------------------------------------------------------------ */


GtkWidget *
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

gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  prefix)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

typedef struct
{
  Fixture       *f;
  Match          match;
  gconstpointer  data;
  GtkWidget     *found;
} Search;

static gboolean
search_cb (gpointer data)
{
  Search *search = data;

  search->found = find_widget (GTK_WIDGET (search->f->window), search->match, search->data);
  return search->found != NULL;
}

GtkWidget *
wait_for (Fixture       *f,
          Match          match,
          gconstpointer  data,
          const char    *what)
{
  Search search = { f, match, data, NULL };

  if (!reseau_test_iterate_until (search_cb, &search, 10000))
    {
      reseau_test_save_screenshot (GTK_WIDGET (f->window), "import-failure.png");
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

/* Lets animations (the dialog sliding in) settle before the pointer goes somewhere. */
void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
click_button (Fixture    *f,
              const char *label)
{
  GtkWidget *button = wait_for (f, is_button_labelled, label, label);

  settle (400);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (reseau_test_click (button));
}


AdwDialog *
visible_dialog (Fixture *f)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
}

static gboolean
dialog_closed (gpointer data)
{
  return visible_dialog (data) == NULL;
}

void
wait_dialog_closed (Fixture *f)
{
  if (!reseau_test_iterate_until (dialog_closed, f, 10000))
    {
      reseau_test_save_screenshot (GTK_WIDGET (f->window), "import-failure.png");
      g_error ("The dialog is still open, on its %s page", dialog_page (f));
    }
}

typedef struct
{
  ReseauStore *store;
  guint        n;
} Count;

static gboolean
count_is (gpointer data)
{
  Count *count = data;

  return reseau_store_count_contacts (count->store) == count->n;
}

void
wait_count (Fixture *f,
            guint    n)
{
  Count count = { f->store, n };

  if (!reseau_test_iterate_until (count_is, &count, 10000))
    g_error ("The database holds %u contacts, not %u", reseau_store_count_contacts (f->store), n);
}

void
screenshot (Fixture    *f,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-%d.png", what, g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en",
                                           f->width);

  settle (900);
  reseau_test_save_screenshot (GTK_WIDGET (f->window), name);
}

/* Files and contacts -------------------------------------------------------------------------- */

GFile *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return g_file_new_for_path (path);
}

gint64
add_contact (Fixture    *f,
             const char *given,
             const char *family,
             const char *email,
             const char *organization,
             const char *title)
{
  g_autoptr(ReseauContact) contact = reseau_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, given);
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, family);
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, organization);
  reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, title);
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK, email));
  id = reseau_store_save_contact (f->store, contact, NULL, &error);
  g_assert_no_error (error);
  return id;
}

char *
find_contact_text (Fixture         *f,
                   const char      *email,
                   ReseauTextField  field)
{
  g_autoptr(GArray) entries = reseau_store_list (f->store, RESEAU_SORT_GIVEN_NAME, NULL, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      g_autoptr(ReseauContact) contact = reseau_store_load_contact (f->store, g_array_index (entries, ReseauListEntry, i).id,
                                                                    TRUE, NULL);

      if (g_strcmp0 (reseau_contact_get_first_value (contact, RESEAU_VALUE_EMAIL), email) == 0)
        return g_strdup (reseau_contact_get_text (contact, field));
    }
  return NULL;
}

static gboolean
is_stack (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "summary") != NULL;
}

const char *
dialog_page (Fixture *f)
{
  GtkWidget *stack = find_widget (GTK_WIDGET (visible_dialog (f)), is_stack, NULL);

  return stack ? gtk_stack_get_visible_child_name (GTK_STACK (stack)) : NULL;
}

gboolean
page_is (gpointer data)
{
  gpointer *args = data;

  return visible_dialog (args[0]) != NULL && g_strcmp0 (dialog_page (args[0]), args[1]) == 0;
}

void
wait_page (Fixture    *f,
           const char *page)
{
  gpointer args[] = { f, (gpointer)page };

  /* A bound, not a timing: reading 100,000 cards on a busy machine takes a while. */
  if (!reseau_test_iterate_until (page_is, args, 120000))
    {
      reseau_test_save_screenshot (GTK_WIDGET (f->window), "import-failure.png");
      g_error ("The dialog never showed its %s page (it shows %s)", page,
               visible_dialog (f) ? dialog_page (f) : "nothing");
    }
  /* The dialog's opening animation. */
  settle (600);
}

gboolean
is_file_chooser (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(GtkWindow **)data = window;
          return TRUE;
        }
    }
  return FALSE;
}
