/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-smtp-transport.c — ReseauSmtpTransport against tests/harness/smtp_server.py
 *
 * Runs under isolated.py --smtp (STARTTLS) or --implicit-tls (SMTPS): real TLS with the
 * harness's private CA, real AUTH, every message checked byte for byte at the server.
 */

#define G_LOG_DOMAIN "test-smtp-transport"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "mail-test-utils.h"
#include "reseau-message.h"
#include "reseau-smtp-transport.h"
#include "reseau-template.h"

#define SENDER "zoe@example.org"

static gboolean
implicit_tls (void)
{
  return g_strcmp0 (g_getenv ("RESEAU_TEST_SMTP_IMPLICIT_TLS"), "1") == 0;
}

static guint
smtp_port (void)
{
  return (guint)g_ascii_strtoull (g_getenv ("RESEAU_TEST_SMTP_PORT"), NULL, 10);
}

static ReseauSmtpTransport *
make_transport_with (const char *password)
{
  return reseau_smtp_transport_new ("127.0.0.1", smtp_port (),
                                    implicit_tls () ? RESEAU_SMTP_SECURITY_TLS : RESEAU_SMTP_SECURITY_STARTTLS,
                                    g_getenv ("RESEAU_TEST_SMTP_USER"), password);
}

static ReseauSmtpTransport *
make_transport (void)
{
  return make_transport_with (g_getenv ("RESEAU_TEST_SMTP_PASSWORD"));
}

static GBytes *
build_for (ReseauContact *contact,
           const char    *to)
{
  g_autoptr(ReseauTemplate) subject = reseau_template_new ("Réunion à {locality|Paris}, {first_name}", NULL);
  g_autoptr(ReseauTemplate) body = reseau_template_new ("Bonjour {first_name},\n\n.Un point en tête.\nÀ bientôt,\nZoé", NULL);
  g_autofree char *subject_text = reseau_template_render (subject, contact);
  g_autofree char *body_text = reseau_template_render (body, contact);
  g_autofree char *name = reseau_contact_dup_name (contact);
  g_autofree char *id = reseau_message_make_id (7, reseau_contact_get_id (contact), SENDER);
  ReseauMessageParts parts = {
    .from_name = "Zoé Réseau",
    .from_address = SENDER,
    .to_name = name,
    .to_address = to,
    .subject = subject_text,
    .body = body_text,
    .message_id = id,
  };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = reseau_message_build (&parts, &error);

  g_assert_no_error (error);
  return bytes;
}

static gboolean
send_to (ReseauSmtpTransport  *transport,
         const char           *to,
         GError              **error)
{
  g_autoptr(ReseauContact) contact = mail_test_make_contact (0);
  g_autoptr(GBytes) bytes = build_for (contact, to);

  return reseau_smtp_transport_send (transport, SENDER, to, bytes, NULL, error);
}

/* Twenty personalised messages over one connection, each arriving byte for byte. */
static void
test_batch (void)
{
  g_autoptr(ReseauSmtpTransport) transport = make_transport ();
  GPtrArray *sent = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  gint64 connection = -1;

  mail_test_reset_maildir ();
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(ReseauContact) contact = mail_test_make_contact (i);
      const char *to = reseau_contact_get_first_value (contact, RESEAU_VALUE_EMAIL);
      GBytes *bytes = build_for (contact, to);
      g_autoptr(GError) error = NULL;

      g_assert_true (reseau_smtp_transport_send (transport, SENDER, to, bytes, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (sent, bytes);
    }
  g_assert_cmpuint (mail_test_count_messages (), ==, 20);

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(ReseauContact) contact = mail_test_make_contact (i);
      g_autoptr(GBytes) received = mail_test_read_message (i + 1);
      g_autofree char *meta = mail_test_read_meta (i + 1);
      g_autofree char *rcpt = g_strdup_printf ("\"rcpt_tos\": [\n    \"person%u@example.org\"\n  ]", i);
      g_autofree char *subject = g_strdup_printf ("Réunion à %s, %s",
                                                  i % 2 ? "Besançon" : "Orléans",
                                                  reseau_contact_get_text (contact, RESEAU_FIELD_GIVEN));
      g_autofree char *name = reseau_contact_dup_name (contact);
      g_autofree char *to = g_strdup_printf ("person%u@example.org", i);
      g_autoptr(GMimeMessage) message = NULL;

      g_assert_true (g_bytes_equal (received, g_ptr_array_index (sent, i)));
      mail_test_assert_wire_safe (received);
      g_assert_nonnull (strstr (meta, rcpt));
      g_assert_nonnull (strstr (meta, "\"mail_from\": \"" SENDER "\""));
      if (connection < 0)
        connection = mail_test_meta_get_int (meta, "connection");
      g_assert_cmpint (mail_test_meta_get_int (meta, "connection"), ==, connection);

      message = mail_test_parse (received);
      g_assert_cmpstr (g_mime_message_get_subject (message), ==, subject);
      mail_test_assert_mailbox (g_mime_message_get_to (message), name, to);
    }
  g_assert_cmpint (connection, >, 0);
  g_ptr_array_unref (sent);
}

