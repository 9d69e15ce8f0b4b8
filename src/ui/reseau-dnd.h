/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * What Réseau's drags carry between its own widgets. Drag sources put a GValue of one of
 * these boxed types in their GdkContentProvider (plus text/vcard for contacts, so other
 * applications receive cards); drop targets accept the GType.
 */

/* Contacts dragged from a list: their ids, and the circle whose view they were dragged
 * from (0: not from a circle), so a Shift-drop can move them out of it. */
typedef struct
{
  GArray *ids;          /* (element-type gint64) */
  gint64  from_circle;
} ReseauContactIds;

#define RESEAU_TYPE_CONTACT_IDS (reseau_contact_ids_get_type ())

GType             reseau_contact_ids_get_type (void) G_GNUC_CONST;
ReseauContactIds *reseau_contact_ids_new      (const gint64     *ids,
                                               guint             n_ids,
                                               gint64            from_circle);
ReseauContactIds *reseau_contact_ids_copy     (ReseauContactIds *self);
void              reseau_contact_ids_free     (ReseauContactIds *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauContactIds, reseau_contact_ids_free)

/* A circle or a saved segment dragged from the sidebar, e.g. into the segment builder or
 * onto the composer's recipients. */
typedef enum
{
  RESEAU_SIDEBAR_ITEM_CIRCLE,
  RESEAU_SIDEBAR_ITEM_SEGMENT,
} ReseauSidebarItemKind;

typedef struct
{
  ReseauSidebarItemKind  kind;
  gint64                 id;
  char                  *name;
} ReseauSidebarItem;

#define RESEAU_TYPE_SIDEBAR_ITEM (reseau_sidebar_item_get_type ())

GType              reseau_sidebar_item_get_type (void) G_GNUC_CONST;
ReseauSidebarItem *reseau_sidebar_item_new      (ReseauSidebarItemKind  kind,
                                                 gint64                 id,
                                                 const char            *name);
ReseauSidebarItem *reseau_sidebar_item_copy     (ReseauSidebarItem     *self);
void               reseau_sidebar_item_free     (ReseauSidebarItem     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauSidebarItem, reseau_sidebar_item_free)

G_END_DECLS
