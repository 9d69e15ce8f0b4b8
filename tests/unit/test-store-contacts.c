/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving contacts: what is refused, the career history, interactions and the trash. */

#include "config.h"

#include "test-helpers.h"

/* "organization: Acme → Globex (2025-01-15); email: a@x.org → b@x.org (2025-02-01)" */
static char *
history_text (ReseauStore *store,
              gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = reseau_store_list_history (store, id, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      ReseauHistoryEntry *entry = g_ptr_array_index (history, i);

      g_string_append_printf (text, "%s%s: %s → %s (%s)", i > 0 ? "; " : "", entry->field,
                              entry->old_value, entry->new_value, entry->changed_on);
    }
  return g_string_free_and_steal (g_steal_pointer (&text));
}

#define assert_history(store, id, expected) G_STMT_START { \
    g_autofree char *history_ = history_text ((store), (id)); \
    g_assert_cmpstr (history_, ==, (expected)); \
  } G_STMT_END

static void
save_on (ReseauStore   *store,
         ReseauContact *contact,
         const char    *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (reseau_store_save_contact (store, contact, date, &error), >, 0);
  g_assert_no_error (error);
}

static gint64
add_employee (ReseauStore *store)
{
  g_autoptr(ReseauContact) contact = test_contact_new ("given-name", "Jean", "family-name", "Dupont",
                                                       "organization", "Acme", "title", "Developer", NULL);

  test_contact_add_value (contact, RESEAU_VALUE_EMAIL, "jean@acme.example");
  test_contact_add_value (contact, RESEAU_VALUE_PHONE, "+33 6 12 34 56 78");
  test_contact_add_address (contact, "3 rue Mercière", "Lyon", "France");
  return test_save (store, contact);
}

/* Career history */

static void
test_history_none_on_creation (TestFixture   *fixture,
                               gconstpointer  data)
{
  gint64 id = add_employee (fixture->store);

  assert_history (fixture->store, id, "");
}

static void
test_history_none_when_unchanged (TestFixture   *fixture,
                                  gconstpointer  data)
{
  gint64 id = add_employee (fixture->store);
  g_autoptr(ReseauContact) contact = test_load (fixture->store, id);

  save_on (fixture->store, contact, "2025-03-01");
  /* Only spacing and the case of the address differ. */
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, " Acme ");
  g_free (((ReseauContactValue *)g_ptr_array_index (reseau_contact_get_values (contact), 0))->value);
  ((ReseauContactValue *)g_ptr_array_index (reseau_contact_get_values (contact), 0))->value = g_strdup ("Jean@ACME.example");
  reseau_contact_set_text (contact, RESEAU_FIELD_NICKNAME, "Jeannot");
  save_on (fixture->store, contact, "2025-03-02");
  assert_history (fixture->store, id, "");
}

static void
test_history_changes (TestFixture   *fixture,
                      gconstpointer  data)
{
  gint64 id = add_employee (fixture->store);
  g_autoptr(ReseauContact) contact = test_load (fixture->store, id);
  ReseauContactValue *email;

  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "Globex");
  save_on (fixture->store, contact, "2025-01-15");
  assert_history (fixture->store, id, "organization: Acme → Globex (2025-01-15)");

  g_clear_object (&contact);
  contact = test_load (fixture->store, id);
  reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, "Lead Developer");
  email = g_ptr_array_index (reseau_contact_get_values (contact), 0);
  g_assert_cmpint (email->kind, ==, RESEAU_VALUE_EMAIL);
  g_free (email->value);
  email->value = g_strdup ("jean@globex.example");
  save_on (fixture->store, contact, "2025-02-01");
  assert_history (fixture->store, id,
                  "organization: Acme → Globex (2025-01-15); "
                  "title: Developer → Lead Developer (2025-02-01); "
                  "email: jean@acme.example → jean@globex.example (2025-02-01)");
}

