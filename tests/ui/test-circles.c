/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Circles in the window under a real X server, with the real pointer and keyboard: dragging
 * one contact and a selection onto a circle, onto "New Circle…", Shift to move between
 * circles, the keyboard's "Add to Circle…", deleting a circle and its Undo. What a drop did
 * is checked in the database, not on screen.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "reseau-application.h"
#include "reseau-composer.h"
#include "reseau-contact-row.h"
#include "reseau-test-utils.h"
#include "reseau-window-private.h"

typedef struct
{
  char              *dir;
  ReseauApplication *app;
  ReseauWindow      *window;
  ReseauStore       *store;
  gint64             alice, bruno, chloe, david, emile;
  gint64             amis, clients;
} Fixture;

static gint64
add_contact (ReseauStore *store,
             const char  *given,
             const char  *family,
             const char  *org)
{
  g_autoptr(ReseauContact) contact = reseau_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, given);
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, family);
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, org);
  id = reseau_store_save_contact (store, contact, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_circle (ReseauStore *store,
            const char  *name,
            const char  *color,
            const char  *emoji)
{
  g_autoptr(ReseauCircle) circle = reseau_circle_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  reseau_circle_set_color (circle, color);
  reseau_circle_set_emoji (circle, emoji);
  id = reseau_store_save_circle (store, circle, &error);
  g_assert_no_error (error);
  return id;
}

static void
put_in (Fixture *f,
        gint64   circle,
        gint64   contact)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (reseau_store_add_to_circle (f->store, circle, &contact, 1, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int width = GPOINTER_TO_INT (data);
  static guint serial;
  g_autofree char *app_id = g_strdup_printf ("org.example.Reseau.Circles%u", ++serial);

  f->dir = g_dir_make_tmp ("reseau-circles-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "reseau.db", NULL);

  f->app = reseau_application_new ();
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (reseau_application_open_store (f->app, db, &error));
  f->store = reseau_application_get_store (f->app);

  f->alice = add_contact (f->store, "Alice", "Martin", "Boulangerie Martin");
  f->bruno = add_contact (f->store, "Bruno", "Petit", "Canut Conseil");
  f->chloe = add_contact (f->store, "Chloé", "Durand", "Lumière Studio");
  f->david = add_contact (f->store, "David", "Leroy", "Fourvière SARL");
  f->emile = add_contact (f->store, "Émile", "Roux", "Presqu’île Labs");
  f->amis = add_circle (f->store, "Amis", "#9141ac", NULL);
  f->clients = add_circle (f->store, "Clients Lyon", "#3584e4", NULL);
  add_circle (f->store, "Design & UX", "#d56199", NULL);
  put_in (f, f->clients, f->bruno);

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

/* Looking things up ---------------------------------------------------------------------- */

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type)) && gtk_widget_is_drawable (widget);
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

/* A menu item of a GtkPopoverMenu (a GtkModelButton, whose type is private); @text without
 * its mnemonic underscore, as the button holds it. */
static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  text)
{
  g_autofree char *label = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0 || !gtk_widget_is_drawable (widget))
    return FALSE;
  g_object_get (widget, "text", &label, NULL);
  return g_strcmp0 (label, text) == 0;
}

/* Returns: (transfer none): @label without its underscore, valid until the next call */
static const char *
menu_text (const char *label)
{
  static char *text;
  g_autoptr(GString) out = g_string_new (label);

  g_string_replace (out, "_", "", 1);
  g_free (text);
  text = g_string_free_and_steal (g_steal_pointer (&out));
  return text;
}

static gboolean
is_contact_row (GtkWidget     *widget,
                gconstpointer  id)
{
  ReseauContact *contact;

  if (!RESEAU_IS_CONTACT_ROW (widget) || !gtk_widget_is_drawable (widget))
    return FALSE;
  contact = reseau_contact_row_get_contact (RESEAU_CONTACT_ROW (widget));
  return contact != NULL && reseau_contact_get_id (contact) == *(const gint64 *) id;
}

