/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mail-test-utils"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mail-test-utils.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)

GMimeMessage *
mail_test_parse (GBytes *bytes)
{
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  GMimeMessage *message;

  g_assert_nonnull (bytes);
  stream = g_mime_stream_mem_new_with_buffer (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  g_assert_nonnull (message);
  return message;
}

/* What SMTP DATA needs: 7-bit bytes, no NUL, every line ended by CRLF and at most 998
 * characters long (RFC 5322 §2.1.1), headers first, then an empty line. */
void
mail_test_assert_wire_safe (GBytes *bytes)
{
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  gsize line_start = 0;

  g_assert_cmpuint (len, >, 4);
  for (gsize i = 0; i < len; i++)
    {
      g_assert_cmpuint (data[i], <, 0x80);
      g_assert_cmpuint (data[i], !=, 0);
      if (data[i] == '\r')
        g_assert_true (i + 1 < len && data[i + 1] == '\n');
      if (data[i] == '\n')
        {
          g_assert_true (i > 0 && data[i - 1] == '\r');
          g_assert_cmpuint (i - 1 - line_start, <=, 998);
          line_start = i + 1;
        }
    }
  g_assert_cmpuint (line_start, ==, len);
  g_assert_nonnull (g_strstr_len ((const char *)data, len, "\r\n\r\n"));
}

void
mail_test_assert_mailbox (InternetAddressList *list,
                          const char          *name,
                          const char          *address)
{
  InternetAddress *item;

  g_assert_cmpint (internet_address_list_length (list), ==, 1);
  item = internet_address_list_get_address (list, 0);
  g_assert_true (INTERNET_ADDRESS_IS_MAILBOX (item));
  if (name == NULL)
    g_assert_true (internet_address_get_name (item) == NULL || *internet_address_get_name (item) == '\0');
  else
    g_assert_cmpstr (internet_address_get_name (item), ==, name);
  /* The ASCII form, as on the wire: GMime shows punycode domains decoded. */
  g_assert_cmpstr (internet_address_mailbox_get_idn_addr (INTERNET_ADDRESS_MAILBOX (item)), ==, address);
}

/* The decoded body, with "\n" line ends. */
char *
mail_test_get_text (GMimeMessage *message)
{
  GMimeObject *part = g_mime_message_get_mime_part (message);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (GMIME_IS_TEXT_PART (part));
  text = g_mime_text_part_get_text (GMIME_TEXT_PART (part));
  g_assert_nonnull (text);
  lines = g_strsplit (text, "\r\n", -1);
  return g_strjoinv ("\n", lines);
}

/* Contact number @n of a made-up network, with accented names. */
ReseauContact *
mail_test_make_contact (guint n)
{
  static const char *given[] = { "Frédéric", "Zoé", "Anaïs", "Jérôme", "Loïc", "Hélène", "Ève", "Noël" };
  static const char *family[] = { "Martinet", "Lefèvre", "Nguyễn", "Dupré", "Müller", "Ó Briain" };
  ReseauContact *contact = reseau_contact_new ();
  g_autofree char *email = g_strdup_printf ("person%u@example.org", n);
  ReseauContactValue *address;

  _reseau_contact_set_id (contact, n + 1);
  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, given[n % G_N_ELEMENTS (given)]);
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, family[n % G_N_ELEMENTS (family)]);
  if (n % 3 != 0)
    reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "Coopérative des Écrins");
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK, email));
  address = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK, "");
  address->locality = g_strdup (n % 2 ? "Besançon" : "Orléans");
  reseau_contact_add_value (contact, address);
  return contact;
}

gint64
mail_test_make_circle (ReseauStore *store,
                       const char  *name,
                       guint        n,
                       const char  *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauCircle) circle = reseau_circle_new (name);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  gint64 circle_id = reseau_store_save_circle (store, circle, &error);

  g_assert_no_error (error);
  g_assert_true (reseau_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReseauContact) contact = mail_test_make_contact (i);
      gint64 id;

      _reseau_contact_set_id (contact, 0);
      if (i % 10 == 0)
        reseau_contact_remove_value (contact, 0);
      id = reseau_store_save_contact (store, contact, NULL, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);
      for (guint k = 0; i % 7 == 0 && k < 2; k++)
        g_assert_cmpint (reseau_store_add_interaction (store, id, RESEAU_INTERACTION_MESSAGE, today, "Hi", &error),
                         >, 0);
    }
  g_assert_true (reseau_store_commit (store, &error));
  g_assert_true (reseau_store_add_to_circle (store, circle_id, (gint64 *)(gpointer)ids->data, ids->len, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  return circle_id;
}

static const char *
smtp_dir (void)
{
  const char *dir = g_getenv ("RESEAU_TEST_SMTP_DIR");

  if (dir == NULL)
    g_error ("run me through tests/harness/isolated.py --smtp");
  return dir;
}

void
mail_test_write_fault (const char *directives)
{
  g_autofree char *path = g_build_filename (smtp_dir (), "fault", NULL);
  g_autoptr(GError) error = NULL;

  if (directives == NULL)
    {
      g_unlink (path);
      return;
    }
  g_file_set_contents (path, directives, -1, &error);
  g_assert_no_error (error);
}

void
mail_test_reset_maildir (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (smtp_dir (), 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (smtp_dir (), name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

guint
mail_test_count_messages (void)
{
  g_autoptr(GDir) dir = g_dir_open (smtp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".eml") && name[0] != '.')
      n++;
  return n;
}

GBytes *
mail_test_read_message (guint n)
{
  g_autofree char *name = g_strdup_printf ("%u.eml", n);
  g_autofree char *path = g_build_filename (smtp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

char *
mail_test_read_meta (guint n)
{
  g_autofree char *name = g_strdup_printf ("%u.json", n);
  g_autofree char *path = g_build_filename (smtp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  char *data;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

/* A number from the server's flat JSON ("connection": 3), or -1 when absent. */
gint64
mail_test_meta_get_int (const char *meta,
                        const char *key)
{
  g_autofree char *pattern = g_strdup_printf ("\"%s\":\\s*([0-9]+)", key);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (regex, meta, 0, &match))
    return -1;
  number = g_match_info_fetch (match, 1);
  return g_ascii_strtoll (number, NULL, 10);
}

/* How many TCP connections the stored messages came on. */
guint
mail_test_count_connections (void)
{
  g_autoptr(GDir) dir = g_dir_open (smtp_dir (), 0, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *meta = NULL;

      if (!g_str_has_suffix (name, ".json") || name[0] == '.')
        continue;
      path = g_build_filename (smtp_dir (), name, NULL);
      g_assert_true (g_file_get_contents (path, &meta, NULL, NULL));
      g_hash_table_add (seen, GINT_TO_POINTER ((int)mail_test_meta_get_int (meta, "connection")));
    }
  return g_hash_table_size (seen);
}
