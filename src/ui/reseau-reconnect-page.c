/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-reconnect-page"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-interaction-dialog.h"
#include "reseau-reconnect-page.h"
#include "reseau-text.h"

/* One overdue contact in the list model. */
#define RESEAU_TYPE_RECONNECT_ITEM (reseau_reconnect_item_get_type ())
G_DECLARE_FINAL_TYPE (ReseauReconnectItem, reseau_reconnect_item, RESEAU, RECONNECT_ITEM, GObject)

struct _ReseauReconnectItem
{
  GObject            parent_instance;
  ReseauOverdueEntry entry;
};

G_DEFINE_FINAL_TYPE (ReseauReconnectItem, reseau_reconnect_item, G_TYPE_OBJECT)

static void reseau_reconnect_item_class_init (ReseauReconnectItemClass *klass) { }
static void reseau_reconnect_item_init (ReseauReconnectItem *self) { }

struct _ReseauReconnectPage
{
  AdwBin           parent_instance;

  ReseauStore     *store;
  GListStore      *items;
  GHashTable      *circle_names; /* circle id → name, for the rows being bound */
  guint            reload_id;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkListView     *list_view;
};

G_DEFINE_FINAL_TYPE (ReseauReconnectPage, reseau_reconnect_page, ADW_TYPE_BIN)

enum {
  CONTACT_ACTIVATED,
  WRITE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Loading */

static void
load_circle_names (ReseauReconnectPage *self)
{
  g_autoptr(GPtrArray) circles = reseau_store_list_circles (self->store, NULL);

  g_hash_table_remove_all (self->circle_names);
  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      ReseauCircle *circle = g_ptr_array_index (circles, i);
      gint64 *id = g_memdup2 (&(gint64) { reseau_circle_get_id (circle) }, sizeof (gint64));

      g_hash_table_insert (self->circle_names, id, g_strdup (reseau_circle_get_name (circle)));
    }
}

