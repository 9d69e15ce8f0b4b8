/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_CONTACT_LIST (reseau_contact_list_get_type ())

G_DECLARE_FINAL_TYPE (ReseauContactList, reseau_contact_list, RESEAU, CONTACT_LIST, GObject)

ReseauContactList *reseau_contact_list_new            (ReseauStore       *store);
ReseauStore       *reseau_contact_list_get_store      (ReseauContactList *self);
const char        *reseau_contact_list_get_search     (ReseauContactList *self);
void               reseau_contact_list_set_search     (ReseauContactList *self,
                                                       const char        *search);
ReseauSortOrder    reseau_contact_list_get_sort_order (ReseauContactList *self);
void               reseau_contact_list_set_sort_order (ReseauContactList *self,
                                                       ReseauSortOrder    order);
ReseauSegment     *reseau_contact_list_get_segment    (ReseauContactList *self);
void               reseau_contact_list_set_segment    (ReseauContactList *self,
                                                       ReseauSegment     *segment);
gint64             reseau_contact_list_get_id         (ReseauContactList *self,
                                                       guint              position);
guint              reseau_contact_list_find           (ReseauContactList *self,
                                                       gint64             id);
void               reseau_contact_list_get_section    (ReseauContactList *self,
                                                       guint              position,
                                                       guint             *out_start,
                                                       guint             *out_end);
const char        *reseau_contact_list_get_initial    (ReseauContactList *self,
                                                       guint              position);
gboolean           reseau_contact_list_reload         (ReseauContactList *self,
                                                       GError           **error);

G_END_DECLS
