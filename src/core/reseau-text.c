/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-text"

#include "config.h"

#include "reseau-text.h"

/**
 * reseau_text_fold:
 *
 * Case-folds @text and strips its diacritics ("Frédéric" → "frederic"), so that sorting,
 * sections and matching ignore accents the way users expect.
 */
char *
reseau_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  /* ASCII has nothing to decompose, and folds to its lower case: most text, and a good part
   * of every contact saved (emails, names, the sort keys), takes this way. */
  for (const char *p = text;; p++)
    {
      if (*p == '\0')
        return g_ascii_strdown (text, p - text);
      if ((guchar)*p >= 0x80)
        break;
    }

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      /* Ligatures and letters without a decomposition that users type with plain letters. */
      switch (c)
        {
        case 0x00E6: g_string_append (out, "ae"); continue;  /* æ */
        case 0x0153: g_string_append (out, "oe"); continue;  /* œ */
        case 0x00F8: g_string_append_c (out, 'o'); continue; /* ø */
        case 0x0142: g_string_append_c (out, 'l'); continue; /* ł */
        case 0x00DF: g_string_append (out, "ss"); continue;  /* ß */
        default: break;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * reseau_text_sort_key:
 *
 * A key that sorts with memcmp() in the current locale's order, ignoring case and accents
 * first and using the original spelling only to break ties, so that "Émilie" files under E
 * next to "Emilie" whatever the locale's own rules for accents are.
 */
char *
reseau_text_sort_key (const char *text)
{
  g_autofree char *folded = reseau_text_fold (text);
  g_autofree char *primary = g_utf8_collate_key (folded, -1);
  g_autofree char *secondary = g_utf8_collate_key (text ? text : "", -1);

  /* "\001" sorts below any byte a collation key contains, so a key that is a prefix of
   * another sorts first. */
  return g_strconcat (primary, "\001", secondary, NULL);
}

/* The letter a name is filed under in the list's section headers, or "#". */
char *
reseau_text_initial (const char *text)
{
  g_autofree char *folded = reseau_text_fold (text);
  gunichar c;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        continue;
      if (g_unichar_isalpha (c))
        {
          char buf[8] = { 0 };

          g_unichar_to_utf8 (g_unichar_toupper (c), buf);
          return g_strdup (buf);
        }
      break;
    }
  return g_strdup ("#");
}

/**
 * reseau_text_fts_query:
 *
 * Turns what the user typed into an FTS5 query in which every word must match as a prefix.
 * Each word is quoted, so FTS5 operators and punctuation the user types are searched for,
 * not interpreted. The words are folded with reseau_text_fold(), as the indexed text is.
 * Returns %NULL when nothing searchable remains.
 */
char *
reseau_text_fts_query (const char *user_query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  GString *query;

  if (user_query == NULL || !g_utf8_validate (user_query, -1, NULL))
    return NULL;

  folded = reseau_text_fold (user_query);
  words = g_strsplit_set (folded, " \t\n\r", -1);
  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_word_char = FALSE;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        has_word_char |= g_unichar_isalnum (g_utf8_get_char (p));
      if (!has_word_char)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

/* Today's date in local time, as YYYY-MM-DD. */
char *
reseau_text_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
