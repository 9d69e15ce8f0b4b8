/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-template"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "reseau-template.h"

typedef enum
{
  FIELD_FIRST_NAME,
  FIELD_LAST_NAME,
  FIELD_FULL_NAME,
  FIELD_ORGANIZATION,
  FIELD_TITLE,
  FIELD_LOCALITY,
  N_FIELDS
} Field;

static const ReseauMergeField merge_fields[N_FIELDS] = {
  [FIELD_FIRST_NAME]   = { "first_name",   N_("First name") },
  [FIELD_LAST_NAME]    = { "last_name",    N_("Last name") },
  [FIELD_FULL_NAME]    = { "full_name",    N_("Full name") },
  [FIELD_ORGANIZATION] = { "organization", N_("Organization") },
  [FIELD_TITLE]        = { "title",        N_("Job title") },
  [FIELD_LOCALITY]     = { "locality",     N_("City") },
};

/* A template is a list of pieces: literal text (field == -1) or a field with its fallback. */
typedef struct
{
  int   field;
  char *text;
} Piece;

struct _ReseauTemplate
{
  GObject  parent_instance;

  char    *text;
  GArray  *pieces;
  guint    uses;   /* bit per Field */
};

G_DEFINE_FINAL_TYPE (ReseauTemplate, reseau_template, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------------------------- */
/* Errors that know where they are */

typedef struct
{
  guint line;
  guint column;
  gsize offset;
  gsize length;
} ReseauTemplateErrorPrivate;

static void
reseau_template_error_private_init (ReseauTemplateErrorPrivate *priv)
{
}

static void
reseau_template_error_private_copy (const ReseauTemplateErrorPrivate *src,
                                    ReseauTemplateErrorPrivate       *dest)
{
  if (src != NULL && dest != NULL)
    *dest = *src;
}

static void
reseau_template_error_private_clear (ReseauTemplateErrorPrivate *priv)
{
}

/* GLib's macro casts its byte pointer to the private struct; GError allocations are
 * suitably aligned, which clang's -Wcast-align cannot know. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (ReseauTemplateError, reseau_template_error)
#pragma GCC diagnostic pop

gboolean
reseau_template_error_get_position (const GError *error,
                                    guint        *line,
                                    guint        *column,
                                    gsize        *offset,
                                    gsize        *length)
{
  ReseauTemplateErrorPrivate *priv;

  if (error == NULL || error->domain != RESEAU_TEMPLATE_ERROR)
    return FALSE;

  priv = reseau_template_error_get_private (error);
  if (priv == NULL)
    return FALSE;
  if (line != NULL)
    *line = priv->line;
  if (column != NULL)
    *column = priv->column;
  if (offset != NULL)
    *offset = priv->offset;
  if (length != NULL)
    *length = priv->length;
  return TRUE;
}

G_GNUC_PRINTF (6, 7)
static void
set_error (GError     **error,
           const char  *text,
           gsize        offset,
           gsize        length,
           int          code,
           const char  *format,
           ...)
{
  g_autofree char *problem = NULL;
  ReseauTemplateErrorPrivate *priv;
  GError *new_error;
  guint line = 1;
  guint column = 1;
  va_list args;

  for (const char *p = text; p < text + offset; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "Line 2, column 7: unknown merge field “{fist_name}”" */
  new_error = g_error_new (RESEAU_TEMPLATE_ERROR, code, _("Line %u, column %u: %s"),
                           line, column, problem);
  priv = reseau_template_error_get_private (new_error);
  g_assert (priv != NULL);
  *priv = (ReseauTemplateErrorPrivate) { line, column, offset, length };
  g_propagate_error (error, new_error);
}

/* ---------------------------------------------------------------------------------------- */
/* Merge fields */

const ReseauMergeField *
reseau_merge_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = N_FIELDS;
  return merge_fields;
}

