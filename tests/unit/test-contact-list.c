/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ReseauContactList: content, order, sections and exact ::items-changed signals.
 *
 * A mirror of the ids is kept up to date only from the signals' (position, removed, added)
 * and get_item(), the way a GtkListView follows a model; after every operation it must
 * equal the model's content and what the store lists. */

#include "config.h"

#include "reseau-contact-list.h"
#include "reseau-text.h"
#include "test-helpers.h"

typedef struct
{
  TestFixture        base;
  ReseauContactList *list;
  GArray            *mirror; /* gint64 */
  guint              n_signals;
  guint              position, removed, added; /* of the last signal */
} ListFixture;

static void
items_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  ListFixture *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(ReseauContact) contact = g_list_model_get_item (model, position + i);
      gint64 id;

      g_assert_nonnull (contact);
      id = reseau_contact_get_id (contact);
      g_array_insert_val (fixture->mirror, position + i, id);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->mirror->len);

  fixture->n_signals++;
  fixture->position = position;
  fixture->removed = removed;
  fixture->added = added;
}

static void
list_fixture_set_up (ListFixture   *fixture,
                     gconstpointer  data)
{
  test_fixture_set_up_store (&fixture->base, data);
  fixture->list = reseau_contact_list_new (fixture->base.store);
  fixture->mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (items_changed_cb), fixture);
}

static void
list_fixture_tear_down (ListFixture   *fixture,
                        gconstpointer  data)
{
  g_assert_finalize_object (fixture->list);
  g_clear_pointer (&fixture->mirror, g_array_unref);
  test_fixture_tear_down (&fixture->base, data);
}

/* The model, its mirror and the store agree; returns the names shown, in order. */
static char *
model_names (ListFixture *fixture)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) truth = reseau_store_list (fixture->base.store,
                                               reseau_contact_list_get_sort_order (fixture->list),
                                               reseau_contact_list_get_search (fixture->list), &error);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, fixture->mirror->len);
  g_assert_cmpuint (n, ==, truth->len);
  g_assert_null (g_list_model_get_item (model, n));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReseauContact) contact = g_list_model_get_item (model, i);
      g_autofree char *name = reseau_contact_dup_name (contact);
      gint64 id = g_array_index (fixture->mirror, gint64, i);

      g_assert_cmpint (reseau_contact_get_id (contact), ==, id);
      g_assert_cmpint (reseau_contact_list_get_id (fixture->list, i), ==, id);
      g_assert_cmpint (g_array_index (truth, ReseauListEntry, i).id, ==, id);
      g_assert_cmpuint (reseau_contact_list_find (fixture->list, id), ==, i);
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
    }
  return g_string_free_and_steal (g_steal_pointer (&names));
}

#define assert_model(fixture, expected) G_STMT_START { \
    g_autofree char *names_ = model_names (fixture); \
    g_assert_cmpstr (names_, ==, (expected)); \
  } G_STMT_END

/* Exactly one signal since the last check, and this one. */
#define assert_signal(fixture, pos, rem, add) G_STMT_START { \
    g_assert_cmpuint ((fixture)->n_signals, ==, 1); \
    g_assert_cmpuint ((fixture)->position, ==, (pos)); \
    g_assert_cmpuint ((fixture)->removed, ==, (rem)); \
    g_assert_cmpuint ((fixture)->added, ==, (add)); \
    (fixture)->n_signals = 0; \
  } G_STMT_END

#define assert_no_signal(fixture) g_assert_cmpuint ((fixture)->n_signals, ==, 0)

static gint64
add (ListFixture *fixture,
     const char  *given,
     const char  *family)
{
  return test_add_person (fixture->base.store, given, family, NULL);
}

static void
rename_contact (ListFixture *fixture,
                gint64       id,
                const char  *given)
{
  g_autoptr(ReseauContact) contact = test_load (fixture->base.store, id);

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, given);
  test_save (fixture->base.store, contact);
}