/* A server that closes the session after each message: every send still goes through,
 * each on a connection of its own, none twice. */
static void
test_server_closes_kept_connection (void)
{
  g_autoptr(ReseauSmtpTransport) transport = make_transport ();

  mail_test_reset_maildir ();
  mail_test_write_fault ("close-after-data\n");
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *to = g_strdup_printf ("person%u@example.net", i);

      g_assert_true (send_to (transport, to, &error));
      g_assert_no_error (error);
    }
  mail_test_write_fault (NULL);
  g_assert_cmpuint (mail_test_count_messages (), ==, 5);
  g_assert_cmpuint (mail_test_count_connections (), ==, 5);
}

static void
test_wrong_password (void)
{
  g_autoptr(ReseauSmtpTransport) transport = make_transport_with ("not-the-password");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;

  mail_test_reset_maildir ();
  g_assert_false (send_to (transport, "frederic@example.net", &error));
  g_assert_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_AUTH);
  g_assert_true (g_str_has_prefix (error->message, "The server refused the user name or password"));
  g_assert_true (reseau_smtp_error_affects_account (error));
  g_assert_false (reseau_smtp_error_is_temporary (error));

  g_assert_false (reseau_smtp_transport_check (transport, NULL, &check_error));
  g_assert_error (check_error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_AUTH);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
}

static void
test_untrusted_certificate (void)
{
  g_autofree char *ca = g_strdup (g_getenv ("RESEAU_SMTP_CA_FILE"));
  g_autoptr(ReseauSmtpTransport) transport = NULL;
  g_autoptr(ReseauSmtpTransport) missing_ca = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) missing_error = NULL;

  mail_test_reset_maildir ();
  g_unsetenv ("RESEAU_SMTP_CA_FILE");
  transport = make_transport ();
  g_setenv ("RESEAU_SMTP_CA_FILE", "/nonexistent/ca.pem", TRUE);
  missing_ca = make_transport ();
  g_setenv ("RESEAU_SMTP_CA_FILE", ca, TRUE);

  g_assert_false (send_to (transport, "frederic@example.net", &error));
  g_assert_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_CERTIFICATE);
  g_assert_cmpstr (error->message, ==, "The server’s certificate is not trusted");

  g_assert_false (reseau_smtp_transport_check (missing_ca, NULL, &missing_error));
  g_assert_error (missing_error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_CERTIFICATE);
  g_assert_nonnull (strstr (missing_error->message, "/nonexistent/ca.pem"));
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
}

static guint
closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_closed_port (void)
{
  guint port = closed_port ();
  g_autoptr(ReseauSmtpTransport) transport = reseau_smtp_transport_new ("127.0.0.1", port, RESEAU_SMTP_SECURITY_STARTTLS,
                                                                        "user", "password");
  g_autofree char *expected = g_strdup_printf ("Could not connect to 127.0.0.1:%u", port);
  g_autoptr(GError) error = NULL;

  g_assert_false (send_to (transport, "frederic@example.net", &error));
  g_assert_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_CONNECT);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_true (reseau_smtp_error_is_temporary (error));
  g_assert_true (reseau_smtp_error_affects_account (error));
}

