/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-circle-dialog.h"
#include "reseau-contact-row.h"
#include "reseau-dnd.h"
#include "reseau-window-private.h"

/* Putting contacts in circles: what a drop (reseau-window-dnd.c) does, "Remove from
 * Circle", and the keyboard's way to both, the contact menu and its "Add to Circle…"
 * popover. Every change is one transaction offered for Undo by a toast. Sections:
 * membership changes, new circles with members, the popover, the contact menu, setup. */

/* Membership changes --------------------------------------------------------------------- */

static void
undo_membership_cb (AdwToast     *toast,
                    ReseauWindow *self)
{
  ReseauMembership *membership = g_object_get_data (G_OBJECT (toast), "reseau-membership");
  g_autoptr(GError) error = NULL;

  if (membership != NULL && !reseau_store_restore_membership (self->store, membership, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* Each drop or toggle says at once what it did: its toast replaces the previous one rather
 * than queueing behind it. */
static void
show_toast (ReseauWindow *self,
            AdwToast     *toast)
{
  if (self->membership_toast != NULL)
    adw_toast_dismiss (self->membership_toast);
  g_set_weak_pointer (&self->membership_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast_with_undo (ReseauWindow     *self,
                 const char       *title,
                 ReseauMembership *membership)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "reseau-membership", membership,
                          (GDestroyNotify) reseau_membership_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_membership_cb), self, 0);
  show_toast (self, toast);
}

/* "3 added to Clients Lyon · 1 was already there" */
static char *
added_message (const char *name,
               guint       n_added,
               guint       n_already,
               gboolean    moved)
{
  g_autofree char *added = NULL;
  g_autofree char *already = NULL;

  if (moved)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moved to %s", "%u moved to %s",
                                         n_added + n_already), n_added + n_already, name);
  if (n_added == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u was already in %s", "%u were already in %s",
                                         n_already), n_already, name);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added to %s", "%u added to %s", n_added),
                           n_added, name);
  if (n_already == 0)
    return g_steal_pointer (&added);
  already = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u was already there", "%u were already there",
                                          n_already), n_already);
  /* TRANSLATORS: joins "3 added to Clients Lyon" and "1 was already there" */
  return g_strdup_printf (_("%s · %s"), added, already);
}

/* Adds @ids to @circle_id, or moves them there out of @from_circle; a toast says what
 * happened and offers Undo. */
