/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Folding, sort keys, section initials and search queries: the text rules users see. */

#include "config.h"

#include "reseau-text.h"
#include "test-helpers.h"

static void
test_text_fold (void)
{
  static const struct { const char *text; const char *folded; } cases[] = {
    { NULL, "" },
    { "", "" },
    { "Frédéric", "frederic" },
    { "ÉMILIE", "emilie" },
    { "Fre\xcc\x81" "de\xcc\x81ric", "frederic" },   /* decomposed */
    { "Œuvre", "oeuvre" },
    { "Lætitia", "laetitia" },
    { "Søren Ørsted", "soren orsted" },
    { "Łukasz Wałęsa", "lukasz walesa" },
    { "Straße", "strasse" },
    { "İstanbul", "istanbul" },
    { "Ångström", "angstrom" },
    { "Nguyễn Thị", "nguyen thi" },
    { "Жанна", "жанна" },
    { "jean-pierre O'Neil", "jean-pierre o'neil" },
    { "bad \xff", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = reseau_text_fold (cases[i].text);

      g_test_message ("fold (%s)", cases[i].text);
      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_text_initial (void)
{
  static const struct { const char *text; const char *initial; } cases[] = {
    { NULL, "#" },
    { "", "#" },
    { "   ", "#" },
    { "Émilie", "E" },
    { "émilie", "E" },
    { "eve", "E" },
    { "  Élodie", "E" },
    { "'t Hooft", "T" },
    { "« Zazie »", "Z" },
    { "Œdipe", "O" },
    { "Ørsted", "O" },
    { "Łukasz", "L" },
    { "ßa", "S" },
    { "3M", "#" },
    { "42 Street", "#" },
    { "Жанна", "Ж" },
    { "中村", "中" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initial = reseau_text_initial (cases[i].text);

      g_test_message ("initial (%s)", cases[i].text);
      g_assert_cmpstr (initial, ==, cases[i].initial);
    }
}

static void
test_text_fts_query (void)
{
  static const struct { const char *typed; const char *query; } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { " \t\n ", NULL },
    { "\"", NULL },
    { "- * ( ) ^ :", NULL },
    { "\xff\xfe", NULL },
    { "mart", "\"mart\"*" },
    { "Frédéric", "\"frederic\"*" },
    { "FRÉD", "\"fred\"*" },
    { "Łukasz", "\"lukasz\"*" },
    { "capgemini  LYON", "\"capgemini\"* \"lyon\"*" },
    { "tab\tseparated", "\"tab\"* \"separated\"*" },
    { "a\"b", "\"a\"\"b\"*" },
    { "\"mart", "\"\"\"mart\"*" },
    { "NEAR(", "\"near(\"*" },
    { "AND OR NOT", "\"and\"* \"or\"* \"not\"*" },
    { "jean-pierre", "\"jean-pierre\"*" },
    { "name:fred", "\"name:fred\"*" },
    { "fred@example.com", "\"fred@example.com\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = reseau_text_fts_query (cases[i].typed);

      g_test_message ("fts_query (%s)", cases[i].typed);
      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static int
compare_keys (const char *a,
              const char *b)
{
  g_autofree char *ka = reseau_text_sort_key (a);
  g_autofree char *kb = reseau_text_sort_key (b);

  return strcmp (ka, kb);
}

/* Orders that hold in every locale we ship: accents and case only break ties. */
static void
test_text_sort_key (void)
{
  static const char * const ordered[] = {
    "", "3M", "Adam", "Adèle", "Anna", "Emilie", "Émilie", "Emma", "Étienne", "eve",
    "Jean", "Jeanne", "Oeuvre", "Œuvres", "Zoé",
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (ordered); i++)
    {
      g_test_message ("%s < %s", ordered[i], ordered[i + 1]);
      g_assert_cmpint (compare_keys (ordered[i], ordered[i + 1]), <, 0);
      g_assert_cmpint (compare_keys (ordered[i + 1], ordered[i]), >, 0);
    }
  g_assert_cmpint (compare_keys ("Émilie", "Émilie"), ==, 0);
  g_assert_cmpint (compare_keys (NULL, ""), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/text/fold", test_text_fold);
  g_test_add_func ("/text/initial", test_text_initial);
  g_test_add_func ("/text/fts-query", test_text_fts_query);
  g_test_add_func ("/text/sort-key", test_text_sort_key);

  return g_test_run ();
}
