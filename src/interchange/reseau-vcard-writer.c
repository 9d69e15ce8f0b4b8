/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-vcard-writer"

#include "config.h"

#include <string.h>

#include "reseau-vcard-writer.h"

/* Writes vCard 4.0 (RFC 6350) or 3.0 (RFC 2426): UTF-8, CRLF line ends, lines folded at 75
 * octets. What the reader kept of properties Réseau has no field for is written back. */

#define FOLD_OCTETS 75

/* RFC 6350 §3.2: at most 75 octets a line, continuation lines start with a space, and a
 * multi-octet UTF-8 character is never split. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line), pos = 0, width = FOLD_OCTETS;

  while (len - pos > width)
    {
      gsize cut = pos + width;

      while (cut > pos && ((guchar)line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      width = FOLD_OCTETS - 1;
    }
  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

/* RFC 6350 §3.4 and RFC 2426 §5: backslash, newline, comma and semicolon are escaped. */
static void
append_escaped (GString    *line,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (line, "\\\\"); break;
        case '\n': g_string_append (line, "\\n"); break;
        case ',': g_string_append (line, "\\,"); break;
        case ';': g_string_append (line, "\\;"); break;
        case '\r': break;
        default: g_string_append_c (line, *p); break;
        }
    }
}

static void
append_text (GString    *out,
             const char *head,
             const char *text)
{
  g_autoptr(GString) line = NULL;

  if (text == NULL || *text == '\0')
    return;
  line = g_string_new (head);
  g_string_append_c (line, ':');
  append_escaped (line, text);
  append_folded (out, line->str);
}

/* A structured value (N, ADR, ORG): components separated by unescaped semicolons. */
static void
append_structured (GString            *out,
                   const char         *head,
                   const char * const *parts,
                   guint               n_parts)
{
  g_autoptr(GString) line = g_string_new (head);

  g_string_append_c (line, ':');
  for (guint i = 0; i < n_parts; i++)
    {
      if (i > 0)
        g_string_append_c (line, ';');
      append_escaped (line, parts[i] ? parts[i] : "");
    }
  append_folded (out, line->str);
}

static const char *
type_name (ReseauValueType type)
{
  switch (type)
    {
    case RESEAU_VALUE_TYPE_WORK: return "work";
    case RESEAU_VALUE_TYPE_HOME: return "home";
    case RESEAU_VALUE_TYPE_MOBILE: return "cell";
    case RESEAU_VALUE_TYPE_PROFILE: return "x-profile";
    case RESEAU_VALUE_TYPE_OTHER:
    default:
      return NULL;
    }
}

/* "EMAIL;TYPE=work": lower case in 4.0 as RFC 6350 writes it, upper case in 3.0. */
static char *
value_head (const char         *name,
            ReseauValueType     type,
            ReseauVCardVersion  version)
{
  const char *t = type_name (type);
  g_autofree char *upper = NULL;

  if (t == NULL)
    return g_strdup (name);
  if (version == RESEAU_VCARD_VERSION_3_0)
    t = upper = g_ascii_strup (t, -1);
  return g_strdup_printf ("%s;TYPE=%s", name, t);
}

static void
append_value (GString                  *out,
              const ReseauContactValue *value,
              ReseauVCardVersion        version)
{
  static const char * const names[] = { NULL, "EMAIL", "TEL", "URL", "ADR" };
  g_autofree char *head = value_head (names[value->kind], value->type, version);

  if (value->kind == RESEAU_VALUE_ADDRESS)
    {
      const char * const parts[] = {
        "", "", value->value, value->locality, value->region, value->postal_code, value->country,
      };

      append_structured (out, head, parts, G_N_ELEMENTS (parts));
    }
  else if (value->kind == RESEAU_VALUE_URL)
    {
      /* A URI is written as it is: most readers do not unescape URIs (RFC 6350 errata 3845). */
      g_autofree char *line = g_strdup_printf ("%s:%s", head, value->value);

      if (strpbrk (line, "\r\n") == NULL)
        append_folded (out, line);
    }
  else
    {
      append_text (out, head, value->value);
    }
}

