/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-store [--data-dir DIR]
 *
 * Builds a deterministic network of RESEAU_BENCH_SIZE contacts (100,000 unless set) through
 * the store API and prints "name value unit" lines:
 *
 *   store.populate_100k         inserting all of them in one transaction
 *   store.open_first_page_100k  opening the file in a new store and making the first 50 rows
 *   search.p50_100k, p99_100k   1,000 searches as people type them, each with its first 50 rows
 *
 * With --data-dir the database stays in DIR, for the UI benchmark (bench-network.py).
 * Timings are printed, never judged.
 */

#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "reseau-contact-list.h"
#include "reseau-store.h"
#include "reseau-text.h"

#define DEFAULT_SIZE 100000
#define FIRST_PAGE   50
#define N_QUERIES    1000
#define SEED         20260

static const char * const given_fr[] = {
  "Frédéric", "Émilie", "Hélène", "Zoé", "Noël", "Amélie", "Benoît", "Cécile", "Clémence",
  "Jérôme", "Léa", "Loïc", "Océane", "Raphaël", "Stéphane", "Valérie", "Anaïs", "Aurélien",
  "Gaëlle", "Joël", "Maëlle", "Françoise", "François", "Sébastien", "Inès", "Chloé", "Élodie",
  "Hervé", "Agnès", "Bénédicte", "Céline", "Jérémie", "Mélanie", "Solène", "Timothée",
  "Yannick", "Camille", "Julien", "Nicolas", "Sophie", "Thomas", "Claire", "Antoine", "Marion",
  "Guillaume", "Pauline", "Maxime", "Laure", "Alexandre", "Margaux", "Baptiste", "Élise",
  "Romain", "Juliette", "Hugo", "Manon", "Arnaud", "Delphine", "Olivier", "Pierre-Yves",
  "Anne-Sophie", "Jean-Baptiste", "Marie-Hélène", "Gaël", "Ségolène", "Côme", "Lætitia",
  "Eugénie", "Théo", "Étienne", "Geneviève", "Mathieu", "Isabelle", "Marc-André",
};

static const char * const given_en[] = {
  "Olivia", "James", "Amelia", "Oliver", "Charlotte", "Harry", "George", "Emily", "Jack",
  "Isla", "Hannah", "William", "Grace", "Daniel", "Rachel", "Matthew", "Priya", "Rahul",
  "Aisha", "Ben", "Katie", "Sam", "Lucy", "Eleanor", "Rory", "Niamh", "Callum", "Fiona",
  "Alastair", "Imogen", "Kwame", "Wei", "Mei", "Tariq", "Zara", "Owen", "Sarah", "David",
};

static const char * const family_fr[] = {
  "Martinet", "Lefèvre", "Dubois", "Moreau", "Girard", "Bonnet", "Mercier", "Faure",
  "Rousseau", "Blanchard", "Gauthier", "Chevalier", "Perrin", "Morel", "Fournier", "Lambert",
  "Bérard", "Pélissier", "Ménard", "Thévenin", "Lemaître", "Desprès", "Duchêne", "Crépin",
  "Géraud", "Hébert", "Lécuyer", "Rivière", "Sénéchal", "Brunet", "Carré", "Besnard",
  "Le Goff", "Le Floch", "Kerhervé", "Delacroix", "de La Roche", "Marchand", "Barbier", "Roux",
  "Vasseur", "Aubert", "Poulain", "Jacquet", "Masson", "Leclerc", "Gosselin", "Noël",
  "Benali", "Haddad", "Nguyen", "Da Silva", "Ferreira", "Lopez", "Cœurdacier", "Étienne",
  "Martin", "Bernard", "Petit", "Durand", "Leroy", "Garnier", "Faivre", "Gagnon", "Tremblay",
  "Côté", "Lévesque", "Peeters", "Janssens", "Favre", "Rochat",
};

static const char * const family_en[] = {
  "Whitfield", "Hargreaves", "Thornton", "Pemberton", "Ashworth", "Fletcher", "Holloway",
  "Kendrick", "Brennan", "O'Connor", "McAllister", "Sutherland", "Chadwick", "Blackwood",
  "Rowntree", "Patel", "Shah", "Okafor", "Mensah", "Chen", "Kowalski", "Davies", "Evans",
  "Hughes", "Walsh", "Byrne", "Clarke", "Reid", "Bennett", "Gallagher", "Sinclair",
  "Lockwood", "Harrington", "Ellison", "Fairbairn", "Smith", "Jones", "Taylor", "Brown",
};

