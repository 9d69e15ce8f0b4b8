/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One parameter. A vCard 2.1 bare parameter ("WORK", "QUOTED-PRINTABLE") is stored under
 * the name it abbreviates (TYPE or ENCODING), so readers need not care about the version. */
typedef struct
{
  char *name;
  char *value;
} ReseauVCardParam;

/* One unfolded content line. @value is UTF-8 and still escaped; a BASE64 value is left as
 * its base64 text. @raw is the line to keep when the property is not mapped: the line as
 * read, or rebuilt in UTF-8 without ENCODING and CHARSET when its value had to be decoded.
 * The property and its strings are one allocation: read them, do not change or free them. */
typedef struct
{
  char             *group;
  char             *name;
  ReseauVCardParam *params;
  guint             n_params;
  char             *value;
  char             *raw;
  guint             line;
} ReseauVCardProperty;

typedef enum
{
  RESEAU_VCARD_ENCODING_NONE,
  RESEAU_VCARD_ENCODING_QUOTED_PRINTABLE,
  RESEAU_VCARD_ENCODING_BASE64,
} ReseauVCardEncoding;

ReseauVCardProperty *reseau_vcard_property_parse     (const char                *line,
                                                      gsize                      length,
                                                      guint                      number,
                                                      gboolean                   v21,
                                                      GError                   **error);
void                 reseau_vcard_property_free      (ReseauVCardProperty       *self);
const char          *reseau_vcard_property_get_param (const ReseauVCardProperty *self,
                                                      const char                *name);
gboolean             reseau_vcard_property_has_type  (const ReseauVCardProperty *self,
                                                      const char                *type);
ReseauVCardEncoding  reseau_vcard_line_get_encoding  (const char                *line,
                                                      gsize                      length);
char                *reseau_vcard_unescape           (const char                *text,
                                                      gssize                     length,
                                                      gboolean                   v21);
void                 reseau_vcard_unescape_append    (GString                   *out,
                                                      const char                *text,
                                                      gsize                      length,
                                                      gboolean                   v21);
guint                reseau_vcard_split_into         (GString                   *parts,
                                                      const char                *value,
                                                      char                       separator,
                                                      gboolean                   v21);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauVCardProperty, reseau_vcard_property_free)

G_END_DECLS
