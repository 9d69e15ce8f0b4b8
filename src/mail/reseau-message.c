/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-message"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gmime/gmime.h>

#include "reseau-mail-address.h"
#include "reseau-message.h"

/* GMime 3.2 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeDataWrapper, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeObject, g_object_unref)

G_DEFINE_QUARK (reseau-message-error-quark, reseau_message_error)

typedef enum
{
  PART_FROM_NAME,
  PART_FROM_ADDRESS,
  PART_TO_NAME,
  PART_TO_ADDRESS,
  PART_SUBJECT,
  PART_MESSAGE_ID,
  N_HEADER_PARTS
} HeaderPart;

static const char *
header_part_label (HeaderPart part)
{
  switch (part)
    {
    case PART_FROM_NAME:    return _("The sender’s name");
    case PART_FROM_ADDRESS: return _("The sender’s address");
    case PART_TO_NAME:      return _("The recipient’s name");
    case PART_TO_ADDRESS:   return _("The recipient’s address");
    case PART_SUBJECT:      return _("The subject");
    case PART_MESSAGE_ID:   return _("The Message-ID");
    case N_HEADER_PARTS:
    default:
      g_assert_not_reached ();
    }
}

static void
ensure_gmime (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_mime_init ();
      g_once_init_leave (&initialized, 1);
    }
}

/* Header values end up between CRLFs on the wire: one CR or LF from a merge field, a name
 * or an address would let a contact's data add headers (Bcc: …) or end the header block. */
static gboolean
check_header_values (const ReseauMessageParts  *parts,
                     GError                   **error)
{
  const char *values[N_HEADER_PARTS] = {
    [PART_FROM_NAME] = parts->from_name,
    [PART_FROM_ADDRESS] = parts->from_address,
    [PART_TO_NAME] = parts->to_name,
    [PART_TO_ADDRESS] = parts->to_address,
    [PART_SUBJECT] = parts->subject,
    [PART_MESSAGE_ID] = parts->message_id,
  };

  for (HeaderPart part = 0; part < N_HEADER_PARTS; part++)
    {
      gunichar c = _reseau_mail_find_control (values[part]);

      if (c != 0)
        {
          g_set_error (error, RESEAU_MESSAGE_ERROR, RESEAU_MESSAGE_ERROR_HEADER_INJECTION,
                       (c == '\r' || c == '\n')
                         ? _("%s contains a line break, which cannot go into a mail header")
                         : _("%s contains a control character (U+%04X), which cannot go into a mail header"),
                       header_part_label (part), c);
          return FALSE;
        }
      if (values[part] != NULL && !g_utf8_validate (values[part], -1, NULL))
        {
          g_set_error (error, RESEAU_MESSAGE_ERROR, RESEAU_MESSAGE_ERROR_INVALID_TEXT,
                       _("%s is not valid UTF-8 text"), header_part_label (part));
          return FALSE;
        }
    }
  return TRUE;
}

static char *
check_address (HeaderPart   part,
               const char  *address,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *ascii = _reseau_mail_address_to_ascii (address, &local_error);

  if (ascii == NULL)
    /* TRANSLATORS: "The recipient’s address: “zoe@” is not a valid email address" */
    g_set_error (error, RESEAU_MESSAGE_ERROR, RESEAU_MESSAGE_ERROR_INVALID_ADDRESS,
                 _("%s: %s"), header_part_label (part), local_error->message);
  return ascii;
}

/* RFC 5322 msg-id: dot-atom-text "@" dot-atom-text, ASCII only. */
static gboolean
check_message_id (const char  *id,
                  GError     **error)
{
  const char *at = strchr (id, '@');
  gboolean ok = at != NULL && at != id && at[1] != '\0' && strchr (at + 1, '@') == NULL;

  for (const char *p = id; ok && *p != '\0'; p++)
    ok = g_ascii_isalnum (*p) || strchr ("!#$%&'*+-/=?^_`{|}~.@", *p) != NULL;
  if (!ok)
    g_set_error (error, RESEAU_MESSAGE_ERROR, RESEAU_MESSAGE_ERROR_INVALID_TEXT,
                 _("“%s” is not a valid Message-ID"), id);
  return ok;
}