static void
test_history_emails_added_removed (TestFixture   *fixture,
                                   gconstpointer  data)
{
  gint64 id = add_employee (fixture->store);
  g_autoptr(ReseauContact) contact = test_load (fixture->store, id);

  test_contact_add_value (contact, RESEAU_VALUE_EMAIL, "jean@home.example");
  save_on (fixture->store, contact, "2025-04-01");
  reseau_contact_remove_value (contact, 0);
  save_on (fixture->store, contact, "2025-05-01");
  assert_history (fixture->store, id,
                  "email:  → jean@home.example (2025-04-01); "
                  "email: jean@acme.example →  (2025-05-01)");
}

static void
test_history_today (TestFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_employee (fixture->store);
  g_autoptr(ReseauContact) contact = test_load (fixture->store, id);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, "CTO");
  g_assert_cmpint (reseau_store_save_contact (fixture->store, contact, NULL, &error), ==, id);
  g_assert_no_error (error);
  history = reseau_store_list_history (fixture->store, id, &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((ReseauHistoryEntry *)g_ptr_array_index (history, 0))->changed_on, ==, today);
}

/* Interactions */

static const char *
last_contacted (ReseauStore *store,
                gint64       id)
{
  static char date[16];
  g_autoptr(ReseauContact) contact = test_load (store, id);
  const char *last = reseau_contact_get_last_contacted (contact);

  g_strlcpy (date, last ? last : "never", sizeof date);
  return date;
}

static gint64
add_interaction (ReseauStore           *store,
                 gint64                 id,
                 ReseauInteractionKind  kind,
                 const char            *date)
{
  g_autoptr(GError) error = NULL;
  gint64 interaction = reseau_store_add_interaction (store, id, kind, date, "Talked", &error);

  g_assert_no_error (error);
  g_assert_cmpint (interaction, >, 0);
  return interaction;
}

