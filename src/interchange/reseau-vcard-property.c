/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-vcard-property"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "reseau-line-reader.h"
#include "reseau-vcard-property.h"
#include "reseau-vcard-reader.h"

/* Content lines of RFC 2426 and RFC 6350, and of vCard 2.1 with its bare parameters,
 * QUOTED-PRINTABLE values and CHARSET parameters. */

static void
param_free (ReseauVCardParam *param)
{
  g_free (param->name);
  g_free (param->value);
  g_free (param);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauVCardParam, param_free)

void
reseau_vcard_property_free (ReseauVCardProperty *self)
{
  if (self == NULL)
    return;
  g_free (self->group);
  g_free (self->name);
  g_clear_pointer (&self->params, g_ptr_array_unref);
  g_free (self->value);
  g_free (self->raw);
  g_free (self);
}

/* The colon that ends the name and parameters: the first one outside double quotes. */
static const char *
find_value_start (const char *line,
                  gsize       length)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (line[i] == '"')
        quoted = !quoted;
      else if (line[i] == ':' && !quoted)
        return line + i;
    }
  return NULL;
}

static GStrv
split_head (const char *head,
            gsize       length)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean quoted = FALSE;
  gsize start = 0;

  for (gsize i = 0; i <= length; i++)
    {
      if (i < length && head[i] == '"')
        quoted = !quoted;
      else if (i == length || (head[i] == ';' && !quoted))
        {
          g_autofree char *token = g_strndup (head + start, i - start);

          g_strv_builder_add (builder, g_strstrip (token));
          start = i + 1;
        }
    }
  return g_strv_builder_end (builder);
}