typedef struct
{
  Fixture      *f;
  gboolean    (*match) (GtkWidget *widget, gconstpointer data);
  gconstpointer data;
  GtkWidget    *found;
} Search;

static gboolean
search_found (gpointer data)
{
  Search *search = data;

  search->found = reseau_test_find_widget (GTK_WIDGET (search->f->window), search->match, search->data);
  return search->found != NULL;
}

/* Waits for the widget to be shown, then for animations to end so that it stays where the
 * pointer will go. */
static GtkWidget *
wait_widget (Fixture      *f,
             gboolean    (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data,
             const char   *what)
{
  Search search = { f, match, data, NULL };

  if (!reseau_test_iterate_until (search_found, &search, 5000))
    {
      reseau_test_save_screenshot (GTK_WIDGET (f->window), "circles-failure.png");
      g_error ("%s never appeared", what);
    }
  reseau_test_settle (400);
  return search.found;
}

static GtkWidget *
contact_row (Fixture *f,
             gint64   id)
{
  guint position = reseau_contact_list_find (reseau_window_get_contacts (f->window), id);

  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_list_view_scroll_to (f->window->list_view, position, GTK_LIST_SCROLL_NONE, NULL);
  return wait_widget (f, is_contact_row, &id, "The contact’s row");
}

static GtkWidget *
circle_row (Fixture *f,
            gint64   id)
{
  const char *name;

  reseau_test_settle (100);
  name = _reseau_window_circle_name (f->window, id);
  g_assert_nonnull (name);
  for (guint i = 0; i < f->window->circle_rows->len; i++)
    {
      GtkWidget *row = f->window->circle_rows->pdata[i];

      if (reseau_test_find_widget (row, is_label_with_text, name) != NULL)
        return row;
    }
  g_error ("No row for the circle “%s”", name);
}

static void
click_widget (GtkWidget *widget)
{
  g_assert_true (reseau_test_click (widget));
  reseau_test_settle (200);
}

/* A click with a modifier held, e.g. "ctrl" to add a row to the selection. */
static void
click_with (GtkWidget  *widget,
            const char *modifier,
            const char *button)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  int root_x, root_y;

  g_assert_true (reseau_test_widget_root_point (widget, gtk_widget_get_width (widget) / 2.0,
                                                gtk_widget_get_height (widget) / 2.0, &root_x, &root_y));
  x = g_strdup_printf ("%d", root_x);
  y = g_strdup_printf ("%d", root_y);
  if (modifier != NULL)
    g_assert_true (reseau_test_xdotool ((const char * const[]) {
      "mousemove", x, y, "sleep", "0.1", "keydown", modifier, "click", button, "keyup", modifier, "sleep", "0.1", NULL }));
  else
    g_assert_true (reseau_test_xdotool ((const char * const[]) {
      "mousemove", x, y, "sleep", "0.1", "click", button, "sleep", "0.1", NULL }));
  reseau_test_settle (200);
}

/* The database ----------------------------------------------------------------------------- */

static gboolean
is_member (Fixture *f,
           gint64   circle,
           gint64   contact)
{
  g_autoptr(GArray) circles = reseau_store_list_contact_circles (f->store, contact, NULL);

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    if (g_array_index (circles, gint64, i) == circle)
      return TRUE;
  return FALSE;
}

static guint
n_members (Fixture *f,
           gint64   circle)
{
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  guint n = 0;

  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, circle);
  g_assert_true (reseau_store_count_segment (f->store, segment, &n, NULL));
  return n;
}

typedef struct
{
  Fixture *f;
  gint64   circle;
  guint    n;
} Count;

static gboolean
count_is (gpointer data)
{
  Count *count = data;

  return n_members (count->f, count->circle) == count->n;
}

