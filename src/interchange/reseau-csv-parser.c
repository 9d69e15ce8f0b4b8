/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-csv-parser"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "reseau-csv-private.h"
#include "reseau-text.h"
#include "reseau-validate.h"

/* Splitting CSV records into fields (RFC 4180), finding the separator, reading dates. */

void
_reseau_csv_parser_init (ReseauCsvParser *parser,
                         char             separator)
{
  parser->separator = separator;
  parser->fields = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  parser->field = g_string_new (NULL);
  parser->state = RESEAU_CSV_FIELD_START;
  parser->too_many_fields = FALSE;
}

void
_reseau_csv_parser_clear (ReseauCsvParser *parser)
{
  g_clear_pointer (&parser->fields, g_ptr_array_unref);
  if (parser->field != NULL)
    g_string_free (g_steal_pointer (&parser->field), TRUE);
}

void
_reseau_csv_parser_reset (ReseauCsvParser *parser)
{
  g_ptr_array_set_size (parser->fields, 0);
  g_string_truncate (parser->field, 0);
  parser->state = RESEAU_CSV_FIELD_START;
  parser->too_many_fields = FALSE;
}

static void
parser_end_field (ReseauCsvParser *parser)
{
  if (parser->fields->len < RESEAU_CSV_MAX_FIELDS)
    g_ptr_array_add (parser->fields, g_strndup (parser->field->str, parser->field->len));
  else
    parser->too_many_fields = TRUE;
  g_string_truncate (parser->field, 0);
  parser->state = RESEAU_CSV_FIELD_START;
}

/* Returns %TRUE when the line ends the record, %FALSE inside a quoted field. */
gboolean
_reseau_csv_parser_feed (ReseauCsvParser *parser,
                         const char      *line,
                         gsize            length)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = line[i];

      switch (parser->state)
        {
        case RESEAU_CSV_FIELD_START:
        case RESEAU_CSV_UNQUOTED:
          if (c == parser->separator)
            parser_end_field (parser);
          else if (c == '"' && parser->state == RESEAU_CSV_FIELD_START)
            parser->state = RESEAU_CSV_QUOTED;
          else
            {
              g_string_append_c (parser->field, c);
              parser->state = RESEAU_CSV_UNQUOTED;
            }
          break;
        case RESEAU_CSV_QUOTED:
          if (c == '"')
            parser->state = RESEAU_CSV_QUOTE_IN_QUOTED;
          else
            g_string_append_c (parser->field, c);
          break;
        case RESEAU_CSV_QUOTE_IN_QUOTED:
          if (c == parser->separator)
            parser_end_field (parser);
          else
            {
              g_string_append_c (parser->field, c);
              parser->state = c == '"' ? RESEAU_CSV_QUOTED : RESEAU_CSV_UNQUOTED;
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (parser->state == RESEAU_CSV_QUOTED)
    {
      g_string_append_c (parser->field, '\n');
      return FALSE;
    }
  parser_end_field (parser);
  return TRUE;
}

gboolean
_reseau_csv_fields_are_blank (const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    if (*fields[i] != '\0')
      return FALSE;
  return TRUE;
}

/* Counts the fields of the sample's records for one separator, and tells whether one of
 * them is a known header row. */
static guint
score_separator (GPtrArray *sample,
                 char       separator,
                 gboolean  *known_header)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  ReseauCsvParser parser;
  guint first = 0, same = 0;

  _reseau_csv_parser_init (&parser, separator);
  *known_header = FALSE;
  for (guint i = 0; i < sample->len; i++)
    {
      const GString *line = g_ptr_array_index (sample, i);

      if (!_reseau_csv_parser_feed (&parser, line->str, line->len) && i + 1 < sample->len)
        continue;
      if (parser.fields->len > 0 && !_reseau_csv_fields_are_blank ((const char * const *)parser.fields->pdata))
        {
          /* Known exports have at least six columns. */
          if (!*known_header && parser.fields->len >= 6)
            *known_header = _reseau_csv_guess_format ((const char * const *)parser.fields->pdata) != RESEAU_CSV_FORMAT_GENERIC;
          g_array_append_val (counts, parser.fields->len);
        }
      _reseau_csv_parser_reset (&parser);
    }
  _reseau_csv_parser_clear (&parser);

  for (guint i = 0; i < counts->len; i++)
    {
      guint n = g_array_index (counts, guint, i);

      if (i == 0)
        first = n;
      else if (n == first)
        same++;
    }
  /* Consistent field counts matter most, then many fields. */
  return first > 1 ? (same + 1) * 1000 + MIN (first, 999) : 0;
}

