/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-contact-list.h"
#include "reseau-contact-page.h"
#include "reseau-contact-row.h"
#include "reseau-sectioned-model.h"
#include "reseau-window-private.h"

G_DEFINE_FINAL_TYPE (ReseauWindow, reseau_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
get_settings (ReseauWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return reseau_application_get_settings (RESEAU_APPLICATION (app));
}

/* An empty circle or segment says how to fill it rather than "No Contacts Yet". */
static void
update_empty_view (ReseauWindow *self)
{
  const char *title = NULL, *description = NULL;

  switch (self->view)
    {
    case RESEAU_SIDEBAR_VIEW_CIRCLE:
      title = _("No One in This Circle Yet");
      description = _("Drag contacts onto the circle in the sidebar, or select them and choose Add to Circle");
      break;
    case RESEAU_SIDEBAR_VIEW_NO_CIRCLE:
      title = _("Everyone Is in a Circle");
      break;
    default:
      title = _("No Matching Contacts");
      description = _("Nobody matches this segment for now");
      break;
    }
  adw_status_page_set_title (self->empty_view_page, title);
  adw_status_page_set_description (self->empty_view_page, description);
}

void
_reseau_window_update_list_state (ReseauWindow *self)
{
  g_autofree char *count = NULL;
  guint n;

  if (self->contacts == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (reseau_contact_list_get_search (self->contacts) != NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else if (self->view != RESEAU_SIDEBAR_VIEW_ALL && reseau_store_count_contacts (self->store) > 0)
    {
      update_empty_view (self);
      gtk_stack_set_visible_child_name (self->list_stack, "empty-view");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  count = g_strdup_printf ("%u", reseau_store_count_contacts (self->store));
  gtk_label_set_label (self->all_count_label, count);
}

static void
update_selection_bar (ReseauWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  g_autofree char *text = NULL;

  gtk_action_bar_set_revealed (self->selection_bar, n > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-selected", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-circle", n > 0);
  if (n > 1)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n), (guint)n);
      gtk_label_set_label (self->selection_label, text);
    }
}

void
_reseau_window_show_contact (ReseauWindow *self,
                             gint64        id,
                             gboolean      navigate)
{
  g_autoptr(GError) error = NULL;

  if (!reseau_contact_page_show (self->contact_page, id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      gtk_stack_set_visible_child_name (self->card_stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->card_stack, "contact");
  if (navigate)
    adw_navigation_split_view_set_show_content (self->inner_split, TRUE);
}

static void
selection_changed_cb (ReseauWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  update_selection_bar (self);
  if (gtk_bitset_get_size (selected) == 1 && !reseau_contact_page_get_editing (self->contact_page))
    _reseau_window_show_contact (self, reseau_contact_list_get_id (self->contacts, gtk_bitset_get_nth (selected, 0)), FALSE);
}

static void
list_activate_cb (ReseauWindow *self,
                  guint         position)
{
  _reseau_window_show_contact (self, reseau_contact_list_get_id (self->contacts, position), TRUE);
}

static void
select_contact (ReseauWindow *self,
                gint64        id)
{
  guint position = reseau_contact_list_find (self->contacts, id);

  if (position == G_MAXUINT)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
}

static void
sidebar_row_activated_cb (ReseauWindow  *self,
                          GtkListBoxRow *row)
{
  /* "New Circle…" and "New Segment…" open something instead of a view. */
  if (gtk_list_box_row_get_selectable (row))
    adw_navigation_split_view_set_show_content (self->outer_split, TRUE);
}

static void
search_changed_cb (ReseauWindow *self)
{
  if (self->contacts == NULL)
    return;
  reseau_contact_list_set_search (self->contacts, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  _reseau_window_update_list_state (self);
}

static void
search_activate_cb (ReseauWindow *self)
{
  if (self->contacts == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->contacts)) == 0)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
  _reseau_window_show_contact (self, reseau_contact_list_get_id (self->contacts, 0), TRUE);
}

static void
contact_saved_cb (ReseauWindow *self,
                  gint64        id)
{
  select_contact (self, id);
  _reseau_window_show_contact (self, id, FALSE);
}

static void
contact_cancelled_cb (ReseauWindow *self)
{
  if (reseau_contact_page_get_contact_id (self->contact_page) == 0)
    {
      gtk_stack_set_visible_child_name (self->card_stack, "none");
      adw_navigation_split_view_set_show_content (self->inner_split, FALSE);
    }
}

static void
contact_open_cb (ReseauWindow *self,
                 gint64        id)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reseau_contact_list_set_search (self->contacts, NULL);
  select_contact (self, id);
  _reseau_window_show_contact (self, id, TRUE);
}

static void
purge_trash (ReseauWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->trashed_ids->len > 0 && !reseau_store_purge_trash (self->store, &error))
    g_warning ("Could not purge deleted contacts: %s", error->message);
  g_array_set_size (self->trashed_ids, 0);
}

