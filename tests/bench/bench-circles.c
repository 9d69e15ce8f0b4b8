/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-circles
 *
 * A network of RESEAU_BENCH_SIZE contacts (100,000 unless set) in 100 circles, each contact
 * in 0 to 5 of them, and prints "name value unit" lines (medians):
 *
 *   segment.count_100k   any of 3 circles, 1 excluded, tie and has-an-email filters
 *   segment.ids_100k     the same segment's contacts in display order
 *   circle.add_1000      1,000 selected contacts added to a circle, committed
 *   circle.add_1000_with_list_100k  the same with the "All Contacts" list following the store
 *   sidebar.counts_100   every circle with its member count
 *   reconnect.count_100k the overdue count beside "Reconnect"
 *
 * Contacts are written with SQL directly, which takes seconds instead of minutes: what is
 * measured are the queries, not the inserts. Timings are printed, never judged.
 */

#define G_LOG_DOMAIN "bench-circles"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "reseau-contact-list.h"
#include "reseau-store-private.h"

#define DEFAULT_SIZE 100000
#define N_CIRCLES    100
#define N_RUNS       21
#define SEED         20261

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *times,
        guint   n)
{
  qsort (times, n, sizeof (double), compare_doubles);
  return times[n / 2];
}

static void
exec_or_die (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

static sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
populate (ReseauStore *store,
          guint        size,
          gint64      *circles)
{
  static const char * const orgs[] = { "Capgemini", "Thales", "Lumen Analytics", "Atelier Boréal", "Orbiteam" };
  sqlite3 *db = _reseau_store_get_db (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *contact, *email, *place, *member;

  for (guint i = 0; i < N_CIRCLES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Circle %03u", i);
      g_autoptr(ReseauCircle) circle = reseau_circle_new (name);

      reseau_circle_set_cadence_days (circle, i % 4 == 0 ? 30 + i : 0);
      if ((circles[i] = reseau_store_save_circle (store, circle, &error)) == 0)
        g_error ("%s", error->message);
    }

  contact = prepare_or_die (db, "INSERT INTO contacts (given, family, organization, tie, last_contacted, "
                                "introduced_by, created, updated, sort_given, sort_family, initial_given, "
                                "initial_family) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, 'A', 'A')");
  email = prepare_or_die (db, "INSERT INTO contact_values (contact_id, position, kind, type, value) "
                              "VALUES (?, 0, 1, 1, 'someone@example.org')");
  place = prepare_or_die (db, "INSERT INTO contact_values (contact_id, position, kind, type, value, "
                              "locality, country) VALUES (?, 1, 4, 1, '', 'Lyon', 'France')");
  member = prepare_or_die (db, "INSERT OR IGNORE INTO circle_members (circle_id, contact_id, added) "
                               "VALUES (?, ?, 0)");
  if (!reseau_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 1; i <= size; i++)
    {
      g_autofree char *given = g_strdup_printf ("Given%06u", g_rand_int_range (rand, 0, 1000000));
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 11),
                                               g_rand_int_range (rand, 1, 29));
      guint n_circles = g_rand_int_range (rand, 0, 6);

      sqlite3_bind_text (contact, 1, given, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (contact, 2, "Family", -1, SQLITE_STATIC);
      sqlite3_bind_text (contact, 3, orgs[g_rand_int_range (rand, 0, G_N_ELEMENTS (orgs))], -1, SQLITE_STATIC);
      sqlite3_bind_int (contact, 4, g_rand_int_range (rand, 0, 4));
      if (g_rand_int_range (rand, 0, 5) > 0)
        sqlite3_bind_text (contact, 5, date, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (contact, 5);
      if (i > 1 && g_rand_int_range (rand, 0, 10) == 0)
        sqlite3_bind_int64 (contact, 6, g_rand_int_range (rand, 1, i));
      else
        sqlite3_bind_null (contact, 6);
      sqlite3_bind_blob (contact, 7, given, strlen (given), SQLITE_TRANSIENT);
      sqlite3_bind_blob (contact, 8, given, strlen (given), SQLITE_TRANSIENT);
      exec_or_die (db, contact);
      sqlite3_clear_bindings (contact);
      if (g_rand_int_range (rand, 0, 10) < 8)
        {
          sqlite3_bind_int64 (email, 1, i);
          exec_or_die (db, email);
        }
      if (g_rand_boolean (rand))
        {
          sqlite3_bind_int64 (place, 1, i);
          exec_or_die (db, place);
        }
      for (guint c = 0; c < n_circles; c++)
        {
          sqlite3_bind_int64 (member, 1, circles[g_rand_int_range (rand, 0, N_CIRCLES)]);
          sqlite3_bind_int64 (member, 2, i);
          exec_or_die (db, member);
        }
    }
  if (!reseau_store_commit (store, &error))
    g_error ("%s", error->message);
  sqlite3_finalize (contact);
  sqlite3_finalize (email);
  sqlite3_finalize (place);
  sqlite3_finalize (member);
  if (!_reseau_store_exec (store, "ANALYZE", &error))
    g_error ("%s", error->message);
}

static void
bench_segment (ReseauStore *store,
               gint64      *circles,
               const char  *label)
{
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  g_autoptr(GError) error = NULL;
  double count_ms[N_RUNS], ids_ms[N_RUNS];
  guint n = 0;

  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, circles[3]);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, circles[14]);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, circles[15]);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_EXCLUDE, circles[92]);
  reseau_segment_set_ties (segment, 1 << RESEAU_TIE_CLOSE | 1 << RESEAU_TIE_REGULAR);
  reseau_segment_set_has_email (segment, TRUE);

  for (guint i = 0; i < N_RUNS; i++)
    {
      double start = now_ms ();
      g_autoptr(GArray) ids = NULL;

      if (!reseau_store_count_segment (store, segment, &n, &error))
        g_error ("%s", error->message);
      count_ms[i] = now_ms () - start;
      start = now_ms ();
      if ((ids = reseau_store_segment_ids (store, segment, RESEAU_SORT_GIVEN_NAME, &error)) == NULL)
        g_error ("%s", error->message);
      ids_ms[i] = now_ms () - start;
      g_assert (ids->len == n);
    }
  g_printerr ("segment matches %u contacts\n", n);
  g_print ("segment.count_%s %.2f ms\n", label, median (count_ms, N_RUNS));
  g_print ("segment.ids_%s %.2f ms\n", label, median (ids_ms, N_RUNS));
}

