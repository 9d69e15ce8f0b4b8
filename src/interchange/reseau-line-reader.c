/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-line-reader"

#include "config.h"

#include <string.h>

#include "reseau-line-reader.h"

/* Physical lines of a text stream, whatever its line ends (CRLF, LF or a lone CR) and with a
 * byte-order mark removed (a UTF-16 one converts the stream to UTF-8). A line longer than
 * the reader's maximum is returned cut and flagged, and the rest of it is skipped without
 * being kept: memory never depends on the input. A line can be pushed back for a lookahead. */

#define CHUNK_SIZE 65536

struct _ReseauLineReader
{
  GObject       parent_instance;

  GInputStream *stream;
  gsize         max_length;
  const char   *encoding;
  guint8       *buffer;
  gsize         pos;
  gsize         len;
  guint64       offset;
  guint         number;
  gsize         next_lf;

  /* The lines pushed back, a stack of PushedLine whose buffers are kept for the next ones
   * from n_pushed on: the vCard reader pushes back every line that follows a complete one. */
  GArray       *pushed;
  guint         n_pushed;

  guint         started : 1;
  guint         eof : 1;
  guint         pending_cr : 1;
  guint         skipping : 1;
  guint         lf_known : 1;
};

typedef struct
{
  GString         *text;
  guint            number;
  ReseauLineFlags  flags;
} PushedLine;

G_DEFINE_FINAL_TYPE (ReseauLineReader, reseau_line_reader, G_TYPE_OBJECT)

static void
pushed_line_clear (PushedLine *pushed)
{
  g_string_free (pushed->text, TRUE);
}

/* Reads far enough to see a byte-order mark, then puts the stream behind the right filter. */
static gboolean
start (ReseauLineReader  *self,
       GCancellable      *cancellable,
       GError           **error)
{
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new (self->stream);
  const guint8 *head;
  const char *from = NULL;
  gsize avail, bom = 0;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (buffered), FALSE);
  while ((avail = g_buffered_input_stream_get_available (G_BUFFERED_INPUT_STREAM (buffered))) < 3)
    {
      gssize n = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 3 - avail,
                                               cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
    }
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &avail);
  if (avail >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    bom = 3;
  else if (avail >= 2 && head[0] == 0xFF && head[1] == 0xFE)
    from = "UTF-16LE";
  else if (avail >= 2 && head[0] == 0xFE && head[1] == 0xFF)
    from = "UTF-16BE";
  if (from != NULL)
    bom = 2;
  if (bom > 0 && g_input_stream_skip (buffered, bom, cancellable, error) < 0)
    return FALSE;

  g_clear_object (&self->stream);
  if (from != NULL)
    {
      g_autoptr(GCharsetConverter) converter = g_charset_converter_new ("UTF-8", from, error);

      if (converter == NULL)
        return FALSE;
      g_charset_converter_set_use_fallback (converter, TRUE);
      self->stream = g_converter_input_stream_new (buffered, G_CONVERTER (converter));
      self->encoding = "UTF-16";
    }
  else
    {
      self->stream = g_steal_pointer (&buffered);
    }
  self->started = TRUE;
  return TRUE;
}

/* Returns the number of bytes read, 0 at the end, -1 on error. */
static gssize
fill (ReseauLineReader  *self,
      GCancellable      *cancellable,
      GError           **error)
{
  gssize n;

  if (self->eof)
    return 0;
  n = g_input_stream_read (self->stream, self->buffer, CHUNK_SIZE, cancellable, error);
  if (n < 0)
    return -1;
  if (n == 0)
    self->eof = TRUE;
  self->pos = 0;
  self->len = n;
  self->offset += n;
  self->lf_known = FALSE;
  return n;
}

static const guint8 *
find_eol (const guint8 *p,
          gsize         len)
{
  for (const guint8 *end = p + len; p < end; p++)
    if (*p == '\n' || *p == '\r')
      return p;
  return NULL;
}

/* As find_eol() from @from in the buffer, with memchr(), which is far faster than a loop
 * over the bytes. The position of the next LF (or that there is none) is kept until the
 * reader passes it, so that lines ended by a lone CR do not search the rest of the buffer
 * each time. */
static const guint8 *
find_eol_in_buffer (ReseauLineReader *self,
                    gsize             from)
{
  const guint8 *start = self->buffer + from, *lf, *cr;

  if (!self->lf_known || self->next_lf < from)
    {
      lf = memchr (start, '\n', self->len - from);
      self->next_lf = lf != NULL ? (gsize)(lf - self->buffer) : self->len;
      self->lf_known = TRUE;
    }
  lf = self->buffer + self->next_lf;
  cr = memchr (start, '\r', lf - start);
  if (cr != NULL)
    return cr;
  return self->next_lf < self->len ? lf : NULL;
}

static void
past_eol (ReseauLineReader *self,
          const guint8     *eol)
{
  self->pos = eol - self->buffer + 1;
  self->pending_cr = *eol == '\r';
}

/* Drops the rest of a line returned cut, and the LF of a CRLF split between two reads. */
static gboolean
skip_leftovers (ReseauLineReader  *self,
                GCancellable      *cancellable,
                GError           **error)
{
  for (;;)
    {
      const guint8 *eol;

      if (self->pos == self->len)
        {
          gssize n = fill (self, cancellable, error);

          if (n <= 0)
            return n == 0;
        }
      if (self->pending_cr)
        {
          self->pending_cr = FALSE;
          if (self->buffer[self->pos] == '\n')
            self->pos++;
          continue;
        }
      if (!self->skipping)
        return TRUE;
      eol = find_eol (self->buffer + self->pos, self->len - self->pos);
      if (eol == NULL)
        {
          self->pos = self->len;
          continue;
        }
      past_eol (self, eol);
      self->skipping = FALSE;
    }
}