static void
delete_toast_dismissed_cb (ReseauWindow *self,
                           AdwToast     *toast)
{
  if (self->delete_toast == toast)
    {
      self->delete_toast = NULL;
      purge_trash (self);
    }
}

static void
undo_delete_cb (ReseauWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!reseau_store_trash_contacts (self->store, (gint64 *)(gpointer)self->trashed_ids->data,
                                    self->trashed_ids->len, FALSE, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (self->trashed_ids->len == 1)
    select_contact (self, g_array_index (self->trashed_ids, gint64, 0));
  g_array_set_size (self->trashed_ids, 0);
  _reseau_window_update_list_state (self);
}

/* Deleted contacts are hidden at once but purged only when the Undo toast is gone. */
static void
delete_contacts (ReseauWindow *self,
                 GArray       *ids)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (ids->len == 0)
    return;
  if (self->delete_toast != NULL)
    {
      /* A new deletion replaces the previous toast: what that one held is purged first. */
      AdwToast *previous = g_steal_pointer (&self->delete_toast);

      purge_trash (self);
      adw_toast_dismiss (previous);
    }

  if (!reseau_store_trash_contacts (self->store, (gint64 *)(gpointer)ids->data, ids->len, TRUE, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_array_append_vals (self->trashed_ids, ids->data, ids->len);

  if (ids->len == 1)
    {
      g_autoptr(ReseauContact) contact = reseau_store_load_contact (self->store, g_array_index (ids, gint64, 0),
                                                                    FALSE, NULL);
      g_autofree char *name = contact ? reseau_contact_dup_name (contact) : g_strdup ("");

      title = g_strdup_printf (_("%s was deleted"), name);
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact was deleted",
                                          "%u contacts were deleted", ids->len), ids->len);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->delete_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  gtk_stack_set_visible_child_name (self->card_stack, "none");
  adw_navigation_split_view_set_show_content (self->inner_split, FALSE);
  _reseau_window_update_list_state (self);
}

/* Returns: (element-type gint64): the selected contacts, in list order */
GArray *
_reseau_window_selected_ids (ReseauWindow *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  if (self->selection == NULL)
    return ids;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = reseau_contact_list_get_id (self->contacts, position);
      g_array_append_val (ids, id);
    }
  return ids;
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);
  g_autoptr(GArray) ids = _reseau_window_selected_ids (self);

  delete_contacts (self, ids);
}

