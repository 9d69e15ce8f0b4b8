/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-contact-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-contact-chooser.h"

#define MAX_RESULTS 8

struct _ReseauContactChooser
{
  GtkWidget        parent_instance;

  ReseauStore     *store;
  GtkMenuButton   *button;
  GtkSearchEntry  *search;
  GtkListBox      *results;
};

G_DEFINE_FINAL_TYPE (ReseauContactChooser, reseau_contact_chooser, GTK_TYPE_WIDGET)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (ReseauContactChooser *self,
                  GtkListBoxRow        *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "contact-id");

  gtk_menu_button_popdown (self->button);
  g_signal_emit (self, signals[CHOSEN], 0, *id);
}

static GtkWidget *
result_row_new (ReseauContact *contact)
{
  g_autofree char *name = reseau_contact_dup_name (contact);
  g_autofree char *subtitle = reseau_contact_dup_subtitle (contact);
  gint64 id = reseau_contact_get_id (contact);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "contact-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

/* The first matches only: enough to pick a person among thousands without a row for each. */
static void
search_changed_cb (ReseauContactChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autoptr(GArray) entries = NULL;

  gtk_list_box_remove_all (self->results);
  if (self->store == NULL || text[0] == '\0' ||
      (entries = reseau_store_list (self->store, RESEAU_SORT_GIVEN_NAME, text, NULL)) == NULL)
    return;
  for (guint i = 0; i < entries->len && i < MAX_RESULTS; i++)
    {
      gint64 id = g_array_index (entries, ReseauListEntry, i).id;
      g_autoptr(ReseauContact) contact = reseau_store_load_contact (self->store, id, FALSE, NULL);

      if (contact != NULL)
        gtk_list_box_append (self->results, result_row_new (contact));
    }
}

static void
popover_show_cb (ReseauContactChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

void
reseau_contact_chooser_set_store (ReseauContactChooser *self,
                                  ReseauStore          *store)
{
  g_return_if_fail (RESEAU_IS_CONTACT_CHOOSER (self));
  g_set_object (&self->store, store);
}

static void
reseau_contact_chooser_dispose (GObject *object)
{
  ReseauContactChooser *self = RESEAU_CONTACT_CHOOSER (object);

  g_clear_pointer ((GtkWidget **)&self->button, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (reseau_contact_chooser_parent_class)->dispose (object);
}

static void
reseau_contact_chooser_class_init (ReseauContactChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_contact_chooser_dispose;

  /**
   * ReseauContactChooser::chosen:
   * @id: the contact picked
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
reseau_contact_chooser_init (ReseauContactChooser *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->button, _("Choose…"));
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_placeholder_text (self->search, _("Search contacts"));
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  g_signal_connect_object (self->results, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->results));
  gtk_widget_set_size_request (box, 260, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->button, popover);
}

GtkWidget *
reseau_contact_chooser_new (void)
{
  return g_object_new (RESEAU_TYPE_CONTACT_CHOOSER, NULL);
}