static void
bench_add (ReseauStore *store,
           gint64      *circles,
           guint        size)
{
  g_autoptr(GError) error = NULL;
  double times[5];

  for (guint run = 0; run < G_N_ELEMENTS (times); run++)
    {
      g_autoptr(ReseauCircle) circle = NULL;
      g_autofree char *name = g_strdup_printf ("Selection %u", run);
      gint64 ids[1000];
      guint added = 0, already = 0;
      gint64 id;
      double start;

      circle = reseau_circle_new (name);
      if ((id = reseau_store_save_circle (store, circle, &error)) == 0)
        g_error ("%s", error->message);
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        ids[i] = 1 + (i * 97 + run) % size;
      start = now_ms ();
      if (!reseau_store_add_to_circle (store, id, ids, G_N_ELEMENTS (ids), &added, &already, &error))
        g_error ("%s", error->message);
      times[run] = now_ms () - start;
    }
  g_print ("circle.add_1000 %.2f ms\n", median (times, G_N_ELEMENTS (times)));
}

/* The same drop with the "All Contacts" list open, as in the window: the list follows the
 * store's change signal. Membership changes keep the list of every contact cached, so it
 * is not read again; list.reload_uncached is what each drop cost when they did not. */
static void
bench_add_with_list (ReseauStore *store,
                     guint        size,
                     const char  *label)
{
  g_autoptr(ReseauContactList) list = reseau_contact_list_new (store);
  g_autoptr(GError) error = NULL;
  double times[5], reload[5];

  for (guint run = 0; run < G_N_ELEMENTS (times); run++)
    {
      g_autoptr(ReseauCircle) circle = NULL;
      g_autofree char *name = g_strdup_printf ("Dropped on %u", run);
      gint64 ids[1000];
      gint64 id;
      double start;

      circle = reseau_circle_new (name);
      if ((id = reseau_store_save_circle (store, circle, &error)) == 0)
        g_error ("%s", error->message);
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        ids[i] = 1 + (i * 89 + run) % size;
      start = now_ms ();
      if (!reseau_store_add_to_circle (store, id, ids, G_N_ELEMENTS (ids), NULL, NULL, &error))
        g_error ("%s", error->message);
      times[run] = now_ms () - start;

      g_clear_pointer (&_reseau_store_get_list_cache (store, RESEAU_SORT_GIVEN_NAME)->entries, g_array_unref);
      start = now_ms ();
      if (!reseau_contact_list_reload (list, &error))
        g_error ("%s", error->message);
      reload[run] = now_ms () - start;
    }
  g_print ("circle.add_1000_with_list_%s %.2f ms\n", label, median (times, G_N_ELEMENTS (times)));
  g_print ("list.reload_uncached_%s %.2f ms\n", label, median (reload, G_N_ELEMENTS (reload)));
}