/* Each fault gives its class of error; the same transport then recovers and sends. */
static void
test_faults (void)
{
  static const struct {
    const char *fault;
    int code;
    const char *message;
    guint stored;
  } rows[] = {
    { "reply-mail 550 5.7.1 Sender not allowed", RESEAU_SMTP_ERROR_SENDER_REFUSED,
      "The server refused the sender address " SENDER ": 550 5.7.1 Sender not allowed", 0 },
    { "reply-mail 451", RESEAU_SMTP_ERROR_TEMPORARY, NULL, 0 },
    { "reply-rcpt 550", RESEAU_SMTP_ERROR_PERMANENT,
      "The server refused this recipient: 550 Recipient refused (test fault)", 0 },
    { "reply-rcpt 450", RESEAU_SMTP_ERROR_TEMPORARY,
      "The server did not accept this recipient just now: 450 Recipient refused (test fault)", 0 },
    { "reply-data 550 5.7.1 Rejected", RESEAU_SMTP_ERROR_PERMANENT,
      "The server refused the message: 550 5.7.1 Rejected", 0 },
    { "reply-data 552 Too big", RESEAU_SMTP_ERROR_PERMANENT, NULL, 0 },
    { "reply-data 451 Try later", RESEAU_SMTP_ERROR_TEMPORARY,
      "The server did not accept the message just now: 451 Try later", 0 },
    { "reply-data 421 Going down", RESEAU_SMTP_ERROR_TEMPORARY,
      "The server closed the connection: 421 Going down", 0 },
    /* The whole message went out and no reply came back: the client cannot tell these
     * two apart, and must not claim either way. */
    { "drop-after-data", RESEAU_SMTP_ERROR_UNCONFIRMED,
      "The connection was lost before the server confirmed the message: it may or may not have arrived", 0 },
    { "accept-then-drop", RESEAU_SMTP_ERROR_UNCONFIRMED,
      "The connection was lost before the server confirmed the message: it may or may not have arrived", 1 },
    { "drop-connect", RESEAU_SMTP_ERROR_TEMPORARY, NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ReseauSmtpTransport) transport = make_transport ();
      g_autoptr(GError) warm_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) after_error = NULL;

      g_test_message ("fault: %s", rows[i].fault);
      mail_test_reset_maildir ();

      /* Faults hit an open connection as well as a new one: open one first, except for
       * drop-connect, which only acts on new connections. */
      if (!g_str_equal (rows[i].fault, "drop-connect"))
        {
          g_assert_true (send_to (transport, "warm-up@example.net", &warm_error));
          g_assert_no_error (warm_error);
        }

      mail_test_write_fault (rows[i].fault);
      g_assert_false (send_to (transport, "frederic@example.net", &error));
      g_test_message ("→ %s", error->message);
      g_assert_error (error, RESEAU_SMTP_ERROR, rows[i].code);
      if (rows[i].message != NULL)
        g_assert_cmpstr (error->message, ==, rows[i].message);
      g_assert_cmpuint (reseau_smtp_error_is_temporary (error), ==, rows[i].code == RESEAU_SMTP_ERROR_TEMPORARY);

      mail_test_write_fault (NULL);
      g_assert_true (send_to (transport, "after@example.net", &after_error));
      g_assert_no_error (after_error);
      g_assert_cmpuint (mail_test_count_messages (), ==, rows[i].stored + (g_str_equal (rows[i].fault, "drop-connect") ? 1 : 2));
    }
}

/* A recipient refused by the server fails alone: the next one goes through. */
static void
test_one_recipient_refused (void)
{
  g_autoptr(ReseauSmtpTransport) transport = make_transport ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) other_error = NULL;

  mail_test_reset_maildir ();
  mail_test_write_fault ("reply-rcpt 550 nobody@example.net\n");
  g_assert_false (send_to (transport, "nobody@example.net", &error));
  g_assert_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_PERMANENT);
  g_assert_false (reseau_smtp_error_affects_account (error));
  g_assert_true (send_to (transport, "somebody@example.net", &other_error));
  g_assert_no_error (other_error);
  mail_test_write_fault (NULL);
  g_assert_cmpuint (mail_test_count_messages (), ==, 1);
}

static void
test_stall (void)
{
  g_autoptr(ReseauSmtpTransport) transport = make_transport ();
  g_autoptr(GError) error = NULL;

  mail_test_reset_maildir ();
  reseau_smtp_transport_set_timeouts (transport, 5, 2);
  mail_test_write_fault ("stall-data 20\n");
  g_assert_false (send_to (transport, "frederic@example.net", &error));
  g_assert_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_UNCONFIRMED);
  g_assert_cmpstr (error->message, ==, "The server stopped answering after receiving the message: it may or may not have arrived");
  g_assert_false (reseau_smtp_error_is_temporary (error));
  mail_test_write_fault (NULL);
}

