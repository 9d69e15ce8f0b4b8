/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-import-match"

#include "config.h"

#include "reseau-import-match.h"
#include "reseau-text.h"
#include "reseau-validate.h"

/* A profile link as a key: no scheme (http and https are one page), the host in lower case
 * without "www.", no trailing slash, no query or fragment (tracking parameters). */
char *
reseau_import_profile_key (const char *url)
{
  const char *p = strstr (url, "://");
  const char *path;
  g_autofree char *host = NULL;
  g_autofree char *rest = NULL;
  gsize len;

  p = p != NULL ? p + 3 : url;
  path = p + strcspn (p, "/?#");
  host = g_ascii_strdown (p, path - p);
  len = strcspn (path, "?#");
  while (len > 0 && path[len - 1] == '/')
    len--;
  rest = g_strndup (path, len);
  return g_strconcat (g_str_has_prefix (host, "www.") ? host + 4 : host, rest, NULL);
}

/* The match keys, one per way of recognising a person: see reseau_import_match_keys(). The
 * import builds the same keys from the database's columns (reseau_store_scan_identities()). */
char *
reseau_import_profile_match_key (const char *url)
{
  g_autofree char *profile = reseau_import_profile_key (url);

  return g_strconcat ("u:", profile, NULL);
}

char *
reseau_import_email_match_key (const char *email)
{
  g_autofree char *lower = g_utf8_strdown (email, -1);

  return g_strconcat ("e:", lower, NULL);
}

/* %NULL for a contact without given or family name. */
char *
reseau_import_name_match_key (const char *given,
                              const char *family,
                              const char *organization)
{
  g_autofree char *name = g_strjoin (" ", given, family, NULL);
  g_autofree char *folded = reseau_text_fold (g_strstrip (name));
  g_autofree char *org = NULL;

  if (folded[0] == '\0')
    return NULL;
  org = reseau_text_fold (organization);
  return g_strconcat ("n:", folded, "\x1f", org, NULL);
}

/**
 * reseau_import_match_keys:
 *
 * Returns: (transfer full) (element-type utf8): the keys that identify @contact, strongest
 *   first: "u:" profile links, then "e:" emails in lower case, then "n:" the folded name with
 *   the organisation. Two contacts sharing a key are the same person.
 */
GPtrArray *
reseau_import_match_keys (ReseauContact *contact)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *values = reseau_contact_get_values (contact);
  char *key;

  for (guint i = 0; i < values->len; i++)
    {
      ReseauContactValue *v = g_ptr_array_index (values, i);

      if (v->kind == RESEAU_VALUE_URL && v->type == RESEAU_VALUE_TYPE_PROFILE)
        g_ptr_array_add (keys, reseau_import_profile_match_key (v->value));
    }
  for (guint i = 0; i < values->len; i++)
    {
      ReseauContactValue *v = g_ptr_array_index (values, i);

      if (v->kind == RESEAU_VALUE_EMAIL)
        g_ptr_array_add (keys, reseau_import_email_match_key (v->value));
    }
  key = reseau_import_name_match_key (reseau_contact_get_text (contact, RESEAU_FIELD_GIVEN),
                                      reseau_contact_get_text (contact, RESEAU_FIELD_FAMILY),
                                      reseau_contact_get_text (contact, RESEAU_FIELD_ORGANIZATION));
  if (key != NULL)
    g_ptr_array_add (keys, key);
  return keys;
}

static gboolean
same_value (const ReseauContactValue *a,
            const ReseauContactValue *b)
{
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == RESEAU_VALUE_EMAIL)
    return g_ascii_strcasecmp (a->value, b->value) == 0;
  if (a->kind == RESEAU_VALUE_URL)
    {
      g_autofree char *ka = reseau_import_profile_key (a->value);
      g_autofree char *kb = reseau_import_profile_key (b->value);

      return g_strcmp0 (ka, kb) == 0;
    }
  if (a->kind == RESEAU_VALUE_ADDRESS)
    return reseau_contact_value_equal (a, b);
  return g_strcmp0 (a->value, b->value) == 0;
}

static gboolean
has_value (ReseauContact            *contact,
           const ReseauContactValue *value)
{
  GPtrArray *values = reseau_contact_get_values (contact);

  for (guint i = 0; i < values->len; i++)
    if (same_value (g_ptr_array_index (values, i), value))
      return TRUE;
  return FALSE;
}

static gboolean
merge_extra (ReseauContact *target,
             ReseauContact *source)
{
  const char * const *old = reseau_contact_get_extra_vcard (target);
  const char * const *extra = reseau_contact_get_extra_vcard (source);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean changed = FALSE;

  if (extra == NULL)
    return FALSE;
  builder = g_strv_builder_new ();
  if (old != NULL)
    g_strv_builder_addv (builder, (const char **)old);
  for (guint i = 0; extra[i] != NULL; i++)
    if (old == NULL || !g_strv_contains (old, extra[i]))
      {
        g_strv_builder_add (builder, extra[i]);
        changed = TRUE;
      }
  if (!changed)
    return FALSE;
  lines = g_strv_builder_end (builder);
  reseau_contact_set_extra_vcard (target, (const char * const *)lines);
  return TRUE;
}

static gboolean
is_name_field (ReseauTextField field)
{
  return field <= RESEAU_FIELD_SUFFIX;
}

static gboolean
has_name (ReseauContact *contact)
{
  for (ReseauTextField f = 0; is_name_field (f); f++)
    if (reseau_contact_get_text (contact, f)[0] != '\0')
      return TRUE;
  return FALSE;
}

/**
 * reseau_import_merge:
 *
 * Brings what @source knows into @target: empty fields are filled, values and unknown vCard
 * properties not yet there are added (never twice), and a different organisation or title
 * replaces the old one, since the newer file knows the person's current job. The name is
 * taken as a whole, and only by a card without one: mixing the parts of two spellings
 * ("Bob" with "Robert Smith") would rename the person.
 *
 * Returns: whether @target changed
 */
gboolean
reseau_import_merge (ReseauContact *target,
                     ReseauContact *source)
{
  GPtrArray *values = reseau_contact_get_values (source);
  gboolean named = has_name (target);
  gboolean changed = FALSE;

  for (ReseauTextField f = 0; f < RESEAU_N_TEXT_FIELDS; f++)
    {
      const char *old = reseau_contact_get_text (target, f);
      const char *text = reseau_contact_get_text (source, f);
      gboolean job = f == RESEAU_FIELD_ORGANIZATION || f == RESEAU_FIELD_TITLE;

      if (named && is_name_field (f))
        continue;
      if (text[0] != '\0' && g_strcmp0 (old, text) != 0 && (old[0] == '\0' || job))
        {
          reseau_contact_set_text (target, f, text);
          changed = TRUE;
        }
    }
  for (guint i = 0; i < values->len; i++)
    {
      ReseauContactValue *v = g_ptr_array_index (values, i);

      if (reseau_contact_get_values (target)->len < RESEAU_MAX_VALUES && !has_value (target, v))
        {
          reseau_contact_add_value (target, reseau_contact_value_copy (v));
          changed = TRUE;
        }
    }
  if (reseau_contact_get_photo (target) == NULL && reseau_contact_get_photo (source) != NULL)
    {
      reseau_contact_set_photo (target, reseau_contact_get_photo (source));
      changed = TRUE;
    }
  return merge_extra (target, source) || changed;
}
