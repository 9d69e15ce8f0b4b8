/* SPDX-License-Identifier: GPL-3.0-or-later */

/* reseau-seed --data-dir DIR FILE.ini
 *
 * Loads a network described in a key file (see tests/fixtures/demo-network.ini for the format)
 * into DIR/reseau.db through the store API, in one transaction: either every contact is
 * there afterwards or none is. Used by `build-aux/dev run --demo` and screenshot.py.
 */

#define G_LOG_DOMAIN "reseau-seed"

#include "config.h"

#include <locale.h>

#include "reseau-store.h"
#include "reseau-validate.h"

typedef struct
{
  const char   *path;
  GKeyFile     *file;
  ReseauStore  *store;
  GHashTable   *ids;  /* contact key → gint64 * */
} Seed;

static const struct
{
  const char      *key;
  ReseauTextField  field;
} text_keys[] = {
  { "display_name", RESEAU_FIELD_DISPLAY_NAME },
  { "prefix", RESEAU_FIELD_PREFIX },
  { "given", RESEAU_FIELD_GIVEN },
  { "additional", RESEAU_FIELD_ADDITIONAL },
  { "family", RESEAU_FIELD_FAMILY },
  { "suffix", RESEAU_FIELD_SUFFIX },
  { "nickname", RESEAU_FIELD_NICKNAME },
  { "organization", RESEAU_FIELD_ORGANIZATION },
  { "department", RESEAU_FIELD_DEPARTMENT },
  { "title", RESEAU_FIELD_TITLE },
  { "birthday", RESEAU_FIELD_BIRTHDAY },
  { "notes", RESEAU_FIELD_NOTES },
  { "met_where", RESEAU_FIELD_MET_WHERE },
  { "met_on", RESEAU_FIELD_MET_ON },
};

static const char * const other_keys[] = {
  "emails", "phones", "urls", "locality", "region", "country", "tie", "introduced_by",
  "interactions", "previous_organization", "previous_title", "changed_on",
};

static const char * const interaction_kinds[] = { NULL, "meeting", "call", "message", "note" };

#define CONTACT_PREFIX "contact:"
#define CIRCLE_PREFIX "circle:"

static void
prefix_error (GError     **error,
              Seed        *seed,
              const char  *group,
              const char  *key)
{
  if (key != NULL)
    g_prefix_error (error, "%s: [%s] %s: ", seed->path, group, key);
  else
    g_prefix_error (error, "%s: [%s]: ", seed->path, group);
}

static gboolean
set_error (GError     **error,
           Seed        *seed,
           const char  *group,
           const char  *key,
           const char  *message)
{
  g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, message);
  prefix_error (error, seed, group, key);
  return FALSE;
}