const char *
reseau_merge_field_get_label (const ReseauMergeField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

static int
lookup_field (const char *name,
              gsize       len)
{
  for (int i = 0; i < N_FIELDS; i++)
    if (strlen (merge_fields[i].name) == len && g_ascii_strncasecmp (merge_fields[i].name, name, len) == 0)
      return i;
  return -1;
}

/* The known field closest to a mistyped one, if it is only a typo away. */
static const char *
suggest_field (const char *name)
{
  const char *best = NULL;
  guint best_distance = strlen (name) >= 8 ? 3 : 2;

  for (int i = 0; i < N_FIELDS; i++)
    {
      const char *known = merge_fields[i].name;
      gsize n = strlen (name), m = strlen (known);
      g_autofree guint *row = g_new (guint, m + 1);

      for (gsize j = 0; j <= m; j++)
        row[j] = j;
      for (gsize k = 1; k <= n; k++)
        {
          guint diagonal = row[0];

          row[0] = k;
          for (gsize j = 1; j <= m; j++)
            {
              guint above = row[j];
              guint cost = g_ascii_tolower (name[k - 1]) == known[j - 1] ? 0 : 1;

              row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
              diagonal = above;
            }
        }
      if (row[m] < best_distance)
        {
          best_distance = row[m];
          best = known;
        }
    }
  return best;
}

/* ---------------------------------------------------------------------------------------- */
/* Parsing */

static void
piece_clear (Piece *piece)
{
  g_clear_pointer (&piece->text, g_free);
}

static void
add_literal (ReseauTemplate *self,
             GString        *literal)
{
  Piece piece = { -1, NULL };

  if (literal->len == 0)
    return;
  piece.text = g_strndup (literal->str, literal->len);
  g_array_append_val (self->pieces, piece);
  g_string_truncate (literal, 0);
}

/* Parses the field that starts at text[start] == '{' and returns the offset just after its
 * closing brace, or 0 after setting @error. */
static gsize
parse_field (ReseauTemplate  *self,
             const char      *text,
             gsize            start,
             GError         **error)
{
  g_autofree char *name = NULL;
  const char *open = text + start;
  const char *close = open + 1 + strcspn (open + 1, "{}\n");
  const char *bar;
  Piece piece = { -1, NULL };

  if (*close != '}')
    {
      set_error (error, text, start, 1, RESEAU_TEMPLATE_ERROR_SYNTAX,
                 _("“{” is not closed; write “{{” for a brace"));
      return 0;
    }

  bar = memchr (open + 1, '|', close - open - 1);
  name = g_strstrip (g_strndup (open + 1, (bar != NULL ? bar : close) - open - 1));
  if (*name == '\0')
    {
      set_error (error, text, start, close + 1 - open, RESEAU_TEMPLATE_ERROR_SYNTAX,
                 _("empty merge field “%.*s”"), (int)(close + 1 - open), open);
      return 0;
    }

  piece.field = lookup_field (name, strlen (name));
  if (piece.field < 0)
    {
      const char *suggestion = suggest_field (name);

      if (suggestion != NULL)
        set_error (error, text, start, close + 1 - open, RESEAU_TEMPLATE_ERROR_UNKNOWN_FIELD,
                   _("unknown merge field “{%s}”; did you mean “{%s}”?"), name, suggestion);
      else
        set_error (error, text, start, close + 1 - open, RESEAU_TEMPLATE_ERROR_UNKNOWN_FIELD,
                   _("unknown merge field “{%s}”"), name);
      return 0;
    }

  if (bar != NULL && bar + 1 < close)
    piece.text = g_strndup (bar + 1, close - bar - 1);
  g_array_append_val (self->pieces, piece);
  self->uses |= 1u << piece.field;

  return close + 1 - text;
}

static gboolean
parse (ReseauTemplate  *self,
       GError         **error)
{
  g_autoptr(GString) literal = g_string_new (NULL);
  const char *text = self->text;
  const char *invalid;
  gsize i = 0;

  if (!g_utf8_validate (text, -1, &invalid))
    {
      g_autofree char *valid = g_strndup (text, invalid - text);

      set_error (error, valid, invalid - text, 1, RESEAU_TEMPLATE_ERROR_SYNTAX,
                 _("this is not valid UTF-8 text"));
      return FALSE;
    }

  while (text[i] != '\0')
    {
      gsize run = strcspn (text + i, "{}");

      g_string_append_len (literal, text + i, run);
      i += run;
      if (text[i] == '\0')
        break;

      if (text[i + 1] == text[i])
        {
          g_string_append_c (literal, text[i]);
          i += 2;
        }
      else if (text[i] == '}')
        {
          set_error (error, text, i, 1, RESEAU_TEMPLATE_ERROR_SYNTAX,
                     _("“}” without a matching “{”; write “}}” for a brace"));
          return FALSE;
        }
      else
        {
          add_literal (self, literal);
          if ((i = parse_field (self, text, i, error)) == 0)
            return FALSE;
        }
    }
  add_literal (self, literal);

  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Rendering */

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  while (g_ascii_isspace (*value))
    value++;
  return *value == '\0';
}

/* The name to greet someone by: what the user chose to show, or the name parts, or the
 * nickname — never the organisation or the email address that the contact list falls back
 * to, which would read oddly in "Dear {full_name}". */
static void
append_full_name (GString       *out,
                  ReseauContact *contact)
{
  const char *display = reseau_contact_get_text (contact, RESEAU_FIELD_DISPLAY_NAME);
  gsize start = out->len;

  if (!is_blank (display))
    {
      g_string_append (out, display);
      return;
    }
  for (ReseauTextField f = RESEAU_FIELD_PREFIX; f <= RESEAU_FIELD_SUFFIX; f++)
    {
      const char *part = reseau_contact_get_text (contact, f);

      if (is_blank (part))
        continue;
      if (out->len > start)
        g_string_append_c (out, ' ');
      g_string_append (out, part);
    }
  if (out->len == start)
    {
      const char *nickname = reseau_contact_get_text (contact, RESEAU_FIELD_NICKNAME);

      if (!is_blank (nickname))
        g_string_append (out, nickname);
    }
}

static const char *
get_locality (ReseauContact *contact)
{
  GPtrArray *values = reseau_contact_get_values (contact);

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const ReseauContactValue *value = g_ptr_array_index (values, i);

      if (value->kind == RESEAU_VALUE_ADDRESS && !is_blank (value->locality))
        return value->locality;
    }
  return NULL;
}

