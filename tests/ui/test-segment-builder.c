/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The segment builder under a real X server: its live count is the store's count of the
 * same rules after each edit made through its widgets; circles and saved segments dragged
 * with the real pointer (xdotool) from a sidebar-like source land in the include and exclude
 * areas; a segment saves (a duplicate name is refused), reloads, and says when a circle it
 * used was deleted. Screenshots wide and narrow.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "reseau-dnd.h"
#include "reseau-segment-area.h"
#include "reseau-segment-builder.h"
#include "reseau-test-utils.h"

typedef struct
{
  char                 *dir;
  ReseauStore          *store;
  GtkWidget            *window;
  GtkWidget            *sources;  /* rows dragged like the sidebar's */
  ReseauSegmentBuilder *builder;
  gint64                circles[3];
  gint64                saved_id;
} Fixture;

static const char * const circle_names[] = { "Clients Lyon", "Partenaires", "Amis" };
static const char * const orgs[] = { "Atelier Boréal", "Lumen", "Orbiteam" };

static gint64
add_contact (ReseauStore *store,
             guint        i)
{
  g_autoptr(ReseauContact) contact = reseau_contact_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *given = g_strdup_printf ("Personne%02u", i);
  gint64 id;

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, given);
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, "Martin");
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, orgs[i % 3]);
  reseau_contact_set_tie (contact, i % 4);
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr(ReseauSegment) saved = reseau_segment_new ();
  int width = GPOINTER_TO_INT (data);
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
      gint64 id = add_contact (f->store, i);

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

static void
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
is_area (GtkWidget     *widget,
         gconstpointer  set)
{
  return RESEAU_IS_SEGMENT_AREA (widget) &&
         reseau_segment_area_get_set (RESEAU_SEGMENT_AREA (widget)) == (ReseauSegmentCircles)GPOINTER_TO_INT (set);
}

