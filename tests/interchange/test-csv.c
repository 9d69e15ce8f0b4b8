/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "interchange-test-utils.h"
#include "reseau-csv.h"

/* The CSV reader on RFC 4180 and on what Excel, LinkedIn, Google and Outlook write. */

#define TEXT(c, f) reseau_contact_get_text ((c), RESEAU_FIELD_##f)

static ReseauCsvReader *
open_text (const char *text,
           gssize      length)
{
  g_autoptr(GInputStream) stream = interchange_test_string_stream (text, length);
  ReseauCsvReader *reader = reseau_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;

  g_assert_true (reseau_csv_reader_read_header (reader, NULL, &error));
  g_assert_no_error (error);
  return reader;
}

static GPtrArray *
read_fixture (const char       *name,
              ReseauCsvReader **out_reader)
{
  g_autoptr(GInputStream) stream = interchange_test_fixture ("csv", name);
  g_autoptr(ReseauCsvReader) reader = reseau_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_record_free);
  ReseauImportRecord *record;

  g_assert_true (reseau_csv_reader_read_header (reader, NULL, &error));
  while ((record = reseau_csv_reader_next (reader, NULL, &error)) != NULL)
    g_ptr_array_add (records, record);
  g_assert_no_error (error);
  if (out_reader != NULL)
    *out_reader = g_steal_pointer (&reader);
  return records;
}

static ReseauContact *
contact_at (GPtrArray *records,
            guint      index)
{
  g_assert_cmpuint (index, <, records->len);
  return ((ReseauImportRecord *)g_ptr_array_index (records, index))->contact;
}

