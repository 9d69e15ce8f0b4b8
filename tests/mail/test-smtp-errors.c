/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-smtp-errors.c — how libcurl results and server replies become ReseauSmtpErrors,
 * including the cases the test server cannot produce (no DNS, no STARTTLS, a 554 greeting). */

#define G_LOG_DOMAIN "test-smtp-errors"

#include "config.h"

#include <locale.h>

#include "reseau-smtp-private.h"

static void
test_table (void)
{
  static const struct {
    CURLcode code;
    int reply_code;
    const char *reply;
    ReseauSmtpStage stage;
    gboolean data_done;
    int expected;
    const char *message;
  } rows[] = {
    { CURLE_COULDNT_RESOLVE_HOST, 0, "", RESEAU_SMTP_STAGE_CONNECT, FALSE, RESEAU_SMTP_ERROR_CONNECT,
      "Could not find the server smtp.example.org" },
    { CURLE_COULDNT_CONNECT, 0, "", RESEAU_SMTP_STAGE_CONNECT, FALSE, RESEAU_SMTP_ERROR_CONNECT,
      "Could not connect to smtp.example.org:587" },
    { CURLE_OPERATION_TIMEDOUT, 0, "", RESEAU_SMTP_STAGE_CONNECT, FALSE, RESEAU_SMTP_ERROR_CONNECT,
      "Could not connect to smtp.example.org:587: the server did not answer in time" },
    { CURLE_OPERATION_TIMEDOUT, 354, "354 Go ahead", RESEAU_SMTP_STAGE_CONTENT, FALSE, RESEAU_SMTP_ERROR_TEMPORARY,
      "The server stopped answering" },
    { CURLE_OPERATION_TIMEDOUT, 354, "354 Go ahead", RESEAU_SMTP_STAGE_CONTENT, TRUE, RESEAU_SMTP_ERROR_UNCONFIRMED,
      "The server stopped answering after receiving the message: it may or may not have arrived" },
    { CURLE_RECV_ERROR, 354, "354 Go ahead", RESEAU_SMTP_STAGE_CONTENT, TRUE, RESEAU_SMTP_ERROR_UNCONFIRMED,
      "The connection was lost before the server confirmed the message: it may or may not have arrived" },
    { CURLE_WEIRD_SERVER_REPLY, 554, "554 No SMTP service here", RESEAU_SMTP_STAGE_CONNECT, FALSE,
      RESEAU_SMTP_ERROR_CONNECT, "The server refused the connection: 554 No SMTP service here" },
    { CURLE_USE_SSL_FAILED, 0, "", RESEAU_SMTP_STAGE_CONNECT, FALSE, RESEAU_SMTP_ERROR_TLS,
      "The server does not offer an encrypted connection (STARTTLS)" },
    { CURLE_WEIRD_SERVER_REPLY, 454, "454 TLS not available", RESEAU_SMTP_STAGE_STARTTLS, FALSE,
      RESEAU_SMTP_ERROR_TLS, "The server could not start an encrypted connection: 454 TLS not available" },
    { CURLE_SSL_CONNECT_ERROR, 0, "", RESEAU_SMTP_STAGE_CONNECT, FALSE, RESEAU_SMTP_ERROR_TLS, NULL },
    { CURLE_PEER_FAILED_VERIFICATION, 0, "", RESEAU_SMTP_STAGE_CONNECT, FALSE, RESEAU_SMTP_ERROR_CERTIFICATE,
      "The server’s certificate is not trusted" },
    { CURLE_LOGIN_DENIED, 535, "535 5.7.8 Authentication credentials invalid", RESEAU_SMTP_STAGE_AUTH, FALSE,
      RESEAU_SMTP_ERROR_AUTH, "The server refused the user name or password: 535 5.7.8 Authentication credentials invalid" },
    { CURLE_LOGIN_DENIED, 0, "", RESEAU_SMTP_STAGE_AUTH, FALSE, RESEAU_SMTP_ERROR_AUTH,
      "The server refused the user name or password" },
    { CURLE_LOGIN_DENIED, 454, "454 4.7.0 Temporary authentication failure", RESEAU_SMTP_STAGE_AUTH, FALSE,
      RESEAU_SMTP_ERROR_TEMPORARY, NULL },
    { CURLE_AUTH_ERROR, 0, "", RESEAU_SMTP_STAGE_CONNECT, FALSE, RESEAU_SMTP_ERROR_AUTH, NULL },
    { CURLE_SEND_ERROR, 452, "452 Too many recipients", RESEAU_SMTP_STAGE_RCPT, FALSE,
      RESEAU_SMTP_ERROR_TEMPORARY, NULL },
    { CURLE_SEND_ERROR, 421, "421 Service closing", RESEAU_SMTP_STAGE_MAIL, FALSE,
      RESEAU_SMTP_ERROR_TEMPORARY, "The server closed the connection: 421 Service closing" },
    { CURLE_SEND_ERROR, 0, "", RESEAU_SMTP_STAGE_CONTENT, FALSE, RESEAU_SMTP_ERROR_TEMPORARY,
      "The connection was lost while sending" },
    { CURLE_OK, 554, "554 Transaction failed", RESEAU_SMTP_STAGE_CONTENT, TRUE, RESEAU_SMTP_ERROR_PERMANENT,
      "The server refused the message: 554 Transaction failed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ReseauSmtpOutcome outcome = {
        .code = rows[i].code,
        .reply_code = rows[i].reply_code,
        .reply = rows[i].reply,
        .stage = rows[i].stage,
        .data_done = rows[i].data_done,
        .host = "smtp.example.org",
        .port = 587,
        .ca_file = NULL,
        .sender = "zoe@example.org",
      };
      g_autoptr(GError) error = NULL;

      g_test_message ("row %u: %s", i, curl_easy_strerror (rows[i].code));
      _reseau_smtp_set_error (&outcome, &error);
      g_assert_error (error, RESEAU_SMTP_ERROR, rows[i].expected);
      if (rows[i].message != NULL)
        g_assert_cmpstr (error->message, ==, rows[i].message);
    }
}