static void
wait_members (Fixture *f,
              gint64   circle,
              guint    n)
{
  Count count = { f, circle, n };

  if (!reseau_test_iterate_until (count_is, &count, 5000))
    {
      reseau_test_save_screenshot (GTK_WIDGET (f->window), "circles-failure.png");
      g_error ("The circle has %u members, not %u", n_members (f, circle), n);
    }
  reseau_test_settle (200);
}

static gint64
circle_named (Fixture    *f,
              const char *name)
{
  g_autoptr(GPtrArray) circles = reseau_store_list_circles (f->store, NULL);

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    if (g_strcmp0 (reseau_circle_get_name (circles->pdata[i]), name) == 0)
      return reseau_circle_get_id (circles->pdata[i]);
  return 0;
}

/* Screenshots of the X screen itself: popovers and the drag icon are surfaces of their own,
 * which a rendering of the window leaves out. */
static void
screenshot_screen (Fixture    *f,
                   const char *name)
{
  const char *dir = g_getenv ("RESEAU_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *crop = NULL;
  g_autofree char *stderr_text = NULL;
  GtkWidget *window = GTK_WIDGET (f->window);
  int x, y, status;

  if (dir == NULL || *dir == '\0')
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  reseau_test_settle (300);
  g_assert_true (reseau_test_widget_root_point (window, 0, 0, &x, &y));
  crop = g_strdup_printf ("%dx%d+%d+%d", gtk_widget_get_width (window), gtk_widget_get_height (window),
                          MAX (x, 0), MAX (y, 0));
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "magick", (char *) "import", (char *) "-window",
                                                  (char *) "root", (char *) "-crop", crop, (char *) "+repage",
                                                  path, NULL },
                               NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                               &stderr_text, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("magick import failed: %s", stderr_text);
  g_test_message ("screenshot: %s", path);
}

static char *
shot_name (const char *what,
           int         width)
{
  const char *lang = g_getenv ("LANGUAGE");

  return g_strdup_printf ("circles-%s-%s-%d.png", what, lang ? lang : "en", width);
}

/* Tests ---------------------------------------------------------------------------------- */

static char *
added_text (guint       n_added,
            const char *name,
            guint       n_already)
{
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added to %s", "%u added to %s", n_added),
                                            n_added, name);
  g_autofree char *already = NULL;

  if (n_already == 0)
    return g_steal_pointer (&added);
  already = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u was already there", "%u were already there",
                                          n_already), n_already);
  return g_strdup_printf (_("%s · %s"), added, already);
}

static void
test_drag_one (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *toast = added_text (1, "Amis", 0);

  g_assert_false (is_member (f, f->amis, f->alice));
  g_assert_true (reseau_test_drag (contact_row (f, f->alice), circle_row (f, f->amis), FALSE));
  wait_members (f, f->amis, 1);
  g_assert_true (is_member (f, f->amis, f->alice));
  wait_widget (f, is_label_with_text, toast, toast);
  /* The sidebar's count follows. */
  wait_widget (f, is_label_with_text, "1", "Amis’s count");
  /* Only the one row was dragged: nothing else joined, nobody was selected. */
  g_assert_false (is_member (f, f->amis, f->bruno));
}

static void
test_drag_selection (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *toast = added_text (2, "Clients Lyon", 1);
  g_autoptr(GtkBitset) selected = NULL;

  click_widget (contact_row (f, f->alice));
  click_with (contact_row (f, f->bruno), "ctrl", "1");
  click_with (contact_row (f, f->chloe), "ctrl", "1");
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (f->window->selection));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 3);

  /* Dragging one of the selected rows drags all three; Bruno was in the circle already. */
  g_assert_true (reseau_test_drag (contact_row (f, f->chloe), circle_row (f, f->clients), FALSE));
  wait_members (f, f->clients, 3);
  g_assert_true (is_member (f, f->clients, f->alice));
  g_assert_true (is_member (f, f->clients, f->chloe));
  g_assert_false (is_member (f, f->clients, f->david));
  wait_widget (f, is_label_with_text, toast, toast);

  /* Undo puts back exactly what was there. */
  click_widget (wait_widget (f, is_button_labelled, _("_Undo"), "Undo"));
  wait_members (f, f->clients, 1);
  g_assert_true (is_member (f, f->clients, f->bruno));
}

