/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-validate"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "reseau-validate.h"

G_DEFINE_QUARK (reseau-contact-error-quark, reseau_contact_error)

const char *
reseau_text_field_label (ReseauTextField field)
{
  switch (field)
    {
    case RESEAU_FIELD_DISPLAY_NAME: return _("Display name");
    case RESEAU_FIELD_PREFIX:       return _("Prefix");
    case RESEAU_FIELD_GIVEN:        return _("First name");
    case RESEAU_FIELD_ADDITIONAL:   return _("Middle name");
    case RESEAU_FIELD_FAMILY:       return _("Last name");
    case RESEAU_FIELD_SUFFIX:       return _("Suffix");
    case RESEAU_FIELD_NICKNAME:     return _("Nickname");
    case RESEAU_FIELD_ORGANIZATION: return _("Organization");
    case RESEAU_FIELD_DEPARTMENT:   return _("Department");
    case RESEAU_FIELD_TITLE:        return _("Job title");
    case RESEAU_FIELD_BIRTHDAY:     return _("Birthday");
    case RESEAU_FIELD_NOTES:        return _("Notes");
    case RESEAU_FIELD_MET_WHERE:    return _("Where you met");
    case RESEAU_FIELD_MET_ON:       return _("When you met");
    case RESEAU_N_TEXT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Refuses invalid UTF-8, control characters (line breaks only where @multiline), and text
 * longer than @max_chars characters. */
gboolean
reseau_validate_text (const char  *label,
                      const char  *text,
                      gboolean     multiline,
                      gsize        max_chars,
                      GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_TEXT,
                   _("%s contains bytes that are not valid UTF-8 text"), label);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\n' || c == '\t'))
        continue;
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        {
          g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_TEXT,
                       multiline ? _("%s contains a control character (U+%04X)")
                                 : _("%s must be a single line without control characters (found U+%04X)"),
                       label, c);
          return FALSE;
        }
    }

  if (g_utf8_strlen (text, -1) > (glong)max_chars)
    {
      g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s is too long: at most %u character is allowed",
                                "%s is too long: at most %u characters are allowed",
                                max_chars),
                   label, (guint)max_chars);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_atext (char c)
{
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

/* A pragmatic subset of RFC 5322 addr-spec: dot-atom local part, a domain of LDH labels with
 * at least one dot (or any non-ASCII label, for internationalised domains), no CR/LF ever. */
gboolean
reseau_validate_email (const char  *address,
                       GError     **error)
{
  const char *at;
  gsize len;

  if (address == NULL || *address == '\0')
    {
      g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_EMAIL,
                   _("The email address is empty"));
      return FALSE;
    }
  len = strlen (address);
  at = strrchr (address, '@');
  if (!g_utf8_validate (address, -1, NULL) || len > 254 || at == NULL ||
      at == address || at[1] == '\0' || strchr (address, '@') != at)
    goto invalid;

  for (const char *p = address; p < at; p++)
    {
      if (*p == '.' && (p == address || p[1] == '.' || p + 1 == at))
        goto invalid;
      if (*p != '.' && !is_atext (*p) && !((guchar)*p >= 0x80))
        goto invalid;
    }
  if (strchr (at + 1, '.') == NULL)
    goto invalid;
  for (const char *p = at + 1; *p != '\0'; p++)
    {
      if (*p == '.' && (p == at + 1 || p[1] == '.' || p[1] == '\0'))
        goto invalid;
      if (*p != '.' && *p != '-' && !g_ascii_isalnum (*p) && !((guchar)*p >= 0x80))
        goto invalid;
    }
  return TRUE;

invalid:
  g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_EMAIL,
               _("“%s” is not a valid email address"),
               g_utf8_validate (address, -1, NULL) ? address : "?");
  return FALSE;
}

gboolean
reseau_validate_phone (const char  *phone,
                       GError     **error)
{
  guint digits = 0;

  for (const char *p = phone; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-.()/", *p) == NULL && !(p[0] == 'x' || p[0] == '#' || p[0] == '*'))
        {
          g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_PHONE,
                       _("“%s” is not a phone number: only digits, spaces and + - . ( ) are allowed"),
                       g_utf8_validate (phone, -1, NULL) ? phone : "?");
          return FALSE;
        }
    }
  if (digits < 2 || digits > 20)
    {
      g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_PHONE,
                   _("“%s” is not a phone number: it needs between 2 and 20 digits"),
                   phone ? phone : "");
      return FALSE;
    }
  return TRUE;
}