void
_reseau_window_add_to_circle (ReseauWindow *self,
                              gint64        circle_id,
                              const gint64 *ids,
                              guint         n_ids,
                              gint64        from_circle,
                              gboolean      move)
{
  g_autoptr(ReseauMembership) membership = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *name = _reseau_window_circle_name (self, circle_id);
  guint n_added = 0, n_already = 0;
  gboolean ok;

  if (n_ids == 0)
    return;
  if (circle_id == from_circle || (self->view == RESEAU_SIDEBAR_VIEW_CIRCLE && self->view_id == circle_id))
    {
      title = g_strdup_printf (_("These contacts are already in “%s”"), name ? name : "");
      show_toast (self, adw_toast_new (title));
      return;
    }
  if ((membership = reseau_store_save_membership (self->store, ids, n_ids, &error)) == NULL)
    goto fail;
  if (move && from_circle != 0)
    ok = reseau_store_move_to_circle (self->store, from_circle, circle_id, ids, n_ids, &n_added, &n_already, &error);
  else
    ok = reseau_store_add_to_circle (self->store, circle_id, ids, n_ids, &n_added, &n_already, &error);
  if (!ok)
    goto fail;
  title = added_message (name ? name : "", n_added, n_already, move && from_circle != 0);
  toast_with_undo (self, title, g_steal_pointer (&membership));
  return;

fail:
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
remove_from_circle (ReseauWindow *self,
                    gint64        circle_id,
                    const gint64 *ids,
                    guint         n_ids)
{
  g_autoptr(ReseauMembership) membership = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *name = _reseau_window_circle_name (self, circle_id);
  guint n_removed = 0;

  if (n_ids == 0)
    return;
  if ((membership = reseau_store_save_membership (self->store, ids, n_ids, &error)) == NULL ||
      !reseau_store_remove_from_circle (self->store, circle_id, ids, n_ids, &n_removed, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed from %s", "%u removed from %s", n_removed),
                           n_removed, name ? name : "");
  toast_with_undo (self, title, g_steal_pointer (&membership));
}

/* New circles with members ------------------------------------------------------------- */

static void
new_circle_closed_cb (ReseauWindow *self)
{
  g_clear_pointer (&self->new_circle_members, g_array_unref);
}

static void
new_circle_saved_cb (ReseauWindow *self,
                     gint64        id)
{
  g_autoptr(GArray) ids = g_steal_pointer (&self->new_circle_members);

  _reseau_window_refresh_sidebar (self);
  if (ids != NULL)
    _reseau_window_add_to_circle (self, id, (const gint64 *)(gpointer) ids->data, ids->len, 0, FALSE);
}

/* "New Circle…" with contacts to put in it once it exists. */
void
_reseau_window_new_circle_with (ReseauWindow *self,
                                const gint64 *ids,
                                guint         n_ids)
{
  ReseauCircleDialog *dialog = reseau_circle_dialog_new (self->store, NULL);

  g_clear_pointer (&self->new_circle_members, g_array_unref);
  self->new_circle_members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (self->new_circle_members, ids, n_ids);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (new_circle_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (new_circle_closed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* The popover -------------------------------------------------------------------------- */

typedef struct
{
  ReseauWindow *self;
  GArray       *ids;
  gboolean      updating;
} PopoverData;

static void
popover_data_free (gpointer data)
{
  PopoverData *popover = data;

  g_array_unref (popover->ids);
  g_free (popover);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  GParamSpec     *pspec,
                  PopoverData    *data)
{
  gint64 circle_id = *(gint64 *) g_object_get_data (G_OBJECT (check), "reseau-circle-id");
  const gint64 *ids = (const gint64 *)(gpointer) data->ids->data;

  if (data->updating)
    return;
  gtk_check_button_set_inconsistent (check, FALSE);
  if (gtk_check_button_get_active (check))
    _reseau_window_add_to_circle (data->self, circle_id, ids, data->ids->len, 0, FALSE);
  else
    remove_from_circle (data->self, circle_id, ids, data->ids->len);
}

/* How many of @ids each circle holds. */
static GHashTable *
count_memberships (ReseauWindow *self,
                   GArray       *ids)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GArray) circles = reseau_store_list_contact_circles (self->store, g_array_index (ids, gint64, i), NULL);

      for (guint c = 0; circles != NULL && c < circles->len; c++)
        {
          gint64 *key = &g_array_index (circles, gint64, c);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

          g_hash_table_insert (counts, g_memdup2 (key, sizeof *key), GUINT_TO_POINTER (n + 1));
        }
    }
  return counts;
}

static void
popover_new_circle_cb (GtkButton   *button,
                       PopoverData *data)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  g_autoptr(GArray) ids = g_array_ref (data->ids);
  ReseauWindow *self = data->self;

  gtk_popover_popdown (GTK_POPOVER (popover));
  _reseau_window_new_circle_with (self, (const gint64 *)(gpointer) ids->data, ids->len);
}

static void
fill_popover (GtkPopover  *popover,
              PopoverData *data)
{
  g_autoptr(GPtrArray) circles = reseau_store_list_circles (data->self->store, NULL);
  g_autoptr(GHashTable) counts = count_memberships (data->self, data->ids);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New Circle…"));

  data->updating = TRUE;
  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      ReseauCircle *circle = circles->pdata[i];
      gint64 id = reseau_circle_get_id (circle);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));
      const char *emoji = reseau_circle_get_emoji (circle);
      g_autofree char *label = emoji && emoji[0] ? g_strdup_printf ("%s %s", emoji, reseau_circle_get_name (circle))
                                                 : g_strdup (reseau_circle_get_name (circle));
      GtkWidget *check = gtk_check_button_new_with_label (label);

      g_object_set_data_full (G_OBJECT (check), "reseau-circle-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), n > 0 && n == data->ids->len);
      gtk_check_button_set_inconsistent (GTK_CHECK_BUTTON (check), n > 0 && n < data->ids->len);
      g_signal_connect (check, "notify::active", G_CALLBACK (check_toggled_cb), data);
      gtk_box_append (GTK_BOX (box), check);
    }
  data->updating = FALSE;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_visible (scroller, circles != NULL && circles->len > 0);
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_widget_add_css_class (new_button, "flat");
  g_signal_connect (new_button, "clicked", G_CALLBACK (popover_new_circle_cb), data);
  gtk_box_append (GTK_BOX (outer), new_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add to Circle"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (popover), "circles-popover");
  gtk_popover_set_child (popover, outer);
}

/* A popover of check buttons, one per circle, for @ids: checked when all of them are in
 * the circle, mixed when some are. */
static GtkPopover *
circles_popover_new (ReseauWindow *self,
                     GArray       *ids)
{
  GtkPopover *popover = GTK_POPOVER (gtk_popover_new ());
  PopoverData *data = g_new0 (PopoverData, 1);

  data->self = self;
  data->ids = g_array_ref (ids);
  g_object_set_data_full (G_OBJECT (popover), "reseau-popover-data", data, popover_data_free);
  fill_popover (popover, data);
  return popover;
}

static void
create_selection_popover_cb (GtkMenuButton *button,
                             gpointer       user_data)
{
  ReseauWindow *self = user_data;
  g_autoptr(GArray) ids = _reseau_window_selected_ids (self);

  gtk_menu_button_set_popover (button, GTK_WIDGET (circles_popover_new (self, ids)));
}

