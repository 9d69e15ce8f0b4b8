/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the search field finds and the order the list shows, through reseau_store_list(). */

#include "config.h"

#include "reseau-store-private.h"
#include "reseau-text.h"
#include "test-helpers.h"

static gint64
add_person (ReseauStore *store,
            const char  *given,
            const char  *family,
            const char  *organization,
            const char  *locality,
            const char  *email)
{
  g_autoptr(ReseauContact) contact = test_contact_new ("given-name", given, "family-name", family,
                                                       "organization", organization, NULL);

  if (locality != NULL)
    test_contact_add_address (contact, "1 place Bellecour", locality, "France");
  if (email != NULL)
    test_contact_add_value (contact, RESEAU_VALUE_EMAIL, email);
  return test_save (store, contact);
}

static void
add_search_people (ReseauStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 trashed;

  add_person (store, "Frédéric", "Martinet", "Capgemini", "Lyon", "fred@martinet.example");
  add_person (store, "Frederic", "Petit", "Sopra Steria", "Lyon", NULL);
  add_person (store, "Jean", "Lamartine", "Capgemini", "Paris", NULL);
  add_person (store, "Anne", "Martin", "Atos", "Lille", NULL);
  add_person (store, "Chloé", "Dubois", "Capgemini", "Lyon", NULL);
  add_person (store, "Léa", "Roche", "Capgemini", "Villeurbanne", NULL);
  trashed = add_person (store, "Hugo", "Bernard", "Capgemini", "Lyon", NULL);
  g_assert_true (reseau_store_trash_contacts (store, &trashed, 1, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_search_accents (TestFixture   *fixture,
                     gconstpointer  data)
{
  add_search_people (fixture->store);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "frederic", "Frédéric Martinet, Frederic Petit");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "frédéric", "Frédéric Martinet, Frederic Petit");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "chloe", "Chloé Dubois");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "LEA", "Léa Roche");
}

static void
test_search_prefix (TestFixture   *fixture,
                    gconstpointer  data)
{
  add_search_people (fixture->store);
  /* The start of a word: "Lamartine" has "mart" inside, not at its start. */
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "mart", "Anne Martin, Frédéric Martinet");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "martine", "Frédéric Martinet");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "fre", "Frédéric Martinet, Frederic Petit");
  /* Everyone lives in France. */
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "f",
                    "Anne Martin, Chloé Dubois, Frédéric Martinet, Frederic Petit, Jean Lamartine, Léa Roche");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "fred@martinet", "Frédéric Martinet");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "zzz", "");
}

static void
test_search_multi_word (TestFixture   *fixture,
                        gconstpointer  data)
{
  add_search_people (fixture->store);
  /* Hugo Bernard, at Capgemini in Lyon too, is in the trash. */
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "capgemini lyon", "Chloé Dubois, Frédéric Martinet");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "  lyon\tcapgemini ", "Chloé Dubois, Frédéric Martinet");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "capgemini villeurbanne", "Léa Roche");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "sopra lyon", "Frederic Petit");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "atos lyon", "");
}

static void
test_search_uppercase_accents (TestFixture   *fixture,
                               gconstpointer  data)
{
  add_search_people (fixture->store);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "FRÉD", "Frédéric Martinet, Frederic Petit");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "FRÉDÉRIC MARTINET", "Frédéric Martinet");
  /* Decomposed input (NFD), as some input methods send it. */
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "Fre\xcc\x81" "de\xcc\x81" "ric", "Frédéric Martinet, Frederic Petit");
}

static void
test_search_syntax (TestFixture   *fixture,
                    gconstpointer  data)
{
  static const struct { const char *typed; const char *found; } cases[] = {
    { "\"", NULL },
    { "\"\"", NULL },
    { "*", NULL },
    { "-", NULL },
    { "(", NULL },
    { "AND", NULL },
    { "OR", NULL },
    { "NOT", NULL },
    { "NEAR(", NULL },
    { "NEAR(mart lyon", NULL },
    { "mart AND", NULL },
    { "name:mart", NULL },
    { "{name work}: mart", NULL },
    { "^mart", "Anne Martin, Frédéric Martinet" },
    { "\"mart", "Anne Martin, Frédéric Martinet" },
    { "mart*", "Anne Martin, Frédéric Martinet" },
    { "-mart", "Anne Martin, Frédéric Martinet" },
    { "mart\"\"", "Anne Martin, Frédéric Martinet" },
    { "'", NULL },
    { "\\", NULL },
    { "%_", NULL },
    { "\xff\xfe", NULL },
  };

  add_search_people (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) entries = reseau_store_list (fixture->store, RESEAU_SORT_GIVEN_NAME, cases[i].typed, &error);

      g_test_message ("typed: %s", cases[i].typed);
      g_assert_no_error (error);
      g_assert_nonnull (entries);
      if (cases[i].found != NULL)
        test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, cases[i].typed, cases[i].found);
    }
}

