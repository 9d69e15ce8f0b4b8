/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-message"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <gmime/gmime.h>

#include "reseau-message.h"
#include "mail-test-utils.h"

static ReseauMessageParts
frederic_parts (void)
{
  ReseauMessageParts parts = {
    .from_name = "Zoé Réseau",
    .from_address = "zoe@example.org",
    .to_name = "Frédéric Martinet",
    .to_address = "frederic.martinet@example.net",
    .subject = "Réunion à Paris",
    .body = "Bonjour Frédéric,\n\n.Une ligne qui commence par un point.\nFrom the start\n\nÀ bientôt,\nZoé",
    .message_id = "reseau.1.2.abcdef@example.org",
    .date = NULL,
  };
  return parts;
}

static void
test_roundtrip (void)
{
  ReseauMessageParts parts = frederic_parts ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2026-11-23T09:30:00+01:00", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autofree char *body = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *upper = NULL;
  GMimeObject *part;
  GDateTime *parsed_date;

  parts.date = date;
  bytes = reseau_message_build (&parts, &error);
  g_assert_no_error (error);
  mail_test_assert_wire_safe (bytes);

  raw = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_test_message ("%s", raw);
  /* RFC 2047 with UTF-8, not a legacy charset that GMime might find "best". */
  upper = g_ascii_strup (raw, -1);
  g_assert_nonnull (strstr (upper, "\r\nSUBJECT: =?UTF-8?"));
  g_assert_nonnull (strstr (upper, "FROM: =?UTF-8?"));
  g_assert_nonnull (strstr (upper, "\r\nTO: =?UTF-8?"));
  g_assert_nonnull (strstr (raw, "Message-Id: <reseau.1.2.abcdef@example.org>\r\n"));
  g_assert_nonnull (strstr (raw, "MIME-Version: 1.0\r\n"));
  g_assert_nonnull (strstr (raw, "Content-Transfer-Encoding: quoted-printable\r\n"));
  g_assert_null (strstr (raw, "\r\nCc:"));
  g_assert_null (strstr (raw, "\r\nBcc:"));

  message = mail_test_parse (bytes);
  g_assert_cmpstr (g_mime_message_get_subject (message), ==, "Réunion à Paris");
  mail_test_assert_mailbox (g_mime_message_get_from (message), "Zoé Réseau", "zoe@example.org");
  mail_test_assert_mailbox (g_mime_message_get_to (message), "Frédéric Martinet",
                            "frederic.martinet@example.net");
  g_assert_cmpint (internet_address_list_length (g_mime_message_get_cc (message)), ==, 0);
  g_assert_cmpint (internet_address_list_length (g_mime_message_get_bcc (message)), ==, 0);
  g_assert_cmpstr (g_mime_message_get_message_id (message), ==, "reseau.1.2.abcdef@example.org");
  parsed_date = g_mime_message_get_date (message);
  g_assert_nonnull (parsed_date);
  g_assert_cmpint (g_date_time_to_unix (parsed_date), ==, g_date_time_to_unix (date));

  part = g_mime_message_get_mime_part (message);
  g_assert_true (GMIME_IS_TEXT_PART (part));
  g_assert_cmpstr (g_mime_object_get_content_type_parameter (part, "charset"), ==, "utf-8");
  g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (part), "text", "plain"));
  body = mail_test_get_text (message);
  g_assert_cmpstr (body, ==, "Bonjour Frédéric,\n\n.Une ligne qui commence par un point.\n"
                             "From the start\n\nÀ bientôt,\nZoé\n");
}