static void
test_interactions_last_contacted (TestFixture   *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_employee (fixture->store);
  gint64 other = test_add_person (fixture->store, "Anna", "Blum", NULL);
  gint64 meeting, call;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_cmpstr (last_contacted (fixture->store, id), ==, "never");
  meeting = add_interaction (fixture->store, id, RESEAU_INTERACTION_MEETING, "2025-01-10");
  g_assert_cmpstr (last_contacted (fixture->store, id), ==, "2025-01-10");
  call = add_interaction (fixture->store, id, RESEAU_INTERACTION_CALL, "2025-03-05");
  /* Added later, but earlier in time: the latest date still wins. */
  add_interaction (fixture->store, id, RESEAU_INTERACTION_MESSAGE, "2024-12-24");
  /* A note is not contact. */
  add_interaction (fixture->store, id, RESEAU_INTERACTION_NOTE, "2025-06-01");
  add_interaction (fixture->store, other, RESEAU_INTERACTION_CALL, "2025-07-01");
  g_assert_cmpstr (last_contacted (fixture->store, id), ==, "2025-03-05");

  list = reseau_store_list_interactions (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (((ReseauInteraction *)g_ptr_array_index (list, 0))->happened_on, ==, "2025-06-01");
  g_assert_cmpstr (((ReseauInteraction *)g_ptr_array_index (list, 3))->happened_on, ==, "2024-12-24");

  g_assert_true (reseau_store_delete_interaction (fixture->store, call, &error));
  g_assert_cmpstr (last_contacted (fixture->store, id), ==, "2025-01-10");
  g_assert_true (reseau_store_delete_interaction (fixture->store, meeting, &error));
  g_assert_cmpstr (last_contacted (fixture->store, id), ==, "2024-12-24");
  g_assert_cmpstr (last_contacted (fixture->store, other), ==, "2025-07-01");
  g_assert_no_error (error);
}

static void
test_interactions_refused (TestFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_employee (fixture->store);
  g_autofree char *before = test_dump_database (fixture->store);
  g_autofree char *after = NULL;

  g_assert_cmpint (reseau_store_add_interaction (fixture->store, id, RESEAU_INTERACTION_CALL, "2025-02-30", "", &error), ==, 0);
  g_assert_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpint (reseau_store_add_interaction (fixture->store, id, RESEAU_INTERACTION_CALL, "", "", &error), ==, 0);
  g_assert_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpint (reseau_store_add_interaction (fixture->store, id, RESEAU_INTERACTION_CALL, "2025-02-03", "\x1b[2J", &error), ==, 0);
  g_assert_error (error, RESEAU_CONTACT_ERROR, RESEAU_CONTACT_ERROR_INVALID_TEXT);
  after = test_dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

/* Trash */

static void
test_trash_restore (TestFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_employee (fixture->store);
  g_autoptr(ReseauContact) before = test_load (fixture->store, id);
  g_autoptr(ReseauContact) after = NULL;
  GPtrArray *values_before, *values_after;

  test_add_person (fixture->store, "Anna", "Blum", NULL);
  g_assert_true (reseau_store_trash_contacts (fixture->store, &id, 1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reseau_store_count_contacts (fixture->store), ==, 1);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, NULL, "Anna Blum");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "dupont", "");

  g_assert_true (reseau_store_trash_contacts (fixture->store, &id, 1, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reseau_store_count_contacts (fixture->store), ==, 2);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, NULL, "Anna Blum, Jean Dupont");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "lyon", "Jean Dupont");

  after = test_load (fixture->store, id);
  for (ReseauTextField f = 0; f < RESEAU_N_TEXT_FIELDS; f++)
    g_assert_cmpstr (reseau_contact_get_text (after, f), ==, reseau_contact_get_text (before, f));
  values_before = reseau_contact_get_values (before);
  values_after = reseau_contact_get_values (after);
  g_assert_cmpuint (values_after->len, ==, 3);
  g_assert_cmpuint (values_after->len, ==, values_before->len);
  for (guint i = 0; i < values_after->len; i++)
    g_assert_true (reseau_contact_value_equal (g_ptr_array_index (values_before, i),
                                               g_ptr_array_index (values_after, i)));
}

static void
changed_cb (ReseauStore *store,
            guint       *count)
{
  (*count)++;
}

static void
test_trash_purge (TestFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 kept = test_add_person (fixture->store, "Anna", "Blum", NULL);
  gint64 friend_id = test_add_person (fixture->store, "Bruno", "Petit", NULL);
  /* The newest contact, so that SQLite hands its id out again once it is purged. */
  gint64 introducer = add_employee (fixture->store);
  g_autoptr(ReseauContact) friend = test_load (fixture->store, friend_id);
  g_autoptr(ReseauContact) reused = NULL;
  g_autoptr(ReseauContact) gone = NULL;
  gint64 reused_id;
  guint changes = 0;

  reseau_contact_set_introduced_by (friend, introducer);
  test_save (fixture->store, friend);
  add_interaction (fixture->store, introducer, RESEAU_INTERACTION_CALL, "2025-01-01");
  g_clear_object (&friend);
  friend = test_load (fixture->store, friend_id);
  g_assert_cmpint (reseau_contact_get_introduced_by (friend), ==, introducer);

  g_assert_true (reseau_store_trash_contacts (fixture->store, &introducer, 1, TRUE, &error));
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_true (reseau_store_purge_trash (fixture->store, &error));
  g_assert_no_error (error);
  /* Other cards changed (their introducer is gone): views must hear of it. */
  g_assert_cmpuint (changes, ==, 1);

  gone = reseau_store_load_contact (fixture->store, introducer, TRUE, &error);
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  g_clear_object (&friend);
  friend = test_load (fixture->store, friend_id);
  g_assert_cmpint (reseau_contact_get_introduced_by (friend), ==, 0);
  g_assert_cmpint (test_query_int (fixture->store, "SELECT count(*) FROM contact_values"), ==, 0);
  g_assert_cmpint (test_query_int (fixture->store, "SELECT count(*) FROM interactions"), ==, 0);
  g_assert_cmpuint (reseau_store_count_contacts (fixture->store), ==, 2);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, NULL, "Anna Blum, Bruno Petit");
  g_assert_cmpstr (last_contacted (fixture->store, kept), ==, "never");

  g_assert_cmpint (test_query_int (fixture->store, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'dupont'"), ==, 0);

  /* A new contact may get the purged one's id: the old card must not come back in searches. */
  reused = test_contact_new ("given-name", "Zoé", "family-name", "Abel", NULL);
  reused_id = test_save (fixture->store, reused);
  g_assert_cmpint (reused_id, ==, introducer);
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "dupont", "");
  test_assert_list (fixture->store, RESEAU_SORT_GIVEN_NAME, "lyon", "");
  assert_history (fixture->store, reused_id, "");
  g_assert_cmpstr (last_contacted (fixture->store, reused_id), ==, "never");
}

