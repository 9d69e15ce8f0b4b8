/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "interchange-test-utils.h"
#include "reseau-csv.h"

/* Bad CSV input: specific errors with line numbers, good records kept, bounded memory. */

#define CSV_ERROR(code) RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_##code

static GPtrArray *
read_stream (GInputStream  *stream,
             GPtrArray    **problems)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = reseau_csv_read_all (stream, problems, NULL, &error);

  g_assert_no_error (error);
  return records;
}

static GPtrArray *
read_text (const char  *text,
           gssize       length,
           GPtrArray  **problems)
{
  g_autoptr(GInputStream) stream = interchange_test_string_stream (text, length);

  return read_stream (stream, problems);
}

static const char *
given_of (GPtrArray *records,
          guint      index)
{
  g_assert_cmpuint (index, <, records->len);
  return reseau_contact_get_text (((ReseauImportRecord *)records->pdata[index])->contact,
                                  RESEAU_FIELD_DISPLAY_NAME);
}

static void
test_mixed (void)
{
  g_autoptr(GInputStream) stream = interchange_test_fixture ("csv", "bad-mixed.csv");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_stream (stream, &problems);

  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpstr (given_of (records, 0), ==, "Alice Martin");
  g_assert_cmpstr (given_of (records, 1), ==, "Bob Durand");
  g_assert_cmpstr (given_of (records, 2), ==, "Chloé Petit");
  g_assert_cmpstr (given_of (records, 3), ==, "Eve");
  g_assert_cmpuint (((ReseauImportRecord *)records->pdata[3])->line, ==, 7);
  g_assert_cmpuint (problems->len, ==, 3);
  interchange_test_assert_problem (problems, 0, 3, TRUE, CSV_ERROR (EMPTY_RECORD));
  interchange_test_assert_problem (problems, 1, 4, FALSE, CSV_ERROR (INVALID_DATE));
  interchange_test_assert_problem (problems, 2, 6, TRUE, CSV_ERROR (UNTERMINATED_QUOTE));
}

/* A quoted field cut by the end of the file is one bad record, not bogus ones. */
static void
test_truncated (void)
{
  g_autoptr(GInputStream) stream = interchange_test_fixture ("csv", "bad-truncated.csv");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_stream (stream, &problems);

  g_assert_cmpuint (records->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  interchange_test_assert_problem (problems, 0, 2, TRUE, CSV_ERROR (UNTERMINATED_QUOTE));
}

static void
test_not_csv (void)
{
  static const struct {
    const char *fixture;
    const char *text;
    gsize       length;
  } cases[] = {
    { "bad-binary.csv", NULL, 0 },
    { NULL, "", 0 },
    { NULL, "\xEF\xBB\xBF", 3 },
    { NULL, "\n\n,,\n", 5 },
    { NULL, "Name,Email\nAnne\x00,a@example.org\n", 29 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;

      if (cases[i].fixture != NULL)
        stream = interchange_test_fixture ("csv", cases[i].fixture);
      else
        stream = interchange_test_string_stream (cases[i].text, cases[i].length);
      records = reseau_csv_read_all (stream, NULL, NULL, &error);
      g_test_message ("case %u: %s", i, error ? error->message : "no error");
      g_assert_error (error, RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_NOT_CSV);
      g_assert_null (records);
    }
}

/* A stray quote: the records it swallowed are read again once the record is given up. */
static void
test_stray_quote (void)
{
  for (guint n = 10; n <= 610; n += 600)
    {
      g_autoptr(GString) text = g_string_new ("Name,Email\n\"Stray,stray@example.org\n");
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GPtrArray) records = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "Person %u,p%u@example.org\n", i, i);
      records = read_text (text->str, text->len, &problems);
      g_test_message ("%u lines after the quote", n);
      g_assert_cmpuint (records->len, ==, n);
      g_assert_cmpstr (given_of (records, 0), ==, "Person 0");
      g_assert_cmpuint (((ReseauImportRecord *)records->pdata[0])->line, ==, 3);
      g_assert_cmpuint (problems->len, ==, 1);
      if (n < RESEAU_CSV_MAX_RECORD_LINES)
        interchange_test_assert_problem (problems, 0, 2, TRUE, CSV_ERROR (UNTERMINATED_QUOTE));
      else
        interchange_test_assert_problem (problems, 0, 2, TRUE, CSV_ERROR (RECORD_TOO_LARGE));
    }
}

static void
test_too_many (void)
{
  g_autoptr(GString) fields = g_string_new ("Name\nA");
  g_autoptr(GString) emails = g_string_new ("Name,Email\nB,");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = NULL;

  for (guint i = 0; i < 2 * RESEAU_CSV_MAX_FIELDS; i++)
    g_string_append (fields, ",x");
  g_string_append (fields, "\nNext\n");
  records = read_text (fields->str, fields->len, &problems);
  g_assert_cmpuint (records->len, ==, 1);
  interchange_test_assert_problem (problems, 0, 2, TRUE, CSV_ERROR (RECORD_TOO_LARGE));
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (emails, "%su%u@example.org", i ? " ::: " : "", i);
  g_string_append (emails, "\nNext,n@example.org\n");
  records = read_text (emails->str, emails->len, &problems);
  g_assert_cmpuint (records->len, ==, 1);
  interchange_test_assert_problem (problems, 0, 2, TRUE, CSV_ERROR (TOO_MANY_VALUES));
}

/* A 200 MB record is given up without being held, and the next one is read. */
static void
test_huge_line (void)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = NULL;
  glong rss_before;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  rss_before = interchange_test_max_rss_kb ();
  stream = interchange_test_repeat_stream ("Name,Notes\nHuge,", "abcdefgh", 8, 200 * 1024 * 1024,
                                           "\nAfter,x\n");
  records = read_stream (stream, &problems);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (given_of (records, 0), ==, "After");
  interchange_test_assert_problem (problems, 0, 2, TRUE, CSV_ERROR (RECORD_TOO_LARGE));
  g_assert_cmpint (interchange_test_max_rss_kb () - rss_before, <, 32 * 1024);
}

static void
test_too_many_records (void)
{
  static const char row[] = "a,b@example.org\n";
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ReseauCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  ReseauImportRecord *record;
  guint n = 0;

  stream = interchange_test_repeat_stream ("Name,Email\n", row, sizeof row - 1,
                                           11 + (RESEAU_IMPORT_MAX_RECORDS + 5) * (sizeof row - 1), "");
  reader = reseau_csv_reader_new (stream);
  while ((record = reseau_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      n++;
      reseau_import_record_free (record);
    }
  g_assert_error (error, RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_TOO_MANY_RECORDS);
  g_assert_cmpuint (n, ==, RESEAU_IMPORT_MAX_RECORDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/bad/mixed", test_mixed);
  g_test_add_func ("/csv/bad/truncated", test_truncated);
  g_test_add_func ("/csv/bad/not-csv", test_not_csv);
  g_test_add_func ("/csv/bad/stray-quote", test_stray_quote);
  g_test_add_func ("/csv/limits/too-many", test_too_many);
  g_test_add_func ("/csv/limits/huge-line", test_huge_line);
  g_test_add_func ("/csv/limits/too-many-records", test_too_many_records);

  return g_test_run ();
}
