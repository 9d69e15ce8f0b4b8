/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RESEAU_SMTP_SECURITY_STARTTLS,   /* smtp://, STARTTLS required (CURLUSESSL_ALL) */
  RESEAU_SMTP_SECURITY_TLS,        /* smtps://, TLS from the first byte */
  RESEAU_SMTP_SECURITY_NONE,       /* plain text: only to localhost, 127.0.0.1 or ::1 */
} ReseauSmtpSecurity;

#define RESEAU_SMTP_ERROR (reseau_smtp_error_quark ())

typedef enum
{
  RESEAU_SMTP_ERROR_CONNECT,          /* host not found, refused, unreachable */
  RESEAU_SMTP_ERROR_CERTIFICATE,      /* certificate not trusted or not for this host */
  RESEAU_SMTP_ERROR_TLS,              /* no STARTTLS, handshake failed */
  RESEAU_SMTP_ERROR_AUTH,             /* user name or password refused, no usable method */
  RESEAU_SMTP_ERROR_TEMPORARY,        /* 4xx, connection dropped, timeout: try again later */
  RESEAU_SMTP_ERROR_PERMANENT,        /* 5xx for this recipient or this message */
  RESEAU_SMTP_ERROR_INSECURE,         /* RESEAU_SMTP_SECURITY_NONE to a host that is not local */
  RESEAU_SMTP_ERROR_INVALID,          /* bad envelope address or server name */
  RESEAU_SMTP_ERROR_SENDER_REFUSED,   /* 5xx to MAIL FROM: every message of this account fails */
  RESEAU_SMTP_ERROR_UNCONFIRMED,      /* the whole message went out, then the connection was lost
                                       * or the server fell silent before its reply: it may have
                                       * arrived, so sending it again could deliver it twice */
} ReseauSmtpError;

GQuark   reseau_smtp_error_quark           (void);

/* TRUE for errors worth retrying later unchanged: %RESEAU_SMTP_ERROR_TEMPORARY and
 * %RESEAU_SMTP_ERROR_CONNECT. FALSE for cancellation and %RESEAU_SMTP_ERROR_UNCONFIRMED,
 * which only the user can settle. */
gboolean reseau_smtp_error_is_temporary    (const GError *error);

/* TRUE for errors that concern the account or the server rather than one recipient
 * (connection, certificate, TLS, authentication, insecure settings, sender refused):
 * an outbox should stop the run instead of failing every recipient in turn. */
gboolean reseau_smtp_error_affects_account (const GError *error);

#define RESEAU_TYPE_SMTP_TRANSPORT (reseau_smtp_transport_get_type ())

G_DECLARE_FINAL_TYPE (ReseauSmtpTransport, reseau_smtp_transport, RESEAU, SMTP_TRANSPORT, GObject)

/**
 * reseau_smtp_transport_new:
 * @username: (nullable): %NULL or "" to send without AUTH
 * @password: (nullable): copied, and wiped from memory when the transport is finalized
 *
 * A connection to one submission server, opened on the first send and kept for the next
 * ones. Certificates and host names are always verified; the environment variable
 * `RESEAU_SMTP_CA_FILE` names an extra CA bundle (a server with a private CA).
 *
 * The blocking calls are meant for one worker thread at a time (they are serialised by a
 * lock); a #GCancellable may be triggered from any thread and stops the exchange within a
 * second.
 */
ReseauSmtpTransport *reseau_smtp_transport_new          (const char          *host,
                                                         guint                port,
                                                         ReseauSmtpSecurity   security,
                                                         const char          *username,
                                                         const char          *password);
const char          *reseau_smtp_transport_get_host     (ReseauSmtpTransport *self);
guint                reseau_smtp_transport_get_port     (ReseauSmtpTransport *self);

/* Defaults: 30 s to connect, 60 s of silence from the server. 0 keeps the current value. */
void                 reseau_smtp_transport_set_timeouts (ReseauSmtpTransport *self,
                                                         guint                connect_seconds,
                                                         guint                idle_seconds);

/**
 * reseau_smtp_transport_send:
 * @envelope_from: the MAIL FROM address
 * @envelope_to: the one RCPT TO address
 * @message: the bytes from reseau_message_build()
 *
 * Sends one message to one recipient, reusing the open connection when there is one (and
 * opening a new one, once, when the kept one turns out to have been closed by the server
 * before it accepted anything). After any failure the connection is dropped, never reused.
 * Returns %TRUE only when the server answered 250 to the end of the data; otherwise @error
 * is in %RESEAU_SMTP_ERROR (or %G_IO_ERROR_CANCELLED) with a translated message that quotes
 * the server's reply when there is one ("The server refused this recipient: 550 5.1.1 …").
 */
gboolean             reseau_smtp_transport_send         (ReseauSmtpTransport *self,
                                                         const char          *envelope_from,
                                                         const char          *envelope_to,
                                                         GBytes              *message,
                                                         GCancellable        *cancellable,
                                                         GError             **error);

/* Connects afresh, negotiates TLS and signs in, then says NOOP: what "Test Connection"
 * checks. */
gboolean             reseau_smtp_transport_check        (ReseauSmtpTransport *self,
                                                         GCancellable        *cancellable,
                                                         GError             **error);
void                 reseau_smtp_transport_check_async  (ReseauSmtpTransport *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean             reseau_smtp_transport_check_finish (ReseauSmtpTransport *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* Closes the open connection (QUIT), if any. The next send opens a new one. */
void                 reseau_smtp_transport_disconnect   (ReseauSmtpTransport *self);

G_END_DECLS
