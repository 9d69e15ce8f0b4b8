/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "interchange-test-utils.h"
#include "reseau-vcard-reader.h"
#include "reseau-vcard-writer.h"

/* The vCard writer, and the round trip read → write → read that a backup relies on. */

static GPtrArray *
read_stream (GInputStream *stream)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records = reseau_vcard_read_all (stream, &problems, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  return records;
}

static GPtrArray *
read_string (const char *text,
             gsize       length)
{
  g_autoptr(GInputStream) stream = interchange_test_string_stream (text, length);

  return read_stream (stream);
}

static ReseauContact *
sample_contact (void)
{
  ReseauContact *contact = reseau_contact_new ();
  ReseauContactValue *address;
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };
  g_autoptr(GBytes) photo = g_bytes_new_static (png, sizeof png);

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, "Françoise");
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, "Saint-Exupéry; de");
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "Aéropostale, S.A.");
  reseau_contact_set_text (contact, RESEAU_FIELD_DEPARTMENT, "Lignes");
  reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, "Pilote");
  reseau_contact_set_text (contact, RESEAU_FIELD_BIRTHDAY, "1985-04-12");
  reseau_contact_set_text (contact, RESEAU_FIELD_MET_ON, "2024-06-01");
  reseau_contact_set_text (contact, RESEAU_FIELD_MET_WHERE, "Toulouse, hangar 3");
  reseau_contact_set_text (contact, RESEAU_FIELD_NOTES,
                           "Back\\slash, comma; semicolon\nsecond line with ünïcödé — "
                           "long enough to need folding over more than one line of 75 octets ✈✈✈✈✈");
  reseau_contact_set_tie (contact, RESEAU_TIE_CLOSE);
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK, "f@aero.example"));
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_PHONE, RESEAU_VALUE_TYPE_MOBILE, "+33 6 12 34 56 78"));
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_URL, RESEAU_VALUE_TYPE_PROFILE, "https://example.org/in/f,s"));
  address = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_HOME, "3 rue du Ciel\nEscalier B");
  address->locality = g_strdup ("Toulouse");
  address->postal_code = g_strdup ("31000");
  address->country = g_strdup ("France");
  reseau_contact_add_value (contact, address);
  reseau_contact_set_photo (contact, photo);
  reseau_contact_set_extra_vcard (contact, (const char * const[]) {
                                    "item1.X-ABLabel:Vol de nuit", "IMPP:xmpp:f@aero.example", NULL });
  return contact;
}

/* RFC 6350 §3.2: CRLF, at most 75 octets a line, no UTF-8 sequence split. */
static void
assert_folded (const char *card)
{
  g_auto(GStrv) lines = g_strsplit (card, "\r\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpstr (lines[n - 1], ==, "");
  g_assert_null (strchr (card, '\n') == NULL ? NULL : strstr (card, "\n\n"));
  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
    }
}

static void
test_write_4_0 (void)
{
  g_autoptr(ReseauContact) contact = sample_contact ();
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const categories[] = { "Aviateurs", "Amis, proches", NULL };

  reseau_vcard_append_contact (out, contact, categories, RESEAU_VCARD_VERSION_4_0);
  g_test_message ("%s", out->str);
  assert_folded (out->str);
  g_assert_true (g_str_has_prefix (out->str, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_true (g_str_has_suffix (out->str, "END:VCARD\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nFN:Françoise Saint-Exupéry\\; de\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nN:Saint-Exupéry\\; de;Françoise;;;\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nORG:Aéropostale\\, S.A.;Lignes\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nBDAY:19850412\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nEMAIL;TYPE=work:f@aero.example\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nTEL;TYPE=cell:+33 6 12 34 56 78\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nURL;TYPE=x-profile:https://example.org/in/f,s\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nADR;TYPE=home:;;3 rue du Ciel\\nEscalier B;Toulouse;;31000;France\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nNOTE:Back\\\\slash\\, comma\\; semicolon\\nsecond"));
  g_assert_nonnull (strstr (out->str, "\r\nCATEGORIES:Aviateurs,Amis\\, proches\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nPHOTO:data:image/png;base64,iVBORw0KGgoAAAAN\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nX-RESEAU-TIE:close\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nitem1.X-ABLabel:Vol de nuit\r\nIMPP:xmpp:f@aero.example\r\n"));
}

static void
test_write_3_0 (void)
{
  g_autoptr(ReseauContact) contact = sample_contact ();
  g_autoptr(ReseauContact) unnamed = reseau_contact_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  reseau_vcard_append_contact (out, contact, NULL, RESEAU_VCARD_VERSION_3_0);
  reseau_vcard_append_contact (out, unnamed, NULL, RESEAU_VCARD_VERSION_3_0);
  assert_folded (out->str);
  g_assert_true (g_str_has_prefix (out->str, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nBDAY:1985-04-12\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nTEL;TYPE=CELL:+33 6 12 34 56 78\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nPHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAAN\r\n"));
  g_assert_null (strstr (out->str, "CATEGORIES"));
  /* N is required in 3.0, even empty. */
  g_assert_nonnull (strstr (out->str, "VERSION:3.0\r\nFN:Unnamed Contact\r\nN:;;;;\r\nEND:VCARD\r\n"));
}

/* Folding never splits a multi-octet character, whatever its offset. */
static void
test_fold_utf8 (void)
{
  for (guint offset = 0; offset < 4; offset++)
    {
      g_autoptr(ReseauContact) contact = reseau_contact_new ();
      g_autoptr(GString) note = g_string_new (NULL);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) records = NULL;

      g_string_append_len (note, "xxx", offset);
      for (guint i = 0; i < 100; i++)
        g_string_append (note, i % 2 ? "€" : "𝄞");
      reseau_contact_set_text (contact, RESEAU_FIELD_NOTES, note->str);
      reseau_vcard_append_contact (out, contact, NULL, RESEAU_VCARD_VERSION_4_0);
      assert_folded (out->str);
      records = read_string (out->str, out->len);
      g_assert_cmpstr (reseau_contact_get_text (((ReseauImportRecord *)records->pdata[0])->contact,
                                                RESEAU_FIELD_NOTES), ==, note->str);
    }
}

static void
assert_round_trip (GPtrArray          *records,
                   ReseauVCardVersion  version)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      ReseauImportRecord *record = g_ptr_array_index (records, i);

      g_assert_true (reseau_vcard_write_contact (out, record->contact,
                                                 (const char * const *)record->categories,
                                                 version, NULL, &error));
      g_assert_no_error (error);
    }
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  in = g_memory_input_stream_new_from_bytes (bytes);
  again = read_stream (in);

  g_assert_cmpuint (again->len, ==, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      ReseauImportRecord *a = g_ptr_array_index (records, i), *b = g_ptr_array_index (again, i);

      interchange_test_assert_contacts_equal (a->contact, b->contact);
      g_assert_cmpstrv (a->categories, b->categories);
    }
}

static void
test_round_trip (gconstpointer data)
{
  const char * const fixtures[] = {
    "apple-icloud-3.0.vcf", "google-3.0.vcf", "outlook-2.1.vcf", "android-2.1.vcf",
    "thunderbird-4.0.vcf",
  };
  ReseauVCardVersion version = GPOINTER_TO_INT (data);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GInputStream) stream = interchange_test_fixture ("vcard", fixtures[i]);
      g_autoptr(GPtrArray) records = read_stream (stream);

      g_test_message ("%s", fixtures[i]);
      assert_round_trip (records, version);
    }
  {
    g_autoptr(ReseauContact) contact = sample_contact ();
    g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_import_record_free);
    const char * const categories[] = { "Aviateurs", "Amis, proches", NULL };

    g_ptr_array_add (records, reseau_import_record_new (contact, categories, 1));
    assert_round_trip (records, version);
  }
}

