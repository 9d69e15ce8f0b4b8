/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "interchange-test-utils.h"
#include "reseau-vcard-reader.h"

/* The vCard reader on the quirks of real files: each test feeds the smallest card that
 * shows one quirk, then the fixtures check whole exports as the programs write them. */

static GPtrArray *
read_text (const char  *text,
           GPtrArray  **problems)
{
  g_autoptr(GInputStream) stream = interchange_test_string_stream (text, -1);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = reseau_vcard_read_all (stream, problems, NULL, &error);

  g_assert_no_error (error);
  return records;
}

/* Reads a text holding one card and no problem. */
static ReseauContact *
read_one (const char *text)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_text (text, &problems);
  ReseauImportRecord *record;

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((ReseauImportProblem *)g_ptr_array_index (problems, i))->error->message);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  return g_object_ref (record->contact);
}

static GPtrArray *
read_fixture (const char  *name,
              GPtrArray  **problems)
{
  g_autoptr(GInputStream) stream = interchange_test_fixture ("vcard", name);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = reseau_vcard_read_all (stream, problems, NULL, &error);

  g_assert_no_error (error);
  return records;
}

#define TEXT(c, f) reseau_contact_get_text ((c), RESEAU_FIELD_##f)

static void
test_line_ends (void)
{
  static const char * const texts[] = {
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anne Mer\r\nNOTE:a\\nb\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\nVERSION:3.0\nFN:Anne Mer\nNOTE:a\\nb\nEND:VCARD\n",
    "BEGIN:VCARD\rVERSION:3.0\rFN:Anne Mer\rNOTE:a\\nb\rEND:VCARD\r",
    "BEGIN:VCARD\r\nVERSION:3.0\nFN:Anne Mer\rNOTE:a\\nb\r\nEND:VCARD",
    "\xEF\xBB\xBF" "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anne Mer\r\nNOTE:a\\nb\r\nEND:VCARD\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(ReseauContact) contact = read_one (texts[i]);

      g_assert_cmpstr (TEXT (contact, DISPLAY_NAME), ==, "Anne Mer");
      g_assert_cmpstr (TEXT (contact, NOTES), ==, "a\nb");
    }
}

static void
test_utf16 (void)
{
  const char text[] = "BEGIN:VCARD\r\nFN:Zoé\r\nEND:VCARD\r\n";
  g_autofree char *utf16 = NULL;
  g_autoptr(GString) bytes = g_string_new ("\xFF\xFE");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gsize len;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_string_append_len (bytes, utf16, len);
  stream = interchange_test_string_stream (bytes->str, bytes->len);
  records = reseau_vcard_read_all (stream, NULL, NULL, NULL);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (TEXT (((ReseauImportRecord *)records->pdata[0])->contact, DISPLAY_NAME),
                   ==, "Zoé");
}

static void
test_unfolding (void)
{
  g_autoptr(ReseauContact) contact = read_one (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ma\r\n rie Cu\r\n\trie\r\n"
    "NOTE:Line one\\n\r\n Line two with a space kept:\r\n  here\r\nEND:VCARD\r\n");

  g_assert_cmpstr (TEXT (contact, DISPLAY_NAME), ==, "Marie Curie");
  g_assert_cmpstr (TEXT (contact, NOTES), ==, "Line one\nLine two with a space kept: here");
}

/* A soft line break ends with "=", and the next line's leading space is data, not folding. */
static void
test_quoted_printable_soft_breaks (void)
{
  g_autoptr(ReseauContact) contact = read_one (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;John\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9 au=\r\n lait=0D=0A=\r\n"
    "Deuxi=C3=A8me=\r\n ligne\r\n"
    "TITLE;QUOTED-PRINTABLE:Chef =\r\nde projet\r\n"
    "END:VCARD\r\n");

  g_assert_cmpstr (TEXT (contact, NOTES), ==, "Café au lait\nDeuxième ligne");
  g_assert_cmpstr (TEXT (contact, TITLE), ==, "Chef de projet");
}

static void
test_charset (void)
{
  static const char * const texts[] = {
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:L=E9a;Andr=E9\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:L=E9a;Andr=E9\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:L\xE9" "a;Andr\xE9\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:L\xE9" "a;Andr\xE9\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;QUOTED-PRINTABLE:L=C3=A9a;Andr=C3=A9\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN;CHARSET=ISO-8859-15:L\xE9" "a;Andr\xE9\r\nEND:VCARD\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(ReseauContact) contact = read_one (texts[i]);

      g_assert_cmpstr (TEXT (contact, FAMILY), ==, "Léa");
      g_assert_cmpstr (TEXT (contact, GIVEN), ==, "André");
    }
}

