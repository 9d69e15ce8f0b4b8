/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-etiquette"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-etiquette.h"
#include "reseau-store-outbox.h"

struct _ReseauEtiquetteResult
{
  GArray     *entries; /* ReseauEtiquetteEntry */
  GHashTable *over;    /* contact id → index + 1 in entries */
};

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ReseauEtiquetteEntry *x = a, *y = b;

  if (x->n_messages != y->n_messages)
    return x->n_messages < y->n_messages ? -1 : 1;
  return x->contact_id < y->contact_id ? -1 : x->contact_id > y->contact_id;
}

/* The window is the last @window_days days including today: for 30 days on 2025-03-31,
 * from 2025-03-02 on. */
static char *
window_start (const char *today,
              guint       window_days)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, today);
  if (!g_date_valid (&date))
    return NULL;
  if (window_days > 0)
    g_date_subtract_days (&date, window_days - 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

ReseauEtiquetteResult *
reseau_etiquette_check (ReseauStore                *store,
                        const ReseauEtiquetteRule  *rule,
                        const gint64               *ids,
                        guint                       n_ids,
                        const char                 *today,
                        GError                    **error)
{
  g_autoptr(ReseauEtiquetteResult) result = g_new0 (ReseauEtiquetteResult, 1);
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *since = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  result->entries = g_array_new (FALSE, FALSE, sizeof (ReseauEtiquetteEntry));
  result->over = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (rule->max_messages == 0 || rule->window_days == 0 || n_ids == 0)
    return g_steal_pointer (&result);

  since = window_start (today, rule->window_days);
  g_return_val_if_fail (since != NULL, NULL);
  counts = reseau_store_count_messages (store, ids, n_ids, since, rule->max_messages, error);
  if (counts == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ReseauEtiquetteEntry entry = { *(gint64 *)key, GPOINTER_TO_UINT (value) };

      g_array_append_val (result->entries, entry);
    }
  g_array_sort (result->entries, compare_entries);
  for (guint i = 0; i < result->entries->len; i++)
    g_hash_table_insert (result->over,
                         g_memdup2 (&g_array_index (result->entries, ReseauEtiquetteEntry, i).contact_id,
                                    sizeof (gint64)),
                         GUINT_TO_POINTER (i + 1));
  return g_steal_pointer (&result);
}

guint
reseau_etiquette_result_get_n_over (ReseauEtiquetteResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const ReseauEtiquetteEntry *
reseau_etiquette_result_get_entries (ReseauEtiquetteResult *self,
                                     guint                 *n_entries)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_entries != NULL)
    *n_entries = self->entries->len;
  return (const ReseauEtiquetteEntry *)(gpointer)self->entries->data;
}

gboolean
reseau_etiquette_result_contains (ReseauEtiquetteResult *self,
                                  gint64                 contact_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->over, &contact_id);
}

guint
reseau_etiquette_result_get_count (ReseauEtiquetteResult *self,
                                   gint64                 contact_id)
{
  guint index;

  g_return_val_if_fail (self != NULL, 0);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->over, &contact_id));
  return index > 0 ? g_array_index (self->entries, ReseauEtiquetteEntry, index - 1).n_messages : 0;
}

static char *
describe_count (guint n_people,
                guint n_messages,
                guint window_days)
{
  g_autofree char *people = NULL;
  g_autofree char *times = NULL;

  /* Translators: the start of "4 people were written to twice in the last 30 days" */
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person was written to",
                                         "%u people were written to", n_people), n_people);
  if (n_messages == 1)
    times = g_strdup (C_("etiquette", "once"));
  else if (n_messages == 2)
    times = g_strdup (C_("etiquette", "twice"));
  else
    /* Translators: how often, in "4 people were written to 3 times in the last 30 days" */
    times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time", "%u times", n_messages), n_messages);
  /* Translators: "PEOPLE TIMES in the last N days": "4 people were written to" "twice" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %s in the last %u day",
                                       "%s %s in the last %u days", window_days),
                          people, times, window_days);
}

char *
reseau_etiquette_result_describe (ReseauEtiquetteResult     *self,
                                  const ReseauEtiquetteRule *rule)
{
  g_autoptr(GString) text = NULL;
  guint i = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  if (self->entries->len == 0)
    return NULL;
  text = g_string_new (NULL);
  /* Entries are sorted by count: one sentence per run of equal counts. */
  while (i < self->entries->len)
    {
      guint count = g_array_index (self->entries, ReseauEtiquetteEntry, i).n_messages;
      guint j = i;
      g_autofree char *sentence = NULL;

      while (j < self->entries->len && g_array_index (self->entries, ReseauEtiquetteEntry, j).n_messages == count)
        j++;
      sentence = describe_count (j - i, count, rule->window_days);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, sentence);
      i = j;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
reseau_etiquette_result_free (ReseauEtiquetteResult *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->over, g_hash_table_unref);
  g_free (self);
}

gboolean
reseau_etiquette_is_large_segment (guint   n_recipients,
                                   guint   threshold,
                                   char  **message)
{
  gboolean large = threshold > 0 && n_recipients >= threshold;

  if (message != NULL)
    *message = large ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u person is a lot for a personal message",
                                                     "%u people is a lot for a personal message",
                                                     n_recipients), n_recipients)
                     : NULL;
  return large;
}
