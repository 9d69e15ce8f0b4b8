/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A UTC time (Unix seconds) in the local time zone, for people: "Today at 09:00",
 * "Tomorrow at 09:00", "Monday 23 November at 09:00", "23 November 2027 at 09:00". */
char *reseau_format_when      (gint64 utc);
/* Always the date, for a sentence: "Monday 23 November at 09:00". */
char *reseau_format_when_date (gint64 utc);

G_END_DECLS
