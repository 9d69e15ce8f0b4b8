/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The segment builder under a real X server: its live count is the store's count of the
 * same rules after each edit made through its widgets; circles and saved segments dragged
 * with the real pointer (xdotool) from a sidebar-like source land in the include and exclude
 * areas; the Add menu works without the pointer; a segment cannot include itself. Saving,
 * deleting and screenshots: test-segment-builder-save.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "segment-ui-fixture.h"

/* Tests ------------------------------------------------------------------------------------ */

static gint64
first_contact (Fixture *f)
{
  g_autoptr(GArray) entries = reseau_store_list (f->store, RESEAU_SORT_GIVEN_NAME, "Personne00", NULL);

  g_assert_cmpuint (entries->len, ==, 1);
  return g_array_index (entries, ReseauListEntry, 0).id;
}

static gboolean
has_result (GtkWidget     *widget,
            gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
         gtk_widget_get_mapped (widget);
}

static gboolean
result_shown (gpointer popover)
{
  return find_widget (popover, has_result, NULL) != NULL;
}

static void
pick_introducer (Fixture    *f,
                 const char *search)
{
  GtkWidget *row = find_widget (GTK_WIDGET (f->builder), has_title, _("Introduced By"));
  GtkWidget *button = find_widget (row, is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover, *entry;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  entry = find_widget (popover, is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_assert_true (reseau_test_iterate_until (result_shown, popover, 5000));
  g_assert_true (gtk_widget_activate (find_widget (popover, has_result, NULL)));
}

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

  /* Introduced by: searched and picked in the chooser's popover. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (contacted), RESEAU_CONTACTED_ANY);
  reseau_segment_set_contacted (expected, RESEAU_CONTACTED_ANY, 0);
  pick_introducer (f, "personne00");
  reseau_segment_set_introduced_by (expected, first_contact (f));
  assert_count (f, expected);
  g_assert_cmpuint (reseau_segment_builder_get_count (f->builder), >, 0);
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

int
main (int   argc,
      char *argv[])
{
  segment_ui_init (&argc, &argv);

  g_test_add ("/segment-builder/live-count", Fixture, NULL, fixture_set_up, test_live_count, fixture_tear_down);
  g_test_add ("/segment-builder/pointer-drag", Fixture, NULL, fixture_set_up, test_drag, fixture_tear_down);
  g_test_add ("/segment-builder/drag-hover", Fixture, NULL, fixture_set_up, test_drag_hover, fixture_tear_down);
  g_test_add ("/segment-builder/add-menu", Fixture, NULL, fixture_set_up, test_add_menu, fixture_tear_down);
  g_test_add ("/segment-builder/refused-drop", Fixture, NULL, fixture_set_up, test_refused_drop, fixture_tear_down);
  return g_test_run ();
}