static void
test_escaping (void)
{
  g_autoptr(ReseauContact) v3 = read_one (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:O\\;Brien;Seán\\, Jr;;;\r\n"
    "NOTE:a\\\\b\\,c\\;d\\ne\\Nf\\tg\r\nORG:Smith\\, Jones & Co;Legal\\; Tax\r\nEND:VCARD\r\n");
  g_autoptr(ReseauContact) v21 = read_one (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:O\\;Brien;Se\\n\r\nNOTE:C:\\temp\\new\r\nEND:VCARD\r\n");

  g_assert_cmpstr (TEXT (v3, FAMILY), ==, "O;Brien");
  g_assert_cmpstr (TEXT (v3, GIVEN), ==, "Seán, Jr");
  g_assert_cmpstr (TEXT (v3, NOTES), ==, "a\\b,c;d\ne\nf\\tg");
  g_assert_cmpstr (TEXT (v3, ORGANIZATION), ==, "Smith, Jones & Co");
  g_assert_cmpstr (TEXT (v3, DEPARTMENT), ==, "Legal; Tax");
  /* 2.1 has no \n escape: a Windows path stays as it is. */
  g_assert_cmpstr (TEXT (v21, FAMILY), ==, "O;Brien");
  g_assert_cmpstr (TEXT (v21, GIVEN), ==, "Se\\n");
  g_assert_cmpstr (TEXT (v21, NOTES), ==, "C:\\temp\\new");
}

static void
test_type_spellings (void)
{
  static const struct {
    const char      *line;
    ReseauValueKind  kind;
    ReseauValueType  type;
  } cases[] = {
    { "EMAIL;TYPE=work,pref:a@example.org", RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK },
    { "EMAIL;TYPE=WORK;TYPE=pref:a@example.org", RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK },
    { "EMAIL;type=INTERNET;type=HOME:a@example.org", RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_HOME },
    { "EMAIL;INTERNET;HOME;PREF:a@example.org", RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_HOME },
    { "EMAIL;PREF=1:a@example.org", RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_OTHER },
    { "TEL;TYPE=\"work,voice\":+33 1 23 45 67 89", RESEAU_VALUE_PHONE, RESEAU_VALUE_TYPE_WORK },
    { "TEL;TYPE=\"cell,voice\";VALUE=uri:tel:+33612345678", RESEAU_VALUE_PHONE, RESEAU_VALUE_TYPE_MOBILE },
    { "TEL;CELL;VOICE:0612345678", RESEAU_VALUE_PHONE, RESEAU_VALUE_TYPE_MOBILE },
    { "TEL;type=IPHONE;type=CELL:0612345678", RESEAU_VALUE_PHONE, RESEAU_VALUE_TYPE_MOBILE },
    { "TEL;WORK;FAX:0123456789", RESEAU_VALUE_PHONE, RESEAU_VALUE_TYPE_WORK },
    { "tel;type = home:0123456789", RESEAU_VALUE_PHONE, RESEAU_VALUE_TYPE_HOME },
    { "URL:https://www.linkedin.com/in/someone", RESEAU_VALUE_URL, RESEAU_VALUE_TYPE_PROFILE },
    { "URL;TYPE=home:https://example.org", RESEAU_VALUE_URL, RESEAU_VALUE_TYPE_HOME },
    { "ADR;WORK:;;1 Main St;Springfield;;12345;USA", RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\n%s\r\nEND:VCARD\r\n",
                                               cases[i].line);
      g_autoptr(ReseauContact) contact = read_one (text);
      ReseauContactValue *value = interchange_test_value (contact, 0);

      g_test_message ("%s", cases[i].line);
      g_assert_cmpint (value->kind, ==, cases[i].kind);
      g_assert_cmpint (value->type, ==, cases[i].type);
    }
  {
    g_autoptr(ReseauContact) contact = read_one (
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nTEL;VALUE=uri:tel:+33612345678\r\nEND:VCARD\r\n");

    g_assert_cmpstr (interchange_test_value (contact, 0)->value, ==, "+33612345678");
  }
}

/* item1.EMAIL + item1.X-ABLabel: Apple's labels give a type; a custom label is kept, in
 * its group, with the property it labels. */
static void
test_groups (void)
{
  g_autoptr(ReseauContact) contact = read_one (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\n"
    "item1.TEL:+33 1 00 00 00 00\r\nitem1.X-ABLabel:_$!<Mobile>!$_\r\n"
    "item2.EMAIL;type=INTERNET:x@conf.example\r\nITEM2.X-ABLabel:Conférence\r\n"
    "item3.X-ABRELATEDNAMES:Jeanne\r\nitem3.X-ABLabel:_$!<Sister>!$_\r\n"
    "END:VCARD\r\n");
  const char * const *extra = reseau_contact_get_extra_vcard (contact);

  g_assert_cmpint (interchange_test_value (contact, 0)->type, ==, RESEAU_VALUE_TYPE_MOBILE);
  g_assert_cmpint (interchange_test_value (contact, 1)->type, ==, RESEAU_VALUE_TYPE_OTHER);
  g_assert_nonnull (extra);
  g_assert_cmpstr (extra[0], ==, "ITEM2.X-ABLabel:Conférence");
  g_assert_cmpstr (extra[1], ==, "item3.X-ABRELATEDNAMES:Jeanne");
  g_assert_cmpstr (extra[2], ==, "item3.X-ABLabel:_$!<Sister>!$_");
  g_assert_null (extra[3]);
}

static void
test_photos (void)
{
  static const char png_base64[] = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
  g_autofree guchar *png = NULL;
  gsize png_len;
  g_autofree char *texts[4] = { NULL };

  png = g_base64_decode (png_base64, &png_len);
  texts[0] = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:X\r\nPHOTO;ENCODING=BASE64;TYPE=PNG:%.40s\r\n%.40s\r\n%s\r\n\r\nEND:VCARD\r\n",
                              png_base64, png_base64 + 40, png_base64 + 80);
  texts[1] = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nPHOTO;ENCODING=b;TYPE=PNG:%.40s\r\n %s\r\nEND:VCARD\r\n",
                              png_base64, png_base64 + 40);
  texts[2] = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nPHOTO:data:image/png;base64,%.30s\r\n %s\r\nEND:VCARD\r\n",
                              png_base64, png_base64 + 30);
  texts[3] = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:X\r\nPHOTO;PNG;BASE64:\r\n    %.40s\r\n    %s\r\n\r\nEND:VCARD\r\n",
                              png_base64, png_base64 + 40);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(ReseauContact) contact = read_one (texts[i]);
      GBytes *photo = reseau_contact_get_photo (contact);

      g_test_message ("photo %u", i);
      g_assert_nonnull (photo);
      g_assert_cmpmem (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo), png, png_len);
    }
  {
    g_autoptr(ReseauContact) contact = read_one (
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nPHOTO;MEDIATYPE=image/jpeg:https://example.org/x.jpg\r\nEND:VCARD\r\n");

    g_assert_null (reseau_contact_get_photo (contact));
    g_assert_cmpstr (reseau_contact_get_extra_vcard (contact)[0], ==,
                     "PHOTO;MEDIATYPE=image/jpeg:https://example.org/x.jpg");
  }
}

