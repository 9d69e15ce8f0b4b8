/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-contact.h"
#include "reseau-vcard-reader.h"

G_BEGIN_DECLS

ReseauContact *_reseau_vcard_build_contact (GPtrArray  *properties,
                                            gboolean    v21,
                                            GPtrArray  *problems,
                                            GStrv      *categories);

/* (transfer full) (element-type ReseauVCardProperty): the properties of the next good
 * card, or %NULL at the end or on an error, as reseau_vcard_reader_next(). */
GPtrArray     *_reseau_vcard_reader_next_properties (ReseauVCardReader  *self,
                                                     gboolean           *v21,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

G_END_DECLS
