/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-contact.h"

struct _ReseauContact
{
  GObject    parent_instance;

  gint64     id;
  char      *text[RESEAU_N_TEXT_FIELDS];
  ReseauTie  tie;
  gint64     introduced_by;
  GBytes    *photo;
  GPtrArray *values;
  gint64     created;
  gint64     updated;
  char      *last_contacted;
  GStrv      extra_vcard;
};

G_DEFINE_FINAL_TYPE (ReseauContact, reseau_contact, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (ReseauContactValue, reseau_contact_value,
                     reseau_contact_value_copy, reseau_contact_value_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUBTITLE,
  PROP_TIE,
  PROP_PHOTO,
  PROP_TEXT_FIRST,
  N_PROPS = PROP_TEXT_FIRST + RESEAU_N_TEXT_FIELDS
};

static GParamSpec *properties[N_PROPS];

static const char * const text_properties[RESEAU_N_TEXT_FIELDS] = {
  "display-name", "prefix", "given-name", "additional-names", "family-name", "suffix",
  "nickname", "organization", "department", "title", "birthday", "notes", "met-where", "met-on",
};

/* ReseauContactValue */

ReseauContactValue *
reseau_contact_value_new (ReseauValueKind  kind,
                          ReseauValueType  type,
                          const char      *value)
{
  ReseauContactValue *self = g_new0 (ReseauContactValue, 1);

  self->kind = kind;
  self->type = type;
  self->value = g_strdup (value ? value : "");
  return self;
}

ReseauContactValue *
reseau_contact_value_copy (const ReseauContactValue *self)
{
  ReseauContactValue *copy = reseau_contact_value_new (self->kind, self->type, self->value);

  copy->locality = g_strdup (self->locality);
  copy->region = g_strdup (self->region);
  copy->postal_code = g_strdup (self->postal_code);
  copy->country = g_strdup (self->country);
  return copy;
}

void
reseau_contact_value_free (ReseauContactValue *self)
{
  if (self == NULL)
    return;
  g_free (self->value);
  g_free (self->locality);
  g_free (self->region);
  g_free (self->postal_code);
  g_free (self->country);
  g_free (self);
}

gboolean
reseau_contact_value_equal (const ReseauContactValue *a,
                            const ReseauContactValue *b)
{
  return a->kind == b->kind && a->type == b->type &&
         g_strcmp0 (a->value, b->value) == 0 &&
         g_strcmp0 (a->locality, b->locality) == 0 &&
         g_strcmp0 (a->region, b->region) == 0 &&
         g_strcmp0 (a->postal_code, b->postal_code) == 0 &&
         g_strcmp0 (a->country, b->country) == 0;
}

/* Profile links are recognised by host so that the card can show them as "Profile" and
 * the interchange code can match re-imported people by them. */
ReseauValueType
reseau_value_type_for_url (const char *url)
{
  static const char * const profile_hosts[] = {
    "linkedin.com", "github.com", "gitlab.com", "mastodon.social", "x.com", "twitter.com",
    "xing.com", "viadeo.com", "malt.fr", "about.me",
  };
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (url == NULL)
    return RESEAU_VALUE_TYPE_OTHER;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return RESEAU_VALUE_TYPE_OTHER;
  for (guint i = 0; i < G_N_ELEMENTS (profile_hosts); i++)
    {
      const char *p = profile_hosts[i];
      gsize hl = strlen (host), pl = strlen (p);

      if (g_ascii_strcasecmp (host, p) == 0 ||
          (hl > pl && host[hl - pl - 1] == '.' && g_ascii_strcasecmp (host + hl - pl, p) == 0))
        return RESEAU_VALUE_TYPE_PROFILE;
    }
  return RESEAU_VALUE_TYPE_OTHER;
}

static const char * const value_type_names[] = { "other", "work", "home", "mobile", "profile" };

const char *
reseau_value_type_to_string (ReseauValueType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (value_type_names), "other");
  return value_type_names[type];
}

ReseauValueType
reseau_value_type_from_string (const char *str)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (value_type_names); i++)
    if (g_ascii_strcasecmp (str, value_type_names[i]) == 0)
      return i;
  return RESEAU_VALUE_TYPE_OTHER;
}

/* ReseauContact */

static void
reseau_contact_finalize (GObject *object)
{
  ReseauContact *self = (ReseauContact *)object;

  for (guint i = 0; i < RESEAU_N_TEXT_FIELDS; i++)
    g_free (self->text[i]);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_free (self->last_contacted);
  g_strfreev (self->extra_vcard);

  G_OBJECT_CLASS (reseau_contact_parent_class)->finalize (object);
}