static gboolean
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
area (Fixture              *f,
      ReseauSegmentCircles  set)
{
  GtkWidget *found = find_widget (GTK_WIDGET (f->builder), is_area, GINT_TO_POINTER (set));

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
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
static void
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

/* Tests ------------------------------------------------------------------------------------ */

static void
test_live_count (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ReseauSegment) expected = reseau_segment_new ();
  GtkWidget *tie_row, *check, *entry, *email, *contacted;
  guint all = 0;

  g_assert_true (reseau_store_count_segment (f->store, expected, &all, NULL));
  g_assert_cmpuint (all, ==, 40);
  assert_count (f, expected);

  /* A circle in "any of", chosen as a drop would. */
  g_assert_true (reseau_segment_area_add (RESEAU_SEGMENT_AREA (area (f, RESEAU_SEGMENT_ANY_OF)),
                                          RESEAU_SIDEBAR_ITEM_CIRCLE, f->circles[0]));
  reseau_segment_add_circle (expected, RESEAU_SEGMENT_ANY_OF, f->circles[0]);
  assert_count (f, expected);

  /* Tie strength: the "Close" check button. */
  tie_row = row (f, C_("tie strength", "Close"));
  check = find_widget (tie_row, is_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  reseau_segment_set_ties (expected, 1 << RESEAU_TIE_CLOSE);
  assert_count (f, expected);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  reseau_segment_set_ties (expected, 0);
  assert_count (f, expected);

  /* Organisation, typed. */
  entry = row (f, _("Organization Contains"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "BOREAL");
  reseau_segment_set_organization (expected, "BOREAL");
  assert_count (f, expected);

  /* Has an email. */
  email = row (f, _("Has an Email Address"));
  adw_switch_row_set_active (ADW_SWITCH_ROW (email), TRUE);
  reseau_segment_set_has_email (expected, TRUE);
  assert_count (f, expected);

  /* Last contacted: never. */
  contacted = row (f, _("Last Contacted"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (contacted), RESEAU_CONTACTED_NEVER);
  reseau_segment_set_contacted (expected, RESEAU_CONTACTED_NEVER, 0);
  assert_count (f, expected);

  /* Excluding a circle; then removing the organisation filter. */
  g_assert_true (reseau_segment_area_add (RESEAU_SEGMENT_AREA (area (f, RESEAU_SEGMENT_EXCLUDE)),
                                          RESEAU_SIDEBAR_ITEM_CIRCLE, f->circles[2]));
  reseau_segment_add_circle (expected, RESEAU_SEGMENT_EXCLUDE, f->circles[2]);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  reseau_segment_set_organization (expected, NULL);
  assert_count (f, expected);
  g_assert_cmpuint (reseau_segment_builder_get_count (f->builder), >, 0);
  g_assert_cmpuint (reseau_segment_builder_get_count (f->builder), <, all);
}

static gboolean
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

typedef struct
{
  Fixture              *f;
  gboolean              saved;
  ReseauSegmentCircles  set;
  gint64                id;
} DropCheck;

static gboolean
dropped (gpointer data)
{
  DropCheck *check = data;

  return segment_has (check->f->builder, check->saved, check->set, check->id);
}

static void
drag_into (Fixture              *f,
           guint                 source,
           ReseauSegmentCircles  set,
           gboolean              saved,
           gint64                id)
{
  GtkWidget *from = gtk_widget_get_first_child (f->sources);
  DropCheck check = { f, saved, set, id };

  for (guint i = 0; i < source; i++)
    from = gtk_widget_get_next_sibling (from);
  g_assert_true (reseau_test_drag (from, area (f, set), FALSE));
  g_assert_true (reseau_test_iterate_until (dropped, &check, 5000));
}

/* Real pointer drags: two circles into "any of", one into "not in", a saved segment into
 * "any of"; the count follows each. */
static void
test_drag (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ReseauSegment) expected = reseau_segment_new ();

  drag_into (f, 0, RESEAU_SEGMENT_ANY_OF, FALSE, f->circles[0]);
  reseau_segment_add_circle (expected, RESEAU_SEGMENT_ANY_OF, f->circles[0]);
  assert_count (f, expected);

  drag_into (f, 1, RESEAU_SEGMENT_EXCLUDE, FALSE, f->circles[1]);
  reseau_segment_add_circle (expected, RESEAU_SEGMENT_EXCLUDE, f->circles[1]);
  assert_count (f, expected);
  g_assert_false (segment_has (f->builder, FALSE, RESEAU_SEGMENT_ANY_OF, f->circles[1]));

  /* Dropped where it is excluded, a circle moves there from "any of". */
  drag_into (f, 0, RESEAU_SEGMENT_EXCLUDE, FALSE, f->circles[0]);
  g_assert_false (segment_has (f->builder, FALSE, RESEAU_SEGMENT_ANY_OF, f->circles[0]));
  reseau_segment_remove_circle (expected, RESEAU_SEGMENT_ANY_OF, f->circles[0]);
  reseau_segment_add_circle (expected, RESEAU_SEGMENT_EXCLUDE, f->circles[0]);
  assert_count (f, expected);

  drag_into (f, 2, RESEAU_SEGMENT_ANY_OF, TRUE, f->saved_id);
  reseau_segment_add_segment (expected, RESEAU_SEGMENT_ANY_OF, f->saved_id);
  assert_count (f, expected);
  g_assert_cmpuint (reseau_segment_builder_get_count (f->builder), >, 0);
}

static gboolean
drop_active (gpointer widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_DROP_ACTIVE) != 0;
}

/* While a circle hovers over an area, the area is highlighted; the drop lands after. */
static void
test_drag_hover (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *from = gtk_widget_get_first_child (f->sources);
  GtkWidget *to = area (f, RESEAU_SEGMENT_ALL_OF);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *joined = NULL;
  DropCheck check = { f, FALSE, RESEAU_SEGMENT_ALL_OF, f->circles[0] };
  int from_x, from_y, to_x, to_y;

  g_assert_true (reseau_test_widget_root_point (from, gtk_widget_get_width (from) / 2.0,
                                                gtk_widget_get_height (from) / 2.0, &from_x, &from_y));
  g_assert_true (reseau_test_widget_root_point (to, gtk_widget_get_width (to) / 2.0,
                                                gtk_widget_get_height (to) / 2.0, &to_x, &to_y));
  g_strv_builder_take (builder, g_strdup_printf ("mousemove %d %d sleep 0.15 mousedown 1 sleep 0.1", from_x, from_y));
  for (int i = 1; i <= 10; i++)
    g_strv_builder_take (builder, g_strdup_printf ("mousemove %d %d sleep 0.04", from_x + (to_x - from_x) * i / 10,
                                                   from_y + (to_y - from_y) * i / 10));
  parts = g_strv_builder_end (builder);
  joined = g_strjoinv (" ", parts);
  argv = g_strsplit (joined, " ", -1);
  g_assert_true (reseau_test_xdotool ((const char * const *)argv));
  g_assert_true (reseau_test_iterate_until (drop_active, to, 5000));
  g_assert_false (drop_active (area (f, RESEAU_SEGMENT_ANY_OF)));
  reseau_test_save_screenshot (GTK_WIDGET (f->window), "segment-builder-drop-hover.png");
  g_assert_true (reseau_test_xdotool ((const char * const[]) { "mouseup", "1", NULL }));
  g_assert_true (reseau_test_iterate_until (dropped, &check, 5000));
  g_assert_false (drop_active (to));
}

/* The saved segment cannot be dropped into itself: refused, nothing added. */
static void
test_refused_drop (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ReseauSegment) saved = reseau_store_load_segment (f->store, f->saved_id, NULL);
  GtkWidget *from;

  reseau_segment_builder_set_segment (f->builder, saved, f->saved_id, "Chez Lumen");
  from = gtk_widget_get_last_child (f->sources);
  g_assert_false (reseau_segment_area_add (RESEAU_SEGMENT_AREA (area (f, RESEAU_SEGMENT_ANY_OF)),
                                           RESEAU_SIDEBAR_ITEM_SEGMENT, f->saved_id));
  g_assert_true (reseau_test_drag (from, area (f, RESEAU_SEGMENT_ANY_OF), FALSE));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (reseau_segment_get_segments (reseau_segment_builder_get_segment (f->builder),
                                                 RESEAU_SEGMENT_ANY_OF)->len, ==, 0);
}