static void
test_multiple_cards (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_text (
    "BEGIN:VCARD\nVERSION:3.0\nFN:One\nEND:VCARD\n\n"
    "begin:vcard\nversion:4.0\nfn:Two\nend:vcard\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN:Three\nEND:VCARD\n", &problems);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (TEXT (((ReseauImportRecord *)records->pdata[1])->contact, DISPLAY_NAME), ==, "Two");
  g_assert_cmpuint (((ReseauImportRecord *)records->pdata[0])->line, ==, 1);
  g_assert_cmpuint (((ReseauImportRecord *)records->pdata[1])->line, ==, 6);
  g_assert_cmpuint (((ReseauImportRecord *)records->pdata[2])->line, ==, 10);
}

/* FN becomes the display name only when it is not the name Réseau would show anyway. */
static void
test_display_name (void)
{
  g_autoptr(ReseauContact) same = read_one ("BEGIN:VCARD\nVERSION:3.0\nN:Curie;Marie;;;\nFN:Marie Curie\nEND:VCARD\n");
  g_autoptr(ReseauContact) other = read_one ("BEGIN:VCARD\nVERSION:3.0\nN:Curie;Marie;;;\nFN:Madame Curie\nEND:VCARD\n");
  g_autoptr(ReseauContact) company = read_one ("BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nFN:ACME\nORG:ACME\nEND:VCARD\n");

  g_assert_cmpstr (TEXT (same, DISPLAY_NAME), ==, "");
  g_assert_cmpstr (TEXT (other, DISPLAY_NAME), ==, "Madame Curie");
  g_assert_cmpstr (TEXT (company, DISPLAY_NAME), ==, "");
  g_assert_cmpstr (TEXT (company, ORGANIZATION), ==, "ACME");
}