/* The contact menu ----------------------------------------------------------------------- */

static gboolean
unparent_idle_cb (gpointer data)
{
  if (gtk_widget_get_parent (data) != NULL)
    gtk_widget_unparent (data);
  return G_SOURCE_REMOVE;
}

/* After the menu item's action ran, which may have removed the row already. */
static void
menu_closed_cb (GtkPopover *popover)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_idle_cb, g_object_ref (popover), g_object_unref);
}

/* Pops @popover up on @row, at (@x, @y) if it is a pointer's (x ≥ 0); it goes away when
 * closed. */
void
_reseau_window_popup (GtkPopover *popover,
                      GtkWidget  *row,
                      double      x,
                      double      y)
{
  gtk_widget_set_parent (GTK_WIDGET (popover), row);
  if (x >= 0)
    {
      gtk_popover_set_has_arrow (popover, FALSE);
      gtk_widget_set_halign (GTK_WIDGET (popover), GTK_ALIGN_START);
      gtk_popover_set_pointing_to (popover, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
    }
  g_signal_connect (popover, "closed", G_CALLBACK (menu_closed_cb), NULL);
  gtk_popover_popup (popover);
}

void
_reseau_window_popup_contact_menu (ReseauWindow *self,
                                   GtkListItem  *item,
                                   GtkWidget    *row,
                                   double        x,
                                   double        y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  guint position = gtk_list_item_get_position (item);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  /* The menu acts on the selection: a row outside it becomes the selection. */
  if (!gtk_list_item_get_selected (item))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  g_set_weak_pointer (&self->context_row, row);

  g_menu_append (menu, _("_Add to Circle…"), "win.add-to-circle");
  if (self->view == RESEAU_SIDEBAR_VIEW_CIRCLE)
    g_menu_append (menu, _("_Remove from Circle"), "win.remove-from-circle");
  g_menu_append (menu, _("_Delete"), "win.delete-selected");
  _reseau_window_popup (GTK_POPOVER (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu))), row, x, y);
}

/* Shift+F10 and the Menu key on the focused contact. */
static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  ReseauWindow *self = RESEAU_WINDOW (gtk_widget_get_root (widget));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus ? gtk_widget_get_first_child (focus) : NULL;
  GtkListItem *item;

  if (row == NULL || !RESEAU_IS_CONTACT_ROW (row) ||
      (item = g_object_get_data (G_OBJECT (row), "reseau-list-item")) == NULL)
    return FALSE;
  _reseau_window_popup_contact_menu (self, item, row, -1, -1);
  return TRUE;
}

static void
add_to_circle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);
  g_autoptr(GArray) ids = _reseau_window_selected_ids (self);

  if (ids->len == 0)
    return;
  if (self->context_row != NULL && gtk_widget_get_mapped (self->context_row))
    _reseau_window_popup (circles_popover_new (self, ids), self->context_row, -1, -1);
  else if (gtk_widget_get_mapped (GTK_WIDGET (self->add_to_circle_button)))
    gtk_menu_button_popup (self->add_to_circle_button);
}

static void
remove_from_circle_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);
  g_autoptr(GArray) ids = _reseau_window_selected_ids (self);

  if (self->view != RESEAU_SIDEBAR_VIEW_CIRCLE)
    return;
  remove_from_circle (self, self->view_id, (const gint64 *)(gpointer) ids->data, ids->len);
}

/* Delete in a circle's view takes the contacts out of the circle, not out of the book. */
static void
delete_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);

  gtk_widget_activate_action (widget, self->view == RESEAU_SIDEBAR_VIEW_CIRCLE ? "win.remove-from-circle"
                                                                               : "win.delete-selected", NULL);
}

/* Setup ---------------------------------------------------------------------------------- */

void
_reseau_window_class_init_circles (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, add_to_circle_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, remove_from_circle_button);

  gtk_widget_class_install_action (widget_class, "win.add-to-circle", NULL, add_to_circle_action);
  gtk_widget_class_install_action (widget_class, "win.remove-from-circle", NULL, remove_from_circle_action);
  gtk_widget_class_install_action (widget_class, "win.delete-key", NULL, delete_key_action);
}

void
_reseau_window_init_circles (ReseauWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_menu_button_set_create_popup_func (self->add_to_circle_button, create_selection_popover_cb, self, NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                      gtk_callback_action_new (menu_key_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_from_circle_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove from Circle"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->circle_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Circle Menu"), -1);
}

void
_reseau_window_dispose_circles (ReseauWindow *self)
{
  g_clear_weak_pointer (&self->context_row);
  g_clear_weak_pointer (&self->membership_toast);
  g_clear_pointer (&self->new_circle_members, g_array_unref);
}
