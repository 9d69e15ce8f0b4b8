/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Segment algebra: on random networks (many seeds), what the store's SQL matches must be
 * exactly what a naive computation over an in-memory copy of the network matches, for
 * every operator and filter alone and in random combinations, saved segments nested in
 * each set (one of them deleted) included. Plus the text form, cycles and depth. */

#include "config.h"

#include "reseau-text.h"
#include "test-helpers.h"

#define N_SEEDS     24
#define N_CONTACTS  70
#define N_CIRCLES   7
#define N_SEGMENTS  60
#define N_SAVED     5
#define DELETED     1 /* the saved segment deleted after the others were built on it */

static const char * const orgs[] = { "Atelier Boréal", "atelier boreal SA", "Lumen", "LUMEN Analytics", "", "Orbiteam" };
static const char * const org_needles[] = { "boreal", "BORÉAL", "lumen", "team", "x", "analytics" };
/* Locality, region, country; spelled differently in cards and in filters. */
static const char * const places[][3] = {
  { "Lyon", "Auvergne-Rhône-Alpes", "France" }, { "LYON", "auvergne-rhone-alpes", "france" },
  { "Montréal", "Québec", "Canada" }, { "Québec", "Québec", "Canada" }, { "Paris", "Île-de-France", "France" },
};
static const char * const place_needles[] = { "lyon", "Lyón", "montreal", "QUEBEC", "Paris", "france", "Canada", "Nowhere" };

typedef struct
{
  gint64   id;
  gboolean trashed;
  int      tie;
  char    *org;
  int      place;     /* -1: no address */
  gboolean email;
  int      days_ago;  /* -1: never contacted */
  gint64   introducer;
  guint    circles;   /* bit i: in circle i */
} Person;

typedef struct
{
  gint64  ids[N_CIRCLES];
  gboolean trashed[N_CIRCLES];
  guint   cadence[N_CIRCLES];
  Person  people[N_CONTACTS];
  char   *today;
  gint64         saved[N_SAVED];
  ReseauSegment *saved_def[N_SAVED]; /* what the store should hold for each */
} Network;

static char *
days_before (const char *today,
             int         days)
{
  g_autoptr(GDate) date = g_date_new ();

  g_date_set_parse (date, today);
  g_date_subtract_days (date, days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
build_network (ReseauStore *store,
               GRand       *rand,
               Network     *net)
{
  g_autoptr(GError) error = NULL;

  net->today = reseau_text_today ();
  for (guint i = 0; i < N_CIRCLES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Circle %u", i);
      g_autoptr(ReseauCircle) circle = reseau_circle_new (name);

      net->cadence[i] = g_rand_boolean (rand) ? g_rand_int_range (rand, 1, 200) : 0;
      reseau_circle_set_cadence_days (circle, net->cadence[i]);
      net->ids[i] = reseau_store_save_circle (store, circle, &error);
      g_assert_no_error (error);
    }

  g_assert_true (reseau_store_begin (store, &error));
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      Person *p = &net->people[i];
      g_autofree char *given = g_strdup_printf ("Person %u", i);
      g_autoptr(ReseauContact) contact = test_contact_new ("given-name", given, NULL);

      p->tie = g_rand_int_range (rand, RESEAU_TIE_UNKNOWN, RESEAU_TIE_WEAK + 1);
      p->org = g_strdup (orgs[g_rand_int_range (rand, 0, G_N_ELEMENTS (orgs))]);
      p->place = g_rand_int_range (rand, -1, G_N_ELEMENTS (places));
      p->email = g_rand_boolean (rand);
      p->introducer = i > 0 && g_rand_int_range (rand, 0, 3) == 0
                      ? net->people[g_rand_int_range (rand, 0, i)].id : 0;
      reseau_contact_set_tie (contact, p->tie);
      reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, p->org);
      reseau_contact_set_introduced_by (contact, p->introducer);
      if (p->email)
        test_contact_add_value (contact, RESEAU_VALUE_EMAIL, "someone@example.org");
      if (p->place >= 0)
        {
          ReseauContactValue *v = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK, "1 rue");

          v->locality = g_strdup (places[p->place][0]);
          v->region = g_strdup (places[p->place][1]);
          v->country = g_strdup (places[p->place][2]);
          reseau_contact_add_value (contact, v);
        }
      p->id = test_save (store, contact);

      p->days_ago = g_rand_int_range (rand, -1, 300);
      if (p->days_ago >= 0)
        {
          g_autofree char *date = days_before (net->today, p->days_ago);
          g_autofree char *older = days_before (net->today, p->days_ago + 5);

          g_assert_cmpint (reseau_store_add_interaction (store, p->id, RESEAU_INTERACTION_CALL, date, "", &error), >, 0);
          g_assert_cmpint (reseau_store_add_interaction (store, p->id, RESEAU_INTERACTION_MEETING, older, "", &error), >, 0);
        }
      /* Notes never count as contact. */
      if (g_rand_boolean (rand))
        g_assert_cmpint (reseau_store_add_interaction (store, p->id, RESEAU_INTERACTION_NOTE, net->today, "", &error), >, 0);

      for (guint c = 0; c < N_CIRCLES; c++)
        if (g_rand_int_range (rand, 0, 3) == 0)
          {
            g_assert_true (reseau_store_add_to_circle (store, net->ids[c], &p->id, 1, NULL, NULL, &error));
            p->circles |= 1 << c;
          }
    }
  g_assert_true (reseau_store_commit (store, &error));

  /* Some contacts and a circle in the trash. */
  for (guint i = 0; i < N_CONTACTS; i++)
    if (g_rand_int_range (rand, 0, 10) == 0)
      {
        net->people[i].trashed = TRUE;
        g_assert_true (reseau_store_trash_contacts (store, &net->people[i].id, 1, TRUE, &error));
      }
  net->trashed[N_CIRCLES - 1] = TRUE;
  g_assert_true (reseau_store_trash_circle (store, net->ids[N_CIRCLES - 1], TRUE, &error));
}

