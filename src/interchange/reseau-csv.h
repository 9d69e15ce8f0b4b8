/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-import-record.h"

G_BEGIN_DECLS

#define RESEAU_CSV_ERROR (reseau_csv_error_quark ())

typedef enum
{
  RESEAU_CSV_ERROR_NOT_CSV,             /* fatal: empty, binary, or no header row */
  RESEAU_CSV_ERROR_TOO_MANY_RECORDS,    /* fatal: more than RESEAU_IMPORT_MAX_RECORDS */
  RESEAU_CSV_ERROR_UNTERMINATED_QUOTE,
  RESEAU_CSV_ERROR_RECORD_TOO_LARGE,    /* too many bytes, lines or fields */
  RESEAU_CSV_ERROR_INVALID_TEXT,        /* a NUL byte */
  RESEAU_CSV_ERROR_EMPTY_RECORD,        /* nothing in the row maps to a name, value or company */
  RESEAU_CSV_ERROR_TOO_MANY_VALUES,
  RESEAU_CSV_ERROR_INVALID_DATE,        /* the date was left out, the record kept */
} ReseauCsvError;

/* Limits per record; a record over them is reported as a bad record. */
#define RESEAU_CSV_MAX_RECORD_BYTES  (1024 * 1024)
#define RESEAU_CSV_MAX_RECORD_LINES  500
#define RESEAU_CSV_MAX_FIELDS        1000

/* The exporters whose header rows are recognised; any other CSV is GENERIC, with columns
 * guessed from their names ("E-mail", "Prénom"…) for the column-mapping dialog to correct. */
typedef enum
{
  RESEAU_CSV_FORMAT_GENERIC,
  RESEAU_CSV_FORMAT_LINKEDIN,
  RESEAU_CSV_FORMAT_GOOGLE,
  RESEAU_CSV_FORMAT_OUTLOOK,
} ReseauCsvFormat;

typedef enum
{
  RESEAU_CSV_IGNORE,
  RESEAU_CSV_TEXT,            /* the text field @field */
  RESEAU_CSV_VALUE,           /* an email, phone or link of @kind and @type, or an address's street */
  RESEAU_CSV_VALUE_LABEL,     /* the type, as text ("Work", "* Home"), of the @kind value in @group */
  RESEAU_CSV_LOCALITY,        /* the parts of the address in @group */
  RESEAU_CSV_REGION,
  RESEAU_CSV_POSTAL_CODE,
  RESEAU_CSV_COUNTRY,
  RESEAU_CSV_CATEGORIES,      /* circles: "a ::: b", "a;b" or "a,b" */
} ReseauCsvTarget;

/* What one column holds. Columns of the same @kind and @group describe one value: "E-mail 2 -
 * Label" and "E-mail 2 - Value", or "Business Street" and "Business City". */
typedef struct
{
  ReseauCsvTarget  target;
  ReseauTextField  field;
  ReseauValueKind  kind;
  ReseauValueType  type;
  guint            group;
} ReseauCsvColumn;

#define RESEAU_TYPE_CSV_READER (reseau_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (ReseauCsvReader, reseau_csv_reader, RESEAU, CSV_READER, GObject)

GQuark               reseau_csv_error_quark          (void);
gboolean             reseau_csv_column_guess         (const char             *header,
                                                      ReseauCsvFormat         format,
                                                      ReseauCsvColumn        *column);
char                *reseau_csv_parse_date           (const char             *text,
                                                      gboolean                day_first);

ReseauCsvReader     *reseau_csv_reader_new           (GInputStream           *stream);
gboolean             reseau_csv_reader_read_header   (ReseauCsvReader        *self,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
ReseauCsvFormat      reseau_csv_reader_get_format    (ReseauCsvReader        *self);
char                 reseau_csv_reader_get_separator (ReseauCsvReader        *self);
const char          *reseau_csv_reader_get_encoding  (ReseauCsvReader        *self);
const char * const  *reseau_csv_reader_get_header    (ReseauCsvReader        *self);
guint                reseau_csv_reader_get_header_line (ReseauCsvReader      *self);
GArray              *reseau_csv_reader_get_mapping   (ReseauCsvReader        *self);
void                 reseau_csv_reader_set_mapping   (ReseauCsvReader        *self,
                                                      GArray                 *mapping);
GStrv                reseau_csv_reader_next_row      (ReseauCsvReader        *self,
                                                      guint                  *line,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
ReseauImportRecord  *reseau_csv_reader_next          (ReseauCsvReader        *self,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
GPtrArray           *reseau_csv_reader_get_problems  (ReseauCsvReader        *self);
guint64              reseau_csv_reader_get_offset    (ReseauCsvReader        *self);

GPtrArray           *reseau_csv_read_all             (GInputStream           *stream,
                                                      GPtrArray             **problems,
                                                      GCancellable           *cancellable,
                                                      GError                **error);

gboolean             reseau_csv_write                (GOutputStream          *stream,
                                                      GPtrArray              *contacts,
                                                      GPtrArray              *categories,
                                                      GCancellable           *cancellable,
                                                      GError                **error);

G_END_DECLS