/* What is refused */

typedef struct _RefuseCase RefuseCase;
struct _RefuseCase
{
  const char      *name;
  void           (*spoil) (ReseauContact *contact, const RefuseCase *c);
  ReseauTextField  field;
  ReseauValueKind  kind;
  const char      *text;
  int              code;
  const char      *in_message;
};

static void
set_field (ReseauContact    *contact,
           const RefuseCase *c)
{
  reseau_contact_set_text (contact, c->field, c->text);
}

static void
add_value (ReseauContact    *contact,
           const RefuseCase *c)
{
  test_contact_add_value (contact, c->kind, c->text);
}

static void
add_bad_address (ReseauContact    *contact,
                 const RefuseCase *c)
{
  test_contact_add_address (contact, "1 quai Perrache", c->text, "France");
}

static void
set_long_field (ReseauContact    *contact,
                const RefuseCase *c)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint length = c->field == RESEAU_FIELD_NOTES ? RESEAU_MAX_NOTES_LENGTH + 1 : RESEAU_MAX_LINE_LENGTH + 1;

  for (guint i = 0; i < length; i++)
    g_string_append (text, i % 2 ? "é" : "e");
  reseau_contact_set_text (contact, c->field, text->str);
}

static void
add_many_values (ReseauContact    *contact,
                 const RefuseCase *c)
{
  for (guint i = reseau_contact_get_values (contact)->len; i <= RESEAU_MAX_VALUES; i++)
    {
      g_autofree char *phone = g_strdup_printf ("+33 6 00 00 %02u %02u", i / 100, i % 100);

      test_contact_add_value (contact, RESEAU_VALUE_PHONE, phone);
    }
  g_assert_cmpuint (reseau_contact_get_values (contact)->len, ==, RESEAU_MAX_VALUES + 1);
}

static void
set_huge_photo (ReseauContact    *contact,
                const RefuseCase *c)
{
  g_autoptr(GBytes) photo = g_bytes_new_take (g_malloc0 (RESEAU_MAX_PHOTO_SIZE + 1), RESEAU_MAX_PHOTO_SIZE + 1);

  reseau_contact_set_photo (contact, photo);
}

#define TEXT(n, f, t, c, m)  { n, set_field, f, 0, t, RESEAU_CONTACT_ERROR_##c, m }
#define VALUE(n, k, t, c, m) { n, add_value, 0, RESEAU_VALUE_##k, t, RESEAU_CONTACT_ERROR_##c, m }

