/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *reseau_text_fold         (const char *text);
char *reseau_text_sort_key     (const char *text);
char *reseau_text_initial      (const char *text);
char *reseau_text_fts_query    (const char *user_query);
char *reseau_text_today        (void);

G_END_DECLS