static void
trash (ListFixture *fixture,
       gint64       id,
       gboolean     trashed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (reseau_store_trash_contacts (fixture->base.store, &id, 1, trashed, &error));
  g_assert_no_error (error);
}

static void
test_list_inserts (ListFixture   *fixture,
                   gconstpointer  data)
{
  assert_model (fixture, "");
  add (fixture, "Bruno", "Petit");
  assert_signal (fixture, 0, 0, 1);
  add (fixture, "Anna", "Blum");
  assert_signal (fixture, 0, 0, 1);
  add (fixture, "Zoé", "Abel");
  assert_signal (fixture, 2, 0, 1);
  add (fixture, "Claire", "Martin");
  assert_signal (fixture, 2, 0, 1);
  assert_model (fixture, "Anna Blum, Bruno Petit, Claire Martin, Zoé Abel");
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (fixture->list)), ==, RESEAU_TYPE_CONTACT);
}

static void
test_list_updates (ListFixture   *fixture,
                   gconstpointer  data)
{
  gint64 anna = add (fixture, "Anna", "Blum");
  g_autoptr(ReseauContact) contact = NULL;

  add (fixture, "Bruno", "Petit");
  add (fixture, "Claire", "Martin");
  add (fixture, "Denis", "Roux");
  fixture->n_signals = 0;

  /* Renaming moves the row from the top to the bottom: one signal over the moved range. */
  rename_contact (fixture, anna, "Yves");
  assert_signal (fixture, 0, 4, 4);
  assert_model (fixture, "Bruno Petit, Claire Martin, Denis Roux, Yves Blum");
  rename_contact (fixture, anna, "Cyril");
  assert_signal (fixture, 2, 2, 2);
  assert_model (fixture, "Bruno Petit, Claire Martin, Cyril Blum, Denis Roux");

  /* A change that does not move the row changes no position. */
  contact = test_load (fixture->base.store, anna);
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "Acme");
  test_save (fixture->base.store, contact);
  assert_no_signal (fixture);
  assert_model (fixture, "Bruno Petit, Claire Martin, Cyril Blum, Denis Roux");
}

static void
test_list_deletes (ListFixture   *fixture,
                   gconstpointer  data)
{
  gint64 bruno;
  gint64 ids[2];

  add (fixture, "Anna", "Blum");
  bruno = add (fixture, "Bruno", "Petit");
  ids[0] = add (fixture, "Claire", "Martin");
  ids[1] = add (fixture, "Denis", "Roux");
  fixture->n_signals = 0;

  trash (fixture, bruno, TRUE);
  assert_signal (fixture, 1, 1, 0);
  assert_model (fixture, "Anna Blum, Claire Martin, Denis Roux");
  /* Undo */
  trash (fixture, bruno, FALSE);
  assert_signal (fixture, 1, 0, 1);
  assert_model (fixture, "Anna Blum, Bruno Petit, Claire Martin, Denis Roux");

  g_assert_true (reseau_store_trash_contacts (fixture->base.store, ids, 2, TRUE, NULL));
  assert_signal (fixture, 2, 2, 0);
  assert_model (fixture, "Anna Blum, Bruno Petit");
  g_assert_true (reseau_store_purge_trash (fixture->base.store, NULL));
  assert_no_signal (fixture);
  assert_model (fixture, "Anna Blum, Bruno Petit");
}