static const RefuseCase refuse_cases[] = {
  TEXT ("invalid-utf8-name", RESEAU_FIELD_GIVEN, "Jean\xff", INVALID_TEXT, "First name"),
  TEXT ("invalid-utf8-notes", RESEAU_FIELD_NOTES, "caf\xc3\x28", INVALID_TEXT, "Notes"),
  TEXT ("newline-in-name", RESEAU_FIELD_FAMILY, "Dupont\nDurand", INVALID_TEXT, "Last name"),
  TEXT ("tab-in-title", RESEAU_FIELD_TITLE, "Chef\tde projet", INVALID_TEXT, "Job title"),
  TEXT ("escape-in-organization", RESEAU_FIELD_ORGANIZATION, "Acme\x1b[31m", INVALID_TEXT, "Organization"),
  TEXT ("line-separator-in-nickname", RESEAU_FIELD_NICKNAME, "Jo\xe2\x80\xa8" "Jo", INVALID_TEXT, "Nickname"),
  TEXT ("control-in-notes", RESEAU_FIELD_NOTES, "ring\x07", INVALID_TEXT, "Notes"),
  { "name-501-chars", set_long_field, RESEAU_FIELD_GIVEN, 0, NULL, RESEAU_CONTACT_ERROR_TOO_LONG, "First name" },
  { "notes-too-long", set_long_field, RESEAU_FIELD_NOTES, 0, NULL, RESEAU_CONTACT_ERROR_TOO_LONG, "Notes" },
  TEXT ("date-2026-02-30", RESEAU_FIELD_BIRTHDAY, "2026-02-30", INVALID_DATE, "2026-02-30"),
  TEXT ("date-26-1-1", RESEAU_FIELD_BIRTHDAY, "26-1-1", INVALID_DATE, "26-1-1"),
  TEXT ("date-2025-02-29", RESEAU_FIELD_MET_ON, "2025-02-29", INVALID_DATE, "When you met"),
  TEXT ("date-month-13", RESEAU_FIELD_BIRTHDAY, "2026-13-01", INVALID_DATE, "Birthday"),
  TEXT ("date-french", RESEAU_FIELD_BIRTHDAY, "31/12/2025", INVALID_DATE, "31/12/2025"),
  TEXT ("date-words", RESEAU_FIELD_MET_ON, "yesterday", INVALID_DATE, "yesterday"),
  TEXT ("date-signed-month", RESEAU_FIELD_BIRTHDAY, "2026-+1-01", INVALID_DATE, "2026-+1-01"),
  TEXT ("date-spaced-day", RESEAU_FIELD_MET_ON, "2026-01- 1", INVALID_DATE, "2026-01- 1"),
  TEXT ("date-signed-day", RESEAU_FIELD_MET_ON, "2026-01-+1", INVALID_DATE, "2026-01-+1"),
  VALUE ("email-no-at", EMAIL, "jean.dupont.example.com", INVALID_EMAIL, "jean.dupont.example.com"),
  VALUE ("email-no-dot", EMAIL, "jean@localhost", INVALID_EMAIL, "jean@localhost"),
  VALUE ("email-two-at", EMAIL, "jean@dupont@example.com", INVALID_EMAIL, "jean@dupont@example.com"),
  VALUE ("email-double-dot", EMAIL, "jean..dupont@example.com", INVALID_EMAIL, "jean..dupont"),
  VALUE ("email-space", EMAIL, "jean dupont@example.com", INVALID_EMAIL, "jean dupont"),
  VALUE ("email-header-injection", EMAIL, "jean@example.com\nBcc: all@example.com", INVALID_EMAIL, "Bcc"),
  VALUE ("email-invalid-utf8", EMAIL, "jean\xff@example.com", INVALID_EMAIL, "email"),
  VALUE ("phone-letters", PHONE, "06 12 34 56 78 ask for Bob", INVALID_PHONE, "only digits"),
  VALUE ("phone-one-digit", PHONE, "5", INVALID_PHONE, "digits"),
  VALUE ("phone-21-digits", PHONE, "+33 123456789012345678901", INVALID_PHONE, "digits"),
  VALUE ("url-javascript", URL, "javascript:alert(1)", INVALID_URL, "javascript"),
  VALUE ("url-file", URL, "file:///etc/passwd", INVALID_URL, "file:"),
  VALUE ("url-ftp", URL, "ftp://example.com/file", INVALID_URL, "ftp:"),
  VALUE ("url-smb", URL, "smb://server/share", INVALID_URL, "smb:"),
  VALUE ("url-no-host", URL, "https://", INVALID_URL, "https://"),
  VALUE ("url-space", URL, "https://exa mple.com", INVALID_URL, "exa mple"),
  { "address-newline-in-locality", add_bad_address, 0, 0, "Lyon\nCedex 02", RESEAU_CONTACT_ERROR_INVALID_TEXT, "Address" },
  { "201-values", add_many_values, 0, 0, NULL, RESEAU_CONTACT_ERROR_TOO_MANY_VALUES, "201" },
  { "photo-too-large", set_huge_photo, 0, 0, NULL, RESEAU_CONTACT_ERROR_TOO_LONG, "photo" },
};

