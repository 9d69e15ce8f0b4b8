/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Positions rebuilt from the career history, on hand-built histories and on a real one. */

#include "config.h"

#include "reseau-career.h"
#include "test-helpers.h"

/* Entries are "field:old:new:date", oldest first. */
static GPtrArray *
history_new (const char * const *entries)
{
  GPtrArray *history = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_history_entry_free);

  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], ":", 4);
      ReseauHistoryEntry *entry = g_new0 (ReseauHistoryEntry, 1);

      g_assert_cmpuint (g_strv_length (parts), ==, 4);
      entry->id = i + 1;
      entry->field = g_strdup (parts[0]);
      entry->old_value = g_strdup (parts[1]);
      entry->new_value = g_strdup (parts[2]);
      entry->changed_on = g_strdup (parts[3]);
      g_ptr_array_add (history, entry);
    }
  return history;
}

/* "Title at Org (since → until)" per position, newest first, "?" for an unknown date. */
static char *
positions_text (const char *organization,
                const char *title,
                GPtrArray  *history)
{
  g_autoptr(GPtrArray) positions = reseau_career_positions (organization, title, history);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < positions->len; i++)
    {
      ReseauPosition *p = g_ptr_array_index (positions, i);

      g_string_append_printf (text, "%s%s at %s (%s → %s)", i > 0 ? "; " : "",
                              p->title, p->organization, p->since ? p->since : "?",
                              p->until ? p->until : "now");
    }
  return g_string_free_and_steal (g_steal_pointer (&text));
}

typedef struct
{
  const char *name;
  const char *organization;
  const char *title;
  const char *history[6];
  const char *positions;
} CareerCase;

static const CareerCase career_cases[] = {
  { "no-history", "Acme", "Developer", { NULL },
    "Developer at Acme (? → now)" },
  { "no-job", "", "", { NULL },
    "" },
  { "one-move", "Globex", "Developer",
    { "organization:Acme:Globex:2024-05-01", NULL },
    "Developer at Globex (2024-05-01 → now); Developer at Acme (? → 2024-05-01)" },
  { "org-and-title-same-day", "Globex", "Lead",
    { "organization:Acme:Globex:2024-05-01", "title:Developer:Lead:2024-05-01", NULL },
    "Lead at Globex (2024-05-01 → now); Developer at Acme (? → 2024-05-01)" },
  { "title-only-promotion", "Acme", "Lead",
    { "title:Developer:Lead:2023-01-01", NULL },
    "Lead at Acme (2023-01-01 → now); Developer at Acme (? → 2023-01-01)" },
  { "two-moves", "Initech", "CTO",
    { "organization:Acme:Globex:2020-03-01", "organization:Globex:Initech:2022-09-01",
      "title:Lead:CTO:2022-09-01", NULL },
    "CTO at Initech (2022-09-01 → now); Lead at Globex (2020-03-01 → 2022-09-01); "
    "Lead at Acme (? → 2020-03-01)" },
  { "first-job", "Acme", "Intern",
    { "organization::Acme:2021-06-01", "title::Intern:2021-06-01", NULL },
    "Intern at Acme (2021-06-01 → now)" },
  { "left-job", "", "",
    { "organization:Acme::2025-01-31", "title:Developer::2025-01-31", NULL },
    "Developer at Acme (? → 2025-01-31)" },
  { "email-change-is-no-move", "Acme", "Developer",
    { "email:a@acme.example:b@acme.example:2024-02-02", "title:Intern:Developer:2024-09-01", NULL },
    "Developer at Acme (2024-09-01 → now); Intern at Acme (? → 2024-09-01)" },
};

static void
test_career_positions (gconstpointer data)
{
  const CareerCase *c = data;
  g_autoptr(GPtrArray) history = history_new (c->history);
  g_autofree char *positions = positions_text (c->organization, c->title, history);

  g_assert_cmpstr (positions, ==, c->positions);
}

static void
test_career_null_history (void)
{
  g_autofree char *positions = positions_text ("Acme", "Developer", NULL);

  g_assert_cmpstr (positions, ==, "Developer at Acme (? → now)");
}

/* The store's history and the career rules agree. */
static void
test_career_from_store (TestFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(ReseauContact) contact = test_contact_new ("given-name", "Jean", "organization", "Acme",
                                                       "title", "Developer", NULL);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *positions = NULL;
  gint64 id = test_save (fixture->store, contact);

  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "Globex");
  reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, "Lead");
  g_assert_cmpint (reseau_store_save_contact (fixture->store, contact, "2024-05-01", NULL), ==, id);
  reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, "CTO");
  g_assert_cmpint (reseau_store_save_contact (fixture->store, contact, "2025-01-15", NULL), ==, id);

  history = reseau_store_list_history (fixture->store, id, NULL);
  positions = positions_text ("Globex", "CTO", history);
  g_assert_cmpstr (positions, ==,
                   "CTO at Globex (2025-01-15 → now); Lead at Globex (2024-05-01 → 2025-01-15); "
                   "Developer at Acme (? → 2024-05-01)");
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (career_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/career/positions/", career_cases[i].name, NULL);

      g_test_add_data_func (path, &career_cases[i], test_career_positions);
    }
  g_test_add_func ("/career/positions/null-history", test_career_null_history);
  g_test_add ("/career/from-store", TestFixture, NULL, test_fixture_set_up_store,
              test_career_from_store, test_fixture_tear_down);

  return g_test_run ();
}
