/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-smtp-errors"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-smtp-private.h"

G_DEFINE_QUARK (reseau-smtp-error-quark, reseau_smtp_error)

gboolean
reseau_smtp_error_is_temporary (const GError *error)
{
  return error != NULL &&
         error->domain == RESEAU_SMTP_ERROR &&
         (error->code == RESEAU_SMTP_ERROR_TEMPORARY || error->code == RESEAU_SMTP_ERROR_CONNECT);
}

gboolean
reseau_smtp_error_affects_account (const GError *error)
{
  if (error == NULL || error->domain != RESEAU_SMTP_ERROR)
    return FALSE;

  switch ((ReseauSmtpError)error->code)
    {
    case RESEAU_SMTP_ERROR_CONNECT:
    case RESEAU_SMTP_ERROR_CERTIFICATE:
    case RESEAU_SMTP_ERROR_TLS:
    case RESEAU_SMTP_ERROR_AUTH:
    case RESEAU_SMTP_ERROR_INSECURE:
    case RESEAU_SMTP_ERROR_SENDER_REFUSED:
      return TRUE;
    case RESEAU_SMTP_ERROR_TEMPORARY:
    case RESEAU_SMTP_ERROR_PERMANENT:
    case RESEAU_SMTP_ERROR_INVALID:
    case RESEAU_SMTP_ERROR_UNCONFIRMED:
    default:
      return FALSE;
    }
}

/* A reply of 400 or more, read from the stage it answered (RFC 5321 §4.2.1: 4yz is
 * transient, 5yz permanent; 421 closes the session whatever the command was). */
static void
set_reply_error (const ReseauSmtpOutcome  *outcome,
                 GError                  **error)
{
  gboolean permanent = outcome->reply_code >= 500;
  const char *reply = outcome->reply;

  if (outcome->reply_code == 421)
    {
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TEMPORARY,
                   _("The server closed the connection: %s"), reply);
      return;
    }

  switch (outcome->stage)
    {
    case RESEAU_SMTP_STAGE_AUTH:
      if (permanent)
        g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_AUTH,
                     _("The server refused the user name or password: %s"), reply);
      else
        g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TEMPORARY,
                     _("The server could not check the password just now: %s"), reply);
      return;
    case RESEAU_SMTP_STAGE_STARTTLS:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TLS,
                   _("The server could not start an encrypted connection: %s"), reply);
      return;
    case RESEAU_SMTP_STAGE_MAIL:
      if (permanent)
        g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_SENDER_REFUSED,
                     _("The server refused the sender address %s: %s"), outcome->sender, reply);
      else
        g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TEMPORARY,
                     _("The server did not accept the sender address just now: %s"), reply);
      return;
    case RESEAU_SMTP_STAGE_RCPT:
      g_set_error (error, RESEAU_SMTP_ERROR,
                   permanent ? RESEAU_SMTP_ERROR_PERMANENT : RESEAU_SMTP_ERROR_TEMPORARY,
                   permanent ? _("The server refused this recipient: %s")
                             : _("The server did not accept this recipient just now: %s"),
                   reply);
      return;
    case RESEAU_SMTP_STAGE_DATA:
    case RESEAU_SMTP_STAGE_CONTENT:
      g_set_error (error, RESEAU_SMTP_ERROR,
                   permanent ? RESEAU_SMTP_ERROR_PERMANENT : RESEAU_SMTP_ERROR_TEMPORARY,
                   permanent ? _("The server refused the message: %s")
                             : _("The server did not accept the message just now: %s"),
                   reply);
      return;
    case RESEAU_SMTP_STAGE_CONNECT:
    case RESEAU_SMTP_STAGE_COMMAND:
    default:
      g_set_error (error, RESEAU_SMTP_ERROR,
                   permanent ? RESEAU_SMTP_ERROR_CONNECT : RESEAU_SMTP_ERROR_TEMPORARY,
                   permanent ? _("The server refused the connection: %s")
                             : _("The server is not available just now: %s"),
                   reply);
      return;
    }
}

/* The connection ended without a reply to read: say when, because a message that was
 * completely sent may have arrived even though the server never confirmed it. */
static void
set_lost_error (const ReseauSmtpOutcome  *outcome,
                GError                  **error)
{
  if (outcome->stage == RESEAU_SMTP_STAGE_CONTENT && outcome->data_done)
    g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_UNCONFIRMED,
                 _("The connection was lost before the server confirmed the message: it may or may not have arrived"));
  else if (outcome->stage == RESEAU_SMTP_STAGE_CONNECT)
    g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TEMPORARY,
                 _("The server %s:%u closed the connection"), outcome->host, outcome->port);
  else
    g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TEMPORARY,
                 _("The connection was lost while sending"));
}

void
_reseau_smtp_set_error (const ReseauSmtpOutcome  *outcome,
                        GError                  **error)
{
  g_assert (outcome->code != CURLE_OK || outcome->reply_code >= 400);

  if (outcome->code == CURLE_ABORTED_BY_CALLBACK)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Sending was cancelled"));
      return;
    }
  if (outcome->reply_code >= 400)
    {
      set_reply_error (outcome, error);
      return;
    }

  switch (outcome->code)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_CONNECT,
                   _("Could not find the server %s"), outcome->host);
      break;
    case CURLE_COULDNT_CONNECT:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_CONNECT,
                   _("Could not connect to %s:%u"), outcome->host, outcome->port);
      break;
    case CURLE_OPERATION_TIMEDOUT:
      if (outcome->stage == RESEAU_SMTP_STAGE_CONNECT)
        g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_CONNECT,
                     _("Could not connect to %s:%u: the server did not answer in time"),
                     outcome->host, outcome->port);
      else if (outcome->stage == RESEAU_SMTP_STAGE_CONTENT && outcome->data_done)
        g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_UNCONFIRMED,
                     _("The server stopped answering after receiving the message: it may or may not have arrived"));
      else
        g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TEMPORARY,
                     _("The server stopped answering"));
      break;
    case CURLE_PEER_FAILED_VERIFICATION:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_CERTIFICATE,
                   _("The server’s certificate is not trusted"));
      break;
    case CURLE_SSL_CACERT_BADFILE:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_CERTIFICATE,
                   _("The certificate authorities in “%s” could not be read"),
                   outcome->ca_file != NULL ? outcome->ca_file : "");
      break;
    case CURLE_USE_SSL_FAILED:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TLS,
                   _("The server does not offer an encrypted connection (STARTTLS)"));
      break;
    case CURLE_SSL_CONNECT_ERROR:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TLS,
                   _("Could not set up an encrypted connection with %s:%u; check the port and the security setting"),
                   outcome->host, outcome->port);
      break;
    case CURLE_LOGIN_DENIED:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_AUTH,
                   _("The server refused the user name or password"));
      break;
    case CURLE_AUTH_ERROR:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_AUTH,
                   _("The server offers no way of signing in that Réseau supports"));
      break;
    case CURLE_URL_MALFORMAT:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INVALID,
                   _("“%s” is not a valid server name"), outcome->host);
      break;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_SSL_SHUTDOWN_FAILED:
      set_lost_error (outcome, error);
      break;
    default:
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_TEMPORARY,
                   _("Sending failed: %s"), curl_easy_strerror (outcome->code));
      break;
    }
}
