/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-vcard-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "reseau-line-reader.h"
#include "reseau-validate.h"
#include "reseau-vcard-private.h"
#include "reseau-vcard-property.h"
#include "reseau-vcard-reader.h"

/* Reads vCards 2.1, 3.0 and 4.0 one card at a time. Only the card being read is held in
 * memory, and it is bounded: a card over the limits is reported as a bad record and the
 * reader moves on to the next one, so that one broken card never costs the others. */

/* Lines tolerated before the first BEGIN:VCARD before the file is declared not a vCard. */
#define MAX_LINES_BEFORE_CARD 100

/* Above this, the buffer of the card is given back once the card is read. */
#define MAX_KEPT_BUFFER (1024 * 1024)

/* An unfolded line, kept in the text of its card from @offset. */
typedef struct
{
  gsize            offset;
  gsize            length;
  guint            number;
  ReseauLineFlags  flags;
} LogicalLine;

/* The card being read: its unfolded lines one after the other in @text, without
 * separators. Kept from card to card, so that reading a card allocates nothing. */
typedef struct
{
  GString *text;
  GArray  *lines;
  guint    start;
  gsize    bytes;
  guint    n_values;
  GError  *bad;
} Card;

struct _ReseauVCardReader
{
  GObject           parent_instance;

  ReseauLineReader *lines;
  GPtrArray        *problems;
  Card              card;

  /* The physical line being looked at, and one read ahead to see whether it continued
   * the line before it: swapped, never copied. */
  GString          *scratch;
  GString          *ahead;
  guint             ahead_number;
  ReseauLineFlags   ahead_flags;
  gboolean          has_ahead;

  guint             n_records;
  guint             lines_before_card;
  gboolean          seen_card;
  gboolean          done;
};

