/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Single-valued text fields of a contact card. The order is the column order of the
 * `contacts` table, and each has a GObject property named in reseau-contact.c. */
typedef enum
{
  RESEAU_FIELD_DISPLAY_NAME,
  RESEAU_FIELD_PREFIX,
  RESEAU_FIELD_GIVEN,
  RESEAU_FIELD_ADDITIONAL,
  RESEAU_FIELD_FAMILY,
  RESEAU_FIELD_SUFFIX,
  RESEAU_FIELD_NICKNAME,
  RESEAU_FIELD_ORGANIZATION,
  RESEAU_FIELD_DEPARTMENT,
  RESEAU_FIELD_TITLE,
  RESEAU_FIELD_BIRTHDAY,
  RESEAU_FIELD_NOTES,
  RESEAU_FIELD_MET_WHERE,
  RESEAU_FIELD_MET_ON,
  RESEAU_N_TEXT_FIELDS
} ReseauTextField;

typedef enum
{
  RESEAU_TIE_UNKNOWN,
  RESEAU_TIE_CLOSE,
  RESEAU_TIE_REGULAR,
  RESEAU_TIE_WEAK,
} ReseauTie;

typedef enum
{
  RESEAU_VALUE_EMAIL = 1,
  RESEAU_VALUE_PHONE,
  RESEAU_VALUE_URL,
  RESEAU_VALUE_ADDRESS,
} ReseauValueKind;

typedef enum
{
  RESEAU_VALUE_TYPE_OTHER,
  RESEAU_VALUE_TYPE_WORK,
  RESEAU_VALUE_TYPE_HOME,
  RESEAU_VALUE_TYPE_MOBILE,
  RESEAU_VALUE_TYPE_PROFILE,
} ReseauValueType;

/* One entry of a multi-valued field: an email, a phone, a web link or a postal address.
 * For an address, @value holds the street lines. */
typedef struct
{
  ReseauValueKind  kind;
  ReseauValueType  type;
  char            *value;
  char            *locality;
  char            *region;
  char            *postal_code;
  char            *country;
} ReseauContactValue;

#define RESEAU_TYPE_CONTACT_VALUE (reseau_contact_value_get_type ())

GType               reseau_contact_value_get_type (void) G_GNUC_CONST;
ReseauContactValue *reseau_contact_value_new      (ReseauValueKind           kind,
                                                   ReseauValueType           type,
                                                   const char               *value);
ReseauContactValue *reseau_contact_value_copy     (const ReseauContactValue *self);
void                reseau_contact_value_free     (ReseauContactValue       *self);
gboolean            reseau_contact_value_equal    (const ReseauContactValue *a,
                                                   const ReseauContactValue *b);
ReseauValueType     reseau_value_type_for_url     (const char               *url);
const char         *reseau_value_type_to_string   (ReseauValueType           type);
ReseauValueType     reseau_value_type_from_string (const char               *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauContactValue, reseau_contact_value_free)

#define RESEAU_TYPE_CONTACT (reseau_contact_get_type ())

G_DECLARE_FINAL_TYPE (ReseauContact, reseau_contact, RESEAU, CONTACT, GObject)

ReseauContact *reseau_contact_new               (void);
ReseauContact *reseau_contact_copy              (ReseauContact   *self);
gint64         reseau_contact_get_id            (ReseauContact   *self);
void           _reseau_contact_set_id           (ReseauContact   *self,
                                                 gint64           id);
const char    *reseau_contact_get_text          (ReseauContact   *self,
                                                 ReseauTextField  field);
void           reseau_contact_set_text          (ReseauContact   *self,
                                                 ReseauTextField  field,
                                                 const char      *text);
char          *reseau_contact_dup_name          (ReseauContact   *self);
char          *reseau_contact_dup_subtitle      (ReseauContact   *self);
ReseauTie      reseau_contact_get_tie           (ReseauContact   *self);
void           reseau_contact_set_tie           (ReseauContact   *self,
                                                 ReseauTie        tie);
gint64         reseau_contact_get_introduced_by (ReseauContact   *self);
void           reseau_contact_set_introduced_by (ReseauContact   *self,
                                                 gint64           contact_id);
GBytes        *reseau_contact_get_photo         (ReseauContact   *self);
void           reseau_contact_set_photo         (ReseauContact   *self,
                                                 GBytes          *photo);
GPtrArray     *reseau_contact_get_values        (ReseauContact   *self);
void           reseau_contact_add_value         (ReseauContact   *self,
                                                 ReseauContactValue *value);
void           reseau_contact_remove_value      (ReseauContact   *self,
                                                 guint            index);
const char    *reseau_contact_get_first_value   (ReseauContact   *self,
                                                 ReseauValueKind  kind);
gint64         reseau_contact_get_created       (ReseauContact   *self);
gint64         reseau_contact_get_updated       (ReseauContact   *self);
void           _reseau_contact_set_times        (ReseauContact   *self,
                                                 gint64           created,
                                                 gint64           updated);
const char    *reseau_contact_get_last_contacted (ReseauContact  *self);
void           _reseau_contact_set_last_contacted (ReseauContact *self,
                                                   const char    *date);
const char    *reseau_text_field_to_property    (ReseauTextField  field);
const char * const *reseau_contact_get_extra_vcard (ReseauContact      *self);
void           reseau_contact_set_extra_vcard   (ReseauContact      *self,
                                                 const char * const *lines);

G_END_DECLS