static void
test_categories_and_unknown (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_text (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nCATEGORIES:Amis,Travail\\, Lyon\r\n"
    "CATEGORIES:Amis,Vélo\r\nIMPP;PREF=1:xmpp:x@example.org\r\n"
    "item9.X-CUSTOM;X-PARAM=\"a;b\":value\\, with comma\r\nBDAY:--0412\r\nEND:VCARD\r\n", &problems);
  ReseauImportRecord *record = g_ptr_array_index (records, 0);
  const char * const expected_categories[] = { "Amis", "Travail, Lyon", "Vélo", NULL };
  const char * const expected_extra[] = {
    "IMPP;PREF=1:xmpp:x@example.org",
    "item9.X-CUSTOM;X-PARAM=\"a;b\":value\\, with comma",
    "BDAY:--0412",
    NULL,
  };

  g_assert_cmpstrv (record->categories, expected_categories);
  g_assert_cmpstrv (reseau_contact_get_extra_vcard (record->contact), expected_extra);
  g_assert_cmpstr (TEXT (record->contact, BIRTHDAY), ==, "");
}

static void
test_fixture_apple (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("apple-icloud-3.0.vcf", &problems);
  ReseauImportRecord *r = g_ptr_array_index (records, 0);
  ReseauContact *c = r->contact;
  const char * const categories[] = { "Clients", "Paris", NULL };

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (TEXT (c, GIVEN), ==, "Émilie");
  g_assert_cmpstr (TEXT (c, ADDITIONAL), ==, "Marie");
  g_assert_cmpstr (TEXT (c, PREFIX), ==, "Dr");
  g_assert_cmpstr (TEXT (c, DISPLAY_NAME), ==, "");
  g_assert_cmpstr (TEXT (c, DEPARTMENT), ==, "Recherche et développement");
  g_assert_cmpstr (TEXT (c, BIRTHDAY), ==, "1985-04-12");
  g_assert_cmpstr (TEXT (c, NOTES), ==,
                   "Rencontrée au salon VivaTech, stand 42.\nAime le café serré; déteste les réunions.");
  g_assert_cmpuint (reseau_contact_get_values (c)->len, ==, 8);
  g_assert_cmpint (interchange_test_value (c, 0)->type, ==, RESEAU_VALUE_TYPE_WORK);
  g_assert_cmpint (interchange_test_value (c, 3)->type, ==, RESEAU_VALUE_TYPE_MOBILE);
  g_assert_cmpint (interchange_test_value (c, 5)->type, ==, RESEAU_VALUE_TYPE_OTHER);
  g_assert_cmpstr (interchange_test_value (c, 6)->value, ==, "12 rue des Lilas\nBâtiment B");
  g_assert_cmpstr (interchange_test_value (c, 6)->postal_code, ==, "75011");
  g_assert_cmpint (interchange_test_value (c, 6)->type, ==, RESEAU_VALUE_TYPE_HOME);
  g_assert_cmpstr (interchange_test_value (c, 7)->value, ==, "https://atelier-lumiere.fr");
  g_assert_nonnull (reseau_contact_get_photo (c));
  g_assert_cmpstrv (r->categories, categories);
  g_assert_true (g_strv_contains (reseau_contact_get_extra_vcard (c), "item1.X-ABLabel:Conférences"));
  g_assert_true (g_strv_contains (reseau_contact_get_extra_vcard (c), "item3.X-ABADR:fr"));

  c = ((ReseauImportRecord *)records->pdata[1])->contact;
  g_assert_cmpstr (TEXT (c, DISPLAY_NAME), ==, "");
  g_assert_cmpstr (TEXT (c, ORGANIZATION), ==, "Boulangerie Martin");
  g_assert_cmpstr (TEXT (c, BIRTHDAY), ==, "");
  g_assert_true (g_strv_contains (reseau_contact_get_extra_vcard (c),
                                  "BDAY;X-APPLE-OMIT-YEAR=1604:1604-06-21"));
}

static void
test_fixture_google (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("google-3.0.vcf", &problems);
  ReseauImportRecord *r = g_ptr_array_index (records, 0);
  const char * const categories[] = { "myContacts", "Équipage", NULL };

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (TEXT (r->contact, NOTES), ==, "Thé, Earl Grey, chaud.");
  g_assert_cmpstr (interchange_test_value (r->contact, 4)->value, ==, "https://github.com/jlpicard");
  g_assert_cmpint (interchange_test_value (r->contact, 4)->type, ==, RESEAU_VALUE_TYPE_PROFILE);
  g_assert_cmpstr (interchange_test_value (r->contact, 3)->locality, ==, "La Barre");
  g_assert_cmpstrv (r->categories, categories);
  g_assert_cmpuint (((ReseauImportRecord *)records->pdata[1])->line, ==, 17);
}