/* Organisation and the stem of its (reserved, .example) mail domain. */
static const char * const orgs[][2] = {
  { "Capgemini", "capgemini" }, { "Dassault Systèmes", "3ds" }, { "Sopra Steria", "soprasteria" },
  { "Thales", "thales" }, { "Airbus", "airbus" }, { "Decathlon", "decathlon" },
  { "Ubisoft", "ubisoft" }, { "Accenture", "accenture" }, { "Deloitte", "deloitte" },
  { "Orange", "orange" }, { "BNP Paribas", "bnpparibas" }, { "Société Générale", "socgen" },
  { "Schneider Electric", "schneider" }, { "Michelin", "michelin" }, { "L'Oréal", "loreal" },
  { "Lumen Analytics", "lumen-analytics" }, { "Atelier Boréal", "atelier-boreal" },
  { "Brightwater Labs", "brightwater" }, { "Kestrel Talent", "kestrel-talent" },
  { "Nordlys Conseil", "nordlys" }, { "Pixelune", "pixelune" }, { "Maison Verte Studio", "maisonverte" },
  { "Halcyon Partners", "halcyon" }, { "Ferrovia Systems", "ferrovia" },
  { "Quillon & Associés", "quillon" }, { "Ardoise Capital", "ardoise" },
  { "Thistle Digital", "thistle" }, { "Canopée Tech", "canopee" }, { "Harbourside Ventures", "harbourside" },
  { "Orbiteam", "orbiteam" }, { "Sillon Design", "sillon" }, { "Vélocité", "velocite" },
  { "Granit RH", "granit-rh" }, { "Érable Numérique", "erable" }, { "Saint-Laurent Data", "stlaurent" },
  { "Atomium Solutions", "atomium" }, { "Léman Fintech", "leman" }, { "Cordée", "cordee" },
  { "Mistral Ops", "mistral-ops" }, { "Altitude Search", "altitude-search" },
};

static const char * const titles[] = {
  "Consultante senior", "Senior Consultant", "Manager conseil", "Directeur de mission",
  "Associée", "Partner", "Fondateur & CEO", "Co-founder & CTO", "Chargée de recrutement",
  "Talent Acquisition Partner", "Chasseur de têtes", "Ingénieur logiciel", "Staff Engineer",
  "Data Engineer", "Architecte cloud", "Site Reliability Engineer", "Product Designer",
  "Designer UX senior", "Directrice artistique", "UX Researcher", "Responsable grands comptes",
  "Account Executive", "Business Developer", "Directrice commerciale", "Head of Partnerships",
  "Cheffe de projet", "Product Manager", "Développeur front-end", "Responsable marketing",
};

/* City, region, country. */
static const char * const cities[][3] = {
  { "Paris", "Île-de-France", "France" }, { "Lyon", "Auvergne-Rhône-Alpes", "France" },
  { "Nantes", "Pays de la Loire", "France" }, { "Bordeaux", "Nouvelle-Aquitaine", "France" },
  { "Lille", "Hauts-de-France", "France" }, { "Toulouse", "Occitanie", "France" },
  { "Marseille", "Provence-Alpes-Côte d'Azur", "France" }, { "Rennes", "Bretagne", "France" },
  { "Strasbourg", "Grand Est", "France" }, { "Grenoble", "Auvergne-Rhône-Alpes", "France" },
  { "London", "England", "United Kingdom" }, { "Manchester", "England", "United Kingdom" },
  { "Edinburgh", "Scotland", "United Kingdom" }, { "Montréal", "Québec", "Canada" },
  { "Québec", "Québec", "Canada" }, { "Bruxelles", "Bruxelles-Capitale", "Belgique" },
  { "Genève", "Genève", "Suisse" }, { "Lausanne", "Vaud", "Suisse" },
};

