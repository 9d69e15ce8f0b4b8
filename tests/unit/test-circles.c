/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Circles: unique names, membership with its counts and Undo, deletion that keeps contacts
 * and tells saved segments, keep-in-touch, and the content list showing a circle. */

#include "config.h"

#include "reseau-contact-list.h"
#include "reseau-store-private.h"
#include "test-helpers.h"

static gint64
add_circle (ReseauStore *store,
            const char  *name,
            guint        cadence_days)
{
  g_autoptr(ReseauCircle) circle = reseau_circle_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  reseau_circle_set_cadence_days (circle, cadence_days);
  id = reseau_store_save_circle (store, circle, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_members (ReseauStore  *store,
             gint64        circle_id,
             const gint64 *ids,
             guint         n_ids,
             guint         expect_added,
             guint         expect_already)
{
  g_autoptr(GError) error = NULL;
  guint added = 99, already = 99;

  g_assert_true (reseau_store_add_to_circle (store, circle_id, ids, n_ids, &added, &already, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, expect_added);
  g_assert_cmpuint (already, ==, expect_already);
}

/* "Name:count, Name:count" as the sidebar shows them. */
static char *
sidebar (ReseauStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) circles = reseau_store_list_circles (store, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < circles->len; i++)
    {
      ReseauCircle *circle = g_ptr_array_index (circles, i);

      g_string_append_printf (out, "%s%s:%u", i > 0 ? ", " : "", reseau_circle_get_name (circle),
                              reseau_circle_get_member_count (circle));
    }
  return g_string_free_and_steal (g_steal_pointer (&out));
}

#define assert_sidebar(store, expected) G_STMT_START { \
    g_autofree char *sidebar_ = sidebar (store); \
    g_assert_cmpstr (sidebar_, ==, (expected)); \
  } G_STMT_END

static char *
members_table (ReseauStore *store)
{
  sqlite3 *db = _reseau_store_get_db (store);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT circle_id, contact_id, added FROM circle_members "
                                           "ORDER BY circle_id, contact_id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld/%lld@%lld ", (long long)sqlite3_column_int64 (stmt, 0),
                            (long long)sqlite3_column_int64 (stmt, 1), (long long)sqlite3_column_int64 (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free_and_steal (g_steal_pointer (&out));
}

static void
test_names (TestFixture   *fixture,
            gconstpointer  data)
{
  static const char * const taken[] = { "clients lyon", "Clients Lyón", "  CLIENTS  LYON", "Clients Lyon " };
  ReseauStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 lyon = add_circle (store, "Clients Lyon", 0);
  gint64 paris = add_circle (store, "  Paris  ", 0);

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autoptr(ReseauCircle) circle = reseau_circle_new (taken[i]);

      /* "  CLIENTS  LYON" has two spaces inside: a different name. */
      if (strstr (taken[i], "  LYON") != NULL)
        {
          g_assert_cmpint (reseau_store_save_circle (store, circle, &error), >, 0);
          g_assert_no_error (error);
          continue;
        }
      g_assert_cmpint (reseau_store_save_circle (store, circle, &error), ==, 0);
      g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_EXISTS);
      g_assert_nonnull (strstr (error->message, "already exists"));
      g_assert_cmpint (reseau_circle_get_id (circle), ==, 0);
      g_clear_error (&error);
    }

  {
    g_autoptr(ReseauCircle) blank = reseau_circle_new (" \t ");
    g_autoptr(ReseauCircle) circle = reseau_store_load_circle (store, paris, &error);

    g_assert_cmpint (reseau_store_save_circle (store, blank, &error), ==, 0);
    g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID);
    g_clear_error (&error);

    /* Trimmed when saved; renaming to another circle's name is refused, to one's own
     * name in other letters is not. */
    g_assert_cmpstr (reseau_circle_get_name (circle), ==, "Paris");
    reseau_circle_set_name (circle, "CLIENTS lyon");
    g_assert_cmpint (reseau_store_save_circle (store, circle, &error), ==, 0);
    g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_EXISTS);
    g_clear_error (&error);
    reseau_circle_set_name (circle, "PARÍS");
    g_assert_cmpint (reseau_store_save_circle (store, circle, &error), ==, paris);
    g_assert_no_error (error);
  }
  assert_sidebar (store, "CLIENTS  LYON:0, Clients Lyon:0, PARÍS:0");

  /* A deleted circle waiting for its toast gives its name to a new one. */
  g_assert_true (reseau_store_trash_circle (store, lyon, TRUE, &error));
  g_assert_no_error (error);
  add_circle (store, "clients lyon", 0);
  assert_sidebar (store, "CLIENTS  LYON:0, clients lyon:0, PARÍS:0");
}