/* A missing key is not an error: *@value is then %NULL. */
static gboolean
get_string (Seed        *seed,
            const char  *group,
            const char  *key,
            char       **value,
            GError     **error)
{
  *value = NULL;
  if (!g_key_file_has_key (seed->file, group, key, NULL))
    return TRUE;
  if ((*value = g_key_file_get_string (seed->file, group, key, error)) == NULL)
    {
      prefix_error (error, seed, group, key);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_keys (Seed        *seed,
            const char  *group,
            GError     **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (seed->file, group, NULL, NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gboolean known = g_strv_contains ((const char * const *)other_keys, keys[i]);

      for (guint j = 0; !known && j < G_N_ELEMENTS (text_keys); j++)
        known = strcmp (text_keys[j].key, keys[i]) == 0;
      if (!known)
        return set_error (error, seed, group, keys[i], "unknown key");
    }
  return TRUE;
}

static gboolean
read_text_fields (Seed           *seed,
                  const char     *group,
                  ReseauContact  *contact,
                  GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    {
      ReseauTextField field = text_keys[i].field;
      g_autofree char *value = NULL;
      gboolean ok;

      if (!get_string (seed, group, text_keys[i].key, &value, error))
        return FALSE;
      if (value == NULL)
        continue;
      ok = reseau_validate_text (reseau_text_field_label (field), value, field == RESEAU_FIELD_NOTES,
                                 field == RESEAU_FIELD_NOTES ? RESEAU_MAX_NOTES_LENGTH : RESEAU_MAX_LINE_LENGTH,
                                 error);
      if (ok && (field == RESEAU_FIELD_MET_ON || field == RESEAU_FIELD_BIRTHDAY))
        ok = reseau_validate_date (reseau_text_field_label (field), value, error);
      if (!ok)
        {
          prefix_error (error, seed, group, text_keys[i].key);
          return FALSE;
        }
      reseau_contact_set_text (contact, field, value);
    }
  return TRUE;
}

/* "work:someone@example.org" → WORK and the address. A prefix that is not a type name is
 * part of the value, so "https://…" stays whole. */
static ReseauValueType
split_type (const char  *entry,
            const char **value)
{
  const char *colon = strchr (entry, ':');
  g_autofree char *prefix = colon ? g_strndup (entry, colon - entry) : NULL;
  ReseauValueType type = reseau_value_type_from_string (prefix);

  if (prefix != NULL && g_ascii_strcasecmp (reseau_value_type_to_string (type), prefix) == 0)
    {
      *value = colon + 1;
      return type;
    }
  *value = entry;
  return RESEAU_VALUE_TYPE_OTHER;
}

static gboolean
check_value (ReseauValueKind   kind,
             const char       *value,
             GError          **error)
{
  g_autofree char *url = NULL;

  switch (kind)
    {
    case RESEAU_VALUE_EMAIL:
      return reseau_validate_email (value, error);
    case RESEAU_VALUE_PHONE:
      return reseau_validate_phone (value, error);
    case RESEAU_VALUE_URL:
      url = reseau_normalize_url (value, error);
      return url != NULL;
    case RESEAU_VALUE_ADDRESS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_values (Seed             *seed,
             const char       *group,
             const char       *key,
             ReseauValueKind   kind,
             ReseauContact    *contact,
             GError          **error)
{
  g_auto(GStrv) entries = NULL;

  if (!g_key_file_has_key (seed->file, group, key, NULL))
    return TRUE;
  entries = g_key_file_get_string_list (seed->file, group, key, NULL, error);
  if (entries == NULL)
    {
      prefix_error (error, seed, group, key);
      return FALSE;
    }
  for (guint i = 0; entries[i] != NULL; i++)
    {
      const char *value;
      ReseauValueType type = split_type (entries[i], &value);

      if (!check_value (kind, value, error))
        {
          prefix_error (error, seed, group, key);
          return FALSE;
        }
      reseau_contact_add_value (contact, reseau_contact_value_new (kind, type, value));
    }
  return TRUE;
}

/* Where someone is based is kept as a work address without a street. */
static gboolean
read_place (Seed           *seed,
            const char     *group,
            ReseauContact  *contact,
            GError        **error)
{
  g_autofree char *locality = NULL;
  g_autofree char *region = NULL;
  g_autofree char *country = NULL;
  ReseauContactValue *place;

  if (!get_string (seed, group, "locality", &locality, error) ||
      !get_string (seed, group, "region", &region, error) ||
      !get_string (seed, group, "country", &country, error))
    return FALSE;
  if (locality == NULL && region == NULL && country == NULL)
    return TRUE;
  place = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK, "");
  place->locality = g_steal_pointer (&locality);
  place->region = g_steal_pointer (&region);
  place->country = g_steal_pointer (&country);
  reseau_contact_add_value (contact, place);
  return TRUE;
}

static gboolean
read_tie (Seed           *seed,
          const char     *group,
          ReseauContact  *contact,
          GError        **error)
{
  static const char * const ties[] = { "unknown", "close", "regular", "weak" };
  g_autofree char *tie = NULL;

  if (!get_string (seed, group, "tie", &tie, error))
    return FALSE;
  if (tie == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (ties); i++)
    if (strcmp (tie, ties[i]) == 0)
      {
        reseau_contact_set_tie (contact, i);
        return TRUE;
      }
  return set_error (error, seed, group, "tie", "must be close, regular or weak");
}

static ReseauContact *
read_contact (Seed        *seed,
              const char  *group,
              GError     **error)
{
  g_autoptr(ReseauContact) contact = reseau_contact_new ();

  if (!check_keys (seed, group, error) ||
      !read_text_fields (seed, group, contact, error) ||
      !read_values (seed, group, "emails", RESEAU_VALUE_EMAIL, contact, error) ||
      !read_values (seed, group, "phones", RESEAU_VALUE_PHONE, contact, error) ||
      !read_values (seed, group, "urls", RESEAU_VALUE_URL, contact, error) ||
      !read_place (seed, group, contact, error) ||
      !read_tie (seed, group, contact, error))
    return NULL;
  return g_steal_pointer (&contact);
}

/* A job change: the card is first saved as it was, then with today's values on
 * @changed_on, so that the store records the history itself. */
static gint64
save_with_career (Seed           *seed,
                  const char     *group,
                  ReseauContact  *contact,
                  GError        **error)
{
  g_autofree char *previous_org = NULL;
  g_autofree char *previous_title = NULL;
  g_autofree char *changed_on = NULL;
  g_autofree char *org = g_strdup (reseau_contact_get_text (contact, RESEAU_FIELD_ORGANIZATION));
  g_autofree char *title = g_strdup (reseau_contact_get_text (contact, RESEAU_FIELD_TITLE));

  if (!get_string (seed, group, "previous_organization", &previous_org, error) ||
      !get_string (seed, group, "previous_title", &previous_title, error) ||
      !get_string (seed, group, "changed_on", &changed_on, error))
    return 0;
  if ((previous_org != NULL || previous_title != NULL) != (changed_on != NULL))
    {
      set_error (error, seed, group,
                 changed_on ? "changed_on" : previous_org ? "previous_organization" : "previous_title",
                 "previous_organization or previous_title and changed_on go together");
      return 0;
    }
  if (changed_on != NULL && !reseau_validate_date ("changed_on", changed_on, error))
    {
      prefix_error (error, seed, group, "changed_on");
      return 0;
    }

  if (changed_on != NULL)
    {
      if (previous_org != NULL)
        reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, previous_org);
      if (previous_title != NULL)
        reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, previous_title);
      if (reseau_store_save_contact (seed->store, contact, changed_on, error) == 0)
        goto fail;
      reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, org);
      reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, title);
    }
  if (reseau_store_save_contact (seed->store, contact, changed_on, error) == 0)
    goto fail;
  return reseau_contact_get_id (contact);