static const char * const notes[] = {
  "Cherche à recruter deux développeurs Rust pour le printemps.",
  "Great contact for anything fintech in the City.",
  "Ex-collègue, toujours de bon conseil.",
  "Raising a seed round, wants intros to French angels.",
  "Préfère être contacté par email plutôt que par téléphone.",
  "Runs the local meetup and is looking for speakers.",
  "Client potentiel : budget validé pour le second semestre.",
};

static const char * const interaction_texts[] = {
  "Café près de la gare, a parlé de sa levée de fonds.", "Call about the Q3 hiring plan.",
  "Message LinkedIn : félicitations pour le nouveau poste.", "Lunch: catching up on the new role.",
  "Visio de 30 minutes : conseils sur la tarification.", "Sent the article we discussed.",
};

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  const char *given;
  const char *family;
  guint       org;
  const char *title;
  guint       city;
  int         previous_org;  /* -1: no job change recorded */
  const char *previous_title;
} Person;

static void
pick_person (GRand  *rand,
             Person *p)
{
  gboolean english = g_rand_int_range (rand, 0, 100) < 35;

  p->given = english ? PICK (rand, given_en) : PICK (rand, given_fr);
  p->family = english ? PICK (rand, family_en) : PICK (rand, family_fr);
  p->org = g_rand_int_range (rand, 0, G_N_ELEMENTS (orgs));
  p->title = PICK (rand, titles);
  p->city = g_rand_int_range (rand, 0, G_N_ELEMENTS (cities));
  p->previous_org = -1;
  p->previous_title = NULL;
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      p->previous_org = g_rand_int_range (rand, 0, G_N_ELEMENTS (orgs));
      p->previous_title = PICK (rand, titles);
    }
}

/* "Pierre-Yves", "Le Goff" → "pierre-yves.legoff" */
static char *
email_local (const char *given,
             const char *family)
{
  g_autofree char *folded = reseau_text_fold (family);
  g_autoptr(GString) local = g_string_new (NULL);
  g_autofree char *given_folded = reseau_text_fold (given);

  g_string_append (local, given_folded);
  g_string_append_c (local, '.');
  for (const char *c = folded; *c != '\0'; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (local, *c);
  return g_string_free_and_steal (g_steal_pointer (&local));
}

/* One to three addresses: at work first, then personal ones. */
static void
add_emails (ReseauContact *contact,
            GRand         *rand,
            const Person  *p,
            guint          org)
{
  g_autofree char *local = email_local (p->given, p->family);
  guint n_emails = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n_emails; i++)
    {
      g_autofree char *address = NULL;

      if (i == 0)
        address = g_strdup_printf ("%s@%s.example", local, orgs[org][1]);
      else if (i == 1)
        address = g_strdup_printf ("%s@example.org", local);
      else
        address = g_strdup_printf ("%s%d@example.com", local, g_rand_int_range (rand, 2, 99));
      reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL,
                                                                   i == 0 ? RESEAU_VALUE_TYPE_WORK
                                                                          : RESEAU_VALUE_TYPE_HOME,
                                                                   address));
    }
}

static ReseauContact *
build_contact (GRand        *rand,
               const Person *p,
               guint         org)
{
  ReseauContact *contact = reseau_contact_new ();
  ReseauContactValue *place;

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, p->given);
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, p->family);
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, orgs[org][0]);
  reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, p->previous_org >= 0 ? p->previous_title : p->title);
  if (g_rand_int_range (rand, 0, 10) < 3)
    reseau_contact_set_text (contact, RESEAU_FIELD_NOTES, PICK (rand, notes));
  reseau_contact_set_tie (contact, g_rand_int_range (rand, RESEAU_TIE_CLOSE, RESEAU_TIE_WEAK + 1));
  add_emails (contact, rand, p, org);
  if (g_rand_boolean (rand))
    {
      g_autofree char *phone = g_strdup_printf ("+33 6 39 98 %02d %02d", g_rand_int_range (rand, 0, 100),
                                                g_rand_int_range (rand, 0, 100));
      reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_PHONE,
                                                                   RESEAU_VALUE_TYPE_MOBILE, phone));
    }
  place = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK, "");
  place->locality = g_strdup (cities[p->city][0]);
  place->region = g_strdup (cities[p->city][1]);
  place->country = g_strdup (cities[p->city][2]);
  reseau_contact_add_value (contact, place);
  return contact;
}