G_DEFINE_FINAL_TYPE (ReseauVCardReader, reseau_vcard_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (reseau-vcard-error-quark, reseau_vcard_error)

static void
add_problem (ReseauVCardReader *self,
             guint              line,
             gboolean           skipped,
             GError            *error)
{
  g_ptr_array_add (self->problems, reseau_import_problem_new (line, skipped, error));
}

static gboolean
is_base64_continuation (const char *text,
                        gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/' && text[i] != '=')
      return FALSE;
  return TRUE;
}

/* Whether the line is @expected, ignoring case and surrounding white space; called on every
 * line, so without copying it. */
static gboolean
is_line (const char *text,
         gsize       length,
         const char *expected)
{
  gsize n = strlen (expected);

  while (length > 0 && g_ascii_isspace (*text))
    text++, length--;
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  return length == n && g_ascii_strncasecmp (text, expected, n) == 0;
}

static void
swap_lines (ReseauVCardReader *self)
{
  GString *line = self->scratch;

  self->scratch = self->ahead;
  self->ahead = line;
}

/* The next physical line, in self->scratch: the one read ahead if there is one. */
static gboolean
next_physical (ReseauVCardReader  *self,
               guint              *number,
               ReseauLineFlags    *flags,
               GCancellable       *cancellable,
               GError            **error)
{
  if (self->has_ahead)
    {
      swap_lines (self);
      *number = self->ahead_number;
      *flags = self->ahead_flags;
      self->has_ahead = FALSE;
      return TRUE;
    }
  return reseau_line_reader_next (self->lines, self->scratch, number, flags, cancellable, error);
}

/* Makes self->scratch the line that next_physical() returns next. */
static void
put_back (ReseauVCardReader *self,
          guint              number,
          ReseauLineFlags    flags)
{
  g_assert (!self->has_ahead);
  swap_lines (self);
  self->ahead_number = number;
  self->ahead_flags = flags;
  self->has_ahead = TRUE;
}

/* Appends one physical line to @line, the last of @text, if it continues it: after a
 * quoted-printable soft line break (where a leading space is data, not folding), after a
 * folding space or tab (RFC 6350 §3.2), or as a bare base64 line of a vCard 2.1 photo. */
static gboolean
continues (GString             *text,
           LogicalLine         *line,
           GString             *physical,
           ReseauVCardEncoding  encoding)
{
  gboolean soft_break = encoding == RESEAU_VCARD_ENCODING_QUOTED_PRINTABLE &&
                        line->length > 0 && text->str[line->offset + line->length - 1] == '=';
  gsize skip;

  if (soft_break && !is_line (physical->str, physical->len, "END:VCARD"))
    {
      line->length--;
      g_string_truncate (text, line->offset + line->length);
      skip = 0;
    }
  else if (physical->len > 0 && (physical->str[0] == ' ' || physical->str[0] == '\t'))
    skip = 1;
  else if (encoding == RESEAU_VCARD_ENCODING_BASE64 &&
           is_base64_continuation (physical->str, physical->len))
    skip = 0;
  else
    return FALSE;

  if (line->length + physical->len - skip > RESEAU_VCARD_MAX_LINE)
    {
      line->flags |= RESEAU_LINE_TOO_LONG;
      return TRUE;
    }
  g_string_append_len (text, physical->str + skip, physical->len - skip);
  line->length += physical->len - skip;
  return TRUE;
}

/* Reads the next unfolded line to the end of @text. Returns %FALSE at the end of the
 * stream or on a read error (@error set), with @text as it was. */
static gboolean
read_logical_line (ReseauVCardReader  *self,
                   GString            *text,
                   LogicalLine        *line,
                   GCancellable       *cancellable,
                   GError            **error)
{
  ReseauVCardEncoding encoding;
  ReseauLineFlags flags;
  guint number;

  if (!next_physical (self, &line->number, &line->flags, cancellable, error))
    return FALSE;
  line->offset = text->len;
  line->length = self->scratch->len;
  g_string_append_len (text, self->scratch->str, self->scratch->len);
  /* As it has always been read (a copy that stopped at a NUL): what follows a NUL byte in
   * the first line of a property reads as NULs, so that the line is refused the same way. */
  if (line->flags & RESEAU_LINE_HAS_NUL)
    {
      char *first = text->str + line->offset;
      char *nul = memchr (first, '\0', line->length);

      if (nul != NULL)
        memset (nul, 0, line->length - (nul - first));
    }
  encoding = reseau_vcard_line_get_encoding (text->str + line->offset, line->length);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (!next_physical (self, &number, &flags, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_string_truncate (text, line->offset);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }
      if (!continues (text, line, self->scratch, encoding))
        {
          put_back (self, number, flags);
          break;
        }
      line->flags |= flags;
    }
  return TRUE;
}

/* The property name of a line not parsed yet, without its group, for counting and for
 * messages: @start and @end delimit it in @text. */
static void
find_name (const char *text,
           gsize       length,
           gsize      *start,
           gsize      *end)
{
  *start = *end = 0;
  while (*end < length && *end < 64 && text[*end] != ';' && text[*end] != ':')
    {
      if (text[*end] == '.')
        *start = *end + 1;
      (*end)++;
    }
}

static gboolean
is_value_name (const char *name,
               gsize       length)
{
  static const char * const names[] = { "EMAIL", "TEL", "URL", "ADR" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (length == strlen (names[i]) && g_ascii_strncasecmp (name, names[i], length) == 0)
      return TRUE;
  return FALSE;
}

static void
card_reset (Card  *card,
            guint  start)
{
  if (card->text->allocated_len > MAX_KEPT_BUFFER)
    {
      g_string_free (card->text, TRUE);
      card->text = g_string_new (NULL);
    }
  g_string_truncate (card->text, 0);
  g_array_set_size (card->lines, 0);
  card->start = start;
  card->bytes = 0;
  card->n_values = 0;
  g_clear_error (&card->bad);
}

/* Drops @line, the last of the card's text. */
static void
card_drop_line (Card        *card,
                LogicalLine *line)
{
  g_string_truncate (card->text, line->offset);
}

/* Keeps a line of the card being read, or marks the card bad when it grows over a limit. */
static void
card_add_line (ReseauVCardReader *self,
               Card              *card,
               LogicalLine       *line)
{
  const char *text = card->text->str + line->offset;
  gsize start, end;

  find_name (text, line->length, &start, &end);
  if (line->flags & RESEAU_LINE_TOO_LONG)
    {
      g_autofree char *name = g_ascii_strup (text + start, end - start);

      add_problem (self, line->number, FALSE,
                   g_error_new (RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_LINE_TOO_LONG,
                                _("Line %u: the %s property is longer than %u MB; it was left out"),
                                line->number, g_utf8_validate (name, -1, NULL) ? name : "?",
                                RESEAU_VCARD_MAX_LINE / (1024 * 1024)));
      card_drop_line (card, line);
      return;
    }
  card->bytes += line->length;
  if (is_value_name (text + start, end - start) && ++card->n_values > RESEAU_MAX_VALUES)
    card->bad = g_error_new (RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_TOO_MANY_VALUES,
                             _("Line %u: the card has more than %u emails, phones, links and addresses"),
                             card->start, RESEAU_MAX_VALUES);
  else if (card->lines->len >= RESEAU_VCARD_MAX_PROPERTIES)
    card->bad = g_error_new (RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_CARD_TOO_LARGE,
                             _("Line %u: the card has more than %u properties"),
                             card->start, RESEAU_VCARD_MAX_PROPERTIES);
  else if (card->bytes > RESEAU_VCARD_MAX_CARD_BYTES)
    card->bad = g_error_new (RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_CARD_TOO_LARGE,
                             _("Line %u: the card is larger than %u MB"),
                             card->start, RESEAU_VCARD_MAX_CARD_BYTES / (1024 * 1024));
  if (card->bad != NULL)
    {
      g_array_set_size (card->lines, 0);
      g_string_truncate (card->text, 0);
      return;
    }
  g_array_append_val (card->lines, *line);
}

static gboolean
card_is_v21 (Card *card)
{
  for (guint i = 0; i < card->lines->len; i++)
    {
      const LogicalLine *line = &g_array_index (card->lines, LogicalLine, i);
      const char *text = card->text->str + line->offset;

      if (line->length >= 11 && g_ascii_strncasecmp (text, "VERSION:", 8) == 0)
        return is_line (text + 8, line->length - 8, "2.1");
    }
  return FALSE;
}

/* Parses the lines of a complete card (the version is only known once it is whole).
 * Returns %NULL with @error set when the card is bad. */
static GPtrArray *
card_parse (ReseauVCardReader  *self,
            Card               *card,
            gboolean           *v21,
            guint              *bad_line,
            GError            **error)
{
  g_autoptr(GPtrArray) properties = NULL;

  *bad_line = card->start;
  if (card->bad != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&card->bad));
      return NULL;
    }

  *v21 = card_is_v21 (card);
  properties = g_ptr_array_new_full (card->lines->len, (GDestroyNotify)reseau_vcard_property_free);
  for (guint i = 0; i < card->lines->len; i++)
    {
      const LogicalLine *line = &g_array_index (card->lines, LogicalLine, i);
      g_autoptr(GError) local_error = NULL;
      ReseauVCardProperty *property;

      if (line->length == 0)
        continue;
      property = reseau_vcard_property_parse (card->text->str + line->offset, line->length, line->number, *v21,
                                              &local_error);
      if (property != NULL)
        g_ptr_array_add (properties, property);
      else if (g_error_matches (local_error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_MALFORMED))
        add_problem (self, line->number, FALSE, g_steal_pointer (&local_error));
      else
        {
          *bad_line = line->number;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&properties);
}

/* Skips what comes before the next card. Returns %FALSE at the end of the input or when
 * the input does not look like vCards at all (@error set). Lines out of a card are not
 * unfolded: looking ahead past a huge binary "line" would read it to its end. */
static gboolean
find_card (ReseauVCardReader  *self,
           guint              *start,
           GCancellable       *cancellable,
           GError            **error)
{
  ReseauLineFlags flags;
  guint number;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (!next_physical (self, &number, &flags, cancellable, &local_error))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else if (!self->seen_card)
            g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_NOT_VCARD,
                         _("This file holds no vCard: it has no BEGIN:VCARD line"));
          return FALSE;
        }
      if (is_line (self->scratch->str, self->scratch->len, "BEGIN:VCARD"))
        {
          self->seen_card = TRUE;
          *start = number;
          return TRUE;
        }
      if (self->seen_card)
        continue;
      if (flags & RESEAU_LINE_HAS_NUL)
        {
          g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_NOT_VCARD,
                       _("Line %u: this is not a vCard file but binary data"), number);
          return FALSE;
        }
      if (++self->lines_before_card > MAX_LINES_BEFORE_CARD || (flags & RESEAU_LINE_TOO_LONG))
        {
          g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_NOT_VCARD,
                       _("Line %u: this is not a vCard file; no BEGIN:VCARD line was found"),
                       number);
          return FALSE;
        }
    }
}