static void
test_list_search (ListFixture   *fixture,
                  gconstpointer  data)
{
  add (fixture, "Anna", "Martin");
  add (fixture, "Bruno", "Petit");
  add (fixture, "Frédéric", "Martinet");
  add (fixture, "Zoé", "Abel");
  fixture->n_signals = 0;

  reseau_contact_list_set_search (fixture->list, "mart");
  g_assert_cmpuint (fixture->n_signals, ==, 1);
  fixture->n_signals = 0;
  assert_model (fixture, "Anna Martin, Frédéric Martinet");
  reseau_contact_list_set_search (fixture->list, "mart");
  assert_no_signal (fixture);

  /* Edits while searching: a contact leaves and another enters the results. */
  add (fixture, "Marthe", "Vidal");
  assert_signal (fixture, 2, 0, 1);
  assert_model (fixture, "Anna Martin, Frédéric Martinet, Marthe Vidal");

  reseau_contact_list_set_search (fixture->list, "frederic martinet");
  g_assert_cmpuint (fixture->n_signals, ==, 1);
  fixture->n_signals = 0;
  assert_model (fixture, "Frédéric Martinet");

  reseau_contact_list_set_search (fixture->list, "nobody");
  assert_signal (fixture, 0, 1, 0);
  assert_model (fixture, "");

  reseau_contact_list_set_search (fixture->list, "");
  g_assert_null (reseau_contact_list_get_search (fixture->list));
  assert_signal (fixture, 0, 0, 5);
  assert_model (fixture, "Anna Martin, Bruno Petit, Frédéric Martinet, Marthe Vidal, Zoé Abel");
}

static void
test_list_sort_order (ListFixture   *fixture,
                      gconstpointer  data)
{
  add (fixture, "Anna", "Martin");
  add (fixture, "Bruno", "Petit");
  add (fixture, "Zoé", "Abel");
  add (fixture, "Yves", "Zola");
  fixture->n_signals = 0;

  reseau_contact_list_set_sort_order (fixture->list, RESEAU_SORT_FAMILY_NAME);
  g_assert_cmpuint (fixture->n_signals, ==, 1);
  fixture->n_signals = 0;
  assert_model (fixture, "Zoé Abel, Anna Martin, Bruno Petit, Yves Zola");
  reseau_contact_list_set_sort_order (fixture->list, RESEAU_SORT_FAMILY_NAME);
  assert_no_signal (fixture);

  add (fixture, "Aaron", "Petit");
  assert_signal (fixture, 2, 0, 1);
  assert_model (fixture, "Zoé Abel, Anna Martin, Aaron Petit, Bruno Petit, Yves Zola");

  reseau_contact_list_set_sort_order (fixture->list, RESEAU_SORT_GIVEN_NAME);
  assert_model (fixture, "Aaron Petit, Anna Martin, Bruno Petit, Yves Zola, Zoé Abel");
}

/* Every row's section is the run of rows sharing its initial, and runs are maximal. */
static void
assert_sections (ListFixture *fixture)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->list));

  for (guint i = 0; i < n; i++)
    {
      const char *initial = reseau_contact_list_get_initial (fixture->list, i);
      guint start, end;

      reseau_contact_list_get_section (fixture->list, i, &start, &end);
      g_assert_cmpuint (start, <=, i);
      g_assert_cmpuint (i, <, end);
      g_assert_cmpuint (end, <=, n);
      for (guint j = start; j < end; j++)
        g_assert_cmpstr (reseau_contact_list_get_initial (fixture->list, j), ==, initial);
      if (start > 0)
        g_assert_cmpstr (reseau_contact_list_get_initial (fixture->list, start - 1), !=, initial);
      if (end < n)
        g_assert_cmpstr (reseau_contact_list_get_initial (fixture->list, end), !=, initial);
    }
}

static void
test_list_sections (ListFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(ReseauContact) company = test_contact_new ("organization", "3M", NULL);
  guint start, end, emilie;

  add (fixture, "Adèle", "Roux");
  add (fixture, "Bruno", "Petit");
  add (fixture, "Emma", "Leroy");
  add (fixture, "Étienne", "Blanc");
  add (fixture, "Émilie", "Durand");
  add (fixture, "eve", "Moreau");
  add (fixture, "Zoé", "Abel");
  test_save (fixture->base.store, company);
  assert_model (fixture, "3M, Adèle Roux, Bruno Petit, Émilie Durand, Emma Leroy, Étienne Blanc, eve Moreau, Zoé Abel");
  assert_sections (fixture);

  emilie = 3;
  g_assert_cmpstr (reseau_contact_list_get_initial (fixture->list, 0), ==, "#");
  g_assert_cmpstr (reseau_contact_list_get_initial (fixture->list, emilie), ==, "E");
  reseau_contact_list_get_section (fixture->list, emilie, &start, &end);
  g_assert_cmpuint (start, ==, 3);
  g_assert_cmpuint (end, ==, 7);
  reseau_contact_list_get_section (fixture->list, 7, &start, &end);
  g_assert_cmpuint (start, ==, 7);
  g_assert_cmpuint (end, ==, 8);

  reseau_contact_list_set_sort_order (fixture->list, RESEAU_SORT_FAMILY_NAME);
  assert_model (fixture, "3M, Zoé Abel, Étienne Blanc, Émilie Durand, Emma Leroy, eve Moreau, Bruno Petit, Adèle Roux");
  assert_sections (fixture);
  reseau_contact_list_get_section (fixture->list, 1, &start, &end);
  g_assert_cmpuint (start, ==, 1);
  g_assert_cmpuint (end, ==, 2);

  reseau_contact_list_set_search (fixture->list, "e");
  assert_sections (fixture);
}

