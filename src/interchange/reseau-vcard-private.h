/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-contact.h"

G_BEGIN_DECLS

ReseauContact *_reseau_vcard_build_contact (GPtrArray  *properties,
                                            gboolean    v21,
                                            GPtrArray  *problems,
                                            GStrv      *categories);

G_END_DECLS
