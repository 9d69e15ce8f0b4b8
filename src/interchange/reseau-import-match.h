/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-contact.h"

G_BEGIN_DECLS

/* How an import recognises a person it already knows; shared by the import job and its tests. */
char      *reseau_import_profile_key       (const char    *url);
char      *reseau_import_profile_match_key (const char    *url);
char      *reseau_import_email_match_key   (const char    *email);
char      *reseau_import_name_match_key    (const char    *given,
                                            const char    *family,
                                            const char    *organization);
GPtrArray *reseau_import_match_keys        (ReseauContact *contact);
gboolean   reseau_import_merge             (ReseauContact *target,
                                            ReseauContact *source);

G_END_DECLS
