/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-vcard-map"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "reseau-import-record.h"
#include "reseau-validate.h"
#include "reseau-vcard-private.h"
#include "reseau-vcard-property.h"
#include "reseau-vcard-reader.h"

/* Maps the properties of one card onto a ReseauContact. What has no field of its own is
 * kept as raw lines (reseau_contact_set_extra_vcard()), so that exporting the contact
 * again loses nothing. */

typedef struct
{
  ReseauContact *contact;
  gboolean       v21;
  GPtrArray     *problems;
  GStrvBuilder  *extras;
  GPtrArray     *categories;
  GHashTable    *labels;      /* created with the first grouped property, or NULL */
  GHashTable    *used_labels; /* likewise */
  GPtrArray     *seen;        /* the names of the single-valued properties mapped */
  char          *fn;
  /* Reused for each property: its value unescaped, cleaned, and cut into parts. */
  GString       *text;
  GString       *clean;
  GString       *parts;
} Builder;

/* Apple's standard labels, written as item1.X-ABLabel beside a grouped item1.EMAIL. */
static const struct {
  const char      *label;
  ReseauValueType  type;
} apple_labels[] = {
  { "_$!<Work>!$_", RESEAU_VALUE_TYPE_WORK },
  { "_$!<Home>!$_", RESEAU_VALUE_TYPE_HOME },
  { "_$!<Mobile>!$_", RESEAU_VALUE_TYPE_MOBILE },
  { "_$!<iPhone>!$_", RESEAU_VALUE_TYPE_MOBILE },
  { "_$!<Other>!$_", RESEAU_VALUE_TYPE_OTHER },
  { "_$!<HomePage>!$_", RESEAU_VALUE_TYPE_OTHER },
};

/* Single-line fields get no line breaks nor other control characters. Returns @text
 * cleaned in @out. */
static const char *
clean_into (GString    *out,
            const char *text,
            gboolean    multiline)
{
  gsize length = strlen (text);
  gboolean clean = length == 0 || (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[length - 1]));

  g_string_truncate (out, 0);
  /* Most text is clean already: one exact copy. */
  for (const char *p = text; clean && *p != '\0'; p++)
    clean = (guchar)*p >= 0x20 && *p != 0x7F;
  if (clean)
    return g_string_append_len (out, text, length)->str;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      if (multiline && (*p == '\r' || *p == '\n'))
        g_string_append_c (out, '\n');
      else if (multiline && *p == '\t')
        g_string_append_c (out, '\t');
      else if ((guchar)*p < 0x20 || *p == 0x7F)
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  if (!multiline)
    {
      g_strstrip (out->str);
      out->len = strlen (out->str);
    }
  return out->str;
}

static char *
clean_text (const char *text,
            gboolean    multiline)
{
  g_autoptr(GString) out = g_string_new (NULL);

  clean_into (out, text, multiline);
  return g_strndup (out->str, out->len);
}

static void
set_text (Builder         *b,
          ReseauTextField  field,
          const char      *text)
{
  reseau_contact_set_text (b->contact, field, clean_into (b->clean, text, field == RESEAU_FIELD_NOTES));
}

/* The value of @property unescaped, in b->text. */
static const char *
unescaped (Builder                   *b,
           const ReseauVCardProperty *property)
{
  g_string_truncate (b->text, 0);
  reseau_vcard_unescape_append (b->text, property->value, strlen (property->value), b->v21);
  return b->text->str;
}

/* The parts of a structured value, in b->parts, one after the other. */
static const char *
split (Builder                   *b,
       const ReseauVCardProperty *property,
       char                       separator,
       guint                     *n_parts)
{
  *n_parts = reseau_vcard_split_into (b->parts, property->value, separator, b->v21);
  return b->parts->str;
}

static const char *
next_part (const char *part)
{
  return part + strlen (part) + 1;
}

/* Only the first of the single-valued properties is mapped; the others are kept raw. */
static gboolean
first_time (Builder                   *b,
            const ReseauVCardProperty *property)
{
  if (g_ptr_array_find_with_equal_func (b->seen, property->name, g_str_equal, NULL))
    {
      g_strv_builder_add (b->extras, property->raw);
      return FALSE;
    }
  /* The properties outlive the builder. */
  g_ptr_array_add (b->seen, (gpointer)property->name);
  return TRUE;
}

