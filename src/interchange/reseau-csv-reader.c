/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-csv-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "reseau-csv-private.h"
#include "reseau-line-reader.h"

/* Reads CSV files (RFC 4180, and what Excel, Google, Outlook and LinkedIn really write) one
 * record at a time, with the separator, the encoding and the header row found from the
 * first lines. A bad record is reported and skipped; only the current one is in memory.
 * The splitting into fields is in reseau-csv-parser.c, the mapping onto contacts in
 * reseau-csv-mapping.c. */

/* How much of the start of the file is looked at to find the separator and the header. */
#define SAMPLE_LINES  20
#define SAMPLE_BYTES  (256 * 1024)

typedef struct
{
  GStrv   fields;
  guint   line;
  GError *error;
} Row;

struct _ReseauCsvReader
{
  GObject           parent_instance;

  ReseauLineReader *lines;
  GPtrArray        *problems;
  GQueue            pending;
  ReseauCsvParser   parser;
  GStrv             header;
  GArray           *mapping;
  ReseauCsvFormat   format;
  guint             header_line;
  guint             n_records;
  gboolean          fallback_encoding;
  gboolean          header_read;
};

G_DEFINE_FINAL_TYPE (ReseauCsvReader, reseau_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (reseau-csv-error-quark, reseau_csv_error)

static void
row_free (Row *row)
{
  g_strfreev (row->fields);
  g_clear_error (&row->error);
  g_free (row);
}

/* The next physical line in UTF-8: as it is when it is valid UTF-8, else read as
 * Windows-1252, which is what Excel writes on Western European systems. */
static gboolean
next_line (ReseauCsvReader  *self,
           GString          *line,
           guint            *number,
           ReseauLineFlags  *flags,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autofree char *converted = NULL;

  if (!reseau_line_reader_next (self->lines, line, number, flags, cancellable, error))
    return FALSE;
  if ((*flags & RESEAU_LINE_HAS_NUL) || g_utf8_validate_len (line->str, line->len, NULL))
    return TRUE;
  self->fallback_encoding = TRUE;
  converted = reseau_text_from_windows_1252 (line->str, line->len);
  g_string_assign (line, converted);
  return TRUE;
}

/* A physical line kept while its record is read, to read it again if the record is bad. */
typedef struct
{
  GString         *text;
  guint            number;
  ReseauLineFlags  flags;
} Kept;

static void
kept_free (Kept *kept)
{
  g_string_free (kept->text, TRUE);
  g_free (kept);
}

/* Whether @line reads as a record on its own, with as many fields as the header. */
static gboolean
looks_like_record (ReseauCsvReader *self,
                   const GString   *line)
{
  ReseauCsvParser parser;
  gboolean complete;
  guint n_fields;

  if (self->header == NULL)
    return FALSE;
  _reseau_csv_parser_init (&parser, self->parser.separator);
  complete = _reseau_csv_parser_feed (&parser, line->str, line->len);
  n_fields = parser.fields->len;
  _reseau_csv_parser_clear (&parser);
  return complete && n_fields == g_strv_length (self->header);
}

/* Reports a bad record. Its lines after the first are read again as records of their own
 * when they look like records, so that a stray quote does not swallow the rest of the file;
 * a quoted field cut by the end of a truncated file is not split into bogus records. */
static Row *
bad_row (ReseauCsvReader *self,
         GPtrArray       *kept,
         guint            start,
         GError          *error)
{
  Row *row = g_new0 (Row, 1);
  gboolean recover;

  recover = kept->len > 1 && looks_like_record (self, ((Kept *)g_ptr_array_index (kept, 1))->text);
  for (guint i = kept->len; recover && i > 1; i--)
    {
      Kept *k = g_ptr_array_index (kept, i - 1);

      reseau_line_reader_push_back (self->lines, k->text->str, k->text->len, k->number, k->flags);
    }
  row->line = start;
  row->error = error;
  return row;
}

/* Returns the next record, a Row with an error for a bad one, or %NULL at the end of the
 * input or on a read error (@error set). */
static Row *
read_row (ReseauCsvReader  *self,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify)kept_free);
  ReseauCsvParser *parser = &self->parser;
  gsize bytes = 0;
  guint start = 0;
  Row *row;

  _reseau_csv_parser_reset (parser);
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      Kept *k = g_new0 (Kept, 1);

      k->text = g_string_new (NULL);
      g_ptr_array_add (kept, k);
      if (!next_line (self, k->text, &k->number, &k->flags, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (kept->len == 1)
            return NULL;
          g_ptr_array_set_size (kept, kept->len - 1);
          return bad_row (self, kept, start,
                          g_error_new (RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_UNTERMINATED_QUOTE,
                                       _("Line %u: a quoted field starts here and is never closed"),
                                       start));
        }
      if (kept->len == 1)
        start = k->number;
      bytes += k->text->len;
      if (k->flags & RESEAU_LINE_HAS_NUL)
        return bad_row (self, kept, start,
                        g_error_new (RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_INVALID_TEXT,
                                     _("Line %u: the record contains a NUL byte; is this a binary file?"),
                                     start));
      if ((k->flags & RESEAU_LINE_TOO_LONG) || bytes > RESEAU_CSV_MAX_RECORD_BYTES ||
          kept->len > RESEAU_CSV_MAX_RECORD_LINES)
        return bad_row (self, kept, start,
                        g_error_new (RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_RECORD_TOO_LARGE,
                                     _("Line %u: the record is longer than %u lines or %u kB; is a closing quote missing?"),
                                     start, RESEAU_CSV_MAX_RECORD_LINES,
                                     RESEAU_CSV_MAX_RECORD_BYTES / 1024));
      if (_reseau_csv_parser_feed (parser, k->text->str, k->text->len))
        break;
    }

  row = g_new0 (Row, 1);
  row->line = start;
  if (parser->too_many_fields)
    row->error = g_error_new (RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_RECORD_TOO_LARGE,
                              _("Line %u: the record has more than %u fields"),
                              start, RESEAU_CSV_MAX_FIELDS);
  else
    row->fields = (GStrv)g_ptr_array_steal (parser->fields, NULL);
  return row;
}