/* Reads up to END:VCARD. Returns %FALSE at the end of the input (the card then is reported
 * as unterminated) or on a read error (@error set). */
static gboolean
read_card (ReseauVCardReader  *self,
           Card               *card,
           GCancellable       *cancellable,
           GError            **error)
{
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      LogicalLine line;
      const char *text;

      if (!read_logical_line (self, card->text, &line, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          add_problem (self, card->start, TRUE,
                       g_error_new (RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_UNTERMINATED,
                                    _("Line %u: the card that starts here has no END:VCARD line; the file may be truncated"),
                                    card->start));
          return FALSE;
        }
      text = card->text->str + line.offset;
      if (is_line (text, line.length, "END:VCARD"))
        {
          card_drop_line (card, &line);
          return TRUE;
        }
      if (is_line (text, line.length, "BEGIN:VCARD"))
        {
          add_problem (self, card->start, TRUE,
                       g_error_new (RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_UNTERMINATED,
                                    _("Line %u: the card that starts here has no END:VCARD line before the next card"),
                                    card->start));
          card_reset (card, line.number);
          continue;
        }
      if (card->bad != NULL)
        card_drop_line (card, &line);
      else
        card_add_line (self, card, &line);
    }
}

/* The next good card, as its properties when @map is %FALSE, else as a record. */
static gpointer
next_card (ReseauVCardReader  *self,
           gboolean            map,
           gboolean           *v21,
           GCancellable       *cancellable,
           GError            **error)
{
  Card *card = &self->card;
  gpointer result = NULL;

  while (result == NULL && !self->done)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GPtrArray) properties = NULL;
      guint start, bad_line;

      if (!find_card (self, &start, cancellable, error))
        break;
      card_reset (card, start);
      if (!read_card (self, card, cancellable, error))
        break;
      if (self->n_records == RESEAU_IMPORT_MAX_RECORDS)
        {
          g_set_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_TOO_MANY_CARDS,
                       _("Line %u: the file holds more than %u cards; split it to import it"),
                       card->start, RESEAU_IMPORT_MAX_RECORDS);
          break;
        }
      properties = card_parse (self, card, v21, &bad_line, &local_error);
      if (properties == NULL)
        add_problem (self, bad_line, TRUE, g_steal_pointer (&local_error));
      else if (!map)
        result = g_steal_pointer (&properties);
      else
        {
          g_autoptr(ReseauContact) contact = NULL;
          g_auto(GStrv) categories = NULL;

          contact = _reseau_vcard_build_contact (properties, *v21, self->problems, &categories);
          result = reseau_import_record_new (contact, (const char * const *)categories, card->start);
        }
    }
  if (result == NULL)
    self->done = TRUE;
  else
    self->n_records++;

  card_reset (card, 0);
  return result;
}

