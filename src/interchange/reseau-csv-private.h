/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-csv.h"

G_BEGIN_DECLS

typedef enum
{
  RESEAU_CSV_FIELD_START,
  RESEAU_CSV_UNQUOTED,
  RESEAU_CSV_QUOTED,
  RESEAU_CSV_QUOTE_IN_QUOTED,
} ReseauCsvFieldState;

/* Splits a record into fields, one physical line at a time, so that a quoted field can
 * span lines. Quotes in the middle of an unquoted field are kept as they are, as are
 * characters after a closing quote: lenient, since hand-edited files have both. */
typedef struct
{
  char                 separator;
  GPtrArray           *fields;
  GString             *field;
  ReseauCsvFieldState  state;
  gboolean             too_many_fields;
} ReseauCsvParser;

void            _reseau_csv_parser_init     (ReseauCsvParser       *parser,
                                             char                   separator);
void            _reseau_csv_parser_clear    (ReseauCsvParser       *parser);
void            _reseau_csv_parser_reset    (ReseauCsvParser       *parser);
gboolean        _reseau_csv_parser_feed     (ReseauCsvParser       *parser,
                                             const char            *line,
                                             gsize                  length);
gboolean        _reseau_csv_fields_are_blank (const char * const   *fields);
char            _reseau_csv_guess_separator (GPtrArray             *sample);

ReseauCsvFormat _reseau_csv_guess_format   (const char * const    *header);
ReseauContact  *_reseau_csv_build_contact  (const ReseauCsvColumn *columns,
                                            guint                  n_columns,
                                            const char * const    *fields,
                                            guint                  line,
                                            gboolean               day_first,
                                            GPtrArray             *problems,
                                            GStrv                 *categories,
                                            GError               **error);

G_END_DECLS