static gboolean
is_encoding_name (const char *value)
{
  static const char * const names[] = { "QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (value, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* RFC 6868: ^n, ^^ and ^' in a parameter value. */
static char *
decode_caret (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (p[0] == '^' && (p[1] == 'n' || p[1] == '\'' || p[1] == '^'))
        {
          p++;
          g_string_append_c (out, *p == 'n' ? '\n' : *p == '\'' ? '"' : '^');
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static ReseauVCardParam *
parse_param (const char *token)
{
  ReseauVCardParam *param = g_new0 (ReseauVCardParam, 1);
  const char *eq = strchr (token, '=');
  g_autofree char *value = NULL;
  gsize len;

  if (eq == NULL)
    {
      param->name = g_strdup (is_encoding_name (token) ? "ENCODING" : "TYPE");
      param->value = g_strdup (token);
      return param;
    }

  param->name = g_ascii_strup (token, eq - token);
  g_strstrip (param->name);
  value = g_strstrip (g_strdup (eq + 1));
  len = strlen (value);
  if (len >= 2 && value[0] == '"' && value[len - 1] == '"')
    {
      memmove (value, value + 1, len - 2);
      value[len - 2] = '\0';
    }
  param->value = decode_caret (value);
  return param;
}

static gboolean
is_name (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static ReseauVCardEncoding
encoding_from_name (const char *value)
{
  if (g_ascii_strcasecmp (value, "QUOTED-PRINTABLE") == 0)
    return RESEAU_VCARD_ENCODING_QUOTED_PRINTABLE;
  if (g_ascii_strcasecmp (value, "BASE64") == 0 || g_ascii_strcasecmp (value, "B") == 0)
    return RESEAU_VCARD_ENCODING_BASE64;
  return RESEAU_VCARD_ENCODING_NONE;
}

/* @text[0..length) without the white space around it, and without the double quotes around
 * a parameter value. */
static const char *
trim (const char *text,
      gsize      *length,
      gboolean    unquote)
{
  while (*length > 0 && g_ascii_isspace (*text))
    text++, (*length)--;
  while (*length > 0 && g_ascii_isspace (text[*length - 1]))
    (*length)--;
  if (unquote && *length >= 2 && text[0] == '"' && text[*length - 1] == '"')
    text++, *length -= 2;
  return text;
}

static ReseauVCardEncoding
encoding_from_span (const char *value,
                    gsize       length)
{
  if (length == strlen ("QUOTED-PRINTABLE") && g_ascii_strncasecmp (value, "QUOTED-PRINTABLE", length) == 0)
    return RESEAU_VCARD_ENCODING_QUOTED_PRINTABLE;
  if ((length == strlen ("BASE64") && g_ascii_strncasecmp (value, "BASE64", length) == 0) ||
      (length == 1 && g_ascii_toupper (value[0]) == 'B'))
    return RESEAU_VCARD_ENCODING_BASE64;
  return RESEAU_VCARD_ENCODING_NONE;
}

/* The encoding a parameter ("ENCODING=b", or 2.1's bare "QUOTED-PRINTABLE") names. */
static ReseauVCardEncoding
param_encoding (const char *token,
                gsize       length)
{
  const char *eq = memchr (token, '=', length);
  gsize name_length;
  const char *name;

  if (eq == NULL)
    return encoding_from_span (token, length);
  name_length = eq - token;
  name = trim (token, &name_length, FALSE);
  if (name_length != strlen ("ENCODING") || g_ascii_strncasecmp (name, "ENCODING", name_length) != 0)
    return RESEAU_VCARD_ENCODING_NONE;
  length -= eq + 1 - token;
  token = trim (eq + 1, &length, TRUE);
  return encoding_from_span (token, length);
}

/* Needed before a line is unfolded, since a quoted-printable value continues on the next
 * line after a soft line break ("=" at the end) rather than after a folding space. Called on
 * every line, so it reads the parameters where they are, as split_head() and parse_param()
 * would cut them. */
ReseauVCardEncoding
reseau_vcard_line_get_encoding (const char *line,
                                gsize       length)
{
  const char *colon = find_value_start (line, length);
  gsize head = colon ? (gsize)(colon - line) : length, start = 0;
  gboolean quoted = FALSE, first = TRUE;

  for (gsize i = 0; i <= head; i++)
    {
      if (i < head && line[i] == '"')
        quoted = !quoted;
      else if (i == head || (line[i] == ';' && !quoted))
        {
          gsize token_length = i - start;
          const char *token = trim (line + start, &token_length, FALSE);
          ReseauVCardEncoding encoding = first ? RESEAU_VCARD_ENCODING_NONE
                                               : param_encoding (token, token_length);

          if (encoding != RESEAU_VCARD_ENCODING_NONE)
            return encoding;
          first = FALSE;
          start = i + 1;
        }
    }
  return RESEAU_VCARD_ENCODING_NONE;
}

static char *
decode_quoted_printable (const char *text,
                         gsize       length,
                         gsize      *out_length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '=' && i + 2 < length && g_ascii_isxdigit (text[i + 1]) &&
          g_ascii_isxdigit (text[i + 2]))
        {
          g_string_append_c (out, g_ascii_xdigit_value (text[i + 1]) * 16 +
                                  g_ascii_xdigit_value (text[i + 2]));
          i += 2;
        }
      else if (text[i] == '=' && i + 1 == length)
        break;
      else
        g_string_append_c (out, text[i]);
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
is_windows_1252_name (const char *charset)
{
  static const char * const names[] = {
    "WINDOWS-1252", "CP1252", "ISO-8859-1", "ISO8859-1", "LATIN1", "LATIN-1", "US-ASCII", "ASCII",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (charset, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Returns the value in UTF-8. vCard 3.0 and 4.0 are UTF-8 unless a CHARSET says otherwise;
 * vCard 2.1 files without one come from Windows programs, so Windows-1252 is the fallback. */
static char *
decode_text (char       **bytes_owned,
             gsize        length,
             const char  *charset,
             gboolean     v21,
             guint        number,
             gboolean    *converted,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *bytes = *bytes_owned;
  char *out;

  if (memchr (bytes, '\0', length) != NULL)
    {
      g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_INVALID_TEXT,
                   _("Line %u: the text contains a NUL byte; is this a binary file?"), number);
      return NULL;
    }
  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0)
    {
      *converted = TRUE;
      if (is_windows_1252_name (charset))
        return reseau_text_from_windows_1252 (bytes, length);
      out = g_convert (bytes, length, "UTF-8", charset, NULL, NULL, &local_error);
      if (out == NULL)
        g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_INVALID_TEXT,
                     _("Line %u: the text is not in the character set “%s” it declares"),
                     number, g_utf8_validate (charset, -1, NULL) ? charset : "?");
      return out;
    }
  if (g_utf8_validate_len (bytes, length, NULL))
    return g_steal_pointer (bytes_owned);
  if (v21 && charset == NULL)
    {
      *converted = TRUE;
      return reseau_text_from_windows_1252 (bytes, length);
    }
  g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_INVALID_TEXT,
               _("Line %u: the text is not valid UTF-8"), number);
  return NULL;
}

static void
append_param (GString                *out,
              const ReseauVCardParam *param)
{
  gboolean quote = strpbrk (param->value, ";:\"") != NULL;

  g_string_append_printf (out, ";%s=%s", param->name, quote ? "\"" : "");
  for (const char *p = param->value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "^'");
      else if (*p == '\n')
        g_string_append (out, "^n");
      else
        g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static char *
rebuild_line (const ReseauVCardProperty *self)
{
  GString *out = g_string_new (NULL);

  if (self->group != NULL)
    g_string_append_printf (out, "%s.", self->group);
  g_string_append (out, self->name);
  for (guint i = 0; i < self->params->len; i++)
    {
      const ReseauVCardParam *param = g_ptr_array_index (self->params, i);

      if (g_strcmp0 (param->name, "ENCODING") != 0 && g_strcmp0 (param->name, "CHARSET") != 0)
        append_param (out, param);
    }
  g_string_append_c (out, ':');
  for (const char *p = self->value; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      if (*p == '\r' || *p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_name (ReseauVCardProperty  *self,
            const char           *token,
            const char           *line,
            gsize                 length,
            GError              **error)
{
  const char *dot = strchr (token, '.');
  g_autofree char *excerpt = NULL;

  if (dot != NULL)
    self->group = g_strndup (token, dot - token);
  self->name = g_ascii_strup (dot ? dot + 1 : token, -1);
  if (is_name (self->name) && (self->group == NULL || is_name (self->group)))
    return TRUE;

  excerpt = reseau_text_excerpt (line, length);
  g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_MALFORMED,
               _("Line %u: “%s” is not a vCard property; it was left out"),
               self->line, excerpt);
  return FALSE;
}

/**
 * reseau_vcard_property_parse:
 *
 * Parses one unfolded content line. Fails with %RESEAU_VCARD_ERROR_MALFORMED when the line
 * is not a property, or %RESEAU_VCARD_ERROR_INVALID_TEXT when its text cannot be decoded.
 */
ReseauVCardProperty *
reseau_vcard_property_parse (const char  *line,
                             gsize        length,
                             guint        number,
                             gboolean     v21,
                             GError     **error)
{
  g_autoptr(ReseauVCardProperty) self = g_new0 (ReseauVCardProperty, 1);
  const char *colon = find_value_start (line, length);
  const char *value, *charset;
  g_auto(GStrv) tokens = NULL;
  g_autofree char *bytes = NULL;
  gsize value_length;
  gboolean converted = FALSE;
  ReseauVCardEncoding encoding = RESEAU_VCARD_ENCODING_NONE;

  self->line = number;
  self->params = g_ptr_array_new_with_free_func ((GDestroyNotify)param_free);
  if (colon == NULL)
    {
      g_autofree char *excerpt = reseau_text_excerpt (line, length);

      g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_MALFORMED,
                   _("Line %u: “%s” is not a vCard property; it was left out"), number, excerpt);
      return NULL;
    }
  if (!g_utf8_validate_len (line, colon - line, NULL))
    {
      g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_INVALID_TEXT,
                   _("Line %u: the property name is not valid text"), number);
      return NULL;
    }

  tokens = split_head (line, colon - line);
  if (!parse_name (self, tokens[0], line, length, error))
    return NULL;
  for (guint i = 1; tokens[i] != NULL; i++)
    if (tokens[i][0] != '\0')
      g_ptr_array_add (self->params, parse_param (tokens[i]));

  value = colon + 1;
  value_length = length - (value - line);
  charset = reseau_vcard_property_get_param (self, "CHARSET");
  if (reseau_vcard_property_get_param (self, "ENCODING") != NULL)
    encoding = encoding_from_name (reseau_vcard_property_get_param (self, "ENCODING"));
  if (encoding == RESEAU_VCARD_ENCODING_QUOTED_PRINTABLE)
    {
      bytes = decode_quoted_printable (value, value_length, &value_length);
      converted = TRUE;
    }
  else
    {
      bytes = g_strndup (value, value_length);
    }
  if (encoding == RESEAU_VCARD_ENCODING_BASE64)
    charset = "UTF-8";

  /* The value is taken as it is when it is already UTF-8, which most are. */
  self->value = decode_text (&bytes, value_length, charset, v21, number, &converted, error);
  if (self->value == NULL)
    return NULL;
  self->raw = converted ? rebuild_line (self) : g_strndup (line, length);
  return g_steal_pointer (&self);
}

/* The first value of parameter @name (upper case), or %NULL. */
const char *
reseau_vcard_property_get_param (const ReseauVCardProperty *self,
                                 const char                *name)
{
  for (guint i = 0; i < self->params->len; i++)
    {
      const ReseauVCardParam *param = g_ptr_array_index (self->params, i);

      if (strcmp (param->name, name) == 0)
        return param->value;
    }
  return NULL;
}

/* Whether @type is among the TYPE values, in any of their spellings: TYPE=work,pref;
 * TYPE=WORK;TYPE=pref; TYPE="work,voice"; and 2.1's bare WORK;PREF. Asked several times of
 * every email and phone, so the values are compared where they are. */
gboolean
reseau_vcard_property_has_type (const ReseauVCardProperty *self,
                                const char                *type)
{
  gsize type_length = strlen (type);

  for (guint i = 0; i < self->params->len; i++)
    {
      const ReseauVCardParam *param = g_ptr_array_index (self->params, i);
      const char *p = param->value;

      if (strcmp (param->name, "TYPE") != 0)
        continue;
      for (;;)
        {
          gsize length = strcspn (p, ",");
          const char *value = trim (p, &length, FALSE);

          if (length == type_length && g_ascii_strncasecmp (value, type, length) == 0)
            return TRUE;
          p += strcspn (p, ",");
          if (*p == '\0')
            break;
          p++;
        }
    }
  return FALSE;
}

/* RFC 6350 §3.4: \\ \, \; and \n (or \N); \: too, which some writers put in URLs.
 * vCard 2.1 only escapes the semicolon, but Android's writer also escapes \ , and :, so
 * those are accepted there too; any other backslash is kept as it is, as is a newline
 * escape in 2.1, where line breaks are quoted-printable. */
char *
reseau_vcard_unescape (const char *text,
                       gssize      length,
                       gboolean    v21)
{
  gsize len = length < 0 ? strlen (text) : (gsize)length;
  GString *out;

  /* Most values have nothing to unescape: one exact copy, not a growing buffer. */
  if (memchr (text, '\\', len) == NULL)
    return g_strndup (text, len);
  out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      char next = i + 1 < len ? text[i + 1] : '\0';

      if (text[i] == '\\' && !v21 && (next == 'n' || next == 'N'))
        {
          g_string_append_c (out, '\n');
          i++;
        }
      else if (text[i] == '\\' && (next == '\\' || next == ',' || next == ';' || next == ':'))
        {
          g_string_append_c (out, next);
          i++;
        }
      else
        {
          g_string_append_c (out, text[i]);
        }
    }
  return g_string_free (out, FALSE);
}

/* Splits a structured value (N, ADR, ORG) or a list (CATEGORIES) at unescaped separators
 * and unescapes each part. */
GStrv
reseau_vcard_split (const char *value,
                    char        separator,
                    gboolean    v21)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *start = value;

  for (const char *p = value;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == separator || *p == '\0')
        {
          g_strv_builder_take (builder, reseau_vcard_unescape (start, p - start, v21));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return g_strv_builder_end (builder);
}