static void
delete_contact_cb (ReseauWindow *self,
                   gint64        id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (ids, id);
  delete_contacts (self, ids);
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  reseau_contact_page_edit_new (self->contact_page);
  gtk_stack_set_visible_child_name (self->card_stack, "contact");
  adw_navigation_split_view_set_show_content (self->outer_split, TRUE);
  adw_navigation_split_view_set_show_content (self->inner_split, TRUE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);

  if (self->store == NULL)
    return;
  adw_navigation_split_view_set_show_content (self->outer_split, TRUE);
  adw_navigation_split_view_set_show_content (self->inner_split, FALSE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
start_new_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ReseauWindow *self = RESEAU_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (!reseau_application_start_new_file (RESEAU_APPLICATION (app), &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      return;
    }
  reseau_window_set_store (self, reseau_application_get_store (RESEAU_APPLICATION (app)), NULL);
}

static void
sort_order_changed_cb (ReseauWindow *self)
{
  reseau_contact_list_set_sort_order (self->contacts,
                                      g_settings_get_enum (get_settings (self), "sort-order"));
}

static void
header_bind_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                ReseauWindow             *self)
{
  guint start = gtk_list_header_get_start (header);
  GtkWidget *label = gtk_list_header_get_child (header);

  if (start < g_list_model_get_n_items (G_LIST_MODEL (self->contacts)))
    gtk_label_set_label (GTK_LABEL (label), reseau_contact_list_get_initial (self->contacts, start));
}

static void
header_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 ReseauWindow             *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "contact-section");
  gtk_list_header_set_child (header, label);
}

/* A list view given its model before it is laid out anchors on the first row itself, which
 * hides the first letter's header above it: start from the very top instead. */
static gboolean
scroll_to_top_cb (gpointer data)
{
  ReseauWindow *self = data;
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->list_view));

  if (GTK_IS_SCROLLED_WINDOW (scroller))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
  return G_SOURCE_REMOVE;
}

static void
list_mapped_cb (ReseauWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_top_cb, g_object_ref (self), g_object_unref);
}

static void
setup_list (ReseauWindow *self)
{
  g_autoptr(GtkListItemFactory) header_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) row_factory = reseau_contact_row_factory_new ();
  g_autoptr(ReseauSectionedModel) sectioned = NULL;

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->contacts);
  self->contacts = reseau_contact_list_new (self->store);
  sort_order_changed_cb (self);
  sectioned = reseau_sectioned_model_new (self->contacts);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_steal_pointer (&sectioned)));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contacts, "items-changed", G_CALLBACK (_reseau_window_update_list_state), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect (header_factory, "setup", G_CALLBACK (header_setup_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (header_bind_cb), self);
  gtk_list_view_set_header_factory (self->list_view, header_factory);
  _reseau_window_setup_row_factory (self, row_factory);
  gtk_list_view_set_factory (self->list_view, row_factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  reseau_contact_page_set_store (self->contact_page, self->store);
  _reseau_window_update_list_state (self);
  update_selection_bar (self);
}

/* RESEAU_REPORT_FIRST_FRAME: prints "first-frame MS" on stderr, MS being CLOCK_MONOTONIC in
 * milliseconds, once a frame has painted contact rows or the empty state. The launcher,
 * tests/bench/bench-network.py, subtracts the time it spawned the process. */
static void
report_first_frame_cb (GdkFrameClock *clock,
                       ReseauWindow  *self)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));

  while (row != NULL && !gtk_widget_get_mapped (row))
    row = gtk_widget_get_next_sibling (row);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_stack)) ||
      (row == NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") == 0))
    return;
  g_printerr ("first-frame %.1f\n", g_get_monotonic_time () / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, report_first_frame_cb, self);
}

static void
watch_first_frame_cb (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (report_first_frame_cb), widget, 0);
}

static gboolean
show_loading_spinner_cb (gpointer data)
{
  ReseauWindow *self = data;

  self->loading_timeout_id = 0;
  gtk_widget_set_visible (self->loading_spinner, TRUE);
  return G_SOURCE_REMOVE;
}

/**
 * reseau_window_set_store:
 * @store: (nullable): the open database, or %NULL with @error saying why it could not be
 *   opened, or %NULL and %NULL while it is being opened
 */