static char *
random_date (GRand *rand)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2024);

  g_date_add_days (date, g_rand_int_range (rand, 0, 1034)); /* up to 2026-10-31 */
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A job change: saved first as it was, then changed on a date, so the store records the
 * organisation, title and work address in the history. */
static gboolean
add_person (ReseauStore  *store,
            GRand        *rand,
            GError      **error)
{
  g_autoptr(ReseauContact) contact = NULL;
  guint n_interactions = g_rand_int_range (rand, 1, 4);
  Person p;

  pick_person (rand, &p);
  contact = build_contact (rand, &p, p.previous_org >= 0 ? (guint)p.previous_org : p.org);
  if (reseau_store_save_contact (store, contact, NULL, error) == 0)
    return FALSE;
  if (p.previous_org >= 0)
    {
      g_autofree char *changed_on = random_date (rand);
      g_autofree char *local = email_local (p.given, p.family);
      ReseauContactValue *work = g_ptr_array_index (reseau_contact_get_values (contact), 0);

      reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, orgs[p.org][0]);
      reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, p.title);
      g_free (work->value);
      work->value = g_strdup_printf ("%s@%s.example", local, orgs[p.org][1]);
      if (reseau_store_save_contact (store, contact, changed_on, error) == 0)
        return FALSE;
    }
  for (guint i = 0; i < n_interactions; i++)
    {
      g_autofree char *date = random_date (rand);

      if (reseau_store_add_interaction (store, reseau_contact_get_id (contact),
                                        g_rand_int_range (rand, RESEAU_INTERACTION_MEETING,
                                                          RESEAU_INTERACTION_NOTE + 1),
                                        date, PICK (rand, interaction_texts), error) == 0)
        return FALSE;
    }
  return TRUE;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static gboolean
populate (const char  *path,
          guint        size,
          double      *ms,
          GError     **error)
{
  g_autoptr(ReseauStore) store = reseau_store_open (path, error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  double start;

  if (store == NULL)
    return FALSE;
  start = now_ms ();
  if (!reseau_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < size; i++)
    if (!add_person (store, rand, error))
      {
        reseau_store_rollback (store);
        return FALSE;
      }
  if (!reseau_store_commit (store, error))
    return FALSE;
  *ms = now_ms () - start;
  return TRUE;
}

static void
materialise_first_page (ReseauContactList *list)
{
  guint n = MIN (FIRST_PAGE, g_list_model_get_n_items (G_LIST_MODEL (list)));

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

static gboolean
open_first_page (const char  *path,
                 double      *ms,
                 GError     **error)
{
  double start = now_ms ();
  g_autoptr(ReseauStore) store = reseau_store_open (path, error);
  g_autoptr(ReseauContactList) list = NULL;

  if (store == NULL)
    return FALSE;
  list = reseau_contact_list_new (store);
  materialise_first_page (list);
  *ms = now_ms () - start;
  return TRUE;
}

static char *
prefix_of (GRand      *rand,
           const char *word)
{
  g_autofree char *source = g_rand_boolean (rand) ? reseau_text_fold (word) : g_utf8_strdown (word, -1);
  glong len = MIN (g_utf8_strlen (source, -1), g_rand_int_range (rand, 1, 7));

  return g_utf8_substring (source, 0, len);
}

static char *
spelled (GRand      *rand,
         const char *word)
{
  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0: return reseau_text_fold (word);     /* "frederic" */
    case 1: return g_utf8_strdown (word, -1);   /* "frédéric" */
    default: return g_strdup (word);            /* "Frédéric" */
    }
}

/* What people type: the first letters of a name, a name with or without its accents, a
 * company, a company and a city, a city, or a first name and the start of a last name. */
static char *
make_query (GRand *rand)
{
  int kind = g_rand_int_range (rand, 0, 100);
  gboolean english = g_rand_int_range (rand, 0, 100) < 35;
  const char *given = english ? PICK (rand, given_en) : PICK (rand, given_fr);
  const char *family = english ? PICK (rand, family_en) : PICK (rand, family_fr);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (kind < 55)
    return prefix_of (rand, g_rand_boolean (rand) ? given : family);
  if (kind < 70)
    return spelled (rand, g_rand_boolean (rand) ? given : family);
  if (kind < 80)
    return spelled (rand, PICK (rand, orgs)[0]);
  if (kind < 90)
    {
      a = spelled (rand, PICK (rand, orgs)[0]);
      b = spelled (rand, PICK (rand, cities)[0]);
      return g_strjoin (" ", a, b, NULL);
    }
  if (kind < 95)
    return spelled (rand, PICK (rand, cities)[0]);
  a = spelled (rand, given);
  b = prefix_of (rand, family);
  return g_strjoin (" ", a, b, NULL);
}

typedef struct
{
  double  ms;
  char   *query;
} Timing;

static int
compare_timings (gconstpointer a,
                 gconstpointer b)
{
  const Timing *x = a, *y = b;

  return x->ms < y->ms ? -1 : x->ms > y->ms;
}

/* Each search is what typing in the search entry does: set the list's search, then make
 * the rows the list view shows first. */
static gboolean
search (const char  *path,
        double      *p50,
        double      *p99,
        GError     **error)
{
  g_autoptr(ReseauStore) store = reseau_store_open (path, error);
  g_autoptr(ReseauContactList) list = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 1);
  g_autofree char *previous = NULL;
  Timing times[N_QUERIES];

  if (store == NULL)
    return FALSE;
  list = reseau_contact_list_new (store);
  for (guint i = 0; i < N_QUERIES;)
    {
      g_autofree char *query = make_query (rand);
      double start;

      /* The same text twice would not search again. */
      if (g_strcmp0 (query, previous) == 0)
        continue;
      start = now_ms ();
      reseau_contact_list_set_search (list, query);
      materialise_first_page (list);
      times[i].ms = now_ms () - start;
      times[i++].query = g_strdup (query);
      g_set_str (&previous, query);
    }
  qsort (times, N_QUERIES, sizeof times[0], compare_timings);
  *p50 = times[N_QUERIES / 2 - 1].ms;
  *p99 = times[N_QUERIES * 99 / 100 - 1].ms;
  /* What to look at first when the p99 moves. */
  for (guint i = N_QUERIES - 5; i < N_QUERIES; i++)
    g_printerr ("slow search: “%s” %.2f ms\n", times[i].query, times[i].ms);
  for (guint i = 0; i < N_QUERIES; i++)
    g_free (times[i].query);
  return TRUE;
}