static gboolean
no_dialog (gpointer data)
{
  Fixture *f = data;

  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window)) == NULL;
}

static void
test_drag_new_circle (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *exists = g_strdup_printf (_("A circle named “%s” already exists"), "amis");
  gint64 id;

  g_assert_true (reseau_test_drag (contact_row (f, f->david), f->window->new_circle_row, FALSE));
  wait_widget (f, is_button_labelled, _("_Create"), "The circle dialog");
  screenshot_screen (f, "circles-dialog-drop.png");

  /* A name taken (ignoring case) and an empty one are refused with a message. */
  g_assert_true (reseau_test_type ("amis"));
  g_assert_true (reseau_test_keys ("Return"));
  wait_widget (f, is_label_with_text, exists, exists);
  g_assert_true (reseau_test_keys ("ctrl+a BackSpace space Return"));
  wait_widget (f, is_label_with_text, _("A circle needs a name"), "The empty name’s message");
  g_assert_cmpuint (n_members (f, f->amis), ==, 0);

  g_assert_true (reseau_test_keys ("ctrl+a BackSpace"));
  g_assert_true (reseau_test_type ("Partenaires"));
  g_assert_true (reseau_test_keys ("Return"));
  g_assert_true (reseau_test_iterate_until (no_dialog, f, 5000));
  id = circle_named (f, "Partenaires");
  g_assert_cmpint (id, !=, 0);
  wait_members (f, id, 1);
  g_assert_true (is_member (f, id, f->david));
  g_assert_nonnull (circle_row (f, id));
}

static void
test_shift_move (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *same = g_strdup_printf (_("These contacts are already in “%s”"), "Clients Lyon");

  put_in (f, f->clients, f->chloe);
  click_widget (circle_row (f, f->clients));
  g_assert_cmpint (f->window->view, ==, RESEAU_SIDEBAR_VIEW_CIRCLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reseau_window_get_contacts (f->window))), ==, 2);

  /* Shift moves out of the circle shown into the one dropped on. */
  g_assert_true (reseau_test_drag (contact_row (f, f->bruno), circle_row (f, f->amis), TRUE));
  wait_members (f, f->amis, 1);
  wait_members (f, f->clients, 1);
  g_assert_true (is_member (f, f->amis, f->bruno));
  g_assert_false (is_member (f, f->clients, f->bruno));

  /* Without Shift, a drag out of a circle adds. */
  g_assert_true (reseau_test_drag (contact_row (f, f->chloe), circle_row (f, f->amis), FALSE));
  wait_members (f, f->amis, 2);
  g_assert_true (is_member (f, f->clients, f->chloe));

  /* Onto the circle being shown: nothing changes, and a message says why. */
  g_assert_true (reseau_test_drag (contact_row (f, f->chloe), circle_row (f, f->clients), FALSE));
  wait_widget (f, is_label_with_text, same, same);
  g_assert_cmpuint (n_members (f, f->clients), ==, 1);

  /* Something that is not contacts (a circle dragged from the sidebar) is refused. */
  g_assert_true (reseau_test_drag (circle_row (f, f->clients), circle_row (f, f->amis), FALSE));
  reseau_test_settle (800);
  g_assert_cmpuint (n_members (f, f->amis), ==, 2);
  g_assert_cmpuint (n_members (f, f->clients), ==, 1);

  /* Delete in a circle's view takes the selection out of the circle, with Undo. */
  gtk_widget_grab_focus (gtk_widget_get_parent (contact_row (f, f->chloe)));
  click_widget (contact_row (f, f->chloe));
  g_assert_true (reseau_test_keys ("Delete"));
  wait_members (f, f->clients, 0);
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 5);
  click_widget (wait_widget (f, is_button_labelled, _("_Undo"), "Undo"));
  wait_members (f, f->clients, 1);
}

