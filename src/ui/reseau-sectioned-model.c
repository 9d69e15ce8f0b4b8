/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-sectioned-model"

#include "config.h"

#include "reseau-sectioned-model.h"

/* Passes a ReseauContactList through unchanged and adds GtkSectionModel, which the
 * toolkit-free core cannot implement itself: the list's letter headers come from here. */
struct _ReseauSectionedModel
{
  GObject            parent_instance;
  ReseauContactList *contacts;
};

static void list_model_iface_init    (GListModelInterface      *iface);
static void section_model_iface_init (GtkSectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReseauSectionedModel, reseau_sectioned_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SECTION_MODEL, section_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return RESEAU_TYPE_CONTACT;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (RESEAU_SECTIONED_MODEL (model)->contacts));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (RESEAU_SECTIONED_MODEL (model)->contacts), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
get_section (GtkSectionModel *model,
             guint            position,
             guint           *out_start,
             guint           *out_end)
{
  reseau_contact_list_get_section (RESEAU_SECTIONED_MODEL (model)->contacts, position, out_start, out_end);
}

static void
section_model_iface_init (GtkSectionModelInterface *iface)
{
  iface->get_section = get_section;
}

static void
items_changed_cb (ReseauSectionedModel *self,
                  guint                 position,
                  guint                 removed,
                  guint                 added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  /* A change can move a section boundary outside the changed range. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self)) > 0)
    gtk_section_model_sections_changed (GTK_SECTION_MODEL (self), 0,
                                        g_list_model_get_n_items (G_LIST_MODEL (self)));
}

static void
reseau_sectioned_model_dispose (GObject *object)
{
  ReseauSectionedModel *self = RESEAU_SECTIONED_MODEL (object);

  g_clear_object (&self->contacts);

  G_OBJECT_CLASS (reseau_sectioned_model_parent_class)->dispose (object);
}

static void
reseau_sectioned_model_class_init (ReseauSectionedModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = reseau_sectioned_model_dispose;
}

static void
reseau_sectioned_model_init (ReseauSectionedModel *self)
{
}

ReseauSectionedModel *
reseau_sectioned_model_new (ReseauContactList *contacts)
{
  ReseauSectionedModel *self = g_object_new (RESEAU_TYPE_SECTIONED_MODEL, NULL);

  self->contacts = g_object_ref (contacts);
  g_signal_connect_object (contacts, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