static void
test_encodings (void)
{
  static const struct { const char *body; const char *encoding; } rows[] = {
    { "Plain ASCII text.\nTwo lines.\n", NULL },   /* 7bit, the default: no header */
    { "Réunion à Paris, mardi prochain.\n", "quoted-printable" },
    { "Здравствуйте, Фредерик! Встреча во вторник.\n", "base64" },
    { "会議は火曜日です。よろしくお願いします。\n", "base64" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ReseauMessageParts parts = frederic_parts ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GMimeMessage) message = NULL;
      g_autofree char *pattern = NULL;
      g_autofree char *body = NULL;

      parts.body = rows[i].body;
      bytes = reseau_message_build (&parts, &error);
      g_assert_no_error (error);
      mail_test_assert_wire_safe (bytes);
      pattern = g_strdup_printf ("Content-Transfer-Encoding: %s\r\n",
                                 rows[i].encoding != NULL ? rows[i].encoding : "");
      g_assert_true ((g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    rows[i].encoding != NULL ? pattern : "Content-Transfer-Encoding") != NULL) ==
                     (rows[i].encoding != NULL));

      message = mail_test_parse (bytes);
      body = mail_test_get_text (message);
      g_assert_cmpstr (body, ==, rows[i].body);
    }
}

static void
test_long_lines_and_line_ends (void)
{
  ReseauMessageParts parts = frederic_parts ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *subject = NULL;
  g_autoptr(GBytes) lf = NULL;
  g_autoptr(GBytes) crlf = NULL;
  g_autoptr(GBytes) cr = NULL;
  g_autoptr(GBytes) long_bytes = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autofree char *body = NULL;

  /* The same text with any line end gives the same bytes. */
  parts.body = "un\ndeux\n\ntrois";
  lf = reseau_message_build (&parts, NULL);
  parts.body = "un\r\ndeux\r\n\r\ntrois";
  crlf = reseau_message_build (&parts, NULL);
  parts.body = "un\rdeux\r\rtrois\r\n";
  cr = reseau_message_build (&parts, NULL);
  g_assert_true (g_bytes_equal (lf, crlf));
  g_assert_true (g_bytes_equal (lf, cr));

  for (guint i = 0; i < 300; i++)
    g_string_append (long_text, "élan ");
  subject = g_strdup_printf ("Réunion %s fin", long_text->str);
  parts.subject = subject;
  parts.body = long_text->str;
  long_bytes = reseau_message_build (&parts, NULL);
  mail_test_assert_wire_safe (long_bytes);

  message = mail_test_parse (long_bytes);
  g_assert_cmpstr (g_mime_message_get_subject (message), ==, subject);
  body = mail_test_get_text (message);
  g_assert_true (g_str_has_prefix (body, long_text->str));
  g_assert_cmpstr (body + long_text->len, ==, "\n");

  /* Plain ASCII, but one line longer than SMTP allows (a pasted link, say). */
  {
    g_autofree char *url = g_strnfill (1500, 'a');
    g_autofree char *ascii = g_strconcat ("See https://example.org/", url, "\n", NULL);
    g_autoptr(GBytes) ascii_bytes = NULL;
    g_autoptr(GMimeMessage) ascii_message = NULL;
    g_autofree char *ascii_body = NULL;

    parts.subject = "Long link";
    parts.body = ascii;
    ascii_bytes = reseau_message_build (&parts, NULL);
    mail_test_assert_wire_safe (ascii_bytes);
    ascii_message = mail_test_parse (ascii_bytes);
    ascii_body = mail_test_get_text (ascii_message);
    g_assert_cmpstr (ascii_body, ==, ascii);
  }
}