/* Moves the keyboard focus onto @item with Down, whatever the menu focused first. */
static void
focus_with_down (Fixture   *f,
                 GtkWidget *item)
{
  for (guint i = 0; i < 4 && !gtk_widget_has_focus (item) && !gtk_widget_is_focus (item); i++)
    {
      g_assert_true (reseau_test_keys ("Down"));
      reseau_test_settle (150);
    }
  g_assert_true (gtk_widget_has_focus (item) || gtk_widget_has_visible_focus (item) ||
                 gtk_widget_get_state_flags (item) & GTK_STATE_FLAG_SELECTED);
}

static void
rest_pointer_on (GtkWidget *widget)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  int root_x, root_y;

  g_assert_true (reseau_test_widget_root_point (widget, 8, 8, &root_x, &root_y));
  x = g_strdup_printf ("%d", root_x);
  y = g_strdup_printf ("%d", root_y);
  g_assert_true (reseau_test_xdotool ((const char * const[]) { "mousemove", x, y, "sleep", "0.1", NULL }));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data) ? GPOINTER_TO_INT (data) : 1100;
  g_autofree char *popover_png = shot_name ("popover", width);
  g_autofree char *mixed_png = shot_name ("popover-mixed", width);
  GtkWidget *item, *check;

  if (width < 600)
    {
      /* The sidebar comes first on a phone: go to the list. */
      click_widget (GTK_WIDGET (f->window->all_contacts_row));
    }
  /* No pointer from here: the focus goes to Alice's row, then only keys. (The pointer
   * rests on the window only because, without a window manager, X gives the keyboard to
   * the window under it.) */
  rest_pointer_on (GTK_WIDGET (f->window));
  gtk_widget_grab_focus (gtk_widget_get_parent (contact_row (f, f->alice)));
  reseau_test_settle (200);
  g_assert_true (reseau_test_keys ("shift+F10"));
  item = wait_widget (f, is_menu_item, menu_text (_("_Add to Circle…")), "Add to Circle… in the menu");
  focus_with_down (f, item);
  g_assert_true (reseau_test_keys ("Return"));
  check = wait_widget (f, is_check_labelled, "Amis", "The popover’s circles");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  screenshot_screen (f, popover_png);
  for (guint i = 0; i < 6 && !gtk_widget_has_focus (check); i++)
    g_assert_true (reseau_test_keys ("Tab"));
  g_assert_true (gtk_widget_has_focus (check));
  g_assert_true (reseau_test_keys ("space"));
  wait_members (f, f->amis, 1);
  g_assert_true (is_member (f, f->amis, f->alice));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (reseau_test_keys ("Escape"));
  reseau_test_settle (300);

  /* Alice and David together: Amis holds one of them, so its box is mixed; checking it
   * adds the other. The selection bar's button opens the same popover. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->window->selection),
                                   reseau_contact_list_find (reseau_window_get_contacts (f->window), f->alice), TRUE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->window->selection),
                                   reseau_contact_list_find (reseau_window_get_contacts (f->window), f->david), FALSE);
  reseau_test_settle (500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-to-circle", NULL));
  reseau_test_settle (300);
  if (reseau_test_find_widget (GTK_WIDGET (f->window), is_check_labelled, "Amis") == NULL)
    gtk_menu_button_popup (f->window->add_to_circle_button);
  check = wait_widget (f, is_check_labelled, "Amis", "The popover’s circles");
  g_assert_true (gtk_check_button_get_inconsistent (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_check_button_get_inconsistent (GTK_CHECK_BUTTON (
    wait_widget (f, is_check_labelled, "Clients Lyon", "Clients Lyon’s box"))));
  screenshot_screen (f, mixed_png);
  for (guint i = 0; i < 6 && !gtk_widget_has_focus (check); i++)
    g_assert_true (reseau_test_keys ("Tab"));
  g_assert_true (reseau_test_keys ("space"));
  wait_members (f, f->amis, 2);
  g_assert_true (is_member (f, f->amis, f->david));
  g_assert_false (gtk_check_button_get_inconsistent (GTK_CHECK_BUTTON (check)));
  g_assert_true (reseau_test_keys ("Escape"));
}

static void
test_delete_circle (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *deleted = g_strdup_printf (_("“%s” was deleted"), "Clients Lyon");

  click_widget (circle_row (f, f->clients));
  click_with (circle_row (f, f->clients), NULL, "3");
  click_widget (wait_widget (f, is_menu_item, menu_text (_("_Delete")), "Delete in the circle’s menu"));
  wait_widget (f, is_label_with_text, deleted, deleted);
  /* The circle is gone from the sidebar; its member is still in the address book. */
  g_assert_cmpint (circle_named (f, "Clients Lyon"), ==, 0);
  g_assert_null (_reseau_window_circle_name (f->window, f->clients));
  g_assert_cmpint (f->window->view, ==, RESEAU_SIDEBAR_VIEW_ALL);
  g_assert_cmpuint (reseau_store_count_contacts (f->store), ==, 5);

  click_widget (wait_widget (f, is_button_labelled, _("_Undo"), "Undo"));
  g_assert_cmpint (circle_named (f, "Clients Lyon"), ==, f->clients);
  g_assert_cmpuint (n_members (f, f->clients), ==, 1);
  g_assert_nonnull (circle_row (f, f->clients));
}

