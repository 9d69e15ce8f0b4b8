/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-circle-dialog.h"
#include "reseau-dnd.h"
#include "reseau-window-private.h"

/* The window's sidebar: the fixed views, the circles and the saved segments, their counts,
 * and the circles' menu (edit, delete with Undo). Sections: rows, refresh, views, menus,
 * actions, setup. */

typedef struct
{
  ReseauSidebarView  view;
  gint64             id;
  char              *name;
} SidebarEntry;

static void
sidebar_entry_free (gpointer data)
{
  SidebarEntry *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static SidebarEntry *
row_entry (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "reseau-sidebar-entry") : NULL;
}

static gint64
row_id (gpointer row)
{
  SidebarEntry *entry = row_entry (row);

  return entry != NULL ? entry->id : 0;
}

static void
set_row_entry (GtkWidget         *row,
               ReseauSidebarView  view,
               gint64             id,
               const char        *name)
{
  SidebarEntry *entry = g_new0 (SidebarEntry, 1);

  entry->view = view;
  entry->id = id;
  entry->name = g_strdup (name);
  g_object_set_data_full (G_OBJECT (row), "reseau-sidebar-entry", entry, sidebar_entry_free);
}

/* Rows ----------------------------------------------------------------------------------- */

static void
draw_dot_cb (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "reseau-color");
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, reseau_circle_dialog_palette ()[0]);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

typedef struct
{
  GtkWidget *dot;
  GtkLabel  *emoji;
  GtkLabel  *name;
  GtkLabel  *count;
} CircleRowParts;

static void
update_circle_row (GtkWidget    *row,
                   ReseauCircle *circle)
{
  CircleRowParts *parts = g_object_get_data (G_OBJECT (row), "reseau-parts");
  const char *emoji = reseau_circle_get_emoji (circle);
  guint n = reseau_circle_get_member_count (circle);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n), n);

  set_row_entry (row, RESEAU_SIDEBAR_VIEW_CIRCLE, reseau_circle_get_id (circle), reseau_circle_get_name (circle));
  g_object_set_data_full (G_OBJECT (parts->dot), "reseau-color", g_strdup (reseau_circle_get_color (circle)), g_free);
  gtk_widget_queue_draw (parts->dot);
  gtk_label_set_label (parts->emoji, emoji ? emoji : "");
  gtk_widget_set_visible (GTK_WIDGET (parts->emoji), emoji != NULL && emoji[0] != '\0');
  gtk_label_set_label (parts->name, reseau_circle_get_name (circle));
  gtk_label_set_label (parts->count, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reseau_circle_get_name (circle),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static GtkWidget *
row_box_new (GtkWidget  *start,
             GtkLabel  **name,
             GtkLabel  **count)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_append (GTK_BOX (box), start);
  *name = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (*name, 0);
  gtk_label_set_ellipsize (*name, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (*name), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*name));
  if (count != NULL)
    {
      *count = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (*count), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (*count), "numeric");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (*count));
    }
  return box;
}

static void
popup_row_menu (ReseauWindow  *self,
                GtkListBoxRow *row,
                double         x,
                double         y)
{
  SidebarEntry *entry = row_entry (row);

  if (entry != NULL)
    _reseau_window_popup_item_menu (self, GTK_WIDGET (row), entry->view, entry->id, x, y);
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
  popup_row_menu (self, GTK_LIST_BOX_ROW (row), x, y);
}

static void
row_long_pressed_cb (GtkGestureLongPress *gesture,
                     double               x,
                     double               y,
                     ReseauWindow        *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  popup_row_menu (self, GTK_LIST_BOX_ROW (row), x, y);
}

static GdkContentProvider *
sidebar_drag_prepare_cb (GtkDragSource *source,
                         double         x,
                         double         y,
                         gpointer       data)
{
  SidebarEntry *entry = row_entry (GTK_LIST_BOX_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source))));
  g_autoptr(ReseauSidebarItem) item = NULL;

  if (entry == NULL)
    return NULL;
  item = reseau_sidebar_item_new (entry->view == RESEAU_SIDEBAR_VIEW_CIRCLE ? RESEAU_SIDEBAR_ITEM_CIRCLE
                                                                            : RESEAU_SIDEBAR_ITEM_SEGMENT,
                                  entry->id, entry->name);
  return gdk_content_provider_new_typed (RESEAU_TYPE_SIDEBAR_ITEM, item);
}

static void
sidebar_drag_begin_cb (GtkDragSource *source,
                       GdkDrag       *drag)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* Circles and saved segments: a menu on right click and long press, and a drag source of
 * RESEAU_TYPE_SIDEBAR_ITEM for the segment builder and the composer. */
