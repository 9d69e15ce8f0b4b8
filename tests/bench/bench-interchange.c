/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-interchange
 *
 * vCard and CSV import and export at RESEAU_BENCH_SIZE cards (100,000 unless set); prints
 * "name value unit" lines:
 *
 * Parsing, best of 3 in CPU time of the process, the same file for both parsers; the two
 * headline figures are like for like, from the file to contacts whose fields can be read:
 *
 *   vcard.parse_100k_cards_per_s   our reader, from the file to ReseauContacts: cards cut,
 *                                  lines unfolded, properties parsed and mapped onto the
 *                                  contact's fields and values (what the import job does)
 *   eds.parse_100k_cards_per_s     EDS on the same file, the way Evolution's vCard importer
 *                                  does it (the file read whole, cut into cards, each given to
 *                                  e_contact_new_from_vcard()), then the fields we map read
 *                                  with e_contact_get(): name, full name, organisation and
 *                                  unit, title, note, emails, mobile phone, work address,
 *                                  home page, categories
 *
 * and the parse alone, without the mapping onto contact fields:
 *
 *   vcard.properties_100k_cards_per_s   our reader up to the parsed properties (values
 *                                       still escaped: unescaping is done by the mapping)
 *   eds.attributes_100k_cards_per_s     EDS up to its attributes (e_vcard_get_attributes()
 *                                       forces its lazy parse; values unescaped and split)
 *
 * and the jobs, in wall-clock time (the CPU time of all threads goes to stderr):
 *
 *   import.vcard_100k              the file to a committed empty database, matching included
 *   import.vcard_100k_again        the same file again into the filled database: all matched
 *   import.linkedin_10k            a LinkedIn Connections.csv of a tenth as many rows
 *   export.vcard_100k              every contact of the database to a vCard 4.0 file
 *
 * Timings are printed, never judged. "bench-interchange parse" runs the parsing alone.
 */

#define G_LOG_DOMAIN "bench-interchange"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib/gstdio.h>

#ifdef RESEAU_BENCH_EDS
#include <libebook-contacts/libebook-contacts.h>
#endif

#include "import-test-utils.h"
#include "reseau-export-job.h"
#include "reseau-import-job.h"
#include "reseau-vcard-private.h"
#include "reseau-vcard-reader.h"

#define DEFAULT_SIZE 100000
#define N_RUNS       3

static const char * const given[] = { "Éloïse", "Jean", "Zoë", "Mathieu", "Anaïs", "Grégoire", "Chloé", "Noé" };
static const char * const family[] = { "Martin-Dupont", "Lefèvre", "Nuñez", "Østergaard", "Bernard", "Müller" };
static const char * const orgs[] = { "Société Générale\\, Lyon", "Renault", "Café de Flore", "Ubisoft", "Airbus" };
static const char * const titles[] = { "Responsable des achats", "Ingénieure logiciel", "Directeur", "Avocate" };

static double
now_s (void)
{
  return g_get_monotonic_time () / (double)G_USEC_PER_SEC;
}

/* Parsing runs in this thread alone: its CPU time is steadier than the wall clock on a
 * machine that other work shares, and it is the same measure for both parsers. */
static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A card as Google or Apple write them: 3.0, two emails, a phone, an address, a profile
 * link, a note long enough to be folded, two categories. */
static void
append_card (GString *out,
             guint    i)
{
  const char *g = given[i % G_N_ELEMENTS (given)];
  const char *f = family[(i / 8) % G_N_ELEMENTS (family)];

  g_string_append_printf (out,
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s %s %u\r\nN:%s %u;%s;;;\r\n"
    "ORG:%s;Direction %u\r\nTITLE:%s\r\n"
    "EMAIL;TYPE=INTERNET;TYPE=WORK:p%u@societe.example\r\nEMAIL;TYPE=INTERNET;TYPE=HOME:p%u@example.org\r\n"
    "TEL;TYPE=CELL:+33 6 12 %02u %02u %02u\r\n"
    "ADR;TYPE=WORK:;;%u rue de la République;Lyon;;69002;France\r\n"
    "URL:https://www.linkedin.com/in/person-%u\r\n"
    "NOTE:Rencontré·e au salon des métiers du numérique\\, à Lyon\\; a parlé de son pro\r\n"
    " jet d’application et de la reprise de l’entreprise familiale.\r\n"
    "CATEGORIES:Clients,Lyon %u\r\nEND:VCARD\r\n",
    g, f, i, f, i, g, orgs[i % G_N_ELEMENTS (orgs)], i % 20, titles[i % G_N_ELEMENTS (titles)],
    i, i, i % 100, (i / 100) % 100, (i / 10000) % 100, i % 200, i, i % 10);
}

static char *
write_cards (const char *dir,
             guint       n)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "cards.vcf", NULL);

  for (guint i = 0; i < n; i++)
    append_card (out, i);
  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s", error->message);
  return path;
}