static gpointer
cancel_later (gpointer data)
{
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_cancel (void)
{
  g_autoptr(ReseauSmtpTransport) transport = make_transport ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ReseauContact) contact = mail_test_make_contact (1);
  g_autoptr(GBytes) bytes = build_for (contact, "frederic@example.net");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) early_error = NULL;
  g_autoptr(GError) after_error = NULL;
  GThread *thread;

  mail_test_reset_maildir ();
  /* The server would answer after 30 s; the idle timeout (60 s) is not what stops us. */
  mail_test_write_fault ("stall-data 30\n");
  thread = g_thread_new ("cancel", cancel_later, cancellable);
  g_assert_false (reseau_smtp_transport_send (transport, SENDER, "frederic@example.net", bytes,
                                              cancellable, &error));
  g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (reseau_smtp_error_is_temporary (error));

  g_assert_false (reseau_smtp_transport_send (transport, SENDER, "frederic@example.net", bytes,
                                              cancellable, &early_error));
  g_assert_error (early_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  mail_test_write_fault (NULL);
  g_assert_true (send_to (transport, "after@example.net", &after_error));
  g_assert_no_error (after_error);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} CheckResult;

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  CheckResult *check = data;

  check->ok = reseau_smtp_transport_check_finish (RESEAU_SMTP_TRANSPORT (object), result, &check->error);
  check->done = TRUE;
}