static void
test_membership (TestFixture   *fixture,
                 gconstpointer  data)
{
  ReseauStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauMembership) before = NULL;
  g_autofree char *table_before = NULL;
  g_autofree char *table_after = NULL;
  gint64 ids[5], lyon, paris;
  guint added = 0, already = 0, removed = 0;

  ids[0] = test_add_person (store, "Anna", "Blum", NULL);
  ids[1] = test_add_person (store, "Bruno", "Petit", NULL);
  ids[2] = test_add_person (store, "Chloé", "Durand", NULL);
  ids[3] = test_add_person (store, "David", "Chen", NULL);
  ids[4] = ids[3];
  lyon = add_circle (store, "Clients Lyon", 0);
  paris = add_circle (store, "Paris", 0);

  add_members (store, lyon, ids, 1, 1, 0);
  /* Duplicates in the selection count once. */
  add_members (store, lyon, ids, 5, 3, 1);
  add_members (store, paris, ids + 2, 1, 1, 0);
  /* A contact deleted meanwhile is neither added nor "already there". */
  {
    gint64 ghost = ids[0] + 1000;

    add_members (store, paris, &ghost, 1, 0, 0);
  }
  assert_sidebar (store, "Clients Lyon:4, Paris:1");

  g_assert_true (reseau_store_remove_from_circle (store, lyon, ids, 1, &removed, &error));
  g_assert_cmpuint (removed, ==, 1);
  g_assert_true (reseau_store_remove_from_circle (store, lyon, ids, 1, &removed, &error));
  g_assert_cmpuint (removed, ==, 0);
  assert_sidebar (store, "Clients Lyon:3, Paris:1");

  /* Shift-drag of Bruno and Chloé from Lyon to Paris, then its Undo. */
  table_before = members_table (store);
  before = reseau_store_save_membership (store, ids + 1, 2, &error);
  g_assert_no_error (error);
  g_assert_true (reseau_store_move_to_circle (store, lyon, paris, ids + 1, 2, &added, &already, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (already, ==, 1);
  assert_sidebar (store, "Clients Lyon:1, Paris:2");
  g_assert_true (reseau_store_restore_membership (store, before, &error));
  g_assert_no_error (error);
  table_after = members_table (store);
  g_assert_cmpstr (table_after, ==, table_before);
  assert_sidebar (store, "Clients Lyon:3, Paris:1");

  /* Nothing is added to a circle in the trash, and nothing half-done stays. */
  g_assert_true (reseau_store_trash_circle (store, paris, TRUE, &error));
  g_assert_false (reseau_store_move_to_circle (store, lyon, paris, ids + 1, 2, &added, &already, &error));
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (table_after);
  table_after = members_table (store);
  g_assert_cmpstr (table_after, ==, table_before);

  /* Contacts in the trash are not counted; the circles of a contact skip trashed ones. */
  g_assert_true (reseau_store_trash_contacts (store, ids + 3, 1, TRUE, &error));
  assert_sidebar (store, "Clients Lyon:2");
  {
    g_autoptr(GArray) circles = reseau_store_list_contact_circles (store, ids[2], &error);

    g_assert_no_error (error);
    g_assert_cmpuint (circles->len, ==, 1);
    g_assert_cmpint (g_array_index (circles, gint64, 0), ==, lyon);
  }
}

static void
test_delete_circle (TestFixture   *fixture,
                    gconstpointer  data)
{
  ReseauStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 ids[2];
  gint64 lyon;

  ids[0] = test_add_person (store, "Anna", "Blum", NULL);
  ids[1] = test_add_person (store, "Bruno", "Petit", NULL);
  lyon = add_circle (store, "Clients Lyon", 0);
  add_members (store, lyon, ids, 2, 2, 0);

  g_assert_true (reseau_store_trash_circle (store, lyon, TRUE, &error));
  assert_sidebar (store, "");
  g_assert_true (reseau_store_trash_circle (store, lyon, FALSE, &error));
  assert_sidebar (store, "Clients Lyon:2");

  g_assert_true (reseau_store_trash_circle (store, lyon, TRUE, &error));
  g_assert_true (reseau_store_purge_circles (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reseau_store_count_contacts (store), ==, 2);
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM circle_members"), ==, 0);
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM circles"), ==, 0);
}

static void
contacted (ReseauStore *store,
           gint64       id,
           const char  *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (reseau_store_add_interaction (store, id, RESEAU_INTERACTION_MEETING, date, "", &error), >, 0);
  g_assert_no_error (error);
}

static char *
overdue (ReseauStore *store,
         const char  *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = reseau_store_list_overdue (store, today, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  guint count = 0;

  g_assert_no_error (error);
  g_assert_true (reseau_store_count_overdue (store, today, &count, &error));
  g_assert_cmpuint (count, ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      ReseauOverdueEntry *e = &g_array_index (entries, ReseauOverdueEntry, i);
      g_autoptr(ReseauContact) contact = test_load (store, e->contact_id);
      g_autoptr(ReseauCircle) circle = reseau_store_load_circle (store, e->circle_id, &error);

      g_string_append_printf (out, "%s%s(%s,%d)", i > 0 ? " " : "",
                              reseau_contact_get_text (contact, RESEAU_FIELD_GIVEN),
                              reseau_circle_get_name (circle), e->days_overdue);
    }
  return g_string_free_and_steal (g_steal_pointer (&out));
}

#define assert_overdue(store, today, expected) G_STMT_START { \
    g_autofree char *overdue_ = overdue ((store), (today)); \
    g_assert_cmpstr (overdue_, ==, (expected)); \
  } G_STMT_END

static void
test_overdue (TestFixture   *fixture,
              gconstpointer  data)
{
  ReseauStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 monthly = add_circle (store, "Monthly", 30);
  gint64 quarterly = add_circle (store, "Quarterly", 90);
  gint64 plain = add_circle (store, "No cadence", 0);
  gint64 a = test_add_person (store, "Ann", "A", NULL);
  gint64 b = test_add_person (store, "Bob", "B", NULL);
  gint64 c = test_add_person (store, "Cleo", "C", NULL);
  gint64 d = test_add_person (store, "Dan", "D", NULL);
  gint64 e = test_add_person (store, "Eve", "E", NULL);
  gint64 f = test_add_person (store, "Fay", "F", NULL);
  gint64 h = test_add_person (store, "Hal", "H", NULL);
  gint64 t = test_add_person (store, "Tom", "T", NULL);
  gint64 in_monthly[] = { a, b, c, h, t }, in_quarterly[] = { c, d, e };

  test_add_person (store, "Gus", "G", NULL); /* in no circle, never contacted */
  add_members (store, monthly, in_monthly, G_N_ELEMENTS (in_monthly), 5, 0);
  add_members (store, quarterly, in_quarterly, G_N_ELEMENTS (in_quarterly), 3, 0);
  add_members (store, plain, &f, 1, 1, 0);
  contacted (store, a, "2026-06-10");  /* 20 days: fine */
  contacted (store, b, "2026-05-01");  /* 60 days: 30 late */
  contacted (store, c, "2026-04-30");  /* 61 days: the shorter cadence counts, 31 late */
  contacted (store, d, "2026-04-30");  /* 61 days of 90: fine */
  contacted (store, h, "2026-05-31");  /* exactly 30 days: not yet */
  /* A note is not a contact. */
  g_assert_cmpint (reseau_store_add_interaction (store, e, RESEAU_INTERACTION_NOTE, "2026-06-29", "", &error), >, 0);
  g_assert_true (reseau_store_trash_contacts (store, &t, 1, TRUE, &error));

  /* Never contacted first, then the most overdue. */
  assert_overdue (store, "2026-06-30", "Eve(Quarterly,-1) Cleo(Monthly,31) Bob(Monthly,30)");
  assert_overdue (store, "2026-07-01", "Eve(Quarterly,-1) Cleo(Monthly,32) Bob(Monthly,31) Hal(Monthly,1)");

  /* Without the monthly circle, Cleo is due every 90 days only. */
  g_assert_true (reseau_store_trash_circle (store, monthly, TRUE, &error));
  assert_overdue (store, "2026-06-30", "Eve(Quarterly,-1)");
  contacted (store, e, "2026-06-29");
  assert_overdue (store, "2026-06-30", "");
}

static guint
count (ReseauStore   *store,
       ReseauSegment *segment)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  g_assert_true (reseau_store_count_segment (store, segment, &n, &error));
  g_assert_no_error (error);
  return n;
}

static char *
missing (ReseauStore   *store,
         ReseauSegment *segment)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = reseau_store_segment_missing_circles (store, segment, &error);

  g_assert_no_error (error);
  return g_strjoinv (",", names);
}