static char *
write_linkedin (const char *dir,
                guint       n)
{
  g_autoptr(GString) out = g_string_new ("Notes:\n\"When exporting your connection data, you may notice "
                                         "that some of the email addresses are missing.\"\n\n"
                                         "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "Connections.csv", NULL);

  /* A third without an email, as LinkedIn exports them. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *email = i % 3 == 0 ? g_strdup ("") : g_strdup_printf ("member%u@example.org", i);

      g_string_append_printf (out, "%s,%s %u,https://www.linkedin.com/in/member-%u,%s,\"%s\",%s,%02u Dec 2025\n",
                              given[i % G_N_ELEMENTS (given)], family[i % G_N_ELEMENTS (family)], i, i,
                              email, orgs[i % G_N_ELEMENTS (orgs)], titles[i % G_N_ELEMENTS (titles)], 1 + i % 28);
    }
  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s", error->message);
  return path;
}

/* Our reader, to ReseauContacts when @map, else to the properties of each card. */
static double
parse_ours (const char *path,
            guint       n,
            gboolean    map)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(ReseauVCardReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  double start = cpu_s (), elapsed;
  guint count = 0, n_properties = 0;
  gboolean v21;

  if ((stream = g_file_read (file, NULL, &error)) == NULL)
    g_error ("%s", error->message);
  reader = reseau_vcard_reader_new (G_INPUT_STREAM (stream));
  for (;;)
    {
      if (map)
        {
          g_autoptr(ReseauImportRecord) record = reseau_vcard_reader_next (reader, NULL, &error);

          if (record == NULL)
            break;
          n_properties += reseau_contact_get_values (record->contact)->len;
        }
      else
        {
          g_autoptr(GPtrArray) properties = _reseau_vcard_reader_next_properties (reader, &v21, NULL, &error);

          if (properties == NULL)
            break;
          n_properties += properties->len;
        }
      count++;
    }
  elapsed = cpu_s () - start;
  if (error != NULL || count != n || reseau_vcard_reader_get_problems (reader)->len != 0 ||
      n_properties < n * (map ? 5 : 12))
    g_error ("our reader read %u cards of %u, %u properties or values: %s", count, n,
             n_properties, error ? error->message :
             reseau_vcard_reader_get_problems (reader)->len > 0 ?
             ((ReseauImportProblem *)g_ptr_array_index (reseau_vcard_reader_get_problems (reader), 0))->error->message :
             "too few properties");
  return elapsed;
}

#ifdef RESEAU_BENCH_EDS
/* The fields of the EContact that our mapping fills, read; returns how many were there. */
static guint
read_eds_fields (EContact *contact)
{
  static const EContactField strings[] = {
    E_CONTACT_FULL_NAME, E_CONTACT_ORG, E_CONTACT_ORG_UNIT, E_CONTACT_TITLE, E_CONTACT_NOTE,
    E_CONTACT_PHONE_MOBILE, E_CONTACT_HOMEPAGE_URL, E_CONTACT_CATEGORIES,
  };
  EContactName *name = e_contact_get (contact, E_CONTACT_NAME);
  EContactAddress *address = e_contact_get (contact, E_CONTACT_ADDRESS_WORK);
  GList *emails = e_contact_get (contact, E_CONTACT_EMAIL);
  guint found = (name != NULL) + (address != NULL) + g_list_length (emails);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *text = e_contact_get (contact, strings[i]);

      found += text != NULL;
    }
  g_clear_pointer (&name, e_contact_name_free);
  g_clear_pointer (&address, e_contact_address_free);
  g_list_free_full (emails, g_free);
  return found;
}

/* EDS, to EContacts with their fields read when @map, else to their attributes. */
static double
parse_eds (const char *path,
           guint       n,
           gboolean    map)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  double start = cpu_s (), elapsed;
  const char *p;
  guint count = 0, n_found = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  p = text;
  while ((p = strstr (p, "BEGIN:VCARD")) != NULL)
    {
      const char *end = strstr (p, "END:VCARD");
      g_autofree char *card = NULL;
      EContact *contact;

      if (end == NULL)
        break;
      end += strlen ("END:VCARD");
      card = g_strndup (p, end - p);
      contact = e_contact_new_from_vcard (card);
      if (map)
        n_found += read_eds_fields (contact);
      else
        n_found += g_list_length (e_vcard_get_attributes (E_VCARD (contact)));
      g_object_unref (contact);
      count++;
      p = end;
    }
  elapsed = cpu_s () - start;
  if (count != n || n_found < n * (map ? 12 : 10))
    g_error ("EDS read %u cards of %u, %u attributes or fields", count, n, n_found);
  return elapsed;
}
#endif

