/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The segment builder saves under a name (one another segment has, ignoring case, is
 * refused as it is typed), reloads what it saved, says when a circle it used was deleted,
 * deletes a saved segment after asking. Screenshots wide and narrow, in the test's language.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "segment-ui-fixture.h"

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
  segment_ui_init (&argc, &argv);

  g_test_add ("/segment-builder/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/segment-builder/save-reload", Fixture, NULL, fixture_set_up, test_save_reload, fixture_tear_down);
  g_test_add ("/segment-builder/screenshots/wide", Fixture, GINT_TO_POINTER (1100), fixture_set_up,
              test_screenshots, fixture_tear_down);
  g_test_add ("/segment-builder/screenshots/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up,
              test_screenshots, fixture_tear_down);
  return g_test_run ();
}