/* Names whose initial and sort position disagree in some locales: symbols, apostrophes,
 * digits, other scripts. Whatever the order, sections must be maximal runs. */
static void
test_list_sections_mixed (ListFixture   *fixture,
                          gconstpointer  data)
{
  static const char * const names[] = {
    "😀 Smiley", "'t Hooft", "3M", "Жанна", "Zoé", "Ærøskøbing", "ßa", "Anna", "中村", "Øyvind",
    "Œdipe", "@home", "Émile", "eve", "Łukasz", "lea",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(ReseauContact) contact = test_contact_new ("display-name", names[i], NULL);

      test_save (fixture->base.store, contact);
    }
  for (ReseauSortOrder order = RESEAU_SORT_GIVEN_NAME; order <= RESEAU_SORT_FAMILY_NAME; order++)
    {
      g_autofree char *shown = NULL;

      reseau_contact_list_set_sort_order (fixture->list, order);
      shown = model_names (fixture);
      g_test_message ("%s", shown);
      assert_sections (fixture);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->list)); i++)
        {
          g_autoptr(ReseauContact) contact = g_list_model_get_item (G_LIST_MODEL (fixture->list), i);
          g_autofree char *name = reseau_contact_dup_name (contact);
          g_autofree char *initial = reseau_text_initial (name);

          g_assert_cmpstr (reseau_contact_list_get_initial (fixture->list, i), ==, initial);
        }
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GHashTable *counts)
{
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (counts, (gpointer)name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
}

static guint
notified (GHashTable *counts,
          const char *property)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, property));
}

static void
test_list_item_updates (ListFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 anna = add (fixture, "Anna", "Blum");
  g_autoptr(ReseauContact) item = NULL;
  g_autoptr(ReseauContact) again = NULL;
  g_autoptr(ReseauContact) edited = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG", 4);
  g_autofree char *name = NULL;

  add (fixture, "Bruno", "Petit");
  item = g_list_model_get_item (G_LIST_MODEL (fixture->list), 0);
  g_assert_cmpint (reseau_contact_get_id (item), ==, anna);
  g_signal_connect (item, "notify", G_CALLBACK (count_notify_cb), counts);

  edited = test_load (fixture->base.store, anna);
  reseau_contact_set_text (edited, RESEAU_FIELD_GIVEN, "Yvonne");
  reseau_contact_set_text (edited, RESEAU_FIELD_TITLE, "Architect");
  reseau_contact_set_photo (edited, photo);
  test_save (fixture->base.store, edited);

  /* The object handed out is the one updated, and the one handed out again. */
  g_assert_cmpstr (reseau_contact_get_text (item, RESEAU_FIELD_GIVEN), ==, "Yvonne");
  name = reseau_contact_dup_name (item);
  g_assert_cmpstr (name, ==, "Yvonne Blum");
  g_assert_true (g_bytes_equal (reseau_contact_get_photo (item), photo));
  g_assert_cmpuint (notified (counts, "given-name"), >=, 1);
  g_assert_cmpuint (notified (counts, "name"), >=, 1);
  g_assert_cmpuint (notified (counts, "subtitle"), >=, 1);
  g_assert_cmpuint (notified (counts, "photo"), >=, 1);
  g_assert_cmpuint (notified (counts, "family-name"), ==, 0);
  assert_model (fixture, "Bruno Petit, Yvonne Blum");
  again = g_list_model_get_item (G_LIST_MODEL (fixture->list), 1);
  g_assert_true (again == item);
}