static void
append_field (GString       *out,
              Field          field,
              ReseauContact *contact)
{
  const char *value = NULL;

  switch (field)
    {
    case FIELD_FIRST_NAME:   value = reseau_contact_get_text (contact, RESEAU_FIELD_GIVEN); break;
    case FIELD_LAST_NAME:    value = reseau_contact_get_text (contact, RESEAU_FIELD_FAMILY); break;
    case FIELD_ORGANIZATION: value = reseau_contact_get_text (contact, RESEAU_FIELD_ORGANIZATION); break;
    case FIELD_TITLE:        value = reseau_contact_get_text (contact, RESEAU_FIELD_TITLE); break;
    case FIELD_LOCALITY:     value = get_locality (contact); break;
    case FIELD_FULL_NAME:    append_full_name (out, contact); return;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  if (!is_blank (value))
    g_string_append (out, value);
}

char *
reseau_template_render (ReseauTemplate *self,
                        ReseauContact  *contact)
{
  GString *out;

  g_return_val_if_fail (RESEAU_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (RESEAU_IS_CONTACT (contact), NULL);

  out = g_string_sized_new (strlen (self->text) + 32);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      gsize before = out->len;

      if (piece->field < 0)
        {
          g_string_append (out, piece->text);
          continue;
        }
      append_field (out, piece->field, contact);
      if (out->len == before && piece->text != NULL)
        g_string_append (out, piece->text);
    }

  return g_string_free_and_steal (out);
}

/* ---------------------------------------------------------------------------------------- */
/* Life cycle */

static void
reseau_template_finalize (GObject *object)
{
  ReseauTemplate *self = RESEAU_TEMPLATE (object);

  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (reseau_template_parent_class)->finalize (object);
}

static void
reseau_template_class_init (ReseauTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reseau_template_finalize;
}

static void
reseau_template_init (ReseauTemplate *self)
{
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_array_set_clear_func (self->pieces, (GDestroyNotify)piece_clear);
}

ReseauTemplate *
reseau_template_new (const char  *text,
                     GError     **error)
{
  g_autoptr(ReseauTemplate) self = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RESEAU_TYPE_TEMPLATE, NULL);
  self->text = g_strdup (text);
  if (!parse (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
reseau_template_get_text (ReseauTemplate *self)
{
  g_return_val_if_fail (RESEAU_IS_TEMPLATE (self), NULL);

  return self->text;
}

gboolean
reseau_template_uses_field (ReseauTemplate *self,
                            const char     *name)
{
  int field;

  g_return_val_if_fail (RESEAU_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  field = lookup_field (name, strlen (name));
  return field >= 0 && (self->uses & (1u << field)) != 0;
}