/* A property decoded from quoted-printable is kept in UTF-8, and written back as such. */
static void
test_unknown_quoted_printable (void)
{
  g_autoptr(GPtrArray) records = read_string (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:A;B\r\n"
    "X-NOTE-2;WORK;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:caf=E9=0D=0Abar\r\n"
    "END:VCARD\r\n", -1);
  ReseauContact *contact = ((ReseauImportRecord *)records->pdata[0])->contact;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpstr (reseau_contact_get_extra_vcard (contact)[0], ==, "X-NOTE-2;TYPE=WORK:café\\nbar");
  reseau_vcard_append_contact (out, contact, NULL, RESEAU_VCARD_VERSION_4_0);
  g_assert_nonnull (strstr (out->str, "\r\nX-NOTE-2;TYPE=WORK:café\\nbar\r\n"));
}

/* Found by the fuzzer: a kept "property" that starts with a space was written back as a
 * fold of the line before, and the name changed on the next read. Such lines are dropped. */
static void
test_extras_that_are_not_properties (void)
{
  const char * const extras[] = { " RSION:1", "\tX-TAB:2", "X-KEPT:3", "item1.X-ABLabel:Bureau", NULL };
  g_autoptr(ReseauContact) contact = reseau_contact_new ();
  g_autoptr(GString) card = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *name = NULL;
  ReseauContact *read_back;

  reseau_contact_set_text (contact, RESEAU_FIELD_DISPLAY_NAME, "Bad he m");
  reseau_contact_set_extra_vcard (contact, extras);
  reseau_vcard_append_contact (card, contact, NULL, RESEAU_VCARD_VERSION_4_0);
  g_assert_null (strstr (card->str, "\r\n RSION"));
  g_assert_null (strstr (card->str, "X-TAB"));
  g_assert_nonnull (strstr (card->str, "\r\nX-KEPT:3\r\n"));
  g_assert_nonnull (strstr (card->str, "\r\nitem1.X-ABLabel:Bureau\r\n"));

  stream = g_memory_input_stream_new_from_data (card->str, card->len, NULL);
  again = reseau_vcard_read_all (stream, NULL, NULL, NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->len, ==, 1);
  read_back = ((ReseauImportRecord *)g_ptr_array_index (again, 0))->contact;
  name = reseau_contact_dup_name (read_back);
  g_assert_cmpstr (name, ==, "Bad he m");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/write/4.0", test_write_4_0);
  g_test_add_func ("/vcard/write/3.0", test_write_3_0);
  g_test_add_func ("/vcard/write/fold-utf8", test_fold_utf8);
  g_test_add_func ("/vcard/write/unknown-quoted-printable", test_unknown_quoted_printable);
  g_test_add_func ("/vcard/write/extras-that-are-not-properties", test_extras_that_are_not_properties);
  g_test_add_data_func ("/vcard/round-trip/4.0", GINT_TO_POINTER (RESEAU_VCARD_VERSION_4_0), test_round_trip);
  g_test_add_data_func ("/vcard/round-trip/3.0", GINT_TO_POINTER (RESEAU_VCARD_VERSION_3_0), test_round_trip);

  return g_test_run ();
}