static void
clear_network (Network *net)
{
  for (guint i = 0; i < N_CONTACTS; i++)
    g_free (net->people[i].org);
  for (guint i = 0; i < N_SAVED; i++)
    g_clear_object (&net->saved_def[i]);
  g_free (net->today);
}

static guint
live_circles (const Network *net,
              const Person  *p)
{
  guint live = p->circles;

  for (guint c = 0; c < N_CIRCLES; c++)
    if (net->trashed[c])
      live &= ~(1u << c);
  return live;
}

static guint
circle_bits (const Network *net,
             GArray        *ids)
{
  guint bits = 0;

  for (guint i = 0; i < ids->len; i++)
    for (guint c = 0; c < N_CIRCLES; c++)
      if (net->ids[c] == g_array_index (ids, gint64, i))
        bits |= 1 << c;
  return bits;
}

static gboolean
folded_equal (const char *a,
              const char *b)
{
  g_autofree char *x = reseau_text_fold (a);
  g_autofree char *y = reseau_text_fold (b);

  return g_str_equal (x, y);
}

static gboolean
naive_overdue (const Network *net,
               const Person  *p)
{
  guint live = live_circles (net, p), shortest = 0;

  for (guint c = 0; c < N_CIRCLES; c++)
    if ((live & (1u << c)) && net->cadence[c] > 0 && (shortest == 0 || net->cadence[c] < shortest))
      shortest = net->cadence[c];
  return shortest > 0 && (p->days_ago < 0 || (guint)p->days_ago > shortest);
}

static gboolean naive_match (const Network *net,
                             ReseauSegment *s,
                             const Person  *p);

/* Matches of the saved segments @set names, as bits; *@missing when one was deleted. */
static guint
naive_saved (const Network        *net,
             ReseauSegment        *s,
             ReseauSegmentCircles  set,
             const Person         *p,
             gboolean             *missing)
{
  GArray *ids = reseau_segment_get_segments (s, set);
  guint bits = 0;

  *missing = reseau_segment_get_deleted_segments (s, set)[0] != NULL;
  for (guint i = 0; i < ids->len; i++)
    for (guint k = 0; k < N_SAVED; k++)
      if (net->saved[k] == g_array_index (ids, gint64, i))
        {
          if (net->saved_def[k] == NULL)
            *missing = TRUE;
          else if (naive_match (net, net->saved_def[k], p))
            bits |= 1u << k;
        }
  return bits;
}

