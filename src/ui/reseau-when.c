/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-when"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-when.h"

char *
reseau_format_when_date (gint64 utc)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (utc);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (when) != g_date_time_get_year (now))
    /* Translators: a date and time in another year, see g_date_time_format() */
    return g_date_time_format (when, _("%-d %B %Y at %H:%M"));
  /* Translators: a date and time this year, see g_date_time_format() */
  return g_date_time_format (when, _("%A %-d %B at %H:%M"));
}

char *
reseau_format_when (gint64 utc)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (utc);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (when), g_date_time_get_month (when),
                                                    g_date_time_get_day_of_month (when), 0, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  gint64 days = g_date_time_difference (day, today) / G_TIME_SPAN_DAY;

  /* Translators: see g_date_time_format() */
  if (days == 0)
    return g_date_time_format (when, _("Today at %H:%M"));
  if (days == 1)
    return g_date_time_format (when, _("Tomorrow at %H:%M"));
  if (days == -1)
    return g_date_time_format (when, _("Yesterday at %H:%M"));
  return reseau_format_when_date (utc);
}
