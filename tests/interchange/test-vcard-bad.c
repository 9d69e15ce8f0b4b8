/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "interchange-test-utils.h"
#include "reseau-validate.h"
#include "reseau-vcard-reader.h"

/* Bad input: each case gives its own error with a line number, the good cards around a bad
 * one are kept, and memory stays bounded whatever the size of the input. */

#define VCARD_ERROR(code) RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_##code

static GPtrArray *
read_stream (GInputStream  *stream,
             GPtrArray    **problems,
             GError       **error)
{
  return reseau_vcard_read_all (stream, problems, NULL, error);
}

static GPtrArray *
read_text (const char  *text,
           gssize       length,
           GPtrArray  **problems)
{
  g_autoptr(GInputStream) stream = interchange_test_string_stream (text, length);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = read_stream (stream, problems, &error);

  g_assert_no_error (error);
  return records;
}

static const char *
name_of (GPtrArray *records,
         guint      index)
{
  ReseauImportRecord *record = g_ptr_array_index (records, index);

  return reseau_contact_get_text (record->contact, RESEAU_FIELD_DISPLAY_NAME);
}

/* Good cards around bad ones are kept; each bad one is reported with its line. */
static void
test_mixed (void)
{
  g_autoptr(GInputStream) stream = interchange_test_fixture ("vcard", "bad-mixed.vcf");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_stream (stream, &problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (name_of (records, 0), ==, "Good One");
  g_assert_cmpstr (name_of (records, 1), ==, "Good Two");
  g_assert_cmpstr (name_of (records, 2), ==, "Good Three");
  g_assert_cmpuint (((ReseauImportRecord *)records->pdata[2])->line, ==, 20);
  g_assert_cmpuint (problems->len, ==, 5);
  interchange_test_assert_problem (problems, 0, 6, TRUE, VCARD_ERROR (UNTERMINATED));
  interchange_test_assert_problem (problems, 1, 13, FALSE, VCARD_ERROR (MALFORMED));
  interchange_test_assert_problem (problems, 2, 18, TRUE, VCARD_ERROR (INVALID_TEXT));
  interchange_test_assert_problem (problems, 3, 23, FALSE, VCARD_ERROR (PHOTO));
  interchange_test_assert_problem (problems, 4, 25, TRUE, VCARD_ERROR (UNTERMINATED));
}

static void
test_truncated (void)
{
  g_autoptr(GInputStream) stream = interchange_test_fixture ("vcard", "bad-truncated.vcf");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_stream (stream, &problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  interchange_test_assert_problem (problems, 0, 1, TRUE, VCARD_ERROR (UNTERMINATED));
}

static void
test_not_vcard (void)
{
  static const struct {
    const char *fixture;
    const char *text;
    gsize       length;
  } cases[] = {
    { "bad-binary.vcf", NULL, 0 },
    { NULL, "", 0 },
    { NULL, "\xEF\xBB\xBF", 3 },
    { NULL, "Name,Email\nAnne,anne@example.org\n", 33 },
    { NULL, "%PDF-1.4\n\x00\x01\x02 BEGIN:VCARD\n", 25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;

      if (cases[i].fixture != NULL)
        stream = interchange_test_fixture ("vcard", cases[i].fixture);
      else
        stream = interchange_test_string_stream (cases[i].text, cases[i].length);
      records = read_stream (stream, NULL, &error);
      g_test_message ("case %u: %s", i, error ? error->message : "no error");
      g_assert_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_NOT_VCARD);
      g_assert_null (records);
    }
}

static void
test_invalid_text (void)
{
  static const char * const texts[] = {
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Caf\xE9\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:a\xC3\r\nFN:ok\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=X-NO-SUCH-CHARSET:ok\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=00b\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:\xFF\xFE\r\nEND:VCARD\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GPtrArray) records = read_text (texts[i], -1, &problems);

      g_assert_cmpuint (records->len, ==, 0);
      g_assert_cmpuint (problems->len, ==, 1);
      interchange_test_assert_problem (problems, 0, 3, TRUE, VCARD_ERROR (INVALID_TEXT));
    }
}

/* The card is rejected as a whole, without keeping 10 000 values, and the next one is read. */
static void
test_many_emails (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Spam\r\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "EMAIL:user%u@example.org\r\n", i);
  g_string_append (text, "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Next\r\nEND:VCARD\r\n");
  records = read_text (text->str, text->len, &problems);

  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (name_of (records, 0), ==, "Next");
  g_assert_cmpuint (((ReseauImportRecord *)records->pdata[0])->line, ==, 10005);
  g_assert_cmpuint (problems->len, ==, 1);
  interchange_test_assert_problem (problems, 0, 1, TRUE, VCARD_ERROR (TOO_MANY_VALUES));
}