static void
reload (ReseauReconnectPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = reseau_store_list_overdue (self->store, NULL, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *subtitle = NULL;

  if (entries == NULL)
    {
      g_warning ("Could not list overdue contacts: %s", error->message);
      return;
    }
  load_circle_names (self);
  for (guint i = 0; i < entries->len; i++)
    {
      ReseauReconnectItem *item = g_object_new (RESEAU_TYPE_RECONNECT_ITEM, NULL);

      item->entry = g_array_index (entries, ReseauOverdueEntry, i);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person due", "%'u people due", entries->len),
                              entries->len);
  adw_window_title_set_subtitle (self->window_title, entries->len > 0 ? subtitle : NULL);
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reconnect.write-all", entries->len > 0);
}

static gboolean
reload_cb (gpointer data)
{
  ReseauReconnectPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Several changes in a row (an import, an Undo) reload once. */
static void
store_changed_cb (ReseauReconnectPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

/* Row buttons */

static ReseauReconnectItem *
row_item (GtkWidget *button)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");

  return gtk_list_item_get_item (list_item);
}

static void
emit_write (ReseauReconnectPage *self,
            const gint64        *ids,
            guint                n_ids)
{
  g_autoptr(GArray) array = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  g_array_append_vals (array, ids, n_ids);
  g_signal_emit (self, signals[WRITE_REQUESTED], 0, array);
}

static void
write_clicked_cb (GtkButton           *button,
                  ReseauReconnectPage *self)
{
  ReseauReconnectItem *item = row_item (GTK_WIDGET (button));

  if (item != NULL)
    emit_write (self, &item->entry.contact_id, 1);
}

static void
undo_cb (AdwToast            *toast,
         ReseauReconnectPage *self)
{
  gint64 *interaction_id = g_object_get_data (G_OBJECT (toast), "interaction-id");
  g_autoptr(GError) error = NULL;

  if (!reseau_store_delete_interaction (self->store, *interaction_id, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
contacted_clicked_cb (GtkButton           *button,
                      ReseauReconnectPage *self)
{
  ReseauReconnectItem *item = row_item (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauContact) contact = NULL;
  g_autofree char *today = reseau_text_today ();
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id;

  if (item == NULL)
    return;
  contact = reseau_store_load_contact (self->store, item->entry.contact_id, FALSE, NULL);
  id = reseau_store_add_interaction (self->store, item->entry.contact_id, RESEAU_INTERACTION_MESSAGE, today, "",
                                     &error);
  if (id == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  name = contact ? reseau_contact_dup_name (contact) : g_strdup ("");
  title = g_strdup_printf (_("Logged a message with %s today"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "interaction-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* The row leaves now, not after the idle reload. */
  reload (self);
}

static void
log_clicked_cb (GtkButton           *button,
                ReseauReconnectPage *self)
{
  ReseauReconnectItem *item = row_item (GTK_WIDGET (button));
  g_autoptr(ReseauContact) contact = NULL;

  if (item == NULL || (contact = reseau_store_load_contact (self->store, item->entry.contact_id, FALSE, NULL)) == NULL)
    return;
  adw_dialog_present (reseau_interaction_dialog_new (self->store, contact), GTK_WIDGET (self));
}

/* Rows */

static GtkWidget *
row_button_new (GtkListItem *list_item,
                const char  *icon,
                const char  *tooltip,
                GCallback    callback,
                gpointer     self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data (G_OBJECT (button), "list-item", list_item);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
row_label_new (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ReseauReconnectPage      *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *avatar = adw_avatar_new (40, NULL, TRUE);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), row_label_new ("heading"));
  gtk_box_append (GTK_BOX (texts), row_label_new ("dim-label"));
  gtk_box_append (GTK_BOX (texts), row_label_new ("caption"));
  /* "Due for Clients Lyon · 23 days overdue" may take two lines in a narrow window. */
  gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (texts)), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (gtk_widget_get_last_child (texts)), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (gtk_widget_get_last_child (texts)), 2);
  gtk_box_append (GTK_BOX (row), avatar);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), row_button_new (list_item, "object-select-symbolic", _("Contacted Today"),
                                                 G_CALLBACK (contacted_clicked_cb), self));
  gtk_box_append (GTK_BOX (row), row_button_new (list_item, "document-edit-symbolic", _("Log Interaction…"),
                                                 G_CALLBACK (log_clicked_cb), self));
  gtk_box_append (GTK_BOX (row), row_button_new (list_item, "mail-send-symbolic", _("Write…"),
                                                 G_CALLBACK (write_clicked_cb), self));
  gtk_list_item_set_child (list_item, row);
}

static char *
status_text (ReseauReconnectPage      *self,
             const ReseauOverdueEntry *entry)
{
  const char *circle = g_hash_table_lookup (self->circle_names, &entry->circle_id);

  if (circle == NULL)
    circle = "";
  if (entry->days_overdue < 0)
    return g_strdup_printf (_("Never contacted · %s"), circle);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due for %s · %d day overdue", "Due for %s · %d days overdue",
                                       entry->days_overdue),
                          circle, entry->days_overdue);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ReseauReconnectPage      *self)
{
  ReseauReconnectItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *avatar = gtk_widget_get_first_child (row);
  GtkWidget *name_label = gtk_widget_get_first_child (gtk_widget_get_next_sibling (avatar));
  GtkWidget *org_label = gtk_widget_get_next_sibling (name_label);
  GtkWidget *status_label = gtk_widget_get_next_sibling (org_label);
  g_autoptr(ReseauContact) contact = reseau_store_load_contact (self->store, item->entry.contact_id, FALSE, NULL);
  g_autofree char *name = contact ? reseau_contact_dup_name (contact) : g_strdup ("");
  g_autofree char *status = status_text (self, &item->entry);
  const char *org = contact ? reseau_contact_get_text (contact, RESEAU_FIELD_ORGANIZATION) : NULL;

  adw_avatar_set_text (ADW_AVATAR (avatar), name);
  gtk_label_set_text (GTK_LABEL (name_label), name);
  gtk_label_set_text (GTK_LABEL (org_label), org ? org : "");
  gtk_widget_set_visible (org_label, org != NULL && org[0] != '\0');
  gtk_label_set_text (GTK_LABEL (status_label), status);
  gtk_list_item_set_accessible_label (list_item, name);
  gtk_list_item_set_accessible_description (list_item, status);
}

static void
activate_cb (GtkListView         *view,
             guint                position,
             ReseauReconnectPage *self)
{
  g_autoptr(ReseauReconnectItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    g_signal_emit (self, signals[CONTACT_ACTIVATED], 0, item->entry.contact_id);
}

static void
write_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReseauReconnectPage *self = RESEAU_RECONNECT_PAGE (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReseauReconnectItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_array_append_val (ids, item->entry.contact_id);
    }
  if (n > 0)
    emit_write (self, (const gint64 *)(gpointer)ids->data, ids->len);
}

/* Life cycle */

guint
reseau_reconnect_page_get_n_overdue (ReseauReconnectPage *self)
{
  g_return_val_if_fail (RESEAU_IS_RECONNECT_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

static void
reseau_reconnect_page_dispose (GObject *object)
{
  ReseauReconnectPage *self = RESEAU_RECONNECT_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_RECONNECT_PAGE);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->circle_names, g_hash_table_unref);

  G_OBJECT_CLASS (reseau_reconnect_page_parent_class)->dispose (object);
}

static void
reseau_reconnect_page_class_init (ReseauReconnectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_reconnect_page_dispose;

  signals[CONTACT_ACTIVATED] = g_signal_new ("contact-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[WRITE_REQUESTED] = g_signal_new ("write-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                           G_TYPE_ARRAY | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-reconnect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauReconnectPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReseauReconnectPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReseauReconnectPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ReseauReconnectPage, list_view);
  gtk_widget_class_install_action (widget_class, "reconnect.write-all", NULL, write_all_action);
}

static void
reseau_reconnect_page_init (ReseauReconnectPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (RESEAU_TYPE_RECONNECT_ITEM);
  self->circle_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)))));
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, 0);
}

ReseauReconnectPage *
reseau_reconnect_page_new (ReseauStore *store)
{
  ReseauReconnectPage *self;

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);

  self = g_object_new (RESEAU_TYPE_RECONNECT_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}
