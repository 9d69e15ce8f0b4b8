/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-career"

#include "config.h"

#include "reseau-career.h"

void
reseau_position_free (ReseauPosition *position)
{
  if (position == NULL)
    return;
  g_free (position->organization);
  g_free (position->title);
  g_free (position->since);
  g_free (position->until);
  g_free (position);
}

static ReseauPosition *
position_new (const char *organization,
              const char *title)
{
  ReseauPosition *position = g_new0 (ReseauPosition, 1);

  position->organization = g_strdup (organization);
  position->title = g_strdup (title);
  return position;
}

/**
 * reseau_career_positions:
 * @history: (element-type ReseauHistoryEntry): oldest first, as the store lists it
 *
 * Rebuilds the jobs a contact held from the current organisation and title and the recorded
 * changes: changes on the same date are one move. Positions without organisation and title
 * are left out.
 *
 * Returns: (element-type ReseauPosition): newest first
 */
GPtrArray *
reseau_career_positions (const char *organization,
                         const char *title,
                         GPtrArray  *history)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_position_free);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_position_free);
  ReseauPosition *current = position_new (organization, title);
  guint i = history ? history->len : 0;

  g_ptr_array_add (all, current);
  while (i > 0)
    {
      ReseauHistoryEntry *last = g_ptr_array_index (history, i - 1);
      const char *date = last->changed_on;
      ReseauPosition *previous = position_new (current->organization, current->title);
      gboolean moved = FALSE;

      /* Walk back through every change of that date. */
      while (i > 0 && g_strcmp0 (((ReseauHistoryEntry *)g_ptr_array_index (history, i - 1))->changed_on, date) == 0)
        {
          ReseauHistoryEntry *entry = g_ptr_array_index (history, --i);

          if (g_str_equal (entry->field, "organization"))
            g_set_str (&previous->organization, entry->old_value), moved = TRUE;
          else if (g_str_equal (entry->field, "title"))
            g_set_str (&previous->title, entry->old_value), moved = TRUE;
        }
      if (!moved)
        {
          reseau_position_free (previous);
          continue;
        }
      g_set_str (&current->since, date);
      g_set_str (&previous->until, date);
      g_ptr_array_add (all, previous);
      current = previous;
    }

  for (guint j = 0; j < all->len; j++)
    {
      ReseauPosition *p = g_ptr_array_index (all, j);

      if ((p->organization && *p->organization) || (p->title && *p->title))
        g_ptr_array_add (result, g_steal_pointer (&all->pdata[j]));
    }
  return result;
}