fail:
  prefix_error (error, seed, group, NULL);
  return 0;
}

static gboolean
add_interactions (Seed        *seed,
                  const char  *group,
                  gint64       id,
                  GError     **error)
{
  g_auto(GStrv) entries = NULL;

  if (!g_key_file_has_key (seed->file, group, "interactions", NULL))
    return TRUE;
  if ((entries = g_key_file_get_string_list (seed->file, group, "interactions", NULL, error)) == NULL)
    goto fail;
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], "|", 3);
      ReseauInteractionKind kind = 0;

      for (guint k = 1; k < G_N_ELEMENTS (interaction_kinds) && parts[0] != NULL; k++)
        if (strcmp (parts[0], interaction_kinds[k]) == 0)
          kind = k;
      if (kind == 0 || g_strv_length (parts) != 3)
        {
          g_autofree char *message = g_strdup_printf ("entry %u, “%s”: expected kind|YYYY-MM-DD|text "
                                                      "with kind meeting, call, message or note",
                                                      i + 1, entries[i]);
          return set_error (error, seed, group, "interactions", message);
        }
      if (reseau_store_add_interaction (seed->store, id, kind, parts[1], parts[2], error) == 0)
        {
          g_prefix_error (error, "entry %u: ", i + 1);
          goto fail;
        }
    }
  return TRUE;