static void
test_injection (void)
{
  static const char *bad_values[] = {
    "Réunion\r\nBcc: everyone@example.com",
    "Réunion\nBcc: everyone@example.com",
    "Réunion\rBcc: everyone@example.com",
    "Réunion\tà Paris",
    "Réunion\xe2\x80\xa8" "à Paris",   /* U+2028 LINE SEPARATOR */
    "Réunion\xc2\x85" "à Paris",       /* U+0085 NEXT LINE */
  };
  static const struct { gsize offset; const char *label; } fields[] = {
    { G_STRUCT_OFFSET (ReseauMessageParts, from_name), "sender’s name" },
    { G_STRUCT_OFFSET (ReseauMessageParts, from_address), "sender’s address" },
    { G_STRUCT_OFFSET (ReseauMessageParts, to_name), "recipient’s name" },
    { G_STRUCT_OFFSET (ReseauMessageParts, to_address), "recipient’s address" },
    { G_STRUCT_OFFSET (ReseauMessageParts, subject), "subject" },
    { G_STRUCT_OFFSET (ReseauMessageParts, message_id), "Message-ID" },
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint v = 0; v < G_N_ELEMENTS (bad_values); v++)
      {
        ReseauMessageParts parts = frederic_parts ();
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = NULL;

        G_STRUCT_MEMBER (const char *, &parts, fields[f].offset) = bad_values[v];
        bytes = reseau_message_build (&parts, &error);
        g_assert_null (bytes);
        g_assert_error (error, RESEAU_MESSAGE_ERROR, RESEAU_MESSAGE_ERROR_HEADER_INJECTION);
        g_assert_nonnull (strstr (error->message, fields[f].label));
      }
}

/* Names are text, never addresses: a comma, quotes, angle brackets or an encoded-word
 * look-alike in a name must leave exactly one recipient, with the address given. */
static void
test_tricky_names (void)
{
  static const char *names[] = {
    "Martinet, Frédéric",
    "Frédéric \"Fred\" Martinet",
    "Eve <eve@example.com>",
    "eve@example.com, bob@example.com",
    "Frédéric (Fred) Martinet; Eve",
    "\\ backslash \\",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ReseauMessageParts parts = frederic_parts ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GMimeMessage) message = NULL;

      g_test_message ("name: %s", names[i]);
      parts.to_name = names[i];
      parts.from_name = names[i];
      bytes = reseau_message_build (&parts, &error);
      g_assert_no_error (error);
      mail_test_assert_wire_safe (bytes);
      message = mail_test_parse (bytes);
      mail_test_assert_mailbox (g_mime_message_get_to (message), names[i], "frederic.martinet@example.net");
      mail_test_assert_mailbox (g_mime_message_get_from (message), names[i], "zoe@example.org");
      g_assert_cmpint (internet_address_list_length (g_mime_message_get_cc (message)), ==, 0);
      g_assert_cmpint (internet_address_list_length (g_mime_message_get_bcc (message)), ==, 0);
    }
}

/* An encoded-word typed into a name is decoded by readers (GMime included) into what it
 * spells, but it stays a name: one recipient, the address given. */
static void
test_encoded_word_in_name (void)
{
  ReseauMessageParts parts = frederic_parts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  InternetAddressList *to;

  parts.to_name = "=?utf-8?q?Eve?= <eve@example.com>";
  bytes = reseau_message_build (&parts, &error);
  g_assert_no_error (error);
  mail_test_assert_wire_safe (bytes);
  message = mail_test_parse (bytes);
  to = g_mime_message_get_to (message);
  g_assert_cmpint (internet_address_list_length (to), ==, 1);
  g_assert_cmpstr (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (internet_address_list_get_address (to, 0))),
                   ==, "frederic.martinet@example.net");
}