static void
test_check (void)
{
  g_autoptr(ReseauSmtpTransport) transport = make_transport ();
  g_autoptr(ReseauSmtpTransport) wrong = make_transport_with ("wrong");
  g_autoptr(GError) error = NULL;
  CheckResult good = { FALSE, };
  CheckResult bad = { FALSE, };

  mail_test_reset_maildir ();
  g_assert_true (reseau_smtp_transport_check (transport, NULL, &error));
  g_assert_no_error (error);

  reseau_smtp_transport_check_async (transport, NULL, check_cb, &good);
  reseau_smtp_transport_check_async (wrong, NULL, check_cb, &bad);
  while (!good.done || !bad.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (good.error);
  g_assert_true (good.ok);
  g_assert_false (bad.ok);
  g_assert_error (bad.error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_AUTH);
  g_clear_error (&bad.error);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
}

static void
test_insecure (void)
{
  g_autoptr(ReseauSmtpTransport) remote = reseau_smtp_transport_new ("smtp.example.org", 587, RESEAU_SMTP_SECURITY_NONE,
                                                                     "user", "password");
  g_autoptr(ReseauSmtpTransport) local = reseau_smtp_transport_new ("127.0.0.1", smtp_port (), RESEAU_SMTP_SECURITY_NONE,
                                                                    g_getenv ("RESEAU_TEST_SMTP_USER"),
                                                                    g_getenv ("RESEAU_TEST_SMTP_PASSWORD"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) local_error = NULL;

  mail_test_reset_maildir ();
  g_assert_false (send_to (remote, "frederic@example.net", &error));
  g_assert_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INSECURE);
  g_assert_false (reseau_smtp_transport_check (remote, NULL, &check_error));
  g_assert_error (check_error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INSECURE);

  /* Plain text to this computer is allowed; this server insists on TLS and refuses it. */
  reseau_smtp_transport_set_timeouts (local, 3, 3);
  g_assert_false (send_to (local, "frederic@example.net", &local_error));
  g_test_message ("plain text to the test server: %s", local_error->message);
  g_assert_false (g_error_matches (local_error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INSECURE));
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
}

static void
test_wrong_security (void)
{
  g_autoptr(ReseauSmtpTransport) transport = NULL;
  g_autoptr(GError) error = NULL;

  /* SMTPS spoken to a STARTTLS port, or STARTTLS to an SMTPS port. */
  transport = reseau_smtp_transport_new ("127.0.0.1", smtp_port (),
                                         implicit_tls () ? RESEAU_SMTP_SECURITY_STARTTLS : RESEAU_SMTP_SECURITY_TLS,
                                         g_getenv ("RESEAU_TEST_SMTP_USER"), g_getenv ("RESEAU_TEST_SMTP_PASSWORD"));
  reseau_smtp_transport_set_timeouts (transport, 3, 3);
  g_assert_false (send_to (transport, "frederic@example.net", &error));
  g_test_message ("%s", error->message);
  g_assert_true (g_error_matches (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TLS) ||
                 g_error_matches (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_CONNECT));
  g_assert_true (reseau_smtp_error_affects_account (error));
}

/* Nothing the transport prints, even with every debug message on, carries the password,
 * plain or in the base64 of AUTH PLAIN / LOGIN. */
static void
test_password_not_logged (void)
{
  const char *user = g_getenv ("RESEAU_TEST_SMTP_USER");
  const char *password = g_getenv ("RESEAU_TEST_SMTP_PASSWORD");
  g_autofree char *plain = NULL;
  g_autofree char *login = g_base64_encode ((const guchar *)password, strlen (password));
  g_autofree char *wrong_login = g_base64_encode ((const guchar *)"Wrong-Secret-42", 15);
  g_autoptr(GString) auth = g_string_new (NULL);
  g_auto(GStrv) envp = NULL;
  const char *secrets[5];

  if (g_test_subprocess ())
    {
      g_autoptr(ReseauSmtpTransport) good = make_transport ();
      g_autoptr(ReseauSmtpTransport) wrong = make_transport_with ("Wrong-Secret-42");
      g_autoptr(GError) error = NULL;

      g_assert_true (send_to (good, "frederic@example.net", &error));
      g_assert_false (send_to (wrong, "frederic@example.net", &error));
      return;
    }

  g_string_append_c (auth, '\0');
  g_string_append (auth, user);
  g_string_append_c (auth, '\0');
  g_string_append (auth, password);
  plain = g_base64_encode ((const guchar *)auth->str, auth->len);
  secrets[0] = password;
  secrets[1] = plain;
  secrets[2] = login;
  secrets[3] = "Wrong-Secret-42";
  secrets[4] = wrong_login;

  envp = g_environ_setenv (g_get_environ (), "G_MESSAGES_DEBUG", "all", TRUE);
  g_test_trap_subprocess_with_envp (NULL, (const char * const *)envp, 0,
                                    G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("*%s*", secrets[i]);

      g_test_trap_assert_stdout_unmatched (pattern);
      g_test_trap_assert_stderr_unmatched (pattern);
    }
}

static void
test_envelope (void)
{
  static const char *bad[] = {
    "frederic@example.net\r\nRCPT TO:<eve@example.com>",
    "frederic@example.net\n",
    "frederic@example.net>",
    "<frederic@example.net>",
    "frédéric@example.net",
    "",
  };
  g_autoptr(ReseauSmtpTransport) transport = make_transport ();
  g_autoptr(ReseauContact) contact = mail_test_make_contact (2);
  g_autoptr(GBytes) bytes = build_for (contact, "frederic@example.net");

  mail_test_reset_maildir ();
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) to_error = NULL;
      g_autoptr(GError) from_error = NULL;

      g_assert_false (reseau_smtp_transport_send (transport, SENDER, bad[i], bytes, NULL, &to_error));
      g_assert_error (to_error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INVALID);
      g_assert_false (reseau_smtp_transport_send (transport, bad[i], "frederic@example.net", bytes, NULL, &from_error));
      g_assert_error (from_error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INVALID);
    }
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_mime_init ();

  if (g_getenv ("RESEAU_TEST_SMTP_PORT") == NULL)
    g_error ("run me through tests/harness/isolated.py --smtp");
  g_setenv ("RESEAU_SMTP_CA_FILE", g_getenv ("RESEAU_TEST_SMTP_CA"), TRUE);

  g_test_add_func ("/mail/smtp/batch", test_batch);
  g_test_add_func ("/mail/smtp/wrong-password", test_wrong_password);
  g_test_add_func ("/mail/smtp/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/mail/smtp/closed-port", test_closed_port);
  g_test_add_func ("/mail/smtp/faults", test_faults);
  g_test_add_func ("/mail/smtp/server-closes-kept-connection", test_server_closes_kept_connection);
  g_test_add_func ("/mail/smtp/one-recipient-refused", test_one_recipient_refused);
  g_test_add_func ("/mail/smtp/check", test_check);
  g_test_add_func ("/mail/smtp/insecure", test_insecure);
  g_test_add_func ("/mail/smtp/wrong-security", test_wrong_security);
  g_test_add_func ("/mail/smtp/envelope", test_envelope);
  g_test_add_func ("/mail/smtp/password-not-logged", test_password_not_logged);
  /* Last: the server stores a stalled message once its delay is over, whatever the client
   * did, so a later test counting messages could see it. */
  g_test_add_func ("/mail/smtp/stall", test_stall);
  g_test_add_func ("/mail/smtp/cancel", test_cancel);

  return g_test_run ();
}
