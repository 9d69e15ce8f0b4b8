/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-dnd"

#include "config.h"

#include "reseau-dnd.h"

G_DEFINE_BOXED_TYPE (ReseauContactIds, reseau_contact_ids, reseau_contact_ids_copy, reseau_contact_ids_free)
G_DEFINE_BOXED_TYPE (ReseauSidebarItem, reseau_sidebar_item, reseau_sidebar_item_copy, reseau_sidebar_item_free)

ReseauContactIds *
reseau_contact_ids_new (const gint64 *ids,
                        guint         n_ids,
                        gint64        from_circle)
{
  ReseauContactIds *self = g_new0 (ReseauContactIds, 1);

  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->ids, ids, n_ids);
  self->from_circle = from_circle;
  return self;
}

ReseauContactIds *
reseau_contact_ids_copy (ReseauContactIds *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return reseau_contact_ids_new ((const gint64 *)(gpointer)self->ids->data, self->ids->len, self->from_circle);
}

void
reseau_contact_ids_free (ReseauContactIds *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->ids);
  g_free (self);
}

ReseauSidebarItem *
reseau_sidebar_item_new (ReseauSidebarItemKind  kind,
                         gint64                 id,
                         const char            *name)
{
  ReseauSidebarItem *self = g_new0 (ReseauSidebarItem, 1);

  self->kind = kind;
  self->id = id;
  self->name = g_strdup (name);
  return self;
}

ReseauSidebarItem *
reseau_sidebar_item_copy (ReseauSidebarItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return reseau_sidebar_item_new (self->kind, self->id, self->name);
}

void
reseau_sidebar_item_free (ReseauSidebarItem *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self);
}
