/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-contact.h"

G_BEGIN_DECLS

typedef enum
{
  RESEAU_VCARD_VERSION_4_0,
  RESEAU_VCARD_VERSION_3_0,
} ReseauVCardVersion;

void     reseau_vcard_append_contact (GString             *out,
                                      ReseauContact       *contact,
                                      const char * const  *categories,
                                      ReseauVCardVersion   version);
gboolean reseau_vcard_write_contact  (GOutputStream       *stream,
                                      ReseauContact       *contact,
                                      const char * const  *categories,
                                      ReseauVCardVersion   version,
                                      GCancellable        *cancellable,
                                      GError             **error);

G_END_DECLS