/* Anna in X, Bruno in Y, Chloé in X and Z; the segment: any of X, Y, except Z. */
static void
test_segment_circle_deleted (TestFixture   *fixture,
                             gconstpointer  data)
{
  ReseauStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  g_autoptr(ReseauSegment) loaded = NULL;
  g_autofree char *names = NULL;
  gint64 anna = test_add_person (store, "Anna", "Blum", NULL);
  gint64 bruno = test_add_person (store, "Bruno", "Petit", NULL);
  gint64 chloe = test_add_person (store, "Chloé", "Durand", NULL);
  gint64 everyone[] = { anna, bruno, chloe }, x_members[] = { anna, chloe };
  gint64 y = add_circle (store, "Y", 0);
  gint64 z = add_circle (store, "Z", 0);
  gint64 x = add_circle (store, "X", 0);
  gint64 saved, w;

  add_members (store, x, x_members, 2, 2, 0);
  add_members (store, y, &bruno, 1, 1, 0);
  add_members (store, z, &chloe, 1, 1, 0);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, x);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, y);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_EXCLUDE, z);
  saved = reseau_store_save_segment (store, 0, "Prospects", segment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (store, segment), ==, 2);

  /* In the trash: missing, and brings nobody in. */
  g_assert_true (reseau_store_trash_circle (store, x, TRUE, &error));
  g_assert_cmpuint (count (store, segment), ==, 1);
  names = missing (store, segment);
  g_assert_cmpstr (names, ==, "X");

  /* Deleted for good, X's id goes to the next circle: W must not join the segment. */
  g_assert_true (reseau_store_purge_circles (store, &error));
  w = add_circle (store, "W", 0);
  g_assert_cmpint (w, ==, x);
  add_members (store, w, everyone, 3, 3, 0);
  loaded = reseau_store_load_segment (store, saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (store, loaded), ==, 1);
  g_clear_pointer (&names, g_free);
  names = missing (store, loaded);
  g_assert_cmpstr (names, ==, "X");

  /* A missing exclusion excludes nobody. */
  g_assert_true (reseau_store_trash_circle (store, z, TRUE, &error));
  g_assert_true (reseau_store_purge_circles (store, &error));
  g_clear_object (&loaded);
  loaded = reseau_store_load_segment (store, saved, &error);
  g_assert_cmpuint (count (store, loaded), ==, 1);
  reseau_segment_remove_circle (loaded, RESEAU_SEGMENT_ANY_OF, y);
  /* Only deleted circles left in any-of: nobody, not everybody. */
  g_assert_cmpuint (count (store, loaded), ==, 0);
  g_clear_pointer (&names, g_free);
  names = missing (store, loaded);
  g_assert_cmpstr (names, ==, "X,Z");
}

