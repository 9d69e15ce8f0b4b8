/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-csv-writer"

#include "config.h"

#include <string.h>

#include "reseau-csv.h"

/* Writes contacts as CSV with the column names of Google Contacts, which most address books
 * import, plus Réseau's own (display name, where and when met) which its reader maps back.
 * RFC 4180: CRLF line ends, fields quoted when needed. A UTF-8 byte-order mark lets Excel
 * recognise UTF-8. */

static const struct {
  const char      *name;
  ReseauTextField  field;
} text_columns[] = {
  { "First Name", RESEAU_FIELD_GIVEN },
  { "Middle Name", RESEAU_FIELD_ADDITIONAL },
  { "Last Name", RESEAU_FIELD_FAMILY },
  { "Name Prefix", RESEAU_FIELD_PREFIX },
  { "Name Suffix", RESEAU_FIELD_SUFFIX },
  { "Nickname", RESEAU_FIELD_NICKNAME },
  { "Display Name", RESEAU_FIELD_DISPLAY_NAME },
  { "Organization Name", RESEAU_FIELD_ORGANIZATION },
  { "Organization Department", RESEAU_FIELD_DEPARTMENT },
  { "Organization Title", RESEAU_FIELD_TITLE },
  { "Birthday", RESEAU_FIELD_BIRTHDAY },
  { "Notes", RESEAU_FIELD_NOTES },
  { "Where Met", RESEAU_FIELD_MET_WHERE },
  { "Met On", RESEAU_FIELD_MET_ON },
};

static const char * const kind_names[] = { NULL, "E-mail", "Phone", "Website", "Address" };
static const char * const address_parts[] = { "Street", "City", "Region", "Postal Code", "Country" };
static const char * const type_labels[] = { "Other", "Work", "Home", "Mobile", "Profile" };

static void
append_field (GString    *row,
              const char *text,
              gboolean    first)
{
  gsize len = text ? strlen (text) : 0;

  if (!first)
    g_string_append_c (row, ',');
  if (len == 0)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL && text[0] != ' ' && text[len - 1] != ' ')
    {
      g_string_append (row, text);
      return;
    }
  g_string_append_c (row, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

static guint
count_kind (ReseauContact   *contact,
            ReseauValueKind  kind)
{
  GPtrArray *values = reseau_contact_get_values (contact);
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    if (((ReseauContactValue *)g_ptr_array_index (values, i))->kind == kind)
      n++;
  return n;
}

static void
append_header (GString     *row,
               const guint *counts)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    append_field (row, text_columns[i].name, i == 0);
  append_field (row, "Labels", FALSE);
  for (ReseauValueKind kind = RESEAU_VALUE_EMAIL; kind <= RESEAU_VALUE_ADDRESS; kind++)
    for (guint n = 1; n <= counts[kind]; n++)
      {
        g_autofree char *label = g_strdup_printf ("%s %u - Label", kind_names[kind], n);

        append_field (row, label, FALSE);
        if (kind != RESEAU_VALUE_ADDRESS)
          {
            g_autofree char *value = g_strdup_printf ("%s %u - Value", kind_names[kind], n);

            append_field (row, value, FALSE);
            continue;
          }
        for (guint p = 0; p < G_N_ELEMENTS (address_parts); p++)
          {
            g_autofree char *part = g_strdup_printf ("Address %u - %s", n, address_parts[p]);

            append_field (row, part, FALSE);
          }
      }
  g_string_append (row, "\r\n");
}

static void
append_values (GString         *row,
               ReseauContact   *contact,
               ReseauValueKind  kind,
               guint            count)
{
  GPtrArray *values = reseau_contact_get_values (contact);
  guint written = 0;

  for (guint i = 0; i < values->len; i++)
    {
      ReseauContactValue *v = g_ptr_array_index (values, i);

      if (v->kind != kind)
        continue;
      append_field (row, type_labels[v->type], FALSE);
      append_field (row, v->value, FALSE);
      if (kind == RESEAU_VALUE_ADDRESS)
        {
          append_field (row, v->locality, FALSE);
          append_field (row, v->region, FALSE);
          append_field (row, v->postal_code, FALSE);
          append_field (row, v->country, FALSE);
        }
      written++;
    }
  for (; written < count; written++)
    g_string_append (row, kind == RESEAU_VALUE_ADDRESS ? ",,,,,," : ",,");
}

static void
append_row (GString            *row,
            ReseauContact      *contact,
            const char * const *categories,
            const guint        *counts)
{
  g_autofree char *labels = categories ? g_strjoinv (" ::: ", (char **)categories) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    append_field (row, reseau_contact_get_text (contact, text_columns[i].field), i == 0);
  append_field (row, labels, FALSE);
  for (ReseauValueKind kind = RESEAU_VALUE_EMAIL; kind <= RESEAU_VALUE_ADDRESS; kind++)
    append_values (row, contact, kind, counts[kind]);
  g_string_append (row, "\r\n");
}

/**
 * reseau_csv_write:
 * @contacts: (element-type ReseauContact): the contacts, one row each
 * @categories: (nullable) (element-type GStrv): the circles of each contact, in the same order
 *
 * Writes a header row, then one row per contact, with as many e-mail, phone, website and
 * address columns as the contact that has the most. Blocking: run it in a thread.
 */
gboolean
reseau_csv_write (GOutputStream  *stream,
                  GPtrArray      *contacts,
                  GPtrArray      *categories,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GString) row = g_string_new ("\xEF\xBB\xBF");
  guint counts[RESEAU_VALUE_ADDRESS + 1] = { 0 };

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (contacts != NULL, FALSE);
  g_return_val_if_fail (categories == NULL || categories->len == contacts->len, FALSE);

  for (guint i = 0; i < contacts->len; i++)
    for (ReseauValueKind kind = RESEAU_VALUE_EMAIL; kind <= RESEAU_VALUE_ADDRESS; kind++)
      counts[kind] = MAX (counts[kind], count_kind (g_ptr_array_index (contacts, i), kind));

  append_header (row, counts);
  for (guint i = 0; i <= contacts->len; i++)
    {
      if (!g_output_stream_write_all (stream, row->str, row->len, NULL, cancellable, error))
        return FALSE;
      g_string_truncate (row, 0);
      if (i < contacts->len)
        append_row (row, g_ptr_array_index (contacts, i),
                    categories ? g_ptr_array_index (categories, i) : NULL, counts);
    }
  return TRUE;
}