/**
 * reseau_vcard_reader_next:
 *
 * Reads the next good card. Bad cards on the way are added to the problems, with their
 * first line and the reason, and skipped.
 *
 * Returns: (transfer full) (nullable): the next record, or %NULL at the end of the input
 *   or on an error that stops the reading (@error set: the input is not a vCard file, holds
 *   more than %RESEAU_IMPORT_MAX_RECORDS cards, or could not be read).
 */
ReseauImportRecord *
reseau_vcard_reader_next (ReseauVCardReader  *self,
                          GCancellable       *cancellable,
                          GError            **error)
{
  gboolean v21;

  g_return_val_if_fail (RESEAU_IS_VCARD_READER (self), NULL);
  return next_card (self, TRUE, &v21, cancellable, error);
}

/* As reseau_vcard_reader_next(), but stops at the parsed properties of the card, without
 * mapping them onto a contact: for the benchmark, which times the two steps apart. */
GPtrArray *
_reseau_vcard_reader_next_properties (ReseauVCardReader  *self,
                                      gboolean           *v21,
                                      GCancellable       *cancellable,
                                      GError            **error)
{
  g_return_val_if_fail (RESEAU_IS_VCARD_READER (self), NULL);
  return next_card (self, FALSE, v21, cancellable, error);
}

