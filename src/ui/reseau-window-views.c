/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-reconnect-page.h"
#include "reseau-segment-builder.h"
#include "reseau-window-private.h"

/* What the content list pane shows for the view chosen in the sidebar: the contact list,
 * filtered through the view's segment, or in its place the Reconnect page or the segment
 * builder, which bring their own header bars. */

static ReseauSegment *
view_segment (ReseauWindow      *self,
              ReseauSidebarView  view,
              gint64             id)
{
  g_autoptr(ReseauSegment) segment = NULL;
  g_autoptr(GError) error = NULL;

  switch (view)
    {
    case RESEAU_SIDEBAR_VIEW_NO_CIRCLE:
      segment = reseau_segment_new ();
      reseau_segment_set_no_circle (segment, TRUE);
      break;
    case RESEAU_SIDEBAR_VIEW_CIRCLE:
      segment = reseau_segment_new ();
      reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, id);
      break;
    case RESEAU_SIDEBAR_VIEW_SEGMENT:
      if ((segment = reseau_store_load_segment (self->store, id, &error)) == NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      break;
    default:
      break;
    }
  return g_steal_pointer (&segment);
}

static void
reconnect_contact_cb (ReseauWindow *self,
                      gint64        id)
{
  _reseau_window_show_contact (self, id, TRUE);
}

static void
show_reconnect (ReseauWindow *self)
{
  if (self->reconnect_page == NULL)
    {
      self->reconnect_page = GTK_WIDGET (reseau_reconnect_page_new (self->store));
      g_signal_connect_object (self->reconnect_page, "contact-activated", G_CALLBACK (reconnect_contact_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->pane_stack, self->reconnect_page, "reconnect");
    }
  gtk_stack_set_visible_child (self->pane_stack, self->reconnect_page);
}

void
_reseau_window_show_view (ReseauWindow      *self,
                          ReseauSidebarView  view,
                          gint64             id,
                          const char        *name)
{
  g_autoptr(ReseauSegment) segment = NULL;

  self->view = view;
  self->view_id = id;
  adw_navigation_page_set_title (self->list_page, name);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (view == RESEAU_SIDEBAR_VIEW_RECONNECT)
    {
      reseau_contact_list_set_segment (self->contacts, NULL);
      show_reconnect (self);
    }
  else
    {
      segment = view_segment (self, view, id);
      reseau_contact_list_set_segment (self->contacts, segment);
      gtk_stack_set_visible_child_name (self->pane_stack, "list");
    }
  _reseau_window_update_circle_actions (self);
  _reseau_window_update_list_state (self);
}

/* The segment builder ------------------------------------------------------------------- */

static void
builder_saved_cb (ReseauWindow *self,
                  gint64        saved_id)
{
  _reseau_window_refresh_sidebar (self);
  _reseau_window_select_view (self, RESEAU_SIDEBAR_VIEW_SEGMENT, saved_id);
}

static void
builder_deleted_cb (ReseauWindow *self)
{
  _reseau_window_refresh_sidebar (self);
  _reseau_window_show_all_contacts (self);
}

/* Back to what the sidebar has selected. */
static void
builder_closed_cb (ReseauWindow *self)
{
  _reseau_window_select_view (self, self->view, self->view_id);
}

/* Opens the builder on a saved segment, or on a new one (@saved_id 0). */
void
_reseau_window_edit_segment (ReseauWindow *self,
                             gint64        saved_id)
{
  g_autoptr(ReseauSegment) segment = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = NULL;

  if (self->store == NULL)
    return;
  if (saved_id != 0)
    {
      if ((segment = reseau_store_load_segment (self->store, saved_id, &error)) == NULL ||
          (saved = reseau_store_list_segments (self->store, &error)) == NULL)
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return;
        }
      for (guint i = 0; i < saved->len; i++)
        if (((ReseauSavedSegment *) saved->pdata[i])->id == saved_id)
          name = ((ReseauSavedSegment *) saved->pdata[i])->name;
    }
  if (self->segment_builder == NULL)
    {
      self->segment_builder = GTK_WIDGET (reseau_segment_builder_new (self->store));
      g_signal_connect_object (self->segment_builder, "saved", G_CALLBACK (builder_saved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->segment_builder, "deleted", G_CALLBACK (builder_deleted_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->segment_builder, "closed", G_CALLBACK (builder_closed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->pane_stack, self->segment_builder, "builder");
    }
  reseau_segment_builder_set_segment (RESEAU_SEGMENT_BUILDER (self->segment_builder), segment, saved_id, name);
  adw_navigation_page_set_title (self->list_page, name ? name : _("New Segment"));
  gtk_stack_set_visible_child (self->pane_stack, self->segment_builder);
  adw_navigation_split_view_set_show_content (self->outer_split, TRUE);
  adw_navigation_split_view_set_show_content (self->inner_split, FALSE);
}

static void
edit_segment_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _reseau_window_edit_segment (RESEAU_WINDOW (widget), g_variant_get_int64 (param));
}

static void
new_segment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _reseau_window_edit_segment (RESEAU_WINDOW (widget), 0);
}

void
_reseau_window_class_init_views (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-segment", NULL, new_segment_action);
  gtk_widget_class_install_action (widget_class, "win.edit-segment", "x", edit_segment_action);
}

/* The list pane's toolbar view becomes the first page of a stack. */
void
_reseau_window_init_views (ReseauWindow *self)
{
  g_autoptr(GtkWidget) list = g_object_ref (adw_navigation_page_get_child (self->list_page));

  self->pane_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->pane_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  adw_navigation_page_set_child (self->list_page, NULL);
  gtk_stack_add_named (self->pane_stack, list, "list");
  adw_navigation_page_set_child (self->list_page, GTK_WIDGET (self->pane_stack));
}

/* The pages hold the store they were made with: a new file gets new ones. */
void
_reseau_window_views_set_store (ReseauWindow *self)
{
  if (self->reconnect_page != NULL)
    gtk_stack_remove (self->pane_stack, g_steal_pointer (&self->reconnect_page));
  if (self->segment_builder != NULL)
    gtk_stack_remove (self->pane_stack, g_steal_pointer (&self->segment_builder));
  gtk_stack_set_visible_child_name (self->pane_stack, "list");
}
