/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-mail.c — personalised messages: rendering and building, and sending over SMTP
 *
 *   bench-mail compose   render and build 10,000 messages (compose.render_10k)
 *   bench-mail send      render, build and send 1,000 over one connection to the test
 *                        server (run under isolated.py --smtp; smtp.send_1000_loopback_msgs_per_s)
 */

#define G_LOG_DOMAIN "bench-mail"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "mail-test-utils.h"
#include "reseau-message.h"
#include "reseau-smtp-transport.h"
#include "reseau-template.h"

#define SENDER "zoe@example.org"

static const char subject_text[] = "{first_name|Bonjour}, une question sur {organization|ton travail}";
static const char body_text[] =
  "Bonjour {first_name|à toi},\n"
  "\n"
  "J’espère que tout va bien à {locality|la maison}. Je prépare une rencontre autour des\n"
  "coopératives et j’ai pensé à toi, vu ton rôle de {title|membre} chez {organization|ta structure}.\n"
  "Aurais-tu une demi-heure la semaine prochaine pour en parler ? Mardi ou jeudi matin\n"
  "m’arrangeraient, mais je m’adapte.\n"
  "\n"
  "À bientôt,\n"
  "Zoé\n";

typedef struct
{
  ReseauTemplate *subject;
  ReseauTemplate *body;
} Templates;

static GBytes *
compose (Templates     *templates,
         ReseauContact *contact)
{
  g_autofree char *subject = reseau_template_render (templates->subject, contact);
  g_autofree char *body = reseau_template_render (templates->body, contact);
  g_autofree char *name = reseau_contact_dup_name (contact);
  g_autofree char *id = reseau_message_make_id (1, reseau_contact_get_id (contact), SENDER);
  ReseauMessageParts parts = {
    .from_name = "Zoé Réseau",
    .from_address = SENDER,
    .to_name = name,
    .to_address = reseau_contact_get_first_value (contact, RESEAU_VALUE_EMAIL),
    .subject = subject,
    .body = body,
    .message_id = id,
  };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = reseau_message_build (&parts, &error);

  if (bytes == NULL)
    g_error ("%s", error->message);
  return bytes;
}

static GPtrArray *
make_contacts (guint n)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (contacts, mail_test_make_contact (i));
  return contacts;
}

static void
bench_compose (Templates *templates)
{
  g_autoptr(GPtrArray) contacts = make_contacts (10000);
  gsize total = 0;
  gsize merged;
  gint64 start = g_get_monotonic_time ();
  double ms;

  for (guint i = 0; i < contacts->len; i++)
    {
      g_autoptr(GBytes) bytes = compose (templates, g_ptr_array_index (contacts, i));

      total += g_bytes_get_size (bytes);
    }
  ms = (g_get_monotonic_time () - start) / 1000.0;

  /* The share of the merge alone, for the record. */
  merged = 0;
  start = g_get_monotonic_time ();
  for (guint i = 0; i < contacts->len; i++)
    {
      g_autofree char *subject = reseau_template_render (templates->subject, g_ptr_array_index (contacts, i));
      g_autofree char *body = reseau_template_render (templates->body, g_ptr_array_index (contacts, i));

      merged += strlen (subject) + strlen (body);
    }
  g_printerr ("%u messages, %" G_GSIZE_FORMAT " bytes; merge fields alone (%" G_GSIZE_FORMAT " bytes): %.1f ms\n",
              contacts->len, total, merged, (g_get_monotonic_time () - start) / 1000.0);
  g_print ("compose.render_10k %.1f ms\n", ms);
}

static void
bench_send (Templates *templates)
{
  g_autoptr(GPtrArray) contacts = make_contacts (1000);
  g_autoptr(ReseauSmtpTransport) transport = NULL;
  g_autoptr(GError) error = NULL;
  const char *port = g_getenv ("RESEAU_TEST_SMTP_PORT");
  gint64 start;
  double seconds;

  if (port == NULL)
    g_error ("run me through tests/harness/isolated.py --smtp");
  g_setenv ("RESEAU_SMTP_CA_FILE", g_getenv ("RESEAU_TEST_SMTP_CA"), TRUE);
  transport = reseau_smtp_transport_new ("127.0.0.1", (guint)g_ascii_strtoull (port, NULL, 10),
                                         RESEAU_SMTP_SECURITY_STARTTLS,
                                         g_getenv ("RESEAU_TEST_SMTP_USER"),
                                         g_getenv ("RESEAU_TEST_SMTP_PASSWORD"));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < contacts->len; i++)
    {
      ReseauContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(GBytes) bytes = compose (templates, contact);

      if (!reseau_smtp_transport_send (transport, SENDER,
                                       reseau_contact_get_first_value (contact, RESEAU_VALUE_EMAIL),
                                       bytes, NULL, &error))
        g_error ("message %u: %s", i, error->message);
    }
  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  if (mail_test_count_messages () != contacts->len)
    g_error ("the server has %u messages, not %u", mail_test_count_messages (), contacts->len);
  g_printerr ("%u messages in %.2f s over %u connection(s)\n", contacts->len, seconds,
              mail_test_count_connections ());
  g_print ("smtp.send_1000_loopback_msgs_per_s %.1f msg/s\n", contacts->len / seconds);
}

int
main (int   argc,
      char *argv[])
{
  Templates templates;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (argc != 2 || (!g_str_equal (argv[1], "compose") && !g_str_equal (argv[1], "send")))
    g_error ("usage: bench-mail compose|send");

  templates.subject = reseau_template_new (subject_text, &error);
  g_assert_no_error (error);
  templates.body = reseau_template_new (body_text, &error);
  g_assert_no_error (error);

  if (g_str_equal (argv[1], "compose"))
    bench_compose (&templates);
  else
    bench_send (&templates);

  g_object_unref (templates.subject);
  g_object_unref (templates.body);
  return 0;
}