static void
test_search_after_edit (TestFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(ReseauContact) contact = NULL;
  gint64 id;

  add_search_people (fixture->store);
  id = add_person (fixture->store, "Marie", "Curie", "Sorbonne", "Paris", NULL);
  contact = test_load (fixture->store, id);
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, "Skłodowska-Curie");
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "Institut du Radium");
  test_save (fixture->store, contact);

  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "sorbonne", "");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "radium", "Marie Skłodowska-Curie");
  /* "ł" has no decomposition, yet people type it as "l". */
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "sklodowska", "Marie Skłodowska-Curie");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "SKŁODOWSKA", "Marie Skłodowska-Curie");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "curie", "Marie Skłodowska-Curie");
}

/* Sort order */

static GBytes *
stored_sort_key (ReseauStore     *store,
                 gint64           id,
                 ReseauSortOrder  order)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *key;

  g_assert_cmpint (sqlite3_prepare_v2 (_reseau_store_get_db (store),
                                       order == RESEAU_SORT_GIVEN_NAME ? "SELECT sort_given FROM contacts WHERE id = ?"
                                                                       : "SELECT sort_family FROM contacts WHERE id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  key = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  return key;
}

static int
compare_keys (GBytes *a,
              GBytes *b)
{
  gsize la, lb;
  const guchar *da = g_bytes_get_data (a, &la);
  const guchar *db = g_bytes_get_data (b, &lb);
  int cmp = memcmp (da, db, MIN (la, lb));

  return cmp != 0 ? cmp : (la > lb) - (la < lb);
}

/* Whatever the names, the list is ordered by sort key, then by id. */
static void
assert_sorted (ReseauStore     *store,
               ReseauSortOrder  order)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = reseau_store_list (store, order, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 1; i < entries->len; i++)
    {
      gint64 previous = g_array_index (entries, ReseauListEntry, i - 1).id;
      gint64 id = g_array_index (entries, ReseauListEntry, i).id;
      g_autoptr(GBytes) previous_key = stored_sort_key (store, previous, order);
      g_autoptr(GBytes) key = stored_sort_key (store, id, order);
      int cmp = compare_keys (previous_key, key);

      g_assert_cmpint (cmp, <=, 0);
      if (cmp == 0)
        g_assert_cmpint (previous, <, id);
    }
}

static void
add_sort_people (ReseauStore *store,
                 gint64       ids[2])
{
  g_autoptr(ReseauContact) company = test_contact_new ("organization", "ACME", NULL);

  test_add_person (store, "Émilie", "Durand", NULL);
  test_add_person (store, "Emile", "Zola", NULL);
  test_add_person (store, "Zoé", "Abel", NULL);
  ids[0] = test_add_person (store, "Jean", "Dupont", "Globex");
  test_add_person (store, "adam", "Smith", NULL);
  test_add_person (store, "Adèle", "Roux", NULL);
  test_save (store, company);
  ids[1] = test_add_person (store, "Jean", "Dupont", "Initech");
  test_add_person (store, "Emilie", "Durand", NULL);
}