/* Reads the first lines, then puts them back for the parsing proper. */
static gboolean
sniff_separator (ReseauCsvReader  *self,
                 char             *separator,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(GPtrArray) sample = g_ptr_array_new_with_free_func ((GDestroyNotify)kept_free);
  g_autoptr(GPtrArray) texts = NULL;
  gsize bytes = 0;

  while (sample->len < SAMPLE_LINES && bytes < SAMPLE_BYTES)
    {
      g_autoptr(GError) local_error = NULL;
      Kept *k = g_new0 (Kept, 1);

      k->text = g_string_new (NULL);
      if (!next_line (self, k->text, &k->number, &k->flags, cancellable, &local_error))
        {
          kept_free (k);
          if (local_error == NULL)
            break;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_ptr_array_add (sample, k);
      bytes += k->text->len;
      if (k->flags & RESEAU_LINE_HAS_NUL)
        {
          g_set_error (error, RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_NOT_CSV,
                       _("Line %u: this is not a CSV file but binary data"), k->number);
          return FALSE;
        }
    }
  if (bytes == 0)
    {
      g_set_error (error, RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_NOT_CSV, _("The file is empty"));
      return FALSE;
    }

  texts = g_ptr_array_new ();
  for (guint i = 0; i < sample->len; i++)
    g_ptr_array_add (texts, ((Kept *)g_ptr_array_index (sample, i))->text);
  *separator = _reseau_csv_guess_separator (texts);
  for (guint i = sample->len; i > 0; i--)
    {
      Kept *k = g_ptr_array_index (sample, i - 1);

      reseau_line_reader_push_back (self->lines, k->text->str, k->text->len, k->number, k->flags);
    }
  return TRUE;
}

static void
set_header (ReseauCsvReader *self,
            Row             *row)
{
  g_strfreev (self->header);
  self->header = g_steal_pointer (&row->fields);
  self->header_line = row->line;
  self->format = _reseau_csv_guess_format ((const char * const *)self->header);
  g_array_set_size (self->mapping, 0);
  for (guint i = 0; self->header[i] != NULL; i++)
    {
      ReseauCsvColumn column;

      reseau_csv_column_guess (self->header[i], self->format, &column);
      g_array_append_val (self->mapping, column);
    }
}

/* The header is the first row of a known export, or the first with more than one column
 * named: LinkedIn's "Notes:" preamble (of varying length) only has rows of one field. A data
 * row further down that happens to look like a header does not count. */
static gboolean
looks_like_header (const char * const *fields)
{
  guint named = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    if (*fields[i] != '\0')
      named++;
  return named > 1 || _reseau_csv_guess_format (fields) != RESEAU_CSV_FORMAT_GENERIC;
}

/* Reads the first rows up to the header into @rows. Returns %FALSE on a read error. */
static gboolean
read_first_rows (ReseauCsvReader  *self,
                 GQueue           *rows,
                 GCancellable     *cancellable,
                 GError          **error)
{
  guint last_line = 0;

  while (last_line < SAMPLE_LINES)
    {
      g_autoptr(GError) local_error = NULL;
      Row *row = read_row (self, cancellable, &local_error);

      if (row == NULL && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (row == NULL)
        return TRUE;
      last_line = row->line;
      g_queue_push_tail (rows, row);
      if (row->fields == NULL)
        continue;
      /* A provisional header, so that a bad record can be recovered from meanwhile. */
      if (self->header == NULL && !_reseau_csv_fields_are_blank ((const char * const *)row->fields))
        self->header = g_strdupv (row->fields);
      if (looks_like_header ((const char * const *)row->fields))
        break;
    }
  return TRUE;
}

/**
 * reseau_csv_reader_read_header:
 *
 * Finds the separator, the encoding and the header row: the first row of a known export or
 * with several columns named (LinkedIn's comes after a "Notes:" preamble of varying
 * length), or else the first row that is not empty. Columns are then mapped from their
 * names; see reseau_csv_reader_set_mapping().
 *
 * Returns: %FALSE with @error set when the file is empty, binary or unreadable.
 */
gboolean
reseau_csv_reader_read_header (ReseauCsvReader  *self,
                               GCancellable     *cancellable,
                               GError          **error)
{
  GQueue rows = G_QUEUE_INIT;
  Row *header = NULL;
  char separator;

  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (!self->header_read, FALSE);

  self->header_read = TRUE;
  if (!sniff_separator (self, &separator, cancellable, error))
    return FALSE;
  self->parser.separator = separator;
  if (!read_first_rows (self, &rows, cancellable, error))
    {
      g_queue_clear_full (&rows, (GDestroyNotify)row_free);
      return FALSE;
    }

  for (GList *l = rows.head; l != NULL && header == NULL; l = l->next)
    {
      Row *row = l->data;

      if (row->fields != NULL && looks_like_header ((const char * const *)row->fields))
        header = row;
    }
  /* Without a header-like row, the first row that is not empty names the columns. */
  for (GList *l = rows.head; l != NULL && header == NULL; l = l->next)
    {
      Row *row = l->data;

      if (row->fields != NULL && !_reseau_csv_fields_are_blank ((const char * const *)row->fields))
        header = row;
    }
  if (header == NULL)
    {
      g_queue_clear_full (&rows, (GDestroyNotify)row_free);
      g_clear_pointer (&self->header, g_strfreev);
      g_set_error (error, RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_NOT_CSV,
                   _("The file has no header row naming its columns"));
      return FALSE;
    }
  /* What comes before the header is a preamble. */
  while (g_queue_peek_head (&rows) != header)
    row_free (g_queue_pop_head (&rows));
  set_header (self, g_queue_pop_head (&rows));
  row_free (header);
  while (!g_queue_is_empty (&rows))
    g_queue_push_tail (&self->pending, g_queue_pop_head (&rows));
  return TRUE;
}

static Row *
next_row (ReseauCsvReader  *self,
          GCancellable     *cancellable,
          GError          **error)
{
  if (!self->header_read && !reseau_csv_reader_read_header (self, cancellable, error))
    return NULL;
  if (self->header == NULL)
    return NULL;
  if (!g_queue_is_empty (&self->pending))
    return g_queue_pop_head (&self->pending);
  return read_row (self, cancellable, error);
}

/**
 * reseau_csv_reader_next_row:
 * @line: (out) (optional): the line the record starts on
 *
 * The next record as raw fields, for a preview of the columns; bad and blank records are
 * skipped (and bad ones reported).
 *
 * Returns: (transfer full) (nullable): the fields, or %NULL at the end or on error.
 */
GStrv
reseau_csv_reader_next_row (ReseauCsvReader  *self,
                            guint            *line,
                            GCancellable     *cancellable,
                            GError          **error)
{
  Row *row;

  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), NULL);

  while ((row = next_row (self, cancellable, error)) != NULL)
    {
      GStrv fields = NULL;

      if (row->error != NULL)
        g_ptr_array_add (self->problems,
                         reseau_import_problem_new (row->line, TRUE, g_steal_pointer (&row->error)));
      else if (!_reseau_csv_fields_are_blank ((const char * const *)row->fields))
        {
          fields = g_steal_pointer (&row->fields);
          if (line != NULL)
            *line = row->line;
        }
      row_free (row);
      if (fields != NULL)
        return fields;
    }
  return NULL;
}