static void
add_item_controllers (ReseauWindow *self,
                      GtkWidget    *row)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (row_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (row_long_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (long_press));
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (sidebar_drag_prepare_cb), NULL);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (sidebar_drag_begin_cb), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
}

static GtkWidget *
circle_row_new (ReseauWindow *self,
                ReseauCircle *circle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  CircleRowParts *parts = g_new0 (CircleRowParts, 1);
  GtkWidget *start = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box;

  parts->dot = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (parts->dot), 10);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (parts->dot), 10);
  gtk_widget_set_valign (parts->dot, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (parts->dot, 3);
  gtk_widget_set_margin_end (parts->dot, 3);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (parts->dot), draw_dot_cb, NULL, NULL);
  gtk_box_append (GTK_BOX (start), parts->dot);
  parts->emoji = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (start), GTK_WIDGET (parts->emoji));
  box = row_box_new (start, &parts->name, &parts->count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "circle-row");
  g_object_set_data_full (G_OBJECT (row), "reseau-parts", parts, g_free);

  add_item_controllers (self, row);
  _reseau_window_add_circle_drop (self, row, reseau_circle_get_id (circle));
  update_circle_row (row, circle);
  return row;
}

static GtkWidget *
segment_row_new (ReseauWindow       *self,
                 ReseauSavedSegment *segment)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkLabel *name;

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                              row_box_new (gtk_image_new_from_icon_name ("funnel-symbolic"), &name, NULL));
  gtk_label_set_label (name, segment->name);
  set_row_entry (row, RESEAU_SIDEBAR_VIEW_SEGMENT, segment->id, segment->name);
  add_item_controllers (self, row);
  return row;
}

static GtkWidget *
action_row_new (ReseauSidebarView  view,
                const char        *label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkLabel *name;

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                              row_box_new (gtk_image_new_from_icon_name ("list-add-symbolic"), &name, NULL));
  gtk_label_set_label (name, label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  set_row_entry (row, view, 0, label);
  gtk_widget_add_css_class (row, "sidebar-action");
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  const char *title = g_object_get_data (G_OBJECT (row), "reseau-section");
  GtkWidget *label;

  if (title == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "sidebar-section");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_row_set_header (row, label);
}

/* Refresh -------------------------------------------------------------------------------- */

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
set_count (GtkLabel *label,
           guint     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_label (label, text);
}

static void
refresh_counts (ReseauWindow *self)
{
  g_autoptr(ReseauSegment) no_circle = reseau_segment_new ();
  g_autofree char *date = today ();
  guint n = 0;

  if (reseau_store_count_overdue (self->store, date, &n, NULL))
    set_count (self->reconnect_count_label, n);
  gtk_widget_set_visible (GTK_WIDGET (self->reconnect_count_label), n > 0);
  reseau_segment_set_no_circle (no_circle, TRUE);
  if (reseau_store_count_segment (self->store, no_circle, &n, NULL))
    set_count (self->no_circle_count_label, n);
}

static gboolean
same_ids (GPtrArray *rows,
          GPtrArray *items,
          gint64   (*item_id) (gpointer item))
{
  if (rows->len != items->len)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (row_id (rows->pdata[i]) != item_id (items->pdata[i]))
      return FALSE;
  return TRUE;
}

static gint64
circle_id (gpointer item)
{
  return reseau_circle_get_id (item);
}

static gint64
segment_id (gpointer item)
{
  return ((ReseauSavedSegment *) item)->id;
}

static void
remove_rows (ReseauWindow *self,
             GPtrArray    *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *child = gtk_widget_get_first_child (rows->pdata[i]);

      /* A menu still open on the row goes with it. */
      while (child != NULL)
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          if (GTK_IS_POPOVER (child))
            gtk_widget_unparent (child);
          child = next;
        }
      gtk_list_box_remove (self->sidebar_list, rows->pdata[i]);
    }
  g_ptr_array_set_size (rows, 0);
}

static void
select_view (ReseauWindow      *self,
             ReseauSidebarView  view,
             gint64             id);

/* Rows are rebuilt only when circles come, go or change order; counts and names are
 * updated in place, so that a refresh during a drag keeps the row under the pointer. */
