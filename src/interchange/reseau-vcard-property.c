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

/* A property, its parameters and its strings are one block; only a value converted from
 * another character set and the line rebuilt for it are allocated apart. */
typedef struct
{
  ReseauVCardProperty  property;
  char                *converted_value;
  char                *rebuilt_raw;
} PropertyBlock;

void
reseau_vcard_property_free (ReseauVCardProperty *self)
{
  PropertyBlock *block = (PropertyBlock *)self;

  if (self == NULL)
    return;
  g_free (block->converted_value);
  g_free (block->rebuilt_raw);
  g_free (block);
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

static gboolean
is_encoding_name (const char *value,
                  gsize       length)
{
  static const char * const names[] = { "QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (length == strlen (names[i]) && g_ascii_strncasecmp (value, names[i], length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_name (const char *name,
         gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '-' && name[i] != '_')
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

typedef gboolean (*TokenFunc) (const char *token,
                               gsize       length,
                               guint       index,
                               gpointer    data);

/* Calls @func on each token of the head (the part before the value's colon), split at the
 * semicolons outside double quotes and trimmed, the first one (the name) included, until
 * @func returns %FALSE. Returns the number of tokens seen. */
static guint
split_head (const char *head,
            gsize       length,
            TokenFunc   func,
            gpointer    data)
{
  gboolean quoted = FALSE;
  gsize start = 0;
  guint n = 0;

  for (gsize i = 0; i <= length; i++)
    {
      if (i < length && head[i] == '"')
        quoted = !quoted;
      else if (i == length || (head[i] == ';' && !quoted))
        {
          gsize token_length = i - start;
          const char *token = trim (head + start, &token_length, FALSE);

          n++;
          if (func != NULL && !func (token, token_length, n - 1, data))
            break;
          start = i + 1;
        }
    }
  return n;
}

static gboolean
find_encoding (const char *token,
               gsize       length,
               guint       index,
               gpointer    data)
{
  ReseauVCardEncoding *encoding = data;

  if (index > 0)
    *encoding = param_encoding (token, length);
  return *encoding == RESEAU_VCARD_ENCODING_NONE;
}

/* Needed before a line is unfolded, since a quoted-printable value continues on the next
 * line after a soft line break ("=" at the end) rather than after a folding space. Called on
 * every line, so it reads the parameters where they are, as reseau_vcard_property_parse()
 * cuts them. */
ReseauVCardEncoding
reseau_vcard_line_get_encoding (const char *line,
                                gsize       length)
{
  const char *colon = find_value_start (line, length);
  ReseauVCardEncoding encoding = RESEAU_VCARD_ENCODING_NONE;

  split_head (line, colon ? (gsize)(colon - line) : length, find_encoding, &encoding);
  return encoding;
}

/* Decodes into @out, which has room for @length bytes and a NUL; returns the length. */
static gsize
decode_quoted_printable (const char *text,
                         gsize       length,
                         char       *out)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '=' && i + 2 < length && g_ascii_isxdigit (text[i + 1]) &&
          g_ascii_isxdigit (text[i + 2]))
        {
          out[n++] = g_ascii_xdigit_value (text[i + 1]) * 16 + g_ascii_xdigit_value (text[i + 2]);
          i += 2;
        }
      else if (text[i] == '=' && i + 1 == length)
        break;
      else
        out[n++] = text[i];
    }
  out[n] = '\0';
  return n;
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

/* Returns the value in UTF-8: @bytes itself when it is UTF-8 already (@converted unset),
 * else a new string. vCard 3.0 and 4.0 are UTF-8 unless a CHARSET says otherwise; vCard 2.1
 * files without one come from Windows programs, so Windows-1252 is the fallback. */
