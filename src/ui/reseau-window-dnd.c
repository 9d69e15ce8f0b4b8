/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-contacts-provider.h"
#include "reseau-dnd.h"
#include "reseau-window-private.h"

/* Dragging contacts from the list onto the sidebar's circles and "New Circle…", and out to
 * other applications as vCards. What a drop does is in reseau-window-circles.c. Sections:
 * dragging contacts, dropping them. */

/* Dragging contacts ---------------------------------------------------------------------- */

/* The row and, if it is part of the selection, the whole selection. */
static GArray *
dragged_ids (ReseauWindow *self,
             GtkListItem  *item)
{
  guint position = gtk_list_item_get_position (item);
  GArray *ids;
  gint64 id;

  if (gtk_list_item_get_selected (item))
    return _reseau_window_selected_ids (self);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (position != GTK_INVALID_LIST_POSITION)
    {
      id = reseau_contact_list_get_id (self->contacts, position);
      g_array_append_val (ids, id);
    }
  return ids;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 ReseauWindow  *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (source), "reseau-list-item");
  g_autoptr(GArray) ids = dragged_ids (self, item);

  if (ids->len == 0)
    return NULL;
  g_object_set_data (G_OBJECT (source), "reseau-n-dragged", GUINT_TO_POINTER (ids->len));
  g_object_set_data (G_OBJECT (source), "reseau-hotspot-x", GINT_TO_POINTER ((int) x));
  g_object_set_data (G_OBJECT (source), "reseau-hotspot-y", GINT_TO_POINTER ((int) y));
  return reseau_contacts_provider_new (self->store, (const gint64 *)(gpointer) ids->data, ids->len,
                                       self->view == RESEAU_SIDEBAR_VIEW_CIRCLE ? self->view_id : 0);
}

/* One contact shows its row; several a badge saying how many. */
static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (source), "reseau-n-dragged"));
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (n > 1)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", n), n);
      GtkWidget *badge = gtk_label_new (text);

      gtk_widget_add_css_class (badge, "drag-badge");
      gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), badge);
      gdk_drag_set_hotspot (drag, -12, -12);
    }
  else
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

      gtk_drag_source_set_icon (source, paintable,
                                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "reseau-hotspot-x")),
                                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "reseau-hotspot-y")));
    }
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                ReseauWindow    *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _reseau_window_popup_contact_menu (self, g_object_get_data (G_OBJECT (gesture), "reseau-list-item"), row, x, y);
}

static void
row_long_pressed_cb (GtkGestureLongPress *gesture,
                     double               x,
                     double               y,
                     ReseauWindow        *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  _reseau_window_popup_contact_menu (self, g_object_get_data (G_OBJECT (gesture), "reseau-list-item"), row, x, y);
}

/* Runs after the row factory's own setup: the row exists. */
static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ReseauWindow             *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  g_object_set_data (G_OBJECT (row), "reseau-list-item", item);
  g_object_set_data (G_OBJECT (drag), "reseau-list-item", item);
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  g_object_set_data (G_OBJECT (click), "reseau-list-item", item);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (row_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  g_object_set_data (G_OBJECT (long_press), "reseau-list-item", item);
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (row_long_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (long_press));
}

void
_reseau_window_setup_row_factory (ReseauWindow       *self,
                                  GtkListItemFactory *factory)
{
  g_signal_connect_object (factory, "setup", G_CALLBACK (row_setup_cb), self, G_CONNECT_AFTER);
}

/* Dropping them -------------------------------------------------------------------------- */

/* Shift makes the drag a move (X11 and Wayland then offer only that action); it moves
 * contacts out of the circle they were dragged from, and is a plain add elsewhere. */
static GdkDragAction
drop_action (GtkDropTarget *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GdkDragAction actions = drop ? gdk_drop_get_actions (drop) : GDK_ACTION_COPY;

  return (actions & GDK_ACTION_COPY) ? GDK_ACTION_COPY : GDK_ACTION_MOVE;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y)
{
  return drop_action (target);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ReseauWindow  *self)
{
  ReseauContactIds *dropped = g_value_get_boxed (value);
  gint64 circle_id = *(gint64 *) g_object_get_data (G_OBJECT (target), "reseau-circle-id");
  const gint64 *ids;

  if (dropped == NULL || dropped->ids->len == 0)
    return FALSE;
  ids = (const gint64 *)(gpointer) dropped->ids->data;
  if (circle_id == 0)
    _reseau_window_new_circle_with (self, ids, dropped->ids->len);
  else
    _reseau_window_add_to_circle (self, circle_id, ids, dropped->ids->len, dropped->from_circle,
                   drop_action (target) == GDK_ACTION_MOVE);
  return TRUE;
}

/* Makes a sidebar row accept dropped contacts: a circle's (@circle_id), or "New Circle…"
 * (0). Anything else dragged there is refused. */
void
_reseau_window_add_circle_drop (ReseauWindow *self,
                                GtkWidget    *row,
                                gint64        circle_id)
{
  GtkDropTarget *target = gtk_drop_target_new (RESEAU_TYPE_CONTACT_IDS, GDK_ACTION_COPY | GDK_ACTION_MOVE);

  g_object_set_data_full (G_OBJECT (target), "reseau-circle-id", g_memdup2 (&circle_id, sizeof circle_id), g_free);
  g_signal_connect (target, "enter", G_CALLBACK (drop_motion_cb), NULL);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), NULL);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}