static void
refresh_rows (ReseauWindow *self,
              GPtrArray    *circles,
              GPtrArray    *segments)
{
  if (same_ids (self->circle_rows, circles, circle_id))
    for (guint i = 0; i < circles->len; i++)
      update_circle_row (self->circle_rows->pdata[i], circles->pdata[i]);
  else
    {
      int position;

      remove_rows (self, self->circle_rows);
      position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->new_circle_row));
      for (guint i = 0; i < circles->len; i++)
        {
          GtkWidget *row = circle_row_new (self, circles->pdata[i]);

          gtk_list_box_insert (self->sidebar_list, row, position + (int) i);
          g_ptr_array_add (self->circle_rows, row);
        }
    }
  if (!same_ids (self->segment_rows, segments, segment_id))
    {
      int position;

      remove_rows (self, self->segment_rows);
      position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->new_segment_row));
      for (guint i = 0; i < segments->len; i++)
        {
          GtkWidget *row = segment_row_new (self, segments->pdata[i]);

          gtk_list_box_insert (self->sidebar_list, row, position + (int) i);
          g_ptr_array_add (self->segment_rows, row);
        }
    }

  /* Section headings go on the first row of each section. */
  g_object_set_data (G_OBJECT (self->new_circle_row), "reseau-section", NULL);
  g_object_set_data (G_OBJECT (self->new_segment_row), "reseau-section", NULL);
  g_object_set_data (G_OBJECT (self->circle_rows->len ? self->circle_rows->pdata[0] : self->new_circle_row),
                     "reseau-section", (gpointer) _("Circles"));
  g_object_set_data (G_OBJECT (self->segment_rows->len ? self->segment_rows->pdata[0] : self->new_segment_row),
                     "reseau-section", (gpointer) _("Segments"));
  gtk_list_box_invalidate_headers (self->sidebar_list);
}

void
_reseau_window_refresh_sidebar (ReseauWindow *self)
{
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *selected;

  g_clear_handle_id (&self->sidebar_refresh_id, g_source_remove);
  if (self->store == NULL)
    return;
  if ((circles = reseau_store_list_circles (self->store, &error)) == NULL ||
      (segments = reseau_store_list_segments (self->store, &error)) == NULL)
    {
      g_warning ("Could not list circles and segments: %s", error->message);
      return;
    }
  refresh_counts (self);
  refresh_rows (self, circles, segments);

  /* The circle or segment shown may have gone (deleted, or in the trash) or been renamed. */
  selected = gtk_list_box_get_selected_row (self->sidebar_list);
  if (self->view == RESEAU_SIDEBAR_VIEW_CIRCLE || self->view == RESEAU_SIDEBAR_VIEW_SEGMENT)
    {
      SidebarEntry *entry = row_entry (selected);

      if (entry == NULL || entry->id != self->view_id)
        select_view (self, self->view, self->view_id);
      else
        adw_navigation_page_set_title (self->list_page, entry->name);
    }
}

static gboolean
refresh_idle_cb (gpointer data)
{
  ReseauWindow *self = data;

  self->sidebar_refresh_id = 0;
  _reseau_window_refresh_sidebar (self);
  return G_SOURCE_REMOVE;
}

/* Several writes in a row (an import, an Undo) refresh the counts once. */
static void
store_changed_cb (ReseauWindow *self)
{
  if (self->sidebar_refresh_id == 0)
    self->sidebar_refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle_cb, self, NULL);
}

const char *
_reseau_window_circle_name (ReseauWindow *self,
                            gint64        id)
{
  for (guint i = 0; i < self->circle_rows->len; i++)
    {
      SidebarEntry *entry = row_entry (self->circle_rows->pdata[i]);

      if (entry != NULL && entry->id == id)
        return entry->name;
    }
  return NULL;
}

/* Views ---------------------------------------------------------------------------------- */

static GtkListBoxRow *
find_row (ReseauWindow      *self,
          ReseauSidebarView  view,
          gint64             id)
{
  GPtrArray *rows = view == RESEAU_SIDEBAR_VIEW_CIRCLE ? self->circle_rows : self->segment_rows;

  switch (view)
    {
    case RESEAU_SIDEBAR_VIEW_RECONNECT:
      return self->reconnect_row;
    case RESEAU_SIDEBAR_VIEW_NO_CIRCLE:
      return self->no_circle_row;
    case RESEAU_SIDEBAR_VIEW_CIRCLE:
    case RESEAU_SIDEBAR_VIEW_SEGMENT:
      for (guint i = 0; i < rows->len; i++)
        if (row_id (rows->pdata[i]) == id)
          return rows->pdata[i];
      return self->all_contacts_row;
    default:
      return self->all_contacts_row;
    }
}