#undef TEXT
#undef VALUE

static void
assert_refused (ReseauStore      *store,
                ReseauContact    *contact,
                const RefuseCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump_database (store);
  g_autofree char *after = NULL;
  gint64 id = reseau_contact_get_id (contact);
  guint changes = 0;
  gulong handler = g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  c->spoil (contact, c);
  g_assert_cmpint (reseau_store_save_contact (store, contact, "2025-06-01", &error), ==, 0);
  g_assert_error (error, RESEAU_CONTACT_ERROR, c->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, c->in_message));
  g_assert_cmpint (reseau_contact_get_id (contact), ==, id);
  g_assert_cmpuint (changes, ==, 0);
  g_signal_handler_disconnect (store, handler);

  after = test_dump_database (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse (TestFixture   *fixture,
             gconstpointer  data)
{
  const RefuseCase *c = data;
  gint64 id = add_employee (fixture->store);
  g_autoptr(ReseauContact) original = test_load (fixture->store, id);
  g_autoptr(ReseauContact) added = test_contact_new ("given-name", "Anna", "family-name", "Blum", NULL);
  g_autoptr(ReseauContact) edited = test_load (fixture->store, id);
  g_autoptr(ReseauContact) reloaded = NULL;

  /* A new contact is not added… */
  assert_refused (fixture->store, added, c);
  g_assert_cmpuint (reseau_store_count_contacts (fixture->store), ==, 1);

  /* …and an edited one keeps its previous version, values and history included. */
  reseau_contact_set_text (edited, RESEAU_FIELD_ORGANIZATION, "Globex");
  reseau_contact_remove_value (edited, 0);
  assert_refused (fixture->store, edited, c);
  reloaded = test_load (fixture->store, id);
  g_assert_cmpstr (reseau_contact_get_text (reloaded, RESEAU_FIELD_ORGANIZATION), ==, "Acme");
  g_assert_cmpuint (reseau_contact_get_values (reloaded)->len, ==, 3);
  g_assert_true (reseau_contact_value_equal (g_ptr_array_index (reseau_contact_get_values (reloaded), 0),
                                             g_ptr_array_index (reseau_contact_get_values (original), 0)));
  assert_history (fixture->store, id, "");
}

/* An introducer that does not exist is refused by the database itself: still nothing
 * written, and the contact keeps id 0. */
static void
test_refuse_unknown_introducer (TestFixture   *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauContact) contact = test_contact_new ("given-name", "Anna", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_employee (fixture->store);
  before = test_dump_database (fixture->store);
  reseau_contact_set_introduced_by (contact, 4242);
  g_assert_cmpint (reseau_store_save_contact (fixture->store, contact, NULL, &error), ==, 0);
  g_assert_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_FAILED);
  g_assert_cmpint (reseau_contact_get_id (contact), ==, 0);
  after = test_dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);

  /* The store is still usable: the transaction was rolled back. */
  reseau_contact_set_introduced_by (contact, 0);
  test_save (fixture->store, contact);
  g_assert_cmpuint (reseau_store_count_contacts (fixture->store), ==, 2);
}