static GtkWidget *
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

static gboolean
is_visible_error (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") && gtk_widget_get_visible (widget);
}

static gboolean
saved (gpointer data)
{
  return reseau_segment_builder_get_saved_id (data) > 0;
}

static gboolean
banner_shown (gpointer data)
{
  GtkWidget *banner = find_widget (data, is_type, GSIZE_TO_POINTER (ADW_TYPE_BANNER));

  return banner != NULL && adw_banner_get_revealed (ADW_BANNER (banner));
}

/* Lets transitions end before a screenshot. */
static void
settle (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_choice (GtkWidget     *widget,
           gconstpointer  title)
{
  return has_title (widget, title) && gtk_widget_get_mapped (widget);
}

/* Without the pointer: the area's Add menu lists the circles and saved segments not in
 * it yet; activating one (as Enter does) adds it. */
static void
test_add_menu (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *exclude = area (f, RESEAU_SEGMENT_EXCLUDE);
  GtkWidget *button = find_widget (exclude, is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover, *choice;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (reseau_test_iterate_until (popover_shown, popover, 5000));
  g_assert_nonnull (find_widget (popover, is_choice, "Chez Lumen"));
  choice = find_widget (popover, is_choice, circle_names[2]);
  g_assert_nonnull (choice);
  g_assert_true (gtk_widget_activate (choice));
  g_assert_true (segment_has (f->builder, FALSE, RESEAU_SEGMENT_EXCLUDE, f->circles[2]));
  g_assert_false (gtk_widget_get_visible (popover));

  /* Offered again, the circle already there is not listed. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (reseau_test_iterate_until (popover_shown, popover, 5000));
  g_assert_null (find_widget (popover, is_choice, circle_names[2]));
  g_assert_nonnull (find_widget (popover, is_choice, circle_names[0]));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static void
deleted_cb (ReseauSegmentBuilder *builder,
            gint64                id,
            gint64               *out)
{
  *out = id;
}

static void
closed_cb (ReseauSegmentBuilder *builder,
           guint                *n)
{
  (*n)++;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
segment_gone (gpointer data)
{
  return *(gint64 *)data != 0;
}

/* Delete Segment asks first, then deletes and says so; the builder closes. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ReseauSegment) saved = reseau_store_load_segment (f->store, f->saved_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  gint64 deleted = 0;
  guint closed = 0;
  GtkWidget *dialog;

  reseau_segment_builder_set_segment (f->builder, saved, f->saved_id, "Chez Lumen");
  g_signal_connect (f->builder, "deleted", G_CALLBACK (deleted_cb), &deleted);
  g_signal_connect (f->builder, "closed", G_CALLBACK (closed_cb), &closed);
  gtk_widget_activate_action (GTK_WIDGET (f->builder), "builder.delete", NULL);
  dialog = find_dialog (f);
  settle ();
  g_assert_true (reseau_test_click (find_widget (dialog, is_button_labelled, _("_Delete"))));
  g_assert_true (reseau_test_iterate_until (segment_gone, &deleted, 5000));
  g_assert_cmpint (deleted, ==, f->saved_id);
  g_assert_cmpuint (closed, ==, 1);
  left = reseau_store_list_segments (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);
}

/* Save… asks a name, refuses another segment's (ignoring case) with a message, saves;
 * the saved definition reloads into the same rules and count. */
static void
test_save_reload (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ReseauSegment) expected = reseau_segment_new ();
  g_autoptr(ReseauSegment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *message = NULL;
  GtkWidget *dialog, *entry, *label, *banner;
  gint64 id;

  g_assert_true (reseau_segment_area_add (RESEAU_SEGMENT_AREA (area (f, RESEAU_SEGMENT_ANY_OF)),
                                          RESEAU_SIDEBAR_ITEM_CIRCLE, f->circles[1]));
  gtk_editable_set_text (GTK_EDITABLE (row (f, _("Organization Contains"))), "o");
  reseau_segment_add_circle (expected, RESEAU_SEGMENT_ANY_OF, f->circles[1]);
  reseau_segment_set_organization (expected, "o");
  assert_count (f, expected);

  gtk_widget_activate_action (GTK_WIDGET (f->builder), "builder.save", NULL);
  dialog = find_dialog (f);
  entry = find_widget (dialog, is_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  CHEZ lumen ");
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "save"));
  label = find_widget (dialog, is_visible_error, NULL);
  g_assert_nonnull (label);
  message = g_strdup_printf (_("A segment named “%s” already exists"), "Chez Lumen");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, message);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Partenaires en O");
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "save"));
  g_assert_null (find_widget (dialog, is_visible_error, NULL));
  /* Enter in the name field saves, as the dialog's default response. */
  g_assert_true (reseau_test_click (entry));
  g_assert_true (reseau_test_xdotool ((const char *[]) { "key", "Return", NULL }));
  g_assert_true (reseau_test_iterate_until (saved, f->builder, 5000));
  id = reseau_segment_builder_get_saved_id (f->builder);

  /* What is stored is what was built. */
  loaded = reseau_store_load_segment (f->store, id, &error);
  g_assert_no_error (error);
  want = reseau_segment_serialize (expected);
  got = reseau_segment_serialize (loaded);
  g_assert_cmpstr (got, ==, want);

  /* Reloaded into a fresh builder state: the widgets show it, the count is right. */
  reseau_segment_builder_set_segment (f->builder, NULL, 0, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, _("Organization Contains")))), ==, "");
  reseau_segment_builder_set_segment (f->builder, loaded, id, "Partenaires en O");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, _("Organization Contains")))), ==, "o");
  assert_count (f, expected);
  g_assert_false (banner_shown (f->builder));

  /* Its circle deleted for good: the segment says so and matches nobody. */
  g_assert_true (reseau_store_trash_circle (f->store, f->circles[1], TRUE, &error));
  g_assert_true (reseau_store_purge_circles (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = reseau_store_load_segment (f->store, id, &error);
  reseau_segment_builder_set_segment (f->builder, loaded, id, "Partenaires en O");
  g_assert_true (reseau_test_iterate_until (banner_shown, f->builder, 5000));
  banner = find_widget (GTK_WIDGET (f->builder), is_type, GSIZE_TO_POINTER (ADW_TYPE_BANNER));
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf (_("The circle “%s” was deleted; this segment no longer uses it"), "Partenaires");
  g_assert_cmpstr (adw_banner_get_title (ADW_BANNER (banner)), ==, message);
  g_assert_cmpuint (reseau_segment_builder_get_count (f->builder), ==, 0);
  settle ();
  reseau_test_save_screenshot (GTK_WIDGET (f->window), "segment-builder-deleted-circle.png");
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *lang = g_getenv ("LANGUAGE") && g_str_has_prefix (g_getenv ("LANGUAGE"), "fr") ? "fr" : "en";
  int width = GPOINTER_TO_INT (data);
  g_autoptr(ReseauSegment) segment = reseau_store_load_segment (f->store, f->saved_id, NULL);
  g_autofree char *rules_png = g_strdup_printf ("segment-builder-%s-%d.png", lang, width);
  g_autofree char *people_png = g_strdup_printf ("segment-builder-people-%s-%d.png", lang, width);
  GtkWidget *stack;

  reseau_segment_set_organization (segment, NULL);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, f->circles[0]);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, f->circles[1]);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_EXCLUDE, f->circles[2]);
  reseau_segment_set_has_email (segment, TRUE);
  reseau_segment_builder_set_segment (f->builder, segment, f->saved_id, "Chez Lumen");
  settle ();
  reseau_test_save_screenshot (GTK_WIDGET (f->window), rules_png);

  stack = find_widget (GTK_WIDGET (f->builder), is_type, GSIZE_TO_POINTER (ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "people");
  settle ();
  reseau_test_save_screenshot (GTK_WIDGET (f->window), people_png);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("RESEAU_LOCALEDIR");
  g_autoptr(GtkCssProvider) css = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();
  /* The application's style sheet, as AdwApplication loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/example/Reseau/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/segment-builder/live-count", Fixture, NULL, fixture_set_up, test_live_count, fixture_tear_down);
  g_test_add ("/segment-builder/pointer-drag", Fixture, NULL, fixture_set_up, test_drag, fixture_tear_down);
  g_test_add ("/segment-builder/drag-hover", Fixture, NULL, fixture_set_up, test_drag_hover, fixture_tear_down);
  g_test_add ("/segment-builder/add-menu", Fixture, NULL, fixture_set_up, test_add_menu, fixture_tear_down);
  g_test_add ("/segment-builder/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/segment-builder/refused-drop", Fixture, NULL, fixture_set_up, test_refused_drop, fixture_tear_down);
  g_test_add ("/segment-builder/save-reload", Fixture, NULL, fixture_set_up, test_save_reload, fixture_tear_down);
  g_test_add ("/segment-builder/screenshots/wide", Fixture, GINT_TO_POINTER (1100), fixture_set_up,
              test_screenshots, fixture_tear_down);
  g_test_add ("/segment-builder/screenshots/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up,
              test_screenshots, fixture_tear_down);
  return g_test_run ();
}