/* Reconnect and the segment builder take the list's place; a saved segment filters it. */
static void
test_hosted_pages (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *row = NULL;
  gint64 saved;

  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, f->clients);
  saved = reseau_store_save_segment (f->store, 0, "Lyon", segment, &error);
  g_assert_no_error (error);
  reseau_test_settle (300);

  click_widget (GTK_WIDGET (f->window->reconnect_row));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (gtk_stack_get_visible_child (f->window->pane_stack)), ==, "ReseauReconnectPage");
  g_assert_cmpint (f->window->view, ==, RESEAU_SIDEBAR_VIEW_RECONNECT);

  click_widget (f->window->new_segment_row);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (gtk_stack_get_visible_child (f->window->pane_stack)), ==, "ReseauSegmentBuilder");

  /* The builder's Write button opens the composer on its segment, in place of the list. */
  click_widget (wait_widget (f, is_action_button, "win.compose-segment", "the builder's Write button"));
  g_assert_nonnull (wait_widget (f, is_type, GSIZE_TO_POINTER (RESEAU_TYPE_COMPOSER), "the composer"));
  g_assert_true (gtk_widget_activate_action (wait_widget (f, is_type, GSIZE_TO_POINTER (RESEAU_TYPE_COMPOSER),
                                                          "the composer"), "composer.close", NULL));
  reseau_test_settle (300);
  click_widget (f->window->new_segment_row);

  for (guint i = 0; i < f->window->segment_rows->len; i++)
    if (reseau_test_find_widget (f->window->segment_rows->pdata[i], is_label_with_text, "Lyon") != NULL)
      row = f->window->segment_rows->pdata[i];
  g_assert_nonnull (row);
  click_widget (row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->pane_stack), ==, "list");
  g_assert_cmpint (f->window->view, ==, RESEAU_SIDEBAR_VIEW_SEGMENT);
  g_assert_cmpint (f->window->view_id, ==, saved);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reseau_window_get_contacts (f->window))), ==, 1);
  g_assert_nonnull (contact_row (f, f->bruno));
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  g_autofree char *sidebar_png = shot_name ("sidebar", width);
  g_autofree char *circle_png = shot_name ("view", width);
  g_autofree char *drag_png = shot_name ("drag", width);
  g_autofree char *dialog_png = shot_name ("dialog", width);

  put_in (f, f->amis, f->alice);
  put_in (f, f->amis, f->emile);
  reseau_test_settle (300);
  screenshot_screen (f, sidebar_png);
  click_widget (circle_row (f, f->clients));
  screenshot_screen (f, circle_png);

  if (width >= 600)
    {
      /* Held mid-drag over a circle: the row lights up and the badge counts. */
      GtkWidget *target;
      int from_x, from_y, to_x, to_y;
      g_autofree char *fx = NULL, *fy = NULL, *tx = NULL, *ty = NULL, *mx = NULL, *my = NULL;

      click_widget (GTK_WIDGET (f->window->all_contacts_row));
      click_widget (contact_row (f, f->alice));
      click_with (contact_row (f, f->david), "shift", "1");
      target = circle_row (f, f->amis);
      g_assert_true (reseau_test_widget_root_point (contact_row (f, f->chloe), 40, 20, &from_x, &from_y));
      g_assert_true (reseau_test_widget_root_point (target, 60, gtk_widget_get_height (target) / 2.0, &to_x, &to_y));
      fx = g_strdup_printf ("%d", from_x);
      fy = g_strdup_printf ("%d", from_y);
      mx = g_strdup_printf ("%d", (from_x + to_x) / 2);
      my = g_strdup_printf ("%d", (from_y + to_y) / 2);
      tx = g_strdup_printf ("%d", to_x);
      ty = g_strdup_printf ("%d", to_y);
      g_assert_true (reseau_test_xdotool ((const char * const[]) {
        "mousemove", fx, fy, "sleep", "0.15", "mousedown", "1", "sleep", "0.1",
        "mousemove_relative", "--", "10", "0", "sleep", "0.05", "mousemove_relative", "--", "-30", "0", "sleep", "0.05",
        "mousemove", mx, my, "sleep", "0.1", "mousemove", tx, ty, "sleep", "0.2",
        "mousemove_relative", "--", "4", "2", "sleep", "0.2", NULL }));
      reseau_test_settle (400);
      screenshot_screen (f, drag_png);
      /* Let go away from any circle: nothing is added. */
      g_assert_true (reseau_test_xdotool ((const char * const[]) {
        "mousemove", fx, fy, "sleep", "0.2", "mouseup", "1", "sleep", "0.2", NULL }));
      reseau_test_settle (500);
      g_assert_cmpuint (n_members (f, f->amis), ==, 2);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-circle", "x", f->clients));
  wait_widget (f, is_button_labelled, _("_Save"), "The circle dialog");
  screenshot_screen (f, dialog_png);
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

  g_test_add ("/ui/circles/drag-one", Fixture, NULL, fixture_set_up, test_drag_one, fixture_tear_down);
  g_test_add ("/ui/circles/drag-selection-undo", Fixture, NULL, fixture_set_up, test_drag_selection,
              fixture_tear_down);
  g_test_add ("/ui/circles/drag-new-circle", Fixture, NULL, fixture_set_up, test_drag_new_circle,
              fixture_tear_down);
  g_test_add ("/ui/circles/shift-move-remove", Fixture, NULL, fixture_set_up, test_shift_move, fixture_tear_down);
  g_test_add ("/ui/circles/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/ui/circles/keyboard-narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/ui/circles/hosted-pages", Fixture, NULL, fixture_set_up, test_hosted_pages, fixture_tear_down);
  g_test_add ("/ui/circles/delete-undo", Fixture, NULL, fixture_set_up, test_delete_circle, fixture_tear_down);
  g_test_add ("/ui/circles/screenshots-wide", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_screenshots,
              fixture_tear_down);
  g_test_add ("/ui/circles/screenshots-narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
