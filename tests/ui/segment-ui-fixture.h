/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-dnd.h"
#include "reseau-segment-area.h"
#include "reseau-segment-builder.h"
#include "reseau-test-utils.h"

G_BEGIN_DECLS

typedef struct
{
  char                 *dir;
  ReseauStore          *store;
  GtkWidget            *window;
  GtkWidget            *sources;  /* rows dragged like the sidebar's */
  ReseauSegmentBuilder *builder;
  gint64                circles[3];
  gint64                saved_id;
} Fixture;

extern const char * const circle_names[3];

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

/* @data: the window width (0: 1100 px); the drag sources show only when it is wide. */
void       fixture_set_up    (Fixture              *f,
                              gconstpointer         data);
void       fixture_tear_down (Fixture              *f,
                              gconstpointer         data);
GtkWidget *find_widget       (GtkWidget            *root,
                              Match                 match,
                              gconstpointer         data);
gboolean   is_area           (GtkWidget            *widget,
                              gconstpointer         set);
gboolean   has_title         (GtkWidget            *widget,
                              gconstpointer         title);
gboolean   is_type           (GtkWidget            *widget,
                              gconstpointer         type);
GtkWidget *area              (Fixture              *f,
                              ReseauSegmentCircles  set);
GtkWidget *row               (Fixture              *f,
                              const char           *title);
/* Waits until the builder edits @expected and counts what the store counts for it. */
void       assert_count      (Fixture              *f,
                              ReseauSegment        *expected);
gboolean   segment_has       (ReseauSegmentBuilder *builder,
                              gboolean              saved,
                              ReseauSegmentCircles  set,
                              gint64                id);
/* Lets transitions end before a screenshot. */
void       settle            (void);
GtkWidget *find_dialog       (Fixture              *f);
/* Translations, a display, the user's locale, libadwaita and the app's style sheet. */
void       segment_ui_init   (int                  *argc,
                              char               ***argv);

G_END_DECLS
