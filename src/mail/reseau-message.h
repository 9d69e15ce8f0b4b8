/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Everything one message to one person is made of. Strings are UTF-8; @body uses "\n" (CR LF
 * and lone CR are accepted too). @from_name, @to_name may be %NULL; @date %NULL means now;
 * @message_id (without angle brackets) %NULL means a random one. */
typedef struct
{
  const char *from_name;
  const char *from_address;
  const char *to_name;
  const char *to_address;
  const char *subject;
  const char *body;
  const char *message_id;
  GDateTime  *date;
} ReseauMessageParts;

#define RESEAU_MESSAGE_ERROR (reseau_message_error_quark ())

typedef enum
{
  RESEAU_MESSAGE_ERROR_HEADER_INJECTION,   /* CR, LF, NUL or another control character in a header value */
  RESEAU_MESSAGE_ERROR_INVALID_ADDRESS,
  RESEAU_MESSAGE_ERROR_INVALID_TEXT,       /* not UTF-8 */
} ReseauMessageError;

GQuark  reseau_message_error_quark (void);

/**
 * reseau_message_build:
 *
 * The RFC 5322 message for @parts, ready for SMTP DATA (before dot-stuffing): CRLF line ends,
 * 7-bit only — non-ASCII header text encoded per RFC 2047, a `text/plain; charset=utf-8` body
 * in quoted-printable or base64, whichever is shorter for the text —, Date, Message-ID,
 * MIME-Version, From and exactly one To; never Cc or Bcc.
 *
 * Refuses, naming the field, any control character in a header value (a merge field or a
 * name carrying "\r\n" must not add headers) and any address that is not a plain one.
 */
GBytes *reseau_message_build       (const ReseauMessageParts *parts,
                                    GError                  **error);

/**
 * reseau_message_make_id:
 *
 * A Message-ID (without angle brackets) that is the same every time it is computed for the
 * same campaign, contact and sender, so that a message sent again after an unconfirmed
 * attempt is recognisably the same message. Campaign ids must therefore never be reused.
 */
char   *reseau_message_make_id     (gint64                    campaign_id,
                                    gint64                    contact_id,
                                    const char               *from_address);

G_END_DECLS
