/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-store.h"

G_BEGIN_DECLS

/* A job held by a contact, derived from the career history. @since and @until are ISO dates
 * or %NULL when unknown (before Réseau knew the contact) or ongoing. */
typedef struct
{
  char *organization;
  char *title;
  char *since;
  char *until;
} ReseauPosition;

void       reseau_position_free    (ReseauPosition *position);
GPtrArray *reseau_career_positions (const char     *organization,
                                    const char     *title,
                                    GPtrArray      *history);

G_END_DECLS