static void
bench_sidebar (ReseauStore *store,
               const char  *label)
{
  g_autoptr(GError) error = NULL;
  double counts[N_RUNS], overdue[N_RUNS];
  guint n = 0;

  for (guint i = 0; i < N_RUNS; i++)
    {
      double start = now_ms ();
      g_autoptr(GPtrArray) circles = reseau_store_list_circles (store, &error);

      if (circles == NULL)
        g_error ("%s", error->message);
      counts[i] = now_ms () - start;
      start = now_ms ();
      if (!reseau_store_count_overdue (store, "2026-11-22", &n, &error))
        g_error ("%s", error->message);
      overdue[i] = now_ms () - start;
    }
  g_printerr ("%u overdue\n", n);
  g_print ("sidebar.counts_100 %.2f ms\n", median (counts, N_RUNS));
  g_print ("reconnect.count_%s %.2f ms\n", label, median (overdue, N_RUNS));
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("RESEAU_BENCH_SIZE");
  guint64 size = DEFAULT_SIZE;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *label = NULL;
  gint64 circles[N_CIRCLES];

  setlocale (LC_ALL, "");
  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1000, 10000000, &size, NULL))
    g_error ("RESEAU_BENCH_SIZE must be a number of contacts (at least 1000), not “%s”", env);
  label = size % 1000 == 0 ? g_strdup_printf ("%uk", (guint)(size / 1000)) : g_strdup_printf ("%u", (guint)size);
  if ((dir = g_dir_make_tmp ("reseau-bench-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "reseau.db", NULL);
  if ((store = reseau_store_open (path, &error)) == NULL)
    g_error ("%s", error->message);

  populate (store, size, circles);
  bench_segment (store, circles, label);
  /* SQLite's default page cache (2 MB) holds a fraction of 100,000 contact rows: the same
   * count with a larger one says what raising it in reseau_store_open() would give. */
  if (!_reseau_store_exec (store, "PRAGMA cache_size = -32768", &error))
    g_error ("%s", error->message);
  {
    g_autofree char *big = g_strconcat (label, "_cache32m", NULL);

    bench_segment (store, circles, big);
  }
  if (!_reseau_store_exec (store, "PRAGMA cache_size = -2000", &error))
    g_error ("%s", error->message);
  bench_add (store, circles, size);
  bench_add_with_list (store, size, label);
  bench_sidebar (store, label);

  g_clear_object (&store);
  /* To look at query plans: RESEAU_BENCH_KEEP=1 leaves the database where it says. */
  if (g_getenv ("RESEAU_BENCH_KEEP") != NULL)
    {
      g_printerr ("database kept in %s\n", path);
      return 0;
    }
  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
  return 0;
}