static void
select_view (ReseauWindow      *self,
             ReseauSidebarView  view,
             gint64             id)
{
  gtk_list_box_select_row (self->sidebar_list, find_row (self, view, id));
}

void
_reseau_window_show_all_contacts (ReseauWindow *self)
{
  select_view (self, RESEAU_SIDEBAR_VIEW_ALL, 0);
}

static void
row_selected_cb (ReseauWindow  *self,
                 GtkListBoxRow *row)
{
  SidebarEntry *entry = row_entry (row);

  if (self->contacts == NULL || entry == NULL)
    return;
  _reseau_window_show_view (self, entry->view, entry->id, entry->name);
}

static void
row_activated_cb (ReseauWindow  *self,
                  GtkListBoxRow *row)
{
  SidebarEntry *entry = row_entry (row);

  if (entry != NULL && entry->view == RESEAU_SIDEBAR_VIEW_NEW_CIRCLE)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-circle", NULL);
  else if (entry != NULL && entry->view == RESEAU_SIDEBAR_VIEW_NEW_SEGMENT)
    _reseau_window_edit_segment (self, 0);
}

/* Shift+F10 and the Menu key on the focused row. */
static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  ReseauWindow *self = RESEAU_WINDOW (gtk_widget_get_root (widget));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  while (focus != NULL && !GTK_IS_LIST_BOX_ROW (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL)
    return FALSE;
  popup_row_menu (self, GTK_LIST_BOX_ROW (focus), -1, -1);
  return TRUE;
}

/* Setup ---------------------------------------------------------------------------------- */

void
_reseau_window_class_init_sidebar (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, reconnect_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, no_circle_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, reconnect_count_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, no_circle_count_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, circle_menu_button);

  _reseau_window_class_init_circle_menu (widget_class);
}

void
_reseau_window_init_sidebar (ReseauWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutAction *menu = gtk_callback_action_new (menu_key_cb, NULL, NULL);

  self->circle_rows = g_ptr_array_new ();
  self->segment_rows = g_ptr_array_new ();
  set_row_entry (GTK_WIDGET (self->all_contacts_row), RESEAU_SIDEBAR_VIEW_ALL, 0, _("All Contacts"));
  set_row_entry (GTK_WIDGET (self->reconnect_row), RESEAU_SIDEBAR_VIEW_RECONNECT, 0, _("Reconnect"));
  set_row_entry (GTK_WIDGET (self->no_circle_row), RESEAU_SIDEBAR_VIEW_NO_CIRCLE, 0, _("Not in a Circle"));
  self->new_circle_row = action_row_new (RESEAU_SIDEBAR_VIEW_NEW_CIRCLE, _("New Circle…"));
  gtk_list_box_append (self->sidebar_list, self->new_circle_row);
  _reseau_window_add_circle_drop (self, self->new_circle_row, 0);
  self->new_segment_row = action_row_new (RESEAU_SIDEBAR_VIEW_NEW_SEGMENT, _("New Segment…"));
  gtk_list_box_append (self->sidebar_list, self->new_segment_row);
  gtk_list_box_set_header_func (self->sidebar_list, header_func, NULL, NULL);
  g_object_set_data (G_OBJECT (self->new_circle_row), "reseau-section", (gpointer) _("Circles"));
  g_object_set_data (G_OBJECT (self->new_segment_row), "reseau-section", (gpointer) _("Segments"));

  g_signal_connect_object (self->sidebar_list, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outer_split, "notify::collapsed", G_CALLBACK (_reseau_window_update_circle_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                      menu));
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), shortcuts);
}

void
_reseau_window_sidebar_set_store (ReseauWindow *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  _reseau_window_refresh_sidebar (self);
  select_view (self, RESEAU_SIDEBAR_VIEW_ALL, 0);
  row_selected_cb (self, self->all_contacts_row);
}

void
_reseau_window_select_view (ReseauWindow      *self,
                            ReseauSidebarView  view,
                            gint64             id)
{
  GtkListBoxRow *row = find_row (self, view, id);

  if (gtk_list_box_get_selected_row (self->sidebar_list) == row)
    row_selected_cb (self, row);
  else
    gtk_list_box_select_row (self->sidebar_list, row);
}

void
_reseau_window_dispose_sidebar (ReseauWindow *self)
{
  g_clear_handle_id (&self->sidebar_refresh_id, g_source_remove);
  _reseau_window_dispose_circle_menu (self);
  g_clear_pointer (&self->circle_rows, g_ptr_array_unref);
  g_clear_pointer (&self->segment_rows, g_ptr_array_unref);
}
