/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the segment builder's UI tests share: a store with circles, contacts and a saved
 * segment; a window with the builder beside sidebar-like drag sources; look-ups.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "segment-ui-fixture.h"



const char * const circle_names[] = { "Clients Lyon", "Partenaires", "Amis" };
static const char * const orgs[] = { "Atelier Boréal", "Lumen", "Orbiteam" };

static gint64
add_contact (ReseauStore *store,
             guint        i,
             gint64       introducer)
{
  g_autoptr(ReseauContact) contact = reseau_contact_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *given = g_strdup_printf ("Personne%02u", i);
  gint64 id;

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, given);
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, "Martin");
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, orgs[i % 3]);
  reseau_contact_set_tie (contact, i % 4);
  reseau_contact_set_introduced_by (contact, introducer);
  if (i % 2 == 0)
    reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK,
                                                                 "someone@example.org"));
  id = reseau_store_save_contact (store, contact, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static GtkWidget *
source_row_new (ReseauSidebarItemKind kind,
                gint64                id,
                const char           *name)
{
  GtkWidget *row = gtk_label_new (name);
  GtkDragSource *drag = gtk_drag_source_new ();
  g_autoptr(ReseauSidebarItem) item = reseau_sidebar_item_new (kind, id, name);

  gtk_widget_set_size_request (row, -1, 48);
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  gtk_drag_source_set_content (drag, gdk_content_provider_new_typed (RESEAU_TYPE_SIDEBAR_ITEM, item));
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  return row;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr(ReseauSegment) saved = reseau_segment_new ();
  int width = GPOINTER_TO_INT (data);
  gint64 first = 0;
  GtkWidget *box;

  f->dir = g_dir_make_tmp ("reseau-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "reseau.db", NULL);
  f->store = reseau_store_open (db, &error);
  g_assert_no_error (error);

  for (guint c = 0; c < G_N_ELEMENTS (circle_names); c++)
    {
      g_autoptr(ReseauCircle) circle = reseau_circle_new (circle_names[c]);

      f->circles[c] = reseau_store_save_circle (f->store, circle, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 40; i++)
    {
      gint64 id = add_contact (f->store, i, i % 5 == 1 ? first : 0);

      if (i == 0)
        first = id;
      for (guint c = 0; c < G_N_ELEMENTS (circle_names); c++)
        if ((i + c) % (c + 2) == 0)
          g_assert_true (reseau_store_add_to_circle (f->store, f->circles[c], &id, 1, NULL, NULL, &error));
    }
  reseau_segment_set_organization (saved, "lumen");
  f->saved_id = reseau_store_save_segment (f->store, 0, "Chez Lumen", saved, &error);
  g_assert_no_error (error);

  f->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width ? width : 1100, 760);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  f->sources = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (f->sources), source_row_new (RESEAU_SIDEBAR_ITEM_CIRCLE, f->circles[0], circle_names[0]));
  gtk_box_append (GTK_BOX (f->sources), source_row_new (RESEAU_SIDEBAR_ITEM_CIRCLE, f->circles[1], circle_names[1]));
  gtk_box_append (GTK_BOX (f->sources), source_row_new (RESEAU_SIDEBAR_ITEM_SEGMENT, f->saved_id, "Chez Lumen"));
  gtk_widget_set_size_request (f->sources, 180, -1);
  /* The narrow screenshots show the builder alone, as a phone would. */
  gtk_widget_set_visible (f->sources, width == 0 || width > 600);
  f->builder = reseau_segment_builder_new (f->store);
  gtk_widget_set_hexpand (GTK_WIDGET (f->builder), TRUE);
  gtk_box_append (GTK_BOX (box), f->sources);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->builder));
  adw_window_set_content (ADW_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (reseau_test_wait_for_mapped (f->window));
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

/* Look-ups ---------------------------------------------------------------------------------- */

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
is_area (GtkWidget     *widget,
         gconstpointer  set)
{
  return RESEAU_IS_SEGMENT_AREA (widget) &&
         reseau_segment_area_get_set (RESEAU_SEGMENT_AREA (widget)) == (ReseauSegmentCircles)GPOINTER_TO_INT (set);
}

gboolean
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
area (Fixture              *f,
      ReseauSegmentCircles  set)
{
  GtkWidget *found = find_widget (GTK_WIDGET (f->builder), is_area, GINT_TO_POINTER (set));

  g_assert_nonnull (found);
  return found;
}

GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = find_widget (GTK_WIDGET (f->builder), has_title, title);

  g_assert_nonnull (found);
  return found;
}

/* Waiting for the count -------------------------------------------------------------------- */

typedef struct
{
  Fixture       *f;
  ReseauSegment *expected;
  guint          want;
} CountCheck;

static gboolean
count_matches (gpointer data)
{
  CountCheck *check = data;
  g_autofree char *got = reseau_segment_serialize (reseau_segment_builder_get_segment (check->f->builder));
  g_autofree char *want = reseau_segment_serialize (check->expected);

  return g_str_equal (got, want) && reseau_segment_builder_get_count (check->f->builder) == check->want;
}

/* The builder's segment is @expected and its count is what the store counts for @expected. */
void
assert_count (Fixture       *f,
              ReseauSegment *expected)
{
  CountCheck check = { f, expected, G_MAXUINT };
  g_autoptr(GError) error = NULL;

  g_assert_true (reseau_store_count_segment (f->store, expected, &check.want, &error));
  g_assert_no_error (error);
  if (!reseau_test_iterate_until (count_matches, &check, 5000))
    {
      g_autofree char *got = reseau_segment_serialize (reseau_segment_builder_get_segment (f->builder));

      g_error ("builder count %u for\n%s\nexpected %u", reseau_segment_builder_get_count (f->builder), got, check.want);
    }
}

gboolean
segment_has (ReseauSegmentBuilder *builder,
             gboolean              saved,
             ReseauSegmentCircles  set,
             gint64                id)
{
  ReseauSegment *segment = reseau_segment_builder_get_segment (builder);
  GArray *ids = saved ? reseau_segment_get_segments (segment, set) : reseau_segment_get_circles (segment, set);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Lets transitions end before a screenshot. */
void
settle (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
find_dialog (Fixture *f)
{
  GtkWidget *dialog = NULL;

  for (guint i = 0; i < 50 && dialog == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      dialog = find_widget (f->window, is_type, GSIZE_TO_POINTER (ADW_TYPE_ALERT_DIALOG));
    }
  g_assert_nonnull (dialog);
  return dialog;
}

void
segment_ui_init (int    *argc,
                 char ***argv)
{
  const char *localedir = g_getenv ("RESEAU_LOCALEDIR");
  g_autoptr(GtkCssProvider) css = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() pins a locale of its own; the widgets must be seen in the user's. */
  setlocale (LC_ALL, "");
  adw_init ();
  /* The application's style sheet, as AdwApplication loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/example/Reseau/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