/* What is accepted, and how it is stored */

static void
test_accept_limits (TestFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(ReseauContact) contact = NULL;
  g_autoptr(ReseauContact) loaded = NULL;
  GPtrArray *values;

  for (guint i = 0; i < RESEAU_MAX_LINE_LENGTH; i++)
    g_string_append (long_name, "é");
  contact = test_contact_new ("given-name", long_name->str, "family-name", "  Dupont  ",
                              "birthday", "2024-02-29", "met-on", "", "notes", "Line one\n\tLine two", NULL);
  test_contact_add_value (contact, RESEAU_VALUE_EMAIL, "   ");
  test_contact_add_value (contact, RESEAU_VALUE_URL, "linkedin.com/in/jdupont");
  test_contact_add_value (contact, RESEAU_VALUE_EMAIL, " jean@example.com ");
  test_contact_add_value (contact, RESEAU_VALUE_EMAIL, "zoë.ﬁ@exämple.fr");
  while (reseau_contact_get_values (contact)->len < RESEAU_MAX_VALUES)
    test_contact_add_value (contact, RESEAU_VALUE_PHONE, "+33 (0)6 12-34.56 78");

  loaded = test_load (fixture->store, test_save (fixture->store, contact));
  g_assert_cmpstr (reseau_contact_get_text (loaded, RESEAU_FIELD_GIVEN), ==, long_name->str);
  g_assert_cmpstr (reseau_contact_get_text (loaded, RESEAU_FIELD_FAMILY), ==, "Dupont");
  g_assert_cmpstr (reseau_contact_get_text (loaded, RESEAU_FIELD_BIRTHDAY), ==, "2024-02-29");
  g_assert_cmpstr (reseau_contact_get_text (loaded, RESEAU_FIELD_MET_ON), ==, "");
  g_assert_cmpstr (reseau_contact_get_text (loaded, RESEAU_FIELD_NOTES), ==, "Line one\n\tLine two");
  values = reseau_contact_get_values (loaded);
  /* The blank email row is dropped. */
  g_assert_cmpuint (values->len, ==, RESEAU_MAX_VALUES - 1);
  g_assert_cmpstr (((ReseauContactValue *)g_ptr_array_index (values, 0))->value, ==, "https://linkedin.com/in/jdupont");
  g_assert_cmpint (((ReseauContactValue *)g_ptr_array_index (values, 0))->type, ==, RESEAU_VALUE_TYPE_PROFILE);
  g_assert_cmpstr (((ReseauContactValue *)g_ptr_array_index (values, 1))->value, ==, "jean@example.com");
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, TestFixture, NULL, test_fixture_set_up_store, func, test_fixture_tear_down)

  ADD ("/store/history/none-on-creation", test_history_none_on_creation);
  ADD ("/store/history/none-when-unchanged", test_history_none_when_unchanged);
  ADD ("/store/history/changes", test_history_changes);
  ADD ("/store/history/emails-added-removed", test_history_emails_added_removed);
  ADD ("/store/history/today", test_history_today);
  ADD ("/store/interactions/last-contacted", test_interactions_last_contacted);
  ADD ("/store/interactions/refused", test_interactions_refused);
  ADD ("/store/trash/restore", test_trash_restore);
  ADD ("/store/trash/purge", test_trash_purge);
  ADD ("/store/refuse/unknown-introducer", test_refuse_unknown_introducer);
  ADD ("/store/accept/limits", test_accept_limits);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (refuse_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/store/refuse/", refuse_cases[i].name, NULL);

      g_test_add (path, TestFixture, &refuse_cases[i], test_fixture_set_up_store, test_refuse,
                  test_fixture_tear_down);
    }

  return g_test_run ();
}