/**
 * reseau_csv_reader_next:
 *
 * Reads the next good record and maps it onto a contact. Bad records on the way are added
 * to the problems, with their line and the reason, and skipped.
 *
 * Returns: (transfer full) (nullable): the next record, or %NULL at the end of the input
 *   or on an error that stops the reading (@error set).
 */
ReseauImportRecord *
reseau_csv_reader_next (ReseauCsvReader  *self,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_auto(GStrv) fields = NULL;
  guint line;

  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), NULL);

  while ((fields = reseau_csv_reader_next_row (self, &line, cancellable, error)) != NULL)
    {
      g_autoptr(ReseauContact) contact = NULL;
      g_autoptr(GError) local_error = NULL;
      g_auto(GStrv) categories = NULL;

      if (self->n_records == RESEAU_IMPORT_MAX_RECORDS)
        {
          g_set_error (error, RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_TOO_MANY_RECORDS,
                       _("Line %u: the file holds more than %u records; split it to import it"),
                       line, RESEAU_IMPORT_MAX_RECORDS);
          return NULL;
        }
      contact = _reseau_csv_build_contact ((const ReseauCsvColumn *)(void *)self->mapping->data,
                                           self->mapping->len, (const char * const *)fields,
                                           line, self->parser.separator == ';',
                                           self->problems, &categories, &local_error);
      if (contact != NULL)
        {
          self->n_records++;
          return reseau_import_record_new (contact, (const char * const *)categories, line);
        }
      g_ptr_array_add (self->problems,
                       reseau_import_problem_new (line, TRUE, g_steal_pointer (&local_error)));
      g_clear_pointer (&fields, g_strfreev);
    }
  return NULL;
}