static void
test_card_too_large (void)
{
  g_autoptr(GString) many = g_string_new ("BEGIN:VCARD\r\nFN:A\r\n");
  g_autoptr(GString) big = g_string_new ("BEGIN:VCARD\r\nFN:B\r\n");
  g_autofree char *chunk = g_strnfill (1024 * 1024, 'x');
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = NULL;

  for (guint i = 0; i <= RESEAU_VCARD_MAX_PROPERTIES; i++)
    g_string_append_printf (many, "X-THING:%u\r\n", i);
  g_string_append (many, "END:VCARD\r\n");
  records = read_text (many->str, many->len, &problems);
  g_assert_cmpuint (records->len, ==, 0);
  interchange_test_assert_problem (problems, 0, 1, TRUE, VCARD_ERROR (CARD_TOO_LARGE));
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  for (guint i = 0; i < 9; i++)
    g_string_append_printf (big, "X-THING-%u:%s\r\n", i, chunk);
  g_string_append (big, "END:VCARD\r\n");
  records = read_text (big->str, big->len, &problems);
  g_assert_cmpuint (records->len, ==, 0);
  interchange_test_assert_problem (problems, 0, 1, TRUE, VCARD_ERROR (CARD_TOO_LARGE));
}

/* A 200 MB line: the property is left out, the card and the next are kept, and memory does
 * not grow with the line. Run in a subprocess so that the peak memory is this test's own. */
static void
test_huge_line (void)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  glong rss_before;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  rss_before = interchange_test_max_rss_kb ();
  stream = interchange_test_repeat_stream ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Huge\r\nNOTE:", "abcdefgh", 8,
                                           200 * 1024 * 1024,
                                           "\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:After\r\nEND:VCARD\r\n");
  records = read_stream (stream, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (name_of (records, 0), ==, "Huge");
  g_assert_cmpstr (name_of (records, 1), ==, "After");
  g_assert_cmpuint (problems->len, ==, 1);
  interchange_test_assert_problem (problems, 0, 4, FALSE, VCARD_ERROR (LINE_TOO_LONG));
  g_test_message ("peak memory grew by %ld kB", interchange_test_max_rss_kb () - rss_before);
  g_assert_cmpint (interchange_test_max_rss_kb () - rss_before, <, 32 * 1024);
}

/* 200 MB of zeros is refused at once, not read to the end. */
static void
test_huge_binary (void)
{
  g_autoptr(GInputStream) stream = interchange_test_repeat_stream ("", "\0", 1, 200 * 1024 * 1024, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gint64 start = g_get_monotonic_time ();

  records = read_stream (stream, NULL, &error);
  g_assert_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_NOT_VCARD);
  g_test_message ("refused after %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_cmpuint (interchange_test_repeat_stream_get_position (stream), <=, 2 * RESEAU_VCARD_MAX_LINE);
}

static void
test_too_many_cards (void)
{
  static const char card[] = "BEGIN:VCARD\nFN:a\nEND:VCARD\n";
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ReseauVCardReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  ReseauImportRecord *record;
  guint n = 0;

  stream = interchange_test_repeat_stream ("", card, sizeof card - 1,
                                           (RESEAU_IMPORT_MAX_RECORDS + 5) * (sizeof card - 1), "");
  reader = reseau_vcard_reader_new (stream);
  while ((record = reseau_vcard_reader_next (reader, NULL, &error)) != NULL)
    {
      n++;
      reseau_import_record_free (record);
    }
  g_assert_error (error, RESEAU_VCARD_ERROR, RESEAU_VCARD_ERROR_TOO_MANY_CARDS);
  g_assert_cmpuint (n, ==, RESEAU_IMPORT_MAX_RECORDS);
}

static void
test_cancelled (void)
{
  g_autoptr(GInputStream) stream = interchange_test_fixture ("vcard", "google-3.0.vcf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_cancellable_cancel (cancellable);
  records = reseau_vcard_read_all (stream, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (records);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/bad/mixed", test_mixed);
  g_test_add_func ("/vcard/bad/truncated", test_truncated);
  g_test_add_func ("/vcard/bad/not-vcard", test_not_vcard);
  g_test_add_func ("/vcard/bad/invalid-text", test_invalid_text);
  g_test_add_func ("/vcard/limits/many-emails", test_many_emails);
  g_test_add_func ("/vcard/limits/card-too-large", test_card_too_large);
  g_test_add_func ("/vcard/limits/huge-line", test_huge_line);
  g_test_add_func ("/vcard/limits/huge-binary", test_huge_binary);
  g_test_add_func ("/vcard/limits/too-many-cards", test_too_many_cards);
  g_test_add_func ("/vcard/bad/cancelled", test_cancelled);

  return g_test_run ();
}