static char *
decode_text (char        *bytes,
             gsize        length,
             const char  *charset,
             gboolean     v21,
             guint        number,
             gboolean    *converted,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *out;

  *converted = FALSE;
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
    return bytes;
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
  for (guint i = 0; i < self->n_params; i++)
    {
      const ReseauVCardParam *param = &self->params[i];

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

/* Copies @text[0..length) to @out, NUL-terminated; returns the copy and moves @out past it. */
static char *
put (char       **out,
     const char  *text,
     gsize        length)
{
  char *copy = *out;

  memcpy (copy, text, length);
  copy[length] = '\0';
  *out += length + 1;
  return copy;
}

/* As put(), in upper case: names of properties and parameters. */
static char *
put_upper (char       **out,
           const char  *text,
           gsize        length)
{
  char *copy = put (out, text, length);

  for (char *p = copy; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  return copy;
}

/* RFC 6868: ^n, ^^ and ^' in a parameter value, decoded into @out. */
static char *
put_caret_decoded (char       **out,
                   const char  *value,
                   gsize        length)
{
  char *copy = *out, *q = copy;

  for (gsize i = 0; i < length; i++)
    {
      if (value[i] == '^' && i + 1 < length &&
          (value[i + 1] == 'n' || value[i + 1] == '\'' || value[i + 1] == '^'))
        {
          i++;
          *q++ = value[i] == 'n' ? '\n' : value[i] == '\'' ? '"' : '^';
        }
      else
        *q++ = value[i];
    }
  *q = '\0';
  *out = q + 1;
  return copy;
}

/* One parameter token ("TYPE=work", "type = \"work,pref\"", or 2.1's bare "WORK"), trimmed
 * already, into @param, its strings written at @out. */
static void
parse_param (ReseauVCardParam  *param,
             const char        *token,
             gsize              length,
             char             **out)
{
  const char *eq = memchr (token, '=', length);
  gsize name_length, value_length;
  const char *name, *value;

  if (eq == NULL)
    {
      param->name = (char *)(is_encoding_name (token, length) ? "ENCODING" : "TYPE");
      param->value = put (out, token, length);
      return;
    }

  name_length = eq - token;
  name = trim (token, &name_length, FALSE);
  param->name = put_upper (out, name, name_length);
  value_length = length - (eq + 1 - token);
  value = trim (eq + 1, &value_length, TRUE);
  param->value = put_caret_decoded (out, value, value_length);
}

typedef struct
{
  ReseauVCardProperty  *property;
  char                **out;
  const char           *name;
  gsize                 name_length;
} HeadParse;

static gboolean
parse_token (const char *token,
             gsize       length,
             guint       index,
             gpointer    data)
{
  HeadParse *parse = data;

  if (index == 0)
    {
      parse->name = token;
      parse->name_length = length;
    }
  else if (length > 0)
    parse_param (&parse->property->params[parse->property->n_params++], token, length, parse->out);
  return TRUE;
}

static gboolean
parse_name (ReseauVCardProperty  *self,
            const char           *token,
            gsize                 token_length,
            char                **out)
{
  const char *dot = memchr (token, '.', token_length);
  const char *name = dot ? dot + 1 : token;
  gsize name_length = token_length - (name - token);

  if (dot != NULL)
    self->group = put (out, token, dot - token);
  self->name = put_upper (out, name, name_length);
  return is_name (self->name, name_length) &&
         (self->group == NULL || is_name (self->group, dot - token));
}

static ReseauVCardProperty *
malformed (const char  *line,
           gsize        length,
           guint        number,
           GError     **error)
{
  g_autofree char *excerpt = reseau_text_excerpt (line, length);

  g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_MALFORMED,
               _("Line %u: “%s” is not a vCard property; it was left out"), number, excerpt);
  return NULL;
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
  g_autoptr(ReseauVCardProperty) self = NULL;
  PropertyBlock *block;
  const char *colon = find_value_start (line, length);
  const char *value, *charset, *encoding_name;
  char *out, *bytes;
  gsize head_length, value_length;
  guint n_tokens;
  gboolean converted = FALSE, value_converted;
  ReseauVCardEncoding encoding = RESEAU_VCARD_ENCODING_NONE;
  HeadParse parse;

  if (colon == NULL)
    return malformed (line, length, number, error);
  head_length = colon - line;
  if (!g_utf8_validate_len (line, head_length, NULL))
    {
      g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_INVALID_TEXT,
                   _("Line %u: the property name is not valid text"), number);
      return NULL;
    }

  /* Every string is a copy of a part of the line no longer than it: group and name, the
   * parameters' names and values, the value and the line itself, each with its NUL. */
  n_tokens = split_head (line, head_length, NULL, NULL);
  block = g_malloc (sizeof (PropertyBlock) + (n_tokens - 1) * sizeof (ReseauVCardParam) +
                    2 * length + 2 * n_tokens + 4);
  block->converted_value = block->rebuilt_raw = NULL;
  self = &block->property;
  *self = (ReseauVCardProperty) { .line = number };
  self->params = (ReseauVCardParam *)(block + 1);
  out = (char *)(self->params + (n_tokens - 1));

  parse = (HeadParse) { .property = self, .out = &out };
  split_head (line, head_length, parse_token, &parse);
  if (!parse_name (self, parse.name, parse.name_length, &out))
    return malformed (line, length, number, error);

  value = colon + 1;
  value_length = length - (value - line);
  charset = reseau_vcard_property_get_param (self, "CHARSET");
  encoding_name = reseau_vcard_property_get_param (self, "ENCODING");
  if (encoding_name != NULL)
    encoding = encoding_from_name (encoding_name);
  if (encoding == RESEAU_VCARD_ENCODING_QUOTED_PRINTABLE)
    {
      bytes = out;
      value_length = decode_quoted_printable (value, value_length, bytes);
      out += value_length + 1;
      converted = TRUE;
    }
  else
    {
      bytes = put (&out, value, value_length);
    }
  if (encoding == RESEAU_VCARD_ENCODING_BASE64)
    charset = "UTF-8";

  /* The value is taken as it is when it is already UTF-8, which most are. */
  self->value = decode_text (bytes, value_length, charset, v21, number, &value_converted, error);
  if (self->value == NULL)
    return NULL;
  if (value_converted)
    block->converted_value = self->value;
  if (converted || value_converted)
    self->raw = block->rebuilt_raw = rebuild_line (self);
  else
    self->raw = put (&out, line, length);
  return g_steal_pointer (&self);
}

/* The first value of parameter @name (upper case), or %NULL. */
const char *
reseau_vcard_property_get_param (const ReseauVCardProperty *self,
                                 const char                *name)
{
  for (guint i = 0; i < self->n_params; i++)
    {
      const ReseauVCardParam *param = &self->params[i];

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

  for (guint i = 0; i < self->n_params; i++)
    {
      const ReseauVCardParam *param = &self->params[i];
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
void
reseau_vcard_unescape_append (GString    *out,
                              const char *text,
                              gsize       length,
                              gboolean    v21)
{
  const char *backslash = memchr (text, '\\', length);

  /* Most values have nothing to unescape: one copy. */
  if (backslash == NULL)
    {
      g_string_append_len (out, text, length);
      return;
    }
  g_string_append_len (out, text, backslash - text);
  for (gsize i = backslash - text; i < length; i++)
    {
      char next = i + 1 < length ? text[i + 1] : '\0';

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
}

char *
reseau_vcard_unescape (const char *text,
                       gssize      length,
                       gboolean    v21)
{
  gsize len = length < 0 ? strlen (text) : (gsize)length;
  GString *out = g_string_sized_new (len);

  reseau_vcard_unescape_append (out, text, len, v21);
  return g_string_free (out, FALSE);
}

/* Splits a structured value (N, ADR, ORG) or a list (CATEGORIES) at unescaped separators
 * and unescapes each part into @parts, one after the other, each ended by a NUL; returns
 * the number of parts. */
guint
reseau_vcard_split_into (GString    *parts,
                         const char *value,
                         char        separator,
                         gboolean    v21)
{
  const char *start = value;
  guint n = 0;

  g_string_truncate (parts, 0);
  for (const char *p = value;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == separator || *p == '\0')
        {
          reseau_vcard_unescape_append (parts, start, p - start, v21);
          g_string_append_c (parts, '\0');
          n++;
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return n;
}
