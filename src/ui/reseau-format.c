/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-format"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "reseau-format.h"

static GDateTime *
parse_date (const char *iso_date)
{
  int y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

/* "14 March 2026" in the user's language. */
char *
reseau_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = parse_date (iso_date);

  if (date == NULL)
    return g_strdup (iso_date ? iso_date : "");
  /* Translators: a full date, see strftime(3); "%-d %B %Y" gives "14 March 2026" */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* "March 2026" in the user's language. */
char *
reseau_format_month (const char *iso_date)
{
  g_autoptr(GDateTime) date = parse_date (iso_date);

  if (date == NULL)
    return g_strdup (iso_date ? iso_date : "");
  /* Translators: a month and a year, see strftime(3) */
  return g_date_time_format (date, _("%B %Y"));
}

/* "Product Manager at Dassault Systèmes". */
char *
reseau_format_position (const ReseauPosition *position)
{
  gboolean has_title = position->title && *position->title;
  gboolean has_org = position->organization && *position->organization;

  if (has_title && has_org)
    /* Translators: a job title, then an organization */
    return g_strdup_printf (_("%s at %s"), position->title, position->organization);
  return g_strdup (has_title ? position->title : position->organization);
}

/* "Since March 2026", "2021 – 2026", "Until 2026". */
char *
reseau_format_period (const ReseauPosition *position,
                      gboolean              current)
{
  if (current)
    {
      g_autofree char *month = NULL;

      if (position->since == NULL)
        return g_strdup (_("Current position"));
      month = reseau_format_month (position->since);
      /* Translators: %s is a month and a year */
      return g_strdup_printf (_("Current position, since %s"), month);
    }
  if (position->since != NULL && position->until != NULL)
    {
      if (strncmp (position->since, position->until, 4) == 0)
        return g_strndup (position->since, 4);
      /* Translators: a span of years, like "2021 – 2026" */
      return g_strdup_printf (_("%.4s – %.4s"), position->since, position->until);
    }
  if (position->until != NULL)
    {
      g_autofree char *month = reseau_format_month (position->until);
      /* Translators: %s is a month and a year */
      return g_strdup_printf (_("Until %s"), month);
    }
  return g_strdup ("");
}

const char *
reseau_format_tie (ReseauTie tie)
{
  switch (tie)
    {
    case RESEAU_TIE_CLOSE:   return _("Close tie");
    case RESEAU_TIE_REGULAR: return _("Regular tie");
    case RESEAU_TIE_WEAK:    return _("Weak tie");
    case RESEAU_TIE_UNKNOWN:
    default:
      return NULL;
    }
}

const char *
reseau_format_value_type (const ReseauContactValue *value)
{
  switch (value->type)
    {
    case RESEAU_VALUE_TYPE_WORK:    return C_("value type", "Work");
    case RESEAU_VALUE_TYPE_HOME:    return C_("value type", "Home");
    case RESEAU_VALUE_TYPE_MOBILE:  return C_("value type", "Mobile");
    case RESEAU_VALUE_TYPE_PROFILE: return C_("value type", "Profile");
    case RESEAU_VALUE_TYPE_OTHER:
    default:
      return C_("value type", "Other");
    }
}

char *
reseau_format_address (const ReseauContactValue *value)
{
  g_autoptr(GString) text = g_string_new (value->value);
  g_autofree char *city = g_strjoin (" ", value->postal_code ? value->postal_code : "",
                                     value->locality ? value->locality : "", NULL);
  const char *rest[] = { g_strstrip (city), value->region, value->country };

  for (guint i = 0; i < G_N_ELEMENTS (rest); i++)
    {
      if (rest[i] == NULL || rest[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, rest[i]);
    }
  return g_string_free_and_steal (g_steal_pointer (&text));
}

char *
reseau_format_email_change (const ReseauHistoryEntry *entry)
{
  if (entry->old_value[0] != '\0' && entry->new_value[0] != '\0')
    /* Translators: an email address replaced by another */
    return g_strdup_printf (_("Email changed from %s to %s"), entry->old_value, entry->new_value);
  if (entry->new_value[0] != '\0')
    return g_strdup_printf (_("New email %s"), entry->new_value);
  return g_strdup_printf (_("Email %s removed"), entry->old_value);
}

const char *
reseau_format_interaction_kind (ReseauInteractionKind kind)
{
  switch (kind)
    {
    case RESEAU_INTERACTION_MEETING: return C_("interaction", "Meeting");
    case RESEAU_INTERACTION_CALL:    return C_("interaction", "Call");
    case RESEAU_INTERACTION_MESSAGE: return C_("interaction", "Message");
    case RESEAU_INTERACTION_NOTE:
    default:
      return C_("interaction", "Note");
    }
}

const char *
reseau_format_interaction_icon (ReseauInteractionKind kind)
{
  switch (kind)
    {
    case RESEAU_INTERACTION_MEETING: return "x-office-calendar-symbolic";
    case RESEAU_INTERACTION_CALL:    return "call-start-symbolic";
    case RESEAU_INTERACTION_MESSAGE: return "mail-send-symbolic";
    case RESEAU_INTERACTION_NOTE:
    default:
      return "document-edit-symbolic";
    }
}

/* "Meeting · 14 March 2026". */
char *
reseau_format_interaction_subtitle (const ReseauInteraction *interaction)
{
  g_autofree char *date = reseau_format_date (interaction->happened_on);

  return g_strdup_printf ("%s · %s", reseau_format_interaction_kind (interaction->kind), date);
}
