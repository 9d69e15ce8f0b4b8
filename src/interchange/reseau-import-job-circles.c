/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-import-job"

#include "config.h"

#include "reseau-import-job-private.h"
#include "reseau-text.h"

/* The circles of an import: each category of the file (vCard CATEGORIES, CSV labels)
 * becomes a circle, or joins the circle of the same name ignoring case and accents, and the
 * people who carried it become its members, inside the import's transaction. */

/**
 * reseau_import_job_set_create_circles:
 * @create_circles: whether the commit puts people in the circles named by their categories
 *
 * Off by default. When on, the commit turns each category of the files (vCard CATEGORIES,
 * the labels or groups of a CSV; see reseau_import_summary_get_categories()) into a circle:
 * an existing circle of that name, ignoring case and accents, is reused, otherwise one is
 * created; the people of the file who carry the category are added to it, in the same
 * transaction as the contacts. reseau_import_summary_get_new_circles() then lists the
 * circles created. Set it before reseau_import_job_commit_async().
 */
void
reseau_import_job_set_create_circles (ReseauImportJob *self,
                                      gboolean         create_circles)
{
  g_return_if_fail (RESEAU_IS_IMPORT_JOB (self));
  self->create_circles = !!create_circles;
}

typedef struct
{
  char   *name;    /* as first spelled in the file */
  GArray *members; /* gint64 contact ids */
} CircleMembers;

static void
circle_members_free (CircleMembers *circle)
{
  g_free (circle->name);
  g_array_unref (circle->members);
  g_free (circle);
}

/* folded name → CircleMembers, for every category of the plans whose contact got @ids[i]. */
static GHashTable *
group_by_category (ReseauImportJob *self,
                   GArray          *ids)
{
  GHashTable *circles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)circle_members_free);

  for (guint i = 0; i < self->plans->len; i++)
    {
      ImportPlan *plan = g_ptr_array_index (self->plans, i);
      gint64 id = g_array_index (ids, gint64, i);

      for (guint r = 0; id != 0 && r < plan->records->len; r++)
        {
          ReseauImportRecord *record = g_ptr_array_index (plan->records, r);

          for (guint c = 0; record->categories != NULL && record->categories[c] != NULL; c++)
            {
              g_autofree char *name = g_strstrip (g_strdup (record->categories[c]));
              g_autofree char *key = reseau_text_fold (name);
              CircleMembers *circle;

              if (key[0] == '\0')
                continue;
              if ((circle = g_hash_table_lookup (circles, key)) == NULL)
                {
                  circle = g_new0 (CircleMembers, 1);
                  circle->name = g_steal_pointer (&name);
                  circle->members = g_array_new (FALSE, FALSE, sizeof (gint64));
                  g_hash_table_insert (circles, g_steal_pointer (&key), circle);
                }
              /* reseau_store_add_to_circle() ignores the same person given twice. */
              g_array_append_val (circle->members, id);
            }
        }
    }
  return circles;
}

/* folded name → id of the live circles already in the database. */
static GHashTable *
existing_circles (ReseauImportJob  *self,
                  GError          **error)
{
  g_autoptr(GPtrArray) circles = reseau_store_list_circles (self->store, error);
  GHashTable *by_key;

  if (circles == NULL)
    return NULL;
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < circles->len; i++)
    {
      ReseauCircle *circle = g_ptr_array_index (circles, i);
      gint64 id = reseau_circle_get_id (circle);

      g_hash_table_insert (by_key, reseau_text_fold (reseau_circle_get_name (circle)),
                           g_memdup2 (&id, sizeof id));
    }
  return by_key;
}

/*
 * _reseau_import_job_fill_circles:
 * @ids: the id of each plan's contact once saved (0: not saved), in the order of self->plans
 * @created: (element-type utf8): gets the names of the circles created
 *
 * Inside the commit's transaction: on error the caller rolls everything back.
 */
gboolean
_reseau_import_job_fill_circles (ReseauImportJob  *self,
                                 GArray           *ids,
                                 GPtrArray        *created,
                                 GError          **error)
{
  g_autoptr(GHashTable) wanted = group_by_category (self, ids);
  g_autoptr(GHashTable) existing = NULL;
  GHashTableIter iter;
  const char *key;
  CircleMembers *circle;

  if (g_hash_table_size (wanted) == 0)
    return TRUE;
  if ((existing = existing_circles (self, error)) == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, (gpointer *)&circle))
    {
      gint64 *known = g_hash_table_lookup (existing, key);
      gint64 circle_id = known != NULL ? *known : 0;

      if (circle_id == 0)
        {
          g_autoptr(ReseauCircle) new_circle = reseau_circle_new (circle->name);

          if ((circle_id = reseau_store_save_circle (self->store, new_circle, error)) == 0)
            return FALSE;
          g_ptr_array_add (created, g_strdup (reseau_circle_get_name (new_circle)));
        }
      if (!reseau_store_add_to_circle (self->store, circle_id,
                                       (const gint64 *)(gpointer)circle->members->data,
                                       circle->members->len, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}