static char *
text_value (Builder                   *b,
            const ReseauVCardProperty *property)
{
  return reseau_vcard_unescape (property->value, -1, b->v21);
}

static void
map_name (Builder                   *b,
          const ReseauVCardProperty *property)
{
  static const ReseauTextField fields[] = {
    RESEAU_FIELD_FAMILY, RESEAU_FIELD_GIVEN, RESEAU_FIELD_ADDITIONAL,
    RESEAU_FIELD_PREFIX, RESEAU_FIELD_SUFFIX,
  };
  guint n;
  const char *part = split (b, property, ';', &n);

  for (guint i = 0; i < G_N_ELEMENTS (fields) && i < n; i++, part = next_part (part))
    set_text (b, fields[i], part);
}

static void
map_org (Builder                   *b,
         const ReseauVCardProperty *property)
{
  guint n;
  const char *part = split (b, property, ';', &n);
  GString *units = b->text;

  set_text (b, RESEAU_FIELD_ORGANIZATION, part);
  g_string_truncate (units, 0);
  for (guint i = 1; i < n; i++)
    {
      part = next_part (part);
      if (*part == '\0')
        continue;
      if (units->len > 0)
        g_string_append (units, ", ");
      g_string_append (units, part);
    }
  set_text (b, RESEAU_FIELD_DEPARTMENT, units->str);
}

/* BDAY as 1985-04-12, 19850412 or with a time; anything else (no year, text) is kept raw. */
static gboolean
map_date (Builder                   *b,
          ReseauTextField            field,
          const ReseauVCardProperty *property)
{
  g_autofree char *text = text_value (b, property);
  g_autofree char *date = NULL;
  char *t = strchr (text, 'T');

  if (t != NULL)
    *t = '\0';
  g_strstrip (text);
  if (strlen (text) == 8 && strspn (text, "0123456789") == 8)
    date = g_strdup_printf ("%.4s-%.2s-%.2s", text, text + 4, text + 6);
  else
    date = g_strdup (text);
  if (*date == '\0' || !reseau_validate_date ("", date, NULL))
    return FALSE;
  reseau_contact_set_text (b->contact, field, date);
  return TRUE;
}

static ReseauValueType
apple_label_type (const char *label,
                  gboolean   *known)
{
  for (guint i = 0; label != NULL && i < G_N_ELEMENTS (apple_labels); i++)
    if (g_ascii_strcasecmp (label, apple_labels[i].label) == 0)
      {
        *known = TRUE;
        return apple_labels[i].type;
      }
  *known = FALSE;
  return RESEAU_VALUE_TYPE_OTHER;
}

static ReseauValueType
label_type (Builder                   *b,
            const ReseauVCardProperty *property)
{
  g_autofree char *group = NULL;
  gboolean known;

  if (property->group == NULL)
    return RESEAU_VALUE_TYPE_OTHER;
  group = g_ascii_strdown (property->group, -1);
  return apple_label_type (b->labels ? g_hash_table_lookup (b->labels, group) : NULL, &known);
}

static ReseauValueType
value_type (Builder                   *b,
            const ReseauVCardProperty *property,
            ReseauValueKind            kind)
{
  ReseauValueType from_label = label_type (b, property);

  if ((reseau_vcard_property_has_type (property, "cell") ||
       reseau_vcard_property_has_type (property, "mobile") ||
       reseau_vcard_property_has_type (property, "iphone")))
    return RESEAU_VALUE_TYPE_MOBILE;
  if (reseau_vcard_property_has_type (property, "x-profile"))
    return RESEAU_VALUE_TYPE_PROFILE;
  if (reseau_vcard_property_has_type (property, "work"))
    return RESEAU_VALUE_TYPE_WORK;
  if (reseau_vcard_property_has_type (property, "home"))
    return RESEAU_VALUE_TYPE_HOME;
  return from_label;
}

