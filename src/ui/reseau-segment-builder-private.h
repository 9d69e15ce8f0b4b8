/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-segment-builder.h"

G_BEGIN_DECLS

/* Shared by reseau-segment-builder.c and reseau-segment-builder-name.c. */
ReseauStore *_reseau_segment_builder_get_store (ReseauSegmentBuilder *self);
const char  *_reseau_segment_builder_get_name  (ReseauSegmentBuilder *self);
/* Saves under @name, or says why not in a toast. */
gboolean     _reseau_segment_builder_save      (ReseauSegmentBuilder *self,
                                                const char           *name);
/* Asks for a name (Save… of a new segment, Rename…), then saves. */
void         _reseau_segment_builder_ask_name  (ReseauSegmentBuilder *self);

G_END_DECLS