void
reseau_window_set_store (ReseauWindow *self,
                         ReseauStore  *store,
                         const GError *error)
{
  g_return_if_fail (RESEAU_IS_WINDOW (self));

  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  gtk_widget_set_visible (self->loading_spinner, FALSE);
  if (store == NULL && error == NULL)
    {
      /* Opening is usually a blink: show a spinner only if it takes long enough to notice. */
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      self->loading_timeout_id = g_timeout_add (400, show_loading_spinner_cb, self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-contact", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      return;
    }
  if (store == NULL)
    {
      g_autofree char *description = g_strdup_printf ("%s\n\n%s", error ? error->message : "",
                                                      _("A new file can be started; this one is then kept beside it under another name."));

      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-contact", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      return;
    }

  g_set_object (&self->store, store);
  setup_list (self);
  _reseau_window_views_set_store (self);
  _reseau_window_sidebar_set_store (self);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-contact", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", TRUE);
}

static gboolean
reseau_window_close_request (GtkWindow *window)
{
  ReseauWindow *self = RESEAU_WINDOW (window);
  GSettings *settings = get_settings (self);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  if (self->delete_toast != NULL)
    {
      self->delete_toast = NULL;
      purge_trash (self);
    }
  return GTK_WINDOW_CLASS (reseau_window_parent_class)->close_request (window);
}

static void
reseau_window_dispose (GObject *object)
{
  ReseauWindow *self = RESEAU_WINDOW (object);

  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  _reseau_window_dispose_sidebar (self);
  _reseau_window_dispose_circles (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->contacts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (reseau_window_parent_class)->dispose (object);
}

static void
reseau_window_finalize (GObject *object)
{
  ReseauWindow *self = RESEAU_WINDOW (object);

  g_clear_pointer (&self->trashed_ids, g_array_unref);

  G_OBJECT_CLASS (reseau_window_parent_class)->finalize (object);
}

static void
reseau_window_class_init (ReseauWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = reseau_window_dispose;
  object_class->finalize = reseau_window_finalize;
  window_class->close_request = reseau_window_close_request;

  g_type_ensure (RESEAU_TYPE_CONTACT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, outer_split);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, inner_split);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, all_count_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, all_contacts_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, list_page);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, selection_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, card_stack);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, contact_page);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ReseauWindow, loading_spinner);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, contact_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, contact_cancelled_cb);
  gtk_widget_class_bind_template_callback (widget_class, contact_open_cb);

  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "win.start-new-file", NULL, start_new_file_action);
  _reseau_window_class_init_sidebar (widget_class);
  _reseau_window_class_init_circles (widget_class);
  _reseau_window_class_init_views (widget_class);
  _reseau_window_class_init_interchange (widget_class);
}

static void
reseau_window_init (ReseauWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  if (g_getenv ("RESEAU_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (watch_first_frame_cb), NULL);

  self->trashed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (self->list_view, "map", G_CALLBACK (list_mapped_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  self->empty_view_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_view_page, "org.example.Reseau-symbolic");
  gtk_stack_add_named (self->list_stack, GTK_WIDGET (self->empty_view_page), "empty-view");
  _reseau_window_init_sidebar (self);
  _reseau_window_init_circles (self);
  _reseau_window_init_views (self);
  gtk_list_box_select_row (self->sidebar_list, self->all_contacts_row);
  g_signal_connect_object (self->contact_page, "delete", G_CALLBACK (delete_contact_cb), self,
                           G_CONNECT_SWAPPED);

  /* Delete removes the selected contacts when the list has the focus. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_named_action_new ("win.delete-key")));
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);
  }
  _reseau_window_init_interchange (self);
  _reseau_window_setup_mail (self);
}

ReseauWindow *
reseau_window_new (ReseauApplication *app,
                   ReseauStore       *store,
                   const GError      *error)
{
  GSettings *settings = reseau_application_get_settings (app);
  ReseauWindow *self;

  self = g_object_new (RESEAU_TYPE_WINDOW,
                       "application", app,
                       "default-width", g_settings_get_int (settings, "window-width"),
                       "default-height", g_settings_get_int (settings, "window-height"),
                       NULL);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect_object (settings, "changed::sort-order", G_CALLBACK (sort_order_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reseau_window_set_store (self, store, error);
  return self;
}

ReseauContactList *
reseau_window_get_contacts (ReseauWindow *self)
{
  g_return_val_if_fail (RESEAU_IS_WINDOW (self), NULL);
  return self->contacts;
}
