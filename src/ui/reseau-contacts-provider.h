/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_CONTACTS_PROVIDER (reseau_contacts_provider_get_type ())

G_DECLARE_FINAL_TYPE (ReseauContactsProvider, reseau_contacts_provider, RESEAU, CONTACTS_PROVIDER, GdkContentProvider)

/* What a drag of contacts carries: a ReseauContactIds for Réseau's own drop targets, and
 * text/vcard for other applications, written only when one of them asks for it. */
GdkContentProvider *reseau_contacts_provider_new (ReseauStore  *store,
                                                  const gint64 *ids,
                                                  guint         n_ids,
                                                  gint64        from_circle);

G_END_DECLS