/**
 * reseau_vcard_reader_get_problems:
 *
 * Returns: (transfer none) (element-type ReseauImportProblem): the bad cards and the parts
 *   of cards left out so far, in the order of the file.
 */
GPtrArray *
reseau_vcard_reader_get_problems (ReseauVCardReader *self)
{
  g_return_val_if_fail (RESEAU_IS_VCARD_READER (self), NULL);
  return self->problems;
}

/* Bytes read so far, to show progress against the size of the file. */
guint64
reseau_vcard_reader_get_offset (ReseauVCardReader *self)
{
  g_return_val_if_fail (RESEAU_IS_VCARD_READER (self), 0);
  return reseau_line_reader_get_offset (self->lines);
}

static void
reseau_vcard_reader_finalize (GObject *object)
{
  ReseauVCardReader *self = (ReseauVCardReader *)object;

  g_clear_object (&self->lines);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_string_free (self->scratch, TRUE);
  g_string_free (self->ahead, TRUE);
  g_string_free (self->card.text, TRUE);
  g_array_unref (self->card.lines);
  g_clear_error (&self->card.bad);

  G_OBJECT_CLASS (reseau_vcard_reader_parent_class)->finalize (object);
}

static void
reseau_vcard_reader_class_init (ReseauVCardReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reseau_vcard_reader_finalize;
}

static void
reseau_vcard_reader_init (ReseauVCardReader *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_problem_free);
  self->scratch = g_string_new (NULL);
  self->ahead = g_string_new (NULL);
  self->card.text = g_string_new (NULL);
  self->card.lines = g_array_new (FALSE, FALSE, sizeof (LogicalLine));
}

/* A reader of the vCards in @stream, which it does not close. Blocking: run it in a thread. */
ReseauVCardReader *
reseau_vcard_reader_new (GInputStream *stream)
{
  ReseauVCardReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (RESEAU_TYPE_VCARD_READER, NULL);
  self->lines = reseau_line_reader_new (stream, RESEAU_VCARD_MAX_LINE);
  return self;
}

static ReseauImportRecord *
next_record (gpointer       reader,
             GCancellable  *cancellable,
             GError       **error)
{
  return reseau_vcard_reader_next (reader, cancellable, error);
}

/**
 * reseau_vcard_read_all:
 * @problems: (out) (optional) (element-type ReseauImportProblem): the bad records
 *
 * Reads every card of @stream.
 *
 * Returns: (transfer container) (element-type ReseauImportRecord): the good records, or
 *   %NULL when the reading stopped on an error.
 */
GPtrArray *
reseau_vcard_read_all (GInputStream  *stream,
                       GPtrArray    **problems,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(ReseauVCardReader) reader = reseau_vcard_reader_new (stream);

  return _reseau_import_collect (reader, next_record, reader->problems,
                                 problems, cancellable, error);
}