/* A card with nothing but an email address is shown, and filed, under that address. */
static void
test_list_email_only (ListFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(ReseauContact) contact = test_contact_new (NULL, NULL);
  g_autoptr(ReseauContact) item = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *name = NULL;
  ReseauContactValue *email;
  gint64 id;

  add (fixture, "Anna", "Blum");
  add (fixture, "Zoé", "Abel");
  test_contact_add_value (contact, RESEAU_VALUE_EMAIL, "paul@example.com");
  id = test_save (fixture->base.store, contact);
  assert_model (fixture, "Anna Blum, paul@example.com, Zoé Abel");
  g_assert_cmpstr (reseau_contact_list_get_initial (fixture->list, 1), ==, "P");

  item = g_list_model_get_item (G_LIST_MODEL (fixture->list), 1);
  g_assert_cmpint (reseau_contact_get_id (item), ==, id);
  g_signal_connect (item, "notify", G_CALLBACK (count_notify_cb), counts);
  email = g_ptr_array_index (reseau_contact_get_values (contact), 0);
  g_free (email->value);
  email->value = g_strdup ("bob@example.com");
  test_save (fixture->base.store, contact);
  name = reseau_contact_dup_name (item);
  g_assert_cmpstr (name, ==, "bob@example.com");
  g_assert_cmpuint (notified (counts, "name"), >=, 1);
  assert_model (fixture, "Anna Blum, bob@example.com, Zoé Abel");
}

/* Two hundred random edits, searches and sort changes, checking the mirror after each. */
static void
test_list_random (ListFixture   *fixture,
                  gconstpointer  data)
{
  static const char * const given[] = { "Anna", "Émilie", "emile", "Bruno", "Zoé", "Łukasz", "Ana" };
  static const char * const family[] = { "Martin", "Martinet", "Dupont", "Ødegaard", "Abel" };
  static const char * const searches[] = { NULL, "mart", "e", "an", "ødeg", "zzz" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint step = 0; step < 200; step++)
    {
      guint action = g_rand_int_range (rand, 0, 10);
      gint64 id = ids->len > 0 ? g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len)) : 0;
      g_autofree char *names = NULL;

      if (action < 3 || id == 0)
        {
          id = add (fixture, given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                    family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))]);
          g_array_append_val (ids, id);
        }
      else if (action < 6)
        rename_contact (fixture, id, given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))]);
      else if (action < 8)
        trash (fixture, id, g_rand_boolean (rand));
      else if (action < 9)
        reseau_contact_list_set_search (fixture->list, searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);
      else
        reseau_contact_list_set_sort_order (fixture->list, g_rand_int_range (rand, 0, 2));

      g_assert_cmpuint (fixture->n_signals, <=, 1);
      fixture->n_signals = 0;
      names = model_names (fixture);
      assert_sections (fixture);
    }
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, ListFixture, NULL, list_fixture_set_up, func, list_fixture_tear_down)

  ADD ("/contact-list/inserts", test_list_inserts);
  ADD ("/contact-list/updates", test_list_updates);
  ADD ("/contact-list/deletes", test_list_deletes);
  ADD ("/contact-list/search", test_list_search);
  ADD ("/contact-list/sort-order", test_list_sort_order);
  ADD ("/contact-list/sections", test_list_sections);
  ADD ("/contact-list/sections-mixed", test_list_sections_mixed);
  ADD ("/contact-list/item-updates-in-place", test_list_item_updates);
  ADD ("/contact-list/email-only", test_list_email_only);
  ADD ("/contact-list/random", test_list_random);

#undef ADD

  return g_test_run ();
}