/* "\n" line ends only, and a final one; GMime turns them into CRLF on output. */
static char *
normalize_body (const char *body,
                gsize      *len)
{
  GString *out = g_string_sized_new (strlen (body) + 2);

  for (const char *p = body; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  if (out->len == 0 || out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');

  *len = out->len;
  return g_string_free_and_steal (out);
}

/* The body as text/plain; charset=utf-8 — set by hand, because g_mime_text_part_set_text()
 * would pick ISO-8859-1 for French text — with the 7-bit encoding GMime finds best for it:
 * quoted-printable for mostly-ASCII text, base64 otherwise. */
static GMimeObject *
make_body_part (const char *body)
{
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeDataWrapper) wrapper = NULL;
  g_autofree char *text = NULL;
  GMimeTextPart *part;
  gsize len;

  text = normalize_body (body, &len);
  stream = g_mime_stream_mem_new_with_buffer (text, len);
  wrapper = g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);

  part = g_mime_text_part_new_with_subtype ("plain");
  g_mime_part_set_content (GMIME_PART (part), wrapper);
  g_mime_text_part_set_charset (part, "utf-8");
  g_mime_part_set_content_encoding (GMIME_PART (part),
                                    g_mime_part_get_best_content_encoding (GMIME_PART (part),
                                                                           GMIME_ENCODING_CONSTRAINT_7BIT));
  return GMIME_OBJECT (part);
}

static GBytes *
write_message (GMimeMessage *message)
{
  g_autoptr(GMimeStream) stream = g_mime_stream_mem_new ();
  GMimeFormatOptions *options = g_mime_format_options_new ();
  GByteArray *array;

  g_mime_format_options_set_newline_format (options, GMIME_NEWLINE_FORMAT_DOS);
  g_mime_object_write_to_stream (GMIME_OBJECT (message), options, stream);
  g_mime_format_options_free (options);

  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  return g_bytes_new (array->data, array->len);
}

GBytes *
reseau_message_build (const ReseauMessageParts  *parts,
                      GError                   **error)
{
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GMimeObject) body = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *random_id = NULL;
  InternetAddressList *list;
  InternetAddress *mailbox;
  const char *message_id;

  g_return_val_if_fail (parts != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_gmime ();

  if (!check_header_values (parts, error) ||
      (from = check_address (PART_FROM_ADDRESS, parts->from_address, error)) == NULL ||
      (to = check_address (PART_TO_ADDRESS, parts->to_address, error)) == NULL ||
      (parts->message_id != NULL && !check_message_id (parts->message_id, error)))
    return NULL;
  if (parts->body != NULL && !g_utf8_validate (parts->body, -1, NULL))
    {
      g_set_error (error, RESEAU_MESSAGE_ERROR, RESEAU_MESSAGE_ERROR_INVALID_TEXT,
                   _("The message text is not valid UTF-8 text"));
      return NULL;
    }

  message = g_mime_message_new (FALSE);

  mailbox = internet_address_mailbox_new (parts->from_name != NULL ? parts->from_name : "", from);
  internet_address_set_charset (mailbox, "utf-8");
  list = g_mime_message_get_from (message);
  internet_address_list_add (list, mailbox);
  g_object_unref (mailbox);

  mailbox = internet_address_mailbox_new (parts->to_name != NULL ? parts->to_name : "", to);
  internet_address_set_charset (mailbox, "utf-8");
  list = g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_TO);
  internet_address_list_add (list, mailbox);
  g_object_unref (mailbox);

  g_mime_message_set_subject (message, parts->subject != NULL ? parts->subject : "", "utf-8");
  if (parts->date == NULL)
    now = g_date_time_new_now_local ();
  g_mime_message_set_date (message, parts->date != NULL ? parts->date : now);

  message_id = parts->message_id;
  if (message_id == NULL)
    message_id = random_id = g_mime_utils_generate_message_id (strrchr (from, '@') + 1);
  g_mime_message_set_message_id (message, message_id);

  body = make_body_part (parts->body != NULL ? parts->body : "");
  g_mime_message_set_mime_part (message, body);

  return write_message (message);
}

char *
reseau_message_make_id (gint64      campaign_id,
                        gint64      contact_id,
                        const char *from_address)
{
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *domain = NULL;
  const char *at = from_address != NULL ? strrchr (from_address, '@') : NULL;

  if (at != NULL && _reseau_mail_find_control (at) == 0)
    domain = g_hostname_to_ascii (at + 1);
  if (domain == NULL || *domain == '\0' || strspn (domain, "abcdefghijklmnopqrstuvwxyz"
                                                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                           "0123456789.-") != strlen (domain))
    g_set_str (&domain, "reseau.invalid");

  /* The hash keeps ids from different senders apart and the address out of the id. */
  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                         campaign_id, contact_id, from_address != NULL ? from_address : "");
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("reseau.%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT ".%.16s@%s",
                          campaign_id, contact_id, digest, domain);
}