static const char *
photo_type (GBytes *photo)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (photo, &size);

  if (size >= 3 && memcmp (data, "\xFF\xD8\xFF", 3) == 0)
    return "jpeg";
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1A\n", 8) == 0)
    return "png";
  if (size >= 4 && memcmp (data, "GIF8", 4) == 0)
    return "gif";
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "webp";
  return NULL;
}

/* 4.0 uses a data: URI; 3.0 uses ENCODING=b with the image type in TYPE. */
static void
append_photo (GString            *out,
              GBytes             *photo,
              ReseauVCardVersion  version)
{
  const char *type = photo_type (photo);
  g_autofree char *base64 = NULL;
  g_autofree char *line = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (photo, &size);

  base64 = g_base64_encode (data, size);
  if (version == RESEAU_VCARD_VERSION_4_0)
    {
      line = g_strdup_printf ("PHOTO:data:%s%s;base64,%s", type ? "image/" : "application/",
                              type ? type : "octet-stream", base64);
    }
  else
    {
      g_autofree char *upper = type ? g_ascii_strup (type, -1) : NULL;

      line = g_strdup_printf ("PHOTO;ENCODING=b%s%s:%s", upper ? ";TYPE=" : "",
                              upper ? upper : "", base64);
    }
  append_folded (out, line);
}

