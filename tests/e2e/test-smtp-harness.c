/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-smtp-harness.c — the test SMTP server behaves like a strict submission server
 *
 * Runs under isolated.py --smtp (STARTTLS) or --implicit-tls (SMTPS) and talks
 * to tests/harness/smtp_server.py with libcurl, as Réseau's transport does.
 */

#define G_LOG_DOMAIN "test-smtp-harness"

#include "config.h"

#include <string.h>

#include <curl/curl.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "mail-test-utils.h"

#define SENDER     "sender@example.org"
#define RECIPIENT  "zoe@example.org"
#define BLIND      "blind@example.org"

/* CRLF line ends, 8-bit UTF-8 body, an RFC 2047 subject ("Réunion à 14 h"),
 * and a line starting with a dot, which must survive dot-stuffing. */
static const char message[] =
  "From: =?UTF-8?Q?R=C3=A9seau?= <" SENDER ">\r\n"
  "To: =?UTF-8?Q?Zo=C3=AB?= <" RECIPIENT ">\r\n"
  "Subject: =?UTF-8?Q?R=C3=A9union_=C3=A0_14_h?=\r\n"
  "Date: Sat, 22 Nov 2025 10:00:00 +0100\r\n"
  "Message-ID: <harness-1@example.org>\r\n"
  "MIME-Version: 1.0\r\n"
  "Content-Type: text/plain; charset=UTF-8\r\n"
  "Content-Transfer-Encoding: 8bit\r\n"
  "\r\n"
  "Bonjour Zoë,\r\n"
  ".ce point ouvre la ligne\r\n"
  "\r\n"
  "À bientôt !\r\n";

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
} Upload;

typedef struct
{
  CURLcode code;
  long     response;
  char     error[CURL_ERROR_SIZE];
} Outcome;

static const char *
smtp_dir (void)
{
  return g_getenv ("RESEAU_TEST_SMTP_DIR");
}

static size_t
read_cb (char   *buffer,
         size_t  size,
         size_t  nitems,
         void   *data)
{
  Upload *upload = data;
  size_t n = MIN (size * nitems, upload->len - upload->pos);

  memcpy (buffer, upload->data + upload->pos, n);
  upload->pos += n;

  return n;
}

static Outcome
send_message (const char *password,
              gboolean    trust_test_ca)
{
  g_autofree char *url = NULL;
  struct curl_slist *rcpt = NULL;
  Upload upload = { message, strlen (message), 0 };
  Outcome outcome = { CURLE_OK, 0, "" };
  gboolean implicit_tls = g_strcmp0 (g_getenv ("RESEAU_TEST_SMTP_IMPLICIT_TLS"), "1") == 0;
  CURL *curl;

  url = g_strdup_printf ("%s://127.0.0.1:%s", implicit_tls ? "smtps" : "smtp",
                         g_getenv ("RESEAU_TEST_SMTP_PORT"));
  rcpt = curl_slist_append (rcpt, "<" RECIPIENT ">");
  rcpt = curl_slist_append (rcpt, "<" BLIND ">");

  curl = curl_easy_init ();
  g_assert_nonnull (curl);
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (trust_test_ca)
    curl_easy_setopt (curl, CURLOPT_CAINFO, g_getenv ("RESEAU_TEST_SMTP_CA"));
  curl_easy_setopt (curl, CURLOPT_USERNAME, g_getenv ("RESEAU_TEST_SMTP_USER"));
  curl_easy_setopt (curl, CURLOPT_PASSWORD, password);
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, "<" SENDER ">");
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt (curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, outcome.error);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);

  outcome.code = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &outcome.response);
  g_test_message ("curl: %s (%d), last reply %ld: %s", curl_easy_strerror (outcome.code),
                  outcome.code, outcome.response, outcome.error);

  curl_easy_cleanup (curl);
  curl_slist_free_all (rcpt);

  return outcome;
}