static void
test_fixture_outlook (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("outlook-2.1.vcf", &problems);
  ReseauContact *c = ((ReseauImportRecord *)records->pdata[0])->contact;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (TEXT (c, FAMILY), ==, "Lefèvre");
  g_assert_cmpstr (TEXT (c, GIVEN), ==, "Hélène");
  g_assert_cmpstr (TEXT (c, ORGANIZATION), ==, "Société Générale des Eaux");
  g_assert_cmpstr (TEXT (c, TITLE), ==, "Contrôleuse de gestion");
  g_assert_cmpstr (TEXT (c, NOTES), ==, "Première rencontre à Lyon.\nRappeler en septembre € budget à voir.");
  g_assert_cmpstr (interchange_test_value (c, 2)->value, ==, "12 rue de l’Église");
  g_assert_cmpint (interchange_test_value (c, 1)->type, ==, RESEAU_VALUE_TYPE_MOBILE);
  g_assert_true (g_strv_contains (reseau_contact_get_extra_vcard (c), "X-MS-IMADDRESS:hlefevre@im.example"));
}

static void
test_fixture_android (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("android-2.1.vcf", &problems);
  ReseauContact *c = ((ReseauImportRecord *)records->pdata[0])->contact;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (TEXT (c, FAMILY), ==, "Étienne");
  g_assert_cmpstr (TEXT (c, ORGANIZATION), ==, "Les Ateliers du Rhône");
  g_assert_cmpstr (TEXT (c, NOTES), ==,
                   "Une note assez longue pour être coupée en plusieurs lignes par le téléphone\ndeuxième ligne");
  g_assert_nonnull (reseau_contact_get_photo (c));
  g_assert_cmpuint (g_bytes_get_size (reseau_contact_get_photo (c)), >, 60);
  g_assert_cmpstr (reseau_contact_get_extra_vcard (c)[0], ==,
                   "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Fanfan;1;;;;;;;;;;;;;");
  c = ((ReseauImportRecord *)records->pdata[1])->contact;
  g_assert_cmpstr (TEXT (c, GIVEN), ==, "Maman");
}

static void
test_fixture_thunderbird (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = read_fixture ("thunderbird-4.0.vcf", &problems);
  ReseauContact *c = ((ReseauImportRecord *)records->pdata[0])->contact;
  const guint8 png_magic[] = { 0x89, 'P', 'N', 'G' };

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (TEXT (c, PREFIX), ==, "Lady");
  g_assert_cmpstr (TEXT (c, BIRTHDAY), ==, "1815-12-10");
  g_assert_cmpstr (interchange_test_value (c, 2)->value, ==, "+44-20-7946-0000");
  g_assert_cmpint (interchange_test_value (c, 2)->type, ==, RESEAU_VALUE_TYPE_MOBILE);
  g_assert_cmpmem (g_bytes_get_data (reseau_contact_get_photo (c), NULL), 4, png_magic, 4);
  g_assert_true (g_strv_contains (reseau_contact_get_extra_vcard (c),
                                  "UID:7c1e2f3a-4b5d-4e6f-8a9b-0c1d2e3f4a5b"));
  g_assert_true (g_strv_contains (reseau_contact_get_extra_vcard (c), "ANNIVERSARY:18350708"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/read/line-ends", test_line_ends);
  g_test_add_func ("/vcard/read/utf16", test_utf16);
  g_test_add_func ("/vcard/read/unfolding", test_unfolding);
  g_test_add_func ("/vcard/read/quoted-printable", test_quoted_printable_soft_breaks);
  g_test_add_func ("/vcard/read/charset", test_charset);
  g_test_add_func ("/vcard/read/escaping", test_escaping);
  g_test_add_func ("/vcard/read/type-spellings", test_type_spellings);
  g_test_add_func ("/vcard/read/groups", test_groups);
  g_test_add_func ("/vcard/read/photos", test_photos);
  g_test_add_func ("/vcard/read/multiple-cards", test_multiple_cards);
  g_test_add_func ("/vcard/read/display-name", test_display_name);
  g_test_add_func ("/vcard/read/categories-and-unknown", test_categories_and_unknown);
  g_test_add_func ("/vcard/fixture/apple", test_fixture_apple);
  g_test_add_func ("/vcard/fixture/google", test_fixture_google);
  g_test_add_func ("/vcard/fixture/outlook", test_fixture_outlook);
  g_test_add_func ("/vcard/fixture/android", test_fixture_android);
  g_test_add_func ("/vcard/fixture/thunderbird", test_fixture_thunderbird);

  return g_test_run ();
}