fail:
  prefix_error (error, seed, group, "interactions");
  return FALSE;
}

static gboolean
load_contacts (Seed    *seed,
               GStrv    groups,
               GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(ReseauContact) contact = NULL;
      gint64 id;

      if (g_str_has_prefix (groups[i], CIRCLE_PREFIX))
        continue;
      if (!g_str_has_prefix (groups[i], CONTACT_PREFIX) || groups[i][strlen (CONTACT_PREFIX)] == '\0')
        return set_error (error, seed, groups[i], NULL,
                          "unknown group: expected [contact:KEY] or [circle:KEY]");
      if ((contact = read_contact (seed, groups[i], error)) == NULL ||
          (id = save_with_career (seed, groups[i], contact, error)) == 0 ||
          !add_interactions (seed, groups[i], id, error))
        return FALSE;
      g_hash_table_insert (seed->ids, g_strdup (groups[i] + strlen (CONTACT_PREFIX)),
                           g_memdup2 (&id, sizeof id));
    }
  return TRUE;
}

/* Introductions may point to a contact further down the file: they are resolved once every
 * contact has its id. */
static gboolean
resolve_introductions (Seed    *seed,
                       GStrv    groups,
                       GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *introducer = NULL;
      g_autoptr(ReseauContact) contact = NULL;
      const gint64 *introducer_id, *id;

      if (!g_str_has_prefix (groups[i], CONTACT_PREFIX))
        continue;
      if (!get_string (seed, groups[i], "introduced_by", &introducer, error))
        return FALSE;
      if (introducer == NULL)
        continue;
      introducer_id = g_hash_table_lookup (seed->ids, introducer);
      id = g_hash_table_lookup (seed->ids, groups[i] + strlen (CONTACT_PREFIX));
      if (introducer_id == NULL || *introducer_id == *id)
        return set_error (error, seed, groups[i], "introduced_by",
                          introducer_id ? "a contact cannot introduce themselves"
                                        : "no [contact:…] group has this key");
      if ((contact = reseau_store_load_contact (seed->store, *id, TRUE, error)) == NULL)
        return FALSE;
      reseau_contact_set_introduced_by (contact, *introducer_id);
      if (reseau_store_save_contact (seed->store, contact, NULL, error) == 0)
        {
          prefix_error (error, seed, groups[i], "introduced_by");
          return FALSE;
        }
    }
  return TRUE;
}

/* The fixture's kinds are those people use; the store keeps five. */
static const struct
{
  const char       *name;
  ReseauCircleKind  kind;
} circle_kinds[] = {
  { "project", RESEAU_CIRCLE_PROJECT },
  { "interest", RESEAU_CIRCLE_INTEREST },
  { "community", RESEAU_CIRCLE_COMMUNITY },
  { "alumni", RESEAU_CIRCLE_COMMUNITY },
  { "region", RESEAU_CIRCLE_REGION },
  { "place", RESEAU_CIRCLE_REGION },
  { "event", RESEAU_CIRCLE_OTHER },
  { "personal", RESEAU_CIRCLE_OTHER },
  { "other", RESEAU_CIRCLE_OTHER },
};

static ReseauCircle *
read_circle (Seed        *seed,
             const char  *group,
             GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *color = NULL;
  g_autofree char *emoji = NULL;
  g_autofree char *cadence = NULL;
  g_autoptr(ReseauCircle) circle = NULL;
  guint64 days = 0;
  gboolean known = FALSE;

  if (!get_string (seed, group, "name", &name, error) ||
      !get_string (seed, group, "kind", &kind, error) ||
      !get_string (seed, group, "color", &color, error) ||
      !get_string (seed, group, "emoji", &emoji, error) ||
      !get_string (seed, group, "cadence", &cadence, error))
    return NULL;
  if (name == NULL)
    {
      set_error (error, seed, group, "name", "a circle needs a name");
      return NULL;
    }
  circle = reseau_circle_new (name);
  for (guint k = 0; kind != NULL && k < G_N_ELEMENTS (circle_kinds); k++)
    if (strcmp (kind, circle_kinds[k].name) == 0)
      {
        reseau_circle_set_kind (circle, circle_kinds[k].kind);
        known = TRUE;
      }
  if (kind != NULL && !known)
    {
      set_error (error, seed, group, "kind", "unknown kind");
      return NULL;
    }
  if (cadence != NULL && (!g_ascii_string_to_unsigned (cadence, 10, 1, 3650, &days, NULL)))
    {
      set_error (error, seed, group, "cadence", "must be a number of days from 1 to 3650");
      return NULL;
    }
  reseau_circle_set_color (circle, color);
  reseau_circle_set_emoji (circle, emoji);
  reseau_circle_set_cadence_days (circle, (guint) days);
  return g_steal_pointer (&circle);
}