static char *
size_label (guint size)
{
  return size % 1000 == 0 ? g_strdup_printf ("%uk", size / 1000) : g_strdup_printf ("%u", size);
}

static guint
bench_size (void)
{
  const char *env = g_getenv ("RESEAU_BENCH_SIZE");
  guint64 size = DEFAULT_SIZE;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1, 10000000, &size, NULL))
    g_error ("RESEAU_BENCH_SIZE must be a number of contacts, not “%s”", env);
  return size;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "Write the database to DIR and keep it", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— benchmark the contact store");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *label = NULL;
  guint size = bench_size ();
  double populate_ms = 0, open_ms = 0, p50 = 0, p99 = 0;

  /* Sort keys follow the locale's collation: build them in the one the app will run in. */
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (data_dir == NULL && (data_dir = tmp_dir = g_dir_make_tmp ("reseau-bench-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (data_dir, "reseau.db", NULL);
  label = size_label (size);

  if (!populate (path, size, &populate_ms, &error))
    g_error ("Populating %s: %s", path, error->message);
  g_print ("store.populate_%s %.0f ms\n", label, populate_ms);
  if (!open_first_page (path, &open_ms, &error))
    g_error ("Opening %s: %s", path, error->message);
  g_print ("store.open_first_page_%s %.1f ms\n", label, open_ms);
  if (!search (path, &p50, &p99, &error))
    g_error ("Searching %s: %s", path, error->message);
  g_print ("search.p50_%s %.2f ms\nsearch.p99_%s %.2f ms\n", label, p50, label, p99);

  if (tmp_dir != NULL)
    {
      for (guint i = 0; i < 3; i++)
        {
          static const char * const suffixes[] = { "", "-wal", "-shm" };
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

          g_remove (file);
        }
      g_rmdir (tmp_dir);
    }
  return 0;
}
