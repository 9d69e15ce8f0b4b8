/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-segment-sql.h"
#include "reseau-text.h"

/* A segment's WHERE clause, assembled from the fixed fragments below with a "?" for every
 * value, which is bound: nothing the user typed is ever part of the SQL text. Saved
 * segments a segment names are inlined as subqueries (see add_nested()). */

/* Only circles that exist and are not in the trash are named here (see live_circles()):
 * joining circles inside the subqueries doubles the time of a count at 100,000 contacts. */
#define MEMBERS_OF "SELECT contact_id FROM circle_members WHERE circle_id "

typedef ReseauSegmentQuery Query;

void
_reseau_segment_query_clear (ReseauSegmentQuery *query)
{
  if (query->sql != NULL)
    g_string_free (query->sql, TRUE);
  query->sql = NULL;
  g_clear_pointer (&query->params, g_ptr_array_unref);
}

static void
query_init (Query      *query,
            const char *sql)
{
  query->sql = g_string_new (sql);
  query->params = g_ptr_array_new_with_free_func ((GDestroyNotify)g_variant_unref);
}

static void
add_int (Query  *query,
         gint64  value)
{
  g_ptr_array_add (query->params, g_variant_ref_sink (g_variant_new_int64 (value)));
}

static void
add_text (Query      *query,
          const char *value)
{
  g_ptr_array_add (query->params, g_variant_ref_sink (g_variant_new_string (value)));
}

static void
add_folded (Query      *query,
            const char *value)
{
  g_autofree char *folded = reseau_text_fold (value);

  add_text (query, folded);
}

/* " IN (?, ?, ?)" */
static void
add_id_list (Query  *query,
             GArray *ids)
{
  g_string_append (query->sql, "IN (");
  for (guint i = 0; i < ids->len; i++)
    {
      g_string_append (query->sql, i > 0 ? ", ?" : "?");
      add_int (query, g_array_index (ids, gint64, i));
    }
  g_string_append_c (query->sql, ')');
}

static char *
date_minus (const char *today,
            guint       days)
{
  g_autoptr(GDate) date = g_date_new ();

  g_date_set_parse (date, today);
  if (!g_date_valid (date))
    return g_strdup (today);
  g_date_subtract_days (date, MIN (days, g_date_get_julian (date) - 1));
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Returns: (transfer full): the circles of @set that exist and are not in the trash */
static GArray *
live_circles (ReseauStore          *self,
              ReseauSegment        *segment,
              ReseauSegmentCircles  set,
              gboolean             *any_missing,
              GError              **error)
{
  GArray *ids = reseau_segment_get_circles (segment, set);
  g_autoptr(GArray) live = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);

  *any_missing = reseau_segment_get_deleted_circles (segment, set)[0] != NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = _reseau_store_prepare (self, "SELECT trashed FROM circles WHERE id = ?", error);
      gint64 id = g_array_index (ids, gint64, i);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0)
        g_array_append_val (live, id);
      else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        *any_missing = TRUE;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _reseau_store_set_error (self, error);
          return NULL;
        }
    }
  return g_steal_pointer (&live);
}

/* Saved segments nested deeper than this are refused: far more than anyone builds by hand,
 * and a bound on the size of the SQL. */
#define MAX_DEPTH 8

/* What one of a segment's three sets names that still exists. */
typedef struct
{
  GArray    *circles;  /* gint64 */
  GPtrArray *segments; /* ReseauSegment, the saved definitions */
  GArray    *saved;    /* gint64, their ids, for cycle detection */
  gboolean   missing;  /* a circle or saved segment it names was deleted */
} SetRefs;