/* [circle:KEY] groups, once every contact has its id. */
static gboolean
load_circles (Seed    *seed,
              GStrv    groups,
              GError **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(ReseauCircle) circle = NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_auto(GStrv) members = NULL;
      gint64 circle_id;

      if (!g_str_has_prefix (groups[i], CIRCLE_PREFIX))
        continue;
      if ((circle = read_circle (seed, groups[i], error)) == NULL)
        return FALSE;
      if (g_key_file_has_key (seed->file, groups[i], "members", NULL) &&
          (members = g_key_file_get_string_list (seed->file, groups[i], "members", NULL, error)) == NULL)
        {
          prefix_error (error, seed, groups[i], "members");
          return FALSE;
        }
      for (guint m = 0; members != NULL && members[m] != NULL; m++)
        {
          const gint64 *id = g_hash_table_lookup (seed->ids, members[m]);

          if (id == NULL)
            {
              g_autofree char *message = g_strdup_printf ("“%s” is not the key of a contact", members[m]);
              return set_error (error, seed, groups[i], "members", message);
            }
          g_array_append_val (ids, *id);
        }
      if ((circle_id = reseau_store_save_circle (seed->store, circle, error)) == 0 ||
          !reseau_store_add_to_circle (seed->store, circle_id, (const gint64 *)(gpointer) ids->data,
                                       ids->len, NULL, NULL, error))
        {
          prefix_error (error, seed, groups[i], NULL);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
seed_store (Seed    *seed,
            GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (seed->file, NULL);

  if (!reseau_store_begin (seed->store, error))
    return FALSE;
  if (!load_contacts (seed, groups, error) ||
      !resolve_introductions (seed, groups, error) ||
      !load_circles (seed, groups, error) ||
      !reseau_store_commit (seed->store, error))
    {
      reseau_store_rollback (seed->store);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "Seed DIR/reseau.db", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.ini — load a network into a Réseau database");
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(ReseauStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  Seed seed = { NULL };

  /* Sort keys follow the collation of the locale: seed in the one the app will run in. */
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || data_dir == NULL || argc != 2)
    {
      if (error != NULL)
        g_printerr ("reseau-seed: %s\n", error->message);
      g_printerr ("Usage: reseau-seed --data-dir DIR FILE.ini\n");
      return 2;
    }

  seed.path = argv[1];
  if (!g_key_file_load_from_file (file, seed.path, G_KEY_FILE_NONE, &error))
    {
      g_printerr ("reseau-seed: %s: %s\n", seed.path, error->message);
      return 1;
    }
  db_path = g_build_filename (data_dir, "reseau.db", NULL);
  if ((store = reseau_store_open (db_path, &error)) == NULL)
    {
      g_printerr ("reseau-seed: %s\n", error->message);
      return 1;
    }
  seed.file = file;
  seed.store = store;
  seed.ids = ids;
  if (!seed_store (&seed, &error))
    {
      g_printerr ("reseau-seed: %s\nNothing was written to %s.\n", error->message, db_path);
      return 1;
    }
  g_print ("%u contacts from %s are in %s\n", g_hash_table_size (ids), seed.path, db_path);
  return 0;
}