static gboolean
naive_circles_match (const Network *net,
                     ReseauSegment *s,
                     const Person  *p)
{
  GArray *any_of = reseau_segment_get_circles (s, RESEAU_SEGMENT_ANY_OF);
  GArray *any_saved = reseau_segment_get_segments (s, RESEAU_SEGMENT_ANY_OF);
  GArray *all_saved = reseau_segment_get_segments (s, RESEAU_SEGMENT_ALL_OF);
  guint live = live_circles (net, p);
  guint all = circle_bits (net, reseau_segment_get_circles (s, RESEAU_SEGMENT_ALL_OF));
  gboolean missing;
  guint in_saved;

  /* Any of: a circle or a saved segment, none of the deleted ones. */
  in_saved = naive_saved (net, s, RESEAU_SEGMENT_ANY_OF, p, &missing);
  if ((any_of->len > 0 || any_saved->len > 0 || missing) && (live & circle_bits (net, any_of)) == 0 && in_saved == 0)
    return FALSE;
  /* A trashed circle in all-of has no members: nobody is in all of them. */
  if (reseau_segment_get_circles (s, RESEAU_SEGMENT_ALL_OF)->len > 0 && (live & all) != all)
    return FALSE;
  for (guint c = 0; c < N_CIRCLES; c++)
    if ((all & (1u << c)) && net->trashed[c])
      return FALSE;
  in_saved = naive_saved (net, s, RESEAU_SEGMENT_ALL_OF, p, &missing);
  if (missing || (guint)__builtin_popcount (in_saved) != all_saved->len)
    return FALSE;
  if (live & circle_bits (net, reseau_segment_get_circles (s, RESEAU_SEGMENT_EXCLUDE)))
    return FALSE;
  if (naive_saved (net, s, RESEAU_SEGMENT_EXCLUDE, p, &missing) != 0)
    return FALSE;
  if (reseau_segment_get_no_circle (s) && live != 0)
    return FALSE;
  return TRUE;
}

static gboolean
naive_match (const Network *net,
             ReseauSegment *s,
             const Person  *p)
{
  const char *org = reseau_segment_get_organization (s);
  const char *filters[3] = { reseau_segment_get_locality (s), reseau_segment_get_region (s),
                             reseau_segment_get_country (s) };
  guint days = 0;
  ReseauContactedRule rule = reseau_segment_get_contacted (s, &days);

  if (p->trashed || !naive_circles_match (net, s, p))
    return FALSE;
  if (reseau_segment_get_ties (s) != 0 && !(reseau_segment_get_ties (s) & (1u << p->tie)))
    return FALSE;
  if (org != NULL)
    {
      g_autofree char *hay = reseau_text_fold (p->org);
      g_autofree char *needle = reseau_text_fold (org);

      if (strstr (hay, needle) == NULL)
        return FALSE;
    }
  for (guint f = 0; f < 3; f++)
    if (filters[f] != NULL && (p->place < 0 || !folded_equal (places[p->place][f], filters[f])))
      return FALSE;
  if (reseau_segment_get_has_email (s) && !p->email)
    return FALSE;
  if ((rule == RESEAU_CONTACTED_NEVER && p->days_ago >= 0) ||
      (rule == RESEAU_CONTACTED_MORE_THAN && p->days_ago >= 0 && (guint)p->days_ago <= days) ||
      (rule == RESEAU_CONTACTED_WITHIN && (p->days_ago < 0 || (guint)p->days_ago > days)))
    return FALSE;
  if (reseau_segment_get_introduced_by (s) != 0 && reseau_segment_get_introduced_by (s) != p->introducer)
    return FALSE;
  if (reseau_segment_get_overdue (s) && !naive_overdue (net, p))
    return FALSE;
  return TRUE;
}

/* Each rule is present with some probability, so that single operators and combinations
 * of all sizes come up. */