ReseauCsvFormat
reseau_csv_reader_get_format (ReseauCsvReader *self)
{
  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), RESEAU_CSV_FORMAT_GENERIC);
  return self->format;
}

char
reseau_csv_reader_get_separator (ReseauCsvReader *self)
{
  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), ',');
  return self->parser.separator;
}

/* "UTF-8", "UTF-16" or "Windows-1252" once a line was not UTF-8, for the import summary. */
const char *
reseau_csv_reader_get_encoding (ReseauCsvReader *self)
{
  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), NULL);
  if (self->fallback_encoding)
    return "Windows-1252";
  return reseau_line_reader_get_encoding (self->lines);
}

/**
 * reseau_csv_reader_get_header:
 *
 * Returns: (transfer none) (nullable): the column names, once the header is read.
 */
const char * const *
reseau_csv_reader_get_header (ReseauCsvReader *self)
{
  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), NULL);
  return (const char * const *)self->header;
}

guint
reseau_csv_reader_get_header_line (ReseauCsvReader *self)
{
  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), 0);
  return self->header_line;
}

/**
 * reseau_csv_reader_get_mapping:
 *
 * Returns: (transfer none) (element-type ReseauCsvColumn): what each column holds, by
 *   column index; guessed from the header until reseau_csv_reader_set_mapping().
 */
