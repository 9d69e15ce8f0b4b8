/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_SEGMENT_BUILDER (reseau_segment_builder_get_type ())

G_DECLARE_FINAL_TYPE (ReseauSegmentBuilder, reseau_segment_builder, RESEAU, SEGMENT_BUILDER, AdwBin)

/*
 * The segment builder: a page (with its own header bar) for the window's content pane.
 * It edits a copy of a segment: the circles and saved segments it includes or excludes
 * (also by dropping RESEAU_TYPE_SIDEBAR_ITEM values from the sidebar), its filters, with
 * a live count and a list of the people it matches. It saves under a name, renames and
 * deletes saved segments.
 *
 * Signals:
 *   ::saved (gint64 saved_id)    after a save or a rename
 *   ::deleted (gint64 saved_id)  after the saved segment was deleted (::closed follows)
 *   ::closed ()                  the person is done with the builder
 * Properties: "segment" (ReseauSegment, read-only: the definition being edited, what
 * "Write to Segment" should use), "saved-id" (gint64, 0 for a segment never saved),
 * "count" (guint, the live count, updated ~150 ms after the last change).
 */
ReseauSegmentBuilder *reseau_segment_builder_new          (ReseauStore          *store);
/* @segment: (nullable): copied; %NULL starts an empty segment
 * @saved_id: the saved segment it is the definition of, or 0
 * @name: (nullable): that saved segment's name */
void                  reseau_segment_builder_set_segment  (ReseauSegmentBuilder *self,
                                                           ReseauSegment        *segment,
                                                           gint64                saved_id,
                                                           const char           *name);
ReseauSegment        *reseau_segment_builder_get_segment  (ReseauSegmentBuilder *self);
gint64                reseau_segment_builder_get_saved_id (ReseauSegmentBuilder *self);
guint                 reseau_segment_builder_get_count    (ReseauSegmentBuilder *self);

G_END_DECLS