static void
test_quoting (void)
{
  static const struct {
    const char *text;
    const char *fields[4];
  } cases[] = {
    { "a,b,c\n1,2,3\n", { "1", "2", "3", NULL } },
    { "a,b,c\r\n\"1,5\",\"say \"\"hi\"\"\",\r\n", { "1,5", "say \"hi\"", "", NULL } },
    { "a,b,c\n\"line\nbreak\",x,\"two\r\nlines\"\n", { "line\nbreak", "x", "two\nlines", NULL } },
    { "a,b,c\r1,,3\r", { "1", "", "3", NULL } },
    { "\xEF\xBB\xBF" "a,b,c\n1,2,3", { "1", "2", "3", NULL } },
    { "a,b,c\nno \"quote\" here,\"x\"y,\"\"\n", { "no \"quote\" here", "xy", "", NULL } },
    { "a;b;c\n\"x;y\";\"1,2\";z\n", { "x;y", "1,2", "z", NULL } },
    { "a\tb\tc\nx y\t1,2\t\"q\"\n", { "x y", "1,2", "q", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ReseauCsvReader) reader = open_text (cases[i].text, -1);
      g_auto(GStrv) row = NULL;
      const char * const header[] = { "a", "b", "c", NULL };
      guint line = 0;

      g_test_message ("case %u", i);
      g_assert_cmpstrv (reseau_csv_reader_get_header (reader), header);
      row = reseau_csv_reader_next_row (reader, &line, NULL, NULL);
      g_assert_cmpstrv (row, cases[i].fields);
      g_assert_cmpuint (line, ==, 2);
      g_assert_null (reseau_csv_reader_next_row (reader, NULL, NULL, NULL));
      g_assert_cmpuint (reseau_csv_reader_get_problems (reader)->len, ==, 0);
    }
}

static void
test_separator (void)
{
  static const struct {
    const char *text;
    char        separator;
  } cases[] = {
    { "Name,Email\nAnne,anne@example.org\n", ',' },
    { "Nom;E-mail\nDupont, Jean;jean@example.fr\nMartin, Léa;lea@example.fr\n", ';' },
    { "Name\tEmail\tNotes\nAnne\tanne@example.org\tlikes tea, coffee; cake\n", '\t' },
    { "\"Name, full\";\"Notes; more\"\n\"A, B\";\"x; y\"\n", ';' },
    { "Name\nAnne\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ReseauCsvReader) reader = open_text (cases[i].text, -1);

      g_test_message ("case %u", i);
      g_assert_cmpint (reseau_csv_reader_get_separator (reader), ==, cases[i].separator);
    }
}

/* The header is the first row with several columns named; a data row further down that
 * looks like a known export's header is still data. */
static void
test_header_row (void)
{
  g_autoptr(ReseauCsvReader) reader = open_text (
    "\n,\nName,Email\nAnne,anne@example.org\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n", -1);
  const char * const header[] = { "Name", "Email", NULL };
  g_autoptr(ReseauImportRecord) first = reseau_csv_reader_next (reader, NULL, NULL);
  g_autoptr(ReseauImportRecord) second = reseau_csv_reader_next (reader, NULL, NULL);

  g_assert_cmpstrv (reseau_csv_reader_get_header (reader), header);
  g_assert_cmpuint (reseau_csv_reader_get_header_line (reader), ==, 3);
  g_assert_cmpint (reseau_csv_reader_get_format (reader), ==, RESEAU_CSV_FORMAT_GENERIC);
  g_assert_cmpstr (TEXT (first->contact, DISPLAY_NAME), ==, "Anne");
  g_assert_cmpstr (TEXT (second->contact, DISPLAY_NAME), ==, "First Name");
  g_assert_null (reseau_csv_reader_next (reader, NULL, NULL));
}

static void
test_encoding (void)
{
  g_autoptr(ReseauCsvReader) utf8 = open_text ("Name\nZoé\n", -1);
  g_autoptr(ReseauCsvReader) cp1252 = open_text ("Name\nZo\xE9 \x80\n", -1);
  g_autoptr(GString) utf16 = g_string_new ("\xFF\xFE");
  g_autofree char *converted = NULL;
  g_autoptr(ReseauCsvReader) unicode = NULL;
  g_auto(GStrv) row1 = reseau_csv_reader_next_row (utf8, NULL, NULL, NULL);
  g_auto(GStrv) row2 = reseau_csv_reader_next_row (cp1252, NULL, NULL, NULL);
  g_auto(GStrv) row3 = NULL;
  gsize len;

  g_assert_cmpstr (row1[0], ==, "Zoé");
  g_assert_cmpstr (reseau_csv_reader_get_encoding (utf8), ==, "UTF-8");
  g_assert_cmpstr (row2[0], ==, "Zoé €");
  g_assert_cmpstr (reseau_csv_reader_get_encoding (cp1252), ==, "Windows-1252");

  /* Excel's "Unicode text" is tab-separated UTF-16. */
  converted = g_convert ("Name\tEmail\r\nZoé\tzoe@example.org\r\n", -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_string_append_len (utf16, converted, len);
  unicode = open_text (utf16->str, utf16->len);
  row3 = reseau_csv_reader_next_row (unicode, NULL, NULL, NULL);
  g_assert_cmpint (reseau_csv_reader_get_separator (unicode), ==, '\t');
  g_assert_cmpstr (row3[0], ==, "Zoé");
  g_assert_cmpstr (reseau_csv_reader_get_encoding (unicode), ==, "UTF-16");
}

static void
test_dates (void)
{
  static const struct {
    const char *text;
    gboolean    day_first;
    const char *expected;
  } cases[] = {
    { "22 Dec 2025", FALSE, "2025-12-22" },
    { "03 Jan 2024", FALSE, "2024-01-03" },
    { "1 déc. 2023", FALSE, "2023-12-01" },
    { "2025-12-22", FALSE, "2025-12-22" },
    { "2025/12/22", FALSE, "2025-12-22" },
    { "2025-12-22 10:30:00", FALSE, "2025-12-22" },
    { "4/12/1985", FALSE, "1985-04-12" },
    { "4/12/1985", TRUE, "1985-12-04" },
    { "25/12/2001", FALSE, "2001-12-25" },
    { "12/25/2001", TRUE, "2001-12-25" },
    { "25.12.01", TRUE, "2001-12-25" },
    { "0/0/00", FALSE, "" },
    { "31 Feb 2020", FALSE, NULL },
    { "--05-15", FALSE, NULL },
    { "yesterday", FALSE, NULL },
    { "22 Foo 2025", FALSE, NULL },
    { "", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = reseau_csv_parse_date (cases[i].text, cases[i].day_first);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (date, ==, cases[i].expected);
    }
}

static void
test_linkedin (void)
{
  g_autoptr(ReseauCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("linkedin-connections.csv", &reader);
  ReseauContact *c = contact_at (records, 0);
  ReseauContactValue *url;

  g_assert_cmpint (reseau_csv_reader_get_format (reader), ==, RESEAU_CSV_FORMAT_LINKEDIN);
  g_assert_cmpuint (reseau_csv_reader_get_header_line (reader), ==, 4);
  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpstr (TEXT (c, GIVEN), ==, "Camille");
  g_assert_cmpstr (TEXT (c, FAMILY), ==, "Martin");
  g_assert_cmpstr (TEXT (c, ORGANIZATION), ==, "Dupont, Durand & Associés");
  g_assert_cmpstr (TEXT (c, TITLE), ==, "Avocate associée");
  g_assert_cmpstr (TEXT (c, MET_ON), ==, "2025-12-22");
  url = interchange_test_value (c, 0);
  g_assert_cmpint (url->kind, ==, RESEAU_VALUE_URL);
  g_assert_cmpint (url->type, ==, RESEAU_VALUE_TYPE_PROFILE);
  g_assert_cmpstr (url->value, ==, "https://www.linkedin.com/in/camille-martin-1a2b3c");
  g_assert_cmpstr (interchange_test_value (c, 1)->value, ==, "camille.martin@example.fr");
  g_assert_cmpuint (((ReseauImportRecord *)records->pdata[0])->line, ==, 5);
  g_assert_cmpstr (TEXT (contact_at (records, 1), MET_ON), ==, "2024-01-03");
  /* A member who left LinkedIn keeps only a profile link. */
  g_assert_cmpuint (reseau_contact_get_values (contact_at (records, 3))->len, ==, 1);
  g_assert_cmpuint (reseau_csv_reader_get_problems (reader)->len, ==, 0);
}

static void
test_linkedin_without_url (void)
{
  g_autoptr(ReseauCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("linkedin-connections-no-url.csv", &reader);
  ReseauContact *c = contact_at (records, 0);

  g_assert_cmpint (reseau_csv_reader_get_format (reader), ==, RESEAU_CSV_FORMAT_LINKEDIN);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (TEXT (c, TITLE), ==, "Responsable \"achats\"");
  g_assert_cmpstr (TEXT (c, MET_ON), ==, "2018-03-09");
  g_assert_cmpuint (reseau_contact_get_values (c)->len, ==, 1);
  g_assert_cmpint (interchange_test_value (c, 0)->kind, ==, RESEAU_VALUE_EMAIL);
  g_assert_cmpuint (reseau_contact_get_values (contact_at (records, 1))->len, ==, 0);
  g_assert_cmpstr (TEXT (contact_at (records, 1), ORGANIZATION), ==, "Freelance");
}

/* The header is found after a preamble of any length, not after a fixed count of lines. */
static void
test_linkedin_preamble (void)
{
  static const char * const preambles[] = {
    "",
    "Notes:\n",
    "Notes:\n\"One line, with a comma\"\n\n",
    "Notes:\n\"A note\nover three\nlines, with commas\"\n\n\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (preambles); i++)
    {
      g_autofree char *text = g_strconcat (preambles[i],
                                           "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                           "Ada,Lovelace,,ada@example.org,Analytical,Programmer,10 Dec 2020\n",
                                           NULL);
      g_autoptr(ReseauCsvReader) reader = open_text (text, -1);
      g_autoptr(ReseauImportRecord) record = reseau_csv_reader_next (reader, NULL, NULL);

      g_test_message ("preamble %u", i);
      g_assert_cmpint (reseau_csv_reader_get_format (reader), ==, RESEAU_CSV_FORMAT_LINKEDIN);
      g_assert_nonnull (record);
      g_assert_cmpstr (TEXT (record->contact, GIVEN), ==, "Ada");
      g_assert_cmpstr (TEXT (record->contact, MET_ON), ==, "2020-12-10");
      g_assert_null (reseau_csv_reader_next (reader, NULL, NULL));
    }
}

static void
test_google (void)
{
  g_autoptr(ReseauCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("google-contacts.csv", &reader);
  ReseauImportRecord *r = g_ptr_array_index (records, 0);
  ReseauContact *c = r->contact;
  GPtrArray *problems = reseau_csv_reader_get_problems (reader);
  const char * const labels[] = { "Sciences", NULL };
  ReseauContactValue *address;

  g_assert_cmpint (reseau_csv_reader_get_format (reader), ==, RESEAU_CSV_FORMAT_GOOGLE);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (TEXT (c, ADDITIONAL), ==, "Louise");
  g_assert_cmpstr (TEXT (c, PREFIX), ==, "Dr");
  g_assert_cmpstr (TEXT (c, NICKNAME), ==, "Manya");
  g_assert_cmpstr (TEXT (c, DEPARTMENT), ==, "Physique");
  g_assert_cmpstr (TEXT (c, BIRTHDAY), ==, "1867-11-07");
  g_assert_cmpstr (TEXT (c, NOTES), ==, "Deux prix Nobel.\nPhysique et chimie.");
  g_assert_cmpstrv (r->categories, labels);
  g_assert_cmpuint (reseau_contact_get_values (c)->len, ==, 7);
  g_assert_cmpint (interchange_test_value (c, 0)->type, ==, RESEAU_VALUE_TYPE_WORK);
  g_assert_cmpint (interchange_test_value (c, 1)->type, ==, RESEAU_VALUE_TYPE_HOME);
  g_assert_cmpstr (interchange_test_value (c, 3)->value, ==, "+33 6 05 06 07 08");
  g_assert_cmpint (interchange_test_value (c, 3)->type, ==, RESEAU_VALUE_TYPE_MOBILE);
  address = interchange_test_value (c, 5);
  g_assert_cmpstr (address->value, ==, "1 rue Pierre et Marie Curie");
  g_assert_cmpstr (address->locality, ==, "Paris");
  g_assert_cmpstr (address->postal_code, ==, "75005");
  g_assert_null (address->region);
  g_assert_cmpint (interchange_test_value (c, 6)->type, ==, RESEAU_VALUE_TYPE_PROFILE);
  /* A birthday without a year is left out and said so. */
  g_assert_cmpstr (TEXT (contact_at (records, 1), BIRTHDAY), ==, "");
  g_assert_cmpuint (problems->len, ==, 1);
  interchange_test_assert_problem (problems, 0, 6, FALSE, RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_INVALID_DATE);
}

static void
test_google_old (void)
{
  g_autoptr(ReseauCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("google-contacts-old.csv", &reader);
  ReseauImportRecord *r = g_ptr_array_index (records, 0);
  const char * const labels[] = { "Navy", NULL };

  g_assert_cmpint (reseau_csv_reader_get_format (reader), ==, RESEAU_CSV_FORMAT_GOOGLE);
  g_assert_cmpstr (TEXT (r->contact, DISPLAY_NAME), ==, "Grace Hopper");
  g_assert_cmpstr (TEXT (r->contact, ADDITIONAL), ==, "Brewster");
  g_assert_cmpstr (TEXT (r->contact, ORGANIZATION), ==, "US Navy");
  g_assert_cmpstr (TEXT (r->contact, TITLE), ==, "Rear Admiral");
  g_assert_cmpint (interchange_test_value (r->contact, 1)->type, ==, RESEAU_VALUE_TYPE_MOBILE);
  g_assert_cmpstrv (r->categories, labels);
}

static void
test_outlook (void)
{
  g_autoptr(ReseauCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("outlook-contacts.csv", &reader);
  ReseauImportRecord *r = g_ptr_array_index (records, 0);
  ReseauContact *c = r->contact;
  const char * const categories[] = { "Clients", "VIP", NULL };
  ReseauContactValue *address;

  g_assert_cmpint (reseau_csv_reader_get_format (reader), ==, RESEAU_CSV_FORMAT_OUTLOOK);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (TEXT (c, PREFIX), ==, "Mr.");
  g_assert_cmpstr (TEXT (c, TITLE), ==, "Account Manager");
  g_assert_cmpstr (TEXT (c, BIRTHDAY), ==, "1985-04-12");
  g_assert_cmpstr (TEXT (c, NOTES), ==, "Met at Ignite.\nLikes golf.");
  g_assert_cmpstrv (r->categories, categories);
  address = interchange_test_value (c, 0);
  g_assert_cmpint (address->kind, ==, RESEAU_VALUE_ADDRESS);
  g_assert_cmpint (address->type, ==, RESEAU_VALUE_TYPE_WORK);
  g_assert_cmpstr (address->value, ==, "1 Microsoft Way\nBuilding 4");
  g_assert_cmpstr (address->region, ==, "WA");
  g_assert_cmpuint (reseau_contact_get_values (c)->len, ==, 6);
  g_assert_cmpstr (TEXT (contact_at (records, 1), FAMILY), ==, "García");
  g_assert_cmpint (interchange_test_value (contact_at (records, 1), 0)->type, ==, RESEAU_VALUE_TYPE_HOME);
  g_assert_cmpuint (reseau_csv_reader_get_problems (reader)->len, ==, 0);
}

static void
test_french_excel (void)
{
  g_autoptr(ReseauCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("french-excel.csv", &reader);
  ReseauContact *c = contact_at (records, 0);

  g_assert_cmpint (reseau_csv_reader_get_separator (reader), ==, ';');
  g_assert_cmpstr (reseau_csv_reader_get_encoding (reader), ==, "Windows-1252");
  g_assert_cmpstr (reseau_csv_reader_get_header (reader)[0], ==, "Prénom");
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (TEXT (c, GIVEN), ==, "Élodie");
  g_assert_cmpstr (TEXT (c, FAMILY), ==, "Ménard");
  g_assert_cmpstr (TEXT (c, ORGANIZATION), ==, "Crêperie du Port");
  g_assert_cmpstr (TEXT (c, BIRTHDAY), ==, "1980-04-03");
  g_assert_cmpstr (TEXT (c, NOTES), ==, "Préfère être appelée le matin ; jamais le lundi");
  g_assert_cmpstr (interchange_test_value (c, 2)->value, ==, "3 quai de l'Odet");
  g_assert_cmpstr (interchange_test_value (c, 2)->locality, ==, "Quimper");
  c = contact_at (records, 1);
  g_assert_cmpstr (TEXT (c, ORGANIZATION), ==, "Cabinet \"Conseil & Co\"");
  g_assert_cmpstr (TEXT (c, NOTES), ==, "Tarif : 120 € HT\nRencontré au salon");
  g_assert_cmpuint (((ReseauImportRecord *)records->pdata[2])->line, ==, 5);
}

/* An unknown CSV gives its header and rows; the mapping set by the dialog is applied. */
static void
test_generic_mapping (void)
{
  g_autoptr(ReseauCsvReader) reader = open_text ("Col A,Col B,Col C\nJeanne,jeanne@example.org,x\n", -1);
  g_autoptr(GArray) mapping = g_array_new (FALSE, TRUE, sizeof (ReseauCsvColumn));
  g_autoptr(ReseauImportRecord) record = NULL;
  const ReseauCsvColumn given = { RESEAU_CSV_TEXT, RESEAU_FIELD_GIVEN, 0, 0, 0 };
  const ReseauCsvColumn email = { RESEAU_CSV_VALUE, 0, RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK, 0 };
  const ReseauCsvColumn ignore = { RESEAU_CSV_IGNORE, 0, 0, 0, 0 };
  GArray *guessed = reseau_csv_reader_get_mapping (reader);

  g_assert_cmpint (reseau_csv_reader_get_format (reader), ==, RESEAU_CSV_FORMAT_GENERIC);
  g_assert_cmpuint (guessed->len, ==, 3);
  for (guint i = 0; i < guessed->len; i++)
    g_assert_cmpint (g_array_index (guessed, ReseauCsvColumn, i).target, ==, RESEAU_CSV_IGNORE);

  g_array_append_val (mapping, given);
  g_array_append_val (mapping, email);
  g_array_append_val (mapping, ignore);
  reseau_csv_reader_set_mapping (reader, mapping);
  record = reseau_csv_reader_next (reader, NULL, NULL);
  g_assert_cmpstr (TEXT (record->contact, GIVEN), ==, "Jeanne");
  g_assert_cmpint (interchange_test_value (record->contact, 0)->type, ==, RESEAU_VALUE_TYPE_WORK);
}

static void
test_column_guess (void)
{
  static const struct {
    const char      *header;
    ReseauCsvFormat  format;
    ReseauCsvTarget  target;
    guint            field_or_kind;
    guint            group;
  } cases[] = {
    { "Prénom", RESEAU_CSV_FORMAT_GENERIC, RESEAU_CSV_TEXT, RESEAU_FIELD_GIVEN, 0 },
    { "  E-MAIL ", RESEAU_CSV_FORMAT_GENERIC, RESEAU_CSV_VALUE, RESEAU_VALUE_EMAIL, 0 },
    { "Title", RESEAU_CSV_FORMAT_GENERIC, RESEAU_CSV_TEXT, RESEAU_FIELD_TITLE, 0 },
    { "Title", RESEAU_CSV_FORMAT_OUTLOOK, RESEAU_CSV_TEXT, RESEAU_FIELD_PREFIX, 0 },
    { "E-mail 12 - Label", RESEAU_CSV_FORMAT_GOOGLE, RESEAU_CSV_VALUE_LABEL, RESEAU_VALUE_EMAIL, 12 },
    { "Address 2 - Postal Code", RESEAU_CSV_FORMAT_GOOGLE, RESEAU_CSV_POSTAL_CODE, RESEAU_VALUE_ADDRESS, 2 },
    { "Phone 1 - City", RESEAU_CSV_FORMAT_GOOGLE, RESEAU_CSV_IGNORE, 0, 0 },
    { "Home Country/Region", RESEAU_CSV_FORMAT_OUTLOOK, RESEAU_CSV_COUNTRY, RESEAU_VALUE_ADDRESS, 102 },
    { "Favourite colour", RESEAU_CSV_FORMAT_GENERIC, RESEAU_CSV_IGNORE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ReseauCsvColumn column;
      gboolean known = reseau_csv_column_guess (cases[i].header, cases[i].format, &column);

      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (known, ==, cases[i].target != RESEAU_CSV_IGNORE);
      g_assert_cmpint (column.target, ==, cases[i].target);
      g_assert_cmpuint (column.target == RESEAU_CSV_TEXT ? column.field : column.kind, ==, cases[i].field_or_kind);
      g_assert_cmpuint (column.group, ==, cases[i].group);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read/quoting", test_quoting);
  g_test_add_func ("/csv/read/separator", test_separator);
  g_test_add_func ("/csv/read/header-row", test_header_row);
  g_test_add_func ("/csv/read/encoding", test_encoding);
  g_test_add_func ("/csv/read/dates", test_dates);
  g_test_add_func ("/csv/linkedin/with-url", test_linkedin);
  g_test_add_func ("/csv/linkedin/without-url", test_linkedin_without_url);
  g_test_add_func ("/csv/linkedin/preamble", test_linkedin_preamble);
  g_test_add_func ("/csv/google/new", test_google);
  g_test_add_func ("/csv/google/old", test_google_old);
  g_test_add_func ("/csv/outlook/classic", test_outlook);
  g_test_add_func ("/csv/excel/french", test_french_excel);
  g_test_add_func ("/csv/mapping/generic", test_generic_mapping);
  g_test_add_func ("/csv/mapping/guess", test_column_guess);

  return g_test_run ();
}
