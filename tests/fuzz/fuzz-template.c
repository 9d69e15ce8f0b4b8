/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "reseau-template.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static ReseauContact *
make_contact (void)
{
  ReseauContact *contact = reseau_contact_new ();
  ReseauContactValue *address = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK, "");

  /* Values that look like template syntax must come out as they are. */
  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, "{first_name}");
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "}}{{|");
  address->locality = g_strdup ("Besançon");
  reseau_contact_add_value (contact, address);
  return contact;
}

/* A template either parses, and renders for any contact, or fails with a position inside
 * the text; text without braces renders as itself. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static ReseauContact *contact = NULL;
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(ReseauTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rendered = NULL;

  if (contact == NULL)
    contact = make_contact ();

  template = reseau_template_new (text, &error);
  if (template == NULL)
    {
      guint line = 0, column = 0;
      gsize offset = 0, length = 0;

      g_assert (error != NULL && error->domain == RESEAU_TEMPLATE_ERROR);
      g_assert (reseau_template_error_get_position (error, &line, &column, &offset, &length));
      g_assert (line >= 1 && column >= 1 && length >= 1);
      g_assert (offset + length <= strlen (text));
      return 0;
    }

  g_assert (error == NULL);
  g_assert (g_utf8_validate (text, -1, NULL));
  rendered = reseau_template_render (template, contact);
  g_assert (rendered != NULL && g_utf8_validate (rendered, -1, NULL));
  if (strpbrk (text, "{}") == NULL)
    g_assert (strcmp (rendered, text) == 0);
  return 0;
}