static ReseauSegment *
random_segment (GRand         *rand,
                const Network *net,
                int            density,
                guint          n_saved)
{
  ReseauSegment *s = reseau_segment_new ();

#define MAYBE (g_rand_int_range (rand, 0, 100) < density)
  for (ReseauSegmentCircles set = 0; set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
    while (MAYBE)
      reseau_segment_add_circle (s, set, net->ids[g_rand_int_range (rand, 0, N_CIRCLES)]);
  /* Saved segments, only those built before, so that there is no cycle. */
  for (ReseauSegmentCircles set = 0; n_saved > 0 && set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
    while (MAYBE)
      reseau_segment_add_segment (s, set, net->saved[g_rand_int_range (rand, 0, n_saved)]);
  if (MAYBE)
    reseau_segment_set_ties (s, g_rand_int_range (rand, 1, 16));
  if (MAYBE)
    reseau_segment_set_organization (s, org_needles[g_rand_int_range (rand, 0, G_N_ELEMENTS (org_needles))]);
  if (MAYBE)
    reseau_segment_set_locality (s, place_needles[g_rand_int_range (rand, 0, G_N_ELEMENTS (place_needles))]);
  if (MAYBE)
    reseau_segment_set_region (s, place_needles[g_rand_int_range (rand, 0, G_N_ELEMENTS (place_needles))]);
  if (MAYBE)
    reseau_segment_set_country (s, place_needles[g_rand_int_range (rand, 0, G_N_ELEMENTS (place_needles))]);
  if (MAYBE)
    reseau_segment_set_has_email (s, TRUE);
  if (MAYBE)
    reseau_segment_set_contacted (s, g_rand_int_range (rand, RESEAU_CONTACTED_NEVER, RESEAU_CONTACTED_WITHIN + 1),
                                  g_rand_int_range (rand, 0, 300));
  if (MAYBE)
    reseau_segment_set_introduced_by (s, net->people[g_rand_int_range (rand, 0, N_CONTACTS)].id);
  if (g_rand_int_range (rand, 0, 100) < density / 3)
    reseau_segment_set_no_circle (s, TRUE);
  if (MAYBE)
    reseau_segment_set_overdue (s, TRUE);
#undef MAYBE
  return s;
}

static void check_segment (ReseauStore   *store,
                           const Network *net,
                           ReseauSegment *segment);

/* Saved segments, each possibly built on the ones before; then one of them is deleted,
 * which the others that named it must remember by name. */
static void
build_saved (ReseauStore *store,
             GRand       *rand,
             Network     *net)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deleted_name = g_strdup_printf ("Saved %d", DELETED);
  g_autofree char *text = NULL;

  for (guint i = 0; i < N_SAVED; i++)
    {
      g_autofree char *name = g_strdup_printf ("Saved %u", i);

      net->saved_def[i] = random_segment (rand, net, 25, i);
      /* Make sure the deleted one is used somewhere. */
      if (i == DELETED + 1)
        reseau_segment_add_segment (net->saved_def[i], g_rand_int_range (rand, 0, RESEAU_SEGMENT_N_CIRCLE_SETS),
                                    net->saved[DELETED]);
      net->saved[i] = reseau_store_save_segment (store, 0, name, net->saved_def[i], &error);
      g_assert_no_error (error);
      check_segment (store, net, net->saved_def[i]);
    }

  g_assert_true (reseau_store_delete_segment (store, net->saved[DELETED], &error));
  g_assert_no_error (error);
  g_clear_object (&net->saved_def[DELETED]);
  for (guint i = 0; i < N_SAVED; i++)
    if (net->saved_def[i] != NULL)
      {
        g_autoptr(ReseauSegment) stored = reseau_store_load_segment (store, net->saved[i], &error);
        g_autofree char *expected = NULL;
        g_autofree char *got = NULL;

        g_assert_no_error (error);
        _reseau_segment_forget_segment (net->saved_def[i], net->saved[DELETED], deleted_name);
        expected = reseau_segment_serialize (net->saved_def[i]);
        got = reseau_segment_serialize (stored);
        g_assert_cmpstr (got, ==, expected);
      }
  text = reseau_segment_serialize (net->saved_def[DELETED + 1]);
  g_assert_nonnull (strstr (text, "-segments-deleted=Saved 1;"));
}

static void
check_segment (ReseauStore   *store,
               const Network *net,
               ReseauSegment *segment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = reseau_store_segment_ids (store, segment, RESEAU_SORT_GIVEN_NAME, &error);
  g_autoptr(GHashTable) got = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *text = reseau_segment_serialize (segment);
  g_autoptr(ReseauSegment) copy = NULL;
  g_autofree char *copy_text = NULL;
  guint expected = 0, n = G_MAXUINT;

  g_assert_no_error (error);
  g_assert_true (reseau_store_count_segment (store, segment, &n, &error));
  g_assert_cmpuint (n, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (got, &g_array_index (ids, gint64, i));
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      const Person *p = &net->people[i];
      gboolean want = naive_match (net, segment, p);

      if (want != g_hash_table_contains (got, &p->id))
        g_error ("Segment\n%s\n%s contact %" G_GINT64_FORMAT " (tie %d org “%s” place %d email %d days %d intro %"
                 G_GINT64_FORMAT " circles %x)", text, want ? "misses" : "wrongly matches", p->id, p->tie, p->org,
                 p->place, p->email, p->days_ago, p->introducer, p->circles);
      expected += want;
    }
  g_assert_cmpuint (expected, ==, ids->len);

  /* The text form keeps the meaning. */
  copy = reseau_segment_deserialize (text, &error);
  g_assert_no_error (error);
  copy_text = reseau_segment_serialize (copy);
  g_assert_cmpstr (copy_text, ==, text);
}

static void
test_random (TestFixture   *fixture,
             gconstpointer  data)
{
  guint seed = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Network net = { 0 };
  guint matched_some = 0;

  build_network (fixture->store, rand, &net);
  build_saved (fixture->store, rand, &net);
  for (guint i = 0; i < N_SEGMENTS; i++)
    {
      /* Sparse segments first (single operators), denser ones after (combinations). */
      g_autoptr(ReseauSegment) segment = random_segment (rand, &net, i < N_SEGMENTS / 2 ? 15 : 40, N_SAVED);
      guint n = 0;

      check_segment (fixture->store, &net, segment);
      g_assert_true (reseau_store_count_segment (fixture->store, segment, &n, NULL));
      matched_some += n > 0;
    }
  /* Not a vacuous comparison of empty sets. */
  g_assert_cmpuint (matched_some, >, N_SEGMENTS / 8);
  clear_network (&net);
}

/* Values reach SQL only as bound parameters: quotes and SQL in a filter are plain text. */
static void
test_injection (TestFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  test_add_person (fixture->store, "Anna", "Blum", "O'Brien'); DROP TABLE contacts; --");
  test_add_person (fixture->store, "Bruno", "Petit", "Lumen");
  reseau_segment_set_organization (segment, "o'brien'); drop");
  g_assert_true (reseau_store_count_segment (fixture->store, segment, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  reseau_segment_set_organization (segment, "' OR 1=1 --");
  g_assert_true (reseau_store_count_segment (fixture->store, segment, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (reseau_store_count_contacts (fixture->store), ==, 2);
}

static void
test_text_form (void)
{
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  g_autoptr(ReseauSegment) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint days = 0;

  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, 3);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, 5);
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_EXCLUDE, 9);
  _reseau_segment_forget_circle (segment, 5, "Clients; Lyon");
  reseau_segment_set_ties (segment, 1 << RESEAU_TIE_CLOSE | 1 << RESEAU_TIE_WEAK);
  reseau_segment_set_organization (segment, "  Boréal\n");
  reseau_segment_set_contacted (segment, RESEAU_CONTACTED_MORE_THAN, 45);
  text = reseau_segment_serialize (segment);
  g_assert_cmpstr (text, ==,
                   "[Segment]\nversion=1\nany-of=3;\nany-of-deleted=Clients\\;\\sLyon;\nexclude=9;\n"
                   "ties=10\norganization=Boréal\nlast-contacted=more-than\ndays=45\n");
  back = reseau_segment_deserialize (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reseau_segment_get_deleted_circles (back, RESEAU_SEGMENT_ANY_OF)[0], ==, "Clients; Lyon");
  g_assert_cmpint (reseau_segment_get_contacted (back, &days), ==, RESEAU_CONTACTED_MORE_THAN);
  g_assert_cmpuint (days, ==, 45);

  g_clear_object (&back);
  back = reseau_segment_deserialize ("[Segment]\nversion=3\n", &error);
  g_assert_null (back);
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);
  back = reseau_segment_deserialize ("[Segment]\nversion=1\nany-of=x\n", &error);
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_CORRUPT);
}