static void
append_categories (GString            *out,
                   const char * const *categories)
{
  g_autoptr(GString) line = g_string_new ("CATEGORIES:");

  if (categories == NULL || categories[0] == NULL)
    return;
  for (guint i = 0; categories[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      append_escaped (line, categories[i]);
    }
  append_folded (out, line->str);
}

/* "group.NAME;params:value" or "NAME:value": a line that starts otherwise (a space or a tab
 * would make it a fold of the line before) is not a property. */
static gboolean
is_property_line (const char *line)
{
  const char *p = line;

  while (g_ascii_isalnum (*p) || *p == '-' || *p == '.')
    p++;
  return p > line && g_ascii_isalnum (*line) && (*p == ':' || *p == ';');
}

/* Extra lines are written back as they were read, except any that would break the card. */
static void
append_extras (GString       *out,
               ReseauContact *contact)
{
  const char * const *extras = reseau_contact_get_extra_vcard (contact);

  for (guint i = 0; extras != NULL && extras[i] != NULL; i++)
    {
      const char *line = extras[i];

      if (!is_property_line (line) || strpbrk (line, "\r\n") != NULL || strchr (line, ':') == NULL ||
          g_ascii_strncasecmp (line, "BEGIN:", 6) == 0 || g_ascii_strncasecmp (line, "END:", 4) == 0 ||
          g_ascii_strncasecmp (line, "VERSION:", 8) == 0 || !g_utf8_validate (line, -1, NULL))
        continue;
      append_folded (out, line);
    }
}

static void
append_names (GString            *out,
              ReseauContact      *contact,
              ReseauVCardVersion  version)
{
  const char *display = reseau_contact_get_text (contact, RESEAU_FIELD_DISPLAY_NAME);
  g_autofree char *fn = *display ? g_strdup (display) : reseau_contact_dup_name (contact);
  const char * const n[] = {
    reseau_contact_get_text (contact, RESEAU_FIELD_FAMILY),
    reseau_contact_get_text (contact, RESEAU_FIELD_GIVEN),
    reseau_contact_get_text (contact, RESEAU_FIELD_ADDITIONAL),
    reseau_contact_get_text (contact, RESEAU_FIELD_PREFIX),
    reseau_contact_get_text (contact, RESEAU_FIELD_SUFFIX),
  };
  const char * const org[] = {
    reseau_contact_get_text (contact, RESEAU_FIELD_ORGANIZATION),
    reseau_contact_get_text (contact, RESEAU_FIELD_DEPARTMENT),
  };
  gboolean has_n = FALSE;

  append_text (out, "FN", fn);
  for (guint i = 0; i < G_N_ELEMENTS (n); i++)
    has_n = has_n || *n[i] != '\0';
  /* N is required in 3.0 only. */
  if (has_n || version == RESEAU_VCARD_VERSION_3_0)
    append_structured (out, "N", n, G_N_ELEMENTS (n));
  append_text (out, "NICKNAME", reseau_contact_get_text (contact, RESEAU_FIELD_NICKNAME));
  if (*org[0] != '\0' || *org[1] != '\0')
    append_structured (out, "ORG", org, *org[1] != '\0' ? 2 : 1);
  append_text (out, "TITLE", reseau_contact_get_text (contact, RESEAU_FIELD_TITLE));
}

/* BDAY is 19850412 in 4.0 (ISO 8601 basic format, RFC 6350 §4.3.1) and 1985-04-12 in 3.0. */
static void
append_birthday (GString            *out,
                 ReseauContact      *contact,
                 ReseauVCardVersion  version)
{
  const char *date = reseau_contact_get_text (contact, RESEAU_FIELD_BIRTHDAY);
  g_autofree char *line = NULL;

  if (strlen (date) != 10)
    return;
  if (version == RESEAU_VCARD_VERSION_4_0)
    line = g_strdup_printf ("BDAY:%.4s%.2s%.2s", date, date + 5, date + 8);
  else
    line = g_strdup_printf ("BDAY:%s", date);
  append_folded (out, line);
}

static void
append_reseau_fields (GString       *out,
                      ReseauContact *contact)
{
  static const char * const ties[] = { NULL, "close", "regular", "weak" };
  ReseauTie tie = reseau_contact_get_tie (contact);

  append_text (out, "X-RESEAU-MET-WHERE", reseau_contact_get_text (contact, RESEAU_FIELD_MET_WHERE));
  append_text (out, "X-RESEAU-MET-ON", reseau_contact_get_text (contact, RESEAU_FIELD_MET_ON));
  if (tie > RESEAU_TIE_UNKNOWN && tie < G_N_ELEMENTS (ties))
    append_text (out, "X-RESEAU-TIE", ties[tie]);
}

/**
 * reseau_vcard_append_contact:
 * @categories: (nullable): the circles of @contact, written as CATEGORIES
 *
 * Appends one card for @contact to @out.
 */
void
reseau_vcard_append_contact (GString             *out,
                             ReseauContact       *contact,
                             const char * const  *categories,
                             ReseauVCardVersion   version)
{
  GPtrArray *values;

  g_return_if_fail (out != NULL);
  g_return_if_fail (RESEAU_IS_CONTACT (contact));

  g_string_append (out, "BEGIN:VCARD\r\n");
  g_string_append (out, version == RESEAU_VCARD_VERSION_4_0 ? "VERSION:4.0\r\n" : "VERSION:3.0\r\n");
  append_names (out, contact, version);
  append_birthday (out, contact, version);
  values = reseau_contact_get_values (contact);
  for (guint i = 0; i < values->len; i++)
    append_value (out, g_ptr_array_index (values, i), version);
  append_text (out, "NOTE", reseau_contact_get_text (contact, RESEAU_FIELD_NOTES));
  append_categories (out, categories);
  if (reseau_contact_get_photo (contact) != NULL)
    append_photo (out, reseau_contact_get_photo (contact), version);
  append_reseau_fields (out, contact);
  append_extras (out, contact);
  g_string_append (out, "END:VCARD\r\n");
}

/* Writes one card to @stream. Blocking: run it in a thread. */
gboolean
reseau_vcard_write_contact (GOutputStream       *stream,
                            ReseauContact       *contact,
                            const char * const  *categories,
                            ReseauVCardVersion   version,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(GString) card = g_string_new (NULL);

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (RESEAU_IS_CONTACT (contact), FALSE);

  reseau_vcard_append_contact (card, contact, categories, version);
  return g_output_stream_write_all (stream, card->str, card->len, NULL, cancellable, error);
}