static void
test_delivers_exact_bytes (void)
{
  g_autofree char *eml_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *eml = NULL;
  g_autofree char *json = NULL;
  g_autofree char *user = NULL;
  g_autofree char *user_pattern = NULL;
  g_autoptr(GError) error = NULL;
  gsize eml_len;
  Outcome outcome;

  mail_test_reset_maildir ();
  outcome = send_message (g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), TRUE);
  g_assert_cmpint (outcome.code, ==, CURLE_OK);
  g_assert_cmpint (outcome.response, ==, 250);
  g_assert_cmpuint (mail_test_count_messages (), ==, 1);

  /* The server adds nothing (no Received:, no X-Peer:): the file is the DATA. */
  eml_path = g_build_filename (smtp_dir (), "1.eml", NULL);
  g_file_get_contents (eml_path, &eml, &eml_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (eml, eml_len, message, strlen (message));

  json_path = g_build_filename (smtp_dir (), "1.json", NULL);
  g_file_get_contents (json_path, &json, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match_simple ("\"mail_from\":\\s*\"" SENDER "\"", json, 0, 0));
  g_assert_true (g_regex_match_simple ("\"rcpt_tos\":\\s*\\[\\s*\"" RECIPIENT "\",\\s*\"" BLIND "\"\\s*\\]",
                                       json, 0, 0));
  user = g_regex_escape_string (g_getenv ("RESEAU_TEST_SMTP_USER"), -1);
  user_pattern = g_strdup_printf ("\"auth_user\":\\s*\"%s\"", user);
  g_assert_true (g_regex_match_simple (user_pattern, json, 0, 0));
}

static void
test_wrong_password (void)
{
  Outcome outcome;

  mail_test_reset_maildir ();
  outcome = send_message ("not-the-password", TRUE);
  g_assert_cmpint (outcome.code, ==, CURLE_LOGIN_DENIED);
  g_assert_cmpint (outcome.response, ==, 535);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
}

static void
test_untrusted_certificate (void)
{
  Outcome outcome;

  mail_test_reset_maildir ();
  outcome = send_message (g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), FALSE);
  g_assert_cmpint (outcome.code, ==, CURLE_PEER_FAILED_VERIFICATION);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
}

static void
test_fault_reply_data (void)
{
  Outcome outcome;

  mail_test_reset_maildir ();
  mail_test_write_fault ("# refused once the message is in\nreply-data 550 5.7.1 Rejected\n");
  outcome = send_message (g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), TRUE);
  /* libcurl reports a refusal after DATA as a weird server reply. */
  g_assert_cmpint (outcome.code, ==, CURLE_WEIRD_SERVER_REPLY);
  g_assert_cmpint (outcome.response, ==, 550);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);

  mail_test_write_fault ("reply-data 451\n");
  outcome = send_message (g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), TRUE);
  g_assert_cmpint (outcome.code, !=, CURLE_OK);
  g_assert_cmpint (outcome.response, ==, 451);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
  mail_test_reset_maildir ();
}

static void
test_fault_reply_rcpt (void)
{
  Outcome outcome;

  mail_test_reset_maildir ();
  mail_test_write_fault ("reply-rcpt 550 " BLIND "\n");
  outcome = send_message (g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), TRUE);
  g_assert_cmpint (outcome.code, ==, CURLE_SEND_ERROR);
  g_assert_cmpint (outcome.response, ==, 550);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);
  mail_test_reset_maildir ();
}

static void
test_fault_drop (void)
{
  Outcome outcome;

  mail_test_reset_maildir ();
  mail_test_write_fault ("drop-after-data\n");
  outcome = send_message (g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), TRUE);
  g_assert_cmpint (outcome.code, !=, CURLE_OK);
  g_assert_cmpuint (mail_test_count_messages (), ==, 0);

  mail_test_write_fault ("accept-then-drop\n");
  outcome = send_message (g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), TRUE);
  g_assert_cmpint (outcome.code, !=, CURLE_OK);
  g_assert_cmpuint (mail_test_count_messages (), ==, 1);

  mail_test_write_fault ("drop-connect\n");
  outcome = send_message (g_getenv ("RESEAU_TEST_SMTP_PASSWORD"), TRUE);
  g_assert_cmpint (outcome.code, !=, CURLE_OK);
  g_assert_cmpuint (mail_test_count_messages (), ==, 1);
  mail_test_reset_maildir ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (smtp_dir () == NULL || g_getenv ("RESEAU_TEST_SMTP_PORT") == NULL)
    g_error ("run me through tests/harness/isolated.py --smtp");

  curl_global_init (CURL_GLOBAL_DEFAULT);

  g_test_add_func ("/harness/smtp/delivers-exact-bytes", test_delivers_exact_bytes);
  g_test_add_func ("/harness/smtp/wrong-password", test_wrong_password);
  g_test_add_func ("/harness/smtp/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/harness/smtp/fault/reply-data", test_fault_reply_data);
  g_test_add_func ("/harness/smtp/fault/reply-rcpt", test_fault_reply_rcpt);
  g_test_add_func ("/harness/smtp/fault/drop", test_fault_drop);

  ret = g_test_run ();
  curl_global_cleanup ();

  return ret;
}