static void
map_value (Builder                   *b,
           const ReseauVCardProperty *property,
           ReseauValueKind            kind)
{
  const char *v = clean_into (b->clean, unescaped (b, property), FALSE);
  ReseauValueType type = value_type (b, property, kind);


  if (kind == RESEAU_VALUE_PHONE && g_ascii_strncasecmp (v, "tel:", 4) == 0)
    v += 4;
  if (*v == '\0')
    return;
  if (kind == RESEAU_VALUE_URL && type == RESEAU_VALUE_TYPE_OTHER)
    type = reseau_value_type_for_url (v);
  reseau_contact_add_value (b->contact, reseau_contact_value_new (kind, type, v));
}

/* An absent address part is %NULL, as the store and the editor have it. */
static char *
nonempty_dup (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* ADR: post office box; extended address; street; locality; region; postal code; country.
 * The first three become the street lines. */
static void
map_address (Builder                   *b,
             const ReseauVCardProperty *property)
{
  guint n;
  const char *part = split (b, property, ';', &n);
  GString *street = b->text;
  ReseauContactValue *value;
  char *fields[7] = { NULL };
  static const guint street_order[] = { 2, 1, 0 };
  gboolean empty = TRUE;

  g_string_truncate (street, 0);
  for (guint i = 0; i < 7 && i < n; i++, part = next_part (part))
    {
      fields[i] = clean_text (part, i <= 2);
      g_strstrip (fields[i]);
      empty = empty && *fields[i] == '\0';
    }
  for (guint i = 0; i < G_N_ELEMENTS (street_order); i++)
    {
      const char *line = fields[street_order[i]];

      if (line == NULL || *line == '\0')
        continue;
      if (street->len > 0)
        g_string_append_c (street, '\n');
      g_string_append (street, line);
    }
  if (!empty)
    {
      value = reseau_contact_value_new (RESEAU_VALUE_ADDRESS,
                                        value_type (b, property, RESEAU_VALUE_ADDRESS),
                                        street->str);
      value->locality = nonempty_dup (fields[3]);
      value->region = nonempty_dup (fields[4]);
      value->postal_code = nonempty_dup (fields[5]);
      value->country = nonempty_dup (fields[6]);
      reseau_contact_add_value (b->contact, value);
    }
  for (guint i = 0; i < 7; i++)
    g_free (fields[i]);
}

static void
photo_problem (Builder                   *b,
               const ReseauVCardProperty *property,
               const char                *message)
{
  g_ptr_array_add (b->problems,
                   reseau_import_problem_new (property->line, FALSE,
                                              g_error_new_literal (RESEAU_VCARD_ERROR,
                                                                   RESEAU_VCARD_ERROR_PHOTO,
                                                                   message)));
}

/* vCard 2.1 and 3.0 write PHOTO;ENCODING=BASE64 (or b); 4.0 writes a data: URI. A photo
 * by URL is kept raw: Réseau does not fetch anything. */
static void
map_photo (Builder                   *b,
           const ReseauVCardProperty *property)
{
  const char *encoding = reseau_vcard_property_get_param (property, "ENCODING");
  g_autofree char *data = NULL;
  g_autofree char *message = NULL;
  const char *base64;
  guchar *bytes;
  gsize size = 0;

  if (encoding != NULL)
    base64 = property->value;
  else if (g_ascii_strncasecmp (property->value, "data:", 5) == 0)
    {
      const char *comma;

      data = reseau_vcard_unescape (property->value, -1, FALSE);
      comma = strchr (data, ',');
      if (comma == NULL || comma - data < 7 || g_ascii_strncasecmp (comma - 7, ";base64", 7) != 0)
        {
          g_strv_builder_add (b->extras, property->raw);
          return;
        }
      base64 = comma + 1;
    }
  else
    {
      g_strv_builder_add (b->extras, property->raw);
      return;
    }

  bytes = g_base64_decode (base64, &size);
  if (size == 0)
    {
      message = g_strdup_printf (_("Line %u: the photo could not be decoded; it was left out"),
                                 property->line);
      photo_problem (b, property, message);
      g_free (bytes);
    }
  else if (size > RESEAU_MAX_PHOTO_SIZE)
    {
      message = g_strdup_printf (_("Line %u: the photo is larger than 1 MB; it was left out"),
                                 property->line);
      photo_problem (b, property, message);
      g_free (bytes);
    }
  else
    {
      g_autoptr(GBytes) photo = g_bytes_new_take (bytes, size);

      reseau_contact_set_photo (b->contact, photo);
    }
}

static void
map_categories (Builder                   *b,
                const ReseauVCardProperty *property)
{
  guint n;
  const char *part = split (b, property, ',', &n);

  for (guint i = 0; i < n; i++, part = next_part (part))
    {
      const char *name = clean_into (b->clean, part, FALSE);

      if (*name != '\0' &&
          !g_ptr_array_find_with_equal_func (b->categories, name, g_str_equal, NULL))
        g_ptr_array_add (b->categories, g_strdup (name));
    }
}

static void
map_tie (Builder                   *b,
         const ReseauVCardProperty *property)
{
  static const char * const ties[] = { "unknown", "close", "regular", "weak" };
  g_autofree char *text = text_value (b, property);

  for (guint i = 1; i < G_N_ELEMENTS (ties); i++)
    if (g_ascii_strcasecmp (g_strstrip (text), ties[i]) == 0)
      {
        reseau_contact_set_tie (b->contact, i);
        return;
      }
  g_strv_builder_add (b->extras, property->raw);
}

static gboolean
map_text (Builder                   *b,
          const ReseauVCardProperty *property)
{
  static const struct {
    const char      *name;
    ReseauTextField  field;
  } text_properties[] = {
    { "NICKNAME", RESEAU_FIELD_NICKNAME },
    { "TITLE", RESEAU_FIELD_TITLE },
    { "NOTE", RESEAU_FIELD_NOTES },
    { "X-RESEAU-MET-WHERE", RESEAU_FIELD_MET_WHERE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (text_properties); i++)
    if (g_str_equal (property->name, text_properties[i].name))
      {
        if (first_time (b, property))
          set_text (b, text_properties[i].field, unescaped (b, property));
        return TRUE;
      }
  return FALSE;
}

static void
map_property (Builder                   *b,
              const ReseauVCardProperty *property)
{
  const char *name = property->name;

  /* LABEL is a formatted copy of ADR that would go stale once the address is edited. */
  if (g_str_equal (name, "VERSION") || g_str_equal (name, "PRODID") ||
      g_str_equal (name, "REV") || g_str_equal (name, "LABEL") || map_text (b, property))
    return;
  if (g_str_equal (name, "FN"))
    {
      if (first_time (b, property))
        b->fn = text_value (b, property);
    }
  else if (g_str_equal (name, "N"))
    {
      if (first_time (b, property))
        map_name (b, property);
    }
  else if (g_str_equal (name, "ORG"))
    {
      if (first_time (b, property))
        map_org (b, property);
    }
  else if (g_str_equal (name, "BDAY") || g_str_equal (name, "X-RESEAU-MET-ON"))
    {
      ReseauTextField field = name[0] == 'B' ? RESEAU_FIELD_BIRTHDAY : RESEAU_FIELD_MET_ON;

      if (first_time (b, property) && !map_date (b, field, property))
        g_strv_builder_add (b->extras, property->raw);
    }
  else if (g_str_equal (name, "EMAIL"))
    map_value (b, property, RESEAU_VALUE_EMAIL);
  else if (g_str_equal (name, "TEL"))
    map_value (b, property, RESEAU_VALUE_PHONE);
  else if (g_str_equal (name, "URL"))
    map_value (b, property, RESEAU_VALUE_URL);
  else if (g_str_equal (name, "ADR"))
    map_address (b, property);
  else if (g_str_equal (name, "PHOTO") && reseau_contact_get_photo (b->contact) == NULL)
    map_photo (b, property);
  else if (g_str_equal (name, "CATEGORIES"))
    map_categories (b, property);
  else if (g_str_equal (name, "X-RESEAU-TIE"))
    map_tie (b, property);
  else
    g_strv_builder_add (b->extras, property->raw);
}

/* FN only becomes the display name when it says something else than the name Réseau would
 * show anyway, so that editing the name parts later is not overridden by a stale copy. */
static void
finish_name (Builder *b)
{
  g_autofree char *composed = reseau_contact_dup_name (b->contact);
  g_autofree char *fn = b->fn ? clean_text (b->fn, FALSE) : NULL;

  if (fn != NULL && *fn != '\0' && g_strcmp0 (fn, composed) != 0)
    reseau_contact_set_text (b->contact, RESEAU_FIELD_DISPLAY_NAME, fn);
}

static gboolean
is_value_property (const ReseauVCardProperty *property)
{
  return g_str_equal (property->name, "EMAIL") || g_str_equal (property->name, "TEL") ||
         g_str_equal (property->name, "URL") || g_str_equal (property->name, "ADR");
}

/* item1.X-ABLabel beside item1.EMAIL: Apple's own labels become the value's type, and the
 * label line is dropped; a custom label (Conference) has no place in Réseau and is kept. */
static void
find_labels (Builder   *b,
             GPtrArray *properties)
{
  for (guint i = 0; i < properties->len; i++)
    {
      const ReseauVCardProperty *property = g_ptr_array_index (properties, i);

      if (g_str_equal (property->name, "X-ABLABEL") && property->group != NULL)
        {
          if (b->labels == NULL)
            b->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (b->labels, g_ascii_strdown (property->group, -1), property->value);
        }
    }
  for (guint i = 0; i < properties->len; i++)
    {
      const ReseauVCardProperty *property = g_ptr_array_index (properties, i);
      g_autofree char *group = NULL;
      gboolean known;

      if (property->group == NULL || !is_value_property (property))
        continue;
      group = g_ascii_strdown (property->group, -1);
      apple_label_type (b->labels ? g_hash_table_lookup (b->labels, group) : NULL, &known);
      if (!known)
        continue;
      if (b->used_labels == NULL)
        b->used_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (b->used_labels, g_steal_pointer (&group));
    }
}

static gboolean
is_used_label (Builder                   *b,
               const ReseauVCardProperty *property)
{
  g_autofree char *group = NULL;

  if (!g_str_equal (property->name, "X-ABLABEL"))
    return FALSE;
  group = property->group ? g_ascii_strdown (property->group, -1) : NULL;
  return group != NULL && b->used_labels != NULL && g_hash_table_contains (b->used_labels, group);
}

/**
 * _reseau_vcard_build_contact:
 * @properties: (element-type ReseauVCardProperty): the properties of one card
 * @problems: (element-type ReseauImportProblem): where parts left out are reported
 * @categories: (out): the card's CATEGORIES
 */
ReseauContact *
_reseau_vcard_build_contact (GPtrArray  *properties,
                             gboolean    v21,
                             GPtrArray  *problems,
                             GStrv      *categories)
{
  Builder b = {
    .contact = reseau_contact_new (),
    .v21 = v21,
    .problems = problems,
    .extras = g_strv_builder_new (),
    .categories = g_ptr_array_new_null_terminated (0, g_free, TRUE),
    .seen = g_ptr_array_new (),
    .text = g_string_sized_new (256),
    .clean = g_string_sized_new (256),
    .parts = g_string_sized_new (256),
  };
  g_auto(GStrv) extras = NULL;

  find_labels (&b, properties);
  for (guint i = 0; i < properties->len; i++)
    if (!is_used_label (&b, g_ptr_array_index (properties, i)))
      map_property (&b, g_ptr_array_index (properties, i));
  finish_name (&b);

  extras = g_strv_builder_end (b.extras);
  reseau_contact_set_extra_vcard (b.contact, (const char * const *)extras);
  *categories = (GStrv)g_ptr_array_free (b.categories, FALSE);

  g_strv_builder_unref (b.extras);
  g_clear_pointer (&b.labels, g_hash_table_unref);
  g_clear_pointer (&b.used_labels, g_hash_table_unref);
  g_ptr_array_unref (b.seen);
  g_free (b.fn);
  g_string_free (b.text, TRUE);
  g_string_free (b.clean, TRUE);
  g_string_free (b.parts, TRUE);
  return b.contact;
}
