/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-smtp-transport"

#include "config.h"

#include <string.h>
#include <sys/socket.h>
#include <glib/gi18n-lib.h>

#include "reseau-mail-address.h"
#include "reseau-smtp-private.h"

#define DEFAULT_CONNECT_TIMEOUT 30
#define DEFAULT_IDLE_TIMEOUT    60
#define MAX_REPLY               200

struct _ReseauSmtpTransport
{
  GObject             parent_instance;

  GMutex              lock;
  char               *host;
  guint               port;
  ReseauSmtpSecurity  security;
  char               *username;
  char               *password;
  char               *ca_file;
  guint               connect_timeout;
  guint               idle_timeout;
  gboolean            options_changed;

  /* The handle keeps libcurl's connection cache: while it lives, the next send reuses the
   * open session instead of going through TCP, TLS, EHLO and AUTH again. */
  CURL               *curl;

  /* One exchange, under the lock. */
  GCancellable       *cancellable;
  GBytes             *upload;
  gsize               upload_pos;
  ReseauSmtpStage     stage;
  int                 reply_code;
  char                reply[MAX_REPLY + 1];
};

G_DEFINE_FINAL_TYPE (ReseauSmtpTransport, reseau_smtp_transport, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------------------------- */
/* libcurl callbacks */

static size_t
read_cb (char   *buffer,
         size_t  size,
         size_t  nitems,
         void   *data)
{
  ReseauSmtpTransport *self = data;
  gsize len;
  const char *bytes = g_bytes_get_data (self->upload, &len);
  size_t n = MIN (size * nitems, len - self->upload_pos);

  memcpy (buffer, bytes + self->upload_pos, n);
  self->upload_pos += n;
  return n;
}

static size_t
discard_cb (char   *buffer,
            size_t  size,
            size_t  nitems,
            void   *data)
{
  return size * nitems;
}

static int
progress_cb (void       *data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  ReseauSmtpTransport *self = data;

  return g_cancellable_is_cancelled (self->cancellable) ? 1 : 0;
}

static void
note_command (ReseauSmtpTransport *self,
              const char          *line,
              size_t               len)
{
  static const struct { const char *verb; ReseauSmtpStage stage; } verbs[] = {
    { "STARTTLS", RESEAU_SMTP_STAGE_STARTTLS },
    { "AUTH ",    RESEAU_SMTP_STAGE_AUTH },
    { "MAIL ",    RESEAU_SMTP_STAGE_MAIL },
    { "RCPT ",    RESEAU_SMTP_STAGE_RCPT },
    { "DATA\r",   RESEAU_SMTP_STAGE_DATA },
    { "NOOP",     RESEAU_SMTP_STAGE_COMMAND },
    { "EHLO ",    RESEAU_SMTP_STAGE_CONNECT },
    { "HELO ",    RESEAU_SMTP_STAGE_CONNECT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (len >= strlen (verbs[i].verb) && memcmp (line, verbs[i].verb, strlen (verbs[i].verb)) == 0)
      {
        self->stage = verbs[i].stage;
        return;
      }
}

static void
note_reply (ReseauSmtpTransport *self,
            const char          *line,
            size_t               len)
{
  gsize out = 0;

  if (len < 3 || !g_ascii_isdigit (line[0]) || !g_ascii_isdigit (line[1]) || !g_ascii_isdigit (line[2]))
    return;

  self->reply_code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
  if (self->reply_code == 354 && self->stage == RESEAU_SMTP_STAGE_DATA)
    self->stage = RESEAU_SMTP_STAGE_CONTENT;

  /* The text goes into messages shown to the user: printable ASCII only. */
  for (size_t i = 0; i < len && out < MAX_REPLY; i++)
    {
      char c = line[i] == '-' && i == 3 ? ' ' : line[i];

      if (c == '\r' || c == '\n')
        break;
      self->reply[out++] = g_ascii_isprint (c) ? c : '?';
    }
  self->reply[out] = '\0';
}

/* libcurl's verbose output, used only to know which command a failure answers and what the
 * server said. The client's own lines are read for their verb and nothing else: AUTH lines
 * carry the credentials. Nothing here is logged. */
static int
debug_cb (CURL          *curl,
          curl_infotype  type,
          char          *data,
          size_t         size,
          void          *user_data)
{
  ReseauSmtpTransport *self = user_data;

  if (type == CURLINFO_HEADER_OUT)
    note_command (self, data, size);
  else if (type == CURLINFO_HEADER_IN)
    note_reply (self, data, size);
  return 0;
}

/* ---------------------------------------------------------------------------------------- */
/* The handle */

/* Built with libcurl's URL API, which refuses a host name that would change the URL's
 * meaning ("evil.org/x", "a@b", spaces). Returns NULL for such a name. */
static char *
make_url (ReseauSmtpTransport *self)
{
  g_autofree char *host = NULL;
  g_autofree char *port = g_strdup_printf ("%u", self->port);
  CURLU *url = curl_url ();
  char *text = NULL;
  char *result = NULL;

  if (strchr (self->host, ':') != NULL && self->host[0] != '[')
    host = g_strdup_printf ("[%s]", self->host);
  else
    host = g_strdup (self->host);

  if (curl_url_set (url, CURLUPART_SCHEME,
                    self->security == RESEAU_SMTP_SECURITY_TLS ? "smtps" : "smtp", 0) != CURLUE_OK ||
      curl_url_set (url, CURLUPART_HOST, host, 0) != CURLUE_OK ||
      curl_url_set (url, CURLUPART_PORT, port, 0) != CURLUE_OK ||
      curl_url_get (url, CURLUPART_URL, &text, 0) != CURLUE_OK)
    {
      curl_url_cleanup (url);
      return NULL;
    }
  result = g_strdup (text);
  curl_free (text);
  curl_url_cleanup (url);
  return result;
}

static void
set_timeouts (ReseauSmtpTransport *self)
{
  curl_easy_setopt (self->curl, CURLOPT_CONNECTTIMEOUT, (long)self->connect_timeout);
  curl_easy_setopt (self->curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, (long)self->idle_timeout);
  curl_easy_setopt (self->curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (self->curl, CURLOPT_LOW_SPEED_TIME, (long)self->idle_timeout);
}

static gboolean
ensure_handle (ReseauSmtpTransport  *self,
               GError              **error)
{
  g_autofree char *url = NULL;

  if (self->curl != NULL)
    {
      if (self->options_changed)
        set_timeouts (self);
      self->options_changed = FALSE;
      return TRUE;
    }

  if (self->security == RESEAU_SMTP_SECURITY_NONE && !_reseau_mail_host_is_local (self->host))
    {
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INSECURE,
                   _("Sending without encryption is only allowed to this computer (localhost); choose STARTTLS or TLS for %s"),
                   self->host);
      return FALSE;
    }
  if (*self->host == '\0' || _reseau_mail_find_control (self->host) != 0 ||
      (url = make_url (self)) == NULL)
    {
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INVALID,
                   _("“%s” is not a valid server name"),
                   _reseau_mail_find_control (self->host) == 0 ? self->host : "?");
      return FALSE;
    }

  self->curl = curl_easy_init ();
  curl_easy_setopt (self->curl, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt (self->curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
  curl_easy_setopt (self->curl, CURLOPT_PROTOCOLS, (long)(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
  curl_easy_setopt (self->curl, CURLOPT_USE_SSL,
                    (long)(self->security == RESEAU_SMTP_SECURITY_NONE ? CURLUSESSL_NONE : CURLUSESSL_ALL));
  curl_easy_setopt (self->curl, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (self->ca_file != NULL)
    curl_easy_setopt (self->curl, CURLOPT_CAINFO, self->ca_file);
  if (self->username != NULL && *self->username != '\0')
    {
      curl_easy_setopt (self->curl, CURLOPT_USERNAME, self->username);
      curl_easy_setopt (self->curl, CURLOPT_PASSWORD, self->password != NULL ? self->password : "");
      curl_easy_setopt (self->curl, CURLOPT_SASL_IR, 1L);
    }
  curl_easy_setopt (self->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (self->curl, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt (self->curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (self->curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (self->curl, CURLOPT_XFERINFODATA, self);
  curl_easy_setopt (self->curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt (self->curl, CURLOPT_READDATA, self);
  curl_easy_setopt (self->curl, CURLOPT_WRITEFUNCTION, discard_cb);
  curl_easy_setopt (self->curl, CURLOPT_DEBUGFUNCTION, debug_cb);
  curl_easy_setopt (self->curl, CURLOPT_DEBUGDATA, self);
  curl_easy_setopt (self->curl, CURLOPT_VERBOSE, 1L);
  set_timeouts (self);
  self->options_changed = FALSE;

  return TRUE;
}

/* After a failure the session may be out of step — libcurl keeps a connection whose
 * transfer was aborted while the server still owes a reply, and the next MAIL FROM would
 * read that stale reply — so the connection is never reused: its socket is shut down (so
 * that the QUIT libcurl sends on clean-up fails at once instead of waiting on a stalled
 * server) and the handle dropped. */
static void
drop_connection (ReseauSmtpTransport *self)
{
  curl_socket_t fd = CURL_SOCKET_BAD;

  if (self->curl == NULL)
    return;
  if (curl_easy_getinfo (self->curl, CURLINFO_ACTIVESOCKET, &fd) == CURLE_OK && fd != CURL_SOCKET_BAD)
    shutdown (fd, SHUT_RDWR);
  g_clear_pointer (&self->curl, curl_easy_cleanup);
}

/* A kept connection that the server closed while it was idle (many servers do after a
 * minute, or after so many messages) fails on its first command, before the server has
 * accepted anything for this message: sending again on a new connection cannot deliver the
 * message twice. */
static gboolean
is_stale_connection (ReseauSmtpTransport     *self,
                     const ReseauSmtpOutcome *outcome)
{
  long new_connections = -1;

  curl_easy_getinfo (self->curl, CURLINFO_NUM_CONNECTS, &new_connections);
  if (new_connections != 0 ||
      (outcome->stage != RESEAU_SMTP_STAGE_CONNECT && outcome->stage != RESEAU_SMTP_STAGE_MAIL))
    return FALSE;
  if (outcome->reply_code == 421)
    return TRUE;
  return outcome->reply_code == 0 &&
         (outcome->code == CURLE_SEND_ERROR || outcome->code == CURLE_RECV_ERROR ||
          outcome->code == CURLE_GOT_NOTHING);
}

/* Runs the exchange set up on the handle and turns its outcome into a GError. @stale is
 * set when the failure is that of a kept connection gone stale (see above). */
static gboolean
perform (ReseauSmtpTransport  *self,
         const char           *sender,
         GCancellable         *cancellable,
         gboolean             *stale,
         GError              **error)
{
  ReseauSmtpOutcome outcome = { 0, };
  long response = 0;

  *stale = FALSE;

  self->cancellable = cancellable;
  self->stage = RESEAU_SMTP_STAGE_CONNECT;
  self->reply_code = 0;
  self->reply[0] = '\0';

  outcome.code = curl_easy_perform (self->curl);
  self->cancellable = NULL;

  curl_easy_getinfo (self->curl, CURLINFO_RESPONSE_CODE, &response);
  if (outcome.code == CURLE_OK && response < 400)
    return TRUE;

  outcome.reply_code = self->reply_code != 0 ? self->reply_code : (int)response;
  outcome.reply = self->reply;
  outcome.stage = self->stage;
  outcome.data_done = self->upload != NULL && self->upload_pos == g_bytes_get_size (self->upload);
  outcome.host = self->host;
  outcome.port = self->port;
  outcome.ca_file = self->ca_file;
  outcome.sender = sender;
  *stale = is_stale_connection (self, &outcome);
  _reseau_smtp_set_error (&outcome, error);
  drop_connection (self);
  return FALSE;
}

/* ---------------------------------------------------------------------------------------- */
/* Sending */

static char *
check_envelope_address (const char  *address,
                        gboolean     recipient,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *ascii;

  if (_reseau_mail_find_control (address) != 0)
    {
      g_set_error (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INVALID,
                   recipient ? _("The recipient’s address contains a line break or a control character")
                             : _("The sender’s address contains a line break or a control character"));
      return NULL;
    }
  if ((ascii = _reseau_mail_address_to_ascii (address, &local_error)) == NULL)
    g_set_error_literal (error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_INVALID, local_error->message);
  return ascii;
}

gboolean
reseau_smtp_transport_send (ReseauSmtpTransport  *self,
                            const char           *envelope_from,
                            const char           *envelope_to,
                            GBytes               *message,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *mail_from = NULL;
  g_autofree char *rcpt_to = NULL;
  g_autoptr(GError) local_error = NULL;
  struct curl_slist *rcpt;
  gboolean ok = FALSE;

  g_return_val_if_fail (RESEAU_IS_SMTP_TRANSPORT (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (from = check_envelope_address (envelope_from, FALSE, error)) == NULL ||
      (to = check_envelope_address (envelope_to, TRUE, error)) == NULL)
    return FALSE;

  mail_from = g_strdup_printf ("<%s>", from);
  rcpt_to = g_strdup_printf ("<%s>", to);
  rcpt = curl_slist_append (NULL, rcpt_to);

  locker = g_mutex_locker_new (&self->lock);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      gboolean stale = FALSE;

      g_clear_error (&local_error);
      if (!ensure_handle (self, &local_error))
        break;

      self->upload = message;
      self->upload_pos = 0;
      curl_easy_setopt (self->curl, CURLOPT_CUSTOMREQUEST, NULL);
      curl_easy_setopt (self->curl, CURLOPT_MAIL_FROM, mail_from);
      curl_easy_setopt (self->curl, CURLOPT_MAIL_RCPT, rcpt);
      curl_easy_setopt (self->curl, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt (self->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)g_bytes_get_size (message));

      ok = perform (self, from, cancellable, &stale, &local_error);

      if (self->curl != NULL)
        curl_easy_setopt (self->curl, CURLOPT_MAIL_RCPT, NULL);
      self->upload = NULL;
      if (ok || !stale)
        break;
      g_debug ("The kept connection to %s:%u had closed; sending on a new one", self->host, self->port);
    }
  curl_slist_free_all (rcpt);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

gboolean
reseau_smtp_transport_check (ReseauSmtpTransport  *self,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean stale;

  g_return_val_if_fail (RESEAU_IS_SMTP_TRANSPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* A check tests the server as it is now: on a new connection, the kept one closed
   * politely (QUIT). Without an upload or recipients, libcurl's SMTP "transfer" is the
   * custom command, sent once the connection is set up — TLS and AUTH included. */
  locker = g_mutex_locker_new (&self->lock);
  g_clear_pointer (&self->curl, curl_easy_cleanup);
  if (!ensure_handle (self, error))
    return FALSE;
  curl_easy_setopt (self->curl, CURLOPT_UPLOAD, 0L);
  curl_easy_setopt (self->curl, CURLOPT_MAIL_RCPT, NULL);
  curl_easy_setopt (self->curl, CURLOPT_CUSTOMREQUEST, "NOOP");

  return perform (self, NULL, cancellable, &stale, error);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (reseau_smtp_transport_check (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
reseau_smtp_transport_check_async (ReseauSmtpTransport *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RESEAU_IS_SMTP_TRANSPORT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_smtp_transport_check_async);
  g_task_run_in_thread (task, check_thread);
}

gboolean
reseau_smtp_transport_check_finish (ReseauSmtpTransport  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
reseau_smtp_transport_disconnect (ReseauSmtpTransport *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (RESEAU_IS_SMTP_TRANSPORT (self));

  locker = g_mutex_locker_new (&self->lock);
  g_clear_pointer (&self->curl, curl_easy_cleanup);
}

/* ---------------------------------------------------------------------------------------- */
/* Life cycle */

static void
reseau_smtp_transport_finalize (GObject *object)
{
  ReseauSmtpTransport *self = RESEAU_SMTP_TRANSPORT (object);

  g_clear_pointer (&self->curl, curl_easy_cleanup);
  if (self->password != NULL)
    explicit_bzero (self->password, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->ca_file, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (reseau_smtp_transport_parent_class)->finalize (object);
}

static void
reseau_smtp_transport_class_init (ReseauSmtpTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reseau_smtp_transport_finalize;

  /* Not thread-safe in every libcurl build: done once, while the type is being set up. */
  _reseau_smtp_global_init ();
}

static void
reseau_smtp_transport_init (ReseauSmtpTransport *self)
{
  g_mutex_init (&self->lock);
  self->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
  self->idle_timeout = DEFAULT_IDLE_TIMEOUT;
}

ReseauSmtpTransport *
reseau_smtp_transport_new (const char         *host,
                           guint               port,
                           ReseauSmtpSecurity  security,
                           const char         *username,
                           const char         *password)
{
  ReseauSmtpTransport *self;
  const char *ca_file = g_getenv ("RESEAU_SMTP_CA_FILE");

  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (port > 0 && port <= 65535, NULL);
  g_return_val_if_fail (security <= RESEAU_SMTP_SECURITY_NONE, NULL);

  self = g_object_new (RESEAU_TYPE_SMTP_TRANSPORT, NULL);
  self->host = g_strdup (host);
  self->port = port;
  self->security = security;
  self->username = g_strdup (username);
  self->password = g_strdup (password);
  if (ca_file != NULL && *ca_file != '\0')
    self->ca_file = g_strdup (ca_file);

  return self;
}

const char *
reseau_smtp_transport_get_host (ReseauSmtpTransport *self)
{
  g_return_val_if_fail (RESEAU_IS_SMTP_TRANSPORT (self), NULL);

  return self->host;
}

guint
reseau_smtp_transport_get_port (ReseauSmtpTransport *self)
{
  g_return_val_if_fail (RESEAU_IS_SMTP_TRANSPORT (self), 0);

  return self->port;
}

void
reseau_smtp_transport_set_timeouts (ReseauSmtpTransport *self,
                                    guint                connect_seconds,
                                    guint                idle_seconds)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (RESEAU_IS_SMTP_TRANSPORT (self));

  locker = g_mutex_locker_new (&self->lock);
  if (connect_seconds > 0)
    self->connect_timeout = connect_seconds;
  if (idle_seconds > 0)
    self->idle_timeout = idle_seconds;
  self->options_changed = TRUE;
}