/* Saved segments inside segments: the text form says version 2 only when it needs to. */
static void
test_nested_text_form (void)
{
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  g_autoptr(ReseauSegment) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, 3);
  reseau_segment_add_segment (segment, RESEAU_SEGMENT_ANY_OF, 4);
  reseau_segment_add_segment (segment, RESEAU_SEGMENT_EXCLUDE, 7);
  reseau_segment_add_segment (segment, RESEAU_SEGMENT_EXCLUDE, 8);
  _reseau_segment_forget_segment (segment, 8, "Old; friends");
  text = reseau_segment_serialize (segment);
  g_assert_cmpstr (text, ==,
                   "[Segment]\nversion=2\nany-of=3;\nany-of-segments=4;\nexclude-segments=7;\n"
                   "exclude-segments-deleted=Old\\;\\sfriends;\n");
  back = reseau_segment_deserialize (text, &error);
  g_assert_no_error (error);
  again = reseau_segment_serialize (back);
  g_assert_cmpstr (again, ==, text);
  g_assert_false (reseau_segment_is_empty (back));
  g_assert_cmpstr (reseau_segment_get_deleted_segments (back, RESEAU_SEGMENT_EXCLUDE)[0], ==, "Old; friends");

  /* Removing the nested ones brings the old format back. */
  reseau_segment_remove_segment (segment, RESEAU_SEGMENT_ANY_OF, 4);
  reseau_segment_remove_segment (segment, RESEAU_SEGMENT_EXCLUDE, 7);
  g_clear_object (&back);
  back = reseau_segment_deserialize ("[Segment]\nversion=1\nany-of=3;\n", &error);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&again, g_free);
  g_assert_cmpuint (reseau_segment_get_segments (back, RESEAU_SEGMENT_ANY_OF)->len, ==, 0);
  segment = (g_object_unref (segment), reseau_segment_new ());
  reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, 3);
  text = reseau_segment_serialize (segment);
  again = reseau_segment_serialize (back);
  g_assert_cmpstr (again, ==, text);
  g_assert_nonnull (strstr (text, "version=1"));
}

