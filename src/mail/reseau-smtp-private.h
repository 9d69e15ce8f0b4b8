/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <curl/curl.h>

#include "reseau-smtp-transport.h"

G_BEGIN_DECLS

/* How far one exchange got, as seen from the commands sent and the replies received. */
typedef enum
{
  RESEAU_SMTP_STAGE_CONNECT,    /* TCP, TLS, greeting, EHLO */
  RESEAU_SMTP_STAGE_STARTTLS,
  RESEAU_SMTP_STAGE_AUTH,
  RESEAU_SMTP_STAGE_MAIL,
  RESEAU_SMTP_STAGE_RCPT,
  RESEAU_SMTP_STAGE_DATA,       /* DATA sent, waiting for 354 */
  RESEAU_SMTP_STAGE_CONTENT,    /* 354 received: the message is going out */
  RESEAU_SMTP_STAGE_COMMAND,    /* NOOP and other commands */
} ReseauSmtpStage;

typedef struct
{
  CURLcode         code;
  int              reply_code;      /* last reply of the exchange, 0 if none */
  const char      *reply;           /* its text, printable ASCII only, or "" */
  ReseauSmtpStage  stage;
  gboolean         data_done;       /* the whole message was handed to libcurl */
  const char      *host;
  guint            port;
  const char      *ca_file;
  const char      *sender;
} ReseauSmtpOutcome;

void _reseau_smtp_set_error   (const ReseauSmtpOutcome  *outcome,
                               GError                  **error);
void _reseau_smtp_global_init (void);

G_END_DECLS
