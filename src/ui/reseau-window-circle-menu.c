/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-circle-dialog.h"
#include "reseau-window-private.h"

/* The menu of the sidebar's circles and saved segments (on the row and in the list's
 * header bar) and what it does: New Circle…, Edit…, and Delete, which hides the circle at
 * once and deletes it for good when its Undo toast goes. Sections: menus, actions. */

/* Menus ---------------------------------------------------------------------------------- */

static GMenuModel *
item_menu (ReseauSidebarView view,
           gint64            id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) delete = NULL;
  g_autoptr(GMenuItem) write = NULL;

  if (view == RESEAU_SIDEBAR_VIEW_CIRCLE)
    {
      edit = g_menu_item_new (_("_Edit…"), NULL);
      g_menu_item_set_action_and_target_value (edit, "win.edit-circle", g_variant_new_int64 (id));
      delete = g_menu_item_new (_("_Delete"), NULL);
      g_menu_item_set_action_and_target_value (delete, "win.delete-circle", g_variant_new_int64 (id));
    }
  else
    {
      edit = g_menu_item_new (_("_Edit…"), NULL);
      g_menu_item_set_action_and_target_value (edit, "win.edit-segment", g_variant_new_int64 (id));
    }
  /* reseau-window-mail.c */
  write = g_menu_item_new (view == RESEAU_SIDEBAR_VIEW_CIRCLE ? _("_Write to Circle…") : _("_Write to Segment…"),
                           NULL);
  g_menu_item_set_action_and_target_value (write, view == RESEAU_SIDEBAR_VIEW_CIRCLE ? "win.compose-circle"
                                                                                           : "win.compose-saved-segment",
                                           g_variant_new_int64 (id));
  g_menu_append_item (menu, write);
  g_menu_append_item (menu, edit);
  if (delete != NULL)
    g_menu_append_item (menu, delete);
  return G_MENU_MODEL (menu);
}

/* The menu of a circle or saved segment row: on a right click or long press at (@x, @y), or
 * from the keyboard (@x < 0). */
void
_reseau_window_popup_item_menu (ReseauWindow      *self,
                                GtkWidget         *row,
                                ReseauSidebarView  view,
                                gint64             id,
                                double             x,
                                double             y)
{
  g_autoptr(GMenuModel) model = NULL;

  if (view != RESEAU_SIDEBAR_VIEW_CIRCLE && view != RESEAU_SIDEBAR_VIEW_SEGMENT)
    return;
  model = item_menu (view, id);
  _reseau_window_popup (GTK_POPOVER (gtk_popover_menu_new_from_model (model)), row, x, y);
}

void
_reseau_window_update_circle_actions (ReseauWindow *self)
{
  gboolean in_circle = self->view == RESEAU_SIDEBAR_VIEW_CIRCLE;
  gboolean in_segment = self->view == RESEAU_SIDEBAR_VIEW_SEGMENT;

  /* On a phone the header bar has no room for it: the sidebar row's menu (long press,
   * right click, Shift+F10) is there. */
  gtk_widget_set_visible (GTK_WIDGET (self->circle_menu_button),
                          (in_circle || in_segment) && !adw_navigation_split_view_get_collapsed (self->outer_split));
  if (in_circle || in_segment)
    {
      g_autoptr(GMenuModel) model = item_menu (self->view, self->view_id);

      gtk_menu_button_set_menu_model (self->circle_menu_button, model);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->circle_menu_button),
                                   in_circle ? _("Circle Menu") : _("Segment Menu"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->remove_from_circle_button), in_circle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-from-circle", in_circle);
}

/* Actions -------------------------------------------------------------------------------- */

static void
new_circle_saved_cb (ReseauWindow *self,
                     gint64        id)
{
  _reseau_window_refresh_sidebar (self);
  _reseau_window_select_view (self, RESEAU_SIDEBAR_VIEW_CIRCLE, id);
}

static void
new_circle_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);
  ReseauCircleDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = reseau_circle_dialog_new (self->store, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (new_circle_saved_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
edit_circle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);
  g_autoptr(ReseauCircle) circle = NULL;
  g_autoptr(GError) error = NULL;

  if ((circle = reseau_store_load_circle (self->store, g_variant_get_int64 (param), &error)) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  adw_dialog_present (ADW_DIALOG (reseau_circle_dialog_new (self->store, circle)), widget);
}

static void
purge_circles (ReseauWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->trashed_circle != 0 && !reseau_store_purge_circles (self->store, &error))
    g_warning ("Could not delete a circle for good: %s", error->message);
  self->trashed_circle = 0;
}

static void
circle_toast_dismissed_cb (ReseauWindow *self,
                           AdwToast     *toast)
{
  if (self->circle_toast == toast)
    {
      self->circle_toast = NULL;
      purge_circles (self);
    }
}

static void
undo_delete_circle_cb (ReseauWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->trashed_circle;

  if (id == 0)
    return;
  if (!reseau_store_trash_circle (self->store, id, FALSE, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  self->trashed_circle = 0;
  _reseau_window_refresh_sidebar (self);
  _reseau_window_select_view (self, RESEAU_SIDEBAR_VIEW_CIRCLE, id);
}

/* The circle is hidden at once and deleted for good when its Undo toast goes; its members
 * stay in the address book. */
static void
delete_circle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *name = _reseau_window_circle_name (self, id);
  AdwToast *toast;

  title = g_strdup_printf (_("“%s” was deleted"), name ? name : "");
  if (self->circle_toast != NULL)
    {
      AdwToast *previous = g_steal_pointer (&self->circle_toast);

      purge_circles (self);
      adw_toast_dismiss (previous);
    }
  if (!reseau_store_trash_circle (self->store, id, TRUE, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  self->trashed_circle = id;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_circle_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (circle_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->circle_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  if (self->view == RESEAU_SIDEBAR_VIEW_CIRCLE && self->view_id == id)
    _reseau_window_show_all_contacts (self);
  _reseau_window_refresh_sidebar (self);
}

void
_reseau_window_class_init_circle_menu (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-circle", NULL, new_circle_action);
  gtk_widget_class_install_action (widget_class, "win.edit-circle", "x", edit_circle_action);
  gtk_widget_class_install_action (widget_class, "win.delete-circle", "x", delete_circle_action);
}

/* A circle waiting for its toast to go is deleted for good with the window. */
void
_reseau_window_dispose_circle_menu (ReseauWindow *self)
{
  if (self->circle_toast != NULL && self->store != NULL)
    {
      self->circle_toast = NULL;
      purge_circles (self);
    }
}