static gint64
save_including (ReseauStore  *store,
                gint64        id,
                const char   *name,
                gint64        included,
                GError      **error)
{
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();

  reseau_segment_set_has_email (segment, TRUE);
  if (included > 0)
    reseau_segment_add_segment (segment, RESEAU_SEGMENT_ANY_OF, included);
  return reseau_store_save_segment (store, id, name, segment, error);
}

/* A segment may not include itself, directly or through others, and nesting is bounded:
 * both refused with a clear message, the stored definitions untouched. */
static void
test_cycles (TestFixture   *fixture,
             gconstpointer  data)
{
  ReseauStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) missing = NULL;
  g_autoptr(ReseauSegment) uses = reseau_segment_new ();
  gint64 a, b, c, chain = 0;
  guint n = 0;

  a = save_including (store, 0, "A", 0, &error);
  b = save_including (store, 0, "B", a, &error);
  c = save_including (store, 0, "C", b, &error);
  g_assert_no_error (error);
  before = test_dump_database (store);
  g_assert_cmpint (save_including (store, a, "A", c, &error), ==, 0);
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The segment “A” would include itself");
  g_clear_error (&error);
  g_assert_cmpint (save_including (store, a, "A", a, &error), ==, 0);
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = test_dump_database (store);
  g_assert_cmpstr (after, ==, before);

  /* A segment may sit on a chain of eight saved ones, not nine. */
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Level %u", i);

      chain = save_including (store, 0, name, chain, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (save_including (store, 0, "Too deep", chain, &error), ==, 0);
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Segments are nested more than 8 deep");
  g_clear_error (&error);
  reseau_segment_add_segment (uses, RESEAU_SEGMENT_ALL_OF, chain);
  g_assert_false (reseau_store_count_segment (store, uses, &n, &error));
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting B: C remembers it by name, and an unsaved segment naming it says so. */
  g_object_unref (uses);
  uses = reseau_segment_new ();
  reseau_segment_add_segment (uses, RESEAU_SEGMENT_EXCLUDE, b);
  g_assert_true (reseau_store_delete_segment (store, b, &error));
  missing = reseau_store_segment_missing_segments (store, uses, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (missing[0], ==, "A deleted segment");
  g_clear_pointer (&missing, g_strfreev);
  g_clear_object (&uses);
  uses = reseau_store_load_segment (store, c, &error);
  g_assert_no_error (error);
  missing = reseau_store_segment_missing_segments (store, uses, &error);
  g_assert_cmpstr (missing[0], ==, "B");
  g_assert_null (missing[1]);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  for (guint seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/segments/random/%u", seed);

      g_test_add (path, TestFixture, GUINT_TO_POINTER (seed), test_fixture_set_up_store, test_random,
                  test_fixture_tear_down);
    }
  g_test_add ("/segments/bound-parameters", TestFixture, NULL, test_fixture_set_up_store, test_injection,
              test_fixture_tear_down);
  g_test_add_func ("/segments/text-form", test_text_form);
  g_test_add_func ("/segments/nested/text-form", test_nested_text_form);
  g_test_add ("/segments/nested/cycles", TestFixture, NULL, test_fixture_set_up_store, test_cycles,
              test_fixture_tear_down);

  return g_test_run ();
}