/**
 * reseau_line_reader_next:
 *
 * Reads the next line into @line, without its terminator.
 *
 * Returns: %FALSE at the end of the stream (@error unset) or on a read error.
 */
gboolean
reseau_line_reader_next (ReseauLineReader  *self,
                         GString           *line,
                         guint             *number,
                         ReseauLineFlags   *flags,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_return_val_if_fail (RESEAU_IS_LINE_READER (self), FALSE);

  g_string_truncate (line, 0);
  *flags = 0;

  if (self->n_pushed > 0)
    {
      PushedLine *pushed = &g_array_index (self->pushed, PushedLine, --self->n_pushed);

      g_string_append_len (line, pushed->text->str, pushed->text->len);
      *number = pushed->number;
      *flags = pushed->flags;
      return TRUE;
    }

  if (!self->started && !start (self, cancellable, error))
    return FALSE;
  if (!skip_leftovers (self, cancellable, error) || (self->pos == self->len && self->eof))
    return FALSE;

  *number = ++self->number;
  for (;;)
    {
      const guint8 *start_p, *eol;
      gsize chunk, room;

      if (self->pos == self->len)
        {
          gssize n = fill (self, cancellable, error);

          if (n <= 0)
            return n == 0;
        }
      start_p = self->buffer + self->pos;
      eol = find_eol_in_buffer (self, self->pos);
      chunk = (eol ? eol : self->buffer + self->len) - start_p;
      if (memchr (start_p, '\0', chunk) != NULL)
        *flags |= RESEAU_LINE_HAS_NUL;
      room = self->max_length - line->len;
      if (chunk > room)
        {
          g_string_append_len (line, (const char *)start_p, room);
          *flags |= RESEAU_LINE_TOO_LONG;
          self->pos += room;
          self->skipping = TRUE;
          return TRUE;
        }
      g_string_append_len (line, (const char *)start_p, chunk);
      if (eol != NULL)
        {
          past_eol (self, eol);
          return TRUE;
        }
      self->pos = self->len;
    }
}

/* The next call to reseau_line_reader_next() returns this line; the last pushed comes first. */
void
reseau_line_reader_push_back (ReseauLineReader *self,
                              const char       *line,
                              gsize             length,
                              guint             number,
                              ReseauLineFlags   flags)
{
  PushedLine *pushed;

  g_return_if_fail (RESEAU_IS_LINE_READER (self));

  if (self->n_pushed == self->pushed->len)
    {
      PushedLine spare = { g_string_new (NULL), 0, 0 };

      g_array_append_val (self->pushed, spare);
    }
  pushed = &g_array_index (self->pushed, PushedLine, self->n_pushed++);
  g_string_truncate (pushed->text, 0);
  g_string_append_len (pushed->text, line, length);
  pushed->number = number;
  pushed->flags = flags;
}

/* "UTF-16" when the stream started with a UTF-16 byte-order mark, else "UTF-8". */
const char *
reseau_line_reader_get_encoding (ReseauLineReader *self)
{
  g_return_val_if_fail (RESEAU_IS_LINE_READER (self), NULL);
  return self->encoding;
}

/* How many bytes have been read from the stream, for a progress bar. */
guint64
reseau_line_reader_get_offset (ReseauLineReader *self)
{
  g_return_val_if_fail (RESEAU_IS_LINE_READER (self), 0);
  return self->offset;
}

static void
reseau_line_reader_finalize (GObject *object)
{
  ReseauLineReader *self = (ReseauLineReader *)object;

  g_clear_object (&self->stream);
  g_free (self->buffer);
  g_array_unref (self->pushed);

  G_OBJECT_CLASS (reseau_line_reader_parent_class)->finalize (object);
}

static void
reseau_line_reader_class_init (ReseauLineReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reseau_line_reader_finalize;
}

static void
reseau_line_reader_init (ReseauLineReader *self)
{
  self->buffer = g_malloc (CHUNK_SIZE);
  self->encoding = "UTF-8";
  self->pushed = g_array_new (FALSE, FALSE, sizeof (PushedLine));
  g_array_set_clear_func (self->pushed, (GDestroyNotify)pushed_line_clear);
}

/* Lines are cut at @max_length bytes. The reader does not close @stream. */
ReseauLineReader *
reseau_line_reader_new (GInputStream *stream,
                        gsize         max_length)
{
  ReseauLineReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (max_length > 0, NULL);

  self = g_object_new (RESEAU_TYPE_LINE_READER, NULL);
  self->stream = g_object_ref (stream);
  self->max_length = max_length;
  return self;
}

/* Windows-1252 is what Excel and Outlook write on Western European systems. The five bytes
 * it leaves undefined become U+FFFD rather than C1 control characters. */
char *
reseau_text_from_windows_1252 (const char *text,
                               gsize       length)
{
  static const gunichar high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  };
  GString *out = g_string_sized_new (length + length / 4);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c < 0x80)
        g_string_append_c (out, c);
      else if (c < 0xA0)
        g_string_append_unichar (out, high[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A short, valid UTF-8 quotation of @text for an error message. */
char *
reseau_text_excerpt (const char *text,
                     gsize       length)
{
  g_autofree char *valid = g_utf8_make_valid (text, MIN (length, 200));
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }
  return g_string_free (out, FALSE);
}