static void
test_contact_list_filter (TestFixture   *fixture,
                          gconstpointer  data)
{
  ReseauStore *store = fixture->store;
  g_autoptr(ReseauContactList) list = reseau_contact_list_new (store);
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  g_autoptr(ReseauSegment) outside = reseau_segment_new ();
  gint64 zoe = test_add_person (store, "Zoé", "Blum", NULL);
  gint64 anna = test_add_person (store, "Anna", "Petit", NULL);
  gint64 both[] = { zoe, anna };
  gint64 lyon = add_circle (store, "Lyon", 0);

  test_add_person (store, "Marc", "Chen", NULL);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, lyon);
  reseau_contact_list_set_segment (list, segment);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  add_members (store, lyon, both, 2, 2, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpint (reseau_contact_list_get_id (list, 0), ==, anna);
  g_assert_cmpint (reseau_contact_list_get_id (list, 1), ==, zoe);
  reseau_contact_list_set_search (list, "blum");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  reseau_contact_list_set_search (list, NULL);

  /* The list follows the segment as the builder edits it. */
  reseau_segment_set_has_email (segment, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  reseau_segment_set_has_email (segment, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  reseau_segment_set_no_circle (outside, TRUE);
  reseau_contact_list_set_segment (list, outside);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  reseau_contact_list_set_segment (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

/* Who is in which circle does not change the list of every contact: a membership change
 * keeps the cached list (the "All Contacts" view then does not read every row again after
 * a drop), while a change to a card still makes it be read again. */
static void
test_membership_keeps_list_cache (TestFixture   *fixture,
                                  gconstpointer  data)
{
  ReseauStore *store = fixture->store;
  g_autoptr(ReseauContactList) list = reseau_contact_list_new (store);
  g_autoptr(ReseauMembership) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 zoe = test_add_person (store, "Zoé", "Blum", NULL);
  gint64 anna = test_add_person (store, "Anna", "Petit", NULL);
  gint64 both[] = { zoe, anna };
  gint64 lyon = add_circle (store, "Lyon", 0);
  gint64 paris = add_circle (store, "Paris", 0);
  ReseauListCache *cache = _reseau_store_get_list_cache (store, RESEAU_SORT_GIVEN_NAME);
  GArray *cached;
  guint n_removed = 0;

  g_assert_true (reseau_contact_list_reload (list, &error));
  g_assert_no_error (error);
  cached = cache->entries;
  g_assert_nonnull (cached);

  before = reseau_store_save_membership (store, both, 2, &error);
  g_assert_no_error (error);
  add_members (store, lyon, both, 2, 2, 0);
  g_assert_true (cache->entries == cached);
  g_assert_true (reseau_store_move_to_circle (store, lyon, paris, &zoe, 1, NULL, NULL, &error));
  g_assert_true (reseau_store_remove_from_circle (store, paris, &zoe, 1, &n_removed, &error));
  g_assert_cmpuint (n_removed, ==, 1);
  g_assert_true (reseau_store_restore_membership (store, before, &error));
  g_assert_no_error (error);
  g_assert_true (cache->entries == cached);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* A new contact is a change the list must see. */
  test_add_person (store, "Marc", "Chen", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, TestFixture, NULL, test_fixture_set_up_store, func, test_fixture_tear_down)
  ADD ("/circles/names", test_names);
  ADD ("/circles/membership", test_membership);
  ADD ("/circles/delete-keeps-contacts", test_delete_circle);
  ADD ("/circles/overdue", test_overdue);
  ADD ("/circles/segment-with-deleted-circle", test_segment_circle_deleted);
  ADD ("/circles/contact-list-filter", test_contact_list_filter);
  ADD ("/circles/membership-keeps-list-cache", test_membership_keeps_list_cache);
#undef ADD

  return g_test_run ();
}