static void
test_order_given (TestFixture   *fixture,
                  gconstpointer  data)
{
  gint64 duponts[2];
  g_autoptr(GArray) entries = NULL;

  add_sort_people (fixture->store, duponts);
  /* Accents and case are ignored first ("Émilie" among the Es); the spelling only breaks
   * the tie between the two Émilies; the id between the two Jeans. */
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, NULL,
                    "ACME, adam Smith, Adèle Roux, Emile Zola, Emilie Durand, Émilie Durand, "
                    "Jean Dupont, Jean Dupont, Zoé Abel");
  entries = reseau_store_list (fixture->store, RESEAU_SORT_GIVEN_NAME, NULL, NULL);
  g_assert_cmpint (g_array_index (entries, ReseauListEntry, 6).id, ==, duponts[0]);
  g_assert_cmpint (g_array_index (entries, ReseauListEntry, 7).id, ==, duponts[1]);
  assert_sorted (fixture->store, RESEAU_SORT_GIVEN_NAME);

  /* The same with a search. */
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "e", "Emile Zola, Emilie Durand, Émilie Durand");
}

static void
test_order_family (TestFixture   *fixture,
                   gconstpointer  data)
{
  gint64 duponts[2];
  g_autoptr(GArray) entries = NULL;

  add_sort_people (fixture->store, duponts);
  test_assert_list (fixture->store, RESEAU_SORT_FAMILY_NAME, NULL,
                    "Zoé Abel, ACME, Jean Dupont, Jean Dupont, Emilie Durand, Émilie Durand, "
                    "Adèle Roux, adam Smith, Emile Zola");
  entries = reseau_store_list (fixture->store, RESEAU_SORT_FAMILY_NAME, NULL, NULL);
  g_assert_cmpint (g_array_index (entries, ReseauListEntry, 2).id, ==, duponts[0]);
  g_assert_cmpint (g_array_index (entries, ReseauListEntry, 3).id, ==, duponts[1]);
  g_assert_cmpstr (g_array_index (entries, ReseauListEntry, 0).initial, ==, "A");
  g_assert_cmpstr (g_array_index (entries, ReseauListEntry, 5).initial, ==, "D");
  assert_sorted (fixture->store, RESEAU_SORT_FAMILY_NAME);
}

/* Twenty people with clashing names in a shuffled order: the order must not depend on the
 * order they were added in, only on their keys and ids. */
static void
test_order_stable (TestFixture   *fixture,
                   gconstpointer  data)
{
  static const char * const given[] = { "Élise", "elise", "Elise", "ÉLISE", "Eli" };
  static const char * const family[] = { "Faure", "faure", "Fauré", "FAURE" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 20; i++)
    test_add_person (fixture->store, given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                     family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))], NULL);
  assert_sorted (fixture->store, RESEAU_SORT_GIVEN_NAME);
  assert_sorted (fixture->store, RESEAU_SORT_FAMILY_NAME);
}

/* Another connection to the same file (an import running beside the window) adds, renames
 * and trashes contacts: this one's list sees each change. */
static void
test_order_other_connection (TestFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauStore) other = reseau_store_open (fixture->path, &error);
  g_autoptr(ReseauContact) contact = NULL;
  gint64 id;

  g_assert_no_error (error);
  test_add_person (fixture->store, "Bruno", "Petit", NULL);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, NULL, "Bruno Petit");
  id = test_add_person (other, "Anna", "Blum", NULL);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, NULL, "Anna Blum, Bruno Petit");
  test_assert_list (fixture->store, RESEAU_SORT_FAMILY_NAME, NULL, "Anna Blum, Bruno Petit");

  contact = test_load (other, id);
  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, "Zoé");
  test_save (other, contact);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, NULL, "Bruno Petit, Zoé Blum");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "zoe", "Zoé Blum");

  g_assert_true (reseau_store_trash_contacts (other, &id, 1, TRUE, &error));
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, NULL, "Bruno Petit");
  test_assert_list (fixture->store, RESEAU_SORT_FAMILY_NAME, NULL, "Bruno Petit");
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, TestFixture, NULL, test_fixture_set_up_store, func, test_fixture_tear_down)

  ADD ("/store/search/accents", test_search_accents);
  ADD ("/store/search/prefix", test_search_prefix);
  ADD ("/store/search/multi-word", test_search_multi_word);
  ADD ("/store/search/uppercase-accents", test_search_uppercase_accents);
  ADD ("/store/search/syntax", test_search_syntax);
  ADD ("/store/search/after-edit", test_search_after_edit);
  ADD ("/store/order/given", test_order_given);
  ADD ("/store/order/family", test_order_family);
  ADD ("/store/order/stable", test_order_stable);
  ADD ("/store/order/other-connection", test_order_other_connection);

#undef ADD

  return g_test_run ();
}