/**
 * _reseau_csv_guess_separator:
 * @sample: (element-type GString): the first lines of the file
 *
 * The separator that splits the sample into a known header row, or else into records of
 * the same number of fields: "," by default, ";" from French Excel, a tab from "Unicode text".
 */
char
_reseau_csv_guess_separator (GPtrArray *sample)
{
  static const char separators[] = { ',', ';', '\t' };
  char separator = ',';
  guint best = 0;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gboolean known;
      guint score = score_separator (sample, separators[i], &known);

      if (known)
        score += 1000000;
      if (score > best)
        {
          best = score;
          separator = separators[i];
        }
    }
  return separator;
}

static guint
month_from_name (const char *text)
{
  static const char * const names[12][4] = {
    { "jan", "january", "janv", "janvier" }, { "feb", "february", "fevr", "fevrier" },
    { "mar", "march", "mars", NULL }, { "apr", "april", "avr", "avril" },
    { "may", "mai", NULL, NULL }, { "jun", "june", "juin", NULL },
    { "jul", "july", "juil", "juillet" }, { "aug", "august", "aout", NULL },
    { "sep", "sept", "september", "septembre" }, { "oct", "october", "octobre", NULL },
    { "nov", "november", "novembre", NULL }, { "dec", "december", "decembre", NULL },
  };
  g_autofree char *folded = reseau_text_fold (text);

  if (g_str_has_suffix (folded, "."))
    folded[strlen (folded) - 1] = '\0';
  for (guint m = 0; m < 12; m++)
    for (guint i = 0; i < 4 && names[m][i] != NULL; i++)
      if (g_str_equal (folded, names[m][i]))
        return m + 1;
  return 0;
}

/* 2025-12-22 or 2025/12/22, possibly followed by a time. */
static gboolean
scan_year_first (const char *text,
                 guint      *y,
                 guint      *m,
                 guint      *d)
{
  char sep1, sep2;
  int n = 0;

  return sscanf (text, "%4u%c%2u%c%2u%n", y, &sep1, m, &sep2, d, &n) == 5 && n == 10 &&
         sep1 == sep2 && (sep1 == '-' || sep1 == '/') && (text[n] == '\0' || text[n] == ' ' || text[n] == 'T');
}

/* 22 Dec 2025 (LinkedIn), 22 déc. 2025 */
static gboolean
scan_month_name (const char *text,
                 guint      *y,
                 guint      *m,
                 guint      *d)
{
  char month[32];
  int n = 0;

  if (sscanf (text, "%2u %31s %4u%n", d, month, y, &n) != 3 || text[n] != '\0')
    return FALSE;
  *m = month_from_name (month);
  return TRUE;
}

/* 12/22/2025, 22/12/2025, 22.12.25: the order is clear when one number is over 12. */
static gboolean
scan_numeric (const char *text,
              gboolean    day_first,
              guint      *y,
              guint      *m,
              guint      *d)
{
  guint a, b;
  char sep1, sep2;
  int year_start = 0, n = 0;

  if (sscanf (text, "%2u%c%2u%c%n%4u%n", &a, &sep1, &b, &sep2, &year_start, y, &n) != 5 ||
      text[n] != '\0' || sep1 != sep2 || strchr ("/.-", sep1) == NULL)
    return FALSE;
  if (a == 0 && b == 0)
    {
      *y = *m = *d = 0;
      return TRUE;
    }
  day_first = a > 12 || (b <= 12 && day_first);
  *d = day_first ? a : b;
  *m = day_first ? b : a;
  if (n - year_start <= 2)
    *y += *y < 30 ? 2000 : 1900;
  return TRUE;
}

/**
 * reseau_csv_parse_date:
 * @day_first: how to read an ambiguous 03/04/2025 (day first in Europe)
 *
 * Reads the dates exporters write: 2025-12-22, 2025/12/22, "22 Dec 2025" (LinkedIn),
 * "22 déc. 2025", 12/22/2025 or 22.12.2025.
 *
 * Returns: (nullable): the date as 2025-12-22, "" for Outlook's empty 0/0/00, or %NULL.
 */
char *
reseau_csv_parse_date (const char *text,
                       gboolean    day_first)
{
  g_autofree char *date = NULL;
  guint y = 0, m = 0, d = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!scan_year_first (text, &y, &m, &d) && !scan_month_name (text, &y, &m, &d) &&
      !scan_numeric (text, day_first, &y, &m, &d))
    return NULL;
  if (y == 0 && m == 0 && d == 0)
    return g_strdup ("");
  date = g_strdup_printf ("%04u-%02u-%02u", y % 10000, m % 100, d % 100);
  if (!reseau_validate_date ("", date, NULL))
    return NULL;
  return g_steal_pointer (&date);
}