static void
test_addresses (void)
{
  static const struct { const char *address; gboolean valid; const char *wire; } rows[] = {
    { "frederic@example.net", TRUE, "frederic@example.net" },
    { "f.martinet+reseau@sub.example.net", TRUE, "f.martinet+reseau@sub.example.net" },
    { "frederic@exämple.org", TRUE, "frederic@xn--exmple-cua.org" },
    { "frédéric@example.org", FALSE, NULL },
    { "frederic", FALSE, NULL },
    { "frederic@", FALSE, NULL },
    { "frederic@localhost", FALSE, NULL },
    { "a b@example.org", FALSE, NULL },
    { "<frederic@example.net>", FALSE, NULL },
    { "frederic@example.net, eve@example.com", FALSE, NULL },
    { "", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ReseauMessageParts parts = frederic_parts ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_test_message ("address %s", rows[i].address);
      parts.to_address = rows[i].address;
      bytes = reseau_message_build (&parts, &error);
      if (rows[i].valid)
        {
          g_autoptr(GMimeMessage) message = NULL;

          g_assert_no_error (error);
          mail_test_assert_wire_safe (bytes);
          message = mail_test_parse (bytes);
          mail_test_assert_mailbox (g_mime_message_get_to (message), "Frédéric Martinet", rows[i].wire);
        }
      else
        {
          g_assert_null (bytes);
          g_assert_error (error, RESEAU_MESSAGE_ERROR, RESEAU_MESSAGE_ERROR_INVALID_ADDRESS);
        }
    }
}

static void
test_optional_parts (void)
{
  ReseauMessageParts parts = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  parts.from_address = "zoe@example.org";
  parts.to_address = "frederic@example.net";
  bytes = reseau_message_build (&parts, &error);
  g_assert_no_error (error);
  mail_test_assert_wire_safe (bytes);
  message = mail_test_parse (bytes);
  g_assert_true (g_str_has_suffix (g_mime_message_get_message_id (message), "@example.org"));
  g_assert_cmpint (ABS (g_date_time_difference (g_mime_message_get_date (message), now)), <, 5 * G_TIME_SPAN_MINUTE);
  mail_test_assert_mailbox (g_mime_message_get_to (message), NULL, "frederic@example.net");

  parts.message_id = "no-at-sign";
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = reseau_message_build (&parts, &error);
  g_assert_error (error, RESEAU_MESSAGE_ERROR, RESEAU_MESSAGE_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  parts.message_id = NULL;
  parts.body = "caf\xe9";
  bytes = reseau_message_build (&parts, &error);
  g_assert_error (error, RESEAU_MESSAGE_ERROR, RESEAU_MESSAGE_ERROR_INVALID_TEXT);
}

static void
test_make_id (void)
{
  g_autofree char *a = reseau_message_make_id (12, 345, "zoe@example.org");
  g_autofree char *again = reseau_message_make_id (12, 345, "zoe@example.org");
  g_autofree char *other_contact = reseau_message_make_id (12, 346, "zoe@example.org");
  g_autofree char *other_campaign = reseau_message_make_id (13, 345, "zoe@example.org");
  g_autofree char *other_sender = reseau_message_make_id (12, 345, "zoe@example.com");
  g_autofree char *idn = reseau_message_make_id (1, 1, "zoe@exämple.org");
  g_autofree char *broken = reseau_message_make_id (1, 1, "zoe@exa\r\nmple.org");
  ReseauMessageParts parts = frederic_parts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpstr (a, ==, again);
  g_assert_cmpstr (a, !=, other_contact);
  g_assert_cmpstr (a, !=, other_campaign);
  g_assert_cmpstr (a, !=, other_sender);
  g_assert_true (g_str_has_prefix (a, "reseau.12.345."));
  g_assert_true (g_str_has_suffix (a, "@example.org"));
  g_assert_true (g_str_has_suffix (other_sender, "@example.com"));
  g_assert_true (g_str_has_suffix (idn, "@xn--exmple-cua.org"));
  g_assert_true (g_str_has_suffix (broken, "@reseau.invalid"));

  parts.message_id = a;
  bytes = reseau_message_build (&parts, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_mime_init ();

  g_test_add_func ("/mail/message/roundtrip", test_roundtrip);
  g_test_add_func ("/mail/message/encodings", test_encodings);
  g_test_add_func ("/mail/message/long-lines-and-line-ends", test_long_lines_and_line_ends);
  g_test_add_func ("/mail/message/injection", test_injection);
  g_test_add_func ("/mail/message/tricky-names", test_tricky_names);
  g_test_add_func ("/mail/message/encoded-word-in-name", test_encoded_word_in_name);
  g_test_add_func ("/mail/message/addresses", test_addresses);
  g_test_add_func ("/mail/message/optional-parts", test_optional_parts);
  g_test_add_func ("/mail/message/make-id", test_make_id);

  return g_test_run ();
}