static void
reseau_contact_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ReseauContact *self = RESEAU_CONTACT (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
    {
      g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_take_string (value, reseau_contact_dup_name (self));
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, reseau_contact_dup_subtitle (self));
      break;
    case PROP_TIE:
      g_value_set_int (value, self->tie);
      break;
    case PROP_PHOTO:
      g_value_set_boxed (value, self->photo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_contact_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ReseauContact *self = RESEAU_CONTACT (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
    {
      reseau_contact_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_TIE:
      reseau_contact_set_tie (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_contact_class_init (ReseauContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reseau_contact_finalize;
  object_class->get_property = reseau_contact_get_property;
  object_class->set_property = reseau_contact_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIE] =
    g_param_spec_int ("tie", NULL, NULL, RESEAU_TIE_UNKNOWN, RESEAU_TIE_WEAK, RESEAU_TIE_UNKNOWN,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Read-only and notified, so that a row shows a new photo saved from the card editor. */
  properties[PROP_PHOTO] =
    g_param_spec_boxed ("photo", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < RESEAU_N_TEXT_FIELDS; i++)
    properties[PROP_TEXT_FIRST + i] =
      g_param_spec_string (text_properties[i], NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reseau_contact_init (ReseauContact *self)
{
  for (guint i = 0; i < RESEAU_N_TEXT_FIELDS; i++)
    self->text[i] = g_strdup ("");
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_contact_value_free);
}

ReseauContact *
reseau_contact_new (void)
{
  return g_object_new (RESEAU_TYPE_CONTACT, NULL);
}

/**
 * reseau_contact_copy:
 *
 * A deep copy, used by the card editor so that the shown contact stays untouched until the
 * edit is saved.
 */
ReseauContact *
reseau_contact_copy (ReseauContact *self)
{
  ReseauContact *copy;

  g_return_val_if_fail (RESEAU_IS_CONTACT (self), NULL);

  copy = reseau_contact_new ();
  copy->id = self->id;
  for (guint i = 0; i < RESEAU_N_TEXT_FIELDS; i++)
    g_set_str (&copy->text[i], self->text[i]);
  copy->tie = self->tie;
  copy->introduced_by = self->introduced_by;
  copy->photo = self->photo ? g_bytes_ref (self->photo) : NULL;
  for (guint i = 0; i < self->values->len; i++)
    g_ptr_array_add (copy->values, reseau_contact_value_copy (g_ptr_array_index (self->values, i)));
  copy->created = self->created;
  copy->updated = self->updated;
  copy->last_contacted = g_strdup (self->last_contacted);
  copy->extra_vcard = g_strdupv (self->extra_vcard);
  return copy;
}

gint64
reseau_contact_get_id (ReseauContact *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), 0);
  return self->id;
}

void
_reseau_contact_set_id (ReseauContact *self,
                        gint64         id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
reseau_contact_get_text (ReseauContact   *self,
                         ReseauTextField  field)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), NULL);
  g_return_val_if_fail (field < RESEAU_N_TEXT_FIELDS, NULL);
  return self->text[field];
}

void
reseau_contact_set_text (ReseauContact   *self,
                         ReseauTextField  field,
                         const char      *text)
{
  g_return_if_fail (RESEAU_IS_CONTACT (self));
  g_return_if_fail (field < RESEAU_N_TEXT_FIELDS);

  if (!g_set_str (&self->text[field], text ? text : ""))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + field]);
  if (field <= RESEAU_FIELD_NICKNAME || field == RESEAU_FIELD_ORGANIZATION)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (field == RESEAU_FIELD_ORGANIZATION || field == RESEAU_FIELD_TITLE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
reseau_text_field_to_property (ReseauTextField field)
{
  g_return_val_if_fail (field < RESEAU_N_TEXT_FIELDS, NULL);
  return text_properties[field];
}

/**
 * reseau_contact_dup_name:
 *
 * The name shown for the contact: the display name if the user set one, otherwise the name
 * parts, then the nickname, the organisation or the first email address.
 */
char *
reseau_contact_dup_name (ReseauContact *self)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *fallback;

  g_return_val_if_fail (RESEAU_IS_CONTACT (self), NULL);

  if (self->text[RESEAU_FIELD_DISPLAY_NAME][0] != '\0')
    return g_strdup (self->text[RESEAU_FIELD_DISPLAY_NAME]);

  for (ReseauTextField f = RESEAU_FIELD_PREFIX; f <= RESEAU_FIELD_SUFFIX; f++)
    {
      if (self->text[f][0] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, self->text[f]);
    }
  if (name->len > 0)
    return g_string_free_and_steal (g_steal_pointer (&name));

  if (self->text[RESEAU_FIELD_NICKNAME][0] != '\0')
    return g_strdup (self->text[RESEAU_FIELD_NICKNAME]);
  if (self->text[RESEAU_FIELD_ORGANIZATION][0] != '\0')
    return g_strdup (self->text[RESEAU_FIELD_ORGANIZATION]);
  if ((fallback = reseau_contact_get_first_value (self, RESEAU_VALUE_EMAIL)) != NULL)
    return g_strdup (fallback);
  return g_strdup (_("Unnamed Contact"));
}

/**
 * reseau_contact_dup_subtitle:
 *
 * "Title · Organisation", or whichever of the two is known, or an empty string.
 */
char *
reseau_contact_dup_subtitle (ReseauContact *self)
{
  const char *title, *org;

  g_return_val_if_fail (RESEAU_IS_CONTACT (self), NULL);

  title = self->text[RESEAU_FIELD_TITLE];
  org = self->text[RESEAU_FIELD_ORGANIZATION];
  if (title[0] != '\0' && org[0] != '\0')
    return g_strdup_printf ("%s · %s", title, org);
  return g_strdup (title[0] != '\0' ? title : org);
}

ReseauTie
reseau_contact_get_tie (ReseauContact *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), RESEAU_TIE_UNKNOWN);
  return self->tie;
}

