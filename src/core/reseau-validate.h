/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-contact.h"

G_BEGIN_DECLS

#define RESEAU_CONTACT_ERROR (reseau_contact_error_quark ())

typedef enum
{
  RESEAU_CONTACT_ERROR_INVALID_TEXT,
  RESEAU_CONTACT_ERROR_TOO_LONG,
  RESEAU_CONTACT_ERROR_INVALID_EMAIL,
  RESEAU_CONTACT_ERROR_INVALID_PHONE,
  RESEAU_CONTACT_ERROR_INVALID_URL,
  RESEAU_CONTACT_ERROR_INVALID_DATE,
  RESEAU_CONTACT_ERROR_TOO_MANY_VALUES,
} ReseauContactError;

/* Limits that keep one card readable and the database bounded. */
#define RESEAU_MAX_LINE_LENGTH   500
#define RESEAU_MAX_NOTES_LENGTH  100000
#define RESEAU_MAX_VALUES        200
#define RESEAU_MAX_PHOTO_SIZE    (1024 * 1024)

GQuark      reseau_contact_error_quark      (void);
const char *reseau_text_field_label         (ReseauTextField   field);
gboolean    reseau_validate_text            (const char       *label,
                                             const char       *text,
                                             gboolean          multiline,
                                             gsize             max_chars,
                                             GError          **error);
gboolean    reseau_validate_email           (const char       *address,
                                             GError          **error);
gboolean    reseau_validate_phone           (const char       *phone,
                                             GError          **error);
gboolean    reseau_validate_date            (const char       *label,
                                             const char       *date,
                                             GError          **error);
char       *reseau_normalize_url            (const char       *url,
                                             GError          **error);
gboolean    reseau_contact_normalize        (ReseauContact    *contact,
                                             GError          **error);

G_END_DECLS
