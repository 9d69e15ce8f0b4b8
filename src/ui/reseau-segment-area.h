/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_SEGMENT_AREA (reseau_segment_area_get_type ())

G_DECLARE_FINAL_TYPE (ReseauSegmentArea, reseau_segment_area, RESEAU, SEGMENT_AREA, AdwPreferencesGroup)

/* One of a segment's three sets (any of, all of, none of) in the segment builder: the
 * circles and saved segments it names as removable rows, an "Add" menu, and a drop target
 * for circles and saved segments dragged from the sidebar. Emits ::refused (a translated
 * message) when a drop or a choice cannot be taken, e.g. a segment that would include
 * itself. */
GtkWidget            *reseau_segment_area_new     (ReseauSegmentCircles  set);
ReseauSegmentCircles  reseau_segment_area_get_set (ReseauSegmentArea    *self);
void                  reseau_segment_area_bind    (ReseauSegmentArea    *self,
                                                   ReseauStore          *store,
                                                   ReseauSegment        *segment,
                                                   gint64                saved_id);
/* Adds a circle (%RESEAU_SIDEBAR_ITEM_CIRCLE) or saved segment to the set, as a drop does.
 * Returns whether it was taken. */
gboolean              reseau_segment_area_add     (ReseauSegmentArea    *self,
                                                   int                   kind,
                                                   gint64                id);

G_END_DECLS
