/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-composer-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-composer-private.h"

/* "Send Later": a date from a calendar and a time from two spin buttons, in the local time
 * zone; the outbox stores the moment in UTC. */

static GDateTime *
chosen_time (ReseauComposer *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                (int)adw_spin_row_get_value (self->hour_row),
                                (int)adw_spin_row_get_value (self->minute_row), 0);
}

gint64
_reseau_composer_send_time (ReseauComposer *self)
{
  g_autoptr(GDateTime) when = NULL;

  if (!adw_expander_row_get_enable_expansion (self->schedule_row))
    return 0;
  when = chosen_time (self);
  return when != NULL ? g_date_time_to_unix (when) : 0;
}

/* Returns: (nullable): "Monday 24 November at 09:00", or NULL when sending now */
char *
_reseau_composer_describe_time (ReseauComposer *self)
{
  g_autoptr(GDateTime) when = NULL;

  if (!adw_expander_row_get_enable_expansion (self->schedule_row) || (when = chosen_time (self)) == NULL)
    return NULL;
  /* Translators: a strftime format for the day and time a message is scheduled for,
   * "Monday 24 November at 09:00" */
  return g_date_time_format (when, _("%A %-d %B at %H:%M"));
}

void
_reseau_composer_update_schedule (ReseauComposer *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) when = chosen_time (self);
  /* Translators: a strftime format for the date button, "Mon 24 Nov 2026" */
  g_autofree char *label = g_date_time_format (day, _("%a %-d %b %Y"));
  g_autofree char *zone = NULL;
  g_autofree char *subtitle = NULL;

  gtk_menu_button_set_label (self->date_button, label);
  if (when != NULL)
    {
      zone = g_strdup (g_date_time_get_timezone_abbreviation (when));
      /* Translators: %s is the time zone's abbreviation, "CET" */
      subtitle = g_strdup_printf (_("Local time (%s)"), zone);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->hour_row), subtitle);
}

/* Tomorrow at 09:00 until the person picks something else. */
void
_reseau_composer_init_schedule (ReseauComposer *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  gtk_calendar_select_day (self->calendar, tomorrow);
  adw_spin_row_set_value (self->hour_row, 9);
  adw_spin_row_set_value (self->minute_row, 0);
  _reseau_composer_update_schedule (self);
}