void
reseau_contact_set_tie (ReseauContact *self,
                        ReseauTie      tie)
{
  g_return_if_fail (RESEAU_IS_CONTACT (self));
  g_return_if_fail (tie <= RESEAU_TIE_WEAK);

  if (self->tie == tie)
    return;
  self->tie = tie;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIE]);
}

gint64
reseau_contact_get_introduced_by (ReseauContact *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), 0);
  return self->introduced_by;
}

void
reseau_contact_set_introduced_by (ReseauContact *self,
                                  gint64         contact_id)
{
  g_return_if_fail (RESEAU_IS_CONTACT (self));
  self->introduced_by = contact_id;
}

GBytes *
reseau_contact_get_photo (ReseauContact *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), NULL);
  return self->photo;
}

void
reseau_contact_set_photo (ReseauContact *self,
                          GBytes        *photo)
{
  g_return_if_fail (RESEAU_IS_CONTACT (self));

  if (photo != NULL && g_bytes_get_size (photo) == 0)
    photo = NULL;
  if (self->photo == photo || (self->photo != NULL && photo != NULL && g_bytes_equal (self->photo, photo)))
    return;
  if (photo)
    g_bytes_ref (photo);
  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = photo;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
}

/**
 * reseau_contact_get_values:
 *
 * Returns: (transfer none) (element-type ReseauContactValue): the emails, phones, links and
 *   addresses, in the order the user gave them.
 */
GPtrArray *
reseau_contact_get_values (ReseauContact *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), NULL);
  return self->values;
}

/* Takes ownership of @value. */
void
reseau_contact_add_value (ReseauContact      *self,
                          ReseauContactValue *value)
{
  g_return_if_fail (RESEAU_IS_CONTACT (self));
  g_return_if_fail (value != NULL);
  g_ptr_array_add (self->values, value);
}

void
reseau_contact_remove_value (ReseauContact *self,
                             guint          index)
{
  g_return_if_fail (RESEAU_IS_CONTACT (self));
  g_return_if_fail (index < self->values->len);
  g_ptr_array_remove_index (self->values, index);
}

const char *
reseau_contact_get_first_value (ReseauContact   *self,
                                ReseauValueKind  kind)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), NULL);

  for (guint i = 0; i < self->values->len; i++)
    {
      ReseauContactValue *v = g_ptr_array_index (self->values, i);

      if (v->kind == kind && v->value[0] != '\0')
        return v->value;
    }
  return NULL;
}

gint64
reseau_contact_get_created (ReseauContact *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), 0);
  return self->created;
}

gint64
reseau_contact_get_updated (ReseauContact *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), 0);
  return self->updated;
}

void
_reseau_contact_set_times (ReseauContact *self,
                           gint64         created,
                           gint64         updated)
{
  self->created = created;
  self->updated = updated;
}

/* An ISO 8601 date, or NULL when the contact was never contacted. */
const char *
reseau_contact_get_last_contacted (ReseauContact *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), NULL);
  return self->last_contacted;
}

void
_reseau_contact_set_last_contacted (ReseauContact *self,
                                    const char    *date)
{
  g_set_str (&self->last_contacted, date);
}

/**
 * reseau_contact_get_extra_vcard:
 *
 * The vCard properties Réseau has no field for (IMPP, ANNIVERSARY, X-… and the like), kept
 * so that an imported card is exported again without loss. Each line is one unfolded
 * property in UTF-8, "group.NAME;PARAMS:value" as read, without a line terminator.
 *
 * Returns: (transfer none) (nullable): a %NULL-terminated array, or %NULL when there are none.
 */
const char * const *
reseau_contact_get_extra_vcard (ReseauContact *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT (self), NULL);
  return (const char * const *)self->extra_vcard;
}

void
reseau_contact_set_extra_vcard (ReseauContact      *self,
                                const char * const *lines)
{
  g_return_if_fail (RESEAU_IS_CONTACT (self));

  g_clear_pointer (&self->extra_vcard, g_strfreev);
  if (lines != NULL && lines[0] != NULL)
    self->extra_vcard = g_strdupv ((char **)lines);
}