/* Seconds from the file to the committed database, prepare and commit. */
static double
import (const char *db,
        const char *path,
        guint      *n_added)
{
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (db);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) prepared = NULL;
  g_autoptr(GAsyncResult) committed = NULL;
  g_autoptr(ReseauImportSummary) plan = NULL;
  g_autoptr(ReseauImportSummary) done = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_s (), cpu_start = cpu_s (), prepare_s;

  reseau_import_job_prepare_async (job, &file, 1, NULL, import_test_result_cb, &prepared);
  if ((plan = reseau_import_job_prepare_finish (job, import_test_wait (&prepared), &error)) == NULL)
    g_error ("%s", error->message);
  prepare_s = now_s () - start;
  reseau_import_job_commit_async (job, FALSE, NULL, import_test_result_cb, &committed);
  if ((done = reseau_import_job_commit_finish (job, import_test_wait (&committed), &error)) == NULL)
    g_error ("%s", error->message);
  *n_added = reseau_import_summary_get_n_added (done);
  /* On a shared machine the wall clock also counts the waits for a CPU. */
  g_printerr ("%s: prepare %.2f s, commit %.2f s, CPU time of all threads %.2f s\n", path,
              prepare_s, now_s () - start - prepare_s, cpu_s () - cpu_start);
  return now_s () - start;
}

static double
export (const char *db,
        const char *path,
        guint      *n)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_s ();

  reseau_export_contacts_async (db, NULL, 0, file, RESEAU_EXPORT_VCARD_4_0, NULL, import_test_result_cb, &result);
  if (!reseau_export_contacts_finish (import_test_wait (&result), n, &error))
    g_error ("%s", error->message);
  return now_s () - start;
}

static char *
size_label (guint size)
{
  return size % 1000 == 0 ? g_strdup_printf ("%uk", size / 1000) : g_strdup_printf ("%u", size);
}

static double
best_of (double (*parse) (const char *, guint, gboolean),
         const char *cards,
         guint       size,
         gboolean    map)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < N_RUNS; run++)
    best = MIN (best, parse (cards, size, map));
  return best;
}

static void
bench_parse (const char *cards,
             guint       size,
             const char *label)
{
  double ours = best_of (parse_ours, cards, size, TRUE);
  double ours_properties = best_of (parse_ours, cards, size, FALSE);

  g_print ("vcard.parse_%s_cards_per_s %.0f cards/s\n", label, size / ours);
  g_print ("vcard.properties_%s_cards_per_s %.0f cards/s\n", label, size / ours_properties);
#ifdef RESEAU_BENCH_EDS
  {
    double eds = best_of (parse_eds, cards, size, TRUE);
    double eds_attributes = best_of (parse_eds, cards, size, FALSE);

    g_print ("eds.parse_%s_cards_per_s %.0f cards/s\n", label, size / eds);
    g_print ("eds.attributes_%s_cards_per_s %.0f cards/s\n", label, size / eds_attributes);
    g_printerr ("our reader is %.1f× as fast as EDS to contacts, %.1f× to properties\n",
                eds / ours, eds_attributes / ours_properties);
  }
#else
  g_printerr ("libebook-contacts-1.2 was not found at build time: no EDS figure\n");
#endif
}

static void
bench_jobs (const char *dir,
            const char *cards,
            guint       size,
            const char *label)
{
  g_autofree char *db = g_build_filename (dir, "reseau.db", NULL);
  g_autofree char *db2 = g_build_filename (dir, "linkedin.db", NULL);
  g_autofree char *linkedin = write_linkedin (dir, size / 10);
  g_autofree char *linkedin_label = size_label (size / 10);
  g_autofree char *out = g_build_filename (dir, "export.vcf", NULL);
  guint n = 0;
  double s;

  s = import (db, cards, &n);
  g_assert_cmpuint (n, ==, size);
  g_print ("import.vcard_%s %.2f s\n", label, s);
  s = import (db, cards, &n);
  g_assert_cmpuint (n, ==, 0);
  g_print ("import.vcard_%s_again %.2f s\n", label, s);
  s = import (db2, linkedin, &n);
  g_assert_cmpuint (n, ==, size / 10);
  g_print ("import.linkedin_%s %.2f s\n", linkedin_label, s);
  s = export (db, out, &n);
  g_assert_cmpuint (n, ==, size);
  g_print ("export.vcard_%s %.2f s\n", label, s);
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("RESEAU_BENCH_SIZE");
  guint64 size = DEFAULT_SIZE;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *label = NULL;

  setlocale (LC_ALL, "");
  if (env != NULL && (!g_ascii_string_to_unsigned (env, 10, 1000, DEFAULT_SIZE, &size, NULL)))
    g_error ("RESEAU_BENCH_SIZE must be a number of contacts from 1000 to %u, not “%s”", DEFAULT_SIZE, env);
  label = size_label (size);
  if ((dir = g_dir_make_tmp ("reseau-bench-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);
  cards = write_cards (dir, size);

  bench_parse (cards, size, label);
  if (argc < 2 || g_strcmp0 (argv[1], "parse") != 0)
    bench_jobs (dir, cards, size, label);
  import_test_remove_dir (dir);
  return 0;
}