static void
set_refs_clear (SetRefs *refs)
{
  g_clear_pointer (&refs->circles, g_array_unref);
  g_clear_pointer (&refs->segments, g_ptr_array_unref);
  g_clear_pointer (&refs->saved, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SetRefs, set_refs_clear)

static gboolean add_rules (ReseauStore    *self,
                           Query          *query,
                           ReseauSegment  *segment,
                           const char     *today,
                           GArray         *stack,
                           GError        **error);

/* Returns: (transfer full) (nullable): the saved segment's name */
static char *
saved_name (ReseauStore *self,
            gint64       id)
{
  sqlite3_stmt *stmt = _reseau_store_prepare (self, "SELECT name FROM segments WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (_reseau_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

static gboolean
load_saved (ReseauStore    *self,
            SetRefs        *refs,
            gint64          id,
            GArray         *stack,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  ReseauSegment *saved;

  for (guint i = 0; i < stack->len; i++)
    if (g_array_index (stack, gint64, i) == id)
      {
        g_autofree char *name = saved_name (self, id);

        g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID,
                     _("The segment “%s” would include itself"), name ? name : "");
        return FALSE;
      }
  if (stack->len >= MAX_DEPTH)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID,
                   _("Segments are nested more than %d deep"), MAX_DEPTH);
      return FALSE;
    }
  if ((saved = reseau_store_load_segment (self, id, &local_error)) == NULL)
    {
      if (!g_error_matches (local_error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      refs->missing = TRUE;
      return TRUE;
    }
  g_ptr_array_add (refs->segments, saved);
  g_array_append_val (refs->saved, id);
  return TRUE;
}

static gboolean
load_set (ReseauStore           *self,
          ReseauSegment         *segment,
          ReseauSegmentCircles   set,
          GArray                *stack,
          SetRefs               *refs,
          GError               **error)
{
  GArray *saved_ids = reseau_segment_get_segments (segment, set);

  refs->segments = g_ptr_array_new_with_free_func (g_object_unref);
  refs->saved = g_array_new (FALSE, FALSE, sizeof (gint64));
  if ((refs->circles = live_circles (self, segment, set, &refs->missing, error)) == NULL)
    return FALSE;
  if (reseau_segment_get_deleted_segments (segment, set)[0] != NULL)
    refs->missing = TRUE;
  for (guint i = 0; i < saved_ids->len; i++)
    if (!load_saved (self, refs, g_array_index (saved_ids, gint64, i), stack, error))
      return FALSE;
  return TRUE;
}

/* "c.id [NOT] IN (the contacts the saved segment matches)": its definition inlined. */
static gboolean
add_nested (ReseauStore    *self,
            Query          *query,
            const char     *prefix,
            SetRefs        *refs,
            guint           i,
            const char     *today,
            GArray         *stack,
            GError        **error)
{
  gboolean ok;

  g_string_append (query->sql, prefix);
  g_string_append (query->sql, "(SELECT c.id FROM contacts c WHERE c.trashed = 0");
  g_array_append_val (stack, g_array_index (refs->saved, gint64, i));
  ok = add_rules (self, query, g_ptr_array_index (refs->segments, i), today, stack, error);
  g_array_set_size (stack, stack->len - 1);
  g_string_append_c (query->sql, ')');
  return ok;
}

static gboolean
add_any_of (ReseauStore    *self,
            Query          *query,
            SetRefs        *any_of,
            const char     *today,
            GArray         *stack,
            GError        **error)
{
  /* A missing circle or segment brings nobody in. */
  if (any_of->circles->len == 0 && any_of->segments->len == 0)
    {
      if (any_of->missing)
        g_string_append (query->sql, " AND 0");
      return TRUE;
    }
  /* A single IN term stays plain: SQLite drives the query from it only then. */
  g_string_append (query->sql, any_of->circles->len + any_of->segments->len > 1 ? " AND (" : " AND ");
  if (any_of->circles->len > 0)
    {
      g_string_append (query->sql, "c.id IN (" MEMBERS_OF);
      add_id_list (query, any_of->circles);
      g_string_append_c (query->sql, ')');
    }
  for (guint i = 0; i < any_of->segments->len; i++)
    if (!add_nested (self, query, i > 0 || any_of->circles->len > 0 ? " OR c.id IN " : "c.id IN ", any_of, i,
                     today, stack, error))
      return FALSE;
  if (any_of->circles->len + any_of->segments->len > 1)
    g_string_append_c (query->sql, ')');
  return TRUE;
}

static gboolean
add_circle_rules (ReseauStore    *self,
                  Query          *query,
                  ReseauSegment  *segment,
                  const char     *today,
                  GArray         *stack,
                  GError        **error)
{
  g_auto(SetRefs) any_of = { 0 };
  g_auto(SetRefs) all_of = { 0 };
  g_auto(SetRefs) exclude = { 0 };

  if (!load_set (self, segment, RESEAU_SEGMENT_ANY_OF, stack, &any_of, error) ||
      !load_set (self, segment, RESEAU_SEGMENT_ALL_OF, stack, &all_of, error) ||
      !load_set (self, segment, RESEAU_SEGMENT_EXCLUDE, stack, &exclude, error) ||
      !add_any_of (self, query, &any_of, today, stack, error))
    return FALSE;

  /* Nobody is in all of a set with a missing circle or segment. */
  if (all_of.missing)
    g_string_append (query->sql, " AND 0");
  for (guint i = 0; i < all_of.circles->len; i++)
    {
      g_string_append (query->sql, " AND c.id IN (" MEMBERS_OF "= ?)");
      add_int (query, g_array_index (all_of.circles, gint64, i));
    }
  for (guint i = 0; i < all_of.segments->len; i++)
    if (!add_nested (self, query, " AND c.id IN ", &all_of, i, today, stack, error))
      return FALSE;
  /* A missing excluded circle or segment excludes nobody. */
  if (exclude.circles->len > 0)
    {
      g_string_append (query->sql, " AND c.id NOT IN (" MEMBERS_OF);
      add_id_list (query, exclude.circles);
      g_string_append_c (query->sql, ')');
    }
  for (guint i = 0; i < exclude.segments->len; i++)
    if (!add_nested (self, query, " AND c.id NOT IN ", &exclude, i, today, stack, error))
      return FALSE;
  if (reseau_segment_get_no_circle (segment))
    g_string_append (query->sql, " AND NOT EXISTS (SELECT 1 FROM circle_members m JOIN circles k "
                                 "ON k.id = m.circle_id WHERE m.contact_id = c.id AND k.trashed = 0)");
  return TRUE;
}

static void
add_place_rule (Query         *query,
                ReseauSegment *segment)
{
  const char *locality = reseau_segment_get_locality (segment);
  const char *region = reseau_segment_get_region (segment);
  const char *country = reseau_segment_get_country (segment);

  /* All of them on the same address: "Lyon, France" is not Lyon somewhere and France elsewhere. */
  if (locality == NULL && region == NULL && country == NULL)
    return;
  g_string_append (query->sql, " AND EXISTS (SELECT 1 FROM contact_values v WHERE v.contact_id = c.id "
                               "AND v.kind = 4");
  if (locality != NULL)
    {
      g_string_append (query->sql, " AND reseau_fold (v.locality) = ?");
      add_folded (query, locality);
    }
  if (region != NULL)
    {
      g_string_append (query->sql, " AND reseau_fold (v.region) = ?");
      add_folded (query, region);
    }
  if (country != NULL)
    {
      g_string_append (query->sql, " AND reseau_fold (v.country) = ?");
      add_folded (query, country);
    }
  g_string_append_c (query->sql, ')');
}

static void
add_contacted_rule (Query         *query,
                    ReseauSegment *segment,
                    const char    *today)
{
  guint days = 0;
  ReseauContactedRule rule = reseau_segment_get_contacted (segment, &days);
  g_autofree char *since = date_minus (today, days);

  switch (rule)
    {
    case RESEAU_CONTACTED_ANY:
      break;
    case RESEAU_CONTACTED_NEVER:
      g_string_append (query->sql, " AND c.last_contacted IS NULL");
      break;
    case RESEAU_CONTACTED_MORE_THAN:
      g_string_append (query->sql, " AND (c.last_contacted IS NULL OR c.last_contacted < ?)");
      add_text (query, since);
      break;
    case RESEAU_CONTACTED_WITHIN:
      g_string_append (query->sql, " AND c.last_contacted >= ?");
      add_text (query, since);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_card_rules (Query         *query,
                ReseauSegment *segment,
                const char    *today)
{
  guint ties = reseau_segment_get_ties (segment);
  const char *organization = reseau_segment_get_organization (segment);

  if (ties != 0)
    {
      gboolean first = TRUE;

      g_string_append (query->sql, " AND c.tie IN (");
      for (ReseauTie tie = RESEAU_TIE_UNKNOWN; tie <= RESEAU_TIE_WEAK; tie++)
        if (ties & (1 << tie))
          {
            g_string_append (query->sql, first ? "?" : ", ?");
            add_int (query, tie);
            first = FALSE;
          }
      g_string_append_c (query->sql, ')');
    }
  if (organization != NULL)
    {
      g_string_append (query->sql, " AND instr (reseau_fold (c.organization), ?) > 0");
      add_folded (query, organization);
    }
  add_place_rule (query, segment);
  if (reseau_segment_get_has_email (segment))
    g_string_append (query->sql, " AND EXISTS (SELECT 1 FROM contact_values v "
                                 "WHERE v.contact_id = c.id AND v.kind = 1)");
  add_contacted_rule (query, segment, today);
  if (reseau_segment_get_introduced_by (segment) != 0)
    {
      g_string_append (query->sql, " AND c.introduced_by = ?");
      add_int (query, reseau_segment_get_introduced_by (segment));
    }
  if (reseau_segment_get_overdue (segment))
    {
      g_string_append (query->sql, " AND c.id IN (SELECT contact_id FROM (" RESEAU_OVERDUE_SQL "))");
      add_text (query, today);
      add_text (query, today);
    }
}

static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  g_autofree char *folded = reseau_text_fold ((const char *)sqlite3_value_text (argv[0]));

  sqlite3_result_text (context, folded, -1, SQLITE_TRANSIENT);
}

/* Registered once per connection: registering again would expire every prepared statement. */
static gboolean
ensure_functions (ReseauStore  *self,
                  GError      **error)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("reseau-store-fold-function");
  if (g_object_get_qdata (G_OBJECT (self), quark) != NULL)
    return TRUE;
  if (sqlite3_create_function_v2 (_reseau_store_get_db (self), "reseau_fold", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, fold_function, NULL, NULL, NULL) != SQLITE_OK)
    {
      _reseau_store_set_error (self, error);
      return FALSE;
    }
  g_object_set_qdata (G_OBJECT (self), quark, GINT_TO_POINTER (1));
  return TRUE;
}

/* Returns: (transfer full): a statement for @query with every value bound; finalise it */
sqlite3_stmt *
_reseau_segment_query_prepare (ReseauStore         *self,
                               ReseauSegmentQuery  *query,
                               GError             **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!ensure_functions (self, error))
    return NULL;
  if (sqlite3_prepare_v2 (_reseau_store_get_db (self), query->sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      _reseau_store_set_error (self, error);
      return NULL;
    }
  g_assert ((guint)sqlite3_bind_parameter_count (stmt) == query->params->len);
  for (guint i = 0; i < query->params->len; i++)
    {
      GVariant *value = g_ptr_array_index (query->params, i);

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, i + 1, g_variant_get_int64 (value));
      else
        sqlite3_bind_text (stmt, i + 1, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

static gboolean
add_rules (ReseauStore    *self,
           Query          *query,
           ReseauSegment  *segment,
           const char     *today,
           GArray         *stack,
           GError        **error)
{
  if (!add_circle_rules (self, query, segment, today, stack, error))
    return FALSE;
  add_card_rules (query, segment, today);
  return TRUE;
}

/* @saved_id: the saved segment @segment is the definition of, or 0 */
gboolean
_reseau_segment_query_build (ReseauStore         *self,
                             ReseauSegmentQuery  *query,
                             const char          *select,
                             ReseauSegment       *segment,
                             gint64               saved_id,
                             GError             **error)
{
  g_autofree char *today = reseau_text_today ();
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (saved_id > 0)
    g_array_append_val (stack, saved_id);
  query_init (query, select);
  g_string_append (query->sql, " FROM contacts c WHERE c.trashed = 0");
  return add_rules (self, query, segment, today, stack, error);
}