GArray *
reseau_csv_reader_get_mapping (ReseauCsvReader *self)
{
  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), NULL);
  return self->mapping;
}

/* @mapping: (element-type ReseauCsvColumn): column index → what it holds; copied. */
void
reseau_csv_reader_set_mapping (ReseauCsvReader *self,
                               GArray          *mapping)
{
  g_return_if_fail (RESEAU_IS_CSV_READER (self));
  g_return_if_fail (mapping != NULL && g_array_get_element_size (mapping) == sizeof (ReseauCsvColumn));

  g_array_set_size (self->mapping, 0);
  g_array_append_vals (self->mapping, mapping->data, mapping->len);
}

/**
 * reseau_csv_reader_get_problems:
 *
 * Returns: (transfer none) (element-type ReseauImportProblem): the bad records and the
 *   parts of records left out so far, in the order of the file.
 */
GPtrArray *
reseau_csv_reader_get_problems (ReseauCsvReader *self)
{
  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), NULL);
  return self->problems;
}

guint64
reseau_csv_reader_get_offset (ReseauCsvReader *self)
{
  g_return_val_if_fail (RESEAU_IS_CSV_READER (self), 0);
  return reseau_line_reader_get_offset (self->lines);
}

static void
reseau_csv_reader_finalize (GObject *object)
{
  ReseauCsvReader *self = (ReseauCsvReader *)object;

  g_clear_object (&self->lines);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_queue_clear_full (&self->pending, (GDestroyNotify)row_free);
  _reseau_csv_parser_clear (&self->parser);
  g_strfreev (self->header);
  g_array_unref (self->mapping);

  G_OBJECT_CLASS (reseau_csv_reader_parent_class)->finalize (object);
}

static void
reseau_csv_reader_class_init (ReseauCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reseau_csv_reader_finalize;
}

static void
reseau_csv_reader_init (ReseauCsvReader *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_problem_free);
  self->mapping = g_array_new (FALSE, TRUE, sizeof (ReseauCsvColumn));
  g_queue_init (&self->pending);
  _reseau_csv_parser_init (&self->parser, ',');
}

/* A reader of the CSV in @stream, which it does not close. Blocking: run it in a thread. */
ReseauCsvReader *
reseau_csv_reader_new (GInputStream *stream)
{
  ReseauCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (RESEAU_TYPE_CSV_READER, NULL);
  self->lines = reseau_line_reader_new (stream, RESEAU_CSV_MAX_RECORD_BYTES);
  return self;
}

static ReseauImportRecord *
next_record (gpointer       reader,
             GCancellable  *cancellable,
             GError       **error)
{
  return reseau_csv_reader_next (reader, cancellable, error);
}

/**
 * reseau_csv_read_all:
 * @problems: (out) (optional) (element-type ReseauImportProblem): the bad records
 *
 * Reads every record of @stream with the columns guessed from its header.
 *
 * Returns: (transfer container) (element-type ReseauImportRecord): the good records, or
 *   %NULL when the reading stopped on an error.
 */
GPtrArray *
reseau_csv_read_all (GInputStream  *stream,
                     GPtrArray    **problems,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(ReseauCsvReader) reader = reseau_csv_reader_new (stream);

  if (!reseau_csv_reader_read_header (reader, cancellable, error))
    return NULL;
  return _reseau_import_collect (reader, next_record, reader->problems,
                                 problems, cancellable, error);
}
