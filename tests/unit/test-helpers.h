/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-helpers.h — what the unit tests of src/core share: a store in a temporary folder,
 * contacts built in one call, and snapshots to prove that something did not change. */

#pragma once

#include "reseau-store.h"
#include "reseau-validate.h"

G_BEGIN_DECLS

/* Each test gets its own temporary folder, removed with everything in it afterwards. */
typedef struct
{
  char        *dir;
  char        *path;  /* dir/reseau.db, not created by test_fixture_set_up_dir() */
  ReseauStore *store; /* NULL after test_fixture_set_up_dir() */
} TestFixture;

void           test_fixture_set_up_dir    (TestFixture    *fixture,
                                           gconstpointer   data);
void           test_fixture_set_up_store  (TestFixture    *fixture,
                                           gconstpointer   data);
void           test_fixture_tear_down     (TestFixture    *fixture,
                                           gconstpointer   data);
void           test_init                  (int            *argc,
                                           char         ***argv);

/* test_contact_new ("given-name", "Frédéric", "family-name", "Martinet", NULL) */
ReseauContact *test_contact_new           (const char     *first_property,
                                           ...) G_GNUC_NULL_TERMINATED;
void           test_contact_add_value     (ReseauContact  *contact,
                                           ReseauValueKind kind,
                                           const char     *value);
void           test_contact_add_address   (ReseauContact  *contact,
                                           const char     *street,
                                           const char     *locality,
                                           const char     *country);
/* Saves @contact, failing the test on error; returns its id. */
gint64         test_save                  (ReseauStore    *store,
                                           ReseauContact  *contact);
/* A saved contact with a given name, a family name and an organisation (each may be NULL). */
gint64         test_add_person            (ReseauStore    *store,
                                           const char     *given,
                                           const char     *family,
                                           const char     *organization);
ReseauContact *test_load                  (ReseauStore    *store,
                                           gint64          id);

/* The names reseau_store_list() returns, in order, as "Anna Blum, Bruno Petit". */
char          *test_list_names            (ReseauStore    *store,
                                           ReseauSortOrder order,
                                           const char     *search);

#define test_assert_list(store, order, search, expected) G_STMT_START { \
    g_autofree char *names_ = test_list_names ((store), (order), (search)); \
    g_assert_cmpstr (names_, ==, (expected)); \
  } G_STMT_END

/* Every row of every table (the search index's own tables included), as text. */
char          *test_dump_database         (ReseauStore    *store);
gint64         test_query_int             (ReseauStore    *store,
                                           const char     *sql);

/* Size, modification time, a checksum of the contents and the names of the files beside
 * it: two equal descriptions mean nobody touched the file or its folder. */
char          *test_describe_file         (const char     *path);
/* Sets the modification time to a fixed past date, so that a write within the same second
 * as the file's creation still shows. */
void           test_age_file              (const char     *path);

G_END_DECLS