static void
test_cancelled (void)
{
  ReseauSmtpOutcome outcome = { .code = CURLE_ABORTED_BY_CALLBACK, .reply = "", .host = "h", .port = 25 };
  g_autoptr(GError) error = NULL;

  _reseau_smtp_set_error (&outcome, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (reseau_smtp_error_is_temporary (error));
  g_assert_false (reseau_smtp_error_affects_account (error));
}

static void
test_classes (void)
{
  static const struct { ReseauSmtpError code; gboolean temporary; gboolean account; } rows[] = {
    { RESEAU_SMTP_ERROR_CONNECT, TRUE, TRUE },
    { RESEAU_SMTP_ERROR_CERTIFICATE, FALSE, TRUE },
    { RESEAU_SMTP_ERROR_TLS, FALSE, TRUE },
    { RESEAU_SMTP_ERROR_AUTH, FALSE, TRUE },
    { RESEAU_SMTP_ERROR_TEMPORARY, TRUE, FALSE },
    { RESEAU_SMTP_ERROR_PERMANENT, FALSE, FALSE },
    { RESEAU_SMTP_ERROR_INSECURE, FALSE, TRUE },
    { RESEAU_SMTP_ERROR_INVALID, FALSE, FALSE },
    { RESEAU_SMTP_ERROR_SENDER_REFUSED, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (RESEAU_SMTP_ERROR, rows[i].code, "x");

      g_assert_cmpint (reseau_smtp_error_is_temporary (error), ==, rows[i].temporary);
      g_assert_cmpint (reseau_smtp_error_affects_account (error), ==, rows[i].account);
    }
  g_assert_false (reseau_smtp_error_is_temporary (NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mail/smtp-errors/table", test_table);
  g_test_add_func ("/mail/smtp-errors/cancelled", test_cancelled);
  g_test_add_func ("/mail/smtp-errors/classes", test_classes);

  return g_test_run ();
}
