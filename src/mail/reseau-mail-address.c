/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-mail-address"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "reseau-mail-address.h"
#include "reseau-validate.h"

/* The first character that must never reach a header or an SMTP command line: C0 and C1
 * controls (CR, LF and NUL among them), DEL and the Unicode line and paragraph separators,
 * which some clients render as line breaks. Returns 0 when there is none. Text that is not
 * UTF-8 is scanned byte by byte, so a stray CR is still found. */
gunichar
_reseau_mail_find_control (const char *text)
{
  if (text == NULL)
    return 0;

  if (!g_utf8_validate (text, -1, NULL))
    {
      for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
        if (*p < 0x20 || *p == 0x7f)
          return *p;
      return 0;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
        return c;
    }
  return 0;
}

/**
 * _reseau_mail_address_to_ascii:
 *
 * @address checked with reseau_validate_email() and turned into the form every server
 * accepts: an internationalised domain in its ASCII (punycode) form. A local part with
 * non-ASCII letters would need SMTPUTF8, which neither every server nor a 7-bit header
 * supports, so it is refused. Errors are in %RESEAU_CONTACT_ERROR.
 */
char *
_reseau_mail_address_to_ascii (const char  *address,
                               GError     **error)
{
  g_autofree char *domain = NULL;
  const char *at;

  if (!reseau_validate_email (address, error))
    return NULL;

  at = strrchr (address, '@');
  for (const char *p = address; p < at; p++)
    if ((guchar)*p >= 0x80)
      {
        g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_EMAIL,
                     _("“%s” has accented letters before the “@”, which many mail servers refuse"),
                     address);
        return NULL;
      }

  domain = g_hostname_to_ascii (at + 1);
  if (domain == NULL)
    {
      g_set_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_EMAIL,
                   _("“%s” is not a valid email address"), address);
      return NULL;
    }

  return g_strdup_printf ("%.*s@%s", (int)(at - address), address, domain);
}

/* Plain-text SMTP is allowed only where nothing crosses a network. */
gboolean
_reseau_mail_host_is_local (const char *host)
{
  return host != NULL &&
         (g_ascii_strcasecmp (host, "localhost") == 0 ||
          g_str_equal (host, "127.0.0.1") ||
          g_str_equal (host, "::1") ||
          g_str_equal (host, "[::1]"));
}