/* Dates are stored as ISO 8601 calendar dates (YYYY-MM-DD) and must exist in the calendar. */
gboolean
reseau_validate_date (const char  *label,
                      const char  *date,
                      GError     **error)
{
  guint y, m, d;
  char tail;
  gboolean digits = TRUE;

  if (date == NULL || *date == '\0')
    return TRUE;
  /* sscanf() alone would take "2026-+1-01" or "2026- 1-01". */
  for (guint i = 0; i < 10 && date[i] != '\0'; i++)
    digits &= i == 4 || i == 7 || g_ascii_isdigit (date[i]);
  if (strlen (date) != 10 || !digits || sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      date[4] != '-' || date[7] != '-' || y < 1800 || y > 2200 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_DATE,
                   _("%s: “%s” is not a date; use the form 2026-03-31"),
                   label, g_utf8_validate (date, -1, NULL) ? date : "?");
      return FALSE;
    }
  return TRUE;
}

/* Accepts "linkedin.com/in/someone" as well as full URLs; only http and https are kept, so a
 * link on a card can never launch something else. */
char *
reseau_normalize_url (const char  *url,
                      GError     **error)
{
  g_autofree char *full = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL || *url == '\0' || strpbrk (url, " \t\r\n") != NULL)
    goto invalid;

  scheme = g_uri_peek_scheme (url);
  full = scheme == NULL ? g_strconcat ("https://", url, NULL) : g_strdup (url);
  uri = g_uri_parse (full, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    goto invalid;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    goto invalid;
  return g_steal_pointer (&full);

invalid:
  g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_URL,
               _("“%s” is not a web address (http or https)"),
               url && g_utf8_validate (url, -1, NULL) ? url : "?");
  return NULL;
}

static gboolean
normalize_value (ReseauContactValue  *v,
                 GError             **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (v->value));
  const char * const parts[] = { v->locality, v->region, v->postal_code, v->country };

  g_free (v->value);
  v->value = g_steal_pointer (&trimmed);

  switch (v->kind)
    {
    case RESEAU_VALUE_EMAIL:
      return reseau_validate_email (v->value, error);
    case RESEAU_VALUE_PHONE:
      return reseau_validate_phone (v->value, error);
    case RESEAU_VALUE_URL:
      {
        char *url = reseau_normalize_url (v->value, error);

        if (url == NULL)
          return FALSE;
        g_free (v->value);
        v->value = url;
        if (reseau_value_type_for_url (url) == RESEAU_VALUE_TYPE_PROFILE)
          v->type = RESEAU_VALUE_TYPE_PROFILE;
        return TRUE;
      }
    case RESEAU_VALUE_ADDRESS:
      if (!reseau_validate_text (_("Address"), v->value, TRUE, RESEAU_MAX_LINE_LENGTH, error))
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (!reseau_validate_text (_("Address"), parts[i], FALSE, RESEAU_MAX_LINE_LENGTH, error))
          return FALSE;
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/**
 * reseau_contact_normalize:
 *
 * Trims single-line fields, checks every field and value and normalises links. On error,
 * @contact may be partly trimmed but nothing has been stored; the message names the field.
 */
gboolean
reseau_contact_normalize (ReseauContact  *contact,
                          GError        **error)
{
  GPtrArray *values = reseau_contact_get_values (contact);

  for (ReseauTextField f = 0; f < RESEAU_N_TEXT_FIELDS; f++)
    {
      const char *text = reseau_contact_get_text (contact, f);
      gboolean multiline = f == RESEAU_FIELD_NOTES;
      const char *label = reseau_text_field_label (f);

      if (!reseau_validate_text (label, text, multiline,
                                 multiline ? RESEAU_MAX_NOTES_LENGTH : RESEAU_MAX_LINE_LENGTH,
                                 error))
        return FALSE;
      if (!multiline)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (text));

          reseau_contact_set_text (contact, f, trimmed);
        }
    }

  if (!reseau_validate_date (reseau_text_field_label (RESEAU_FIELD_BIRTHDAY),
                             reseau_contact_get_text (contact, RESEAU_FIELD_BIRTHDAY), error) ||
      !reseau_validate_date (reseau_text_field_label (RESEAU_FIELD_MET_ON),
                             reseau_contact_get_text (contact, RESEAU_FIELD_MET_ON), error))
    return FALSE;

  if (values->len > RESEAU_MAX_VALUES)
    {
      g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_TOO_MANY_VALUES,
                   _("A card can hold at most %u emails, phones, links and addresses; this one has %u"),
                   RESEAU_MAX_VALUES, values->len);
      return FALSE;
    }
  for (guint i = values->len; i > 0; i--)
    {
      ReseauContactValue *v = g_ptr_array_index (values, i - 1);

      /* An empty row left in the editor is not an error: it is dropped. */
      if (v->kind != RESEAU_VALUE_ADDRESS && (v->value == NULL || g_strstrip (v->value)[0] == '\0'))
        {
          g_ptr_array_remove_index (values, i - 1);
          continue;
        }
      if (!normalize_value (v, error))
        return FALSE;
    }

  if (reseau_contact_get_photo (contact) != NULL &&
      g_bytes_get_size (reseau_contact_get_photo (contact)) > RESEAU_MAX_PHOTO_SIZE)
    {
      g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_TOO_LONG,
                   _("The photo is too large: at most 1 MB is allowed"));
      return FALSE;
    }
  return TRUE;
}
